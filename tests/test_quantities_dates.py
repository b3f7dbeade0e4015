"""Numbers, durations, counts and dates read from text, with the bundled lexicon."""
import math

import pytest

from factcheck.text.dates import find_dates
from factcheck.text.quantities import find_ordinals, find_quantities
from factcheck.text.tokens import tokenize


@pytest.fixture(scope="module")
def words(checker):
    return checker.lexicon.numbers


@pytest.mark.parametrize("text, lo, hi", [
    ("a 90-minute call", 90, 90),
    ("ninety minutes", 90, 90),
    ("an hour and a half", 90, 90),
    ("one and a half hours", 90, 90),
    ("1.5 hours", 90, 90),
    ("a half-hour call", 30, 30),
    ("half an hour", 30, 30),
    ("an hour-long call", 60, 60),
    ("about an hour", 51, 69),
    ("more than an hour", 60, math.inf),
    ("nearly two hours", 102, 120),
    ("four and a half hours", 270, 270),
    ("just over an hour", 60, 75),
    ("two-hour conversation", 120, 120),
])
def test_durations_in_minutes(words, text, lo, hi):
    qs = [q for q in find_quantities(tokenize(text), words) if q.dimension == "duration"]
    assert len(qs) == 1
    assert (round(qs[0].lo, 6), qs[0].hi) == (lo, hi)


@pytest.mark.parametrize("text", ["one day after the call", "two weeks later", "six months before"])
def test_time_relations_are_not_durations(words, text):
    assert not [q for q in find_quantities(tokenize(text), words) if q.dimension == "duration"]


@pytest.mark.parametrize("text, value, noun", [
    ("a two-person delegation", 2, "delegation"),
    ("a three-member team", 3, "team"),
    ("a pair of calls", 2, "calls"),
    ("more than 40 of its allies", 40, "of"),
])
def test_counts(words, text, value, noun):
    qs = [q for q in find_quantities(tokenize(text), words) if q.dimension == "count"]
    assert qs and qs[0].lo == value and qs[0].noun == noun


def test_money_and_years(words):
    qs = find_quantities(tokenize("lost more than $300 billion since 2022"), words)
    assert [(q.dimension, q.lo) for q in qs] == [("money", 300e9)]


def test_ordinals(words):
    assert [o.value for o in find_ordinals(tokenize("the second direct engagement, not the first"), words)] == [2, 1]


@pytest.mark.parametrize("text, year, month, day, relation", [
    ("since February 2022", 2022, 2, None, "since"),
    ("on Feb. 12", None, 2, 12, "at"),
    ("on 14 February", None, 2, 14, "at"),
    ("the pre-2014 borders", 2014, None, None, "before"),
    ("the visit is set for March", None, 3, None, "at"),
    ("they met again on 27 March", None, 3, 27, "at"),
])
def test_dates(checker, text, year, month, day, relation):
    d = find_dates(tokenize(text), checker.lexicon.dates)
    assert [(x.year, x.month, x.day, x.relation) for x in d if x.year or x.month] == [(year, month, day, relation)]


def test_modal_may_is_not_a_month(checker):
    assert not find_dates(tokenize("Ukraine may need to make concessions"), checker.lexicon.dates)
