"""The interactive HTML picture opens from disk in a real (headless) browser and draws the graph."""

from __future__ import annotations

import shutil
from pathlib import Path

import networkx as nx
import pytest

from kg.network import plot_graph

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")


@pytest.mark.browser
def test_html_page_draws_and_searches(tmp_path: Path) -> None:
    if not CHROMIUM.exists() or not CHROMEDRIVER.exists():
        pytest.skip("needs Debian's chromium and chromium-driver")
    webdriver = pytest.importorskip("selenium.webdriver")
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.by import By

    g = nx.karate_club_graph()
    nx.set_node_attributes(g, {v: f"Member {v}" for v in g}, "label")
    page = tmp_path / "karate.html"
    plot_graph(g, page)

    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                 "--disable-background-networking", "--no-first-run",
                 f"--user-data-dir={tmp_path / 'chromium'}"):  # fmt: skip
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=options)
    try:
        driver.get(page.as_uri())
        assert len(driver.find_elements(By.CSS_SELECTOR, "#n circle")) == 34
        assert len(driver.find_elements(By.CSS_SELECTOR, "#e line")) == 78
        assert driver.find_element(By.ID, "info").text == "34 nodes, 78 edges"
        driver.find_element(By.ID, "q").send_keys("Member 33")
        assert driver.find_element(By.ID, "info").text == "1 found"
        assert len(driver.find_elements(By.CSS_SELECTOR, "circle.hit")) == 1
    finally:
        driver.quit()
        shutil.rmtree(tmp_path / "chromium", ignore_errors=True)
