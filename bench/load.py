"""Load-test the real service: `factcheck serve` driven by wrk, on loopback.

    python bench/load.py [--workers N] [--seconds S] [--connections C]

Needs wrk (`apt-get install wrk`). POSTs one newsroom-length article (tests/cases/h01)
as JSON, prints wrk's throughput and latency, then the resident memory of the gunicorn
master and workers. The load generator shares the machine's cores with the server.
"""
from __future__ import annotations

import argparse
import json
import os
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


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--workers", type=int, default=os.cpu_count())
    ap.add_argument("--seconds", type=int, default=15)
    ap.add_argument("--connections", type=int, default=8)
    args = ap.parse_args()
    if not shutil.which("wrk"):
        sys.exit("wrk is not installed (apt-get install wrk)")
    article = json.loads((ROOT / "tests/cases/h01.json").read_text())["text"]
    body = json.dumps({"text": article})
    port = free_port()
    exe = shutil.which("factcheck") or f"{sys.executable} -m factcheck"
    server = subprocess.Popen(exe.split() + ["serve", "--port", str(port), "--workers", str(args.workers)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    for _ in range(150):
        try:
            urllib.request.urlopen(base + "/healthz", timeout=1)
            break
        except OSError:
            time.sleep(0.2)
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as lua:
        lua.write(f'wrk.method = "POST"\nwrk.body = {json.dumps(body)}\nwrk.headers["Content-Type"] = "application/json"\n')
    try:
        idle = rss_mib(server.pid)
        print(f"article: {len(article)} characters, {len(body)} bytes as JSON; {args.workers} workers; "
              f"wrk -t2 -c{args.connections} -d{args.seconds}s")
        out = subprocess.run(["wrk", "-t2", f"-c{args.connections}", f"-d{args.seconds}s", "--latency", "-s", lua.name,
                              base + "/v1/compare"], capture_output=True, text=True).stdout
        print(out)
        print(f"server memory (master + workers, RSS): {idle:.0f} MiB idle, {rss_mib(server.pid):.0f} MiB after the run")
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=30)
        os.unlink(lua.name)


if __name__ == "__main__":
    main()
