"""Load rules/<category>/<name>.json: each rule is data (id, kind, category, message, severity,
params, examples) whose kind is a module of factcheck.kinds."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

from pydantic import BaseModel, ValidationError

from . import located
from .errors import ReferenceDataError, SchemaError
from .kinds import KINDS
from .loader import load_model, pointer
from .models import Rule

LEXICON_DIR = "lexicon"
FRAMES_DIR = "frames"      # rules of the frame comparison (factcheck.frames.rules)
GAZETTEER_DIR = "gazetteer"


class RuleMessages:
    """What every loaded rule shares: its id and its message filled in from an outcome."""

    rule: Rule

    @property
    def id(self) -> str:
        return self.rule.id

    def message(self, outcome) -> str:
        return located.message(self.rule.message, self.rule.agreement, outcome.status, outcome.reference, outcome.found,
                               getattr(outcome, "relation", ""))


@dataclass(frozen=True)
class LoadedRule(RuleMessages):
    rule: Rule
    kind: ModuleType
    params: BaseModel
    path: Path

    @property
    def slot(self) -> str:
        return self.kind.SLOT


def load_rules(rules_dir: Path) -> list[LoadedRule]:
    out: list[LoadedRule] = []
    for path in sorted(rules_dir.glob("*/*.json")):
        if path.parent.name in (LEXICON_DIR, FRAMES_DIR, GAZETTEER_DIR):
            continue
        rule = load_model(path, "rule", Rule)
        expected = f"{path.parent.name}.{path.stem}".replace("-", "_")
        if rule.id != expected:
            raise ReferenceDataError(path, f"rule id {rule.id!r} must be {expected!r} (directory.file)", "/id")
        kind = KINDS.get(rule.kind)
        if kind is None:
            raise ReferenceDataError(path, f"unknown kind {rule.kind!r}; kinds are: {', '.join(sorted(KINDS))}", "/kind")
        params = rule_params(path, rule, kind.Params)
        check_message(path, rule)
        out.append(LoadedRule(rule, kind, params, path))
    return out


def rule_params(path: Path, rule: Rule, model: type[BaseModel]) -> BaseModel:
    """A rule file's params as its kind's Params model, or a SchemaError pointing into the file."""
    try:
        return model.model_validate(rule.params)
    except ValidationError as exc:
        first = exc.errors()[0]
        raise SchemaError(path, first["msg"], "/params" + pointer(first["loc"])) from None


def check_message(path: Path, rule: Rule) -> None:
    """The message templates may use {reference} and {found}, nothing else."""
    for pointer, template in (("/message", rule.message), ("/agreement", rule.agreement)):
        try:
            (template or "").format(reference="", found="")
        except (KeyError, IndexError, ValueError) as exc:
            raise SchemaError(path, f"message template: {exc!r}; use {{reference}} and {{found}}", pointer) from None
