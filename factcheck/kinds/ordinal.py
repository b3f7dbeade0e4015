"""Flags a wrong ordinal: "the second direct engagement" where the reference says the first.

The ordinal counts the noun that follows it, or, in "for the second time", the event of
its clause.
"""
from __future__ import annotations

from .base import AGREE, CONFLICT, NoParams, Outcome, View

SLOT = "ordinal"
_WORDS = {1: "first", 2: "second", 3: "third", 4: "fourth", 5: "fifth"}


class Params(NoParams):
    window: int = 6


def compare(view: View, params: Params) -> Outcome | None:
    want = view.claim.slots.ordinal
    nouns = [m for m in view.sa.mentions_in(view.unit, "concept") if m.id in view.claim.slots.count_of]
    for o in view.sa.ordinals:
        if not view.unit.covers(o.first):
            continue
        this_time = o.last + 1 < len(view.sa.tokens) and view.sa.tokens[o.last + 1].norm == "time"
        if any(0 < m.first - o.last <= params.window or (this_time and m) for m in nouns):
            status = AGREE if o.value == want else CONFLICT
            return Outcome(status, _WORDS.get(want, str(want)), o.text)
    return None
