"""Checking archives: many texts, one JSON line each, in one process or several.

The check is a pure function of a text and the loaded references, so an archive is a map of
`check_record` over its records: here over a pool of processes (`--jobs N`, each holding the
references loaded once), and on a Dask cluster (see `dask_check`) for archives beyond one
machine. Every input gives exactly one output line, a failure included: nothing is lost.
(The Dask recipe is in factcheck/dask_check.py.)
"""
from __future__ import annotations

import json
import multiprocessing
import os
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from .errors import FactcheckError


@dataclass(frozen=True)
class Record:
    """One text of an archive: `key` is ("file", path) or ("id", the line's id)."""

    key: tuple[str, object]
    text: str | None
    error: str | None = None


@dataclass(frozen=True)
class Options:
    """How each record is checked: a source id, or reference articles (id, text), and suppressions."""

    source: str | None = None
    references: tuple[tuple[str, str], ...] = ()
    suppressions: dict | None = None


def read_lines(path: str, stream, max_bytes: int) -> Iterator[Record]:
    """The records of a JSON Lines file (a binary stream): {"id", "text"} per line. A bad line is a
    record with its error, and the lines after it are read as usual."""
    from .inputs import decode_text
    for n, data in enumerate(stream, 1):
        if not data.strip():
            continue
        where = ("id", f"{path}:{n}")
        if len(data) > max_bytes:
            yield Record(where, None, f"line {n} is {len(data):,} bytes; the limit is {max_bytes:,} (--max-bytes)")
            continue
        try:
            doc = json.loads(decode_text(data, f"line {n}"))
        except FactcheckError as exc:
            yield Record(where, None, str(exc))
            continue
        except ValueError as exc:
            yield Record(where, None, f"line {n}: not JSON ({exc.msg})")
            continue
        if not isinstance(doc, dict) or not isinstance(doc.get("text"), str):
            yield Record(where, None, f'line {n}: expected an object with a string "text"')
            continue
        if "id" in doc and not isinstance(doc["id"], (str, int)):
            yield Record(where, None, f'line {n}: "id" must be a string or a number')
            continue
        yield Record(("id", doc.get("id", f"{path}:{n}")), doc["text"])


def check_record(checker, record: Record, options: Options) -> dict:
    """One output line: the record's key and the report's fields, or its error."""
    out: dict = {record.key[0]: record.key[1]}
    if record.error is not None:
        return {**out, "error": record.error}
    try:
        if options.references:
            report = checker.check_references(record.text, list(options.references), options.suppressions)
        else:
            report = checker.check(record.text, suppressions=options.suppressions, source=options.source)
    except FactcheckError as exc:
        return {**out, "error": str(exc)}
    return {**out, **report.model_dump(mode="json")}


# -- a pool of processes -------------------------------------------------------------------------

_worker: tuple | None = None       # (checker, options) in a pool's process
CHUNK = 8                          # records sent to a process at once: fewer messages for this one to pass
WINDOW = 4                         # chunks in flight per process: enough to keep each busy, few enough to stream


def _init(loader, options: Options) -> None:
    global _worker
    _worker = (loader(), options)


@dataclass(frozen=True)
class Line:
    """One output line as JSON, with what the exit code needs of it."""

    json: str
    error: bool
    summary: dict


def _run(records: list[Record]) -> list[Line]:
    checker, options = _worker
    return [as_line(check_record(checker, r, options)) for r in records]


def as_line(out: dict) -> Line:
    return Line(json.dumps(out, ensure_ascii=False), "error" in out, out.get("summary", {}))


def check_all(records: Iterable[Record], options: Options, jobs: int, checker=None, loader=None) -> Iterator[Line]:
    """Each record's output line, in input order. With jobs > 1 the records are checked by that
    many processes: forked from this one where the platform allows it (the loaded `checker` is
    shared, not loaded again), else each calls `loader` once. The processes write the JSON, so
    this one only passes lines on. Records are read as the pool asks
    for them, so an archive larger than memory streams through."""
    if jobs <= 1:
        for record in records:
            yield as_line(check_record(checker, record, options))
        return
    methods = multiprocessing.get_all_start_methods()
    if "fork" in methods and checker is not None:
        global _worker
        _worker = (checker, options)
        ctx, init, args = multiprocessing.get_context("fork"), None, ()
    else:
        ctx, init, args = multiprocessing.get_context("spawn"), _init, (loader, options)
    window: deque = deque()         # chunks on their way, in input order: at most WINDOW per process
    with ctx.Pool(jobs, initializer=init, initargs=args) as pool:
        for chunk in _chunks(records, CHUNK):
            window.append(pool.apply_async(_run, (chunk,)))
            if len(window) >= WINDOW * jobs:
                yield from window.popleft().get()
        while window:
            yield from window.popleft().get()


def _chunks(records: Iterable[Record], size: int) -> Iterator[list[Record]]:
    chunk: list[Record] = []
    for r in records:
        chunk.append(r)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def default_jobs() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
