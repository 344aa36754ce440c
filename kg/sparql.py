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

__all__ = ["bind_values", "where_brace"]

_VAR = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
_WORD = re.compile(r"[A-Za-z]+")
_IRI = re.compile(r"<[^\s<>\"{}|^`\\]*>")
_IRI_TERM = re.compile(r"[^\x00-\x20<>\"{}|^`\\]*")


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
            quote = sparql[i : i + 3] if sparql[i : i + 3] in ('"""', "'''") else c
            j = i + len(quote)
            while j < n:
                if sparql[j] == "\\":
                    j += 2
                    continue
                if sparql.startswith(quote, j):
                    break
                j += 1
            i = j + len(quote)
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
