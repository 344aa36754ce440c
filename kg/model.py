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

from dataclasses import dataclass, field
from enum import StrEnum

__all__ = [
    "ROLE_RELATIONS",
    "Document",
    "EntityRef",
    "EntityType",
    "Evidence",
    "Fact",
    "Relation",
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
    # Film attributes carried as literals
    TITLE = "title"
    YEAR = "year"
    RUNTIME = "runtime"
    GENRE = "genre"
    LANGUAGE = "language"
    IMDB_ID = "imdb_id"
    WIKIDATA_ID = "wikidata_id"


ROLE_RELATIONS: frozenset[Relation] = frozenset(
    {
        Relation.DIRECTOR,
        Relation.CAST_MEMBER,
        Relation.PRODUCER,
        Relation.EXECUTIVE_PRODUCER,
        Relation.SCREENWRITER,
        Relation.COMPOSER,
        Relation.CINEMATOGRAPHER,
        Relation.EDITOR,
    }
)
"""Relations that are person credits on a film (each becomes a Credit node)."""


class ValueType(StrEnum):
    """Datatypes of literal values."""

    STRING = "string"
    DATE = "date"  # ISO yyyy-mm-dd
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


@dataclass(slots=True)
class Document:
    """An article: its text and metadata. ``id`` is stable for a source (path or URL based)."""

    id: str
    text: str
    title: str | None = None
    url: str | None = None
    published: str | None = None  # ISO date
    source_path: str | None = None
    metadata: dict[str, str] = field(default_factory=dict)
