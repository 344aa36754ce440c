"""The only place that mints IRIs: deterministic, readable, one policy.

Entities live under ``https://w3id.org/filmkg/resource/{kind}/{slug}``; the slug is the
case-folded name (letters of any script kept: IRIs are Unicode) with other runs turned into ``-``.
:mod:`kg.resolve` decides *which* entity a name is and passes a ``qualifier`` (usually the year)
when two different entities would otherwise get the same IRI.

>>> str(entity_iri("person", "Tom Cruise"))
'https://w3id.org/filmkg/resource/person/tom-cruise'
>>> str(entity_iri("film", "Mission: Impossible \u2013 Dead Reckoning Part One"))
'https://w3id.org/filmkg/resource/film/mission-impossible-dead-reckoning-part-one'
>>> str(entity_iri("film", "Hamlet", qualifier="1948"))
'https://w3id.org/filmkg/resource/film/hamlet-1948'

The named graphs ``kg`` itself writes (inferred facts, enrichment, the push status on a server)
have fixed IRIs, defined here too:

>>> INFERRED_GRAPH
'https://w3id.org/filmkg/graph/inferred'
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from functools import lru_cache
from pathlib import Path

from rdflib import URIRef

from .namespace import BASE, KGR

__all__ = [
    "CONFLICTS_GRAPH",
    "ENRICH_GRAPH",
    "ENTITY_KINDS",
    "INFERRED_GRAPH",
    "ONTOLOGY_GRAPH",
    "PUSH",
    "PUSH_STATUS_GRAPH",
    "REASONING_WORK_GRAPH",
    "agreement_iri",
    "claim_iri",
    "conflict_iri",
    "credit_iri",
    "credit_iri_head",
    "credit_iri_tail",
    "credit_iri_text",
    "entity_iri",
    "evidence_iri",
    "release_iri",
    "slugify",
    "source_graph_iri",
]

ENTITY_KINDS = frozenset({"film", "series", "person", "organization", "country", "work"})

# --- the named graphs kg writes itself -----------------------------------------------------------

ONTOLOGY_GRAPH = f"{BASE}graph/ontology"
"""The ontology (``film.ttl`` and ``alignment.ttl``) as kept in the store: queries can ask it
which properties are roles (``?p rdfs:subPropertyOf kg:contributor``). Written by every load
when the shipped ontology changed; never a source, never validated or reasoned over as data."""

INFERRED_GRAPH = f"{BASE}graph/inferred"
"""The named graph that holds inferred facts (replaced by each run of :func:`kg.reason.reason`)."""

REASONING_WORK_GRAPH = INFERRED_GRAPH + "/work"
"""Where the RL rules collect new triples during a run (moved to :data:`INFERRED_GRAPH` at the end)."""

CONFLICTS_GRAPH = f"{BASE}graph/conflicts"
"""The named graph of conflicts and agreements between sources (rebuilt by
:func:`kg.conflicts.record_conflicts` after every load)."""

ENRICH_GRAPH = f"{BASE}source/enrich-wikidata"
"""The named graph holding the links and facts found by :func:`kg.enrich.enrich`."""

PUSH_STATUS_GRAPH = f"{BASE}push/status"
"""The graph on a SPARQL server where :func:`kg.push.push` records what it sent."""

PUSH = f"{BASE}push#"
"""Namespace of the push status terms (``digest``, ``state``, ``sent``, ``triples``,
``pushedAt``); kept apart from the ontology's ``kg:`` so queries over the data never see them."""

_NON_WORD = re.compile(r"[\W_]+")


@lru_cache(maxsize=1 << 18)
def slugify(text: str) -> str:
    """Readable, stable IRI segment for a name: case-folded, letters kept (accents too, so
    "Daniel Martín" and "Daniel Martin" stay two people), other runs turned into ``-``.

    >>> slugify("Pom Klementieff")
    'pom-klementieff'
    >>> slugify("Étienne Chicot")
    'étienne-chicot'
    >>> slugify("Shauna MacDonald") == slugify("Shauna Macdonald")
    True
    >>> slugify("???")  # nothing left: a short hash keeps it unique and stable
    'x-2d86c2'
    """
    folded = unicodedata.normalize("NFKC", text).casefold()
    slug = _NON_WORD.sub("-", folded).strip("-")
    if not slug:
        return "x-" + hashlib.sha1(text.encode("utf-8")).hexdigest()[:6]
    return slug[:120].rstrip("-")


def entity_iri(kind: str, name: str, *, qualifier: str | None = None) -> URIRef:
    """IRI of an entity of ``kind`` (one of :data:`ENTITY_KINDS`) named ``name``."""
    if kind not in ENTITY_KINDS:
        raise ValueError(f"unknown entity kind {kind!r}; expected one of {sorted(ENTITY_KINDS)}")
    slug = slugify(name)
    if qualifier:
        slug = f"{slug}-{slugify(qualifier)}"
    return KGR[f"{kind}/{slug}"]


def _local(iri: str) -> str:
    return iri.rsplit("/", 1)[-1]


def credit_iri(film: str, role: str, person: str) -> URIRef:
    """IRI of the credit of ``person`` in ``role`` on ``film`` (IRIs of film and person).

    One credit per film, role and person, whichever sources state it: the characters played
    are values of ``kg:characterName`` on it, so an article that names no character and a table
    that does describe the same credit.

    >>> credit_iri(entity_iri("film", "Heat"), "director", entity_iri("person", "Michael Mann"))
    rdflib.term.URIRef('https://w3id.org/filmkg/resource/credit/heat/director/michael-mann')
    """
    return URIRef(credit_iri_text(film, role, person))


_CREDITS = str(KGR) + "credit/"


def credit_iri_text(film: str, role: str, person: str) -> str:
    """:func:`credit_iri` as a plain string (the bulk path makes no rdflib term).

    >>> credit_iri_text("https://w3id.org/filmkg/resource/film/heat", "director", "x/person/mann")
    'https://w3id.org/filmkg/resource/credit/heat/director/mann'
    """
    return f"{_CREDITS}{_local(film)}/{slugify(role)}/{_local(person)}"


def credit_iri_head(film: str) -> str:
    """The start of the IRI of every credit on ``film``, which :func:`credit_iri_tail` ends:
    a table's row makes it once for the credits of its film.

    >>> film, mann = "x/film/heat", "x/person/mann"
    >>> credit_iri_head(film) + credit_iri_tail("director", mann) == credit_iri_text(film, "director", mann)
    True
    """
    return f"{_CREDITS}{_local(film)}/"


def credit_iri_tail(role: str, person: str) -> str:
    """The rest of a credit's IRI after :func:`credit_iri_head`."""
    return f"{slugify(role)}/{_local(person)}"


def release_iri(film: str, date: str, platform: str | None = None) -> URIRef:
    """IRI of a release of ``film`` on ``date`` (optionally on a platform's IRI)."""
    tail = f"{_local(film)}/{slugify(date)}"
    if platform:
        tail += f"/{_local(platform)}"
    return KGR[f"release/{tail}"]


def evidence_iri(source_graph: str, *parts: object) -> URIRef:
    """IRI of one piece of evidence in a source graph, stable for the same fact and span."""
    digest = hashlib.sha1("\x1f".join(map(str, parts)).encode("utf-8")).hexdigest()[:16]
    return URIRef(f"{source_graph}/evidence/{digest}")


def source_graph_iri(source: str | Path) -> URIRef:
    """Named graph IRI for a source file or URL: readable name plus a hash of its location.

    >>> source_graph_iri("https://example.org/news/heat.html")
    rdflib.term.URIRef('https://w3id.org/filmkg/source/heat-html-fc187b5f')
    """
    text = str(source)
    if "://" not in text:
        text = str(Path(text).resolve())
    name = slugify(text.rstrip("/").rsplit("/", 1)[-1])
    digest = hashlib.sha1(text.encode("utf-8")).hexdigest()[:8]
    return URIRef(f"{BASE}source/{name}-{digest}")


def _digest(*parts: object) -> str:
    return hashlib.sha1("\x1f".join(map(str, parts)).encode("utf-8")).hexdigest()[:16]


def conflict_iri(subject: str, prop: str, key: str | None = None) -> URIRef:
    """IRI of the conflict between sources on ``prop`` of ``subject`` (for one ``key``, such as
    a release's region and kind), under the subject's own slug.

    >>> str(conflict_iri(KGR["film/heat"], "https://w3id.org/filmkg/ontology#director"))[:49]
    'https://w3id.org/filmkg/resource/conflict/heat/di'
    """
    local = prop.rsplit("#", 1)[-1].rsplit("/", 1)[-1]
    return KGR[f"conflict/{_local(subject)}/{slugify(local)}-{_digest(subject, prop, key)[:8]}"]


def claim_iri(conflict: str, value: str) -> URIRef:
    """IRI of one value (claim) of a conflict."""
    return URIRef(f"{conflict}/claim/{_digest(value)[:12]}")


def agreement_iri(subject: str, prop: str, obj: str) -> URIRef:
    """IRI of the agreement of several sources on one fact."""
    return KGR[f"agreement/{_local(subject)}/{_digest(subject, prop, obj)}"]
