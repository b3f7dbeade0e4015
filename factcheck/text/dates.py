"""Read dates from tokens: "February 2022", "Feb. 12", "12 February", "pre-2014", "since 2021".

Month words are taken only when capitalised, and "May"/"March" only next to a number or
after a preposition, so the modal "may" is never a month.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from .tokens import Token


@dataclass(frozen=True)
class DateWords:
    months: dict[str, int]          # "february": 2, "feb": 2
    ambiguous_months: frozenset[str]  # "may", "march": also ordinary words
    weekdays: frozenset[str]
    relations: dict[str, str]       # "pre": "before", "since": "since"
    anchors: frozenset[str]         # prepositions that make "March" a month: "in", "for"
    relative: tuple[tuple[str, ...], ...] = ()   # ("next", "month"): a time with no calendar date

    relative_starts: frozenset[str] = field(init=False)

    def __post_init__(self):
        object.__setattr__(self, "relative_starts", frozenset(k[0] for k in self.relative))


@dataclass(frozen=True)
class DateMention:
    year: int | None
    month: int | None
    day: int | None
    relation: str          # "at", "before", "since", "after"
    first: int
    last: int
    text: str
    weekday: str = ""
    relative: bool = False
    of_saying: bool = False  # the date of a statement ("announced on Tuesday"), not of what it says happened

    def describe(self) -> str:
        return self.text


def _year(tok: Token) -> int | None:
    if tok.is_number and len(tok.norm) == 4 and tok.norm.isdecimal():
        y = int(tok.norm)
        if 1900 <= y <= 2100:
            return y
    return None


def _day(tok: Token) -> int | None:
    if tok.is_number and tok.norm.isdecimal() and len(tok.norm) <= 2 and 1 <= int(tok.norm) <= 31:
        return int(tok.norm)
    return None


def _month(tokens: list[Token], i: int, words: DateWords) -> int | None:
    tok = tokens[i]
    if not tok.capitalized or tok.norm not in words.months:
        return None
    if tok.norm in words.ambiguous_months:
        prev = tokens[i - 1] if i else None
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        if not ((prev is not None and (prev.norm in words.anchors or _day(prev) is not None))
                or (nxt is not None and nxt.is_number)):
            return None
    return words.months[tok.norm]


def _relation(tokens: list[Token], first: int, words: DateWords) -> tuple[str, int]:
    """How a date relates to what happened (at, before, since, after, until) and where its mention
    starts: the word before it, past "at least" ("until at least Wednesday" is until)."""
    bound = 2 if first >= 3 and tokens[first - 2].norm == "at" and tokens[first - 1].norm in ("least", "earliest", "latest") else 0
    if first - bound > 0 and tokens[first - bound - 1].norm in words.relations:
        return words.relations[tokens[first - bound - 1].norm], first - bound - 1
    return "at", first


def find_dates(tokens: list[Token], words: DateWords) -> list[DateMention]:
    out: list[DateMention] = []
    i, n = 0, len(tokens)
    while i < n:
        first = i
        year = month = day = None
        weekday = ""
        rel = None
        if tokens[i].norm in words.relative_starts:
            rel = next((k for k in words.relative if tuple(t.norm for t in tokens[i:i + len(k)]) == k), None)
        if rel:
            last = i + len(rel) - 1
            out.append(DateMention(None, None, None, "at", i, last, " ".join(t.text for t in tokens[i:last + 1]), relative=True))
            i = last + 1
            continue
        if tokens[i].norm in words.weekdays and tokens[i].capitalized:
            relation, first = _relation(tokens, i, words)
            out.append(DateMention(None, None, None, relation, first, i, " ".join(t.text for t in tokens[first:i + 1]),
                                   weekday=tokens[i].norm))
            i += 1
            continue
        j = i
        d = _day(tokens[j])
        if d is not None and j + 1 < n and _month(tokens, j + 1, words):
            day, month, j = d, _month(tokens, j + 1, words), j + 2          # 12 February
        elif _month(tokens, j, words):
            month, j = _month(tokens, j, words), j + 1
            if j < n and tokens[j].norm == ".":
                j += 1
            if j < n and _day(tokens[j]) is not None and _year(tokens[j]) is None:
                day, j = _day(tokens[j]), j + 1                            # Feb. 12
                if j + 1 < n and tokens[j].norm == ",":
                    j += 1 if _year(tokens[j + 1]) else 0
        if j < n and _year(tokens[j]) is not None:
            year, j = _year(tokens[j]), j + 1
        if year is None and month is None:
            i += 1
            continue
        relation, first = _relation(tokens, first, words)
        last = j - 1
        text = " ".join(t.text for t in tokens[first:last + 1])
        out.append(DateMention(year, month, day, relation, first, last, text, weekday))
        i = j
    return out
