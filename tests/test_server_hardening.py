"""The real service (`factcheck serve`) against what a client on a public address can do: errors
the server answers itself, chunked bodies, slow and idle clients, a busy worker, bad ports,
SIGTERM with a request in flight. Behaviour is asserted, with generous time bounds only
where the behaviour is about time; bench/abuse.py measures the numbers."""
import json
import signal
import socket
import subprocess
import threading
import time
import urllib.error
import urllib.request

import pytest

from .conftest import factcheck_command
from .test_server import start_server, stop_server

CONTRADICTION = b"Trump held a 60-minute call with Zelensky."
# 2 MiB of ~1,400-character sentences: about 2.5 s of checking here, still running a second
# after it was sent (the servers that get it allow 4 MiB and 10,000 sentences)
SLOW_TEXT = (("Officials from several countries met again on a later day to discuss matters of trade and "
              "travel and the weather and many other things at some length ") * 9 + ".\n").encode() * 1500
BIG_WORK = {"FACTCHECK_MAX_BODY_BYTES": "4194304", "FACTCHECK_MAX_SENTENCES": "10000"}
# four times as much, about 10 s here: far over a 3 s budget however fast the checker gets on a
# quiet machine (SLOW_TEXT alone once took 10 s and now fits in 3, and the test that needed it to
# overrun failed)
OVER_BUDGET_TEXT = SLOW_TEXT * 4
HUGE_WORK = {"FACTCHECK_MAX_BODY_BYTES": str(16 * 1024 * 1024), "FACTCHECK_MAX_SENTENCES": "40000"}


@pytest.fixture(scope="module")
def server():
    base, proc = start_server("--workers", "2")
    yield base
    stop_server(proc)


@pytest.fixture(scope="module")
def one_worker():
    """One worker with one check thread, a queue of one for one second, a check of at most 3 s,
    short body and header timeouts: what a single event loop does."""
    base, proc = start_server("--workers", "1", env={
        "FACTCHECK_CHECK_THREADS": "1", "FACTCHECK_QUEUE_DEPTH": "1", "FACTCHECK_QUEUE_TIMEOUT": "1",
        "FACTCHECK_CHECK_TIMEOUT": "3", "FACTCHECK_BODY_TIMEOUT": "1", "FACTCHECK_HEADER_TIMEOUT": "2", **HUGE_WORK})
    yield base
    stop_server(proc)


def port_of(base: str) -> int:
    return int(base.rsplit(":", 1)[1])


def raw_exchange(base: str, data: bytes, timeout: float = 30) -> bytes:
    """Send raw bytes, return everything the server sends until it closes (or the timeout)."""
    with socket.create_connection(("127.0.0.1", port_of(base)), timeout=timeout) as s:
        s.sendall(data)
        out = b""
        try:
            while chunk := s.recv(65536):
                out += chunk
                if b"\r\n\r\n" in out and _complete(out):
                    break
        except (socket.timeout, ConnectionResetError):
            pass
    return out


def _complete(raw: bytes) -> bool:
    head, _, body = raw.partition(b"\r\n\r\n")
    for line in head.split(b"\r\n"):
        if line.lower().startswith(b"content-length:"):
            return len(body) >= int(line.split(b":")[1])
    return False


def parse(raw: bytes):
    head, _, body = raw.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    status = int(lines[0].split()[1])
    headers = {k.strip().lower(): v.strip() for k, v in (line.split(":", 1) for line in lines[1:])}
    return status, headers, body


def assert_problem(raw: bytes, status: int, slug: str) -> dict:
    got, headers, body = parse(raw)
    assert got == status, raw[:500]
    assert headers["content-type"] == "application/problem+json"
    assert headers["x-content-type-options"] == "nosniff" and headers["x-frame-options"] == "DENY"
    assert "frame-ancestors 'none'" in headers["content-security-policy"] and headers["referrer-policy"] == "no-referrer"
    assert "server" not in headers
    problem = json.loads(body)
    assert problem["type"] == f"/problems/{slug}" and problem["status"] == status and problem["detail"]
    return problem


def request(method: str, path: str, body: bytes = b"", headers: dict | None = None) -> bytes:
    lines = [f"{method} {path} HTTP/1.1", "Host: localhost", "Connection: close"]
    lines += [f"{k}: {v}" for k, v in (headers or {}).items()]
    return ("\r\n".join(lines) + "\r\n\r\n").encode() + body


def chunked_body(data: bytes, size: int = 65536) -> bytes:
    out = b"".join(b"%x\r\n%s\r\n" % (len(data[i:i + size]), data[i:i + size]) for i in range(0, len(data), size))
    return out + b"0\r\n\r\n"


# -- what the server answers itself: problem+json, security headers, no banner ---------------

@pytest.mark.parametrize("data, status, slug", [
    (b"GET /" + b"a" * 5000 + b" HTTP/1.1\r\nHost: x\r\n\r\n", 414, "uri-too-long"),
    (b"GET /" + b"a" * 20000 + b" HTTP/1.1\r\nHost: x\r\n\r\n", 414, "uri-too-long"),    # more than is read: no reset
    (b"GET / HTTP/1.1\r\n" + b"".join(b"X-%d: 1\r\n" % i for i in range(150)) + b"\r\n", 431, "headers-too-large"),
    (b"GET / HTTP/1.1\r\nX-Big: " + b"a" * 9000 + b"\r\n\r\n", 431, "headers-too-large"),
    (b"NOT HTTP AT ALL\r\n\r\n", 400, "bad-request"),
    (b"GET / HTTP/1.1\r\nHost: x\r\nBad Header Name: 1\r\n\r\n", 400, "bad-request"),
    (b"POST /v1/compare HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nContent-Type: text/plain\r\n\r\nZZ\r\nab\r\n0\r\n\r\n",
     400, "bad-request"),
    (b"POST /v1/compare HTTP/1.1\r\nHost: x\r\nExpect: 200-ok\r\n\r\n", 417, "expectation-failed"),
])
def test_errors_the_server_answers_itself_are_problems(server, data, status, slug):
    assert_problem(raw_exchange(server, data), status, slug)


def test_app_responses_carry_security_headers_and_no_banner(server):
    status, headers, body = parse(raw_exchange(server, request("GET", "/healthz")))
    assert status == 200 and "server" not in headers and headers["x-content-type-options"] == "nosniff"
    status, headers, _ = parse(raw_exchange(server, request("GET", "/")))
    assert status == 200 and "script-src 'self'" in headers["content-security-policy"] and "server" not in headers
    assert_problem(raw_exchange(server, request("GET", "/nope")), 404, "not-found")


# -- bodies: the same limit chunked or not; no waiting on a body that never comes -------------

def test_a_chunked_body_over_the_limit_is_413(server):
    data = b"Oil prices fell sharply today. " * (1_048_576 // 31) + b" " * 64 + CONTRADICTION
    raw = raw_exchange(server, request("POST", "/v1/compare", chunked_body(data),
                                       {"Content-Type": "text/plain", "Transfer-Encoding": "chunked"}))
    assert_problem(raw, 413, "body-too-large")


def test_a_chunked_body_within_the_limit_is_read_to_its_end(server):
    data = b"Oil prices fell sharply today, traders said on the day.\n" * 1500 + CONTRADICTION
    raw = raw_exchange(server, request("POST", "/v1/compare", chunked_body(data, 4096),
                                       {"Content-Type": "text/plain", "Transfer-Encoding": "chunked"}))
    status, _, body = parse(raw)
    assert status == 200 and json.loads(body)["summary"]["contradictions"] == 1     # the finding after the last chunk


@pytest.mark.parametrize("path, content_type, status, slug", [
    ("/v1/compare", "text/plain; charset=idna", 415, "unsupported-media-type"),
    ("/v1/compare", "application/xml", 415, "unsupported-media-type"),
    ("/v1/compare?source=nope", "text/plain", 422, "validation-error"),
    ("/v1/claims", "text/plain", 405, "method-not-allowed"),
])
def test_an_answer_given_before_the_body_is_read_still_arrives(server, path, content_type, status, slug):
    """The unread 1 MiB is read off before closing: closing on it would reset the connection
    and the client would never see its problem."""
    body = b"Oil prices fell sharply today. " * 33_000
    raw = raw_exchange(server, request("POST", path, body, {"Content-Type": content_type,
                                                             "Content-Length": str(len(body))}))
    assert_problem(raw, status, slug)


def test_a_huge_declared_length_without_a_body_is_answered_at_once(server):
    started = time.monotonic()
    raw = raw_exchange(server, request("POST", "/v1/compare", b"", {"Content-Type": "text/plain",
                                                                    "Content-Length": "100000000000"}))
    assert_problem(raw, 413, "body-too-large")
    assert time.monotonic() - started < 10         # it was 30 s and an HTML 500


def test_a_body_that_stops_coming_is_408(one_worker):
    started = time.monotonic()
    raw = raw_exchange(one_worker, request("POST", "/v1/compare", b"Trump held", {"Content-Type": "text/plain",
                                                                                "Content-Length": "500"}))
    assert_problem(raw, 408, "body-timeout")
    assert time.monotonic() - started < 20         # FACTCHECK_BODY_TIMEOUT=1 on this server


# -- slow and idle clients, a busy worker -----------------------------------------------------

def get_health(base: str, timeout: float):
    with urllib.request.urlopen(base + "/healthz", timeout=timeout) as r:
        return r.status


def test_idle_and_slow_header_clients_do_not_block_health_checks(one_worker):
    """60 connections that send half their headers and wait, against one worker: with sync
    workers two such connections took the whole service down for 30 s."""
    held = []
    try:
        for _ in range(60):
            s = socket.create_connection(("127.0.0.1", port_of(one_worker)), timeout=30)
            s.sendall(b"GET /healthz HTTP/1.1\r\nHost: x\r\nX-Slow: ")
            held.append(s)
        for _ in range(10):
            assert get_health(one_worker, timeout=5) == 200
        # and once FACTCHECK_HEADER_TIMEOUT (2 s here) has passed, answers each with a 408 and closes
        for s in held[:3]:
            raw = b""
            while chunk := s.recv(65536):
                raw += chunk
            assert_problem(raw, 408, "header-timeout")
    finally:
        for s in held:
            s.close()


def test_an_idle_keep_alive_connection_is_closed_without_an_answer(one_worker):
    """A 408 sent on a connection after its last answer could be read by the client as the
    answer to the next request it is sending at that very moment."""
    with socket.create_connection(("127.0.0.1", port_of(one_worker)), timeout=30) as s:
        s.sendall(b"GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n")
        raw = b""
        while not (b"\r\n\r\n" in raw and _complete(raw)):
            raw += s.recv(65536)
        assert parse(raw)[0] == 200
        started = time.monotonic()
        assert s.recv(100) == b""                      # closed, nothing sent
        assert 1 < time.monotonic() - started < 20     # after FACTCHECK_HEADER_TIMEOUT=2


def post_text(base: str, data: bytes, timeout: float = 120):
    req = urllib.request.Request(base + "/v1/compare", data=data, headers={"Content-Type": "text/plain"})
    try:
        with urllib.request.urlopen(req, timeout=timeout) as r:
            return r.status, r.headers, json.loads(r.read())
    except urllib.error.HTTPError as exc:
        with exc:
            return exc.code, exc.headers, json.loads(exc.read())


def test_while_the_only_worker_checks_health_answers_the_queue_times_out_and_the_check_is_stopped(one_worker):
    slow = {}
    thread = threading.Thread(target=lambda: slow.update(zip(("status", "headers", "body"), post_text(one_worker, OVER_BUDGET_TEXT))))
    thread.start()
    try:
        busy = None
        deadline = time.monotonic() + 30
        while busy is None and time.monotonic() < deadline:        # until the slow check holds the slot
            status, headers, body = post_text(one_worker, CONTRADICTION, timeout=30)
            if status == 503:
                busy = headers, body
        assert busy is not None, "the slow check never held the slot"
        headers, body = busy
        assert headers["Content-Type"] == "application/problem+json" and body["type"] == "/problems/service-busy"
        assert "within 1 s" in body["detail"] and int(headers["Retry-After"]) >= 1    # waited its queue time
        for _ in range(5):
            started = time.monotonic()
            assert get_health(one_worker, timeout=10) == 200
            assert time.monotonic() - started < 2        # health did not wait for the check
        assert thread.is_alive()                         # ... which was running meanwhile
    finally:
        thread.join()
    assert slow["status"] == 422 and slow["body"]["type"] == "/problems/work-budget-exceeded"
    status, _, report = post_text(one_worker, CONTRADICTION)      # the slot is free, the thread clean
    assert status == 200 and report["summary"]["contradictions"] == 1


# -- ports and shutdown -----------------------------------------------------------------------

def test_a_bad_port_is_one_line_exit_2_before_serving(cli):
    run = cli("serve", "--port", "99999")
    err = run.stderr.decode().strip()
    assert run.returncode == 2 and err == "factcheck: port 99999 is not a TCP port (0-65535; 0 picks a free one)"


def test_a_busy_port_is_one_line_exit_2_and_nothing_claims_to_serve(cli):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        run = cli("serve", "--port", str(taken.getsockname()[1]))
    err = run.stderr.decode().strip()
    assert run.returncode == 2 and "\n" not in err and "Address already in use" in err and "serving" not in err


def test_sigterm_finishes_the_request_in_flight_then_refuses_new_connections():
    base, proc = start_server("--workers", "1", env={"FACTCHECK_CHECK_TIMEOUT": "120", **BIG_WORK})
    result = {}

    def slow():
        req = urllib.request.Request(base + "/v1/compare", data=SLOW_TEXT, headers={"Content-Type": "text/plain"})
        with urllib.request.urlopen(req, timeout=120) as r:
            result["status"], result["body"] = r.status, json.loads(r.read())

    thread = threading.Thread(target=slow)
    try:
        thread.start()
        time.sleep(1.0)                  # sent and being checked (the check takes seconds)
        proc.send_signal(signal.SIGTERM)
        refused = False
        deadline = time.monotonic() + 30
        while not refused and time.monotonic() < deadline:
            try:
                socket.create_connection(("127.0.0.1", port_of(base)), timeout=2).close()
                time.sleep(0.05)
            except OSError:
                refused = True
        assert refused                   # no new connection once it is stopping
        thread.join(timeout=120)
        assert result["status"] == 200 and result["body"]["summary"]["sentences"] == 1500
        assert proc.wait(timeout=60) == 0
        # and it stops without a word of traceback (gevent's teardown once printed one from logging)
        err = proc.stderr.read().decode()
        assert "Traceback" not in err and "Exception ignored" not in err, err[-2000:]
    finally:
        thread.join(timeout=1)
        stop_server(proc)


def test_port_0_serves_on_a_free_port_and_says_which():
    proc = subprocess.Popen(factcheck_command() + ["serve", "--port", "0", "--workers", "1"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        line = proc.stderr.readline().decode()
        assert line.startswith("factcheck: serving http://127.0.0.1:")
        base = line.split()[2]
        assert port_of(base) != 0
        deadline = time.monotonic() + 30
        while True:
            try:
                assert get_health(base, timeout=2) == 200
                break
            except OSError:
                assert time.monotonic() < deadline
                time.sleep(0.2)
    finally:
        proc.send_signal(signal.SIGTERM)
        proc.communicate(timeout=60)
    assert proc.returncode == 0
