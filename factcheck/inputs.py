"""Turn submitted bytes into text, or say clearly why they cannot be checked."""
from __future__ import annotations

from .errors import InputError


def decode_text(data: bytes, name: str = "input") -> str:
    """UTF-8 text of `data`; binary or undecodable data raises InputError."""
    if b"\x00" in data[:8192]:
        raise InputError(f"{name} looks like a binary file (it contains NUL bytes); factcheck reads UTF-8 text")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(f"{name} is not UTF-8 text (byte 0x{data[exc.start]:02x} at offset {exc.start})") from None
