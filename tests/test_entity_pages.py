"""Entity pages on ``kg serve``: content negotiation as curl sees it, the HTML a person sees, and
a browser that opens an entity page from a query result."""

from __future__ import annotations

import json
import threading
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from browser import chromium, off_machine, requested_urls, screenshot
from rdflib import Dataset, Graph, URIRef

from kg.entity import CreditRow, EntityDescription, describe, entity_dataset, neighbourhood
from kg.ingest import load_paths
from kg.serve import ServeConfig, make_server
from kg.serve.app import SparqlServer
from kg.store import Store

REPO = Path(__file__).resolve().parent.parent
SAMPLE = REPO / "data" / "sample"
RES = "https://w3id.org/filmkg/resource/"
KG = "https://w3id.org/filmkg/ontology#"


@pytest.fixture(scope="module")
def sample_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("pages") / "store"
    with Store.open(path) as store:
        load_paths(store, [SAMPLE / "films.csv"], mapping="films_sample", progress=False)
        load_paths(store, [SAMPLE / "articles"], progress=False)
    return path


@pytest.fixture(scope="module")
def server(sample_store: Path) -> Iterator[SparqlServer]:
    srv = make_server(ServeConfig(store=sample_store, port=0, timeout=30))
    threading.Thread(target=srv.serve_forever, daemon=True).start()
    yield srv
    srv.shutdown()
    srv.server_close()


def _get(url: str, accept: str | None = None) -> tuple[int, str, bytes]:
    request = urllib.request.Request(url, headers={"Accept": accept} if accept else {})
    try:
        with urllib.request.urlopen(request, timeout=30) as answer:
            return answer.status, answer.headers.get("Content-Type", ""), answer.read()
    except urllib.error.HTTPError as err:
        return err.code, err.headers.get("Content-Type", ""), err.read()


# --- the description, from Python ------------------------------------------------------------------


def test_describe_a_film_groups_credits_and_keeps_sources(sample_store: Path) -> None:
    with Store.open(sample_store, read_only=True) as store:
        page = describe(store, RES + "film/the-glass-harbor")
    assert page.kind == "film" and page.label == "The Glass Harbor"
    cast = [
        (c.billing, c.person_label, c.characters) for c in page.credits if c.role == "cast_member"
    ]
    assert cast[0] == (1, "Tomas Ferreira", ["Elias Varga"])
    directors = [c.person_label for c in page.credits if c.role == "director"]
    assert directors == ["Mara Lindqvist"]
    table = next(c for c in page.credits if c.role == "director").supports[0].source
    assert table.kind == "table" and table.path and table.path.endswith("films.csv")
    assert table.mapping and "films_sample" in table.mapping
    assert {r.region for r in page.releases} >= {"US", "GB"}


def test_describe_a_person_lists_article_evidence_with_rule(sample_store: Path) -> None:
    with Store.open(sample_store, read_only=True) as store:
        page = describe(store, RES + "person/tomas-ferreira")
    assert page.kind == "person"
    article = [
        s for c in page.credits for s in c.supports if s.source.kind == "article" and s.sentence
    ]
    assert article, "an article credit with its sentence"
    assert all(s.confidence is not None and 0 < s.confidence <= 1 for s in article)
    assert any(s.rule for s in article), "kg:extractionRule names the rule"


def test_ego_picture_of_a_big_cast_keeps_the_director() -> None:
    f = "https://w3id.org/filmkg/resource/film/heat"
    page = EntityDescription(f, "Heat", [], "film")
    page.credits = [CreditRow(f, "Heat", f"urn:p{i}", f"P{i}", "cast_member") for i in range(30)]
    page.credits.append(CreditRow(f, "Heat", "urn:mann", "Michael Mann", "director"))
    with Store.memory() as store:
        hood = neighbourhood(store, page)
    assert ("urn:mann", "Michael Mann", "director", 1) in hood.nodes and len(hood.nodes) == 20


def test_entity_dataset_keeps_one_graph_per_source(sample_store: Path) -> None:
    with Store.open(sample_store, read_only=True) as store:
        dataset = entity_dataset(store, RES + "person/tomas-ferreira")
    graphs = {str(g.identifier) for g in dataset.graphs() if len(g)}
    assert any("/source/films-csv-" in g for g in graphs)
    assert len(graphs) >= 2


# --- content negotiation, as curl sees it ----------------------------------------------------------


@pytest.mark.parametrize(
    ("accept", "media", "rdflib_format"),
    [
        ("text/turtle", "text/turtle", "turtle"),
        ("application/ld+json", "application/ld+json", "json-ld"),
        ("application/n-triples", "application/n-triples", "nt"),
        ("application/trig", "application/trig", "trig"),
        ("application/n-quads", "application/n-quads", "nquads"),
    ],
)
def test_content_negotiation_for_machines(
    server: SparqlServer, accept: str, media: str, rdflib_format: str
) -> None:
    status, kind, body = _get(server.url + "resource/film/the-glass-harbor", accept)
    assert status == 200 and kind.startswith(media)
    if rdflib_format in ("trig", "nquads", "json-ld"):
        data: Graph | Dataset = Dataset()
        data.parse(data=body.decode("utf-8"), format=rdflib_format)
        triples = {(s, p, o) for s, p, o, _ in data.quads((None, None, None, None))}
    else:
        data = Graph().parse(data=body.decode("utf-8"), format=rdflib_format)
        triples = set(data)
    film = URIRef(RES + "film/the-glass-harbor")
    assert (film, URIRef(KG + "director"), URIRef(RES + "person/mara-lindqvist")) in triples
    # provenance: the source describes itself
    assert any(p == URIRef(KG + "sourcePath") for _, p, _ in triples)


def test_browsers_and_curl_get_html(server: SparqlServer) -> None:
    for accept in ("text/html,application/xhtml+xml,*/*;q=0.8", None):
        status, kind, body = _get(server.url + "resource/person/tomas-ferreira", accept)
        assert status == 200 and kind.startswith("text/html")
        text = body.decode("utf-8")
        assert "<h1>Tomas Ferreira</h1>" in text
        assert 'href="/resource/film/the-glass-harbor"' in text  # links stay on this server
        assert "<svg" in text  # the ego picture


def test_a_link_stated_on_the_page_is_not_listed_again_under_linked_from(
    server: SparqlServer,
) -> None:
    text = _get(server.url + "resource/film/the-glass-harbor")[2].decode("utf-8")
    assert text.count('href="/resource/film/beneath-the-glass-harbor"') == 1  # in Series only
    text = _get(server.url + "resource/film/beneath-the-glass-harbor")[2].decode("utf-8")
    assert 'href="/resource/film/the-glass-harbor"' in text  # "Follows", whichever way stated


def test_format_parameter_wins_and_bad_ones_say_what_exists(server: SparqlServer) -> None:
    status, kind, _ = _get(server.url + "resource/film/the-glass-harbor?format=ttl", "text/html")
    assert status == 200 and kind.startswith("text/turtle")
    status, _, body = _get(server.url + "resource/film/the-glass-harbor?format=png")
    assert status == 406 and b"ttl, jsonld" in body
    status, _, body = _get(server.url + "resource/film/no-such-film", "text/turtle")
    assert status == 404 and b"no-such-film" in body
    status, kind, body = _get(server.url + "resource/film/no-such-film")
    assert status == 404 and kind.startswith("text/html") and b"Not in this graph" in body


def test_sources_and_any_iri_have_pages(server: SparqlServer, sample_store: Path) -> None:
    with Store.open(sample_store, read_only=True) as store:
        source = next(g for g in store.named_graphs() if "/source/films-csv-" in g)
    path = source.removeprefix("https://w3id.org/filmkg/")
    status, _, body = _get(server.url + path)
    assert status == 200 and b"films.csv" in body
    status, _, body = _get(
        server.url + "resource?iri=" + urllib.parse.quote(RES + "film/the-glass-harbor"),
        "text/turtle",
    )
    assert status == 200 and b"kg:director" in body


def test_base_option_serves_another_prefix(tmp_path: Path) -> None:
    ttl = tmp_path / "x.ttl"
    ttl.write_text(
        "@prefix kg: <https://w3id.org/filmkg/ontology#> .\n"
        "<http://films.example.org/id/heat> a kg:Film ; <http://www.w3.org/2000/01/rdf-schema#label> 'Heat' ;\n"
        "  kg:director <http://films.example.org/id/mann> .\n"
        "<http://films.example.org/id/mann> a kg:Person ; <http://www.w3.org/2000/01/rdf-schema#label> 'Michael Mann' .\n",
        encoding="utf-8",
    )
    with Store.open(tmp_path / "store") as store:
        load_paths(store, [ttl], progress=False)
    srv = make_server(
        ServeConfig(store=tmp_path / "store", port=0, base="http://films.example.org/")
    )
    threading.Thread(target=srv.serve_forever, daemon=True).start()
    try:
        status, _, body = _get(srv.url + "id/heat")
        assert status == 200 and b'href="/id/mann"' in body
        status, _, body = _get(srv.url + "api/config")
        assert json.loads(body) == {"base": "http://films.example.org/"}
    finally:
        srv.shutdown()
        srv.server_close()
    with pytest.raises(Exception, match="--base"):
        ServeConfig(store=tmp_path / "store", base="films").check()


# --- in a browser ----------------------------------------------------------------------------------


@pytest.mark.browser
def test_open_an_entity_page_from_a_query_result(server: SparqlServer, tmp_path: Path) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as ec
    from selenium.webdriver.support.ui import Select, WebDriverWait

    with chromium(tmp_path) as driver:
        wait = WebDriverWait(driver, 30)
        driver.get(server.url)
        wait.until(lambda d: d.find_element(By.TAG_NAME, "body").get_attribute("data-ready") == "1")
        Select(driver.find_element(By.ID, "named")).select_by_value("cast-of-film")
        driver.find_element(By.ID, "run").click()
        wait.until(ec.visibility_of_element_located((By.ID, "results")))
        link = wait.until(
            ec.element_to_be_clickable(
                (By.CSS_SELECTOR, "#results tbody a[href*='/resource/person/']")
            )
        )
        link.click()
        wait.until(ec.presence_of_element_located((By.TAG_NAME, "h1")))
        assert "/resource/person/" in driver.current_url
        assert driver.find_element(By.TAG_NAME, "h1").text == "Tomas Ferreira"
        driver.get(server.url + "resource/film/the-glass-harbor")
        box = driver.find_element(By.CSS_SELECTOR, "#credits details.src summary")
        box.click()
        assert "films.csv" in driver.find_element(By.CSS_SELECTOR, "#credits details.src").text
        shot = screenshot(driver, "entity-page")
        assert shot.stat().st_size > 20_000
        assert not off_machine(requested_urls(driver))
