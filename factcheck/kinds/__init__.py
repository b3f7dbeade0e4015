"""The registry of rule kinds: one small module each, listed here explicitly.

A kind module has a docstring whose first line says what it flags, a SLOT naming the
claim slot it reads, a pydantic `Params` model for the rule file's params, and
`compare(view, params) -> Outcome | None` (None: the sentence says nothing about the slot).
"""
from __future__ import annotations

from types import ModuleType

from . import amount, assessment, count, date, date_unset, duration, modality, ordinal, place, polarity, role, scope, title

KINDS: dict[str, ModuleType] = {
    "duration": duration,
    "amount": amount,
    "count": count,
    "ordinal": ordinal,
    "scope": scope,
    "date": date,
    "date_unset": date_unset,
    "place": place,
    "role": role,
    "title": title,
    "polarity": polarity,
    "assessment": assessment,
    "modality": modality,
}
