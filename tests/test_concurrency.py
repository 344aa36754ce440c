"""Processes sharing one store: readers never see an error or half a write, and never wait for a
writer; writers take turns first come, first served (issue 12, items 7 and 8)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

KG = [sys.executable, "-c", "from kg.cli import entry_point; entry_point()"]
COUNT = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s <urn:kg-test:p> ?o } }"

# A reader as `kg query` reads: open the store read-only, query, close; in a tight loop.
READER = """
import json, sys, time
from kg.errors import KGError
from kg.store import Store
path, seconds = sys.argv[1], float(sys.argv[2])
seen, errors, reads = {}, [], 0
deadline = time.monotonic() + seconds
while time.monotonic() < deadline:
    try:
        with Store.open(path, read_only=True) as store:
            n = str(store.query(sys.argv[3]).rows()[0][0])
        seen[n] = seen.get(n, 0) + 1
    except Exception as err:
        errors.append(f"{type(err).__name__}: {err}")
    reads += 1
print(json.dumps({"seen": seen, "errors": errors[:20], "n_errors": len(errors), "reads": reads}))
"""

# A writer as `kg load` / `kg unload` write: the real commands, in a loop.
WRITER = """
import json, sys, time
from kg.cli import run
path, seconds, source = sys.argv[1], float(sys.argv[2]), sys.argv[3]
cycles, codes = 0, []
deadline = time.monotonic() + seconds
while time.monotonic() < deadline:
    a = run(["--store", path, "load", "-q", source])
    b = run(["--store", path, "unload", source])
    codes += [c for c in (a, b) if c]
    cycles += 1
print(json.dumps({"cycles": cycles, "failed": codes}))
"""


def _ntriples(path: Path, n: int, tag: str) -> Path:
    with path.open("w") as out:
        for i in range(n):
            out.write(f'<urn:kg-test:{tag}{i}> <urn:kg-test:p> "value {i}" .\n')
    return path


def _spawn(script: str, *args: str, env: dict[str, str] | None = None) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", script, *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, **(env or {})},
    )


def _result(proc: subprocess.Popen[str], timeout: float) -> dict[str, object]:
    out, err = proc.communicate(timeout=timeout)
    assert proc.returncode == 0, err[-3000:]
    data: dict[str, object] = json.loads(out.strip().splitlines()[-1])
    return data


def _readers_and_writer(tmp_path: Path, seconds: float, readers: int) -> None:
    """``readers`` readers and one writer on one store for ``seconds``: no reader error, and
    every answer is the state before a write or after it."""
    store = tmp_path / "store"
    base = _ntriples(tmp_path / "base.nt", 10, "base")
    moving = _ntriples(tmp_path / "moving.nt", 20_000, "moving")
    done = subprocess.run([*KG, "--store", str(store), "load", "-q", str(base)], check=False)
    assert done.returncode == 0
    env = {"KG_LOCK_TIMEOUT": "30"}
    writer = _spawn(WRITER, str(store), str(seconds), str(moving), env=env)
    procs = [_spawn(READER, str(store), str(seconds), COUNT, env=env) for _ in range(readers)]
    results = [_result(p, seconds + 120) for p in procs]
    wrote = _result(writer, seconds + 120)
    print(f"writer: {wrote}; readers: {results}")
    assert wrote["failed"] == [] and int(str(wrote["cycles"])) >= 2, wrote
    for result in results:
        assert result["n_errors"] == 0, result["errors"]
        seen = result["seen"]
        assert isinstance(seen, dict)
        assert set(seen) <= {"10", "20010"}, f"a reader saw a partial state: {seen}"
    both = set().union(*(r["seen"] for r in results if isinstance(r["seen"], dict)))
    assert both == {"10", "20010"}, f"the readers never saw both states: {both}"
    with_gens = [p for p in (store / "gens").iterdir() if p.is_dir()]
    assert len(with_gens) == 1, f"old generations were left behind: {with_gens}"


def test_readers_never_see_errors_or_partial_writes(tmp_path: Path) -> None:
    """Item 7: readers in tight loops beside a writer loading and unloading (bounded, ~12 s)."""
    _readers_and_writer(tmp_path, seconds=10, readers=2)


@pytest.mark.slow
def test_soak_two_readers_one_writer(tmp_path: Path) -> None:
    """The concurrency soak: 2 readers and 1 writer for 60 s; zero errors, zero partial states."""
    _readers_and_writer(tmp_path, seconds=48, readers=2)


def test_a_reader_in_a_tight_loop_does_not_starve_a_writer(tmp_path: Path) -> None:
    """Item 8: a tight-loop reader used to hold the store so that a writer managed 1 cycle in
    60 s. Readers never block writers now."""
    store = tmp_path / "store"
    base = _ntriples(tmp_path / "base.nt", 10, "base")
    moving = _ntriples(tmp_path / "moving.nt", 1000, "moving")
    subprocess.run([*KG, "--store", str(store), "load", "-q", str(base)], check=True)
    env = {"KG_LOCK_TIMEOUT": "5"}
    reader = _spawn(READER, str(store), "8", COUNT, env=env)
    writer = _spawn(WRITER, str(store), "6", str(moving), env=env)
    wrote = _result(writer, 60)
    read = _result(reader, 60)
    assert wrote["failed"] == [], wrote
    assert int(str(wrote["cycles"])) >= 5, wrote
    assert read["n_errors"] == 0 and int(str(read["reads"])) > 20, read


def test_two_writers_take_turns(tmp_path: Path) -> None:
    """Item 8: two writers in loops both make progress (first come, first served), and a third
    that cannot get its turn in time is told who is writing."""
    store = tmp_path / "store"
    first = _ntriples(tmp_path / "a.nt", 2000, "a")
    second = _ntriples(tmp_path / "b.nt", 2000, "b")
    subprocess.run([*KG, "--store", str(store), "load", "-q", str(first)], check=True)
    env = {"KG_LOCK_TIMEOUT": "20"}
    writers = [_spawn(WRITER, str(store), "6", str(f), env=env) for f in (first, second)]
    results = [_result(w, 90) for w in writers]
    print(results)
    for result in results:
        assert result["failed"] == [], result
        assert int(str(result["cycles"])) >= 3, results


def test_busy_writer_is_named(tmp_path: Path) -> None:
    """A writer that cannot get its turn says which process is writing, in one line."""
    store = tmp_path / "store"
    small = _ntriples(tmp_path / "s.nt", 10, "s")
    big = _ntriples(tmp_path / "big.nt", 300_000, "big")
    subprocess.run([*KG, "--store", str(store), "load", "-q", str(small)], check=True)
    env = {**os.environ, "KG_STORE": str(store)}
    writer = subprocess.Popen([*KG, "load", "-q", str(big)], env=env, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 30
        while not (store / "writer.json").exists() and time.monotonic() < deadline:
            time.sleep(0.01)
        other = subprocess.run(
            [*KG, "unload", str(small)],
            env={**env, "KG_LOCK_TIMEOUT": "0.3"},
            capture_output=True,
            text=True,
            check=False,
        )
        reader = subprocess.run(
            [*KG, "query", COUNT, "--format", "csv"],
            env={**env, "KG_LOCK_TIMEOUT": "0.3"},
            capture_output=True,
            text=True,
            check=False,
        )
    finally:
        assert writer.wait(timeout=120) == 0
    assert other.returncode == 2, other.stderr
    lines = other.stderr.strip().splitlines()
    assert len(lines) == 1 and f"being written by process {writer.pid}" in lines[0], other.stderr
    assert "load" in lines[0]
    # the reader did not wait: it answered with the state before the load
    assert reader.returncode == 0 and reader.stdout.splitlines()[1] == "10", reader.stderr
