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
    "DATABASE_URL": None,         # the source store: postgresql://... or an SQLite path (None: the user's data folder)
    "API_KEYS": {},               # "name=key,name2=key2": who may add and remove sources; none: nobody (403)
    "SYNC_SECONDS": 2.0,          # a source added elsewhere (another worker, another replica) is used within this
}
# name -> (type, smallest allowed value)
_NUMBERS = {"MAX_BODY_BYTES": (int, 1), "MAX_SENTENCES": (int, 1), "CHECK_THREADS": (int, 1), "QUEUE_DEPTH": (int, 0),
            "QUEUE_TIMEOUT": (float, 0.0), "CHECK_TIMEOUT": (float, 0.01), "BODY_TIMEOUT": (float, 0.01),
            "HEADER_TIMEOUT": (int, 1), "SYNC_SECONDS": (float, 0.0)}


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
        elif name == "API_KEYS":
            cfg[name] = api_keys(raw)
        elif name == "LOG_LEVEL":
            if raw.upper() not in logging.getLevelNamesMapping():
                raise DataError(f"FACTCHECK_{name}", f"unknown log level {raw!r}")
            cfg[name] = raw.upper()
        else:
            cfg[name] = raw
    return cfg


def api_keys(raw: str) -> dict[str, str]:
    """FACTCHECK_API_KEYS, "name=key,name2=key2" (several keys: one per client, or an old and a
    new one while rotating): name -> key. Names are what the log records; a key is never logged."""
    keys: dict[str, str] = {}
    for n, item in enumerate(part.strip() for part in raw.split(",")):
        if not item:
            continue
        name, sep, key = item.partition("=")
        name, key = name.strip(), key.strip()
        if not sep or not name or not key:
            raise DataError("FACTCHECK_API_KEYS", f"entry {n + 1} is not name=key")
        if len(key) < 16:
            raise DataError("FACTCHECK_API_KEYS", f"the key of {name!r} has {len(key)} characters; use at least 16 "
                                                   "(python -c 'import secrets; print(secrets.token_urlsafe(32))')")
        if name in keys:
            raise DataError("FACTCHECK_API_KEYS", f"the name {name!r} is given twice")
        if key in keys.values():
            raise DataError("FACTCHECK_API_KEYS", f"the key of {name!r} is also another name's key")
        keys[name] = key
    return keys


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
