"""Entity pages of ``kg serve``: HTML for people, with the sources behind every fact.

:func:`entity_html` turns a :class:`kg.entity.EntityDescription` into one self-contained page
(style inline, no script, nothing fetched from elsewhere): label and types, conflicts first, then
the facts grouped as a film site would (credits by role with character and billing, releases,
series, studios), each with a "sources" box (the sentence, the article, the confidence and the
extraction rule; or the table it came from), a small ego picture, and "see also" links.
IRIs under the served base become local links (:class:`Linker`).

>>> from kg.entity import EntityDescription
>>> page = entity_html(EntityDescription("https://w3id.org/filmkg/resource/film/heat", "Heat",
...     ["https://w3id.org/filmkg/ontology#Film"], "film"), Linker("https://w3id.org/filmkg/"))
>>> "<h1>Heat</h1>" in page and 'href="/resource/film/heat?format=ttl"' in page
True
"""

from __future__ import annotations

import html
import math
import urllib.parse
from collections import defaultdict
from collections.abc import Iterable

import networkx as nx

from ..entity import (
    ROLE_PROPERTIES,
    EntityDescription,
    EntityFact,
    Neighbourhood,
    Source,
    Support,
    combined_confidence,
)
from ..lookup import short_iri
from ..namespace import KG

__all__ = ["Linker", "ego_svg", "entity_html", "page"]

_KG = str(KG._NS)
_ROLE_TITLES = {
    "director": "Directed by",
    "cast_member": "Cast",
    "producer": "Produced by",
    "executive_producer": "Executive producers",
    "screenwriter": "Written by",
    "composer": "Music by",
    "cinematographer": "Cinematography",
    "editor": "Edited by",
}
_PERSON_ROLE_TITLES = {
    "director": "Director",
    "cast_member": "Actor",
    "producer": "Producer",
    "executive_producer": "Executive producer",
    "screenwriter": "Writer",
    "composer": "Composer",
    "cinematographer": "Cinematographer",
    "editor": "Editor",
}
_ROLE_COLOURS = {
    "director": "#d62728",
    "cast_member": "#1f77b4",
    "producer": "#2ca02c",
    "executive_producer": "#98df8a",
    "screenwriter": "#9467bd",
    "composer": "#ff7f0e",
    "cinematographer": "#8c564b",
    "editor": "#e377c2",
    "person": "#1f77b4",
    "film": "#555555",
}
_GROUPS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("About", ("title", "year", "runtimeMinutes", "genre", "originalLanguage", "countryOfOrigin")),
    ("Series", ("partOfSeries", "follows", "followedBy", "basedOn")),
    ("Companies", ("productionCompany", "distributor", "streamingOn")),
    ("Identifiers", ("imdbId", "wikidataId")),
)
_SHOWN_ELSEWHERE = {f"{_KG}releaseDate", *ROLE_PROPERTIES}
_INVERSE = {
    f"{_KG}follows": "Followed by",
    f"{_KG}followedBy": "Follows",
    f"{_KG}partOfSeries": "Films in this series",
    f"{_KG}basedOn": "Source of",
    f"{_KG}platform": "Platform of",
    f"{_KG}streamingOn": "Streams",
}
"""How a link *to* the entity reads on its page (``film kg:follows this``: "Followed by film")."""

CSS = """
body{font:15px/1.45 system-ui,sans-serif;margin:0;color:#222;background:#fafafa}
header.top{background:#1f3a5f;color:#fff;padding:.4rem 1rem;display:flex;gap:1rem;align-items:baseline}
header.top a{color:#fff}
main{max-width:1100px;margin:0 auto;padding:1rem}
h1{margin:.2rem 0}
.iri{color:#666;font-size:.85rem;word-break:break-all}
.chip{display:inline-block;background:#e8eef6;border-radius:.7rem;padding:0 .6rem;margin-right:.3rem;font-size:.8rem}
.formats a,.seealso a{margin-right:.6rem}
section{background:#fff;border:1px solid #e2e2e2;border-radius:6px;padding:.6rem 1rem;margin:.8rem 0}
section h2{font-size:1.1rem;margin:.2rem 0 .5rem}
table{border-collapse:collapse;width:100%}
table.rows td:first-child{width:3rem}
td.s{width:8rem}
th,td{text-align:left;padding:.2rem .4rem;border-bottom:1px solid #eee;vertical-align:top}
th{color:#555;font-weight:600;font-size:.85rem}
details.src summary{cursor:pointer;color:#1f3a5f;font-size:.8rem;white-space:nowrap}
details.src ul{margin:.2rem 0 .4rem 1rem;padding:0;font-size:.85rem}
details.src li{margin:.2rem 0}
blockquote{margin:.1rem 0 .1rem .5rem;padding-left:.5rem;border-left:3px solid #c9d6e8;color:#333}
.conf{color:#2d6a2d}
section.conflicts{border-color:#e0a0a0;background:#fff6f6}
.conflicts h2{color:#8a1c1c}
.muted{color:#777;font-size:.85rem}
.grid{display:grid;grid-template-columns:minmax(0,1fr) 380px;gap:1rem}
@media (max-width:900px){.grid{grid-template-columns:1fr}}
svg text{font-size:10px;paint-order:stroke;stroke:#fff;stroke-width:3px}
.legend span{display:inline-block;margin-right:.7rem;font-size:.8rem}
.legend i{display:inline-block;width:.7rem;height:.7rem;border-radius:50%;margin-right:.25rem;vertical-align:middle}
"""


class Linker:
    """Where a link to an IRI points: IRIs under ``base`` are served here (``/resource/...``),
    others are left as they are.

    >>> Linker("https://w3id.org/filmkg/").href("https://w3id.org/filmkg/resource/person/a-b")
    '/resource/person/a-b'
    >>> Linker("https://w3id.org/filmkg/").href("http://www.wikidata.org/entity/Q1")
    'http://www.wikidata.org/entity/Q1'
    """

    def __init__(self, base: str) -> None:
        self.base = base

    def local(self, iri: str) -> str | None:
        """The local path of an IRI under the base, else ``None``."""
        if iri.startswith(self.base):
            rest = iri[len(self.base) :]
            return "/" + urllib.parse.quote(rest, safe="/#-_.~:@!$&'()*+,;=")
        return None

    def href(self, iri: str) -> str:
        """The local path of an IRI under the base, else the IRI."""
        return self.local(iri) or iri


def _e(text: object) -> str:
    return html.escape(str(text), quote=True)


def _a(linker: Linker, iri: str, label: str | None = None) -> str:
    return f'<a href="{_e(linker.href(iri))}" title="{_e(iri)}">{_e(label or iri)}</a>'


def _support_item(linker: Linker, support: Support) -> str:
    src = support.source
    where = src.path or src.url or src.graph
    name = _a(linker, src.graph, src.name)
    if support.sentence is not None:
        conf = f" · confidence {support.confidence:.2f}" if support.confidence is not None else ""
        rule = f" · rule <code>{_e(support.rule)}</code>" if support.rule else ""
        extractor = f" · {_e(support.extractor)}" if support.extractor else ""
        span = (
            f" · characters {support.start}-{support.end}"
            if support.start is not None and support.end is not None
            else ""
        )
        published = f", published {_e(src.published)}" if src.published else ""
        return (
            f"<li>article {name} <span class='muted'>({_e(where)}{published})</span>"
            f"<blockquote>{_e(support.sentence)}</blockquote>"
            f"<span class='muted'>{conf.lstrip(' ·')}{rule}{extractor}{span}</span></li>"
        )
    if src.kind == "table":
        mapping = f" (mapping <code>{_e(src.mapping)}</code>)" if src.mapping else ""
        return f"<li>table row of {name}{mapping} <span class='muted'>{_e(where)}</span></li>"
    if src.kind == "article":
        return f"<li>article {name} <span class='muted'>({_e(where)}; no sentence recorded)</span></li>"
    if src.kind == "inferred":
        return "<li>inferred by <code>kg reason</code></li>"
    return f"<li>{_e(src.kind)} source {name} <span class='muted'>{_e(where)}</span></li>"


def sources_box(linker: Linker, supports: list[Support]) -> str:
    """A collapsed box listing the sources of a fact; its summary counts them and gives the
    combined confidence."""
    if not supports:
        return ""
    count = len({s.source.graph for s in supports})
    conf = combined_confidence(supports)
    has_conf = any(s.confidence is not None for s in supports)
    summary = f"{count} source{'s' if count != 1 else ''}"
    if has_conf and conf is not None:
        summary += f" · <span class='conf'>{conf:.2f}</span>"
    items = "".join(_support_item(linker, s) for s in supports)
    return f"<details class='src'><summary>{summary}</summary><ul>{items}</ul></details>"


def _value(linker: Linker, fact: EntityFact) -> str:
    if fact.object_is_iri:
        return _a(linker, fact.object, fact.object_label or short_iri(fact.object))
    return _e(fact.object)


def _prop_name(iri: str) -> str:
    short = short_iri(iri)
    local = short.split(":", 1)[1] if short.startswith("kg:") else short
    out = "".join(" " + c.lower() if c.isupper() else c for c in local).strip()
    return out[:1].upper() + out[1:]


def _facts_table(linker: Linker, facts: list[EntityFact], *, first_column: str = "") -> str:
    rows = []
    by_prop: dict[str, list[EntityFact]] = defaultdict(list)
    for f in facts:
        by_prop[f.predicate].append(f)
    for prop, group in by_prop.items():
        for i, f in enumerate(group):
            head = _e(_prop_name(prop)) if i == 0 else ""
            rows.append(
                f"<tr><th>{head}</th><td>{_value(linker, f)}</td>"
                f"<td class='s'>{sources_box(linker, f.supports)}</td></tr>"
            )
    return f"<table>{''.join(rows)}</table>"


def _credits_section(linker: Linker, page: EntityDescription) -> str:
    by_role: dict[str, list[str]] = defaultdict(list)
    for c in page.credits:
        if page.kind == "film":
            who = _a(linker, c.person, c.person_label)
            character = f" as <i>{_e(', '.join(c.characters))}</i>" if c.characters else ""
            billing = f"{c.billing}" if c.billing is not None else ""
            by_role[c.role].append(
                f"<tr><td class='muted'>{billing}</td><td>{who}{character}</td>"
                f"<td class='s'>{sources_box(linker, c.supports)}</td></tr>"
            )
        else:
            film = _a(linker, c.film, c.film_label)
            year = _e(c.year or "")
            character = f" as <i>{_e(', '.join(c.characters))}</i>" if c.characters else ""
            by_role[c.role].append(
                f"<tr><td class='muted'>{year}</td><td>{film}{character}</td>"
                f"<td class='s'>{sources_box(linker, c.supports)}</td></tr>"
            )
    if not by_role:
        return ""
    titles = _ROLE_TITLES if page.kind == "film" else _PERSON_ROLE_TITLES
    order = list(_ROLE_TITLES)
    parts = []
    for role in sorted(by_role, key=lambda r: order.index(r) if r in order else 99):
        rows = "".join(by_role[role])
        count = len(by_role[role])
        parts.append(
            f"<h3 id='role-{_e(role)}'>{_e(titles.get(role, role))} <span class='muted'>({count})</span></h3>"
            f"<table class='rows'>{rows}</table>"
        )
    title = "Credits" if page.kind == "film" else "Filmography"
    return f"<section id='credits'><h2>{title}</h2>{''.join(parts)}</section>"


def _releases_section(linker: Linker, page: EntityDescription) -> str:
    if not page.releases:
        return ""
    rows = []
    for r in page.releases:
        where = _e(r.region or "")
        platform = _a(linker, r.platform, r.platform_label) if r.platform else ""
        kind = _e(r.kind or "")
        planned = "planned" if r.planned else ""
        rows.append(
            f"<tr><td>{_e(r.date)}</td><td>{kind}</td><td>{where}</td><td>{platform}</td>"
            f"<td>{planned}</td><td class='s'>{sources_box(linker, r.supports)}</td></tr>"
        )
    return (
        "<section id='releases'><h2>Releases</h2><table><tr><th>date</th><th>kind</th>"
        "<th>region</th><th>platform</th><th></th><th></th></tr>"
        + "".join(rows)
        + "</table></section>"
    )


def _conflicts_section(linker: Linker, page: EntityDescription) -> str:
    if not page.conflicts:
        return ""
    items = []
    for c in page.conflicts:
        key = f" ({_e(c.key)})" if c.key else ""
        claims = []
        for claim in c.claims:
            value = (
                _a(linker, claim.value, claim.value_label)
                if "://" in claim.value
                else _e(claim.value)
            )
            srcs = ", ".join(_a(linker, s.graph, s.name) for s in claim.sources)
            conf = f" · {claim.confidence:.2f}" if claim.confidence is not None else ""
            claims.append(f"<li><b>{value}</b> — {srcs}<span class='conf'>{conf}</span></li>")
        items.append(
            f"<li>{_e(_prop_name(c.property))}{key}: the sources disagree"
            f"<ul>{''.join(claims)}</ul></li>"
        )
    return (
        "<section class='conflicts' id='conflicts'><h2>Sources disagree</h2>"
        f"<ul>{''.join(items)}</ul><p class='muted'>Nothing was merged: each value stays with "
        "its source. <code>kg validate</code> lists every conflict; so does the named query "
        "<code>conflicts</code>.</p></section>"
    )


def _incoming_section(linker: Linker, page: EntityDescription) -> str:
    stated = {  # "Followed by X" shown once: a link stated on this page is not listed again
        (_prop_name(f.predicate), f.object) for f in page.facts if f.object_is_iri
    }
    facts = [
        f
        for f in page.incoming
        if not (page.kind == "person" and f.predicate in ROLE_PROPERTIES)
        and (_INVERSE.get(f.predicate), f.subject) not in stated
    ]
    if not facts:
        return ""
    by_prop: dict[str, list[EntityFact]] = defaultdict(list)
    for f in facts:
        by_prop[f.predicate].append(f)
    parts = []
    for prop, group in by_prop.items():
        links = ", ".join(
            _a(linker, f.subject, f.subject_label or short_iri(f.subject)) for f in group
        )
        parts.append(
            f"<tr><th>{_e(_INVERSE.get(prop, _prop_name(prop) + ' of'))}</th><td>{links}</td></tr>"
        )
    more = (
        f"<p class='muted'>{page.incoming_total:,}{'+' if page.incoming_total >= 2000 else ''} links in all; the first "
        f"{len(page.incoming):,} are shown.</p>"
        if page.incoming_total > len(page.incoming)
        else ""
    )
    return (
        f"<section id='links'><h2>Linked from</h2><table>{''.join(parts)}</table>{more}</section>"
    )


def _sources_section(linker: Linker, sources: Iterable[Source]) -> str:
    rows = []
    for s in sorted(sources, key=lambda s: (s.kind, s.name)):
        detail = ", ".join(
            x
            for x in (
                _e(s.path or ""),
                f"url {_a(linker, s.url)}" if s.url else "",
                f"published {_e(s.published)}" if s.published else "",
                f"mapping <code>{_e(s.mapping)}</code>" if s.mapping else "",
                f"extractor <code>{_e(s.extractor)}</code>" if s.extractor else "",
            )
            if x
        )
        rows.append(
            f"<tr><td>{_e(s.kind)}</td><td>{_a(linker, s.graph, s.name)}</td><td class='muted'>{detail}</td></tr>"
        )
    if not rows:
        return ""
    return f"<section id='sources'><h2>Sources</h2><table>{''.join(rows)}</table></section>"


def _see_also(linker: Linker, page: EntityDescription) -> str:
    links: list[str] = []
    for iri in page.same_as:
        name = "Wikidata " + iri.rsplit("/", 1)[-1] if "wikidata.org/entity/" in iri else iri
        links.append(f'<a href="{_e(iri)}" rel="external">{_e(name)}</a>')
    for f in page.facts:
        if f.predicate == f"{_KG}wikidataId":
            url = f"http://www.wikidata.org/entity/{f.object}"
            if url not in page.same_as:
                links.append(f'<a href="{_e(url)}" rel="external">Wikidata {_e(f.object)}</a>')
        elif f.predicate == f"{_KG}imdbId":
            links.append(
                f'<a href="https://www.imdb.com/title/{_e(f.object)}/" rel="external">IMDb {_e(f.object)}</a>'
            )
    query = urllib.parse.quote(f"SELECT ?p ?o WHERE {{ <{page.iri}> ?p ?o }}", safe="")
    links.append(f'<a href="/#query={query}">query it</a>')
    if page.kind == "person":
        links.append(
            f'<a href="/#ask={urllib.parse.quote("who worked most often with " + page.label)}">who worked most with {_e(page.label)}?</a>'
        )
    return "<p class='seealso'>See also: " + " · ".join(links) + "</p>"


def ego_svg(linker: Linker, hood: Neighbourhood, *, width: int = 360, height: int = 300) -> str:
    """An SVG picture of a :class:`~kg.entity.Neighbourhood` (a seeded layout, nodes linked to
    their pages, colours by role with a legend), or ``""`` when there is nothing to draw."""
    if not hood.nodes:
        return ""
    g = nx.Graph()
    g.add_node(hood.centre)
    for iri, *_ in hood.nodes:
        g.add_node(iri)
    for a, b, w in hood.edges:
        if a in g and b in g:
            g.add_edge(a, b, weight=w)
    pos = nx.spring_layout(g, seed=1, pos={hood.centre: (0.0, 0.0)}, fixed=[hood.centre], k=0.9)
    xs = [p[0] for p in pos.values()]
    ys = [p[1] for p in pos.values()]
    span_x = (max(xs) - min(xs)) or 1.0
    span_y = (max(ys) - min(ys)) or 1.0

    def at(v: str) -> tuple[float, float]:
        x, y = pos[v]
        return (
            20 + (x - min(xs)) / span_x * (width - 130),
            20 + (y - min(ys)) / span_y * (height - 60),
        )

    top = max((w for *_, w in hood.nodes), default=1) or 1
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" width="{width}" '
        f'height="{height}" role="img" aria-label="ego network of {_e(hood.centre_label)}">'
    ]
    for a, b, w in hood.edges:
        if a not in pos or b not in pos:
            continue
        (x1, y1), (x2, y2) = at(a), at(b)
        parts.append(
            f'<line x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" stroke="#999" '
            f'stroke-opacity=".5" stroke-width="{min(5.0, 0.6 + math.log1p(w)):.1f}"/>'
        )
    groups: dict[str, str] = {}
    for iri, label, group, w in hood.nodes:
        x, y = at(iri)
        colour = _ROLE_COLOURS.get(group, "#7f7f7f")
        groups.setdefault(group, colour)
        r = 4 + 6 * w / top
        parts.append(
            f'<a href="{_e(linker.href(iri))}"><title>{_e(label)} ({w})</title>'
            f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{r:.1f}" fill="{colour}"/>'
            f'<text x="{x + r + 2:.1f}" y="{y + 3:.1f}">{_e(label)}</text></a>'
        )
    cx, cy = at(hood.centre)
    parts.append(
        f'<circle cx="{cx:.1f}" cy="{cy:.1f}" r="9" fill="#111"/>'
        f'<text x="{cx + 11:.1f}" y="{cy + 4:.1f}" font-weight="bold">{_e(hood.centre_label)}</text>'
    )
    parts.append("</svg>")
    names = {
        **_PERSON_ROLE_TITLES,
        "person": "collaborator (size: films together)",
        "film": "film",
    }
    legend = "".join(
        f"<span><i style='background:{c}'></i>{_e(names.get(g, g))}</span>"
        for g, c in groups.items()
    )
    return "".join(parts) + f"<div class='legend'>{legend}</div>"


def page(title: str, body: str, *, nav: str = "") -> str:
    """A complete HTML page with the shared style and header."""
    return (
        "<!doctype html><html lang='en'><head><meta charset='utf-8'>"
        f"<meta name='viewport' content='width=device-width,initial-scale=1'><title>{_e(title)}</title>"
        f"<style>{CSS}</style></head><body><header class='top'><b><a href='/'>kg</a></b>"
        f"<span>film knowledge graph</span>{nav}</header><main>{body}</main></body></html>"
    )


def entity_html(page_data: EntityDescription, linker: Linker, *, ego: str = "") -> str:
    """The HTML page of an entity (see the module docstring)."""
    p = page_data
    chips = "".join(f"<span class='chip'>{_e(short_iri(t))}</span>" for t in p.types)
    here = linker.local(p.iri) or "/resource?iri=" + urllib.parse.quote(p.iri, safe="")
    sep = "&" if "?" in here else "?"
    formats = " ".join(
        f'<a href="{_e(here)}{sep}format={fmt}">{name}</a>'
        for fmt, name in (
            ("ttl", "Turtle"),
            ("jsonld", "JSON-LD"),
            ("nt", "N-Triples"),
            ("trig", "TriG"),
        )
    )
    head = (
        f"<h1>{_e(p.label)}</h1><div>{chips}</div><div class='iri'>{_e(p.iri)}</div>"
        f"<p class='formats muted'>As data: {formats}</p>{_see_also(linker, p)}"
    )
    grouped: dict[str, list[EntityFact]] = defaultdict(list)
    other: list[EntityFact] = []
    for f in p.facts:
        if f.predicate in _SHOWN_ELSEWHERE and p.kind == "film":
            if f.predicate == f"{_KG}releaseDate" and not p.releases:
                grouped["About"].append(f)
            continue
        local = f.predicate[len(_KG) :] if f.predicate.startswith(_KG) else None
        for title, names in _GROUPS:
            if local in names:
                grouped[title].append(f)
                break
        else:
            other.append(f)
    sections = []
    for title, _ in _GROUPS:
        if grouped.get(title):
            sections.append(
                f"<section id='{title.lower()}'><h2>{title}</h2>{_facts_table(linker, grouped[title])}</section>"
            )
    main_parts = [_conflicts_section(linker, p)]
    main_parts += sections[:1]
    main_parts.append(_credits_section(linker, p))
    main_parts.append(_releases_section(linker, p))
    main_parts += sections[1:]
    if other:
        main_parts.append(
            f"<section id='other'><h2>Other statements</h2>{_facts_table(linker, other)}</section>"
        )
    main_parts.append(_incoming_section(linker, p))
    side = ""
    if ego:
        what = "Worked most often with" if p.kind == "person" else "People"
        side = f"<section id='ego'><h2>{what}</h2>{ego}</section>"
    body = (
        head
        + f"<div class='grid'><div>{''.join(x for x in main_parts if x)}</div><div>{side}</div></div>"
        + _sources_section(linker, p.sources.values())
    )
    return page(p.label, body)
