"""Flags the opposite judgement: "a realistic goal" against "unrealistic", "expressed doubt"
against "expressed confidence".

Judgements are scales with two poles (rules/lexicon/scales.json). A negated pole counts as
the other pole ("not realistic" = unrealistic), and a negative predicate with no scale
word ("ruled out a return") counts as the negative pole.
"""
from __future__ import annotations

from .base import AGREE, CONFLICT, NoParams, Outcome, View

SLOT = "assessment"


class Params(NoParams):
    negation_window: int = 4


def compare(view: View, params: Params) -> Outcome | None:
    slot = view.claim.slots.assessment
    poles = [m for m in view.sa.mentions_in(view.unit) if m.type in slot.locus]
    if poles:
        m = poles[0]
        negs = view.negations_around(m, before=params.negation_window, after=0)
        pole = m.id if len(negs) % 2 == 0 else {"positive": "negative", "negative": "positive"}[m.id]
        shown = view.text(min([m.first] + [n.first for n in negs]), m.last)
    else:
        predicates = [n for n in view.sa.negations(view.unit) if n.id == "predicate"]
        if not predicates or slot.value != "negative":
            return None
        pole, shown = "negative", view.text(predicates[0].first, predicates[0].last)
    scale = view.lex.scales[slot.locus[0]]
    reference = (scale.positive if slot.value == "positive" else scale.negative)[0]
    status = AGREE if pole == slot.value else CONFLICT
    return Outcome(status, reference, shown, identifies=False)
