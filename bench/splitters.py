"""Compare sentence splitters on newsroom text: errors against golden splits, and speed.

    python bench/splitters.py [EVAL_DIR]

The golden fixture is tests/data/splitter_golden.json; EVAL_DIR (optional) adds the
labelled cases of ../shared/eval/dev, whose sentence spans are the gold boundaries.
pysbd and syntok must be installed to be compared (pip install pysbd syntok).
"""
from __future__ import annotations

import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from factcheck.text.sentences import split_sentences  # noqa: E402


def ours(text):
    return [(s.start, s.end) for s in split_sentences(text)]


def make_pysbd():
    import pysbd
    seg = pysbd.Segmenter(language="en", clean=False, char_span=True)

    def run(text):
        out = []
        for line_start, line in _lines(text):
            for s in seg.segment(line):
                chunk = line[s.start:s.end]
                lead = len(chunk) - len(chunk.lstrip())
                out.append((line_start + s.start + lead, line_start + s.start + len(chunk.rstrip())))
        return [o for o in out if o[1] > o[0]]
    return run


def make_syntok():
    from syntok import segmenter

    def run(text):
        out = []
        for line_start, line in _lines(text):
            for para in segmenter.analyze(line):
                for sent in para:
                    toks = list(sent)
                    out.append((line_start + toks[0].offset, line_start + toks[-1].offset + len(toks[-1].value)))
        return out
    return run


def _lines(text):
    pos = 0
    for line in text.splitlines(keepends=True):
        yield pos, line.rstrip("\r\n")
        pos += len(line)


def golden_cases(eval_dir):
    cases = []
    for sentences in json.loads((ROOT / "tests/data/splitter_golden.json").read_text())["cases"]:
        text, spans, pos = " ".join(sentences), [], 0
        for s in sentences:
            spans.append((pos, pos + len(s)))
            pos += len(s) + 1
        cases.append((text, spans))
    if eval_dir:
        for f in sorted(Path(eval_dir).glob("*.json")):
            case = json.loads(f.read_text())
            cases.append((case["text"], [(s["start"], s["end"]) for s in case["sentences"]]))
    return cases


def errors(pred, gold):
    """Boundary errors: gold ends missed plus predicted ends that are not gold."""
    g = {e for _, e in gold}
    p = {e for _, e in pred}
    return len(g - p) + len(p - g)


def main(argv):
    cases = golden_cases(argv[1] if len(argv) > 1 else None)
    splitters = {"factcheck": ours}
    for name, make in (("pysbd", make_pysbd), ("syntok", make_syntok)):
        try:
            splitters[name] = make()
        except ImportError:
            print(f"{name}: not installed, skipped")
    corpus = "\n\n".join(t for t, _ in cases)
    big = (corpus + "\n\n") * max(1, 66_000 // len(corpus))
    print(f"{len(cases)} texts, {sum(len(g) for _, g in cases)} gold sentences; speed on {len(big):,} chars")
    print(f"{'splitter':<10}{'errors':>8}{'seconds':>10}{'chars/s':>14}")
    for name, fn in splitters.items():
        errs = sum(errors(fn(t), g) for t, g in cases)
        t0 = time.perf_counter()
        fn(big)
        dt = time.perf_counter() - t0
        print(f"{name:<10}{errs:>8}{dt:>10.3f}{len(big) / dt:>14,.0f}")


if __name__ == "__main__":
    main(sys.argv)
