"""Shared fixtures: paths to test data and the read-only shared data, fresh stores."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from kg.store import Store

TESTS = Path(__file__).resolve().parent
DATA = TESTS / "data"
REPO = TESTS.parent
SHARED = REPO.parent / "shared" / "data"


@pytest.fixture
def data_dir() -> Path:
    """``tests/data``."""
    return DATA


@pytest.fixture(scope="session")
def shared_data() -> Path:
    """``../shared/data`` (read-only, beside the clone); skips when absent."""
    if not SHARED.is_dir():
        pytest.skip(f"shared data not found at {SHARED}")
    return SHARED


@pytest.fixture(scope="session")
def network_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store loaded with ``tests/data/network/films.ttl`` through the CLI (once per session)."""
    from click.testing import CliRunner

    from kg.cli import main

    path = tmp_path_factory.mktemp("net") / "store"
    result = CliRunner().invoke(
        main, ["--store", str(path), "load", str(DATA / "network" / "films.ttl")]
    )
    assert result.exit_code == 0, result.output
    return path


@pytest.fixture
def memory_store() -> Iterator[Store]:
    """A fresh in-memory store."""
    with Store.memory() as store:
        yield store


@pytest.fixture
def disk_store_path(tmp_path: Path) -> Path:
    """A store directory for on-disk tests (not yet created)."""
    return tmp_path / "store"


@pytest.fixture(scope="session")
def wikidata_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    """An on-disk store holding the whole Wikidata films table (loaded once per test session)."""
    omdb = SHARED / "structured" / "wikidata_films" / "omdb.csv"
    if not omdb.is_file():
        pytest.skip(f"shared data not found at {omdb}")
    from kg.ingest import load_paths

    with Store.open(tmp_path_factory.mktemp("wikidata") / "store") as store:
        load_paths(store, [omdb], mapping="wikidata_films", progress=False)
        yield store
