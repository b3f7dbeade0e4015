"""Render reports: linter-style text, JSON, GitHub Actions annotations, SARIF 2.1.0.

Every renderer takes a list of (path, report) pairs, so one call can cover many files.
"""
from __future__ import annotations

import json

from . import __version__
from .models import Finding, Report

_COLOURS = {"contradiction": "\033[31m", "agreement": "\033[32m", "new_claim": "\033[33m"}
_RESET = "\033[0m"
_LABEL = {"contradiction": "contradiction", "agreement": "agreement", "new_claim": "new claim"}
FORMATS = ("text", "json", "github", "sarif")


def render(fmt: str, results: list[tuple[str, Report]], colour: bool = False) -> str:
    return {"text": lambda: to_text(results, colour), "json": lambda: to_json(results),
            "github": lambda: to_github(results), "sarif": lambda: to_sarif(results)}[fmt]()


def to_json(results: list[tuple[str, Report]]) -> str:
    """One file: its report. Several: {"files": [{"path", "report"}], "summary"}."""
    if len(results) == 1:
        return results[0][1].model_dump_json(indent=2) + "\n"
    files = [{"path": path, "report": r.model_dump(mode="json")} for path, r in results]
    return json.dumps({"files": files, "summary": _total(results)}, indent=2, ensure_ascii=False) + "\n"


def _total(results) -> dict:
    keys = ("sentences", "agreements", "contradictions", "new_claims", "suppressed")
    return {"files": len(results), **{k: sum(getattr(r.summary, k) for _, r in results) for k in keys}}


def _main_hits(f: Finding):
    return [h for h in f.rules if h.category != "match"] or f.rules


def to_text(results: list[tuple[str, Report]], colour: bool = False) -> str:
    lines = []
    for path, report in results:
        for f in report.findings:
            label = _LABEL[f.kind]
            if colour:
                label = f"{_COLOURS[f.kind]}{label}{_RESET}"
            if f.kind == "new_claim":
                lines.append(f"{path}:{f.line}:{f.column}: {label} {f.rules[0].message}: {_clip(f.text)}")
                continue
            hits = _main_hits(f)
            for h in hits if f.kind == "contradiction" else hits[:1]:
                lines.append(f"{path}:{f.line}:{f.column}: {label} [{h.category}] {h.message} ({f.claim.id})")
        s = report.summary
        quiet = f", {s.suppressed} suppressed" if s.suppressed else ""
        lines.append(f"{path}: {s.sentences} sentences: {s.contradictions} contradictions, {s.agreements} agreements, "
                     f"{s.new_claims} new claims{quiet}; {s.omitted} reference claims not mentioned")
    if len(results) > 1:
        t = _total(results)
        lines.append(f"{t['files']} files: {t['contradictions']} contradictions, {t['agreements']} agreements, "
                     f"{t['new_claims']} new claims, {t['suppressed']} suppressed")
    return "\n".join(lines) + "\n"


def _clip(text: str, width: int = 80) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "\u2026"


def _escape_data(s: str) -> str:
    return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(s: str) -> str:
    return _escape_data(s).replace(":", "%3A").replace(",", "%2C")


def to_github(results: list[tuple[str, Report]]) -> str:
    """GitHub Actions workflow commands: ::error for contradictions, ::warning for new claims."""
    lines = []
    for path, report in results:
        for f in report.findings:
            if f.kind == "agreement":
                continue
            level = "error" if f.kind == "contradiction" else "warning"
            end = f.column + (f.span.end - f.span.start)
            for h in _main_hits(f):
                message = h.message + (f" (claim {f.claim.id}: {f.claim.statement})" if f.claim else "")
                props = (f"file={_escape_property(path)},line={f.line},col={f.column},endLine={f.line},"
                         f"endColumn={end},title={_escape_property('factcheck ' + h.id)}")
                lines.append(f"::{level} {props}::{_escape_data(message)}")
    return "\n".join(lines) + ("\n" if lines else "")


def to_sarif(results: list[tuple[str, Report]], rules_meta: dict | None = None) -> str:
    """SARIF 2.1.0: one result per contradiction (error) and new claim (warning)."""
    rule_ids: dict[str, dict] = {}
    sarif_results = []
    for path, report in results:
        for f in report.findings:
            if f.kind == "agreement":
                continue
            for h in _main_hits(f):
                rule_ids.setdefault(h.id, {"id": h.id, "name": h.id.replace(".", "/"),
                                           "shortDescription": {"text": f"factcheck {h.category} rule {h.id}"},
                                           "properties": {"category": h.category}})
                result = {
                    "ruleId": h.id,
                    "level": "error" if f.kind == "contradiction" else "warning",
                    "message": {"text": h.message + (f" (claim {f.claim.id}: {f.claim.statement})" if f.claim else "")},
                    "locations": [{"physicalLocation": {
                        "artifactLocation": {"uri": path},
                        "region": {"startLine": f.line, "startColumn": f.column, "endLine": f.line,
                                   "endColumn": f.column + (f.span.end - f.span.start),
                                   "charOffset": f.span.start, "charLength": f.span.end - f.span.start,
                                   "snippet": {"text": f.text}}}}],
                    "partialFingerprints": {"claimAndSentence/v1": f"{f.claim.id if f.claim else 'new'}:{' '.join(f.text.lower().split())}"},
                }
                if f.claim:
                    result["properties"] = {"claim": f.claim.id, "evidence": f.claim.evidence.text, "source": f.claim.source}
                sarif_results.append(result)
    for rid, meta in (rules_meta or {}).items():
        if rid in rule_ids:
            rule_ids[rid].update(meta)
    doc = {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {"name": "factcheck", "version": __version__, "semanticVersion": __version__,
                                "rules": list(rule_ids.values())}},
            "results": sarif_results,
        }],
    }
    return json.dumps(doc, indent=2, ensure_ascii=False) + "\n"
