"""The gunicorn workers of `factcheck serve`: gunicorn's own, with the errors the server answers
before the application sees a request (a malformed request line, a header over the limits, a
bad chunk) written as problem+json with the service's security headers instead of an HTML
page, and without a `Server: gunicorn` banner on any response.

gevent (the default) is the one that slow or idle clients cannot starve; sync and gthread
are kept for comparison (bench/abuse.py) and for platforms without gevent wheels.
"""
from __future__ import annotations

import json
import uuid

import gevent
from gunicorn import util
from gunicorn.http import errors as http_errors
from gunicorn.http.wsgi import Response
from gunicorn.workers.ggevent import GeventWorker as _GeventWorker
from gunicorn.workers.gthread import ThreadWorker as _ThreadWorker
from gunicorn.workers.sync import SyncWorker as _SyncWorker

from .headers import COMMON, NON_HTML_CSP
from .problems import PROBLEM_JSON, TYPES


class HeaderTimeout(Exception):
    """The request line and headers did not arrive within FACTCHECK_HEADER_TIMEOUT."""

    def __str__(self):
        return "the request headers did not arrive in time"


# (exception class, problem slug), most specific first: a response-header error is ours (500)
_SERVER_PROBLEMS = (
    (http_errors.InvalidResponseHeader, "internal-error"),
    (http_errors.InvalidResponseHeaderName, "internal-error"),
    (http_errors.ConfigurationProblem, "internal-error"),
    (HeaderTimeout, "header-timeout"),
    (http_errors.LimitRequestLine, "uri-too-long"),
    (http_errors.LimitRequestHeaders, "headers-too-large"),
    (http_errors.UnsupportedTransferCoding, "not-implemented"),
    (http_errors.ExpectationFailed, "expectation-failed"),
    (http_errors.ParseException, "bad-request"),
)
_REASONS = {400: "Bad Request", 408: "Request Timeout", 414: "URI Too Long", 417: "Expectation Failed", 431: "Request Header Fields Too Large",
            500: "Internal Server Error", 501: "Not Implemented"}


def _without_banner(default_headers):
    def headers(self):
        return [line for line in default_headers(self) if not line.startswith("Server:")]
    return headers


# gunicorn writes "Server: gunicorn" in every response's first lines, with no setting to drop it
if not getattr(Response.default_headers, "_factcheck", False):
    Response.default_headers = _without_banner(Response.default_headers)
    Response.default_headers._factcheck = True


def server_problem(exc: BaseException, path: str | None) -> bytes:
    """The whole HTTP response for an error the server found before the application ran."""
    slug = next((s for kind, s in _SERVER_PROBLEMS if isinstance(exc, kind)), "internal-error")
    kind = TYPES[slug]
    detail = str(exc)[:200] if slug != "internal-error" else "the server could not answer this request"
    request_id = uuid.uuid4().hex
    body = json.dumps({"type": kind.uri, "title": kind.title, "status": kind.status, "detail": detail,
                       "instance": path, "request_id": request_id}).encode()
    headers = {"Content-Type": PROBLEM_JSON, "Content-Length": str(len(body)), "Connection": "close",
               "Date": util.http_date(), "X-Request-ID": request_id, **COMMON, "Content-Security-Policy": NON_HTML_CSP}
    head = f"HTTP/1.1 {kind.status} {_REASONS.get(kind.status, kind.title)}\r\n"
    head += "".join(f"{name}: {value}\r\n" for name, value in headers.items())
    return head.encode("latin-1") + b"\r\n" + body


class ProblemErrors:
    """Mixin over a gunicorn worker: replaces its HTML error page."""

    def handle_error(self, req, client, addr, exc):
        if isinstance(exc, http_errors.ParseException) and not isinstance(exc, http_errors.ConfigurationProblem):
            self.log.warning("Invalid request from ip=%s: %s", (addr or ("",))[0], exc)
        else:
            self.log.exception("Error handling request %s", getattr(req, "uri", "(no URI read)"))
        try:
            util.write_nonblock(client, server_problem(exc, getattr(req, "path", None)))
            # the rest of a refused request (a 9 KB request line) is still unread: closing now
            # would reset the connection and lose the answer, so read it off first (briefly)
            util.close_graceful(client, timeout=1.0)
        except Exception:          # the client is gone; nothing to answer
            self.log.debug("Failed to send error message.")


class GeventWorker(ProblemErrors, _GeventWorker):
    """gunicorn's gevent worker, answering a connection whose first request's headers are too
    slow with a 408 problem (gunicorn closes it without a word) and closing an idle keep-alive
    connection quietly, since a 408 there could be read as the answer to a request the client
    is sending at that moment."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._answered: set[int] = set()      # connections (by id) that have had a response

    def timeout_ctx(self):
        # gunicorn waits for each request's headers under gevent.Timeout(keepalive, False),
        # which ends the connection silently; raise instead, so handle_error sees it
        return gevent.Timeout(self.cfg.keepalive, HeaderTimeout)

    def handle(self, listener, client, addr):
        try:
            super().handle(listener, client, addr)
        finally:
            self._answered.discard(id(client))

    def handle_request(self, listener_name, req, sock, addr):
        self._answered.add(id(sock))
        return super().handle_request(listener_name, req, sock, addr)

    def handle_error(self, req, client, addr, exc):
        if isinstance(exc, HeaderTimeout) and id(client) in self._answered:
            return                            # idle keep-alive: handle() closes it
        if isinstance(exc, HeaderTimeout):
            self.log.info("Request headers from ip=%s did not arrive in time", (addr or ("",))[0])
            try:
                util.write_nonblock(client, server_problem(exc, None))
                util.close_graceful(client, timeout=1.0)   # see ProblemErrors.handle_error
            except Exception:
                self.log.debug("Failed to send error message.")
            return
        super().handle_error(req, client, addr, exc)


class ThreadWorker(ProblemErrors, _ThreadWorker):
    pass


class SyncWorker(ProblemErrors, _SyncWorker):
    pass


WORKER_CLASSES = {"gevent": "factcheck.web.workers.GeventWorker", "gthread": "factcheck.web.workers.ThreadWorker",
                  "sync": "factcheck.web.workers.SyncWorker"}
