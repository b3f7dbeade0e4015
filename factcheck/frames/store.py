"""Many extracted references: which of them a text is about, found through one index, and each
reference's claims read from a cache on disk only when a text is about it.

A newsroom's references pile up: thousands of articles, a hundred thousand claims. Checking a
text against each in turn costs time in proportion to the store, and holding every claim's
frame costs memory in proportion to it. So the store keeps, for every reference, only the keys
its claims are found by (names, places, lemmas, values) in one inverted index, ranks the
references a text shares the rarest keys with, and checks it against the best few. A
reference's claims are extracted once per content, engine and rules (the cache key) and kept
as a pickle in the cache directory; the few in use stay in memory.

The cache directory is the user's own (FACTCHECK_CACHE_DIR, else $XDG_CACHE_HOME/factcheck,
else ~/.cache/factcheck): pickles are only ever read from there. When it cannot be written,
every reference is held in memory instead, as before.
"""
from __future__ import annotations

import hashlib
import heapq
import math
import os
import pickle
import re
import threading
from collections import OrderedDict
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from .. import __version__
from ..errors import InputError
from ..files import write_atomically
from ..text.tokens import fold
from .english import English, lemma_of
from .extract import FrameReference

_CODE = Path(__file__).resolve().parents[1]
LOADED = 64                 # references whose claims stay in memory at once
CANDIDATES = 3              # references a text is fully checked against, at most
CLOSE = 0.5                 # ... those ranked at least this share of the best one's score
COMMON = 64                 # a term more references share than this is skipped: the rarer ones decide,
                            # and a text's cost stays under (its terms x COMMON) whatever the store's size


def default_cache_dir() -> Path | None:
    """FACTCHECK_CACHE_DIR, else $XDG_CACHE_HOME/factcheck, else ~/.cache/factcheck; None when
    there is no home to put it in (a container's arbitrary user): then no cache."""
    env = os.environ.get("FACTCHECK_CACHE_DIR")
    if env:
        return Path(env)
    base = os.environ.get("XDG_CACHE_HOME")
    if not base:
        try:
            base = str(Path.home() / ".cache")
        except RuntimeError:
            return None
    return Path(base) / "factcheck"


def engine_fingerprint(rules_dir: Path) -> str:
    """What an extraction depends on besides the article: this version's analysis code (and the
    modules it reads data with), the lemmatiser's and Python's versions, and the rules' data."""
    import sys
    from importlib.metadata import version
    digest = hashlib.sha256(f"{__version__}\0{sys.version}\0{version('lemminflect')}".encode())
    code = [_CODE / name for name in ("lexicon.py", "loader.py", "models.py", "schemas.py")]
    for path in sorted(_CODE.joinpath("frames").glob("*.py")) + sorted(_CODE.joinpath("text").glob("*.py")) + code + \
            sorted(rules_dir.rglob("*.json")) + sorted(rules_dir.rglob("*.tsv")):
        digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()[:16]


@dataclass(frozen=True)
class StoredSource:
    id: str
    key: str                # the cache key: engine, source id, article and review file
    terms: frozenset[str]   # what its article is found by (search_terms)
    claims: int             # how many claims it has
    checked: bool = True    # False: a reference with hand-written claims, only ranked here


@dataclass(frozen=True)
class Candidates:
    hand_first: bool              # a reference with hand-written claims ranks first
    checked: list[str]            # the references checked here a text goes to: the best of them and those close to it
    near_first: list[str]         # ... those close to the first of all (a hand-claimed one, perhaps)


class ExtractionCache:
    """Extracted references on disk, one pickle per cache key, written atomically."""

    def __init__(self, directory: Path | None):
        self.directory = directory
        if directory is not None:
            try:
                directory.mkdir(parents=True, exist_ok=True)
                probe = directory / f".probe-{os.getpid()}"
                probe.write_bytes(b"")
                probe.unlink()
            except OSError:
                self.directory = None       # read-only or missing: references stay in memory

    @property
    def enabled(self) -> bool:
        return self.directory is not None

    def get(self, key: str) -> FrameReference | None:
        got = self._read(f"{key}.pickle")
        return got if isinstance(got, FrameReference) else None

    def terms(self, key: str) -> tuple[int, frozenset[str]] | None:
        """(claim count, search terms) of a cached reference, without reading its claims."""
        got = self._read(f"{key}.terms.pickle")
        return got if isinstance(got, tuple) and len(got) == 2 else None

    def put(self, key: str, ref: FrameReference, terms: frozenset[str]) -> None:
        # the claims first: a terms file is only ever there with its reference
        self._write(f"{key}.pickle", ref)
        self._write(f"{key}.terms.pickle", (len(ref.claims), terms))

    def _read(self, name: str):
        if self.directory is None:
            return None
        try:
            with open(self.directory / name, "rb") as fh:
                return pickle.load(fh)
        except Exception:           # missing, truncated or stale: extract again and overwrite it
            return None

    def _write(self, name: str, value) -> None:
        if self.directory is None:
            return
        try:    # atomic, not durable: a cache entry lost in a power cut is only extracted again
            write_atomically(self.directory / name, pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL), durable=False)
        except InputError:
            pass


_WORD = re.compile(r"[^\W_]+")


def search_terms(text: str, english: English) -> set[str]:
    """The words a text is found by: the lemma of every word that is not a function word, names
    and figures as written. Both sides of the search read them the same way, in one pass over
    the text (a fraction of what the analysis costs)."""
    skip = english.function_words
    return {lemma_of(w)[0] for w in _WORD.findall(fold(text)) if w not in skip and (len(w) > 2 or w.isdigit())}


class FrameStore:
    """Every extracted reference, found through one index of their claims' keys."""

    def __init__(self, cache: ExtractionCache, make: Callable[[str], tuple[FrameReference, str]],
                 english: Callable[[], English] | None = None):
        self.cache = cache
        self._make = make                      # source id -> (its reference extracted and reviewed, its cache key)
        self._english = english                # loaded when the first reference is, not before
        self.sources: dict[str, StoredSource] = {}
        self._held: dict[str, FrameReference] = {}        # when there is no cache: every reference
        self._loaded: OrderedDict[str, FrameReference] = OrderedDict()
        self._lock = threading.Lock()
        # (postings: term -> reference numbers, the references' ids by number), built on first use
        # and replaced whole, so a thread reading it never sees one half new and one half old
        self._index_built: tuple[dict[str, list[int]], list[str]] | None = None
        self._checked: list[str] | None = None     # the checked references' ids, sorted (made once per change)

    @property
    def ids(self) -> list[str]:
        """The ids of the references checked here, sorted (not the hand-claimed ones only ranked)."""
        if self._checked is None:
            self._checked = sorted(sid for sid, s in list(self.sources.items()) if s.checked)
        return self._checked

    @property
    def english(self) -> English:
        return self._english()

    def __len__(self) -> int:
        return len(self.ids)

    def __contains__(self, source_id: str) -> bool:
        source = self.sources.get(source_id)
        return source is not None and source.checked

    def __iter__(self):
        return iter(self.ids)

    def add(self, source_id: str, key: str, extracted: FrameReference | None = None) -> None:
        """Register a reference under its cache key (again: replacing it): its search terms from
        the cache when it has them (the claims are read later, when a text is about it), else
        from its claims when they were just `extracted`, else extracted now."""
        cached = None if extracted is not None else self.cache.terms(key)
        ref = None
        if cached is None:
            ref, read = (extracted, key) if extracted is not None else self._make(source_id)
            cached = len(ref.claims), frozenset(search_terms(ref.article, self.english))
            if read == key:                    # not edited since the key was made
                self.cache.put(key, ref, cached[1])
        self._set(source_id, StoredSource(source_id, key, cached[1], cached[0]))
        if ref is not None:
            if self.cache.enabled:
                self._remember(source_id, ref)
            else:
                self._held[source_id] = ref

    def add_ranked(self, source_id: str, article: str, claims: int) -> None:
        """A reference whose claims were written by hand: ranked with the others, so that a text
        goes to whichever it is about, but never checked here."""
        self._set(source_id, StoredSource(source_id, "", frozenset(search_terms(article, self.english)), claims, False))

    def remove(self, source_id: str) -> None:
        self._set(source_id, None)
        self._held.pop(source_id, None)

    def _set(self, source_id: str, source: StoredSource | None) -> None:
        """Change one entry. A reference being replaced is dropped from memory; the index and
        the id list are made again on next use (threads reading the old ones keep them whole)."""
        with self._lock:
            self._loaded.pop(source_id, None)
        if source is None:
            self.sources.pop(source_id, None)
        else:
            self.sources[source_id] = source
        self._index_built, self._checked = None, None

    def get(self, source_id: str) -> FrameReference:
        held = self._held.get(source_id)
        if held is not None:
            return held
        with self._lock:
            got = self._loaded.get(source_id)
            if got is not None:
                self._loaded.move_to_end(source_id)
                return got
        stored = self.sources[source_id]
        got = self.cache.get(stored.key)
        if got is None:                        # the cache was cleared under us
            got, read = self._make(source_id)
            if read == stored.key:             # an article edited since start-up is not cached as the old one
                self.cache.put(stored.key, got, stored.terms)
        self._remember(source_id, got)
        return got

    def _remember(self, source_id: str, ref: FrameReference) -> None:
        with self._lock:
            self._loaded[source_id] = ref
            self._loaded.move_to_end(source_id)
            while len(self._loaded) > LOADED:
                self._loaded.popitem(last=False)

    def _index(self) -> tuple[dict[str, list[int]], list[str]]:
        built = self._index_built
        if built is None:
            sources = dict(self.sources)          # one copy: a source added meanwhile waits for the next index
            ids = sorted(sources)
            postings: dict[str, list[int]] = {}
            for n, sid in enumerate(ids):
                for k in sources[sid].terms:
                    postings.setdefault(k, []).append(n)
            built = self._index_built = (postings, ids)
        return built

    def ranked(self, text: str, limit: int = CANDIDATES + 1) -> list[tuple[float, str]]:
        """The references sharing search terms with a text, best first: each shared term counts
        by how few references have it (a name or a figure tells more than "said"); terms more
        than COMMON references share are skipped, so the cost does not grow with the store."""
        keys = search_terms(text, self.english)
        postings, ids = self._index()
        if not ids:
            return []
        total = len(ids)
        scores: dict[int, float] = {}
        for k in keys:
            hits = postings.get(k)
            if not hits or len(hits) > COMMON:
                continue
            w = math.log(1 + total / len(hits))
            for n in hits:
                scores[n] = scores.get(n, 0.0) + w
        best = heapq.nsmallest(limit, ((-s, ids[n]) for n, s in scores.items()))
        return [(-s, sid) for s, sid in best]

    def candidates(self, text: str) -> Candidates:
        """Which references the text is about, as the index ranks them."""
        hand = len(self.sources) - len(self.ids)
        ranked = self.ranked(text, limit=CANDIDATES + hand + 1)
        if not ranked:
            return Candidates(False, [], [])
        sources = self.sources
        first = sources.get(ranked[0][1])
        top = ranked[0][0]
        checked = [(s, sid) for s, sid in ranked if sid in sources and sources[sid].checked][:CANDIDATES]
        best = checked[0][0] if checked else 0.0
        return Candidates(first is not None and not first.checked, [sid for s, sid in checked if s >= CLOSE * best],
                          [sid for s, sid in checked if s >= CLOSE * top])
