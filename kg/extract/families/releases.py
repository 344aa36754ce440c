"""Release dates: a release verb or noun governing a date with a year ("is due for release on May
19, 2006", "hits theaters on April 22, 2016"), or a year written as the film's attribute ("1943
film The Outlaw", "1999's American Beauty", "Heat (1995)"). Premieres, festival screenings and
broadcasts are not releases; dates without a year are not taken."""

from __future__ import annotations

from ...model import Relation
from ..lexicon import STRONG_FILM_NOUNS
from ..patterns import FILM_NOUN_WORDS, Rule

RELEASE = Relation.RELEASE_DATE

DATED_FOR = (
    r"(?:dated|slated|scheduled|set) (?:the )?(?:{ADJ}){0,2}?(?:{FILM_NOUN} )?(?P<film>{TITLE}) "
    r"for (?:a |an )?(?:release on |release |theatrical release on |(?:{ADJ})?release date of )?"
)
"""A studio setting a film's date: "Universal has dated Iron Psalm for July 4, 2025"."""

_RELEASE_CUE = (
    r"(?:released|release|releases|opens|opened|opening|open|hits|hit|arrives|arrived|"
    r"out|debuts|debuted|bows|bowed|launches|launched|came out|comes out|reaches|premiered|premieres|"
    r"aired|airs)"
)

_DATED_FILM_NOUNS = tuple(
    sorted((STRONG_FILM_NOUNS - {"films", "movies", "hit"}) | {"musical", "romance"})
)
"""Nouns for a film that a year before them dates: "the 1962 adventure Iron Gate" (not "hit":
"the 1985 hit X" is as often a song)."""
_NOT_ON_SCREEN = (
    r"(?!(?:[^ ]+ ){0,2}?(?:(?:stage|theatre|theater|broadway|tv|television|radio) [^ ]+|«X\d+» "
    r"musical)(?= [,.;:)]| |$))"
)
"""What makes the dated work no film: a stage, TV or radio one ("the 2001 Broadway musical",
"the 1981 stage musical", "the 1990 TV drama"); a musical after a place is on stage ("the 1975
West End musical")."""

RULES: tuple[Rule, ...] = (
    Rule(
        "releases.release_of_moved_to",
        # "The release of F has been pushed back to 12 March 2025": the date it now has
        r"(?:^|, )(?:the |its )?(?:{ADJ})?release (?:date )?of {FILM_OF}(?P<film>{TITLE}) (?:{AUX}){0,3}?"
        r"(?:been )?(?:pushed back|moved|moved up|moved back|brought forward|delayed|postponed|"
        r"shifted|set|scheduled|confirmed|fixed) (?:to|for|as) (?P<value>{DATE})",
        RELEASE,
        agent=None,
        value="value",
        needs=("release",),
    ),
    Rule(
        "releases.film_date",
        # (not "Co-produced with F, it was released ...": "it" is another subject; nor "O will
        # release it on D": who releases something is no film)
        r"(?P<film>{FILMREF})(?! , (?:it|he|she|they) )"
        r"(?! (?:(?:will|would|is to|plans to|is set to|has|had|is) )?(?:release|releases|released|"
        r"releasing) (?:it|them|the film|the movie|«[FNA]\d+»))(?: , (?:[^«».; ]+ ){0,3}?{PEOPLE} ,)?"
        r"(?: (?:co-)?stars {PEOPLE} and)?"
        r"(?: ,)? (?:(?:is |was )?"
        r"{ROLE_PASSIVES} by {AGENTS} (?:, |and ))?"
        r"(?:[^«».; ]+ |«[CX]\d+» ){0,9}?"
        + _RELEASE_CUE
        + r" (?:[^«».; ]+ |«[CX]\d+» |by «O\d+» ){0,5}?"
        r"(?:on |in |for |from |by )?(?P<value>{DATE})",
        RELEASE,
        agent=None,
        value="value",
        needs=(
            "released",
            "release",
            "releases",
            "opens",
            "opened",
            "opening",
            "open",
            "hits",
            "hit",
            "arrives",
            "arrived",
            "out",
            "debuts",
            "debuted",
            "bows",
            "bowed",
            "launches",
            "launched",
            "comes",
            "came",
            "reaches",
            "premiered",
            "premieres",
            "aired",
            "airs",
        ),
        flags=frozenset({"film_subject"}),
    ),
    Rule(
        "releases.topic_date",
        r"(?:^|, |and |with |«A\d+» )(?:it |the film |the movie )?(?:{AUX}){0,2}(?:be )?(?:released|"
        r"due for release|set for release|slated for release|scheduled for release|"
        r"(?:due |set |slated |scheduled |expected )?out|(?:a |its )?"
        r"(?:planned |scheduled |expected |proposed |provisional )?release(?: date)?) "
        r"(?:[^«».; ]+ |«[XC]\d+» |(?<=by )«[ON]\d+» ){0,4}?(?:on |in |for |of )?(?P<value>{DATE})",
        RELEASE,
        film=None,
        agent=None,
        value="value",
        needs=("released", "release", "out"),
    ),
    Rule(
        "releases.fronted_released_on",
        # "Released by O on June 3, 1971, it grossed $12 million": a fronted participle
        r"^released (?:theatrically )?(?:in (?:the )?«[XC]\d+» )?(?:by «[ONX]\d+» )?(?:in (?:the )?"
        r"«[XC]\d+» )?on (?P<value>{DATE}) , (?:it|«A\d+») ",
        RELEASE,
        film=None,
        agent=None,
        value="value",
        needs=("released",),
    ),
    Rule(
        "releases.it_opens",
        r"(?:^|, |and )(?:it |«A\d+» )(?:{AUX}){0,2}(?:opens|opened|open|opening|hits|hit|arrives|"
        r"arrived|arrive|debuts|debuted|bows|bowed|lands|landed|comes out|came out|come out|goes on "
        r"release|went on release) (?:[^«».; ]+ |«[XC]\d+» ){0,4}?(?:on |in |from )?(?P<value>{DATE})",
        RELEASE,
        film=None,
        agent=None,
        value="value",
        needs=(
            "opens",
            "opened",
            "open",
            "opening",
            "hits",
            "hit",
            "arrives",
            "arrived",
            "arrive",
            "debuts",
            "debuted",
            "bows",
            "bowed",
            "lands",
            "landed",
            "comes",
            "came",
            "come",
            "goes",
            "went",
        ),
        flags=frozenset({"film_subject"}),
    ),
    Rule(
        "releases.and_in_region",
        r"«D\d+» (?:, )?and in (?:the )?«[XC]\d+» (?:cinemas |theatres |theaters )?(?:on |in )?"
        r"(?P<value>{DATE})",
        RELEASE,
        film=None,
        agent=None,
        value="value",
        needs=("and",),
    ),
    Rule(
        "releases.year_film",
        # the word before the year is read from its start (see crew.work_by)
        r"(?:^|(?<![^«» ])[^«» ]+ )(?P<value>{YEAR}) "
        + _NOT_ON_SCREEN
        + r"(?:{ADJ}){0,2}?(?:"
        + "|".join(_DATED_FILM_NOUNS)
        + r") "
        r"(?P<film>{TITLE})",
        RELEASE,
        agent=None,
        value="value",
        needs=_DATED_FILM_NOUNS,
    ),
    Rule(
        "releases.title_appos_year",
        r"(?P<film>{TITLE}) , (?:a |an |the )(?P<value>{YEAR}) "
        + _NOT_ON_SCREEN
        + r"(?:{ADJ}){0,2}?(?:"
        + "|".join(_DATED_FILM_NOUNS)
        + r")(?= [,.;:)]| directed| starring| by| from| about| that| which| written| with| set|$)",
        RELEASE,
        agent=None,
        value="value",
        needs=_DATED_FILM_NOUNS,
    ),
    Rule(
        "releases.year_possessive",
        r"(?P<value>{YEAR}) 's (?:{ADJ}){0,2}?(?:{FILM_NOUN} )?(?P<film>{TITLE})",
        RELEASE,
        agent=None,
        value="value",
        explicit=False,
        needs=("'s",),
    ),
    Rule(
        "releases.studio_dated",
        r"{ORG} (?:{AUX}|{ADV}){0,2}" + DATED_FOR + r"(?P<value>{DATE})",
        RELEASE,
        agent=None,
        value="value",
        needs=("dated", "slated", "scheduled", "set"),
    ),
    Rule(
        "releases.set_as_the_release_date",
        # "O has set Nov. 27, 2013, as the release date for F"
        r"(?:set|sets|setting|picked|chose|chosen) (?P<value>{DATE})(?: ,)? as (?:the|a) (?:[a-z-]+ )?"
        r"(?:release|opening) date (?:for|of) (?:the )?(?:{ADJ}){0,2}?(?:{FILM_NOUN} )?(?P<film>{TITLE})",
        RELEASE,
        agent=None,
        value="value",
        needs=("date",),
    ),
    Rule(
        "releases.title_year",
        # After "remake of" or "the original", the year dates the earlier film of the same name.
        r"(?<!remake of )(?<!version of )(?<!original )(?<!remaking )"
        r"(?P<film>{TITLE}) \( (?:{ADJ})?(?P<value>{YEAR}) (?:film |movie )?\)",
        RELEASE,
        agent=None,
        value="value",
        needs=("(",),
    ),
    Rule(
        "releases.lead_year",
        r"^(?P<film>{TITLE}) (?:\( [^)]* \) )?(?:, )?(?:(?:is|was) )?an? (?P<value>{YEAR}) (?:{ADJ}){0,4}?"
        r"{FILM_NOUN}",
        RELEASE,
        agent=None,
        value="value",
        needs=FILM_NOUN_WORDS,
    ),
    Rule(
        "releases.made_in",
        # (not "shot" or "filmed in 2003": a film is often released the year after)
        r"(?:^|, |and )(?:it |«A\d+» )?(?:was )?(?:made|produced|completed) in "
        r"(?P<value>{YEAR})",
        RELEASE,
        film=None,
        agent=None,
        value="value",
        needs=("made", "produced", "completed"),
        flags=frozenset({"fallback"}),
    ),
    Rule(
        "releases.released_in_year",
        r"(?P<film>{FILMREF}){FILM_APPOS}(?: ,)? (?:which |that )?(?:was |is |had been |has been |"
        r"will be |is to be |is due to be |is set to be |is expected to be )?"
        r"(?:first |originally |initially )?released (?:theatrically |direct-to-video |direct-to-dvd |"
        r"straight-to-video |straight-to-dvd |on (?:dvd|video|vhs|blu-ray) )?in (?P<value>{YEAR})"
        r"(?! (?:film|movie|«))",
        RELEASE,
        agent=None,
        value="value",
        needs=("released",),
        flags=frozenset({"fallback"}),
    ),
    Rule(
        "releases.lead_released_in_year",
        r"^{TITLE} (?:is|was) (?:an? |the )(?:[^«».; ]+ |«C\d+» ){0,6}?{FILM_NOUN} (?:first |originally |"
        r"initially )?released (?:theatrically )?in (?P<value>{YEAR})(?! (?:film|movie|«))",
        RELEASE,
        film=None,
        agent=None,
        value="value",
        needs=("released",),
        flags=frozenset({"fallback"}),
    ),
    Rule(
        "releases.title_made_in",
        r"(?P<film>{TITLE}) , (?:which |that )?(?:was |is )?(?:made|produced|released) in "
        r"(?P<value>{YEAR})",
        RELEASE,
        agent=None,
        value="value",
        needs=("made", "produced", "released"),
        flags=frozenset({"fallback"}),
    ),
    Rule(
        "releases.released_on_platform",
        r"(?:(?P<film>{FILMREF}){FILM_APPOS} )?(?:[^«».; ]+ ){0,8}?(?:released|premiered|launched|"
        r"debuted|arrives|arrived|streams|streaming|available) (?:exclusively |globally |worldwide )?"
        r"on (?P<agent>«[ON]\d+»)(?= on | in «D| from | ,| \.|$| and)",
        RELEASE,
        value=None,
        needs=(
            "released",
            "premiered",
            "launched",
            "debuted",
            "arrives",
            "arrived",
            "streams",
            "streaming",
            "available",
        ),
        flags=frozenset({"platform", "film_optional", "film_subject"}),
    ),
    Rule(
        "releases.platform_streams",
        r"(?P<agent>«[ON]\d+») (?:{AUX}|{ADV}){0,2}(?:stream|streams|streaming|streamed) (?:the )?"
        r"(?:{ADJ}){0,2}?(?:{FILM_NOUN} )?(?P<film>{TITLE})",
        RELEASE,
        value=None,
        needs=("stream", "streams", "streaming", "streamed"),
        flags=frozenset({"platform", "org_only"}),
    ),
    Rule(
        "releases.on_platform",
        r"(?:release|premiere|debut|arrival|launch|availability) of (?P<film>{FILMREF}) on "
        r"(?:streaming service |the streaming service |streaming platform )?(?P<agent>{ORG})",
        RELEASE,
        value=None,
        flags=frozenset({"platform"}),
        needs=("release", "premiere", "debut", "arrival", "launch"),
    ),
)
