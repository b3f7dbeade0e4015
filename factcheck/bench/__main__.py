"""The benchmark: speed, start-up and memory of the checker, against stores of growing size.

    python -m factcheck.bench [--claims N ...] [--json PATH] [--chart SVG] [--repeat R]

Run from a checkout: the texts are the repository's labelled cases. For each store size it
prepares a seeds directory (the bundled references, the 32 references of tests/refs, and N
synthetic claims from factcheck.bench.synthetic; their extraction is cached, so only the first
run extracts) and measures it in a fresh process:

- start-up: Checker.load() with the extraction cache warm; resident memory at the end (peak);
- latency per typical article (500-900 words: four of the dev cases about the seed reference
  together) through Checker.check(), CPU time, median and p95; the same for the labelled cases
  about the tests/refs references ("store" articles, which the index must find among N); and for
  one 10,000-word article;
- verdicts_changed: texts whose findings differ from those against their own reference alone
  (the dev cases against the bundled references, the tests/refs cases against their article);
- in the same process, a bare fuzzy matcher (a regex split and rapidfuzz token_set_ratio of each
  sentence against the bundled references' sentences) and a brute-force scan (every sentence
  against every claim of the store), so speed-ups are ratios measured side by side.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CASES = ROOT / "tests" / "cases"
REFS = ROOT / "tests" / "refs"
WORK = Path(os.environ.get("FACTCHECK_BENCH_DIR", Path.home() / ".cache" / "factcheck-bench"))
_SPLIT = re.compile(r"(?<=[.!?])\s+")


def dev_texts() -> list[str]:
    """The 18 dev cases about the seed reference (tests/cases), in order."""
    return [json.loads(p.read_text())["text"] for p in sorted(CASES.glob("*.json"))]


def typical_articles() -> list[str]:
    """Four consecutive dev cases about the seed reference, as one article: 15 articles of 540-640 words."""
    texts = dev_texts()
    return ["\n\n".join(texts[i:i + 4]) for i in range(len(texts) - 3)]


def long_article(words: int = 10_000) -> str:
    texts = dev_texts()
    out, n = [], 0
    while n < words:
        t = texts[len(out) % len(texts)]
        out.append(t)
        n += len(t.split())
    return "\n\n".join(out)


def ref_cases() -> list[tuple[str, str]]:
    """(reference name, text) of every labelled case about a tests/refs reference."""
    return [(d.name, json.loads(p.read_text())["text"]) for d in sorted(REFS.iterdir()) if (d / "cases").is_dir()
            for p in sorted((d / "cases").glob("*.json"))]


# -- preparing a store ---------------------------------------------------------------------------

def prepare(claims: int, seed: int) -> Path:
    """A seeds directory: the bundled references, tests/refs' articles and `claims` synthetic claims."""
    from ..engine import Checker
    from ..paths import data_dir
    from .synthetic import Pool, articles
    # named by what it holds: a store prepared before tests/refs gained a reference would check that
    # reference's cases against everything but their own article
    refs = hashlib.sha256("\0".join(sorted(d.name for d in REFS.iterdir() if (d / "reference.txt").is_file())).encode())
    seeds = WORK / f"store-{claims}-{seed}-{refs.hexdigest()[:8]}"
    done = seeds / ".complete"
    if done.exists():
        Checker.load(seeds_dir=seeds, cache_dir=WORK / "cache")    # the cache warm for this engine: start-up is timed warm
        return seeds
    shutil.rmtree(seeds, ignore_errors=True)
    seeds.mkdir(parents=True)
    for p in data_dir("seeds").iterdir():          # a folder per source (flat files of older layouts too)
        (shutil.copytree if p.is_dir() else shutil.copy)(p, seeds / p.name)
    for d in sorted(REFS.iterdir()):
        if (d / "reference.txt").is_file():
            shutil.copy(d / "reference.txt", seeds / f"{d.name}.txt")
    checker = Checker.load(seeds_dir=seeds, cache_dir=WORK / "cache")     # extracts the real ones once
    people = sorted({p.name for sid in checker.store for p in checker.store.get(sid).people.values() if " " in p.name})
    places = sorted({c.frame.places[0].text for sid in checker.store for c in checker.store.get(sid).claims
                     if c.frame.places and c.frame.places[0].kind == "city"})
    made = articles(10**9, seed, Pool(tuple(people), tuple(places)))
    real = sum(s.claims for s in checker.store.sources.values() if s.checked)
    total = 0
    while total < claims:        # about 12 claims an article: write a batch, extract it (cached), count
        for _ in range(max(1, (claims - total) // 12)):
            sid, text = next(made)
            (seeds / f"{sid}.txt").write_text(text, encoding="utf-8")
        checker = Checker.load(seeds_dir=seeds, cache_dir=WORK / "cache")
        total = sum(s.claims for s in checker.store.sources.values() if s.checked) - real
    done.write_text(str(total))
    return seeds


# -- measuring one store, in a fresh process -----------------------------------------------------

def _cpu_ms(fn, *args) -> float:
    t = time.process_time()
    fn(*args)
    return (time.process_time() - t) * 1000


def _stats(times: list[float]) -> tuple[float, float]:
    times = sorted(times)
    return statistics.median(times), times[max(0, round(len(times) * 0.95) - 1)]


def _findings(report) -> set[tuple]:
    from ..engine import local_id
    return {(f.span.start, f.kind, local_id(f.claim.id) if f.claim else "") for f in report.findings}


def measure(seeds: Path, repeat: int) -> dict:
    from rapidfuzz import fuzz, process

    from ..engine import Checker, keep_loaded
    from ..paths import data_dir
    t = time.perf_counter()
    checker = Checker.load(seeds_dir=seeds, cache_dir=WORK / "cache")
    startup = time.perf_counter() - t
    keep_loaded()                   # as the service and the CLI do
    hand_claims = len(checker.reference.claims)
    extracted_claims = sum(s.claims for s in checker.store.sources.values() if s.checked)
    typical, longer, cases = typical_articles(), long_article(), ref_cases()
    checker.check(typical[0])
    times = [_cpu_ms(checker.check, a) for _ in range(repeat) for a in typical]
    store_times = [_cpu_ms(checker.check, text) for _ in range(max(1, repeat // 3)) for _, text in cases]
    long_ms = statistics.median(_cpu_ms(checker.check, longer) for _ in range(3))
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    # verdicts: against the whole store, and against the text's own reference alone
    bundled = Checker.load(seeds_dir=data_dir("seeds"), cache_dir=WORK / "cache")
    changed = [f"dev:{i}" for i, text in enumerate(dev_texts()) if _findings(checker.check(text)) != _findings(bundled.check(text))]
    articles = {d.name: (d / "reference.txt").read_text(encoding="utf-8") for d in REFS.iterdir() if (d / "reference.txt").is_file()}
    changed += [f"{name}:{i}" for i, (name, text) in enumerate(cases)
                if _findings(checker.check(text)) != _findings(checker.check_against(text, articles[name]))]

    # side by side: a bare fuzzy matcher over the bundled references' sentences, and every claim scanned
    ref_sentences = [s for src in bundled.reference.sources.values() for s in _SPLIT.split(src.article) if s.strip()]
    statements = [c.statement for _, c in checker.reference.claims] + \
        [c.statement for sid in checker.store for c in checker.store.get(sid).claims]

    def fuzzy(text, against):
        sentences = [s for s in _SPLIT.split(text) if s.strip()]
        return process.cdist(sentences, against, scorer=fuzz.token_set_ratio, dtype="uint8").argmax(axis=1) \
            if sentences and against else None
    fuzzy_ms = statistics.median(_cpu_ms(fuzzy, a, ref_sentences) for a in typical)
    brute_ms = statistics.median(_cpu_ms(fuzzy, a, statements) for a in typical[:3])
    median, p95 = _stats(times)
    store_median, store_p95 = _stats(store_times)
    return {"claims": hand_claims + extracted_claims, "synthetic_claims": None, "references": len(checker.source_ids),
            "median_ms": round(median, 2), "p95_ms": round(p95, 2),
            "store_median_ms": round(store_median, 2), "store_p95_ms": round(store_p95, 2),
            "long_article_ms": round(long_ms, 1), "startup_s": round(startup, 2), "rss_mib": round(rss, 1),
            "fuzzy_baseline_ms": round(fuzzy_ms, 2), "brute_force_median_ms": round(brute_ms, 2),
            "verdicts_changed": len(changed), "changed": changed[:20], "texts": 18 + len(cases)}


# -- the report -----------------------------------------------------------------------------------

COLUMNS = [("claims", "claims"), ("references", "refs"), ("median_ms", "median ms"), ("p95_ms", "p95 ms"),
           ("store_median_ms", "store median ms"), ("long_article_ms", "10k words ms"), ("startup_s", "start-up s"),
           ("rss_mib", "RSS MiB"), ("fuzzy_baseline_ms", "fuzzy ms"), ("brute_force_median_ms", "brute force ms"),
           ("verdicts_changed", "changed")]


def table(rows: list[dict]) -> str:
    head = [h for _, h in COLUMNS]
    cells = [[str(r[k]) for k, _ in COLUMNS] for r in rows]
    widths = [max(len(h), *(len(c[i]) for c in cells)) for i, h in enumerate(head)]
    line = lambda xs: "  ".join(x.rjust(w) for x, w in zip(xs, widths))
    return "\n".join([line(head), line(["-" * w for w in widths])] + [line(c) for c in cells])


def chart(rows: list[dict]) -> str:
    """Latency against claim count, indexed (the store's articles) and brute force, log-log, as SVG."""
    import math
    w, h, pad, left = 640, 360, 60, 90
    xs = [max(1, r["claims"]) for r in rows]
    series = [("indexed: article about a stored reference", "store_median_ms", "#1f6feb"),
              ("indexed: typical article (bundled references)", "median_ms", "#2da44e"),
              ("brute force: every sentence x every claim", "brute_force_median_ms", "#cf222e")]
    ys = [r[k] for r in rows for _, k, _ in series if r[k] > 0]
    lx0, lx1 = math.log10(min(xs)) - 0.1, math.log10(max(xs)) + 0.1
    ly0, ly1 = math.floor(math.log10(min(ys))), math.ceil(math.log10(max(ys)))
    px = lambda x: left + (math.log10(x) - lx0) / (lx1 - lx0 or 1) * (w - left - pad)
    py = lambda y: h - pad - (math.log10(y) - ly0) / (ly1 - ly0 or 1) * (h - 2 * pad)
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" font-family="sans-serif" font-size="12">',
           f'<rect width="{w}" height="{h}" fill="white"/>',
           f'<text x="{w / 2}" y="20" text-anchor="middle" font-size="14">Median latency per article against store size</text>']
    for e in range(int(ly0), int(ly1) + 1):
        y = py(10 ** e)
        out.append(f'<line x1="{left}" x2="{w - pad}" y1="{y:.1f}" y2="{y:.1f}" stroke="#ddd"/>')
        out.append(f'<text x="{left - 6}" y="{y + 4:.1f}" text-anchor="end">{10 ** e:,g} ms</text>')
    for x in xs:
        out.append(f'<text x="{px(x):.1f}" y="{h - pad + 18}" text-anchor="middle">{x:,}</text>')
    out.append(f'<text x="{w / 2}" y="{h - 12}" text-anchor="middle">claims in the store (log scale)</text>')
    for n, (label, key, colour) in enumerate(series):
        pts = [(px(x), py(r[key])) for x, r in zip(xs, rows) if r[key] > 0]
        out.append(f'<polyline fill="none" stroke="{colour}" stroke-width="2" points="{" ".join(f"{a:.1f},{b:.1f}" for a, b in pts)}"/>')
        out += [f'<circle cx="{a:.1f}" cy="{b:.1f}" r="3" fill="{colour}"/>' for a, b in pts]
        out.append(f'<text x="{left + 10}" y="{40 + 16 * n}" fill="{colour}">{label}</text>')
    out.append("</svg>")
    return "\n".join(out) + "\n"


def archive(n: int) -> dict:
    """Throughput over an archive of `n` articles (the labelled cases, cycled) as JSON Lines:
    `factcheck check --format jsonl` with --jobs 1 and --jobs 2, and the same on a local Dask
    cluster of two worker processes; wall time, start-up included, and the speed-up of the
    checking alone (less the start-up a one-article run takes)."""
    import tempfile
    texts = dev_texts() + [t for _, t in ref_cases()]
    out: dict = {"articles": n}
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "archive.jsonl"
        path.write_text("".join(json.dumps({"id": i, "text": texts[i % len(texts)]}) + "\n" for i in range(n)))
        lines = {}
        for jobs in (1, 2):
            t = time.perf_counter()
            run = subprocess.run([sys.executable, "-m", "factcheck", "check", "--format", "jsonl", "--jobs", str(jobs), str(path)],
                                 capture_output=True, text=True, check=False)
            out[f"jobs{jobs}_s"] = round(time.perf_counter() - t, 2)
            lines[jobs] = run.stdout
        one = Path(tmp) / "one.jsonl"
        one.write_text(json.dumps({"id": 0, "text": texts[0]}) + "\n")
        t = time.perf_counter()
        subprocess.run([sys.executable, "-m", "factcheck", "check", "--format", "jsonl", str(one)], capture_output=True, check=False)
        out["startup_s"] = round(time.perf_counter() - t, 2)          # the process, imports and load, for one article
        out["jobs2_speedup"] = round(out["jobs1_s"] / out["jobs2_s"], 2)
        out["jobs2_speedup_checking"] = round((out["jobs1_s"] - out["startup_s"]) / (out["jobs2_s"] - out["startup_s"]), 2)
        out["jobs_equal"] = lines[1] == lines[2] and lines[1].count("\n") == n
        try:
            from dask.distributed import Client, LocalCluster

            from ..dask_check import check_on_cluster
        except ImportError:
            return out
        t = time.perf_counter()
        with LocalCluster(n_workers=2, threads_per_worker=1, dashboard_address=None) as cluster, Client(cluster) as client:
            got = check_on_cluster(client, [(i, texts[i % len(texts)]) for i in range(n)])
        out["dask_s"] = round(time.perf_counter() - t, 2)
        out["dask_equal"] = [json.loads(x) for x in lines[1].splitlines()] == got
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m factcheck.bench", description=__doc__.split("\n\n")[0])
    ap.add_argument("--claims", type=int, nargs="*", default=[0], metavar="N",
                    help="synthetic claims added to the store, one run per N (default: 0)")
    ap.add_argument("--seed", type=int, default=20261201, help="the synthetic store's random seed")
    ap.add_argument("--repeat", type=int, default=5, help="runs of each typical article")
    ap.add_argument("--json", type=Path, metavar="PATH", help="write the figures here")
    ap.add_argument("--chart", type=Path, metavar="SVG", help="write the latency chart here (needs two sizes or more)")
    ap.add_argument("--archive", type=int, metavar="N", help="also: throughput over N articles, --jobs 1 and 2, and Dask")
    ap.add_argument("--one", type=Path, help=argparse.SUPPRESS)      # the measuring child: one prepared store
    args = ap.parse_args(argv)
    if not CASES.is_dir() or not REFS.is_dir():
        print("factcheck.bench: run it from a checkout of factcheck (it reads tests/cases and tests/refs)", file=sys.stderr)
        return 2
    if args.one:
        print(json.dumps(measure(args.one, args.repeat)))
        return 0
    rows = []
    for n in args.claims:
        t = time.perf_counter()
        seeds = prepare(n, args.seed)
        prep = time.perf_counter() - t
        child = subprocess.run([sys.executable, "-m", "factcheck.bench", "--one", str(seeds), "--repeat", str(args.repeat)],
                               capture_output=True, text=True, check=False)
        if child.returncode:
            print(child.stderr, file=sys.stderr)
            return 1
        row = json.loads(child.stdout.strip().splitlines()[-1])
        row["synthetic_claims"] = int((seeds / ".complete").read_text())
        row["prepare_s"] = round(prep, 1)
        rows.append(row)
        print(f"store with {n:,} synthetic claims measured (prepared in {prep:.0f} s)", file=sys.stderr)
    print(table(rows))
    doc = {"machine": _machine(), "command": " ".join(["python -m factcheck.bench"] + (argv if argv is not None else sys.argv[1:])),
           "runs": rows, **rows[-1]}
    if args.archive:
        doc["archive"] = archive(args.archive)
        print("archive:", json.dumps(doc["archive"]))
    if args.json:
        args.json.write_text(json.dumps(doc, indent=2) + "\n")
    if args.chart and len(rows) > 1:
        args.chart.write_text(chart(rows))
    return 0


def _machine() -> str:
    import platform
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor()) if Path("/proc/cpuinfo").exists() else platform.processor()
    return f"{os.cpu_count()} cores, {cpu}, Python {platform.python_version()}"


if __name__ == "__main__":
    raise SystemExit(main())
