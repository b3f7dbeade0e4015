"""`factcheck sources list|add|show|validate|remove|conflicts`: parse, call the catalog, print."""
from __future__ import annotations

import json
import sys
from pathlib import Path

from .errors import FactcheckError, InputError
from .models import SourceMeta

EXIT_OK, EXIT_FOUND, EXIT_ERROR = 0, 1, 2


def run(catalog, args) -> int:
    return {"list": _list, "add": _add, "show": _show, "validate": _validate, "remove": _remove,
            "conflicts": _conflicts}[args.sources_command](catalog, args)


def _dump(value) -> None:
    sys.stdout.write(json.dumps(value, indent=2, ensure_ascii=False) + "\n")


def _list(catalog, args) -> int:
    summaries = catalog.summaries()
    if args.format == "json":
        _dump([s.model_dump() for s in summaries])
        return EXIT_OK
    for s in summaries:
        print(f"{s.id:<28} {s.origin:<8} {s.claims:>4} claims  {s.published or '-':<20} {s.outlet or '-':<16} {s.title}")
    where = catalog.store.describe() if catalog.store else "none"
    print(f"{len(summaries)} sources; store: {where}", file=sys.stderr)
    return EXIT_OK


def _add(catalog, args) -> int:
    from pydantic import ValidationError

    from .cli import _read, _read_reference
    from .sources.catalog import title_of
    article = _read_reference(Path(args.article), args.max_bytes) if args.article != "-" else _read("-", args.max_bytes)
    sid = args.id if args.id is not None else (_id_of(Path(args.article)) if args.article != "-" else None)
    if not sid:
        raise InputError("give --id for an article read from standard input")
    review = None
    if args.review:
        from .frames.extract import review_from
        try:
            raw = args.review.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise InputError(f"--review {args.review}: cannot read it: {getattr(exc, 'strerror', None) or exc}") from None
        review_from(raw, args.review)         # validated here, with the file's name in any error
        review = raw
    try:
        meta = SourceMeta(id=sid, title=args.title if args.title is not None else title_of(article), outlet=args.outlet,
                          published=args.published, url=args.url)
    except ValidationError as exc:
        first = exc.errors()[0]
        raise InputError(f"--{first['loc'][0]}: {first['msg']}" if first["loc"] else first["msg"]) from None
    existed = catalog.store is not None and catalog.store.get(sid) is not None
    summary = catalog.add(meta, article, review, by=f"cli:{_user()}", replace=args.force)
    print(f"{summary.id}: {'replaced in' if existed else 'added to'} {catalog.store.describe()} with {summary.claims} claims",
          file=sys.stderr)
    return EXIT_OK


def _id_of(path: Path) -> str:
    from .reference import source_id_of
    return source_id_of(path.stem, "source")


def _user() -> str:
    import getpass
    try:
        return getpass.getuser()
    except Exception:          # no user name in this environment (a container's arbitrary uid)
        return "unknown"


def _show(catalog, args) -> int:
    source = catalog.show(args.id)
    if args.format == "json":
        _dump(source.model_dump())
        return EXIT_OK
    print(f"{source.id} ({source.origin}): {source.title}")
    for label, value in (("outlet", source.outlet), ("published", source.published), ("url", source.url)):
        if value:
            print(f"  {label}: {value}")
    print(f"  {len(source.claims)} claims")
    for c in source.claims:
        print(f"  {c.id:<36} {c.statement}")
    return EXIT_OK


def _validate(catalog, args) -> int:
    """Read every source's claims as a check would (extracting what the cache lacks)."""
    checker, broken = catalog.checker, 0
    for summary in catalog.summaries():
        try:
            claims = len(catalog.claims_of(summary.id))
        except FactcheckError as exc:
            print(f"FAIL {summary.id}: {exc}")
            broken += 1
            continue
        print(f"ok   {summary.id:<28} {summary.origin:<8} {claims} claims")
    skipped = _unloaded(catalog)
    for sid, why in skipped:
        print(f"FAIL {sid}: in the store but not loaded: {why}")
    total = len(checker.source_ids) + len(skipped)
    print(f"{total - broken - len(skipped)}/{total} sources valid")
    return EXIT_FOUND if broken or skipped else EXIT_OK


def _unloaded(catalog) -> list[tuple[str, str]]:
    """Stored sources the catalog did not load (a clash with a bundled id)."""
    if catalog.store is None:
        return []
    out = []
    for sid in sorted(catalog.store.revisions()):
        if catalog.origin(sid) == "bundled":
            out.append((sid, "a bundled source has the same id"))
        elif sid not in catalog.checker.store:
            out.append((sid, "its claims could not be extracted (see the log)"))
    return out


def _remove(catalog, args) -> int:
    catalog.remove(args.id, by=f"cli:{_user()}")
    print(f"{args.id}: removed from {catalog.store.describe()}", file=sys.stderr)
    return EXIT_OK


def _conflicts(catalog, args) -> int:
    from .sources.conflicts import find_conflicts
    conflicts = find_conflicts(catalog.checker)
    if args.format == "json":
        _dump([c.model_dump() for c in conflicts])
    else:
        for c in conflicts:
            (a, b), (va, vb) = c.sources, c.values
            print(f"{a} \u2194 {b}  {c.slot} ({c.rule}): {va or '?'} vs {vb or '?'}")
            for source, claim, when in zip(c.sources, c.claims, c.published):
                print(f"    {source}{' (' + when + ')' if when else ''}: {claim.id}: \u201c{claim.evidence.text}\u201d")
        print(f"{len(conflicts)} conflict{'s' if len(conflicts) != 1 else ''} between {len(catalog.checker.source_ids)} sources",
              file=sys.stderr)
    return EXIT_FOUND if conflicts else EXIT_OK
