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
from typing import IO, Any

from .errors import KGInputError
from .progress import bar
from .query import PREFIXES
from .store import Store, rdf_format_for

__all__ = ["EXPORT_EXTENSIONS", "export_rdf"]

EXPORT_EXTENSIONS = ("ttl", "nt", "nq", "trig", "jsonld", "rdf")
"""File extensions ``kg export`` writes."""


class _Counting:
    """A binary file that ticks a progress bar once per line written (one statement per line
    in N-Triples and N-Quads; about one in Turtle and TriG)."""

    def __init__(self, handle: IO[bytes], progress: Any) -> None:
        self.handle = handle
        self.progress = progress

    def write(self, data: bytes) -> int:
        self.progress.update(data.count(b"\n"))
        return self.handle.write(data)

    def flush(self) -> None:
        self.handle.flush()


def _statements(store: Store, graph: str | None, quads: bool) -> int:
    if graph is not None:
        return store.graph_size(graph)
    pattern = "GRAPH ?g { ?s ?p ?o }" if quads else "?s ?p ?o"
    rows = store.rows(f"SELECT (COUNT(*) AS ?n) WHERE {{ {pattern} }}")
    return int(rows[0][0] or 0) if rows else 0


def export_rdf(
    store: Store, path: str | Path, *, graph: str | None = None, progress: bool = False
) -> Path:
    """Write the store (or one named graph) to ``path`` in the format of its extension.

    The file is written next to its final name and renamed, so a failed export leaves no partial file.
    ``progress`` shows a bar of statements written (on a terminal; see :mod:`kg.progress`).
    """
    out = Path(path)
    rdf_format = rdf_format_for(out)
    partial = out.with_name(out.name + ".partial")
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        by_line = out.suffix.lower() in (".nt", ".nq", ".ttl", ".trig")
        total = _statements(store, graph, rdf_format.supports_datasets) if progress else None
        with (
            partial.open("wb") as handle,
            bar(
                total=total if by_line else None,
                desc=f"export {out.name}",
                unit=" statements" if by_line else " lines",
                scale=True,
                enabled=progress,
            ) as ticks,
        ):
            store.dump(_Counting(handle, ticks), rdf_format, graph=graph, prefixes=PREFIXES)  # type: ignore[arg-type]
        partial.replace(out)
    except OSError as err:
        raise KGInputError(
            f"cannot write the export: {err.strerror or err}; choose another path", path=str(out)
        ) from err
    finally:
        with contextlib.suppress(OSError):
            partial.unlink(missing_ok=True)
    return out
