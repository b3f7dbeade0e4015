"""Flags a count that cannot be the reference's: "a two-person delegation" when four were named.

Only counts attached to the counted thing ("two-person delegation", "a team of three")
are compared; "includes Rubio and Ratcliffe" names members without counting them.
"""
from __future__ import annotations

import math

from .base import AGREE, CONFLICT, NoParams, Outcome, View

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
    if not counts:
        return None
    lo = want.min if want.min is not None else want.value
    hi = want.max if want.max is not None else (want.value if want.value is not None else math.inf)
    q = counts[0]
    status = AGREE if q.lo <= hi and q.hi >= lo else CONFLICT
    return Outcome(status, want.text, q.text)
