"""Two processes on one store: a reader never sees a half-loaded source and never crashes."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

KG = [sys.executable, "-c", "from kg.cli import entry_point; entry_point()"]
COUNT = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s <urn:kg-test:p> ?o } }"


def _write_ntriples(path: Path, n: int) -> None:
    with path.open("w") as out:
        for i in range(n):
            out.write(f'<urn:kg-test:s{i}> <urn:kg-test:p> "value {i}" .\n')


def test_reader_sees_before_or_after_or_a_clear_busy_message(tmp_path: Path) -> None:
    store = tmp_path / "store"
    small, big = tmp_path / "small.nt", tmp_path / "big.nt"
    _write_ntriples(small, 10)
    _write_ntriples(big, 400_000)
    env = {**os.environ, "KG_STORE": str(store)}
    subprocess.run([*KG, "load", "-q", str(small)], env=env, check=True)
    writer = subprocess.Popen(
        [*KG, "load", "-q", str(big)], env=env, stderr=subprocess.PIPE, text=True
    )
    seen: list[str] = []
    busy = 0
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        reader = subprocess.run(
            [*KG, "query", COUNT, "--format", "csv"],
            env={**env, "KG_LOCK_TIMEOUT": "0.3"},
            capture_output=True,
            text=True,
            check=False,
        )
        if reader.returncode == 0:
            seen.append(reader.stdout.splitlines()[1])
        else:
            assert reader.returncode == 2, reader.stderr
            assert "busy" in reader.stderr and f"process {writer.pid}" in reader.stderr, (
                reader.stderr
            )
            assert "Traceback" not in reader.stderr
            busy += 1
        if writer.poll() is not None:
            break
    assert writer.wait(timeout=120) == 0, writer.stderr.read() if writer.stderr else ""
    final = subprocess.run(
        [*KG, "query", COUNT, "--format", "csv"],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    seen.append(final.stdout.splitlines()[1])
    print(f"reader answers: {seen}, busy refusals: {busy}")
    assert set(seen) <= {"10", "400010"}, seen
    assert seen[-1] == "400010"
    assert busy > 0 or len(seen) > 1, "the reader never ran while the writer was loading"
