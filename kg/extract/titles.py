"""Film titles: from the document title, quotes, title patterns, capitalised spans and a gazetteer.

>>> clean_title("Ocean Waves (film)"), clean_title("Heat (1995 film)")
('Ocean Waves', 'Heat')
>>> found = discover_titles("Heat is a 1995 American crime film. It is not Ronin (1998).")
>>> [(t.name, t.year, t.kind) for t in found]
[('Heat', 1995, 'film'), ('Ronin', 1998, 'film')]
"""

# ruff: noqa: RUF001, RUF002, RUF003  (typographic quotes and dashes are data here)

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from ..model import EntityRef, EntityType
from .names import UPPER, is_organisation

__all__ = [
    "CREDIT_EVIDENCE",
    "TITLE",
    "FoundTitle",
    "Gazetteer",
    "clean_title",
    "discover_titles",
    "looks_like_company",
    "title_key",
]

_TW = rf"(?:[{UPPER}\d](?:[\w!?+\-.]|['’](?![sS]\b)(?=\w))*(?<![.]))"
_JOIN_WORDS = r"(?:of|the|a|an|de|du|la|le|les|des|del|da|di|von|van|to|in|and|vs\.?|at|for)"
TITLE = (
    rf"(?:{_TW}(?:(?:[ \t]+|[ \t]*[:–—][ \t]+|[ \t]+-[ \t]+|[ \t]+&[ \t]+|:[ \t]*)"
    rf"(?:{_JOIN_WORDS}[ \t]+)*{_TW})*)"
)
"""Regex source of a title-like capitalised span ("Mission: Impossible – Dead Reckoning Part One")."""

_YEAR = r"(?:18[89]\d|19\d\d|20\d\d)"
_FILM_NOUN = (
    r"(?:film|movie|motion\s+picture|picture|feature|documentary|sequel|prequel|remake|"
    r"blockbuster|thriller|comedy|drama|western|musical|biopic|animated\s+film|short)"
)
_NOT_A_FILM = (
    r"(?!\s+(?:director|producer|actor|actress|critic|editor|composer|maker|writer|"
    r"screenwriter|distributor|studio|company|companies|production|distribution|festival|"
    r"industry|historian|scholar|star|executive|and|or|&)s?\b)"
)
"""After a film noun: "an American film director" / "a film production company" is no film."""
_DET = r"(?:the|a|an|his|her|their|its|our|this|that|[\w.]+['’]s)"
_PAREN_ALIAS = r"(?:\s*\((?P<alias>[^()]{0,120})\))?"

_ANCHOR = r"(?:^|(?<=[.!?]\s)|(?<=\n))"
_SENTENCE_START = re.compile(rf"{_ANCHOR}\s*(?=[{UPPER}\d“\"‘])")
_CLAUSE_START = re.compile(
    r"\b(?:announced|announces|confirmed|confirms|revealed|reveals|said|says|reported|stated)"
    rf"\s+that\s+(?=[{UPPER}\d“\"‘])"
)
"""A reported clause starts like a sentence: "Bluefern Studios announced that Tidewater, directed by"."""
_YEAR_PAREN = re.compile(rf"\s*\((?P<year>{_YEAR})(?:\s+film)?\)")
_TITLE_END = re.compile(rf"(?P<title>{TITLE})$")

_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    # "the 2000 film Crouching Tiger", "his 1918 film The Bell Boy", "the movie Super Capers"
    (
        "film",
        re.compile(
            rf"\b(?i:{_DET})\s+(?:(?P<year>{_YEAR})\s+)?(?:[\w'’-]+\s+){{0,3}}?"
            rf"(?:film|movie|documentary|feature|picture)[ \t]+(?P<title>{TITLE})"
        ),
    ),
    # "Ronin (1998)", "Rani Saheba (1930 film)": found from the year backwards (see below)
    ("film", _YEAR_PAREN),
    # "Heat is a 1995 American crime film", "Vase de Noces (also known as ...) a 1974 film"
    (
        "film",
        re.compile(
            rf"(?P<title>{TITLE}){_PAREN_ALIAS}"
            rf"(?:,\s*(?i:also\s+known\s+as)[^,]{{0,80}},)?"
            rf"(?:\s+(?:is|was)|(?<=\)))\s+an?\s+(?:(?P<year>{_YEAR})\s+)?"
            rf"(?:[\w'’-]+\s+){{0,6}}?{_FILM_NOUN}s?\b{_NOT_A_FILM}"
        ),
    ),
    # sentence-initial subject of a film cue: "Heat, directed by", "Heat was directed by", "Heat stars"
    (
        "film",
        re.compile(
            rf"(?P<title>{TITLE}){_PAREN_ALIAS}"
            r"(?:,\s+|\s+(?:was|is|has\s+been|had\s+been|will\s+be)\s+)(?i:directed|co-directed|written|"
            r"produced|executive\s+produced|edited|distributed|released)\s+(?:by|on|in)\b"
            rf"|(?P<title2>{TITLE})\s+(?:stars|starred|co-stars)\s+[{UPPER}]"
        ),
    ),
    # "The Long Shore is the sequel to ...": a sentence subject that is a sequel or remake
    (
        "film",
        re.compile(
            rf"(?P<title>{TITLE})\s+(?:is|was)\s+(?:also\s+)?(?:a|an|the)\s+"
            r"(?:direct\s+|loose\s+|\w+\s+)?(?:sequel|prequel|remake|follow-up)\s+(?:to|of)\b"
        ),
    ),
    # "the release of Top Gun: Maverick", "the first teaser for X", "a sequel to X"
    (
        "film",
        re.compile(
            rf"\b(?i:release|premiere|teaser|trailer|sequel|prequel|remake|reboot|"
            rf"follow-up|screening|box\s+office)\s+(?i:of|for|to)\s+"
            rf"(?:(?i:the)\s+(?:(?P<year>{_YEAR})\s+)?(?i:film|movie)\s+)?(?P<title>{TITLE})"
        ),
    ),
    # appositive: "A sequel, Änglagård – andra sommaren, was produced in 1994."
    (
        "film",
        re.compile(
            r"\b(?i:a|the|its)\s+(?:(?i:second|third|fourth|direct|first)\s+)?"
            r"(?i:sequel|prequel|follow-up|remake|spin-off)s?,\s+"
            rf"(?P<title>[{UPPER}][^,;()]{{0,80}}?),\s"
        ),
    ),
    # "followed by two sequels, Salt River and ...", "followed by a sequel titled Salt River"
    (
        "film",
        re.compile(
            r"\b(?i:followed)\s+by\s+(?i:a|the|an|one|two|three|four)\s+(?:\w+\s+)?"
            r"(?i:sequels?|follow-ups?|prequels?)\s*,?\s+(?:(?i:titled|called|entitled)\s+)?"
            rf"(?P<title>{TITLE})"
        ),
    ),
    # quoted titles
    ("film", re.compile(r"[“\"‘](?P<title>[^“”\"‘’\n]{1,80}?)[”\"’]")),
    # "the Mission: Impossible movies", "the Fast & Furious franchise"
    (
        "series",
        re.compile(
            rf"\b(?i:the)\s+(?P<title>{TITLE})\s+(?i:movies|films|franchise|film\s+series|"
            r"movie\s+series|saga|trilogy|series)\b"
        ),
    ),
]

_ANCHORED = frozenset({2, 3, 4})
"""Indexes of the patterns that only match at the start of a sentence."""

_EVIDENCE = (2, 2, 3, 3, 2, 1, 1, 1, 1, 0)
"""How strongly each pattern says its span is a film: 3 for a sentence subject with its own
credits ("X, directed by", "X stars", "X is a 1995 film"), 2 for "the film X", "X (1995)" and
"X is the sequel to", 1 for the rest."""

_MARKED = frozenset({0, 1, 2, 8})
"""Patterns that mark a film whatever the span looks like: "the film X", "X (1995)",
"X is a 1988 animated film", quotes."""

CREDIT_EVIDENCE = 3
""":attr:`FoundTitle.evidence` of a title that is the subject of its own credits."""

_COMPANY_LAST = frozenset(
    [
        "pictures",
        "films",
        "studios",
        "studio",
        "entertainment",
        "productions",
        "releasing",
        "distribution",
        "distributors",
        "media",
        "inc",
        "inc.",
        "ltd",
        "ltd.",
        "llc",
        "llc.",
        "company",
        "corporation",
        "corp",
        "corp.",
        "group",
        "holdings",
        "ventures",
        "enterprises",
        "animation",
    ]
)
_CORPORATE_VERB = (
    r"(?:,[^,]{1,60},)?\s+(?:(?:has|have)\s+(?:\w+ly\s+)?(?:announced|confirmed|acquired|"
    r"greenlit|greenlighted|signed|hired|partnered|unveiled)"
    r"|(?:\w+ly\s+)?(?:announces|announced|confirms|greenlights|greenlit|unveils|acquires|hires)"
    r"|(?:confirmed|acquired)\s+(?:that|the\s+(?:rights|distribution))"
    r"|said\s+in\s+a\s+statement)\b"
)
"""After a company's name: "has confirmed", "announced", "acquired the rights" (not a film's verbs)."""

_FILM_NOUNS = (
    "film",
    "movie",
    "documentary",
    "feature",
    "picture",
    "sequel",
    "prequel",
    "remake",
    "thriller",
    "comedy",
    "drama",
    "western",
    "musical",
    "biopic",
    "short",
    "blockbuster",
)
_TRIGGERS: list[tuple[str, ...]] = [
    ("film", "movie", "documentary", "feature", "picture"),
    ("(1", "(2"),
    _FILM_NOUNS,
    ("directed", "written", "produced", "edited", "distributed", "released", "stars", "starred"),
    ("sequel", "prequel", "remake", "follow-up"),
    (
        "release",
        "premiere",
        "teaser",
        "trailer",
        "sequel",
        "prequel",
        "remake",
        "reboot",
        "follow-up",
        "screening",
        "box office",
    ),
    ("sequel", "prequel", "follow-up", "remake", "spin-off"),
    ("followed",),
    ('"', "“", "‘"),
    ("movies", "films", "franchise", "series", "saga", "trilogy"),
]
_BAD_TITLES = frozenset(
    [
        "the",
        "a",
        "an",
        "it",
        "its",
        "this",
        "that",
        "he",
        "she",
        "they",
        "we",
        "i",
        "you",
        "in",
        "on",
        "at",
        "of",
        "and",
        "or",
        "but",
        "following",
        "during",
        "after",
        "before",
        "when",
        "while",
        "since",
        "there",
        "here",
        "what",
        "who",
        "why",
        "how",
    ]
)
_BAD_LAST = frozenset(
    [
        "festival",
        "awards",
        "award",
        "prize",
        "ceremony",
        "university",
        "school",
        "college",
        "street",
        "road",
        "museum",
    ]
)
_TRAILING_JUNK = re.compile(r"(?:[\s,;:–—-]+|\s+(?:and|of|the|in|at|for|to))+$")


@dataclass(frozen=True, slots=True)
class FoundTitle:
    """A title found in text: ``kind`` is ``"film"`` or ``"series"``."""

    name: str
    kind: str
    year: int | None = None
    aliases: tuple[str, ...] = ()
    evidence: int = 0
    """How strongly the text says this is a film (:data:`CREDIT_EVIDENCE` at most)."""


def title_key(name: str) -> str:
    """Key under which two spellings of a title are the same (case, spaces, dashes folded).

    >>> title_key("Mission: Impossible - Dead Reckoning") == title_key("mission: impossible – dead  reckoning")
    True
    """
    return " ".join(re.sub(r"[–—-]", "-", name).lower().split())


def clean_title(title: str) -> str:
    """Strip an encyclopedia disambiguator ("(film)", "(2016 film)") and surrounding space."""
    return re.sub(r"\s*\((?:\d{4}\s+)?(?:[\w ]+\s+)?(?:film|movie)\)\s*$", "", title).strip()


def looks_like_company(name: str, text: str = "") -> bool:
    """Is ``name`` a company rather than a film: it ends in a company designator ("Northlight
    Pictures", "Bluefern Studios", "Kestrel Media Ltd."), or ``text`` makes it the subject of a
    corporate verb ("Harrow has announced", "Harrow acquired the rights")?

    >>> looks_like_company("Northlight Pictures"), looks_like_company("The Company")
    (True, False)
    >>> looks_like_company("Harrow", "Harrow has confirmed a sequel."), looks_like_company("Harrow")
    (True, False)
    """
    words = name.split()
    if (
        len(words) >= 2
        and words[-1].lower().strip(",") in _COMPANY_LAST
        and words[-2].lower() not in _BAD_TITLES
    ):
        return True
    if not text or name not in text:
        return False
    rx = re.compile(r"(?<![\w])" + re.escape(name) + _CORPORATE_VERB)
    return rx.search(text) is not None


def _good_title(name: str) -> bool:
    words = name.split()
    if not words or len(words) > 12 or len(name) < 2:
        return False
    if words[0].lower() in _BAD_TITLES and len(words) == 1:
        return False
    if not (name[0].isupper() or name[0].isdigit()):
        return False
    if words[-1].lower() in _BAD_LAST:
        return False
    return not name.isdigit()


def _aliases(text: str | None) -> tuple[str, ...]:
    if not text:
        return ()
    text = re.sub(
        r"^\s*(?:also\s+(?:known|released)\s+as|a\.?k\.?a\.?|lit\.|English:)\s*", "", text
    )
    parts = re.split(r"\s*(?:,|;|\bor\b|\band\b)\s*", text)
    return tuple(p.strip() for p in parts if p.strip() and _good_title(p.strip()))


def discover_titles(text: str, known: Iterable[str] = ()) -> list[FoundTitle]:
    """Titles a reader recognises from their context in ``text`` (in order of first mention).

    ``known`` titles (and the part of each before a colon) that start where a found title starts
    extend it: with "Crouching Tiger, Hidden Dragon: Sword of Destiny" known, "the 2000 film
    Crouching Tiger, Hidden Dragon" gives "Crouching Tiger, Hidden Dragon", not "Crouching Tiger".
    """
    prefixes: list[str] = []
    for k in known:
        prefixes.append(k)
        if ":" in k:
            head = k.split(":", 1)[0].strip()
            if len(head.split()) >= 2:
                prefixes.append(head)
    prefixes.sort(key=len, reverse=True)
    found: dict[tuple[str, str], FoundTitle] = {}
    order: list[tuple[str, str]] = []
    marked: set[tuple[str, str]] = set()
    lower = text.lower()
    starts: list[int] | None = None
    for i, ((kind, rx), triggers) in enumerate(zip(_PATTERNS, _TRIGGERS, strict=True)):
        if not any(t in lower for t in triggers):
            continue
        if i in _ANCHORED:
            if starts is None:
                starts = [m.end() for m in _SENTENCE_START.finditer(text)]
                if "that" in lower:
                    starts += [m.end() for m in _CLAUSE_START.finditer(text)]
            matches = [m for m in (rx.match(text, pos) for pos in starts) if m is not None]
        else:
            matches = list(rx.finditer(text))
        for m in matches:
            groups = dict(m.groupdict())
            if rx is _YEAR_PAREN:
                before = _TITLE_END.search(text, max(0, m.start() - 100), m.start())
                if before is None:
                    continue
                groups["title"] = before.group("title")
            name = groups.get("title") or groups.get("title2")
            if not name:
                continue
            name = _TRAILING_JUNK.sub("", name.strip())
            tstart = (
                text.rfind(name, 0, m.end())
                if rx is _YEAR_PAREN
                else (m.start("title") if groups.get("title") else m.start("title2"))
            )
            for pre in prefixes:
                if len(pre) > len(name) and text.startswith(pre, tstart):
                    after = text[tstart + len(pre) : tstart + len(pre) + 1]
                    if not after or not after.isalnum():
                        name = pre
                        break
            if rx.pattern.startswith("[“"):
                # quoted: only short, title-cased phrases, not quoted speech
                words = name.split()
                caps = sum(1 for w in words if w[:1].isupper() or w[:1].isdigit())
                if len(words) > 8 or caps * 2 < len(words) or name[-1] in ".,;:":
                    continue
            if not _good_title(name):
                continue
            if kind == "series" and is_organisation(name):
                continue
            year_text = groups.get("year")
            year = int(year_text) if year_text else None
            key = (title_key(name), kind)
            aliases = _aliases(groups.get("alias"))
            if i in _MARKED:
                marked.add(key)
            if key in found:
                old = found[key]
                found[key] = FoundTitle(
                    old.name,
                    kind,
                    old.year or year,
                    tuple(dict.fromkeys(old.aliases + aliases)),
                    max(old.evidence, _EVIDENCE[i]),
                )
            else:
                found[key] = FoundTitle(name, kind, year, aliases, _EVIDENCE[i])
                order.append(key)
    # a company ("Northlight Pictures has confirmed ...") is no film unless the text marks it one
    order = [
        k
        for k in order
        if k in marked or k[1] != "film" or not looks_like_company(found[k].name, text)
    ]

    # order by first mention in the text
    def first_pos(k: tuple[str, str]) -> int:
        pos = text.find(found[k].name)
        return pos if pos >= 0 else len(text)

    return [found[k] for k in sorted(order, key=first_pos)]


@dataclass
class Gazetteer:
    """Known names (from the graph or a table) that extraction may recognise in text.

    >>> g = Gazetteer.from_refs([EntityRef(EntityType.FILM, "Heat", year=1995)])
    >>> g.film("heat").year
    1995
    """

    films: dict[str, EntityRef] = field(default_factory=dict)
    people: dict[str, EntityRef] = field(default_factory=dict)
    organisations: dict[str, EntityRef] = field(default_factory=dict)
    series: dict[str, EntityRef] = field(default_factory=dict)

    @classmethod
    def from_refs(cls, refs: Iterable[EntityRef]) -> Gazetteer:
        """Build a gazetteer from entity references (names and aliases are both indexed)."""
        g = cls()
        for ref in refs:
            g.add(ref)
        return g

    def add(self, ref: EntityRef) -> None:
        """Index ``ref`` under its name and aliases."""
        if ref.type is EntityType.FILM:
            table = self.films
        elif ref.type is EntityType.FILM_SERIES:
            table = self.series
        elif ref.type is EntityType.PERSON:
            table = self.people
        elif ref.type is EntityType.COUNTRY:
            return
        else:
            table = self.organisations
        for name in (ref.name, *ref.aliases):
            table.setdefault(title_key(name), ref)

    def film(self, name: str) -> EntityRef | None:
        """The known film called ``name`` (any case/spacing), else ``None``."""
        return self.films.get(title_key(name))

    def find_films(self, text: str) -> list[EntityRef]:
        """Known films whose title occurs in ``text`` as a capitalised span (word-bounded)."""
        out: dict[str, EntityRef] = {}
        for m in re.finditer(TITLE, text):
            span = m.group(0)
            words = span.split()
            # try every sub-span that starts at a word of the capitalised run
            for i in range(len(words)):
                for j in range(len(words), i, -1):
                    cand = title_key(" ".join(words[i:j]))
                    ref = self.films.get(cand)
                    if ref is not None and (j - i >= 2 or (len(cand) >= 6 and j - i == len(words))):
                        out.setdefault(title_key(ref.name), ref)
                        break
        return list(out.values())
