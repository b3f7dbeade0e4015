"""Who a sentence talks about: names, titles next to names, offices that stand for their
holder ("the Pentagon chief"), pronouns and group references resolved from context,
organisations that speak for someone ("the Kremlin said"), and who is quoted."""
from __future__ import annotations

from dataclasses import dataclass

from .lexicon import Lexicon
from .text.tokens import Token

# Words allowed between a name and its appositive title: "Steve Witkoff, Trump's Middle East envoy".
_APPOSITION_FILLERS = frozenset({"the", "a", "an", "his", "her", "'s", "also", "then"})
_SPEAKER_GAP = frozenset({"has", "have", "had", "also", "later", "then", "previously", "earlier", ",", "again", "was"})


@dataclass
class Mention:
    type: str
    id: str
    first: int
    last: int


@dataclass
class PersonRef:
    person: str
    first: int
    last: int
    how: str                         # name | office | pronoun | group | proxy | event | inherited
    title: str | None = None         # office written next to the name
    title_span: tuple[int, int] | None = None
    speaker: bool = False

    @property
    def explicit(self) -> bool:
        """Written in this sentence as a name, a title or a description."""
        return self.how in ("name", "office")

    @property
    def end(self) -> int:
        """Last token of the name together with an appositive title after it."""
        return max(self.last, self.title_span[1]) if self.title_span else self.last


def _is_filler(tok: Token) -> bool:
    return tok.norm in _APPOSITION_FILLERS or tok.capitalized


def _title_for(ref: PersonRef, offices: list[Mention], tokens: list[Token]) -> Mention | None:
    for off in offices:
        if off.last + 1 == ref.first:                               # Defense Secretary Pete Hegseth
            return off
        closed = ref.last + 1 >= len(tokens) or tokens[ref.last + 1].norm in (",", ".", ";", ")")
        if off.last + 2 == ref.first and tokens[off.last + 1].norm == "," and closed:   # the Pentagon chief, Pete Hegseth, said
            return off
        gap = range(ref.last + 2, off.first)
        if (ref.last + 1 < len(tokens) and tokens[ref.last + 1].norm == ","
                and ref.last + 2 <= off.first <= ref.last + 5
                and all(_is_filler(tokens[i]) for i in gap)):       # Marco Rubio, the secretary of state
            return off
    return None


def find_people(tokens: list[Token], mentions: list[Mention], lex: Lexicon, context) -> list[PersonRef]:
    """Every person reference of a sentence, in token order."""
    refs = [PersonRef(m.id, m.first, m.last, "name") for m in mentions if m.type == "person"]
    offices = [m for m in mentions if m.type == "office"]
    used: set[int] = set()
    for ref in refs:
        off = _title_for(ref, [o for o in offices if id(o) not in used], tokens)
        if off is not None:
            ref.title, ref.title_span = off.id, (off.first, off.last)
            used.add(id(off))
    for off in offices:
        if id(off) in used or lex.offices[off.id].generic:
            continue
        holders = lex.office_holders.get(off.id, [])
        if len(holders) == 1:                                       # "the Pentagon chief" means Hegseth
            refs.append(PersonRef(holders[0], off.first, off.last, "office"))
    for m in mentions:
        if m.type == "org":
            org = lex.organisations[m.id]
            if org.speaks_for:
                refs.append(PersonRef(org.speaks_for, m.first, m.last, "proxy"))
    refs.sort(key=lambda r: r.first)
    resolved: list[PersonRef] = []
    for m in mentions:
        if m.type == "pronoun":
            before = [r for r in refs if r.last < m.first and r.how in ("name", "office")]
            person = before[-1].person if before else context.last_subject
            if person:
                resolved.append(PersonRef(person, m.first, m.last, "pronoun"))
        elif m.type == "group" and context.last_pair:
            resolved += [PersonRef(p, m.first, m.last, "group") for p in context.last_pair]
    refs = sorted(refs + resolved, key=lambda r: (r.first, r.how != "name"))
    _mark_speakers(refs, tokens, mentions)
    return refs


def _mark_speakers(refs: list[PersonRef], tokens: list[Token], mentions: list[Mention]) -> None:
    says = [m for m in mentions if m.type == "say"]
    for ref in refs:
        end = ref.end
        for say in says:
            between = tokens[end + 1:say.first]
            if say.first > end and len(between) <= 2 and all(t.norm in _SPEAKER_GAP for t in between):
                ref.speaker = True                                   # Trump said / Hegseth has also said
            elif say.last + 1 == ref.first and (say.first == 0 or tokens[say.first - 1].norm == ","):
                ref.speaker = True                                   # ..., said Hegseth
            elif tokens[say.first].norm == "according" and 0 < ref.first - say.last <= 2:
                ref.speaker = True                                   # according to the Kremlin
