"""kg.summary: the counts kept on load and unload answer exactly what the SPARQL answers."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest

from kg.credits import CreditIndex, read_index
from kg.ingest import load_paths, remove_sources
from kg.iri import source_graph_iri
from kg.query import bind_params, named_queries, run_named_query, run_query
from kg.stats import _SOURCES, graph_stats, source_list
from kg.store import Store
from kg.summary import SUMMARY_QUERIES, TypeSummary, read_summaries

TESTS = Path(__file__).resolve().parent
SAMPLE = TESTS.parents[0] / "data" / "sample"
TRIG = TESTS / "data" / "queries" / "sample.trig"
NETWORK = TESTS / "data" / "network" / "films.ttl"
CASES = [(name, {}) for name in SUMMARY_QUERIES] + [("director-actor-pairs", {"min": "1"})]


@pytest.fixture(scope="module")
def store_path(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    root = tmp_path_factory.mktemp("summary")
    network = root / "films.ttl"
    shutil.copy(NETWORK, network)
    with Store.open(root / "store") as store:
        load_paths(store, [SAMPLE / "films.csv"], mapping="films_sample", progress=False)
        load_paths(store, [SAMPLE / "articles", TRIG, network], progress=False)
    yield root


def answers(store: Store, name: str, params: dict[str, str]) -> tuple[list, list]:
    """The named query's rows from the summaries, and from the SPARQL run in full."""
    query = named_queries()[name]
    kept = run_named_query(store, name, params).rows()
    scanned = run_query(store, query.text, bindings=bind_params(query, params, store)).rows()
    return kept, scanned


def same_answer(kept: list, scanned: list) -> None:
    assert kept, "an empty answer proves nothing"
    assert sorted(map(repr, kept)) == sorted(map(repr, scanned))
    # the order's first key (a count) runs the same way
    counts = [c for c in range(len(kept[0])) if "integer" in repr(kept[0][c])]
    assert [[r[c] for c in counts] for r in kept] == [[r[c] for c in counts] for r in scanned]


def same_index(kept: CreditIndex, full: CreditIndex) -> None:
    def credits(index: CreditIndex) -> set[tuple[str, int, str]]:
        film, role, agent = index.unique_credits()
        nodes = index.nodes
        return {
            (nodes[f], r, nodes[a])
            for f, r, a in zip(film.tolist(), role.tolist(), agent.tolist(), strict=True)
        }

    assert credits(kept) == credits(full)
    for node in {n for n, _, _ in credits(full)} | {n for _, _, n in credits(full)}:
        assert kept.label_of(node) == full.label_of(node), node
        assert kept.year_of(node) == full.year_of(node), node


@pytest.mark.parametrize(("name", "params"), CASES)
def test_kept_counts_answer_like_the_sparql(store_path: Path, name: str, params: dict) -> None:
    with Store.open(store_path / "store", read_only=True) as store:
        assert read_summaries(store) is not None
        same_answer(*answers(store, name, params))


def test_stats_from_the_summary(store_path: Path) -> None:
    with Store.open(store_path / "store", read_only=True) as store:
        kept = graph_stats(store)
        assert kept == graph_stats(store, kept=False)
        sources = source_list(store)
        assert len(sources) >= 3 and all(int(s["triples"]) > 0 for s in sources)
        keys = ("graph", "path", "loader", "loaded", "triples")
        scanned = [
            dict(zip(keys, map(str, r), strict=True)) for r in run_query(store, _SOURCES).rows()
        ]
        assert sources == scanned
        assert kept["films"] > 0 and kept["credits_by_role"]


def test_unload_reload_and_a_sparql_update(store_path: Path, tmp_path: Path) -> None:
    path = tmp_path / "store"
    shutil.copytree(store_path / "store", path)
    network = store_path / "films.ttl"
    with Store.open(path) as store:
        remove_sources(store, [str(TRIG)])
        network.write_text(network.read_text().replace('"Ann A"', '"Ann Changed"'))
        load_paths(store, [network], progress=False)
        kept = read_summaries(store)
        assert kept is not None
        same_index(kept[0], read_index(store))
        assert graph_stats(store) == graph_stats(store, kept=False)
        for name, params in CASES:
            same_answer(*answers(store, name, params))
        with store.writing():  # a write that does not keep the summaries: they are gone
            store.update("INSERT DATA { GRAPH <urn:x> { <urn:f> a <urn:T> } }")
        assert read_summaries(store) is None
        assert graph_stats(store)["graphs"] == graph_stats(store, kept=False)["graphs"]
        load_paths(store, [TRIG], progress=False)  # the next load reads every graph once
        assert graph_stats(store) == graph_stats(store, kept=False)


def test_loading_unchanged_files_keeps_the_summaries(store_path: Path, tmp_path: Path) -> None:
    # a load that changes nothing publishes a new generation: it must carry the kept summaries
    # and the known names over (they were lost, and the next read had to scan the store)
    path = tmp_path / "store"
    shutil.copytree(store_path / "store", path)
    with Store.open(path) as store:
        known = store.read_sidecar("known-entities")
        assert read_summaries(store) is not None
        report = load_paths(store, [SAMPLE / "films.csv"], mapping="films_sample", progress=False)
        assert report.unchanged and not report.loaded and not report.replaced
        after = read_summaries(store)
        assert after is not None
        same_index(after[0], read_index(store))
        assert graph_stats(store) == graph_stats(store, kept=False)
        assert store.read_sidecar("known-entities") == known


def test_hash_union_counts_a_member_once() -> None:
    s = TypeSummary({}).with_graph("g", 2, {"C": ["a", "b"]}).with_graph("h", 2, {"C": ["b", "c"]})
    assert s.count("C") == 3 and s.count("C", exclude=["h"]) == 2
    assert s.members("C").dtype == np.uint64


def test_a_table_tallied_as_written_equals_the_graph_read_back(store_path: Path) -> None:
    with Store.open(store_path / "store", read_only=True) as store:
        kept = read_summaries(store)
        assert kept is not None
        table = str(source_graph_iri(SAMPLE / "films.csv"))
        read_back = TypeSummary({}).with_graph_from(store, table).graphs[table]
        size, members = kept[1].graphs[table]
        assert size == read_back[0]
        assert members.keys() == read_back[1].keys()
        assert all(np.array_equal(members[k], read_back[1][k]) for k in members)
        from_store = CreditIndex.empty().with_graph_from(store, table)
        same_index(kept[0].without_graphs(set(kept[0].graphs) - {table}), from_store)


def test_an_article_tallied_as_written_equals_the_graph_read_back(store_path: Path) -> None:
    with Store.open(store_path / "store", read_only=True) as store:
        kept = read_summaries(store)
        assert kept is not None
        articles = [g for g in kept[1].graphs if "/source/" in g and g in kept[0].graphs]
        articles = [g for g in articles if g != str(source_graph_iri(SAMPLE / "films.csv"))]
        assert articles, "the sample articles were loaded"
        for graph in articles:
            read_back = TypeSummary({}).with_graph_from(store, graph).graphs[graph]
            size, members = kept[1].graphs[graph]
            assert size == read_back[0], graph
            assert members.keys() == read_back[1].keys(), graph
            assert all(np.array_equal(members[k], read_back[1][k]) for k in members), graph
            from_store = CreditIndex.empty().with_graph_from(store, graph)
            mine = kept[0].without_graphs(set(kept[0].graphs) - {graph})
            same_index(mine, from_store)
            assert len(mine) == len(from_store), graph


def test_the_union_of_members_is_numpy_unique_of_them_all() -> None:
    from kg.summary import _union

    rng = np.random.default_rng(7)
    for _ in range(300):
        parts = [
            np.unique(rng.integers(0, 400, size=int(rng.integers(1, 200))).astype(np.uint64))
            for _ in range(int(rng.integers(2, 6)))
        ]
        assert np.array_equal(_union(parts), np.unique(np.concatenate(parts)))
    big = np.array([0, 2**63, 2**64 - 1], dtype=np.uint64)  # hashes use all 64 bits
    for parts in ([big, big[1:]], [np.zeros(0, dtype=np.uint64), big], [big[:1], big[:1]]):
        assert np.array_equal(_union(parts), np.unique(np.concatenate(parts)))
