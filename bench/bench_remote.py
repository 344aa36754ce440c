"""Push throughput to a local Virtuoso and named-query times there next to the embedded store.

Run: ``.venv/bin/python bench/bench_remote.py [--table PATH] [--batch-size N]``. Starts its own
Virtuoso (Debian ``virtuoso-opensource``), loads the Wikidata films table (or the test RDF files
when the shared data is absent) into a temporary store, pushes it by SPARQL Update and by the Graph
Store Protocol, then times every named query on both sides in the same run.
"""

from __future__ import annotations

import argparse
import itertools
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(REPO), str(REPO / "tests")]

from virtuoso_server import INSTALL_HINT, VirtuosoServer, find_virtuoso  # noqa: E402

import kg  # noqa: E402
from kg.errors import KGError  # noqa: E402
from kg.push import DEFAULT_BATCH, push  # noqa: E402
from kg.query import named_queries, run_named_query  # noqa: E402
from kg.remote import RemoteEndpoint, remote_named_query  # noqa: E402

TABLE = REPO.parent / "shared" / "data" / "structured" / "wikidata_films" / "omdb.csv"


def _stop_on_sigterm() -> None:
    """Turn SIGTERM into SystemExit so the server's context manager stops Virtuoso."""
    import signal

    def handler(signum: int, frame: object) -> None:
        raise SystemExit(143)

    signal.signal(signal.SIGTERM, handler)


def main() -> int:
    _stop_on_sigterm()
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--table", type=Path, default=TABLE)
    parser.add_argument("--batch-size", type=int, default=None, help="default: per method")
    parser.add_argument("--methods", default="gsp,update", help="push methods to time, in order")
    parser.add_argument("--repeat", type=int, default=3, help="runs per named query (best is kept)")
    parser.add_argument(
        "--update-triples",
        type=int,
        default=20_000,
        help="SPARQL Update pushes only this many triples (it runs ~600 triples/s on Virtuoso)",
    )
    args = parser.parse_args()
    if find_virtuoso() is None:
        print(f"skipped: virtuoso-t not found; {INSTALL_HINT}")
        return 0
    with tempfile.TemporaryDirectory(prefix="kg-bench-remote-") as tmp, VirtuosoServer() as server:
        store = kg.Store.open(Path(tmp) / "store")
        started = time.perf_counter()
        if args.table.exists():
            kg.load_paths(store, [args.table], mapping="wikidata_films", progress=False)
            source = args.table.name
        else:
            rdf = REPO / "tests" / "data" / "rdf"
            kg.load_paths(store, [rdf / "films.ttl", rdf / "extra.trig"], progress=False)
            source = "tests/data/rdf"
        load_s = time.perf_counter() - started
        total = len(store)
        print(
            f"store: {total:,} triples in {len(store.named_graphs())} graph(s) from {source} (loaded in {load_s:.1f} s)"
        )
        remote = RemoteEndpoint(
            server.sparql,
            update_url=server.sparql_auth,
            graph_store_url=server.gsp,
            user=server.user,
            password=server.password,
            timeout=600,
        )
        for method in args.methods.split(","):
            source, note = store, ""
            if method == "update" and total > args.update_triples:
                # a bounded slice in a graph of its own, so the big graph is not dropped either
                source = kg.Store.memory()
                sliced = itertools.islice(
                    ((s, p, o) for s, p, o, _ in store.triples()), args.update_triples
                )
                with source.writing():
                    source.add_triples("https://w3id.org/filmkg/source/bench-update-slice", sliced)
                note = f" (a {args.update_triples:,}-triple slice)"
            report = push(
                source,
                remote,
                method=method,
                batch_size=args.batch_size,
                progress=False,
                force=True,
            )
            print(
                f"push {method:6s} batch {args.batch_size or DEFAULT_BATCH[method]:>6}: {report.triples:,} triples in {report.seconds:.2f} s "
                f"= {report.triples / report.seconds:,.0f} triples/s ({report.batches} batches){note}"
            )
        again = push(store, remote, progress=False)
        print(f"push again (nothing changed): {again.seconds:.2f} s, {again.triples} triples sent")
        print()
        print(
            f"{'named query':28s} {'rows':>6s} {'embedded ms':>12s} {'virtuoso ms':>12s} {'ratio':>7s}"
        )
        for query in named_queries().values():
            params = {p.name: p.example for p in query.params if not p.optional}
            try:
                local_times, remote_times = [], []
                rows = 0
                for _ in range(args.repeat):
                    t0 = time.perf_counter()
                    result = run_named_query(store, query.name, params)
                    rows = len(result.rows()) if result.kind == "select" else 1
                    local_times.append(time.perf_counter() - t0)
                    t0 = time.perf_counter()
                    remote_named_query(remote, query.name, params)
                    remote_times.append(time.perf_counter() - t0)
            except KGError as err:
                print(f"{query.name:28s} skipped: {str(err)[:60]}")
                continue
            local_ms, remote_ms = min(local_times) * 1000, min(remote_times) * 1000
            print(
                f"{query.name:28s} {rows:6d} {local_ms:12.1f} {remote_ms:12.1f} {remote_ms / max(local_ms, 1e-6):6.1f}x"
            )
        store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
