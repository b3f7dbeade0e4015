"""The `factcheck` command: check a draft, list the claims, test the rules.

Exit codes: 0 no contradictions, 1 contradictions found (or a rule example failed),
2 usage, input or data error (one line on stderr saying why).
"""
from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from . import __version__
from .errors import FactcheckError

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
SUPPRESSIONS_FILE = ".factcheck-suppressions.json"
MAX_BYTES = 10_000_000      # the engine's limit is 10,000,000 characters; reading stops here
_TEXT_SUFFIXES = (".txt", ".md", ".markdown", ".text")


class _Parser(argparse.ArgumentParser):
    def error(self, message):  # argparse's own usage errors also exit 2, with one line
        self.print_usage(sys.stderr)
        print(f"factcheck: error: {message}", file=sys.stderr)
        raise SystemExit(EXIT_ERROR)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="factcheck", description="Check articles against the canonical claims of a reference article.")
    parser.add_argument("--version", action="version", version=f"factcheck {__version__}")
    parser.add_argument("--config", type=Path, help="configuration file (default: the nearest factcheck.toml, or "
                                                     "pyproject.toml with [tool.factcheck], from this folder up)")
    parser.add_argument("--seeds", type=Path, help="claims directory (default: bundled; env FACTCHECK_SEEDS_DIR)")
    parser.add_argument("--rules", type=Path, help="rules directory (default: bundled; env FACTCHECK_RULES_DIR)")
    parser.add_argument("--database", metavar="URL", help="the source store: postgresql://... or an SQLite file (default: "
                                                          "FACTCHECK_DATABASE_URL, else ~/.local/share/factcheck/sources.db)")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
    reading = _Parser(add_help=False)
    reading.add_argument("--max-bytes", type=_positive, metavar="N",
                         help=f"read at most N bytes of each text; more is an error (default {MAX_BYTES:,})")
    check = sub.add_parser("check", parents=[reading], help="check text files (or - for standard input) against the reference")
    check.add_argument("files", nargs="+", metavar="FILE", help="UTF-8 text files, directories (their *.txt and *.md), or - for standard input")
    check.add_argument("--format", choices=("text", "json", "jsonl", "github", "sarif"),
                       help="jsonl: one line per input as it is checked ({\"file\"} or {\"id\"} and the report's fields)")
    check.add_argument("--jobs", type=_positive, metavar="N", help="jsonl: check with N processes (default 1)")
    check.add_argument("--lines", action="store_true", help='the inputs (or -) are JSON Lines, {"id", "text"} per line '
                                                             "(a *.jsonl file always is); needs --format jsonl")
    check.add_argument("--color", choices=("auto", "always", "never"))
    check.add_argument("--show", choices=("problems", "agreements", "all"),
                       help="text output: contradictions and new claims (default), only agreements, or everything")
    check.add_argument("-q", "--quiet", action="store_true", default=None, help="text output: only each file's summary")
    check.add_argument("--min-severity", choices=("info", "warning", "error"),
                       help="leave out findings below this severity (agreements are info, new claims warnings, "
                            "contradictions their rule's); also for the exit code; JSON is never filtered")
    check.add_argument("--fail-on", choices=("contradiction", "new_claim", "never"),
                       help="what makes the exit code 1: contradictions and conflicts between sources (default), those or new claims, or nothing")
    check.add_argument("--suppressions", type=Path, help=f"suppressions file (default: {SUPPRESSIONS_FILE} if present)")
    check.add_argument("--rules-url", metavar="URL", help="SARIF: each rule's helpUri is URL/RULE_ID (e.g. a service's "
                                                           ".../v1/rules; default: urn:factcheck:rule:RULE_ID)")
    check.add_argument("--source", action="append", metavar="ID",
                       help="check against this source (repeatable: the one of them each text is about; default: of all)")
    check.add_argument("--reference", action="append", type=Path, metavar="ARTICLE",
                       help="check against this reference article alone, its claims extracted (repeatable: each text "
                            "is checked against the one it matches best)")
    extract = sub.add_parser("extract", parents=[reading], help="the claims of an article, extracted by the frame analysis")
    extract.add_argument("article", help="a UTF-8 article, or - for standard input")
    extract.add_argument("-o", "--output", type=Path, help="write the claims file here (default: standard output)")
    extract.add_argument("--format", choices=("json", "text"), default="json")
    extract.add_argument("--id", help="the source id (default: the article's file name without its suffix)")
    extract.add_argument("--force", action="store_true", help="replace an --output file whose content differs (edited by hand)")
    suppress = sub.add_parser("suppress", parents=[reading], help="record the current contradictions of a file as intended, in a suppressions file")
    suppress.add_argument("file", help="the draft whose contradictions were verified")
    suppress.add_argument("--claim", action="append", help="only findings of this claim id (repeatable)")
    suppress.add_argument("--reason", default="", help="why they are intended, kept in the file")
    suppress.add_argument("--suppressions", type=Path, help=f"the suppressions file (default: {SUPPRESSIONS_FILE})")
    suppress.add_argument("--reference", action="append", type=Path, metavar="ARTICLE",
                          help="the findings against this reference article, as `check --reference` gives them")
    claims = sub.add_parser("claims", help="list the canonical claims")
    claims.add_argument("--format", choices=("text", "json"), default="text")
    claims.add_argument("--source", action="append", metavar="ID", help="only the claims of this source (repeatable)")
    evidence = sub.add_parser("evidence", help="the evidence object (exact offsets) of a quote, for writing claims")
    evidence.add_argument("source", help="source id (a seeds/<id>.claims.json)")
    evidence.add_argument("quote", help="the exact text of the article to cite")
    explain = sub.add_parser("explain", help="what a rule compares, its messages and examples")
    explain.add_argument("rule_id", metavar="RULE_ID", help="a rule id, as `factcheck rules list` gives it")
    rules = sub.add_parser("rules", help="rule tools")
    rules_sub = rules.add_subparsers(dest="rules_command", required=True, parser_class=_Parser)
    rules_sub.add_parser("test", help="run every rule's examples; fail on any wrong result")
    rules_sub.add_parser("list", help="list the rules")
    sources = sub.add_parser("sources", help="the references: bundled (seeds/) and added to the source store")
    sources_sub = sources.add_subparsers(dest="sources_command", required=True, parser_class=_Parser)
    listing = sources_sub.add_parser("list", help="every source: id, origin, claims, published, outlet, title")
    listing.add_argument("--format", choices=("text", "json"), default="text")
    add = sources_sub.add_parser("add", parents=[reading], help="add an article to the store as a reference (its claims extracted)")
    add.add_argument("article", help="a UTF-8 article, or - for standard input")
    add.add_argument("--id", help="the source id (default: the file name without its suffix)")
    add.add_argument("--title", help="default: the article's first line")
    add.add_argument("--outlet", help="who published it")
    add.add_argument("--published", metavar="TIME", help="RFC 3339 date or date-time: 2025-02-13, 2025-02-13T09:30:00Z")
    add.add_argument("--url")
    add.add_argument("--review", type=Path, metavar="FILE", help="a review of the extracted claims (claim-review schema)")
    add.add_argument("--force", action="store_true", help="replace an added source of the same id")
    show = sources_sub.add_parser("show", help="one source: what it is and its claims")
    show.add_argument("id")
    show.add_argument("--format", choices=("text", "json"), default="text")
    sources_sub.add_parser("validate", help="read every source (bundled and stored) as the service does; report what is broken")
    remove = sources_sub.add_parser("remove", help="remove an added source from the store")
    remove.add_argument("id")
    conflicts = sources_sub.add_parser("conflicts", help="contradictions between stored sources: each pair, the two claims, the slot, the values")
    conflicts.add_argument("--format", choices=("text", "json"), default="text")
    serve = sub.add_parser("serve", help="run the HTTP service (gunicorn) on the reference data")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8000, help="default: 8000; 0 picks a free port (printed)")
    serve.add_argument("--workers", type=int, default=None, help="default: one per CPU core")
    serve.add_argument("--worker-class", choices=("gevent", "gthread", "sync"), default="gevent",
                       help="gunicorn worker type (default gevent; the others are for comparison, see README)")
    serve.add_argument("--threads", type=int, default=None, help="threads per gthread worker (default 32)")
    return parser


def _positive(raw: str) -> int:
    try:
        value = int(raw)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {raw!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, not {value}")
    return value


# what an option is when neither the command line nor the configuration file gives it
_DEFAULTS = {"format": "text", "color": "auto", "fail_on": "contradiction", "show": "problems", "quiet": False,
             "min_severity": "info", "max_bytes": MAX_BYTES}


def _configure(args) -> None:
    """Fill in each option the command line left out from the configuration file, then the defaults."""
    from . import config
    cfg = config.load(args.config)
    # --reference and --source choose the same thing: either on the command line overrides both in the file
    chosen_here = any(getattr(args, a, None) is not None for a in ("reference", "source"))
    for key in config.KEYS:
        attr = key.replace("-", "_")
        if hasattr(args, attr) and getattr(args, attr) is None:
            from_file = None if chosen_here and attr in ("reference", "source") else cfg.get(key)
            setattr(args, attr, from_file if from_file is not None else _DEFAULTS.get(attr))
    if args.command == "suppress" and args.suppressions is None:
        args.suppressions = Path(SUPPRESSIONS_FILE)


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        _configure(args)
        if args.command == "serve":
            import os
            for name, value in (("SEEDS_DIR", args.seeds), ("RULES_DIR", args.rules), ("DATABASE_URL", args.database)):
                if value:
                    os.environ[f"FACTCHECK_{name}"] = str(value)
            from .web.serve import serve
            return serve(args.host, args.port, args.workers, args.worker_class, args.threads)
        from .engine import keep_loaded
        from .sources.catalog import Catalog
        catalog = Catalog.load(args.seeds, args.rules, args.database)
        checker = catalog.checker
        keep_loaded()
        if args.command == "sources":
            from .cli_sources import run
            return run(catalog, args)
        if args.command == "check":
            return _check(checker, args)
        if args.command == "extract":
            return _extract(checker, args)
        if args.command == "claims":
            return _claims(checker, args)
        if args.command == "suppress":
            return _suppress(checker, args)
        if args.command == "evidence":
            return _evidence(checker, args)
        if args.command == "explain":
            from .rule_docs import explain, rule_info
            sys.stdout.write(explain(rule_info(checker, args.rule_id)))
            return EXIT_OK
        if args.rules_command == "test":
            return _rules_test(checker)
        return _rules_list(checker)
    except FactcheckError as exc:
        print(f"factcheck: {exc}", file=sys.stderr)
        return EXIT_ERROR
    except BrokenPipeError:
        return EXIT_OK


def _read(path: str, limit: int = MAX_BYTES) -> str:
    """The UTF-8 text of a file (or - for standard input), reading at most `limit` bytes: a
    larger file, or an endless one such as /dev/zero, is an error once the limit is reached."""
    from .errors import InputTooLarge
    from .inputs import decode_text, read_file_limited, read_limited
    name = "standard input" if path == "-" else path
    try:
        data = read_limited(sys.stdin.buffer, limit, name) if path == "-" else read_file_limited(path, limit, name)
    except InputTooLarge as exc:
        raise InputTooLarge(f"{exc} (--max-bytes)") from None
    return decode_text(data, name)


def _inputs(names: list[str]) -> list[str]:
    """The files to check: each name, with directories expanded to their text files."""
    out = []
    for name in names:
        p = Path(name)
        if name != "-" and p.is_dir():
            out += sorted(str(f) for f in p.rglob("*") if f.is_file() and f.suffix.lower() in _TEXT_SUFFIXES)
        else:
            out.append(name)
    return out


def _check(checker, args) -> int:
    from .errors import InputError
    from .formats import render
    from .suppressions import load_file
    suppressions_path = args.suppressions or (Path(SUPPRESSIONS_FILE) if Path(SUPPRESSIONS_FILE).exists() else None)
    suppressions = load_file(suppressions_path) if suppressions_path else None
    names = _inputs(args.files)
    if not names:
        raise InputError(f"no text files (*.txt, *.md) in {' '.join(args.files)}")
    references = [(_reference_id(p), _read_reference(p)) for p in args.reference or []]
    if references and args.source:
        raise InputError("give --reference or --source, not both")
    chosen = args.source or None
    if suppressions:
        _warn_unknown_suppressions(checker, suppressions_path, suppressions, references)
    if args.format == "jsonl" or args.lines or any(n.endswith(".jsonl") for n in names):
        return _check_lines(checker, args, names, references, suppressions)
    if (args.jobs or 1) > 1:
        raise InputError("--jobs needs --format jsonl (reports stream out one line per input)")
    progress = _Progress(len(names))
    results, failed = [], False
    for name in names:
        try:
            text = _read(name, args.max_bytes)
            report = (checker.check_references(text, references, suppressions) if references
                      else checker.check(text, suppressions=suppressions, sources=chosen))
        except InputError as exc:
            where = f"{name}: " if str(exc).startswith("line ") else ""     # a marker's line: in which file
            print(f"factcheck: {where}{exc}", file=sys.stderr)
            failed = True
            continue
        finally:
            progress.step()
        results.append(("<stdin>" if name == "-" else name, report))
    progress.done()
    colour = args.color == "always" or (args.color == "auto" and sys.stdout.isatty() and "NO_COLOR" not in os.environ)
    counted = results
    if args.min_severity != "info":
        from .formats import at_least
        counted = at_least(results, args.min_severity, checker.severities)
        if args.format != "json":
            results = counted          # JSON is the whole report, whatever the filter
    if results:
        if args.format == "sarif":
            from .formats import to_sarif
            from .rule_docs import rule_infos, sarif_rule
            meta = {info.id: sarif_rule(info, args.rules_url) for info in rule_infos(checker)}
            sys.stdout.write(to_sarif(results, meta))
        else:
            sys.stdout.write(render(args.format, results, colour, args.show, args.quiet))
    if failed:
        return EXIT_ERROR
    kinds = {"contradiction": ("contradictions", "conflicts"), "new_claim": ("contradictions", "conflicts", "new_claims"),
             "never": ()}[args.fail_on]
    return EXIT_FINDINGS if any(getattr(r.summary, k) for _, r in counted for k in kinds) else EXIT_OK


def _check_lines(checker, args, names: list[str], references, suppressions) -> int:
    """--format jsonl: every input (a file, or each line of a *.jsonl file) gives one output line,
    in input order, streamed as it is checked; with --jobs N, by N processes."""
    from .batch import Options, Record, check_all, read_lines
    from .errors import FactcheckError, InputError
    if args.format != "jsonl":
        raise InputError("a JSON Lines input (*.jsonl or --lines) needs --format jsonl")

    def records():
        for name in names:
            try:
                if name == "-" and args.lines:
                    yield from read_lines("<stdin>", sys.stdin.buffer, args.max_bytes)
                elif name.endswith(".jsonl") or args.lines:
                    with open(name, "rb") as fh:
                        yield from read_lines(name, fh, args.max_bytes)
                else:
                    yield Record(("file", "<stdin>" if name == "-" else name), _read(name, args.max_bytes))
            except FactcheckError as exc:
                yield Record(("file", name), None, str(exc))
            except OSError as exc:
                yield Record(("file", name), None, f"cannot read {name}: {exc.strerror or exc}")

    options = Options(sources=tuple(args.source or ()), references=tuple(references), suppressions=suppressions,
                      min_severity=args.min_severity,
                      severities=checker.severities if args.min_severity != "info" else None)
    kinds = {"contradiction": ("contradictions", "conflicts"), "new_claim": ("contradictions", "conflicts", "new_claims"),
             "never": ()}[args.fail_on]
    failed = found = False
    for line in check_all(records(), options, args.jobs or 1, checker):
        sys.stdout.write(line.json + "\n")
        failed = failed or line.error
        found = found or any(line.summary.get(k) for k in kinds)
    sys.stdout.flush()
    return EXIT_ERROR if failed else EXIT_FINDINGS if found else EXIT_OK


def _warn_unknown_suppressions(checker, path, suppressions, references) -> None:
    """An entry for a claim no reference of this run has silences nothing: say so (the file may
    hold entries for references of other runs, so it is a warning, not an error)."""
    from .engine import local_id
    from .errors import did_you_mean
    extracted = checker.reference_claim_ids(references) | {c.id for ref in map(checker.store.get, checker.store) for c in ref.claims}
    known = set(checker.claim_refs) | extracted | {local_id(c) for c in extracted}
    for cid in sorted({cid for cid, _ in suppressions} - known):
        print(f"factcheck: warning: {path}: claim {cid!r} is in no reference of this check{did_you_mean(cid, known)}",
              file=sys.stderr)


def _reference_id(path: Path) -> str:
    from .reference import source_id_of
    return source_id_of(path.stem, "reference")


def _read_reference(path: Path, limit: int = MAX_BYTES) -> str:
    from .engine import MAX_REFERENCE_CHARS
    from .errors import InputError
    name = str(path)
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise InputError(f"reference {name}: no such file") from None
    except OSError as exc:
        raise InputError(f"reference {name}: {exc.strerror}") from None
    if path.is_file() and size > MAX_REFERENCE_CHARS * 4:
        raise InputError(f"reference {name} is {size:,} bytes; a reference is one article (at most {MAX_REFERENCE_CHARS:,} characters)")
    text = _read(name, limit)
    if not text.strip():
        raise InputError(f"reference {name} is empty")
    if len(text) > MAX_REFERENCE_CHARS:
        raise InputError(f"reference {name} is {len(text):,} characters; a reference is one article (at most {MAX_REFERENCE_CHARS:,})")
    return text


def _extract(checker, args) -> int:
    import json

    from .frames.extract import claims_file
    article = _read_reference(Path(args.article), args.max_bytes) if args.article != "-" else _read("-", args.max_bytes)
    source_id = args.id or (_reference_id(Path(args.article)) if args.article != "-" else "reference")
    ref = checker.extract(article, source_id)
    if args.format == "json":
        out = json.dumps(claims_file(ref).model_dump(mode="json"), indent=2, ensure_ascii=False) + "\n"
    else:
        lines = []
        for c in ref.claims:
            lines.append(f"{c.id:<36} {c.statement}")
            lines.append(f"{'':<36} [{c.start}:{c.end}] \u201c{c.text}\u201d")
            for note in c.review:
                lines.append(f"{'':<36} review: {note}")
        out = "\n".join(lines) + "\n"
    if args.output:
        from .files import exclusive, write_atomically
        with exclusive(args.output):
            if not args.force and args.output.exists() and args.output.read_text(encoding="utf-8", errors="replace") != out:
                from .errors import InputError
                raise InputError(f"{args.output} exists with other content (edited by hand?); it is left as it is: "
                                 "--force replaces it, or write elsewhere")
            write_atomically(args.output, out)
        print(f"{args.output}: {len(ref.claims)} claims from {args.article}", file=sys.stderr)
    else:
        sys.stdout.write(out)
    return EXIT_OK


class _Progress:
    """A progress bar on stderr, only on a terminal and only for batches worth one."""

    def __init__(self, total: int):
        self.total, self.done_count = total, 0
        self.on = total >= 5 and sys.stderr.isatty()

    def step(self) -> None:
        self.done_count += 1
        if self.on:
            width = 30
            filled = width * self.done_count // self.total
            sys.stderr.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {self.done_count}/{self.total} files")
            sys.stderr.flush()

    def done(self) -> None:
        if self.on:
            sys.stderr.write("\n")


def _suppress(checker, args) -> int:
    from .suppressions import add_to_file
    text = _read(args.file, args.max_bytes)
    references = [(_reference_id(p), _read_reference(p)) for p in args.reference or []]
    report = checker.check_references(text, references) if references else checker.check(text)
    from .errors import InputError, did_you_mean
    known = checker.reference_claim_ids(references) if references else set(checker.claim_refs)
    for cid in args.claim or []:
        if cid not in known:
            raise InputError(f"--claim {cid!r}: no reference has this claim{did_you_mean(cid, known)}")
    # a contradiction, with the claims of other sources it contradicts too; a conflict's contradicting sides
    contradicted = [f.model_copy(update={"claim": c}) for f in report.findings
                    for c in ([f.claim, *f.also] if f.kind == "contradiction" else
                              [s.claim for s in f.sides if s.verdict == "contradiction"] if f.kind == "conflict" else [])]
    chosen = [f for f in contradicted if not args.claim or f.claim.id in args.claim]
    added = add_to_file(args.suppressions, chosen, args.reason)
    print(f"{args.suppressions}: {added} suppression{'s' if added != 1 else ''} added "
          f"({len(chosen)} contradiction{'s' if len(chosen) != 1 else ''} in {args.file})")
    return EXIT_OK


def _claims(checker, args) -> int:
    import json
    refs = [r for r in checker.claim_refs.values() if not args.source or r.source in args.source]
    if args.format == "json":
        sys.stdout.write(json.dumps([r.model_dump() for r in refs], indent=2, ensure_ascii=False) + "\n")
    else:
        for r in refs:
            print(f"{r.id:<36} {r.statement}")
            print(f"{'':<36} [{r.source} {r.evidence.start}:{r.evidence.end}] \u201c{r.evidence.text}\u201d")
    return EXIT_OK


def _evidence(checker, args) -> int:
    import json

    from .errors import InputError
    doc = checker.reference.sources.get(args.source)
    if doc is None:
        raise InputError(f"unknown source {args.source!r}; sources are: {', '.join(sorted(checker.reference.sources))}")
    count = doc.article.count(args.quote)
    if count != 1:
        raise InputError(f"the quote occurs {count} times in {args.source}'s article; quote exactly one passage")
    start = doc.article.index(args.quote)
    print(json.dumps({"start": start, "end": start + len(args.quote), "text": args.quote}, ensure_ascii=False))
    return EXIT_OK


def _rules_list(checker) -> int:
    from .rule_docs import rule_infos
    for info in rule_infos(checker):
        print(f"{info.id:<24} {info.kind:<12} {info.category:<10} {info.description}")
    return EXIT_OK


def _rules_test(checker) -> int:
    from .rule_tests import run_examples
    failed = 0
    for result in run_examples(checker):
        status = "ok  " if result.ok else "FAIL"
        print(f"{status} {result.rule:<24} flag {result.flagged}/{result.flag_total}  pass {result.passed}/{result.pass_total}"
              f"  false positives {len(result.false_positives)}  false negatives {len(result.false_negatives)}")
        for text in result.false_negatives:
            print(f"       not flagged: {text}")
        for text in result.false_positives:
            print(f"       wrongly flagged: {text}")
        failed += not result.ok
    print(f"{len(checker.rules) - failed}/{len(checker.rules)} rules pass their examples")
    return EXIT_FINDINGS if failed else EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
