"""Loader for RDF files: handed to Oxigraph's own (bulk) parser, never parsed in Python.

>>> from kg.loaders import LoadOptions
>>> import tempfile, pathlib
>>> p = pathlib.Path(tempfile.mkdtemp()) / "one.ttl"
>>> _ = p.write_text("<urn:a> <urn:b> <urn:c> .")
>>> [s.loader for s in load_rdf(p, LoadOptions())]
['rdf.v1']
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from ..iri import source_graph_iri
from ..store import rdf_format_for
from . import LoadOptions, Source, file_checksum

__all__ = ["load_rdf"]

LOADER = "rdf.v1"


def load_rdf(path: Path, options: LoadOptions) -> Iterator[Source]:
    """One source: the file's triples go to its own named graph; quads keep their graph names."""
    rdf_format_for(path)  # fails early on an unknown extension
    yield Source(
        graph=str(source_graph_iri(path)),
        path=str(path.resolve()),
        checksum=file_checksum(path, salt=LOADER),
        loader=LOADER,
        rdf_file=path,
        title=path.name,
    )
