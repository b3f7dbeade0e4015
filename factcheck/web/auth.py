"""Bearer keys for the endpoints that change data: FACTCHECK_API_KEYS names them.

With no key configured, changing data is off (403) rather than open. A request without a key,
or with a key that is none of them, is 401 with a WWW-Authenticate challenge (RFC 6750). Keys
are compared in constant time: each configured key's digest with the given one's, all of them
every time, so neither the match's place nor its length shows in the timing.
"""
from __future__ import annotations

import hashlib
import hmac

from flask import current_app, request

from .problems import Problem

_CHALLENGE = 'Bearer realm="factcheck"'


def key_name() -> str:
    """The name of the key this request carries, or a 401/403 problem."""
    keys: dict[str, str] = current_app.config["FACTCHECK"]["API_KEYS"]
    if not keys:
        raise Problem("writes-disabled", "changing sources is off: the service has no API key configured "
                                         "(FACTCHECK_API_KEYS=\"name=key\")")
    scheme, _, given = request.headers.get("Authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not given.strip():
        raise Problem("unauthorized", "this endpoint needs an Authorization: Bearer <key> header",
                      headers={"WWW-Authenticate": _CHALLENGE})
    digest = hashlib.sha256(given.strip().encode("utf-8", "surrogatepass")).digest()
    found = None
    for name, key in keys.items():
        if hmac.compare_digest(digest, hashlib.sha256(key.encode()).digest()):
            found = name
    if found is None:
        raise Problem("unauthorized", "the API key is not valid",
                      headers={"WWW-Authenticate": _CHALLENGE + ', error="invalid_token"'})
    return found
