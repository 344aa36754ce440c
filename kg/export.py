"""Export the graph as RDF files: the format comes from the file extension.

Quads formats (N-Quads, TriG, JSON-LD) keep every named graph, so provenance travels with the
data; triples formats (Turtle, N-Triples, RDF/XML) merge the graphs (or write one, with ``graph``).

>>> from kg.store import Store
>>> import tempfile, pathlib
>>> out = pathlib.Path(tempfile.mkdtemp()) / "g.nq"
>>> with Store.memory() as store:
...     export_rdf(store, out)
PosixPath('...g.nq')
"""

from __future__ import annotations

import contextlib
from pathlib import Path

from .errors import KGInputError
from .query import PREFIXES
from .store import Store, rdf_format_for

__all__ = ["EXPORT_EXTENSIONS", "export_rdf"]

EXPORT_EXTENSIONS = ("ttl", "nt", "nq", "trig", "jsonld", "rdf")
"""File extensions ``kg export`` writes."""


def export_rdf(store: Store, path: str | Path, *, graph: str | None = None) -> Path:
    """Write the store (or one named graph) to ``path`` in the format of its extension.

    The file is written next to its final name and renamed, so a failed export leaves no partial file.
    """
    out = Path(path)
    rdf_format = rdf_format_for(out)
    partial = out.with_name(out.name + ".partial")
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        with partial.open("wb") as handle:
            store.dump(handle, rdf_format, graph=graph, prefixes=PREFIXES)
        partial.replace(out)
    except OSError as err:
        raise KGInputError(
            f"cannot write the export: {err.strerror or err}; choose another path", path=str(out)
        ) from err
    finally:
        with contextlib.suppress(OSError):
            partial.unlink(missing_ok=True)
    return out
