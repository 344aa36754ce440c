"""Mentions -> canonical entities (IRIs): the only place that decides "same entity".

Policy (see docs/decisions/0002-iri-policy.md):

- people, organisations, series and countries are one node per normalised name and type family;
- films are one node per normalised title; when one batch holds *different* films with the same
  title (told apart by year or by a source key), each gets the year (and if needed the key) as a
  qualifier, so ``Hamlet`` (1948) and ``Hamlet`` (1996) are two nodes.

>>> from kg.model import EntityRef, EntityType
>>> r = Resolver()
>>> refs = [EntityRef(EntityType.FILM, "Hamlet", year=1948, key="1"),
...         EntityRef(EntityType.FILM, "Hamlet", year=1996, key="2"),
...         EntityRef(EntityType.PERSON, "Kenneth Branagh")]
>>> r.plan(refs)
>>> [str(r.iri(x)).rsplit("/", 2)[-2:] for x in refs]
[['film', 'hamlet-1948'], ['film', 'hamlet-1996'], ['person', 'kenneth-branagh']]
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from rdflib import URIRef

from .iri import entity_iri, slugify
from .model import EntityRef, EntityType

__all__ = ["Resolver", "entity_kind", "normalise_name"]

_KIND = {
    EntityType.FILM: "film",
    EntityType.FILM_SERIES: "series",
    EntityType.PERSON: "person",
    EntityType.ORGANIZATION: "organization",
    EntityType.STUDIO: "organization",
    EntityType.PRODUCTION_COMPANY: "organization",
    EntityType.DISTRIBUTOR: "organization",
    EntityType.STREAMING_SERVICE: "organization",
    EntityType.COUNTRY: "country",
}


def entity_kind(entity_type: EntityType) -> str:
    """The IRI kind (path segment) of an entity type: every organisation type is one kind.

    >>> entity_kind(EntityType.STREAMING_SERVICE)
    'organization'
    """
    return _KIND[entity_type]


def normalise_name(name: str) -> str:
    """Key under which two spellings of a name are the same: case, spacing and punctuation folded
    (accents kept: "Martín" and "Martin" may be two people).

    >>> normalise_name("  Étienne  CHICOT ") == normalise_name("étienne chicot")
    True
    """
    return slugify(name)


class Resolver:
    """Assigns IRIs to :class:`~kg.model.EntityRef` objects under the project's identity policy."""

    def __init__(self) -> None:
        self._film_qualifier: dict[tuple[str, int | None, str | None], str | None] = {}
        self._known: dict[EntityRef, URIRef] = {}

    def plan(self, refs: Iterable[EntityRef]) -> None:
        """Look at a batch of refs first, so films sharing a title are told apart by year/key."""
        by_title: dict[str, set[tuple[int | None, str | None]]] = defaultdict(set)
        for ref in refs:
            if ref.type is EntityType.FILM:
                by_title[normalise_name(ref.name)].add((ref.year, ref.key))
        for title, variants in by_title.items():
            if len(variants) == 1:
                ((year, key),) = variants
                self._film_qualifier[(title, year, key)] = None
                continue
            years: dict[int | None, int] = defaultdict(int)
            for year, _ in variants:
                years[year] += 1
            for year, key in variants:
                if year is not None and years[year] == 1:
                    qualifier: str | None = str(year)
                else:
                    qualifier = "-".join(str(p) for p in (year, key) if p is not None) or None
                self._film_qualifier[(title, year, key)] = qualifier
        self._known.clear()

    def iri(self, ref: EntityRef) -> URIRef:
        """The IRI of ``ref``."""
        known = self._known.get(ref)
        if known is not None:
            return known
        if ref.type is EntityType.FILM:
            qualifier = self._film_qualifier.get((normalise_name(ref.name), ref.year, ref.key))
            iri = entity_iri("film", ref.name, qualifier=qualifier)
        else:
            iri = entity_iri(entity_kind(ref.type), ref.name)
        self._known[ref] = iri
        return iri
