"""What the process's concurrency model provides: native threads for checking, a deadline on
reads from the client, and a way to stop a check that ran over its time.

Under `factcheck serve` the workers are gunicorn's gevent workers, which monkey-patch the
standard library *after* the app was loaded: `threading` then makes greenlets, which would
run a CPU-bound check on the event loop and stall every other connection of the worker
(health checks included). So the checks go to a pool of native threads (gevent's own
ThreadPoolExecutor when gevent is patched in, the standard one otherwise: the Flask test
client, `flask run`, a sync or gthread worker), and reads from the client get a cooperative
deadline (gevent only: a blocking socket read elsewhere cannot be bounded from Python).
"""
from __future__ import annotations

import concurrent.futures
import contextlib
import ctypes
import sys
import threading


class Expired(Exception):
    """A `deadline` ran out."""


class Stop(BaseException):
    """Raised inside a check thread to stop it. A BaseException, so that no `except
    Exception` in the core can swallow it."""


def gevent_patched() -> bool:
    monkey = sys.modules.get("gevent.monkey")
    return bool(monkey and monkey.is_module_patched("threading"))


def thread_pool(threads: int) -> concurrent.futures.Executor:
    """An executor of `threads` native threads whose futures can be waited on from this process's
    request handlers (cooperatively under gevent)."""
    if gevent_patched():
        from gevent.threadpool import ThreadPoolExecutor
        return ThreadPoolExecutor(max_workers=threads)
    return concurrent.futures.ThreadPoolExecutor(max_workers=threads, thread_name_prefix="factcheck-check")


def native_lock():
    """A lock that works between native threads and the event loop's thread."""
    if gevent_patched():
        from gevent.monkey import get_original
        return get_original("_thread", "allocate_lock")()
    return threading.Lock()


def native_thread_id() -> int:
    """The id of the running native thread (not the greenlet's under gevent)."""
    if gevent_patched():
        from gevent.monkey import get_original
        return get_original("_thread", "get_ident")()
    return threading.get_ident()


def raise_in_thread(thread_id: int, exc_type: type[BaseException] | None) -> None:
    """Make `exc_type` raise in that thread at its next bytecode (None: cancel a pending one).
    A pure-Python computation stops there; one inside a long C call stops when it returns."""
    ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(thread_id),
                                               ctypes.py_object(exc_type) if exc_type else None)


@contextlib.contextmanager
def deadline(seconds: float):
    """Raise Expired if the block (reads from the client) takes longer than `seconds`; a no-op
    outside gevent, where a blocked read cannot be interrupted."""
    if not gevent_patched():
        yield
        return
    import gevent
    with gevent.Timeout(seconds, Expired):
        yield
