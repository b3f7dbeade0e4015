"""Flags a wrong year or month: "the war began in 2014", "pre-2022 borders" against February 2022
and pre-2014. The date compared is the one nearest the claim's predicate in the clause, so
"Fogel, held since 2021" is not read as the start of the war."""
from __future__ import annotations

from .base import AGREE, CONFLICT, NoParams, Outcome, View

SLOT = "date"
_MONTHS = "January February March April May June July August September October November December".split()


class Params(NoParams):
    window: int = 10


def describe(year, month) -> str:
    return " ".join(x for x in (_MONTHS[month - 1] if month else "", str(year) if year else "") if x)


def compare(view: View, params: Params) -> Outcome | None:
    want = view.claim.slots.date
    at = view.anchor_position()
    dates = [d for d in view.sa.dates if view.unit.covers(d.first) and (d.year or d.month)]
    dates = [d for d in dates if abs(d.first - at) <= params.window]
    if not dates:
        return None
    d = min(dates, key=lambda d: abs(d.first - at))
    wrong = (want.year and d.year and d.year != want.year) or (want.month and d.month and d.month != want.month)
    return Outcome(CONFLICT if wrong else AGREE, describe(want.year, want.month), d.text)
