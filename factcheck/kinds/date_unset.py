"""Flags a date, or a schedule, for something the reference says has no date yet:
"the visit is set for March" against "no date has been set"."""
from __future__ import annotations

from .base import AGREE, CONFLICT, NoParams, Outcome, View

SLOT = "date_unset"


class Params(NoParams):
    concepts: list[str] = ["date_set"]


def compare(view: View, params: Params) -> Outcome | None:
    locus = view.locus(params.concepts)
    if locus is None:
        return None
    negated = len(view.negations_around(locus, before=6, after=3)) % 2 == 1
    if negated:
        return Outcome(AGREE, "no date set", view.text(locus.first, locus.last), identifies=False)
    dates = [d for d in view.sa.dates if view.unit.covers(d.first) and d.first > locus.first]
    found = dates[0].text if dates else view.text(locus.first, locus.last)
    return Outcome(CONFLICT, "no date set", found, identifies=False)
