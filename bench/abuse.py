"""Attack a real `factcheck serve` on loopback the way issue 9 did, and print a table.

    python bench/abuse.py                 # every scenario at the issue's sizes (about 15 minutes)
    python bench/abuse.py --quick         # the same attacks, shorter and smaller (about 2 minutes)
    python bench/abuse.py --worker-class sync --only slow,bodies    # compare serving options

Scenarios (--only picks some):
  slow    --slow-clients (200) connections held for --slow-seconds (60): a third send their
          headers a line at a time, a third their body ten bytes at a time, a third nothing;
          each reconnects when the server drops it. Meanwhile --rate (20) normal requests a
          second (the newsroom article of tests/cases/h01 to POST /v1/compare, and /healthz).
          Target: normal requests p99 <= 250 ms, 0 failures.
  bodies  64 concurrent 1 MiB bodies, twice: 1 MiB of "a\\n" (500,000 sentences) and 1 MiB of
          long sentences (the slowest text per byte). Target: every response a 200 or a
          problem+json within the budget (queue + check timeouts), /healthz (probed every
          0.1 s) always <= 1 s, the service's memory <= 1 GiB.
  fuzz    --fuzz-requests (10,000) requests: half schemathesis (positive and negative cases of
          /openapi.json), half hostile bodies and raw HTTP of our own (lone surrogates, deep
          nesting, long numbers, charsets, chunked framing, malformed request lines...).
          Target: 0 5xx, 0 errors that are not problem+json, security headers on every one.
  mixed   two clients keep a 1 MiB check of long sentences in flight while the normal traffic
          runs: how long a short request waits behind long ones (no target; informs
          FACTCHECK_CHECK_THREADS).
  kill    kill -9 of `factcheck suppress` at --kills (200) random moments of its run, then
          --write-kills (20) the moment it starts writing. Target: the file loads every time.
  misc    the issue's other attacks: a huge Content-Length with no body, a chunked body over the
          limit, a stalled body, bad and busy ports, SIGTERM with requests in flight,
          `factcheck check /dev/zero`.

The load generator runs on the same cores as the service (asyncio, one process), so the
numbers include its cost. Nothing here leaves a process running: each server is stopped
(SIGTERM, then SIGKILL) when its scenario ends.
"""
from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PROBLEM = "application/problem+json"
SECURITY = ("x-content-type-options", "x-frame-options", "referrer-policy", "content-security-policy")
BUDGET_SECONDS = 5 + 10 + 1      # FACTCHECK_QUEUE_TIMEOUT + FACTCHECK_CHECK_TIMEOUT + the stop grace
ARTICLE = json.loads((ROOT / "tests/cases/h01.json").read_text())["text"]


def factcheck_command() -> list[str]:
    exe = shutil.which("factcheck", path=str(Path(sys.executable).parent)) or shutil.which("factcheck")
    return [exe] if exe else [sys.executable, "-m", "factcheck"]


# -- the server and its memory ----------------------------------------------------------------

class Server:
    """`factcheck serve --port 0` (it prints the port it took); stopped on exit."""

    def __init__(self, worker_class: str, workers: int, env: dict | None = None):
        self.args = ["serve", "--port", "0", "--workers", str(workers), "--worker-class", worker_class]
        self.env = {**os.environ, "FACTCHECK_LOG_LEVEL": "WARNING", **(env or {})}

    def __enter__(self) -> Server:
        self.proc = subprocess.Popen(factcheck_command() + self.args, stdout=subprocess.DEVNULL,
                                     stderr=subprocess.PIPE, env=self.env)
        line = self.proc.stderr.readline().decode()
        match = re.search(r"serving http://127\.0\.0\.1:(\d+)", line)
        if not match:
            self.proc.kill()
            raise RuntimeError(f"server did not start: {line}{self.proc.stderr.read().decode()[-2000:]}")
        self.port = int(match.group(1))
        threading.Thread(target=self._drain_stderr, daemon=True).start()
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if asyncio.run(fetch(self.port, "GET", "/healthz", timeout=2)).status == 200:
                return self
            time.sleep(0.2)
        self.__exit__()
        raise RuntimeError("server did not answer /healthz")

    def _drain_stderr(self):
        for _ in self.proc.stderr:         # keep the pipe from filling; the lines are not needed
            pass

    def __exit__(self, *exc):
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(timeout=40)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()

    def pids(self) -> list[int]:
        out, todo = [], [self.proc.pid]
        while todo:
            pid = todo.pop()
            out.append(pid)
            try:
                todo += [int(p) for p in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
            except OSError:
                pass
        return out

    def memory_mib(self) -> tuple[float, float]:
        """(sum of RSS, sum of PSS) of the service's processes; RSS counts pages shared between
        the master and its forked workers once per process, PSS splits them."""
        rss = pss = 0
        for pid in self.pids():
            try:
                for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
                    if line.startswith("Rss:"):
                        rss += int(line.split()[1])
                    elif line.startswith("Pss:"):
                        pss += int(line.split()[1])
            except OSError:
                pass
        return rss / 1024, pss / 1024


class MemoryPeak:
    def __init__(self, server: Server):
        self.server, self.peak_rss, self.peak_pss, self._stop = server, 0.0, 0.0, threading.Event()

    def __enter__(self):
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()
        return self

    def _run(self):
        while not self._stop.wait(0.25):
            rss, pss = self.server.memory_mib()
            self.peak_rss, self.peak_pss = max(self.peak_rss, rss), max(self.peak_pss, pss)

    def __exit__(self, *exc):
        self._stop.set()
        self._thread.join()


# -- a minimal HTTP/1.1 client on asyncio (raw, so that it can also misbehave) -----------------

@dataclass
class Result:
    status: int = 0                  # 0: no HTTP response (timeout, reset, refused)
    headers: dict = field(default_factory=dict)
    body: bytes = b""
    seconds: float = 0.0
    error: str = ""

    @property
    def mimetype(self) -> str:
        return self.headers.get("content-type", "").split(";")[0].strip()

    @property
    def answered_well(self) -> bool:
        """A 2xx/3xx, or an error as problem+json."""
        return 200 <= self.status < 400 or (self.status >= 400 and self.mimetype == PROBLEM)


def parse_response(raw: bytes) -> tuple[int, dict, bytes]:
    head, _, body = raw.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    try:
        status = int(lines[0].split()[1])
    except (IndexError, ValueError):
        return 0, {}, raw
    headers = {}
    for line in lines[1:]:
        name, _, value = line.partition(":")
        headers[name.strip().lower()] = value.strip()
    if headers.get("transfer-encoding") == "chunked":
        body = _dechunk(body)
    return status, headers, body


def _dechunk(data: bytes) -> bytes:
    out, pos = b"", 0
    while True:
        end = data.find(b"\r\n", pos)
        if end < 0:
            return out
        size = int(data[pos:end].split(b";")[0] or b"0", 16)
        if size == 0:
            return out
        out += data[end + 2:end + 2 + size]
        pos = end + 2 + size + 2


def request_bytes(method: str, path: str, body: bytes | None = None, headers: dict | None = None) -> bytes:
    lines = [f"{method} {path} HTTP/1.1", "Host: 127.0.0.1", "Connection: close"]
    headers = dict(headers or {})
    if body is not None and "Transfer-Encoding" not in headers:
        headers.setdefault("Content-Length", str(len(body)))
    lines += [f"{k}: {v}" for k, v in headers.items()]
    return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1") + (body or b"")


async def exchange(port: int, data: bytes, timeout: float = 30.0) -> Result:
    """Send raw bytes, read the response until the server closes."""
    started = time.perf_counter()
    writer = None
    try:
        async with asyncio.timeout(timeout):
            reader, writer = await asyncio.open_connection("127.0.0.1", port)
            writer.write(data)
            await writer.drain()
            raw = await reader.read()
        status, headers, body = parse_response(raw)
        return Result(status, headers, body, time.perf_counter() - started, "" if status else "no HTTP response")
    except (OSError, TimeoutError, asyncio.IncompleteReadError) as exc:
        return Result(seconds=time.perf_counter() - started, error=type(exc).__name__)
    finally:
        if writer is not None:
            writer.close()


async def fetch(port, method, path, body=None, headers=None, timeout=30.0) -> Result:
    return await exchange(port, request_bytes(method, path, body, headers), timeout)


def compare_body() -> bytes:
    return json.dumps({"text": ARTICLE}).encode()


def percentile(values, p) -> float:
    if not values:
        return float("nan")
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]


# -- scenario: slow and idle clients against normal traffic -----------------------------------

async def normal_traffic(port: int, seconds: float, rate: float) -> list[Result]:
    """Open loop: `rate` requests a second whatever the answers' latency (alternately a compare
    of a newsroom article and a /healthz)."""
    results, tasks = [], []
    body = compare_body()

    async def one(i):
        if i % 2:
            r = await fetch(port, "GET", "/healthz", timeout=10)
        else:
            r = await fetch(port, "POST", "/v1/compare", body, {"Content-Type": "application/json"}, timeout=10)
        results.append(r)

    started = time.monotonic()
    i = 0
    while time.monotonic() - started < seconds:
        tasks.append(asyncio.create_task(one(i)))
        i += 1
        await asyncio.sleep(max(0.0, started + i / rate - time.monotonic()))
    await asyncio.gather(*tasks)
    return results


class SlowClients:
    """n connections that hold the server as long as it lets them, reconnecting when dropped."""

    def __init__(self, port: int, n: int):
        self.port, self.n, self.open, self.reconnects, self.answers = port, n, 0, 0, {}
        self.open_samples: list[int] = []

    async def run(self, seconds: float):
        stop = time.monotonic() + seconds
        kinds = ["headers", "body", "idle"]
        await asyncio.gather(*(self._one(kinds[i % 3], stop) for i in range(self.n)), self._sample(stop))

    async def _sample(self, stop):
        while time.monotonic() < stop:
            self.open_samples.append(self.open)
            await asyncio.sleep(0.5)

    async def _one(self, kind: str, stop: float):
        while time.monotonic() < stop:
            writer = None
            try:
                reader, writer = await asyncio.open_connection("127.0.0.1", self.port)
                self.open += 1
                try:
                    if kind == "headers":
                        writer.write(b"POST /v1/compare HTTP/1.1\r\nHost: 127.0.0.1\r\n")
                    elif kind == "body":
                        writer.write(b"POST /v1/compare HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: text/plain\r\n"
                                     b"Content-Length: 100000\r\n\r\n")
                    while time.monotonic() < stop:
                        try:
                            got = await asyncio.wait_for(reader.read(65536), 1.0)
                        except TimeoutError:
                            got = None
                        if got == b"":
                            break                            # dropped by the server
                        if got:
                            status, _, _ = parse_response(got)
                            self.answers[status] = self.answers.get(status, 0) + 1
                            break
                        if kind == "headers":
                            writer.write(b"X-Slow: a\r\n")
                        elif kind == "body":
                            writer.write(b"Oil price ")
                        await writer.drain()
                finally:
                    self.open -= 1
            except OSError:
                await asyncio.sleep(0.1)
            finally:
                if writer is not None:
                    writer.close()
            self.reconnects += 1


def scenario_slow(args, rows):
    with Server(args.worker_class, args.workers) as server:
        async def main():
            baseline = await normal_traffic(server.port, args.baseline_seconds, args.rate)
            slow = SlowClients(server.port, args.slow_clients)
            slow_task = asyncio.create_task(slow.run(args.slow_seconds))
            await asyncio.sleep(2)                           # the slow connections are in place
            under = await normal_traffic(server.port, args.slow_seconds - 2, args.rate)
            await slow_task
            return baseline, under, slow
        baseline, under, slow = asyncio.run(main())
    for name, results in (("alone", baseline), (f"with {args.slow_clients} slow clients", under)):
        ok = [r.seconds * 1000 for r in results if r.status == 200]
        failures = len(results) - len(ok)
        target = "with" in name
        rows.append(("slow", f"normal requests {name}: count", len(results), "", None))
        rows.append(("slow", f"normal requests {name}: p50 / p99 / max ms",
                     f"{percentile(ok, 50):.0f} / {percentile(ok, 99):.0f} / {max(ok, default=float('nan')):.0f}",
                     "p99 <= 250" if target else "", (percentile(ok, 99) <= 250) if target else None))
        rows.append(("slow", f"normal requests {name}: failures", failures, "0" if target else "",
                     failures == 0 if target else None))
    held = slow.open_samples[4:] or [0]
    rows.append(("slow", f"slow connections open: min / mean over {args.slow_seconds:g} s",
                 f"{min(held)} / {statistics.mean(held):.0f}", "", None))
    rows.append(("slow", "slow connections dropped by the server and reopened", slow.reconnects, "", None))
    rows.append(("slow", "answers to slow clients (status: count)",
                 ", ".join(f"{k}: {v}" for k, v in sorted(slow.answers.items())) or "none", "", None))


# -- scenario: 64 concurrent 1 MiB bodies -----------------------------------------------------

def long_sentences_mib() -> bytes:
    words = ("officials from several countries met again on a later day to discuss trade travel weather and "
             "many other things at length talks minister said").split()
    rng = random.Random(7)
    lines, size = [], 0
    while True:
        line = (" ".join(rng.choice(words) for _ in range(230))[:1400] + ".\n").encode()
        if size + len(line) > 1_048_576:
            return b"".join(lines)
        lines.append(line)
        size += len(line)


class HealthProbe:
    """GET /healthz every 0.1 s from a process of its own, so that the load generator's own
    event loop (busy sending 64 MiB) does not count as the service's latency."""

    def __init__(self, port: int):
        self.port = port

    def __enter__(self):
        self.proc = subprocess.Popen([sys.executable, __file__, "--probe", str(self.port)], stdout=subprocess.PIPE, text=True)
        return self

    def __exit__(self, *exc):
        self.proc.send_signal(signal.SIGTERM)
        out, _ = self.proc.communicate(timeout=60)
        self.results = [Result(status=int(status), seconds=float(seconds))
                        for status, seconds in (line.split() for line in out.splitlines() if line.strip())]


def probe_main(port: int) -> None:
    """The probe process: one line "status seconds" per /healthz, until SIGTERM."""
    stop = asyncio.Event()

    async def main():
        asyncio.get_running_loop().add_signal_handler(signal.SIGTERM, stop.set)
        tasks = []

        async def one():
            r = await fetch(port, "GET", "/healthz", timeout=10)
            print(r.status, f"{r.seconds:.4f}", flush=True)
        while not stop.is_set():
            tasks.append(asyncio.create_task(one()))
            try:
                await asyncio.wait_for(stop.wait(), 0.1)
            except TimeoutError:
                pass
        await asyncio.gather(*tasks)
    asyncio.run(main())


def scenario_bodies(args, rows):
    payloads = {"1 MiB of a\\n": b"a\n" * 524_288, "1 MiB of long sentences": long_sentences_mib()}
    with Server(args.worker_class, args.workers) as server:
        idle_rss, idle_pss = server.memory_mib()
        rows.append(("bodies", "service memory idle: RSS sum / PSS sum MiB", f"{idle_rss:.0f} / {idle_pss:.0f}", "", None))
        for name, payload in payloads.items():
            with MemoryPeak(server) as memory, HealthProbe(server.port) as probe:
                time.sleep(0.5)                          # the probe is running
                async def main():
                    started = time.monotonic()
                    results = await asyncio.gather(*(
                        fetch(server.port, "POST", "/v1/compare", payload, {"Content-Type": "text/plain"}, timeout=120)
                        for _ in range(args.bodies)))
                    return results, time.monotonic() - started
                results, wall = asyncio.run(main())
            health = probe.results
            statuses: dict = {}
            for r in results:
                key = f"{r.status} {json.loads(r.body).get('type', '') if r.mimetype == PROBLEM else r.mimetype}" if r.status else r.error
                statuses[key] = statuses.get(key, 0) + 1
            bad = [r for r in results if not r.answered_well]
            slowest = max(r.seconds for r in results)
            health_ok = [r.seconds for r in health if r.status == 200]
            health_worst = max((r.seconds for r in health), default=float("nan"))
            health_failed = len(health) - len(health_ok)
            rows.append(("bodies", f"{args.bodies} x {name}: answers", "; ".join(f"{v} x {k}" for k, v in sorted(statuses.items())),
                         "200 or problem", not bad))
            rows.append(("bodies", f"{args.bodies} x {name}: slowest answer s (all done in s)", f"{slowest:.1f} ({wall:.1f})",
                         f"<= {BUDGET_SECONDS}", slowest <= BUDGET_SECONDS))
            rows.append(("bodies", f"{args.bodies} x {name}: /healthz probes, worst s, failures",
                         f"{len(health)}, {health_worst:.2f}, {health_failed}", "<= 1 s, 0", health_worst <= 1 and not health_failed))
            rows.append(("bodies", f"{args.bodies} x {name}: peak memory RSS sum / PSS sum MiB",
                         f"{memory.peak_rss:.0f} / {memory.peak_pss:.0f}", "<= 1024", memory.peak_pss <= 1024))


# -- scenario: big checks always in flight, with normal traffic -------------------------------

def scenario_mixed(args, rows):
    """Two clients keep a 1 MiB check of long sentences in flight all along while the normal
    traffic runs: how long a short request waits behind a long one (FACTCHECK_CHECK_THREADS)."""
    payload = long_sentences_mib()
    with Server(args.worker_class, args.workers) as server:
        async def main():
            stop = time.monotonic() + args.mixed_seconds + 1
            bigs: list[Result] = []

            async def big_loop():
                while time.monotonic() < stop:
                    bigs.append(await fetch(server.port, "POST", "/v1/compare", payload, {"Content-Type": "text/plain"},
                                            timeout=120))
            loops = [asyncio.create_task(big_loop()) for _ in range(2)]
            await asyncio.sleep(1)
            normal = await normal_traffic(server.port, args.mixed_seconds, args.rate)
            await asyncio.gather(*loops)
            return normal, bigs
        normal, bigs = asyncio.run(main())
    ok = [r.seconds * 1000 for r in normal if r.status == 200]
    failed = [f"{r.status or r.error} after {r.seconds:.1f} s" for r in normal if r.status != 200]
    rows.append(("mixed", "normal requests beside 2 big checks: p50 / p99 / max ms, failures",
                 f"{percentile(ok, 50):.0f} / {percentile(ok, 99):.0f} / {max(ok, default=float('nan')):.0f}, "
                 f"{len(failed)} of {len(normal)}{' (' + ', '.join(failed[:3]) + ')' if failed else ''}", "", None))
    statuses: dict = {}
    for r in bigs:
        statuses[r.status] = statuses.get(r.status, 0) + 1
    rows.append(("mixed", "the big checks: answers (status: count), slowest s",
                 f"{', '.join(f'{k}: {v}' for k, v in sorted(statuses.items()))}, {max(r.seconds for r in bigs):.1f}", "", None))


# -- scenario: fuzzing ------------------------------------------------------------------------

CODECS = ["utf-8", "utf-16", "utf-32", "latin-1", "ascii", "cp1252", "idna", "utf-7", "unicode_escape", "rot13",
          "base64", "hex", "zlib", "bz2", "punycode", "raw_unicode_escape", "uu", "cp500", "x-nope", "", '""', "utf-8;q=1"]
CONTENT_TYPES = ["application/json", "text/plain", "application/xml", "multipart/form-data; boundary=x",
                 "application/x-www-form-urlencoded", "", "text/html", "application/json; charset=utf-8", "*/*"]


def hostile_requests(n: int, seed: int = 1) -> list[bytes]:
    """n raw requests an attacker or a broken client sends."""
    rng = random.Random(seed)
    text = ARTICLE[:400]

    def json_body():
        kind = rng.randrange(12)
        if kind == 0:
            return '{"text": "%s \\ud800 %s"}' % (text[:50].replace('"', ""), rng.choice(["", "\\udfff", "x"]))
        if kind == 1:
            return '{"text": "x", "title": "\\udc%02x"}' % rng.randrange(256)
        if kind == 2:
            depth = rng.choice([65, 1000, 10_000, 100_000])
            return "[" * depth + "]" * depth
        if kind == 3:
            return '{"text": %s}' % ("9" * rng.choice([4301, 10_000, 100_000]))
        if kind == 4:
            return '{"text": "x", "title": %s}' % rng.choice(["NaN", "Infinity", "-Infinity", "1e999", "-0"])
        if kind == 5:
            return json.dumps({"text": text, "source": rng.choice(["", " ", "nope", "\u0000", "seed-article"])})
        if kind == 6:
            return json.dumps({"text": text, rng.choice(["extra", "", "\u00e9"]): 1})
        if kind == 7:
            return json.dumps({"text": text, "reference": rng.choice(["", " ", "Short reference.", text])})
        if kind == 8:
            return json.dumps(rng.choice([[], {}, None, 1, "text", [text], {"text": None}, {"text": [text]}]))
        if kind == 9:
            return '{"text": "' + "\\u0000" * rng.randrange(1, 50) + '"}'
        if kind == 10:
            return json.dumps({"text": text})[:rng.randrange(1, 60)]            # cut short
        return json.dumps({"text": "".join(chr(rng.randrange(1, 0x10FFFF)) for _ in range(200)
                                           if not 0xD800 <= rng.randrange(0x10FFFF) <= 0xDFFF)})

    def one() -> bytes:
        kind = rng.randrange(10)
        if kind <= 2:
            body = json_body().encode("utf-8", "surrogatepass")
            return request_bytes("POST", "/v1/compare", body, {"Content-Type": "application/json"})
        if kind == 3:
            codec = rng.choice(CODECS)
            body = text.encode("utf-8")
            return request_bytes("POST", "/v1/compare", body, {"Content-Type": f"text/plain; charset={codec}"})
        if kind == 4:
            body = bytes(rng.randrange(256) for _ in range(rng.randrange(0, 400)))
            headers = {"Content-Type": rng.choice(CONTENT_TYPES)} if rng.random() < 0.9 else {}
            if rng.random() < 0.2:
                headers["Content-Encoding"] = rng.choice(["gzip", "br", "identity", "x"])
            return request_bytes(rng.choice(["POST", "PUT", "PATCH", "DELETE"]), "/v1/compare", body, headers)
        if kind == 5:                                   # chunked framing, good and bad
            data = text.encode()
            framing = rng.randrange(4)
            if framing == 0:
                chunks = b"%x\r\n%s\r\n0\r\n\r\n" % (len(data), data)
            elif framing == 1:
                chunks = b"zz\r\n" + data + b"\r\n0\r\n\r\n"
            elif framing == 2:
                chunks = b"%x;ext=1\r\n%s\r\n0\r\n\r\n" % (len(data), data)
            else:
                chunks = b"%x\r\n%s0\r\n\r\n" % (len(data), data)              # missing CRLF after the data
            return request_bytes("POST", "/v1/compare", chunks, {"Content-Type": "text/plain", "Transfer-Encoding": "chunked"})
        if kind == 6:                                   # malformed request lines and headers
            return rng.choice([
                b"GET /" + b"a" * rng.choice([4100, 9000]) + b" HTTP/1.1\r\nHost: x\r\n\r\n",
                b"GET / HTTP/1.1\r\n" + b"".join(b"X-%d: 1\r\n" % i for i in range(rng.choice([101, 500]))) + b"\r\n",
                b"GET / HTTP/1.1\r\nX: " + b"a" * 9000 + b"\r\n\r\n",
                b"\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03" + bytes(40) + b"\r\n\r\n",     # TLS to a plain port
                b"GET / HTTP/9.9\r\nHost: x\r\n\r\n",
                b"G\x00T / HTTP/1.1\r\n\r\n",
                b"GET / HTTP/1.1\r\nHost: x\r\n folded: header\r\n\r\n",
                b"POST /v1/compare HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nContent-Length: 7\r\n\r\nhello",
                b"POST /v1/compare HTTP/1.1\r\nHost: x\r\nContent-Length: -1\r\n\r\n",
                b"POST /v1/compare HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: gzip, chunked\r\n\r\n0\r\n\r\n",
                b"POST /v1/compare HTTP/1.1\r\nHost: x\r\nExpect: 200-ok\r\n\r\n",
                b"\r\n\r\n",
            ])
        if kind == 7:                                   # odd paths and queries
            path = rng.choice(["/v1/claims/%ff%fe", "/v1/claims/" + "x" * 3000, "/v1/compare?source=%ud800",
                               "/v1/claims?source=" + "%00" * 10, "/problems/" + "%c0%ae" * 5, "/../../etc/passwd",
                               "/static/../../pyproject.toml", "/v1/claims?source=a&source=b", "//healthz", "/%2e%2e/"])
            return request_bytes(rng.choice(["GET", "HEAD", "OPTIONS", "TRACE", "PROPFIND"]), path)
        if kind == 8:                                   # a declared length shorter than the body
            body = json.dumps({"text": text}).encode()
            return request_bytes("POST", "/v1/compare", body, {"Content-Type": "application/json",
                                                              "Content-Length": str(rng.randrange(0, len(body)))})
        query = rng.choice(["", "?source=", "?source=nope", "?source=seed-article&source=x", "?x=" + "y" * 3000])
        return request_bytes("POST", "/v1/compare" + query, text.encode(), {"Content-Type": "text/plain",
                                                                            "X-Request-ID": rng.choice(["ok-1", "<script>", "a" * 200])})
    return [one() for _ in range(n)]


def schemathesis_results(base: str, n: int) -> list[Result]:
    """n cases drawn from the service's own /openapi.json (half positive, half negative), sent."""
    import schemathesis
    from hypothesis import HealthCheck, Phase, given, settings
    from schemathesis import GenerationMode
    schema = schemathesis.openapi.from_url(base + "/openapi.json")
    out: list[Result] = []
    for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE):
        @settings(max_examples=n // 2, deadline=None, database=None, phases=[Phase.generate],
                  suppress_health_check=list(HealthCheck))
        @given(case=schema.as_strategy(generation_mode=mode))
        def send(case):
            started = time.perf_counter()
            try:
                r = case.call(base_url=base, timeout=30)
                out.append(Result(r.status_code, {k.lower(): v for k, v in r.headers.items() if isinstance(v, str)} |
                                  {k.lower(): v[0] for k, v in r.headers.items() if isinstance(v, list) and v},
                                  r.content or b"", time.perf_counter() - started))
            except Exception as exc:          # a request the client library could not send is not a server answer
                out.append(Result(seconds=time.perf_counter() - started, error=f"client: {type(exc).__name__}"))
        send()
    return out


def scenario_fuzz(args, rows):
    with Server(args.worker_class, args.workers) as server:
        base = f"http://127.0.0.1:{server.port}"
        started = time.monotonic()
        st_results = schemathesis_results(base, args.fuzz_requests // 2)
        st_seconds = time.monotonic() - started

        async def own():
            gate = asyncio.Semaphore(4)

            async def one(data):
                async with gate:
                    return await exchange(server.port, data, timeout=60)
            return await asyncio.gather(*(one(d) for d in hostile_requests(args.fuzz_requests - len(st_results))))
        started = time.monotonic()
        own_results = asyncio.run(own())
        own_seconds = time.monotonic() - started
    for name, results, seconds in (("schemathesis", st_results, st_seconds), ("own hostile requests", own_results, own_seconds)):
        answered = [r for r in results if r.status]
        server_errors = [r for r in answered if r.status >= 500]
        not_problem = [r for r in answered if not r.answered_well]
        unanswered = [r for r in results if not r.status and not r.error.startswith("client")]
        no_headers = [r for r in answered if any(h not in r.headers for h in SECURITY)]
        banner = [r for r in answered if "server" in r.headers]
        statuses: dict = {}
        for r in answered:
            statuses[r.status] = statuses.get(r.status, 0) + 1
        rows.append(("fuzz", f"{name}: requests (in s), by status", f"{len(results)} ({seconds:.0f}); " +
                     ", ".join(f"{k}: {v}" for k, v in sorted(statuses.items())), "", None))
        rows.append(("fuzz", f"{name}: 5xx", len(server_errors), "0", not server_errors))
        rows.append(("fuzz", f"{name}: errors not problem+json", len(not_problem), "0", not not_problem))
        rows.append(("fuzz", f"{name}: no answer (reset or closed)", len(unanswered), "", None))
        rows.append(("fuzz", f"{name}: answers missing a security header / with a Server banner",
                     f"{len(no_headers)} / {len(banner)}", "0 / 0", not no_headers and not banner))
        if not_problem or server_errors:
            for r in (server_errors + not_problem)[:3]:
                print(f"  e.g. {r.status} {r.mimetype}: {r.body[:200]!r}", file=sys.stderr)


# -- scenario: kill -9 of the suppressions writer ---------------------------------------------

def scenario_kill(args, rows):
    sys.path.insert(0, str(ROOT))
    from factcheck.errors import FactcheckError
    from factcheck.suppressions import load_file
    folder = Path(tempfile.mkdtemp(prefix="factcheck-kill-"))
    try:
        draft = folder / "draft.txt"
        draft.write_text("Trump held a 60-minute call with Zelensky.\n")
        path = folder / "suppressions.json"
        doc = {"suppressions": [{"claim": f"c{i}", "sentence": f"sentence {i}.", "reason": "r" * 40} for i in range(20_000)]}
        path.write_text(json.dumps(doc, indent=2) + "\n")
        before = path.read_bytes()
        command = factcheck_command() + ["suppress", str(draft), "--suppressions", str(path)]
        started = time.monotonic()
        subprocess.run(command, capture_output=True, check=True)
        run_seconds = time.monotonic() - started
        rng = random.Random(11)
        loads, broken, moments = 0, 0, {"before the write": 0, "during the write": 0, "after the write": 0}
        for _ in range(args.kills):
            path.write_bytes(before)
            for leftover in folder.glob(".*.tmp"):
                leftover.unlink()
            proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            time.sleep(rng.uniform(0.3, 1.1) * run_seconds)
            proc.send_signal(signal.SIGKILL)
            proc.wait()
            if list(folder.glob(".*.tmp")):
                moments["during the write"] += 1
            elif path.read_bytes() != before:
                moments["after the write"] += 1
            else:
                moments["before the write"] += 1
            try:
                load_file(path)
                loads += 1
            except FactcheckError:
                broken += 1
        rows.append(("kill", f"kill -9 of factcheck suppress at {args.kills} random moments (run: {run_seconds:.1f} s)",
                     ", ".join(f"{v} {k}" for k, v in moments.items()), "", None))
        rows.append(("kill", "suppressions file loads after the kill", f"{loads} / {args.kills}", f"{args.kills} / {args.kills}",
                     broken == 0))
        # random moments seldom fall in the write itself (milliseconds of a run of seconds): aim at it
        aimed_loads = 0
        for _ in range(args.write_kills):
            path.write_bytes(before)
            for leftover in folder.glob(".*.tmp"):
                leftover.unlink()
            stamp = path.stat().st_mtime_ns
            proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            while proc.poll() is None:
                if list(folder.glob(".*.tmp")) or path.stat().st_mtime_ns != stamp:
                    proc.send_signal(signal.SIGKILL)
                    break
            proc.wait()
            try:
                load_file(path)
                aimed_loads += 1
            except FactcheckError:
                pass
        rows.append(("kill", "... killed the moment the write starts: the file loads", f"{aimed_loads} / {args.write_kills}",
                     f"{args.write_kills} / {args.write_kills}", aimed_loads == args.write_kills))
    finally:
        shutil.rmtree(folder, ignore_errors=True)


# -- scenario: the other attacks ------------------------------------------------------

def scenario_misc(args, rows):
    with Server(args.worker_class, args.workers, env={"FACTCHECK_BODY_TIMEOUT": str(args.body_timeout)}) as server:
        async def main():
            huge = await fetch(server.port, "POST", "/v1/compare", b"", {"Content-Type": "text/plain",
                                                                        "Content-Length": "100000000000"}, timeout=60)
            over = b"a " * 600_000
            chunks = b"".join(b"%x\r\n%s\r\n" % (65536, over[i:i + 65536]) for i in range(0, len(over) - 65536, 65536))
            chunked = await exchange(server.port, request_bytes("POST", "/v1/compare", chunks + b"0\r\n\r\n",
                                                                {"Content-Type": "text/plain", "Transfer-Encoding": "chunked"}))
            stalled = await exchange(server.port, request_bytes("POST", "/v1/compare", None, {
                "Content-Type": "text/plain", "Content-Length": "500"}) + b"Trump held", timeout=120)
            return huge, chunked, stalled
        huge, chunked, stalled = asyncio.run(main())
    for name, r, status, seconds in (("huge Content-Length, no body", huge, 413, 2),
                                     ("chunked body over 1 MiB", chunked, 413, 5),
                                     (f"stalled body (FACTCHECK_BODY_TIMEOUT={args.body_timeout:g})", stalled, 408,
                                      args.body_timeout + 3)):
        kind = json.loads(r.body).get("type") if r.mimetype == PROBLEM else r.mimetype or r.error
        rows.append(("misc", f"{name}: answer, s", f"{r.status} {kind}, {r.seconds:.2f}", f"{status} problem, <= {seconds:g}",
                     r.status == status and r.mimetype == PROBLEM and r.seconds <= seconds))
    for name, extra in (("serve --port 99999", ["--port", "99999"]), ("serve on a busy port", None)):
        with socket.socket() as taken:
            taken.bind(("127.0.0.1", 0))
            taken.listen()
            argv = extra or ["--port", str(taken.getsockname()[1])]
            started = time.monotonic()
            run = subprocess.run(factcheck_command() + ["serve", *argv], capture_output=True, text=True, timeout=120)
        lines = run.stderr.strip().splitlines()
        rows.append(("misc", f"{name}: exit, lines, s", f"{run.returncode}, {len(lines)}, {time.monotonic() - started:.1f}",
                     "2, 1", run.returncode == 2 and len(lines) == 1 and "serving" not in run.stderr))
    rows.append(sigterm_in_flight(args))
    if os.path.exists("/dev/zero"):
        started = time.monotonic()
        run = subprocess.run(factcheck_command() + ["check", "/dev/zero"], capture_output=True, text=True, timeout=120)
        lines = run.stderr.strip().splitlines()
        rows.append(("misc", "factcheck check /dev/zero: exit, lines, s", f"{run.returncode}, {len(lines)}, "
                     f"{time.monotonic() - started:.1f}", "2, 1", run.returncode == 2 and len(lines) == 1))


def sigterm_in_flight(args):
    """8 checks in flight (each about a second), then SIGTERM: all answered, exit 0."""
    text = long_sentences_mib()[:150_000]
    with Server(args.worker_class, args.workers) as server:
        async def main():
            tasks = [asyncio.create_task(fetch(server.port, "POST", "/v1/compare", text, {"Content-Type": "text/plain"},
                                               timeout=120)) for _ in range(8)]
            await asyncio.sleep(0.5)
            server.proc.send_signal(signal.SIGTERM)
            return await asyncio.gather(*tasks)
        results = asyncio.run(main())
        code = server.proc.wait(timeout=60)
    statuses = [r.status for r in results]
    answered = sum(1 for r in results if r.answered_well)
    return ("misc", "SIGTERM with 8 checks in flight: answered well, exit", f"{answered} / 8 ({sorted(set(statuses))}), {code}",
            "8 / 8, 0", answered == 8 and code == 0)


# -- the table --------------------------------------------------------------------------------

SCENARIOS = {"slow": scenario_slow, "bodies": scenario_bodies, "mixed": scenario_mixed, "fuzz": scenario_fuzz,
             "kill": scenario_kill, "misc": scenario_misc}


def print_table(rows, title: str):
    print(f"\n{title}\n")
    print("| scenario | measure | value | target | met |")
    print("|---|---|---|---|---|")
    for scenario, measure, value, target, met in rows:
        verdict = "" if met is None else ("yes" if met else "**no**")
        print(f"| {scenario} | {measure} | {value} | {target} | {verdict} |")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--quick", action="store_true", help="shorter and smaller: 20 s of slow clients, 2,000 fuzzed "
                                                         "requests, 20 kills, 16 bodies")
    ap.add_argument("--only", default=",".join(SCENARIOS), help="comma-separated scenarios (default: all)")
    ap.add_argument("--worker-class", default="gevent", choices=("gevent", "gthread", "sync"))
    ap.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--slow-clients", type=int, default=200)
    ap.add_argument("--slow-seconds", type=float, default=None, help="default 60 (20 with --quick)")
    ap.add_argument("--baseline-seconds", type=float, default=None, help="normal traffic alone first (default 10; 5)")
    ap.add_argument("--rate", type=float, default=20.0, help="normal requests per second")
    ap.add_argument("--bodies", type=int, default=None, help="concurrent 1 MiB bodies (default 64; 16)")
    ap.add_argument("--mixed-seconds", type=float, default=None, help="normal traffic beside big checks (default 30; 10)")
    ap.add_argument("--fuzz-requests", type=int, default=None, help="default 10,000 (2,000)")
    ap.add_argument("--kills", type=int, default=None, help="default 200 (20)")
    ap.add_argument("--write-kills", type=int, default=None, help="kills aimed at the write itself (default 20; 5)")
    ap.add_argument("--body-timeout", type=float, default=3.0, help="FACTCHECK_BODY_TIMEOUT of the misc server")
    ap.add_argument("--json", type=Path, help="also write the rows here")
    ap.add_argument("--probe", type=int, help=argparse.SUPPRESS)      # internal: the /healthz probe process
    args = ap.parse_args()
    if args.probe:
        probe_main(args.probe)
        return 0
    quick = args.quick
    args.slow_seconds = args.slow_seconds or (20 if quick else 60)
    args.baseline_seconds = args.baseline_seconds or (5 if quick else 10)
    args.bodies = args.bodies or (16 if quick else 64)
    args.mixed_seconds = args.mixed_seconds or (10 if quick else 30)
    args.fuzz_requests = args.fuzz_requests or (2000 if quick else 10_000)
    args.kills = args.kills or (20 if quick else 200)
    args.write_kills = args.write_kills or (5 if quick else 20)
    rows = []
    started = time.monotonic()
    for name in args.only.split(","):
        t0 = time.monotonic()
        print(f"running {name} ...", file=sys.stderr, flush=True)
        SCENARIOS[name.strip()](args, rows)
        print(f"  {name}: {time.monotonic() - t0:.0f} s", file=sys.stderr, flush=True)
    load = os.getloadavg()
    print_table(rows, f"factcheck serve --worker-class {args.worker_class} --workers {args.workers}; "
                      f"{os.cpu_count()} cores, load average at the end {load[0]:.1f}; {time.monotonic() - started:.0f} s"
                      f"{' (--quick)' if quick else ''}")
    if args.json:
        args.json.write_text(json.dumps([dict(zip(("scenario", "measure", "value", "target", "met"), r)) for r in rows],
                                        indent=1, default=str))
    return 0 if all(r[4] is not False for r in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
