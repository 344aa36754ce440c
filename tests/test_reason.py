"""kg reason: OWL reasoning (HermiT / Pellet / OWL 2 RL) materialised into the inferred graph."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import URIRef
from rdflib.namespace import RDF

from kg.cli import run
from kg.ingest import load_paths
from kg.namespace import KG, KGR, SCHEMA, WDT
from kg.reason import (
    INFERRED_GRAPH,
    ReasonerUnavailable,
    drop_inferred,
    find_java,
    java_version,
    reason,
    required_java,
)
from kg.rl import compile_rules, materialise
from kg.store import Store

DATA = Path(__file__).parent / "data" / "validate"
RULES = Path(__file__).parent / "data" / "reason"
FILM = KGR["film/night-harbor"]
SEQUEL = KGR["film/night-harbor-2"]
MARA = KGR["person/mara-lindqvist"]
CHIMERA = "https://w3id.org/filmkg/resource/film/chimera"


def _inferred(store: Store) -> set[tuple[object, object, object]]:
    return {(s, p, o) for s, p, o, _ in store.triples(INFERRED_GRAPH)}


@pytest.fixture
def credit_store(memory_store: Store) -> Store:
    load_paths(memory_store, [DATA / "credit.ttl"], progress=False)
    return memory_store


@pytest.mark.parametrize("profile", ["dl", "rl"])
def test_credit_implies_class_superproperty_and_alignment(
    credit_store: Store, profile: str
) -> None:
    report = reason(credit_store, profile=profile)  # type: ignore[arg-type]
    assert report.consistent
    facts = _inferred(credit_store)
    assert (MARA, RDF.type, KG.Director) in facts
    assert (FILM, KG.contributor, MARA) in facts
    assert (MARA, KG.contributedTo, FILM) in facts
    assert (FILM, WDT.P57, MARA) in facts
    assert (FILM, SCHEMA.director, MARA) in facts
    assert (FILM, KG.followedBy, SEQUEL) in facts
    assert (FILM, KG.director, MARA) not in facts  # asserted, so not repeated
    # SPARQL sees the inferred facts through the union default graph
    rows = credit_store.query(f"SELECT ?p WHERE {{ ?p a <{KG.Director}> }}").rows()
    assert rows == [(MARA,)]


def test_profiles_agree_on_sample(memory_store: Store) -> None:
    load_paths(memory_store, ["data/sample/films.csv"], mapping="films_sample", progress=False)
    reason(memory_store, profile="dl")
    dl = _inferred(memory_store)
    reason(memory_store, profile="rl")
    rl = _inferred(memory_store)
    graph = URIRef(INFERRED_GRAPH)  # the graph's description names the profile
    assert {t for t in dl if t[0] != graph} == {t for t in rl if t[0] != graph}
    assert len(dl) > 100


@pytest.mark.parametrize("profile", ["dl", "rl"])
def test_reasoning_twice_gives_same_graph(credit_store: Store, profile: str) -> None:
    reason(credit_store, profile=profile)  # type: ignore[arg-type]
    first = _inferred(credit_store)
    again = reason(credit_store, profile=profile)  # type: ignore[arg-type]
    assert _inferred(credit_store) == first
    assert again.inferred == len(first) - 3  # the graph's own description is not counted


def test_drop(credit_store: Store, tmp_path: Path) -> None:
    reason(credit_store, profile="rl")
    assert INFERRED_GRAPH in credit_store.named_graphs()
    assert drop_inferred(credit_store)
    assert INFERRED_GRAPH not in credit_store.named_graphs()
    assert not drop_inferred(credit_store)


def test_cli_reason_and_drop(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    store = tmp_path / "store"
    assert run(["--store", str(store), "load", "-q", str(DATA / "credit.ttl")]) == 0
    assert run(["--store", str(store), "reason"]) == 0
    assert "consistent" in capsys.readouterr().out
    with Store.open(store, read_only=True) as opened:
        assert (MARA, RDF.type, KG.Director) in _inferred(opened)
    assert run(["--store", str(store), "reason", "--profile", "rl"]) == 0
    assert run(["--store", str(store), "reason", "--drop"]) == 0
    with Store.open(store, read_only=True) as opened:
        assert INFERRED_GRAPH not in opened.named_graphs()
    assert run(["--store", str(store), "reason", "--profile", "owl"]) == 2


@pytest.mark.parametrize("profile", ["dl", "rl"])
def test_inconsistency_names_individual_axiom_and_source(memory_store: Store, profile: str) -> None:
    load_paths(memory_store, [DATA / "credit.ttl", DATA / "inconsistent.ttl"], progress=False)
    report = reason(memory_store, profile=profile)  # type: ignore[arg-type]
    assert not report.consistent
    assert INFERRED_GRAPH not in memory_store.named_graphs()
    [problem] = [e for e in report.explanations if e.individual == CHIMERA]
    assert "kg:Film" in problem.axiom and "kg:Person" in problem.axiom
    assert any(s.endswith("inconsistent.ttl") for s in problem.sources)
    text = report.to_text()
    assert CHIMERA in text and "disjoint" in text


def test_cli_inconsistent_exit_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    store = tmp_path / "store"
    assert run(["--store", str(store), "load", "-q", str(DATA / "inconsistent.ttl")]) == 0
    assert run(["--store", str(store), "reason"]) == 1
    assert CHIMERA in capsys.readouterr().out


def test_java_detection_is_real() -> None:
    java = find_java(required_java("hermit"))
    assert java.version >= required_java("hermit")
    assert java_version(java.path) == java.version
    assert required_java("pellet") > 17  # owlready2's Pellet jars need a newer Java than 17


def test_pellet_with_too_old_java_says_so(
    credit_store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Point KG_JAVA at the Java on PATH; if it is too old for Pellet, the message says which."""
    import shutil

    path_java = shutil.which("java")
    if path_java is None:
        pytest.skip("no java on PATH")
    version = java_version(path_java)
    assert version is not None
    monkeypatch.setenv("KG_JAVA", path_java)
    if version >= required_java("pellet"):
        assert reason(credit_store, reasoner="pellet").consistent
        return
    with pytest.raises(ReasonerUnavailable) as info:
        reason(credit_store, reasoner="pellet")
    message = str(info.value)
    assert f"Java {version} at {path_java}" in message
    assert f"needs Java {required_java('pellet')}" in message


def test_pellet_where_a_new_enough_java_is_found(
    credit_store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("KG_JAVA", raising=False)
    try:
        java = find_java(required_java("pellet"))
    except ReasonerUnavailable as err:
        assert "needs Java" in str(err)
        return
    report = reason(credit_store, reasoner="pellet")
    assert report.java == java
    assert (MARA, RDF.type, KG.Director) in _inferred(credit_store)


def _facts(store: Store) -> set[tuple[object, object, object]]:
    graph = URIRef(INFERRED_GRAPH)  # the graph's description names the engine
    return {t for t in _inferred(store) if t[0] != graph}


@pytest.mark.parametrize(
    ("paths", "mapping"),
    [
        (["data/sample/films.csv"], "films_sample"),
        ([DATA / "credit.ttl", RULES / "defined.ttl"], None),
    ],
)
def test_rl_sparql_rules_match_owlrl(
    memory_store: Store, paths: list[Path], mapping: str | None
) -> None:
    load_paths(memory_store, paths, mapping=mapping, progress=False)
    reason(memory_store, profile="rl", engine="owlrl")
    expected = _facts(memory_store)
    for strategy in ("construct", "update"):
        report = reason(memory_store, profile="rl", strategy=strategy)  # type: ignore[arg-type]
        assert report.consistent and report.reasoner.startswith("sparql rules")
        assert _facts(memory_store) == expected
        assert report.inferred == len(expected)
    assert len(expected) > 10


def test_rl_restriction_defined_classes(memory_store: Store) -> None:
    load_paths(memory_store, [RULES / "defined.ttl"], progress=False)
    assert reason(memory_store, profile="rl").consistent
    facts = _facts(memory_store)
    ines, olaf = KGR["person/ines-roa"], KGR["person/olaf-berg"]
    assert (ines, RDF.type, KG.Director) in facts  # Person and the person of a director credit
    assert (KGR["film/dusk"], KG.director, olaf) in facts  # dbo:director is equivalent
    assert (olaf, RDF.type, KG.Director) in facts  # ... and a kg:director value is a Director
    assert (olaf, RDF.type, KG.Person) in facts  # range
    assert (KGR["film/dusk"], RDF.type, KG.Film) in facts  # domain
    assert (ines, RDF.type, KG.Actor) not in facts


def test_rl_functional_property_clash(memory_store: Store) -> None:
    load_paths(memory_store, [RULES / "functional.ttl"], progress=False)
    report = reason(memory_store, profile="rl")
    assert not report.consistent
    assert INFERRED_GRAPH not in memory_store.named_graphs()
    by_individual = {e.individual: e for e in report.explanations}
    roles = by_individual[str(KGR["credit/two-roles"])]
    assert "kg:role is functional" in roles.axiom
    assert any(s.endswith("functional.ttl") for s in roles.sources)
    assert "kg:billingOrder is functional" in by_individual[str(KGR["credit/two-billings"])].axiom


def test_rl_transitive_and_symmetric_properties(memory_store: Store) -> None:
    from rdflib import Graph

    ontology = Graph().parse(
        data="""
        @prefix : <http://ex/> . @prefix owl: <http://www.w3.org/2002/07/owl#> .
        :partOf a owl:ObjectProperty , owl:TransitiveProperty .
        :near a owl:ObjectProperty , owl:SymmetricProperty .""",
        format="turtle",
    )
    ex = "http://ex/"
    data = [
        (URIRef(ex + "a"), URIRef(ex + "partOf"), URIRef(ex + "b")),
        (URIRef(ex + "b"), URIRef(ex + "partOf"), URIRef(ex + "c")),
        (URIRef(ex + "c"), URIRef(ex + "partOf"), URIRef(ex + "d")),
        (URIRef(ex + "a"), URIRef(ex + "near"), URIRef(ex + "b")),
    ]
    with memory_store.writing():
        memory_store.add_triples("urn:data", data)
        run = materialise(
            memory_store, compile_rules(ontology).rules, sources=["urn:data"], work="urn:work"
        )
    got = {(str(s), str(p), str(o)) for s, p, o, _ in memory_store.triples("urn:work")}
    assert got == {
        (ex + "a", ex + "partOf", ex + "c"),
        (ex + "b", ex + "partOf", ex + "d"),
        (ex + "a", ex + "partOf", ex + "d"),
        (ex + "b", ex + "near", ex + "a"),
    }
    assert run.new == 4


def test_rl_dry_run_on_read_only_store(tmp_path: Path) -> None:
    store = tmp_path / "store"
    assert run(["--store", str(store), "load", "-q", str(DATA / "credit.ttl")]) == 0
    with Store.open(store, read_only=True) as opened:
        report = reason(opened, profile="rl", write=False)
        assert report.consistent and not report.written and report.inferred > 10
        assert INFERRED_GRAPH not in opened.named_graphs()
    assert run(["--store", str(store), "reason", "--profile", "rl", "--dry-run"]) == 0
    assert run(["--store", str(store), "reason", "--profile", "rl", "--engine", "owlrl"]) == 0
