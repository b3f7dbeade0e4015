"""Flags a sum of money that cannot be the reference's: "about $30 billion" against "more than
$300 billion". Amounts are intervals, so "more than $300 billion" agrees with "$320 billion"
and with "over $250 billion"."""
from __future__ import annotations

import math

from pydantic import Field

from .base import AGREE, CONFLICT, NoParams, Outcome, View

SLOT = "amount"


class Params(NoParams):
    tolerance: float = Field(0.1, ge=0, le=1, description="relative tolerance around an exact reference value")


def compare(view: View, params: Params) -> Outcome | None:
    want = view.claim.slots.amount
    found = [q for q in view.sa.quantities if q.dimension == "money" and view.unit.covers(q.first)]
    if not found:
        return None
    lo = want.min if want.min is not None else want.value * (1 - params.tolerance)
    hi = want.max if want.max is not None else (want.value * (1 + params.tolerance) if want.value is not None else math.inf)
    for q in found:
        if q.lo <= hi and q.hi >= lo:
            return Outcome(AGREE, want.text, q.text)
    return Outcome(CONFLICT, want.text, found[0].text)
