"""Declarative table mappings read from TOML: which column of a table says what about its film.

A mapping names the table's format options, the column holding the row's film key and title, and
a list of field mappings ``column -> relation``; joined tables add fields from other files that
share a key with the main table. Mappings are validated eagerly: a bad key or value raises
:class:`~kg.errors.MappingError` naming the mapping file (and its line where it can be found).
Columns are checked against a table's header when the table is read (:mod:`kg.loaders.table`).

The format, in full (every key but ``title`` and the fields' ``column``/``relation`` is optional)::

    [table]
    name = "wikidata_films"     # default: the mapping file's stem
    format = "csv"              # csv | tsv | jsonl; default: guessed from the table's extension
    delimiter = ","             # csv only; tsv is tab-separated with no quoting
    encoding = "utf-8"          # a byte-order mark is skipped
    id = "ID"                   # source-local key of the row's film (EntityRef.key)
    title = "Title"             # the film's title
    year = "Year"               # the film's year (a year or a date); default: the `year` field
    suffixes = ["Jr.", "Sr."]   # split pieces glued back to the previous one ("Ed Begley, Jr.")

    [[fields]]
    column = "Cast"
    relation = "cast_member"    # a kg.model.Relation value
    type = "person"             # entity type or value type; default: by relation
    split = "; "                # multi-valued cells
    billing = "position"        # billing order = position in the cell
    character = "Characters"    # a column split the same way, aligned by position
    # region = "Regions"        # likewise, for release dates
    # cast = "int"              # integer fields: accept integral decimals such as "90.0"
    # date_format = "%d %B %Y"  # date fields: strptime format of the cells (default ISO)
    # lookup = "title"          # film fields: cells name films of this table ("id" or "title")
    # suffixes = []             # override the table's suffixes

    [[joins]]
    path = "tomatoes.csv"       # relative to the main table's directory
    key = "ID"                  # column of the joined table holding the main table's key
    main_key = "ID"             # column of the main table (default: the table's `id`)

    [[joins.fields]]
    column = "Production"
    relation = "production_company"
    split = ", "

>>> m = parse_mapping('''
... [table]
... id = "ID"
... title = "Title"
... [[fields]]
... column = "Director"
... relation = "director"
... split = ", "
... ''', source="films.toml")
>>> m.name, m.fields[0].relation.value, m.fields[0].entity_type
('films', 'director', <EntityType.PERSON: 'person'>)
"""

from __future__ import annotations

import os
import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from importlib.resources.abc import Traversable
from pathlib import Path, PurePath
from typing import Any, Literal

from ..errors import MappingError, UnknownFormatError
from ..model import ROLES, EntityType, Relation, ValueType

__all__ = [
    "DEFAULT_TYPES",
    "LITERAL_RELATIONS",
    "FieldMapping",
    "JoinMapping",
    "TableFormat",
    "TableMapping",
    "guess_format",
    "load_mapping",
    "parse_mapping",
]


class TableFormat(StrEnum):
    """Table file formats, guessed from the file extension by :func:`guess_format`."""

    CSV = "csv"
    TSV = "tsv"
    JSONL = "jsonl"


_EXTENSIONS = {
    ".csv": TableFormat.CSV,
    ".tsv": TableFormat.TSV,
    ".tab": TableFormat.TSV,
    ".jsonl": TableFormat.JSONL,
    ".ndjson": TableFormat.JSONL,
}


def guess_format(path: str | os.PathLike[str]) -> TableFormat:
    """The table format of ``path`` from its extension.

    >>> guess_format("films.tsv")
    <TableFormat.TSV: 'tsv'>
    >>> guess_format("films.xlsx")
    Traceback (most recent call last):
    ...
    kg.errors.UnknownFormatError: films.xlsx: unknown table extension '.xlsx'; expected one of .csv, .jsonl, .ndjson, .tab, .tsv (or set format = "csv" | "tsv" | "jsonl" in the mapping)
    """
    suffix = PurePath(path).suffix.lower()
    try:
        return _EXTENSIONS[suffix]
    except KeyError:
        raise UnknownFormatError(
            f"unknown table extension {suffix!r}; expected one of "
            f'{", ".join(sorted(_EXTENSIONS))} (or set format = "csv" | "tsv" | "jsonl" '
            "in the mapping)",
            path=str(path),
        ) from None


LITERAL_RELATIONS: frozenset[Relation] = frozenset(
    {
        Relation.TITLE,
        Relation.YEAR,
        Relation.RELEASE_DATE,
        Relation.RUNTIME,
        Relation.GENRE,
        Relation.LANGUAGE,
        Relation.IMDB_ID,
        Relation.WIKIDATA_ID,
    }
)
"""Relations whose objects are literal :class:`~kg.model.Value` objects; all others are entities."""

DEFAULT_TYPES: Mapping[Relation, EntityType | ValueType] = {
    **{role.relation: role.agent for role in ROLES},
    Relation.COUNTRY: EntityType.COUNTRY,
    Relation.BASED_ON: EntityType.WORK,  # a novel, a play ...; say type = "film" for remakes
    Relation.FOLLOWS: EntityType.FILM,
    Relation.FOLLOWED_BY: EntityType.FILM,
    Relation.PART_OF_SERIES: EntityType.FILM_SERIES,
    Relation.STREAMING_ON: EntityType.STREAMING_SERVICE,
    Relation.TITLE: ValueType.STRING,
    Relation.YEAR: ValueType.YEAR,
    Relation.RELEASE_DATE: ValueType.DATE,
    Relation.RUNTIME: ValueType.INTEGER,
    Relation.GENRE: ValueType.STRING,
    Relation.LANGUAGE: ValueType.STRING,
    Relation.IMDB_ID: ValueType.STRING,
    Relation.WIKIDATA_ID: ValueType.STRING,
}
"""The object type of each relation when a field does not say ``type``."""


@dataclass(frozen=True, slots=True)
class FieldMapping:
    """One column mapped to a relation of the row's film.

    Exactly one of ``entity_type`` (objects are entities) and ``value_type`` (literals) is set.
    ``character`` and ``region`` name columns split like this one and aligned with it by position.
    """

    column: str
    relation: Relation
    entity_type: EntityType | None = None
    value_type: ValueType | None = None
    split: str | None = None
    suffixes: tuple[str, ...] = ()
    billing: Literal["position"] | None = None
    character: str | None = None
    region: str | None = None
    cast: Literal["int"] | None = None
    date_format: str | None = None
    lookup: Literal["id", "title"] | None = None
    where: str = ""
    """Where the field is declared, for messages: ``fields[2]`` or ``joins[0].fields[1]``."""

    def columns(self) -> tuple[str, ...]:
        """The columns this field reads: its own and any paired columns."""
        return tuple(c for c in (self.column, self.character, self.region) if c is not None)


@dataclass(frozen=True, slots=True)
class JoinMapping:
    """Another table joined to the main table: rows whose ``key`` equals the main ``main_key``."""

    path: str
    key: str
    main_key: str
    fields: tuple[FieldMapping, ...]
    format: TableFormat | None = None
    delimiter: str | None = None
    encoding: str = "utf-8"
    where: str = ""

    def resolve(self, main_table: str | os.PathLike[str]) -> Path:
        """The joined table's path: relative paths are relative to the main table's directory."""
        return Path(main_table).parent / self.path

    def columns(self) -> tuple[str, ...]:
        """The columns of the joined table this join reads (its key first)."""
        return _unique((self.key, *(c for f in self.fields for c in f.columns())))


@dataclass(frozen=True, slots=True)
class TableMapping:
    """A whole mapping: the main table's options, its key/title/year columns, fields and joins."""

    name: str
    title: str
    id: str | None = None
    year: str | None = None
    fields: tuple[FieldMapping, ...] = ()
    joins: tuple[JoinMapping, ...] = ()
    format: TableFormat | None = None
    delimiter: str | None = None
    encoding: str = "utf-8"
    source: str = "<mapping>"
    """The mapping file, for messages."""

    def columns(self) -> tuple[str, ...]:
        """The main table's columns this mapping reads, in a stable order."""
        cols: list[str] = [c for c in (self.id, self.title, self.year) if c is not None]
        cols.extend(c for f in self.fields for c in f.columns())
        cols.extend(j.main_key for j in self.joins)
        return _unique(cols)

    def table_format(self, path: str | os.PathLike[str]) -> TableFormat:
        """The format of the main table at ``path``: the mapping's ``format`` or the extension's."""
        return self.format if self.format is not None else guess_format(path)

    def sources(self, path: str | os.PathLike[str]) -> list[Path]:
        """Every file read when the main table at ``path`` is loaded: it, then its joined tables."""
        return [Path(path), *(j.resolve(path) for j in self.joins)]


def _unique(items: list[str] | tuple[str, ...]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(items))


# --------------------------------------------------------------------------------------------
# Reading and validating


def load_mapping(path: str | os.PathLike[str] | Traversable) -> TableMapping:
    """Read and validate a mapping file (a path, or a shipped one from :mod:`kg.resources`).

    Raises :class:`~kg.errors.MappingError` for a missing file, bad TOML or a bad key or value.

    >>> from kg.resources import mapping_file
    >>> m = load_mapping(mapping_file("wikidata_films"))
    >>> m.id, m.title, [j.path for j in m.joins]
    ('ID', 'Title', ['tomatoes.csv'])
    """
    if isinstance(path, (str, os.PathLike)):
        source = str(path)
        name = Path(path).stem
        try:
            data = Path(path).read_bytes()
        except OSError as err:
            raise MappingError(f"cannot read mapping: {err.strerror or err}", path=source) from err
    else:
        source = str(path)
        name = path.name.removesuffix(".toml")
        try:
            data = path.read_bytes()
        except OSError as err:
            raise MappingError(f"cannot read mapping: {err}", path=source) from err
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        raise MappingError(
            f"mapping is not UTF-8 text (bad byte at offset {err.start}); TOML files are UTF-8",
            path=source,
        ) from err
    return parse_mapping(text, source=source, name=name)


_TOML_LINE = re.compile(r"\(at line (\d+), column (\d+)\)")


def parse_mapping(text: str, *, source: str = "<mapping>", name: str | None = None) -> TableMapping:
    """Validate the TOML ``text`` of a mapping; ``source`` names it in messages.

    >>> parse_mapping('[table]\\ntitle = "Title"\\nid = 3', source="m.toml")
    Traceback (most recent call last):
    ...
    kg.errors.MappingError: m.toml:3: table.id = 3: expected a column name (a string)
    """
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as err:
        match = _TOML_LINE.search(str(err))
        line = int(match.group(1)) if match else None
        if line is None and "end of document" in str(err):
            line = max(len(text.splitlines()), 1)
        message = _TOML_LINE.sub("", str(err)).strip()
        raise MappingError(f"invalid TOML: {message}", path=source, line=line) from err
    if name is None:
        name = PurePath(source).stem or "table"
    return _Parser(text, source).mapping(data, name)


_TABLE_KEYS = ("name", "format", "delimiter", "encoding", "id", "title", "year", "suffixes")
_FIELD_KEYS = (
    "column",
    "relation",
    "type",
    "split",
    "suffixes",
    "billing",
    "character",
    "region",
    "cast",
    "date_format",
    "lookup",
)
_JOIN_KEYS = ("path", "key", "main_key", "format", "delimiter", "encoding", "fields")


class _Parser:
    """Checks a decoded TOML document; finds the line of a bad key for messages."""

    def __init__(self, text: str, source: str) -> None:
        self.lines = text.splitlines()
        self.source = source

    # -- errors ------------------------------------------------------------------------------

    def fail(self, where: tuple[str | int, ...], message: str) -> MappingError:
        label = _label(where)
        if not label:
            text = message
        elif message.startswith(("= ", "is ", "only ")):
            text = f"{label} {message}"
        else:
            text = f"{label}: {message}"
        return MappingError(text, path=self.source, line=self.line_of(where))

    def line_of(self, where: tuple[str | int, ...]) -> int | None:
        """Best-effort line of ``where`` (e.g. ``("fields", 2, "relation")``) in the TOML text."""
        headers: list[tuple[int, str]] = []
        for number, raw in enumerate(self.lines, 1):
            m = re.match(r"\s*(\[\[?)\s*([A-Za-z0-9_.\" ]+?)\s*\]\]?", raw)
            if m:
                headers.append((number, m.group(1) + m.group(2).replace(" ", "")))
        parts = list(where)
        key = ""
        if parts and isinstance(parts[-1], str) and parts not in (["table"], ["fields"], ["joins"]):
            key = str(parts.pop())
        # walk down the sections: ["table"] / ["fields", i] / ["joins", j, "fields", k]
        section_start = 0
        name_prefix = ""
        lo, hi = 0, len(headers)
        i = 0
        while i < len(parts):
            part = parts[i]
            if not isinstance(part, str):
                return None
            name_prefix = f"{name_prefix}.{part}" if name_prefix else part
            index = parts[i + 1] if i + 1 < len(parts) else None
            if isinstance(index, int):
                hits = [h for h in range(lo, hi) if headers[h][1] == "[[" + name_prefix]
                if index >= len(hits):
                    return None
                h = hits[index]
                later = [x for x in range(h + 1, hi) if headers[x][1] == "[[" + name_prefix]
                lo, hi = h + 1, (later[0] if later else hi)
                i += 2
            else:
                hits = [h for h in range(lo, hi) if headers[h][1] == "[" + name_prefix]
                if not hits:
                    return None
                h = hits[0]
                lo = h + 1
                i += 1
            section_start = headers[h][0]
        if not key:
            return section_start or None
        # the key inside the section: up to the next header of any kind
        later = [n for n, _ in headers if n > section_start]
        section_end = later[0] - 1 if later else len(self.lines)
        pattern = re.compile(rf"\s*\"?{re.escape(key)}\"?\s*=")
        for number in range(section_start + 1, section_end + 1):
            if pattern.match(self.lines[number - 1]):
                return number
        return section_start or None

    # -- typed getters -----------------------------------------------------------------------

    def check_keys(
        self, table: Mapping[str, Any], allowed: tuple[str, ...], where: tuple[str | int, ...]
    ) -> None:
        for key in table:
            if key not in allowed:
                raise self.fail(
                    (*where, key),
                    f"unknown key; expected one of {', '.join(allowed)}",
                )

    def string(
        self,
        table: Mapping[str, Any],
        key: str,
        where: tuple[str | int, ...],
        *,
        required: bool = False,
        what: str = "a column name",
        allow_empty: bool = False,
    ) -> str | None:
        if key not in table:
            if required:
                raise self.fail(where, f"missing required key {key!r} ({what})")
            return None
        value = table[key]
        if not isinstance(value, str):
            raise self.fail((*where, key), f"= {_show(value)}: expected {what} (a string)")
        if not value and not allow_empty:
            raise self.fail((*where, key), f'= "": expected {what}, not an empty string')
        return value

    def choice(
        self, table: Mapping[str, Any], key: str, where: tuple[str | int, ...], options: list[str]
    ) -> str | None:
        value = self.string(table, key, where, what="one of " + ", ".join(options))
        if value is not None and value not in options:
            raise self.fail(
                (*where, key), f"= {_show(value)}: expected one of {', '.join(options)}"
            )
        return value

    def encoding(self, table: Mapping[str, Any], where: tuple[str | int, ...], default: str) -> str:
        value = self.string(table, "encoding", where, what='an encoding name such as "utf-8"')
        if value is None:
            return default
        import codecs

        try:
            codecs.lookup(value)
        except LookupError:
            raise self.fail(
                (*where, "encoding"),
                f"= {_show(value)}: unknown encoding; use a Python codec name such as "
                '"utf-8", "latin-1" or "utf-16"',
            ) from None
        return value

    def suffixes(
        self, table: Mapping[str, Any], where: tuple[str | int, ...]
    ) -> tuple[str, ...] | None:
        if "suffixes" not in table:
            return None
        value = table["suffixes"]
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            raise self.fail(
                (*where, "suffixes"),
                f'= {_show(value)}: expected a list of non-empty strings such as ["Jr.", "Sr."]',
            )
        return tuple(v.strip() for v in value)

    def options(
        self, table: Mapping[str, Any], where: tuple[str | int, ...], default_encoding: str
    ) -> tuple[TableFormat | None, str | None, str]:
        fmt = self.choice(table, "format", where, [f.value for f in TableFormat])
        delimiter = self.string(table, "delimiter", where, what="a one-character delimiter")
        if delimiter is not None and (len(delimiter) != 1 or delimiter in '"\r\n'):
            raise self.fail(
                (*where, "delimiter"),
                f'= {_show(delimiter)}: expected one character (not a quote or newline), e.g. ","',
            )
        if delimiter is not None and fmt in ("tsv", "jsonl"):
            raise self.fail((*where, "delimiter"), f'is only used with format = "csv", not {fmt!r}')
        return (
            TableFormat(fmt) if fmt is not None else None,
            delimiter,
            self.encoding(table, where, default_encoding),
        )

    # -- sections ----------------------------------------------------------------------------

    def mapping(self, data: Mapping[str, Any], name: str) -> TableMapping:
        self.check_keys(data, ("table", "fields", "joins"), ())
        table = data.get("table")
        if not isinstance(table, dict):
            raise self.fail(
                ("table",) if table is not None else (),
                'a mapping needs a [table] section with at least title = "<column>"',
            )
        where: tuple[str | int, ...] = ("table",)
        self.check_keys(table, _TABLE_KEYS, where)
        name = self.string(table, "name", where, what="a name") or name
        title = self.string(table, "title", where, required=True)
        assert title is not None
        id_column = self.string(table, "id", where)
        year = self.string(table, "year", where)
        fmt, delimiter, encoding = self.options(table, where, "utf-8")
        suffixes = self.suffixes(table, where) or ()
        fields = self.fields(data.get("fields", []), ("fields",), suffixes)
        if year is None:
            year = next((f.column for f in fields if f.relation is Relation.YEAR), None)
        joins_raw = data.get("joins", [])
        if not isinstance(joins_raw, list):
            raise self.fail(("joins",), "must be an array of tables: write [[joins]]")
        joins: list[JoinMapping] = []
        for index, raw in enumerate(joins_raw):
            joins.append(self.join(raw, index, id_column, encoding, suffixes))
        mapping = TableMapping(
            name=name,
            title=title,
            id=id_column,
            year=year,
            fields=fields,
            joins=tuple(joins),
            format=fmt,
            delimiter=delimiter,
            encoding=encoding,
            source=self.source,
        )
        if not mapping.fields and not mapping.joins:
            raise self.fail(
                (), "the mapping has no [[fields]]: map at least one column to a relation"
            )
        return mapping

    def join(
        self, raw: Any, index: int, id_column: str | None, encoding: str, suffixes: tuple[str, ...]
    ) -> JoinMapping:
        where: tuple[str | int, ...] = ("joins", index)
        if not isinstance(raw, dict):
            raise self.fail(where, "must be a table: write [[joins]]")
        self.check_keys(raw, _JOIN_KEYS, where)
        path = self.string(raw, "path", where, required=True, what="a table path")
        key = self.string(raw, "key", where) or id_column
        if key is None:
            raise self.fail(where, "missing required key 'key' (the joined table's key column)")
        main_key = self.string(raw, "main_key", where) or id_column
        if main_key is None:
            raise self.fail(
                where,
                "missing 'main_key' (the main table's column to join on): set it, or set id in [table]",
            )
        fmt, delimiter, join_encoding = self.options(raw, where, encoding)
        fields = self.fields(raw.get("fields", []), (*where, "fields"), suffixes)
        if not fields:
            raise self.fail(where, "a join needs at least one [[joins.fields]]")
        assert path is not None
        return JoinMapping(
            path=path,
            key=key,
            main_key=main_key,
            fields=fields,
            format=fmt,
            delimiter=delimiter,
            encoding=join_encoding,
            where=_label(where),
        )

    def fields(
        self, raw: Any, where: tuple[str | int, ...], suffixes: tuple[str, ...]
    ) -> tuple[FieldMapping, ...]:
        if not isinstance(raw, list):
            raise self.fail(
                where, f"must be an array of tables: write [[{'.'.join(map(str, where))}]]"
            )
        return tuple(self.field(item, (*where, i), suffixes) for i, item in enumerate(raw))

    def field(
        self, raw: Any, where: tuple[str | int, ...], table_suffixes: tuple[str, ...]
    ) -> FieldMapping:
        if not isinstance(raw, dict):
            raise self.fail(where, "must be a table with column = ... and relation = ...")
        self.check_keys(raw, _FIELD_KEYS, where)
        column = self.string(raw, "column", where, required=True)
        relation_name = self.string(raw, "relation", where, required=True, what="a relation name")
        assert relation_name is not None
        try:
            relation = Relation(relation_name)
        except ValueError:
            raise self.fail(
                (*where, "relation"),
                f"= {_show(relation_name)}: unknown relation; expected one of "
                f"{', '.join(r.value for r in Relation)}",
            ) from None
        type_name = self.string(raw, "type", where, what="an entity or value type")
        kind: EntityType | ValueType
        if type_name is None:
            kind = DEFAULT_TYPES[relation]
        else:
            try:
                kind = EntityType(type_name)
            except ValueError:
                try:
                    kind = ValueType(type_name)
                except ValueError:
                    raise self.fail(
                        (*where, "type"),
                        f"= {_show(type_name)}: unknown type; entity types: "
                        f"{', '.join(e.value for e in EntityType)}; value types: "
                        f"{', '.join(v.value for v in ValueType)}",
                    ) from None
        literal = relation in LITERAL_RELATIONS
        if literal and isinstance(kind, EntityType):
            raise self.fail(
                (*where, "type"),
                f"= {_show(type_name)}: relation {relation.value!r} takes a literal value "
                f"({', '.join(v.value for v in ValueType)}), not an entity",
            )
        if not literal and isinstance(kind, ValueType):
            raise self.fail(
                (*where, "type"),
                f"= {_show(type_name)}: relation {relation.value!r} takes an entity "
                f"({', '.join(e.value for e in EntityType)}), not a literal value",
            )
        split = self.string(raw, "split", where, what='a separator such as ", "')
        own_suffixes = self.suffixes(raw, where)
        if own_suffixes and split is None:
            raise self.fail((*where, "suffixes"), 'only makes sense with split = "<separator>"')
        billing = self.choice(raw, "billing", where, ["position"])
        character = self.string(raw, "character", where)
        region = self.string(raw, "region", where)
        cast = self.choice(raw, "cast", where, ["int"])
        date_format = self.string(
            raw, "date_format", where, what='a strptime format such as "%d %B %Y"'
        )
        lookup = self.choice(raw, "lookup", where, ["id", "title"])
        if cast is not None and kind is not ValueType.INTEGER:
            raise self.fail(
                (*where, "cast"), 'is only allowed on integer fields (type = "integer")'
            )
        if date_format is not None and kind is not ValueType.DATE:
            raise self.fail(
                (*where, "date_format"), 'is only allowed on date fields (type = "date")'
            )
        if lookup is not None and kind is not EntityType.FILM:
            raise self.fail((*where, "lookup"), 'is only allowed on film fields (type = "film")')
        if character is not None and isinstance(kind, ValueType):
            raise self.fail(
                (*where, "character"), "is only allowed on entity fields (e.g. cast_member)"
            )
        if column in (character, region):
            raise self.fail(where, f"column {column!r} cannot be paired with itself")
        assert column is not None
        return FieldMapping(
            column=column,
            relation=relation,
            entity_type=kind if isinstance(kind, EntityType) else None,
            value_type=kind if isinstance(kind, ValueType) else None,
            split=split,
            suffixes=(own_suffixes if own_suffixes is not None else table_suffixes)
            if split
            else (),
            billing="position" if billing else None,
            character=character,
            region=region,
            cast="int" if cast else None,
            date_format=date_format,
            lookup="id" if lookup == "id" else "title" if lookup == "title" else None,
            where=_label(where),
        )


def _label(where: tuple[str | int, ...]) -> str:
    if not where:
        return ""
    out = ""
    for part in where:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else part)
    return out


def _show(value: object) -> str:
    if isinstance(value, str):
        return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
    if isinstance(value, bool):
        return "true" if value else "false"
    return repr(value)
