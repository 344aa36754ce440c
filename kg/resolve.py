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
import re
import unicodedata
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from rdflib import URIRef

from .iri import entity_iri, slugify
from .model import EntityRef, EntityType, Fact

if TYPE_CHECKING:
    from .store import Store

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

_INDEX_QUERY = """
PREFIX kg: <https://w3id.org/filmkg/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT ?e ?c ?l ?alt ?g WHERE {
  VALUES ?c { kg:Person kg:Film kg:FilmSeries kg:Organization }
  GRAPH ?g {
    ?e a ?c .
    { ?e rdfs:label ?l BIND (false AS ?alt) } UNION { ?e skos:altLabel ?l BIND (true AS ?alt) }
  }
}
"""

_YEAR_QUERY = """
PREFIX kg: <https://w3id.org/filmkg/ontology#>
SELECT ?e ?y WHERE { ?e a kg:Film ; kg:year ?y }
"""


_AMBIGUOUS = re.compile(r"-ambiguous-[0-9a-f]{8}$")
"""Nodes of ambiguous mentions (one per article) are never candidates for a later merge."""


class KnownEntities:
    """Names already in the store (people, films, series, organisations, with labels and
    ``skos:altLabel`` aliases and film years): the gazetteer against which article mentions are
    resolved.  Context (a person's films, a film's people) is read from the store on demand.

    >>> idx = KnownEntities([KnownEntity("urn:p1", "person", "Penélope Cruz")])
    >>> [e.iri for e in idx.exact("person", "PENÉLOPE CRUZ")], idx.exact("person", "Penelope Cruz")
    (['urn:p1'], [])
    >>> [e.iri for e in idx.near("person", "Penelope Cruz")]
    ['urn:p1']
    """

    def __init__(self, entities: Iterable[KnownEntity] = (), store: Store | None = None) -> None:
        self.store = store
        self.by_iri: dict[str, KnownEntity] = {}
        self._exact: dict[tuple[str, str], set[str]] = defaultdict(set)
        self._loose: dict[tuple[str, str], set[str]] = defaultdict(set)
        self._last: dict[str, set[str]] = defaultdict(set)
        self._loose_keys: dict[str, list[str]] = defaultdict(list)
        self._films_of: dict[str, set[str]] = {}
        self._people_of: dict[str, set[str]] = {}
        for entity in entities:
            self.add(entity)

    @classmethod
    def from_store(cls, store: Store) -> KnownEntities:
        """Every person, film, series and organisation of ``store`` with its names."""
        found: dict[str, KnownEntity] = {}
        for e, c, label, alt, g in store.query(_INDEX_QUERY, union_default_graph=False).rows():
            iri = str(e)
            kind = _KIND_OF_CLASS[str(c).rsplit("#", 1)[-1]]
            entity = found.get(iri)
            if entity is None:
                entity = found[iri] = KnownEntity(iri, kind, "")
            elif kind == "film" or entity.kind == "organization":
                entity.kind = kind if kind != "organization" else entity.kind
            if alt is not None and str(alt) == "true":
                entity.aliases.add(str(label))
            elif not entity.label:
                entity.label = str(label)
            entity.graphs.add(str(g))
        for e, y in store.query(_YEAR_QUERY).rows():
            entity = found.get(str(e))
            text = str(y)[:4]
            if entity is not None and text.isdigit():
                entity.year = int(text)
        return cls((x for x in found.values() if x.label and not _AMBIGUOUS.search(x.iri)), store)

    def add(self, entity: KnownEntity) -> None:
        """Index ``entity`` (or merge names and graphs into the one already known)."""
        old = self.by_iri.get(entity.iri)
        if old is not None:
            old.aliases |= entity.aliases - {old.label}
            old.graphs |= entity.graphs
            old.year = old.year or entity.year
            old.films |= entity.films
            old.people |= entity.people
            entity = old
        else:
            self.by_iri[entity.iri] = entity
        for name in (entity.label, *entity.aliases):
            self._exact[(entity.kind, normalise_name(name))].add(entity.iri)
            key = loose_key(name)
            if entity.iri not in self._loose[(entity.kind, key)]:
                self._loose[(entity.kind, key)].add(entity.iri)
                self._loose_keys[entity.kind].append(key)
        if entity.kind == "person":
            words = entity.label.split()
            if len(words) >= 2:
                self._last[words[-1].casefold()].add(entity.iri)

    def _entities(self, iris: Iterable[str], exclude: str | None) -> list[KnownEntity]:
        out = [self.by_iri[i] for i in sorted(iris)]
        if exclude is not None:
            out = [e for e in out if not e.graphs or e.graphs - {exclude}]
        return out

    def exact(self, kind: str, name: str, *, exclude: str | None = None) -> list[KnownEntity]:
        """Entities of ``kind`` with this name or alias (case, spacing, punctuation folded)."""
        return self._entities(self._exact.get((kind, normalise_name(name)), ()), exclude)

    def near(
        self, kind: str, name: str, *, cutoff: float = 92.0, exclude: str | None = None
    ) -> list[KnownEntity]:
        """Entities of ``kind`` whose name is the same without accents, or very close to it
        (rapidfuzz ratio at least ``cutoff``): merge *candidates* only."""
        from rapidfuzz import fuzz, process

        key = loose_key(name)
        iris = set(self._loose.get((kind, key), ()))
        if not iris and len(key) >= 8:
            for match, _score, _ in process.extract(
                key, self._loose_keys[kind], scorer=fuzz.ratio, score_cutoff=cutoff, limit=5
            ):
                iris |= self._loose[(kind, match)]
        return self._entities(iris, exclude)

    def by_last_name(self, word: str, *, exclude: str | None = None) -> list[KnownEntity]:
        """People whose full name ends with ``word``."""
        return self._entities(self._last.get(word.casefold(), ()), exclude)

    def films_of(self, iri: str, *, exclude: str | None = None) -> set[str]:
        """Films linked to a person or organisation in the store (other than in ``exclude``)."""
        entity = self.by_iri.get(iri)
        return self._linked(
            self._films_of,
            iri,
            "SELECT DISTINCT ?x ?g WHERE { GRAPH ?g { ?x ?p ?e } GRAPH ?h { ?x a kg:Film } }",
            str,
            exclude,
        ) | (entity.films if entity is not None else set())

    def people_of(self, iri: str, *, exclude: str | None = None) -> set[str]:
        """Normalised names of the people linked to a film in the store."""
        entity = self.by_iri.get(iri)
        return self._linked(
            self._people_of,
            iri,
            "SELECT DISTINCT ?x ?g WHERE { GRAPH ?g { ?e ?p ?y } GRAPH ?h { ?y a kg:Person ; rdfs:label ?x } }",
            normalise_name,
            exclude,
        ) | (entity.people if entity is not None else set())

    def _linked(
        self,
        cache: dict[str, set[str]],
        iri: str,
        sparql: str,
        key: Callable[[str], str],
        exclude: str | None,
    ) -> set[str]:
        """``key(?x)`` of the rows of ``sparql`` (``?e`` bound to ``iri``), cached, leaving out
        what was found only in the graph ``exclude``."""
        if self.store is None:
            return set()
        if iri not in cache:
            rows = self.store.query(
                "PREFIX kg: <https://w3id.org/filmkg/ontology#> "
                "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> " + sparql,
                bindings={"e": URIRef(iri)},
                union_default_graph=False,
            ).rows()
            cache[iri] = {f"{key(str(r[0]))}\x1f{r[1]}" for r in rows}
        return {x.split("\x1f")[0] for x in cache[iri] if x.split("\x1f")[1] != exclude}

    def learn(self, facts: Iterable[Fact], resolver: Resolver, graph: str) -> None:
        """Add the entities of resolved ``facts`` (written to ``graph``), so later articles of the
        same load resolve against them too."""
        for fact in facts:
            subject = str(resolver.iri(fact.subject))
            for ref in (fact.subject, fact.object):
                if not isinstance(ref, EntityRef) or ref.type is EntityType.COUNTRY:
                    continue
                iri = str(resolver.iri(ref))
                if _AMBIGUOUS.search(iri):
                    continue
                entity = KnownEntity(
                    iri, entity_kind(ref.type), ref.name, set(ref.aliases), ref.year, {graph}
                )
                if ref is fact.object and fact.subject.type is EntityType.FILM:
                    entity.films.add(subject)
                self.add(entity)
                self._films_of.pop(iri, None)
                self._people_of.pop(iri, None)
            if isinstance(fact.object, EntityRef) and fact.object.type is EntityType.PERSON:
                film = self.by_iri.get(subject)
                if film is not None and film.kind == "film":
                    film.people.add(normalise_name(fact.object.name))


@dataclass(slots=True)
class _Decision:
    iri: URIRef | None = None
    label: str | None = None
    ambiguous: bool = False


def _ambiguous_iri(ref: EntityRef, graph: str) -> URIRef:
    digest = hashlib.sha1(graph.encode("utf-8")).hexdigest()[:8]
    return entity_iri(entity_kind(ref.type), ref.name, qualifier=f"ambiguous-{digest}")


def resolve_facts(
    facts: list[Fact], known: KnownEntities | None, *, graph: str
) -> tuple[list[Fact], Resolver]:
    """Resolve the mentions of one article's ``facts`` against entities already in the store.

    A mention joins an existing node when its normalised name (or alias) is that node's, or when
    the name is the same without accents / very close (rapidfuzz) *and* the type agrees *and* the
    context supports it: for a film, the same year or a person the article links to it; for a
    person or organisation, a film the article links them to.  Two existing nodes with the name
    (namesakes) and no context to choose make the mention ambiguous: it gets a node of its own in
    this article and its facts are marked ``ambiguous``.  A variant name that joins an entity is
    kept as an alias (``skos:altLabel``).  Returns the rewritten facts and the resolver to write
    them with.

    >>> from kg.model import EntityRef, EntityType, Fact, Relation
    >>> known = KnownEntities([KnownEntity("urn:film", "film", "Volver", year=2006),
    ...                        KnownEntity("urn:pc", "person", "Penélope Cruz", films={"urn:film"})])
    >>> film = EntityRef(EntityType.FILM, "Volver", year=2006)
    >>> fact = Fact(film, Relation.CAST_MEMBER, EntityRef(EntityType.PERSON, "Penelope Cruz"))
    >>> [out], resolver = resolve_facts([fact], known, graph="urn:g")
    >>> str(resolver.iri(out.subject)), out.object.name, out.object.aliases
    ('urn:film', 'Penélope Cruz', ('Penelope Cruz',))
    """
    resolver = Resolver()
    refs: list[EntityRef] = []
    for f in facts:
        refs.append(f.subject)
        if isinstance(f.object, EntityRef):
            refs.append(f.object)
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
    chosen = [c for c in known.near("film", ref.name, exclude=graph) if supported(c)]
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
    chosen = [c for c in known.near(kind, ref.name, exclude=graph) if supported(c)]
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
