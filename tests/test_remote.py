"""kg.remote, kg.push and kg.enrich against a real SPARQL server (Virtuoso), plus offline checks.

The ``virtuoso`` fixture starts Debian's ``virtuoso-t`` (package ``virtuoso-opensource``) with its
own ``virtuoso.ini`` in a temporary directory on free loopback ports (see
``tests/virtuoso_server.py``); updates go to ``/sparql-auth`` with digest auth as ``dba``/``dba``.
Tests that need it are marked ``server`` and skip with a message when the binary is missing.
"""

from __future__ import annotations

import io
import json
import re
from collections.abc import Iterator
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from conftest import DATA, REPO
from rdflib import BNode, Literal, URIRef
from virtuoso_server import INSTALL_HINT, VirtuosoServer, find_virtuoso

import kg
from kg.cli import run
from kg.errors import KGError, KGInputError, RemoteError
from kg.push import STATUS_GRAPH, _blank_groups, graph_digest, push
from kg.query import named_queries, run_named_query
from kg.remote import (
    RemoteEndpoint,
    RemoteResult,
    TransientRemoteError,
    kg_graphs,
    remote_named_query,
    retrying,
)
from kg.store import Store

SAMPLE = REPO / "data" / "sample"


# --- the server -----------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def virtuoso() -> Iterator[VirtuosoServer]:
    """A Virtuoso server for this module, stopped (process group killed) afterwards."""
    if find_virtuoso() is None:
        pytest.skip(f"virtuoso-t not found: {INSTALL_HINT}")
    server = VirtuosoServer()
    server.start()
    try:
        yield server
    finally:
        server.stop()


def endpoint(server: VirtuosoServer, **extra: Any) -> RemoteEndpoint:
    options: dict[str, Any] = {
        "update_url": server.sparql_auth,
        "graph_store_url": server.gsp,
        "user": server.user,
        "password": server.password,
    }
    options.update(extra)
    return RemoteEndpoint(server.sparql, **options)


def clear(remote: RemoteEndpoint) -> None:
    """Drop every graph a test may have written (kg's graphs, the status graph, examples)."""
    rows = remote.select("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }")
    for (graph,) in rows:
        text = str(graph)
        if text.startswith(("https://w3id.org/filmkg/", "https://example.org/", "urn:")):
            remote.update(f"DROP SILENT GRAPH <{text}>")


def load_sample(store: Store) -> None:
    """The sample graph: data/sample (if its mapping is there) plus the RDF test files."""
    paths: list[Path] = [
        DATA / "rdf" / "films.ttl",
        DATA / "rdf" / "extra.trig",
        DATA / "remote" / "blank.ttl",
    ]
    kg.load_paths(store, paths, progress=False)
    if (SAMPLE / "films.csv").exists():
        try:
            kg.load_paths(store, [SAMPLE / "films.csv"], mapping="films_sample", progress=False)
            if (SAMPLE / "companies.csv").exists():
                kg.load_paths(
                    store, [SAMPLE / "companies.csv"], mapping="films_sample", progress=False
                )
        except KGError:
            pass  # the sample mapping is still being written: the RDF files are enough


def norm(term: Any) -> Any:
    """A literal by value (servers write canonical forms: 1.50 -> 1.5, true -> 1, +00:00 -> Z)."""
    if isinstance(term, BNode):
        return "_:"
    if isinstance(term, Literal) and term.datatype is not None:
        value = term.toPython()
        if isinstance(value, (int, float, Decimal, bool, date, datetime)):
            return (
                str(term.datatype),
                float(value) if isinstance(value, (Decimal, float)) else str(value),
            )
    for separator in (", ", " | "):  # GROUP_CONCAT: the order is up to the engine
        if isinstance(term, Literal) and separator in term:
            return separator.join(sorted(str(term).split(separator)))
    return term


def rows_as_set(rows: list[tuple[Any, ...]]) -> set[tuple[Any, ...]]:
    return {tuple(norm(t) for t in row) for row in rows}


def remote_triples(remote: RemoteEndpoint, graph: str) -> set[tuple[Any, ...]]:
    return rows_as_set(remote.select(f"SELECT ?s ?p ?o WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}"))


def local_triples(store: Store, graph: str) -> set[tuple[Any, ...]]:
    return rows_as_set([(s, p, o) for s, p, o, _ in store.triples(graph)])


# --- offline -------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "url", ["localhost:8890/sparql", "ftp://x/sparql", "http://", "http://host:port/x", "  "]
)
def test_malformed_url_is_an_input_error(url: str) -> None:
    with pytest.raises(KGInputError, match="malformed endpoint URL"):
        RemoteEndpoint(url)


def test_password_without_user_is_refused() -> None:
    with pytest.raises(KGInputError, match="--user and --password"):
        RemoteEndpoint("http://localhost:1/sparql", password="x")


def test_remote_result_formats() -> None:
    rows = [(URIRef("urn:a"), Literal('x, "y"', lang="en")), (BNode("b1"), None)]
    result = RemoteResult("select", rows, ["s", "o"])
    out = {}
    for fmt in ("json", "xml", "csv", "tsv"):
        buffer = io.BytesIO()
        result.serialize(fmt, buffer)
        out[fmt] = buffer.getvalue().decode("utf-8")
    assert json.loads(out["json"])["head"]["vars"] == ["s", "o"]
    assert out["csv"].splitlines()[1] == 'urn:a,"x, ""y"""'
    assert out["tsv"].splitlines()[0] == "?s\t?o"
    assert "<urn:a>" in out["tsv"] and "@en" in out["tsv"]
    assert "<sparql" in out["xml"]
    assert kg.format_table(result).endswith("(2 rows)")


def test_retrying_gives_up_after_the_retries() -> None:
    calls: list[int] = []

    def down() -> None:
        calls.append(1)
        raise TransientRemoteError("busy")

    with pytest.raises(TransientRemoteError):
        retrying(2, 0.0)(down)
    assert len(calls) == 3


def test_blank_groups_keep_connected_blank_nodes_together() -> None:
    lines = [
        b"_:a <urn:p> _:b .",
        b"_:c <urn:p> <urn:x> .",
        b'_:b <urn:p> "1" .',
        b"<urn:s> <urn:p> _:c .",
    ]
    groups = _blank_groups(lines, size=1)
    assert sorted(len(g) for g in groups) == [2, 2]
    assert any(b"_:a <urn:p> _:b ." in g and b'_:b <urn:p> "1" .' in g for g in groups)


def test_digest_ignores_order_and_counts(memory_store: Store) -> None:
    triples = [(URIRef(f"urn:s{i}"), URIRef("urn:p"), Literal(i)) for i in range(5)]
    with memory_store.writing():
        memory_store.add_triples("urn:g1", triples)
        memory_store.add_triples("urn:g2", list(reversed(triples)))
    assert graph_digest(memory_store, "urn:g1") == graph_digest(memory_store, "urn:g2")
    assert graph_digest(memory_store, "urn:g1")[1] == 5


def test_server_down_gives_a_clear_error_and_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    code = run(["query", "--endpoint", "http://127.0.0.1:9/sparql", "ASK {}"])
    err = capsys.readouterr().err.strip()
    assert code == 2
    assert len(err.splitlines()) == 1
    assert "connection refused" in err and "http://127.0.0.1:9/sparql" in err


def test_malformed_endpoint_cli_exit_2(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code = run(["--store", str(tmp_path / "s"), "push", "--endpoint", "localhost/sparql"])
    err = capsys.readouterr().err.strip()
    assert code == 2 and len(err.splitlines()) == 1
    assert "malformed endpoint URL 'localhost/sparql'" in err


# --- against Virtuoso ----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def sample_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    with Store.open(tmp_path_factory.mktemp("sample") / "store") as store:
        load_sample(store)
        yield store


@pytest.fixture(scope="module")
def pushed(virtuoso: VirtuosoServer, sample_store: Store) -> RemoteEndpoint:
    remote = endpoint(virtuoso)
    clear(remote)
    report = push(sample_store, remote, batch_size=40, progress=False)
    assert sorted(report.pushed) == sample_store.named_graphs()
    return remote


@pytest.mark.server
def test_push_copies_every_graph(pushed: RemoteEndpoint, sample_store: Store) -> None:
    for graph in sample_store.named_graphs():
        assert remote_triples(pushed, graph) == local_triples(sample_store, graph), graph


@pytest.mark.server
def test_push_keeps_blank_node_structure(pushed: RemoteEndpoint) -> None:
    rows = pushed.select(
        "SELECT ?n WHERE { <https://example.org/blank/Directed> <http://www.w3.org/2000/01/rdf-schema#subClassOf> ?r ."
        " ?r <http://www.w3.org/2002/07/owl#minCardinality> ?n }"
    )
    assert len(rows) == 1
    members = pushed.select(
        "SELECT ?m WHERE { <https://example.org/blank/Trio> <https://example.org/blank/members>/"
        "<http://www.w3.org/1999/02/22-rdf-syntax-ns#rest>*/<http://www.w3.org/1999/02/22-rdf-syntax-ns#first> ?m }"
    )
    assert len(members) == 3


@pytest.mark.server
def test_pushing_twice_sends_nothing_and_duplicates_nothing(
    pushed: RemoteEndpoint, sample_store: Store
) -> None:
    count = f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH ?g {{ ?s ?p ?o }} FILTER(?g != <{STATUS_GRAPH}>) }}"
    before = pushed.select(count)
    report = push(sample_store, pushed, progress=False)
    assert report.pushed == [] and report.triples == 0
    assert sorted(report.skipped) == sample_store.named_graphs()
    forced = push(sample_store, pushed, progress=False, force=True)
    assert forced.triples == len(sample_store)
    assert pushed.select(count) == before


def _named_query_cases() -> list[tuple[str, dict[str, str]]]:
    cases = []
    for query in named_queries().values():
        params = {p.name: p.example for p in query.params if not p.optional}
        cases.append((query.name, params))
    return cases


@pytest.mark.server
@pytest.mark.parametrize(
    ("name", "params"), _named_query_cases(), ids=[c[0] for c in _named_query_cases()]
)
def test_named_query_same_answers_on_the_server(
    pushed: RemoteEndpoint, sample_store: Store, name: str, params: dict[str, str]
) -> None:
    try:
        local = run_named_query(sample_store, name, params)
    except KGError as err:
        pytest.skip(f"{name} does not run on the sample graph with its example parameters: {err}")
    remote = remote_named_query(pushed, name, params)
    assert remote.kind == local.kind
    if local.kind == "ask":
        assert remote.boolean() == local.boolean()
    elif local.kind == "select":
        assert remote.columns == local.columns
        assert rows_as_set(remote.rows()) == rows_as_set(local.rows())
    else:
        assert rows_as_set(remote.triples()) == rows_as_set(local.triples())


@pytest.mark.server
def test_cli_query_endpoint_same_output_as_local(
    pushed: RemoteEndpoint, sample_store: Store, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    sparql = "SELECT ?f ?t WHERE { ?f kg:title ?t } ORDER BY STR(?t) ?f ?t"  # engines differ on tagged literals
    outputs = {}
    for fmt in ("table", "csv", "tsv"):
        assert run(["--store", str(sample_store.path), "query", sparql, "--format", fmt]) == 0
        local = capsysbinary.readouterr().out
        assert run(["query", "--endpoint", pushed.url, sparql, "--format", fmt]) == 0
        remote = capsysbinary.readouterr().out
        outputs[fmt] = remote
        assert remote.decode().splitlines() == local.decode().splitlines(), fmt
    assert run(["query", "--endpoint", pushed.url, sparql, "--format", "json"]) == 0
    data = json.loads(capsysbinary.readouterr().out)
    assert data["head"]["vars"] == ["f", "t"]
    assert (
        run(
            [
                "query",
                "--endpoint",
                pushed.url,
                "CONSTRUCT { ?f kg:title ?t } WHERE { ?f kg:title ?t }",
                "--format",
                "nt",
            ]
        )
        == 0
    )
    assert b"<https://w3id.org/filmkg/ontology#title>" in capsysbinary.readouterr().out


@pytest.mark.server
def test_select_pages_large_results(pushed: RemoteEndpoint, sample_store: Store) -> None:
    sparql = "SELECT ?s ?p ?o WHERE { ?s ?p ?o }"
    graphs = kg_graphs(pushed)
    assert graphs == sample_store.named_graphs()
    before = pushed.requests
    rows = pushed.select(sparql, page_size=25, graphs=graphs)
    assert len(rows) == len(sample_store)
    assert pushed.requests - before >= len(sample_store) // 25
    assert len(set(rows)) == len(rows)


@pytest.mark.server
def test_interrupted_push_resumes(virtuoso: VirtuosoServer, sample_store: Store) -> None:
    remote = endpoint(virtuoso)
    clear(remote)
    total = len(sample_store)

    class Stop(Exception):
        pass

    def stop_after_3(graph: str, batches: int) -> None:
        if batches == 3:
            raise Stop

    with pytest.raises(Stop):
        push(sample_store, remote, batch_size=10, progress=False, on_batch=stop_after_3)
    resumed = push(sample_store, remote, batch_size=10, progress=False)
    assert total - 30 <= resumed.triples < total  # the batches already sent are not sent again
    for graph in sample_store.named_graphs():
        assert remote_triples(remote, graph) == local_triples(sample_store, graph), graph


@pytest.mark.server
def test_changed_graph_is_replaced(virtuoso: VirtuosoServer, tmp_path: Path) -> None:
    remote = endpoint(virtuoso)
    with Store.memory() as store:
        with store.writing():
            store.add_triples("urn:kgtest:g", [(URIRef("urn:a"), URIRef("urn:p"), Literal("old"))])
        push(store, remote, progress=False)
        with store.writing():
            store.replace_graph(
                "urn:kgtest:g", [(URIRef("urn:a"), URIRef("urn:p"), Literal("new"))]
            )
        report = push(store, remote, progress=False)
        assert report.pushed == ["urn:kgtest:g"]
        assert remote_triples(remote, "urn:kgtest:g") == {
            (URIRef("urn:a"), URIRef("urn:p"), Literal("new"))
        }


@pytest.mark.server
def test_push_by_graph_store_protocol(virtuoso: VirtuosoServer, sample_store: Store) -> None:
    remote = endpoint(virtuoso)
    clear(remote)
    report = push(sample_store, remote, method="gsp", batch_size=50, progress=False)
    assert report.triples == len(sample_store)
    for graph in sample_store.named_graphs():
        assert remote_triples(remote, graph) == local_triples(sample_store, graph), graph


@pytest.mark.server
def test_cli_push_one_graph(
    virtuoso: VirtuosoServer, sample_store: Store, capsys: pytest.CaptureFixture[str]
) -> None:
    remote = endpoint(virtuoso)
    clear(remote)
    graph = sample_store.named_graphs()[0]
    args = [
        "--store",
        str(sample_store.path),
        "push",
        "--endpoint",
        virtuoso.sparql,
        "--update-endpoint",
        virtuoso.sparql_auth,
        "--user",
        "dba",
        "--password",
        "dba",
        "-q",
        "--graph",
        graph,
    ]
    assert run(args) == 0
    assert "pushed 1 graph(s)" in capsys.readouterr().out
    assert run(args) == 0
    assert "1 graph(s) already up to date" in capsys.readouterr().out
    assert remote_triples(remote, graph) == local_triples(sample_store, graph)


@pytest.mark.server
def test_wrong_credentials_name_401_and_the_option(
    virtuoso: VirtuosoServer, sample_store: Store, capsys: pytest.CaptureFixture[str]
) -> None:
    args = [
        "--store",
        str(sample_store.path),
        "push",
        "--endpoint",
        virtuoso.sparql,
        "--update-endpoint",
        virtuoso.sparql_auth,
        "--user",
        "dba",
        "--password",
        "wrong",
        "-q",
        "--force",
    ]
    assert run(args) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1
    assert "401" in err and "--user/--password" in err and virtuoso.sparql_auth in err
    no_auth = [
        "--store",
        str(sample_store.path),
        "push",
        "--endpoint",
        virtuoso.sparql,
        "--update-endpoint",
        virtuoso.sparql_auth,
        "-q",
        "--force",
    ]
    assert run(no_auth) == 2
    assert "needs authentication (HTTP 401" in capsys.readouterr().err


@pytest.mark.server
def test_timeout_names_the_limit_and_option(virtuoso: VirtuosoServer) -> None:
    import socket
    import threading

    silent = socket.socket()
    silent.bind(("127.0.0.1", 0))
    silent.listen(1)
    port = silent.getsockname()[1]
    keep: list[socket.socket] = []
    threading.Thread(target=lambda: keep.append(silent.accept()[0]), daemon=True).start()
    try:
        with pytest.raises(RemoteError, match=r"within 0.5 s; raise the limit with --timeout"):
            RemoteEndpoint(f"http://127.0.0.1:{port}/sparql", timeout=0.5).query("ASK {}")
    finally:
        silent.close()


@pytest.mark.server
def test_bad_query_on_the_server_is_a_query_error(pushed: RemoteEndpoint) -> None:
    with pytest.raises(kg.QueryError, match="HTTP 400"):
        pushed.query("SELECT ?x WHERE { ?x ?y }")


@pytest.mark.server
@pytest.mark.slow
def test_push_wikidata_films_graph(
    virtuoso: VirtuosoServer, shared_data: Path, tmp_path: Path
) -> None:
    table = shared_data / "structured" / "wikidata_films" / "omdb.csv"
    with Store.open(tmp_path / "store") as store:
        kg.load_paths(store, [table], mapping="wikidata_films", progress=False)
        remote = endpoint(virtuoso, timeout=300)
        clear(remote)
        try:
            report = push(store, remote, progress=False)
            assert report.triples == len(store)
            values = " ".join(f"<{g}>" for g in store.named_graphs())
            count = f"SELECT (COUNT(*) AS ?n) WHERE {{ VALUES ?g {{ {values} }} GRAPH ?g {{ ?s ?p ?o }} }}"
            # only our graphs: Virtuoso keeps ~2,600 triples of its own in system graphs
            assert int(remote.select(count)[0][0]) == len(store)  # type: ignore[arg-type]
            for query in named_queries().values():
                params = {p.name: p.example for p in query.params if not p.optional}
                try:
                    local = run_named_query(store, query.name, params)
                except KGError:
                    continue
                if local.kind != "select":
                    continue
                remote_rows = remote_named_query(remote, query.name, params).rows()
                if re.search(r"\bLIMIT\b", query.text, re.IGNORECASE):
                    # a top-N cut may fall inside a tie, and engines break ties differently: the
                    # same number of rows with the same scores (the literal columns) is the answer
                    assert len(remote_rows) == len(local.rows()), query.name
                    assert sorted(_scores(remote_rows)) == sorted(_scores(local.rows())), query.name
                else:
                    assert rows_as_set(remote_rows) == rows_as_set(local.rows()), query.name
        finally:
            clear(remote)  # the tests after this one expect an empty server


def _scores(rows: list[tuple[Any, ...]]) -> list[tuple[str, ...]]:
    """The numeric cells of each row (a top-N query's ranking values)."""
    return [
        tuple(str(t) for t in row if isinstance(t, Literal) and t.datatype is not None)
        for row in rows
    ]


# --- enrich ------------------------------------------------------------------------------------------


@pytest.fixture
def wikidata(virtuoso: VirtuosoServer) -> RemoteEndpoint:
    """The Virtuoso server loaded with the Wikidata-shaped fixture (graph urn:kgtest:wikidata)."""
    remote = endpoint(virtuoso)
    body = (DATA / "remote" / "wikidata_fixture.ttl").read_bytes()
    remote.put_graph("urn:kgtest:wikidata", body, "text/turtle")
    return remote


@pytest.mark.server
def test_enrich_links_by_label_type_and_context(wikidata: RemoteEndpoint, tmp_path: Path) -> None:
    from rdflib.namespace import OWL

    from kg.enrich import ENRICH_GRAPH, enrich

    kgr = "https://w3id.org/filmkg/resource/"
    with Store.open(tmp_path / "store") as store:
        kg.load_paths(store, [DATA / "remote" / "enrich_local.ttl"], progress=False)
        report = enrich(store, wikidata, min_interval=0)
        assert report.linked[kgr + "film/heat"] == "http://www.wikidata.org/entity/Q132351"
        assert report.linked[kgr + "film/hamlet-1996"].endswith("Q1191390")  # by year
        assert report.linked[kgr + "film/solaris"].endswith("Q207482")  # by director
        assert report.linked[kgr + "person/michael-mann"].endswith("Q319203")  # not the namesake
        assert report.linked[kgr + "person/al-pacino"].endswith("Q41163")
        assert report.linked[kgr + "organization/warner-bros"].endswith("Q126399")
        assert report.not_found == [kgr + "film/the-unfilmed-reel"]
        triples = {(s, p, o) for s, p, o, _ in store.triples(ENRICH_GRAPH)}
        assert (
            URIRef(kgr + "film/heat"),
            OWL.sameAs,
            URIRef("http://www.wikidata.org/entity/Q132351"),
        ) in triples
        # missing facts: Hamlet's release date and director, with provenance on the graph
        hamlet = URIRef(kgr + "film/hamlet-1996")
        assert (
            hamlet,
            URIRef("https://w3id.org/filmkg/ontology#releaseDate"),
            Literal("1996-12-25", datatype=URIRef("http://www.w3.org/2001/XMLSchema#date")),
        ) in triples
        assert (
            hamlet,
            URIRef("https://w3id.org/filmkg/ontology#director"),
            URIRef(kgr + "person/kenneth-branagh"),
        ) in triples
        assert (
            URIRef(ENRICH_GRAPH),
            URIRef("https://w3id.org/filmkg/ontology#loader"),
            Literal("enrich.wikidata.v1"),
        ) in triples
        heat_dates = [
            o
            for s_, p, o in triples
            if s_ == URIRef(kgr + "film/heat") and p.endswith("releaseDate")
        ]
        assert [str(d) for d in heat_dates] == ["1995-12-15"]
        assert report.linked[kgr + "person/andrei-tarkovsky"].endswith("Q853")
        requests = report.requests
        assert requests >= 4
        again = enrich(store, wikidata, min_interval=0)
        assert again.requests == 0 and again.cached == requests  # the on-disk cache answers
        assert again.linked == report.linked


@pytest.mark.server
def test_enrich_respects_the_rate_limit(wikidata: RemoteEndpoint) -> None:
    import time

    from kg.enrich import enrich

    with Store.memory() as store:
        kg.load_paths(store, [DATA / "remote" / "enrich_local.ttl"], progress=False)
        started = time.monotonic()
        report = enrich(store, wikidata, min_interval=0.3)
        assert time.monotonic() - started >= 0.3 * (report.requests - 1)


@pytest.mark.server
def test_cli_enrich(
    wikidata: RemoteEndpoint, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    store = str(tmp_path / "store")
    assert run(["--store", store, "load", str(DATA / "remote" / "enrich_local.ttl")]) == 0
    assert (
        run(["--store", store, "enrich", "--endpoint", wikidata.url, "--min-interval", "0", "-q"])
        == 0
    )
    assert "linked 7 entities" in capsys.readouterr().out


@pytest.mark.server
@pytest.mark.parametrize("projection", ["co-star", "person-film", "person-studio"])
def test_network_from_the_server_equals_network_from_the_store(
    pushed: RemoteEndpoint, sample_store: Store, projection: str
) -> None:
    from kg.network import build_graph

    push(sample_store, pushed, progress=False)  # other tests clear the server; push is idempotent
    local = build_graph(sample_store, projection, allow_empty=True)
    remote = build_graph(pushed, projection, allow_empty=True)
    assert dict(remote.nodes(data=True)) == dict(local.nodes(data=True))
    assert {frozenset(e) for e in remote.edges()} == {frozenset(e) for e in local.edges()}
    for a, b, data in local.edges(data=True):
        assert remote.edges[a, b] == data


@pytest.mark.server
def test_cli_network_build_from_endpoint(
    pushed: RemoteEndpoint, sample_store: Store, tmp_path: Path
) -> None:
    push(sample_store, pushed, progress=False)
    out = tmp_path / "costar.graphml"
    assert run(["network", "build", "-p", "co-star", "--endpoint", pushed.url, "-o", str(out)]) == 0
    import networkx as nx

    assert nx.read_graphml(out).number_of_edges() > 0


# --- large results: paging past the server's sort limit (Virtuoso: SR353 past 20,000 rows) ------------


def _large_graph(films: int = 8_000, cast: int = 3) -> list[tuple[Any, Any, Any]]:
    """``films`` films with ``cast`` cast members each (more than 20,000 credit rows), years, and
    IRIs and labels with accents and CJK (page keys must sort on the server as they compare)."""
    from rdflib.namespace import RDF, RDFS, XSD

    kg_ns = "https://w3id.org/filmkg/ontology#"
    res = "https://w3id.org/filmkg/resource/"
    triples: list[tuple[Any, Any, Any]] = []
    people = films * cast * 3 // 4  # people share films: the co-star graph has edges across films
    for n in range(people):
        person = URIRef(f"{res}person/zoë-pérez-{n}")
        triples.append((person, RDFS.label, Literal(f"Zoë Pérez-Ñúñez {n}")))
    for i in range(films):
        film = URIRef(f"{res}film/{chr(0x4E00 + i % 700)}-large-{i}")
        triples += [
            (film, RDF.type, URIRef(kg_ns + "Film")),
            (film, RDFS.label, Literal(f"Film {i} \u2013 «{chr(0x4E00 + i % 500)}»")),
            (film, URIRef(kg_ns + "year"), Literal(str(1950 + i % 70), datatype=XSD.gYear)),
        ]
        for j in range(cast):
            person = URIRef(f"{res}person/zoë-pérez-{(i * cast + j * 7) % people}")
            triples.append((film, URIRef(kg_ns + "castMember"), person))
    return triples


@pytest.fixture(scope="module")
def large_store() -> Iterator[Store]:
    with Store.memory() as store:
        with store.writing():
            store.add_triples("https://w3id.org/filmkg/source/large-test", _large_graph())
        yield store


@pytest.mark.server
def test_network_build_pages_past_the_servers_sort_limit(
    virtuoso: VirtuosoServer, large_store: Store, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from kg.network import build_graph

    remote = endpoint(virtuoso)
    clear(remote)
    try:
        push(large_store, remote, progress=False)
        credits = remote.select(
            "SELECT ?f ?a WHERE { ?f <https://w3id.org/filmkg/ontology#castMember> ?a }",
            graphs=kg_graphs(remote),
        )
        assert len(credits) == 24_000 and len(set(credits)) == 24_000
        local = build_graph(large_store, "co-star")
        served = build_graph(remote, "co-star")
        assert dict(served.nodes(data=True)) == dict(local.nodes(data=True))
        assert {frozenset(e) for e in served.edges()} == {frozenset(e) for e in local.edges()}
        out = tmp_path / "large.graphml"
        args = ["network", "build", "-p", "co-star", "--endpoint", remote.url, "-o", str(out)]
        assert run(args) == 0
        import networkx as nx

        assert nx.read_graphml(out).number_of_edges() == local.number_of_edges()
        capsys.readouterr()
        credits_query = "SELECT ?f ?a WHERE { ?f kg:castMember ?a }"
        rows = tmp_path / "credits.tsv"
        query = ["query", "--endpoint", remote.url, "--format", "tsv", "-o", str(rows)]
        assert run([*query, credits_query]) == 0
        assert len(rows.read_text(encoding="utf-8").splitlines()) == 1 + 24_000
        # an ORDER BY of its own is kept, so it pages by OFFSET: past the sort limit, one line
        assert run([*query, credits_query + " ORDER BY ?f ?a"]) == 2
        err = capsys.readouterr().err.strip()
        assert len(err.splitlines()) == 1 and "add LIMIT" in err, err
    finally:
        clear(remote)
