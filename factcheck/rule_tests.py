"""Run every rule's examples: each 'flag' text must give a contradiction by that rule, each
'pass' text must not (false negatives and false positives, as Semgrep's rule tests count)."""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class ExampleResult:
    rule: str
    flag_total: int = 0
    pass_total: int = 0
    false_negatives: list[str] = field(default_factory=list)
    false_positives: list[str] = field(default_factory=list)

    @property
    def flagged(self) -> int:
        return self.flag_total - len(self.false_negatives)

    @property
    def passed(self) -> int:
        return self.pass_total - len(self.false_positives)

    @property
    def ok(self) -> bool:
        return not self.false_negatives and not self.false_positives


def fired(checker, text: str, rule_id: str, claim: str | None = None) -> bool:
    report = checker.check(text)
    return any(f.kind == "contradiction" and (claim is None or f.claim.id == claim) and any(h.id == rule_id for h in f.rules)
               for f in report.findings)


def run_examples(checker) -> list[ExampleResult]:
    results = []
    for rule in checker.rules:
        r = ExampleResult(rule.id, len(rule.rule.examples.flag), len(rule.rule.examples.pass_))
        for ex in rule.rule.examples.flag:
            if not fired(checker, ex.text, rule.id, ex.claim):
                r.false_negatives.append(ex.text)
        for ex in rule.rule.examples.pass_:
            if fired(checker, ex.text, rule.id, ex.claim):
                r.false_positives.append(ex.text)
        results.append(r)
    return results
