"""Service configuration from FACTCHECK_* environment variables, checked at start-up."""
from __future__ import annotations

import logging
import os

from ..errors import DataError

DEFAULTS = {
    "SEEDS_DIR": None,            # None: the bundled seeds
    "RULES_DIR": None,            # None: the bundled rules
    "MAX_BODY_BYTES": 1_048_576,  # 1 MiB
    "LOG_LEVEL": "INFO",
    "CORS_ORIGINS": [],           # allow-list of origins; empty: CORS off
}


def from_environment(environ=os.environ) -> dict:
    """The service settings, from FACTCHECK_<NAME> variables over the defaults."""
    cfg = dict(DEFAULTS)
    for name in DEFAULTS:
        raw = environ.get(f"FACTCHECK_{name}")
        if raw is None or raw == "":
            continue
        if name == "MAX_BODY_BYTES":
            try:
                cfg[name] = int(raw)
            except ValueError:
                raise DataError(f"FACTCHECK_{name}", f"must be a whole number of bytes, not {raw!r}") from None
            if cfg[name] < 1:
                raise DataError(f"FACTCHECK_{name}", "must be at least 1")
        elif name == "CORS_ORIGINS":
            cfg[name] = [o.strip() for o in raw.split(",") if o.strip()]
        elif name == "LOG_LEVEL":
            if raw.upper() not in logging.getLevelNamesMapping():
                raise DataError(f"FACTCHECK_{name}", f"unknown log level {raw!r}")
            cfg[name] = raw.upper()
        else:
            cfg[name] = raw
    return cfg
