"""The named query library (queries/*.rq): documented columns, exact answers, safe parameters, CLI."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from rdflib import Literal, URIRef

from kg.cli import run
from kg.errors import KGInputError, UnknownNameError
from kg.ingest import load_paths
from kg.query import NamedQuery, named_queries, parse_named_query, run_named_query
from kg.store import Store

DATA = Path(__file__).resolve().parent / "data" / "queries"
SAMPLE = DATA / "sample.trig"
KGR = "https://w3id.org/filmkg/resource/"
WIKIDATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "structured" / "wikidata_films"
QUERIES = named_queries()


@pytest.fixture(scope="module")
def sample() -> Iterator[Store]:
    with Store.memory() as store:
        load_paths(store, [SAMPLE], progress=False)
        yield store


@pytest.fixture(scope="module")
def demo() -> Iterator[Store]:
    """What `make demo` loads (data/sample: the table and the articles) plus the test fixture."""
    sample_data = Path(__file__).resolve().parents[1] / "data" / "sample"
    with Store.memory() as store:
        load_paths(store, [sample_data / "films.csv"], mapping="films_sample", progress=False)
        load_paths(store, [sample_data / "articles", SAMPLE], progress=False)
        yield store


@pytest.fixture(scope="module")
def sample_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("queries") / "store"
    with Store.open(path) as store:
        load_paths(store, [SAMPLE], progress=False)
    return path


def _values(store: Store, name: str, params: dict[str, str] | None = None) -> list[tuple[str, ...]]:
    rows = run_named_query(store, name, params or {}).rows()
    return [tuple("" if t is None else str(t) for t in row) for row in rows]


# --- every query, against the sample graph -----------------------------------------------------


def test_library_has_at_least_15_documented_queries() -> None:
    assert len(QUERIES) >= 15
    for query in QUERIES.values():
        assert query.title and query.description and query.columns, query.name
        for param in query.params:
            assert param.type in {"iri", "string", "integer", "date", "year"}
            assert param.example, f"{query.name}: parameter {param.name} has no example"


@pytest.mark.parametrize("name", sorted(QUERIES))
def test_query_columns_match_its_header(demo: Store, name: str) -> None:
    """Each query, run with the examples `kg query --list` shows, answers on the demo data."""
    query = QUERIES[name]
    result = run_named_query(demo, name, {p.name: p.example for p in query.params})
    assert result.columns == query.columns
    assert result.rows(), f"{name} finds nothing in the demo data with its own examples"
    required = {p.name: p.example for p in query.params if not p.optional}
    assert run_named_query(demo, name, required).columns == query.columns


def test_every_param_is_a_variable_of_its_query() -> None:
    for query in QUERIES.values():
        for param in query.params:
            assert f"?{param.name}" in query.text, f"{query.name}: ?{param.name} is not used"


# --- exact answers on the sample graph ----------------------------------------------------------


def test_cast_in_billing_order_with_characters(sample: Store) -> None:
    rows = _values(sample, "cast-of-film", {"film": "The Glass Harbor II"})
    assert [(r[1], r[2], r[3]) for r in rows] == [
        ("Tom Reyes", "Captain Ivo", "1"),
        ("Kim Sato", "Dr. Hale", "2"),
        ("Ana Pereira", "Lena", "3"),
    ]
    unbilled_last = _values(sample, "cast-of-film", {"film": "The Glass Harbor"})
    assert [r[1] for r in unbilled_last] == ["Tom Reyes", "Ana Pereira", "Jonas Berg"]


def test_series_in_order(sample: Store) -> None:
    rows = _values(sample, "series-entries", {"series": "The Glass Harbor series"})
    assert [(r[0], r[2]) for r in rows] == [
        ("1", "The Glass Harbor"),
        ("2", "The Glass Harbor II"),
        ("3", "The Glass Harbor III"),
    ]


def test_two_roles_on_one_film(sample: Store) -> None:
    rows = _values(sample, "multiple-roles-on-film")
    found = {(r[1], r[3], frozenset(r[4].split(", "))) for r in rows}
    assert found == {
        ("Mara Lindqvist", "The Glass Harbor", frozenset({"director", "screenwriter"})),
        ("Tom Reyes", "The Glass Harbor", frozenset({"castMember", "producer"})),
    }


def test_sources_disagree_on_a_release_date(sample: Store) -> None:
    rows = _values(sample, "source-disagreements")
    assert len(rows) == 1
    subject, _label, prop, value, source, other, other_source = rows[0]
    assert subject == KGR + "film/the-glass-harbor-ii"
    assert prop.endswith("#releaseDate")
    assert {value, other} == {"2022-03-04", "2022-03-18"}
    assert "harbor-article" in source + other_source


def test_sources_behind_a_fact_give_the_sentence(sample: Store) -> None:
    rows = _values(
        sample, "fact-sources", {"subject": "The Glass Harbor II", "predicate": "kg:director"}
    )
    by_path = {r[3]: r for r in rows}
    assert set(by_path) == {"articles/harbor-sequel.txt", str(SAMPLE.resolve())}
    article = by_path["articles/harbor-sequel.txt"]
    assert article[4].startswith("The Glass Harbor II, directed by Mara Lindqvist")
    assert (article[5], article[6], article[7]) == ("120", "191", "0.9")
    assert by_path[str(SAMPLE.resolve())][4] == ""  # the table has no sentence


def test_date_range_and_year(sample: Store) -> None:
    rows = _values(sample, "films-released-between", {"from": "2021-01-01", "to": "2022-03-10"})
    assert [(r[1], r[2]) for r in rows] == [
        ("Quiet Orchard", "2021-09-03"),
        ("The Glass Harbor II", "2022-03-04"),
    ]
    assert [r[1] for r in _values(sample, "films-of-year", {"year": "2022"})] == [
        "The Glass Harbor II"
    ]


def test_counts_and_wikidata_links(sample: Store) -> None:
    counts = {(r[0], r[1].rsplit("#", 1)[-1]): r[2] for r in _values(sample, "counts-by-type")}
    assert counts[("class", "Film")] == "4"
    assert counts[("class", "Person")] == "5"
    assert counts[("role", "castMember")] == "10"
    links = {(r[1], r[3]) for r in _values(sample, "wikidata-links")}
    assert links == {
        ("Mara Lindqvist", "http://www.wikidata.org/entity/Q90000001"),
        ("Kim Sato", "http://www.wikidata.org/entity/Q90000002"),
        ("The Glass Harbor", "http://www.wikidata.org/entity/Q90000010"),
    }


def test_optional_and_default_params(sample: Store) -> None:
    query = QUERIES["director-actor-pairs"]
    assert query.params[0].default == "2" and query.params[0].optional
    assert len(_values(sample, "director-actor-pairs")) == 2  # default min=2
    assert len(_values(sample, "director-actor-pairs", {"min": "1"})) > 2
    every_fact = _values(sample, "fact-sources", {"subject": "The Glass Harbor II"})
    assert len(every_fact) > len(
        _values(
            sample, "fact-sources", {"subject": "The Glass Harbor II", "predicate": "kg:director"}
        )
    )


def test_header_parser_stays_backwards_compatible() -> None:
    text = '# title: T\n# description: D\n# param: film iri "Heat"\n# param: n integer "3" default=5\n# param: r iri "kg:x" optional\n# columns: a, b\nSELECT ?a ?b WHERE {}'
    query = parse_named_query("t", text)
    assert [(p.name, p.type, p.example, p.optional, p.default) for p in query.params] == [
        ("film", "iri", "Heat", False, None),
        ("n", "integer", "3", True, "5"),
        ("r", "iri", "kg:x", True, None),
    ]
    with pytest.raises(KGInputError, match="unknown option"):
        parse_named_query("t", '# param: film iri "Heat" sometimes\nSELECT * {}')


# --- parameters: labels or IRIs, and never part of the query text --------------------------------


@pytest.mark.parametrize(
    "given",
    [
        "The Glass Harbor",
        f"{KGR}film/the-glass-harbor",
        f"<{KGR}film/the-glass-harbor>",
        "kgr:film/the-glass-harbor",
        "The Glass Harbor (2019)",
    ],
)
def test_param_as_label_or_iri(sample: Store, given: str) -> None:
    rows = _values(sample, "cast-of-film", {"film": given})
    assert [r[1] for r in rows] == ["Tom Reyes", "Ana Pereira", "Jonas Berg"]


def test_param_by_alternative_label(sample: Store) -> None:
    assert _values(sample, "filmography", {"person": "Tommy Reyes"}) == _values(
        sample, "filmography", {"person": "Tom Reyes"}
    )


def test_unknown_label_is_a_clear_error(sample: Store) -> None:
    with pytest.raises(
        UnknownNameError, match=r"nothing in the store is labelled 'Nobody'\. Check"
    ):
        run_named_query(sample, "cast-of-film", {"film": "Nobody"})


@pytest.mark.parametrize(
    "hostile",
    ['"} ; DROP ALL #', 'x"} ; DROP ALL #\n} SELECT * WHERE { ?s ?p ?o', "a\nb", "\\u0022) }"],
)
def test_hostile_param_values_are_plain_strings(hostile: str) -> None:
    with Store.memory() as store:
        load_paths(store, [SAMPLE], progress=False)
        film = URIRef(KGR + "film/odd")
        with store.writing():
            store.add_triples(
                "urn:test:odd",
                [
                    (
                        film,
                        URIRef("https://w3id.org/filmkg/ontology#title"),
                        Literal(f"Odd {hostile} title"),
                    )
                ],
            )
        before = len(store.query("SELECT * WHERE { GRAPH ?g { ?s ?p ?o } }").rows())
        rows = _values(store, "search-titles", {"text": hostile})
        assert [r[1] for r in rows] == [f"Odd {hostile} title"]
        with pytest.raises(UnknownNameError):  # looked up as a label, found nowhere
            run_named_query(store, "cast-of-film", {"film": hostile})
        assert len(store.query("SELECT * WHERE { GRAPH ?g { ?s ?p ?o } }").rows()) == before


def test_typed_params_are_checked(sample: Store) -> None:
    with pytest.raises(KGInputError, match="must be a date"):
        run_named_query(sample, "films-released-between", {"from": "2019", "to": "2020-01-01"})
    with pytest.raises(KGInputError, match="must be an integer"):
        run_named_query(sample, "director-actor-pairs", {"min": "two"})
    with pytest.raises(KGInputError, match="needs film"):
        run_named_query(sample, "cast-of-film", {})
    with pytest.raises(KGInputError, match="has no parameter"):
        run_named_query(sample, "cast-of-film", {"film": "The Glass Harbor", "flim": "x"})


# --- the CLI --------------------------------------------------------------------------------------


def test_cli_list(sample_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["--store", str(sample_dir), "query", "--list"]) == 0
    out = capsys.readouterr().out
    for name, query in QUERIES.items():
        assert f"{name}: {query.title}" in out
    assert '[--param predicate="kg:director"]' in out  # optional parameters are marked
    assert 'kg query --name cast-of-film --param film="The Glass Harbor"' in out


def test_cli_named_query_with_param(sample_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = run(
        [
            "--store",
            str(sample_dir),
            "query",
            "--name",
            "cast-of-film",
            "--param",
            "film=The Glass Harbor II",
            "--format",
            "json",
        ]
    )
    assert code == 0
    data = json.loads(capsys.readouterr().out)
    assert data["head"]["vars"] == QUERIES["cast-of-film"].columns
    assert [b["character"]["value"] for b in data["results"]["bindings"]] == [
        "Captain Ivo",
        "Dr. Hale",
        "Lena",
    ]
    assert (
        run(
            [
                "--store",
                str(sample_dir),
                "query",
                "--name",
                "films-by-director",
                "--param",
                "director=Mara Lindqvist",
            ]
        )
        == 0
    )
    assert "The Glass Harbor II" in capsys.readouterr().out


def test_cli_errors_exit_2(sample_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["--store", str(sample_dir), "query", "--name", "no-such-query"]) == 2
    assert "no named query" in capsys.readouterr().err
    assert (
        run(
            [
                "--store",
                str(sample_dir),
                "query",
                "--name",
                "cast-of-film",
                "--param",
                "film=Nobody",
            ]
        )
        == 2
    )
    assert "Nobody" in capsys.readouterr().err


# --- exact answers on the Wikidata films table (slow: loads 1.85 M triples) ---------------------


def _split(cell: str) -> list[str]:
    """Split a ", "-joined cell the way the wikidata_films mapping does (suffixes glued back)."""
    suffixes = {
        "Jr.",
        "Jr",
        "Sr.",
        "Sr",
        "II",
        "III",
        "IV",
        "Inc.",
        "Inc",
        "Ltd.",
        "Ltd",
        "LLC",
        "Co.",
    }
    out: list[str] = []
    for item in (i.strip() for i in cell.split(", ")):
        if not item:
            continue
        if item in suffixes and out:
            out[-1] = f"{out[-1]}, {item}"
        else:
            out.append(item)
    return out


@pytest.fixture(scope="module")
def wikidata() -> Iterator[tuple[Store, list[dict[str, str]]]]:
    table = WIKIDATA / "omdb.csv"
    if not table.is_file():
        pytest.skip(f"the Wikidata films table is not at {table}")
    with table.open(encoding="utf-8", newline="") as handle:
        films = list(csv.DictReader(handle))
    with Store.memory() as store:
        load_paths(store, [table], mapping="wikidata_films", progress=False)
        yield store, films


def _query(name: str) -> NamedQuery:
    return QUERIES[name]


@pytest.mark.slow
def test_wikidata_films_by_director(wikidata: tuple[Store, list[dict[str, str]]]) -> None:
    store, films = wikidata
    expected = {
        (f["Title"], f["Year"]) for f in films if "Alfred Hitchcock" in _split(f["Director"])
    }
    rows = _values(store, "films-by-director", {"director": "Alfred Hitchcock"})
    assert {(r[1], r[2]) for r in rows} == expected
    assert len(expected) > 10


@pytest.mark.slow
def test_wikidata_cast_of_film(wikidata: tuple[Store, list[dict[str, str]]]) -> None:
    store, films = wikidata
    (heat,) = [f for f in films if f["Title"] == "Heat" and f["Year"] == "1995"]
    rows = _values(store, "cast-of-film", {"film": "Heat (1995)"})
    assert sorted(r[1] for r in rows) == sorted(_split(heat["Cast"]))
    assert all(r[2] == "" and r[3] == "" for r in rows)  # the table has no characters or billing


@pytest.mark.slow
def test_wikidata_films_of_a_year_and_date_range(
    wikidata: tuple[Store, list[dict[str, str]]],
) -> None:
    store, films = wikidata
    of_year = {f["ID"] for f in films if f["Year"] == "1995"}
    assert len(_values(store, "films-of-year", {"year": "1995"})) == len(of_year)
    in_range = {
        (f["Title"], f["Released"]) for f in films if "1995-01-01" <= f["Released"] <= "1995-03-31"
    }
    rows = _values(store, "films-released-between", {"from": "1995-01-01", "to": "1995-03-31"})
    assert {(r[1], r[2]) for r in rows} == in_range


@pytest.mark.slow
def test_wikidata_filmography(wikidata: tuple[Store, list[dict[str, str]]]) -> None:
    store, films = wikidata
    person = "Clint Eastwood"
    column_role = {"Director": "Director", "Writer": "Screenwriter", "Cast": "CastMember"}
    expected = {
        (f["Title"], f["Year"], role)
        for f in films
        for column, role in column_role.items()
        if person in _split(f[column])
    }
    rows = _values(store, "filmography", {"person": person})
    assert {(r[1], r[2], r[3]) for r in rows} == expected


@pytest.mark.slow
def test_wikidata_search_and_counts(wikidata: tuple[Store, list[dict[str, str]]]) -> None:
    store, films = wikidata
    expected = {(f["Title"], f["Year"]) for f in films if "godfather" in f["Title"].lower()}
    rows = _values(store, "search-titles", {"text": "Godfather"})
    assert {(r[1], r[2]) for r in rows} == expected
    counts = {(r[0], r[1].rsplit("#", 1)[-1]): int(r[2]) for r in _values(store, "counts-by-type")}
    assert counts[("class", "Film")] == len({f["ID"] for f in films})
    directors = {(f["ID"], d) for f in films for d in _split(f["Director"])}
    assert counts[("role", "director")] == len(directors)
    assert _query("counts-by-type").columns == ["kind", "type", "count", "people"]
