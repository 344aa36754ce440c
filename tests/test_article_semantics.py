"""Loading semantics of articles through the CLI (``kg load`` / ``kg explain`` with ``--store``):
reloads change nothing, edits replace, shared facts keep both sources, bad input leaves the store
exactly as it was with a one-line message and exit code 2."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kg.cli import run
from kg.store import Store

DATA = Path(__file__).parent / "data" / "articles"
HEAT = "https://w3id.org/filmkg/resource/film/heat"


def _quads(store: Path) -> set[tuple[str, ...]]:
    with Store.open(store, read_only=True) as s:
        return {tuple(str(x) for x in q) for q in s.triples()}


def _ask(store: Path, pattern: str) -> bool:
    with Store.open(store, read_only=True) as s:
        return s.query(
            "PREFIX kg: <https://w3id.org/filmkg/ontology#> ASK { " + pattern + " }"
        ).boolean()


def test_same_article_twice_changes_nothing(tmp_path: Path) -> None:
    store = tmp_path / "store"
    for name in ("harbor-review.txt", "lantern.html", "batch.jsonl"):
        assert run(["--store", str(store), "load", "-q", str(DATA / name)]) == 0
    before = _quads(store)
    for name in ("harbor-review.txt", "lantern.html", "batch.jsonl"):
        assert run(["--store", str(store), "load", "-q", str(DATA / name)]) == 0
    assert _quads(store) == before


def test_edited_article_replaces_its_facts(tmp_path: Path) -> None:
    store = tmp_path / "store"
    article = tmp_path / "heat.txt"
    article.write_text("Heat is a 1995 crime film directed by Michael Mann.\n", encoding="utf-8")
    assert run(["--store", str(store), "load", "-q", str(article)]) == 0
    assert _ask(store, f"<{HEAT}> kg:director ?p FILTER(CONTAINS(STR(?p), 'michael-mann'))")
    article.write_text("Heat is a 1995 crime film directed by Ridley Scott.\n", encoding="utf-8")
    assert run(["--store", str(store), "load", "-q", str(article)]) == 0
    assert not _ask(store, "?s ?p ?o FILTER(CONTAINS(STR(?o), 'michael-mann'))")
    assert not _ask(store, "?e kg:sentence ?s FILTER(CONTAINS(?s, 'Michael Mann'))")
    assert _ask(store, f"<{HEAT}> kg:director ?p FILTER(CONTAINS(STR(?p), 'ridley-scott'))")


def test_fact_from_two_articles_keeps_both_sources(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    store = tmp_path / "store"
    a = tmp_path / "a.txt"
    b = tmp_path / "b.txt"
    a.write_text("Heat is a 1995 crime film directed by Michael Mann.\n", encoding="utf-8")
    b.write_text("Michael Mann directed Heat (1995), with Al Pacino.\n", encoding="utf-8")
    assert run(["--store", str(store), "load", "-q", str(a), str(b)]) == 0
    capsys.readouterr()
    assert run(["--store", str(store), "explain", "Heat", "director", "--format", "json"]) == 0
    [fact] = json.loads(capsys.readouterr().out)
    assert fact["object_label"] == "Michael Mann"
    paths = sorted(Path(s["source"]["path"]).name for s in fact["supports"])
    assert paths == ["a.txt", "b.txt"]
    for support in fact["supports"]:
        text = (tmp_path / Path(support["source"]["path"]).name).read_text(encoding="utf-8")
        assert text[support["start"] : support["end"]] == support["sentence"]
        assert support["extractor"] == "rules.v2" and 0 < support["confidence"] <= 1
    # unloading one article keeps the fact with the other source
    assert run(["--store", str(store), "unload", str(a)]) == 0
    capsys.readouterr()
    assert run(["--store", str(store), "explain", "michael mann", "director"]) == 0
    out = capsys.readouterr().out
    assert "b.txt" in out and "a.txt" not in out


HTML_NOISE = (
    "<html><head><script>"
    + "var x = 'directed by Nobody';" * 200
    + "</script></head><body>"
    + "<nav>"
    + "<a href='/'>Home</a> | <a href='/films'>Films</a> | " * 100
    + "</nav>"
    + "<script>document.write('starring Fake Person')</script></body></html>"
)


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("empty.txt", b"", "empty file"),
        ("binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file"),
        (
            "latin1.txt",
            "Amélie was directed by Jean-Pierre Jeunet.".encode("latin-1"),
            "invalid UTF-8",
        ),
        (
            "notext.jsonl",
            b'{"text": "Heat was directed by Michael Mann."}\n{"title": "x"}\n',
            "no 'text'",
        ),
        ("noise.html", HTML_NOISE.encode(), "no article text"),
        ("big.txt", b"Heat was directed by Michael Mann. " * 100, "KG_MAX_ARTICLE_BYTES"),
    ],
)
def test_bad_input_leaves_store_unchanged(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    name: str,
    content: bytes,
    message: str,
) -> None:
    store = tmp_path / "store"
    assert run(["--store", str(store), "load", "-q", str(DATA / "harbor-review.txt")]) == 0
    before = _quads(store)
    if name == "big.txt":  # a small limit stands in for a 50 MB file
        monkeypatch.setenv("KG_MAX_ARTICLE_BYTES", "3000")
    bad = tmp_path / name
    bad.write_bytes(content)
    capsys.readouterr()
    # a good article in the same command is not loaded either: all or nothing
    assert run(["--store", str(store), "load", "-q", str(DATA / "lantern.html"), str(bad)]) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and err.startswith("kg: error: ")
    assert message in err and name in err
    assert _quads(store) == before


def test_html_with_scripts_and_navigation_keeps_only_the_article(tmp_path: Path) -> None:
    store = tmp_path / "store"
    assert run(["--store", str(store), "load", "-q", str(DATA / "lantern.html")]) == 0
    assert _ask(store, "?f kg:director ?p FILTER(CONTAINS(STR(?p), 'sofia-marchetti'))")
    for junk in ("nobody-real", "evil-script", "fake-person"):
        assert not _ask(store, f"?s ?p ?o FILTER(CONTAINS(STR(?o), '{junk}'))")


def test_explain_text_table_and_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    store = tmp_path / "store"
    repo = Path(__file__).parents[1]
    assert (
        run(
            [
                "--store",
                str(store),
                "load",
                "-q",
                str(repo / "data" / "sample" / "films.csv"),
                "--mapping",
                "films_sample",
            ]
        )
        == 0
    )
    assert run(["--store", str(store), "load", "-q", str(DATA / "harbor-review.txt")]) == 0
    capsys.readouterr()
    assert run(["--store", str(store), "explain", "The Glass Harbor", "director"]) == 0
    out = capsys.readouterr().out
    assert "The Glass Harbor  director  Mara Lindqvist" in out
    assert "from table" in out and "films.csv" in out and "mapping" in out
    assert "characters 55-133" in out and "harbor-review.txt" in out and "2024-03-02" in out
    iri = "https://w3id.org/filmkg/resource/person/mara-lindqvist"
    assert run(["--store", str(store), "explain", iri]) == 0
    assert "director  Mara Lindqvist" in capsys.readouterr().out
    assert run(["--store", str(store), "explain", "Mara Lindqvst"]) == 2
    assert "did you mean Mara Lindqvist" in capsys.readouterr().err
    assert run(["--store", str(store), "explain", "Mara Lindqvist", "directr"]) == 2
    assert "did you mean director" in capsys.readouterr().err
    assert run(["--store", str(store), "explain", "Mara Lindqvist", "composer"]) == 2
    assert "no composer facts" in capsys.readouterr().err
