"""Facts written as N-Triples text (the bulk path of tables) make the very graph that
``facts_to_triples`` makes as rdflib terms: one mapping, two spellings."""

from __future__ import annotations

from pathlib import Path

from rdflib import Graph

from kg.ingest import load_paths, resolve_mapping
from kg.loaders import LoadOptions, loader_for
from kg.model import EntityRef, EntityType, Evidence, Fact, Relation, TableSource, Value, ValueType
from kg.resolve import Resolver
from kg.store import Store
from kg.summary import GraphTally, graph_sizes
from kg.triples import (
    TripleCount,
    facts_to_ntriples,
    facts_to_triples,
    table_rows_to_ntriples,
)

REPO = Path(__file__).resolve().parents[1]


def _same_graph(facts: list[Fact], resolver: Resolver) -> None:
    terms = Graph()
    for triple in facts_to_triples(facts, resolver, graph="urn:g"):
        terms.add(triple)
    text = Graph().parse(
        data="".join(facts_to_ntriples(facts, resolver, graph="urn:g")), format="nt"
    )
    assert len(text) == len(terms) > 0
    assert set(text) == set(terms)


def test_the_sample_table_as_text_is_the_same_graph() -> None:
    path = REPO / "data" / "sample" / "films.csv"
    options = LoadOptions(mapping=resolve_mapping("films_sample"))
    (source,) = list(loader_for(path, options).read(path, options))
    assert isinstance(source, TableSource)
    resolver = Resolver()
    resolver.plan(source.films())
    _same_graph(list(source.facts()), resolver)


def test_article_facts_as_text_are_the_same_graph() -> None:
    film = EntityRef(EntityType.FILM, 'The "Quoted" Film\\', year=2023, aliases=("Quoted",))
    person = EntityRef(EntityType.PERSON, "Ana de Armas")
    studio = EntityRef(EntityType.STUDIO, "Line\nBreak Pictures")
    netflix = EntityRef(EntityType.STREAMING_SERVICE, "Netflix")
    evidence = Evidence("doc", "She stars in it.", 10, 26, 0.87654, "rules.v2", "cast.stars")
    facts = [
        Fact(film, Relation.CAST_MEMBER, person, evidence, character="Joi", billing_order=2),
        Fact(film, Relation.PRODUCTION_COMPANY, studio, evidence, ambiguous=True),
        Fact(
            film,
            Relation.RELEASE_DATE,
            Value("2023-07-14", ValueType.DATE),
            evidence,
            platform=netflix,
            region="US",
            planned=True,
        ),
        Fact(film, Relation.RUNTIME, Value("0120", ValueType.INTEGER), evidence),
        Fact(film, Relation.YEAR, Value("2023", ValueType.YEAR)),
    ]
    _same_graph(facts, Resolver())


def test_python_values_are_spelt_as_rdflib_spells_them() -> None:
    from rdflib import Literal
    from rdflib.namespace import XSD

    from kg.triples import _TextTerms

    terms = _TextTerms()
    confidences = [round(i / 9973, 4) for i in range(9974)] + [1e-05, 5e-05, 0.0, 1.0, 2.5]
    cases: list[tuple[object, str | None]] = [(c, str(XSD.decimal)) for c in confidences]
    cases += [(n, None) for n in [*range(-20, 3000), 10**15]]
    cases += [(n, str(XSD.positiveInteger)) for n in [*range(-2, 300), 10**15]]
    cases += [(True, None), (False, None), (float("nan"), str(XSD.decimal)), (7, str(XSD.long))]
    for value, datatype in cases:
        assert terms.python(value, datatype) == Literal(value, datatype=datatype).n3(), value  # type: ignore[arg-type]


def _table(path: Path, mapping: str | Path) -> TableSource:
    options = LoadOptions(mapping=resolve_mapping(mapping))
    (source,) = list(loader_for(path, options).read(path, options))
    assert isinstance(source, TableSource)
    return source


def test_table_rows_are_written_as_the_same_lines_and_tally() -> None:
    """The row path (no Fact per cell value, the tally shown only the watched triples) makes
    the facts' very lines, each once in its row and in the same order, and the very tally: on
    tables with characters, billing orders, regions, lookups of other rows and a joined table;
    it counts the distinct triples when it can tell."""
    for path, mapping in (
        (REPO / "data" / "sample" / "films.csv", "films_sample"),
        (REPO / "tests" / "data" / "tables" / "films.csv", REPO / "tests/data/tables/films.toml"),
    ):
        source = _table(path, mapping)
        by_fact, by_row = GraphTally(), GraphTally()
        resolver = Resolver()
        resolver.plan(source.films())
        facts = facts_to_ntriples(
            source.facts(), resolver, graph="urn:g", observe=by_fact.note_terms
        )
        expected = "".join(facts)
        resolver = Resolver()
        resolver.plan(source.films())
        count = TripleCount()
        rows = table_rows_to_ntriples(
            source.table_rows(),
            resolver,
            graph="urn:g",
            observe=by_row.note_row,
            count=count,
        )
        written = "".join(rows).splitlines()
        # the same lines in the same order, but a line repeated within a row written once
        assert list(dict.fromkeys(written)) == list(dict.fromkeys(expected.splitlines()))
        assert len(written) < len(expected.splitlines())  # each film's title and year once
        assert count.triples == len(written)
        # the sample's films name other films of it (follows, based on): lines of two rows may
        # be equal (they are), and the count says so; the other table's count is the graph's
        assert count.exact is (path.parent.name == "tables")
        if count.exact:
            assert count.triples == len(set(written))
        assert by_row == by_fact
        assert list(by_row.members) == list(by_fact.members)  # the keys in the same order
        assert by_row.credits and "characterName" in expected and "billingOrder" in expected


def test_a_table_rows_credits_are_tallied_in_order(tmp_path: Path) -> None:
    """Rows without qualifiers have their credits tallied from the writer's notes: the tally
    is the facts' all the same, credits in order, when the rows after the first (whose roles
    are known) mix directors, cast and joined production companies (a role without credit
    nodes, written after the others)."""
    (tmp_path / "films.csv").write_text(
        "ID,Title,Year,Director,Cast\n"
        '1,Heat,1995,Michael Mann,"Al Pacino, Robert De Niro"\n'
        '2,Collateral,2004,Michael Mann,"Tom Cruise, Jamie Foxx"\n'
        "3,Ali,2001,Michael Mann,Will Smith\n"
    )
    (tmp_path / "studios.csv").write_text(
        "FilmID,Studio\n1,Warner Bros.\n2,DreamWorks\n2,Paramount\n3,Columbia\n"
    )
    (tmp_path / "films.toml").write_text(
        '[table]\nid = "ID"\ntitle = "Title"\nyear = "Year"\n'
        '[[fields]]\ncolumn = "Director"\nrelation = "director"\ntype = "person"\n'
        '[[fields]]\ncolumn = "Cast"\nrelation = "cast_member"\ntype = "person"\nsplit = ", "\n'
        '[[joins]]\npath = "studios.csv"\nkey = "FilmID"\n'
        '[[joins.fields]]\ncolumn = "Studio"\nrelation = "production_company"\n'
        'type = "production_company"\n'
    )
    source = _table(tmp_path / "films.csv", tmp_path / "films.toml")
    by_fact, by_row = GraphTally(), GraphTally()
    resolver = Resolver()
    resolver.plan(source.films())
    for _ in facts_to_ntriples(source.facts(), resolver, graph="urn:g", observe=by_fact.note_terms):
        pass
    resolver = Resolver()
    resolver.plan(source.films())
    for _ in table_rows_to_ntriples(
        source.table_rows(), resolver, graph="urn:g", observe=by_row.note_row
    ):
        pass
    assert by_row.credits == by_fact.credits and len(by_row.credits) == 12
    assert by_row == by_fact and list(by_row.members) == list(by_fact.members)


def test_a_table_load_keeps_the_size_of_its_graph() -> None:
    """The size the summaries keep of a table's graph (counted as its rows were written, or
    counted in the store when rows may repeat each other) is the graph's."""
    for path, mapping in (
        (REPO / "data" / "sample" / "films.csv", "films_sample"),
        (REPO / "tests" / "data" / "tables" / "films.csv", REPO / "tests/data/tables/films.toml"),
    ):
        with Store.memory() as store:
            load_paths(store, [path], mapping=mapping, progress=False)
            sizes = graph_sizes(store)
            assert sizes is not None and len(sizes) == 2  # the table's and the ontology's
            assert sizes == {graph: store.graph_size(graph) for graph in sizes}
