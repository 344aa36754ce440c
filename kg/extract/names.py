"""Spans of person and organisation names: capitalised tokens, initials, particles, lists.

>>> [item.name for item in split_name_list("Tom Cruise, Ving Rhames, and Harry Shum, Jr.")]
['Tom Cruise', 'Ving Rhames', 'Harry Shum Jr.']
>>> [(i.name, i.character) for i in split_name_list("Tom Cruise as Ethan Hunt and Simon Pegg")]
[('Tom Cruise', 'Ethan Hunt'), ('Simon Pegg', None)]
>>> is_organisation("Walt Disney Feature Animation"), is_organisation("Thierry Zéno")
(True, False)
"""

# ruff: noqa: RUF001  (typographic quotes and dashes are data here)

from __future__ import annotations

import re
import sys
from dataclasses import dataclass

from .countries import country_name

__all__ = [
    "LIST",
    "NAME",
    "UPPER",
    "NameItem",
    "clean_name",
    "is_organisation",
    "is_streaming_service",
    "looks_like_person",
    "split_name_list",
]


def _upper_class() -> str:
    chars = [chr(c) for c in range(0xC0, 0x530) if chr(c).isupper()]
    return "A-Z" + "".join(chars)


UPPER = _upper_class()
"""Character-class body of upper-case letters (Latin, Latin-1/Extended, Greek, Cyrillic)."""

_ABBR = r"(?:Jr|Sr|St|Dr|Mr|Mrs|Ms|Mt|Prof|Bros)\."
_WORD = (
    rf"(?:[{UPPER}]\.(?:[{UPPER}]\.)*|[{UPPER}](?:[\w\-]|['’](?![sS]\b)(?=\w))*\+?|\d+[A-Za-z]*)"
)
TOKEN = rf"(?:{_ABBR}|{_WORD})"
_SUFFIX = r"(?:,?[ \t]+(?:Jr\.|Sr\.|Jr\b|Sr\b|III\b|II\b|IV\b))"
_PARTICLE = r"(?:de|da|di|du|del|della|der|den|van|von|le|la|bin|ibn|al|dos|das|do|ter|y|of|the|&)"
NAME = rf"(?:(?!(?:Jr|Sr)\.){TOKEN}(?:(?:[ \t]+|[ \t]*\n[ \t]*)(?:{_PARTICLE}[ \t]+)?(?!(?:Jr|Sr)\.){TOKEN})*{_SUFFIX}?)"
"""Regex source of a name: capitalised tokens, initials, particles (``de``, ``van``, ``of``)."""

_CHAR = rf"(?:\s+(?:\(\s*)?as\s+(?:the\s+)?(?P<char>{NAME})(?:\s*\))?)"
_ITEM = rf"(?P<name>{NAME}){_CHAR}?"
_SEP = (
    r"(?:\s*,\s*(?:and\s+|&\s+)?|\s+(?:and|&)\s+|\s*,?\s+as\s+well\s+as\s+|\s*,?\s+along\s+with\s+)"
)
LIST = (
    rf"(?:{NAME}{_CHAR.replace('?P<char>', '')}?(?:{_SEP}{NAME}{_CHAR.replace('?P<char>', '')}?)*)"
)
"""Regex source of a list of names ("A, B and C", "A as X, B as Y")."""

_ITEM_RX = re.compile(_ITEM)
_SUFFIXES = frozenset({"jr.", "sr.", "jr", "sr", "ii", "iii", "iv"})

_STOP_FIRST = frozenset(
    [
        "the",
        "a",
        "an",
        "it",
        "its",
        "this",
        "that",
        "these",
        "those",
        "he",
        "she",
        "they",
        "his",
        "her",
        "their",
        "our",
        "we",
        "you",
        "i",
        "in",
        "on",
        "at",
        "for",
        "from",
        "with",
        "by",
        "as",
        "of",
        "and",
        "or",
        "but",
        "to",
        "after",
        "before",
        "when",
        "while",
        "during",
        "since",
        "until",
        "although",
        "though",
        "if",
        "unless",
        "because",
        "so",
        "then",
        "also",
        "both",
        "all",
        "some",
        "many",
        "most",
        "more",
        "other",
        "another",
        "each",
        "every",
        "no",
        "not",
        "only",
        "one",
        "two",
        "three",
        "however",
        "meanwhile",
        "later",
        "earlier",
        "here",
        "there",
        "what",
        "who",
        "which",
        "where",
        "why",
        "how",
        "according",
        "among",
        "despite",
        "following",
        "starring",
        "directed",
        "produced",
        "written",
    ]
)
_MONTHS = frozenset(
    [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
    ]
)
_ROLE_WORDS = frozenset(
    [
        "director",
        "directors",
        "actor",
        "actress",
        "actors",
        "actresses",
        "producer",
        "producers",
        "writer",
        "writers",
        "screenwriter",
        "composer",
        "editor",
        "cinematographer",
        "star",
        "stars",
        "presenter",
        "comedian",
        "singer",
        "rapper",
        "filmmaker",
        "novelist",
        "author",
        "executive",
        "co-star",
        "costar",
        "newcomer",
        "veteran",
        "legend",
        "president",
        "chairman",
        "ceo",
    ]
)

_ORG_WORDS = frozenset(
    [
        "pictures",
        "picture",
        "films",
        "film",
        "studios",
        "studio",
        "entertainment",
        "entertainments",
        "productions",
        "production",
        "company",
        "companies",
        "animation",
        "media",
        "group",
        "corporation",
        "corp",
        "corp.",
        "inc",
        "inc.",
        "ltd",
        "ltd.",
        "llc",
        "llc.",
        "records",
        "network",
        "networks",
        "television",
        "tv",
        "releasing",
        "distribution",
        "distributors",
        "features",
        "classics",
        "association",
        "society",
        "foundation",
        "brothers",
        "bros.",
        "partners",
        "ventures",
        "cinema",
        "cinemas",
        "channel",
        "broadcasting",
        "broadcast",
        "workshop",
        "works",
        "holdings",
        "enterprises",
        "international",
        "industries",
        "studios.",
        "arts",
        "house",
        "labs",
        "lab",
        "ministry",
        "council",
        "board",
        "institute",
        "university",
        "bank",
    ]
)


def _names(text: str) -> frozenset[str]:
    return frozenset(" ".join(n.split()) for n in text.split("|") if n.strip())


_KNOWN_ORG_NAMES = _names(
    """lionsgate|lions gate|netflix|paramount|paramount pictures|disney|walt disney|pixar|dreamworks|
    miramax|a24|neon|hbo|amazon|amazon studios|apple|universal|universal pictures|warner bros.|
    warner bros|warner brothers|mgm|metro-goldwyn-mayer|columbia|columbia pictures|sony|
    sony pictures|new line cinema|focus features|searchlight|20th century fox|20th century studios|
    gkids|toho|toei|shochiku|nikkatsu|gaumont|pathé|pathe|studiocanal|canal+|legendary|blumhouse|
    annapurna|skydance|bad robot|lucasfilm|marvel|marvel studios|dc films|touchstone|summit|
    the weinstein company|weinstein company|orion|rko|ufa|cannon|roadside attractions|
    magnolia pictures|ifc films|sony pictures classics|fox searchlight|united artists|
    eros international|yash raj films|t-series|dharma productions|red chillies entertainment|
    golden harvest|shaw brothers|cj entertainment|showbox|studio ghibli|madhouse|aniplex"""
)
_STREAMING = _names(
    """netflix|paramount+|disney+|hulu|amazon prime video|prime video|amazon prime|hbo max|
    apple tv+|apple tv|peacock|mubi|showtime|starz|crunchyroll|tubi|roku channel|youtube|
    youtube premium|britbox|acorn tv|shudder|now tv|zee5|hotstar|disney+ hotstar|jiocinema|
    iqiyi|youku|tencent video|curiositystream|criterion channel"""
)


@dataclass(frozen=True, slots=True)
class NameItem:
    """One name in a list, with the character played when stated, and its span in the list."""

    name: str
    start: int
    end: int
    character: str | None = None


def clean_name(name: str) -> str:
    """Collapse whitespace, drop a leading article or role word ("Director Ray Griggs").

    >>> clean_name("Director  Ray\\nGriggs"), clean_name("the Construction Safety Association")
    ('Ray Griggs', 'Construction Safety Association')
    """
    words = name.replace(",", " ").split()
    while len(words) > 1 and words[0].lower().strip(".") in (_ROLE_WORDS | {"the", "a", "an"}):
        words = words[1:]
    return " ".join(words)


def split_name_list(text: str) -> list[NameItem]:
    """Split a list of names ("A, B and C"), gluing suffixes such as "Jr." to the name before."""
    items: list[NameItem] = []
    for m in _ITEM_RX.finditer(text):
        name = clean_name(m.group("name"))
        if name.lower() in _SUFFIXES and items:
            prev = items[-1]
            items[-1] = NameItem(prev.name + " " + name, prev.start, m.end(), prev.character)
            continue
        char = m.group("char")
        items.append(NameItem(name, m.start("name"), m.end(), clean_name(char) if char else None))
    return items


def _norm(name: str) -> str:
    return " ".join(name.lower().split())


def is_organisation(name: str) -> bool:
    """Does the name look like a company (a known one, or a word such as Pictures, Films, Studio)?"""
    key = _norm(name)
    if key in _KNOWN_ORG_NAMES or key in _STREAMING:
        return True
    return any(w in _ORG_WORDS for w in key.split())


def is_streaming_service(name: str) -> bool:
    """Is the name a known streaming service ("Netflix", "Paramount+")?"""
    key = _norm(name)
    return key in _STREAMING or (key.endswith("+") and len(key) > 2)


def looks_like_person(name: str, *, allow_single: bool = True) -> bool:
    """A plausible person name: not a month, article, pronoun, organisation or a lone initial."""
    words = name.split()
    if not words or len(words) > 6:
        return False
    low = [w.lower().strip(".,") for w in words]
    if low[0] in _STOP_FIRST or any(w in _MONTHS for w in low):
        return False
    if is_organisation(name) or country_name(name) is not None:
        return False
    if any(w.isdigit() for w in low):
        return False
    if len(words) == 1:
        return (
            allow_single and len(words[0]) > 2 and words[0][0].isupper() and not words[0].isupper()
        )
    return True


if __name__ == "__main__":  # pragma: no cover
    for arg in sys.argv[1:]:
        print(split_name_list(arg))
