"""Flags a sum of money that cannot be the reference's: "about $30 billion" against "more than
$300 billion". Amounts are intervals, so "more than $300 billion" agrees with "$320 billion"
and with "over $250 billion"."""
from __future__ import annotations

from pydantic import Field

from .base import NoParams, Outcome, View, compare_quantities

SLOT = "amount"


class Params(NoParams):
    tolerance: float = Field(0.1, ge=0, le=1, description="relative tolerance around an exact reference value")


def compare(view: View, params: Params) -> Outcome | None:
    found = [q for q in view.sa.quantities if q.dimension == "money" and view.unit.covers(q.first)]
    return compare_quantities(view.claim.slots.amount, found, params.tolerance)
