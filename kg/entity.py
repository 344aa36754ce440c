"""What the graph says about one entity, with the sources behind each fact: for entity pages.

:func:`describe` reads, through any :class:`~kg.reader.GraphReader`, the facts whose subject (or,
for links such as ``kg:director``, whose object) is the entity, in every named graph that states
them; the credits (role, character, billing) and releases (date, region, platform) hanging off it;
the evidence behind each fact (sentence, offsets, confidence, extraction rule); what each source
says about itself (an article's title and url, a table's path and mapping); and the conflicts
recorded about it (:mod:`kg.conflicts`). :func:`entity_dataset` gives the same as RDF (one named
graph per source, so TriG, N-Quads and JSON-LD keep the provenance).

>>> from kg.store import Store
>>> from kg.ingest import load_paths
>>> import tempfile, pathlib
>>> p = pathlib.Path(tempfile.mkdtemp()) / "heat.txt"
>>> _ = p.write_text("Heat is a 1995 crime film directed by Michael Mann.\\n")
>>> with Store.memory() as store:
...     _ = load_paths(store, [p], progress=False)
...     page = describe(store, "https://w3id.org/filmkg/resource/film/heat")
>>> page.label, page.kind
('Heat', 'film')
>>> [(c.role, c.person_label) for c in page.credits]
[('director', 'Michael Mann')]
>>> support = page.credits[0].supports[0]
>>> support.sentence, support.source.kind
('Heat is a 1995 crime film directed by Michael Mann.', 'article')
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from rdflib import Dataset, Literal, URIRef
from rdflib.namespace import OWL, RDF, RDFS
from rdflib.term import Identifier

from .errors import KGInputError, UnknownNameError
from .iri import CONFLICTS_GRAPH, INFERRED_GRAPH
from .lookup import labels
from .model import ROLES
from .namespace import KG, bind_prefixes
from .query import with_prefixes
from .reader import GraphReader

__all__ = [
    "ROLE_PROPERTIES",
    "ClaimRow",
    "ConflictRow",
    "CreditRow",
    "EntityDescription",
    "EntityFact",
    "Neighbourhood",
    "ReleaseRow",
    "Source",
    "Support",
    "combined_confidence",
    "describe",
    "entity_dataset",
    "neighbourhood",
    "source_kind",
]

ROLE_PROPERTIES: dict[str, str] = {str(KG[r.property_name]): r.relation.value for r in ROLES}
"""Film -> agent properties (``kg:director``...) and the role name each stands for."""

_PERSON_ROLES = {str(KG[r.property_name]) for r in ROLES if r.is_credit}
_HIDDEN = {str(RDF.type), str(RDFS.label), str(KG.credit), str(KG.release), str(KG.name)}
_KINDS = (
    (KG.Film, "film"),
    (KG.FilmSeries, "series"),
    (KG.Person, "person"),
    (KG.Organization, "organization"),
    (KG.Country, "country"),
    (KG.Work, "work"),
    (KG.SourceDocument, "source"),
    (KG.Conflict, "conflict"),
)
_INCOMING_LIMIT = 500
_NODE_LINKS = {str(p) for p in (KG.person, KG.film, RDF.subject, RDF.object, KG.conflictSubject)}


@dataclass(frozen=True, slots=True)
class Source:
    """A named graph a fact comes from, and what it says about itself."""

    graph: str
    kind: str = "rdf"
    """``article``, ``table``, ``rdf``, ``inferred`` or ``derived``."""
    path: str | None = None
    title: str | None = None
    url: str | None = None
    published: str | None = None
    mapping: str | None = None
    extractor: str | None = None
    loader: str | None = None
    """The loader that read it ("article.text", "table.csv", "rdf.turtle", ...)."""

    @property
    def name(self) -> str:
        """A short name for people: the title, else the file name, else the graph IRI."""
        if self.title:
            return self.title
        if self.path:
            return self.path.rstrip("/").rsplit("/", 1)[-1]
        return self.graph


@dataclass(frozen=True, slots=True)
class Support:
    """One source's support for a fact: an evidence sentence, or just the source (a table row)."""

    source: Source
    sentence: str | None = None
    start: int | None = None
    end: int | None = None
    confidence: float | None = None
    extractor: str | None = None
    rule: str | None = None
    evidence: str | None = None
    ambiguous: bool = False
    """The article's name for the person or film was ambiguous (``kg:ambiguous``)."""


def combined_confidence(supports: Iterable[Support]) -> float | None:
    """The confidence of a fact stated by several sources: ``1 - prod(1 - c)`` over the best
    confidence of each source (independent sources that agree make a fact more likely); a source
    without a confidence (a table, an RDF file) counts as certain. ``None`` without supports.

    >>> s = lambda g, c: Support(Source(g), confidence=c)
    >>> round(combined_confidence([s("a", 0.6), s("b", 0.5)]), 3)
    0.8
    >>> round(combined_confidence([s("a", 0.6), s("a", 0.7)]), 3)  # one source: its best
    0.7
    """
    best: dict[str, float] = {}
    for support in supports:
        c = 1.0 if support.confidence is None else support.confidence
        best[support.source.graph] = max(c, best.get(support.source.graph, 0.0))
    if not best:
        return None
    return 1.0 - math.prod(1.0 - c for c in best.values())


@dataclass
class EntityFact:
    """One triple about the entity, with every source that states it."""

    subject: str
    predicate: str
    object: str
    object_is_iri: bool
    datatype: str | None = None
    subject_label: str | None = None
    object_label: str | None = None
    supports: list[Support] = field(default_factory=list)

    @property
    def confidence(self) -> float | None:
        """:func:`combined_confidence` of the supports."""
        return combined_confidence(self.supports)


@dataclass
class CreditRow:
    """A credit: who did what on which film, with character and billing where known."""

    film: str
    film_label: str
    person: str
    person_label: str
    role: str
    characters: list[str] = field(default_factory=list)
    billing: int | None = None
    year: str | None = None
    supports: list[Support] = field(default_factory=list)
    property: str | None = field(default=None, repr=False)
    graphs: set[str] = field(default_factory=set, repr=False)


@dataclass
class ReleaseRow:
    """A release of a film: date, and where known region, platform, kind and whether planned."""

    date: str
    kind: str | None = None
    region: str | None = None
    platform: str | None = None
    platform_label: str | None = None
    planned: bool = False
    supports: list[Support] = field(default_factory=list)
    graphs: set[str] = field(default_factory=set, repr=False)


@dataclass
class ClaimRow:
    """One side of a conflict: a value and the sources that give it."""

    value: str
    value_label: str
    sources: list[Source] = field(default_factory=list)
    confidence: float | None = None
    graphs: set[str] = field(default_factory=set, repr=False)


@dataclass
class ConflictRow:
    """Sources that disagree on a single-valued fact of the entity."""

    iri: str
    property: str
    key: str | None
    claims: list[ClaimRow] = field(default_factory=list)


@dataclass
class EntityDescription:
    """Everything an entity page shows (plain values; see :func:`describe`)."""

    iri: str
    label: str
    types: list[str]
    kind: str
    facts: list[EntityFact] = field(default_factory=list)
    incoming: list[EntityFact] = field(default_factory=list)
    incoming_total: int = 0
    credits: list[CreditRow] = field(default_factory=list)
    releases: list[ReleaseRow] = field(default_factory=list)
    same_as: list[str] = field(default_factory=list)
    conflicts: list[ConflictRow] = field(default_factory=list)
    labels: dict[str, str] = field(default_factory=dict)
    sources: dict[str, Source] = field(default_factory=dict)

    def label_of(self, iri: str) -> str:
        """The label of an IRI met on the page, else its last segment."""
        return self.labels.get(iri) or iri.rstrip("/#").rsplit("/", 1)[-1].rsplit("#", 1)[-1]


def _text(term: Identifier | None) -> str | None:
    return None if term is None else str(term)


def source_kind(graph: str, loader: str | None) -> str:
    if graph == INFERRED_GRAPH:
        return "inferred"
    if graph == CONFLICTS_GRAPH:
        return "derived"
    if loader is None:
        return "rdf"
    for kind in ("article", "table"):
        if loader.startswith(kind):
            return kind
    return "rdf"


def _sources(reader: GraphReader, graphs: Iterable[str]) -> dict[str, Source]:
    wanted = sorted(set(graphs))
    out: dict[str, Source] = {g: Source(g, source_kind(g, None)) for g in wanted}
    for start in range(0, len(wanted), 200):
        values = " ".join(URIRef(g).n3() for g in wanted[start : start + 200])
        query = f"""
SELECT ?g ?described ?loader ?path ?title ?url ?issued ?mapping ?extractor WHERE {{
  VALUES ?g {{ {values} }}
  OPTIONAL {{ GRAPH ?container {{ ?container kg:containsGraph ?g }} }}
  BIND (COALESCE(?container, ?g) AS ?described)
  OPTIONAL {{ GRAPH ?described {{ ?described kg:loader ?loader }} }}
  OPTIONAL {{ GRAPH ?described {{ ?described kg:sourcePath ?path }} }}
  OPTIONAL {{ GRAPH ?described {{ ?described dcterms:title ?title }} }}
  OPTIONAL {{ GRAPH ?described {{ ?described dcterms:identifier ?url }} }}
  OPTIONAL {{ GRAPH ?described {{ ?described dcterms:issued ?issued }} }}
  OPTIONAL {{ GRAPH ?described {{ ?described kg:mapping ?mapping }} }}
  OPTIONAL {{ GRAPH ?described {{ ?described kg:extractor ?extractor }} }}
}}"""
        for row in reader.rows(with_prefixes(query)):
            g, _, loader, path, title, url, issued, mapping, extractor = map(_text, row)
            assert g is not None
            out[g] = Source(
                graph=g,
                kind=source_kind(g, loader),
                path=path,
                title=title,
                url=url,
                published=issued,
                mapping=mapping,
                extractor=extractor,
                loader=loader,
            )
    return out


_EVIDENCE = """
SELECT ?s ?p ?o ?g ?ev ?sentence ?start ?end ?confidence ?extractor ?rule WHERE {
  VALUES ?__side { 0 }
  GRAPH ?g {
    ?ev rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o .
    OPTIONAL { ?ev kg:sentence ?sentence }
    OPTIONAL { ?ev kg:startOffset ?start }
    OPTIONAL { ?ev kg:endOffset ?end }
    OPTIONAL { ?ev kg:confidence ?confidence }
    OPTIONAL { ?ev kg:extractor ?extractor }
    OPTIONAL { ?ev kg:extractionRule ?rule }
  }
}"""


def _evidence(
    reader: GraphReader, entity: URIRef, side: str
) -> dict[tuple[str, str, str, str], list[dict[str, str | None]]]:
    """Evidence nodes of facts with the entity as subject (``side="s"``) or object, by
    ``(s, p, o, graph)``."""
    query = _EVIDENCE.replace("VALUES ?__side { 0 }", f"VALUES ?{side} {{ {entity.n3()} }}")
    out: dict[tuple[str, str, str, str], list[dict[str, str | None]]] = defaultdict(list)
    for row in reader.rows(with_prefixes(query)):
        s, p, o, g, ev, sentence, start, end, confidence, extractor, rule = map(_text, row)
        if s is None or p is None or o is None or g is None:
            continue
        out[(s, p, o, g)].append(
            {
                "ev": ev,
                "sentence": sentence,
                "start": start,
                "end": end,
                "confidence": confidence,
                "extractor": extractor,
                "rule": rule,
            }
        )
    return out


def _supports(
    graphs: Iterable[str],
    key: tuple[str, str, str],
    evidence: dict[tuple[str, str, str, str], list[dict[str, str | None]]],
    sources: dict[str, Source],
) -> list[Support]:
    out: list[Support] = []
    for g in sorted(set(graphs)):
        source = sources.get(g) or Source(g)
        found = evidence.get((*key, g), [])
        if not found:
            out.append(Support(source))
            continue
        for ev in sorted(found, key=lambda e: (int(e["start"] or 0), e["ev"] or "")):
            out.append(
                Support(
                    source,
                    sentence=ev["sentence"],
                    start=int(ev["start"]) if ev["start"] is not None else None,
                    end=int(ev["end"]) if ev["end"] is not None else None,
                    confidence=float(ev["confidence"]) if ev["confidence"] is not None else None,
                    extractor=ev["extractor"] or source.extractor,
                    rule=ev["rule"],
                    evidence=ev["ev"],
                )
            )
    return out


def _require_iri(iri: str) -> URIRef:
    if not iri or any(c in iri for c in ' <>"{}|^`\\') or ":" not in iri:
        raise KGInputError(f"not an IRI: {iri!r}")
    return URIRef(iri)


def describe(reader: GraphReader, iri: str) -> EntityDescription:
    """What the graph says about ``iri``, with sources (see the module docstring).

    Raises
    ------
    UnknownNameError
        When no triple mentions ``iri``.
    """
    entity = _require_iri(iri)
    out_rows = reader.rows(
        "SELECT ?p ?o ?g WHERE { GRAPH ?g { ?e ?p ?o } }", bindings={"e": entity}
    )
    in_rows = reader.rows(
        f"SELECT ?s ?p ?g WHERE {{ GRAPH ?g {{ ?s ?p ?e }} }} LIMIT {_INCOMING_LIMIT * 4}",
        bindings={"e": entity},
    )
    if not out_rows and not in_rows:
        raise UnknownNameError(f"nothing in the store is about <{iri}>")
    types = sorted({str(o) for p, o, _ in out_rows if p == RDF.type})
    kind = next((name for cls, name in _KINDS if str(cls) in types), "other")
    graphs = {str(g) for *_, g in out_rows} | {str(g) for *_, g in in_rows}

    credits = _credit_rows(reader, entity, kind)
    releases = _release_rows(reader, entity) if kind == "film" else []
    conflicts = _conflict_rows(reader, entity)
    for credit in credits:
        graphs |= credit.graphs
    for release in releases:
        graphs |= release.graphs
    for conflict in conflicts:
        graphs |= {g for claim in conflict.claims for g in claim.graphs}
    graphs.discard(CONFLICTS_GRAPH)  # derived: its conflicts are listed with their own sources
    sources = _sources(reader, graphs)
    ev_out = _evidence(reader, entity, "s")
    ev_in = _evidence(reader, entity, "o")

    facts_by_key: dict[tuple[str, str, str], EntityFact] = {}
    fact_graphs: dict[tuple[str, str, str], set[str]] = defaultdict(set)
    same_as: list[str] = []
    for p, o, g in out_rows:
        key = (iri, str(p), str(o))
        if str(p) == str(OWL.sameAs) and isinstance(o, URIRef) and str(o) not in same_as:
            same_as.append(str(o))
        if str(p) in _HIDDEN:
            continue
        if key not in facts_by_key:
            facts_by_key[key] = EntityFact(
                iri,
                str(p),
                str(o),
                isinstance(o, URIRef),
                datatype=str(o.datatype) if isinstance(o, Literal) and o.datatype else None,
            )
        fact_graphs[key].add(str(g))
    incoming: dict[tuple[str, str, str], EntityFact] = {}
    in_graphs: dict[tuple[str, str, str], set[str]] = defaultdict(set)
    for s, p, g in in_rows:
        if str(p) in _NODE_LINKS:
            continue  # credit, evidence and conflict nodes: shown as credits, sources, conflicts
        key = (str(s), str(p), iri)
        incoming.setdefault(key, EntityFact(str(s), str(p), iri, True))
        in_graphs[key].add(str(g))
    for key, fact in facts_by_key.items():
        fact.supports = _supports(fact_graphs[key], key, ev_out, sources)
    for key, fact in incoming.items():
        fact.supports = _supports(in_graphs[key], key, ev_in, sources)

    credit_rows = credits
    for credit in credit_rows:
        if credit.property is not None:
            ev = ev_out if credit.film == iri else ev_in
            triple = (credit.film, credit.property, credit.person)
            credit.supports = _supports(credit.graphs, triple, ev, sources)
    # a role triple without a credit node (plain RDF): a credit all the same
    credited = {(c.film, c.person, c.role) for c in credit_rows}
    for (subj, pred, obj), fact in list(facts_by_key.items()) + list(incoming.items()):
        role = ROLE_PROPERTIES.get(pred)
        if role is None or pred not in _PERSON_ROLES or (subj, obj, role) in credited:
            continue
        if (kind == "film" and subj == iri and fact.object_is_iri) or (
            kind == "person" and obj == iri
        ):
            credit_rows.append(CreditRow(subj, "", obj, "", role, supports=fact.supports))
    release_rows = releases
    for r in release_rows:
        r.supports = [Support(sources.get(g) or Source(g)) for g in sorted(r.graphs)]
    conflict_rows = conflicts
    for conflict in conflict_rows:
        for claim in conflict.claims:
            claim.sources = [sources.get(g) or Source(g) for g in sorted(claim.graphs)]

    iris: set[str] = {iri}
    iris |= {f.object for f in facts_by_key.values() if f.object_is_iri}
    iris |= {f.subject for f in incoming.values()}
    iris |= {c.film for c in credit_rows} | {c.person for c in credit_rows}
    iris |= {r.platform for r in release_rows if r.platform}
    iris |= {cl.value for c in conflict_rows for cl in c.claims}
    iris |= {f.predicate for f in facts_by_key.values()}
    names = labels(reader, [i for i in iris if "://" in i or i.startswith("urn:")])
    for credit in credit_rows:
        credit.film_label = names.get(credit.film, credit.film.rsplit("/", 1)[-1])
        credit.person_label = names.get(credit.person, credit.person.rsplit("/", 1)[-1])
    for r in release_rows:
        if r.platform:
            r.platform_label = names.get(r.platform, r.platform.rsplit("/", 1)[-1])
    for conflict in conflict_rows:
        for cl in conflict.claims:
            cl.value_label = names.get(cl.value, cl.value)
    for f in facts_by_key.values():
        f.object_label = names.get(f.object) if f.object_is_iri else None
    for f in incoming.values():
        f.subject_label = names.get(f.subject)
    ordered_in = sorted(
        incoming.values(), key=lambda f: (f.predicate, (f.subject_label or f.subject).casefold())
    )
    return EntityDescription(
        iri=iri,
        label=names.get(iri) or iri.rstrip("/").rsplit("/", 1)[-1],
        types=types,
        kind=kind,
        facts=sorted(facts_by_key.values(), key=lambda f: (f.predicate, f.object)),
        incoming=ordered_in[:_INCOMING_LIMIT],
        incoming_total=len(ordered_in),
        credits=sorted(
            credit_rows,
            key=lambda c: (
                c.role,
                c.billing is None,
                c.billing or 0,
                c.year or "",
                c.person_label.casefold(),
                c.film_label.casefold(),
            ),
        ),
        releases=sorted(release_rows, key=lambda r: (r.date, r.region or "", r.kind or "")),
        same_as=same_as,
        conflicts=conflict_rows,
        labels=names,
        sources=sources,
    )


def _credit_rows(reader: GraphReader, entity: URIRef, kind: str) -> list[CreditRow]:
    """Credits of a film (its people) or of a person (their films), merged over sources."""
    if kind not in ("film", "person"):
        return []
    anchor = "kg:film" if kind == "film" else "kg:person"
    query = f"""
SELECT ?film ?person ?role ?character ?billing ?year ?g WHERE {{
  ?credit {anchor} {entity.n3()} ; kg:film ?film ; kg:person ?person ; kg:role ?role .
  OPTIONAL {{ ?credit kg:characterName ?character }}
  OPTIONAL {{ ?credit kg:billingOrder ?billing }}
  OPTIONAL {{ ?film kg:year ?year }}
  OPTIONAL {{ GRAPH ?g {{ ?credit kg:role ?role }} }}
}} LIMIT 5000"""
    merged: dict[tuple[str, str, str], CreditRow] = {}
    role_names = {str(KG[r.role_individual]): r.relation.value for r in ROLES if r.is_credit}
    prop_of_role = {
        str(KG[r.role_individual]): str(KG[r.property_name]) for r in ROLES if r.is_credit
    }
    for row in reader.rows(with_prefixes(query)):
        film, person, role, character, billing, year, g = map(_text, row)
        if film is None or person is None or role is None:
            continue
        entry = merged.get((film, person, role))
        if entry is None:
            entry = merged[(film, person, role)] = CreditRow(
                film=film,
                film_label="",
                person=person,
                person_label="",
                role=role_names.get(role, role.rsplit("#", 1)[-1]),
                year=year,
                property=prop_of_role.get(role),
            )
        if character and character not in entry.characters:
            entry.characters.append(character)
            entry.characters.sort()
        if billing is not None and billing.isascii() and billing.isdigit():
            entry.billing = (
                int(billing) if entry.billing is None else min(int(billing), entry.billing)
            )
        if year and (entry.year is None or year < entry.year):
            entry.year = year
        if g is not None:
            entry.graphs.add(g)
    return list(merged.values())


def _release_rows(reader: GraphReader, film: URIRef) -> list[ReleaseRow]:
    """Releases of a film: release nodes (region, platform, planned) and bare release dates."""
    query = f"""
SELECT ?date ?type ?region ?platform ?planned ?g WHERE {{
  {{ GRAPH ?g {{ {film.n3()} kg:release ?r . ?r kg:date ?date }} }}
  OPTIONAL {{ ?r a ?type FILTER (?type IN (kg:TheatricalRelease, kg:StreamingRelease)) }}
  OPTIONAL {{ ?r kg:region ?region }}
  OPTIONAL {{ ?r kg:platform ?platform }}
  OPTIONAL {{ ?r kg:planned ?planned }}
}}"""
    merged: dict[tuple[str, str | None, str | None, str | None], ReleaseRow] = {}
    detailed: set[str] = set()
    for row in reader.rows(with_prefixes(query)):
        date, rtype, region, platform, planned, g = map(_text, row)
        if date is None:
            continue
        kind = None
        if rtype:
            kind = "streaming" if rtype.endswith("StreamingRelease") else "theatrical"
        key = (date, kind, region, platform)
        entry = merged.setdefault(
            key, ReleaseRow(date, kind, region, platform, planned=planned == "true")
        )
        if g is not None:
            entry.graphs.add(g)
        detailed.add(date)
    for date, g in reader.rows(
        f"SELECT ?date ?g WHERE {{ GRAPH ?g {{ {film.n3()} {KG.releaseDate.n3()} ?date }} }}"
    ):
        if date is None or g is None or str(date) in detailed:
            continue
        merged.setdefault((str(date), None, None, None), ReleaseRow(str(date))).graphs.add(str(g))
    return list(merged.values())


def _conflict_rows(reader: GraphReader, entity: URIRef) -> list[ConflictRow]:
    query = f"""
SELECT ?c ?prop ?key ?value ?source ?confidence WHERE {{
  ?c a kg:Conflict ; kg:conflictSubject {entity.n3()} ; kg:conflictProperty ?prop ; kg:claim ?claim .
  OPTIONAL {{ ?c kg:conflictKey ?key }}
  ?claim kg:claimValue ?value ; prov:wasDerivedFrom ?source .
  OPTIONAL {{ ?claim kg:combinedConfidence ?confidence }}
}}"""
    found: dict[str, ConflictRow] = {}
    claims: dict[tuple[str, str], ClaimRow] = {}
    for row in reader.rows(with_prefixes(query)):
        c, prop, key, value, source, confidence = map(_text, row)
        if c is None or prop is None or value is None or source is None:
            continue
        conflict = found.setdefault(c, ConflictRow(c, prop, key))
        claim = claims.get((c, value))
        if claim is None:
            claim = claims[(c, value)] = ClaimRow(value, value)
            conflict.claims.append(claim)
        claim.graphs.add(source)
        if confidence is not None:
            claim.confidence = max(float(confidence), claim.confidence or 0.0)
    for conflict in found.values():
        conflict.claims.sort(key=lambda cl: cl.value)
    return [found[c] for c in sorted(found)]


def entity_dataset(reader: GraphReader, iri: str) -> Dataset:
    """The entity's description as RDF, each triple in the named graph of the source that states
    it: its own triples, its credit and release nodes, the evidence behind them, links to it from
    films (``kg:director`` ...), the conflicts about it, and each source's description of itself.

    >>> from kg.store import Store
    >>> with Store.memory() as store:
    ...     entity_dataset(store, "urn:nothing")  # doctest: +IGNORE_EXCEPTION_DETAIL
    Traceback (most recent call last):
    kg.errors.UnknownNameError: nothing in the store is about <urn:nothing>
    """
    entity = _require_iri(iri)
    quads = reader.rows(
        with_prefixes(
            """SELECT ?s ?p ?o ?g WHERE {
  { GRAPH ?g { ?e ?p ?o } BIND (?e AS ?s) }
  UNION { GRAPH ?g { ?e ?link ?s . ?s ?p ?o } FILTER (?link IN (kg:credit, kg:release)) }
  UNION { GRAPH ?g { ?s kg:person ?e ; ?p ?o } }
  UNION { GRAPH ?g { ?s rdf:subject ?e ; ?p ?o } }
  UNION { GRAPH ?g { ?s rdf:object ?e ; ?p ?o } }
  UNION { GRAPH ?g { ?s ?p ?e } BIND (?e AS ?o)
          FILTER (?p NOT IN (kg:person, kg:film, rdf:subject, rdf:object)) }
  UNION { GRAPH ?g { ?s kg:conflictSubject ?e ; ?p ?o } }
  UNION { GRAPH ?g { ?c kg:conflictSubject ?e ; kg:claim ?s . ?s ?p ?o } }
} LIMIT 20000""".replace("?e", entity.n3())
        )
    )
    if not quads:
        raise UnknownNameError(f"nothing in the store is about <{iri}>")
    dataset = Dataset()
    bind_prefixes(dataset)
    graphs: set[str] = set()
    for s, p, o, g in quads:
        if s is None or p is None or o is None or g is None:
            continue
        dataset.graph(URIRef(str(g))).add((s, p, o))
        graphs.add(str(g))
    values = " ".join(URIRef(g).n3() for g in sorted(graphs))
    for s, p, o, g in reader.rows(
        f"SELECT ?s ?p ?o ?g WHERE {{ VALUES ?g {{ {values} }} GRAPH ?g {{ ?g ?p ?o }} BIND (?g AS ?s) }}"
    ):
        if s is None or p is None or o is None or g is None:
            continue
        dataset.graph(URIRef(str(g))).add((s, p, o))
    return dataset


@dataclass
class Neighbourhood:
    """A small picture of an entity's ties: the people (or films) around it and the links among
    them, for the ego picture of an entity page."""

    centre: str
    centre_label: str
    nodes: list[tuple[str, str, str, int]] = field(default_factory=list)
    """``(iri, label, group, weight)``: group is a role name, ``film`` or ``person``."""
    edges: list[tuple[str, str, int]] = field(default_factory=list)


_CREW_VALUES = ", ".join(f"<{p}>" for p in sorted(_PERSON_ROLES))


def neighbourhood(
    reader: GraphReader, page: EntityDescription, *, limit: int = 14
) -> Neighbourhood:
    """The people a person worked with most (with the links among them), or the people of a
    film by role; empty for other kinds.

    >>> from kg.store import Store
    >>> with Store.memory() as store:
    ...     neighbourhood(store, EntityDescription("urn:x", "x", [], "other")).nodes
    []
    """
    out = Neighbourhood(page.iri, page.label)
    if page.kind == "film":
        seen: set[str] = set()
        crew = [c for c in page.credits if c.role != "cast_member"][:8]  # the director first,
        cast = [c for c in page.credits if c.role == "cast_member"]  # never crowded out by cast
        for c in crew + cast:
            if c.person in seen:
                continue
            seen.add(c.person)
            out.nodes.append((c.person, c.person_label, c.role, 1))
            out.edges.append((page.iri, c.person, 1))
            if len(out.nodes) >= limit + 6:
                break
        return out
    if page.kind != "person":
        return out
    entity = URIRef(page.iri).n3()
    rows = reader.rows(
        f"""SELECT ?other (COUNT(DISTINCT ?film) AS ?n) WHERE {{
  ?film ?p1 {entity} . FILTER (?p1 IN ({_CREW_VALUES}))
  ?film ?p2 ?other . FILTER (?p2 IN ({_CREW_VALUES}) && !sameTerm(?other, {entity}))
}} GROUP BY ?other ORDER BY DESC(?n) ?other LIMIT {limit}"""
    )
    others = [(str(o), int(n)) for o, n in rows if o is not None and n is not None]
    if not others:
        return out
    names = labels(reader, [o for o, _ in others])
    for other, n in others:
        out.nodes.append((other, names.get(other, other.rsplit("/", 1)[-1]), "person", n))
        out.edges.append((page.iri, other, n))
    values = " ".join(URIRef(o).n3() for o, _ in others)
    for a, b, count in reader.rows(
        f"""SELECT ?a ?b (COUNT(DISTINCT ?film) AS ?n) WHERE {{
  VALUES ?a {{ {values} }}
  ?film ?p1 ?a . FILTER (?p1 IN ({_CREW_VALUES}))
  ?film ?p2 ?b . FILTER (?p2 IN ({_CREW_VALUES}) && ?b IN ({values.replace(" ", ", ")}) && STR(?a) < STR(?b))
}} GROUP BY ?a ?b"""
    ):
        if a is not None and b is not None and count is not None:
            out.edges.append((str(a), str(b), int(count)))
    return out
