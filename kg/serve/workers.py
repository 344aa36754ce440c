"""Worker processes that answer queries for ``kg serve``, and the pool that leases the store to them.

Each worker is a process with its own read-only handle on the store's published generation (see
:mod:`kg.store`): a reader never waits for a writer, so no worker waits for another. A worker moves
to a newer generation when a writer publishes one, and lets go of the store when it has been idle
for a while. Re-opening costs about 20 ms on the Wikidata films store (1.85 M triples).

A query that runs past the time limit is stopped by killing its worker (which also releases its
lock) and a fresh worker takes its place.

>>> Reply(200, "text/plain", b"ok").status
200
"""

from __future__ import annotations

import contextlib
import csv
import html
import io
import json
import multiprocessing
import os
import re
import threading
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

from rdflib import Graph

from ..ask import ask, format_answer
from ..entity import describe, entity_dataset, neighbourhood
from ..errors import KGError, QueryError, StoreBusyError, StoreError, UnknownNameError
from ..namespace import BASE, bind_prefixes
from ..query import named_queries, run_named_query, unknown_terms, with_prefixes
from ..store import Store
from .negotiate import NotAcceptable, choose_entity_format, choose_format
from .pages import Linker, ego_svg, entity_html, page

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

    op: str  # "query" | "named" | "update" | "entity" | "ask"
    text: str = ""
    iri: str = ""
    base: str = BASE
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


_CHAR_CLASSES = re.compile(r"\[[^\]]*(?:\]|$)")  # a message cut short may leave one open


def _tidy(message: str) -> str:
    """The parser's message without its dumps of character classes (``['A' ..= 'Z' | ...]``).

    >>> _tidy("error at 1:26: expected one of LATERAL, SERVICE, [_]")
    'error at 1:26: expected one of LATERAL, SERVICE (or a name)'
    >>> _tidy("error at 1:30: expected one of Prefix not found, ['%'], ['.']")
    'error at 1:30: Prefix not found (or a name)'
    """
    if not _CHAR_CLASSES.search(message):
        return message
    head, sep, rest = message.partition("expected one of ")
    items = [x.strip(" …") for x in _CHAR_CLASSES.sub("", " ".join(rest.split())).split(",")]
    items = [x for x in items if x]
    if items == ["Prefix not found"]:
        return f"{head}Prefix not found (or a name)"
    return f"{head}{sep}{', '.join(items)} (or a name)" if items else head.rstrip(": ")


def _shift_lines(message: str, lines: int) -> str:
    """Parser positions refer to the query as sent, not with our prefix lines in front."""
    message = _tidy(message)
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
    graph = Graph()
    bind_prefixes(graph)
    graph.parse(data=ntriples.decode("utf-8"), format="nt")
    name = {"ttl": "turtle", "jsonld": "json-ld", "rdf": "xml"}[fmt]
    return graph.serialize(format=name, encoding="utf-8")


_RDFLIB_FORMATS = {
    "ttl": "turtle",
    "nt": "nt",
    "jsonld": "json-ld",
    "trig": "trig",
    "nq": "nquads",
    "rdf": "xml",
}


def _entity(store: Store, job: Job) -> Reply:
    """An entity page: HTML for people, RDF (with one named graph per source) for machines."""
    fmt, media = choose_entity_format(job.formats, job.accept)
    linker = Linker(job.base)
    try:
        if fmt == "html":
            description = describe(store, job.iri)
            ego = ego_svg(linker, neighbourhood(store, description))
            body = entity_html(description, linker, ego=ego).encode("utf-8")
        else:
            dataset = entity_dataset(store, job.iri)
            if fmt in ("ttl", "nt", "rdf"):  # a triples format: the merge, each triple once
                merged = Graph()
                bind_prefixes(merged)
                for s, p, o, _ in dataset.quads((None, None, None, None)):
                    merged.add((s, p, o))
                body = merged.serialize(format=_RDFLIB_FORMATS[fmt], encoding="utf-8")
            else:
                body = dataset.serialize(format=_RDFLIB_FORMATS[fmt], encoding="utf-8")
    except UnknownNameError as err:
        if fmt != "html":
            return _text(404, str(err))
        message = (
            f"<h1>Not in this graph</h1><p>{html.escape(str(err))}.</p><p>Look for it with a "
            "<a href='/'>query or a question</a>.</p>"
        )
        return Reply(404, "text/html; charset=utf-8", page("not found", message).encode("utf-8"))
    return Reply(200, media + "; charset=utf-8", body)


def answer(store: Store, job: Job) -> Reply:
    """Run ``job`` on an open :class:`kg.store.Store` and serialize the answer (in a worker)."""
    shifted = 0
    try:
        if job.op == "entity":
            return _entity(store, job)
        if job.op == "ask":
            found = ask(store, job.text)
            body = {**found.as_dict(), "text": format_answer(found)}
            return Reply(200, "application/json", json.dumps(body, ensure_ascii=False).encode())
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
        reply = Reply(200, media + charset, data)
        if job.op == "query":
            warnings = unknown_terms(job.text)
            if warnings:  # a misspelt term matches nothing: say so beside the empty answer
                reply.headers["X-KG-Warning"] = (
                    " | ".join(warnings).encode("ascii", "replace").decode("ascii")
                )
        return reply
    except NotAcceptable as err:
        return _text(406, str(err))
    except StoreBusyError as err:
        return _busy(str(err))
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
        return _busy(str(err))
    except QueryError as err:
        return _text(400, _shift_lines(str(err), shifted))
    except KGError as err:
        return _text(500, str(err))
    return Reply(204, "text/plain", b"")


def _busy(message: str) -> Reply:
    reply = _text(503, message)
    reply.headers["Retry-After"] = "5"
    return reply


_PARENT_CHECK = 0.5
"""Seconds between a worker's checks that the server that started it is still alive."""


def _die_with(parent: int) -> None:
    """End this worker when the server process ``parent`` is gone. A server killed with SIGKILL
    cannot stop its workers, and a worker in the middle of a slow query would otherwise run on
    for ever (PR_SET_PDEATHSIG is not used: it fires when the *thread* that started the worker
    ends, and request threads start replacements)."""

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(_PARENT_CHECK)
        os._exit(0)  # no clean-up: the server owns the store and the pipe

    threading.Thread(target=watch, name="kg-serve-parent-watch", daemon=True).start()


def _worker_main(
    conn: Connection, path: str, lock_timeout: float, idle_release: float, parent: int
) -> None:
    """A worker's loop: answer jobs on the store's newest generation; let go of it when idle."""
    _die_with(parent)
    store: Store | None = None
    conn.send(_READY)  # started and imported: a job's time limit runs from here
    while True:
        try:
            if store is not None and not conn.poll(idle_release):
                store.close()  # idle: keep no old generation on disk
                store = None
                continue
            message = conn.recv()
        except (EOFError, OSError, KeyboardInterrupt):
            break
        if message == "stop":
            break
        job: Job = message
        try:
            if job.op == "update":
                reply = _update(Path(path), job, lock_timeout)
            else:
                if store is None:
                    store = Store.open(path, read_only=True, lock_timeout=lock_timeout)
                else:
                    store.refresh()  # a writer published a new generation: read it
                reply = answer(store, job)
        except KGError as err:
            reply = _text(500, str(err))
        except Exception as err:  # a bug: report it, keep serving
            reply = _text(500, f"internal error: {type(err).__name__}: {err}")
        conn.send(reply)
    if store is not None:
        store.close()


_READY = "ready"
"""What a worker sends once it has started, before any job."""
_START_LIMIT = 120.0
"""Seconds a new worker may take to start (interpreter and imports) before it counts as dead."""


class _Worker:
    def __init__(self, context: Any, path: str, lock_timeout: float, idle_release: float) -> None:
        self.ready = False
        self.conn, child = context.Pipe()
        self.process = context.Process(
            target=_worker_main,
            args=(child, path, lock_timeout, idle_release, os.getpid()),
            daemon=True,
            name="kg-serve-worker",
        )
        self.process.start()
        child.close()

    def wait_ready(self) -> None:
        """Wait until the worker has started, so that starting is not counted in the time limit
        of its first job (a replacement starts while the machine may be busy)."""
        if self.ready:
            return
        if not self.conn.poll(_START_LIMIT):
            raise OSError(f"a worker did not start within {_START_LIMIT:g} s")
        message = self.conn.recv()
        if message != _READY:
            raise OSError(f"a worker sent {message!r} before it was ready")
        self.ready = True

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
    """Worker processes that answer one job each at a time; :meth:`run` answers one job.

    Readers never wait for a writer (they read the generation published last, see
    :mod:`kg.store`), so workers hold no lease on the store: each keeps its own read handle,
    moves to a newer generation when one is published, and lets go of it after ``idle_release``
    seconds without work. A slow query occupies its own worker and no other: the other workers
    keep answering.

    Parameters
    ----------
    store
        The store directory.
    workers
        How many queries run at once.
    timeout
        Seconds a query may run before its worker is killed (HTTP 503); also the longest a request
        waits for a free worker. A replacement worker's start-up is not counted.
    idle_release
        Seconds without requests after which a worker lets go of the store.
    """

    def __init__(
        self,
        store: str | Path,
        *,
        workers: int = 2,
        timeout: float = 30.0,
        idle_release: float = 5.0,
    ) -> None:
        self.path = str(store)
        self.timeout = timeout
        self.idle_release = idle_release
        self._context = multiprocessing.get_context("spawn")
        # An update waits for other writers for at most half the time limit, so that a busy
        # store is reported as such (503, naming the writer) before the worker is stopped.
        self._lock_timeout = max(0.2, timeout / 2)
        self._workers = [self._spawn() for _ in range(max(1, workers))]
        self._free = list(self._workers)
        self._cond = threading.Condition()
        self._stopped = False

    def _spawn(self) -> _Worker:
        return _Worker(self._context, self.path, self._lock_timeout, self.idle_release)

    def _take(self) -> _Worker | None:
        deadline = time.monotonic() + self.timeout
        with self._cond:
            while not self._free:
                left = deadline - time.monotonic()
                if left <= 0 or self._stopped:
                    return None
                self._cond.wait(left)
            return self._free.pop(0)

    def _give_back(self, worker: _Worker) -> None:
        with self._cond:
            self._free.append(worker)
            self._cond.notify()

    def _replace(self, worker: _Worker) -> _Worker:
        worker.kill()
        fresh = self._spawn()
        with self._cond:
            self._workers[self._workers.index(worker)] = fresh
        return fresh

    # -- work --

    def run(self, job: Job) -> Reply:
        """Answer ``job`` in a worker, within the time limit."""
        worker = self._take()
        if worker is None:
            return _busy(
                f"all {len(self._workers)} workers of this endpoint are answering other queries "
                f"and none was free within {self.timeout:g} s; try again, or start kg serve with "
                "more --workers"
            )
        try:
            worker.wait_ready()
            worker.conn.send(job)
            if worker.conn.poll(self.timeout):
                reply: Reply = worker.conn.recv()
                return reply
            worker = self._replace(worker)
            what = "update" if job.op == "update" else "query"
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
            self._give_back(worker)

    def close(self) -> None:
        """Stop every worker (their store handles close with them)."""
        with self._cond:
            self._stopped = True
            self._cond.notify_all()
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
    iri: str = "",
    base: str = BASE,
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
        iri=iri,
        base=base,
    )
