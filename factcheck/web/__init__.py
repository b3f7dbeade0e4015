"""The HTTP service: `create_app()` loads the reference once and serves the /v1 API.

    flask --app factcheck.web run --debug      # development
    factcheck serve                            # production (gunicorn)
"""
from __future__ import annotations

import logging
import re
import time
import traceback
import uuid

from flask import Flask, g, request
from werkzeug.exceptions import HTTPException

from ..sources.catalog import Catalog
from ..sources.store import StoreError
from ..errors import InputError
from . import api, editor
from .body import drain_unread
from .budget import WorkBudget
from .config import api_keys, from_environment
from .headers import add_security_headers
from .problems import Problem, input_problem, problem_response

log = logging.getLogger("factcheck.web")
_SAFE_REQUEST_ID = re.compile(r"[A-Za-z0-9._:-]{1,128}")
_HTTP_PROBLEMS = {400: "invalid-json", 404: "not-found", 405: "method-not-allowed", 413: "body-too-large",
                  415: "unsupported-media-type"}


def create_app(config: dict | None = None) -> Flask:
    """Build the app; settings come from FACTCHECK_* variables, overridden by `config`."""
    settings = from_environment()
    settings.update(config or {})
    keys = settings["API_KEYS"]        # given as the variable's text, or as a dict: checked the same way
    settings["API_KEYS"] = api_keys(keys if isinstance(keys, str) else ",".join(f"{n}={k}" for n, k in keys.items()))
    app = Flask(__name__, static_folder=None)   # static files are the editor blueprint's
    app.config.update(MAX_CONTENT_LENGTH=settings["MAX_BODY_BYTES"], FACTCHECK=settings, JSON_SORT_KEYS=False)
    _configure_logging(settings["LOG_LEVEL"])
    catalog = Catalog.load(settings["SEEDS_DIR"], settings["RULES_DIR"], settings["DATABASE_URL"],
                           sync_seconds=settings["SYNC_SECONDS"])
    app.extensions["factcheck"] = checker = catalog.checker
    app.extensions["factcheck.catalog"] = catalog
    # read the frame rules and English now, not on the first request: a broken file stops start-up
    logging.getLogger("factcheck").debug("%d frame rules loaded", len(checker.frames.rules))
    app.extensions["factcheck.budget"] = WorkBudget(settings["CHECK_THREADS"], settings["QUEUE_DEPTH"],
                                                    settings["QUEUE_TIMEOUT"], settings["CHECK_TIMEOUT"])
    app.register_blueprint(api.bp)
    app.register_blueprint(editor.bp)
    app.before_request(_start)
    app.before_request(lambda: None if catalog.sync() else None)    # what other workers and replicas added or removed
    app.after_request(_finish)
    app.register_error_handler(Problem, problem_response)
    app.register_error_handler(InputError, lambda exc: problem_response(input_problem(exc)))
    app.register_error_handler(StoreError, _store_unavailable)
    app.register_error_handler(HTTPException, _http_error)
    app.register_error_handler(Exception, _unexpected)
    return app


def _configure_logging(level: str) -> None:
    if not log.handlers:
        handler = logging.StreamHandler()
        handler.setFormatter(logging.Formatter("%(message)s"))
        log.addHandler(handler)
        log.propagate = False
    log.setLevel(level)


def _start() -> None:
    given = request.headers.get("X-Request-ID", "")
    g.request_id = given if _SAFE_REQUEST_ID.fullmatch(given) else uuid.uuid4().hex
    g.started = time.perf_counter()


def _finish(response):
    response.headers["X-Request-ID"] = g.get("request_id", "")
    add_security_headers(response.headers)
    drain_unread(request.environ)
    _cors(response)
    started = g.get("started")
    log.info(_json_line(event="request", method=request.method, path=request.path, status=response.status_code,
                        latency_ms=round((time.perf_counter() - started) * 1000, 2) if started else None,
                        request_id=g.get("request_id")))
    return response


def _cors(response) -> None:
    from flask import current_app
    origin = request.headers.get("Origin")
    allowed = current_app.config["FACTCHECK"]["CORS_ORIGINS"]
    if origin and ("*" in allowed or origin in allowed):
        response.headers["Access-Control-Allow-Origin"] = origin
        response.headers["Access-Control-Allow-Headers"] = "Authorization, Content-Type, X-Request-ID"
        response.headers["Access-Control-Allow-Methods"] = "GET, POST, DELETE, OPTIONS"
        response.headers["Access-Control-Expose-Headers"] = "X-Request-ID"
        response.vary.add("Origin")


def _json_line(**fields) -> str:
    import json
    return json.dumps(fields, separators=(",", ":"))


def _http_error(exc: HTTPException):
    slug = _HTTP_PROBLEMS.get(exc.code)
    if slug is None:
        slug = "not-found" if exc.code and exc.code < 500 else "internal-error"
    detail = {404: f"no resource at {request.path}", 405: f"{request.method} is not allowed on {request.path}",
              413: f"the body is over the limit of {request.max_content_length or 0:,} bytes",
              415: "send application/json or text/plain"}.get(exc.code, exc.description or "")
    headers = {}
    if exc.code == 413:
        drain_unread(request.environ)
    if exc.code == 405:
        allow = exc.get_response().headers.get("Allow")
        headers = {"Allow": allow} if allow else {}
    return problem_response(Problem(slug, detail, headers=headers))


def _store_unavailable(exc: StoreError):
    log.error(_json_line(event="store-error", request_id=g.get("request_id"), method=request.method, path=request.path,
                         error=str(exc)))
    return problem_response(Problem("store-unavailable", f"the source store cannot be used now: {exc}",
                                    headers={"Retry-After": "5"}))


def _unexpected(exc: Exception):
    if isinstance(exc, HTTPException):
        return _http_error(exc)
    log.error(_json_line(event="error", request_id=g.get("request_id"), method=request.method, path=request.path,
                         error=repr(exc), traceback=traceback.format_exc()))
    return problem_response(Problem("internal-error", f"an unexpected error occurred; quote request id {g.get('request_id')}"))
