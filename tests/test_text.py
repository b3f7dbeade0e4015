"""The text layer: folding, tokens, sentences, the phrase gazetteer."""
import json

import pytest

from factcheck.text.gazetteer import Entry, Gazetteer, longest_per_layer
from factcheck.text.normalize import fold
from factcheck.text.sentences import split_sentences
from factcheck.text.tokens import tokenize

from .conftest import DATA

GOLDEN = json.loads((DATA / "splitter_golden.json").read_text())["cases"]


@pytest.mark.parametrize("sentences", GOLDEN, ids=lambda s: s[0][:40])
def test_splitter_golden(sentences):
    text = " ".join(sentences)
    got = split_sentences(text)
    assert [s.text for s in got] == sentences
    assert all(text[s.start:s.end] == s.text for s in got)


def test_line_break_ends_a_sentence_and_offsets_stay_exact():
    text = "Headline without a full stop\n\nFirst sentence. Second one\nthird line."
    got = split_sentences(text)
    assert [s.text for s in got] == ["Headline without a full stop", "First sentence.", "Second one", "third line."]
    assert all(text[s.start:s.end] == s.text for s in got)


def test_unpunctuated_text_is_cut_into_bounded_pieces():
    text = "word " * 10_000
    got = split_sentences(text, max_chars=1500)
    assert all(s.end - s.start <= 1500 for s in got)
    assert "".join(text[s.start:s.end] + " " for s in got).split() == text.split()


@pytest.mark.parametrize("text", ["Zelenskyy’s “direct exchange” — İstanbul\u00a0talks", "ﬁnal Straße ΣΑΣ"])
def test_fold_keeps_length(text):
    assert len(fold(text)) == len(text)


def test_tokens_keep_offsets_and_split_possessives():
    text = "Russia's rare-earth deal, U.S. forces didn't move."
    toks = tokenize(text, offset=10)
    assert [t.norm for t in toks] == ["russia", "'s", "rare", "earth", "deal", ",", "u.s.", "forces", "didn't", "move", "."]
    assert all(text[t.start - 10:t.end - 10] == t.text for t in toks)


def test_gazetteer_prefix_caps_and_longest_match():
    g = Gazetteer()
    for phrase, id_ in [("negotiat*", "negotiate"), ("US", "us"), ("Donald Trump", "trump"), ("Trump", "trump2")]:
        g.add(phrase, Entry("entity" if id_.startswith(("us", "trump")) else "concept", "x", id_, phrase))
    toks = tokenize("Donald Trump told us the US negotiators were negotiating")
    found = [(m.entry.id, m.first, m.last) for m in longest_per_layer(g.find(toks))]
    assert ("trump", 0, 1) in found and ("trump2", 1, 1) not in found     # longest wins
    assert ("us", 5, 5) in found and ("us", 3, 3) not in found           # "US" is not "us"
    assert ("negotiate", 6, 6) in found and ("negotiate", 8, 8) in found


def test_a_clock_time_ends_a_sentence_unless_a_day_or_zone_follows():
    def texts(t):
        return [s.text for s in split_sentences(t)]
    assert texts("Culling began at 2 p.m. Three farms will be cleared.") == ["Culling began at 2 p.m.", "Three farms will be cleared."]
    assert len(texts("It starts at 2 p.m. Friday in Ohio.")) == 1
    assert len(texts("It ended at 3:55 p.m. EDT in Maine.")) == 1
    assert len(texts("The lander came down at about 6:05 p.m. India time.")) == 1
