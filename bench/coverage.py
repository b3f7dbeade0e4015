"""How well `factcheck extract` covers a reference's labelled facts.

    python bench/coverage.py ARTICLE FACTS.json [ARTICLE FACTS.json ...]

For each pair: the share of facts whose span overlaps an extracted claim's evidence, and the
share of claims whose evidence overlaps no fact (claims about something the labels skip).
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from factcheck.frames.checker import FrameChecker  # noqa: E402
from factcheck.paths import data_dir  # noqa: E402


def main(argv: list[str]) -> int:
    fc = FrameChecker.load(data_dir("rules"))
    print(f"{'reference':<28}{'facts':>6}{'covered':>9}{'claims':>8}{'cover none':>12}")
    for article, facts_path in zip(argv[::2], argv[1::2]):
        ref = fc.extract(Path(article).read_text(encoding="utf-8"))
        facts = json.loads(Path(facts_path).read_text(encoding="utf-8"))["facts"]
        hit = sum(any(c.start < f["end"] and f["start"] < c.end for c in ref.claims) for f in facts)
        empty = sum(not any(c.start < f["end"] and f["start"] < c.end for f in facts) for c in ref.claims)
        name = Path(article).parent.name if Path(article).name == "reference.txt" else Path(article).stem
        print(f"{name:<28}{len(facts):>6}{hit / len(facts):>9.0%}{len(ref.claims):>8}{empty / len(ref.claims):>12.0%}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
