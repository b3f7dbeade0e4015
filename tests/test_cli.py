"""The installed `factcheck` command, run as a user runs it."""
import json
import re

import jsonschema
import pytest

from factcheck import schemas

from .conftest import report_of

DRAFT = ("Trump and Putin agreed to start negotiations immediately.\n"
         "Trump then held a 60-minute call with Zelensky.\n"
         "Oil prices fell after the call.\n")


@pytest.fixture
def draft(tmp_path):
    path = tmp_path / "draft.txt"
    path.write_text(DRAFT, encoding="utf-8")
    return path


def test_text_output_is_linter_style_and_exit_1_on_contradiction(cli, draft):
    run = cli("check", draft, "--color", "never", "--show", "all")
    assert run.returncode == 1
    lines = run.stdout.decode().splitlines()
    # pointed at the wrong value ("60-minute", line 2 column 19), not the sentence
    assert f"{draft}:2:19: contradiction [numeric] The reference gives 90 minutes; this says 60. (zelensky-call.duration)" in lines
    assert any(re.match(rf"{re.escape(str(draft))}:1:\d+: agreement \[\w+\] Matches the reference.*\(talks.agreed\)$", line) for line in lines)
    assert any(line.startswith(f"{draft}:3:1: new claim ") for line in lines)
    assert "\033[" not in run.stdout.decode()   # no colour when not a terminal


def test_text_output_shows_what_needs_attention_unless_told_otherwise(cli, draft):
    def kinds(*options):
        run = cli("check", draft, "--color", "never", *options)
        return run.returncode, [line.split(": ", 1)[1].split(" [")[0].split(" States")[0]
                                for line in run.stdout.decode().splitlines()[:-1]]
    assert kinds() == (1, ["contradiction", "new claim"])
    assert kinds("--show", "agreements") == (1, ["agreement"])
    assert kinds("--show", "all") == (1, ["agreement", "contradiction", "new claim"])
    assert kinds("--quiet") == (1, [])
    summary = cli("check", draft, "--quiet").stdout.decode()
    assert summary == f"{draft}: 3 sentences: 1 contradiction, 1 agreement, 1 new claim; 34 reference claims not mentioned\n"


def test_min_severity_leaves_out_lesser_findings_from_output_and_exit_code(cli, draft, tmp_path):
    run = cli("check", draft, "--min-severity", "error", "--show", "all")
    assert run.returncode == 1
    assert [line.split(": ")[1].split(" [")[0] for line in run.stdout.decode().splitlines()[:-1]] == ["contradiction"]
    only_new = tmp_path / "new.txt"
    only_new.write_text("Oil prices fell sharply after the call on Tuesday.\n")
    assert cli("check", only_new, "--fail-on", "new_claim").returncode == 1
    assert cli("check", only_new, "--fail-on", "new_claim", "--min-severity", "error").returncode == 0
    # JSON is the whole report whatever the filter
    report = report_of(cli("check", draft, "--format", "json", "--min-severity", "error").stdout)
    assert report["summary"]["agreements"] == 1 and report["summary"]["new_claims"] == 1


def test_colour_can_be_forced(cli, draft):
    assert "\033[31mcontradiction" in cli("check", draft, "--color", "always").stdout.decode()


def test_json_output_matches_the_report_schema(cli, draft):
    run = cli("check", "--format", "json", draft)
    doc = json.loads(run.stdout)
    jsonschema.Draft202012Validator(schemas.load("check-run")).validate(doc)
    report = doc["files"][0]["report"]
    jsonschema.Draft202012Validator(schemas.load("report")).validate(report)
    # one shape for one file or many: the findings also come flat, each with its file
    assert doc["findings"] == [{"path": str(draft), **f} for f in report["findings"]]
    assert report["summary"]["contradictions"] == 1
    for f in report["findings"]:
        assert DRAFT[f["span"]["start"]:f["span"]["end"]] == f["text"]


def test_exit_0_without_contradictions(cli, tmp_path):
    path = tmp_path / "ok.txt"
    path.write_text("Trump spoke with Zelenskyy for an hour and a half after his call with Putin.")
    assert cli("check", path).returncode == 0


def test_standard_input(cli):
    run = cli("check", "--format", "json", "-", stdin=DRAFT.encode())
    assert run.returncode == 1 and report_of(run.stdout)["summary"]["sentences"] == 3


def test_empty_file_gives_an_empty_report(cli, tmp_path):
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    run = cli("check", "--format", "json", path)
    assert run.returncode == 0
    report = report_of(run.stdout)
    assert report["findings"] == [] and report["summary"]["sentences"] == 0 and report["omitted"]


@pytest.mark.parametrize("content, reason", [
    (bytes(range(256)) * 4, "looks like a binary file"),
    ("Zelensky met Macron in Paris, caf\xe9".encode("latin-1"), "is not UTF-8 text (byte 0xe9 at offset 33)"),
])
def test_unreadable_input_exits_2_with_one_line(cli, tmp_path, content, reason):
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    run = cli("check", path)
    assert run.returncode == 2 and run.stdout == b""
    err = run.stderr.decode().strip()
    assert reason in err and "\n" not in err and "Traceback" not in err


def test_missing_file_and_usage_errors_exit_2(cli, tmp_path):
    missing = cli("check", tmp_path / "nope.txt")
    assert missing.returncode == 2 and "no such file" in missing.stderr.decode()
    usage = cli("check", "--format", "yaml", "x.txt")
    assert usage.returncode == 2 and "invalid choice" in usage.stderr.decode()
    assert cli().returncode == 2


def test_text_without_punctuation_gets_a_normal_report(cli, tmp_path):
    path = tmp_path / "long.txt"
    path.write_text("trump and putin spoke about the war in ukraine " * 4200)
    run = cli("check", "--format", "json", path)
    report = report_of(run.stdout)
    assert run.returncode == 0 and report["summary"]["sentences"] >= 100


def test_five_megabyte_file_gets_a_normal_report(cli, tmp_path):
    sentence = "Oil prices fell after news of the call in Brussels on Thursday. "
    path = tmp_path / "big.txt"
    path.write_text(sentence * (5 * 1024 * 1024 // len(sentence) + 1))
    run = cli("check", path)
    assert run.returncode == 0, run.stderr.decode()[-500:]
    assert run.stdout.decode().splitlines()[-1].endswith("reference claims not mentioned")


def test_broken_data_directory_exits_2_naming_the_file(cli, tmp_path):
    (tmp_path / "x.claims.json").write_text("{")
    run = cli("--seeds", tmp_path, "check", "-", stdin=b"Hello there.")
    assert run.returncode == 2
    assert f"{tmp_path / 'x.claims.json'}: invalid JSON" in run.stderr.decode()


def test_claims_lists_every_claim_with_evidence(cli, checker):
    run = cli("claims", "--format", "json")
    claims = json.loads(run.stdout)
    assert run.returncode == 0 and len(claims) == len(checker.reference.claims)
    assert {"id", "statement", "source", "evidence"} <= set(claims[0])
    riyadh = json.loads(cli("claims", "--format", "json", "--source", "riyadh-talks").stdout)
    assert riyadh and {c["source"] for c in riyadh} == {"riyadh-talks"}


def test_check_against_a_named_source(cli, tmp_path):
    path = tmp_path / "d.txt"
    path.write_text("Trump held a 60-minute call with Zelensky.")
    assert report_of(cli("check", "--format", "json", path).stdout)["reference"] == "seed-article"
    forced = report_of(cli("check", "--format", "json", "--source", "riyadh-talks", path).stdout)
    assert forced["reference"] == "riyadh-talks" and forced["summary"]["contradictions"] == 0
    bad = cli("check", "--source", "nope", path)
    assert bad.returncode == 2 and "unknown source 'nope'; sources are: riyadh-talks, seed-article" in bad.stderr.decode()


def test_rules_test_reports_every_rule_and_passes(cli, checker):
    run = cli("rules", "test")
    out = run.stdout.decode()
    assert run.returncode == 0
    assert f"{len(checker.rules)}/{len(checker.rules)} rules pass their examples" in out
    assert "numeric.duration" in out and "false negatives 0" in out


def test_rules_test_fails_on_a_failing_example(cli, tmp_path):
    import shutil
    from factcheck.paths import data_dir
    rules = tmp_path / "rules"
    shutil.copytree(data_dir("rules"), rules)
    path = rules / "numeric" / "duration.json"
    data = json.loads(path.read_text())
    data["examples"]["pass"].append({"text": "Trump held a 20-minute call with Zelensky."})
    path.write_text(json.dumps(data))
    run = cli("--rules", rules, "rules", "test")
    assert run.returncode == 1
    assert "FAIL numeric.duration" in run.stdout.decode() and "wrongly flagged: Trump held a 20-minute" in run.stdout.decode()


def test_evidence_gives_the_exact_offsets_of_a_quote(cli, checker):
    run = cli("evidence", "seed-article", "a 90-minute conversation")
    ev = json.loads(run.stdout)
    article = checker.reference.sources["seed-article"].article
    assert run.returncode == 0 and article[ev["start"]:ev["end"]] == "a 90-minute conversation"
    missing = cli("evidence", "seed-article", "a 60-minute conversation")
    assert missing.returncode == 2 and "occurs 0 times" in missing.stderr.decode()
    assert cli("evidence", "seed-article", "President").returncode == 2      # ambiguous


def one_line_error(run) -> str:
    err = run.stderr.decode().strip()
    assert run.returncode == 2 and "\n" not in err and "Traceback" not in err, err[-500:]
    return err


@pytest.mark.skipif(not __import__("os").path.exists("/dev/zero"), reason="no /dev/zero")
def test_reading_an_endless_file_stops_at_the_limit(cli):
    err = one_line_error(cli("check", "/dev/zero"))
    assert err == "factcheck: /dev/zero is over the limit of 10,000,000 bytes (--max-bytes)"


def test_max_bytes_limits_files_and_standard_input(cli, draft):
    assert "over the limit of 20 bytes" in one_line_error(cli("check", "--max-bytes", "20", draft))
    assert "standard input is over the limit of 20 bytes" in one_line_error(
        cli("check", "--max-bytes", "20", "-", stdin=DRAFT.encode()))
    assert cli("check", "--max-bytes", str(len(DRAFT.encode())), draft).returncode == 1     # exactly the limit: read
    assert "over the limit" in one_line_error(cli("extract", "--max-bytes", "20", draft))
    assert "over the limit" in one_line_error(cli("suppress", "--max-bytes", "20", draft))
    assert cli("check", "--max-bytes", "0", draft).returncode == 2


@pytest.mark.parametrize("content, reason", [
    ("[" * 10_000 + "]" * 10_000, "nested too deeply"),
    ('{"claims": ' + "7" * 5000 + "}", "4300"),
])
def test_a_data_file_past_what_json_reads_is_one_line(cli, tmp_path, content, reason):
    (tmp_path / "x.claims.json").write_text(content)
    err = one_line_error(cli("--seeds", tmp_path, "check", "-", stdin=b"Hello there."))
    assert f"{tmp_path / 'x.claims.json'}: invalid JSON" in err and reason in err


def test_version(cli):
    from factcheck import __version__
    run = cli("--version")
    assert run.returncode == 0 and run.stdout.decode() == f"factcheck {__version__}\n"


def test_a_configuration_file_sets_options_and_flags_win(cli, draft, tmp_path, monkeypatch):
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "desk"\n\n[tool.factcheck]\nfail-on = "never"\nshow = "all"\n')
    nested = tmp_path / "drafts" / "today"
    nested.mkdir(parents=True)
    monkeypatch.chdir(nested)                       # found from a folder below it
    run = cli("check", draft, "--color", "never")
    assert run.returncode == 0 and " agreement [" in run.stdout.decode()
    assert cli("check", draft, "--fail-on", "contradiction").returncode == 1      # the flag wins
    (nested / "factcheck.toml").write_text('min-severity = "error"\nreference = "../../wire.txt"\n')
    (tmp_path / "wire.txt").write_text("Trump spoke with Zelensky for 60 minutes on Wednesday.\n")
    run = cli("check", draft, "--color", "never", "--show", "all", "--fail-on", "contradiction")
    # the nearest file decides, its paths relative to it: against wire.txt the 60 minutes agree
    assert run.returncode == 0, run.stdout.decode() + run.stderr.decode()
    assert cli("--config", tmp_path / "pyproject.toml", "check", draft).returncode == 0


@pytest.mark.parametrize("content, message", [
    ('fail_on = "never"\n', "unknown key 'fail_on' (did you mean 'fail-on'?)"),
    ('show = "agrements"\n', "show: 'agrements' is not one of problems, agreements, all (did you mean 'agreements'?)"),
    ("quiet = 1\n", "quiet: must be true or false"),
    ("reference = []\n", "reference: must be a path or a list of paths"),
    ("fail-on = \n", "not valid TOML"),
])
def test_a_bad_configuration_file_is_one_line_with_what_was_meant(cli, draft, tmp_path, monkeypatch, content, message):
    (tmp_path / "factcheck.toml").write_text(content)
    monkeypatch.chdir(tmp_path)
    run = cli("check", draft)
    err = run.stderr.decode().strip()
    assert run.returncode == 2 and "\n" not in err and message in err and str(tmp_path / "factcheck.toml") in err


def test_explain_says_what_a_rule_compares(cli):
    run = cli("explain", "numeric.duration")
    text = run.stdout.decode()
    assert run.returncode == 0
    assert text.startswith("numeric.duration  (error, category numeric, kind duration, claims engine)")
    assert "What it compares: Flags a duration" in text and "Contradiction message: The reference gives {reference}" in text
    assert "Flags:\n  - Trump then held a 60-minute call with Zelensky." in text
    assert "frames engine" in cli("explain", "frames.place").stdout.decode()
    wrong = cli("explain", "numeric.durations")
    assert wrong.returncode == 2 and "did you mean 'numeric.duration'?" in wrong.stderr.decode()


def test_unknown_claim_ids_in_markers_and_suppress_are_errors_with_what_was_meant(cli, tmp_path):
    marked = tmp_path / "marked.txt"
    marked.write_text("Oil fell.\nTrump held a 60-minute call with Zelensky. <!-- factcheck: ignore zelensky-call.durration -->\n")
    run = cli("check", marked)
    assert run.returncode == 2
    assert run.stderr.decode().strip() == (f"factcheck: {marked}: line 2: the factcheck marker names claim 'zelensky-call.durration', "
                                           "which no reference has (did you mean 'zelensky-call.duration'?)")
    plain = tmp_path / "plain.txt"
    plain.write_text("Trump held a 60-minute call with Zelensky.\n")
    run = cli("suppress", plain, "--claim", "zelensky-call.duratio", "--suppressions", tmp_path / "s.json")
    assert run.returncode == 2 and "did you mean 'zelensky-call.duration'?" in run.stderr.decode()
    assert not (tmp_path / "s.json").exists()
    (tmp_path / "s.json").write_text('{"suppressions": [{"claim": "zelensky-call.duratio", "sentence": "x", "reason": ""}]}')
    run = cli("check", plain, "--suppressions", tmp_path / "s.json")
    assert run.returncode == 1 and "warning:" in run.stderr.decode() and "did you mean 'zelensky-call.duration'?" in run.stderr.decode()


def test_sarif_rules_carry_help_and_a_help_uri(cli, draft):
    doc = json.loads(cli("check", "--format", "sarif", draft).stdout)
    rules = {r["id"]: r for r in doc["runs"][0]["tool"]["driver"]["rules"]}
    assert rules["numeric.duration"]["helpUri"] == "urn:factcheck:rule:numeric.duration"
    assert rules["numeric.duration"]["help"]["text"].startswith("numeric.duration  (error")
    served = json.loads(cli("check", "--format", "sarif", "--rules-url", "https://fc.example.org/v1/rules/", draft).stdout)
    assert served["runs"][0]["tool"]["driver"]["rules"][0]["helpUri"].startswith("https://fc.example.org/v1/rules/")


def test_quiet_and_suppressions_apply_to_each_file_on_its_own(cli, tmp_path):
    """--quiet once meant something else from the second file on, and a suppression in one file
    hid the next file's findings."""
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text("Trump held a 60-minute call with Zelensky.\n")
    b.write_text("Trump held a 45-minute call with Zelensky. Oil prices fell sharply on Thursday in London.\n")
    assert all(": " in line and " sentence" in line for line in cli("check", "--quiet", a, b).stdout.decode().splitlines()[:2])
    store = tmp_path / "s.json"
    assert cli("suppress", a, "--suppressions", store).returncode == 0
    lines = cli("check", "--color", "never", "--suppressions", store, a, b).stdout.decode().splitlines()
    assert any(line.startswith(f"{b}:1:44: new claim") for line in lines), lines
    assert any(line.startswith(f"{b}:1:14: contradiction") for line in lines), lines


def test_a_flag_choosing_the_reference_wins_over_the_files_choice(cli, tmp_path, monkeypatch):
    (tmp_path / "factcheck.toml").write_text('reference = "wire.txt"\n')
    (tmp_path / "wire.txt").write_text("Trump spoke with Zelensky for 60 minutes.\n")
    (tmp_path / "d.txt").write_text("Trump held a 60-minute call with Zelensky.\n")
    monkeypatch.chdir(tmp_path)
    assert cli("check", "d.txt").returncode == 0                                  # the file's reference
    assert cli("check", "--source", "seed-article", "d.txt").returncode == 1      # the flag's


def test_a_broken_pyproject_of_someone_else_is_not_a_configuration(cli, tmp_path, monkeypatch):
    (tmp_path / "pyproject.toml").write_text("[project\nname=")
    (tmp_path / "d.txt").write_text("Trump held a 60-minute call with Zelensky.\n")
    monkeypatch.chdir(tmp_path)
    assert cli("check", "d.txt").returncode == 1
    (tmp_path / "pyproject.toml").write_text("[tool.factcheck\nshow=")
    run = cli("check", "d.txt")
    assert run.returncode == 2 and "not valid TOML" in run.stderr.decode()


def test_suppressions_recorded_against_an_unnamed_reference_work_against_the_same_file(cli, tmp_path):
    """The page names a pasted article's claims "s01.kill"; the CLI names them after the file."""
    wire, draft, store = tmp_path / "wire.txt", tmp_path / "d.txt", tmp_path / "s.json"
    wire.write_text("The storm killed 12 people in Valencia on Tuesday.\n")
    draft.write_text("The storm killed 15 people in Valencia on Tuesday.\n")
    store.write_text(json.dumps({"suppressions": [{"claim": "s01.kill", "sentence": draft.read_text().strip()}]}))
    run = cli("check", "--reference", wire, "--suppressions", store, draft)
    assert run.returncode == 0 and b"1 suppressed" in run.stdout and b"warning" not in run.stderr


def test_the_reports_own_rule_ids_are_explained_too(cli, draft):
    assert "report engine" in cli("explain", "new.uncovered").stdout.decode()
    doc = json.loads(cli("check", "--format", "sarif", draft).stdout)
    rules = {r["id"]: r for r in doc["runs"][0]["tool"]["driver"]["rules"]}
    assert rules["new.uncovered"]["helpUri"] == "urn:factcheck:rule:new.uncovered"
    assert doc["runs"][0]["columnKind"] == "unicodeCodePoints"
