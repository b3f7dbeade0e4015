"""Contradictions between sources: where one reference says what another contradicts.

Each source's article is checked against each other source's claims by the same frame
analysis and rules that check drafts. A contradiction there is a conflict between the two:
the claim of the source checked against, the claim of the other whose evidence the
contradicting sentence holds, the rule (its category is the slot) and the value each gives.
Sources are paired through the store's index (those that share rare words), so a store of
thousands is not compared pair by pair.
"""
from __future__ import annotations

from ..engine import Checker
from ..frames.extract import FrameReference, claim_ref
from ..models import SourceConflict

PARTNERS = 8          # of a large store, each source is compared with the sources ranked closest to it


def find_conflicts(checker: Checker, source_ids: list[str] | None = None) -> list[SourceConflict]:
    """Every contradiction between two of the sources (all by default), each pair once."""
    ids = sorted(source_ids if source_ids is not None else checker.source_ids)
    refs = {sid: _frames_of(checker, sid) for sid in ids}
    published = checker.published()
    seen: set = set()
    out: list[SourceConflict] = []
    for a in ids:
        for b in _partners(checker, a, ids, refs):
            for conflict in _contradictions(checker, refs[a], refs[b], published):
                # one contradiction, found from either side (by different clauses of one sentence)
                key = (conflict.slot, frozenset((c.source, c.evidence.start, c.evidence.end) for c in conflict.claims))
                if key not in seen:
                    seen.add(key)
                    out.append(_as_listed(checker, conflict))
    return sorted(out, key=lambda c: (c.sources, c.claims[0].id, c.claims[1].id))


def _as_listed(checker: Checker, conflict: SourceConflict) -> SourceConflict:
    """A hand-claimed source's side named by its own claim (the one whose evidence overlaps the
    extracted one's most), as `factcheck claims` and /v1/claims list it."""
    claims = []
    for c in conflict.claims:
        best, overlap = None, 0
        for ref in checker.hand_claim_refs.values() if c.source in checker.reference.sources else ():
            if ref.source != c.source:
                continue
            shared = min(c.evidence.end, ref.evidence.end) - max(c.evidence.start, ref.evidence.start)
            if shared > overlap:
                best, overlap = ref, shared
        claims.append(best or c)
    return conflict.model_copy(update={"claims": claims})


def _frames_of(checker: Checker, sid: str) -> FrameReference:
    """A source's claims as the frame analysis reads them: hand-claimed sources are read too."""
    if sid in checker.store:
        return checker.store.get(sid)
    return checker.extract(checker.reference.sources[sid].article, sid)


def _partners(checker: Checker, sid: str, ids: list[str], refs: dict[str, FrameReference]) -> list[str]:
    others = [o for o in ids if o != sid]
    if len(others) <= PARTNERS or not len(checker.store):
        return others
    chosen = set(others)
    ranked = [o for _, o in checker.store.ranked(refs[sid].article, limit=PARTNERS + 1) if o in chosen]
    return ranked[:PARTNERS]


def _contradictions(checker: Checker, a: FrameReference, b: FrameReference, published) -> list[SourceConflict]:
    """What b's article says that contradicts a's claims."""
    report = checker.frames.check(b.article, a)
    out = []
    for f in report.findings:
        if f.kind != "contradiction" or f.claim is None:
            continue
        theirs = _claim_at(b, f.span.start, f.span.end)
        if theirs is None:
            continue
        hit = next((r for r in f.rules if r.found is not None or r.reference is not None), f.rules[0])
        out.append(SourceConflict(
            sources=[a.id, b.id], published=[published.get(a.id), published.get(b.id)], rule=hit.id, slot=hit.category,
            message=hit.message, claims=[f.claim, claim_ref(theirs, b.id)],
            values=[hit.reference.text if hit.reference else None, hit.found.text if hit.found else None]))
    return out


def _claim_at(ref: FrameReference, start: int, end: int):
    """The claim of `ref` whose evidence overlaps [start, end) most."""
    best, overlap = None, 0
    for c in ref.claims:
        shared = min(end, c.end) - max(start, c.start)
        if shared > overlap:
            best, overlap = c, shared
    return best
