"""The blank spaCy pipeline (tokenizer + sentencizer), built once, and sentence spans with offsets.

No statistical model is loaded or downloaded: ``spacy.blank("en")`` plus the rule-based
sentencizer.  Long texts are cut at paragraph breaks into chunks below spaCy's ``max_length``
and streamed through ``nlp.pipe``, so memory stays bounded by the chunk size.

>>> [text for _, _, text in sentences("Heat is a film. It stars Al Pacino.")]
['Heat is a film.', 'It stars Al Pacino.']
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from typing import Any

__all__ = ["CHUNK_CHARS", "get_nlp", "paragraph_starts", "sentences"]

CHUNK_CHARS = 200_000
"""Texts longer than this are processed in chunks cut at paragraph or line breaks."""

_PARA_BREAK = re.compile(r"\n[ \t]*\n")
_HARD_BREAK = re.compile(r"\n")


@lru_cache(maxsize=1)
def get_nlp() -> Any:
    """The shared ``spacy.blank("en")`` pipeline with a sentencizer (built on first use).

    >>> get_nlp().pipe_names
    ['sentencizer']
    """
    import spacy

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.max_length = CHUNK_CHARS * 2
    return nlp


def _chunks(text: str) -> Iterator[tuple[int, str]]:
    """Cut ``text`` into pieces of at most :data:`CHUNK_CHARS` at paragraph (or line) breaks."""
    start = 0
    n = len(text)
    while start < n:
        end = min(start + CHUNK_CHARS, n)
        if end < n:
            window = text[start:end]
            cut = -1
            for rx in (_PARA_BREAK, _HARD_BREAK):
                ends = [m.end() for m in rx.finditer(window, CHUNK_CHARS // 2)]
                if ends:
                    cut = start + ends[-1]
                    break
            if cut <= start:
                space = window.rfind(" ", CHUNK_CHARS // 2)
                cut = start + space + 1 if space > 0 else end
            end = cut
        yield start, text[start:end]
        start = end


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


def sentences(text: str) -> list[tuple[int, int, str]]:
    """Sentences of ``text`` as ``(start, end, sentence)`` with ``text[start:end] == sentence``.

    Line breaks that separate paragraphs or headings always end a sentence.

    >>> sentences("Heading\\n\\nHeat stars Al Pacino.  ")
    [(0, 7, 'Heading'), (9, 30, 'Heat stars Al Pacino.')]
    """
    nlp = get_nlp()
    out: list[tuple[int, int, str]] = []
    pieces = list(_chunks(text))
    for (offset, _piece), doc in zip(pieces, nlp.pipe(p for _, p in pieces), strict=True):
        for sent in doc.sents:
            s, e = sent.start_char + offset, sent.end_char + offset
            # split again at blank lines / line breaks inside a sentence (headings, list lines)
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
