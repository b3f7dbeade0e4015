"""Flags a wrong year, month, day or weekday: "the war began in 2014", "pre-2022 borders"
against February 2022 and pre-2014, "until 10 April" against 10 March, "on Monday" against
Tuesday. Only what both sides state is compared. The date compared is the one nearest the
claim's predicate in the clause, so "Fogel, held since 2021" is not read as the start of the
war."""
from __future__ import annotations

from .base import AGREE, CONFLICT, NoParams, Outcome, View

SLOT = "date"
_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]


class Params(NoParams):
    window: int = 10


def describe(want) -> str:
    parts = [want.weekday.capitalize() if want.weekday else "", str(want.day) if want.day else "",
             _MONTHS[want.month - 1] if want.month else "", str(want.year) if want.year else ""]
    return " ".join(p for p in parts if p)


def _differs(a, b) -> bool:
    return a is not None and b is not None and a != b


def compare(view: View, params: Params) -> Outcome | None:
    want = view.claim.slots.date
    at = view.anchor_position()
    dates = [d for d in view.sa.dates if view.unit.covers(d.first) and (d.year or d.month or (d.weekday and want.weekday))]
    dates = [d for d in dates if abs(d.first - at) <= params.window]
    if not dates:
        return None
    d = min(dates, key=lambda d: abs(d.first - at))
    wrong = (_differs(want.year, d.year) or _differs(want.month, d.month) or _differs(want.day, d.day)
             or _differs(want.weekday, d.weekday or None))
    return Outcome(CONFLICT if wrong else AGREE, describe(want), d.text)
