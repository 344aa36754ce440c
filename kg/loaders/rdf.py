"""Loader for RDF files: one record per file, handed unparsed to Oxigraph's bulk loader.

>>> import tempfile, pathlib
>>> from kg.loaders import LoadOptions
>>> p = pathlib.Path(tempfile.mkdtemp()) / "one.ttl"
>>> _ = p.write_text("<urn:a> <urn:b> <urn:c> .")
>>> [r.reader for r in read_rdf(p, LoadOptions())]
['rdf.v1']
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from ..model import RdfSource
from . import LoadOptions, file_checksum

__all__ = ["READER", "read_rdf"]

READER = "rdf.v1"
"""Versioned name of this loader, recorded with each source."""


def read_rdf(path: Path, options: LoadOptions) -> Iterator[RdfSource]:
    """One record: the file's triples go to its own named graph; quads keep their graph names."""
    yield RdfSource(
        path=str(path.resolve()),
        checksum=file_checksum(path, salt=READER),
        reader=READER,
        title=path.name,
    )
