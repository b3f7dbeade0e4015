"""Errors factcheck raises; a false claim is a finding, never an exception.

* FactcheckError
  * DataError          a bundled or configured data file is broken (found at start-up)
    * SchemaError      the file does not match its JSON Schema
    * ReferenceDataError  the file is valid JSON Schema-wise but inconsistent
                       (an evidence span that is not in the article, an unknown id)
  * InputError         the text a user submitted cannot be checked
    * InputTooLarge    over a size limit (bytes, sentences)
    * UnsupportedEncoding  declared in an encoding that is not a text charset we read
    * UndecodableInput not valid text in its encoding (bad bytes, a lone surrogate)
    * MalformedJSON    not JSON, or JSON beyond what is read (nesting, digits, NaN)
"""
from __future__ import annotations


class FactcheckError(Exception):
    """Base class of every error factcheck raises on purpose."""


class DataError(FactcheckError):
    """A data file (claims, rules, lexicon) is missing or broken."""

    def __init__(self, path, message: str, pointer: str = ""):
        self.path = str(path)
        self.pointer = pointer
        self.message = message
        where = f"{self.path}{' at ' + pointer if pointer else ''}"
        super().__init__(f"{where}: {message}")


class SchemaError(DataError):
    """A data file does not validate against its JSON Schema."""


class ReferenceDataError(DataError):
    """A data file validates but contradicts the rest of the data."""


class InputError(FactcheckError):
    """Submitted text cannot be checked (not UTF-8, binary, too large)."""


class InputTooLarge(InputError):
    """Submitted input is over a size limit."""


class UnsupportedEncoding(InputError):
    """Submitted input declares a charset that is not one of the text encodings read."""


class UndecodableInput(InputError):
    """Submitted bytes are not valid text in their encoding, or the text holds a lone surrogate."""


class MalformedJSON(InputError):
    """A submitted document is not JSON, or is JSON nested or sized beyond what is read."""


def did_you_mean(word: str, choices) -> str:
    """ " (did you mean 'fail-on'?)" when one of `choices` is close to `word`, else ""."""
    import difflib
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f" (did you mean {close[0]!r}?)" if close else ""
