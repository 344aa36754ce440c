"""The merge without copying big sources (docs/decisions/0009): big graphs written in bulk that
share no triple are *base* graphs read as part of the default graph; D holds the rest. Whatever
the bases, a plain query gives each triple once and ``GRAPH ?g`` one row per source
(the behaviour of tests/test_default_graph.py), through loads, unloads, updates and rollbacks."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

import kg.store as store_module
from kg.store import Store


@pytest.fixture(autouse=True)
def small_bulk(monkeypatch: pytest.MonkeyPatch) -> None:
    """Bulk writes and base graphs from 5 quads up, so the tests stay small."""
    monkeypatch.setattr(store_module, "_SMALL_WRITE", 5)
    monkeypatch.setattr(store_module, "_BASE_MIN", 5)


def _lines(prefix: str, n: int, shared: int = 0) -> list[str]:
    """``n`` triples of their own, and ``shared`` triples every such graph states."""
    own = [f'<urn:{prefix}:{i}> <urn:p> "{prefix} {i}" .\n' for i in range(n)]
    return own + [f'<urn:shared:{i}> <urn:p> "shared {i}" .\n' for i in range(shared)]


def _count(store: Store, where: str = "?s ?p ?o") -> int:
    return int(store.rows(f"SELECT (COUNT(*) AS ?n) WHERE {{ {where} }}")[0][0])  # type: ignore[arg-type]


def _sources(store: Store) -> int:
    return _count(store, "GRAPH ?g { <urn:shared:0> ?p ?o }")


def _open(path: Path | None) -> Store:
    return Store.memory() if path is None else Store.open(path)


@pytest.fixture(params=["memory", "disk"])
def where(request: pytest.FixtureRequest, tmp_path: Path) -> Path | None:
    return None if request.param == "memory" else tmp_path / "store"


def test_a_big_first_source_is_a_base_and_not_copied(where: Path | None) -> None:
    with _open(where) as store:
        with store.writing():
            store.add_ntriples("urn:g:a", _lines("a", 10, shared=2))
        assert store._bases == ["urn:g:a"]
        assert not list(
            store._ox.quads_for_pattern(None, None, None, store_module.ox.DefaultGraph())
        )
        assert _count(store) == 12


def test_overlapping_sources_give_each_triple_once(where: Path | None) -> None:
    with _open(where) as store:
        with store.writing():
            store.add_ntriples("urn:g:a", _lines("a", 10, shared=2))
            store.add_ntriples("urn:g:b", _lines("b", 10, shared=2))  # overlaps a: not a base
            store.add_ntriples("urn:g:c", _lines("c", 10))  # disjoint: a second base
            store.add_ntriples("urn:g:small", _lines("s", 1, shared=2))  # an insert, not bulk
        assert sorted(store._bases) == ["urn:g:a", "urn:g:c"]
        assert _count(store) == 10 + 10 + 10 + 1 + 2
        assert _sources(store) == 3
        with store.writing():
            store.remove_graph("urn:g:a")  # a base: what others state stays
        assert _count(store) == 10 + 10 + 1 + 2
        with store.writing():
            store.remove_graph("urn:g:b")
        assert _count(store) == 10 + 1 + 2
        with store.writing():
            store.remove_graph("urn:g:small")
        assert _count(store) == 10
        assert _count(store, "<urn:shared:0> ?p ?o") == 0


def test_bases_are_kept_with_the_generation(tmp_path: Path) -> None:
    path = tmp_path / "store"
    with Store.open(path) as store, store.writing():
        store.add_ntriples("urn:g:a", _lines("a", 10, shared=2))
        store.add_ntriples("urn:g:b", _lines("b", 3, shared=2))
    with Store.open(path, read_only=True) as reader:
        assert reader._bases == ["urn:g:a"]
        assert _count(reader) == 15
        out = io.BytesIO()
        reader.dump(out, "nt")
        lines = out.getvalue().decode().splitlines()
        assert len(lines) == len(set(lines)) == 15
        rdfxml = io.BytesIO()
        reader.dump(rdfxml, "rdf")
        assert rdfxml.getvalue().count(b"urn:shared:0") == 1


def test_an_update_that_joins_two_bases_is_merged_again(where: Path | None) -> None:
    with _open(where) as store:
        with store.writing():
            store.add_ntriples("urn:g:a", _lines("a", 10))
            store.add_ntriples("urn:g:c", _lines("c", 10))
        assert len(store._bases) == 2
        with store.writing():
            store.update('INSERT DATA { GRAPH <urn:g:c> { <urn:a:0> <urn:p> "a 0" } }')
        assert len(store._bases) == 1  # no longer disjoint: one of them is copied into D
        assert _count(store) == 20
        assert _count(store, "GRAPH ?g { <urn:a:0> ?p ?o }") == 2


def test_a_small_insert_into_a_base_keeps_the_merge_a_set(where: Path | None) -> None:
    with _open(where) as store:
        with store.writing():
            store.add_ntriples("urn:g:a", _lines("a", 10))
            store.add_ntriples("urn:g:c", _lines("c", 10))
            store.add_ntriples("urn:g:small", ['<urn:x> <urn:p> "x" .\n'])
        with store.writing():
            store.add_ntriples(
                "urn:g:a", ['<urn:c:0> <urn:p> "c 0" .\n', '<urn:x> <urn:p> "x" .\n']
            )
        assert _count(store) == 21
        assert _count(store, "GRAPH ?g { <urn:c:0> ?p ?o }") == 2


def test_a_failed_write_in_memory_restores_the_bases() -> None:
    with Store.memory() as store:
        with store.writing():
            store.add_ntriples("urn:g:a", _lines("a", 10, shared=2))
        with pytest.raises(RuntimeError), store.writing():
            store.remove_graph("urn:g:a")
            store.add_ntriples("urn:g:b", _lines("b", 10, shared=2))
            raise RuntimeError("boom")
        assert store._bases == ["urn:g:a"]
        assert _count(store) == 12


def test_blank_nodes_survive_the_merge(where: Path | None) -> None:
    with _open(where) as store:
        with store.writing():
            store.add_ntriples("urn:g:a", _lines("a", 10))
            store.add_ntriples("urn:g:b", [*_lines("a", 1), '_:n <urn:p> "blank" .\n'])
            store.add_ntriples("urn:g:c", _lines("a", 10))  # overlaps the base a
        assert _count(store) == 11
        assert _count(store, '?b <urn:p> "blank" . GRAPH ?g { ?b ?p ?o }') == 1


def _triples(prefix: str, n: int, shared: int = 0) -> list[str]:
    """N-Triples lines as ``_lines`` makes them, for ``Store.add_graphs``."""
    return _lines(prefix, n, shared)


def test_many_small_graphs_in_one_write_keep_the_merge(where: Path | None) -> None:
    """Articles are written together (``add_graphs``): each keeps its graph, and what a base
    graph already states is not repeated in D, whether the batch is small or bulk."""
    with _open(where) as store:
        with store.writing():
            store.add_ntriples("urn:g:table", _lines("t", 10, shared=3))
        assert store._bases == ["urn:g:table"]
        with store.writing():
            batch = {f"urn:g:art{i}": _triples(f"a{i}", 2, shared=i + 1) for i in range(3)}
            assert store.add_graphs(batch) == sum(len(t) for t in batch.values())
        assert store._bases == ["urn:g:table"]
        assert _count(store) == 10 + 3 + 3 * 2  # the shared triples once, whoever states them
        assert _sources(store) == 4
        assert _count(store, "GRAPH <urn:g:art2> { ?s ?p ?o }") == 2 + 3
        with store.writing():
            store.remove_graph("urn:g:table")
        assert _count(store) == 3 + 3 * 2  # art2 still states the three shared triples


def test_removing_what_a_graph_says_about_subjects_keeps_the_merge(where: Path | None) -> None:
    with _open(where) as store:
        with store.writing():
            store.add_graphs(
                {"urn:g:a": _triples("a", 3, shared=1), "urn:g:b": _triples("b", 1, 1)}
            )
        with store.writing():
            assert store.remove_about("urn:g:a", ["urn:a:0", "urn:shared:0", "urn:none"]) == 2
        assert _count(store) == 2 + 1 + 1  # urn:shared:0 stays: graph b still states it
        assert sorted(s for s, *_ in store.match(predicate="urn:p")) == [
            "urn:a:1",
            "urn:a:2",
            "urn:b:0",
            "urn:shared:0",
        ]  # named graphs only: D's copies are not statements of a source
        with store.writing():
            store.remove_about("urn:g:b", ["urn:shared:0"])
        assert _count(store, "<urn:shared:0> ?p ?o") == 0
        if where is None:  # a failed write in memory is undone from the journal
            with pytest.raises(RuntimeError), store.writing():
                store.remove_about("urn:g:a", ["urn:a:1"])
                raise RuntimeError("abort")
            assert _count(store, "GRAPH <urn:g:a> { <urn:a:1> ?p ?o }") == 1


def _default_graph(store: Store) -> set[str]:
    default = store_module.ox.DefaultGraph()
    return {str(q.triple) for q in store._ox.quads_for_pattern(None, None, None, default)}


@pytest.mark.parametrize("blank", [False, True], ids=["as text", "through the query"])
def test_a_big_graph_beside_a_base_gives_d_what_no_base_holds(tmp_path: Path, blank: bool) -> None:
    """A big graph that overlaps a base on disk: its lines are sorted for D as the loader reads
    them (a line about something no base describes goes to D as text, the others are looked
    up), and D ends as the query would make it: the graph's triples less the bases'. A line
    with ``_:`` (a blank node, or only text in a literal) sends the whole graph the query's way."""
    odd = ['<urn:a:0> <urn:q> "tab\\there, \\"quoted\\" \\u00e9t\\u00e9" .\n']
    if blank:
        odd.append('<urn:b:9> <urn:q> "not a _:blank node" .\n')
    with Store.open(tmp_path / "store") as store:
        with store.writing():
            store.add_ntriples("urn:g:a", _lines("a", 10, shared=2))
            store.add_ntriples("urn:g:b", [*_lines("b", 10, shared=2), *_lines("a", 3), *odd])
        assert store._bases == ["urn:g:a"]
        base = {
            str(q.triple)
            for q in store._ox.quads_for_pattern(
                None, None, None, store_module.ox.NamedNode("urn:g:a")
            )
        }
        graph_b = {
            str(q.triple)
            for q in store._ox.quads_for_pattern(
                None, None, None, store_module.ox.NamedNode("urn:g:b")
            )
        }
        assert _default_graph(store) == graph_b - base
        assert _count(store) == len(base | graph_b)
        assert not list((tmp_path / "store").glob(".default-*"))  # the text for D is gone


def test_a_big_graph_sharing_nothing_with_the_base_is_a_base_too(tmp_path: Path) -> None:
    with Store.open(tmp_path / "store") as store:
        with store.writing():
            store.add_ntriples("urn:g:a", _lines("a", 10, shared=2))
            store.add_ntriples("urn:g:c", [*_lines("c", 10), '<urn:a:0> <urn:other> "x" .\n'])
        assert store._bases == ["urn:g:a", "urn:g:c"]  # same subject, no same triple
        assert _default_graph(store) == set()
        assert _count(store) == 12 + 11


def test_many_triples_added_to_a_graph_already_there_keep_the_merge(where: Path | None) -> None:
    """The conflicts graph brought up to date: many triples into a graph that exists update the
    merge with those triples only (the bases keep theirs, D takes the rest)."""
    from rdflib import Literal, URIRef

    def triples(prefix: str, n: int) -> list[tuple[URIRef, URIRef, Literal]]:
        return [(URIRef(f"urn:{prefix}:{i}"), URIRef("urn:p"), Literal(f"{prefix} {i}")) for i in range(n)]  # fmt: skip

    with _open(where) as store:
        with store.writing():
            store.add_ntriples("urn:g:a", _lines("a", 10, shared=2))
            store.add_triples("urn:g:c", triples("c", 3))
        with store.writing():
            assert store.add_triples("urn:g:c", [*triples("c", 10), *triples("a", 4)]) == 14
        assert store._bases == ["urn:g:a"]
        assert _count(store) == 12 + 10
        assert _count(store, "GRAPH <urn:g:c> { ?s ?p ?o }") == 14
        with store.writing():
            store.remove_graph("urn:g:a")
        assert _count(store) == 10 + 4
