"""Load speed and memory, each against Oxigraph's own bulk loader in the same run.

- N-Triples (a synthetic film-shaped file): ``kg load`` on disk and in memory, pyoxigraph's
  ``Store.bulk_load`` of the same file on disk, and rdflib's ``Graph().parse()``.
- The Wikidata films table (``kg load omdb.csv --mapping wikidata_films``, on disk) against
  pyoxigraph's ``bulk_load`` of the very graph that load writes, as N-Quads (exported once from a
  first load; the anchor is what Oxigraph alone needs to store the same quads).

Every measurement runs in a fresh process (peak RSS is per process); kg and its anchor run in turn
(A B A B ...) after one warm-up each, and the ratio is the median of the pairs. Goal (issue 14):
the table load within 1.2x of the bulk load of its N-Quads.

    .venv/bin/python bench/bench_load.py [--triples 1000000] [--runs 3] [--skip-rdflib]
"""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
from pathlib import Path

from _common import WIKIDATA, machine_line, medians, paired, run_child, spread, table


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


KG_LOAD = """
import atexit, shutil, sys, tempfile
from kg.store import Store
from kg.ingest import load_paths
mapping = sys.argv[2] or None
where = None if sys.argv[1] == "memory" else tempfile.mkdtemp(dir=sys.argv[3])
if where is not None:
    atexit.register(shutil.rmtree, where, True)  # after the figures are printed
    where += "/store"
with (Store.memory() if where is None else Store.open(where)) as store:
    load_paths(store, [sys.argv[4]], mapping=mapping, progress=False)
    result = {"triples": len(store)}
"""

BULK_LOAD = """
import atexit, shutil, sys, tempfile
import pyoxigraph as ox
where = tempfile.mkdtemp(dir=sys.argv[1])
atexit.register(shutil.rmtree, where, True)  # after the figures are printed
store = ox.Store(where + "/oxigraph")
fmt = ox.RdfFormat.N_QUADS if sys.argv[2].endswith(".nq") else ox.RdfFormat.N_TRIPLES
store.bulk_load(path=sys.argv[2], format=fmt)
store.flush()
result = {"triples": len(store)}
"""

EXPORT = """
import sys
from kg.store import Store
from kg.ingest import load_paths
from kg.export import export_rdf
with Store.open(sys.argv[1]) as store:
    load_paths(store, [sys.argv[2]], mapping="wikidata_films", progress=False)
    export_rdf(store, sys.argv[3])
    result = {"triples": len(store)}
"""

RDFLIB = """
import sys
from rdflib import Graph
g = Graph()
g.parse(sys.argv[1], format="nt")
result = {"triples": len(g)}
"""


def _row(name: str, runs: list[dict[str, float]], note: str) -> list[str]:
    m = medians(runs)
    return [
        name,
        f"{int(m['triples']):,}",
        spread([r["seconds"] for r in runs]),
        f"{m['cpu_seconds']:.1f}",
        f"{m['triples'] / m['seconds']:,.0f}",
        f"{m['peak_mb']:.0f}",
        note,
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--triples", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=3, help="timed runs of each (default 3)")
    parser.add_argument("--skip-rdflib", action="store_true", help="leave out rdflib's parser")
    parser.add_argument("--skip-table", action="store_true", help="leave out the Wikidata table")
    args = parser.parse_args()
    print(machine_line())
    print(f"each figure: median (min-max) of {args.runs} runs after a warm-up; ratios pair by pair")
    header = ["load", "triples", "wall s", "cpu s", "triples/s", "peak MB", "vs the anchor"]
    rows = [header]
    with tempfile.TemporaryDirectory(dir="/tmp") as tmp:
        nt = Path(tmp) / "synthetic.nt"
        synthetic_ntriples(nt, args.triples)

        def ours() -> dict[str, float]:
            return run_child(KG_LOAD, "disk", "", tmp, str(nt))

        def bulk() -> dict[str, float]:
            return run_child(BULK_LOAD, tmp, str(nt))

        kg_runs, bulk_runs, ratios = paired(ours, bulk, args.runs)
        memory = [run_child(KG_LOAD, "memory", "", tmp, str(nt)) for _ in range(args.runs)]
        rows.append(
            _row("kg load N-Triples (disk)", kg_runs, f"{spread(ratios)}x pyoxigraph bulk_load")
        )
        rows.append(_row("pyoxigraph bulk_load (disk)", bulk_runs, "anchor"))
        rows.append(_row("kg load N-Triples (memory)", memory, ""))
        if not args.skip_rdflib:
            base = [run_child(RDFLIB, str(nt)) for _ in range(args.runs)]
            kg_s = statistics.median(r["seconds"] for r in kg_runs)
            rdf_s = statistics.median(r["seconds"] for r in base)
            rows.append(
                _row("rdflib Graph().parse()", base, f"kg disk load {rdf_s / kg_s:.1f}x faster")
            )

        omdb = WIKIDATA / "omdb.csv"
        if args.skip_table:
            pass
        elif not omdb.exists():
            print(f"(skipped the Wikidata table: {omdb} not found)")
        else:
            nq = Path(tmp) / "wikidata.nq"
            run_child(EXPORT, str(Path(tmp) / "export-store"), str(omdb), str(nq))

            def table_load() -> dict[str, float]:
                return run_child(KG_LOAD, "disk", "wikidata_films", tmp, str(omdb))

            def table_bulk() -> dict[str, float]:
                return run_child(BULK_LOAD, tmp, str(nq))

            t_runs, b_runs, t_ratios = paired(table_load, table_bulk, args.runs)
            cpu = [a["cpu_seconds"] / b["cpu_seconds"] for a, b in zip(t_runs, b_runs, strict=True)]
            rows.append(
                _row(
                    "kg load Wikidata table (disk)",
                    t_runs,
                    f"{spread(t_ratios)}x wall, {spread(cpu)}x cpu of bulk_load (goal <= 1.2x)",
                )
            )
            rows.append(_row("pyoxigraph bulk_load of its N-Quads", b_runs, "anchor"))
    print(table(rows))
    print(machine_line())


if __name__ == "__main__":
    main()
