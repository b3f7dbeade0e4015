"""Assertion helpers for test suites that pin known contradictions (and agreements).

    from factcheck.testing import assert_contradicts

    def test_desk_catches_the_call_length(factchecker):
        assert_contradicts("Trump held a 60-minute call with Zelensky.", claim="zelensky-call.duration")

Each helper checks `text` against the reference, returns the matching findings, and on
failure says what was expected, what was found for that text (kind, claim, rule, score),
and, when nothing matched a claim, the nearest claims. The `factchecker` fixture of the
pytest plugin chooses the reference data (--factcheck-seeds / --factcheck-rules, or the
factcheck_seeds / factcheck_rules ini keys); without pytest the bundled data is used.
"""
from __future__ import annotations

from rapidfuzz import fuzz, process

from .models import Finding, Report

_settings: dict = {"seeds": None, "rules": None}
_checker = None


def configure(seeds=None, rules=None) -> None:
    """Choose the reference data the helpers use (the pytest plugin calls this)."""
    global _checker
    if (seeds, rules) != (_settings["seeds"], _settings["rules"]):
        _settings.update(seeds=seeds, rules=rules)
        _checker = None


def default_checker():
    global _checker
    if _checker is None:
        from .engine import Checker
        _checker = Checker.load(_settings["seeds"], _settings["rules"])
    return _checker


def assert_contradicts(text: str, claim: str | None = None, category: str | None = None, rule: str | None = None,
                       *, checker=None) -> list[Finding]:
    """The text contradicts the reference (optionally: this claim, by a rule of this category or id)."""
    __tracebackhide__ = True
    checker = checker or default_checker()
    _known_claim(checker, claim)
    report = checker.check(text)
    found = [f for f in report.findings if _contradicts(f) and _fits(f, claim, category, rule)]
    if not found:
        raise AssertionError(_explain("a contradiction", dict(claim=claim, category=category, rule=rule), text, report, checker))
    return found


def assert_agrees(text: str, claim: str | None = None, *, checker=None) -> list[Finding]:
    """The text agrees with the reference (with this claim) and does not contradict it (that claim)."""
    __tracebackhide__ = True
    checker = checker or default_checker()
    _known_claim(checker, claim)
    report = checker.check(text)
    found = [f for f in report.findings if f.kind == "agreement" and _fits(f, claim, None, None)]
    clashing = [f for f in report.findings if _contradicts(f) and _fits(f, claim, None, None)]
    if not found or clashing:
        raise AssertionError(_explain("an agreement and no contradiction", dict(claim=claim), text, report, checker))
    return found


def assert_new_claim(text: str, *, checker=None) -> list[Finding]:
    """The text states something checkable that no reference claim covers."""
    __tracebackhide__ = True
    checker = checker or default_checker()
    report = checker.check(text)
    found = [f for f in report.findings if f.kind == "new_claim"]
    if not found:
        raise AssertionError(_explain("a new claim", {}, text, report, checker))
    return found


def assert_no_contradictions(text: str, *, checker=None) -> list[Finding]:
    """The text contradicts nothing in the reference; returns all its findings."""
    __tracebackhide__ = True
    checker = checker or default_checker()
    report = checker.check(text)
    if any(_contradicts(f) for f in report.findings):
        raise AssertionError(_explain("no contradiction", {}, text, report, checker))
    return report.findings


def _contradicts(f: Finding) -> bool:
    """A contradiction, or a conflict between sources (which contradicts one of them)."""
    return f.kind in ("contradiction", "conflict")


def _claims_of(f: Finding) -> set[str]:
    """The claims a finding is about: its own, those of other sources it groups, a conflict's sides."""
    return {c.id for c in ([f.claim] if f.claim else []) + f.also + [s.claim for s in f.sides]}


def _fits(f: Finding, claim, category, rule) -> bool:
    return ((claim is None or claim in _claims_of(f))
            and (category is None or any(h.category == category for h in f.rules))
            and (rule is None or any(h.id == rule for h in f.rules)))


def _known_claim(checker, claim: str | None) -> None:
    __tracebackhide__ = True
    if claim is not None and claim not in checker.claim_refs:
        close = [c for c, _, _ in process.extract(claim, list(checker.claim_refs), scorer=fuzz.ratio, limit=3)]
        raise AssertionError(f"no claim {claim!r} in the reference; did you mean: {', '.join(close)}?")


def _explain(expected: str, wanted: dict, text: str, report: Report, checker) -> str:
    wanted = ", ".join(f"{k}={v}" for k, v in wanted.items() if v is not None)
    lines = [f"expected {expected}{f' ({wanted})' if wanted else ''} in:", f"  {text!r}"]
    if report.findings:
        lines.append("found instead:")
        for f in report.findings:
            hits = "; ".join(f"{h.id}: {h.message}" for h in f.rules)
            lines.append(f"  {f.kind:<13} {f.claim.id if f.claim else '-':<34} [{hits}] score {f.score:.2f}")
    else:
        lines.append("found instead: nothing (no finding for this text)")
    if not any(f.claim for f in report.findings):
        lines.append("nearest claims:")
        for cid, score in nearest_claims(checker, text):
            lines.append(f"  {cid:<34} {score:.2f}  {checker.claim_refs[cid].statement}")
    return "\n".join(lines)


def nearest_claims(checker, text: str, limit: int = 3) -> list[tuple[str, float]]:
    """Claims the text comes closest to: the share of their anchor groups it mentions, then wording."""
    features = set().union(*(r.analysis.features for r in checker.analyse(text))) if text.strip() else set()
    ranked = []
    for _, claim in checker.reference.claims:
        if claim.kind == "title" or not claim.anchors:
            continue
        held = sum(any(all(p in features for p in alt.split("+")) for alt in group) for group in claim.anchors)
        wording = fuzz.token_set_ratio(text.lower(), claim.statement.lower()) / 100
        ranked.append((round(0.7 * held / len(claim.anchors) + 0.3 * wording, 2), claim.id))
    ranked.sort(key=lambda x: (-x[0], x[1]))
    return [(cid, score) for score, cid in ranked[:limit]]
