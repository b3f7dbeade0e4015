"""The `factcheck` command: check a draft, list the claims, test the rules.

Exit codes: 0 no contradictions, 1 contradictions found (or a rule example failed),
2 usage, input or data error (one line on stderr saying why).
"""
from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from .errors import FactcheckError

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


class _Parser(argparse.ArgumentParser):
    def error(self, message):  # argparse's own usage errors also exit 2, with one line
        self.print_usage(sys.stderr)
        print(f"factcheck: error: {message}", file=sys.stderr)
        raise SystemExit(EXIT_ERROR)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="factcheck", description="Check articles against the canonical claims of a reference article.")
    parser.add_argument("--seeds", type=Path, help="claims directory (default: bundled; env FACTCHECK_SEEDS_DIR)")
    parser.add_argument("--rules", type=Path, help="rules directory (default: bundled; env FACTCHECK_RULES_DIR)")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
    check = sub.add_parser("check", help="check a text file (or - for standard input) against the reference")
    check.add_argument("file", help="path of a UTF-8 text file, or - to read standard input")
    check.add_argument("--format", choices=("text", "json"), default="text")
    check.add_argument("--color", choices=("auto", "always", "never"), default="auto")
    claims = sub.add_parser("claims", help="list the canonical claims")
    claims.add_argument("--format", choices=("text", "json"), default="text")
    rules = sub.add_parser("rules", help="rule tools")
    rules_sub = rules.add_subparsers(dest="rules_command", required=True, parser_class=_Parser)
    rules_sub.add_parser("test", help="run every rule's examples; fail on any wrong result")
    rules_sub.add_parser("list", help="list the rules")
    serve = sub.add_parser("serve", help="run the HTTP service (gunicorn) on the reference data")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8000)
    serve.add_argument("--workers", type=int, default=None, help="default: one per CPU core")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        if args.command == "serve":
            import os
            for name, value in (("SEEDS_DIR", args.seeds), ("RULES_DIR", args.rules)):
                if value:
                    os.environ[f"FACTCHECK_{name}"] = str(value)
            from .web.serve import serve
            return serve(args.host, args.port, args.workers)
        from .engine import Checker
        checker = Checker.load(args.seeds, args.rules)
        if args.command == "check":
            return _check(checker, args)
        if args.command == "claims":
            return _claims(checker, args)
        if args.rules_command == "test":
            return _rules_test(checker)
        return _rules_list(checker)
    except FactcheckError as exc:
        print(f"factcheck: {exc}", file=sys.stderr)
        return EXIT_ERROR
    except BrokenPipeError:
        return EXIT_OK


def _read(path: str) -> str:
    from .errors import InputError
    from .inputs import decode_text
    if path == "-":
        return decode_text(sys.stdin.buffer.read(), "standard input")
    p = Path(path)
    try:
        data = p.read_bytes()
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise InputError(f"{path}: is a directory") from None
    except OSError as exc:
        raise InputError(f"{path}: {exc.strerror}") from None
    return decode_text(data, path)


def _check(checker, args) -> int:
    from .formats import to_json, to_text
    report = checker.check(_read(args.file))
    if args.format == "json":
        sys.stdout.write(to_json(report))
    else:
        colour = args.color == "always" or (args.color == "auto" and sys.stdout.isatty() and "NO_COLOR" not in os.environ)
        sys.stdout.write(to_text(report, "<stdin>" if args.file == "-" else args.file, colour))
    return EXIT_FINDINGS if report.summary.contradictions else EXIT_OK


def _claims(checker, args) -> int:
    import json
    refs = list(checker.claim_refs.values())
    if args.format == "json":
        sys.stdout.write(json.dumps([r.model_dump() for r in refs], indent=2, ensure_ascii=False) + "\n")
    else:
        for r in refs:
            print(f"{r.id:<36} {r.statement}")
            print(f"{'':<36} [{r.source} {r.evidence.start}:{r.evidence.end}] \u201c{r.evidence.text}\u201d")
    return EXIT_OK


def _rules_list(checker) -> int:
    for r in checker.rules:
        print(f"{r.id:<24} {r.rule.kind:<12} {r.rule.category:<10} {r.rule.description}")
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
