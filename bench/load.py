"""Load-test the real service: `factcheck serve` driven by wrk, on loopback.

    python bench/load.py [--workers N] [--seconds S] [--connections C ...] [--json PATH]

Needs wrk (`apt-get install wrk`). POSTs the 18 newsroom-length dev drafts (tests/cases) in
turn as JSON to `factcheck serve` with its default workers, for S seconds (default 30) at each
number of clients (default 8, 32 and 64), and prints req/s, p50 and p99 and the errors (socket
errors and non-2xx answers), then the resident memory of the gunicorn master and workers. The
load generator shares the machine's cores with the server.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import shlex
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def rss_mib(pid: int) -> float:
    total = 0
    pids = [pid] + [int(p) for p in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    for p in pids:
        for line in Path(f"/proc/{p}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                total += int(line.split()[1])
    return total / 1024


_LATENCY = re.compile(r"^\s+(50|99)(?:\.0+)?%\s+([\d.]+)(us|ms|s)\s*$", re.M)
_UNIT = {"us": 0.001, "ms": 1.0, "s": 1000.0}


def parse_wrk(out: str) -> dict:
    """req/s, p50 and p99 in ms, and every error wrk counts (socket errors and non-2xx answers)."""
    lat = {q: float(v) * _UNIT[u] for q, v, u in _LATENCY.findall(out)}
    rps = re.search(r"Requests/sec:\s+([\d.]+)", out)
    total = re.search(r"(\d+) requests in", out)
    sock = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out)
    non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    errors = (sum(int(x) for x in sock.groups()) if sock else 0) + (int(non2xx.group(1)) if non2xx else 0)
    return {"requests": int(total.group(1)) if total else 0, "rps": float(rps.group(1)) if rps else 0.0,
            "p50_ms": lat.get("50"), "p99_ms": lat.get("99"), "errors": errors}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--workers", type=int, default=None, help="server workers (default: factcheck serve's own default)")
    ap.add_argument("--seconds", type=int, default=30)
    ap.add_argument("--connections", type=int, nargs="+", default=[8, 32, 64])
    ap.add_argument("--json", type=Path, help="write the figures here")
    ap.add_argument("--serve", default="", metavar="ARGS", help="more arguments for factcheck serve, as one string "
                                                                  "(e.g. --serve='--worker-class gthread')")
    args = ap.parse_args()
    if not shutil.which("wrk"):
        sys.exit("wrk is not installed (apt-get install wrk)")
    # several newsroom-length drafts, taken in turn: every request is a real check
    articles = [json.loads(p.read_text())["text"] for p in sorted((ROOT / "tests/cases").glob("*.json"))]
    bodies = [json.dumps({"text": a}) for a in articles]
    port = free_port()
    exe = shutil.which("factcheck") or f"{sys.executable} -m factcheck"
    cmd = exe.split() + ["serve", "--port", str(port)] + (["--workers", str(args.workers)] if args.workers else []) + shlex.split(args.serve)
    server = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    for _ in range(150):
        try:
            urllib.request.urlopen(base + "/healthz", timeout=1)
            break
        except OSError:
            time.sleep(0.2)
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as lua:
        lua.write("bodies = {" + ",".join(json.dumps(b) for b in bodies) + "}\n"
                  "n = 0\n"
                  "request = function()\n  n = n % #bodies + 1\n"
                  '  return wrk.format("POST", nil, {["Content-Type"] = "application/json"}, bodies[n])\nend\n')
    rows = []
    try:
        idle = rss_mib(server.pid)
        print(f"{len(bodies)} articles of {min(map(len, articles))}-{max(map(len, articles))} characters in turn; "
              f"`{' '.join(cmd[1:])}`; wrk -t2 -d{args.seconds}s on the same 2 cores")
        for c in args.connections:
            out = subprocess.run(["wrk", "-t2", f"-c{c}", f"-d{args.seconds}s", "--latency", "-s", lua.name,
                                  base + "/v1/compare"], capture_output=True, text=True).stdout
            rows.append({"connections": c, **parse_wrk(out)})
            r = rows[-1]
            print(f"{c:>3} clients: {r['rps']:7.1f} req/s  p50 {r['p50_ms']:7.1f} ms  p99 {r['p99_ms']:7.1f} ms  "
                  f"{r['requests']} requests, {r['errors']} errors")
        print(f"server memory (master + workers, RSS): {idle:.0f} MiB idle, {rss_mib(server.pid):.0f} MiB after the runs")
        if args.json:
            args.json.write_text(json.dumps({"command": " ".join(sys.argv), "server": " ".join(cmd[1:]), "runs": rows}, indent=2) + "\n")
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=30)
        os.unlink(lua.name)


if __name__ == "__main__":
    main()
