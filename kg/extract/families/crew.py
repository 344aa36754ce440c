"""Crew: director, producers, writers, composer, cinematographer, editor. The role comes from the
cue words ("written and directed by" gives two roles), which come from :data:`kg.model.ROLES`.
"""

# ruff: noqa: RUF001  (typographic quotes and dashes are data here)

from __future__ import annotations

from ...model import Relation
from ..patterns import (
    FILM_NOUN_WORDS,
    REUNITE_WORDS,
    ROLE_NOUN_WORDS,
    ROLE_VERB_WORDS,
    ROLE_WORK_WORDS,
    Rule,
)

_BE = r"(?:(?:which |that )?(?:was |is |has been |had been |will be |is being |was being |were |are |being )?(?:also |originally |jointly |first |later |now |both |again |once again )?)"

_GERUNDS = ("directing", "producing", "writing", "scoring", "editing")
"""The crew gerunds of "P is directing, with Q producing"."""

_NO_VERB_AFTER = (
    r"(?! (?:also )?(?:{ROLE_VERB}|composed|wrote|co-wrote|penned|provided|created|did|handled)\b)"
)
"""After a list of names that completes "the cinematographer is ...": a verb after the list
makes its last name the subject of a new clause ("... is X and Y composed the score": not Y)."""

_CAMERA_NOUN = r"(?:cinematographer|director of photography|cameraman)"
"""What calls a person the one who shot a film: "shot" alone may be a director's."""

RULES: tuple[Rule, ...] = (
    Rule(
        "crew.film_by",
        r"(?<!by )(?P<film>{FILMREF}|{TITLE_P}(?= (?:, (?!is |was )|\( )?(?:(?:is|was) )?(?:directed|written|produced|"
        r"adapted|scripted|co-directed|co-written) by «[PNO]\d+»(?! (?:in|for|on) «))){FILM_APPOS}"
        r"(?: ,| -| –| \(| :)? "
        r"(?:\( {YEAR} \)(?: ,)? )?"
        + _BE
        + r"(?P<cue>{ROLE_PASSIVES}) (?:again |once again |once more )?(?:for the (?:screen|big screen|"
        r"cinema) )?by (?:and (?:co-)?starring )?"
        r"{BY_WHOM}(?P<agent>{AGENTS})",
        needs=("by",),
    ),
    Rule(
        "crew.film_from_director_appos",
        # "F, the debut feature from music video director P"
        r"(?P<film>{FILMREF}) , (?:the |a |an |his |her |their )(?:{ADJ}){0,3}?(?:feature|film|movie|"
        r"debut|documentary|comedy|drama|thriller|project) (?:(?:set|shot) in (?:[a-z-]+ |«[XC]\d+» )"
        r"{1,4}?)?(?:from|by) (?:(?:[a-z][\w-]*|«[CX]\d+») ){0,3}?"
        r"(?P<cue>director|film-maker|filmmaker|writer-director) (?P<agent>{PERSON})",
        needs=("from", "by"),
    ),
    Rule(
        "crew.film_appos_and_by",
        # "F, a comedy directed by P and written by Q": Q's part (P's is crew.film_by)
        r"(?P<film>{FILMREF}) , (?:an? |the )?(?:{ADJ}){0,4}?{FILM_NOUN} (?:directed|written|produced|"
        r"co-written|co-directed) by «[PN]\d+» and (?P<cue>{ROLE_PASSIVES}) by {BY_WHOM}"
        r"(?P<agent>{AGENTS})",
        needs=("by",),
    ),
    Rule(
        "crew.titles_were_by",
        # "F and G were directed by P" (both); "... by P and Q, respectively" (in turn)
        r"(?P<film>{TITLE_ITEM}(?: ,| , and| and) {TITLES}) (?:were|are|have been) (?:{ADV})?"
        r"(?P<cue>{ROLE_PASSIVES}) by (?P<agent>{AGENTS})",
        needs=("by",),
    ),
    Rule(
        "crew.titles_both_by",
        r"(?P<film>{TITLES}) , (?:both|all|each) (?P<cue>{ROLE_PASSIVES}) by (?P<agent>{AGENTS})",
        needs=("both", "all", "each"),
    ),
    Rule(
        "crew.titles_both_for_director",
        r"(?P<film>{TITLES}) , (?:both|all|each) (?:for|with|under) (?:the )?(?P<cue>director|"
        r"directors|film-maker|filmmaker) (?P<agent>{PEOPLE})",
        needs=("both", "all", "each"),
    ),
    Rule(
        "crew.fronted_by",
        r"^(?P<cue>{ROLE_PASSIVES}) by {BY_WHOM}(?P<agent>{AGENTS})(?: and {FRONTED_CLAUSE})? , (?:the )?"
        r"(?:{ADJ}){0,2}?(?:{FILM_NOUN} )?(?P<film>{TITLE}|«A\d+»)",  # "Produced by P, the film ..."
        needs=("by",),
    ),
    Rule(
        "crew.fronted_by_second",
        r"^{FRONTED_CLAUSE} and (?P<cue>{ROLE_PASSIVES}) by {BY_WHOM}(?P<agent>{AGENTS}) , (?:the )?"
        r"(?:{ADJ}){0,2}?(?:{FILM_NOUN} )?(?P<film>{TITLE}|«A\d+»)",  # "Produced by P, the film ..."
        needs=("by",),
    ),
    Rule(
        "crew.topic_by",
        r"(?:^|, |and |film |movie |picture |documentary |drama |comedy |thriller |feature |noir |"
        r"western |biopic |epic |horror |melodrama |satire |fantasy |adventure |short |romance |"
        r"was |is |were |be |been |being |co-production |production |(?:starring|featuring) "
        r"(?:«[PN]\d+» (?:, |and |, and )?)+)(?:both )?(?P<cue>{ROLE_PASSIVES}) "
        r"(?:again |once again |once more )?(?:for the (?:screen|big screen|cinema) )?by {BY_WHOM}"
        r"(?P<agent>{AGENTS})",
        film=None,
        needs=("by",),
        flags=frozenset({"no_work_subject"}),
    ),
    Rule(
        "crew.film_by_person",
        r"(?:is|was|,) (?:an? |the )(?:{YEAR} )?(?:{ADJ}){0,4}?(?:film|movie|documentary|feature|drama|"
        r"comedy|thriller|horror|western|biopic|romcom|epic) by (?:(?:director|film-maker|filmmaker) )?(?P<agent>{PERSON})(?! (?:and|/) | , «)",
        Relation.DIRECTOR,
        film=None,
        needs=("by",),
    ),
    Rule(
        "crew.title_noun",
        # (a newspaper has editors: "Screen Finance editor P" needs a title shown to be a film,
        # crew.film_noun_weak)
        r"(?P<film>{TITLES}) (?!(?:editor|editors) «)(?P<cue>{ROLE_NOUNS}) (?P<agent>{PERSON})",
        needs=ROLE_NOUN_WORDS,
    ),
    Rule(
        "crew.work_by_with",
        # "The script will be written by series regular P with Q": both wrote it
        r"^(?:the |its )?(?P<cue>script|screenplay|score|music) (?:will be|is being|is to be|was|has been) "
        r"(?:written|co-written|composed|provided) by {BY_WHOM}«[PN]\d+» (?:himself |herself |"
        r"themselves )?with {BY_WHOM}(?P<agent>{PERSON})",
        film=None,
        needs=("with",),
    ),
    Rule(
        "crew.with_serving_as_topic",
        # "produced by P for O, with Hollywood veteran Q serving as executive producer"
        r"(?:^|, |and )with {BY_WHOM}(?P<agent>{PERSON}) (?:serving|acting|on board|attached) as "
        r"(?:an? |the |its )?(?P<cue>{ROLE_NOUN})",
        film=None,
        needs=("serving", "acting", "board", "attached"),
    ),
    Rule(
        "crew.will_produce_for",
        # "Veteran producer P will produce for London-based O", "P, who will produce through
        # her company O, said": P produces the film of the text
        r"(?:^|, )(?:{ADJ}){0,2}?(?:producer |film-maker |filmmaker )?(?P<agent>{PERSON}) "
        r"(?:, who (?:{AUX}){0,2}|(?:will|is to|is set to|is due to|is expected to) (?:also )?)"
        r"(?P<cue>produce|produces|co-produce|co-produces) (?:the film )?(?:for|through) ",
        film=None,
        needs=("for", "through"),
    ),
    Rule(
        "crew.serve_as_alongside_topic",
        # "P will serve as an executive producer alongside Hollywood veteran Q": Q too
        r"(?:serve|serves|served|serving|act|acts|acted) as (?:an? |the |one of the )?(?P<cue>{ROLE_NOUN})s? "
        r"alongside (?:(?:{ADJ}|«[CX]\d+» ){0,2}?(?:veteran |producer |financier |partner |colleague )?)?"
        r"(?P<agent>{PEOPLE})",
        film=None,
        needs=("alongside",),
    ),
    Rule(
        "crew.poss_work_by",
        # "Kittiwake's score was eventually composed by P"
        r"(?P<film>«[FN]\d+») 's (?:{ADJ})?(?P<cue>score|soundtrack|music|screenplay|script|"
        r"cinematography|editing) (?:was|is|will be|has been|had been) (?:{ADV}|eventually |finally )?"
        r"(?:composed|written|"
        r"provided|done|handled|penned|co-written|created|supplied) by (?:{BY_WHOM})?(?P<agent>{AGENTS})",
        needs=("score", "soundtrack", "music", "screenplay", "script", "cinematography", "editing"),
    ),
    Rule(
        "crew.return_to_score_topic",
        # "Composer P will return to score the prequel": the film the text is about
        r"(?:^|, )(?:(?:composer|the composer) )?(?P<agent>{PERSON}) (?:{AUX}|{ADV}){0,2}(?:return to |"
        r"come back to |be back to )?(?P<cue>score) (?:the |its )?(?:{ADJ})?(?:film|movie)\b",
        film=None,
        needs=("score",),
    ),
    Rule(
        "crew.film_noun_weak",
        r"(?P<film>«F\d+»(?: (?:and|&) «F\d+»)?) (?P<cue>editor|editors) (?P<agent>{PERSON})",
        needs=("editor", "editors"),
    ),
    Rule(
        "crew.title_poss_noun",
        r"(?P<film>{FILMREF}) 's (?:{ADJ})??(?P<cue>{ROLE_NOUN})(?:s(?: ,| are| were| include| included|"
        r" includes)?|(?: ,| is| was)?) (?P<agent>{AGENTS})" + _NO_VERB_AFTER,
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
        flags=frozenset({"apposition"}),
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
        "crew.noun_worked_on",
        # "Cinematographer P worked on F": the role the text calls P by
        r"(?:^|, |and )(?:the )?(?:{ADJ})?(?P<cue>{ROLE_NOUN}) (?P<agent>{PERSON}) (?:{AUX}|{ADV}){0,2}"
        r"(?:worked|works|working|work) on (?:the )?(?:{ADJ}){0,2}?(?:{FILM_NOUN} )?(?P<film>{TITLES})",
        needs=("worked", "works", "working", "work"),
    ),
    Rule(
        "crew.worked_with_noun_on",
        # "He worked with director P on five films, including F and G"
        r"(?:worked|working|works|work|collaborated|collaborating|teamed up|teaming up) (?:again )?"
        r"with (?:the )?(?:{ADJ}){0,2}?(?P<cue>{ROLE_NOUN}) (?P<agent>{PERSON}) (?:again )?on "
        r"(?:(?:[a-z]+ )?(?:films|movies|pictures|features) , (?:including|among them|such as) )?"
        r"{FILM_OF}(?P<film>{TITLES})",
        needs=(
            "worked",
            "working",
            "works",
            "work",
            "collaborated",
            "collaborating",
            "teamed",
            "teaming",
        ),
    ),
    Rule(
        "crew.film_reunites_with",
        r"(?P<film>{FILMREF})(?: , which| ,)? (?:{AUX}){0,2}(?:reunites|reunited|reunite|reuniting) "
        r"(?:him |her |them |(?:(?:the )?(?:{ROLE_NOUN}|actor|actress|star) )?{PERSON} )?with "
        r"(?:the )?(?:{ADJ}){0,2}?(?P<cue>{ROLE_NOUN}|actor|actress|star) (?P<agent>{PERSON})",
        needs=("reunites", "reunited", "reunite", "reuniting"),
    ),
    Rule(
        "crew.reunites_with_noun_for",
        # "P will reunite with her Hunger Games director Q for the project": Q's role in it
        r"(?:{WHOS}){APPOS} (?:, who |who )?(?:{AUX}|{ADV}){0,3}{REUNITE} "
        r"(?:again |once more )?with (?:his |her |their )?(?:«[FNO]\d+» |former |old |long-time |"
        r"longtime |regular )?(?P<cue>{ROLE_NOUN}) (?P<agent>{PERSON}) (?:again |once more )?"
        r"(?:for|on|in) (?:(?P<film_ana>«A\d+»)|{FILM_OF}(?P<film>{TITLES_P}))",
        needs=REUNITE_WORDS,
    ),
    Rule(
        "crew.film_reunites_noun_with",
        # "F, which reunites director P with actor Q": P's role (Q's is crew.film_reunites_with)
        r"(?P<film>{FILMREF})(?: , which| ,)? (?:{AUX}){0,2}(?:reunites|reunited|reunite|reuniting) "
        r"(?:the )?(?P<cue>{ROLE_NOUN}|actor|actress|star) (?P<agent>{PERSON}) with ",
        needs=("reunites", "reunited", "reunite", "reuniting"),
    ),
    Rule(
        "crew.made_films_including",
        r"(?P<agent>{WHO}){APPOS} (?:, who |who )?(?:{AUX}|{ADV}|since ){0,3}(?P<cue>directed|wrote|written|produced|scored|"
        r"edited|co-directed|co-wrote|co-written|co-produced) (?:(?:{NUMBER})?(?:{ADJ}){0,2}?"
        r"{FILM_NOUNS}(?: (?:for|with|at|in) «[ONXC]\d+»)?(?: ,)? (?:including|such as|among them)|"
        r"such (?:{ADJ}){0,2}?{FILM_NOUNS} as) (?P<film>{TITLES})",
        needs=("including", "such", "among"),
    ),
    Rule(
        "crew.work_for_films_including",
        # "Composer P, who wrote the music for more than 100 films including the classic F"
        r"(?P<agent>{WHO}){APPOS} (?:, who |who )?(?:{AUX}|{ADV}){0,3}(?:wrote|composed|provided|"
        r"created|penned) the (?P<cue>music|score|soundtrack|screenplay|script)s? (?:for|to|of) "
        r"(?:{NUMBER})?(?:{ADJ}){0,2}?{FILM_NOUNS}(?: ,)? (?:including|such as|among them) "
        r"(?:(?:the|a|an) (?:[a-z][\w-]* )??(?:{FILM_NOUN}|classic) )?(?P<film>{TITLES})",
        needs=("including", "such", "among"),
    ),
    Rule(
        "crew.noun_of",
        r"(?P<agent>{PERSON}){APPOS} (?:, |is |was |is also |was also )(?:the |its |his |her |an? |one of the |who is the |"
        r"who was the |who is an? |who was an? )?"
        r"(?:{ADJ})??(?P<cue>{ROLE_NOUN}) (?:of|behind|on) (?:the |last year 's |this year 's )?"
        r"(?:{ADJ}){0,2}?(?:{FILM_NOUN} )?(?P<film>{FILMREFS})",
        needs=("of", "behind", "on"),
        flags=frozenset({"apposition"}),
    ),
    Rule(
        "crew.takes_post_as",
        # "P has replaced Q as director of F", "P was hired as the new producer on F", "P, who
        # took over as writer of the film, ...": the post P takes
        r"(?P<agent>{WHO}){APPOS} (?:, who |who )?(?:{AUX}|{ADV}){0,3}(?:been |being )?"
        r"(?:(?:replaced|replaces|replace|replacing|succeeded|succeeds|succeed|took over from|"
        r"takes over from|take over from|taken over from) {WHO} |(?:hired|named|appointed|chosen|"
        r"tapped|recruited|drafted in|brought in|brought on|brought on board|signed on|signed up|"
        r"installed|confirmed|taken on|took over|takes over|taken over|take over|came on board|"
        r"come on board|stepped in|steps in|step in) )as (?:the )?(?:new |replacement )?"
        r"(?P<cue>{ROLE_NOUN}) (?:of|on|for) (?:(?P<film_ana>«A\d+»)|{FILM_REQUIRED}(?P<film>{TITLES_P}))",
        needs=("as",),
        flags=frozenset({"replacement"}),
    ),
    Rule(
        "crew.post_given_to",
        # "Q was replaced by P as director of F", "The studio has appointed P as director of F"
        r"(?:(?:replaced|succeeded) by|(?:appointed|hired|named|chose|tapped|recruited|signed|"
        r"drafted in|brought in|installed)) (?P<agent>{PERSON}) as (?:the )?(?:new |replacement )?"
        r"(?P<cue>{ROLE_NOUN}) (?:of|on|for) (?:(?P<film_ana>«A\d+»)|{FILM_REQUIRED}(?P<film>{TITLES_P}))",
        needs=("as",),
        flags=frozenset({"replacement"}),
    ),
    Rule(
        "crew.film_whose_noun_is",
        r"(?P<film>{FILMREF}) (?:is|was) an? (?:{ADJ}){0,3}?{FILM_NOUN} whose (?P<cue>{ROLE_NOUN}) "
        r"(?:is|was) (?P<agent>{AGENTS})",
        needs=("whose",),
    ),
    Rule(
        "crew.of_film_person",
        r"the (?P<cue>{ROLE_NOUN}) (?:of|for) (?P<film>{FILMREF}){FILM_APPOS}(?: ,| is| was)? "
        r"(?:{ADJ})?(?P<agent>{AGENTS})",
        needs=("of",),
    ),
    Rule(
        "crew.active",
        r"(?P<agent>{WHOS}){APPOS} (?:(?:(?<= , «[PN]\d» )|(?<= , «[PN]\d\d» )), )?(?:, who |who )?"
        r"(?:{AUX}|{ADV}){0,2}(?P<cue>{ROLE_VERB}(?: and (?:{ROLE_VERB}|starred in))*) (?:(?P<film_ana>«A\d+»|(?:(?<=directed )|(?<=co-directed )|(?<=helmed )|"
        r"(?<=produced )|(?<=co-produced ))it(?= \.| ,| in | with | for | from | and |$))|"
        r"(?:the (?:script|screenplay) (?:for|of) )?(?:the |a |an |his |her )?(?:{ADJ}){0,3}?"
        r"(?:{FILM_NOUN} |adaptation )?(?P<film>{TITLES_P})(?! (?:in|for) «[FN]))(?: , respectively)?",
        needs=ROLE_VERB_WORDS,
    ),
    Rule(
        "crew.active_own_film_appos",
        r"(?P<agent>{WHO}){APPOS} (?:, who |who )?(?:{AUX}|{ADV}){0,2}(?P<cue>{ROLE_VERB}(?: and {ROLE_VERB})*) "
        r"(?:his|her|their) (?:own )?(?:{ADJ}){0,2}?(?:{FILM_NOUN}|feature) , (?P<film>{TITLE_P})"
        r"(?= ,| \(| \.|$)",
        needs=ROLE_VERB_WORDS,
    ),
    Rule(
        "crew.to_direct",
        r"(?P<agent>{WHO}){APPOS} (?:, who |who )?(?:{AUX}|{ADV}){0,3}(?:(?:will|to|set to|due to|signed to|"
        r"signed on to|agreed to|expected to|hired to|tapped to|chosen to|going to|plans to|"
        r"planning to|in talks to|attached to|went on to|go on to|goes on to|returns to|returned to|"
        r"return to|back to|on board to|on-board to|brought on to|brought in to|lined up to) )"
        r"(?:{ADV})?(?P<cue>(?:direct|helm|write|produce|co-direct|co-write|co-produce|"
        r"executive produce|score|edit)(?: and (?:direct|write|produce|co-produce|executive produce|"
        r"star in))?) (?:the (?:script|screenplay|score|music) (?:for|of) )?(?:(?P<film_ana>«A\d+»|"
        r"it(?= \.| ,| and | for |$))|"
        r"{FILM_OF}"
        r"(?P<film>{TITLES_P}))",
        needs=(
            "direct",
            "helm",
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
        r"helms|scores|edits) {FILM_OF}(?P<film>{TITLES_P})(?!(?: (?:and|,) «[PN]\d+»)* in )",
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
        r"(?:(?P<film>{FILMREF}) , )?with (?P<agent>{PEOPLE}) (?:(?:also )?(?:serving|acting|working|"
        r"credited) )?as (?!(?:his|her|their|my|your|our) )(?:the |its |a |an )?(?:{ADJ})??"
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
        "crew.films_as_role_include",
        # "P, whose other films as director include F and G"
        r"(?P<agent>{WHOSE}|{WHO} , whose) (?:{ADJ}){0,2}?(?:films|movies|credits|work) as "
        r"(?:a |an )?(?P<cue>director|producer|writer|screenwriter|composer) (?:{ADV})?(?:include|"
        r"included|includes|have included) (?P<film>{TITLES})",
        needs=("include", "included", "includes"),
    ),
    Rule(
        "crew.film_for_director",
        # "P will star in F for director Q": Q directs F
        r"(?:star|stars|starring|starred|appear|appears|appearing|appeared|role|roles|part|parts|"
        r"lead) (?:[^«».; ]+ ){0,3}?in (?P<film>{TITLES_P}) for (?:{ADJ})?(?:«C\d+» )?(?:director|"
        r"film-maker|filmmaker|helmer) (?P<agent>{PERSON})",
        Relation.DIRECTOR,
        needs=("director", "film-maker", "filmmaker", "helmer"),
        flags=frozenset({"hedge_from_film"}),
    ),
    Rule(
        "crew.in_year_made",
        r"^in {YEAR} , (?P<agent>{PERSON}(?: and {PERSON})?) (?:made|directed) (?P<film>{TITLE})"
        r"(?= \.| ,)",
        Relation.DIRECTOR,
        needs=("made", "directed"),
    ),
    Rule(
        "crew.boarded_as",
        r"(?P<agent>{WHOS}){APPOS} (?:, who |who )?(?:{AUX}|{ADV}){0,3}(?:boarded|boards|board|boarding|(?:come|came|comes|"
        r"coming|climbed) aboard|signed on to|signed on for|joined|joins|join|joining) "
        r"(?:(?P<film_ana>«A\d+»)|{FILM_OF}(?P<film>{TITLES_P})) as (?:its |the |a |an )?"
        r"(?P<cue>{ROLE_NOUNS})\b",  # no adjective: "as casting director" is no director
        needs=(
            "boarded",
            "boards",
            "board",
            "boarding",
            "aboard",
            "signed",
            "joined",
            "joins",
            "join",
            "joining",
        ),
    ),
    Rule(
        "crew.serves_as",
        r"(?P<agent>{WHOS}){APPOS} (?:, who |who )?(?:{AUX}|{ADV}){0,3}(?:serves|served|serving|serve) as "
        r"(?:the |a |an |its |one of the )?(?P<cue>{ROLE_NOUNS}) (?:on|of|for) "
        r"(?:(?P<film_ana>«A\d+»)|{FILM_OF}(?P<film>{TITLES_P}))",
        needs=("serves", "served", "serving", "serve"),
    ),
    Rule(
        "crew.before_doing",
        r"(?P<agent>{WHO}){APPOS} (?:[^«».;, ]+ |«[XCFN]\d+» ){1,8}?(?:before|after|while|since|by) "
        r"(?P<cue>directing|writing|producing|co-directing|co-writing|co-producing|scoring|"
        r"editing) {FILM_OF}(?P<film>{TITLES})",
        needs=("before", "after", "while", "since", "by"),
    ),
    Rule(
        "crew.career_as_role_on",
        r"(?P<agent>{WHO}){APPOS} (?:[^«».;, ]+ ){1,5}?as (?:an? |the )(?:{ADJ}){0,2}?"
        r"(?P<cue>{ROLE_NOUN}) (?:on|of|for) (?:the )?(?:{FILM_NOUN} )?(?P<film>{TITLES})",
        needs=("as",),
    ),
    Rule(
        "crew.is_doing",
        r"(?P<agent>{WHOS}){APPOS} (?:, who |who )?(?:is|was|are|were|has been|had been) "
        r"(?:currently |now |also )?(?P<cue>(?:directing|writing|producing|co-directing|co-writing|co-producing|scoring|"
        r"editing)(?: and (?:directing|writing|producing|co-writing|co-directing|co-producing|"
        r"starring in))?) (?:the (?:script|screenplay|score|music) (?:for|of) )?(?:(?P<film_ana>«A\d+»)|"
        r"{FILM_OF}(?P<film>{TITLES_P}))(?! 's)",  # "is writing the film's score": its music
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
        r"(?:(?P<film>{FILMREF})|(?:^|, )(?P<film_ana>it)(?= (?:is|was|will be) )) (?:, (?:the |an? )?(?:(?:{ADJ}){0,2}?(?:«[PN]\d+» - [a-z]+ )?"
        r"{FILM_NOUN} )?|(?:is|was|will be) "
        r"(?:the |an? )?(?:(?:{ADJ}){0,2}?{FILM_NOUN} |(?:latest|newest|new|last|next) (?:offering |"
        r"outing |effort |project )?))?(?:from|by) (?:{ADJ})?(?P<cue>"
        r"director|film-maker|filmmaker|writer-director|writer|producer|co-directors|directors) "
        r"(?P<agent>{PEOPLE})",
        needs=("from", "by"),
    ),
    Rule(
        "crew.directed_someone_in",
        r"(?P<agent>{WHO}) (?:, who |who )?(?:[^«».;, ]+ ){0,4}?(?P<cue>directed|directing|directs|"
        r"direct) (?:him|her|them|{PEOPLE}) in (?:the )?(?:{ADJ}){0,3}?(?:{FILM_NOUN} )?(?P<film>{TITLES})",
        Relation.DIRECTOR,
        needs=("directed", "directing", "directs", "direct"),
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
        "crew.feature_as_director",
        r"(?P<agent>{WHOSE}) (?:{ADJ}){0,2}?(?:feature|film|movie|picture) as (?:a )?director(?: ,)? "
        r"(?:(?:is |was |, )(?:the )?(?:{ADJ}){0,2}?(?:{FILM_NOUN} )?)?(?P<film>{TITLE})",
        Relation.DIRECTOR,
        needs=("director",),
    ),
    Rule(
        "crew.debut_with",
        r"(?P<agent>{WHO}){APPOS} (?:, who |who )?(?:{AUX}|{ADV}){0,3}(?:makes|made|making|make|"
        r"will make) (?:his|her|their) (?:(?:feature |film )?(?:directorial|directing) debut|(?:feature |film )?debut as (?:a )?"
        r"director|debut behind the camera) (?:with|on) "
        r"{FILM_OF}(?P<film>{TITLE})",
        Relation.DIRECTOR,
        needs=("directorial", "directing", "director", "camera"),
    ),
    Rule(
        "crew.marks_debut",
        r"(?P<film>{FILMREF}) (?:marks|marked|is|was|will be) (?P<agent>{WHOSE}) (?:(?:{ADJ})?(?:feature |"
        r"film )?(?:directorial|directing) debut|(?:{ADJ})?return to (?:directing|the director 's chair))",
        Relation.DIRECTOR,
        needs=("directorial", "directing"),
    ),
    Rule(
        "crew.returns_with",
        r"(?:director|film-maker|filmmaker|auteur) (?P<agent>{PERSON}) (?:{ADV})?(?:returns|returned|is "
        r"back|was back|comes back|came back) (?:to (?:the big screen|cinemas|screens) )?with "
        r"{FILM_OF}(?P<film>{TITLE})",
        Relation.DIRECTOR,
        needs=("returns", "returned", "back"),
    ),
    Rule(
        "crew.which_person_verb",
        r"(?P<film>{FILMREF}) (?:, which|- a film|, (?:the|a|an) (?:{ADJ}){0,2}?{FILM_NOUN}(?: that| "
        r"which)?) (?P<agent>{WHO}) (?:{ADV})?"
        r"(?:also )?(?:(?:will|is to|is set to|is due to|is going to|would|is|was|has been|had been) "
        r"(?:{ADV})?)?"
        r"(?P<cue>{ROLE_VERB}(?: and {ROLE_VERB})*|(?:direct|write|produce|co-direct|co-write|"
        r"co-produce|score|edit)(?: and (?:direct|write|produce|co-produce))?|directing|writing|"
        r"producing|co-directing|co-writing|co-producing)(?![\w-])"
        r"(?! (?:in|for|with|by) (?!{YEAR}|the studio|the company|«O))",
        needs=("which", "film", *FILM_NOUN_WORDS),
    ),
    Rule(
        "crew.behind_camera",
        r"(?P<agent>{WHO}){APPOS} (?:, who |who )?(?:{AUX}|{ADV}){0,3}(?:is |was |will be |stepped |steps |went |goes )?"
        r"(?:behind the camera (?:for|on)|at the helm (?:of|for|on)(?! «[NO])) "
        r"(?:(?P<film_ana>«A\d+»)|{FILM_OF}(?P<film>{TITLE}))",
        Relation.DIRECTOR,
        needs=("camera", "helm"),
    ),
    Rule(
        "crew.shot_by_cinematographer",
        # "F was shot on location in X by cinematographer P", "P shot the film in 23 days with
        # cinematographer Q"
        r"(?:shot|filmed) (?:(?:[a-z0-9][\w'-]*|«[AXN]\d+»|,) ){0,8}?(?:by|with) (?:the )?(?:{ADJ})?"
        r"(?:cinematographer|director of photography) (?P<agent>{PEOPLE})",
        Relation.CINEMATOGRAPHER,
        film=None,
        needs=("cinematographer", "photography"),
    ),
    Rule(
        "crew.the_crew_noun_subject",
        # "The cinematographer P finds a hundred shades of grey in the sky", "the editor, P, cut
        # the film in a rented flat": the crew of the film the sentence is about, named with
        # the definite article as the subject of a verb (not "said": a newspaper's editor)
        r"(?:^|, |; |and )the (?P<cue>cinematographer|editor|director of photography) (?:, )?"
        r"(?P<agent>{PERSON}) (?:(?:also|again|[a-z]+ly) )?"
        r"(?!(?:who|whose|of|and|or|said|says|told|tells|adds|added|writes|wrote)\b)(?=[a-z])",
        film=None,
        needs=("cinematographer", "editor", "photography"),
    ),
    Rule(
        "crew.cinematographer_who_shot",
        # "P, the cinematographer who shot F and G"
        r"(?P<agent>{PERSON}) , (?:the |a |an )(?:{ADJ}){0,2}?" + _CAMERA_NOUN + r" (?:who|that) "
        r"(?:also |previously |famously )?(?:shot|lensed|photographed) (?P<film>{TITLES})",
        Relation.CINEMATOGRAPHER,
        needs=("cinematographer", "photography", "cameraman"),
    ),
    Rule(
        "crew.cinematographer_p_who_shot",
        # "Cinematographer P, who shot F"
        _CAMERA_NOUN + r" (?P<agent>{PERSON}) , who (?:also |previously |famously )?(?:shot|lensed|"
        r"photographed) (?P<film>{TITLES})",
        Relation.CINEMATOGRAPHER,
        needs=("cinematographer", "photography", "cameraman"),
    ),
    Rule(
        "crew.titles_both_of_which",
        r"(?P<film>{TITLES}) , (?:both|all|each) of which (?P<agent>{WHO}) (?:{ADV})?"
        r"(?P<cue>{ROLE_VERB}(?: and {ROLE_VERB})*)\b",
        needs=("which",),
    ),
    Rule(
        "crew.behind_camera_topic",
        r"(?:^|, |with |while )(?P<agent>{WHOS}){APPOS} (?:, who |who )?(?:{AUX}|{ADV}){0,3}(?:is |are |was |"
        r"will be |returns |steps |stepped |goes |went )?(?:back |again |once again )?behind the "
        r"camera(?= \.| ,| and |$)",
        Relation.DIRECTOR,
        film=None,
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
        "crew.hyphen_credit_before",
        # "the Tom Healy-directed thriller F", "a Nell Brody-penned drama, F"
        r"(?P<agent>{PERSON}(?: and {PERSON})?) - (?P<cue>directed|helmed|produced|penned|scripted|"
        r"written|scored) (?:{ADJ}){0,2}?{FILM_NOUN} (?:, )?(?P<film>{TITLE})",
        needs=("directed", "helmed", "produced", "penned", "scripted", "written", "scored"),
    ),
    Rule(
        "crew.hyphen_credit_after",
        # "F, the Tom Healy-directed thriller,", "F is a Nell Brody-produced documentary"
        r"(?P<film>{FILMREF}) (?:,|is|was) (?:the |a |an )(?:{ADJ}){0,2}?(?P<agent>{PERSON}(?: and "
        r"{PERSON})?) - (?P<cue>directed|helmed|produced|penned|scripted|written|scored) "
        r"(?:{ADJ}){0,2}?{FILM_NOUN}",
        needs=("directed", "helmed", "produced", "penned", "scripted", "written", "scored"),
    ),
    Rule(
        "crew.known_for_doing",
        r"(?P<agent>{WHO}){APPOS} (?:, )?(?:who is |who was |is |was |became |remains )?(?:{ADV})?"
        r"(?:best |perhaps best |probably best |most |widely )?(?:known|remembered|famous|celebrated) "
        r"for (?P<cue>directing|writing|producing|co-directing|co-writing|co-producing|scoring|"
        r"editing|helming) {FILM_OF}(?P<film>{TITLES_P})",
        needs=("known", "remembered", "famous", "celebrated"),
    ),
    Rule(
        "crew.directing_credits_include",
        r"(?P<agent>{WHOSE}|{WHO} , whose) (?:{ADJ})??(?:directing|directorial) credits "
        r"(?:{ADV})?(?:include|included|includes|have included) {FILM_OF}(?P<film>{TITLES})",
        Relation.DIRECTOR,
        needs=("credits",),
    ),
    Rule(
        "crew.its_noun_appos",
        r"(?:^|, |for )(?:the film 's|the movie 's|its|«A\d+» 's) (?:{ADJ})??(?P<cue>{ROLE_NOUN})(?: ,)? "
        r"(?P<agent>{PERSON})(?= ,| \.|$| [a-z])",  # the subject of a clause: "Its director X took"
        film=None,
        needs=ROLE_NOUN_WORDS,
    ),
    Rule(
        "crew.film_by_appos",
        r"^(?:the |a )(?:{ADJ}){0,3}?{FILM_NOUN} by (?P<agent>{PERSON}) , (?P<film>{TITLE})",
        Relation.DIRECTOR,
        needs=("by",),
    ),
    Rule(
        "crew.in_film_noun",
        r"(?:^|, )in {FILM_OF}(?P<film>{TITLE}) , (?:the |its )?(?:{ADJ})??(?P<cue>{ROLE_NOUN}) "
        r"(?P<agent>{PERSON})",
        needs=ROLE_NOUN_WORDS,
    ),
    Rule(
        "crew.co_verb_with",
        r"(?P<cue>co-wrote|co-writes|co-directed|co-directs|co-produced|co-produces) "
        r"(?:the (?:script|screenplay) (?:for|of) )?{FILM_OF}(?P<film>{TITLES_P}) (?:with|alongside) "
        r"(?:(?:his|her|their) )?(?:(?:director|producer|writer|actor|actress|star|partner|"
        r"collaborator) )?(?P<agent>{PEOPLE})",
        needs=("co-wrote", "co-writes", "co-directed", "co-directs", "co-produced", "co-produces"),
    ),
    Rule(
        "crew.bare_verb_topic",
        r"(?P<agent>{PEOPLE}) (?:{ADV})?(?P<cue>directs|co-directs|produces|co-produces|writes|"
        r"co-writes|scores|edits)(?= \.| , from | from |$)",
        film=None,
        needs=(
            "directs",
            "co-directs",
            "produces",
            "co-produces",
            "writes",
            "co-writes",
            "scores",
            "edits",
        ),
    ),
    Rule(
        "crew.pronoun_made_work",
        r"(?:^|, |and )(?P<agent>he|she) (?:{ADV})?(?:composed|wrote|co-wrote|penned|co-penned|"
        r"scripted|adapted) (?:the |its |a )?(?:{ADJ}){0,2}?(?P<cue>{ROLE_WORK})\b(?! (?:for|of) )",
        film=None,
        needs=ROLE_WORK_WORDS,
    ),
    Rule(
        "crew.is_film_from",
        r"(?P<film>{FILMREF}) (?:is|was|will be) (?:the |a |an )(?:{ADJ}){0,2}?{FILM_NOUN} (?:from|by) "
        r"(?:the )?(?P<cue>director|film-maker|filmmaker|writer-director|directors) "
        r"(?P<agent>{PEOPLE})",
        needs=("from", "by"),
    ),
    Rule(
        "crew.debut_of_director",
        r"(?:marks|marked|is|was) (?:the )?(?:{ADJ})?(?:feature |film )?(?:(?:directorial|directing) "
        r"debut of (?:(?:the )?(?:{ADJ})?(?:actor|actress|star|comedian|writer|playwright|novelist|"
        r"producer) )?|debut of (?:director|film-maker|filmmaker|writer-director) )(?P<agent>{PERSON})",
        Relation.DIRECTOR,
        film=None,
        needs=("debut",),
    ),
    Rule(
        "crew.makes_directing_debut",
        r"(?P<agent>{WHO}){APPOS} (?:, who |who )?(?:{AUX}|{ADV}){0,2}(?:makes|made|make|making) (?:his |her |their )"
        r"(?:feature )?(?:directorial|directing) debut (?:with|on) (?:(?P<film_ana>«A\d+»)|"
        r"{FILM_OF}(?P<film>{TITLE}))",
        Relation.DIRECTOR,
        needs=("debut",),
    ),
    Rule(
        "crew.years_doing",
        r"(?P<agent>{WHO}){APPOS} (?:, who |who )?(?:{AUX}|{ADV}){0,2}(?:spent|spends|spending|took|takes) "
        r"(?:[^«».; ]+ ){1,3}?(?P<cue>directing|writing|producing|co-directing|co-writing|"
        r"co-producing|scoring|editing) (?:(?P<film_ana>«A\d+»|it(?= \.| ,| in |$))|"
        r"{FILM_OF}(?P<film>{TITLES_P}))",
        needs=("spent", "spends", "spending", "took", "takes"),
    ),
    Rule(
        "crew.bare_doing_topic",
        r"(?P<agent>{PEOPLE}){APPOS} (?:{AUX}|{ADV}){0,2}(?:is |are |was |were |will |to |set to |due to |"
        r"signed to |signed on to |attached to |expected to )(?:{ADV})?(?:be )?(?P<cue>directing|producing|"
        r"writing|scoring|editing|direct|produce|write|score|edit)(?= \.| , with | , from | from |$)",
        film=None,
        needs=(*_GERUNDS, "direct", "produce", "write", "score", "edit"),
    ),
    Rule(
        "crew.directs_bare",
        # "P directs this three-hour account of ...", "The New Zealander P directs; Q produced",
        # "P directs from a script by Q": the film the sentence (a review's) is about
        r"(?:^|; |, )(?:the (?:«C\d+» |[a-z-]+ ){1,2}?)?(?P<agent>{PEOPLE}) (?:also |again )?"
        r"(?P<cue>directs|co-directs)"
        r"(?= \.| ;| ,| this\b| with\b| from\b|$)",
        film=None,
        needs=("directs", "co-directs"),
    ),
    Rule(
        "crew.with_person_doing",
        r"(?:^|, )with (?P<agent>{PEOPLE}) (?:(?:attached|set|signed|signed on|lined up|tapped|on board|"
        r"in talks|due) to (?=direct|produce|write|score|edit))?(?P<cue>directing|producing|writing|"
        r"scoring|editing|co-producing|co-writing|direct|produce|write|score|edit)"
        r"(?= \.| ,| and |$)",
        film=None,
        needs=(
            *_GERUNDS,
            "co-producing",
            "co-writing",
            "direct",
            "produce",
            "write",
            "score",
            "edit",
        ),
    ),
    Rule(
        "crew.with_person_doing_and",
        # the second of "with P directing and Q producing"
        r"(?:^|, )with {PEOPLE} (?:(?:attached|set|signed|signed on|lined up|tapped|on board|in talks|due) "
        r"to )?(?:directing|producing|writing|scoring|editing|co-producing|co-writing|direct|produce|"
        r"write|score|edit) (?:, )?and (?P<agent>{PEOPLE}) (?P<cue>directing|producing|writing|"
        r"scoring|editing|co-producing|co-writing)(?= \.| ,|$)",
        film=None,
        needs=(*_GERUNDS, "co-producing", "co-writing"),
    ),
    Rule(
        "crew.from_own_script",
        r"(?P<agent>{WHO}) (?:[^«».; ]+ ){0,6}?(?:from|on|with) (?:his|her|their) own "
        r"(?P<cue>script|screenplay)",
        film=None,
        needs=("script", "screenplay"),
    ),
    Rule(
        "crew.script_cowritten_with",
        # "F is a thriller directed by P from a screenplay he co-wrote with Q": P and Q wrote it
        r"(?:from|on|with) a (?:{ADJ})?(?P<cue>script|screenplay) (?:that )?(?P<agent>(?:he|she) "
        r"(?:co-wrote|co-penned|wrote) with {PEOPLE})",
        film=None,
        needs=("script", "screenplay"),
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
        # "The director was P", "Cinematographer is P" (data-to-text drops the article)
        r"(?:^|(?:the|its|the film 's|the movie 's|«A\d+» 's) )(?:{ADJ})??(?P<cue>{ROLE_NOUN}) "
        r"(?:was|is) "
        r"(?P<agent>{AGENTS})" + _NO_VERB_AFTER,
        film=None,
        needs=("was", "is"),
    ),
    Rule(
        "crew.served_as_topic",
        r"(?P<agent>{PEOPLE}){APPOS} (?:, who |who )?(?:{ADV})?(?:served as|acted as|worked as|was|"
        r"were|(?:will|is to|is set to) (?:also )?(?:serve|act) as|serves as) (?:the |a |an |its )?"
        r"(?:film 's |movie 's )?(?:{ADJ})??(?P<cue>{ROLE_NOUN})(?! (?:of|for|on|at|and) )",
        film=None,
        needs=("served", "acted", "worked", "was", "were", "serve", "serves", "act"),
    ),
    Rule(
        "crew.is_bare_role",
        # "and Q is executive producer": a role with no article is one in the film in view ("P is
        # a producer" says what P does)
        r"(?:^|, |and )(?P<agent>{PEOPLE}) (?:is|are|will be) (?:also )?(?P<cue>{ROLE_NOUN})"
        r"(?= \.| ,| and |$)",
        film=None,
        needs=ROLE_NOUN_WORDS,
    ),
    Rule(
        "crew.producing_through",
        # "P and R are producing through their O banner", "P will produce via her company O",
        # "P and Q are producing for Cardiff's O", "R produced for the Wellington company O": the
        # sentence's film (companies.people_produce_for gives the company)
        r"(?:^|; |, |and )(?P<agent>{PEOPLE}){APPOS} (?:(?:is|are|was|were|will be|will|have been|"
        r"has been) )?(?:also )?(?:producing|produce|produced|co-producing|co-produce|co-produced) "
        r"(?:through|via|under|for(?= the | «[OXN]\d+» ))",
        Relation.PRODUCER,
        film=None,
        needs=("producing", "produce", "produced", "co-producing", "co-produce", "co-produced"),
    ),
    Rule(
        "crew.is_films_noun",
        # "P is the film's executive producer", "P and Q were Salt Acre's producers"
        r"(?P<agent>{PEOPLE}){APPOS} (?:, who |who )?(?:{ADV})?(?:is|are|was|were|has been|"
        r"have been|had been|will be|serves as|served as|acted as) (?:(?P<film_ana>«A\d+») 's |its |"
        r"(?P<film>{TITLE}) 's )(?:{ADJ})??(?P<cue>{ROLE_NOUN})(?! (?:of|for|on|at|and) )",
        needs=("is", "are", "was", "were", "been", "be", "serves", "served", "acted"),
        flags=frozenset({"film_optional"}),
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
        flags=frozenset({"film_optional", "apposition"}),
        needs=ROLE_NOUN_WORDS,
    ),
    Rule(
        "crew.possessive_work",
        r"(?P<agent>{PERSON}) 's (?:{ADJ}){0,2}?(?P<cue>{ROLE_WORK})(?! for (?!«A))",
        film=None,
        needs=ROLE_WORK_WORDS,
    ),
    Rule(
        "crew.noun_possessive_film",
        # "Director P's film tells the story of ...": the film the sentence is about; not "P's
        # last film", another one
        r"(?:^|(?<=[a-z,] ))(?:the )?(?P<cue>{ROLE_NOUN}) (?P<agent>{PERSON}) 's "
        r"(?!(?:last|previous|earlier|other|next|first|debut|breakthrough|best|former) )"
        r"(?:{ADJ})?(?:film|movie|picture|feature|documentary)(?! ,? «| \( «)(?= [a-z.,]|$)",
        film=None,
        needs=ROLE_NOUN_WORDS,
    ),
    Rule(
        "crew.possessive_work_for",
        r"(?P<agent>{WHOSE}) (?:{ADJ}){0,2}?(?P<cue>{ROLE_WORK}) (?:for|in|of|on) "
        r"{FILM_OF}(?P<film>{TITLES})",
        needs=ROLE_WORK_WORDS,
    ),
    Rule(
        "crew.film_with_role_person",
        r"(?P<film>{TITLE}) (?:with|alongside) (?:the |its )?(?:{ADJ}){0,2}?(?P<cue>{ROLE_NOUN}) "
        r"(?P<agent>{PERSON})(?! 's)",
        needs=("with", "alongside"),
    ),
    Rule(
        "crew.served_as",
        r"(?P<agent>{PERSON}){APPOS} (?:was|is|served as|acted as) (?:the |its |a )?(?:film 's )?"
        r"(?P<cue>{ROLE_NOUN}) (?:of|for|on) (?:the )?(?P<film>{FILMREFS})",
        needs=("was", "is", "served", "acted"),
    ),
    Rule(
        "crew.work_by",
        # a word before the noun is read from its start ("(?<![a-z])"), tried once, not once per
        # letter: the same matches, since one starting inside the word would start at its start
        # too, and the search never starts inside a word (a match ends with a name's slot)
        r"(?:^|(?<![a-z])[a-z]+ |, )(?:{ADJ}){0,2}?(?P<cue>{ROLE_WORK}(?: and {ROLE_WORK})*) "
        r"(?:(?:for|of|to) (?:the )?(?P<film>{FILMREF}) )?(?:(?:was|is|were|are|will be|would be|is to be|"
        r"has been|had been|is being|was being) |, )?"
        r"(?:(?:composed|written|co-written|authored|penned|done|provided|created|handled|by) )?by "
        r"{BY_WHOM}(?P<agent>{AGENTS})",
        needs=("by",),
        flags=frozenset({"film_optional"}),
    ),
    Rule(
        "crew.made_work_with",
        r"(?:composed|wrote|co-wrote|penned|co-penned|(?:will|is to|is set to) (?:compose|write|"
        r"co-write|pen)|(?:has|have) (?:composed|written|co-written)) (?:the |its )?(?:{ADJ}){0,2}?"
        r"(?P<cue>{ROLE_WORK}) with (?:{KIN}(?:, )?|(?:his|her|their) )?(?:{ADJ}){0,2}?"
        r"(?:collaborator |partner |co-writer )?(?P<agent>{PEOPLE})",
        film=None,
        needs=("with",),
    ),
    Rule(
        "crew.executive_produces",
        r"(?P<agent>{PEOPLE}) (?:{AUX}|{ADV}){0,2}(?:executive[- ]produces|executive[- ]produce|"
        r"exec[- ]produces|exec[- ]produce|is executive[- ]producing|are executive[- ]producing)"
        r"(?= \.| ,| and |$)",
        Relation.EXECUTIVE_PRODUCER,
        film=None,
        needs=("executive", "exec"),
    ),
    Rule(
        "crew.made_work",
        r"(?<!is )(?<!was )(?P<agent>{AGENTS})(?: , who| ,(?= wrote | composed ))? (?:also )?(?:(?:has|have|had) (?:also )?"
        r"(?:composed|written|co-written|penned|provided|created|handled) |(?:will|is to|is set to) "
        r"(?:compose|write|co-write|pen|provide|create|handle) |(?:composed|wrote|co-wrote|penned|provided|"
        r"created|did|handled) |(?:was|is|were|are) (?:in charge of|responsible for) )(?:the |its |a )?"
        r"(?:{ADJ}){0,2}?(?P<cue>{ROLE_WORK})s?(?: (?:of|for) "
        r"(?P<film>{FILMREF}))?(?! (?:for|of) (?:the |a |an )?(?:[a-z-]+ )?(?:musical|play|show|"
        r"series|album|song|novel|book|opera|stage|record|game|ballet|production))",
        flags=frozenset({"film_optional"}),
        needs=ROLE_WORK_WORDS,
    ),
)
