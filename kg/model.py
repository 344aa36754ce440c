"""Plain dataclasses passed between pipeline stages (no rdflib types upstream of :mod:`kg.triples`).

Loaders produce :class:`Document` objects (articles) or facts directly (tables); extractors produce
:class:`Fact` objects whose ends are :class:`EntityRef` (a thing named in a source, not yet resolved
to an IRI) or :class:`Value` (a literal such as a date); each fact carries :class:`Evidence`.

>>> film = EntityRef(EntityType.FILM, "Top Gun: Maverick", year=2022)
>>> cruise = EntityRef(EntityType.PERSON, "Tom Cruise")
>>> fact = Fact(film, Relation.CAST_MEMBER, cruise, character="Pete Mitchell")
>>> fact.relation.value, fact.object.name
('cast_member', 'Tom Cruise')
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from enum import StrEnum
from typing import TypeAlias

__all__ = [
    "ROLES",
    "ROLE_BY_RELATION",
    "ROLE_RELATIONS",
    "Document",
    "EntityRef",
    "EntityType",
    "Evidence",
    "Fact",
    "Failure",
    "RdfSource",
    "Record",
    "Relation",
    "Role",
    "RowFact",
    "TableRow",
    "TableSource",
    "Value",
    "ValueType",
]


class EntityType(StrEnum):
    """Kinds of things a fact can point to."""

    FILM = "film"
    FILM_SERIES = "film_series"
    PERSON = "person"
    ORGANIZATION = "organization"
    STUDIO = "studio"
    PRODUCTION_COMPANY = "production_company"
    DISTRIBUTOR = "distributor"
    STREAMING_SERVICE = "streaming_service"
    COUNTRY = "country"
    WORK = "work"  # what a film is adapted from when it is no film: a novel, a play, a comic


class Relation(StrEnum):
    """Relations between films and the things around them (names as in the gold files)."""

    DIRECTOR = "director"
    CAST_MEMBER = "cast_member"
    PRODUCER = "producer"
    EXECUTIVE_PRODUCER = "executive_producer"
    SCREENWRITER = "screenwriter"
    COMPOSER = "composer"
    CINEMATOGRAPHER = "cinematographer"
    EDITOR = "editor"
    PRODUCTION_COMPANY = "production_company"
    DISTRIBUTOR = "distributor"
    RELEASE_DATE = "release_date"
    COUNTRY = "country"
    BASED_ON = "based_on"
    FOLLOWS = "follows"
    FOLLOWED_BY = "followed_by"
    PART_OF_SERIES = "part_of_series"
    STREAMING_ON = "streaming_on"
    # Film attributes carried as literals
    TITLE = "title"
    YEAR = "year"
    RUNTIME = "runtime"
    GENRE = "genre"
    LANGUAGE = "language"
    IMDB_ID = "imdb_id"
    WIKIDATA_ID = "wikidata_id"


@dataclass(frozen=True, slots=True)
class Role:
    """One kind of credit on a film: the single place a role is defined.

    Everything else derives from :data:`ROLES`: the RDF mapping (``property_name``, ``role_individual``,
    ``agent_class`` are local names in the ``kg:`` ontology, checked against ``ontology/film.ttl``
    by the tests), the Wikidata alignment, the network projections' role names, the evaluation
    vocabulary and the extractor's cue words (``nouns`` name whoever holds the role, ``verbs`` are
    its participles and finite verbs, ``works`` name what the role makes: "the score by X").  Organisation roles (production company, distributor) have no
    credit node (``role_individual is None``).

    >>> ROLE_BY_RELATION[Relation.DIRECTOR].wikidata, ROLE_BY_RELATION[Relation.DIRECTOR].property_name
    ('P57', 'director')
    >>> [r.relation.value for r in ROLES if r.role_individual is None]
    ['production_company', 'distributor']
    """

    relation: Relation
    label: str
    property_name: str
    agent: EntityType
    wikidata: str
    role_individual: str | None = None
    agent_class: str | None = None
    nouns: tuple[str, ...] = ()
    verbs: tuple[str, ...] = ()
    works: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()

    @property
    def is_credit(self) -> bool:
        """Does a fact in this role get a credit node (a person's credit)?"""
        return self.role_individual is not None


ROLES: tuple[Role, ...] = (
    Role(
        Relation.DIRECTOR,
        "director",
        "director",
        EntityType.PERSON,
        "P57",
        "DirectorRole",
        "Director",
        nouns=("director", "film-maker", "filmmaker", "film maker", "helmer", "co-director"),
        verbs=(
            "directed",
            "direct",
            "directs",
            "directing",
            "helmed",
            "helm",
            "helms",
            "helming",
            "co-directed",
            "co-directing",
        ),
    ),
    Role(
        Relation.CAST_MEMBER,
        "cast member",
        "castMember",
        EntityType.PERSON,
        "P161",
        "CastMemberRole",
        "Actor",
        nouns=("actor", "actress", "star", "co-star", "lead", "cast member"),
        verbs=(
            "starring",
            "starred",
            "stars",
            "star",
            "played",
            "plays",
            "co-starring",
            "co-starred",
        ),
        aliases=("cast", "actor", "actors"),
    ),
    Role(
        Relation.PRODUCER,
        "producer",
        "producer",
        EntityType.PERSON,
        "P162",
        "ProducerRole",
        "Producer",
        nouns=("producer", "co-producer"),
        verbs=("produced", "produce", "produces", "co-produced", "producing", "co-producing"),
    ),
    Role(
        Relation.EXECUTIVE_PRODUCER,
        "executive producer",
        "executiveProducer",
        EntityType.PERSON,
        "P1431",
        "ExecutiveProducerRole",
        "ExecutiveProducer",
        nouns=("executive producer",),
        verbs=(
            "executive produced",
            "executive-produced",
            "executive produce",
            "executive producing",
        ),
    ),
    Role(
        Relation.SCREENWRITER,
        "screenwriter",
        "screenwriter",
        EntityType.PERSON,
        "P58",
        "ScreenwriterRole",
        "Screenwriter",
        nouns=("screenwriter", "writer", "scriptwriter", "co-writer", "screen writer"),
        verbs=(
            "written",
            "wrote",
            "co-wrote",
            "co-written",
            "scripted",
            "penned",
            "co-scripted",
            "adapted",
            "writing",
            "co-writing",
            "write",
            "writes",
            "co-write",
            "co-writes",
        ),
        works=("screenplay", "script", "scenario"),
        aliases=("writer",),
    ),
    Role(
        Relation.COMPOSER,
        "composer",
        "composer",
        EntityType.PERSON,
        "P86",
        "ComposerRole",
        "Composer",
        nouns=("composer",),
        verbs=(
            "composed",
            "scored",
            "scoring",
            "composing",
            "score",
            "scores",
            "compose",
            "composes",
        ),
        works=("score", "music", "soundtrack"),
    ),
    Role(
        Relation.CINEMATOGRAPHER,
        "director of photography",
        "cinematographer",
        EntityType.PERSON,
        "P344",
        "CinematographerRole",
        "Cinematographer",
        nouns=("cinematographer", "director of photography", "cameraman"),
        verbs=("photographed", "lensed"),
        works=("cinematography", "photography", "camerawork"),
        aliases=("dop",),
    ),
    Role(
        Relation.EDITOR,
        "film editor",
        "editor",
        EntityType.PERSON,
        "P1040",
        "EditorRole",
        "Editor",
        nouns=("editor", "film editor"),
        verbs=("edited", "editing", "edit", "edits"),
        works=("editing",),
    ),
    Role(
        Relation.PRODUCTION_COMPANY,
        "production company",
        "productionCompany",
        EntityType.PRODUCTION_COMPANY,
        "P272",
        nouns=("production company", "studio", "producer", "co-producer"),
        verbs=("produced", "co-produced", "made"),
        works=("production", "co-production"),
        aliases=("studio",),
    ),
    Role(
        Relation.DISTRIBUTOR,
        "distributor",
        "distributor",
        EntityType.DISTRIBUTOR,
        "P750",
        nouns=("distributor",),
        verbs=("distributed",),
        works=("distribution",),
    ),
)
"""Every role an agent (person or company) has on a film, in the order people expect them."""

ROLE_BY_RELATION: dict[Relation, Role] = {role.relation: role for role in ROLES}
"""The :class:`Role` of each role relation."""

ROLE_RELATIONS: frozenset[Relation] = frozenset(r.relation for r in ROLES if r.is_credit)
"""Relations that are person credits on a film (each becomes a Credit node)."""


class ValueType(StrEnum):
    """Datatypes of literal values."""

    STRING = "string"
    DATE = "date"  # ISO yyyy-mm-dd
    YEAR_MONTH = "year_month"  # yyyy-mm ("May 2006")
    YEAR = "year"  # yyyy
    INTEGER = "integer"


@dataclass(frozen=True, slots=True)
class EntityRef:
    """A thing named in a source, before it is resolved to an IRI.

    ``key`` is a source-local identifier (e.g. a table's ID column) that tells namesakes apart.
    """

    type: EntityType
    name: str
    year: int | None = None
    aliases: tuple[str, ...] = ()
    key: str | None = None


@dataclass(frozen=True, slots=True)
class Value:
    """A literal value: ``Value("2023-07-14", ValueType.DATE)``."""

    text: str
    type: ValueType = ValueType.STRING


@dataclass(frozen=True, slots=True)
class Evidence:
    """Where a fact was read: the source, the sentence and its character offsets, the confidence.

    Offsets are into the document's text: ``text[start:end] == sentence``.
    """

    source_id: str
    sentence: str = ""
    start: int = 0
    end: int = 0
    confidence: float = 1.0
    extractor: str = ""
    rule: str = ""


@dataclass(frozen=True, slots=True)
class Fact:
    """One statement: subject, relation, object, plus qualifiers and evidence."""

    subject: EntityRef
    relation: Relation
    object: EntityRef | Value
    evidence: Evidence | None = None
    character: str | None = None
    billing_order: int | None = None
    region: str | None = None
    platform: EntityRef | None = None
    planned: bool = False
    ambiguous: bool = False


RowFact: TypeAlias = tuple[Relation, EntityRef | Value, str | None, int | None, str | None]
"""A fact of a table row about the row's film: ``(relation, object, character, billing order,
region)``, as a :class:`Fact` would hold them (a tuple: a big table has hundreds of thousands)."""


@dataclass(slots=True)
class TableRow:
    """A table row: its film and its facts about it (see :meth:`facts_with`).

    >>> film = EntityRef(EntityType.FILM, "Heat", year=1995)
    >>> row = TableRow(film, [(Relation.TITLE, Value("Heat"), None, None, None)])
    >>> [f.object for f in row.facts_with(None)]
    [Value(text='Heat', type=<ValueType.STRING: 'string'>)]
    """

    film: EntityRef
    facts: list[RowFact]

    def facts_with(self, evidence: Evidence | None) -> Iterator[Fact]:
        """The row's facts as :class:`Fact` objects with ``evidence``."""
        film = self.film
        for relation, obj, character, billing, region in self.facts:
            yield Fact(
                film,
                relation,
                obj,
                evidence,
                character=character,
                billing_order=billing,
                region=region,
            )


@dataclass(slots=True)
class Document:
    """An article: its text and metadata, as a loader read it.

    ``source`` is where the user loaded it from (a file path, a URL, or ``path#line`` for one
    article of a JSON-lines file): the key of its named graph. ``id`` names the document in
    evidence (the pipeline sets it to the graph IRI).
    """

    id: str
    text: str
    title: str | None = None
    url: str | None = None
    published: str | None = None  # ISO date
    source_path: str | None = None
    metadata: dict[str, str] = field(default_factory=dict)
    source: str | None = None


@dataclass(frozen=True, slots=True)
class TableSource:
    """A film table read through a mapping: one named graph of facts, made only if it changed.

    ``films()`` names every row's film (so the resolver can tell namesakes apart before the first
    fact), ``facts()`` streams the facts row by row, ``table_rows()`` the same facts as
    :class:`TableRow` objects (no :class:`Fact` per cell value), ``rows()`` counts rows for a
    progress bar.
    """

    path: str
    checksum: str
    reader: str
    mapping: str
    films: Callable[[], list[EntityRef]]
    facts: Callable[[], Iterator[Fact]]
    rows: Callable[[], int]
    table_rows: Callable[[], Iterator[TableRow]]
    title: str | None = None


@dataclass(frozen=True, slots=True)
class RdfSource:
    """An RDF file, handed unparsed to the store's bulk loader (its graph names kept)."""

    path: str
    checksum: str
    reader: str
    title: str | None = None


@dataclass(frozen=True, slots=True)
class Failure:
    """A source a loader could not read, when told to go on (``kg load --keep-going``)."""

    path: str
    message: str
    line: int | None = None

    def __str__(self) -> str:
        return f"{self.path}{f':{self.line}' if self.line is not None else ''}: {self.message}"


Record: TypeAlias = Document | TableSource | RdfSource | Failure
"""What a loader hands over: an article, a table, an RDF file, or (going on) a failure."""
