"""Render reports: linter-style text, JSON, GitHub Actions annotations, SARIF 2.1.0.

Every renderer takes a list of (path, report) pairs, so one call can cover many files.
"""
from __future__ import annotations

import json

from . import __version__
from .models import Finding, Report

_COLOURS = {"contradiction": "\033[31m", "agreement": "\033[32m", "new_claim": "\033[33m", "conflict": "\033[35m"}
_RESET = "\033[0m"
_LABEL = {"contradiction": "contradiction", "agreement": "agreement", "new_claim": "new claim", "conflict": "conflict"}
SEVERITIES = ("info", "warning", "error")


def render(fmt: str, results: list[tuple[str, Report]], colour: bool = False, show: str = "problems",
           quiet: bool = False) -> str:
    return {"text": lambda: to_text(results, colour, show, quiet), "json": lambda: to_json(results),
            "github": lambda: to_github(results), "sarif": lambda: to_sarif(results)}[fmt]()


def severity(f: Finding, severities: dict[str, str]) -> str:
    """An agreement is info, a new claim or a conflict between sources a warning, a contradiction
    its gravest rule's severity."""
    if f.kind == "agreement":
        return "info"
    if f.kind in ("new_claim", "conflict"):
        return "warning"
    return max((severities.get(h.id, "error") for h in _main_hits(f)), key=SEVERITIES.index, default="error")


def at_least(results: list[tuple[str, Report]], minimum: str, severities: dict[str, str]) -> list[tuple[str, Report]]:
    """The reports with only the findings of `minimum` severity or graver (the summary counts them)."""
    floor = SEVERITIES.index(minimum)
    out = []
    for path, report in results:
        kept = [f for f in report.findings if SEVERITIES.index(severity(f, severities)) >= floor]
        kinds = [f.kind for f in kept]
        summary = report.summary.model_copy(update=dict(agreements=kinds.count("agreement"),
                                                        contradictions=kinds.count("contradiction"),
                                                        new_claims=kinds.count("new_claim"), conflicts=kinds.count("conflict")))
        out.append((path, report.model_copy(update=dict(findings=kept, summary=summary))))
    return out


def to_json(results: list[tuple[str, Report]]) -> str:
    """One shape for one file or many (schemas/check-run.schema.json): each file's report as the
    API gives it, every finding with its file's path (in file order, as linters list them), and
    the totals."""
    files = [{"path": path, "report": r.model_dump(mode="json")} for path, r in results]
    findings = [{"path": f["path"], **finding} for f in files for finding in f["report"]["findings"]]
    return json.dumps({"version": __version__, "files": files, "findings": findings, "summary": _total(results)},
                      indent=2, ensure_ascii=False) + "\n"


def _total(results) -> dict:
    keys = ("sentences", "agreements", "contradictions", "new_claims", "conflicts", "suppressed")
    return {"files": len(results), **{k: sum(getattr(r.summary, k) for _, r in results) for k in keys}}


def _main_hits(f: Finding):
    return [h for h in f.rules if h.category != "match"] or f.rules


def _position(hit) -> int:
    """Hits in the order of their values in the text (those with no written value first)."""
    return hit.found.start if hit.found is not None else -1


def _where(f: Finding, hit=None) -> tuple[int, int, int, int]:
    """(line, column, offset, length) a finding points at: the compared value where the hit
    locates it ("60-minute"), the sentence otherwise."""
    v = hit.found if hit is not None else None
    if v is not None and v.line is not None:
        return v.line, v.column, v.start, v.end - v.start
    return f.line, f.column, f.span.start, f.span.end - f.span.start


def _shown(f: Finding, show: str) -> bool:
    return show == "all" or (f.kind == "agreement") == (show == "agreements")


def to_text(results: list[tuple[str, Report]], colour: bool = False, show: str = "problems", quiet: bool = False) -> str:
    """One line per finding (contradictions and new claims unless `show` says otherwise; none
    when `quiet`), then each file's summary."""
    lines = []
    for path, report in results:
        for f in report.findings:
            if quiet or not _shown(f, show):
                continue
            label = _LABEL[f.kind]
            if colour:
                label = f"{_COLOURS[f.kind]}{label}{_RESET}"
            if f.kind == "new_claim":
                lines.append(f"{path}:{f.line}:{f.column}: {label} {f.rules[0].message.rstrip('.')}: {_clip(f.text)}")
                continue
            if f.kind == "conflict":
                line, column, _, _ = _where(f, next(iter(sorted(_main_hits(f), key=_position)), None))
                lines.append(f"{path}:{line}:{column}: {label} between sources: {_sides(f)}")
                continue
            hits = _main_hits(f)
            for h in sorted(hits, key=_position) if f.kind == "contradiction" else hits[:1]:
                line, column, _, _ = _where(f, h)
                lines.append(f"{path}:{line}:{column}: {label} [{h.category}] {h.message} ({f.claim.id})")
        s = report.summary
        silenced = f", {s.suppressed} suppressed" if s.suppressed else ""
        conflicts = f", {_n(s.conflicts, 'conflict')} between sources" if s.conflicts else ""
        lines.append(f"{path}: {_n(s.sentences, 'sentence')}: {_n(s.contradictions, 'contradiction')}, "
                     f"{_n(s.agreements, 'agreement')}, {_n(s.new_claims, 'new claim')}{conflicts}{silenced}; "
                     f"{_n(s.omitted, 'reference claim')} not mentioned")
    if len(results) > 1:
        t = _total(results)
        conflicts = f", {_n(t['conflicts'], 'conflict')} between sources" if t["conflicts"] else ""
        lines.append(f"{t['files']} files: {_n(t['contradictions'], 'contradiction')}, {_n(t['agreements'], 'agreement')}, "
                     f"{_n(t['new_claims'], 'new claim')}{conflicts}, {t['suppressed']} suppressed")
    return "\n".join(lines) + "\n"


def _sides(f: Finding) -> str:
    """A conflict's sides: "agrees with wire (2026-11-30, wire.s01.kill); contradicts local
    (2026-12-01, local.s01.strike): The reference gives 15 people; this says 12." """
    parts = [f"{'agrees with' if s.verdict == 'agreement' else 'contradicts'} {s.source} "
             f"({s.published + ', ' if s.published else ''}{s.claim.id})" for s in f.sides]
    why = next((h.message for h in _main_hits(f)), "")
    return "; ".join(parts) + (f": {why}" if why else "")


def _n(count: int, noun: str) -> str:
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


def _clip(text: str, width: int = 80) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "\u2026"


def _escape_data(s: str) -> str:
    return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(s: str) -> str:
    return _escape_data(s).replace(":", "%3A").replace(",", "%2C")


def to_github(results: list[tuple[str, Report]]) -> str:
    """GitHub Actions workflow commands: ::error for contradictions, ::warning for new claims and
    conflicts between sources."""
    lines = []
    for path, report in results:
        for f in report.findings:
            if f.kind == "agreement":
                continue
            level = "error" if f.kind == "contradiction" else "warning"
            for h in _main_hits(f):
                line, column, _, length = _where(f, h)
                message = h.message + (f" (claim {f.claim.id}: {f.claim.statement})" if f.claim else "")
                if f.kind == "conflict":
                    message = f"the sources disagree: {_sides(f)}"
                props = (f"file={_escape_property(path)},line={line},col={column},endLine={line},"
                         f"endColumn={column + length},title={_escape_property('factcheck ' + h.id)}")
                lines.append(f"::{level} {props}::{_escape_data(message)}")
    return "\n".join(lines) + ("\n" if lines else "")


def to_sarif(results: list[tuple[str, Report]], rules_meta: dict | None = None) -> str:
    """SARIF 2.1.0: one result per contradiction (error), new claim and conflict between sources (warning)."""
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
                line, column, offset, length = _where(f, h)
                result = {
                    "ruleId": h.id,
                    "level": "error" if f.kind == "contradiction" else "warning",
                    "message": {"text": f"the sources disagree: {_sides(f)}" if f.kind == "conflict" else
                                h.message + (f" (claim {f.claim.id}: {f.claim.statement})" if f.claim else "")},
                    "locations": [{"physicalLocation": {
                        "artifactLocation": {"uri": path},
                        "region": {"startLine": line, "startColumn": column, "endLine": line, "endColumn": column + length,
                                   "charOffset": offset, "charLength": length,
                                   "snippet": {"text": h.found.text if h.found is not None else f.text}},
                        "contextRegion": {"startLine": f.line, "startColumn": f.column,
                                          "charOffset": f.span.start, "charLength": f.span.end - f.span.start,
                                          "snippet": {"text": f.text}}}}],
                    "partialFingerprints": {"claimAndSentence/v1": f"{f.claim.id if f.claim else 'new'}:{' '.join(f.text.lower().split())}"},
                }
                if f.claim:
                    result["properties"] = {"claim": f.claim.id, "evidence": f.claim.evidence.text, "source": f.claim.source}
                if f.sides:
                    result["properties"]["sides"] = [s.model_dump(include={"source", "published", "verdict"}) | {"claim": s.claim.id}
                                                     for s in f.sides]
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
            "columnKind": "unicodeCodePoints",          # columns and offsets count code points, as the report does
        }],
    }
    return json.dumps(doc, indent=2, ensure_ascii=False) + "\n"
