"""Article corpora for the extraction benchmarks: every document distinct, none repeated.

Real texts first (the project's own test and sample articles, ``../shared/data/news/dev.jsonl``,
``../shared/data/gold/dev.jsonl`` and ``../shared/data/articles``); when more words are needed,
news-style articles written here from rows of the Wikidata films table, each about films no other
article of the corpus is about (so no text is repeated and the extractor's work is real work).
"""

from __future__ import annotations

import csv
import json
import random
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from _common import REPO, SHARED, WIKIDATA


@dataclass(frozen=True)
class Article:
    """One article of a corpus: id, text, optional title, and where it came from."""

    id: str
    text: str
    title: str | None
    origin: str  # "real" or "synthetic"


def real_articles() -> list[Article]:
    """Every real article available here, each once."""
    import sys

    sys.path.insert(0, str(REPO))
    from kg.loaders.articles import read_articles

    out: list[Article] = []
    for folder in (REPO / "tests" / "data" / "articles", REPO / "data" / "sample" / "articles"):
        for doc in read_articles(folder):
            out.append(Article(f"{folder.name}/{doc.id}", doc.text, doc.title, "real"))
    for path in (SHARED / "news" / "dev.jsonl", SHARED / "gold" / "dev.jsonl"):
        if path.is_file():
            for line in path.read_text(encoding="utf-8").splitlines():
                if line.strip():
                    obj = json.loads(line)
                    out.append(Article(obj["id"], obj["text"], obj.get("title"), "real"))
    folder = SHARED / "articles"
    for path in sorted(folder.glob("*.txt")) if folder.is_dir() else []:
        out.append(Article(path.stem, path.read_text(encoding="utf-8"), None, "real"))
    seen: set[str] = set()
    unique = []
    for article in out:  # the same text in two places counts once
        if article.text not in seen:
            seen.add(article.text)
            unique.append(article)
    return unique


def _films(seed: int) -> list[dict[str, str]]:
    omdb = WIKIDATA / "omdb.csv"
    if not omdb.is_file():
        return []
    studios: dict[str, str] = {}
    tomatoes = WIKIDATA / "tomatoes.csv"
    if tomatoes.is_file():
        with tomatoes.open(encoding="utf-8") as f:
            studios = {r["ID"]: r["Production"] for r in csv.DictReader(f) if r["Production"]}
    with omdb.open(encoding="utf-8") as f:
        rows = [
            {**r, "Production": studios.get(r["ID"], "")}
            for r in csv.DictReader(f)
            if r["Director"] and r["Cast"]
        ]
    random.Random(seed).shuffle(rows)
    return rows


def _names(cell: str, rng: random.Random, most: int) -> list[str]:
    names = [n.strip() for n in cell.split(", ") if n.strip() and not n.strip().endswith(".")]
    rng.shuffle(names)
    return names[:most]


def _and(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def _film_paragraph(row: dict[str, str], rng: random.Random) -> str:
    title, year = row["Title"], row["Year"]
    directors = _names(row["Director"], rng, 2) or ["an unnamed director"]
    cast = _names(row["Cast"], rng, 4)
    writers = _names(row["Writer"], rng, 2)
    studio = _names(row["Production"], rng, 1)
    genre = (row["Genre"].split(", ")[0] or "feature").lower()
    date = row["Released"]
    opening = rng.choice(
        [
            f'"{title}" is a {year} {genre} film directed by {_and(directors)}.',
            f"{_and(directors)} directed {title}, a {genre} picture from {year}.",
            f'The {genre} film "{title}", directed by {_and(directors)}, came out in {year}.',
            f"In {year}, {_and(directors)} made {title}.",
        ]
    )
    parts = [opening]
    if cast:
        parts.append(
            rng.choice(
                [
                    f"It stars {_and(cast)}.",
                    f"The cast includes {_and(cast)}.",
                    f"{_and(cast)} star in the film.",
                    f"Starring {_and(cast)}, it drew a wide audience.",
                ]
            )
        )
    if writers:
        parts.append(
            rng.choice(
                [
                    f"The screenplay was written by {_and(writers)}.",
                    f"{_and(writers)} wrote the script.",
                ]
            )
        )
    if studio:
        parts.append(
            rng.choice(
                [
                    f"It was produced by {studio[0]}.",
                    f"{studio[0]} produced the film.",
                ]
            )
        )
    if date:
        parts.append(
            rng.choice(
                [
                    f"It was released on {date}.",
                    f"The film opened in theatres on {date}.",
                ]
            )
        )
    return " ".join(parts)


def synthetic_articles(seed: int = 7, films_per_article: int = 3) -> Iterator[Article]:
    """News-style articles, each about ``films_per_article`` films of the Wikidata table that no
    other article mentions (a film is used once), with varied wordings."""
    rng = random.Random(seed)
    rows = _films(seed)
    for n, start in enumerate(range(0, len(rows) - films_per_article + 1, films_per_article)):
        group = rows[start : start + films_per_article]
        paragraphs = [_film_paragraph(row, rng) for row in group]
        headline = f"{group[0]['Title']} and more: films of {group[0]['Year']}"
        yield Article(f"synthetic-{n}", "\n\n".join(paragraphs), headline, "synthetic")


def corpus(size_bytes: int, seed: int = 7) -> list[Article]:
    """Distinct articles whose texts add up to at least ``size_bytes`` (real ones first, then
    synthetic ones as needed); raises ``SystemExit`` if the table is missing and more is needed."""
    out = real_articles()
    total = sum(len(a.text.encode("utf-8")) for a in out)
    if total >= size_bytes:
        return out
    for article in synthetic_articles(seed):
        out.append(article)
        total += len(article.text.encode("utf-8"))
        if total >= size_bytes:
            return out
    raise SystemExit(
        f"only {total:,} bytes of distinct articles (the Wikidata table is needed for more); "
        "ask for a smaller corpus"
    )


def write_jsonl(articles: list[Article], path: Path) -> None:
    """Articles as a JSON-lines file ``kg load`` reads (one article a line)."""
    with path.open("w", encoding="utf-8") as out:
        for a in articles:
            obj = {"id": a.id, "text": a.text, **({"title": a.title} if a.title else {})}
            out.write(json.dumps(obj, ensure_ascii=False) + "\n")
