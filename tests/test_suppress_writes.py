"""`factcheck suppress` writes its file atomically: a kill, a full disk or a read-only folder
leaves the old file whole, and says so in one line with exit 2; a file it cannot read is
refused in one line, untouched."""
import json
import os
import random
import resource
import signal
import subprocess
import time

import pytest

from factcheck.suppressions import load_file

from .conftest import factcheck_command

DRAFT = "Trump held a 60-minute call with Zelensky.\n"


@pytest.fixture
def draft(tmp_path):
    path = tmp_path / "d.txt"
    path.write_text(DRAFT)
    return path


def one_line_error(run) -> str:
    err = run.stderr.decode().strip()
    assert run.returncode == 2 and "\n" not in err and "Traceback" not in err, err[-500:]
    return err


def existing_file(tmp_path, entries: int = 3):
    path = tmp_path / "supp.json"
    doc = {"suppressions": [{"claim": f"c{i}", "sentence": f"sentence {i}.", "reason": "r" * 40} for i in range(entries)]}
    path.write_text(json.dumps(doc, indent=2) + "\n")
    return path, path.read_bytes()


@pytest.mark.parametrize("content, reason", [
    (b"", "is empty"),
    (b"  \n", "is empty"),
    (b'{"suppressions": [', "Expecting value"),
    (b'{"suppressions": 1}', "is not of type 'array'"),
    (b'{"suppressions": ' + b"[" * 5000 + b"]" * 5000 + b"}", "nested more than 64 levels"),
    (b'{"suppressions": [], "description": ' + b"7" * 5000 + b"}", "4,300"),
    (b"\xff\xfe{}", "not UTF-8"),
])
def test_an_unreadable_existing_file_is_one_line_and_stays_as_it_was(cli, tmp_path, draft, content, reason):
    path = tmp_path / "supp.json"
    path.write_bytes(content)
    err = one_line_error(cli("suppress", draft, "--suppressions", path))
    assert reason in err and str(path) in err
    assert path.read_bytes() == content
    assert one_line_error(cli("check", "--suppressions", path, draft))     # check refuses it the same way


def test_a_new_file_gets_ordinary_permissions_and_an_old_one_keeps_its_own(cli, tmp_path, draft):
    new = tmp_path / "new.json"
    assert cli("suppress", draft, "--suppressions", new).returncode == 0
    umask = os.umask(0)
    os.umask(umask)
    assert new.stat().st_mode & 0o777 == 0o666 & ~umask        # not mkstemp's 0600
    old, _ = existing_file(tmp_path)
    old.chmod(0o640)
    assert cli("suppress", draft, "--suppressions", old).returncode == 0
    assert old.stat().st_mode & 0o777 == 0o640 and len(load_file(old)) == 4
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]   # no temporary file left


def test_a_full_disk_leaves_the_old_file_whole(tmp_path, draft):
    """A file-size limit makes the write fail as a full disk would (EFBIG instead of ENOSPC)."""
    path, before = existing_file(tmp_path, entries=40)

    def small_files():
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)       # fail the write, do not kill the process
        resource.setrlimit(resource.RLIMIT_FSIZE, (1024, 1024))

    run = subprocess.run(factcheck_command() + ["suppress", str(draft), "--suppressions", str(path)],
                         capture_output=True, preexec_fn=small_files, timeout=300)
    err = one_line_error(run)
    assert f"cannot write {path}" in err and "unchanged" in err
    assert path.read_bytes() == before
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into a read-only folder")
def test_a_read_only_folder_is_one_line(cli, tmp_path, draft):
    folder = tmp_path / "ro"
    folder.mkdir()
    path, before = existing_file(folder)
    folder.chmod(0o555)
    try:
        err = one_line_error(cli("suppress", draft, "--suppressions", path))
        assert "Permission denied" in err and path.read_bytes() == before
    finally:
        folder.chmod(0o755)


def test_a_missing_folder_or_a_folder_as_the_file_is_one_line(cli, tmp_path, draft):
    assert "No such file or directory" in one_line_error(cli("suppress", draft, "--suppressions", tmp_path / "no" / "s.json"))
    assert "is a directory" in one_line_error(cli("suppress", draft, "--suppressions", tmp_path))


def kill_when_writing(command, folder, path) -> None:
    """Run `command` and SIGKILL it the moment it starts writing: a temporary file appears in
    `folder`, or `path` changes."""
    before = path.stat()
    proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        while proc.poll() is None:
            now = path.stat()
            if (now.st_size, now.st_mtime_ns) != (before.st_size, before.st_mtime_ns) or any(
                    p.name.endswith(".tmp") for p in folder.iterdir()):
                proc.send_signal(signal.SIGKILL)
                break
    finally:
        proc.wait(timeout=60)


def test_killed_while_writing_the_file_always_loads(tmp_path, draft):
    """kill -9 the moment the writer starts writing, then at random moments (bench/abuse.py does
    200): the file is the old one or the new one each time, never cut, never a mix."""
    path, before = existing_file(tmp_path, entries=20_000)     # ~1.5 MB: the write takes a while
    old_count = len(load_file(path))
    command = factcheck_command() + ["suppress", str(draft), "--suppressions", str(path)]
    for _ in range(3):
        kill_when_writing(command, tmp_path, path)
        assert len(load_file(path)) in (old_count, old_count + 1)       # raises if the file were corrupt
        path.write_bytes(before)
    started = time.monotonic()
    assert subprocess.run(command, capture_output=True, timeout=300).returncode == 0
    whole_run = time.monotonic() - started
    rng = random.Random(9)
    for _ in range(5):
        path.write_bytes(before)
        proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(rng.uniform(0.6, 1.05) * whole_run)
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=60)
        assert len(load_file(path)) in (old_count, old_count + 1)


# -- two writers at once ----------------------------------------------------------------------

def _add_many(path, worker: int, count: int) -> None:
    from types import SimpleNamespace

    from factcheck.suppressions import add_to_file
    for i in range(count):
        finding = SimpleNamespace(claim=SimpleNamespace(id=f"w{worker}"), text=f"Sentence {i} of writer {worker}.")
        add_to_file(path, [finding], "concurrent")


def test_writers_at_the_same_moment_lose_nothing(tmp_path):
    """Each run reads the file, adds, and replaces it: without the lock, two runs reading the
    same old file keep only the last one's additions."""
    import multiprocessing
    path = tmp_path / "supp.json"
    context = multiprocessing.get_context("fork")
    writers = [context.Process(target=_add_many, args=(path, w, 25)) for w in range(6)]
    for p in writers:
        p.start()
    for p in writers:
        p.join(timeout=120)
        assert p.exitcode == 0
    assert len(load_file(path)) == 6 * 25


def test_a_writer_clears_what_a_killed_writer_left_and_only_that(tmp_path):
    path, _ = existing_file(tmp_path)
    left = tmp_path / ".supp.json.k1l3d_.tmp"
    left.write_text('{"suppressions": [')
    other = tmp_path / ".other.json.k1l3d_.tmp"
    other.write_text("not ours")
    _add_many(path, 0, 1)
    assert not left.exists() and other.exists()
    assert len(load_file(path)) == 4


def test_a_writer_that_cannot_get_the_lock_gives_up_in_one_line(tmp_path, monkeypatch):
    import fcntl

    from factcheck import files
    from factcheck.errors import InputError
    path, before = existing_file(tmp_path)
    monkeypatch.setattr(files, "LOCK_WAIT_S", 0.2)
    holder = os.open(tmp_path, os.O_RDONLY)
    try:
        fcntl.flock(holder, fcntl.LOCK_EX)
        with pytest.raises(InputError, match="another process has been writing"):
            _add_many(path, 0, 1)
    finally:
        os.close(holder)
    assert path.read_bytes() == before
