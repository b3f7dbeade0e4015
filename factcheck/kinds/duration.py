"""Flags a duration that cannot be the reference's: "a 60-minute call" against 90 minutes.

Durations are read as intervals in minutes ("about an hour" is 51-69, "more than an
hour" is 60 or more) and compared with the claim's value widened by `tolerance`. A
duration counts only for the event it belongs to: in "after a 90-minute call with Putin,
Trump spoke to Zelensky", the 90 minutes are the Putin call's, not the Zelensky call's.
"""
from __future__ import annotations

from pydantic import Field

from ..text.quantities import Quantity
from .base import NoParams, Outcome, View, compare_quantities

SLOT = "duration"


class Params(NoParams):
    tolerance: float = Field(0.1, ge=0, le=1, description="relative tolerance around an exact reference value")


def compare(view: View, params: Params) -> Outcome | None:
    found = [q for q in view.sa.quantities if q.dimension == "duration" and view.unit.covers(q.first)]
    found = [q for q in found if owner(view, q) in (None, view.claim.event)]
    return compare_quantities(view.claim.slots.duration, found, params.tolerance)


def owner(view: View, q: Quantity) -> str | None:
    """The event a duration belongs to, told apart by the nearest distinguishing person."""
    mine = view.events.get(view.claim.event) if view.claim.event else None
    if mine is None:
        return None
    rivals = [e for e in view.events.values() if set(e.kind) & set(mine.kind)]
    keyed = {k.split(":", 1)[1]: e.id for e in rivals for k in e.keys if k.startswith("person:")}
    shared = set.intersection(*(set(e.implies) for e in rivals)) if rivals else set()
    people = [p for p in view.unit.people if p.person in keyed and p.person not in shared]
    tokens = view.sa.tokens
    # "a 90-minute call with Putin": the person after "with" right behind the duration wins
    for p in people:
        if q.last < p.first <= q.last + 5 and any(tokens[i].norm == "with" for i in range(q.last + 1, p.first)):
            return keyed[p.person]
    if people:
        nearest = min(people, key=lambda p: min(abs(p.first - q.first), abs(p.last - q.last)))
        return keyed[nearest.person]
    resolved = [e for e in view.unit.events if e in {r.id for r in rivals}]
    return resolved[0] if len(resolved) == 1 else None
