"""Run every frame rule's examples: each `flag` text must get a hit of that rule against its
reference, each `pass` text must not."""
from __future__ import annotations

from dataclasses import dataclass, field

from .checker import FrameChecker


@dataclass
class ExampleResult:
    rule: str
    false_negatives: list[str] = field(default_factory=list)
    false_positives: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.false_negatives and not self.false_positives


def run_frame_examples(checker: FrameChecker) -> list[ExampleResult]:
    out = []
    for rule in checker.rules:
        result = ExampleResult(rule.id)
        for example, must in [(e, True) for e in rule.rule.examples.flag] + [(e, False) for e in rule.rule.examples.pass_]:
            ref = checker.extract(example.reference or "", "example")
            report = checker.check(example.text, ref)
            # an error rule flags by contradicting; an info rule (one that only agrees) by being cited
            wanted = ("contradiction",) if rule.rule.severity == "error" else ("contradiction", "agreement")
            hit = any(h.id == rule.id for f in report.findings if f.kind in wanted for h in f.rules)
            if must and not hit:
                result.false_negatives.append(example.text)
            if not must and hit:
                result.false_positives.append(example.text)
        out.append(result)
    return out
