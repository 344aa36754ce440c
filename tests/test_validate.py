"""kg validate: SHACL shapes against fixtures in our data model, through the API and the CLI."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from rdflib import Graph
from rdflib.namespace import SH

from kg.cli import run
from kg.errors import KGCheckFailed, KGInputError
from kg.ingest import load_paths
from kg.store import Store
from kg.validate import validate

DATA = Path(__file__).parent / "data" / "validate"
GOOD, BAD = DATA / "good.ttl", DATA / "bad.ttl"
SHAPES = "https://w3id.org/filmkg/shapes#"
KGR = "https://w3id.org/filmkg/resource/"

# (shape, focus) of every violation planted in bad.ttl
EXPECTED = {
    ("Film-title", "film/untitled"),
    ("Film-title", "film/two-titles"),
    ("FilmOneUntaggedTitleShape", "film/twice-named"),
    ("Film-year", "film/too-early"),
    ("Film-releaseDate", "film/too-early"),
    ("Film-director", "film/odd-links"),
    ("Film-productionCompany", "film/odd-links"),
    ("Credit-person", "credit/dangling"),
    ("Credit-role", "credit/dangling"),
    ("NotOwnCoStarShape", "person/echo-actor"),
}


def _found(report: object) -> set[tuple[str, str]]:
    return {
        (r.shape.removeprefix(SHAPES), r.focus.removeprefix(KGR))
        for r in report.results  # type: ignore[attr-defined]
    }


@pytest.fixture
def loaded(memory_store: Store) -> Store:
    load_paths(memory_store, [GOOD, BAD], progress=False)
    return memory_store


def test_conforming_sample_passes() -> None:
    report = validate(GOOD)
    assert report.conforms, report.to_text()
    assert report.results == []


@pytest.mark.parametrize("engine", ["fast", "pyshacl"])
def test_each_violation_reported_with_shape(engine: str) -> None:
    report = validate(BAD, engine=engine)  # type: ignore[arg-type]
    assert not report.conforms
    assert _found(report) == EXPECTED


def test_results_name_source_document(loaded: Store) -> None:
    report = validate(loaded)
    assert _found(report) == EXPECTED
    for result in report.results:
        assert result.sources, result
        assert all(s.path == str(BAD.resolve()) for s in result.sources), result
    by_focus = {(r.focus.removeprefix(KGR), r.constraint): r for r in report.results}
    early = by_focus[("film/too-early", "Node")]
    assert early.value == "1850-05-01"
    assert early.path == "https://w3id.org/filmkg/ontology#releaseDate"
    assert early.focus_label == "Too Early"
    director = by_focus[("film/odd-links", "Class")]
    assert director.severity == "Violation"


def test_sample_table_conforms(memory_store: Store) -> None:
    load_paths(memory_store, ["data/sample/films.csv"], mapping="films_sample", progress=False)
    assert validate(memory_store).conforms


def test_report_formats(loaded: Store) -> None:
    report = validate(loaded)
    text = report.to_text()
    assert "kgsh:Film-director" in text and "bad.ttl" in text
    payload = json.loads(report.to_json())
    assert payload["conforms"] is False and len(payload["results"]) == len(report.results)
    graph = Graph().parse(data=report.to_turtle(), format="turtle")
    assert len(list(graph.subjects(SH.focusNode, None))) == len(report.results)


def test_cli_exit_codes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["validate", str(GOOD)]) == 0
    assert capsys.readouterr().out.startswith("conforms")
    assert run(["validate", str(BAD), "--format", "json"]) == 1
    out = capsys.readouterr().out
    assert json.loads(out)["conforms"] is False
    assert run(["validate", str(BAD), "--format", "ttl"]) == 1
    assert "sh:ValidationReport" in capsys.readouterr().out
    assert run(["validate", str(tmp_path / "missing.ttl")]) == 2
    assert run(["validate", str(DATA / "broken.ttl")]) == 2
    empty = tmp_path / "empty.ttl"
    empty.write_text("")
    assert run(["validate", str(empty)]) == 2
    assert run(["validate", str(GOOD), "--format", "xml"]) == 2


def test_cli_validates_store(tmp_path: Path) -> None:
    store = tmp_path / "store"
    assert run(["--store", str(store), "load", "-q", str(GOOD)]) == 0
    assert run(["--store", str(store), "validate"]) == 0
    assert run(["--store", str(store), "load", "-q", str(BAD)]) == 0
    assert run(["--store", str(store), "validate"]) == 1
    assert run(["--store", str(tmp_path / "nothing"), "validate"]) == 2


def _snapshot(store: Store) -> set[tuple[object, ...]]:
    return set(store.triples())


def test_load_validate_refuses_and_leaves_store_unchanged(memory_store: Store) -> None:
    load_paths(memory_store, [GOOD], progress=False)
    before = _snapshot(memory_store)
    from kg.validate import require_valid

    with pytest.raises(KGCheckFailed, match="violation"):
        load_paths(memory_store, [BAD], progress=False, validate=require_valid)
    assert _snapshot(memory_store) == before


def test_cli_load_validate_on_disk(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    store = tmp_path / "store"
    assert run(["--store", str(store), "load", "-q", "--validate", str(GOOD)]) == 0
    with Store.open(store, read_only=True) as opened:
        before = _snapshot(opened)
    capsys.readouterr()
    assert run(["--store", str(store), "load", "-q", "--validate", str(BAD)]) == 1
    err = capsys.readouterr().err
    assert "bad.ttl" in err and "Nothing was loaded" in err
    with Store.open(store, read_only=True) as opened:
        assert _snapshot(opened) == before


def test_bad_shapes_file(tmp_path: Path) -> None:
    with pytest.raises(KGInputError):
        validate(GOOD, shapes=tmp_path / "none.ttl")
