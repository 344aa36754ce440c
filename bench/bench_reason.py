"""Time ``kg validate`` and both ``kg reason`` profiles on the sample graph and on growing slices of
the Wikidata films table, within a time budget; print time against size.

Run: ``.venv/bin/python bench/bench_reason.py [--budget SECONDS] [--table PATH]``. A step whose
predicted time (last time x growth of the data) would overrun the remaining budget, or its own
per-step limit, is skipped and said so; the largest slice each step finished is printed at the end,
with time against size for each step.

Which step runs how far: ``reason rl`` (the SPARQL rules) on every slice up to all 17,472 films
(~1.8M triples, ~90 s); ``reason dl`` (HermiT) while its predicted time (growth ^1.5) stays under
its step limit, at most ``--dl-max`` films: here it takes ~21 s for 50 films (11k triples) and is
predicted at ~180 s for 250, so it stops after 50 films; ``validate`` (pySHACL) up to
``--validate-max`` films.
"""

from __future__ import annotations

import argparse
import csv
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import kg  # noqa: E402
from kg.reason import INFERRED_GRAPH, reason  # noqa: E402
from kg.store import Store  # noqa: E402
from kg.validate import validate  # noqa: E402

TABLE = ROOT.parent / "shared" / "data" / "structured" / "wikidata_films" / "omdb.csv"
SLICES = (50, 250, 1000, 4000, 17472)
STEP_LIMIT = {"validate": 90.0, "reason rl": 240.0, "reason dl": 120.0}
"""Seconds one step may be predicted to take before it is skipped."""


def _slice(table: Path, rows: int, directory: Path) -> Path:
    out = directory / f"omdb-{rows}.csv"
    with (
        table.open(encoding="utf-8", newline="") as src,
        out.open("w", encoding="utf-8", newline="") as dst,
    ):
        reader, writer = csv.reader(src), csv.writer(dst)
        for i, row in enumerate(reader):
            if i > rows:
                break
            writer.writerow(row)
    return out


def _timed(fn: Callable[[], object]) -> tuple[float, object]:
    started = time.perf_counter()
    result = fn()
    return time.perf_counter() - started, result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--budget", type=float, default=450.0, help="seconds for the whole run (default 450)"
    )
    parser.add_argument("--dl-max", type=int, default=1000, help="largest slice for HermiT")
    parser.add_argument("--validate-max", type=int, default=1000, help="largest slice for pySHACL")
    parser.add_argument("--table", type=Path, default=TABLE)
    parser.add_argument("--slices", default=",".join(map(str, SLICES)))
    args = parser.parse_args()
    deadline = time.perf_counter() + args.budget
    steps = ("validate", "reason rl", "reason dl")
    last: dict[str, tuple[int, float]] = {}
    largest: dict[str, str] = {}
    last_was_sample: dict[str, bool] = {}
    curve: dict[str, list[str]] = {step: [] for step in steps}
    films = 0
    print(f"{'graph':<22}{'triples':>10}  {'step':<10}{'seconds':>9}  {'detail'}")

    def run_steps(name: str, store: Store) -> None:
        size = len(store)
        for step in steps:
            remaining = deadline - time.perf_counter()
            cap = {"reason dl": args.dl_max, "validate": args.validate_max}.get(step)
            if cap is not None and films > cap:
                option = "--dl-max" if step == "reason dl" else "--validate-max"
                print(
                    f"{name:<22}{size:>10,}  {step:<10}{'skipped':>9}  beyond {option} {cap} films"
                )
                continue
            if (
                step in last
                and not name.startswith("sample")
                and not last_was_sample.get(step, False)
            ):
                prev_size, prev_time = last[step]
                predicted = prev_time * (size / max(prev_size, 1)) ** (
                    1.5 if step == "reason dl" else 1.1
                )
                limit = min(remaining, STEP_LIMIT[step])
                if predicted > limit:
                    print(
                        f"{name:<22}{size:>10,}  {step:<10}{'skipped':>9}  predicted {predicted:.0f} s > {limit:.0f} s allowed"
                    )
                    continue
            if step == "validate":
                seconds, out = _timed(lambda: validate(store))
                detail = f"conforms={out.conforms} results={len(out.results)}"  # type: ignore[attr-defined]
            else:
                profile = step.split()[1]
                seconds, out = _timed(lambda profile=profile: reason(store, profile=profile))  # type: ignore[arg-type]
                timings = ", ".join(f"{k} {v:.1f}" for k, v in out.timings.items())  # type: ignore[attr-defined]
                detail = f"inferred={out.inferred:,} ({timings})"  # type: ignore[attr-defined]
                with store.writing():
                    store.remove_graph(INFERRED_GRAPH)
            print(f"{name:<22}{size:>10,}  {step:<10}{seconds:>9.2f}  {detail}", flush=True)
            last[step] = (size, seconds)
            last_was_sample[step] = name.startswith("sample")
            largest[step] = f"{name} ({size:,} triples) in {seconds:.1f} s"
            curve[step].append(f"{size:,} triples {seconds:.1f} s")

    with Store.memory() as store:
        kg.load_paths(
            store, [ROOT / "data" / "sample" / "films.csv"], mapping="films_sample", progress=False
        )
        run_steps("sample", store)
    if not args.table.is_file():
        print(f"no table at {args.table}: only the sample was measured")
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        for joined in args.table.parent.glob("*.csv"):  # tables the mapping joins (tomatoes.csv)
            if joined != args.table:
                (Path(tmp) / joined.name).symlink_to(joined)
        for rows in (int(n) for n in args.slices.split(",")):
            if time.perf_counter() > deadline:
                break
            path = _slice(args.table, rows, Path(tmp))
            films = rows
            with Store.memory() as store:
                load_time, _ = _timed(
                    lambda path=path: kg.load_paths(
                        store, [path], mapping="wikidata_films", progress=False
                    )
                )
                print(
                    f"{'wikidata ' + str(rows) + ' films':<22}{len(store):>10,}  {'load':<10}{load_time:>9.2f}",
                    flush=True,
                )
                run_steps(f"wikidata {rows} films", store)
    print()
    for step in steps:
        print(f"largest finished: {step:<10} {largest.get(step, 'none')}")
    for step in steps:
        print(f"time vs size:     {step:<10} " + "; ".join(curve[step]))
    print(
        f"reason dl (HermiT) stops at --dl-max {args.dl_max} films or where its predicted time "
        f"passes {STEP_LIMIT['reason dl']:.0f} s; beyond, use kg reason --profile rl"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
