"""The store of added sources: SQLite (the embedded default) or PostgreSQL (for replicas), one schema.

A source added with `factcheck sources add` or POST /v1/sources is a row: its article, its
metadata, an editor's review of its claims if any, and how many claims it had when it was
added. Its claims are extracted again from the article (and cached, frames/store.py), so a
newer engine reads old sources with its own analysis.

Every write is one transaction: a kill at any point leaves the row as it was or as it was
written, never half of it. Every write also appends to `factcheck_changes`, whose last number
is the store's generation: a replica that sees it move reads the list again (Catalog.sync).
Connections are opened per operation: the service forks its workers after loading, and a
connection must not cross a fork.
"""
from __future__ import annotations

import contextlib
import datetime
import hashlib
import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

from ..errors import FactcheckError, InputError
from ..models import SourceMeta

_COLUMNS = ("id", "title", "outlet", "published", "url", "article", "article_sha256", "review", "claims",
            "added_at", "added_by", "revision")
_TABLES = {
    "sqlite": [
        """CREATE TABLE IF NOT EXISTS factcheck_sources (
             id TEXT PRIMARY KEY, title TEXT NOT NULL, outlet TEXT, published TEXT, url TEXT,
             article TEXT NOT NULL, article_sha256 TEXT NOT NULL, review TEXT, claims INTEGER NOT NULL,
             added_at TEXT NOT NULL, added_by TEXT NOT NULL, revision INTEGER NOT NULL)""",
        """CREATE TABLE IF NOT EXISTS factcheck_changes (
             seq INTEGER PRIMARY KEY AUTOINCREMENT, source_id TEXT NOT NULL, action TEXT NOT NULL,
             at TEXT NOT NULL, by TEXT NOT NULL)""",
    ],
    "postgresql": [
        """CREATE TABLE IF NOT EXISTS factcheck_sources (
             id TEXT PRIMARY KEY, title TEXT NOT NULL, outlet TEXT, published TEXT, url TEXT,
             article TEXT NOT NULL, article_sha256 TEXT NOT NULL, review TEXT, claims INTEGER NOT NULL,
             added_at TEXT NOT NULL, added_by TEXT NOT NULL, revision BIGINT NOT NULL)""",
        """CREATE TABLE IF NOT EXISTS factcheck_changes (
             seq BIGSERIAL PRIMARY KEY, source_id TEXT NOT NULL, action TEXT NOT NULL,
             at TEXT NOT NULL, by TEXT NOT NULL)""",
    ],
}


class StoreError(FactcheckError):
    """The source store cannot be opened, read or written."""


class SourceExists(InputError):
    """A source with this id is already there (HTTP 409)."""


class NoSuchSource(InputError):
    """No added source has this id (HTTP 404)."""


@dataclass(frozen=True)
class StoredSource:
    """One added source as the store holds it."""

    meta: SourceMeta
    article: str
    review: str | None          # the review file's JSON, as given
    claims: int                 # its claim count when it was added
    added_at: str
    added_by: str
    revision: int               # the change that wrote it: a replica reloads a source whose revision moved

    @property
    def id(self) -> str:
        return self.meta.id

    @property
    def review_bytes(self) -> bytes:
        """The review as the extraction's cache key and reader take it (b"" when none)."""
        return (self.review or "").encode("utf-8", "surrogatepass")


def default_database() -> str | None:
    """FACTCHECK_DATABASE_URL, else an SQLite file in $XDG_DATA_HOME/factcheck (~/.local/share/factcheck);
    None when there is no home to put it in (a container's arbitrary user): then no store."""
    url = os.environ.get("FACTCHECK_DATABASE_URL")
    if url:
        return url
    base = os.environ.get("XDG_DATA_HOME")
    if not base:
        try:
            base = str(Path.home() / ".local" / "share")
        except RuntimeError:
            return None
    return str(Path(base) / "factcheck" / "sources.db")


def open_store(url: str) -> SourceStore:
    """The store at `url`: postgresql://... (or postgres://), sqlite:///PATH, or a plain file path."""
    scheme = urlsplit(url).scheme.lower()
    if scheme in ("postgresql", "postgres"):
        return SourceStore("postgresql", url)
    if scheme == "sqlite":
        # as SQLAlchemy reads them: sqlite:///sources.db is relative, sqlite:////var/lib/sources.db absolute
        parts = urlsplit(url)
        path = unquote(parts.path[1:] if parts.path.startswith("/") else parts.path)
        if parts.netloc or not path:
            raise StoreError("an sqlite URL names a file: sqlite:///relative/sources.db or sqlite:////absolute/sources.db")
        return SourceStore("sqlite", path)
    if scheme and len(scheme) > 1:
        raise StoreError(f"unknown database URL scheme {scheme!r}: use postgresql://... or sqlite:///PATH")
    return SourceStore("sqlite", url)


class SourceStore:
    """Added sources in SQLite or PostgreSQL; every method opens its own connection."""

    def __init__(self, dialect: str, target: str):
        self.dialect = dialect
        self.target = target          # the SQLite file's path, or the PostgreSQL URL

    def __repr__(self) -> str:
        return f"SourceStore({self.describe()})"

    def describe(self) -> str:
        """Where the store is, without a password."""
        if self.dialect == "sqlite":
            return f"sqlite:{self.target}"
        parts = urlsplit(self.target)
        query = dict(p.split("=", 1) for p in parts.query.split("&") if "=" in p)
        host = parts.hostname or unquote(query.get("host", ""))
        port = parts.port or query.get("port")
        return f"postgresql://{parts.username + '@' if parts.username else ''}{host}{':' + str(port) if port else ''}{parts.path}"

    # --- reading -----------------------------------------------------------------------------

    def exists(self) -> bool:
        """Whether there is a store to read: an SQLite file is only made by the first write."""
        if self.dialect != "sqlite":
            return True
        path = Path(self.target)
        if path.exists() and not path.is_file():
            raise StoreError(f"{self.describe()} is not a file")
        return path.is_file()

    def list(self) -> list[StoredSource]:
        return [self._row(r) for r in self._read(f"SELECT {', '.join(_COLUMNS)} FROM factcheck_sources ORDER BY id")]

    def revisions(self) -> dict[str, int]:
        """Each source's id and revision: what a replica compares to know what changed."""
        return dict(self._read("SELECT id, revision FROM factcheck_sources"))

    def get(self, source_id: str) -> StoredSource | None:
        rows = self._read(f"SELECT {', '.join(_COLUMNS)} FROM factcheck_sources WHERE id = ?", (source_id,))
        return self._row(rows[0]) if rows else None

    def generation(self) -> int:
        """The number of the last change: it moves whenever a source is added, replaced or removed."""
        rows = self._read("SELECT COALESCE(MAX(seq), 0) FROM factcheck_changes")
        return int(rows[0][0]) if rows else 0

    def changes(self, limit: int = 100) -> list[dict]:
        """The last changes, newest first: who added or removed which source, and when."""
        rows = self._read("SELECT seq, source_id, action, at, by FROM factcheck_changes ORDER BY seq DESC LIMIT ?", (limit,))
        return [dict(zip(("seq", "source", "action", "at", "by"), r)) for r in rows]

    # --- writing -----------------------------------------------------------------------------

    def add(self, meta: SourceMeta, article: str, review: str | None, claims: int, by: str,
            replace: bool = False) -> StoredSource:
        """Add a source, validated first, in one transaction; SourceExists if the id is taken
        (unless `replace`, which replaces it whole)."""
        meta = SourceMeta.model_validate(meta.model_dump())
        if not article.strip():
            raise InputError(f"source {meta.id!r}: the article is empty")
        now = _now()
        digest = hashlib.sha256(article.encode("utf-8", "surrogatepass")).hexdigest()
        with self._transaction() as cur:
            taken = self._one(cur, "SELECT revision FROM factcheck_sources WHERE id = ?", (meta.id,))
            if taken is not None and not replace:
                raise SourceExists(f"a source {meta.id!r} is already in the store; remove it first, or replace it (--force)")
            revision = self._log(cur, meta.id, "replaced" if taken is not None else "added", now, by)
            values = (meta.id, meta.title, meta.outlet, meta.published, meta.url, article, digest, review, claims,
                      now, by, revision)
            if taken is not None:
                self._execute(cur, f"UPDATE factcheck_sources SET {', '.join(c + ' = ?' for c in _COLUMNS[1:])} WHERE id = ?",
                              values[1:] + (meta.id,))
            else:
                self._execute(cur, f"INSERT INTO factcheck_sources ({', '.join(_COLUMNS)}) VALUES ({', '.join('?' * len(_COLUMNS))})",
                              values, unique=meta.id)
        return StoredSource(meta, article, review, claims, now, by, revision)

    def remove(self, source_id: str, by: str) -> None:
        with self._transaction() as cur:
            if self._one(cur, "SELECT revision FROM factcheck_sources WHERE id = ?", (source_id,)) is None:
                raise NoSuchSource(f"no added source {source_id!r} in the store")
            self._execute(cur, "DELETE FROM factcheck_sources WHERE id = ?", (source_id,))
            self._log(cur, source_id, "removed", _now(), by)

    # --- the two databases -------------------------------------------------------------------

    def _connect(self, read_only: bool = False):
        if self.dialect == "sqlite":
            if read_only:
                return sqlite3.connect(f"file:{Path(self.target).resolve()}?mode=ro&immutable=1", uri=True)
            # autocommit off by hand: each write is BEGIN IMMEDIATE ... COMMIT, taking the write
            # lock at once so that two writers queue instead of failing half-way
            conn = sqlite3.connect(self.target, timeout=30, isolation_level=None)
            conn.execute("PRAGMA busy_timeout = 30000")
            conn.execute("PRAGMA synchronous = FULL")
            return conn
        try:
            import psycopg
        except ImportError:
            raise StoreError("FACTCHECK_DATABASE_URL names PostgreSQL, which needs psycopg: "
                             "pip install 'factcheck-claimdiff[postgres]'") from None
        try:
            return psycopg.connect(self.target, connect_timeout=10)
        except psycopg.Error as exc:
            raise StoreError(f"cannot connect to {self.describe()}: {str(exc).strip().splitlines()[0]}") from None

    def _sql(self, query: str) -> str:
        return query.replace("?", "%s") if self.dialect == "postgresql" else query

    def _read(self, query: str, params: tuple = ()) -> list[tuple]:
        if not self.exists():
            return []
        try:
            return self._query(query, params, read_only=False)
        except sqlite3.OperationalError as exc:
            if "unable to open" not in str(exc) and "readonly" not in str(exc):
                raise StoreError(f"cannot read {self.describe()}: {exc}") from None
            try:                   # a folder this process cannot write: read the file as it is
                return self._query(query, params, read_only=True)
            except sqlite3.Error as again:
                raise StoreError(f"cannot read {self.describe()}: {again}") from None

    def _query(self, query: str, params: tuple, read_only: bool) -> list[tuple]:
        conn = self._connect(read_only)
        try:
            return list(conn.execute(self._sql(query), params).fetchall())
        except sqlite3.OperationalError as exc:
            if _missing_table(exc):
                return []          # a store nothing was ever written to
            raise
        except sqlite3.Error as exc:
            raise StoreError(f"cannot read {self.describe()}: {exc}") from None
        except Exception as exc:
            if _missing_table(exc):
                return []
            raise StoreError(f"cannot read {self.describe()}: {str(exc).strip().splitlines()[0]}") from None
        finally:
            conn.close()

    @contextlib.contextmanager
    def _transaction(self):
        if self.dialect == "sqlite":
            folder = Path(self.target).parent
            try:
                folder.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise StoreError(f"cannot create {folder} for the source store: {exc.strerror or exc}") from None
        if self.dialect == "sqlite":
            self.exists()          # a folder in the file's place is an error, not a store
        try:
            conn = self._connect()
        except sqlite3.Error as exc:
            raise StoreError(f"cannot open {self.describe()}: {exc}") from None
        try:
            if self.dialect == "sqlite":
                conn.execute("PRAGMA journal_mode = WAL")     # readers never wait for a writer
                conn.execute("BEGIN IMMEDIATE")
                cur = conn.cursor()
            else:
                conn.autocommit = False
                cur = conn.cursor()
                # two first writers must not both create the tables (CREATE ... IF NOT EXISTS races in PostgreSQL)
                cur.execute("SELECT pg_advisory_xact_lock(7361525)")
            for ddl in _TABLES[self.dialect]:
                cur.execute(ddl)
            yield cur
            conn.commit()
        except FactcheckError:
            conn.rollback()
            raise
        except Exception as exc:
            conn.rollback()
            raise StoreError(f"cannot write {self.describe()}: {str(exc).strip().splitlines()[0]}") from None
        finally:
            conn.close()

    def _execute(self, cur, query: str, params: tuple, unique: str | None = None) -> None:
        try:
            cur.execute(self._sql(query), params)
        except Exception as exc:
            if unique is not None and _unique_violation(exc):
                raise SourceExists(f"a source {unique!r} is already in the store (added at the same time)") from None
            raise

    def _one(self, cur, query: str, params: tuple):
        cur.execute(self._sql(query), params)
        row = cur.fetchone()
        return row[0] if row else None

    def _log(self, cur, source_id: str, action: str, at: str, by: str) -> int:
        cur.execute(self._sql("INSERT INTO factcheck_changes (source_id, action, at, by) VALUES (?, ?, ?, ?) RETURNING seq"),
                    (source_id, action, at, by))
        return int(cur.fetchone()[0])

    @staticmethod
    def _row(row: tuple) -> StoredSource:
        r = dict(zip(_COLUMNS, row))
        meta = SourceMeta.model_construct(id=r["id"], title=r["title"], outlet=r["outlet"], published=r["published"], url=r["url"])
        return StoredSource(meta, r["article"], r["review"], int(r["claims"]), r["added_at"], r["added_by"], int(r["revision"]))


def _now() -> str:
    return datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds").replace("+00:00", "Z")


def _missing_table(exc: Exception) -> bool:
    return "no such table" in str(exc) or type(exc).__name__ == "UndefinedTable"


def _unique_violation(exc: Exception) -> bool:
    return isinstance(exc, sqlite3.IntegrityError) or type(exc).__name__ == "UniqueViolation"
