"""bench/_growth.py: synthetic films in the Wikidata table's shape, people reused by degree."""

from __future__ import annotations

import csv
import sys
from collections import Counter
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[1] / "bench"
sys.path.insert(0, str(BENCH))
from _common import WIKIDATA  # noqa: E402
from _growth import COLUMNS, Growth, split_names, write_part  # noqa: E402

pytestmark = pytest.mark.skipif(
    not (WIKIDATA / "omdb.csv").exists(), reason="needs ../shared/data (the Wikidata table)"
)


@pytest.fixture(scope="module")
def grown(tmp_path_factory: pytest.TempPathFactory) -> tuple[Growth, Path, Counter[str]]:
    growth = Growth.from_table(seed=3)
    before = Counter({n: 0 for n in growth.urns["Cast"].names})
    for i in growth.urns["Cast"].credits:
        before[growth.urns["Cast"].names[i]] += 1
    path = write_part(growth, tmp_path_factory.mktemp("growth") / "part-0001", 3000)
    return growth, path, before


def rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8") as f:
        return list(csv.DictReader(f))


def test_a_table_in_the_real_columns(grown: tuple[Growth, Path, Counter[str]]) -> None:
    _, path, _ = grown
    table = rows(path)
    assert len(table) == 3000 and list(table[0]) == COLUMNS
    assert len({r["ID"] for r in table}) == 3000
    real_titles = {r["Title"] for r in rows(WIKIDATA / "omdb.csv")}
    assert not {r["Title"] for r in table} & real_titles  # new films, never a copy
    assert len({r["Title"] for r in table}) == 3000
    companies = rows(path.parent / "tomatoes.csv")
    assert [c["ID"] for c in companies] == [r["ID"] for r in table]


def test_new_titles_do_not_look_alike(grown: tuple[Growth, Path, Counter[str]]) -> None:
    """A new title is not a near-duplicate of another film of its year (which the loader would
    rightly join to it): few pairs within a year come close, as in the real table."""
    from rapidfuzz import fuzz, process

    from kg.resolve import loose_key

    _, path, _ = grown
    by_year: dict[str, list[str]] = {}
    for r in [*rows(WIKIDATA / "omdb.csv"), *rows(path)]:
        by_year.setdefault(r["Year"], []).append(loose_key(r["Title"]))
    close = 0
    for r in rows(path):
        keys = by_year[r["Year"]]
        found = process.extract(
            loose_key(r["Title"]), keys, scorer=fuzz.ratio, score_cutoff=92, limit=None
        )
        close += len(found) > 1  # itself, and another
    assert close / 3000 < 0.01


def test_people_reused_in_proportion_to_their_credits(
    grown: tuple[Growth, Path, Counter[str]],
) -> None:
    growth, path, before = grown
    cast = [n for r in rows(path) for n in split_names(r["Cast"])]
    reused = sum(n in before for n in cast) / len(cast)
    assert reused == pytest.approx(1 - growth.p_new["Cast"], abs=0.05)
    # preferential attachment: the busiest tenth of the real cast gets far more than a tenth
    busiest = {n for n, _ in before.most_common(len(before) // 10)}
    share = sum(n in busiest for n in cast if n in before) / max(1, sum(n in before for n in cast))
    assert share > 0.4
    assert all(len(split_names(r["Cast"])) == len(set(split_names(r["Cast"]))) for r in rows(path))


def test_a_resumed_growth_knows_the_tables_written(
    grown: tuple[Growth, Path, Counter[str]],
) -> None:
    growth, path, _ = grown
    again = Growth.from_table(seed=3)
    again.replay(path)
    assert {r: len(u.names) for r, u in again.urns.items()} == {
        r: len(u.names) for r, u in growth.urns.items()
    }
    assert again.next_id == growth.next_id
    assert {r["Title"] for r in rows(path)} <= again.used  # a title is never given twice
