"""RFC 9457 problem details: the one error shape of the HTTP API.

Every error, including Flask's own 404/405/413/415 and an unexpected exception, becomes
`application/problem+json` with a fixed `type` per kind of problem. The type URIs are
relative references served by GET /problems/<slug>, which documents each one.
"""
from __future__ import annotations

from dataclasses import dataclass

from flask import Response, current_app, g, json, request

from ..errors import InputError, InputTooLarge, MalformedJSON, UndecodableInput, UnsupportedEncoding
from ..sources.catalog import ReadOnlySource, UnknownSource
from ..sources.store import SourceExists

PROBLEM_JSON = "application/problem+json"


@dataclass(frozen=True)
class ProblemType:
    slug: str
    status: int
    title: str
    description: str

    @property
    def uri(self) -> str:
        return f"/problems/{self.slug}"


TYPES = {t.slug: t for t in (
    ProblemType("bad-request", 400, "The request is not valid HTTP.", "The request line, a header or the chunked framing is malformed (answered by the server before the application)."),
    ProblemType("invalid-json", 400, "The body is not valid JSON.", "A request declared as application/json could not be parsed: a syntax error, NaN or Infinity, a number of more than 4,300 digits, or nesting more than 64 levels deep."),
    ProblemType("undecodable-body", 400, "The body is not text in its declared encoding.", "Send UTF-8 (or declare the charset of the body). A lone surrogate (such as \\ud800 in a JSON string) is not text either."),
    ProblemType("unauthorized", 401, "An API key is needed.", "Adding and removing sources needs an Authorization: Bearer <key> header with one of the keys in FACTCHECK_API_KEYS; this request has none, or one that is not valid."),
    ProblemType("writes-disabled", 403, "Changing sources is off.", "The service has no API key configured (FACTCHECK_API_KEYS), so no request may add or remove sources."),
    ProblemType("not-found", 404, "Not found.", "No resource at this URL, or no claim with this id."),
    ProblemType("method-not-allowed", 405, "Method not allowed.", "The URL exists but does not accept this HTTP method; see the Allow header."),
    ProblemType("body-timeout", 408, "The body did not arrive in time.", "The request body was not received within FACTCHECK_BODY_TIMEOUT seconds (20 by default)."),
    ProblemType("header-timeout", 408, "The request headers did not arrive in time.", "A new connection did not send its request line and headers within FACTCHECK_HEADER_TIMEOUT seconds (5 by default); answered by the server, which then closes the connection. An idle keep-alive connection is closed without an answer."),
    ProblemType("expectation-failed", 417, "Expectation failed.", "The Expect header asks for something other than 100-continue."),
    ProblemType("read-only-source", 409, "The source is read-only.", "Bundled sources (seeds/) cannot be replaced or removed through the API; they change with a deployment."),
    ProblemType("source-exists", 409, "The source already exists.", "A source with this id is already stored, or the id is a bundled source's (read-only); remove it first or choose another id."),
    ProblemType("body-too-large", 413, "The body is too large.", "The request body is over the service's limit (FACTCHECK_MAX_BODY_BYTES, 1 MiB by default), whether sent with Content-Length or chunked."),
    ProblemType("too-many-sentences", 413, "The text has too many sentences.", "A request checks at most FACTCHECK_MAX_SENTENCES sentences (2,000 by default), the text and a given reference together; split the text."),
    ProblemType("uri-too-long", 414, "The request line is too long.", "The request line (method, path and query) is over the server's limit of 4,094 bytes."),
    ProblemType("unsupported-media-type", 415, "Unsupported media type.", "POST /v1/compare takes application/json or text/plain, in a text charset (UTF-8, UTF-16, UTF-32, ASCII, ISO-8859-1/15, windows-1252), without a Content-Encoding."),
    ProblemType("validation-error", 422, "The request does not match its schema.", "The body parsed but breaks the request schema; `errors` lists each problem with a JSON pointer."),
    ProblemType("work-budget-exceeded", 422, "The text takes too long to check.", "Checking this text took longer than the per-request budget (FACTCHECK_CHECK_TIMEOUT seconds, 10 by default) and was stopped; split the text."),
    ProblemType("headers-too-large", 431, "The request headers are too large.", "Too many header fields (over 100) or one over 8,190 bytes."),
    ProblemType("internal-error", 500, "Internal error.", "A bug in factcheck. The response carries a request id; the service log has the details."),
    ProblemType("not-implemented", 501, "Not implemented.", "The request uses an HTTP feature the server does not implement, such as a transfer coding other than chunked."),
    ProblemType("store-unavailable", 503, "The source store cannot be used now.", "The database of added sources (FACTCHECK_DATABASE_URL) could not be read or written; nothing was changed. Retry after the Retry-After header's seconds; the sources already loaded stay in use for checks."),
    ProblemType("service-busy", 503, "The service is at capacity.", "Every checking slot is taken and the queue is full or did not move in time (FACTCHECK_QUEUE_TIMEOUT); retry after the Retry-After header's seconds."),
)}


class Problem(Exception):
    """Raise to answer with a problem document."""

    def __init__(self, slug: str, detail: str, errors: list[dict] | None = None, headers: dict | None = None):
        super().__init__(detail)
        self.type = TYPES[slug]
        self.detail = detail
        self.errors = errors
        self.headers = headers or {}


def problem_response(p: Problem) -> Response:
    body = {"type": p.type.uri, "title": p.type.title, "status": p.type.status, "detail": p.detail,
            "instance": request.path, "request_id": g.get("request_id")}
    if p.errors is not None:
        body["errors"] = p.errors
    resp = current_app.response_class(json.dumps(body), status=p.type.status, mimetype=PROBLEM_JSON)
    resp.headers.update(p.headers)
    return resp


_INPUT_PROBLEMS = ((ReadOnlySource, "read-only-source"), (SourceExists, "source-exists"), (UnknownSource, "not-found"), (InputTooLarge, "body-too-large"), (UnsupportedEncoding, "unsupported-media-type"),
                   (UndecodableInput, "undecodable-body"), (MalformedJSON, "invalid-json"))


def input_problem(exc: InputError) -> Problem:
    """The problem for input the core or the input rules refused."""
    for kind, slug in _INPUT_PROBLEMS:
        if isinstance(exc, kind):
            return Problem(slug, str(exc))
    return Problem("validation-error", str(exc), [{"pointer": "", "detail": str(exc)}])
