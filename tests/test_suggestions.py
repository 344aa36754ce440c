"""Suggestions wherever a name is typed, and warnings for terms the ontology does not have."""

from __future__ import annotations

import threading
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import main
from kg.query import unknown_terms
from kg.serve import ServeConfig, make_server

SAMPLE = Path(__file__).resolve().parent.parent / "data" / "sample"


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("suggest") / "store"
    result = CliRunner().invoke(
        main,
        [
            "--store",
            str(path),
            "load",
            "-q",
            str(SAMPLE / "films.csv"),
            "--mapping",
            "films_sample",
        ],
    )
    assert result.exit_code == 0, result.output
    return path


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["query", "--name", "cast-of-flm"], "did you mean 'cast-of-film'?"),
        (["query", "--name", "cast-of-film", "--param", "flm=The Glass Harbor"], "did you mean 'film'?"),
        (["query", "--name", "cast-of-film", "--param", "film=The Glas Harbor"], "did you mean 'The Glass Harbor'?"),
        (["query", "--name", "filmography", "--param", "person=Tomas Fereira"], "did you mean 'Tomas Ferreira'?"),
        (["explain", "Tomas Fereira"], "did you mean Tomas Ferreira?"),
        (["network", "path", "Tomas Fereira", "Dev Raman"], "did you mean: Tomas Ferreira?"),
        (["network", "stats", "-p", "co-stars"], "did you mean co-star?"),
        (["ask", "who directed The Glas Harbor?"], "did you mean 'The Glass Harbor'"),
    ],
)  # fmt: skip
def test_names_get_suggestions(store: Path, args: list[str], expected: str) -> None:
    result = CliRunner().invoke(main, ["--store", str(store), *args])
    assert result.exit_code in (1, 2)
    assert expected in result.output


def test_unknown_ontology_terms_are_warned_about(store: Path) -> None:
    result = CliRunner().invoke(
        main, ["--store", str(store), "query", "SELECT ?t WHERE { ?f kg:titel ?t }"]
    )
    assert result.exit_code == 0
    assert "warning: kg:titel is not a term of the ontology" in result.output
    assert "did you mean 'kg:title'?" in result.output
    assert unknown_terms("SELECT ?t WHERE { ?f kg:title ?t ; rdfs:label 'kg:titel' }") == []
    assert unknown_terms("PREFIX kg: <http://example.org/> SELECT * { ?s kg:titel ?o }") == []
    assert unknown_terms("SELECT * { ?s <https://w3id.org/filmkg/ontology#titel> ?o }")


def test_the_endpoint_warns_in_a_header(store: Path) -> None:
    server = make_server(ServeConfig(store=store, port=0))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        query = urllib.parse.quote("SELECT ?t WHERE { ?f kg:titel ?t }")
        with urllib.request.urlopen(f"{server.url}sparql?query={query}") as answer:
            assert "kg:titel" in answer.headers["X-KG-Warning"]
    finally:
        server.shutdown()
        server.server_close()
