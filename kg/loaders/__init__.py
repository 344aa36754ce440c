"""Loaders turn a file into :class:`Source` objects, each one named graph's worth of triples.

A small registry keyed by name, in the manner of rdflib's plugins: entries name their
implementation as ``"module:function"`` and are imported only when used, so loading a Turtle
file never imports spaCy. Built-ins are registered exactly like add-ons:

>>> sorted(spec.name for spec in registered_loaders())
['articles', 'rdf', 'table']
>>> loader_for(Path("films.ttl")).name
'rdf'
>>> loader_for(Path("films.csv"), LoadOptions(mapping=Path("m.toml"))).name
'table'
"""

from __future__ import annotations

import hashlib
import importlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import UnknownFormatError

if TYPE_CHECKING:
    from ..store import Store, Triple

__all__ = [
    "LoadOptions",
    "LoaderSpec",
    "Source",
    "file_checksum",
    "files_under",
    "loader_for",
    "register_loader",
    "registered_loaders",
]


@dataclass
class LoadOptions:
    """Options every loader receives."""

    mapping: Path | None = None
    progress: bool = True
    store: Store | None = None  # read access for gazetteers (known names and titles)
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass
class Source:
    """One named graph to write: either ``triples`` (made lazily, only if the source changed) or an
    RDF file handed to the store's bulk loader."""

    graph: str
    path: str
    checksum: str
    loader: str
    triples: Callable[[], Iterable[Triple]] | None = None
    rdf_file: Path | None = None
    title: str | None = None
    url: str | None = None
    published: str | None = None
    extractor: str | None = None
    mapping: str | None = None


Loader = Callable[[Path, LoadOptions], Iterator[Source]]


@dataclass(frozen=True)
class LoaderSpec:
    """A registered loader: its name, the file extensions it reads, where its code is."""

    name: str
    extensions: tuple[str, ...]
    target: str  # "module:function"
    needs_mapping: bool = False
    description: str = ""

    def load(self) -> Loader:
        """Import and return the loader function."""
        module, _, function = self.target.partition(":")
        loader: Loader = getattr(importlib.import_module(module), function)
        return loader


_REGISTRY: dict[str, LoaderSpec] = {}


def register_loader(spec: LoaderSpec) -> None:
    """Add (or replace) a loader in the registry."""
    _REGISTRY[spec.name] = spec


def registered_loaders() -> list[LoaderSpec]:
    """All registered loaders."""
    return list(_REGISTRY.values())


def loader_for(path: Path, options: LoadOptions | None = None) -> LoaderSpec:
    """The loader for ``path``: by extension; a table extension with ``--mapping`` is a table."""
    options = options or LoadOptions()
    suffix = path.suffix.lower().lstrip(".")
    if path.name.endswith(".gz"):
        suffix = path.name.lower().rsplit(".", 2)[-2]
    if options.mapping is not None:
        for spec in _REGISTRY.values():
            if spec.needs_mapping and suffix in spec.extensions:
                return spec
    for spec in _REGISTRY.values():
        if suffix in spec.extensions and not spec.needs_mapping:
            return spec
    for spec in _REGISTRY.values():
        if suffix in spec.extensions:
            return spec
    known = sorted({e for s in _REGISTRY.values() for e in s.extensions})
    raise UnknownFormatError(
        f"unknown file extension {path.suffix or '(none)'!r}; kg loads: {', '.join('.' + k for k in known)}",
        path=str(path),
    )


def files_under(directory: Path, extensions: Iterable[str]) -> list[Path]:
    """Files below ``directory`` (recursively, sorted) with one of ``extensions``; hidden files and
    folders are skipped.

    >>> files_under(Path("no-such-dir"), ["ttl"])
    []
    """
    wanted = {e.lower().lstrip(".") for e in extensions}
    return sorted(
        p
        for p in directory.rglob("*")
        if p.is_file()
        and p.suffix.lower().lstrip(".") in wanted
        and not any(part.startswith(".") for part in p.relative_to(directory).parts)
    )


def file_checksum(*paths: Path, salt: str = "") -> str:
    """``sha256:`` of the files' bytes (and a salt such as the loader version).

    >>> file_checksum(salt="x").startswith("sha256:")
    True
    """
    digest = hashlib.sha256(salt.encode("utf-8"))
    for path in paths:
        with path.open("rb") as handle:
            for block in iter(lambda: handle.read(1 << 20), b""):
                digest.update(block)
    return "sha256:" + digest.hexdigest()


register_loader(
    LoaderSpec(
        "rdf",
        ("ttl", "nt", "nq", "trig", "jsonld", "rdf", "owl", "n3"),
        "kg.loaders.rdf:load_rdf",
        description="RDF files (Turtle, N-Triples, N-Quads, TriG, JSON-LD, RDF/XML) via Oxigraph's bulk loader",
    )
)
register_loader(
    LoaderSpec(
        "table",
        ("csv", "tsv", "jsonl", "json"),
        "kg.loaders.table:table_sources",
        needs_mapping=True,
        description="film tables (CSV, TSV, JSON lines) through a declarative mapping (--mapping)",
    )
)
register_loader(
    LoaderSpec(
        "articles",
        ("txt", "html", "htm", "jsonl", "json"),
        "kg.loaders.articles:article_sources",
        description="news and encyclopedia articles (text, HTML, JSON lines) through the rule extractor",
    )
)
