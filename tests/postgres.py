"""A throwaway PostgreSQL server for the tests, so that the same store tests run against SQLite
and PostgreSQL: `start_server()` gives a psycopg 3 URL and a stop function, `fresh_database()` an
empty database of a test's own on it. The fixtures that use them are in conftest.py.

FACTCHECK_TEST_DATABASE_URL names a server to use as it is (a URL, not a key=value string);
otherwise one is made from the initdb and pg_ctl on PATH or in Debian's /usr/lib/postgresql."""
import contextlib
import glob
import os
import pwd
import shlex
import shutil
import socket
import subprocess
import tempfile
import uuid
from collections.abc import Callable
from pathlib import Path
from urllib.parse import quote, urlsplit

ENV_URL = "FACTCHECK_TEST_DATABASE_URL"
TIMEOUT = 60  # seconds for initdb, and for the server to accept connections
USER = "factcheck"  # the superuser initdb makes, and the database start_server creates


class ServerError(RuntimeError):
    """Why no server could be started (or stopped)."""


def _bindir() -> Path:
    """The directory with both initdb and pg_ctl: PATH first, then Debian's, newest version first."""
    # Debian keeps them off PATH, in /usr/lib/postgresql/<version>/bin; a PATH entry may be a symlink
    # to one, and the real directory is what holds the matching `postgres` binary
    candidates = [Path(exe).resolve().parent for exe in [shutil.which("initdb")] if exe]

    def version(d: str):
        return tuple(int(p) if p.isdigit() else 0 for p in Path(d).parent.name.split("."))

    candidates += [Path(d) for d in sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=version, reverse=True)]
    for d in candidates:
        if all(os.access(d / exe, os.X_OK) for exe in ("initdb", "pg_ctl")):
            return d
    raise ServerError("no initdb and pg_ctl found on PATH or in /usr/lib/postgresql/*/bin "
                      "(on Debian: apt-get install postgresql)")


def _free_port() -> int:
    # no TCP is used (listen_addresses=''), but the port names the socket file, so take a free one
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _tail(path: Path, lines: int = 20) -> str:
    if not path.exists():
        return "(none: the server was not started)"  # initdb's own failures are in its output
    try:
        return "\n".join(path.read_text(errors="replace").splitlines()[-lines:]) or "(empty)"
    except OSError as e:
        return f"(unreadable: {e})"


def start_server() -> tuple[str, Callable[[], None]]:
    """Start a throwaway server: its URL (database `factcheck`) and a function that stops it and
    removes its files. Raises ServerError saying why when it cannot."""
    if os.environ.get(ENV_URL):
        return os.environ[ENV_URL], lambda: None  # someone else's server: not ours to stop
    bindir = _bindir()
    # PostgreSQL refuses to run as root: then initdb, pg_ctl and the server run as `postgres`
    as_user = []
    if os.geteuid() == 0:
        try:
            owner = pwd.getpwnam("postgres")
        except KeyError:
            raise ServerError("running as root, and there is no `postgres` user to run the server as") from None
        if not shutil.which("runuser"):
            raise ServerError("running as root, and there is no runuser to run the server as `postgres`")
        as_user = ["runuser", "-u", "postgres", "--"]
    # in /tmp, not $TMPDIR: a socket's path must stay under 108 bytes, and under root $TMPDIR may
    # be a directory the postgres user cannot enter; the directory holds data, socket and log
    tmp = Path(tempfile.mkdtemp(prefix="factcheck-pg-", dir="/tmp" if os.path.isdir("/tmp") else None))
    if as_user:
        os.chown(tmp, owner.pw_uid, owner.pw_gid)  # mkdtemp's mode 0700 then lets root and postgres in
    data, log, port = tmp / "data", tmp / "server.log", _free_port()

    def run(*args: str, timeout: float = TIMEOUT) -> None:
        cmd = as_user + [str(bindir / args[0]), *args[1:]]
        try:
            # cwd=tmp: the postgres user may not be allowed into the caller's working directory
            done = subprocess.run(cmd, cwd=tmp, capture_output=True, text=True, timeout=timeout)
        except subprocess.TimeoutExpired:
            raise ServerError(f"{args[0]} took longer than {TIMEOUT} s; server log:\n{_tail(log)}") from None
        if done.returncode:
            raise ServerError(f"{args[0]} failed (exit {done.returncode}): {(done.stderr or done.stdout).strip()}"
                              f"\nserver log:\n{_tail(log)}")

    def stop() -> None:
        try:
            if (data / "postmaster.pid").exists():
                run("pg_ctl", "-D", str(data), "-m", "immediate", "stop")
        finally:
            shutil.rmtree(tmp, ignore_errors=True)

    try:
        # trust: the only way in is the socket in our own 0700 directory; --no-sync: throwaway data
        run("initdb", "-D", str(data), "-A", "trust", "-U", USER, "-E", "UTF8", "--locale=C", "--no-sync")
        # -o goes through a shell, hence the quoting; fsync=off: nothing here needs to survive a crash
        options = f"-c listen_addresses='' -k {shlex.quote(str(tmp))} -p {port} -c fsync=off"
        run("pg_ctl", "-w", "-t", str(TIMEOUT), "-D", str(data), "-l", str(log), "-o", options, "start",
            timeout=TIMEOUT + 10)
        url = f"postgresql://{USER}@/{USER}?host={quote(str(tmp))}&port={port}"
        _create(_with_database(url, "postgres"), USER)
    except BaseException:
        with contextlib.suppress(ServerError):  # the first failure is the one to report
            stop()
        raise
    return url, stop


def _with_database(url: str, name: str) -> str:
    # by hand: urlunsplit drops the // of an empty host ("postgresql:///db" would become "postgresql:/db")
    u = urlsplit(url)
    return f"{u.scheme}://{u.netloc}/{name}" + (f"?{u.query}" if u.query else "")


def _create(url: str, name: str) -> None:
    import psycopg  # lazily: the module imports, and the fixtures skip, without it
    from psycopg import sql
    # autocommit: CREATE and DROP DATABASE cannot run inside a transaction
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))


def fresh_database(base_url: str) -> str:
    """A new, empty database on base_url's server, named uniquely: its URL."""
    name = f"test_{uuid.uuid4().hex}"
    _create(base_url, name)
    return _with_database(base_url, name)


def drop_database(base_url: str, url: str) -> None:
    """Drop the database of `url` (from fresh_database), connected through base_url's database."""
    import psycopg
    from psycopg import sql
    name = urlsplit(url).path.lstrip("/")
    with psycopg.connect(base_url, autocommit=True) as conn:
        # FORCE: a connection the test left open must not keep the database alive (PostgreSQL 13+)
        conn.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))
