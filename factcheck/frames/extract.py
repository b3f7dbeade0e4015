"""A reference article's claims: every clause the frame analysis reads becomes a claim.

Each claim keeps its frame (the slots the comparison kinds read), the exact span of the
article that backs it, a stable readable id and a plain statement. Facts coordinated over
several people ("Rubio, Ratcliffe and Waltz were named") become one claim per person.
"""
from __future__ import annotations

import hashlib
import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field, replace

from .. import models
from ..errors import ReferenceDataError, SchemaError
from ..loader import load_data, parse_json
from .analyse import analyse_document
from .english import English
from .model import Frame
from .names import Person

_LEADING = re.compile(r"^(?:[\s,;:\u2014\u2013-]+|(?:and|but|while|whereas|who|although|though)\b\s*)+", re.I)
_TRAILING = re.compile(r"[\s,;:\u2014\u2013-]+$")
_PRONOUN_SUBJECT = re.compile(r"\b(He|She|he|she)\b")
MIN_WORDS = 3


@dataclass
class ExtractedClaim:
    id: str
    statement: str
    start: int
    end: int
    text: str
    frame: Frame
    review: list[str] = field(default_factory=list)


@dataclass
class FrameReference:
    """One reference article read into claims, with what matching needs: key weights and an index."""

    id: str
    article: str
    claims: list[ExtractedClaim]
    people: dict[str, Person]
    weights: dict[str, float]
    index: dict[str, list[int]]
    digest: str
    totals: list[float] = field(default_factory=list)     # each claim's key weight
    values: frozenset[str] = frozenset()                   # every value the article gives (Frame.values)
    places: frozenset[str] = frozenset()                   # every place the article names, with what contains them
    title_claims: dict[str, int] = field(default_factory=dict)   # person key -> the first claim giving them a title
    year: int | None = None                                # the year most of its dates fall in
    base_claims: dict[str, int] = field(default_factory=dict)    # organisation key -> the first claim saying where it is based

    def weight(self, key: str) -> float:
        return self.weights.get(key, self.unseen_weight)

    @property
    def unseen_weight(self) -> float:
        """A word the reference never uses: as telling as one it uses twice (paraphrases are common)."""
        return math.log(1 + max(1, len(self.claims)) / 2)

    @property
    def titles(self) -> dict[str, list[str]]:
        return {k: p.titles for k, p in self.people.items() if p.titles}

    def names(self) -> frozenset[str]:
        """The names that tell this reference's event from another of its kind, as the article
        writes them: its people's surnames, the organisations it names, and the towns, regions
        and sites it places things in (not countries or continents, which many events share)."""
        found = {p.name.split()[-1] for p in self.people.values() if p.name}
        for c in self.claims:
            found.update(e.text for e in c.frame.agents + c.frame.participants if e.kind == "org")
            found.update(p.text for p in c.frame.places if p.kind not in ("country", "continent"))
        return frozenset(n for n in found if n[:1].isupper())


def extract(article: str, english: English, source_id: str = "reference") -> FrameReference:
    sentences, doc = analyse_document(article, english)
    claims: list[ExtractedClaim] = []
    used: dict[str, int] = {}
    for frames in sentences:
        for frame in frames:
            if frame.words < MIN_WORDS or frame.question or not (frame.lemmas or frame.agents or frame.places):
                continue
            start, end, text = _evidence(article, frame)
            if not text:
                continue
            people = [e for e in frame.agents if e.kind == "person"]
            parts = [replace(frame, agents=[p] + [e for e in frame.agents if e.kind != "person"]) for p in people] if len(people) > 1 else [frame]
            for part in parts:
                cid = _claim_id(part, used)
                if source_id != "reference":
                    cid = f"{_slug(source_id)}.{cid}"       # unique across references
                statement = _statement(text, part, doc.people)
                claims.append(ExtractedClaim(cid, statement, start, end, text, part, _review(part, english)))
    return _reference(source_id, article, claims, doc.people, hashlib.sha256(article.encode("utf-8", "surrogatepass")).hexdigest(),
                      frozenset(doc.places))


def _reference(source_id: str, article: str, claims: list[ExtractedClaim], people: dict[str, Person], digest: str,
               places: frozenset[str]) -> FrameReference:
    """The reference with what matching needs, computed once: key weights, the index, each claim's
    total weight, the values and places the article gives, and which claim gives each person's title."""
    weights, index = _weights(claims)
    totals = [math.fsum(weights[k] for k in c.frame.keys()) for c in claims]     # fsum: see FrameChecker._judge_frame
    values = frozenset(v for c in claims for v in c.frame.values()) | {f"@{p.place}" for c in claims for p in c.frame.places}
    title_claims: dict[str, int] = {}
    base_claims: dict[str, int] = {}
    for i, c in enumerate(claims):
        for e in c.frame.titles:
            title_claims.setdefault(e.key, i)
        for key, _ in c.frame.bases:
            base_claims.setdefault(key, i)
    years = Counter(d.year for c in claims for d in c.frame.dates if d.year)
    year = years.most_common(1)[0][0] if years else None
    return FrameReference(source_id, article, claims, people, weights, index, digest, totals, values, places, title_claims, year,
                          base_claims)


def _evidence(article: str, frame: Frame) -> tuple[int, int, str]:
    start, end = frame.start, frame.end
    chunk = article[start:end]
    lead = _LEADING.match(chunk)
    if lead:
        start += lead.end()
    trail = _TRAILING.search(article[start:end])
    if trail:
        end = start + trail.start()
    return start, end, article[start:end]


def _slug(text: str) -> str:
    return "-".join(re.findall(r"[a-z0-9]+", text.lower()))[:40] or "fact"


def _claim_id(frame: Frame, used: dict[str, int]) -> str:
    who = next((e.key for e in frame.agents + frame.participants), "")
    what = frame.predicate or next(iter(sorted(frame.lemmas)), "fact")
    base = f"s{frame.sentence + 1:02d}.{_slug(what)}" + (f"-{_slug(who)}" if who else "")
    used[base] = used.get(base, 0) + 1
    return base if used[base] == 1 else f"{base}-{used[base]}"


def _statement(text: str, frame: Frame, people: dict[str, Person]) -> str:
    """The evidence as a sentence of its own: a subject pronoun named, a capital and a full stop."""
    agents = [e for e in frame.agents if e.kind == "person"]
    if agents and agents[0].how == "pronoun" and agents[0].key in people:
        text = _PRONOUN_SUBJECT.sub(people[agents[0].key].name, text, count=1)
    text = text.strip().strip('"').strip()
    text = text[:1].upper() + text[1:]
    return text if text.endswith((".", "!", "?", '"', "\u201d")) else text + "."


def _review(frame: Frame, english: English) -> list[str]:
    """What the analysis could not place in a general resource: names to check by eye."""
    notes = []
    for e in frame.agents + frame.participants:
        if e.kind in ("person", "org") and e.how == "name":
            notes.append(f"unknown {'person' if e.kind == 'person' else 'organisation or site'}: {e.text}")
    for e in frame.titles:
        words = set(e.title.split())
        if not any(w in english.office_nouns for w in words):
            notes.append(f"unknown office: {e.title}")
    return list(dict.fromkeys(notes))


def _weights(claims: list[ExtractedClaim]) -> tuple[dict[str, float], dict[str, list[int]]]:
    df: dict[str, int] = defaultdict(int)
    index: dict[str, list[int]] = defaultdict(list)
    for i, c in enumerate(claims):
        for k in c.frame.keys() | c.frame.values():
            df[k] += 1
            index[k].append(i)
    n = max(1, len(claims))
    weights = {k: math.log(1 + n / d) * (1.3 if k.startswith("@") else 1.0) for k, d in df.items()}
    return weights, dict(index)


def claims_file(ref: FrameReference) -> models.ExtractedClaimsFile:
    """The reference's claims as a claims file (schemas/extracted-claims.schema.json)."""
    return models.ExtractedClaimsFile(source={"id": ref.id, "sha256": ref.digest},
                                      claims=[_claim_model(c) for c in ref.claims])


def _entity(e) -> models.FrameEntity:
    return models.FrameEntity(text=e.text, key=e.key, kind=e.kind, title=e.title)


def _claim_model(c: ExtractedClaim) -> models.ExtractedClaim:
    f = c.frame
    values = [models.FrameValue(text=a.text, kind=a.dimension, value=f"{a.lo:g}" if a.lo == a.hi else f"{a.lo:g}..{a.hi:g}") for a in f.amounts]
    values += [models.FrameValue(text=d.text, kind="date", value="-".join(str(x) for x in (d.year, d.month, d.day) if x is not None) or d.weekday)
               for d in f.dates]
    values += [models.FrameValue(text=t.text, kind="time", value=f"{int(t.minutes) // 60:02d}:{int(t.minutes) % 60:02d}") for t in f.times]
    values += [models.FrameValue(text=o.text, kind="ordinal", value=f"{o.value} {o.noun}".strip()) for o in f.ordinals]
    return models.ExtractedClaim(
        id=c.id, statement=c.statement, evidence=models.Evidence(start=c.start, end=c.end, text=c.text),
        predicate=f.predicate, agents=[_entity(e) for e in f.agents], participants=[_entity(e) for e in f.participants],
        places=[models.FrameEntity(text=p.text, key=p.place, kind="place") for p in f.places], values=values,
        polarity="negative" if f.negated else "positive", modality=f.modality,
        speaker=_entity(f.speaker) if f.speaker else None, titles=[_entity(e) for e in f.titles], review=c.review)


def claim_ref(claim: ExtractedClaim, source: str) -> models.ClaimRef:
    """The claim as a report names it."""
    return models.ClaimRef(id=claim.id, statement=claim.statement, source=source,
                           evidence=models.Evidence(start=claim.start, end=claim.end, text=claim.text))


def review_from(raw: bytes | str, where) -> models.ClaimReviewFile:
    """A review file's content, validated; errors name `where` (its path, or the source it came with)."""
    from ..inputs import surrogate_in
    data = parse_json(raw.decode("utf-8", "replace") if isinstance(raw, bytes) else raw, where)
    found = surrogate_in(data)
    if found:
        raise SchemaError(where, f"holds a lone surrogate at character {found[1]}, which is not text", found[0])
    return load_data(data, where, "claim-review", models.ClaimReviewFile)


def apply_review(ref: FrameReference, review: models.ClaimReviewFile, english: English, path) -> FrameReference:
    """The reference as an editor reviewed it (seeds/<article>.review.json, or the review an added
    source came with; `path` says which in errors): claims removed, statements reworded, claims
    that state one fact merged, slots the extraction missed added. An id the extraction does not
    give is an error with its place in the review."""
    ids = {c.id for c in ref.claims}

    def known(cid: str, what: str, pointer: str) -> None:
        if cid not in ids:
            raise ReferenceDataError(path, f"no extracted claim {cid!r} to {what}", pointer)

    for i, cid in enumerate(review.remove):
        known(cid, "remove", f"/remove/{i}")
    for cid in review.statements:
        known(cid, "reword", f"/statements/{cid}")
    for cid in review.add:
        known(cid, "add slots to", f"/add/{cid}")
    merged_into: dict[str, str] = {}
    for g, group in enumerate(review.merge):
        if len(group) < 2:
            raise ReferenceDataError(path, "a merge names at least two claims", f"/merge/{g}")
        for i, cid in enumerate(group):
            known(cid, "merge", f"/merge/{g}/{i}")
            if cid in merged_into or cid in review.remove:
                raise ReferenceDataError(path, f"claim {cid!r} is already merged or removed", f"/merge/{g}/{i}")
            merged_into[cid] = group[0]
    by_id = {c.id: c for c in ref.claims}
    kept = []
    for c in ref.claims:
        if c.id in review.remove or merged_into.get(c.id, c.id) != c.id:
            continue
        group = [by_id[m] for m in next((g for g in review.merge if g[0] == c.id), [c.id])]
        frame = c.frame
        for other in group[1:]:
            frame = _merged(frame, other.frame)
        if c.id in review.add:
            frame = _merged(frame, _slots_of(review.add[c.id], english, ref))
        start, end = min(m.start for m in group), max(m.end for m in group)
        kept.append(replace(c, statement=review.statements.get(c.id, c.statement), start=start, end=end,
                            text=ref.article[start:end], frame=frame))
    return _reference(ref.id, ref.article, kept, ref.people, ref.digest, ref.places)


def _slots_of(phrase: str, english: English, ref: FrameReference) -> Frame:
    """The slots a reviewer's phrase gives, read as the drafts are read (the reference's people known)."""
    sentences, _ = analyse_document(phrase, english, known=ref.people, places=set(ref.places))
    frames = [f for fs in sentences for f in fs]
    out = frames[0]
    for f in frames[1:]:
        out = _merged(out, f)
    return out


def _merged(a: Frame, b: Frame) -> Frame:
    """One fact stated over two frames: every slot of either; the first frame's predicate, polarity,
    modality and speaker stand, the second's where the first has none."""
    def union(x, y):
        return x + [v for v in y if v not in x]
    return replace(a, lemmas=a.lemmas | b.lemmas, raw=a.raw | b.raw, agents=union(a.agents, b.agents),
                   participants=union(a.participants, b.participants), places=union(a.places, b.places),
                   dates=union(a.dates, b.dates), times=union(a.times, b.times), amounts=union(a.amounts, b.amounts),
                   ordinals=union(a.ordinals, b.ordinals), verbs={**b.verbs, **a.verbs}, titles=union(a.titles, b.titles),
                   quotes=union(a.quotes, b.quotes), quoted=a.quoted | b.quoted, predications=union(a.predications, b.predications),
                   predicate=a.predicate or b.predicate, speaker=a.speaker or b.speaker, words=a.words + b.words)
