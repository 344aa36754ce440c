"""The ontology files: they parse, match the closed vocabulary, reason in HermiT, and validate data."""

from __future__ import annotations

import functools
import io
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import owlready2
import pyshacl
import pytest
from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import OWL, RDF, RDFS, SH

from kg.model import ROLES, EntityType
from kg.namespace import KG
from kg.resources import ontology_file

ONTOLOGY_FILES = ("film.ttl", "alignment.ttl", "shapes.ttl")
KG_NS = str(KG._NS)
KG_TERMS = frozenset(URIRef(KG_NS + name) for name in KG.__annotations__)
KGSH = Namespace("https://w3id.org/filmkg/shapes#")
# Not rdflib.namespace.XSD: pytest probes module globals for mock attributes and the closed
# XSD namespace warns on every unknown name.
XSD = Namespace("http://www.w3.org/2001/XMLSchema#")
SHAPES_DATA = Path(__file__).parent / "data" / "shapes"

TERM_TYPES = frozenset(
    {
        OWL.Class,
        OWL.ObjectProperty,
        OWL.DatatypeProperty,
        OWL.AnnotationProperty,
        OWL.NamedIndividual,
    }
)
PERSON_CLASS_OF_ROLE = {
    KG.DirectorRole: KG.Director,
    KG.CastMemberRole: KG.Actor,
    KG.ProducerRole: KG.Producer,
    KG.ExecutiveProducerRole: KG.ExecutiveProducer,
    KG.ScreenwriterRole: KG.Screenwriter,
    KG.ComposerRole: KG.Composer,
    KG.CinematographerRole: KG.Cinematographer,
    KG.EditorRole: KG.Editor,
}
# The OWL 2 datatype map (https://www.w3.org/TR/owl2-syntax/#Datatype_Maps) plus rdfs:Literal:
# the only datatypes HermiT accepts and the only ones allowed in OWL 2 DL without a definition.
OWL2_DATATYPES = frozenset(
    {RDFS.Literal, RDF.PlainLiteral, RDF.XMLLiteral, OWL.real, OWL.rational}
    | {
        XSD[name]
        for name in [
            "decimal",
            "integer",
            "nonNegativeInteger",
            "nonPositiveInteger",
            "positiveInteger",
            "negativeInteger",
            "long",
            "int",
            "short",
            "byte",
            "unsignedLong",
            "unsignedInt",
            "unsignedShort",
            "unsignedByte",
            "double",
            "float",
            "string",
            "normalizedString",
            "token",
            "language",
            "Name",
            "NCName",
            "NMTOKEN",
            "boolean",
            "hexBinary",
            "base64Binary",
            "anyURI",
            "dateTime",
            "dateTimeStamp",
        ]
    }
)

requires_java = pytest.mark.skipif(
    shutil.which("java") is None,
    reason="HermiT (owlready2's reasoner) needs a Java runtime: java is not on PATH",
)


def _graph(*names: str) -> Graph:
    graph = Graph()
    for name in names:
        graph.parse(data=ontology_file(name).read_bytes(), format="turtle")
    return graph


@functools.cache
def _film() -> Graph:
    return _graph("film.ttl")


def _kg_iris(graph: Graph) -> set[URIRef]:
    return {t for triple in graph for t in triple if isinstance(t, URIRef) and t.startswith(KG_NS)}


# --- (1) the files parse --------------------------------------------------------------------


@pytest.mark.parametrize("name", ONTOLOGY_FILES)
def test_ontology_file_parses(name: str) -> None:
    graph = _graph(name)
    assert len(graph) > 50
    assert (None, RDF.type, OWL.Ontology) in graph


# --- (2) film.ttl declares exactly the closed vocabulary -------------------------------------


def test_namespace_lists_terms() -> None:
    assert KG.director in KG_TERMS and KG.Film in KG_TERMS
    assert len(KG_TERMS) == len(KG.__annotations__) > 50


@pytest.mark.parametrize("term", sorted(KG_TERMS), ids=lambda t: t.removeprefix(KG_NS))
def test_term_declared_with_type_label_and_comment(term: URIRef) -> None:
    graph = _film()
    types = set(graph.objects(term, RDF.type))
    assert types & TERM_TYPES, f"{term} has no OWL type in film.ttl"
    for prop in (RDFS.label, RDFS.comment):
        values = list(graph.objects(term, prop))
        assert any(
            isinstance(v, Literal) and v.language == "en" and str(v).strip() for v in values
        ), f"{term} has no English {prop.n3(graph.namespace_manager)}"


@pytest.mark.parametrize("name", ONTOLOGY_FILES)
def test_no_term_outside_namespace_class(name: str) -> None:
    unknown = _kg_iris(_graph(name)) - KG_TERMS
    assert not unknown, f"{name} uses kg: terms missing from kg.namespace.KG: {sorted(unknown)}"


def test_every_kg_term_is_typed_in_film_ttl() -> None:
    declared = {
        s for s in _film().subjects(RDF.type, None) if isinstance(s, URIRef) and s.startswith(KG_NS)
    }
    assert declared == KG_TERMS


def test_owl2_dl_punning_rules() -> None:
    graph = _graph("film.ttl", "alignment.ttl")
    kinds = (OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty)
    for iri in set(graph.subjects(RDF.type, None)):
        declared = [k for k in kinds if (iri, RDF.type, k) in graph]
        assert len(declared) <= 1, f"{iri} is declared as {declared}: OWL 2 DL forbids this punning"
        assert not ((iri, RDF.type, OWL.Class) in graph and (iri, RDF.type, RDFS.Datatype) in graph)


def test_datatypes_are_in_owl2_datatype_map() -> None:
    graph = _graph("film.ttl", "alignment.ttl")
    for prop in graph.subjects(RDF.type, OWL.DatatypeProperty):
        for datatype in graph.objects(prop, RDFS.range):
            assert datatype in OWL2_DATATYPES, (
                f"range of {prop} is {datatype}, outside the OWL 2 datatype map"
            )


def test_roles_point_to_their_direct_property() -> None:
    graph = _film()
    for role in PERSON_CLASS_OF_ROLE:
        assert (role, RDF.type, KG.Role) in graph
        prop = graph.value(role, KG.roleProperty)
        assert prop is not None, f"{role} has no kg:roleProperty"
        assert (prop, RDFS.subPropertyOf, KG.contributor) in graph
        assert (prop, RDFS.domain, KG.Film) in graph and (prop, RDFS.range, KG.Person) in graph
    assert (KG.contributedTo, OWL.inverseOf, KG.contributor) in graph
    assert (KG.follows, OWL.inverseOf, KG.followedBy) in graph
    assert (KG.credit, OWL.inverseOf, KG.film) in graph


def test_role_table_matches_the_ontology() -> None:
    """kg.model.ROLES is the one definition of a role: every entry must agree with film.ttl and
    alignment.ttl, and every role the ontology defines must be in the table."""
    film, alignment = _film(), _graph("alignment.ttl")
    credit_properties = set(film.subjects(RDFS.subPropertyOf, KG.contributor))
    table_properties: set[URIRef] = set()
    for role in ROLES:
        prop = URIRef(KG_NS + role.property_name)
        assert (prop, RDF.type, OWL.ObjectProperty) in film, role
        assert (prop, RDFS.domain, KG.Film) in film, role
        wikidata = URIRef("http://www.wikidata.org/prop/direct/" + role.wikidata)
        assert (prop, RDFS.subPropertyOf, wikidata) in alignment or (
            prop,
            OWL.equivalentProperty,
            wikidata,
        ) in alignment, f"{prop} is not aligned to wdt:{role.wikidata}"
        if role.is_credit:
            table_properties.add(prop)
            individual = URIRef(KG_NS + str(role.role_individual))
            assert (individual, RDF.type, KG.Role) in film, role
            assert (individual, KG.roleProperty, prop) in film, role
            assert (URIRef(KG_NS + str(role.agent_class)), RDF.type, OWL.Class) in film, role
            assert PERSON_CLASS_OF_ROLE[individual] == URIRef(KG_NS + str(role.agent_class))
            assert role.agent is EntityType.PERSON
        else:
            assert (prop, RDFS.range, KG.Organization) in film, role
    assert table_properties == credit_properties, (
        "roles in film.ttl (rdfs:subPropertyOf kg:contributor) and kg.model.ROLES differ: "
        f"{sorted(credit_properties ^ table_properties)}"
    )


def test_core_classes_pairwise_disjoint() -> None:
    graph = _film()
    (node,) = graph.subjects(RDF.type, OWL.AllDisjointClasses)
    members = set(graph.items(graph.value(node, OWL.members)))
    assert members == {
        KG.Film,
        KG.FilmSeries,
        KG.Person,
        KG.Organization,
        KG.Credit,
        KG.Role,
        KG.Release,
        KG.Country,
        KG.Work,
    }


def test_alignment_uses_standard_iris() -> None:
    graph = _graph("alignment.ttl")
    wdt = Namespace("http://www.wikidata.org/prop/direct/")
    schema = Namespace("https://schema.org/")
    dbo = Namespace("http://dbpedia.org/ontology/")
    assert (KG.director, RDFS.subPropertyOf, wdt.P57) in graph
    assert (KG.castMember, RDFS.subPropertyOf, wdt.P161) in graph
    assert (KG.releaseDate, RDFS.subPropertyOf, wdt.P577) in graph
    assert (KG.castMember, RDFS.subPropertyOf, schema.actor) in graph
    assert (KG.director, OWL.equivalentProperty, dbo.director) in graph
    # dbo:starring lists the leading actors only: not equivalent to kg:castMember.
    assert (KG.castMember, OWL.equivalentProperty, dbo.starring) not in graph
    assert (dbo.starring, OWL.equivalentProperty, KG.castMember) not in graph
    assert (KG.Film, OWL.equivalentClass, URIRef("http://www.wikidata.org/entity/Q11424")) in graph
    # Every external term used in an axiom is declared, and every axiom is explained.
    for s, p, o in graph.triples((None, None, None)):
        if (
            isinstance(s, URIRef)
            and s.startswith(KG_NS)
            and p
            in (
                RDFS.subPropertyOf,
                OWL.equivalentProperty,
                OWL.equivalentClass,
                RDFS.subClassOf,
            )
        ):
            assert (o, RDF.type, None) in graph, f"{o} is used but not declared"
            explained = any(
                (a, OWL.annotatedProperty, p) in graph and (a, OWL.annotatedTarget, o) in graph
                for a in graph.subjects(OWL.annotatedSource, s)
            )
            assert explained, f"no rdfs:comment on the axiom {s} {p} {o}"


# --- (3) and (4) owlready2 and HermiT ------------------------------------------------------


@pytest.fixture
def world() -> Iterator[Any]:
    """A fresh owlready2 World per test, so no test sees another's individuals or inferences."""
    world = owlready2.World()
    yield world
    world.close()


def _load(world: Any, *, alignment: bool = True) -> Any:
    """Load film.ttl (and alignment.ttl) into ``world``; owlready2 does not read Turtle."""

    def load(name: str, iri: str) -> Any:
        ntriples = _graph(name).serialize(format="nt", encoding="utf-8")
        onto = world.get_ontology(iri)
        return onto.load(fileobj=io.BytesIO(ntriples), format="ntriples")

    film = load("film.ttl", KG_NS)
    if alignment:
        # alignment.ttl owl:imports the film ontology, which is already in the world: no download.
        load("alignment.ttl", "https://w3id.org/filmkg/ontology/alignment#")
    return film


def test_owlready2_loads_ontology(world: Any) -> None:
    film = _load(world)
    assert film.Director is not None and film.director is not None
    assert film.Studio in film.Organization.descendants()
    assert film.director in film.contributor.descendants()


@requires_java
def test_hermit_consistent_and_infers_person_classes(world: Any) -> None:
    film = _load(world)
    data = world.get_ontology("https://w3id.org/filmkg/test/hermit#")
    people = {}
    with data:
        heat = film.Film("heat")
        for role in PERSON_CLASS_OF_ROLE:
            name = role.removeprefix(KG_NS)
            person = people[role] = film.Person(f"person-{name}")
            credit = film.Credit(f"credit-{name}")
            credit.film = heat
            credit.person = person
            credit.role = world[str(role)]
        pacino = film.Person("al-pacino")
        heat.castMember = [pacino]  # the direct property only, no credit node
    owlready2.sync_reasoner_hermit(world, infer_property_values=True, debug=0)

    for role, person in people.items():
        inferred = {c.iri for c in person.INDIRECT_is_a if hasattr(c, "iri")}
        expected = str(PERSON_CLASS_OF_ROLE[role])
        assert expected in inferred, f"HermiT did not infer {expected} for a credit with {role}"
        others = {str(c) for c in PERSON_CLASS_OF_ROLE.values()} - {expected}
        assert not inferred & others, f"a credit with {role} also made {inferred & others}"
    assert film.Director in people[KG.DirectorRole].INDIRECT_is_a
    assert film.Actor in pacino.INDIRECT_is_a  # from kg:castMember alone
    assert heat in pacino.contributedTo  # inverse of kg:contributor, a super-property of castMember
    assert set(heat.credit) == set(world.search(type=film.Credit))  # inverse of kg:film
    assert world["https://schema.org/Movie"] in heat.INDIRECT_is_a  # through alignment.ttl


@requires_java
@pytest.mark.parametrize("case", ["film-and-person", "credit-with-two-roles"])
def test_hermit_detects_inconsistency(world: Any, case: str) -> None:
    film = _load(world, alignment=False)
    data = world.get_ontology("https://w3id.org/filmkg/test/inconsistent#")
    with data:
        if case == "film-and-person":
            thing = film.Film("heat")
            thing.is_a.append(film.Person)
        else:
            # kg:role is functional and the role individuals are all different.
            credit = film.Credit("credit")
            film.role[credit].append(film.DirectorRole)
            film.role[credit].append(film.CastMemberRole)
    with pytest.raises(owlready2.OwlReadyInconsistentOntologyError):
        owlready2.sync_reasoner_hermit(world, infer_property_values=True, debug=0)


# --- (5) SHACL ----------------------------------------------------------------------------


def _validate(
    data_file: str, *, with_ontology: bool = True
) -> tuple[bool, set[tuple[URIRef, URIRef]]]:
    """Validate a data file; return whether it conforms and the (source shape, focus node) pairs.

    No RDFS inference: rdfs:range would type a film used as a director as a kg:Person and hide the
    very error the shapes look for. The ontology is mixed in (``ont_graph``) so that sh:class
    follows rdfs:subClassOf (a kg:Studio is a kg:Organization) and finds the kg:Role individuals.
    """
    data = Graph().parse(SHAPES_DATA / data_file, format="turtle")
    conforms, report, _text = pyshacl.validate(
        data,
        shacl_graph=_graph("shapes.ttl"),
        ont_graph=_film() if with_ontology else None,
        inference="none",
        meta_shacl=True,
        allow_warnings=False,
    )
    failures = {
        (report.value(result, SH.sourceShape), report.value(result, SH.focusNode))
        for result in report.objects(None, SH.result)  # not the sh:detail results nested in them
    }
    return bool(conforms), failures


def test_shapes_accept_conforming_data() -> None:
    conforms, failures = _validate("good.ttl")
    assert conforms, failures


def test_shapes_need_the_ontology_for_subclasses() -> None:
    conforms, failures = _validate("good.ttl", with_ontology=False)
    assert not conforms
    shapes = {shape for shape, _focus in failures}
    assert KGSH["Film-productionCompany"] in shapes  # a kg:Studio, not asserted kg:Organization
    assert KGSH["Credit-role"] in shapes  # kg:DirectorRole is typed kg:Role only in film.ttl


def test_shapes_reject_bad_data() -> None:
    ex = Namespace("https://w3id.org/filmkg/resource/")
    conforms, failures = _validate("bad.ttl")
    assert not conforms
    assert failures == {
        (KGSH["Film-title"], ex["untitled"]),
        (KGSH["Film-director"], ex["wrong-director"]),
        (KGSH["Film-releaseDate"], ex["too-early"]),
        (KGSH["Release-date"], ex["early-release"]),
        (KGSH["Credit-role"], ex["roleless-credit"]),
        (KGSH["FilmOneUntaggedTitleShape"], ex["twice-named"]),
        (KGSH["NotOwnCoStarShape"], ex["echo-actor"]),
    }


def test_every_shape_has_a_message() -> None:
    shapes = _graph("shapes.ttl")
    property_shapes = set(shapes.subjects(RDF.type, SH.PropertyShape))
    node_shapes = set(shapes.subjects(RDF.type, SH.NodeShape))
    assert property_shapes and node_shapes
    for shape in property_shapes:
        assert shapes.value(shape, SH.name) is not None, f"{shape} has no sh:name"
        assert shapes.value(shape, SH.message) is not None, f"{shape} has no sh:message"
    for shape in node_shapes:
        assert shapes.value(shape, RDFS.label) is not None, f"{shape} has no rdfs:label"
