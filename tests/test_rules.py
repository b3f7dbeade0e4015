"""Rules are data: every rule's examples hold, and every kind is registered, documented and used."""

from factcheck import kinds
from factcheck.models import Slots
from factcheck.paths import data_dir
from factcheck.rule_tests import fired

from .conftest import ROOT


def rule_examples(checker):
    for rule in checker.rules:
        for ex in rule.rule.examples.flag:
            yield rule.id, ex.text, ex.claim, True
        for ex in rule.rule.examples.pass_:
            yield rule.id, ex.text, ex.claim, False


def pytest_generate_tests(metafunc):
    if "example" in metafunc.fixturenames:
        from factcheck.engine import Checker
        items = list(rule_examples(Checker.load()))
        metafunc.parametrize("example", items, ids=[f"{r}:{'flag' if f else 'pass'}:{t[:30]}" for r, t, _, f in items])


def test_rule_example(checker, example):
    rule_id, text, claim, must_flag = example
    assert fired(checker, text, rule_id, claim) is must_flag


def test_every_kind_is_used_by_a_rule(checker):
    used = {r.rule.kind for r in checker.rules}
    assert used == set(kinds.KINDS)


def test_every_kind_reads_a_claim_slot():
    for name, module in kinds.KINDS.items():
        assert module.SLOT in Slots.model_fields, f"kind {name} reads unknown slot {module.SLOT}"


def test_every_kind_is_documented_in_docs():
    doc = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    for name in kinds.KINDS:
        assert f"`{name}`" in doc, f"kind {name} is not documented in docs/rules.md"


def test_rule_ids_match_their_paths(checker):
    for r in checker.rules:
        assert r.id == f"{r.path.parent.name}.{r.path.stem}"
        assert r.rule.category == r.path.parent.name or r.path.parent.name == "modality"


def test_rules_cover_every_contradiction_category(checker):
    assert {r.rule.category for r in checker.rules} >= {
        "numeric", "date", "location", "person", "title", "negation", "antonym", "modality", "quantity"}


def test_rules_dir_is_the_bundled_one():
    assert (data_dir("rules") / "lexicon" / "people.json").is_file()
