"""Engine-neutral SPARQL text helpers: binding parameters safely with an inline ``VALUES`` block.

A value is written as an escaped RDF term (N-Triples syntax) inside ``VALUES``, placed at the top of
the query's WHERE group, so it can never change the shape of the query: a value such as
``"} ; DROP ALL #`` stays one string literal. This works the same on the embedded store and on a
remote SPARQL server.

>>> from rdflib import Literal
>>> print(bind_values('SELECT ?f WHERE { ?f kg:title ?t }', {"t": Literal('x"} ; DROP ALL #')}))
SELECT ?f WHERE { VALUES (?t) { ("x\\"} ; DROP ALL #") } ?f kg:title ?t }
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from rdflib.term import Identifier, URIRef

from .errors import QueryError

__all__ = [
    "bind_values",
    "is_plain_iri",
    "remote_calls",
    "terms_used",
    "where_brace",
    "without_comments",
]

_VAR = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
_WORD = re.compile(r"[A-Za-z]+")
_IRI = re.compile(r"<[^\s<>\"{}|^`\\]*>")
_IRI_TERM = re.compile(r"[^\x00-\x20<>\"{}|^`\\]*")
_PLAIN_IRI = re.compile(r"[A-Za-z][A-Za-z0-9+.\-]*:[^\x00-\x20<>\"{}|^`\\]*")


def is_plain_iri(iri: str) -> bool:
    """Whether ``iri`` is absolute and can go between ``<>`` in a query as it is (no escape).

    >>> is_plain_iri("https://w3id.org/filmkg/resource/film/heat"), is_plain_iri("_:b0")
    (True, False)
    >>> is_plain_iri("urn:a>b"), is_plain_iri("heat")
    (False, False)
    """
    return _PLAIN_IRI.fullmatch(iri) is not None


def _string_end(sparql: str, i: int) -> int:
    """End of the string literal opening at ``i`` (short or long quotes, escapes skipped)."""
    quote = sparql[i : i + 3] if sparql[i : i + 3] in ('"""', "'''") else sparql[i]
    j, n = i + len(quote), len(sparql)
    while j < n:
        if sparql[j] == "\\":
            j += 2
            continue
        if sparql.startswith(quote, j):
            break
        j += 1
    return j + len(quote)


def without_comments(sparql: str) -> str:
    r"""``sparql`` with its ``#`` comments removed (a ``#`` inside an IRI or a string stays).

    Some clients guess a request's kind from its words, comments included (SPARQLWrapper reads
    "kg load" in a comment as a LOAD update); the server gets the query without them.

    >>> without_comments('# kg load\nSELECT ?s WHERE { ?s <urn:a#b> "#x" } # end')
    '\nSELECT ?s WHERE { ?s <urn:a#b> "#x" } '
    """
    out: list[str] = []
    i, n = 0, len(sparql)
    while i < n:
        c = sparql[i]
        if c == "#":
            j = sparql.find("\n", i)
            i = n if j < 0 else j
            continue
        end = i + 1
        if c == "<":
            m = _IRI.match(sparql, i)
            end = m.end() if m else end
        elif c in "\"'":
            end = _string_end(sparql, i)
        out.append(sparql[i:end])
        i = end
    return "".join(out)


def where_brace(sparql: str) -> int:
    """Index of the ``{`` that opens the query's WHERE group (skipping IRIs, strings, comments and
    a CONSTRUCT template). Raises :class:`QueryError` if there is none.

    >>> q = "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }"
    >>> q[where_brace(q):]
    '{ ?s ?p ?o }'
    """
    i, n = 0, len(sparql)
    depth = 0
    seen_form = None
    after_where = False
    while i < n:
        c = sparql[i]
        if c == "#":
            j = sparql.find("\n", i)
            i = n if j < 0 else j + 1
            continue
        if c == "<":
            m = _IRI.match(sparql, i)
            if m:
                i = m.end()
                continue
        if c in "\"'":
            i = _string_end(sparql, i)
            continue
        if c.isalpha() and depth == 0:
            m = _WORD.match(sparql, i)
            assert m
            word = m.group(0).upper()
            if word in {"SELECT", "CONSTRUCT", "ASK", "DESCRIBE"} and seen_form is None:
                seen_form = word
            elif word == "WHERE":
                after_where = True
            i = m.end()
            continue
        if c == "{":
            if depth == 0 and (after_where or seen_form in {"SELECT", "ASK", "DESCRIBE"}):
                return i
            depth += 1
        elif c == "}":
            depth -= 1
        i += 1
    raise QueryError("cannot find the query's WHERE { ... } group to bind parameters into")


def bind_values(sparql: str, bindings: Mapping[str, Identifier]) -> str:
    """Bind variables to RDF terms with a ``VALUES`` block at the top of the WHERE group."""
    if not bindings:
        return sparql
    names = []
    for name in bindings:
        bare = name.lstrip("?$")
        if not _VAR.match(bare):
            raise QueryError(f"not a SPARQL variable name: {name!r}")
        names.append(bare)
    for name, term in bindings.items():
        if isinstance(term, URIRef) and not _IRI_TERM.fullmatch(str(term)):
            raise QueryError(f"the value of {name} is not an IRI: {str(term)[:80]!r}")
    terms = " ".join(term.n3() for term in bindings.values())
    block = f" VALUES ({' '.join('?' + n for n in names)}) {{ ({terms}) }}"
    at = where_brace(sparql) + 1
    return sparql[:at] + block + sparql[at:]


_ESCAPE = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")
_TOKEN = re.compile(
    r"""(?P<comment>\#[^\n]*)
    |(?P<string>\"\"\"(?:[^\\]|\\.)*?\"\"\"|'''(?:[^\\]|\\.)*?'''|"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*')
    |(?P<iri><[^\x00-\x20<>"{}|^`\\]*>)
    |(?P<var>[?$][A-Za-z0-9_\u00b7\u00c0-\uffff]+)
    |(?P<pname>[A-Za-z_\u00c0-\uffff][\w.\-\u00b7\u00c0-\uffff]*:[\w.:%\-\\\u00b7\u00c0-\uffff]*|:[\w.:%\-\\]*)
    |(?P<word>[A-Za-z_]+)
    |(?P<other>.)""",
    re.VERBOSE | re.DOTALL,
)


def terms_used(sparql: str) -> list[str]:
    """The IRIs and prefixed names a query uses, in order (strings and comments skipped; a prefixed
    name as written, an IRI without its angle brackets).

    >>> terms_used('SELECT ?t { ?f kg:titel ?t ; <urn:x> "kg:not" } # kg:comment')
    ['kg:titel', 'urn:x']
    """
    text = _ESCAPE.sub(lambda m: chr(int(m.group(1) or m.group(2), 16)), sparql)
    out = []
    for m in _TOKEN.finditer(text):
        if m.lastgroup == "pname":
            out.append(m.group(0).rstrip("."))
        elif m.lastgroup == "iri":
            out.append(m.group(0)[1:-1])
    return out


def remote_calls(sparql: str) -> list[tuple[str, str | None]]:
    """The ``SERVICE`` and ``LOAD`` calls in a query or update: ``(keyword, IRI)`` pairs, with
    ``None`` for a target that is not a full IRI (a variable or a prefixed name).

    The text is read as the SPARQL parser reads it: codepoint escapes (``\\u0053``) are expanded
    first; strings, IRIs and comments are skipped.

    >>> remote_calls('SELECT * { SERVICE SILENT <http://x.test/s> { ?s ?p "SERVICE" } } # SERVICE')
    [('SERVICE', 'http://x.test/s')]
    >>> remote_calls("LOAD <http://x.test/g.ttl> INTO GRAPH <urn:g>; SELECT * { SERVICE ?e {} }")
    [('LOAD', 'http://x.test/g.ttl'), ('SERVICE', None)]
    """
    text = _ESCAPE.sub(lambda m: chr(int(m.group(1) or m.group(2), 16)), sparql)
    tokens = [
        (m.lastgroup, m.group(0))
        for m in _TOKEN.finditer(text)
        if m.lastgroup not in ("comment", "other") or not m.group(0).isspace()
    ]
    tokens = [t for t in tokens if t[0] != "comment"]
    calls: list[tuple[str, str | None]] = []
    for i, (kind, value) in enumerate(tokens):
        if kind != "word" or value.upper() not in ("SERVICE", "LOAD"):
            continue
        j = i + 1
        if j < len(tokens) and tokens[j][1].upper() == "SILENT":
            j += 1
        target = tokens[j] if j < len(tokens) else ("other", "")
        calls.append((value.upper(), target[1][1:-1] if target[0] == "iri" else None))
    return calls
