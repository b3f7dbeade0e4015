"""The request body, read the same way whether it comes with a Content-Length or chunked.

Flask's MAX_CONTENT_LENGTH refuses a declared length over the limit, but a chunked body is
only cut at the limit, so what follows the cut would silently go unchecked. Here both are
read to at most the limit plus one byte: one byte more is a 413, never a truncated text.
"""
from __future__ import annotations

from ..errors import InputTooLarge
from ..inputs import read_limited
from . import runtime
from .problems import Problem

# An oversized body is read and dropped, up to this much and this long, so that a client
# still sending sees the 413 instead of a connection reset; past either it is cut off.
_DRAIN_BYTES = 16 * 1024 * 1024
_DRAIN_SECONDS = 2.0
_DRAIN_PAUSE = 0.25
_READ = "factcheck.body_read"


def drain_unread(environ) -> None:
    """After an answer given before the body was read (a 415, a 422 on the query): read it off,
    within the drain's bounds, or closing the connection would reset it and lose the answer."""
    if environ.get(_READ):
        return
    environ[_READ] = True
    try:
        declared = _declared_length(environ)
    except Problem:
        return
    if declared or (declared is None and environ.get("wsgi.input_terminated")):
        drain(environ, declared if declared is not None else _DRAIN_BYTES)


def read_body(environ, limit: int, timeout: float) -> bytes:
    """The body's bytes; a Problem if it is over `limit`, late past `timeout` s, or malformed."""
    environ[_READ] = True
    declared = _declared_length(environ)
    if declared is not None and declared > limit:
        drain(environ, declared)
        raise _too_large(limit)
    if declared is None and not environ.get("wsgi.input_terminated"):
        return b""          # neither a length nor a self-delimiting (chunked) stream: no body
    stream = environ["wsgi.input"]
    try:
        with runtime.deadline(timeout):
            # a declared length is read exactly: a server may hand over the raw socket, where
            # asking for one byte more would wait for the client's next request
            data = read_limited(stream, limit, "the body") if declared is None else _read_exactly(stream, declared)
    except InputTooLarge:
        drain(environ, _DRAIN_BYTES)
        raise _too_large(limit) from None
    except runtime.Expired:
        raise Problem("body-timeout", f"the body did not arrive within {timeout:g} s") from None
    except Exception as exc:   # from the server's reader: a malformed chunk, the client gone mid-body
        raise Problem("bad-request", f"the body could not be read: {str(exc)[:200]}") from None
    if declared is not None and len(data) < declared:
        raise Problem("bad-request", f"the body ended after {len(data):,} of the {declared:,} bytes declared")
    return data


def _read_exactly(stream, length: int) -> bytes:
    chunks, remaining = [], length
    while remaining > 0:
        chunk = stream.read(min(65536, remaining))
        if not chunk:
            break
        chunks.append(chunk)
        remaining -= len(chunk)
    return b"".join(chunks)


def _declared_length(environ) -> int | None:
    raw = environ.get("CONTENT_LENGTH")
    if raw in (None, ""):
        return None
    if not raw.isdigit():
        raise Problem("bad-request", f"Content-Length {raw[:40]!r} is not a number of bytes")
    return int(raw)


def _too_large(limit: int) -> Problem:
    return Problem("body-too-large", f"the body is over the limit of {limit:,} bytes")


def drain(environ, declared: int) -> None:
    """Read and drop what the client still sends of a refused body: at most _DRAIN_BYTES, for
    _DRAIN_SECONDS, and not past a pause of _DRAIN_PAUSE (a client that declared a length
    and sends nothing gets its answer at once)."""
    stream = environ.get("wsgi.input")
    remaining = min(declared, _DRAIN_BYTES)
    try:
        with runtime.deadline(_DRAIN_SECONDS):
            while stream is not None and remaining > 0:
                with runtime.deadline(_DRAIN_PAUSE):
                    chunk = stream.read(min(65536, remaining))
                if not chunk:
                    break
                remaining -= len(chunk)
    except Exception:          # Expired, or the reader failing: the drain is best effort
        pass
