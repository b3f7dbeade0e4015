"""Where a compared value is written, and how a finding says it (factcheck.located)."""
import pytest

from factcheck.located import Scope, line_starts, locate, message, phrase

TEXT = "Oil fell.\nTrump then held a 60-minute call with Zelensky at 6:07 p.m. on Tuesday."


def scope(lo=0, hi=len(TEXT)):
    return [Scope(TEXT, lo, hi, line_starts=line_starts(TEXT))]


@pytest.mark.parametrize("value, written", [
    ("60 minute", "60-minute"),            # the analysis's words, written with a hyphen
    ("60 minutes", "60-minute"),           # plural against singular
    ("6:07 p.m.", "6:07 p.m."),            # the last full stop is the abbreviation's
    ("zelensky", "Zelensky"),
    ("Tuesday .", "Tuesday"),
])
def test_a_value_is_found_as_written(value, written):
    got = locate(value, scope())
    assert got is not None and got.text == written and TEXT[got.start:got.end] == written
    assert got.line == 2 and got.column == TEXT.index(written) - TEXT.index("\n")


def test_a_value_the_analysis_shortened_is_found_with_the_words_it_left_out():
    text = "The bank cut its rate by half a percentage point on Wednesday."
    assert locate("half point", [Scope(text, 0, len(text))]).text == "half a percentage point"
    assert locate("half Wednesday", [Scope(text, 0, len(text))]) is None        # not three words apart


def test_a_value_is_a_whole_word_in_its_scope_or_nothing():
    assert locate("Trum", scope()) is None                  # not part of a word
    assert locate("affirmed", scope()) is None              # a judgement, not a written value
    assert locate("Oil", scope(lo=TEXT.index("\n"))) is None       # outside the clause
    assert locate("Oil", [Scope(TEXT, 10, 40), Scope(TEXT, 0, 9)]).start == 0   # the next scope is tried


def test_a_scope_of_an_excerpt_reports_positions_in_its_document():
    evidence = "a 90-minute conversation"
    got = locate("90 minutes", [Scope(evidence, 0, len(evidence), offset=744)])
    assert (got.start, got.end, got.line) == (746, 755, None)


@pytest.mark.parametrize("value, reads", [
    ("60-minute", "60 minutes"), ("one-hour", "one hour"), ("$ 12 million", "$12 million"),
    ("June .", "June"), ("50 %", "50%"), ("6:07 p.m.", "6:07 p.m."), ("133 cardinal", "133 cardinal"),
    ("2-point", "2 points"), ("  Kyiv\n", "Kyiv"), ("12 people in", "12 people"), ("Tens of thousands of", "Tens of thousands"),
])
def test_a_value_reads_as_a_sentence_carries_it(value, reads):
    assert phrase(value) == reads


def test_messages_are_sentences():
    conflict = "The reference gives {reference}; this says {found}."
    assert message(conflict, None, "conflict", "90-minute", "60-minute") == "The reference gives 90 minutes; this says 60."
    assert message(conflict, None, "conflict", "Friday", "6:09 p.m.") == "The reference gives Friday; this says 6:09 p.m."
    assert message(conflict, None, "agree", "90 minutes", "90-minute") == "Matches the reference: 90 minutes."
    assert message(conflict, None, "agree", "90 minutes", "an hour and a half") == "Matches the reference, which gives 90 minutes."
    place = "Matches the reference, which places it in {reference}."
    assert message(conflict, place, "agree", "Germany", "Munich") == "Matches the reference, which places it in Germany."
