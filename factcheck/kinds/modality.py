"""Flags a change of certainty: "Ukraine must give up territory" against "may need to",
"troops will be deployed" against "potentially involving troops", "may meet" against
"is scheduled to meet".

The modality cue nearest the claim's predicate in its clause decides (rules/lexicon/
modality.json); a negative predicate ("ruled out European troops") is the level "ruled out".
A statement with no cue is not judged. Tense is not modality: "will travel" agrees with
"travelled".
"""
from __future__ import annotations

from ..people import Mention
from .base import AGREE, CONFLICT, NoParams, Outcome, View

SLOT = "modality"
_CLASH = {"possible": {"certain", "ruled_out"}, "certain": {"possible", "ruled_out"}, "scheduled": {"possible", "ruled_out"}}


class Params(NoParams):
    window: int = 8


def compare(view: View, params: Params) -> Outcome | None:
    slot = view.claim.slots.modality
    locus = view.locus(slot.locus)
    if locus is None:
        return None
    cues = view.sa.mentions_in(view.unit, "modality")
    cues += [Mention("modality", "ruled_out", n.first, n.last) for n in view.sa.negations(view.unit) if n.id == "predicate"]
    cues = [m for m in cues if abs(m.first - locus.first) <= params.window or abs(m.last - locus.last) <= params.window]
    if not cues:
        return None

    def distance(m):
        return (min(abs(m.last - locus.first), abs(m.first - locus.last)), m.first > locus.first)

    best = min(distance(m) for m in cues)
    nearest = [m for m in cues if distance(m) == best]
    levels = {m.id for m in nearest}
    shown = view.text(nearest[0].first, nearest[0].last)
    clash = bool(levels & _CLASH[slot.value]) and slot.value not in levels
    return Outcome(CONFLICT if clash else AGREE, slot.value, f"{'/'.join(sorted(levels))} (\u201c{shown}\u201d)", identifies=False, found_text=shown)
