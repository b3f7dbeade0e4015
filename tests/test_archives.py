"""Archives: one JSON line per input, in order, in one process or several, and on a Dask cluster."""
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
    lines.append(b"\xff\xfe".decode("latin-1"))
    path.write_text("\n".join(lines) + "\n\n", encoding="utf-8")
    (tmp_path / "draft.txt").write_text("Vance will hold talks with Putin in Germany.\n")
    return path


def test_every_input_gives_one_line_in_order(cli, archive):
    run = cli("check", "--format", "jsonl", archive, archive.parent / "draft.txt")
    lines = [json.loads(x) for x in run.stdout.decode().splitlines()]
    assert [x.get("id", x.get("file")) for x in lines] == [0, 1, 2, f"{archive}:4", 3, f"{archive}:6", 4, 5, f"{archive}:9",
                                                            str(archive.parent / "draft.txt")]
    errors = {x["id"]: x["error"] for x in lines if "error" in x}
    assert "not JSON" in errors[f"{archive}:4"] and '"text"' in errors[f"{archive}:6"]
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
    lines = [b'{"id": 1, "text": "a"}\n', b"\xff\n", b'{"id": 2, "text": "b"}\n', b'{"id": [1], "text": "c"}\n']
    got = list(read_lines("x.jsonl", iter(lines), 1000))
    assert [r.key for r in got] == [("id", 1), ("id", "x.jsonl:2"), ("id", 2), ("id", "x.jsonl:4")]
    assert "UTF-8" in got[1].error and got[3].error.endswith('"id" must be a string or a number')
    assert list(read_lines("x.jsonl", iter([b'{"text": "' + b"a" * 50 + b'"}\n']), 20))[0].error.startswith("line 1 is")


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
