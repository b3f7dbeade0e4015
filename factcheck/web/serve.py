"""`factcheck serve`: the service on gunicorn, with the reference loaded once before forking.

The default set-up, chosen by measurement (bench/abuse.py, README "Serving"): gevent workers,
one per core. A connection costs a greenlet, not a worker or a thread, so slow or idle
clients cannot starve the service; request headers must arrive within HEADER_TIMEOUT seconds
and a body within BODY_TIMEOUT; the checks themselves run on a native thread per worker
(factcheck/web/budget.py), so the event loop, and /healthz with it, stays responsive.
"""
from __future__ import annotations

import errno
import gc
import os
import socket
import sys

from gunicorn.app.base import BaseApplication

from ..errors import InputError


class _Server(BaseApplication):
    def __init__(self, app, options: dict):
        self.application = app
        self.options = options
        super().__init__()

    def load_config(self):
        for key, value in self.options.items():
            self.cfg.set(key, value)

    def load(self):
        return self.application


def _require_port(port: int) -> None:
    if not 0 <= port <= 65535:
        raise InputError(f"port {port} is not a TCP port (0-65535; 0 picks a free one)")


def listen(host: str, port: int) -> socket.socket:
    """A listening socket on host:port, or an InputError saying in one line why not."""
    _require_port(port)
    try:
        family, kind, proto, _, address = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM,
                                                             flags=socket.AI_PASSIVE)[0]
    except (socket.gaierror, UnicodeError) as exc:
        raise InputError(f"cannot serve on host {host!r}: {getattr(exc, 'strerror', None) or exc}") from None
    sock = socket.socket(family, kind, proto)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind(address)
        sock.listen(2048)
    except OSError as exc:
        sock.close()
        hint = "; is another server running there?" if exc.errno == errno.EADDRINUSE else ""
        raise InputError(f"cannot listen on {host}:{port}: {exc.strerror or exc}{hint}") from None
    return sock


def options(settings: dict, workers: int, worker_class: str, threads: int, listener_fd: int, announce) -> dict:
    from .workers import WORKER_CLASSES
    return {
        "bind": f"fd://{listener_fd}", "workers": workers, "worker_class": WORKER_CLASSES[worker_class],
        "threads": threads, "worker_connections": 1000,
        # headers within HEADER_TIMEOUT s (gevent; also the keep-alive idle time); the app's own
        # budget (queue + check, about 15 s) ends well before the worker timeout
        "keepalive": settings["HEADER_TIMEOUT"], "timeout": 30, "graceful_timeout": 30,
        # the server's limits (its 414/431/400 are problem+json: factcheck/web/workers.py)
        "limit_request_line": 4094, "limit_request_fields": 100, "limit_request_field_size": 8190,
        "max_requests": 2000, "max_requests_jitter": 200,
        "accesslog": None, "errorlog": "-", "loglevel": "warning",
        "proc_name": "factcheck", "when_ready": announce, "worker_exit": _quiet_exit,
    }


def _quiet_exit(_arbiter, _worker) -> None:
    """A gevent worker's last act: flush and close the log handlers, then empty logging's list of
    them. A handler collected while the interpreter tears down otherwise takes logging's lock
    through gevent's patched threading after gevent is gone, and prints a TypeError traceback
    ("Exception ignored in _removeHandlerRef"; gevent issue 2148); with the list empty, logging
    skips the lock."""
    import logging
    logging.shutdown()
    logging._handlerList.clear()


def serve(host: str, port: int, workers: int | None, worker_class: str = "gevent", threads: int | None = None) -> int:
    from . import create_app
    _require_port(port)
    if workers is not None and workers < 1:
        raise InputError(f"--workers must be at least 1, not {workers}")
    if threads is not None and threads < 1:
        raise InputError(f"--threads must be at least 1, not {threads}")
    app = create_app()          # a broken data file stops here, before the port is taken
    from ..engine import keep_loaded
    keep_loaded()               # before the workers fork: the loaded data stays shared, untouched by collections
    listener = listen(host, port)
    workers = workers or os.cpu_count() or 1
    threads = threads or (32 if worker_class == "gthread" else 1)
    bound_host, bound_port = listener.getsockname()[:2]
    address = f"http://{f'[{bound_host}]' if ':' in bound_host else bound_host}:{bound_port}"
    claims = len(app.extensions["factcheck"].reference.claims)

    def announce(_arbiter):     # gunicorn's when_ready: the port listens, the workers are starting
        print(f"factcheck: serving {address} with {workers} {worker_class} worker{'s' if workers > 1 else ''} "
              f"({claims} claims); Ctrl+C stops", file=sys.stderr, flush=True)

    # The loaded reference is shared with the forked workers page by page until written; the
    # cyclic GC writes to every object it scans, so keep what is loaded now out of its reach.
    gc.freeze()
    fd = listener.detach()      # gunicorn owns the socket from here (and closes it when it stops)
    _Server(app, options(app.config["FACTCHECK"], workers, worker_class, threads, fd, announce)).run()
    return 0
