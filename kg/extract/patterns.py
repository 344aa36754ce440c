"""The rule record and the little pattern language the rule families are written in.

A sentence is rewritten as a *skeleton*: lower-cased words and marks separated by single spaces,
each name replaced by a slot ``«K#»`` (``K`` its kind, ``#`` its index in the sentence): ``F``
film, ``N`` a name of unknown kind, ``P`` person, ``O`` company, ``X`` something that is never a
film (award, place, outlet), ``C`` a nationality, ``D`` a date, ``A`` a film named by an anaphor
("the film", "the movie"). A :class:`Rule` is a regular expression over skeletons, written with
the macros of :data:`MACROS` ("{TITLES} , starring {PEOPLE}") and named groups that say which
slots are the film(s), the agent(s), the character or the value of its relation:

>>> rule = Rule("cast.starring", r"(?P<film>{TITLE}) , starring (?P<agent>{PEOPLE})",
...             Relation.CAST_MEMBER)
>>> m = rule.regex.search("«F0» , starring «P1» and «N2» .")
>>> slots(m.group("film")), slots(m.group("agent"))
([('F', 0)], [('P', 1), ('N', 2)])

Role words in patterns come from :data:`kg.model.ROLES` (``{ROLE_PASSIVE}``, ``{ROLE_NOUN}``,
``{ROLE_VERB}``), so a new role is found by the existing families as soon as the table has it.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field
from functools import cached_property

from ..model import ROLES, Relation
from .lexicon import STRONG_FILM_NOUNS

__all__ = [
    "MACROS",
    "REUNITE_WORDS",
    "ROLE_NOUN_WORDS",
    "ROLE_VERB_WORDS",
    "ROLE_WORK_WORDS",
    "RULE_FLAGS",
    "Rule",
    "expand",
    "slots",
]

_SLOT = re.compile(r"«([A-Z])(\d+)»")


def slots(text: str | None) -> list[tuple[str, int]]:
    """The slots ``(kind, index)`` in a piece of skeleton.

    >>> slots("«P3» and he")
    [('P', 3)]
    """
    if not text:
        return []
    return [(m.group(1), int(m.group(2))) for m in _SLOT.finditer(text)]


def _alt(words: set[str] | frozenset[str] | list[str]) -> str:
    """An alternation of ``words``, longest first; words of one length (of which at most one
    can match at a place) in alphabetical order, so the pattern's text is the same in every
    process (a set's order is not), as the cache of compiled patterns needs."""
    ordered = sorted(words, key=lambda w: (-len(w), w))
    return "(?:" + "|".join(re.escape(w) for w in ordered) + ")"


def _role_words() -> tuple[set[str], set[str], set[str], set[str]]:
    passive: set[str] = set()
    finite: set[str] = set()
    nouns: set[str] = set()
    works: set[str] = set()
    for role in ROLES:
        if role.relation is Relation.CAST_MEMBER:
            continue  # cast has its own family (starring, stars, plays, role in)
        for verb in role.verbs:
            if verb.endswith(("ed", "en")):
                passive.add(verb)
            if verb.endswith("ed") or verb in ("wrote", "co-wrote"):
                finite.add(verb)
        for noun in role.nouns:
            if role.agent.value == "person":
                nouns.update({noun, noun + "s"})
        works.update(role.works)
    passive.discard("made")
    finite.discard("made")
    for first, second in itertools.permutations(("writer", "director", "producer"), 2):
        for joint in ("-", "/"):  # "writer-director X": both roles (see the engine's _relations)
            nouns.update({first + joint + second, first + joint + second + "s"})
    return passive, finite, nouns, works


_PASSIVE, _FINITE, _NOUNS, _WORKS = _role_words()


def _last_words(phrases: set[str]) -> tuple[str, ...]:
    return tuple(sorted({p.split()[-1] for p in phrases}))


ROLE_NOUN_WORDS = _last_words(_NOUNS)
"""Words one of which a sentence must hold for a rule built on {ROLE_NOUN} to match (its
``needs``)."""
ROLE_VERB_WORDS = _last_words(_FINITE)
"""The same for {ROLE_VERB}."""
ROLE_WORK_WORDS = _last_words(_WORKS)
"""The same for {ROLE_WORK}."""
FILM_NOUN_WORDS = tuple(sorted(STRONG_FILM_NOUNS))
"""The same for {FILM_NOUN}."""

_FILM_NOUN = _alt(STRONG_FILM_NOUNS)
_LIST_ADV = r"(?:now |also |finally |later |even |most recently |recently |then )?"
_LIST_TAIL = (
    r"(?:(?: (?:,|/) {X})+(?:(?: ,)? (?:and|&|as well as) "
    + _LIST_ADV
    + r"{X}|(?= [,.;:)(\u2013-]| and | & | ?$))"
    r"| (?:and|&) "
    + _LIST_ADV
    + r"{X}| ,? as well as {X}(?: (?:,|/) {X})*(?:(?: ,)? (?:and|&) {X})?)?"
)
"""The rest of a list after its first member: ", B, C and D", " and B"; a lone ", and B" starts
a new clause instead ("The director was A, and B composed the music"), and so does a name after
a comma that no "and" closes and no punctuation ends ("which stars A, B said")."""

_NOT_A_DERIVED_WORK = (
    r"(?! (?:sequels?|prequels?|remakes?|re-make|spin-offs?|spinoffs?|reboots?|follow-ups?|"
    r"(?:(?:action|horror|spy|comedy|crime|war|superhero|fantasy|animated|teen|slasher|heist|"
    r"monster|zombie|martial arts|disaster|adventure|thriller|cartoon) )?(?:films|movies|"
    r"franchise|trilogy|saga))\b)"
)
"""A title right before "sequel", "remake", ... names the film another one derives from: the
film of the clause is that other one ("P will star in the Night Ferry sequel": P is not in
Night Ferry). A name before "films", "franchise" or "trilogy" is a series, no film ("the last
two Steel films, F and G", "the Iron Justice action films")."""

_WRITTEN_WORK = (
    r"(?:books?|novels?|plays?|songs?|albums?|stor(?:y|ies)|poems?|memoirs?|letters?|series|shows?|"
    r"operas?|musicals?|films?|movies?|documentar(?:y|ies)|scripts?|articles?|reports?)\b"
)
"""Works a "directed/written/produced by" after them could be about ("a film about a novel
written by P": P wrote the novel, not the film)."""

MACROS: dict[str, str] = {
    "FILM": r"«F\d+»",
    "TITLE": r"«[FN]\d+»(?! (?:film|movie) «)" + _NOT_A_DERIVED_WORK,
    "TITLE_P": r"(?:«[FN]\d+»|«P\d+»(?! in | {FILM_NOUN_SG}\b| (?:, «[PN]\d+» )*(?:and|&) «[PN]\d+» in ))"
    r"(?! 's| (?:film|movie) «)" + _NOT_A_DERIVED_WORK,
    "FILMREF": r"«[FNA]\d+»" + _NOT_A_DERIVED_WORK,
    "ANA": r"«A\d+»",
    "PERSON": r"«[PN]\d+»",
    "WHO": r"(?:«(?<! in «)(?<! at «)(?<! of «)(?<! from «)[PN]\d+»|«[PN]\d+»(?= , who )|(?<![a-z])"
    r"(?:he|she))",
    "WHOSE": r"(?:«[PN]\d+» 's|(?<![a-z])(?:his|her|their))",
    "ADV": r"(?:(?:currently|now|also|still|recently|later|previously|once|then|already|"
    r"subsequently|reportedly|originally|briefly|famously|memorably|most recently|last|"
    r"first|both|together|even|again|further|only|just|next) )",
    "CHAR": r"(?:(?!an? «[A-Z]\d+» [a-z])(?:(?!in |opposite |alongside |by |with )[a-z][\w'-]* ){0,3}?(?:«[NPX]\d+» 's (?:[a-z][\w'-]* ){0,2}?)?«[NPXF]\d+»(?! 's)|(?:a|an|the|his|her|their|«[PN]\d+» 's) "
    r"(?:(?!(?:will|is|was|are|were|be|been|has|had|have) )(?:[a-z][\w'-]*|'s|«[CXNP]\d+») ){0,3}?[a-z][\w'-]*"
    r"(?= ,| and | in | \)| \.| ;| who | which | opposite |"
    r" (?!during |according )[a-z]{3,}ing | [a-z]{3,}ed (?:on|in|at|by|from|to|with|for|after) |$))",
    "FILM_OF": r"(?:(?:the |a |an |his |her |their |«[PNXO]\d+» 's |(?:last|this|next) year 's |(?:the |a |an )(?:{ADJ}){0,2}?«[PN]\d+» (?={FILM_NOUN} ))?(?:{ADJ}){0,3}?(?:{FILM_NOUN} )?(?:"
    r"(?:film |movie |screen |big-screen )?(?:adaptation|version) of (?:the )?|(?<=film )of |(?<=movie )of )?"
    r"(?:{YEAR} 's )?"
    r"(?:the |a )?(?:{ADJ}){0,2}?(?:{FILM_NOUN} (?:, (?=«[FN]\d+» [,.]))?)?)",
    "ORG": r"«[ON]\d+»",
    "AGENT": r"«[PNO]\d+»(?! 's)",
    "NAME": r"«[PNFOX]\d+»",
    "NAT": r"«C\d+»",
    "DATE": r"«D\d+»",
    "YEAR": r"(?:1[89]\d\d|20\d\d)",
    "FILM_NOUN": _FILM_NOUN,
    "FILM_NOUNS": r"(?:films|movies|pictures|features|comedies|dramas|thrillers|documentaries)",
    "ADJ": r"(?!(?:of|a|an|the|by|from|in|on|for|to|with|and|or|as|at|is|was|are|were|alongside|"
    r"opposite|starring|featuring|about|against|after|before|while|since|when|during|until|unlike|"
    r"than|because|without) )"
    r"(?:[a-z][\w'-]*|«[CX]\d+»|\d[\w.,-]*|\$[\d.,]+[a-z]*) ",
    "ROLE_PASSIVE": _alt(_PASSIVE),
    "ROLE_VERB": _alt(_FINITE),
    "ROLE_NOUN": _alt(_NOUNS),
    "ROLE_WORK": _alt(_WORKS),
    "STAR_NOUN": r"(?:star|stars|co-star|co-stars|costar|costars|lead|leads)",
    "ACTOR_NOUN": r"(?:actor|actress|actors|actresses|star|stars|co-star|co-stars|costar)",
    "APPOS": r"(?: ,(?: [^ ,.;]+){1,14}?(?: , «[FNA]\d+»(?: and «[FNA]\d+»)?){0,4} ,| \( [^()«»]{1,30} \))?"
    r"(?: (?:-|\u2013)(?= who ))?",
    "FILM_APPOS": r"(?: \( [^()]{1,40} \))?(?: , (?:an? |the |«P\d+» 's )?(?:{ADJ}){0,4}?(?:{FILM_NOUN}|"
    r"co-production|(?:story|tale|romance)"
    r"(?= (?:directed|co-directed|starring|written and directed) by\b| starring\b))"
    r"(?: (?:that|which) (?:is|was)| (?:to|of|from|by) (?:(?:[a-z][\w-]*|«C\d+») ){0,2}?«[FNP]\d+»(?= ,| starring )|"
    r" (?:to be )?(?:directed|written|"
    r"produced) by «[PN]\d+»(?= ,| and (?:produced|written|directed) by)| starring «[PN]\d+»(?= ,)| (?:in|set in) «[XC]\d+»|"
    r" about (?:(?!"
    + _WRITTEN_WORK
    + r")[a-z][\w'-]* ){0,5}?(?!"
    + _WRITTEN_WORK
    + r")[a-z][\w'-]*"
    r"(?= (?:directed|written|produced) by ))?)?"
    r"(?: , which (?:[^.;«»]|«[PNXCDO]\d+»){1,120}?(?= ,)| , (?!and |but |or )[^«».;,()]{3,40}(?= ,))?",
    "AUX": r"(?:(?:has|have|had|will|would|can|could|may|might|is|was|were|are|also|later|previously|once|then|"
    r"recently|already|went on to|is to|was to|is set to|is due to|is expected to|has been|"
    r"had been|will be|would be|set to|due to|expected to|poised to|about to) )",
}
MACROS["LEAD_GLOSS"] = (
    r"(?:\((?: [^)]*)? \) )?(?:, also (?:known as|called|titled)(?: [^,]+)? )?(?:, )?"
)
"""What a lead sentence puts between the title and "is a ...": a bracket (emptied or not) and an
"also known as" clause."""
MACROS["TITLE_ITEM"] = r"{TITLE}(?: \( [^()]{1,30} \)| in {YEAR}(?= ,| and | or ))?"
_TITLE_LIST_TAIL = (
    r"(?:(?: (?:,|/) {X}){2,}(?:(?: ,)? (?:and|&) " + _LIST_ADV + r"{X})?"
    r"|(?: (?:,|/) {X})+(?: ,)? (?:and|&) " + _LIST_ADV + r"{X}"
    r"| (?:and|&) " + _LIST_ADV + r"{X})?"
)
"""The rest of a list of titles: two titles joined by a bare comma are no list ("Like Heat,
Ronin stars ..." is a fronted phrase and a subject); three or more, or an "and", are."""
MACROS["ITEM_NP"] = (
    r"(?:(?:the|a|an|his|her|their) (?:[a-z][\w-]* )??(?:film|movie|drama|comedy|thriller|"
    r"documentary|flop|hit|smash) |(?:its|the) (?:[a-z\d][\w-]* )??(?:sequel|prequel|follow-up) (?:, )?)"
)
"""The noun phrase of a later member of a list of titles ("F and the sci-fi flop G", "F and its
sequel, G")."""
MACROS["TITLE_P_ITEM"] = r"{TITLE_P}(?: \( [^()]{1,30} \)| in {YEAR}(?= ,| and | or ))?"
MACROS["TITLES_P"] = "{TITLE_P_ITEM}" + _TITLE_LIST_TAIL.replace(
    "{X}", "(?:{ITEM_NP}{TITLE_ITEM}|{TITLE_P_ITEM})"
)
MACROS["TITLES"] = "{TITLE_ITEM}" + _TITLE_LIST_TAIL.replace(
    "{X}", "(?:{ITEM_NP}?{TITLE_ITEM}|{TITLE_P_ITEM})"
)
"""A list of titles whose first member is no name of a person: later members may look like one
("star of F, G and Blue Lantern", where Blue is a given name)."""
MACROS["FILMREFS"] = "{FILMREF}" + _LIST_TAIL.replace("{X}", "{TITLE}")
MACROS["PEOPLE"] = "{PERSON}" + _LIST_TAIL.replace("{X}", "{PERSON}")
MACROS["WHOS"] = "{WHO}" + _LIST_TAIL.replace("{X}", "{WHO}")
MACROS["REGULARS"] = r"(?:regulars?|favourites?|favorites?|veterans?|alumni)"
"""Nouns that make the people after them a film-maker's usual cast ("Baird regulars P and Q")."""
MACROS["PERFORMER_NOUN"] = r"(?:actor|actress|star|newcomer|comedian|comic|veteran)"
"""Nouns that say a person named after them performs ("with Scottish actor P in the title
role", "played by comedy veteran P")."""
MACROS["CAST_ITEM"] = (
    r"(?:(?:former |ex- |one-time )?(?:«[CXNF]\d+» )?(?:{ADJ})??(?:actor|actress|star|singer|"
    r"comedian|rapper|model|newcomer|"
    r"comic|funnyman|heart-throb|hunk|stalwart|stunner|babe|beauty|bombshell|boxer|footballer)"
    r"(?: ,)? |«[XN]\d+» (?:winner|nominee) |«[PN]\d+» 's (?:[a-z-]+ ){1,2}?|«[XC]\d+» 's |"
    r"«[PN]\d+» {REGULARS} |(?:a|an) (?:young|then-unknown|"
    r"little-known|then-little-known|teenage|pre-fame|fresh-faced|youthful|baby-faced) )?"
    r"{PERSON}(?! 's)(?: , \d{1,2}(?= ,)(?: ,(?= (?:and|&) [^a-z])| ,(?= [a-z]))?)?(?: (?:\( )?as {CHAR}(?: \))?| \( «[NXP]\d+» \))?"
    r"(?: in (?:a|an|his|her|their) (?:[a-z-]+ ){0,2}?(?:role|part|debut|cameo|appearance))?"
)
"""One member of a cast list: "British actress «P» , 34 , as «C»", "Oscar winner «P»", "«P» in a
supporting role"; in
"«P» 's husband «Q»" the member is «Q», and a name that owns something is none ("«P» 's son")."""
MACROS["CASTLIST"] = "{CAST_ITEM}" + _LIST_TAIL.replace("{X}", "{CAST_ITEM}")
MACROS["FILMREF_P"] = r"(?:«A\d+»|{TITLE_P})"
MACROS["NUMBER"] = (
    r"(?:(?:more than |over |nearly |almost |about |around |at least |close to |some )?(?:\d+ |"
    r"two |three |four |five |six |seven |eight |nine |ten |a dozen |dozens of |hundreds of )|"
    r"several |many |some |a number of |a string of |a series of |a few )"
)
"""How many films: "three", "more than 30", "dozens of", "several"."""
MACROS["ORG_ITEM"] = (
    r"(?:the (?:(?:public |private |independent |film |production |distribution |«C\d+» )?"
    r"(?:company|studio|firm|broadcaster|distributor) (?:named |called )?|{YEAR} founded )|the |"
    r"«[XCPN]\d+» 's (?:[a-z]+-based )?|[a-z]+-based |{OWNED_COMPANY})?{ORG}"
)
"""One company of a list: "the company named «O»", "the public company «O»", "France's «O»",
"Rennard's company «O»", "US studio «O»"."""
MACROS["QUALIFIED_NOUN"] = (
    r"(?:actor|actress|star|singer|comedian|presenter|rapper|model|host|director|writer|veteran|"
    r"legend|icon|newcomer)"
)
"""Person nouns a title or show may qualify, a name after them: "EastEnders actress «P»"."""
MACROS["OWNED_COMPANY"] = (
    r"(?:«[PN]\d+» 's (?:own )?(?:production )?(?:company|firm|studio|banner|outfit) (?:, )?|"
    r"«[XCN]\d+» (?:studio|company|distributor|firm) )"
)
"""What may stand before a company's name: its owner's possessive with a company noun ("Rennard's
company «O»"), or a place and a company noun ("US studio «O»", "Bucharest company «O»")."""
MACROS["ORGS"] = r"(?:«[XC]\d+» 's |[a-z]+-based |{OWNED_COMPANY})?{ORG}" + _LIST_TAIL.replace(
    "{X}", "{ORG_ITEM}"
)
"""Companies: "Glasgow-based «O» and Oslo's «O»", "«O» and Vesna Kral's Zagreb-based «O»"."""
MACROS["AGENTS"] = (
    "{AGENT}"
    + _LIST_TAIL.replace(
        "{X}",
        r"(?:«[XC]\d+» 's |(?:the )?(?:[a-z-]+ )?(?:studio|company|firm|distributor) |"
        r"(?:his|her|their) (?:(?:long-time|longtime|regular|frequent) )?(?:writing |producing )?"
        r"(?:partner|collaborator) )?{AGENT}",
    )
    + r"(?: , and (?:the )?(?:[a-z-]+ )?(?:studio|company|firm|distributor) {AGENT})?"
)
"""People or companies: "P and Q", "O, O2 and France's O3", "O and independent studio O2", "P and
his longtime writing partner Q"."""
MACROS["KIN"] = (
    r"(?:his|her|their) (?:(?:younger|older|elder|twin|late|long-time|longtime) )?(?:brother|sister|"
    r"wife|husband|son|daughter|father|mother|partner|cousin|uncle|aunt|nephew|niece|brother-in-law|"
    r"sister-in-law|collaborator) "
)
"""A kinship noun before a name ("produced by his brother P"): P is the agent, the noun says who P
is to the subject."""
MACROS["ROLE_PASSIVES"] = (
    r"{ROLE_PASSIVE}(?: , {ROLE_PASSIVE})*(?:(?: ,)? (?:and|&|/) {ROLE_PASSIVE})*"
)
MACROS["FRONTED_CLAUSE"] = r"(?:(?:also )?starring {PEOPLE}|{ROLE_PASSIVES} by {AGENTS})"
"""One of the participle clauses a sentence may open with before its film ("Written by P and
starring Q, F opens"): the rules for the other clause skip it."""
MACROS["FILM_REQUIRED"] = (
    r"(?:(?:the |a |an |his |her |their |«[PN]\d+» 's )?(?:{ADJ}){0,3}?{FILM_NOUN} (?=«[FN]\d+»)"
    r"|(?=«F\d+»))"
)
"""What puts a film before an untyped name: a film noun ("the thriller «N»"), unless the name is
already a film («F»). A post "as director of «N»" is as often one of a festival or an agency."""
MACROS["REUNITE"] = (
    r"(?:reunite|reunites|reunited|reuniting|reteam|reteams|reteamed|re-team|re-teams|re-teamed|"
    r"team up|teams up|teamed up|teaming up)"
)
"""Verbs of working together again ("reunite with", "team up with")."""
REUNITE_WORDS = (
    "reunite", "reunites", "reunited", "reuniting", "reteam", "reteams", "reteamed", "re-team",
    "re-teams", "re-teamed", "team", "teams", "teamed", "teaming",
)  # fmt: skip
"""The words one of which a sentence needs for a :data:`MACROS` ``REUNITE`` rule."""
MACROS["BY_WHOM"] = (
    r"(?:{KIN}(?:, )?|the (?=«O)|«[XC]\d+» 's (?=«)|«[PN]\d+» 's (?=«O)|«[PN]\d+» 's (?:own |regular |long-time |longtime |usual )?(?:production )?"
    r"(?:company|firm|studio|banner|outfit|editor|composer|cinematographer|collaborator|partner|"
    r"writing partner|producer)(?: ,)? |(?:comedy |writing |songwriting |producing )?(?:duo|team|"
    r"pair|double act) |(?:«X\d+» 's )?(?:the )?(?:(?:{ADJ}|«[CX]\d+» ){0,3}?(?:{ROLE_NOUN}|"
    r"{QUALIFIED_NOUN}|playwright|novelist|songwriter|musician|comic|film-maker|filmmaker) |«[NO]\d+» "
    r"(?:president|chief|boss|head|founder|co-founder|chairman|chairwoman|ceo) |(?:«[CX]\d+» )?(?:(?!(?:and|or|the|an?|of|in|on|"
    r"for|to|with|at|from) )[a-z][\w'-]* ){1,3}?(?=«)))?"
)
"""What may stand between "by" and its agent: a kinship noun, the agent's description ("by
Glasgow playwright P", "by music video veteran P", "by Australian P"), or a possessor whose
company or collaborator the agent is ("by Tate's company, O", "by Trask's regular editor, Q")."""
MACROS["ROLE_NOUNS"] = r"{ROLE_NOUN}(?: (?:and|&|/) (?:{ROLE_NOUN}|{STAR_NOUN}))*"
MACROS["FILM_NOUN_SG"] = (
    r"(?:film|movie|picture|feature|documentary|comedy|drama|thriller|epic|biopic|flick|blockbuster|"
    r"western|musical|animation|short)"
)

_MACRO = re.compile(r"\{([A-Z_]+)\}")


def expand(pattern: str) -> str:
    """``pattern`` with every ``{MACRO}`` replaced, recursively.

    >>> expand("{FILM} , directed by {PERSON}")
    '«F\\\\d+» , directed by «[PN]\\\\d+»'
    """
    for _ in range(6):
        new = _MACRO.sub(lambda m: MACROS[m.group(1)], pattern)
        if new == pattern:
            return new
        pattern = new
    raise ValueError(f"macros nest too deep in {pattern!r}")


RULE_FLAGS = frozenset(
    {"actor_possessive", "agent_subject", "apposition", "by_occupation", "cast_unless_director",
     "companion", "company_anaphor", "country_names", "fallback", "film_optional", "film_subject",
     "hedge_from_film", "it_subject", "no_work_subject", "noun_pairs", "org_only",
     "person_film_pairs", "platform", "replacement", "same_name", "same_series", "series", "unnamed_film"}
)  # fmt: skip
"""The flags a :class:`Rule` may carry; :mod:`kg.extract.engine` reads each (a misspelt flag
would do nothing, so a rule refuses one it does not know)."""


@dataclass(frozen=True)
class Rule:
    """One pattern of a rule family: what it matches and what it yields.

    ``relation`` is fixed, or ``None`` when the words of the ``cue`` group name it ("written and
    directed by" gives screenwriter and director). ``film`` is the group with the film(s) (a
    missing group: the film the sentence is about, see :mod:`kg.extract.engine`); ``agent`` the
    person(s) or company(ies); ``character`` a character's name; ``value`` a literal (a date, a
    nationality). ``inverse`` also emits the inverse fact (sequels). ``explicit`` says whether a
    careful reader counts the wording as stating the fact (possessives and award wording do
    not). ``needs`` are words one of which must be in the sentence for the rule to be tried.
    """

    name: str
    pattern: str
    relation: Relation | None = None
    explicit: bool = True
    film: str | None = "film"
    agent: str | None = "agent"
    character: str | None = None
    value: str | None = None
    inverse: Relation | None = None
    other: str | None = None  # a second film (sequel to ...)
    needs: tuple[str, ...] = ()
    respectively: bool = False
    flags: frozenset[str] = field(default_factory=frozenset)

    def __post_init__(self) -> None:
        """Refuse a flag the engine does not read.

        >>> Rule("x.y", "«F0»", Relation.DIRECTOR, flags=frozenset({"film_optinal"}))
        Traceback (most recent call last):
        ...
        ValueError: rule x.y: unknown flag(s) film_optinal (see RULE_FLAGS)
        """
        unknown = self.flags - RULE_FLAGS
        if unknown:
            raise ValueError(
                f"rule {self.name}: unknown flag(s) {', '.join(sorted(unknown))} (see RULE_FLAGS)"
            )

    def __hash__(self) -> int:
        """The hash of the rule's name (equal rules have equal names): rules key memoised guards,
        and the hash of every field, made each time, costs more than the guard's lookup."""
        return hash(self.name)

    @cached_property
    def regex(self) -> re.Pattern[str]:
        """The compiled pattern."""
        return re.compile(expand(self.pattern))
