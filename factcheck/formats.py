"""Render a report: linter-style text lines (colour only on a terminal) or JSON."""
from __future__ import annotations

from .models import Report

_COLOURS = {"contradiction": "\033[31m", "agreement": "\033[32m", "new_claim": "\033[33m"}
_RESET = "\033[0m"
_LABEL = {"contradiction": "contradiction", "agreement": "agreement", "new_claim": "new claim"}


def to_json(report: Report) -> str:
    return report.model_dump_json(indent=2) + "\n"


def to_text(report: Report, path: str, colour: bool = False) -> str:
    lines = []
    for f in report.findings:
        label = _LABEL[f.kind]
        if colour:
            label = f"{_COLOURS[f.kind]}{label}{_RESET}"
        if f.kind == "new_claim":
            detail = f.rules[0].message
            lines.append(f"{path}:{f.line}:{f.column}: {label} {detail}: {_clip(f.text)}")
            continue
        hits = [h for h in f.rules if h.category != "match"] or f.rules
        for h in hits if f.kind == "contradiction" else hits[:1]:
            lines.append(f"{path}:{f.line}:{f.column}: {label} [{h.category}] {h.message} ({f.claim.id})")
    s = report.summary
    lines.append(f"{path}: {s.sentences} sentences: {s.contradictions} contradictions, {s.agreements} agreements, "
                 f"{s.new_claims} new claims; {s.omitted} reference claims not mentioned")
    return "\n".join(lines) + "\n"


def _clip(text: str, width: int = 80) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "\u2026"
