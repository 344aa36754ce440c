"""Facts -> RDF under the ontology: the only module that knows the mapping.

Each role fact becomes a direct triple (``film kg:director person``) *and* a credit node carrying
the role, the character and the billing order. A fact with evidence (a sentence of an article)
also gets an evidence node, a reified ``rdf:Statement`` with the sentence, its offsets and the
confidence, so ``kg explain`` and SPARQL can trace it.

>>> from kg.model import EntityRef, EntityType, Fact, Relation
>>> from kg.resolve import Resolver
>>> from kg.namespace import KG, KGR
>>> film = EntityRef(EntityType.FILM, "Heat", year=1995)
>>> fact = Fact(film, Relation.DIRECTOR, EntityRef(EntityType.PERSON, "Michael Mann"))
>>> triples = set(facts_to_triples([fact], Resolver(), graph="urn:g"))
>>> (KGR["film/heat"], KG.director, KGR["person/michael-mann"]) in triples
True
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from rdflib import Literal, URIRef
from rdflib.namespace import DCTERMS, RDF, RDFS, XSD

from .iri import credit_iri, evidence_iri, release_iri
from .model import ROLES, EntityRef, EntityType, Evidence, Fact, Relation, Value, ValueType
from .namespace import KG, PROV
from .resolve import Resolver
from .store import Triple

__all__ = [
    "CLASS_OF_TYPE",
    "PROPERTY_OF_RELATION",
    "ROLE_OF_RELATION",
    "SourceInfo",
    "facts_to_triples",
    "source_triples",
]

CLASS_OF_TYPE: dict[EntityType, URIRef] = {
    EntityType.FILM: KG.Film,
    EntityType.FILM_SERIES: KG.FilmSeries,
    EntityType.PERSON: KG.Person,
    EntityType.ORGANIZATION: KG.Organization,
    EntityType.STUDIO: KG.Studio,
    EntityType.PRODUCTION_COMPANY: KG.ProductionCompany,
    EntityType.DISTRIBUTOR: KG.Distributor,
    EntityType.STREAMING_SERVICE: KG.StreamingService,
    EntityType.COUNTRY: KG.Country,
}

PROPERTY_OF_RELATION: dict[Relation, URIRef] = {
    **{role.relation: KG[role.property_name] for role in ROLES},
    Relation.RELEASE_DATE: KG.releaseDate,
    Relation.COUNTRY: KG.countryOfOrigin,
    Relation.BASED_ON: KG.basedOn,
    Relation.FOLLOWS: KG.follows,
    Relation.FOLLOWED_BY: KG.followedBy,
    Relation.PART_OF_SERIES: KG.partOfSeries,
    Relation.STREAMING_ON: KG.streamingOn,
    Relation.TITLE: KG.title,
    Relation.YEAR: KG.year,
    Relation.RUNTIME: KG.runtimeMinutes,
    Relation.GENRE: KG.genre,
    Relation.LANGUAGE: KG.originalLanguage,
    Relation.IMDB_ID: KG.imdbId,
    Relation.WIKIDATA_ID: KG.wikidataId,
}
"""The direct property each relation is written as (roles from :data:`kg.model.ROLES`)."""

ROLE_OF_RELATION: dict[Relation, URIRef] = {
    role.relation: KG[role.role_individual] for role in ROLES if role.role_individual is not None
}
"""The role individual of each credit relation."""

_ORGANIZATION_TYPES = frozenset(
    {
        EntityType.ORGANIZATION,
        EntityType.STUDIO,
        EntityType.PRODUCTION_COMPANY,
        EntityType.DISTRIBUTOR,
        EntityType.STREAMING_SERVICE,
    }
)

_DATATYPE = {
    ValueType.STRING: None,
    ValueType.DATE: XSD.date,
    ValueType.YEAR: XSD.gYear,
    ValueType.INTEGER: XSD.integer,
}


def _literal(value: Value) -> Literal:
    datatype = _DATATYPE[value.type]
    return Literal(value.text, datatype=datatype) if datatype is not None else Literal(value.text)


# Hot-path constants: a DefinedNamespace checks the term on every attribute access.
_Credit = KG.Credit
_Evidence = KG.Evidence
_Organization = KG.Organization
_Release = KG.Release
_StreamingRelease = KG.StreamingRelease
_TheatricalRelease = KG.TheatricalRelease
_ambiguous = KG.ambiguous
_billingOrder = KG.billingOrder
_characterName = KG.characterName
_confidence = KG.confidence
_credit = KG.credit
_date = KG.date
_endOffset = KG.endOffset
_extractor = KG.extractor
_extractionRule = KG.extractionRule
_film = KG.film
_name = KG.name
_person = KG.person
_planned = KG.planned
_platform = KG.platform
_region = KG.region
_release = KG.release
_role = KG.role
_sentence = KG.sentence
_startOffset = KG.startOffset
_title = KG.title
_year = KG.year


class _Writer:
    """Emits each entity description once per batch."""

    def __init__(self, resolver: Resolver, graph: str) -> None:
        self.resolver = resolver
        self.graph = graph
        self.described: set[URIRef] = set()

    def entity(self, ref: EntityRef) -> tuple[URIRef, list[Triple]]:
        iri = self.resolver.iri(ref)
        if iri in self.described:
            return iri, []
        self.described.add(iri)
        label = Literal(ref.name)
        out: list[Triple] = [(iri, RDF.type, CLASS_OF_TYPE[ref.type]), (iri, RDFS.label, label)]
        if ref.type is EntityType.FILM:
            out.append((iri, _title, label))
            if ref.year is not None:
                out.append((iri, _year, Literal(f"{ref.year:04d}", datatype=XSD.gYear)))
        elif ref.type is not EntityType.COUNTRY:
            out.append((iri, _name, label))
        if ref.type in _ORGANIZATION_TYPES and ref.type is not EntityType.ORGANIZATION:
            out.append((iri, RDF.type, _Organization))
        for alias in ref.aliases:
            out.append(
                (iri, URIRef("http://www.w3.org/2004/02/skos/core#altLabel"), Literal(alias))
            )
        return iri, out

    def evidence(
        self, evidence: Evidence, s: URIRef, p: URIRef, o: URIRef | Literal, ambiguous: bool
    ) -> list[Triple]:
        node = evidence_iri(self.graph, s, p, o, evidence.start, evidence.end)
        out: list[Triple] = [
            (node, RDF.type, _Evidence),
            (node, RDF.type, RDF.Statement),
            (node, RDF.subject, s),
            (node, RDF.predicate, p),
            (node, RDF.object, o),
            (node, _sentence, Literal(evidence.sentence)),
            (node, _startOffset, Literal(evidence.start)),
            (node, _endOffset, Literal(evidence.end)),
            (node, _confidence, Literal(round(evidence.confidence, 4), datatype=XSD.decimal)),
            (node, PROV.wasDerivedFrom, URIRef(self.graph)),
        ]
        if evidence.extractor:
            out.append((node, _extractor, Literal(evidence.extractor)))
        if evidence.rule:
            out.append((node, _extractionRule, Literal(evidence.rule)))
        if ambiguous:
            out.append((node, _ambiguous, Literal(True)))
        return out

    def fact(self, fact: Fact) -> list[Triple]:
        s, out = self.entity(fact.subject)
        prop = PROPERTY_OF_RELATION[fact.relation]
        obj: URIRef | Literal
        if isinstance(fact.object, Value):
            obj = _literal(fact.object)
        else:
            obj, described = self.entity(fact.object)
            out += described
        out.append((s, prop, obj))
        role = ROLE_OF_RELATION.get(fact.relation)
        if role is not None and isinstance(obj, URIRef):
            credit = credit_iri(s, fact.relation.value, obj)
            out += [
                (s, _credit, credit),
                (credit, RDF.type, _Credit),
                (credit, _film, s),
                (credit, _person, obj),
                (credit, _role, role),
            ]
            if fact.character:
                out.append((credit, _characterName, Literal(fact.character)))
            if fact.billing_order is not None:
                out.append(
                    (
                        credit,
                        _billingOrder,
                        Literal(fact.billing_order, datatype=XSD.positiveInteger),
                    )
                )
        if fact.relation is Relation.RELEASE_DATE and (
            fact.platform or fact.region or fact.planned
        ):
            platform_iri = None
            if fact.platform is not None:
                platform_iri, described = self.entity(fact.platform)
                out += described
            release = release_iri(s, str(obj), platform_iri)
            out += [
                (s, _release, release),
                (release, RDF.type, _Release),
                (release, RDF.type, _StreamingRelease if platform_iri else _TheatricalRelease),
                (release, _date, obj),
            ]
            if platform_iri is not None:
                out.append((release, _platform, platform_iri))
            if fact.region:
                out.append((release, _region, Literal(fact.region)))
            out.append((release, _planned, Literal(fact.planned)))
        if fact.evidence is not None and fact.evidence.sentence:
            out += self.evidence(fact.evidence, s, prop, obj, fact.ambiguous)
        return out


def facts_to_triples(facts: Iterable[Fact], resolver: Resolver, *, graph: str) -> Iterator[Triple]:
    """RDF triples for ``facts``, entities named by ``resolver``, evidence nodes under ``graph``."""
    writer = _Writer(resolver, graph)
    for fact in facts:
        yield from writer.fact(fact)


@dataclass(kw_only=True)
class SourceInfo:
    """What we record about a loaded source (plain values; written by :func:`source_triples`)."""

    graph: str
    path: str
    checksum: str
    loader: str
    title: str | None = None
    url: str | None = None
    published: str | None = None
    extractor: str | None = None
    mapping: str | None = None
    contains: list[str] = field(default_factory=list)
    loaded_at: datetime = field(default_factory=lambda: datetime.now(UTC).replace(microsecond=0))


def source_triples(info: SourceInfo) -> list[Triple]:
    """The PROV-O / Dublin Core description of a source, stored in the source's own graph."""
    g = URIRef(info.graph)
    out: list[Triple] = [
        (g, RDF.type, KG.SourceDocument),
        (g, RDF.type, PROV.Entity),
        (g, KG.sourcePath, Literal(info.path)),
        (g, KG.checksum, Literal(info.checksum)),
        (g, KG.loader, Literal(info.loader)),
        (g, PROV.generatedAtTime, Literal(info.loaded_at.isoformat(), datatype=XSD.dateTime)),
    ]
    if "://" in info.path:
        out.append((g, DCTERMS.source, URIRef(info.path)))
    else:
        out.append((g, DCTERMS.source, URIRef(Path(info.path).resolve().as_uri())))
    if info.title:
        out.append((g, DCTERMS.title, Literal(info.title)))
    if info.url:
        out.append((g, DCTERMS.identifier, URIRef(info.url)))
    if info.published:
        out.append((g, DCTERMS.issued, Literal(info.published, datatype=XSD.date)))
    if info.extractor:
        out.append((g, KG.extractor, Literal(info.extractor)))
    if info.mapping:
        out.append((g, KG.mapping, Literal(info.mapping)))
    for other in info.contains:
        out.append((g, KG.containsGraph, URIRef(other)))
    return out
