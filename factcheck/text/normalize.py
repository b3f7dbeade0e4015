"""Fold text for matching without changing its length, so every offset stays valid."""
from __future__ import annotations

_FOLD = str.maketrans({
    "\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u201c": '"', "\u201d": '"', "\u201e": '"',
    "\u2013": "-", "\u2014": "-", "\u2010": "-", "\u2011": "-", "\u2212": "-",
    "\u00a0": " ", "\u2009": " ", "\u202f": " ",
})


def fold(text: str) -> str:
    """Lowercase and unify quotes, dashes and spaces; len(fold(t)) == len(t) always."""
    out = text.translate(_FOLD)
    low = out.lower()
    if len(low) == len(out):
        return low
    # A few characters (e.g. 'İ') lowercase to two code points: keep those as they are.
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in out)
