"""Silence findings an editor has verified: inline markers and a suppressions file.

Inline, in the draft itself (HTML-comment syntax, so it disappears in rendered Markdown):

    Trump held a 60-minute call with Zelensky. <!-- factcheck: ignore zelensky-call.duration -->

The marker silences the findings of that claim (several ids: comma-separated; no id: every
finding) in the sentence it sits in, or, when it follows a sentence on the same line, in the
sentence before it. Markers are blanked to spaces before checking, so offsets stay exact.

In a file (JSON, `schemas/suppressions.schema.json`), keyed by claim id and the sentence's
normalised text, so that a suppression survives edits elsewhere in the draft:

    {"suppressions": [{"claim": "zelensky-call.duration",
                       "sentence": "trump held a 60-minute call with zelensky.",
                       "reason": "the call was shortened in the final version"}]}
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

from pydantic import ValidationError

from .errors import FactcheckError, InputError, did_you_mean
from .files import exclusive, write_atomically
from .inputs import decode_text, parse_json, read_file_limited
from .loader import pointer, validate
from .models import Finding, Suppression, SuppressionsFile
from .text.normalize import fold

MAX_FILE_BYTES = 64 * 1024 * 1024      # a suppressions file is an editor's list, not a data dump

MARKER = re.compile(r"<!--\s*+factcheck:\s*+ignore\b([^>]{0,500}?)-->", re.IGNORECASE)
_SPACES = re.compile(r"\s++")


def normalise(sentence: str) -> str:
    """The key of a sentence: folded case, quotes and dashes, single spaces, no markers."""
    return _SPACES.sub(" ", fold(MARKER.sub(" ", sentence))).strip()


@dataclass(frozen=True)
class InlineMarker:
    start: int
    end: int
    claims: frozenset[str]          # empty: every claim


def find_markers(text: str) -> tuple[str, list[InlineMarker]]:
    """The text with markers blanked (same length) and the markers found."""
    markers = []
    for m in MARKER.finditer(text):
        ids = frozenset(x.strip() for x in m.group(1).replace(",", " ").split() if x.strip())
        markers.append(InlineMarker(m.start(), m.end(), ids))
    if not markers:
        return text, []
    chars = list(text)
    for mk in markers:
        chars[mk.start:mk.end] = " " * (mk.end - mk.start)
    return "".join(chars), markers


NEW_CLAIM = "new"          # the id a marker uses for new-claim findings


def require_known_ids(text: str, markers: list[InlineMarker], known) -> None:
    """An InputError for the first marker that names a claim id no reference of the check has:
    a misspelt id would otherwise silence nothing, unseen."""
    for mk in markers:
        for cid in sorted(mk.claims - set(known) - {NEW_CLAIM}):
            line = text.count("\n", 0, mk.start) + 1
            raise InputError(f"line {line}: the factcheck marker names claim {cid!r}, which no reference has"
                             f"{did_you_mean(cid, known)}")


def marker_target(text: str, marker: InlineMarker, spans: list[tuple[int, int]]) -> tuple[int, int] | None:
    """The sentence span a marker applies to: the one containing it, else the one before it on its line."""
    for s, e in spans:
        if s <= marker.start < e:
            return s, e
    line_start = text.rfind("\n", 0, marker.start) + 1
    before = [(s, e) for s, e in spans if line_start <= s and e <= marker.start]
    return before[-1] if before else None


def read_document(path: Path) -> SuppressionsFile:
    """The suppressions file at `path`, checked; an InputError in one line saying what is wrong
    (unreadable, empty, not JSON, not a suppressions file), never a traceback."""
    data = read_file_limited(path, MAX_FILE_BYTES, f"suppressions file {path}")
    text = decode_text(data, f"suppressions file {path}")
    if not text.strip():
        raise InputError(f"suppressions file {path} is empty; remove it, or give it {{\"suppressions\": []}}")
    doc = parse_json(text, f"suppressions file {path}")
    try:
        validate(doc, "suppressions", path)
        return SuppressionsFile.model_validate(doc)
    except ValidationError as exc:
        first = exc.errors()[0]
        raise InputError(f"{path} at {pointer(first['loc'])}: {first['msg']}") from None
    except FactcheckError as exc:   # the schema's own message, with the path and pointer
        raise InputError(f"{exc} (not a valid suppressions file)") from None


def keyed(entries: list[Suppression]) -> dict[tuple[str, str], str]:
    """(claim id, normalised sentence) -> reason: how a suppressions file's entries, or a request's, are looked up."""
    return {(e.claim, normalise(e.sentence)): e.reason for e in entries}


def load_file(path: Path) -> dict[tuple[str, str], str]:
    """(claim id, normalised sentence) -> reason, from a suppressions file."""
    return keyed(read_document(path).suppressions)


def add_to_file(path: Path, findings: list[Finding], reason: str) -> int:
    """Add suppressions for `findings` to the file at `path` (created if missing). The file is
    replaced atomically: a kill, a full disk or a read-only folder leaves the old file whole."""
    path = Path(path)
    with exclusive(path):       # a second run at the same moment waits, then adds to this one's file
        doc = read_document(path).model_dump(exclude_none=True) if path.exists() else {"suppressions": []}
        have = {(s["claim"], normalise(s["sentence"])) for s in doc["suppressions"]}
        added = 0
        for f in findings:
            key = (f.claim.id, normalise(f.text))
            if key not in have:
                doc["suppressions"].append({"claim": key[0], "sentence": key[1], "reason": reason})
                have.add(key)
                added += 1
        write_atomically(path, json.dumps(doc, indent=2, ensure_ascii=False) + "\n")
    return added
