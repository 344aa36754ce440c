"""Loading RDF files: one named graph per source, provenance, unchanged/changed, all-or-nothing."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from rdflib import URIRef

from kg.errors import KGInputError, ParseError, UnknownFormatError
from kg.ingest import load_paths, remove_sources
from kg.iri import source_graph_iri
from kg.store import Store


def _titles(store: Store) -> set[str]:
    rows = store.query(
        "SELECT ?l WHERE { ?f a <https://w3id.org/filmkg/ontology#Film> ; <http://www.w3.org/2000/01/rdf-schema#label> ?l }"
    ).rows()
    return {str(r[0]) for r in rows}


def test_each_source_is_a_named_graph_with_provenance(memory_store: Store, data_dir: Path) -> None:
    films = data_dir / "rdf" / "films.ttl"
    report = load_paths(memory_store, [films], progress=False)
    assert report.loaded == [str(films.resolve())]
    graph = str(source_graph_iri(films))
    assert graph in memory_store.named_graphs()
    row = memory_store.query(
        "PREFIX kg: <https://w3id.org/filmkg/ontology#> PREFIX prov: <http://www.w3.org/ns/prov#>"
        " SELECT ?path ?sum ?at WHERE { GRAPH ?g { ?g kg:sourcePath ?path ; kg:checksum ?sum ;"
        " prov:generatedAtTime ?at } }",
        bindings={"g": URIRef(graph)},
    ).rows()
    assert len(row) == 1
    assert str(row[0][0]) == str(films.resolve())
    assert str(row[0][1]).startswith("sha256:")


def test_unchanged_file_changes_nothing_changed_file_replaces(
    memory_store: Store, data_dir: Path, tmp_path: Path
) -> None:
    films = tmp_path / "films.ttl"
    shutil.copy(data_dir / "rdf" / "films.ttl", films)
    load_paths(memory_store, [films], progress=False)
    before = sorted(memory_store.triples())
    again = load_paths(memory_store, [films], progress=False)
    assert again.unchanged == [str(films.resolve())]
    assert sorted(memory_store.triples()) == before
    films.write_text(films.read_text().replace('The Lantern Keeper" ;', 'The Lamp Keeper" ;'))
    changed = load_paths(memory_store, [films], progress=False)
    assert changed.replaced == [str(films.resolve())]
    assert _titles(memory_store) == {"The Lamp Keeper"}


def test_quads_keep_their_graphs_and_are_replaced_with_their_source(
    memory_store: Store, data_dir: Path, tmp_path: Path
) -> None:
    nq = tmp_path / "extra.nq"
    shutil.copy(data_dir / "rdf" / "extra.nq", nq)
    load_paths(memory_store, [nq, data_dir / "rdf" / "extra.trig"], progress=False)
    graphs = memory_store.named_graphs()
    assert "https://example.org/graphs/festival" in graphs
    assert "https://example.org/graphs/awards" in graphs
    nq.write_text(nq.read_text().replace("festival", "market"))
    load_paths(memory_store, [nq], progress=False)
    graphs = memory_store.named_graphs()
    assert "https://example.org/graphs/festival" not in graphs
    assert "https://example.org/graphs/market" in graphs
    removed = remove_sources(memory_store, [str(nq)])
    assert "https://example.org/graphs/market" in removed
    assert "https://example.org/graphs/market" not in memory_store.named_graphs()


@pytest.mark.parametrize("on_disk", [False, True])
def test_failed_load_leaves_store_exactly_as_before(
    on_disk: bool, data_dir: Path, tmp_path: Path
) -> None:
    store = Store.open(tmp_path / "s") if on_disk else Store.memory()
    with store:
        load_paths(store, [data_dir / "rdf" / "films.ttl"], progress=False)
        before = sorted(store.triples())
        with pytest.raises(ParseError) as info:
            load_paths(
                store,
                [data_dir / "rdf" / "extra.trig", data_dir / "rdf" / "broken.ttl"],
                progress=False,
            )
        assert "broken.ttl:3" in str(info.value)
        assert sorted(store.triples()) == before


def test_input_errors_before_any_write(memory_store: Store, data_dir: Path, tmp_path: Path) -> None:
    with pytest.raises(KGInputError, match="no such file"):
        load_paths(
            memory_store, [data_dir / "rdf" / "films.ttl", tmp_path / "missing.ttl"], progress=False
        )
    odd = tmp_path / "notes.docx"
    odd.write_bytes(b"PK")
    with pytest.raises(UnknownFormatError, match="unknown file extension"):
        load_paths(memory_store, [odd], progress=False)
    table = tmp_path / "t.csv"
    table.write_text("a,b\n1,2\n")
    with pytest.raises(KGInputError, match="needs a mapping"):
        load_paths(memory_store, [table], progress=False)
    with pytest.raises(KGInputError, match="no mapping file"):
        load_paths(memory_store, [table], mapping="no-such-mapping", progress=False)
    assert len(memory_store) == 0


def test_directory_loads_every_known_file(
    memory_store: Store, tmp_path: Path, data_dir: Path
) -> None:
    folder = tmp_path / "in"
    (folder / ".hidden").mkdir(parents=True)
    shutil.copy(data_dir / "rdf" / "films.ttl", folder / "a.ttl")
    shutil.copy(data_dir / "rdf" / "broken.ttl", folder / ".hidden" / "b.ttl")
    (folder / "readme.md").write_text("not loaded")
    report = load_paths(memory_store, [folder], progress=False)
    assert len(report.loaded) == 1


def test_mapping_applies_to_tables_only(tmp_path: Path) -> None:
    """`kg load articles/ films.csv --mapping films_sample`: the mapping reads the table, the
    articles (a JSON-lines file of articles included) are read as articles (issue 12, item 16)."""
    from kg.cli import run

    repo = Path(__file__).resolve().parents[1]
    store = tmp_path / "store"
    code = run(
        [
            "--store",
            str(store),
            "load",
            "-q",
            str(repo / "data" / "sample" / "articles"),
            str(repo / "data" / "sample" / "films.csv"),
            "--mapping",
            "films_sample",
        ]
    )
    assert code == 0
    with Store.open(store, read_only=True) as opened:
        loaders = {
            str(x)
            for (x,) in opened.query(
                "PREFIX kg: <https://w3id.org/filmkg/ontology#> "
                "SELECT DISTINCT ?l WHERE { GRAPH ?g { ?g kg:loader ?l } }",
                union_default_graph=False,
            ).rows()
        }
    assert loaders == {"articles", "table.v1"}


def test_load_summary_counts_what_stats_shows(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The summary's triples are those the loaded graphs hold (issue 12, item 15)."""
    import json

    from kg.cli import run

    repo = Path(__file__).resolve().parents[1]
    store = tmp_path / "store"
    table = repo / "data" / "sample" / "films.csv"
    assert run(["--store", str(store), "load", str(table), "--mapping", "films_sample"]) == 0
    summary = capsys.readouterr().out
    written = int(summary.rsplit(";", 1)[1].split()[0].replace(",", ""))
    assert run(["--store", str(store), "stats", "--json"]) == 0
    stats = json.loads(capsys.readouterr().out)
    assert written == stats["triples"]


def test_deeply_nested_json_is_a_one_line_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A JSON line nested 100,000 levels deep: exit 2, one line naming file and line (item 1)."""
    from kg.cli import run

    path = tmp_path / "deep.jsonl"
    path.write_text(
        '{"text": "Heat was directed by Michael Mann."}\n' + "[" * 100_000 + "]" * 100_000 + "\n"
    )
    assert run(["--store", str(tmp_path / "store"), "load", "-q", str(path)]) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "deep.jsonl:2" in err and "nested too deeply" in err
    table = tmp_path / "deep_table.jsonl"
    table.write_text("[" * 100_000 + "]" * 100_000 + "\n")
    mapping = Path(__file__).parent / "data" / "tables" / "films_jsonl.toml"
    assert (
        run(
            [
                "--store",
                str(tmp_path / "store"),
                "load",
                "-q",
                str(table),
                "--mapping",
                str(mapping),
            ]
        )
        == 2
    )
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "deep_table.jsonl" in err
