"""The checking work of one POST /v1/compare, as it runs on a check thread: bound the text's
sentences, call the core, serialise the report (a 1 MiB report's JSON is CPU work too)."""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..errors import InputError
from ..text.sentences import split_sentences
from .problems import Problem

# Every character str.splitlines() breaks at: the splitter ends a sentence at each of them.
_LINE_BREAKS = ("\n", "\r", "\v", "\f", "\x1c", "\x1d", "\x1e", "\x85", "\u2028", "\u2029")
_NONBLANK_LINE = re.compile(r"^[^\S\n]*+\S", re.MULTILINE)
_SENTENCE_CAP = 1500          # split_sentences cuts a longer "sentence" into pieces (its max_chars)


@dataclass(frozen=True)
class CompareRequest:
    text: str
    title: str | None
    source: str | None
    reference: str | None
    suppressions: dict[tuple[str, str], str] | None = None    # (claim id, normalised sentence) -> reason
    sources: tuple[str, ...] = ()                              # several sources to choose among


def sentence_upper_bound(text: str) -> int:
    """At least as many as split_sentences(text) gives, in a few C-speed passes: each line break
    or end mark may end a sentence, and a sentence over the cap is cut into pieces of which
    any two in a row cover at least the cap."""
    ends = sum(text.count(c) for c in _LINE_BREAKS) + text.count(".") + text.count("!") + text.count("?")
    return ends + 1 + 3 * (len(text) // (_SENTENCE_CAP - 1) + 1)


def sentence_count_over(text: str, limit: int) -> tuple[int, bool] | None:
    """None if `text` has at most `limit` sentences, else (a count over the limit, whether it is
    exact). Cheap bounds first, so that neither an ordinary article nor 500,000 one-letter
    lines needs a full split."""
    if sentence_upper_bound(text) <= limit:
        return None
    lines = len(_NONBLANK_LINE.findall(text))      # a line break always ends a sentence
    if lines > limit:
        return lines, False
    count = len(split_sentences(text))
    return (count, True) if count > limit else None


def require_sentences_within(text: str, limit: int, what: str) -> None:
    over = sentence_count_over(text, limit)
    if over is not None:
        count, exact = over
        raise Problem("too-many-sentences", f"{what} has {'' if exact else 'at least '}{count:,} sentences; "
                                            f"a request checks at most {limit:,} (FACTCHECK_MAX_SENTENCES)")


def check(checker, request: CompareRequest, max_sentences: int) -> str:
    """The report of `request` as JSON (runs on a check thread: no Flask context here)."""
    require_sentences_within(request.text, max_sentences, "the text")
    if request.reference is not None:
        require_sentences_within(request.reference, max_sentences, "the reference")
        try:
            report = checker.check_against(request.text, request.reference, title=request.title,
                                           suppressions=request.suppressions)
        except InputError as exc:          # a reference over the engine's size limit
            raise Problem("validation-error", f"/reference: {exc}", [{"pointer": "/reference", "detail": str(exc)}]) from None
    else:
        report = checker.check(request.text, title=request.title, source=request.source, suppressions=request.suppressions,
                               sources=list(request.sources) or None)
    if request.suppressions:        # the service reads no suppressions file: what is not inline came with the request
        report = report.model_copy(update={"suppressed": [s.model_copy(update={"by": "request"}) if s.by == "file" else s
                                                          for s in report.suppressed]})
    return report.model_dump_json()
