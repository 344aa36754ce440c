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

import hashlib
import marshal
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, TypeVar

from rdflib import URIRef

from .iri import entity_iri, slugify
from .model import ROLE_BY_RELATION, ROLES, EntityRef, EntityType, Fact
from .namespace import KG

if TYPE_CHECKING:
    from .reader import GraphReader

__all__ = [
    "KnownEntities",
    "KnownEntity",
    "Resolver",
    "entity_kind",
    "loose_key",
    "normalise_name",
    "resolve_facts",
]

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
    EntityType.WORK: "work",
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

    def assign(self, ref: EntityRef, iri: URIRef) -> None:
        """Name ``ref`` by ``iri`` (an existing node it was resolved to); call after :meth:`plan`."""
        self._known[ref] = iri

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


# ---------------------------------------------------------------- across documents


def loose_key(name: str) -> str:
    """A looser key than :func:`normalise_name`: accents stripped too (used only to find
    *candidates* for a merge, which then needs type and context to agree).

    >>> loose_key("Penélope Cruz") == loose_key("Penelope  CRUZ")
    True
    """
    if name.isascii():  # nothing to decompose, no accent to strip (most names of a table)
        return slugify(name)
    decomposed = unicodedata.normalize("NFKD", name)
    return slugify("".join(c for c in decomposed if not unicodedata.combining(c)))


@dataclass(slots=True)
class KnownEntity:
    """An entity already in the store: IRI, kind, label, aliases, year, graphs describing it."""

    iri: str
    kind: str
    label: str
    aliases: set[str] = field(default_factory=set)
    year: int | None = None
    graphs: set[str] = field(default_factory=set)
    films: set[str] = field(default_factory=set)  # context known without the store
    people: set[str] = field(default_factory=set)  # normalised names of a film's people


_KIND_OF_CLASS = {
    "Person": "person",
    "Film": "film",
    "FilmSeries": "series",
    "Organization": "organization",
}

_NAMES_QUERY = """
PREFIX kg: <https://w3id.org/filmkg/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT ?e ?c ?l ?g WHERE {
  VALUES ?c { kg:Person kg:Film kg:FilmSeries kg:Organization }
  GRAPH ?g { ?e a ?c ; %s ?l }
}
"""
_LABELS_QUERY = _NAMES_QUERY % "rdfs:label"
_ALIASES_QUERY = _NAMES_QUERY % "skos:altLabel"

_YEAR_QUERY = """
PREFIX kg: <https://w3id.org/filmkg/ontology#>
SELECT ?e ?y WHERE { ?e a kg:Film ; kg:year ?y }
"""

_LINKS_QUERY = (
    "SELECT ?film ?agent ?g WHERE { VALUES ?p { "
    + " ".join(f"<{KG}{role.property_name}>" for role in ROLES)
    + " } GRAPH ?g { ?film ?p ?agent } }"
)
"""Every film -> person/company link (the role properties), with the graph stating it."""


_ROLE_PROPERTIES = frozenset(f"{KG}{role.property_name}" for role in ROLES)

_AMBIGUOUS = re.compile(r"-ambiguous-[0-9a-f]{8}$")
"""Nodes of ambiguous mentions (one per article) are never candidates for a later merge."""


_IRIs = set[str] | tuple[str, ...]
_K = TypeVar("_K")


def _entity_row(
    e: KnownEntity,
) -> tuple[str, str, str, tuple[str, ...], int | None, tuple[str, ...]]:
    """What :meth:`KnownEntities.to_bytes` keeps of an entity."""
    return (e.iri, e.kind, e.label, tuple(e.aliases), e.year, tuple(e.graphs))


def _put(index: dict[_K, _IRIs], key: _K, iri: str) -> None:
    """Add ``iri`` under ``key`` (a tuple read from a sidecar becomes a set when first added to).

    >>> index: dict[str, _IRIs] = {"a": ("urn:x",)}
    >>> _put(index, "a", "urn:y"); _put(index, "b", "urn:z"); sorted(index["a"]), index["b"]
    (['urn:x', 'urn:y'], {'urn:z'})
    """
    found = index.get(key)
    if found is None:
        index[key] = {iri}
    elif type(found) is tuple:
        if iri not in found:
            index[key] = {*found, iri}
    else:
        found.add(iri)  # type: ignore[union-attr]


class _TitleIndex:
    """Loose keys (with the IRI each names) found again by rapidfuzz ratio, through segments:
    the fuzzy search of a title compares a few candidates instead of every key.

    Exact for a cutoff at least the one it was built for (it finds every key whose ratio
    reaches it): a key of length ``n`` is cut into one segment more than the most Indel
    operations (insertions, deletions) that a key of any length may be from it and still
    reach the cutoff, so a key close enough to it holds one of its segments untouched, shifted
    by no more than that many characters (the pigeonhole filter of Li et al.'s Pass-Join,
    2011). The search looks up each such substring of the title, for every length of key that
    can reach the cutoff, and scores the keys found in rapidfuzz. A lower cutoff scores every
    key.

    >>> index = _TitleIndex()
    >>> for i, key in enumerate(["the-glass-harbour", "glass-harbour-2", "the-long-goodbye"]):
    ...     index.add(key, f"urn:f{i}")
    >>> sorted(index.search("the-glass-harbor")), sorted(index.search("glass-harbor", 60.0))
    (['urn:f0'], ['urn:f0', 'urn:f1'])
    """

    def __init__(self, cutoff: float = 92.0) -> None:
        self.cutoff = cutoff
        self.keys: list[str] = []
        self.owners: list[str] = []
        self._segments: dict[tuple[int, int, str], list[int]] = {}
        self._pairs: set[tuple[str, str]] = set()
        self._parts: dict[int, tuple[tuple[int, int], ...]] = {}

    def _most_edits(self, a: int, b: int) -> int:
        """The most Indel operations between keys of lengths ``a`` and ``b`` whose ratio can
        still reach the cutoff (-1: none can, their lengths differ too much)."""
        total = a + b
        if total == 0 or 200 * min(a, b) < self.cutoff * total:
            return -1
        return int((1 - self.cutoff / 100) * total + 1e-9)

    def _partition(self, size: int) -> tuple[tuple[int, int], ...]:
        """``(start, length)`` of the segments of a key of ``size`` characters."""
        parts = self._parts.get(size)
        if parts is None:
            most = max((self._most_edits(n, size) for n in range(3 * size + 2)), default=0)
            k = max(1, min(most + 1, size))
            base, extra = divmod(size, k)
            cuts, start = [], 0
            for i in range(k):
                length = base + (i < extra)
                cuts.append((start, length))
                start += length
            parts = self._parts[size] = tuple(cuts)
        return parts

    def add(self, key: str, owner: str) -> None:
        """Index ``key`` as a name of ``owner`` (once)."""
        if (key, owner) in self._pairs:
            return
        self._pairs.add((key, owner))
        i = len(self.keys)
        self.keys.append(key)
        self.owners.append(owner)
        size, segments = len(key), self._segments
        for j, (start, length) in enumerate(self._partition(size)):
            segments.setdefault((size, j, key[start : start + length]), []).append(i)

    def search(self, key: str, cutoff: float = 92.0) -> set[str]:
        """The owners of keys whose rapidfuzz ratio to ``key`` is at least ``cutoff``."""
        from rapidfuzz import fuzz, process

        keys, ids = self.keys, []
        if cutoff < self.cutoff:
            ids = list(range(len(keys)))
        else:
            n, segments = len(key), self._segments
            hits: list[list[int]] = []
            shortest = int(n * self.cutoff / (200 - self.cutoff))
            longest = int(n * (200 - self.cutoff) / self.cutoff) + 1
            for size in range(max(shortest, 1), longest + 1):
                edits = self._most_edits(n, size)
                if edits < 0 or abs(n - size) > edits:
                    continue
                for j, (start, length) in enumerate(self._partition(size)):
                    for at in range(max(0, start - edits), min(n - length, start + edits) + 1):
                        hit = segments.get((size, j, key[at : at + length]))
                        if hit:
                            hits.append(hit)
            ids = list(set().union(*hits))
        found = process.extract(
            key,
            [keys[i] for i in ids],
            scorer=fuzz.ratio,
            score_cutoff=cutoff,
            limit=None,
            processor=None,
        )
        return {self.owners[ids[j]] for _, _, j in found}


class KnownEntities:
    """Names already in the store (people, films, series, organisations, with labels and
    ``skos:altLabel`` aliases and film years) and who is linked to which film: the gazetteer
    against which mentions of articles and tables are resolved.  Read from the store in three
    bulk queries (:meth:`from_store`) and kept up to date in memory with :meth:`learn`.

    >>> idx = KnownEntities([KnownEntity("urn:p1", "person", "Penélope Cruz")])
    >>> [e.iri for e in idx.exact("person", "PENÉLOPE CRUZ")], idx.exact("person", "Penelope Cruz")
    (['urn:p1'], [])
    >>> [e.iri for e in idx.near("person", "Penelope Cruz")]
    ['urn:p1']
    """

    def __init__(self, entities: Iterable[KnownEntity] = ()) -> None:
        self.by_iri: dict[str, KnownEntity] = {}
        # name -> IRIs: a set, or the tuple read from the sidecar until something is added to it
        self._exact: dict[tuple[str, str], _IRIs] = {}
        self._loose: dict[tuple[str, str], _IRIs] = {}
        self._last: dict[str, _IRIs] = {}
        self._by_year: dict[int, _IRIs] = {}
        self._links: dict[str, dict[str, set[str]]] = defaultdict(dict)
        self._reader: GraphReader | None = None  # where links not yet read come from
        self._read_links: set[str] = set()
        self._loose_names: dict[str, tuple[str, ...]] = {}  # IRI -> loose keys of its names
        self._film_titles_index: _TitleIndex | None = None
        """Every film's names (loose keys) by segment, built on the first fuzzy film search and
        then kept up to date: the candidates of a fuzzy search are the few films whose titles
        hold one of its segments, not every film of the year or of its people."""
        self.changed: set[str] | None = None
        """When a set, :meth:`add` puts in it the IRI of every entity it adds or merges into
        (what :meth:`kg.known_names.NameTables.update` reads)."""
        self._base: bytes | None = None
        """The full index (format 1) this one was read from, if it was (see :meth:`to_bytes`)."""
        self._since_base: dict[str, None] = {}
        self._base_size = 0
        """The entities added or merged into since :attr:`_base`, in the order they first were."""
        for entity in entities:
            self.add(entity)

    _FORMAT = 1
    _DELTA_FORMAT = 2
    _MOST_CHANGED = 0.1
    """The share of a read index's entities up to which :meth:`to_bytes` writes the entities
    changed since the read beside the index as read (format 2), not the whole index again."""

    def to_bytes(self) -> bytes:
        """The index (names, kinds, years, graphs; not the film links, read on demand) as
        bytes, to keep beside the store (:meth:`kg.store.Store.write_sidecar`).

        An index read by :meth:`from_bytes` that has changed little since is written as the
        full index it was read from and the entities changed since, as they are now: reading
        them back adds those entities to that index again, which gives the same index, and the
        save takes milliseconds where the full index of a big store (the Wikidata table's)
        takes a fifth of a second. When the changes come to :attr:`_MOST_CHANGED` of it, the
        full index is written again.

        >>> idx = KnownEntities([KnownEntity("urn:p1", "person", "Penélope Cruz", year=None)])
        >>> [e.label for e in KnownEntities.from_bytes(idx.to_bytes()).by_iri.values()]
        ['Penélope Cruz']
        >>> again = KnownEntities.from_bytes(idx.to_bytes())
        >>> again.add(KnownEntity("urn:p1", "person", "Penélope Cruz", {"Penelope Cruz"}))
        >>> KnownEntities.from_bytes(again.to_bytes()).exact("person", "penelope cruz")[0].iri
        'urn:p1'
        """
        base, changed = self._base, self._since_base
        if base is not None and len(changed) <= self._MOST_CHANGED * self._base_size:
            by_iri = self.by_iri
            return marshal.dumps(
                (self._DELTA_FORMAT, base, [_entity_row(by_iri[iri]) for iri in changed])
            )
        return marshal.dumps(
            (
                self._FORMAT,
                [_entity_row(e) for e in self.by_iri.values()],
                {k: tuple(v) for k, v in self._exact.items()},
                {k: tuple(v) for k, v in self._loose.items()},
                {k: tuple(v) for k, v in self._last.items()},
                {k: tuple(v) for k, v in self._by_year.items()},
            )
        )

    @classmethod
    def from_bytes(cls, data: bytes, reader: GraphReader | None = None) -> KnownEntities:
        """An index written by :meth:`to_bytes`; raises ``ValueError`` if it is not one."""
        try:
            fmt, *rest = marshal.loads(data)
            if fmt == cls._DELTA_FORMAT:
                base, changed = rest
                known = cls.from_bytes(base, reader)
                if known._base is not base:
                    raise ValueError("an index of changes is not beside a full index")
                for iri, kind, label, aliases, year, graphs in changed:
                    known.add(KnownEntity(iri, kind, label, set(aliases), year, set(graphs)))
                return known
            entities, exact, loose, last, by_year = rest
        except (EOFError, TypeError, ValueError) as err:
            raise ValueError(f"not a known-entities index: {err}") from err
        if fmt != cls._FORMAT:
            raise ValueError(f"known-entities index format {fmt}, expected {cls._FORMAT}")
        known = cls()
        for iri, kind, label, aliases, year, graphs in entities:
            known.by_iri[iri] = KnownEntity(iri, kind, label, set(aliases), year, set(graphs))
        known._exact, known._loose, known._last, known._by_year = exact, loose, last, by_year
        known._reader = reader
        known._base, known._base_size = data, len(entities)
        return known

    @classmethod
    def from_store(cls, store: GraphReader) -> KnownEntities:
        """Every person, film, series and organisation of ``store`` with its names and links."""
        found: dict[str, KnownEntity] = {}
        for query, alias in ((_LABELS_QUERY, False), (_ALIASES_QUERY, True)):
            for e, c, label, g in store.text_rows(query):
                if e is None or c is None or label is None or g is None:
                    continue
                kind = _KIND_OF_CLASS[c.rsplit("#", 1)[-1]]
                entity = found.get(e)
                if entity is None:
                    entity = found[e] = KnownEntity(e, kind, "")
                elif kind == "film" or entity.kind == "organization":
                    entity.kind = kind if kind != "organization" else entity.kind
                if alias:
                    entity.aliases.add(label)
                elif not entity.label:
                    entity.label = label
                entity.graphs.add(g)
        for e, y in store.text_rows(_YEAR_QUERY):
            entity = found.get(e or "")
            if entity is not None and y and y[:4].isascii() and y[:4].isdigit():
                entity.year = int(y[:4])
        known = cls(x for x in found.values() if x.label and not _AMBIGUOUS.search(x.iri))
        known._reader = store  # links are read per entity, when a decision needs them
        return known

    def add(self, entity: KnownEntity) -> None:
        """Index ``entity`` (or merge names and graphs into the one already known)."""
        if self.changed is not None:
            self.changed.add(entity.iri)
        if self._base is not None:
            self._since_base[entity.iri] = None
        old = self.by_iri.get(entity.iri)
        names: Iterable[str]
        if old is not None:  # only what is new about it needs indexing
            names = entity.aliases - old.aliases - {old.label}
            old.aliases |= names
            if names:
                self._loose_names.pop(entity.iri, None)
            old.graphs |= entity.graphs
            if old.year is None and entity.year is not None:
                old.year = entity.year
                if old.kind == "film":
                    _put(self._by_year, entity.year, old.iri)
            old.films |= entity.films
            old.people |= entity.people
            entity = old
        else:
            self.by_iri[entity.iri] = entity
            names = (entity.label, *entity.aliases)
            if entity.kind == "person":
                words = entity.label.split()
                if len(words) >= 2:
                    _put(self._last, words[-1].casefold(), entity.iri)
            if entity.kind == "film" and entity.year is not None:
                _put(self._by_year, entity.year, entity.iri)
        titles = self._film_titles_index if entity.kind == "film" else None
        for name in names:
            _put(self._exact, (entity.kind, normalise_name(name)), entity.iri)
            key = loose_key(name)
            _put(self._loose, (entity.kind, key), entity.iri)
            if titles is not None:
                titles.add(key, entity.iri)
        for film in entity.films:  # context given without a store: never excluded
            self.link(film, entity.iri, "")

    def _film_titles(self) -> _TitleIndex:
        titles = self._film_titles_index
        if titles is None:
            titles = self._film_titles_index = _TitleIndex()
            for (kind, key), iris in self._loose.items():  # every film name's key, made once
                if kind == "film":
                    for iri in iris:
                        titles.add(key, iri)
        return titles

    def link(self, film: str, agent: str, graph: str) -> None:
        """Record that ``graph`` links ``film`` to ``agent`` (a person or company)."""
        self._links[film].setdefault(agent, set()).add(graph)
        self._links[agent].setdefault(film, set()).add(graph)

    def _entities(self, iris: Iterable[str], exclude: str | None) -> list[KnownEntity]:
        out = [self.by_iri[i] for i in sorted(iris) if i in self.by_iri]
        if exclude is not None:
            out = [e for e in out if not e.graphs or e.graphs - {exclude}]
        return out

    def exact(self, kind: str, name: str, *, exclude: str | None = None) -> list[KnownEntity]:
        """Entities of ``kind`` with this name or alias (case, spacing, punctuation folded)."""
        return self._entities(self._exact.get((kind, normalise_name(name)), ()), exclude)

    def near(
        self,
        kind: str,
        name: str,
        *,
        cutoff: float = 92.0,
        exclude: str | None = None,
        among: Iterable[str] | None = None,
        year: int | None = None,
        agents: Iterable[str] = (),
    ) -> list[KnownEntity]:
        """Entities of ``kind`` whose name is the same without accents, or very close to it
        (rapidfuzz ratio at least ``cutoff``, names of 8 characters or more): merge *candidates*
        only.  ``among`` limits the fuzzy search to those IRIs (the entities the context allows),
        which keeps it cheap on a store of millions of names; ``year`` adds the films of that
        year to them, and ``agents`` the films of those people or companies (other than in
        ``exclude``). Films are found by title through an index of segments (the close titles
        of any year), then kept if of the year or linked to one of the agents: the cost does not
        grow with how many films the year or the agents already have."""
        from rapidfuzz import fuzz

        key = loose_key(name)
        iris = set(self._loose.get((kind, key), ()))
        fuzzy = not iris and len(key) >= 8
        agents = set(agents)
        if fuzzy and kind == "film" and (year is not None or agents):
            for iri in sorted(self._film_titles().search(key, cutoff)):
                film = self.by_iri.get(iri)
                if film is None:
                    continue
                if (year is not None and film.year == year) or (
                    agents and not agents.isdisjoint(self.linked(iri, exclude=exclude))
                ):
                    iris.add(iri)
        if fuzzy and among is not None:
            ratio, by_iri, keys_of = fuzz.ratio, self.by_iri, self._loose_names
            for iri in among:
                entity = by_iri.get(iri)
                if entity is None or entity.kind != kind:
                    continue
                names = keys_of.get(iri)
                if names is None:  # each name's key once per index, not once per comparison
                    names = keys_of[iri] = tuple(
                        {loose_key(n): None for n in (entity.label, *entity.aliases)}
                    )
                # score_cutoff: rapidfuzz gives up early on a pair that cannot reach it (0)
                if any(ratio(key, k, score_cutoff=cutoff) >= cutoff for k in names):
                    iris.add(iri)
        return self._entities(iris, exclude)

    def films_in_year(self, year: int) -> set[str]:
        """Films of ``year``."""
        return set(self._by_year.get(year, ()))

    def by_last_name(self, word: str, *, exclude: str | None = None) -> list[KnownEntity]:
        """People whose full name ends with ``word``."""
        return self._entities(self._last.get(word.casefold(), ()), exclude)

    def _links_of(self, iri: str) -> dict[str, set[str]]:
        self._fetch_links(iri)
        return self._links.get(iri, {})

    def _fetch_links(self, iri: str) -> None:
        """Read the store's links of ``iri`` (both directions) once."""
        if self._reader is None or iri in self._read_links:
            return
        self._read_links.add(iri)
        match = getattr(self._reader, "match", None)
        if match is not None:  # a local store: two index lookups, no query to plan
            links, roles = self._links, _ROLE_PROPERTIES
            for rows in (match(obj=iri), match(subject=iri)):
                for film, prop, agent, g in rows:
                    if prop in roles:
                        links[film].setdefault(agent, set()).add(g)
                        links[agent].setdefault(film, set()).add(g)
            return
        node = URIRef(iri)
        for film, agent, g in self._reader.text_rows(_LINKS_QUERY, bindings={"agent": node}):
            if film and agent and g:
                self._links[film].setdefault(agent, set()).add(g)
                self._links[agent].setdefault(film, set()).add(g)
        for film, agent, g in self._reader.text_rows(_LINKS_QUERY, bindings={"film": node}):
            if film and agent and g:
                self._links[film].setdefault(agent, set()).add(g)
                self._links[agent].setdefault(film, set()).add(g)

    def linked(self, iri: str, *, exclude: str | None = None) -> set[str]:
        """IRIs linked to ``iri`` (a film's people and companies, an agent's films), leaving out
        links stated only in the graph ``exclude``."""
        return {
            other
            for other, graphs in self._links_of(iri).items()
            if exclude is None or graphs - {exclude}
        }

    def films_of(self, iri: str, *, exclude: str | None = None) -> set[str]:
        """Films linked to a person or organisation (other than in ``exclude``)."""
        return self.linked(iri, exclude=exclude)

    def people_of(self, iri: str, *, exclude: str | None = None) -> set[str]:
        """Normalised names of the people linked to a film."""
        entity = self.by_iri.get(iri)
        names = set(entity.people) if entity is not None else set()
        for other in self.linked(iri, exclude=exclude):
            person = self.by_iri.get(other)
            if person is not None and person.kind == "person":
                names.update(normalise_name(n) for n in (person.label, *person.aliases))
        return names

    def refs(self) -> list[EntityRef]:
        """Every known entity as an :class:`~kg.model.EntityRef`, films first (a gazetteer's
        input: the names extraction may recognise)."""
        kinds = {
            "film": EntityType.FILM,
            "series": EntityType.FILM_SERIES,
            "person": EntityType.PERSON,
            "organization": EntityType.ORGANIZATION,
        }
        order = {"film": 0, "series": 1, "person": 2, "organization": 3}
        return [
            EntityRef(kinds[e.kind], e.label, year=e.year, aliases=tuple(sorted(e.aliases)))
            for e in sorted(self.by_iri.values(), key=lambda e: order.get(e.kind, 9))
            if e.kind in kinds
        ]

    def learn(
        self, facts: Iterable[Fact], resolver: Resolver, graph: str, *, links: bool = True
    ) -> None:
        """Add the entities and links of resolved ``facts`` (written to ``graph``), so later
        sources of the same load resolve against them too. ``links=False`` leaves the film
        links to be read from the store when a decision needs them (a big table's)."""
        seen: set[int] = set()  # a row's subject is in each of its facts: index it once
        for fact in facts:
            for ref in (fact.subject, fact.object):
                if not isinstance(ref, EntityRef) or id(ref) in seen:
                    continue
                seen.add(id(ref))
                self._learn_ref(ref, resolver, graph)
            obj = fact.object
            if (
                links
                and isinstance(obj, EntityRef)
                and fact.subject.type is EntityType.FILM
                and fact.relation in ROLE_BY_RELATION
            ):
                subject = str(resolver.iri(fact.subject))
                agent = str(resolver.iri(obj))
                if not _AMBIGUOUS.search(agent) and not _AMBIGUOUS.search(subject):
                    self.link(subject, agent, graph)

    def learn_refs(self, refs: Iterable[EntityRef], resolver: Resolver, graph: str) -> None:
        """Add the entities ``refs`` (resolved, written to ``graph``) as :meth:`learn` adds
        those of facts, links left to be read from the store (a big table's rows)."""
        for ref in refs:
            self._learn_ref(ref, resolver, graph)

    def _learn_ref(self, ref: EntityRef, resolver: Resolver, graph: str) -> None:
        """Index one entity of ``graph`` (a country is not indexed; an entity known already
        from ``graph`` with nothing new is left as it is)."""
        if ref.type is EntityType.COUNTRY:
            return
        iri = str(resolver.iri(ref))
        old = self.by_iri.get(iri)
        if (  # known already, from this source, with nothing new: the common case
            old is not None
            and graph in old.graphs
            and (old.year is not None or ref.year is None)
            and old.aliases.issuperset(ref.aliases)
        ) or _AMBIGUOUS.search(iri):
            return
        self.add(
            KnownEntity(iri, entity_kind(ref.type), ref.name, set(ref.aliases), ref.year, {graph})
        )


@dataclass(slots=True)
class _Decision:
    iri: URIRef | None = None
    label: str | None = None
    ambiguous: bool = False


def _ambiguous_iri(ref: EntityRef, graph: str) -> URIRef:
    digest = hashlib.sha1(graph.encode("utf-8")).hexdigest()[:8]
    return entity_iri(entity_kind(ref.type), ref.name, qualifier=f"ambiguous-{digest}")


def resolve_facts(
    facts: list[Fact],
    known: KnownEntities | None,
    *,
    graph: str,
    resolver: Resolver | None = None,
) -> tuple[list[Fact], Resolver]:
    """Resolve the mentions of a source's ``facts`` against entities already in the store.

    A mention joins an existing node when its normalised name (or alias) is that node's, or when
    the name is the same without accents / very close (rapidfuzz) *and* the type agrees *and* the
    context supports it: for a film, the same year or a person the article links to it; for a
    person or organisation, a film the article links them to.  Two existing nodes with the name
    (namesakes) and no context to choose make the mention ambiguous: it gets a node of its own in
    this article and its facts are marked ``ambiguous``.  A variant name that joins an entity is
    kept as an alias (``skos:altLabel``).  Returns the rewritten facts and the resolver to write
    them with: ``resolver`` when given (already planned over a whole table), else a new one
    planned over ``facts``.

    >>> from kg.model import EntityRef, EntityType, Fact, Relation
    >>> known = KnownEntities([KnownEntity("urn:film", "film", "Volver", year=2006),
    ...                        KnownEntity("urn:pc", "person", "Penélope Cruz", films={"urn:film"})])
    >>> film = EntityRef(EntityType.FILM, "Volver", year=2006)
    >>> fact = Fact(film, Relation.CAST_MEMBER, EntityRef(EntityType.PERSON, "Penelope Cruz"))
    >>> [out], resolver = resolve_facts([fact], known, graph="urn:g")
    >>> str(resolver.iri(out.subject)), out.object.name, out.object.aliases
    ('urn:film', 'Penélope Cruz', ('Penelope Cruz',))
    """
    refs: list[EntityRef] = []
    for f in facts:
        refs.append(f.subject)
        if isinstance(f.object, EntityRef):
            refs.append(f.object)
    if resolver is None:
        resolver = Resolver()
        resolver.plan(refs)
    if known is None or not known.by_iri:
        return facts, resolver
    decisions: dict[EntityRef, _Decision] = {}
    people_of_film: dict[EntityRef, set[str]] = defaultdict(set)
    films_of_ref: dict[EntityRef, set[EntityRef]] = defaultdict(set)
    for f in facts:
        if isinstance(f.object, EntityRef) and f.subject.type is EntityType.FILM:
            films_of_ref[f.object].add(f.subject)
            if f.object.type is EntityType.PERSON:
                people_of_film[f.subject].add(normalise_name(f.object.name))
    for ref in dict.fromkeys(refs):
        if ref.type is EntityType.FILM:
            decisions[ref] = _film_decision(ref, known, people_of_film[ref], graph)
    for ref, decision in decisions.items():
        if decision.iri is not None:
            resolver.assign(ref, decision.iri)
    for ref in dict.fromkeys(refs):
        if ref.type in (EntityType.FILM, EntityType.COUNTRY) or ref in decisions:
            continue
        film_iris = {str(resolver.iri(film)) for film in films_of_ref[ref]}
        decisions[ref] = _other_decision(ref, known, film_iris, graph)
    return _rewrite(facts, decisions, resolver, graph)


def _film_decision(ref: EntityRef, known: KnownEntities, people: set[str], graph: str) -> _Decision:
    cands = known.exact("film", ref.name, exclude=graph)
    if ref.year is not None:
        same_year = [c for c in cands if c.year in (None, ref.year)]
        if cands and not same_year:  # a different film with this title: qualify by year
            return _Decision(entity_iri("film", ref.name, qualifier=str(ref.year)))
        cands = same_year

    def supported(c: KnownEntity) -> bool:
        return (ref.year is not None and c.year == ref.year) or bool(
            people & known.people_of(c.iri, exclude=graph)
        )

    if len(cands) == 1:
        return _Decision(URIRef(cands[0].iri))
    if len(cands) > 1:
        chosen = [c for c in cands if supported(c)]
        if len(chosen) == 1:
            return _Decision(URIRef(chosen[0].iri))
        return _Decision(ambiguous=True)
    # the films of its year and of its people, each searched with a list near() keeps
    agents = [p.iri for name in people for p in known.exact("person", name, exclude=graph)]
    near = known.near("film", ref.name, exclude=graph, year=ref.year, agents=agents)
    chosen = [c for c in near if supported(c)]
    if len(chosen) == 1:
        return _Decision(URIRef(chosen[0].iri), chosen[0].label)
    return _Decision()


def _other_decision(ref: EntityRef, known: KnownEntities, films: set[str], graph: str) -> _Decision:
    kind = entity_kind(ref.type)

    def supported(c: KnownEntity) -> bool:
        return bool(films & known.films_of(c.iri, exclude=graph))

    cands = known.exact(kind, ref.name, exclude=graph)
    if len(cands) == 1:
        return _Decision(URIRef(cands[0].iri))
    if len(cands) > 1:
        chosen = [c for c in cands if supported(c)]
        if len(chosen) == 1:
            return _Decision(URIRef(chosen[0].iri))
        return _Decision(ambiguous=True)
    if kind == "person" and len(ref.name.split()) == 1:
        # a surname alone: an alias of the one person it can be, if the context says so
        cands = known.by_last_name(ref.name, exclude=graph)
        chosen = [c for c in cands if supported(c)]
        if len(chosen) == 1:
            return _Decision(URIRef(chosen[0].iri), chosen[0].label)
        return _Decision(ambiguous=len(cands) > 1)
    pool: set[str] = set()
    for film in films:
        pool |= known.linked(film, exclude=graph)
    chosen = [c for c in known.near(kind, ref.name, exclude=graph, among=pool) if supported(c)]
    if len(chosen) == 1:
        return _Decision(URIRef(chosen[0].iri), chosen[0].label)
    return _Decision()


def _rewrite(
    facts: list[Fact], decisions: dict[EntityRef, _Decision], resolver: Resolver, graph: str
) -> tuple[list[Fact], Resolver]:
    renamed: dict[EntityRef, EntityRef] = {}
    for ref, d in decisions.items():
        new = ref
        if d.label is not None and d.label != ref.name:
            aliases = tuple(dict.fromkeys(a for a in (*ref.aliases, ref.name) if a != d.label))
            new = replace(ref, name=d.label, aliases=aliases)
        if d.ambiguous:
            resolver.assign(new, _ambiguous_iri(ref, graph))
        elif d.iri is not None:
            resolver.assign(new, d.iri)
        renamed[ref] = new
    out: list[Fact] = []
    for f in facts:
        subject = renamed.get(f.subject, f.subject)
        obj = renamed.get(f.object, f.object) if isinstance(f.object, EntityRef) else f.object
        ambiguous = f.ambiguous or decisions.get(f.subject, _Decision()).ambiguous
        if isinstance(f.object, EntityRef):
            ambiguous = ambiguous or decisions.get(f.object, _Decision()).ambiguous
        if subject is f.subject and obj is f.object and ambiguous == f.ambiguous:
            out.append(f)
        else:
            out.append(replace(f, subject=subject, object=obj, ambiguous=ambiguous))
    return out, resolver
