"""Flags a wrong office next to a person's name: "Defense Secretary Marco Rubio" when Rubio is
Secretary of State. Generic titles ("envoy", "President") fit any office they are broader
than; a correct title alone never makes a sentence agree with anything."""
from __future__ import annotations

from .base import CONFLICT, NoParams, Outcome, View, office_name

SLOT = "title"


class Params(NoParams):
    pass


def compare(view: View, params: Params) -> Outcome | None:
    for person, office in view.claim.slots.title.items():
        for p in view.unit.people:
            if p.person == person and p.title and not view.lex.office_compatible(p.title, office):
                return Outcome(CONFLICT, office_name(view.lex, office), view.text(*p.title_span), identifies=False)
    return None
