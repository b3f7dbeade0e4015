"""Split a sentence into word, number and punctuation tokens with character offsets."""
from __future__ import annotations

import re
from dataclasses import dataclass

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
    """One token: `norm` is the folded form used for matching."""

    text: str
    norm: str
    start: int
    end: int

    @property
    def is_word(self) -> bool:
        return self.norm[:1].isalpha()

    @property
    def is_number(self) -> bool:
        return self.norm[:1].isdecimal()

    @property
    def caps(self) -> bool:
        """True for an all-capitals token such as "US" or "NATO"."""
        return len(self.text) > 1 and self.text.isupper()

    @property
    def capitalized(self) -> bool:
        return self.text[:1].isupper()


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
