"""Scale (slow): the Wikidata table grown by a synthetic table of 8,000 films (about 2.7M triples,
on disk; the load of the grown table takes several minutes on a busy 2-core machine).

Point queries stay under 50 ms and aggregates under 2 s, the aggregates answered from the counts
kg load keeps equal the full SPARQL, and the co-star projection is a sparse product under 2 s of
CPU. ``bench/bench_scale.py`` measures the same at 10M and 30M triples.
"""

from __future__ import annotations

import statistics
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from kg.ingest import load_paths
from kg.network.build import build_sparse
from kg.query import bind_params, named_queries, run_named_query, run_query
from kg.stats import graph_stats
from kg.store import Store
from kg.summary import SUMMARY_QUERIES

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
from _common import WIKIDATA
from _growth import Growth, write_part
from bench_scale import NEIGHBOURHOOD, POINT

pytestmark = [pytest.mark.slow, pytest.mark.timeout(3600)]


@pytest.fixture(scope="module")
def grown(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    omdb = WIKIDATA / "omdb.csv"
    if not omdb.is_file():
        pytest.skip(f"shared data not found at {omdb}")
    root = tmp_path_factory.mktemp("scale")
    part = write_part(Growth.from_table(seed=11), root / "part-0001", 8_000)
    with Store.open(root / "store") as store:
        load_paths(store, [omdb], mapping="wikidata_films", progress=False)
        load_paths(store, [part], mapping="wikidata_films", progress=False)
    with Store.open(root / "store", read_only=True) as store:
        yield store


def median_seconds(func: Callable[[], Any], runs: int = 3) -> float:
    """Median CPU seconds of warm runs: the machines here are shared (load averages of 6-8 on
    2 cores make wall times 3-4x longer); bench/bench_scale.py prints wall times."""
    func()
    times = []
    for _ in range(runs):
        started = time.process_time()
        func()
        times.append(time.process_time() - started)
    return statistics.median(times)


def test_grown_store_shares_people_with_the_table(grown: Store) -> None:
    stats = graph_stats(grown)
    assert stats["triples"] > 2_500_000 and stats["graphs"] >= 2  # and conflicts, if any
    assert stats == graph_stats(grown, kept=False)
    films = stats["films"]
    assert 25_000 < films < 26_000  # 17,472 + 8,000, give or take namesakes


@pytest.mark.parametrize("name", sorted(POINT))
def test_point_queries_under_50_ms(grown: Store, name: str) -> None:
    rows = run_named_query(grown, name, POINT[name]).rows()
    assert rows
    assert median_seconds(lambda: run_named_query(grown, name, POINT[name]).rows()) < 0.05


@pytest.mark.parametrize("name", sorted(NEIGHBOURHOOD))
def test_neighbourhood_queries_under_half_a_second(grown: Store, name: str) -> None:
    """co-stars of the busiest actor answers with about a thousand rows, more as the graph
    grows around him: not a point query, but it must stay interactive."""
    params = NEIGHBOURHOOD[name]
    assert len(run_named_query(grown, name, params).rows()) > 500
    assert median_seconds(lambda: run_named_query(grown, name, params).rows()) < 0.5


@pytest.mark.parametrize("name", sorted(SUMMARY_QUERIES))
def test_aggregates_under_2_s_and_equal_to_the_sparql(grown: Store, name: str) -> None:
    assert median_seconds(lambda: run_named_query(grown, name, {}).rows()) < 2
    assert median_seconds(lambda: graph_stats(grown)) < 2
    query = named_queries()[name]
    kept = run_named_query(grown, name, {}).rows()
    scanned = run_query(grown, query.text, bindings=bind_params(query, {}, grown)).rows()
    count = next(i for i, c in enumerate(query.columns) if c in ("films", "count"))
    # ties at the LIMIT may be broken either way: the counts are the same, and every row above
    # the last count is the same
    assert sorted(r[count] for r in kept) == sorted(r[count] for r in scanned)
    last = min(int(r[count]) for r in kept)
    above = {repr(r) for r in kept if int(r[count]) > last}
    assert above == {repr(r) for r in scanned if int(r[count]) > last}


def test_costar_projection_under_2_s_cpu(grown: Store) -> None:
    started = time.process_time()
    sg = build_sparse(grown, "co-star")
    assert time.process_time() - started < 2
    assert sg.number_of_edges() > 2_000_000
