"""Helpers shared by the benchmarks: where the shared data is, timing and peak memory of a child."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared" / "data"
WIKIDATA = SHARED / "structured" / "wikidata_films"


def run_child(code: str, *args: str) -> dict[str, float]:
    """Run ``code`` in a fresh interpreter; it prints a JSON dict. Adds the child's peak RSS (MB)
    and wall time, so each measurement starts from the same empty process."""
    wrapper = (
        "import json, resource, sys, time\n"
        "t0 = time.perf_counter()\n"
        f"{code}\n"
        "out = result if isinstance(result, dict) else {}\n"
        "out['seconds'] = time.perf_counter() - t0\n"
        "out['peak_mb'] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024\n"
        "print(json.dumps(out))\n"
    )
    started = time.perf_counter()
    proc = subprocess.run(
        [sys.executable, "-c", wrapper, *args], capture_output=True, text=True, check=False
    )
    if proc.returncode != 0:
        raise SystemExit(f"benchmark child failed:\n{proc.stderr}")
    result: dict[str, float] = json.loads(proc.stdout.strip().splitlines()[-1])
    result["process_seconds"] = time.perf_counter() - started
    return result


def table(rows: list[list[str]]) -> str:
    """Plain aligned table."""
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    return "\n".join(
        "  ".join(
            c.rjust(w) if i else c.ljust(w) for i, (c, w) in enumerate(zip(r, widths, strict=True))
        )
        for r in rows
    )
