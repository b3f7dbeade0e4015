"""Speed and memory of the core checker, in process and through the CLI.

    python bench/speed.py [--repeat N]

Articles: the labelled cases in tests/cases (newsroom-length drafts), plus one long text
made by concatenating them to ~1 MiB (the HTTP body limit). Reports start-up time, per
article latency (median and p95), throughput, and the peak resident memory of a CLI run.
"""
from __future__ import annotations

import argparse
import json
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=50)
    args = ap.parse_args()
    t0 = time.perf_counter()
    from factcheck.engine import Checker
    checker = Checker.load()
    load_s = time.perf_counter() - t0
    texts = [json.loads(p.read_text())["text"] for p in sorted((ROOT / "tests/cases").glob("*.json"))]
    checker.check(texts[0])  # warm caches
    times = []
    for _ in range(args.repeat):
        for text in texts:
            t = time.perf_counter()
            checker.check(text)
            times.append(time.perf_counter() - t)
    times.sort()
    chars = sum(len(t) for t in texts) * args.repeat
    big = ("\n\n".join(texts) + "\n\n") * (1_048_576 // (sum(len(t) for t in texts) + 8) + 1)
    big = big[:1_048_576]
    t = time.perf_counter()
    report = checker.check(big)
    big_s = time.perf_counter() - t
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False) as fh:
        fh.write(big)
    cli = [sys.executable, "-m", "factcheck", "check", "--format", "json", fh.name]
    t = time.perf_counter()
    subprocess.run(cli, capture_output=True)
    cli_s = time.perf_counter() - t
    rss_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    small = [sys.executable, "-m", "factcheck", "check", "--format", "json", "-"]
    t = time.perf_counter()
    subprocess.run(small, input=texts[0].encode(), capture_output=True)
    cli_small_s = time.perf_counter() - t
    print(f"load claims, rules and lexicon:      {load_s * 1000:8.1f} ms")
    print(f"article ({statistics.mean(len(x) for x in texts):.0f} chars avg), median:  {statistics.median(times) * 1000:8.2f} ms")
    print(f"article, p95:                         {times[int(len(times) * 0.95)] * 1000:8.2f} ms")
    print(f"throughput, articles:                 {chars / sum(times) / 1000:8.0f} k chars/s")
    print(f"1 MiB text in process:                {big_s:8.2f} s  ({report.summary.sentences} sentences)")
    print(f"1 MiB text through the CLI (json):    {cli_s:8.2f} s, peak RSS {rss_kb / 1024:.0f} MiB")
    print(f"one article through the CLI:          {cli_small_s * 1000:8.0f} ms (process start + load + check)")


if __name__ == "__main__":
    main()
