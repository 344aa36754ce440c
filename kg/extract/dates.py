"""Dates in prose -> ISO strings, and tense/modality of release statements.

A day-precise date becomes ``yyyy-mm-dd``, a month and year ``yyyy-mm``, a bare year (or a season
and year) ``yyyy``.

>>> [(m.text, m.iso) for m in find_dates("It opened on July 14, 2023, and in 1999, not 30 Feb 2001.")]
[('July 14, 2023', '2023-07-14'), ('1999', '1999')]
>>> normalise_date("30 October 2014"), normalise_date("May 2006"), normalise_date("Spring 2017")
('2014-10-30', '2006-05', '2017')
>>> normalise_date("2006-05"), normalise_date("1974")
('2006-05', '1974')
>>> is_planned("It will be released on July 14, 2023.")
True
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

__all__ = ["DATE_PATTERN", "DateMention", "find_dates", "is_planned", "normalise_date"]

_MONTHS = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)"
)
_YEAR = r"(?:1[89]\d\d|20\d\d|2100)"
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"

DATE_PATTERN = (
    rf"(?:(?P<mdy>{_MONTHS}\s+{_DAY},?\s+{_YEAR})"
    rf"|(?P<dmy>{_DAY}\s+(?:of\s+)?{_MONTHS},?\s+{_YEAR})"
    rf"|(?P<iso>{_YEAR}-[01]\d-[0-3]\d)"
    rf"|(?P<ym>{_YEAR}-(?:0[1-9]|1[0-2]))"
    rf"|(?P<my>(?:{_MONTHS}|[Ss]pring|[Ss]ummer|[Aa]utumn|[Ff]all|[Ww]inter)\s+(?:of\s+)?{_YEAR})"
    rf"|(?P<y>{_YEAR}))(?![\d-])"
)
"""Regex source of a date (named groups ``mdy``, ``dmy``, ``iso``, ``my``, ``y``)."""

_DIGIT = re.compile(r"\d")
_DATE_RX = re.compile(rf"(?<![\w$£€.,-]){DATE_PATTERN}")
_YEAR_RX = re.compile(_YEAR)

_PLANNED_RX = re.compile(
    r"\b(?:will|would|shall|is\s+(?:set|scheduled|slated|due|expected|planned|going)|"
    r"are\s+(?:set|scheduled|slated|due|expected|planned|going)|to\s+be\s+released|"
    r"set\s+to|scheduled\s+(?:for|to)|slated\s+(?:for|to)|due\s+(?:out|for|to)|"
    r"upcoming|coming\s+(?:to|out))\b",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class DateMention:
    """A date found in text: its span (relative to the searched string) and ISO value."""

    start: int
    end: int
    text: str
    iso: str

    @property
    def is_year(self) -> bool:
        """True when only the year is known."""
        return len(self.iso) == 4


_MONTH_NUMBER = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        1,
    )
    for name in names
}
_PARTS = re.compile(r"[A-Za-z]+|\d+")


def _day_month_year(text: str) -> str | None:
    """``yyyy-mm-dd`` of "July 14, 2023" / "14th of July 2023", without a general parser."""
    day = month = year = None
    for part in _PARTS.findall(text):
        if part.isdigit():
            if len(part) == 4:
                year = int(part)
            else:
                day = int(part)
        elif part.lower() in _MONTH_NUMBER:
            month = _MONTH_NUMBER[part.lower()]
    if day is None or month is None or year is None:
        return None
    try:
        return datetime(year, month, day).date().isoformat()
    except ValueError:
        return None  # "30 Feb 2001"


def _iso(kind: str, text: str) -> str | None:
    if kind == "ym":
        return text
    if kind in ("y", "my"):
        m = _YEAR_RX.search(text)
        if m is None:
            return None
        month = _MONTH_NUMBER.get(_PARTS.findall(text)[0].lower()) if kind == "my" else None
        return f"{m.group(0)}-{month:02d}" if month else m.group(0)
    if kind in ("mdy", "dmy"):
        return _day_month_year(text)
    # "iso": the pattern fixes the shape yyyy-mm-dd (what python-dateutil read it as, on every
    # string the pattern takes, without its cost); an impossible date ("2001-02-30") is None
    try:
        return datetime(int(text[:4]), int(text[5:7]), int(text[8:10])).date().isoformat()
    except ValueError:
        return None


def find_dates(text: str, start: int = 0, end: int | None = None) -> list[DateMention]:
    """Dates in ``text[start:end]`` with offsets into ``text``; impossible dates are skipped."""
    out: list[DateMention] = []
    if _DIGIT.search(text, start, len(text) if end is None else end) is None:
        return out  # every date holds a year
    for m in _DATE_RX.finditer(text, start, len(text) if end is None else end):
        kind = m.lastgroup or "y"
        iso = _iso(kind, m.group(0))
        if iso is not None:
            out.append(DateMention(m.start(), m.end(), m.group(0), iso))
    return out


def normalise_date(text: str) -> str | None:
    """ISO form (``yyyy-mm-dd`` or ``yyyy``) of a date written in any common English way."""
    text = text.strip()
    m = _DATE_RX.fullmatch(text)
    if m is None:
        found = find_dates(text)
        return found[0].iso if len(found) == 1 else None
    return _iso(m.lastgroup or "y", text)


def is_planned(clause: str) -> bool:
    """Does ``clause`` speak of the future ("will be released", "is set to", "slated for")?"""
    return _PLANNED_RX.search(clause) is not None
