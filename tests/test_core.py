"""The core is pure (no Flask) and its reports are consistent with the text submitted."""
import subprocess
import sys

from hypothesis import given, settings
from hypothesis import strategies as st


def test_core_does_not_import_flask():
    code = ("import sys, factcheck.engine, factcheck.cli, factcheck.matching, factcheck.analysis; "
            "assert 'flask' not in sys.modules, sorted(m for m in sys.modules if 'flask' in m)")
    subprocess.run([sys.executable, "-c", code], check=True)


def test_findings_span_their_sentence_and_omitted_are_the_rest(checker):
    text = "Trump held a 60-minute call with Zelensky.\n\nPutin invited Trump to Moscow. Oil prices fell sharply on Thursday."
    report = checker.check(text)
    assert [(f.kind, f.claim and f.claim.id) for f in report.findings] == [
        ("contradiction", "zelensky-call.duration"), ("agreement", "moscow-visit.invitation"), ("new_claim", None)]
    for f in report.findings:
        assert text[f.span.start:f.span.end] == f.text
    assert (report.findings[-1].line, report.findings[-1].column) == (3, len("Putin invited Trump to Moscow. ") + 1)
    cited = {f.claim.id for f in report.findings if f.claim}
    assert not cited & {c.id for c in report.omitted}
    assert report.summary.omitted == len(report.omitted) and report.summary.sentences == 3


def test_fragments_and_questions_are_not_new_claims(checker):
    assert checker.check("Oil prices fell. Will the talks succeed in the end?").findings == []


def test_a_sentence_can_agree_and_contradict(checker):
    report = checker.check("Vance is due to sit down with Zelenskyy in Paris, while Bessent heads to Kyiv for talks on rare earth minerals.")
    kinds = {(f.kind, f.claim.id) for f in report.findings}
    assert ("contradiction", "vance-meeting.germany") in kinds and ("agreement", "bessent-trip.ukraine") in kinds


def test_commentary_is_not_a_finding(checker):
    assert checker.check("Whether the talks can succeed is far from certain.").findings == []


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=400))
def test_any_text_gives_spans_inside_it(checker, text):
    report = checker.check(text)
    for f in report.findings:
        assert 0 <= f.span.start < f.span.end <= len(text)
        assert text[f.span.start:f.span.end] == f.text


def test_ellipsis_repeats_the_previous_predicate(checker):
    report = checker.check("Rubio is also on the delegation to the peace talks. So are Waltz and Ratcliffe.")
    second = {f.claim.id for f in report.findings if f.kind == "agreement" and f.text.startswith("So are")}
    assert {"delegation.member-waltz", "delegation.member-ratcliffe"} <= second


def test_it_refers_back_to_the_previous_event(checker):
    report = checker.check("Trump then phoned Zelensky. It lasted about an hour.")
    assert [(f.kind, f.claim.id) for f in report.findings if f.text == "It lasted about an hour."] == [
        ("contradiction", "zelensky-call.duration")]
    # without an event in the sentence before, "it" refers to nothing
    assert checker.check("Oil prices fell sharply. It lasted about an hour.").summary.contradictions == 0


def test_a_text_is_checked_against_the_reference_it_is_about(checker):
    riyadh = checker.check("US and Russian officials met in Jeddah on Tuesday. The talks lasted about two hours.")
    assert riyadh.reference == "riyadh-talks"
    assert {f.claim.id for f in riyadh.findings if f.kind == "contradiction"} == {"riyadh-talks.venue", "riyadh-talks.duration"}
    seed = checker.check("Trump then held a 45-minute call with Zelensky.")
    assert seed.reference == "seed-article" and all(c.source == "seed-article" for c in seed.omitted)


def test_then_relates_the_named_event_to_the_one_before(checker):
    report = checker.check("Trump spoke with Putin on Wednesday. The Republican president later spoke with Zelenskyy.")
    later = {f.claim.id for f in report.findings if f.text.startswith("The Republican") and f.kind == "agreement"}
    assert "zelensky-call.after-putin" in later


def test_a_contradiction_needs_its_claim_in_the_clause(checker):
    report = checker.check("Such guarantees could involve troops from Europe and beyond, Hegseth said, but not American ones.")
    assert report.summary.contradictions == 0
    assert "hegseth.no-us-forces" in {f.claim.id for f in report.findings}


def test_a_companion_is_not_the_missing_counterpart(checker):
    assert checker.check("Vance and Rubio will lead the talks in Germany.").summary.contradictions == 0
    assert checker.check("Vance will hold talks with Putin in Germany.").summary.contradictions == 1
