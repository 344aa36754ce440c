"""A remote SPARQL 1.1 server (Virtuoso, Fuseki, GraphDB, QLever...) through SPARQLWrapper.

:class:`RemoteEndpoint` runs queries (answers are :class:`RemoteResult`, a
:class:`~kg.store.QueryResult` with the same ``rows()``/``boolean()``/``triples()``/``serialize()``
as the embedded store), updates, and Graph Store HTTP Protocol requests. Authentication is
negotiated: with ``user``/``password`` the server's challenge picks HTTP basic or digest; a
``token`` is sent as ``Authorization: Bearer``. Every failure becomes one clear
:class:`~kg.errors.RemoteError` (or :class:`~kg.errors.KGInputError` for a malformed URL) that names
the URL and the option to fix.

>>> RemoteEndpoint("localhost:8890/sparql")  # doctest: +IGNORE_EXCEPTION_DETAIL
Traceback (most recent call last):
kg.errors.KGInputError: malformed endpoint URL 'localhost:8890/sparql': ...
>>> result = RemoteResult("ask", True, [])
>>> result.boolean()
True
"""

from __future__ import annotations

import csv
import http.client
import io
import json
import re
import socket
import ssl
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Mapping, Sequence
from importlib import metadata
from typing import IO, Any, Literal, cast

from rdflib import BNode, Graph, URIRef
from rdflib import Literal as RdfLiteral
from rdflib.namespace import XSD
from rdflib.term import Identifier, Variable

from .errors import (
    KGError,
    KGInputError,
    QueryError,
    RemoteError,
    UnknownFormatError,
    UnknownNameError,
)
from .sparql import bind_values
from .store import QueryResult, Store, Triple

__all__ = [
    "PROJECT_URL",
    "RemoteEndpoint",
    "RemoteResult",
    "TransientRemoteError",
    "kg_graphs",
    "remote_named_query",
    "remote_query",
    "retrying",
    "user_agent",
]

Dataset = Literal["kg", "server"]

PROJECT_URL = "https://example.org/kg"
"""Sent in the User-Agent so server operators can tell who is calling."""

_RESULTS_JSON = "application/sparql-results+json"
_GRAPH_ACCEPT = "application/n-triples, text/plain;q=0.9, text/turtle;q=0.8"
_RDFLIB_GRAPH_FORMATS = {
    "ttl": "turtle",
    "turtle": "turtle",
    "nt": "nt",
    "ntriples": "nt",
    "nq": "nquads",
    "nquads": "nquads",
    "trig": "trig",
    "jsonld": "json-ld",
    "json-ld": "json-ld",
    "rdf": "xml",
    "xml": "xml",
    "owl": "xml",
    "n3": "n3",
}
_RESULT_FORMATS = ("json", "xml", "csv", "tsv")


def user_agent() -> str:
    """The User-Agent ``kg`` sends: ``kg/<version> (+<project url>)``.

    >>> user_agent().startswith("kg/")
    True
    """
    try:
        version = metadata.version("kg")
    except metadata.PackageNotFoundError:  # pragma: no cover - running from a source tree
        version = "0"
    return f"kg/{version} (+{PROJECT_URL})"


class TransientRemoteError(RemoteError):
    """A failure worth retrying: the server was busy, restarting, or did not answer in time."""


# --- results ----------------------------------------------------------------------------------------


def _term(binding: Mapping[str, str]) -> Identifier:
    """One SPARQL JSON results term as an rdflib term (with Virtuoso's quirks smoothed out)."""
    kind = binding.get("type")
    value = binding.get("value", "")
    if kind == "uri":
        return URIRef(value)
    if kind == "bnode":
        return BNode(value.removeprefix("nodeID://"))
    lang = binding.get("xml:lang")
    if lang:
        return RdfLiteral(value, lang=lang)
    datatype = binding.get("datatype")
    if datatype:
        if datatype == str(XSD.boolean) and value in ("0", "1"):  # Virtuoso writes booleans as 0/1
            value = "true" if value == "1" else "false"
        if datatype == str(XSD.string):
            return RdfLiteral(value)
        return RdfLiteral(value, datatype=URIRef(datatype))
    return RdfLiteral(value)


def _nt(term: Identifier | None) -> str:
    if term is None:
        return ""
    if isinstance(term, BNode):
        return f"_:{term}"
    return str(term.n3())


def _csv_value(term: Identifier | None) -> str:
    if term is None:
        return ""
    if isinstance(term, BNode):
        return f"_:{term}"
    return str(term)


class RemoteResult(QueryResult):
    """The answer of a remote server, with the interface of a local :class:`~kg.store.QueryResult`.

    >>> r = RemoteResult("select", [(URIRef("urn:x"), None)], ["a", "b"])
    >>> out = io.BytesIO(); r.serialize("tsv", out); out.getvalue()
    b'?a\\t?b\\n<urn:x>\\t\\n'
    """

    def __init__(
        self, kind: Literal["select", "ask", "graph"], raw: Any, columns: list[str]
    ) -> None:
        super().__init__(kind, raw, columns)

    def rows(self) -> list[tuple[Identifier | None, ...]]:
        """SELECT rows as tuples of rdflib terms (``None`` for unbound), in column order."""
        if self.kind != "select":
            raise QueryError(f"a {self.kind.upper()} query has no rows")
        return list(self._raw)

    def boolean(self) -> bool:
        """The answer of an ASK query."""
        if self.kind != "ask":
            raise QueryError("only an ASK query has a boolean answer")
        return bool(self._raw)

    def triples(self) -> list[Triple]:
        """CONSTRUCT/DESCRIBE triples as rdflib terms."""
        if self.kind != "graph":
            raise QueryError("only CONSTRUCT and DESCRIBE queries give triples")
        return list(self._raw)

    def serialize(self, fmt: str, output: IO[bytes]) -> None:
        """Write results as ``json``/``xml``/``csv``/``tsv`` or triples as an RDF format."""
        if self.kind == "graph":
            rdflib_format = _RDFLIB_GRAPH_FORMATS.get(fmt)
            if rdflib_format is None:
                raise UnknownFormatError(
                    f"unknown RDF format {fmt!r}; use one of: ttl, nt, nq, trig, jsonld, rdf"
                )
            graph = Graph()
            for prefix, iri in _prefixes().items():
                graph.bind(prefix, iri)
            for triple in self._raw:
                graph.add(triple)
            output.write(graph.serialize(format=rdflib_format, encoding="utf-8"))
            return
        if fmt not in _RESULT_FORMATS:
            raise UnknownFormatError(
                f"unknown results format {fmt!r}; use one of: {', '.join(_RESULT_FORMATS)}"
            )
        if fmt == "tsv":
            lines = ["\t".join("?" + c for c in self.columns)] if self.kind == "select" else []
            if self.kind == "ask":
                lines.append("true" if self._raw else "false")
            else:
                lines += ["\t".join(_nt(t) for t in row) for row in self._raw]
            output.write(("\n".join(lines) + "\n").encode("utf-8"))
            return
        if fmt == "csv":
            text = io.StringIO()
            writer = csv.writer(text, lineterminator="\r\n")
            if self.kind == "ask":
                writer.writerow(["true" if self._raw else "false"])
            else:
                writer.writerow(self.columns)
                writer.writerows([_csv_value(t) for t in row] for row in self._raw)
            output.write(text.getvalue().encode("utf-8"))
            return
        from rdflib.query import Result

        result = Result("SELECT" if self.kind == "select" else "ASK")
        if self.kind == "ask":
            result.askAnswer = bool(self._raw)
        else:
            variables = [Variable(c) for c in self.columns]
            result.vars = variables
            result.bindings = [
                {v: t for v, t in zip(variables, row, strict=True) if t is not None}
                for row in self._raw
            ]
        result.serialize(destination=output, format=fmt, encoding="utf-8")


def _prefixes() -> dict[str, str]:
    from .query import PREFIXES

    return PREFIXES


# --- the endpoint -------------------------------------------------------------------------------------


def _check_url(url: str, option: str) -> str:
    parts = urllib.parse.urlsplit(url.strip())
    if parts.scheme not in ("http", "https") or not parts.netloc or " " in url.strip():
        raise KGInputError(
            f"malformed endpoint URL {url!r}: give a full http(s) URL such as "
            f"http://localhost:8890/sparql ({option})"
        )
    try:
        _ = parts.port
    except ValueError:
        raise KGInputError(f"malformed endpoint URL {url!r}: bad port number ({option})") from None
    return url.strip()


def _first_line(body: bytes) -> str:
    text = body.decode("utf-8", "replace").strip()
    text = re.sub(r"<[^>]+>", " ", text) if text.lstrip().startswith("<") else text
    for line in text.splitlines():
        line = line.strip()
        if line:
            return line[:300]
    return ""


_LIMIT = re.compile(r"\bLIMIT\s+\d+", re.IGNORECASE)
_ORDER = re.compile(r"\bORDER\s+BY\b", re.IGNORECASE)
_PROLOGUE = re.compile(
    r"^(?:\s*(?:#[^\n]*\n|(?:PREFIX\s+[\w.-]*:\s*<[^>]*>|BASE\s+<[^>]*>)))*", re.IGNORECASE
)


def _strip_literals(sparql: str) -> str:
    """The query without strings, IRIs and comments (for keyword checks)."""
    return re.sub(r'"(?:[^"\\]|\\.)*"|\'(?:[^\'\\]|\\.)*\'|<[^\s<>"]*>|#[^\n]*', " ", sparql)


class RemoteEndpoint:
    """A SPARQL 1.1 server: query and update endpoints, optional Graph Store Protocol endpoint.

    Parameters
    ----------
    url:
        The query endpoint, e.g. ``http://localhost:8890/sparql``.
    update_url:
        The update endpoint (default: ``url``). Virtuoso: ``.../sparql-auth`` with digest auth.
    graph_store_url:
        The Graph Store HTTP Protocol endpoint, if the server has one
        (Virtuoso: ``.../sparql-graph-crud-auth``; Fuseki: ``.../data``).
    user, password:
        Credentials; the server's challenge decides between basic and digest auth.
    token:
        A bearer token (instead of user/password).
    timeout:
        Seconds to wait for an answer to one request.
    page_size:
        Rows fetched per request by :meth:`select` (servers cap result sizes, Virtuoso at 10000
        by default).

    Raises
    ------
    KGInputError
        A URL that is not a full ``http(s)://`` URL, or a password without a user.
    """

    def __init__(
        self,
        url: str,
        *,
        update_url: str | None = None,
        graph_store_url: str | None = None,
        user: str | None = None,
        password: str | None = None,
        token: str | None = None,
        timeout: float = 60.0,
        page_size: int = 10_000,
        agent: str | None = None,
    ) -> None:
        self.url = _check_url(url, "--endpoint")
        self.update_url = _check_url(update_url, "--update-endpoint") if update_url else self.url
        self.graph_store_url = (
            _check_url(graph_store_url, "--graph-store") if graph_store_url else None
        )
        if (user is None) != (password is None):
            raise KGInputError("give both --user and --password (or neither)")
        if token and user:
            raise KGInputError("give either --user/--password or --token, not both")
        self.user = user
        self.password = password
        self.token = token
        self.timeout = float(timeout)
        self.page_size = int(page_size)
        self.agent = agent or user_agent()
        self.requests = 0
        handlers: list[urllib.request.BaseHandler] = []
        if user is not None and password is not None:
            manager = urllib.request.HTTPPasswordMgrWithDefaultRealm()
            for target in {self.url, self.update_url, self.graph_store_url}:
                if target:
                    manager.add_password(None, target, user, password)
            handlers += [
                urllib.request.HTTPDigestAuthHandler(manager),
                urllib.request.HTTPBasicAuthHandler(manager),
            ]
        self._opener = urllib.request.build_opener(*handlers)

    def __repr__(self) -> str:
        return f"<kg.RemoteEndpoint {self.url}>"

    # -- transport --

    def _open(self, request: urllib.request.Request, what: str) -> tuple[bytes, str]:
        """Send ``request``; returns the body and its content type, or raises a clear error."""
        request.add_header("User-Agent", self.agent)
        if self.token:
            request.add_header("Authorization", f"Bearer {self.token}")
        url = request.full_url.split("?", 1)[0]
        self.requests += 1
        try:
            with self._opener.open(request, timeout=self.timeout) as response:
                return response.read(), response.headers.get("Content-Type", "")
        except urllib.error.HTTPError as err:
            raise self._http_error(err, url, what) from None
        except urllib.error.URLError as err:
            raise self._connection_error(err.reason, url) from None
        except TimeoutError as err:
            raise self._connection_error(err, url) from None
        except (ConnectionError, http.client.HTTPException, ssl.SSLError) as err:
            raise TransientRemoteError(
                f"the connection to {url} failed while {what}: {err}"
            ) from None

    def _http_error(self, err: urllib.error.HTTPError, url: str, what: str) -> KGError:
        try:
            detail = _first_line(err.read())
        except OSError:
            detail = ""
        code = err.code
        suffix = f": {detail}" if detail else ""
        if code in (401, 403):
            reason = "Unauthorized" if code == 401 else "Forbidden"
            if self.user or self.token:
                fix = "--token" if self.token else "--user/--password"
                return RemoteError(
                    f"{url} refused the credentials (HTTP {code} {reason}) while {what}: check {fix}"
                )
            return RemoteError(
                f"{url} needs authentication (HTTP {code} {reason}) while {what}: pass --user and "
                "--password (or --token)"
            )
        if code == 400:
            return QueryError(f"{url} rejected the request (HTTP 400) while {what}{suffix}")
        if code == 404:
            return RemoteError(f"no SPARQL service at {url} (HTTP 404): check the endpoint URL")
        if code in (408, 429, 502, 503, 504):
            return TransientRemoteError(
                f"{url} is busy or unavailable (HTTP {code}) while {what}{suffix}"
            )
        if code >= 500:
            return RemoteError(f"{url} failed (HTTP {code}) while {what}{suffix}")
        return RemoteError(f"{url} answered HTTP {code} while {what}{suffix}")

    def _connection_error(self, reason: object, url: str) -> RemoteError:
        if isinstance(reason, ConnectionRefusedError):
            return TransientRemoteError(
                f"cannot connect to {url}: connection refused; is the server running? check --endpoint"
            )
        if isinstance(reason, (TimeoutError, socket.timeout)) or "timed out" in str(reason):
            return TransientRemoteError(
                f"no answer from {url} within {self.timeout:g} s; raise the limit with --timeout SECONDS"
            )
        if isinstance(reason, socket.gaierror):
            host = urllib.parse.urlsplit(url).hostname
            return RemoteError(f"cannot resolve the host {host!r} of {url}: check --endpoint")
        return TransientRemoteError(f"cannot connect to {url}: {reason}")

    def _sparql_request(
        self, sparql: str, *, update: bool, accept: str, graphs: Sequence[str] | None = None
    ) -> urllib.request.Request:
        from SPARQLWrapper import POST, URLENCODED, SPARQLWrapper

        wrapper = SPARQLWrapper(self.url, updateEndpoint=self.update_url, agent=self.agent)
        wrapper.setMethod(POST)
        wrapper.setRequestMethod(URLENCODED)
        wrapper.setOnlyConneg(True)  # content negotiation only: no format=... parameters
        wrapper.setQuery(sparql)
        for graph in graphs or ():
            wrapper.addDefaultGraph(graph)
            wrapper.addNamedGraph(graph)
        if update != wrapper.isSparqlUpdateRequest():
            kind = "an update" if wrapper.isSparqlUpdateRequest() else "a query"
            raise QueryError(f"expected {'an update' if update else 'a query'}, got {kind}")
        request = wrapper._createRequest()
        request.remove_header("Accept")
        request.add_header("Accept", accept)
        return request

    # -- the SPARQL protocol --

    def query(
        self,
        sparql: str,
        *,
        bindings: Mapping[str, Identifier] | None = None,
        graphs: Sequence[str] | None = None,
    ) -> RemoteResult:
        """Run a SELECT/ASK/CONSTRUCT/DESCRIBE query (one request; see :meth:`select` for paging).

        ``graphs`` restricts the dataset: their union is the default graph and they are the named
        graphs (``default-graph-uri``/``named-graph-uri`` of the SPARQL protocol).
        """
        if bindings:
            sparql = bind_values(sparql, bindings)
        form = _query_form(sparql)
        accept = (
            _GRAPH_ACCEPT
            if form in ("CONSTRUCT", "DESCRIBE")
            else f"{_RESULTS_JSON}, application/json;q=0.9"
        )
        body, content_type = self._open(
            self._sparql_request(sparql, update=False, accept=accept, graphs=graphs), "querying"
        )
        if form in ("CONSTRUCT", "DESCRIBE"):
            return RemoteResult("graph", _parse_graph(body, content_type, self.url), [])
        try:
            data = json.loads(body)
        except ValueError:
            raise RemoteError(
                f"{self.url} did not answer with SPARQL JSON results ({content_type or 'no content type'}); "
                "is it a SPARQL endpoint?"
            ) from None
        if "boolean" in data:
            return RemoteResult("ask", bool(data["boolean"]), [])
        columns = list(data.get("head", {}).get("vars", []))
        rows = [
            tuple(_term(b[c]) if c in b else None for c in columns)
            for b in data["results"]["bindings"]
        ]
        return RemoteResult("select", rows, columns)

    def select(
        self,
        sparql: str,
        *,
        bindings: Mapping[str, Identifier] | None = None,
        page_size: int | None = None,
        graphs: Sequence[str] | None = None,
    ) -> list[tuple[Identifier | None, ...]]:
        """All rows of a SELECT query, fetched in pages with ``LIMIT``/``OFFSET``.

        A query with its own ``LIMIT`` runs as is. Otherwise pages are ordered by the query's own
        ``ORDER BY``, or else by every column, so consecutive pages never overlap or miss rows.
        """
        return self.query_paged(
            sparql, bindings=bindings, page_size=page_size, graphs=graphs
        ).rows()

    def query_paged(
        self,
        sparql: str,
        *,
        bindings: Mapping[str, Identifier] | None = None,
        page_size: int | None = None,
        graphs: Sequence[str] | None = None,
    ) -> RemoteResult:
        """Like :meth:`query`, but a SELECT without ``LIMIT`` is fetched in pages (all rows)."""
        if bindings:
            sparql = bind_values(sparql, bindings)
        size = page_size or self.page_size
        bare = _strip_literals(sparql)
        if _query_form(sparql) != "SELECT" or _LIMIT.search(bare):
            return self.query(sparql, graphs=graphs)
        first = self.query(f"{sparql}\nLIMIT {size}", graphs=graphs)
        if len(first.rows()) < size:
            return first
        columns = first.columns
        if _ORDER.search(bare):

            def page(offset: int) -> str:
                return f"{sparql}\nLIMIT {size} OFFSET {offset}"
        else:
            prologue = _PROLOGUE.match(sparql)
            head = prologue.group(0) if prologue else ""
            body = sparql[len(head) :]
            order = " ".join(f"?{c}" for c in columns)

            def page(offset: int) -> str:
                return (
                    f"{head}\nSELECT {order} WHERE {{ {{\n{body}\n}} }}\nORDER BY {order}\n"
                    f"LIMIT {size} OFFSET {offset}"
                )

        rows: list[tuple[Identifier | None, ...]] = []
        offset = 0
        while True:
            batch = self.query(page(offset), graphs=graphs).rows()
            rows += batch
            if len(batch) < size:
                break
            offset += size
        return RemoteResult("select", rows, columns)

    def ask(self, sparql: str, *, bindings: Mapping[str, Identifier] | None = None) -> bool:
        """The answer of an ASK query."""
        return self.query(sparql, bindings=bindings).boolean()

    def update(self, sparql: str) -> None:
        """Run a SPARQL 1.1 Update on the update endpoint."""
        request = self._sparql_request(sparql, update=True, accept="*/*")
        request.full_url = self.update_url
        self._open(request, "updating")

    # -- the Graph Store HTTP Protocol --

    def _graph_store(self, method: str, graph: str, data: bytes | None, content_type: str) -> None:
        if self.graph_store_url is None:
            raise KGInputError("this endpoint has no Graph Store URL: pass --graph-store URL")
        query = urllib.parse.urlencode({"graph": graph, "graph-uri": graph})
        request = urllib.request.Request(
            f"{self.graph_store_url}?{query}", data=data, method=method
        )
        if data is not None:
            request.add_header("Content-Type", content_type)
        self._open(request, f"sending graph {graph}")

    def post_graph(self, graph: str, data: bytes, content_type: str = "text/turtle") -> None:
        """Add RDF (N-Triples or Turtle bytes) to a graph through the Graph Store Protocol."""
        self._graph_store("POST", graph, data, content_type)

    def put_graph(self, graph: str, data: bytes, content_type: str = "text/turtle") -> None:
        """Replace a graph's content through the Graph Store Protocol."""
        self._graph_store("PUT", graph, data, content_type)


def _query_form(sparql: str) -> str:
    bare = _strip_literals(sparql)
    match = re.search(r"\b(SELECT|CONSTRUCT|ASK|DESCRIBE)\b", bare, re.IGNORECASE)
    if match is None:
        raise QueryError("not a SPARQL query: no SELECT, ASK, CONSTRUCT or DESCRIBE")
    return match.group(1).upper()


def _parse_graph(body: bytes, content_type: str, url: str) -> list[Triple]:
    mime = content_type.split(";", 1)[0].strip().lower()
    fmt = {
        "application/n-triples": "nt",
        "text/plain": "nt",
        "text/turtle": "turtle",
        "application/rdf+xml": "xml",
        "application/ld+json": "json-ld",
    }.get(mime, "turtle")
    graph = Graph()
    try:
        graph.parse(data=body.decode("utf-8"), format=fmt)
    except Exception as err:  # rdflib raises many parser-specific types
        raise RemoteError(
            f"{url} answered a CONSTRUCT with unreadable {mime or 'RDF'}: {err}"
        ) from None
    out: list[Triple] = []
    for s, p, o in graph:
        out.append((s, p, o))
    return out


# --- queries as users run them ---------------------------------------------------------------------------


def kg_graphs(endpoint: RemoteEndpoint) -> list[str]:
    """The graphs ``kg push`` has completed on the server (from its status graph), sorted."""
    from .push import PUSH, STATUS_GRAPH

    rows = endpoint.select(
        f'SELECT ?g WHERE {{ GRAPH <{STATUS_GRAPH}> {{ ?g <{PUSH}state> "complete" }} }}'
    )
    return sorted(str(r[0]) for r in rows)


def remote_query(endpoint: RemoteEndpoint, sparql: str, *, dataset: Dataset = "kg") -> RemoteResult:
    """Run user SPARQL (standard prefixes added) on the server; SELECTs are fetched in full.

    The remote twin of :func:`kg.query.run_query`. With ``dataset="kg"`` the query sees the
    graphs ``kg push`` wrote (their union as default graph, like the local store) when the server
    has any; otherwise, or with ``dataset="server"``, the server's own default dataset (Virtuoso's
    includes its system graphs).
    """
    from .query import with_prefixes

    if not sparql.strip():
        raise QueryError("the query is empty")
    graphs = kg_graphs(endpoint) if dataset == "kg" else []
    return endpoint.query_paged(with_prefixes(sparql), graphs=graphs or None)


class _Scoped:
    """The endpoint seen through one dataset, with the ``query()`` a label lookup calls."""

    def __init__(self, endpoint: RemoteEndpoint, graphs: Sequence[str] | None) -> None:
        self.endpoint, self.graphs = endpoint, graphs

    def query(
        self, sparql: str, *, bindings: Mapping[str, Identifier] | None = None, **_: Any
    ) -> RemoteResult:
        return self.endpoint.query(sparql, bindings=bindings, graphs=self.graphs)


def remote_named_query(
    endpoint: RemoteEndpoint,
    name: str,
    params: Mapping[str, str] | None = None,
    *,
    dataset: Dataset = "kg",
) -> RemoteResult:
    """Run a named query from ``queries/`` on the server; labels of ``iri`` parameters are looked
    up on the server. The remote twin of :func:`kg.query.run_named_query`."""
    from .query import bind_params, named_queries

    queries = named_queries()
    if name not in queries:
        raise UnknownNameError(f"no named query {name!r}; `kg query --list` shows them")
    query = queries[name]
    # bind_params reads its store only through ``.query(sparql, bindings=...).rows()`` (to look up
    # labels of ``iri`` parameters), which the endpoint offers: labels are looked up on the server.
    graphs = kg_graphs(endpoint) if dataset == "kg" else []
    bound = bind_params(query, params or {}, cast(Store, _Scoped(endpoint, graphs or None)))
    from .query import with_prefixes

    return endpoint.query_paged(
        with_prefixes(bind_values(query.text, bound)), graphs=graphs or None
    )


def retrying(
    retries: int = 5, backoff: float = 0.5, sleep: Callable[[float], None] = time.sleep
) -> Callable[[Callable[[], Any]], Any]:
    """A runner that retries a call on :class:`TransientRemoteError`, doubling the wait each time.

    >>> calls = []
    >>> def flaky():
    ...     calls.append(1)
    ...     if len(calls) < 3:
    ...         raise TransientRemoteError("busy")
    ...     return "ok"
    >>> retrying(5, 0.0)(flaky), len(calls)
    ('ok', 3)
    """

    def run(call: Callable[[], Any]) -> Any:
        for attempt in range(retries + 1):
            try:
                return call()
            except TransientRemoteError:
                if attempt == retries:
                    raise
                sleep(backoff * (2**attempt))
        raise AssertionError("unreachable")

    return run
