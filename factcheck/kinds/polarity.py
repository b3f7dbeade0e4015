"""Flags a negated fact or a denied negation: "have not agreed to begin negotiations" against
"agreed to start negotiations", "did not rule out US forces" against "ruled out".

When the sentence has no word for the claim's predicate, the claim's first anchor stands
in for it. Negators ("not", "no", "few") and negative predicates ("ruled out", "refused") before the
claim's predicate in the same clause are counted: an odd count is negative, an even one
positive, so a double negation cancels.
"""
from __future__ import annotations

from .base import AGREE, CONFLICT, NoParams, Outcome, View

SLOT = "polarity"


class Params(NoParams):
    before: int = 8
    after: int = 3


def compare(view: View, params: Params) -> Outcome | None:
    slot = view.claim.slots.polarity
    # without a word for the predicate itself, the claim's anchor carries the polarity:
    # "ruled out any territorial exchange" negates the exchange
    locus = view.locus(slot.locus) or view.anchor_mention()
    if locus is None:
        return None
    negs = view.negations_around(locus, params.before, params.after)
    found = "negative" if len(negs) % 2 else "positive"
    words = {"positive": "affirmed", "negative": "negated"}
    shown = view.text(min([locus.first] + [n.first for n in negs]), max([locus.last] + [n.last for n in negs]))
    status = AGREE if found == slot.value else CONFLICT
    return Outcome(status, words[slot.value], f"{words[found]} (\u201c{shown}\u201d)", identifies=False, found_text=shown)
