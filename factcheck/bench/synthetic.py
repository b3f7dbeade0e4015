"""A deterministic synthetic store of reference articles: invented events with invented and real
people, real places, numbers and dates, and near-misses of real references' facts.

The same seed always gives the same articles, so a benchmark's store is the same on every run
and on every machine. Near-misses reuse the people and places of the references the checked
texts are about, with other numbers, dates and places: the store a newsroom accumulates is full
of other stories about the same people, and a check must not confuse them with the reference's.
"""
from __future__ import annotations

import random
from dataclasses import dataclass

FIRST = ("Amara Lena Tomas Ines Kofi Mirela Haruto Sofia Diego Anika Pavel Leila Jonas Farah Mateo Yara Emil Noor "
         "Caspar Zainab Oskar Maren Tariq Elin Rafael Ilse Bruno Ayla Viktor Sanne Hugo Dalia Marek Ottilie Kenji Rosa").split()
LAST = ("Okafor Lindqvist Moreau Takahashi Brennan Halvorsen Castellano Nakamura Obuya Petrakis Vance Almeida Koval "
        "Drummond Sayegh Ferreira Lindgren Mbeki Novak Quintero Ashworth Haddad Ivanova Kessler Marchetti Osei "
        "Rasmussen Sorensen Tanaka Varga Whitfield Yilmaz Zielinski Abernathy Bergstrom Calloway").split()
OFFICES = ("Foreign Minister", "Finance Minister", "Mayor", "Governor", "Defence Minister", "Health Minister",
           "chief executive", "Interior Minister", "Trade Minister", "Senator", "police chief", "Prime Minister")
CITIES = ("Lisbon Oslo Nairobi Osaka Lyon Porto Gdansk Tbilisi Accra Valencia Bergen Kraków Seville Dakar "
          "Antwerp Cebu Tampere Izmir Malmo Bilbao Leipzig Mombasa Cordoba Hamburg Lagos Riga Turin Zagreb").split()
ORGS = ("the port authority", "the regional council", "the health ministry", "the union", "the electoral commission",
        "the central bank", "the transport agency", "the fire service")
THINGS = ("ferries", "hospitals", "schools", "flights", "trucks", "homes", "workers", "beds", "buses")
MONTHS = ("January February March April May June July August September October November December").split()
WEEKDAYS = ("Monday Tuesday Wednesday Thursday Friday Saturday Sunday").split()


@dataclass(frozen=True)
class Pool:
    """Real people (full names) and places the near-misses draw on."""

    people: tuple[str, ...] = ()
    places: tuple[str, ...] = ()


def articles(count: int, seed: int = 20261201, pool: Pool = Pool(), near_miss_share: float = 0.3):
    """`count` (id, text) pairs. A share of them are near-misses built on `pool`."""
    rng = random.Random(seed)
    for n in range(count):
        near = bool(pool.people) and rng.random() < near_miss_share
        yield f"syn-{n:06d}", _article(rng, pool if near else Pool())


def _person(rng: random.Random, pool: Pool) -> str:
    if pool.people and rng.random() < 0.6:
        return rng.choice(pool.people)
    return f"{rng.choice(FIRST)} {rng.choice(LAST)}"


def _people(rng: random.Random, pool: Pool) -> list[str]:
    """Three people with three surnames: one story does not have two Sayeghs."""
    out: list[str] = []
    while len(out) < 3:
        p = _person(rng, pool)
        if p.split()[-1] not in {q.split()[-1] for q in out}:
            out.append(p)
    return out


def _place(rng: random.Random, pool: Pool) -> str:
    if pool.places and rng.random() < 0.5:
        return rng.choice(pool.places)
    return rng.choice(CITIES)


def _article(rng: random.Random, pool: Pool) -> str:
    a, b, c = _people(rng, pool)
    sa, sb, sc = (p.split()[-1] for p in (a, b, c))
    office_a, office_b = rng.sample(OFFICES, 2)
    city, other = _place(rng, pool), _place(rng, pool)
    year = rng.randint(2019, 2026)
    month = rng.choice(MONTHS)
    day = rng.randint(1, 28)
    weekday = rng.choice(WEEKDAYS)
    org = rng.choice(ORGS)
    things = rng.choice(THINGS)
    n1, n2, n3 = rng.randint(3, 90), rng.randint(100, 4000), rng.randint(2, 40)
    money = rng.choice((f"${rng.randint(2, 95)} million", f"{rng.randint(2, 40)} million euros", f"${rng.randint(1, 9)}.{rng.randint(1, 9)} billion"))
    minutes = rng.choice((45, 50, 75, 90, 120, 150))
    pct = rng.randint(2, 60)
    sentences = [
        f"{city.upper()}, {month} {day} — {office_a} {a} met {office_b} {b} in {city} on {weekday}, "
        f"their first meeting since {year - rng.randint(1, 4)}.",
        f"The talks lasted {minutes} minutes and ended without a joint statement, {org} said.",
        f"{sa} told reporters that {n1} {things} had been damaged and that repairs would cost {money}.",
        f"\"We will not accept a delay,\" {sb} said after the meeting.",
        f"{sb} later travelled to {other}, where {rng.choice(('he', 'she'))} visited {n3} {things}.",
        f"According to {org}, {n2} people were affected, about {pct} percent more than in {year - 1}.",
        f"{c}, the {rng.choice(OFFICES).lower()}, said the plan was likely to be approved next month.",
        f"{sa} did not say whether a second meeting would take place in {other}.",
        f"The agreement, signed on {month} {day}, {year}, sets aside {money} for new {things}.",
        f"{sc} rejected the proposal and called it {rng.choice(('premature', 'unworkable', 'a mistake'))}.",
        f"It was the {rng.choice(('second', 'third', 'fourth'))} time {sa} had visited {city} this year.",
        f"Officials said {rng.randint(2, 12)} {rng.choice(('police officers', 'firefighters', 'inspectors'))} "
        f"were sent to {city} on {rng.choice(WEEKDAYS)}.",
    ]
    rng.shuffle(sentences[1:])
    return "\n\n".join(" ".join(sentences[i:i + 3]) for i in range(0, len(sentences), 3)) + "\n"
