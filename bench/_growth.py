"""Synthetic growth of the Wikidata films table that keeps the graph's shape.

More films, not renamed copies: each new film takes the shape of a real row drawn at random (how
many directors, writers, cast members and companies; genre, language, country, runtime, year and
release date) and fills each credit with a person or company that is either new (with the
probability the real table shows for that role: distinct names / credits) or one already credited,
drawn in proportion to how many films they already have (preferential attachment, a Yule-Simon
process, which keeps the heavy-tailed degree distribution of the real table). Real people are in
the pool from the start, so growth tables share people with the real table and with each other,
as a second source of film data would. New people get new names made of a real given name and a
real surname never used together before; new films, in the same way, a title made of the first
words of one real title and the last words of another, never used before (not a real title with a
number: those fuzzy-match one another within a year, and the loader rightly takes each for a
near-duplicate of the earlier ones, which real data, where a new film seldom shares a title and a
year with another, does not ask of it).

Writes ``OUT/part-NNNN/omdb.csv`` and ``tomatoes.csv`` in the real table's columns, so each part
loads with ``kg load OUT/part-NNNN/omdb.csv --mapping wikidata_films``.

    .venv/bin/python bench/_growth.py OUT --tables 4 [--films 17472] [--seed 7]
"""

from __future__ import annotations

import argparse
import csv
import random
from array import array
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from _common import WIKIDATA

SUFFIXES = frozenset(
    ["Jr.", "Jr", "Sr.", "Sr", "II", "III", "IV", "Inc.", "Inc", "Ltd.", "Ltd", "LLC", "Co."]
)
"""Name parts the wikidata_films mapping glues back to the name before them."""

ROLES = ("Director", "Writer", "Cast", "Production")
COLUMNS = ["ID", "imdbID", "Title", "Year", "Runtime", "Genre", "Released", "Director", "Writer",
           "Cast", "Language", "Country"]  # fmt: skip


def split_names(cell: str) -> list[str]:
    """A multi-valued cell's names, split as the mapping splits them (suffixes glued back).

    >>> split_names("Ed Begley, Jr., Tokyopop, Inc., Ann Lee")
    ['Ed Begley, Jr.', 'Tokyopop, Inc.', 'Ann Lee']
    """
    out: list[str] = []
    for part in (p.strip() for p in cell.split(", ")):
        if part in SUFFIXES and out:
            out[-1] += ", " + part
        elif part:
            out.append(part)
    return out


@dataclass
class _Urn:
    """Names of one role, and one entry per credit: a draw is in proportion to the degree."""

    names: list[str] = field(default_factory=list)
    index: dict[str, int] = field(default_factory=dict)
    credits: array = field(default_factory=lambda: array("I"))  # type: ignore[type-arg]

    def credit(self, name: str) -> None:
        i = self.index.get(name)
        if i is None:
            i = self.index[name] = len(self.names)
            self.names.append(name)
        self.credits.append(i)

    def draw(self, rng: random.Random) -> str:
        return self.names[self.credits[rng.randrange(len(self.credits))]]


@dataclass
class Growth:
    """The state of the growth process: the real rows, one urn per role, names in use."""

    rows: list[dict[str, str]]
    urns: dict[str, _Urn]
    p_new: dict[str, float]
    given: list[str]
    surnames: list[str]
    used: set[str]
    rng: random.Random
    next_id: int
    titles: list[list[str]] = field(default_factory=list)

    @classmethod
    def from_table(cls, seed: int = 7, table: Path = WIKIDATA) -> Growth:
        """The process seeded with the real table (``omdb.csv`` joined with ``tomatoes.csv``)."""
        with (table / "tomatoes.csv").open(encoding="utf-8") as f:
            production = {r["ID"]: r["Production"] for r in csv.DictReader(f)}
        with (table / "omdb.csv").open(encoding="utf-8") as f:
            rows = [{**r, "Production": production.get(r["ID"], "")} for r in csv.DictReader(f)]
        urns = {role: _Urn() for role in ROLES}
        given: set[str] = set()
        surnames: set[str] = set()
        for row in rows:
            for role in ROLES:
                for name in split_names(row[role]):
                    urns[role].credit(name)
                    words = name.split()
                    if role != "Production" and len(words) == 2 and words[0].isalpha():
                        given.add(words[0])
                        surnames.add(words[1])
        p_new = {r: len(u.names) / max(len(u.credits), 1) for r, u in urns.items()}
        used = {n for u in urns.values() for n in u.names} | {r["Title"] for r in rows}
        return cls(
            rows=rows,
            urns=urns,
            p_new=p_new,
            given=sorted(given),
            surnames=sorted(surnames),
            used=used,
            rng=random.Random(seed),
            next_id=max(int(r["ID"]) for r in rows) + 1,
            titles=[r["Title"].split() for r in rows if r["Title"].split()],
        )

    def _new_name(self, role: str) -> str:
        rng = self.rng
        while True:
            if role == "Production":
                name = f"{rng.choice(self.surnames)} {rng.choice(self.surnames)} Pictures"
            else:
                name = f"{rng.choice(self.given)} {rng.choice(self.surnames)}"
            if name not in self.used:
                self.used.add(name)
                return name

    def _new_title(self) -> str:
        """The first words of one real title and the last words of another, never used before
        (about as many words as the first: the lengths of titles keep their distribution)."""
        rng = self.rng
        while True:
            head, tail = rng.choice(self.titles), rng.choice(self.titles)
            if head is tail:
                continue
            cut = rng.randint(1, max(len(head) - 1, 1))
            rest = max(len(head) - cut, 1)
            title = " ".join(head[:cut] + tail[-rest:])
            if title not in self.used:
                self.used.add(title)
                return title

    def _fill(self, role: str, count: int) -> list[str]:
        urn, rng, out = self.urns[role], self.rng, []
        for _ in range(count):
            for _attempt in range(20):
                new = rng.random() < self.p_new[role]
                name = self._new_name(role) if new else urn.draw(rng)
                if name not in out:
                    break
            else:
                continue
            out.append(name)
        for name in out:
            urn.credit(name)
        return sorted(out) if role == "Cast" else out  # the real cast lists are alphabetical

    def film(self) -> tuple[dict[str, str], str]:
        """One new film: its ``omdb.csv`` row and its production companies."""
        shape = self.rng.choice(self.rows)
        row = {c: shape[c] for c in ("Year", "Runtime", "Genre", "Released", "Language", "Country")}
        film_id = self.next_id
        self.next_id += 1
        row |= {
            "ID": str(film_id),
            "imdbID": f"tt9{film_id:08d}",
            "Title": self._new_title(),
        }
        for role in ("Director", "Writer", "Cast"):
            row[role] = ", ".join(self._fill(role, len(split_names(shape[role]))))
        companies = ", ".join(self._fill("Production", len(split_names(shape["Production"]))))
        return row, companies

    def films(self, n: int) -> Iterator[tuple[dict[str, str], str]]:
        """``n`` new films (see :meth:`film`)."""
        for _ in range(n):
            yield self.film()

    def replay(self, omdb: Path) -> None:
        """Take in a table this process wrote before (``write_part``), so that the next films
        reuse its people too: a resumed benchmark grows the same way. (The random draws are
        not replayed: later tables differ from an uninterrupted run's, in the same shape.)"""
        with (omdb.parent / "tomatoes.csv").open(encoding="utf-8") as f:
            production = {r["ID"]: r["Production"] for r in csv.DictReader(f)}
        with omdb.open(encoding="utf-8") as f:
            for row in csv.DictReader(f):
                row["Production"] = production.get(row["ID"], "")
                for role in ROLES:
                    for name in split_names(row[role]):
                        self.urns[role].credit(name)
                        self.used.add(name)
                self.next_id = max(self.next_id, int(row["ID"]) + 1)
                self.used.add(row["Title"])


def write_part(growth: Growth, folder: Path, films: int) -> Path:
    """Write one table of ``films`` new films into ``folder``; returns its ``omdb.csv``."""
    folder.mkdir(parents=True, exist_ok=True)
    omdb = folder / "omdb.csv"
    with (
        omdb.open("w", encoding="utf-8", newline="") as main,
        (folder / "tomatoes.csv").open("w", encoding="utf-8", newline="") as join,
    ):
        rows = csv.DictWriter(main, COLUMNS)
        companies = csv.writer(join)
        rows.writeheader()
        companies.writerow(["ID", "Production"])
        for row, production in growth.films(films):
            rows.writerow(row)
            companies.writerow([row["ID"], production])
    return omdb


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("out", type=Path)
    parser.add_argument("--tables", type=int, default=1)
    parser.add_argument("--films", type=int, default=17_472, help="films per table")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    growth = Growth.from_table(args.seed)
    for i in range(1, args.tables + 1):
        path = write_part(growth, args.out / f"part-{i:04d}", args.films)
        print(path, flush=True)


if __name__ == "__main__":
    main()
