"""Hostile input through the ``kg`` command, as an attacker or an unlucky user would give it.

Each test is one item of issue 12: a one-line error and exit code 2 instead of a traceback, and a
store left exactly as it was.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

SAMPLE = Path(__file__).resolve().parent / "data" / "queries" / "sample.trig"
KG = [sys.executable, "-c", "from kg.cli import entry_point; entry_point()"]


def kg(*args: str, store: Path, **env: str) -> subprocess.CompletedProcess[str]:
    """Run the ``kg`` entry point in a child process."""
    return subprocess.run(
        [*KG, "--store", str(store), *args],
        capture_output=True,
        text=True,
        env={**os.environ, **env},
        check=False,
        timeout=120,
    )


def assert_one_line_error(done: subprocess.CompletedProcess[str], *needles: str) -> None:
    """Exit 2, no traceback, one line on stderr that contains each needle."""
    lines = done.stderr.strip().splitlines()
    assert done.returncode == 2, (done.returncode, done.stderr[-2000:])
    assert len(lines) == 1 and lines[0].startswith("kg: error: "), done.stderr[-2000:]
    for needle in needles:
        assert needle in lines[0], lines[0]


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("hostile") / "store"
    done = kg("load", "-q", str(SAMPLE), store=path)
    assert done.returncode == 0, done.stderr
    return path


# --- item 2: an IRI parameter that is not an IRI ------------------------------------------------


@pytest.mark.parametrize(
    "value",
    [
        "<urn:x> } ; DROP ALL # >",
        "<https://example.org/a b>",
        'https://example.org/"x"',
        "urn:x>{}",
        "<>",
    ],
)
def test_iri_parameter_that_is_not_an_iri(store: Path, value: str) -> None:
    done = _fact_sources(store, value)
    assert_one_line_error(done, "parameter predicate is not an IRI")


def _fact_sources(store: Path, predicate: str) -> subprocess.CompletedProcess[str]:
    subject = "subject=The Glass Harbor"
    return kg(
        "query", "-n", "fact-sources", "-p", subject, "-p", f"predicate={predicate}", store=store
    )


def test_iri_parameter_that_is_an_iri_still_works(store: Path) -> None:
    done = _fact_sources(store, "<https://w3id.org/filmkg/ontology#director>")
    assert done.returncode == 0, done.stderr
    assert "mara-lindqvist" in done.stdout


# --- item 3: SERVICE to a remote that does not answer -------------------------------------------


@pytest.mark.parametrize(
    "endpoint",
    ["http://127.0.0.1:9/x", "http://127.0.0.1:1/sparql", "http://no-such-host.invalid/"],
)
@pytest.mark.parametrize("fmt", ["table", "json", "csv"])
def test_service_to_a_failing_remote(store: Path, endpoint: str, fmt: str) -> None:
    done = kg(
        "query",
        f"SELECT * WHERE {{ SERVICE <{endpoint}> {{ ?s ?p ?o }} }}",
        "--format",
        fmt,
        store=store,
    )
    assert_one_line_error(done, "the query failed while running", "SERVICE")


def test_service_silent_to_a_failing_remote_answers(store: Path) -> None:
    done = kg(
        "query",
        "SELECT * WHERE { SERVICE SILENT <http://127.0.0.1:9/x> { ?s ?p ?o } }",
        store=store,
    )
    assert done.returncode == 0, done.stderr


# --- item 4: RDF/XML entity expansion (billion laughs) ------------------------------------------


def _laughs(path: Path, levels: int) -> Path:
    entities = ['<!ENTITY lol0 "lol">'] + [
        f'<!ENTITY lol{i} "{("&lol" + str(i - 1) + ";") * 10}">' for i in range(1, levels + 1)
    ]
    path.write_text(
        '<?xml version="1.0"?>\n<!DOCTYPE rdf:RDF [\n'
        + "\n".join(entities)
        + "\n]>\n"
        + '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" '
        + 'xmlns:ex="http://example.org/">\n'
        + f'<rdf:Description rdf:about="http://example.org/a"><ex:p>&lol{levels};</ex:p>'
        + "</rdf:Description>\n</rdf:RDF>\n"
    )
    return path


def _export(store: Path, out: Path) -> bytes:
    done = kg("export", str(out), store=store)
    assert done.returncode == 0, done.stderr
    return out.read_bytes()


@pytest.mark.parametrize("levels", [5, 7, 8, 9])
def test_billion_laughs_is_refused(store: Path, tmp_path: Path, levels: int) -> None:
    before = _export(store, tmp_path / "before.nq")
    done = kg("load", str(_laughs(tmp_path / f"laughs{levels}.rdf", levels)), store=store)
    assert_one_line_error(done, "expands to", "nothing was loaded")
    assert _export(store, tmp_path / "after.nq") == before


def test_entities_too_many_references_are_refused(store: Path, tmp_path: Path) -> None:
    """Each entity small, but referenced so often that the expansion is huge."""
    big = "x" * 60_000
    refs = "&e;" * 2000
    path = tmp_path / "many.rdf"
    path.write_text(
        f'<?xml version="1.0"?><!DOCTYPE rdf:RDF [<!ENTITY e "{big}">]>'
        '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" '
        'xmlns:ex="http://example.org/"><rdf:Description rdf:about="http://example.org/a">'
        f"<ex:p>{refs}</ex:p></rdf:Description></rdf:RDF>"
    )
    assert_one_line_error(kg("load", str(path), store=store), "expanding the XML entities")


@pytest.mark.parametrize(
    "declaration",
    ['<!ENTITY ext SYSTEM "file:///etc/passwd">', '<!ENTITY % pe "x">', '<!ENTITY a "&a;">'],
)
def test_external_parameter_and_recursive_entities_are_refused(
    store: Path, tmp_path: Path, declaration: str
) -> None:
    path = tmp_path / "ext.rdf"
    path.write_text(
        f'<?xml version="1.0"?><!DOCTYPE rdf:RDF [{declaration}]>'
        '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"/>'
    )
    assert_one_line_error(kg("load", str(path), store=store), "nothing was loaded")


def test_ordinary_entities_still_load(tmp_path: Path) -> None:
    path = tmp_path / "onto.rdf"
    path.write_text(
        '<?xml version="1.0"?>\n<!DOCTYPE rdf:RDF [\n'
        '  <!ENTITY owl "http://www.w3.org/2002/07/owl#">\n'
        '  <!ENTITY ex "http://example.org/">\n]>\n'
        '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">\n'
        '  <rdf:Description rdf:about="&ex;Film"><rdf:type rdf:resource="&owl;Class"/>'
        "</rdf:Description>\n</rdf:RDF>\n"
    )
    done = kg("load", str(path), store=tmp_path / "store")
    assert done.returncode == 0, done.stderr
    answer = kg("query", "ASK { <http://example.org/Film> a owl:Class }", store=tmp_path / "store")
    assert answer.stdout.strip() == "true"


# --- items 5 and 6: a full disk and a read-only store (need mount namespaces) -----------------


def _in_mount_namespace(script: str) -> subprocess.CompletedProcess[str]:
    """Run a shell script as root of a private user and mount namespace (no mount outside)."""
    done = subprocess.run(
        ["unshare", "-rm", "sh", "-euc", script],
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    if done.returncode == 97:
        pytest.skip("cannot mount in a private namespace here: " + done.stderr[-300:])
    return done


def _kg_shell() -> str:
    return f"{sys.executable} -c 'from kg.cli import entry_point; entry_point()'"


def test_disk_full_during_a_load(store: Path, tmp_path: Path) -> None:
    big = tmp_path / "big.nt"
    with big.open("w") as out:
        for i in range(200_000):
            out.write(f'<urn:kg-test:s{i}> <urn:kg-test:p> "a value to fill the disk {i}" .\n')
    mnt = tmp_path / "small-disk"
    mnt.mkdir()
    kg_cmd = _kg_shell()
    done = _in_mount_namespace(
        f"""
        mount -t tmpfs -o size=24m tmpfs {mnt} || exit 97
        cp -a {store} {mnt}/store
        {kg_cmd} --store {mnt}/store export {tmp_path}/before.nq
        free=$(df -k --output=avail {mnt} | tail -1)
        dd if=/dev/zero of={mnt}/filler bs=1k count=$((free - 3000)) 2>/dev/null
        rc=0
        {kg_cmd} --store {mnt}/store load -q {big} 2> {tmp_path}/err || rc=$?
        echo $rc > {tmp_path}/rc
        ls {mnt}/store/gens > {tmp_path}/gens
        {kg_cmd} --store {mnt}/store export {tmp_path}/after.nq
        """
    )
    assert done.returncode == 0, done.stderr
    err = (tmp_path / "err").read_text()
    lines = err.strip().splitlines()
    assert (tmp_path / "rc").read_text().strip() == "2", err
    assert len(lines) == 1, err
    assert "no space left on device while writing" in lines[0] and "nothing was changed" in err
    assert (tmp_path / "before.nq").read_bytes() == (tmp_path / "after.nq").read_bytes()
    assert "work" not in (tmp_path / "gens").read_text().split()


def test_read_only_store(store: Path, tmp_path: Path) -> None:
    """A store on a read-only mount: stats, queries and exports work; a load says why not."""
    copy = tmp_path / "ro-store"
    subprocess.run(["cp", "-a", str(store), str(copy)], check=True)
    kg_cmd = _kg_shell()
    out = tmp_path / "out"
    out.mkdir()
    done = _in_mount_namespace(
        f"""
        mount --bind {copy} {copy} && mount -o remount,bind,ro {copy} || exit 97
        touch {copy}/probe 2>/dev/null && exit 97
        {kg_cmd} --store {copy} stats > {out}/stats
        {kg_cmd} --store {copy} query 'SELECT ?t WHERE {{ ?f kg:title ?t }} ORDER BY ?t' > {out}/query
        {kg_cmd} --store {copy} query --name cast-of-film --param film="The Glass Harbor" > {out}/named
        {kg_cmd} --store {copy} export {out}/all.nq > /dev/null
        rc=0
        {kg_cmd} --store {copy} load {SAMPLE} 2> {out}/load-err || rc=$?
        echo $rc > {out}/load-rc
        """
    )
    assert done.returncode == 0, done.stderr
    assert "films" in (out / "stats").read_text()
    assert "The Glass Harbor" in (out / "query").read_text()
    assert "Lena" in (out / "named").read_text() or "(0 rows)" not in (out / "named").read_text()
    assert (out / "all.nq").stat().st_size > 0
    assert (out / "load-rc").read_text().strip() == "2"
    err = (out / "load-err").read_text().strip().splitlines()
    assert len(err) == 1 and "read-only" in err[0], err
