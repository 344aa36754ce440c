"""Questions in plain English, answered offline: each understood form maps onto a named query
(or, for collaboration distance, a breadth-first search over the credits).

There is no language model and no guessing: a question is understood when it matches one of the
:data:`FORMS` as a whole (after polite openings such as "tell me" are dropped), and the names in it
must name things of the right kind in the store (a film for "who directed ...", a person for
"... filmography"). Names are matched ignoring case, accents stay significant; a film title
shared by several films answers for each of them (``Heat (1995)`` picks one). A name that is not
found gets "did you mean" suggestions and no answer; a question in no known form gets the list of
forms, never an answer.

>>> understand("Who directed The Glass Harbor?").form
'director-of'
>>> understand("who directed the glass harbor").slots
{'film': 'the glass harbor'}
>>> understand("films Tomas Ferreira and Juno Achterberg made together").slots
{'person': 'Tomas Ferreira', 'other': 'Juno Achterberg'}
>>> understand("what is the meaning of life") is None
True
"""

from __future__ import annotations

import re
import unicodedata
from collections import deque
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from rdflib import Literal, URIRef
from rdflib.namespace import RDFS, XSD
from rdflib.term import Identifier

from .errors import KGInputError
from .iri import entity_iri, slugify
from .namespace import KG, KGR
from .query import named_queries, with_prefixes
from .reader import GraphReader
from .sparql import bind_values

__all__ = [
    "FORMS",
    "Answer",
    "Form",
    "Understood",
    "ask",
    "format_answer",
    "understand",
    "understood_forms",
]

_FILM = r"(?P<film>.+?)"
_PERSON = r"(?P<person>.+?)"
_OTHER = r"(?P<other>.+?)"
_YEAR = r"(?P<year>(?:18|19|20)\d\d)"
_DECADE = (
    r"(?P<decade>(?:the )?(?:(?:18|19|20)?\d0'?s|'\d0s|twenties|thirties|forties|fifties|sixties|"
    r"seventies|eighties|nineties))"
)
_FILMS = r"(?:films?|movies?|pictures?)"


@dataclass(frozen=True)
class Form:
    """A kind of question: a name, an example, the patterns it is asked in, and what answers it."""

    name: str
    example: str
    patterns: tuple[str, ...]
    answer: str
    """A named query, or ``distance`` (a search over the credits)."""
    fixed: Mapping[str, str] = field(default_factory=dict)
    """Named-query parameters fixed by the form (e.g. the role)."""
    count: bool = False
    """Answer with the number of films rather than the list."""


def _role_forms() -> list[Form]:
    forms = []
    crew = (
        (
            "director-of",
            "Who directed The Glass Harbor?",
            "kg:director",
            (
                rf"who (?:directed|helmed|was behind the camera (?:of|on|for)) {_FILM}",
                rf"who (?:was|is|were|are)(?: the)? directors? (?:of|for) {_FILM}",
                rf"(?:the )?(?:name of the )?directors? (?:of|for) {_FILM}",
                rf"who made (?:the (?:film|movie) )?{_FILM}",
                rf"(?:which|what) directors? (?:made|directed|was behind) {_FILM}",
                rf"{_FILM} was directed by (?:whom|who)",
                rf"by whom was {_FILM} directed",
                rf"who (?:was|is) {_FILM} directed by",
                rf"who (?:is|was|are|were) {_FILM}'s directors?",
                rf"{_FILM}'s directors?",
                rf"{_FILM} director",
            ),
        ),
        (
            "cast-of",
            "Who starred in The Glass Harbor?",
            "kg:castMember",
            (
                rf"who (?:is|was|are|were) (?:in )?the cast (?:of|for) {_FILM}",
                rf"(?:who|what) (?:are|were) the (?:actors|actresses|stars|cast members|performers|players) (?:of|in|for) {_FILM}",
                rf"who (?:starred|stars|acted|acts|appeared|appears|played|plays|performed|was|is|were|are) in {_FILM}",
                rf"(?:the )?(?:full )?(?:cast|cast list|cast members|actors|actresses|stars|performers) (?:of|in|for) {_FILM}",
                rf"(?:which|what) (?:actors|actresses|performers|people|stars) (?:are|were|appear|appeared|starred|star|played|play|acted|act) in {_FILM}",
                rf"who (?:did|does) {_FILM} star",
                rf"who (?:is|was) starring in {_FILM}",
                rf"{_FILM}'s cast",
                rf"{_FILM} cast(?: list)?",
                rf"who (?:is|was|are|were) {_FILM}'s (?:cast|stars|actors)",
            ),
        ),
        (
            "producer-of",
            "Who produced The Glass Harbor?",
            "kg:producer",
            (
                rf"who produced {_FILM}",
                rf"(?:the )?producers? (?:of|for|on) {_FILM}",
                rf"who (?:was|is|were|are) (?:the )?producers? (?:of|for|on) {_FILM}",
                rf"{_FILM} was produced by (?:whom|who)",
                rf"who (?:was|is) {_FILM} produced by",
                rf"{_FILM}'s producers?",
            ),
        ),
        (
            "writer-of",
            "Who wrote The Glass Harbor?",
            "kg:screenwriter",
            (
                rf"who (?:wrote|penned|scripted) (?:the (?:screenplay|script) (?:of|for) )?{_FILM}",
                rf"(?:the )?(?:screen ?writers?|writers?|scriptwriters?|authors? of the screenplay) (?:of|for|on) {_FILM}",
                rf"who (?:was|is|were|are) (?:the )?(?:screen ?writers?|writers?|scriptwriters?) (?:of|for|on) {_FILM}",
                rf"who wrote the (?:screenplay|script) (?:of|for) {_FILM}",
                rf"{_FILM} was written by (?:whom|who)",
                rf"who (?:was|is) {_FILM} written by",
                rf"{_FILM}'s (?:screen ?writers?|writers?)",
            ),
        ),
        (
            "composer-of",
            "Who scored The Glass Harbor?",
            "kg:composer",
            (
                rf"who (?:scored|composed the (?:music|score|soundtrack) (?:for|of)|wrote the (?:music|score) (?:for|of)|did the (?:music|score) (?:for|of)) {_FILM}",
                rf"(?:the )?composers? (?:of|for) {_FILM}",
                rf"who (?:was|is) the composer (?:of|for) {_FILM}",
                rf"who (?:wrote|composed) the (?:music|score) (?:for|of|in) {_FILM}",
                rf"{_FILM}'s composer",
            ),
        ),
        (
            "studio-of",
            "Which studio made The Glass Harbor?",
            "kg:productionCompany",
            (
                rf"(?:which|what) (?:film )?(?:studios?|(?:production )?compan(?:y|ies)) (?:made|produced|was behind|were behind|is behind|are behind|released|financed) {_FILM}",
                rf"(?:the )?(?:film )?(?:studios?|production compan(?:y|ies)) (?:of|behind|for) {_FILM}",
                rf"who (?:was|is|were|are) the (?:studios?|production compan(?:y|ies)) (?:of|behind|for) {_FILM}",
                rf"(?:which|what) (?:studio|company) was {_FILM} made (?:by|at)",
                rf"{_FILM}'s (?:studios?|production compan(?:y|ies))",
            ),
        ),
    )
    for name, example, role, patterns in crew:
        forms.append(Form(name, example, patterns, "film-credits", {"role": role}))
    return forms


_ROLE_WORDS: dict[str, tuple[str, str, str]] = {
    # role iri, verbs of "what films did X ...", passive participle
    "director": ("kg:DirectorRole", r"direct(?:ed)?|helm(?:ed)?", "directed"),
    "actor": (
        "kg:CastMemberRole",
        r"(?:star(?:red)?|act(?:ed)?|appear(?:ed)?|play(?:ed)?|perform(?:ed)?|been) in|star(?:red)?",
        r"starring|featuring|with",
    ),
    "writer": ("kg:ScreenwriterRole", r"write|wrote|written|script(?:ed)?|pen(?:ned)?", "written"),
    "producer": ("kg:ProducerRole", r"produce(?:d)?", "produced"),
    "composer": ("kg:ComposerRole", r"score(?:d)?|compose(?:d)? (?:the )?music for", "scored"),
}
_AS_WORDS = {
    "director": r"(?:a )?director",
    "actor": r"(?:an )?(?:actor|actress|cast member|performer)",
    "writer": r"(?:a )?(?:screen ?writer|writer)",
    "producer": r"(?:a )?producer",
    "composer": r"(?:a )?composer",
}


def _filmography_forms() -> list[Form]:
    forms = [
        Form(
            "filmography",
            "Tomas Ferreira's filmography",
            (
                rf"{_PERSON}'s? (?:filmography|films|movies|credits|career)",
                rf"{_PERSON} (?:filmography|films|movies)",
                rf"(?:the )?(?:filmography|films|movies|credits) of {_PERSON}",
                rf"(?:what|which) {_FILMS} (?:has|did|have) {_PERSON} (?:been in|worked on|made|done|been part of|been involved in|taken part in)",
                rf"(?:what|which) {_FILMS} (?:is|was) {_PERSON} (?:in|credited on)",
                rf"(?:what|which) {_FILMS} (?:has|have) {_PERSON} (?:been )?credited on",
                rf"what (?:has|did) {_PERSON} (?:worked on|work on|made|make|done|do)",
                rf"(?:all )?(?:the )?{_FILMS} (?:of|with|by) {_PERSON}",
                rf"(?:what|which) {_FILMS} (?:feature|featured|credit|credited) {_PERSON}",
            ),
            "filmography",
        )
    ]
    for role, (role_iri, verbs, passive) in _ROLE_WORDS.items():
        as_word = _AS_WORDS[role]
        patterns = (
            rf"(?:what|which) {_FILMS} (?:has|did|have) {_PERSON} (?:{verbs})",
            rf"what (?:has|did) {_PERSON} (?:{verbs})",
            rf"(?:the )?{_FILMS} (?:{passive}) (?:by )?{_PERSON}",
            rf"(?:what|which) {_FILMS} (?:were|was|are|is|have been|has been) (?:{passive}) by {_PERSON}",
            rf"(?:the )?{_FILMS} (?:that )?{_PERSON} (?:has |have |did )?(?:{verbs})",
            rf"{_PERSON}'s? (?:filmography|films|movies|credits|work) as {as_word}",
            rf"(?:the )?(?:filmography|films|movies|credits) of {_PERSON} as {as_word}",
            rf"(?:what|which) {_FILMS} (?:has|did|have) {_PERSON} (?:worked on|made|done) as {as_word}",
            rf"(?:what|which) {_FILMS} (?:was|is) {_PERSON} (?:an? )?{as_word.split(')', 1)[-1].strip() or role} (?:on|of|in|for)",
        )
        forms.append(
            Form(
                f"filmography-as-{role}",
                {
                    "director": "What films did Mara Lindqvist direct?",
                    "actor": "What films did Tomas Ferreira star in?",
                    "writer": "What films did Owen Sato write?",
                    "producer": "What films did Hollis Granger produce?",
                    "composer": "What films did Ilse Brandvold score?",
                }[role],
                patterns,
                "filmography",
                {"roleIri": role_iri},
            )
        )
        count_patterns = (
            rf"how many {_FILMS} (?:has|did|have) {_PERSON} (?:{verbs})",
            rf"how many {_FILMS} (?:were|was|are|is|have been|has been) (?:{passive}) (?:by )?{_PERSON}",
            rf"how many {_FILMS} (?:has|did|have) {_PERSON} (?:worked on|made|done) as {as_word}",
        )
        forms.append(
            Form(
                f"count-as-{role}",
                {
                    "director": "How many films did Mara Lindqvist direct?",
                    "actor": "How many films did Tomas Ferreira star in?",
                    "writer": "How many films did Owen Sato write?",
                    "producer": "How many films did Hollis Granger produce?",
                    "composer": "How many films did Ilse Brandvold score?",
                }[role],
                count_patterns,
                "filmography",
                {"roleIri": role_iri},
                count=True,
            )
        )
    forms.append(
        Form(
            "count-films",
            "How many films has Tomas Ferreira been in?",
            (
                rf"how many {_FILMS} (?:has|did|have|is|was) {_PERSON} (?:been in|worked on|made|done|credited on|been credited on|in)",
                rf"in how many {_FILMS} (?:has|did|have|is|was) {_PERSON} (?:been|appeared|worked|credited)",
            ),
            "filmography",
            count=True,
        )
    )
    return forms


_RELEASE = r"(?:released|out|first released|put out|released in (?:theaters|theatres|cinemas))"
_COME_OUT = (
    r"(?:come out|get released|premiere|hit (?:the )?(?:theaters|theatres|cinemas|screens)|"
    r"open|release|debut|first come out|arrive)(?: in (?:the )?(?:theaters|theatres|cinemas))?"
)


def _other_forms() -> list[Form]:
    return [
        Form(
            "release-date",
            "When was The Glass Harbor released?",
            (
                rf"when (?:was|is|were) {_FILM} {_RELEASE}",
                rf"when did {_FILM} {_COME_OUT}",
                rf"(?:the )?(?:release|premiere) dates? (?:of|for) {_FILM}",
                rf"what (?:is|was|are|were) the (?:release|premiere) dates? (?:of|for) {_FILM}",
                rf"(?:on |in )?(?:what|which) (?:year|date|day) (?:was|did) {_FILM} (?:released|come out|release|premiere)",
                rf"when (?:will|is) {_FILM} (?:be released|coming out|come out|going to be released|out)",
                rf"{_FILM}'s release dates?",
                rf"what(?: is| was) {_FILM}'s release dates?",
                rf"(?:what|which) year (?:is|was) {_FILM} from",
                rf"{_FILM} release dates?",
            ),
            "film-releases",
        ),
        Form(
            "release-where",
            "Where was The Glass Harbor released?",
            (
                rf"where (?:was|is|has|were) {_FILM} (?:been )?(?:released|shown|screened|out|streaming|available)",
                rf"(?:when and where|where and when) (?:was|is|were|has) {_FILM} (?:been )?(?:released|shown|screened|out)",
                rf"(?:when and where|where and when) did {_FILM} {_COME_OUT}",
                rf"(?:on |in )?(?:which|what) (?:platforms?|services?|streaming services?|streamers?) (?:was|is|has) {_FILM} (?:been )?(?:released|streaming|available|shown)(?: on)?",
                rf"(?:on )?(?:which|what) (?:platforms?|services?|streaming services?|streamers?) (?:was|is|did|has) {_FILM} (?:released on|on|streaming on|come out on|release on|been released on|available on)",
                rf"(?:on )?(?:which|what) (?:platforms?|services?|streaming services?|streamers?) (?:released|carries|streams|has) {_FILM}",
                rf"where can (?:i|you|one) (?:watch|stream|see) {_FILM}",
                rf"(?:on )?(?:which|what) (?:platforms?|streaming services?|services?) is {_FILM}(?: on| streaming on| available on| streaming)?",
                rf"in (?:which|what) (?:countries|regions|country|region|markets?) (?:was|did|has) {_FILM} (?:released|come out|been released)",
                rf"(?:which|what) (?:countries|regions|markets) (?:was|did|has) {_FILM} (?:released|come out|been released) in",
                rf"where did {_FILM} (?:come out|premiere|open|release)",
            ),
            "film-releases",
        ),
        Form(
            "films-of-year",
            "What films came out in 2015?",
            (
                rf"(?:what|which) {_FILMS} (?:came out|were released|were made|premiered|opened|released|are from|were from|were produced) in {_YEAR}",
                rf"(?:the )?{_FILMS} (?:of|from|released in|made in|in|that came out in) (?:the year )?{_YEAR}",
                rf"{_YEAR} {_FILMS}",
                rf"what came out in {_YEAR}",
                rf"(?:what|which) {_FILMS} (?:are|were) from (?:the year )?{_YEAR}",
            ),
            "films-of-years",
        ),
        Form(
            "films-of-decade",
            "What films came out in the 1990s?",
            (
                rf"(?:what|which) {_FILMS} (?:came out|were released|were made|premiered|released|are from|were from|were produced) in {_DECADE}",
                rf"(?:the )?{_FILMS} (?:of|from|released in|made in|in) {_DECADE}",
                rf"{_DECADE} {_FILMS}",
                rf"what came out in {_DECADE}",
            ),
            "films-of-years",
        ),
        Form(
            "co-stars",
            "Who are Tomas Ferreira's co-stars?",
            (
                rf"(?:who (?:are|were) )?(?:the )?co-?stars of {_PERSON}",
                rf"(?:who (?:are|were) )?{_PERSON}'s? co-?stars",
                rf"who (?:has|did|have|does) {_PERSON} (?:starred|acted|appeared|performed|been in (?:films|movies)|star|act|appear|perform) (?:with|alongside)",
                rf"who (?:has )?(?:starred|acted|appeared|performed|been in (?:films|movies)) (?:alongside|with|together with) {_PERSON}",
                rf"(?:which|what) (?:actors|actresses|people|performers) (?:have|has|did) (?:starred|acted|appeared|worked|been) (?:in films )?(?:alongside|with) {_PERSON}",
                rf"who (?:did|does|has) {_PERSON} (?:share|shared) the screen with",
            ),
            "co-stars",
        ),
        Form(
            "films-together",
            "What films did Tomas Ferreira and Juno Achterberg make together?",
            (
                rf"(?:what|which) {_FILMS} (?:did|have|has|do) {_PERSON} and {_OTHER} (?:made|make|do|done|appear in|appeared in|star in|starred in|work on|worked on|been in|act in|acted in) together",
                rf"(?:the )?{_FILMS} (?:with|starring|featuring|by) both {_PERSON} and {_OTHER}",
                rf"(?:the )?{_FILMS} {_PERSON} and {_OTHER} (?:made|did|worked on|appeared in|starred in|were in) together",
                rf"in (?:what|which) {_FILMS} (?:did|have) {_PERSON} and {_OTHER} (?:both )?(?:appear|appeared|star|starred|work|worked|act|acted)(?: together)?",
                rf"(?:what|which) {_FILMS} (?:feature|star|have|credit) both {_PERSON} and {_OTHER}",
                rf"(?:have|did|has|do) {_PERSON} and {_OTHER} (?:ever )?(?:worked|appeared|starred|acted|work|appear|star|act|make (?:a )?(?:film|movie)s?|made (?:a )?(?:film|movie)s?|been in (?:a )?(?:film|movie)s?) together",
                rf"(?:what|which) {_FILMS} (?:did|has|have) {_PERSON} (?:made|make|do|done|work on|worked on|appear in|appeared in|star in|starred in) with {_OTHER}",
                rf"{_FILMS} with {_PERSON} and {_OTHER}(?: together)?",
                rf"(?:did|have|has) {_PERSON} and {_OTHER} (?:ever )?(?:star|act|appear|work)(?:ed)? together in (?:any|a) (?:films?|movies?)",
            ),
            "films-together",
        ),
        Form(
            "collaboration-distance",
            "What is the collaboration distance between Tomas Ferreira and Kim Sato?",
            (
                rf"(?:what(?: is|'s) )?(?:the )?(?:collaboration |co-?star |degrees? of )?(?:distance|separation) (?:between|from) {_PERSON} (?:and|to) {_OTHER}",
                rf"how (?:far|close) (?:is|are|was) {_PERSON} (?:from|to) {_OTHER}",
                rf"how (?:is|are|was|were) {_PERSON} and {_OTHER} (?:connected|linked|related)",
                rf"how (?:is|are|was|were) {_PERSON} (?:connected|linked|related) to {_OTHER}",
                rf"how many (?:degrees|steps|hops|links|collaborations) (?:of separation )?(?:are there )?(?:between|from|separate) {_PERSON} (?:and|to|from) {_OTHER}",
                rf"(?:the )?(?:shortest )?(?:collaboration )?(?:path|chain|link|connection) (?:from|between) {_PERSON} (?:to|and) {_OTHER}",
                rf"how (?:do|does) {_PERSON} (?:connect|link) to {_OTHER}",
            ),
            "distance",
        ),
        Form(
            "worked-most-with",
            "Who worked most often with Tomas Ferreira?",
            (
                rf"who (?:has |have )?(?:worked|collaborated|made (?:the most )?(?:films|movies)) (?:most often|the most|most|most frequently|the most often|most times) with {_PERSON}",
                rf"who (?:did|does|has|have) {_PERSON} (?:work|worked|collaborate|collaborated) with (?:most|the most|most often|most frequently|the most often)",
                rf"who (?:are|were|is|was) {_PERSON}'s (?:most frequent|closest|top|frequent|main|usual) (?:collaborators?|co-workers?|partners?)",
                rf"{_PERSON}'s? (?:most frequent|closest|top|frequent|main|usual) (?:collaborators?|co-workers?|partners?)",
                rf"(?:who (?:are|were|is|was) )?(?:the )?(?:most frequent|top|frequent|closest|main|usual) (?:collaborators?|co-workers?|partners?) of {_PERSON}",
                rf"who (?:collaborated|worked) (?:most|the most|most often|most frequently) (?:with|alongside) {_PERSON}",
                rf"who (?:has |have )?(?:worked|collaborated|made (?:the most )?(?:films|movies)) with {_PERSON} (?:the )?most(?: often)?",
                rf"with whom (?:has|did|does) {_PERSON} (?:worked|work|collaborated|collaborate) (?:most|the most|most often)",
            ),
            "collaborators",
        ),
    ]


FORMS: tuple[Form, ...] = (*_role_forms(), *_other_forms(), *_filmography_forms())
"""Every form of question ``kg ask`` understands, most specific first."""

_COMPILED = [
    (form, re.compile(rf"^{p}$", re.IGNORECASE))
    for loose in (False, True)  # patterns that open with a name come last: they match most
    for form in FORMS
    for p in form.patterns
    if p.startswith("(?P<") == loose
]

_OPENINGS = re.compile(
    r"^(?:(?:please|pls|ok|okay|so|hey|hi|hello|and|now|quick question|kg)[,:]?\s+"
    r"|(?:can|could|would|will) you (?:please )?(?:tell me|say|show me|list|find|give me|look up)\s+"
    r"|(?:do|does) (?:you|anyone) know\s+|i(?: want| would like|'d like| need| wonder| wondered)"
    r"(?: to know| to find out)?\s+|i'm wondering\s+|tell me\s+|show me\s+|show\s+|give me\s+|list\s+|what about\s+"
    r"|find\s+|look up\s+|name\s+|display\s+|print\s+|what are\s+(?=(?:the )?(?:films|movies))"
    r"|what were\s+(?=(?:the )?(?:films|movies)))+",
    re.IGNORECASE,
)
_CLOSINGS = re.compile(
    r"(?:[,\s]+(?:please|thanks|thank you|again|exactly|anyway|then))+$", re.IGNORECASE
)
_QUOTES = "\"'\u201c\u201d\u2018\u2019\u00ab\u00bb`"
_NAME_HEADS = re.compile(
    r"^(?:the (?:film|movie|picture|feature)\s+|(?:film|movie)\s+|the (?:actor|actress|director|"
    r"writer|producer|composer|screenwriter|filmmaker)\s+|(?:actor|actress|director|writer|"
    r"producer|composer|screenwriter|filmmaker)\s+)",
    re.IGNORECASE,
)


_STRUCTURE = re.compile(
    r"\b(?:filmography|co-?stars|collaborators|directed by|starring|release date)\b|'s (?:films|movies)\b"
    r"|\bas (?:an? )?(?:director|actor|actress|writer|screenwriter|producer|composer)\b"
    r"|\b(?:most|more|fewest|fewer|least) (?:films|movies)\b"
    r"|^(?:who|whom|whose|what|which|how|when|where|why|delete|drop|insert|remove|all)\b",
    re.IGNORECASE,
)
"""Words that belong to a question's form, never to a name read from it."""


def _normalise(question: str) -> str:
    text = unicodedata.normalize("NFKC", question).replace("\u2019", "'").replace("\u2018", "'")
    text = " ".join(text.split()).strip()
    text = text.rstrip("?!. ").strip()
    text = re.sub(r"\b(who|what|where|when|how)'s\b", r"\1 is", text, flags=re.IGNORECASE)
    for _ in range(3):
        text = _OPENINGS.sub("", text).strip()
        text = _CLOSINGS.sub("", text).strip().rstrip("?!.,").strip()
    return text


def _clean_name(text: str) -> str:
    name = text.strip().strip(",;:")
    name = _NAME_HEADS.sub("", name).strip()
    if len(name) >= 2 and name[0] in _QUOTES and name[-1] in _QUOTES:
        name = name[1:-1].strip()
    return name


@dataclass
class Understood:
    """A question matched to a form, with the names and numbers read from it."""

    form: str
    slots: dict[str, str]


def understand(question: str) -> Understood | None:
    """The form of ``question`` and its slots, or ``None`` when no form matches all of it."""
    text = _normalise(question)
    if not text:
        return None
    for form, pattern in _COMPILED:
        match = pattern.match(text)
        if match is None:
            continue
        slots = {k: _clean_name(v) for k, v in match.groupdict().items() if v is not None}
        if all(slots.values()) and not any(_STRUCTURE.search(v) for v in slots.values()):
            return Understood(form.name, slots)
    return None


def understood_forms() -> list[str]:
    """One example question per form (what ``kg ask`` prints when it does not understand)."""
    return [form.example for form in FORMS]


# --- answering ---------------------------------------------------------------------------------


@dataclass
class Answer:
    """What ``kg ask`` found: the form, the entities named, the rows, the SPARQL that ran."""

    question: str
    form: str
    understood: bool = True
    headline: str = ""
    columns: list[str] = field(default_factory=list)
    rows: list[list[str]] = field(default_factory=list)
    iris: list[list[str | None]] = field(default_factory=list)
    """For each row, the IRI behind each cell (or ``None``), for links."""
    sparql: list[str] = field(default_factory=list)
    entities: dict[str, list[tuple[str, str]]] = field(default_factory=dict)
    """Each slot's entities as ``(iri, label)``."""
    suggestions: dict[str, list[str]] = field(default_factory=dict)
    """Slot -> close names, when a name was not found."""
    slots: dict[str, str] = field(default_factory=dict)
    """The names and numbers as read from the question."""
    labels: dict[str, str] = field(default_factory=dict)
    """The label of each IRI in the rows."""
    message: str = ""

    @property
    def answered(self) -> bool:
        """Did the question get an answer (understood, and every name found)?"""
        return self.understood and not self.suggestions and not self.message

    def as_dict(self) -> dict[str, Any]:
        """Plain JSON-ready dict."""
        return {
            "question": self.question,
            "form": self.form,
            "understood": self.understood,
            "answered": self.answered,
            "headline": self.headline,
            "columns": self.columns,
            "rows": self.rows,
            "iris": self.iris,
            "sparql": self.sparql,
            "entities": {k: [list(e) for e in v] for k, v in self.entities.items()},
            "suggestions": self.suggestions,
            "slots": self.slots,
            "labels": self.labels,
            "message": self.message,
            "forms": understood_forms() if not self.understood else [],
        }


_KIND_CLASS = {"film": KG.Film, "person": KG.Person, "other": KG.Person}
_LABEL_CACHE: dict[tuple[int, str | None, str], list[tuple[str, str]]] = {}


def _class_labels(reader: GraphReader, cls: URIRef) -> list[tuple[str, str]]:
    """Every ``(iri, label)`` of a class (kept per reader and store generation)."""
    key = (id(reader), getattr(reader, "generation", None), str(cls))
    if key not in _LABEL_CACHE:
        if len(_LABEL_CACHE) > 8:
            _LABEL_CACHE.clear()
        _LABEL_CACHE[key] = [
            (s, label)
            for s, label in reader.text_rows(
                f"SELECT ?s ?l WHERE {{ ?s a {cls.n3()} ; {RDFS.label.n3()} ?l }}"
            )
            if s is not None and label is not None
        ]
    return _LABEL_CACHE[key]


_WITH_YEAR = re.compile(
    r"^(.*\S)\s*[(\[]\s*((?:18|19|20)\d\d)\s*[)\]]$|^(.*\S)\s+(?:from|of|in) ((?:18|19|20)\d\d)$"
)


def find_named(reader: GraphReader, name: str, kind: str) -> list[tuple[str, str]]:
    """The entities of ``kind`` (``film`` or ``person``) that ``name`` names: by label ignoring
    case and punctuation (the IRI slug), by exact label, or, for films, the same title in any year
    (``Heat`` finds ``Heat (1995)`` and ``Heat (1972)``; ``Heat (1995)`` only the first)."""
    cls = _KIND_CLASS[kind]
    iri_kind = "film" if kind == "film" else "person"
    candidates: dict[str, None] = {}
    year = None
    bare = name
    match = _WITH_YEAR.match(name) if kind == "film" else None
    if match:
        bare = match.group(1) or match.group(3)
        year = match.group(2) or match.group(4)
    slug = slugify(bare)
    guesses = [str(entity_iri(iri_kind, bare))]
    if year:
        guesses.insert(0, str(entity_iri(iri_kind, bare, qualifier=year)))
    values = " ".join(f"<{g}>" for g in guesses)
    for (iri,) in reader.text_rows(
        f"SELECT ?x WHERE {{ VALUES ?x {{ {values} }} ?x a {cls.n3()} }}"
    ):
        if iri is not None:
            candidates[iri] = None
    if kind == "film" and not (year and candidates):
        prefix = f"{KGR}film/{slug}-"
        for iri, label in _class_labels(reader, cls):
            if (
                iri.startswith(prefix) and re.fullmatch(r"(?:18|19|20)\d\d", iri[len(prefix) :])
            ) or label == bare:
                candidates[iri] = None
    if year and kind == "film":
        dated = [i for i in candidates if i.endswith(f"-{year}")]
        if dated:
            candidates = dict.fromkeys(dated)
        else:
            kept = []
            for iri in candidates:
                rows = reader.text_rows(f"SELECT ?y WHERE {{ <{iri}> {KG.year.n3()} ?y }}")
                if any(y == year for (y,) in rows):
                    kept.append(iri)
            candidates = dict.fromkeys(kept)
    if not candidates:
        for (iri,) in reader.text_rows(
            f"SELECT ?x WHERE {{ ?x {RDFS.label.n3()} ?l ; a {cls.n3()} }}",
            bindings={"l": Literal(bare)},
        ):
            if iri is not None:
                candidates[iri] = None
    names = dict(_class_labels(reader, cls)) if candidates else {}
    return [(iri, names.get(iri, iri.rsplit("/", 1)[-1])) for iri in sorted(candidates)]


def suggest_names(reader: GraphReader, name: str, kind: str, *, limit: int = 3) -> list[str]:
    """Labels of ``kind`` close to ``name`` (rapidfuzz), best first."""
    from rapidfuzz import fuzz, process, utils

    labels = sorted({label for _, label in _class_labels(reader, _KIND_CLASS[kind])})
    found = process.extract(
        name,
        labels,
        scorer=fuzz.WRatio,
        processor=utils.default_process,
        limit=limit * 3,
        score_cutoff=75,
    )
    ranked = sorted(found, key=lambda f: (-f[1], -fuzz.ratio(name.lower(), f[0].lower()), f[0]))
    return [label for label, _, _ in ranked[:limit]]


_DECADE_WORDS = {
    "twenties": 20, "thirties": 30, "forties": 40, "fifties": 50, "sixties": 60,
    "seventies": 70, "eighties": 80, "nineties": 90,
}  # fmt: skip


def decade_years(text: str) -> tuple[int, int]:
    """The first and last year of a decade written as ``1990s``, ``the 90s``, ``'90s``,
    ``the nineties`` (two-digit decades are of the 1900s).

    >>> decade_years("the '90s"), decade_years("2000s"), decade_years("the eighties")
    ((1990, 1999), (2000, 2009), (1980, 1989))
    """
    word = text.lower().removeprefix("the ").strip().replace("'", "")
    if word in _DECADE_WORDS:
        start = 1900 + _DECADE_WORDS[word]
    else:
        digits = word.rstrip("s")
        start = int(digits) if len(digits) == 4 else 1900 + int(digits)
    return start, start + 9


def _cell(term: Identifier | None) -> str:
    if term is None:
        return ""
    return str(term)


def _run_named(
    reader: GraphReader, name: str, bound: Mapping[str, Identifier]
) -> tuple[list[str], list[tuple[Identifier | None, ...]], str]:
    query = named_queries()[name]
    body = "\n".join(line for line in query.text.splitlines() if not line.startswith("#"))
    text = re.sub(
        rf"<{re.escape(str(KG._NS))}(\w+)>", r"kg:\1", bind_values(body.strip(), bound)
    )  # as a person writes it: the standard prefixes need no PREFIX line
    rows = reader.rows(with_prefixes(query.text), bindings=bound)
    return query.columns, [tuple(r) for r in rows], text


def _iri_param(value: str) -> URIRef:
    prefix, _, local = value.partition(":")
    if prefix == "kg":
        return URIRef(str(KG._NS) + local)
    return URIRef(value)


def ask(reader: GraphReader, question: str) -> Answer:
    """Understand ``question`` and answer it from ``reader`` (see the module docstring).

    >>> from kg.store import Store
    >>> with Store.memory() as store:
    ...     answer = ask(store, "why is the sky blue?")
    >>> answer.understood, answer.answered, len(answer.as_dict()["forms"]) > 10
    (False, False, True)
    """
    answer = _ask(reader, question)
    iris = {i for row in answer.iris for i in row if i}
    if iris:
        answer.labels = _names(reader, iris)
    return answer


def _ask(reader: GraphReader, question: str) -> Answer:
    if not question.strip():
        raise KGInputError('ask a question, e.g. kg ask "who directed The Glass Harbor?"')
    got = understand(question)
    if got is None:
        return Answer(question, "", understood=False, message="not understood")
    form = next(f for f in FORMS if f.name == got.form)
    answer = Answer(question, form.name, slots=dict(got.slots))
    found: dict[str, list[tuple[str, str]]] = {}
    for slot in ("film", "person", "other"):
        if slot not in got.slots:
            continue
        kind = "film" if slot == "film" else "person"
        matches = find_named(reader, got.slots[slot], kind)
        for mark in ("?", "!") if kind == "film" and not matches else ():
            matches = matches or find_named(reader, got.slots[slot] + mark, kind)  # "Baby Jane?"
        if not matches:
            answer.suggestions[slot] = suggest_names(reader, got.slots[slot], kind)
        found[slot] = matches
    answer.entities = found
    if answer.suggestions:
        return answer
    if form.answer == "distance":
        return _distance(reader, answer, found["person"][0], found["other"][0])
    if "year" in got.slots or "decade" in got.slots:
        if "year" in got.slots:
            first = last = int(got.slots["year"])
        else:
            first, last = decade_years(got.slots["decade"])
        bound: dict[str, Identifier] = {
            "from": Literal(first, datatype=XSD.integer),
            "to": Literal(last, datatype=XSD.integer),
        }
        columns, rows, text = _run_named(reader, form.answer, bound)
        answer.sparql.append(text)
        _fill(answer, columns, rows, None)
        span = str(first) if first == last else f"{first}-{last}"
        answer.headline = f"{len(answer.rows):,} films of {span}"
        return answer
    combos: list[dict[str, tuple[str, str]]] = [{}]
    for slot, matches in found.items():
        combos = [{**c, slot: m} for c in combos for m in matches[:5]]
    for combo in combos:
        bound = {slot: URIRef(iri) for slot, (iri, _) in combo.items()}
        bound.update({k: _iri_param(v) for k, v in form.fixed.items()})
        columns, rows, text = _run_named(reader, form.answer, bound)
        answer.sparql.append(text)
        label = " and ".join(_shown(reader, iri, name, slot) for slot, (iri, name) in combo.items())
        _fill(answer, columns, rows, label if len(combos) > 1 else None)
    answer.headline = _headline(form, answer, found, reader)
    return answer


def _shown(reader: GraphReader, iri: str, name: str, slot: str) -> str:
    if slot != "film":
        return name
    years = [y for (y,) in reader.text_rows(f"SELECT ?y WHERE {{ <{iri}> {KG.year.n3()} ?y }}")]
    return f"{name} ({min(y for y in years if y)})" if any(years) else name


def _fill(
    answer: Answer,
    columns: list[str],
    rows: list[tuple[Identifier | None, ...]],
    about: str | None,
) -> None:
    if about is not None and "for" not in answer.columns:
        answer.columns = ["for", *columns]
    elif not answer.columns:
        answer.columns = list(columns)
    for row in rows:
        cells = [_cell(t) for t in row]
        iris = [str(t) if isinstance(t, URIRef) else None for t in row]
        if about is not None:
            cells.insert(0, about)
            iris.insert(0, None)
        answer.rows.append(cells)
        answer.iris.append(iris)


_HEADS: dict[str, str] = {
    "director-of": "{film} was directed by {names}",
    "cast-of": "{film} stars {names}",
    "producer-of": "{film} was produced by {names}",
    "writer-of": "{film} was written by {names}",
    "composer-of": "The music of {film} is by {names}",
    "studio-of": "{film} was made by {names}",
    "co-stars": "{person} has {count} co-stars",
    "worked-most-with": "{person} worked most often with {names}",
    "films-together": "{person} and {other} are credited together on {count} films",
}


def _headline(
    form: Form, answer: Answer, found: dict[str, list[tuple[str, str]]], reader: GraphReader
) -> str:
    first = {slot: matches[0][1] for slot, matches in found.items() if matches}
    if form.count:
        films = {
            row[answer.columns.index("film")] for row in answer.rows if "film" in answer.columns
        }
        count = len(films)
        answer.columns = ["films"]
        answer.rows = [[str(count)]]
        answer.iris = [[None]]
        role = form.name.removeprefix("count-as-").removeprefix("count-films")
        what = f" as {role}" if role else ""
        return f"{first['person']} is credited on {count} film{'s' if count != 1 else ''}{what}"
    if not answer.rows:
        what = form.name.replace("-", " ")
        return f"the store has no answer to this ({what}: no rows)"
    if form.name.startswith("filmography"):
        films = {row[0] for row in answer.rows}
        role = form.name.removeprefix("filmography").removeprefix("-as-")
        return f"{first['person']} is credited on {len(films)} films" + (
            f" as {role}" if role else ""
        )
    if form.name in ("release-date", "release-where"):
        return f"{first['film']}: released " + _releases(answer)
    template = _HEADS.get(form.name)
    if template is None:
        return ""
    name_col = 1 if answer.columns[0] != "for" else 2
    names = [row[name_col] or row[name_col - 1] for row in answer.rows]
    shown = ", ".join(names[:6]) + (f" and {len(names) - 6} more" if len(names) > 6 else "")
    return template.format(
        film=first.get("film", ""),
        person=first.get("person", ""),
        other=first.get("other", ""),
        names=shown,
        count=len(answer.rows),
    )


def _releases(answer: Answer) -> str:
    """``2021-12-01 (theatrical, FR), 2022-01-14 (streaming, Netflix, planned)``: the first five."""
    column = {name: i for i, name in enumerate(answer.columns)}
    by_date: dict[str, list[str]] = {}
    for row in answer.rows:
        details = by_date.setdefault(row[column["date"]], [])
        for name in ("kind", "region", "platformName"):
            value = row[column[name]] if name in column else ""
            if value and value not in details:
                details.append(value)
        if "planned" in column and row[column["planned"]] == "true" and "planned" not in details:
            details.append("planned")
    shown = [f"{d} ({', '.join(x)})" if x else d for d, x in sorted(by_date.items())]
    return ", ".join(shown[:5]) + (f" and {len(shown) - 5} more" if len(shown) > 5 else "")


def _distance(
    reader: GraphReader, answer: Answer, source: tuple[str, str], target: tuple[str, str]
) -> Answer:
    """Breadth-first search over people and films (any credit), with the films on each hop."""
    values = ", ".join(f"<{KG._NS}{p}>" for p in _CREDIT_PROPERTIES)
    query = f"SELECT ?film ?person WHERE {{ ?film ?p ?person FILTER (?p IN ({values})) }}"
    answer.sparql.append(query)
    films_of: dict[str, list[str]] = {}
    people_of: dict[str, list[str]] = {}
    for film, person in reader.text_rows(query):
        if film is None or person is None:
            continue
        films_of.setdefault(person, []).append(film)
        people_of.setdefault(film, []).append(person)
    start, goal = source[0], target[0]
    previous: dict[str, tuple[str, str] | None] = {start: None}
    queue = deque([start])
    while queue and goal not in previous:
        person = queue.popleft()
        for film in films_of.get(person, ()):
            for other in people_of.get(film, ()):
                if other not in previous:
                    previous[other] = (person, film)
                    queue.append(other)
    answer.columns = ["step", "from", "film", "to"]
    if goal not in previous:
        answer.headline = f"{source[1]} and {target[1]} are not connected by any chain of films"
        return answer
    hops: list[tuple[str, str, str]] = []
    node = goal
    while previous[node] is not None:
        before, film = previous[node]  # type: ignore[misc]
        hops.append((before, film, node))
        node = before
    hops.reverse()
    names = _names(reader, {x for hop in hops for x in hop})
    for i, (a, film, b) in enumerate(hops, start=1):
        answer.rows.append([str(i), names.get(a, a), names.get(film, film), names.get(b, b)])
        answer.iris.append([None, a, film, b])
    distance = len(hops)
    answer.headline = f"{source[1]} and {target[1]} are {distance} collaboration{'s' if distance != 1 else ''} apart"
    return answer


_CREDIT_PROPERTIES = (
    "director", "castMember", "producer", "executiveProducer", "screenwriter", "composer",
    "cinematographer", "editor",
)  # fmt: skip


def _names(reader: GraphReader, iris: set[str]) -> dict[str, str]:
    values = " ".join(f"<{i}>" for i in sorted(iris))
    return {
        s: label
        for s, label in reader.text_rows(
            f"SELECT ?s ?l WHERE {{ VALUES ?s {{ {values} }} ?s {RDFS.label.n3()} ?l }}"
        )
        if s is not None and label is not None
    }


def _readable(answer: Answer) -> tuple[list[str], list[list[str]]]:
    """The rows with labels for IRIs, without a column that is empty or only repeats the next one
    (an IRI column shown by the label beside it)."""
    rows = [
        [answer.labels.get(iri, cell) if iri else cell for cell, iri in zip(row, iris, strict=True)]
        for row, iris in zip(answer.rows, answer.iris, strict=True)
    ]
    last = len(answer.columns) - 1
    keep = [
        i
        for i in range(len(answer.columns))
        if any(row[i] and (i == last or row[i] != row[i + 1]) for row in rows)
    ] or list(range(len(answer.columns)))
    return [answer.columns[i] for i in keep], [[row[i] for i in keep] for row in rows]


def format_answer(answer: Answer, *, sparql: bool = True) -> str:
    """Plain text for :func:`ask`'s answer: the headline, a table, the SPARQL it ran; or, when
    the question was not understood, the forms understood; or "did you mean" for names."""
    lines: list[str] = []
    if not answer.understood:
        lines.append(f"kg did not understand: {answer.question!r}")
        lines.append("It understands questions of these forms (any wording close to them):")
        lines += [f"  - {example}" for example in understood_forms()]
        return "\n".join(lines)
    if answer.suggestions:
        for slot, close in answer.suggestions.items():
            kind = "film" if slot == "film" else "person"
            given = answer.slots.get(slot, "")
            hint = f"; did you mean {' or '.join(repr(c) for c in close)}?" if close else ""
            lines.append(f"no {kind} named {given!r} in the store{hint}")
        return "\n".join(lines)
    if answer.headline:
        lines.append(answer.headline + ".")
    for slot, matches in answer.entities.items():
        if len(matches) > 1:
            lines.append(
                f"({len(matches)} {'films' if slot == 'film' else 'people'} share the name "
                f"{matches[0][1]!r}: answered for each; add the year in brackets for one)"
            )
    if answer.rows and not (len(answer.rows) == 1 and answer.columns == ["films"]):
        columns, rows = _readable(answer)
        widths = [len(c) for c in columns]
        shown = [[c if len(c) <= 70 else c[:69] + "…" for c in row] for row in rows]
        for row in shown:
            widths = [max(w, len(c)) for w, c in zip(widths, row, strict=True)]
        lines.append("")
        lines.append("  ".join(c.ljust(w) for c, w in zip(columns, widths, strict=True)).rstrip())
        lines.append("  ".join("-" * w for w in widths))
        for row in shown:
            lines.append("  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip())
    if sparql and answer.sparql:
        lines.append("")
        lines.append(
            "SPARQL:" if len(answer.sparql) == 1 else f"SPARQL ({len(answer.sparql)} queries):"
        )
        for text in answer.sparql[:3]:
            lines += ["  " + line for line in text.strip().splitlines()]
    return "\n".join(lines)
