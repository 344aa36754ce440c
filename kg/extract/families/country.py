"""Country of origin from nationality adjectives next to a film noun ("French film A Very Long
Engagement", "X is a 1995 American crime film")."""

from __future__ import annotations

from ...model import Relation
from ..patterns import FILM_NOUN_WORDS, Rule

COUNTRY = Relation.COUNTRY

_PLACES = r"(?P<value>«X\d+»(?: (?:and|-|/) «[XC]\d+»)*)"
"""Places before a film noun ("a UK film", "a US-UK co-production"): countries when they are."""


def _place_rule(name: str, pattern: str) -> Rule:
    """A rule whose value is :data:`_PLACES` (``{PLACES}`` in ``pattern``), kept only for the
    places that are countries ("a UK film", not "a Hollywood film")."""
    return Rule(
        name,
        pattern.replace("{PLACES}", _PLACES),
        COUNTRY,
        agent=None,
        value="value",
        flags=frozenset({"country_names"}),
        needs=FILM_NOUN_WORDS,
    )


RULES: tuple[Rule, ...] = (
    Rule(
        "country.originates_from",
        r"(?P<film>{FILMREF}) (?:originates|originated|comes|came|hails) from (?:the )?"
        r"(?P<value>«[CX]\d+»)(?= \.| ,|$)",
        COUNTRY,
        agent=None,
        value="value",
        needs=("originates", "originated", "comes", "came", "hails"),
    ),
    Rule(
        "country.coproduction",
        r"(?:co-production|coproduction|joint production) (?:between|of|from) (?P<value>«[CX]\d+»"
        r"(?: (?:,|and|/|, and) «[CX]\d+»)+)",
        COUNTRY,
        film=None,
        agent=None,
        value="value",
        needs=("co-production", "coproduction", "production"),
    ),
    Rule(
        "country.nat_coproduction",
        r"(?P<value>{NAT}(?: (?:and|-|/) {NAT})*) (?:{ADJ}){0,2}?(?:co-production|coproduction)",
        COUNTRY,
        film=None,
        agent=None,
        value="value",
        needs=("co-production", "coproduction"),
    ),
    Rule(
        "country.title_appos",
        r"(?P<film>{TITLE}) , an? (?:{YEAR} )?(?:(?!«)(?:{ADJ})){0,2}?(?P<value>{NAT}(?: (?:and|-|/) "
        r"{NAT})*) (?:{ADJ}){0,3}?{FILM_NOUN}",
        COUNTRY,
        agent=None,
        value="value",
        needs=FILM_NOUN_WORDS,
    ),
    Rule(
        "country.nat_film_title",
        r"(?P<value>{NAT}(?: (?:and|-|/) {NAT})*) (?:{ADJ}){0,3}?{FILM_NOUN} (?:,? )?"
        r"(?:(?:was|is) )?(?:{ADJ}){0,2}?(?:{FILM_NOUN} )?(?P<film>{TITLE})",
        COUNTRY,
        agent=None,
        value="value",
        needs=FILM_NOUN_WORDS,
    ),
    Rule(
        "country.made_title",
        r"(?<![\w-])(?P<value>[a-z]+(?:-[a-z]+)?-made) (?:{ADJ}){0,3}?(?:{FILM_NOUN} )?(?P<film>{TITLE})",
        COUNTRY,
        agent=None,
        value="value",
    ),
    _place_rule(
        "country.title_appos_place",
        r"(?P<film>{TITLE}) , an? (?:{YEAR} )?{PLACES} (?:{ADJ}){0,2}?{FILM_NOUN}",
    ),
    _place_rule(
        "country.place_film_title", r"{PLACES} (?:{ADJ}){0,2}?{FILM_NOUN} (?P<film>{TITLE})"
    ),
    Rule(
        "country.film_is_the_nat_one",
        r"(?P<film>{TITLE}) (?:is|was) (?:the|an?) (?:(?!«)(?:{ADJ})){0,3}?(?P<value>{NAT}) "
        r"(?:one|entry|contender|hope|production|co-production)\b",
        COUNTRY,
        agent=None,
        value="value",
        needs=("one", "entry", "contender", "hope", "production", "co-production"),
    ),
    Rule(
        "country.film_country_entry",
        r"(?P<film>{TITLE}) , (?P<value>«[XC]\d+») 's (?:official )?(?:entry|submission|candidate)",
        COUNTRY,
        agent=None,
        value="value",
        needs=("entry", "submission", "candidate"),
    ),
    Rule(
        "country.nat_entry_film",
        r"(?P<value>{NAT}|«X\d+» 's) (?:official )?(?:entry|submission) (?:,? )?(?P<film>{TITLE})",
        COUNTRY,
        agent=None,
        value="value",
        needs=("entry", "submission"),
    ),
    Rule(
        "country.film_is_nat_film",
        r"(?P<film>{TITLE}) (?:is|was|,) (?P<value>«A\d+»)(?! 's)",
        COUNTRY,
        agent=None,
        value="value",
    ),
    Rule(
        "country.nat_film_is_film",
        r"(?P<value>«A\d+») (?:is|was) (?P<film>{TITLE})(?! 's)",
        COUNTRY,
        agent=None,
        value="value",
    ),
    Rule(
        "country.possessive",
        r"(?P<value>«X\d+») 's (?:{ADJ}){0,2}?(?:{FILM_NOUN} |(?=«F))(?P<film>{TITLE})",
        COUNTRY,
        agent=None,
        value="value",
        needs=("'s",),
    ),
    Rule(
        "country.lead",
        r"(?:^|[,;] )(?P<film>{TITLE}) {LEAD_GLOSS}(?:(?:is|was) )?(?:an?|the) (?:{YEAR} )?(?:{ADJ}){0,2}?(?P<value>{NAT}"
        r"(?: (?:and|-|/|,) {NAT})*) (?:{ADJ}){0,3}?{FILM_NOUN}",
        COUNTRY,
        agent=None,
        value="value",
        needs=FILM_NOUN_WORDS,
    ),
)
