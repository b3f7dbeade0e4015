"""JSON Schemas (2020-12) of every data file, generated from the pydantic models.

    python -m factcheck.schemas --write   # regenerate schemas/*.schema.json
    python -m factcheck.schemas --check   # exit 1 when the checked-in files are stale
"""
from __future__ import annotations

import json
import sys
from functools import cache
from pathlib import Path

from . import models
from .paths import data_dir

DIALECT = "https://json-schema.org/draft/2020-12/schema"

MODELS: dict[str, type] = {
    "claims": models.ClaimsFile,
    "extracted-claims": models.ExtractedClaimsFile,
    "claim-review": models.ClaimReviewFile,
    "rule": models.Rule,
    "request": models.CheckRequest,
    "report": models.Report,
    "check-run": models.CheckRun,
    "claim": models.ClaimRef,
    "claim-page": models.ClaimPage,
    "source": models.Source,
    "source-summary": models.SourceSummary,
    "source-meta": models.SourceMeta,
    "source-add": models.SourceAdd,
    "source-conflict": models.SourceConflict,
    "rule-info": models.RuleInfo,
    "health": models.Health,
    "problem": models.Problem,
    "suppressions": models.SuppressionsFile,
    "lexicon.people": models.PeopleFile,
    "lexicon.offices": models.OfficesFile,
    "lexicon.places": models.PlacesFile,
    "lexicon.organisations": models.OrganisationsFile,
    "lexicon.concepts": models.ConceptsFile,
    "lexicon.negation": models.NegationFile,
    "lexicon.modality": models.ModalityFile,
    "lexicon.scales": models.ScalesFile,
    "lexicon.numbers": models.NumbersFile,
    "lexicon.dates": models.DatesFile,
    "lexicon.discourse": models.DiscourseFile,
    "lexicon.english": models.EnglishFile,
    "lexicon.given_names": models.GivenNamesFile,
}


def generate(name: str) -> dict:
    schema = MODELS[name].model_json_schema(by_alias=True)
    return {"$schema": DIALECT, "$id": f"urn:factcheck:schema:{name}", **schema}


def render(name: str) -> str:
    return json.dumps(generate(name), indent=2, ensure_ascii=False) + "\n"


@cache
def load(name: str) -> dict:
    """The checked-in schema `name` (from the schemas data directory)."""
    return json.loads((data_dir("schemas") / f"{name}.schema.json").read_text(encoding="utf-8"))


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    out = Path(argv[1]) if len(argv) > 1 else data_dir("schemas")
    stale = []
    for name in MODELS:
        path = out / f"{name}.schema.json"
        text = render(name)
        if "--write" in argv:
            path.write_text(text, encoding="utf-8")
        elif not path.exists() or path.read_text(encoding="utf-8") != text:
            stale.append(path.name)
    if stale:
        print("stale schemas (run python -m factcheck.schemas --write):", ", ".join(stale))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
