"""The checker: split a text into sentences, judge each against the reference, build a report."""
from __future__ import annotations

import hashlib
import re
import threading
from collections import OrderedDict
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from . import __version__
from .analysis import Context, SentenceAnalysis, analyze
from .combine import combine
from .errors import DataError, InputError, did_you_mean
from .frames.checker import FrameChecker
from .frames.extract import FrameReference, apply_review, claim_ref, review_from
from .frames.store import CANDIDATES, ExtractionCache, FrameStore, default_cache_dir, engine_fingerprint
from .lexicon import Lexicon, load_lexicon
from .located import Scope, line_column, line_starts, phrase, rule_hit
from .matching import Judgement, Matcher
from .models import ClaimRef, Finding, Report, RuleHit, SourceMeta, Span, Summary, Suppressed
from .paths import data_dir
from .reference import Reference, load_reference, meta_of, unclaimed_articles
from .ruleset import LoadedRule, load_rules
from .suppressions import find_markers, marker_target, normalise, require_known_ids
from .text.sentences import split_sentences

MAX_TEXT_CHARS = 10_000_000
MAX_REFERENCE_CHARS = 1_000_000      # a reference is one article; a 5 MB "reference" is a mistake
_REFERENCE_CACHE = 32
LISTED = 50                          # a report lists every loaded source up to this many
ABOUT = 0.5                          # a text is also about a source with this share of the first one's evidence
SAME_EVENT_SHARE = 0.5  # of the names of the one naming fewer, that two references share when they report one event
NAME_PATTERNS = 1024                 # extracted references whose names are kept compiled
_ENTITY_TYPES = frozenset({"person", "place", "org", "office", "demonym"})


@dataclass
class SentenceResult:
    analysis: SentenceAnalysis
    judgements: list[Judgement]
    new_claim: bool


class Checker:
    """A loaded reference, lexicon and rule set; `check(text)` is pure and thread-safe."""

    def __init__(self, lexicon: Lexicon, reference: Reference, rules: list[LoadedRule], rules_dir: Path | None = None):
        self.data_hash = ""
        self.lexicon = lexicon
        self.reference = reference
        self.rules = rules
        self.rules_dir = rules_dir or data_dir("rules")
        self.matcher = Matcher(reference.claims, rules, lexicon, reference.events)
        self._extracted: OrderedDict[str, FrameReference] = OrderedDict()
        # articles without a claims file (seeds/, the source store): found through one index, their
        # claims extracted; the cache on disk is made when the first one is registered
        self.store = FrameStore(ExtractionCache(None), self._extract_source, lambda: self.frames.english)
        self._name_patterns: dict[tuple[str, str | None], re.Pattern | None] = {}   # (its key, the key of the one the text is most about) -> the names of its event only (bounded)
        self._texts: dict = {}               # source id -> () -> (article, review bytes, where the review is)
        self.meta: dict[str, tuple[SourceMeta, str]] = {}     # source id -> (what it is, "bundled" or "added")
        self._cache_dir: Path | None = None
        self._cache_tried = self._hand_ranked = False
        self._version = 0                     # moves whenever a source comes or goes
        self._claim_refs: tuple[int, dict[str, ClaimRef]] | None = None
        self._lock = threading.Lock()
        self._source_ids: tuple[list[str], list[str]] | None = None

    @cached_property
    def frames(self) -> FrameChecker:
        """The frame checker: any article as a reference, its claims extracted (loaded on first use)."""
        return FrameChecker.load(self.rules_dir)

    @cached_property
    def severities(self) -> dict[str, str]:
        """Each rule id's severity: the hand-claim rules', the frame rules' and the report's own."""
        out = {r.id: r.rule.severity for r in self.rules}
        out.update({r.id: r.rule.severity for r in self.frames.rules})
        out.update({"new.uncovered": "warning", "match.anchors": "info"})
        return out

    def extract(self, article: str, source_id: str = "reference") -> FrameReference:
        """The claims of `article`, read by the frame analysis; cached by content hash."""
        if not article.strip():
            raise InputError("the reference article is empty")
        if len(article) > MAX_REFERENCE_CHARS:
            raise InputError(f"the reference is {len(article):,} characters; the limit is {MAX_REFERENCE_CHARS:,} (one article)")
        key = hashlib.sha256(f"{source_id}\0{article}".encode("utf-8", "surrogatepass")).hexdigest()
        with self._lock:
            got = self._extracted.get(key)
            if got is not None:
                self._extracted.move_to_end(key)
                return got
        got = self.frames.extract(article, source_id)
        with self._lock:
            self._extracted[key] = got
            while len(self._extracted) > _REFERENCE_CACHE:
                self._extracted.popitem(last=False)
        return got

    def check_against(self, text: str, article: str, title: str | None = None, source_id: str = "reference",
                      suppressions: dict[tuple[str, str], str] | None = None, marker_ids=None) -> Report:
        """The report of `text` against one reference article given as text, with nothing else.
        Inline markers may name this reference's claims (or those of `marker_ids`, when the
        text is checked against several references)."""
        _require_size(text)
        ref = self.extract(article, source_id)
        require_known_ids(text, find_markers(text)[1], marker_ids if marker_ids is not None else {c.id for c in ref.claims})
        return self._frame_report(text, ref, title, suppressions)

    def reference_claim_ids(self, references: list[tuple[str, str]]) -> set[str]:
        """The ids of the claims extracted from the given (id, article) pairs (extractions are cached)."""
        return {c.id for sid, article in references for c in self.extract(article, sid).claims}

    def check_references(self, text: str, references: list[tuple[str, str]], suppressions=None) -> Report:
        """The report against the one of several reference articles, (id, text), the text speaks about most."""
        known = self.reference_claim_ids(references)
        report = most_about(self.check_against(text, article, source_id=sid, suppressions=suppressions, marker_ids=known)
                            for sid, article in references)
        return report.model_copy(update={"sources": sorted(sid for sid, _ in references)})

    def _frame_report(self, text: str, ref: FrameReference, title: str | None, suppressions) -> Report:
        """The frame checker's report, markers blanked before reading and findings silenced after."""
        blanked, markers = find_markers(text)
        report = self.frames.check(blanked, ref, title=title)
        if suppressions:
            suppressions = with_local_ids(suppressions, [c.id for c in ref.claims])
        if markers or suppressions:
            report = silence(report, text, markers, split_sentences(blanked), suppressions)
        return report

    @classmethod
    def load(cls, seeds_dir: Path | None = None, rules_dir: Path | None = None, cache_dir: Path | None = None) -> Checker:
        """The bundled (or given) references and rules. Articles without a claims file are
        extracted once per content and kept in `cache_dir` (default: default_cache_dir())."""
        rules_dir = Path(rules_dir) if rules_dir else data_dir("rules")
        seeds_dir = Path(seeds_dir) if seeds_dir else data_dir("seeds")
        lexicon = load_lexicon(rules_dir)
        reference = load_reference(seeds_dir, lexicon)
        checker = cls(lexicon, reference, load_rules(rules_dir), rules_dir)
        checker._cache_dir = Path(cache_dir) if cache_dir else None
        checker.meta = {sid: (meta_of(doc.source), "bundled") for sid, doc in reference.sources.items()}
        for seed in unclaimed_articles(seeds_dir, reference).values():
            # an article with no claims file is a reference too: its claims are extracted, or read from the cache
            if len(seed.text) > MAX_REFERENCE_CHARS:
                raise DataError(seed.path, f"the article is {len(seed.text):,} characters; a reference is at most {MAX_REFERENCE_CHARS:,}")
            checker.register(seed.id, _seed_reader(seed.path, seed.review), seed.text, seed.review_bytes(), meta=seed.meta)
        if not reference.sources and not len(checker.store):
            raise DataError(seeds_dir, "no reference articles (<id>/article.txt, *.txt) or claims files (<id>/claims.json, *.claims.json)")
        checker.data_hash = _hash_files(sorted(seeds_dir.rglob("*")) + sorted(rules_dir.rglob("*.json")) + sorted(rules_dir.rglob("*.tsv")))
        return checker

    @cached_property
    def fingerprint(self) -> str:
        """What an extraction depends on besides the article (part of its cache key)."""
        return engine_fingerprint(self.rules_dir)

    def register(self, sid: str, read, article: str, review: bytes = b"", meta: SourceMeta | None = None,
                 origin: str = "bundled", extracted: FrameReference | None = None) -> None:
        """Make an article without hand-written claims a reference, found through the store's
        index. `read()` gives (article, review bytes, where the review is) again when its claims
        are needed and the cache has lost them; `extracted` is its claims when they were just read."""
        with self._lock:
            if not self._cache_tried:
                self._cache_tried = True
                self.store.cache = ExtractionCache(self._cache_dir or default_cache_dir())
            if not self._hand_ranked:
                # the hand-claimed references are ranked with the extracted ones: a text goes to the one it is about
                self._hand_ranked = True
                for hid, doc in self.reference.sources.items():
                    self.store.add_ranked(hid, doc.article, sum(s == hid for s, _ in self.reference.claims))
        self._texts[sid] = read
        self.store.add(sid, _cache_key(self.fingerprint, sid, article, review), extracted)
        if meta is not None:
            self.meta[sid] = (meta, origin)
        self._changed()

    def unregister(self, sid: str) -> None:
        """Stop using an extracted reference (a source removed from the store)."""
        self.store.remove(sid)
        self._texts.pop(sid, None)
        self.meta.pop(sid, None)
        self._changed()

    def _changed(self) -> None:
        self._version += 1

    def reviewed_extract(self, sid: str, article: str, review: bytes, where) -> tuple[FrameReference, str]:
        """An article's claims as its review (if any) refines them, and their cache key."""
        extracted = self.frames.extract(article, sid)
        ref = apply_review(extracted, review_from(review, where), self.frames.english, where) if review else extracted
        return ref, _cache_key(self.fingerprint, sid, article, review)

    def _extract_source(self, sid: str) -> tuple[FrameReference, str]:
        """A registered source's claims, and the cache key of what was read (the store caches them
        only under that key: an article edited since start-up is never cached as the old one)."""
        article, review, where = self._texts[sid]()
        return self.reviewed_extract(sid, article, review, where)

    @property
    def source_ids(self) -> list[str]:
        """Every loaded reference: those with claims files and those whose claims were extracted."""
        ids = self.store.ids
        if self._source_ids is None or self._source_ids[0] is not ids:
            self._source_ids = (ids, sorted(set(self.reference.sources) | set(ids)))
        return list(self._source_ids[1])      # a copy: a caller's report must not share it

    def listed(self, considered=()) -> list[str]:
        """A report's `sources`: every loaded reference, or of a store larger than LISTED the
        hand-claimed ones and those the text was ranked against (a report does not carry
        thousands of ids; GET /v1/sources lists them)."""
        if len(self.store) + len(self.reference.sources) <= LISTED:
            return self.source_ids
        return sorted(set(self.reference.sources) | set(considered))

    @cached_property
    def hand_claim_refs(self) -> dict[str, ClaimRef]:
        """The hand-written claims as reports name them (what the hand-claimed checker needs)."""
        return {c.id: ClaimRef(id=c.id, statement=c.statement, source=s, evidence=c.evidence) for s, c in self.reference.claims}

    @property
    def claim_refs(self) -> dict[str, ClaimRef]:
        """Every claim, extracted ones included: reads every stored reference (listings only).
        Made again after a source comes or goes; one made while that happened is not kept."""
        version, made = self._version, self._claim_refs
        if made is not None and made[0] == version:
            return made[1]
        refs = dict(self.hand_claim_refs)
        for sid in self.store:
            try:
                ref = self.store.get(sid)
            except KeyError:          # removed meanwhile
                continue
            refs.update({c.id: claim_ref(c, ref.id) for c in ref.claims})
        if self._version == version:
            self._claim_refs = (version, refs)
        return refs

    def analyse(self, text: str, sentences=None):
        """Judge each sentence in order; yields one SentenceResult per sentence."""
        _require_size(text)
        context = Context()
        for i, sentence in enumerate(sentences if sentences is not None else split_sentences(text)):
            sa = analyze(sentence, i, self.lexicon, self.reference.events, context, self.reference.event_sources)
            judgements = self.matcher.judge(sa)
            yield SentenceResult(sa, judgements, not judgements and _checkable(sa))

    def check(self, text: str, title: str | None = None,
              suppressions: dict[tuple[str, str], str] | None = None, source: str | None = None,
              reference: str | None = None, sources: list[str] | None = None) -> Report:
        """The report of `text` against its reference sources.

        `reference` (an article's text) or `source` (a loaded reference's id) is checked against
        alone; `sources` (several ids) against each of them. Otherwise against the sources the
        text is about: the hand-claimed one whose claims its sentences match best and those with
        ABOUT of its evidence, with the extracted ones the store's index ranks close; or, when an
        extracted one ranks first, the few the index ranks best. Several reports are made one
        (factcheck/combine.py). Inline markers and `suppressions` (from a file) silence findings.
        """
        if reference is not None:
            if source is not None or sources:
                raise InputError("give a reference article or a source id, not both")
            return self.check_against(text, reference, title, suppressions=suppressions)
        if sources:
            sources = list(dict.fromkeys(sources + ([source] if source is not None else [])))
            for sid in sources:
                self._require_source(sid)
            if len(sources) > 1:
                return self._check_among(text, title, suppressions, sources)
            source = sources[0]
        _require_size(text)
        if source is not None:
            self._require_source(source)
        blanked, markers = find_markers(text)
        if markers:
            require_known_ids(text, markers, self.claim_refs)
        if source in self.store:
            return self._with_sources(self._frame_report(text, self.store.get(source), title, suppressions), [source])
        ranked: list[str] = []
        near: list[str] = []            # extracted references ranked close to the first of all
        if source is None and len(self.store) and (self.reference.sources or len(self.store) > CANDIDATES):
            # which reference the text is about, ranked over both kinds
            found = self.store.candidates(blanked)
            ranked, near = found.checked, found.near_first
            # (a text about an extracted reference is not run through the hand-claimed checker as
            # well on the chance that a hand-claimed one ranks close: a check would cost twice)
            if ranked and not found.hand_first:
                return self._best_extracted(text, title, suppressions, ranked)
        if not self.reference.sources:
            return self._best_extracted(text, title, suppressions, ranked)
        sentences = split_sentences(blanked)
        records = [_Record.of(r) for r in self.analyse(blanked, sentences)]
        ranked_hand = _ranked_sources(records)
        chosen = source or (ranked_hand[0] if ranked_hand else None)
        if chosen is None and len(self.store) and source is None:
            return self._best_extracted(text, title, suppressions, ranked)     # about none of the hand-claimed sources
        reports = [self._hand_report(text, title, records, sentences, chosen, markers, suppressions)]
        if source is not None:
            return reports[0]
        # against all: the other hand-claimed sources the text is also about, and the extracted ones ranked close
        reports += [self._hand_report(text, title, records, sentences, other, markers, suppressions) for other in ranked_hand[1:]]
        if not near:
            return self._combined(reports, text, ranked=True)
        reports += [self._frame_report(text, self.store.get(sid), title, suppressions) for sid in near]
        return self._with_sources(self._combined(reports, text), near)

    def _hand_report(self, text: str, title: str | None, records: list[_Record], sentences, chosen: str | None,
                     markers, suppressions) -> Report:
        """The report against one hand-claimed source (None: no source, every sentence new)."""
        findings: list[Finding] = []
        mentioned: set[str] = set()
        starts = line_starts(text)
        for r in records:
            judgements = [j for j in r.judgements if j.source == chosen]
            line, column = line_column(starts, r.start)
            base = dict(span=Span(start=r.start, end=r.end), text=text[r.start:r.end], line=line, column=column)
            clause_of = {id(j): span for j, span in zip(r.judgements, r.clauses)}
            in_sentence = Scope(text, r.start, r.end, line_starts=starts)
            for j in sorted(judgements, key=lambda j: (j.verdict != "contradiction", -j.score)):
                if j.claim.kind != "title":
                    mentioned.add(j.claim.id)
                claim = self.hand_claim_refs[j.claim.id]
                found_in = [Scope(text, *clause_of[id(j)], line_starts=starts), in_sentence]
                reference_in = [Scope(claim.evidence.text, 0, len(claim.evidence.text), offset=claim.evidence.start)]
                findings.append(Finding(kind=j.verdict, claim=claim, rules=_hits(j, found_in, reference_in), score=j.score, **base))
            if not judgements and r.checkable:
                findings.append(Finding(kind="new_claim", claim=None, score=r.new_score, rules=[RuleHit(
                    id="new.uncovered", category="new",
                    message=f"States a checkable fact ({r.what}) that no reference claim covers.")], **base))
        omitted = [self.hand_claim_refs[c.id] for s, c in self.reference.claims
                   if c.kind != "title" and c.id not in mentioned and (chosen is None or s == chosen)]
        kinds = [f.kind for f in findings]
        summary = Summary(sentences=len(sentences), agreements=kinds.count("agreement"),
                          contradictions=kinds.count("contradiction"), new_claims=kinds.count("new_claim"), omitted=len(omitted))
        report = Report(version=__version__, title=title, reference=chosen, sources=self.listed(),
                        findings=findings, omitted=omitted, summary=summary)
        return silence(report, text, markers, sentences, suppressions) if markers or suppressions else report

    def _combined(self, reports: list[Report], text: str, ranked: bool = False, chosen: bool = False) -> Report:
        """The reports against several sources as one (factcheck/combine.py): the one the text is
        about most first (the first given if `ranked`, else the one with most agreements and
        contradictions, the first on a tie), then, of sources the caller did not choose, those
        with at least ABOUT as many whose event the text names (a stray match with an unrelated
        source, or with another event of the same kind, is left out)."""
        if not ranked:
            reports = sorted(reports, key=lambda r: -(r.summary.agreements + r.summary.contradictions))   # stable
        best = reports[0].summary.agreements + reports[0].summary.contradictions
        kept = reports if chosen else [reports[0]] + [
            r for r in reports[1:] if best and r.summary.agreements + r.summary.contradictions >= ABOUT * best
            and self._names_its_event(text, r.reference, besides=reports[0].reference)]
        return combine(kept, self.published(), suppressed=[s for r in reports for s in r.suppressed])

    def _names_its_event(self, text: str, sid: str | None, besides: str | None = None) -> bool:
        """Whether a text names something of an extracted reference's own event (a person, an
        organisation, a town or site) that the reference it is most about (`besides`) does not name
        too, unless the two share most of their names (two reports of one event): a text
        about India's moon landing that speaks of landers, the Moon and the Soviet Union names
        nothing of a German company's landing, and is not about that one too."""
        if sid not in self.store:
            return True
        key = (self.store.sources[sid].key, self.store.sources[besides].key if besides in self.store else None)
        found = self._name_patterns.get(key)
        if found is None:
            names = self.store.get(sid).names()
            theirs = self.store.get(besides).names() if besides in self.store else frozenset()
            if len(names & theirs) < SAME_EVENT_SHARE * min(len(names), len(theirs)):
                names -= theirs       # (two sources of one event share many names, and each of them counts)
            names = sorted(names, key=len, reverse=True)
            found = re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, names)) + r")(?!\w)") if names else None
            if len(self._name_patterns) >= NAME_PATTERNS:
                self._name_patterns.clear()
            self._name_patterns[key] = found
        return found is not None and found.search(text) is not None

    def published(self) -> dict[str, str | None]:
        """Each source's published time, if known."""
        return {sid: meta.published for sid, (meta, _) in list(self.meta.items())}   # a copy: sources come and go

    def _require_source(self, source: str) -> None:
        if source not in self.reference.sources and source not in self.store:
            ids = self.source_ids
            raise InputError(f"unknown source {source!r}; sources are: {', '.join(ids[:LISTED])}{' ...' if len(ids) > LISTED else ''}"
                             f"{did_you_mean(source, ids)}")

    def _check_among(self, text: str, title: str | None, suppressions, sources: list[str]) -> Report:
        """The report against several chosen sources: each hand-claimed one (the text analysed
        once for all of them), and of the extracted ones those the index ranks first."""
        _require_size(text)
        blanked, markers = find_markers(text)
        if markers:
            require_known_ids(text, markers, self.claim_refs)
        extracted = [s for s in sources if s in self.store]
        if len(extracted) > CANDIDATES:
            chosen = set(extracted)
            ranked = [sid for _, sid in self.store.ranked(blanked, limit=len(self.store.sources)) if sid in chosen]
            extracted = ranked[:CANDIDATES] or extracted[:1]
        reports = []
        hand = [s for s in sources if s in self.reference.sources]
        if hand:
            sentences = split_sentences(blanked)
            records = [_Record.of(r) for r in self.analyse(blanked, sentences)]
            reports += [self._hand_report(text, title, records, sentences, s, markers, suppressions) for s in hand]
        reports += [self._frame_report(text, self.store.get(s), title, suppressions) for s in extracted]
        return self._with_sources(self._combined(reports, text, chosen=True), sources)

    def _best_extracted(self, text: str, title: str | None, suppressions=None, sids: list[str] | None = None) -> Report:
        """The report against the extracted reference the text agrees or disagrees with most: of
        a few, each of them; of many, those the index ranks first (the first if none shares a key)."""
        if not sids or len(self.store) <= CANDIDATES:
            sids = self.store.ids
            if len(sids) > CANDIDATES:     # ranked already, and none shares a word: the first, as on a tie
                sids = sids[:1]
        return self._with_sources(self._combined(text=text, reports=[self._frame_report(text, self.store.get(sid), title, suppressions)
                                                  for sid in sids]), sids)

    def _with_sources(self, report: Report, considered) -> Report:
        return report.model_copy(update={"sources": self.listed(considered)})


def keep_loaded() -> None:
    """Leave everything loaded so far out of the garbage collector's passes, for the life of the
    process (gc.freeze). A store of 100,000 claims is ~800,000 tracked objects, and every full
    collection walked them all: a check took 1.6 times as long. Long-lived processes call it
    once after Checker.load() (the service before it forks its workers, the CLI, the benchmark);
    a process that loads checkers again and again (a test suite) should not, since what it
    drops later is then never collected if it holds a cycle."""
    import gc
    gc.collect()
    gc.freeze()


def local_id(claim_id: str) -> str:
    """An extracted claim's id without the reference's name: "wire.s01.kill" is "s01.kill", the
    id the same article has when it comes without a name (the API's `reference`)."""
    return claim_id.split(".", 1)[1] if claim_id.count(".") >= 2 else claim_id


def with_local_ids(suppressions: dict[tuple[str, str], str], claim_ids: list[str]) -> dict[tuple[str, str], str]:
    """Suppressions of an extracted reference, matched whatever name the reference had when they
    were recorded: the page's "s01.kill" (a pasted article) silences the CLI's "wire.s01.kill"."""
    by_local = {local_id(c): c for c in claim_ids}
    out = dict(suppressions)
    for (cid, sentence), reason in suppressions.items():
        if cid not in claim_ids:
            target = by_local.get(cid) or by_local.get(local_id(cid))
            if target is not None:
                out.setdefault((target, sentence), reason)
    return out


def most_about(reports) -> Report:
    """Of reports on one text against several references, the one against the reference the text
    speaks about most (agreements and contradictions; the first on a tie)."""
    best = None
    for report in reports:
        score = report.summary.agreements + report.summary.contradictions
        if best is None or score > best[0]:
            best = (score, report)
    return best[1]


@dataclass
class _Record:
    """What the report needs of a sentence, without its tokens (long texts stay small in memory)."""

    start: int
    end: int
    judgements: list[Judgement]
    checkable: bool
    new_score: float
    what: str
    clauses: list[tuple[int, int]]       # the character span of each judgement's clause

    @classmethod
    def of(cls, r: SentenceResult) -> _Record:
        sa = r.analysis
        checkable = _checkable(sa)
        return cls(sa.start, sa.end, r.judgements, checkable,
                   _new_score(sa) if checkable else 0.0, _what(sa) if checkable else "",
                   [_clause_span(sa, j.unit) for j in r.judgements])


def _clause_span(sa: SentenceAnalysis, unit) -> tuple[int, int]:
    if unit is None or not 0 <= unit.first <= unit.last < len(sa.tokens):
        return sa.start, sa.end
    return sa.tokens[unit.first].start, sa.tokens[unit.last].end


def _ranked_sources(records: list[_Record]) -> list[str]:
    """The hand-claimed sources the text is about, most first: most identifying evidence over
    its sentences, then most claims matched, then the closest wording (the matches' scores);
    after the first, only those with at least ABOUT of its evidence."""
    evidence: dict[str, int] = {}
    claims: dict[str, set[str]] = {}
    scores: dict[str, float] = {}
    for r in records:
        best: dict[str, int] = {}
        for j in r.judgements:
            if j.claim.kind != "title":
                best[j.source] = max(best.get(j.source, 0), j.identity)
                claims.setdefault(j.source, set()).add(j.claim.id)
                scores[j.source] = scores.get(j.source, 0.0) + j.score
        for src, value in best.items():
            evidence[src] = evidence.get(src, 0) + value
    if not evidence:
        return []
    ranked = sorted(sorted(evidence), key=lambda src: (evidence[src], len(claims[src]), scores[src]), reverse=True)
    return [src for src in ranked if src == ranked[0] or evidence[src] >= ABOUT * evidence[ranked[0]]]


def silence(report: Report, text: str, markers, sentences, suppressions: dict[tuple[str, str], str] | None) -> Report:
    """The report with the findings editors verified moved to `suppressed`: those of the claims an
    inline marker names in its sentence (no id: all of them), and those a suppressions file keys
    by claim id and normalised sentence. Whatever reference the report is against."""
    ignored = _inline_targets(text, markers, [(s.start, s.end) for s in sentences])
    kept: list[Finding] = []
    silenced = list(report.suppressed)
    for f in report.findings:
        inline = ignored.get((f.span.start, f.span.end), set())
        claim_id = f.claim.id if f.claim else None
        by, reason = "", ""
        if inline is None or (claim_id or "new") in inline:
            by = "inline"
        elif suppressions and claim_id and (claim_id, normalise(f.text)) in suppressions:
            by, reason = "file", suppressions[(claim_id, normalise(f.text))]
        if by:
            silenced.append(Suppressed(kind=f.kind, claim=claim_id, span=f.span, line=f.line, column=f.column, by=by, reason=reason))
        else:
            kept.append(f)
    kinds = [f.kind for f in kept]
    summary = report.summary.model_copy(update=dict(agreements=kinds.count("agreement"), contradictions=kinds.count("contradiction"),
                                                    new_claims=kinds.count("new_claim"), conflicts=kinds.count("conflict"),
                                                    suppressed=len(silenced)))
    return report.model_copy(update=dict(findings=kept, suppressed=silenced, summary=summary))


def _inline_targets(text, markers, spans) -> dict[tuple[int, int], set[str] | None]:
    """Sentence span -> claim ids its markers silence (None: every finding of the sentence)."""
    ignored: dict[tuple[int, int], set[str] | None] = {}
    for marker in markers:
        target = marker_target(text, marker, spans)
        if target is not None:
            ids = ignored.get(target, set())
            ignored[target] = None if (ids is None or not marker.claims) else ids | marker.claims
    return ignored


def _hits(j: Judgement, found_in: list[Scope], reference_in: list[Scope]) -> list[RuleHit]:
    shown = j.conflicts if j.verdict == "contradiction" else [(r, o) for r, o in j.outcomes if o.status == "agree"]
    hits = [rule_hit(r, o, found_in, reference_in) for r, o in shown]
    if j.verdict == "agreement":
        hits.append(RuleHit(id="match.anchors", category="match",
                            message="Matched on " + ", ".join(a.split(":", 1)[1].replace("+", " + ").replace("_", " ")
                                                              for a in j.anchors) + "."))
    return hits


def _checkable(sa: SentenceAnalysis) -> bool:
    """A sentence states something checkable unless it is commentary, a question or a fragment."""
    if sa.opinion or sa.text.rstrip().endswith("?"):
        return False
    return sum(t.is_word for t in sa.tokens) >= 4


def _new_score(sa: SentenceAnalysis) -> float:
    named = len({m.id for m in sa.mentions if m.type in _ENTITY_TYPES})
    return round(min(1.0, 0.5 + 0.1 * named + 0.1 * bool(sa.quantities or sa.dates)), 3)


def _what(sa: SentenceAnalysis) -> str:
    names = []
    for m in sa.mentions:
        if m.type in _ENTITY_TYPES:
            names.append(phrase(sa.span_text(m.first, m.last)))
    for q in sa.quantities:
        names.append(phrase(q.text))
    for d in sa.dates:
        names.append(phrase(d.text))
    names = list(dict.fromkeys(names))[:4]
    return ", ".join(names) if names else "a specific statement"


def _require_size(text: str) -> None:
    if len(text) > MAX_TEXT_CHARS:
        raise InputError(f"text is {len(text):,} characters; the limit is {MAX_TEXT_CHARS:,}")


def _seed_reader(article: Path, review: Path):
    """How a seeds/ article is read again: from its files, as they are now (not kept in memory)."""
    def read() -> tuple[str, bytes, Path]:
        return article.read_text(encoding="utf-8"), review.read_bytes() if review.exists() else b"", review
    return read


def _cache_key(fingerprint: str, source_id: str, article: str, extra: bytes) -> str:
    return hashlib.sha256(b"\0".join([fingerprint.encode(), source_id.encode(), article.encode("utf-8", "surrogatepass"),
                                      extra])).hexdigest()


def _hash_files(paths: list[Path]) -> str:
    digest = hashlib.sha256()
    for path in paths:
        if path.is_file():
            digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()
