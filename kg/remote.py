"""A remote SPARQL 1.1 server (Virtuoso, Fuseki, GraphDB, QLever...) through SPARQLWrapper.

:class:`RemoteEndpoint` runs queries (answers are :class:`RemoteResult`, a :class:`kg.reader.Result`
with the same ``rows()``/``boolean()``/``triples()``/``serialize()`` as the embedded store's),
updates, and Graph Store HTTP Protocol requests. Like the store it is a
:class:`kg.reader.GraphReader`: :meth:`RemoteEndpoint.rows` and :meth:`RemoteEndpoint.text_rows`
read kg's data on the server (the graphs ``kg push`` completed there). Authentication is
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
from collections.abc import Callable, Iterator, Mapping, Sequence
from importlib import metadata
from typing import IO, Any, Literal

from rdflib import BNode, Graph, URIRef
from rdflib import Literal as RdfLiteral
from rdflib.namespace import XSD
from rdflib.query import Result as RdflibResult
from rdflib.term import Identifier, Variable

from .errors import (
    KGError,
    KGInputError,
    QueryError,
    RemoteError,
    UnknownFormatError,
    UnknownNameError,
)
from .iri import PUSH, PUSH_STATUS_GRAPH
from .query import PREFIXES, bind_params, named_queries, with_prefixes
from .reader import ResultKind, Row, TextRow, Triple, expect_kind
from .sparql import bind_values, without_comments

__all__ = [
    "PROJECT_URL",
    "RemoteDataset",
    "RemoteEndpoint",
    "RemoteResult",
    "TransientRemoteError",
    "kg_graphs",
    "remote_named_query",
    "remote_query",
    "retrying",
    "user_agent",
]

DatasetChoice = Literal["kg", "server"]

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


class RemoteResult:
    """The answer of a remote server: a :class:`kg.reader.Result`, read like the store's
    :class:`~kg.store.QueryResult`.

    >>> r = RemoteResult("select", [(URIRef("urn:x"), None)], ["a", "b"])
    >>> out = io.BytesIO(); r.serialize("tsv", out); out.getvalue()
    b'?a\\t?b\\n<urn:x>\\t\\n'
    """

    def __init__(self, kind: ResultKind, raw: Any, columns: list[str]) -> None:
        self.kind: ResultKind = kind
        self.columns = columns
        self._raw = raw

    def __repr__(self) -> str:
        return f"<kg.RemoteResult {self.kind} {self.columns}>"

    def rows(self) -> list[Row]:
        """SELECT rows as tuples of rdflib terms (``None`` for unbound), in column order."""
        expect_kind(self.kind, "select")
        return list(self._raw)

    def boolean(self) -> bool:
        """The answer of an ASK query."""
        expect_kind(self.kind, "ask")
        return bool(self._raw)

    def triples(self) -> list[Triple]:
        """CONSTRUCT/DESCRIBE triples as rdflib terms."""
        expect_kind(self.kind, "graph")
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
            for prefix, iri in PREFIXES.items():
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
        result = RdflibResult("SELECT" if self.kind == "select" else "ASK")
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


def _text(term: Identifier | None) -> str | None:
    """A term as a :data:`kg.reader.TextRow` cell: IRI, lexical form, ``_:id`` or ``None``."""
    if term is None:
        return None
    if isinstance(term, BNode):
        return f"_:{term}"
    return str(term)


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


def _key_column(rows: Sequence[Row]) -> int:
    """The column to page by: the one with the most distinct IRIs in ``rows`` (then the most
    distinct values), so that few rows share a key.

    >>> _key_column([(URIRef("urn:p"), URIRef("urn:a")), (URIRef("urn:p"), URIRef("urn:b"))])
    1
    """
    width = len(rows[0]) if rows else 0

    def score(i: int) -> tuple[int, int]:
        values = {row[i] for row in rows if row[i] is not None and not isinstance(row[i], BNode)}
        return len({v for v in values if isinstance(v, URIRef)}), len(values)

    return max(range(width), key=lambda i: (score(i), -i), default=0)


def _key_string(term: Identifier | None) -> str:
    """SPARQL for ``STR()`` of a key ``term``, to compare with ``STR(?key)`` on the server.

    An IRI is written as ``STR(<iri>)``, not as a string: Virtuoso compares the string of a
    stored IRI with a non-ASCII string literal wrongly (as Latin-1 bytes), but with the string
    of an IRI rightly.

    >>> print(_key_string(URIRef("https://w3id.org/filmkg/resource/person/zoë")))
    STR(<https://w3id.org/filmkg/resource/person/zoë>)
    >>> print(_key_string(RdfLiteral("Zoë")))
    "Zoë"
    """
    if isinstance(term, URIRef):
        escaped = "".join(
            f"\\u{ord(c):04X}" if c in '<>"{}|^`\\' or ord(c) <= 0x20 else c for c in str(term)
        )
        return f"STR(<{escaped}>)"
    return RdfLiteral(str(term)).n3()


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
        wrapper.setQuery(without_comments(sparql))  # its kind is guessed from the words
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
    ) -> list[Row]:
        """All rows of a SELECT query over the server's dataset (or the union of ``graphs``),
        fetched in pages (see :meth:`query_paged`)."""
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
        """Like :meth:`query`, but a SELECT without ``LIMIT`` is fetched in full, in pages.

        Servers cap one answer (Virtuoso at 10,000 rows by default) and refuse to sort deep
        into a result (Virtuoso: SR353, no ``ORDER BY`` with ``OFFSET`` + ``LIMIT`` past 10,000
        rows), so pages are read by key (keyset paging), never by a deep sorted offset: one
        column is the key (the one with the most distinct IRIs in the first page, such as a
        film), and each page asks for the next ``page_size`` rows whose key sorts after the last
        key read. The rows of a key are never split between pages (a key that alone fills a page
        is read in unsorted pages); rows with no key there (a blank node, or unbound) come last,
        in unsorted pages. A query with its own ``ORDER BY`` keeps its order and is paged by
        ``OFFSET``, as deep as the server sorts.
        """
        if bindings:
            sparql = bind_values(sparql, bindings)
        size = page_size or self.page_size
        bare = _strip_literals(sparql)
        if _query_form(sparql) != "SELECT" or _LIMIT.search(bare):
            return self.query(sparql, graphs=graphs)
        first = self.query(f"{sparql}\nLIMIT {size}", graphs=graphs)
        if len(first.rows()) < size:
            return first
        if _ORDER.search(bare):
            rows = self._ordered_pages(sparql, size, graphs)
        else:
            rows = self._keyed_pages(sparql, first, size, graphs)
        return RemoteResult("select", rows, first.columns)

    def _ordered_pages(self, sparql: str, size: int, graphs: Sequence[str] | None) -> list[Row]:
        """All rows of an ordered query, page after page by ``OFFSET`` (as deep as the server
        sorts: Virtuoso stops at 10,000 rows)."""
        try:
            return self._pages_by_offset(sparql, size, graphs)
        except RemoteError as err:
            if "SR353" not in str(err):
                raise
            raise QueryError(
                f"{self.url} will not sort this many rows for the query's ORDER BY (its sort "
                "limit; Virtuoso: SR353): add LIMIT, or leave out ORDER BY to have kg read "
                "every row by key"
            ) from None

    def _pages_by_offset(self, sparql: str, size: int, graphs: Sequence[str] | None) -> list[Row]:
        """All rows, ``size`` at a time, by ``LIMIT``/``OFFSET`` (without ORDER BY no server
        limits how deep this goes)."""
        rows: list[Row] = []
        offset = 0
        while True:
            batch = self.query(f"{sparql}\nLIMIT {size} OFFSET {offset}", graphs=graphs).rows()
            rows += batch
            if len(batch) < size:
                return rows
            offset += size

    def _keyed_pages(
        self, sparql: str, first: RemoteResult, size: int, graphs: Sequence[str] | None
    ) -> list[Row]:
        """All rows of an unordered query by keyset paging on one column (see :meth:`query_paged`)."""
        prologue = _PROLOGUE.match(sparql)
        head = prologue.group(0) if prologue else ""
        projection = " ".join(f"?{c}" for c in first.columns)
        index = _key_column(first.rows())
        key = f"?{first.columns[index]}"

        def query(condition: str) -> str:
            return (
                f"{head}\nSELECT {projection} WHERE {{ {{\n{sparql[len(head) :]}\n}}\n"
                f"FILTER({condition}) }}"
            )

        keyed = f"BOUND({key}) && !isBLANK({key})"  # Virtuoso: isIRI() is true of blank nodes
        rows: list[Row] = []
        after: Identifier | None = None
        while True:
            condition = keyed if after is None else f"{keyed} && STR({key}) > {_key_string(after)}"
            batch = self.query(
                f"{query(condition)}\nORDER BY STR({key})\nLIMIT {size}", graphs=graphs
            ).rows()
            if len(batch) < size:
                rows += batch
                break
            last = batch[-1][index]
            whole = [row for row in batch if str(row[index]) != str(last)]  # the last key goes on?
            if whole:
                rows += whole
                after = whole[-1][index]
                continue
            # one key fills a page: its rows in unsorted pages (no sort, so no sort limit)
            same = f"{keyed} && STR({key}) = {_key_string(last)}"
            rows += self._pages_by_offset(query(same), size, graphs)
            after = last
        # rows without a key (a blank node or unbound there): unsorted pages
        unkeyed = f"!BOUND({key}) || isBLANK({key})"
        return rows + self._pages_by_offset(query(unkeyed), size, graphs)

    # -- reading kg's data (the kg.reader.GraphReader protocol) --

    def dataset(self, which: DatasetChoice = "kg") -> RemoteDataset:
        """The data a query sees: ``"kg"``, the union of the graphs ``kg push`` completed here
        (the server's default dataset when there are none), or ``"server"``, the server's own
        default dataset (Virtuoso's includes its system graphs)."""
        graphs = kg_graphs(self) if which == "kg" else []
        return RemoteDataset(self, graphs or None)

    def rows(self, sparql: str, *, bindings: Mapping[str, Identifier] | None = None) -> list[Row]:
        """Every row of a SELECT over kg's data on the server (see :meth:`dataset`), paged."""
        return self.dataset().rows(sparql, bindings=bindings)

    def text_rows(
        self, sparql: str, *, bindings: Mapping[str, Identifier] | None = None
    ) -> Iterator[TextRow]:
        """:meth:`rows` as plain strings (see :data:`kg.reader.TextRow`)."""
        return self.dataset().text_rows(sparql, bindings=bindings)

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


class RemoteDataset:
    """Part of a server read as one dataset: the union of ``graphs`` (``None``: the server's
    default dataset). A :class:`kg.reader.GraphReader`; made by :meth:`RemoteEndpoint.dataset`."""

    def __init__(self, endpoint: RemoteEndpoint, graphs: Sequence[str] | None) -> None:
        self.endpoint = endpoint
        self.graphs = list(graphs) if graphs is not None else None

    def __repr__(self) -> str:
        return f"<kg.RemoteDataset {self.endpoint.url} graphs={self.graphs}>"

    def query(
        self, sparql: str, *, bindings: Mapping[str, Identifier] | None = None
    ) -> RemoteResult:
        """Run a query on these graphs; a SELECT is fetched in full (paged)."""
        return self.endpoint.query_paged(sparql, bindings=bindings, graphs=self.graphs)

    def rows(self, sparql: str, *, bindings: Mapping[str, Identifier] | None = None) -> list[Row]:
        """Every row of a SELECT, as rdflib terms."""
        return self.query(sparql, bindings=bindings).rows()

    def text_rows(
        self, sparql: str, *, bindings: Mapping[str, Identifier] | None = None
    ) -> Iterator[TextRow]:
        """Every row of a SELECT as plain strings (see :data:`kg.reader.TextRow`)."""
        for row in self.rows(sparql, bindings=bindings):
            yield tuple(_text(t) for t in row)


def kg_graphs(endpoint: RemoteEndpoint) -> list[str]:
    """The graphs ``kg push`` has completed on the server (from its status graph), sorted."""
    rows = endpoint.select(
        f'SELECT ?g WHERE {{ GRAPH <{PUSH_STATUS_GRAPH}> {{ ?g <{PUSH}state> "complete" }} }}'
    )
    return sorted(str(r[0]) for r in rows)


def remote_query(
    endpoint: RemoteEndpoint, sparql: str, *, dataset: DatasetChoice = "kg"
) -> RemoteResult:
    """Run user SPARQL (standard prefixes added) on the server; SELECTs are fetched in full.

    The remote twin of :func:`kg.query.run_query`. With ``dataset="kg"`` the query sees the
    graphs ``kg push`` wrote (their union as default graph, like the local store) when the server
    has any; otherwise, or with ``dataset="server"``, the server's own default dataset (Virtuoso's
    includes its system graphs).
    """
    if not sparql.strip():
        raise QueryError("the query is empty")
    return endpoint.dataset(dataset).query(with_prefixes(sparql))


def remote_named_query(
    endpoint: RemoteEndpoint,
    name: str,
    params: Mapping[str, str] | None = None,
    *,
    dataset: DatasetChoice = "kg",
) -> RemoteResult:
    """Run a named query from ``queries/`` on the server; labels of ``iri`` parameters are looked
    up on the server. The remote twin of :func:`kg.query.run_named_query`."""
    queries = named_queries()
    if name not in queries:
        raise UnknownNameError(f"no named query {name!r}; `kg query --list` shows them")
    query = queries[name]
    data = endpoint.dataset(dataset)
    bound = bind_params(query, params or {}, data)
    return data.query(with_prefixes(bind_values(query.text, bound)))


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
