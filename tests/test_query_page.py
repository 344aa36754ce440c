"""The query page in headless Chromium: a question in English, permalinks, result views, errors at
the right line, and no request leaving the machine."""

from __future__ import annotations

import threading
import urllib.parse
from collections.abc import Iterator
from pathlib import Path

import pytest
from browser import chromium, off_machine, requested_urls

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
