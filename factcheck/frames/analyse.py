"""Read a document into frames: sentences -> tokens -> names, values, cues -> clauses -> frames.

The same analysis reads a reference article (its frames become claims) and a draft (its
frames are compared with them). The stages live in their own modules: names.py (people,
places and organisations, titles, pronouns; the Document that remembers them across
sentences), values.py (amounts, dates' neighbours, clock times, ranks, places with their
prepositions) and syntax.py (verbs, clauses, predications, negation and modality per verb);
this module runs them in order and assembles each clause's Frame.
"""
from __future__ import annotations

import re
from dataclasses import replace

from ..text.dates import find_dates
from ..text.gazetteer import longest_per_layer
from ..text.sentences import Sentence, split_sentences
from ..text.tokens import Token, tokenize
from .english import English, lemma_of
from .model import Frame
from . import names, syntax, values
from .names import PRONOUNS, Document, Person
from .syntax import LIGHT_VERBS, PARTICLE_AFTER, PASSIVE_BE, QUOTED, is_verb, verb_of_noun


_BEFORE_SAYING = frozenset({"had", "has", "have", "also", "later", "then", "previously", "earlier", "again"})


def analyse_document(text: str, english: English, known: dict[str, Person] | None = None,
                     sentences: list[Sentence] | None = None, places: set[str] = frozenset()) -> tuple[list[list[Frame]], Document]:
    """Frames of every sentence; `known` and `places` are what the reference named, when reading a draft."""
    doc = Document(english, known=known, places=set(places))
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
    entities = names.entities(tokens, doc, sentence.text, sentence.start)
    places = values.places(tokens, entities, en, doc.places)
    for p in places:
        doc.places |= en.places.ancestors(p.place)
    amounts = values.amounts(tokens, en)
    times = values.clock_times(sentence, tokens)
    time_tokens = {i for t in times for i in range(t.first, t.first + 4) if i < len(tokens) and tokens[i].start < t.end_char}
    dates = [d for d in find_dates(tokens, en.dates) if d.first not in time_tokens]
    date_tokens = {i for d in dates for i in range(d.first, d.last + 1)}
    dates = [d for d in dates if not values.attributive(tokens, d)]
    amounts = [q for q in amounts if q.first not in time_tokens and q.first not in date_tokens]
    cues = [m for m in cues if m.first not in date_tokens and not _in_a_name(m, tokens, entities)]
    ordinals = values.ordinals(tokens, en)
    verb = [is_verb(tokens, i, en) for i in range(len(tokens))]
    set_aside = values.rejected(tokens, verb)
    if set_aside:       # "at 30 kilometres, not 3": what the text says is wrong is no value of its claim
        places, amounts, times, dates, ordinals, cues = ([v for v in vs if v.first not in set_aside]
                                                         for vs in (places, amounts, times, dates, ordinals, cues))
    frames = []
    for c, (a, b) in enumerate(syntax.clauses(tokens, verb)):
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


def _frame(sentence: Sentence, index: int, clause: int, tokens: list[Token], verb: list[bool], a: int, b: int, entities, places, amounts,
           times, dates, ordinals, cues, doc: Document, previous: Frame | None) -> Frame:
    en = doc.english
    inside = lambda i: a <= i <= b   # noqa: E731 - one short predicate
    start, end = tokens[a].start, tokens[b].end
    frame = Frame(index, clause, start, end, sentence.text[start - sentence.start:end - sentence.start])
    ents = [e for e in entities if inside(e.first)]
    says = [m for m in cues if m.entry.type == "say" and inside(m.first)]
    content = a
    speakers = ("person", "org", "demonym", "name")
    quoted = [(m.start(), m.end()) for m in QUOTED.finditer(sentence.text)]
    # a name inside a quotation is the speaker's word, not who speaks ('"a Great Honor for our Country" and said')
    unquoted = [e for e in ents if not any(qs <= tokens[e.first].start - sentence.start < qe for qs, qe in quoted)]
    saying_subject = None
    for say in says:
        if tokens[say.last].norm.endswith("ing"):
            # "Ibáñez praised the climbers, saying they had stayed together": the clause's subject says it
            subject = [e for e in ents if e.last < say.first and e.kind in speakers]
            if say.first > a and tokens[say.first - 1].norm == "," and subject and subject[0].first <= a + 1:
                saying_subject = subject[0]         # the praising is the subject's act as well: it stays the agent
                break
            continue
        if say.first > 0 and tokens[say.first - 1].norm == "who" and say.first - 1 == a:
            # "It was the director, Antoine Bérard, who told reporters ...": who the relative clause hangs on
            antecedent = [e for e in entities if e.last < a and a - e.last <= 2 and e.kind in speakers]
            if antecedent:
                frame.speaker = antecedent[-1]
                content = say.last + 1
                break
        before = [e for e in unquoted if e.last < say.first and say.first - e.last <= 3 and e.kind in speakers
                  and e.text.lower() not in ("his", "her")]
        after = [e for e in unquoted if say.last < e.first <= say.last + 2 and tokens[say.first].norm != "according"]
        if tokens[say.first].norm == "according":
            after = [e for e in ents if say.last < e.first <= say.last + 3]
            if after:
                frame.speaker = after[0]
                comma = next((k for k in range(after[0].last, b + 1) if tokens[k].norm == ","), None)
                content = comma + 1 if comma is not None else content
            continue
        close = say.first - 1
        while close > a and tokens[close].norm in _BEFORE_SAYING:
            close -= 1                               # "..., had said", "..., also said"
        if (not before or before[-1].kind != "person") and close >= 1 and tokens[close].norm == ",":
            # "Jerome Powell, the Fed chair, said", "Carlos Mazón, the president of the regional
            # government, had said": the person before the appositive speaks
            opening = max((k for k in range(a, close) if tokens[k].norm == ","), default=None)
            people = [e for e in ents if e.kind == "person" and opening is not None and e.last == opening - 1]
            before = people or before
        if before and before[-1].kind != "person":
            # "Melissa Tran of the BC Wildfire Service told residents": the person of the organisation speaks
            of_org = [e for e in unquoted if e.kind == "person" and e.last < before[-1].first
                      and 1 <= before[-1].first - e.last - 1 <= 2 and all(t.norm in ("of", "the", "at", "from") for t in tokens[e.last + 1:before[-1].first])]
            before = of_org or before
        if before:
            frame.speaker = before[-1]
            content = say.last + 1
        elif after and (say.first == a or tokens[say.first - 1].norm in (",", '"', "\u201d")):
            frame.speaker = after[0]                # "..., said Hegseth", '"...," said Mazón'
            owner = after[0].last + 1
            if after[0].kind != "person" and owner < len(tokens) and tokens[owner].norm == "'s":
                # '"...," said Peachland's mayor, Diane Whitford': the office's holder speaks, not its town
                holder = [e for e in unquoted if e.kind == "person" and owner < e.first <= owner + 6 and tokens[e.first - 1].norm == ","]
                frame.speaker = holder[0] if holder else frame.speaker
        if content < b and tokens[content].norm == "that":
            content += 1
        break
    if content > b - 1:                             # "Trump said." - the saying is the fact
        content = a
    region = range(content, b + 1)
    lemmas, raw = set(), set()
    verbs = []
    # a name's words are its key, not words of the clause ("Hallvik Tankers" is no word "tanker")
    named = {i for e in ents if e.kind in ("person", "place", "name", "org") for i in range(e.first, e.last + 1)}
    for i in range(a, b + 1):
        t = tokens[i]
        if not t.is_word or t.norm in en.function_words or t.norm in PRONOUNS or i in named:
            continue
        lemma = verb_of_noun(lemma_of(t.norm)[0])
        raw.add(lemma)
        raw.add(t.norm)
        if i + 1 <= b and tokens[i + 1].norm in PARTICLE_AFTER and f"{lemma} {tokens[i + 1].norm}" in en.paraphrase:
            lemma = f"{lemma} {tokens[i + 1].norm}"          # "called off" is "cancel"
        lemma = en.verb(lemma) if verb[i] else en.canonical(lemma)
        lemmas.add(lemma)
        if i in region and verb[i]:
            verbs.append(i)
    if previous is not None and a + 1 <= b and tokens[a].norm in ("and", "but", "or") and "VERB" in lemma_of(tokens[a + 1].norm)[1]:
        lemmas |= _subject_words(tokens, verb, previous, a, en)     # "... and covers 46 other farms": what the ban covers
    frame.lemmas = frozenset(lemmas)
    frame.raw = frozenset(raw)
    frame.words = sum(t.is_word for t in tokens[a:b + 1])
    aside = next((span for i in verbs[:1] if (span := _appositive_participle(tokens, i, verbs, b))), None)
    verbs = [i for i in verbs if not (aside and aside[0] <= i <= aside[1])] or verbs
    finite_first = next((i for i in verbs if tokens[i - 1].norm != "to" and not tokens[i].norm.endswith("ing")), verbs[0] if verbs else None)
    subject_zone = [e for e in ents if e.first >= content and (finite_first is None or e.last < finite_first) and e is not frame.speaker]
    finite = [i for i in verbs if tokens[i - 1].norm != "to" and not tokens[i].norm.endswith("ing")]
    inflected = [i for i in finite if lemma_of(tokens[i].norm)[0] != tokens[i].norm]
    pred_at = (inflected or finite or verbs)[0] if verbs else None
    if pred_at is not None:
        frame.predicate = en.verb(lemma_of(tokens[pred_at].norm)[0])
        if frame.predicate in LIGHT_VERBS:            # "extended an invitation" is "invited"
            for k in range(pred_at + 1, min(b + 1, pred_at + 4)):
                noun = lemma_of(tokens[k].norm)[0]
                derived = verb_of_noun(noun)
                if derived != noun:
                    frame.predicate = en.canonical(derived)
                    break
    passive = pred_at is not None and pred_at > 0 and tokens[pred_at - 1].norm in PASSIVE_BE and tokens[pred_at].norm.endswith(("ed", "en", "wn", "t"))
    agents = [e for e in subject_zone if e.kind in ("person", "org", "demonym", "name") and not (aside and aside[0] <= e.first <= aside[1])]
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
    frame.speaker = frame.speaker or saying_subject
    frame.places = [_with_place_verb(p, tokens, verb, a, en) for p in places if inside(p.first)]
    saying = [v or any(m.first <= i <= m.last for m in says) for i, v in enumerate(verb)]   # "said" is no content verb
    frame.dates = [_with_saying(d, tokens, saying, a, says) for d in dates if inside(d.first)]
    frame.times = [t for t in times if inside(t.first)]
    frame.amounts = [q for q in amounts if inside(q.first)]
    frame.ordinals = [_with_verb(o, tokens, verb, a, en) for o in ordinals if inside(o.first)]
    # a title inside a quotation is the speaker's word, not the text's claim ("Thank you, President Trump")
    frame.titles = [e for e in ents if e.kind == "person" and e.title
                    and not any(qs <= tokens[e.first].start - sentence.start < qe for qs, qe in quoted)]
    # the quotations the clause overlaps, read from the sentence (a clause may begin after the opening quote mark)
    here = (start - sentence.start, end - sentence.start)
    frame.quotes = [q.strip() for q in (m.group(1) or m.group(2) for m in QUOTED.finditer(sentence.text)
                                        if m.start() < here[1] and here[0] < m.end()) if len(q.split()) >= 3]
    frame.quoted = frozenset(_content_pairs(frame.quotes, en))
    frame.predications = syntax.predications(tokens, a, b, ents, places, en)
    frame.bases = _bases(frame.places, ents, tokens)
    if frame.speaker is None and previous is not None and tokens[a - 1].norm == ":" if a > 0 else False:
        frame.speaker = previous.speaker or next((e for e in previous.agents if e.kind == "person"), None)   # "X put it bluntly: Y"
    syntax.stance(frame, tokens, cues, content, b)
    frame.verbs = syntax.verb_states(tokens, a, b, [i for i in range(a, b + 1) if verb[i]], cues, en)
    people = [e for e in agents if e.kind == "person"]
    if people:
        doc.last_person = people[0].key
    elif frame.speaker is not None and frame.speaker.kind == "person":
        doc.last_person = frame.speaker.key
    return frame


def _in_a_name(m, tokens: list[Token], entities) -> bool:
    """A cue word that is part of a longer name is no cue: "States" in "the United States" says nothing."""
    return tokens[m.first].text[:1].isupper() and any(e.first <= m.first <= e.last and e.first < e.last for e in entities)


def _content_pairs(quotes: list[str], en: English):
    """Each quotation's content words two at a time: "expensive but fair" is "expensive fair";
    "on the moon" is no one's words in particular, and a name quoted is the name's key already."""
    for q in quotes:
        words = [w for w in re.findall(r"\w+", q) if w.islower() and w not in en.function_words and w not in PRONOUNS]
        yield from (f"{x} {y}" for x, y in zip(words, words[1:]))


def _with_verb(o, tokens: list[Token], verb: list[bool], a: int, en: English):
    """The ordinal with the verb nearest before it in its clause: "for the third time" ranks the hosting."""
    k = _verb_before(verb, o.first, max(a, o.first - 8))
    return replace(o, verb=en.verb(lemma_of(tokens[k].norm)[0])) if k is not None else o


def _verb_before(verb: list[bool], first: int, stop: int) -> int | None:
    """The nearest verb before token `first`, back to token `stop` (the clause's start)."""
    return next((i for i in range(first - 1, stop - 1, -1) if verb[i]), None)


def _with_saying(d, tokens: list[Token], saying: list[bool], a: int, says):
    """The date of a saying when the verb nearest before it says, in the active voice: in "X have
    uncovered a floor, the university announced on Tuesday" Tuesday is when it was announced (but
    "the deal was announced on Monday" dates the deal, and "confirmed dead by Saturday" the toll)."""
    k = _verb_before(saying, d.first, a)          # `saying`: the clause's verbs and its say words
    # right after the saying ("said on Thursday, 23 October"), not in what is said ("told allies that a return to pre-2022 borders")
    near = k is not None and d.first - k <= 5 and not any(t.norm in ("that", "to", "'s") for t in tokens[k + 1:d.first])
    said = near and any(m.first <= k <= m.last and not _passive_saying(m, tokens, a) for m in says)
    return replace(d, of_saying=True) if said else d


_SAYING_ADVERBS = frozenset({"first", "initially", "originally", "also", "later", "previously", "earlier", "officially"})


def _passive_saying(m, tokens: list[Token], a: int) -> bool:
    """ "was announced", and the reduced relative "The fire, first reported at 3:15 p.m.": the
    thing said is the subject. After an appositive ("Powell, the Fed chair, said") it is active:
    the comma before it closes a second one."""
    k = m.first - 1
    while k > a and tokens[k].norm in _SAYING_ADVERBS:
        k -= 1
    if k >= a and tokens[k].norm in PASSIVE_BE:
        return True
    return k > a and tokens[k].norm == "," and tokens[m.first].norm.endswith("ed") \
        and not any(t.norm == "," for t in tokens[a:k])


def _with_place_verb(p, tokens: list[Token], verb: list[bool], a: int, en: English):
    """The place with the verb it belongs to, the nearest before it in its clause: in "entered the
    United States through Maine and left it near Eagle Pass" Maine is where it entered."""
    k = _verb_before(verb, p.first, a)
    return replace(p, verb=en.verb(lemma_of(tokens[k].norm)[0])) if k is not None else p


def _bases(places, ents, tokens: list[Token]) -> list[tuple[str, object]]:
    """Where the clause says an organisation is based: "Tokyo-based Nippon Steel", "Delta, the
    Atlanta-based carrier", "CrowdStrike, which is headquartered in San Francisco" (not "Google in
    Zurich": a company is in many places)."""
    out = []
    orgs = [e for e in ents if e.kind in ("org", "name")]
    for p in places:
        if p.prep != "based":
            continue
        after = [e for e in orgs if p.last < e.first <= p.last + 3 and p.last + 1 < len(tokens) and tokens[p.last + 1].norm == "based"]
        # "Delta, the Atlanta-based carrier" / "CrowdStrike, which is headquartered in" /
        # "CrowdStrike is based in": the name the appositive, the relative clause or the verb
        # hangs on, a few words back
        before = [e for e in orgs if p.first - 7 <= e.last < p.first and e.last + 1 < len(tokens)
                  and tokens[e.last + 1].norm in (",", "is", "are", "was", "were", "remains")]
        org = after[0] if after else before[-1] if before else None
        if org is not None:
            out.append((org.key, p))
    return out


_RELATIVE_AUX = frozenset({"was", "were", "is", "are", "had", "has", "have", "been", "being", "also"})


def _appositive_participle(tokens: list[Token], i: int, verbs: list[int], b: int) -> tuple[int, int] | None:
    """The span of a participle set off by commas after the subject, with the clause's verb after it:
    "Cole Palmer, sent on in place of Kobbie Mainoo, equalised": Palmer was sent on, and what he did
    is equalise (Mainoo is no doer of it); the same for a relative clause there ("a sale at the house,
    which was founded in 1907, had passed")."""
    k = i - 1
    while k > 0 and tokens[k].norm in _RELATIVE_AUX:
        k -= 1
    relative = k > 0 and tokens[k].norm in ("which", "who")
    if relative:
        k -= 1
    if k < 1 or tokens[k].norm != "," or not relative and (k != i - 1 or not tokens[i].norm.endswith(("ed", "en", "wn", "t"))):
        return None
    close = next((k for k in range(i + 1, b + 1) if tokens[k].norm == ","), None)
    return (i, close) if close is not None and any(close < j <= close + 2 for j in verbs) else None


def _subject_words(tokens: list[Token], verb: list[bool], previous: Frame, a: int, en) -> set[str]:
    """The content words of the subject a clause with its subject left out shares with the clause before
    it ("The transport ban lasts 72 hours and covers 46 farms")."""
    first = next((i for i in range(a) if tokens[i].start == previous.start), None)
    if first is None:
        return set()
    out = set()
    for i in range(first, a):
        if verb[i]:
            break
        t = tokens[i]
        if t.is_word and t.norm not in en.function_words and t.norm not in PRONOUNS:
            out.add(en.canonical(lemma_of(t.norm)[0]))
    return out
