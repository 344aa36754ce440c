"""The store's known names as the extractor's gazetteer, kept beside the store generation.

:func:`kg.ingest.known_names` gives the extractor the names of a store's films, people, series
and companies (:class:`~kg.extract.Gazetteer`). Made from a store holding the Wikidata table
(about 83k names) that took a third of a one-article ``kg load``: an :class:`~kg.model.EntityRef`
per entity, then every name folded. :class:`NameTables` holds the same gazetteer as plain dicts
that :mod:`marshal` reads back in milliseconds; a load keeps them beside the known entities
(:class:`~kg.resolve.KnownEntities`) of the generation it publishes, brought up to date from
the entities it learned (:meth:`NameTables.update`) instead of made again.

The tables are exactly :meth:`Gazetteer.from_refs <kg.extract.Gazetteer.from_refs>` of
:meth:`KnownEntities.refs <kg.resolve.KnownEntities.refs>`: each name key goes to the first entity
that has it, films first, then series, people and companies, each kind in the index's order.

>>> from kg.resolve import KnownEntities, KnownEntity
>>> known = KnownEntities([KnownEntity("urn:p", "person", "Heat"),
...                        KnownEntity("urn:f", "film", "Heat", year=1995)])
>>> tables = NameTables.of(known)
>>> g = tables.gazetteer()
>>> g.kind("heat"), g.film("HEAT").year
('film', 1995)
>>> NameTables.from_bytes(tables.to_bytes(b"entities"), b"entities").gazetteer() == g
True
"""

from __future__ import annotations

import marshal
import zlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .extract.gazetteer import Gazetteer, fold_name
from .model import EntityRef, EntityType

if TYPE_CHECKING:
    from .resolve import KnownEntities

__all__ = ["NameTables"]

_ORDER = {"film": 0, "series": 1, "person": 2, "organization": 3}
"""The kinds a gazetteer holds, in the order :meth:`KnownEntities.refs` gives them."""

_GAZETTEER_KIND = {"film": "film", "series": "series", "person": "person", "organization": "org"}

_POSITIONS = 1 << 32
"""A rank is ``kind order * _POSITIONS + position in the index``: lower ranks come first."""


@dataclass
class NameTables:
    """A gazetteer as plain data: each name key's kind and the rank of the entity it is the name
    of, and the title, year and aliases of each film that holds a name (by rank)."""

    kinds: dict[str, str] = field(default_factory=dict)
    ranks: dict[str, int] = field(default_factory=dict)
    films: dict[int, tuple[str, int | None, tuple[str, ...]]] = field(default_factory=dict)

    FORMAT = 1

    @classmethod
    def of(cls, known: KnownEntities) -> NameTables:
        """The tables of every entity ``known`` holds."""
        tables = cls()
        tables._index(known, enumerate(known.by_iri))
        return tables

    def update(self, known: KnownEntities, changed: Iterable[str]) -> None:
        """Bring the tables of an earlier state of ``known`` up to date, where ``changed`` holds
        (at least) every entity added since, or given names or a year since. Entities never lose
        names and keep their place in the index, so a key's entity is the first of the one it
        had and the changed entities that have it.

        >>> from kg.resolve import KnownEntities, KnownEntity
        >>> known = KnownEntities([KnownEntity("urn:p", "person", "Heat")])
        >>> tables = NameTables.of(known)
        >>> known.add(KnownEntity("urn:f", "film", "Heat", year=1995))
        >>> tables.update(known, ["urn:f"])
        >>> tables.gazetteer() == NameTables.of(known).gazetteer()
        True
        """
        wanted = set(changed)
        if wanted:
            self._index(known, ((i, iri) for i, iri in enumerate(known.by_iri) if iri in wanted))

    def _index(self, known: KnownEntities, entities: Iterable[tuple[int, str]]) -> None:
        kinds, ranks, films, by_iri = self.kinds, self.ranks, self.films, known.by_iri
        for position, iri in entities:
            entity = by_iri[iri]
            order = _ORDER.get(entity.kind)
            if order is None:
                continue
            rank = order * _POSITIONS + position
            kind = _GAZETTEER_KIND[entity.kind]
            if order == 0:
                films[rank] = (entity.label, entity.year, tuple(sorted(entity.aliases)))
            for name in (entity.label, *entity.aliases):
                key = fold_name(name)
                if key:
                    old = ranks.get(key)
                    if old is None or rank < old:
                        ranks[key] = rank
                        kinds[key] = kind

    def gazetteer(self) -> Gazetteer | None:
        """The extractor's gazetteer (``None`` when there are no names): its
        :attr:`~kg.extract.Gazetteer.entries` hold the films, which is all
        :meth:`~kg.extract.Gazetteer.film` reads."""
        if not self.kinds:
            return None
        refs: dict[int, EntityRef] = {}
        entries: dict[str, EntityRef] = {}
        films, ranks = self.films, self.ranks
        for key, kind in self.kinds.items():
            if kind == "film":
                rank = ranks[key]
                ref = refs.get(rank)
                if ref is None:
                    title, year, aliases = films[rank]
                    ref = refs[rank] = EntityRef(EntityType.FILM, title, year, aliases)
                entries[key] = ref
        return Gazetteer(entries, dict(self.kinds))

    def to_bytes(self, entities: bytes) -> bytes:
        """The tables as bytes, tied to the known entities (as bytes) they were made from."""
        films = {rank: self.films[rank] for rank in set(self.ranks.values()) if rank in self.films}
        return marshal.dumps((self.FORMAT, _token(entities), self.kinds, self.ranks, films))

    @classmethod
    def from_bytes(cls, data: bytes, entities: bytes) -> NameTables:
        """Tables written by :meth:`to_bytes` with these known ``entities``; raises
        ``ValueError`` if ``data`` is not such tables, or was made from other entities.

        >>> NameTables.from_bytes(NameTables().to_bytes(b"a"), b"b")
        Traceback (most recent call last):
        ...
        ValueError: known names made from other known entities
        """
        try:
            fmt, token, kinds, ranks, films = marshal.loads(data)
        except (EOFError, TypeError, ValueError) as err:
            raise ValueError(f"not a known-names table: {err}") from err
        if fmt != cls.FORMAT:
            raise ValueError(f"known-names format {fmt}, expected {cls.FORMAT}")
        if token != _token(entities):
            raise ValueError("known names made from other known entities")
        return cls(kinds, ranks, films)


def _token(entities: bytes) -> tuple[int, int]:
    """What ties tables to the known entities they describe: their size and CRC-32."""
    return len(entities), zlib.crc32(entities)
