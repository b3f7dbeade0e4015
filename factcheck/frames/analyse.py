"""Read a document into frames: sentences -> tokens -> names, values, cues -> clauses -> frames.

The same analysis reads a reference article (its frames become claims) and a draft (its
frames are compared with them). A Document keeps what later sentences need from earlier
ones: the people named so far (so "Prevost", "he" and "Provost" resolve to the one named
"Robert Francis Prevost") and the titles the text gives them.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from rapidfuzz import fuzz, process

from ..text.dates import find_dates
from ..text.gazetteer import longest_per_layer
from ..text.quantities import find_quantities
from ..text.sentences import Sentence, split_sentences
from ..text.tokens import Token, tokenize
from .english import English, lemma_of
from .model import Amount, ClockTime, Entity, Frame, OrdinalRef, PlaceRef

_CONNECT = frozenset({"of", "for", "de", "del", "della", "di", "da", "von", "van", "der", "la", "le", "al", "bin", "du", "dos", "das"})
_RANK_WORDS = frozenset({"vice", "deputy", "assistant", "acting", "former", "ex", "associate", "interim"})
_PARTICLES = frozenset({"de", "del", "della", "di", "da", "von", "van", "der", "al", "bin", "du", "dos", "das"})  # "von der Leyen"
_NAME_INNER = frozenset({"'s"})
_PRONOUNS = {"he": "m", "him": "m", "his": "m", "himself": "m", "she": "f", "her": "f", "hers": "f", "herself": "f"}
_SUBORDINATORS = frozenset({"after", "before", "when", "while", "although", "though", "as", "since", "because", "if", "once", "until"})
_AUX = frozenset({"be", "is", "are", "was", "were", "been", "being", "am", "have", "has", "had", "do", "does", "did", "will", "would",
                  "shall", "should", "can", "could", "may", "might", "must", "to", "not", "n't", "never", "also", "then", "already"})
_DETERMINERS = frozenset({"the", "a", "an", "this", "that", "these", "those", "his", "her", "its", "their", "our", "my", "your", "'s", "no", "every", "each"})
_PASSIVE_BE = frozenset({"is", "are", "was", "were", "been", "be", "being"})
_QUOTED = re.compile(r'["\u201c]([^"\u201c\u201d]{3,300})["\u201d]')
_PARTICLE_AFTER = frozenset({"off", "out", "up", "down", "back", "on", "over", "away"})
_ROMAN = re.compile(r"^(?=[ivxlc]+$)c{0,3}(xc|xl|l?x{0,3})(ix|iv|v?i{0,3})$")
_CLOCK = re.compile(r"\b(\d{1,2})(?:[:.](\d{2}))?\s?(a\.?m\.?|p\.?m\.?)(?![a-z])|\b(\d{1,2}):(\d{2})\b", re.I)
_CLOCK_APPROX = {"shortly after": (0, 30), "just after": (0, 15), "soon after": (0, 30), "after": (0, 60),
                 "just before": (-15, 0), "shortly before": (-30, 0), "before": (-60, 0), "around": (-10, 10),
                 "about": (-10, 10), "roughly": (-10, 10), "approximately": (-10, 10), "a few minutes past": (1, 10),
                 "just past": (0, 15), "past": (0, 30)}
_RULED_OUT = ("rule out", "ruled out", "rules out", "ruling out", "out of the question", "off the table", "exclude",
              "excluded", "excludes", "out of reach")
_REQUIRED = frozenset({"must", "have to", "has to", "had to", "need to", "needs to", "is required", "are required", "required to",
                       "would have to", "will have to", "certainly", "definitely", "inevitably", "inevitable", "guaranteed to",
                       "certain", "definite", "was certain"})
_TENSE_ONLY = frozenset({"will", "would be", "will be", "shall", "is going to", "are going to"})


@dataclass
class Person:
    key: str
    name: str
    titles: list[str] = field(default_factory=list)
    gender: str = ""


@dataclass
class Document:
    """People named so far, and who a pronoun would point to."""

    english: English
    people: dict[str, Person] = field(default_factory=dict)
    last_person: str = ""
    mentions: dict[str, int] = field(default_factory=dict)
    known: dict[str, Person] | None = None      # the reference's people, when reading a draft

    def person_key(self, surname: str) -> str:
        if surname in self.people:
            return surname
        pools = [self.people] + ([self.known] if self.known else [])
        for pool in pools:
            for key, p in pool.items():
                if p.name.lower().split()[-1:] == [surname]:
                    return key
        for pool in pools:
            if len(surname) >= 5 and pool:
                best = process.extractOne(surname, list(pool), scorer=fuzz.ratio, score_cutoff=85)
                if best:
                    return best[0]
        return surname


@dataclass
class _Name:
    first: int
    last: int
    title_first: int = -1     # title tokens before the name inside the run ("Vice President")


def analyse_document(text: str, english: English, known: dict[str, Person] | None = None,
                     sentences: list[Sentence] | None = None) -> tuple[list[list[Frame]], Document]:
    doc = Document(english, known=known)
    out = []
    for i, sentence in enumerate(sentences if sentences is not None else split_sentences(text)):
        out.append(analyse_sentence(sentence, i, doc))
    return out, doc


def analyse_sentence(sentence: Sentence, index: int, doc: Document) -> list[Frame]:
    en = doc.english
    tokens = tokenize(sentence.text, sentence.start)
    if not tokens:
        return []
    cues = longest_per_layer(en.cues.find(tokens), per_id_layers=frozenset())
    entities = _entities(tokens, doc, sentence.text, sentence.start)
    places = _places(tokens, entities, en)
    amounts = _amounts(tokens, en)
    times = _clock_times(sentence, tokens)
    time_tokens = {i for t in times for i in range(t.first, t.first + 4) if i < len(tokens) and tokens[i].start < t.end_char}
    dates = [d for d in find_dates(tokens, en.dates) if d.first not in time_tokens]
    date_tokens = {i for d in dates for i in range(d.first, d.last + 1)}
    dates = [d for d in dates if not _attributive(tokens, d)]
    amounts = [q for q in amounts if q.first not in time_tokens and q.first not in date_tokens]
    cues = [m for m in cues if m.first not in date_tokens]
    ordinals = _ordinals(tokens, en)
    frames = []
    verb = [_is_verb(tokens, i, en) for i in range(len(tokens))]
    clauses = _clauses(tokens, verb)
    for c, (a, b) in enumerate(clauses):
        frames.append(_frame(sentence, index, c, tokens, verb, a, b, entities, places, amounts, times, dates, ordinals, cues,
                             doc, frames[-1] if frames else None))
    named = [e.key for f in frames for e in f.agents + ([f.speaker] if f.speaker else []) if e.kind == "person"]
    for e in entities:
        if e.kind == "person" and e.how != "pronoun":
            doc.mentions[e.key] = doc.mentions.get(e.key, 0) + 1
    if not named and doc.mentions:          # "The new pope stepped out. His first words...": the text's topic
        doc.last_person = max(doc.mentions, key=doc.mentions.get)
    opinion = any(m.entry.type == "opinion" for m in cues)
    for f in frames:
        f.opinion = opinion
        f.question = sentence.text.rstrip().endswith("?")
    return frames


# --- names ----------------------------------------------------------------------------------

def _capital(tok: Token) -> bool:
    return tok.is_word and tok.text[:1].isupper()


def _name_runs(tokens: list[Token], en: English, text: str, offset: int) -> list[_Name]:
    runs, i, n = [], 0, len(tokens)

    def adjacent(j: int) -> bool:           # only spaces between tokens j and j+1 ("CITY — Cardinal" is two runs)
        return not text[tokens[j].end - offset:tokens[j + 1].start - offset].strip()

    def nameable(tok: Token) -> bool:
        return _capital(tok) and tok.norm not in en.dates.months and tok.norm not in en.dates.weekdays \
            and tok.norm not in en.numbers.values and tok.norm.rstrip("s") not in en.numbers.values and tok.norm != "i"

    while i < n:
        tok = tokens[i]
        if not nameable(tok):
            i += 1
            continue
        if i == 0 or tokens[i - 1].norm in ('"', "(", ":"):
            lemma, pos = lemma_of(tok.norm)
            known_word = bool(pos) and tok.norm not in en.places.names and tok.norm not in en.places.demonyms
            next_cap = i + 1 < n and nameable(tokens[i + 1]) and adjacent(i)
            says_next = i + 1 < n and tokens[i + 1].norm in en.say_words and not tok.norm.endswith("s")   # "Graham said"
            if tok.norm in en.function_words or (known_word and not next_cap and lemma not in en.office_nouns and not says_next):
                i += 1
                continue
        j = i
        while j + 1 < n and adjacent(j):
            nxt = tokens[j + 1]
            if nameable(nxt) or (nxt.norm in _NAME_INNER and j + 2 < n and nameable(tokens[j + 2])):
                j += 1
                continue
            if nxt.norm in _CONNECT and j + 2 < n and nameable(tokens[j + 2]) and (nxt.norm in _PARTICLES or _joins(tokens[j], en)):
                j += 1
                continue
            break
        runs.append(_Name(i, j))
        i = j + 1
    return runs


def _joins(before: Token, en: English) -> bool:
    """ "Secretary of State", "University of Chicago" join across "of"; "Mamberti of France" does not."""
    word = lemma_of(before.norm)[0]
    return word in en.office_nouns or word in en.org_heads


def _office_end(tokens: list[Token], first: int, last: int, en: English) -> int:
    """Last token of a title at the start of a name run ("Vice President" in "Vice President JD Vance"), or -1."""
    end = -1
    for k in range(first, last):
        w = lemma_of(tokens[k].norm)[0]
        if w in en.office_nouns or tokens[k].norm.rstrip(".") in en.person_titles:
            end = k
    if end >= 0 and end < last and any(_capital(t) and t.norm not in _CONNECT for t in tokens[end + 1:last + 1]):
        # "Secretary of State Marco Rubio": the title runs on over "of State"
        if end + 2 <= last and tokens[end + 1].norm == "of":
            end += 2
        return end if end < last else -1
    return -1


def _entities(tokens: list[Token], doc: Document, text: str, offset: int) -> list[Entity]:
    en = doc.english
    out: list[Entity] = []
    for run in _name_runs(tokens, en, text, offset):
        a, b = run.first, run.last
        t_end = _office_end(tokens, a, b, en)
        name_from = t_end + 1 if t_end >= 0 else a
        lemmas = [lemma_of(t.norm)[0] for t in tokens[name_from:b + 1]]
        whole = " ".join(t.norm for t in tokens[a:b + 1]).replace(" 's", "'s")
        if (name_from < b or t_end >= 0) and not en.places.lookup(whole) and (
                any(w in en.org_heads for w in lemmas[1 if t_end < 0 else 0:])
                or tokens[b].norm.endswith("s") and lemmas[-1] in en.office_nouns):
            # "Sistine Chapel", "St Peter's Basilica", "Dicastery for Bishops": an organisation or a site
            out.append(Entity(whole, "org", " ".join(t.text for t in tokens[a:b + 1]).replace(" 's", "'s"), a, b))
            owner = next((k for k in range(a + 1, b) if tokens[k].norm == "'s"), a + 1)
            # "Munich's Allianz Arena", "Portland International Airport": the place it is in
            for end in range(owner, a, -1):
                where = " ".join(t.norm for t in tokens[a:end])
                if en.places.lookup(where):
                    out.append(Entity(where, "place", " ".join(t.text for t in tokens[a:end]), a, end - 1))
                    break
            continue
        title = ""
        if t_end >= 0:
            title = " ".join(t.norm for t in tokens[a:t_end + 1])
            a = t_end + 1
        while a <= b and tokens[a].norm in _CONNECT:
            a += 1
        if a > b:
            continue
        text = " ".join(t.text for t in tokens[a:b + 1]).replace(" 's", "'s")
        folded = " ".join(t.norm for t in tokens[a:b + 1]).replace(" 's", "'s")
        ids = en.places.lookup(folded) or en.places.lookup(folded.removesuffix("'s"))
        last_lemma = lemma_of(tokens[b].norm)[0]
        if not title and folded in en.places.demonyms:
            out.append(Entity(en.places.demonyms[folded], "demonym", text, a, b))
            continue
        if a < b and tokens[a].norm in en.places.demonyms and not title and not ids:
            # "Ukrainian President" handled above; "Peruvian citizen" is a demonym and a word
            out.append(Entity(en.places.demonyms[tokens[a].norm], "demonym", tokens[a].text, a, a))
            a += 1
            text = " ".join(t.text for t in tokens[a:b + 1])
            folded = " ".join(t.norm for t in tokens[a:b + 1])
            ids = en.places.lookup(folded)
        known_person = a == b and (folded in doc.people or bool(doc.known and folded in doc.known))
        if ids and not title and not known_person:      # "Graham" is a town, unless the text named a Graham
            out.append(Entity(folded, "place", text, a, b))
            continue
        if (last_lemma in en.org_heads or tokens[b].caps and not _ROMAN.match(tokens[b].norm)) and not title:
            out.append(Entity(folded, "org", text, a, b))
            continue
        person = _person(tokens, a, b, title, doc)
        if person is not None:
            out.append(person)
        elif a == b and not lemma_of(folded)[1]:
            out.append(Entity(folded, "name", text, a, b))
        else:
            out.append(Entity(folded, "org", text, a, b))
    _lowercase_titles(tokens, out, doc)
    _role_titles(tokens, out, doc)
    _appositive_titles(tokens, out, doc)
    out.extend(_pronouns(tokens, out, doc))
    out.sort(key=lambda e: e.first)
    return out


def _person(tokens: list[Token], a: int, b: int, title: str, doc: Document) -> Entity | None:
    words = [t.norm for t in tokens[a:b + 1] if t.norm != "'s"]
    if not words:
        return None
    surname = words[-1]
    if len(words) >= 2 and _ROMAN.match(words[-1]):
        surname = " ".join(words[-2:])          # Leo XIV, not "xiv"
    single = len(words) == 1
    if not title and len(words) >= 3 and sum(bool(lemma_of(w)[1]) for w in words) >= 2:
        return None                              # "Dow Jones Industrial Average": common words, not a person's name
    if single and not title and surname not in doc.people and not (doc.known and surname in doc.known):
        key = doc.person_key(surname)
        if key == surname:
            return None                          # a capitalised word, or a name nothing says is a person's
        surname = key
    key = doc.person_key(surname)
    full = " ".join(t.text for t in tokens[a:b + 1]).replace(" 's", "")
    p = doc.people.get(key)
    if p is None:
        base = (doc.known or {}).get(key)
        p = doc.people[key] = Person(key, base.name if base and single else full)
    elif len(full) > len(p.name) and not single:
        p.name = full
    if title and title not in p.titles:
        p.titles.append(title)
    return Entity(key, "person", full, a, b, title=title, how="surname" if single else "name")


def _lowercase_titles(tokens: list[Token], entities: list[Entity], doc: Document) -> None:
    """ "foreign minister Andrii Sybiha": a lower-case office right before a person's name."""
    en = doc.english
    for k, e in enumerate(entities):
        if e.kind not in ("person", "name") or e.title or e.first == 0:
            continue
        for size in (3, 2, 1):
            lo = e.first - size
            if lo < 0:
                continue
            phrase = tuple(t.norm for t in tokens[lo:e.first])
            if phrase in en.office_phrases or (size == 1 and lemma_of(phrase[0])[0] in en.office_nouns):
                if lo > 0 and tokens[lo - 1].norm in _RANK_WORDS:         # "vice chair", "deputy administrator"
                    phrase = (tokens[lo - 1].norm,) + phrase
                entities[k] = _as_person(_with_title(e, " ".join(phrase)), doc)
                break


_APPOINT = frozenset({"name", "appoint", "elect", "make", "choose", "nominate", "install", "swear", "select"})


def _role_titles(tokens: list[Token], entities: list[Entity], doc: Document) -> None:
    """An office given in the act itself: "named Rachel Reeves as chancellor", "appointed him prime
    minister", "Angela Rayner was appointed chancellor"."""
    en = doc.english
    n = len(tokens)
    for k, e in enumerate(entities):
        if e.kind not in ("person", "name") or e.title or e.how == "pronoun":
            continue
        j = e.last + 1
        passive = j + 1 < n and tokens[j].norm in ("was", "were", "is", "has", "had", "been") and \
            lemma_of(tokens[j + 1].norm)[0] in _APPOINT
        if passive:
            j += 2
        elif not (e.first > 0 and lemma_of(tokens[e.first - 1].norm)[0] in _APPOINT):
            continue
        if j < n and tokens[j].norm == "as":
            j += 1
        end = j
        while end < n and end - j < 5 and (tokens[end].is_word and tokens[end].norm not in ("and", "but", "on", "in", "at", "after", "by")):
            end += 1
        title = _title_phrase(tokens[j:end], en) if end > j else ""
        if title and lemma_of(tokens[j].norm)[0] in en.office_nouns | {"the", "a"} | _RANK_WORDS or title and _capital(tokens[j]) is False and \
                any(lemma_of(t.norm)[0] in en.office_nouns for t in tokens[j:min(end, j + 3)]):
            entities[k] = _as_person(_with_title(e, title), doc)
            p = doc.people.get(e.key)
            if p is not None and title not in p.titles:
                p.titles.append(title)


def _appositive_titles(tokens: list[Token], entities: list[Entity], doc: Document) -> None:
    """ "Marco Rubio, the secretary of state," and "Peru's president, Dina Boluarte"."""
    en = doc.english
    n = len(tokens)
    for k, e in enumerate(entities):
        if e.kind not in ("person", "name"):
            continue
        j = e.last + 1
        if j + 1 < n and tokens[j].norm == "of" and _capital(tokens[j + 1]):      # "Mamberti of France, the protodeacon"
            j += 2
            while j < n and _capital(tokens[j]):
                j += 1
        if j < n and tokens[j].norm == ",":
            end = j + 1
            while end < n and tokens[end].norm not in (",", ".", ";", ")", '"', "who", "which", "that", "whose") and end - j <= 9:
                end += 1
            phrase = tokens[j + 1:end]
            if phrase and phrase[0].norm in ("the", "a", "an", "his", "her", "its", "their") or (len(phrase) > 1 and phrase[1].norm == "'s"):
                title = _title_phrase(phrase, en)
                if title:
                    entities[k] = e = _with_title(e, title)
        # "Peru's president, Dina Boluarte": the noun phrase that ends in an office, right before the comma
        of_office = next((i for i in range(max(0, e.first - 6), e.first - 1) if lemma_of(tokens[i].norm)[0] in en.office_nouns
                          and i + 1 < e.first - 1 and tokens[i + 1].norm == "of"), None) if e.first >= 2 else None
        if e.first >= 2 and tokens[e.first - 1].norm == "," and (lemma_of(tokens[e.first - 2].norm)[0] in en.office_nouns or of_office is not None):
            lo = e.first - 2 if of_office is None else of_office
            while lo > 0 and e.first - lo < 5 and _in_title(tokens[lo - 1], en):
                lo -= 1
            while lo > 0 and tokens[lo - 1].norm in _RANK_WORDS:
                lo -= 1                                  # "A former director of public prosecutions, Starmer"
            before = tokens[lo - 1].norm if lo > 0 else ""
            opening = lo == 1 and before in ("a", "an", "the")
            title = _title_phrase(tokens[lo:e.first - 1], en) \
                if opening or before in ("", ",", "and", "but", '"', "(", "its", "his", "her", "their", "our") else ""
            if title:                               # not "According to a White House official, Trump ..."
                entities[k] = _with_title(e, title)
        if entities[k].title:
            entities[k] = _as_person(entities[k], doc)
            p = doc.people.get(entities[k].key)
            if p is not None and entities[k].title not in p.titles:
                p.titles.append(entities[k].title)


def _in_title(tok: Token, en: English) -> bool:
    """A word that can stand in an office's noun phrase before it: "Peru 's", "Vatican", "deputy"."""
    if not tok.is_word and tok.norm != "'s":
        return False
    if tok.norm in en.function_words and tok.norm not in ("'s", "of"):
        return False
    lemma, pos = lemma_of(tok.norm)
    return "VERB" not in pos or lemma in en.office_nouns or tok.text[:1].isupper()


def _as_person(e: Entity, doc: Document) -> Entity:
    """A single name given an office ("Rodri, Spain's midfielder") is a person's."""
    if e.kind != "name":
        return e
    doc.people.setdefault(e.key, Person(e.key, e.text))
    return Entity(e.key, "person", e.text, e.first, e.last, title=e.title, how=e.how)


def _title_phrase(phrase: list[Token], en: English) -> str:
    """The office in a short noun phrase ("the Vatican secretary of state"), or ""."""
    words = [t.norm for t in phrase]
    lemmas = [lemma_of(w)[0] for w in words]
    if not any(lm in en.office_nouns for lm in lemmas) or any(lemma_of(w)[1] & {"VERB"} and w.endswith(("ed", "s")) and lemma_of(w)[0] not in en.office_nouns and w not in ("states", "'s") for w in words[1:2]):
        return ""
    keep = [w for w in words if w not in ("the", "a", "an", "his", "her", "its", "their")]
    return " ".join(keep)


def _with_title(e: Entity, title: str) -> Entity:
    return Entity(e.key, e.kind, e.text, e.first, e.last, title=title, how=e.how)


def _pronouns(tokens: list[Token], entities: list[Entity], doc: Document) -> list[Entity]:
    out = []
    for i, t in enumerate(tokens):
        if t.norm in _PRONOUNS:
            before = [e for e in entities if e.kind == "person" and e.last < i]
            key = before[-1].key if before else doc.last_person
            if key:
                out.append(Entity(key, "person", t.text, i, i, how="pronoun"))
    return out


# --- values -----------------------------------------------------------------------------------

def _places(tokens: list[Token], entities: list[Entity], en: English) -> list[PlaceRef]:
    found = [e for e in entities if e.kind in ("place", "org", "demonym")]
    candidates = {e.first: en.places.lookup(e.key) or en.places.lookup(e.key.removesuffix("'s")) for e in found if e.kind == "place"}
    nearby: set[str] = set()
    for ids in candidates.values():
        if len(ids) == 1:
            nearby |= en.places.ancestors(ids[0])
    out = []
    for e in found:
        if e.kind != "place":
            continue
        ids = candidates[e.first]
        pid = en.places.resolve(ids, nearby - set(ids))
        prep = tokens[e.first - 1].norm if e.first else ""
        if prep == "for" and e.first >= 2 and tokens[e.first - 2].norm in ("bound", "headed", "left", "leave", "leaves", "departed"):
            prep = "bound for"                       # "bound for Ontario" is where to; "peace for Ukraine" is no place
        if prep == "," and out and out[-1].first < e.first and _adjacent_place(out[-1], e, tokens):
            prep = out[-1].prep                      # "bound for Ontario, Canada": Canada is where it was bound too
        if e.first == 0 and e.last + 1 < len(tokens) and tokens[e.last + 1].norm == "," and e.text.isupper():
            prep = "in"                              # a dateline: "BERLIN, 14 July -" is where it happened
        out.append(PlaceRef(pid, en.places.kind(pid), e.text, e.first, prep))
    return out


def _adjacent_place(before: PlaceRef, e: Entity, tokens: list[Token]) -> bool:
    k = e.first - 2
    return k >= before.first and all(_capital(t) or t.norm == "'s" for t in tokens[before.first:k + 1])


def _noun_after(tokens: list[Token], j: int, en: English, limit: int = 3) -> str:
    for k in range(j, min(len(tokens), j + limit)):
        if tokens[k].is_number:
            return ""                 # "the first 45 minutes" ranks nothing
        w = tokens[k].norm
        if tokens[k].is_word and w not in en.function_words:
            return en.canonical(lemma_of(w)[0])
    return ""


def verbish(word: str) -> bool:
    return lemma_of(word)[1] == frozenset({"VERB"}) or lemma_of(word)[1] == frozenset({"VERB", "AUX"})


def _noun_phrase(tokens: list[Token], j: int, en: English, limit: int = 4) -> tuple[str, ...]:
    """The content words of the noun phrase from token j: "criminal counts", "cardinal electors"."""
    out = []
    for k in range(j, min(len(tokens), j + limit)):
        t = tokens[k]
        if not t.is_word or t.norm in en.function_words or (t.norm.endswith("ing") and out):
            break
        out.append(en.canonical(lemma_of(t.norm)[0]))
    return tuple(out)


def _amounts(tokens: list[Token], en: English) -> list[Amount]:
    out: list[Amount] = []
    taken: set[int] = set()
    n = len(tokens)
    for i in range(n):
        for key in en.vague_by_first.get(tokens[i].norm, ()):     # longest first
            k = len(key)
            lo, hi = en.vague[key]
            if tuple(t.norm for t in tokens[i:i + k]) == key and not taken & set(range(i, i + k)):
                noun = _noun_after(tokens, i + k, en)
                out.append(Amount("count", lo, hi, lo, noun, " ".join(t.text for t in tokens[i:i + k]), i, vague=True,
                                  phrase=_noun_phrase(tokens, i + k, en)))
                taken.update(range(i, i + k))
    for q in find_quantities(tokens, en.numbers, offsets=True):
        if q.first in taken or any(i in taken for i in range(q.first, q.last + 1)):
            continue
        after = tokens[q.last + 1].norm if q.last + 1 < n else ""
        if q.dimension == "duration" and after == "old" or (q.first >= 2 and tokens[q.first - 1].norm == "of" and tokens[q.first - 2].norm == "age"):
            out.append(Amount("age", q.lo / 525600, q.hi / 525600, q.value / 525600, "", q.text, q.first))
            continue
        if q.dimension == "offset":      # "forty minutes after the smoke": after what, and how long after
            k = q.last + 2
            while k < n and tokens[k].norm in en.function_words:
                k += 1
            anchor = en.canonical(lemma_of(tokens[k].norm)[0]) if k < n and tokens[k].is_word else ""
            out.append(Amount("offset", q.lo, q.hi, q.value, f"{q.noun} {anchor}".strip(), q.text, q.first, approx=q.approx))
            continue
        if q.dimension == "count":
            noun = en.canonical(lemma_of(q.noun)[0])
            if noun in ("percent", "per"):
                out.append(Amount("percent", q.lo, q.hi, q.value, "", q.text, q.first))
                continue
            if noun in ("basis", "point", "percentage"):
                scale = 100 if noun == "percentage" else 1
                out.append(Amount("points", q.lo * scale, q.hi * scale, q.value * scale, "", q.text, q.first))
                continue
            unit = _MEASURES.get(q.noun) or _MEASURES.get(noun)
            if unit:
                dim, factor = unit
                out.append(Amount(dim, q.lo * factor, q.hi * factor, q.value * factor, "", q.text, q.first, approx=q.approx))
                continue
            if q.noun in ("th", "st", "nd", "rd") or (q.noun in en.function_words and 1000 <= q.value <= 2100
                                                       and "," not in tokens[q.first].text):
                continue              # "from 1878 to 1903": years, not counts ("1,440 people" is a count)
            nxt = tokens[q.first + 1].norm if q.first + 1 < n else ""
            if nxt in en.numbers.count_nouns and (q.noun in en.function_words or verbish(q.noun)):
                noun, q_last = en.canonical(lemma_of(nxt)[0]), q.first     # "144 people had been killed"
                out.append(Amount("count", q.lo, q.hi, q.value, noun, q.text, q.first, approx=q.approx, phrase=(noun,)))
                continue
            out.append(Amount("count", q.lo, q.hi, q.value, noun, q.text, q.first, approx=q.approx,
                              phrase=_noun_phrase(tokens, q.last, en)))
        else:
            out.append(Amount(q.dimension, q.lo, q.hi, q.value, "", q.text, q.first, approx=q.approx))
    for i, t in enumerate(tokens):        # "half of the electorate", "a third of", "two-thirds of"
        share = _FRACTIONS.get(t.norm)
        if share and i + 1 < n and tokens[i + 1].norm == "of" and not (i and tokens[i - 1].norm in ("and",)):
            prev = tokens[i - 1].norm if i else ""
            if t.norm in ("thirds", "quarters") and prev in en.numbers.values:
                share *= en.numbers.values[prev]
            elif t.norm in ("thirds", "quarters"):
                continue
            lo, hi = share * 100, share * 100
            if prev in ("about", "around", "roughly", "nearly", "almost", "some"):
                lo, hi = lo * 0.9, hi * 1.1
            out.append(Amount("percent", lo, hi, share * 100, "", t.text + " of", i))
    for i, t in enumerate(tokens):        # "50%", "half a percentage point", "a quarter point"
        if t.norm == "%" and i and tokens[i - 1].is_number:
            v = float(tokens[i - 1].norm.replace(",", ""))
            out = [a for a in out if a.first != i - 1]
            out.append(Amount("percent", v, v, v, "", tokens[i - 1].text + "%", i - 1))
        if t.norm in ("half", "quarter") and i + 1 < n:
            rest = [x.norm for x in tokens[i + 1:i + 5]]
            share = 0.5 if t.norm == "half" else 0.25
            if rest[:3] == ["a", "percentage", "point"] or rest[:4] == ["of", "a", "percentage", "point"] or rest[:1] == ["point"]:
                out.append(Amount("points", share * 100, share * 100, share * 100, "", t.text + " point", i))
    out = [a for a in out if not _in_name(tokens, a.first)]
    tallies = _tallies(tokens, en)
    if tallies:
        covered = {i for t in tallies for i in range(t.first, t.first + 3)}
        out = [a for a in out if a.first not in covered] + tallies
    out.sort(key=lambda a: a.first)
    return out


_MEASURES = {"metre": ("length", 1), "meter": ("length", 1), "metres": ("length", 1), "meters": ("length", 1), "m": ("length", 1),
             "kilometre": ("length", 1000), "kilometer": ("length", 1000), "kilometres": ("length", 1000), "kilometers": ("length", 1000),
             "km": ("length", 1000), "foot": ("length", 0.3048), "feet": ("length", 0.3048), "ft": ("length", 0.3048),
             "mile": ("length", 1609.34), "miles": ("length", 1609.34), "inch": ("length", 0.0254), "inches": ("length", 0.0254),
             "yard": ("length", 0.9144), "yards": ("length", 0.9144), "centimetre": ("length", 0.01), "cm": ("length", 0.01),
             "kilogram": ("mass", 1), "kilograms": ("mass", 1), "kg": ("mass", 1), "tonne": ("mass", 1000), "tonnes": ("mass", 1000),
             "ton": ("mass", 907.2), "tons": ("mass", 907.2), "pound": ("mass", 0.4536), "pounds": ("mass", 0.4536),
             "lb": ("mass", 0.4536), "lbs": ("mass", 0.4536)}
_FRACTIONS = {"half": 0.5, "third": 1 / 3, "quarter": 0.25, "thirds": 1 / 3, "quarters": 0.25, "fifth": 0.2, "tenth": 0.1}
_TALLY_NOUNS = frozenset({"vote", "decision", "ruling", "majority", "win", "victory", "defeat", "loss", "score", "margin",
                          "verdict", "result", "final", "lead", "scoreline", "split", "opinion", "triumph"})
_TALLY_VERBS = frozenset({"win", "beat", "defeat", "lose", "lead", "trail", "vote", "rule", "decide", "finish", "end"})


def _tallies(tokens: list[Token], en: English) -> list[Amount]:
    """Scores and votes: "a 6-3 decision", "won 2-1", "the five-to-four ruling", "voted 11 to 1"."""
    out = []
    n = len(tokens)

    def small(tok: Token) -> float | None:
        if tok.is_number and tok.norm.isdigit() and int(tok.norm) <= 30:
            return float(tok.norm)
        v = en.numbers.values.get(tok.norm)
        return v if v is not None and v == int(v) and tok.norm not in ("a", "an") and v <= 30 else None

    for i in range(n - 1):
        a = small(tokens[i])
        if a is None:
            continue
        j = i + 2 if i + 2 < n and tokens[i + 1].norm == "to" else i + 1
        b = small(tokens[j]) if j < n else None
        if b is None or (j == i + 1 and not tokens[i].end < tokens[j].start):
            continue
        after = {lemma_of(t.norm)[0] for t in tokens[j + 1:j + 3]}
        before = {lemma_of(t.norm)[0] for t in tokens[max(0, i - 2):i]}
        if after & _TALLY_NOUNS or before & _TALLY_VERBS:
            hi, lo = max(a, b), min(a, b)
            value = hi * 100 + lo
            text = " ".join(t.text for t in tokens[i:j + 1])
            out.append(Amount("tally", value, value, value, "", text, i))
    return out


def _in_name(tokens: list[Token], i: int) -> bool:
    """A number that is part of a name: "Boeing 737", "737 MAX", "MAX 9s"."""
    if not tokens[i].is_number:
        return False
    prev = tokens[i - 1] if i else None
    nxt = tokens[i + 1] if i + 1 < len(tokens) else None
    return bool(prev is not None and i > 1 and _capital(prev) and prev.norm not in ("a", "an")
                or nxt is not None and nxt.caps and nxt.is_word)


def _clock_times(sentence: Sentence, tokens: list[Token]) -> list[ClockTime]:
    out = []
    for m in _CLOCK.finditer(sentence.text):
        if m.group(1):
            hour, minute, half = int(m.group(1)), int(m.group(2) or 0), m.group(3).lower()[0]
            if hour > 12:
                continue
            hour = hour % 12 + (12 if half == "p" else 0)
        else:
            hour, minute = int(m.group(4)), int(m.group(5))
            if hour > 23 or minute > 59:
                continue
        value = hour * 60 + minute
        before = sentence.text[max(0, m.start() - 24):m.start()].lower().strip()
        lo, hi = value, value
        for cue, (dlo, dhi) in sorted(_CLOCK_APPROX.items(), key=lambda kv: -len(kv[0])):
            if before.endswith(cue):
                lo, hi = value + dlo, value + dhi
                break
        offset = sentence.start + m.start()
        first = next((i for i, t in enumerate(tokens) if t.start >= offset), 0)
        out.append(ClockTime(value, lo, hi, m.group(0), first, sentence.start + m.end()))
    return out


def _ordinals(tokens: list[Token], en: English) -> list[OrdinalRef]:
    out = []
    for i, t in enumerate(tokens):
        value = en.numbers.ordinals.get(t.norm)
        j = i + 1
        if value is None and t.is_number and i + 1 < len(tokens) and tokens[i + 1].norm in ("th", "st", "nd", "rd"):
            value, j = int(float(t.norm.replace(",", ""))), i + 2
        if value is not None:
            out.append(OrdinalRef(value, _noun_after(tokens, j, en), t.text, i))
    return out


# --- clauses and frames -----------------------------------------------------------------------

def _is_verb(tokens: list[Token], i: int, en: English) -> bool:
    t = tokens[i]
    if not t.is_word or t.norm in en.function_words or (i and _capital(t)):
        return False
    lemma, pos = lemma_of(t.norm)
    if "VERB" not in pos:
        return False
    prev = tokens[i - 1].norm if i else ""
    if t.norm.endswith("s") and not t.norm.endswith("ss") and lemma != t.norm:
        # "acts", "talks", "calls": a verb after its subject ("the court adds", "Trump says"), a noun
        # after a determiner, an adjective or a preposition ("unofficial acts", "the talks")
        if not i or prev in _DETERMINERS or prev in en.function_words and prev not in ("who", "which", "that", "it", "he", "she"):
            return False
        prev_pos = lemma_of(prev)[1]
        return not (prev_pos and prev_pos <= {"ADJ", "ADV"} or prev_pos == {"ADJ"})
    if lemma != t.norm:
        return True                               # inflected: "rose", "elected", "met"
    if t.norm.endswith("ing") and prev in _DETERMINERS:
        return False                              # "the meeting", "his signing": a noun
    if prev in _PASSIVE_BE and lemma == t.norm:
        return False                              # "was ready": after "be" a base form is an adjective or a noun
    return prev in _AUX or prev in _PRONOUNS or prev in ("they", "we", "i", "you", "who")


def _clauses(tokens: list[Token], verb: list[bool]) -> list[tuple[int, int]]:
    n = len(tokens)
    breaks = set()
    for i, t in enumerate(tokens):
        prev = tokens[i - 1].norm if i else ""
        if t.norm in (";", ":") and i + 3 < n and not (t.norm == ":" and prev[:1].isdigit()):
            breaks.add(i + 1)
        elif t.norm in ("but", "while", "whereas", "although", "though") and i > 2 and prev != "not":
            breaks.add(i)
        elif t.norm == "and" and prev == "," and i + 2 < n and any(verb[k] for k in range(i + 1, min(n, i + 6))):
            breaks.add(i)
        elif t.norm == "who" and prev == ",":
            breaks.add(i)
            end = next((k for k in range(i, n) if tokens[k].norm == ","), None)
            if end is not None:
                breaks.add(end)
    if tokens[0].norm in _SUBORDINATORS:
        comma = next((k for k in range(1, n) if tokens[k].norm == ","), None)
        if comma is not None and comma + 3 < n and any(verb[k] for k in range(1, comma)):
            breaks.add(comma)
    bounds, start = [], 0
    for b in sorted(breaks):
        if b - start >= 2:
            bounds.append((start, b - 1))
            start = b
    bounds.append((start, n - 1))
    return bounds


def _frame(sentence: Sentence, index: int, clause: int, tokens: list[Token], verb: list[bool], a: int, b: int, entities, places, amounts,
           times, dates, ordinals, cues, doc: Document, previous: Frame | None) -> Frame:
    en = doc.english
    inside = lambda i: a <= i <= b   # noqa: E731 - one short predicate
    start, end = tokens[a].start, tokens[b].end
    frame = Frame(index, clause, start, end, sentence.text[start - sentence.start:end - sentence.start])
    ents = [e for e in entities if inside(e.first)]
    says = [m for m in cues if m.entry.type == "say" and inside(m.first)]
    content = a
    for say in says:
        if tokens[say.last].norm.endswith("ing"):
            continue                                 # "..., saying he looked forward": a clause of its own
        before = [e for e in ents if e.last < say.first and say.first - e.last <= 3 and e.kind in ("person", "org", "demonym", "name")
                  and e.text.lower() not in ("his", "her")]
        after = [e for e in ents if say.last < e.first <= say.last + 2 and tokens[say.first].norm != "according"]
        if tokens[say.first].norm == "according":
            after = [e for e in ents if say.last < e.first <= say.last + 3]
            if after:
                frame.speaker = after[0]
                comma = next((k for k in range(after[0].last, b + 1) if tokens[k].norm == ","), None)
                content = comma + 1 if comma is not None else content
            continue
        if before and before[-1].kind != "person" and say.first >= 2 and tokens[say.first - 1].norm == ",":
            # "Jerome Powell, the Fed chair, said": the person before the appositive speaks
            opening = max((k for k in range(a, say.first - 1) if tokens[k].norm == ","), default=None)
            people = [e for e in ents if e.kind == "person" and opening is not None and e.last == opening - 1]
            before = people or before
        if before:
            frame.speaker = before[-1]
            content = say.last + 1
        elif after and (say.first == a or tokens[say.first - 1].norm == ","):
            frame.speaker = after[0]                # "..., said Hegseth"
        if content < b and tokens[content].norm == "that":
            content += 1
        break
    if content > b - 1:                             # "Trump said." - the saying is the fact
        content = a
    region = range(content, b + 1)
    lemmas, raw = set(), set()
    verbs = []
    named = {i for e in ents if e.kind in ("person", "place", "name") for i in range(e.first, e.last + 1)}
    for i in range(a, b + 1):
        t = tokens[i]
        if not t.is_word or t.norm in en.function_words or t.norm in _PRONOUNS or i in named:
            continue
        lemma = verb_of_noun(lemma_of(t.norm)[0])
        raw.add(lemma)
        raw.add(t.norm)
        if i + 1 <= b and tokens[i + 1].norm in _PARTICLE_AFTER and f"{lemma} {tokens[i + 1].norm}" in en.paraphrase:
            lemma = f"{lemma} {tokens[i + 1].norm}"          # "called off" is "cancel"
        lemma = en.canonical(lemma)
        lemmas.add(lemma)
        if i in region and verb[i]:
            verbs.append(i)
    frame.lemmas = frozenset(lemmas)
    frame.raw = frozenset(raw)
    frame.words = sum(t.is_word for t in tokens[a:b + 1])
    finite_first = next((i for i in verbs if tokens[i - 1].norm != "to" and not tokens[i].norm.endswith("ing")), verbs[0] if verbs else None)
    subject_zone = [e for e in ents if e.first >= content and (finite_first is None or e.last < finite_first) and e is not frame.speaker]
    finite = [i for i in verbs if tokens[i - 1].norm != "to" and not tokens[i].norm.endswith("ing")]
    inflected = [i for i in finite if lemma_of(tokens[i].norm)[0] != tokens[i].norm]
    pred_at = (inflected or finite or verbs)[0] if verbs else None
    if pred_at is not None:
        frame.predicate = en.canonical(lemma_of(tokens[pred_at].norm)[0])
        if frame.predicate in _LIGHT_VERBS:            # "extended an invitation" is "invited"
            for k in range(pred_at + 1, min(b + 1, pred_at + 4)):
                noun = lemma_of(tokens[k].norm)[0]
                derived = verb_of_noun(noun)
                if derived != noun:
                    frame.predicate = en.canonical(derived)
                    break
    passive = pred_at is not None and pred_at > 0 and tokens[pred_at - 1].norm in _PASSIVE_BE and tokens[pred_at].norm.endswith(("ed", "en", "wn", "t"))
    agents = [e for e in subject_zone if e.kind in ("person", "org", "demonym", "name")]
    others = [e for e in ents if e not in agents and e is not frame.speaker and e.kind in ("person", "org", "name")]
    frame.passive = passive
    if passive:
        by = [e for e in others if e.first > 0 and tokens[e.first - 1].norm == "by"]
        agents, others = by, [e for e in others if e not in by] + agents
    if not agents and previous is not None and clause > 0 and tokens[a].norm in ("and", "but", "while", "then", "who", ","):
        agents = [e for e in previous.agents]
    if tokens[a].norm == "who" and previous is not None:
        before = [e for e in entities if e.kind == "person" and e.last < a]
        agents = before[-1:] or agents
    frame.agents = agents
    frame.participants = others
    frame.places = [p for p in places if inside(p.first)]
    frame.dates = [d for d in dates if inside(d.first)]
    frame.times = [t for t in times if inside(t.first)]
    frame.amounts = [q for q in amounts if inside(q.first)]
    frame.ordinals = [o for o in ordinals if inside(o.first)]
    frame.titles = [e for e in ents if e.kind == "person" and e.title]
    frame.quotes = [m.group(1).strip() for m in _QUOTED.finditer(frame.text) if len(m.group(1).split()) >= 3]
    frame.predications = _predications(tokens, a, b, ents, places, en)
    if frame.speaker is None and previous is not None and tokens[a - 1].norm == ":" if a > 0 else False:
        frame.speaker = previous.speaker or next((e for e in previous.agents if e.kind == "person"), None)   # "X put it bluntly: Y"
    _stance(frame, tokens, cues, content, b)
    frame.verbs = _verb_states(tokens, a, b, [i for i in range(a, b + 1) if verb[i]], cues, en)
    people = [e for e in agents if e.kind == "person"]
    if people:
        doc.last_person = people[0].key
    elif frame.speaker is not None and frame.speaker.kind == "person":
        doc.last_person = frame.speaker.key
    return frame


_LIGHT_VERBS = frozenset({"extend", "make", "give", "hold", "take", "have", "issue", "offer", "deliver", "conduct", "carry"})
_NOMINAL = (("ation", "e"), ("ation", "ate"), ("ation", ""), ("ition", "ite"), ("ition", ""), ("ction", "ct"),
            ("sion", "de"), ("ssion", "ss"), ("ment", ""), ("ance", ""), ("ence", "e"), ("al", "e"), ("al", ""), ("ure", ""),
            ("ure", "e"))


@lru_cache(maxsize=32768)
def verb_of_noun(word: str) -> str:
    """The verb a noun is made from, where English's suffixes say so: invitation -> invite,
    election -> elect, announcement -> announce, refusal -> refuse. Other words are themselves."""
    if len(word) < 8:
        return word
    for suffix, ending in _NOMINAL:
        if word.endswith(suffix):
            stem = word[: -len(suffix)] + ending
            if len(stem) >= 3 and "VERB" in lemma_of(stem)[1] and lemma_of(stem)[0] == stem:
                return stem
    return word


_BEFORE_VERB = frozenset({"not", "never", "no longer", "n't", "without", "neither", "nor"})


def _predications(tokens: list[Token], a: int, b: int, ents: list[Entity], places, en: English) -> list[tuple[str, str]]:
    """What a copula says of a name: "Russia is the aggressor", "Ukraine the victim" (the verb left out
    after "and"), as (who, the noun said of them)."""
    out = []
    keyed = {e.last: e for e in ents if e.kind in ("person", "place", "org", "name", "demonym")}
    place_key = {p.first: p.place for p in places}
    for last, e in keyed.items():
        if not a <= e.first and last < b:
            continue
        k = last + 1
        if k <= b and tokens[k].norm in _PASSIVE_BE:
            k += 1
        elif not (e.first > a and tokens[e.first - 1].norm == "and"):
            continue                                 # "..., and Ukraine the victim": the copula is shared
        while k <= b and tokens[k].norm in ("the", "a", "an", "its", "their", "only", "real", "main"):
            k += 1
        if k <= b and tokens[k].is_word and tokens[k].norm not in en.function_words and not _capital(tokens[k]):
            out.append((place_key.get(e.first, e.key), en.canonical(lemma_of(tokens[k].norm)[0])))
    return out


def _attributive(tokens: list[Token], d) -> bool:
    """ "the 5 January accident": a date inside another event's name, not when this clause's act happened."""
    nxt = tokens[d.last + 1] if d.last + 1 < len(tokens) else None
    prev = tokens[d.first - 1].norm if d.first else ""
    return prev in ("the", "a", "an", "this", "that") and nxt is not None and nxt.is_word and not _capital(nxt) \
        and "NOUN" in lemma_of(nxt.norm)[1]


def _purpose(tokens: list[Token], at: int) -> bool:
    """A modal in a purpose clause ("so that rivets could be replaced", "in order that") states no doubt."""
    before = [t.norm for t in tokens[max(0, at - 3):at]]
    return "so" in before and "that" in before or "order" in before


def _verb_states(tokens: list[Token], a: int, b: int, verbs: list[int], cues, en: English) -> dict[str, tuple[bool, str]]:
    """Negation and modality of each verb: a cue applies to the verb it belongs to, not to the clause.

    "not", "never" and modals bind to the next verb (within three tokens); "no", "nothing",
    "without" to the verb before them ("said nothing"); "did not rule out" leaves a verb open.
    """
    states: dict[str, list] = {}
    for i in verbs:
        states.setdefault(en.canonical(lemma_of(tokens[i].norm)[0]), [0, "asserted", i])
    by_pos = {st[2]: lemma for lemma, st in states.items()}

    def next_verb(k: int):
        return next((by_pos[j] for j in range(k, min(b + 1, k + 4)) if j in by_pos), None)

    def prev_verb(k: int):
        return next((by_pos[j] for j in range(k, max(a - 1, k - 4), -1) if j in by_pos), None)

    for m in cues:
        if not (a <= m.first <= b):
            continue
        phrase = " ".join(t.norm for t in tokens[m.first:m.last + 1])
        if m.entry.type == "negation" and m.entry.id == "negator":
            target = next_verb(m.last + 1) if phrase in _BEFORE_VERB else (prev_verb(m.first - 1) or next_verb(m.last + 1))
            if target:
                states[target][0] += 1
        elif m.entry.type == "negation" and phrase in _RULED_OUT:
            target = prev_verb(m.first - 1) or next_verb(m.first)
            if target:
                states[target][1] = "ruled_out"
            ruled = next_verb(m.last + 1)
            if ruled and ruled != target:
                states[ruled][0] += 1                # "ruled out raising the rates": no raise
        elif m.entry.type == "modality" and phrase not in _TENSE_ONLY and not _purpose(tokens, m.first):
            target = next_verb(m.last + 1) if phrase != "if" else next(
                (by_pos[j] for j in range(m.last + 1, b + 1) if j in by_pos), None)   # "if the market unexpectedly weakened"
            level = {"possible": "possible", "scheduled": "planned"}.get(m.entry.id, "certain" if phrase in _REQUIRED else "asserted")
            if target and level != "asserted":
                states[target][1] = level
    for i in range(a, b + 1):
        if tokens[i].norm.endswith("n't"):
            target = next_verb(i + 1)
            if target:
                states[target][0] += 1
    return {lemma: (st[0] % 2 == 1, st[1]) for lemma, st in states.items()}


def _stance(frame: Frame, tokens: list[Token], cues, a: int, b: int) -> None:
    """Polarity and modality of the clause's content: negators, ruled-out predicates, hedges."""
    neutral = [(m.first, m.last) for m in cues if m.entry.type == "neutral"]
    negations, ruled, modal = [], [], []
    for m in cues:
        if not (a <= m.first <= b) or any(lo <= m.first <= hi for lo, hi in neutral):
            continue
        phrase = " ".join(t.norm for t in tokens[m.first:m.last + 1])
        if m.entry.type == "negation" and m.entry.id == "negator" and phrase not in ("few", "little", "limited", "scant", "absence", "lack", "lacked", "lacking", "scarce", "sparse"):
            negations.append(phrase)
        elif m.entry.type == "negation" and m.entry.id == "predicate" and phrase in _RULED_OUT:
            ruled.append(phrase)
        elif m.entry.type == "modality":
            modal.append((m.entry.id, phrase))
    for i in range(a, b + 1):
        if tokens[i].norm.endswith("n't") and tokens[i].norm not in negations:
            negations.append(tokens[i].norm)
    frame.negated = len(negations) % 2 == 1
    frame.negation = " ".join(negations)
    if ruled:
        frame.modality, frame.modality_cue = ("possible" if frame.negated else "ruled_out"), ruled[0]
        frame.negated = False
        return
    for level, phrase in modal:
        if phrase in _TENSE_ONLY:
            continue
        if level == "possible":
            frame.modality, frame.modality_cue = "possible", phrase
            return
        if level == "certain" and phrase in _REQUIRED:
            frame.modality, frame.modality_cue = "certain", phrase
        elif level == "scheduled" and frame.modality == "asserted":
            frame.modality, frame.modality_cue = "planned", phrase
