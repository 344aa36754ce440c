"""Property tests: any text (unicode, empty, long) never crashes the extractor; offsets hold."""

# ruff: noqa: RUF001  (typographic quotes and dashes are data here)

from __future__ import annotations

import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kg.extract import extract
from kg.extract.dates import find_dates, normalise_date
from kg.extract.pipeline import sentences
from kg.model import Document

WORDS = st.sampled_from(
    [
        "directed",
        "by",
        "starring",
        "stars",
        "Tom",
        "Cruise",
        "Ann",
        "Lee",
        "and",
        ",",
        ".",
        "was",
        "released",
        "on",
        "July",
        "14,",
        "2023",
        "The",
        "film",
        "It",
        "produced",
        "executive",
        "written",
        "as",
        "Ethan",
        "Hunt",
        "(1999)",
        "a",
        "1974",
        "Belgian",
        "sequel",
        "to",
        "\n",
        "\n\n",
        "“Heat”",
        "Jr.",
        "Netflix",
        "’s",
        "Zéno",
        "東京",
        "🎬",
    ]
)
PROSE = st.lists(WORDS, max_size=120).map(" ".join)
TEXT = st.one_of(st.text(max_size=400), PROSE)


def _check(doc: Document) -> None:
    for fact in extract(doc):
        ev = fact.evidence
        assert ev is not None
        assert 0 <= ev.start <= ev.end <= len(doc.text)
        assert doc.text[ev.start : ev.end] == ev.sentence
        assert 0.0 <= ev.confidence <= 1.0
        assert ev.source_id == doc.id


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    text=TEXT,
    title=st.one_of(st.none(), st.text(max_size=30), st.sampled_from(["Heat", "The film"])),
)
def test_random_text_never_crashes(text: str, title: str | None) -> None:
    _check(Document("p", text, title=title))


@settings(max_examples=100, deadline=None)
@given(text=TEXT)
def test_sentence_offsets(text: str) -> None:
    for start, end, sent in sentences(text):
        assert text[start:end] == sent
        assert sent == sent.strip() and sent


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("It took $12.5m (£6.5m). Comedy Heat was second.", 2),
        ("It took 3.5m. Then it fell.", 2),
        ("Made by V. Shantaram in 1955. It ran.", 2),
        ("It opened in the U.S. on Friday.", 1),
        ("It stars Tom Sizemore.The film was edited by Ann Lee.", 2),  # a missing space
        ("Buy it at Amazon.com now. It ran.", 2),
    ],
)
def test_sentence_ends_after_a_sum_not_after_an_abbreviation(text: str, expected: int) -> None:
    assert len(sentences(text)) == expected


@settings(max_examples=200, deadline=None)
@given(text=st.text(max_size=80))
def test_dates_never_crash(text: str) -> None:
    for d in find_dates(text):
        assert text[d.start : d.end] == d.text
        assert len(d.iso) in (4, 10)
    normalise_date(text)


def test_huge_ish_text() -> None:
    """~1 MB of article text crosses the chunk size; offsets still point into the whole text."""
    para = (
        "Night Ferry is a 2018 Danish drama film directed by Karin Holm and starring Jens Lund. "
        "It was released on 3 May 2018.\n\n"
    )
    text = "Intro line\n\n" + para * 8000
    start = time.perf_counter()
    doc = Document("big", text, title="Night Ferry")
    _check(doc)
    assert time.perf_counter() - start < 120


@given(
    st.dates(
        min_value=__import__("datetime").date(1850, 1, 1),
        max_value=__import__("datetime").date(2099, 12, 31),
    ),
    st.sampled_from(range(4)),
)
def test_written_dates_read_back(day: __import__("datetime").date, style: int) -> None:
    """A day written the ways English prose writes it reads back as its ISO date."""
    month = day.strftime("%B")
    text = [
        f"It opened on {month} {day.day}, {day.year} in London.",
        f"It opened on {day.day} {month} {day.year} in London.",
        f"It opened on the {day.day}th of {month}, {day.year}.",
        f"It opened on {month[:3] + '.' if len(month) > 4 else month} {day.day}, {day.year}.",
    ][style]
    found = [d.iso for d in find_dates(text)]
    assert found == [day.isoformat()], (text, found)
