"""The values a clause gives: places with their prepositions, counts with what they count,
durations, money, shares and points, lengths and weights, scores and votes, clock times with
their slack, and ranks with the noun they rank.
"""
from __future__ import annotations

import re
from dataclasses import replace


from ..text.quantities import CURRENCY_SIGNS, find_quantities, number_at
from ..text.sentences import Sentence
from ..text.tokens import Token
from .english import English, lemma_of, noun_lemma
from .model import BEARING, PLACE_PREPOSITIONS, PLACE_ROLE, PLACE_VERBS, SIDES, SITE, Amount, ClockTime, Entity, GROUP, LAST, OrdinalRef, PlaceRef
from .names import capital
from .places import KIND_RANK


_CLOCK = re.compile(r"\b(\d{1,2})(?:[:.](\d{2}))?\s?(a\.?m\.?|p\.?m\.?)(?![a-z])|\b(\d{1,2}):(\d{2})\b", re.I)


_ELAPSED_AROUND = re.compile(r":\d")
_RANGE_END = re.compile(r"\s*(?:to|-|\u2013|and|until)\s*\d{1,2}(?:[:.]\d{2})?\s?(a\.?m\.?|p\.?m\.?)(?![a-z])", re.I)
_CLOCK_APPROX = {"shortly after": (0, 30), "just after": (0, 15), "soon after": (0, 30), "after": (0, 60),
                 "just before": (-15, 0), "shortly before": (-30, 0), "before": (-60, 0), "around": (-10, 10),
                 "about": (-10, 10), "roughly": (-10, 10), "approximately": (-10, 10), "a few minutes past": (1, 10),
                 "just past": (0, 15), "past": (0, 30)}


def places(tokens: list[Token], entities: list[Entity], en: English, context: set[str] = frozenset()) -> list[PlaceRef]:
    """Places with their role; an ambiguous name (Valencia in Spain or in Venezuela) is the one
    inside a place named nearby, or else inside a place the document or its reference named."""
    found = [e for e in entities if e.kind in ("place", "org", "demonym")]
    candidates = {e.first: en.places.lookup(e.key) or en.places.lookup(e.key.removesuffix("'s")) for e in found if e.kind == "place"}
    nearby: set[str] = set()
    for ids in candidates.values():
        if len(ids) == 1:
            nearby |= en.places.ancestors(ids[0])
    out = []
    for e in entities:
        if e.kind in ("name", "org") and e.first:
            site = _site_prep(tokens, e.first) if not _describes_a_settlement(tokens, e, en) else ""
            if not site and e.first >= 2 and tokens[e.first - 1].norm == ",":
                # "in Tralee, County Kerry": a name after a place and a comma is the area it is in, in its role
                inner = next((p for p in found if p.kind == "place" and p.last == e.first - 2), None)
                site = _governing_prep(tokens, inner.first) if inner is not None else ""
                site = site if site in _SITE_PREPS else ""
            if not site and out and e.first >= 2 and tokens[e.first - 1].norm in ("and", "or", ",") and out[-1].last == e.first - 2 \
                    and out[-1].prep in _SITE_PREPS:
                site = out[-1].prep                  # "in Carrowby and Scarwick": the list's places share the role
            bearing = _bearing(tokens, e.first)
            if site or bearing:     # "to Turís", "in the Indian Ocean", "south-east of Moranbah": a place no gazetteer lists, by its role
                out.append(PlaceRef(f"?{e.key}", SITE, e.text, e.first, BEARING if bearing else site, e.last, bearing=bearing,
                                    settlement=_town_of(tokens, e)))
    listed: list[PlaceRef] = []
    for e in found:
        if e.kind != "place":
            continue
        ids = candidates[e.first]
        # else the likeliest reading of the other names nearby ("Saint-Denis, north of Paris")
        likely = {x for k, other in candidates.items() if k != e.first and other
                  for x in en.places.ancestors(en.places.resolve(other, set())) if en.places.kind(x) != "continent"}
        pid = en.places.resolve(ids, (nearby - set(ids)) or (likely - set(ids)) or (set(context) - set(ids)))
        side = _side(tokens, e.first)
        prep = _governing_prep(tokens, e.first, bool(side))
        if e.first and tokens[e.first - 1].norm == "the" and any(o.kind == "org" and o.first == e.first and o.last > e.last
                                                                  for o in entities):
            prep = "the"          # "the Hudson Institute" is no place in Hudson ("Portland International Airport" is)
        if prep == "for" and e.first >= 2 and tokens[e.first - 2].norm in ("bound", "headed", "heading", "heads", "left", "leave", "leaves",
                                                                           "departed", "sailed", "sailing", "set"):
            prep = "bound for"                       # "bound for Ontario" is where to; "peace for Ukraine" is no place
        before = max((p for p in out if p.first < e.first), key=lambda p: p.first, default=None)
        # (a broader place after a narrower one, "Ontario, Canada"; not "In the United States, Delta, ...")
        if prep == "," and before is not None and _adjacent_place(before, e, tokens) and (
                before.kind == SITE or KIND_RANK[en.places.kind(pid)] <= KIND_RANK[before.kind]):
            prep = before.prep                       # "bound for Ontario, Canada": Canada is where it was bound too
        elif prep == "in" and before is not None and before.last == e.first - 2 and PLACE_ROLE.get(before.prep, "at") != "at":
            prep = before.prep                       # "launched from Vandenberg Space Force Base in California": from California
        elif prep in (",", "and", "or") and listed and e.first - listed[-1].first <= 8 and listed[-1].kind == en.places.kind(pid):
            prep = listed[-1].prep                   # "reached Indianapolis at 3:06, Cleveland at 3:13 and Buffalo"
        elif prep in ("and", "or") and before is not None and before.kind == SITE and before.last == e.first - 2 and before.prep in _SITE_PREPS:
            prep = before.prep                       # "in Carrowby and Harrogate"
        if e.last + 1 < len(tokens) and tokens[e.last + 1].norm in ("based", "headquartered"):
            prep = "based"                           # "the Pittsburgh-based company": where it is based
        if prep == "in" and e.first >= 2 and tokens[e.first - 2].norm in ("based", "headquartered"):
            prep = "based"                           # "Corvell, based in Louisville": where the company is, not where it happened
        if e.text.endswith("'s") or e.last + 1 < len(tokens) and tokens[e.last + 1].norm == "'s":
            prep = "'s"                              # "the opening days of Russia's invasion": whose, not where
        of = e.first - 1 - (e.first >= 1 and tokens[e.first - 1].norm == "the")
        if prep == "of" and of >= 1 and tokens[of].norm == "of" and any(p.kind == "person" and p.last == of - 1 for p in entities):
            prep = "'s"                              # "Tigist Assefa of Ethiopia": whose runner, not where she ran
        if _hosts(tokens, e.last + 1):
            prep = "in"                              # "Stockholm will host the ceremony": where it is held
        if e.first == 0 and e.last + 1 < len(tokens) and tokens[e.last + 1].norm == "," and e.text.isupper():
            prep = "dateline"                        # a dateline: "BERLIN, 14 July -" is where it happened
        if _everyday_word(e, pid, prep, tokens, en):
            continue
        bearing = _bearing(tokens, e.first)
        out.append(PlaceRef(pid, en.places.kind(pid), e.text, e.first, BEARING if bearing else prep, e.last, side=side, bearing=bearing))
        listed.append(out[-1])
    out.sort(key=lambda p: p.first)
    return out


_HOSTING = frozenset({"host", "hosts", "hosted", "hosting", "stage", "stages", "staged", "staging"})
_HOSTING_AUX = frozenset({"will", "would", "is", "was", "has", "had", "to", "also", "again", "last", "first"})


def _hosts(tokens: list[Token], k: int) -> bool:
    """A place that hosts ("Stockholm will host the ceremony", "Paris hosted the Games"): where it happens."""
    while k < len(tokens) and tokens[k].norm in _HOSTING_AUX:
        k += 1
    return k < len(tokens) and tokens[k].norm in _HOSTING


def _everyday_word(e: Entity, pid: str, prep: str, tokens: list[Token], en: English) -> bool:
    """A name that only looks like a town: one after "the" that owns something, or an everyday word ("Tour", "Federal",
    "Police", "Green", "Central") where no preposition of place or verb of going puts it there ("to
    Nice", "reached Buffalo") and it is no dateline."""
    if en.places.kind(pid) == "city" and e.first >= 1 and tokens[e.first - 1].norm == "the" and (
            e.last + 1 < len(tokens) and tokens[e.last + 1].norm == "'s" or e.text.endswith("'s")):
        return True                  # "the Dali's crew": a city takes no article (but "the Portland area" is a place)
    if " " in e.text or en.places.kind(pid) not in ("city", "region") or not lemma_of(e.text.lower())[1]:
        return False
    return prep not in PLACE_ROLE


def _side(tokens: list[Token], first: int) -> frozenset[str]:
    """The part of a place the words before it name: "eastern Congo", "north-eastern Japan", "the
    west of the Congo" (not "north of Hualien", which is outside it)."""
    k = first - 1
    if k >= 1 and tokens[k].norm == "the":
        k -= 1
    if k >= 1 and tokens[k].norm == "of":              # "the west of (the) Congo"
        words = []
        j = k - 1
        while j >= 0 and tokens[j].norm in SIDES and len(words) < 2:
            words.append(tokens[j].norm)
            j -= 1
        return frozenset(SIDES[w] for w in words) if words and j >= 0 and tokens[j].norm == "the" else frozenset()
    words = []
    while k >= 0 and tokens[k].norm in SIDES and tokens[k].norm.endswith("ern") or k >= 0 and words and tokens[k].norm in SIDES:
        words.append(tokens[k].norm)
        k -= 1
    return frozenset(SIDES[w] for w in words)


_COMPASS = {"north": {"north"}, "south": {"south"}, "east": {"east"}, "west": {"west"}, "northeast": {"north", "east"},
            "northwest": {"north", "west"}, "southeast": {"south", "east"}, "southwest": {"south", "west"}}


def _bearing(tokens: list[Token], first: int) -> frozenset[str]:
    """The direction from a place the words before it give: "100 kilometres east of Bergen", "south-east
    of Moranbah" (not "the east of the Congo", a part of it)."""
    k = first - 1
    if k >= 1 and tokens[k].norm == "the":
        k -= 1
    if k < 1 or tokens[k].norm != "of":
        return frozenset()
    words: set[str] = set()
    j = k - 1
    while j >= 0 and tokens[j].norm in _COMPASS and k - j <= 2:
        words |= _COMPASS[tokens[j].norm]
        j -= 1
    return frozenset(words) if words and not (j >= 0 and tokens[j].norm == "the") else frozenset()


_PLACE_MODIFIERS = frozenset(SIDES) | {"central", "downtown", "rural", "coastal"}


def _governing_prep(tokens: list[Token], first: int, side: bool = False) -> str:
    """The word before a place, or the preposition before the words that only narrow it: "in the
    United States", "in southern Ontario", "to the eastern Congo", "in downtown Los Angeles", "in
    the west of the Congo" are in, in, to, in and in (`side`: the words before it name a part of it)."""
    first = _past_settlement(tokens, first)          # "near the town of Serpa" is near Serpa
    if not first:
        return ""
    word = tokens[first - 1].norm
    if word == "," and first >= 3 and "NOUN" in lemma_of(tokens[first - 2].norm)[1] and not capital(tokens[first - 2]):
        # "towards the capital, Reykjavík": the place the noun phrase before the comma names
        prep = next((tokens[k].norm for k in range(first - 3, max(-1, first - 6), -1) if tokens[k].norm in PLACE_PREPOSITIONS), None)
        if prep:
            return prep
    k = first - 1
    while k > 0 and k >= first - 5 and (tokens[k].norm in _PLACE_MODIFIERS or tokens[k].norm == "the"
                                         or tokens[k].norm == "of" and side):
        k -= 1                                   # past "the", "southern", "the west of"
    if k < first - 1 and tokens[k].norm in PLACE_PREPOSITIONS and not (tokens[k].norm == "of" and side):
        return tokens[k].norm
    return word


# prepositions that put a name nobody lists in a place's role; "on" and "of" are left out ("on Truth Social", "of the PAN")
_SITE_PREPS = frozenset({"in", "at", "to", "from", "into", "near", "towards", "toward", "inside", "outside"})


# nouns for a kind of settlement or area, which "the ... of" puts before its name ("near the village of Vale Formoso")
_SETTLEMENTS = frozenset({"village", "town", "city", "hamlet", "port", "island", "province", "region", "district",
                          "municipality", "county", "commune", "parish", "suburb", "state", "republic", "kingdom"})


def _past_settlement(tokens: list[Token], first: int) -> int:
    """The first token of "the village of", "the Upper Austrian market town of" before a name at
    `first`, or `first`."""
    if first >= 3 and tokens[first - 1].norm == "of" and tokens[first - 2].norm in _SETTLEMENTS:
        for k in range(first - 3, max(-1, first - 8), -1):
            if tokens[k].norm == "the":
                return k
            if not tokens[k].is_word:
                break
    return first


_TOWNS = frozenset({"village", "town", "city", "hamlet"})


def _town_of(tokens: list[Token], e: Entity) -> bool:
    """ "the coastal town of Scarwick": a site the text says is a settlement."""
    if _past_settlement(tokens, e.first) != e.first and tokens[e.first - 2].norm in _TOWNS:
        return True
    after = [t.norm for t in tokens[e.last + 1:e.last + 5]]
    # "Valdecañas, a village of 143 inhabitants", "Scarwick, a small fishing town"
    return len(after) >= 3 and after[0] == "," and after[1] in ("a", "an", "the") and bool(_TOWNS & set(after[2:4]))


def _describes_a_settlement(tokens: list[Token], e: Entity, en: English) -> bool:
    """ "the Upper Austrian market town of Bad Goisern": a people's adjective describing the settlement
    named after it ("the Alentejo region of southern Portugal" names the region)."""
    if tokens[e.last].norm not in en.places.demonyms:
        return False
    for k in range(e.last + 1, min(len(tokens) - 1, e.last + 4)):
        if tokens[k].norm in _SETTLEMENTS and tokens[k + 1].norm == "of":
            return True
        if not tokens[k].is_word or capital(tokens[k]):
            return False
    return False


def _site_prep(tokens: list[Token], first: int) -> str:
    k = _past_settlement(tokens, first) - 1
    if k < 0:
        return ""
    if tokens[k].norm == "the" and k:
        k -= 1
    prep = tokens[k].norm
    return prep if prep in _SITE_PREPS or prep in PLACE_VERBS else ""     # "leaving the Seagirt Marine Terminal"


def _adjacent_place(before: PlaceRef, e: Entity, tokens: list[Token]) -> bool:
    k = e.first - 2
    return k >= before.first and all(capital(t) or t.norm == "'s" for t in tokens[before.first:k + 1])


def _noun_after(tokens: list[Token], j: int, en: English, limit: int = 3) -> str:
    for k in range(j, min(len(tokens), j + limit)):
        if tokens[k].is_number:
            return ""                 # "the first 45 minutes" ranks nothing
        w = tokens[k].norm
        if tokens[k].is_word and w not in en.function_words:
            return _noun(w, en)
    return ""


def _noun(word: str, en: English) -> str:
    """A word read as the noun a figure counts: "states" is a state, not the verb "say" of its
    paraphrase group; the group's word where that is no verb ("pontiffs" are popes)."""
    lemma, pos = lemma_of(word)
    if "NOUN" not in pos:
        return en.canonical(lemma)
    noun = noun_lemma(word)
    canonical = en.canonical(noun)
    return canonical if "VERB" not in lemma_of(canonical)[1] else noun


def _noun_before(tokens: list[Token], first: int, en: English) -> str:
    """The noun a number with no noun after it counts or measures, written before it: "a crew of
    22", "a majority of 184", "an earthquake of magnitude 7.3"; "" when there is none."""
    k = first - 1
    if k >= 1 and tokens[k].norm == "of":
        k -= 1
    if k < 0:
        return ""
    t = tokens[k]
    if not t.is_word or t.norm in en.function_words or capital(t) or "NOUN" not in lemma_of(t.norm)[1] or verbish(t.norm):
        return ""
    return en.canonical(noun_lemma(t.norm))


def verbish(word: str) -> bool:
    return lemma_of(word)[1] == frozenset({"VERB"}) or lemma_of(word)[1] == frozenset({"VERB", "AUX"})


def _noun_phrase(tokens: list[Token], j: int, en: English, limit: int = 4) -> tuple[str, ...]:
    """The content words of the noun phrase from token j: "criminal counts", "cardinal electors"."""
    out = []
    for k in range(j, min(len(tokens), j + limit)):
        t = tokens[k]
        if not t.is_word or t.norm in en.function_words and not t.text.isupper() or (t.norm.endswith("ing") and out):
            break             # ("US" is a name, not "us")
        lemma, pos = lemma_of(t.norm)
        if out and (pos and pos <= {"VERB", "AUX"} or t.norm.endswith("ed") and lemma != t.norm):
            break                     # "2,000 craftspeople worked": the phrase ends at its verb
        out.append(_noun(t.norm, en))
    return tuple(out)


_PARTITIVE = frozenset({"the", "its", "their", "his", "her", "our", "these", "those", "this", "that", "them", "us", "whom"})
_SET_PRONOUNS = frozenset({"them", "us", "whom"})
_NOT_A_SHARE_BEFORE = frozenset({"at", "after", "above", "for", "in", "by", "once"})     # "at all", "after all", "above all"
_NOT_A_SHARE_AFTER = frozenset({"but", "over", "along", "too", "other", "the", "that", "this", "of"})
_TIMES = frozenset({"day", "week", "month", "year", "time", "hour", "minute", "night", "morning", "evening", "season",
                    "weekend", "decade", "round", "game", "match", "turn", "quarter"})      # "every year", "each time": how often


_SET_FILLERS = frozenset({"of", "more", "than", "less", "fewer", "about", "some", "nearly", "over", "roughly", "around", "almost",
                          "'s", "or", "so", "million", "billion", "thousand", "hundred"})


def _partitive(tokens: list[Token], k: int) -> bool:
    """ "of the", "of its", "of Vistula's", "of them": a part of a set the words after name."""
    if k >= len(tokens):
        return False
    t = tokens[k]
    return t.norm in _PARTITIVE or capital(t) and k + 1 < len(tokens) and tokens[k + 1].norm == "'s"


def _set_noun(tokens: list[Token], k: int, en: English) -> tuple[str, tuple[str, ...]]:
    """The set a share is of: the head noun of the phrase from token k, past determiners, owners
    and figures ("of the 200 million proteins", "of Vistula's flights"); "*" for "of them"."""
    n = len(tokens)
    if k < n and tokens[k].norm in _SET_PRONOUNS:
        return "*", ()
    while k < n and (tokens[k].norm in _PARTITIVE or tokens[k].is_number or tokens[k].norm in en.numbers.values
                     or tokens[k].norm in _SET_FILLERS or k + 1 < n and tokens[k + 1].norm == "'s"):
        k += 1                        # (an owner: "of Vistula's flights", "of the town's homes")
    phrase = _noun_phrase(tokens, k, en)
    nouns = [w for w in phrase if "NOUN" in lemma_of(w)[1]]
    if not nouns and k < n and k and tokens[k - 1].norm == "the" and _people_adjective(tokens, k):
        return tokens[k].norm, (tokens[k].norm,)     # "of the injured", "of the dead": people described by a word
    return (nouns[-1] if nouns else ""), phrase


def _people_adjective(tokens: list[Token], k: int) -> bool:
    """ "the injured", "the wounded", "the missing", "the elderly": an adjective or participle after "the"
    that ends its phrase names the people it describes."""
    t = tokens[k]
    nxt = tokens[k + 1].norm if k + 1 < len(tokens) else ""
    pos = lemma_of(t.norm)[1]
    return t.is_word and not capital(t) and (pos <= {"ADJ", "VERB"} and bool(pos)) and (t.norm.endswith(("ed", "ing", "ly")) or "ADJ" in pos) \
        and (not nxt or not lemma_of(nxt)[1] & {"NOUN", "ADJ"} or nxt in ("were", "was", "had", "have", "are", "is"))


def shares(tokens: list[Token], en: English) -> list[Amount]:
    """What share of a set a clause's quantifiers speak of: "most patients", "every one of its
    lines", "some of the flights", as vague percentages of the set's noun."""
    out = []
    n = len(tokens)
    i = 0
    while i < n:
        key = next((k for k in en.quantifiers_by_first.get(tokens[i].norm, ()) if tuple(t.norm for t in tokens[i:i + len(k)]) == k), None)
        if key is None:
            i += 1
            continue
        end = i + len(key)
        before = tokens[i - 1].norm if i else ""
        after = tokens[end].norm if end < n else ""
        partitive = key[-1] == "of"
        idiom = before in _NOT_A_SHARE_BEFORE and not (end < n and (tokens[end].is_number or after in en.numbers.values))
        if idiom or (partitive and not _partitive(tokens, end)) or \
                (not partitive and (after in _NOT_A_SHARE_AFTER or end < n and (capital(tokens[end]) or after.endswith("ed")
                                                                                  or verbish(after)))) or \
                key == ("most",) and (before == "the" or lemma_of(after)[1] & {"ADJ", "ADV"}):     # "the most common"
            i = end
            continue
        noun, phrase = _set_noun(tokens, end, en)
        if noun and (partitive or noun not in _TIMES):
            lo, hi = en.quantifiers[key]
            out.append(Amount("percent", lo, hi, lo, noun, " ".join(t.text for t in tokens[i:end]), i, vague=True, phrase=phrase))
        i = end
    return out


def parts_of_wholes(tokens: list[Token], en: English) -> list[Amount]:
    """ "only one of the three indexes", "about 120 of the town's roughly 450 homes": a share of the
    set the second figure counts (both figures stay counts too)."""
    out = []
    n = len(tokens)
    i = 0
    while i < n - 3:
        got = _figure(tokens, i, en)
        if got is None:
            i += 1
            continue
        (part, of), first = got, i
        i = of
        if of + 1 >= n or tokens[of].norm != "of" or not _partitive(tokens, of + 1):
            continue
        k = of + 1
        while k < n and _figure(tokens, k, en) is None and k - of <= 6 and _before_a_whole(tokens, k):
            k += 1                    # past "the", "its", "the town's", "roughly"
        got = _figure(tokens, k, en) if k < n else None
        whole = got[0] if got else None
        if whole and whole > part:
            noun, phrase = _set_noun(tokens, k, en)
            if noun:
                share = 100 * part / whole
                start = first - 1 if first and tokens[first - 1].norm == "only" else first
                out.append(Amount("percent", share, share, share, noun, " ".join(t.text for t in tokens[start:k + 1]), start,
                                  vague=True, phrase=phrase))
    return out


def _before_a_whole(tokens: list[Token], k: int) -> bool:
    """A word that may stand between "of" and the figure of the whole: a determiner, an owner or an
    approximator ("of the town's roughly 450 homes"), not a pronoun or a verb ("34 of them walked out
    within 50 minutes" is no share of the minutes)."""
    t = tokens[k]
    if t.norm in _SET_PRONOUNS:
        return False
    return t.norm in _PARTITIVE or t.norm in _SET_FILLERS or k + 1 < len(tokens) and tokens[k + 1].norm == "'s"


def _figure(tokens: list[Token], k: int, en: English) -> tuple[float, int] | None:
    """A number at token k, in digits or words ("120", "four hundred and eleven"), and where it
    ends; not "a"."""
    if tokens[k].norm in ("a", "an") or not (tokens[k].is_number or tokens[k].norm in en.numbers.values):
        return None
    return number_at(tokens, k, en.numbers)


def _of_what(a: Amount, tokens: list[Token], en: English) -> Amount:
    """A percentage with the set it is a share of: "6 percent of patients", "36% of the revenue"."""
    for k in range(a.first + 1, min(len(tokens) - 1, a.first + len(a.text.split()) + 3)):   # past "about 11 per cent"
        if tokens[k].norm == "of":
            noun, phrase = _set_noun(tokens, k + 1, en)
            return replace(a, noun=noun, phrase=phrase) if noun else a
        if tokens[k].is_word and tokens[k].norm not in ("percent", "per", "cent") and tokens[k].norm not in _FRACTIONS:
            break
    return a


_OFFSET_WORDS = frozenset({"after", "before", "later", "earlier", "ago"})
_BESIDES = frozenset({"other", "more", "further", "additional", "extra"})     # between a count and its noun
_AUXILIARIES = frozenset({"were", "was", "are", "is", "had", "have", "has", "will", "would", "could", "may", "might"})


def amounts(tokens: list[Token], en: English) -> list[Amount]:
    out: list[Amount] = []
    taken: set[int] = set()
    n = len(tokens)
    quantified = shares(tokens, en)
    for a in quantified:
        taken.update(range(a.first, a.first + len(a.text.split())))
    parts = parts_of_wholes(tokens, en)
    for a in elapsed(tokens):
        out.append(a)
        taken.update(range(a.first, a.first + 5))
    for i in range(n):
        for key in en.vague_by_first.get(tokens[i].norm, ()):     # longest first
            k = len(key)
            lo, hi = en.vague[key]
            if tuple(t.norm for t in tokens[i:i + k]) == key and not taken & set(range(i, i + k)) \
                    and not (i and tokens[i - 1].norm == "half"):        # "half a dozen", "half a million": a number
                text = " ".join(t.text for t in tokens[i:i + k])
                unit = en.numbers.units.get(tokens[i + k].norm) if i + k < n and lo < hi else None
                # "a few minutes after the smoke" is when ("for several days before voting" is how long)
                offset = i + k + 1 < n and tokens[i + k + 1].norm in _OFFSET_WORDS and not (i and tokens[i - 1].norm == "for")
                if unit and unit[0] == "duration" and not offset:     # "several days", "a few hours": how long
                    out.append(Amount("duration", lo * unit[1], hi * unit[1], lo * unit[1], "", f"{text} {tokens[i + k].text}", i, vague=True))
                    taken.update(range(i, i + k + 1))
                    continue
                noun = _noun_after(tokens, i + k, en)
                out.append(Amount("count", lo, hi, lo, noun, text, i, vague=True,
                                  phrase=_noun_phrase(tokens, i + k, en)))
                taken.update(range(i, i + k))
    for q in map(_precise, find_quantities(tokens, en.numbers, offsets=True, bare=True)):
        if q.first in taken or any(i in taken for i in range(q.first, q.last + 1)):
            continue
        after = tokens[q.last + 1].norm if q.last + 1 < n else ""
        if q.dimension == "duration" and after == "'s":
            continue                                    # "a year's rainfall" measures rain, not time
        if q.dimension == "duration" and after == "old" or (q.first >= 2 and tokens[q.first - 1].norm == "of" and tokens[q.first - 2].norm == "age"):
            years = 525600 if q.dimension == "duration" else 1       # "82 years old"; "at the age of 88" is a bare number
            out.append(Amount("age", q.lo / years, q.hi / years, q.value / years, "", q.text, q.first))
            continue
        if q.dimension == "offset":      # "forty minutes after the smoke": after what, and how long after
            k = q.last + 2
            while k < n and tokens[k].norm in en.function_words:
                k += 1
            anchor = en.canonical(lemma_of(tokens[k].norm)[0]) if k < n and tokens[k].is_word else ""
            out.append(Amount("offset", q.lo, q.hi, q.value, f"{q.noun} {anchor}".strip(), q.text, q.first, approx=q.approx))
            continue
        if q.dimension == "count":
            noun = _noun(q.noun, en)
            if noun in ("percent", "per"):
                out.append(Amount("percent", q.lo, q.hi, q.value, "", q.text, q.first))
                continue
            if noun in ("basis", "point", "percentage"):
                scale = 100 if noun == "percentage" else 1
                out.append(Amount("points", q.lo * scale, q.hi * scale, q.value * scale, "", q.text, q.first))
                continue
            unit = _MEASURES.get(q.noun) or _MEASURES.get(noun)
            per = [t.norm for t in tokens[q.last + 1:q.last + 3]]
            rate = _PER_TIME.get(per[1] if per[:1] in (["per"], ["a"], ["an"]) and len(per) > 1 else "h" if per[:1] == ["h"] else "")
            if unit and unit[0] == "length" and rate:
                unit = ("speed", unit[1] / 1000 * rate)   # "193 km/h", "75 miles per hour", "17 kilometres per second": km/h
            if unit and q.last >= 1 and tokens[q.last - 1].norm in ("square", "cubic"):
                continue                                # "491 litres per square metre"
            if unit:
                dim, factor = unit
                out.append(Amount(dim, q.lo * factor, q.hi * factor, q.value * factor, "", q.text, q.first, approx=q.approx))
                continue
            if q.noun in ("th", "st", "nd", "rd") or (q.noun in en.function_words and 1000 <= q.value <= 2100
                                                       and "," not in tokens[q.first].text):
                continue              # "from 1878 to 1903": years, not counts ("1,440 people" is a count)
            nxt = tokens[q.last - 1].norm        # after the number, past any approximator ("about 80,000 people had")
            if nxt in en.numbers.count_nouns and (q.noun in en.function_words or verbish(q.noun) or q.noun.endswith("ed")
                                                  or lemma_of(q.noun)[1] == {"ADV"}):
                noun = _noun(nxt, en)     # "144 people had been killed", "37 people aboard"
                out.append(Amount("count", q.lo, q.hi, q.value, noun, q.text, q.first, approx=q.approx, phrase=(noun,)))
                continue
            if q.noun in _BESIDES and q.last + 1 < n:
                phrase = _noun_phrase(tokens, q.last + 1, en)
                if phrase:                       # "46 other poultry farms", "12 more people": farms, people
                    out.append(Amount("count", q.lo, q.hi, q.value, phrase[-1], q.text, q.first, approx=q.approx, phrase=phrase))
                    continue
            head = _noun_before(tokens, q.first, en) if not q.noun or q.noun in en.function_words or verbish(q.noun) else ""
            if head:                             # "a crew of 22", "a majority of 184", "magnitude 7.3 and"
                text = q.text.rsplit(" ", 1)[0] if q.noun and q.text.endswith(" " + tokens[q.last].text) else q.text
                out.append(Amount("count", q.lo, q.hi, q.value, head, text, q.first, approx=q.approx, phrase=(head,)))
                continue
            after_noun = tokens[q.last + 1] if q.last + 1 < n else None
            if q.noun in _AUXILIARIES or q.noun and verbish(q.noun) and not (
                    after_noun and after_noun.is_word and after_noun.norm not in en.function_words
                    and "NOUN" in lemma_of(after_noun.norm)[1]):     # ("73 oiled seabirds" count seabirds)
                # "24 walked out", "five were hurt": the figure counts who did it, named elsewhere
                text = q.text.rsplit(" ", 1)[0] if q.text.endswith(" " + tokens[q.last].text) else q.text
                out.append(Amount("count", q.lo, q.hi, q.value, "*", text, q.first, approx=q.approx))
                continue
            phrase = _noun_phrase(tokens, q.last, en)
            if len(phrase) > 1 and "NOUN" in lemma_of(phrase[-1])[1]:
                noun = phrase[-1]             # "three main US stock indexes" count indexes
            out.append(Amount("count", q.lo, q.hi, q.value, noun, q.text, q.first, approx=q.approx, phrase=phrase))
        else:
            out.append(Amount(q.dimension, q.lo, q.hi, q.value, q.noun if q.dimension == "money" else "", q.text, q.first, approx=q.approx))
    for i, t in enumerate(tokens):        # "half of the electorate", "a third of", "two-thirds of"
        share = _FRACTIONS.get(t.norm)
        of_a_unit = i + 3 < n and tokens[i + 2].norm in ("a", "an") and tokens[i + 3].norm in en.numbers.units  # "a quarter of an hour"
        if share and i + 1 < n and tokens[i + 1].norm == "of" and not (i and tokens[i - 1].norm in ("and",)) and not of_a_unit:
            prev = tokens[i - 1].norm if i else ""
            if prev in en.numbers.ordinals or prev in _PERIOD_SIDES:
                continue                  # "the second half of 2026", "the third quarter of 2024": a period, not a share
            first = i
            if t.norm in ("thirds", "quarters") and prev in en.numbers.values:
                share *= en.numbers.values[prev]
                first = i - 1         # "two thirds" is a share, not two of something
                out = [a for a in out if not a.first <= first < a.first + len(a.text.split())]
                prev = tokens[i - 2].norm if i >= 2 else ""
            elif t.norm in ("thirds", "quarters"):
                continue
            lo, hi = share * 100, share * 100
            if prev in ("about", "around", "roughly", "nearly", "almost", "some"):
                lo, hi = lo * 0.9, hi * 1.1
            out.append(Amount("percent", lo, hi, share * 100, "", " ".join(x.text for x in tokens[first:i + 1]) + " of", first))
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
    out = [a for a in out if not _in_name(tokens, a.first, en)]
    out = [_of_what(a, tokens, en) if a.dimension == "percent" else a for a in out]
    out = [_implied_precision(a) for a in out]
    out = _ages(out, tokens)
    out = _durations(out, tokens)
    out = _ratios(out, tokens, en)
    out = _ranges(out, tokens)
    tallies = _tallies(tokens, en)
    if tallies:
        covered = {i for t in tallies for i in range(t.first, t.first + len(t.text.split()))}
        out = [a for a in out if a.first not in covered] + tallies
    out = [a for a in out if not any(a.first == w.first for w in quantified)] + quantified
    # "ten of their 14 classical games": ten games, and a share of the 14
    out = [next((replace(a, noun=w.noun, phrase=w.phrase) for w in parts if a.dimension == "count" and a.noun == "of"
                 and a.first <= w.first <= a.first + 2), a) for a in out] + parts
    out.sort(key=lambda a: a.first)
    return _rates(_elliptical_counts(out, tokens, en), tokens)


# a length per this much time, as a speed in km/h: hours to one of it
_PER_TIME = {"hour": 1, "h": 1, "minute": 60, "second": 3600}

_PER_WORDS = frozenset({"per", "each", "every"})
_PERIODS = (_PER_TIME.keys() - {"h"}) | {"day", "week", "month", "year", "night", "season"}


def _rates(out: list[Amount], tokens: list[Token]) -> list[Amount]:
    """A figure for each of something: "10 litres of milk a day", "two cases per household",
    "$40 a night". It compares only with a figure for each of the same thing."""
    n = len(tokens)
    denominators: set[int] = set()
    for i, a in enumerate(out):
        if a.dimension == "speed":
            continue
        k = a.first + len(a.text.split())
        for j in range(k, min(n - 1, k + 4)):
            t, nxt = tokens[j], tokens[j + 1]
            if not t.is_word or t.is_number or t.norm == "of" and nxt.norm in ("a", "an"):
                break                   # ("three quarters of an hour" is no rate)
            noun = lemma_of(nxt.norm)[0]
            after = tokens[j + 2].norm if j + 2 < n else ""
            if t.norm in _PER_WORDS and nxt.is_word or t.norm in ("a", "an") and noun in _PERIODS and after not in _OFFSET_WORDS | {"ago"}:
                out[i] = replace(a, per=noun)
                denominators.add(j)
                break
    return [a for a in out if a.first not in denominators]      # "a day" there is no duration


_TOTALS = frozenset({"number", "total", "tally", "count"})


def _elliptical_counts(out: list[Amount], tokens: list[Token], en: English) -> list[Amount]:
    """A count with its noun left out counts what its words point to: "all 11 of Meridian's
    hospitals" are hospitals (but "four of them" count no noun named here), and after "and" what the
    count before it counts ("nine people had died and 1,101 had been hurt": the 1,101 are people)."""
    for i, a in enumerate(out):
        if a.dimension == "count" and a.noun == "of":
            of = next((k for k in range(a.first + 1, min(len(tokens), a.first + 4)) if tokens[k].norm == "of"), None)
            noun, phrase = _set_noun(tokens, of + 1, en) if of is not None else ("", ())
            if noun:
                out[i] = replace(a, noun=noun, phrase=phrase)     # ("*" for "34 of them": who, named elsewhere)
    for i, a in enumerate(out):
        if a.dimension == "count" and not a.noun:
            # "brought the number of troops in the region to about 17,500": the figure counts troops
            k = next((k for k in range(a.first - 2, 0, -1) if tokens[k].norm == "of" and tokens[k - 1].norm in _TOTALS), None)
            noun, phrase = _set_noun(tokens, k + 1, en) if k is not None else ("", ())
            if noun and noun != "*":
                out[i] = replace(a, noun=noun, phrase=phrase)
    for i, a in enumerate(out):
        if a.dimension != "count" or a.vague or a.noun == "of" or not (not a.noun or a.noun == "*" or a.noun in en.function_words
                                                                        or verbish(a.noun)):
            continue
        before = next((b for b in reversed(out[:i]) if b.dimension == "count" and b.noun and b.noun != "*"
                       and b.noun not in en.function_words and not verbish(b.noun)), None)
        joins = ("and",) if a.noun == "*" else ("and", ",")     # ("of the 41 workers, 24 walked out": some of them)
        if before is not None and any(t.norm in joins for t in tokens[before.first + 1:a.first]):
            out[i] = replace(a, noun=before.noun, phrase=before.phrase)
    for i, a in enumerate(out[:-1]):
        nxt = out[i + 1]
        # "six and 12 apples", "three or four people": the figures of a list count what the last counts
        if a.dimension == nxt.dimension == "count" and not a.noun and nxt.noun and nxt.noun != "*" \
                and nxt.first == a.first + len(a.text.split()) + 1 and tokens[nxt.first - 1].norm in ("and", "or"):
            out[i] = replace(a, noun=nxt.noun, phrase=nxt.phrase)
    return out


_MEASURES = {"metre": ("length", 1), "meter": ("length", 1), "metres": ("length", 1), "meters": ("length", 1), "m": ("length", 1),
             "kilometre": ("length", 1000), "kilometer": ("length", 1000), "kilometres": ("length", 1000), "kilometers": ("length", 1000),
             "km": ("length", 1000), "foot": ("length", 0.3048), "feet": ("length", 0.3048), "ft": ("length", 0.3048),
             "mile": ("length", 1609.34), "miles": ("length", 1609.34), "inch": ("length", 0.0254), "inches": ("length", 0.0254),
             "yard": ("length", 0.9144), "yards": ("length", 0.9144), "centimetre": ("length", 0.01), "cm": ("length", 0.01),
             "kilogram": ("mass", 1), "kilograms": ("mass", 1), "kg": ("mass", 1), "tonne": ("mass", 1000), "tonnes": ("mass", 1000),
             "ton": ("mass", 907.2), "tons": ("mass", 907.2), "pound": ("mass", 0.4536), "pounds": ("mass", 0.4536),
             "lb": ("mass", 0.4536), "lbs": ("mass", 0.4536),
             "mph": ("speed", 1.609344), "kph": ("speed", 1), "kmh": ("speed", 1)}      # speeds in km/h


_PERIOD_SIDES = frozenset({"last", "final", "latter", "former", "back", "front", "opening", "closing"})
_FRACTIONS = {"half": 0.5, "third": 1 / 3, "quarter": 0.25, "thirds": 1 / 3, "quarters": 0.25, "fifth": 0.2, "tenth": 0.1}


_TALLY_NOUNS = frozenset({"vote", "decision", "ruling", "majority", "win", "victory", "defeat", "loss", "score", "margin",
                          "verdict", "result", "final", "lead", "scoreline", "split", "opinion", "triumph"})


_TALLY_VERBS = frozenset({"win", "beat", "defeat", "lose", "lead", "trail", "vote", "rule", "decide", "finish", "end",
                          "pass", "approve", "reject", "adopt", "carry", "confirm", "ratify", "back", "split", "uphold"})


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
        if not (tokens[i].is_number or tokens[i].norm in en.numbers.values):
            continue
        a = small(tokens[i])
        if a is None:
            continue
        by_votes = i + 3 < n and tokens[i + 1].norm in ("votes", "vote") and tokens[i + 2].norm == "to"     # "by 14 votes to 6"
        j = i + 3 if by_votes else i + 2 if i + 2 < n and tokens[i + 1].norm == "to" else i + 1
        b = small(tokens[j]) if j < n else None
        if b is None or (j == i + 1 and not tokens[i].end < tokens[j].start):
            continue
        after = {lemma_of(t.norm)[0] for t in tokens[j + 1:j + 3]}
        before = {lemma_of(t.norm)[0] for t in tokens[max(0, i - 2):i]}
        if after & _TALLY_NOUNS or before & _TALLY_VERBS or by_votes:
            hi, lo = max(a, b), min(a, b)
            value = hi * 100 + lo
            text = " ".join(t.text for t in tokens[i:j + 1])
            out.append(Amount("tally", value, value, value, "", text, i))
    return out


def _ages(out: list[Amount], tokens: list[Token]) -> list[Amount]:
    """ "two men aged 34 and 41": ages, not counts."""
    out = sorted(out, key=lambda a: a.first)
    for k, a in enumerate(out):
        if a.dimension != "count" or a.vague:
            continue
        before = tokens[a.first - 1].norm if a.first else ""
        after_age = k and out[k - 1].dimension == "age" and before in ("and", ",", "or") and a.first - out[k - 1].first <= 3
        if before == "aged" or after_age:
            text = a.text.rsplit(" ", 1)[0] if a.noun and len(a.text.split()) > 1 and not a.text.split()[-1][:1].isdigit() else a.text
            out[k] = Amount("age", a.lo, a.hi, a.value, "", text, a.first, approx=a.approx)
    return out


_SCALED = re.compile(r"(\d+(?:\.(\d+))?) ?(million|billion|trillion|bn)\b", re.I)
_SCALES = {"million": 1e6, "billion": 1e9, "trillion": 1e12, "bn": 1e9}


def _implied_precision(a: Amount) -> Amount:
    """A figure of two or more digits written with a scale word is as precise as its last digit:
    "$26 billion" is $25.5-26.5 billion, so it agrees with "$26.3 billion"; "$26.3 billion" is
    $26.25-26.35 billion. One digit ("$2 billion") would make the slack a quarter of the figure."""
    if a.approx or a.vague or a.lo != a.hi or a.dimension not in ("money", "count"):
        return a
    m = _SCALED.search(a.text)
    if m is None:
        return a
    digits = m.group(1).replace(".", "").lstrip("0")
    if len(digits) < 2:
        return a                     # "$2 billion" says no more than that ("$2.4 billion" is another figure)
    half = 0.5 * 10 ** -len(m.group(2) or "") * _SCALES[m.group(3).lower()]
    return replace(a, lo=a.value - half, hi=a.value + half)


_RATE_BEFORE = frozenset({"once", "twice", "thrice", "times"})


def _durations(out: list[Amount], tokens: list[Token]) -> list[Amount]:
    """ "two hours and 27 minutes" is one duration of 147 minutes ("between two hours and 30 minutes"
    is a range); "once a day", "1.2 million refrigerators a year", "$15 a day" and "12 hours a day"
    are rates, not durations."""
    out = sorted(out, key=lambda a: a.first)
    counted_end = {a.first + len(a.text.split()) for a in out}
    kept: list[Amount] = []
    for a in out:
        if a.dimension == "duration" and a.text.split()[0].lower() in ("a", "an"):
            k = a.first - 1
            while k >= 0 and tokens[k].norm == "-":
                k -= 1
            if k >= 0 and (tokens[k].norm in _RATE_BEFORE or k + 1 in counted_end):
                continue
        prev = kept[-1] if kept else None
        # ("five years and three months after pleading guilty": the sentence's length, not a time after it)
        if (prev is not None and prev.dimension == "duration" and a.dimension in ("duration", "offset") and a.value < prev.value
                and [t.norm for t in tokens[prev.first + len(prev.text.split()):a.first]] in (["and"], [","], [])
                and not (prev.first and tokens[prev.first - 1].norm in ("between", "from"))):   # a range
            text = " ".join(t.text for t in tokens[prev.first:a.first + len(a.text.split())])
            kept[-1] = Amount("duration", prev.lo + a.lo, prev.hi + a.hi, prev.value + a.value, "", text, prev.first,
                              approx=prev.approx)
            continue
        kept.append(a)
    return kept


_RATIO_WORDS = (("in",), ("in", "every"), ("out", "of"), ("of", "every"))


def _ratios(out: list[Amount], tokens: list[Token], en: English) -> list[Amount]:
    """ "one patient in twenty", "two in five", "1 out of 10": a share, as a percentage."""
    n = len(tokens)

    def number(i: int) -> float | None:
        if i >= n:
            return None
        t = tokens[i]
        if t.is_number:
            try:
                return float(t.norm.replace(",", ""))
            except ValueError:
                return None
        return en.numbers.values.get(t.norm) if t.norm not in ("a", "an") else None

    for a in sorted(out, key=lambda a: a.first):
        if a.dimension != "count" or a.vague:
            continue
        k = next((i for i in range(a.first, min(n, a.first + 3)) if number(i) is not None), None)
        if k is None:
            continue
        k += 1
        counted = ""
        if k < n and tokens[k].is_word and tokens[k].norm not in en.function_words:
            counted = noun_lemma(tokens[k].norm)
            k += 1                                   # the counted noun: "one patient in twenty"
        for words in _RATIO_WORDS:
            if tuple(t.norm for t in tokens[k:k + len(words)]) != words:
                continue
            j = k + len(words)
            whole = number(j)
            after = tokens[j + 1].norm if j + 1 < n else ""
            other_noun = counted and j + 1 < n and tokens[j + 1].is_word and tokens[j + 1].norm not in en.function_words \
                and "NOUN" in lemma_of(tokens[j + 1].norm)[1] and not verbish(tokens[j + 1].norm) \
                and noun_lemma(tokens[j + 1].norm) != counted
            if not whole or whole <= a.value or after in en.numbers.units or other_noun or (
                    1000 <= whole <= 2100 and "," not in tokens[j].text):
                break                                # "two in 10 minutes", "three in 2019", "three cases in 12 countries"
            share = 100 * a.value / whole
            lo, hi = (share * 0.9, share * 1.1) if a.approx else (share, share)
            text = " ".join(t.text for t in tokens[a.first:j + 1])
            out = [x for x in out if x is not a and not (a.first < x.first <= j)]
            out.append(Amount("percent", lo, hi, share, "", text, a.first, approx=a.approx))
            break
    return out


def _ranges(out: list[Amount], tokens: list[Token]) -> list[Amount]:
    """ "58.3 to 60.7 percent", "between 4.75 and 5%": the first number takes the second's unit."""
    out = sorted(out, key=lambda a: a.first)
    for k in range(len(out) - 1):
        a, b = out[k], out[k + 1]
        gap = [t.norm for t in tokens[a.first + 1:b.first]]
        while gap and (gap[0][:1].isdigit() or gap[0] in CURRENCY_SIGNS):
            gap = gap[1:]                     # "$ 2 to": the gap starts after a's number
        if not gap or gap[-1] not in ("to", "and", "-", "or") or b.first - a.first > 4 \
                or any(w not in _SCALE_WORDS for w in gap[:-1]) or b.first - a.first - len(gap) > 2:
            continue
        if a.dimension == "count" and b.dimension != "count":
            f = _scale(b, tokens) if not gap[:-1] else 1.0     # "between 60 and 80 million kronor", "3 to 4 hours"
            out[k] = Amount(b.dimension, a.lo * f, a.hi * f, a.value * f, b.noun, a.text, a.first, a.vague, a.approx, b.phrase)
        elif a.dimension == b.dimension and a.dimension in ("money", "count") and _scale(a, tokens) == 1.0 and not gap[:-1] \
                and (a.dimension == "money" or a.noun == gap[-1]):
            f = _scale(b, tokens)                              # "$2 to $3 billion", "between 2 and 3 million people"
            out[k] = replace(a, lo=a.lo * f, hi=a.hi * f, value=a.value * f, noun=b.noun, phrase=b.phrase)
    return out


_SCALE_WORDS = frozenset({"thousand", "million", "billion", "trillion", "bn", "m"})


def _scale(b: Amount, tokens: list[Token]) -> float:
    """What the unit and scale words of `b` multiply its written number by (1 if none is written)."""
    k = next((k for k in range(b.first, min(b.first + 3, len(tokens))) if tokens[k].is_number), None)
    try:
        written = float(tokens[k].norm.replace(",", "")) if k is not None else 0.0
    except ValueError:
        return 1.0
    return b.value / written if written and b.value >= written else 1.0


def _precise(q):
    """An approximate number written precisely ("about 54.5 percent", "nearly 16,400") allows
    little slack: the lexicon's width is for round numbers ("about 60")."""
    if q.approx not in ("about", "below", "above") or q.value <= 0:
        return q
    whole = float(q.value).is_integer()
    if whole and q.value % 5 == 0 or q.lo == q.hi:
        return q
    slack = 0.03 * q.value
    lo = q.value - slack if q.approx in ("about", "below") else q.value
    hi = q.value + slack if q.approx in ("about", "above") else q.value
    return type(q)(q.dimension, q.value, lo, hi, q.first, q.last, q.text, q.noun, q.approx)


def _in_name(tokens: list[Token], i: int, en: English) -> bool:
    """A number that is part of a name: "Boeing 737", "737 MAX", "MAX 9s" (not "the team from Voss 4.3
    kilometres", a measure)."""
    if not tokens[i].is_number:
        return False
    prev = tokens[i - 1] if i else None
    nxt = tokens[i + 1] if i + 1 < len(tokens) else None
    if nxt is not None and len(nxt.norm) > 1 and (nxt.norm in en.numbers.units or nxt.norm in _MEASURES):
        return False          # (a one-letter unit may be a model's name: "Model S", "Type 2 m")
    return bool(prev is not None and i > 1 and capital(prev) and prev.norm not in ("a", "an")
                or nxt is not None and nxt.caps and nxt.is_word)



def elapsed(tokens: list[Token]) -> list[Amount]:
    """A time taken, written h:mm:ss ("won in 2:00:35"): a duration, not a time of day."""
    out = []
    for i in range(len(tokens) - 4):
        run = tokens[i:i + 5]
        if not (run[0].is_number and run[1].norm == ":" and run[2].is_number and run[3].norm == ":" and run[4].is_number):
            continue
        if any(x.end != y.start for x, y in zip(run, run[1:])) or len(run[2].norm) != 2 or not run[4].norm[:2].isdigit():
            continue
        try:
            hours, minutes, seconds = int(run[0].norm), int(run[2].norm), float(run[4].norm)
        except ValueError:
            continue
        if minutes < 60 and seconds < 60:
            value = hours * 60 + minutes + seconds / 60
            out.append(Amount("duration", value, value, value, "", "".join(t.text for t in run), i))
    return out


def clock_times(sentence: Sentence, tokens: list[Token]) -> list[ClockTime]:
    out = []
    for m in _CLOCK.finditer(sentence.text):
        if _ELAPSED_AROUND.match(sentence.text, m.end()) or m.start() and sentence.text[m.start() - 1] == ":":
            continue                                 # "2:00:35" is how long it took
        if m.group(1):
            hour, minute, half = int(m.group(1)), int(m.group(2) or 0), m.group(3).lower()[0]
            if hour > 12:
                continue
            hour = hour % 12 + (12 if half == "p" else 0)
        else:
            hour, minute = int(m.group(4)), int(m.group(5))
            if hour > 23 or minute > 59:
                continue
            # "from 1:40 to 1:44 p.m.", "1:40-1:44 p.m.": the first time of a range shares the second's half of the day
            after = _RANGE_END.match(sentence.text, m.end())
            if after and hour <= 12:
                hour = hour % 12 + (12 if after.group(1).lower()[0] == "p" else 0)
        value = hour * 60 + minute
        before = sentence.text[max(0, m.start() - 24):m.start()].lower().strip()
        lo, hi = value, value
        for cue, (dlo, dhi) in sorted(_CLOCK_APPROX.items(), key=lambda kv: -len(kv[0])):
            if before.endswith(cue):
                lo, hi = value + dlo, value + dhi
                break
        offset = sentence.start + m.start()
        first = next((i for i, t in enumerate(tokens) if t.start >= offset), 0)
        zone = _ZONE.match(sentence.text, m.end())
        hours = ZONES.get(zone.group(1).lower().split()[0] if zone.group(1)[0].islower() or " " in zone.group(1) else zone.group(1), ()) \
            if zone else ()
        out.append(ClockTime(value, lo, hi, m.group(0), first, sentence.start + m.end(), zone=hours))
    return out


# time zones by their abbreviations and names, as hours ahead of UTC; a name without "standard" or
# "daylight" may be either
ZONES: dict[str, tuple[float, ...]] = {
    "UTC": (0,), "GMT": (0,), "Z": (0,), "BST": (1,), "WET": (0,), "WEST": (1,), "CET": (1,), "CEST": (2,), "EET": (2,),
    "EEST": (3,), "MSK": (3,), "IST": (5.5,), "SGT": (8,), "HKT": (8,), "JST": (9,), "KST": (9,), "AEST": (10,), "AEDT": (11,),
    "ACST": (9.5,), "AWST": (8,), "NZST": (12,), "NZDT": (13,), "EST": (-5,), "EDT": (-4,), "CST": (-6,), "CDT": (-5,),
    "MST": (-7,), "MDT": (-6,), "PST": (-8,), "PDT": (-7,), "AKST": (-9,), "AKDT": (-8,), "HST": (-10,), "AST": (-4,),
    "ADT": (-3,), "NST": (-3.5,), "NDT": (-2.5,),
    "eastern": (-5, -4), "central": (-6, -5), "mountain": (-7, -6), "pacific": (-8, -7), "atlantic": (-4, -3),
    "greenwich": (0,), "universal": (0,)}
_ZONE = re.compile(r"\s*\(?\s*(UTC|GMT|Z|[A-Z]{2,4}T|(?:Eastern|Central|Mountain|Pacific|Atlantic|Greenwich)(?: (?:Standard|Daylight|Mean))?"
                   r" [Tt]ime)\b")


def ordinals(tokens: list[Token], en: English) -> list[OrdinalRef]:
    out = []
    for i, t in enumerate(tokens):
        value = en.numbers.ordinals.get(t.norm)
        if value is not None and t.norm in _PER_TIME and i and tokens[i - 1].norm in ("per", "a"):
            continue                    # "17 kilometres per second", "a mile a second": a rate, not a rank
        j = i + 1
        if value is None and t.is_number and i + 1 < len(tokens) and tokens[i + 1].norm in ("th", "st", "nd", "rd"):
            value, j = int(float(t.norm.replace(",", ""))), i + 2
        if value is None and _last(tokens, i, en):
            value = LAST
        if value is not None:
            # "the first of them", "the last of the three to testify": a rank within the group named
            noun = GROUP if _of_a_group(tokens, j, en) else _noun_after(tokens, j, en)
            within = _ranked_within(tokens, j, en)
            if _elliptic_rank(tokens, j):
                subject = _ranked_subject(tokens, i, en)
                if subject:
                    noun = subject
                elif out:             # "his fourth Grand Slam title and his second at the All England Club": a narrower series
                    noun, within = out[-1].noun, True
            out.append(OrdinalRef(value, noun, t.text, i, within=within))
    return out


_AFTER_A_BARE_RANK = frozenset({"on", "in", "at", "since", "to", "for", "from", "after", "before", "among", "with", "by", "this",
                                "last", "ever", "yet"})
_COPULAS = frozenset({"is", "was", "are", "were", "be", "been", "became", "becomes", "remains", "remained"})


def _elliptic_rank(tokens: list[Token], j: int) -> bool:
    """ "the first on a Dutch farm this autumn", "the project's first,": a rank with its noun left out."""
    return j >= len(tokens) or not tokens[j].is_word or tokens[j].norm in _AFTER_A_BARE_RANK


def _ranked_subject(tokens: list[Token], i: int, en: English) -> str:
    """What a bare rank ranks: the noun the copula before it is said of ("the outbreak is the first", "this
    autumn's outbreak is already the fifth"); "" where there is none ("it was the first")."""
    k = i - 1
    while k >= 0 and (tokens[k].norm in _OWNERS or tokens[k].norm == "'s" or tokens[k].norm in _NOT_ONLY
                      or tokens[k].norm in ("already", "now", "also") or k + 1 < len(tokens) and tokens[k + 1].norm == "'s"):
        k -= 1                        # past "the project's", "already"
    if k < 1 or tokens[k].norm not in _COPULAS:
        return ""
    subject = tokens[k - 1]
    if not subject.is_word or subject.norm in en.function_words or "NOUN" not in lemma_of(subject.norm)[1]:
        return ""
    return _noun(subject.norm, en)


_GROUP_WORDS = frozenset({"them", "us", "these", "those", "which", "whom", "all"})
_OWNERS = frozenset({"the", "its", "his", "her", "their", "our", "this"})


def _of_a_group(tokens: list[Token], j: int, en: English) -> bool:
    """ "the first of them", "the last of the three (cooperating witnesses)": ranked within a group
    counted or pointed to, not within a noun ("the sixth of the race" ranks in the race)."""
    if j >= len(tokens) or tokens[j].norm != "of":
        return False
    k = j + 1
    while k < len(tokens) and tokens[k].norm == "the":
        k += 1
    return k >= len(tokens) or not tokens[k].is_word or tokens[k].is_number or tokens[k].norm in _GROUP_WORDS \
        or tokens[k].norm in en.numbers.values


def _last(tokens: list[Token], i: int, en: English) -> bool:
    """ "the last of the three", "the final ballot", "his last match": the end of a series (not "last
    week", "the last 20 minutes", "the final of the tournament" or "the final in Berlin")."""
    if tokens[i].norm not in ("last", "final") or not i or tokens[i - 1].norm not in _OWNERS or i + 1 >= len(tokens):
        return False
    nxt = tokens[i + 1]
    if nxt.norm == "of":
        return tokens[i].norm == "last"
    return nxt.is_word and nxt.norm not in en.function_words and nxt.norm not in en.numbers.units \
        and nxt.norm not in en.dates.weekdays and nxt.norm not in en.dates.months


_SUBSET = frozenset({"from", "outside", "since"})


def _ranked_within(tokens: list[Token], j: int, en: English) -> bool:
    """ "the first pontiff from the United States", "the first since Pantani": a rank among some, not
    the rank in the whole series ("the 267th pope")."""
    if j < len(tokens) and tokens[j].norm in _SUBSET:
        return True                                  # "the first since Pantani"
    k = next((k for k in range(j, min(len(tokens), j + 3)) if tokens[k].is_word and tokens[k].norm not in en.function_words), None)
    if k is None or k + 1 >= len(tokens):
        return False
    return tokens[k + 1].norm in _SUBSET


_NOT_ONLY = frozenset({"only", "just", "merely", "least", "even", "yet", "all", "always", "necessarily", "quite", "so", "that",
                       "until", "till", "before", "after", "since"})     # ", not until 2045" says when
_PHRASE_ENDS = frozenset({",", ";", ".", ":", ")", "—", "–", "!", "?"})


def rejected(tokens: list[Token], verb: list[bool]) -> set[int]:
    """The tokens of a value set aside: "30 kilometres above the massif, not 3 kilometres", "in Bad
    Goisern rather than Bad Ischl", "instead of Friday". What follows ", not", "rather than" or
    "instead of" up to the next punctuation, with no verb of its own, is what the text says is
    wrong, not what it claims ("not only", "not just" add to it instead)."""
    out: set[int] = set()
    n = len(tokens)
    for i, t in enumerate(tokens):
        if t.norm == "not" and i and tokens[i - 1].norm in (",", "—", "–") and i + 1 < n and tokens[i + 1].norm not in _NOT_ONLY:
            start = i
        elif t.norm == "than" and i and tokens[i - 1].norm == "rather" or t.norm == "of" and i and tokens[i - 1].norm == "instead":
            start = i - 1
        else:
            continue
        k = i + 1
        while k < n and tokens[k].norm not in _PHRASE_ENDS:
            k += 1
        if not any(verb[i + 1:k]):         # "rather than the 20 percent the company had proposed" says what it proposed
            out.update(range(start, k))
    return out


def attributive(tokens: list[Token], d) -> bool:
    """ "the 5 January accident": a date inside another event's name, not when this clause's act happened."""
    nxt = tokens[d.last + 1] if d.last + 1 < len(tokens) else None
    prev = tokens[d.first - 1].norm if d.first else ""
    return prev in ("the", "a", "an", "this", "that") and nxt is not None and nxt.is_word and not capital(nxt) \
        and "NOUN" in lemma_of(nxt.norm)[1]
