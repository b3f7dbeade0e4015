"""Find lexicon phrases in a token list: longest match first, with prefix and caps entries.

A phrase is written as words separated by spaces. A word ending in "*" matches any
token that starts with it ("negotiat*" matches "negotiations"); a word written in
capitals ("US") matches only a token written in capitals, so "US" is not "us".
"""
from __future__ import annotations

from dataclasses import dataclass, field

from .tokens import Token, tokenize

_MIN_PREFIX = 3


@dataclass(frozen=True, slots=True)
class Entry:
    """What a phrase stands for: a layer ("entity", "concept", "cue"), a type and an id."""

    layer: str
    type: str
    id: str
    phrase: str


@dataclass(frozen=True, slots=True)
class Match:
    entry: Entry
    first: int  # index of the first token
    last: int   # index of the last token (inclusive)

    @property
    def length(self) -> int:
        return self.last - self.first + 1


@dataclass
class _Node:
    exact: dict = field(default_factory=dict)
    caps: dict = field(default_factory=dict)
    prefix: dict = field(default_factory=dict)
    entries: list = field(default_factory=list)


class Gazetteer:
    """A token trie over every phrase of the lexicon."""

    def __init__(self) -> None:
        self._root = _Node()
        self._max_prefix = _MIN_PREFIX

    def add(self, phrase: str, entry: Entry) -> None:
        node = self._root
        for table, key in self._steps(phrase):
            node = getattr(node, table).setdefault(key, _Node())
        if entry not in node.entries:
            node.entries.append(entry)

    def _steps(self, phrase: str) -> list[tuple[str, str]]:
        """The trie edges of a phrase: ("exact"|"caps"|"prefix", key) per token."""
        steps = []
        for word in phrase.split():
            if word.endswith("*") and len(word) > _MIN_PREFIX:
                key = word[:-1].lower()
                self._max_prefix = max(self._max_prefix, len(key))
                steps.append(("prefix", key))
                continue
            for tok in tokenize(word):  # "rare-earth" gives two tokens, "U.S." one
                short_acronym = tok.caps and tok.text.isalpha() and len(tok.text) <= 5
                steps.append(("caps" if short_acronym else "exact", tok.norm))
        return steps

    def _children(self, node: _Node, tok: Token):
        child = node.exact.get(tok.norm)
        if child is not None:
            yield child
        if tok.caps:
            child = node.caps.get(tok.norm)
            if child is not None:
                yield child
        if node.prefix and tok.is_word:
            for k in range(min(len(tok.norm), self._max_prefix), _MIN_PREFIX - 1, -1):
                child = node.prefix.get(tok.norm[:k])
                if child is not None:
                    yield child

    def find(self, tokens: list[Token]) -> list[Match]:
        """Every phrase occurrence (overlapping ones included), in token order."""
        found: list[Match] = []
        for i in range(len(tokens)):
            frontier = [self._root]
            j = i
            while frontier and j < len(tokens):
                nxt = []
                for node in frontier:
                    for child in self._children(node, tokens[j]):
                        for entry in child.entries:
                            found.append(Match(entry, i, j))
                        if child.exact or child.caps or child.prefix:
                            nxt.append(child)
                frontier = nxt
                j += 1
        return found


def longest_per_layer(matches: list[Match], per_id_layers: frozenset[str] = frozenset({"concept"})) -> list[Match]:
    """Keep the longest non-overlapping matches of each layer.

    In `per_id_layers` the competition is per id instead, so that one phrase can
    express two concepts ("talks with" is both a meeting and negotiations).
    Matches of the same span and length are all kept.
    """
    groups: dict[tuple[str, str], list[Match]] = {}
    for m in matches:
        key = (m.entry.layer, m.entry.id if m.entry.layer in per_id_layers else "")
        groups.setdefault(key, []).append(m)
    kept: list[Match] = []
    for group in groups.values():
        group.sort(key=lambda m: (-m.length, m.first))
        taken: set[int] = set()
        spans: set[tuple[int, int]] = set()
        for m in group:
            if (m.first, m.last) in spans or not any(i in taken for i in range(m.first, m.last + 1)):
                kept.append(m)
                spans.add((m.first, m.last))
                taken.update(range(m.first, m.last + 1))
    kept.sort(key=lambda m: (m.first, -m.length))
    return kept
