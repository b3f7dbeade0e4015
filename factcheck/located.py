"""Where a compared value is written, and how a rule hit says it.

A kind judges values as the analysis reads them ("60 minute", "$ 12 million"); an editor
needs the words as written ("60-minute") and where they are. `locate` finds a value in its
clause, in the checked text and in the reference's evidence; `phrase` writes a value as an
editor reads it; `rule_hit` turns a rule's outcome into the report's RuleHit with both spans
and a message in sentences. Both engines (hand claims and extracted frames) use it, so every
finding reads the same way.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache

from .models import RuleHit, ValueSpan

_PIECE = re.compile(r"\w+|[^\w\s]")
_GAP = r"[\s\-\u2010-\u2015]*"            # what may stand between two pieces as written: "60-minute", "$12"
_EDGE_PUNCT = set(".,;:!?\"'()[]\u201c\u201d\u2018\u2019")
# words an analysed value may trail that are not part of it ("12 people in", "tens of thousands of")
_TRAILING = frozenset({"in", "of", "at", "on", "to", "for", "by", "from", "with", "and", "or", "the", "a", "an",
                       "had", "has", "have", "was", "were", "is", "are", "been"})


@dataclass(frozen=True)
class Scope:
    """A stretch of a document to look for a value in: `text` is document[offset:], searched
    between lo and hi (positions in `text`); positions reported are the document's."""

    text: str
    lo: int
    hi: int
    offset: int = 0
    line_starts: tuple[int, ...] | None = None     # of the document, for line and column


def line_starts(text: str) -> tuple[int, ...]:
    return (0, *(m.end() for m in re.finditer("\n", text)))


def line_column(starts, offset: int) -> tuple[int, int]:
    """The 1-based line and column of a character offset, given the text's line starts."""
    line = bisect.bisect_right(starts, offset)
    return line, offset - starts[line - 1] + 1


def locate(value: str, scopes: list[Scope]) -> ValueSpan | None:
    """The first place the value is written in the first scope that has it: word by word,
    ignoring case and the spaces or hyphens between words. None when it is not written there
    (a judgement such as "affirmed", or a value the analysis inferred)."""
    patterns = _patterns(value)
    if patterns is None:
        return None
    exact, loose = patterns
    for scope in scopes:
        lo, hi = max(0, scope.lo), min(len(scope.text), scope.hi)
        m = exact.search(scope.text, lo, hi) or (loose.search(scope.text, lo, hi) if loose else None)
        if m is None:
            continue
        start, end = scope.offset + m.start(), scope.offset + m.end()
        line = column = None
        if scope.line_starts is not None:
            line, column = line_column(scope.line_starts, start)
        return ValueSpan(text=m.group(), start=start, end=end, line=line, column=column)
    return None


@lru_cache(maxsize=8192)
def _patterns(value: str) -> tuple[re.Pattern, re.Pattern | None] | None:
    """The value's pattern as written, and a looser one for a value the analysis shortened;
    made once per value (a report asks for the same few values many times)."""
    pieces = _PIECE.findall(value)
    while pieces and (pieces[-1] in _EDGE_PUNCT and not _abbreviation_end(pieces)
                      or len(pieces) > 1 and pieces[-1].lower() in _TRAILING):
        pieces.pop()
    while pieces and pieces[0] in _EDGE_PUNCT:
        pieces.pop(0)
    if not pieces:
        return None
    exact = _pattern(pieces, _GAP)
    # the analysis may leave out a word or two ("half point" is written "half a percentage point")
    loose = _pattern(pieces, _GAP + r"(?:\w+[\s\-]+){0,2}?") if len(pieces) > 1 else None
    return exact, loose


def _pattern(pieces: list[str], gap: str) -> re.Pattern:
    pattern = gap.join(_piece(p) for p in pieces)
    if pieces[0][0].isalnum() or pieces[0][0] == "_":
        pattern = r"(?<!\w)" + pattern
    if pieces[-1][-1].isalnum() or pieces[-1][-1] == "_":
        pattern += r"(?!\w)"
    return re.compile(pattern, re.IGNORECASE)


def _abbreviation_end(pieces: list[str]) -> bool:
    """ "p.m.", "U.S.": the last full stop is part of the value."""
    return pieces[-1] == "." and len(pieces) >= 3 and len(pieces[-2]) == 1 and pieces[-2].isalpha() and pieces[-3] == "."


def _piece(word: str) -> str:
    """A word of the value, in the singular or the plural ("90 minutes" is written "90-minute")."""
    if not word.isalpha() or len(word) < 4:
        return re.escape(word)
    stem = word[:-1] if word.endswith("s") and not word.endswith("ss") else word
    return re.escape(stem) + "(?:e?s)?"


# --- how a value reads ------------------------------------------------------------------------

_NUMBER = r"(?:\d[\d,]*(?:\.\d+)?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|" \
          r"[a-z]+teen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|a|an)"
# "a 60-minute call": a number and a unit written as one adjective reads "60 minutes" alone
_UNITS = r"(?:second|minute|hour|day|week|month|year|decade|century|mile|kilometre|kilometer|km|metre|meter|" \
         r"foot|inch|yard|pound|kilogram|kg|ton|tonne|point|percentage point)"
_COMPOUND = re.compile(rf"^({_NUMBER})[\s\-\u2010-\u2015]+({_UNITS})$", re.IGNORECASE)
_ONE = {"1", "one", "a", "an"}
_IRREGULAR = {"foot": "feet", "man": "men", "woman": "women", "person": "people", "child": "children"}


def plural(noun: str) -> str:
    low = noun.lower()
    if low in _IRREGULAR:
        return _IRREGULAR[low]
    if low.endswith("s"):
        return noun
    if re.search(r"(?:sh|ch|x|z)$", low):
        return noun + "es"
    if re.search(r"[^aeiou]y$", low):
        return noun[:-1] + "ies"
    return noun + "s"


@lru_cache(maxsize=8192)
def phrase(value: str) -> str:
    """A value as a sentence can carry it: one line, spaces where they belong ("$ 12 million" is
    "$12 million", "June ." is "June"), and "60-minute" as "60 minutes"."""
    text = " ".join(value.split())
    text = re.sub(r"([$£€¥])\s+(?=\d)", r"\1", text)
    text = re.sub(r"(?<=\d)\s+(%)", r"\1", text)
    text = re.sub(r"\s+([.,;:!?%)])", r"\1", text)
    text = re.sub(r"([(])\s+", r"\1", text)
    text = text.strip(" ,;:")
    if text.endswith(".") and not re.search(r"(?:^|[\s.])\w\.$", text):
        text = text[:-1]
    words = text.split(" ")
    while len(words) > 1 and words[-1].lower() in _TRAILING:
        words.pop()
    text = " ".join(words)
    m = _COMPOUND.match(text)
    if m:
        number, unit = m.groups()
        return f"{number} {unit if number.lower() in _ONE else plural(unit)}"
    return text


def _same(a: str, b: str) -> bool:
    return a.casefold() == b.casefold()


def _short_found(reference: str, found: str) -> str:
    """"The reference gives 90 minutes; this says 60": the unit is said once when both share it."""
    r, f = reference.split(" ", 1), found.split(" ", 1)
    if len(r) == 2 and len(f) == 2 and _same(r[1], f[1]) and re.fullmatch(_NUMBER, f[0], re.IGNORECASE) \
            and re.fullmatch(_NUMBER, r[0], re.IGNORECASE):
        return f[0]
    return found


DEFAULT_AGREEMENT = "Matches the reference, which gives {reference}."
SAME_AGREEMENT = "Matches the reference: {found}."


CONTAINED = {"within": "Matches the reference: {found} is in {reference}.",
             "contains": "Matches the reference: {reference} is in {found}."}


def message(conflict_template: str, agreement_template: str | None, status: str, reference: str, found: str,
            relation: str = "") -> str:
    """The message of one outcome: the rule's contradiction template, or its agreement template
    (without one: "Matches the reference: X." when both sides say the same words, and
    DEFAULT_AGREEMENT when they word it differently); a place inside the other says so."""
    reference, found = phrase(reference), phrase(found)
    if status == "agree" and relation in CONTAINED and not _same(reference, found):
        return CONTAINED[relation].format(reference=reference, found=found)
    if status == "agree":
        template = agreement_template or (SAME_AGREEMENT if _same(reference, found) else DEFAULT_AGREEMENT)
        return _one_stop(template.format(reference=reference, found=found))
    return _one_stop(conflict_template.format(reference=reference, found=_short_found(reference, found)))


def _one_stop(sentence: str) -> str:
    """"... this says 6:09 p.m.." ends with one full stop."""
    return sentence[:-1] if sentence.endswith("..") else sentence


def rule_hit(rule, outcome, found_in: list[Scope], reference_in: list[Scope]) -> RuleHit:
    """The report's record of one rule outcome: the message, and where each compared value is
    written (the checked text's, the reference's), when it is."""
    found_cue, reference_cue = getattr(outcome, "found_text", ""), getattr(outcome, "reference_text", "")
    found = locate(found_cue or outcome.found, found_in)
    reference = locate(reference_cue or outcome.reference, reference_in)
    # the message names the values as written where what was located is the value itself
    # (not a cue standing for a judgement such as "possible (“could”)")
    text = message(rule.rule.message, rule.rule.agreement, outcome.status,
                   reference.text if reference and not reference_cue else outcome.reference,
                   found.text if found and not found_cue else outcome.found, getattr(outcome, "relation", ""))
    return RuleHit(id=rule.id, category=rule.rule.category, message=text, found=found, reference=reference)
