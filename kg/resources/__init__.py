"""Files that ship inside the package: the ontology, the named queries, the table mappings.

In the source tree they live at the top level (``ontology/``, ``queries/``, ``mappings/``); the
package reaches them through symlinks, and the wheel carries copies. Read them only through here.

>>> sorted(p.name for p in ontology_files())[:2]
['alignment.ttl', 'film.ttl']
>>> len(ontology_graph()) > 100
True
"""

from __future__ import annotations

from collections.abc import Iterable
from importlib.resources import files
from importlib.resources.abc import Traversable

from rdflib import Graph

__all__ = [
    "mapping_file",
    "mapping_files",
    "ontology_file",
    "ontology_files",
    "ontology_graph",
    "query_files",
]


def _dir(name: str) -> Traversable:
    return files(__name__).joinpath(name)


def ontology_files() -> list[Traversable]:
    """The ontology's Turtle files (``film.ttl``, ``alignment.ttl``, ``shapes.ttl``)."""
    return sorted(
        (p for p in _dir("ontology").iterdir() if p.name.endswith(".ttl")), key=lambda p: p.name
    )


def ontology_file(name: str) -> Traversable:
    """One ontology file by name, e.g. ``ontology_file("shapes.ttl")``."""
    return _dir("ontology").joinpath(name)


def ontology_graph(names: Iterable[str] = ("film.ttl", "alignment.ttl")) -> Graph:
    """The ontology (``film.ttl`` and ``alignment.ttl``, or the files ``names``) as one rdflib
    graph, for validation and reasoning."""
    graph = Graph()
    for name in names:
        resource = ontology_file(name)
        if resource.is_file():
            graph.parse(data=resource.read_text(encoding="utf-8"), format="turtle")
    return graph


def query_files() -> list[Traversable]:
    """The named SPARQL queries shipped with ``kg`` (``queries/*.rq``)."""
    return sorted(
        (p for p in _dir("queries").iterdir() if p.name.endswith(".rq")), key=lambda p: p.name
    )


def mapping_files() -> list[Traversable]:
    """The table mappings shipped with ``kg`` (``mappings/*.toml``)."""
    return sorted(
        (p for p in _dir("mappings").iterdir() if p.name.endswith(".toml")), key=lambda p: p.name
    )


def mapping_file(name: str) -> Traversable:
    """One shipped mapping by file name or stem, e.g. ``mapping_file("wikidata_films")``."""
    if not name.endswith(".toml"):
        name += ".toml"
    return _dir("mappings").joinpath(name)
