"""``rules.v1``: cue-phrase rules over a blank spaCy pipeline (offline, deterministic).

Each sentence is read for cue phrases ("directed by", "X directed", "starring", "X is the
director of Y", "released on DATE", "a 1974 Belgian film", "the sequel to", ...).  The film a cue
is about is the nearest film mention before it in the sentence (a known or discovered title, or
"the film"/"it" meaning the film the article is about), else the film after it, else the article's
film.  Short names resolve to the full names used elsewhere in the article; names that could be
several people are kept as written and marked ``ambiguous``.

>>> from kg.model import Document
>>> doc = Document("d1", "Heat is a 1995 American crime film directed by Michael Mann. "
...                "It stars Al Pacino as Vincent Hanna and Robert De Niro.", title="Heat")
>>> for f in extract(doc):
...     obj = f.object.name if hasattr(f.object, "name") else f.object.text
...     print(f.relation.value, obj, f.character)
director Michael Mann None
release_date 1995 None
country United States None
cast_member Al Pacino Vincent Hanna
cast_member Robert De Niro None
"""

# ruff: noqa: RUF001  (typographic quotes and dashes are data here)

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

from ..model import Document, EntityRef, EntityType, Evidence, Fact, Relation, Value, ValueType
from .coref import ANAPHOR, PersonIndex
from .countries import DEMONYMS, country_name
from .dates import find_dates, is_planned
from .names import (
    LIST,
    NAME,
    UPPER,
    clean_name,
    is_organisation,
    is_streaming_service,
    looks_like_person,
    split_name_list,
)
from .pipeline import sentences
from .titles import (
    CREDIT_EVIDENCE,
    Gazetteer,
    clean_title,
    discover_titles,
    looks_like_company,
    title_key,
)

__all__ = ["EXTRACTOR_NAME", "extract"]

EXTRACTOR_NAME = "rules.v1"

R = Relation
_PERSON, _ORG, _PERSON_OR_ORG, _ANY = "person", "org", "person_or_org", "any"

_DESC = (
    r"(?:(?:[Tt]he|both|actors?|actress(?:es)?|presenter|comedian|singer|rapper|musician|"
    r"infamous|famous|legendary|veteran|newcomer|late|former|director|filmmaker|writer|"
    r"screenwriter|novelist|author|producer|public|companies|company|studio|studios|"
    r"distributors?|independent|production|newcomers|co-stars?|stars?)\s*,?\s+)"
)


@dataclass
class _FilmInfo:
    name: str
    kind: str = "film"
    year: int | None = None
    aliases: list[str] = field(default_factory=list)
    evidence: int = 0


@dataclass
class _Raw:
    subj: str  # key of a film in the context
    relation: Relation
    kind: str  # person | org | film | series | country | date | year | platform
    obj: str
    sent: tuple[int, int, str]
    conf: float
    character: str | None = None
    planned: bool = False
    platform: str | None = None
    region: str | None = None
    org_type: EntityType = EntityType.ORGANIZATION
    ambiguous: bool = False
    home_media: bool = False
    fallback: bool = False  # kept only when no other release of the film is stated


@dataclass
class _Ctx:
    doc: Document
    films: dict[str, _FilmInfo]
    film_rx: re.Pattern[str] | None
    alias_to_key: dict[str, str]
    main: str | None
    persons: PersonIndex
    sequels: list[str] = field(default_factory=list)
    alias_cache: dict[str, tuple[str, ...]] = field(default_factory=dict)


# ---------------------------------------------------------------- compiled patterns


def _c(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


_AFTER_CUES: list[tuple[str, tuple[Relation, ...], str, float]] = [
    (r"(?i:executive[\s-]+produced\s+by)", (R.EXECUTIVE_PRODUCER,), _PERSON, 0.9),
    (
        r"(?<![Ee]xecutive )(?<![Ee]xecutive-)(?i:co-?produced|produced)\s+(?:and\s+financed\s+)?by",
        (R.PRODUCER,),
        _PERSON_OR_ORG,
        0.9,
    ),
    (
        r"(?i:co-?directed|directed|helmed)\s+by|(?i:direction)\s+(?:is\s+|was\s+)?by",
        (R.DIRECTOR,),
        _PERSON,
        0.95,
    ),
    (
        r"(?i:co-?written|written|penned|scripted)\s+by"
        r"|(?i:screenplay|script|teleplay)\s+(?:is\s+|was\s+)?(?:(?:co-)?written\s+)?by"
        r"|(?<!\bnovel )(?<!\bbook )(?i:adapted)\s+(?:for\s+the\s+(?:screen|film)\s+)?by",
        (R.SCREENWRITER,),
        _PERSON,
        0.9,
    ),
    (
        r"(?i:music|score|soundtrack|songs)\s+(?:(?:is|was|are|were)\s+)?(?:(?:composed|written|provided|created)\s+)?by"
        r"|(?i:score|music|soundtrack)s?\b[^.;]{0,40}?\b(?:composed|scored|provided)\s+by",
        (R.COMPOSER,),
        _PERSON,
        0.85,
    ),
    (
        r"(?i:cinematography|photography)\s+(?:(?:is|was)\s+)?by"
        r"|(?i:director\s+of\s+photography)\s+(?:is|was)"
        r"|(?i:photographed|lensed)\s+by",
        (R.CINEMATOGRAPHER,),
        _PERSON,
        0.85,
    ),
    (r"(?i:edited|editing)\s+(?:(?:is|was)\s+)?by", (R.EDITOR,), _PERSON, 0.9),
    (
        r"(?i:distributed|distribution)\s+(?:(?:is|was)\s+)?(?:(?:both|also|jointly)\s+)?by",
        (R.DISTRIBUTOR,),
        _ORG,
        0.9,
    ),
    (
        r"(?i:released|distributed)\s+(?:theatrically\s+|worldwide\s+)?by",
        (R.DISTRIBUTOR,),
        "org_only",
        0.8,
    ),
    (r"(?i:animated)\s+by", (R.PRODUCTION_COMPANY,), "org_only", 0.8),
    (
        r"\bunder\s+(?:his|her|their|its|the)\s+(?:own\s+)?(?:banner|production\s+company|company)\s*,?",
        (R.PRODUCTION_COMPANY,),
        _ORG,
        0.85,
    ),
    (
        r"(?i:co-?starring|starring|also\s+starring)"
        r"|(?<!\b[Tt]he )(?<!\b[Ii]ts )(?<!\b[Aa] )(?i:co-?stars|stars|starred|co-?starred|will\s+star|also\s+stars)(?!\s+(?:in|as|of|on|at|for)\b)"
        r"|(?<=[Ff]ilm )features|(?<=[Mm]ovie )features|(?<=[Ii]t )features|featuring"
        r"|(?i:the\s+)?(?i:cast)\s+(?:also\s+)?(?:includes|included|include|features|featured|consists\s+of|comprises|comprised)"
        r"|(?i:cast\s+members?)\s+(?:include|included|includes|are|were)",
        (R.CAST_MEMBER,),
        _PERSON,
        0.9,
    ),
]

_COMPOUND = _c(
    r"\b(?P<v1>directed|written|co-written|produced|edited)(?:\s+and\s+|\s*/\s*)"
    r"(?P<v2>directed|written|co-written|produced|edited)\s+by\s+"
    rf"(?:{_DESC})*(?P<list>{LIST})"
)
_VERB_REL = {
    "directed": R.DIRECTOR,
    "written": R.SCREENWRITER,
    "co-written": R.SCREENWRITER,
    "wrote": R.SCREENWRITER,
    "produced": R.PRODUCER,
    "edited": R.EDITOR,
}

_BEFORE_CUES: list[tuple[str, tuple[Relation, ...], str, int]] = [
    (
        r"(?:co-)?wrote\s+and\s+directed|directed\s+and\s+(?:co-)?wrote",
        (R.SCREENWRITER, R.DIRECTOR),
        _PERSON,
        70,
    ),
    (r"(?:co-)?directed|helmed", (R.DIRECTOR,), _PERSON, 70),
    (r"(?:co-)?wrote|penned|scripted", (R.SCREENWRITER,), _PERSON, 70),
    (r"edited", (R.EDITOR,), _PERSON, 70),
    (r"executive[\s-]produced", (R.EXECUTIVE_PRODUCER,), _PERSON, 70),
    (r"(?<!executive )(?:co-)?produced", (R.PRODUCER,), _PERSON_OR_ORG, 70),
    (r"distributed|released", (R.DISTRIBUTOR,), "org_only", 70),
    (
        r"composed\s+the\s+(?:film['’]s\s+|movie['’]s\s+|original\s+)?(?:music|score|soundtrack)(?:\s+(?:for|of|to))?|scored",
        (R.COMPOSER,),
        _PERSON,
        70,
    ),
    (
        r"(?:stars|starred|starring|co-stars|co-starred|appears|appeared|featured|features|acted|performed|played|plays)\s+in"
        r"|(?:has|had|have|got|landed|played|plays)\s+(?:a|the|an)\s+(?:[\w-]+\s+){0,2}?roles?\s+in"
        r"|play(?:s|ed)?\s+(?:[\w-]+\s+){0,2}?roles\s+in"
        r"|(?:was|were)\s+one\s+of\s+the\s+(?:main\s+|lead\s+)?stars\s+(?:of|in)"
        r"|(?:is|was|were|are)\s+(?:also\s+)?(?:starring\s+)?in"
        r"|(?:both|also)\s+starred\s+in|(?:have|has)\s+(?:both\s+|also\s+)?starred\s+in",
        (R.CAST_MEMBER,),
        _PERSON,
        45,
    ),
]

_ROLE_NOUNS: list[tuple[str, Relation]] = [
    (r"directors?\s+of\s+photography|cinematographers?|cameraman", R.CINEMATOGRAPHER),
    (r"executive\s+producers?", R.EXECUTIVE_PRODUCER),
    (r"co-?directors?|directors?", R.DIRECTOR),
    (r"co-?producers?|producers?", R.PRODUCER),
    (r"(?:screen|script)?writers?|co-?writers?|screenwriters?", R.SCREENWRITER),
    (r"composers?", R.COMPOSER),
    (r"(?:film\s+)?editors?", R.EDITOR),
    (r"distributors?", R.DISTRIBUTOR),
    (r"(?:star|lead|main|leading)\s+(?:actor|actress)|stars?|leads?|protagonist", R.CAST_MEMBER),
]
_ROLE_ALT = "|".join(f"(?P<r{i}>{p})" for i, (p, _) in enumerate(_ROLE_NOUNS))
_ROLE_MODS = r"(?:(?:film['’]s|movie['’]s|main|lead|principal|chief|sole|credited|film|movie|co-|original)\s+)*"

# "X is the director of Y", "X served as a distributor for the film Y", "X was the film editor"
_COPULA = _c(
    r"\s+(?:is|was|are|were|(?P<served>served\s+as|serves\s+as|acted\s+as|will\s+serve\s+as))\s+(?:also\s+)?"
    rf"(?:(?P<det>the|a|an|one\s+of\s+the)\s+)?{_ROLE_MODS}(?:{_ROLE_ALT})\b"
    r"(?P<of>\s+(?:of|for|on)\s+)?"
)
# "The director was John Sebert", "Distributor of the movie Super Capers is Roadside Attractions"
_ROLE_IS = _c(
    rf"(?P<pre>(?:^|\b(?:[Tt]he|[Ii]ts|[\w:’'&-]+['’]s?)\s+)){_ROLE_MODS}(?:{_ROLE_ALT})"
    r"(?:\s+actor|\s+actress)?(?P<of>\s+(?:of|for)\s+[^,;]{0,70}?)?"
    rf"\s+(?:is|was|are|were|includes?|included)\s+(?:{_DESC})*(?P<list>{LIST})"
)
_ROLE_START = _c(
    r"(?:Executive|Directors?|Producers?|Co-producers?|Screenwriters?|Writers?|Composers?|"
    r"Cinematographers?|Editors?|Distributors?|Principal|Original|Main|Lead|Chief)\b"
)
# appositive role: "Lionsgate, the distributor of the movie Y,", "Ann Lee, the film's composer,"
_APPOS_ROLE = _c(
    rf"(?P<list>{NAME}),\s+(?:(?P<det>the|its|a|an|one\s+of\s+the)\s+)(?P<own>film['’]s\s+|movie['’]s\s+)?"
    rf"(?:(?:main|lead|principal|chief|sole|credited|original|co-)\s+)*(?:{_ROLE_ALT})\b"
    r"(?:\s+(?P<of>of|for|on)\s+(?:the\s+)?(?:(?:1[89]\d\d|20\d\d)\s+)?(?:film|movie)?\s*)?"
)
_WITH_AS = _c(
    rf"\bwith\s+(?P<list>{LIST})\s+as\s+(?:the\s+|an?\s+)?(?:film['’]s\s+)?(?:{_ROLE_ALT})\b"
)
_RELEASE = _c(
    r"\b(?P<cue>(?:re-?)?released|premiered|premieres|opened|opens|debuted|debuts|first\s+aired|aired|"
    r"hit\s+(?:theaters|theatres|cinemas)|(?:release|premiere)\s+date\s+(?:is|was|of)|"
    r"(?:slated|scheduled|set|due)\s+(?:for\s+)?(?:a\s+|an\s+|its\s+)?(?:theatrical\s+|wide\s+|limited\s+)?release|"
    r"release\s+(?=on|in))\b"
)
# "A sequel, Y, was produced in 1994": the year a film was made, a release year when no other
# release of that film is stated
_MADE_IN = _c(
    r"\b(?:was|were)\s+(?:produced|made|completed)\s+in\s+(?P<year>1[89]\d\d|20\d\d)\b(?!\s*[-–])"
)
_RELEASE_STRONG = re.compile(r"released|premiered|premieres|release")
_RELEASE_BAD_GAP = re.compile(
    r"\b(?:after|before|since|than|until|following|born|died|when|while|because|but|ago|years?)\b|[;:(]"
)
_HOME_MEDIA = _c(r"\b(?:DVD|Blu-ray|VHS|LaserDisc|home\s+video|home\s+media|4K|Ultra\s+HD)\b")
_REGION = _c(rf"\bin\s+(?:the\s+)?(?P<region>[{UPPER}][\w.]*(?:\s+[{UPPER}][\w.]*)*)")
_YEAR_FILM = _c(
    r"(?:\b(?:is|was)\s+|\)\s*|,\s*)an?\s+(?:(?P<year>1[89]\d\d|20\d\d)\s+)?"
    r"(?P<mods>(?:[\w'’-]+\s+){0,7}?)(?:film|movie|motion\s+picture|documentary|miniseries|short|"
    r"(?:international\s+)?co-?production)\b"
)
_FILM_WORD = _c(r"\b(?:film|movie|motion\s+picture|documentary|miniseries|short|co-?production)\b")
_YEAR_BEFORE_TITLE = _c(r"\b(?P<year>1[89]\d\d|20\d\d)\s+(?:[\w-]+\s+){0,2}?(?:film|movie)\s+$")
_YEAR_AFTER_TITLE = _c(r"^\s*\((?P<year>1[89]\d\d|20\d\d)(?:\s+film)?\)")
_SEQUEL_TO = _c(
    r"\b(?:is|was)\s+(?:also\s+)?(?:a|the)\s+(?:direct\s+|\w+\s+)?(?P<kind>sequel|prequel|follow-up)\s+to\s+"
    r"(?:the\s+(?:\d{4}\s+)?(?:film|movie)\s+)?$"
)
_SEQUEL_APPOS = _c(
    r"\b(?:[Aa]|[Tt]he|[Ii]ts)\s+(?P<nth>(?:second|third|fourth|direct|first)\s+)?(?P<kind>sequel|prequel),\s+$"
)
_FOLLOWED_BY = _c(
    r"^\s+(?:was|is|will\s+be)\s+followed\s+by\s+(?:a\s+sequel,?\s+|the\s+sequel,?\s+)?$"
)
# "X is the first installment of the series and was followed by Y", "It was followed by two
# sequels, Y (1998) and Z": Y follows the film named before the cue
_FOLLOWED_BY_ANY = _c(
    r"\b(?:was|is|has\s+been|will\s+be)\s+(?:later\s+|then\s+|subsequently\s+)?followed\s+by\s+"
    r"(?:(?:a|the|an|one|two|three|four|several)\s+(?:direct\s+|theatrical\s+|feature[\s-]length\s+)?"
    r"(?:sequels?|follow-ups?|films?|movies?)\s*,?\s+(?:titled\s+|called\s+|entitled\s+)?)?$"
)
_POSSESSIVE = _c(
    rf"(?P<name>{NAME})['’]s\s+(?:(?:\d{{4}}|new|latest|first|last|debut)\s+)?(?:film|movie)\s+$"
)
_FROM_ORG = _c(
    rf"\b(?:film|movie|feature|picture|comedy|drama|thriller|sequel|blockbuster)s?,?\s+from\s+(?P<list>{LIST})"
)
_PLATFORM = _c(
    rf"\b(?:release|premiere|debut|arrival)\s+of\s+(?P<film>\S.{{0,80}}?)\s+on\s+(?P<p>{NAME})"
    rf"|\b(?:streaming|streams|available\s+to\s+stream|available|premiered|premieres|debuted|debuts|arrives|lands|landed)\s+on\s+(?P<p2>{NAME})"
)
_ALONG = _c(rf"\b(?:along\s+with|alongside|opposite)\s+(?P<list>{LIST})")
_ROLE_WORDS_LOWER = (
    "director",
    "producer",
    "writer",
    "editor",
    "composer",
    "cinematographer",
    "photography",
    "distributor",
    "star",
    "lead",
    "actor",
    "actress",
    "protagonist",
    "cameraman",
)
_PLAYS = _c(r"\b(?:plays|played|portrays|portrayed|voices|voiced)\b")
_CASTISH = _c(r"\b(?:star\w*|roles?|appear\w*|play\w*|cast|acts?|acted|acting|lead)\b")
_CHAR_ACTIVE = _c(
    rf"(?P<list>{NAME})\s+(?:plays|played|portrays|portrayed|voices|voiced)\s+(?P<char>{NAME})(?:\s+in\s+)?"
)
_APPOS = _c(
    r",\s+(?:who|which|whose|founded|born|married|located|based|a|an|known|now|then|later|once|"
    r"aged|himself|herself|also)\b(?:[^,.;]|\.(?=\S)|(?<=\b[A-Z])\.)*,"
)
_BAD_SUBJECT_NOUNS = _c(
    r"\b(?:song|single|album|novel|book|play|poem|comic|story|stories|episode|article|biography|"
    r"memoir|opera|game|series|show|track|lyrics)s?\s*,?\s+(?:(?:is|was|were|are|has\s+been|had\s+been)\s+)?"
    r"(?:\w+ly\s+)?$"
)
# "the soundtrack was written by X": the music's writer, not the film's screenwriter
_MUSIC_SUBJECT = _c(
    r"\b(?:score|soundtrack|music|songs?|theme|lyrics|jingle)s?\s*,?\s+"
    r"(?:(?:is|was|were|are|has\s+been|had\s+been)\s+)?(?:\w+ly\s+)?$"
)
# "X wrote the score": the object after an active cue names the credit ("screenplay", "music")
_CUE_OBJECT = _c(
    r"\s+(?:the\s+|its\s+|an?\s+)?(?:(?:film['’]s|movie['’]s|original|background|musical|entire|"
    r"whole)\s+)*(?:(?P<music>score|music|soundtrack)|(?P<song>songs?|theme|lyrics|title\s+song)|"
    r"(?P<script>screenplay|script|teleplay)|(?P<film>film|movie|picture))\b"
)
# "produced by A and B for Z Pictures": Z is the production company
_PRODUCED_FOR = _c(
    rf"\b(?:co-)?produced\s+by\s+(?:[^.;()]{{1,80}}?)\s+for\s+(?:the\s+)?(?P<list>{LIST})"
)
# "a Z Pictures production", "a joint production of A and B", "a co-production between A and B"
_A_PRODUCTION = _c(
    rf"\b(?:an?|the)\s+(?P<list>{LIST})\s+(?:co-)?production\b(?!\s+(?:company|designer|of|on))"
)
_PRODUCTION_OF = _c(
    r"\b(?:(?:an?|the)\s+)?(?:\w+\s+){0,2}?(?:joint\s+production|co-production|coproduction)s?\s+"
    rf"(?:of|between|by|from|with)\s+(?:the\s+)?(?P<list>{LIST})"
)
# "Lisa Tran's score", "with music by" is a cue; the possessive needs a person's full name
_POSSESSIVE_MUSIC = _c(
    rf"(?P<name>{NAME})['’]s?\s+(?:(?:original|orchestral|musical|electronic|jazz|acclaimed|"
    r"memorable|haunting|Oscar-winning|Academy\s+Award-winning)\s+)*(?:score|music|soundtrack)\b"
)
# "Blue Harbor is a 1994 French film by Ken Moor": the auteur credit of encyclopedia leads
_FILM_BY = _c(
    r"\b(?:an?|the)\s+(?:(?:1[89]\d\d|20\d\d)\s+)?"
    r"(?:(?!(?:of|on|by|from|to|in|for|a|an|the|and|with)\b)[\w'’-]+\s+){0,5}?"
    r"(?:film|movie|documentary)\s+by\s+"
    rf"(?P<list>{LIST})"
)
_NOT_THIS_FILM = _c(
    r"\b(?:based\s+on|remake\s+of|remade|adaptation\s+of|adapted\s+from|inspired\s+by|"
    r"version\s+of|parody\s+of|homage\s+to|tribute\s+to|like|after|than|unlike|and|with)\s+$"
)
_BROADCASTER = _c(
    r"\b(?:Television|TV|Network|Networks|Channel|Broadcasting|Broadcast|Radio|BBC|ITV|HBO|NHK|"
    r"PBS|CBS|NBC|ABC|Fox|Showtime|Starz|Netflix|Hulu|Amazon|Apple|Sky|Canal\+|ZDF|ARD|RAI|CBC)\b"
)
_QUICK = _c(
    r"(?i:direct|star|written|wrote|writer|screenplay|script|produc|edit|distribut|music|score|"
    r"compos|cinematograph|photograph|releas|premier|open|debut|aired|sequel|prequel|followed|"
    r"film|movie|cast|role|play|appear|feature|banner|stream|animated|penned|helm|\bas\b)"
)


_AFTER_TRIGGERS: list[tuple[str, ...]] = [
    ("executive",),
    ("produc",),
    ("direct", "helm"),
    ("writ", "penned", "script", "screenplay", "teleplay", "adapted"),
    ("music", "score", "soundtrack", "songs"),
    ("photograph", "cinematograph", "lensed"),
    ("edit",),
    ("distribut",),
    ("released", "distributed"),
    ("animated",),
    ("banner", "company"),
    ("star", "featur", "cast"),
]
_BEFORE_TRIGGERS: list[tuple[str, ...]] = [
    ("wrote",),
    ("direct", "helmed"),
    ("wrote", "penned", "scripted"),
    ("edited",),
    ("executive",),
    ("produced",),
    ("distributed", "released"),
    ("composed", "scored"),
    (" in",),
]
_QUICK_WORDS = (
    *tuple(sorted({w for ws in _AFTER_TRIGGERS + _BEFORE_TRIGGERS for w in ws if w != " in"})),
    "releas",
    "premier",
    "open",
    "debut",
    "aired",
    "sequel",
    "prequel",
    "followed",
    "film",
    "movie",
    "role",
    "play",
    "appear",
    "stream",
    " as ",
    "'s",
    "’s",
    "portray",
    "voice",
    "lead",
    "writer",
    "editor",
    "composer",
    "cinematographer",
    "distributor",
    "hit ",
    "made in",
    "completed in",
)


@lru_cache(maxsize=1)
def _compiled() -> tuple[
    list[tuple[re.Pattern[str], tuple[Relation, ...], str, float]],
    list[tuple[re.Pattern[str], tuple[Relation, ...], str, int]],
    re.Pattern[str],
]:
    after = [
        (re.compile(rf"(?P<cue>{cue})\s*:?\s+(?:{_DESC})*(?P<list>{LIST})"), rels, kind, conf)
        for cue, rels, kind, conf in _AFTER_CUES
    ]
    before = [(re.compile(rf"\b(?:{cue})\b"), rels, kind, w) for cue, rels, kind, w in _BEFORE_CUES]
    names_end = re.compile(
        rf"(?P<list>{LIST})(?:\s*,?\s+who\s+(?:also\s+|later\s+|then\s+|additionally\s+)?"
        r"|\s+(?:have|has|had|both|also|later|then|jointly|"
        r"originally|each|subsequently)(?:\s+(?:both|also|been))?\s+|\s*,\s*|\s+)$"
    )
    return after, before, names_end


# ---------------------------------------------------------------- context


def _title_rx(names: Iterable[str]) -> re.Pattern[str] | None:
    return _title_rx_cached(tuple(sorted(set(names), key=lambda n: (-len(n), n))))


@lru_cache(maxsize=256)
def _title_rx_cached(names: tuple[str, ...]) -> re.Pattern[str] | None:
    parts = []
    for name in names:
        chars = []
        for ch in name:
            if ch in "–—-":
                chars.append("[–—-]")
            elif ch.isspace():
                chars.append(r"\s+")
            else:
                chars.append(re.escape(ch))
        parts.append("".join(chars))
    if not parts:
        return None
    return re.compile(r"(?<![\w])(?:" + "|".join(parts) + r")(?![\w+])")


def _build_context(doc: Document, gazetteer: Gazetteer | None) -> _Ctx:
    text = doc.text
    films: dict[str, _FilmInfo] = {}
    main: str | None = None
    known: list[str] = []
    if doc.title:
        t = clean_title(doc.title)
        body = text
        first_nl = text.find("\n")
        if first_nl > 0 and t in text[:first_nl]:
            body = text[first_nl:]  # a headline repeated as the first line is not a mention
        # a headline naming a company ("Northlight Pictures") is not the article's film
        if t and len(t.split()) <= 10 and t in body and not looks_like_company(t, body):
            known.append(t)
            main = title_key(t)
            films[main] = _FilmInfo(t)
    if gazetteer is not None:
        for ref in gazetteer.find_films(text):
            key = title_key(ref.name)
            if key not in films and ref.name in text:
                films[key] = _FilmInfo(ref.name, "film", ref.year, list(ref.aliases))
                known.append(ref.name)
    for found in discover_titles(text, known):
        key = title_key(found.name)
        info = films.get(key)
        if info is None:
            info = films[key] = _FilmInfo(
                found.name, found.kind, found.year, list(found.aliases), found.evidence
            )
        else:
            info.evidence = max(info.evidence, found.evidence)
            info.year = info.year or found.year
            info.aliases.extend(a for a in found.aliases if a not in info.aliases)
    # a film series named like a film: keep the series reading when "the X movies" was seen
    alias_to_key: dict[str, str] = {}
    for key, info in films.items():
        for name in (info.name, *info.aliases):
            alias_to_key.setdefault(title_key(name), key)
    if main is None:
        main = _main_film(text, films)
    film_names = [
        n for info in films.values() if info.kind == "film" for n in (info.name, *info.aliases)
    ]
    persons = _LazyPersons(text, alias_to_key, film_names)
    return _Ctx(doc, films, _title_rx(film_names), alias_to_key, main, persons)


def _main_film(text: str, films: dict[str, _FilmInfo]) -> str | None:
    """The film an article is about, by evidence: the one title with its own credits ("X,
    directed by", "X stars", "X is a 1995 film"), the most-mentioned of several such titles, else
    the most-mentioned title when it is named twice or more (or the only title)."""
    counts = {key: text.count(info.name) for key, info in films.items() if info.kind == "film"}
    if not counts:
        return None
    credited = {k: v for k, v in counts.items() if films[k].evidence >= CREDIT_EVIDENCE}
    if credited:
        best = max(credited.values())
        top = [k for k, v in credited.items() if v == best]
        if len(top) == 1:
            return top[0]
    best = max(counts.values())
    if best >= 2 or len(counts) == 1:
        return next(k for k, v in counts.items() if v == best)
    return None


_FULL_NAME = _c(
    rf"(?<![\w])[{UPPER}][\w'’-]+(?:[ \t]+(?:[{UPPER}]\.|[{UPPER}][\w'’-]+|de|van|von|da|di|del|le|la)){{1,3}}"
)


class _LazyPersons(PersonIndex):
    """The article's full person names, collected on the first short name to resolve."""

    def __init__(self, text: str, alias_to_key: dict[str, str], film_names: list[str]) -> None:
        super().__init__()
        self._text: str | None = text
        self._films = alias_to_key
        self._film_names = film_names

    def resolve(self, name: str) -> tuple[str, bool]:
        if len(name.split()) != 1:
            return name, False
        if self._text is not None:
            text, self._text = self._text, None
            for m in _FULL_NAME.finditer(text):
                full = clean_name(m.group(0))
                if title_key(full) in self._films or not looks_like_person(full):
                    continue
                if not any(full in f for f in self._film_names):
                    self.add(full)
        return super().resolve(name)


# ---------------------------------------------------------------- helpers


def _mentions(ctx: _Ctx, sent: str) -> list[tuple[int, int, str]]:
    out: list[tuple[int, int, str]] = []
    if ctx.film_rx is not None:
        for m in ctx.film_rx.finditer(sent):
            key = ctx.alias_to_key.get(title_key(m.group(0)))
            if key is not None:
                out.append((m.start(), m.end(), key))
    if ctx.main is not None:
        taken = [(s, e) for s, e, _ in out]
        for m in ANAPHOR.finditer(sent):
            if not any(s <= m.start() < e or m.start() <= s < m.end() for s, e in taken):
                out.append((m.start(), m.end(), ctx.main))
    out.sort()
    return out


def _subject(
    ctx: _Ctx,
    mentions: list[tuple[int, int, str]],
    cue_start: int,
    after: int,
    *,
    fallback: bool = True,
) -> str | None:
    before = [m for m in mentions if m[1] <= cue_start]
    if before:
        return before[-1][2]
    later = [m for m in mentions if m[0] >= cue_start]
    if later:
        return later[0][2]
    return ctx.main if fallback and not mentions else None


def _mask(sent: str) -> str:
    return _APPOS.sub(lambda m: " " * len(m.group(0)), sent)


def _is_film_name(ctx: _Ctx, name: str) -> bool:
    key = title_key(name)
    if key in ctx.alias_to_key:
        return True
    return any(key in k for k in ctx.alias_to_key if len(key) > 3 and len(k) > len(key))


def _objects(
    ctx: _Ctx, list_text: str, kind: str, rel: Relation
) -> list[tuple[str, str, str | None, EntityType]]:
    """(kind, name, character, org type) for each usable item of a name list."""
    out: list[tuple[str, str, str | None, EntityType]] = []
    items = split_name_list(list_text)
    for item in items:
        name = item.name.strip(" ,;")
        if not name or _is_film_name(ctx, name):
            break
        org = is_organisation(name)
        if kind == _PERSON:
            if org or not looks_like_person(name, allow_single=True):
                if len(out) == 0:
                    continue
                break
            out.append(("person", name, item.character, EntityType.PERSON))
        elif kind == _PERSON_OR_ORG:
            if org:
                out.append(("org", name, None, EntityType.PRODUCTION_COMPANY))
            elif looks_like_person(
                name,
                allow_single=len(items) > 1 or ctx.persons.resolve(name)[0] != name,
            ):
                out.append(("person", name, None, EntityType.PERSON))
        elif kind in (_ORG, "org_only"):
            if kind == "org_only" and not org:
                continue
            if name.split()[0].lower() in ("the", "a", "an") and len(name.split()) == 1:
                continue
            if is_streaming_service(name):
                typ = EntityType.STREAMING_SERVICE
            elif rel is R.DISTRIBUTOR:
                typ = EntityType.DISTRIBUTOR
            elif rel is R.PRODUCTION_COMPANY and re.search(r"\bStudios?\b", name):
                typ = EntityType.STUDIO
            else:
                typ = EntityType.PRODUCTION_COMPANY
            out.append(("org", name, None, typ))
    return out


def _film_after(
    mentions: list[tuple[int, int, str]], pos: int, sent: str, window: int
) -> str | None:
    for s, _e, key in mentions:
        if s >= pos:
            gap = sent[pos:s]
            if s - pos <= window and not re.search(r"[.;:!?]|\bby\b", gap):
                return key
            return None
    return None


def _object_film(
    ctx: _Ctx,
    mentions: list[tuple[int, int, str]],
    cue: re.Match[str],
    sent: str,
    om: re.Match[str] | None,
) -> str | None:
    """The film of "X wrote the screenplay" / "X composed the music" with no title after the cue:
    the film named before it in the sentence, else the article's film (when none is named).
    The object must end the clause: "wrote the screenplay for the play Y" is about another work."""
    end = cue.end()
    if not re.search(r"(?:score|music|soundtrack)$", cue.group(0)):  # "composed the score"
        if om is None:
            om = _CUE_OBJECT.match(sent, end)
        if om is None or om.group("song") or om.group("film"):
            return None
        end = om.end()
    rest = sent[end : end + 12]
    if re.match(r"\s+(?:for|of|to|in|on)\b", rest):
        return None
    return _subject(ctx, [x for x in mentions if x[1] <= cue.start()], cue.start(), cue.end())


def _add_person_facts(
    out: list[_Raw],
    subj: str,
    rels: tuple[Relation, ...],
    objs: list[tuple[str, str, str | None, EntityType]],
    sent: tuple[int, int, str],
    conf: float,
) -> None:
    for kind, name, char, typ in objs:
        for rel in rels:
            relation = rel
            if kind == "org" and rel is R.PRODUCER:
                relation = R.PRODUCTION_COMPANY
            if kind == "org" and rel in (
                R.DIRECTOR,
                R.CAST_MEMBER,
                R.SCREENWRITER,
                R.EDITOR,
                R.COMPOSER,
            ):
                continue
            out.append(
                _Raw(
                    subj,
                    relation,
                    kind,
                    name,
                    sent,
                    conf,
                    character=char if rel is R.CAST_MEMBER else None,
                    org_type=typ,
                )
            )


# ---------------------------------------------------------------- per-sentence rules


def _sentence_facts(ctx: _Ctx, sent_span: tuple[int, int, str]) -> list[_Raw]:
    sent = sent_span[2]
    lower = sent.lower()
    if not any(w in lower for w in _QUICK_WORDS):
        return []
    after_rx, before_rx, names_end = _compiled()
    mentions = _mentions(ctx, sent)
    out: list[_Raw] = []
    consumed: list[tuple[int, int]] = []

    # compound cues: "written and directed by X", "directed and edited by A and B"
    rels: tuple[Relation, ...]
    film: str | None
    for m in _COMPOUND.finditer(sent):
        rels = (_VERB_REL[m.group("v1")], _VERB_REL[m.group("v2")])
        subj = _subject(ctx, mentions, m.start(), m.end())
        if subj is None:
            continue
        objs = _objects(ctx, m.group("list"), _PERSON_OR_ORG, rels[0])
        consumed.append((m.start(), m.end()))
        if len(objs) == 2 and re.search(r"\band\b", m.group("list")):
            _add_person_facts(out, subj, (rels[0],), objs[:1], sent_span, 0.6)
            _add_person_facts(out, subj, (rels[1],), objs[1:], sent_span, 0.6)
        else:
            _add_person_facts(out, subj, rels, objs, sent_span, 0.9)

    # passive / nominal cues with the names after them
    for (rx, rels, kind, conf), trig in zip(after_rx, _AFTER_TRIGGERS, strict=True):
        if not any(t in lower for t in trig):
            continue
        for m in rx.finditer(sent):
            if any(a <= m.start("cue") < b for a, b in consumed):
                continue
            pre = sent[max(0, m.start() - 45) : m.start()]
            if rels[0] is R.SCREENWRITER and _MUSIC_SUBJECT.search(pre):
                continue
            if rels[0] in (R.SCREENWRITER, R.PRODUCER, R.DIRECTOR) and _BAD_SUBJECT_NOUNS.search(
                pre
            ):
                near = [x for x in mentions if m.start() - 45 <= x[0] < m.start()]
                if not near:
                    continue
            subj = _subject(ctx, mentions, m.start(), m.end("cue"))
            if subj is None:
                continue
            c = conf if any(x[2] == subj for x in mentions) else conf - 0.1
            _add_person_facts(
                out, subj, rels, _objects(ctx, m.group("list"), kind, rels[0]), sent_span, c
            )

    # active cues with the names before them: "Ray Griggs directed Super Capers"
    masked = _mask(sent) if "," in sent else sent
    for (rx, rels, kind, window), trig in zip(before_rx, _BEFORE_TRIGGERS, strict=True):
        if (not mentions and ctx.main is None) or not any(t in lower for t in trig):
            continue
        for m in rx.finditer(sent):
            cue_rels = rels
            om = _CUE_OBJECT.match(sent, m.end()) if R.SCREENWRITER in rels else None
            if om is not None and (om.group("music") or om.group("song")):
                if om.group("song") or R.DIRECTOR in rels:
                    continue  # "wrote the title song": not a screen credit
                cue_rels = (R.COMPOSER,)  # "X wrote the score for Y"
            film = _film_after(mentions, m.end(), sent, window)
            if film is None:
                film = _object_film(ctx, mentions, m, sent, om)
            if film is None:
                continue
            seen: set[str] = set()
            in_mask = masked[m.start() : m.end()] != sent[m.start() : m.end()]
            for variant in (sent,) if in_mask else (masked,):
                nm = names_end.search(variant[: m.start()])
                if nm is None:
                    continue
                objs = [
                    o for o in _objects(ctx, nm.group("list"), kind, rels[0]) if o[1] not in seen
                ]
                seen.update(o[1] for o in objs)
                _add_person_facts(out, film, cue_rels, objs, sent_span, 0.85)

    has_role = any(w in lower for w in _ROLE_WORDS_LOWER)
    # "X is the director of Y", "X was the film editor"
    for variant in ((sent, masked) if masked != sent else (sent,)) if has_role else ():
        for m in _COPULA.finditer(variant):
            if (
                variant is sent
                and masked[m.start() : m.end()] == sent[m.start() : m.end()]
                and masked != sent
            ):
                continue  # read it in the masked variant, without the appositive
            rel = _role(m)
            if m.group("det") is None and not m.group("served"):
                continue
            if m.group("of"):
                film = _film_after(mentions, m.end(), sent, 40)
                if film is None:
                    continue
            else:
                if m.group("det") != "the" and not (m.group("served") and m.group("det") is None):
                    continue
                film = _subject(
                    ctx,
                    [x for x in mentions if x[0] >= m.end() or x[1] <= m.start()],
                    m.start(),
                    m.end(),
                )
                if film is None:
                    continue
            nm = names_end.search(variant[: m.start() + 1])
            if nm is None:
                continue
            kind = _ORG if rel is R.DISTRIBUTOR else _PERSON
            _add_person_facts(
                out, film, (rel,), _objects(ctx, nm.group("list"), kind, rel), sent_span, 0.85
            )

    # "The director was X", "Its distributor is X", "Distributor of the movie Y is X"
    role_sent = sent
    if has_role and _ROLE_START.match(sent):  # "Executive producers included X and Y"
        role_sent = sent[0].lower() + sent[1:]
    for m in _ROLE_IS.finditer(role_sent) if has_role else ():
        rel = _role(m)
        pre = m.group("pre").strip()
        film = None
        if m.group("of"):
            film = _film_after(mentions, m.start("of"), sent, 70)
            if film is None:
                continue
        elif pre and pre.lower() not in ("the", "its"):
            base = re.sub(r"['’]s?$", "", pre)
            key = ctx.alias_to_key.get(title_key(base))
            if key is None and base.lower() in ("film", "movie"):
                key = ctx.main
            if key is None:
                continue
            film = key
        else:
            film = _subject(ctx, mentions, m.start("list"), m.end("list"))
        if film is None:
            continue
        kind = _ORG if rel is R.DISTRIBUTOR else _PERSON
        _add_person_facts(
            out, film, (rel,), _objects(ctx, m.group("list"), kind, rel), sent_span, 0.85
        )

    for m in _APPOS_ROLE.finditer(sent) if has_role and "," in sent else ():
        rel = _role(m)
        if m.group("of"):
            nxt = [x for x in mentions if x[0] >= m.end()]
            if not nxt or nxt[0][0] != m.end():
                continue  # the work named right after "of" is another film or not a film
            film = nxt[0][2]
        elif m.group("own") or m.group("det") == "its":
            film = _subject(ctx, [x for x in mentions if x[1] <= m.start()], m.start(), m.end())
        else:
            continue
        if film is None:
            continue
        kind = _ORG if rel is R.DISTRIBUTOR else _PERSON
        _add_person_facts(
            out, film, (rel,), _objects(ctx, m.group("list"), kind, rel), sent_span, 0.8
        )

    for m in _WITH_AS.finditer(sent) if has_role and "with" in sent else ():
        rel = _role(m)
        film = _subject(ctx, mentions, m.start(), m.end())
        if film is not None:
            _add_person_facts(
                out, film, (rel,), _objects(ctx, m.group("list"), _PERSON, rel), sent_span, 0.85
            )

    # "X plays Ethan Hunt in Y"
    for m in _CHAR_ACTIVE.finditer(sent) if mentions and _PLAYS.search(sent) else ():
        film = _film_after(mentions, m.end(), sent, 30) if m.group(0).endswith(" in ") else None
        if film is None:
            continue
        objs = _objects(ctx, m.group("list"), _PERSON, R.CAST_MEMBER)
        for kind, name, _c0, typ in objs:
            out.append(
                _Raw(
                    film,
                    R.CAST_MEMBER,
                    kind,
                    name,
                    sent_span,
                    0.8,
                    character=clean_name(m.group("char")),
                    org_type=typ,
                )
            )

    if mentions and ("along" in lower or "opposite" in lower) and _CASTISH.search(sent):
        for m in _ALONG.finditer(sent):
            film = _subject(ctx, mentions, m.start(), m.end(), fallback=False)
            if film is not None:
                _add_person_facts(
                    out,
                    film,
                    (R.CAST_MEMBER,),
                    _objects(ctx, m.group("list"), _PERSON, R.CAST_MEMBER),
                    sent_span,
                    0.75,
                )

    for m in _FROM_ORG.finditer(sent) if " from " in sent else ():
        film = _subject(ctx, mentions, m.start() + 1, m.end())
        if film is not None:
            _add_person_facts(
                out,
                film,
                (R.PRODUCTION_COMPANY,),
                _objects(ctx, m.group("list"), "org_only", R.PRODUCTION_COMPANY),
                sent_span,
                0.75,
            )

    # possessive: "Christopher Nolan's 2020 film Tenet"
    for s, _e, key in mentions if ("'s " in sent or "’s " in sent) else ():
        if ctx.films[key].kind != "film":
            continue
        pm = _POSSESSIVE.search(sent[max(0, s - 120) : s])
        if pm is not None:
            name = clean_name(pm.group("name"))
            if looks_like_person(name, allow_single=False) and not _is_film_name(ctx, name):
                out.append(_Raw(key, R.DIRECTOR, "person", name, sent_span, 0.6))

    if "produc" in lower:
        out.extend(_production_facts(ctx, sent_span, mentions))
    for m in _FILM_BY.finditer(sent) if " by " in sent else ():
        if _NOT_THIS_FILM.search(sent[max(0, m.start() - 30) : m.start()]):
            continue
        before = [x for x in mentions if x[1] <= m.start()]
        if not before or sent[before[-1][1] : m.start()].count(",") > 2:
            continue
        objs = [
            o
            for o in _objects(ctx, m.group("list"), _PERSON, R.DIRECTOR)
            if looks_like_person(o[1], allow_single=False)
        ]
        _add_person_facts(out, before[-1][2], (R.DIRECTOR,), objs[:2], sent_span, 0.7)
    for m in _POSSESSIVE_MUSIC.finditer(sent) if ("'" in sent or "’" in sent) else ():
        name = clean_name(m.group("name"))
        if not looks_like_person(name, allow_single=False) or _is_film_name(ctx, name):
            continue
        film = _subject(ctx, mentions, m.start(), m.end())
        if film is not None:
            out.append(_Raw(film, R.COMPOSER, "person", name, sent_span, 0.75))

    out.extend(_release_facts(ctx, sent_span, mentions))
    out.extend(_film_attribute_facts(ctx, sent_span, mentions))
    return out


def _production_facts(
    ctx: _Ctx, sent_span: tuple[int, int, str], mentions: list[tuple[int, int, str]]
) -> list[_Raw]:
    """Production companies (and countries) named by "produced by X for Z", "a Z production",
    "a co-production between A and B"."""
    sent = sent_span[2]
    out: list[_Raw] = []
    for rx in (_PRODUCED_FOR, _A_PRODUCTION, _PRODUCTION_OF):
        for m in rx.finditer(sent):
            film = _subject(ctx, mentions, m.start(), m.end())
            if film is None:
                continue
            items = [i.name.strip(" ,;") for i in split_name_list(m.group("list"))]
            countries = [country_name(i) for i in items]
            if rx is not _PRODUCED_FOR and items and all(countries):
                for c in countries:
                    if c is not None:
                        out.append(_Raw(film, R.COUNTRY, "country", c, sent_span, 0.8))
                continue
            objs = _objects(ctx, m.group("list"), "org_only", R.PRODUCTION_COMPANY)
            if rx is _PRODUCTION_OF and objs and len(items) > len(objs):
                # partners of a co-production are companies: "between Lion Films and Titanus"
                objs = [
                    o
                    for o in _objects(ctx, m.group("list"), _ORG, R.PRODUCTION_COMPANY)
                    if len(o[1].split()) == 1 or is_organisation(o[1])
                ]
            if rx is _PRODUCED_FOR:  # "made for BBC Two": the commissioning broadcaster
                objs = [o for o in objs if not _BROADCASTER.search(o[1])]
            _add_person_facts(out, film, (R.PRODUCTION_COMPANY,), objs, sent_span, 0.75)
    return out


def _role(m: re.Match[str]) -> Relation:
    for i, (_p, rel) in enumerate(_ROLE_NOUNS):
        if m.group(f"r{i}"):
            return rel
    raise AssertionError("no role group matched")  # pragma: no cover


def _release_facts(
    ctx: _Ctx, sent_span: tuple[int, int, str], mentions: list[tuple[int, int, str]]
) -> list[_Raw]:
    sent = sent_span[2]
    out: list[_Raw] = []
    has_date_release: set[str] = set()
    for m in _RELEASE.finditer(sent):
        cue = m.group("cue")
        strong = _RELEASE_STRONG.search(cue) is not None
        subj = _subject(ctx, mentions, m.start(), m.end(), fallback=strong)
        if subj is None:
            continue
        limit = min(len(sent), m.end() + 110)
        for date in find_dates(sent, m.end(), limit):
            gap = sent[m.end() : date.start]
            if _RELEASE_BAD_GAP.search(gap):
                break
            tail = gap.rstrip()
            if tail and not re.search(r"(?:\b(?:on|in)|,)$", tail):
                continue
            if any(s >= m.end() and s < date.start for s, _e, k in mentions if k != subj):
                break
            region = None
            platform = None
            for rm in _REGION.finditer(gap):
                cand = rm.group("region")
                region = country_name(cand) or cand
            for name in re.findall(NAME, gap):
                if is_streaming_service(name):
                    platform = name
            planned = is_planned(sent[: m.end()])
            if (
                not planned
                and ctx.doc.published
                and len(date.iso) == 10
                and date.iso > ctx.doc.published
            ):
                planned = True
            kind = "date" if len(date.iso) == 10 else "year"
            conf = 0.9 if strong else 0.75
            home = _HOME_MEDIA.search(sent[max(0, m.start() - 25) : date.start]) is not None
            out.append(
                _Raw(
                    subj,
                    R.RELEASE_DATE,
                    kind,
                    date.iso,
                    sent_span,
                    conf,
                    planned=planned,
                    platform=platform,
                    region=region,
                    home_media=home,
                )
            )
            has_date_release.add(subj)
            break
    for m in _MADE_IN.finditer(sent) if " in " in sent else ():
        before = [x for x in mentions if x[1] <= m.start()]
        if before and not re.search(
            r"[;:]|\b(?:which|who|that)\b", sent[before[-1][1] : m.start()]
        ):
            key = before[-1][2]
            if ctx.films[key].kind == "film":
                out.append(
                    _Raw(
                        key, R.RELEASE_DATE, "year", m.group("year"), sent_span, 0.6, fallback=True
                    )
                )
    # "the release of Top Gun: Maverick on Paramount+", "now streaming on Netflix"
    for m in _PLATFORM.finditer(sent):
        name = m.group("p") or m.group("p2")
        name = clean_name(name)
        if not is_streaming_service(name):
            continue
        subj = _subject(
            ctx, mentions, m.start("p") if m.group("p") else m.start(), m.end(), fallback=False
        )
        if m.group("p"):
            inner = [x for x in mentions if m.start("film") <= x[0] < m.start("p")]
            subj = inner[0][2] if inner else None
        if subj is None or subj in has_date_release:
            continue
        out.append(
            _Raw(
                subj,
                R.DISTRIBUTOR,
                "org",
                name,
                sent_span,
                0.8,
                platform=name,
                org_type=EntityType.STREAMING_SERVICE,
            )
        )
    return out


def _film_attribute_facts(
    ctx: _Ctx, sent_span: tuple[int, int, str], mentions: list[tuple[int, int, str]]
) -> list[_Raw]:
    sent = sent_span[2]
    out: list[_Raw] = []
    # "X is a 1974 Belgian film"
    for m in _YEAR_FILM.finditer(sent) if _FILM_WORD.search(sent) else ():
        before = [x for x in mentions if x[1] <= m.start() + 1]
        if not before:
            continue
        subj = before[-1][2]
        if ctx.films[subj].kind != "film":
            continue
        if m.group("year"):
            out.append(_Raw(subj, R.RELEASE_DATE, "year", m.group("year"), sent_span, 0.85))
            ctx.films[subj].year = ctx.films[subj].year or int(m.group("year"))
        mods = m.group("mods")
        words = re.split(r"[\s/]+|-(?!language)", mods)
        words = [w for w in words if w]
        i = 0
        while i < len(words):
            w = words[i]
            nxt = words[i + 1] if i + 1 < len(words) else ""
            two = f"{w} {nxt}".lower()
            if w[:1].isupper() and two in DEMONYMS and nxt[:1].isupper():
                out.append(_Raw(subj, R.COUNTRY, "country", DEMONYMS[two], sent_span, 0.85))
                i += 2
                continue
            if (
                w[:1].isupper()
                and w.lower() in DEMONYMS
                and not nxt.lower().startswith("language")
                and not w.endswith("-language")
            ):
                out.append(_Raw(subj, R.COUNTRY, "country", DEMONYMS[w.lower()], sent_span, 0.85))
            i += 1
    # "the 2000 film X", "his 1918 film X", "X (1973)"
    for s, e, key in mentions:
        info = ctx.films[key]
        if info.kind != "film":
            continue
        ym = _YEAR_BEFORE_TITLE.search(sent[max(0, s - 40) : s]) or _YEAR_AFTER_TITLE.search(
            sent[e : e + 14]
        )
        if ym is not None and title_key(sent[s:e]) in ctx.alias_to_key:
            out.append(_Raw(key, R.RELEASE_DATE, "year", ym.group("year"), sent_span, 0.8))
            info.year = info.year or int(ym.group("year"))
    # sequels
    for s, _e, key in mentions:
        pre = sent[:s]
        sm = _SEQUEL_TO.search(pre)
        if sm is not None:
            subj_m = [x for x in mentions if x[1] <= sm.start() + 1]
            if subj_m and subj_m[-1][2] != key:
                a = subj_m[-1][2]
                if sm.group("kind") == "prequel":
                    a, key2 = key, a
                else:
                    key2 = key
                out.append(_Raw(a, R.FOLLOWS, "film", key2, sent_span, 0.85))
                out.append(_Raw(key2, R.FOLLOWED_BY, "film", a, sent_span, 0.85))
        am = _SEQUEL_APPOS.search(pre)
        if am is not None and ctx.main is not None and key != ctx.main:
            nth = (am.group("nth") or "").strip().lower()
            base = ctx.main
            if nth in ("second", "third", "fourth"):
                base = ctx.sequels[-1] if ctx.sequels else ""
            if base and base != key:
                if am.group("kind") == "sequel":
                    out.append(_Raw(key, R.FOLLOWS, "film", base, sent_span, 0.8))
                    out.append(_Raw(base, R.FOLLOWED_BY, "film", key, sent_span, 0.8))
                else:
                    out.append(_Raw(base, R.FOLLOWS, "film", key, sent_span, 0.8))
                    out.append(_Raw(key, R.FOLLOWED_BY, "film", base, sent_span, 0.8))
            ctx.sequels.append(key)
    for i, (_s, e, key) in enumerate(mentions[:-1]):
        s2, _e2, key2 = mentions[i + 1]
        if key != key2 and _FOLLOWED_BY.match(sent[e:s2]):
            out.append(_Raw(key, R.FOLLOWED_BY, "film", key2, sent_span, 0.85))
            out.append(_Raw(key2, R.FOLLOWS, "film", key, sent_span, 0.85))
        elif key != key2 and "followed" in sent[e:s2]:
            fm = _FOLLOWED_BY_ANY.search(sent, e, s2)
            # the clause between the two films must not name a third work or end the clause
            if fm is not None and not re.search(r"[;:]|\bwhich\b|\bwho\b", sent[e : fm.start()]):
                out.append(_Raw(key, R.FOLLOWED_BY, "film", key2, sent_span, 0.8))
                out.append(_Raw(key2, R.FOLLOWS, "film", key, sent_span, 0.8))
    return out


def _series_facts(ctx: _Ctx, sents: list[tuple[int, int, str]]) -> list[_Raw]:
    out: list[_Raw] = []
    series = [(k, i) for k, i in ctx.films.items() if i.kind == "series"]
    for skey, sinfo in series:
        for fkey, finfo in ctx.films.items():
            if finfo.kind != "film" or len(finfo.name) <= len(sinfo.name):
                continue
            if not finfo.name.startswith(sinfo.name):
                continue
            if not re.match(
                r"\s*[:–—-]|\s+(?:Part|Chapter|Episode|\d|II|III|IV|V)\b",
                finfo.name[len(sinfo.name) :],
            ):
                continue
            for span in sents:
                if finfo.name in span[2]:
                    out.append(_Raw(fkey, R.PART_OF_SERIES, "series", skey, span, 0.8))
                    break
    return out


# ---------------------------------------------------------------- assembly


def _film_ref(ctx: _Ctx, key: str) -> EntityRef:
    info = ctx.films[key]
    typ = EntityType.FILM_SERIES if info.kind == "series" else EntityType.FILM
    return EntityRef(
        typ,
        info.name,
        year=info.year if typ is EntityType.FILM else None,
        aliases=tuple(info.aliases),
    )


def _release_filter(raws: list[_Raw]) -> list[_Raw]:
    """Drop a bare release year implied by a full date of the same film, and home-media releases
    of a film whose release is also stated otherwise (a DVD release is not the film's release)."""
    days: dict[str, set[str]] = {}
    other: set[str] = set()
    for r in raws:
        if r.relation is R.RELEASE_DATE:
            if r.kind == "date":
                days.setdefault(r.subj, set()).add(r.obj[:4])
            if not r.home_media and not r.fallback:
                other.add(r.subj)
    firm = {r.subj for r in raws if r.relation is R.RELEASE_DATE and not r.fallback}
    out = []
    for r in raws:
        if r.relation is R.RELEASE_DATE:
            if r.fallback and r.subj in firm:
                continue
            if r.kind == "year" and r.obj in days.get(r.subj, set()):
                continue
            if r.home_media and r.subj in other:
                continue
        out.append(r)
    return out


def _person_aliases(ctx: _Ctx, name: str) -> tuple[str, ...]:
    """Other names the article uses for ``name``: its last word alone, the name without "Jr."."""
    cached = ctx.alias_cache.get(name)
    if cached is None:
        cached = ctx.alias_cache[name] = _compute_aliases(ctx, name)
    return cached


def _compute_aliases(ctx: _Ctx, name: str) -> tuple[str, ...]:
    words = name.split()
    out: list[str] = []
    base = words
    if len(words) > 2 and words[-1].lower().strip(".") in ("jr", "sr", "ii", "iii", "iv"):
        base = words[:-1]
        out.append(" ".join(base))
    if len(base) >= 2:
        last = base[-1]
        text = ctx.doc.text
        resolved = ctx.persons.resolve(last)[0] if len(last) > 2 else ""
        if resolved in (name, " ".join(base)) and text.count(last) > text.count(" ".join(base)):
            out.append(last)
    return tuple(out)


def _finalise(ctx: _Ctx, raws: list[_Raw]) -> list[Fact]:
    raws = _release_filter(raws)
    orgs = {r.obj for r in raws if r.kind == "org"}
    facts: dict[tuple[str, Relation, str, str, str | None], Fact] = {}
    for r in raws:
        if r.subj not in ctx.films:
            continue
        subject = _film_ref(ctx, r.subj)
        ambiguous = r.ambiguous
        obj: EntityRef | Value
        if r.kind == "person":
            if r.obj in orgs or _is_film_name(ctx, r.obj):
                continue
            name, amb = ctx.persons.resolve(r.obj)
            ambiguous = ambiguous or amb
            aliases = _person_aliases(ctx, name) if not amb else ()
            obj = EntityRef(EntityType.PERSON, name, aliases=aliases)
        elif r.kind == "org":
            obj = EntityRef(r.org_type, r.obj)
        elif r.kind in ("film", "series"):
            if r.obj not in ctx.films:
                continue
            obj = _film_ref(ctx, r.obj)
        elif r.kind == "country":
            obj = EntityRef(EntityType.COUNTRY, r.obj)
        elif r.kind == "date":
            obj = Value(r.obj, ValueType.DATE)
        else:
            obj = Value(r.obj, ValueType.YEAR)
        start, end, sentence = r.sent
        evidence = Evidence(
            ctx.doc.id, sentence, start, end, round(min(1.0, max(0.0, r.conf)), 3), EXTRACTOR_NAME
        )
        platform = EntityRef(EntityType.STREAMING_SERVICE, r.platform) if r.platform else None
        objname = obj.name if isinstance(obj, EntityRef) else obj.text
        key = (subject.name, r.relation, objname, str(getattr(obj, "type", "")), r.character)
        fact = Fact(
            subject,
            r.relation,
            obj,
            evidence,
            character=r.character,
            region=r.region,
            platform=platform,
            planned=r.planned,
            ambiguous=ambiguous,
        )
        old = facts.get(key)
        if old is None or (
            old.evidence is not None and old.evidence.confidence < evidence.confidence
        ):
            facts[key] = fact
    # a cast fact with a character makes the same cast fact without one redundant
    with_char = {(k[0], k[2]) for k in facts if k[1] is R.CAST_MEMBER and k[4]}
    result = [
        f
        for k, f in facts.items()
        if not (k[1] is R.CAST_MEMBER and not k[4] and (k[0], k[2]) in with_char)
    ]
    # keep day-precise release dates over a bare year from the same film when both are stated
    return result


def extract(document: Document, gazetteer: Gazetteer | None = None) -> list[Fact]:
    """Facts stated in ``document`` (text and title), each with its evidence sentence."""
    text = document.text
    if not text or not text.strip():
        return []
    ctx = _build_context(document, gazetteer)
    if not ctx.films:
        return []
    sents = sentences(text)
    raws: list[_Raw] = []
    for span in sents:
        raws.extend(_sentence_facts(ctx, span))
    raws.extend(_series_facts(ctx, sents))
    return _finalise(ctx, raws)
