"""The real service: `factcheck serve` (gunicorn) on a free loopback port, over HTTP."""
import json
import os
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request

import pytest

from .conftest import factcheck_command, report_of

ARTICLE = "Trump held a 60-minute call with Zelensky.\n\nPutin invited Trump to visit him in St Petersburg."


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(*args: str, env: dict | None = None):
    """`factcheck serve` on a free loopback port, once /healthz answers: (base URL, process)."""
    port = free_port()
    proc = subprocess.Popen(factcheck_command() + ["serve", "--port", str(port), *args],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, env={**os.environ, **(env or {})})
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while True:
        try:
            with urllib.request.urlopen(base + "/healthz", timeout=2) as r:
                if r.status == 200:
                    return base, proc
        except OSError as exc:
            if proc.poll() is not None or time.monotonic() > deadline:
                proc.kill()
                raise RuntimeError(f"server did not start: {proc.stderr.read().decode()[-2000:]}") from exc
            time.sleep(0.2)


def stop_server(proc) -> None:
    if proc.poll() is None:
        proc.kill()
    proc.communicate(timeout=30)   # reaps the process and closes its pipes


@pytest.fixture(scope="module")
def server():
    base, proc = start_server("--workers", "2")
    yield base, proc
    stop_server(proc)


def post(base, body: bytes, content_type: str):
    req = urllib.request.Request(base + "/v1/compare", data=body, headers={"Content-Type": content_type})
    try:
        with urllib.request.urlopen(req, timeout=30) as r:
            return r.status, r.headers, json.loads(r.read())
    except urllib.error.HTTPError as e:
        return e.code, e.headers, json.loads(e.read())


def test_post_an_article_over_http_gets_the_same_report_as_the_cli(server, cli, tmp_path):
    base, _ = server
    status, headers, report = post(base, json.dumps({"text": ARTICLE}).encode(), "application/json")
    assert status == 200 and headers["Content-Type"] == "application/json"
    assert {(f["kind"], f["claim"]["id"]) for f in report["findings"]} == {
        ("contradiction", "zelensky-call.duration"), ("contradiction", "moscow-visit.invitation")}
    path = tmp_path / "article.txt"
    path.write_text(ARTICLE)
    assert report_of(cli("check", "--format", "json", path).stdout) == report


def test_a_reference_of_ones_own_over_http_gets_the_same_report_as_the_cli(server, cli, tmp_path):
    base, _ = server
    reference = "Alcaraz beat Djokovic 6-2, 6-2, 7-6 on Centre Court on Sunday, 14 July 2024, to retain his title."
    draft = "Alcaraz beat Djokovic on Centre Court on Saturday, 13 July 2024."
    status, _, report = post(base, json.dumps({"text": draft, "reference": reference}).encode(), "application/json")
    assert status == 200
    (finding,) = report["findings"]
    assert finding["kind"] == "contradiction" and {r["category"] for r in finding["rules"]} == {"date"}
    ev = finding["claim"]["evidence"]
    assert reference[ev["start"]:ev["end"]] == ev["text"]
    (tmp_path / "reference.txt").write_text(reference)
    (tmp_path / "draft.txt").write_text(draft)
    from_cli = report_of(cli("check", "--reference", tmp_path / "reference.txt", "--format", "json", tmp_path / "draft.txt").stdout)
    assert [f["rules"] for f in from_cli["findings"]] == [f["rules"] for f in report["findings"]]


def test_bad_requests_get_problems_over_http(server):
    base, _ = server
    status, headers, body = post(base, b"{not json", "application/json")
    assert status == 400 and headers["Content-Type"] == "application/problem+json" and body["type"] == "/problems/invalid-json"
    status, _, body = post(base, b"x" * (1_048_576 + 10), "text/plain")
    assert status == 413 and body["type"] == "/problems/body-too-large"


def test_serve_prints_its_address_and_stops_cleanly_on_sigterm(server):
    base, proc = server
    proc.send_signal(signal.SIGTERM)
    _, err = proc.communicate(timeout=30)
    assert proc.returncode == 0
    assert f"serving {base}" in err.decode()


def test_serve_with_broken_data_exits_2_before_listening(cli, tmp_path):
    (tmp_path / "bad.claims.json").write_text("[]")
    run = cli("--seeds", tmp_path, "serve", "--port", str(free_port()))
    assert run.returncode == 2 and "bad.claims.json" in run.stderr.decode() and "Traceback" not in run.stderr.decode()
