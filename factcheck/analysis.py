"""Analyse a sentence into mentions, people, quantities, dates, clauses and features.

A feature is a string such as "concept:call", "person:putin", "place:germany" (with every
containing place too), "event:putin-call" or "has:duration"; claims are matched on them.
Sentences are analysed in order, carrying a Context so that "he", "the two leaders" and
"that call" resolve to what earlier sentences named.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from .discourse import Context, after_previous, carry_over, resolve_events, update_context
from .lexicon import Lexicon
from .models import Event
from .people import Mention, PersonRef, find_people
from .text.dates import DateMention, find_dates
from .text.gazetteer import longest_per_layer
from .text.quantities import Ordinal, Quantity, find_ordinals, find_quantities
from .text.sentences import Sentence
from .text.tokens import Token, is_contracted_negation, tokenize

@dataclass
class Unit:
    """A clause: the tokens from one clause break to the next."""

    index: int
    first: int
    last: int
    features: set[str] = field(default_factory=set)
    people: list[PersonRef] = field(default_factory=list)
    events: set[str] = field(default_factory=set)
    back_references: set[str] = field(default_factory=set)   # events only referred back to ("the talks")

    def covers(self, first: int, last: int | None = None) -> bool:
        return self.first <= first and (last if last is not None else first) <= self.last


@dataclass
class SentenceAnalysis:
    index: int
    start: int
    end: int
    text: str
    tokens: list[Token]
    mentions: list[Mention]
    people: list[PersonRef]
    quantities: list[Quantity]
    ordinals: list[Ordinal]
    dates: list[DateMention]
    units: list[Unit]
    features: set[str]
    opinion: bool

    def mentions_in(self, unit: Unit, type_: str | None = None) -> list[Mention]:
        return [m for m in self.mentions if unit.covers(m.first, m.last) and (type_ is None or m.type == type_)]

    def concept_mentions(self, unit: Unit, concepts) -> list[Mention]:
        wanted = set(concepts)
        return [m for m in self.mentions_in(unit, "concept") if m.id in wanted]

    def span_text(self, first: int, last: int) -> str:
        return self.text[self.tokens[first].start - self.start:self.tokens[last].end - self.start]

    def negations(self, unit: Unit) -> list[Mention]:
        out = self.mentions_in(unit, "negation")
        out += [Mention("negation", "negator", i, i) for i in range(unit.first, unit.last + 1)
                if is_contracted_negation(self.tokens[i])]
        return sorted(out, key=lambda m: m.first)


def _mentions(tokens: list[Token], lex: Lexicon) -> list[Mention]:
    matches = longest_per_layer(lex.gazetteer.find(tokens))
    names = [(m.first, m.last) for m in matches if m.entry.layer == "entity" and m.length > 1]
    out = []
    for m in matches:
        inside_name = m.entry.layer != "entity" and any(a <= m.first and m.last <= b for a, b in names)
        if not inside_name:   # "security" in "National Security Adviser" is not a guarantee
            out.append(Mention(m.entry.type, m.entry.id, m.first, m.last))
    known = {i for m in matches for i in range(m.first, m.last + 1)}
    for i, tok in enumerate(tokens):
        if i not in known and tok.capitalized and tok.is_word and len(tok.text) >= 5:
            person = lex.misspelt_person(tok.text)   # "Zelenskky", "Hegsteth"
            if person:
                out.append(Mention("person", person, i, i))
    out.sort(key=lambda m: (m.first, -(m.last - m.first)))
    return out


def _units(tokens: list[Token], mentions: list[Mention]) -> list[tuple[int, int]]:
    breaks = sorted({m.first for m in mentions if m.type == "break"} | {i for i, t in enumerate(tokens) if t.norm == ";"})
    bounds, start = [], 0
    for b in breaks:
        if b > start:
            bounds.append((start, b - 1))
            start = b
    if start < len(tokens):
        bounds.append((start, len(tokens) - 1))
    return bounds or [(0, 0)]


def _features(sa_mentions, people, quantities, ordinals, dates, unit: Unit, lex: Lexicon) -> set[str]:
    f: set[str] = set()
    for m in sa_mentions:
        if not unit.covers(m.first, m.last):
            continue
        if m.type == "concept":
            f.add(f"concept:{m.id}")
        elif m.type == "place":
            f |= {f"place:{c}" for c in lex.containers[m.id]}
            f |= {f"side:{c}" for c in lex.containers[m.id] if lex.places[c].kind == "country"}
        elif m.type == "demonym":
            f.add(f"side:{m.id}")
        elif m.type == "org":
            org = lex.organisations[m.id]
            f.add(f"org:{m.id}")
            f.add(f"side:{org.side}")
            if org.location:
                f |= {f"place:{c}" for c in lex.containers[org.location]}
        elif m.type == "office":
            f.add(f"office:{m.id}")
        elif m.type in lex.scales:
            f.add(f"scale:{m.type}")
        elif m.type == "negation":
            f.add("has:negation")
    for p in people:
        if unit.covers(p.first):
            f.add(f"person:{p.person}")
    for q in quantities:
        if unit.covers(q.first):
            f.add(f"has:{q.dimension}")
    if any(unit.covers(o.first) for o in ordinals):
        f.add("has:ordinal")
    if any(unit.covers(d.first) for d in dates):
        f.add("has:date")
    return f


def analyze(sentence: Sentence, index: int, lex: Lexicon, events: list[Event], context: Context,
            sources: dict[str, str] | None = None) -> SentenceAnalysis:
    """Analyse one sentence and update `context` for the next one."""
    tokens = tokenize(sentence.text, sentence.start)
    mentions = _mentions(tokens, lex)
    people = find_people(tokens, mentions, lex, context)
    quantities = find_quantities(tokens, lex.numbers)
    ordinals = find_ordinals(tokens, lex.numbers)
    dates = find_dates(tokens, lex.dates)
    units = [Unit(i, a, b) for i, (a, b) in enumerate(_units(tokens, mentions))]
    by_id = {e.id: e for e in events}
    sources = sources or {e.id: "" for e in events}
    for unit in units:
        unit.people = [p for p in people if unit.covers(p.first)]
        if not any(p.how != "proxy" and not p.speaker for p in unit.people) and unit.index > 0:
            # "..., but have not agreed": the clause keeps the subject of the clause before it
            prev = units[unit.index - 1].people
            unit.people = unit.people + [PersonRef(p.person, unit.first, unit.first, "inherited")
                                         for p in prev if not p.speaker and p.how not in ("proxy", "event")]
        unit.features = _features(mentions, unit.people, quantities, ordinals, dates, unit, lex)
        for event_id, at, back_reference in resolve_events(mentions, tokens, unit, events, sources, context):
            for concept in by_id[event_id].kind:   # a later clause of the same sentence refers to it first
                context.last_event[(sources[event_id], concept)] = event_id
            unit.events.add(event_id)
            if back_reference:
                unit.back_references.add(event_id)
            unit.features.add(f"event:{event_id}")
            # a back-reference presupposes the event's participants without naming them:
            # they can agree with a role, but add no person feature to match claims on
            for person in by_id[event_id].implies if back_reference else ():
                if not any(p.person == person for p in unit.people):
                    unit.people.append(PersonRef(person, at, at, "event"))
    carry_over(tokens, mentions, units, by_id, sources, context)
    after_previous(units, by_id, sources, context)
    sentence_features = set().union(*(u.features for u in units))
    sa = SentenceAnalysis(index, sentence.start, sentence.end, sentence.text, tokens, mentions, people,
                          quantities, ordinals, dates, units, sentence_features,
                          opinion=any(m.type == "opinion" for m in mentions))
    update_context(sa, by_id, sources, context)
    return sa
