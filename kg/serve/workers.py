"""Worker processes that answer queries for ``kg serve``, and the pool that leases the store to them.

Each worker is a process with its own read-only handle on the store. A handle is opened when
work arrives and closed again when the server has been idle for a moment, or when it has been
open for ``max_lease`` seconds under continuous load: then new requests wait a short ``writer_gap``
so that a ``kg load`` polling for the write lock gets its turn. Re-opening costs about 20 ms on
the Wikidata films store (1.85 M triples), so a lease is shared by many requests.

A query that runs past the time limit is stopped by killing its worker (which also releases its
lock) and a fresh worker takes its place.

>>> Reply(200, "text/plain", b"ok").status
200
"""

from __future__ import annotations

import contextlib
import csv
import io
import json
import multiprocessing
import re
import threading
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

from ..errors import KGError, QueryError, StoreBusyError, StoreError, UnknownNameError
from ..namespace import bind_prefixes
from ..query import named_queries, run_named_query, with_prefixes
from ..store import Store
from .negotiate import NotAcceptable, choose_format

__all__ = ["Job", "Reply", "WorkerPool", "answer"]


@dataclass
class Reply:
    """An HTTP answer: status, media type, body and extra headers."""

    status: int
    content_type: str
    body: bytes
    headers: dict[str, str] = field(default_factory=dict)


@dataclass
class Job:
    """A unit of work for a worker: a SPARQL query, a named query or an update."""

    op: str  # "query" | "named" | "update"
    text: str = ""
    name: str = ""
    params: dict[str, str] = field(default_factory=dict)
    default_graphs: list[str] = field(default_factory=list)
    named_graphs: list[str] = field(default_factory=list)
    formats: list[str] = field(default_factory=list)
    accept: str = "*/*"
    max_rows: int = 100_000


def _text(status: int, message: str) -> Reply:
    return Reply(status, "text/plain; charset=utf-8", (message.rstrip() + "\n").encode("utf-8"))


_AT = re.compile(r"\bat (\d+):(\d+)")


def _shift_lines(message: str, lines: int) -> str:
    """Parser positions refer to the query as sent, not with our prefix lines in front."""
    if not lines:
        return message

    def fix(match: re.Match[str]) -> str:
        return f"at {max(1, int(match.group(1)) - lines)}:{match.group(2)}"

    return _AT.sub(fix, message)


def _count_rows(fmt: str, data: bytes) -> int:
    """Rows in serialized SELECT results (cheap for TSV and XML, a parse for JSON and CSV)."""
    if fmt == "tsv":
        return max(0, data.count(b"\n") - (0 if data.endswith(b"\n") else -1) - 1)
    if fmt == "xml":
        return data.count(b"<result>")
    if fmt == "json":
        parsed = json.loads(data)
        return len(parsed.get("results", {}).get("bindings", []))
    return max(0, sum(1 for _ in csv.reader(io.StringIO(data.decode("utf-8")))) - 1)


def _too_many(rows: int, limit: int) -> Reply:
    return _text(
        500,
        f"the result has more than {limit:,} rows, the limit of this endpoint: add LIMIT to the "
        f"query, or start kg serve with --max-rows N (got {rows:,})",
    )


def _convert_graph(ntriples: bytes, fmt: str) -> bytes:
    """N-Triples -> Turtle / JSON-LD / RDF/XML with readable prefixes."""
    from rdflib import Graph

    graph = Graph()
    bind_prefixes(graph)
    graph.parse(data=ntriples.decode("utf-8"), format="nt")
    name = {"ttl": "turtle", "jsonld": "json-ld", "rdf": "xml"}[fmt]
    return graph.serialize(format=name, encoding="utf-8")


def answer(store: Store, job: Job) -> Reply:
    """Run ``job`` on an open :class:`kg.store.Store` and serialize the answer (in a worker)."""
    shifted = 0
    try:
        if job.op == "named":
            queries = named_queries()
            if job.name not in queries:
                raise UnknownNameError(f"no named query {job.name!r}; GET /api/queries lists them")
            result = run_named_query(store, job.name, job.params)
        else:
            if not job.text.strip():
                raise QueryError("the query is empty: send it as `query=` or as the request body")
            full = with_prefixes(job.text)
            shifted = full[: len(full) - len(job.text)].count("\n")
            result = store.query(
                full,
                default_graphs=job.default_graphs or None,
                named_graphs=job.named_graphs or None,
            )
        fmt, media = choose_format(result.kind, job.formats, job.accept)
        buffer = io.BytesIO()
        if result.kind == "graph":
            result.serialize("nt", buffer)
            data = buffer.getvalue()
            triples = data.count(b"\n")
            if triples > job.max_rows:
                return _too_many(triples, job.max_rows)
            if fmt != "nt":
                data = _convert_graph(data, fmt)
        else:
            result.serialize(fmt, buffer)
            data = buffer.getvalue()
            if result.kind == "select":
                rows = _count_rows(fmt, data)
                if rows > job.max_rows:
                    return _too_many(rows, job.max_rows)
        charset = (
            "; charset=utf-8"
            if not media.endswith("json") or media == "application/ld+json"
            else ""
        )
        return Reply(200, media + charset, data)
    except NotAcceptable as err:
        return _text(406, str(err))
    except StoreBusyError as err:
        return _text(503, str(err))
    except QueryError as err:
        return _text(400, _shift_lines(str(err), shifted))
    except StoreError as err:
        return _text(500, str(err))
    except KGError as err:
        return _text(400, str(err))


def _update(path: Path, job: Job, lock_timeout: float) -> Reply:
    if not job.text.strip():
        return _text(400, "the update is empty: send it as `update=` or as the request body")
    full = with_prefixes(job.text)
    shifted = full[: len(full) - len(job.text)].count("\n")
    try:
        with Store.open(path, lock_timeout=lock_timeout) as store, store.writing():
            store.update(full)
    except StoreBusyError as err:
        return _text(503, str(err))
    except QueryError as err:
        return _text(400, _shift_lines(str(err), shifted))
    except KGError as err:
        return _text(500, str(err))
    return Reply(204, "text/plain", b"")


def _worker_main(conn: Connection, path: str, lock_timeout: float) -> None:
    """A worker's loop: open the store when work comes, close it when told to."""
    store: Store | None = None
    while True:
        try:
            message = conn.recv()
        except (EOFError, OSError, KeyboardInterrupt):
            break
        if message == "close":
            if store is not None:
                store.close()
                store = None
            conn.send("closed")
            continue
        if message == "stop":
            break
        job: Job = message
        try:
            if job.op == "update":
                if store is not None:
                    store.close()
                    store = None
                reply = _update(Path(path), job, lock_timeout)
            else:
                if store is None:
                    store = Store.open(path, read_only=True, lock_timeout=lock_timeout)
                reply = answer(store, job)
        except KGError as err:
            status = 503 if "busy" in str(err) else 500
            reply = _text(status, str(err))
        except Exception as err:  # a bug: report it, keep serving
            reply = _text(500, f"internal error: {type(err).__name__}: {err}")
        conn.send(reply)
    if store is not None:
        store.close()


class _Worker:
    def __init__(self, context: Any, path: str, lock_timeout: float) -> None:
        self.conn, child = context.Pipe()
        self.process = context.Process(
            target=_worker_main,
            args=(child, path, lock_timeout),
            daemon=True,
            name="kg-serve-worker",
        )
        self.process.start()
        child.close()

    def kill(self) -> None:
        with contextlib.suppress(Exception):
            self.process.kill()
        self.process.join(5)
        self.conn.close()

    def stop(self) -> None:
        with contextlib.suppress(Exception):
            self.conn.send("stop")
        self.process.join(2)
        if self.process.is_alive():
            self.kill()
        self.conn.close()


class WorkerPool:
    """Worker processes sharing leases on the store; :meth:`run` answers one job.

    Parameters
    ----------
    store
        The store directory.
    workers
        How many queries run at once.
    timeout
        Seconds a query may run before its worker is killed (HTTP 503).
    max_lease
        Seconds the workers may keep the store open under continuous load before they let
        go of it for ``writer_gap`` seconds, so that a writer waiting for the store gets it.
    idle_release
        Seconds without requests after which the workers let go of the store.
    """

    def __init__(
        self,
        store: str | Path,
        *,
        workers: int = 2,
        timeout: float = 30.0,
        max_lease: float = 2.0,
        idle_release: float = 0.2,
        writer_gap: float = 0.15,
    ) -> None:
        self.path = str(store)
        self.timeout = timeout
        self.max_lease = max_lease
        self.idle_release = idle_release
        self.writer_gap = writer_gap
        self._context = multiprocessing.get_context("spawn")
        self._lock_timeout = max(1.0, timeout)
        self._workers = [self._spawn() for _ in range(max(1, workers))]
        self._free = list(self._workers)
        self._cond = threading.Condition()
        self._inflight = 0
        self._draining = False
        self._leased_at: float | None = None
        self._last_used = 0.0
        self._stopped = False
        self._keeper = threading.Thread(target=self._keep, name="kg-serve-lease", daemon=True)
        self._keeper.start()
        self.opened = 0
        """How many leases were opened (for tests and measurements)."""

    def _spawn(self) -> _Worker:
        return _Worker(self._context, self.path, self._lock_timeout)

    # -- leases --

    def _enter(self, exclusive: bool = False) -> _Worker:
        with self._cond:
            if exclusive:  # an update: every worker lets go of the store first
                while self._draining:
                    self._cond.wait()
                self._draining = True
                while self._inflight:
                    self._cond.wait()
                self._close_all()
            else:
                while self._draining or not self._free:
                    self._cond.wait()
                if self._leased_at is None:
                    self._leased_at = time.monotonic()
                    self.opened += 1
            self._inflight += 1
            return self._free.pop()

    def _exit(self, worker: _Worker, exclusive: bool = False) -> None:
        with self._cond:
            self._inflight -= 1
            self._free.append(worker)
            self._last_used = time.monotonic()
            if exclusive:
                self._draining = False
                self._leased_at = None
            self._cond.notify_all()

    def _close_all(self) -> None:
        """Every worker lets go of the store (called with the condition held, nothing in flight)."""
        for worker in list(self._free):
            try:
                worker.conn.send("close")
                if worker.conn.poll(10):
                    worker.conn.recv()
                else:
                    raise TimeoutError
            except (OSError, EOFError, TimeoutError):
                self._replace(worker)
        self._leased_at = None

    def _replace(self, worker: _Worker) -> _Worker:
        worker.kill()
        fresh = self._spawn()
        self._workers[self._workers.index(worker)] = fresh
        if worker in self._free:
            self._free[self._free.index(worker)] = fresh
        return fresh

    def _keep(self) -> None:
        """Close idle leases; end long ones with a gap for writers."""
        while True:
            time.sleep(min(0.05, self.idle_release / 2))
            with self._cond:
                if self._stopped:
                    return
                if self._leased_at is None:
                    continue
                now = time.monotonic()
                idle = self._inflight == 0 and now - self._last_used >= self.idle_release
                expired = now - self._leased_at >= self.max_lease
                if not (idle or expired):
                    continue
                self._draining = True
                while self._inflight:
                    self._cond.wait()
                self._close_all()
                if expired and not idle:
                    self._cond.release()
                    try:
                        time.sleep(self.writer_gap)
                    finally:
                        self._cond.acquire()
                self._draining = False
                self._cond.notify_all()

    # -- work --

    def run(self, job: Job) -> Reply:
        """Answer ``job`` in a worker, within the time limit."""
        exclusive = job.op == "update"
        worker = self._enter(exclusive)
        try:
            worker.conn.send(job)
            if worker.conn.poll(self.timeout):
                reply: Reply = worker.conn.recv()
                return reply
            worker = self._replace(worker)
            what = "update" if exclusive else "query"
            return _text(
                503,
                f"the {what} ran longer than {self.timeout:g} s, the time limit of this endpoint, "
                "and was stopped: make it more selective (LIMIT, a narrower pattern), or start "
                "kg serve with --timeout SECONDS",
            )
        except (OSError, EOFError) as err:
            worker = self._replace(worker)
            return _text(500, f"the worker answering the request died ({err}); try again")
        finally:
            self._exit(worker, exclusive)

    def close(self) -> None:
        """Stop every worker (their store handles close with them)."""
        with self._cond:
            self._stopped = True
        for worker in self._workers:
            worker.stop()

    def __enter__(self) -> WorkerPool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def job_from_request(
    op: str,
    *,
    text: str = "",
    name: str = "",
    params: Mapping[str, str] | None = None,
    default_graphs: Sequence[str] = (),
    named_graphs: Sequence[str] = (),
    formats: Sequence[str] = (),
    accept: str = "*/*",
    max_rows: int = 100_000,
) -> Job:
    """A :class:`Job` from the parts of a request."""
    return Job(
        op,
        text=text,
        name=name,
        params=dict(params or {}),
        default_graphs=list(default_graphs),
        named_graphs=list(named_graphs),
        formats=list(formats),
        accept=accept,
        max_rows=max_rows,
    )
