"""Headless Chromium for the browser tests: a driver that cannot reach other machines, and
screenshots kept as artefacts under ``out/screenshots/`` (git-ignored)."""

from __future__ import annotations

import contextlib
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
SCREENSHOTS = Path(__file__).resolve().parent.parent / "out" / "screenshots"


@contextlib.contextmanager
def chromium(tmp_path: Path, *, width: int = 1280, height: int = 1000) -> Iterator[Any]:
    """A selenium driver for Debian's headless Chromium (skips when it is not installed).

    Every host but loopback resolves to nowhere (``--host-resolver-rules``), so a page that tried
    to fetch from another machine would fail visibly; the tests also read the browser's own log
    of requests (``performance`` logging) to check that none left the machine.
    """
    if not CHROMIUM.exists() or not CHROMEDRIVER.exists():
        pytest.skip(
            "needs Debian's chromium and chromium-driver (/usr/bin/chromium, /usr/bin/chromedriver)"
        )
    webdriver = pytest.importorskip("selenium.webdriver")
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for flag in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-default-apps",
        "--no-first-run",
        "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE localhost , EXCLUDE 127.0.0.1",
        f"--window-size={width},{height}",
        f"--user-data-dir={tmp_path / 'chromium'}",
    ):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"performance": "ALL", "browser": "ALL"})
    driver = webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=options)
    try:
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(tmp_path / "chromium", ignore_errors=True)


def requested_urls(driver: Any) -> list[str]:
    """The URLs the browser asked for since the last call (from its performance log)."""
    import json

    urls = []
    for entry in driver.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        if message.get("method") == "Network.requestWillBeSent":
            urls.append(message["params"]["request"]["url"])
    return urls


def off_machine(urls: list[str]) -> list[str]:
    """The URLs that would leave the machine (not loopback, not data:/blob:/about:, not the
    browser's own pages: newer Chromium loads its new-tab page's parts from
    ``chrome-untrusted://`` while headless).

    >>> off_machine(["http://127.0.0.1:8000/", "chrome-untrusted://new-tab-page/x", "https://a.b/"])
    ['https://a.b/']
    """
    import urllib.parse

    out = []
    for url in urls:
        parts = urllib.parse.urlsplit(url)
        if parts.scheme in (
            "data",
            "blob",
            "about",
            "chrome",
            "chrome-untrusted",
            "devtools",
            "file",
        ):
            continue
        if parts.hostname in ("127.0.0.1", "localhost", "::1"):
            continue
        out.append(url)
    return out


def screenshot(driver: Any, name: str, *, full_page: bool = True) -> Path:
    """Save a PNG of the page as ``out/screenshots/NAME.png`` (the whole page by default)."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    if full_page:
        height = driver.execute_script(
            "return Math.min(6000, document.documentElement.scrollHeight)"
        )
        width = driver.execute_script("return document.documentElement.scrollWidth")
        driver.set_window_size(max(1280, int(width)), int(height) + 120)
    driver.save_screenshot(str(path))
    return path
