"""Read numbers, durations, counts and ordinals from tokens, as value intervals.

"an hour and a half" -> 90 minutes; "about an hour" -> [51, 69] minutes with the lexicon's
"about" tolerance; "more than an hour" -> [60, inf); "two-person delegation" -> count 2.
Word lists come from the numbers lexicon (rules/lexicon/numbers.json); this module is
only the mechanism.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field

from .tokens import Token

INF = math.inf
_RELATIVE = frozenset({"after", "before", "later", "earlier", "ago", "since", "prior", "previously", "beforehand", "afterwards"})


@dataclass(frozen=True)
class NumberWords:
    """The numbers lexicon, as lookup tables (built by factcheck.lexicon)."""

    values: dict[str, float]          # "ninety": 90, "dozen": 12, "half": 0.5
    multipliers: dict[str, float]     # "hundred": 100, "billion": 1e9
    ordinals: dict[str, int]          # "first": 1, "second": 2
    units: dict[str, tuple[str, float]]  # "minutes": ("duration", 1), "hours": ("duration", 60)
    approximators: dict[tuple[str, ...], tuple[str, float]]  # ("more","than"): ("at_least", 0)
    count_nouns: frozenset[str]       # "person", "member": "two-person delegation"
    collectives: dict[tuple[str, ...], tuple[float, float]]  # ("pair","of"): (2, 2)

    starters: frozenset[str] = field(init=False)   # words a quantity can start with (digits aside)
    longest_approximator: int = field(init=False)   # in words ("a little more than")

    def __post_init__(self):
        words = frozenset(self.values) | frozenset(self.units) | frozenset(CURRENCY_SIGNS) | {k[0] for k in self.collectives} \
            | {"quarter", "quarters"}
        object.__setattr__(self, "starters", words)
        object.__setattr__(self, "longest_approximator", max(map(len, self.approximators), default=1))


# the currency a sign stands for, as its word: sums are compared only in one currency
CURRENCY_SIGNS = {"$": "dollar", "\u20ac": "euro", "\u00a3": "pound", "\u00a5": "yen"}


_CURRENCY_FORMS = {"kronor": "crown", "krona": "crown", "kroner": "crown", "krone": "crown", "reais": "real", "yuan": "yuan"}


def _dollar_of(tokens: list[Token], i: int) -> str:
    """The dollar a prefix names: "A$96,000" is in Australian dollars, "C$" in Canadian ones ("US$"
    is the plain dollar); "" for none."""
    if tokens[i].norm != "$" or not i:
        return ""
    prefix = tokens[i - 1]
    if prefix.end != tokens[i].start or not prefix.text.isupper() or len(prefix.text) > 3 or prefix.text == "US":
        return ""
    return f"{prefix.norm} dollar"


def currency_of(word: str) -> str:
    """ "dollars" -> "dollar", "€" -> "euro", "kronor" -> "crown": the currency a money word or sign names."""
    return CURRENCY_SIGNS.get(word) or _CURRENCY_FORMS.get(word) or (word[:-1] if word.endswith("s") else word)


@dataclass(frozen=True)
class Quantity:
    """A value with its interval; `dimension` is "duration" (minutes), "money", or "count"."""

    dimension: str
    value: float
    lo: float
    hi: float
    first: int
    last: int
    text: str
    noun: str = ""          # counts: the counted word ("delegation", "calls")
    approx: str = ""        # the approximator's kind, if any

    def describe(self) -> str:
        return self.text


@dataclass(frozen=True)
class Ordinal:
    value: int
    first: int
    last: int
    text: str


_PARTS = {"half": 0.5, "quarter": 0.25}


def number_at(tokens: list[Token], i: int, words: NumberWords) -> tuple[float, int] | None:
    """A number written in digits or words that starts at token i: (value, index after it), or None."""
    return _number_run(tokens, i, words)


def _number_run(tokens: list[Token], i: int, words: NumberWords) -> tuple[float, int] | None:
    """Parse a number starting at token i: (value, index after it) or None."""
    tok = tokens[i]
    if tok.is_number:
        try:
            value = float(tok.norm.replace(",", ""))
        except ValueError:
            return None
        j = i + 1
    elif tok.norm in words.values and tok.norm not in ("a", "an", "half"):
        return _word_number(tokens, i, words)
    else:
        return None
    while j < len(tokens) and tokens[j].norm in words.multipliers:
        value *= words.multipliers[tokens[j].norm]
        j += 1
    return _and_a_half(tokens, value, j)


def _word_number(tokens: list[Token], i: int, words: NumberWords) -> tuple[float, int]:
    """A number in words: "twenty five", "one hundred and thirty-three", "fifteen thousand six
    hundred", "two thousand and five hundred" (a hundred multiplies what came before it, a thousand
    or more closes a group)."""
    def small(k: int) -> bool:
        return k < len(tokens) and tokens[k].norm in words.values and tokens[k].norm not in ("a", "an", "half")

    total = current = 0.0
    j = i
    while j < len(tokens):
        w = tokens[j].norm
        if w == "dozen" and j > i:
            current = (current or 1) * 12          # "two dozen"
        elif small(j):
            current += words.values[w]
        elif w in words.multipliers:
            m = words.multipliers[w]
            if m < 1000:
                current = (current or 1) * m
            else:
                total, current = total + (current or 1) * m, 0.0
        elif w == "and" and small(j + 1) and j > i and tokens[j - 1].norm in words.multipliers:
            pass
        else:
            break
        j += 1
    return _and_a_half(tokens, total + current, j)


def _and_a_half(tokens: list[Token], value: float, j: int) -> tuple[float, int]:
    # "four and a half"
    if j + 2 < len(tokens) and tokens[j].norm == "and" and tokens[j + 1].norm in ("a", "an") and tokens[j + 2].norm == "half":
        value, j = value + 0.5, j + 3
    return value, j


def _approximator(tokens: list[Token], i: int, words: NumberWords) -> tuple[str, float, int]:
    """The approximator ending just before token i: (kind, tolerance, first token) or ("", 0, i)."""
    for n in range(words.longest_approximator, 0, -1):
        if i - n < 0:
            continue
        key = tuple(t.norm for t in tokens[i - n:i])
        if key in words.approximators:
            kind, tol = words.approximators[key]
            return kind, tol, i - n
    return "", 0.0, i


_BARE_AFTER = frozenset({"of", "to", "at"})     # "a crew of 22", "fell to nine", "put the toll at 211"
_LIST_JOINS = frozenset({"and", "or"})          # "games four and nine", "three or four"


def _is_number(tok: Token, words: NumberWords) -> bool:
    return tok.is_number or tok.norm in words.values and tok.norm not in ("a", "an")
MIN_SLACK = 0.05      # the least an approximator allows, however precise the figure looks


def _rounding(value: float) -> float:
    """The step a figure is rounded to, from its digits: 85 to 5, 7,500 to 500, 1,000 to 1,000, 2.4 to
    0.1. "About 85" then allows a few either way, not the approximator's whole slack (94 is no "about 85")."""
    for step in (10.0 ** k * m for k in range(12, -4, -1) for m in (5, 2, 1)):
        if step <= value and abs(value / step - round(value / step)) < 1e-9:
            return step
    return value


def _interval(value: float, kind: str, tol: float) -> tuple[float, float]:
    if kind == "at_least":
        return value, INF
    if kind == "at_most":
        return 0.0, value
    if kind == "below":
        return value * (1 - tol), value
    if kind == "above":
        return value, value * (1 + tol)
    if kind == "about":
        return value * (1 - tol), value * (1 + tol)
    return value, value


def find_quantities(tokens: list[Token], words: NumberWords, offsets: bool = False, bare: bool = False) -> list[Quantity]:
    """Durations, amounts of money and counts in token order.

    With `offsets`, "forty minutes after the smoke" is kept too, as dimension "offset" (how long
    after or before something), instead of being left out as a time rather than a duration.
    With `bare`, a number after "of" with no word after it is a count with no noun ("a crew of
    22,", "a majority of 184."): the caller finds what it counts before it.
    """
    out: list[Quantity] = []
    i = 0
    n = len(tokens)
    starters = words.starters
    while i < n:
        tok = tokens[i]
        if not (tok.is_number or tok.norm in starters):
            i += 1
            continue
        q = _quantity_at(tokens, i, words, offsets, bare)
        if q is None:
            i += 1
            continue
        out.append(q)
        i = q.last + 1
    return out


def _unit(tokens: list[Token], j: int, words: NumberWords):
    if j < len(tokens) and tokens[j].norm in words.units:
        return words.units[tokens[j].norm]
    return None


def _quantity_at(tokens: list[Token], i: int, words: NumberWords, offsets: bool = False, bare: bool = False) -> Quantity | None:
    tok = tokens[i]
    n = len(tokens)
    value = None
    start = i
    # "a quarter of an hour", "three quarters of an hour" (read from the number, which would else count quarters)
    if tok.norm in words.values and i + 4 < n and tokens[i + 1].norm in ("quarter", "quarters") and tokens[i + 2].norm == "of" \
            and tokens[i + 3].norm in ("a", "an") and _unit(tokens, i + 4, words):
        value, j = 0.25 * words.values[tok.norm], i + 4
    elif tok.norm in ("quarter", "quarters") and i + 3 < n and tokens[i + 1].norm == "of" and tokens[i + 2].norm in ("a", "an") \
            and _unit(tokens, i + 3, words):
        value, j = 0.25 * (words.values.get(tokens[i - 1].norm, 1) if i and tok.norm == "quarters" else 1), i + 3
        if i and tok.norm == "quarters" and tokens[i - 1].norm in words.values:
            start = i - 1
    # "half an hour", "half-hour"
    elif tok.norm == "half":
        if i + 2 < n and tokens[i + 1].norm in ("a", "an") and _unit(tokens, i + 2, words):
            value, j = 0.5, i + 2
        elif _unit(tokens, i + 1, words):
            value, j = 0.5, i + 1
        elif i + 2 < n and tokens[i + 1].norm in ("a", "an") and (tokens[i + 2].norm == "dozen" or tokens[i + 2].norm in words.multipliers):
            # "half a dozen bidders", "half a million people"
            value, j = 0.5 * (12 if tokens[i + 2].norm == "dozen" else words.multipliers[tokens[i + 2].norm]), i + 3
    # "an hour", "a minute", "hour-long": a unit with an implied one
    elif tok.norm in ("a", "an") and _unit(tokens, i + 1, words):
        value, j = 1.0, i + 1
    elif _unit(tokens, i, words) and i + 1 < n and tokens[i + 1].norm == "long" and not (i and _number_run(tokens, i - 1, words)):
        value, j = 1.0, i
    elif tok.norm in CURRENCY_SIGNS:
        run = _number_run(tokens, i + 1, words) if i + 1 < n else None
        if run is None:
            return None
        value, j = run
        lo_hi = _with_approx(tokens, start, value, words)
        return Quantity("money", value, *lo_hi[:2], lo_hi[2], j - 1, _text(tokens, lo_hi[2], j - 1),
                        noun=_dollar_of(tokens, i) or currency_of(tok.norm), approx=lo_hi[3])
    else:
        collective = _collective(tokens, i, words)
        if collective:
            return collective
        run = _number_run(tokens, i, words)
        if run is None:
            return None
        value, j = run
        if tok.is_number and 1900 <= value <= 2100 and "," not in tok.text and not _unit(tokens, j, words):
            return None  # a year: the dates module reads it
    if value is None:
        return None
    unit = _unit(tokens, j, words)
    if unit is None and j + 1 < n and tokens[j].capitalized and (_unit(tokens, j + 1, words) or (None,))[0] == "money":
        j += 1                                              # "1.35 million US dollars", "11 million Swedish crowns"
        unit = _unit(tokens, j, words)
    if unit is None and j < n and tokens[j].norm == "second" and tokens[i].is_number and value != 1:
        unit = words.units.get("seconds")                   # "a 10-second increment" ("a second term" is a rank)
    before = _approximator(tokens, start, words)[2]          # "for about an hour": look past the approximator
    lasting = before > 0 and tokens[before - 1].norm in ("for", "lasted", "lasting")
    offset = unit and j + 1 < n and unit[0] == "duration" and tokens[j + 1].norm in _RELATIVE and not lasting
    if offset and not offsets:
        return None  # "one day after", "two weeks later": when, not how long ("for 90 minutes after" is how long)
    if unit:
        dimension, factor = unit
        value *= factor
        end = j
        # "an hour and a half", "two hours and a half"
        if end + 3 < n and tokens[end + 1].norm == "and" and tokens[end + 2].norm in ("a", "an") and tokens[end + 3].norm in _PARTS:
            value += _PARTS[tokens[end + 3].norm] * factor         # ... "an hour and a quarter"
            end += 3
        lo, hi, first, approx = _with_approx(tokens, start, value, words)
        if offset:
            return Quantity("offset", value, lo, hi, first, end, _text(tokens, first, end), noun=tokens[j + 1].norm, approx=approx)
        return Quantity(dimension, value, lo, hi, first, end, _text(tokens, first, end),
                        noun=currency_of(tokens[j].norm) if dimension == "money" else "", approx=approx)
    # a count: "two-person delegation", "three calls", "40 of its allies"
    if bare and j + 1 < n and tokens[j].norm in _LIST_JOINS and _is_number(tokens[j + 1], words):
        lo, hi, first, approx = _with_approx(tokens, start, value, words, counted=True)     # "games four and nine": two counts
        return Quantity("count", value, lo, hi, first, j - 1, _text(tokens, first, j - 1), noun="", approx=approx)
    if j < n and tokens[j].norm in words.count_nouns and j + 1 < n and tokens[j + 1].is_word:
        noun_at = j + 1
    elif j < n and tokens[j].is_word or j + 1 < n and tokens[j].norm == "of":
        noun_at = j
    elif bare and (tokens[start].is_number or tokens[start].norm not in ("a", "an", "one")):
        lo, hi, first, approx = _with_approx(tokens, start, value, words, counted=True)
        listed = first >= 2 and tokens[first - 1].norm in _LIST_JOINS and _is_number(tokens[first - 2], words)
        if first < 1 or tokens[first - 1].norm not in _BARE_AFTER and not listed:
            return None
        return Quantity("count", value, lo, hi, first, j - 1, _text(tokens, first, j - 1), noun="", approx=approx)
    else:
        return None
    lo, hi, first, approx = _with_approx(tokens, start, value, words, counted=True)
    return Quantity("count", value, lo, hi, first, noun_at, _text(tokens, first, noun_at),
                    noun=tokens[noun_at].norm, approx=approx)


def _collective(tokens, i, words):
    first = tokens[i].norm
    for key, (lo, hi) in words.collectives.items():
        k = len(key)
        if key[0] == first and tuple(t.norm for t in tokens[i:i + k]) == key and i + k < len(tokens):
            noun_at = i + k
            return Quantity("count", lo, lo, hi, i, noun_at, _text(tokens, i, noun_at), noun=tokens[noun_at].norm)
    return None


def _with_approx(tokens, start, value, words, counted: bool = False):
    """The interval an approximator gives a figure; a count's slack is no wider than its rounding
    (a duration's value is in minutes, whatever unit it was rounded in)."""
    kind, tol, first = _approximator(tokens, start, words)
    if counted and value > 0:
        tol = min(tol, max(MIN_SLACK, _rounding(value) / value))
    lo, hi = _interval(value, kind, tol)
    return lo, hi, first, kind


def _text(tokens: list[Token], first: int, last: int) -> str:
    return " ".join(t.text for t in tokens[first:last + 1])


def find_ordinals(tokens: list[Token], words: NumberWords) -> list[Ordinal]:
    return [Ordinal(words.ordinals[t.norm], i, i, t.text) for i, t in enumerate(tokens) if t.norm in words.ordinals]


def describe_minutes(lo: float, hi: float, value: float) -> str:
    """Human wording of a duration interval, e.g. "90 minutes", "about 60 minutes"."""
    def fmt(v):
        return f"{v:g}"
    if lo == hi:
        return f"{fmt(value)} minutes"
    if hi == INF:
        return f"more than {fmt(lo)} minutes"
    if lo == 0:
        return f"at most {fmt(hi)} minutes"
    return f"about {fmt(value)} minutes"
