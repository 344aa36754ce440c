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


@pytest.fixture
def shared_data() -> Path:
    """``../shared/data`` (read-only, beside the clone); skips when absent."""
    if not SHARED.is_dir():
        pytest.skip(f"shared data not found at {SHARED}")
    return SHARED


@pytest.fixture
def memory_store() -> Iterator[Store]:
    """A fresh in-memory store."""
    with Store.memory() as store:
        yield store


@pytest.fixture
def disk_store_path(tmp_path: Path) -> Path:
    """A store directory for on-disk tests (not yet created)."""
    return tmp_path / "store"
