"""The configuration file: `factcheck.toml`, or `[tool.factcheck]` in `pyproject.toml`.

Keys are spelled as the long options of `factcheck check` (`fail-on = "never"`); a flag on
the command line wins over the file. The file is looked for in the current folder and then
each folder above it, the first found deciding (`factcheck.toml` before `pyproject.toml` in
one folder; a pyproject.toml without `[tool.factcheck]` does not count); `--config FILE`
names one. Paths in the file are relative to its folder. An unknown key, a wrong type or a
value not among the choices stops the command with the file, the key and, where one is
close, the key or value meant.
"""
from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from .errors import InputError, did_you_mean

FILE = "factcheck.toml"
PYPROJECT = "pyproject.toml"

# key -> (type, choices); every key is a long option of `factcheck check`
KEYS: dict[str, tuple[type, tuple[str, ...]]] = {
    "seeds": (Path, ()),
    "rules": (Path, ()),
    "reference": (list, ()),          # one article or a list of them
    "source": (list, ()),             # one source id or a list of them
    "suppressions": (Path, ()),
    "fail-on": (str, ("contradiction", "new_claim", "never")),
    "format": (str, ("text", "json", "jsonl", "github", "sarif")),
    "color": (str, ("auto", "always", "never")),
    "show": (str, ("problems", "agreements", "all")),
    "quiet": (bool, ()),
    "min-severity": (str, ("info", "warning", "error")),
    "max-bytes": (int, ()),
    "rules-url": (str, ()),
}


@dataclass(frozen=True)
class Config:
    path: Path | None = None
    values: dict = field(default_factory=dict)

    def get(self, key: str, default=None):
        return self.values.get(key, default)


def find(start: Path) -> Path | None:
    """The configuration file that applies in `start`: the nearest one up the folders."""
    for folder in (start, *start.parents):
        own = folder / FILE
        if own.is_file():
            return own
        pyproject = folder / PYPROJECT
        if pyproject.is_file() and _has_table(pyproject):
            return pyproject
    return None


def load(path: Path | None = None, start: Path | None = None) -> Config:
    """The configuration in `path` (or the one `find` finds from `start`), validated."""
    if path is None:
        path = find((start or Path.cwd()).resolve())
        if path is None:
            return Config()
    elif not Path(path).is_file():
        raise InputError(f"configuration file {path}: no such file")
    path = Path(path)
    doc = _read(path)
    table, where = (doc.get("tool", {}).get("factcheck", {}), "[tool.factcheck]") if path.name == PYPROJECT else (doc, "")
    if not isinstance(table, dict):
        raise InputError(f"{path}: {where or 'the file'} must be a table")
    values = {}
    for key, raw in table.items():
        label = f"{path}: {where + ' ' if where else ''}{key}"
        if key not in KEYS:
            hint = " (in factcheck.toml the keys stand at the top level, without [tool.factcheck])" if key == "tool" else ""
            raise InputError(f"{path}: unknown key {key!r}{did_you_mean(key, KEYS)}{hint}; keys are: {', '.join(KEYS)}")
        values[key] = _value(label, key, raw, path.parent)
    return Config(path, values)


def _has_table(pyproject: Path) -> bool:
    """Whether a pyproject.toml holds [tool.factcheck]; one that is broken but does not mention
    it is someone else's problem, not a reason to stop."""
    try:
        raw = pyproject.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return False
    try:
        return "factcheck" in tomllib.loads(raw).get("tool", {})
    except tomllib.TOMLDecodeError:
        if "tool.factcheck" in raw:
            _read(pyproject)              # ours, broken: say so
        return False


def _read(path: Path) -> dict:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise InputError(f"{path}: not valid TOML: {exc}") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"{path}: cannot read it: {getattr(exc, 'strerror', None) or exc}") from None


def _value(label: str, key: str, raw, folder: Path):
    kind, choices = KEYS[key]
    if kind is Path:
        if not isinstance(raw, str) or not raw:
            raise InputError(f"{label}: must be a path (a string)")
        return folder / raw
    if kind is list:
        items = [raw] if isinstance(raw, str) else raw
        noun = "path" if key == "reference" else "source id"
        if not isinstance(items, list) or not items or not all(isinstance(i, str) and i for i in items):
            raise InputError(f"{label}: must be a {noun} or a list of {noun}s")
        return [folder / i for i in items] if key == "reference" else items
    if kind is bool:
        if not isinstance(raw, bool):
            raise InputError(f"{label}: must be true or false")
        return raw
    if kind is int:
        if isinstance(raw, bool) or not isinstance(raw, int) or raw < 1:
            raise InputError(f"{label}: must be a whole number of at least 1")
        return raw
    if not isinstance(raw, str):
        raise InputError(f"{label}: must be a string")
    if choices and raw not in choices:
        raise InputError(f"{label}: {raw!r} is not one of {', '.join(choices)}{did_you_mean(raw, choices)}")
    return raw
