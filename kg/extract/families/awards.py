"""Implicit credits a careful reader infers: possessives ("Clint Eastwood's Million Dollar Baby":
the director), award wording ("best actress for Vera Drake": cast), "the Mike Leigh film"."""

# ruff: noqa: RUF001  (typographic dashes are data here)

from __future__ import annotations

from ...model import Relation
from ..patterns import FILM_NOUN_WORDS, Rule

_NOMINEE = r"«[PN]\d+» (?:\( «[FNP]\d+» \)|(?:in|for) (?:the (?:film|movie) )?«[FNP]\d+»)"
"""A nominee and the film: "Jamie Foxx (Ray)", "Jamie Foxx in Ray", "Martin Scorsese for The Aviator"."""

_DIRECTING_DEBUT = r"(?:(?:directorial|directing|feature) debut|debut (?:as (?:a |the )?director|behind the camera))"
"""A first film as director: "Red Moon, Kate Brill's directorial debut"; a bare "debut" may be
an actor's and is not this."""

RULES: tuple[Rule, ...] = (
    Rule(
        "awards.possessive_director",
        # not "novelist P's G": a writer's work is a book; nor "The novel is P's G"
        r"(?<!novelist )(?<!author )(?<!writer )(?<!playwright )(?<!poet )(?<!dramatist )"
        r"(?<!novel is )(?<!novel was )(?<!book is )(?<!book was )(?<!play is )(?<!play was )"
        r"(?<!memoir is )(?<!source is )(?<!source was )"
        r"(?P<agent>{PERSON}) 's (?!(?:{ADJ}){0,2}?(?:sequel|prequel|follow-up)\b)"
        r"(?:(?:{ADJ}|«[PN]\d+» ){0,3}?{FILM_NOUN} (?:, )?)?(?P<film>{TITLE})"
        r"(?! (?:{STAR_NOUN}|castmate|castmates|actor|actress|director|producer|writer)\b)",
        Relation.DIRECTOR,
        explicit=False,
        flags=frozenset({"actor_possessive"}),
        needs=("'s",),
    ),
    Rule(
        "awards.appos_possessive_director",
        r"(?:^|, |to |for |of |in |on |at |from |and |with )(?P<film>{TITLE_P}) , (?:(?:director|film-maker|"
        r"filmmaker) )?"
        r"(?P<agent>{PERSON}) 's (?:(?:{ADJ}){0,3}?(?:{FILM_NOUN}|tale|story)\b|"
        + _DIRECTING_DEBUT
        + ")",
        Relation.DIRECTOR,
        explicit=False,
        flags=frozenset({"actor_possessive"}),
        needs=("'s",),
    ),
    Rule(
        "awards.is_directors_film",
        r"(?:^|, |and )(?P<film>{TITLE_P}) (?:is|was|will be|marks|became|becomes) (?:{ADV})?"
        r"(?:director|film-maker|filmmaker) (?P<agent>{PERSON}) 's (?:{ADJ}){0,3}?"
        r"(?:{FILM_NOUN}|feature|debut)\b",
        Relation.DIRECTOR,
        explicit=False,
        needs=("'s",),
    ),
    Rule(
        "awards.is_directorial_work",
        r"(?:^|, |and )(?P<film>{TITLE_P}) (?:is|was|will be|marks|became|becomes) (?:{ADV})?"
        r"(?:(?:actor|actress|star|comedian|singer) )?(?P<agent>{PERSON}) 's (?:{ADJ}){0,2}?"
        r"(?:directorial (?:debut|feature|film|effort)|"
        r"(?:{FILM_NOUN}|feature|debut) as (?:a )?director)\b",
        Relation.DIRECTOR,
        needs=("'s",),
    ),
    Rule(
        "awards.pronoun_possessive_film",
        r"(?:^|, |and |but |for |with |from |(?:defended|defends|defending|promoted|promotes|promoting|"
        r"unveiled|unveils|unveiling|presented|presents|presenting|premiered|premieres|completed|"
        r"completes|finished|finishes) )(?P<agent>his|her) (?:{ADJ}){0,3}?(?:{YEAR} )?(?:{ADJ}){0,2}?"
        r"(?:{FILM_NOUN}|work|films|movies|credits)(?: (?:was|is|were|are|included|includes|"
        r"include))?(?: ,)? (?P<film>{TITLES_P})",
        Relation.DIRECTOR,
        explicit=False,
        needs=("his", "her"),
        flags=frozenset({"by_occupation"}),
    ),
    Rule(
        "awards.appos_film_from",
        r"(?P<film>{TITLE_P}) , (?:the |a |an )(?:{ADJ}){0,2}?{FILM_NOUN} from (?P<agent>{PERSON})"
        r"(?! (?:and|&) | , «)",
        Relation.DIRECTOR,
        explicit=False,
        needs=("from",),
    ),
    Rule(
        "awards.category_line",
        r"^(?:and the )?best (?:new |supporting |leading |lead |british |foreign |international |"
        r"original |adapted )?(?P<cue>director|actor|actress|screenplay|original screenplay|"
        r"adapted screenplay|score|original score|cinematography|editing)(?: in a (?:leading|"
        r"supporting) role)?(?: (?:award|prize))? (?::|-|–|—) (?:winner )?(?P<agent>{PEOPLE})"
        r"(?: (?:-|–|—|,|for|in) | \( )(?:{FILM_NOUN} )?(?P<film>{TITLE_P})(?: \))?(?: \.)?$",
        explicit=False,
        needs=("best",),
    ),
    Rule(
        "awards.category_nominees",
        r"best (?:new |supporting |leading |lead |british |foreign |international |original |"
        r"adapted )?(?P<cue>director|actor|actress|screenplay|original screenplay|adapted screenplay|"
        r"score|original score|cinematography|editing)(?: in a (?:leading|supporting) role)?"
        r"(?: (?:nominees|nominations|contenders|shortlist|hopefuls|race))?(?: (?:are|include|includes|"
        r"included|were))?(?: :| -| –| , alongside| , along with| , against)? (?P<agent>"
        + _NOMINEE
        + r"(?:(?: ,| and| , and) "
        + _NOMINEE
        + r")+)",
        explicit=False,
        film=None,
        needs=("best",),
        flags=frozenset({"person_film_pairs"}),
    ),
    Rule(
        "awards.nomination_for_film",
        r"(?P<agent>{WHO}){APPOS} (?:, who |who )?(?:{AUX}|{ADV}){0,2}(?:(?:earned|earns|received|receives|won|wins|"
        r"got|gets|landed|lands|picked up|picks up|scooped|scoops|secured|secures|bagged|bags) "
        r"(?:an? |his |her |their |the )?(?:«X\d+» )?(?:award |prize |oscar |bafta |golden globe )?"
        r"(?:nomination|nod|award|prize|trophy)|(?:won|wins|picked up|picks up|scooped|scoops|"
        r"collected|nominated for) (?:an? |his |her |their |the )?«X\d+»(?: award| prize| "
        r"nomination| nod)?) for (?:his |her |their )?(?:role |part |"
        r"performance |turn )?(?:in )?{FILM_OF}(?P<film>{TITLES})",
        Relation.DIRECTOR,
        explicit=False,
        needs=(
            "nomination",
            "nod",
            "award",
            "prize",
            "trophy",
            "won",
            "wins",
            "picked",
            "picks",
            "scooped",
            "scoops",
            "collected",
            "nominated",
        ),
        flags=frozenset({"by_occupation"}),
    ),
    Rule(
        "awards.including_best_for",
        # "F leads with ten nominations, including best film and best director for P": the
        # sentence's film; the person after "for" has the category's role
        r"(?:nominations|nods|awards|prizes|bafta nominations|oscar nominations) (?:in all |in total )?"
        r", including (?:best (?:[a-z-]+ ){1,2}(?:, |and ))*best (?:new |supporting |leading |lead |"
        r"british |original |adapted )?(?P<cue>director|actor|actress|screenplay|original screenplay|"
        r"adapted screenplay|score|original score|cinematography|editing) for (?P<agent>{PERSON})"
        r"(?! 's)(?! (?:in|for) «)",
        film=None,
        explicit=False,
        needs=("including",),
    ),
    Rule(
        "awards.best_for",
        r"(?P<agent>{WHO}) (?:[^«».; ]+ ){0,8}?best (?:new |supporting |leading |lead |british |"
        r"foreign |international |original |adapted )?(?P<cue>director|actor|actress|screenplay|"
        r"original screenplay|adapted screenplay|score|cinematography|editing)(?: award| prize| "
        r"oscar| trophy| «X\d+»)? (?:[^«».; ]+ ){0,6}?for (?:(?P<film_ana>«A\d+»)|(?:his |her |their |the )?"
        r"(?:{ADJ}){0,2}?(?:{FILM_NOUN} )?(?P<film>{TITLES}))",
        explicit=False,
        needs=("best",),
    ),
    Rule(
        "awards.won_best_for_name",
        # "P won best actor for Amos Dunne": a title like a name, after a verb of winning (not
        # "nominations went to F, with best actor for P")
        r"(?P<agent>{WHO}) (?:has |had |was |is )?(?:won|wins|took|takes|picked up|picks up|scooped|"
        r"scoops|collected|collects|named|nominated for|shortlisted for) (?:the )?best (?:new |"
        r"supporting |leading |lead |british |foreign |international )?(?P<cue>director|actor|"
        r"actress)(?: award| prize| oscar| trophy| «X\d+»)? for (?P<film>{TITLE_P})(?= ,| \.| and |$)",
        explicit=False,
        needs=("best",),
    ),
    Rule(
        "awards.best_for_role",
        # "P is nominated for best actress for her role (in F)": the film the text is about
        r"(?P<agent>{WHO}) (?:[^«».; ]+ ){0,8}?best (?:supporting |leading |lead |british )?"
        r"(?P<cue>actor|actress)(?: award| prize| oscar| trophy)? (?:[^«».; ]+ ){0,4}?for (?:his|her|"
        r"their) (?:{ADJ}){0,2}?(?:role|performance|turn|part)(?: as (?P<character>{CHAR}))?(?: in "
        r"(?:(?P<film_ana>«A\d+»)|{FILM_OF}(?P<film>{TITLE})))?(?= \.| ,| and |$)",
        explicit=False,
        character="character",
        needs=("best",),
        flags=frozenset({"film_optional"}),
    ),
    Rule(
        "awards.nominations_including",
        # "F has been nominated for five Oscars, including best actress for P"
        r"(?P<film>{FILMREF}) (?:{AUX}|{ADV}){0,3}(?:been )?(?:nominated for|received|earned|won|"
        r"picked up|scooped|leads|led) (?:[^«».; ]+ |«[XC]\d+» ){0,6}?(?:including|with) (?:[^«».; ]+ ){0,3}?best "
        r"(?:supporting |leading |lead )?(?P<cue>actor|actress|director)(?: nominations?)? for "
        r"(?P<agent>{PEOPLE})",
        explicit=False,
        needs=("including", "with"),
    ),
    Rule(
        "awards.award_went_to",
        r"(?:(?:the )?(?:award|prize|trophy|oscar) for )?(?:best )?(?:original |adapted |supporting )?"
        r"(?P<cue>director|actor|actress|screenplay|score|music|cinematography|editing)(?: (?:award|"
        r"prize|trophy))? went to (?P<agent>{PERSON}) for (?:the )?(?:{FILM_NOUN} )?(?P<film>{TITLES})",
        explicit=False,
        needs=("went",),
    ),
    Rule(
        "awards.category_went_to_pairs",
        # "The best actor award went to Argentina's P for F", "best actress was shared by P for F
        # and Q for G"
        r"best (?:supporting |leading |lead |original |adapted )?(?P<cue>director|actor|actress|"
        r"screenplay)(?: (?:award|prize|trophy))? (?:went to|was won by|was shared by|was given to) "
        r"(?P<agent>(?:«[XC]\d+» 's )?"
        + _NOMINEE
        + r"(?:(?: ,| and| , and) (?:«[XC]\d+» 's )?"
        + _NOMINEE
        + r")*)",
        explicit=False,
        film=None,
        needs=("went", "won", "shared", "given"),
        flags=frozenset({"person_film_pairs"}),
    ),
    Rule(
        "awards.category_person",
        r"best (?:supporting |leading |lead |original |adapted )?(?P<cue>director|actor|actress|"
        r"screenplay|cinematography|score|editing) \( (?P<agent>{PERSON}) \)",
        film=None,
        explicit=False,
        needs=("best",),
    ),
    Rule(
        "awards.won_category_award",
        r"(?P<agent>{WHO}) (?:{AUX}|{ADV}){0,2}(?:won|picked up|took|received|collected|scooped) the "
        r"(?:{ADJ}){0,2}?(?P<cue>screenplay|score|music|cinematography|editing|directing) (?:award|"
        r"prize|trophy) for (?:the )?(?:{FILM_NOUN} )?(?P<film>{TITLES})",
        explicit=False,
        needs=("award", "prize", "trophy"),
    ),
    Rule(
        "awards.person_genre_title",
        r"(?:^|, |: |in |of |to |and )(?:the|a|an) (?:{YEAR} )?(?P<agent>«P\d+») (?:{ADJ})?"
        r"{FILM_NOUN} (?P<film>{TITLE})(?! 's)",
        Relation.CAST_MEMBER,
        explicit=False,
        needs=FILM_NOUN_WORDS,
        flags=frozenset({"by_occupation"}),
    ),
    Rule(
        "awards.person_film_movies",
        r"(?P<agent>{PERSON}) (?:films|movies)(?: ,)? (?:including|such as) (?P<film>{TITLES})",
        Relation.DIRECTOR,
        explicit=False,
        needs=("films", "movies"),
    ),
)
