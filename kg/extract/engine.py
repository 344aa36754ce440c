"""The ``rules.v2`` extractor: runs the rule families over sentence skeletons and attaches facts.

For each document:

1. sentences (:mod:`kg.extract.pipeline`), tokens and names (:mod:`kg.extract.mentions`), dates
   (:mod:`kg.extract.dates`);
2. a first pass learns what the document itself says its names are (a person named in full, a
   title the wording calls a film), so that "Cuaron" is Alfonso Cuaron and a film named once
   with evidence is a film everywhere in the article;
3. a second pass writes each sentence as a skeleton (:mod:`kg.extract.patterns`) and runs every
   rule of :mod:`kg.extract.families` on it. A rule's own groups say which film a fact is about
   (clause-local attachment); rules without a film group take the film the sentence is about (its
   subject, "the film", "it"), and the article's main film only when the sentence names no film;
4. facts get the confidence calibrated for their rule (``data/calibration.json``); those below
   :data:`MIN_CONFIDENCE` are dropped.

>>> from kg.model import Document
>>> facts = extract(Document("d", "Heat (1995), directed by Michael Mann, stars Al Pacino."))
>>> sorted((f.subject.name, f.relation.value, getattr(f.object, "name", None)) for f in facts
...        if f.relation.value != "release_date")
[('Heat', 'cast_member', 'Al Pacino'), ('Heat', 'director', 'Michael Mann')]
"""

# ruff: noqa: RUF001  (typographic quotes and dashes are data here)

from __future__ import annotations

import importlib
import itertools
import json
import re
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from functools import cache, lru_cache
from importlib.resources import files
from operator import attrgetter
from typing import Any, NamedTuple

from ..model import (
    ROLE_BY_RELATION,
    Document,
    EntityRef,
    EntityType,
    Evidence,
    Fact,
    Relation,
    Value,
    ValueType,
)
from . import compiled
from .countries import COMBINING_FORMS, country_name
from .dates import DateMention, find_dates, is_planned
from .families import ALL_RULES
from .families.sources import NUMBERED_TITLE
from .gazetteer import Gazetteer, name_key
from .lexicon import (
    FILM_NOUNS,
    FUNCTION_WORDS,
    HONORIFICS,
    ORG_SUFFIXES,
    PERSON_NOUNS,
    ROLE_OF_NOUN,
    ROLE_OF_VERB,
    ROLE_OF_WORK,
    TV_NETWORKS,
    TV_WORDS,
    is_demonym,
    is_given_name,
    nonfilm_kind,
)
from .mentions import (
    Chunk,
    Known,
    Token,
    apposition_head,
    chunk_sentence,
    name_runs,
    retype_chunks,
    splits_apart,
    tokenize,
    type_chunks,
    untyped,
    untyped_chunks,
)
from .patterns import Rule, expand, slots
from .pipeline import sentences

__all__ = ["EXTRACTOR_NAME", "MIN_CONFIDENCE", "extract", "rule_confidence"]

EXTRACTOR_NAME = "rules.v2"
MIN_CONFIDENCE = 0.5
"""Facts whose rule was right less often than this on the development sets are not emitted."""

_KIND_LETTER = {
    "film": "F",
    "person": "P",
    "org": "O",
    "nonfilm": "X",
    "nationality": "C",
    "name": "N",
    "series": "X",
}
_KIND_OF_LETTER = {"P": "person", "F": "film", "O": "org"}
_ANAPHOR = re.compile(
    r"(?<!«F\d» , )(?<!«F\d\d» , )(?<!remake of )(?<!sequel to )(?<!prequel to )(?<!version of )"
    r"(?<!follow-up to )\b(?:the|this|that|its|their)((?: (?!(?:of|the|a|an|in|on|for|to|and|with|by|from|at|as|"
    r"first|second|third|fourth|original|previous|prior|earlier|next|last|other|1st|2nd|3rd)"
    r" )(?:[a-z][\w'-]*|«[CXNPO]\d+»|\d{4}|\$[\w.]+|£|€|\d[\w.]*)){0,3}?) "
    r"(film|movie|picture|feature|drama|comedy|thriller|documentary|epic|biopic|flick|"
    r"blockbuster|project|production|western|romance|fantasy|animation|tale|caper|"
    r"satire|chiller|romcom|rom-com|weepie|melodrama|(?<=» )release)"
    r"(?! , (?:called|titled|entitled|named) «)"  # "The film, called X, ...": X, named here
    r"(?= (?:[,.;:)!?]|which|that|who|is|was|are|were|has|had|will|would|could|can|stars|starring|"
    r"directed|written|produced|also|and|but|'s|opens|opened|received|won|took|tells|follows|"
    r"features|got|earned|grossed|became|remains|spawned|hits|hit|arrives|arrived|lands|landed|"
    r"debuts|debuted|bows|bowed|comes|came|in|at|on|with|itself|as|about|for|after|when|alongside|"
    r"opposite|reunites|reunited|sees|saw|marks|marked|"
    r"before|last|based|,|from (?:a |an |the |his |her |their )?(?:[a-z-]+ )?(?:script|"
    r"screenplay|story|novel|book)\b)|$)"
)
"""A film named by a definite noun phrase ("the film", "the $100m movie", "the Mike Leigh
film"): it refers to the film the text is about (never "the sequel", "the first film", "the
original film", "the previous film", nor "a remake of the 1975 thriller": those are other
films)."""
_ANAPHOR_NOUNS = frozenset(
    [
        "release",  # only after a name: "the Sony release"
        "film",
        "movie",
        "picture",
        "feature",
        "drama",
        "comedy",
        "thriller",
        "documentary",
        "epic",
        "biopic",
        "flick",
        "blockbuster",
        "project",
        "production",
        "western",
        "romance",
        "fantasy",
        "animation",
        "tale",
        "caper",
        "satire",
        "chiller",
        "romcom",
        "rom-com",
        "weepie",
        "melodrama",
    ]
)
_ALIASES = re.compile(
    r"«([FN])(\d+)» \( (?:also known as |also called |known as |aka |a\.k\.a\. |or |"
    r"released as |also released as |original title |originally )?(?:: )?"
    r"((?:«[FN]\d+»)(?: (?:,|and|or) «[FN]\d+»)*)(?: ; [^)]*)? \)"
)
"""A title and its other titles in brackets: "Vase de Noces (also known as Wedding Trough)"."""
_LEAD = re.compile(
    r"^(?:the (?:film|movie) )?«[FNPO](\d+)» (?:\( [^)]* \) )?(?:, )?(?:is|was) (?:an?|the) "
    r"(?:(?!(?:of|for|in|on|at|by|with|from|to|behind) )[^«» ]+ |«[CX]\d+» ){0,6}?(?:film|movie|documentary|feature|animated feature|short|"
    r"drama|comedy|thriller|western|musical|biopic|co-production)\b(?! (?:'s|director|producer|"
    r"maker|critic|studio|company|festival|editor|composer|star|actor|actress|executive|"
    r"distributor|industry|production company|series))"
)
"""A lead sentence: "Moth & Company is a 1991 animated film ..." makes its subject a film (not
"Ray Griggs was the director of the film": a preposition before the film noun; nor "Ray
Griggs is the film's producer")."""
_FILM_NAMED_LAST = re.compile(
    r"\b(?:the|a|an|his|her|their|its) (?:[a-z][\w-]* |«[PCX]\d+» ){0,3}?(?:film|movie) , "
    r"«N(\d+)» (?:\.|;|$)"
)
"""A film noun and, after a comma, the name that ends the sentence: the film's title ("They
will write the music for the new Ian Coe film, Salt Lake Summer.")."""
_WORK_SUBJECT = re.compile(
    r"\b(?:score|soundtrack|music|songs?|lyrics|theme|novel|book|play|story|poem|script|"
    r"screenplay|cinematography|photography|editing|memoir|comic|opera|musical|album|track|single|"
    r"(?<!film )(?<!movie )series|show|sitcom|programme|episode|(?:tv|television|stage|radio) version)\b|«X\d+» version\b"
)
_OBJECT_PREPOSITION = re.compile(r"\b(?:by|from|on|of|with) ")
"""A preposition before a work noun in a clause: the work is an object there, not the subject."""
_MUSIC_WORD = re.compile(
    r"\b(?:songs?|singles|(?:the|new|debut|hit|latest|their|his|her) single|tracks?(?! record)|"
    r"albums?|band|singer|rapper|concerts?|gigs?)\b"
)
_ANY_FILM_NOUN = re.compile(expand(r"\b{FILM_NOUN}\b"))
"""A sentence about music: a possessive there names a singer's song or album, not a film."""
_NAMED_THING = re.compile(
    r"\b(?:a|an|the|his|her|their) ((?:[a-z][\w-]* ){1,3})(?:called|named|dubbed|nicknamed) $"
)
"""A noun and "called" just before a name: the name is that thing's ("a cat called X"), a film's
only when the noun is a film noun ("a comedy called X")."""
_MADE_FROM = frozenset(
    {
        *("soundtrack", "album", "score", "single", "trailer", "teaser", "poster", "video", "game"),
        *("novel", "novelisation", "novelization", "book", "musical", "adaptation"),
        *("remake", "sequel", "prequel", "follow-up", "spin-off"),
    }
)
_WORK_FROM_FILM = re.compile(
    rf"\b(?:{'|'.join(sorted(_MADE_FROM))}) "
    r"(?:to|of|for|from) (?:(?:the|a|an|his|her|its|their) )?(?:[a-z\d-]+ ){0,2}?«[FN](\d+)»"
)
"""A work made from a film, just before the film's name: a release date said of the name is
the work's ("The soundtrack to the hit film F, released on 2 May, topped the chart")."""

_CINEMA_RELEASE = re.compile(r"\b(?:opens|opened|opening|open|cinemas|theaters|theatres)\b")
"""Words of a release only a film has ("which opens on 4 June", "in cinemas")."""


def _films_works_were_made_from(sent: _Sentence, state: _State, end: int) -> set[str]:
    """The keys of the films the skeleton names before ``end`` as what another work was made
    from (:data:`_WORK_FROM_FILM`): no release date said after them is theirs ("a sequel to the
    2000 film F" dates F, "the sequel to F, released in 2003" does not; but only a film opens
    in cinemas: "The trailer for F, which opens on 4 June, ..." dates F)."""
    return {
        name_key(state.names.film_name(sent.slots[int(m.group(1))].text))
        for m in _WORK_FROM_FILM.finditer(sent.skeleton, 0, end)
        if not _CINEMA_RELEASE.search(sent.skeleton, m.end(), end)
    }


_WORK_AT_END = re.compile(f"(?:{_WORK_SUBJECT.pattern})$")
"""A work that ends a clause: what a "which" after it stands for."""
_WORK_OF_FILM = re.compile(
    r"\b(?:score|soundtrack|music|songs?|lyrics|theme|script|screenplay|cinematography|"
    r"photography|editing|costumes|effects) (?:for|of|to) (?:the )?$"
)
"""A work of a film just before the film a rule takes ("the music for F was written by X")."""
_DIRECTING = re.compile(r"(?:co-)?(?:directed|directing|directs|direct|helmed)")
"""Cues of a credit only a film has, never its music or script."""
_DERIVED_OF_FILM = re.compile(
    r"\b(?:trailers?|teasers?|posters?|images|pictures|photos|footage|clips?|stills|soundtrack|"
    r"album|score|songs?|novel|book|script|screenplay|restoration|documentary|musical|game|"
    r"sequel|prequel|spin-off|remake|reboot|dvd|blu-ray|making|tickets|(?:restored|remastered|"
    r"extended|stage|special|anniversary|4k|director 's) (?:version|edition|cut)) "
    r"(?:for|of|from|about|to) (?:the |a |an )?(?:[^«», ]+ ){0,2}$"
)
"""Something made from or for a film, just before it: "the trailer for F", "a restored version
of F", "the soundtrack of the film F" (its release date is not the film's). A bare "version of
F" is not here: "the English version of F was released in the US" is a release of the film."""
_RELATIVE = re.compile(r" , | which | that ")
"""Between a film and a cue, what makes the cue the film's: "the trailer for F, which opens on"."""
_SCREEN_VERSION_OF = re.compile(r"\b(?:film|movie|screen|big-screen) (?:version|adaptation) of\b")
"""A film made of a work: "The movie version of P's novel is being directed by X" is about it."""
_FILM_NOUN_AFTER = re.compile(r"\b(?:film|movie|picture|feature|documentary|short)\b")
"""A film noun after a work word: "a musical comedy film produced by X" is about the film."""
_SLOT_KIND = re.compile(r"«([A-Z])(\d+)»")
_AS_WHOM = (
    r"(?:«[A-Z]\d+»|(?:a|an|the|his|her|their) (?:(?!and |or )[a-z][\w'-]* ){1,2}«[NPX]\d+»"
    r"|(?:(?!(?:and|or|well|in|of|for|by|with|from|to|at|on|opposite|alongside|part|is|was) )"
    r"[a-z][\w'-]* ){1,2}«[NPX]\d+»"
    r"|(?:a|an|the|his|her|their) (?:«[CXNP]\d+» )?[a-z][\w' -]*?)(?= ,| and| \)|$)"
)
"""The character after "as": a name, or a noun phrase ("as a retired spy", "as her son"), or
both ("as his wife June Carter", "as rogue agent Cole Decker": the named one is the character,
not one of the cast)."""
_AS_CHARACTER = re.compile(r"(?<!well)(?: \()? as " + _AS_WHOM + r"(?: \))?| \( «[NXP]\d+» \)")
_PRONOUNS = frozenset({"he", "she", "him", "her", "his", "hers"})
_MAY_HEDGE = (
    r"(?<!in )(?<!on )(?<!of )(?<!by )(?<!since )(?<!until )(?<!last )(?<!next )(?<!early )"
    r"(?<!late )may(?! \d)"
)
"""The hedge "may", not the month ("on Wednesday (May 24)", "opens in May")."""
_NEGATION = re.compile(
    r"\b(?:not|n't|never|denied|denies|deny|rumou?red|rumou?rs|tipped|speculation|speculated|"
    r"first choice|preferred choice|possibility|possible|might|"
    + _MAY_HEDGE
    + r"|could|turn(?:s|ed|ing)? down|turn(?:s|ed|ing)? (?:it|them|the role|the part|the offer) "
    r"down|offered|"
    r"pulled out|dropped out|was to have|declined|rejected|refused|instead of|rather than|"
    r"passed on|passed up|lost out on|missed out on|auditioned for|was up for|vying for|"
    r"replaced|replacing|in talks|negotiations?|linked|considering|considered|(?:chosen|picked|"
    r"selected|preferred|cast) over)\b"
)
_DEAL_HEDGE = re.compile(
    r"\b(?:not (?:yet |been |officially )?(?:confirmed|finalised|finalized|signed|announced)|"
    r"nothing (?:has been|is|was) (?:confirmed|signed|finalised|finalized)|yet to be confirmed|"
    r"unconfirmed|could (?:still )?(?:collapse|fall through|change)|may (?:still )?(?:collapse|"
    r"fall through|change)|talks (?:are|were) (?:at an early stage|continuing|ongoing))\b"
)
"""A doubt in a following clause that still hedges a casting ("..., but nothing is confirmed")."""
_PRIZE_TIP = re.compile(
    r"\b(?:tipped|rumou?red|possible) (?=(?:[^.;]* )?(?:(?:prize|award|oscar|bafta|globe|honour|"
    r"nomination)\b|«X\d+»)[^.;]* (?:for|of) (?:his|her|their) (?:role|part|performance|turn))"
)
"""Speculation about a prize for a role ("tipped P for a prize for his role in F", "P is tipped
for an Oscar for his role in F", the prize's name a slot): the role is no hedge."""
_REPLACED = re.compile(r"\breplac(?:ed|ing)\b")
"""The negation cue a replacement rule's own verb would trip."""
_CLAUSE_BREAK = re.compile(r" (?:, )?(?:but|while|whereas|although|though|however|;) ")
"""Where the clause of a match begins: a negation before it is about another clause ("X was not
in A, but he starred in B")."""
_NEXT_CLAUSE = re.compile(r" (?:, )?(?:says|said|adds|added|insists|insisted|explains|explained) ")
"""Where what a speaker says begins: a hedge there is about something else."""
_TV_CUE = re.compile(
    r"\b(?:series|sitcom|soap|show|shows|programme|programmes|episode|episodes|serial|serials|"
    r"tv drama|drama series|tv series|channel)\b"
)


# ------------------------------------------------------------------ calibration


@cache
def _calibration() -> dict[str, tuple[int, int]]:
    path = files("kg.extract").joinpath("data", "calibration.json")
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    return {str(k): (int(v[0]), int(v[1])) for k, v in raw.get("rules", {}).items()}


def rule_confidence(rule: Rule, how: str = "named") -> float:
    """How often ``rule`` was right on the development sets, shrunk towards a prior (0.75 for
    explicit wording, 0.6 for implicit) by :data:`PRIOR_WEIGHT` pseudo-counts, so that a rule
    seen once or twice is neither trusted nor dropped on that alone:
    ``(right + w * prior) / (emitted + w)``.

    >>> rule_confidence(Rule("never.seen", "x")) == 0.75
    True
    """
    prior = 0.75 if rule.explicit else 0.6
    counts = _calibration().get(f"{rule.name}@{how}") or _calibration().get(rule.name)
    if counts is None:
        return prior
    right, emitted = counts
    return (right + PRIOR_WEIGHT * prior) / (emitted + PRIOR_WEIGHT)


PRIOR_WEIGHT = 4
"""Pseudo-counts of the prior in :func:`rule_confidence`."""


# ------------------------------------------------------------------ per-document state


_SUBTITLE_SMALL_WORDS = frozenset({"to", "from", "of", "the", "in", "and", "a", "at", "on", "for"})
"""Lower-case words a sequel's subtitle may hold after its colon ("2: Back to Benidorm")."""


@dataclass
class _Names:
    """What the document (and the gazetteer) says its names are."""

    gazetteer: Gazetteer | None
    kinds: dict[str, str] = field(default_factory=dict)
    full_names: dict[str, str] = field(default_factory=dict)  # key -> person's full name
    ambiguous: set[str] = field(default_factory=set)
    film_counts: Counter[str] = field(default_factory=Counter)
    person_counts: Counter[str] = field(default_factory=Counter)
    surface: dict[str, str] = field(default_factory=dict)  # key -> first spelling seen
    aliases: dict[str, list[str]] = field(default_factory=dict)  # film key -> other titles
    strong_people: set[str] = field(default_factory=set)  # described as people ("actor X")
    evidenced: set[str] = field(default_factory=set)  # films shown to be films by a film cue
    actors: set[str] = field(default_factory=set)  # people described as actors ("actress X")
    directors: set[str] = field(default_factory=set)  # described as directors ("director X")
    crew: set[str] = field(default_factory=set)  # described by another crew noun ("composer X")
    tv: set[str] = field(default_factory=set)  # called television ("the series X", "ITV drama X")
    backers: set[str] = field(default_factory=set)  # produce the film ("X is producing the film")
    gender_votes: dict[str, Counter[str]] = field(default_factory=dict)  # key -> "f"/"m" votes
    _comma_starts: tuple[int, frozenset[str]] = (0, frozenset())  # for len(kinds) names
    _heads: set[str] = field(default_factory=set)  # first words of the first _heads_of kinds
    _heads_of: int = 0
    split_starts: set[str] = field(default_factory=set)  # "storm" of the title "Storm over Asia"
    subtitles: dict[str, str] = field(default_factory=dict)  # "blood tide" -> "X: Blood Tide"

    def store_film(self, name: str) -> bool:
        """Does the store know ``name`` as a film (one-word titles too, which :meth:`kind` keeps
        for a cue)? For splitting "Collateral and Ray" into the two films it knows."""
        return self.gazetteer is not None and self.gazetteer.kind(name) == "film"

    def vote_gender(self, name: str, gender: str, weight: int = 1) -> None:
        """Evidence that the person ``name`` is ``"f"`` or ``"m"`` (see :meth:`gender`)."""
        key = name_key(self.person_name(name)[0])
        self.gender_votes.setdefault(key, Counter())[gender] += weight

    def gender(self, name: str) -> str | None:
        """What the text shows a person to be ("f", "m"), or ``None`` when it does not say or
        says both: the pronouns of the sentences that name only them, and "actress", "Mr"."""
        votes = self.gender_votes.get(name_key(self.person_name(name)[0]))
        if not votes:
            return None
        f, m = votes["f"], votes["m"]
        return "f" if f > m else "m" if m > f else None

    def comma_starts(self) -> frozenset[str] | None:
        """First words of the names known to this document that hold a comma or a colon, or a
        lower-case word that would cut them apart (``split_starts``)."""
        if self.gazetteer is not None:
            return None  # the store's names: look from every capitalised word
        if self._comma_starts[0] != len(self.kinds):  # names are added, never removed
            starts = frozenset(k.split()[0] for k in self.kinds if "," in k) | self.split_starts
            self._comma_starts = (len(self.kinds), starts)
        return self._comma_starts[1]

    def kind(self, name: str) -> str | None:
        key = name_key(name)
        kind = self.kinds.get(key)
        if kind is not None:
            return kind
        if key in self.full_names or key in self.ambiguous:
            return "person"
        if self.gazetteer is not None:
            known = self.gazetteer.kind(name)
            if known == "film" and len(key.split()) < 2:
                return None  # a one-word title needs a cue ("Heat", "Oscar", "Friday")
            if known is not None:
                return known
        if key.count(" ") < 2:  # fewer than three words (the key's are one space apart)
            return None  # no sequel's title (see extended_film): most names, not asked there
        return "film" if self.extended_film(name) is not None else None

    def knows_as(self, answers: dict[str, str | None]) -> bool:
        """Is each name of ``answers`` of the kind it says (what :meth:`kind` answered before)?
        (A loop: a generator for all() costs more than most lookups.)"""
        kind = self.kind
        for name, was in answers.items():
            if kind(name) != was:
                break
        else:
            return True
        return False

    def extended_film(self, name: str) -> str | None:
        """The film of two words or more whose whole title ``name`` starts with, the rest being
        capitalised words or numbers ("Blue Lantern Returns" after "Blue Lantern"): the title of
        its sequel, not a person's name.

        >>> names = _Names(None)
        >>> names.learn("Blue Lantern", "film")
        >>> names.extended_film("Blue Lantern Returns"), names.kind("Blue Harbour Returns")
        ('Blue Lantern', None)
        >>> names.extended_film("Blue Lantern 2: Back to Rome"), names.kind("Blue Lantern in Rome")
        ('Blue Lantern', None)
        """
        words = name.split()
        if len(words) < 3 or name_key(words[0]) not in self.first_words():
            return None  # no title of two words or more, or none this name's first word starts
        colon = next((k for k, word in enumerate(words) if word.endswith(":")), len(words))
        for n in range(len(words) - 1, 1, -1):  # (the words after ``n`` were read before)
            if n > colon + 1 and words[n] in _SUBTITLE_SMALL_WORDS and words[-1][:1].isupper():
                continue  # "Holiday From Hell 2: Back to Benidorm": a subtitle's small word
            if not (words[n][:1].isupper() or words[n][:1].isdigit()):
                break  # "Rain Man and Tootsie", "A Love in Germany": no sequel's title
            head = name_key(" ".join(words[:n]))
            if self.kinds.get(head) == "film":
                return self.surface.get(head, head)
        return None

    def first_words(self) -> set[str]:
        """The first words of the names :attr:`kinds` holds (its keys are added, never removed:
        the keys added since the last call are read). A name's key starts with the key of its
        first word (case folding makes no spaces), so a name whose first word is not among them
        is not the start of any name known here."""
        if self._heads_of != len(self.kinds):
            for key in itertools.islice(self.kinds, self._heads_of, None):
                first = key.split(maxsplit=1)
                if first:
                    self._heads.add(first[0])
            self._heads_of = len(self.kinds)
        return self._heads

    def learn(self, name: str, kind: str) -> None:
        key = name_key(name)
        if not key or key in ("the", "a", "an") or key in self.tv:
            return
        old = self.kinds.get(key)
        if kind == "film" and (old == "person" or key in self.backers):
            return
        if old is None or (old == "name" and kind != "name") or kind == "film":
            self.kinds[key] = kind
            self.surface.setdefault(key, name)
        if kind == "film" and ": " in name:  # "Hawkshaw: Blood Tide", later "Blood Tide"
            subtitle = name.split(": ", 1)[1]
            if len(subtitle.split()) >= 2:
                self.subtitles.setdefault(name_key(subtitle), name)
        if kind == "person":
            words = name.split()
            if len(words) >= 2:
                for part in {words[-1], words[0]}:
                    part_key = name_key(part)
                    other = self.full_names.get(part_key)
                    if other is not None and name_key(other) != key:
                        self.ambiguous.add(part_key)
                    else:
                        self.full_names[part_key] = name

    def person_name(self, name: str) -> tuple[str, bool]:
        """The full name of a person mention, and whether the short name was ambiguous."""
        key = name_key(name)
        if key in self.ambiguous and len(name.split()) == 1:
            return name, True
        full = self.full_names.get(key)
        if full is not None and len(name.split()) == 1:
            return full, False
        return self.surface.get(key, name), False

    def is_actor(self, name: str) -> bool:
        """Was ``name`` (or the full name it stands for) described as an actor?"""
        full, _ = self.person_name(name)
        return name_key(full) in self.actors or name_key(name) in self.actors

    def is_director(self, name: str) -> bool:
        """Was ``name`` (or the full name it stands for) described as a director?"""
        full, _ = self.person_name(name)
        return name_key(full) in self.directors or name_key(name) in self.directors

    def is_other_crew(self, name: str) -> bool:
        """Was ``name`` described by a crew noun other than director ("composer X", "X, the
        screenwriter")? Then a film they are "best known for" is no role of theirs."""
        full, _ = self.person_name(name)
        return name_key(full) in self.crew or name_key(name) in self.crew

    def film_name(self, name: str) -> str:
        """How the text spells the film ``name`` (the store's spelling when it knows it); a
        sequel's subtitle alone is the whole title the text gave first.

        >>> names = _Names(None)
        >>> names.learn("Hawkshaw: Blood Tide", "film")
        >>> names.film_name("Blood Tide"), names.film_name("Hawkshaw")
        ('Hawkshaw: Blood Tide', 'Hawkshaw')
        """
        if self.gazetteer is not None:
            ref = self.gazetteer.film(name)
            if ref is not None and name_key(ref.name) == name_key(name):
                return ref.name
        key = name_key(name)
        whole = self.subtitles.get(key) if self.subtitles else None
        if whole is not None:
            return self.surface.get(name_key(whole), whole)
        return self.surface.get(key, name)


@dataclass(slots=True)
class _Slot:
    kind: str  # F, P, O, X, C, N, D, A
    text: str
    start: int  # in the document
    end: int
    iso: str | None = None
    chunk: Chunk | None = None

    def holding(self, chunk: Chunk) -> _Slot:
        """This slot holding ``chunk`` (made directly: :func:`dataclasses.replace` costs about
        ten times as much, and the second pass makes one per name of most sentences)."""
        return _Slot(self.kind, self.text, self.start, self.end, self.iso, chunk)


@dataclass
class _Sentence:
    start: int
    end: int
    text: str
    tokens: list[Token]
    skeleton: str = ""
    slots: list[_Slot] = field(default_factory=list)
    words: frozenset[str] = frozenset()
    dates: list[DateMention] | None = None  # found once, read by both passes
    lowers: list[str] = field(default_factory=list)  # the tokens as skeleton words, made once
    runs: list[tuple[int, int]] | None = None  # the runs of name tokens, found once
    appositions: dict[int, str | None] = field(default_factory=dict)  # see _apposition_noun
    answers: dict[str, str | None] | None = None  # name -> kind, as the skeleton was made
    untyped: list[Chunk] | None = None  # its chunks as cut (typed since: copy with untyped())
    bounds_answers: dict[str, str | None] | None = None  # name -> kind, as ``untyped`` were cut
    comma_starts: frozenset[str] | None = None  # the names' comma_starts, as it was made
    subject_of: str = ""  # the skeleton of ``subject``
    subject: re.Match[str] | None = None  # its _SUBJECT match
    asides_of: str = ""  # the skeleton of ``asides``
    asides: frozenset[int] = frozenset()  # slots in relative clauses on people
    neutral_she: bool = False  # a "she" written for "the star": of either gender


@dataclass(slots=True)
class _Candidate:
    rule: Rule
    film: str
    relation: Relation
    obj: EntityRef | Value
    sentence: _Sentence
    character: str | None = None
    billing: int | None = None
    platform: EntityRef | None = None
    ambiguous: bool = False
    how: str = "named"  # named, topic, anaphor: how the film was found
    region: str | None = None  # of a release: "released in the UK on ..."
    span: tuple[int, int] | None = None  # of the rule's match in the skeleton, when known


# ------------------------------------------------------------------ sentences -> skeletons


_HEADER_LINE = re.compile(r"\A\s*(?:date|published|pubdate)\s*:?\s*\d{4}-\d{2}-\d{2}\b", re.I)


def _parse(text: str) -> list[_Sentence]:
    out: list[_Sentence] = []
    for start, end, sent in sentences(text):
        if not out and _HEADER_LINE.match(sent):
            continue  # the loader's "date YYYY-MM-DD Headline" line: metadata, not prose
        out.append(_Sentence(start, end, sent, tokenize(sent)))
    return out


_token_start = attrgetter("start")
_token_end = attrgetter("end")
_QUOTE_BEFORE_SLOT = re.compile(r"(?:(?<= )|^)['\"“”‘’] (?=«)")
_QUOTE_AFTER_SLOT = re.compile(r"(?<=») ['\"“”‘’](?= |$)")
"""Quotation marks around a name ("stars in the movie 'Super Capers'"): the name is the slot."""
_QUOTED_WITH_COMMA = re.compile(r"(?:(?<= )|^)['\"“‘] («[A-Z]\d+») , ['\"”’](?= |$)")
"""A quoted name with its comma inside the marks, as American papers write it ("\"The Ferryman's
Bargain,\" written by P"): the name, then the comma."""
_QUOTES = frozenset("'\"“”‘’")


def _untyped_chunks(
    sent: _Sentence,
    names: _Names,
    comma_starts: frozenset[str] | None,
    answers: dict[str, str | None],
    known: Known,
) -> list[Chunk]:
    """The sentence's names cut as :func:`untyped_chunks` cuts them, asking ``known`` (which
    keeps its ``answers``). Where names start and end rarely depends on what the second pass has
    learnt (it is mostly their kinds that change): when the names asked while cutting them are
    all known as they were (and ``comma_starts`` is the same), the chunks cut before would be cut
    again alike, and are kept; only their kinds are asked again (:func:`type_chunks`)."""
    if (
        sent.untyped is not None
        and sent.bounds_answers is not None
        and sent.comma_starts == comma_starts
        and names.knows_as(sent.bounds_answers)
    ):
        answers.update(sent.bounds_answers)  # the same answers, for ``sent.answers``
        return [untyped(c) for c in sent.untyped]
    chunks = untyped_chunks(
        sent.text,
        sent.tokens,
        known=known,
        film=names.store_film if names.gazetteer is not None else None,
        comma_starts=comma_starts,
        runs=sent.runs,
    )
    sent.untyped, sent.bounds_answers = chunks, dict(answers)  # typed later: see untyped()
    return chunks


def _same_letters(before: list[Chunk], after: list[Chunk]) -> bool:
    """Do the chunks ``after`` (the same names as ``before``, typed again) make the same slots?"""
    return all(
        _KIND_LETTER.get(a.kind, "N") == _KIND_LETTER.get(b.kind, "N")
        for a, b in zip(before, after, strict=True)
    )


def _hold(sent: _Sentence, chunk_of: dict[int, Chunk]) -> None:
    """Make the slots of ``sent`` hold the chunks that took the place of theirs (``chunk_of``:
    by the id of the chunk replaced). The skeleton is made of the chunks' slot letters, spans
    and texts: when none changed it stays, and so do the slots (their kinds as the aliases set
    them too: the aliases the skeleton shows were learnt when it was made)."""
    sent.slots = [
        slot if slot.chunk is None else slot.holding(chunk_of[id(slot.chunk)])
        for slot in sent.slots
    ]


def _skeleton(sent: _Sentence, names: _Names, *, first_pass: bool) -> None:
    """Fill ``sent.skeleton`` and ``sent.slots`` (names and dates as slots, anaphors as ``A``).

    The skeleton depends on the sentence and on what the names it asked of ``names`` were known
    as (besides the store's names, which do not change): a sentence made again (the second pass)
    whose names are all known as they were keeps the skeleton it has."""
    comma_starts = names.comma_starts()
    if (
        first_pass
        and sent.answers is not None
        and sent.comma_starts == comma_starts
        and names.knows_as(sent.answers)
    ):
        return
    if sent.dates is None:
        sent.dates = [d for d in find_dates(sent.text) if d.iso and len(d.iso) >= 4]
    dates = sent.dates
    if sent.runs is None:
        sent.runs = name_runs(sent.tokens)
    answers: dict[str, str | None] = {}  # names do not change while a sentence is chunked

    def kind_of(name: str) -> str | None:
        if name not in answers:
            answers[name] = names.kind(name)
        return answers[name]

    before = sent.untyped  # the chunks the slots hold, when the skeleton was made before
    before_answers = sent.answers  # what ``names`` said as they were typed
    chunks = _untyped_chunks(sent, names, comma_starts, answers, kind_of)
    if sent.untyped is not before:  # the names cut anew
        before = None
    if before is not None and before_answers is not None:  # typed again alike where known alike
        retype_chunks(chunks, before, sent.tokens, kind_of, before_answers)
    else:
        type_chunks(chunks, sent.tokens, kind_of)
    sent.answers, sent.comma_starts = (answers if first_pass else None), comma_starts
    if before is not None:
        sent.untyped = chunks
        if first_pass and _same_letters(before, chunks):  # (no anaphors written in yet)
            _hold(sent, dict(zip(map(id, before), chunks, strict=True)))
            return
    if dates:
        date_spans = [(d.start, d.end) for d in dates]
        chunks = [c for c in chunks if not any(a < c.end and c.start < b for a, b in date_spans)]
    items: list[tuple[int, int, _Slot]] = []  # token range -> slot
    for c in chunks:
        kind = _KIND_LETTER.get(c.kind, "N")
        items.append(
            (
                c.first,
                c.last,
                _Slot(kind, c.text, sent.start + c.start, sent.start + c.end, chunk=c),
            )
        )
    tokens = sent.tokens
    for d in dates:  # tokens are in order, without overlaps: bisect their ends and starts
        first = bisect_right(tokens, d.start, key=_token_end)
        last = bisect_left(tokens, d.end, key=_token_start) - 1
        if first == len(tokens) or last < 0 or (len(d.iso or "") == 4 and first == last):
            continue  # a bare year stays a number: rules read it as {YEAR}
        items.append(
            (first, last, _Slot("D", d.text, sent.start + d.start, sent.start + d.end, iso=d.iso))
        )
    items.sort(key=lambda x: x[0])
    words: list[str] = []
    sent.slots = []
    pos = 0
    if not sent.lowers:
        sent.lowers = ["'s" if t.kind == "poss" else t.lower for t in sent.tokens]
    lowers = sent.lowers
    for first, last, slot in items:
        if first < pos:
            continue
        words.extend(lowers[pos:first])
        if (
            slot.kind == "P"
            and first > pos
            and lowers[first - 1] in _HONORIFIC_LOWERS
            and " " in slot.text  # "Mr. T" is a name, title and all
        ):
            words.pop()  # "starring Dame P", "its director, Sir P": the title is no clause word
        words.append(f"«{slot.kind}{len(sent.slots)}»")
        sent.slots.append(slot)
        pos = last + 1
    words.extend(lowers[pos:])
    skeleton = " ".join(words)
    if not _QUOTES.isdisjoint(lowers):  # a quote mark is a token of its own, never in a word
        skeleton = _QUOTED_WITH_COMMA.sub(r"\1 ,", skeleton)
        skeleton = _QUOTE_AFTER_SLOT.sub("", _QUOTE_BEFORE_SLOT.sub("", skeleton))
    aliased = False
    for m in _ALIASES.finditer(skeleton):
        aliased = True
        title = sent.slots[int(m.group(2))].text
        others = [sent.slots[int(i)].text for i in re.findall(r"«[NF](\d+)»", m.group(3))]
        known = names.aliases.setdefault(name_key(title), [])
        known.extend(o for o in others if o not in known and name_key(o) != name_key(title))
        for i in re.findall(r"«[NF](\d+)»", m.group(3)):
            sent.slots[int(i)].kind = "X"  # an alias is the same film, not another one
    if aliased:  # the slots' kinds changed: write them again
        skeleton = _SLOT_KIND.sub(
            lambda m: f"«{sent.slots[int(m.group(2))].kind}{m.group(2)}»", skeleton
        )
    if " ( )" in skeleton:  # "House of Angels () is ...": an emptied bracket says nothing
        skeleton = skeleton.replace(" ( )", "")
    if " , and " in skeleton:  # "A, founded in 2003, and B distributed ...": one list
        skeleton = _LIST_APPOSITION.sub(r"\1 ", skeleton)
    if skeleton.startswith(_FRONTED_NOUN_STARTS) and " , «" in skeleton:
        skeleton = _FRONTED_APPOSITION.sub(r"\1 ", skeleton, count=1)
    sent.skeleton = skeleton
    sent.words = frozenset(words)
    if not first_pass:
        _anaphors(sent)


_HONORIFIC_LOWERS = frozenset(h.lower() for h in HONORIFICS)
"""Titles before a person's name as the skeleton's lower-cased words ("sir", "mr.")."""


_LIST_APPOSITION = re.compile(
    r"(«[POX]\d+») , (?:who|which|founded|established|based|headquartered|formed|born)\b[^,«».;]* , "
    r"(?=(?:and|&) «)"
)
"""A clause with no name in it between two members of a list ("«O1» , founded in 2003 , and
«O2»", "«P1» , who began acting in 1989 , and «P2»"): dropped, so the list reads as one."""


_FRONTED_NOUN_STARTS = ("his ", "her ", "their ", "its ", "the ", "«X", "«C")
_FRONTED_APPOSITION = re.compile(
    r"^((?:(?:his|her|their|its|the) |(?=«[XC]))(?:(?:[a-z][\w'-]*|«[XC]\d+») ){0,3}?[a-z][\w'-]* , "
    r"«[PN]\d+») , "
    r"(?!(?:who|whose|which|and|but|or|said|says|told|adds|added|explains|explained)\b)(?=[a-z])"
)
"""A sentence that names its subject after a noun phrase ("Her husband , «P0» , starred in"):
the comma that closes the apposition is dropped, so the name is the verb's subject."""


def _descriptor_forms(relation: Relation) -> frozenset[str]:
    return frozenset(
        form
        for noun in ROLE_BY_RELATION[relation].nouns
        if " " not in noun
        for form in (noun, noun + ("es" if noun.endswith("s") else "s"))
    )


_ACTOR_NOUNS = _descriptor_forms(Relation.CAST_MEMBER)
"""Descriptors that call a person an actor, from the cast row of the role table ("actress X")."""
_PERFORMER_NOUNS = _ACTOR_NOUNS | frozenset(
    {"comedian", "comedians", "comedienne", "starlet", "superstar", "a-lister", "heartthrob",
     "heart-throb"}
)  # fmt: skip
"""Descriptors of a person whose film credits are roles ("comedian X ... his credits include")."""
_DIRECTOR_NOUNS = _descriptor_forms(Relation.DIRECTOR)
_OTHER_CREW_NOUNS = (
    frozenset().union(
        *(
            _descriptor_forms(relation)
            for relation in ROLE_BY_RELATION
            if relation not in (Relation.CAST_MEMBER, Relation.DIRECTOR)
        )
    )
    - _PERFORMER_NOUNS
    - _DIRECTOR_NOUNS
)
"""Descriptors of crew other than directors ("composer", "screenwriter", "cinematographer")."""
_ALL_OCCUPATION_NOUNS = _PERFORMER_NOUNS | _DIRECTOR_NOUNS | _OTHER_CREW_NOUNS
_TV_WHY = re.compile(
    r"^after '(?:tv |series|show|shows|sitcom|soap|programme|program|miniseries|mini-series|"
    r"tv audience|tv run|"
    r"drama series|tv series|tv show|tv drama|channel)"
)
"""How a chunk was typed when the words before it call it television ("after 'sitcom'")."""
"""Descriptors that call a person a director ("director X", "film-maker X")."""


_FEMALE_WORDS = frozenset({"she", "her", "herself", "hers"})
_MALE_WORDS = frozenset({"he", "his", "him", "himself"})
_FEMALE_TITLES = frozenset({"actress", "actresses", "ms", "mrs", "miss", "dame", "lady", "queen"})
_MALE_TITLES = frozenset({"mr", "sir", "lord", "king"})


def _vote_genders(sent: _Sentence, names: _Names) -> None:
    """What a sentence shows of its people's genders: "actress X", "Mr X" (strong), and the
    pronouns after the subject of a sentence that names one person only, its subject (weak:
    "her" may be someone else's)."""
    people: set[str] = set()
    for slot in sent.slots:
        if slot.kind == "P" or (slot.kind == "N" and names.kind(slot.text) == "person"):
            people.add(name_key(names.person_name(slot.text)[0]))
            if slot.chunk is not None:
                described = _descriptions(slot.chunk, sent)
                if not _FEMALE_TITLES.isdisjoint(described):
                    names.vote_gender(slot.text, "f", 3)
                elif not _MALE_TITLES.isdisjoint(described):
                    names.vote_gender(slot.text, "m", 3)
                noun = _apposition_noun(sent, slot.chunk.last)
                if noun in _GENDER_NOUNS:  # "X, the actor best known for ...", as the copula
                    names.vote_gender(slot.text, "f" if noun in _FEMALE_TITLES else "m", 3)
    copula = (
        _IS_AN_OCCUPATION.match(sent.skeleton) if not sent.words.isdisjoint(_GENDER_NOUNS) else None
    )
    gendered = _GENDER_NOUNS.intersection(copula.group(2).split()) if copula else set()
    if copula is not None and len(gendered) == 1:  # "«P0» (born 1961) is a Swedish actress"
        female = gendered <= _FEMALE_TITLES
        names.vote_gender(sent.slots[int(copula.group(1))].text, "f" if female else "m", 3)
    if not sent.words.isdisjoint(_KIN_GENDER):  # "her husband «P1»", "«P0» 's wife «P1»"
        for kin in _KIN.finditer(sent.skeleton):
            names.vote_gender(sent.slots[int(kin.group(2))].text, _KIN_GENDER[kin.group(1)], 3)
    subject = _PERSON_SUBJECT.match(sent.skeleton)
    if len(people) == 1 and subject is not None:  # "X said her film ...": X is its subject
        after = set(sent.skeleton[subject.end() :].split())
        female, male = not _FEMALE_WORDS.isdisjoint(after), not _MALE_WORDS.isdisjoint(after)
        if female != male:
            slot = sent.slots[int(subject.group(1) or subject.group(2))]
            names.vote_gender(slot.text, "f" if female else "m")


_GENDER_NOUNS = frozenset({"actress", "actor"})
_OCCUPATION_NOUN = (
    r"(?:actress|actor|comedian|director|film-maker|filmmaker|screenwriter|writer|producer)"
)
_IS_AN_OCCUPATION = re.compile(
    r"^«P(\d+)» (?:\( [^()]* \) )?(?:is|was) (?:an? |the )(?:(?:[\w-]+|«[CX]\d+») ){0,4}?("
    + _OCCUPATION_NOUN
    + r"(?:(?: ,| and| ,? and) (?:film |stage )?"
    + _OCCUPATION_NOUN
    + r")*)\b"
)
"""What a person is, as an encyclopedia's first sentence says it: "«P0» (born 1950) is an American
film director and screenwriter" (his films are then his as director); "«P0» (born 1961) is a
Swedish actress" also tells her gender."""
_KIN_GENDER = {
    **dict.fromkeys(("husband", "son", "brother", "father", "boyfriend", "fiance", "nephew"), "m"),
    **dict.fromkeys(
        ("wife", "daughter", "sister", "mother", "girlfriend", "fiancee", "niece"), "f"
    ),
}
"""Nouns of kin that tell the gender of the person they name ("her husband X")."""
_KIN = re.compile(
    r"(?:«P\d+» 's|\b(?:his|her|their)) (?:[a-z-]+ )?(" + "|".join(_KIN_GENDER) + r") ,? ?«P(\d+)»"
)
"""A person named by kin: "«P0» 's husband «P1»", "her younger sister , «P1»"."""


def _descriptions(chunk: Chunk, sent: _Sentence) -> set[str | None]:
    """The words that may call the person of ``chunk`` something where named: its descriptors
    and the word before it ("actress X", "Actor X"), and the noun heading its apposition (see
    :func:`_apposition_noun`). One of a set of nouns among them calls the person one of those
    (each set is asked of the same words: they are found once).

    >>> text = "Actress Ann Lee, the director, said"
    >>> sent = _Sentence(0, len(text), text, tokenize(text))
    >>> chunk = next(c for c in chunk_sentence(text) if c.text == "Ann Lee")
    >>> sorted(w for w in _descriptions(chunk, sent) if w)
    ['actress', 'director']
    """
    words: set[str | None] = {*chunk.descriptors, _apposition_noun(sent, chunk.last)}
    if chunk.first > 0:
        words.add(sent.tokens[chunk.first - 1].lower)
    return words


def _apposition_noun(sent: _Sentence, last: int) -> str | None:
    """The occupation heading a short apposition after the name ending at token ``last`` of the
    sentence ("Harlan Voss, the veteran actor best known for ...": "actor"), see
    :func:`apposition_head`. It depends on the tokens alone, and both passes ask it of each
    person several times: kept per sentence.

    >>> text = "Harlan Voss, the veteran actor best known for"
    >>> _apposition_noun(_Sentence(0, len(text), text, tokenize(text)), 1)
    'actor'
    """
    appositions = sent.appositions
    if last not in appositions:
        k = apposition_head(sent.tokens, last, _ALL_OCCUPATION_NOUNS)
        appositions[last] = sent.tokens[k].lower if k is not None else None
    return appositions[last]


_MALE_ANAPHOR_NOUNS = frozenset({"actor", "heartthrob", "hunk"})
_FEMALE_ANAPHOR_NOUNS = frozenset({"actress", "beauty"})


def _person_anaphor(m: re.Match[str], sent: _Sentence) -> str:
    """The pronoun for a person anaphor: "the actor" is "he", "the actress" "she"; any other
    ("the star", "the 32-year-old") is written "she" but fits either gender."""
    noun = m.group(0).split()[-1]
    if noun in _MALE_ANAPHOR_NOUNS:
        return m.group(1) + "he"
    if noun not in _FEMALE_ANAPHOR_NOUNS:
        sent.neutral_she = True
    return m.group(1) + "she"


def _anaphors(sent: _Sentence, state: _State | None = None) -> None:
    """Write "the film", "the movie" of a skeleton as ``«A#»`` slots, and a person named by a
    descriptor at the head of a clause ("The actress, who plays ...", "The 80-year-old was ...")
    as "she", which rules resolve to the person last named."""
    if not _PERSON_NOUNS_OF_ANAPHORS.isdisjoint(sent.words) or "-" in sent.skeleton:
        sent.skeleton = _FILM_PERSON_ANAPHOR.sub(
            lambda m: _film_person(m, sent, state), sent.skeleton
        )
        sent.skeleton = _PERSON_ANAPHOR.sub(lambda m: _person_anaphor(m, sent), sent.skeleton)
    if state is not None and state.focus_org is not None and not _ORG_NOUNS.isdisjoint(sent.words):
        sent.skeleton = _ORG_ANAPHOR.sub(lambda m: _org_anaphor(m, sent, state, ""), sent.skeleton)
    if state is not None and state.focus_org is not None and sent.skeleton.startswith("its "):
        sent.skeleton = _ORG_POSSESSIVE.sub(
            lambda m: _org_anaphor(m, sent, state, " 's"), sent.skeleton
        )
    if _ANAPHOR_NOUNS.isdisjoint(sent.words):
        return
    sent.skeleton = _ANAPHOR.sub(lambda m: _anaphor(m, sent), sent.skeleton)


_PAIR_ANAPHOR = re.compile(
    r"(^|[,;] |^[a-z]+ , )(?:the|both) (?:pair|couple|duo|two(?: (?:stars|actors|actresses))?)"
    r"(?= (?:, who|who|have|had|are|were|will|also|both|play|played|star|starred|co-star|"
    r"co-starred|appeared|appear|met|first met|worked)\b)"
)
"""Two people named as one subject ("The pair, who play siblings in the film"): the two the
sentence before named."""


def _pair_anaphor(sent: _Sentence, state: _State) -> None:
    """Write :data:`_PAIR_ANAPHOR` as the two people the previous sentence named ("P worked with
    Q on F. The pair, who play siblings in the movie, ..." : P and Q), when it named two."""
    if state.previous is None or not _PAIR_WORDS & sent.words:
        return
    people = _people_of(state.previous, state.names)
    if len(people) != 2:
        return

    def both(m: re.Match[str]) -> str:
        first = len(sent.slots)
        sent.slots.extend(_Slot("P", name, sent.start, sent.start) for name in people)
        return f"{m.group(1)}«P{first}» and «P{first + 1}»"

    sent.skeleton = _PAIR_ANAPHOR.sub(both, sent.skeleton, count=1)


_PAIR_WORDS = frozenset({"pair", "couple", "duo", "two"})


def _people_of(sent: _Sentence, names: _Names) -> list[str]:
    """The people a sentence names, by full name, each once, in order."""
    out: list[str] = []
    for slot in sent.slots:
        if slot.kind == "P":
            full = names.person_name(slot.text)[0]
            if full not in out:
                out.append(full)
    return out


_ORG_NOUNS = frozenset({"company", "studio", "firm", "distributor"})
_ORG_ANAPHOR = re.compile(
    r"(^|[,;] |^[a-z]+ , |^(?:in|by|after|since) (?:1[89]\d\d|20\d\d|«D\d+») , )(?:the|this) "
    r"(?:production |film |independent )?(?:company|studio|firm|distributor)"
    r"(?= (?:has|had|is|was|will|also|later|then|soon|went on to|produced|co-produced|made|"
    r"financed|distributed|released|backed)\b)"
)
"""A company named by what it is, as the subject of a clause, in a text about a company ("The
company later produced F"): that company."""


_ORG_POSSESSIVE = re.compile(
    r"^()its(?= (?:[a-z-]+ ){0,2}?(?:films|movies|productions|feature films|credits) )"
)
"""The first word of "Its films include F" in a text about a company: that company's."""


def _org_anaphor(m: re.Match[str], sent: _Sentence, state: _State, suffix: str) -> str:
    """:data:`_ORG_ANAPHOR` (or :data:`_ORG_POSSESSIVE`, with ``suffix`` " 's") written as a
    slot of the company the text is about."""
    assert state.focus_org is not None
    sent.slots.append(_Slot("O", state.focus_org, sent.start, sent.start))
    return f"{m.group(1)}«O{len(sent.slots) - 1}»{suffix}"


_PERSON_ANAPHOR_NOUNS = (
    "actress", "actor", "star", "singer", "comedian", "veteran", "film-maker", "filmmaker",
    "heartthrob", "hunk", "beauty", "rapper", "model", "newcomer", "winner", "nominee",
)  # fmt: skip
_PERSON_NOUNS_OF_ANAPHORS = frozenset({*_PERSON_ANAPHOR_NOUNS, "year-old"})
_PERSON_ANAPHOR = re.compile(
    r"(^|[,;] |^[a-z]+ , )(?:the |(?=«X\d+» ))(?:\d+ - year-old |\d+-year-old )?"
    r"(?:(?:[a-z][\w'-]*|«[CX]\d+») ){0,2}?"
    r"(?:" + "|".join(_PERSON_ANAPHOR_NOUNS) + r"|\d+ - year-old|\d+-year-old)"
    r"(?=(?: (?:, who|who|has|had|is|was|"
    r"will|also|starred|stars|plays|played|won|appeared|appears|co-starred|made|landed|took|"
    r"portrayed|voiced|shot|rose|found|began|started|returns|returned|joined|joins|signed|said|"
    r"says|told|took|gave|went|got|[a-z]{3,}ed)\b|"
    r" , \d+ ,| , (?:best |better |well |widely |perhaps )?known for\b))"
)
"""A person named by what they are, as the subject of a clause: "the actress", "the 32-year-old
Aussie actor", "the veteran star"."""


_FILM_PERSON_ANAPHOR = re.compile(
    r"(^|[,;] )(?:(?:the )?(?:\d+ - year-old |\d+-year-old )?(?P<film>«[FN]\d+») (?P<noun>actress|"
    r"actor|star)|the (?:\d+ - year-old |\d+-year-old )?(?:[a-z][\w'-]* ){0,2}?(?P<noun2>actress|"
    r"actor|star) of (?P<film2>«[FN]\d+»))(?: , \d+ ,)?"
    r"(?= (?:, who|who|has|had|is|was|will|also|shared|said|says|told|made|took|"
    r"married|announced|revealed|posted|wrote|joins|joined|plays|played|stars|starred|returns|"
    r"returned|appears|appeared|[a-z]{3,}ed)\b)"
)
"""A person named by a film of theirs at the head of a clause: "The Night Ferry actress will
next appear in F", "The 45-year-old star of Salt Bay was ...": the person last named, who
starred in that film (read as "she , star of «F» ,")."""


def _film_person(m: re.Match[str], sent: _Sentence, state: _State | None) -> str:
    """:data:`_FILM_PERSON_ANAPHOR` rewritten: the pronoun its noun calls for, then the film.
    A sentence's "The" before the film is the noun's determiner ("The Copper Sky star, 31,")
    when the text or headline names the film without it."""
    film = m.group("film") or m.group("film2")
    index = int(film[2:-1])
    slot = sent.slots[index]
    if state is not None and slot.text.startswith("The ") and slot.start == sent.start:
        rest = slot.text[4:]
        if state.names.kinds.get(name_key(rest)) == "film" or (
            rest.casefold() in state.headline and f"the {rest.casefold()}" not in state.headline
        ):
            sent.slots[index] = replace(slot, text=rest, start=slot.start + 4)
    noun = m.group("noun") or m.group("noun2")
    pronoun = "he" if noun in _MALE_ANAPHOR_NOUNS else "she"
    if noun not in _MALE_ANAPHOR_NOUNS | _FEMALE_ANAPHOR_NOUNS:
        sent.neutral_she = True
    sent.words = sent.words | {"star", pronoun}  # the words of the rewritten skeleton
    return f"{m.group(1)}{pronoun} , star of {film} ,"


def _anaphor(m: re.Match[str], sent: _Sentence) -> str:
    sent.slots.append(_Slot("A", m.group(0), sent.start, sent.start))
    return f"«A{len(sent.slots) - 1}»"


# ------------------------------------------------------------------ the document pass


def _headline_words(title: str | None) -> set[str]:
    """The words of a title beyond function words and short ones, folded.

    >>> sorted(_headline_words("The Huntsman: Winter's War"))
    ['huntsman', 'war', "winter's"]
    """
    if not title:
        return set()
    return {
        w.casefold()
        for w in re.findall(r"[^\W\d_][\w'’-]*", title)
        if w[0].isupper() and w.lower() not in FUNCTION_WORDS and len(w) > 2
    }


def _main_film(names: _Names, title: str | None) -> str | None:
    """The film the text names most (the first sentence counts double, the headline more);
    one only a cue that also fits television showed to be a film ("Desperate Housewives star
    Eva Moss is to appear in the thriller Dark Water") only when no other film is shown to be
    one."""
    if not names.film_counts:
        return None
    heads = _headline_words(title)
    best: tuple[float, str] | None = None
    counts = [(key, count) for key, count in names.film_counts.items() if count > 0]
    if not counts:  # only named to say who a person is ("Little Britain star P is to ...")
        return None
    if any(key in names.evidenced for key, _ in counts):
        counts = [(key, count) for key, count in counts if key in names.evidenced]
    for key, count in counts:
        score = float(count) + (5 if title and name_key(title) == key else 0)
        words = {w for w in key.split() if len(w) > 2}
        if heads and words & heads:
            score += 3
        if best is None or score > best[0]:
            best = (score, key)
    assert best is not None
    return names.surface.get(best[1], best[1])


def _headline_film(title: str | None, names: _Names) -> str | None:
    """The film a headline names when the text only calls it "the film" ("Comedy Sideways tops
    box office" over "The comedy, which stars ..."): the headline's one name a cue types as a
    film; none from a headline in title case, where every word is capitalised. An untyped name
    is not enough ("Church anger over Bollywood film"). The name is learnt as a film.

    >>> _headline_film("Comedy Sideways tops box office", _Names(None))
    'Sideways'
    >>> _headline_film("Ann Cole to star in new film", _Names(None)) is None
    True
    """
    if not title:
        return None
    words = [w for w in title.split() if w[:1].isalpha()]
    if len(words) >= 4 and sum(w[0].isupper() for w in words) > 0.6 * len(words):
        return None
    chunks = chunk_sentence(title, known=names.kind)
    films = [c for c in chunks if c.kind == "film" and not c.possessive]
    if not films:  # "Ann Lee to star in Harbour Lights", "Harbour Lights sequel gets go-ahead"
        tokens = tokenize(title)
        films = [c for c in chunks if c.kind == "name" and _headline_cue(c, tokens, names)]
    if len(films) != 1:
        return None
    key = name_key(films[0].text)
    names.kinds[key] = "film"
    names.surface.setdefault(key, films[0].text)
    names.film_counts[key] += 1
    return films[0].text


_CAST_AS = re.compile(
    r"(?:\b(?:cast|stars?|starred|starring|plays?|played|playing|portrays?|portrayed|portraying|"
    r"appears?|appeared|appearing)|«P\d+»(?: ,)?) as (?:the )?«N(\d+)»"
)
"""A name a person is cast as, or a person is given "as" in a cast ("stars P as Inspector
Clouseau"): a character, never a title."""


def _cast_as_slots(skeleton: str) -> set[int]:
    """The slots of the names a person is cast as (:data:`_CAST_AS`).

    >>> sorted(_cast_as_slots("«P0» has been cast as «N1» in a new film ."))
    [1]
    >>> sorted(_cast_as_slots("«A2» stars «P0» as «N1» ."))
    [1]
    """
    return {int(i) for i in _CAST_AS.findall(skeleton)} if " as «N" in skeleton else set()


def _sole_title(
    sents: Sequence[_Sentence], names: _Names, cue: re.Pattern[str] = _ANAPHOR
) -> str | None:
    """The one untyped title of a text that names no film, named before the first sentence
    that ``cue`` finds (its first "the film": "Stars turned out for the premiere of Steel Rain.
    ... Director P said the film had been ..."): what "the film" stands for. A name that may be
    a person, company or any non-film is no title; a second title anywhere makes it unknown.
    The name is learnt as a film."""
    found: set[str] = set()
    anaphor = False
    for sent in sents:
        anaphor = anaphor or bool(cue.search(sent.skeleton))
        characters = _cast_as_slots(sent.skeleton)
        for index, slot in enumerate(sent.slots):
            if slot.kind != "N" or names.kind(slot.text) is not None or index in characters:
                continue  # "P has been cast as King Henry VIII in a new film": a character
            if nonfilm_kind(slot.text) is not None or (
                slot.start == sent.start and " " not in slot.text  # "Audiences flocked to"
            ):
                continue
            if (
                anaphor
                or f"'s «N{index}»" in sent.skeleton  # "She's Gotta Have It": a fragment
                or is_given_name(slot.text.split()[0])  # "made Tammy": a title or a person
            ) and slot.text not in found:
                return None  # a second title, or one first named after "the film": unsure
            found.add(slot.text)
    if len(found) != 1:
        return None
    (title,) = found
    key = name_key(title)
    names.kinds[key] = "film"
    names.surface.setdefault(key, title)
    names.film_counts[key] += 1
    return title


_AGE_APPOSITION = re.compile(r"«N(\d+)» , (?:aged )?[1-9]\d? , ")
"""A name with an age in apposition ("Vance, 34, plays a biologist"): a person."""
_FILMLESS_CREDIT = re.compile(
    r"(?:^|, |while |and )«[PN]\d+» (?:also |now |will |is to )?(?:plays?|played|playing|stars? as|"
    r"starred as|co-stars? as|co-starred as|portrays?|portrayed|voices|voiced|is cast as|"
    r"has been cast as|was cast as) (?!«F)"
)
"""A credit that names no film ("P plays the eldest son"): a text whose only title is what the
credit is in."""


def _filmless_credits(sents: Sequence[_Sentence], document: Document) -> bool:
    """Does the text credit someone in a part without naming the work ("P plays the eldest son"),
    and say nothing of the stage or television, where such credits are as common?"""
    if not any(
        _FILMLESS_CREDIT.search(sent.skeleton) and not any(s.kind == "F" for s in sent.slots)
        for sent in sents
    ):
        return False
    text = f"{document.title or ''} {document.text}".lower()
    return not (_STAGE_OR_TV.search(text) or _TV_CUE.search(text))


_HEADLINE_BEFORE = frozenset(
    {"in", "for", "direct", "directs", "directing", "helm", "helms", "star", "stars", "join",
     "joins", "lead", "leads", "remake", "sequel", "shoot", "shoots", "cast"}
)  # fmt: skip
_HEADLINE_AFTER = frozenset(
    {"tops", "top", "leads", "opens", "premiere", "premieres", "trailer", "shoot", "filming",
     "cast", "star", "stars", "director", "gets", "wins", "hits", "sweeps", "takes", "breaks",
     "earns", "storms", "debuts", "scoops", "dominates", "rules", "set", "is"}
)  # fmt: skip
"""Headline words next to an untyped name that say a film is meant ("star in X", "X tops box
office"), when the body only says "the film" ("X sequel" means another film)."""


def _headline_cue(chunk: Chunk, tokens: Sequence[Token], names: _Names) -> bool:
    """Is the untyped name ``chunk`` of a headline next to a film cue, and no person the body
    names ("Lee signs for ...": Lee is the body's Ann Lee)?"""
    if chunk.possessive or names.person_name(chunk.text)[0] != chunk.text:
        return False
    if is_given_name(chunk.text.split()[0]):
        return False
    before = tokens[chunk.first - 1].lower if chunk.first > 0 else ""
    after = tokens[chunk.last + 1].lower if chunk.last + 1 < len(tokens) else ""
    return before in _HEADLINE_BEFORE or after in _HEADLINE_AFTER


def _main_person(names: _Names, title: str | None) -> str | None:
    if not names.person_counts:
        return None
    heads = _headline_words(title)
    best: tuple[float, str] | None = None
    for key, count in names.person_counts.items():
        score = float(count) + (3 if set(key.split()) & heads else 0)
        if best is None or score > best[0]:
            best = (score, key)
    assert best is not None
    return names.full_names.get(best[1].split()[-1], names.surface.get(best[1], best[1]))


@dataclass
class _State:
    names: _Names
    main_film: str | None = None
    main_person: str | None = None
    last_film: str | None = None
    last_person: str | None = None
    last_subject: str | None = None  # the last sentence subject that may be a film
    series: dict[str, _Sentence] = field(default_factory=dict)  # series named, where
    subject_film: str | None = None  # the last film that was a sentence's subject
    subject_age: int = 99  # sentences since then
    subject_person: str | None = None  # the person the last sentences were about (their subject)
    last_title: str | None = None  # the one untyped title the last sentence named
    stage_age: int = 99  # sentences since one spoke of a stage or TV version and named no film
    people_seen: list[str] = field(default_factory=list)  # people named so far, the latest last
    headline: str = ""  # the document's title, casefolded
    previous: _Sentence | None = None  # the sentence before (its people for "the pair")
    focus_org: str | None = None  # the company the text is about ("X is a film studio ...")
    original: str | None = None  # the film an unnamed sequel follows ("A sequel to F is ...")
    aside_film: str | None = None  # a new film named in an aside ("P, whose latest film, F,")
    main_in_headline: bool = False  # the headline names the main film
    previous_film: str | None = None  # the one film the facts of the last sentence were about


_LEAD_PREDICATE = re.compile(r"[^.]{0,120}?\b(?:is|was) (?:an?|the) ((?:[\w-]+,? ?){1,8})")
_LEAD_HEAD_END = frozenset(
    {"of", "in", "on", "by", "from", "that", "which", "who", "based", "founded", "and", "with",
     "for", "about", "starring", "directed", "written", "produced", "released", "set", "known",
     "best", "created", "owned", "headquartered", "located", "formed"}
)  # fmt: skip
_NONFILM_HEADS = frozenset(
    {"company", "studio", "studios", "corporation", "distributor", "conglomerate", "subsidiary",
     "label", "network", "channel", "broadcaster", "series", "show", "sitcom", "soap",
     "programme", "program", "miniseries", "band", "album", "song", "single", "novel", "book",
     "play", "festival", "award", "ceremony", "franchise", "character", "city", "town", "village"}
)  # fmt: skip
"""Heads of a lead's predicate that say its subject is no film ("a Swedish production company")."""


def _title_is_no_film(title_key: str, text: str) -> bool:
    """Does the lead of a document titled ``title_key`` say its subject is no film: a person,
    a company, a series ("X (born 1961) is a Swedish actress and film director")? The head of
    the predicate decides: the last word before a comma, a preposition or a participle.

    >>> _title_is_no_film("ann lee", "Ann Lee (born 1961) is a Swedish actress and director.")
    True
    >>> _title_is_no_film("sf studios", "SF Studios is a Swedish film production company.")
    True
    >>> _title_is_no_film("the salt road", "The Salt Road is a 1987 American crime film by X.")
    False
    """
    at = text[:400].casefold().find(title_key)  # after a "date ... Headline" line, say
    if at < 0:
        return False
    lead = _LEAD_PREDICATE.match(text, at)
    if lead is None:
        return False
    head = ""
    for word in lead.group(1).lower().split():
        if word in _LEAD_HEAD_END:
            break
        head = word.rstrip(",")
        if word.endswith(","):
            break
    return head in PERSON_NOUNS or head in _NONFILM_HEADS


_HEADLINE_NAME = re.compile(
    r"(?<![\w'’-])(?=([A-Z][a-z]+) ([A-Z][a-z]+(?:[-'’][A-Z]?[a-z]+)?)(?![\w'’-]))"
)


def _learn_headline_names(title: str | None, names: _Names) -> None:
    """Full names the headline gives and the body shortens ("'Copper Sky' Star Noor Hale
    Expecting" ... "Hale, who also appeared in ..."): a given name and a capitalised word after
    it make the full name a lone surname in the body stands for, unless the body knows another.

    >>> n = _Names(None)
    >>> _learn_headline_names("Star Noor Hale Expecting First Child", n)
    >>> n.person_name("Hale")
    ('Noor Hale', False)
    """
    if not title:
        return
    for m in _HEADLINE_NAME.finditer(title):
        first, last = m.group(1), m.group(2)
        if is_given_name(first) and not is_given_name(last) and last.lower() not in FUNCTION_WORDS:
            names.full_names.setdefault(name_key(last), f"{first} {last}")


_FILM_AFTER_TITLE = re.compile(
    r"(?:,? (?:starring|co-starring|directed by|which stars|which opens|which opened)\b"
    r"| \((?:19|20)\d\d\))"
)
"""What says that the name before it is a film's ("F, starring P", "F (1997)")."""


def _learn_org_short_name(org: str, names: _Names) -> None:
    """Learn the name of a company without its suffix as the company ("Lionheart Entertainment"
    ... "Lionheart producer Morton Giles": Lionheart is no film), when nothing else is known of it.

    >>> names = _Names(None)
    >>> _learn_org_short_name("Lionheart Entertainment", names)
    >>> names.kind("Lionheart")
    'org'
    """
    words = org.split()
    if len(words) >= 2 and words[-1] in ORG_SUFFIXES:
        short = " ".join(words[:-1])
        if names.kind(short) is None and not is_given_name(words[0]):
            names.learn(short, "org")


def _learn_headline_titles(headline: str, text: str, names: _Names) -> None:
    """Learn as a film a name of the headline that the sentences would cut short at a number,
    a small word or a lower-case word it holds ("Murder at 1600", "Fools Rush In"), when the
    text names it whole as a film: after a film noun ("Thriller Murder at 1600 has ...") or
    before "starring", "directed by" or a year in brackets. Not "Ada Lyne in London premiere":
    the text does not call that a film.

    >>> names = _Names(None)
    >>> _learn_headline_titles("Murder at 1600 tops chart", "Thriller Murder at 1600 has", names)
    >>> names.kinds["murder at 1600"], "murder" in names.split_starts
    ('film', True)
    """
    words = [w.strip("'\"‘’“”,:;") for w in headline.split()]
    for i, first in enumerate(words):
        if not first[:1].isupper():
            continue
        for j in range(min(len(words), i + 8), i + 1, -1):
            span_words = words[i:j]
            last = span_words[-1]
            if not (last[:1].isupper() or last.isdigit()) or not all(
                w[:1].isupper() or w.isdigit() or (w.islower() and len(w) <= 4) for w in span_words
            ):
                continue
            if not any(w.isdigit() or w.lower() in FUNCTION_WORDS for w in span_words):
                continue  # a name the sentences find whole anyway
            if _named_as_film(" ".join(span_words), text):
                names.kinds[name_key(" ".join(span_words))] = "film"
                names.split_starts.add(first.lower())
                break


def _named_as_film(span: str, text: str) -> bool:
    """Does ``text`` name ``span`` as a film: after a film noun, or before a film's cue?"""
    start = text.find(span)
    while start >= 0:
        before = text[max(0, start - 20) : start].split()
        if _FILM_AFTER_TITLE.match(text, start + len(span)) or (
            before and before[-1].strip(",").lower() in FILM_NOUNS
        ):
            return True
        start = text.find(span, start + 1)
    return False


_BACKER_SUBJECT = re.compile(
    r"^«N(\d+)» (?:is |are |was |were |has |have |had |will |also |now |has been |is also )?"
    r"(?:producing|produces|produce|produced|co-producing|co-produces|co-produced|financing|"
    r"finances|financed|distributing|distributes|distributed|backing|backs|backed) "
    r"(?:«[AF]\d+»|the (?:[a-z-]+ )?(?:film|movie|project|picture)\b)"
)
"""An untyped name that produces, finances or distributes the film (\"Northlight is producing
the film\"): a company (a person the text names in full is known already), never the film."""
_DIRECTED_BY = re.compile(r"\b(?:directed|co-directed|helmed) by «P(\d+)»(?! (?:and|,|&) «)")
"""A person the text says directed something (not one of several: "directed by P and Q" may
be a director and an actor who co-directed): a director ("F is directed by P, best known for
G": G is P's film, not a role)."""


_PERFORMER_ANAPHOR_HEAD = re.compile(
    r"^(?:[a-z]+ , )?the (?:(?:\d+-year-old|[a-z][\w-]*|«C\d+») ){0,2}?(?:"
    + "|".join(sorted(_PERFORMER_NOUNS, key=len, reverse=True))
    + r")(?= 's | , | (?:has|had|is|was|will|also|[a-z]+ed|[a-z]+s)\b)"
)


def _performer_anaphor_head(skeleton: str) -> bool:
    """Does a sentence open with a performer named by a descriptor ("The actor's previous film",
    "The Australian actress, 33, ...")? It is the person the sentence before named.

    >>> _performer_anaphor_head("the actor 's previous film , «F0» , also went to number one .")
    True
    >>> _performer_anaphor_head("the director 's previous film was «F0» .")
    False
    """
    return _PERFORMER_ANAPHOR_HEAD.match(skeleton) is not None


def _learn_person(chunk: Chunk, sent: _Sentence, key: str, names: _Names) -> None:
    """What the words around a person's name (``key``) say of them: named with a descriptor
    ("actress X": surely a person), and an actor, a director or other crew."""
    if chunk.why == "descriptor":
        names.strong_people.add(key)
    described = _descriptions(chunk, sent)
    if not _PERFORMER_NOUNS.isdisjoint(described):
        names.actors.add(key)
    if not _DIRECTOR_NOUNS.isdisjoint(described):
        names.directors.add(key)
    if not _OTHER_CREW_NOUNS.isdisjoint(described):
        names.crew.add(key)


def extract(document: Document, gazetteer: Gazetteer | None = None) -> list[Fact]:
    """Facts stated in ``document`` (see the module docstring)."""
    text = document.text
    sents = _parse(text)
    names = _Names(gazetteer)
    # the document named after a film (an encyclopedia article): its title is a film
    title_key = name_key(
        re.sub(r"\s*\((?:[^()]*\b)?(?:film|movie)\)\s*$", "", document.title or "")
    )
    if title_key and _title_is_no_film(title_key, text):
        title_key = ""  # "Marta Lindqvist (born 1961) is a Swedish actress": a biography
    if title_key and ("," in title_key or " " in title_key) and title_key in name_key(text):
        names.kinds[title_key] = "film"  # found whole even when it holds a comma
        title = (document.title or "").strip()
        if splits_apart(title):  # "Storm over Asia": found whole, not as "Storm" and "Asia"
            names.split_starts.add(title.split()[0].lower())
        main_title = title_key.split(":")[0].strip()
        if (
            ":" in title_key
            and "," in main_title
            and main_title in name_key(text.replace(":", " "))
        ):
            names.kinds[main_title] = "film"  # "Crouching Tiger, Hidden Dragon: Sword of Destiny"
    if document.title:
        _learn_headline_titles(document.title, text, names)
    # pass 1: learn names (typed chunks and the rules' own typing)
    for number, sent in enumerate(sents):
        _skeleton(sent, names, first_pass=True)
        if number and _performer_anaphor_head(sent.skeleton):
            # "Tom Cruise's War of the Worlds ... The actor's previous film": Cruise acts
            people = {name_key(s.text) for s in sents[number - 1].slots if s.kind == "P"}
            if len(people) == 1:
                names.actors.update(people)
        for slot in sent.slots:
            key = name_key(slot.text)
            if slot.chunk is not None and slot.kind in ("P", "F", "O"):
                if (
                    slot.kind == "F"
                    and slot.chunk.why.startswith("after '")
                    and names.kinds.get(key) == "person"
                    and key not in names.strong_people
                ):  # "films included Winter Bells ... his film Winter Bells": the noun decides
                    names.kinds[key] = "film"
                names.learn(slot.text, _KIND_OF_LETTER[slot.kind])
                if slot.kind == "F":
                    names.evidenced.add(key)
                if slot.kind == "O":
                    _learn_org_short_name(slot.text, names)
                if slot.kind == "P":
                    _learn_person(slot.chunk, sent, key, names)
            if slot.chunk is not None and slot.kind == "X" and _TV_WHY.match(slot.chunk.why):
                names.kinds[key] = "nonfilm"  # "the series X": TV all through
                names.tv.add(key)
            if title_key and slot.kind != "P" and key == title_key:
                names.kinds[title_key] = "film"
                names.surface.setdefault(title_key, slot.text)
        occupation = _IS_AN_OCCUPATION.match(sent.skeleton)
        if occupation is not None:  # "«P0» (born 1950) is an American film director"
            key = name_key(sent.slots[int(occupation.group(1))].text)
            nouns = set(occupation.group(2).split())
            if not nouns.isdisjoint(_PERFORMER_NOUNS):
                names.actors.add(key)
            if not nouns.isdisjoint(_DIRECTOR_NOUNS):
                names.directors.add(key)
        backer = _BACKER_SUBJECT.match(sent.skeleton) if "«N" in sent.skeleton else None
        if backer is not None and names.kind(sent.slots[int(backer.group(1))].text) is None:
            name = sent.slots[int(backer.group(1))].text  # "Northlight is producing the film"
            names.learn(name, "org")
            names.backers.add(name_key(name))
        for director in _DIRECTED_BY.finditer(sent.skeleton) if "by" in sent.words else ():
            names.directors.add(name_key(sent.slots[int(director.group(1))].text))
        for aged in _AGE_APPOSITION.finditer(sent.skeleton) if " , " in sent.skeleton else ():
            names.learn(sent.slots[int(aged.group(1))].text, "person")  # "Vance , 34 , plays"
        named = _FILM_NAMED_LAST.search(sent.skeleton) if " , «N" in sent.skeleton else None
        if named is not None:  # "... the music for his new film, Salt Lake Summer."
            names.learn(sent.slots[int(named.group(1))].text, "film")
        lead = _LEAD.match(sent.skeleton)
        if lead is not None:
            slot = sent.slots[int(lead.group(1))]
            if name_key(slot.text) not in names.strong_people:
                names.kinds[name_key(slot.text)] = "film"
                names.surface.setdefault(name_key(slot.text), slot.text)
        for cand in _run_rules(sent, _State(names), first_pass=True):
            del cand
    _learn_headline_names(document.title, names)
    _learn_sequel_original(sents, names)
    # pass 2 skeletons; count mentions for the main film / person (first sentence counts double)
    for number, sent in enumerate(sents):
        _skeleton(sent, names, first_pass=True)
        background = _background_slots(sent.skeleton)
        for index, slot in enumerate(sent.slots):
            kind = names.kind(slot.text)
            if kind == "film" or slot.kind == "F":
                weight = 2 if number == 0 else 1
                names.film_counts[name_key(slot.text)] += 0 if index in background else weight
            elif kind == "person" or slot.kind == "P":
                full, _ = names.person_name(slot.text)
                names.person_counts[name_key(full)] += 1
        _vote_genders(sent, names)
    main = _main_film(names, document.title)
    if main is None and any(_ANAPHOR.search(sent.skeleton) for sent in sents):
        main = _headline_film(document.title, names)  # "X tops box office. The thriller ..."
        if main is None:  # "the premiere of Steel Rain ... Director P said the film had ..."
            main = _sole_title(sents, names)
    if main is None and _filmless_credits(sents, document):
        # "Iron Orchard opens" over "Iron Orchard follows a family ... P plays the eldest son"
        main = _headline_film(document.title, names) or _sole_title(sents, names, _FILMLESS_CREDIT)
    state = _State(names, None, _main_person(names, document.title))
    state.headline = (document.title or "").casefold()
    # the main film stands for "the film" once the headline or the text has named it: a film
    # first named at the end of an article is not what its first sentences were about
    headline = name_key(document.title or "")
    if main is not None and name_key(main) in headline:
        state.main_film = main
        state.main_in_headline = True
    # pass 2: the facts
    candidates: list[_Candidate] = []
    for sent in sents:
        if (
            state.main_film is None
            and main is not None
            and any(
                names.film_name(slot.text) == main
                for index, slot in enumerate(sent.slots)
                if index not in _asides(sent)
            )
        ):  # "The film will be made by P, who made F": F is not yet what the text is about
            state.main_film = main
        _anaphors(sent, state)
        _pair_anaphor(sent, state)
        found = _run_rules(sent, state, first_pass=False)
        state.previous = sent
        candidates.extend(found)
        _update_focus(sent, state, found)
    candidates.extend(_series_members(candidates, state))
    candidates.extend(_numbered_sequels(candidates, sents, names))
    return _facts(document, _name_unnamed_films(candidates, sents, names), names)


_SERIES_RULE = next(r for r in ALL_RULES if "series" in r.flags)
_SERIES_SEPARATORS = (": ", " –", " -", *(" " + d for d in "0123456789"))


def _series_members(candidates: list[_Candidate], state: _State) -> list[_Candidate]:
    """A film whose title starts with a series the text names ("the Mission: Impossible
    movies" ... "Mission: Impossible - Dead Reckoning Part One") is part of that series."""
    out: list[_Candidate] = []
    films = {c.film for c in candidates if c.film}
    for series, sent in state.series.items():
        key = name_key(series)
        for film in films:
            title = name_key(film)
            if title.startswith(key) and title[len(key) :].startswith(_SERIES_SEPARATORS):
                ref = EntityRef(EntityType.FILM_SERIES, series)
                out.append(_Candidate(_SERIES_RULE, film, Relation.PART_OF_SERIES, ref, sent))
    return out


_NUMBERED_TITLE = re.compile(
    r"^(?P<base>.+?) (?:part )?(?P<number>[2-9]|ii|iii|iv|v|vi|vii|viii|ix|two|three|four)"
    r"(?: ?[:–-] .+)?$"
)
"""A title that numbers a film of a series: "raptor island 2", "rooftop rhythm ii: higher
ground", "the hollow oak part two" (name keys, folded)."""

_NUMBER_VALUES = {
    **{str(n): n for n in range(2, 10)},
    **{r: n for n, r in enumerate(("ii", "iii", "iv", "v", "vi", "vii", "viii", "ix"), 2)},
    "two": 2, "three": 3, "four": 4,
}  # fmt: skip


def _numbered_sequels(
    candidates: list[_Candidate], sents: Sequence[_Sentence], names: _Names
) -> list[_Candidate]:
    """A film of the article titled as another film of it with the next number follows that
    film ("Raptor Island" ... "Raptor Island 2"; "Zero Point 2" ... "Zero Point 3"): the
    title says so, whatever the sentences say. Films of the article are those it types as
    films (in its names or its skeletons) and those its facts are about; the evidence is the
    first sentence naming the numbered film.

    >>> facts = extract(Document("d", "The film Marsh Light was a hit. Marsh Light 2 opens."))
    >>> sorted((f.subject.name, f.relation.value) for f in facts if f.relation.value == "follows")
    [('Marsh Light 2', 'follows')]
    """
    films = {name_key(c.film): c.film for c in reversed(candidates) if c.film}
    films.update(
        (name_key(c.obj.name), c.obj.name)
        for c in candidates
        if isinstance(c.obj, EntityRef) and c.obj.type is EntityType.FILM
    )
    films.update(
        (key, names.surface[key])
        for key, kind in names.kinds.items()
        if kind == "film" and key in names.surface and key not in films
    )  # (a name with no spelling seen in the text gives none to a fact)
    for sent in sents:
        for slot in sent.slots:
            if slot.kind == "F":
                films.setdefault(name_key(slot.text), slot.text)
    out: list[_Candidate] = []
    for key, film in films.items():
        m = _NUMBERED_TITLE.match(key)
        if m is None:
            continue
        base, number = m.group("base"), _NUMBER_VALUES[m.group("number")]
        words = [word for word, value in _NUMBER_VALUES.items() if value == number - 1]
        before = ([base] if number == 2 else []) + [
            f"{base} {part}{word}" for word in words for part in ("", "part ")
        ]
        previous = next((k for k in before if k in films), None)
        where = next((s for s in sents if any(name_key(t.text) == key for t in s.slots)), None)
        if previous is None or where is None:
            continue
        other = films[previous]
        out.append(
            _Candidate(
                NUMBERED_TITLE, film, Relation.FOLLOWS, EntityRef(EntityType.FILM, other), where
            )
        )
        out.append(
            _Candidate(
                NUMBERED_TITLE, other, Relation.FOLLOWED_BY, EntityRef(EntityType.FILM, film), where
            )
        )
    return out


# ------------------------------------------------------------------ rules -> candidates


_RULES_AND_NEEDS = tuple((rule, frozenset(rule.needs)) for rule in ALL_RULES)
_ALWAYS_TRIED = tuple(i for i, (_rule, needs) in enumerate(_RULES_AND_NEEDS) if not needs)
_TRIED_FOR_WORD: dict[str, tuple[int, ...]] = {}
for _i, (_rule, _needs) in enumerate(_RULES_AND_NEEDS):
    for _word in _needs:
        _TRIED_FOR_WORD[_word] = (*_TRIED_FOR_WORD.get(_word, ()), _i)
"""Which rules a word of a sentence makes worth trying (a rule is tried when one of its ``needs``
is in the sentence), so a sentence is not checked against every rule's words."""
_NEEDED_WORDS = frozenset(_TRIED_FOR_WORD)


@cache
def _rules_for(needed: frozenset[str]) -> tuple[tuple[int, Rule], ...]:
    """The rules worth trying on a sentence whose words that some rule needs are ``needed``
    (its words ``& _NEEDED_WORDS``), with their numbers, in the order they are listed (few sets
    of them recur: memoised)."""
    tried = set(_ALWAYS_TRIED)
    for word in needed:
        tried.update(_TRIED_FOR_WORD[word])
    return tuple((i, _RULES_AND_NEEDS[i][0]) for i in sorted(tried))


def _literals_needed(pattern: re.Pattern[str] | str) -> frozenset[str] | None:
    """Strings one of which every match of ``pattern`` holds (``None``: none is known), read from
    the parsed pattern: a run of literal characters, or one string of each branch of an
    alternation, inside any part that must match at least once. A rule whose strings are all
    missing from a skeleton cannot match it, and is not run.

    >>> sorted(_literals_needed(re.compile(r"«F\\d+» (?:is|was) (?:also )?directed by «P\\d+»")))
    ['directed by «P']
    >>> sorted(_literals_needed(re.compile(r"(?:stars|features) (?:in|at)")))
    ['features', 'stars']
    >>> _literals_needed(re.compile(r"(?i)by")) is None
    True
    """
    source, flags = (pattern, 0) if isinstance(pattern, str) else (pattern.pattern, pattern.flags)
    if flags & re.IGNORECASE:
        return None
    return _needed_in_parsed(_parse_pattern(source, flags))


def _parse_pattern(source: str, flags: int = 0) -> Any:
    """``source`` parsed by CPython's own parser of patterns, a private module (``None`` without
    it: then every rule is run, and compiled by :func:`re.compile`)."""
    try:
        return importlib.import_module("re._parser").parse(source, flags)
    except Exception:
        return None


def _needed_in_parsed(parsed: Any) -> frozenset[str] | None:
    """:func:`_literals_needed` of a parsed pattern (``None``: not parsed)."""
    if parsed is None:
        return None
    try:
        if parsed.state.flags & re.IGNORECASE:  # "(?i)..."
            return None
        return _needed_in(list(parsed), importlib.import_module("re._constants"))
    except Exception:
        return None


def _tests_of_parsed(parsed: Any) -> tuple[str, ...]:
    """The literal tests of a parsed pattern (``None``: not parsed, none): strings every match holds,
    the one :func:`_literals_needed` tells best first, then the others of two characters or
    more that are not part of one before them (empty: none known).

    >>> _tests_of_parsed(_parse_pattern(r"«F\\d+» (?:is|was) directed by «P\\d+» in (?:the )?\\d+"))
    (' directed by «P', '» in ', '«F')
    >>> _tests_of_parsed(_parse_pattern(r"(?:stars|features) (?:in|at)"))
    ()
    """
    needed = _needed_in_parsed(parsed)
    tests = [next(iter(needed))] if needed and len(needed) == 1 else []
    if parsed is None or parsed.state.flags & re.IGNORECASE:
        return tuple(tests)
    try:
        every = _every_needed_in(list(parsed), importlib.import_module("re._constants"))
    except Exception:
        return tuple(tests)
    for string in sorted(every, key=lambda s: (-len(s), s)):
        if len(string) >= 2 and not any(string in test for test in tests):
            tests.append(string)
    return tuple(tests)


def _every_needed_in(items: list[tuple[Any, Any]], sre: Any) -> set[str]:
    """Strings each of which every match of a parsed sequence holds: the requirements of
    :func:`_requirements` that are one string."""
    return {next(iter(need)) for need in _requirements(items, sre) if len(need) == 1}


def _compile_parsed(source: str, parsed: Any) -> tuple[re.Pattern[str], list[Any] | None]:
    """``re.compile(source)`` from its parse (``parsed``, of flags 0), not parsing it again: the
    steps of CPython's ``re._compiler.compile`` after its parse (private modules, so
    :func:`re.compile` when they are not there); with the compiled code (``None``: not made
    here), which :mod:`kg.extract.compiled` keeps for the next run."""
    try:
        compiler: Any = importlib.import_module("re._compiler")
        sre: Any = importlib.import_module("_sre")
        state = parsed.state
        indexgroup: list[str | None] = [None] * state.groups
        for name, index in state.groupdict.items():
            indexgroup[index] = name
        code = _with_start_chars(compiler._code(parsed, 0), parsed, compiler)
        pattern: re.Pattern[str] = sre.compile(
            source, state.flags, code, state.groups - 1, state.groupdict, tuple(indexgroup)
        )
        return pattern, code
    except Exception:
        return re.compile(source), None


def _with_start_chars(code: list[Any], parsed: Any, compiler: Any) -> list[Any]:
    """``code`` (CPython's compiled ``parsed``, of flags 0) told the characters a match can start
    with, when CPython's compiler found none: its search then tries the pattern only where one
    of them is (it tries every position otherwise). The compiler reads them only from a pattern
    that opens with a literal, a set or an alternation of literals; a rule often opens with a
    lookbehind, an anchor or an optional part ("(?:^|, |and )", "{WHO}"), before its first
    character. The matches are the same: a match starts with one of these characters, and the
    search tries the same positions that could start one, in the same order.

    >>> compiler = importlib.import_module("re._compiler")
    >>> parsed = _parse_pattern(r"(?:^|, )(?<![a-z])(?:the )?«F\\d+»")
    >>> code = _with_start_chars(compiler._code(parsed, 0), parsed, compiler)
    >>> pattern = importlib.import_module("_sre").compile("", 0, code, 0, {}, (None,))
    >>> [m.span() for m in pattern.finditer("«F0» , the «F1» and «F2»")]
    [(0, 4), (5, 15)]
    """
    constants: Any = importlib.import_module("re._constants")
    info_flags, least, most = code[2], code[3], code[4]
    if code[0] is not constants.INFO or info_flags or not least or parsed.state.flags & _CASED:
        return code  # CPython's own prefix or set, an empty match possible, or case folded
    chars, nullable = _first_chars(list(parsed), constants)
    if chars is None or nullable:
        return code
    charset, _cased = compiler._optimize_charset([(constants.LITERAL, c) for c in sorted(chars)])
    info: list[Any] = [constants.INFO, 0, constants.SRE_INFO_CHARSET, least, most]
    compiler._compile_charset(charset, 0, info)
    info[1] = len(info) - 1  # the skip to the pattern's own code
    return info + code[code[1] + 1 :]


_CASED = re.IGNORECASE | re.LOCALE


def _first_chars(items: list[tuple[Any, Any]], sre: Any) -> tuple[set[int] | None, bool]:
    """The characters a match of a parsed sequence can start with (``None``: any one, or not
    known), and whether it can match the empty string (its start is then what follows it)."""
    chars: set[int] = set()
    for op, arg in items:
        first, nullable = _first_chars_of(op, arg, sre)
        if first is None:
            return None, False
        chars |= first
        if not nullable:
            return chars, False
    return chars, True


def _first_chars_of(op: Any, arg: Any, sre: Any) -> tuple[set[int] | None, bool]:
    """:func:`_first_chars` of one part of a parsed sequence: zero-width parts (anchors,
    lookarounds) start with nothing and let what follows them start the match."""
    if op is sre.LITERAL:
        return {arg}, False
    if op is sre.IN:
        chars: set[int] = set()
        for item, value in arg:
            if item is sre.LITERAL:
                chars.add(value)
            elif item is sre.RANGE and value[1] - value[0] < 256:
                chars.update(range(value[0], value[1] + 1))
            else:  # a negated set, a category (\d, \w), a wide range
                return None, False
        return chars, False
    if op in (sre.AT, sre.ASSERT, sre.ASSERT_NOT):
        return set(), True
    if op is sre.SUBPATTERN:
        _group, add_flags, _del_flags, sub = arg
        return (None, False) if add_flags else _first_chars(list(sub), sre)
    if op is sre.ATOMIC_GROUP:
        return _first_chars(list(arg), sre)
    if op is sre.BRANCH:
        union: set[int] = set()
        empty = False
        for branch in arg[1]:
            first, nullable = _first_chars(list(branch), sre)
            if first is None:
                return None, False
            union |= first
            empty = empty or nullable
        return union, empty
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
        least, _most, sub = arg
        first, nullable = _first_chars(list(sub), sre)
        return (None, False) if first is None else (first, nullable or least == 0)
    return None, False  # any character, a back reference, a conditional


def _needed_in(items: list[tuple[Any, Any]], sre: Any) -> frozenset[str] | None:
    """:func:`_literals_needed` of a parsed sequence: the best of what its parts need."""
    return max(_requirements(items, sre), key=_telling, default=None)


def _requirements(items: list[tuple[Any, Any]], sre: Any) -> list[frozenset[str]]:
    """What every match of a parsed sequence holds, in the order of its parts: for each of its
    runs of literal characters and of its parts that must match at least once, a set of strings
    one of which a match holds (of an alternation, the part common to its branches)."""
    out: list[frozenset[str]] = []
    run: list[str] = []
    for op, arg in items:
        if op is sre.LITERAL:
            run.append(chr(arg))
            continue
        if run:
            out.append(frozenset(["".join(run)]))
            run = []
        if op is sre.SUBPATTERN:
            _group, add_flags, _del_flags, sub = arg
            if not add_flags & re.IGNORECASE:
                out.extend(_requirements(list(sub), sre))
        elif op is sre.BRANCH:
            branches = [_needed_in(list(b), sre) for b in arg[1]]
            if all(b is not None for b in branches):
                out.append(_common_part(frozenset().union(*(b for b in branches if b is not None))))
        elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
            least, _most, sub = arg
            if least >= 1:
                out.extend(_requirements(list(sub), sre))
        elif op is sre.ATOMIC_GROUP:
            out.extend(_requirements(list(arg), sre))
    if run:
        out.append(frozenset(["".join(run)]))
    return [need for need in out if need]


def _common_part(strings: frozenset[str]) -> frozenset[str]:
    """The longest string of three characters or more that each of ``strings`` holds (one of
    which a match holds, so it holds that one too), else ``strings`` themselves.

    >>> sorted(_common_part(frozenset({"star", "stars", "co-starred"})))
    ['star']
    >>> sorted(_common_part(frozenset({"stars", "features"})))
    ['features', 'stars']
    """
    if len(strings) < 2:
        return strings
    shortest = min(strings, key=lambda s: (len(s), s))  # (the same in every process)
    for size in range(len(shortest), 2, -1):
        for start in range(len(shortest) - size + 1):
            part = shortest[start : start + size]
            if all(part in s for s in strings):
                return frozenset([part])
    return strings


def _telling(option: frozenset[str]) -> tuple[bool, bool, bool, int, int]:
    """How well a set of needed strings tells skeletons apart: one string of three characters or
    more is best, then one of two (a slot's start, "«C": the test of a rule is one string), then
    strings of three or more, then fewer strings, then longer ones."""
    shortest = min(map(len, option))
    one = len(option) == 1
    return one and shortest >= 3, one and shortest >= 2, shortest >= 3, -len(option), shortest


def _literal_tests() -> tuple[tuple[str, ...], ...]:
    """Per rule, strings a skeleton must hold, each of them, for the rule to match (empty: none
    known). Not one of several: looking for one of several costs about what running the rule
    does. Read from the patterns' text, so that a rule is compiled only once a skeleton holds
    its strings."""
    return tuple(_literal_test(number) for number in range(len(ALL_RULES)))


_UNREAD: tuple[str, ...] = ("\0",)
_TESTS: list[tuple[str, ...]] = [_UNREAD] * len(ALL_RULES)  # rule number -> its literal tests
_PARSED: dict[int, Any] = {}  # rule number -> its parsed pattern, until the rule is compiled
_KEPT: dict[int, compiled.Entry] = {}  # rule number -> its entry of the cache, until compiled


@cache
def _source(number: int) -> str:
    """Rule ``number``'s pattern, its macros expanded."""
    return expand(ALL_RULES[number].pattern)


def _sources() -> list[str]:
    return [_source(number) for number in range(len(ALL_RULES))]


def _literal_test(number: int) -> tuple[str, ...]:
    """:func:`_literal_tests` of one rule, read the first time the rule is tried (a short load
    tries few rules): from the cache of compiled patterns (:mod:`kg.extract.compiled`), else
    from the parse, which is kept to compile the rule from (:func:`_rule_regex`)."""
    test = _TESTS[number]
    if test is _UNREAD:
        source = _source(number)
        kept = compiled.remembered(source)
        if kept is not None:
            _KEPT[number] = kept
            test = kept[0]
        else:
            parsed = _parse_pattern(source)
            _PARSED[number] = parsed
            test = _tests_of_parsed(parsed)
            if parsed is not None:
                compiled.remember(source, compiled.entry_of(test), _sources)
        _TESTS[number] = test
    return test


def _rule_regex(number: int, rule: Rule) -> re.Pattern[str]:
    """``rule.regex``, compiled (once): from the cache of compiled patterns, else from the parse
    its literal tests read when there is one."""
    regex: re.Pattern[str] | None = rule.__dict__.get("regex")  # what Rule.regex caches
    if regex is not None:
        return regex
    test = _literal_test(number)
    source = _source(number)
    kept = _KEPT.pop(number, None)
    parsed = _PARSED.pop(number, None)
    if kept is not None:
        regex = compiled.compile_entry(source, kept)
        if regex is None:  # the cache knew the test alone
            parsed = _parse_pattern(source)
    if regex is None:
        if parsed is None:
            return rule.regex
        regex, code = _compile_parsed(source, parsed)
        if code is not None:
            compiled.remember(source, compiled.entry_of(test, parsed, code), _sources)
    rule.__dict__["regex"] = regex
    return regex


_WINDOW = 2_000
"""Longest stretch of a skeleton a rule reads at once: a "sentence" of thousands of names (a
list, a table pasted as text) is read in overlapping windows, so its cost stays linear."""


def _windows(skeleton: str) -> list[str]:
    if len(skeleton) <= _WINDOW:
        return [skeleton]
    step = _WINDOW // 2
    return [skeleton[i : i + _WINDOW] for i in range(0, len(skeleton) - step, step)]


@lru_cache(maxsize=1 << 13)
def _hits(
    skeleton: str, needed: frozenset[str]
) -> tuple[tuple[Rule, tuple[re.Match[str], ...]], ...]:
    """The rules worth trying on a sentence (:func:`_rules_for` its words some rule needs,
    ``needed``) that match its ``skeleton``, in the order they are listed, with their
    matches. They depend on these two alone, and recur: both passes make most skeletons twice,
    and formulaic sentences come back across articles ("it was released on «D0» ."): memoised."""
    windows = _windows(skeleton) if len(skeleton) > _WINDOW else None  # None: read it whole
    hits: list[tuple[Rule, tuple[re.Match[str], ...]]] = []
    for number, rule in _rules_for(needed):
        tests = _TESTS[number]  # strings the rule needs, looked for before its pattern is run
        if tests is _UNREAD:
            tests = _literal_test(number)
        for test in tests:  # (a loop: a generator for all() costs more than most tests)
            if test not in skeleton:
                break
        else:
            regex = rule.__dict__.get("regex") or _rule_regex(number, rule)
            if windows is None:
                found = tuple(regex.finditer(skeleton))
            else:
                found = tuple(m for w in windows for m in regex.finditer(w))
            if found:
                hits.append((rule, found))
    return tuple(hits)


def _run_rules(sent: _Sentence, state: _State, *, first_pass: bool) -> list[_Candidate]:
    out: list[_Candidate] = []
    skeleton = sent.skeleton
    if "«" not in skeleton and not _PRONOUN_WORD.search(skeleton):
        return out
    needed = sent.words & _NEEDED_WORDS
    hits = _hits(skeleton, needed)
    shared = (
        _shared_subject_clause(skeleton)
        if (" and " in skeleton or " , " in skeleton)
        and not _COORDINATED_VERBS.isdisjoint(sent.words)
        else None
    )
    if not hits and shared is None:
        return out
    topic = _topic_film(sent, state)  # before any rule learns from this sentence
    for rule, found in hits:
        for m in found:
            made = _candidates(rule, m, sent, state, topic, first_pass)
            if len(skeleton) <= _WINDOW:  # read whole: the match's span is in the skeleton
                for cand in made:
                    cand.span = m.span()
            out.extend(made)
    if shared is not None:  # "She trained in Madrid and later starred in F": she starred in F
        sent.skeleton = shared
        try:
            for rule, found in _hits(shared, needed):
                for m in found:
                    out.extend(_candidates(rule, m, sent, state, topic, first_pass))
        finally:
            sent.skeleton = skeleton
    if not first_pass:
        out = _companions(out, sent)
    return out


_COORDINATED_VERBS = frozenset(ROLE_OF_VERB) | {
    "appear", "appears", "appeared", "appearing", "play", "playing", "co-star", "co-stars", "portrayed",
    "portrays", "voiced", "voices", "joined", "joins", "reprised", "reprises", "headlined",
    "making",
}  # fmt: skip
"""The verbs that open a second verb phrase whose subject is the sentence's subject: the credit
verbs of the role table, the verbs of appearing, and "making" (", before making her debut as
director with F")."""

_CLAUSE_SUBJECT = re.compile(
    r"^(?P<subject>(?:(?:[a-z\d][\w'-]* ){1,4}, )?(?:«[PN]\d+»|he|she|they))(?! 's)"
    r"(?: , [^,;«»]* ,)? (?!and\b)"
)
"""The subject of a sentence's first clause, a person's name or pronoun, after an optional short
fronted phrase ("in 2004 , she"), and its apposition: not one of two subjects ("«P0» and «P1»
starred"). A film's second phrase ("«F0» opened in May and stars «P1»") the rules read already."""

_SECOND_VERB_PHRASE = re.compile(
    r"(?:(?:, )?and (?:(?:then|later|also|since|subsequently|eventually|soon|now|recently) )*"
    r"(?:went on to |would go on to |has gone on to |has since )?"
    r"(?P<rest>(?:(?:has|have|had|was|is|will|would) )?(?:"
    + "|".join(sorted(map(re.escape, _COORDINATED_VERBS), key=len, reverse=True))
    + r")\b)|, (?:before |after )?(?P<participle>(?:appearing|starring|co-starring|playing|directing) "
    r"(?:in|as|opposite|alongside)\b|making (?:his|her|their) (?:[a-z-]+ )?debut\b))"
)
"""A second verb phrase that opens with a credit verb ("and went on to star in", "and is
directed by"), or a participle of acting or directing (", appearing in films such as", ", before
making her debut as director with")."""

_SUBORDINATE = re.compile(
    r"\b(?:that|who|whom|which|whose|when|while|because|although|though|if|where|said|says|told)"
    r"\b|;"
)
"""A word that opens a clause whose subject may be another: what follows it is not known to
share the sentence's subject ("«P0» said «P1» trained in «N2» and starred in «F3»")."""


@lru_cache(maxsize=1 << 12)
def _shared_subject_clause(skeleton: str) -> str | None:
    """The second verb phrase of ``skeleton`` with the sentence's subject put before it, for the
    rules to read as a sentence of its own (``None``: no such phrase).

    >>> _shared_subject_clause("«P0» trained in «N1» and later starred in «F2» .")
    '«P0» starred in «F2» .'
    >>> _shared_subject_clause("in 2004 , she moved to «N0» and starred in «F1» .")
    'in 2004 , she starred in «F1» .'
    >>> _shared_subject_clause("«P0» wrote and directed «F1» , and produced «F2» .")
    '«P0» produced «F2» .'
    >>> _shared_subject_clause("«P0» , who has died , was a star , appearing in «F1» .")
    '«P0» appearing in «F1» .'
    >>> _shared_subject_clause("«P0» said «P1» trained in «N2» and starred in «F3» .") is None
    True
    >>> _shared_subject_clause("«F0» is a film directed and edited by «P1» and «P2» .") is None
    True
    """
    head = _CLAUSE_SUBJECT.match(skeleton)
    if head is None:
        return None
    for tail in _SECOND_VERB_PHRASE.finditer(skeleton, head.end()):
        first = skeleton[head.end() : tail.start()].rstrip()
        if not first or _SUBORDINATE.search(first):
            return None
        if not tail.group("rest") or first.rsplit(" ", 1)[-1] not in _COORDINATED_VERBS:
            # not "directed and edited by": two verbs of one phrase
            rest = tail.start("rest") if tail.group("rest") else tail.start("participle")
            return f"{head.group('subject')} {skeleton[rest:]}"
    return None


_SUBJECT = re.compile(
    r"^(?:(?:[^«»]|«[XD]\d+»)*? , |(?:[^«»:]|«[XDO]\d+»)*? : )?(?:the |a )?(?:(?:[a-z][\w'-]*|«C\d+»|«N\d+»(?= (?:[a-z][\w'-]* )?"
    r"(?:drama|comedy|thriller|film|movie|documentary|epic|biopic|romance|horror|musical|western|"
    r"adventure|caper|satire) «)) ){0,4}?(?:«P\d+» 's )?(?<!by )(?<!of )(?<!with )(?<!for )(?<!from )"
    r"«([FNA])(\d+)»(?! 's)"
    r"(?!(?: [a-z]+){0,3} (?:star|stars|starred|starring|appear|appears|appeared|play|plays|"
    r"played|playing) (?:in|as|opposite|alongside)\b)"  # "Madonna will star in a new film"
    r"(?: \( [^)]* \))?(?: ,| (?:is|was|has|had|will|stars|starred|starring|directed|tells|"
    r"follows|features|won|opened|opens|took|became|received|earned|grossed|also|which|"
    r"premiered|marks|centres|centers|sees|are|were|written|produced|edited|runs|ran|"
    r"topped|remains|stays|knocked|knocks|pushed|pushes|beat|beats|overtook|overtakes|dethroned|"
    r"held|holds|led|leads|slipped|slips|fell|falls|dropped|drops|climbed|climbs|rose|debuted|"
    r"debuts|scored|pulled|raked|dominated|dominates|an?)\b)"
)
"""The subject of a sentence: the first film-like name, after an optional fronted phrase and
noun phrase ("At 98 minutes, the movie Super Capers starred ...", "Coalfield drama F has")."""


_INVERTED_SUBJECT = re.compile(
    r"^(?!(?:it|he|she|they|this|that|there|what|which|who) )(?:[a-z][\w'-]* ){1,5}(?:is|was|were|"
    r"will be|came) (?:the |a |an )?(?:[a-z][\w'-]* |«C\d+» ){0,3}?«(F)(\d+)»(?= ,| \.| ;|$)"
)
"""A sentence that puts its film after the verb ("In second place was the comedy F, which ...",
"Closing the festival will be F, ...", "Top of the list is F, ..."): F is what it is about."""


_RENAMED_SUBJECT = re.compile(r"^(?:retitled|renamed) «(F)(\d+)»(?= ,| for )")
"""A sentence that opens with a film's new name ("Retitled Lon Dubh for the screen, it will be
directed by P"): the film is what it, and the next sentences, are about."""


def _subject(sent: _Sentence) -> re.Match[str] | None:
    """:data:`_SUBJECT` matched on the skeleton (kept: several steps ask, and it scans far)."""
    if sent.subject_of != sent.skeleton:
        sent.subject_of = sent.skeleton
        sent.subject = (
            _SUBJECT.match(sent.skeleton)
            or _INVERTED_SUBJECT.match(sent.skeleton)
            or _RENAMED_SUBJECT.match(sent.skeleton)
        )
    return sent.subject


_ANAPHOR_WITH_RELATIVE = re.compile(
    r"^«A\d+» , (?:which |that |(?:co-)?(?:directed|written|produced|scripted|helmed|starring|"
    r"featuring|made|shot|adapted|based) )"
)
"""A sentence whose subject is "the film" with a relative or participial clause after it ("The
film, directed by P, pushed F into second place"): the films it names are not what it is about."""


_PERSON_RELATIVE = re.compile(
    r"(?:«[PN]\d+»|(?<![a-z])(?:she|he)) , (?:who|whose) [^,]*(?:, «[FN]\d+»(?: \( [^)]* \))? , [^,]*)?"
)
"""A relative clause on a person (or on "she", "he": "The 20-year-old, who shot to fame in F,"),
with the apposition of a "whose" clause ("P , whose last film , F , won"): the films it names
are that person's, not the film the sentence is about."""


def _person_relative_slots(skeleton: str) -> frozenset[int]:
    """The slots inside relative clauses on people (:data:`_PERSON_RELATIVE`).

    >>> sorted(_person_relative_slots("«A0» will be produced by «P1» , who made «F2» ."))
    [2]
    >>> sorted(_person_relative_slots("she , who shot to fame in «N0» , said"))
    [0]
    """
    if ", who" not in skeleton:
        return frozenset()
    return frozenset(
        int(m.group(2))
        for clause in _PERSON_RELATIVE.finditer(skeleton)
        for m in _SLOT_KIND.finditer(clause.group(0), clause.group(0).index(" , wh"))
    )


_PERSON_CREDITS_APPOSITION = re.compile(
    r"(?:«[PN]\d+»|(?<![a-z])(?:she|he)) , (?:(?:the |a )?(?:[a-z][\w-]* ){0,2}?(?:star|co-star|director|writer|creator|"
    r"producer|veteran) of|(?:best |perhaps best |most |widely )?(?:known|famous|remembered) for"
    r"(?: (?:his|her|their) (?:roles?|parts?) in)?)(?: (?:the|a|an|his|her|their|«X\d+» 's)"
    r"(?: [a-z][\w-]*| «[CX]\d+»){0,3})? «[FN]\d+»(?: , «[FN]\d+»)*(?: and «[FN]\d+»)? ,"
)
"""An apposition that names a person by their films ("Kira Vance , star of F , G and H ,", "P ,
best known for F ,")."""


_TITLE_SLOT = re.compile(r"«[FN](\d+)»")


def _background_slots(skeleton: str) -> frozenset[int]:
    """The films a sentence names only to say who a person is: in a relative clause on the
    person or an apposition of their credits ("P, star of F and G, has joined the cast of H"),
    which count less towards what the text is about.

    >>> sorted(_background_slots("«P0» , star of «F1» and «F2» , has joined the cast of «N3» ."))
    [1, 2]
    >>> sorted(_background_slots("«P0» will join her «F1» co-star «P2» in «N3» ."))
    [1]
    """
    found = set(_person_relative_slots(skeleton))
    for title in _TITLE_SLOT.finditer(skeleton):  # "her Titanic co-star P": who P is
        if _PERSON_AFTER_TITLE.match(skeleton, title.end()):
            found.add(int(title.group(1)))
    if " of " in skeleton or " for " in skeleton:
        for clause in _PERSON_CREDITS_APPOSITION.finditer(skeleton):
            text = clause.group(0)
            found.update(int(m.group(2)) for m in _SLOT_KIND.finditer(text, text.index(" , ")))
    if " behind " in skeleton:  # "made by O, the company behind the short F, and ...": who O is
        for clause in _COMPANY_CREDITS_APPOSITION.finditer(skeleton):
            text = clause.group(0)
            found.update(int(m.group(2)) for m in _SLOT_KIND.finditer(text, text.index(" , ")))
    return frozenset(found)


_COMPANY_CREDITS_APPOSITION = re.compile(
    r"«O\d+» , (?:the|a) (?:«[XC]\d+» |[a-z-]+ ){0,3}?(?:studio|company|outfit|producers?) behind "
    r"[^«»;,]*«[FN]\d+»(?: (?:and|, ) ?«[FN]\d+»)* ,"
)
"""A company's apposition of its credits ("O, the company behind the short F,"): who O is."""


def _asides(sent: _Sentence) -> frozenset[int]:
    """:func:`_person_relative_slots` of the sentence's skeleton (kept: several steps ask)."""
    if sent.asides_of != sent.skeleton:
        sent.asides_of, sent.asides = sent.skeleton, _person_relative_slots(sent.skeleton)
    return sent.asides


def _sequel_film(sent: _Sentence, state: _State, original: int) -> str | None:
    """The film an unnamed sequel of the film in slot ``original`` is: the article's film, when
    that is another film than the original."""
    film = state.names.film_name(sent.slots[original].text)
    main = state.main_film
    return main if main is not None and name_key(main) != name_key(film) else None


def _sequel_subject_slot(
    film_text: str | None, m: re.Match[str], rule: Rule, sent: _Sentence
) -> int | None:
    """The slot of the film a film-anchored match starts at when the sentence's subject is an
    unnamed sequel or remake of it (:data:`_SEQUEL_SUBJECT`): the cue after the film is the
    sequel's ("The remake of the 1954 film F, released in 2003, starred P")."""
    if film_text is None or rule.film is None or m.start(rule.film) != m.start():
        return None
    sequel_of = _topic_cues(sent.skeleton).sequel_of
    if sequel_of is None or _group_slots(film_text)[:1] != (("F", sequel_of),):
        return None
    return sequel_of


def _topic_film(
    sent: _Sentence,
    state: _State,
    exclude: frozenset[int] = frozenset(),
    *,
    of_sequel: bool = False,
) -> str | None:
    """The film a sentence is about: the one film it names, its subject, "the film"/"it", or
    the main film when the sentence names no film at all (``exclude``: slots a rule already
    took as people, which are no films; ``of_sequel``: the film a sequel the sentence is about
    follows, for the rules that relate the two)."""
    names = state.names
    if " of «" in sent.skeleton or " as " in sent.skeleton:  # what a _CHARACTER_SLOT match holds
        exclude = exclude | {int(i) for i in _CHARACTER_SLOT.findall(sent.skeleton)}
    if _names_other_film(sent.skeleton) and not any(s.kind == "F" for s in sent.slots):
        if state.original is not None and _FIRST_FILM.match(sent.skeleton):
            return state.original  # "A sequel to F is planned. The first film starred P"
        return None  # "The first film, released in 2001, starred P": not the article's film
    cues = _topic_cues(sent.skeleton)
    if cues.sequel_of is not None:  # "The follow-up to F will be directed by P": not F
        return _sequel_film(sent, state, cues.sequel_of)
    if not of_sequel and cues.new_sequel and not any(s.kind == "F" for s in sent.slots):
        return None  # "A sequel, directed by P, was released in 2017": not the film of the text
    if cues.anaphor_with_relative:
        return _antecedent(state)  # "The film, which P wrote after seeing F, stars Q": not F
    aside = _asides(sent)
    if " , " in sent.skeleton and (
        " of " in sent.skeleton or " for " in sent.skeleton or " behind " in sent.skeleton
    ):
        aside = aside | _background_slots(sent.skeleton)  # "P, best known for F, will play"
    films: list[str] = []
    keys: set[str] = set()  # of the films
    for index, slot in enumerate(sent.slots):
        if index in exclude or index in aside:
            continue
        if _is_film_slot(slot, names):
            film = names.film_name(slot.text)
            if name_key(film) not in keys:
                films.append(film)
                keys.add(name_key(film))
    anaphor = _ANAPHOR_SUBJECT_VERB.match(sent.skeleton) if films else None
    if anaphor is not None:  # "The film was made by O ... and is his first since F won": not F
        return _that_film(sent.slots[int(anaphor.group(1))].text, state) or _antecedent(state)
    if len(films) == 1:
        return films[0]
    m = _subject(sent)
    if m is not None and int(m.group(2)) not in exclude | aside:  # "She, star of F, joins"
        slot = sent.slots[int(m.group(2))]
        if slot.kind == "A":
            return _that_film(slot.text, state) or _antecedent(state)
        if slot.kind == "F" or names.kind(slot.text) == "film" or not films:
            return names.film_name(slot.text)
        return None
    if cues.it_subject:
        return _antecedent(state)
    titles = [
        i
        for i, s in enumerate(sent.slots)
        if i not in exclude
        and i not in aside
        and (s.kind == "F" or (s.kind == "N" and not _not_a_title(s.text, names)))
    ]
    if titles and all(sent.slots[i].kind == "N" for i in titles):
        agents = {int(i) for i in _AGENT_SLOT.findall(sent.skeleton)}
        titles = [i for i in titles if i not in agents]
    if not titles:
        if state.subject_film is not None and state.subject_age <= 2:
            return state.subject_film  # "P made F. Q wrote the script": F, not the first film
        return state.main_film or state.last_film
    return None


_ANAPHOR_SUBJECT_VERB = re.compile(
    r"^«A(\d+)» (?:(?:also|again|later|then|now) )?(?:was|is|will be|has been|had been|were) "
    r"(?:(?:also|again|later|then|now) )?(?:made|produced|financed|backed|directed|written|shot|"
    r"edited|scored|developed|distributed|released|co-produced|adapted)\b"
)
"""A sentence whose subject is "the film", right before its passive credit verb ("The film was
made by O, ... and is his first since F won"): the sentence is about that film, whatever other
film a later clause names."""
_CHARACTER_SLOT = re.compile(
    r"\b(?:(?:role|part|character) (?:of|as)|(?:returns|returned|returning|stars|starred|starring|"
    r"appears|appeared|appearing|reprises|reprised|reprising) as) (?:the )?«[NP](\d+)»"
)
"""A name after "the role of", "his role as" or "returns as" is a character, never the film a
sentence is about ("The part of Inspector Dahl is played by P", "P, reprising his role as the
Huntsman,", "P returns as King Aldous, with Q joining the cast")."""
_AGENT_SLOT = re.compile(
    r"(?<!followed )(?<!preceded )(?<!inspired )(?<!replaced )(?<!succeeded )(?<!overtaken )"
    r"(?<!beaten )(?<!topped )(?<!dethroned )by «N(\d+)»"
)
"""An untyped name after "by" is the agent of a credit ("with lyrics by «N1»"), no other film
the sentence could be about; a film follows "followed by", "inspired by", "topped by"."""


def _nearest_title_before(
    sent: _Sentence, state: _State, end: int, exclude: frozenset[int], topic: str | None
) -> str | None:
    """What a participle or relative clause at ``end`` is about: the last title the skeleton
    names before it ("after Heat, Mann made The Insider, starring P": The Insider), ``topic``
    when no title comes before, and nothing when that title is a name of unknown kind (it may be
    another film the text never calls one: attaching the cue to the sentence's subject would
    put its people on the wrong film). ``exclude``: slots taken as people."""
    found: _Slot | None = None
    adjacent = False
    for slot_match in _SLOT_KIND.finditer(sent.skeleton, 0, end):
        index = int(slot_match.group(2))
        slot = sent.slots[index]
        if index not in exclude and (
            slot.kind in ("F", "A")
            or (
                slot.kind == "N"
                and not _not_a_title(slot.text, state.names)
                and not sent.skeleton.endswith(" by ", 0, slot_match.start())
            )  # "directed by N, starring P": N made the film
        ):
            found = slot
            adjacent = sent.skeleton[slot_match.end() : end].strip() in ("", ",")
    if found is None:
        if _PERSON_RIGHT_BEFORE.search(sent.skeleton, 0, end):
            return None  # "The acclaimed Winter Fields, starring P": a title read as a name
        return topic
    if found.kind == "A":  # "the film, which stars P, knocked F into second place"
        return _that_film(found.text, state) or _antecedent(state)
    kind = state.names.kind(found.text)
    if found.kind == "F" or kind == "film" or (adjacent and kind is None):
        # the cue right after an untyped name is what shows it is a film ("Dune, which stars P")
        return state.names.film_name(found.text)
    return None


_PERSON_RIGHT_BEFORE = re.compile(r"«P\d+» ,? ?$")
"""A person right before a cue that modifies the noun phrase before it (", starring"): no one
stars in a person, so the name is a title the text does not show to be one."""
_RELATIVE_AFTER = re.compile(r" , (?:who|whose) [^;]*?(?= , (?!and )| \.|$)")
"""A relative clause on the person a match ends with: its films are that person's, not the
sentence's ("The cinematographer was P, who worked with Q on F")."""
_TO_BE_APPOSITION = re.compile(
    r"«[FN]\d+» , (?:(?:an? |the )(?:[a-z][\w-]* ){1,3}?)?to (?:be [^;«»]*(?:«[PNO]\d+»[^;«»]*)*)?$"
)
"""A skeleton up to "be directed by" (or a later "and produced by") in an apposition on the title
before it ("P joins F, to be directed by Q", "G, a thriller to be directed by Q and produced
by O")."""


def _is_film_slot(slot: _Slot, names: _Names) -> bool:
    """Is ``slot`` a film: typed so, or an untyped name known as one?"""
    return slot.kind == "F" or (slot.kind == "N" and names.kind(slot.text) == "film")


def _films_named_before(
    sent: _Sentence, state: _State, end: int, taken: frozenset[int] = frozenset()
) -> list[str]:
    """The films the skeleton names before ``end``, in order (``taken``: slots a rule took)."""
    return [
        state.names.film_name(sent.slots[int(i)].text)
        for i in _SLOT_INDEX.findall(sent.skeleton, 0, end)
        if int(i) not in taken and _is_film_slot(sent.slots[int(i)], state.names)
    ]


_ANAPHOR_SUBJECT = re.compile(r"(?:it|«A\d+») ")
"""A sentence whose subject is "it" or "the film"."""
_ITS_CUE = re.compile(r"(?:, |for |while |whereas |and |as |with |when )?(?:one of )?its ")
"""A match opening with "its" ("its star, P"): the film it means was named before the word."""
_SECOND_CLAUSE_SUBJECT = re.compile(
    r", (?:while|whereas) «([FN])(\d+)» (?:, [^,;«»]*(?:«[XCD]\d+» [^,;«»]*)* , )?"
    r"(?:was|is|were|has|had|will)\b"
)
"""A second clause with a title of its own as subject ("F directed ..., while G, a horror film,
was made by P")."""


def _second_clause_film(sent: _Sentence, state: _State, at: int) -> str | None:
    """The film a second clause ("..., while G, a horror film, was made by P and produced by O")
    is about, when a match at ``at`` lies in that clause; else ``None``."""
    found = None
    for m in _SECOND_CLAUSE_SUBJECT.finditer(sent.skeleton, 0, at):
        found = m
    if found is None:
        return None
    slot = sent.slots[int(found.group(2))]
    return state.names.film_name(slot.text) if _is_film_slot(slot, state.names) else None


_ENDS_WITH_TITLE = re.compile(r"«[FN]\d+» $")
"""A skeleton up to a cue that opens with ", a/an/the": an apposition on that title ("G, a
documentary by P"; not ", also starring P", which keeps the sentence's subject)."""
_GENERIC_FILMS_SUBJECT = re.compile(
    r"^(?:(?:all|many|most|some|several) of )?(?:his|her|their) (?:[a-z-]+ )?(?:films|movies|pictures)\b"
)
"""A sentence about someone's films in general ("His films were shot by P"): none of them."""
_TV_SUBJECT = re.compile(
    r"^(?:the|its|this) (?:[a-z-]+ ){0,2}?(?:series|show|sitcom|serial|soap|programme|miniseries)"
    r" (?:, (?:which|who) |stars |starring |features |follows )"
)
"""A sentence whose subject is a television programme ("The eight-part series, which stars P")."""
_SERIES_PRIZE = re.compile(
    r"«X\d+» (?:has |had |was |were )?(?:been )?(?:won|named|took|picked up) (?:the )?best "
    r"(?:[a-z-]+ ){0,2}?(?:series|miniseries|mini-series|sitcom)\b"
)
"""A programme named for a television prize ("X won best drama series"): what a later "its"
means."""
_LATER_CLAUSE = re.compile(r" , (?:but|while|whereas) «| ; ")
"""The start of a clause of its own after a match: the films it names are not the match's."""
_IN_WHICH_BEFORE = re.compile(
    r"«[FN]\d+» (?:\( [^()«»]* \) )?, (?:in|for|on) which (?:[^«»;]|«P\d+»)*$"
)
"""A relative clause on a title that a match lies in: "G (1971), in which he played a dying
outlaw opposite P"."""
_ON_A_SHOW_WHICH = re.compile(
    r"«([XN])\d+» , (?:(?:the|a|an) (?:[^«»,;]|«[XC]\d+»)*|«A(\d+)» )(?:in|on|for) which "
    r"(?:[^«»;]|«P\d+»)*$"
)
"""A relative clause ("in/on/for which") on a name and its apposition, up to a match in it."""


def _on_a_show_which(sent: _Sentence, end: int) -> bool:
    """Does a match at ``end`` lie in a relative clause on a programme ("episodes of X, the NBC
    comedy on which P plays a sergeant")? What it says is not about a film."""
    found = _ON_A_SHOW_WHICH.search(sent.skeleton, 0, end)
    if found is None:
        return False
    if found.group(1) == "X":
        return True  # a name known to be no film
    head = found.group(0)
    if found.group(2) is not None:  # "the «X4» comedy", read as "the film"
        head = sent.slots[int(found.group(2))].text
    return any(word in TV_WORDS for word in head.split()) or any(
        sent.slots[int(i)].text in TV_NETWORKS for i in _SLOT_INDEX.findall(head)
    )  # "X, the NBC comedy on which"


_RELATIVE_RIGHT_BEFORE = re.compile(r"«[FN]\d+» , (?:which|that) $")
"""A relative pronoun right before a match on a title ("F, which was directed by P"): the match
is about that title, as with :data:`_APPOSITIVE_CUE`."""
_APPOSITIVE_CUE = re.compile(r"(?:, (?:co-)?starring|(?:, )?(?:which|that) (?!also))")
"""A cue that modifies the noun phrase just before it (", starring P", "which stars P"), not the
sentence's subject; ", also starring" and a finite ", stars" keep the subject."""


_STAGE_OR_TV = re.compile(
    r"\b(?:musical|stage|(?:the|a|an|new|stage) play|broadway|west end|theatre|theater|series|"
    r"sitcom|soap|episode|episodes|tv show|television)\b"
)
"""A sentence about a stage or TV work: the next one's unnamed "P plays the lead" is about it."""
_SEQUEL_SUBJECT = re.compile(
    r"^(?:the|a|an) (?:[a-z-]+ )?(?:sequel|follow-up|prequel|remake|reboot|spin-off|spinoff) "
    r"(?:to|of) (?:(?:the|his|her|its|their) )?(?:(?:[a-z-]+|\d{4}) ){0,2}?(?:\d{4} 's )?"
    r"«[FN](\d+)»(?! , «)"
    r"|^(?:[a-z]+ |«[NOXCP]\d+» ){1,4}?(?:(?:to|will|would) remake|(?:is|are) remaking) "
    r"(?:the |a )?(?:(?:[a-z-]+|\d{4}|«C\d+») ){0,3}?«[FN](\d+)»(?! , «)"
)
"""A sentence about an unnamed sequel or remake of a named film ("The follow-up to F will be
directed by P", "Hollywood is to remake the Japanese film F, with P in the lead role"): its cues
are about the new film, which is the article's film if that is not F."""
_NEW_SEQUEL_SUBJECT = re.compile(
    r"^(?:[a-z]+ , )?(?:a|an|its|their) (?:[a-z-]+ ){0,2}?(?:sequel|follow-up|prequel|remake|reboot|"
    r"spin-off|spinoff)\b"
)
"""A sentence about a sequel the text has not named ("A sequel, directed by P, ...", "Its
remake opened in 2017"): a new film, not the one the text is about ("the sequel" may be)."""
_OTHER_FILM = re.compile(
    r"\b(?:the|its|their|his|her) (?:very )?(?:first|second|third|original|previous|prior|earlier|"
    r"last|other) (?:(?:[a-z]+|\d{4}) ){0,2}?(?:film|movie|instalment|installment|one|part|chapter)\b"
    r"|\bthe original(?= , | (?:was|is|had|has|starred|stars|featured|remains)\b)"
)
"""Another film than the article's: "the first film", "the original movie", "her previous film",
"the original" as a noun ("The original, directed by P, ...")."""

_FIRST_FILM = re.compile(
    r"\bthe (?:very )?(?:first|original) (?:film|movie|instalment|installment)\b"
    r"|\bthe original(?= , | (?:was|is|had|has|starred|stars|featured|remains)\b)"
)
"""The film an unnamed sequel follows, once the text has said which ("A sequel to F is in the
works. The first film starred P"); as a sentence's subject (matched at its start), what the
sentence's credits are about, not in a clause on something else ("O, which distributed the
first film")."""
_UNNAMED_SEQUEL = re.compile(
    r"\b(?:a|the|its) (?:[a-z-]+ )?(?:(?:sequel|follow-up|prequel) to|remake of) "
    r"(?:(?:the|his|her|their|its) )?(?:(?:[a-z-]+|\d{4}|«C\d+») ){0,3}?«[FN](\d+)»"
)
"""An unnamed sequel or remake and the film it follows ("a sequel to the 2003 hit F", "a
remake of the 1958 British comedy F": "the original film" is F)."""
_SEQUEL_WORDS = frozenset({"sequel", "follow-up", "prequel", "remake"})


def _learn_sequel_original(sents: Sequence[_Sentence], names: _Names) -> None:
    """Learn as a film the untyped name an unnamed sequel follows when a later sentence speaks
    of "the first film" ("A sequel to Glass Rivers is in the works. The first film starred P"):
    a sequel to a book or a game has no first film."""
    original: str | None = None
    for sent in sents:
        if original is not None and _FIRST_FILM.search(sent.skeleton):
            names.learn(original, "film")
            return
        sequel = (
            _UNNAMED_SEQUEL.search(sent.skeleton)
            if not sent.words.isdisjoint(_SEQUEL_WORDS)
            else None
        )
        if sequel is not None and names.kind(sent.slots[int(sequel.group(1))].text) is None:
            original = sent.slots[int(sequel.group(1))].text


@lru_cache(maxsize=1 << 13)
def _names_other_film(skeleton: str) -> bool:
    """Does :data:`_OTHER_FILM` occur in ``skeleton``? (asked by every rule that takes the
    sentence's film, and skeletons recur: memoised)"""
    return _OTHER_FILM.search(skeleton) is not None


@lru_cache(maxsize=1 << 13)
def _names_stage_or_tv(skeleton: str) -> bool:
    """Does :data:`_STAGE_OR_TV` occur in ``skeleton``? (skeletons recur: memoised)"""
    return _STAGE_OR_TV.search(skeleton) is not None


_IT_SUBJECT = re.compile(
    r"^(?:[a-z]+ , |(?:[a-z-]+ed|starring|set|shot|made|written|shown) [^.;]*? , )?"
    r"(?:it|its|«A\d+»)\b"
)
"""A sentence about "it" or "the film" ("Its director X ...": the film the text was about),
also after a fronted participle ("Produced by O and co-produced with O2, it was released")."""


class _TopicCues(NamedTuple):
    """What the start of a skeleton says of the film it is about (see :func:`_topic_film`)."""

    sequel_of: int | None  # the slot of the film an unnamed sequel follows (_SEQUEL_SUBJECT)
    new_sequel: bool  # a sequel the text has not named (_NEW_SEQUEL_SUBJECT)
    anaphor_with_relative: bool  # "the film" with a clause after it (_ANAPHOR_WITH_RELATIVE)
    it_subject: bool  # "it" or "the film" (_IT_SUBJECT)


@lru_cache(maxsize=1 << 13)
def _topic_cues(skeleton: str) -> _TopicCues:
    """The :class:`_TopicCues` of ``skeleton`` (asked by every rule that takes the sentence's
    film, and skeletons recur: memoised).

    >>> _topic_cues("the sequel to «F0» will be directed by «P1» .")
    _TopicCues(sequel_of=0, new_sequel=False, anaphor_with_relative=False, it_subject=False)
    """
    sequel = _SEQUEL_SUBJECT.match(skeleton)
    return _TopicCues(
        int(sequel.group(1) or sequel.group(2)) if sequel is not None else None,
        _NEW_SEQUEL_SUBJECT.match(skeleton) is not None,
        _ANAPHOR_WITH_RELATIVE.match(skeleton) is not None,
        _IT_SUBJECT.match(skeleton) is not None,
    )


_IT_FIRST = re.compile(r"^(?:[a-z]+ , )?it\b")


def _not_a_title(name: str, names: _Names) -> bool:
    """Is an untyped name surely no film: a lone given name ("Hazel"), or a person or company
    the text names elsewhere?"""
    return (" " not in name and is_given_name(name)) or names.kind(name) in ("person", "org")


def _names_film(sent: _Sentence) -> bool:
    """Does the sentence name a film (or say "the film")? Else a topic fact is about the
    article's main film."""
    return any(slot.kind in ("F", "N", "A") for slot in sent.slots) or bool(
        _IT_FIRST.match(sent.skeleton)
    )


def _film_before(sent: _Sentence, index: int, state: _State) -> str | None:
    """The one film a sentence names before its anaphor ``«A{index}»`` ("... drama Vera Drake,
    ... her performance in the Mike Leigh film"): nearer than the films of other sentences; not
    one in a clause on a person ("P, whose films include F, is the film's producer")."""
    at = sent.skeleton.find(f"«A{index}»")
    aside = _asides(sent)
    films = {
        state.names.film_name(sent.slots[i].text)
        for k, i in slots(sent.skeleton[: max(at, 0)])
        if k == "F" and i not in aside
    }
    return films.pop() if len(films) == 1 else None


def _that_film(anaphor: str, state: _State) -> str | None:
    """What "that film" refers to: the last film the sentence before named other than the one
    the text is about ("P adapted the novel G for director Q. That film, which starred R, ...":
    G), if the anaphor says "that" and there is one."""
    if not anaphor.lower().startswith("that ") or state.previous is None:
        return None
    names = state.names
    named = [
        names.film_name(slot.text)
        for slot in state.previous.slots
        if slot.kind == "F"
        or (
            slot.kind == "N"
            and names.kind(slot.text) in ("film", None)
            and not _not_a_title(slot.text, names)
        )
    ]
    named = [film for film in named if film != state.main_film]
    return named[-1] if named else None


def _antecedent(state: _State) -> str | None:
    """What "the film" or "it" refers to: the one film the last sentence's facts were about when
    that is another than the subject film of the sentences before, else the film that was the
    subject of one of the last two sentences, else the article's main film, else the one
    untyped title the previous sentence named, else the last film named, else a new film named
    in an aside on a person ("P, whose latest film, F, opens on Friday, said ... In the film, he
    plays")."""
    if (
        state.previous_film is not None
        and state.subject_film is not None
        and state.previous_film != state.subject_film
        and state.subject_age >= 1
    ):
        # "F opens the festival ... It closes with G, written and directed by P. It stars Q":
        # G, the one film the last sentence's facts were about, not the earlier subject F
        return state.previous_film
    if state.subject_film is not None and state.subject_age <= 2:
        return state.subject_film
    if (
        state.previous_film is not None
        and state.main_film is not None
        and not state.main_in_headline
    ):
        # "Also out is F ... Meanwhile, O releases G on DVD. The film stars ...": G, the latest
        return state.previous_film
    return (
        state.main_film
        or state.last_title
        or state.last_film
        or state.last_subject
        or state.aside_film
    )


_PRONOUN_WORD = re.compile(r"\b(?:it|he|she)\b")
"""A sentence with no name is worth reading when a pronoun stands for one ("She also wrote the
script")."""
_PRONOUN_SUBJECT = re.compile(
    expand(
        r"^(?:[a-z]+ , |(?:in|by|after|before|since|during|until|from|at|on) (?:the |that |this )?"
        r"(?:[a-z]+ )?(?:{YEAR}s?|«D\d+»|years|decades|sixties|seventies|eighties|nineties) (?:, )?)?"
        r"(?:he|she|his|her)\b"
    )
)
"""A sentence that opens with a pronoun, after at most a fronted time ("In 1985 he played",
"During the 1970s she ..."): it goes on about the person the text was about."""
_OF_A_POSSESSED_WORK = r"'s [a-z][\w-]* (?:[a-z][\w-]* )?(?:of|about)"
"""What joins a person to the one a work of theirs is about ("P 's portrayal of Q")."""
_PERSON_SUBJECT = re.compile(
    r"^(?:(?:in|by|after|since|until) (?:1[89]\d\d|20\d\d|«D\d+») , |(?:in|after|following|with|"
    r"despite|during) (?:an?|the|his|her|their) [^,«»]{0,40}?(?:«[PNX]\d+» (?:and |, )?){0,4}, )?"
    r"(?:(?:[a-z][\w'-]*|«[CX]\d+») ){0,3}?"
    rf"(?:«P(\d+)» {_OF_A_POSSESSED_WORK} «P\d+»"
    r"|(?:«P\d+» 's (?:[a-z][\w-]* ){1,2}?)?«P(\d+)»(?! ,? and| 's))"
)
"""A sentence whose subject is a person named in it ("US actor «P0» has died", "«P0» 's
husband «P1» is ...": P1; but "«P0» 's portrayal of «P1» won ...": P0, whose work it is)."""


def _person_subject(skeleton: str) -> int | None:
    """The slot of the person a sentence's skeleton is about (`_PERSON_SUBJECT`), if it names one.

    >>> _person_subject("«P0» 's staging of «P1» opens .")
    0
    >>> _person_subject("«P0» 's husband «P1» said .")
    1
    """
    m = _PERSON_SUBJECT.match(skeleton)
    return None if m is None else int(m.group(1) or m.group(2))


_NAME_SUBJECT = re.compile(
    r"^«([FN])(\d+)» (?:has|had|is|was|won|took|topped|opened|opens|will|became|"
    r"received|earned|grossed|tells|follows|remains|stays|,)"
)
"""A sentence that opens with a name as its subject ("«F0» has grossed ...")."""
_BUYER_SUBJECT = re.compile(
    r"^«[FN]\d+» (?:has |had |have )?(?:acquired|acquires|bought|buys|snapped up|picked up|"
    r"signed|signs|hired|hires|sold|sells|announced|announces|confirmed|said|says|agreed|struck|"
    r"secured|teamed|plans|is planning|is developing|has developed)\b"
)
"""A name that buys, hires or announces: a company or a person, never a film "the film" could
stand for ("«N0» has bought the rights to ... The film will ...")."""


def _untyped_title(slot: _Slot, sent: _Sentence, names: _Names) -> bool:
    """May the untyped name ``slot`` be a title: nothing the text or the word lists know it as,
    not a given name, not one capitalised word opening the sentence ("Audiences flocked to")?"""
    return (
        names.kind(slot.text) is None
        and nonfilm_kind(slot.text) is None
        and not is_given_name(slot.text.split()[0])
        and not (slot.start == sent.start and " " not in slot.text)
    )


def _agent_of_participle(skeleton: str, index: int) -> bool:
    """Is slot ``index`` the agent of a "with X doing" phrase ("with «N2» handling sales"): a
    company or a person, no title?

    >>> _agent_of_participle("«A0» was made by «O1» , with «N2» handling sales .", 2)
    True
    """
    return f"with «N{index}» " in skeleton and any(
        int(m.group(1)) == index for m in _WITH_AGENT_DOING.finditer(skeleton)
    )


_WITH_AGENT_DOING = re.compile(r"with «N(\d+)» [a-z]+ing\b")


_ORG_LEAD = re.compile(
    r"^«[ON](\d+)» (?:\( [^)]* \) )?(?:is|was) (?:a|an|the) (?:(?:[a-z][\w-]*|«[CX]\d+») ){0,4}?"
    r"(?:company|studio|distributor|firm|production house|label)\b"
)
"""A sentence that says what a company is ("«O0» is a British film production company"): the
text is about that company."""


_CALLED_AFTER = re.compile(
    r"(?:(?: (?:[^«».;,]|«[CX]\d+»)*?)? ,)? (?:called|titled|entitled|named|provisionally titled|"
    r"with the working title) «[FN](\d+)»"
)
"""The name given to an unnamed film: right after it ("a film called X") or after a comma that
ends what it is about ("a new film about a poet, called The Last Bard"; "a film about a dog
called Rex" names the dog)."""
_MAKING_SLOT = re.compile(r"\b(?:shooting|filming|making|shoot|make)(?: (?:on|of))? «[NF](\d+)»")
"""An untyped name that a sentence shoots or makes ("start shooting Racing The Clock"): a title."""
_LATER_WINDOW = 2
"""Sentences after an unnamed film in which the text may name it."""
_SHOOTING_WINDOW = 5
"""Sentences after an unnamed film in which the text may name it as the film being shot."""


def _name_unnamed_films(
    candidates: list[_Candidate], sents: Sequence[_Sentence], names: _Names
) -> list[_Candidate]:
    """The candidates, with a film each: a credit in a film the sentence does not name ("P is
    to star in an adventure film about a robbery") goes to the title given right after it
    (", called X") or, else, to the one new film the first of the next sentences to name one
    names ("He hopes to start shooting X next year", "The film, X, will be shot in India. She
    is best known for G"); without one, it is dropped.
    A film the text named before the credit is not the new one."""
    if all(cand.film for cand in candidates):
        return candidates
    position = {id(sent): number for number, sent in enumerate(sents)}
    first_named: dict[str, tuple[int, str]] = {}
    being_made: dict[str, int] = {}  # titles a sentence shoots or makes, where first so named
    for number, sent in enumerate(sents):
        made = {int(i) for i in _MAKING_SLOT.findall(sent.skeleton)} if "«" in sent.skeleton else ()
        for index, slot in enumerate(sent.slots):
            key = name_key(slot.text)
            title = slot.kind == "F" or names.kind(slot.text) == "film"
            if index in made and (title or _untyped_title(slot, sent, names)):
                being_made.setdefault(names.film_name(slot.text), number)
                title = True
            if key not in first_named and title:
                first_named[key] = (number, names.film_name(slot.text))
    out: list[_Candidate] = []
    for cand in candidates:
        if cand.film:
            out.append(cand)
            continue
        sent = cand.sentence
        if "unnamed_film" not in cand.rule.flags:  # "the film" before any film was named
            name = _film_named_later(sents, position.get(id(sent), len(sents)))
            if name is not None and names.kind(name) not in ("person", "org", "nonfilm"):
                out.append(replace(cand, film=names.film_name(name)))
            continue
        called = _CALLED_AFTER.match(sent.skeleton, cand.span[1]) if cand.span else None
        film: str | None = None
        if called is not None:
            slot = sent.slots[int(called.group(1))]
            if names.kind(slot.text) not in ("person", "org", "nonfilm"):
                film = names.film_name(slot.text)
        else:
            here = position.get(id(sent), len(sents))
            after = [number for number, _ in first_named.values() if here < number]
            nearest = min(after) if after and min(after) <= here + _LATER_WINDOW else None
            later = {  # the first sentence after it that names a new film names it, if any
                title for number, title in first_named.values() if number == nearest
            }
            shot = {
                title
                for title, number in being_made.items()
                if here < first_named[name_key(title)][0] and number <= here + _SHOOTING_WINDOW
            }
            if len(shot) == 1:  # "... Romancing The Stone ... start shooting Racing The Monsoon"
                later = shot
            aside = _background_slots(sent.skeleton)
            named_here = any(
                index not in aside and (slot.kind == "F" or names.kind(slot.text) == "film")
                for index, slot in enumerate(sent.slots)
            )  # "P is to star in a film about F" (a film of its own), not "P, star of F, is to"
            if len(later) == 1 and not named_here:
                (film,) = later
        if film is not None:
            out.append(replace(cand, film=film))
    return out


_FILM_NAMED_AS = re.compile(
    r"«A\d+» (?:, )?(?:(?:to be|provisionally|tentatively|now|will be) )?(?:called|titled|entitled|"
    r"named) (?:, )?«[FN](\d+)»"
)
"""A sentence that names "the film" ("The film, to be called F, ..."): what "the film" meant in
sentences before it that no film was named in."""


def _film_named_later(sents: Sequence[_Sentence], here: int) -> str | None:
    """The name a sentence soon after sentence ``here`` gives "the film" (:data:`_FILM_NAMED_AS`)."""
    for sent in sents[here + 1 : here + 1 + _SHOOTING_WINDOW]:
        named = _FILM_NAMED_AS.search(sent.skeleton)
        if named is not None:
            return sent.slots[int(named.group(1))].text
    return None


_NEW_FILM_ASIDE = re.compile(
    r"\bwhose (?:latest|new|newest|upcoming|forthcoming) (?:film|movie) , «[FN](\d+)» ,"
)
"""A person's new film named in an aside on them: what "the film" means when the text names no
other ("P, whose latest film, F, opens on Friday, said ...")."""


def _update_focus(sent: _Sentence, state: _State, found: list[_Candidate]) -> None:
    sequel = (
        _UNNAMED_SEQUEL.search(sent.skeleton) if not sent.words.isdisjoint(_SEQUEL_WORDS) else None
    )
    if sequel is not None:
        state.original = state.names.film_name(sent.slots[int(sequel.group(1))].text)
    lead = _ORG_LEAD.match(sent.skeleton)
    if lead is not None:
        state.focus_org = sent.slots[int(lead.group(1))].text
    subject_slot = _person_subject(sent.skeleton)
    if subject_slot is not None:
        state.subject_person = state.names.person_name(sent.slots[subject_slot].text)[0]
    elif _PRONOUN_SUBJECT.match(sent.skeleton):
        if state.subject_person is None:
            state.subject_person = state.last_person  # whom this sentence's "he" was read as
    else:
        state.subject_person = None  # a new subject: a later "he" is the last person named
    state.subject_age += 1
    subject = _subject(sent)
    aside = _asides(sent)
    if subject is not None and subject.group(1) in "FN":
        slot = sent.slots[int(subject.group(2))]
        if slot.kind == "F" or state.names.kind(slot.text) == "film":
            state.subject_film = state.names.film_name(slot.text)
            state.subject_age = 0
    elif _topic_cues(sent.skeleton).it_subject:
        if state.subject_film is not None and state.subject_age <= 3:
            state.subject_age = 0  # "It stars ... It was produced by ...": still about that film
    elif state.subject_person is not None:  # "P directed F, a documentary. It stars ...": F
        films = {
            state.names.film_name(slot.text)
            for i, slot in enumerate(sent.slots)
            if i not in aside and (slot.kind == "F" or state.names.kind(slot.text) == "film")
        }
        if len(films) == 1:
            state.subject_film, state.subject_age = films.pop(), 0
    if (
        found
        and state.subject_film is not None
        and state.subject_age <= 2
        and all(name_key(c.film) == name_key(state.subject_film) for c in found)
    ):  # "P made F. The cast includes Q. R wrote the script. S produced the film.": still F
        state.subject_age = 0
    asides = (
        {name_key(sent.slots[i].text) for i in aside}
        - {name_key(slot.text) for i, slot in enumerate(sent.slots) if i not in aside}
        if found and aside
        else frozenset()
    )
    films_found: set[str] = set()
    for cand in found:  # "P, who made F": F is no film a later "it" stands for
        if name_key(cand.film) not in asides:
            state.last_film = cand.film
            films_found.add(cand.film)
    state.previous_film = films_found.pop() if len(films_found) == 1 else None
    new_film = _NEW_FILM_ASIDE.search(sent.skeleton) if "whose" in sent.words else None
    if new_film is not None:  # unless nothing else is: "P, whose latest film, F, opens on
        # Friday, said ... In the film, he plays"
        state.aside_film = state.names.film_name(sent.slots[int(new_film.group(1))].text)
    m = _NAME_SUBJECT.match(sent.skeleton)
    if m is not None and not _BUYER_SUBJECT.match(sent.skeleton):
        slot = sent.slots[int(m.group(2))]
        if state.names.kind(slot.text) not in ("person", "org"):
            state.last_subject = slot.text
    first = True
    parts = (
        {int(i) for i in _AS_A_PART.findall(sent.skeleton)} if " as " in sent.skeleton else set()
    )
    for index, slot in enumerate(sent.slots):
        if slot.kind == "P" and index not in parts:  # "knew her as Lady Cressida": no one
            full, _ = state.names.person_name(slot.text)
            if first:
                state.last_person, first = full, False
            if full in state.people_seen:
                state.people_seen.remove(full)
            state.people_seen.append(full)
    state.stage_age += 1
    if _names_stage_or_tv(sent.skeleton) and not any(s.kind == "F" for s in sent.slots):
        state.stage_age = 0
    if state.names.tv:  # "P, star of the film F, joins the BBC drama G. She plays ...": G's
        tv = state.names.tv
        works = [s for s in sent.slots if s.kind == "F" or name_key(s.text) in tv]
        if works and works[-1].kind != "F":
            state.stage_age = 0
    characters = _cast_as_slots(sent.skeleton)  # "cast as King Henry VIII": no title
    titles = {
        slot.text
        for index, slot in enumerate(sent.slots)
        if slot.kind == "N"
        and index not in characters
        and _untyped_title(slot, sent, state.names)
        and not _agent_of_participle(sent.skeleton, index)
    }
    # "Critics loved Harbour Lights. The film stars ...": the one title a sentence named is
    # what the next sentence's "the film" means when nothing else is known to be a film
    state.last_title = titles.pop() if len(titles) == 1 else None


_AS_A_PART = re.compile(r"(?<!such )(?<!well )\bas (?:(?:the|a|an|[a-z-]+) ){0,3}?«P(\d+)»(?! 's)")
"""A name given as a part someone plays ("knew her as Lady Cressida", "as the ghostly Mrs Pike"):
a character, whom a later "she" does not mean."""
_PERSON_TITLE_MACROS = ("TITLE_P", "TITLES_P", "TITLES", "TITLE_P_ITEM")
"""Macros that let a title typed as a person's name stand where only a film can."""
_PERSON_TITLE_RULES = frozenset(
    rule.name
    for rule in ALL_RULES
    if any(f"{{{macro}}}" in rule.pattern for macro in _PERSON_TITLE_MACROS)
)
"""The rules written with one of them."""


def _surname_of_someone(key: str, names: _Names) -> bool:
    """Is ``key`` the surname of a person the text has named in full ("DiCaprio" after
    "Leonardo DiCaprio"; not "Ray" after "Ray Charles")?"""
    full = names.full_names.get(key)
    return full is not None and name_key(full.split()[-1]) == key


def _films_of(
    text: str | None,
    sent: _Sentence,
    state: _State,
    topic: str | None,
    first_pass: bool,
    *,
    person_titles: bool = False,
    after_character: bool = False,
) -> list[str]:
    out: list[str] = []
    if text == "it":  # "P, who directed it, said": the film the text is about
        film = _antecedent(state)
        return [film] if film is not None and not first_pass else []
    for kind, index in _group_slots(text):
        slot = sent.slots[index]
        if kind == "A":
            film = (
                _film_before(sent, index, state)
                or _that_film(slot.text, state)
                or _antecedent(state)
            )
            if film is not None and not _new_film_is_original(slot.text, film, state):
                out.append(film)
            continue
        if kind == "P" and person_titles:
            # a title that looks like a name ("Erin Brockovich") where only a film can stand
            key = name_key(slot.text)
            if (
                key in state.names.strong_people
                or (  # "best actor for DiCaprio"; but "his role as Truman Capote in Capote"
                    _surname_of_someone(key, state.names) and not after_character
                )
                or len(slot.text.split()) > 3
            ):
                continue
            if first_pass:
                state.names.kinds[name_key(slot.text)] = "film"
            out.append(slot.text)
            continue
        if kind not in ("F", "N"):
            continue
        if kind == "N" and index in _cast_as_slots(sent.skeleton):
            continue  # "stars P as Inspector Clouseau, also features Q": a character
        told = state.names.kind(slot.text)
        film_noun = kind == "F" and slot.chunk is not None and slot.chunk.why.startswith("after '")
        if not film_noun and (
            told in ("person", "org", "nonfilm")
            or (told != "film" and nonfilm_kind(slot.text) is not None)
        ):
            continue  # a name the document shows to be a film stays one ("Oliver & Company")
        if first_pass:
            state.names.learn(slot.text, "film")
        out.append(state.names.film_name(slot.text))
    return out


def _agents(
    text: str | None, sent: _Sentence, state: _State, *, org: bool
) -> list[tuple[EntityRef, bool]]:
    """The people (or companies) of a group, pronouns resolved; with their ambiguity."""
    out: list[tuple[EntityRef, bool]] = []
    if not text:
        return out
    text = _AS_CHARACTER.sub("", text)  # "Owen Sato as Erik Vale": the character is no agent
    text = _POSSESSOR.sub("", text)  # "Joan Marsh's husband Tom Brace": she is not in the list
    text = _PLACE_POSSESSOR.sub("", text)  # "Britain's «O» and France's «O»": no place
    if org:
        text = _COMPANY_PLACE.sub("", text)  # "Bucharest company «O»": no company of its own
    text = _MODIFIER.sub("", text)  # "EastEnders actress Ann Cole": the show is no member
    if " role" in text or " part" in text or " debut" in text or " appearance" in text:
        text = _IN_THEIR_ROLE.sub("", text)  # "P in his first screen role": "his" is P
    if "his " in text or "her " in text or "their " in text:
        text = _POSSESSIVE_BEFORE_NAME.sub("", text)  # "P and his writing partner Q": no "his"
    tokens = _SLOT_OR_PRONOUN.findall(text)
    for token in tokens:
        if token in _PRONOUNS:
            who = _pronoun(sent, text, state, token)
            if who is not None:
                out.append((EntityRef(EntityType.PERSON, who), False))
            continue
        ((kind, index),) = _group_slots(token)
        slot = sent.slots[index]
        if kind == "X" and org and nonfilm_kind(slot.text) == "media":
            out.append((EntityRef(EntityType.ORGANIZATION, slot.text), False))
            continue
        if kind == "A" and org:
            release = _COMPANY_RELEASE.fullmatch(slot.text)  # "The Crestline Studios release"
            if release is not None:
                company = sent.slots[int(release.group(1))].text
                out.append((EntityRef(EntityType.ORGANIZATION, company), False))
            continue
        if kind in ("F", "X", "C", "D", "A"):
            continue
        if kind == "O" or (org and kind == "N"):
            if org:
                out.append((EntityRef(EntityType.ORGANIZATION, slot.text), False))
            continue
        if org:
            continue
        if state.names.kind(slot.text) in ("film", "org"):
            continue
        gazetteer = state.names.gazetteer
        if _ACRONYM.fullmatch(slot.text) and (
            gazetteer is None or gazetteer.kind(slot.text) != "person"
        ):
            continue  # "CFCA", "BBC": an acronym the store does not know as a person is a body
        if (
            len(tokens) == 1
            and slot.text.startswith("The ")
            and (gazetteer is None or gazetteer.kind(slot.text) != "person")
        ):
            continue  # "The Copper Sky star, 31, ...": alone, a name opening with "The" is no
            # person's (in a list of people, "..., The Game, Common and ..." is one)
        full, ambiguous = state.names.person_name(slot.text)
        out.append((_person_ref(full), ambiguous))
    return out


_COMPANY_RELEASE = re.compile(r"(?i:the) «O(\d+)» release")
""""The film" written as its distributor's release ("The Crestline Studios release, directed by
P, opened in 3,410 theaters"): the company inside is the agent."""
_POSSESSOR = re.compile(r"«[PN]\d+» 's (?!(?:(?:[a-z-]+|«[FN]\d+») ){0,2}?co-?stars?\b)(?=\S)")
"""A name that owns the next noun of a group ("«P» 's daughter «Q»"): the group's member is «Q»;
but "«P» 's co-star «Q»" and "«P» 's «F» co-star «Q»" make both members."""
_PLACE_POSSESSOR = re.compile(r"«[XC]\d+» 's ")
"""A country or place that owns the next member of a group ("France's «O»")."""
_COMPANY_PLACE = re.compile(r"«[XCN]\d+» (?:studio|company|distributor|firm) (?=«)")
"""A place before a company noun and a company ("US studio «O»", "Bucharest company «O»")."""
_MODIFIER = re.compile(expand(r"«[NFX]\d+» (?={QUALIFIED_NOUN} «)|«[PN]\d+» (?={REGULARS} «)"))
"""A title or show that qualifies the person noun after it in a group ("«N» actress «P»"), or
a film-maker whose regulars the people are ("Baird regulars «P» and «P»")."""
_IN_THEIR_ROLE = re.compile(
    r" in (?:his|her|their) (?:[a-z-]+ ){0,2}?(?:role|part|debut|cameo|appearance)s?\b"
)
"""The role a cast member plays in ("P in his first screen role"): its pronoun is the member."""
_POSSESSIVE_BEFORE_NAME = re.compile(
    r"\b(?:his|her|their) (?!(?:[a-z-]+ ){0,2}?co-?stars?\b)(?:[a-z-]+ ){1,3}?(?=«)"
)
"""A possessive noun phrase before a name in a group ("his longtime writing partner «P»"): the
pronoun is no member; the name is. But "his co-star «P»" makes both members (as
:data:`_POSSESSOR` does)."""
_SLOT_OR_PRONOUN = re.compile(r"«[A-Z]\d+»|\b(?:he|she|him|her|his)\b")
_RESPECTIVELY = re.compile(r"(?: ,)? respectively\b")
_LIST_ITEM_BEFORE = re.compile(r"«[FNA]\d+» (?:,|and|, and) $")
"""A film group that is the last item of a list the rule did not take ("F and «G»")."""
_ACRONYM = re.compile(r"[A-Z][A-Z0-9&!.-]+")
_SUFFIXED = re.compile(r"^(?P<base>.+?),? (?P<suffix>Jr\.?|Sr\.?|Jnr\.?|II|III|IV)$")


_KNIGHTED = re.compile(r"(?:Sir|Dame) ([A-Z][\w'.-]* [A-Z][\w' .-]*)")
"""A name after a knighthood's title, which is no part of it ("and Dame Rosalind Ashe"): the
title is dropped where a list kept it (a lone honorific before one word stays: "Dame Edna")."""


@lru_cache(maxsize=1 << 14)
def _person_ref(name: str) -> EntityRef:
    """A person; "Harry Shum, Jr." is Harry Shum Jr., also known as Harry Shum. (Every person
    object of a candidate is made here, and a text names its people again and again; the
    reference is immutable: memoised.)"""
    knighted = _KNIGHTED.match(name)  # "Dame Rosalind Ashe" is Rosalind Ashe
    if knighted is not None:
        return EntityRef(EntityType.PERSON, knighted.group(1), aliases=(name,))
    m = _SUFFIXED.match(name)
    if m is None:
        return EntityRef(EntityType.PERSON, name)
    suffix = m.group("suffix")
    suffix = suffix if suffix.endswith(".") or suffix.startswith("I") else suffix + "."
    return EntityRef(EntityType.PERSON, f"{m.group('base')} {suffix}", aliases=(m.group("base"),))


def _capitalised_word(name: str, sent: _Sentence, state: _State) -> bool:
    """Is ``name`` one word that is capitalised only because it opens the sentence ("Children's
    adventure X"), never shown to be a name elsewhere?"""
    if " " in name or not sent.text.startswith(name) or is_given_name(name):
        return False
    return name_key(name) not in state.names.full_names


_AFTER_OBJECT = (" in ", " as ", " , ", " . ", " and ", " to ")
"""What follows "her" as an object ("directed her in F"), not as a possessive ("her role")."""


_POSSESSED_TOPIC = re.compile(rf"«P\d+» {_OF_A_POSSESSED_WORK} «P(\d+)»")
"""The person a work of another person's is about ("«P0» 's portrayal of «P1»"): no "he" after
it stands for them."""


_CREDIT_ASIDE = re.compile(
    r"«[FNA]\d+» , (?:[a-z]+ )?(?:directed|written|produced|co-written|co-directed|scored|shot|"
    r"edited) by «P(\d+)»(?: and «P(\d+)»)? ,"
)
"""The people of a credit in an aside on a film ("F, directed by P, ..."): no pronoun after the
aside stands for them."""


def _pronoun(sent: _Sentence, group: str, state: _State, pronoun: str = "") -> str | None:
    """A pronoun is the closest person named before it in the sentence, else the last person of
    the text, else the article's main person; one the text shows to be of the other gender is
    passed over, and past the sentence one shown to be of the pronoun's gender comes first
    ("actress X ... directed by Y. Y also directed X. She ...": X)."""
    names = state.names
    wanted = "f" if pronoun in _FEMALE_WORDS else "m" if pronoun in _MALE_WORDS else None
    if sent.neutral_she and pronoun == "she":
        wanted = None

    def fits(name: str | None) -> bool:
        if name is None or wanted is None:
            return name is not None
        known = names.gender(name)
        return known is None or known == wanted

    at = _word_at(sent.skeleton, group)
    before = sent.skeleton[: max(at, 0)]
    found = [
        (k, i, names.person_name(sent.slots[i].text)[0])
        for k, i in slots(before)
        if k == "P" and not _ACRONYM.fullmatch(sent.slots[i].text)
    ]
    if " of «P" in before or " about «P" in before:  # "P's biography of Q sold well, and he": P
        topics = {int(i) for i in _POSSESSED_TOPIC.findall(before)}
        found = [person for person in found if person[1] not in topics]
    if " by «P" in before:  # "She was in F, directed by Q, and won a prize for her role": not Q
        credited = {int(i) for m in _CREDIT_ASIDE.finditer(before) for i in m.groups() if i}
        found = [person for person in found if person[1] not in credited]
    objective = pronoun in ("him", "them") or (
        pronoun == "her" and sent.skeleton.startswith(_AFTER_OBJECT, at + len(group))
    )  # "directed her in F", not "her role in F"
    if objective and found and found[-1][:2] == slots(before)[-1]:
        # "Q, who directed him in F": an object is not the subject of its own clause (nor is
        # that subject under another mention: "The couple met when Ellery directed her")
        subject = found[-1][2]
        found = [person for person in found[:-1] if person[2] != subject]
        if not found and any(k == "N" for k, _ in slots(before)):
            return None  # "Aled Brenn paid tribute to Q, who directed him": a name unknown
    people = [name for _, _, name in found]
    if (
        people
        and pronoun in ("he", "she")
        and at > 0
        and sent.skeleton.startswith(pronoun + " ")
        and _RELATIVE_WHO.search(before) is None
    ):  # "He worked with director Q on F and G, in which he played a sheriff": the opening "he"
        people = []
    if people:
        return next((p for p in reversed(people) if fits(p)), None)
    later = (
        {  # "his role in F, would star opposite X": X, first named after "his", is not he
            names.person_name(sent.slots[i].text)[0]
            for k, i in slots(sent.skeleton[max(at, 0) :])
            if k == "P"
        }
        - set(state.people_seen)
    )
    order = [
        p
        for p in (
            *([state.subject_person] if _PRONOUN_SUBJECT.match(sent.skeleton) else []),
            state.last_person,  # "He ... . His film debut was ...": the person the text is about
            *reversed(state.people_seen),
            _main_person_so_far(state),
        )
        if p not in later
    ]
    if wanted is None:
        return next((p for p in order if p is not None), None)
    # a person the text showed to be of the pronoun's gender, else one who may be
    shown = next((p for p in order if p is not None and names.gender(p) == wanted), None)
    return shown or next((p for p in order if p is not None and fits(p)), None)


def _word_at(skeleton: str, group: str) -> int:
    """Where ``group`` first stands in ``skeleton`` as whole words ("he" not inside "she" nor
    "her"); -1 when it does not.

    >>> _word_at("she said her brother he", "he")
    21
    """
    at = skeleton.find(group)
    while at >= 0 and not _whole_words_at(skeleton, at, len(group)):
        at = skeleton.find(group, at + 1)
    return at


def _whole_words_at(skeleton: str, at: int, size: int) -> bool:
    before = skeleton[at - 1] if at > 0 else " "
    after = skeleton[at + size] if at + size < len(skeleton) else " "
    return not (before.isalnum() or before == "'" or after.isalnum())


_RELATIVE_WHO = re.compile(r"«[PN]\d+» , (?:who|whose)\b")
"""A person a relative clause is about ("director Q, who said he ..."): a later "he" may be Q."""
_NEW_FILM_ANAPHOR = re.compile(r"(?:the|its|their) (?:new|planned|proposed) ", re.IGNORECASE)


def _new_film_is_original(anaphor: str, film: str, state: _State) -> bool:
    """Would "the new film" be read as the film an unnamed sequel follows? It is that sequel
    ("A sequel to F is to be made. The new film will be released in 2006": not F).

    >>> state = _State(names=_Names(None), original="Moor Street")
    >>> _new_film_is_original("The new film", "Moor Street", state)
    True
    >>> _new_film_is_original("The film", "Moor Street", state)
    False
    """
    return (
        state.original is not None
        and _NEW_FILM_ANAPHOR.match(anaphor) is not None
        and name_key(film) == name_key(state.original)
    )


def _main_person_so_far(state: _State) -> str | None:
    """The article's main person, for a pronoun or "the actor" that no name before it explains:
    before the text has named anyone, only one its headline names ("The 41-year-old actor, who
    is filming F, said ..." under a headline that names nobody is no one yet)."""
    main = state.main_person
    if main is None or state.people_seen:
        return main
    words = set(re.findall(r"[\w'-]+", state.headline))
    return main if not words.isdisjoint(main.casefold().split()) else None


_CUE_JOIN = re.compile(r"(?: ,)? (?:and|&|/) | , ")
"""Between the roles of a cue ("written and directed", "co-written, co-produced and directed")."""


_NO_FILM_POST = re.compile(
    r"\b(?:managing|creative|artistic|casting|musical|music|art|executive|festival|programme|"
    r"program|marketing|finance|sales|general|technical|associate|fight|dialogue|second unit) $"
)
"""Words that make "director" or "producer" a post no film credits as such ("managing
director", "casting director", "line producer" aside): the company's, the festival's."""


def _relations(rule: Rule, m: re.Match[str]) -> list[Relation]:
    if rule.relation is not None:
        return [rule.relation]
    cue_at = m.start("cue") if "cue" in m.re.groupindex and m.group("cue") else -1
    if cue_at > 0 and _NO_FILM_POST.search(m.string, max(0, cue_at - 20), cue_at):
        return []  # "Lotus's managing director, Sunil Mehta" (the post's word is right before)
    out: list[Relation] = []
    for phrase in _CUE_JOIN.split(m.groupdict().get("cue") or ""):
        for rel in cue_relations(phrase.strip()):
            if rel not in out:
                out.append(rel)
    return out


def cue_relations(phrase: str) -> list[Relation]:
    """The relations a cue word names, from the role table ("writer-director": two).

    >>> [r.value for r in cue_relations("helmed")], [r.value for r in cue_relations("writer/director")]
    (['director'], ['screenwriter', 'director'])
    """
    rel = ROLE_OF_VERB.get(phrase) or ROLE_OF_NOUN.get(phrase) or ROLE_OF_WORK.get(phrase)
    if rel is None and phrase.startswith("co-"):
        rel = ROLE_OF_NOUN.get(phrase[3:]) or ROLE_OF_VERB.get(phrase[3:])
    if rel is None and phrase in (
        "star", "stars", "co-star", "co-stars", "lead", "leads", "star in", "starred in",
        "starring in",
    ):  # fmt: skip
        rel = Relation.CAST_MEMBER
    if rel is None and phrase.endswith("s"):
        rel = ROLE_OF_NOUN.get(phrase[:-1])
    if rel is None and _COMPOUND_ROLE.fullmatch(phrase):  # "writer-director"
        parts = [ROLE_OF_NOUN.get(p.rstrip("s")) for p in _ROLE_JOINT.split(phrase)]
        return [r for r in parts if r is not None]
    return [rel] if rel is not None else []


_COMPOUND_ROLE = re.compile(r"[a-z]+[-/][a-z]+s?")
"""A compound role noun ("writer-director", "writer/producer")."""
_ROLE_JOINT = re.compile(r"[-/]")


@lru_cache(maxsize=1 << 14)
def _group_slots(text: str | None) -> tuple[tuple[str, int], ...]:
    """:func:`~kg.extract.patterns.slots` of a rule's group (the same groups recur: memoised)."""
    return tuple(slots(text))


def _group(m: re.Match[str], name: str | None) -> str | None:
    if name is None:
        return None
    try:
        return m.group(name)
    except IndexError:
        return None


def _candidates(
    rule: Rule,
    m: re.Match[str],
    sent: _Sentence,
    state: _State,
    topic: str | None,
    first_pass: bool,
) -> list[_Candidate]:
    if "company_anaphor" in rule.flags and not any(
        _COMPANY_RELEASE.fullmatch(sent.slots[index].text)
        for _, index in _group_slots(_group(m, rule.film))
    ):
        return []  # only "the «O» release" names its company, not every "the film"
    if "noun_pairs" in rule.flags:
        return _noun_pairs(rule, m, sent, state, topic, first_pass)
    if "person_film_pairs" in rule.flags:
        return _person_film_pairs(rule, m, sent, state, first_pass)
    if "series" in rule.flags:
        if not first_pass:
            for _kind, index in _group_slots(_group(m, rule.other)):
                state.series.setdefault(sent.slots[index].text, sent)
        return []
    relations = _relations(rule, m)
    if not relations:
        return []
    if "unnamed_film" in rule.flags:  # "P is to star in a new film about ...": named later
        if first_pass:
            return []
        character = _characters(rule, m, sent, None).get("*")
        return [
            _Candidate(rule, "", relation, ref, sent, ambiguous=ambiguous, how="later",
                       span=m.span(), character=character)
            for ref, ambiguous in _agents(_group(m, rule.agent), sent, state, org=False)
            for relation in relations
        ]  # fmt: skip
    film_text = _group(m, rule.film) or (_group(m, "film_ana") if rule.film else None)
    if (
        rule.film is not None
        and m.group(rule.film) is not None
        and m.end(rule.film) == m.end()
        and _PERSON_AFTER_TITLE.match(sent.skeleton, m.end())
    ):
        return []  # "P will play a general in Gladiator director Q's next film": a modifier
    if film_text is not None and rule.film is not None and m.start(rule.film) > 0:
        named = _NAMED_THING.search(sent.skeleton, 0, m.start(rule.film))
        if named is not None and not _ANY_FILM_NOUN.search(named.group(1)):
            return []  # "lend her voice to a cat called Mittens": a character's name, no film
    how = "named"
    if film_text is not None and rule.film is not None and _oblique(sent, m, rule):
        film_text = None  # "X is the sequel to Y, also starring ...": the cue is about X
        subject = _subject(sent)
        if subject is not None:
            film_text = f"«{subject.group(1)}{subject.group(2)}»"
    sequel_of = _sequel_subject_slot(film_text, m, rule, sent)
    if sequel_of is not None:  # "The remake of F, released in 2003, starred P": the remake's
        how = "topic"
        sequel = _sequel_film(sent, state, sequel_of)
        films = [sequel] if sequel is not None else []
    elif rule.film is None or (film_text is None and "film_optional" in rule.flags):
        how = "topic" if _names_film(sent) else "main"
        taken = frozenset(
            i
            for name in (rule.agent, rule.other, rule.character)
            for _, i in _group_slots(_group(m, name))
        )  # a character named is no film either ("P returns as Wren")
        relative = _RELATIVE_AFTER.match(sent.skeleton, m.end())
        if relative is not None:  # "The editor was P, who worked with Q on F": F is not the film
            taken |= {int(i) for i in _SLOT_INDEX.findall(relative.group(0))}
        later_clause = _LATER_CLAUSE.search(sent.skeleton, m.end())
        if later_clause is not None:  # "P won for his role, but Q lost to R for F": not F
            taken |= {int(i) for i in _SLOT_INDEX.findall(sent.skeleton, later_clause.start())}
        if taken:
            topic = _topic_film(sent, state, taken, of_sequel=rule.inverse is not None)
        if (
            _APPOSITIVE_CUE.match(m.group(0))
            or _RELATIVE_RIGHT_BEFORE.search(sent.skeleton, 0, m.start()) is not None
            or _TO_BE_APPOSITION.search(sent.skeleton, 0, m.start()) is not None
            or (
                m.group(0).startswith((", a ", ", an ", ", the "))
                and _ENDS_WITH_TITLE.search(sent.skeleton, 0, m.start()) is not None
            )
        ):
            # "F, which stars P", "P joins F, to be directed by Q": the noun phrase before
            topic = _nearest_title_before(sent, state, m.start(), taken, topic)
        elif " which " in sent.skeleton and _IN_WHICH_BEFORE.search(sent.skeleton, 0, m.start()):
            # "... and G (1971), in which he played an outlaw opposite P": G's
            topic = _nearest_title_before(sent, state, m.start(), taken, topic)
            how = "named"  # (a companion keeps it: see _companions)
        elif " which " in sent.skeleton and _on_a_show_which(sent, m.start()):
            topic = None  # "episodes of X, the NBC comedy on which P plays a sergeant": X's
        elif " while «" in sent.skeleton or " whereas «" in sent.skeleton:
            topic = _second_clause_film(sent, state, m.start()) or topic
        if not first_pass and _ITS_CUE.match(m.group(0)):
            before = sent.skeleton[: m.start()]
            films_here = _films_named_before(sent, state, m.start(), taken)
            if len({name_key(film) for film in films_here}) == 1:
                topic = films_here[0]  # "F was named best picture, while its stars P and Q ..."
            elif films_here or "«N" in before:  # "N, which won for its star P": N's, if a film
                topic = _nearest_title_before(sent, state, m.start(), taken, topic)
            elif "«X" in before and _SERIES_PRIZE.search(before):
                topic = None  # "X won best drama series and its star P ...": the series'
            else:  # "Its star, P, is up against Q, nominated for F": "its" looks back, not to F
                topic = _antecedent(state)
                previous = state.previous
                films_before = (
                    {
                        name_key(f)
                        for f in _films_named_before(previous, state, len(previous.skeleton))
                    }
                    if previous is not None and not _ANAPHOR_SUBJECT.match(previous.skeleton)
                    else set()
                )  # "It is a sequel to G. Its sequel, H, ...": "it" kept the film in view
                if topic and films_before and name_key(topic) not in films_before:
                    topic = None  # "F leads ... Its rival is G. Its star, P, ...": F's or G's?
        if how == "main" and state.stage_age <= 1:
            topic = None  # "Now the musical version opens. P plays the lead": not the film
        if _GENERIC_FILMS_SUBJECT.match(sent.skeleton) or _TV_SUBJECT.match(sent.skeleton):
            topic = None  # "His films were edited by his wife, P": no one film of them; "The
            # eight-part series, which stars P, ...": television
        if rule.inverse is not None and rule.other is not None:  # "A sequel, F Returns, ...": F's
            others = [sent.slots[i].text for _, i in _group_slots(_group(m, rule.other))]
            if len(others) == 1:
                topic = state.names.extended_film(others[0]) or topic
        if "it_subject" in rule.flags and _topic_cues(sent.skeleton).it_subject:
            topic = _antecedent(state)  # "It was the second film in the trilogy, preceded by F"
        films = [topic] if topic is not None else []
    else:
        films = _films_of(
            film_text,
            sent,
            state,
            topic,
            first_pass,
            person_titles=rule.name in _PERSON_TITLE_RULES,
            after_character=rule.character is not None and m.group(rule.character) is not None,
        )
        if film_text and "«A" in film_text:
            how = "anaphor"
            if (
                not films
                and not first_pass
                and state.main_film is None
                and not state.last_film
                and not state.subject_film
            ):  # "P is to star in a film of the play X. The film, which will be directed by Q,
                # ... The film, to be called F": the film the text names later
                films, how = [""], "later"
    if films and relations[0] is Relation.RELEASE_DATE and not sent.words.isdisjoint(_MADE_FROM):
        date_at = m.start(rule.value) if rule.value is not None else m.end()
        made_from = _films_works_were_made_from(sent, state, date_at)
        films = [film for film in films if name_key(film) not in made_from]
    if first_pass or not films:
        if first_pass:
            for film in films:
                state.names.learn(film, "film")
                if rule.name not in _TV_PRONE:
                    state.names.evidenced.add(name_key(film))
        if first_pass and rule.agent is not None:
            members = _MODIFIER.sub("", _AS_CHARACTER.sub("", _group(m, rule.agent) or ""))
            for kind, index in _group_slots(members):
                slot = sent.slots[index]
                if (
                    kind in ("N", "P")
                    and relations[0] not in (Relation.PRODUCTION_COMPANY, Relation.DISTRIBUTOR)
                    and not _ACRONYM.fullmatch(slot.text)
                    and not (slot.text.startswith("The ") and members.count("«") == 1)
                ):
                    state.names.learn(slot.text, "person")
                    state.names.strong_people.add(name_key(slot.text))
        return []
    if _guarded(rule, m, sent, films, state):
        return []
    out: list[_Candidate] = []
    pairs = _pairwise(rule, m, relations, sent)
    respectively = _RESPECTIVELY.match(sent.skeleton, m.end()) is not None
    if (
        respectively
        and len(films) == 1
        and rule.film is not None
        and m.start(rule.film) > 0
        and _LIST_ITEM_BEFORE.search(sent.skeleton, 0, m.start(rule.film))
    ):
        return []  # "F and G were directed by P and Q, respectively": not both of G's
    respectively = respectively and len(films) > 1
    for index, relation in enumerate(relations):
        role = ROLE_BY_RELATION.get(relation)
        org_role = role is not None and role.agent is not EntityType.PERSON
        for number, film in enumerate(films):
            found = _objects(rule, m, sent, state, film, relation, org_role)
            if pairs:
                found = found[index : index + 1]
            if respectively:  # "A and B won for F and G respectively": the n-th with the n-th
                found = found[number : number + 1] if len(found) == len(films) else []
            for cand in found:
                cand.how = how
            out.extend(found)
    return out


def _noun_pairs(
    rule: Rule,
    m: re.Match[str],
    sent: _Sentence,
    state: _State,
    topic: str | None,
    first_pass: bool,
) -> list[_Candidate]:
    """ "Actor Tom Hanks and director Ron Howard are reuniting for F": each person takes the role
    noun written before their name."""
    if first_pass:
        return []
    films = _films_of(_group(m, rule.film), sent, state, topic, first_pass)
    out: list[_Candidate] = []
    for pm in re.finditer(
        r"([a-z][\w-]*(?: [a-z][\w-]*)?) «([PN])(\d+)»", _group(m, rule.agent) or ""
    ):
        noun = pm.group(1).split()[-1]
        relation = ROLE_OF_NOUN.get(noun) or ROLE_OF_NOUN.get(pm.group(1))
        if relation is None:
            continue
        full, ambiguous = state.names.person_name(sent.slots[int(pm.group(3))].text)
        for film in films:
            out.append(
                _Candidate(
                    rule,
                    film,
                    relation,
                    EntityRef(EntityType.PERSON, full),
                    sent,
                    ambiguous=ambiguous,
                )
            )
    return out


def _person_film_pairs(
    rule: Rule, m: re.Match[str], sent: _Sentence, state: _State, first_pass: bool
) -> list[_Candidate]:
    """ "Best actor nominees: Jamie Foxx (Ray), Clive Owen (Closer) and ..." (or "Jamie Foxx in
    Ray", "Martin Scorsese for The Aviator"): each person with the film after their name, in the
    role the category names."""
    out: list[_Candidate] = []
    relations = _relations(rule, m)
    pairs = r"«([PN])(\d+)» (?:\(|in|for) (?:the (?:film|movie) )?«([FNP])(\d+)»"
    for pm in re.finditer(pairs, _group(m, rule.agent) or ""):
        film_slot = sent.slots[int(pm.group(4))]
        if first_pass:
            state.names.learn(film_slot.text, "film")
            continue
        if state.names.kind(film_slot.text) in ("org", "nonfilm") or (
            name_key(film_slot.text) in state.names.strong_people
        ):
            continue  # "(Vera Drake)" after a nominee is a film even where it looks like a name
        full, ambiguous = state.names.person_name(sent.slots[int(pm.group(2))].text)
        film = state.names.film_name(film_slot.text)
        out.extend(
            _Candidate(rule, film, relation, EntityRef(EntityType.PERSON, full), sent,
                       ambiguous=ambiguous)
            for relation in relations
        )  # fmt: skip
    return out


def _pairwise(rule: Rule, m: re.Match[str], relations: list[Relation], sent: _Sentence) -> bool:
    """ "directed and edited by A and B" (or "..., respectively"): the n-th role goes with the
    n-th person when there are as many of each."""
    if len(relations) < 2 or rule.agent is None:
        return False
    agents = _group_slots(_group(m, rule.agent))
    return len(agents) == len(relations)


_SEQUEL_TO = re.compile(r"(?:sequel|prequel|follow-up|remake) to (?:[^«», ]+ |«[PNX]\d+» ){0,3}$")


def _oblique(sent: _Sentence, m: re.Match[str], rule: Rule) -> bool:
    """Is the film of a film-anchored match the object of "sequel to" with a cue that says "also"
    ("X is the sequel to Y, also starring P": the cue is about the clause's subject X)?"""
    if rule.film is None:
        return False
    start = m.start(rule.film)
    if start < 0 or start != m.start():
        return False  # only a film the cue comes after (film-anchored wordings)
    if " also " not in m.group(0):
        return False  # "X is a follow-up to Y, starring P": P is in Y
    before = sent.skeleton[max(0, start - 60) : start]
    return bool(_SEQUEL_TO.search(before))


_FILM_SOURCE = re.compile(r"\b(?:remake|re-make|film|movie|picture|feature|documentary)s?\b")
"""Words before the source of an adaptation that make it a film ("a remake of the 1960 film X")."""
_WORK_SOURCE = re.compile(
    r"\b(?:novel|novels|book|books|play|plays|musical|opera|comic|comics|story|stories|memoir|"
    r"novella|poem|game|manga|series|biography|fairy tale|song|article|bestseller)\b"
)
"""Words before the source of an adaptation that make it a work of another kind ("the novel X")."""


def _source_kind(m: re.Match[str], rule: Rule, others: Sequence[str], names: _Names) -> EntityType:
    """What a film is based on: a film when the wording or the text says so ("a remake of the film
    X", a title typed as a film), else a work of another kind ("based on the novel X")."""
    if rule.other is None or not others:
        return EntityType.FILM
    if rule.film == rule.other:  # "the film adaptation of X": the film shares its source's title
        return EntityType.WORK
    if m.start(rule.other) > m.start():  # the words between the match's start and the source
        words = m.string[m.start() : m.start(rule.other)]
    else:  # "X has been adapted into the film F": the words after the source
        words = m.string[m.end(rule.other) : m.end()]
    if _WORK_SOURCE.search(words):
        return EntityType.WORK
    if _FILM_SOURCE.search(_ADAPTATION_WORDS.sub("", words)) or names.kind(others[0]) == "film":
        return EntityType.FILM
    return EntityType.WORK


_ADAPTATION_WORDS = re.compile(
    r"\b(?:film|movie|screen|big-screen|big screen|cinema) (?:adaptation|version)\b|"
    r"\b(?:made|turned|adapted) into (?:an? |the )?(?:[\w-]+ )*?(?:film|movie|feature)\b"
)
"""The film noun of "a film adaptation of X" or "turned into a film F" names the new film, not
the source."""


def _objects(
    rule: Rule,
    m: re.Match[str],
    sent: _Sentence,
    state: _State,
    film: str,
    relation: Relation,
    org_role: bool,
) -> list[_Candidate]:
    out: list[_Candidate] = []
    if rule.value is not None:
        if relation is Relation.COUNTRY:
            return [
                _Candidate(rule, film, relation, country, sent)
                for country in _countries(
                    _group(m, rule.value), sent, names_only="country_names" in rule.flags
                )
            ]
        value = _value(relation, _group(m, rule.value), sent)
        if value is None:
            return []
        region = _release_region(m.group(0), sent) if relation is Relation.RELEASE_DATE else None
        return [_Candidate(rule, film, relation, value, sent, region=region)]
    if "same_name" in rule.flags:  # "based on the novel of the same name": the film's title
        return [_Candidate(rule, film, relation, EntityRef(EntityType.WORK, film), sent)]
    if rule.other is not None:
        others = _films_of(_group(m, rule.other), sent, state, None, False)
        kind = EntityType.FILM
        if relation is Relation.BASED_ON:
            others = [sent.slots[i].text for k, i in slots(_group(m, rule.other)) if k in "FNXP"][
                :1
            ]
            kind = _source_kind(m, rule, others, state.names)
        for other in others:
            if name_key(other) == name_key(film) and kind is EntityType.FILM:
                continue
            out.append(_Candidate(rule, film, relation, EntityRef(kind, other), sent))
            if rule.inverse is not None:
                out.append(
                    _Candidate(rule, other, rule.inverse, EntityRef(EntityType.FILM, film), sent)
                )
        return out
    if "platform" in rule.flags:
        orgs = _agents(_group(m, rule.agent), sent, state, org=True)
        if not orgs:
            return []
        platform = EntityRef(EntityType.STREAMING_SERVICE, orgs[0][0].name)
        dates = [s for s in sent.slots if s.kind == "D" and s.iso]
        if not dates:  # "the release of F on Paramount+": the platform, no date
            return [_Candidate(rule, film, Relation.STREAMING_ON, platform, sent)]
        iso = dates[0].iso or ""
        return [
            _Candidate(rule, film, relation, Value(iso, _date_type(iso)), sent, platform=platform)
        ]
    agent_text = _group(m, rule.agent)
    if rule.agent is None:
        who = state.last_person or state.main_person
        if "agent_subject" in rule.flags:
            first = next((sl for sl in sent.slots if sl.kind == "P"), None)
            if first is not None:
                who = state.names.person_name(first.text)[0]
        agents = [(EntityRef(EntityType.PERSON, who), False)] if who else []
    elif "org_only" in rule.flags:
        agents = [
            a
            for a in _agents(agent_text, sent, state, org=True)
            if state.names.kind(a[0].name) != "person" and "«P" not in (agent_text or "")
        ]
    else:
        agents = _agents(agent_text, sent, state, org=org_role)
        if relation is Relation.PRODUCER and not agents:
            orgs = _agents(agent_text, sent, state, org=True)
            if orgs:
                relation = Relation.PRODUCTION_COMPANY
                agents = orgs
    if "by_occupation" in rule.flags:  # "his films include F": as what the article calls him
        out.extend(
            _Candidate(rule, film, Relation.CAST_MEMBER if actor else Relation.DIRECTOR, ref, sent)
            for ref, _ in agents
            for actor, director in [
                (state.names.is_actor(ref.name), state.names.is_director(ref.name))
            ]
            if actor != director
        )
        return out
    if "cast_unless_director" in rule.flags:  # "Director X, best known for F": his film, not a role
        noun = (_group(m, "occupation") or "").lower()  # "X, the director best known for F"
        if noun not in _PERFORMER_NOUNS:
            agents = [
                a
                for a in agents
                if noun in _DIRECTOR_NOUNS
                or state.names.is_actor(a[0].name)
                or not state.names.is_other_crew(a[0].name)
            ]  # "Composer X, best known for F": neither his role nor his film
        directors = [
            a
            for a in agents
            if noun in _DIRECTOR_NOUNS
            or (
                noun not in _PERFORMER_NOUNS
                and state.names.is_director(a[0].name)
                and not state.names.is_actor(a[0].name)
            )
        ]
        out.extend(_Candidate(rule, film, Relation.DIRECTOR, ref, sent) for ref, _ in directors)
        agents = [a for a in agents if a not in directors]
    if "actor_possessive" in rule.flags:
        agents = [
            a
            for a in agents
            if not _capitalised_word(a[0].name, sent, state)
            and (  # "Producer P's new film F": P's film, but not as its director
                not state.names.is_other_crew(a[0].name) or state.names.is_director(a[0].name)
            )
        ]
        actors = [a for a in agents if state.names.is_actor(a[0].name)]
        if actors:  # "actor Tom Cruise's Mission: Impossible": his film as its star
            out.extend(_Candidate(rule, film, Relation.CAST_MEMBER, ref, sent) for ref, _ in actors)
            agents = [a for a in agents if a not in actors]
    characters = _characters(rule, m, sent, agent_text)
    billing = "starring" in rule.name or rule.name in ("cast.film_stars", "cast.topic_stars")
    for position, (ref, ambiguous) in enumerate(agents, 1):
        if org_role or relation is Relation.PRODUCTION_COMPANY:
            ref = EntityRef(
                EntityType.DISTRIBUTOR
                if relation is Relation.DISTRIBUTOR
                else EntityType.PRODUCTION_COMPANY,
                ref.name,
            )
        character = characters.get(ref.name) or (characters.get("*") if len(agents) == 1 else None)
        out.append(
            _Candidate(
                rule,
                film,
                relation,
                ref,
                sent,
                character=character,
                billing=position if billing and len(agents) > 1 else None,
                ambiguous=ambiguous,
            )
        )
    return out


_PERSON_AS = re.compile(
    r"«[PN](\d+)» (?:(?:\( )?as (" + _AS_WHOM + r")|\( («[NPX]\d+») \)(?= ,| and| \)|$))"
)
"""A person and the character they play ("«P1» as «N2»", "«P1» ( «N2» )" in a cast list)."""


_PERSON_AFTER_TITLE = re.compile(
    expand(r" (?:{ADJ})?(?:{ROLE_NOUN}|star|co-star|actor|actress|creator) «[PN]\d+»")
)
"""A title that says who a person is ("Gladiator director Ridley Scott", "Titanic co-star P"):
it modifies the person, so it is no film of a phrase it ends ("in Gladiator director P's next
project")."""


def _characters(
    rule: Rule, m: re.Match[str], sent: _Sentence, agent_text: str | None
) -> dict[str, str]:
    out: dict[str, str] = {}
    group = _group(m, rule.character)
    if group and not _PART_NOT_CHARACTER.match(group):
        out["*"] = _slot_text(group, sent)
    if agent_text:
        for pm in _PERSON_AS.finditer(agent_text):
            person = sent.slots[int(pm.group(1))].text
            out[person] = _slot_text(pm.group(2) or pm.group(3), sent)
    return out


_PART_NOT_CHARACTER = re.compile(
    r"(?:the|a|an|his|her|their) (?:[a-z-]+ ){0,2}?(?:lead|leads|role|part|cameo|title role|"
    r"starring role|leading role|lead role)$"
)
"""A part named by its size, not a character: "P will play the female lead in F"."""


_REGION = re.compile(
    r"\bin (?:the )?«[XC](\d+)»|«[XC](\d+)» (?:cinemas|theatres|theaters|release|premiere)\b"
)


def _release_region(matched: str, sent: _Sentence) -> str | None:
    """The country a release statement names ("released in the UK on ...", "opens in US
    cinemas"), as its canonical name; ``None`` when it names none or several."""
    found = {
        country_name(sent.slots[int(m.group(1) or m.group(2))].text)
        for m in _REGION.finditer(matched)
    }
    found.discard(None)
    return found.pop() if len(found) == 1 else None


_SLOT_INDEX = re.compile(r"«[A-Z](\d+)»")


def _slot_text(text: str, sent: _Sentence) -> str:
    """A group of the skeleton as words of the text ("«P3» 's mother" -> "Peter Alving's mother")."""
    spelled = _SLOT_INDEX.sub(lambda x: sent.slots[int(x.group(1))].text, text).strip()
    spelled = spelled.replace(" 's ", "'s ")
    for form in (spelled, spelled.replace("s's ", "s' ")):  # "Hanks' partner"
        at = sent.text.lower().find(form.lower())  # the skeleton's words are lower case
        if at >= 0:
            return sent.text[at : at + len(form)]
    return spelled


def _date_type(iso: str) -> ValueType:
    return {10: ValueType.DATE, 7: ValueType.YEAR_MONTH, 4: ValueType.YEAR}.get(
        len(iso), ValueType.STRING
    )


def _value(relation: Relation, text: str | None, sent: _Sentence) -> Value | EntityRef | None:
    if not text:
        return None
    if relation is Relation.RELEASE_DATE:
        for kind, index in _group_slots(text):
            if kind == "D":
                iso = sent.slots[index].iso or ""
                return Value(iso, _date_type(iso))
        year = re.search(r"\b(1[89]\d\d|20\d\d)\b", text)
        return Value(year.group(1), ValueType.YEAR) if year else None
    if relation is Relation.COUNTRY:
        for kind, index in _group_slots(text):
            if kind in ("C", "X"):
                name = country_name(sent.slots[index].text)
                if name:
                    return EntityRef(EntityType.COUNTRY, name)
    return None


_MADE_IN = re.compile(r"([a-z]+(?:-[a-z]+)?)-made")


def _countries(text: str | None, sent: _Sentence, *, names_only: bool = False) -> list[EntityRef]:
    """Every country a value group names ("Swedish-Norwegian", "Spain and Portugal");
    ``names_only``: only names typed as places ("the UK film X", not "the English movie X",
    whose word names a language)."""
    out: list[EntityRef] = []
    made = _MADE_IN.fullmatch(text or "")
    if made is not None:  # "the French-made X", "a US-Italian-made film"
        for part in made.group(1).split("-"):
            name = country_name(part) if is_demonym(part) else COMBINING_FORMS.get(part)
            if name and all(c.name != name for c in out):
                out.append(EntityRef(EntityType.COUNTRY, name))
        return out
    for kind, index in _group_slots(text):
        if kind == "A":  # "the only British film": the nationality inside a film phrase
            words = _slot_text(sent.slots[index].text, sent).split()
            for size in (2, 1):
                for i in range(len(words) - size + 1):
                    phrase = " ".join(words[i : i + size])
                    name = country_name(phrase)
                    if name and is_demonym(phrase) and all(c.name != name for c in out):
                        out.append(EntityRef(EntityType.COUNTRY, name))
            continue
        if kind not in ("C", "X"):
            continue
        chunk = sent.slots[index].chunk
        if names_only and (chunk is None or chunk.why != "place"):
            continue  # "the English movie": a language, not a country
        compound = re.split(r"[-/]", sent.slots[index].text)
        for part in compound:
            name = country_name(part.strip()) or (
                COMBINING_FORMS.get(part.strip().lower()) if len(compound) > 1 else None
            )
            if name and all(c.name != name for c in out):
                out.append(EntityRef(EntityType.COUNTRY, name))
    return out


_FESTIVAL = re.compile(
    r"(?i)\b(?:festival|biennale|fest|film week|sundance|cannes|venice|berlinale)\b"
)
"""A festival named in a release statement ("premiered at the Cannes Film Festival")."""
_RELEASE_AFTER = re.compile(
    r"\b(?:released|release|opens|opened|open|hits|hit|arrives|arrived|out|comes out|came out|"
    r"cinemas|theatres|theaters)\b"
)
"""A release word after the festival: the date is then the release's ("..., opens in cinemas on")."""


_HOME_MEDIA = re.compile(
    r"\b(?:on|onto|to) (?:dvd|blu-ray|blu-ray and dvd|dvd and blu-ray|video|vhs|home video|"
    r"digital download|download|4k)\b"
)
"""A home-media release ("out on DVD on ..."), which is not the film's release date."""
_SOURCE_OF = re.compile(
    r"\b(?:adaptation|adaptations|version|versions|remake|staging|production|retelling|take|"
    r"update) (?:of|on) (?:the )?(?:[a-z-]+ ){0,2}$|\bbased on (?:the )?(?:[a-z-]+ ){0,2}$"
)
"""Before "P's X": X is the work a film comes from ("a film version of Dickens's Oliver Twist",
"the adaptation of novelist P's X")."""


def _at_festival(sent: _Sentence, m: re.Match[str]) -> bool:
    """Is a release match's date that of a festival screening: a festival named after its first
    words, with no release word between the festival and the date ("premiered at the Cannes Film
    Festival on 20 May", but not "premiered at Cannes in May, opens in cinemas on 3 June")?"""
    text = m.group(0)
    for kind, index in slots(text):
        slot = sent.slots[index]
        if kind in "XNO" and _FESTIVAL.search(slot.text):
            rest = text[text.find(f"«{kind}{index}»") :]
            return not _RELEASE_AFTER.search(rest)
    festival = re.search(r"\bfestival\b", text)
    return festival is not None and not _RELEASE_AFTER.search(text[festival.end() :])


def _not_the_films_release(rule: Rule, m: re.Match[str], sent: _Sentence) -> bool:
    """Is a release match about something else than the film's own first release: a trailer or
    soundtrack of it ("the trailer for F was released on DATE"), a home-media release ("released
    on DVD"), a festival screening ("premiered at the Cannes Film Festival on DATE")?"""
    if (
        "film_subject" in rule.flags
        and rule.film is not None
        and m.start(rule.film) >= 0
        and _DERIVED_OF_FILM.search(sent.skeleton, 0, m.start(rule.film))
        and not _RELATIVE.search(sent.skeleton, m.end(rule.film), m.end())
    ):
        return True
    if rule.relation is not Relation.RELEASE_DATE:
        return False
    if rule.name == "releases.title_year":
        clause = _CLAUSE_JOIN.split(sent.skeleton[max(0, m.start() - 80) : m.start()])[-1]
        if _REMADE_WORK.search(clause):
            return True  # "a remake of the much-loved Gull Point (1962)": the earlier film's year
    return bool(_HOME_MEDIA.search(_slot_text(m.group(0), sent).lower())) or _at_festival(sent, m)


_REMADE_WORK = re.compile(r"\b(?:remake|remakes|remade|remaking|re-make|original|version|update)\b")
"""A clause about the earlier film a new one remakes: a dated title there is the earlier film of
the same name, whose year is no release of the film the text is about."""


def _about_tv(sent: _Sentence) -> bool:
    """Does the sentence speak of television ("best actor in a TV drama", "the series")? A "TV
    film" is a film."""
    return bool(_TV_CUE.search(sent.skeleton)) or any(
        slot.kind == "X"
        and slot.text.lower() in TV_WORDS
        and f"«X{index}» film" not in sent.skeleton
        and f"«X{index}» movie" not in sent.skeleton
        for index, slot in enumerate(sent.slots)
    )


_CLAUSE_JOIN = re.compile(r" [,;:] | and | but ")
_APPOSITION_PAIR = re.compile(r" , (?:by|a|an|the|his|her|their|who|which) [^,;]{1,50} ,(?= )")
"""An apposition or relative clause between commas ("the novel X , by P , was adapted")."""
_APPOSITION_END = re.compile(r" (?:[,.;:)]|which|who|that|-|\u2013)(?: |$)| ?$")
"""Where an apposition closes ("P, star of F, is ...", "F, director P's debut which ...")."""
_RELATIVE_INSIDE = re.compile(r" , (?:who|whose) [^,;]+ ,(?= .)")
"""A relative clause on a person that closes inside a match ("P , who lost out on G , is to
appear in F"): what it says is not said of the match's cue."""
_STAGE_CREDIT = re.compile(
    r"\b(?:stage|theatre|theater|broadway|off-broadway|west end|tv|television|small-screen|radio|"
    r"opera|musical|fringe) (?:debut|role|roles|career|part|parts|appearance|performance|production|"
    r"revival|staging|transfer|run|version)\b"
    r"|\b(?:theatre|theater|playhouse|opera|ballet) 's (?:[a-z-]+ )?(?:production|staging|revival)\b"
)
"""A credit the match says is on the stage or on television ("her West End debut in X", "the
National Theatre's production of Y")."""
_STAGE_VERSION_OF = re.compile(
    r"(?:\b(?:stage|theatre|theater|broadway|west end|musical|opera|tv|television|radio)|«X\d+») "
    r"(?:revival|production|staging|version|adaptation|transfer|remake) of (?:the )?$"
)
"""A stage or TV version just before a title: the credits around it are the version's."""
_STAGE_VERSION_BEFORE = re.compile(_STAGE_VERSION_OF.pattern[:-1] + r"«[FN]\d+» ?,? ?$")
"""The same, then the title, just before a cue on the sentence's film (", directed by P")."""
_PREDICATE_AFTER = re.compile(
    r" (?:, )?(?:is|was|are|were|has|have|had|will|would|could|can|did|does|do|may|might|should)\b"
)
"""A predicate right after a match: the match was its subject ("F's director P was ...")."""
_FINITE_VERB = re.compile(
    r"\b(?:is|was|are|were|be|been|being|has|have|had|will|would|can|could|may|might|did|does|"
    r"do|to|stars|starred|star|plays|played|play|playing|joins|joined|leads|led|wrote|writes|"
    r"composed|scored|edited|voiced|voices|portrayed|portrays)\b|\b(?:directed|produced|written|"
    r"co-directed|co-produced|co-written)\b(?! by| and| &)"
)
"""A verb that makes a match a clause of its own rather than a noun phrase with a participle or
role noun in it ("F, directed by P," is a noun phrase; "P directed F" and "P is to star in F"
are clauses)."""
_RELATIVE_OPEN = re.compile(r"^(?:«[PN]\d+» , who |«[ON]\d+» , which )")
"""A match that is a relative clause on its agent ("P, who played X in F, is in talks for G";
"O, which distributed F, declined to comment")."""


_KIND_NOUN_AFTER = re.compile(r" (?:film|films|movie|movies|franchise|sequel|sequels)\b(?! «)")
_DETERMINER_BEFORE = re.compile(
    r"\b(?:the|a|an|his|her|their|its|this) (?:[a-z-]+ )?(?:new|next|latest|last|upcoming|"
    r"forthcoming|previous|recent|final|first|second|third|fourth|fifth|sixth|seventh|eighth|"
    r"ninth|tenth|\d+(?:st|nd|rd|th)) $"
)
"""A name between "the new" (or "the next", "the third") and a film noun is a franchise or a
person ("the new Bond film", "the next Harry Potter movie"): no title. "A distributor of the
Harbour Lights movie" names its film."""


def _guarded(
    rule: Rule, m: re.Match[str], sent: _Sentence, films: Sequence[str], state: _State
) -> bool:
    """Precision guards: negation or hedging in the clause, a work other than the film, a stage
    credit, a TV show taken for a film."""
    if _hedged(rule, m, sent.skeleton):
        return True
    matched = sent.skeleton[m.start() : m.end()]
    if " , who" in matched:  # "P, who made her stage debut in G, is to star in F": G's
        matched = _RELATIVE_INSIDE.sub(" ,", matched)
    if _STAGE_CREDIT.search(
        _SLOT_KIND.sub(lambda s: sent.slots[int(s.group(2))].text.lower(), matched)
    ):
        return True  # "made her stage debut in X", "her Broadway debut in Y": not a film
    if _not_the_films_release(rule, m, sent):
        return True
    if rule.name in _NEEDS_FILM_EVIDENCE:
        gaz = state.names.gazetteer
        for film in films:
            if name_key(film) not in state.names.evidenced and (
                gaz is None or gaz.film(film) is None
            ):
                return True  # "Scrubs star X": only a title shown to be a film elsewhere
    if "same_series" in rule.flags and rule.other is not None:
        others = [sent.slots[i].text for _, i in _group_slots(_group(m, rule.other))]
        if any(
            _headline_words(film).isdisjoint(_headline_words(o)) for film in films for o in others
        ):
            # "P is attached to the sequel to G": the text's film F, which shares no word of G's
            # title as sequels mostly do, may not be it
            return True
    if rule.name in _TV_PRONE and _about_tv(sent):
        gaz = state.names.gazetteer
        for film in films:
            if gaz is None or gaz.film(film) is None:
                return True  # "Scrubs star X ... best actress in a TV series"
    return False


@lru_cache(maxsize=1 << 14)
def _hedged(rule: Rule, m: re.Match[str], skeleton: str) -> bool:
    """The guards of :func:`_guarded` that read the match and its skeleton alone: negation or
    hedging in the clause, a work other than the film ("Its soundtrack was written by X"). A
    skeleton's matches are made once for all the sentences written as it (see :func:`_hits`),
    and each is asked here in both passes: memoised."""
    if (
        rule.film is not None
        and m.group(rule.film)
        and _KIND_NOUN_AFTER.match(skeleton, m.end(rule.film))
        and _DETERMINER_BEFORE.search(skeleton, 0, m.start(rule.film))
    ):
        return True  # "in the new Bond film", "the Harry Potter movies": a kind, not a title
    if (
        _STAGE_VERSION_OF.search(skeleton, 0, m.start(rule.film))
        if rule.film is not None
        else _STAGE_VERSION_BEFORE.search(skeleton, 0, m.start())
    ):
        return True  # "a West End revival of F, directed by P": P directed the revival
    after = _NEXT_CLAUSE.split(skeleton[m.end() : m.end() + 40], maxsplit=1)[0]
    clause_after = _CLAUSE_BREAK.split(after, maxsplit=1)
    if len(clause_after) == 2:  # "..., but she did not win": only a doubt about the deal counts
        after = clause_after[0]
        if _DEAL_HEDGE.search(skeleton, m.end()):
            return True

    before = _CLAUSE_BREAK.split(skeleton[max(0, m.start() - 60) : m.start()])[-1]
    closed = _APPOSITION_END.match(skeleton, m.end())
    if closed and ("apposition" in rule.flags or _RELATIVE_OPEN.search(m.group(0))):
        before = after = ""  # "P, star of F, is the first choice for G": the doubt is about G
    if "actor_possessive" in rule.flags or (
        rule.film is not None and m.start(rule.film) == m.start()
    ):
        before = ""  # "he turned down F, the 2009 drama directed by Q", "quit Q's film F"
    matched = skeleton[m.start() : m.end()]
    if "hedge_from_film" in rule.flags and rule.film is not None and m.group(rule.film):
        # "P is in talks to star in F for director Q": the doubt is P's part, not Q's
        before, matched = "", skeleton[m.start(rule.film) : m.end()]
    if _PREDICATE_AFTER.match(after) and not _FINITE_VERB.search(matched):
        after = ""  # "F's director P was not there", "F, directed by P, did not win": the
        # match is the subject's noun phrase; what the predicate denies is something else
    if " , who" in matched:  # "P, who lost out on G, is to star in F": the doubt is G's
        matched = _RELATIVE_INSIDE.sub(" ,", matched)
    span = before + matched + after
    if "replacement" in rule.flags:  # "Q replaced P in F (after P dropped out)": Q is cast
        span = _REPLACED.sub("", before + skeleton[m.start() : m.end()])
    if rule.relation is Relation.CAST_MEMBER and _PRIZE_TIP.search(span):
        span = _PRIZE_TIP.sub("", span)  # "tipped P for a prize for his role in F": the role holds
    if _NEGATION.search(span):
        return True
    if "no_work_subject" in rule.flags:
        # "The novel X, by P, was adapted by Q": the apposition is no clause of its own
        clauses = _CLAUSE_JOIN.split(  # blanked, not cut: positions in the clause stay true
            _APPOSITION_PAIR.sub(lambda a: " " * len(a.group(0)), skeleton[: m.start() + 1])
        )
        clause = clauses[-1]
        if clause.startswith("which ") and len(clauses) > 1 and _WORK_AT_END.search(clauses[-2]):
            return True  # "the TV version, which is written by X": the version's writer
        work = next(reversed(list(_WORK_SUBJECT.finditer(clause))), None)
        if work is not None and _OBJECT_PREPOSITION.search(clause, 0, work.start()):
            work = None  # "F was adapted by P from the novel G and produced by Q": G is no subject
        after = m.start() + 1 - len(clause) + work.end() if work is not None else 0
        if (
            work is not None
            and not _FILM_NOUN_AFTER.search(skeleton, after, m.end())
            and not _SCREEN_VERSION_OF.search(clause)
        ):
            return True  # "Its soundtrack was written by X": the work decides the role
    if (
        rule.film is not None
        and _WORK_OF_FILM.search(skeleton, 0, m.start())
        and not ("cue" in m.re.groupindex and _DIRECTING.fullmatch(m.group("cue") or ""))
    ):
        return True  # "The music for F was written by X": about the music, not the film
        # ("wrote the script for F, directed by P": a script has no director; P directed F)
    if (
        "actor_possessive" in rule.flags
        and _MUSIC_WORD.search(skeleton)
        and not _ANY_FILM_NOUN.search(skeleton)
    ):
        return True  # "The track knocked P's F off the top spot": P's song, no film
    # "an adaptation of Shakespeare's Richard III": the author's work, no film
    return "actor_possessive" in rule.flags and bool(_SOURCE_OF.search(skeleton, 0, m.start()))


_NEEDS_FILM_EVIDENCE = frozenset(
    {"cast.title_actor", "cast.film_possessive_person", "cast.signed_up_for", "cast.returns_for"}
)
"""Wordings said of television as often as of film ("EastEnders actor X"): taken only for a title
the article (or the store) shows to be a film."""
_TV_PRONE = frozenset(
    {
        "cast.title_star",
        "cast.title_actor",
        "cast.role_in",
        "cast.possessive_role",
        "cast.her_role_in",
        "cast.its_stars",
        "cast.star_of",
        "cast.the_star_of",
        "cast.starred_in",
        "cast.appeared_in",
        "awards.possessive_director",
        "awards.best_for",
        "awards.nomination_for_film",
        "cast.film_possessive_person",
        "cast.signed_up_for",
        "cast.returns_for",
    }
)
"""Wordings that also describe television ("X star", "a role in X"): not taken for an unknown
title in a sentence about TV."""


def _companions(found: list[_Candidate], sent: _Sentence) -> list[_Candidate]:
    """ "opposite X", "alongside X": cast of the film the sentence casts someone in, unless
    another verb of acting comes between ("P, best known for his role in F, would star opposite
    X": X is not in F)."""
    cast = [
        c for c in found if c.relation is Relation.CAST_MEMBER and "companion" not in c.rule.flags
    ]
    out: list[_Candidate] = []
    for cand in found:
        if "companion" in cand.rule.flags and cand.how != "named":
            films = {c.film for c in cast if _same_clause(c, cand, sent)}
            if cast and not films:
                continue  # the companion belongs to another verb, whose film is not named
            if len(films) == 1:
                cand.film = next(iter(films))
                out.append(cand)
            elif not films and not any(s.kind in ("F", "A") for s in sent.slots):
                out.append(cand)  # "Her co-star X is excellent": the film of the text (the
                # sentence names no film, nor any name "the film" stands for)
            continue
        out.append(cand)
    return out


def _same_clause(credit: _Candidate, companion: _Candidate, sent: _Sentence) -> bool:
    """Is no other verb of acting between a credit's match and a companion's ("P stars in F,
    opposite X": yes; "P, known for his role in F, would star opposite X": no)?"""
    if credit.span is None or companion.span is None:
        return True
    (a, b), (c, d) = credit.span, companion.span
    # what the companion reads past the credit, its own verb included ("P, known for her role
    # in F, stars alongside X"); nothing when the credit holds it ("P plays opposite X in F")
    start, end = (b, d) if a <= c else (d, a)
    return start >= end or _ACTING_VERB.search(sent.skeleton, start, end) is None


_ACTING_VERB = re.compile(
    r"(?<![\w-])(?:stars|starred|starring|(?:would|will|to|could|might|may|should) star|play|plays|"
    r"played|playing|appear|appears|appeared|appearing)\b"
)
"""A verb of acting: nouns ("co-star", "star") are not, nor is "co-starring" (one credit)."""


# ------------------------------------------------------------------ candidates -> facts


@dataclass(slots=True)
class _Reading:
    """The best reading of one fact so far (see :func:`_facts`): what its :class:`Fact` is made
    from once every reading is in and its film's year is known, so each fact is made once."""

    film: str  # the film's name, as the subject's
    subject: EntityRef  # the film, without its year
    relation: Relation
    obj: EntityRef | Value
    cand: _Candidate  # the candidate read
    confidence: float  # rounded as the fact's evidence states it
    rule: str  # the evidence's rule: "name@how"
    character: str | None
    planned: bool

    def fact(self, document: Document, subject: EntityRef) -> Fact:
        """The fact of this reading, about ``subject`` (the film with its year, when known)."""
        cand, sent = self.cand, self.cand.sentence
        evidence = Evidence(
            source_id=document.id,
            sentence=sent.text,
            start=sent.start,
            end=sent.end,
            confidence=self.confidence,
            extractor=EXTRACTOR_NAME,
            rule=self.rule,
        )
        return Fact(
            subject,
            self.relation,
            self.obj,
            evidence,
            character=self.character,
            billing_order=cand.billing,
            platform=cand.platform,
            region=cand.region,
            planned=self.planned,
            ambiguous=cand.ambiguous,
        )


def _facts(document: Document, candidates: Iterable[_Candidate], names: _Names) -> list[Fact]:
    best: dict[tuple[str, Relation, str], _Reading] = {}
    planned_cache: dict[int, bool] = {}
    confidences: dict[tuple[str, bool, str], float] = {}  # what rule_confidence reads
    subjects: dict[str, EntityRef] = {}
    for cand in candidates:
        if cand.film is None:
            continue
        reading = (cand.rule.name, cand.rule.explicit, cand.how)
        confidence = confidences.get(reading)
        if confidence is None:
            confidence = confidences[reading] = rule_confidence(cand.rule, cand.how)
        if confidence < MIN_CONFIDENCE:
            continue
        obj = cand.obj
        if (
            isinstance(obj, EntityRef)
            and obj.type is not EntityType.COUNTRY
            and obj.type is not EntityType.FILM
            and obj.type is not EntityType.WORK  # a film may share the title of its novel
        ):
            if name_key(obj.name) == name_key(cand.film):
                continue
            if is_demonym(obj.name) or nonfilm_kind(obj.name) in (
                "award",
                "event",
                "place",
                "time",
            ):
                continue
        key = (name_key(cand.film), cand.relation, _obj_key(obj))
        old = best.get(key)
        if old is not None and old.confidence >= confidence:
            if cand.character and not old.character:  # "P stars in F. P plays a nurse": F's nurse
                old.character = cand.character
            continue  # as sure a fact was read already
        subject = subjects.get(cand.film)
        if subject is None:
            aliases = tuple(names.aliases.get(name_key(cand.film), ()))
            subject = subjects[cand.film] = EntityRef(EntityType.FILM, cand.film, aliases=aliases)
        sent = cand.sentence
        planned = False
        if cand.relation is Relation.RELEASE_DATE:
            if sent.start not in planned_cache:
                planned_cache[sent.start] = is_planned(sent.text)
            planned = planned_cache[sent.start]
        character = cand.character
        if not character and old is not None and old.character:
            character = old.character  # the weaker reading named the character
        best[key] = _Reading(
            cand.film,
            subject,
            cand.relation,
            obj,
            cand,
            round(confidence, 4),
            f"{cand.rule.name}@{cand.how}",
            character,
            planned,
        )
    kept = _drop_weaker_dates(_drop_guessed_directors(best, names))
    return _with_years(document, kept, names)


def _drop_guessed_directors(
    best: dict[tuple[str, Relation, str], _Reading], names: _Names
) -> list[_Reading]:
    """The readings without a director guessed from a possessive ("Lena Quill's new thriller F")
    when the text also casts that person in F ("F, in which Quill plays a detective") or says
    who else directed F more surely ("F was directed by P"), and never calls them a director:
    the possessive named the star."""

    def guessed(reading: _Reading) -> bool:
        return reading.rule.partition("@")[0] in _POSSESSIVE_DIRECTOR_RULES

    stated: dict[str, float] = {}  # the surest director a film is stated to have
    for (film, relation, _), reading in best.items():
        if relation is Relation.DIRECTOR and not guessed(reading):
            stated[film] = max(stated.get(film, 0.0), reading.confidence)
    out: list[_Reading] = []
    for (film, relation, obj), fact in best.items():
        if (
            relation is Relation.DIRECTOR
            and guessed(fact)
            and (
                (film, Relation.CAST_MEMBER, obj) in best or stated.get(film, 0.0) > fact.confidence
            )
            and isinstance(fact.obj, EntityRef)
            and not names.is_director(fact.obj.name)
        ):
            continue
        out.append(fact)
    return out


_POSSESSIVE_DIRECTOR_RULES = frozenset(
    r.name for r in ALL_RULES if "actor_possessive" in r.flags and r.relation is Relation.DIRECTOR
)
"""Rules that guess a director from a possessive ("Kate Brill's F"), which may name the star."""


def _with_years(document: Document, readings: list[_Reading], names: _Names) -> list[Fact]:
    """The facts of ``readings``, every film with its year (the earliest release year the text
    states, else the one the gazetteer knows), so namesakes of other years stay apart when
    resolved."""
    years: dict[str, int] = {}
    for reading in readings:
        if reading.relation is Relation.RELEASE_DATE and isinstance(reading.obj, Value):
            first = int(reading.obj.text[:4])
            key = name_key(reading.film)
            years[key] = min(first, years.get(key, first))
    out: list[Fact] = []
    dated: dict[str, EntityRef] = {}  # a film's subject with its year (films recur)
    for reading in readings:
        subject = dated.get(reading.film)
        if subject is None:
            year: int | None = years.get(name_key(reading.film))
            if year is None and names.gazetteer is not None:
                known = names.gazetteer.film(reading.film)
                year = known.year if known is not None else None
            subject = reading.subject if year is None else replace(reading.subject, year=year)
            dated[reading.film] = subject
        out.append(reading.fact(document, subject))
    return out


def _drop_weaker_dates(readings: list[_Reading]) -> list[_Reading]:
    """A film's release year (or month) is dropped when a fuller date within it is known ("is a
    1974 film ... released on 3 May 1974"), and a fallback year ("made in 1957") when any release
    date is."""
    dates: dict[str, list[str]] = {}
    for reading in readings:
        if reading.relation is Relation.RELEASE_DATE and isinstance(reading.obj, Value):
            dates.setdefault(name_key(reading.film), []).append(reading.obj.text)
    out: list[_Reading] = []
    for reading in readings:
        if reading.relation is Relation.RELEASE_DATE and isinstance(reading.obj, Value):
            text = reading.obj.text
            known = dates.get(name_key(reading.film), [])
            if any(len(d) > len(text) and d.startswith(text) for d in known):
                continue  # "May 2006" beside "19 May 2006": the fuller date
            if reading.rule.startswith(_FALLBACK_RULES) and any(d != text for d in known):
                continue
        out.append(reading)
    return out


_FALLBACK_RULES = tuple(r.name + "@" for r in ALL_RULES if "fallback" in r.flags)


def _obj_key(obj: EntityRef | Value) -> str:
    return name_key(obj.name) if isinstance(obj, EntityRef) else obj.text
