"""General English the frame analysis reads with: lemmas, cue words, titles, opposites, places.

Everything here is about English, not about one article: function words, office nouns,
organisation heads, opposite pairs and paraphrase groups (rules/lexicon/english.json); number,
date, negation, modality and attribution words (the other general files of rules/lexicon/);
places from GeoNames (rules/gazetteer/places.tsv); given names that are English words from
Faker's name lists (rules/lexicon/given_names.json); lemmas from lemminflect.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from lemminflect import getAllLemmas

from .. import models
from ..lexicon import _date_words, _number_words
from ..loader import load_model
from ..text.dates import DateWords
from ..text.gazetteer import Entry, Gazetteer
from ..text.quantities import NumberWords
from ..text.tokens import tokenize
from .places import Places, load_places

CUE_FILES = {"numbers": models.NumbersFile, "dates": models.DatesFile, "negation": models.NegationFile,
             "modality": models.ModalityFile, "discourse": models.DiscourseFile, "english": models.EnglishFile,
             "given_names": models.GivenNamesFile}


def _key(phrase: str) -> tuple[str, ...]:
    return tuple(t.norm for t in tokenize(phrase))


@lru_cache(maxsize=65536)
def lemma_of(word: str) -> tuple[str, frozenset[str]]:
    """(lemma, parts of speech) of a lower-case word; a word lemminflect does not know is its own lemma."""
    forms = getAllLemmas(word)
    if not forms:
        return word, frozenset()
    for pos in ("VERB", "NOUN", "ADJ", "ADV", "AUX", "PROPN"):
        if pos in forms:
            return forms[pos][0].lower(), frozenset(forms)
    return word, frozenset(forms)


@lru_cache(maxsize=65536)
def noun_lemma(word: str) -> str:
    """The lemma of a word read as a noun ("crew", not the verb "crow"); the word if it is no noun."""
    forms = getAllLemmas(word)
    return forms["NOUN"][0].lower() if "NOUN" in forms else word


class OfficeNouns(frozenset):
    """The office nouns of rules/lexicon/english.json, and any noun English makes a person's role with
    an agent suffix: "specialist", "volcanologist", "arbiter", "curator", "investigator", "historian"."""

    _SUFFIXES = ("ist", "ian", "eer", "ator", "itor", "ector", "iter", "ologist")
    _THINGS = frozenset({"indicator", "elevator", "calculator", "generator", "radiator", "accelerator", "ventilator", "detector",
                         "projector", "connector", "reflector", "sector", "vector", "meridian", "median", "assist", "exist",
                         "insist", "resist", "persist", "consist", "twister", "monitor", "capacitor", "incubator"})

    def __contains__(self, word) -> bool:
        return frozenset.__contains__(self, word) or _agent_noun(word, self._SUFFIXES, self._THINGS)


@lru_cache(maxsize=16384)
def _agent_noun(word, suffixes, things) -> bool:
    # (a word the lemmatiser does not know counts only with the unmistakable "-ologist": "Brian" is no office)
    return isinstance(word, str) and len(word) >= 6 and word.isalpha() and word.endswith(suffixes) and word not in things \
        and ("NOUN" in lemma_of(word)[1] or word.endswith("ologist") and not lemma_of(word)[1])


@dataclass
class English:
    numbers: NumberWords
    dates: DateWords
    cues: Gazetteer
    function_words: frozenset[str]
    office_nouns: frozenset[str]
    office_phrases: dict[tuple[str, ...], str]
    org_heads: frozenset[str]
    person_titles: frozenset[str]
    opposites: dict[str, frozenset[str]]
    paraphrase: dict[str, str]
    vague: dict[tuple[str, ...], tuple[float, float]]
    places: Places
    say_words: frozenset[str] = field(default_factory=frozenset)
    given_names: frozenset[str] = field(default_factory=frozenset)     # given names that are also English words
    any_given_names: frozenset[str] = field(default_factory=frozenset)     # every given name Faker lists
    noun_surnames: frozenset[str] = field(default_factory=frozenset)       # family names that are also English nouns
    female_names: frozenset[str] = field(default_factory=frozenset)        # given names only women have ("sarah")
    male_names: frozenset[str] = field(default_factory=frozenset)          # given names only men have ("marcus")
    quantifiers: dict[tuple[str, ...], tuple[float, float]] = field(default_factory=dict)   # share of a set, in percent
    directions: dict[tuple[str, ...], str] = field(default_factory=dict)   # ("rise",), ("pick", "up") -> "up"; ("cut",) -> "down"
    vague_by_first: dict[str, list[tuple[str, ...]]] = field(init=False)
    quantifiers_by_first: dict[str, list[tuple[str, ...]]] = field(init=False)
    change_words: frozenset[str] = field(init=False)       # the one-word directions: "rise", "cut"
    calendar_words: frozenset[str] = field(init=False)     # weekday and month names

    def __post_init__(self):
        self.vague_by_first = _by_first(self.vague)
        self.quantifiers_by_first = _by_first(self.quantifiers)
        self.change_words = frozenset(w[0] for w in self.directions if len(w) == 1)
        self.calendar_words = frozenset(self.dates.weekdays) | frozenset(self.dates.months)

    def canonical(self, lemma: str) -> str:
        """One word for each paraphrase group ("pontiff" -> "pope")."""
        return self.paraphrase.get(lemma, lemma)

    def verb(self, lemma: str) -> str:
        """The paraphrase group's word for a verb, unless that word is no verb: "heading" for a
        course is "head", not the "leader" of the group [leader, head]."""
        canonical = self.paraphrase.get(lemma, lemma)
        return canonical if canonical == lemma or "VERB" in lemma_of(canonical)[1] else lemma

    def opposite(self, a: str, b: str) -> bool:
        return b in self.opposites.get(a, ())


def _by_first(phrases) -> dict[str, list[tuple[str, ...]]]:
    """Phrases by their first word, longest first."""
    by_first: dict[str, list[tuple[str, ...]]] = {}
    for key in sorted(phrases, key=len, reverse=True):
        by_first.setdefault(key[0], []).append(key)
    return by_first


def load_english(rules_dir: Path) -> English:
    folder = rules_dir / "lexicon"
    f = {name: load_model(folder / f"{name}.json", f"lexicon.{name}", model) for name, model in CUE_FILES.items()}
    cues = Gazetteer()

    def add(terms, type_, id_):
        for t in terms:
            cues.add(t, Entry("cue", type_, id_, t))

    neg, mod, disc, eng = f["negation"], f["modality"], f["discourse"], f["english"]
    add(neg.negators, "negation", "negator")
    add(neg.negative_predicates, "negation", "predicate")
    add(neg.neutral, "neutral", "neutral")
    for level in ("certain", "possible", "scheduled"):
        add(getattr(mod, level), "modality", level)
    add(disc.say_verbs, "say", "say")
    add(disc.opinion, "opinion", "opinion")
    opposites: dict[str, set[str]] = {}
    paraphrase: dict[str, str] = {}
    def lemma_phrase(phrase: str) -> str:      # "called off" -> "call off"
        words = phrase.split()
        return " ".join([lemma_of(words[0])[0]] + words[1:])

    for group in eng.paraphrases:
        head = lemma_phrase(group[0])
        for word in group:
            paraphrase.setdefault(lemma_phrase(word), head)
    # opposites hold between words, their lemmas and their paraphrase groups ("hail" and "denounce")
    for a, b in eng.opposites:
        for x, y in ((a, b), (b, a)):
            ys = {y, lemma_of(y)[0], paraphrase.get(lemma_of(y)[0], lemma_of(y)[0])}
            for lx in {x, lemma_of(x)[0], paraphrase.get(lemma_of(x)[0], lemma_of(x)[0])}:
                opposites.setdefault(lx, set()).update(ys)
    office_phrases = {_key(o): o for o in eng.office_nouns}
    return English(
        numbers=_number_words(f["numbers"]), dates=_date_words(f["dates"]), cues=cues,
        function_words=frozenset(eng.function_words),
        office_nouns=OfficeNouns(lemma_of(o)[0] for o in eng.office_nouns if " " not in o),
        office_phrases=office_phrases,
        org_heads=frozenset(eng.org_heads), person_titles=frozenset(eng.person_titles),
        opposites={k: frozenset(v) for k, v in opposites.items()}, paraphrase=paraphrase,
        directions={tuple(lemma_phrase(w).split()): way for way, words in eng.directions.items() for w in words},
        vague={_key(k): (v[0], v[1]) for k, v in eng.vague_amounts.items()},
        quantifiers={_key(k): (v[0], v[1]) for k, v in eng.quantifiers.items()},
        places=load_places(rules_dir / "gazetteer" / "places.tsv"),
        say_words=frozenset(w for w in disc.say_verbs if " " not in w),
        given_names=frozenset(f["given_names"].given_names),
        any_given_names=frozenset(f["given_names"].any_given_names),
        noun_surnames=frozenset(f["given_names"].noun_surnames),
        female_names=frozenset(f["given_names"].female_given_names),
        male_names=frozenset(f["given_names"].male_given_names),
    )
