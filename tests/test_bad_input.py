"""The bad-input catalogue: every case gets one line on stderr, exit code 2, and leaves the store
byte-identical (issue 12, "Must hold"). Each case runs the real ``kg`` entry point in a child
process, as a user would type it."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest

from kg.errors import ParseError
from kg.ingest import load_paths
from kg.store import Store

DATA = Path(__file__).resolve().parent / "data"
SAMPLE = DATA / "queries" / "sample.trig"
KG = [sys.executable, "-c", "from kg.cli import entry_point; entry_point()"]
BINARY = bytes(range(256)) * 64
NS = "https://w3id.org/filmkg/ontology#"


def _laughs(levels: int) -> str:
    entities = "".join(
        f'<!ENTITY l{i} "{("&l" + str(i - 1) + ";") * 10}">' for i in range(1, levels + 1)
    )
    return (
        f'<?xml version="1.0"?><!DOCTYPE rdf:RDF [<!ENTITY l0 "lol">{entities}]>'
        '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:ex="urn:ex:">'
        f'<rdf:Description rdf:about="urn:a"><ex:p>&l{levels};</ex:p></rdf:Description></rdf:RDF>'
    )


RDFXML_HEAD = (
    '<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"'
)

#: Files a case may refer to as ``{name}``: name -> content.
FILES: dict[str, str | bytes] = {
    "empty.jsonld": "",
    "empty.rdf": "",
    "empty.csv": "",
    "binary.ttl": BINARY,
    "binary.nt": BINARY,
    "binary.nq": BINARY,
    "binary.trig": BINARY,
    "binary.rdf": BINARY,
    "binary.jsonld": BINARY,
    "binary.csv": BINARY,
    "binary.rq": BINARY,
    "truncated.ttl": f'@prefix kg: <{NS}> .\n<urn:a> kg:title "The Gl',
    "truncated.nt": '<urn:a> <urn:b> "unterminated',
    "truncated.nq": "<urn:a> <urn:b> <urn:c> <urn:g",
    "truncated.trig": "<urn:g> { <urn:a> <urn:b> <urn:c> .",
    "truncated.rdf": RDFXML_HEAD + '><rdf:Description rdf:about="urn:a">',
    "truncated.jsonld": '{"@id": "urn:a", "urn:b": [',
    "undefined-prefix.ttl": "<urn:a> nope:title 'x' .\n",
    "space-in-iri.ttl": "<urn:a b> <urn:p> <urn:c> .\n",
    "missing-dot.nt": "<urn:a> <urn:b> <urn:c>\n<urn:d> <urn:e> <urn:f> .\n",
    "relative-iri.nt": "<a> <b> <c> .\n",
    "five-terms.nq": "<urn:a> <urn:b> <urn:c> <urn:g> <urn:h> .\n",
    "literal-subject.nt": '"x" <urn:b> <urn:c> .\n',
    "bad-escape.ttl": '<urn:a> <urn:b> "bad \\q escape" .\n',
    "bad-langtag.ttl": '<urn:a> <urn:b> "x"@-not-a-tag .\n',
    "graph-no-braces.trig": "<urn:g> <urn:a> <urn:b> <urn:c> .\n",
    "not-rdf.rdf": '<?xml version="1.0"?><html><body>not rdf</body></html>',
    "bad-xml.rdf": RDFXML_HEAD + "><rdf:Description></oops></rdf:RDF>",
    "invalid.jsonld": "{not json at all",
    "numeric-id.jsonld": '{"@id": 5, "urn:b": "x"}',
    "remote-context.jsonld": '{"@context": "http://127.0.0.1:9/ctx.jsonld", "@id": "urn:a"}',
    "latin1.ttl": '<urn:a> <urn:b> "caf\xe9" .\n'.encode("latin-1"),
    "nul.nt": b'<urn:a> <urn:b> "x\x00y" .\n<urn:a\x00> <urn:b> <urn:c> .\n',
    "laughs7.rdf": _laughs(7),
    "laughs8.rdf": _laughs(8),
    "external-entity.rdf": '<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
    + RDFXML_HEAD
    + '><rdf:Description rdf:about="urn:a"/></rdf:RDF>',
    "films.csv": (DATA / "tables" / "films.csv").read_text(),
    "bad-mapping.toml": "this is = = not toml [",
    "unknown.xyz": "hello",
    "bad.rq": "SELECT ?x WHERE { ?x ?y }}}",
    "huge.ttl": "<urn:a> <urn:b> " + '"' + "x" * 3_000_000,
    "multiline-token.ttl": '"""@prefix a: <urn:a#> .\n@prefix b: <urn:b#> .\n"""<urn:a> <urn:b> <urn:c> .\n',
}

#: (case id, kg arguments) — ``{name}`` is a file above, ``{tmp}`` the case's own folder.
CASES: list[tuple[str, list[str]]] = [
    # kg load: files that are missing, empty, binary, truncated or malformed
    ("load-missing-file", ["load", "{tmp}/no-such.ttl"]),
    ("load-empty-dir", ["load", "{tmp}/emptydir"]),
    ("load-unknown-extension", ["load", "{unknown.xyz}"]),
    ("load-not-a-regular-file", ["load", "/dev/null"]),
    ("load-empty-jsonld", ["load", "{empty.jsonld}"]),
    ("load-empty-rdfxml", ["load", "{empty.rdf}"]),
    *[
        (f"load-binary-{e}", ["load", f"{{binary.{e}}}"])
        for e in ("ttl", "nt", "nq", "trig", "rdf", "jsonld")
    ],
    *[
        (f"load-truncated-{e}", ["load", f"{{truncated.{e}}}"])
        for e in ("ttl", "nt", "nq", "trig", "rdf", "jsonld")
    ],
    ("load-turtle-undefined-prefix", ["load", "{undefined-prefix.ttl}"]),
    ("load-turtle-space-in-iri", ["load", "{space-in-iri.ttl}"]),
    ("load-turtle-bad-escape", ["load", "{bad-escape.ttl}"]),
    ("load-turtle-bad-language-tag", ["load", "{bad-langtag.ttl}"]),
    ("load-turtle-latin1", ["load", "{latin1.ttl}"]),
    ("load-turtle-unterminated-3mb-literal", ["load", "{huge.ttl}"]),
    ("load-turtle-parser-quotes-multiline-token", ["load", "{multiline-token.ttl}"]),
    ("load-ntriples-missing-dot", ["load", "{missing-dot.nt}"]),
    ("load-ntriples-relative-iri", ["load", "{relative-iri.nt}"]),
    ("load-ntriples-literal-subject", ["load", "{literal-subject.nt}"]),
    ("load-ntriples-nul-bytes", ["load", "{nul.nt}"]),
    ("load-nquads-five-terms", ["load", "{five-terms.nq}"]),
    ("load-trig-graph-without-braces", ["load", "{graph-no-braces.trig}"]),
    ("load-rdfxml-not-rdf", ["load", "{not-rdf.rdf}"]),
    ("load-rdfxml-bad-xml", ["load", "{bad-xml.rdf}"]),
    ("load-rdfxml-billion-laughs-7", ["load", "{laughs7.rdf}"]),
    ("load-rdfxml-billion-laughs-8", ["load", "{laughs8.rdf}"]),
    ("load-rdfxml-external-entity", ["load", "{external-entity.rdf}"]),
    ("load-jsonld-invalid-json", ["load", "{invalid.jsonld}"]),
    ("load-jsonld-numeric-id", ["load", "{numeric-id.jsonld}"]),
    ("load-jsonld-remote-context", ["load", "{remote-context.jsonld}"]),
    ("load-one-bad-file-among-good", ["load", str(SAMPLE), "{truncated.ttl}"]),
    # kg load: tables and mappings
    ("load-table-without-mapping", ["load", "{films.csv}"]),
    ("load-table-unknown-mapping", ["load", "{films.csv}", "--mapping", "no_such_mapping"]),
    ("load-table-malformed-mapping", ["load", "{films.csv}", "--mapping", "{bad-mapping.toml}"]),
    ("load-binary-table", ["load", "{binary.csv}", "--mapping", "films_sample"]),
    ("load-empty-table", ["load", "{empty.csv}", "--mapping", "films_sample"]),
    ("load-unknown-extractor", ["load", str(SAMPLE), "--extractor", "nope.v9"]),
    ("load-no-arguments", ["load"]),
    # kg query: invalid SPARQL, unknown names, bad parameters, bad combinations
    ("query-invalid-sparql", ["query", "SELECT ?x WHERE { ?x ?y }"]),
    ("query-empty", ["query", ""]),
    ("query-whitespace", ["query", "   \n  "]),
    ("query-undeclared-prefix", ["query", "SELECT * WHERE { ?x nope:y ?z }"]),
    ("query-huge-invalid", ["query", "SELECT " + "?x " * 30_000 + "WHERE {"]),
    ("query-unknown-function", ["query", "SELECT (<urn:nope>(1) AS ?x) WHERE {}"]),
    ("query-update-as-query", ["query", "DROP ALL"]),
    ("query-unknown-named", ["query", "--name", "no-such-query"]),
    ("query-named-missing-param", ["query", "--name", "cast-of-film"]),
    (
        "query-named-unknown-param",
        ["query", "--name", "cast-of-film", "--param", "film=x", "--param", "nope=1"],
    ),
    ("query-param-without-equals", ["query", "--name", "cast-of-film", "--param", "film"]),
    ("query-param-without-name", ["query", "SELECT * WHERE {}", "--param", "a=b"]),
    ("query-unknown-label", ["query", "--name", "cast-of-film", "--param", "film=No Such Film 9"]),
    (
        "query-injection-iri",
        [
            "query",
            "-n",
            "fact-sources",
            "-p",
            "subject=The Glass Harbor",
            "-p",
            "predicate=<urn:x> } ; DROP ALL # >",
        ],
    ),
    ("query-bad-year", ["query", "--name", "films-of-year", "--param", "year=19x5"]),
    (
        "query-bad-date",
        [
            "query",
            "--name",
            "films-released-between",
            "--param",
            "from=2019-13",
            "--param",
            "to=2020-01-01",
        ],
    ),
    ("query-bad-integer", ["query", "--name", "MIN_QUERY", "--param", "min=two"]),
    ("query-huge-param", ["query", "--name", "cast-of-film", "--param", "film=" + "x" * 100_000]),
    ("query-missing-file", ["query", "-f", "{tmp}/no-such.rq"]),
    ("query-binary-file", ["query", "-f", "{binary.rq}"]),
    ("query-invalid-file", ["query", "-f", "{bad.rq}"]),
    ("query-two-sources", ["query", "SELECT * WHERE {}", "--name", "cast-of-film"]),
    ("query-nothing", ["query"]),
    ("query-construct-as-csv", ["query", "CONSTRUCT WHERE { ?s ?p ?o }", "--format", "csv"]),
    ("query-select-as-turtle", ["query", "SELECT * WHERE { ?s ?p ?o }", "--format", "ttl"]),
    ("query-unknown-format", ["query", "SELECT * WHERE {}", "--format", "png"]),
    (
        "query-service-failing",
        ["query", "SELECT * WHERE { SERVICE <http://127.0.0.1:9/x> { ?s ?p ?o } }"],
    ),
    ("query-output-into-missing-dir", ["query", "ASK {}", "-o", "{tmp}/no/such/dir/out.txt"]),
    # kg export
    ("export-unknown-extension", ["export", "{tmp}/out.xyz"]),
    ("export-unknown-graph", ["export", "{tmp}/out.nt", "--graph", "urn:no-such-graph"]),
    ("export-under-a-file", ["export", "{unknown.xyz}/out.nq"]),
    ("export-to-a-directory", ["export", "{tmp}"]),
    ("export-to-proc", ["export", "/proc/kg-no-such/out.nq"]),
    # the rest
    ("unload-unknown-source", ["unload", "{tmp}/never-loaded.ttl"]),
    ("unknown-command", ["frobnicate"]),
    ("unknown-option", ["stats", "--frobnicate"]),
    ("store-is-a-file", ["--store", "{unknown.xyz}", "stats"]),
    ("stats-missing-store", ["--store", "{tmp}/no-store", "stats"]),
    ("query-missing-store", ["--store", "{tmp}/no-store", "query", "ASK {}"]),
    ("export-missing-store", ["--store", "{tmp}/no-store", "export", "{tmp}/x.nq"]),
    ("serve-update-without-token", ["serve", "--allow-update", "--port", "0"]),
    ("serve-missing-store", ["--store", "{tmp}/no-store", "serve", "--port", "0"]),
    ("serve-bad-port", ["serve", "--port", "99999"]),
    ("serve-bad-workers", ["serve", "--workers", "0", "--port", "0"]),
]


def _min_query() -> str:
    from kg.query import named_queries

    return next(
        q.name for q in named_queries().values() if any(p.type == "integer" for p in q.params)
    )


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("catalogue") / "store"
    subprocess.run([*KG, "--store", str(path), "load", "-q", str(SAMPLE)], check=True)
    return path


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    folder = tmp_path_factory.mktemp("bad-files")
    out = {}
    for name, content in FILES.items():
        path = folder / name
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
        out[name] = str(path)
    return out


def _snapshot(store: Path) -> tuple[bytes, str]:
    """The store's export (N-Quads, every named graph) and its published generation."""
    buffer = io.BytesIO()
    with Store.open(store, read_only=True) as opened:
        opened.dump(buffer, "nq")
    return buffer.getvalue(), (store / "CURRENT").read_text()


def _fill(arg: str, files: dict[str, str], tmp: Path) -> str:
    for name, path in files.items():
        arg = arg.replace("{" + name + "}", path)
    return arg.replace("{tmp}", str(tmp)).replace("MIN_QUERY", _min_query())


def test_the_catalogue_is_big_enough() -> None:
    assert len(CASES) >= 59 and len({c for c, _ in CASES}) == len(CASES)


@pytest.mark.parametrize(("case", "args"), CASES, ids=[c for c, _ in CASES])
def test_bad_input(
    case: str, args: list[str], store: Path, files: dict[str, str], tmp_path: Path
) -> None:
    (tmp_path / "emptydir").mkdir()
    before = _snapshot(store)
    argv = [_fill(a, files, tmp_path) for a in args]
    if argv[0] != "--store":
        argv = ["--store", str(store), *argv]
    done = subprocess.run(
        [*KG, *argv],
        capture_output=True,
        text=True,
        env={**os.environ, "KG_LOCK_TIMEOUT": "5"},
        timeout=120,
        check=False,
    )
    lines = done.stderr.strip().splitlines()
    assert done.returncode == 2, f"exit {done.returncode}: {done.stderr[-1500:]}"
    assert len(lines) == 1, f"{len(lines)} lines on stderr:\n{done.stderr[-1500:]}"
    assert len(lines[0]) < 2000, lines[0][:300]
    assert "Traceback" not in done.stderr
    assert _snapshot(store) == before, "the store changed"


def test_a_parse_error_is_one_line_for_api_callers_too(tmp_path: Path) -> None:
    """The parser may quote a multi-line token; the exception's text (not only the CLI's line)
    stays on one line, so logs and the endpoint's error JSON stay one line as well."""
    path = tmp_path / "multiline-token.ttl"
    path.write_text(str(FILES["multiline-token.ttl"]))
    with Store.memory() as memory, pytest.raises(ParseError) as raised:
        load_paths(memory, [path], progress=False)
    assert "\n" not in str(raised.value)
    assert str(raised.value).startswith(f"{path}:1: malformed Turtle")
