"""Article readers: text, HTML (boilerplate removed), JSON lines, directories, and bad input."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.errors import KGInputError, ParseError, UnknownFormatError
from kg.extract import extract
from kg.ingest import load_paths
from kg.loaders import LoadOptions
from kg.loaders.articles import (
    read_article_records,
    read_articles,
    read_html,
    read_jsonl,
    read_text,
)
from kg.store import Store

DATA = Path(__file__).parent / "data" / "articles"


def test_text_header_gives_date_and_title() -> None:
    doc = read_text(DATA / "harbor-review.txt")
    assert doc.published == "2024-03-02"
    assert doc.title == "Review: a quiet thriller on the water"
    assert doc.text.startswith("date 2024-03-02")  # offsets are into the file's own text


def test_html_keeps_only_the_article() -> None:
    doc = read_html(DATA / "lantern.html")
    assert "directed by Sofia Marchetti" in doc.text
    for junk in ("Evil Script", "Nobody Real", "Fake Person", "Subscribe", "Privacy", "About us"):
        assert junk not in doc.text
    assert doc.published == "2021-05-20"
    names = {f.object.name for f in extract(doc) if hasattr(f.object, "name")}
    assert {"Sofia Marchetti", "Luca Bianchi", "Ada Conti"} <= names
    assert not names & {"Evil Script", "Nobody Real", "Fake Person"}


def test_jsonl_fields() -> None:
    docs = list(read_jsonl(DATA / "batch.jsonl"))
    assert [d.id for d in docs] == ["a1", "a2"]
    assert docs[0].url == "https://example.org/night-ferry" and docs[0].published == "2019-02-01"
    assert docs[1].title == "Blue Orchard" and docs[1].url is None


def test_json_array(tmp_path: Path) -> None:
    p = tmp_path / "two.json"
    p.write_text('[{"text": "Heat was directed by Michael Mann."}, {"text": "B", "id": 7}]')
    assert [d.id for d in read_articles(p)][1] == "7"


def test_directory() -> None:
    docs = list(read_articles(DATA))
    assert len(docs) == 4


@pytest.mark.parametrize(
    ("name", "content", "match"),
    [
        ("empty.txt", b"", "empty file"),
        ("blank.txt", b"  \n\n ", "empty file"),
        ("binary.txt", b"GIF89a\x00\x01\x02", "binary file"),
        (
            "bad.txt",
            b"Heat was directed by Michael Mann.\n\xff\xfe oops",
            r"bad.txt:2: invalid UTF-8 at byte offset 35",
        ),
        (
            "bad.jsonl",
            b'{"text": "ok"}\n{"title": "no text"}\n',
            r"bad.jsonl:2: JSON object has no 'text'",
        ),
        ("broken.jsonl", b'{"text": "ok"}\n{oops\n', r"broken.jsonl:2: invalid JSON"),
        ("empty.jsonl", b"", "empty file"),
        (
            "empty.html",
            b"<html><body><nav>Home</nav><script>x()</script></body></html>",
            "no article text",
        ),
    ],
)
def test_bad_input(tmp_path: Path, name: str, content: bytes, match: str) -> None:
    p = tmp_path / name
    p.write_bytes(content)
    with pytest.raises(ParseError, match=match):
        list(read_articles(p))


def test_size_limit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    p = tmp_path / "big.txt"
    p.write_text("Heat was directed by Michael Mann. " * 100)
    with pytest.raises(
        ParseError, match=r"over the article size limit of 1,000 bytes.*KG_MAX_ARTICLE_BYTES"
    ):
        read_text(p, max_bytes=1000)
    monkeypatch.setenv("KG_MAX_ARTICLE_BYTES", "1000")
    with pytest.raises(ParseError, match="KG_MAX_ARTICLE_BYTES"):
        list(read_articles(p))
    monkeypatch.setenv("KG_MAX_ARTICLE_BYTES", "100000")
    assert len(list(read_articles(p))) == 1
    j = tmp_path / "big.jsonl"
    j.write_text('{"text": "' + "x" * 2000 + '"}\n')
    monkeypatch.setenv("KG_MAX_ARTICLE_BYTES", "1000")
    with pytest.raises(ParseError, match=r"big.jsonl:1: .*size limit"):
        list(read_articles(j))


def test_missing_and_unknown(tmp_path: Path) -> None:
    with pytest.raises(KGInputError, match="no such file"):
        list(read_articles(tmp_path / "nope.txt"))
    (tmp_path / "x.pdf").write_bytes(b"%PDF")
    with pytest.raises(UnknownFormatError):
        list(read_articles(tmp_path / "x.pdf"))
    empty_dir = tmp_path / "d"
    empty_dir.mkdir()
    with pytest.raises(KGInputError, match="no article files"):
        list(read_articles(empty_dir))


def test_records_one_source_per_article() -> None:
    docs = list(read_article_records(DATA / "batch.jsonl", LoadOptions()))
    assert len({d.source for d in docs}) == 2
    assert docs[0].url == "https://example.org/night-ferry"
    assert docs[0].source == docs[0].url


def test_batch_loads_one_graph_per_article() -> None:
    with Store.memory() as store:
        report = load_paths(store, [DATA / "batch.jsonl"], progress=False)
        assert len(report.loaded) == 2
        rows = store.query(
            "PREFIX kg: <https://w3id.org/filmkg/ontology#> PREFIX dcterms: <http://purl.org/dc/terms/> "
            "SELECT ?g ?x WHERE { GRAPH ?g { ?g kg:extractor ?x ; dcterms:identifier "
            "<https://example.org/night-ferry> . ?f ?p ?o FILTER(CONTAINS(STR(?o), 'karin-holm')) } }"
        ).rows()
        assert rows and {str(r[1]) for r in rows} == {"rules.v2"}
