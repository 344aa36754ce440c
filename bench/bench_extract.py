"""Extraction throughput: the default article extractor in words/s on >= 1 MB of distinct articles,
next to spaCy's blank tokenizer alone on the same text in the same run (the ratio is tracked).

Run: ``.venv/bin/python bench/bench_extract.py [--mb 1.0] [--runs 3]``.  No article is repeated:
the corpus is every real article available (tests/data/articles, data/sample/articles,
../shared/data/news/dev.jsonl, ../shared/data/gold/dev.jsonl, ../shared/data/articles), then
news-style articles written from distinct rows of the Wikidata films table until it reaches the
size (see ``bench/_articles.py``).  Both are timed in CPU seconds of this process
(``time.process_time``: one core), in turn, one warm-up each and ``--runs`` timed passes over the
whole corpus; medians are quoted. Before each timed pass of the extractor its bounded caches are
emptied, so the warm-up's reading of the same text does not count as work saved.  Goal: >= 50,000 words/s on one core.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable

from _articles import corpus
from _common import REPO, machine_line, spread, table

sys.path.insert(0, str(REPO))

GOAL = 50_000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0] if __doc__ else None)
    parser.add_argument("--mb", type=float, default=1.0, help="corpus size in MB (default 1)")
    parser.add_argument("--runs", type=int, default=3, help="timed passes of each (default 3)")
    args = parser.parse_args()
    import spacy

    from kg.extract import DEFAULT_EXTRACTOR, get_extractor
    from kg.model import Document

    docs = corpus(int(args.mb * 1024 * 1024))
    size = sum(len(a.text.encode("utf-8")) for a in docs)
    words = sum(len(a.text.split()) for a in docs)
    real = [a for a in docs if a.origin == "real"]
    real_words = sum(len(a.text.split()) for a in real)
    extractor = get_extractor(DEFAULT_EXTRACTOR)
    tokenizer = spacy.blank("en").tokenizer

    def tokenize() -> int:
        for a in docs:
            tokenizer(a.text)
        return 0

    def extract() -> int:
        return sum(len(extractor(Document(a.id, a.text, title=a.title), None)) for a in docs)

    def cpu(func: Callable[[], int]) -> float:
        t0 = time.process_time()
        func()
        return time.process_time() - t0

    def cold_extract() -> int:
        _empty_bounded_caches()
        return extract()

    cpu(tokenize)
    facts = extract()  # warm-up of each
    tok: list[float] = []
    ext: list[float] = []
    for _ in range(args.runs):
        tok.append(cpu(tokenize))
        ext.append(cpu(cold_extract))
    tok_s, ext_s = statistics.median(tok), statistics.median(ext)
    print(machine_line())
    print(
        f"corpus: {len(docs):,} distinct articles, {size / 1e6:.2f} MB, {words:,} words "
        f"({len(real)} real articles with {real_words:,} words; "
        f"{len(docs) - len(real):,} synthetic from the Wikidata table)"
    )
    print(
        f"CPU seconds: median (min-max) of {args.runs} passes after a warm-up; the extractor's "
        "bounded caches are emptied before each pass (text read once)"
    )
    print(
        table(
            [
                ["what", "cpu s", "words/s"],
                ["spaCy blank tokenizer", spread(tok), f"{words / tok_s:,.0f}"],
                [f"extractor {DEFAULT_EXTRACTOR}", spread(ext), f"{words / ext_s:,.0f}"],
            ]
        )
    )
    ratios = [e / t for e, t in zip(ext, tok, strict=True)]
    print(f"extractor / tokenizer time: {spread(ratios)}x; facts: {facts:,}")
    verdict = "meets" if words / ext_s >= GOAL else "BELOW"
    print(f"goal {GOAL:,} words/s on one core: {verdict}")


def _empty_bounded_caches() -> None:
    """Empty the extractor's bounded caches (rule matches by skeleton, guards, name lookups), so
    a timed pass reads the corpus as new text, as ``kg load`` of a folder does; the unbounded
    ones (compiled rules, word lists) stay, as in any process that has read one article."""
    for name, module in list(sys.modules.items()):
        if not name.startswith("kg.extract"):
            continue
        for obj in vars(module).values():
            info = getattr(obj, "cache_info", None)
            if callable(info) and info().maxsize is not None:
                obj.cache_clear()


if __name__ == "__main__":
    main()
