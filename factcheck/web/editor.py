"""The editor's page: GET / serves one HTML page whose script calls POST /v1/compare."""
from __future__ import annotations

from flask import Blueprint, make_response, render_template

bp = Blueprint("editor", __name__, template_folder="templates", static_folder="static", static_url_path="/static")

# Everything the page needs comes from this origin; user text is only ever inserted as text,
# and this policy keeps an injected <script> or inline handler inert even if it were not.
CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
       "object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'")


@bp.get("/")
def page():
    resp = make_response(render_template("editor.html"))
    resp.headers["Content-Security-Policy"] = CSP     # the other security headers: add_security_headers
    return resp
