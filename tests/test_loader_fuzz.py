"""Fuzzing the table and RDF loaders through the pipeline: mutated tables (CSV and JSON lines)
and mutated RDF (Turtle, N-Triples, RDF/XML) either load or fail with a one-line ``KGError``
naming the file, and a failed load leaves the store as it was. A few hundred cases by default,
10,000 in the slow suite (``make test-slow``)."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kg.errors import KGError
from kg.ingest import load_paths
from kg.store import Store

DATA = Path(__file__).parent / "data"
TABLE = (DATA / "tables" / "films.csv").read_bytes()
TABLE_JSONL = (DATA / "tables" / "films.jsonl").read_bytes()
TURTLE = (DATA / "rdf" / "films.ttl").read_bytes()
NTRIPLES = b'<urn:a> <urn:b> "c" .\n<urn:a> <urn:d> <urn:e> .\n'
RDFXML = (
    b'<?xml version="1.0"?>\n<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" '
    b'xmlns:k="https://w3id.org/filmkg/ontology#"><rdf:Description rdf:about="urn:f">'
    b"<k:title>Heat</k:title></rdf:Description></rdf:RDF>\n"
)
PIECES = [
    b'"',
    b'""',
    b",",
    b";",
    b"\n",
    b"\r\n",
    b"\x00",
    b"\xff\xfe",
    b"\xc3",
    b"{",
    b"}",
    b"[",
    b"<",
    b">",
    b"@prefix",
    b"<!ENTITY a 'aaaaaaaa'>",
    b"&a;",
    b"\\u0000",
    b'"""',
    b"^^",
    b"_:b",
    b" . ",
    b"1e999",
    "Zéno".encode(),
    "東京".encode(),
]


@st.composite
def mutated(draw: st.DrawFn, base: bytes) -> bytes:
    data = base
    for _ in range(draw(st.integers(0, 8))):
        at = draw(st.integers(0, len(data)))
        what = draw(st.one_of(st.sampled_from(PIECES), st.binary(max_size=4)))
        cut = draw(st.integers(0, 4))
        data = data[:at] + what + data[at + cut :]
    return data


def _load_or_clean_error(name: str, data: bytes, mapping: Path | None) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / name
        path.write_bytes(data)
        with Store.memory() as store:
            before = len(store)
            try:
                load_paths(store, [path], mapping=mapping, progress=False)
            except KGError as err:
                message = str(err)
                assert "\n" not in message.strip() or len(message.splitlines()) <= 3, message
                assert len(store) == before  # all or nothing
            except RecursionError:  # pragma: no cover - a crash is the failure we hunt
                pytest.fail("RecursionError escaped")


FORMATS = [
    ("films.csv", TABLE, DATA / "tables" / "films.toml"),
    ("films.jsonl", TABLE_JSONL, DATA / "tables" / "films_jsonl.toml"),
    ("films.ttl", TURTLE, None),
    ("films.nt", NTRIPLES, None),
    ("films.rdf", RDFXML, None),
]
_CASE = st.sampled_from(FORMATS).flatmap(
    lambda f: st.tuples(st.just(f[0]), mutated(f[1]), st.just(f[2]))
)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(case=_CASE)
def test_mutated_tables_and_rdf_load_or_fail_cleanly(case: tuple[str, bytes, Path | None]) -> None:
    _load_or_clean_error(*case)


@pytest.mark.slow
@settings(max_examples=10_000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(case=_CASE)
def test_ten_thousand_mutated_tables_and_rdf(case: tuple[str, bytes, Path | None]) -> None:
    _load_or_clean_error(*case)
