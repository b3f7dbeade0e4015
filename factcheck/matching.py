"""Find the claims a sentence speaks about and let the rules judge each one.

Candidates come from an inverted index of claim anchors (feature -> claims), so a sentence
is only compared with claims whose every anchor group it mentions. Each candidate is then
judged clause by clause: anchors must hold (in the clause or, for all but one, in the
sentence), a claim held as someone's view must not be put in another speaker's mouth, and
the rule kinds compare the claim's slots. One wrong slot makes a contradiction; two
wrong identifying slots mean the sentence is about another event.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from rapidfuzz import fuzz

from .analysis import SentenceAnalysis, Unit
from .kinds.base import AGREE, CONFLICT, Outcome, View
from .lexicon import Lexicon
from .models import Claim, Event
from .ruleset import LoadedRule

MIN_IDENTITY = 2


@dataclass
class Judgement:
    source: str
    claim: Claim
    verdict: str                     # "agreement" | "contradiction"
    outcomes: list[tuple[LoadedRule, Outcome]]
    anchors: list[str]               # the anchor features found
    identity: int
    unit: Unit | None                # None once the report no longer needs it
    score: float
    in_unit: int = 0                 # anchor groups found in the clause itself

    @property
    def conflicts(self):
        return [(r, o) for r, o in self.outcomes if o.status == CONFLICT]


def _rank(j: Judgement) -> tuple:
    """Among clauses judging the same claim, a contradiction in one clause ("agreed to talks,
    though not immediately") outweighs agreement in another; then the clause holding most of
    the claim's anchors decides."""
    return (j.verdict == "contradiction", j.in_unit, j.identity, j.score)


def _holds(alternative: str, features: set[str]) -> bool:
    return all(part in features for part in alternative.split("+"))


class ClaimIndex:
    """Claims by the features of their anchors."""

    def __init__(self, claims: list[tuple[str, Claim]]):
        self.claims = claims
        self._by_feature: dict[str, list[tuple[int, int]]] = defaultdict(list)
        for i, (_, claim) in enumerate(claims):
            for g, group in enumerate(claim.anchors):
                for alternative in group:
                    self._by_feature[alternative.split("+")[0]].append((i, g))

    def candidates(self, features: set[str]) -> list[int]:
        groups: dict[int, set[int]] = defaultdict(set)
        for f in features:
            for i, g in self._by_feature.get(f, ()):
                groups[i].add(g)
        return sorted(i for i, gs in groups.items() if len(gs) == len(self.claims[i][1].anchors))


class Matcher:
    def __init__(self, claims: list[tuple[str, Claim]], rules: list[LoadedRule], lex: Lexicon, events: list[Event]):
        self.index = ClaimIndex(claims)
        self.lex = lex
        self.events = {e.id: e for e in events}
        self.rules_by_slot: dict[str, list[LoadedRule]] = defaultdict(list)
        for rule in rules:
            self.rules_by_slot[rule.slot].append(rule)

    def judge(self, sa: SentenceAnalysis) -> list[Judgement]:
        out = []
        for i in self.index.candidates(sa.features):
            source, claim = self.index.claims[i]
            best = None
            for unit in sa.units:
                j = self._judge_unit(source, claim, sa, unit)
                if j and (best is None or _rank(j) > _rank(best)):
                    best = j
            if best:
                out.append(best)
        return out

    def _judge_unit(self, source: str, claim: Claim, sa: SentenceAnalysis, unit: Unit) -> Judgement | None:
        found, in_unit, satisfied = [], 0, []
        for group in claim.anchors:
            here = [a for a in group if _holds(a, unit.features)]
            if here:
                in_unit += 1
                found.append(here[0])
                satisfied.append(here)
                continue
            # a conjunction ("US" + "troops") must hold within one clause, not across two
            elsewhere = [a for a in group if any(_holds(a, u.features) for u in sa.units)]
            if not elsewhere:
                return None
            found.append(elsewhere[0])
            satisfied.append(elsewhere)
        if in_unit == 0:
            return None
        view = View(sa, unit, self.lex, claim, self.events)
        if claim.speaker and not _speaker_fits(claim.speaker, sa, view):
            return None
        outcomes = []
        for slot, rules in self.rules_by_slot.items():
            if getattr(claim.slots, slot, None) in (None, False, {}):
                continue
            for rule in rules:
                outcome = rule.kind.compare(view, rule.params)
                if outcome is not None:
                    outcomes.append((rule, outcome))
        if any(not any(r.slot == slot for r, _ in outcomes) for slot in claim.requires):
            return None
        conflicts = [(r, o) for r, o in outcomes if o.status == CONFLICT]
        if conflicts and all(not o.identifies for _, o in conflicts) and claim.anchors and not any(
                _holds(a, unit.features) for a in claim.anchors[0]):
            # a negation or a "must" in a clause about something else says nothing of this claim
            # ("troops from Europe could be involved, but not American ones")
            return None
        score = self._score(claim, sa, unit, in_unit + len(outcomes))
        if claim.kind == "title":
            return Judgement(source, claim, "contradiction", conflicts, found, len(found), unit, score, in_unit) if conflicts else None
        identity = (len(found) - self._redundant(satisfied, unit)
                    + sum(1 for _, o in outcomes if o.identifies and o.status == AGREE)
                    + sum(1 for r, _ in outcomes if r.slot in claim.requires))
        if sum(1 for _, o in conflicts if o.identifies) >= 2 or identity < MIN_IDENTITY:
            return None
        verdict = "contradiction" if conflicts else "agreement"
        return Judgement(source, claim, verdict, outcomes, found, identity, unit, score, in_unit)

    def _redundant(self, satisfied: list[list[str]], unit: Unit) -> int:
        """Anchor groups that say nothing new: "after the talks" names a kind of event and refers
        back to one, which is one piece of evidence, not two."""
        count = 0
        for group in satisfied:
            backrefs = {a.split(":", 1)[1] for a in group if a.startswith("event:")} & unit.back_references
            if not backrefs or len(backrefs) != len(group):
                continue
            kinds = {k for e in backrefs for k in self.events[e].kind}
            if any(g is not group and all(a.startswith("concept:") and a.split(":", 1)[1] in kinds for a in g) for g in satisfied):
                count += 1
        return count

    def _score(self, claim: Claim, sa: SentenceAnalysis, unit: Unit, evidence: int) -> float:
        text = sa.span_text(unit.first, unit.last) if unit.last >= unit.first else sa.text
        similarity = fuzz.token_set_ratio(text.lower(), claim.statement.lower()) / 100
        return round(min(1.0, 0.6 * min(1.0, evidence / 4) + 0.4 * similarity), 3)


def _speaker_fits(speaker: str, sa: SentenceAnalysis, view: View) -> bool:
    """A view held by `speaker` cannot be matched to a sentence that gives it to someone else."""
    unit_people = [p for p in view.unit.people if p.how != "event"]
    speakers = {p.person for p in sa.people if p.speaker}
    if speakers and speaker not in speakers:
        return False                   # "Ushakov said the summit between Putin and Trump ..."
    if any(p.person == speaker for p in unit_people) or any(p.person == speaker for p in sa.people):
        return True
    at = view.anchor_position()
    return not any(p.first < at and p.how in ("name", "office") for p in unit_people)
