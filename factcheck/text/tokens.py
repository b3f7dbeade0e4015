"""Split a sentence into word, number and punctuation tokens with character offsets."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .normalize import fold

# Possessive "'s" is its own token so that "Russia's" still names Russia; hyphens are
# dropped, so "rare-earth" and "rare earth" tokenize alike.
_TOKEN = re.compile(
    r"(?:[A-Za-z]\.){2,}+(?![A-Za-z])"       # U.S., D.C., a.m.
    r"|\d++(?:[.,]\d++)*+"                    # 90, 1.5, 300,000
    r"|[^\W\d_]++(?:'(?!s\b)[^\W\d_]++)*+"    # words, didn't, o'clock
    r"|'s\b"
    r"|[,;:!?.()\"$%]"
)
_CONTRACTED_NOT = "n't"


@dataclass(frozen=True, slots=True)
class Token:
    """One token: `norm` is the folded form used for matching. The kind flags are computed once,
    when the token is made: every later stage asks them many times."""

    text: str
    norm: str
    start: int
    end: int
    is_word: bool = field(init=False)
    is_number: bool = field(init=False)
    caps: bool = field(init=False)          # all capitals, such as "US" or "NATO"
    capitalized: bool = field(init=False)

    def __post_init__(self):
        first = self.norm[:1]
        object.__setattr__(self, "is_word", first.isalpha())
        object.__setattr__(self, "is_number", first.isdecimal())
        object.__setattr__(self, "caps", len(self.text) > 1 and self.text.isupper())
        object.__setattr__(self, "capitalized", self.text[:1].isupper())


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
