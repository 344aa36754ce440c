"""Hostile input through the ``kg`` command, as an attacker or an unlucky user would give it.

Each test is one item of issue 12: a one-line error and exit code 2 instead of a traceback, and a
store left exactly as it was.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

SAMPLE = Path(__file__).resolve().parent / "data" / "queries" / "sample.trig"
KG = [sys.executable, "-c", "from kg.cli import entry_point; entry_point()"]


def kg(*args: str, store: Path, **env: str) -> subprocess.CompletedProcess[str]:
    """Run the ``kg`` entry point in a child process."""
    return subprocess.run(
        [*KG, "--store", str(store), *args],
        capture_output=True,
        text=True,
        env={**os.environ, **env},
        check=False,
        timeout=120,
    )


def assert_one_line_error(done: subprocess.CompletedProcess[str], *needles: str) -> None:
    """Exit 2, no traceback, one line on stderr that contains each needle."""
    lines = done.stderr.strip().splitlines()
    assert done.returncode == 2, (done.returncode, done.stderr[-2000:])
    assert len(lines) == 1 and lines[0].startswith("kg: error: "), done.stderr[-2000:]
    for needle in needles:
        assert needle in lines[0], lines[0]


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("hostile") / "store"
    done = kg("load", "-q", str(SAMPLE), store=path)
    assert done.returncode == 0, done.stderr
    return path


# --- item 2: an IRI parameter that is not an IRI ------------------------------------------------


@pytest.mark.parametrize(
    "value",
    [
        "<urn:x> } ; DROP ALL # >",
        "<https://example.org/a b>",
        'https://example.org/"x"',
        "urn:x>{}",
        "<>",
    ],
)
def test_iri_parameter_that_is_not_an_iri(store: Path, value: str) -> None:
    done = _fact_sources(store, value)
    assert_one_line_error(done, "parameter predicate is not an IRI")


def _fact_sources(store: Path, predicate: str) -> subprocess.CompletedProcess[str]:
    subject = "subject=The Glass Harbor"
    return kg(
        "query", "-n", "fact-sources", "-p", subject, "-p", f"predicate={predicate}", store=store
    )


def test_iri_parameter_that_is_an_iri_still_works(store: Path) -> None:
    done = _fact_sources(store, "<https://w3id.org/filmkg/ontology#director>")
    assert done.returncode == 0, done.stderr
    assert "mara-lindqvist" in done.stdout


# --- item 3: SERVICE to a remote that does not answer -------------------------------------------


@pytest.mark.parametrize(
    "endpoint",
    ["http://127.0.0.1:9/x", "http://127.0.0.1:1/sparql", "http://no-such-host.invalid/"],
)
@pytest.mark.parametrize("fmt", ["table", "json", "csv"])
def test_service_to_a_failing_remote(store: Path, endpoint: str, fmt: str) -> None:
    done = kg(
        "query",
        f"SELECT * WHERE {{ SERVICE <{endpoint}> {{ ?s ?p ?o }} }}",
        "--format",
        fmt,
        store=store,
    )
    assert_one_line_error(done, "the query failed while running", "SERVICE")


def test_service_silent_to_a_failing_remote_answers(store: Path) -> None:
    done = kg(
        "query",
        "SELECT * WHERE { SERVICE SILENT <http://127.0.0.1:9/x> { ?s ?p ?o } }",
        store=store,
    )
    assert done.returncode == 0, done.stderr
