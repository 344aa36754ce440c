"""Sentences of an article, with their character offsets: a rule-based splitter.

A sentence ends at ``.``, ``!`` or ``?`` (with any closing quotes or brackets) before a space
and a capital, digit or opening quote; not after an abbreviation ("Mr.", "Dr.", "Jr.", "U.S.",
"Jan.") or an initial ("V. Shantaram"). Blank lines always end a sentence (paragraphs,
headings), and so does a single line break after a short line or one that ends a sentence.
No model is loaded: the same rules spaCy's sentencizer applies, at several times its speed, with
no import cost (spaCy is needed only by the optional NER extractor).

>>> [text for _, _, text in sentences("Heat is a film. It stars Al Pacino.")]
['Heat is a film.', 'It stars Al Pacino.']
>>> [text for _, _, text in sentences("Mr. Mann met U.S. actor V. Shantaram. He left.")]
['Mr. Mann met U.S. actor V. Shantaram.', 'He left.']
"""

# ruff: noqa: RUF001  (typographic quotes are data here)

from __future__ import annotations

import re

__all__ = ["ABBREVIATIONS", "paragraph_starts", "sentences"]

ABBREVIATIONS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "st",
        "jr",
        "sr",
        "snr",
        "jnr",
        "vs",
        "etc",
        "inc",
        "ltd",
        "co",
        "corp",
        "no",
        "nos",
        "vol",
        "vols",
        "prof",
        "gen",
        "sen",
        "rep",
        "gov",
        "lt",
        "col",
        "sgt",
        "capt",
        "cpt",
        "cmdr",
        "mt",
        "ft",
        "ave",
        "rd",
        "blvd",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "approx",
        "est",
        "fig",
        "figs",
        "pp",
        "ed",
        "eds",
        "rev",
        "hon",
        "messrs",
        "mme",
        "mlle",
        "dept",
        "univ",
        "assn",
        "bros",
        "e.g",
        "i.e",
        "al",
        "cf",
        "op",
        "ca",
    ]
)
"""Words whose full stop does not end a sentence (lower-cased, without the stop)."""

_END = re.compile(
    r"[.!?]+[\"”’')\]]*(?=\s+[\"“‘'(\[]?[A-Z0-9À-ÖØ-Þ])"
    r"|\.(?<=[a-z]{2}\.)(?=[A-Z][a-z])"  # a missing space: "starring Tom Sizemore.The film was"
)
"""A sentence's end. Both branches open with the stop (the look-behind comes after it), so the
search skips to the next stop instead of trying the look-behind at every character."""
_PARA_BREAK = re.compile(r"\n[ \t]*\n")
_HARD_BREAK = re.compile(r"\n")
_WORD_BEFORE = re.compile(r"([\w.'’-]+)[.!?]*[\"”’')\]]*$")


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _is_break(text: str, seg_start: int, nl: int, after: int, end: int) -> bool:
    """Does the line break at ``nl`` end a sentence?  Blank lines always do; a single line
    break does unless the line before looks hard-wrapped (long, no closing punctuation)."""
    rest = text[after:end]
    if not rest.strip() or rest.lstrip(" \t").startswith("\n"):
        return True
    line_start = text.rfind("\n", seg_start, nl) + 1
    line = text[max(line_start, seg_start) : nl].rstrip()
    if not line or line[-1] in '.!?:;"”)':
        return True
    return len(line) < 60


def _is_abbreviation(text: str, stop: int) -> bool:
    """Is the full stop at ``stop`` part of an abbreviation or an initial?"""
    if text[stop] != ".":
        return False
    start = max(0, stop - 30)
    # no match holds a space: look from the last one (the same match, without trying each start
    # before it)
    m = _WORD_BEFORE.search(text, max(start, text.rfind(" ", start, stop) + 1), stop)
    if m is None:
        return False
    word = m.group(1).rstrip(".")
    if len(word) == 1 and word.isupper():
        return True  # an initial: "V. Shantaram"
    if "." in word and all(len(part) <= 2 and part.isalpha() for part in word.split(".")):
        return True  # "U.S", "e.g"
    return word.lower() in ABBREVIATIONS


def _blocks(text: str) -> list[tuple[int, int]]:
    """Spans of ``text`` that no sentence crosses: split at sentence ends."""
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _END.finditer(text):
        if _is_abbreviation(text, m.start()):
            continue
        spans.append((start, m.end()))
        start = m.end()
    spans.append((start, len(text)))
    return spans


def sentences(text: str) -> list[tuple[int, int, str]]:
    """Sentences of ``text`` as ``(start, end, sentence)`` with ``text[start:end] == sentence``.

    Line breaks that separate paragraphs or headings always end a sentence.

    >>> sentences("Heading\\n\\nHeat stars Al Pacino.  ")
    [(0, 7, 'Heading'), (9, 30, 'Heat stars Al Pacino.')]
    """
    out: list[tuple[int, int, str]] = []
    for s, e in _blocks(text):
        seg_start = s
        for m in _HARD_BREAK.finditer(text, s, e):
            if not _is_break(text, seg_start, m.start(), m.end(), e):
                continue
            a, b = _trim(text, seg_start, m.start())
            if a < b:
                out.append((a, b, text[a:b]))
            seg_start = m.end()
        a, b = _trim(text, seg_start, e)
        if a < b:
            out.append((a, b, text[a:b]))
    return out


def paragraph_starts(text: str) -> list[int]:
    """Character offsets where paragraphs (blocks separated by blank lines) start.

    >>> paragraph_starts("a\\n\\nb")
    [0, 3]
    """
    return [0] + [m.end() for m in _PARA_BREAK.finditer(text)]
