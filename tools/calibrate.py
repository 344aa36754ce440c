"""Calibrate the rule extractor's confidences on development gold sets, and show its errors.

Runs ``rules.v2`` with every rule on (no threshold), judges each emitted fact against the gold
(:func:`kg.eval.judge_document`), and counts per rule how many facts were emitted and how many
were right. ``--write`` stores the counts in ``kg/extract/data/calibration.json``; the extractor
then gives each fact its rule's rate of being right, shrunk towards a prior
(:func:`kg.extract.engine.rule_confidence`), as its confidence and drops rules below
:data:`kg.extract.engine.MIN_CONFIDENCE`.

Only development data goes in: ``../shared/data/gold/dev.jsonl`` and the even-numbered lines of
``../shared/data/news/dev.jsonl`` (the odd lines are kept apart as our own held-out check; pass
``--lines odd`` to score them, never ``--write`` with them).

Usage:
  python tools/calibrate.py                       # the per-rule table
  python tools/calibrate.py --errors cast         # wrong facts and misses, rules starting 'cast'
  python tools/calibrate.py --write               # store the counts
  python tools/calibrate.py --lines odd           # the held-out half, scores only
"""

from __future__ import annotations

import argparse
import csv
import json
from collections import defaultdict
from pathlib import Path
from typing import Any

from kg.eval import Score, judge_document, load_gold
from kg.extract import engine
from kg.extract.gazetteer import Gazetteer
from kg.model import EntityRef, EntityType

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "data"
OUT = ROOT / "kg" / "extract" / "data" / "calibration.json"


def news_lines(path: Path, parity: str) -> list[dict[str, Any]]:
    """The even (2, 4, ...) or odd (1, 3, ...) 1-based lines of a JSON-lines gold file."""
    want = 0 if parity == "even" else 1
    out = []
    with path.open(encoding="utf-8") as fh:
        for number, line in enumerate(fh, 1):
            if number % 2 == want and line.strip():
                out.append(json.loads(line))
    return out


def wikidata_gazetteer() -> Gazetteer:
    """Films and people of the Wikidata films table, as a store holding it would give them."""
    refs: list[EntityRef] = []
    with (SHARED / "structured" / "wikidata_films" / "omdb.csv").open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            year = row.get("Year", "")
            refs.append(
                EntityRef(EntityType.FILM, row["Title"], year=int(year) if year.isdigit() else None)
            )
            for column in ("Director", "Writer", "Cast"):
                for name in (row.get(column) or "").split(", "):
                    if name.strip():
                        refs.append(EntityRef(EntityType.PERSON, name.strip()))
    return Gazetteer.from_refs(refs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--lines", choices=["even", "odd"], default="even")
    parser.add_argument("--errors", metavar="PREFIX", help="print errors of rules with this prefix")
    parser.add_argument("--misses", action="store_true", help="print missed explicit triples")
    parser.add_argument("--write", action="store_true", help="write calibration.json")
    parser.add_argument("--raw", action="store_true", help="no threshold, no calibration")
    parser.add_argument(
        "--gazetteer",
        action="store_true",
        help="give the extractor the titles and people of the Wikidata films table, as the "
        "store does after `kg load` of it",
    )
    args = parser.parse_args()
    if args.write and args.lines == "odd":
        parser.error("never calibrate on the held-out (odd) lines")
    if args.write or args.raw:
        engine.MIN_CONFIDENCE = 0.0
        engine._calibration.cache_clear()
        engine._calibration.__wrapped__ = lambda: {}  # type: ignore[attr-defined]
        setattr(engine, "_calibration", lambda: {})  # noqa: B010
    sets = {
        "news": news_lines(SHARED / "news" / "dev.jsonl", args.lines),
    }
    if args.lines == "even":
        sets["gold"] = load_gold(SHARED / "gold" / "dev.jsonl")
    gazetteer = wikidata_gazetteer() if args.gazetteer else None
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for name, docs in sets.items():
        by_source: dict[str, Score] = defaultdict(Score)
        for number, gold in enumerate(docs, 1):
            doc = engine.Document(
                str(gold.get("id", number)), str(gold["text"]), title=gold.get("title")
            )
            judged = judge_document(gold, engine.extract(doc, gazetteer), number=number)
            score = by_source[judged.source]
            for t in judged.found:
                if t.get("explicit", True):
                    score.tp += 1
                else:
                    score.ti += 1
            score.fn += len(judged.missed)
            score.mi += len(judged.missed_implicit)
            for fact, right in judged.facts:
                rule = fact.evidence.rule if fact.evidence else "?"
                counts[rule][1] += 1
                counts[rule][0] += int(right)
                if not right:
                    score.fp += 1
                if args.errors is not None and not right and rule.startswith(args.errors):
                    obj = getattr(fact.object, "name", None) or getattr(fact.object, "text", "")
                    print(f"FP [{rule}] {fact.subject.name} | {fact.relation.value} | {obj}")
                    print(f"     {fact.evidence.sentence if fact.evidence else ''}")
            if args.misses:
                for t in judged.missed:
                    print(f"FN {t['subject']} | {t['relation']} | {t['object']}")
                    print(f"     {t.get('evidence', '')}")
        for source, s in sorted(by_source.items()):
            print(
                f"{name:5} {source:12} P {s.precision:.3f}  R(explicit) {s.recall:.3f}  "
                f"R(all) {s.recall_all:.3f}  F1 {s.f1:.3f}  tp {s.tp} fp {s.fp} fn {s.fn} "
                f"ti {s.ti} mi {s.mi}"
            )
    print()
    for rule, (right, emitted) in sorted(counts.items()):
        name = rule.partition("@")[0]
        known = next((r for r in engine.ALL_RULES if r.name == name), None)
        prior = 0.75 if known is None or known.explicit else 0.6
        conf = (right + engine.PRIOR_WEIGHT * prior) / (emitted + engine.PRIOR_WEIGHT)
        print(f"{rule:44} {right:4}/{emitted:<4} conf {conf:.2f}")
    if args.write:
        OUT.write_text(
            json.dumps(
                {
                    "about": "per rule: [right, emitted] on ../shared/data/gold/dev.jsonl and the "
                    "even lines of ../shared/data/news/dev.jsonl; written by tools/calibrate.py",
                    "rules": {k: v for k, v in sorted(counts.items())},
                },
                indent=1,
            )
            + "\n",
            encoding="utf-8",
        )
        print(f"wrote {OUT}")


if __name__ == "__main__":
    main()
