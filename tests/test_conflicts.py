"""Conflicts between sources as first-class nodes; agreement raises confidence."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import URIRef

from kg.cli import main
from kg.conflicts import _conflicting, find_agreements, find_conflicts, record_conflicts
from kg.entity import describe
from kg.iri import CONFLICTS_GRAPH
from kg.query import run_named_query
from kg.serve.pages import Linker, entity_html
from kg.store import Store

DATA = Path(__file__).resolve().parent / "data" / "conflicts"
RES = "https://w3id.org/filmkg/resource/"
KG = "https://w3id.org/filmkg/ontology#"


@pytest.fixture(scope="module")
def store_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("conflicts") / "store"
    result = CliRunner().invoke(main, ["--store", str(path), "load", str(DATA)])
    assert result.exit_code == 0, result.output
    assert "3 conflicts between sources" in result.output
    return path


def test_the_rule_for_many_valued_facts() -> None:
    assert _conflicting({"a": {"mann"}, "b": {"scott"}})
    assert not _conflicting({"a": {"mann"}, "b": {"scott"}, "c": {"mann", "scott"}})  # co-directors
    assert not _conflicting({"a": {"mann", "scott"}, "b": {"scott"}})  # one source is partial
    assert not _conflicting({"a": {"2021"}, "b": {"2021-03-12"}})  # a year holds the date


def test_conflicts_found_per_property_and_release_key(store_dir: Path) -> None:
    with Store.open(store_dir, read_only=True) as store:
        found = {(c.label, c.predicate.rsplit("#")[1], c.key): c for c in find_conflicts(store)}
    assert set(found) == {
        ("Lighthouse Keepers", "director", None),
        ("Lighthouse Keepers", "releaseDate", "United States, theatrical"),
        ("Tidewater", "releaseDate", "US, theatrical"),
    }  # Salt Meridian's two directors are named together by one source: no conflict
    director = found[("Lighthouse Keepers", "director", None)]
    values = {c.value.rsplit("/", 1)[1]: c for c in director.claims}
    assert set(values) == {"mara-lindqvist", "oskar-brandt"}
    assert all(
        len(c.sources) == 1 and c.evidence and 0 < (c.confidence or 0) < 1 for c in values.values()
    )
    tidewater = found[("Tidewater", "releaseDate", "US, theatrical")]
    assert [c.value for c in tidewater.claims] == ["2015-03-06", "2015-03-13"]  # GB agrees


def test_agreement_raises_confidence(store_dir: Path) -> None:
    with Store.open(store_dir, read_only=True) as store:
        agreements = {a.predicate.rsplit("#")[1]: a for a in find_agreements(store)}
        single = store.rows(
            "SELECT ?c WHERE { GRAPH ?g { ?e <http://www.w3.org/1999/02/22-rdf-syntax-ns#object> ?o ; "
            f"<{KG}confidence> ?c }} }}",
            bindings={"o": URIRef(RES + "person/lena-marchetti")},
        )
    director = agreements["director"]
    assert len(director.sources) == 2
    assert director.confidence > max(float(c[0]) for c in single)


def test_recorded_as_nodes_and_listed_by_a_named_query(store_dir: Path) -> None:
    with Store.open(store_dir, read_only=True) as store:
        assert CONFLICTS_GRAPH in store.named_graphs()
        rows = run_named_query(store, "conflicts").rows()
        assert len(rows) == 6
        kinds = store.rows(
            f"SELECT ?t (COUNT(?x) AS ?n) WHERE {{ GRAPH <{CONFLICTS_GRAPH}> {{ ?x a ?t }} }} GROUP BY ?t"
        )
    counts = {str(t).rsplit("#", 1)[-1]: int(n) for t, n in kinds}
    assert counts["Conflict"] == 3 and counts["Claim"] == 6 and counts["Agreement"] >= 1


def test_validate_reports_conflicts_as_warnings(store_dir: Path) -> None:
    result = CliRunner().invoke(main, ["--store", str(store_dir), "validate", "--format", "json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    warnings = [r for r in report["results"] if r["shape"].endswith("SourcesAgreeShape")]
    assert len(warnings) == 3
    director = next(w for w in warnings if w["path"] == KG + "director")
    assert "Mara Lindqvist" in director["message"] and "festival-blog.txt" in director["message"]
    text = CliRunner().invoke(main, ["--store", str(store_dir), "validate"]).output
    assert "sources disagree on kg:director" in text


def test_entity_page_shows_the_conflict(store_dir: Path) -> None:
    with Store.open(store_dir, read_only=True) as store:
        page = describe(store, RES + "film/lighthouse-keepers")
    assert len(page.conflicts) == 2
    html = entity_html(page, Linker("https://w3id.org/filmkg/"))
    assert "Sources disagree" in html and "Oskar Brandt" in html and "trade-paper" in html


def test_unloading_a_side_clears_the_conflict(tmp_path: Path) -> None:
    store = tmp_path / "store"
    runner = CliRunner()
    runner.invoke(main, ["--store", str(store), "load", "-q", str(DATA / "trade-paper.txt"), str(DATA / "festival-blog.txt")])  # fmt: skip
    with Store.open(store, read_only=True) as s:
        assert len(find_conflicts(s)) == 2
    assert runner.invoke(main, ["--store", str(store), "unload", str(DATA / "festival-blog.txt")]).exit_code == 0  # fmt: skip
    with Store.open(store, read_only=True) as s:
        assert find_conflicts(s) == []
        assert CONFLICTS_GRAPH not in s.named_graphs()


def _conflicts_graph(store: Path) -> set[tuple[str, str, str]]:
    with Store.open(store, read_only=True) as s:
        return {(str(a), str(b), str(c)) for a, b, c, _ in s.triples(CONFLICTS_GRAPH)}


def _rebuilt(store: Path) -> set[tuple[str, str, str]]:
    """The conflicts graph as a whole rebuild makes it, in a copy of the store."""
    copy = store.parent / "rebuilt"
    shutil.copytree(store, copy)
    with Store.open(copy) as s, s.writing():
        record_conflicts(s)
    return _conflicts_graph(copy)


def test_loads_one_at_a_time_keep_the_graph_a_rebuild_makes(tmp_path: Path) -> None:
    """Each article load looks for conflicts only around the entities it touched; the graph it
    leaves is the one a rebuild from scratch makes, also when an article changes its mind."""
    folder = tmp_path / "articles"
    shutil.copytree(DATA, folder)
    store = tmp_path / "store"
    runner = CliRunner()
    order = ["trade-paper.txt", "co-directors.txt", "festival-blog.txt", "one-director.txt"]
    for name in order:
        done = runner.invoke(main, ["--store", str(store), "load", "-q", str(folder / name)])
        assert done.exit_code == 0, done.output
    incremental = _conflicts_graph(store)
    assert incremental == _rebuilt(store)
    assert any(KG + "Conflict" in t for t in incremental)
    blog = folder / "festival-blog.txt"
    blog.write_text(blog.read_text().replace("Oskar Brandt", "Mara Lindqvist").replace("19", "12"))
    done = runner.invoke(main, ["--store", str(store), "load", str(blog)])
    assert done.exit_code == 0 and "1 replaced" in done.output, done.output
    with Store.open(store, read_only=True) as s:
        assert find_conflicts(s) == []  # the two articles now agree
        assert {a.predicate.rsplit("#")[1] for a in find_agreements(s)} >= {"director"}
    shutil.rmtree(tmp_path / "rebuilt")
    assert _conflicts_graph(store) == _rebuilt(store)


SAMPLE = Path(__file__).resolve().parents[1] / "data" / "sample" / "films.csv"


def _edited_table(path: Path, edits: dict[str, tuple[str, str]]) -> None:
    """The sample table with cells replaced: ``{film id: (old text, new text)}`` per row."""
    lines = SAMPLE.read_text(encoding="utf-8").splitlines(keepends=True)
    out = [lines[0]]
    for line in lines[1:]:
        film = line.split(",", 1)[0]
        if film in edits:
            old, new = edits[film]
            assert old in line
            line = line.replace(old, new, 1)
        out.append(line)
    path.write_text("".join(out), encoding="utf-8")


def test_table_loads_keep_the_graph_a_rebuild_makes(tmp_path: Path) -> None:
    """A table load looks for conflicts around its films only (those no other source describes
    left out); the conflicts graph it leaves is the one a rebuild makes: a second table that
    disagrees, the same table changed and loaded again, beside articles."""
    store = tmp_path / "store"
    runner = CliRunner()
    first, second = tmp_path / "first" / "films.csv", tmp_path / "second" / "films.csv"
    for folder in (first.parent, second.parent):
        folder.mkdir()
        shutil.copy(SAMPLE.parent / "companies.csv", folder)  # the mapping's joined table
    shutil.copy(SAMPLE, first)
    _edited_table(second, {"1": (",Mara Lindqvist,", ",Oskar Brandt,"), "2": (",124,", ",131,")})

    def load(*paths: Path, mapping: str | None = "films_sample") -> None:
        args = ["--store", str(store), "load", "-q", *map(str, paths)]
        done = runner.invoke(main, [*args, "--mapping", mapping] if mapping else args)
        assert done.exit_code == 0, done.output

    load(first)
    assert _conflicts_graph(store) == set()  # one source: nothing to compare
    load(DATA, mapping=None)
    load(second)
    incremental = _conflicts_graph(store)
    assert incremental == _rebuilt(store)
    shutil.rmtree(tmp_path / "rebuilt")
    with Store.open(store, read_only=True) as s:
        disagree = {(c.subject.rsplit("/", 1)[1], c.predicate.rsplit("#", 1)[1]) for c in find_conflicts(s)}  # fmt: skip
        agreed = {a.predicate.rsplit("#", 1)[1] for a in find_agreements(s)}
    assert ("the-glass-harbor", "director") in disagree
    assert ("beneath-the-glass-harbor", "runtimeMinutes") in disagree
    assert "castMember" in agreed  # the two tables state the same casts
    _edited_table(second, {"2": (",124,", ",131,")})  # the second table changes its mind
    load(second)
    assert _conflicts_graph(store) == _rebuilt(store)
    with Store.open(store, read_only=True) as s:
        disagree = {(c.subject.rsplit("/", 1)[1], c.predicate.rsplit("#", 1)[1]) for c in find_conflicts(s)}  # fmt: skip
    assert ("the-glass-harbor", "director") not in disagree
    assert ("beneath-the-glass-harbor", "runtimeMinutes") in disagree
