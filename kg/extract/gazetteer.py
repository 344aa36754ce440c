"""Names the extractor may already know: the store's films, people, series and companies.

Built by :mod:`kg.ingest` from what the store holds (after ``kg load`` of the Wikidata films
table, its 17k titles and 64k people); empty on an empty store, where extraction works from the
wording alone. Lookups fold case and spacing: news writes "Meet The Fockers" and "Meet the
Fockers" for one film.

>>> from kg.model import EntityRef, EntityType
>>> g = Gazetteer.from_refs([EntityRef(EntityType.FILM, "Heat", year=1995),
...                          EntityRef(EntityType.PERSON, "Al Pacino")])
>>> g.kind("HEAT"), g.kind("al  pacino"), g.kind("Ronin")
('film', 'person', None)
>>> g.film("heat").year
1995
"""

# ruff: noqa: RUF001, RUF002  (typographic quotes and dashes are data here)

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from ..model import EntityRef, EntityType

__all__ = ["Gazetteer", "fold_name", "name_key"]


def fold_name(name: str) -> str:
    """:func:`name_key` without its cache (for names that each come once, a store's).

    >>> fold_name("Howl’s  Moving Castle")
    "howl's moving castle"
    """
    return " ".join(name.replace("’", "'").casefold().split())


@functools.lru_cache(maxsize=1 << 16)  # the same names come back hundreds of thousands of times
def name_key(name: str) -> str:
    """The lookup key of a name: case and spacing folded, curly apostrophes straightened.

    >>> name_key("  Howl’s   Moving Castle ")
    "howl's moving castle"
    """
    return fold_name(name)


_KIND = {
    EntityType.FILM: "film",
    EntityType.FILM_SERIES: "series",
    EntityType.PERSON: "person",
    EntityType.COUNTRY: "country",
}


@dataclass
class Gazetteer:
    """Known names by kind (``film``, ``person``, ``series``, ``org``), names and aliases alike."""

    entries: dict[str, EntityRef] = field(default_factory=dict)
    kinds: dict[str, str] = field(default_factory=dict)

    @classmethod
    def from_refs(cls, refs: Iterable[EntityRef]) -> Gazetteer:
        """A gazetteer of ``refs`` (each indexed under its name and aliases)."""
        g = cls()
        g._index(refs, fold_name)  # not the cached key: each of a store's ~80k names comes once
        return g

    def add(self, ref: EntityRef) -> None:
        """Index ``ref``. A name known as two kinds keeps the first (films come first)."""
        self._index((ref,), name_key)

    def _index(self, refs: Iterable[EntityRef], key_of: Callable[[str], str]) -> None:
        kinds, entries = self.kinds, self.entries
        for ref in refs:  # one loop for a store's refs: a call per ref took a fifth of the time
            kind = _KIND.get(ref.type, "org")
            if kind == "country":
                continue
            for name in (ref.name, *ref.aliases):
                key = key_of(name)
                if key and key not in kinds:
                    kinds[key] = kind
                    entries[key] = ref

    def kind(self, name: str) -> str | None:
        """What ``name`` is known as, else ``None``."""
        return self.kinds.get(name_key(name))

    def film(self, name: str) -> EntityRef | None:
        """The known film called ``name``, else ``None``."""
        key = name_key(name)
        return self.entries.get(key) if self.kinds.get(key) == "film" else None

    def __len__(self) -> int:
        return len(self.kinds)
