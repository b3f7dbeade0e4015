"""Discourse: what a sentence takes from the sentences before it.

The Context carries who was talked about ("he", "the two leaders"), which events were
mentioned (so that "that call" or "It lasted an hour" find theirs, each reference source
among its own events), and the previous sentence's predicate (for "So are Waltz and
Ratcliffe"). The functions here resolve those references for one sentence's clauses.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from .models import Event
from .people import Mention, PersonRef
from .text.tokens import Token

@dataclass
class Context:
    """What earlier sentences of the same text established."""

    last_subject: str | None = None
    last_pair: tuple[str, ...] = ()
    previous_people: tuple[str, ...] = ()      # distinct people named by the sentence just before
    previous_concepts: frozenset[str] = frozenset()   # concept features of the sentence just before
    previous_events: dict[str, str] = field(default_factory=dict)   # source -> last event the sentence just before referred to
    last_event: dict[tuple[str, str], str] = field(default_factory=dict)   # (source, concept id) -> event id
    history: dict[tuple[str, str], list[str]] = field(default_factory=dict)  # (source, concept) -> events in order


_LINKS = frozenset({"with", "between", "to", "and"})


def _names_it(tokens, m, p) -> bool:
    """A person names an event mention: "the call with Putin", "Putin's call", "the Putin call"."""
    if 0 < p.first - m.last <= 4:
        return any(tokens[i].norm in _LINKS for i in range(m.last + 1, p.first))
    return 0 <= m.first - p.last <= 2


def _key_positions(keys: list[str], unit, mentions) -> list[int]:
    """Token positions where the features of `keys` are mentioned in the clause."""
    wanted = {part.split(":", 1)[1] for k in keys for part in k.split("+")}
    out = [p.first for p in unit.people if p.person in wanted]
    out += [m.first for m in mentions if unit.covers(m.first) and m.id in wanted]
    return out


def _key_people(events: list[Event], concept: str) -> set[str]:
    """People who tell apart the events of kind `concept` (Putin and Zelensky for calls)."""
    return {k.split(":", 1)[1] for e in events if concept in e.kind for k in e.keys if k.startswith("person:")}


def resolve_events(sa_mentions, tokens, unit, events: list[Event], sources: dict[str, str],
                    context: Context) -> list[tuple[str, int, bool]]:
    """Events this clause refers to: (event id, token, is a back-reference like "that call").

    An event is named when a mention of its kind comes with one of its keys ("the call
    with Putin"). A kind mention with no key nearby refers back: after a determiner ("that
    call") to the last event of that kind, otherwise to the one event of that kind whose
    participants are the people the previous sentence named. Each reference source has its
    own events, so each resolves back-references among its own.
    """
    found: list[tuple[str, int, bool]] = []
    kind_mentions = [m for m in sa_mentions if m.type == "concept" and unit.covers(m.first, m.last)]
    # people who are only quoted ("Ushakov said ...") do not tell which event is meant
    quoted = {f"person:{p.person}" for p in unit.people if p.speaker} - {f"person:{p.person}" for p in unit.people if not p.speaker}
    features = unit.features - quoted
    strength: dict[str, int] = {}
    naming: set[int] = set()           # kind mentions that name an event ("the summit between Putin and Trump")
    for ev in events:
        hits = [m for m in kind_mentions if m.id in ev.kind]
        keys = [k for k in ev.keys if all(part in features for part in k.split("+"))]
        if hits and keys:
            where = _key_positions(keys, unit, sa_mentions)
            hit = min(hits, key=lambda m: min((abs(m.first - w) for w in where), default=0))
            naming.add(hit.first)
            found.append((ev.id, hit.first, False))
            strength[ev.id] = 0 if all(k.startswith("side:") for k in keys) else 1
    by_id = {e.id: e for e in events}
    # "US and Russian diplomats met again in Istanbul": the event named by its place wins
    # over one of the same source and kind recognised only by the sides taking part
    found = [f for f in found if strength[f[0]] or not any(
        strength[o] and sources[o] == sources[f[0]] and set(by_id[f[0]].kind) & set(by_id[o].kind) for o, _, _ in found)]
    named = {e for e, _, _ in found}
    previous = set(context.previous_people)
    people_by_kind: dict[str, set[str]] = {}
    for m in kind_mentions:
        if m.id not in people_by_kind:
            people_by_kind[m.id] = _key_people(events, m.id)
        keys = people_by_kind[m.id]
        key_people = [p for p in unit.people if p.how in ("name", "office", "proxy") and p.person in keys]
        if m.first in naming or any(_names_it(tokens, m, p) for p in key_people):
            continue                       # "the call with Putin", "Putin's call": named, not a back-reference
        referring = any(d.type == "det" and 1 <= m.first - d.last <= 2 for d in sa_mentions)   # "that call", "the long call"
        for source in sorted(set(sources.values())):
            source_events = [e for e in events if sources[e.id] == source]
            kind_named = any(e.id in named and m.id in e.kind for e in source_events)
            target = context.last_event.get((source, m.id)) if referring else None
            if target is None and not kind_named and len(previous) >= 2:
                # "Trump and Putin agreed ... The agreement came out of a long phone call"
                fitting = [e.id for e in source_events if m.id in e.kind and set(e.implies) <= previous]
                target = fitting[0] if len(fitting) == 1 else None
            if target and target not in named:
                found.append((target, m.first, True))
                named.add(target)
    return found


def _opening(tokens: list[Token], mentions: list[Mention], type_: str) -> bool:
    """The sentence opens with a discourse word of `type_` (after an optional "And"/"But")."""
    start = 1 if tokens and tokens[0].norm in ("and", "but") else 0
    return any(m.type == type_ and m.first == start for m in mentions)


def carry_over(tokens, mentions, units, events: dict[str, Event], sources: dict[str, str], context: Context) -> None:
    """What a sentence takes from the one before: its predicate after "So are Waltz and Ratcliffe",
    its event after "It lasted an hour"."""
    if not units:
        return
    first = units[0]
    if _opening(tokens, mentions, "ellipsis"):
        first.features |= context.previous_concepts
    for prev, unit in zip(units, units[1:]):
        # contrastive ellipsis: "troops from Europe, but not American ones", "talks, though not
        # immediately" keep the predicate of the clause before
        words = sum(t.is_word for t in tokens[unit.first:unit.last + 1])
        opens = any(m.type == "contrast" and m.first == unit.first for m in mentions)
        negated = any(m.type == "negation" and unit.covers(m.first) for m in mentions)
        if words <= 5 and opens and negated:
            unit.features |= {f for f in prev.features if f.startswith("concept:")}
    kinds = {k for e in events.values() for k in e.kind}
    has_kind = any(m.type == "concept" and m.id in kinds for m in mentions)
    if _opening(tokens, mentions, "event_pronoun") and not has_kind:
        for event_id in context.previous_events.values():
            first.events.add(event_id)
            first.back_references.add(event_id)
            first.features.add(f"event:{event_id}")
            first.features.add(f"concept:{events[event_id].kind[0]}")
            for person in events[event_id].implies:
                if not any(p.person == person for p in first.people):
                    first.people.append(PersonRef(person, first.first, first.first, "event"))


def after_previous(units, events: dict[str, Event], sources: dict[str, str], context: Context) -> None:
    """"Trump then spoke with Zelensky", "his earlier call with Putin": an order word relates the
    named event to the event of its kind mentioned before (feature "related:<event>")."""
    for unit in units:
        if "concept:order_after" not in unit.features:
            continue
        for event_id in list(unit.events - unit.back_references):
            src = sources[event_id]
            for concept in events[event_id].kind:
                earlier = [e for e in context.history.get((src, concept), []) if e != event_id]
                if earlier and earlier[-1] not in unit.events:
                    # a feature of its own: the clause relates to that event, it does not speak of it
                    unit.features.add(f"related:{earlier[-1]}")
                    break


def update_context(sa, events: dict[str, Event], sources: dict[str, str], context: Context) -> None:
    named = [p for p in sa.people if p.how in ("name", "office", "pronoun", "group")]
    if named:
        context.last_subject = named[0].person
    distinct = list(dict.fromkeys(p.person for p in named))
    if len(distinct) >= 2:
        context.last_pair = tuple(distinct[:2])
    context.previous_people = tuple(distinct)
    context.previous_concepts = frozenset(f for u in sa.units for f in u.features if f.startswith("concept:"))
    context.previous_events = {}
    for unit in sa.units:
        for event_id in sorted(unit.events - unit.back_references) + sorted(unit.events & unit.back_references):
            context.previous_events[sources[event_id]] = event_id
            for concept in events[event_id].kind:
                context.last_event[(sources[event_id], concept)] = event_id
                seen = context.history.setdefault((sources[event_id], concept), [])
                if event_id in seen:
                    seen.remove(event_id)
                seen.append(event_id)
