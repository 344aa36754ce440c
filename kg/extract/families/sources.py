"""Where a film comes from: sequels ("F is the sequel to G"), series ("the Mission: Impossible
movies") and source material ("based on the novel by ...", "an adaptation of G")."""

from __future__ import annotations

from typing import Any

from ...model import Relation
from ..patterns import Rule


def _order_rule(name: str, pattern: str, relation: Relation, **options: Any) -> Rule:
    """A rule between two films of a series: ``film`` follows (or is followed by) ``other``,
    and the inverse fact is stated too ("G is the sequel to F": G follows F, F is followed by G).
    """
    inverse = Relation.FOLLOWED_BY if relation is Relation.FOLLOWS else Relation.FOLLOWS
    return Rule(name, pattern, relation, agent=None, other="other", inverse=inverse, **options)


_PLACE_IN_SERIES = (
    r"^(?:it |«A\d+» )(?:is |was )(?:the )?(?:[a-z]+ )?(?:film|movie|instalment|installment|entry|"
    r"part|chapter) (?:in|of) (?:the )?(?:«[NFX]\d+» )?(?:trilogy|series|franchise|saga) "
    r"(?:\( [^()]{1,20} \) )?, "
)
"""The head of a sentence that places the film in a series ("It is the third film in the Salt
trilogy, ..."): what it was preceded or followed by is the film before or after it."""

_SOURCE_WORK = (
    r"(?:novel|book|play|musical|opera|comic|comic book|story|short story|memoir|novella|poem|game|"
    r"stage play|stage show|show|radio play|manga|series)"
)
"""Works a film may be based on."""

_HOW_CLOSELY = r"(?:loosely |partly |largely |substantially |closely |heavily |freely )?"
"""How closely a film follows its source ("loosely based on", "substantially based on")."""

_SOURCE_WORK_NAMED = (
    r"(?:the |a |an |his |her |their |«[PN]\d+» 's |(?:his|her|their|the) [a-z-]+ 's )?(?:{ADJ}){0,3}?"
    + _SOURCE_WORK
    + r"(?: (?:of|by) «[PN]\d+»)?(?: ,)? "
)  # fmt: skip
"""The work's noun phrase before its title: "the 1962 novel by Owen Sato, ", "her grandmother's
memoir, "."""


NUMBERED_TITLE = _order_rule("sources.numbered_title", r"(?!)", Relation.FOLLOWS, film=None)
"""Not run on sentences: the engine applies it to the titles of an article's films. A film
titled as another of them with the next number ("Raptor Island 2", "Rooftop Rhythm II: Higher
Ground" after "Rooftop Rhythm") follows it."""


RULES: tuple[Rule, ...] = (
    _order_rule(
        "sources.sequel_to",
        # not "recording a second album with the Haar, the follow-up to G": the apposition of a
        # name after "with" is about the thing done with it
        r"(?<!with )(?<!with the )(?P<film>{FILMREF}) (?:, |is |was |will be |, which is |which is |(?:is|was) (?:a|an) (?:{YEAR} )?"
        r"(?:{ADJ}){0,4}?{FILM_NOUN} (?:and |, ))?(?:the |a |its )?"
        r"(?:{ADJ}){0,2}?(?:sequel|follow-up) to (?:the |{YEAR} 's |last (?:year|summer|winter|spring|autumn|fall) 's )?(?:{ADJ}){0,2}?(?:«[PN]\d+» )?"
        r"(?:{FILM_NOUN} )?(?P<other>{TITLE})",
        Relation.FOLLOWS,
        needs=("sequel", "follow-up"),
    ),
    _order_rule(
        "sources.prequel_to",
        r"(?P<film>{FILMREF}) (?:, |is |was |will be |, which is |which is |(?:is|was) (?:a|an) (?:{YEAR} )?"
        r"(?:{ADJ}){0,4}?{FILM_NOUN} (?:and |, ))?(?:the |a |its )?"
        r"(?:{ADJ}){0,2}?prequel to (?:the )?(?:{ADJ}){0,2}?(?:«[PN]\d+» )?(?:{FILM_NOUN} )?"
        r"(?P<other>{TITLE})",
        Relation.FOLLOWED_BY,
        needs=("prequel",),
    ),
    _order_rule(
        "sources.title_sequel_title",
        r"(?P<other>«[FN]\d+») (?:sequel|follow-up) (?:, (?=«[FN]\d+» ,))?(?P<film>{TITLE})",
        Relation.FOLLOWS,
        needs=("sequel", "follow-up"),
    ),
    _order_rule(
        "sources.sequel_appos",
        r"(?:the |a )(?:{ADJ}){0,2}?sequel to (?P<other>{TITLE})(?: ,)? (?:called |titled |entitled )?"
        r"(?P<film>{TITLE})",
        Relation.FOLLOWS,
        needs=("sequel",),
    ),
    _order_rule(
        "sources.possessive_sequel",
        r"(?P<other>«[FN]\d+») 's (?:{ADJ}){0,2}?(?:sequel|follow-up) (?:, )?(?:called |titled |entitled )?"
        r"(?P<film>{TITLE})",
        Relation.FOLLOWS,
        needs=("sequel", "follow-up"),
    ),
    _order_rule(
        "sources.possessive_prequel",
        r"(?P<other>«[FN]\d+») 's (?:{ADJ}){0,2}?prequel (?:, )?(?:called |titled |entitled )?"
        r"(?P<film>{TITLE})",
        Relation.FOLLOWED_BY,
        needs=("prequel",),
    ),
    _order_rule(
        "sources.and_its_sequel",
        r"(?P<film>{FILMREF}) (?:\( {YEAR} \) )?(?:and|&) its (?:{ADJ}){0,2}?sequels? (?:, )?"
        r"(?:called |titled |entitled )?(?P<other>{TITLES})",
        Relation.FOLLOWED_BY,
        needs=("sequel", "sequels"),
    ),
    _order_rule(
        "sources.follows_earlier_film",
        r"(?P<film>{FILMREF})(?: , which [^,;.]{1,80} ,| , which| ,)? (?:directly )?follows (?:on from )?(?:{YEAR} 's (?:{ADJ}){0,2}?"
        r"(?:{FILM_NOUN} )?|the (?:{YEAR} )?(?:{ADJ}){0,2}?(?:{FILM_NOUN}|original) )(?P<other>{TITLE})",
        Relation.FOLLOWS,
        needs=("follows",),
    ),
    _order_rule(
        "sources.followed_by_sequel",
        r"(?P<film>{FILMREF}) (?:[^«» .;]+ ){0,4}?followed by (?:a |the |two |its )?(?:{ADJ})?"
        r"sequels?(?: ,)? (?:called |titled )?(?P<other>{TITLES})",
        Relation.FOLLOWED_BY,
        needs=("followed",),
    ),
    _order_rule(
        "sources.followed_by_dated",
        r"(?P<film>{FILMREF})(?! and (?:was|is) ) (?:[^«».; ]+ ){0,8}?(?:was|is) followed by "
        r"(?:a |the |its )?(?:{ADJ})?"
        r"(?:sequels? (?:, )?)?(?P<other>{TITLE}) \( {YEAR} \)",
        Relation.FOLLOWED_BY,
        needs=("followed",),
    ),
    _order_rule(
        "sources.it_followed_by_dated",
        # "It was followed by F (1973)", "It is the sequel to G and was followed by F (2003)"
        r"(?:^|, )(?:it |«A\d+» )(?:(?:is|was) (?:[^«».;, ]+ |«[FN]\d+» ){1,10}?and )?(?:was |is )"
        r"(?:{ADV})?followed by (?:a |the |its )?(?:{ADJ})?"
        r"(?:sequels? (?:, )?)?(?=«[FN]\d+» \( {YEAR} \))(?P<other>{TITLES})",
        Relation.FOLLOWED_BY,
        film=None,
        needs=("followed",),
        flags=frozenset({"it_subject"}),
    ),
    _order_rule(
        "sources.it_followed_by_sequels",
        r"(?:^|, )(?:it |«A\d+» )(?:[^«».; ]+ ){0,3}?followed by (?:a |the |two |three |four |its )?"
        r"(?:{ADJ})?sequels?(?: ,)? (?:called |titled |entitled )?(?P<other>{TITLES})",
        Relation.FOLLOWED_BY,
        film=None,
        needs=("followed",),
        flags=frozenset({"it_subject"}),
    ),
    _order_rule(
        "sources.series_preceded_by",
        # "It was the second film in the Salt trilogy, preceded by F (1962) and followed by G"
        _PLACE_IN_SERIES + r"(?:and )?(?:it was )?preceded by (?P<other>{TITLE})",
        Relation.FOLLOWS,
        film=None,
        needs=("preceded",),
        flags=frozenset({"it_subject"}),
    ),
    _order_rule(
        "sources.series_followed_by",
        _PLACE_IN_SERIES + r"(?:and )?(?:(?:it was )?preceded by {TITLE} (?:\( [^()]{1,20} \) )?"
        r"(?:, )?and )?(?:it )?(?:was |is )?followed by (?P<other>{TITLE})",
        Relation.FOLLOWED_BY,
        film=None,
        needs=("preceded", "followed"),
        flags=frozenset({"it_subject"}),
    ),
    _order_rule(
        "sources.it_sequel_to",
        r"(?:^|, )(?:it |«A\d+» )(?:is |was |will be )(?:also )?(?:the |a |its )?(?:{ADJ}){0,2}?"
        r"(?:sequel|follow-up) to (?:the )?(?:{ADJ}){0,2}?(?:«[PN]\d+» )?(?:{YEAR} )?"
        r"(?:{FILM_NOUN} )?(?P<other>{TITLE})",
        Relation.FOLLOWS,
        film=None,
        needs=("sequel", "follow-up"),
        flags=frozenset({"it_subject"}),
    ),
    _order_rule(
        "sources.the_sequel_to_topic",
        r"(?:^|(?:for|of|in|on|with|from|at|during|to) )the (?:{ADJ})?(?:sequel|follow-up) to "
        r"(?P<other>{TITLE})(?! (?:,|called|titled|entitled|-) )",
        Relation.FOLLOWS,
        film=None,
        needs=("sequel", "follow-up"),
        flags=frozenset({"same_series"}),
    ),
    _order_rule(
        "sources.sequel_to_titled",
        # "There will also be a sequel to F, provisionally titled G, which ...": G follows F
        r"(?:a|the|its) (?:{ADJ})?(?:sequel|follow-up) to (?P<other>{TITLE}) , (?:(?:provisionally|"
        r"tentatively|simply|currently|to be) )?(?:titled|called|entitled) (?P<film>{TITLE})",
        Relation.FOLLOWS,
        needs=("titled", "called", "entitled"),
    ),
    _order_rule(
        "sources.its_predecessor",
        # "Its predecessor, Deadfall, took £14m": the film in view follows it
        r"(?:^|, |and )(?:its|the film 's|the movie 's|«A\d+» 's) (?:{ADJ})?predecessor(?: ,)? "
        r"(?P<other>«[FN]\d+»)",
        Relation.FOLLOWS,
        film=None,
        needs=("predecessor",),
    ),
    _order_rule(
        "sources.spawned_sequel",
        r"(?:^|, )(?:it |«A\d+» |the (?:film|movie) )?(?:{AUX}){0,2}(?:spawned|spawning|inspired|had|got) "
        r"(?:a|two|three|four|five) "
        r"(?:{ADJ})?sequels?(?: ,| :)? (?:called |titled |entitled )?(?P<other>{TITLES})",
        Relation.FOLLOWED_BY,
        film=None,
        needs=("sequel", "sequels"),
    ),
    _order_rule(
        "sources.title_a_sequel",
        r"(?:^|, )(?P<other>{TITLE}) , (?:a|the|its) (?:{ADJ})?sequel ,",
        Relation.FOLLOWED_BY,
        film=None,
        needs=("sequel",),
    ),
    _order_rule(
        "sources.a_sequel_named",
        # ("the spy sequel F": a sequel, not this film's)
        r"(?:^|, )(?:(?:an?|its) (?:{ADJ})?|the )(?:sequel|follow-up)(?: ,)? (?:called |titled |entitled )?"
        r"(?P<other>{TITLE})(?: ,| was | is | will | followed | came | arrived )",
        Relation.FOLLOWED_BY,
        film=None,
        needs=("sequel", "follow-up"),
    ),
    _order_rule(
        "sources.part_of_series_after",
        # "F, the third part of P's trilogy after G (1999) and H (2002)": F follows the last
        r"(?P<film>{FILMREF}|^it(?= is | was )) (?:, |is |was )(?:the )?(?:second|third|fourth|"
        r"fifth|sixth|seventh|latest|final|last|new) (?:{ADJ}){0,2}?(?:film|movie|instalment|"
        r"installment|entry|part|chapter) (?:in|of) (?:the |a |its |«[PN]\d+» 's )?(?:{ADJ}){0,2}?"
        r"(?:«[NFX]\d+» )?(?:trilogy|series|franchise|saga)(?: ,)? (?:after|following) "
        r"(?:«[FN]\d+» (?:\( {YEAR} \) )?(?:, |and ))*(?P<other>{TITLE})",
        Relation.FOLLOWS,
        needs=("after", "following"),
    ),
    Rule(
        "sources.series_named",
        r"(?:the |its |a )(?:{ADJ})?(?P<other>«[FN]\d+») (?:movies|films|franchise|series|saga|"
        r"trilogy|sequels|instalments|installments)\b",
        Relation.PART_OF_SERIES,
        film=None,
        agent=None,
        other="other",
        needs=(
            "movies",
            "films",
            "franchise",
            "series",
            "saga",
            "trilogy",
            "sequels",
            "instalments",
            "installments",
        ),
        flags=frozenset({"series"}),
    ),
    Rule(
        "sources.based_on",
        r"(?P<film>{FILMREF}|^it(?= is | was | will be )) (?:\( {YEAR} \) )?(?:, (?:an? |the )(?:{ADJ}){0,3}?"
        r"{FILM_NOUN} |, |is |was |will be |is to be |would be |"
        r", which is |which is |which was |"
        r"(?:is|was) (?:an? |the )(?:{YEAR} )?(?:{ADJ}){0,3}?{FILM_NOUN} (?:, )?)?(?:also )?"
        + _HOW_CLOSELY
        + r"(?:based on|adapted from|an adaptation of|a film version of|"
        r"(?:a |an |the )?(?:{ADJ}){0,2}?remake of|"
        r"a screen version of|a film adaptation of|the film adaptation of|(?:an?|the|«[PN]\d+» 's) (?:{ADJ}){0,2}?"
        r"(?:film |movie |screen |big-screen |big screen |cinema )?(?:adaptation|version) of) "
        r"(?:(?:the |a |an |his |her |their |«[PN]\d+» 's |the «[PN]\d+» )?(?:{ADJ}){0,3}?"
        + _SOURCE_WORK
        + r"(?: (?:of|by) «[PN]\d+»)?(?: ,)? |(?:the |a |an )?(?:{YEAR} )?(?:«C\d+» )?(?:{ADJ}){0,2}?"
        r"(?:film|movie|picture|{FILM_NOUN}) )?(?P<other>«[NFX]\d+»)(?! 's)",  # not "Bizet's opera"
        Relation.BASED_ON,
        agent=None,
        other="other",
        needs=("based", "adapted", "adaptation", "version", "remake"),
    ),
    Rule(
        "sources.adapted_from_own",
        r"(?P<film>{FILMREF}|^it(?= was | is | has been ))(?: , which| - a film| , a film)? "
        r"(?:[^«».; ]+ ){0,3}?(?:«[PN]\d+» |he |"
        r"she |they )?(?:adapted|adapts|took|takes) (?:by {BY_WHOM}«P\d+» )?(?:[^«».; ]+ ){0,3}?"
        r"from (?:his |her |their |the |a |«[PN]\d+» 's )?(?:own )?(?:{ADJ}){0,2}?(?:novel|book|play|stage play|musical|short story|story|memoir|"
        r"comic|comic book|poem|opera)(?: ,)? (?P<other>«[NFX]\d+»)",
        Relation.BASED_ON,
        agent=None,
        other="other",
        needs=("adapted", "adapts", "took", "takes"),
    ),
    Rule(
        "sources.screenplay_based_on",
        # "The screenplay, by P, is based on the 1962 novel G by Q": the text's film is
        r"^(?:the|its) (?:screenplay|script|story|plot)(?: , [^,;]{1,40} ,)? (?:is|was) "
        + _HOW_CLOSELY
        + r"(?:based on|adapted from) (?:"
        + _SOURCE_WORK_NAMED
        + r")?(?P<other>«[NFX]\d+»)",
        Relation.BASED_ON,
        film=None,
        agent=None,
        other="other",
        needs=("based", "adapted"),
    ),
    Rule(
        "sources.fronted_source",
        # "Adapted from P's novel G, the film has struggled": the film the main clause is about
        r"^"
        + _HOW_CLOSELY
        + r"(?:based on|adapted from|inspired by) "
        + _SOURCE_WORK_NAMED
        + r"(?P<other>«[NFX]\d+»)(?: \( [^()]* \))? , (?:(?P<film_ana>«A\d+»|it)|(?P<film>«[FN]\d+»))"
        r"(?! 's)",
        Relation.BASED_ON,
        agent=None,
        other="other",
        needs=("based", "adapted", "inspired"),
    ),
    Rule(
        "sources.script_adapting",
        # "P wrote the script, adapting Q's 2009 novel G", "P adapted the screenplay from Q's book G"
        r"(?:wrote|writes|penned|co-wrote|adapted|adapts) the (?:script|screenplay)(?: ,)? (?:adapting|"
        r"based on|from) (?:(?:the|a|an|his|her|their) |«[PN]\d+» 's )?(?:[^«».;, ]+ |«C\d+» ){0,4}?"
        + _SOURCE_WORK
        + r"(?: ,)? (?P<other>«[NFX]\d+»)(?! 's)",
        Relation.BASED_ON,
        film=None,
        agent=None,
        other="other",
        needs=("script", "screenplay"),
    ),
    Rule(
        "sources.and_based_on_topic",
        # "F, will be directed by P and is based on his own hit stage show, G": the clause's film
        r"(?:, |and )(?:is|was|will be) (?:also )?"
        + _HOW_CLOSELY
        + r"(?:based on|adapted from) "
        + _SOURCE_WORK_NAMED
        + r"(?P<other>«[NFX]\d+»)(?! 's)",
        Relation.BASED_ON,
        film=None,
        agent=None,
        other="other",
        needs=("based", "adapted"),
    ),
    Rule(
        "sources.inspired_by_work",
        r"(?P<film>{FILMREF}) (?:, |is |was |, which is |which is |which was )?(?:also )?(?:loosely )?"
        r"inspired by " + _SOURCE_WORK_NAMED + r"(?P<other>«[NFX]\d+»)",
        Relation.BASED_ON,
        agent=None,
        other="other",
        needs=("inspired",),
    ),
    Rule(
        "sources.adapted_into",
        r"(?P<other>{NAME}) (?:, [^«».;]{1,40} , )?(?:{AUX}){0,2}(?:been )?(?:adapted|made|turned) into "
        r"(?:an? |the )?(?:{ADJ}){0,2}?(?:{FILM_NOUN} )(?:(?:called|titled|entitled) )?(?P<film>{TITLE})",
        Relation.BASED_ON,
        agent=None,
        other="other",
        needs=("adapted", "made", "turned"),
    ),
    Rule(
        "sources.work_to_be_filmed",
        # "Best-selling video game G is to be made into a feature film": a film of G's title
        r"(?:^|, )(?:the |his |her |their |«[PN]\d+» 's )?(?:{ADJ}){0,3}?(?:«[NX]\d+» )?(?:{ADJ}){0,2}?"
        + _SOURCE_WORK
        + r" (?:, )?(?P<other>«[NFX]\d+»)(?: ,)? (?:is|has|will|are)(?: to| also| now| being| been"
        r"| be){0,3} (?:made|turned|adapted) into an? (?:{ADJ}){0,2}?(?:feature |big-screen |"
        r"cinema )?(?:film|movie)(?! (?:called|titled|entitled|«))",
        Relation.BASED_ON,
        film="other",
        agent=None,
        other="other",
        needs=("made", "turned", "adapted"),
    ),
    Rule(
        "sources.version_of_topic",
        r"(?:^|, |over |about |on )(?:an?|the) (?:film|movie|screen|big-screen) (?:version|adaptation) of "
        r"(?:«[PN]\d+» 's )?(?:{ADJ}){0,2}?"
        r"(?:novel|book|play|musical|opera|story|comic)? ?(?P<other>«[NFX]\d+»)(?! 's)",
        Relation.BASED_ON,
        film=None,
        agent=None,
        other="other",
        needs=("version", "adaptation"),
    ),
    Rule(
        "sources.based_on_same_name",
        # "It is based on the 1988 novel of the same name by P": a work titled as the film
        r"\b(?:based on|adapted from|an adaptation of|a film version of|(?:an?|the) (?:{ADJ}){0,2}?"
        r"(?:film |movie |screen )?(?:adaptation|version) of) (?:the |a |an |«[PN]\d+» 's )?"
        r"(?:{YEAR} )?(?:{ADJ}){0,2}?(?:novel|book|play|musical|comic|comic book|story|short story|"
        r"memoir|novella|poem|stage play|manga|bestseller|best-seller) of the same (?:name|title)\b",
        Relation.BASED_ON,
        film=None,
        agent=None,
        needs=("same",),
        flags=frozenset({"same_name"}),
    ),
    Rule(
        "sources.adaptation_of_same_title",
        r"(?:in|of|for|from|to|on|into) (?:the|an?) (?:{ADJ}){0,2}?(?:film|movie|screen|big-screen|"
        r"big screen) (?:adaptation|version) of (?:the (?:{ADJ}){0,2}?(?:novel|book|play|musical|"
        r"comic|memoir|story|bestseller) )?(?P<other>«[NFX]\d+»)(?:(?! , «| \( )|(?= , «[PN]\d+» 's "
        r"(?:{ADJ}){0,3}?" + _SOURCE_WORK + r"\b))",  # "a film version of G, Q's novel"
        Relation.BASED_ON,
        film="other",
        agent=None,
        other="other",
        needs=("adaptation", "version"),
    ),
)
