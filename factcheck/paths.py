"""Find the data directories: an environment variable, the installed package, or the checkout."""
from __future__ import annotations

import os
from pathlib import Path

from .errors import DataError

PACKAGE = Path(__file__).resolve().parent
NAMES = ("seeds", "rules", "schemas")


def data_dir(name: str) -> Path:
    """Directory `name` (seeds, rules or schemas).

    FACTCHECK_SEEDS_DIR / FACTCHECK_RULES_DIR / FACTCHECK_SCHEMAS_DIR win; then the copy
    bundled inside an installed wheel (factcheck/_data/NAME); then the source checkout.
    """
    if name not in NAMES:
        raise ValueError(f"unknown data directory {name!r}")
    env = os.environ.get(f"FACTCHECK_{name.upper()}_DIR")
    if env:
        path = Path(env)
        if not path.is_dir():
            raise DataError(path, f"FACTCHECK_{name.upper()}_DIR is not a directory")
        return path
    for candidate in (PACKAGE / "_data" / name, PACKAGE.parent / name):
        if candidate.is_dir():
            return candidate
    raise DataError(PACKAGE / "_data" / name, f"no {name} directory found (set FACTCHECK_{name.upper()}_DIR)")
