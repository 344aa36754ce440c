"""Load speed and memory: our bulk load vs rdflib's parser on the same N-Triples, and the Wikidata table.

Each measurement runs in a fresh process (peak RSS is per process). The ratio against rdflib's
``Graph().parse()`` measured in the same run is the figure we track (goal: >= 10x faster, less memory).

    .venv/bin/python bench/bench_load.py [--triples 1000000]
"""

from __future__ import annotations

import argparse
import random
import tempfile
from pathlib import Path

from _common import WIKIDATA, run_child, table


def synthetic_ntriples(path: Path, n: int, seed: int = 7) -> None:
    """A film-shaped N-Triples file of ``n`` triples (films, people, credits, labels, years)."""
    rng = random.Random(seed)
    kg, res = "https://w3id.org/filmkg/ontology#", "https://w3id.org/filmkg/resource/"
    rdf_type = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"
    label = "<http://www.w3.org/2000/01/rdf-schema#label>"
    written = 0
    with path.open("w", encoding="utf-8") as out:
        film = 0
        while written < n:
            f = f"<{res}film/film-{film}>"
            lines = [
                f"{f} {rdf_type} <{kg}Film> .",
                f'{f} {label} "Film number {film}" .',
                f'{f} <{kg}year> "{1920 + film % 100}"^^<http://www.w3.org/2001/XMLSchema#gYear> .',
            ]
            for _ in range(6):
                p = f"<{res}person/person-{rng.randrange(n // 20 + 1)}>"
                lines.append(f"{f} <{kg}castMember> {p} .")
            out.write("\n".join(lines) + "\n")
            written += len(lines)
            film += 1


OURS = """
import sys, tempfile
from kg.store import Store
from kg.ingest import load_paths
with Store.open(tempfile.mkdtemp() + "/store") as store:
    load_paths(store, [sys.argv[1]], progress=False)
    result = {"triples": len(store)}
"""

OURS_MEMORY = """
import sys
from kg.store import Store
from kg.ingest import load_paths
with Store.memory() as store:
    load_paths(store, [sys.argv[1]], progress=False)
    result = {"triples": len(store)}
"""

OURS_TABLE = """
import sys, tempfile
from kg.store import Store
from kg.ingest import load_paths
with Store.open(tempfile.mkdtemp() + "/store") as store:
    load_paths(store, [sys.argv[1]], mapping="wikidata_films", progress=False)
    result = {"triples": len(store)}
"""

RDFLIB = """
import sys
from rdflib import Graph
g = Graph()
g.parse(sys.argv[1], format="nt")
result = {"triples": len(g)}
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--triples", type=int, default=1_000_000)
    args = parser.parse_args()
    rows = [["load", "triples", "seconds", "triples/s", "peak MB", "vs rdflib"]]
    with tempfile.TemporaryDirectory() as tmp:
        nt = Path(tmp) / "synthetic.nt"
        synthetic_ntriples(nt, args.triples)
        base = run_child(RDFLIB, str(nt))
        ours = run_child(OURS, str(nt))
        memory = run_child(OURS_MEMORY, str(nt))
        for name, r in (
            ("kg load (N-Triples, on disk)", ours),
            ("kg load (N-Triples, in memory)", memory),
            ("rdflib Graph().parse()", base),
        ):
            rows.append(
                [
                    name,
                    f"{int(r['triples']):,}",
                    f"{r['seconds']:.2f}",
                    f"{r['triples'] / r['seconds']:,.0f}",
                    f"{r['peak_mb']:.0f}",
                    f"{base['seconds'] / r['seconds']:.1f}x faster, {r['peak_mb'] / base['peak_mb']:.2f}x memory",
                ]
            )
    omdb = WIKIDATA / "omdb.csv"
    if omdb.exists():
        r = run_child(OURS_TABLE, str(omdb))
        rows.append(
            [
                "kg load Wikidata films table",
                f"{int(r['triples']):,}",
                f"{r['seconds']:.2f}",
                f"{r['triples'] / r['seconds']:,.0f}",
                f"{r['peak_mb']:.0f}",
                "",
            ]
        )
    else:
        print(f"(skipped the Wikidata table: {omdb} not found)")
    print(table(rows))


if __name__ == "__main__":
    main()
