"""SPARQL for users: run a query string, a ``.rq`` file or a named query with safe parameters.

Named queries are the ``queries/*.rq`` files; a header of ``#`` comments documents each one::

    # title: Cast of a film
    # description: Cast members of a film with their characters and billing order.
    # param: film iri "Top Gun: Maverick"   -- name, type (iri|string|integer|date|year), example
    # param: role iri "kg:DirectorRole" optional          -- may be left out: the variable stays free
    # param: from date "1990-01-01" default=1900-01-01    -- left out: the default is bound
    # columns: person, personLabel, character, billing

Parameters are bound through the engine (pre-bound variables), never pasted into the query text.
An ``iri`` parameter may be given as an IRI (``<...>``, ``https://...``, ``urn:...``), a prefixed
name with a standard prefix (``kg:DirectorRole``) or a label, which is looked up in the store; a
label followed by a year in brackets (``Heat (1995)``) picks the film of that year.

>>> q = parse_named_query("x", "# title: T\\n# param: film iri \\"Heat\\"\\n# columns: a\\nSELECT ?a WHERE {}")
>>> (q.title, q.params[0].name, q.params[0].type, q.columns)
('T', 'film', 'iri', ['a'])
"""

from __future__ import annotations

import re
import shlex
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Literal, URIRef
from rdflib.namespace import RDFS, XSD
from rdflib.term import Identifier

from .errors import KGInputError, QueryError, UnknownNameError
from .lookup import short_iri
from .namespace import KG
from .reader import GraphReader, Result
from .registry import suggest
from .resources import query_files
from .sparql import terms_used
from .store import QueryResult, Store
from .summary import answer_named_query

__all__ = [
    "PREFIXES",
    "NamedQuery",
    "QueryParam",
    "bind_params",
    "format_table",
    "named_queries",
    "parse_named_query",
    "read_query_file",
    "run_named_query",
    "run_query",
    "unknown_terms",
    "with_prefixes",
]

PREFIXES: dict[str, str] = {
    "kg": str(KG._NS),
    "kgr": "https://w3id.org/filmkg/resource/",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "prov": "http://www.w3.org/ns/prov#",
    "dcterms": "http://purl.org/dc/terms/",
    "schema": "https://schema.org/",
    "wd": "http://www.wikidata.org/entity/",
    "wdt": "http://www.wikidata.org/prop/direct/",
}
"""Prefixes every query may use without declaring them."""

_PARAM_TYPES = {"iri", "string", "integer", "date", "year"}
_DECLARED = re.compile(r"^\s*PREFIX\s+([A-Za-z][\w-]*)?:", re.IGNORECASE | re.MULTILINE)


def unknown_terms(sparql: str) -> list[str]:
    """Warnings for ``kg:`` terms the ontology does not declare (a misspelt term silently matches
    nothing), each with the closest declared terms.

    >>> unknown_terms("SELECT ?t WHERE { ?f a kg:Film ; kg:titel ?t }")
    ["kg:titel is not a term of the ontology (it matches nothing); did you mean 'kg:title'?"]
    """
    declared = dict(
        (m.group(1) or "", m.group(2))
        for m in re.finditer(r"PREFIX\s+([A-Za-z][\w-]*)?:\s*<([^>]*)>", sparql, re.IGNORECASE)
    )
    namespace = str(KG._NS)
    prefixes = [p for p, iri in {**PREFIXES, **declared}.items() if iri == namespace]
    known = sorted(KG.__annotations__)
    out: list[str] = []
    for term in dict.fromkeys(terms_used(sparql)):
        local = None
        if term.startswith(namespace):
            local = term[len(namespace) :]
        else:
            prefix, colon, rest = term.partition(":")
            if colon and prefix in prefixes and "/" not in rest:
                local = rest
        if local is None or not local or local in known:
            continue
        hint = suggest(local, known)
        close = hint.replace("'", "'kg:", 1).replace(" or '", " or 'kg:") if hint else ""
        out.append(
            f"{term if ':' in term and not term.startswith('http') else 'kg:' + local} is not a "
            f"term of the ontology (it matches nothing){close or '; see ontology/film.ttl'}"
        )
    return out


def with_prefixes(sparql: str) -> str:
    """Prepend the standard prefixes that the query does not declare itself.

    >>> "PREFIX kg:" in with_prefixes("SELECT * WHERE { ?f a kg:Film }")
    True
    """
    declared = set(_DECLARED.findall(sparql))
    head = "".join(f"PREFIX {p}: <{iri}>\n" for p, iri in PREFIXES.items() if p not in declared)
    return head + sparql


@dataclass
class QueryParam:
    """A parameter of a named query."""

    name: str
    type: str = "string"
    example: str = ""
    optional: bool = False
    """May be left out: without a default the variable is left unbound (matches anything)."""
    default: str | None = None
    """The value bound when the parameter is not given (implies ``optional``)."""


@dataclass
class NamedQuery:
    """A documented query from ``queries/``."""

    name: str
    text: str
    title: str = ""
    description: str = ""
    params: list[QueryParam] = field(default_factory=list)
    columns: list[str] = field(default_factory=list)


def parse_named_query(name: str, text: str, *, path: str | None = None) -> NamedQuery:
    """Read the header comments of a named query."""
    query = NamedQuery(name=name, text=text)
    for number, line in enumerate(text.splitlines(), start=1):
        stripped = line.strip()
        if not stripped.startswith("#"):
            if stripped:
                break
            continue
        key, sep, value = stripped.lstrip("#").strip().partition(":")
        if not sep:
            continue
        key, value = key.strip().lower(), value.strip()
        if key == "title":
            query.title = value
        elif key == "description":
            query.description = (query.description + " " + value).strip()
        elif key == "columns":
            query.columns = [c.strip() for c in value.split(",") if c.strip()]
        elif key == "param":
            parts = shlex.split(value.split("--", 1)[0])
            if not parts:
                raise KGInputError("empty `# param:` line", path=path, line=number)
            ptype = parts[1] if len(parts) > 1 else "string"
            if ptype not in _PARAM_TYPES:
                raise KGInputError(
                    f"parameter {parts[0]!r} has unknown type {ptype!r}; use one of {sorted(_PARAM_TYPES)}",
                    path=path,
                    line=number,
                )
            param = QueryParam(parts[0], ptype, parts[2] if len(parts) > 2 else "")
            for extra in parts[3:]:
                if extra == "optional":
                    param.optional = True
                elif extra.startswith("default="):
                    param.default = extra.removeprefix("default=")
                    param.optional = True
                else:
                    raise KGInputError(
                        f"parameter {parts[0]!r}: unknown option {extra!r}; use `optional` or `default=VALUE`",
                        path=path,
                        line=number,
                    )
            query.params.append(param)
    return query


def named_queries() -> dict[str, NamedQuery]:
    """The named queries shipped in ``queries/``, by name (file stem)."""
    out = {}
    for resource in query_files():
        name = resource.name.removesuffix(".rq")
        out[name] = parse_named_query(
            name, resource.read_text(encoding="utf-8"), path=str(resource)
        )
    return out


def read_query_file(path: str | Path) -> str:
    """The text of a ``.rq`` file, with a clear error if it cannot be read."""
    file = Path(path)
    try:
        return file.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise KGInputError("no such query file", path=str(file)) from None
    except (OSError, UnicodeDecodeError) as err:
        raise KGInputError(f"cannot read the query file: {err}", path=str(file)) from err


def _shown(value: str, limit: int = 80) -> str:
    """A user's value for an error message: quoted, and cut short if it is long.

    >>> _shown("x" * 100, limit=10)
    "'xxxxxx...' (100 characters)"
    """
    if len(value) <= limit:
        return repr(value)
    return f"{value[: limit - 4]!r}".rstrip("'") + f"...' ({len(value):,} characters)"


_LABEL_WITH_YEAR = re.compile(r"^(.*\S)\s*\((\d{4})\)$")


def _lookup_label(reader: GraphReader, label: str) -> URIRef:
    rows = reader.rows(
        "SELECT DISTINCT ?x WHERE { { ?x ?label ?l } UNION { ?x ?alt ?l } }",
        bindings={
            "label": RDFS.label,
            "alt": URIRef("http://www.w3.org/2004/02/skos/core#altLabel"),
            "l": Literal(label),
        },
    )
    with_year = _LABEL_WITH_YEAR.match(label)
    if not rows and with_year:  # "Heat (1995)": the film of that title and year
        # the things of that title first, then each one's year: a join on the year's pattern
        # would read every film of the year (45 ms CPU at 10M triples, against 0.1 ms)
        titled = reader.rows(
            "SELECT DISTINCT ?x WHERE { { ?x ?label ?l } UNION { ?x ?alt ?l } }",
            bindings={
                "label": RDFS.label,
                "alt": URIRef("http://www.w3.org/2004/02/skos/core#altLabel"),
                "l": Literal(with_year.group(1)),
            },
        )
        year = Literal(with_year.group(2), datatype=XSD.gYear)
        rows = [
            row
            for row in titled
            if row[0] is not None
            and reader.rows(
                "SELECT ?x WHERE { ?x ?yearProp ?year } LIMIT 1",
                bindings={"x": row[0], "yearProp": KG.year, "year": year},
            )
        ]
    if not rows:
        close = _close_labels(reader, label)
        hint = f"; did you mean {' or '.join(repr(c) for c in close)}?" if close else "."
        raise UnknownNameError(
            f"nothing in the store is labelled {_shown(label)}{hint} Check the spelling or pass an IRI"
        )
    if len(rows) > 1:
        options = ", ".join(sorted(str(r[0]) for r in rows)[:5])
        raise UnknownNameError(
            f"{_shown(label)} names {len(rows)} things ({options}); pass one IRI instead"
        )
    found = rows[0][0]
    assert isinstance(found, URIRef)
    return found


def _close_labels(reader: GraphReader, label: str, limit: int = 3) -> list[str]:
    """Labels of films, people, organisations and series close to ``label`` (for an error)."""
    from rapidfuzz import fuzz, process, utils

    classes = " ".join(
        c.n3() for c in (KG.Film, KG.Person, KG.Organization, KG.FilmSeries, KG.Country, KG.Work)
    )
    names = sorted(
        {
            str(name)
            for _, name in reader.text_rows(
                f"SELECT ?x ?l WHERE {{ VALUES ?c {{ {classes} }} ?x a ?c ; {RDFS.label.n3()} ?l }}"
            )
            if name is not None
        }
    )
    found = process.extract(
        label,
        names,
        scorer=fuzz.WRatio,
        processor=utils.default_process,
        limit=limit * 3,
        score_cutoff=80,
    )
    best = max((score for _, score, _ in found), default=0)
    return [name for name, score, _ in found if score >= best - 5][:limit]


_IRI_TEXT = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:[^\x00-\x20<>\"{}|^`\\]*")


def _checked_iri(name: str, given: str, text: str) -> URIRef:
    """``text`` as an IRI, or a :class:`KGInputError` naming the parameter and the bad character.

    >>> _checked_iri("p", "<urn:x>", "urn:x")
    rdflib.term.URIRef('urn:x')
    >>> _checked_iri("p", "<urn:x> } #>", "urn:x> } #")  # doctest: +IGNORE_EXCEPTION_DETAIL
    Traceback (most recent call last):
    kg.errors.KGInputError: parameter p is not an IRI: ...
    """
    if _IRI_TEXT.fullmatch(text):
        return URIRef(text)
    bad = next((c for c in text if c <= " " or c in '<>"{}|^`\\'), None)
    why = f"it contains {bad!r}" if bad is not None else "it has no scheme (such as https:)"
    raise KGInputError(
        f"parameter {name} is not an IRI: {_shown(given)} ({why}); pass <https://...>, a prefixed "
        "name such as kg:director, or a label"
    )


def bind_params(
    query: NamedQuery, values: Mapping[str, str], reader: GraphReader
) -> dict[str, Identifier]:
    """Turn ``name=value`` strings into typed RDF terms for the query's parameters; the labels
    given for ``iri`` parameters are looked up through ``reader`` (a store or a server)."""
    known = {p.name: p for p in query.params}
    unknown = set(values) - set(known)
    if unknown:
        name = sorted(unknown)[0]
        raise KGInputError(
            f"query {query.name!r} has no parameter {name!r}{suggest(name, list(known))} "
            f"Its parameters: {', '.join(known) or '(none)'}"
        )
    missing = [p.name for p in query.params if p.name not in values and not p.optional]
    if missing:
        example = " ".join(
            f'--param {p.name}="{p.example}"' for p in query.params if p.name in missing
        )
        raise KGInputError(f"query {query.name!r} needs {', '.join(missing)}: e.g. {example}")
    given = dict(values)
    for p in query.params:
        if p.name not in given and p.default is not None:
            given[p.name] = p.default
    bound: dict[str, Identifier] = {}
    for name, value in given.items():
        ptype = known[name].type
        if ptype == "iri":
            text = value.strip()
            prefix, colon, local = text.partition(":")
            if text.startswith("<") and text.endswith(">"):
                bound[name] = _checked_iri(name, value, text[1:-1])
            elif re.match(r"^[a-z][a-z0-9+.-]*://", text) or text.startswith("urn:"):
                bound[name] = _checked_iri(name, value, text)
            elif colon and prefix in PREFIXES and re.fullmatch(r"\w[\w./-]*", local):
                bound[name] = URIRef(PREFIXES[prefix] + local)
            else:
                bound[name] = _lookup_label(reader, value)
        elif ptype == "integer":
            if not re.fullmatch(r"[+-]?\d+", value.strip()):
                raise KGInputError(f"parameter {name} must be an integer, got {_shown(value)}")
            bound[name] = Literal(int(value), datatype=XSD.integer)
        elif ptype == "date":
            if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value.strip()):
                raise KGInputError(
                    f"parameter {name} must be a date YYYY-MM-DD, got {_shown(value)}"
                )
            bound[name] = Literal(value.strip(), datatype=XSD.date)
        elif ptype == "year":
            if not re.fullmatch(r"\d{4}", value.strip()):
                raise KGInputError(f"parameter {name} must be a year YYYY, got {_shown(value)}")
            bound[name] = Literal(value.strip(), datatype=XSD.gYear)
        else:
            bound[name] = Literal(value)
    return bound


def run_query(
    store: Store, sparql: str, *, bindings: Mapping[str, Identifier] | None = None
) -> QueryResult:
    """Run SPARQL (standard prefixes added) over the union of all graphs."""
    if not sparql.strip():
        raise QueryError("the query is empty")
    return store.query(with_prefixes(sparql), bindings=bindings)


def run_named_query(
    store: Store, name: str, params: Mapping[str, str] | None = None
) -> QueryResult:
    """Run a named query with parameters given as strings (labels or IRIs for ``iri`` ones)."""
    queries = named_queries()
    if name not in queries:
        raise UnknownNameError(
            f"no named query {name!r}{suggest(name, sorted(queries))} `kg query --list` shows them"
        )
    query = queries[name]
    bindings = bind_params(query, params or {}, store)
    # aggregates come from the counts the store keeps up to date on load (kg.summary)
    answer = answer_named_query(store, name, with_prefixes(query.text), bindings)
    if answer is not None:
        return answer
    return run_query(store, query.text, bindings=bindings)


_TABLE_PREFIXES = tuple((p, iri) for p, iri in PREFIXES.items() if p not in {"rdf", "xsd"})


def _short(term: Identifier | None) -> str:
    if term is None:
        return ""
    if isinstance(term, URIRef):
        return short_iri(str(term), _TABLE_PREFIXES)
    return str(term)


def _cut(cell: str, width: int) -> str:
    """A cell cut to ``width``: a path or URL keeps its end (the file name), text its start.

    >>> _cut("/home/me/data/sample/films.csv", 20)
    '…/sample/films.csv'
    >>> _cut("a long sentence about films", 10)
    'a long se…'
    """
    if len(cell) <= width:
        return cell
    if "/" in cell and " " not in cell:
        tail = cell[-(width - 1) :]
        return "…" + (tail[tail.index("/") :] if "/" in tail else tail)
    return cell[: width - 1] + "…"


def format_table(result: Result, *, max_width: int = 60) -> str:
    """A plain-text table of SELECT rows (IRIs shortened with the standard prefixes)."""
    if result.kind == "ask":
        return "true" if result.boolean() else "false"
    rows = [[_short(t) for t in row] for row in result.rows()]
    cells = [[_cut(c, max_width) for c in row] for row in rows]
    widths = [len(c) for c in result.columns]
    for row in cells:
        widths = [max(w, len(c)) for w, c in zip(widths, row, strict=True)]
    line = "  ".join(c.ljust(w) for c, w in zip(result.columns, widths, strict=True)).rstrip()
    out = [line, "  ".join("-" * w for w in widths)]
    out += [
        "  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip() for row in cells
    ]
    out.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(out)
