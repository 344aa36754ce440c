"""Tests for kg.loaders.mapping and kg.loaders.table: facts read from small fixtures, errors, properties."""

from __future__ import annotations

import contextlib
import csv
import io
import time
from collections import Counter, defaultdict
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kg.errors import KGInputError, MappingError, ParseError, UnknownFormatError
from kg.loaders.mapping import TableFormat, TableMapping, guess_format, load_mapping, parse_mapping
from kg.loaders.table import EXTRACTOR, check_table, count_rows, film_refs, read_table
from kg.model import EntityRef, EntityType, Evidence, Fact, Relation, Value, ValueType
from kg.resources import mapping_file

TESTS = Path(__file__).resolve().parent
TABLES = TESTS / "data" / "tables"
REPO = TESTS.parent
SHARED = Path(__file__).resolve().parents[2] / "shared" / "data"
WIKIDATA = SHARED / "structured" / "wikidata_films"

P = EntityType.PERSON


def film(title: str, year: int | None, key: str | None) -> EntityRef:
    return EntityRef(EntityType.FILM, title, year=year, key=key)


def person(name: str) -> EntityRef:
    return EntityRef(P, name)


def _ref(fact: Fact) -> EntityRef:
    assert isinstance(fact.object, EntityRef)
    return fact.object


def _name(fact: Fact) -> str:
    return _ref(fact).name


def _value(fact: Fact) -> Value:
    assert isinstance(fact.object, Value)
    return fact.object


def read(table: str, mapping: str = "films.toml") -> list[Fact]:
    return list(read_table(TABLES / table, load_mapping(TABLES / mapping)))


def mapping_text(body: str, table: str = '[table]\nid = "ID"\ntitle = "Title"\n') -> str:
    return table + body


# --------------------------------------------------------------------------------------------
# Facts read from the good fixtures


def test_good_table_gives_exactly_these_facts() -> None:
    facts = read("films.csv")
    ev = Evidence(source_id=str(TABLES / "films.csv"), confidence=1.0, extractor=EXTRACTOR)
    assert all(f.evidence == ev for f in facts)
    f1 = film("The Glass Harbor", 2015, "1")
    f2 = film("Paper Comets", 2016, "2")
    f3 = film("Static Over\nWren County", 2019, "3")
    nl = Northlight = EntityRef(EntityType.PRODUCTION_COMPANY, "Northlight Pictures")
    salt = EntityRef(EntityType.PRODUCTION_COMPANY, "Saltmarsh Films")
    assert nl is Northlight
    expected = [
        Fact(f1, Relation.TITLE, Value("The Glass Harbor"), ev),
        Fact(f1, Relation.YEAR, Value("2015", ValueType.YEAR), ev),
        Fact(f1, Relation.RELEASE_DATE, Value("2015-03-06", ValueType.DATE), ev),
        Fact(f1, Relation.RUNTIME, Value("118", ValueType.INTEGER), ev),
        Fact(f1, Relation.DIRECTOR, person("Mara Lindqvist"), ev),
        Fact(f1, Relation.DIRECTOR, person("Owen Sato"), ev),  # repeated Mara dropped
        Fact(
            f1,
            Relation.CAST_MEMBER,
            person("Tomas Ferreira"),
            ev,
            character="Elias Varga",
            billing_order=1,
        ),
        Fact(f1, Relation.CAST_MEMBER, person("Juno Achterberg"), ev, billing_order=2),
        Fact(
            f1,
            Relation.CAST_MEMBER,
            person("Dev Raman"),
            ev,
            character="Pilot Anand",
            billing_order=3,
        ),
        Fact(f1, Relation.COUNTRY, EntityRef(EntityType.COUNTRY, "Norway"), ev),
        Fact(f1, Relation.COUNTRY, EntityRef(EntityType.COUNTRY, "United States"), ev),
        Fact(f1, Relation.PRODUCTION_COMPANY, nl, ev),  # joined rows: one-to-many, repeat dropped
        Fact(f1, Relation.PRODUCTION_COMPANY, salt, ev),
        Fact(f2, Relation.TITLE, Value("Paper Comets"), ev),
        Fact(f2, Relation.YEAR, Value("2016", ValueType.YEAR), ev),
        Fact(f2, Relation.DIRECTOR, person("Juno Achterberg"), ev),
        Fact(f2, Relation.DIRECTOR, person("Ed Begley, Jr."), ev),  # suffix glued back
        Fact(f2, Relation.CAST_MEMBER, person("Ed Begley, Jr."), ev, billing_order=1),
        Fact(f2, Relation.CAST_MEMBER, person("Tomas Ferreira"), ev, billing_order=2),
        Fact(f3, Relation.TITLE, Value("Static Over\nWren County"), ev),
        Fact(f3, Relation.YEAR, Value("2019", ValueType.YEAR), ev),
        Fact(f3, Relation.RELEASE_DATE, Value("2019-02-15", ValueType.DATE), ev),
        Fact(f3, Relation.RUNTIME, Value("102", ValueType.INTEGER), ev),
        Fact(f3, Relation.COUNTRY, EntityRef(EntityType.COUNTRY, "United States"), ev),
        Fact(f3, Relation.PRODUCTION_COMPANY, salt, ev),
    ]
    assert facts == expected


def test_jsonl_table_gives_exactly_these_facts() -> None:
    facts = read("films.jsonl", "films_jsonl.toml")
    ev = Evidence(source_id=str(TABLES / "films.jsonl"), extractor=EXTRACTOR)
    f1 = film("The Glass Harbor", 2015, "1")
    f2 = film("Paper Comets", 2016, "2")
    assert facts == [
        Fact(f1, Relation.TITLE, Value("The Glass Harbor"), ev),
        Fact(f1, Relation.RELEASE_DATE, Value("2015-03-06", ValueType.DATE), ev),
        Fact(f1, Relation.RUNTIME, Value("118", ValueType.INTEGER), ev),
        Fact(f1, Relation.DIRECTOR, person("Mara Lindqvist"), ev),  # a JSON array: no split
        Fact(f1, Relation.DIRECTOR, person("Owen Sato"), ev),
        Fact(
            f1,
            Relation.CAST_MEMBER,
            person("Tomas Ferreira"),
            ev,
            character="Elias Varga",
            billing_order=1,
        ),
        Fact(
            f1,
            Relation.CAST_MEMBER,
            person("Juno Achterberg"),
            ev,
            character="Liesel Moor",
            billing_order=2,
        ),
        Fact(f1, Relation.COUNTRY, EntityRef(EntityType.COUNTRY, "Norway"), ev),
        Fact(f1, Relation.COUNTRY, EntityRef(EntityType.COUNTRY, "United States"), ev),
        Fact(f2, Relation.TITLE, Value("Paper Comets"), ev),
        Fact(f2, Relation.DIRECTOR, person("Juno Achterberg"), ev),
    ]


def test_a_based_on_column_gives_works_unless_it_says_film(tmp_path: Path) -> None:
    """A table's source column names novels and plays (kg:Work) by default; a remake's column
    says ``type = "film"``."""
    table = tmp_path / "films.csv"
    table.write_text("ID,Title,Source,Remake of\n1,Cold Orchard,The Glass Tower,Salt Road\n")
    m = parse_mapping(
        mapping_text(
            '[[fields]]\ncolumn = "Source"\nrelation = "based_on"\n'
            '[[fields]]\ncolumn = "Remake of"\nrelation = "based_on"\ntype = "film"\n'
        )
    )
    sources = [f.object for f in read_table(table, m) if f.relation is Relation.BASED_ON]
    assert [(o.type, o.name) for o in sources if isinstance(o, EntityRef)] == [
        (EntityType.WORK, "The Glass Tower"),
        (EntityType.FILM, "Salt Road"),
    ]


def test_tsv_and_latin1_and_bom(tmp_path: Path) -> None:
    tsv = tmp_path / "films.tsv"
    tsv.write_text('ID\tTitle\tDirector\n1\t"Quoted" Title\tA, B\n', encoding="utf-8")
    m = parse_mapping(
        mapping_text('[[fields]]\ncolumn = "Director"\nrelation = "director"\nsplit = ", "\n')
    )
    facts = list(read_table(tsv, m))
    assert [f.object for f in facts] == [Value('"Quoted" Title'), person("A"), person("B")]

    bom = tmp_path / "bom.csv"
    bom.write_bytes(b"\xef\xbb\xbfID,Title,Director\n1,T,A\n")
    assert [f.relation for f in read_table(bom, m)] == [Relation.TITLE, Relation.DIRECTOR]

    latin = load_mapping(TABLES / "films.toml")
    with pytest.raises(ParseError) as err:
        list(read_table(TABLES / "latin1.csv", latin))
    assert "byte offset 133" in str(err.value) and 'encoding = "..."' in str(err.value)
    assert err.value.line == 3 and err.value.path == str(TABLES / "latin1.csv")
    latin = parse_mapping(
        (TABLES / "films.toml")
        .read_text()
        .replace('year = "Year"', 'year = "Year"\nencoding = "latin-1"')
    )
    titles = [
        f.object for f in read_table(TABLES / "latin1.csv", latin) if f.relation is Relation.TITLE
    ]
    assert titles == [Value("Un hiver pour Odile"), Value("Été à Brésil")]


def test_header_only_table_gives_no_facts() -> None:
    assert read("header_only.csv") == []


# --------------------------------------------------------------------------------------------
# Malformed tables


def test_malformed_row_names_file_and_line() -> None:
    with pytest.raises(ParseError) as err:
        read("malformed_row.csv")
    assert err.value.path == str(TABLES / "malformed_row.csv")
    assert err.value.line == 4
    assert "10 fields but the header has 9" in str(err.value)


def test_unterminated_quote_names_the_record_line() -> None:
    with pytest.raises(ParseError) as err:
        read("unterminated.csv")
    assert err.value.line == 3
    assert "quote" in str(err.value)


def test_bad_date_names_line_column_value_and_fix() -> None:
    with pytest.raises(ParseError) as err:
        read("bad_date.csv")
    message = str(err.value)
    assert err.value.line == 3
    assert "'Released'" in message and "'2016-02-30'" in message and "fields[1]" in message


def test_bad_integer(tmp_path: Path) -> None:
    with pytest.raises(ParseError, match=r"expected a whole number.*'about two hours'"):
        read("bad_integer.csv")
    table = tmp_path / "t.csv"
    table.write_text("ID,Title,Runtime\n1,T,90.0\n2,U,90.5\n")
    strict = parse_mapping(mapping_text('[[fields]]\ncolumn = "Runtime"\nrelation = "runtime"\n'))
    with pytest.raises(ParseError, match='need cast = "int"') as err:
        list(read_table(table, strict))
    assert err.value.line == 2
    lenient = parse_mapping(
        mapping_text('[[fields]]\ncolumn = "Runtime"\nrelation = "runtime"\ncast = "int"\n')
    )
    with pytest.raises(ParseError) as err:
        list(read_table(table, lenient))
    assert err.value.line == 3


def test_empty_file() -> None:
    with pytest.raises(ParseError, match="empty table") as err:
        read("empty.csv")
    assert err.value.path == str(TABLES / "empty.csv")


def test_empty_jsonl(tmp_path: Path) -> None:
    table = tmp_path / "t.jsonl"
    table.write_text("\n  \n")
    with pytest.raises(ParseError, match="empty table"):
        list(read_table(table, load_mapping(TABLES / "films_jsonl.toml")))


def test_binary_file_names_offset_and_encoding_option() -> None:
    with pytest.raises(ParseError) as err:
        read("binary.csv")
    message = str(err.value)
    assert err.value.path == str(TABLES / "binary.csv")
    assert "binary" in message and "byte offset 0" in message and "encoding" in message
    assert str(TABLES / "films.toml") in message


def test_bad_json_line() -> None:
    with pytest.raises(ParseError, match="invalid JSON") as err:
        read("bad_line.jsonl", "films_jsonl.toml")
    assert err.value.line == 2


def test_jsonl_non_object_and_nested_values(tmp_path: Path) -> None:
    m = load_mapping(TABLES / "films_jsonl.toml")
    table = tmp_path / "t.jsonl"
    table.write_text('["ID", "Title"]\n')
    with pytest.raises(ParseError, match="expected a JSON object"):
        list(read_table(table, m))
    table.write_text('{"ID": 1, "Title": "T", "Director": {"name": "X"}}\n')
    with pytest.raises(ParseError, match="nested"):
        list(read_table(table, m))


def test_missing_column_names_table_column_and_columns() -> None:
    with pytest.raises(MappingError) as err:
        read("missing_column.csv")
    message = str(err.value)
    assert err.value.path == str(TABLES / "missing_column.csv")
    assert "'Characters'" in message and "fields[4]" in message
    assert "ID, Title, Year, Released, Runtime, Director, Cast, Country" in message
    with pytest.raises(MappingError):
        check_table(TABLES / "missing_column.csv", load_mapping(TABLES / "films.toml"))


def test_missing_column_in_joined_table(tmp_path: Path) -> None:
    (tmp_path / "films.csv").write_text("ID,Title\n1,T\n")
    (tmp_path / "studios.csv").write_text("FilmID,Company\n1,X\n")
    m = parse_mapping(
        mapping_text(
            '[[joins]]\npath = "studios.csv"\nkey = "FilmID"\n'
            '[[joins.fields]]\ncolumn = "Studio"\nrelation = "production_company"\n'
        )
    )
    with pytest.raises(
        MappingError, match=r"no column 'Studio'.*joins\[0\]\.fields\[0\].*FilmID, Company"
    ) as err:
        list(read_table(tmp_path / "films.csv", m))
    assert err.value.path == str(tmp_path / "studios.csv")
    (tmp_path / "studios.csv").unlink()
    with pytest.raises(KGInputError, match="relative to the main table"):
        list(read_table(tmp_path / "films.csv", m))


def test_jsonl_key_never_present() -> None:
    m = parse_mapping(
        (TABLES / "films_jsonl.toml").read_text()
        + '\n[[fields]]\ncolumn = "Composer"\nrelation = "composer"\n'
    )
    with pytest.raises(MappingError, match="no object in the table has the key 'Composer'"):
        list(read_table(TABLES / "films.jsonl", m))


def test_duplicate_key_and_empty_title(tmp_path: Path) -> None:
    m = parse_mapping(mapping_text('[[fields]]\ncolumn = "Title"\nrelation = "genre"\n'))
    table = tmp_path / "t.csv"
    table.write_text("ID,Title\n1,A\n2,B\n1,C\n")
    with pytest.raises(ParseError, match=r"duplicate ID '1' \(first on line 2\)") as err:
        list(read_table(table, m))
    assert err.value.line == 4
    table.write_text("ID,Title\n1,  \n")
    with pytest.raises(ParseError, match="empty Title"):
        list(read_table(table, m))


def test_paired_columns_must_align(tmp_path: Path) -> None:
    table = tmp_path / "t.csv"
    table.write_text("ID,Title,Cast,Characters\n1,T,A; B,X\n")
    m = parse_mapping(
        mapping_text(
            '[[fields]]\ncolumn = "Cast"\nrelation = "cast_member"\nsplit = "; "\ncharacter = "Characters"\n'
        )
    )
    with pytest.raises(ParseError, match="has 2 values but its paired column 'Characters' has 1"):
        list(read_table(table, m))


def test_film_lookups_by_id_and_title(tmp_path: Path) -> None:
    table = tmp_path / "t.csv"
    table.write_text("ID,Title,Year,Prev,Next\n1,A,2001,,B\n2,B,2003,1,Elsewhere\n")
    m = parse_mapping(
        mapping_text(
            '[[fields]]\ncolumn = "Prev"\nrelation = "follows"\nlookup = "id"\n'
            '[[fields]]\ncolumn = "Next"\nrelation = "followed_by"\nlookup = "title"\n',
            '[table]\nid = "ID"\ntitle = "Title"\nyear = "Year"\n',
        )
    )
    a, b = film("A", 2001, "1"), film("B", 2003, "2")
    links = [
        (f.subject, f.relation, f.object)
        for f in read_table(table, m)
        if f.relation is not Relation.TITLE
    ]
    assert links == [
        (a, Relation.FOLLOWED_BY, b),
        (b, Relation.FOLLOWS, a),
        (b, Relation.FOLLOWED_BY, EntityRef(EntityType.FILM, "Elsewhere")),
    ]
    assert film_refs(table, m) == [a, b]
    table.write_text("ID,Title,Year,Prev,Next\n1,A,2001,7,\n")
    with pytest.raises(ParseError, match="no row of this table has ID = '7'"):
        list(read_table(table, m))


def test_date_format(tmp_path: Path) -> None:
    table = tmp_path / "t.csv"
    table.write_text('ID,Title,Released\n1,T,"6 March 2015"\n')
    m = parse_mapping(
        mapping_text(
            '[[fields]]\ncolumn = "Released"\nrelation = "release_date"\ndate_format = "%d %B %Y"\n'
        )
    )
    assert [f.object for f in read_table(table, m)][1] == Value("2015-03-06", ValueType.DATE)


def test_count_rows() -> None:
    m = load_mapping(TABLES / "films.toml")
    assert count_rows(TABLES / "films.csv", m) == 3  # the multi-line record counts once
    assert count_rows(TABLES / "films.csv") == 3
    assert count_rows(TABLES / "films.jsonl") == 2
    assert count_rows(TABLES / "empty.csv") == 0
    assert count_rows(TABLES / "binary.csv", m) >= 0  # tolerant: never raises on content


# --------------------------------------------------------------------------------------------
# Mappings


def test_shipped_mappings_load() -> None:
    wiki = load_mapping(mapping_file("wikidata_films"))
    assert (wiki.name, wiki.id, wiki.title, wiki.year) == ("wikidata_films", "ID", "Title", "Year")
    runtime = next(f for f in wiki.fields if f.column == "Runtime")
    assert (runtime.value_type, runtime.cast) == (ValueType.INTEGER, "int")
    cast = next(f for f in wiki.fields if f.relation is Relation.CAST_MEMBER)
    assert cast.billing is None and cast.split == ", " and "Jr." in cast.suffixes
    (join,) = wiki.joins
    assert (join.path, join.key, join.main_key) == ("tomatoes.csv", "ID", "ID")
    assert join.fields[0].entity_type is EntityType.PRODUCTION_COMPANY
    sample = load_mapping(REPO / "mappings" / "films_sample.toml")
    cast = next(f for f in sample.fields if f.relation is Relation.CAST_MEMBER)
    assert (cast.billing, cast.character) == ("position", "Characters")


@pytest.mark.parametrize(
    ("text", "line", "fragment"),
    [
        (
            '[table]\ntitle = "T"\n[[fields]]\ncolumn = "A"\nrelation = "directr"\n',
            5,
            'fields[0].relation = "directr": unknown relation',
        ),
        ('[table]\ntitle = "T"\ncolum = "x"\n', 3, "table.colum: unknown key"),
        (
            '[table]\ntitle = "T"\n[[fields]]\ncolumn = "A"\nrelation = "director"\ntype = "date"\n',
            6,
            "takes an entity",
        ),
        (
            '[table]\ntitle = "T"\n[[fields]]\ncolumn = "A"\nrelation = "runtime"\ntype = "person"\n',
            6,
            "takes a literal value",
        ),
        (
            '[table]\ntitle = "T"\n[[fields]]\ncolumn = "A"\nrelation = "genre"\ncast = "int"\n',
            6,
            "only allowed on integer fields",
        ),
        (
            '[table]\ntitle = "T"\n[[fields]]\ncolumn = "A"\nrelation = "genre"\nbilling = "alpha"\n',
            6,
            'billing = "alpha": expected one of position',
        ),
        (
            '[table]\ntitle = "T"\n[[fields]]\ncolumn = "A"\nrelation = "genre"\ntype = "colour"\n',
            6,
            "unknown type",
        ),
        (
            '[table]\ntitle = "T"\nencoding = "klingon"\n[[fields]]\ncolumn = "A"\nrelation = "genre"\n',
            3,
            "unknown encoding",
        ),
        (
            '[table]\ntitle = "T"\ndelimiter = ";;"\n[[fields]]\ncolumn = "A"\nrelation = "genre"\n',
            3,
            "expected one character",
        ),
        (
            '[table]\ntitle = "T"\nformat = "xlsx"\n[[fields]]\ncolumn = "A"\nrelation = "genre"\n',
            3,
            "expected one of csv, tsv, jsonl",
        ),
        (
            '[table]\nid = "ID"\n[[fields]]\ncolumn = "A"\nrelation = "genre"\n',
            1,
            "missing required key 'title'",
        ),
        ('[table]\ntitle = "T"\n', None, "no [[fields]]"),
        (
            '[table]\ntitle = "T"\n[[fields]]\ncolumn = "A"\nrelation = "genre"\n[[fields]]\ncolumn = 3\nrelation = "genre"\n',
            7,
            "fields[1].column = 3: expected a column name",
        ),
        (
            '[table]\ntitle = "T"\n[[joins]]\npath = "x.csv"\nkey = "K"\nmain_key = "K"\n[[joins.fields]]\ncolumn = "A"\nrelation = "directr"\n',
            9,
            "joins[0].fields[0].relation",
        ),
        (
            '[table]\ntitle = "T"\n[[joins]]\npath = "x.csv"\nkey = "K"\n[[joins.fields]]\ncolumn = "A"\nrelation = "genre"\n',
            3,
            "missing 'main_key'",
        ),
        (
            '[table]\ntitle = "T"\n[[joins]]\npath = "x.csv"\n[[joins.fields]]\ncolumn = "A"\nrelation = "genre"\n',
            3,
            "missing required key 'key'",
        ),
        (
            '[table]\ntitle = "T"\n[[fields]]\ncolumn = "A"\nrelation = "genre"\nsplit = \n',
            6,
            "invalid TOML",
        ),
        ('[table\ntitle = "T"\n', 1, "invalid TOML"),
    ],
)
def test_bad_mappings_name_file_line_and_key(text: str, line: int | None, fragment: str) -> None:
    with pytest.raises(MappingError) as err:
        parse_mapping(text, source="bad.toml")
    assert err.value.path == "bad.toml"
    assert err.value.line == line
    assert fragment in str(err.value)


def test_load_mapping_missing_file(tmp_path: Path) -> None:
    with pytest.raises(MappingError, match="cannot read mapping") as err:
        load_mapping(tmp_path / "nope.toml")
    assert err.value.path == str(tmp_path / "nope.toml")


def test_guess_format() -> None:
    assert guess_format("a.CSV") is TableFormat.CSV
    assert guess_format("a.ndjson") is TableFormat.JSONL
    with pytest.raises(UnknownFormatError, match="format ="):
        guess_format("a.json")


# --------------------------------------------------------------------------------------------
# The project's own sample


def _sample() -> list[Fact]:
    return list(
        read_table(
            REPO / "data" / "sample" / "films.csv",
            load_mapping(REPO / "mappings" / "films_sample.toml"),
        )
    )


def test_sample_answers_interesting_questions() -> None:
    facts = _sample()
    films = {f.subject for f in facts}
    assert len(films) == 8
    by: dict[Relation, set[tuple[str, str]]] = defaultdict(set)
    for f in facts:
        if isinstance(f.object, EntityRef):
            by[f.relation].add((f.subject.name, f.object.name))
    directors = {p for _, p in by[Relation.DIRECTOR]}
    actors = {p for _, p in by[Relation.CAST_MEMBER]}
    assert {"Juno Achterberg", "Dev Raman"} <= directors & actors  # direct one film, act in others
    assert ("The Glass Harbor", "Tomas Ferreira") in by[Relation.PRODUCER] & by[
        Relation.CAST_MEMBER
    ]
    costars = Counter(
        (a, b)
        for film_ in films
        for a in sorted(p for t, p in by[Relation.CAST_MEMBER] if t == film_.name)
        for b in sorted(p for t, p in by[Relation.CAST_MEMBER] if t == film_.name)
        if a < b
    )
    assert costars[("Juno Achterberg", "Tomas Ferreira")] == 3
    assert costars[("Dev Raman", "Priya Castellanos")] >= 2
    years = {
        f.subject.year
        for f in facts
        if f.relation is Relation.PRODUCTION_COMPANY and _name(f) == "Northlight Pictures"
    }
    assert len(years) >= 4
    chain = {
        (f.subject.key, f.relation.value, _ref(f).key)
        for f in facts
        if f.relation in (Relation.FOLLOWS, Relation.FOLLOWED_BY)
    }
    assert chain == {
        ("1", "followed_by", "2"),
        ("2", "follows", "1"),
        ("2", "followed_by", "3"),
        ("3", "follows", "2"),
    }
    cast = [f for f in facts if f.relation is Relation.CAST_MEMBER and f.subject.key == "1"]
    assert [(_name(f), f.character, f.billing_order) for f in cast][:2] == [
        ("Tomas Ferreira", "Elias Varga", 1),
        ("Juno Achterberg", "Liesel Moor", 2),
    ]
    releases = {
        (_value(f).text, f.region)
        for f in facts
        if f.relation is Relation.RELEASE_DATE and f.subject.key == "7"
    }
    assert releases == {("2021-12-01", "FR"), ("2022-01-14", "US")}


def test_sample_loads_through_the_registry() -> None:
    pytest.importorskip("pyoxigraph")
    from kg.ingest import load_paths
    from kg.loaders import LoadOptions, loader_for
    from kg.store import Store

    path = REPO / "data" / "sample" / "films.csv"
    options = LoadOptions(mapping=REPO / "mappings" / "films_sample.toml")
    (record,) = loader_for(path, options).read(path, options)
    assert record.reader == EXTRACTOR
    assert len(list(record.facts())) > 100
    with Store.memory() as store:
        report = load_paths(store, [path], mapping="films_sample", progress=False)
        assert report.triples > 300


# --------------------------------------------------------------------------------------------
# Properties

_TEXT = st.text(st.characters(codec="utf-8"), max_size=30)
_ROW_MAPPING = parse_mapping(
    mapping_text(
        '[[fields]]\ncolumn = "Released"\nrelation = "release_date"\n'
        '[[fields]]\ncolumn = "Runtime"\nrelation = "runtime"\ncast = "int"\n'
        '[[fields]]\ncolumn = "Cast"\nrelation = "cast_member"\nsplit = ", "\nbilling = "position"\n'
        'character = "Characters"\n'
        '[[fields]]\ncolumn = "Year"\nrelation = "year"\n',
        '[table]\nid = "ID"\ntitle = "Title"\nyear = "Year"\nsuffixes = ["Jr."]\n',
    )
)


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(rows=st.lists(st.lists(_TEXT, min_size=7, max_size=7), max_size=4), raw=st.booleans())
def test_random_cells_give_facts_or_parse_error(
    tmp_path: Path, rows: list[list[str]], raw: bool
) -> None:
    table = tmp_path / "random.csv"
    header = "ID,Title,Year,Released,Runtime,Cast,Characters\n"
    if raw:  # unquoted: any text, possibly malformed CSV
        table.write_text(
            header + "\n".join(",".join(r) for r in rows), encoding="utf-8", newline=""
        )
    else:
        buf = io.StringIO()
        csv.writer(buf).writerows(rows)
        table.write_text(header + buf.getvalue(), encoding="utf-8", newline="")
    try:
        facts = list(read_table(table, _ROW_MAPPING))
    except (ParseError, MappingError):
        return
    for f in facts:
        assert f.subject.type is EntityType.FILM and f.subject.name == f.subject.name.strip() != ""
        if isinstance(f.object, EntityRef):
            assert f.object.name and f.object.name == f.object.name.strip()


@settings(max_examples=100, deadline=None)
@given(data=st.binary(max_size=200))
def test_random_bytes_give_facts_or_parse_error(
    tmp_path_factory: pytest.TempPathFactory, data: bytes
) -> None:
    table = tmp_path_factory.mktemp("bytes") / "random.csv"
    table.write_bytes(b"ID,Title,Year,Released,Runtime,Cast,Characters\n" + data)
    with contextlib.suppress(ParseError, MappingError):
        list(read_table(table, _ROW_MAPPING))


_NAME = st.text(
    st.characters(codec="utf-8", exclude_categories=["Cc", "Zl", "Zp"]), min_size=1, max_size=20
).filter(lambda s: s == s.strip() and s and ", " not in s and "," not in s[-1:] and s != "Jr.")


@settings(max_examples=150, deadline=None)
@given(names=st.lists(_NAME, max_size=8))
def test_split_round_trips(tmp_path_factory: pytest.TempPathFactory, names: list[str]) -> None:
    table = tmp_path_factory.mktemp("split") / "t.csv"
    buf = io.StringIO()
    writer = csv.writer(buf)
    writer.writerow(["ID", "Title", "Year", "Released", "Runtime", "Cast", "Characters"])
    writer.writerow(["1", "T", "", "", "", ", ".join(names), ""])
    table.write_text(buf.getvalue(), encoding="utf-8", newline="")
    facts = [f for f in read_table(table, _ROW_MAPPING) if f.relation is Relation.CAST_MEMBER]
    unique = list(dict.fromkeys(names))
    assert [_name(f) for f in facts] == unique
    assert [f.billing_order for f in facts] == [names.index(n) + 1 for n in unique]


# --------------------------------------------------------------------------------------------
# The whole Wikidata table (the foundation issue's acceptance check)


@pytest.mark.slow
def test_wikidata_films_table_counts() -> None:
    if not (WIKIDATA / "omdb.csv").is_file():
        pytest.skip(f"shared data not found at {WIKIDATA}")
    mapping = load_mapping(mapping_file("wikidata_films"))
    assert isinstance(mapping, TableMapping)
    start = time.perf_counter()
    films: set[str | None] = set()
    links: dict[str, set[tuple[str | None, str]]] = defaultdict(set)
    for fact in read_table(WIKIDATA / "omdb.csv", mapping):
        films.add(fact.subject.key)
        if isinstance(fact.object, EntityRef):
            links[fact.relation.value].add((fact.subject.key, fact.object.name))
    elapsed = time.perf_counter() - start
    assert count_rows(WIKIDATA / "omdb.csv", mapping) == len(films) == 17472

    # The same numbers straight from the CSV files with the csv module.
    suffixes = set(next(f for f in mapping.fields if f.relation is Relation.CAST_MEMBER).suffixes)

    def split(cell: str) -> list[str]:
        out: list[str] = []
        for part in (p.strip() for p in cell.split(", ")):
            if part in suffixes and out:
                out[-1] += ", " + part
            elif part:
                out.append(part)
        return out

    expected: dict[str, set[tuple[str | None, str]]] = defaultdict(set)
    with open(WIKIDATA / "omdb.csv", encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            for column, role in (
                ("Director", "director"),
                ("Writer", "screenwriter"),
                ("Cast", "cast_member"),
                ("Country", "country"),
            ):
                expected[role].update((row["ID"], name) for name in split(row[column]))
    with open(WIKIDATA / "tomatoes.csv", encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            expected["production_company"].update(
                (row["ID"], name) for name in split(row["Production"])
            )
    for role in expected:
        assert len(links[role]) == len(expected[role]), role
    assert len({p for _, p in links["director"]}) == len({p for _, p in expected["director"]})

    # ...and they agree with the table's own long form, credits_long.csv (names kept whole).
    long_form: dict[str, set[tuple[str | None, str]]] = defaultdict(set)
    with open(WIKIDATA / "credits_long.csv", encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            long_form[row["role"]].add((row["ID"], row["name"]))
    assert {role: len(v) for role, v in links.items()} == {
        role: len(v) for role, v in long_form.items()
    }
    assert links["cast_member"] == long_form["cast_member"]
    assert len(links["cast_member"]) == 194223
    assert elapsed < 10, f"reading the table took {elapsed:.1f}s"
