import contextlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

import pytest

from factcheck.engine import Checker

pytest_plugins = ["pytester"]


def pytest_configure(config):
    # extracted references are cached on disk: in the run's own directory, never the user's
    # cache (a stale entry there must not decide a test), and inherited by the CLI's subprocesses
    config._extraction_cache = tempfile.mkdtemp(prefix="factcheck-cache-")
    os.environ["FACTCHECK_CACHE_DIR"] = config._extraction_cache
    # and the source store: the run's own (empty) one, never the user's
    os.environ["FACTCHECK_DATABASE_URL"] = os.path.join(config._extraction_cache, "sources.db")


def pytest_unconfigure(config):
    shutil.rmtree(getattr(config, "_extraction_cache", ""), ignore_errors=True)

ROOT = Path(__file__).resolve().parents[1]
DATA = Path(__file__).resolve().parent / "data"
CASES = Path(__file__).resolve().parent / "cases"


@pytest.fixture(scope="session")
def checker() -> Checker:
    return Checker.load()


def factcheck_command() -> list[str]:
    """The installed console script, as a user runs it (falls back to python -m)."""
    exe = shutil.which("factcheck", path=str(Path(sys.executable).parent)) or shutil.which("factcheck")
    return [exe] if exe else [sys.executable, "-m", "factcheck"]


@pytest.fixture(scope="session")
def cli():
    def run(*args, stdin: bytes | None = None, env=None):
        return subprocess.run(factcheck_command() + [str(a) for a in args], input=stdin, capture_output=True, env=env, timeout=300)
    return run


@contextlib.contextmanager
def live_server(app):
    """The app on a loopback port, served by werkzeug in a background thread: its base URL."""
    from werkzeug.serving import make_server
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        thread.join(timeout=10)


def report_of(stdout) -> dict:
    """The one file's report in `factcheck check --format json` output."""
    doc = json.loads(stdout)
    assert len(doc["files"]) == 1, doc["files"]
    return doc["files"][0]["report"]


def judgements(checker: Checker, text: str):
    """All judgements of the text's sentences, flattened."""
    return [j for r in checker.analyse(text) for j in r.judgements]


def outcome(checker: Checker, text: str, claim_id: str, slot: str):
    """The outcome of the rule reading `slot` for claim `claim_id` in `text` (None if not judged)."""
    for j in judgements(checker, text):
        if j.claim.id == claim_id:
            for rule, o in j.outcomes:
                if rule.slot == slot:
                    return o
    return None


def load_case(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def postgres_server():
    """A throwaway PostgreSQL server for the session (tests/postgres.py): its base URL. Skips, with
    the reason, where none can be had, so that the SQLite half of the store tests still runs."""
    try:
        import psycopg  # noqa: F401  (lazily: without it, only the PostgreSQL tests skip)
    except ImportError as e:
        pytest.skip(f"psycopg is not importable: {e}")
    from .postgres import start_server
    try:
        url, stop = start_server()
    except Exception as e:
        pytest.skip(f"no PostgreSQL server could be started: {e}")
    yield url
    stop()


@pytest.fixture
def postgres_url(postgres_server):
    """An empty database of the test's own on the session's server, dropped afterwards: its URL."""
    from .postgres import drop_database, fresh_database
    url = fresh_database(postgres_server)
    yield url
    drop_database(postgres_server, url)
