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
import threading
import time

from . import runtime
from .problems import Problem

# How long to let a stopped check unwind before answering anyway (it stops at its next
# bytecode; only a long C call could delay it).
_STOP_GRACE = 1.0


class _Stopped:
    """The result of a job stopped over its time."""


class _Job:
    """One check, running on some pool thread, until done."""

    def __init__(self, fn, args):
        self.fn, self.args = fn, args
        self.lock = runtime.native_lock()      # `running` vs. the waiter stopping the job
        self.running = False
        self.thread_id = None
        self.started = None

    def __call__(self):                        # on a pool thread
        # A stop may land at any bytecode while `running` is True, including in this method's
        # own bookkeeping: every step until `running` is False is retried, and a stop pending
        # when it became False is cancelled, so the thread leaves clean for its next job.
        outcome = None
        while True:
            try:
                if outcome is None:
                    outcome = self._run()
                with self.lock:
                    self.running = False
                runtime.raise_in_thread(self.thread_id, None)
                break
            except runtime.Stop:
                outcome = outcome or ("stopped", None)
        kind, value = outcome
        if kind == "raised":
            raise value
        return _Stopped if kind == "stopped" else value

    def _run(self):
        with self.lock:
            self.running, self.thread_id, self.started = True, runtime.native_thread_id(), time.monotonic()
        try:
            return "done", self.fn(*self.args)
        except runtime.Stop:
            return "stopped", None
        except Exception as exc:               # a Problem, an InputError, a bug: the waiter re-raises it
            return "raised", exc

    def stop(self) -> None:
        with self.lock:
            if self.running:
                runtime.raise_in_thread(self.thread_id, runtime.Stop)


class WorkBudget:
    """`threads` checks at once; up to `queue_depth` more wait, each at most `queue_timeout`
    seconds for a thread; a check runs at most `check_timeout` seconds."""

    def __init__(self, threads: int, queue_depth: int, queue_timeout: float, check_timeout: float):
        self.threads, self.queue_depth = threads, queue_depth
        self.queue_timeout, self.check_timeout = queue_timeout, check_timeout
        self._in_flight = 0                      # waiting or running
        self._mean_seconds = 0.05                # moving mean of a check's time, for Retry-After
        self._pool = self._slots = self._count_lock = None
        self._pool_pid = None

    @property
    def in_flight(self) -> int:
        """Checks admitted and not finished (waiting for a thread or running)."""
        return self._in_flight

    def _runtime(self):
        # Made in the process that serves (gunicorn forks the workers after the app loads, and
        # a thread pool does not survive fork); the slots are a semaphore of that process's
        # kind, so that waiting for one is cooperative under gevent. The pool never queues:
        # a job is submitted only with a slot, so a thread is free for it.
        if self._pool is None or self._pool_pid != os.getpid():
            self._pool, self._pool_pid = runtime.thread_pool(self.threads), os.getpid()
            self._slots, self._count_lock = threading.Semaphore(self.threads), threading.Lock()
            self._in_flight = 0
        return self._pool, self._slots, self._count_lock

    def retry_after(self, at_least: float = 1) -> int:
        """Seconds until a slot is likely free: the queue ahead, at the recent pace."""
        return max(math.ceil(at_least), min(60, math.ceil(self._mean_seconds * max(1, self._in_flight) / self.threads)))

    def _busy(self, detail: str, at_least: float = 1) -> Problem:
        seconds = self.retry_after(at_least)
        return Problem("service-busy", f"{detail}; retry in {seconds} s", headers={"Retry-After": str(seconds)})

    def run(self, fn, *args):
        pool, slots, count_lock = self._runtime()
        with count_lock:                         # request handlers are threads or greenlets
            if self._in_flight >= self.threads + self.queue_depth:
                raise self._busy(f"{self._in_flight} checks are running or waiting, the most this worker takes")
            self._in_flight += 1
        try:
            if not slots.acquire(timeout=self.queue_timeout):
                # the queue moved less than one place in queue_timeout: it will not be quicker now
                raise self._busy(f"no checking slot came free within {self.queue_timeout:g} s", self.queue_timeout)
            try:
                return self._outcome(self._run_in_slot(pool, _Job(fn, args)))
            finally:
                slots.release()
        finally:
            with count_lock:
                self._in_flight -= 1

    def _run_in_slot(self, pool, job: _Job):
        submitted = time.monotonic()
        try:
            future = pool.submit(job)
        except RuntimeError:                     # the pool is shutting down with the worker
            raise self._busy("the service is shutting down") from None
        try:
            return future.result(timeout=self.check_timeout)
        except concurrent.futures.TimeoutError:
            pass
        while job.started is not None and time.monotonic() < job.started + self.check_timeout:
            try:                                 # it started a little after it was submitted
                return future.result(timeout=job.started + self.check_timeout - time.monotonic())
            except concurrent.futures.TimeoutError:
                pass
        try:
            # An exception raised in a thread lands in whatever code runs there next: if that is a
            # __del__ or a gc callback, Python reports it and drops it. So send it until it stops.
            grace = time.monotonic() + _STOP_GRACE
            while True:
                job.stop()
                try:
                    return future.result(timeout=max(0.0, min(0.1, grace - time.monotonic())))  # _Stopped, or done
                except concurrent.futures.TimeoutError:
                    if time.monotonic() >= grace:
                        return _Stopped
        finally:
            self._mean_seconds = 0.8 * self._mean_seconds + 0.2 * (time.monotonic() - submitted)

    def _outcome(self, result):
        if result is _Stopped:
            raise Problem("work-budget-exceeded",
                          f"checking this text took longer than the budget of {self.check_timeout:g} s and was "
                          "stopped; split it into shorter texts")
        return result
