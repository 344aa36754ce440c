"""Helpers shared by the benchmarks: where the shared data is, the machine's load, timing and peak
memory of a child process, medians of several runs and ratios anchored in the same run.

Every ratio a benchmark prints is taken against a baseline measured in the same run, pair by pair
(A B A B ...), and quoted as the median of the pairs; every time is the median of several runs,
with the machine's load average printed next to it (these machines are shared and noisy).
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared" / "data"
WIKIDATA = SHARED / "structured" / "wikidata_films"


def machine_line() -> str:
    """The machine's load average and CPU count, to print above every table of figures.

    >>> machine_line().startswith("machine: ")
    True
    """
    one, five, fifteen = os.getloadavg()
    return (
        f"machine: {os.cpu_count()} CPUs, load average {one:.2f} {five:.2f} {fifteen:.2f} "
        f"(1/5/15 min), python {sys.version.split()[0]}"
    )


_WRAPPER = (
    "import json, resource, sys, time\n"
    "t0 = time.perf_counter()\n"
    "{code}\n"
    "out = result if isinstance(result, dict) else {{}}\n"
    "out['seconds'] = time.perf_counter() - t0\n"
    "usage = resource.getrusage(resource.RUSAGE_SELF)\n"
    "out['cpu_seconds'] = usage.ru_utime + usage.ru_stime\n"
    "out['peak_mb'] = usage.ru_maxrss / 1024\n"
    "print(json.dumps(out))\n"
)


def run_child(code: str, *args: str, env: dict[str, str] | None = None) -> dict[str, float]:
    """Run ``code`` in a fresh interpreter; it sets ``result`` (a dict). Adds the child's wall
    seconds (``seconds``, measured inside it), CPU seconds (``cpu_seconds``, user + system) and
    peak RSS (``peak_mb``), so each measurement starts from the same empty process."""
    started = time.perf_counter()
    proc = subprocess.run(
        [sys.executable, "-c", _WRAPPER.format(code=code), *args],
        capture_output=True,
        text=True,
        check=False,
        cwd=REPO,
        env={**os.environ, **(env or {})},
    )
    if proc.returncode != 0:
        raise SystemExit(f"benchmark child failed:\n{proc.stderr}")
    result: dict[str, float] = json.loads(proc.stdout.strip().splitlines()[-1])
    result["process_seconds"] = time.perf_counter() - started
    return result


def medians(runs: Sequence[dict[str, float]]) -> dict[str, float]:
    """Per key, the median over several runs' result dicts.

    >>> medians([{"seconds": 1.0}, {"seconds": 3.0}, {"seconds": 2.0}])
    {'seconds': 2.0}
    """
    return {k: statistics.median(r[k] for r in runs) for k in runs[0]}


def spread(values: Sequence[float]) -> str:
    """``median (min-max)`` of a few figures.

    >>> spread([2.0, 1.0, 4.0])
    '2.00 (1.00-4.00)'
    """
    return f"{statistics.median(values):.2f} ({min(values):.2f}-{max(values):.2f})"


def paired(
    a: Callable[[], dict[str, float]],
    b: Callable[[], dict[str, float]],
    runs: int,
    *,
    key: str = "seconds",
    warmup: bool = True,
) -> tuple[list[dict[str, float]], list[dict[str, float]], list[float]]:
    """Run ``a`` and ``b`` in turn (A B A B ...) ``runs`` times each after one warm-up of each;
    return both lists of results and the ratios ``a[key] / b[key]`` pair by pair, so the ratio
    holds when the machine's speed drifts during the run."""
    if warmup:
        a()
        b()
    ra: list[dict[str, float]] = []
    rb: list[dict[str, float]] = []
    ratios: list[float] = []
    for _ in range(runs):
        ra.append(a())
        rb.append(b())
        ratios.append(ra[-1][key] / rb[-1][key])
    return ra, rb, ratios


def timed_runs(func: Callable[[], Any], runs: int, *, warmup: int = 1) -> tuple[Any, list[float]]:
    """``func``'s last result and the wall seconds of ``runs`` timed calls after ``warmup``
    untimed ones (the same number of warm runs for every engine a benchmark compares)."""
    out: Any = None
    for _ in range(warmup):
        out = func()
    times: list[float] = []
    for _ in range(runs):
        started = time.perf_counter()
        out = func()
        times.append(time.perf_counter() - started)
    return out, times


def table(rows: list[list[str]]) -> str:
    """Plain aligned table."""
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    return "\n".join(
        "  ".join(
            c.rjust(w) if i else c.ljust(w) for i, (c, w) in enumerate(zip(r, widths, strict=True))
        )
        for r in rows
    )
