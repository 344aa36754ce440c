"""Load files into the store: the one place that runs the pipeline's stages on every source.

``read`` (a loader from :mod:`kg.loaders` turns a file into plain records) -> ``extract`` (an
article's facts, :mod:`kg.extract`) -> ``resolve`` (mentions to IRIs against what the store
already knows, :mod:`kg.resolve`) -> ``triples`` (:mod:`kg.triples`) -> ``store``, inside one
write transaction. Each source becomes its own named graph described with PROV-O (path,
checksum, loader, loaded at); an unchanged source is skipped, a changed one replaced, and every
check that can fail on the input (missing file, unknown extension, missing mapping, unknown
extractor, unreadable article) runs before the store is touched; anything failing later rolls
the whole load back.

Articles and tables are resolved under one policy, against one :class:`KnownEntities` index of
the store read once per load (lazily: a load of RDF files never reads it) and kept up to date
as sources are written.

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

import contextlib
import functools
import gc
import hashlib
import itertools
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from rdflib import Literal, URIRef

from .conflicts import CONFLICT_PREDICATES, conflict_subjects, record_conflicts
from .errors import ExtractionError, KGInputError
from .extract import DEFAULT_EXTRACTOR, Extractor, Gazetteer, get_extractor
from .gcpause import no_gc
from .iri import ONTOLOGY_GRAPH, source_graph_iri
from .known_names import NameTables
from .loaders import (
    LoaderSpec,
    LoadOptions,
    file_checksum,
    files_under,
    loader_for,
    registered_loaders,
)
from .model import Document, EntityRef, Fact, Failure, RdfSource, TableRow, TableSource
from .namespace import KG
from .progress import iterate, ticking
from .resolve import KnownEntities, Resolver, resolve_facts
from .resources import mapping_file, mapping_files, ontology_file, ontology_graph
from .store import Store, Triple, rdf_format_for
from .summary import GraphTally, keep_summaries
from .triples import (
    SourceInfo,
    TripleCount,
    facts_to_ntriples,
    source_triples,
    table_rows_to_ntriples,
    triples_to_ntriples,
)

__all__ = [
    "LoadReport",
    "expand_paths",
    "load_paths",
    "remove_sources",
    "resolve_mapping",
    "source_graphs",
]

_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}")


@dataclass
class LoadReport:
    """What a load did, source by source (paths or graph IRIs)."""

    loaded: list[str] = field(default_factory=list)
    replaced: list[str] = field(default_factory=list)
    conflicts: int = 0
    """Conflicts between sources in the store after the load (:mod:`kg.conflicts`)."""
    unchanged: list[str] = field(default_factory=list)
    failed: list[Failure] = field(default_factory=list)
    triples: int = 0

    def summary(self) -> str:
        """One line for the user: what was done, and the triples the written graphs now hold."""
        failed = f", {len(self.failed)} failed" if self.failed else ""
        return (
            f"{len(self.loaded)} loaded, {len(self.replaced)} replaced, "
            f"{len(self.unchanged)} unchanged{failed}; {self.triples:,} triples written"
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


def _stored_checksums(store: Store) -> dict[str, str]:
    """The checksum of every loaded source, by graph: read once per load, not once per source."""
    query = f"SELECT ?g ?c WHERE {{ GRAPH ?g {{ ?g <{KG.checksum}> ?c }} }}"
    return {g: c for g, c in store.text_rows(query) if g is not None and c is not None}


def source_graphs(store: Store, graph: str) -> list[str]:
    """The graph of a source and the graphs it contains (named graphs of a quads file)."""
    rows = store.query(
        "SELECT ?h WHERE { GRAPH ?g { ?g ?p ?h } }",
        bindings={"g": URIRef(graph), "p": KG.containsGraph},
        union_default_graph=False,
    ).rows()
    return [graph, *(str(r[0]) for r in rows)]


def article_checksum(doc: Document, extractor: str) -> str:
    """Checksum of an article as loaded: its text and metadata, and the extractor that reads it.

    >>> article_checksum(Document("d", "text"), "rules.v2").startswith("sha256:")
    True
    """
    digest = hashlib.sha256(extractor.encode("utf-8"))
    for part in (doc.text, doc.title or "", doc.url or "", doc.published or ""):
        digest.update(b"\x1f" + part.encode("utf-8"))
    return "sha256:" + digest.hexdigest()


def known_names(store: Store) -> Gazetteer | None:
    """The names ``store`` knows (its films, people, series and companies), as ``kg load`` gives
    them to the extractor; ``None`` for an empty store.

    >>> known_names(Store.memory()) is None
    True
    """
    return _KnownProvider(store).gazetteer()


class _KnownProvider:
    """The store's known entities (for resolution) and names (a gazetteer for extraction), read
    on first need and kept current as sources are written in this load.

    Reading them from a big store takes seconds, so the index is kept beside the store as a
    sidecar of the generation it describes (:meth:`kg.store.Store.write_sidecar`): an article
    load reads it back in a fraction of that, and a write that does not store it again (a table,
    an RDF file, an unload) leaves the next generation without it. The gazetteer is kept beside
    it too (:class:`kg.known_names.NameTables`, tied to the index it was made from), brought up
    to date with what the load learned rather than made again from every name."""

    SIDECAR = "known-entities"
    NAMES = "known-names"

    def __init__(self, store: Store) -> None:
        self.store = store
        self._known: KnownEntities | None = None
        self._data: bytes | None = None  # the index as read from its sidecar, if it was
        self._tables: NameTables | None = None  # of the index as read, then kept up to date
        self._gazetteer: Gazetteer | None = None
        self._gazetteer_due = False
        self._stale = True
        self._written = False  # a table or RDF file was written in this load

    def known(self) -> KnownEntities:
        if self._known is None or self._stale:
            with no_gc(freeze=True):  # ~100k entities of sets and dicts, no cycles
                self._known = self._read()
            self._known.changed = set()  # what the tables must learn before they are saved
            self._tables = None
            self._gazetteer = None
            self._gazetteer_due = True  # made when an article first asks (a table never does)
            self._stale = False
        return self._known

    def _read(self) -> KnownEntities:
        data = None if self._written else self.store.read_sidecar(self.SIDECAR)
        self._data = None
        if data is not None:
            try:
                known = KnownEntities.from_bytes(data, self.store)
            except ValueError:
                pass  # an older format: read the store
            else:
                self._data = data
                return known
        return KnownEntities.from_store(self.store)

    def _read_tables(self) -> NameTables | None:
        """The gazetteer's tables kept with the index as read, if they are there and are its."""
        names = None if self._data is None else self.store.read_sidecar(self.NAMES)
        if names is None or self._data is None:
            return None
        try:
            return NameTables.from_bytes(names, self._data)
        except ValueError:
            return None  # an older format, or not made from this index: made again

    def gazetteer(self) -> Gazetteer | None:
        """The names of the store as :meth:`known` read them (before what this load learned)."""
        known = self.known()
        if self._gazetteer_due:
            with no_gc(freeze=True):
                tables = self._read_tables()
                if tables is None:
                    tables = NameTables.of(known)
                elif known.changed:  # a table written before this first article taught it
                    tables.update(known, known.changed)
                known.changed = set()  # the tables hold the index as it is now
                self._tables = tables
                self._gazetteer = tables.gazetteer()
            self._gazetteer_due = False
        return self._gazetteer

    def learned(self, facts: Iterable[Fact], resolver: Resolver, graph: str) -> None:
        """An article's facts were written: add them to the index (cheap, in memory)."""
        if self._known is not None and not self._stale:
            self._known.learn(facts, resolver, graph)

    def changed(self) -> None:
        """A table or RDF file was written: read the index again when next needed."""
        self._stale = True
        self._written = True

    def save(self) -> None:
        """Keep the index and its names with the generation this load publishes, if current."""
        known = self._known
        if known is not None and not self._stale:
            with no_gc():
                data = known.to_bytes()
                tables = self._tables
                if tables is None:
                    tables = self._read_tables()
                if tables is None:
                    tables = NameTables.of(known)
                elif known.changed:
                    tables.update(known, known.changed)
                known.changed = set()
                self._tables = tables
                names = tables.to_bytes(data)
            self.store.write_sidecar(self.SIDECAR, data)
            self.store.write_sidecar(self.NAMES, names)


def _thaw() -> None:
    """Undo :func:`_collector_paused`'s freeze at the end of a load: a process that loads again
    and again (a notebook, the tests) does not keep every load's cycles frozen."""
    gc.unfreeze()


@dataclass
class _Pipeline:
    """The stages, bound to one store and load: records in, triples and provenance out."""

    store: Store
    extractor_name: str
    extractor: Extractor
    progress: bool
    known: _KnownProvider
    pending: dict[str, list[str]] = field(default_factory=dict)
    """Articles extracted but not yet written (N-Triples lines by graph), written together by
    :meth:`flush`."""
    pending_lines: int = 0
    """The lines of :attr:`pending`, counted as they come (not summed again per article)."""
    touched: set[str] | None = field(default_factory=set)
    """Subjects whose functional facts this load changed (``None``: an RDF file was written,
    so conflicts are looked for everywhere)."""
    tallies: dict[str, GraphTally] = field(default_factory=dict)
    """What :mod:`kg.summary` keeps of each big graph, counted as it was written."""
    tables: dict[str, set[str]] = field(default_factory=dict)
    """Tables written (graph -> its films no other source described, see :meth:`table_lines`):
    :func:`kg.conflicts.record_conflicts` looks for conflicts around the rest of their
    subjects."""

    def graph_and_checksum(
        self, record: Document | TableSource | RdfSource
    ) -> tuple[str, str, str]:
        """``(graph IRI, checksum, path shown to the user)`` of a record."""
        if isinstance(record, Document):
            where = record.source or record.id
            return (
                str(source_graph_iri(where)),
                article_checksum(record, self.extractor_name),
                where,
            )
        return str(source_graph_iri(record.path)), record.checksum, record.path

    def write(
        self, record: Document | TableSource | RdfSource, graph: str, checksum: str, where: str
    ) -> int:
        """Replace ``graph`` with the record's triples and provenance; returns how many triples
        the source's graph holds afterwards (a triple stated twice by one source counts once)."""
        if isinstance(record, Document):
            # extraction runs before the old graph is touched: a failure leaves it as it was
            return self.add_article(record, graph, checksum, where)
        self.flush()
        if isinstance(record, RdfSource):
            self.touched = None  # it may hold anything, in graphs of its own
        for old in source_graphs(self.store, graph):
            if self.touched is not None and self.store.has_graph(old):
                self.touched |= conflict_subjects(self.store, old)
            self.store.remove_graph(old)
        contains: list[str] = []
        if isinstance(record, TableSource):
            info = SourceInfo(
                graph=graph,
                path=where,
                checksum=checksum,
                loader=record.reader,
                title=record.title,
                extractor=record.reader,
                mapping=record.mapping,
            )
            # one bulk write of the rows and the provenance, as N-Triples text (no rdflib terms)
            fresh: set[str] = set()  # its films no other source described when they were written
            tally = self.tallies[graph] = GraphTally()  # what kg.summary keeps, as it is written
            count = TripleCount()  # the distinct triples, counted as written when it can be
            lines = self.table_lines(record, graph, fresh, tally, count)
            provenance = list(dict.fromkeys(triples_to_ntriples(source_triples(info))))
            # millions of short-lived tuples and lists, and the entities learned, none in a
            # cycle: the collector's passes over them were a sixth of making the text
            with no_gc(freeze=True):
                self.store.add_ntriples(graph, itertools.chain(lines, tally.observe(provenance)))
            # the provenance is about the graph's own IRI, of which no row says anything
            exact, size = count.exact, count.triples + len(provenance)
            tally.size = size if exact else self.store.graph_size(graph)
            self.tables[graph] = fresh  # conflicts are looked for again around its films
            return tally.size
        else:
            self.rdf(record, graph)
            contains = sorted(self.store.graphs_in_file(Path(record.path)) - {graph})
            self.known.changed()
            info = SourceInfo(
                graph=graph,
                path=where,
                checksum=checksum,
                loader=record.reader,
                title=record.title,
                contains=contains,
            )
        self.store.add_triples(graph, source_triples(info))
        return sum(self.store.graph_size(g) for g in [graph, *contains])

    def add_article(self, doc: Document, graph: str, checksum: str, where: str) -> int:
        """Extract an article and keep its triples and provenance for the next :meth:`flush`;
        returns how many distinct triples its graph will hold."""
        lines = self.article_lines(doc, graph, where)
        info = SourceInfo(
            graph=graph,
            path=where,
            checksum=checksum,
            loader="articles",
            title=doc.title,
            url=doc.url,
            published=doc.published if doc.published and _ISO_DATE.match(doc.published) else None,
            extractor=self.extractor_name,
        )
        if graph not in self.pending and self.store.has_graph(graph):
            if self.touched is not None:
                self.touched |= {
                    str(s) for s, p, _, _ in self.store.triples(graph) if p in CONFLICT_PREDICATES
                }
            self.store.remove_graph(graph)  # an article replaced (it never contains graphs)
        lines.extend(triples_to_ntriples(source_triples(info)))
        unique = list(dict.fromkeys(lines))  # the graph's triples, each once, in order
        self.pending_lines += len(unique) - len(self.pending.get(graph, ()))
        self.pending[graph] = unique
        # what kg.summary keeps of the graph, from its lines (not read back from the store)
        tally = self.tallies[graph] = GraphTally.of_lines(unique)
        if self.touched is not None:
            self.touched |= _functional_subjects(unique)
        if self.pending_lines >= _BATCH_TRIPLES:
            self.flush()
        return tally.size or 0

    def flush(self) -> None:
        """Write the pending articles: one insert for all of them, each in its own graph."""
        if self.pending:
            self.store.add_graphs(self.pending)
            self.pending = {}
            self.pending_lines = 0

    def article_lines(self, doc: Document, graph: str, where: str) -> list[str]:
        """extract -> resolve -> triples for one article, as N-Triples lines."""
        doc.id = graph
        known = self.known.known()
        try:
            facts = self.extractor(doc, self.known.gazetteer())
        except Exception as err:  # an extractor bug: say which article, keep the cause
            raise ExtractionError(
                f"the {self.extractor_name} extractor failed on this article ({type(err).__name__}: "
                f"{err}); please report it with the article. `kg load --keep-going` loads the others",
                path=where,
            ) from err
        facts, resolver = resolve_facts(facts, known, graph=graph)
        self.known.learned(facts, resolver, graph)
        text = "".join(facts_to_ntriples(facts, resolver, graph=graph))
        return [line + "\n" for line in text.split("\n") if line]  # not splitlines: U+2028

    def table_lines(
        self,
        table: TableSource,
        graph: str,
        fresh: set[str] | None = None,
        tally: GraphTally | None = None,
        count: TripleCount | None = None,
    ) -> Iterator[str]:
        """resolve -> triples for a table, one film (row) at a time, with a progress bar; as
        N-Triples lines for the store's bulk loader. ``fresh`` receives the films (IRIs) that
        no graph of the store described when their row came (before its lines were written):
        only this table states anything about them, so they can have no conflict with
        another source. ``tally`` notes the triples as they are made (as N-Triples terms, see
        :func:`kg.triples.facts_to_ntriples`). ``count`` counts the distinct triples of a table
        written as read (below), else is marked inexact (see :class:`kg.triples.TripleCount`).

        Into a store with no entities to resolve against (a first load), the rows are written
        as read, without a :class:`~kg.model.Fact` per cell value
        (:func:`kg.triples.table_rows_to_ntriples`): the same triples, in two thirds of the time."""
        resolver = Resolver()
        resolver.plan(table.films())
        known = self.known.known()
        if not known.by_iri:  # an empty store: nothing to resolve against, rows written as read
            rows = self._counted(table, table.table_rows())
            # the index learns the table's names as they are written: the next load (articles
            # resolved against the table) finds it beside the store instead of reading the store
            rows = _learning_rows(rows, known, resolver, graph)
            if fresh is not None:
                rows = _noting_fresh(rows, lambda row: row.film, resolver, self.store, fresh)
            yield from table_rows_to_ntriples(
                rows,
                resolver,
                graph=graph,
                observe=tally.note_row if tally is not None else None,
                count=count,
            )
            return
        if count is not None:
            count.exact = False  # resolved facts may repeat what other rows said: not counted
        facts = self._counted(table, _rows(table.facts()))
        facts = _resolved_rows(facts, known, resolver, graph)
        facts = _learning(facts, known, resolver, graph)
        if fresh is not None:
            facts = _noting_fresh(facts, lambda row: row[0].subject, resolver, self.store, fresh)
        yield from facts_to_ntriples(
            itertools.chain.from_iterable(facts),
            resolver,
            graph=graph,
            observe=tally.note_terms if tally is not None else None,
        )

    def _counted(self, table: TableSource, rows: Iterator[_Row]) -> Iterator[_Row]:
        """``rows`` (one per film) with a progress bar of the table's films, if progress is on."""
        if not self.progress:
            return rows
        return iterate(rows, total=table.rows(), desc=Path(table.path).name, unit=" films")

    def rdf(self, record: RdfSource, graph: str) -> None:
        self.store.load_file(Path(record.path), graph)


_BATCH_TRIPLES = 250_000
"""Pending article triples that make the pipeline write them (memory stays bounded)."""


_CONFLICT_PREDICATES_NT = frozenset(p.n3() for p in CONFLICT_PREDICATES)


def _functional_subjects(lines: Iterable[str]) -> set[str]:
    """The subjects (IRIs) of N-Triples ``lines`` that conflicts and agreements are about.

    >>> _functional_subjects(['<urn:f> <https://w3id.org/filmkg/ontology#director> <urn:p> .\\n'])
    {'urn:f'}
    """
    found = set()
    for line in lines:
        subject, predicate, _ = line.split(" ", 2)
        if predicate in _CONFLICT_PREDICATES_NT and subject.startswith("<"):
            found.add(subject[1:-1])
    return found


def _rows(facts: Iterable[Fact]) -> Iterator[list[Fact]]:
    """A table's facts grouped by row (film): a row's facts share one subject object."""
    row: list[Fact] = []
    subject: EntityRef | None = None
    for fact in facts:
        if fact.subject is not subject and row:
            yield row
            row = []
        subject = fact.subject
        row.append(fact)
    if row:
        yield row


def _resolved_rows(
    rows: Iterator[list[Fact]], known: KnownEntities, resolver: Resolver, graph: str
) -> Iterator[list[Fact]]:
    """A table's rows (facts about one film) resolved against ``known``."""
    for row in rows:
        yield resolve_facts(row, known, graph=graph, resolver=resolver)[0]


def _learning(
    rows: Iterator[list[Fact]], known: KnownEntities, resolver: Resolver, graph: str
) -> Iterator[list[Fact]]:
    """``rows`` (facts about one film each) as they come, each taught to ``known``."""
    for row in rows:
        yield row
        known.learn(row, resolver, graph, links=False)


def _learning_rows(
    rows: Iterator[TableRow], known: KnownEntities, resolver: Resolver, graph: str
) -> Iterator[TableRow]:
    """:func:`_learning` for rows read as :class:`~kg.model.TableRow`: their film and entities
    are taught to ``known`` in the same order, an object learned already not again (a table
    gives equal entities one object, and learning one twice changes nothing)."""
    learned: dict[int, EntityRef] = {}  # by identity, kept alive so that no id is reused
    for row in rows:
        yield row
        new = [row.film]  # one object per row
        for fact in row.facts:
            ref = fact[1]
            if isinstance(ref, EntityRef) and learned.get(id(ref)) is not ref:
                learned[id(ref)] = ref
                new.append(ref)
        known.learn_refs(new, resolver, graph)


_Row = TypeVar("_Row")


def _noting_fresh(
    rows: Iterator[_Row],
    film_of: Callable[[_Row], EntityRef],
    resolver: Resolver,
    store: Store,
    fresh: set[str],
) -> Iterator[_Row]:
    """``rows`` as they come; a row's film (``film_of(row)``) goes into ``fresh`` if the store
    describes nothing about it when the row comes. A row's lines are made after it is looked
    up, so the table's own triples about a film never hide that it is new (a film of two rows
    is looked up at the first). A store of few quads when the first row comes (the ontology
    alone, before a first load) is looked up in the set of its subjects, read once (a film
    that only the table's earlier rows describe is then fresh too: no other source states
    anything about it)."""
    seen: set[str] = set()
    subjects = store.subjects_if_few(_FEW_QUADS)
    describes = store.describes if subjects is None else subjects.__contains__
    for row in rows:
        film = str(resolver.iri(film_of(row)))
        if film not in seen:
            seen.add(film)
            if not describes(film):
                fresh.add(film)
        yield row


_FEW_QUADS = 20_000
"""Quads of a store whose subjects :func:`_noting_fresh` reads at once (the shipped ontology
is a few thousand, with the default graph's copy)."""


def _plan(paths: Sequence[str | Path], options: LoadOptions) -> list[tuple[Path, LoaderSpec]]:
    plan: list[tuple[Path, LoaderSpec]] = []
    for path in expand_paths(paths):
        spec = loader_for(path, options)
        if spec.needs_mapping and options.mapping is None:
            raise KGInputError(
                f"a {path.suffix} table needs a mapping: add --mapping FILE.toml "
                "(or the name of a shipped mapping such as wikidata_films)",
                path=str(path),
            )
        if not spec.needs_mapping and spec.name == "rdf":
            rdf_format_for(path)  # an unknown RDF extension fails before the store is touched
        plan.append((path, spec))
    return plan


def load_paths(
    store: Store,
    paths: Sequence[str | Path],
    *,
    mapping: str | Path | None = None,
    progress: bool = True,
    validate: Callable[[Store, list[str]], None] | None = None,
    extractor: str | None = None,
    max_article_bytes: int | None = None,
    keep_going: bool = False,
) -> LoadReport:
    """Load files (or directories of files) into ``store``; see the module docstring.

    ``extractor`` names the article extractor (default ``rules.v2``; see ``kg.extract``);
    ``mapping`` (a path or a shipped mapping's name) applies to tables only.

    ``validate`` (e.g. :func:`kg.validate.require_valid`) is called with the graphs of each source
    just written; if it raises (``KGCheckFailed``), the whole load is rolled back.

    ``keep_going``: a source that cannot be read or extracted (a bad article, a bad JSON line,
    an unreadable file) is listed in :attr:`LoadReport.failed` and the others are loaded;
    without it the first such error stops the load and nothing is written.
    """
    extractor_name = extractor or DEFAULT_EXTRACTOR
    options = LoadOptions(
        mapping=resolve_mapping(mapping),
        max_article_bytes=max_article_bytes,
        keep_going=keep_going,
    )
    pipeline = _Pipeline(
        store=store,
        extractor_name=extractor_name,
        extractor=get_extractor(
            extractor_name
        ),  # an unknown name fails before the store is touched
        progress=progress,
        known=_KnownProvider(store),
    )
    plan = _plan(paths, options)
    report = LoadReport()
    written: set[str] = {ONTOLOGY_GRAPH}  # graphs whose summaries kg.summary brings up to date
    with contextlib.ExitStack() as finishing, store.writing():
        finishing.callback(_thaw)  # what the load froze (the known entities) is collectable again
        checksums = _stored_checksums(store)
        ontology_replaced = _ensure_ontology(store, checksums.get(ONTOLOGY_GRAPH))
        for path, spec in plan:
            try:
                records = list(spec.read(path, options))
            except KGInputError as err:
                if not keep_going:
                    raise
                records = [Failure(str(err.path or path), err.message, err.line)]
            for record in records:
                if isinstance(record, Failure):
                    report.failed.append(record)
                    continue
                graph, checksum, where = pipeline.graph_and_checksum(record)
                old = checksums.get(graph)
                if old == checksum:
                    report.unchanged.append(where)
                    continue
                if not isinstance(record, Document):  # an article never contains graphs
                    written.update(source_graphs(store, graph))  # before: graphs it replaces
                try:
                    report.triples += pipeline.write(record, graph, checksum, where)
                except ExtractionError as err:
                    if not keep_going:
                        raise
                    report.failed.append(Failure(where, err.message))
                    continue
                checksums[graph] = checksum
                written.update(
                    [graph] if isinstance(record, Document) else source_graphs(store, graph)
                )
                if validate is not None:
                    pipeline.flush()
                    validate(store, source_graphs(store, graph))
                (report.replaced if old is not None else report.loaded).append(where)
        pipeline.flush()
        if report.loaded or report.replaced:
            finishing.enter_context(
                ticking("load: indexing and writing the store", enabled=progress)
            )
            pipeline.known.save()
            # kg.conflicts: sources that disagree, looked for where this load changed something
            report.conflicts = record_conflicts(
                store, subjects=pipeline.touched, tables=pipeline.tables
            )[0]
            keep_summaries(store, written, pipeline.tallies)  # kg.summary: kept, not rescanned
        elif not ontology_replaced:
            store.keep_sidecars()  # nothing changed: the summaries and known names still hold
    return report


def _ensure_ontology(store: Store, stored: str | None) -> bool:
    """Keep the shipped ontology in :data:`~kg.iri.ONTOLOGY_GRAPH` (replaced when it changed), so
    that SPARQL can ask it which properties are roles, classes, aligned terms. ``stored``: the
    checksum the store holds for it (read with the sources' checksums, in the same query).
    True when it was (re)written."""
    checksum = _ontology_checksum()
    if stored == checksum:
        return False  # not parsed: a load into a store that has it pays only the checksum
    store.remove_graph(ONTOLOGY_GRAPH)
    store.add_triples(ONTOLOGY_GRAPH, _shipped_ontology())
    return True


@functools.cache
def _ontology_checksum() -> str:
    """The shipped ontology's checksum (of its files, read once)."""
    files = [Path(str(ontology_file(name))) for name in ("film.ttl", "alignment.ttl")]
    return file_checksum(*files, salt="ontology")


@functools.cache
def _shipped_ontology() -> list[Triple]:
    """The shipped ontology's triples (with its checksum), parsed once."""
    triples: list[Triple] = list(ontology_graph())
    triples.append((URIRef(ONTOLOGY_GRAPH), KG.checksum, Literal(_ontology_checksum())))
    return triples


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
        if removed:
            record_conflicts(store)
            keep_summaries(store, removed)
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
