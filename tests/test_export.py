"""Every export format round-trips: re-parsing the file gives an isomorphic graph or dataset."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Dataset, Graph, URIRef
from rdflib.compare import isomorphic

from kg.cli import run
from kg.errors import StoreError, UnknownFormatError
from kg.export import EXPORT_EXTENSIONS, export_rdf
from kg.ingest import load_paths
from kg.store import Store

RDFLIB_FORMAT = {
    "ttl": "turtle",
    "nt": "nt",
    "nq": "nquads",
    "trig": "trig",
    "jsonld": "json-ld",
    "rdf": "xml",
}
QUADS = {"nq", "trig", "jsonld"}


@pytest.fixture
def loaded(memory_store: Store, data_dir: Path) -> Store:
    rdf = data_dir / "rdf"
    load_paths(
        memory_store, [rdf / "films.ttl", rdf / "extra.nq", rdf / "extra.trig"], progress=False
    )
    return memory_store


def _expected_graphs(store: Store) -> dict[str, Graph]:
    graphs: dict[str, Graph] = {}
    for s, p, o, g in store.triples():
        graphs.setdefault(str(g), Graph()).add((s, p, o))
    return graphs


@pytest.mark.parametrize("ext", EXPORT_EXTENSIONS)
def test_round_trip(loaded: Store, tmp_path: Path, ext: str) -> None:
    out = export_rdf(loaded, tmp_path / f"graph.{ext}")
    expected = _expected_graphs(loaded)
    if ext in QUADS:
        ds = Dataset()
        ds.parse(out, format=RDFLIB_FORMAT[ext])
        got = {str(g.identifier): g for g in ds.graphs() if len(g)}
        assert set(got) == set(expected)
        for name, graph in expected.items():
            assert isomorphic(got[name], graph), name
    else:
        merged = Graph()
        for graph in expected.values():
            merged += graph
        parsed = Graph().parse(out, format=RDFLIB_FORMAT[ext])
        assert isomorphic(parsed, merged)


def test_one_graph_export(loaded: Store, tmp_path: Path) -> None:
    out = export_rdf(loaded, tmp_path / "one.nt", graph="https://example.org/graphs/festival")
    parsed = Graph().parse(out, format="nt")
    assert len(parsed) == 2
    assert (URIRef("https://w3id.org/filmkg/resource/film/salt-road"), None, None) in parsed
    with pytest.raises(StoreError, match="no named graph"):
        export_rdf(loaded, tmp_path / "none.nt", graph="urn:nope")
    with pytest.raises(UnknownFormatError):
        export_rdf(loaded, tmp_path / "x.csv")
    assert not (tmp_path / "x.csv").exists()
    assert not (tmp_path / "none.nt").exists()


def test_cli_export(tmp_path: Path, data_dir: Path) -> None:
    store = str(tmp_path / "store")
    assert run(["--store", store, "load", "-q", str(data_dir / "rdf" / "films.ttl")]) == 0
    assert run(["--store", store, "export", str(tmp_path / "g.trig")]) == 0
    assert Dataset().parse(tmp_path / "g.trig", format="trig")
    assert run(["--store", store, "export", str(tmp_path / "g.docx")]) == 2
