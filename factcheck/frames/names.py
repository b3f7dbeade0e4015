"""Who and what a sentence names: runs of capitalised words made into people, places and
organisations, the titles the text gives people (before a name, after it, in lower case, or in
the act itself), and pronouns resolved to the people named before them. A Document keeps the
people named so far, so that "Prevost", "he" and "Provost" find "Robert Francis Prevost".
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from rapidfuzz import fuzz, process

from ..text.tokens import Token
from .english import English, lemma_of, noun_lemma
from .model import SIDES, Entity


_RANK_BEFORE = frozenset({"former", "ex", "acting", "outgoing", "incoming", "interim"})
_COMMON_POS = frozenset({"ADJ", "ADV", "DET", "ADP", "PRON", "CCONJ", "SCONJ", "NUM"})
_CONNECT = frozenset({"of", "for", "de", "del", "della", "di", "da", "von", "van", "der", "la", "le", "al", "bin", "du", "dos", "das"})


RANK_WORDS = frozenset({"vice", "deputy", "assistant", "acting", "former", "ex", "associate", "interim", "co", "pro"})


_PARTICLES = frozenset({"de", "del", "della", "di", "da", "von", "van", "der", "al", "bin", "du", "dos", "das"})  # "von der Leyen"


_NAME_INNER = frozenset({"'s"})


_COMPASS = frozenset(SIDES) | {"central"}        # "Southern California", "Central Java": the place is the rest


PRONOUNS = {"he": "m", "him": "m", "his": "m", "himself": "m", "she": "f", "her": "f", "hers": "f", "herself": "f"}


_ROMAN = re.compile(r"^(?=[ivxlc]+$)c{0,3}(xc|xl|l?x{0,3})(ix|iv|v?i{0,3})$")


@dataclass
class Person:
    key: str
    name: str
    titles: list[str] = field(default_factory=list)


@dataclass
class Document:
    """People named so far, and who a pronoun would point to."""

    english: English
    people: dict[str, Person] = field(default_factory=dict)
    last_person: str = ""
    mentions: dict[str, int] = field(default_factory=dict)
    places: set[str] = field(default_factory=set)         # every place named so far, with what contains it
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


def capital(tok: Token) -> bool:
    return tok.capitalized and tok.is_word


def _name_runs(tokens: list[Token], en: English, text: str, offset: int, doc: Document) -> list[_Name]:
    runs, i, n = [], 0, len(tokens)

    def adjacent(j: int) -> bool:           # only spaces between tokens j and j+1 ("CITY — Cardinal" is two runs)
        gap = text[tokens[j].end - offset:tokens[j + 1].start - offset]
        return not gap.strip() or gap == "-" and capital(tokens[j + 1])     # "Notre-Dame", "Jean-Louis"

    def nameable(tok: Token) -> bool:
        return capital(tok) and tok.norm not in en.dates.months and tok.norm not in en.dates.weekdays \
            and tok.norm not in en.numbers.values and tok.norm.rstrip("s") not in en.numbers.values and tok.norm != "i"

    while i < n:
        tok = tokens[i]
        if not nameable(tok):
            i += 1
            continue
        if i == 0 or tokens[i - 1].norm in ('"', "(", ":"):
            lemma, pos = lemma_of(tok.norm)
            known_word = bool(pos) and tok.norm not in en.places.names and tok.norm not in en.places.demonyms
            # "Most of those on board": a town in Czechia by name, an English word at the start of a sentence
            known_word = known_word or bool(pos & _COMMON_POS) and not (i + 1 < n and capital(tokens[i + 1]))
            next_cap = i + 1 < n and nameable(tokens[i + 1]) and adjacent(i)
            says_next = i + 1 < n and tokens[i + 1].norm in en.say_words and not tok.norm.endswith("s")   # "Graham said"
            # ("Lynch presented the trophy" when the text or its reference named a Lynch)
            named = tok.norm in doc.people or bool(doc.known and tok.norm in doc.known)
            if tok.norm in en.function_words or (known_word and not next_cap and lemma not in en.office_nouns and not says_next
                                                 and not named):
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
    if end >= 0 and end < last and any(capital(t) and t.norm not in _CONNECT for t in tokens[end + 1:last + 1]):
        # "Secretary of State Marco Rubio": the title runs on over "of State"
        if end + 2 <= last and tokens[end + 1].norm == "of":
            end += 2
        return end if end < last else -1
    return -1


def entities(tokens: list[Token], doc: Document, text: str, offset: int) -> list[Entity]:
    en = doc.english
    sentence = text
    out: list[Entity] = []
    for run in _name_runs(tokens, en, text, offset, doc):
        a, b = run.first, run.last
        if a < b and all(sentence[tokens[k].end - offset:tokens[k + 1].start - offset] == "-" for k in range(a, b)):
            # one hyphenated name ("Notre-Dame", "Saint-Denis") is a place or a site, not a person
            joined = "-".join(t.norm for t in tokens[a:b + 1])
            out.append(Entity(joined, "place" if en.places.lookup(joined) else "name", "-".join(t.text for t in tokens[a:b + 1]), a, b))
            continue
        area = " ".join(t.norm for t in tokens[a:b + 1])
        if a < b and tokens[a].norm in ("county", "province", "canton", "prefecture") and not en.places.lookup(area):
            out.append(Entity(area, "org", " ".join(t.text for t in tokens[a:b + 1]), a, b))
            continue                # "County Kerry": an area nobody lists, never a person named Kerry
        if a + 2 <= b and tokens[a + 1].norm == "of" and lemma_of(tokens[a].norm)[0] in en.office_nouns:
            # "Bishop of Chiclayo", "Mayor of London": an office, and the place it is the office of
            rest = " ".join(t.norm for t in tokens[a + 2:b + 1])
            if en.places.lookup(rest):
                out.append(Entity(rest, "place", " ".join(t.text for t in tokens[a + 2:b + 1]), a + 2, b))
                continue
        t_end = _office_end(tokens, a, b, en)
        name_from = t_end + 1 if t_end >= 0 else a
        lemmas = [lemma_of(t.norm)[0] for t in tokens[name_from:b + 1]]
        whole = " ".join(t.norm for t in tokens[a:b + 1]).replace(" 's", "'s")
        if (name_from < b or t_end >= 0) and not en.places.lookup(whole) and (
                any(w in en.org_heads for w in lemmas[1 if t_end < 0 else 0:])
                or t_end < 0 and lemmas[0] in en.org_heads and tokens[a + 1].norm in ("of", "for")     # "University of Leeds"
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
            if a and tokens[a - 1].norm in _RANK_BEFORE:
                title = f"{tokens[a - 1].norm} {title}"     # "then former President Donald Trump"
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
        if not ids and a < b and tokens[a].norm in _COMPASS and not title:
            rest = " ".join(t.norm for t in tokens[a + 1:b + 1])
            if en.places.lookup(rest):          # "Southern California" is in California
                a, folded, ids = a + 1, rest, en.places.lookup(rest)
                text = " ".join(t.text for t in tokens[a:b + 1])
        known_person = a == b and (folded in doc.people or bool(doc.known and folded in doc.known))
        if ids and not title and not known_person:      # "Graham" is a town, unless the text named a Graham
            out.append(Entity(folded, "place", text, a, b))
            continue
        if (last_lemma in en.org_heads or tokens[b].caps and not _ROMAN.match(tokens[b].norm)) and not title:
            out.append(Entity(folded, "org", text, a, b))
            continue
        if not title and a < b and tokens[a].caps and any(en.places.kind(i) == "country" for i in en.places.lookup(tokens[a].norm)):
            out.append(Entity(folded, "org", text, a, b))       # "US Open", "UK Athletics": no one is named for a country's code
            continue
        if not title and a < b and _thing_word(tokens[a], en) and not _named_before(tokens, a, b, doc):
            if a + 2 <= b and not _thing_word(tokens[a + 1], en) and tokens[a + 1].norm not in _CONNECT and not _ROMAN.match(tokens[b].norm):
                a, text = a + 1, " ".join(t.text for t in tokens[a + 1:b + 1])     # "Substitute Mikel Oyarzabal"
            else:                                   # "Cape Canaveral", "Hurricane Helene", "Grand Slam": no one's name
                out.append(Entity(folded, "org", text, a, b))
                continue
        if not title and a < b and _no_ones_name(tokens, a, b, en) and not _named_before(tokens, a, b, doc):
            out.append(Entity(folded, "org", text, a, b))       # "Tallis Coal", "Vistula Airlines", "Carbeen Creek"
            continue
        where = not title and (_at_a_place(tokens, a) or _region_follows(tokens, b, en))
        person = None if where and not _named_before(tokens, a, b, doc) else _person(tokens, a, b, title, doc)
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


# where something is, never who: "in Mare Crisium", "at Vandenberg Space Force Base" name sites
# ("from" and "to" are left out: "a call from Donald Trump", "spoke to Vladimir Putin")
_AT_A_PLACE = frozenset({"in", "at", "near", "inside", "outside", "into", "across", "throughout"})


def _at_a_place(tokens: list[Token], a: int) -> bool:
    k = a - 1
    if k > 0 and tokens[k].norm == "the":
        k -= 1
    return k >= 0 and tokens[k].norm in _AT_A_PLACE and not (a + 1 < len(tokens) and tokens[a + 1].norm == "'s")


def _thing_word(tok: Token, en: English) -> bool:
    """An English word that is no given name ("Cape", "Hurricane", "Grand"; not "Grant" or "Penny"):
    a name that begins with one is a place's, a thing's or an event's."""
    return bool(lemma_of(tok.norm)[1]) and tok.norm not in en.given_names and tok.norm not in en.places.demonyms and not tok.caps


def _no_ones_name(tokens: list[Token], a: int, b: int, en: English) -> bool:
    """A name that begins with no given name and ends in an English noun that is no family name
    ("Tallis Coal", "Suhua Highway", "Naxos Spirit"): a company's, a place's or a ship's, not a
    person's ("Merrick Garland", "Donald Trump" and "Emma Stone" are people's)."""
    first, last = tokens[a].norm, tokens[b].norm
    if first in en.any_given_names or last in en.noun_surnames or not tokens[b].is_word:
        return False
    return "NOUN" in lemma_of(last)[1] and noun_lemma(last) not in en.noun_surnames


def _region_follows(tokens: list[Token], b: int, en: English) -> bool:
    """ "Cape Canaveral, Florida", "Lee, Maine": a name followed by the region or country it is in
    (not "Sybiha, Ukraine's foreign minister")."""
    n = len(tokens)
    if b + 2 >= n or tokens[b + 1].norm != ",":
        return False
    for size in (3, 2, 1):
        end = b + 2 + size
        if end > n or not all(capital(t) for t in tokens[b + 2:end]):
            continue
        ids = en.places.lookup(" ".join(t.norm for t in tokens[b + 2:end]))
        if ids and any(en.places.kind(pid) in ("region", "country") for pid in ids):
            return end == n or tokens[end].norm != "'s" and not capital(tokens[end])
    return False


def _named_before(tokens: list[Token], a: int, b: int, doc: Document) -> bool:
    """A person the text (or its reference) has already named: "in Trump's view", "at Sybiha's side"."""
    words = [t.norm for t in tokens[a:b + 1] if t.norm != "'s"]
    if not words:
        return False
    key = doc.person_key(words[-1])
    return key in doc.people or bool(doc.known and key in doc.known)


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
            # (a single word in the singular: "who chairs Carrowby's council" is no office of Carrowby's)
            if phrase in en.office_phrases or (size == 1 and lemma_of(phrase[0])[0] in en.office_nouns and noun_lemma(phrase[0]) == phrase[0]):
                if lo > 0 and tokens[lo - 1].norm in RANK_WORDS:         # "vice chair", "deputy administrator"
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
        if title and (lemma_of(tokens[j].norm)[0] in en.office_nouns or tokens[j].norm in ("the", "a") or tokens[j].norm in RANK_WORDS) or title and capital(tokens[j]) is False and \
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
        if j + 1 < n and tokens[j].norm == "of" and capital(tokens[j + 1]):      # "Mamberti of France, the protodeacon"
            j += 2
            while j < n and capital(tokens[j]):
                j += 1
        if j + 2 < n and tokens[j].norm == "," and tokens[j + 1].is_number and tokens[j + 2].norm == ",":
            j += 2                                   # "Toshiyuki Mimaki, 82, one of the group's three co-chairs"
        if j < n and tokens[j].norm == ",":
            end = j + 1
            while end < n and tokens[end].norm not in (",", ".", ";", ")", '"', "who", "which", "that", "whose") and end - j <= 9:
                end += 1
            phrase = tokens[j + 1:end]
            if len(phrase) > 2 and phrase[0].norm == "one" and phrase[1].norm == "of":
                phrase = _one_of(phrase[2:], en)          # "one of the group's three co-chairs": a co-chair
            if phrase and phrase[0].norm in ("the", "a", "an", "his", "her", "its", "their") or (len(phrase) > 1 and phrase[1].norm == "'s"):
                title = _title_phrase(phrase, en)
                if title:
                    entities[k] = e = _with_title(e, title)
        # "Peru's president, Dina Boluarte": the noun phrase that ends in an office, right before the comma
        # (past an honorific: "Northmoor's chancellor, Professor David Kerr" holds the office, not only the honorific)
        first = e.first
        while first >= 3 and capital(tokens[first - 1]) and \
                (tokens[first - 1].norm in en.person_titles or lemma_of(tokens[first - 1].norm)[0] in en.office_nouns):
            first -= 1
        of_office = next((i for i in range(max(0, first - 6), first - 1) if lemma_of(tokens[i].norm)[0] in en.office_nouns
                          and i + 1 < first - 1 and tokens[i + 1].norm == "of"), None) if first >= 2 else None
        if first >= 2 and tokens[first - 1].norm == "," and (lemma_of(tokens[first - 2].norm)[0] in en.office_nouns or of_office is not None):
            lo = first - 2 if of_office is None else of_office
            while lo > 0 and first - lo < 5 and _in_title(tokens[lo - 1], en):
                lo -= 1
            while lo > 0 and tokens[lo - 1].norm in RANK_WORDS:
                lo -= 1                                  # "A former director of public prosecutions, Starmer"
            owner = max((i for i in range(lo, first - 1) if tokens[i].norm == "'s"), default=None)
            if owner is not None and (owner == lo or not capital(tokens[owner - 1])):
                lo = owner + 1                           # "the group's secretary general, Terumi Tanaka" (but "Spain's culture minister")
            before = tokens[lo - 1].norm if lo > 0 else ""
            # "The chief financial officer, Mikael Ahonen," or '"...," the chief executive, Ingrid Solberg, told'
            opening = before in ("a", "an", "the", "another") and (lo == 1 or tokens[lo - 2].norm in (",", '"', "\u201d", "(", "and"))
            title = _title_phrase(tokens[lo:first - 1], en) \
                if opening or before in ("", ",", "and", "but", '"', "(", "its", "his", "her", "their", "our", "'s") \
                or before in en.say_words and lo + 1 < first - 1 and tokens[lo + 1].norm == "'s" else ""   # '..., said Peachland's mayor, Diane Whitford'

            if title:                               # not "According to a White House official, Trump ..."
                entities[k] = _with_title(e, title)
        if entities[k].title:
            entities[k] = _as_person(entities[k], doc)
            p = doc.people.get(entities[k].key)
            if p is not None and entities[k].title not in p.titles:
                p.titles.append(entities[k].title)


def _in_title(tok: Token, en: English) -> bool:
    """A word that can stand in an office's noun phrase before it: "Peru 's", "Vatican", "deputy"."""
    if tok.norm == "'s":
        return True                                  # "Japan's foreign minister"
    if not tok.is_word:
        return False
    if tok.norm in en.function_words and tok.norm not in ("'s", "of"):
        return False
    lemma, pos = lemma_of(tok.norm)
    # "prime" minister; "culture" or "trade" minister, a noun in its base form that is also a verb
    return "VERB" not in pos or "ADJ" in pos or lemma in en.office_nouns or tok.text[:1].isupper() \
        or "NOUN" in pos and lemma == tok.norm and not tok.norm.endswith(("ed", "ing"))


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
    if not any(lm in en.office_nouns for lm in lemmas):
        return ""
    second = words[1] if len(words) > 1 else ""
    if second and "VERB" in lemma_of(second)[1] and second.endswith(("ed", "s")) \
            and lemma_of(second)[0] not in en.office_nouns and second not in ("states", "'s"):
        return ""
    keep = [w for w in words if w not in ("the", "a", "an", "his", "her", "its", "their")]
    return " ".join(keep)


def _one_of(rest: list[Token], en: English) -> list[Token]:
    """The office in "one of the group's three co-chairs", as "the co-chair": past the owner and the count."""
    owner = max((i for i, t in enumerate(rest) if t.norm == "'s"), default=-1)
    office = next((i for i in range(owner + 1, len(rest)) if lemma_of(rest[i].norm)[0] in en.office_nouns), None)
    if office is None:
        return []                                    # "one of the SpaceX engineers presenting the webcast"
    words = [t for t in rest[owner + 1:office + 1] if not t.is_number and t.norm not in en.numbers.values and t.norm not in ("the", "its", "their")]
    last = words[-1]
    single = lemma_of(last.norm)[0]
    return [Token("the", "the", rest[0].start, rest[0].start)] + words[:-1] + [Token(last.text, single, last.start, last.end)]


def _with_title(e: Entity, title: str) -> Entity:
    return Entity(e.key, e.kind, e.text, e.first, e.last, title=title, how=e.how)


def _pronouns(tokens: list[Token], entities: list[Entity], doc: Document) -> list[Entity]:
    """Who "he" or "she" is: the last person named before it in the sentence, else the text's topic,
    else the person named most; the first of them a given name or an honorific does not rule out
    ("she told him" after "Judge Sarah Pennington said Thorneycroft ...": Pennington)."""
    out = []
    for i, t in enumerate(tokens):
        if t.norm in PRONOUNS:
            key = next((k for k in _antecedents(entities, i, doc) if k and _gender(k, doc) in ("", PRONOUNS[t.norm])), "")
            if key:
                out.append(Entity(key, "person", t.text, i, i, how="pronoun"))
    return out


def _antecedents(entities: list[Entity], i: int, doc: Document):
    """Who a pronoun at token i may be, likeliest first (the whole text's people only if asked for)."""
    yield from (e.key for e in reversed(entities) if e.kind == "person" and e.last < i)
    yield doc.last_person
    yield from sorted(doc.mentions, key=lambda k: -doc.mentions[k])


_MALE_TITLES = frozenset({"mr", "sir", "lord", "father", "brother", "king", "prince", "duke"})
_FEMALE_TITLES = frozenset({"mrs", "ms", "miss", "dame", "lady", "sister", "queen", "princess", "duchess"})


def _gender(key: str, doc: Document) -> str:
    """ "f", "m", or "" where neither the given name nor an honorific tells."""
    p = doc.people.get(key) or (doc.known or {}).get(key)
    if p is None:
        return ""
    words = [w.lower().strip(".") for w in p.name.split()] + [w for t in p.titles for w in t.split()]
    en = doc.english
    if any(w in _FEMALE_TITLES for w in words):
        return "f"
    if any(w in _MALE_TITLES for w in words):
        return "m"
    given = next((w for w in words[:-1] if w.isalpha() and w not in en.person_titles and w not in en.office_nouns), "")
    return "f" if given in en.female_names else "m" if given in en.male_names else ""
