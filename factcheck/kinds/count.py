"""Flags a count that cannot be the reference's: "a two-person delegation" when four were named.

Only counts attached to the counted thing ("two-person delegation", "a team of three")
are compared; "includes Rubio and Ratcliffe" names members without counting them.
"""
from __future__ import annotations

from .base import NoParams, Outcome, View, compare_quantities

SLOT = "count"


class Params(NoParams):
    pass


def compare(view: View, params: Params) -> Outcome | None:
    want = view.claim.slots.count
    nouns = view.sa.mentions_in(view.unit, "concept")
    nouns = [m for m in nouns if m.id in view.claim.slots.count_of]
    counts = []
    for q in view.sa.quantities:
        if q.dimension != "count" or not view.unit.covers(q.first):
            continue
        # the counted noun is the quantity's last token ("two-person delegation"),
        # or comes just before it with "of" ("a team of three")
        tokens = view.sa.tokens
        if any(m.first <= q.last <= m.last or (m.last == q.first - 2 and tokens[q.first - 1].norm == "of") for m in nouns):
            counts.append(q)
    return compare_quantities(want, counts[:1])
