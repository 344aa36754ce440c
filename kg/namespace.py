"""Closed vocabularies: our ontology terms and the external vocabularies we map onto.

A misspelt term fails at once instead of silently minting a new IRI:

>>> from kg.namespace import KG
>>> str(KG.director)
'https://w3id.org/filmkg/ontology#director'
>>> KG.directer  # doctest: +IGNORE_EXCEPTION_DETAIL
Traceback (most recent call last):
AttributeError: term 'directer' not in namespace 'https://w3id.org/filmkg/ontology#'
"""

from __future__ import annotations

from rdflib import Namespace, URIRef
from rdflib.namespace import DefinedNamespace

__all__ = [
    "BASE",
    "DBO",
    "KG",
    "KGR",
    "ONTOLOGY_IRI",
    "PROV",
    "SCHEMA",
    "WD",
    "WDT",
    "bind_prefixes",
]

BASE = "https://w3id.org/filmkg/"
ONTOLOGY_IRI = URIRef("https://w3id.org/filmkg/ontology")


class KG(DefinedNamespace):
    """The film knowledge graph ontology (``ontology/film.ttl``)."""

    _NS = Namespace("https://w3id.org/filmkg/ontology#")
    _fail = True

    # Classes: works
    Film: URIRef
    FilmSeries: URIRef
    Work: URIRef
    # Classes: agents
    Person: URIRef
    Organization: URIRef
    Studio: URIRef
    ProductionCompany: URIRef
    Distributor: URIRef
    StreamingService: URIRef
    Country: URIRef
    # Classes: credits and roles
    Credit: URIRef
    Role: URIRef
    # Classes: releases
    Release: URIRef
    TheatricalRelease: URIRef
    StreamingRelease: URIRef
    # Classes: people defined by their credits (inferred by `kg reason`)
    Director: URIRef
    Actor: URIRef
    Producer: URIRef
    ExecutiveProducer: URIRef
    Screenwriter: URIRef
    Composer: URIRef
    Cinematographer: URIRef
    Editor: URIRef
    # Classes: provenance
    SourceDocument: URIRef
    Evidence: URIRef
    # Classes: sources that disagree or agree (derived by kg.conflicts)
    Conflict: URIRef
    Claim: URIRef
    Agreement: URIRef

    # Role individuals (values of kg:role on a credit)
    DirectorRole: URIRef
    CastMemberRole: URIRef
    ProducerRole: URIRef
    ExecutiveProducerRole: URIRef
    ScreenwriterRole: URIRef
    ComposerRole: URIRef
    CinematographerRole: URIRef
    EditorRole: URIRef

    # Direct role properties (Film -> Person), sub-properties of contributor
    contributor: URIRef
    director: URIRef
    castMember: URIRef
    producer: URIRef
    executiveProducer: URIRef
    screenwriter: URIRef
    composer: URIRef
    cinematographer: URIRef
    editor: URIRef
    # Inverse of contributor (Person -> Film)
    contributedTo: URIRef

    # Credit nodes
    credit: URIRef  # Film -> Credit
    film: URIRef  # Credit -> Film
    person: URIRef  # Credit -> Person
    role: URIRef  # Credit -> Role
    characterName: URIRef  # Credit -> literal
    billingOrder: URIRef  # Credit -> xsd:positiveInteger
    roleProperty: URIRef  # Role -> the direct property it materialises as

    # Film attributes and links
    title: URIRef
    name: URIRef
    year: URIRef
    releaseDate: URIRef
    runtimeMinutes: URIRef
    genre: URIRef
    originalLanguage: URIRef
    countryOfOrigin: URIRef
    productionCompany: URIRef
    distributor: URIRef
    partOfSeries: URIRef
    follows: URIRef
    followedBy: URIRef
    basedOn: URIRef
    imdbId: URIRef
    wikidataId: URIRef

    # Releases
    release: URIRef  # Film -> Release
    date: URIRef  # Release -> xsd:date / xsd:gYear
    region: URIRef  # Release -> literal
    platform: URIRef  # Release -> Organization (streaming service)
    planned: URIRef  # Release -> xsd:boolean (announced, not yet happened)

    # Provenance
    sourcePath: URIRef
    checksum: URIRef
    loader: URIRef
    extractor: URIRef
    extractionRule: URIRef
    streamingOn: URIRef
    mapping: URIRef
    evidence: URIRef  # Evidence -> statement it supports (rdf:Statement)
    sentence: URIRef
    startOffset: URIRef
    endOffset: URIRef
    confidence: URIRef
    ambiguous: URIRef
    containsGraph: URIRef

    # Conflicts and agreements between sources
    conflictSubject: URIRef  # Conflict -> the entity
    conflictProperty: URIRef  # Conflict -> the single-valued property
    conflictKey: URIRef  # Conflict -> literal: the release region and kind compared
    claim: URIRef  # Conflict -> Claim
    claimValue: URIRef  # Claim -> the value one side gives
    supportedBy: URIRef  # Claim -> Evidence
    sourceCount: URIRef  # Agreement -> xsd:integer
    agreedSubject: URIRef  # Agreement -> the fact's subject
    agreedProperty: URIRef  # Agreement -> the fact's property
    agreedValue: URIRef  # Agreement -> the fact's value (IRI or literal)
    combinedConfidence: URIRef  # Agreement / Claim -> xsd:decimal


KGR = Namespace(BASE + "resource/")
"""Where our entity IRIs live (minted only by :mod:`kg.iri`)."""

PROV = Namespace("http://www.w3.org/ns/prov#")
SCHEMA = Namespace("https://schema.org/")
DBO = Namespace("http://dbpedia.org/ontology/")
WD = Namespace("http://www.wikidata.org/entity/")
WDT = Namespace("http://www.wikidata.org/prop/direct/")


def bind_prefixes(graph: object) -> None:
    """Bind the project's prefixes on an rdflib graph or dataset.

    >>> from rdflib import Graph
    >>> g = Graph(); bind_prefixes(g)
    >>> dict(g.namespaces())["kg"]
    rdflib.term.URIRef('https://w3id.org/filmkg/ontology#')
    """
    from rdflib.namespace import DCTERMS, OWL, RDFS, SKOS, XSD

    bind = graph.bind  # type: ignore[attr-defined]
    for prefix, ns in (
        ("kg", str(KG._NS)),
        ("kgr", str(KGR)),
        ("prov", str(PROV)),
        ("dcterms", str(DCTERMS)),
        ("owl", str(OWL)),
        ("rdfs", str(RDFS)),
        ("skos", str(SKOS)),
        ("xsd", str(XSD)),
        ("schema", str(SCHEMA)),
        ("wd", str(WD)),
        ("wdt", str(WDT)),
    ):
        bind(prefix, ns, override=True, replace=True)
