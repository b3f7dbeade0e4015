"""End to end through the CLI: our own labelled cases (tests/cases, FORMAT of the eval set).

A sentence's predicted label is the strongest kind among the findings lying mostly inside
it (contradiction > agreement > new claim); agreements and contradictions must cite a claim
that covers one of the sentence's labelled facts.
"""
import json
from collections import Counter

import pytest

from .conftest import CASES, load_case

KIND = {"agreement": "agree", "contradiction": "contradict", "new_claim": "new"}


def predicted(sentence, findings):
    inside = [f for f in findings if min(f["span"]["end"], sentence["end"]) - max(f["span"]["start"], sentence["start"]) > 0]
    labels = {KIND[f["kind"]] for f in inside}
    label = next((lab for lab in ("contradict", "agree", "new") if lab in labels), "none")
    return label, [f for f in inside if KIND[f["kind"]] == label]


@pytest.fixture(scope="module")
def results(cli, checker, tmp_path_factory):
    # a fact's evidence: the spans of the claims that cover it (as the eval scorer uses fact spans)
    spans_of_fact = {}
    for _, c in checker.reference.claims:
        for fact in c.facts:
            spans_of_fact.setdefault(fact, []).append((c.evidence.start, c.evidence.end))
    rows = []
    for path in sorted(CASES.glob("*.json")):
        case = load_case(path)
        article = tmp_path_factory.mktemp("case") / f"{case['id']}.txt"
        article.write_text(case["text"], encoding="utf-8")
        run = cli("check", "--format", "json", article)
        assert run.returncode in (0, 1), run.stderr
        findings = json.loads(run.stdout)["findings"]
        for s in case["sentences"]:
            label, found = predicted(s, findings)
            gold = [span for fact in s["facts"] for span in spans_of_fact.get(fact, [])]
            aligned = any(f["claim"]["evidence"]["start"] < end and start < f["claim"]["evidence"]["end"]
                          for f in found if f["claim"] for start, end in gold)
            rows.append((case["id"], s, label, aligned))
    return rows


def test_labelled_cases_meet_the_quality_bar(results):
    confusion = Counter((s["label"], label) for _, s, label, _ in results if s["label"] != "none")
    f1 = {}
    for lab in ("agree", "contradict", "new"):
        tp = confusion[lab, lab]
        fp = sum(v for (g, p), v in confusion.items() if p == lab and g != lab)
        fn = sum(v for (g, p), v in confusion.items() if g == lab and p != lab)
        prec, rec = tp / (tp + fp) if tp + fp else 0, tp / (tp + fn) if tp + fn else 0
        f1[lab] = (prec, rec, 2 * prec * rec / (prec + rec) if prec + rec else 0)
    macro = sum(v[2] for v in f1.values()) / 3
    misses = [f"{cid}: gold={s['label']} got={label}: {s['text']}" for cid, s, label, _ in results if s["label"] != "none" and s["label"] != label]
    assert macro >= 0.9, "\n".join(misses)
    assert f1["contradict"][0] >= 0.9 and f1["contradict"][1] >= 0.9, "\n".join(misses)


def test_every_correct_verdict_cites_a_claim_on_the_labelled_facts(results):
    wrong = [f"{cid}: {s['text']}" for cid, s, label, aligned in results
             if label == s["label"] and label in ("agree", "contradict") and not aligned]
    assert not wrong


def test_every_contradiction_category_is_caught(results):
    caught = {s.get("category") for _, s, label, _ in results if s["label"] == "contradict" and label == "contradict"}
    assert caught >= {"numeric", "date", "location", "person", "title", "negation", "antonym", "modality", "quantity"}
