"""Load the reference sources of seeds/: one folder each (`<id>/article.txt`, with `source.json`
for what it is, and `claims.json` when its claims are written by hand or `review.json` when an
editor refined the extracted ones), or the flat files of earlier releases (`<id>.claims.json`
with the article it quotes, `<id>.txt` with `<id>.review.json`).

Loading checks what a schema cannot: every evidence span is exactly the quoted text of
the stored article, and every feature, concept, person, place and event a claim names
exists in the lexicon.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from .errors import DataError, ReferenceDataError
from .lexicon import Lexicon
from .loader import load_model
from .models import Claim, ClaimsFile, ClaimsSource, Event, SourceMeta

CLAIMS_GLOBS = ("*.claims.json", "*/claims.json")
ARTICLE, META, CLAIMS, REVIEW = "article.txt", "source.json", "claims.json", "review.json"
_FEATURE = re.compile(r"^(concept|person|place|org|side|event|related|office|has|scale):(.+)$")
_HAS = {"duration", "count", "money", "ordinal", "date", "negation"}


@dataclass(frozen=True)
class SourceDoc:
    source: ClaimsSource
    article: str
    path: Path


@dataclass(frozen=True)
class Reference:
    sources: dict[str, SourceDoc]
    claims: list[tuple[str, Claim]]      # (source id, claim)
    events: list[Event]
    event_sources: dict[str, str]        # event id -> source id

    def claim(self, claim_id: str) -> tuple[str, Claim] | None:
        for source, claim in self.claims:
            if claim.id == claim_id:
                return source, claim
        return None


@dataclass(frozen=True)
class SeedArticle:
    """An article of seeds/ that no claims file quotes: a reference whose claims are extracted."""

    id: str
    path: Path
    text: str
    meta: SourceMeta
    review: Path                 # its review file (which may not exist)

    def review_bytes(self) -> bytes:
        """The review file's bytes, b"" when there is none (part of the extraction's cache key)."""
        return self.review.read_bytes() if self.review.exists() else b""


def meta_of(source: ClaimsSource) -> SourceMeta:
    return SourceMeta.model_construct(id=source.id, title=source.title, outlet=source.outlet,
                                      published=source.published, url=source.url)


def load_reference(seeds_dir: Path, lex: Lexicon) -> Reference:
    files = sorted(p for pattern in CLAIMS_GLOBS for p in seeds_dir.glob(pattern))
    sources: dict[str, SourceDoc] = {}
    claims: list[tuple[str, Claim]] = []
    events: list[Event] = []
    event_sources: dict[str, str] = {}
    seen_claims: dict[str, Path] = {}
    for path in files:
        doc = load_model(path, "claims", ClaimsFile)
        sid = doc.source.id
        if sid in sources:
            raise ReferenceDataError(path, f"source id {sid!r} is also used by {sources[sid].path}", "/source/id")
        article_path = path.parent / doc.source.article
        try:
            article = article_path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise DataError(article_path, f"cannot read the article of source {sid!r}: {exc}") from None
        sources[sid] = SourceDoc(doc.source, article, path)
        event_ids = {e.id for e in doc.events}
        for i, ev in enumerate(doc.events):
            for j, key in enumerate(ev.keys):
                _check_feature(key, lex, event_ids, path, f"/events/{i}/keys/{j}")
            for k, concept in enumerate(ev.kind):
                _need(concept in lex.concepts, path, f"/events/{i}/kind/{k}", f"unknown concept {concept!r}")
            for k, person in enumerate(ev.implies):
                _need(person in lex.people, path, f"/events/{i}/implies/{k}", f"unknown person {person!r}")
        for i, ev in enumerate(doc.events):
            if ev.id in event_sources:
                raise ReferenceDataError(path, f"event id {ev.id!r} is also used by source {event_sources[ev.id]!r}", f"/events/{i}/id")
            event_sources[ev.id] = sid
        events += doc.events
        for i, claim in enumerate(doc.claims):
            where = f"/claims/{i}"
            if claim.id in seen_claims:
                raise ReferenceDataError(path, f"claim id {claim.id!r} is also used in {seen_claims[claim.id]}", where + "/id")
            seen_claims[claim.id] = path
            _check_claim(claim, article, lex, event_ids, path, where)
            claims.append((sid, claim))
    return Reference(sources, claims, events, event_sources)


def unclaimed_articles(seeds_dir: Path, reference: Reference) -> dict[str, SeedArticle]:
    """Articles of seeds/ that no claims file quotes, by source id: a folder's name and its
    source.json, or a flat file's name (its title then the article's first line)."""
    quoted = {(doc.path.parent / doc.source.article).resolve() for doc in reference.sources.values()}
    out: dict[str, SeedArticle] = {}
    found = [(p, p.parent.name, p.parent / META, p.parent / REVIEW) for p in sorted(seeds_dir.glob(f"*/{ARTICLE}"))]
    found += [(p, source_id_of(p.stem, "article"), None, p.with_suffix(".review.json"))
              for p in sorted(seeds_dir.glob("*.txt"))]
    for path, sid, meta_path, review in found:
        if path.resolve() in quoted:
            continue
        if sid in reference.sources or sid in out:
            raise DataError(path, f"source id {sid!r} is already used")
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise DataError(path, f"cannot read this reference article: {exc}") from None
        if not text.strip():
            raise DataError(path, "the reference article is empty")
        if meta_path is not None:
            meta = load_model(meta_path, "source-meta", SourceMeta)
            _need(meta.id == sid, meta_path, "/id", f"the id must be the folder's name, {sid!r}")
        else:
            meta = SourceMeta.model_construct(id=sid, title=first_line(text), outlet=None, published=None, url=None)
        out[sid] = SeedArticle(sid, path, text, meta, review)
    return out


def source_id_of(name: str, fallback: str) -> str:
    """A source id from a file's name: "Élan Story 2" is "elan-story-2" (at most 80 characters)."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    return "-".join(re.findall(r"[a-z0-9]+", ascii_name))[:80].strip("-") or fallback


def first_line(article: str, limit: int = 200) -> str:
    """An article's title when none is given: its first line, shortened."""
    line = next((ln.strip() for ln in article.splitlines() if ln.strip()), "")
    return line if len(line) <= limit else line[:limit - 1].rstrip() + "\u2026"


def _need(ok: bool, path: Path, pointer: str, message: str) -> None:
    if not ok:
        raise ReferenceDataError(path, message, pointer)


def _check_feature(feature: str, lex: Lexicon, events: set[str], path: Path, pointer: str) -> None:
    for part in feature.split("+"):
        m = _FEATURE.match(part)
        _need(m is not None, path, pointer, f"malformed feature {part!r}")
        kind, value = m.groups()
        table = {"concept": lex.concepts, "person": lex.people, "place": lex.places, "org": lex.organisations,
                 "side": {**lex.places, **lex.organisations}, "event": events, "related": events, "office": lex.offices,
                 "has": _HAS, "scale": lex.scales}[kind]
        _need(value in table, path, pointer, f"unknown {kind} {value!r} in feature {part!r}")


def _check_claim(claim: Claim, article: str, lex: Lexicon, events: set[str], path: Path, where: str) -> None:
    ev = claim.evidence
    _need(ev.end <= len(article) and article[ev.start:ev.end] == ev.text, path, where + "/evidence",
          f"evidence of {claim.id!r} is not article[{ev.start}:{ev.end}] (found {article[ev.start:ev.end][:60]!r})")
    for g, group in enumerate(claim.anchors):
        for a, feature in enumerate(group):
            _check_feature(feature, lex, events, path, f"{where}/anchors/{g}/{a}")
    for s, feature in enumerate(claim.support):
        _check_feature(feature, lex, events, path, f"{where}/support/{s}")
    _need(claim.event is None or claim.event in events, path, where + "/event", f"unknown event {claim.event!r}")
    _need(claim.speaker is None or claim.speaker in lex.people, path, where + "/speaker", f"unknown person {claim.speaker!r}")
    slots = claim.slots
    for name in claim.requires:
        _need(getattr(slots, name, None) not in (None, False, []), path, where + "/requires",
              f"required slot {name!r} is not set")
    if slots.roles:
        for person in slots.roles.agent + slots.roles.counterpart + slots.roles.patient:
            _need(person in lex.people, path, where + "/slots/roles", f"unknown person {person!r}")
    _need(slots.place is None or slots.place in lex.places, path, where + "/slots/place", f"unknown place {slots.place!r}")
    for name in ("polarity", "modality"):
        pred = getattr(slots, name)
        if pred:
            for concept in pred.locus:
                _need(concept in lex.concepts, path, f"{where}/slots/{name}/locus", f"unknown concept {concept!r}")
    if slots.assessment:
        for scale in slots.assessment.locus:
            _need(scale in lex.scales, path, where + "/slots/assessment/locus", f"unknown scale {scale!r}")
        _need(slots.assessment.value in ("positive", "negative"), path, where + "/slots/assessment/value", "must be positive or negative")
    for concept in slots.count_of:
        _need(concept in lex.concepts, path, where + "/slots/count_of", f"unknown concept {concept!r}")
    for feature in slots.scope_of:
        _check_feature(feature, lex, events, path, where + "/slots/scope_of")
    if slots.title:
        for person, office in slots.title.items():
            _need(person in lex.people and office in lex.offices, path, where + "/slots/title", f"unknown person or office {person!r}: {office!r}")
