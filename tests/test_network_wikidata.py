"""The co-star graph of the Wikidata films table against what the CSV itself implies (slow)."""

from __future__ import annotations

import csv
from collections import defaultdict, deque
from collections.abc import Iterator
from itertools import combinations
from pathlib import Path

import networkx as nx
import pytest

import kg
from kg.network import build_graph, collaboration_path
from kg.resolve import normalise_name

pytestmark = pytest.mark.slow

# the wikidata_films mapping glues these back onto the name before them ("Ed Begley, Jr.")
SUFFIXES = {"Jr.", "Jr", "Sr.", "Sr", "II", "III", "IV", "Inc.", "Inc", "Ltd.", "Ltd", "LLC", "Co."}


def split_cast(cell: str) -> list[str]:
    names: list[str] = []
    for part in cell.split(", "):
        part = part.strip()
        if not part:
            continue
        if part in SUFFIXES and names:
            names[-1] += ", " + part
        else:
            names.append(part)
    return names


@pytest.fixture(scope="module")
def omdb(shared_data: Path) -> Path:
    path = shared_data / "structured" / "wikidata_films" / "omdb.csv"
    if not path.exists():
        pytest.skip(f"{path} not found")
    return path


@pytest.fixture(scope="module")
def csv_films(omdb: Path) -> list[tuple[str, str, list[str]]]:
    """(title, year, cast keys) per row; people keyed by the resolver's normalised name."""
    out = []
    with omdb.open(newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            keys = sorted({normalise_name(n) for n in split_cast(row["Cast"])})
            out.append((row["Title"], row["Year"], keys))
    return out


@pytest.fixture(scope="module")
def costar(omdb: Path) -> Iterator[nx.Graph]:
    with kg.Store.memory() as store:
        kg.load_paths(store, [omdb], mapping="wikidata_films", progress=False)
        yield build_graph(store, "co-star")


def test_costar_counts_match_the_csv(
    costar: nx.Graph, csv_films: list[tuple[str, str, list[str]]]
) -> None:
    people: set[str] = set()
    pairs: set[tuple[str, str]] = set()
    for _, _, keys in csv_films:
        people.update(keys)
        pairs.update(combinations(keys, 2))
    assert costar.number_of_nodes() == len(people)
    assert costar.number_of_edges() == len(pairs)
    weights: dict[tuple[str, str], int] = defaultdict(int)
    for _, _, keys in csv_films:
        for pair in combinations(keys, 2):
            weights[pair] += 1
    assert sum(w for _, _, w in costar.edges(data="weight")) == sum(weights.values())


@pytest.mark.parametrize(
    ("a", "b"), [("Kevin Bacon", "Tom Cruise"), ("Marlon Brando", "Adam Sandler")]
)
def test_path_matches_a_bfs_over_the_csv(
    costar: nx.Graph, csv_films: list[tuple[str, str, list[str]]], a: str, b: str
) -> None:
    adjacency: dict[str, set[str]] = defaultdict(set)
    casts: dict[str, set[str]] = defaultdict(set)  # "Title (Year)" -> cast keys
    for title, year, keys in csv_films:
        casts[f"{title} ({year})" if year else title].update(keys)
        for x, y in combinations(keys, 2):
            adjacency[x].add(y)
            adjacency[y].add(x)
    start, goal = normalise_name(a), normalise_name(b)
    distance = {start: 0}
    queue = deque([start])
    while queue:
        v = queue.popleft()
        for w in adjacency[v]:
            if w not in distance:
                distance[w] = distance[v] + 1
                queue.append(w)
    result = collaboration_path(costar, a, b)
    assert result["distance"] == distance[goal]
    # every hop is a real shared film in the CSV
    for hop in result["hops"]:
        x, y = normalise_name(hop["from_label"]), normalise_name(hop["to_label"])
        assert hop["films"], hop
        for film in hop["films"]:
            assert {x, y} <= casts[film], (film, x, y)
