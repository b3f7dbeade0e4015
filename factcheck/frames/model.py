"""The typed values the frame analysis produces: who, where, when, how much, and the frame.

A Frame is one clause read as a fact: its predicate, the people and things in their roles,
places, dates, clock times, quantities and ordinals, polarity, modality and the speaker it
is attributed to. Reference claims and draft sentences are both frames, so every slot the
analysis can read in a draft it can also hold as a claim.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import NamedTuple

from ..text.dates import DateMention


@dataclass(frozen=True, slots=True)
class Entity:
    """A name in the text: a person, a place, an organisation or site, or a nationality."""

    key: str              # person: folded surname; place: gazetteer id; other: folded name
    kind: str             # person | place | org | demonym
    text: str
    first: int
    last: int
    title: str = ""       # the office the text gives a person here ("foreign minister")
    how: str = "name"     # name | pronoun | surname


# dimensions whose presence, not their value, identifies a fact: how long, how much money, what share
MEASURED = frozenset({"duration", "money", "percent", "points", "length", "mass", "age", "speed"})
SITE = "site"             # the kind of a place known only by its name in the text: "?" + its folded name

# the sides of a place, by the words that name them ("eastern Congo", "the north of England")
SIDES = {"northern": "north", "southern": "south", "eastern": "east", "western": "west", "north": "north", "south": "south",
         "east": "east", "west": "west"}

# where a place stands in the clause, by the preposition before it: where it happened, where from, where to
PLACE_PREPOSITIONS = {**{p: "at" for p in ("in", "at", "near", "inside", "outside", "across", "throughout", "around", "within",
                                           "through", "via",
                                           "on", "of")},
                      "from": "from", "to": "to", "into": "to", "towards": "to", "toward": "to"}
# ... or by the verb it is the object of: a destination or a starting point ("visit Vienna", "left Kyiv")
PLACE_VERBS = {"visit": "to", "visited": "to", "visiting": "to", "reach": "to", "reached": "to", "enter": "to", "entered": "to",
               "tour": "to", "toured": "to", "leave": "from", "left": "from", "leaving": "from", "fled": "from", "flee": "from"}
# the "preposition" of a place something is a distance and a direction from ("35 km south-east of Moranbah"): no
# role of the act's, compared only with another bearing from it
BEARING = "bearing"
# every role a place can have: also "bound for", where a company is "based", and a dateline's place
PLACE_ROLE = {**PLACE_PREPOSITIONS, **PLACE_VERBS, "bound for": "to", "based": "based", "dateline": "at"}


@dataclass(frozen=True, slots=True)
class PlaceRef:
    place: str            # gazetteer id, or "?" + the folded name of a site no gazetteer lists
    kind: str             # city | region | country | continent | site
    text: str
    first: int
    prep: str             # the preposition before it ("in", "from", "to"), or ""
    last: int = -1        # its last token
    verb: str = ""        # canonical lemma of the verb it belongs to: the nearest one before it in its clause
    side: frozenset[str] = frozenset()   # the part of it the text names: {"east"} for "the eastern Congo", "the east of the Congo"
    bearing: frozenset[str] = frozenset()   # the direction from it the text gives: {"south", "east"} for "south-east of Moranbah"
    settlement: bool = False   # a site the text calls a town, village or city ("the coastal town of Scarwick")


@dataclass(frozen=True, slots=True)
class ClockTime:
    minutes: float        # since midnight
    lo: float
    hi: float
    text: str
    first: int
    end_char: int = 0
    zone: tuple[float, ...] = ()   # the hours it is ahead of UTC, if the text names its time zone ("Eastern": -4 or -5)


LAST = 0                  # the rank at the end of a series, whatever its length
GROUP = "#group"          # the noun of a rank within a group named after "of" ("the first of them")


@dataclass(frozen=True, slots=True)
class OrdinalRef:
    value: int            # LAST for "the last of the three", "the final ballot"
    noun: str             # canonical lemma of the noun it counts ("ballot")
    text: str
    first: int
    verb: str = ""        # the verb it ranks a doing of ("hosting ... for the third time"), if one comes before it
    within: bool = False  # ranked within a subset the words after it name ("the first pope from the United States")


@dataclass(frozen=True, slots=True)
class Amount:
    """A quantity with what it measures: "133 cardinal electors", "50 percent", "tens of thousands of people"."""

    dimension: str        # duration | money | percent | points | count | age | length | mass | speed | offset
    lo: float
    hi: float
    value: float
    noun: str             # canonical lemma of the counted noun, "" for durations and money
    text: str
    first: int
    vague: bool = False
    approx: str = ""      # at_least | at_most | about | ... (the approximator's kind)
    phrase: tuple[str, ...] = ()   # counts: every content word of the counted noun phrase
    per: str = ""         # a rate's denominator: "day" of "10 litres a day", "household" of "two cases per household"

    @property
    def key(self) -> str:
        return f"#{self.dimension}:{self.lo:g}-{self.hi:g}"


class Predication(NamedTuple):
    """What a copula says of a name: "Russia is the aggressor" is (ru, aggressor). A role one holder has
    at a time ("Williams was the player of the match", "was named captain") is `unique`."""

    who: str
    what: str
    unique: bool = False


@dataclass
class Frame:
    sentence: int
    clause: int
    start: int            # character offsets of the clause in its document
    end: int
    text: str
    predicate: str = ""                       # canonical lemma of the main verb
    lemmas: frozenset[str] = frozenset()      # canonical content lemmas
    raw: frozenset[str] = frozenset()         # the same before paraphrase groups ("lower", not "cut")
    agents: list[Entity] = field(default_factory=list)
    participants: list[Entity] = field(default_factory=list)
    places: list[PlaceRef] = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)
    times: list[ClockTime] = field(default_factory=list)
    amounts: list[Amount] = field(default_factory=list)
    ordinals: list[OrdinalRef] = field(default_factory=list)
    passive: bool = False
    verbs: dict[str, tuple[bool | None, str]] = field(default_factory=dict)   # verb lemma -> (negated or None: open, modality of that verb)
    negated: bool = False
    negation: str = ""                        # the words that negate it
    modality: str = "asserted"                # asserted | certain | possible | planned | ruled_out
    modality_cue: str = ""
    speaker: Entity | None = None
    titles: list[Entity] = field(default_factory=list)   # people with the title the text gives them
    quotes: list[str] = field(default_factory=list)       # words quoted in the clause, as written
    quoted: frozenset[str] = frozenset()   # pairs of content words next to each other in those quotations
    predications: list[Predication] = field(default_factory=list)
    bases: list[tuple[str, PlaceRef]] = field(default_factory=list)   # where an organisation is based: (its key, the place)
    opinion: bool = False
    question: bool = False
    words: int = 0

    @property
    def people(self) -> list[Entity]:
        return [e for e in self.agents + self.participants if e.kind == "person"]

    def keys(self) -> set[str]:
        """What identifies the fact, without the values compared (a wrong value still finds its claim)."""
        out = set(self.lemmas)
        for e in self.agents + self.participants:
            out.add(f"@{e.key}")
        for p in self.places:
            if p.kind != SITE:            # a site is a name already keyed as an entity
                out.add(f"@{p.place}")
        for a in self.amounts:
            if a.dimension in MEASURED:       # "a 50-minute meeting" is about the claim that says how long
                out.add(f"#{a.dimension}")
        return out

    def values(self) -> set[str]:
        """The compared values, as keys: an equal value is more evidence of the same fact."""
        out = {a.key for a in self.amounts}
        out |= {date_key(d) for d in self.dates}
        out |= {f"#time:{t.minutes:g}" for t in self.times}
        out |= {f"#ord:{o.value}-{o.noun}" for o in self.ordinals}
        out |= {f"#quote:{q}" for q in self.quoted}     # the same words quoted: the same statement, whoever says it
        return out


def date_key(d) -> str:
    """A date as a key: its calendar parts, or the words of a time given from now ("last month")."""
    return f"#date:{d.text.lower()}" if d.relative else f"#date:{d.year}-{d.month}-{d.day}-{d.weekday}"
