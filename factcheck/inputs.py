"""Turn submitted bytes into text or JSON, or say clearly why they cannot be checked.

The same rules for the CLI and the HTTP API: a size limit that stops reading at the limit
(so /dev/zero or an endless stream cannot exhaust memory), real text charsets only (a codec
such as `unicode_escape` or `idna` is not a text encoding of an article), no lone surrogates
(they cannot be written back out as UTF-8), and JSON within the depth and number sizes a
reader can hold.
"""
from __future__ import annotations

import codecs
import json

from .errors import InputError, InputTooLarge, MalformedJSON, UndecodableInput, UnsupportedEncoding

# codecs.lookup() names of the charsets a newsroom text plausibly comes in
TEXT_CHARSETS = frozenset({
    "utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le", "utf-32-be",
    "ascii", "iso8859-1", "iso8859-15", "cp1252",
})
MAX_JSON_DEPTH = 64          # a request is two levels deep; far more is an attack, not a request


def read_limited(stream, limit: int, name: str = "input") -> bytes:
    """At most `limit` bytes of `stream`; one more raises InputTooLarge, and reading stops there."""
    chunks, size = [], 0
    while size <= limit:
        chunk = stream.read(min(65536, limit + 1 - size))
        if not chunk:
            break
        chunks.append(chunk)
        size += len(chunk)
    if size > limit:
        raise InputTooLarge(f"{name} is over the limit of {limit:,} bytes")
    return b"".join(chunks)


def read_file_limited(path, limit: int, label: str) -> bytes:
    """At most `limit` bytes of the file at `path`; a missing, folder or unreadable file is an
    InputError in one line starting with `label`."""
    try:
        with open(path, "rb") as fh:
            return read_limited(fh, limit, label)
    except FileNotFoundError:
        raise InputError(f"{label}: no such file") from None
    except IsADirectoryError:
        raise InputError(f"{label}: is a directory") from None
    except OSError as exc:
        raise InputError(f"{label}: {exc.strerror or exc}") from None


def text_codec(charset: str) -> str:
    """The codec of a declared charset, if it is a text charset; else UnsupportedEncoding."""
    try:
        name = codecs.lookup(charset.strip()).name
    except (LookupError, ValueError, TypeError):
        name = None
    if name not in TEXT_CHARSETS:
        raise UnsupportedEncoding(f"charset {charset[:40]!r} is not supported; send UTF-8 "
                                  "(or UTF-16, UTF-32, ASCII, ISO-8859-1/15, windows-1252)")
    return name


def decode_body(data: bytes, charset: str = "utf-8", name: str = "the body") -> str:
    """Text of `data` in a declared charset (NUL characters allowed: UTF-16 is full of NUL bytes)."""
    codec = text_codec(charset)
    try:
        text = data.decode(codec)
    except UnicodeDecodeError as exc:
        raise UndecodableInput(f"{name} is not valid {charset} text: {exc.reason} at byte {exc.start}") from None
    require_no_lone_surrogate(text, name)
    return text


def decode_text(data: bytes, name: str = "input") -> str:
    """UTF-8 text of `data`; binary or undecodable data raises an InputError."""
    if b"\x00" in data[:8192]:
        raise UndecodableInput(f"{name} looks like a binary file (it contains NUL bytes); factcheck reads UTF-8 text")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise UndecodableInput(f"{name} is not UTF-8 text (byte 0x{data[exc.start]:02x} at offset {exc.start})") from None


def lone_surrogate(text: str) -> int | None:
    """The offset of the first lone surrogate in `text`, if any. (UTF-8 encodes every other code
    point, so the encoder finds it: 1 MiB in well under a millisecond, a regex takes ~9 ms.)"""
    if text.isascii():
        return None
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as exc:
        return exc.start
    return None


def surrogate_in(data, pointer: str = "") -> tuple[str, int] | None:
    """(JSON pointer, offset) of the first lone surrogate in any string of parsed JSON (keys included)."""
    if isinstance(data, str):
        at = lone_surrogate(data)
        return (pointer, at) if at is not None else None
    items = data.items() if isinstance(data, dict) else enumerate(data) if isinstance(data, list) else ()
    for key, value in items:
        where = f"{pointer}/{str(key).replace('~', '~0').replace('/', '~1')}"
        found = surrogate_in(key, where) if isinstance(key, str) else None
        found = found or surrogate_in(value, where)
        if found:
            return found
    return None


def require_no_lone_surrogate(text: str, name: str) -> None:
    at = lone_surrogate(text)
    if at is not None:
        raise UndecodableInput(f"{name} holds a lone surrogate (U+{ord(text[at]):04X}) at character {at}; "
                               "it is not a character and cannot be written as UTF-8")


def _no_constant(name: str):
    raise ValueError(f"{name} is not a JSON number")


def parse_json(text: str, name: str = "the body"):
    """The JSON value of `text`: MalformedJSON for a syntax error, NaN/Infinity, a number of
    more digits than Python converts, or nesting deeper than MAX_JSON_DEPTH."""
    try:
        data = json.loads(text, parse_constant=_no_constant)
    except json.JSONDecodeError as exc:
        raise MalformedJSON(f"{name}: {exc.msg} at line {exc.lineno}, column {exc.colno}") from None
    except RecursionError:
        raise MalformedJSON(f"{name} is nested more than {MAX_JSON_DEPTH} levels deep") from None
    except ValueError as exc:     # int() over sys.get_int_max_str_digits(), or a NaN/Infinity constant
        reason = str(exc)
        if "digits" in reason:
            reason = "a number has more digits than this service reads (4,300)"
        raise MalformedJSON(f"{name}: {reason}") from None
    if _deeper_than(data, MAX_JSON_DEPTH):
        raise MalformedJSON(f"{name} is nested more than {MAX_JSON_DEPTH} levels deep")
    return data


def _deeper_than(data, limit: int) -> bool:
    """Whether arrays and objects nest more than `limit` levels (iteratively: no recursion)."""
    stack = [(data, 1)]
    while stack:
        node, depth = stack.pop()
        if isinstance(node, dict):
            children = node.values()
        elif isinstance(node, list):
            children = node
        else:
            continue
        if depth > limit:
            return True
        stack.extend((child, depth + 1) for child in children if isinstance(child, (dict, list)))
    return False
