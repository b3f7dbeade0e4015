"""One text checked against several sources, as one report: the verdict policy across sources.

Each source's report judges the text's sentences against its own claims. Combined:

* a sentence no source judges stays a new claim; one that some source judges is not new;
* claims of different sources that a sentence speaks about the same way (the same value, or
  no value to tell them apart) are one finding: the first source's claim, the others in `also`;
* when one source agrees and another contradicts on the same thing, the finding is a
  `conflict` listing each side (source, published time, verdict, claim, rules), newest first,
  instead of a silent pick;
* a source's several findings on one sentence (it agrees on one claim, contradicts another)
  stay separate;
* on a sentence the first source judges, another source's contradiction counts only if its claim
  is about as close to the sentence (RIVAL of the first source's best score): a text about the
  Fed's cut is not contradicted by the Bank of Canada's figures because both speak of rates.

The first report is the one against the source the text is about most; its findings come
first and its omitted claims are the report's.
"""
from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from .models import ConflictSide, Finding, Report

JUDGED = ("agreement", "contradiction")
RIVAL = 0.8         # another source's claim must be this close to the sentence, against the first source's best


@dataclass
class _Group:
    base: Finding
    members: list[Finding] = field(default_factory=list)      # the base first

    @property
    def sources(self) -> set[str]:
        return {m.claim.source for m in self.members}


def combine(reports: list[Report], published: dict[str, str | None], suppressed=None) -> Report:
    """The reports of one text against several sources (the main one first) as one report;
    `suppressed`, the findings silenced in all the reports considered (kept or not)."""
    primary = reports[0]
    if len(reports) == 1 and suppressed is None:
        return primary
    by_span: dict[tuple[int, int], list[Finding]] = {}
    order: list[tuple[int, int]] = []
    first_best: dict[tuple[int, int], float] = {}
    for f in primary.findings:
        if f.kind in JUDGED and f.claim is not None:
            key = (f.span.start, f.span.end)
            first_best[key] = max(first_best.get(key, 0.0), f.score)
    for n, report in enumerate(reports):
        for f in report.findings:
            key = (f.span.start, f.span.end)
            if n and f.kind == "contradiction" and key in first_best and f.score < RIVAL * first_best[key]:
                continue
            if key not in by_span:
                by_span[key] = []
                order.append(key)
            by_span[key].append(f)
    findings: list[Finding] = []
    for key in sorted(order):
        here = by_span[key]
        judged = [f for f in here if f.kind in JUDGED and f.claim is not None]
        if not judged:
            findings += [f for f in here if f.kind == "new_claim"][:1]
            continue
        findings += [_finding(g, published) for g in _grouped(judged)]
    every = suppressed if suppressed is not None else [s for r in reports for s in r.suppressed]
    suppressed = list({(s.kind, s.claim, s.span.start, s.span.end): s for s in every}.values())
    kinds = [f.kind for f in findings]
    summary = primary.summary.model_copy(update=dict(
        agreements=kinds.count("agreement"), contradictions=kinds.count("contradiction"),
        new_claims=kinds.count("new_claim"), conflicts=kinds.count("conflict"), suppressed=len(suppressed)))
    return primary.model_copy(update=dict(findings=findings, suppressed=suppressed, summary=summary))


def _grouped(judged: list[Finding]) -> list[_Group]:
    """Each finding joins the first group of other sources it says the same thing as, one of
    its own verdict before one of the other: a source's agreement that compared no value is
    the same thing as the first source's agreement, not a conflict with its contradiction."""
    groups: list[_Group] = []
    for f in judged:
        open_ = [g for g in groups if f.claim.source not in g.sources and _same_thing(g.base, f)]
        home = next((g for g in open_ if g.base.kind == f.kind), open_[0] if open_ else None)
        if home is None:
            groups.append(_Group(f, [f]))
        else:
            home.members.append(f)
    return groups


def _finding(g: _Group, published: dict[str, str | None]) -> Finding:
    kinds = {m.kind for m in g.members}
    if len(kinds) == 1:
        return g.base.model_copy(update={"also": [m.claim for m in g.members[1:]]})
    sides = [ConflictSide(source=m.claim.source, published=published.get(m.claim.source), verdict=m.kind, claim=m.claim,
                          rules=m.rules) for m in g.members]
    sides.sort(key=lambda s: _instant(s.published), reverse=True)
    why = next(m for m in g.members if m.kind == "contradiction")
    return g.base.model_copy(update={"kind": "conflict", "claim": why.claim, "rules": why.rules,
                                     "score": max(m.score for m in g.members), "sides": sides})


def _instant(published: str | None) -> datetime.datetime:
    """A published time as an instant to sort by: a date alone is its midnight UTC; none, the earliest."""
    if not published:
        return datetime.datetime.min.replace(tzinfo=datetime.timezone.utc)
    try:
        when = datetime.datetime.fromisoformat(published.replace("Z", "+00:00"))
    except ValueError:
        return datetime.datetime.min.replace(tzinfo=datetime.timezone.utc)
    return when if when.tzinfo else when.replace(tzinfo=datetime.timezone.utc)


def _values(f: Finding) -> list[tuple[int, int]]:
    return [(h.found.start, h.found.end) for h in f.rules if h.found is not None and h.category != "match"]


def _given(f: Finding) -> set[str]:
    """The values the source gives, as it writes them (folded)."""
    return {" ".join(h.reference.text.lower().split()) for h in f.rules if h.reference is not None and h.category != "match"}


def _same_thing(a: Finding, b: Finding) -> bool:
    """Whether two findings on one sentence speak about the same thing the same way: they
    compared a value written in the same place (or either compared no written value: nothing
    tells them apart), and, when both contradict it, their sources give the same value (a
    draft's 20 against one source's 12 and another's 15 is two contradictions, not one)."""
    va, vb = _values(a), _values(b)
    if va and vb and not any(s < e2 and s2 < e for s, e in va for s2, e2 in vb):
        return False
    if a.kind == b.kind == "contradiction":
        ga, gb = _given(a), _given(b)
        return not ga or not gb or ga == gb
    return True
