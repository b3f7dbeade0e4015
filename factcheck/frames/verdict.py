"""All verdict policy of the frame checker, in one place.

A draft clause is about a claim when the keys they share (content words, people, places,
weighted by how rare they are in the reference) cover enough of the clause. Among the claims
it is about, a compared slot that conflicts makes a contradiction, a compared slot that
matches makes an agreement, and a clause that compares nothing makes no verdict on that claim:
a sentence that no claim judges is a new claim when it states something checkable. A clause
dated only years away from the reference's news is another event: its figures contradict no
claim about the news.
"""
from __future__ import annotations

from dataclasses import dataclass

from .kinds import AGREE, CONFLICT, OTHER, SAME, Outcome
from .model import Frame
from .rules import FrameRule

ABOUT = 0.25            # similarity a claim must reach to be compared with the clause
CONTRADICT = 0.25       # ... and to be contradicted
CANDIDATES = 3          # claims compared per clause, best covered first
MIN_CHECKABLE_WORDS = 4
NAMED_ONLY = 0.3        # below this similarity, a claim that agrees only on who takes part is not the clause's fact
WEAK = frozenset({"participant", "quotation", "polarity", "statement"})    # kinds whose agreement names no value
VALUES = frozenset({"numeric", "quantity", "date", "location", "person"})   # conflicts that outweigh a no-value agreement
DRAFT_SHARE = 0.5       # how much the draft clause's coverage counts against the claim's


def similarity(shared: float, draft_total: float, claim_total: float) -> float:
    """How much two clauses share: the weighted coverage of each by the other, combined."""
    d = shared / draft_total if draft_total else 0.0
    c = shared / claim_total if claim_total else 0.0
    return min(1.0, d) ** DRAFT_SHARE * min(1.0, c) ** (1 - DRAFT_SHARE)


@dataclass
class Verdict:
    kind: str                                   # agreement | contradiction
    claim: int                                  # index of the claim
    hits: list[tuple[FrameRule, Outcome]]
    score: float


OTHER_EVENT_YEARS = 3   # a clause dated only this many years or more from the reference's year is about another event


def another_time(draft: Frame, claim: Frame, reference_year: int | None) -> bool:
    """The clause is dated only in years far from the reference's news, and the claim is about the
    news: "In 2008 Cyclone Nargis killed about 138,000 people" is not this quake's toll (but "formed
    in 1965" is compared with "founded in 1956")."""
    def far(years):
        return bool(years) and all(abs(y - reference_year) > OTHER_EVENT_YEARS for y in years)
    if reference_year is None or not far({d.year for d in draft.dates if d.year}):
        return False
    return not any(far({d.year}) for d in claim.dates if d.year)


def decide(similarities: list[tuple[float, int]], outcomes_of, known_values: frozenset[str] = frozenset(),
           elsewhere=lambda claim: False, figures: bool = True) -> Verdict | None:
    """The verdict on one clause: the most similar claim that compares anything decides.

    `similarities` are (similarity, claim) best first. A claim that shares words but compares
    no slot says nothing either way; the next one is tried. `figures` says whether the clause gives
    any amount another claim could answer.
    """
    naming: Verdict | None = None         # an agreement on nothing but how someone is named
    for sim, claim in similarities[:CANDIDATES]:
        if sim < ABOUT:
            break
        outcomes = outcomes_of(claim)
        if any(o.status == OTHER for _, o in outcomes) and not any(o.status == AGREE and r.rule.kind in FIGURES for r, o in outcomes):
            continue                  # its figure measures something else ("retail sales fell 0.3%" is no inflation rate)
        outcomes = [(r, o) for r, o in outcomes if o.status != OTHER]
        # a value of the claim found in the clause shows which value the clause gives for it; another
        # value of the same kind there that the reference gives for another fact is about that fact
        # ("cut to 4.75%, down from 5.25%")
        agreeing = {r.id for r, o in outcomes if o.status == AGREE}
        outcomes = [(r, o) for r, o in outcomes
                    if not (o.status == CONFLICT and r.id in agreeing and o.key and o.key in known_values)]
        conflicts = [(r, o) for r, o in outcomes if o.status == CONFLICT]
        agrees = [(r, o) for r, o in outcomes if o.status == AGREE]
        if conflicts and elsewhere(claim):
            return naming             # another event's figures, not this one's wrong
        if conflicts and _figures_of_another_claim(conflicts, similarities, claim, outcomes_of):
            continue                  # "the tunnel is 9.4 km long" is the tunnel's length, not the shaft's 1.3 km
        if conflicts:
            if sim >= CONTRADICT and len({r.category for r, _ in conflicts}) <= 2 and len(conflicts) <= len(agrees) + 2:
                return Verdict("contradiction", claim, conflicts, round(min(1.0, sim), 3))
            return naming
        if agrees:
            if sim < NAMED_ONLY and all(r.rule.kind == "participant" for r, _ in agrees):
                continue              # a name and a word in common, and little else: another fact about them
            if any(r.rule.kind == "title" for r, _ in agrees) and all(r.rule.kind in WEAK | {"title"} for r, _ in agrees):
                # a right title only names someone ("outgoing President López Obrador"): what the
                # clause says of them may be another claim's ("did not congratulate Sheinbaum")
                naming = naming or Verdict("agreement", claim, agrees, round(min(1.0, sim), 3))
                continue
            if all(r.rule.kind in WEAK for r, _ in agrees):
                # only a shared name or verb agrees here; a value the clause gives may still find its
                # own claim further down ("manager since 2018" against "in charge since 2016")
                later = _conflict_further_down(similarities, claim, outcomes_of, elsewhere, _value_conflicts(known_values)) \
                    or _value_agreement_further_down(similarities, claim, sim, outcomes_of)
                if later:
                    return later
            if figures:
                answered = {o.key for r, o in outcomes if r.rule.kind in FIGURES and o.key}
                later = _conflict_further_down(similarities, claim, outcomes_of, elsewhere, _unanswered(answered, known_values),
                                               floor=CLOSE_ENOUGH * sim)
                if later:
                    return later
            return Verdict("agreement", claim, agrees, round(min(1.0, sim), 3))
    return naming


FIGURES = frozenset({"amount"})   # the kinds whose slot a claim can leave unanswered and another answer


def _figures_of_another_claim(conflicts, similarities, decided: int, outcomes_of) -> bool:
    """Every conflict is a figure that another claim the clause is about gives as the same value: the
    clause states that claim's figure, not a wrong one of this claim."""
    keys = {o.key for r, o in conflicts if r.rule.kind in FIGURES and o.key}
    if not keys or len(keys) < len(conflicts):
        return False
    agreed = {o.key for sim, claim in similarities[:CANDIDATES] if claim != decided and sim >= ABOUT
              for r, o in outcomes_of(claim) if o.status == AGREE and r.rule.kind in FIGURES and o.relation == SAME}
    return keys <= agreed


def _conflict_further_down(similarities, decided: int, outcomes_of, elsewhere, conflicts_of, floor: float = 0.0) -> Verdict | None:
    """A contradiction from another claim the clause is about (at least `floor` similar), where
    `conflicts_of` finds one in its outcomes."""
    for sim, claim in similarities[:CANDIDATES]:
        if claim == decided or sim < max(CONTRADICT, floor) or elsewhere(claim):
            continue
        conflicts = conflicts_of(outcomes_of(claim))
        if conflicts is None:
            return None
        if conflicts:
            return Verdict("contradiction", claim, conflicts, round(min(1.0, sim), 3))
    return None


def _value_agreement_further_down(similarities, decided: int, best: float, outcomes_of) -> Verdict | None:
    """A claim nearly as close whose value the clause gives ("until 2045" of "not until 12 August
    2045"), where the closer one shares only words: the value says which claim the clause states."""
    for sim, claim in similarities[:CANDIDATES]:
        if claim == decided or sim < max(ABOUT, CLOSE_ENOUGH * best):
            continue
        outcomes = outcomes_of(claim)
        if any(o.status in (CONFLICT, OTHER) for _, o in outcomes):
            continue
        agrees = [(r, o) for r, o in outcomes if o.status == AGREE]
        if any(r.rule.kind not in WEAK and r.category in VALUES for r, _ in agrees):
            return Verdict("agreement", claim, agrees, round(min(1.0, sim), 3))
    return None


CLOSE_ENOUGH = 0.8      # ... of the closer claim's similarity


def _value_conflicts(known_values):
    """A value conflict of a claim that agrees on no value itself (None: stop looking, it is this clause's claim)."""
    def find(outcomes):
        if any(o.status == AGREE and r.rule.kind not in WEAK for r, o in outcomes):
            return None
        return [(r, o) for r, o in outcomes if o.status == CONFLICT and r.category in VALUES and not (o.key and o.key in known_values)]
    return find


def _unanswered(answered: set[str], known_values):
    """A figure of the clause the agreeing claim does not compare, which another claim about the clause
    gives otherwise: "took off at 5:07 p.m. at 26,000 feet" agrees with the departure and contradicts
    the altitude; "of the 41 workers underground, 24 walked out" agrees with the 41 and contradicts
    the 34 who walked out."""
    def find(outcomes):
        return [(r, o) for r, o in outcomes if o.status == CONFLICT and r.rule.kind in FIGURES and o.key
                and o.key not in answered and not (o.key and o.key in known_values)]
    return find


def comparable(frame: Frame) -> bool:
    """A clause says something to compare unless it is a fragment: no verb, no value and only a few
    words ("Trump," before "who has denied wrongdoing"; "The vote was 11-1." gives a value)."""
    return bool(frame.predicate or frame.values()) or frame.words >= MIN_CHECKABLE_WORDS


def checkable(frame: Frame) -> bool:
    """A clause states something checkable unless it is commentary, a question or a fragment."""
    return not frame.opinion and not frame.question and frame.words >= MIN_CHECKABLE_WORDS


def attribute_verdict(claim: int, outcomes: list[tuple[FrameRule, Outcome]]) -> Verdict | None:
    """A wrong attribute of someone, an office or where a company is based, is a contradiction of the
    claim that gives the right one, even in a clause about something else; a right one alone does not
    make the sentence agree (it only names them)."""
    conflicts = [(r, o) for r, o in outcomes if o.status == CONFLICT]
    return Verdict("contradiction", claim, conflicts, 0.5) if conflicts else None
