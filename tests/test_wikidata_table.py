"""Acceptance on the real Wikidata films table: exact counts through the store equal the CSV's.

Expectations are computed here from ``credits_long.csv`` (one row per film, role and name: the
table's own long form) with the csv module, under the product's identity policy: one person per
case-folded name (:func:`kg.resolve.normalise_name`), one film per row ID.
"""

from __future__ import annotations

import csv
from collections import Counter, defaultdict
from pathlib import Path

import pytest
from rdflib import Literal

from kg.query import run_query
from kg.resolve import normalise_name
from kg.stats import graph_stats
from kg.store import Store

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def credits(shared_data: Path) -> dict[str, set[tuple[str, str]]]:
    by_role: dict[str, set[tuple[str, str]]] = defaultdict(set)
    with (shared_data / "structured" / "wikidata_films" / "credits_long.csv").open(
        encoding="utf-8"
    ) as f:
        for row in csv.DictReader(f):
            by_role[row["role"]].add((row["ID"], normalise_name(row["name"])))
    return by_role


def _count(store: Store, pattern: str) -> int:
    value = run_query(store, f"SELECT (COUNT(*) AS ?n) WHERE {{ {pattern} }}").rows()[0][0]
    return int(value)  # type: ignore[arg-type]


def test_film_count(wikidata_store: Store, shared_data: Path) -> None:
    with (shared_data / "structured" / "wikidata_films" / "omdb.csv").open(encoding="utf-8") as f:
        ids = {row["ID"] for row in csv.DictReader(f)}
    assert len(ids) == 17_472
    assert graph_stats(wikidata_store)["films"] == 17_472


def test_distinct_directors(
    wikidata_store: Store, credits: dict[str, set[tuple[str, str]]]
) -> None:
    expected = len({name for _, name in credits["director"]})
    assert _count(wikidata_store, "SELECT DISTINCT ?d WHERE { ?f kg:director ?d }") == expected


@pytest.mark.parametrize(
    ("role", "prop", "credit_role"),
    [
        ("cast_member", "kg:castMember", "kg:CastMemberRole"),
        ("director", "kg:director", "kg:DirectorRole"),
        ("screenwriter", "kg:screenwriter", "kg:ScreenwriterRole"),
    ],
)
def test_credit_counts(
    wikidata_store: Store,
    credits: dict[str, set[tuple[str, str]]],
    role: str,
    prop: str,
    credit_role: str,
) -> None:
    expected = len(credits[role])
    assert _count(wikidata_store, f"?f {prop} ?p") == expected
    assert _count(wikidata_store, f"?c a kg:Credit ; kg:role {credit_role}") == expected


def test_production_company_links(
    wikidata_store: Store, credits: dict[str, set[tuple[str, str]]]
) -> None:
    assert _count(wikidata_store, "?f kg:productionCompany ?c") == len(
        credits["production_company"]
    )


def test_country_links(wikidata_store: Store, credits: dict[str, set[tuple[str, str]]]) -> None:
    assert _count(wikidata_store, "?f kg:countryOfOrigin ?c") == len(credits["country"])


def test_films_directed_by_a_person(wikidata_store: Store, shared_data: Path) -> None:
    films_by: dict[str, set[str]] = defaultdict(set)
    with (shared_data / "structured" / "wikidata_films" / "omdb.csv").open(encoding="utf-8") as f:
        for row in csv.DictReader(f):
            for name in row["Director"].split(", "):
                films_by[name].add(row["imdbID"])
    busiest = Counter({name: len(films) for name, films in films_by.items() if name}).most_common(3)
    for name, _ in busiest:
        rows = run_query(
            wikidata_store,
            "SELECT ?imdb WHERE { ?d rdfs:label ?name . ?f kg:director ?d ; kg:imdbId ?imdb }",
            bindings={"name": Literal(name)},
        ).rows()
        assert {str(r[0]) for r in rows} == films_by[name], name
