"""Data is validated: the JSON Schemas match the pydantic models and every data file validates."""
import json

import jsonschema
import pytest

from factcheck import schemas
from factcheck.lexicon import FILES
from factcheck.paths import data_dir


def test_checked_in_schemas_match_the_models():
    assert schemas.main(["--check"]) == 0, "run: python -m factcheck.schemas --write"


@pytest.mark.parametrize("name", sorted(schemas.MODELS))
def test_schema_is_valid_2020_12(name):
    schema = schemas.load(name)
    assert schema["$schema"] == schemas.DIALECT
    jsonschema.Draft202012Validator.check_schema(schema)


def data_files():
    rules, seeds = data_dir("rules"), data_dir("seeds")
    for name in FILES:
        yield rules / "lexicon" / f"{name}.json", f"lexicon.{name}"
    for path in sorted(rules.glob("*/*.json")):
        if path.parent.name != "lexicon":
            yield path, "rule"
    for path in sorted(seeds.glob("*/claims.json")):
        yield path, "claims"


@pytest.mark.parametrize("path, schema", list(data_files()), ids=lambda x: getattr(x, "name", x))
def test_data_file_validates_against_schema_and_model(path, schema):
    data = json.loads(path.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(schemas.load(schema)).validate(data)
    schemas.MODELS[schema].model_validate(data)


def test_report_of_a_check_validates_against_report_schema(checker):
    report = checker.check("Trump held a 60-minute call with Zelensky. Oil prices fell.")
    jsonschema.Draft202012Validator(schemas.load("report")).validate(json.loads(report.model_dump_json()))
