"""Loaders read a file and hand over plain records: articles, tables, RDF files.

A loader is a function ``read(path, options) -> Iterator[Record]`` where a record is a
:class:`~kg.model.Document` (an article with its metadata), a :class:`~kg.model.TableSource` (a
film table read through a mapping) or an :class:`~kg.model.RdfSource` (an RDF file for the
store's bulk loader). Loaders only read and check their input: extraction, resolution, RDF and
the store belong to :mod:`kg.ingest`, which runs those stages on every record. Loaders import
nothing of ``kg`` but :mod:`kg.model`, :mod:`kg.errors`, :mod:`kg.registry` and each other.

Loaders live in :data:`LOADERS`, a :class:`~kg.registry.Registry` of :class:`LoaderSpec` keyed
by name; built-ins are registered exactly like add-ons, and a plugin package adds one through
the ``kg.loaders`` entry-point group (its value names a ``LoaderSpec``). The reader function is
imported only when a file of its kind is loaded, so loading Turtle never imports spaCy.

>>> sorted(spec.name for spec in registered_loaders())
['articles', 'rdf', 'table']
>>> loader_for(Path("films.ttl")).name
'rdf'
>>> loader_for(Path("films.csv"), LoadOptions(mapping=Path("m.toml"))).name
'table'
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import cast

from ..errors import UnknownFormatError
from ..model import Record
from ..registry import Registry, import_target

__all__ = [
    "LOADERS",
    "LoadOptions",
    "LoaderSpec",
    "Reader",
    "file_checksum",
    "files_under",
    "loader_for",
    "register_loader",
    "registered_loaders",
]


@dataclass(frozen=True)
class LoadOptions:
    """What a loader may be told: the table mapping file, the article size limit."""

    mapping: Path | None = None
    max_article_bytes: int | None = None
    keep_going: bool = False
    """Hand over a :class:`~kg.model.Failure` for a bad source (an article, a JSON line) and go
    on, instead of raising."""


Reader = Callable[[Path, LoadOptions], Iterator[Record]]
"""``read(path, options)``: the records of one file."""


@dataclass(frozen=True)
class LoaderSpec:
    """A registered loader: its name, the file extensions it reads, its reader function.

    ``reader`` is the function or its ``"module:function"`` path (imported on first use).
    """

    name: str
    extensions: tuple[str, ...]
    reader: Reader | str
    needs_mapping: bool = False
    description: str = ""
    accepts: Callable[[Path, LoadOptions], bool] | str | None = None
    """Optional check that a file of one of ``extensions`` really is this loader's (a JSON-lines
    file may hold a table or articles); ``None`` accepts every such file."""

    def claims(self, path: Path, options: LoadOptions) -> bool:
        """Does this loader read ``path`` (given ``options``)?"""
        accepts = self.accepts
        if accepts is None:
            return True
        if isinstance(accepts, str):
            accepts = cast(Callable[[Path, LoadOptions], bool], import_target(accepts))
        return accepts(path, options)

    def read(self, path: Path, options: LoadOptions) -> Iterator[Record]:
        """The records of ``path``."""
        reader = self.reader
        if isinstance(reader, str):
            reader = cast(Reader, import_target(reader))
        return reader(path, options)


LOADERS: Registry[LoaderSpec] = Registry("loader", group="kg.loaders")
"""Every loader by name."""


def register_loader(spec: LoaderSpec) -> None:
    """Add (or replace) a loader in :data:`LOADERS`."""
    LOADERS.register(spec.name, spec)


def registered_loaders() -> list[LoaderSpec]:
    """All registered loaders."""
    return [spec for _, spec in LOADERS.items()]


def loader_for(path: Path, options: LoadOptions | None = None) -> LoaderSpec:
    """The loader for ``path``: by extension; a table extension with a mapping is a table.

    A mapping is only for tables: an article (``.txt``, ``.html``) or an RDF file given in the
    same load as a table is read by its own loader.
    """
    options = options or LoadOptions()
    suffix = path.suffix.lower().lstrip(".")
    if path.name.endswith(".gz"):
        suffix = path.name.lower().rsplit(".", 2)[-2]
    specs = registered_loaders()
    if options.mapping is not None:
        for spec in specs:
            if spec.needs_mapping and suffix in spec.extensions and spec.claims(path, options):
                return spec
    for spec in specs:
        if suffix in spec.extensions and not spec.needs_mapping:
            return spec
    for spec in specs:
        if suffix in spec.extensions:
            return spec
    known = sorted({e for s in specs for e in s.extensions})
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
        "kg.loaders.rdf:read_rdf",
        description="RDF files (Turtle, N-Triples, N-Quads, TriG, JSON-LD, RDF/XML) via Oxigraph's bulk loader",
    )
)
register_loader(
    LoaderSpec(
        "table",
        ("csv", "tsv", "jsonl", "json"),
        "kg.loaders.table:read_table_source",
        needs_mapping=True,
        accepts="kg.loaders.table:looks_like_table",
        description="film tables (CSV, TSV, JSON lines) through a declarative mapping (--mapping)",
    )
)
register_loader(
    LoaderSpec(
        "articles",
        ("txt", "html", "htm", "jsonl", "json"),
        "kg.loaders.articles:read_article_records",
        description="news and encyclopedia articles (text, HTML, JSON lines) through an extractor",
    )
)
