"""The work budget of one service process: how many checks run at once, how many wait, for how
long, and how long one check may run.

    budget.run(fn, *args)   # fn's result, or a Problem:
                            #   503 service-busy (Retry-After)  queue full, or no slot in time
                            #   422 work-budget-exceeded        ran longer than its time; stopped

A check runs on a native thread of a small pool, never on the thread that serves requests,
so /healthz and the other cheap endpoints answer whatever the checks are doing. A check over
its time is stopped (an exception raised in its thread), so its slot frees and the CPU goes
back to the requests that can still be answered in time.
"""
from __future__ import annotations

import concurrent.futures
import math
import os
import time

from . import runtime
from .problems import Problem

# How long to let a stopped check unwind before answering anyway (it stops at its next
# bytecode; only a long C call could delay it).
_STOP_GRACE = 1.0
_QUEUED, _RUNNING, _DONE, _ABANDONED = "queued", "running", "done", "abandoned"


class _Stopped:
    """The result of a job stopped over its time."""


class _Job:
    """One check: queued, running on some pool thread, done, or abandoned before it started."""

    def __init__(self, fn, args, on_done):
        self.fn, self.args, self.on_done = fn, args, on_done
        self.lock = runtime.native_lock()      # state changes vs. the waiter stopping the job
        self.state = _QUEUED
        self.thread_id = None
        self.started = None

    def __call__(self):                        # on a pool thread
        with self.lock:
            if self.state != _QUEUED:
                return _Stopped                # the waiter gave up on it before it started
            self.state, self.thread_id, self.started = _RUNNING, runtime.native_thread_id(), time.monotonic()
        try:
            return self.fn(*self.args)
        except runtime.Stop:
            return _Stopped
        finally:
            self._finish()

    def _finish(self) -> None:
        # After the state says done no stop is sent; one sent just before may still be pending
        # (or land in this very code), so cancel it: the thread must leave clean for its next job.
        while True:
            try:
                with self.lock:
                    self.state = _DONE
                runtime.raise_in_thread(self.thread_id, None)
                self.on_done(self, time.monotonic() - self.started)
                return
            except runtime.Stop:
                continue

    def abandon(self) -> bool:
        """Give up on a job not yet started; False if it has started (or finished)."""
        with self.lock:
            if self.state == _QUEUED:
                self.state = _ABANDONED
                return True
            return False

    def stop(self) -> None:
        with self.lock:
            if self.state == _RUNNING:
                runtime.raise_in_thread(self.thread_id, runtime.Stop)


class WorkBudget:
    """`threads` checks at once; up to `queue_depth` more wait, each at most `queue_timeout`
    seconds for a thread; a check runs at most `check_timeout` seconds."""

    def __init__(self, threads: int, queue_depth: int, queue_timeout: float, check_timeout: float):
        self.threads, self.queue_depth = threads, queue_depth
        self.queue_timeout, self.check_timeout = queue_timeout, check_timeout
        self._admitted: set[_Job] = set()        # queued or running; set.add/discard are atomic
        self._mean_seconds = 0.05                # moving mean of a check's time, for Retry-After
        self._pool = None
        self._pool_pid = None

    @property
    def in_flight(self) -> int:
        """Checks admitted and not finished (queued or running)."""
        return len(self._admitted)

    def _executor(self):
        # a thread pool does not survive fork (gunicorn forks the workers after the app loads)
        if self._pool is None or self._pool_pid != os.getpid():
            self._pool, self._pool_pid = runtime.thread_pool(self.threads), os.getpid()
        return self._pool

    def _finished(self, job: _Job, seconds: float) -> None:
        self._admitted.discard(job)
        self._mean_seconds = 0.8 * self._mean_seconds + 0.2 * seconds

    def retry_after(self) -> int:
        """Seconds until a slot is likely free: the queue ahead, at the recent pace."""
        return max(1, min(60, math.ceil(self._mean_seconds * max(1, self.in_flight) / self.threads)))

    def _busy(self, detail: str) -> Problem:
        seconds = self.retry_after()
        return Problem("service-busy", f"{detail}; retry in {seconds} s", headers={"Retry-After": str(seconds)})

    def run(self, fn, *args):
        if self.in_flight >= self.threads + self.queue_depth:
            raise self._busy(f"{self.in_flight} checks are running or waiting, the most this worker takes")
        job = _Job(fn, args, self._finished)
        self._admitted.add(job)
        try:
            future = self._executor().submit(job)
        except RuntimeError:                     # the pool is shutting down with the worker
            self._admitted.discard(job)
            raise self._busy("the service is shutting down") from None
        return self._outcome(self._wait(job, future))

    def _wait(self, job: _Job, future):
        """The job's result, waiting at most queue_timeout for it to start and check_timeout
        from its start for it to finish."""
        queue_deadline = time.monotonic() + self.queue_timeout
        while True:
            now = time.monotonic()
            # not started yet: it cannot be over its time before now + check_timeout
            until = job.started + self.check_timeout if job.started is not None else min(queue_deadline, now + self.check_timeout)
            try:
                return future.result(timeout=max(0.0, until - now))
            except concurrent.futures.TimeoutError:
                pass
            if job.started is None and time.monotonic() >= queue_deadline and job.abandon():
                self._admitted.discard(job)
                raise self._busy(f"no checking slot came free within {self.queue_timeout:g} s")
            if job.started is not None and time.monotonic() >= job.started + self.check_timeout:
                break
        job.stop()
        try:
            return future.result(timeout=_STOP_GRACE)     # _Stopped, or a result that just made it
        except concurrent.futures.TimeoutError:
            return _Stopped

    def _outcome(self, result):
        if result is _Stopped:
            raise Problem("work-budget-exceeded",
                          f"checking this text took longer than the budget of {self.check_timeout:g} s and was "
                          "stopped; split it into shorter texts")
        return result
