"""Implicit credits a careful reader infers: possessives ("Clint Eastwood's Million Dollar Baby":
the director), award wording ("best actress for Vera Drake": cast), "the Mike Leigh film"."""

from __future__ import annotations

from ...model import Relation
from ..patterns import Rule

RULES: tuple[Rule, ...] = (
    Rule(
        "awards.possessive_director",
        r"(?P<agent>{PERSON}) 's (?:(?:{ADJ}|«[PN]\d+» ){0,3}?{FILM_NOUN} )?(?P<film>{TITLE})"
        r"(?! (?:{STAR_NOUN}|castmate|castmates|actor|actress|director|producer|writer)\b)",
        Relation.DIRECTOR,
        explicit=False,
        flags=frozenset({"actor_possessive"}),
        needs=("'s",),
    ),
    Rule(
        "awards.best_for",
        r"(?P<agent>{WHO}) (?:[^«».; ]+ ){0,8}?best (?:new |supporting |leading |lead |british |"
        r"foreign |international |original |adapted )?(?P<cue>director|actor|actress|screenplay|"
        r"original screenplay|adapted screenplay|score|cinematography|editing)(?: award| prize| "
        r"oscar| trophy)? (?:[^«».; ]+ ){0,6}?for (?:his |her |their |the )?(?:{ADJ}){0,2}?"
        r"(?:{FILM_NOUN} )?(?P<film>{TITLES})",
        explicit=False,
        needs=("best",),
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
        "awards.person_film_movies",
        r"(?P<agent>{PERSON}) (?:films|movies)(?: ,)? (?:including|such as) (?P<film>{TITLES})",
        Relation.DIRECTOR,
        explicit=False,
        needs=("films", "movies"),
    ),
)
