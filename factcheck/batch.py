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
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass

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

    sources: tuple[str, ...] = ()          # one or several source ids to choose among (none: all)
    references: tuple[tuple[str, str], ...] = ()
    suppressions: dict | None = None
    min_severity: str = "info"        # the findings the exit code counts (the line is always the whole report)
    severities: dict | None = None    # rule id -> severity, needed when min_severity is not "info"


def read_lines(path: str, stream, max_bytes: int) -> Iterator[Record]:
    """The records of a JSON Lines file (a binary stream): {"id", "text"} per line. A bad line is a
    record with its error, and the lines after it are read as usual; a line over `max_bytes` is
    skipped to its end without being held in memory."""
    from .inputs import decode_text
    n = 0
    while True:
        data = stream.readline(max_bytes + 1)
        if not data:
            return
        n += 1
        where = ("id", f"{path}:{n}")
        if len(data) > max_bytes and not data.endswith(b"\n"):
            while data and not data.endswith(b"\n"):          # the rest of the line, a piece at a time
                data = stream.readline(max_bytes + 1)
            yield Record(where, None, f"line {n} is over {max_bytes:,} bytes (--max-bytes)")
            continue
        if n == 1 and data.startswith(b"\xef\xbb\xbf"):
            data = data[3:]                                     # a byte order mark
        if not data.strip():
            continue
        try:
            doc = json.loads(decode_text(data, f"line {n}"))
        except FactcheckError as exc:
            yield Record(where, None, str(exc))
            continue
        except (ValueError, RecursionError) as exc:            # syntax, 4,300+ digits, deep nesting
            yield Record(where, None, f"line {n}: not JSON ({getattr(exc, 'msg', None) or exc})")
            continue
        given = doc.get("id") if isinstance(doc, dict) else None
        if given is not None and (not isinstance(given, (str, int, float)) or isinstance(given, bool)):
            yield Record(where, None, f'line {n}: "id" must be a string or a number')
            continue
        if not isinstance(doc, dict) or not isinstance(doc.get("text"), str):
            # the line's own id, when it has a good one, names its error
            yield Record(("id", given) if given is not None else where, None,
                         f'line {n}: expected an object with a string "text"')
            continue
        yield Record(("id", given if given is not None else f"{path}:{n}"), doc["text"])


def check_record(checker, record: Record, options: Options) -> dict:
    """One output line: the record's key and the report's fields, or its error."""
    return _checked(checker, record, options)[0]


def _checked(checker, record: Record, options: Options) -> tuple[dict, dict]:
    """(the output line, the summary the exit code reads: of the findings of min_severity or graver)."""
    out: dict = {record.key[0]: record.key[1]}
    if record.error is not None:
        return {**out, "error": record.error}, {}
    try:
        if options.references:
            report = checker.check_references(record.text, list(options.references), options.suppressions)
        else:
            report = checker.check(record.text, suppressions=options.suppressions, sources=list(options.sources) or None)
    except FactcheckError as exc:
        return {**out, "error": str(exc)}, {}
    except Exception as exc:           # a bug: said on this line, and the archive goes on
        return {**out, "error": f"internal error ({type(exc).__name__}: {exc}); please report it"}, {}
    counted = report
    if options.min_severity != "info":
        from .formats import at_least
        counted = at_least([("", report)], options.min_severity, options.severities or {})[0][1]
    return {**out, **report.model_dump(mode="json")}, counted.summary.model_dump()


# -- a pool of processes -------------------------------------------------------------------------

_worker: tuple | None = None       # (checker, options) in a pool's process, inherited by fork
CHUNK = 8                          # records sent to a process at once: fewer messages for this one to pass
WINDOW = 4                         # chunks in flight per process: enough to keep each busy, few enough to stream


@dataclass(frozen=True)
class Line:
    """One output line as JSON, with what the exit code needs of it."""

    json: str
    error: bool
    summary: dict


def _run(records: list[Record]) -> list[Line]:
    checker, options = _worker
    return [as_line(*_checked(checker, r, options)) for r in records]


def as_line(out: dict, summary: dict) -> Line:
    return Line(json.dumps(out, ensure_ascii=False), "error" in out, summary)


def check_all(records: Iterable[Record], options: Options, jobs: int, checker) -> Iterator[Line]:
    """Each record's output line, in input order. With jobs > 1 the records are checked by that
    many processes forked from this one, so the loaded `checker` is shared, not loaded again
    (where a platform cannot fork, one process checks them all). The processes write the JSON,
    so this one only passes lines on. Records are read as the pool asks for them, so an archive
    larger than memory streams through. A process that dies (killed, out of memory) is an
    error, never a hang."""
    if jobs <= 1 or "fork" not in multiprocessing.get_all_start_methods():
        for record in records:
            yield as_line(*_checked(checker, record, options))
        return
    global _worker
    _worker = (checker, options)
    window: deque = deque()         # chunks on their way, in input order: at most WINDOW per process
    try:
        with ProcessPoolExecutor(jobs, mp_context=multiprocessing.get_context("fork")) as pool:
            for chunk in _chunks(records, CHUNK):
                window.append(pool.submit(_run, chunk))
                if len(window) >= WINDOW * jobs:
                    yield from window.popleft().result()
            while window:
                yield from window.popleft().result()
    except BrokenProcessPool:
        raise FactcheckError("a checking process died (killed, or out of memory); the lines above are complete") from None


def _chunks(records: Iterable[Record], size: int) -> Iterator[list[Record]]:
    chunk: list[Record] = []
    for r in records:
        chunk.append(r)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk
