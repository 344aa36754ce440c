"""``kg serve`` tested with real clients: SPARQLWrapper, plain HTTP, and headless Chromium."""

from __future__ import annotations

import csv
import io
import json
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from browser import chromium
from click.testing import CliRunner
from rdflib import Graph
from SPARQLWrapper import CSV, JSON, JSONLD, N3, RDFXML, TSV, TURTLE, XML
from SPARQLWrapper import SPARQLWrapper as Wrapper
from SPARQLWrapper.SPARQLExceptions import QueryBadFormed

from kg.cli import main
from kg.errors import KGInputError
from kg.ingest import load_paths
from kg.serve import ServeConfig, make_server
from kg.serve.app import SparqlServer
from kg.store import Store

SAMPLE = Path(__file__).resolve().parent / "data" / "queries" / "sample.trig"
ARTICLE = "https://w3id.org/filmkg/source/harbor-article"
KG = "https://w3id.org/filmkg/ontology#"
PREFIX = f"PREFIX kg: <{KG}>\n"
TOKEN = "s3cret-token"


@pytest.fixture(scope="module")
def store_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("serve") / "store"
    with Store.open(path) as store:
        load_paths(store, [SAMPLE], progress=False)
    return path


def _start(config: ServeConfig) -> SparqlServer:
    server = make_server(config)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def _stop(server: SparqlServer) -> None:
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="module")
def server(store_dir: Path) -> Iterator[SparqlServer]:
    srv = _start(ServeConfig(store=store_dir, port=0, timeout=20))
    yield srv
    _stop(srv)


@pytest.fixture(scope="module")
def writable(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SparqlServer]:
    path = tmp_path_factory.mktemp("serve-rw") / "store"
    with Store.open(path) as store:
        load_paths(store, [SAMPLE], progress=False)
    srv = _start(ServeConfig(store=path, port=0, allow_update=True, token=TOKEN))
    yield srv
    _stop(srv)


def _endpoint(server: SparqlServer, fmt: str | None = None) -> Wrapper:
    client = Wrapper(server.url + "sparql")
    if fmt is not None:
        client.setReturnFormat(fmt)
    return client


def _http(
    url: str, data: bytes | None = None, headers: dict[str, str] | None = None
) -> tuple[int, str, bytes]:
    request = urllib.request.Request(url, data=data, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            return response.status, response.headers["Content-Type"], response.read()
    except urllib.error.HTTPError as err:
        return err.code, err.headers["Content-Type"], err.read()


SELECT = PREFIX + "SELECT ?title WHERE { ?f kg:title ?title } ORDER BY ?title"
# The table and the article both state the title of The Glass Harbor II: one triple in the
# default graph, the RDF merge of the sources (decision 0007).
TITLES = [
    "Quiet Orchard",
    "The Glass Harbor",
    "The Glass Harbor II",
    "The Glass Harbor III",
]


def _convert(client: Wrapper) -> Any:
    """SPARQLWrapper's answer, typed loosely: its type depends on the return format."""
    return client.queryAndConvert()


# --- SPARQLWrapper: SELECT / ASK / CONSTRUCT in every format --------------------------------------


def test_select_json(server: SparqlServer) -> None:
    client = _endpoint(server, JSON)
    client.setQuery(SELECT)
    data = _convert(client)
    assert [b["title"]["value"] for b in data["results"]["bindings"]] == TITLES


def test_select_xml(server: SparqlServer) -> None:
    client = _endpoint(server, XML)
    client.setQuery(SELECT)
    document = _convert(client)
    literals = [n.firstChild.data for n in document.getElementsByTagName("literal")]
    assert literals == TITLES


@pytest.mark.parametrize(("fmt", "delimiter"), [(CSV, ","), (TSV, "\t")])
def test_select_csv_tsv(server: SparqlServer, fmt: str, delimiter: str) -> None:
    client = _endpoint(server, fmt)
    client.setQuery(SELECT)
    text = _convert(client).decode("utf-8")
    if fmt == CSV:
        rows = list(csv.reader(io.StringIO(text), delimiter=delimiter))
    else:  # TSV cells are RDF terms in Turtle syntax: no CSV quoting rules
        rows = [line.split(delimiter) for line in text.splitlines()]
    assert rows[0] == (["title"] if fmt == CSV else ["?title"])
    values = [r[0] for r in rows[1:]]
    assert values == (TITLES if fmt == CSV else [f'"{t}"' for t in TITLES])


def test_ask(server: SparqlServer) -> None:
    client = _endpoint(server, JSON)
    client.setQuery(PREFIX + 'ASK { ?f kg:title "Quiet Orchard" }')
    assert _convert(client)["boolean"] is True
    client.setQuery(PREFIX + 'ASK { ?f kg:title "Nope" }')
    assert _convert(client)["boolean"] is False
    client.setReturnFormat(XML)
    client.setQuery(PREFIX + 'ASK { ?f kg:title "Quiet Orchard" }')
    assert _convert(client).getElementsByTagName("boolean")[0].firstChild.data == "true"


CONSTRUCT = PREFIX + "CONSTRUCT { ?f kg:director ?d } WHERE { ?f kg:director ?d }"


@pytest.mark.parametrize("fmt", [TURTLE, N3, JSONLD, RDFXML, XML])
def test_construct_every_format(server: SparqlServer, fmt: str) -> None:
    client = _endpoint(server, fmt)
    client.setQuery(CONSTRUCT)
    result = client.query()
    converted: Any = result.convert()
    if isinstance(converted, Graph):
        graph = converted
    else:
        rdf_format = {TURTLE: "turtle", N3: "turtle", JSONLD: "json-ld"}[fmt]
        graph = Graph().parse(data=converted, format=rdf_format)
    assert len(graph) == 4  # four films, one director each (duplicates across sources merged)


@pytest.mark.parametrize(
    ("accept", "rdf_format"),
    [
        ("application/n-triples", "nt"),
        ("text/turtle", "turtle"),
        ("application/ld+json", "json-ld"),
    ],
)
def test_construct_by_accept(server: SparqlServer, accept: str, rdf_format: str) -> None:
    args = urllib.parse.urlencode({"query": CONSTRUCT})
    status, kind, body = _http(server.url + "sparql?" + args, headers={"Accept": accept})
    assert status == 200 and kind.startswith(accept)
    assert len(Graph().parse(data=body.decode(), format=rdf_format)) == 4


def test_describe(server: SparqlServer) -> None:
    client = _endpoint(server, TURTLE)
    client.setQuery("DESCRIBE <https://w3id.org/filmkg/resource/person/kim-sato>")
    graph = Graph().parse(data=_convert(client), format="turtle")
    assert any(str(o) == "Kim Sato" for o in graph.objects())


def test_invalid_query_is_400_with_the_parser_message(server: SparqlServer) -> None:
    client = _endpoint(server, JSON)
    client.setQuery("SELECT ?x WHERE { ?x ?y }")
    with pytest.raises(QueryBadFormed) as info:
        client.query()
    assert "invalid SPARQL: error at 1:" in str(info.value)


def test_default_and_named_graphs(server: SparqlServer) -> None:
    client = _endpoint(server, JSON)
    client.setQuery(PREFIX + "SELECT ?d WHERE { ?f kg:releaseDate ?d } ORDER BY ?d")
    client.addDefaultGraph(ARTICLE)
    assert [b["d"]["value"] for b in _convert(client)["results"]["bindings"]] == ["2022-03-04"]
    named = _endpoint(server, JSON)
    named.setQuery("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }")
    named.addNamedGraph(ARTICLE)
    assert [b["g"]["value"] for b in _convert(named)["results"]["bindings"]] == [ARTICLE]


def test_update_refused_403(server: SparqlServer) -> None:
    client = _endpoint(server)
    client.setMethod("POST")
    client.setQuery("INSERT DATA { <urn:a> <urn:b> <urn:c> }")
    with pytest.raises(urllib.error.HTTPError) as info:
        client.query()
    assert info.value.code == 403
    assert "--allow-update --token" in info.value.read().decode()


def test_update_with_token(writable: SparqlServer) -> None:
    url = writable.url + "sparql"
    update = b"INSERT DATA { GRAPH <urn:test:g> { <urn:a> <urn:b> <urn:c> } }"
    headers = {"Content-Type": "application/sparql-update"}
    assert _http(url, update, headers)[0] == 403  # no token
    assert _http(url, update, {**headers, "Authorization": "Bearer wrong"})[0] == 403
    status, _, body = _http(url, update, {**headers, "Authorization": f"Bearer {TOKEN}"})
    assert status == 204, body
    client = _endpoint(writable, JSON)
    client.setQuery("ASK { <urn:a> <urn:b> <urn:c> }")
    assert _convert(client)["boolean"] is True


# --- plain HTTP: methods, negotiation, limits ------------------------------------------------------


def test_get_and_both_posts(server: SparqlServer) -> None:
    url = server.url + "sparql"
    query = PREFIX + 'SELECT ?t WHERE { ?f kg:title ?t FILTER(?t = "Quiet Orchard") }'
    status, kind, body = _http(url + "?" + urllib.parse.urlencode({"query": query}))
    assert (status, kind) == (200, "application/sparql-results+json")
    form = urllib.parse.urlencode({"query": query}).encode()
    status2, _, body2 = _http(url, form, {"Content-Type": "application/x-www-form-urlencoded"})
    status3, _, body3 = _http(url, query.encode(), {"Content-Type": "application/sparql-query"})
    assert status2 == status3 == 200
    assert json.loads(body) == json.loads(body2) == json.loads(body3)


@pytest.mark.parametrize(
    ("accept", "param", "expected"),
    [
        ("text/csv", None, "text/csv; charset=utf-8"),
        ("text/tab-separated-values", None, "text/tab-separated-values; charset=utf-8"),
        ("application/sparql-results+xml", None, "application/sparql-results+xml; charset=utf-8"),
        (
            "text/csv;q=0.1, application/sparql-results+json",
            None,
            "application/sparql-results+json",
        ),
        ("*/*", "tsv", "text/tab-separated-values; charset=utf-8"),
        ("application/sparql-results+xml", "csv", "text/csv; charset=utf-8"),
    ],
)
def test_content_negotiation(
    server: SparqlServer, accept: str, param: str | None, expected: str
) -> None:
    args = {"query": SELECT} | ({"format": param} if param else {})
    status, kind, _ = _http(
        server.url + "sparql?" + urllib.parse.urlencode(args), headers={"Accept": accept}
    )
    assert (status, kind) == (200, expected)


def test_not_acceptable_and_bad_requests(server: SparqlServer) -> None:
    url = server.url + "sparql"
    status, _, body = _http(
        url + "?" + urllib.parse.urlencode({"query": SELECT}), headers={"Accept": "image/png"}
    )
    assert status == 406 and b"image/png" in body
    assert _http(url, b"x", {"Content-Type": "text/plain"})[0] == 415
    assert _http(url + "?query=")[0] == 400
    assert _http(server.url + "nowhere")[0] == 404


def test_named_query_api(server: SparqlServer) -> None:
    status, _, body = _http(server.url + "api/queries")
    listing = {q["name"]: q for q in json.loads(body)}
    assert status == 200 and "cast-of-film" in listing
    assert listing["cast-of-film"]["params"][0]["name"] == "film"
    args = urllib.parse.urlencode(
        {
            "name": "cast-of-film",
            "param.film": "The Glass Harbor II",
            "format": "csv",
            "download": "1",
        }
    )
    request = urllib.request.Request(server.url + "api/named?" + args)
    with urllib.request.urlopen(request) as response:
        assert response.headers["Content-Disposition"] == 'attachment; filename="results.csv"'
        rows = list(csv.reader(io.StringIO(response.read().decode())))
    assert [r[2] for r in rows[1:]] == ["Captain Ivo", "Dr. Hale", "Lena"]
    hostile = urllib.parse.urlencode({"name": "search-titles", "param.text": '"} ; DROP ALL #'})
    status, _, body = _http(server.url + "api/named?" + hostile)
    assert status == 200 and json.loads(body)["results"]["bindings"] == []


def test_time_limit(store_dir: Path) -> None:
    srv = _start(ServeConfig(store=store_dir, port=0, timeout=1.0, workers=1))
    try:
        slow = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
        started = time.monotonic()
        status, _, body = _http(srv.url + "sparql?" + urllib.parse.urlencode({"query": slow}))
        assert status == 503
        assert b"longer than 1 s" in body and b"--timeout" in body
        assert time.monotonic() - started < 10
        # the replacement worker answers the next query
        status, _, _ = _http(srv.url + "sparql?" + urllib.parse.urlencode({"query": SELECT}))
        assert status == 200
    finally:
        _stop(srv)


def test_row_limit(store_dir: Path) -> None:
    srv = _start(ServeConfig(store=store_dir, port=0, max_rows=3))
    try:
        for fmt in ("json", "xml", "csv", "tsv"):
            args = urllib.parse.urlencode({"query": SELECT, "format": fmt})
            status, _, body = _http(srv.url + "sparql?" + args)
            assert status == 500 and b"more than 3 rows" in body and b"--max-rows" in body, fmt
        ok = urllib.parse.urlencode({"query": SELECT + " LIMIT 3"})
        assert _http(srv.url + "sparql?" + ok)[0] == 200
    finally:
        _stop(srv)


def test_server_lets_a_writer_in(tmp_path: Path) -> None:
    path = tmp_path / "store"
    with Store.open(path) as store:
        load_paths(store, [SAMPLE], progress=False)
    srv = _start(ServeConfig(store=path, port=0))
    try:
        client = _endpoint(srv, JSON)
        client.setQuery("SELECT (COUNT(*) AS ?n) WHERE { <urn:new> ?p ?o }")
        assert _convert(client)["results"]["bindings"][0]["n"]["value"] == "0"
        started = time.monotonic()
        with Store.open(path, lock_timeout=10) as store, store.writing():  # like `kg load`
            store.add_triples("urn:test:new", [(_iri("urn:new"), _iri("urn:p"), _iri("urn:o"))])
        assert time.monotonic() - started < 5
        assert _convert(client)["results"]["bindings"][0]["n"]["value"] == "1"
    finally:
        _stop(srv)


def _iri(text: str):  # type: ignore[no-untyped-def]
    from rdflib import URIRef

    return URIRef(text)


def test_config_checks(tmp_path: Path, store_dir: Path) -> None:
    with pytest.raises(KGInputError, match="needs --token"):
        ServeConfig(store=store_dir, allow_update=True).check()
    with pytest.raises(KGInputError, match="no store at"):
        ServeConfig(store=tmp_path / "none").check()


def test_cli_help_has_an_example() -> None:
    result = CliRunner().invoke(main, ["serve", "--help"])
    assert result.exit_code == 0
    assert "kg serve --store .kg/store --port 7878" in result.output
    assert "--allow-update" in result.output and "--timeout" in result.output


# --- the page, in headless Chromium -----------------------------------------------------------------


@pytest.mark.browser
def test_query_page_runs_a_named_query(server: SparqlServer, tmp_path: Path) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as ec
    from selenium.webdriver.support.ui import Select, WebDriverWait

    with chromium(tmp_path) as driver:
        wait = WebDriverWait(driver, 30)
        driver.get(server.url)
        wait.until(lambda d: d.find_element(By.TAG_NAME, "body").get_attribute("data-ready") == "1")
        Select(driver.find_element(By.ID, "named")).select_by_value("cast-of-film")
        field = driver.find_element(By.ID, "param-film")
        field.clear()
        field.send_keys("The Glass Harbor II")
        driver.find_element(By.ID, "run").click()
        table = wait.until(ec.visibility_of_element_located((By.ID, "results")))
        headers = [th.text for th in table.find_elements(By.CSS_SELECTOR, "thead th")]
        assert headers == ["person", "name", "character", "billing"]
        rows = [
            [td.text for td in tr.find_elements(By.TAG_NAME, "td")]
            for tr in table.find_elements(By.CSS_SELECTOR, "tbody tr")
        ]
        assert [(r[1], r[2], r[3]) for r in rows] == [
            ("Tom Reyes", "Captain Ivo", "1"),
            ("Kim Sato", "Dr. Hale", "2"),
            ("Ana Pereira", "Lena", "3"),
        ]
        csv_link = driver.find_element(By.ID, "dl-csv").get_attribute("href")
        assert csv_link and "format=csv" in csv_link and "download=1" in csv_link
        # an invalid query shows the parser's message next to the editor
        driver.execute_script("kgEditor.setValue(arguments[0])", "SELECT ?x WHERE { ?x ?y }")
        driver.find_element(By.ID, "run").click()
        error = wait.until(ec.visibility_of_element_located((By.ID, "error")))
        assert "invalid SPARQL" in error.text
