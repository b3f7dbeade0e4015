"""Flags a wrong place: "meet Zelensky in Paris" where the reference says Germany.

Only places used as locations count ("in Paris", "to Kyiv", "visit Moscow"), not places
that name a side ("Russia's Kursk region", "Washington said"). A place inside the
reference's place agrees (Munich is in Germany), and so does a wider one (Europe).
"""
from __future__ import annotations

from .base import AGREE, CONFLICT, NoParams, Outcome, View

SLOT = "place"


class Params(NoParams):
    prepositions: list[str] = ["in", "to", "at", "into", "toward", "towards", "inside", "near", "visit", "visiting", "visited", "from"]


def _locatives(view: View, params: Params):
    preps = set(params.prepositions)
    out = []
    for m in view.sa.mentions_in(view.unit):
        place = None
        if m.type == "place":
            place = m.id
        elif m.type == "org" and view.lex.organisations[m.id].location:
            place = view.lex.organisations[m.id].location
        if place is None:
            continue
        before = [view.word_before(m.first, d) for d in (1, 2)]
        if before[0] in preps or (before[0] == "the" and before[1] in preps):
            out.append((place, m))
    return out


def compare(view: View, params: Params) -> Outcome | None:
    want = view.claim.slots.place
    found = _locatives(view, params)
    if not found:
        return None
    ref_name = view.lex.places[want].aliases[0]
    for place, m in found:
        if place != want and view.lex.contains(want, place):
            return Outcome(AGREE, ref_name, view.text(m.first, m.last), relation="within")
        if view.lex.contains(place, want):
            return Outcome(AGREE, ref_name, view.text(m.first, m.last), relation="contains" if place != want else "")
    place, m = found[0]
    return Outcome(CONFLICT, ref_name, view.text(m.first, m.last))
