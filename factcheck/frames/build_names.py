"""Build rules/lexicon/given_names.json: the given names that are also English words, from the
first-name lists Faker ships for its 80-odd locales (MIT licence).

Run `pip install -e '.[data]' && python -m factcheck.frames.build_names` to refresh it.

Why only those: a run of capitalised words whose first word is an English word ("Cape
Canaveral", "Hurricane Helene", "Grand Slam") names a place, a thing or an event, not a
person; but "Grant Shapps", "Mark Cavendish" and "Penny Mordaunt" begin with English words
too. The analysis asks this list which English words are also given names; a first word it
does not know as an English word ("Volodymyr", "Xóchitl") reads as a name whatever the list.
"""
from __future__ import annotations

import argparse
import importlib
import json
import pkgutil
import sys
from pathlib import Path

from lemminflect import getAllLemmas

OUT = Path(__file__).resolve().parents[2] / "rules" / "lexicon" / "given_names.json"
LISTS = ("first_names", "first_names_male", "first_names_female", "first_names_nonbinary")


def given_names(lists=LISTS) -> tuple[set[str], str]:
    import faker
    import faker.providers.person as person
    names: set[str] = set()
    for module in pkgutil.iter_modules(person.__path__):
        provider = getattr(importlib.import_module(f"{person.__name__}.{module.name}"), "Provider", None)
        for attr in lists:
            value = provider.__dict__.get(attr) if provider is not None else None
            if isinstance(value, (list, tuple, dict)):
                names.update(n.lower() for n in value if isinstance(n, str) and n.isalpha() and n[:1].isupper())
    return names, f"Faker {faker.VERSION}"


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("-o", "--output", type=Path, default=OUT)
    args = ap.parse_args(argv)
    names, source = given_names()
    english = sorted(n for n in names if getAllLemmas(n))
    surnames, _ = given_names(("last_names",))
    noun_surnames = sorted(n for n in surnames if "NOUN" in getAllLemmas(n))
    # a name that one locale gives women and another men ("Andrea") tells nothing of who "she" is
    female, _ = given_names(("first_names_female",))
    male, _ = given_names(("first_names_male",))
    document = {
        "description": "Given names that are also English words ('grant', 'mark', 'penny'): a capitalised run that begins "
                       "with one of them can be a person's name; one that begins with another English word ('Cape "
                       "Canaveral') is not. Built by factcheck.frames.build_names.",
        "source": f"{source} first-name lists of every locale ({len(names)} names), kept where lemminflect knows the word",
        "given_names": english,
        "any_given_names": sorted(names),
        "noun_surnames": noun_surnames,
        "female_given_names": sorted(female - male),
        "male_given_names": sorted(male - female),
    }
    args.output.write_text(json.dumps(document, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"{args.output}: {len(english)} of {len(names)} given names are English words; "
          f"{len(noun_surnames)} of {len(surnames)} family names are English nouns; "
          f"{len(female - male)} names only women's, {len(male - female)} only men's", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
