"""Split a sentence into word, number and punctuation tokens with character offsets."""
from __future__ import annotations

import re

from .normalize import fold

# Possessive "'s" is its own token so that "Russia's" still names Russia; hyphens are
# dropped, so "rare-earth" and "rare earth" tokenize alike.
_TOKEN = re.compile(
    r"(?:[A-Za-z]\.){2,}+(?![A-Za-z])"       # U.S., D.C., a.m.
    r"|\d++(?:[.,]\d++)*+"                    # 90, 1.5, 300,000
    r"|[^\W\d_]++(?:'(?!s\b)[^\W\d_]++)*+"    # words, didn't, o'clock
    r"|'s\b"
    r"|[,;:!?.()\"$%\u20ac\u00a3\u00a5]"        # and the currency signs $ \u20ac \u00a3 \u00a5
)
_CONTRACTED_NOT = "n't"


class Token:
    """One token: `norm` is the folded form used for matching. The kind flags are computed once,
    when the token is made: every later stage asks them many times. (A plain slotted class: the
    analysis makes a few hundred per sentence, and a frozen dataclass costs twice as much to build.)"""

    __slots__ = ("text", "norm", "start", "end", "is_word", "is_number", "caps", "capitalized")

    def __init__(self, text: str, norm: str, start: int, end: int):
        self.text, self.norm, self.start, self.end = text, norm, start, end
        first = norm[:1]
        self.is_word = first.isalpha()
        self.is_number = first.isdecimal()
        self.caps = len(text) > 1 and text.isupper()     # all capitals, such as "US" or "NATO"
        self.capitalized = text[:1].isupper()

    def __repr__(self) -> str:
        return f"Token({self.text!r}, {self.start}-{self.end})"


def tokenize(text: str, offset: int = 0) -> list[Token]:
    """Tokens of `text`; offsets are shifted by `offset` (the text's place in a document)."""
    folded = fold(text)
    tokens = []
    for m in _TOKEN.finditer(folded):
        s, e = m.span()
        tokens.append(Token(text[s:e], folded[s:e], s + offset, e + offset))
    return tokens


def is_contracted_negation(token: Token) -> bool:
    return token.norm.endswith(_CONTRACTED_NOT)
