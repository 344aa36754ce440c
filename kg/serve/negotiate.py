"""Content negotiation for the SPARQL endpoint: which format answers a request.

A ``format`` (or ``output``) request parameter wins over the ``Accept`` header; SELECT/ASK
results come as SPARQL JSON, XML, CSV or TSV, CONSTRUCT/DESCRIBE graphs as Turtle, N-Triples,
JSON-LD or RDF/XML.

>>> choose_format("select", [], "text/csv;q=0.5, application/sparql-results+xml")
('xml', 'application/sparql-results+xml')
>>> choose_format("graph", ["json"], "*/*")
('jsonld', 'application/ld+json')
>>> choose_format("select", [], "image/png")  # doctest: +IGNORE_EXCEPTION_DETAIL
Traceback (most recent call last):
kg.serve.negotiate.NotAcceptable: no SELECT/ASK results format matches Accept: image/png
"""

from __future__ import annotations

from collections.abc import Sequence

from ..errors import KGInputError

__all__ = [
    "ENTITY_TYPES",
    "GRAPH_TYPES",
    "RESULT_TYPES",
    "NotAcceptable",
    "choose_entity_format",
    "choose_format",
    "parse_accept",
]

RESULT_TYPES: dict[str, str] = {
    "json": "application/sparql-results+json",
    "xml": "application/sparql-results+xml",
    "csv": "text/csv",
    "tsv": "text/tab-separated-values",
}
"""SELECT/ASK results formats (our name -> media type); the first is the default."""

GRAPH_TYPES: dict[str, str] = {
    "ttl": "text/turtle",
    "nt": "application/n-triples",
    "jsonld": "application/ld+json",
    "rdf": "application/rdf+xml",
}
"""CONSTRUCT/DESCRIBE formats (our name -> media type); the first is the default."""

ENTITY_TYPES: dict[str, str] = {
    "html": "text/html",
    "ttl": "text/turtle",
    "jsonld": "application/ld+json",
    "nt": "application/n-triples",
    "trig": "application/trig",
    "nq": "application/n-quads",
    "rdf": "application/rdf+xml",
}
"""Formats of an entity page (our name -> media type): HTML for people, RDF for machines."""

_ENTITY_ALIASES: dict[str, str] = {
    "html": "html",
    "text/html": "html",
    "application/xhtml+xml": "html",
    "trig": "trig",
    "application/trig": "trig",
    "nq": "nq",
    "nquads": "nq",
    "n-quads": "nq",
    "application/n-quads": "nq",
}

_RESULT_ALIASES: dict[str, str] = {
    "json": "json",
    "srj": "json",
    "application/sparql-results+json": "json",
    "application/json": "json",
    "text/javascript": "json",
    "application/javascript": "json",
    "xml": "xml",
    "srx": "xml",
    "application/sparql-results+xml": "xml",
    "application/xml": "xml",
    "text/xml": "xml",
    "csv": "csv",
    "text/csv": "csv",
    "tsv": "tsv",
    "text/tab-separated-values": "tsv",
}

_GRAPH_ALIASES: dict[str, str] = {
    "ttl": "ttl",
    "turtle": "ttl",
    "n3": "ttl",
    "text/turtle": "ttl",
    "application/turtle": "ttl",
    "text/n3": "ttl",
    "text/rdf+n3": "ttl",
    "application/n3": "ttl",
    "nt": "nt",
    "ntriples": "nt",
    "n-triples": "nt",
    "application/n-triples": "nt",
    "text/plain": "nt",
    "jsonld": "jsonld",
    "json-ld": "jsonld",
    "json": "jsonld",
    "application/ld+json": "jsonld",
    "application/x-json+ld": "jsonld",
    "application/json": "jsonld",
    "rdf": "rdf",
    "rdf+xml": "rdf",
    "xml": "rdf",
    "application/rdf+xml": "rdf",
    "application/xml": "rdf",
    "text/xml": "rdf",
}


class NotAcceptable(KGInputError):
    """No format we write matches what the client asked for (HTTP 406)."""


def parse_accept(header: str) -> list[str]:
    """Media types of an ``Accept`` header, best first (q=0 dropped; stable for ties).

    >>> parse_accept("text/csv;q=0.2, application/json, */*;q=0.1")
    ['application/json', 'text/csv', '*/*']
    """
    ranked: list[tuple[float, int, str]] = []
    for index, part in enumerate(header.split(",")):
        fields = [f.strip() for f in part.split(";")]
        media = fields[0].lower()
        if not media:
            continue
        quality = 1.0
        for field in fields[1:]:
            key, _, value = field.partition("=")
            if key.strip() == "q":
                try:
                    quality = float(value)
                except ValueError:
                    quality = 0.0
        if quality > 0:
            ranked.append((-quality, index, media))
    return [media for _, _, media in sorted(ranked)]


def choose_format(kind: str, format_params: Sequence[str], accept: str | None) -> tuple[str, str]:
    """``(format, media type)`` for a result of ``kind`` (``select``, ``ask`` or ``graph``)."""
    graph = kind == "graph"
    aliases = _GRAPH_ALIASES if graph else _RESULT_ALIASES
    types = GRAPH_TYPES if graph else RESULT_TYPES
    what = "CONSTRUCT/DESCRIBE" if graph else "SELECT/ASK results"
    asked = [p.strip().lower() for p in format_params if p.strip()]
    for value in asked:
        fmt = aliases.get(value)
        if fmt is not None:
            return fmt, types[fmt]
    if asked:
        raise NotAcceptable(f"unknown {what} format {asked[0]!r}; use one of: {', '.join(types)}")
    media_types = parse_accept(accept or "*/*") or ["*/*"]
    for media in media_types:
        if media in ("*/*", "application/*"):
            fmt = next(iter(types))
        elif media == "text/*":
            fmt = "ttl" if graph else "csv"
        else:
            found = aliases.get(media)
            if found is None:
                continue
            fmt = found
        return fmt, types[fmt]
    raise NotAcceptable(
        f"no {what} format matches Accept: {accept}; this endpoint writes "
        + ", ".join(types.values())
    )


def choose_entity_format(format_params: Sequence[str], accept: str | None) -> tuple[str, str]:
    """``(format, media type)`` of an entity page: a ``format`` parameter first, else ``Accept``
    (a browser's ``text/html``, or anything: HTML; ``text/turtle``, JSON-LD, N-Triples, TriG,
    N-Quads, RDF/XML for machines).

    >>> choose_entity_format([], "text/turtle;q=0.9, application/ld+json")
    ('jsonld', 'application/ld+json')
    >>> choose_entity_format([], "*/*")
    ('html', 'text/html')
    >>> choose_entity_format(["nt"], "text/html")
    ('nt', 'application/n-triples')
    """
    aliases = {**_GRAPH_ALIASES, **_ENTITY_ALIASES}
    aliases.pop("text/plain", None)
    asked = [p.strip().lower() for p in format_params if p.strip()]
    for value in asked:
        fmt = aliases.get(value)
        if fmt is not None:
            return fmt, ENTITY_TYPES[fmt]
    if asked:
        raise NotAcceptable(
            f"unknown entity format {asked[0]!r}; use one of: {', '.join(ENTITY_TYPES)}"
        )
    for media in parse_accept(accept or "*/*") or ["*/*"]:
        if media in ("*/*", "text/*"):
            return "html", ENTITY_TYPES["html"]
        if media == "application/*":
            return "jsonld", ENTITY_TYPES["jsonld"]
        found = aliases.get(media)
        if found is not None:
            return found, ENTITY_TYPES[found]
    raise NotAcceptable(
        f"no entity format matches Accept: {accept}; this server writes "
        + ", ".join(ENTITY_TYPES.values())
    )
