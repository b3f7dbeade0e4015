"""What every rule kind shares: the view of one clause against one claim, and the outcome."""
from __future__ import annotations

import math
from dataclasses import dataclass

from pydantic import BaseModel, ConfigDict

from ..analysis import SentenceAnalysis, Unit
from ..lexicon import Lexicon
from ..models import Claim, Event
from ..people import Mention, PersonRef

AGREE, CONFLICT = "agree", "conflict"


class NoParams(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


@dataclass(frozen=True)
class Outcome:
    """A kind's judgement of one slot: the sentence agrees with it or conflicts with it.

    `identifies` is True for slot values (a person, a place, a number) that help show the
    sentence is about this claim's fact; a judgement (polarity, modality) does not.
    """

    status: str
    reference: str
    found: str
    identifies: bool = True
    found_text: str = ""      # the words to point at in the text, where `found` is not them ("negated (“not agreed”)")
    relation: str = ""        # an agreement of two places: "within" (Munich for Germany) or "contains" (Europe)


@dataclass
class View:
    """One clause of one sentence, seen against one claim."""

    sa: SentenceAnalysis
    unit: Unit
    lex: Lexicon
    claim: Claim
    events: dict[str, Event]

    def locus(self, concepts: list[str]) -> Mention | None:
        """The first mention, in the order the claim lists them, of a locus concept."""
        mentions = self.sa.mentions_in(self.unit, "concept")
        for concept in concepts:
            for m in mentions:
                if m.id == concept:
                    return m
        return None

    def anchor_mention(self) -> Mention | None:
        """The mention of the claim's first anchor concept found in this clause (its predicate)."""
        for group in self.claim.anchors:
            concepts = [f.split(":", 1)[1] for alt in group for f in alt.split("+") if f.startswith("concept:")]
            m = self.locus(concepts) if concepts else None
            if m is not None:
                return m
        return None

    def anchor_position(self) -> int:
        m = self.anchor_mention()
        return m.first if m is not None else self.unit.first

    def negations_around(self, locus: Mention, before: int = 8, after: int = 3) -> list[Mention]:
        lo, hi = max(self.unit.first, locus.first - before), min(self.unit.last, locus.last + after)
        return [n for n in self.sa.negations(self.unit) if lo <= n.first <= hi]

    def people(self, written_only: bool = False) -> list[PersonRef]:
        """People of the clause who take part in what it says (not the ones quoted)."""
        kinds = ("name", "office", "inherited") if written_only else ("name", "office", "inherited", "pronoun", "group", "event")
        return [p for p in self.unit.people if not p.speaker and p.how in kinds]

    def text(self, first: int, last: int) -> str:
        return self.sa.span_text(first, last)

    def word_before(self, index: int, distance: int = 1) -> str:
        i = index - distance
        return self.sa.tokens[i].norm if i >= self.unit.first else ""


def reference_interval(want, tolerance: float = 0.0) -> tuple[float, float]:
    """The range a claim's Interval allows: its min/max, or its value widened by `tolerance`."""
    lo = want.min if want.min is not None else want.value * (1 - tolerance)
    hi = want.max if want.max is not None else (want.value * (1 + tolerance) if want.value is not None else math.inf)
    return lo, hi


def compare_quantities(want, found, tolerance: float = 0.0) -> Outcome | None:
    """Agree if any quantity found can be the reference's (their intervals overlap)."""
    if not found:
        return None
    lo, hi = reference_interval(want, tolerance)
    for q in found:
        if q.lo <= hi and q.hi >= lo:
            return Outcome(AGREE, want.text, q.text)
    return Outcome(CONFLICT, want.text, found[0].text)


def person_name(lex: Lexicon, person: str) -> str:
    p = lex.people.get(person)
    return p.name if p else person


def office_name(lex: Lexicon, office: str) -> str:
    o = lex.offices.get(office)
    return o.aliases[0] if o else office
