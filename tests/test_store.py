"""The store: writes are all-or-nothing, reads see whole sources, the lock names the writer."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from rdflib import Literal, URIRef

from kg.errors import QueryError, StoreBusyError, StoreError
from kg.store import Store

S, P = URIRef("urn:s"), URIRef("urn:p")


def test_memory_store_roundtrip() -> None:
    with Store.memory() as store:
        with store.writing():
            assert store.replace_graph("urn:g", [(S, P, Literal("o"))]) == 1
        assert store.named_graphs() == ["urn:g"]
        assert store.query("SELECT ?o WHERE { ?s ?p ?o }").rows() == [(Literal("o"),)]


@pytest.mark.parametrize("on_disk", [False, True])
def test_failed_write_rolls_back(on_disk: bool, tmp_path: Path) -> None:
    store = Store.open(tmp_path / "s") if on_disk else Store.memory()
    with store:
        with store.writing():
            store.replace_graph("urn:g1", [(S, P, Literal("kept"))])
        with pytest.raises(RuntimeError), store.writing():
            store.remove_graph("urn:g1")
            store.add_triples("urn:g2", [(S, P, Literal("new"))])
            raise RuntimeError("boom")
        assert store.named_graphs() == ["urn:g1"]
        assert [r[0] for r in store.query("SELECT ?o WHERE { ?s ?p ?o }").rows()] == [
            Literal("kept")
        ]
    if on_disk:
        assert not (tmp_path / "s" / "gens" / "work").exists()


def test_write_outside_block_is_refused(memory_store: Store) -> None:
    with pytest.raises(StoreError, match="writing"):
        memory_store.add_triples("urn:g", [(S, P, Literal("o"))])


def test_read_only_store_refuses_writes_and_missing_store(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="load something first"):
        Store.open(tmp_path / "nothing", read_only=True)
    with Store.open(tmp_path / "s") as store, store.writing():
        store.add_triples("urn:g", [(S, P, Literal("o"))])
    with Store.open(tmp_path / "s", read_only=True) as ro:
        assert len(ro) == 1
        with pytest.raises(StoreError, match="read-only"), ro.writing():
            pass


def test_invalid_sparql_is_a_query_error(memory_store: Store) -> None:
    with pytest.raises(QueryError, match="invalid SPARQL"):
        memory_store.query("SELEC * WHERE { ?s ?p ?o }")


def test_bindings_are_values_not_text(memory_store: Store) -> None:
    evil = 'x"} ; DROP ALL #\n'
    with memory_store.writing():
        memory_store.add_triples("urn:g", [(S, P, Literal(evil)), (S, P, Literal("y"))])
    rows = memory_store.query("SELECT ?s WHERE { ?s ?p ?o }", bindings={"o": Literal(evil)}).rows()
    assert rows == [(S,)]
    assert len(memory_store) == 2


def test_dataset_view_is_rdflib(memory_store: Store) -> None:
    with memory_store.writing():
        memory_store.add_triples("urn:g", [(S, P, Literal("o"))])
    ds = memory_store.dataset
    assert (S, P, Literal("o")) in ds.graph(URIRef("urn:g"))


def test_crashed_write_is_recovered_at_next_open(tmp_path: Path) -> None:
    """A writer killed mid-write never published its copy; the next writer cleans it up."""
    path = tmp_path / "s"
    with Store.open(path) as store, store.writing():
        store.add_triples("urn:g1", [(S, P, Literal("before"))])
    script = textwrap.dedent(
        f"""
        import os
        from rdflib import Literal, URIRef
        from kg.store import Store
        store = Store.open({str(path)!r})
        with store.writing():
            store.add_triples("urn:g2", [(URIRef("urn:s"), URIRef("urn:p"), Literal("half"))])
            store._ox.flush()
            os._exit(9)
        """
    )
    proc = subprocess.run([sys.executable, "-c", script], check=False)
    assert proc.returncode == 9
    assert (path / "gens" / "work").exists()
    with Store.open(path, read_only=True) as store:
        assert store.named_graphs() == ["urn:g1"]
    with Store.open(path) as store, store.writing():
        store.add_triples("urn:g3", [(S, P, Literal("after"))])
    assert not (path / "gens" / "work").exists()
    with Store.open(path, read_only=True) as store:
        assert store.named_graphs() == ["urn:g1", "urn:g3"]
        current = store.generation
    assert [p.name for p in (path / "gens").iterdir() if p.is_dir()] == [current]


def test_busy_store_names_the_writer(tmp_path: Path) -> None:
    path = tmp_path / "s"
    with Store.open(path) as store, store.writing():
        store.add_triples("urn:g", [(S, P, Literal("o"))])
        with Store.open(path, read_only=True, lock_timeout=0.2) as reader:
            assert len(reader) == 0  # a reader sees the state before the write, at once
        with (
            pytest.raises(StoreBusyError, match=rf"being written by process {os.getpid()}"),
            Store.open(path, lock_timeout=0.2) as other,
            other.writing(),
        ):
            pass
