"""Load rules/lexicon/*.json into one Lexicon: a phrase gazetteer plus lookup tables."""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from rapidfuzz import fuzz, process

from . import models
from .errors import ReferenceDataError
from .loader import load_model
from .text.dates import DateWords
from .text.gazetteer import Entry, Gazetteer
from .text.quantities import NumberWords
from .text.tokens import tokenize

FILES = {
    "people": models.PeopleFile, "offices": models.OfficesFile, "places": models.PlacesFile,
    "organisations": models.OrganisationsFile, "concepts": models.ConceptsFile,
    "negation": models.NegationFile, "modality": models.ModalityFile, "scales": models.ScalesFile,
    "numbers": models.NumbersFile, "dates": models.DatesFile, "discourse": models.DiscourseFile,
}


def _key(phrase: str) -> tuple[str, ...]:
    return tuple(t.norm for t in tokenize(phrase))


@dataclass
class Lexicon:
    people: dict[str, models.Person]
    offices: dict[str, models.Office]
    places: dict[str, models.Place]
    organisations: dict[str, models.Organisation]
    concepts: dict[str, models.Concept]
    scales: dict[str, models.Scale]
    numbers: NumberWords
    dates: DateWords
    gazetteer: Gazetteer
    containers: dict[str, frozenset[str]] = field(default_factory=dict)   # place -> itself + all containers
    office_holders: dict[str, list[str]] = field(default_factory=dict)    # office -> person ids
    scope_words: dict[tuple[str, ...], str] = field(default_factory=dict)

    def contains(self, outer: str, inner: str) -> bool:
        """True if place `inner` is `outer` or lies inside it."""
        return outer in self.containers.get(inner, frozenset({inner}))

    def office_compatible(self, said: str, actual: str) -> bool:
        """A title `said` is consistent with a person's `actual` office."""
        if said == actual:
            return True
        office = self.offices.get(actual)
        return bool(office and said in office.broader)

    @cached_property
    def _surnames(self) -> dict[str, str]:
        """One-word aliases (surnames and spelling variants) of people, for fuzzy lookup."""
        return {a: p.id for p in self.people.values() for a in p.aliases if " " not in a and len(a) >= 5}

    def misspelt_person(self, word: str, cutoff: float = 88) -> str | None:
        """The person whose one-word name `word` misspells ("Zelenskky"), if any is close enough.

        Only words of five letters or more are tried, and a word that is itself in the
        lexicon (a place, a concept) never gets here, so "Putin" and "Pution" match but
        "Russia" does not become anybody.
        """
        best = process.extractOne(word, self._surnames.keys(), scorer=fuzz.ratio, score_cutoff=cutoff)
        return self._surnames[best[0]] if best else None

    def side_of_person(self, person: str) -> str | None:
        p = self.people.get(person)
        return p.side if p else None


def load_lexicon(rules_dir: Path) -> Lexicon:
    folder = rules_dir / "lexicon"
    files = {name: load_model(folder / f"{name}.json", f"lexicon.{name}", model) for name, model in FILES.items()}
    lex = Lexicon(
        people={p.id: p for p in files["people"].people},
        offices={o.id: o for o in files["offices"].offices},
        places={p.id: p for p in files["places"].places},
        organisations={o.id: o for o in files["organisations"].organisations},
        concepts={c.id: c for c in files["concepts"].concepts},
        scales={s.id: s for s in files["scales"].scales},
        numbers=_number_words(files["numbers"]),
        dates=_date_words(files["dates"]),
        gazetteer=Gazetteer(),
    )
    _check_references(lex, folder)
    lex.containers = _containment(lex.places, folder)
    for person in lex.people.values():
        if person.office:
            lex.office_holders.setdefault(person.office, []).append(person.id)
    for pole, terms in (("whole", files["numbers"].scope.whole), ("part", files["numbers"].scope.part)):
        for t in terms:
            lex.scope_words[_key(t)] = pole
    _fill_gazetteer(lex, files)
    return lex


def _number_words(f: models.NumbersFile) -> NumberWords:
    return NumberWords(
        values=dict(f.values), multipliers=dict(f.multipliers), ordinals=dict(f.ordinals),
        units={k: (v[0], v[1]) for k, v in f.units.items()},
        approximators={_key(k): (v[0], v[1]) for k, v in f.approximators.items()},
        count_nouns=frozenset(f.count_nouns),
        collectives={_key(k): (v[0], v[1]) for k, v in f.collectives.items()},
    )


def _date_words(f: models.DatesFile) -> DateWords:
    return DateWords(months=dict(f.months), ambiguous_months=frozenset(f.ambiguous_months),
                     weekdays=frozenset(f.weekdays), relations=dict(f.relations), anchors=frozenset(f.anchors),
                     relative=tuple(sorted((_key(r) for r in f.relative), key=len, reverse=True)))


def _check_references(lex: Lexicon, folder: Path) -> None:
    sides = set(lex.places) | set(lex.organisations)
    for p in lex.people.values():
        if p.office and p.office not in lex.offices:
            raise ReferenceDataError(folder / "people.json", f"person {p.id!r} has unknown office {p.office!r}")
        if p.side and p.side not in sides:
            raise ReferenceDataError(folder / "people.json", f"person {p.id!r} has unknown side {p.side!r}")
    for o in lex.offices.values():
        for b in o.broader:
            if b not in lex.offices or not lex.offices[b].generic:
                raise ReferenceDataError(folder / "offices.json", f"office {o.id!r}: broader {b!r} is not a generic office")
    for o in lex.organisations.values():
        if o.speaks_for and o.speaks_for not in lex.people:
            raise ReferenceDataError(folder / "organisations.json", f"organisation {o.id!r} speaks for unknown person {o.speaks_for!r}")
        if o.side not in sides:
            raise ReferenceDataError(folder / "organisations.json", f"organisation {o.id!r} has unknown side {o.side!r}")


def _containment(places: dict[str, models.Place], folder: Path) -> dict[str, frozenset[str]]:
    closure: dict[str, frozenset[str]] = {}

    def up(pid: str, seen: tuple[str, ...]) -> frozenset[str]:
        if pid in closure:
            return closure[pid]
        if pid in seen:
            raise ReferenceDataError(folder / "places.json", f"containment cycle: {' -> '.join(seen + (pid,))}")
        if pid not in places:
            raise ReferenceDataError(folder / "places.json", f"unknown place {pid!r} in 'within' of {seen[-1]!r}")
        result = {pid}
        for outer in places[pid].within:
            result |= up(outer, seen + (pid,))
        closure[pid] = frozenset(result)
        return closure[pid]

    for pid in places:
        up(pid, ())
    return closure


def _fill_gazetteer(lex: Lexicon, files: dict) -> None:
    g = lex.gazetteer

    def add(terms, layer, type_, id_):
        for t in terms:
            g.add(t, Entry(layer, type_, id_, t))

    for p in lex.people.values():
        add(p.aliases, "entity", "person", p.id)
    for o in lex.offices.values():
        add(o.aliases, "entity", "office", o.id)
    for pl in lex.places.values():
        add(pl.aliases, "entity", "place", pl.id)
        add(pl.demonyms, "entity", "demonym", pl.id)
    for o in lex.organisations.values():
        add(o.aliases, "entity", "org", o.id)
    for c in lex.concepts.values():
        add(c.terms, "concept", "concept", c.id)
    neg, mod, disc = files["negation"], files["modality"], files["discourse"]
    add(neg.negators, "cue", "negation", "negator")
    add(neg.negative_predicates, "cue", "negation", "predicate")
    add(neg.neutral, "cue", "neutral", "neutral")
    for level in ("certain", "possible", "scheduled"):
        add(getattr(mod, level), "cue", "modality", level)
    for s in lex.scales.values():
        add(s.positive, "scale", s.id, "positive")
        add(s.negative, "scale", s.id, "negative")
    add(disc.say_verbs, "cue", "say", "say")
    add(disc.clause_breaks, "break", "break", "break")
    add(disc.pronouns, "ref", "pronoun", "person")
    add(disc.group_references, "ref", "group", "group")
    add(disc.determiners, "det", "det", "det")
    add(disc.opinion, "opinion", "opinion", "opinion")
    add(disc.ellipsis, "opening", "ellipsis", "ellipsis")
    add(disc.event_pronouns, "opening", "event_pronoun", "event_pronoun")
    add(disc.contrast_openings, "contrast", "contrast", "contrast")
