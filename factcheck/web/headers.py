"""Security headers: the same on every response, whoever answers it (the app or, for a request
it never sees, the server's own error writer in serve.py)."""
from __future__ import annotations

# Every response: no MIME sniffing (a JSON body is never run as a script), no referrer leaks,
# no framing (clickjacking). A non-HTML response may load nothing at all.
COMMON = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
}
NON_HTML_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'"


def add_security_headers(headers) -> None:
    """Set the common headers, and a deny-all CSP unless the response set its own (the editor page)."""
    for name, value in COMMON.items():
        headers.setdefault(name, value)
    headers.setdefault("Content-Security-Policy", NON_HTML_CSP)
