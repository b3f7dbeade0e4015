"""Places with containment (city in region in country in continent), from rules/gazetteer/places.tsv.

The table is derived from GeoNames and ISO 3166 by factcheck.frames.build_gazetteer; a name
can stand for several places (three Glendales), and `resolve` prefers the one inside a
place already named nearby, then the most populous.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..errors import DataError

KIND_RANK = {"continent": 0, "country": 1, "region": 2, "city": 3}


@dataclass(frozen=True, slots=True)
class Place:
    id: str
    kind: str            # continent | country | region | city
    name: str
    parents: tuple[str, ...]
    population: int


class Places:
    def __init__(self, places: dict[str, Place], names: dict[str, list[str]], demonyms: dict[str, str]):
        self.places = places
        self.names = names            # folded name -> place ids
        self.demonyms = demonyms      # "ukrainian" -> "ua"
        self._up: dict[str, frozenset[str]] = {}
        self.longest = max((len(n.split()) for n in names), default=1)

    def lookup(self, name: str) -> list[str]:
        return self.names.get(name.lower(), [])

    def ancestors(self, pid: str) -> frozenset[str]:
        """The place and every place that contains it."""
        got = self._up.get(pid)
        if got is None:
            out, todo = {pid}, [pid]
            while todo:
                place = self.places.get(todo.pop())
                for parent in place.parents if place else ():
                    if parent not in out:
                        out.add(parent)
                        todo.append(parent)
            got = self._up[pid] = frozenset(out)
        return got

    def related(self, a: str, b: str) -> bool:
        """True when one place is the other or lies inside it (Munich and Germany)."""
        return a in self.ancestors(b) or b in self.ancestors(a)

    def country(self, pid: str) -> str | None:
        return next((p for p in self.ancestors(pid) if self.places.get(p) and self.places[p].kind == "country"), None)

    def resolve(self, ids: list[str], nearby: set[str]) -> str:
        for pid in ids:
            if self.ancestors(pid) & nearby:
                return pid
        return max(ids, key=lambda p: (-KIND_RANK[self.places[p].kind] if self.places[p].kind != "city" else -4,
                                       self.places[p].population))


def load_places(path: Path) -> Places:
    places: dict[str, Place] = {}
    names: dict[str, list[str]] = {}
    demonyms: dict[str, str] = {}
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise DataError(path, f"cannot read the gazetteer: {exc}") from None
    for number, line in enumerate(lines, 1):
        if not line or line.startswith("#"):
            continue
        cols = line.split("\t")
        if len(cols) != 6:
            raise DataError(path, f"line {number}: expected 6 tab-separated columns, found {len(cols)}")
        kind, pid, name, parents, population, aliases = cols
        if kind == "demonym":
            demonyms.setdefault(name.lower(), pid)
            continue
        if kind not in KIND_RANK:
            raise DataError(path, f"line {number}: unknown kind {kind!r}")
        places[pid] = Place(pid, kind, name, tuple(p for p in parents.split(",") if p), int(population or 0))
        for n in [name, *(a for a in aliases.split("|") if a)]:
            key = n.lower().removeprefix("the ")
            bucket = names.setdefault(key, [])
            if pid not in bucket:
                bucket.append(pid)
    return Places(places, names, demonyms)
