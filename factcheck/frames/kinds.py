"""The comparisons a frame rule can make: one small function per kind, in an explicit registry.

Each kind sees a Pair (the draft's frame, the claim's frame, and what the two documents know
of their people) and returns the outcomes of the slot it compares: agree when the values can
be the same, conflict when they cannot, nothing when either side does not give the slot.
Rule files (rules/frames/*.json) name a kind and configure it with `params`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Callable

from pydantic import BaseModel, ConfigDict, Field
from rapidfuzz import fuzz

from .english import English, lemma_of
from .model import BEARING, GROUP, LAST, PLACE_ROLE, SITE, Frame
from .names import RANK_WORDS

AGREE, CONFLICT = "agree", "conflict"
OTHER = "other"          # the slot shows the claim is about something else: no verdict from this claim


@dataclass(frozen=True)
class Outcome:
    status: str
    reference: str
    found: str
    key: str = ""         # the draft's value as a value key (Frame.values), where the kind compares values
    found_text: str = ""      # the words to point at in the text, where `found` is not them (a modal's cue)
    reference_text: str = ""  # the same in the reference
    relation: str = ""        # an agreement of two places: "within" (Munich for Germany) or "contains" (Europe); of two figures: SAME value


SAME = "same"


@dataclass(frozen=True)
class Pair:
    """What a kind may look at: the two frames and the two documents' people."""

    draft: Frame
    claim: Frame
    english: English
    reference_titles: dict[str, list[str]]      # person key -> titles the reference gives them
    similarity: float = 0.0                     # how much of the two clauses' keys they share (verdict.similarity)


class Params(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class ToleranceParams(Params):
    tolerance: float = Field(0.0, ge=0, le=1, description="relative tolerance around an exact reference value")


class AmountParams(ToleranceParams):
    vague: bool = Field(False, description="compare vague amounts ('tens of thousands') instead of exact ones")


class QuoteParams(Params):
    similarity: float = Field(85, ge=50, le=100, description="rapidfuzz partial ratio at which two quotations are the same")


class ClockParams(Params):
    minutes: float = Field(0, ge=0, le=120, description="minutes of slack around an exact clock time")


def _overlap(lo1, hi1, lo2, hi2) -> bool:
    eps = 1e-9 * max(abs(lo1), abs(lo2), 1)      # units converted on both sides ("63 seconds", "1 minute 3 seconds")
    return lo1 <= hi2 + eps and lo2 <= hi1 + eps


def _other_subject(pair: Pair) -> bool:
    """The two clauses are about different people ("her share" against "Gálvez received"): their
    numbers belong to different subjects and are not compared."""
    d = {e.key for e in pair.draft.agents if e.kind in ("person", "name")}
    c = {e.key for e in pair.claim.agents if e.kind in ("person", "name")}
    return bool(d) and bool(c) and not d & c


def amount(pair: Pair, params: AmountParams) -> list[Outcome]:
    """Numbers of the same dimension (and, for counts, of the same thing), of the same subject:
    intervals must overlap."""
    if _other_subject(pair):
        return []
    out = [] if params.vague else _other_currency(pair)
    compared = []
    for d in pair.draft.amounts:
        rivals = [c for c in pair.claim.amounts if c.dimension == d.dimension and _same_thing(d, c, pair)
                  and (c.vague or d.vague) == params.vague]
        if not rivals:
            continue
        tol = max(params.tolerance, 0.03) if d.dimension in ("length", "mass", "speed") else params.tolerance   # rounding after conversion
        hit = next((c for c in rivals if _overlap(d.lo, d.hi, c.lo * (1 - tol), c.hi * (1 + tol))
                    and not (d.approx in _BOUNDS and d.approx == c.approx and not _same_value(d.value, c.value))), None)
        # ("at least 90" is not "at least 89"; "about 12 miles" may be "about 20 kilometres")
        compared.append((d, rivals, hit))
    # one value for one value: a figure the clause adds beside the claim's, once those are all
    # matched, is more detail, not a wrong one ("up from 7,146 in 2022 and 14,957 in 2023")
    matched = {id(hit) for _, _, hit in compared if hit is not None}
    for d, rivals, hit in compared:
        if hit is not None:
            out.append(Outcome(AGREE, hit.text, d.text, d.key, relation=SAME if _same_value(d.value, hit.value) else ""))
            continue
        left = [c for c in rivals if id(c) not in matched]
        if left and (d.dimension not in _UNANCHORED or _about_the_same(pair)):
            out.append(Outcome(CONFLICT, left[0].text, d.text, d.key))
        elif left:
            out.append(Outcome(OTHER, left[0].text, d.text, d.key))     # another figure of another thing
    if not out and not params.vague:
        out = _parallel_counts(pair) or _same_count_other_word(pair)
    return out


# words that say when or how much, not what a figure is of
_NOT_WHAT = frozenset({"year", "month", "week", "day", "time", "quarter", "period", "season", "morning", "evening", "night",
                         "afternoon", "today", "yesterday", "tomorrow", "ago", "earlier", "later", "last", "next",
                         "percent", "cent", "percentage", "point", "basis", "figure", "total", "number", "amount", "level"})


# figures that many unrelated facts give (shares, sums): compared only about the same thing
_UNANCHORED = frozenset({"percent", "money", "points"})


def _about_the_same(pair: Pair) -> bool:
    """A figure differs only about the same thing: the two clauses share a name or a content word
    that is not a unit, a date, a time word or a verb of change ("retail sales fell 0.3 percent in
    November" shares only "percent" and "November" with "inflation slowed to 2.4 percent")."""
    d, c = pair.draft, pair.claim
    if {k for k in d.keys() & c.keys() if k.startswith("@")}:
        return True
    en = pair.english
    shared = {w for w in d.lemmas & c.lemmas if w not in en.numbers.units and w not in en.dates.months and w not in en.dates.weekdays
              and w not in _NOT_WHAT and w not in en.change_words and w not in en.numbers.values and w not in en.numbers.multipliers
              and w not in en.function_words}
    return bool(shared)


SAME_CLAUSE = 0.5       # similarity at which an equal count under another noun is the same count


def _same_count_other_word(pair: Pair) -> list[Outcome]:
    """An equal count in a clause this close to the claim, under another noun: "the ten other items"
    are "the other ten objects" (a different count under another noun is no conflict: it may count
    something else)."""
    if pair.similarity < SAME_CLAUSE:
        return []
    for d in pair.draft.amounts:
        if d.dimension != "count" or d.vague or d.value < 2:
            continue
        hit = next((c for c in pair.claim.amounts if c.dimension == "count" and not c.vague and _same_value(d.value, c.value)
                    and c.lo == c.hi and d.lo == d.hi), None)
        if hit is not None:
            return [Outcome(AGREE, hit.text, d.text)]
    return []


_BOUNDS = frozenset({"at_least", "at_most", "above", "below"})


def _other_currency(pair: Pair) -> list[Outcome]:
    """The claim's sum in another currency: "a 2.5 million-euro prize fund" for 2.5 million dollars
    (a different figure in another currency may be the same sum converted, and is not compared)."""
    out = []
    for d in pair.draft.amounts:
        for c in pair.claim.amounts:
            if d.dimension == c.dimension == "money" and d.noun and c.noun and d.noun != c.noun and _same_value(d.value, c.value):
                out.append(Outcome(CONFLICT, c.text, d.text))    # (no value key: the figure is the reference's own)
    return out


def _same_value(a: float, b: float) -> bool:
    """Equal after unit conversion ("about 397 feet" is "about 121 metres")."""
    return abs(a - b) <= 0.005 * max(abs(a), abs(b))


def _parallel_counts(pair: Pair) -> list[Outcome]:
    """Two lists of counts in the same order, equal but for one, are one list with a wrong figure:
    "268 nominations, 197 of them for individuals and 89 for organisations" against "286
    candidates, 197 individuals and 89 organisations"."""
    d = [a for a in pair.draft.amounts if a.dimension == "count" and not a.vague]
    c = [a for a in pair.claim.amounts if a.dimension == "count" and not a.vague]
    if len(d) < 3 or len(d) != len(c):
        return []
    same = [x.value == y.value for x, y in zip(d, c)]
    if sum(same) < len(d) - 1:
        return []
    return [Outcome(AGREE, y.text, x.text, x.key) if ok else Outcome(CONFLICT, y.text, x.text, x.key) for x, y, ok in zip(d, c, same)]


def _same_thing(d, c, pair: Pair) -> bool:
    """Counts of the same thing, offsets after the same thing, durations on the same scale ("in
    four years" measures no "three-hour drama"); other dimensions need no noun. Two rates are of
    the same thing only per the same thing ("10 litres a day" is not "70 litres a week")."""
    if d.per and c.per and d.per != c.per:
        return False
    if d.dimension == "count":
        return _same_noun(d, c, pair)
    if d.dimension == "percent" and (d.vague or c.vague):
        return _same_set(d, c)
    if d.dimension == "percent" and d.noun and c.noun and "*" not in (d.noun, c.noun):
        return _same_set(d, c)                  # 11% of revenue is no share of the workers
    if d.dimension == "money":
        return not d.noun or not c.noun or d.noun == c.noun     # 11 million crowns are not $11 million
    if d.dimension == "offset":
        return d.noun == c.noun
    if d.dimension == "duration":
        a, b = _time_unit(d.text), _time_unit(c.text)
        return a is None or b is None or abs(a - b) <= 2
    return True


def _same_set(d, c) -> bool:
    """Two shares of the same set: "most patients" and "6 percent of patients"; "most of them" is
    of whatever the claim counts. A percentage of nothing named is no share to compare."""
    if not d.noun or not c.noun:
        return False
    return "*" in (d.noun, c.noun) or d.noun == c.noun or bool(set(d.phrase) & set(c.phrase) - {"*"})


_TIME_UNITS = ("second", "minute", "hour", "day", "week", "month", "year", "decade", "century")


def _time_unit(text: str) -> int | None:
    """The largest unit a duration is written in, as a rank: "two hours and 27 minutes" is hours."""
    words = {lemma_of(w)[0] for w in re.findall(r"[a-z]+", text.lower())}
    return max((i for i, u in enumerate(_TIME_UNITS) if u in words), default=None)


def _same_noun(d, c, pair: Pair) -> bool:
    """Two counts count the same thing: the same noun, or noun phrases with a word in common."""
    a, b = d.noun, c.noun
    if a == b == "*":                 # "24 walked out", "34 of them walked out": who did the same thing
        return bool(pair.draft.predicate) and pair.draft.predicate == pair.claim.predicate
    if not a or not b or a in pair.english.function_words or b in pair.english.function_words:
        return False                  # "four of" them, "31 of" those aboard: a part of some set, named elsewhere
    if _people(a, pair.english) and _people(b, pair.english):
        return True                   # "41.6 million Americans" and "31.6 million people"
    if a == b or set(d.phrase) & set(c.phrase):
        return True
    if d.vague or c.vague:
        return False                  # "a single faulty update" counts no "millions of computers"
    # each names the other's noun, and neither counts it apart ("90 laboratory-confirmed cases in four
    # countries" counts cases, not countries, against "100 cases in four countries")
    both = pair.draft.lemmas & pair.claim.lemmas
    return a in both and b in both and not any(x.noun == a for x in pair.claim.amounts) \
        and not any(x.noun == b for x in pair.draft.amounts)


_PEOPLE = frozenset({"people", "person", "resident", "inhabitant", "citizen"})


def _people(noun: str, en: English) -> bool:
    return noun in _PEOPLE or noun in en.places.demonyms or noun.removesuffix("s") in en.places.demonyms


def ordinal(pair: Pair, params: Params) -> list[Outcome]:
    """Ordinals of the same noun ("fourth ballot", "third vote") in the same act: the same rank.

    The act must be shared (a verb or another content word besides the ranked noun): "the 73rd
    minute" of an equaliser says nothing of "the 61st minute" of a substitution."""
    out = []
    shared = (pair.draft.lemmas & pair.claim.lemmas) - {o.noun for o in pair.draft.ordinals}
    if not shared and not pair.draft.verbs.keys() & pair.claim.verbs.keys():
        return out
    same_predicate = pair.draft.predicate and pair.draft.predicate == pair.claim.predicate
    for d in pair.draft.ordinals:
        if d.noun == "time" and not same_predicate and not (d.verb and d.verb in pair.claim.verbs):
            continue          # "flew for the fifth time" says nothing of "caught for the first time"
        rivals = [c for c in pair.claim.ordinals if c.noun and c.noun == d.noun and c.within == d.within and _comparable(c.value, d.value)]
        if rivals:
            hit = next((c for c in rivals if c.value == d.value), None)
            out.append(Outcome(AGREE, hit.text, d.text) if hit else Outcome(CONFLICT, _ranked(rivals[0]), _ranked(d)))
    return out


def _comparable(a: int, b: int) -> bool:
    """The last of a series is no rank of a known number but the first ("the final stage" may be the
    sixth): it compares with the first and the last only."""
    return (a == LAST) == (b == LAST) or 1 in (a, b)


def _ranked(o) -> str:
    return o.text if o.noun == GROUP else f"{o.text} {o.noun}"       # "the last of the three" names no noun


def date(pair: Pair, params: Params) -> list[Outcome]:
    """Calendar dates: a year, month, day or weekday both sides give must be the same."""
    found, out = [], []
    for d in pair.draft.dates:
        if d.relative:
            out.extend(_relative_dates(d, pair.claim.dates))
            continue
        hit, rivals = None, []
        for c in pair.claim.dates:
            if c.relative or c.of_saying != d.of_saying:
                continue          # when it was announced says nothing of when it happened
            shared = [(x, y) for x, y in ((d.year, c.year), (d.month, c.month), (d.day, c.day), (d.weekday or None, c.weekday or None))
                      if x is not None and y is not None]
            if not shared:
                continue
            if all(x == y for x, y in shared):
                hit = c
                break
            if d.relation == c.relation:     # "since 1966" is not the date of the final
                rivals.append(c)
        found.append((d, hit, rivals))
    # one date for one date: the claim's date matched, another the clause adds is another day
    # ("on 6-7 November ... and in mid-December" against "next meet on 6 and 7 November")
    matched = {id(hit) for _, hit, _ in found if hit is not None}
    for d, hit, rivals in found:
        left = [c for c in rivals if id(c) not in matched]
        if hit is not None:
            out.append(Outcome(AGREE, hit.text, d.text))
        elif left:
            out.append(Outcome(CONFLICT, left[0].text, d.text))
    return out


_STEPS = {"last": -1, "yesterday": -1, "this": 0, "by": 0, "later": 0, "next": 1, "tomorrow": 1, "early": 1}


def _step(text: str) -> tuple[int, str] | None:
    """ "last month" -> (-1, "month"), "later this week" -> (0, "week"), "yesterday" -> (-1, "day")."""
    words = text.lower().split()
    if words[0] in ("yesterday", "tomorrow"):
        return _STEPS[words[0]], "day"
    if words[0] in _STEPS and words[-1] in ("week", "weekend", "month", "year"):
        return _STEPS[words[0]], words[-1]
    return None


def _relative_dates(d, claim_dates) -> list[Outcome]:
    """A time given from now, against the claim's: "last month" is not "last year", "next week" not "this week"."""
    mine = _step(d.text)
    if mine is None:
        return []
    for c in claim_dates:
        theirs = _step(c.text) if c.relative and c.of_saying == d.of_saying else None
        if theirs is not None:
            return [Outcome(AGREE if theirs == mine else CONFLICT, c.text, d.text)]
    return []


_HALF_DAY = re.compile(r"[ap]\.?\s?m\b|\b0\d:\d{2}", re.I)      # "8:30 p.m.", "05:27" (a 24-hour clock)


def _clock_readings(t) -> list[tuple[float, float]]:
    """Where a clock time can fall: "8:30" with no a.m. or p.m. may be either (twelve hours apart)."""
    if _HALF_DAY.search(t.text) or t.minutes >= 780:
        return [(t.lo, t.hi)]
    return [(t.lo, t.hi), (t.lo + 720, t.hi + 720)]


def _zone_shifts(d, c) -> set[float]:
    """Minutes to add to the draft's time to read it in the claim's time zone, where both name one:
    "05:09 BST" is "04:09 UTC"; "7:25 a.m. Eastern time" is no "7:25 a.m. CDT"."""
    if not d.zone or not c.zone:
        return {0.0}
    return {(zc - zd) * 60 for zd in d.zone for zc in c.zone}


def clock_time(pair: Pair, params: ClockParams) -> list[Outcome]:
    """Clock times ("6:07 p.m."), with the slack their approximators give ("shortly after 6")."""
    slack = params.minutes

    def meet(d, c) -> bool:
        return any(_overlap(lo + shift, hi + shift, c.lo - slack, c.hi + slack) for lo, hi in _clock_readings(d) for shift in _zone_shifts(d, c))
    found = [(d, next((c for c in pair.claim.times if meet(d, c)), None)) for d in pair.draft.times if pair.claim.times]
    matched = {id(hit) for _, hit in found if hit is not None}
    out = []
    for d, hit in found:            # one time for one time: "from 1:40 to 1:44 p.m." against "at 1:40 p.m."
        left = [c for c in pair.claim.times if id(c) not in matched]
        if hit is not None:
            out.append(Outcome(AGREE, hit.text, d.text))
        elif left:
            out.append(Outcome(CONFLICT, left[0].text, d.text))
    return out


def place(pair: Pair, params: Params) -> list[Outcome]:
    """Places: the same place, or one inside the other (Munich and Germany); else where the claim puts it."""
    out = _bearings(pair)
    places = pair.english.places
    for d in pair.draft.places:
        role = PLACE_ROLE.get(d.prep)
        if role is None:
            continue                  # "Spain beat England": a country as a participant, not a place
        # (where it did not finish is no place where it did: "did not finish in Paris" against "moved to Nice")
        same_role = [c for c in pair.claim.places if _roles_meet(d, c) and _negated(pair.claim, c.verb) == _negated(pair.draft, d.verb)]
        same_verb = [c for c in same_role if d.verb and c.verb == d.verb]
        if same_verb:
            same_role = same_verb     # where it entered against where it entered, not where it left
        elif d.verb:
            # "flown into Inverness and driven to the estate": where it was flown is the other place's to compare
            own = {p.verb for p in pair.draft.places if p is not d and p.verb}
            same_role = [c for c in same_role if not (c.verb and c.verb != d.verb and c.verb in own)]
        # a place the reference gives another fact may be about that fact, unless it belongs to this act
        key = "" if same_verb else f"@{d.place}"
        if d.kind == SITE:
            out.extend(_site(d, same_role, pair.draft.places))
            continue
        sites = [c for c in same_role if c.kind == SITE]
        towns = [c for c in sites if c.settlement] or _listed_with(d, sites, pair.draft.places)
        same_role = [c for c in same_role if c.kind != SITE]
        if not same_role:
            if d.kind == "city" and towns and not any(c.text.lower() == d.text.lower() for c in towns):
                out.append(Outcome(CONFLICT, towns[0].text, d.text, key))   # a listed town is not the town the claim names
            continue
        # a city is compared with the claim's cities first: Trujillo is in Peru, but it is not Chiclayo
        peers = [c for c in same_role if c.kind == d.kind] or same_role
        hit = next((c for c in peers if places.related(d.place, c.place)), None) or \
            next((c for c in same_role if c.text.lower() == d.text.lower()), None)      # one name read two ways ("Ontario")
        if hit and d.place == hit.place and _opposite_sides(d.side, hit.side):
            out.append(Outcome(CONFLICT, f"the {'-'.join(sorted(hit.side))} of {hit.text}", f"the {'-'.join(sorted(d.side))} of {d.text}"))
            continue              # "in the west of the Congo" against "in the eastern Congo"
        if hit:
            out.append(Outcome(AGREE, hit.text, d.text, relation=_containment(places, d.place, hit.place)))
            continue
        same_level = [c for c in same_role if c.kind == d.kind or {c.kind, d.kind} <= {"city", "region"}]
        if same_level:
            out.append(Outcome(CONFLICT, same_level[0].text, d.text, key))
        elif d.kind == "country" and all(places.country(c.place) not in (None, d.place) for c in same_role):
            out.append(Outcome(CONFLICT, same_role[0].text, d.text))     # "Ontario, Canada" for "Ontario, California"
    return out


_OPPOSITE_SIDES = ({"north", "south"}, {"east", "west"})


_COMPASS_ORDER = ("north", "south", "east", "west")


def _bearings(pair: Pair) -> list[Outcome]:
    """The direction from one place: "west of Bergen" against "east of Bergen", "north-west of
    Moranbah" against "south-east of Moranbah"."""
    def said(p):
        return f"{'-'.join(w for w in _COMPASS_ORDER if w in p.bearing)} of {p.text}"
    out = []
    for d in pair.draft.places:
        if not d.bearing:
            continue
        c = next((c for c in pair.claim.places if c.bearing and (c.place == d.place or SITE == c.kind == d.kind and _same_site(c.place, d.place))), None)
        if c is not None and _opposite_sides(d.bearing, c.bearing):
            out.append(Outcome(CONFLICT, said(c), said(d)))
        elif c is not None and d.bearing == c.bearing:
            out.append(Outcome(AGREE, said(c), said(d)))
    return out


def _opposite_sides(a: frozenset[str], b: frozenset[str]) -> bool:
    """Two parts of one place that cannot overlap: the west and the east, the north-east and the south,
    the south-west and the south-east (not the south-west and the south)."""
    return any(x in a and y in b or y in a and x in b for x, y in (sorted(pair) for pair in _OPPOSITE_SIDES))


# where an act of setting off or of arriving happens is where it set off from or arrived at
_DEPARTING = frozenset({"start", "begin", "depart", "launch", "originate", "embark"})
_ARRIVING = frozenset({"arrive", "land", "finish", "end", "terminate"})


def _role(p) -> str | None:
    """Where it happened, where from, where to: "started in Florence" is from Florence."""
    role = PLACE_ROLE.get(p.prep)
    if role == "at" and p.verb in _DEPARTING:
        return "from"
    if role == "at" and p.verb in _ARRIVING:
        return "to"
    return role


def _roles_meet(d, c) -> bool:
    """The same role, where "based in" is where a company is: it meets a place where something
    happened, but not a dateline ("EVANSVILLE — ..." says nothing of where Corvell is based)."""
    a, b = _role(d), _role(c)
    if "based" in (a, b) and a != b:
        other = c if a == "based" else d
        return PLACE_ROLE.get(other.prep) == "at" and other.prep != "dateline"
    return a is not None and a == b


def _containment(places, found: str, reference: str) -> str:
    if found == reference:
        return ""
    if reference in places.ancestors(found):
        return "within"
    return "contains" if found in places.ancestors(reference) else ""


def _listed_with(d, sites, draft_places) -> list:
    """The claim's sites a list in the clause leaves out, where the list names another of them: "in
    Carrowby and Harrogate" against "in Carrowby and Scarwick" (items of one list are places of one kind)."""
    others = [p for p in draft_places if p is not d and abs(p.first - d.first) <= 4 and p.kind == SITE]
    named = [c for c in sites if any(_same_site(c.place, p.place) for p in others)]
    return [c for c in sites if c not in named] if named and len(sites) >= 2 else []


def _site(d, same_role, draft_places) -> list[Outcome]:
    """A place no gazetteer lists: the same name agrees ("the Elysee" is "the Elysee Palace"); two
    such names in one role are two places (Turís is not Chiva) unless the clause also gives the
    claim's; against listed places alone nothing is known (Dundalk may be in Baltimore)."""
    hit = next((c for c in same_role if c.kind == SITE and _same_site(c.place, d.place)), None)
    if hit:
        return [Outcome(AGREE, hit.text, d.text)]
    sites = [c for c in same_role if c.kind == SITE]
    given = {p.place for p in draft_places}
    # a listed place in the role may hold the site ("Dundalk" in Baltimore) unless they share no word
    # and the claim names a site of its own there ("Collier County" against "Siesta Key, in Sarasota County")
    apart = not any(set(d.place[1:].split()) & set(c.text.lower().split()) for c in same_role if c.kind != SITE)
    if sites and (len(sites) == len(same_role) or apart) and not any(_same_site(c.place, g) for c in sites for g in given):
        return [Outcome(CONFLICT, sites[0].text, d.text, f"@{d.place}")]
    towns = [c for c in same_role if c.kind == "city"]
    if d.settlement and towns and len(towns) == len(same_role):
        return [Outcome(CONFLICT, towns[0].text, d.text, f"@{d.place}")]    # the town the text names is not the listed one
    return []


def _same_site(a: str, b: str) -> bool:
    """One site named twice: the same words, a part of them ("the Elysee" and "the Elysee Palace"),
    or words cut short ("the Met Office" and "the Meteorological Office")."""
    wa, wb = set(a[1:].split()), set(b[1:].split())
    if a == b or bool(wa) and bool(wb) and (wa <= wb or wb <= wa):
        return True
    return _cut_short(wa, wb) or _cut_short(wb, wa)


def _cut_short(short: set[str], full: set[str]) -> bool:
    """Every word of a name of two or more words is a word of the other or its start ("met" of "meteorological")."""
    return 2 <= len(short) <= len(full) and all(any(w == x or len(w) >= 3 and x.startswith(w) for x in full) for w in short)




def _named(entities):
    """People written by name: a person, or a capitalised word nothing else explains ("Schumer")."""
    return [e for e in entities if e.kind in ("person", "name") and e.how != "pronoun"]


def agent(pair: Pair, params: Params) -> list[Outcome]:
    """Who did it: the person (or, with no person, the country) doing the claim's act, and the one
    person the same doer's act went to."""
    d, c = pair.draft, pair.claim
    # the same act: the same predicate, or each clause's predicate among the other's verbs ("had put
    # the value ... at" against "put the value of the stolen pieces at")
    same_act = c.predicate and (c.predicate == d.predicate or c.predicate in d.verbs and d.predicate in c.verbs
                                or d.predicate in c.verbs and _coordinated(c, d.predicate)) \
        or _same_rank_and_figure(d, c)
    if not same_act:
        return []                     # Graham said X; Graham had met Y: the same person, not the same act
    mine = {e.key for e in pair.draft.agents if e.kind in ("person", "name")}
    hit = next((e for e in pair.claim.agents if e.kind in ("person", "name") and e.key in mine), None)
    if hit:
        return [Outcome(AGREE, hit.text, hit.text)] + _recipient(pair)
    # another person doing it: both written as names of people, both in the active voice
    d_agents = [e for e in pair.draft.agents if e.kind == "person" and e.how != "pronoun"]
    c_agents = [e for e in pair.claim.agents if e.kind == "person" and e.how != "pronoun"]
    if d_agents and c_agents and not pair.draft.passive and not pair.claim.passive:
        return [Outcome(CONFLICT, c_agents[0].text, d_agents[0].text)]
    by_d, by_c = _doer(d), _doer(c)
    if by_d and by_c and (d.passive or c.passive):
        if by_d.key == by_c.key:
            return [Outcome(AGREE, by_c.text, by_d.text)]
        if not _names(c, by_d.key) and not _names(d, by_c.key):
            return [Outcome(CONFLICT, by_c.text, by_d.text)]   # "built by the University of Lisbon" for "built by Tekever"
    if not mine and not any(e.kind in ("person", "name") for e in c.agents) and not _ALSO.search(d.text):
        return _subject_places(pair)      # ("Singapore also sent a contingent": another doer, by its own account)
    return []


def _doer(frame: Frame):
    """Who did the clause's act: its named subject, or in the passive the name after "by" and its title
    ("was consigned by the Siljan Art Foundation", "proposed by Mayor Elena Ruiz")."""
    if not frame.passive:
        return next((e for e in frame.agents if e.kind in ("person", "org") and e.how != "pronoun"), None)
    words = frame.text.lower()
    for e in frame.participants + frame.agents:
        at = words.find(e.text.lower())
        if e.kind in ("person", "org") and e.how != "pronoun" and at > 0 and re.search(r"\bby\s+(?:the\s+)?(?:[\w'-]+\s+){0,3}$", words[:at]):
            return e
    return None


def _names(frame: Frame, key: str) -> bool:
    return any(e.key == key for e in frame.agents + frame.participants + ([frame.speaker] if frame.speaker else []))


def _coordinated(frame: Frame, verb: str) -> bool:
    """The verb is one of the frame's verbs joined by "and" to its first, with the same subject: "drove
    to Bad Goisern overnight and collected the stone" says who collected it too."""
    if verb not in frame.verbs or frame.speaker:
        return False
    words = re.findall(r"[a-z']+", frame.text.lower())
    return any(w == "and" and any(lemma_of(x)[0] == verb for x in words[i + 1:i + 3]) for i, w in enumerate(words))


_PLACINGS = frozenset({"", "place", "position", "spot"})


def _same_rank_and_figure(d: Frame, c: Frame) -> bool:
    """ "took second place in 2:04:02" and "finished second in 2:04:02": the same placing with the
    same figure is one act, whatever verb says it."""
    if len(d.ordinals) != 1:
        return False              # "X was second, and Y third in 2:04:32": whose figure is it?
    rank = any(o.value == p.value and (o.noun == p.noun or {o.noun, p.noun} <= _PLACINGS) for o in d.ordinals for p in c.ordinals)
    return rank and any(a.dimension == b.dimension and a.lo <= b.hi and b.lo <= a.hi for a in d.amounts for b in c.amounts)


_ALSO = re.compile(r"\b(?:also|too|as well)\b", re.I)


def _given_to(frame: Frame, e) -> bool:
    """The person is what the act went to: "to" at most five words before the name, with no comma
    between ("handed the flame to the American tennis star Serena Williams")."""
    at = frame.text.find(e.text)
    before = frame.text[:at].lower().split(" to ")
    return at > 0 and len(before) > 1 and "," not in before[-1] and len(before[-1].split()) <= 5


def _subject_places(pair: Pair) -> list[Outcome]:
    """A country or a city doing the act, before its verb: "India sent a 37-member rescue team"
    against "China sent ..."."""
    def subject(f: Frame):
        return [p for p in f.places if not p.prep and not p.verb and p.kind in ("country", "city", "region")]
    d, c = subject(pair.draft), subject(pair.claim)
    if len(d) == 1 and len(c) == 1 and not pair.english.places.related(d[0].place, c[0].place) and not pair.draft.passive \
            and not pair.claim.passive:
        return [Outcome(CONFLICT, c[0].text, d[0].text)]
    return []


def _recipient(pair: Pair) -> list[Outcome]:
    """The one person the same doer's act went to: "Zidane handed the flame to Serena Williams"
    against "... to Rafael Nadal"."""
    def others(f: Frame, doers):
        return [e for e in f.participants if e.kind == "person" and e.how != "pronoun" and e.key not in doers and _given_to(f, e)]
    doers = {e.key for e in pair.draft.agents + pair.claim.agents}
    d, c = others(pair.draft, doers), others(pair.claim, doers)
    if len(d) == 1 and len(c) == 1 and d[0].key != c[0].key:
        return [Outcome(CONFLICT, c[0].text, d[0].text)]
    return []


def speaker(pair: Pair, params: QuoteParams) -> list[Outcome]:
    """Who said it: a statement put in another person's mouth, or the same quotation given to
    another person ("Vance called it 'a Great Honor'" against "Trump ... calling it 'a Great Honor'")."""
    d, c = pair.draft.speaker, pair.claim.speaker
    if (d is None or c is None) and _same_quotation(pair, params.similarity):
        d, c = d or _first_person(pair.draft), c or _first_person(pair.claim)
    # the draft must name its speaker; the reference's "she wrote" counts, resolved to whom it names
    if d is None or c is None or not _named([d]) or c.kind not in ("person", "name"):
        return []
    if d.key == c.key:
        return [Outcome(AGREE, c.text, d.text)]
    return [Outcome(CONFLICT, c.text, d.text)]


def _same_quotation(pair: Pair, similarity: float) -> bool:
    """The same words quoted as speech on both sides; a quoted title ("Godzilla Minus One") is no one's words."""
    return any(fuzz.partial_ratio(d.lower(), c.lower()) >= similarity for d in pair.draft.quotes for c in pair.claim.quotes
               if not _title_case(d) and not _title_case(c) and min(len(d), len(c)) >= 0.5 * max(len(d), len(c)))


def _title_case(quote: str) -> bool:
    """ "Godzilla Minus One", "The Zone of Interest" (a title's first word is capitalised, as
    "a Great Honor for our Country" is not)."""
    words = [w for w in quote.split() if len(w) > 3]
    first = next((w for w in quote.split() if w[:1].isalpha()), "")
    return bool(words) and first[:1].isupper() and all(w[:1].isupper() for w in words)


def _first_person(frame: Frame):
    """Who says the words a clause quotes when no verb of saying names them: its first person doing it."""
    return next((e for e in frame.agents if e.kind == "person" and e.how != "pronoun"), None)


def title(pair: Pair, params: Params) -> list[Outcome]:
    """The office the text gives a person, against every title the reference gives them."""
    out = []
    en = pair.english
    for e in pair.draft.titles:
        known = pair.reference_titles.get(e.key)
        if e.how == "pronoun":
            continue
        if known and _specific(e.title, en):
            # "Dr" or "official" vouches for no office: "the MHRA's chief executive" is compared with
            # the offices the reference gives her ("chief medical officer"), or, if none, with who holds it
            known = [t for t in known if _specific(t, en)]
        if not known:
            holder = _holder(e, pair)
            if holder:               # "Angela Rayner, chancellor of the exchequer": the reference's chancellor is Reeves
                out.append(Outcome(CONFLICT, f"{holder[1]} ({holder[0]})", f"{e.title} ({e.text})"))
            continue
        if "former" in e.title.split() and not any("former" in t.split() for t in known):
            # "a former war crimes prosecutor" says nothing against "special counsel"; "former
            # president" against "president" says he no longer holds the office he holds
            head = _title_parts(e.title, en)[0]
            same = next((t for t in known if head and _title_parts(t, en)[0] == head), None)
            if same:
                out.append(Outcome(CONFLICT, same, e.title))
            continue
        if any(titles_compatible(e.title, t, en) for t in known):
            out.append(Outcome(AGREE, next(t for t in known if titles_compatible(e.title, t, en)), e.title))
        else:
            out.append(Outcome(CONFLICT, known[-1], e.title))
    return out


def _specific(t: str, en: English) -> bool:
    """An office that names what it is: "chancellor", or a generic head with what it heads ("head of
    the organising committee"); not "official" or "chief" alone."""
    head, rest = _title_parts(t, en)
    return bool(head) and (head not in _GENERIC or bool(rest - _RANK))


def _holder(e, pair: Pair) -> tuple[str, str] | None:
    """Someone else who holds, in the reference, the specific office the draft gives a person the
    reference gives none: an office with a qualifier ("chancellor of the exchequer"), not "president"."""
    head, rest = _title_parts(e.title, pair.english)
    if not head or not (rest - _RANK) or head in _GENERIC:
        return None
    for key, titles in pair.reference_titles.items():
        if key == e.key:
            continue
        for t in titles:
            h, r = _title_parts(t, pair.english)
            if h == head and (rest - _RANK) <= r and (r & _RANK) == (rest & _RANK):
                return key, t
    return None


# the ranks a name's office may carry, and those only a compared office does ("elect", "outgoing")
_RANK = RANK_WORDS | {"under", "outgoing", "incoming", "lieutenant", "elect", "designate"}
_GENERIC = frozenset({"leader", "official", "head", "chief", "spokesman", "spokeswoman", "spokesperson", "mr", "mrs", "ms", "dr"})


def titles_compatible(a: str, b: str, en: English) -> bool:
    """Two titles can be one office: the same head noun ("secretary" of "secretary of state") and
    qualifiers that do not clash ("defense secretary" is not "secretary of state")."""
    (ha, qa), (hb, qb) = _title_parts(a, en), _title_parts(b, en)
    if not ha or not hb:
        return True
    if ha in _GENERIC or hb in _GENERIC:
        # "head" may name any office, but "head of the organising committee" is no "sports minister";
        # a name alone may be what the other's words describe ("president of FIDE")
        qa, qb = {w for w in qa - _RANK if lemma_of(w)[1]}, {w for w in qb - _RANK if lemma_of(w)[1]}
        oa, ob = _headed(a), _headed(b)
        if oa and ob and not oa & ob and (oa & _owners(b) or ob & _owners(a)):
            return False               # the SFO's "head of fraud" is not "director of the SFO" (but "president of FIDE" may be
                                       # "head of the international chess federation")
        return not qa or not qb or bool(qa & qb) or ha in qb or hb in qa
    if (qa & _RANK) != (qb & _RANK):
        return False                   # a former president is not the president, a vice chair not the chair
    if ha in _premodifiers(b, hb) or hb in _premodifiers(a, ha):
        return True                    # "a SpaceX engineer" and "SpaceX engineering manager"
    if not {ha, en.canonical(ha)} & {hb, en.canonical(hb)}:
        return False                   # ("chairman" is the "chair", whatever else "chair" may mean)
    ma, mb = _kind_words(a, ha, en), _kind_words(b, hb, en)
    if ma and mb and not ma & mb:
        return False                   # "chief operating officer" is not "chief financial officer", "foreign" not "prime minister"
    (pa, la), (pb, lb) = _jurisdiction(a, en), _jurisdiction(b, en)
    if pa and pb and not pa & pb or la and lb and la != lb:
        return False                   # "Spain's culture minister" is not "Aragon's regional culture minister"
    qa, qb = qa - _RANK, qb - _RANK
    return not qa or not qb or bool(qa & qb)


_LEVELS = {"national": "country", "federal": "country", "regional": "region", "provincial": "region", "municipal": "city"}


def _jurisdiction(t: str, en: English) -> tuple[set[str], str]:
    """The places an office is of, and the level of government it belongs to: "spain 's culture
    minister" ({es}, country), "regional culture minister" ((), region), "mayor of teruel"."""
    words = t.split()
    owners = list(_owners(t)) + [words[k + 1] for k, w in enumerate(words[:-1]) if w == "of"]
    # (not a people's adjective: "the Argentine pope" is where he is from, not what he governs)
    places = {pid for w in owners for pid in en.places.lookup(w)[:1]}
    levels = {_LEVELS[w] for w in words if w in _LEVELS} | {en.places.kind(p) for p in places}
    return places, (next(iter(levels)) if len(levels) == 1 else "")


def _owners(t: str) -> set[str]:
    """Whose office it is, the word before a possessive ("sfo" of "the sfo 's head of fraud")."""
    words = t.split()
    return {words[k - 1] if w in ("'s", "\u2019s") else w[:-2] for k, w in enumerate(words)
            if k and w in ("'s", "\u2019s") or w.endswith(("'s", "\u2019s")) and len(w) > 2}


def _headed(t: str) -> set[str]:
    """What an office heads, the words after its "of" ("fraud" of "the sfo 's head of fraud")."""
    words = t.split()
    return {w for w in words[words.index("of") + 1:] if w not in ("the", "a", "an", "'s")} if "of" in words else set()


def _kind_words(t: str, head: str, en: English) -> set[str]:
    """The words before an office's head that say which office it is ("financial" in "chief financial
    officer"): not whose it is, its rank, or a word any office may take ("chief", "senior")."""
    words = t.split()
    words = words[:words.index("of")] if "of" in words else words
    owner = _owner_end(words)
    lemmas = [lemma_of(w)[0] for w in words[owner + 1:]]
    if head not in lemmas:
        return set()
    out = set()
    for w in reversed(lemmas[:lemmas.index(head)]):       # the classifiers right before the head ("chief [operating] officer")
        if w in _RANK or w in _GENERIC or w in en.function_words or w in en.places.demonyms or w in en.numbers.ordinals \
                or w in ("senior", "top"):
            break                                         # (not "the reforming Argentine pope": a description)
        out.add(w)
    return out


def _owner_end(words: list[str]) -> int:
    """The index of the last possessive word of a title ("house's", or "'s" alone), -1 for none."""
    return max((k for k, w in enumerate(words) if w in ("'s", "\u2019s") or w.endswith(("'s", "\u2019s"))), default=-1)


def _premodifiers(t: str, head: str) -> set[str]:
    """The lemmas of the words before an office's head noun ("engineering" in "engineering manager")."""
    words = t.split()
    words = words[:words.index("of")] if "of" in words else words
    lemmas = [lemma_of(w)[0] for w in words]
    return set(lemmas[:lemmas.index(head)]) if head in lemmas else set()


def _title_parts(t: str, en: English) -> tuple[str, set[str]]:
    """(head office noun, qualifier words): the head is the office before "of" ("dean of the college of cardinals")."""
    words = [w for w in t.split() if w not in en.places.demonyms]
    owner = _owner_end(words)
    if "of" in words and owner > words.index("of"):
        owner = -1                     # "curator of the museum's collection": the owner is of what it heads
    if owner >= 0 and "NOUN" in lemma_of(words[owner - 1] if owner and words[owner] in ("'s", "\u2019s") else words[owner][:-2])[1]:
        words = words[owner + 1:]      # "the house's head of modern art": a common noun's office says nothing of which

    before_of = words[:words.index("of")] if "of" in words else words
    lemmas = [lemma_of(w)[0] for w in before_of]
    # "lieutenant" is an office of its own ("Lieutenant John Smith"), and a rank before another ("lieutenant governor")
    offices = [w for w in lemmas if w in en.office_nouns and w not in _RANK - {"lieutenant"}]
    if len(offices) > 1 and offices[0] == "lieutenant":
        offices = offices[1:]
    head = offices[-1] if offices else ""
    last = lemmas[-1] if lemmas else ""
    if (not head or head in _GENERIC) and last and last != head and last not in en.function_words and last not in _GENERIC \
            and last not in en.person_titles and "NOUN" in lemma_of(last)[1] and "'" not in last and len(words) > 1:
        head = last               # "the park's chief ranger", "the museum's chief curator": the office is the last noun
    # qualifiers that tell offices apart are nouns ("defense", "state"); adjectives describe ("reforming")
    words = [w[:-2] if w.endswith(("'s", "\u2019s")) and len(w) > 2 else w for w in words]
    rest = {lemma_of(w)[0] for w in words if w not in en.function_words and w not in en.numbers.ordinals
            and (not lemma_of(w)[1] or "NOUN" in lemma_of(w)[1] or w in _RANK)} - {head}
    return head, rest


HEDGE_SIMILARITY = 0.6        # a clause this close to its claim, done on one side and possible on the other, contradicts
_STANCE = {"asserted": "yes", "certain": "yes", "planned": "yes", "possible": "maybe", "ruled_out": "no"}


def stance(frame: Frame) -> str:
    s = _STANCE[frame.modality]
    if frame.negated:
        s = {"yes": "no", "maybe": "no", "no": "yes"}[s]
    return s


def _verb_stance(negated: bool | None, modality: str) -> str:
    s = _STANCE[modality]
    return {"yes": "no", "maybe": "no", "no": "yes"}[s] if negated else s


def polarity(pair: Pair, params: Params) -> list[Outcome]:
    """Negation of a verb both sides use: said to hold on one side, not to hold on the other."""
    out = []
    if _first_time(pair.draft) != _first_time(pair.claim) or _first_vs_never(pair.draft, pair.claim) \
            or _superlative_vs_comparative(pair.draft, pair.claim) or _superlative_vs_comparative(pair.claim, pair.draft):
        return out            # "the first time the court recognised it" is "no court had recognised it before";
                              # "no stronger quake had hit" is "the strongest quake to hit"
    for verb in sorted(pair.draft.verbs.keys() & pair.claim.verbs.keys()):
        (dn, dm), (cn, cm) = pair.draft.verbs[verb], pair.claim.verbs[verb]
        if "possible" in (dm, cm) or "ruled_out" in (dm, cm) or None in (dn, cn):
            continue
        out.append(Outcome(AGREE if dn == cn else CONFLICT, _polarity_word(verb, cn), _polarity_word(verb, dn),
                           found_text=pair.draft.negation if dn else "", reference_text=pair.claim.negation if cn else ""))
    if not out:
        out = _verb_against_noun(pair)
    return out


def _verb_against_noun(pair: Pair) -> list[Outcome]:
    """A negated act one side says with a verb, the other affirms with its noun: "did not name any
    country" against "singled out Russia by name"."""
    for a, b in ((pair.draft, pair.claim), (pair.claim, pair.draft)):
        for verb, (negated, modality) in a.verbs.items():
            if negated and verb not in b.verbs and verb in b.lemmas and modality == b.modality == "asserted" and not b.negated:
                d, c = (True, False) if a is pair.draft else (False, True)
                return [Outcome(CONFLICT, _polarity_word(verb, c), _polarity_word(verb, d))]
    return []


def _first_vs_never(a: Frame, b: Frame) -> bool:
    firsts = [f for f in (a, b) if any(o.value == 1 for o in f.ordinals)]
    nevers = [f for f in (a, b) if f.negated or any(n for n, _ in f.verbs.values())]
    return bool(firsts) and bool(nevers) and firsts[0] is not nevers[0] and (
        {"previously", "before", "ever", "never"} & (a.raw | b.raw))


def _superlative_vs_comparative(sup: Frame, comp: Frame) -> bool:
    """ "the strongest" against "no stronger": the same claim in two shapes."""
    if not comp.negated and not any(n for n, _ in comp.verbs.values()):
        return False
    for w in comp.raw:
        if w.endswith("er") and len(w) > 4 and (w[:-2] + "est" in sup.raw or w[:-1] + "st" in sup.raw or w[:-3] + "iest" in sup.raw):
            return True
    return "more" in comp.raw and "most" in sup.raw


def _first_time(frame: Frame) -> bool:
    return any(o.value == 1 for o in frame.ordinals) or "previously" in frame.raw or "before" in frame.raw and frame.negated


def _polarity_word(verb: str, negated: bool) -> str:
    return f"not {verb}" if negated else verb


def modality(pair: Pair, params: Params) -> list[Outcome]:
    """Certainty of a verb both sides use, or of the whole statement: done or required vs possible vs ruled out."""
    out = []
    for verb in sorted(pair.draft.verbs.keys() & pair.claim.verbs.keys()):
        (dn, dm), (cn, cm) = pair.draft.verbs[verb], pair.claim.verbs[verb]
        if "possible" not in (dm, cm) and "ruled_out" not in (dm, cm):
            continue
        sd, sc = _verb_stance(dn, dm), _verb_stance(cn, cm)
        out.append(Outcome(AGREE if sd == sc else CONFLICT, _stance_text(cm, verb, cn), _stance_text(dm, verb, dn)))
    if out:
        return out
    pending = _pending_against_done(pair)
    if pending:
        return pending
    # no verb in common: the statements' own certainty, where both state one ("would certainly
    # have to surrender" against "may need to make concessions"), or where one rules out or hedges
    # (the clause's negation is not used here: it may belong to another of its verbs)
    d, c = pair.draft, pair.claim
    levels = {d.modality, c.modality} - {"asserted", "planned"}
    if d.modality in levels and c.modality in levels:
        status = AGREE if d.modality == c.modality else CONFLICT
        return [_stances(status, d, c)]
    shared_verbs = bool(d.verbs.keys() & c.verbs.keys())      # none of them hedged (the loop above): the hedge is another verb's
    if pair.similarity >= HEDGE_SIMILARITY and {d.modality, c.modality} in ({"possible", "asserted"}, {"possible", "planned"}) \
            and not d.negated and not c.negated \
            and not shared_verbs:
        # nearly the same clause, stated as done on one side and as possible on the other
        # ("has already secured a two-thirds majority" against "could reach the two-thirds majority")
        return [_stances(CONFLICT, d, c)]
    ruling = d if d.modality == "ruled_out" else c
    actor = not ruling.passive and any(e.kind in ("person", "org") for e in ruling.agents + ([ruling.speaker] if ruling.speaker else []))
    if "ruled_out" in (d.modality, c.modality) and (d.modality, c.modality) != ("ruled_out", "ruled_out") and actor:
        # someone (a person, a company, an agency) ruled it out, the other side states it as fact: a
        # contradiction, unless stated negated
        # (an impersonal "was regarded as out of the question" is a judgement, not a refusal)
        other = c if d.modality == "ruled_out" else d
        status = AGREE if other.negated else CONFLICT
        return [_stances(status, d, c)]
    return out


_PENDING = frozenset({"need", "require", "await"})     # "still needs approval": the approval is still to come


def _pending_against_done(pair: Pair) -> list[Outcome]:
    """An act one side says is still to come ("the merger still needs approval from the regulator")
    and the other says is done ("has already been approved by the regulator")."""
    for a, b in ((pair.claim, pair.draft), (pair.draft, pair.claim)):
        # (in the present: "the time needed for routine tasks" is no act still to come)
        waits = [v for v, (negated, _) in a.verbs.items() if v in _PENDING and negated is False
                 and re.search(rf"\b{v}s?\b|\b{v}ing\b", a.text.lower())]
        if not waits or a.passive or b.negated or any(v in _PENDING for v in b.verbs):
            continue          # ("89 votes were needed" says how many, not what is still to come)
        for act, (negated, stance) in b.verbs.items():
            if act in a.lemmas and act not in a.verbs and negated is False and stance == "asserted" and _finite(b.text, act):
                to_come, done = f"still to come: {waits[0]} {act}", f"done: {act}"
                return [Outcome(CONFLICT, *((to_come, done) if a is pair.claim else (done, to_come)))]
    return []


def _finite(text: str, verb: str) -> bool:
    """The verb is said as done or doing, not as an infinitive ("eligible to vote")."""
    words = re.findall(r"[a-z]+", text.lower())
    return any(lemma_of(w)[0] == verb and (not k or words[k - 1] != "to") for k, w in enumerate(words))


_STANCE_WORDS = {"asserted": "a fact", "certain": "certain", "possible": "possible", "planned": "planned",
                 "ruled_out": "ruled out"}


def _stance_text(modality: str, cue: str = "", negated: bool = False) -> str:
    """How a clause presents its fact, for a message: "possible (“could”)", "not a fact"."""
    words = ("not " if negated else "") + _STANCE_WORDS.get(modality, modality)
    return f"{words} (\u201c{cue}\u201d)" if cue else words


def _stances(status: str, d: Frame, c: Frame) -> Outcome:
    return Outcome(status, _stance_text(c.modality, c.modality_cue, c.negated and c.modality == "asserted"),
                   _stance_text(d.modality, d.modality_cue, d.negated and d.modality == "asserted"),
                   found_text=d.modality_cue, reference_text=c.modality_cue)


def opposite(pair: Pair, params: Params) -> list[Outcome]:
    """An opposite word in place of the claim's ("smallest" for "largest", "cordially" for "angrily")."""
    en = pair.english
    d_all = (pair.draft.raw | pair.draft.lemmas) - _bounds(pair.draft.text, en)
    c_all = (pair.claim.raw | pair.claim.lemmas) - _bounds(pair.claim.text, en)
    d, c = d_all - c_all, c_all - d_all
    for w in sorted(d):
        v = next(iter(sorted(en.opposites.get(w, frozenset()) & c)), None) or _unprefixed(w, c) or _prefixed(w, c)
        if v and _other_subject(pair) and _is_verb(pair.draft, w) and _is_verb(pair.claim, v):
            continue          # opposite acts of two people: "Raghavan won game nine", "Brenner lost game nine"
        if v and ("re" + w in c_all or "re" + lemma_of(w)[0] in c_all):
            continue          # "was closed ... and reopened": the claim says both, "open" is its second half
        if v:
            if _negated(pair.draft, w) != _negated(pair.claim, v):
                return [Outcome(AGREE, v, w)]        # "has never lost a final" is "has won all its finals"
            return [Outcome(CONFLICT, v, w)]
    return _changes(pair)


def _changes(pair: Pair) -> list[Outcome]:
    """The same figure gone the other way: "stocks have risen 14%" against "stocks had been cut by
    14%", "down from 236 million" against "up from 236 million" (the direction said just before the
    figure, on each side, neither clause negated)."""
    if pair.draft.negated or pair.claim.negated:
        return []
    en = pair.english
    for a in pair.draft.amounts:
        for b in pair.claim.amounts:
            if not _same_figure(a, b):
                continue
            d, c = _direction_before(pair.draft.text, a.text, en), _direction_before(pair.claim.text, b.text, en)
            if d and c and d[0] != c[0] and d[2] == c[2]:
                return [Outcome(CONFLICT, c[1], d[1])]
    return []


_DIRECTION_WINDOW = 4          # words before a figure that may say which way it went ("had been cut by 14%")


def _direction_before(text: str, figure: str, en: English) -> tuple[str, str, bool] | None:
    """The one direction of change said just before the figure ("up", "rose") and whether the figure
    is where it went ("rose to 7.1%", "up from 236 million") rather than by how much ("rose 2.4%",
    "cut by 14%"); None for no direction or both."""
    number = re.search(r"\d", figure)
    at = text.find(figure[number.start():].split()[0]) if number else -1
    if at < 0:
        return None
    before = re.findall(r"[a-z]+", text[:at].lower())
    level = bool(before) and before[-1] in ("to", "from")
    after = re.match(r"[^a-z]*(?:[a-z]+\s+){0,2}?(higher|lower)\b", text[at + len(figure):].lower())
    if after:                                             # "closed 6.4% lower"
        return ("up" if after.group(1) == "higher" else "down"), after.group(1), level
    if before and before[-1] in ("up", "down"):           # "up 8% from a year earlier"
        return before[-1], before[-1], level
    # "fell to 4.2 million tonnes ... from 3.6 million": the verb of a move from one level to another
    window = _LEVEL_WINDOW if level else _DIRECTION_WINDOW
    words = tuple(lemma_of(w)[0] for w in before[-window:])
    found = {}
    for i in range(len(words)):
        for n in (2, 1):
            way = en.directions.get(words[i:i + n])
            if way:
                found.setdefault(way, " ".join(words[i:i + n]))
                break
    return (*next(iter(found.items())), level) if len(found) == 1 else None


_LEVEL_WINDOW = 16


def _same_figure(a, b) -> bool:
    if a.dimension != b.dimension:
        return False
    if a.dimension == "count":
        return a.lo == b.lo and a.hi == b.hi and a.noun == b.noun
    return a.lo <= b.hi and b.lo <= a.hi


_BOUND = re.compile(r"\b(more|less|fewer)\s+than\s+(?:about\s+|around\s+|some\s+)?([$€£]?\w+)|\bor\s+(more|less|fewer)\b"
                    r"|\bat\s+(most|least)\b|\bas\s+(much|many|few|little)\s+as\b", re.I)


@lru_cache(maxsize=8192)
def _bound_words(text: str) -> tuple[tuple[str, str], ...]:
    """(bounding word, the word after "than", or "" where none is needed) for each bound in the text."""
    out = []
    for m in _BOUND.finditer(text):
        if m.group(1):
            out.append((m.group(1).lower(), m.group(2).lower()))
        else:
            out.append(((m.group(3) or m.group(4) or m.group(5)).lower(), ""))
    return tuple(out)


def _bounds(text: str, en: English) -> frozenset[str]:
    """The words that bound a figure ("more than 20", "three or more", "at least"): no opposites of each
    other ("fewer than any other carrier" and "less than half" compare, and stay opposites of "more")."""
    numbers = en.numbers
    return frozenset(w for w, after in _bound_words(text)
                     if not after or after.lstrip("$€£")[:1].isdigit() or after in ("a", "an")
                     or after in numbers.values and after != "half" or after in numbers.multipliers)


_PREFIXES = ("un", "in", "im", "il", "ir", "non", "dis", "non-")


def _is_verb(frame: Frame, word: str) -> bool:
    return word in frame.verbs or lemma_of(word)[0] in frame.verbs


def _negated(frame: Frame, word: str) -> bool:
    return bool(frame.verbs.get(word, frame.verbs.get(lemma_of(word)[0], (False, "")))[0])


def _unprefixed(word: str, others: set[str]) -> str | None:
    """ "unrealistic" here, "realistic" there: English's negative prefixes make opposites of
    adjectives and adverbs ("disclose" is no opposite of "close")."""
    if not lemma_of(word)[1] & {"ADJ", "ADV"}:
        return None
    for p in _PREFIXES:
        if word.startswith(p) and len(word) - len(p) >= 5 and word[len(p):] in others:
            return word[len(p):]
    return None


def _prefixed(word: str, others: set[str]) -> str | None:
    if len(word) < 5:
        return None
    return next((p + word for p in _PREFIXES if p + word in others and lemma_of(p + word)[1] & {"ADJ", "ADV"}), None)


def participant(pair: Pair, params: Params) -> list[Outcome]:
    """A person or organisation the claim names, in a clause that says something of the same act
    (a content word in common): the act's participants agree. A shared name alone is not enough."""
    if not pair.draft.lemmas & pair.claim.lemmas:
        return []
    mine = {e.key: e for e in pair.draft.participants + pair.draft.agents if e.kind in ("person", "org", "name") and e.how != "pronoun"}
    theirs = {e.key: e for e in pair.claim.participants + pair.claim.agents if e.kind in ("person", "org", "name")}
    return [Outcome(AGREE, theirs[k].text, mine[k].text) for k in sorted(mine.keys() & theirs.keys())]


def quotation(pair: Pair, params: QuoteParams) -> list[Outcome]:
    """Words quoted on both sides: the same quotation, allowing for a dropped word ("Peace be with you")."""
    out = []
    for d in pair.draft.quotes:
        for c in pair.claim.quotes:
            if fuzz.partial_ratio(d.lower(), c.lower()) >= params.similarity:
                out.append(Outcome(AGREE, c, d))
                break
    return out


def predication(pair: Pair, params: Params) -> list[Outcome]:
    """What is said of whom ("Russia is the aggressor"): the same thing of the same one agrees; the
    claim's noun said of another of its names is who-is-what swapped ("Ukraine is the aggressor"), and a
    role with one holder given to someone else is the wrong holder ("Olmo was named player of the match"
    against "Williams was player of the match")."""
    out = []
    theirs = {(p.who, p.what) for p in pair.claim.predications}
    for p in pair.draft.predications:
        if (p.who, p.what) in theirs:
            out.append(Outcome(AGREE, f"{p.who}: {p.what}", f"{p.who}: {p.what}"))
            continue
        other = next((c for c in pair.claim.predications if c.what == p.what and c.who != p.who), None)
        if other and (other.unique or any(c.who == p.who for c in pair.claim.predications)):
            out.append(Outcome(CONFLICT, f"{other.who} is the {p.what}", f"{p.who} is the {p.what}"))
    return out


class StatementParams(Params):
    similarity: float = Field(0.5, ge=0, le=1, description="similarity from which two clauses make the same statement")


def statement(pair: Pair, params: StatementParams) -> list[Outcome]:
    """Two clauses that say nearly the same, with no verb in common to compare ("the control tower
    collapsed" and "the control tower came down"): the same polarity and certainty agree."""
    d, c = pair.draft, pair.claim
    if pair.similarity < params.similarity or d.verbs.keys() & c.verbs.keys() or not d.lemmas & c.lemmas:
        return []                 # (names alone in common say nothing: "Zelensky visited a school" is no call with him)
    if d.negated == c.negated and stance(d) == stance(c):
        return [Outcome(AGREE, "negated" if c.negated else "affirmed", "negated" if d.negated else "affirmed")]
    return []


class PairingParams(Params):
    pairs: int = Field(2, ge=2, description="how many names the claim must pair with figures for a swap to count")


def pairing(pair: Pair, params: PairingParams) -> list[Outcome]:
    """Figures given to the names before them, swapped between two names both clauses give: "the team
    from Ulvik drilled 5.1 kilometres and the team from Voss 4.3" against the other way round;
    "Raghavan won games four and 12, Brenner six and nine" against "four and nine ... six and 12"."""
    d, c = _paired(pair.draft), _paired(pair.claim)
    if len({name for name, _, _ in c.values()}) < params.pairs:
        return []
    named_in_draft = {name for name, _, _ in d.values()}
    named_in_claim = {name for name, _, _ in c.values()}
    out = []
    for value, (name, name_text, figure) in d.items():
        theirs = c.get(value)
        if theirs is None or theirs[0] == name or name not in named_in_claim or theirs[0] not in named_in_draft:
            continue
        out.append(Outcome(CONFLICT, f"{theirs[1]}: {theirs[2]}", f"{name_text}: {figure}", found_text=figure, reference_text=theirs[2]))
    return out


def _paired(frame: Frame) -> dict[str, tuple[str, str, str]]:
    """Each figure with the name or place last named before it (figure key -> (name key, name, figure));
    a figure given twice is left out (whose would it be?)."""
    marks = [(e.first, 0, e.key, e.text) for e in frame.agents + frame.participants if e.kind in ("person", "org", "name")]
    marks += [(p.first, 0, p.place.removeprefix("?"), p.text) for p in frame.places if p.prep != BEARING and p.kind != "continent"]
    marks += [(a.first, 1, a.key, a.text) for a in frame.amounts if a.dimension != "percent" or not a.vague]
    out: dict[str, tuple[str, str, str]] = {}
    twice: set[str] = set()
    current = None
    for _, is_figure, key, text in sorted(marks):
        if not is_figure:
            current = (key, text)
        elif current is not None:
            if key in out:
                twice.add(key)
            out[key] = (current[0], current[1], text)
    return {k: v for k, v in out.items() if k not in twice}


KINDS: dict[str, tuple[Callable[[Pair, Params], list[Outcome]], type[Params]]] = {
    "amount": (amount, AmountParams),
    "ordinal": (ordinal, Params),
    "date": (date, Params),
    "clock_time": (clock_time, ClockParams),
    "place": (place, Params),
    "agent": (agent, Params),
    "speaker": (speaker, QuoteParams),
    "title": (title, Params),
    "polarity": (polarity, Params),
    "modality": (modality, Params),
    "opposite": (opposite, Params),
    "participant": (participant, Params),
    "quotation": (quotation, QuoteParams),
    "predication": (predication, Params),
    "pairing": (pairing, PairingParams),
    "statement": (statement, StatementParams),
}
