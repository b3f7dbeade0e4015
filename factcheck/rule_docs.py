"""What each loaded rule is, for `factcheck explain`, GET /v1/rules and SARIF: one description
for the rules of both engines (hand claims: factcheck.kinds; extracted frames: factcheck.frames.kinds)."""
from __future__ import annotations

import inspect

from .errors import InputError, did_you_mean
from .models import RuleInfo

RULE_URN = "urn:factcheck:rule:"      # a rule's identifier as a URI where no documentation URL is configured


def _compares(rule) -> str:
    """The kind's own account of what it compares: its docstring's first paragraph."""
    doc = inspect.getdoc(rule.kind) if hasattr(rule, "kind") else inspect.getdoc(rule.compare)
    return " ".join((doc or "").split("\n\n")[0].split())


# the report's own rule ids: not a comparison of a slot, but what a finding rests on
REPORT_RULES = (
    RuleInfo(id="new.uncovered", kind="uncovered", category="new", severity="warning", engine="report",
             description="A sentence states a checkable fact (a name, a number, a date, a place) that no claim of the reference covers.",
             message="States a checkable fact ({found}) that no reference claim covers.",
             compares="Nothing: no reference claim shares enough of the sentence's words, names and values to be about the same fact.",
             examples={"flag": ["Oil prices fell sharply on Thursday in London."], "pass": ["Trump held a 90-minute call with Zelensky."]}),
    RuleInfo(id="match.anchors", kind="anchors", category="match", severity="info", engine="report",
             description="Why an agreement of the hand-claims engine is about its claim: the claim's anchor words and names found in the clause.",
             message="Matched on {found}.",
             compares="The claim's anchors (its predicate, people and concepts) against the clause's; the rule hits beside it compare the values.",
             examples={"flag": ["Trump spoke with Zelenskyy for an hour and a half."], "pass": ["Oil prices fell sharply on Thursday in London."]}),
)


def rule_infos(checker) -> list[RuleInfo]:
    out = []
    for engine, rules in (("claims", checker.rules), ("frames", checker.frames.rules)):
        for r in rules:
            ex = r.rule.examples
            out.append(RuleInfo(id=r.id, kind=r.rule.kind, category=r.rule.category, severity=r.rule.severity,
                                description=r.rule.description, message=r.rule.message, agreement=r.rule.agreement,
                                engine=engine, compares=_compares(r), params=r.params.model_dump(mode="json"),
                                examples={"flag": [e.text for e in ex.flag], "pass": [e.text for e in ex.pass_]}))
    return out + list(REPORT_RULES)


def rule_info(checker, rule_id: str) -> RuleInfo:
    infos = {i.id: i for i in rule_infos(checker)}
    if rule_id not in infos:
        raise InputError(f"no rule {rule_id!r}{did_you_mean(rule_id, infos)}; `factcheck rules list` lists them")
    return infos[rule_id]


def explain(info: RuleInfo) -> str:
    """A rule as `factcheck explain` prints it."""
    lines = [f"{info.id}  ({info.severity}, category {info.category}, kind {info.kind}, {info.engine} engine)", "",
             info.description, "", f"What it compares: {info.compares}", "",
             f"Contradiction message: {info.message}"]
    if info.agreement:
        lines.append(f"Agreement message:     {info.agreement}")
    if info.params:
        lines.append("Parameters: " + ", ".join(f"{k} = {v}" for k, v in info.params.items()))
    for label, texts in (("Flags", info.examples.flag), ("Passes", info.examples.pass_)):
        if texts:
            lines.append("")
            lines.append(f"{label}:")
            lines.extend(f"  - {t}" for t in texts)
    return "\n".join(lines) + "\n"


def sarif_rule(info: RuleInfo, rules_url: str | None = None) -> dict:
    """The SARIF reportingDescriptor fields of a rule: its description, level, help and helpUri."""
    return {"fullDescription": {"text": info.description},
            "defaultConfiguration": {"level": {"error": "error", "warning": "warning"}.get(info.severity, "note")},
            "help": {"text": explain(info)},
            "helpUri": f"{rules_url.rstrip('/')}/{info.id}" if rules_url else RULE_URN + info.id}
