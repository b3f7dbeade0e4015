"""The frame analysis and any-article references: each stage, the kinds, extraction, the CLI and API."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from collections import Counter
from pathlib import Path

import jsonschema
import pytest

from factcheck import schemas
from factcheck.frames.analyse import analyse_document
from factcheck.frames.checker import FrameChecker
from factcheck.frames.extract import claims_file
from factcheck.frames.kinds import KINDS, titles_compatible
from factcheck.frames.rule_tests import run_frame_examples
from factcheck.paths import data_dir

from .conftest import report_of

ROOT = Path(__file__).resolve().parents[1]
OWN_REFS = sorted(p for p in (ROOT / "tests" / "refs").iterdir() if (p / "reference.txt").is_file())
GOLDEN = ROOT / "tests" / "data" / "frames_golden.json"


@pytest.fixture(scope="module")
def fc() -> FrameChecker:
    return FrameChecker.load(data_dir("rules"))


def verdicts_against(fc, ref):
    """A function giving the kinds of the findings a text gets against `ref`."""
    return lambda text: [f.kind for f in fc.check(text, ref).findings]


def frames_of(fc, text, known=None):
    sentences, _ = analyse_document(text, fc.english, known=known)
    return [f for fs in sentences for f in fs]


# --- analysis stages --------------------------------------------------------------------------

def test_titles_before_after_and_lower_case(fc):
    (f,) = frames_of(fc, "Foreign Minister Andrii Sybiha met Marco Rubio, the secretary of state, in Riyadh.")
    titles = {e.key: e.title for e in f.titles}
    assert titles == {"sybiha": "foreign minister", "rubio": "secretary of state"}
    (g,) = frames_of(fc, "The talks were led by foreign minister Andrii Sybiha.")
    assert [(e.key, e.title) for e in g.titles] == [("sybiha", "foreign minister")]


@pytest.mark.parametrize("text, key, title", [
    ("The group's secretary general, Terumi Tanaka, is a survivor.", "tanaka", "secretary general"),
    ("Another co-chair, Terumi Tanaka, 92, was 13.", "tanaka", "co chair"),
    ("In Hiroshima, Toshiyuki Mimaki, 82, one of the group's three co-chairs, waited.", "mimaki", "co chair"),
])
def test_titles_after_a_possessive_an_age_or_one_of(fc, text, key, title):
    assert [(e.key, e.title) for f in frames_of(fc, text) for e in f.titles] == [(key, title)]


def test_a_hyphenated_name_is_a_place_or_site_not_a_person(fc):
    (f, g) = frames_of(fc, "When the doors of Notre-Dame swung open, Jean-Louis Georgelin's successor spoke in Saint-Denis, north of Paris.")
    names = {e.text: e.kind for fr in (f, g) for e in fr.agents + fr.participants}
    assert names.get("Notre-Dame") == "name" and not any(e.kind == "person" and "Dame" in e.text for fr in (f, g) for e in fr.people)
    assert "saint-denis-fr" in [p.place for fr in (f, g) for p in fr.places]


def test_titles_of_one_office_and_of_two():
    from factcheck.frames.english import load_english
    from factcheck.frames.kinds import titles_compatible
    en = load_english(data_dir("rules"))
    assert titles_compatible("co chairperson", "co chair", en) and titles_compatible("chairman", "chair", en)
    assert titles_compatible("spacex engineer", "spacex engineering manager", en)
    assert not titles_compatible("secretary general", "co chair", en) and not titles_compatible("former president", "president", en)


def test_later_mentions_by_surname_pronoun_and_misspelling(fc):
    text = "Cardinal Robert Prevost was elected on Thursday. Prevost is 69. He spoke in Italian. Provost smiled."
    frames = frames_of(fc, text)
    people = [e.key for f in frames for e in f.agents + f.participants if e.kind == "person"]
    assert people.count("prevost") == 4


def test_places_with_containment(fc):
    places = fc.english.places
    (munich,) = places.lookup("Munich")
    assert places.related(munich, "de") and not places.related(munich, "fr")
    (f,) = frames_of(fc, "He greeted his former diocese of Trujillo in Peru.")
    assert [p.place for p in f.places] == ["trujillo-pe", "pe"]      # the Peruvian Trujillo, not the Venezuelan one


def test_first_level_divisions_of_every_country_contain_their_cities(fc):
    places = fc.english.places
    toronto = places.resolve(places.lookup("Toronto"), set())
    assert places.related(toronto, "ca-ontario") and not places.related(toronto, "ca-quebec")
    assert places.lookup("North Kivu") == places.lookup("Nord-Kivu") == ["cd-nord-kivu"]     # English compass words
    assert not places.lookup("Eastern") and not places.lookup("Centre")      # everyday words are no places
    (f,) = frames_of(fc, "The strain appeared in southern Ontario.")
    assert [(p.place, p.prep) for p in f.places] == [("ca-ontario", "in")]   # the province, and "in" past "southern"


@pytest.mark.parametrize("text, places", [
    ("The Tour reached Nice on Sunday.", ["nice-fr"]),                   # "Tour" is no town here; Nice is, after a verb of going
    ("Federal Police said the Green party won.", []),
    ("Ferries sailed to Nice.", ["nice-fr"]),
    ("The Dali's crew of 22 were safe.", []),                            # a ship's name, not the Chinese city
    ("A teacher in the Portland area found it.", ["portland-us"]),
])
def test_names_that_only_look_like_towns(fc, text, places):
    assert [p.place for f in frames_of(fc, text) for p in f.places] == places


def test_a_big_city_is_not_read_as_a_small_town_of_the_country_named_nearby(fc):
    places = fc.english.places
    assert places.resolve(places.lookup("Moscow"), {"us"}) == "moscow-ru"
    assert places.resolve(places.lookup("Moscow"), {"us", "us-id"}) == "moscow-us"      # "Moscow, Idaho"
    assert places.resolve(places.lookup("Trujillo"), {"pe"}) == "trujillo-pe"


def test_values_in_words_and_shapes(fc):
    (f,) = frames_of(fc, "One hundred and thirty-three cardinals voted, and tens of thousands of people watched.")
    amounts = {(a.dimension, a.lo, a.hi) for a in f.amounts}
    assert ("count", 133, 133) in amounts and ("count", 20000, 99999) in amounts
    (g,) = frames_of(fc, "The Fed cut rates by half a percentage point at 2 p.m. on Wednesday, 18 September 2024.")
    assert [(a.dimension, a.value) for a in g.amounts] == [("points", 50)]
    assert [t.minutes for t in g.times] == [14 * 60]
    assert [(d.year, d.month, d.day) for d in g.dates if d.year] == [(2024, 9, 18)]


def test_ratios_are_shares_and_a_count_with_no_noun_after_it_counts_the_noun_before(fc):
    (f,) = frames_of(fc, "Roughly one patient in twenty stopped treatment.")
    assert [(a.dimension, a.value) for a in f.amounts] == [("percent", 5)]
    shares = [(a.dimension, a.value) for g in frames_of(fc, "Two in five climbers were hurt. Three out of 10 voted.") for a in g.amounts]
    assert shares == [("percent", 40), ("percent", 30)]
    (h,) = frames_of(fc, "He scored 2 in 2019.")          # a year is no whole
    assert [a.dimension for a in h.amounts] == ["count"]
    counts = [(a.noun, a.value) for k in frames_of(fc, "The ship had a crew of about 22. It gave him a majority of 184.")
              for a in k.amounts if not a.vague]
    assert counts == [("crew", 22), ("majority", 184)]       # "crew", not the verb "crow"


@pytest.mark.parametrize("text, verb, negated", [
    ("No deaths in the trial were linked to the treatment.", "link", True),     # a negated subject negates its verb
    ("None of the 177 people aboard the flight was injured.", "injure", True),
    ("The committee did not have his phone number.", "have", True),            # "have" with an object is a verb
    ("Computers running Linux were hit as well.", "hit", False),               # a participle like its base
    ("The gang tried one window without success before cutting the grille.", "cut", False),   # "without" a noun
    ("He left without ever saying goodbye.", "say", True),
    ("No, the minister said on Monday that he had resigned.", "resign", False),   # an answer, not a subject
])
def test_verbs_and_their_negation(fc, text, verb, negated):
    (f,) = frames_of(fc, text)
    assert f.verbs[verb][0] is negated


def test_a_rank_within_some_is_not_the_rank_in_the_series(fc):
    ref = fc.extract("Robert Prevost was elected the 267th pope on Thursday.")
    report = fc.check("The cardinals chose Robert Prevost as the first pope from the United States on Thursday.", ref)
    assert "contradiction" not in {f.kind for f in report.findings}
    report = fc.check("Robert Prevost was elected the 266th pope on Thursday.", ref)
    assert "contradiction" in {f.kind for f in report.findings}


def test_a_right_title_that_only_names_someone_leaves_the_verdict_to_what_is_said_of_them(fc):
    ref = fc.extract((ROOT / "tests" / "refs" / "mexico" / "reference.txt").read_text(encoding="utf-8"))
    report = fc.check("Outgoing President Andrés Manuel López Obrador did not congratulate Sheinbaum on election night.", ref)
    assert [f.kind for f in report.findings] == ["contradiction"]
    assert report.findings[0].rules[0].category == "negation"


@pytest.mark.parametrize("text, dimension, lo, hi", [
    ("more than fifteen thousand six hundred cases", "count", 15600, None),
    ("two thousand and five hundred people", "count", 2500, 2500),
    ("two dozen eggs", "count", 24, 24),
    ("Vingegaard was 1 minute 3 seconds slower.", "duration", 1.05, 1.05),
    ("Google paid $26 billion.", "money", 25.5e9, 26.5e9),          # as precise as its last digit
    ("Google paid $26.3 billion.", "money", 26.25e9, 26.35e9),
])
def test_figures_in_words_units_and_implied_precision(fc, text, dimension, lo, hi):
    (a,) = [a for f in frames_of(fc, text) for a in f.amounts]
    assert a.dimension == dimension and a.lo == pytest.approx(lo) and (hi is None or a.hi == pytest.approx(hi))


def test_a_count_is_compared_with_the_count_of_its_own_noun(fc):
    ref = fc.extract("In the past month, more than 100 laboratory-confirmed cases were reported in four countries.")
    report = fc.check("In the past month, fewer than 90 laboratory-confirmed cases were reported in four countries.", ref)
    assert [f.kind for f in report.findings] == ["contradiction"]


def test_words_that_bound_a_figure_are_no_opposites(fc):
    from functools import partial

    from factcheck.frames.kinds import _bounds
    _bounds = partial(_bounds, en=fc.english)
    assert _bounds("on three or more medicines, fewer than 90 cases, at least $5") == {"more", "fewer", "least"}
    assert _bounds("more than thirteen people") == {"more"}
    assert _bounds("flies fewer MAX 9s than any other carrier") == set()      # a comparison keeps its opposite
    assert _bounds("more than double the price") == set()


def test_equal_figures_in_other_units_agree(fc):
    ref = fc.extract("Stacked together, the booster and the ship stand about 121 metres tall.")
    report = fc.check("Fully stacked, the booster and ship stand about 397 feet tall.", ref)
    assert [f.kind for f in report.findings] == ["agreement"]


@pytest.mark.parametrize("text, amounts", [
    ("Three cases in 12 countries were reported.", [("count", 3), ("count", 12)]),     # two counts, no share
    ("It lasted between two hours and 30 minutes.", [("duration", 120), ("duration", 30)]),   # a range, not a sum
    ("She worked 12 hours a day for $15 a day.", [("duration", 720), ("money", 15)]),   # rates are no durations
])
def test_figures_that_are_not_shares_sums_or_durations(fc, text, amounts):
    assert [(a.dimension, a.value) for f in frames_of(fc, text) for a in f.amounts] == amounts


def test_one_digit_with_a_scale_word_is_not_widened(fc):
    ref = fc.extract("The company paid $2 billion for the stake on Monday.")
    report = fc.check("The company paid $2.4 billion for the stake on Monday.", ref)
    assert [f.kind for f in report.findings] == ["contradiction"]


def test_a_lieutenant_is_an_office_and_a_rank_before_another():
    from factcheck.frames.kinds import titles_compatible
    from factcheck.frames.english import load_english
    en = load_english(data_dir("rules"))
    assert not titles_compatible("captain", "lieutenant", en) and titles_compatible("lieutenant", "lieutenant", en)
    assert not titles_compatible("lieutenant governor", "governor", en)


def test_ages(fc):
    ages = [(a.dimension, a.value, a.text) for f in frames_of(fc, "Police arrested two men aged about 34 and 41 in Lyon. "
                                                               "Francis died at the age of 88.") for a in f.amounts if a.dimension == "age"]
    assert [(d, v) for d, v, _ in ages] == [("age", 34), ("age", 41), ("age", 88)] and ages[0][2] == "about 34"


def test_too_early_to_rule_out_leaves_it_open(fc):
    (f,) = frames_of(fc, "Doctors said it was too early to rule out the loss of two fingers.")
    assert f.modality == "possible"


def test_durations_add_up_and_rates_are_no_durations(fc):
    (f,) = frames_of(fc, "He needed two hours and 27 minutes to win.")
    assert [(a.dimension, a.value) for a in f.amounts] == [("duration", 147)]
    rates = [a.dimension for g in frames_of(fc, "The tablet is taken once a day. The plant makes 1.2 million fridges a year.")
             for a in g.amounts]
    assert rates == ["count"]
    (h,) = frames_of(fc, "It rained for a day.")
    assert [(a.dimension, a.value) for a in h.amounts] == [("duration", 24 * 60)]


def test_a_figure_the_agreeing_claim_does_not_give_is_checked_against_the_claim_that_does(fc):
    # the departure claim agrees (Portland, Ontario, California) and gives no altitude; the take-off
    # claim gives 16,000 feet
    ref = fc.extract((ROOT / "tests" / "refs" / "door-plug" / "reference.txt").read_text(encoding="utf-8"))
    report = fc.check("The flight had left Portland, Oregon, for Ontario, California, at 5:07 p.m., and it was at roughly "
                      "26,000 feet when the panel gave way.", ref)
    kinds = {f.kind for f in report.findings}
    messages = " ".join(r.message for f in report.findings for r in f.rules)
    assert "contradiction" in kinds and "16,000 feet" in messages


def test_counts_count_the_head_of_their_noun_phrase(fc):
    (f,) = frames_of(fc, "Some 2,000 craftspeople worked on it.")          # a thousands comma is no year
    assert [(a.value, a.noun) for a in f.amounts] == [(2000, "craftspeople")]
    (g,) = frames_of(fc, "All three main US stock indexes closed lower.")
    assert [(a.value, a.noun) for a in g.amounts if a.dimension == "count"] == [(3, "index")]
    (h,) = frames_of(fc, "Most of those on board suffered minor injuries.")  # Most is a town in Czechia, and a word
    assert not h.places


@pytest.mark.parametrize("text, shares", [
    ("Most patients who took the drug developed raised potassium.", [(51, 99.9, "patient")]),
    ("It evacuated every one of its production lines.", [(100, 100, "line")]),
    ("It evacuated some of its production lines.", [(1, 99, "line")]),
    ("Only one of the three main US stock indexes ended lower.", [(100 / 3, 100 / 3, "index")]),
    ("Google keeps 36 percent of the revenue from search.", [(36, 36, "revenue")]),
    ("More than 60 people spoke, most of them against the cuts.", [(51, 99.9, "*")]),
    ("It was the most common side effect.", []),                      # a superlative, not a share
    ("They met every year and, after all, at all times.", []),        # how often, and no share at all
])
def test_shares_of_a_set(fc, text, shares):
    (f, *_) = frames_of(fc, text)
    got = [(a.lo, a.hi, a.noun) for a in f.amounts if a.dimension == "percent"]
    assert [(round(lo, 3), round(hi, 3), noun) for lo, hi, noun in got] == [(round(lo, 3), round(hi, 3), n) for lo, hi, n in shares]


def test_a_share_contradicts_another_share_of_the_same_set(fc):
    ref = fc.extract("All three major US stock indexes closed slightly lower on Wednesday. "
                     "The side effect was seen in 6 percent of patients on the drug.")
    kinds = verdicts_against(fc, ref)
    assert kinds("Only one of the three main US stock indexes ended Wednesday lower.") == ["contradiction"]
    assert kinds("Most patients on the drug saw the side effect.") == ["contradiction"]
    assert kinds("All three main US stock indexes ended Wednesday lower.") == ["agreement"]


def test_places_belong_to_their_verb(fc):
    ref = fc.extract("Totality entered the United States near Eagle Pass, Texas, and left through Maine at 3:35 p.m.")
    report = fc.check("The shadow entered the United States through Maine and left it near Eagle Pass, Texas.", ref)
    assert [f.kind for f in report.findings] == ["contradiction"]
    (f,) = frames_of(fc, "The craft was launched from Vandenberg Space Force Base in California on 5 December.")
    assert [(p.place, p.prep, p.verb) for p in f.places] == [("?vandenberg space force base", "from", "launch"), ("us-ca", "from", "launch")]


def test_names_where_something_is_are_sites_not_people(fc):
    frames = frames_of(fc, "Halcyon-1 was launched from Cape Canaveral, Florida, and settled in Mare Crisium.")
    assert not [e for f in frames for e in f.agents + f.participants if e.kind == "person"]
    # Florida, not the town in Uruguay, and where it was launched from
    assert [(p.place, p.prep) for f in frames for p in f.places] == [("?cape canaveral", "from"), ("us-fl", "from"), ("?mare crisium", "in")]
    (g,) = frames_of(fc, "Flight 1282 was heading to Ontario, in Southern California.")
    assert [p.place for p in g.places] == ["ontario-us", "us-ca"]


def test_sums_in_every_currency_and_only_against_their_own(fc):
    (f,) = frames_of(fc, "The pieces were worth about €32 million, or £27 million.")
    assert [(a.dimension, a.noun, a.value) for a in f.amounts] == [("money", "euro", 32e6), ("money", "pound", 27e6)]
    ref = fc.extract("The director put the value of the stolen pieces at about €23 million.")
    assert [x.kind for x in fc.check("The director said the pieces were worth about €32 million.", ref).findings] == ["contradiction"]
    assert [x.kind for x in fc.check("The director said the pieces were worth about €23 million.", ref).findings] == ["agreement"]


def test_participles_and_base_form_past_tenses(fc):
    (f,) = frames_of(fc, "The museum's director, Antoine Bérard, put the value of the stolen pieces at about €23 million.")
    assert f.predicate == "put" and set(f.verbs) == {"put"}
    (g,) = frames_of(fc, "The Dali's crew of 22 were all safe.")
    assert "crow" not in g.verbs


@pytest.mark.parametrize("text, verb, level", [
    ("The company agreed to consider phasing out the two-tier pay system.", "phase", "possible"),
    ("Southgate declined to say whether he would stay on.", "stay", "possible"),
    ("Southgate confirmed that he would stay on.", "stay", "asserted"),
])
def test_deliberation_and_open_questions_leave_an_act_possible(fc, text, verb, level):
    (f,) = frames_of(fc, text)
    assert f.verbs[verb][1] == level


@pytest.mark.parametrize("text, people", [
    ("Hurricane Helene and the Grand Slam final were named after Cape Canaveral.", []),
    ("Grant Shapps and Penny Mordaunt lost their seats.", ["shapps", "mordaunt"]),         # given names that are English words
    ("Substitute Mikel Oyarzabal scored the winner.", ["oyarzabal"]),                   # a role word before the name
    ("Volodymyr Zelensky met Xóchitl Gálvez.", ["zelensky", "gálvez"]),                # names no list knows
])
def test_a_name_that_begins_with_an_english_word_is_no_persons(fc, text, people):
    frames = frames_of(fc, text)
    assert [e.key for f in frames for e in f.agents + f.participants if e.kind == "person"] == people


def test_what_a_figure_counts(fc):
    (f,) = frames_of(fc, "The agency said nine people had died and 1,101 had been hurt.")
    assert [a.noun for a in f.amounts] == ["people", "people"]                 # the noun left out after "and"
    (g,) = frames_of(fc, "Dozens of states joined the suit, as did 11 states in 2020.")
    assert [a.noun for a in g.amounts] == ["state", "state"]                   # a state, not "say" of its paraphrase group
    (h,) = frames_of(fc, "Emergency departments at all 11 of the group's hospitals are diverting ambulances.")
    assert [a.noun for a in h.amounts if a.dimension == "count"] == ["hospital"]   # "11 of" its hospitals are hospitals
    ref = fc.extract("A train derailed; 31 people were hurt, four of them seriously.")
    assert "contradiction" not in [x.kind for x in fc.check("Thirty-one of those aboard were injured.", ref).findings]


@pytest.mark.parametrize("text, amounts", [
    ("Police had emptied the town in an hour and a quarter.", [("duration", 75)]),
    ("Each player had a quarter of an hour.", [("duration", 15)]),
    ("They had a 10-second increment per move.", [("duration", 10 / 60)]),
    ("He receives 1.35 million US dollars.", [("money", 1.35e6)]),
    ("The two had drawn ten of their 14 classical games.", [("count", 10), ("percent", 100 * 10 / 14), ("count", 14)]),
    # half of a dozen or of a scale word is a number; a range's first number takes the second's scale and unit
    ("Half a dozen bidders chased it.", [("count", 6)]),
    ("It cost half a million euros.", [("money", 5e5)]),
    ("They expected between 60 and 80 million kronor.", [("money", 6e7), ("money", 8e7)]),
    ("It sold for $2 to $3 billion.", [("money", 2e9), ("money", 3e9)]),
    ("The talks lasted 3 to 4 hours.", [("duration", 180), ("duration", 240)]),
])
def test_figures_in_compound_shapes(fc, text, amounts):
    (f,) = frames_of(fc, text)
    got = [(a.dimension, a.value) for a in f.amounts if a.dimension != "count" or a.noun not in ("have", "two", "*")]
    got = [g for g in got if g != ("percent", 100.0)]          # ("each player": all of them)
    assert [(d, pytest.approx(v)) for d, v in amounts] == got


def test_figures_that_can_be_equal_are_no_contradiction(fc):
    ref = fc.extract("The airport, about 20 kilometres north-west of the fissure, stayed open. "
                     "The lava had slowed to a few metres an hour by Monday afternoon. "
                     "The remaining ten games were drawn. Raghavan won games four and nine.")
    for text in ("The airport, about 12 miles from the fissure, remained open.",       # 12 miles is about 19 km
                 "The flow covered as much as 100 metres an hour before slowing by Monday afternoon.",   # a bound, no opposite
                 "The two had drawn ten of their 14 classical games.",
                 "Brenner lost game nine."):                                           # the converse act of another person
        assert "contradiction" not in [x.kind for x in fc.check(text, ref).findings], text


def test_an_approximate_count_allows_no_more_than_its_rounding(fc):
    def span(text):
        (f,) = frames_of(fc, text)
        return [(a.lo, a.hi) for a in f.amounts]
    (lo, hi), = span("Athletes sailed on about 85 boats.")               # rounded to 5: a few either way
    assert lo < 85 < hi and not lo <= 94 <= hi
    (lo, hi), = span("About 1,000 people left their homes.")             # rounded to 1,000: the approximator's slack
    assert lo <= 880 and hi >= 1120
    ref = fc.extract("Athletes sailed past the landmarks on about 85 boats.")
    kinds = verdicts_against(fc, ref)
    assert kinds("The athletes sailed past the landmarks on a fleet of 94 boats.") == ["contradiction"]
    assert kinds("The athletes sailed past the landmarks on 86 boats.") == ["agreement"]


def test_a_figure_with_its_noun_left_out_counts_what_the_clause_names(fc):
    def counts(text):
        return [(a.noun, a.value) for f in frames_of(fc, text) for a in f.amounts if a.dimension == "count"]
    assert counts("The SNP, which had won 48 seats in 2019, fell to nine.") == [("seat", 48), ("seat", 9)]
    assert counts("That brought the number of troops in the region to about 17,500.") == [("troop", 17500)]
    assert counts("She was heading for Marquette with 37 people aboard.") == [("people", 37)]    # not the adverb


def test_a_vote_passed_by_a_tally(fc):
    ref = fc.extract("The council approved the budget by 14 votes to 6.")
    kinds = verdicts_against(fc, ref)
    assert kinds("The budget passed 16-4.") == ["contradiction"]
    assert kinds("The budget passed 14-6.") == ["agreement"]


def test_declining_to_rule_something_out_leaves_it_open(fc):
    (f,) = frames_of(fc, "Lachance declined to rule out a return to quantitative easing.")
    assert f.verbs["rule"] == (True, "ruled_out") and f.verbs["decline"] == (False, "asserted")
    ref = fc.extract("Lachance ruled out a return to quantitative easing.")
    finding, = fc.check("Lachance declined to rule out a return to quantitative easing.", ref).findings
    assert finding.kind == "contradiction" and finding.rules[0].category == "modality"


def test_an_agency_that_rules_something_out_contradicts_it_done(fc):
    ref = fc.extract("The Japan Meteorological Agency issued a tsunami warning for Okinawa.")
    kinds = verdicts_against(fc, ref)
    assert kinds("The Japan Meteorological Agency ruled out any tsunami warning for Okinawa.") == ["contradiction"]
    assert kinds("A tsunami warning for Okinawa was regarded as out of the question.") != ["contradiction"]   # a judgement


def test_a_generic_office_with_what_it_heads_is_an_office(fc):
    ref = fc.extract("Tony Estanguet, the head of the Paris 2024 organising committee, addressed the athletes. "
                     "Henrik Aalto, the president of FIDE, presented the trophy.")
    kinds = verdicts_against(fc, ref)
    assert kinds("Tony Estanguet, the French sports minister, addressed the athletes.") == ["contradiction"]
    assert kinds("Tony Estanguet, the organising committee's chief, addressed the athletes.") == ["agreement"]
    # a name may be what the other office's words describe
    assert kinds("Henrik Aalto, the head of the international chess federation, presented the trophy.") == ["agreement"]


def test_clock_times_in_two_named_time_zones_are_compared_as_one_instant(fc):
    (f,) = frames_of(fc, "It went out at 04:09 UTC, 05:09 BST, and at 7:25 a.m. Eastern time.")
    assert [(t.minutes, t.zone) for t in f.times] == [(249, (0,)), (309, (1,)), (445, (-5, -4))]
    ref = fc.extract("Milton made landfall near Siesta Key at about 8:30 p.m. EDT on Wednesday.")
    kinds = verdicts_against(fc, ref)
    assert kinds("Milton made landfall near Siesta Key at about 8:30 p.m. Central time on Wednesday.") == ["contradiction"]
    assert kinds("Milton made landfall near Siesta Key at about 7:30 p.m. CDT on Wednesday.") == ["agreement"]
    assert kinds("Milton made landfall near Siesta Key at about 8:30 p.m. on Wednesday.") == ["agreement"]   # no zone: as written


def test_the_people_an_adjective_describes_are_a_set(fc):
    def shares(text):
        return [(a.dimension, a.value, a.noun) for f in frames_of(fc, text) for a in f.amounts]
    assert shares("Every one of the injured was taken to hospital.") == [("percent", 100, "injured")]
    assert shares("Eleven of the injured were treated.") == [("count", 11, "injured")]
    assert shares("Most of the stolen pieces were found.")[0][2] == "piece"      # a participle before its noun


def test_an_equal_count_under_another_noun_agrees_in_a_close_clause(fc):
    ref = fc.extract("The brooch was slightly damaged, and the other ten objects are still missing.")
    kinds = verdicts_against(fc, ref)
    assert kinds("The brooch was slightly damaged, and the ten other items are still missing.") == ["agreement"]
    assert "contradiction" not in kinds("The brooch was slightly damaged, and the nine other items are still missing.")


def test_where_a_company_is_based_is_checked_whatever_else_the_clause_says(fc):
    ref = fc.extract("CrowdStrike withdrew the update at 05:27 UTC. CrowdStrike is based in Austin, Texas.")
    (f,) = frames_of(fc, "Delta Air Lines, the Atlanta-based carrier, cancelled flights.")
    assert [(k, p.text) for k, p in f.bases] == [("delta air lines", "Atlanta")]
    (g,) = frames_of(fc, "Officials said the Atlanta-based carrier cancelled flights.")
    assert g.bases == []                                         # no company named: nothing to check
    kinds = verdicts_against(fc, ref)
    assert kinds("CrowdStrike, which is headquartered in San Francisco, withdrew the update at 05:27 UTC.") == ["contradiction"]
    assert kinds("CrowdStrike, which is headquartered in Austin, withdrew the update at 05:27 UTC.") == ["agreement"]
    assert kinds("The Austin-based CrowdStrike withdrew the update at 05:27 UTC.") == ["agreement"]


def test_a_verb_keeps_its_own_lemma_where_its_paraphrase_group_names_a_noun(fc):
    (f,) = frames_of(fc, "The ship was heading for Marquette.")
    assert f.predicate == "head" and "leader" not in f.lemmas
    (g,) = frames_of(fc, "The head of the agency resigned.")
    assert "leader" in g.lemmas                                  # the noun is still the group's


def test_the_reference_s_sum_in_another_currency_contradicts_it(fc):
    ref = fc.extract("Brenner receives 1.35 million US dollars from the prize fund of 2.5 million dollars.")
    kinds = verdicts_against(fc, ref)
    assert kinds("Brenner earns 1.35 million US dollars from a 2.5 million-euro prize fund.") == ["contradiction"]
    assert kinds("Brenner earns 1.35 million dollars, about 1.2 million euros, from the prize fund.") == ["agreement"]


def test_offices_no_list_names_are_read_by_their_agent_suffix(fc):
    ref = fc.extract("Ragnheiður Sigurðardóttir, a natural hazards specialist at the Meteorological Office, said lava had advanced. "
                     "The chief arbiter, Tan Mei Ling of Singapore, confirmed the result.")
    assert ref.titles["sigurðardóttir"] == ["natural hazards specialist at meteorological office"]
    kinds = verdicts_against(fc, ref)
    assert kinds("Ragnheiður Sigurðardóttir, the director of the Meteorological Office, said lava had advanced.") == ["contradiction"]
    assert kinds("The chief arbiter, Tan Mei Ling, confirmed the result.") == ["agreement"]
    assert "indicator" not in fc.english.office_nouns and "volcanologist" in fc.english.office_nouns


def test_a_site_cut_short_and_a_place_in_apposition(fc):
    ref = fc.extract("Sigurðardóttir, a specialist at the Meteorological Office, said the gas plume was drifting towards the capital, Reykjavík.")
    kinds = verdicts_against(fc, ref)
    assert kinds("Sigurðardóttir, a specialist at the Met Office, said the gas plume was drifting towards the capital.") == ["agreement"]
    assert kinds("The gas plume was drifting towards Reykjanesbær, Sigurðardóttir said.") == ["contradiction"]


def test_the_speaker_before_an_appositive_and_an_auxiliary(fc):
    frames = frames_of(fc, "Shortly after 1 p.m., Carlos Mazón, the president of the regional government, had said the storm would ease.")
    assert [f.speaker.key for f in frames if f.speaker] == ["mazón"]
    (h,) = frames_of(fc, "The committee had Hassabis's phone number.")
    assert "have" in h.verbs


@pytest.mark.parametrize("text, speaker", [
    # the person of an organisation speaks, and the holder of a town's office, not the town
    ("Sanne Hoek of Zuiderzee Capital said the cut was bigger than expected.", "hoek"),
    ('"Please don\'t wait," Mel Tran of the Fire Service told residents.', "tran"),
    ('"Please don\'t wait," said Peachland\'s mayor, Diane Whit.', "whit"),
])
def test_the_person_speaks_not_the_organisation_or_town(fc, text, speaker):
    assert [f.speaker.key for f in frames_of(fc, text) if f.speaker] == [speaker]


def test_a_quotation_in_single_quotes_is_a_quotation(fc):
    ref = fc.extract('"We have let down customers who trusted us," the chief executive, Ingrid Sol, told reporters.')
    report = fc.check("'We have let down customers who trusted us,' said Mikael Aho, the finance chief.", ref)
    assert [r.category for f in report.findings for r in f.rules if f.kind == "contradiction"] == ["person"]
    (f,) = frames_of(fc, "'We have let down customers who trusted us,' said Mikael Aho.")
    assert f.quotes == ["We have let down customers who trusted us,"]       # though the clause starts after the mark
    (g,) = frames_of(fc, "Kenya's runner didn't stop.")
    assert g.quotes == []                      # an apostrophe is no quotation mark


def test_who_did_it_a_country_and_whom_it_went_to(fc):
    ref = fc.extract("China sent a 37-member rescue team from Yunnan province. "
                     "At the Trocadéro, Zinedine Zidane handed the Olympic flame to the Spanish tennis player Rafael Nadal.")
    kinds = verdicts_against(fc, ref)
    assert kinds("India sent a 37-member rescue team from Yunnan province.") == ["contradiction"]
    assert "contradiction" not in kinds("Singapore also sent a search-and-rescue team.")      # another doer, by its own account
    assert kinds("Zinedine Zidane handed the flame to the American tennis star Serena Williams.") == ["contradiction"]
    assert kinds("Zinedine Zidane handed the flame to Rafael Nadal.") == ["agreement"]


@pytest.mark.parametrize("text, places", [
    ("It happened in the United States.", [("us", "in", ())]),                    # "the" before a name is no preposition
    ("It emerged in South Kivu, in the west of the Congo.", [("cd-south-kivu", "in", ()), ("cd", "in", ("west",))]),
    ("It hit the eastern Congo and north-eastern Japan.", [("cd", "eastern", ("east",)), ("jp", "eastern", ("east", "north"))]),
    ("In the United States, Delta, headquartered in Atlanta, recovered slowly.", [("us", "in", ()), ("atlanta-us", "based", ())]),
    ("Surgeries in Scotland lost access.", [("gb-scotland", "in", ())]),            # Scotland is not England
])
def test_places_their_sides_and_their_prepositions(fc, text, places):
    got = [(p.place, p.prep, tuple(sorted(p.side))) for f in frames_of(fc, text) for p in f.places]
    assert got == places


def test_places_of_a_departure_a_side_and_a_negated_act(fc):
    ref = fc.extract("The 111th Tour started in Florence on 29 June. Clade Ib emerged in South Kivu province in the eastern Congo. "
                     "The race did not finish in Paris.")
    kinds = verdicts_against(fc, ref)
    assert kinds("The race had set off from Turin on 29 June.") == ["contradiction"]
    assert kinds("Clade Ib emerged in South Kivu, in the west of the Congo.") == ["contradiction"]
    places = [r.id for f in fc.check("The finish was moved to Nice instead of Paris.", ref).findings for r in f.rules]
    assert "frames.place" not in places


def test_what_can_be_the_same_is_no_contradiction(fc):
    ref = fc.extract("Hurricane Milton made landfall near Siesta Key at about 8:30 p.m. on Wednesday. "
                     "The Taipei metro briefly stopped to evacuate passengers before most lines reopened.")
    kinds = verdicts_against(fc, ref)
    assert kinds("Milton came ashore near Siesta Key at about 8:30 on Wednesday evening.") == ["agreement"]   # no a.m. or p.m.
    assert kinds("Milton came ashore near Siesta Key at about 9:45 p.m. on Wednesday.") == ["contradiction"]
    assert kinds("The subway briefly stopped running so passengers could be evacuated.") == ["agreement"]      # a purpose, no doubt


def test_speeds_in_either_unit(fc):
    (f,) = frames_of(fc, "Winds reached 120 mph, or 193 km/h, then fell to 75 miles per hour.")
    assert [(a.dimension, round(a.value)) for a in f.amounts] == [("speed", 193), ("speed", 193), ("speed", 121)]
    report = fc.check("Milton came ashore with winds of 193 km/h.", fc.extract("Milton made landfall with winds of 120 mph."))
    assert [f.kind for f in report.findings] == ["agreement"]


def test_negation_and_modality_attach_to_their_verb(fc):
    (f,) = frames_of(fc, "He did not sign the deal but thanked the president.")[:1]
    assert f.verbs["sign"] == (True, "asserted")
    (g,) = frames_of(fc, "Trump did not rule out a meeting.")
    assert g.modality == "possible"
    (h,) = frames_of(fc, "Troops could be deployed.")
    assert h.verbs["deploy"][1] == "possible"


def test_a_hedge_on_another_verb_is_not_the_statements(fc):
    ref = fc.extract("Officials warned that the toll could rise further, because dozens of people were still missing. "
                     "The ferry operator said it would pay for passengers' hotels.")
    kinds = verdicts_against(fc, ref)
    assert kinds("Dozens of people are still missing.") == ["agreement"]         # "could" is the toll's, not the missing
    assert kinds("The ferry operator said it might pay for passengers' hotels.") == ["contradiction"]
    (f,) = frames_of(fc, "Taipei's metro halted for a short time so that passengers could be evacuated.")
    assert f.modality == "asserted"                                             # a purpose states no doubt


def test_a_plural_after_a_number_word_is_a_noun(fc):
    (f,) = frames_of(fc, "The two sides agreed to start working toward an end to the war.")
    assert f.predicate == "agree"
    (g,) = frames_of(fc, "The coalition secured a two-thirds majority.")
    assert "third" not in g.verbs


def test_attribution_gives_the_speaker(fc):
    (f,) = frames_of(fc, "Senator Lindsey Graham said Zelensky should resign.")
    assert f.speaker.key == "graham" and f.predicate == "resign"


def test_coordinated_people_are_one_claim_each(fc):
    ref = fc.extract("Rubio, Ratcliffe and Waltz were named to the delegation by Trump.")
    named = ref.claims
    ref2 = fc.extract("Marco Rubio and Mike Waltz travelled to Riyadh.")
    assert len(ref2.claims) == 2 and {c.frame.agents[0].key for c in ref2.claims} == {"rubio", "waltz"}
    assert named


@pytest.mark.parametrize("text, expected", [
    ("Russia is the aggressor.", [("ru", "aggressor", False)]),
    ("Olmo was named player of the match.", [("olmo", "player of match", True)]),
    ("Kyle Walker was player of the match.", [("walker", "player of match", True)]),
    ("Kyle Walker was a member of the squad.", [("walker", "member of squad", False)]),
])
def test_predications_and_roles_with_one_holder(fc, text, expected):
    assert [tuple(p) for f in frames_of(fc, text) for p in f.predications] == expected


def test_a_copula_after_a_name_opens_a_clause(fc):
    frames = frames_of(fc, "Yamal was named young player of the tournament, and Williams was player of the match.")
    assert [f.text for f in frames][-1] == "and Williams was player of the match."


# --- kinds and rules ----------------------------------------------------------------------------

def test_every_frame_rule_passes_its_examples(fc):
    failed = [(r.rule, r.false_negatives, r.false_positives) for r in run_frame_examples(fc) if not r.ok]
    assert not failed


def test_every_kind_is_registered_documented_and_used(fc):
    used = {r.rule.kind for r in fc.rules}
    for name, (compare, _) in KINDS.items():
        assert compare.__doc__ and compare.__doc__.strip(), name
        assert name in used, f"kind {name} has no rule file"


def test_a_rule_with_a_duplicate_slot_is_refused(tmp_path):
    import shutil
    from factcheck.errors import ReferenceDataError
    from factcheck.frames.rules import load_frame_rules
    shutil.copytree(data_dir("rules") / "frames", tmp_path / "frames")
    rule = json.loads((tmp_path / "frames" / "date.json").read_text())
    rule["id"] = "frames.date_again"
    (tmp_path / "frames" / "date_again.json").write_text(json.dumps(rule))
    with pytest.raises(ReferenceDataError, match="already configured"):
        load_frame_rules(tmp_path)


@pytest.mark.parametrize("reference, text, category", [
    ("Bessent will travel to Kyiv to discuss the minerals deal.", "Bessent will not travel to Ukraine.", "negation"),
    ("Trump spoke with Zelensky for 90 minutes after his call with Putin.", "Trump spoke with Zelensky for about an hour.", "numeric"),
    ("Vance will meet Zelensky in Munich on Friday.", "Vance will meet Zelensky in Paris on Friday.", "location"),
    ("President Donald Trump met Zelensky in the Oval Office.", "Then former President Donald Trump met Zelensky.", "title"),
    ("NASA estimated that 31.6 million people lived inside the path.", "NASA estimated that 41.6 million Americans lived in the path.", "numeric"),
    ("Jimmy Kimmel hosted for the fourth time.", "Jimmy Kimmel, hosting the Academy Awards for the third time, kept the show moving.", "numeric"),
    # a fronted clause is a clause of its own, and a duration finds the claim that says how long
    ("Trump told reporters at the White House that Zelensky had overplayed his hand. The televised session lasted nearly 45 minutes.",
     "Hours after a televised 50-minute meeting at the White House collapsed into shouting, Zelensky flew to London.", "numeric"),
    # places no gazetteer lists, known by their role only
    ("A planned visit to Chiva later that day was cancelled.", "A planned visit to Turís later that day was cancelled.", "location"),
    ("The upper stage splashed down in the Indian Ocean.", "The upper stage splashed down in the Pacific Ocean.", "location"),
    ("Milton made landfall near Siesta Key, in Sarasota County, on Wednesday.", "Milton made landfall in Collier County on Wednesday.", "location"),
    # a vague duration is a duration; the last of a group is a rank the first is not
    ("The panel deliberated for a little more than three hours before voting.", "The panel deliberated for several days before voting.", "quantity"),
    ("Okafor was the last of the four finalists to perform.", "Okafor was the first of the four finalists to perform.", "numeric"),
    ("Divers have found the wreck of the Marlow, the Coastal Survey announced on Tuesday, 9 September.",
     "The Coastal Survey announced the find on Wednesday, 10 September.", "date"),
    # a time taken, h:mm:ss, is a duration, and so is "2 hours and 35 seconds"
    ("Okoth won the Lakeside Marathon in 2 hours, 4 minutes and 35 seconds.", "Okoth won the Lakeside Marathon in 2:04:53.", "numeric"),
    ("Chile's president, Ana Ortiz, opened the talks.", "Chile's prime minister, Ana Ortiz, opened the talks.", "title"),
    # the classifier before an office's head tells offices apart; the office after '"...," the'
    ("The chief financial officer, Mikael Aho, said the plant would open.", "Mikael Aho, the chief operating officer, said the plant would open.", "title"),
    ('"We will fix it," the chief executive, Ingrid Sol, told reporters.', "Ingrid Sol, the company's chief financial officer, told reporters.", "title"),
    # whose office (a common noun's) does not make two offices one; the office after "said X's"
    ("The buyer was represented by Karin Holm, the house's head of modern art.",
     "Karin Holm, the house's chief financial officer, represented the buyer.", "title"),
    ('"Please leave now," said Peachland\'s mayor, Dana Whit.', "Dana Whit, Peachland's deputy mayor, urged residents to leave.", "title"),
    # a place that hosts is where it happens; the same placing with the same time is one act, whoever ran it
    ("The award ceremony will be held at Oslo City Hall on 10 December.", "Stockholm will host the ceremony on 10 December.", "location"),
    ("Tomas Ruud of Norway was third in 2:04:32.", "Ali Brandt took third place in 2:04:32.", "person"),
    # the same figure gone the other way, said just before it
    ("Stocks of unsold bikes had been cut by 14% since June.", "Stocks of unsold bikes have risen 14% since June.", "antonym"),
    ("The sale raised 311 million kronor, up from 236 million kronor a year earlier.",
     "The sale took in 311 million kronor, down from 236 million kronor a year earlier.", "antonym"),
    ("Inflation slowed to 2.4 percent in December from 2.7 percent.", "Inflation picked up to 2.4 percent in December.", "antonym"),
    # a direction after the figure, a bare "up", and the verb of a move from one level to another
    ("Its shares closed 6.4% lower at 48.20 kronor.", "Its shares rose 6.4 per cent to 48.20 kronor.", "antonym"),
    ("Brenna delivered 41,200 cars in the quarter, up 8% from a year earlier.", "Quarterly deliveries fell 8 per cent to 41,200 cars.", "antonym"),
    ("The mine produced 4.2 million tonnes of coal in the year to June, up from 3.6 million tonnes a year earlier.",
     "The mine's output fell to 4.2 million tonnes of coal in the year to June, from 3.6 million tonnes a year earlier.", "antonym"),
    # certainty: "appears to" hedges, "have confirmed that" is certain; planned against possible
    ("Investigators said the fire appears to have been started by lightning.", "Investigators have confirmed that lightning started the fire.", "modality"),
    ("Cascadia Rail plans to restore service on the line on 20 October.", "Cascadia Rail may get the line running again on 20 October.", "modality"),
    # "States" in a name is no saying, so the date is the publication's
    ("The novel is due to be published in the United States by Harbour Press on 5 December.",
     "The American edition, from Harbour Press, is released on 12 December.", "date"),
])
def test_one_slot_changes_are_contradictions(fc, reference, text, category):
    report = fc.check(text, fc.extract(reference))
    kinds = [(f.kind, r.category) for f in report.findings for r in f.rules]
    assert ("contradiction", category) in kinds


@pytest.mark.parametrize("reference, text", [
    ("Zelensky met Macron at the Elysee Palace.", "Zelensky met Macron at the Elysee."),
    ("Zelensky cancelled a speech at the Hudson Institute.", "Zelensky cancelled a speech at the Hudson Institute and an event at Ukraine House."),
    ("The ship left the Dundalk Marine Terminal.", "The ship left Baltimore."),      # a listed place and a site: unknown, not a conflict
    # "the village of" names the place it is in the role of
    ("Divers found the wreck near the village of Morvella, in the Kestrin region.", "Divers found the wreck near Morvella."),
])
def test_a_site_named_differently_or_alongside_is_not_a_contradiction(fc, reference, text):
    report = fc.check(text, fc.extract(reference))
    assert "contradiction" not in [f.kind for f in report.findings]


def test_a_date_in_what_is_said_is_no_date_of_the_saying(fc):
    ref = fc.extract((data_dir("seeds") / "seed-article" / "article.txt").read_text(encoding="utf-8"))
    report = fc.check("Defense Secretary Pete Hegseth has told Ukraine's allies that a return to the country's pre-2022 "
                      "borders is unrealistic.", ref)
    assert [(f.kind, r.category) for f in report.findings for r in f.rules] == [("contradiction", "date")]


def test_figures_of_another_time_are_not_the_news_contradicted(fc):
    ref = fc.extract("The earthquake on Friday, 28 March 2025 killed about 3,600 people in Myanmar. "
                     "The bridge opened in 1977.")
    other = fc.check("In 2008 Cyclone Nargis killed about 138,000 people in Myanmar.", ref)
    assert "contradiction" not in [f.kind for f in other.findings]
    history = fc.check("The bridge opened in 1987.", ref)           # a claim about the past is compared
    assert [f.kind for f in history.findings] == ["contradiction"]


@pytest.mark.parametrize("reference, text", [
    # one time for one time, and places in a list keep the list's role
    ("Dallas went dark at 1:40 p.m. CDT.", "In Dallas, totality lasted from 1:40 to 1:44 p.m. CDT."),
    ("Totality reached Indianapolis at 3:06 p.m., Cleveland at 3:13 p.m. and Buffalo, New York, at 3:18 p.m.",
     "Totality reached Buffalo, New York, at 3:18 p.m."),
    # a title inside a quotation is the speaker's word; a possessive country is whose, not where
    ("He read out a post by former President Donald Trump.", '"Thank you, President Trump," Kimmel said after reading the post.'),
    ('"20 Days in Mariupol" won documentary feature, the first Oscar in Ukraine\'s history.',
     '"20 Days in Mariupol", an account of the opening days of Russia\'s invasion, won documentary feature.'),
    # durations on different scales measure different things
    ("Oppenheimer, a three-hour drama, won seven awards.", "Oppenheimer won seven awards before the biggest audience in four years."),
    # the final stage may be the fifth; a few minutes after the raid is no length of the raid
    ("It was her fifth stage win of the race.", "She won the final stage, her fifth stage win of the race."),
    ("Okoth won the Lakeside Marathon in 2 hours, 4 minutes and 35 seconds.", "Okoth won the Lakeside Marathon in 2:04:35."),
    # when it was announced is not when it happened
    ("Divers have found the wreck of the Marlow, the Coastal Survey announced on Tuesday, 9 September.",
     "Divers found the wreck of the Marlow on 14 August."),
    ("The raid lasted seven minutes.", "Guards reached the room a few minutes after the raid."),
    # "said" is the saying even where it is no content verb; the second half of a year is a period, not 50%
    ("Norvia swung to a loss of €9 million in the second quarter and said on Thursday, 24 July 2025, that it would cut jobs.",
     "Norvia swung to a loss of €9 million in the April-June period."),
    ("Halvik's revenue fell 9% in the three months to September.", "Halvik's revenue fell in the third quarter."),
    ("Sifan Hassan won the women's race in Chicago.", "Sifan Hassan of the Netherlands won the women's race in Chicago."),
    ("Francis, the first Latin American pope, died on 21 April.", "He follows Francis, the reforming Argentine pope, who died on 21 April."),
    # "Neither the X nor the Y" negates the clause's verb, as "None of the" does
    ("It was the third incident this year, after a roof fall in February and a conveyor fire in July, neither of which caused injuries.",
     "Neither the roof fall in February nor the conveyor fire in July caused any injuries."),
    # a share of one set is no share of another
    ("The mine accounts for about 11 per cent of the group's revenue.", "About 40 per cent of the group's workers are contractors."),
    # a share or a sum of something the claim does not measure is no wrong figure of it
    ("Inflation slowed to 2.4 percent in December from 2.7 percent in November.", "Retail sales fell 0.3 percent in November."),
    ("Under the agreement, wages will rise by 22 percent over the contract.", "Corvell's shares rose 4 percent on Monday."),
    # a rate that eased to 2.4% is prices that rose 2.4%; one figure's direction is not another's
    ("Inflation slowed to 2.4 percent in December from 2.7 percent.", "Consumer prices rose 2.4 percent in the year to December."),
    ("Manufacturers have cut about 38,000 jobs since September.", "Unemployment has climbed to 7.1 percent, and factories have lost some 38,000 jobs."),
    # a claim that says both ("closed ... and reopened") has no opposite in either; a negated clause of its own
    ("Highway 5 was closed for six hours and reopened shortly after 8 p.m. with one lane each way.",
     "It reopened just after 8 p.m., with one lane open each way."),
    ("Mayor Hoss said no homes had been lost. Two sheds had burned, and no injuries had been reported.",
     "Hoss said no houses had been destroyed, though two sheds had burned."),
    # "stopped short of" negates what it governs, as "has not" does
    ("The province has not declared a state of emergency.", "The province has stopped short of an emergency declaration."),
])
def test_values_of_other_things_in_the_clause_are_not_contradictions(fc, reference, text):
    report = fc.check(text, fc.extract(reference))
    assert "contradiction" not in [f.kind for f in report.findings], [r.message for f in report.findings for r in f.rules]


def test_a_sentence_with_only_shared_names_is_a_new_claim(fc):
    report = fc.check("Zelensky also visited a school in Lviv on Tuesday.", fc.extract("Trump held a call with Zelensky."))
    assert [f.kind for f in report.findings] == ["new_claim"]


# --- extraction -------------------------------------------------------------------------------------

def _articles():
    seeds = sorted(data_dir("seeds").glob("*/article.txt"))
    return seeds + [p / "reference.txt" for p in OWN_REFS]


@pytest.mark.parametrize("path", _articles(), ids=lambda p: p.parent.name + "/" + p.name)
def test_extraction_round_trips_and_validates(fc, path):
    article = path.read_text(encoding="utf-8")
    ref = fc.extract(article, "x")
    assert len(ref.claims) >= 10
    for c in ref.claims:
        assert article[c.start:c.end] == c.text
    ids = [c.id for c in ref.claims]
    assert len(ids) == len(set(ids))
    document = json.loads(claims_file(ref).model_dump_json())
    jsonschema.Draft202012Validator(schemas.load("extracted-claims")).validate(document)
    assert fc.extract(article, "x").claims[0].id == ids[0]         # stable


@pytest.mark.parametrize("folder", OWN_REFS, ids=lambda p: p.name)
def test_extracted_claims_cover_the_facts(fc, folder):
    ref = fc.extract((folder / "reference.txt").read_text(encoding="utf-8"))
    facts = json.loads((folder / "facts.json").read_text())["facts"]
    covered = [f for f in facts if any(c.start < f["end"] and f["start"] < c.end for c in ref.claims)]
    assert len(covered) >= 0.9 * len(facts)
    empty = [c for c in ref.claims if not any(c.start < f["end"] and f["start"] < c.end for f in facts)]
    assert len(empty) <= 0.2 * len(ref.claims)


def test_golden_analysis_snapshot(fc):
    """Per sentence of the bundled references: frames, people, places, values. A linguistic change
    shows up here as a reviewed diff (FACTCHECK_UPDATE_GOLDEN=1 rewrites the file)."""
    snapshot = {}
    for path in sorted(data_dir("seeds").glob("*/article.txt")):
        sentences, _ = analyse_document(path.read_text(encoding="utf-8"), fc.english)
        snapshot[f"{path.parent.name}.txt"] = [[_snap(f) for f in frames] for frames in sentences]
    if os.environ.get("FACTCHECK_UPDATE_GOLDEN"):
        GOLDEN.write_text(json.dumps(snapshot, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    assert snapshot == json.loads(GOLDEN.read_text(encoding="utf-8"))


def _snap(f) -> dict:
    return {"text": f.text, "predicate": f.predicate, "agents": [e.key for e in f.agents],
            "participants": [e.key for e in f.participants], "speaker": f.speaker.key if f.speaker else None,
            "places": [f"{p.place}@{p.verb}" if p.verb else p.place for p in f.places], "dates": [d.text for d in f.dates], "times": [t.text for t in f.times],
            "amounts": [f"{a.dimension}:{a.lo:g}-{a.hi:g}" for a in f.amounts], "ordinals": [f"{o.value}:{o.noun}" for o in f.ordinals],
            "negated": f.negated, "modality": f.modality, "titles": {e.key: e.title for e in f.titles}}


# --- our own labelled references, checked with nothing but the article --------------------------------

def _label(findings, s):
    found = [f for f in findings if f.span.start < s["end"] and s["start"] < f.span.end]
    kinds = {f.kind for f in found}
    return "contradict" if "contradiction" in kinds else "agree" if "agreement" in kinds else "new" if found else "none"


def test_own_references_score(fc):
    """Blind cases about events the engine never shipped (tests/refs): a floor under today's score."""
    confusion = Counter()
    for folder in OWN_REFS:
        ref = fc.extract((folder / "reference.txt").read_text(encoding="utf-8"))
        for case_path in sorted((folder / "cases").glob("*.json")):
            case = json.loads(case_path.read_text())
            report = fc.check(case["text"], ref)
            for s in case["sentences"]:
                if s["label"] != "none":
                    confusion[s["label"], _label(report.findings, s)] += 1
    f1 = {}
    for lab in ("agree", "contradict", "new"):
        tp = confusion[lab, lab]
        p = tp / max(1, sum(v for (g, q), v in confusion.items() if q == lab))
        r = tp / max(1, sum(v for (g, q), v in confusion.items() if g == lab))
        f1[lab] = 2 * p * r / (p + r) if p + r else 0.0
    macro = sum(f1.values()) / 3
    assert macro >= 0.55, (macro, f1)
    assert f1["contradict"] >= 0.4, f1


# --- through the real interfaces ---------------------------------------------------------------

def _cli(*args, stdin=None):
    exe = Path(sys.executable).with_name("factcheck")
    return subprocess.run([str(exe), *args], capture_output=True, text=True, input=stdin, timeout=120)


def test_cli_check_against_any_article(tmp_path):
    ref = tmp_path / "wire.txt"
    ref.write_text("The central bank cut its rate by half a percentage point on Wednesday, 18 September 2024.\n")
    draft = tmp_path / "draft.txt"
    draft.write_text("The central bank cut its rate by a quarter point on Wednesday.\n")
    run = _cli("check", "--reference", str(ref), "--format", "json", str(draft))
    assert run.returncode == 1, run.stderr
    report = report_of(run.stdout)
    (finding,) = [f for f in report["findings"] if f["kind"] == "contradiction"]
    ev = finding["claim"]["evidence"]
    assert ref.read_text()[ev["start"]:ev["end"]] == ev["text"]
    assert report["reference"] == "wire"


def test_suppressions_apply_to_any_article_as_reference(tmp_path):
    ref = tmp_path / "wire.txt"
    ref.write_text("The central bank cut its rate by half a percentage point on Wednesday, 18 September 2024.\n")
    draft = tmp_path / "draft.txt"
    draft.write_text("The central bank cut its rate by a quarter point on Wednesday.\n")
    store = tmp_path / "suppressions.json"
    added = _cli("suppress", "--reference", str(ref), "--suppressions", str(store), "--reason", "checked", str(draft))
    assert added.returncode == 0, added.stderr
    run = _cli("check", "--reference", str(ref), "--suppressions", str(store), "--format", "json", str(draft))
    assert run.returncode == 0, run.stderr                  # the contradiction is silenced, so nothing fails
    report = report_of(run.stdout)
    assert report["summary"]["contradictions"] == 0 and [s["by"] for s in report["suppressed"]] == ["file"]
    marked = tmp_path / "marked.txt"
    claim = report["suppressed"][0]["claim"]
    marked.write_text(f"The central bank cut its rate by a quarter point on Wednesday. <!-- factcheck: ignore {claim} -->\n")
    inline = report_of(_cli("check", "--reference", str(ref), "--format", "json", str(marked)).stdout)
    assert inline["summary"]["contradictions"] == 0 and [s["by"] for s in inline["suppressed"]] == ["inline"]


@pytest.mark.parametrize("content, message", [
    (None, "no such file"), (b"", "is empty"), (b"\x00\x01binary", "binary"), (b"a" * 5_000_000, "one article"),
])
def test_cli_bad_reference_is_one_line_exit_2(tmp_path, content, message):
    ref = tmp_path / "ref.txt"
    if content is not None:
        ref.write_bytes(content)
    draft = tmp_path / "d.txt"
    draft.write_text("Some draft sentence about nothing in particular.\n")
    run = _cli("check", "--reference", str(ref), str(draft))
    assert run.returncode == 2
    assert message in run.stderr and len(run.stderr.strip().splitlines()) == 1


def test_cli_extract_writes_a_valid_claims_file(tmp_path):
    out = tmp_path / "claims.json"
    article = data_dir("seeds") / "riyadh-talks" / "article.txt"
    run = _cli("extract", str(article), "-o", str(out))
    assert run.returncode == 0, run.stderr
    document = json.loads(out.read_text())
    jsonschema.Draft202012Validator(schemas.load("extracted-claims")).validate(document)
    text = article.read_text(encoding="utf-8")
    assert all(text[c["evidence"]["start"]:c["evidence"]["end"]] == c["evidence"]["text"] for c in document["claims"])
    shown = _cli("extract", str(article), "--format", "text")
    assert document["claims"][0]["id"] in shown.stdout


def test_api_compare_with_a_reference_of_ones_own():
    from factcheck.web import create_app
    client = create_app().test_client()
    reference = "Vance will meet Zelensky in Munich on Friday. Bessent will travel to Kyiv next week."
    r = client.post("/v1/compare", json={"text": "Vance will meet Zelensky in Paris on Friday.", "reference": reference})
    assert r.status_code == 200
    (finding,) = r.json["findings"]
    assert finding["kind"] == "contradiction" and finding["rules"][0]["category"] == "location"
    ev = finding["claim"]["evidence"]
    assert reference[ev["start"]:ev["end"]] == ev["text"]
    bad = client.post("/v1/compare", json={"text": "Vance will meet Zelensky.", "reference": "   "})
    assert bad.status_code == 422 and bad.content_type == "application/problem+json"


# --- seeds/ articles without a claims file --------------------------------------------------------

def _seeds_with(tmp_path, name, text):
    import shutil
    seeds = tmp_path / "seeds"
    shutil.copytree(data_dir("seeds"), seeds)
    (seeds / name).write_text(text, encoding="utf-8")
    return seeds


def test_an_article_without_claims_is_extracted_at_load(tmp_path):
    from factcheck.engine import Checker
    seeds = _seeds_with(tmp_path, "fed-cut.txt", (ROOT / "tests" / "refs" / "fed-cut" / "reference.txt").read_text(encoding="utf-8"))
    checker = Checker.load(seeds)
    assert "fed-cut" in checker.source_ids and "seed-article" in checker.source_ids
    assert any(cid.startswith("fed-cut.s01.") for cid in checker.claim_refs)
    draft = "The Federal Reserve cut interest rates by a quarter of a percentage point on Wednesday."
    chosen = checker.check(draft)                       # about none of the hand-claimed references
    assert chosen.reference == "fed-cut" and chosen.summary.contradictions == 1
    assert checker.check(draft, source="fed-cut").summary.contradictions == 1


def test_an_empty_article_in_seeds_stops_start_up(tmp_path):
    from factcheck.engine import Checker
    from factcheck.errors import DataError
    seeds = _seeds_with(tmp_path, "blank.txt", "  \n")
    with pytest.raises(DataError, match="blank.txt.*empty"):
        Checker.load(seeds)


def test_a_review_file_refines_the_extracted_claims(tmp_path):
    from factcheck.engine import Checker
    from factcheck.errors import ReferenceDataError
    article = (ROOT / "tests" / "refs" / "fed-cut" / "reference.txt").read_text(encoding="utf-8")
    seeds = _seeds_with(tmp_path, "fed-cut.txt", article)
    ids = [c for c in Checker.load(seeds).claim_refs if c.startswith("fed-cut.")]
    (seeds / "fed-cut.review.json").write_text(json.dumps({"remove": [ids[1]], "statements": {ids[0]: "The Fed cut rates by half a point."}}))
    refs = Checker.load(seeds).claim_refs
    assert ids[1] not in refs and refs[ids[0]].statement == "The Fed cut rates by half a point."
    (seeds / "fed-cut.review.json").write_text(json.dumps({"remove": ["fed-cut.s99.nothing"]}))
    with pytest.raises(ReferenceDataError, match="fed-cut.review.json at /remove/0: no extracted claim"):
        Checker.load(seeds)


def test_a_review_file_merges_claims_and_adds_slots(tmp_path):
    from factcheck.engine import Checker
    from factcheck.errors import ReferenceDataError
    article = "Vance will meet Zelensky on Friday. The meeting will take place in Munich. Rubio flew to Riyadh."
    seeds = _seeds_with(tmp_path, "trip.txt", article)
    ids = [c for c in Checker.load(seeds).claim_refs if c.startswith("trip.")]
    meet, where, flew = ids
    draft = "Vance will meet Zelensky in Paris on Friday. Rubio flew to Riyadh on Monday."
    before = Checker.load(seeds).check(draft, source="trip")
    assert before.summary.contradictions == 0            # the place is another claim's, the day is nobody's
    (seeds / "trip.review.json").write_text(json.dumps({"merge": [[meet, where]], "add": {flew: "on Tuesday"}}))
    checker = Checker.load(seeds)
    refs = checker.claim_refs
    evidence = refs[meet].evidence
    assert where not in refs and evidence.text.startswith("Vance will meet") and evidence.text.rstrip(".").endswith("in Munich")
    assert article[evidence.start:evidence.end] == evidence.text
    report = checker.check(draft, source="trip")
    found = {(f.claim.id, r.category) for f in report.findings if f.kind == "contradiction" for r in f.rules}
    assert found == {(meet, "location"), (flew, "date")}
    (seeds / "trip.review.json").write_text(json.dumps({"merge": [[meet]]}))
    with pytest.raises(ReferenceDataError, match="trip.review.json at /merge/0: a merge names at least two claims"):
        Checker.load(seeds)
    (seeds / "trip.review.json").write_text(json.dumps({"add": {"trip.s09.none": "in Kyiv"}}))
    with pytest.raises(ReferenceDataError, match="at /add/trip.s09.none: no extracted claim"):
        Checker.load(seeds)


@pytest.mark.parametrize("text, category", [
    ("Putin invited Trump to visit Vienna.", "location"),
    ("Bessent will not travel to Ukraine.", "negation"),
    ("Trump spoke with Zelensky for about an hour after his call with Putin.", "numeric"),
])
def test_the_issues_one_slot_changes_against_the_seed_article(fc, text, category):
    """The three one-slot changes the issue found coming back as agreements, read against the
    bundled seed article as a plain reference."""
    ref = fc.extract((data_dir("seeds") / "seed-article" / "article.txt").read_text(encoding="utf-8"), "seed")
    report = fc.check(text, ref)
    assert [f.kind for f in report.findings] == ["contradiction"]
    assert category in {r.category for r in report.findings[0].rules}


def test_api_reference_over_its_limit_is_a_problem_not_a_500(monkeypatch):
    import factcheck.engine
    from factcheck.web import create_app
    monkeypatch.setattr(factcheck.engine, "MAX_REFERENCE_CHARS", 50)
    client = create_app().test_client()
    r = client.post("/v1/compare", json={"text": "Vance will meet Zelensky.", "reference": "Vance will meet Zelensky in Munich. " * 5})
    assert r.status_code == 422 and r.content_type == "application/problem+json"
    assert "limit" in r.json["detail"]


_REPORT_OF_CASE = """
import json, sys
from factcheck.frames.checker import FrameChecker
from factcheck.paths import data_dir
fc = FrameChecker.load(data_dir("rules"))
ref = fc.extract(open(sys.argv[1], encoding="utf-8").read())
print(fc.check(json.load(open(sys.argv[2], encoding="utf-8"))["text"], ref).model_dump_json())
"""


def test_the_verdict_does_not_depend_on_the_hash_seed():
    """Set order changes with PYTHONHASHSEED; sums of claim weights taken in set order once
    broke a tie between two claims differently in 1 process of about 20 (this case, seed 13)."""
    refs = Path(__file__).parent / "refs" / "google-search"
    reports = set()
    for seed in ("13", "1"):
        run = subprocess.run([sys.executable, "-c", _REPORT_OF_CASE, str(refs / "reference.txt"), str(refs / "cases" / "z04.json")],
                             capture_output=True, timeout=300, env={**os.environ, "PYTHONHASHSEED": seed}, check=True)
        reports.add(run.stdout)
    assert len(reports) == 1


def test_a_neighbouring_reference_about_another_event_does_not_contradict_the_one_the_text_is_about(tmp_path):
    from factcheck.engine import Checker
    seeds = _seeds_with(tmp_path, "fed-cut.txt", (ROOT / "tests" / "refs" / "fed-cut" / "reference.txt").read_text(encoding="utf-8"))
    (seeds / "central-bank.txt").write_text((ROOT / "tests" / "refs" / "central-bank" / "reference.txt").read_text(encoding="utf-8"))
    checker = Checker.load(seeds)
    case = json.loads((ROOT / "tests" / "refs" / "fed-cut" / "cases" / "f02.json").read_text(encoding="utf-8"))
    report = checker.check(case["text"])
    # the Bank of Canada's jobless rate and rate path rank close (both are about rate cuts), but its
    # claims are further from each sentence than the Fed's: they contradict nothing here
    assert report.reference == "fed-cut" and "central-bank" in report.sources
    assert not [f for f in report.findings if f.kind in ("contradiction", "conflict") and f.claim.source == "central-bank"]
    alone = checker.check(case["text"], source="fed-cut")
    assert [(f.span.start, f.kind) for f in report.findings] == [(f.span.start, f.kind) for f in alone.findings]


@pytest.mark.parametrize("about, other, case", [("fed-cut", "central-bank", "f01"), ("chandrayaan3", "lunar-lander", "c03"),
                                                 ("chandrayaan3", "lunar-lander", "c02")])   # both name the Soviet Union
def test_a_reference_about_another_event_of_the_kind_is_left_out_when_the_text_names_nothing_of_it(tmp_path, about, other, case):
    """Two rate cuts, two moon landings: the other one's claims agree with sentences about a
    forecast or a lander, but the text names none of its people, organisations or towns."""
    from factcheck.engine import Checker
    refs = ROOT / "tests" / "refs"
    seeds = _seeds_with(tmp_path, f"{about}.txt", (refs / about / "reference.txt").read_text(encoding="utf-8"))
    (seeds / f"{other}.txt").write_text((refs / other / "reference.txt").read_text(encoding="utf-8"))
    checker = Checker.load(seeds)
    text = json.loads((refs / about / "cases" / f"{case}.json").read_text(encoding="utf-8"))["text"]
    report = checker.check(text)
    assert report.reference == about and not [f for f in report.findings if f.claim and f.claim.source == other]
    alone = checker.check(text, source=about)
    assert [(f.span.start, f.kind) for f in report.findings] == [(f.span.start, f.kind) for f in alone.findings]


def test_the_same_words_quoted_are_the_statement_whoever_is_said_to_say_them(fc):
    ref = fc.extract('Dana Whitfield, president of Local 412, said the members had won. '
                     'Mark Ostrowski, the chief operating officer, called the contract "expensive but fair".')
    kinds = verdicts_against(fc, ref)
    assert kinds('Dana Whitfield, the president of Local 412, described the contract as "expensive but fair".') == ["contradiction"]
    (f,) = frames_of(fc, "Ibáñez praised the climbers, saying they had stayed together.")
    assert f.speaker is not None and f.speaker.key == "ibáñez"          # the subject of ", saying" says it


def test_a_capitalised_quotation_is_speech_and_no_name_in_it_speaks(fc):
    ref = fc.extract('Governor Ana Ruiz praised the rescuers, calling the operation "a Proud Day for our State" '
                     'and saying she would visit the site.')
    (f,) = frames_of(fc, 'Mayor Tom Hale called the operation "a Proud Day for our State" and said he would visit.')
    assert f.speaker is None or f.speaker.key != "state"                # a name quoted does not speak
    assert verdicts_against(fc, ref)('Mayor Tom Hale called the operation "a Proud Day for our State".') == ["contradiction"]


def test_a_surname_that_is_an_english_word_is_the_person_the_text_named(fc):
    frames = frames_of(fc, "Paul Lynch won the prize. Lynch thanked the judges.")
    assert [e.key for e in frames[-1].agents] == ["lynch"]
    alone = frames_of(fc, "Lynch mobs were rare there.")              # no Lynch named: an English word
    assert not [e for f in alone for e in f.agents]


def test_countries_people_are_demonyms_from_the_gazetteer(fc):
    (f,) = frames_of(fc, "The Sri Lankan author met two Kenyans.")
    assert {(e.key, e.kind) for e in f.agents + f.participants} <= {("lk", "demonym"), ("ke", "demonym")}   # peoples, not persons


def test_a_fragment_clause_gets_no_verdict_and_all_but_is_no_clause_break(fc):
    ref = fc.extract("If Rossi wins. Rossi, who denied wrongdoing, called the ruling a great win.")
    report = fc.check("Rossi, who has denied wrongdoing, called the ruling a great win.", ref)
    assert "contradiction" not in [f.kind for f in report.findings]
    assert len(frames_of(fc, "Officials said a further cut was all but certain.")) == 1


def test_a_value_set_aside_with_not_or_rather_than_is_no_value_of_the_claim(fc):
    ref = fc.extract("The object broke apart about 30 kilometres above the massif. The stone fell in Bad Goisern on Thursday.")
    kinds = verdicts_against(fc, ref)
    assert kinds("The object broke apart about 30 kilometres above the massif, not 3 kilometres.") == ["agreement"]
    assert kinds("The object broke apart about 3 kilometres above the massif, not 30 kilometres.") == ["contradiction"]
    assert kinds("The stone fell on Thursday rather than on Friday.") == ["agreement"]
    # a phrase with a verb of its own says what someone else did or said
    (f,) = frames_of(fc, "Workers will pay 15 percent, rather than the 20 percent the company had proposed.")
    assert [a.text for a in f.amounts] == ["15 percent", "20 percent"]


def test_a_length_per_second_is_a_speed_and_second_there_no_rank(fc):
    (f,) = frames_of(fc, "It entered the atmosphere at 17 kilometres per second.")
    assert [(a.dimension, round(a.value)) for a in f.amounts] == [("speed", 61200)] and not f.ordinals
    (f,) = frames_of(fc, "Winds reached 120 kilometres an hour.")
    assert [(a.dimension, a.value) for a in f.amounts] == [("speed", 120.0)]


def test_a_negation_with_until_says_when_and_an_elliptic_modal_hedges_nothing(fc):
    ref = fc.extract("The advisory can be lifted only after two sets of clean samples come back.")
    assert verdicts_against(fc, ref)("The advisory cannot be lifted until two sets of clean samples come back.") == ["agreement"]
    (f,) = frames_of(fc, "The town was doing everything it could.")
    assert f.modality == "asserted"
    (f,) = frames_of(fc, "The deployment was certain.")
    assert f.modality == "certain"


def test_the_complement_of_a_negated_verb_is_left_open_and_of_a_hedged_one_hedged(fc):
    (f,) = frames_of(fc, "Pichler has not agreed to sell the stone.")
    assert f.verbs["sell"][0] is None and f.verbs["agree"][0] is True
    ref = fc.extract("Pichler ruled out selling the stone.")
    assert verdicts_against(fc, ref)("Pichler has not agreed to sell the stone.") != ["contradiction"]
    (f,) = frames_of(fc, "Heavy rain may have allowed surface water to seep into the well.")
    assert f.verbs["seep"][1] == "possible"


def test_a_title_with_what_it_heads_is_the_office_a_shorter_one_names(fc):
    ref = fc.extract("Katharina Steinbauer, the curator of the museum's meteorite collection, collected the stone.")
    kinds = verdicts_against(fc, ref)
    assert "contradiction" not in kinds("Museum curator Katharina Steinbauer said the stone was a chondrite.")
    assert "contradiction" in kinds("Katharina Steinbauer, the museum's director, said the stone was a chondrite.")


def test_a_peoples_adjective_before_a_settlement_describes_it_and_a_name_there_names_it(fc):
    (f,) = frames_of(fc, "A meteorite hit a carport in the Upper Austrian market town of Bad Goisern.")
    assert [p.place for p in f.places] == ["?bad goisern"]
    (f,) = frames_of(fc, "A mosaic was found near the village of Vale Formoso, in the Alentejo region of southern Portugal.")
    assert "?alentejo" in [p.place for p in f.places] or any("alentejo" in p.place for p in f.places)


def test_a_name_in_common_and_little_else_is_a_new_claim_not_an_agreement(fc):
    ref = fc.extract((ROOT / "tests" / "refs" / "orangeville-boil-water-2025" / "reference.txt").read_text(encoding="utf-8"))
    kinds = verdicts_against(fc, ref)
    assert kinds("Residents of Mono who use private wells are not affected, the health unit said.") == ["new_claim"]
    assert kinds("The advisory also covers about 400 homes in Mono.") == ["agreement"]


def test_three_quarters_of_an_hour_is_45_minutes_and_a_rate_compares_per_the_same_thing(fc):
    (f,) = frames_of(fc, "The session ran to nearly three quarters of an hour.")
    assert [(a.dimension, a.hi) for a in f.amounts] == [("duration", 45.0)]
    (f,) = frames_of(fc, "The calf was drinking about 10 litres of milk a day.")
    assert [a.per for a in f.amounts] == ["day"]          # and "a day" is no duration of its own
    ref = fc.extract("The calf drinks about 70 litres of milk a week.")
    assert verdicts_against(fc, ref)("The calf drinks about 10 litres of milk a day.") != ["contradiction"]
    assert verdicts_against(fc, ref)("The calf drinks about 40 litres of milk a week.") == ["contradiction"]


def test_a_site_a_place_verb_takes_as_its_object_is_where_from_or_to(fc):
    (f,) = frames_of(fc, "The vessel had left the Dundalk Marine Terminal less than an hour earlier.")
    assert [(p.place, p.prep) for p in f.places] == [("?dundalk marine terminal", "left")]
    ref = fc.extract("The ship struck the pier less than an hour after leaving the Seagirt Marine Terminal.")
    assert "contradiction" in verdicts_against(fc, ref)("The ship had left the Dundalk Marine Terminal less than an hour before it struck the pier.")


def test_a_count_before_its_verb_counts_who_did_it_and_a_share_needs_its_whole_in_the_phrase(fc):
    (f,) = frames_of(fc, "Thirty-four of them walked out unaided within 50 minutes.")
    assert [(a.dimension, a.value, a.noun) for a in f.amounts] == [("count", 34.0, "*"), ("duration", 50.0, "")]   # no share of minutes
    (f,) = frames_of(fc, "It employs about 620 people, roughly two-thirds of them contractors.")
    assert [(a.dimension, round(a.value, 1)) for a in f.amounts] == [("count", 620.0), ("percent", 66.7)]          # no count of two
    (f,) = frames_of(fc, "Volunteers had collected 73 oiled seabirds.")
    assert [a.noun for a in f.amounts] == ["seabird"]                # a participle before a noun is no verb
    ref = fc.extract("Forty-one workers were underground at the time. Thirty-four of them walked out unaided within 50 minutes.")
    report = fc.check("Of the 41 workers underground, 24 walked out unaided within 50 minutes.", ref)
    assert [f.kind for f in report.findings] == ["contradiction"]
    assert "Thirty-four" in report.findings[0].claim.statement


def test_a_prefixed_dollar_is_its_own_currency(fc):
    (f,) = frames_of(fc, "He won the £50,000 (A$96,000) prize.")
    assert [a.noun for a in f.amounts] == ["pound", "a dollar"]
    ref = fc.extract("The prize is worth £50,000, about $63,000.")
    assert verdicts_against(fc, ref)("The prize is worth £50,000 (A$96,000).") != ["contradiction"]


def test_a_name_that_begins_with_a_countrys_code_is_no_persons(fc):
    (f,) = frames_of(fc, "He took the US Open in 2022.")
    assert not f.people and [e.kind for e in f.participants] == ["org"]


def test_verbs_joined_by_and_share_their_doer(fc):
    ref = fc.extract("Katharina Steinbauer, the curator, drove to Bad Goisern overnight and collected the stone at about 07:30 on Friday.")
    report = fc.check("Mayor Brigitte Rehberger collected the stone at about 07:30 on Friday.", ref)
    assert [f.kind for f in report.findings] == ["contradiction"]
    assert [r.category for f in report.findings for r in f.rules] == ["person"]


def test_a_participle_or_relative_clause_set_off_by_commas_is_not_the_clauses_act(fc):
    (f,) = frames_of(fc, "Cole Palmer, sent on in place of Kobbie Mainoo, equalised three minutes later.")
    assert f.predicate == "equalise" and [e.key for e in f.agents] == ["palmer"]
    (f,) = frames_of(fc, "A single sale at Norrlund & Berg, which was founded in 1907, had passed 300 million kronor.")
    assert f.predicate == "pass"


def test_a_figure_another_claim_gives_is_that_claims_not_a_wrong_one(fc):
    ref = fc.extract("Crews blasted through the last wall of rock on Thursday, joining the two halves of the 9.4-kilometre "
                     "tunnel between Voss and Ulvik almost three and a half years after drilling began. It was the second "
                     "breakthrough, after a 1.3-kilometre ventilation tunnel was completed in January.")
    report = fc.check("The tunnel is 9.4 kilometres long.", ref)
    assert [f.kind for f in report.findings] == ["agreement"]
    assert "9.4" in report.findings[0].claim.statement
    assert [f.kind for f in fc.check("The tunnel is 4.9 kilometres long.", ref).findings] == ["contradiction"]


def test_a_bearing_from_a_place_is_compared_with_the_bearing_from_it_not_with_where_things_happened(fc):
    (f,) = frames_of(fc, "The mine is about 35 kilometres south-east of Moranbah.")
    assert [(p.place, p.prep, sorted(p.bearing)) for p in f.places] == [("?moranbah", "bearing", ["east", "south"])]
    (f,) = frames_of(fc, "Fighting raged in the east of the Congo.")
    assert not f.places[0].bearing                        # a part of it, not a direction from it
    ref = fc.extract("Voss is about 100 kilometres east of Bergen.")
    report = fc.check("Voss lies about 100 kilometres west of Bergen.", ref)
    assert [f.kind for f in report.findings] == ["contradiction"]
    assert any("west of Bergen" in r.message for f in report.findings for r in f.rules)
    ref = fc.extract("The blast happened at the Carbeen Creek mine, about 35 kilometres north-west of Moranbah in the Bowen Basin.")
    assert verdicts_against(fc, ref)("The mine is about 35 kilometres north-west of Moranbah, in the Galilee Basin.") == ["contradiction"]


def test_figures_swapped_between_two_names_are_a_contradiction(fc):
    ref = fc.extract("Raghavan won games four and nine, Brenner won games six and 12, and the remaining ten games were drawn.")
    kinds = verdicts_against(fc, ref)
    assert kinds("Raghavan won games four and 12 and Brenner games six and nine.") == ["contradiction"]
    assert kinds("Raghavan won games four and nine and Brenner games six and 12.") == ["agreement"]
    (f,) = frames_of(fc, "He won games four and nine.")
    assert [(a.value, a.noun) for a in f.amounts] == [(4, "match"), (9, "match")]       # a list of figures
    (f,) = frames_of(fc, "She ate six and 12 apples.")
    assert [(a.value, a.noun) for a in f.amounts] == [(6, "apple"), (12, "apple")]
    (f,) = frames_of(fc, "The team from Voss drilled 4.3 kilometres.")
    assert [a.value for a in f.amounts] == [4300]          # a measure after a name is no model number ("Boeing 737")


def test_a_rank_with_its_noun_left_out_ranks_what_the_copula_is_said_of(fc):
    def ranks(text):
        (f,) = frames_of(fc, text)
        return [(o.value, o.noun, o.within) for o in f.ordinals]
    assert ranks("The outbreak is the first on a Dutch commercial farm this autumn.") == [(1, "outbreak", False)]
    assert ranks("This autumn's outbreak is already the fifth on a commercial farm.") == [(5, "outbreak", False)]
    assert ranks("It was his fourth Grand Slam title and his second at the All England Club.")[1][2]   # a narrower series
    ref = fc.extract("It is the third outbreak of bird flu on a Dutch commercial farm this autumn and the first in Gelderland since March.")
    assert verdicts_against(fc, ref)("The outbreak is the first on a Dutch commercial farm this autumn.") == ["contradiction"]


def test_a_clause_with_its_subject_left_out_is_about_what_the_clause_before_it_is_about(fc):
    frames = frames_of(fc, "The transport ban lasts three days, and covers 46 other poultry farms.")
    assert "ban" in frames[-1].lemmas and [a.noun for a in frames[-1].amounts] == ["farm"]
    ref = fc.extract("A 72-hour ban on moving poultry took effect in a 10-kilometre zone around the farm, which contains 64 other poultry farms.")
    report = fc.check("The transport ban lasts three days, and covers 46 other poultry farms.", ref)
    assert "contradiction" in [f.kind for f in report.findings]


def test_a_verb_after_an_adverb_and_a_noun_before_a_noun(fc):
    (f,) = frames_of(fc, "The tunnel will definitely open to traffic in 2027.")
    assert f.predicate == "open" and f.verbs["open"][1] == "certain"
    frames = frames_of(fc, "The plane landed back in Portland, and no passenger or crew member was seriously hurt.")
    assert "crow" not in frames[-1].verbs and frames[-1].verbs["injure"][0] is True       # "crew member"; no one hurt
    ref = fc.extract("The tunnel could open to traffic in the autumn of 2027, she said.")
    assert verdicts_against(fc, ref)("The tunnel will definitely open to traffic in the autumn of 2027.") == ["contradiction"]


@pytest.mark.parametrize("text, key, kind", [
    ("Tallis Coal said the mine would stay shut.", "tallis coal", "org"),       # no given name, and "coal" is no family name
    ("Hallvik Tankers has hired a salvage firm.", "hallvik tankers", "org"),
    ("Merrick Garland said the case was closed.", "garland", "person"),          # "garland" is a family name
    ("Donald Trump said the deal was off.", "trump", "person"),                  # "Donald" is a given name
])
def test_a_name_that_begins_with_no_given_name_and_ends_in_a_noun_is_no_persons(fc, text, key, kind):
    (f,) = frames_of(fc, text)
    assert [(e.key, e.kind) for e in f.agents + f.participants + ([f.speaker] if f.speaker else [])][:1] == [(key, kind)]


def test_an_office_of_a_place_names_the_place_not_a_person(fc):
    (f,) = frames_of(fc, "Francis appointed him Bishop of Chiclayo in 2014.")
    assert "chiclayo" not in {e.key for e in f.people} and [p.place for p in f.places] == ["chiclayo-pe"]


def test_an_area_named_after_a_place_and_a_comma_is_where_it_is(fc):
    (f,) = frames_of(fc, "The images were traced to an exam centre in Tralee, County Clare.")
    assert [(p.place, p.prep) for p in f.places] == [("tralee-ie", "in"), ("?county clare", "in")]
    ref = fc.extract("It traced them to an exam centre at a secondary school in Tralee, County Kerry.")
    assert verdicts_against(fc, ref)("The images were traced to an exam centre in Tralee, County Clare.") == ["contradiction"]


def test_a_claim_that_shares_only_a_weekday_or_a_month_is_not_what_the_clause_is_about(fc):
    ref = fc.extract("The orders will stay in place until Friday. The fire crews held the line on Monday night.")
    kinds = verdicts_against(fc, ref)
    assert kinds("Readers pointed out the errors on Friday.") == ["new_claim"]
    assert kinds("The fire crews held the line on Monday night.") == ["agreement"]
    ref = fc.extract("The governor signed the budget on 3 June.")
    assert verdicts_against(fc, ref)("The governor signed the budget on 4 June.") == ["contradiction"]


def test_an_adverb_before_a_verb_in_s_leaves_it_a_verb(fc):
    (f,) = frames_of(fc, "The merger still needs approval from the regulator.")
    assert "need" in f.verbs
    (f,) = frames_of(fc, "The ferry usually sails at dawn.")
    assert "sail" in f.verbs
    (f,) = frames_of(fc, "No homes had been lost.")
    assert "home" not in f.verbs                          # "no" is a determiner here, not an adverb


def test_an_act_still_to_come_is_contradicted_by_saying_it_is_done(fc):
    ref = fc.extract("The merger still needs approval from the Office for Students, which is expected to decide in the spring.")
    kinds = verdicts_against(fc, ref)
    assert kinds("The merger has already been approved by the Office for Students.") == ["contradiction"]
    assert kinds("The merger still needs the approval of the Office for Students.") == ["agreement"]
    ref = fc.extract("At least 89 votes were needed.")
    assert verdicts_against(fc, ref)("Cardinals eligible to vote needed 89 votes.") != ["contradiction"]


def test_a_town_the_text_names_is_not_a_listed_town(fc):
    ref = fc.extract("The board of Northmoor University, based in the coastal town of Scarwick, backed the merger.")
    kinds = verdicts_against(fc, ref)
    assert kinds("The board of Northmoor University, based in the coastal town of Harrogate, backed the merger.") == ["contradiction"]
    assert kinds("The board of Northmoor University, based in the coastal town of Scarwick, backed the merger.") == ["agreement"]
    ref = fc.extract("A visitor centre will open in Valdecañas, a village of 143 inhabitants, in 2027.")
    assert verdicts_against(fc, ref)("A visitor centre will open in Zaragoza in 2027.") == ["contradiction"]


def test_an_office_before_a_name_may_begin_with_a_noun_that_is_also_a_verb(fc):
    (f,) = frames_of(fc, "The trade minister, Pilar Esteban, opened the fair.")
    assert [(e.key, e.title) for e in f.titles] == [("esteban", "trade minister")]


def test_offices_of_two_governments_are_two_offices(fc):
    en = fc.english
    assert not titles_compatible("spain 's culture minister", "regional culture minister", en)
    assert not titles_compatible("mayor of teruel", "mayor of zaragoza", en)
    assert titles_compatible("culture minister", "regional culture minister", en)
    assert titles_compatible("reforming argentine pope", "first latin american pope", en)    # where he is from, not what he governs


def test_an_office_before_an_honorific_and_a_name_is_the_persons_office(fc):
    (f,) = frames_of(fc, "Northmoor's chancellor, Professor David Kerr, will retire.")
    assert [(e.key, e.title) for e in f.titles] == [("kerr", "northmoor 's chancellor")]
    en = fc.english
    assert not titles_compatible("northmoor 's chancellor", "northmoor 's vice chancellor", en)
    assert not titles_compatible("carrowby 's pro vice chancellor", "carrowby 's vice chancellor", en)   # "pro" is a rank


def test_a_plural_after_a_multiplier_or_after_a_preposition_and_an_adjective_is_a_noun(fc):
    (f,) = frames_of(fc, "Four hundred jobs will be cut, most of them in professional services.")
    assert set(f.verbs) == {"cut"}
    ref = fc.extract("Up to 400 of the 7,800 jobs could go over three years, mostly in professional services.")
    assert verdicts_against(fc, ref)("Four hundred jobs will be cut over the next three years, mostly in professional services.") \
        == ["contradiction"]                   # certain against possible


def test_places_listed_together_share_their_role_and_a_list_with_another_town_contradicts(fc):
    (f,) = frames_of(fc, "Both main campuses, in Carrowby and Harrogate, will stay open.")
    assert [(p.place, p.prep) for p in f.places] == [("?carrowby", "in"), ("harrogate-gb", "in")]
    ref = fc.extract("Dame Helen Marsh, who chairs Carrowby's council, will chair the board. Both main campuses, in Carrowby and "
                     "Scarwick, will stay open.")
    assert verdicts_against(fc, ref)("Both main campuses, in Carrowby and Harrogate, will stay open.") == ["contradiction"]
    assert all(e.kind != "person" for c in ref.claims for e in c.frame.agents if e.key == "carrowby")   # "chairs" is no office


def test_a_duration_and_a_smaller_one_after_it_are_one_even_before_after(fc):
    (f,) = frames_of(fc, "Lamont was sentenced to five years and three months after pleading guilty in March.")
    assert [(a.dimension, a.value) for a in f.amounts] == [("duration", (5 * 365 + 3 * 30) * 1440)]


def test_a_place_of_one_verb_is_not_compared_with_the_place_of_another_the_clause_gives(fc):
    ref = fc.extract("They were flown to Inverness Airport on Monday and then driven for about an hour and a half to the estate.")
    assert verdicts_against(fc, ref)("They were flown into Inverness on Monday and driven to the Glenvarra Estate.") == ["agreement"]


def test_times_given_from_now_are_compared(fc):
    ref = fc.extract("Tests should show whether the strain matches one found in dead geese in Friesland last month.")
    kinds = verdicts_against(fc, ref)
    assert kinds("Tests should show whether the strain matches one found in dead geese in Friesland last year.") == ["contradiction"]
    assert kinds("Tests should show whether the strain matches one found in dead geese in Friesland last month.") == ["agreement"]


def test_a_pronoun_is_the_first_person_of_its_gender_the_name_allows(fc):
    text = ('Judge Sarah Pennington said Marcus Thorneycroft had spent the money on himself. "You built a house of '
            'cards," she told him.')
    sentences, _ = analyse_document(text, fc.english)
    said = [f for f in sentences[1] if f.speaker is not None]
    assert said and said[0].speaker.key == "pennington"
    pronouns = {e.text: e.key for f in sentences[1] for e in f.agents + f.participants if e.how == "pronoun"}
    assert pronouns.get("him", "thorneycroft") == "thorneycroft"


def test_the_south_west_and_the_south_east_are_two_parts_of_a_country(fc):
    ref = fc.extract("The animals were brought from the Bieszczady Mountains in south-eastern Poland.")
    kinds = verdicts_against(fc, ref)
    assert kinds("The animals were brought from the Bieszczady Mountains in south-western Poland.") == ["contradiction"]
    assert kinds("The animals were brought from the Bieszczady Mountains in southern Poland.") == ["agreement"]


def test_the_head_of_a_part_of_an_organisation_is_not_its_head(fc):
    en = fc.english
    assert not titles_compatible("director of the sfo", "sfo 's head of fraud", en)
    assert titles_compatible("head of the international chess federation", "president of fide", en)


def test_who_did_a_passive_act_is_the_name_after_by(fc):
    ref = fc.extract("The budget had been proposed in October by Mayor Elena Ruiz.")
    kinds = verdicts_against(fc, ref)
    assert kinds("The budget had been proposed in October by Alder Marcus Delgado.") == ["contradiction"]
    assert kinds("Mayor Elena Ruiz proposed the budget in October.") == ["agreement"]
    (f,) = frames_of(fc, "The painting was consigned by the foundation.")
    assert "paint" not in f.verbs                        # "the painting": a noun after a determiner
