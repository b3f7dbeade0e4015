"""Every source the checker uses: the bundled ones of seeds/ (read-only) and those added to the
source store, with what each is (title, outlet, published, URL).

Adding a source validates it whole before anything is written: its metadata, its review, its
claims extracted (a review naming a claim the extraction does not give is refused). Then one
transaction writes it, and the checker uses it at once. Other processes using the same store
(the service's other workers, other replicas) see it on their next `sync()`, which reads the
store's generation at most every `sync_seconds` and loads what changed.
"""
from __future__ import annotations

import logging
import threading
import time
from collections import Counter
from functools import cached_property

from ..engine import MAX_REFERENCE_CHARS, Checker
from ..errors import DataError, FactcheckError, InputError, did_you_mean
from ..frames.extract import claim_ref
from ..models import ClaimRef, Source, SourceMeta, SourceSummary
from ..inputs import surrogate_in
from ..reference import first_line
from .store import NoSuchSource, SourceExists, SourceStore, StoredSource, StoreError, default_database, open_store

log = logging.getLogger("factcheck.sources")
SYNC_SECONDS = 2.0


class ReadOnlySource(SourceExists):
    """A bundled source cannot be replaced or removed (HTTP 409)."""


class UnknownSource(InputError):
    """No source has this id (HTTP 404)."""


class Catalog:
    """The checker, the source store it reads added sources from, and what every source is."""

    def __init__(self, checker: Checker, store: SourceStore | None, sync_seconds: float = SYNC_SECONDS):
        self.checker = checker
        self.store = store
        self.sync_seconds = sync_seconds
        self._revisions: dict[str, int] = {}      # added source id -> the revision loaded
        self._generation: int | None = None
        self._synced_at = 0.0
        self._lock = threading.RLock()

    @classmethod
    def load(cls, seeds_dir=None, rules_dir=None, database: str | SourceStore | None = None, cache_dir=None,
             sync_seconds: float = SYNC_SECONDS) -> Catalog:
        """The bundled references and every source of the store (`database`: a URL or path, by
        default FACTCHECK_DATABASE_URL or the SQLite file in the user's data folder)."""
        checker = Checker.load(seeds_dir, rules_dir, cache_dir)
        url = database if isinstance(database, SourceStore) else database or default_database()
        store = url if isinstance(url, SourceStore) else open_store(url) if url else None
        catalog = cls(checker, store, sync_seconds)
        catalog.sync(force=True)
        return catalog

    # --- reading -----------------------------------------------------------------------------

    def origin(self, source_id: str) -> str | None:
        if source_id in self.checker.reference.sources:
            return "bundled"
        got = self.checker.meta.get(source_id)
        return got[1] if got else None

    def summaries(self) -> list[SourceSummary]:
        """Every source, by id: what it is and how many claims it has (no claims are read)."""
        return [self._summary(sid) for sid in self.checker.source_ids]

    def summary(self, source_id: str) -> SourceSummary:
        if source_id not in self.checker.reference.sources and source_id not in self.checker.store:
            raise self._unknown(source_id)
        return self._summary(source_id)

    def _summary(self, sid: str) -> SourceSummary:
        c = self.checker
        meta, origin = c.meta.get(sid) or (SourceMeta.model_construct(id=sid, title=sid, outlet=None, published=None, url=None), "bundled")
        if sid in c.reference.sources:
            claims = self._hand_counts.get(sid, 0)
        else:
            stored = c.store.sources.get(sid)
            claims = stored.claims if stored else 0
        return SourceSummary(id=sid, title=meta.title, outlet=meta.outlet, published=meta.published, url=meta.url,
                             origin=origin, claims=claims)

    @cached_property
    def _hand_counts(self) -> dict[str, int]:
        """How many hand-written claims each bundled source has (they do not change)."""
        return dict(Counter(sid for sid, _ in self.checker.reference.claims))

    def show(self, source_id: str) -> Source:
        """One source: what it is, its article and its claims."""
        c = self.checker
        if source_id in c.reference.sources:
            text = c.reference.sources[source_id].article
            claims = [ref for ref in c.hand_claim_refs.values() if ref.source == source_id]
        elif source_id in c.store:
            ref = c.store.get(source_id)
            text, claims = ref.article, [claim_ref(x, source_id) for x in ref.claims]
        else:
            raise self._unknown(source_id)
        s = self.summary(source_id)
        return Source(id=s.id, title=s.title, outlet=s.outlet, published=s.published, url=s.url, origin=s.origin,
                      text=text, claims=claims)

    def claims_of(self, source_id: str) -> list[ClaimRef]:
        return self.show(source_id).claims

    def _unknown(self, source_id: str) -> UnknownSource:
        ids = self.checker.source_ids
        return UnknownSource(f"no source {source_id!r}{did_you_mean(source_id, ids)}; sources are: {', '.join(ids[:20])}"
                             + (" ..." if len(ids) > 20 else ""))

    # --- writing -----------------------------------------------------------------------------

    def add(self, meta: SourceMeta, article: str, review: str | None = None, by: str = "cli",
            replace: bool = False) -> SourceSummary:
        """Validate, extract, write, use: the new source's summary. SourceExists when the id is
        taken (by a bundled source always; by an added one unless `replace`)."""
        if self.store is None:
            raise InputError("no source store: set FACTCHECK_DATABASE_URL (there is no home folder for the default one)")
        meta = SourceMeta.model_validate(meta.model_dump())
        if not article.strip():
            raise InputError(f"source {meta.id!r}: the article is empty")
        if len(article) > MAX_REFERENCE_CHARS:
            raise InputError(f"source {meta.id!r}: the article is {len(article):,} characters; a reference is at most "
                             f"{MAX_REFERENCE_CHARS:,} (one article)")
        if self.origin(meta.id) == "bundled":
            raise ReadOnlySource(f"{meta.id!r} is a bundled source (seeds/), which is read-only; choose another id")
        found = surrogate_in({**meta.model_dump(), "article": article})
        if found:
            raise InputError(f"source {meta.id!r}: {found[0][1:]} holds a lone surrogate at character {found[1]}, which is not text")
        replacing = self.store.get(meta.id) is not None
        if replacing and not replace:          # said before the extraction's work, and again by the write if it races
            raise SourceExists(f"a source {meta.id!r} is already in the store; remove it first, or replace it (--force)")
        raw_review = (review or "").encode("utf-8", "surrogatepass")
        try:
            ref, _ = self.checker.reviewed_extract(meta.id, article, raw_review, f"the review of source {meta.id!r}")
        except DataError as exc:          # a review that does not fit the extraction: the request's fault
            raise InputError(str(exc)) from None
        if not ref.claims:
            raise InputError(f"source {meta.id!r}: the article states no checkable claim (no clause names who did what)")
        with self._lock:
            stored = self.store.add(meta, article, review, len(ref.claims), by, replace=replace)
            self._load(stored, ref)
        log.info("source %s %s by %s (%d claims)", meta.id, "replaced" if replacing else "added", by, len(ref.claims))
        return self.summary(meta.id)

    def remove(self, source_id: str, by: str = "cli") -> None:
        """Remove an added source. A stored one that a bundled source of the same id hides (it was
        added before the bundled one came) can be removed too; the bundled one stays."""
        if self.store is None:
            raise self._unknown(source_id)
        if self.origin(source_id) == "bundled" and self.store.get(source_id) is None:
            raise ReadOnlySource(f"{source_id!r} is a bundled source (seeds/), which is read-only")
        with self._lock:
            try:
                self.store.remove(source_id, by)
            except NoSuchSource:
                raise self._unknown(source_id) from None
            if source_id in self._revisions:
                self._revisions.pop(source_id)
                self.checker.unregister(source_id)
        log.info("source %s removed by %s", source_id, by)

    # --- replicas ----------------------------------------------------------------------------

    def sync(self, force: bool = False) -> bool:
        """Load what other processes changed in the store since the last look: at most every
        `sync_seconds` (unless `force`). Whether anything changed. A store that cannot be read
        is logged and the sources loaded so far stay in use (except at load, where it stops)."""
        if self.store is None:
            return False
        now = time.monotonic()
        if not force and now - self._synced_at < self.sync_seconds:
            return False
        with self._lock:
            if not force and time.monotonic() - self._synced_at < self.sync_seconds:
                return False       # another thread did it while this one waited
            self._synced_at = time.monotonic()
            try:
                if self._generation and not self.store.exists():
                    raise StoreError(f"{self.store.describe()} is gone (a volume not mounted?)")
                generation = self.store.generation()
                if generation == self._generation:
                    return False
                if self._generation and generation < self._generation:
                    raise StoreError(f"{self.store.describe()} went back from change {self._generation} to {generation} "
                                     "(replaced by an older copy?)")
                revisions = self.store.revisions()
                changed = False
                for sid in set(self._revisions) - set(revisions):
                    self._revisions.pop(sid)
                    self.checker.unregister(sid)
                    changed = True
                for sid, revision in sorted(revisions.items()):
                    if self._revisions.get(sid) == revision:
                        continue
                    stored = self.store.get(sid)
                    if stored is not None:
                        self._load(stored)
                        changed = True
                self._generation = generation
                return changed
            except FactcheckError as exc:
                if force and self._generation is None:
                    raise
                log.warning("source store not read: %s; the sources loaded so far stay in use", exc)
                return False

    def _load(self, stored: StoredSource, extracted=None) -> None:
        """Use a source of the store: its claims just `extracted`, else from the cache or extracted now."""
        if self.origin(stored.id) == "bundled":
            log.warning("source %s in %s is also a bundled source; the bundled one is used", stored.id, self.store.describe())
            return
        try:
            self.checker.register(stored.id, self._reader(stored.id), stored.article, stored.review_bytes, meta=stored.meta,
                                  origin="added", extracted=extracted)
        except FactcheckError as exc:      # validated when it was added: an engine change may still refuse it
            log.warning("source %s in %s not loaded: %s", stored.id, self.store.describe(), exc)
            return
        self._revisions[stored.id] = stored.revision

    def _reader(self, source_id: str):
        """How an added source's article is read again when the cache has lost its claims."""
        def read():
            stored = self.store.get(source_id)
            if stored is None:
                raise UnknownSource(f"source {source_id!r} was removed from the store")
            return stored.article, stored.review_bytes, f"the review of source {source_id!r}"
        return read


def title_of(article: str) -> str:
    """A source's title when none is given: the article's first sentence (on its first line)."""
    from ..text.sentences import split_sentences
    line = first_line(article)
    sentences = split_sentences(line)
    return first_line(sentences[0].text) if sentences else line
