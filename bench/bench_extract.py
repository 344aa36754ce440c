"""Extraction throughput: the default article extractor in words/s on >= 1 MB of article text,
next to spaCy's blank tokenizer alone on the same text in the same run (the ratio is tracked).

Run: ``.venv/bin/python bench/bench_extract.py [--mb 1.0]``.  The corpus is built at run time from
tests/data/articles, data/sample/articles and the texts of ../shared/data/gold/dev.jsonl (when
present), shuffled with a fixed seed and repeated until it reaches the size.  Both are timed in
CPU seconds of this process (``time.process_time``: one core; other load on a shared machine
does not count).  Goal: >= 50,000 words/s on one core.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bench._common import SHARED, table  # noqa: E402

GOAL = 50_000


def corpus_docs() -> list[tuple[str, str | None]]:
    """(text, title) of every article found, read fresh from the files."""
    from kg.loaders.articles import read_articles

    docs: list[tuple[str, str | None]] = []
    for folder in (REPO / "tests" / "data" / "articles", REPO / "data" / "sample" / "articles"):
        for doc in read_articles(folder):
            docs.append((doc.text, doc.title))
    dev = SHARED / "gold" / "dev.jsonl"
    if dev.is_file():
        for line in dev.read_text(encoding="utf-8").splitlines():
            if line.strip():
                obj = json.loads(line)
                docs.append((obj["text"], obj.get("title")))
    for path in (
        sorted((SHARED / "articles").glob("*.txt")) if (SHARED / "articles").is_dir() else []
    ):
        docs.append((path.read_text(encoding="utf-8"), None))
    return docs


def build(size_bytes: int, seed: int = 7) -> list[tuple[str, str | None]]:
    """Shuffled copies of the articles until their text reaches ``size_bytes``."""
    base = corpus_docs()
    rng = random.Random(seed)
    out: list[tuple[str, str | None]] = []
    total = 0
    while total < size_bytes:
        batch = base[:]
        rng.shuffle(batch)
        for text, title in batch:
            out.append((text, title))
            total += len(text.encode("utf-8"))
            if total >= size_bytes:
                break
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--mb", type=float, default=1.0, help="corpus size in MB (default 1)")
    args = parser.parse_args()
    from kg.extract import DEFAULT_EXTRACTOR, get_extractor
    from kg.extract.pipeline import get_nlp
    from kg.model import Document

    docs = build(int(args.mb * 1024 * 1024))
    size = sum(len(t.encode("utf-8")) for t, _ in docs)
    words = sum(len(t.split()) for t, _ in docs)
    extractor = get_extractor(DEFAULT_EXTRACTOR)
    nlp = get_nlp()
    tokenizer = nlp.tokenizer
    # warm up both (pattern compilation, vocab)
    extractor(Document("warm", docs[0][0], title=docs[0][1]), None)
    tokenizer(docs[0][0])

    t0 = time.process_time()
    for text, _ in docs:
        tokenizer(text)
    tok_s = time.process_time() - t0

    t0 = time.process_time()
    facts = 0
    for i, (text, title) in enumerate(docs):
        facts += len(extractor(Document(f"d{i}", text, title=title), None))
    ext_s = time.process_time() - t0

    tok_wps = words / tok_s
    ext_wps = words / ext_s
    print(f"corpus: {len(docs):,} articles, {size / 1e6:.2f} MB, {words:,} words")
    print(
        table(
            [
                ["what", "seconds", "words/s"],
                ["spaCy blank tokenizer", f"{tok_s:.2f}", f"{tok_wps:,.0f}"],
                [f"extractor {DEFAULT_EXTRACTOR}", f"{ext_s:.2f}", f"{ext_wps:,.0f}"],
            ]
        )
    )
    print(f"extractor / tokenizer time ratio: {ext_s / tok_s:.1f}x; facts: {facts:,}")
    verdict = "meets" if ext_wps >= GOAL else "BELOW"
    print(f"goal {GOAL:,} words/s on one core: {verdict}")


if __name__ == "__main__":
    main()
