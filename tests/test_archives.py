"""Archives: one JSON line per input, in order, in one process or several, and on a Dask cluster."""
import io
import json
from pathlib import Path

import pytest

from factcheck.batch import Options, Record, check_all, check_record, read_lines

ROOT = Path(__file__).resolve().parents[1]
TEXTS = [json.loads(p.read_text())["text"] for p in sorted((ROOT / "tests" / "cases").glob("*.json"))] + \
    [json.loads(p.read_text())["text"] for p in sorted((ROOT / "tests" / "refs").glob("*/cases/*.json"))]


@pytest.fixture()
def archive(tmp_path):
    path = tmp_path / "archive.jsonl"
    lines = [json.dumps({"id": i, "text": TEXTS[i]}) for i in range(6)]
    lines.insert(3, "{not json")
    lines.insert(5, json.dumps({"id": "no text"}))
    path.write_bytes("\n".join(lines).encode() + b"\n\xff\xfe\n\n")       # the last line: not UTF-8
    (tmp_path / "draft.txt").write_text("Vance will hold talks with Putin in Germany.\n")
    return path


def test_every_input_gives_one_line_in_order(cli, archive):
    run = cli("check", "--format", "jsonl", archive, archive.parent / "draft.txt")
    lines = [json.loads(x) for x in run.stdout.decode().splitlines()]
    assert [x.get("id", x.get("file")) for x in lines] == [0, 1, 2, f"{archive}:4", 3, "no text", 4, 5, f"{archive}:9",
                                                            str(archive.parent / "draft.txt")]
    errors = {x["id"]: x["error"] for x in lines if "error" in x}
    assert "not JSON" in errors[f"{archive}:4"] and '"text"' in errors["no text"]
    assert lines[-1]["summary"]["contradictions"] == 1 and lines[0]["reference"] == "seed-article"
    assert run.returncode == 2                        # a line failed: said in the exit code, the rest still checked


def test_two_processes_give_the_same_lines(cli, archive):
    one = cli("check", "--format", "jsonl", archive)
    two = cli("check", "--format", "jsonl", "--jobs", "2", archive)
    assert one.stdout == two.stdout and one.returncode == two.returncode


def test_json_lines_on_standard_input(cli, archive):
    run = cli("check", "--format", "jsonl", "--lines", "--fail-on", "never", "-", stdin=archive.read_bytes())
    assert [json.loads(x).get("id") for x in run.stdout.decode().splitlines()][:3] == [0, 1, 2]


@pytest.mark.parametrize("args, message", [
    (["--jobs", "2"], "--jobs needs --format jsonl"),
    (["--lines"], "needs --format jsonl"),
    (["--format", "jsonl", "--jobs", "0"], "must be at least 1"),
])
def test_archive_options_misused_are_one_line_errors(cli, archive, args, message):
    run = cli("check", *args, archive.parent / "draft.txt")
    assert run.returncode == 2 and message in run.stderr.decode() and "Traceback" not in run.stderr.decode()


def test_records_stream_through_the_pool(checker):
    """The pool takes records as it needs them: a generator of records is never read whole first."""
    read = []

    def records():
        for i in range(100):
            read.append(i)
            yield Record(("id", i), TEXTS[i % len(TEXTS)])
    out = check_all(records(), Options(), 2, checker)
    first = json.loads(next(out).json)
    assert first["id"] == 0 and len(read) <= 2 * 4 * 8 + 8
    assert [json.loads(x.json)["id"] for x in out] == list(range(1, 100))


def test_a_bad_line_does_not_stop_the_file():
    lines = [b'\xef\xbb\xbf{"id": 1, "text": "a"}\n', b"\xff\n", b'{"id": 2, "text": "b"}\n', b'{"id": true, "text": "c"}\n',
             b'{"id": 1.5, "text": "d"}\n', b'{"text": "e", "n": ' + b"9" * 5000 + b'}\n', b"[" * 200_000 + b"\n",
             b'{"text": "' + b"a" * 5000 + b'"}\n', b'{"id": 3, "text": "after"}']
    got = list(read_lines("x.jsonl", io.BytesIO(b"".join(lines)), 1000))
    assert [r.key for r in got] == [("id", 1), ("id", "x.jsonl:2"), ("id", 2), ("id", "x.jsonl:4"), ("id", 1.5),
                                    ("id", "x.jsonl:6"), ("id", "x.jsonl:7"), ("id", "x.jsonl:8"), ("id", 3)]
    errors = [r.error for r in got]
    assert "UTF-8" in errors[1] and errors[3].endswith('"id" must be a string or a number')
    assert errors[5] == errors[6].replace("7", "6") == "line 6 is over 1,000 bytes (--max-bytes)" and got[8].text == "after"
    deep = list(read_lines("y.jsonl", io.BytesIO(b"".join(lines[5:7])), 10**6))       # within the limit: still not JSON
    assert [r.error.split(" (")[0] for r in deep] == ["line 1: not JSON", "line 2: not JSON"]


def test_a_bug_in_one_check_is_an_error_line_and_the_rest_go_on(checker, monkeypatch):
    real = type(checker).check

    def check(self, text, **kwargs):
        if text == "bug":
            raise KeyError("boom")
        return real(self, text, **kwargs)
    monkeypatch.setattr(type(checker), "check", check)
    records = [Record(("id", i), "bug" if i == 1 else TEXTS[i]) for i in range(3)]
    for jobs in (1, 2):
        lines = [json.loads(x.json) for x in check_all(iter(records), Options(), jobs, checker)]
        assert [x["id"] for x in lines] == [0, 1, 2] and lines[1]["error"].startswith("internal error (KeyError")


def test_a_checking_process_that_dies_is_an_error_not_a_hang(checker, monkeypatch):
    import os

    from factcheck.errors import FactcheckError
    real = type(checker).check

    def check(self, text, **kwargs):
        if text == "die":
            os._exit(9)                              # as the OOM killer would
        return real(self, text, **kwargs)
    monkeypatch.setattr(type(checker), "check", check)
    records = [Record(("id", i), "die" if i == 20 else TEXTS[i]) for i in range(40)]
    with pytest.raises(FactcheckError, match="a checking process died"):
        list(check_all(iter(records), Options(), 2, checker))


def test_a_dask_cluster_gives_the_single_process_lines(checker):
    """The issue's test: a local two-worker cluster over 1,000 articles, results equal to one process's."""
    distributed = pytest.importorskip("distributed")
    from factcheck.dask_check import check_on_cluster
    texts = [(i, TEXTS[i % len(TEXTS)]) for i in range(1000)]
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0") as cluster, \
            distributed.Client(cluster) as client:
        got = check_on_cluster(client, texts)
        assert len(client.scheduler_info()["workers"]) == 2
    assert got == [check_record(checker, Record(("id", i), text), Options()) for i, text in texts]


def test_min_severity_decides_the_exit_code_as_in_json(cli, tmp_path):
    draft = tmp_path / "new.txt"
    draft.write_text("The mayor of Lisbon opened a bridge on Tuesday.\n")
    for fmt in ("json", "jsonl"):
        run = cli("check", "--format", fmt, "--fail-on", "new_claim", "--min-severity", "error", draft)
        assert run.returncode == 0, (fmt, run.stdout[:300])
        run = cli("check", "--format", fmt, "--fail-on", "new_claim", draft)
        assert run.returncode == 1, fmt
