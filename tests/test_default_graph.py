"""The default graph is the RDF merge of the sources: each triple once; ``GRAPH ?g`` per source
(issue 12, item 14; docs/decisions/0007-default-graph.md)."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

from test_hostile_input import SAMPLE, kg


def _rows(done: subprocess.CompletedProcess[str]) -> list[str]:
    assert done.returncode == 0, done.stderr
    return done.stdout.strip().splitlines()[1:]


def test_plain_queries_give_each_triple_once(tmp_path: Path) -> None:
    store = tmp_path / "store"
    assert kg("load", "-q", str(SAMPLE), store=store).returncode == 0
    titles = _rows(
        kg("query", "SELECT ?t WHERE { ?f kg:title ?t }", "--format", "csv", store=store)
    )
    assert len(titles) == len(set(titles)) == 4, titles
    per_source = _rows(
        kg(
            "query",
            'SELECT ?g WHERE { GRAPH ?g { ?f kg:title "The Glass Harbor II" } }',
            "--format",
            "csv",
            store=store,
        )
    )
    assert len(per_source) == 2, per_source  # the table and the article both say it
    exported = tmp_path / "all.nt"
    assert kg("export", str(exported), store=store).returncode == 0
    lines = exported.read_text().splitlines()
    assert len(lines) == len(set(lines))


def test_a_triple_stays_while_one_source_still_states_it(tmp_path: Path) -> None:
    store = tmp_path / "store"
    triple = '<urn:kg-test:film> <https://w3id.org/filmkg/ontology#title> "Shared" .\n'
    one, two = tmp_path / "one.nt", tmp_path / "two.nt"
    one.write_text(triple)
    two.write_text(triple + '<urn:kg-test:film> <urn:kg-test:p> "only in two" .\n')
    count = "SELECT (COUNT(*) AS ?n) WHERE { ?s kg:title ?o }"
    assert kg("load", "-q", str(one), str(two), store=store).returncode == 0
    assert _rows(kg("query", count, "--format", "csv", store=store)) == ["1"]
    assert kg("unload", str(one), store=store).returncode == 0
    assert _rows(kg("query", count, "--format", "csv", store=store)) == ["1"]
    assert kg("unload", str(two), store=store).returncode == 0
    assert _rows(kg("query", count, "--format", "csv", store=store)) == ["0"]
    # what is left is the ontology the store keeps (decision 0008), no data
    everything = (
        "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } "
        "FILTER (?g != <https://w3id.org/filmkg/graph/ontology>) }"
    )
    assert _rows(kg("query", everything, "--format", "csv", store=store)) == ["0"]


def test_stats_count_the_sources_triples(tmp_path: Path) -> None:
    store = tmp_path / "store"
    path = tmp_path / "x.nt"
    path.write_text("<urn:a> <urn:b> <urn:c> .\n")
    assert kg("load", "-q", str(path), store=store).returncode == 0
    done = kg("stats", "--json", store=store)
    stats = json.loads(done.stdout)
    assert stats["graphs"] == 1
    # the data triple and the source's provenance, counted once each (the merge is not counted)
    quads = _rows(
        kg(
            "query",
            "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } "
            "FILTER (?g != <https://w3id.org/filmkg/graph/ontology>) }",
            "--format",
            "csv",
            store=store,
        )
    )
    assert stats["triples"] == int(quads[0])
