"""The shape of a clause: which words are verbs, where one clause ends and the next begins,
what a copula says of whom, and the negation and certainty of each verb.
"""
from __future__ import annotations

import re
from functools import lru_cache

from lemminflect import getInflection

from ..text.tokens import Token
from .english import English, lemma_of, noun_lemma
from .model import Entity, Frame, Predication
from .names import PRONOUNS, capital


_SUBORDINATORS = frozenset({"after", "before", "when", "while", "although", "though", "as", "since", "because", "if", "once", "until"})


_MODAL_AUX = frozenset({"can", "could", "may", "might", "will", "would", "shall", "should", "must"})
_AUX = frozenset({"be", "is", "are", "was", "were", "been", "being", "am", "have", "has", "had", "do", "does", "did",
                  "to", "not", "n't", "never", "also", "then", "already"}) | _MODAL_AUX


_DETERMINERS = frozenset({"the", "a", "an", "this", "that", "these", "those", "his", "her", "its", "their", "our", "my", "your",
                          "'s", "no", "every", "each"})
# words of scarcity in the negation lexicon: "few" and "little" are amounts here, not a verb's negation
_SCARCITY = frozenset({"few", "little", "limited", "scant", "absence", "lack", "lacked", "lacking", "scarce", "sparse"})


PASSIVE_BE = frozenset({"is", "are", "was", "were", "been", "be", "being"})


# a quotation in double quotes, or in single ones ('We have let down customers,' said ...): a single
# quote opens after a space or a bracket and closes before one, so "don't" and "Kenya's" stay inside
QUOTED = re.compile(r'["\u201c]([^"\u201c\u201d]{3,300})["\u201d]'
                    r"|(?:(?<=^)|(?<=[\s(]))['\u2018]((?:[^'\u2018\u2019]|['\u2019](?=\w)){3,300}?)['\u2019](?=[\s),.;:!?]|$)")


PARTICLE_AFTER = frozenset({"off", "out", "up", "down", "back", "on", "over", "away"})


_RULED_OUT = ("rule out", "ruled out", "rules out", "ruling out", "out of the question", "off the table", "exclude",
              "excluded", "excludes", "out of reach")


_REQUIRED = frozenset({"must", "have to", "has to", "had to", "need to", "needs to", "is required", "are required", "required to",
                       "would have to", "will have to", "certainly", "definitely", "inevitably", "inevitable", "guaranteed to",
                       "certain", "definite", "was certain"})


_TENSE_ONLY = frozenset({"will", "would be", "will be", "shall", "is going to", "are going to"})


_HAVE = frozenset({"have", "has", "had"})


@lru_cache(maxsize=8192)
def _base_participle(word: str) -> bool:
    """A verb whose past participle is its base form: "were hit", "was cut", "had been shut"."""
    return word in getInflection(word, "VBN")


_PREPOSITIONS = frozenset({"in", "of", "for", "from", "with", "by", "at", "on", "to", "into", "across", "among", "about"})


# adverbs that stand before a verb and can also be other parts of speech ("still", "even")
_PREVERBAL = frozenset({"still", "also", "now", "never", "then", "just", "even", "only", "often"})


def is_verb(tokens: list[Token], i: int, en: English) -> bool:
    t = tokens[i]
    nxt = tokens[i + 1] if i + 1 < len(tokens) else None
    if t.norm in _HAVE and nxt is not None and (nxt.norm in _DETERMINERS and nxt.norm not in ("'s", "no") or nxt.is_number
                                                 or capital(nxt) and i + 2 < len(tokens) and tokens[i + 2].norm == "'s"):
        return True                               # "did not have his phone number", "had a crew of 22", "had Hassabis's number": to have
    if not t.is_word or t.norm in en.function_words or (i and capital(t)):
        return False
    lemma, pos = lemma_of(t.norm)
    if "VERB" not in pos:
        return False
    prev = tokens[i - 1].norm if i else ""
    if i and (tokens[i - 1].norm in en.numbers.values or tokens[i - 1].norm in en.numbers.multipliers) \
            and tokens[i - 1].norm not in ("a", "an", "one") and t.norm.endswith("s") and not t.norm.endswith("ss"):
        return False                              # "two-thirds", "three wins", "four hundred jobs": a plural after a number word
    if i and (tokens[i - 1].is_number or tokens[i - 1].norm in en.dates.weekdays or tokens[i - 1].norm in en.dates.months) \
            and "NOUN" in pos and (noun_lemma(t.norm) != t.norm or t.norm.endswith("ing")):
        return False                              # "700 guests", "Sunday evening": a noun after a figure or a day
    if t.norm.endswith("s") and not t.norm.endswith("ss") and lemma != t.norm:
        # "acts", "talks", "calls": a verb after its subject ("the court adds", "Trump says"), a noun
        # after a determiner, an adjective or a preposition ("unofficial acts", "the talks")
        if i and prev not in _DETERMINERS and (prev in _PREVERBAL or lemma_of(prev)[1] == {"ADV"}) and not (i >= 2 and tokens[i - 2].norm in _DETERMINERS):
            return True                           # "the merger still needs", "she always says": an adverb before its verb
        if not i or prev in _DETERMINERS or prev in en.function_words and prev not in ("who", "which", "that", "it", "he", "she"):
            return False
        prev_pos = lemma_of(prev)[1]
        if "ADJ" in prev_pos and i >= 2 and tokens[i - 2].norm in _PREPOSITIONS:
            return False                          # "mostly in professional services": an adjective's noun after a preposition
        # (a participle before it describes a noun: "the stolen pieces", "its listed assets")
        return not (prev_pos and prev_pos <= {"ADJ", "ADV"} or prev_pos == {"ADJ"}
                    or prev_pos and prev_pos <= {"VERB", "ADJ"} and lemma_of(prev)[0] != prev and not prev.endswith("ing"))
    if lemma != t.norm and (not i or prev in _DETERMINERS) and nxt is not None \
            and nxt.is_word and (capital(nxt) or lemma_of(nxt.norm)[1] == {"NOUN"} or "NOUN" in lemma_of(nxt.norm)[1]
                                 and not t.norm.endswith(("ing", "ed"))):
        return False                              # "Outgoing President ...", "the returning booster", "the stolen pieces": an adjective
    if lemma != t.norm and prev in _DETERMINERS and "NOUN" in pos and noun_lemma(t.norm) == t.norm and not t.norm.endswith(("ing", "ed")):
        return False                              # "the Dali's crew", "its left": a noun that only looks like a past tense
    if lemma != t.norm and "NOUN" in pos and noun_lemma(t.norm) == t.norm and not t.norm.endswith("ing") and nxt is not None and nxt.is_word \
            and lemma_of(nxt.norm)[1] == {"NOUN"} and nxt.norm not in PRONOUNS and nxt.norm != "i" \
            and prev not in PRONOUNS and prev not in ("they", "we", "i", "you", "who") and not (i and capital(tokens[i - 1])):
        return False                              # "crew member", not the past of "crow": a noun before its noun
    if t.norm.endswith("ing") and prev in _DETERMINERS and prev != "'s":
        return False                              # "the meeting", "his signing", "the painting": a noun
    if lemma != t.norm:
        return True                               # inflected: "rose", "elected", "met"
    if prev in PASSIVE_BE and lemma == t.norm:
        return _base_participle(t.norm)           # "was ready": after "be" a base form is an adjective or a noun; "were hit"
    if lemma == t.norm and prev in _AFTER_SUBJECT:
        return True                               # "Kirby later put the cost at": a past tense like its base
    if lemma == t.norm and nxt is not None and (nxt.norm in _DETERMINERS and nxt.norm != "'s" or nxt.is_number) and _after_a_name(tokens, i):
        return True                               # "Antoine Bérard, put the value at", "Biden cut the rates"
    if prev.endswith("ly") and i >= 2 and tokens[i - 2].norm in _AUX:
        return True                               # "will definitely open", "has finally agreed"
    return prev in _AUX or prev in PRONOUNS or prev in ("they", "we", "i", "you", "who")


def _after_a_name(tokens: list[Token], i: int) -> bool:
    """Right after a name, or after the comma that closes an appositive after one ("the director,
    Antoine Bérard, put"); not in a noun phrase that a name modifies ("the Biden plan")."""
    k = i - 1
    if k >= 1 and tokens[k].norm == ",":
        k -= 1
    if k < 1 or not capital(tokens[k]):
        return False
    while k > 0 and capital(tokens[k - 1]):
        k -= 1
    return not (k and tokens[k - 1].norm in _DETERMINERS)


_QUOTE_MARKS = frozenset({'"', "\u201c", "\u201d"})
SHORT_QUOTE = 10          # tokens: a quotation this short is a phrase the clause quotes, not clauses of its own


def _in_short_quotes(tokens: list[Token]) -> set[int]:
    """Tokens inside a short quotation ("expensive but fair"): no clause ends there."""
    marks = [i for i, t in enumerate(tokens) if t.norm in _QUOTE_MARKS]
    inside = set()
    for a, b in zip(marks[::2], marks[1::2]):
        if b - a <= SHORT_QUOTE:
            inside.update(range(a + 1, b))
    return inside


_COPULA = frozenset({"is", "are", "was", "were"})


def _named_copula(tokens: list[Token], k: int) -> bool:
    """ "..., and Williams was player of the match": a name and a copula open a clause of their own."""
    j = k
    while j < len(tokens) and capital(tokens[j]):
        j += 1
    return j > k and j < len(tokens) and tokens[j].norm in _COPULA


def clauses(tokens: list[Token], verb: list[bool]) -> list[tuple[int, int]]:
    n = len(tokens)
    breaks = set()
    quoted = _in_short_quotes(tokens)
    for i, t in enumerate(tokens):
        prev = tokens[i - 1].norm if i else ""
        if i in quoted:
            continue
        if t.norm in (";", ":") and i + 3 < n and not (t.norm == ":" and prev[:1].isdigit()):
            breaks.add(i + 1)
        elif t.norm in ("but", "while", "whereas", "although", "though") and i > 2 and prev != "not" \
                and not (t.norm == "but" and prev in ("all", "nothing", "anything", "last")):    # "all but certain", "the last but one"
            breaks.add(i)
        elif t.norm == "and" and prev == "," and i + 2 < n and (any(verb[k] for k in range(i + 1, min(n, i + 6)))
                                                               or tokens[i + 1].norm == "that"     # ", and that such a meeting was unlikely"
                                                               or _named_copula(tokens, i + 1) or _negative_subject_clause(tokens, i + 1)):
            breaks.add(i)
        elif t.norm == "who" and prev == ",":
            breaks.add(i)
            end = next((k for k in range(i, n) if tokens[k].norm == ","), None)
            if end is not None:
                breaks.add(end)
    # a fronted subordinate clause ends at its comma: "When ..., ", "Hours after ..., ", "Shortly before ..., "
    lead = next((k for k in range(min(n, 4)) if tokens[k].norm in _SUBORDINATORS
                 and not any(verb[j] or not tokens[j].is_word for j in range(k))), None)
    if lead is not None:
        comma = next((k for k in range(lead + 1, n) if tokens[k].norm == ","), None)
        if comma is not None and comma + 3 < n and any(verb[k] for k in range(lead + 1, comma)):
            breaks.add(comma)
    bounds, start = [], 0
    for b in sorted(breaks):
        if b - start >= 2:
            bounds.append((start, b - 1))
            start = b
    bounds.append((start, n - 1))
    return bounds


_AUXILIARIES = _AUX - {"be", "been", "being", "am", "do", "shall", "to", "not", "n't", "never", "also", "then", "already"}   # finite ones


def _negative_subject_clause(tokens: list[Token], k: int) -> bool:
    """ ", and no injuries had been reported": a negative subject and its auxiliary open a clause
    of their own even when the verb is a saying (the negation is that clause's, not the first one's)."""
    return k + 2 < len(tokens) and tokens[k].norm in ("no", "none", "nobody", "nothing", "neither") \
        and any(tokens[j].norm in _AUXILIARIES for j in range(k + 1, min(len(tokens), k + 4)))


LIGHT_VERBS = frozenset({"extend", "make", "give", "hold", "take", "have", "issue", "offer", "deliver", "conduct", "carry"})


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


_AFTER_SUBJECT = frozenset({"later", "then", "also", "quickly", "still", "again", "just", "already", "soon", "initially"})
_FAILED = frozenset({"failed", "fail", "fails", "failing", "refused", "refuse", "refuses", "declined", "decline", "declines",
                     "unable"})          # "was unable to break back": no break
_CHAIN = frozenset({"to", "on", "be", "been", "being", "have", "up", "out"})
_NEGATIVE_SUBJECT = frozenset({"no", "none", "none of", "nobody", "no one", "nothing", "neither"})
_BEFORE_VERB = frozenset({"not", "never", "no longer", "n't", "without", "neither", "nor"})


def _subject_follows(tokens: list[Token], k: int, b: int) -> bool:
    """A negative word that begins a subject ("No deaths", "None of the 177", "Nobody was"), not an
    answer ("No, the minister said") or an adverb ("No sooner had ...")."""
    if k > b:
        return False
    if tokens[k].norm in ("the", "his", "her", "its", "their", "this", "these", "those") and k + 1 <= b:
        k += 1                                  # "Neither the roof fall nor the fire caused injuries"
    t = tokens[k]
    pos = lemma_of(t.norm)[1]
    return t.norm == "of" or t.is_number or bool(pos & {"NOUN", "ADJ", "VERB", "AUX"}) and pos != {"ADV"} and t.norm != ","


# verbs that give a name its role after a copula: "was named player of the match", "was elected chair"
_NAMING = frozenset({"named", "elected", "appointed", "chosen", "voted", "crowned", "declared", "made", "picked", "selected"})


def predications(tokens: list[Token], a: int, b: int, ents: list[Entity], places, en: English) -> list[Predication]:
    """What a copula says of a name: "Russia is the aggressor", "Ukraine the victim" (the verb left out
    after "and"), "Williams was named player of the match" (the role with what it is of)."""
    out = []
    keyed = {e.last: e for e in ents if e.kind in ("person", "place", "org", "name", "demonym")}
    place_key = {p.first: p.place for p in places}
    for last, e in keyed.items():
        if not a <= e.first and last < b:
            continue
        k = last + 1
        if k <= b and tokens[k].norm in PASSIVE_BE:
            k += 1
        elif not (e.first > a and tokens[e.first - 1].norm == "and"):
            continue                                 # "..., and Ukraine the victim": the copula is shared
        if k <= b and tokens[k].norm in _NAMING:
            k += 1
        indefinite = k <= b and tokens[k].norm in ("a", "an")     # "a member of the team" is one of many
        while k <= b and tokens[k].norm in ("the", "a", "an", "its", "their", "only", "real", "main"):
            k += 1
        if k <= b and tokens[k].is_word and tokens[k].norm not in en.function_words and not capital(tokens[k]):
            what = en.canonical(lemma_of(tokens[k].norm)[0])
            role = _role_of(tokens, k + 1, b, en)
            # a role of something ("the winner of the prize", "player of the match") has one holder
            out.append(Predication(place_key.get(e.first, e.key), f"{what} of {role}" if role else what,
                                   bool(role) and not indefinite))
    return out


def _role_of(tokens: list[Token], k: int, b: int, en: English) -> str:
    """What a role is of, from "of" at token k: "match" in "player of the match", "fide" in
    "president of FIDE" (a name as written; values._set_noun keeps only common nouns)."""
    if not (k <= b and tokens[k].norm == "of"):
        return ""
    k += 1
    while k <= b and tokens[k].norm in ("the", "a", "an", "this", "its", "their"):
        k += 1
    if k <= b and tokens[k].is_word and tokens[k].norm not in en.function_words:
        return lemma_of(tokens[k].norm)[0] if not capital(tokens[k]) else tokens[k].norm
    return ""


def _purpose(tokens: list[Token], at: int) -> bool:
    """A modal in a purpose clause ("so that damaged rivets could be replaced", "so passengers could be
    evacuated", "in order that") states no doubt."""
    before = [t.norm for t in tokens[max(0, at - 5):at]]
    return "so" in before and not any(t in before for t in ("and", "but", ",")) or "order" in before


def verb_states(tokens: list[Token], a: int, b: int, verbs: list[int], cues, en: English) -> dict[str, tuple[bool | None, str]]:
    """Negation and modality of each verb: a cue applies to the verb it belongs to, not to the clause;
    None, neither (the complement of a negated verb).

    "not", "never" and modals bind to the next verb (within three tokens); "no", "nothing",
    "without" to the verb before them ("said nothing"); "did not rule out" leaves a verb open.
    """
    states: dict[str, list] = {}
    for i in verbs:
        states.setdefault(en.verb(lemma_of(tokens[i].norm)[0]), [0, "asserted", i])
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
            if phrase == "nor" and any(tokens[j].norm == "neither" for j in range(a, m.first)):
                continue                             # "Neither the roof fall nor the fire caused injuries": one negation
            if phrase == "without":
                k = m.last + 1
                while k <= b and k not in by_pos and lemma_of(tokens[k].norm)[1] == {"ADV"}:
                    k += 1                           # "without ever saying"
                target = by_pos.get(k)               # "without success before cutting": a noun is without, not the verb
            elif phrase in _BEFORE_VERB:
                target = next_verb(m.last + 1)
            elif phrase in _NEGATIVE_SUBJECT and m.first > a and tokens[m.first - 1].norm in ("and", "but", ",", ";") \
                    and _subject_follows(tokens, m.last + 1, b):
                # "the plane landed, and no passenger was hurt": the subject of the next verb is negated
                target = next((by_pos[j] for j in range(m.last + 1, b + 1) if j in by_pos), None)
            else:
                target = prev_verb(m.first - 1) or next_verb(m.last + 1)
            if target is None and phrase in _NEGATIVE_SUBJECT and not any(a <= j < m.first for j in by_pos) \
                    and _subject_follows(tokens, m.last + 1, b):
                # "No deaths in the trial were linked to it", "None of the 177 people was injured": the subject
                # is negated, so the clause's verb is, however far it comes
                target = next((by_pos[j] for j in range(m.last + 1, b + 1) if j in by_pos), None)
            if target and not _until_after(tokens, m.last, b):
                states[target][0] += 1               # ("did not reach phones until 8:11 p.m." says when it did)
        elif m.entry.type == "negation" and phrase in _RULED_OUT:
            # "ruled out", "exclude" are the ruling verb itself ("declined to rule out" leaves it open);
            # "was off the table" rules out the verb before it
            target = by_pos.get(m.first) or prev_verb(m.first - 1) or next_verb(m.first)
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
                # and the verbs chained to it: "might go on rising", "may need to make"
                k = states[target][2] + 1
                while k <= b:
                    gap = k
                    while gap <= b and tokens[gap].norm in _CHAIN:
                        gap += 1
                    if gap <= b and gap in by_pos and gap - k <= 2:
                        states[by_pos[gap]][1] = level
                        k = gap + 1
                        continue
                    # "may have allowed surface water to seep": what the verb lets happen is as sure as it is
                    to = next((j for j in range(k, min(b, k + 4)) if tokens[j].norm == "to" and j + 1 in by_pos), None)
                    if to is None or any(not t.is_word or (k + n) in by_pos for n, t in enumerate(tokens[k:to])):
                        break
                    states[by_pos[to + 1]][1] = level
                    k = to + 2
    for i in range(a, b + 1):
        if tokens[i].norm.endswith("n't"):
            target = next_verb(i + 1)
            if target and not _until_after(tokens, i, b):
                states[target][0] += 1
        elif tokens[i].norm in _FAILED and i + 1 <= b and tokens[i + 1].norm == "to":
            target = next_verb(i + 2)                # "failed to reach a consensus": no consensus reached
            if target:
                states[target][0] += 1
    for lemma, st in list(states.items()):
        k = st[2] + 1
        if st[0] is not None and st[0] % 2 == 1 and k + 1 <= b and tokens[k].norm == "to" and by_pos.get(k + 1, lemma) != lemma \
                and tokens[st[2]].norm not in _FAILED:
            # "has not agreed to sell it" neither sells nor says it will not ("would not hesitate to
            # tighten" does): what the verb's complement does is left open
            states[by_pos[k + 1]][0] = None
    return {lemma: (None if st[0] is None else st[0] % 2 == 1, st[1]) for lemma, st in states.items()}


def _until_after(tokens: list[Token], k: int, b: int) -> bool:
    """ "cannot be lifted until the samples are clean", "did not reach phones until 8:11 p.m.": a
    negation with "until" after it says when the act happens, not that it does not."""
    return any(t.norm in ("until", "till") for t in tokens[k + 1:b + 1])


_FORWARD_NEGATORS = _BEFORE_VERB | {"cannot"}
_NO_VERB_AFTER = frozenset({"and", "but", "or", "so", "because", "if", "when", "than"})


def _elliptic(tokens: list[Token], k: int, b: int) -> bool:
    """ "doing everything it could", "as fast as they can.": a modal auxiliary whose verb is left
    out qualifies the effort, not the clause's act ("was certain." is no auxiliary)."""
    if tokens[k].norm not in _MODAL_AUX:
        return False
    if k + 1 > b:
        return k + 1 >= len(tokens) or not tokens[k + 1].is_word
    nxt = tokens[k + 1]
    return not nxt.is_word or nxt.norm in _NO_VERB_AFTER


def stance(frame: Frame, tokens: list[Token], cues, a: int, b: int) -> None:
    """Polarity and modality of the clause's content: negators, ruled-out predicates, hedges."""
    neutral = [(m.first, m.last) for m in cues if m.entry.type == "neutral"]
    negations, ruled, modal = [], [], []
    for m in cues:
        if not (a <= m.first <= b) or any(lo <= m.first <= hi for lo, hi in neutral):
            continue
        phrase = " ".join(t.norm for t in tokens[m.first:m.last + 1])
        if m.entry.type == "negation" and m.entry.id == "negator" and phrase not in _SCARCITY:
            if not (phrase in _FORWARD_NEGATORS and _until_after(tokens, m.last, b)):
                negations.append(phrase)
        elif m.entry.type == "negation" and m.entry.id == "predicate" and phrase in _RULED_OUT:
            ruled.append(phrase)
        elif m.entry.type == "modality" and not _purpose(tokens, m.first) and not _elliptic(tokens, m.last, b):
            modal.append((m.entry.id, phrase))
    for i in range(a, b + 1):
        if tokens[i].norm.endswith("n't") and tokens[i].norm not in negations and not _until_after(tokens, i, b):
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
