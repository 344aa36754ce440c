"""The extractor on the benchmarks' multi-film articles (``bench/_articles.py``): three films of the
Wikidata table an article, one paragraph each, written with varied wordings ("In 2007, P made F.
It stars ...", "P directed F, a drama picture from 2009. Q wrote the script."). Every fact can be
checked against the table row its paragraph was written from, so this measures what no hand-read
set does at this size: whether each sentence's facts go to the film its paragraph is about."""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

import pytest

from kg.extract import DEFAULT_EXTRACTOR, get_extractor
from kg.extract.gazetteer import name_key
from kg.model import Document, Relation, Value

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))
from _articles import _films, synthetic_articles

ARTICLES = 120
"""About 1,100 facts: enough for a stable figure, a few seconds of extraction."""

_COLUMNS = {
    Relation.DIRECTOR: "Director",
    Relation.CAST_MEMBER: "Cast",
    Relation.SCREENWRITER: "Writer",
    Relation.PRODUCTION_COMPANY: "Production",
}


def _truth(rows: list[dict[str, str]]) -> dict[str, dict[Relation, set[str]]]:
    """Per film title: the names and dates its row gives, per relation."""
    out: dict[str, dict[Relation, set[str]]] = {}
    for row in rows:
        facts = out.setdefault(name_key(row["Title"]), {})
        for relation, column in _COLUMNS.items():
            facts.setdefault(relation, set()).update(
                name_key(n) for n in row[column].split(", ") if n.strip()
            )
        facts.setdefault(Relation.RELEASE_DATE, set()).update(
            {row["Released"], row["Released"][:4], row["Year"][:4]} - {""}
        )
    return out


@pytest.fixture(scope="module")
def scored() -> Counter[tuple[str, bool]]:
    rows = _films(7)
    if not rows:
        pytest.skip("the Wikidata films table is not beside the clone")
    truth = _truth(rows)
    extract = get_extractor(DEFAULT_EXTRACTOR)
    counts: Counter[tuple[str, bool]] = Counter()
    for number, article in enumerate(synthetic_articles(7)):
        if number == ARTICLES:
            break
        for fact in extract(Document(article.id, article.text, title=article.title), None):
            if fact.relation not in _COLUMNS and fact.relation is not Relation.RELEASE_DATE:
                continue
            known = truth.get(name_key(fact.subject.name), {}).get(fact.relation, set())
            value = fact.object.text if isinstance(fact.object, Value) else fact.object.name
            counts[(fact.relation.value, name_key(value) in known or value in known)] += 1
    return counts


def test_facts_go_to_the_film_of_their_paragraph(scored: Counter[tuple[str, bool]]) -> None:
    right = sum(n for (_, ok), n in scored.items() if ok)
    wrong = sum(n for (_, ok), n in scored.items() if not ok)
    assert right > 800, scored
    assert right / (right + wrong) >= 0.85, scored


@pytest.mark.parametrize("relation", ["cast_member", "director", "release_date"])
def test_each_relation_mostly_right(scored: Counter[tuple[str, bool]], relation: str) -> None:
    right, wrong = scored[(relation, True)], scored[(relation, False)]
    assert right / max(1, right + wrong) >= 0.75, (relation, right, wrong)
