"""Crew: director, producers, writers, composer, cinematographer, editor. The role comes from the
cue words ("written and directed by" gives two roles), which come from :data:`kg.model.ROLES`.
"""

# ruff: noqa: RUF001  (typographic quotes and dashes are data here)

from __future__ import annotations

from ...model import Relation
from ..patterns import ROLE_NOUN_WORDS, ROLE_VERB_WORDS, ROLE_WORK_WORDS, Rule

_BE = r"(?:(?:which |that )?(?:was |is |has been |had been |will be |is being |was being |were |are |being )?(?:also |originally |jointly |first |later |now )?)"

RULES: tuple[Rule, ...] = (
    Rule(
        "crew.film_by",
        r"(?P<film>{FILMREF}){FILM_APPOS}(?: ,| -| –| \(| :)? (?:\( {YEAR} \)(?: ,)? )?"
        + _BE
        + r"(?P<cue>{ROLE_PASSIVES}) (?:for the (?:screen|big screen|cinema) )?by "
        r"(?:«X\d+» 's )?(?:(?:the |«C\d+» |«X\d+» )?(?:{ADJ})?{ROLE_NOUN} )?(?P<agent>{AGENTS})",
        needs=("by",),
    ),
    Rule(
        "crew.fronted_by",
        r"^(?P<cue>{ROLE_PASSIVES}) by (?P<agent>{AGENTS}) , (?:the )?(?:{ADJ}){0,2}?"
        r"(?:{FILM_NOUN} )?(?P<film>{TITLE})",
        needs=("by",),
    ),
    Rule(
        "crew.topic_by",
        r"(?:^|, |and |film |movie |picture |documentary |drama |comedy |thriller |feature |"
        r"was |is |were |be |been |being |co-production |production )(?P<cue>{ROLE_PASSIVES}) "
        r"(?:for the (?:screen|big screen|cinema) )?by (?:the (?:{ADJ})?{ROLE_NOUN} |the (?=«O))?"
        r"(?P<agent>{AGENTS})",
        film=None,
        needs=("by",),
        flags=frozenset({"no_work_subject"}),
    ),
    Rule(
        "crew.film_by_person",
        r"(?:is|was|,) (?:an? |the )(?:{YEAR} )?(?:{ADJ}){0,4}?(?:film|movie|documentary|feature) by "
        r"(?P<agent>{PERSON})(?! (?:and|/) | , «)",
        Relation.DIRECTOR,
        film=None,
        needs=("by",),
    ),
    Rule(
        "crew.title_noun",
        r"(?P<film>{TITLES}) (?P<cue>{ROLE_NOUNS}) (?P<agent>{PERSON})",
        needs=ROLE_NOUN_WORDS,
    ),
    Rule(
        "crew.title_poss_noun",
        r"(?P<film>{FILMREF}) 's (?:{ADJ})??(?P<cue>{ROLE_NOUN})(?: ,)? (?P<agent>{PERSON})",
        needs=ROLE_NOUN_WORDS,
    ),
    Rule(
        "crew.noun_poss_title",
        r"(?P<cue>{ROLE_NOUN}) (?P<agent>{PERSON}) 's (?:(?:{ADJ}|«[PN]\d+» ){0,3}?{FILM_NOUN} )?"
        r"(?P<film>{TITLE})",
        needs=ROLE_NOUN_WORDS,
    ),
    Rule(
        "crew.is_noun_poss_film",
        r"(?:is|was|, ) (?:the |a )?(?:«C\d+» )?(?P<cue>{ROLE_NOUN}) (?P<agent>{PERSON}) 's "
        r"(?:{ADJ}){0,3}?(?:film|movie|feature|picture|debut)",
        film=None,
        needs=ROLE_NOUN_WORDS,
    ),
    Rule(
        "crew.film_noun_poss_debut",
        r"(?P<film>{TITLE}) , (?P<cue>{ROLE_NOUN}) (?P<agent>{PERSON}) 's (?:{ADJ}){0,2}?"
        r"(?:film |feature |directorial |screen )?debut",
        needs=("debut",),
    ),
    Rule(
        "crew.noun_pairs_for",
        r"(?P<agent>(?:(?:{ROLE_NOUN}|{ACTOR_NOUN}) {PERSON} (?:and |, )){1,3}(?:{ROLE_NOUN}|"
        r"{ACTOR_NOUN}) {PERSON}) (?:{AUX}|{ADV}){0,2}(?:[^«» .;]+ ){0,3}?(?:reuniting|reunite|"
        r"team up|teaming up|teamed up|working together|collaborating|collaborate) (?:[^«» .;]+ )"
        r"{0,2}?(?:for|on) {FILM_OF}(?P<film>{TITLES})",
        needs=(
            "reuniting",
            "reunite",
            "team",
            "teaming",
            "teamed",
            "working",
            "collaborating",
            "collaborate",
        ),
        flags=frozenset({"noun_pairs"}),
    ),
    Rule(
        "crew.noun_of",
        r"(?P<agent>{PERSON}){APPOS} (?:, |is |was )(?:the |its |his |her |an? |one of the |who is the |"
        r"who was the |who is an? |who was an? )?"
        r"(?:{ADJ})??(?P<cue>{ROLE_NOUN}) (?:of|behind) (?:the )?(?:{ADJ}){0,2}?(?:{FILM_NOUN} )?"
        r"(?P<film>{FILMREFS})",
        needs=("of", "behind"),
    ),
    Rule(
        "crew.of_film_person",
        r"the (?P<cue>{ROLE_NOUN}) of (?P<film>{FILMREF}){FILM_APPOS}(?: ,)? (?:{ADJ})?(?P<agent>{PERSON})",
        needs=("of",),
    ),
    Rule(
        "crew.active",
        r"(?P<agent>{WHOS}){APPOS} (?:, who |who )?(?:{AUX}|{ADV}){0,2}(?P<cue>{ROLE_VERB}(?: and (?:"
        r"{ROLE_VERB}|starred in))*) (?:(?P<film_ana>«A\d+»)|(?:the |a |an |his |her )?(?:{ADJ}){0,2}?"
        r"(?:{FILM_NOUN} )?(?P<film>{TITLES_P})(?! (?:in|for) «[FN]))(?: , respectively)?",
        needs=ROLE_VERB_WORDS,
    ),
    Rule(
        "crew.to_direct",
        r"(?P<agent>{WHO}){APPOS} (?:{AUX}|{ADV}){0,3}(?:(?:will|to|set to|due to|signed to|"
        r"signed on to|agreed to|expected to|hired to|tapped to|chosen to|going to|plans to|"
        r"planning to|in talks to) )(?P<cue>(?:direct|write|produce|co-direct|co-write|co-produce|"
        r"executive produce|score|edit)(?: and (?:direct|write|produce|co-produce|executive produce|"
        r"star in))?) (?:(?P<film_ana>«A\d+»)|{FILM_OF}"
        r"(?P<film>{TITLES_P}))",
        needs=(
            "direct",
            "write",
            "produce",
            "co-direct",
            "co-write",
            "co-produce",
            "score",
            "edit",
        ),
    ),
    Rule(
        "crew.present_tense",
        r"(?P<agent>{WHO}){APPOS} (?:{ADV})?(?P<cue>directs|writes|produces|co-directs|co-writes|"
        r"helms|scores|edits) {FILM_OF}(?P<film>{TITLES_P})",
        needs=(
            "directs",
            "writes",
            "produces",
            "co-directs",
            "co-writes",
            "helms",
            "scores",
            "edits",
        ),
    ),
    Rule(
        "crew.with_as",
        r"(?:(?P<film>{FILMREF}) , )?with (?P<agent>{PEOPLE}) as (?:the |its |a )?(?:{ADJ})??"
        r"(?P<cue>{ROLE_NOUN})",
        needs=("with",),
        flags=frozenset({"film_optional"}),
    ),
    Rule(
        "crew.who_made",
        r"(?P<agent>{PERSON}){APPOS} , who (?:also |previously |famously )?(?:made|directed) "
        r"(?:the )?(?:{ADJ}){0,2}?(?:{FILM_NOUN} )?(?P<film>{TITLES})",
        Relation.DIRECTOR,
        needs=("made", "directed"),
    ),
    Rule(
        "crew.is_doing",
        r"(?P<agent>{WHO}){APPOS} (?:is|was|are|were|has been|had been) (?:currently |now |also )?"
        r"(?P<cue>directing|writing|producing|co-directing|co-writing|co-producing|scoring|"
        r"editing) (?:(?P<film_ana>«A\d+»)|{FILM_OF}(?P<film>{TITLES_P}))",
        needs=(
            "directing",
            "writing",
            "producing",
            "co-directing",
            "co-writing",
            "co-producing",
            "scoring",
            "editing",
        ),
    ),
    Rule(
        "crew.film_from_noun",
        r"(?P<film>{FILMREF}) , (?:the |a )?(?:(?:{ADJ}){0,2}?{FILM_NOUN} )?(?:from|by) (?:{ADJ})?(?P<cue>"
        r"director|film-maker|filmmaker|writer-director|writer|producer|co-directors|directors) "
        r"(?P<agent>{PEOPLE})",
        needs=("from", "by"),
    ),
    Rule(
        "crew.directed_someone_in",
        r"(?P<agent>{WHO}) (?:, who |who )?(?:[^«».;, ]+ ){0,4}?(?P<cue>directed|directing|direct) "
        r"(?:him|her|them|{PEOPLE}) in (?:the )?(?:{ADJ}){0,3}?(?:{FILM_NOUN} )?(?P<film>{TITLES})",
        Relation.DIRECTOR,
        needs=("directed", "directing", "direct"),
    ),
    Rule(
        "crew.cast_list_then_noun",
        r"(?:co-stars?|costars?|alongside|opposite|along with) (?:{ADJ}){0,2}?{PEOPLE}(?: ,)? and "
        r"(?:the |its |the film 's )?(?:{ADJ})?(?P<cue>{ROLE_NOUN}) (?P<agent>{PERSON})",
        film=None,
        needs=("co-star", "co-stars", "costar", "costars", "alongside", "opposite", "along"),
    ),
    Rule(
        "crew.directorial_debut",
        r"(?P<agent>{WHOSE}) (?:{ADJ})?(?:feature |film )?(?:directorial|directing) debut(?: ,)? "
        r"(?:(?:is |was |, )(?:the )?(?:{ADJ}){0,2}?(?:{FILM_NOUN} )?)?{FILM_OF}(?P<film>{TITLE})",
        Relation.DIRECTOR,
        needs=("directorial", "directing"),
    ),
    Rule(
        "crew.debut_with",
        r"(?P<agent>{WHO}){APPOS} (?:{AUX}|{ADV}){0,3}(?:makes|made|making|make|will make) (?:his|her|"
        r"their) (?:feature |film )?(?:directorial|directing) debut (?:with|on) "
        r"{FILM_OF}(?P<film>{TITLE})",
        Relation.DIRECTOR,
        needs=("directorial", "directing"),
    ),
    Rule(
        "crew.marks_debut",
        r"(?P<film>{FILMREF}) (?:marks|marked|is|was|will be) (?P<agent>{WHOSE}) (?:{ADJ})?(?:feature |"
        r"film )?(?:directorial|directing) debut",
        Relation.DIRECTOR,
        needs=("directorial", "directing"),
    ),
    Rule(
        "crew.which_person_verb",
        r"(?P<film>{FILMREF}) , which (?P<agent>{WHO}) (?:{ADV})?(?:also )?(?P<cue>{ROLE_VERB}"
        r"(?: and {ROLE_VERB})*)(?! (?:in|for|with|by) )",
        needs=("which",),
    ),
    Rule(
        "crew.behind_camera",
        r"(?P<agent>{WHO}){APPOS} (?:{AUX}|{ADV}){0,3}(?:is |was |will be |stepped |steps |went |goes )?"
        r"behind the camera (?:for|on) (?:(?P<film_ana>«A\d+»)|{FILM_OF}(?P<film>{TITLE}))",
        Relation.DIRECTOR,
        needs=("camera",),
    ),
    Rule(
        "crew.person_the_title_noun",
        r"(?P<agent>{PERSON}) , (?:the |a )(?:{ADJ})?(?P<film>{TITLE}) (?P<cue>{ROLE_NOUN}) ,",
        needs=ROLE_NOUN_WORDS,
    ),
    Rule(
        "crew.under_direction_of",
        r"under the (?:{ADJ})?direction of (?P<agent>{PERSON})",
        Relation.DIRECTOR,
        film=None,
        needs=("direction",),
    ),
    Rule(
        "crew.whose_noun",
        r"(?P<film>{FILMREF}) , whose (?:{ADJ})?(?P<cue>{ROLE_NOUN}) (?:was |is )?(?P<agent>{PERSON})",
        needs=("whose",),
    ),
    Rule(
        "crew.and_verb_the_film",
        r"(?:^«P\d+»|^(?:he|she)) (?:[^«».; ]+ ){1,6}?and (?:also )?(?P<cue>{ROLE_VERB}) "
        r"(?P<film>«A\d+»|{FILM_OF}{TITLE})(?: \.| ,|$)",
        agent=None,
        flags=frozenset({"agent_subject"}),
        needs=ROLE_VERB_WORDS,
    ),
    Rule(
        "crew.copula",
        r"(?:the|its|the film 's|the movie 's|«A\d+» 's) (?:{ADJ})??(?P<cue>{ROLE_NOUN}) (?:was|is) "
        r"(?P<agent>{AGENTS})",
        film=None,
        needs=("was", "is"),
    ),
    Rule(
        "crew.served_as_topic",
        r"(?P<agent>{PEOPLE}){APPOS} (?:served as|acted as|worked as|was|were) (?:the |a |an |its )?"
        r"(?:film 's |movie 's )?(?:{ADJ})??(?P<cue>{ROLE_NOUN})(?! (?:of|for|on|at|and) )",
        film=None,
        needs=("served", "acted", "worked", "was", "were"),
    ),
    Rule(
        "crew.nouns_include",
        r"(?:^|the |its |«A\d+» 's )(?P<cue>{ROLE_NOUN}) (?:included|include|includes|were|are) "
        r"(?P<agent>{AGENTS})",
        film=None,
        needs=("included", "include", "includes", "were", "are"),
    ),
    Rule(
        "crew.appos_film_noun",
        r"(?P<agent>{PERSON}) , (?:(?P<film>{FILMREF}) 's |the |its )(?:{ADJ})??(?P<cue>{ROLE_NOUN}) ,",
        flags=frozenset({"film_optional"}),
        needs=ROLE_NOUN_WORDS,
    ),
    Rule(
        "crew.possessive_work",
        r"(?P<agent>{PERSON}) 's (?:{ADJ}){0,2}?(?P<cue>{ROLE_WORK})(?! for (?!«A))",
        film=None,
        needs=ROLE_WORK_WORDS,
    ),
    Rule(
        "crew.possessive_work_for",
        r"(?P<agent>{PERSON}) 's (?:{ADJ}){0,2}?(?P<cue>{ROLE_WORK}) (?:for|in|of|on) "
        r"{FILM_OF}(?P<film>{TITLE})",
        needs=ROLE_WORK_WORDS,
    ),
    Rule(
        "crew.served_as",
        r"(?P<agent>{PERSON}){APPOS} (?:was|is|served as|acted as) (?:the |its |a )?(?:film 's )?"
        r"(?P<cue>{ROLE_NOUN}) (?:of|for|on) (?:the )?(?P<film>{FILMREF})",
        needs=("was", "is", "served", "acted"),
    ),
    Rule(
        "crew.work_by",
        r"(?:^|[a-z]+ |, )(?:{ADJ}){0,2}?(?P<cue>{ROLE_WORK}(?: and {ROLE_WORK})*) "
        r"(?:(?:for|of|to) (?:the )?(?P<film>{FILMREF}) )?(?:(?:was|is|were|are) )?"
        r"(?:(?:composed|written|done|provided|created|handled|by) )?by (?P<agent>{AGENTS})",
        needs=("by",),
        flags=frozenset({"film_optional"}),
    ),
    Rule(
        "crew.made_work",
        r"(?P<agent>{AGENTS})(?: , who)? (?:also )?(?:composed|wrote|co-wrote|penned|provided|"
        r"created|did|handled) (?:the |its |a )?(?:{ADJ}){0,2}?(?P<cue>{ROLE_WORK})(?: (?:of|for) "
        r"(?P<film>{FILMREF}))?(?! (?:for|of) (?:the |a |an )?(?:[a-z-]+ )?(?:musical|play|show|"
        r"series|album|song|novel|book|opera|stage|record|game|ballet|production))",
        flags=frozenset({"film_optional"}),
        needs=ROLE_WORK_WORDS,
    ),
)
