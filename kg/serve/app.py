"""The HTTP side of ``kg serve``: the SPARQL 1.1 Protocol at ``/sparql`` and the query page at ``/``.

Routes:

- ``GET/POST /sparql``: the SPARQL 1.1 Protocol. ``query`` or ``update`` by GET, by a
  ``application/x-www-form-urlencoded`` form or as an ``application/sparql-query`` /
  ``application/sparql-update`` body; ``default-graph-uri`` / ``named-graph-uri``; the answer's
  format by ``Accept`` or a ``format`` parameter (see :mod:`kg.serve.negotiate`).
- ``GET /api/queries``: the named queries as JSON (title, description, parameters, columns, text).
- ``GET /api/named?name=NAME&param.NAME=VALUE``: run a named query; parameters are bound by
  the engine exactly as ``kg query --name`` does.
- ``GET /resource/...``, ``/source/...``, ``/graph/...``: the page of the entity (or source) whose IRI
  is the served base (``https://w3id.org/filmkg/`` unless ``--base`` says otherwise) followed by
  the path: HTML for browsers, Turtle, JSON-LD, N-Triples, TriG or N-Quads by ``Accept`` or
  ``format=`` (:mod:`kg.serve.pages`). ``GET /resource?iri=IRI`` does the same for any IRI.
- ``GET /api/config``: the served base, for the query page's links.
- ``GET /api/vocabulary``: the ontology's terms (``kg:Film`` ...), for the editor's completion.
- ``GET /api/ask?q=QUESTION``: a question in English answered as :func:`kg.ask.ask` does (JSON:
  the form understood, the rows, the SPARQL that ran, "did you mean" for names).
- ``GET /``: the query page; ``/static/...`` its files.

Updates are refused (403) unless the server was started with ``allow_update`` and a token, and
the request carries ``Authorization: Bearer TOKEN``. Federated ``SERVICE`` calls and ``LOAD`` of a
URL are refused (403) unless their host is on the ``allow_service`` / ``allow_load`` list: the
endpoint never becomes a way to reach other machines. CORS is off unless origins are named
(``cors``); when bound to loopback, a request whose ``Host`` is not a loopback name is refused
(a DNS-rebinding page cannot reach the endpoint).
"""

from __future__ import annotations

import hmac
import ipaddress
import json
import re
import threading
import urllib.parse
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from importlib.resources import files
from pathlib import Path
from typing import Any

from ..errors import KGInputError
from ..namespace import BASE, KG
from ..query import named_queries
from ..sparql import remote_calls
from ..store import store_exists
from .workers import Reply, WorkerPool, job_from_request

__all__ = ["ServeConfig", "SparqlServer", "make_server", "serve"]

_MAX_BODY = 16 * 1024 * 1024
_STATIC_TYPES = {
    ".html": "text/html; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".css": "text/css; charset=utf-8",
}


@dataclass
class ServeConfig:
    """Settings of ``kg serve`` (the CLI options, as plain values)."""

    store: str | Path
    host: str = "127.0.0.1"
    port: int = 7878
    timeout: float = 30.0
    """Seconds a query may run."""
    max_rows: int = 100_000
    """Most rows (or triples) an answer may have."""
    workers: int = 2
    """Queries answered at once (each in its own process)."""
    allow_update: bool = False
    token: str | None = None
    """The bearer token an update must carry (required with ``allow_update``)."""
    idle_release: float = 5.0
    """Seconds without requests after which a worker lets go of the store."""
    allow_service: list[str] = field(default_factory=list)
    """Hosts (``host`` or ``host:port``; ``*`` for any) a query may call with ``SERVICE``."""
    allow_load: list[str] = field(default_factory=list)
    """Hosts an update may ``LOAD`` from (with ``allow_update``)."""
    cors: list[str] = field(default_factory=list)
    """Origins allowed to read answers from a browser page (``*`` for any); none by default."""
    allow_host: list[str] = field(default_factory=list)
    """Extra ``Host`` names accepted when bound to loopback (e.g. behind a reverse proxy)."""
    base: str = BASE
    """The IRI prefix served at ``/``: ``{base}resource/film/heat`` is the page ``/resource/film/heat``."""
    vendor: bool = True
    """Serve the query page's SPARQL editor (YASGUI, installed by ``make web``) when it is there;
    ``False`` serves the page with its plain editor."""

    def check(self) -> None:
        """Raise :class:`KGInputError` for settings that cannot work."""
        if self.allow_update and not self.token:
            raise KGInputError(
                "--allow-update needs --token TOKEN (clients send Authorization: Bearer TOKEN)"
            )
        if self.timeout <= 0 or self.max_rows <= 0 or self.workers <= 0:
            raise KGInputError("--timeout, --max-rows and --workers must be positive")
        if not re.match(r"^https?://[^\s/]+/(\S*/)?$", self.base):
            raise KGInputError(
                f"--base {self.base!r} is not an http(s) IRI ending in '/', such as "
                "https://w3id.org/filmkg/"
            )
        store = Path(self.store)
        if not store_exists(store):
            raise KGInputError(
                f"no store at {store}: load something first (kg load FILE --store {store})"
            )


class SparqlServer(ThreadingHTTPServer):
    """A threading HTTP server that owns the worker pool."""

    daemon_threads = True
    allow_reuse_address = True
    request_queue_size = 64

    def __init__(self, config: ServeConfig) -> None:
        config.check()
        self.config = config
        self.pool = WorkerPool(
            config.store,
            workers=config.workers,
            timeout=config.timeout,
            idle_release=config.idle_release,
        )
        try:
            super().__init__((config.host, config.port), _Handler)
        except OSError:
            self.pool.close()
            raise

    @property
    def url(self) -> str:
        """The endpoint's base URL, e.g. ``http://127.0.0.1:7878/``."""
        host, port = self.server_address[:2]
        return f"http://{host!s}:{port}/"

    def server_close(self) -> None:
        super().server_close()
        self.pool.close()


def _static(name: str) -> bytes | None:
    folder, _, leaf = name.rpartition("/")
    if folder not in ("", "vendor") or not leaf or leaf.startswith("."):
        return None
    resource = files("kg.serve").joinpath("static", *([folder] if folder else []), leaf)
    if not resource.is_file():
        return None
    return resource.read_bytes()


def _named_queries_json() -> bytes:
    out = [
        {
            "name": q.name,
            "title": q.title,
            "description": q.description,
            "params": [
                {
                    "name": p.name,
                    "type": p.type,
                    "example": p.example,
                    "optional": p.optional,
                    "default": p.default,
                }
                for p in q.params
            ],
            "columns": q.columns,
            "text": q.text,
        }
        for q in named_queries().values()
    ]
    return json.dumps(out, ensure_ascii=False).encode("utf-8")


_LOOPBACK_NAMES = {"localhost", "localhost.", "127.0.0.1", "::1", "[::1]"}


def _is_loopback(host: str) -> bool:
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return host in _LOOPBACK_NAMES


def _host_allowed(iri: str | None, allowed: list[str]) -> bool:
    """Whether a SERVICE/LOAD target is on an allow-list of ``host`` / ``host:port`` entries.

    >>> _host_allowed("http://127.0.0.1:7999/x", ["127.0.0.1:7999"])
    True
    >>> _host_allowed("http://127.0.0.1:7999/x", ["example.org"])
    False
    """
    if "*" in allowed:
        return True
    if iri is None:
        return False
    parts = urllib.parse.urlsplit(iri)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return False
    host = parts.hostname.lower()
    try:
        port = parts.port or (443 if parts.scheme == "https" else 80)
    except ValueError:
        return False
    for entry in allowed:
        name, _, want = entry.lower().rpartition(":") if entry.count(":") == 1 else (entry, "", "")
        if (name or entry).lower().strip("[]") == host and (not want or want == str(port)):
            return True
    return False


_LENGTH = re.compile(r"[0-9]{1,12}")
_ENTITY_PATHS = ("/resource/", "/source/", "/graph/")


class _Handler(BaseHTTPRequestHandler):
    server: SparqlServer
    protocol_version = "HTTP/1.1"  # keep-alive: one connection serves many requests
    server_version = "kg-serve"
    sys_version = ""
    timeout = 60  # seconds a client may take to send a request (no slow-loris)
    # Headers and body used to leave in two small writes, and on a keep-alive connection the
    # second waited for the client's delayed ACK (~40 ms a request). Now the answer is buffered
    # (handle_one_request flushes it) and TCP_NODELAY sends it at once.
    disable_nagle_algorithm = True
    wbufsize = 256 * 1024

    def log_message(self, format: str, *args: Any) -> None:
        pass  # quiet: the CLI prints one line at start-up

    def version_string(self) -> str:
        return "kg-serve"  # no Python version for an attacker to read

    def end_headers(self) -> None:
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("Referrer-Policy", "no-referrer")
        self.send_header("X-Frame-Options", "DENY")
        super().end_headers()

    def _cors(self) -> None:
        allowed = self.server.config.cors
        origin = self.headers.get("Origin")
        if not allowed or not origin:
            return
        self.send_header("Access-Control-Expose-Headers", "X-KG-Warning")
        if "*" in allowed:
            self.send_header("Access-Control-Allow-Origin", "*")
        elif origin in allowed:
            self.send_header("Access-Control-Allow-Origin", origin)
            self.send_header("Vary", "Origin")

    def parse_request(self) -> bool:
        if not super().parse_request():
            return False
        return self._host_ok()

    def _host_ok(self) -> bool:
        """When bound to loopback, only loopback names (DNS-rebinding defence)."""
        config = self.server.config
        if not _is_loopback(config.host):
            return True
        given = self.headers.get("Host")
        if given is None:
            return True
        host = given.strip().lower()
        if host.startswith("["):
            host = host[: host.find("]") + 1]
        else:
            host = host.rsplit(":", 1)[0] if host.count(":") == 1 else host
        if _is_loopback(host.strip("[]")) or host in {h.lower() for h in config.allow_host}:
            return True
        self.close_connection = True
        self._error(
            421,
            f"this endpoint answers on loopback only; the Host {given[:100]!r} is not a loopback "
            "name (start kg serve with --allow-host NAME to accept it)",
        )
        return False

    # -- plumbing --

    def _send(self, reply: Reply) -> None:
        self.send_response(reply.status)
        self.send_header("Content-Type", reply.content_type)
        self.send_header("Content-Length", str(len(reply.body)))
        self._cors()
        self.send_header("Vary", "Accept")
        for key, value in reply.headers.items():
            self.send_header(key, value)
        if self.close_connection:
            self.send_header("Connection", "close")
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(reply.body)

    def _error(self, status: int, message: str) -> None:
        self._send(Reply(status, "text/plain; charset=utf-8", (message + "\n").encode("utf-8")))

    def _refuse_body(self, status: int, message: str) -> None:
        """Answer without reading the body, and close the connection (its bytes are unread)."""
        self.close_connection = True
        self._error(status, message)

    def _body(self) -> bytes | None:
        lengths = self.headers.get_all("Content-Length") or []
        if self.headers.get("Transfer-Encoding"):
            self._refuse_body(
                411 if not lengths else 400,
                "send the request body with a Content-Length, not Transfer-Encoding",
            )
            return None
        if not lengths:
            return b""
        if len(set(lengths)) > 1 or not _LENGTH.fullmatch(lengths[0].strip()):
            shown = ", ".join(v[:20] for v in lengths)
            self._refuse_body(
                400, f"bad Content-Length {shown!r}: give the body's size in bytes, once"
            )
            return None
        length = int(lengths[0])
        if length > _MAX_BODY:
            self._refuse_body(
                413, f"the request body is larger than {_MAX_BODY // (1024 * 1024)} MB"
            )
            return None
        body = self.rfile.read(length) if length else b""
        if len(body) < length:
            self.close_connection = True
            return None
        return body

    # -- methods --

    def do_OPTIONS(self) -> None:
        self.send_response(204)
        self._cors()
        self.send_header("Access-Control-Allow-Methods", "GET, POST, OPTIONS")
        self.send_header("Access-Control-Allow-Headers", "Content-Type, Accept, Authorization")
        self.send_header("Content-Length", "0")
        self.end_headers()

    def do_HEAD(self) -> None:
        self.do_GET()

    def do_GET(self) -> None:
        url = urllib.parse.urlsplit(self.path)
        args = urllib.parse.parse_qs(url.query, keep_blank_values=True)
        if url.path in ("/sparql", "/query") or (
            url.path == "/" and ("query" in args or "update" in args)
        ):
            if "update" in args:
                self._error(405, "send updates with POST (update=... or application/sparql-update)")
                return
            self._protocol(args, args.get("query", [""])[-1], update=False)
        elif url.path in ("/", "/index.html"):
            self._file("index.html")
        elif url.path.startswith("/static/"):
            name = url.path.removeprefix("/static/")
            if name.startswith("vendor/") and not self.server.config.vendor:
                self._error(404, f"no such file: {name}")
            else:
                self._file(name)
        elif url.path == "/api/queries":
            self._send(Reply(200, "application/json", _named_queries_json()))
        elif url.path == "/api/named":
            self._named(args)
        elif url.path == "/api/ask":
            question = args.get("q", [""])[-1]
            if not question.strip():
                self._error(400, "ask a question: /api/ask?q=who+directed+Heat")
                return
            self._send(self.server.pool.run(job_from_request("ask", text=question[:1000])))
        elif url.path == "/api/vocabulary":
            terms = sorted(f"kg:{name}" for name in KG.__annotations__)
            self._send(Reply(200, "application/json", json.dumps(terms).encode("utf-8")))
        elif url.path == "/api/config":
            config = {"base": self.server.config.base}
            self._send(Reply(200, "application/json", json.dumps(config).encode("utf-8")))
        elif url.path == "/resource" and "iri" in args:
            self._entity(args, args["iri"][-1])
        elif url.path.startswith(_ENTITY_PATHS) or (
            self.server.config.base != BASE and len(url.path) > 1
        ):  # a page of the served base (another base: every other path)
            self._entity(args, self.server.config.base + urllib.parse.unquote(url.path[1:]))
        else:
            self._error(
                404, f"no such page: {url.path}; the SPARQL endpoint is /sparql, the query page /"
            )

    def do_POST(self) -> None:
        url = urllib.parse.urlsplit(self.path)
        if url.path not in ("/sparql", "/query", "/", "/update"):
            self._error(404, f"no such endpoint: {url.path}; POST queries to /sparql")
            return
        args = urllib.parse.parse_qs(url.query, keep_blank_values=True)
        body = self._body()
        if body is None:
            return
        media = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        try:
            text = body.decode("utf-8")
        except UnicodeDecodeError:
            self._error(400, "the request body is not UTF-8")
            return
        if media == "application/x-www-form-urlencoded":
            form = urllib.parse.parse_qs(text, keep_blank_values=True)
            for key, values in form.items():
                args.setdefault(key, []).extend(values)
            if "update" in form:
                self._protocol(args, form["update"][-1], update=True)
            elif "query" in form:
                self._protocol(args, form["query"][-1], update=False)
            else:
                self._error(400, "the form has neither `query` nor `update`")
        elif media == "application/sparql-query":
            self._protocol(args, text, update=False)
        elif media == "application/sparql-update":
            self._protocol(args, text, update=True)
        else:
            self._error(
                415,
                f"unsupported Content-Type {media or '(none)'!r}: POST application/x-www-form-urlencoded, "
                "application/sparql-query or application/sparql-update",
            )

    # -- handlers --

    def _file(self, name: str) -> None:
        data = _static(name)
        if data is None:
            self._error(404, f"no such file: {name}")
            return
        kind = _STATIC_TYPES.get(Path(name).suffix, "application/octet-stream")
        self._send(Reply(200, kind, data, {"Cache-Control": "no-cache"}))

    def _formats(self, args: dict[str, list[str]]) -> list[str]:
        return [v for key in ("format", "output") for v in args.get(key, [])]

    def _download(self, args: dict[str, list[str]], reply: Reply) -> Reply:
        if reply.status == 200 and args.get("download", [""])[-1] not in ("", "0", "false"):
            suffix = {
                "text/csv": "csv",
                "text/tab-separated-values": "tsv",
                "application/sparql-results+json": "json",
                "application/sparql-results+xml": "xml",
                "text/turtle": "ttl",
                "application/n-triples": "nt",
                "application/ld+json": "jsonld",
                "application/rdf+xml": "rdf",
            }.get(reply.content_type.split(";")[0], "txt")
            reply.headers["Content-Disposition"] = f'attachment; filename="results.{suffix}"'
        return reply

    def _remote_refused(self, text: str) -> str | None:
        """Why a query or update may not run here: a SERVICE or LOAD target not allowed."""
        config = self.server.config
        for keyword, iri in remote_calls(text):
            allowed = config.allow_service if keyword == "SERVICE" else config.allow_load
            if not _host_allowed(iri, allowed):
                target = f"<{iri}>" if iri else "a target that is not a full http(s) IRI"
                flag = "--allow-service" if keyword == "SERVICE" else "--allow-load"
                return (
                    f"{keyword} {target} is refused: this endpoint does not call other servers "
                    f"unless its host is allowed (start kg serve with {flag} HOST[:PORT])"
                )
        return None

    def _protocol(self, args: dict[str, list[str]], text: str, *, update: bool) -> None:
        config = self.server.config
        refused = self._remote_refused(text)
        if refused:
            self._error(403, refused)
            return
        if update:
            if not config.allow_update:
                self._error(
                    403,
                    "updates are refused: this endpoint is read-only. Start it with "
                    "`kg serve --allow-update --token TOKEN` and send Authorization: Bearer TOKEN",
                )
                return
            given = self.headers.get("Authorization") or ""
            scheme, _, token = given.partition(" ")
            if scheme.lower() != "bearer" or not hmac.compare_digest(
                token.strip().encode(), (config.token or "").encode()
            ):
                self._error(403, "updates need Authorization: Bearer TOKEN with the server's token")
                return
        job = job_from_request(
            "update" if update else "query",
            text=text,
            default_graphs=args.get("default-graph-uri", []) + args.get("using-graph-uri", []),
            named_graphs=args.get("named-graph-uri", []) + args.get("using-named-graph-uri", []),
            formats=self._formats(args),
            accept=self.headers.get("Accept") or "*/*",
            max_rows=config.max_rows,
        )
        self._send(self._download(args, self.server.pool.run(job)))

    def _entity(self, args: dict[str, list[str]], iri: str) -> None:
        job = job_from_request(
            "entity",
            iri=iri,
            base=self.server.config.base,
            formats=self._formats(args),
            accept=self.headers.get("Accept") or "*/*",
        )
        reply = self.server.pool.run(job)
        reply.headers.setdefault("Link", f'<{iri}>; rel="canonical"')
        self._send(reply)

    def _named(self, args: dict[str, list[str]]) -> None:
        name = args.get("name", [""])[-1]
        if not name:
            self._error(400, "give the named query: /api/named?name=NAME&param.NAME=VALUE")
            return
        params = {
            key.removeprefix("param."): values[-1]
            for key, values in args.items()
            if key.startswith("param.") and values[-1] != ""
        }
        job = job_from_request(
            "named",
            name=name,
            params=params,
            formats=self._formats(args),
            accept=self.headers.get("Accept") or "*/*",
            max_rows=self.server.config.max_rows,
        )
        self._send(self._download(args, self.server.pool.run(job)))


def make_server(config: ServeConfig) -> SparqlServer:
    """A bound, not yet running server (``port=0`` picks a free port; see ``.url``).

    Run it with ``serve_forever()`` (in a thread for tests) and stop it with ``shutdown()`` and
    ``server_close()``.

    >>> import tempfile, threading, urllib.parse, urllib.request
    >>> from kg import ServeConfig, Store, make_server
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     Store.open(tmp).close()
    ...     server = make_server(ServeConfig(store=tmp, port=0))
    ...     thread = threading.Thread(target=server.serve_forever, daemon=True)
    ...     thread.start()
    ...     ask = urllib.parse.quote("ASK { ?s ?p ?o }")
    ...     with urllib.request.urlopen(f"{server.url}sparql?query={ask}") as answer:
    ...         print(answer.read().decode())
    ...     server.shutdown()
    ...     server.server_close()
    {"head":{},"boolean":false}
    """
    return SparqlServer(config)


def serve(config: ServeConfig, *, ready: threading.Event | None = None) -> None:
    """Serve until interrupted (Ctrl-C)."""
    server = make_server(config)
    if ready is not None:
        ready.set()
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
