"""Speed of the frame checker: extracting a reference, and checking an article against it, in process.

    python bench/frames.py [REFERENCE.txt CASES_DIR ...]

Defaults to the bundled references with our own labelled cases (tests/refs/*). Prints the
median and p95 of 20 runs per measure (CPU time of this process).
"""
from __future__ import annotations

import json
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from factcheck.frames.checker import FrameChecker  # noqa: E402
from factcheck.paths import data_dir  # noqa: E402


def timed(fn, runs=20):
    out = []
    for _ in range(runs):
        t = time.process_time()
        fn()
        out.append((time.process_time() - t) * 1000)
    out.sort()
    return statistics.median(out), out[int(len(out) * 0.95) - 1]


def main(argv):
    t = time.perf_counter()
    fc = FrameChecker.load(data_dir("rules"))
    fc.extract("Warm-up: Trump met Zelensky in Paris.")
    print(f"load (English, gazetteer, rules, lemmatiser warm-up): {time.perf_counter() - t:.2f} s")
    pairs = [(Path(argv[i]), Path(argv[i + 1])) for i in range(0, len(argv), 2)] or \
        [(p / "reference.txt", p / "cases") for p in sorted((ROOT / "tests" / "refs").iterdir()) if (p / "cases").is_dir()]
    for ref_path, cases in pairs:
        article = ref_path.read_text(encoding="utf-8")
        words = len(article.split())
        med, p95 = timed(lambda: fc.extract(article))
        print(f"{ref_path.parent.name}: extract {words} words: median {med:.1f} ms, p95 {p95:.1f} ms")
        ref = fc.extract(article)
        texts = [json.loads(p.read_text())["text"] for p in sorted(cases.glob("*.json"))]
        meds = [timed(lambda: fc.check(tx, ref))[0] for tx in texts]
        print(f"{ref_path.parent.name}: check {len(texts)} articles (~{statistics.mean(len(tx.split()) for tx in texts):.0f} words): "
              f"median {statistics.median(meds):.1f} ms, slowest {max(meds):.1f} ms")


if __name__ == "__main__":
    main(sys.argv[1:])
