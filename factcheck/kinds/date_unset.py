"""Flags a date, or a schedule, for something the reference says has no date yet:
"the visit is set for March" against "no date has been set".

Without a word for scheduling, a month or a relative time ("next month") right after the
event's own noun or verb ("visit Moscow next month", "the visit will take place in March")
also sets a date; a date before it ("On Feb. 12, Putin invited Trump") is when something
else happened.
"""
from __future__ import annotations

from .base import AGREE, CONFLICT, NoParams, Outcome, View

SLOT = "date_unset"


class Params(NoParams):
    concepts: list[str] = ["date_set"]
    window: int = 10


def compare(view: View, params: Params) -> Outcome | None:
    locus = view.locus(params.concepts)
    if locus is None:
        return _date_after_event(view, params)
    negated = len(view.negations_around(locus, before=6, after=3)) % 2 == 1
    if negated:
        return Outcome(AGREE, "no date set", view.text(locus.first, locus.last), identifies=False)
    dates = [d for d in view.sa.dates if view.unit.covers(d.first) and d.first > locus.first]
    found = dates[0].text if dates else view.text(locus.first, locus.last)
    return Outcome(CONFLICT, "no date set", found, identifies=False)


def _date_after_event(view: View, params: Params) -> Outcome | None:
    event = view.events.get(view.claim.event) if view.claim.event else None
    if event is None:
        return None
    for m in view.sa.concept_mentions(view.unit, event.kind):
        for d in view.sa.dates:
            if view.unit.covers(d.first) and 0 < d.first - m.last <= params.window and not d.day and (d.month or d.relative):
                return Outcome(CONFLICT, "no date set", d.text, identifies=False)
    return None
