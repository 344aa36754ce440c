"""In-document short names: "Cruise" -> "Tom Cruise", "the film"/"it" -> the film the article is about.

>>> idx = PersonIndex(["Tom Cruise", "Christopher McQuarrie", "Simon Pegg"])
>>> idx.resolve("Cruise"), idx.resolve("McQuarrie"), idx.resolve("Ving Rhames")
(('Tom Cruise', False), ('Christopher McQuarrie', False), ('Ving Rhames', False))
>>> PersonIndex(["Tom Cruise", "Penélope Cruz", "Dan Cruise"]).resolve("Cruise")
('Cruise', True)
"""

# ruff: noqa: RUF001  (typographic quotes and dashes are data here)

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable

__all__ = ["ANAPHOR", "PersonIndex"]

ANAPHOR = re.compile(
    r"\b(?:[Tt]he|[Tt]his|[Tt]hat)\s+(?:[\w'’-]+\s+){0,2}?(?:film|movie|picture|feature)\b"
    r"(?!['’]s\b)(?!\s+(?:[A-Z\d\"“]|industry|festival|adaptation|rights|series|franchise))"
    r"|\b[Tt]he\s+(?:film|movie)['’]s\b"
    r"|(?:^|(?<=[,;]\s)|(?<=\band\s))[Ii]t(?=\s+(?:is|was|has|had|will|stars|starred|also|features|"
    r"premiered|opened|received|follows|tells|centers|centres)\b)"
    r"|\b[Ii]ts(?=\s+(?:director|producers?|screenplay|writers?|stars?|cast|music|score|editor|"
    r"cinematographer|distributor|release|sequel|prequel)\b)"
)
"""Phrases that refer back to the film an article is about ("the film", "this movie", "It was")."""


class PersonIndex:
    """Full person names of one document, indexed by their last (and first) word."""

    def __init__(self, full_names: Iterable[str] = ()) -> None:
        self._full: set[str] = set()
        self._by_last: dict[str, set[str]] = defaultdict(set)
        self._by_first: dict[str, set[str]] = defaultdict(set)
        for name in full_names:
            self.add(name)

    def add(self, name: str) -> None:
        """Register a full name (two words or more; shorter names are ignored)."""
        words = name.split()
        if len(words) < 2:
            return
        self._full.add(name)
        last = (
            words[-1]
            if words[-1].lower().strip(".") not in ("jr", "sr", "ii", "iii")
            else words[-2]
        )
        self._by_last[last.lower()].add(name)
        self._by_first[words[0].lower()].add(name)

    def resolve(self, name: str) -> tuple[str, bool]:
        """``(full name, ambiguous)`` for a one-word name; other names are returned as they are."""
        words = name.split()
        if len(words) != 1:
            return name, False
        key = name.lower()
        cands = self._by_last.get(key, set())
        if len(cands) == 1:
            return next(iter(cands)), False
        if len(cands) > 1:
            return name, True
        return name, False
