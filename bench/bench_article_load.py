"""Article loading end to end: words/s of ``kg load articles.jsonl`` into an on-disk store that
already holds the Wikidata films table, next to the extractor alone on the same articles.

Run: ``.venv/bin/python bench/bench_article_load.py [--mb 0.5] [--runs 3] [--store DIR]``.
The articles are distinct (``bench/_articles.py``: the real ones, then news-style articles from
distinct rows of the table). Each timed load starts from its own hard-linked copy of the table
store (published generations are never written, so the copy is as good as a fresh load), in a
fresh process; the extractor alone runs in a fresh process too, in turn with the load (pairs), and
the ratio is the median of the pairs; then one more load, with the CPU seconds of each stage
(``--no-stages`` to skip it). Goal (issue 14): >= 25,000 words/s end to end.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import tempfile
from pathlib import Path

from _articles import corpus, write_jsonl
from _common import WIKIDATA, machine_line, paired, run_child, spread, table

GOAL = 25_000

BUILD = """
import sys
from kg.store import Store
from kg.ingest import load_paths
with Store.open(sys.argv[1]) as store:
    load_paths(store, [sys.argv[2]], mapping="wikidata_films", progress=False)
    result = {"triples": len(store)}
"""

LOAD = """
import sys, time
from kg.store import Store
from kg.ingest import load_paths
t0, c0 = time.perf_counter(), time.process_time()
with Store.open(sys.argv[1]) as store:
    report = load_paths(store, [sys.argv[2]], progress=False)
result = {"work_seconds": time.perf_counter() - t0, "work_cpu": time.process_time() - c0,
          "loaded": len(report.loaded)}
"""

STAGES = """
import sys, time
from collections import Counter
import kg.ingest as ingest
from kg.store import Store
spent = Counter()

def timed(owner, name, label):
    inner = getattr(owner, name)
    def wrapper(*args, **kwargs):
        c0 = time.process_time()
        try:
            return inner(*args, **kwargs)
        finally:
            spent[label] += time.process_time() - c0
    setattr(owner, name, wrapper)

make = ingest.get_extractor
def get_extractor(name):
    extractor = make(name)
    def run(*args, **kwargs):
        c0 = time.process_time()
        try:
            return extractor(*args, **kwargs)
        finally:
            spent["extract"] += time.process_time() - c0
    return run
ingest.get_extractor = get_extractor
timed(ingest._Pipeline, "article_lines", "article")
timed(ingest._KnownProvider, "known", "known-entities read")
timed(ingest._KnownProvider, "save", "known-entities save")
timed(ingest._Pipeline, "flush", "write (named graphs + merge)")
timed(ingest, "record_conflicts", "conflicts and agreements")
timed(ingest, "keep_summaries", "kept summaries")
c0 = time.process_time()
with Store.open(sys.argv[1]) as store:
    ingest.load_paths(store, [sys.argv[2]], progress=False)
total = time.process_time() - c0
spent["resolve + N-Triples + tallies"] = (
    spent.pop("article") - spent["extract"] - spent["known-entities read"]
)
spent["other (checksums, ontology, publishing)"] = total - sum(spent.values())
result = {"total": total, **spent}
"""

EXTRACT = """
import json, sys, time
from kg.extract import DEFAULT_EXTRACTOR, get_extractor
from kg.model import Document
docs = [json.loads(line) for line in open(sys.argv[1], encoding="utf-8")]
extractor = get_extractor(DEFAULT_EXTRACTOR)
t0, c0 = time.perf_counter(), time.process_time()
facts = sum(len(extractor(Document(d["id"], d["text"], title=d.get("title")), None)) for d in docs)
result = {"work_seconds": time.perf_counter() - t0, "work_cpu": time.process_time() - c0,
          "facts": facts}
"""


def _link_tree(source: Path, target: Path) -> None:
    """A copy of a store whose files are hard links (safe: published generations are read-only
    and the pointer is replaced by rename, never written in place). The writer's lock file is
    left out: a hard link would share one lock between the copies, and a load would wait for
    another copy's writer; each copy's store makes its own."""
    shutil.copytree(
        source, target, copy_function=os.link, ignore=shutil.ignore_patterns("writer.lock")
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--mb", type=float, default=0.5, help="article text in MB (default 0.5)")
    parser.add_argument("--runs", type=int, default=3, help="timed runs of each (default 3)")
    parser.add_argument("--store", type=Path, help="a store holding the table (else built here)")
    parser.add_argument(
        "--stages",
        action=argparse.BooleanOptionalAction,
        default=True,
        help="after the timed runs, one more load with the CPU time of each stage (default on)",
    )
    args = parser.parse_args()
    omdb = WIKIDATA / "omdb.csv"
    if args.store is None and not omdb.is_file():
        raise SystemExit(f"{omdb} not found: the benchmark needs the shared Wikidata table")
    docs = corpus(int(args.mb * 1024 * 1024))
    words = sum(len(a.text.split()) for a in docs)
    with tempfile.TemporaryDirectory(dir="/tmp") as tmp:
        jsonl = Path(tmp) / "articles.jsonl"
        write_jsonl(docs, jsonl)
        base = args.store
        if base is None:
            base = Path(tmp) / "table-store"
            built = run_child(BUILD, str(base), str(omdb))
            print(f"table store: {int(built['triples']):,} triples in {built['seconds']:.1f} s")
        copies = iter(range(10_000))

        def load() -> dict[str, float]:
            copy = Path(tmp) / f"copy-{next(copies)}"
            _link_tree(base, copy)
            try:
                return run_child(LOAD, str(copy), str(jsonl))
            finally:
                shutil.rmtree(copy, ignore_errors=True)

        def extract() -> dict[str, float]:
            return run_child(EXTRACT, str(jsonl))

        loads, extracts, ratios = paired(load, extract, args.runs, key="work_seconds")
        stages: dict[str, float] = {}
        if args.stages:
            copy = Path(tmp) / "copy-stages"
            _link_tree(base, copy)
            try:
                stages = run_child(STAGES, str(copy), str(jsonl))
            finally:
                shutil.rmtree(copy, ignore_errors=True)
    real = sum(a.origin == "real" for a in docs)
    print(machine_line())
    print(
        f"{len(docs):,} distinct articles ({real} real, {len(docs) - real:,} synthetic), "
        f"{words:,} words; median (min-max) of {args.runs} runs after a warm-up, in turn"
    )
    rows = [["what", "wall s", "cpu s", "words/s (wall)", "peak MB"]]
    for name, runs in (("kg load into the table store", loads), ("extractor alone", extracts)):
        wall = [r["work_seconds"] for r in runs]
        rows.append(
            [
                name,
                spread(wall),
                spread([r["work_cpu"] for r in runs]),
                f"{words / statistics.median(wall):,.0f}",
                f"{statistics.median(r['peak_mb'] for r in runs):.0f}",
            ]
        )
    print(table(rows))
    end_to_end = words / statistics.median(r["work_seconds"] for r in loads)
    print(f"load / extractor time: {spread(ratios)}x")
    print(f"goal {GOAL:,} words/s end to end: {'meets' if end_to_end >= GOAL else 'BELOW'}")
    if stages:
        skip = {"total", "seconds", "cpu_seconds", "peak_mb", "process_seconds"}
        rows = [["stage (one more load, CPU s)", "cpu s", "share"]]
        for name, value in sorted(
            ((k, v) for k, v in stages.items() if k not in skip), key=lambda kv: -kv[1]
        ):
            rows.append([name, f"{value:.2f}", f"{value / stages['total']:.0%}"])
        rows.append(["total", f"{stages['total']:.2f}", "100%"])
        print(table(rows))


if __name__ == "__main__":
    main()
