"""Flags a whole-for-part (or part-for-whole) change: "the whole of the Kursk region" where the
reference speaks of areas in it."""
from __future__ import annotations

from .base import AGREE, CONFLICT, NoParams, Outcome, View

SLOT = "scope"


class Params(NoParams):
    window: int = 4


def compare(view: View, params: Params) -> Outcome | None:
    want = view.claim.slots.scope
    targets = _target_positions(view)
    tokens = view.sa.tokens
    for t in targets:
        for start in range(max(view.unit.first, t - params.window), t):
            for key, pole in view.lex.scope_words.items():
                end = start + len(key)
                if end <= t and tuple(tok.norm for tok in tokens[start:end]) == key:
                    status = AGREE if pole == want else CONFLICT
                    words = {"part": "part of it", "whole": "all of it"}
                    return Outcome(status, words[want], view.text(start, t))
    return None


def _target_positions(view: View) -> list[int]:
    out = []
    for feature in view.claim.slots.scope_of:
        kind, value = feature.split(":", 1)
        for m in view.sa.mentions_in(view.unit):
            if (kind == "place" and m.type == "place" and view.lex.contains(value, m.id)) or (kind == "concept" and m.type == "concept" and m.id == value):
                out.append(m.first)
    return out
