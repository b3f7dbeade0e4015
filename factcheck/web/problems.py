"""RFC 9457 problem details: the one error shape of the HTTP API.

Every error, including Flask's own 404/405/413/415 and an unexpected exception, becomes
`application/problem+json` with a fixed `type` per kind of problem. The type URIs are
relative references served by GET /problems/<slug>, which documents each one.
"""
from __future__ import annotations

from dataclasses import dataclass

from flask import Response, current_app, g, json, request

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
    ProblemType("invalid-json", 400, "The body is not valid JSON.", "A request declared as application/json could not be parsed."),
    ProblemType("undecodable-body", 400, "The body is not text in its declared encoding.", "Send UTF-8 (or declare the charset of a text/plain body)."),
    ProblemType("not-found", 404, "Not found.", "No resource at this URL, or no claim with this id."),
    ProblemType("method-not-allowed", 405, "Method not allowed.", "The URL exists but does not accept this HTTP method; see the Allow header."),
    ProblemType("body-too-large", 413, "The body is too large.", "The request body is over the service's limit (FACTCHECK_MAX_BODY_BYTES, 1 MiB by default)."),
    ProblemType("unsupported-media-type", 415, "Unsupported media type.", "POST /v1/compare takes application/json or text/plain."),
    ProblemType("validation-error", 422, "The request does not match its schema.", "The body parsed but breaks the request schema; `errors` lists each problem with a JSON pointer."),
    ProblemType("internal-error", 500, "Internal error.", "A bug in factcheck. The response carries a request id; the service log has the details."),
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
