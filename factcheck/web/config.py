"""Service configuration from FACTCHECK_* environment variables, checked at start-up."""
from __future__ import annotations

import logging
import os

from ..errors import DataError

DEFAULTS = {
    "SEEDS_DIR": None,            # None: the bundled seeds
    "RULES_DIR": None,            # None: the bundled rules
    "MAX_BODY_BYTES": 1_048_576,  # 1 MiB, for Content-Length and chunked bodies alike
    "LOG_LEVEL": "INFO",
    "CORS_ORIGINS": [],           # allow-list of origins; empty: CORS off
    # The work budget of one service process (each gunicorn worker has its own):
    "MAX_SENTENCES": 2000,        # per text (and per given reference); more: 413
    # checks running at once: they share one core (the GIL), but a short one need not wait for a
    # long one to end (measured: README "Serving"); each worker process has its own threads
    "CHECK_THREADS": 2,
    "QUEUE_DEPTH": 32,            # checks waiting for a thread; more: 503 at once
    "QUEUE_TIMEOUT": 5.0,         # seconds a check may wait for a thread; then 503 + Retry-After
    "CHECK_TIMEOUT": 10.0,        # seconds a check may run; then it is stopped: 422
    "BODY_TIMEOUT": 20.0,         # seconds for the whole body to arrive; then 408
    "HEADER_TIMEOUT": 5,          # seconds for the request headers to arrive (and keep-alive idle)
}
# name -> (type, smallest allowed value)
_NUMBERS = {"MAX_BODY_BYTES": (int, 1), "MAX_SENTENCES": (int, 1), "CHECK_THREADS": (int, 1), "QUEUE_DEPTH": (int, 0),
            "QUEUE_TIMEOUT": (float, 0.0), "CHECK_TIMEOUT": (float, 0.01), "BODY_TIMEOUT": (float, 0.01),
            "HEADER_TIMEOUT": (int, 1)}


def from_environment(environ=os.environ) -> dict:
    """The service settings, from FACTCHECK_<NAME> variables over the defaults."""
    cfg = dict(DEFAULTS)
    for name in DEFAULTS:
        raw = environ.get(f"FACTCHECK_{name}")
        if raw is None or raw == "":
            continue
        if name in _NUMBERS:
            cfg[name] = _number(name, raw)
        elif name == "CORS_ORIGINS":
            cfg[name] = [o.strip() for o in raw.split(",") if o.strip()]
        elif name == "LOG_LEVEL":
            if raw.upper() not in logging.getLevelNamesMapping():
                raise DataError(f"FACTCHECK_{name}", f"unknown log level {raw!r}")
            cfg[name] = raw.upper()
        else:
            cfg[name] = raw
    return cfg


def _number(name: str, raw: str):
    kind, least = _NUMBERS[name]
    try:
        value = kind(raw)
    except ValueError:
        what = "a whole number of bytes" if name == "MAX_BODY_BYTES" else "a whole number" if kind is int else "a number of seconds"
        raise DataError(f"FACTCHECK_{name}", f"must be {what}, not {raw!r}") from None
    if not value >= least or value != value or value == float("inf"):
        raise DataError(f"FACTCHECK_{name}", f"must be at least {least:g} (and finite)")
    return value
