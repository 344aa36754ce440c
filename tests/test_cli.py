"""The `kg` command as a user runs it: help with examples, answers, exit codes, one-line errors."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import main, run


def _kg(
    *args: str, store: Path, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """Run the installed entry point in a child process, as a user would."""
    full_env = {**os.environ, "KG_STORE": str(store), **(env or {})}
    return subprocess.run(
        [sys.executable, "-c", "from kg.cli import entry_point; entry_point()", *args],
        capture_output=True,
        text=True,
        env=full_env,
        check=False,
    )


def test_every_command_has_help_with_an_example() -> None:
    runner = CliRunner()
    top = runner.invoke(main, ["--help"])
    assert top.exit_code == 0
    assert "Examples:" in top.output
    for name, command in main.commands.items():
        result = runner.invoke(main, [name, "--help"])
        assert result.exit_code == 0, name
        assert "kg " in result.output and ("Example" in result.output), (
            f"{name} --help has no example"
        )
        assert command.help, name


def test_load_query_stats(tmp_path: Path, data_dir: Path) -> None:
    store = tmp_path / "store"
    loaded = _kg("load", str(data_dir / "rdf" / "films.ttl"), store=store)
    assert loaded.returncode == 0, loaded.stderr
    assert "1 loaded" in loaded.stdout
    answer = _kg("query", "SELECT ?d WHERE { ?f kg:director ?d }", "--format", "csv", store=store)
    assert answer.returncode == 0, answer.stderr
    assert answer.stdout.splitlines() == [
        "d",
        "https://w3id.org/filmkg/resource/person/ines-albarran",
    ]
    table = _kg("query", "SELECT ?d WHERE { ?f kg:director ?d }", store=store)
    assert "kgr:person/ines-albarran" in table.stdout and "(1 row)" in table.stdout
    ask = _kg("query", "ASK { ?f a kg:Film }", "--format", "json", store=store)
    assert json.loads(ask.stdout)["boolean"] is True
    construct = _kg(
        "query",
        "CONSTRUCT { ?f kg:director ?d } WHERE { ?f kg:director ?d }",
        "--format",
        "nt",
        store=store,
    )
    assert construct.stdout.count(" .\n") == 1
    stats = _kg("stats", "--json", store=store)
    counts = json.loads(stats.stdout)
    assert (counts["films"], counts["people"], counts["graphs"]) == (1, 2, 1)


def test_query_from_file_and_output(tmp_path: Path, data_dir: Path) -> None:
    store = str(tmp_path / "store")
    assert run(["--store", store, "load", "-q", str(data_dir / "rdf" / "films.ttl")]) == 0
    rq = tmp_path / "q.rq"
    rq.write_text("SELECT ?t WHERE { ?f kg:title ?t FILTER(LANG(?t) = 'fr') }")
    out = tmp_path / "a.tsv"
    assert run(["--store", store, "query", "-f", str(rq), "--format", "tsv", "-o", str(out)]) == 0
    assert out.read_text().splitlines() == ["?t", '"Le Gardien du phare"@fr']


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["load", "missing.ttl"], "missing.ttl: no such file"),
        (["load", "{data}/rdf/broken.ttl"], "broken.ttl:3: malformed Turtle"),
        (["query", "SELEC ?x"], "invalid SPARQL"),
        (["query", "-f", "nothere.rq"], "nothere.rq: no such query file"),
        (["query"], "give exactly one of"),
        (["query", "SELECT * WHERE { ?s ?p ?o }", "--format", "ttl"], "writes results"),
        (["query", "--name", "no-such-query"], "no named query"),
        (["export", "x.docx"], "unknown RDF format"),
        (["load", "{data}/rdf/films.ttl", "--extractor", "nope.v9"], "unknown extractor 'nope.v9'"),
    ],
)
def test_bad_input_is_one_line_and_exit_2(
    tmp_path: Path, data_dir: Path, args: list[str], message: str
) -> None:
    store = tmp_path / "store"
    assert _kg("load", str(data_dir / "rdf" / "films.ttl"), store=store).returncode == 0
    args = [a.replace("{data}", str(data_dir)) for a in args]
    result = _kg(*args, store=store)
    assert result.returncode == 2, result.stderr
    assert message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr
    assert "Traceback" not in result.stderr


def test_query_on_missing_store(tmp_path: Path) -> None:
    result = _kg("query", "ASK {}", store=tmp_path / "empty")
    assert result.returncode == 2
    assert "load something first" in result.stderr


@pytest.mark.parametrize(
    ("table", "message"),
    [
        ("malformed_row.csv", "malformed_row.csv:"),
        ("missing_column.csv", "missing_column.csv"),
        ("bad_date.csv", "bad_date.csv:"),
        ("binary.csv", "binary.csv"),
        ("empty.csv", "empty table"),
    ],
)
def test_bad_tables_are_one_line_exit_2_and_leave_the_store(
    tmp_path: Path, data_dir: Path, table: str, message: str
) -> None:
    store = tmp_path / "store"
    tables = data_dir / "tables"
    assert (
        _kg(
            "load", str(tables / "films.csv"), "--mapping", str(tables / "films.toml"), store=store
        ).returncode
        == 0
    )
    before = _kg("export", str(tmp_path / "before.nq"), store=store)
    assert before.returncode == 0
    result = _kg("load", str(tables / table), "--mapping", str(tables / "films.toml"), store=store)
    assert result.returncode == 2, result.stderr
    assert message in result.stderr, result.stderr
    assert len(result.stderr.strip().splitlines()) == 1 and "Traceback" not in result.stderr
    assert _kg("export", str(tmp_path / "after.nq"), store=store).returncode == 0
    assert sorted((tmp_path / "before.nq").read_text().splitlines()) == sorted(
        (tmp_path / "after.nq").read_text().splitlines()
    )
