"""The credit index, projections and aggregates at 100M triples, without loading 100M triples.

Loading 100M triples takes hours here (see ``bench_scale.py``), so this bench makes the credit
index such a store would keep, straight from the growth process (``_growth.py``: the real table,
then new films with people reused by their credits): about 104 triples a film, so 960k films
for 100M triples. It then measures, at each size, what the store would do with it: the index's
bytes (the sidecar), reading it back, the aggregate rows ``kg load`` works out, the co-star
projection as a sparse product, igraph from its arrays and PageRank on it, with the peak RSS of
each step's process. The figures say whether 100M fits on this machine and which step does not.

Run: ``.venv/bin/python bench/bench_index_scale.py [--sizes 2,10,30,100]``
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import WIKIDATA, machine_line, run_child, table
from _growth import Growth, split_names

TRIPLES_PER_FILM = 1_819_804 / 17_472
_ROLE = {"Director": "director", "Writer": "screenwriter", "Cast": "cast_member",
         "Production": "production_company"}  # fmt: skip

_STEPS = """
import sys, time
from kg.credits import CreditIndex
from kg.network.sparse import sparse_projection
from kg.summary import SUMMARY_QUERIES
from kg.store import Store
data = open(sys.argv[1], "rb").read()
t = time.process_time()
index = CreditIndex.from_bytes(data)
result = {"read_index": time.process_time() - t}
from kg.ingest import load_paths
with Store.memory() as store:
    load_paths(store, [], progress=False)  # the ontology: which properties are roles
    t = time.process_time()
    for name in ("busiest-people", "people-most-studios", "director-actor-pairs"):
        SUMMARY_QUERIES[name][1](store, index)
    result["aggregates"] = time.process_time() - t
t = time.process_time()
sg = sparse_projection(index, "co-star", ("cast_member",))
result["costar"] = time.process_time() - t
result["edges"] = sg.number_of_edges()
if sys.argv[2] == "igraph":
    t = time.process_time()
    h = sg.to_igraph()
    result["to_igraph"] = time.process_time() - t
    t = time.process_time()
    h.pagerank(directed=False, weights="weight")
    result["pagerank"] = time.process_time() - t
"""


def make_index(films: int, out: Path, seed: int = 7) -> tuple[int, int]:
    """Write the credit index of the real table plus ``films - 17,472`` grown films to ``out``;
    returns ``(films, credits)``."""
    from kg.credits import CreditIndex

    growth = Growth.from_table(seed, WIKIDATA)
    rows: list[tuple[str, str, str, str]] = []
    years: list[tuple[str, str, int | None]] = []

    def add(film_id: str, row: dict[str, str], production: str) -> None:
        film = f"f{film_id}"
        for column, role in _ROLE.items():
            cell = production if column == "Production" else row[column]
            for name in split_names(cell):
                rows.append(("g", film, role, name))
        year = row.get("Year", "")
        years.append(("g", film, int(year) if year.isdigit() else None))

    for row in growth.rows:
        add(row["ID"], row, row["Production"])
    for _ in range(max(0, films - len(growth.rows))):
        row, production = growth.film()
        add(row["ID"], row, production)
    index = CreditIndex.empty().with_rows(rows, years=years)
    out.write_bytes(index.to_bytes())
    return films, len(rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--sizes", default="2,10,30,100", help="millions of triples")
    parser.add_argument("--no-igraph", action="store_true")
    args = parser.parse_args()
    print(machine_line(), flush=True)
    rows = [["triples", "films", "credits", "index MB", "read s", "aggregates s", "co-star s",
             "edges", "peak MB", "igraph+pagerank s", "peak MB (igraph)"]]  # fmt: skip
    with tempfile.TemporaryDirectory() as tmp:
        for size in (float(s) for s in args.sizes.split(",")):
            films = int(size * 1e6 / TRIPLES_PER_FILM)
            path = Path(tmp) / f"index-{size:g}.npz"
            made = run_child(
                "import sys\nsys.path.insert(0, 'bench')\nfrom bench_index_scale import make_index\n"
                "f, c = make_index(int(sys.argv[1]), __import__('pathlib').Path(sys.argv[2]))\n"
                "result = {'films': f, 'credits': c}",
                str(films),
                str(path),
            )
            bare = run_child(_STEPS, str(path), "none")
            full = None if args.no_igraph else run_child(_STEPS, str(path), "igraph")
            rows.append(
                [
                    f"{size:g}M",
                    f"{int(made['films']):,}",
                    f"{int(made['credits']):,}",
                    f"{path.stat().st_size / 1e6:,.0f}",
                    f"{bare['read_index']:.2f}",
                    f"{bare['aggregates']:.2f}",
                    f"{bare['costar']:.2f}",
                    f"{int(bare['edges']):,}",
                    f"{bare['peak_mb']:,.0f}",
                    "-" if full is None else f"{full['to_igraph'] + full['pagerank']:.1f}",
                    "-" if full is None else f"{full['peak_mb']:,.0f}",
                ]
            )
            print(table(rows), flush=True)


if __name__ == "__main__":
    main()
