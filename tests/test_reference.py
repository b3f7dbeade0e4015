"""The reference claims: evidence offsets round-trip, coverage, and broken data stops loading."""
import json
import shutil

import pytest

from factcheck.engine import Checker
from factcheck.errors import DataError, ReferenceDataError, SchemaError
from factcheck.paths import data_dir


def test_evidence_offsets_round_trip(checker):
    for source, claim in checker.reference.claims:
        article = checker.reference.sources[source].article
        assert article[claim.evidence.start:claim.evidence.end] == claim.evidence.text, claim.id


def test_article_is_stored_verbatim(checker):
    doc = checker.reference.sources["seed-article"]
    assert doc.article.startswith("Washington, D.C \u2013 U.S. President Donald Trump")
    assert len(doc.article) == 2930 and doc.article.endswith("toward a peaceful resolution.")


def test_claim_ids_are_unique_and_readable(checker):
    ids = [c.id for _, c in checker.reference.claims]
    assert len(ids) == len(set(ids))
    assert all(i == i.lower() and " " not in i for i in ids)


def test_title_claims_agree_with_the_people_lexicon(checker):
    for _, claim in checker.reference.claims:
        for person, office in (claim.slots.title or {}).items():
            assert checker.lexicon.people[person].office == office


@pytest.fixture
def data_copy(tmp_path):
    seeds, rules = tmp_path / "seeds", tmp_path / "rules"
    shutil.copytree(data_dir("seeds"), seeds)
    shutil.copytree(data_dir("rules"), rules)
    return seeds, rules


def _edit(path, change):
    data = json.loads(path.read_text())
    change(data)
    path.write_text(json.dumps(data))


def test_wrong_evidence_span_names_the_file_and_claim(data_copy):
    seeds, rules = data_copy
    path = seeds / "seed-article" / "claims.json"
    _edit(path, lambda d: d["claims"][3]["evidence"].update(start=d["claims"][3]["evidence"]["start"] + 1))
    with pytest.raises(ReferenceDataError) as err:
        Checker.load(seeds, rules)
    assert str(path) in str(err.value) and "/claims/3/evidence" in str(err.value)


def test_claim_missing_a_field_is_a_schema_error_with_pointer(data_copy):
    seeds, rules = data_copy
    path = seeds / "seed-article" / "claims.json"
    _edit(path, lambda d: d["claims"][0].pop("statement"))
    with pytest.raises(SchemaError) as err:
        Checker.load(seeds, rules)
    assert err.value.path == str(path) and err.value.pointer == "/claims/0" and "statement" in err.value.message


def test_unknown_concept_in_an_anchor_is_reported(data_copy):
    seeds, rules = data_copy
    _edit(seeds / "seed-article" / "claims.json", lambda d: d["claims"][0]["anchors"].append(["concept:teleport"]))
    with pytest.raises(ReferenceDataError, match="unknown concept 'teleport'"):
        Checker.load(seeds, rules)


def test_rule_with_unknown_kind_lists_the_kinds(data_copy):
    seeds, rules = data_copy
    path = rules / "numeric" / "duration.json"
    _edit(path, lambda d: d.update(kind="teleport"))
    with pytest.raises(ReferenceDataError) as err:
        Checker.load(seeds, rules)
    assert str(path) in str(err.value) and "kinds are: amount, assessment, count" in str(err.value)


def test_rule_with_bad_params_points_into_params(data_copy):
    seeds, rules = data_copy
    _edit(rules / "numeric" / "duration.json", lambda d: d["params"].update(tolerance="wide"))
    with pytest.raises(SchemaError) as err:
        Checker.load(seeds, rules)
    assert err.value.pointer == "/params/tolerance"


def test_invalid_json_in_a_lexicon_gives_line_and_column(data_copy):
    seeds, rules = data_copy
    (rules / "lexicon" / "places.json").write_text('{"description": "x", "places": [}')
    with pytest.raises(SchemaError, match=r"places.json: invalid JSON: .* \(line 1, column 33\)"):
        Checker.load(seeds, rules)


def test_missing_seeds_directory_is_a_data_error(tmp_path):
    with pytest.raises(DataError, match="no reference articles"):
        Checker.load(tmp_path, data_dir("rules"))
