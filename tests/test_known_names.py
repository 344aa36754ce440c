"""The known-names tables: the extractor's gazetteer of a store, kept beside its generation."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from kg.extract import Gazetteer
from kg.ingest import known_names, load_paths
from kg.known_names import NameTables
from kg.resolve import KnownEntities, KnownEntity
from kg.store import Store

SAMPLE = Path(__file__).parent / "data"


def _reference(known: KnownEntities) -> Gazetteer | None:
    """The gazetteer as it was made before the tables: one ref per entity, every name folded.
    Only its films' entries are read (:meth:`Gazetteer.film`), so only they are compared."""
    refs = known.refs()
    if not refs:
        return None
    g = Gazetteer.from_refs(refs)
    g.entries = {k: v for k, v in g.entries.items() if g.kinds[k] == "film"}
    return g


def _entity(rng: random.Random, n: int) -> KnownEntity:
    names = [
        "Heat",
        "HEAT",
        "Ronin",
        "Al Pacino",
        "Howl\u2019s Castle",
        "howl's castle",
        "Drift",
        "",
    ]
    kind = rng.choice(["film", "series", "person", "organization", "work"])
    return KnownEntity(
        f"urn:{rng.randrange(n)}",
        kind,
        rng.choice(names),
        set(rng.sample(names, rng.randrange(3))),
        rng.choice([None, 1995, 2001]),
        {"urn:g"},
    )


@pytest.mark.parametrize("seed", range(40))
def test_tables_updated_as_entities_come_equal_tables_made_again(seed: int) -> None:
    rng = random.Random(seed)
    known = KnownEntities(_entity(rng, 12) for _ in range(rng.randrange(10)))
    tables = NameTables.of(known)
    assert tables.gazetteer() == _reference(known)
    for _ in range(3):
        known.changed = set()
        for _ in range(rng.randrange(6)):  # new entities, and new names for known ones
            known.add(_entity(rng, 16))
        tables.update(known, known.changed)
        assert tables.gazetteer() == _reference(known)
        kept = NameTables.from_bytes(tables.to_bytes(b"index"), b"index")
        assert kept.gazetteer() == _reference(known)


def test_a_name_of_two_kinds_is_the_films_and_the_first_entitys() -> None:
    known = KnownEntities(
        [KnownEntity("urn:p", "person", "Heat"), KnownEntity("urn:f1", "film", "Drift")]
    )
    tables = NameTables.of(known)
    known.changed = set()
    known.add(KnownEntity("urn:f2", "film", "Heat", year=1995))  # a film after the person
    known.add(KnownEntity("urn:f1", "film", "Drift", {"heat"}, year=2001))  # first film: wins
    tables.update(known, known.changed)
    g = tables.gazetteer()
    assert g is not None and g == _reference(known)
    assert g.kind("Heat") == "film" and g.film("heat") == g.film("drift")
    film = g.film("heat")
    assert film is not None and (film.name, film.year, film.aliases) == ("Drift", 2001, ("heat",))


def test_bad_or_foreign_tables_are_refused() -> None:
    data = NameTables().to_bytes(b"index")
    with pytest.raises(ValueError, match="other known entities"):
        NameTables.from_bytes(data, b"another index")
    with pytest.raises(ValueError, match="not a known-names table"):
        NameTables.from_bytes(b"\x00garbage", b"index")
    assert NameTables().gazetteer() is None


def _articles(tmp_path: Path) -> tuple[Path, Path]:
    first = tmp_path / "first.jsonl"
    first.write_text(
        '{"id": "a", "text": "Heat is a 1995 film directed by Michael Mann. '
        'It stars Al Pacino and Robert De Niro."}\n',
        encoding="utf-8",
    )
    second = tmp_path / "second.jsonl"
    second.write_text(
        '{"id": "b", "text": "Michael Mann directed Collateral (2004), starring Tom Cruise. '
        'Al Pacino was not in it."}\n',
        encoding="utf-8",
    )
    return first, second


def _load_sample_table(store: Store) -> None:
    """Load the sample films table (the store's known names before any article)."""
    load_paths(
        store,
        [SAMPLE / "tables" / "films.csv"],
        mapping=SAMPLE / "tables" / "films.toml",
        progress=False,
    )


def test_a_load_keeps_the_names_with_its_generation(tmp_path: Path) -> None:
    first, second = _articles(tmp_path)
    with Store.open(tmp_path / "s") as store:
        _load_sample_table(store)
        load_paths(store, [first], progress=False)
        load_paths(store, [second], progress=False)
        data = store.read_sidecar("known-entities")
        names = store.read_sidecar("known-names")
        assert data is not None and names is not None
        known = KnownEntities.from_bytes(data)
        assert NameTables.from_bytes(names, data).gazetteer() == _reference(known)
        assert known_names(store) == _reference(known)


@pytest.mark.parametrize("damage", ["corrupt", "foreign", "missing"])
def test_damaged_names_are_made_again(tmp_path: Path, damage: str) -> None:
    first, second = _articles(tmp_path)
    path = tmp_path / "s"
    with Store.open(path) as store:
        _load_sample_table(store)
        load_paths(store, [first], progress=False)
        expected = known_names(store)
        generation = store.generation
    sidecar = path / "gens" / f"{generation}.known-names"
    if damage == "corrupt":
        sidecar.write_bytes(b"\x00not marshal")
    elif damage == "foreign":
        sidecar.write_bytes(NameTables().to_bytes(b"another index"))
    else:
        sidecar.unlink()
    with Store.open(path) as store:
        assert known_names(store) == expected
        load_paths(store, [second], progress=False)
        data = store.read_sidecar("known-entities")
        names = store.read_sidecar("known-names")
        assert data is not None and names is not None
        assert NameTables.from_bytes(names, data).gazetteer() == _reference(
            KnownEntities.from_bytes(data)
        )
