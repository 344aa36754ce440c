"""Articles through the CLI: ``kg load`` (the registry's articles loader) and ``kg eval``."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from kg.cli import run
from kg.cli.eval import eval_command

DATA = Path(__file__).parent / "data" / "articles"


def test_load_articles_and_query(tmp_path: Path, capsys: object) -> None:
    store = str(tmp_path / "store")
    assert run(["--store", store, "load", str(DATA / "harbor-review.txt")]) == 0
    assert run(["--store", store, "load", str(DATA / "harbor-review.txt")]) == 0  # unchanged
    q = (
        "SELECT ?s ?c WHERE { ?e a kg:Evidence ; rdf:predicate kg:director ; kg:sentence ?s ; "
        "kg:confidence ?c }"
    )
    assert run(["--store", store, "query", q]) == 0


def test_bad_article_leaves_nothing(tmp_path: Path) -> None:
    store = str(tmp_path / "store")
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"text": "Heat was directed by Michael Mann."}\n{"title": "x"}\n')
    assert run(["--store", store, "load", str(bad)]) == 2


def test_eval_command(tmp_path: Path) -> None:
    gold = tmp_path / "g.jsonl"
    gold.write_text(
        '{"id": "1", "source": "Demo/x", "title": "Heat", "text": "Heat was directed by Michael Mann.",'
        ' "entities": [], "triples": [{"subject": "Heat", "relation": "director", "object": "Michael Mann"}]}\n'
    )
    result = CliRunner().invoke(eval_command, [str(gold), "--errors", "3"])
    assert result.exit_code == 0, result.output
    assert "Demo" in result.output and "1.000" in result.output
    result = CliRunner().invoke(eval_command, [str(gold), "--json"])
    assert '"f1": 1.0' in result.output
