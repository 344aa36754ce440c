"""Tables -> facts: stream a CSV, TSV or JSON-lines table through a :class:`~kg.loaders.mapping.TableMapping`.

Each row is one film, ``EntityRef(FILM, title, year=..., key=<id cell>)``; every mapped cell gives
facts about it: literal :class:`~kg.model.Value` objects (title, year, release date, runtime, ...)
or :class:`~kg.model.EntityRef` objects (people, companies, countries, other films). Empty cells
give nothing, whitespace is stripped and a value repeated in one row gives one fact. Joined tables
are indexed once (only the columns they map) and the main table is streamed row by row.

Evidence is document-level, ``Evidence(source_id=<table path>, extractor="table.v1")``; the store
records which file a load read (see :meth:`~kg.loaders.mapping.TableMapping.sources`).

>>> import tempfile
>>> from pathlib import Path
>>> from kg.loaders.mapping import parse_mapping
>>> folder = Path(tempfile.mkdtemp())
>>> _ = (folder / "films.csv").write_text(
...     'ID,Title,Year,Director\\n1,The Glass Harbor,2015,"Mara Lindqvist, Owen Sato"\\n')
>>> mapping = parse_mapping('''
... [table]
... id = "ID"
... title = "Title"
... year = "Year"
... [[fields]]
... column = "Director"
... relation = "director"
... split = ", "
... ''')
>>> for fact in read_table(folder / "films.csv", mapping):
...     print(fact.subject.name, fact.subject.year, fact.relation.value, fact.object)
The Glass Harbor 2015 title Value(text='The Glass Harbor', type=<ValueType.STRING: 'string'>)
The Glass Harbor 2015 director EntityRef(type=<EntityType.PERSON: 'person'>, name='Mara Lindqvist', year=None, aliases=(), key=None)
The Glass Harbor 2015 director EntityRef(type=<EntityType.PERSON: 'person'>, name='Owen Sato', year=None, aliases=(), key=None)
>>> count_rows(folder / "films.csv")
1
"""

from __future__ import annotations

import codecs
import csv
import difflib
import json
import os
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from types import TracebackType
from typing import IO, Any, TypeAlias

from ..errors import KGInputError, MappingError, ParseError
from ..model import (
    EntityRef,
    EntityType,
    Evidence,
    Fact,
    Relation,
    RowFact,
    TableRow,
    TableSource,
    Value,
    ValueType,
)
from . import LoadOptions, file_checksum
from .mapping import (
    FieldMapping,
    JoinMapping,
    TableFormat,
    TableMapping,
    guess_format,
    load_mapping,
)

__all__ = [
    "EXTRACTOR",
    "check_table",
    "count_rows",
    "film_refs",
    "looks_like_table",
    "read_rows",
    "read_table",
    "read_table_source",
]

EXTRACTOR = "table.v1"
"""Versioned name of this loader, recorded in each fact's evidence."""

Cell: TypeAlias = str | list[str]
"""A cell: text (CSV/TSV, JSON strings and numbers) or a list of texts (a JSON array)."""

Path_ = str | os.PathLike[str]


class _CellError(Exception):
    """A cell that does not parse as its field's type; turned into a ParseError with the line."""


# --------------------------------------------------------------------------------------------
# Public API


def read_table(path: Path_, mapping: TableMapping) -> Iterator[Fact]:
    """Stream the facts of the table at ``path`` (and its joined tables) under ``mapping``.

    Raises :class:`~kg.errors.ParseError` (file and line) for a malformed row or cell, an empty
    or binary file; :class:`~kg.errors.MappingError` for a mapped column the table lacks.
    The checks happen as the iterator is consumed: a failing table may already have yielded facts.
    """
    evidence = Evidence(source_id=str(Path(path)), confidence=1.0, extractor=EXTRACTOR)
    for row in read_rows(path, mapping):
        yield from row.facts_with(evidence)


def read_rows(path: Path_, mapping: TableMapping) -> Iterator[TableRow]:
    """The facts of :func:`read_table`, one :class:`~kg.model.TableRow` per row (film), the
    evidence left out (it is the same for every fact of a table). Equal objects are one object
    for the whole table (a person in many rows, a genre, a year): what is made of an object
    once can be found again by identity. Raises like :func:`read_table`."""
    path = Path(path)
    lookups = _Lookups(path, mapping) if any(_has_lookup(mapping)) else None
    objects: dict[EntityRef | Value, EntityRef | Value] = {}  # each distinct object, once
    with _Table.open(path, mapping, _main_columns(mapping)) as table:
        # Joined tables are read after the main header checks out, before the first row.
        joins = [
            _IndexedJoin.build(path, mapping, index, table.index, lookups, objects)
            for index in range(len(mapping.joins))
        ]
        fields = [_compile(f, table.index, mapping, lookups, objects) for f in mapping.fields]
        id_idx = table.index[mapping.id] if mapping.id is not None else None
        title_idx = table.index[mapping.title]
        year_idx = table.index[mapping.year] if mapping.year is not None else None
        title_column = mapping.title
        seen_ids: dict[str, int] = {}
        for line, cells in table.rows():
            key: str | None = None
            if id_idx is not None:
                key = _text(cells[id_idx])
                if not key:
                    raise ParseError(
                        f"empty {mapping.id} cell: every row needs its film's key",
                        path=str(path),
                        line=line,
                    )
                first = seen_ids.setdefault(key, line)
                if first != line:
                    raise ParseError(
                        f"duplicate {mapping.id} {key!r} (first on line {first}): each row must be "
                        "one film; merge the rows or fix the key",
                        path=str(path),
                        line=line,
                    )
            title = _text(cells[title_idx])
            if not title:
                raise ParseError(
                    f"empty {title_column} cell: a film needs a title", path=str(path), line=line
                )
            year = (
                _film_year(cells[year_idx], mapping, path, line) if year_idx is not None else None
            )
            film = EntityRef(EntityType.FILM, title, year=year, key=key)
            title_value = Value(title)
            value = objects.setdefault(title_value, title_value)
            facts: list[RowFact] = [(Relation.TITLE, value, None, None, None)]
            seen: set[tuple[object, ...]] = {(Relation.TITLE, id(value), None, None)}
            for field in fields:
                if cells[field.idx]:
                    _cell_facts(facts, field, cells, seen, path, line)
            for join in joins:
                join_key = _text(cells[join.main_idx])
                for join_line, join_cells in join.rows.get(join_key, ()):
                    for field in join.fields:
                        if join_cells[field.idx]:
                            _cell_facts(facts, field, join_cells, seen, join.path, join_line)
            yield TableRow(film, facts)


def count_rows(path: Path_, mapping: TableMapping | None = None) -> int:
    """Number of data rows (films) in the table at ``path``, for a progress bar.

    Tolerant: undecodable bytes and malformed quoting do not raise here (:func:`read_table`
    reports them). The format and encoding come from ``mapping``, else from the file extension.
    """
    fmt = mapping.table_format(path) if mapping is not None else guess_format(path)
    encoding = _python_encoding(mapping.encoding if mapping is not None else "utf-8")
    try:
        with open(path, encoding=encoding, errors="replace", newline="") as fh:
            if fmt is TableFormat.JSONL:
                return sum(1 for text in fh if text.strip())
            reader = _reader(fh, fmt, mapping.delimiter if mapping else None, strict=False)
            rows = 0
            try:
                for row in reader:
                    if row and (len(row) > 1 or row[0].strip()):
                        rows += 1
            except csv.Error:
                pass
            return max(rows - 1, 0)
    except OSError as err:
        raise _missing(path, err) from err


def check_table(path: Path_, mapping: TableMapping) -> None:
    """Check that the table at ``path`` and its joined tables have every column ``mapping`` names.

    Reads only the headers (all of a JSON-lines table, which has none). Raises like
    :func:`read_table`.
    """
    path = Path(path)
    with _Table.open(path, mapping, _main_columns(mapping)) as table:
        if table.fmt is TableFormat.JSONL:
            for _ in table.rows():
                pass
    for join in mapping.joins:
        join_path = join.resolve(path)
        with _Table.open(join_path, mapping, _join_columns(join), join=join) as table:
            if table.fmt is TableFormat.JSONL:
                for _ in table.rows():
                    pass


def film_refs(path: Path_, mapping: TableMapping) -> list[EntityRef]:
    """The film of every row, exactly as :func:`read_table` names them (for ``Resolver.plan``).

    Reads only the key, title and year columns.
    """
    return _Lookups(Path(path), mapping).films


def read_table_source(path: Path, options: LoadOptions) -> Iterator[TableSource]:
    """The registry's table loader: one record for the table and its joins.

    The checksum covers the table, its joined tables and the mapping, so changing any of them
    reloads the graph. Headers are checked here, before the store is touched; rows are read
    when the pipeline asks for the facts.
    """
    if options.mapping is None:
        raise KGInputError(
            "a table needs a mapping: add --mapping FILE.toml (or a shipped one such as "
            "wikidata_films)",
            path=str(path),
        )
    mapping = load_mapping(options.mapping)
    check_table(path, mapping)
    yield TableSource(
        path=str(path.resolve()),
        checksum=file_checksum(*mapping.sources(path), options.mapping, salt=EXTRACTOR),
        reader=EXTRACTOR,
        mapping=str(options.mapping),
        films=lambda: film_refs(path, mapping),
        facts=lambda: read_table(path, mapping),
        table_rows=lambda: read_rows(path, mapping),
        rows=lambda: count_rows(path, mapping),
        title=path.name,
    )


def looks_like_table(path: Path, options: LoadOptions) -> bool:
    """Is ``path`` a table of ``options.mapping`` (and not, say, JSON lines of articles)?

    CSV and TSV files always are; a JSON(-lines) file is when its first object has the mapping's
    title column, or has no article ``text`` field.
    """
    if options.mapping is None:
        return False
    if path.suffix.lower() not in (".json", ".jsonl"):
        return True
    try:
        mapping = load_mapping(options.mapping)
        with path.open("rb") as fh:
            head = fh.read(1 << 16)
    except (OSError, KGInputError):
        return True  # let the table reader report the problem
    first = _first_json_object(head)
    if first is None:
        return True
    return mapping.title in first or "text" not in first


def _first_json_object(head: bytes) -> dict[str, Any] | None:
    text = head.decode("utf-8", errors="replace").lstrip("\ufeff \t\r\n")
    if text.startswith("["):
        text = text[1:].lstrip()
    decoder = json.JSONDecoder()
    try:
        obj, _ = decoder.raw_decode(text)
    except (json.JSONDecodeError, RecursionError):
        return None
    return obj if isinstance(obj, dict) else None


# --------------------------------------------------------------------------------------------
# Row -> facts


@dataclass(slots=True)
class _Field:
    """A field mapping resolved against one table's header: column indices and a cell parser."""

    idx: int
    relation: Relation
    make: Callable[[str], EntityRef | Value]
    split: str | None
    suffixes: frozenset[str]
    billing: bool
    char_idx: int | None
    region_idx: int | None
    mapping: FieldMapping
    mapping_source: str
    made: dict[str, EntityRef | Value]
    """Each cell value's object, made once (by :meth:`object`)."""
    objects: dict[EntityRef | Value, EntityRef | Value]
    """Every distinct object of the table read, shared by its fields (equal means identical)."""

    def object(self, item: str, path: Path, line: int) -> EntityRef | Value:
        """The object of a cell value: made by :attr:`make` the first time, then found again."""
        obj = self.made.get(item)
        if obj is None:
            try:
                made = self.make(item)
            except _CellError as err:
                raise ParseError(
                    f"column {self.mapping.column!r}: {err} (cell value {_clip(item)}); fix the "
                    f"cell, or change {self.mapping.where} in {self.mapping_source}",
                    path=str(path),
                    line=line,
                ) from None
            obj = self.made[item] = self.objects.setdefault(made, made)
        return obj


def _cell_facts(
    facts: list[RowFact],
    field: _Field,
    cells: Sequence[Cell],
    seen: set[tuple[object, ...]],
    path: Path,
    line: int,
) -> None:
    """Add the facts of a field's cell to its row's ``facts`` (a value ``seen`` in the row
    already, with the same relation and qualifiers, is left out)."""
    items = _items(cells[field.idx], field.split, field.suffixes)
    characters = _paired(field, field.char_idx, items, cells, path, line)
    regions = _paired(field, field.region_idx, items, cells, path, line)
    relation = field.relation
    if not characters and not regions and not field.billing:  # most fields: no qualifier
        made = field.made
        for item in items:
            if item:
                obj = made.get(item)
                if obj is None:
                    obj = field.object(item, path, line)
                plain = (relation, id(obj), None, None)
                if plain not in seen:
                    seen.add(plain)
                    facts.append((relation, obj, None, None, None))
        return
    position = 0
    for i, item in enumerate(items):
        if not item:
            continue
        position += 1
        obj = field.object(item, path, line)
        character = characters[i] or None if characters else None
        region = regions[i] or None if regions else None
        dedup = (relation, id(obj), character, region)  # equal objects are one object
        if dedup in seen:
            continue
        seen.add(dedup)
        facts.append((relation, obj, character, position if field.billing else None, region))


def _items(cell: Cell, sep: str | None, suffixes: frozenset[str]) -> list[str]:
    """The stripped values of a cell (empty strings kept, so paired columns stay aligned)."""
    if isinstance(cell, list):
        return [c.strip() for c in cell]
    if sep is None:
        return [cell.strip()]
    parts = [p.strip() for p in cell.split(sep)]
    if suffixes:
        glued: list[str] = []
        for part in parts:
            if part in suffixes and glued and glued[-1]:
                glued[-1] = glued[-1] + sep + part
            else:
                glued.append(part)
        return glued
    return parts


def _paired(
    field: _Field,
    idx: int | None,
    items: list[str],
    cells: Sequence[Cell],
    path: Path,
    line: int,
) -> list[str] | None:
    if idx is None or not cells[idx]:
        return None
    values = _items(cells[idx], field.split, frozenset())
    if len(values) != len(items):
        column = field.mapping.character if idx == field.char_idx else field.mapping.region
        raise ParseError(
            f"column {field.mapping.column!r} has {len(items)} values but its paired column "
            f"{column!r} has {len(values)}; they are aligned by position: give one value for each "
            f"(an empty value between separators for an unknown one)",
            path=str(path),
            line=line,
        )
    return values


def _clip(text: str, limit: int = 80) -> str:
    """``repr`` of a cell for a message, cut to ``limit`` characters."""
    return (
        repr(text) if len(text) <= limit else repr(text[:limit]) + f"... ({len(text)} characters)"
    )


def _text(cell: Cell) -> str:
    if isinstance(cell, list):
        return ", ".join(c.strip() for c in cell if c.strip())
    return cell.strip()


_YEAR = re.compile(r"[0-9]{4}")
_ISO_DATE = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})")
_INTEGER = re.compile(r"[+-]?[0-9]+")
_DECIMAL = re.compile(r"[+-]?([0-9]+)(?:\.([0-9]*))?")


def _film_year(cell: Cell, mapping: TableMapping, path: Path, line: int) -> int | None:
    text = _text(cell)
    if not text:
        return None
    if _YEAR.match(text) and (len(text) == 4 or text[4] == "-"):
        return int(text[:4])
    raise ParseError(
        f"column {mapping.year!r}: expected a year or an ISO date for the film's year, got {text!r}; "
        f"fix the cell or change table.year in {mapping.source}",
        path=str(path),
        line=line,
    )


def _parse_year(text: str) -> Value:
    if _YEAR.fullmatch(text):
        return Value(text, ValueType.YEAR)
    raise _CellError("expected a four-digit year such as 1999")


def _parse_iso_date(text: str) -> Value:
    m = _ISO_DATE.fullmatch(text)
    if m:
        try:
            date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        except ValueError as err:
            raise _CellError(f"not a calendar date ({err})") from None
        return Value(text, ValueType.DATE)
    raise _CellError("expected an ISO date yyyy-mm-dd (or set date_format on the field)")


def _date_parser(fmt: str) -> Callable[[str], Value]:
    def parse(text: str) -> Value:
        try:
            return Value(datetime.strptime(text, fmt).date().isoformat(), ValueType.DATE)
        except ValueError:
            raise _CellError(f"not a date in the format {fmt!r}") from None

    return parse


def _parse_integer(text: str) -> Value:
    if _INTEGER.fullmatch(text):
        return Value(_int_text(text), ValueType.INTEGER)
    hint = ' (integral decimals such as 90.0 need cast = "int")' if _DECIMAL.fullmatch(text) else ""
    raise _CellError("expected an integer" + hint)


def _int_text(digits: str) -> str:
    """Canonical text of an integer ("+007" -> "7"); Python refuses more than 4300 digits."""
    try:
        return str(int(digits))
    except ValueError:
        raise _CellError("integer too long") from None


def _parse_int_cast(text: str) -> Value:
    m = _DECIMAL.fullmatch(text)
    if m and not (m.group(2) or "").strip("0"):
        return Value(_int_text(text.split(".", 1)[0]), ValueType.INTEGER)
    raise _CellError("expected a whole number (such as 90 or 90.0)")


def _parse_string(text: str) -> Value:
    return Value(text)


def _compile(
    field: FieldMapping,
    index: dict[str, int],
    mapping: TableMapping,
    lookups: _Lookups | None,
    objects: dict[EntityRef | Value, EntityRef | Value],
) -> _Field:
    make: Callable[[str], EntityRef | Value]
    if field.entity_type is not None:
        if field.lookup is not None:
            assert lookups is not None
            make = lookups.maker(field)
        else:
            entity_type = field.entity_type

            def make(text: str) -> EntityRef:
                return EntityRef(entity_type, text)

    elif field.value_type is ValueType.DATE:
        make = _date_parser(field.date_format) if field.date_format else _parse_iso_date
    elif field.value_type is ValueType.YEAR:
        make = _parse_year
    elif field.value_type is ValueType.INTEGER:
        make = _parse_int_cast if field.cast == "int" else _parse_integer
    else:
        make = _parse_string
    return _Field(
        idx=index[field.column],
        relation=field.relation,
        make=make,
        split=field.split,
        suffixes=frozenset(field.suffixes),
        billing=field.billing == "position",
        char_idx=index[field.character] if field.character is not None else None,
        region_idx=index[field.region] if field.region is not None else None,
        mapping=field,
        mapping_source=mapping.source,
        made={},
        objects=objects,
    )


# --------------------------------------------------------------------------------------------
# Film lookups (fields whose cells name other films of the same table)


def _has_lookup(mapping: TableMapping) -> Iterator[bool]:
    yield from (f.lookup is not None for f in mapping.fields)
    yield from (f.lookup is not None for j in mapping.joins for f in j.fields)


class _Lookups:
    """The films of the main table by key and by title, read in a first pass over the table."""

    def __init__(self, path: Path, mapping: TableMapping) -> None:
        self.films: list[EntityRef] = []
        self.by_key: dict[str, EntityRef] = {}
        self.by_title: dict[str, list[EntityRef]] = {}
        columns = tuple(c for c in (mapping.id, mapping.title, mapping.year) if c is not None)
        with _Table.open(path, mapping, [(c, "table") for c in columns]) as table:
            id_idx = table.index[mapping.id] if mapping.id is not None else None
            title_idx = table.index[mapping.title]
            year_idx = table.index[mapping.year] if mapping.year is not None else None
            for line, cells in table.rows():
                title = _text(cells[title_idx])
                if not title:
                    continue
                key = _text(cells[id_idx]) if id_idx is not None else None
                year = (
                    _film_year(cells[year_idx], mapping, path, line)
                    if year_idx is not None
                    else None
                )
                ref = EntityRef(EntityType.FILM, title, year=year, key=key or None)
                self.films.append(ref)
                if key:
                    self.by_key.setdefault(key, ref)
                self.by_title.setdefault(title, []).append(ref)
        self.id_column = mapping.id

    def maker(self, field: FieldMapping) -> Callable[[str], EntityRef]:
        entity_type = field.entity_type or EntityType.FILM
        if field.lookup == "id":
            by_key = self.by_key

            def by_id(text: str) -> EntityRef:
                try:
                    return by_key[text]
                except KeyError:
                    raise _CellError(
                        f"no row of this table has {self.id_column} = {text!r}"
                    ) from None

            return by_id
        by_title = self.by_title

        def by_name(text: str) -> EntityRef:
            refs = by_title.get(text)
            if not refs:
                return EntityRef(entity_type, text)  # a film outside this table
            if len(refs) > 1:
                years = ", ".join(str(r.year) for r in refs)
                raise _CellError(
                    f'{len(refs)} rows have this title (years {years}); use lookup = "id" and keys'
                )
            return refs[0]

        return by_name


# --------------------------------------------------------------------------------------------
# Joined tables


@dataclass(slots=True)
class _IndexedJoin:
    """A joined table's mapped columns, indexed by key: key -> [(line, cells)]."""

    path: Path
    main_idx: int
    fields: list[_Field]
    rows: dict[str, list[tuple[int, Sequence[Cell]]]]

    @classmethod
    def build(
        cls,
        main_path: Path,
        mapping: TableMapping,
        number: int,
        main_index: dict[str, int],
        lookups: _Lookups | None,
        objects: dict[EntityRef | Value, EntityRef | Value],
    ) -> _IndexedJoin:
        join = mapping.joins[number]
        path = join.resolve(main_path)
        columns = join.columns()
        rows: dict[str, list[tuple[int, Sequence[Cell]]]] = {}
        with _Table.open(path, mapping, _join_columns(join), join=join) as table:
            take = [table.index[c] for c in columns]
            for line, cells in table.rows():
                projected = [cells[i] for i in take]
                key = _text(projected[0])
                if key:
                    rows.setdefault(key, []).append((line, projected))
        local = {c: i for i, c in enumerate(columns)}
        return cls(
            path=path,
            main_idx=main_index[join.main_key],
            fields=[_compile(f, local, mapping, lookups, objects) for f in join.fields],
            rows=rows,
        )


# --------------------------------------------------------------------------------------------
# Files -> rows


def _main_columns(mapping: TableMapping) -> list[tuple[str, str]]:
    """(column, where in the mapping) for the main table, for messages about missing columns."""
    named: list[tuple[str, str]] = []
    for key in ("id", "title", "year"):
        column = getattr(mapping, key)
        if column is not None:
            named.append((column, f"table.{key}"))
    for f in mapping.fields:
        named.extend((c, f.where) for c in f.columns())
    for j in mapping.joins:
        named.append((j.main_key, f"{j.where}.main_key"))
    return named


def _join_columns(join: JoinMapping) -> list[tuple[str, str]]:
    """(column, where in the mapping) for a joined table."""
    named = [(join.key, f"{join.where}.key")]
    for f in join.fields:
        named.extend((c, f.where) for c in f.columns())
    return named


def _python_encoding(encoding: str) -> str:
    """utf-8 is read as utf-8-sig: a byte-order mark is skipped, not glued to the first column."""
    try:
        name = codecs.lookup(encoding).name
    except LookupError:
        return encoding
    return "utf-8-sig" if name == "utf-8" else encoding


def _reader(
    fh: IO[str], fmt: TableFormat, delimiter: str | None, *, strict: bool = True
) -> Iterator[list[str]]:
    if fmt is TableFormat.TSV:
        return csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE, strict=strict)
    return csv.reader(fh, delimiter=delimiter or ",", strict=strict)


def _missing(path: Path_, err: OSError) -> KGInputError:
    return KGInputError(
        f"cannot read table: {err.strerror or err}; check the path (joined tables are relative "
        "to the main table's directory)",
        path=str(path),
    )


class _Table:
    """An open table: its header index and a row iterator; a context manager closing the file."""

    def __init__(
        self,
        path: Path,
        fmt: TableFormat,
        fh: IO[str],
        encoding: str,
        needed: list[tuple[str, str]],
        mapping: TableMapping,
    ) -> None:
        self.path = path
        self.fmt = fmt
        self.fh = fh
        self.encoding = encoding
        self.needed = needed
        self.mapping = mapping
        self.index: dict[str, int] = {}
        self._csv: Iterator[list[str]] | None = None
        self._width = 0

    @classmethod
    def open(
        cls,
        path: Path,
        mapping: TableMapping,
        needed: list[tuple[str, str]],
        *,
        join: JoinMapping | None = None,
    ) -> _Table:
        if join is not None:
            fmt = join.format if join.format is not None else guess_format(path)
            encoding, delimiter = join.encoding, join.delimiter
        else:
            fmt = mapping.table_format(path)
            encoding, delimiter = mapping.encoding, mapping.delimiter
        try:
            fh = open(  # noqa: SIM115 (closed by _Table.__exit__)
                path,
                encoding=_python_encoding(encoding),
                newline="" if fmt is not TableFormat.JSONL else None,
            )
        except OSError as err:
            raise _missing(path, err) from err
        table = cls(path, fmt, fh, encoding, needed, mapping)
        try:
            if fmt is TableFormat.JSONL:
                table.index = {c: i for i, c in enumerate(dict.fromkeys(c for c, _ in needed))}
            else:
                table._read_header(delimiter)
        except BaseException:
            fh.close()
            raise
        return table

    def __enter__(self) -> _Table:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        value: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.fh.close()

    # -- errors ------------------------------------------------------------------------------

    def _decode_error(self, err: UnicodeDecodeError) -> ParseError:
        offset, line, binary = _bad_byte(self.path, self.encoding)
        what = "this looks like a binary file, not a table: " if binary else ""
        where = f"byte offset {offset}" if offset is not None else f"position {err.start}"
        return ParseError(
            f"{what}cannot decode the file as {self.encoding} ({err.reason} at {where}); "
            f'if it is a text table in another encoding, set encoding = "..." (e.g. "latin-1", '
            f'"utf-16") in {self.mapping.source}',
            path=str(self.path),
            line=line,
        )

    def _check_columns(self, header: list[str]) -> None:
        for column, where in self.needed:
            if column not in self.index:
                close = difflib.get_close_matches(column, header, n=1)
                hint = f"; did you mean {close[0]!r}?" if close else ""
                raise MappingError(
                    f"the table has no column {column!r} (named by {where} in {self.mapping.source})"
                    f"{hint}; its columns are: {', '.join(header)}",
                    path=str(self.path),
                )

    # -- CSV / TSV ---------------------------------------------------------------------------

    def _read_header(self, delimiter: str | None) -> None:
        reader = _reader(self.fh, self.fmt, delimiter)
        self._csv = reader
        header: list[str] | None = None
        try:
            for row in reader:
                if row and (len(row) > 1 or row[0].strip()):
                    header = [h.strip() for h in row]
                    break
        except csv.Error as err:
            raise ParseError(
                f"malformed header row: {err}",
                path=str(self.path),
                line=reader.line_num,  # type: ignore[attr-defined]
            ) from err
        except UnicodeDecodeError as err:
            raise self._decode_error(err) from err
        if header is None:
            raise ParseError(
                "empty table: the file has no header row and no data; give a header row naming "
                "the columns, then one row per film",
                path=str(self.path),
            )
        if any("\x00" in h for h in header):
            raise ParseError(
                "this looks like a binary file (NUL bytes in the header row); if it is UTF-16 "
                f'text, set encoding = "utf-16" in {self.mapping.source}',
                path=str(self.path),
                line=1,
            )
        self._width = len(header)
        for i, name in enumerate(header):
            self.index.setdefault(name, i)
        self._check_columns(header)
        for column, _ in self.needed:
            if header.count(column) > 1:
                raise ParseError(
                    f"the header names column {column!r} {header.count(column)} times; "
                    "rename the duplicates so the mapping is unambiguous",
                    path=str(self.path),
                    line=reader.line_num,  # type: ignore[attr-defined]
                )

    def rows(self) -> Iterator[tuple[int, Sequence[Cell]]]:
        """(first line of the record, cells) for every non-blank data row."""
        if self.fmt is TableFormat.JSONL:
            yield from self._json_rows()
            return
        reader = self._csv
        assert reader is not None
        width = self._width
        last: int = reader.line_num  # type: ignore[attr-defined]
        try:
            for row in reader:
                line = last + 1
                last = reader.line_num  # type: ignore[attr-defined]
                if len(row) != width:
                    if not row or (len(row) == 1 and not row[0].strip()):
                        continue
                    raise ParseError(
                        f"row has {len(row)} fields but the header has {width}; quote cells "
                        "that contain the delimiter, or fix the row",
                        path=str(self.path),
                        line=line,
                    )
                yield line, row
        except csv.Error as err:
            raise ParseError(
                f"malformed row: {err}; check the quotes of the record starting on this line "
                "(a quote opened and never closed swallows the rest of the file)",
                path=str(self.path),
                line=last + 1,
            ) from err
        except UnicodeDecodeError as err:
            raise self._decode_error(err) from err

    # -- JSON lines --------------------------------------------------------------------------

    def _json_rows(self) -> Iterator[tuple[int, Sequence[Cell]]]:
        columns = list(self.index)
        wanted = set(columns)
        present: set[str] = set()
        path = str(self.path)
        objects = 0
        line = 0
        try:
            for line, text in enumerate(self.fh, 1):
                if not text.strip():
                    continue
                try:
                    obj = json.loads(text)
                except json.JSONDecodeError as err:
                    raise ParseError(
                        f"invalid JSON: {err.msg} (column {err.colno}); each line must be one "
                        "JSON object",
                        path=path,
                        line=line,
                    ) from err
                except RecursionError as err:
                    raise ParseError(
                        "invalid JSON: nested too deeply; each line must be one flat JSON object "
                        "of a film's cells",
                        path=path,
                        line=line,
                    ) from err
                if not isinstance(obj, dict):
                    raise ParseError(
                        f'expected a JSON object ({{"column": value, ...}}), got {type(obj).__name__}',
                        path=path,
                        line=line,
                    )
                objects += 1
                if len(present) < len(wanted):
                    present.update(k for k in obj if k in wanted)
                yield line, [_json_cell(obj.get(c), c, path, line) for c in columns]
        except UnicodeDecodeError as err:
            raise self._decode_error(err) from err
        if not objects:
            raise ParseError(
                "empty table: no JSON objects; give one JSON object per line, one per film",
                path=path,
            )
        for column, where in self.needed:
            if column not in present:
                raise MappingError(
                    f"no object in the table has the key {column!r} (named by {where} in "
                    f"{self.mapping.source}); keys seen: {', '.join(sorted(present)) or 'none'}",
                    path=path,
                )


def _json_cell(value: object, column: str, path: str, line: int) -> Cell:
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return str(value)
    if isinstance(value, list):
        out: list[str] = []
        for item in value:
            if item is None:
                continue
            if isinstance(item, (dict, list)):
                break
            out.append(item if isinstance(item, str) else str(_json_cell(item, column, path, line)))
        else:
            return out
    raise ParseError(
        f"key {column!r} holds a nested JSON value; cells must be strings, numbers or arrays of them",
        path=path,
        line=line,
    )


def _bad_byte(path: Path, encoding: str) -> tuple[int | None, int | None, bool]:
    """(byte offset, line, looks binary) of the first byte ``encoding`` cannot decode."""
    try:
        decoder = codecs.getincrementaldecoder(encoding)()
    except LookupError:
        return None, None, False
    offset = 0
    newlines = 0
    binary = False
    with open(path, "rb") as fh:
        while True:
            chunk = fh.read(1 << 16)
            if offset == 0:
                binary = b"\x00" in chunk[:8192]
            pending = len(decoder.getstate()[0])
            try:
                decoder.decode(chunk, final=not chunk)
            except UnicodeDecodeError as err:
                bad = max(offset - pending + err.start, 0)
                newlines += chunk[: max(bad - offset, 0)].count(b"\n")
                return bad, newlines + 1, binary
            if not chunk:
                return None, None, binary
            newlines += chunk.count(b"\n")
            offset += len(chunk)
