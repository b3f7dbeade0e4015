"""Flags the wrong person in a role, or swapped roles of who did what to whom:
"Rubio will fly to Ukraine for the minerals talks" (it is Bessent's trip), "Vance will meet
Putin" (he meets Zelensky), "Trump invited Putin to Moscow" (the other way round).

Subject position is before the claim's predicate (or after "by"), object position after it.
Only people written in the sentence can make a conflict; a pronoun can agree but never
accuse, since it may have been resolved to the wrong person. People quoted ("Trump said")
take no role.
"""
from __future__ import annotations

from .base import AGREE, CONFLICT, NoParams, Outcome, View, person_name

SLOT = "roles"


class Params(NoParams):
    pass


def compare(view: View, params: Params) -> Outcome | None:
    roles = view.claim.slots.roles
    at = view.anchor_position()
    everyone = view.people()
    written = view.people(written_only=True)
    present = {p.person for p in everyone}
    expected = set(roles.agent) | set(roles.counterpart) | set(roles.patient)
    ref = " and ".join(person_name(view.lex, p) for p in roles.agent + roles.counterpart + roles.patient)

    def subject(p) -> bool:
        return p.first < at or view.word_before(p.first) == "by"

    strangers = [p for p in written if p.person not in expected]
    if roles.symmetric:
        wanted = set(roles.agent) | set(roles.counterpart)
        missing = wanted - present
        sides = {subject(p) for p in everyone if p.person in wanted and p.how in ("name", "office")}
        if sides:
            # "Vance and Rubio will lead the talks": someone on the same side as a participant who
            # is there is a companion, not the missing counterpart ("Vance will meet Putin" is)
            strangers = [p for p in strangers if subject(p) not in sides or view.word_before(p.first) == "with"]
        if missing and strangers:
            return Outcome(CONFLICT, ref, _names(view, strangers))
        return Outcome(AGREE, ref, _names(view, [p for p in everyone if p.person in wanted])) if present & wanted else None

    agents_at = [p for p in everyone if p.person in roles.agent]
    patients_at = [p for p in everyone if p.person in roles.patient + roles.counterpart]
    # swapped: the agent only in object position and the patient only in subject position
    if (agents_at and patients_at and all(not subject(p) for p in agents_at) and all(subject(p) for p in patients_at)
            and any(p.how in ("name", "office") for p in agents_at + patients_at)):
        return Outcome(CONFLICT, ref, "the roles reversed")
    wrong_subject = [p for p in strangers if subject(p)]
    wrong_object = [p for p in strangers if not subject(p)]
    if roles.agent and not agents_at and wrong_subject:
        return Outcome(CONFLICT, ref, _names(view, wrong_subject))
    if (roles.patient or roles.counterpart) and not patients_at and wrong_object and agents_at:
        return Outcome(CONFLICT, ref, _names(view, wrong_object))
    if agents_at or patients_at:
        return Outcome(AGREE, ref, _names(view, agents_at + patients_at))
    return None


def _names(view: View, people) -> str:
    return " and ".join(dict.fromkeys(person_name(view.lex, p.person) for p in people))
