"""Load rules/frames/<name>.json: a frame rule is data (id, kind, category, message, severity,
params, examples) whose kind is a function of factcheck.frames.kinds."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from pydantic import BaseModel

from ..errors import ReferenceDataError
from ..loader import load_model
from ..models import Rule
from ..ruleset import RuleMessages, check_message, rule_params
from .kinds import KINDS, Outcome, Pair

FOLDER = "frames"


@dataclass(frozen=True)
class FrameRule(RuleMessages):
    rule: Rule
    compare: Callable[[Pair, BaseModel], list[Outcome]]
    params: BaseModel
    path: Path

    @property
    def category(self) -> str:
        return self.rule.category


def load_frame_rules(rules_dir: Path) -> list[FrameRule]:
    out: list[FrameRule] = []
    seen: dict[tuple[str, str], Path] = {}
    for path in sorted((rules_dir / FOLDER).glob("*.json")):
        rule = load_model(path, "rule", Rule)
        if rule.id != f"{FOLDER}.{path.stem}".replace("-", "_"):
            raise ReferenceDataError(path, f"rule id {rule.id!r} must be {FOLDER}.{path.stem}", "/id")
        if rule.kind not in KINDS:
            raise ReferenceDataError(path, f"unknown kind {rule.kind!r}; frame kinds are: {', '.join(sorted(KINDS))}", "/kind")
        compare, params_model = KINDS[rule.kind]
        params = rule_params(path, rule, params_model)
        slot = (rule.kind, params.model_dump_json())
        if slot in seen:
            raise ReferenceDataError(path, f"kind {rule.kind!r} with the same params is already configured by {seen[slot]}", "/kind")
        seen[slot] = path
        check_message(path, rule)
        out.append(FrameRule(rule, compare, params, path))
    if not out:
        raise ReferenceDataError(rules_dir / FOLDER, "no frame rules")
    return out
