"""Why the graph holds a fact: the sources behind it, with sentence, offsets and confidence.

:func:`explain` finds an entity by name (label, title or alias, any case) or by IRI and returns
one :class:`FactExplanation` per fact about it (optionally only one relation), each listing the
:class:`Support` of every source that states it: an article's evidence (sentence, character
offsets, confidence, extractor) or a table row (the table and its mapping).  The same is
reachable by SPARQL with the named query ``fact-sources`` (``queries/fact-sources.rq``).

>>> from kg.store import Store
>>> from kg.ingest import load_paths
>>> import tempfile, pathlib
>>> p = pathlib.Path(tempfile.mkdtemp()) / "heat.txt"
>>> _ = p.write_text("Heat is a 1995 crime film directed by Michael Mann.\\n")
>>> with Store.memory() as store:
...     _ = load_paths(store, [p], progress=False)
...     [fact] = explain(store, "Michael Mann", "director")
>>> fact.subject_label, fact.relation, fact.object_label
('Heat', 'director', 'Michael Mann')
>>> s = fact.supports[0]
>>> s.sentence, s.start, s.end, s.extractor
('Heat is a 1995 crime film directed by Michael Mann.', 0, 51, 'rules.v2')
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import asdict, dataclass, field
from typing import Any

from rdflib import Literal, URIRef
from rdflib.namespace import RDFS

from .entity import Source, Support, source_kind
from .errors import KGInputError, UnknownNameError
from .iri import ENTITY_KINDS, entity_iri
from .lookup import labels
from .model import Relation
from .query import with_prefixes
from .store import Store
from .triples import PROPERTY_OF_RELATION

__all__ = [
    "FactExplanation",
    "explain",
    "find_entities",
    "format_explanations",
    "relation_property",
]

_ENTITY_CLASSES = (
    "kg:Film kg:FilmSeries kg:Person kg:Organization kg:Studio kg:ProductionCompany "
    "kg:Distributor kg:StreamingService kg:Country"
)


@dataclass(frozen=True, slots=True)
class FactExplanation:
    """A fact (IRIs and labels) and every source that supports it."""

    subject: str
    subject_label: str
    relation: str
    property: str
    object: str
    object_label: str
    supports: list[Support] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        """Plain JSON-ready dict."""
        return asdict(self)


def _relation_names() -> dict[str, URIRef]:
    names: dict[str, URIRef] = {}
    for rel, prop in PROPERTY_OF_RELATION.items():
        names[rel.value] = prop
        names[str(prop).rsplit("#", 1)[-1].lower()] = prop
    return names


def relation_property(name: str) -> URIRef:
    """The property of a relation named as in :class:`~kg.model.Relation` (or the property's name).

    >>> str(relation_property("cast_member"))
    'https://w3id.org/filmkg/ontology#castMember'
    >>> relation_property("directr")
    Traceback (most recent call last):
    ...
    kg.errors.UnknownNameError: unknown relation 'directr'; did you mean director?
    """
    names = _relation_names()
    key = name.strip().lower().replace("-", "_").replace(" ", "_")
    if key.startswith("kg:"):
        key = key[3:]
    prop = names.get(key) or names.get(key.replace("_", ""))
    if prop is not None:
        return prop
    raise UnknownNameError(
        f"unknown relation {name!r}; "
        + _suggest(
            name, [r.value for r in Relation], "relations: " + ", ".join(r.value for r in Relation)
        )
    )


def _suggest(name: str, choices: list[str], fallback: str) -> str:
    from rapidfuzz import fuzz, process, utils

    close = [
        c
        for c, score, _ in process.extract(
            name, choices, scorer=fuzz.WRatio, processor=utils.default_process, limit=3
        )
        if score >= 70
    ]
    return f"did you mean {' or '.join(close)}?" if close else fallback


def find_entities(store: Store, name: str) -> list[str]:
    """IRIs of the entities called ``name`` (an IRI, or a label, title or alias in any case).

    Raises :class:`~kg.errors.UnknownNameError` suggesting close names when nothing matches.
    """
    text = name.strip()
    if not text:
        raise KGInputError("give a name or an IRI to explain")
    if text.startswith(("http://", "https://", "urn:")):
        if any(c in text for c in ' <>"{}|^`\\'):
            raise KGInputError(f"not a valid IRI: {text!r}")
        ask = "ASK { { ?e ?p ?o } UNION { ?s ?p ?e } }"
        if store.query(ask, bindings={"e": URIRef(text)}).boolean():
            return [text]
        raise UnknownNameError(
            f"no entity <{text}> in the store; check the IRI (kg query can list them)"
        )
    for candidate in dict.fromkeys((text, text.casefold())):
        rows = store.query(
            with_prefixes(
                "SELECT DISTINCT ?e WHERE { { ?e rdfs:label ?n } UNION { ?e skos:altLabel ?n } "
                "UNION { ?e kg:title ?n } } ORDER BY ?e"
            ),
            bindings={"n": Literal(candidate)},
        ).rows()
        if rows:
            return [str(r[0]) for r in rows]
    # any case, any spacing/punctuation: the IRI slug of the name, under each kind
    slugged = [str(entity_iri(kind, text)) for kind in sorted(ENTITY_KINDS)]
    values = " ".join(f"<{i}>" for i in slugged)
    rows = store.query(
        f"SELECT DISTINCT ?e WHERE {{ VALUES ?e {{ {values} }} ?e a ?c }} ORDER BY ?e"
    ).rows()
    if rows:
        return [str(r[0]) for r in rows]
    known = [
        str(r[0])
        for r in store.query(
            with_prefixes(
                f"SELECT DISTINCT ?l WHERE {{ VALUES ?c {{ {_ENTITY_CLASSES} }} ?e a ?c ; rdfs:label ?l }}"
            )
        ).rows()
        if r[0] is not None
    ]
    raise UnknownNameError(
        f"no entity named {text!r} in the store; "
        + _suggest(text, known, "`kg query --name search-titles` finds titles")
    )


_FACTS = """
SELECT ?s ?p ?o ?g ?src ?loader ?path ?title ?url ?issued ?srcExtractor ?mapping
       ?ev ?sentence ?start ?end ?confidence ?extractor ?ambiguous
WHERE {
  GRAPH ?g { ?s ?p ?o }
  OPTIONAL { GRAPH ?src { ?src kg:containsGraph ?g } }
  BIND (COALESCE(?src, ?g) AS ?described)
  OPTIONAL { GRAPH ?described { ?described kg:sourcePath ?path } }
  OPTIONAL { GRAPH ?described { ?described kg:loader ?loader } }
  OPTIONAL { GRAPH ?described { ?described dcterms:title ?title } }
  OPTIONAL { GRAPH ?described { ?described dcterms:identifier ?url } }
  OPTIONAL { GRAPH ?described { ?described dcterms:issued ?issued } }
  OPTIONAL { GRAPH ?described { ?described kg:extractor ?srcExtractor } }
  OPTIONAL { GRAPH ?described { ?described kg:mapping ?mapping } }
  OPTIONAL {
    GRAPH ?g {
      ?ev rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ; kg:sentence ?sentence .
      OPTIONAL { ?ev kg:startOffset ?start }
      OPTIONAL { ?ev kg:endOffset ?end }
      OPTIONAL { ?ev kg:confidence ?confidence }
      OPTIONAL { ?ev kg:extractor ?extractor }
      OPTIONAL { ?ev kg:ambiguous ?ambiguous }
    }
  }
}
"""


def _opt(value: Any) -> str | None:
    return None if value is None else str(value)


def explain(
    store: Store, entity: str, relation: str | None = None, other: str | None = None
) -> list[FactExplanation]:
    """Facts about ``entity`` (as subject or object), optionally of one ``relation`` and with
    ``other`` at the other end, each with the sources that support it.

    ``relation`` is named as in :class:`~kg.model.Relation` (``director``, ``cast_member``,
    ``producer``...). Raises :class:`~kg.errors.UnknownNameError` for an unknown entity or
    relation, with close names, and :class:`~kg.errors.KGInputError` when the entity has no such
    fact.
    """
    iris = find_entities(store, entity)
    others = set(find_entities(store, other)) if other else None
    props = [relation_property(relation)] if relation else list(PROPERTY_OF_RELATION.values())
    relation_of = {str(p): r.value for r, p in PROPERTY_OF_RELATION.items()}
    values_p = " ".join(f"<{p}>" for p in props)
    values_e = " ".join(f"<{i}>" for i in iris)
    rows: list[tuple[Any, ...]] = []
    for side in ("s", "o"):
        query = _FACTS.replace(
            "WHERE {\n",
            f"WHERE {{\n  VALUES ?p {{ {values_p} }} VALUES ?{side} {{ {values_e} }}\n",
            1,
        )
        rows += store.query(with_prefixes(query), union_default_graph=False).rows()
    facts: dict[tuple[str, str, str], dict[tuple[Any, ...], Support]] = defaultdict(dict)
    literal_objects: set[str] = set()
    for row in rows:
        s, p, o, g, _src, loader, path, title, url, issued, src_ex, mapping = row[:12]
        ev, sentence, start, end, confidence, extractor, ambiguous = row[12:]
        if others is not None and str(s) not in others and str(o) not in others:
            continue
        key = (str(s), str(p), str(o))
        if not isinstance(o, URIRef):
            literal_objects.add(str(o))
        source = Source(
            graph=str(g),
            kind=source_kind(str(g), _opt(loader)),
            loader=_opt(loader),
            path=_opt(path),
            title=_opt(title),
            url=_opt(url),
            published=_opt(issued),
            extractor=_opt(src_ex),
            mapping=_opt(mapping),
        )
        support = Support(
            source=source,
            sentence=_opt(sentence),
            start=int(start) if start is not None else None,
            end=int(end) if end is not None else None,
            confidence=float(confidence) if confidence is not None else None,
            extractor=_opt(extractor),
            ambiguous=bool(ambiguous is not None and ambiguous.toPython() is True),
        )
        facts[key][(str(g), str(ev) if ev is not None else "")] = support
    if not facts:
        what = f"{relation} facts" if relation else "facts"
        with_other = f" with {other!r}" if other else ""
        raise KGInputError(f"no {what} about {entity!r}{with_other} in the store")
    entity_iris = {k[0] for k in facts} | {k[2] for k in facts if k[2] not in literal_objects}
    names = labels(store, entity_iris, predicates=(RDFS.label,))
    out: list[FactExplanation] = []
    for (s, p, o), supports in facts.items():
        ordered = sorted(
            supports.values(),
            key=lambda x: (x.source.path or x.source.graph, x.start if x.start is not None else -1),
        )
        out.append(
            FactExplanation(
                subject=s,
                subject_label=names.get(s, s),
                relation=relation_of.get(p, p),
                property=p,
                object=o,
                object_label=names.get(o, o),
                supports=ordered,
            )
        )
    out.sort(key=lambda f: (f.relation, f.subject_label, f.object_label))
    return out


def _where(source: Source) -> str:
    parts = [source.path or source.graph]
    if source.url and source.url != source.path:
        parts.append(source.url)
    return ", ".join(parts)


def format_explanations(facts: list[FactExplanation]) -> str:
    """Plain text for :func:`explain`'s result, one block per fact."""
    lines: list[str] = []
    for fact in facts:
        lines.append(f"{fact.subject_label}  {fact.relation}  {fact.object_label}")
        lines.append(f"  <{fact.subject}> <{fact.property}> {_term(fact.object)}")
        for sup in fact.supports:
            src = sup.source
            if sup.sentence is not None:
                head = f'  article "{src.title}"' if src.title else "  article"
                head += f" ({_where(src)})"
                if src.published:
                    head += f", published {src.published}"
                lines.append(head)
                conf = f"{sup.confidence:.3f}" if sup.confidence is not None else "?"
                note = ", ambiguous name" if sup.ambiguous else ""
                lines.append(
                    f"    characters {sup.start}-{sup.end}, confidence {conf}, "
                    f"extractor {sup.extractor or src.extractor or '?'}{note}"
                )
                lines.append(f"    {sup.sentence!r}")
            elif src.loader is not None and src.loader.startswith("table"):
                mapping = f" (mapping {src.mapping})" if src.mapping else ""
                lines.append(f"  from table {_where(src)}{mapping}")
            elif src.loader is not None and src.loader.startswith("article"):
                lines.append(f"  article {_where(src)} (no evidence sentence recorded)")
            elif src.loader is not None:
                lines.append(f"  from {src.loader} source {_where(src)}")
            else:
                lines.append(f"  from graph <{src.graph}>")
        lines.append("")
    return "\n".join(lines).rstrip("\n")


def _term(value: str) -> str:
    return f"<{value}>" if "://" in value else repr(value)
