"""The query page in headless Chromium: a question in English, permalinks, result views, errors at
the right line, and no request leaving the machine."""

from __future__ import annotations

import threading
import urllib.parse
from collections.abc import Iterator
from pathlib import Path

import pytest
from browser import chromium, off_machine, requested_urls, screenshot

from kg.ingest import load_paths
from kg.serve import ServeConfig, make_server
from kg.serve.app import SparqlServer
from kg.store import Store

SAMPLE = Path(__file__).resolve().parent.parent / "data" / "sample"

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SparqlServer]:
    path = tmp_path_factory.mktemp("page") / "store"
    with Store.open(path) as store:
        load_paths(store, [SAMPLE / "films.csv"], mapping="films_sample", progress=False)
        load_paths(store, [SAMPLE / "articles"], progress=False)
    srv = make_server(ServeConfig(store=path, port=0, timeout=30))
    threading.Thread(target=srv.serve_forever, daemon=True).start()
    yield srv
    srv.shutdown()
    srv.server_close()


def _ready(driver: object) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    WebDriverWait(driver, 30).until(
        lambda d: d.find_element(By.TAG_NAME, "body").get_attribute("data-ready") == "1"
    )


def test_ask_a_question_on_the_page(server: SparqlServer, tmp_path: Path) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys
    from selenium.webdriver.support import expected_conditions as ec
    from selenium.webdriver.support.ui import WebDriverWait

    with chromium(tmp_path) as driver:
        wait = WebDriverWait(driver, 30)
        driver.get(server.url)
        _ready(driver)
        box = driver.find_element(By.ID, "ask")
        box.send_keys("Who directed The Glass Harbor?", Keys.ENTER)
        answer = wait.until(ec.visibility_of_element_located((By.ID, "ask-answer")))
        wait.until(lambda d: "Mara Lindqvist" in answer.text)
        assert "directed by Mara Lindqvist" in answer.text
        link = wait.until(
            ec.presence_of_element_located(
                (By.CSS_SELECTOR, "#results a[href='/resource/person/mara-lindqvist']")
            )
        )
        assert link.text == "Mara Lindqvist"
        assert "#ask=" in driver.current_url  # a permalink to the question
        # a misspelt name: did you mean, and one click asks again
        box = driver.find_element(By.ID, "ask")
        box.clear()
        box.send_keys("who directed The Glas Harbour", Keys.ENTER)
        suggestion = wait.until(
            ec.element_to_be_clickable((By.CSS_SELECTOR, "#ask-answer a.suggestion"))
        )
        assert suggestion.text == "The Glass Harbor"
        suggestion.click()
        wait.until(
            lambda d: "directed by Mara Lindqvist" in d.find_element(By.ID, "ask-answer").text
        )
        # not understood: the forms it understands, never a guess
        box = driver.find_element(By.ID, "ask")
        box.clear()
        box.send_keys("what is the meaning of life", Keys.ENTER)
        wait.until(lambda d: "Not understood" in d.find_element(By.ID, "ask-answer").text)
        assert "Who starred in The Glass Harbor?" in driver.find_element(By.ID, "ask-answer").text
        assert not off_machine(requested_urls(driver))


def test_a_question_permalink(server: SparqlServer, tmp_path: Path) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    with chromium(tmp_path) as driver:
        question = urllib.parse.quote("films of the 2010s")
        driver.get(f"{server.url}#ask={question}")
        _ready(driver)
        WebDriverWait(driver, 30).until(
            lambda d: "films of 2010-2019" in d.find_element(By.ID, "ask-answer").text
        )


def _run_and_wait(driver: object, count: int) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    driver.find_element(By.ID, "run").click()  # type: ignore[attr-defined]
    WebDriverWait(driver, 30).until(
        lambda d: (
            d.find_element(By.TAG_NAME, "body").get_attribute("data-ran") == str(count)
            or d.find_element(By.ID, "error").is_displayed()
        )
    )


def test_the_editor_is_yasgui_when_built(server: SparqlServer, tmp_path: Path) -> None:
    vendor = Path(__file__).resolve().parent.parent / "kg" / "serve" / "static" / "vendor"
    if not (vendor / "yasgui.min.js").is_file():
        pytest.skip("the query page's editor is not built (make web)")
    with chromium(tmp_path) as driver:
        driver.get(server.url)
        _ready(driver)
        assert driver.execute_script("return window.kgEditorKind") == "yasqe"
        assert driver.find_elements("css selector", ".CodeMirror .cm-keyword")  # highlighted
        # completion of the ontology's terms (and of prefixes), from this server only
        from selenium.webdriver.common.action_chains import ActionChains
        from selenium.webdriver.common.keys import Keys
        from selenium.webdriver.support.ui import WebDriverWait

        driver.execute_script(
            "kgEditor.setValue('SELECT * WHERE { ?f kg:tit'); kgYasqe.focus();"
            "kgYasqe.setCursor({line: 0, ch: 100})"
        )
        ActionChains(driver).key_down(Keys.CONTROL).send_keys(" ").key_up(Keys.CONTROL).perform()
        hints = WebDriverWait(driver, 10).until(
            lambda d: [h.text for h in d.find_elements("css selector", ".CodeMirror-hints li")]
        )
        assert "kg:title" in hints
        urls = requested_urls(driver)
        assert any(u.endswith("/static/vendor/yasgui.min.js") for u in urls)
        assert not off_machine(urls)


def test_plain_editor_when_the_build_was_not_run(tmp_path: Path, server: SparqlServer) -> None:
    from selenium.webdriver.common.by import By

    store = Path(server.config.store)
    plain = make_server(ServeConfig(store=store, port=0, vendor=False))
    threading.Thread(target=plain.serve_forever, daemon=True).start()
    try:
        with chromium(tmp_path) as driver:
            driver.get(plain.url)
            _ready(driver)
            assert driver.execute_script("return window.kgEditorKind") == "plain"
            _run_and_wait(driver, 1)
            assert driver.find_element(By.ID, "results").is_displayed()
    finally:
        plain.shutdown()
        plain.server_close()


def test_errors_at_the_line_of_the_users_text(server: SparqlServer, tmp_path: Path) -> None:
    from selenium.webdriver.common.by import By

    with chromium(tmp_path) as driver:
        driver.get(server.url)
        _ready(driver)
        text = "SELECT ?film\nWHERE {\n  ?film kg:title ?t .\n  ?film ?p }"
        driver.execute_script("kgEditor.setValue(arguments[0])", text)
        _run_and_wait(driver, 0)
        error = driver.find_element(By.ID, "error")
        assert error.get_attribute("data-line") == "4"  # not counting the hidden PREFIX lines
        assert "line 4, column" in error.text and "?film ?p }" in error.text
        assert "\\u{" not in error.text and "'..='" not in error.text  # no character-class dumps


def test_run_a_query_from_a_permalink_and_switch_views(
    server: SparqlServer, tmp_path: Path
) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    query = "CONSTRUCT { ?a kg:castMember ?b } WHERE { ?a kg:castMember ?b }"
    with chromium(tmp_path, height=1100) as driver:
        driver.get(f"{server.url}#{urllib.parse.urlencode({'query': query})}")
        _ready(driver)
        wait = WebDriverWait(driver, 30)
        wait.until(lambda d: d.find_element(By.TAG_NAME, "body").get_attribute("data-ran") == "1")
        assert driver.execute_script("return kgEditor.getValue()") == query
        # a graph result opens in the graph view, films and people linked to their pages
        svg = wait.until(lambda d: d.find_element(By.ID, "graph-svg"))
        assert len(svg.find_elements(By.CSS_SELECTOR, "circle")) >= 8
        assert svg.find_elements(By.CSS_SELECTOR, "a[href^='/resource/person/']")
        # names looked up for a CONSTRUCT that has no labels; a layout that fits, not piled on edges
        wait.until(lambda d: "Tomas Ferreira" in d.find_element(By.ID, "graph-svg").text)
        ys = [float(c.get_attribute("cy")) for c in svg.find_elements(By.CSS_SELECTOR, "circle")]
        assert sum(y <= 26 for y in ys) <= 2 and len({round(y) for y in ys}) > len(ys) // 2
        downloads = driver.find_element(By.ID, "downloads").text
        for name in ("Turtle", "N-Triples", "JSON-LD", "RDF/XML"):
            assert name in downloads
        screenshot(driver, "query-page-graph-view")
        # a named query from a permalink: co-stars, then the graph and timeline views
        args = urllib.parse.urlencode({"name": "filmography", "param.person": "Tomas Ferreira"})
        driver.get(f"{server.url}#{args}")  # the same page, another hash: it runs that
        wait.until(lambda d: d.find_element(By.TAG_NAME, "body").get_attribute("data-ran") == "2")
        assert driver.find_element(By.ID, "results").is_displayed()
        driver.find_element(By.ID, "view-timeline").click()
        timeline = wait.until(lambda d: d.find_element(By.ID, "timeline-svg"))
        assert "The Glass Harbor (2015)" in timeline.text
        assert driver.find_element(By.ID, "view-graph").is_enabled()
        driver.find_element(By.ID, "view-graph").click()
        star = wait.until(lambda d: d.find_element(By.ID, "graph-svg"))
        assert "Tomas Ferreira" in star.text and "The Glass Harbor" in star.text
        for name in ("JSON", "XML", "CSV", "TSV"):
            assert name in driver.find_element(By.ID, "downloads").text
        # the permalink button gives back a link that runs the same thing
        driver.find_element(By.ID, "permalink").click()
        assert "name=filmography" in driver.current_url and "param.person=" in driver.current_url
        driver.find_element(By.ID, "view-table").click()
        screenshot(driver, "query-page")
        assert not off_machine(requested_urls(driver))
