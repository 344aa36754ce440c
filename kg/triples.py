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

import math
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Generic, TypeAlias, TypeVar

from rdflib import Literal, URIRef
from rdflib.namespace import DCTERMS, RDF, RDFS, XSD
from rdflib.term import Node

from .iri import credit_iri_head, credit_iri_tail, credit_iri_text, evidence_iri, release_iri
from .model import (
    ROLE_BY_RELATION,
    ROLES,
    EntityRef,
    EntityType,
    Evidence,
    Fact,
    Relation,
    RowFact,
    TableRow,
    Value,
    ValueType,
)
from .namespace import KG, PROV
from .resolve import Resolver
from .store import Triple

__all__ = [
    "CLASS_OF_TYPE",
    "PROPERTY_OF_RELATION",
    "ROLE_OF_RELATION",
    "CreditNote",
    "SourceInfo",
    "TripleCount",
    "facts_to_ntriples",
    "facts_to_triples",
    "source_triples",
    "table_rows_to_ntriples",
    "triples_to_ntriples",
]

T = TypeVar("T")

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
    EntityType.WORK: KG.Work,
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

_XSD = "http://www.w3.org/2001/XMLSchema#"
_SKOS_ALT_LABEL = "http://www.w3.org/2004/02/skos/core#altLabel"


class _Terms(Generic[T]):
    """How the writer spells terms: :class:`_RdflibTerms` (rdflib terms, for Python callers) or
    :class:`_TextTerms` (N-Triples text, for the store's bulk loader). The mapping itself is
    written once, in :class:`_Writer`, whatever the spelling."""

    def iri(self, value: str) -> T:
        raise NotImplementedError

    def literal(self, text: str, datatype: str | None = None) -> T:
        """A literal from its lexical form (``datatype`` an IRI; ``None`` for a plain string)."""
        raise NotImplementedError

    def python(self, value: bool | int | float, datatype: str | None = None) -> T:
        """A literal of a Python value, in rdflib's canonical lexical form."""
        raise NotImplementedError


class _RdflibTerms(_Terms[Node]):
    def iri(self, value: str) -> Node:
        return value if type(value) is URIRef else URIRef(value)

    def literal(self, text: str, datatype: str | None = None) -> Node:
        return Literal(text, datatype=datatype) if datatype is not None else Literal(text)

    def python(self, value: bool | int | float, datatype: str | None = None) -> Node:
        return Literal(value, datatype=datatype)


def nt_string(text: str) -> str:
    r"""``text`` as an N-Triples string (quotes, backslashes and line breaks escaped).

    >>> print(nt_string('say "hi"\n'))
    "say \"hi\"\n"
    """
    if "\\" in text or '"' in text or "\n" in text or "\r" in text:
        text = (
            text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r")
        )
    return f'"{text}"'


class _TextTerms(_Terms[str]):
    def iri(self, value: str) -> str:
        return f"<{value}>"

    def literal(self, text: str, datatype: str | None = None) -> str:
        if datatype is None:
            return nt_string(text)
        if datatype == _XSD_INTEGER and not (
            text.isascii() and text.isdigit() and (text[0] != "0" or text == "0")
        ):
            text = str(Literal(text, datatype=datatype))  # rdflib's canonical form ("007" -> "7")
        return f"{nt_string(text)}^^<{datatype}>"

    def python(self, value: bool | int | float, datatype: str | None = None) -> str:
        # the writer's own values (offsets, confidences, billing orders, flags) spelt as rdflib
        # spells them, without making a Literal (three per evidence node); others through rdflib
        kind = type(value)
        if kind is int and (datatype is None or (datatype == _XSD_POSITIVE and value > 0)):
            return f'"{value}"^^<{datatype or _XSD_INTEGER}>'
        if kind is float and datatype == _XSD_DECIMAL and math.isfinite(value):
            return f'"{value}"^^<{_XSD_DECIMAL}>'  # rdflib's lexical form of a float is str()
        if kind is bool and datatype is None:
            return f'"{"true" if value else "false"}"^^<{_XSD}boolean>'
        return str(Literal(value, datatype=datatype).n3())


_XSD_INTEGER = _XSD + "integer"
_XSD_POSITIVE = _XSD + "positiveInteger"
_XSD_DECIMAL = _XSD + "decimal"

_DATATYPE: dict[ValueType, str | None] = {
    ValueType.STRING: None,
    ValueType.DATE: _XSD + "date",
    ValueType.YEAR_MONTH: _XSD + "gYearMonth",
    ValueType.YEAR: _XSD + "gYear",
    ValueType.INTEGER: _XSD + "integer",
}


class _Vocabulary(Generic[T]):
    """The terms the mapping writes, spelt once per writer (a misspelt term fails at once)."""

    def __init__(self, terms: _Terms[T]) -> None:
        i = terms.iri
        self.type, self.label = i(str(RDF.type)), i(str(RDFS.label))
        self.statement, self.subject = i(str(RDF.Statement)), i(str(RDF.subject))
        self.predicate, self.object = i(str(RDF.predicate)), i(str(RDF.object))
        self.derived_from, self.alt_label = i(str(PROV.wasDerivedFrom)), i(_SKOS_ALT_LABEL)
        self.class_of = {t: i(str(c)) for t, c in CLASS_OF_TYPE.items()}
        self.property_of = {r: i(str(p)) for r, p in PROPERTY_OF_RELATION.items()}
        self.role_of = {r: i(str(p)) for r, p in ROLE_OF_RELATION.items()}
        self.Credit = i(str(KG.Credit))
        self.Evidence = i(str(KG.Evidence))
        self.Organization = i(str(KG.Organization))
        self.Release = i(str(KG.Release))
        self.StreamingRelease = i(str(KG.StreamingRelease))
        self.TheatricalRelease = i(str(KG.TheatricalRelease))
        self.ambiguous = i(str(KG.ambiguous))
        self.billingOrder = i(str(KG.billingOrder))
        self.characterName = i(str(KG.characterName))
        self.confidence = i(str(KG.confidence))
        self.credit = i(str(KG.credit))
        self.date = i(str(KG.date))
        self.endOffset = i(str(KG.endOffset))
        self.extractor = i(str(KG.extractor))
        self.extractionRule = i(str(KG.extractionRule))
        self.film = i(str(KG.film))
        self.name = i(str(KG.name))
        self.person = i(str(KG.person))
        self.planned = i(str(KG.planned))
        self.platform = i(str(KG.platform))
        self.region = i(str(KG.region))
        self.release = i(str(KG.release))
        self.role = i(str(KG.role))
        self.sentence = i(str(KG.sentence))
        self.startOffset = i(str(KG.startOffset))
        self.title = i(str(KG.title))
        self.year = i(str(KG.year))


class _Writer(Generic[T]):
    """Turns facts into triples under the ontology; emits each entity description once."""

    def __init__(self, terms: _Terms[T], resolver: Resolver, graph: str) -> None:
        self.terms = terms
        self.v = _Vocabulary(terms)
        self.resolver = resolver
        self.graph = graph
        self.described: set[T] = set()
        self._iris: dict[EntityRef, tuple[str, T]] = {}
        self._objects: dict[
            tuple[Relation, int], tuple[EntityRef | Value, T, str, T, T | None, str, bool]
        ] = {}
        """What :meth:`row` made of each (relation, object): the object kept alive with its
        property, text (of an entity's IRI), term, role, the tail of its credits' IRIs and
        whether the relation is one of :data:`kg.model.ROLES` (a table's objects are one
        object per distinct value, so each is spelt once, not once per row)."""
        self._subject: tuple[EntityRef | None, str, T | None] = (None, "", None)
        """The last fact's subject and its IRI (text, term): a table row's facts share one
        subject object, described by the first (hashing an :class:`EntityRef` again per fact
        was a tenth of the writer's time)."""
        self.film_again = False
        self._locals: set[str] = set()
        """Whether the film of the last :meth:`row` was described before it (see
        :class:`TripleCount`)."""

    def iri(self, ref: EntityRef) -> tuple[str, T]:
        """The IRI of ``ref`` as text and as a term."""
        hit = self._iris.get(ref)
        if hit is None:
            text = str(self.resolver.iri(ref))
            hit = self._iris[ref] = (text, self.terms.iri(text))
        return hit

    def entity(self, ref: EntityRef) -> tuple[str, T, list[tuple[T, T, T]]]:
        text, iri = self.iri(ref)
        if iri in self.described:
            return text, iri, []
        self.described.add(iri)
        v = self.v
        label = self.terms.literal(ref.name)
        out = [(iri, v.type, v.class_of[ref.type]), (iri, v.label, label)]
        if ref.type is EntityType.FILM:
            out.append((iri, v.title, label))
            if ref.year is not None:
                out.append((iri, v.year, self.terms.literal(f"{ref.year:04d}", _XSD + "gYear")))
        elif ref.type is not EntityType.COUNTRY:
            out.append((iri, v.name, label))
        if ref.type in _ORGANIZATION_TYPES and ref.type is not EntityType.ORGANIZATION:
            out.append((iri, v.type, v.Organization))
        for alias in ref.aliases:
            out.append((iri, v.alt_label, self.terms.literal(alias)))
        return text, iri, out

    def evidence(
        self,
        evidence: Evidence,
        s: tuple[str, T],
        p: tuple[str, T],
        o: tuple[str, T],
        ambiguous: bool,
    ) -> list[tuple[T, T, T]]:
        """The evidence node of a fact: ``s``, ``p``, ``o`` as (text, term) pairs."""
        t, v = self.terms, self.v
        node = t.iri(str(evidence_iri(self.graph, s[0], p[0], o[0], evidence.start, evidence.end)))
        out = [
            (node, v.type, v.Evidence),
            (node, v.type, v.statement),
            (node, v.subject, s[1]),
            (node, v.predicate, p[1]),
            (node, v.object, o[1]),
            (node, v.sentence, t.literal(evidence.sentence)),
            (node, v.startOffset, t.python(evidence.start)),
            (node, v.endOffset, t.python(evidence.end)),
            (node, v.confidence, t.python(round(evidence.confidence, 4), _XSD + "decimal")),
            (node, v.derived_from, t.iri(self.graph)),
        ]
        if evidence.extractor:
            out.append((node, v.extractor, t.literal(evidence.extractor)))
        if evidence.rule:
            out.append((node, v.extractionRule, t.literal(evidence.rule)))
        if ambiguous:
            out.append((node, v.ambiguous, t.python(True)))
        return out

    def credit(
        self, s_text: str, s: T, relation: Relation, o_text: str, obj: T, role: T
    ) -> tuple[T, list[tuple[T, T, T]]]:
        """The credit node of a film ``s`` and a person (or company) ``obj`` in ``role``, and
        its triples (``s_text``, ``o_text``: the IRIs as text)."""
        v = self.v
        credit = self.terms.iri(credit_iri_text(s_text, relation.value, o_text))
        return credit, [
            (s, v.credit, credit),
            (credit, v.type, v.Credit),
            (credit, v.film, s),
            (credit, v.person, obj),
            (credit, v.role, role),
        ]

    def row(
        self,
        film: EntityRef,
        facts: list[RowFact],
        credits: list[tuple[int, int, str, T, str, str | None, T | None]] | None = None,
    ) -> list[tuple[T, T, T]]:
        """The triples of a table row: :meth:`fact` of each of its facts about ``film`` (with
        no evidence sentence: a table's is the whole file), in the same order. A fact with no
        character, billing order or region (most of them) is written from what was made of
        its object the first time (:meth:`_object`). ``credits``, if given, receives the
        credits of the row (its facts of a relation of :data:`kg.model.ROLES`) as
        :data:`CreditNote` tuples, unless a fact of the row has a qualifier or a credit's
        object is a literal (then it is left empty)."""
        s_text, s, out = self.entity(film)
        # described before (by an earlier row, or as an object), or a film of the same last
        # segment had a row (credit and release IRIs are made of that segment)
        local = s_text.rsplit("/", 1)[-1]
        self.film_again = not out or local in self._locals
        self._locals.add(local)
        self._subject = (film, s_text, s)
        objects, iri, v = self._objects, self.terms.iri, self.v
        head = credit_iri_head(s_text)  # of the IRIs of its credits (credit_iri_text)
        for fact in facts:
            relation, obj, character, billing, region = fact
            if character or billing is not None or region:
                qualified = Fact(
                    film, relation, obj, character=character, billing_order=billing, region=region
                )
                out += self.fact(qualified)
                if credits:  # a credit may be among its triples: the row's are found in them
                    credits.clear()
                credits = None
                continue
            made = objects.get((relation, id(obj)))
            if made is None:
                made = self._object(relation, obj, out)
            _, prop, o_text, o, role, tail, credited = made
            start = len(out)
            out.append((s, prop, o))
            node = None
            if role is not None:  # as self.credit() writes it
                node = head + tail
                credit = iri(node)
                out += [
                    (s, v.credit, credit),
                    (credit, v.type, v.Credit),
                    (credit, v.film, s),
                    (credit, v.person, o),
                    (credit, v.role, role),
                ]
            if credited and credits is not None:
                if o_text:
                    credits.append((start, len(out), s_text, prop, o_text, node, role))
                else:  # a literal's credit: the row's credits are found in its triples
                    credits.clear()
                    credits = None
        return out

    def _object(
        self, relation: Relation, obj: EntityRef | Value, out: list[tuple[T, T, T]]
    ) -> tuple[EntityRef | Value, T, str, T, T | None, str, bool]:
        """What :meth:`row` keeps of ``obj`` as the object of ``relation``, as :meth:`fact`
        makes it; an entity's description goes into ``out`` (when it is its first mention)."""
        v = self.v
        term: T
        tail = ""
        if isinstance(obj, Value):
            o_text, term, role = "", self.terms.literal(obj.text, _DATATYPE[obj.type]), None
        else:
            o_text, term, described = self.entity(obj)
            out += described
            role = v.role_of.get(relation)
            if role is not None:
                tail = credit_iri_tail(relation.value, o_text)
        made = self._objects[(relation, id(obj))] = (
            obj,
            v.property_of[relation],
            o_text,
            term,
            role,
            tail,
            relation in ROLE_BY_RELATION,
        )
        return made

    def fact(self, fact: Fact) -> list[tuple[T, T, T]]:
        t, v = self.terms, self.v
        last, s_text, s_term = self._subject
        out: list[tuple[T, T, T]]
        if fact.subject is last and s_term is not None:  # described already: nothing to add
            s, out = s_term, []
        else:
            s_text, s, out = self.entity(fact.subject)
            self._subject = (fact.subject, s_text, s)
        prop = v.property_of[fact.relation]
        obj: T
        if isinstance(fact.object, Value):
            datatype = _DATATYPE[fact.object.type]
            obj = t.literal(fact.object.text, datatype)
            o_text = ""  # made below when a release or evidence IRI needs it
        else:
            o_text, obj, described = self.entity(fact.object)
            out += described
        out.append((s, prop, obj))
        role = v.role_of.get(fact.relation)
        if role is not None and not isinstance(fact.object, Value):
            credit, lines = self.credit(s_text, s, fact.relation, o_text, obj, role)
            out += lines
            if fact.character:
                out.append((credit, v.characterName, t.literal(fact.character)))
            if fact.billing_order is not None:
                order = t.python(fact.billing_order, _XSD + "positiveInteger")
                out.append((credit, v.billingOrder, order))
        if not o_text and isinstance(fact.object, Value):
            needed = fact.evidence is not None and fact.evidence.sentence
            if needed or fact.platform or fact.region or fact.planned:
                # the lexical form as rdflib normalises it (release and evidence IRIs hash it)
                o_text = str(Literal(fact.object.text, datatype=_DATATYPE[fact.object.type]))
        if fact.relation is Relation.RELEASE_DATE and (
            fact.platform or fact.region or fact.planned
        ):
            platform: tuple[str, T] | None = None
            if fact.platform is not None:
                p_text, p_iri, described = self.entity(fact.platform)
                platform = (p_text, p_iri)
                out += described
            release = t.iri(
                str(release_iri(s_text, o_text, platform[0] if platform is not None else None))
            )
            out += [
                (s, v.release, release),
                (release, v.type, v.Release),
                (release, v.type, v.StreamingRelease if platform else v.TheatricalRelease),
                (release, v.date, obj),
            ]
            if platform is not None:
                out.append((release, v.platform, platform[1]))
            if fact.region:
                out.append((release, v.region, t.literal(fact.region)))
            out.append((release, v.planned, t.python(fact.planned)))
        if fact.evidence is not None and fact.evidence.sentence:
            out += self.evidence(
                fact.evidence, (s_text, s), (str(PROPERTY_OF_RELATION[fact.relation]), prop),
                (o_text, obj), fact.ambiguous,
            )  # fmt: skip
        return out


def facts_to_triples(facts: Iterable[Fact], resolver: Resolver, *, graph: str) -> Iterator[Triple]:
    """RDF triples for ``facts``, entities named by ``resolver``, evidence nodes under ``graph``."""
    writer = _Writer(_RdflibTerms(), resolver, graph)
    for fact in facts:
        yield from writer.fact(fact)


def facts_to_ntriples(
    facts: Iterable[Fact],
    resolver: Resolver,
    *,
    graph: str,
    observe: Callable[[list[tuple[str, str, str]]], None] | None = None,
) -> Iterator[str]:
    r"""The triples of :func:`facts_to_triples` as N-Triples text, the lines of one fact at a
    time (the same graph, written as text for the store's bulk loader: no rdflib terms are made,
    which was most of the cost of loading a big table). ``observe``, if given, is shown each
    fact's triples as N-Triples terms before they become its lines (e.g.
    :meth:`kg.summary.GraphTally.note_terms`), so nobody needs to parse the text again.

    >>> from kg.model import EntityRef, EntityType, Fact, Relation
    >>> film = EntityRef(EntityType.FILM, 'Say "Hi"', year=1995)
    >>> fact = Fact(film, Relation.DIRECTOR, EntityRef(EntityType.PERSON, "Michael Mann"))
    >>> lines = "".join(facts_to_ntriples([fact], Resolver(), graph="urn:g")).splitlines()
    >>> print(lines[1])
    <https://w3id.org/filmkg/resource/film/say-hi> <http://www.w3.org/2000/01/rdf-schema#label> "Say \"Hi\"" .
    """
    writer = _Writer(_TextTerms(), resolver, graph)
    for fact in facts:
        triples = writer.fact(fact)
        if observe is not None:
            observe(triples)
        yield "".join([f"{s} {p} {o} .\n" for s, p, o in triples])


CreditNote: TypeAlias = tuple[int, int, str, str, str, str | None, str | None]
"""A credit of a table row as :func:`table_rows_to_ntriples` shows it: ``(start, end, film,
property, agent, node, role)``: its triples are the row's from ``start`` to ``end`` (the film's
triple of the role ``property``, then those of its credit ``node`` with its ``role``, if the
role has credit nodes: else both are ``None``); the film, agent and node as IRI text, the
property and role as N-Triples terms."""


@dataclass
class TripleCount:
    """The distinct triples :func:`table_rows_to_ntriples` wrote, counted as it writes them, so
    that nobody counts the graph again; ``exact`` is false when the count may be too high.

    A row's lines are written once each (a film's title and year are both in its description
    and among its facts). Lines of two rows can be equal only when both are about one film:
    every line of a row is about its film (or a credit or release node named after it), but
    the descriptions of entities met for the first time, which no other row repeats. So the
    count is exact unless a row's film was described before its row came (by an earlier row
    of the same film, or as the object of another film's fact) or shares the last segment of
    its IRI with an earlier row's film: then it is only an upper bound.
    """

    triples: int = 0
    exact: bool = True


def table_rows_to_ntriples(
    rows: Iterable[TableRow],
    resolver: Resolver,
    *,
    graph: str,
    observe: Callable[[list[tuple[str, str, str]], list[CreditNote]], None] | None = None,
    count: TripleCount | None = None,
) -> Iterator[str]:
    r"""The triples of :func:`facts_to_ntriples` for a table's rows, one row at a time, in the
    same order, each line of a row once (see :meth:`_Writer.row`). ``observe`` is shown each
    row's triples as N-Triples terms (repeats included) and its credits (a list of
    :data:`CreditNote`, empty when a fact of the row has a qualifier: e.g.
    :meth:`kg.summary.GraphTally.note_row`); ``count``, if given, counts the distinct triples
    (see :class:`TripleCount`).

    >>> from kg.model import EntityRef, EntityType, Relation, TableRow, Value
    >>> film = EntityRef(EntityType.FILM, "Heat", year=1995)
    >>> row = TableRow(film, [(Relation.TITLE, Value("Heat"), None, None, None)])
    >>> count = TripleCount()
    >>> lines = "".join(table_rows_to_ntriples([row], Resolver(), graph="urn:g", count=count))
    >>> facts = "".join(facts_to_ntriples(row.facts_with(None), Resolver(), graph="urn:g"))
    >>> lines.splitlines() == list(dict.fromkeys(facts.splitlines()))  # the title once
    True
    >>> count
    TripleCount(triples=4, exact=True)
    """
    writer = _Writer(_TextTerms(), resolver, graph)
    count = count if count is not None else TripleCount()
    for row in rows:
        if observe is None:
            triples = writer.row(row.film, row.facts)
        else:
            credits: list[CreditNote] = []
            triples = writer.row(row.film, row.facts, credits)
            observe(triples, credits)
        unique = dict.fromkeys(triples)
        count.triples += len(unique)
        if writer.film_again:
            count.exact = False
        yield " .\n".join(map(" ".join, unique)) + " .\n" if unique else ""


def triples_to_ntriples(triples: Iterable[Triple]) -> Iterator[str]:
    r"""rdflib triples as N-Triples lines.

    >>> list(triples_to_ntriples([(URIRef("urn:a"), URIRef("urn:b"), Literal("c"))]))
    ['<urn:a> <urn:b> "c" .\n']
    """
    for s, p, o in triples:
        yield f"{s.n3()} {p.n3()} {o.n3()} .\n"


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
