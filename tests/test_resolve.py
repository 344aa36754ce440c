"""Cross-document entity resolution through ``kg load``: one node per real entity, variants joined
only with type and context, namesakes never merged without evidence, ambiguity recorded."""

from __future__ import annotations

import marshal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rapidfuzz import fuzz, process

from kg.cli import run
from kg.model import EntityRef, EntityType, Fact, Relation
from kg.resolve import KnownEntities, KnownEntity, _TitleIndex, loose_key, resolve_facts
from kg.store import Store

KGR = "https://w3id.org/filmkg/resource/"

NAMESAKES = """\
@prefix kg: <https://w3id.org/filmkg/ontology#> .
@prefix kgr: <https://w3id.org/filmkg/resource/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
kgr:person\\/john-smith a kg:Person ; rdfs:label "John Smith" .
kgr:person\\/john-smith-2 a kg:Person ; rdfs:label "John Smith" .
kgr:person\\/maggie-smith a kg:Person ; rdfs:label "Maggie Smith" .
kgr:film\\/dark-water a kg:Film ; rdfs:label "Dark Water" ; kg:title "Dark Water" ;
    kg:director kgr:person\\/john-smith .
kgr:film\\/night-train a kg:Film ; rdfs:label "Night Train" ; kg:title "Night Train" ;
    kg:year "2020"^^xsd:gYear ; kg:castMember kgr:person\\/john-smith-2 .
"""


def _load(store: Path, tmp: Path, name: str, text: str) -> None:
    path = tmp / name
    path.write_text(text, encoding="utf-8")
    assert run(["--store", str(store), "load", "-q", str(path)]) == 0


def _rows(store: Path, sparql: str) -> list[tuple[str, ...]]:
    prefixes = (
        "PREFIX kg: <https://w3id.org/filmkg/ontology#> "
        "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> "
        "PREFIX skos: <http://www.w3.org/2004/02/skos/core#> "
        "PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> "
    )
    with Store.open(store, read_only=True) as s:
        return [tuple(str(x) for x in row) for row in s.query(prefixes + sparql).rows()]


def test_two_articles_same_person_and_film_one_node(tmp_path: Path) -> None:
    store = tmp_path / "store"
    _load(store, tmp_path, "a.txt", "Heat is a 1995 crime film directed by Michael Mann.\n")
    _load(store, tmp_path, "b.txt", "Michael Mann directed Heat (1995), which stars Al Pacino.\n")
    films = _rows(store, "SELECT DISTINCT ?f WHERE { ?f a kg:Film }")
    people = _rows(store, "SELECT DISTINCT ?p WHERE { ?p a kg:Person ; rdfs:label 'Michael Mann' }")
    assert films == [(KGR + "film/heat",)]
    assert people == [(KGR + "person/michael-mann",)]
    evidence = _rows(
        store,
        "SELECT ?e WHERE { ?e a kg:Evidence ; rdf:subject ?f ; rdf:predicate kg:director ; "
        "rdf:object ?p }",
    )
    assert len(evidence) == 2  # one per article


def test_accent_variant_with_context_joins(tmp_path: Path) -> None:
    store = tmp_path / "store"
    _load(
        store,
        tmp_path,
        "a.txt",
        "Volver is a 2006 Spanish film directed by Pedro Almodóvar. It stars Penélope Cruz.\n",
    )
    _load(store, tmp_path, "b.txt", "Volver (2006) stars Penelope Cruz and Carmen Maura.\n")
    cruz = _rows(
        store,
        "SELECT DISTINCT ?p WHERE { ?p a kg:Person ; rdfs:label ?l FILTER(CONTAINS(?l, 'Cruz')) }",
    )
    assert cruz == [(KGR + "person/penélope-cruz",)]
    aliases = _rows(store, f"SELECT ?a WHERE {{ <{KGR}person/penélope-cruz> skos:altLabel ?a }}")
    assert ("Penelope Cruz",) in aliases


def test_variant_without_context_stays_apart(tmp_path: Path) -> None:
    store = tmp_path / "store"
    _load(
        store,
        tmp_path,
        "a.txt",
        "Volver is a 2006 Spanish film directed by Pedro Almodóvar. It stars Penélope Cruz.\n",
    )
    _load(
        store,
        tmp_path,
        "b.txt",
        "The Other Side is a 2010 drama film directed by Ana Ruiz. It stars Penelope Cruz.\n",
    )
    cruz = _rows(
        store,
        "SELECT DISTINCT ?p WHERE { ?p a kg:Person ; rdfs:label ?l FILTER(CONTAINS(?l, 'Cruz')) }"
        " ORDER BY ?p",
    )
    assert cruz == [(KGR + "person/penelope-cruz",), (KGR + "person/penélope-cruz",)]


def test_namesakes_ambiguous_unless_context_decides(tmp_path: Path) -> None:
    store = tmp_path / "store"
    (tmp_path / "people.ttl").write_text(NAMESAKES, encoding="utf-8")
    assert run(["--store", str(store), "load", "-q", str(tmp_path / "people.ttl")]) == 0
    # no context: two John Smiths, the mention is recorded as ambiguous and joins neither
    _load(
        store, tmp_path, "a.txt", "Cold Harbour is a 2021 thriller film directed by John Smith.\n"
    )
    rows = _rows(
        store,
        "SELECT ?p ?amb WHERE { <" + KGR + "film/cold-harbour> kg:director ?p . "
        "?e rdf:subject <" + KGR + "film/cold-harbour> ; rdf:object ?p ; kg:ambiguous ?amb }",
    )
    assert len(rows) == 1
    person, amb = rows[0]
    assert person not in (KGR + "person/john-smith", KGR + "person/john-smith-2")
    assert amb == "true"
    # context: Night Train is co-credited to person/john-smith-2 in the store
    _load(store, tmp_path, "b.txt", "Night Train is a 2020 thriller film directed by John Smith.\n")
    rows = _rows(store, "SELECT ?p WHERE { <" + KGR + "film/night-train> kg:director ?p }")
    assert rows == [(KGR + "person/john-smith-2",)]
    # a surname alone that fits two people is ambiguous too
    _load(store, tmp_path, "c.txt", "Blue Lake is a 2022 drama film directed by Smith.\n")
    rows = _rows(
        store,
        "SELECT ?p WHERE { ?e rdf:subject <" + KGR + "film/blue-lake> ; rdf:predicate kg:director ;"
        " rdf:object ?p ; kg:ambiguous true }",
    )
    assert len(rows) == 1 and "smith" in rows[0][0]
    assert rows[0][0] not in (KGR + "person/john-smith", KGR + "person/maggie-smith")


def test_different_film_same_title_gets_year() -> None:
    known = KnownEntities([KnownEntity(KGR + "film/hamlet", "film", "Hamlet", year=1948)])
    fact = Fact(
        EntityRef(EntityType.FILM, "Hamlet", year=1996),
        Relation.DIRECTOR,
        EntityRef(EntityType.PERSON, "Kenneth Branagh"),
    )
    [out], resolver = resolve_facts([fact], known, graph="urn:g")
    assert str(resolver.iri(out.subject)) == KGR + "film/hamlet-1996"


def test_surname_joins_with_context() -> None:
    known = KnownEntities(
        [
            KnownEntity(KGR + "film/volver", "film", "Volver", year=2006),
            KnownEntity(
                KGR + "person/carmen-maura", "person", "Carmen Maura", films={KGR + "film/volver"}
            ),
        ]
    )
    fact = Fact(
        EntityRef(EntityType.FILM, "Volver", year=2006),
        Relation.CAST_MEMBER,
        EntityRef(EntityType.PERSON, "Maura"),
    )
    [out], resolver = resolve_facts([fact], known, graph="urn:g")
    assert isinstance(out.object, EntityRef)
    assert str(resolver.iri(out.object)) == KGR + "person/carmen-maura"
    assert out.object.aliases == ("Maura",) and not out.ambiguous


def test_fuzzy_search_among_a_years_films_is_the_scan_it_replaces() -> None:
    """``near(..., year=)`` finds the close titles of the year through the title index; it
    finds what a scan of ``films_in_year`` finds, also for films and aliases learned after the
    index was first made."""
    known = KnownEntities(
        [KnownEntity(f"urn:f{i}", "film", f"The Glass Harbour {i}", year=2000) for i in range(30)]
        + [KnownEntity("urn:other", "film", "The Glass Harbour 1", year=2001)]
    )

    def both(name: str) -> tuple[list[str], list[str]]:
        by_year = [e.iri for e in known.near("film", name, year=2000, among=())]
        scan = [e.iri for e in known.near("film", name, among=known.films_in_year(2000))]
        return by_year, scan

    by_year, scan = both("The Glass Harbor 1")
    assert by_year == scan and "urn:f1" in by_year and "urn:other" not in by_year
    known.add(KnownEntity("urn:new", "film", "Glass Harbour Revisited", year=2000))
    known.add(KnownEntity("urn:f7", "film", "The Glass Harbour 7", aliases={"Harbour of Glass"}))
    for name in ("Glass Harbor Revisited", "Harbor of Glass", "Nothing Like It At All"):
        by_year, scan = both(name)
        assert by_year == scan, name
    assert both("Glass Harbor Revisited")[0] == ["urn:new"]
    assert both("Harbor of Glass")[0] == ["urn:f7"]


def test_fuzzy_search_among_the_films_of_people_is_the_scan_it_replaces() -> None:
    """``near(..., agents=)`` finds the close titles of any year linked to one of the people
    (not in the graph left out): what a scan of each person's films finds, without reading
    every film of a prolific person."""
    films = [
        KnownEntity(f"urn:f{i}", "film", f"The Glass Harbour {i}", year=1990 + i) for i in range(20)
    ]
    known = KnownEntities(
        [
            *films,
            KnownEntity("urn:none", "film", "The Glass Harbour 3"),  # no year, nobody's
            KnownEntity("urn:p", "person", "Ann Lee", films={"urn:f3", "urn:f4", "urn:f13"}),
            KnownEntity("urn:q", "person", "Bo Chan", films={"urn:f5"}),
        ]
    )
    known.link("urn:f7", "urn:p", "urn:g:other")
    known.link("urn:f8", "urn:p", "urn:g:this")  # stated only by the graph left out

    def both(name: str, agents: list[str]) -> tuple[list[str], list[str]]:
        index = [e.iri for e in known.near("film", name, agents=agents, exclude="urn:g:this")]
        pool = set().union(*(known.films_of(a, exclude="urn:g:this") for a in agents))
        scan = [e.iri for e in known.near("film", name, among=pool, exclude="urn:g:this")]
        return index, scan

    for name in ("The Glass Harbor 3", "The Glass Harbor 7", "The Glass Harbor 8", "Nothing Alike"):
        for agents in (["urn:p"], ["urn:q"], ["urn:p", "urn:q"], []):
            index, scan = both(name, agents)
            assert index == scan, (name, agents)
    assert both("The Glass Harbor 3", ["urn:p"])[0] == ["urn:f13", "urn:f3"]
    assert both("The Glass Harbor 7", ["urn:p"])[0] == ["urn:f7"]
    assert both("The Glass Harbor 8", ["urn:p"])[0] == []


_KEYS = st.text(alphabet="abcde-", min_size=1, max_size=24)


@settings(max_examples=200, deadline=None)
@given(st.lists(_KEYS, min_size=1, max_size=60), _KEYS, st.sampled_from([92.0, 85.0, 70.0]))
def test_title_index_finds_what_rapidfuzz_finds(keys: list[str], key: str, cutoff: float) -> None:
    """The title index is exact: the keys whose ratio reaches the cutoff, as a scan finds them
    (close keys made likely by a small alphabet; the index built for 92, searched at 92 or
    below)."""
    index = _TitleIndex()
    for i, k in enumerate(keys):
        index.add(k, f"urn:{i}")
    probes = [key, *keys[:3], *(k[:-1] + "x" for k in keys[:3])]
    for probe in probes:
        scan = process.extract(
            probe, keys, scorer=fuzz.ratio, score_cutoff=cutoff, limit=None, processor=None
        )
        assert index.search(probe, cutoff) == {f"urn:{i}" for _, _, i in scan}, probe


def test_title_index_on_real_titles() -> None:
    """On titles with typos (deleted, inserted and changed letters), the index finds what a
    scan finds."""
    import random

    rng = random.Random(5)
    words = [
        "the",
        "of",
        "a",
        "glass",
        "harbour",
        "night",
        "long",
        "goodbye",
        "return",
        "man",
        "woman",
        "city",
        "last",
        "first",
    ]
    titles = [" ".join(rng.choice(words) for _ in range(rng.randint(1, 5))) for _ in range(400)]
    keys = [loose_key(t) for t in titles]
    index = _TitleIndex()
    for i, k in enumerate(keys):
        index.add(k, f"urn:{i}")
    for _ in range(300):
        probe = list(rng.choice(keys))
        for _ in range(rng.randint(0, 3)):
            at = rng.randrange(len(probe) + 1)
            op = rng.random()
            if op < 0.4 and at < len(probe):
                del probe[at]
            elif op < 0.8:
                probe.insert(at, rng.choice("aeiou-"))
            elif at < len(probe):
                probe[at] = "z"
        text = "".join(probe)
        scan = process.extract(
            text, keys, scorer=fuzz.ratio, score_cutoff=92.0, limit=None, processor=None
        )
        assert index.search(text) == {f"urn:{i}" for _, _, i in scan}, text


def _index_state(known: KnownEntities) -> tuple[object, ...]:
    """An index's contents, sets and the sidecar's tuples alike as sets."""

    def sets(index: dict[object, object]) -> dict[object, set[object]]:
        return {k: set(v) for k, v in index.items()}  # type: ignore[call-overload]

    return (
        list(known.by_iri.items()),  # the entities, in their order
        sets(known._exact),  # type: ignore[arg-type]
        sets(known._loose),  # type: ignore[arg-type]
        sets(known._last),  # type: ignore[arg-type]
        sets(known._by_year),  # type: ignore[arg-type]
    )


_NAMES = st.sampled_from(["Heat", "HEAT", "Ronin", "Al Pacino", "Pacino", "Drift", "Ann Lee"])
_ENTITIES = st.builds(
    KnownEntity,
    st.sampled_from([f"urn:{i}" for i in range(12)]),
    st.sampled_from(["film", "person", "organization", "series"]),
    _NAMES,
    st.sets(_NAMES, max_size=2),
    st.sampled_from([None, 1995, 2001]),
    st.sets(st.sampled_from(["urn:g1", "urn:g2"]), max_size=2),
)


@settings(max_examples=60, deadline=None)
@given(st.lists(_ENTITIES, min_size=1, max_size=8), st.lists(st.lists(_ENTITIES, max_size=4)))
def test_an_index_kept_as_its_changes_reads_back_as_the_whole_index(
    first: list[KnownEntity], loads: list[list[KnownEntity]]
) -> None:
    # each load reads the index its predecessor kept, adds entities and keeps it again: kept
    # as the index it read and the entities changed since, it reads back as the whole index
    KnownEntities._MOST_CHANGED = 10.0  # always as changes (else whole once they are many)
    try:
        data = KnownEntities(first).to_bytes()
        for added in loads:
            known = KnownEntities.from_bytes(data)
            for entity in added:
                known.add(
                    KnownEntity(
                        entity.iri,
                        entity.kind,
                        entity.label,
                        set(entity.aliases),
                        entity.year,
                        set(entity.graphs),
                    )
                )
            data = known.to_bytes()
            read = KnownEntities.from_bytes(data)
            assert _index_state(read) == _index_state(known)
            whole = KnownEntities.from_bytes(KnownEntities(known.by_iri.values()).to_bytes())
            assert _index_state(read) == _index_state(whole)
    finally:
        KnownEntities._MOST_CHANGED = 0.1


def test_an_index_changed_much_is_kept_whole_again() -> None:
    known = KnownEntities([KnownEntity(f"urn:{i}", "person", f"Person {i}") for i in range(20)])
    read = KnownEntities.from_bytes(known.to_bytes())
    read.add(KnownEntity("urn:new", "person", "Someone New"))
    assert marshal.loads(read.to_bytes())[0] == 2  # one change of 20: kept as the change
    for i in range(3):
        read.add(KnownEntity(f"urn:more{i}", "person", f"More {i}"))
    assert marshal.loads(read.to_bytes())[0] == 1  # 4 of 20: whole again
    nested = marshal.dumps((2, marshal.dumps((2, b"", [])), []))
    with pytest.raises(ValueError, match="not a known-entities index"):
        KnownEntities.from_bytes(nested)
