"""Scoring a gold JSONL file: matching rules, per source/relation scores, errors, bad files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kg.errors import KGInputError, ParseError
from kg.eval import Score, evaluate, evaluate_documents, format_report, load_gold, source_family

SHARED = Path(__file__).resolve().parents[2] / "shared" / "data"
NEWS = Path(__file__).resolve().parents[2] / "shared" / "data" / "news" / "dev.jsonl"
DEV = SHARED / "gold" / "dev.jsonl"


def _doc(
    i: int,
    text: str,
    triples: list[tuple[str, str, str]],
    source: str = "Demo-1.0/x",
    entities: list[dict[str, object]] | None = None,
    title: str | None = None,
) -> dict[str, object]:
    return {
        "id": f"d{i}",
        "source": source,
        "title": title,
        "text": text,
        "entities": entities or [],
        "triples": [{"subject": s, "relation": r, "object": o} for s, r, o in triples],
    }


def test_score_measures() -> None:
    assert Score(0, 0, 0).f1 == 1.0 or Score(0, 0, 0).precision == 1.0
    s = Score(tp=3, fp=1, fn=2)
    assert (s.precision, round(s.recall, 3)) == (0.75, 0.6)


def test_matching_dates_countries_aliases_and_sources() -> None:
    docs = [
        _doc(
            1,
            "Vase Blanc (also known as White Vase) is a 1974 Belgian film directed by Jan Peeters. "
            "It was released on 3 May 1974.",
            [
                ("Vase Blanc", "director", "jan  PEETERS"),
                ("White Vase", "director", "Jan Peeters"),
                ("Vase Blanc", "country", "Belgian"),
                ("Vase Blanc", "release_date", "May 3, 1974"),
                ("Vase Blanc", "composer", "Nobody Known"),
            ],
            title="Vase Blanc",
        ),
        _doc(
            2,
            "Heat was directed by Michael Mann and edited by Ann Lee.",
            [("Heat", "director", "Michael Mann")],
            source="Other/y",
            title="Heat",
        ),
    ]
    report = evaluate_documents(docs, errors=5)
    assert report.by_source["Demo"].tp == 4
    assert report.by_source["Demo"].fn == 1
    assert report.by_source["Other"].fp == 1  # editor Ann Lee is not in that gold file
    assert report.false_positives[0].relation == "editor"
    assert report.false_positives[0].sentence.startswith("Heat was directed")
    assert report.false_negatives[0].object == "Nobody Known"
    text = format_report(report)
    assert "dates are normalised to ISO" in text and "by source" in text
    assert json.dumps(report.as_dict())


def test_only_text_and_title_reach_the_extractor() -> None:
    # the gold entity list must not help: "Zed Qua" is never named as a person in the text
    docs = [
        _doc(
            1,
            "Heat is a film.",
            [("Heat", "director", "Zed Qua")],
            entities=[{"name": "Zed Qua", "type": "person"}],
            title="Heat",
        )
    ]
    assert evaluate_documents(docs).overall.tp == 0


def test_relations_outside_a_source_scheme_are_unscored() -> None:
    # Re-DocRED (DocRED's relation set) has no cinematographer: stating one is no false positive
    text = (
        "Heat is a crime film directed by Michael Mann. The cinematography was by Dante Spinotti."
    )
    gold = [("Heat", "director", "Michael Mann")]
    redocred = evaluate_documents([_doc(1, text, gold, source="Re-DocRED/dev", title="Heat")])
    assert redocred.overall.tp == 1 and redocred.overall.fp == 0
    assert redocred.unscored >= 1
    other = evaluate_documents([_doc(1, text, gold, source="Other/x", title="Heat")])
    assert other.by_relation["cinematographer"].fp == 1


def test_source_family() -> None:
    assert source_family("Re-DocRED/dev_revised") == "Re-DocRED"
    assert source_family("WebNLG-3.0/x.xml") == "WebNLG"


def test_bad_gold_files(tmp_path: Path) -> None:
    with pytest.raises(KGInputError, match="not found"):
        load_gold(tmp_path / "nope.jsonl")
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"text": "x", "triples": []}\n{oops\n')
    with pytest.raises(ParseError, match=r"bad.jsonl:2"):
        load_gold(bad)
    empty = tmp_path / "empty.jsonl"
    empty.write_text("\n")
    with pytest.raises(ParseError, match="no documents"):
        load_gold(empty)


@pytest.mark.skipif(not DEV.exists(), reason="shared data not available")
def test_dev_scores() -> None:
    """Regression guard on the development sets (the targets are higher: see the extraction
    issue's closing note for the figures, held-out ones included)."""
    report = evaluate(DEV, errors=0)
    print(format_report(report))
    web = report.by_source["WebNLG"]
    redoc = report.by_source["Re-DocRED"]
    assert web.precision >= 0.95 and web.f1 >= 0.85
    assert redoc.precision >= 0.90 and redoc.f1 >= 0.60


@pytest.mark.skipif(not NEWS.exists(), reason="shared data not available")
def test_news_dev_scores() -> None:
    """Regression guard on the real news development set (both halves)."""
    report = evaluate(NEWS, errors=0)
    bbc = report.by_source["news/bbc"]
    assert bbc.precision >= 0.75 and bbc.recall >= 0.45
    assert report.overall.precision >= 0.75


def test_eval_with_the_names_a_store_knows(tmp_path: Path) -> None:
    """``kg eval --known-names`` gives the extractor the store's names, as ``kg load`` does: a
    title the store knows as a film is taken in a sentence that also speaks of television."""
    from click.testing import CliRunner

    from kg.cli import main

    repo = Path(__file__).resolve().parents[1]
    store = tmp_path / "store"
    gold = tmp_path / "gold.jsonl"
    text = "Quiet Engines star Wendell Oyelaran also won best actor in a TV series."
    doc = _doc(1, text, [("Quiet Engines", "cast_member", "Wendell Oyelaran")])
    gold.write_text(json.dumps(doc) + "\n", encoding="utf-8")
    runner = CliRunner()
    table = str(repo / "data" / "sample" / "films.csv")
    loaded = runner.invoke(
        main, ["--store", str(store), "load", table, "--mapping", "films_sample"]
    )
    assert loaded.exit_code == 0, loaded.output

    def recall(*extra: str) -> float:
        args = ["--store", str(store), "eval", str(gold), "--json", *extra]
        result = runner.invoke(main, args)
        assert result.exit_code == 0, result.output
        return float(json.loads(result.output)["overall"]["recall"])

    assert recall() == 0.0  # an unknown "X star" beside TV may be a series
    assert recall("--known-names") == 1.0
    missing = runner.invoke(
        main, ["--store", str(tmp_path / "none"), "eval", str(gold), "--known-names"]
    )
    assert missing.exit_code != 0
    assert "no store at" in missing.output
