"""Load files into the store: pick a loader, skip what is unchanged, replace what changed, all or nothing.

Each source becomes its own named graph described with PROV-O (path, checksum, loader, loaded at).
Every check that can fail on the input (missing file, unknown extension, missing mapping) runs before
the store is touched; anything failing later rolls the whole load back.

>>> from kg.store import Store
>>> import tempfile, pathlib
>>> p = pathlib.Path(tempfile.mkdtemp()) / "one.ttl"
>>> _ = p.write_text("<urn:a> <urn:b> <urn:c> .")
>>> with Store.memory() as store:
...     first = load_paths(store, [p], progress=False)
...     again = load_paths(store, [p], progress=False)
>>> (len(first.loaded), len(again.unchanged))
(1, 1)
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import URIRef

from .errors import KGInputError
from .extract import get_extractor
from .loaders import LoaderSpec, LoadOptions, Source, files_under, loader_for, registered_loaders
from .namespace import KG
from .resources import mapping_file, mapping_files
from .store import Store
from .triples import SourceInfo, source_triples

__all__ = [
    "LoadReport",
    "expand_paths",
    "load_paths",
    "remove_sources",
    "resolve_mapping",
    "source_graphs",
]


@dataclass
class LoadReport:
    """What a load did, source by source (paths or graph IRIs)."""

    loaded: list[str] = field(default_factory=list)
    replaced: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    triples: int = 0

    def summary(self) -> str:
        """One line for the user."""
        return (
            f"{len(self.loaded)} loaded, {len(self.replaced)} replaced, "
            f"{len(self.unchanged)} unchanged; {self.triples:,} triples written"
        )


def resolve_mapping(mapping: str | Path | None) -> Path | None:
    """A mapping given as a file path or as the name of a shipped one (``wikidata_films``)."""
    if mapping is None:
        return None
    path = Path(mapping)
    if path.is_file():
        return path
    shipped = mapping_file(str(mapping))
    if shipped.is_file():
        return Path(str(shipped))
    names = ", ".join(p.name.removesuffix(".toml") for p in mapping_files())
    raise KGInputError(
        f"no mapping file {mapping!r}: give a path to a .toml mapping or a shipped one ({names})"
    )


def expand_paths(paths: Sequence[str | Path]) -> list[Path]:
    """Files to load: each path, or every loadable file under a directory (sorted, hidden skipped)."""
    known = {e for spec in registered_loaders() for e in spec.extensions}
    out: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found = files_under(path, known)
            if not found:
                raise KGInputError(
                    f"no loadable files in directory (kg loads {', '.join(sorted(known))})",
                    path=str(path),
                )
            out.extend(found)
        elif path.is_file():
            out.append(path)
        elif path.exists():
            raise KGInputError("not a regular file", path=str(path))
        else:
            raise KGInputError("no such file; check the path", path=str(path))
    return out


def _stored_checksum(store: Store, graph: str) -> str | None:
    rows = store.query(
        "SELECT ?c WHERE { GRAPH ?g { ?g ?p ?c } }",
        bindings={"g": URIRef(graph), "p": KG.checksum},
        union_default_graph=False,
    ).rows()
    return str(rows[0][0]) if rows else None


def source_graphs(store: Store, graph: str) -> list[str]:
    """The graph of a source and the graphs it contains (named graphs of a quads file)."""
    rows = store.query(
        "SELECT ?h WHERE { GRAPH ?g { ?g ?p ?h } }",
        bindings={"g": URIRef(graph), "p": KG.containsGraph},
        union_default_graph=False,
    ).rows()
    return [graph, *(str(r[0]) for r in rows)]


def _write(store: Store, source: Source) -> int:
    for graph in source_graphs(store, source.graph):
        store.remove_graph(graph)
    contains: set[str] = set()
    written = 0
    if source.rdf_file is not None:
        contains = store.graphs_in_file(source.rdf_file) - {source.graph}
        before = len(store)
        store.load_file(source.rdf_file, source.graph)
        written = len(store) - before
    elif source.triples is not None:
        written = store.add_triples(source.graph, source.triples())
    info = SourceInfo(
        graph=source.graph,
        path=source.path,
        checksum=source.checksum,
        loader=source.loader,
        title=source.title,
        url=source.url,
        published=source.published,
        extractor=source.extractor,
        mapping=source.mapping,
        contains=sorted(contains),
    )
    store.add_triples(source.graph, source_triples(info))
    return written


def load_paths(
    store: Store,
    paths: Sequence[str | Path],
    *,
    mapping: str | Path | None = None,
    progress: bool = True,
    validate: Callable[[Store, list[str]], None] | None = None,
    extractor: str | None = None,
) -> LoadReport:
    """Load files (or directories of files) into ``store``; see the module docstring.

    ``extractor`` names the article extractor (default ``rules.v1``; see ``kg.extract``).

    ``validate`` (e.g. :func:`kg.validate.require_valid`) is called with the graphs of each source
    just written; if it raises (``KGCheckFailed``), the whole load is rolled back.
    """
    options = LoadOptions(mapping=resolve_mapping(mapping), progress=progress, store=store)
    if extractor is not None:
        get_extractor(extractor)  # an unknown name fails here, before the store is touched
        options.extra["extractor"] = extractor
    files = expand_paths(paths)
    plan: list[tuple[Path, LoaderSpec]] = []
    for path in files:
        spec = loader_for(path, options)
        if spec.needs_mapping and options.mapping is None:
            raise KGInputError(
                f"a {path.suffix} table needs a mapping: add --mapping FILE.toml "
                "(or the name of a shipped mapping such as wikidata_films)",
                path=str(path),
            )
        plan.append((path, spec))
    report = LoadReport()
    with store.writing():
        for path, spec in plan:
            for source in spec.load()(path, options):
                old = _stored_checksum(store, source.graph)
                if old == source.checksum:
                    report.unchanged.append(source.path)
                    continue
                report.triples += _write(store, source)
                if validate is not None:
                    validate(store, source_graphs(store, source.graph))
                (report.replaced if old is not None else report.loaded).append(source.path)
    return report


def remove_sources(store: Store, targets: Sequence[str]) -> list[str]:
    """Remove loaded sources (given by file path or graph IRI) and their facts; returns the graphs."""
    removed: list[str] = []
    with store.writing():
        for target in targets:
            rows = _find_source(store, target)
            if not rows:
                raise KGInputError(f"no loaded source {target!r}; `kg stats --sources` lists them")
            for graph in rows:
                for g in source_graphs(store, graph):
                    store.remove_graph(g)
                    removed.append(g)
    return removed


def _find_source(store: Store, target: str) -> list[str]:
    candidates = {target}
    if "://" not in target:
        candidates.add(str(Path(target).resolve()))
    out: list[str] = []
    for row in store.query(
        "SELECT ?g ?p WHERE { GRAPH ?g { ?g ?pathp ?p } }",
        bindings={"pathp": KG.sourcePath},
        union_default_graph=False,
    ).rows():
        graph, path = str(row[0]), str(row[1])
        if graph in candidates or path in candidates:
            out.append(graph)
    return out
