"""Places with containment (city in region in country in continent), from rules/gazetteer/places.tsv.

The table is derived from GeoNames and ISO 3166 by factcheck.frames.build_gazetteer; a name
can stand for several places (three Glendales), and `resolve` prefers the one inside a
place already named nearby, then the most populous. Rows are kept as tuples and made into
Place objects only when asked for, so that loading 34,000 rows stays cheap. GeoNames has no
districts inside cities (Chatuchak is a district of Bangkok, a "city" of its own there), so
a city within NEAR_KM of one five times its size counts as part of it for comparison.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path

from ..errors import DataError

KIND_RANK = {"continent": 0, "country": 1, "region": 2, "city": 3}
NEAR_KM = 30
OVERRIDE = 50          # times more people: a place so much bigger is meant even against the context
OVERRIDE_CONTINENT = 5


@dataclass(frozen=True, slots=True)
class Place:
    id: str
    kind: str            # continent | country | region | city
    name: str
    parents: tuple[str, ...]
    population: int


class Places:
    def __init__(self, rows: dict[str, tuple[str, str, str, str, str]], names: dict[str, list[str]], demonyms: dict[str, str]):
        self._rows = rows             # id -> (kind, name, parents, population, "lat,lon")
        self.names = names            # folded name -> place ids
        self.demonyms = demonyms      # "ukrainian" -> "ua"
        self._up: dict[str, frozenset[str]] = {}

    def __len__(self) -> int:
        return len(self._rows)

    def get(self, pid: str) -> Place | None:
        row = self._rows.get(pid)
        if row is None:
            return None
        kind, name, parents, population, _ = row
        return Place(pid, kind, name, tuple(p for p in parents.split(",") if p), int(population or 0))

    def kind(self, pid: str) -> str:
        return self._rows[pid][0]

    def lookup(self, name: str) -> list[str]:
        return self.names.get(name.lower(), [])

    def ancestors(self, pid: str) -> frozenset[str]:
        """The place and every place that contains it."""
        got = self._up.get(pid)
        if got is None:
            out, todo = {pid}, [pid]
            while todo:
                row = self._rows.get(todo.pop())
                for parent in row[2].split(",") if row and row[2] else ():
                    if parent not in out:
                        out.add(parent)
                        todo.append(parent)
            got = self._up[pid] = frozenset(out)
        return got

    def related(self, a: str, b: str) -> bool:
        """True when one place is the other or lies inside it (Munich and Germany), or when two
        cities are so close that one may be a district or suburb of the other."""
        return a in self.ancestors(b) or b in self.ancestors(a) or (self.distance_km(a, b) <= NEAR_KM and self._nested(a, b))

    def _nested(self, a: str, b: str) -> bool:
        """One city so much bigger than the other that the smaller may be a district of it (Chatuchak
        and Bangkok), not a neighbouring town of its own (Turís and Chiva)."""
        pa, pb = int(self._rows[a][3] or 0), int(self._rows[b][3] or 0)
        return min(pa, pb) > 0 and max(pa, pb) >= 5 * min(pa, pb)

    def distance_km(self, a: str, b: str) -> float:
        ra, rb = self._rows.get(a), self._rows.get(b)
        if not ra or not rb or not ra[4] or not rb[4]:
            return math.inf
        (la, oa), (lb, ob) = (map(float, ra[4].split(",")), map(float, rb[4].split(",")))
        la, oa, lb, ob = map(math.radians, (la, oa, lb, ob))
        h = math.sin((lb - la) / 2) ** 2 + math.cos(la) * math.cos(lb) * math.sin((ob - oa) / 2) ** 2
        return 2 * 6371 * math.asin(math.sqrt(h))

    def country(self, pid: str) -> str | None:
        return next((p for p in self.ancestors(pid) if p in self._rows and self._rows[p][0] == "country"), None)

    def resolve(self, ids: list[str], nearby: set[str]) -> str:
        """The place a name means: one inside a country or region named nearby, else inside only its
        continent, else the likeliest; but a small town is not taken for a big city only because the
        text names its country (Moscow, Idaho for Moscow because the text names the US)."""
        if len(ids) == 1:
            return ids[0]
        inside_region = [pid for pid in ids if any(self._rows[p][0] in ("region", "city") for p in self.ancestors(pid) & nearby
                                                   if p in self._rows and p != pid)]
        if inside_region:                       # "Moscow, Idaho"
            return self._likeliest(inside_region)
        biggest = max(ids, key=lambda p: (self._rows[p][0] == "city", self._population(p)))
        for broad in (False, True):
            near = [pid for pid in ids if any(broad or self._rows[p][0] != "continent"
                                              for p in self.ancestors(pid) & nearby if p in self._rows)]
            if near:
                pick = self._likeliest(near)
                ratio = OVERRIDE_CONTINENT if broad else OVERRIDE     # a shared continent is weak evidence
                return biggest if self._population(biggest) >= ratio * max(self._population(pick), 1) else pick
        return self._likeliest(ids)

    def _population(self, pid: str) -> int:
        return int(self._rows[pid][3] or 0)

    def _likeliest(self, ids: list[str]) -> str:
        # a country or region before a city of the same name; among cities the most populous
        best = max(ids, key=lambda p: (-KIND_RANK[self._rows[p][0]] if self._rows[p][0] != "city" else -4, self._population(p)))
        # but a city inside the region of its name is the city (Osaka, Madrid), still within the region;
        # only inside the region meant, not inside a smaller namesake (Florida, Uruguay is no reason to
        # read "Cape Canaveral, Florida" as the Uruguayan town)
        if self._rows[best][0] == "region":
            inside = [pid for pid in ids if self._rows[pid][0] == "city" and best in self.ancestors(pid)]
            if inside:
                return max(inside, key=self._population)
        return best


def load_places(path: Path) -> Places:
    rows: dict[str, tuple[str, str, str, str, str]] = {}
    names: dict[str, list[str]] = {}
    demonyms: dict[str, str] = {}
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise DataError(path, f"cannot read the gazetteer: {exc}") from None
    for number, line in enumerate(lines, 1):
        if not line or line[0] == "#":
            continue
        cols = line.split("\t")
        if len(cols) != 7:
            raise DataError(path, f"line {number}: expected 7 tab-separated columns, found {len(cols)}")
        kind, pid, name, parents, population, aliases, latlon = cols
        if kind == "demonym":
            demonyms.setdefault(name.lower(), pid)
            continue
        if kind not in KIND_RANK:
            raise DataError(path, f"line {number}: unknown kind {kind!r}")
        rows[pid] = (kind, name, parents, population, latlon)
        for n in (name, *aliases.split("|")) if aliases else (name,):
            key = n.lower()
            if key.startswith("the "):
                key = key[4:]
            bucket = names.get(key)
            if bucket is None:
                names[key] = [pid]
            elif pid not in bucket:
                bucket.append(pid)
    return Places(rows, names, demonyms)
