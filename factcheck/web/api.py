"""The /v1 API, /healthz, /openapi.json and /problems: parse, call the core, serialise."""
from __future__ import annotations

import functools
import json
import logging

import jsonschema
from flask import Blueprint, current_app, g, jsonify, request
from pydantic import ValidationError

from .. import __version__, schemas
from ..errors import did_you_mean
from ..inputs import decode_body, lone_surrogate, parse_json, surrogate_in, text_codec
from ..models import ClaimPage, Health, SourceAdd, SourceMeta, Suppression
from ..sources.catalog import title_of
from ..rule_docs import rule_infos
from ..suppressions import keyed
from . import work
from .auth import key_name
from .body import read_body
from .openapi import DEFAULT_PAGE, MAX_PAGE, document
from .problems import TYPES, Problem
from .work import require_sentences_within

bp = Blueprint("api", __name__)
log = logging.getLogger("factcheck.web")


def checker():
    return current_app.extensions["factcheck"]


def catalog():
    return current_app.extensions["factcheck.catalog"]


@functools.cache
def _validator(schema: str):
    return jsonschema.Draft202012Validator(schemas.load(schema))


def _require_valid(data, schema: str) -> None:
    """A 422 listing every way `data` breaks the schema, each at its pointer."""
    errors = [item for e in _validator(schema).iter_errors(data) for item in _explain(e)]
    if errors:
        errors.sort(key=lambda e: e["pointer"])
        raise Problem("validation-error", "; ".join(f"{e['pointer'] or 'body'}: {e['detail']}" for e in errors), errors)


def _body_text(settings) -> str:
    """The request body as text: no content coding, a text charset (a 415 before it is read), within the limits."""
    coding = request.headers.get("Content-Encoding", "").strip().lower()
    if coding not in ("", "identity"):
        raise Problem("unsupported-media-type", f"Content-Encoding {coding[:40]!r} is not accepted; send the body as it is")
    charset = request.mimetype_params.get("charset", "utf-8")
    text_codec(charset)
    raw = read_body(request.environ, settings["MAX_BODY_BYTES"], settings["BODY_TIMEOUT"])
    return decode_body(raw, charset)


def _pointer(path) -> str:
    return "/" + "/".join(str(p).replace("~", "~0").replace("/", "~1") for p in path) if path else ""


def _query_source() -> str | None:
    """The `source` query parameter, checked: at most once, and a loaded source."""
    value = _single("source")
    if value is None:
        return None
    known = checker().source_ids
    if value not in known:
        raise Problem("validation-error", f"unknown source {value!r}; sources are: {', '.join(known)}",
                      [{"pointer": "", "parameter": "source", "detail": f"is not a loaded source ({', '.join(known)})"}])
    return value


def _read_compare_request() -> work.CompareRequest:
    settings = current_app.config["FACTCHECK"]
    mimetype = request.mimetype
    query_source = _query_source()
    if mimetype not in ("application/json", "text/plain"):
        raise Problem("unsupported-media-type",
                      f"Content-Type {request.content_type or '(none)'!r} is not accepted; send application/json "
                      '({"text": "..."}) or text/plain (the article itself).')
    body = _body_text(settings)
    if mimetype == "text/plain":
        if not body.strip():
            raise Problem("validation-error", "the text is empty", [{"pointer": "", "detail": "the article is empty"}])
        return work.CompareRequest(body, None, query_source, None)
    data = parse_json(body)
    _require_valid(data, "request")
    _require_no_lone_surrogates(data)
    reference = data.get("reference")
    accepted = _accepted(data.get("suppressions"))
    if reference is not None:          # an article of the client's own: it alone is the reference
        return work.CompareRequest(data["text"], data.get("title"), None, reference, accepted)
    chosen = data.get("sources")
    if chosen is not None:          # with `source`, the choice is both
        one = [("/source", data["source"])] if data.get("source") is not None else []
        known = set(checker().source_ids)
        wrong = [{"pointer": at, "detail": f"{sid!r} is not a loaded source"}
                 for at, sid in [(f"/sources/{i}", sid) for i, sid in enumerate(chosen)] + one if sid not in known]
        if wrong:
            raise Problem("validation-error", "; ".join(f"{e['pointer']}: {e['detail']}" for e in wrong), wrong)
        chosen = list(dict.fromkeys(chosen + [sid for _, sid in one]))
        return work.CompareRequest(data["text"], data.get("title"), None, None, accepted, tuple(chosen))
    # The body's own source wins over the query's. An empty string is a value like any other
    # (and not a loaded source): only an absent or null member defers to the query.
    source = data.get("source")
    if source is None:
        return work.CompareRequest(data["text"], data.get("title"), query_source, None, accepted)
    if source not in checker().source_ids:
        known = ", ".join(checker().source_ids)
        raise Problem("validation-error", f"/source: unknown source {source!r}; sources are: {known}",
                      [{"pointer": "/source", "detail": f"is not a loaded source ({known})"}])
    return work.CompareRequest(data["text"], data.get("title"), source, None, accepted)


def _accepted(entries) -> dict[tuple[str, str], str] | None:
    """The request's suppressions, keyed as a suppressions file's are."""
    return keyed([Suppression.model_validate(e) for e in entries]) if entries else None


def _require_no_lone_surrogates(data: dict, names=("text", "title", "source", "reference")) -> None:
    """No lone surrogate in any string member: a report could not be written out with one."""
    errors = []
    members = [(f"/{name}", data.get(name)) for name in names]
    members += [(f"/sources/{i}", sid) for i, sid in enumerate(data.get("sources") or [])]
    inside = surrogate_in(data.get("review"), "/review") if isinstance(data.get("review"), (dict, list)) else None
    if inside:
        errors.append({"pointer": inside[0], "detail": f"holds a lone surrogate at character {inside[1]}, which is not text"})
    members += [(f"/suppressions/{i}/{key}", entry.get(key)) for i, entry in enumerate(data.get("suppressions") or [])
                for key in ("claim", "sentence", "reason")]
    for pointer_, value in members:
        at = lone_surrogate(value) if isinstance(value, str) else None
        if at is not None:
            errors.append({"pointer": pointer_, "detail": f"holds a lone surrogate (U+{ord(value[at]):04X}) at "
                                                          f"character {at}, which is not text"})
    if errors:
        raise Problem("validation-error", "; ".join(f"{e['pointer']}: {e['detail']}" for e in errors), errors)


def _shorten(message: str, limit: int = 200) -> str:
    """A validator's message quotes the value; a 1 MiB value need not come back twice."""
    return message if len(message) <= limit else message[:limit - 1] + "\u2026"


def _explain(error) -> list[dict]:
    """One entry per problem, pointing at the member concerned (the missing or unexpected one)."""
    if error.validator == "anyOf" and error.context:
        # "x or null": say what is wrong with the x, where it is, not "is not valid under any of the given schemas"
        deepest = max(error.context, key=lambda e: (len(e.absolute_path), e.validator != "type"))
        if len(deepest.absolute_path) > len(error.absolute_path) or deepest.validator != "type":
            return _explain(deepest)
        kinds = [e.validator_value for e in error.context if e.validator == "type"]
        return [{"pointer": _pointer(list(error.absolute_path)), "detail": f"must be {' or '.join(map(str, kinds))}"}]
    path = list(error.absolute_path)
    if error.validator == "required" and isinstance(error.instance, dict):
        return [{"pointer": _pointer(path + [name]), "detail": "is required"}
                for name in error.validator_value if name not in error.instance]
    if error.validator == "additionalProperties" and isinstance(error.instance, dict):
        known = set(error.schema.get("properties", {}))
        return [{"pointer": _pointer(path + [name]), "detail": "is not a known field"}
                for name in error.instance if name not in known]
    if error.validator == "pattern" and error.instance == "":
        return []   # "must not be empty" says it already
    detail = "must not be empty" if error.validator == "minLength" and error.instance == "" else _shorten(error.message)
    return [{"pointer": _pointer(path), "detail": detail}]


@bp.post("/v1/compare")
def compare():
    compare_request = _read_compare_request()
    settings = current_app.config["FACTCHECK"]
    report_json = current_app.extensions["factcheck.budget"].run(work.check, checker(), compare_request,
                                                                 settings["MAX_SENTENCES"])
    return current_app.response_class(report_json, mimetype="application/json")


@bp.get("/v1/claims")
def list_claims():
    """A page of the claims in id order. The cursor is the id of the previous page's last
    claim, and a page holds the claims after it (keyset paging): any string is a cursor, and
    a page does not shift when claims before it come or go."""
    source = _query_source()
    limit = _query_int("limit", DEFAULT_PAGE, 1, MAX_PAGE)
    cursor = _single("cursor")
    claims = sorted((c for c in checker().claim_refs.values() if (not source or c.source == source)
                     and (cursor is None or c.id > cursor)), key=lambda c: c.id)
    page = claims[:limit]
    return jsonify(ClaimPage(claims=page, next_cursor=page[-1].id if len(claims) > limit else None).model_dump())


def _single(name: str) -> str | None:
    values = request.args.getlist(name)
    if len(values) > 1:
        raise Problem("validation-error", f"the {name} parameter is given more than once",
                      [{"pointer": "", "parameter": name, "detail": "give it at most once"}])
    return values[0] if values else None


def _query_int(name: str, default: int, low: int, high: int) -> int:
    raw = _single(name)
    if raw is None:
        return default
    if not raw.isascii() or not raw.isdigit() or not low <= int(raw) <= high:
        raise Problem("validation-error", f"{name} must be a whole number from {low} to {high}",
                      [{"pointer": "", "parameter": name, "detail": f"must be a whole number from {low} to {high}"}])
    return int(raw)


@bp.get("/v1/claims/<path:claim_id>")
def get_claim(claim_id: str):
    claim = checker().claim_refs.get(claim_id)
    if claim is None:
        raise Problem("not-found", f"no claim with id {claim_id!r}; GET /v1/claims lists them")
    return jsonify(claim.model_dump())


@bp.get("/v1/sources")
def list_sources():
    return jsonify([s.model_dump() for s in catalog().summaries()])


@bp.get("/v1/sources/<source_id>")
def get_source(source_id: str):
    return jsonify(catalog().show(source_id).model_dump())


@bp.post("/v1/sources")
def add_source():
    """Add a reference: its claims extracted here; 201 with what was stored. Needs a key."""
    who = key_name()
    settings = current_app.config["FACTCHECK"]
    if request.mimetype != "application/json":
        raise Problem("unsupported-media-type", f"Content-Type {request.content_type or '(none)'!r} is not accepted; send "
                                                "application/json: {\"id\", \"text\", \"title\", \"outlet\", \"published\", \"url\"}")
    data = parse_json(_body_text(settings))
    _require_valid(data, "source-add")
    _require_no_lone_surrogates(data, ("id", "text", "title", "outlet", "published", "url", "review"))
    try:
        new = SourceAdd.model_validate(data)
    except ValidationError as exc:            # what a schema cannot say: a 31 February
        first = exc.errors()[0]
        where = _pointer(first["loc"])
        raise Problem("validation-error", f"{where}: {first['msg']}", [{"pointer": where, "detail": first["msg"]}]) from None
    require_sentences_within(new.text, settings["MAX_SENTENCES"], "the article")
    meta = SourceMeta(id=new.id, title=new.title or title_of(new.text), outlet=new.outlet, published=new.published, url=new.url)
    review = new.review.model_dump_json() if new.review else None
    summary = catalog().add(meta, new.text, review, by=who)
    log.info(json.dumps({"event": "source.added", "source": new.id, "claims": summary.claims, "key": who,
                         "request_id": g.get("request_id")}, separators=(",", ":")))
    response = jsonify(summary.model_dump())
    response.status_code = 201
    response.headers["Location"] = f"/v1/sources/{new.id}"
    return response


@bp.delete("/v1/sources/<source_id>")
def remove_source(source_id: str):
    who = key_name()
    catalog().remove(source_id, by=who)
    log.info(json.dumps({"event": "source.removed", "source": source_id, "key": who, "request_id": g.get("request_id")},
                        separators=(",", ":")))
    response = current_app.response_class(status=204)
    response.headers.pop("Content-Type", None)        # no content, no type
    return response


@bp.get("/v1/rules")
def list_rules():
    return jsonify([info.model_dump(by_alias=True) for info in rule_infos(checker())])


@bp.get("/v1/rules/<rule_id>")
def get_rule(rule_id: str):
    infos = {i.id: i for i in rule_infos(checker())}
    if rule_id not in infos:
        raise Problem("not-found", f"no rule with id {rule_id!r}{did_you_mean(rule_id, infos)}; GET /v1/rules lists them")
    return jsonify(infos[rule_id].model_dump(by_alias=True))


@bp.get("/healthz")
def healthz():
    c = checker()
    return jsonify(Health(status="ok", version=__version__, sources=c.source_ids,
                          claims=len(c.reference.claims), rules=len(c.rules), data_hash=c.data_hash).model_dump())


@bp.get("/openapi.json")
def openapi():
    return jsonify(document(checker().source_ids))


@bp.get("/problems/<slug>")
def problem_type(slug: str):
    t = TYPES.get(slug)
    if t is None:
        raise Problem("not-found", f"no problem type {slug!r}")
    return jsonify({"type": t.uri, "title": t.title, "status": t.status, "description": t.description})
