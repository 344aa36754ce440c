"""Scale: the Wikidata films table grown to 10M and 30M triples (100M on request), on disk.

Loads the real table (1.8M triples), then tables of new films made by ``bench/_growth.py`` (more
films, people reused in proportion to their credits, so the graph keeps its shape) until each
size is reached, and at each size prints: the last table's load time (wall, CPU) and peak RSS,
the store's size on disk, the median time of named point queries and of the aggregates
(``counts-by-type``, ``busiest-people``, ``people-most-studios``, ``director-actor-pairs``, and
``kg stats``), and the co-star projection (the sparse product, then the networkx graph without
film lists). Every figure is the median of ``--runs`` warm runs in a fresh process per size;
the machine's load average is printed beside them (shared machine: quote medians).

Goals (issue 14): point queries < 50 ms and aggregates < 2 s at every size; the aggregates come
from the counts ``kg load`` keeps (``kg.summary``), not from a scan.

Run: ``.venv/bin/python bench/bench_scale.py [--work DIR] [--sizes 2,10,30] [--runs 3]``
(``--sizes 2,10,30,100`` for 100M triples: about 50 tables, hours on this machine; a ``--work``
directory that exists is resumed, its store and tables kept).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import WIKIDATA, machine_line, run_child, table
from _growth import Growth, write_part

POINT = {
    "cast-of-film": {"film": "Heat (1995)"},
    "film-details": {"film": "Heat (1995)"},
    "filmography": {"person": "Clint Eastwood"},
    "films-by-director": {"director": "Alfred Hitchcock"},
    "studio-films-by-year": {"studio": "Regency Enterprises"},
}
"""Named point queries and their parameters (real names: growth films get new titles)."""

NEIGHBOURHOOD = {"co-stars": {"person": "Al Pacino"}}
"""Named queries whose answer grows with the graph around one node (Al Pacino's co-stars: 855
rows in the real table, more as grown films reuse him), timed apart from the point queries."""

AGGREGATES = ["counts-by-type", "busiest-people", "people-most-studios", "director-actor-pairs"]

_LOAD = """
import sys
from kg.ingest import load_paths
from kg.store import Store
from kg.summary import summary_stats
with Store.open(sys.argv[1]) as store:
    load_paths(store, [sys.argv[2]], mapping="wikidata_films", progress=False)
with Store.open(sys.argv[1], read_only=True) as store:
    result = {"triples": summary_stats(store)["triples"]}
"""

_MEASURE = """
import json, statistics, sys, time
from kg.network.build import build_sparse
from kg.query import run_named_query
from kg.stats import graph_stats
from kg.store import Store
point, aggregates, runs = json.loads(sys.argv[2]), json.loads(sys.argv[3]), int(sys.argv[4])

def median(func):
    func()
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        func()
        times.append(time.perf_counter() - t)
    return statistics.median(times)

result = {}
with Store.open(sys.argv[1], read_only=True) as store:
    for name, params in point.items():
        key = ("n:" if name in json.loads(sys.argv[5]) else "q:") + name
        result[key] = median(lambda: run_named_query(store, name, params).rows())
    for name in aggregates:
        result["a:" + name] = median(lambda: run_named_query(store, name, {}).rows())
    result["a:kg stats"] = median(lambda: graph_stats(store))
    t = time.process_time()
    sg = build_sparse(store, "co-star")
    result["costar_sparse_cpu"] = time.process_time() - t
    t = time.process_time()
    g = sg.to_networkx(films=False)
    result["costar_nx_cpu"] = time.process_time() - t
    result["costar_edges"] = g.number_of_edges()
"""


def disk_bytes(path: Path) -> int:
    """Bytes the store takes on disk (``du``: hard-linked generations counted once)."""
    out = subprocess.run(["du", "-sb", str(path)], capture_output=True, text=True, check=True)
    return int(out.stdout.split()[0])


def load(store: Path, table_path: Path) -> dict[str, float]:
    """Load one table in a fresh process; its wall and CPU seconds, peak RSS and the triples."""
    return run_child(_LOAD, str(store), str(table_path))


def measure(store: Path, runs: int) -> dict[str, float]:
    """Query and projection times at the store's current size, in a fresh process."""
    queries = {**POINT, **NEIGHBOURHOOD}
    return run_child(
        _MEASURE, str(store), json.dumps(queries), json.dumps(AGGREGATES), str(runs),
        json.dumps(list(NEIGHBOURHOOD)),
    )  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--work", type=Path, default=None, help="store and tables (kept)")
    parser.add_argument("--sizes", default="2,10,30", help="millions of triples")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    work = args.work or Path(tempfile.mkdtemp(prefix="kg-scale-"))
    store, parts = work / "store", work / "tables"
    print(machine_line(), flush=True)
    print(f"work directory: {work}", flush=True)
    growth = Growth.from_table(args.seed)
    done = sorted(parts.glob("part-*/omdb.csv")) if parts.exists() else []
    for existing in done:  # a resumed run: the growth process must pass those films again
        growth.replay(existing)
    queue = [WIKIDATA / "omdb.csv"] if not store.exists() else []
    ledger = work / "loaded.txt"  # the tables whose load finished, one path a line
    if store.exists() and not ledger.exists():  # a run from before the ledger: all were loaded
        ledger.write_text("".join(f"{p}\n" for p in done), encoding="utf-8")
    if store.exists():  # a table written but not (fully) loaded: load it
        finished = set(ledger.read_text(encoding="utf-8").split("\n"))
        queue += [p for p in done if str(p) not in finished]
    triples = _current_triples(store)
    rows = [
        [
            "triples",
            "tables",
            "last load s (cpu)",
            "load peak MB",
            "disk MB",
            "B/triple",
            "point ms (max)",
            "co-stars ms",
            "aggregates s (max)",
            "co-star s cpu (nx)",
        ]
    ]
    loaded = len(done) + (1 if store.exists() else 0) - sum(1 for p in queue if p in done)
    last: dict[str, float] = {}
    for size in (float(s) for s in args.sizes.split(",")):
        while triples < size * 0.9e6:  # "2M" is the real table alone (1.82M)
            if not queue:
                queue.append(write_part(growth, parts / f"part-{len(done) + 1:04d}", 17_472))
                done.append(queue[-1])
            path = queue.pop(0)
            last = load(store, path)
            with ledger.open("a", encoding="utf-8") as finished_file:
                finished_file.write(f"{path}\n")
            loaded += 1
            triples = int(last["triples"])
            print(
                f"  loaded {path.parent.name}: {triples:,} triples, {last['seconds']:.1f} s "
                f"({last['cpu_seconds']:.1f} s CPU), peak {last['peak_mb']:.0f} MB",
                flush=True,
            )
        m = measure(store, args.runs)
        points = [v for k, v in m.items() if k.startswith("q:")]
        aggs = {k[2:]: v for k, v in m.items() if k.startswith("a:")}
        disk = disk_bytes(store)
        print(f"  at {triples:,}: " + ", ".join(f"{k} {v * 1000:.0f} ms" for k, v in m.items()
                                                if k[:2] in ("q:", "a:", "n:")), flush=True)  # fmt: skip
        rows.append(
            [
                f"{triples / 1e6:.1f}M",
                str(loaded),
                f"{last.get('seconds', 0):.1f} ({last.get('cpu_seconds', 0):.1f})",
                f"{last.get('peak_mb', 0):.0f}",
                f"{disk / 1e6:,.0f}",
                f"{disk / max(triples, 1):.0f}",
                f"{sorted(points)[len(points) // 2] * 1000:.0f} ({max(points) * 1000:.0f})",
                f"{m['n:co-stars'] * 1000:.0f}",
                f"{sorted(aggs.values())[len(aggs) // 2]:.2f} ({max(aggs.values()):.2f})",
                f"{m['costar_sparse_cpu']:.2f} ({m['costar_nx_cpu']:.2f})",
            ]
        )
        print(machine_line(), flush=True)
        print(table(rows), flush=True)


def _current_triples(store: Path) -> int:
    if not store.exists():
        return 0
    code = (
        "import sys\nfrom kg.store import Store\nfrom kg.stats import graph_stats\n"
        "with Store.open(sys.argv[1], read_only=True) as s:\n"
        "    result = {'triples': graph_stats(s)['triples']}"
    )
    return int(run_child(code, str(store))["triples"])


if __name__ == "__main__":
    main()
