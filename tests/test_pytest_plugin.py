"""The pytest plugin and factcheck.testing, run inside pytest itself (pytester)."""
import json
import re
import shutil

from factcheck.paths import data_dir

from .conftest import ROOT


def readme_example() -> str:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    block = re.search(r"<!-- pytest-plugin-example -->\n```python\n(.*?)```", text, re.S)
    return block.group(1)


def test_the_readme_example_passes_as_it_is(pytester):
    source = readme_example()
    assert len(source.strip().splitlines()) == 5
    pytester.makepyfile(test_desk=source)
    result = pytester.runpytest_subprocess("-p", "no:cacheprovider")
    result.assert_outcomes(passed=1)


def test_failure_message_shows_expected_found_and_hides_helper_frames(pytester):
    pytester.makepyfile(test_fail='''
        from factcheck.testing import assert_contradicts

        def test_it(factchecker):
            assert_contradicts("Trump spoke with Zelensky for an hour and a half.", claim="zelensky-call.duration")
    ''')
    result = pytester.runpytest_subprocess("-p", "no:cacheprovider")
    result.assert_outcomes(failed=1)
    result.stdout.re_match_lines([re.escape(line) for line in [
        "E       AssertionError: expected a contradiction (claim=zelensky-call.duration) in:",
        "E         'Trump spoke with Zelensky for an hour and a half.'",
        "E       found instead:",
        "E         agreement     zelensky-call.duration             [numeric.duration: Matches the reference, "
        "which gives 90 minutes.; match.anchors: Matched on call, zelensky.] score 0.69",
    ]])
    result.stdout.no_fnmatch_line("*factcheck/testing.py*")


def test_nearest_claims_when_nothing_matched(pytester):
    pytester.makepyfile(test_near='''
        from factcheck.testing import assert_contradicts

        def test_it():
            assert_contradicts("The minerals deal was signed in Kyiv.")
    ''')
    result = pytester.runpytest_subprocess("-p", "no:cacheprovider")
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(["E       nearest claims:", "E         * 0.*", "E         * 0.*", "E         * 0.*"])
    listed = result.stdout.str().split("nearest claims:")[1].splitlines()[1:4]
    assert any("bessent-trip.minerals-deal" in line for line in listed), listed


def test_every_helper_passes_and_fails(pytester):
    pytester.makepyfile(test_helpers='''
        import pytest
        from factcheck.testing import assert_agrees, assert_contradicts, assert_new_claim, assert_no_contradictions

        def test_pass(factchecker):
            found = assert_contradicts("Vance will meet Zelensky in Paris.", category="location", rule="location.place")
            assert found[0].claim.id == "vance-meeting.germany"
            assert assert_agrees("Vance will meet Zelensky in Munich.")[0].claim.id == "vance-meeting.germany"
            assert assert_new_claim("Oil prices fell sharply on Thursday.")[0].kind == "new_claim"
            assert assert_no_contradictions("Oil prices fell sharply on Thursday.")

        @pytest.mark.parametrize("call", [
            'assert_agrees("Vance will meet Zelensky in Paris.")',
            'assert_new_claim("Vance will meet Zelensky in Munich.")',
            'assert_no_contradictions("Vance will meet Zelensky in Paris.")',
            'assert_contradicts("Vance will meet Zelensky in Paris.", category="numeric")',
        ])
        def test_fail(call):
            with pytest.raises(AssertionError):
                eval(call)

        def test_unknown_claim_id_is_named():
            with pytest.raises(AssertionError, match="no claim 'zelensky-call.length'.*did you mean: zelensky-call"):
                assert_contradicts("anything", claim="zelensky-call.length")
    ''')
    result = pytester.runpytest_subprocess("-p", "no:cacheprovider")
    result.assert_outcomes(passed=6)


def test_other_reference_data_by_option_and_ini(pytester, tmp_path):
    seeds = tmp_path / "seeds"
    shutil.copytree(data_dir("seeds"), seeds)
    path = seeds / "seed-article" / "claims.json"
    data = json.loads(path.read_text())
    for claim in data["claims"]:
        if claim["id"] == "zelensky-call.duration":
            claim["slots"]["duration"] = {"value": 60, "text": "60 minutes"}
    path.write_text(json.dumps(data))
    pytester.makepyfile(test_other='''
        from factcheck.testing import assert_agrees

        def test_it(factchecker):
            assert_agrees("Trump held a 60-minute call with Zelensky.", claim="zelensky-call.duration")
    ''')
    pytester.runpytest_subprocess("-p", "no:cacheprovider").assert_outcomes(failed=1)
    pytester.runpytest_subprocess("-p", "no:cacheprovider", f"--factcheck-seeds={seeds}").assert_outcomes(passed=1)
    pytester.makeini(f"[pytest]\nfactcheck_seeds = {seeds}\n")
    pytester.runpytest_subprocess("-p", "no:cacheprovider").assert_outcomes(passed=1)
