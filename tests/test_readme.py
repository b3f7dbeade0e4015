"""The README's examples of output are real: each block marked `<!-- example {...} -->` is
produced here by what it shows (the installed CLI, the HTTP API, the pytest plugin) and
compared with the output, so a change of behaviour that the README does not follow fails."""
from __future__ import annotations

import json
import re
import subprocess

import pytest

from factcheck.web import create_app

from .conftest import ROOT, factcheck_command

MARKED = re.compile(r"<!-- example (\{.*?\}) -->\n```(\w*)\n(.*?)```", re.S)


def examples() -> list[tuple[dict, str, str]]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    return [(json.loads(spec), lang, body) for spec, lang, body in MARKED.findall(text)]


def test_the_readme_marks_its_output_examples():
    kinds = [("run" if "run" in s else "api" if "api" in s else "pytest") for s, _, _ in examples()]
    assert kinds.count("run") >= 3 and "api" in kinds and "pytest" in kinds, kinds


def matches(shown, real, ignore=()) -> bool:
    """`shown` (the README's, shortened) is a part of `real`: a dict's keys a subset, a list a
    prefix, a string ending in "..." a prefix."""
    if isinstance(shown, dict):
        return isinstance(real, dict) and all(k in ignore or (k in real and matches(v, real[k], ignore)) for k, v in shown.items())
    if isinstance(shown, list):
        return isinstance(real, list) and len(shown) <= len(real) and all(matches(a, b, ignore) for a, b in zip(shown, real))
    if isinstance(shown, str) and shown.endswith("..."):
        return isinstance(real, str) and real.startswith(shown[:-3].rstrip())
    return shown == real


def _select(doc, path: str | None):
    for part in (path.split(".") if path else []):
        doc = doc[int(part)] if part.isdigit() else doc[part]
    return doc


@pytest.mark.parametrize("spec, lang, body", [e for e in examples() if "run" in e[0]],
                         ids=lambda v: " ".join(v["run"]) if isinstance(v, dict) else "")
def test_a_cli_example_is_what_the_cli_prints(spec, lang, body, tmp_path):
    for name, content in spec.get("files", {}).items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(content, encoding="utf-8")
    run = subprocess.run(factcheck_command() + spec["run"] + ["--color", "never"] * (spec["run"][0] == "check" and "--format" not in spec["run"]),
                         cwd=tmp_path, capture_output=True, timeout=300, check=False)
    assert run.returncode == spec.get("exit", 0), run.stderr.decode()
    out = run.stdout.decode()
    if spec.get("compare") == "subset":
        real = _select(json.loads(out), spec.get("select"))
        assert matches(json.loads(body), real), json.dumps(real, indent=1)[:3000]
    else:
        assert body == out


@pytest.mark.parametrize("spec, lang, body", [e for e in examples() if "api" in e[0]])
def test_an_api_example_is_what_the_api_answers(spec, lang, body):
    client = create_app().test_client()
    call = spec["api"]
    response = client.open(call["path"], method=call["method"], json=call.get("json"))
    assert response.status_code == spec.get("status", 200)
    assert matches(json.loads(body), response.get_json(), spec.get("ignore", ())), response.get_json()


@pytest.mark.parametrize("spec, lang, body", [e for e in examples() if "pytest" in e[0]])
def test_a_pytest_example_is_what_the_plugin_says(spec, lang, body, pytester):
    pytester.makepyfile(test_example=f"""
        from factcheck.testing import assert_agrees, assert_contradicts, assert_new_claim

        def test_it(factchecker):
            {spec['pytest']}
    """)
    result = pytester.runpytest_subprocess("-p", "no:cacheprovider")
    printed = [" ".join(line.split()) for line in result.stdout.lines]
    for line in body.strip().splitlines():
        assert " ".join(line.split()) in printed, (line, result.stdout.str()[-3000:])
