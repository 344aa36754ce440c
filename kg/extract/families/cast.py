"""Cast: who plays in a film. "F, starring A and B"; "A stars in F"; "A plays C in F"; "F star A".

Film-anchored wordings take the film on their left; person-anchored ones the film(s) on their
right, every member of a list included.
"""

# ruff: noqa: RUF001  (typographic quotes and dashes are data here)

from __future__ import annotations

from ...model import Relation
from ..patterns import REUNITE_WORDS, Rule

CAST = Relation.CAST_MEMBER

_STAR_VERB = r"(?:co-)?(?:starred|stars|starring|star)"
_APPEAR = (
    r"(?:appeared|appears|appear|appearing|featured|features|feature|co-starred|be seen|been seen|"
    r"(?<=was )seen|(?<=is )seen|(?<=last )seen)"
)
_IN_FILM = r"in (?:(?P<film_ana>«A\d+»)|{FILM_OF}(?P<film>{TITLES_P}))"
_NOT_AN_OBJECT = r"(?<!left )(?<!quit )(?<!joined )"
"""Not the object of a verb one says of a show or a company ("P left Harbour Row last year and
made her debut in F": Harbour Row made no debut)."""
_SHARED_SCREEN = r"(?:shared|shares|share|sharing) (?:the )?(?:big |silver )?screen"
"""Acting together: "P shared the screen with Q in F"."""
_CHAR = "{CHAR}"
_MAKE_VERB = r"(?:star|co-star|direct|co-direct|produce|co-produce|write|co-write)"
"""What one is to do in a film: "is to co-produce and star in a heist film"."""
_ROLE_NOUN = r"(?:role|roles|part|parts|performance|performances|turn|cameo|cameos|debut|lead|(?<=big )break)"
_ROLE_NOUN_WORDS = (
    "role",
    "roles",
    "part",
    "parts",
    "performance",
    "performances",
    "turn",
    "cameo",
    "cameos",
    "debut",
    "lead",
    "break",
)
"""The words of ``_ROLE_NOUN`` (a rule built on it needs one of them)."""
_NOT_A_CHARACTER = (
    r"(?:the |a |an |his |her |their )?(?:{ADJ}){0,2}?(?:guitar|piano|drums|bass|violin|cello|"
    r"saxophone|trumpet|keyboards|football|golf|tennis|cricket|rugby|basketball|baseball|chess|"
    r"poker|music|songs?|gigs?|concerts?|shows?|host|down|up|games?|video games?|tribute|live|"
    r"dates|venues?|role|roles|part|parts|lead|character|characters|festivals?|sets?|matches|"
    r"match|season|tour|album|record|track|piece|instrument|organ|hosts?|presenters?|judges?|mentor|"
    r"chair|chairman|chairwoman|president|ambassador|spokes(?:man|woman|person)|coach|captain|"
    r"manager|producer|director|writer)\b"
)
"""What "plays" is not followed by when it gives a role ("plays the guitar", "plays host")."""
_TOPIC_CHARACTER = (
    r"(?!" + _NOT_A_CHARACTER + r")(?P<character>" + _CHAR + r")(?! in | at the | for )"
)
"""The character of a role whose film is the text's ("P plays Q", "P landed the role of Q"),
with no film after it."""
_ROLE_NOUN_OR_CHARACTER = (
    r"(?:role|roles|part|parts|performance|performances|turn|cameo|cameos|(?:screen|acting|"
    r"big-screen|film|movie|cinema) debut|lead|character)"
)
"""What a person's possessive names in a cast wording ("her turn in F"); a bare "P's debut, F"
may be a director's, so only "P's screen debut" counts."""

_PRAISE_WORDS = (
    "superb", "excellent", "brilliant", "wonderful", "terrific", "convincing", "outstanding",
    "magnificent", "impressive", "good", "great", "fine", "memorable", "moving", "marvellous",
    "marvelous", "strong", "perfect", "miscast", "unconvincing", "hilarious", "chilling",
    "compelling", "mesmerising", "mesmerizing", "stunning", "riveting", "effective", "luminous",
    "touching", "sensational", "solid", "believable", "electrifying", "powerful", "formidable",
    "unforgettable", "phenomenal", "extraordinary", "remarkable", "fantastic", "delightful",
    "charming", "magnetic", "poignant", "wooden",
)  # fmt: skip
"""What a review calls an actor in a part: "P is superb as C in F", "P is miscast as C"."""
_PRAISE_VERBS = (
    "excels", "excelled", "shines", "shone", "impresses", "impressed", "dazzles", "dazzled",
    "sparkles", "sparkled",
)  # fmt: skip
"""Verbs of a review: "P excels as C"."""
_PRAISE = "(?:" + "|".join(_PRAISE_WORDS) + ")"
_PRAISED_AS = (
    r"(?:(?:is|was|are|were) (?:{ADV})?(?:very |quite |particularly |especially |truly |simply |"
    r"perfectly |utterly )?(?:perfectly cast|" + _PRAISE + ")|" + "|".join(_PRAISE_VERBS) + ") as"
)
"""A review's "P is superb as", "P excels as": the character follows."""

_WILL_STAR = (
    r"(?:(?:was|is|will|would) (?:(?:set|due|going|expected) )?(?:to )?(?:also |again |once again )?"
    r"(?:co-)?star)"
)
"""A film's cast to come: "F will star P", "F, which is set to star P"."""

_RELATIONAL_PART = (
    r"(?:himself|herself|themselves|(?:{ADJ})?(?:lovers|siblings|sisters|brothers|twins|rivals|"
    r"friends|enemies|spouses|partners|colleagues|love interests|(?:a )?(?:married )?couple|"
    r"husband and wife|mother and (?:son|daughter)|father and (?:son|daughter)))"
)
"""A part named by how the people who play it are related, or by a reflexive: "P and Q, who
play lovers in F", "P plays herself in F" (no character name to keep)."""

_PERSON_GENRE_HEADS = (
    "film", "movie", "drama", "comedy", "thriller", "western", "romcom", "rom-com", "biopic",
    "horror", "epic", "vehicle", "caper", "satire", "musical", "documentary",
)  # fmt: skip
"""Nouns a person's name can modify to mean a film of theirs ("the Tom Healy thriller F")."""


RULES: tuple[Rule, ...] = (
    Rule(
        "cast.film_starring",
        r"(?<!by )(?P<film>{FILMREF}){FILM_APPOS}(?: ,| -| –| \(| :)? (?:which |that )?(?:is |was )?"
        r"(?:also )?(?:co-)?starring "
        r"(?P<agent>{CASTLIST})",
        CAST,
        needs=("starring",),
    ),
    Rule(
        "cast.films_both_starring",
        r"(?P<film>{FILMREFS}) , (?:which are |are )?(?:both|all|each) (?:co-)?starring "
        r"(?P<agent>{CASTLIST})",
        CAST,
        needs=("starring",),
    ),
    Rule(
        "cast.film_stars",
        r"(?!«[FNA]\d+» , (?:{ADV})?(?:co-)?(?:stars|starred) )"  # "which P wrote after seeing F, stars"
        r"(?P<film>{FILMREF}){FILM_APPOS}(?: ,)? (?:which |that )?(?:{ADV})?(?:co-)?(?:stars|starred)"
        r"(?! in | opposite | alongside | with | together ) "
        r"(?:{ADJ}){0,2}?(?:the (?:actors|actresses|actor|actress) )?(?P<agent>{CASTLIST})",
        CAST,
        needs=(
            "stars",
            "starred",
            "co-stars",
        ),
    ),
    Rule(
        "cast.film_to_star",
        r"(?P<film>{FILMREF})(?: ,)? (?:which )?" + _WILL_STAR + r" (?P<agent>{PEOPLE})",
        CAST,
        needs=("star",),
    ),
    Rule(
        "cast.film_featuring",
        r"(?P<film>{FILMREF}){FILM_APPOS}(?: , which| ,)? (?:also )?(?:featuring|features|featured|"
        r"(?:will|is to|is set to) (?:also )?feature|(?=boasts (?:the )?(?:voices|vocal))boasts) "
        r"(?:(?:an? |the )?(?:{ADJ}){0,2}?(?:cast|performances?|turns?|voices?|voice cast|"
        r"vocal talents?) (?:including|from|by|of) )?(?:{QUALIFIED_NOUN} )?"
        r"(?P<agent>{CASTLIST})",  # "the voices of P and comedian Q as C"
        CAST,
        needs=("featuring", "features", "featured", "boasts"),
    ),
    Rule(
        "cast.has_in_its_cast",
        r"(?P<film>{FILMREF}) (?:has|had|have|includes|included) (?P<agent>{PEOPLE}) (?:in|among) "
        r"(?:its|the) (?:{ADJ})?cast\b",
        CAST,
        needs=("cast",),
    ),
    Rule(
        "cast.with_voices",
        # "with the voices of P and Q", "..., and features the voices of P and Q"
        r"(?:^|, )(?:with|featuring|and (?:also )?(?:features|featured)) (?:the )?(?:voices?|"
        r"voice work|vocal talents?) (?:of|by|from) (?P<agent>{PEOPLE})",
        CAST,
        film=None,
        needs=("voice", "voices", "vocal"),
    ),
    Rule(
        "cast.film_voiced_by",
        r"(?P<film>«[FA]\d+»){FILM_APPOS}(?: ,)? (?:which is |is |was )?(?:also )?voiced by "
        r"(?P<agent>{PEOPLE})",
        CAST,
        needs=("voiced",),
    ),
    Rule(
        "cast.topic_stars",
        r"(?:^|, |and |also |{FILM_NOUN_SG} |«A\d+» |it |that |which )(?:also )?(?:stars|starring|"
        r"starred|co-starring|co-stars|co-starred|"
        + _WILL_STAR
        + r")(?! in\b) (?:{ADJ}){0,2}?(?:the (?:actors|"
        r"actresses|actor|actress) )?(?P<agent>{CASTLIST})",
        CAST,
        film=None,
        needs=("stars", "starring", "starred", "co-starring", "co-stars", "co-starred", "star"),
    ),
    Rule(
        "cast.title_star",
        r"(?P<film>{TITLES}) (?:{ADJ})?(?:star|stars|co-star|co-stars|lead) (?P<agent>{PERSON})"
        r"(?! {QUALIFIED_NOUN} «)",  # "stars EastEnders actress P": not EastEnders
        CAST,
        needs=("star", "stars", "co-star", "co-stars", "lead"),
    ),
    Rule(
        "cast.title_actor",
        r"(?P<film>{TITLES}) (?:actor|actress) (?P<agent>{PERSON})",
        CAST,
        explicit=False,
        needs=("actor", "actress"),
    ),
    Rule(
        "cast.person_genre_title",
        # "the Robert De Niro thriller Hide and Seek": his film, as what the text calls him
        r"\b(?:the|a|an) (?P<agent>«[PN]\d+») (?:{ADJ})?(?:" + "|".join(_PERSON_GENRE_HEADS) + ") "
        r"(?P<film>{TITLE})",
        CAST,
        explicit=False,
        needs=_PERSON_GENRE_HEADS,
        flags=frozenset({"by_occupation"}),
    ),
    Rule(
        "cast.with_person_as_character",
        # "P plays the title role, with Q as his wife": not "with Q as executive producer"
        r"(?:plays|played|playing|play|stars|starred|starring|co-stars|co-starring|role) "
        r"(?:[^«».; ]+ |«[PNXFA]\d+» ){0,14}?, (?:and )?with "
        r"(?=(?:[a-z-]+ |«[PNXCF]\d+» ){0,8}?as (?!(?:the |an? |its )?{ROLE_NOUNS}\b))"
        r"(?P<agent>{CASTLIST})",  # "with comedian Q and former X actor R as the gang's leaders"
        CAST,
        film=None,
        needs=("with",),
    ),
    Rule(
        "cast.with_people_in_roles",
        # "The film features P in the lead role, with Q and R in supporting roles"
        r"(?:, |^)with (?P<agent>{PEOPLE}) in (?:a |the |an )?(?:{ADJ}){0,2}?(?:role|roles|part|parts|"
        r"cameo|cameos|lead|leads)(?= \.| ,| and |$)",
        CAST,
        film=None,
        needs=("role", "roles", "part", "parts", "cameo", "cameos", "lead", "leads"),
    ),
    Rule(
        "cast.returns_in",
        r"(?P<agent>{WHOS}){APPOS} (?:, who |who )?(?:{AUX}|{ADV}){0,3}(?:returns|returned|return|"
        r"returning|comes back|came back|come back|is back|was back|are back) (?:to (?:the big "
        r"screen|the screen|cinemas|acting) )?in {FILM_OF}(?P<film>{TITLES_P})(?: , playing "
        r"(?P<character>" + _CHAR + r"))?",
        CAST,
        character="character",
        needs=("returns", "returned", "return", "returning", "back"),
    ),
    Rule(
        "cast.returns_for",
        r"(?P<agent>{WHOS}){APPOS} (?:, who |who )?(?:{AUX}|{ADV}){0,3}(?:returns|returned|return|returning|is back|"
        r"are back|will be back|comes back|come back) for {FILM_OF}(?P<film>{TITLES})",
        CAST,
        needs=("returns", "returned", "return", "returning", "back"),
    ),
    Rule(
        "cast.signed_up_for",
        r"(?P<agent>{WHOS}){APPOS} (?:, who |who )?(?:{AUX}|{ADV}){0,3}(?:signed up for|signed on for|signed on to) "
        r"(?!(?:direct|co-direct|helm|produce|co-produce|executive produce|write|co-write|pen|script|"
        r"score|compose|edit|shoot|lens)\b)"  # "signed on to direct F": not a part in it
        r"{FILM_OF}(?P<film>{TITLES})(?! as (?:an? |the )?(?:executive |co-)?(?:producer|director|"
        r"writer|screenwriter|composer|editor|cinematographer))",
        CAST,
        needs=("signed",),
    ),
    Rule(
        "cast.starred_in",
        r"(?P<agent>{WHO}){APPOS} (?:, who |who )?(?:{AUX}|{ADV}){0,3}"
        r"(?:(?:signed|agreed) (?:on |up )?to |(?:attached|tapped|lined up|confirmed|hired|on board) "
        r"to )?"
        + _STAR_VERB
        + r" (?:as (?P<character>"
        + _CHAR
        + r") )?(?:(?:alongside|opposite|with|together with) {PEOPLE} )?"
        + _IN_FILM,
        CAST,
        character="character",
        needs=(
            "star",
            "starred",
            "stars",
            "starring",
            "co-starred",
            "co-star",
            "co-stars",
            "co-starring",
        ),
    ),
    Rule(
        "cast.appeared_in",
        r"(?P<agent>{WHO}){APPOS} (?:, who |who )?(?:{AUX}|{ADV}){0,3}"
        + _APPEAR
        + r" (?:as (?P<character>"
        + _CHAR
        + r") )?(?:(?:alongside|opposite|with|together with) (?:{ADJ}){0,2}?{PEOPLE} )?"
        r"(?:[^«» ]+ ){0,3}?in (?:(?P<film_ana>«A\d+»)|(?:the |a |an |his |her |«[PN]\d+» 's )?(?:{ADJ}){0,3}?"
        r"(?:{FILM_NOUN} |{NUMBER}?(?:«[PN]\d+» )?{FILM_NOUNS}(?: ,)? (?:including |such as )?|"
        r"(?:film |movie |screen |big-screen )?(?:version|adaptation) of (?:the )?(?:[a-z]+ )?)?"
        r"(?P<film>{TITLES_P}))",
        CAST,
        character="character",
        needs=("appeared", "appears", "appear", "appearing", "featured", "co-starred", "seen"),
    ),
    Rule(
        "cast.star_of",
        r"(?P<agent>{WHO}){APPOS} (?:,|-|–|—) (?:the |a |its |who is |who was )?(?:{ADJ}){0,2}?"
        r"(?:star|stars|co-star|lead|leads) of (?:the )?(?:{ADJ}){0,2}?(?:{FILM_NOUN} |{FILM_NOUNS} )?"
        r"(?P<film>{TITLES_P})",
        CAST,
        needs=("star", "stars", "co-star", "lead", "leads"),
        flags=frozenset({"apposition"}),
    ),
    Rule(
        "cast.the_star_of",
        r"(?:^|[.;] )the (?:{ADJ}){0,2}?(?:star|co-star) of (?:the )?(?:{FILM_NOUN} )?"
        r"(?P<film>{TITLES}) (?!«)",
        CAST,
        agent=None,
        needs=("star", "co-star"),
    ),
    Rule(
        "cast.possessive_role",
        r"(?P<agent>{WHOSE}) (?:{ADJ}){0,3}?"
        + _ROLE_NOUN_OR_CHARACTER
        + r" (?:(?:as |(?<=character ))(?P<character>"
        + _CHAR
        + r") )?(?:opposite {PEOPLE} )?(?:(?<!character ), |included |include |includes |including |in |, "
        r"including |came in {YEAR} , playing [^«».; ]+ in |came in |was in )+{FILM_OF}(?P<film>{TITLES})",
        CAST,
        character="character",
        needs=(*_ROLE_NOUN_WORDS, "character"),
    ),
    Rule(
        "cast.role_in",
        # (not a person after "by": "She appeared in F, directed by Q, and won a prize for her
        # role in G")
        r"(?<!by )" + _NOT_AN_OBJECT + r"(?P<agent>{WHO}(?: and {WHO})?){APPOS} "
        r"(?:[^«» .;]+ |«[XOC]\d+» |«[FN]\d+» and ){0,10}?(?:his |"
        r"her |their |a |an |the |best |for )(?:{ADJ}){0,3}?"
        + _ROLE_NOUN
        + r"s? (?:(?:as|of)(?! (?:his|her|their) (?:career|life|lifetime)\b) (?P<character>"
        + _CHAR
        + r") |of (?:his|her|their) (?:career|life|lifetime) )?(?:opposite {PEOPLE} )?in "
        r"(?:(?P<film_ana>«A\d+»)|{FILM_OF}(?P<film>{TITLES_P}))",
        CAST,
        character="character",
        needs=_ROLE_NOUN_WORDS,
    ),
    Rule(
        "cast.each_prize_for_their_roles",
        # "awarded P the best actor prize and Q the best actress award for their roles in F"
        r"(?P<agent>{PERSON} (?:the|a|an|their|its) (?:[^«».;, ]+ ){1,5}?(?:, and|,|and) {PERSON}) "
        r"(?:the|a|an|their|its) (?:[^«».;, ]+ ){1,5}?for their (?:{ADJ})?(?:roles|performances|parts|"
        r"turns) in (?:(?P<film_ana>«A\d+»)|{FILM_OF}(?P<film>{TITLES_P}))",
        CAST,
        needs=("roles", "performances", "parts", "turns"),
    ),
    Rule(
        "cast.with_roles_in",
        r"(?P<agent>{WHO}) (?:[^«» .;]+ ){0,8}?(?:with |for |of )(?:{ADJ}){0,2}?"
        r"(?:roles|parts|performances) in (?:the |a )?(?P<film>{TITLES})",
        CAST,
        needs=("roles", "parts", "performances"),
    ),
    Rule(
        "cast.plays_in",
        r"(?P<agent>{WHOS}){APPOS} (?:, who |who )?(?:[^«» .;]+ |«X\d+» ){0,6}?(?:plays|played|playing|play|"
        r"portrays|portrayed|portraying|portray|voices|voiced|voicing|voice|stars as|starred as|"
        r"starring as|returns as|returned as|returning as|(?:provides |provided |providing )?the voice of|"
        + _PRAISED_AS
        + r") "
        r"(?:(?P<character>"
        + _CHAR
        + r")|(?:opposite|alongside) {PERSON}|"
        + _RELATIONAL_PART
        + r")(?: and (?:an? |the |his |her )?(?:[^«» .;,]+ ){1,3}?, respectively ,)?"
        # a part described between commas ("plays C, a nurse, in F"); an open one is no gap:
        # "plays C, a nurse in Tucson" sets the part in a place
        r" (?:(?!and )[^«» .;,]+ ){0,4}?(?:, (?:[^«» .;,]+ ){1,4}?, )?" + _IN_FILM,
        CAST,
        character="character",
        needs=(
            "plays",
            "played",
            "playing",
            "play",
            "portrays",
            "portrayed",
            "portraying",
            "portray",
            "voices",
            "voiced",
            "voicing",
            "voice",
            "stars",
            "starred",
            "starring",
            "returns",
            "returned",
            "returning",
            *_PRAISE_WORDS,
            *_PRAISE_VERBS,
        ),
    ),
    Rule(
        "cast.one_of_its_stars_named",
        r"one of (?:the|its|the film 's|the movie 's) (?:{ADJ}){0,2}?(?:stars|actors|actresses|leads|"
        r"cast members) , (?:\d+(?: - |-)year-old )?(?P<agent>{PERSON})",
        CAST,
        film=None,
        needs=("one",),
    ),
    Rule(
        "cast.star_in_film_with",
        r"(?:starred|starring|stars|star|co-starred|co-starring|appeared|appearing|appears) "
        + _IN_FILM
        + r" (?:alongside|opposite|with|together with) (?:{ADJ}){0,2}?(?P<agent>{PEOPLE})",
        CAST,
        needs=("alongside", "opposite", "with"),
    ),
    Rule(
        "cast.in_which_plays",
        # "F, in which she plays C", "F, in which she stars with Q", "F 2, in which P returns as
        # C": she (and Q, P) in F's cast
        r"(?P<film>{FILMREF})(?: \( {YEAR} \))? , in which (?P<agent>{WHOS} (?:{ADV})?(?:plays|played|portrays|"
        r"portrayed|stars as|starred as|voices|voiced|stars|starred|appears|appeared|co-stars|"
        r"co-starred|play|star|appear|co-star|returns as|returned as|return as|is back as|was back as|"
        r"(?:reprise|reprises|reprised) (?:their|his|her) "
        r"roles?)(?: (?:with|alongside|opposite) {PEOPLE})?)(?: (?:as )?(?P<character>"
        + _CHAR
        + r"))?",
        CAST,
        character="character",
        needs=("which",),
    ),
    Rule(
        "cast.portrayal_in",
        r"(?P<agent>{WHOSE}) (?:{ADJ}){0,2}?portrayal of (?P<character>" + _CHAR + r") in "
        r"{FILM_OF}(?P<film>{TITLES_P})",
        CAST,
        character="character",
        needs=("portrayal",),
    ),
    Rule(
        "cast.will_play",
        r"(?P<agent>{WHO}){APPOS} (?:, who |who )?(?:{AUX}|{ADV}){0,3}(?:play|plays|playing) (?:the )?(?:{ADJ}){0,2}?"
        r"(?:lead|title role|role of (?P<character>"
        + _CHAR
        + r")) in {FILM_OF}(?P<film>{TITLES_P})",
        CAST,
        character="character",
        needs=("play", "plays", "playing"),
    ),
    Rule(
        "cast.debut_in",
        _NOT_AN_OBJECT + r"(?P<agent>{WHO}|{WHOSE}) (?:'s )?(?:[^«» .;]+ ){0,6}?(?:debut|career) "
        r"(?:[^«».; ]+ ){0,8}?"
        r"in {FILM_OF}(?P<film>{TITLES})",
        CAST,
        needs=("debut", "career"),
    ),
    Rule(
        "cast.its_stars",
        r"(?P<film>«[FA]\d+») (?:[^«» .;]+ ){0,6}?(?:its|whose) (?:{ADJ}){0,2}?(?:star|stars|"
        r"co-stars|leads)(?: ,)? (?P<agent>{PEOPLE})",
        CAST,
        needs=("its", "whose"),
    ),
    Rule(
        "cast.its_stars_topic",
        r"(?:^|, |while |whereas |and |as |with |when |for )(?:one of )?(?:its|the film 's|the movie 's|"
        r"«A\d+» 's) (?:{ADJ}){0,2}?(?:star|stars|co-star|co-stars|lead|leads)(?: ,)? "
        r"(?P<agent>{PEOPLE})",
        CAST,
        film=None,
        needs=("its", "'s"),
    ),
    Rule(
        "cast.possessive_costar",
        r"(?P<agent>{WHOSE} (?:{ADJ}){0,2}?(?:co-star|co-stars|costar|costars) {PEOPLE})",
        CAST,
        film=None,
        needs=("co-star", "co-stars", "costar", "costars"),
    ),
    Rule(
        "cast.possessive_film_costar",
        r"(?P<agent>{WHOSE} (?P<film>{FILMREF}) (?:co-star|co-stars|costar|costars) {PEOPLE})",
        CAST,
        needs=("co-star", "co-stars", "costar", "costars"),
    ),
    Rule(
        "cast.possessive_film_castmates",
        # "a photo with her Glass Harbour castmates": she is in its cast too
        r"(?P<agent>{WHOSE}) (?:{ADJ})?(?P<film>{FILMREF}) (?:castmates|cast-mates|co-stars|costars)\b"
        r"(?! «)",
        CAST,
        needs=("castmates", "cast-mates", "co-stars", "costars"),
    ),
    Rule(
        "cast.while_filming",
        r"(?P<agent>{PEOPLE}) (?:[^«».; ]+ ){0,14}?(?:while|when|as) (?:(?:they|he|she) (?:(?:were|was) "
        r"(?:filming|shooting)|filmed|shot)|filming|shooting)(?: (?:{ADJ})?scenes (?:for|of|on))? "
        r"{FILM_OF}(?P<film>{TITLES})",
        CAST,
        needs=("filming", "shooting", "filmed", "shot"),
    ),
    Rule(
        "cast.on_set_of",
        r"(?P<agent>{WHOS}) (?:{AUX}|{ADV}){0,2}(?:was |were )?(?:spotted|seen|pictured|"
        r"photographed|snapped|filming|working) (?:[^«».; ]+ ){0,3}?on (?:the )?set of "
        r"{FILM_OF}(?P<film>{TITLES})",
        CAST,
        needs=("set",),
    ),
    Rule(
        "cast.lent_voice",
        r"(?P<agent>{WHOS}) (?:{AUX}|{ADV}){0,3}(?:lent|lends|lend|lending) (?:his|her|their) "
        r"voices? to {FILM_OF}(?P<film>{TITLES_P})",
        CAST,
        needs=("lent", "lends", "lend", "lending"),
    ),
    Rule(
        "cast.headlines",
        r"(?P<agent>{WHOS}){APPOS} (?:, who |who )?(?:{AUX}|{ADV}){0,3}(?:headlines|headlined|headline|headlining|"
        r"toplines|toplined|topline|toplining) (?:(?P<film_ana>«A\d+»)|{FILM_OF}(?P<film>{TITLES_P}))",
        CAST,
        needs=(
            "headlines",
            "headlined",
            "headline",
            "headlining",
            "toplines",
            "toplined",
            "topline",
            "toplining",
        ),
    ),
    Rule(
        "cast.set_to_lead",
        r"(?P<agent>{WHOS}){APPOS} (?:(?:is|are|was|were) (?:set |due |expected |poised |now )?to|will|"
        r"(?:has |have |had )?(?:signed on|been tapped|been cast|been chosen|been hired|agreed) to) "
        r"(?:co-)?(?:lead|front) {FILM_OF}(?P<film>{TITLES})",
        CAST,
        needs=("lead", "front", "co-lead", "co-front"),
    ),
    Rule(
        "cast.boarded",
        r"(?P<agent>{WHOS}){APPOS} (?:, who |who )?(?:{AUX}|{ADV}){0,3}(?:boarded|boards|board|boarding) "
        r"{FILM_OF}(?P<film>{TITLES_P})(?! (?:as|to) (?!star\b)[a-z]| , which (?:he|she|they) )",
        CAST,
        needs=("boarded", "boards", "board", "boarding"),
    ),
    Rule(
        "cast.joining_cast_members",
        # "P has boarded F, joining previously announced cast members Q and R": Q and R too
        r"(?P<film>{FILMREF}) , (?:joining|who joins|who join|and joins|and join) (?:the )?"
        r"(?:{ADJ}){0,3}?(?:cast members?|co-stars?|castmates?|cast-mates?) (?P<agent>{PEOPLE})",
        CAST,
        needs=("joining", "joins", "join"),
    ),
    Rule(
        "cast.joining_them_are",
        # "Joining Haddad in the cast are P as C and Q": the film in view gains P and Q
        r"^joining (?:{PEOPLE}|him|her|them)(?: in (?:the )?(?:{ADJ}){0,2}?cast)? (?:are|is|will be) "
        r"(?P<agent>{CASTLIST})",
        CAST,
        film=None,
        needs=("joining",),
    ),
    Rule(
        "cast.joined_by",
        # "Lorne, 34, will be joined by P and Q, as a pair of teachers", "She is joined in the
        # cast by R": the film the sentence is about gains P, Q and R
        r"^(?:«[PN]\d+»|she|he|they)(?: , \d+ ,)? (?:{AUX}|{ADV}){0,2}(?:be |been )?joined "
        r"(?:in (?:the )?(?:{ADJ})?cast |on screen )?by (?P<agent>{CASTLIST})(?= ,| \.| as |$)",
        CAST,
        film=None,
        needs=("joined",),
    ),
    Rule(
        "cast.directed_by_and_star",
        # "F, ..., which will be directed by P and star Q": Q is in the film the clause is on
        r"(?:, which|, that) (?:will|is to|is set to) be (?:directed|written|produced) by {PEOPLE} and "
        r"(?:will )?(?:star|co-star) (?P<agent>{PEOPLE})",
        CAST,
        film=None,
        needs=("star", "co-star"),
    ),
    Rule(
        "cast.back_to_voice",
        # "P and Q are back to voice the badger and the hedgehog": the sequel in view's cast
        r"(?:^|, |and )(?P<agent>{PEOPLE}) (?:are|is|will be) (?:back|returning) to (?:voice|play|star)\b",
        CAST,
        film=None,
        needs=("back", "returning"),
    ),
    Rule(
        "cast.be_seen_in",
        r"(?P<agent>{WHOS}){APPOS} (?:, who |who )?(?:will|can|is to|is set to) (?:next |soon |{ADV}){0,2}"
        r"be seen "
        r"(?:(?:opposite|alongside|with) {PEOPLE} )?in {FILM_OF}(?P<film>{TITLES_P})",
        CAST,
        needs=("seen",),
    ),
    Rule(
        "cast.film_with_people",
        # "F, with P and Q, opens ...", "In third was the comedy F, with P and Q.": F's cast,
        # unless the text calls one of them a director; not "F, with P as Q", "with P directing"
        r"(?P<film>«[FA]\d+») , (?:also )?with (?P<agent>{PEOPLE})(?= ,| \.| ;|$)",
        CAST,
        needs=("with",),
        flags=frozenset({"cast_unless_director"}),
    ),
    Rule(
        "cast.filming_scenes",
        r"(?P<agent>{WHOS}){APPOS} (?:, who |who )?(?:{AUX}|{ADV}){0,3}(?:was |were )?(?:spotted |seen |pictured |"
        r"photographed |snapped )?(?:filming|shooting|shot|filmed|films|shoots) (?:(?:new |some |"
        r"more |key |final |the final |emotional |intimate )?scenes (?:for|of|on) {FILM_OF}|"
        r"(?:his|her|their) (?:{ADJ}){0,2}?{FILM_NOUN} (?:, )?)(?P<film>{TITLE})",
        CAST,
        needs=("filming", "shooting", "shot", "filmed", "films", "shoots"),
    ),
    Rule(
        "cast.promoting_own_film",
        r"(?P<agent>{WHO}){APPOS} (?:, who |who )?(?:{AUX}|{ADV}){0,3}(?:was |were )?(?:[^«».; ]+ ){0,3}?(?:to )?"
        r"(?:promote|promotes|promoted|promoting|plug|plugging|plugged) (?:his|her|their) "
        r"(?:{ADJ}){0,2}?{FILM_NOUN} (?:, )?(?P<film>{TITLE})",
        CAST,
        explicit=False,
        needs=("promote", "promotes", "promoted", "promoting", "plug", "plugging", "plugged"),
    ),
    Rule(
        "cast.people_costar_topic",
        r"(?P<agent>{PEOPLE}) (?:{AUX}|{ADV}){0,3}(?:co-star|co-stars|co-starring)(?= \.| ,| in "
        r"«A| alongside| opposite| with|$)",
        CAST,
        film=None,
        needs=("co-star", "co-stars", "co-starring"),
    ),
    Rule(
        "cast.film_alongside_costars",
        r"(?P<film>«[FA]\d+») (?:alongside|with|opposite) (?:(?:his|her|their|fellow) )?(?:co-stars?|"
        r"costars?|stars?) (?P<agent>{PEOPLE})",
        CAST,
        needs=("co-star", "co-stars", "costar", "costars", "star", "stars"),
    ),
    Rule(
        "cast.in_films_including",
        r"(?P<agent>{WHO}){APPOS} (?:, who |who )?(?:{AUX}|{ADV}){0,3}(?:(?:went|go|goes|would go) on "
        r"to (?:appear|star|act) |(?:starred|appeared|acted|co-starred|starring|appearing|played) )"
        r"in (?:(?:more than |over |some |about |nearly |almost "
        r"|dozens of |scores of )?(?:{NUMBER})?(?:{ADJ}){0,2}?(?:films|movies|pictures|features)(?: ,)? "
        r"(?:including|such as|among them)|such (?:{ADJ}){0,2}?(?:films|movies|pictures) as) "
        r"(?P<film>{TITLES})",
        CAST,
        needs=("including", "such", "among"),
    ),
    Rule(
        "cast.known_as_character",
        r"(?P<agent>{WHO}){APPOS} (?:, (?:the |an? )(?:[a-z][\w-]* ){0,3}?(?:actor|actress|star|"
        r"comedian|performer) |, |is |was )?(?:best |perhaps best |probably best |most |"
        r"widely )?(?:known|remembered|famous) (?:as|for playing|for his role as|for her role as) "
        r"(?P<character>" + _CHAR + r") in {FILM_OF}(?P<film>{TITLES_P})",
        CAST,
        character="character",
        needs=("known", "remembered", "famous"),
    ),
    Rule(
        "cast.film_with_people_appos",
        r"(?P<film>{FILMREF}) , (?:an? |the )(?:{ADJ}){0,3}?{FILM_NOUN_SG} (?:also )?(?:with|"
        r"featuring) (?P<agent>{PEOPLE})",
        CAST,
        needs=("with", "featuring"),
    ),
    Rule(
        "cast.has_cast_in",
        r"(?:{WHO}){APPOS} (?:, who |who )?(?:{AUX}|{ADV}){0,3}(?:cast|signed|hired|chosen|picked|recruited) "
        r"(?P<agent>{PEOPLE}) (?:as (?P<character>" + _CHAR + r") )?(?:to (?:star|appear) )?in "
        r"{FILM_OF}(?P<film>{TITLES_P})",
        CAST,
        character="character",
        needs=("cast", "signed", "hired", "chosen", "picked", "recruited"),
    ),
    Rule(
        "cast.person_to_star_in",
        r"(?P<agent>«P\d+») to (?:co-)?star (?:(?:alongside|opposite|with) {PEOPLE} )?in "
        r"{FILM_OF}(?P<film>{TITLES_P})",
        CAST,
        needs=("star", "co-star"),
    ),
    Rule(
        "cast.is_filming",
        r"(?P<agent>{WHOS}){APPOS} (?:, who |who )?(?:is|was|are|were|has been) (?:{ADV})?(?:filming|"
        r"shooting) (?:(?P<film_ana>«A\d+»)|{FILM_OF}(?P<film>{TITLE}))",
        CAST,
        explicit=False,
        needs=("filming", "shooting"),
    ),
    Rule(
        "cast.part_went_to",
        r"(?:^|, )the (?:{ADJ}){0,2}?(?:role|part|lead)(?: of (?P<character>{CHAR}|(?:the |a |an )?"
        r"(?:[a-z][\w'-]* )?[a-z][\w'-]*(?= (?:will|is|was|has|had|went|goes) )))?(?: in "
        r"(?:(?P<film_ana>«A\d+»)|(?:the )?(?:{ADJ}){0,2}?(?:{FILM_NOUN} )?(?P<film>{TITLE})))? "
        r"(?:{ADV})?(?:eventually |ultimately |finally )?(?:(?:went|goes) to|(?:{AUX}|{ADV}){0,3}"
        r"(?:be |been )?(?:played|taken|portrayed|filled) by) (?P<agent>{WHO})",
        CAST,
        character="character",
        flags=frozenset({"film_optional"}),
        needs=("went", "goes", "played", "taken", "portrayed", "filled"),
    ),
    Rule(
        "cast.also_starring_in_are",
        # "Also starring in the film are P, Q and R" (without "in": cast.also_starring_are)
        r"^(?:also )?(?:starring|co-starring|appearing) in (?:(?P<film_ana>«A\d+»)|(?:the )?"
        r"(?:{ADJ}){0,2}?(?:{FILM_NOUN} )?(?P<film>{TITLE})) (?:are|is|were|was|will be) "
        r"(?P<agent>{PEOPLE})",
        CAST,
        needs=("starring", "co-starring", "appearing"),
    ),
    Rule(
        "cast.joins_stars",
        r"(?P<agent>{WHOS} (?:{AUX}|{ADV}){0,2}(?:joins|joined|join|joining) (?:(?:previously |"
        r"already |newly )?(?:announced|confirmed|cast) |fellow |returning )?(?:stars|co-stars|"
        r"cast members|castmates|cast-mates|actors|actresses) {PEOPLE})(?: in (?:(?P<film_ana>«A\d+»)|"
        r"(?:the )?(?:{ADJ}){0,2}?(?:{FILM_NOUN} )?(?P<film>{TITLE})))?",
        CAST,
        flags=frozenset({"film_optional"}),
        needs=("joins", "joined", "join", "joining"),
    ),
    Rule(
        "cast.wrapped_film",
        r"(?P<agent>{WHO}){APPOS} (?:, who |who )?(?:{AUX}|{ADV}){0,2}(?:wrapped|wraps|has wrapped|"
        r"(?:finished|finishes|completed|began|begins|started|starts) (?:filming|shooting)) "
        r"(?:(?:work )?on )?{FILM_OF}(?P<film>{TITLE})(?= opposite | alongside | with «P| in «X| ,| \.|$)",
        CAST,
        explicit=False,
        flags=frozenset({"cast_unless_director"}),
        needs=("wrapped", "wraps", "filming", "shooting"),
    ),
    Rule(
        "cast.companion",
        r"(?:opposite|(?<![\w-])(?:star|stars|starred|starring|play|plays|played|playing|appear|appears|"
        r"appeared|appearing|role|roles|part|parts|cast|voice|voices|voiced|voicing|topline|"
        r"toplines|headline|headlines) (?:[^«».; ]+ |"
        r"«[A-Z]\d+» ){0,8}?(?:alongside|along with|together with)|(?:alongside|along with|together "
        r"with) (?=co-?stars? )|"
        r"co-starring with|co-starred with|co-stars with|co-stars|co-star|"
        r"(?<![\w-])(?:starred|appeared|appears|appearing|acted|acts) with|"
        r"costars|costar|fellow stars?|fellow co-stars?|fellow costars?)"
        # "alongside Q for G", "alongside Q, nominated for G", "Q (G)": Q's own film
        r" (?:{ADJ}){0,2}?(?P<agent>{PEOPLE})(?!(?: ,)? (?:(?:who (?:is|was) )?nominated )?for (?:[^«».;, ]+ |«C\d+» ){0,3}?«[FN]| \( «[FN])",
        CAST,
        film=None,
        needs=(
            "opposite",
            "alongside",
            "along",
            "together",
            "co-starring",
            "co-starred",
            "co-stars",
            "co-star",
            "costar",
            "costars",
            "fellow",
            "with",
        ),
        flags=frozenset({"companion"}),
    ),
    Rule(
        "cast.after_role_in",
        r"^(?:after|following|since) (?:a |an |his |her |their )?(?:{ADJ}){0,2}?(?:cameo|role|turn|"
        r"part|appearance|performance|supporting role|lead role|starring role) in "
        r"{FILM_OF}(?P<film>{TITLE}) , (?:{ADV})?(?P<agent>{WHO})(?! 's)",
        CAST,
        needs=("cameo", "role", "turn", "part", "appearance", "performance"),
    ),
    Rule(
        "cast.people_return_topic",
        # "P and Q return, joined by R and S as his parents." in a text about a film (a sequel),
        # "He joins P and Q, who return as C and D": its cast; not "P returns to F" nor
        # "returns home" (the rule needs the clause to end)
        r"(?:^|(?<=joins )|(?<=joined )|(?<=alongside )|(?<=, and ))(?:(?:original |former |fellow )?"
        r"(?:stars|co-stars) )?(?P<agent>{PEOPLE}(?: , who)? (?:{AUX}|{ADV}|all ){0,3}"
        r"(?:return|returns|are back|is back|come back|comes back|reprise their roles|reprise "
        r"(?:his|her) role|reprises (?:his|her) role)(?: , joined by {PEOPLE})?)"
        r"(?= \.| ,| as | for (?:the|this) (?:sequel|film|movie)\b|$)",
        CAST,
        film=None,
        needs=("return", "returns", "back", "reprise", "reprises"),
    ),
    Rule(
        "cast.people_who_reprise",
        # "P, Q and R, who created the sisters at the Dorset Street Theatre, will reprise their
        # roles": the film in view (the relative clause's names are no members)
        r"(?:^|, )(?P<agent>{PEOPLE}) , who [^;«»,]*(?:«[NXOP]\d+»[^;«»,]*)* , (?:{AUX}|{ADV}){0,3}"
        r"(?:return|returns|are back|is back|reprise their roles|reprise (?:his|her) role)"
        r"(?= \.| ,| as | for (?:the|this) (?:sequel|film|movie)\b|$)",
        CAST,
        film=None,
        needs=("return", "returns", "back", "reprise"),
    ),
    Rule(
        "cast.plays_with_as",
        # "P plays Mr Darcy, with Q and R as the Bennet parents", "P will play the title role,
        # with the Canadian actor Q as her father", "... will star, alongside R as their
        # grandfather": Q and R play in the same film (not "with Q as executive producer":
        # crew.with_as)
        r"\b(?:plays|played|play|playing|stars|starred|star|starring|co-stars|co-starred) "
        r"(?:[^ .;,]+ ){0,8}?, (?:and )?(?:with|alongside) (?:the )?(?P<agent>{CASTLIST}) as "
        r"(?!(?:the |an? |its |his |her )?"
        r"(?:{ADJ})?{ROLE_NOUN}\b)(?P<character>" + _CHAR + r")",
        CAST,
        character="character",
        film=None,
        needs=("with", "alongside"),
    ),
    Rule(
        "cast.with_returning",
        r"(?:^|, |and )with (?P<agent>{PEOPLE}) (?:also )?(?:returning|back|set to return|reprising "
        r"(?:his|her|their) roles?) (?:in (?:the|their|her|his) (?:lead|title|starring|leading|"
        r"main) roles?|as (?P<character>" + _CHAR + r")(?! in | at the | for ))",  # "as her mentor"
        CAST,
        character="character",
        film=None,
        needs=("returning", "back", "return", "reprising"),
    ),
    Rule(
        "cast.met_on_the_set",
        r"(?P<agent>{PEOPLE}) (?:{ADV})?(?:first )?(?:met|fell in love|got together|became friends) "
        r"(?:while )?(?:on the set of|filming|shooting|making) {FILM_OF}(?P<film>{TITLE})",
        CAST,
        explicit=False,
        needs=("met", "love", "together", "friends"),
        flags=frozenset({"cast_unless_director"}),
    ),
    Rule(
        "cast.subject_with_costars",
        r"^(?P<agent>{WHO}){APPOS} (?:(?!who |which |, )[^«».; ]+ |«[A-Z]\d+» ){1,20}?(?:alongside|along "
        r"with|together with|with|joined by) (?:(?:his|her|their) )?(?:fellow )?(?:co-stars?|costars?) "
        r"(?:{ADJ}){0,2}?{PEOPLE}",
        CAST,
        film=None,
        needs=("co-star", "co-stars", "costar", "costars"),
    ),
    Rule(
        "cast.cast_includes",
        r"(?:the |its |an? )?(?:{ADJ}){0,2}?cast (?:that |which )?(?:also )?(?:includes|included|"
        r"include|including|features|featured) (?P<agent>{CASTLIST})",
        CAST,
        film=None,
        needs=("cast",),
    ),
    Rule(
        "cast.in_the_cast_are",
        # "Also in the cast are P and Q", "Others in its cast include P"
        r"(?:^|, |; )(?:also |others |and )?in (?:the |its |«A\d+» 's )(?:{ADJ}){0,2}?cast "
        r"(?:are|were|is|was|will be|include|includes|included) (?:also )?(?P<agent>{CASTLIST})",
        CAST,
        film=None,
        needs=("cast",),
    ),
    Rule(
        "cast.fronted_starring",
        r"^(?:also )?starring (?P<agent>{PEOPLE})(?: and {FRONTED_CLAUSE})? , (?:the |a )?"
        r"(?:{ADJ}){0,3}?(?:{FILM_NOUN} )?(?P<film>{FILMREF})",
        CAST,
        needs=("starring",),
    ),
    Rule(
        "cast.fronted_starring_second",
        r"^{FRONTED_CLAUSE} and (?:also )?starring (?P<agent>{PEOPLE}) , (?:the |a )?"
        r"(?:{ADJ}){0,3}?(?:{FILM_NOUN} )?(?P<film>{FILMREF})",
        CAST,
        needs=("starring",),
    ),
    Rule(
        "cast.played_in",
        r"(?P<agent>{WHO}){APPOS} (?:, who |who )?(?:{AUX}|{ADV}){0,2}(?:played|acted|performed|appeared|was|were) in "
        r"(?:the (?:{ADJ}){0,2}?{FILM_NOUN} )?(?P<film>«[FA]\d+»|(?<=film |ovie )«N\d+»)",
        CAST,
        needs=("played", "acted", "performed", "appeared", "was", "were"),
    ),
    Rule(
        "cast.played_by",
        r"(?:^|, |and |«A\d+» |«[FN]\d+» |was |is |were )(?:played|portrayed|acted) by "
        r"(?P<agent>{PEOPLE})",
        CAST,
        film=None,
        needs=("played", "portrayed", "acted"),
    ),
    Rule(
        "cast.one_of_the_stars",
        r"(?P<agent>{WHOS}){APPOS} (?:is|was|were|are) (?:one of |among )?(?:the |its )?(?:{ADJ})?"
        r"(?:star|stars|lead|leads|co-star|co-stars) of (?:the )?(?:{FILM_NOUN} )?(?P<film>{FILMREF})",
        CAST,
        needs=("star", "stars", "lead", "leads", "co-star", "co-stars"),
    ),
    Rule(
        "cast.her_role_in",
        r"(?P<agent>his|her|their) (?:{ADJ}){0,3}?"
        + _ROLE_NOUN
        + r" (?:as (?P<character>"
        + _CHAR
        + r") )?(?:opposite {PEOPLE} )?in {FILM_OF}(?P<film>{TITLES})",
        CAST,
        character="character",
        needs=_ROLE_NOUN_WORDS,
    ),
    Rule(
        "cast.moved_on_to_roles",
        r"^(?:(?:[a-z][\w'-]* ){0,3}?«P\d+»|he|she) (?:[^«».; ]+ |«[FNAXC]\d+» ){0,14}?"
        r"(?:moving|moved|moves|went|going|goes) on(?:to| to) (?:{ADJ}){0,2}?(?:roles|parts) "
        r"(?:in|such as|including) {FILM_OF}(?P<film>{TITLES})",
        CAST,
        agent=None,
        needs=("roles", "parts"),
        flags=frozenset({"agent_subject"}),
    ),
    Rule(
        "cast.participle_playing",
        r", (?:playing|portraying|starring as|voicing) (?P<character>" + _CHAR + r") in "
        r"{FILM_OF}(?P<film>{TITLES_P})",
        CAST,
        character="character",
        agent=None,
        needs=("playing", "portraying", "starring", "voicing"),
        flags=frozenset({"agent_subject"}),
    ),
    Rule(
        "cast.with_co_stars_topic",
        # "She posed on the red carpet with co-stars P and Q": in the film the text is about
        r"\b(?:with|alongside|joined by) (?:(?:her|his|their|fellow) )?(?:{ADJ})?co-stars? "
        r"(?P<agent>{PEOPLE})",
        CAST,
        film=None,
        needs=("co-star", "co-stars"),
    ),
    Rule(
        "cast.reunites_stars",
        # "The film will reunite the series' stars P and Q", "F reunites original stars P and Q"
        r"(?:(?P<film>{FILMREF})|^it) (?:, [^,;.]{1,60} , )?(?:{AUX}){0,2}(?:reunite|reunites|reuniting) "
        r"(?:the |its )?(?:(?:series|show|original|film|play) 's |«[NXF]\d+» 's |original )?"
        r"(?:stars|cast members|leads) (?P<agent>{PEOPLE})",
        CAST,
        needs=("reunite", "reunites", "reuniting"),
    ),
    Rule(
        "cast.and_star",
        # (a possessor is no subject: "adapted from P's novel G by Q, and stars R"; nor a name
        # after "by": "will be directed by P and star Q")
        r"(?<!by )(?P<film>{FILMREF})(?! 's) (?:[^«».; ]+ |«[XP]\d+» ){0,8}?and (?:its )?(?:{ADJ})?"
        r"(?:star|stars) "
        r"(?P<agent>{PEOPLE})",
        CAST,
        needs=("star", "stars"),
    ),
    Rule(
        "cast.someone_cast_them_in",
        # "Alfred Hitchcock cast her in Shadow of a Doubt", "The studio cast Q as the villain in F":
        # the object is in F's cast (what the subject is, the sentence does not say)
        r"(?:^|, |and )(?:(?:director|producer|film-maker|filmmaker) )?(?:{PERSON}|he|she|«O\d+»)"
        r"(?: , who)? (?:{AUX}|{ADV}){0,2}(?:cast|casts|recast|"
        r"recasts) (?P<agent>him|her|{PEOPLE}) (?:as (?P<character>"
        + _CHAR
        + r") )?(?:opposite {PEOPLE} )?in "
        r"{FILM_OF}(?P<film>{TITLES_P})",
        CAST,
        character="character",
        needs=("cast", "casts", "recast", "recasts"),
    ),
    Rule(
        "cast.cast_as",
        r"(?P<agent>{WHOS}){APPOS} (?:, who |who )?(?:{AUX}|{ADV}){0,3}(?:been |was |were |is |are |being )?(?:cast|"
        r"recast|signed up|signed|hired|chosen|picked|tapped|drafted in|lined up) (?:as (?P<character>"
        + _CHAR
        + r") )?(?:to (?:star|appear|play (?:[^«».; ]+ ){0,4}?[^«».; ]+) )?(?:opposite {PEOPLE} )?in "
        r"(?:the (?:{ADJ}){0,2}?(?:role|part|lead) (?:of|in) )?{FILM_OF}(?P<film>{TITLES_P})",
        CAST,
        character="character",
        needs=(
            "cast",
            "recast",
            "signed",
            "hired",
            "chosen",
            "picked",
            "tapped",
            "drafted",
            "lined",
        ),
    ),
    Rule(
        "cast.voices_of",
        # "The animated adventure features the voices of P, Q and R": its cast
        r"(?:(?P<film>{FILMREF}) (?:[^«».; ]+ ){0,3}?)?(?:features|featuring|feature|featured|with) "
        r"the (?:{ADJ})?voices? of (?P<agent>{PEOPLE})",
        CAST,
        needs=("voice", "voices"),
        flags=frozenset({"film_optional"}),
    ),
    Rule(
        "cast.in_the_title_role_topic",
        # "..., with Scottish actor P in the title role": the film the text is about
        r"(?:^|, |and )with (?:(?:{ADJ}|«[CX]\d+» ){0,3}?{PERFORMER_NOUN} )?"
        r"(?P<agent>{PERSON}) (?:in|taking) the (?:title|lead|leading|starring) (?:role|part)",
        CAST,
        film=None,
        needs=("role", "part"),
    ),
    Rule(
        "cast.played_by_topic",
        # "... falls for a visiting surveyor, played by American actor P": a part in the film
        r", played by (?:(?:{ADJ}|«[CX]\d+» ){0,3}?{PERFORMER_NOUN} )?"
        r"(?P<agent>{PERSON})(?= ,| \.|$| and )",
        CAST,
        film=None,
        needs=("played",),
    ),
    Rule(
        "cast.maker_who_also_stars",
        # "F, directed by actor-turned-director P, who also stars": P is in F's cast too
        r"(?P<film>{FILMREF}) , (?:(?:written and )?directed|written|produced|co-directed) by {BY_WHOM}"
        r"(?P<agent>{PERSON}) , who (?:also |himself |herself )?(?:stars|starred|appears|appeared|"
        r"co-stars|co-starred)\b",
        CAST,
        needs=("stars", "starred", "appears", "appeared", "co-stars", "co-starred"),
    ),
    Rule(
        "cast.cast_as_topic",
        # "Newcomer P has been cast as the bride": in the film the text is about
        r"(?P<agent>{WHOS}){APPOS} (?:{AUX}|{ADV}){0,3}(?:been |was |were |is |are |being )(?:cast|recast) "
        r"as (?P<character>" + _CHAR + r")(?! in | for )",
        CAST,
        character="character",
        film=None,
        needs=("cast", "recast"),
    ),
    Rule(
        "cast.cast_as_with_as_topic",
        # "... has been cast as the bride, with comedy veteran Q as her father"
        r"(?:been |was |were |is |are |being )(?:cast|recast) as " + _CHAR + r" , with "
        r"(?:(?:{ADJ}|«[CX]\d+» ){0,3}?{PERFORMER_NOUN} )?"
        r"(?P<agent>{PERSON}) as (?P<character>" + _CHAR + r")",
        CAST,
        character="character",
        film=None,
        needs=("cast", "recast"),
    ),
    Rule(
        "cast.joined_cast",
        r"(?P<agent>{WHOS}){APPOS} (?:, who |who )?(?:{AUX}|{ADV}){0,3}(?:(?:joined|joins|join|joining) the |(?:is|was|"
        r"becomes|became) the (?:latest|newest|most recent|last|final|first|(?:{ADJ})?new) "
        r"(?:addition|name|star|actor|actress) (?:to join |to be added to |added to |to sign on to |to )?the )"
        r"(?:{ADJ})?cast of (?:(?P<film_ana>«A\d+»)|{FILM_OF}(?P<film>{TITLES_P}))",
        CAST,
        needs=("joined", "joins", "join", "joining", "addition", "latest", "newest", "added"),
    ),
    Rule(
        "cast.joined_the_cast",
        # "P has joined the cast as his sister", "with P joining the cast": of the text's film
        r"(?P<agent>{WHOS}){APPOS} (?:, who |who )?(?:{AUX}|{ADV}){0,3}(?:joined|joins|join|joining) the "
        r"(?:{ADJ}){0,2}?cast(?: as (?P<character>"
        + _CHAR
        + r"))?(?= [.,;]| and | alongside | opposite |$)",
        CAST,
        film=None,
        character="character",
        needs=("joined", "joins", "join", "joining"),
    ),
    Rule(
        "cast.hyphen_credit_before",
        # "the Nell Brody-led drama F", "Ines Varga-starrer F"
        r"(?P<agent>{PERSON}(?: and {PERSON})?) - (?:(?:led|starring|fronted|headlined|toplined|"
        r"voiced) (?:{ADJ}){0,2}?{FILM_NOUN}|starrer) (?:, )?(?P<film>{TITLE})",
        CAST,
        needs=("led", "starring", "fronted", "headlined", "toplined", "voiced", "starrer"),
    ),
    Rule(
        "cast.hyphen_credit_after",
        # "F, the Nell Brody-led drama,", "F is a Tom Healy-fronted comedy"
        r"(?P<film>{FILMREF}) (?:,|is|was) (?:the |a |an )(?:{ADJ}){0,2}?(?P<agent>{PERSON}(?: and "
        r"{PERSON})?) - (?:(?:led|starring|fronted|headlined|toplined|voiced) (?:{ADJ}){0,2}?"
        r"{FILM_NOUN}|starrer)",
        CAST,
        needs=("led", "starring", "fronted", "headlined", "toplined", "voiced", "starrer"),
    ),
    Rule(
        "cast.in_an_unnamed_film",
        # "P is to co-produce and star in an adventure film about ...": a film the text names
        # later ("... called X", "He hopes to start shooting X next year"), see the engine
        r"(?P<agent>{WHO}){APPOS} (?:, who |who )?(?:{AUX}|{ADV}){0,3}(?:(?:signed|agreed|set|due|expected|poised|"
        r"tapped|lined up|attached|in talks) (?:on |up )?to )?(?P<cue>"
        + _MAKE_VERB
        + r"(?: and "
        + _MAKE_VERB
        + r")*)(?: in)? (?:an?|(?:his|her|their) (?:first|second|third|next|debut) (?:«C\d+» )?)"
        r" ?(?:(?:new|forthcoming|upcoming|untitled|big-screen|feature|low-budget|big-budget|"
        r"[a-z]+-set) )*(?:{ADJ}){0,2}?"
        r"{FILM_NOUN}(?= about | based | set | ,| called | titled | \.|$| which | that | for | version of "
        r"| adaptation of )",
        film=None,
        needs=(
            "star",
            "direct",
            "produce",
            "write",
            "co-star",
            "co-direct",
            "co-produce",
            "co-write",
        ),
        flags=frozenset({"unnamed_film"}),
    ),
    Rule(
        "cast.plays_in_an_unnamed_film",
        # "P will play a poet in a new film about Dylan Thomas": named later, as above
        r"(?P<agent>{WHO}){APPOS} (?:, who |who )?(?:{AUX}|{ADV}){0,3}(?:(?:signed|agreed|set|due|expected|poised|"
        r"tapped|lined up|attached|in talks) (?:on |up )?to )?(?:play|portray) (?P<character>"
        + _CHAR
        + r") in an? (?:(?:new|forthcoming|upcoming|untitled|big-screen|feature|low-budget|"
        r"big-budget|[a-z]+-set) )*(?:{ADJ}){0,2}?{FILM_NOUN}(?= about | based | set | ,| called | "
        r"titled | \.|$| which | that | for )",
        CAST,
        character="character",
        film=None,
        needs=("play", "portray"),
        flags=frozenset({"unnamed_film"}),
    ),
    Rule(
        "cast.directed_in",
        # "Q directed P and R in F", "Q, who directed him in F": the people directed are its cast
        r"{WHO} (?:, who |who )?(?:[^«».;, ]+ ){0,4}?(?:directed|directing|directs|direct) "
        r"(?P<agent>him|her|them|{PEOPLE}) in (?:the )?(?:{ADJ}){0,3}?(?:{FILM_NOUN} )?"
        r"(?P<film>{TITLES})",
        CAST,
        needs=("directed", "directing", "directs", "direct"),
    ),
    Rule(
        "cast.joins_people_in",
        # "P joins Q in F", "P will join her in the thriller F": both are in its cast
        r"(?P<agent>{WHO}{APPOS} (?:, who |who )?(?:{AUX}|{ADV}){0,3}(?:joins|joined|join|joining) "
        r"(?:{PEOPLE}|him|her|them)) in (?:(?P<film_ana>«A\d+»)|{FILM_OF}(?P<film>{TITLES_P}))",
        CAST,
        needs=("joins", "joined", "join", "joining"),
    ),
    Rule(
        "cast.replaces_in",
        r"(?P<agent>{WHO}){APPOS} (?:, who |who )?(?:{AUX}|{ADV}){0,3}(?:replaced|replaces|replace|replacing|"
        r"took over from|takes over from|take over from|stepped in for|steps in for|step in for) "
        r"{WHO}(?: as (?P<character>" + _CHAR + r"))? in {FILM_OF}(?P<film>{TITLES_P})",
        CAST,
        character="character",
        needs=(
            "replaced",
            "replaces",
            "replace",
            "replacing",
            "took",
            "takes",
            "take",
            "stepped",
            "steps",
            "step",
        ),
        flags=frozenset({"replacement"}),
    ),
    Rule(
        "cast.replaced_by_in",
        r"{WHO}{APPOS} (?:, who |who )?(?:{AUX}|{ADV}){0,3}(?:been |being )?replaced by (?P<agent>{WHO})"
        r"(?: as (?P<character>" + _CHAR + r"))? in {FILM_OF}(?P<film>{TITLES_P})",
        CAST,
        character="character",
        needs=("replaced",),
        flags=frozenset({"replacement"}),
    ),
    Rule(
        "cast.shared_screen_with",
        r"(?P<agent>{WHOS}){APPOS} (?:, who |who )?(?:{AUX}|{ADV}){0,3}"
        + _SHARED_SCREEN
        + r" with {PEOPLE} "
        + _IN_FILM,
        CAST,
        needs=("shared", "shares", "share", "sharing"),
    ),
    Rule(
        "cast.starred_with_in",
        r"(?:co-)?(?:starred|stars|starring|star|acted|acts|act|" + _SHARED_SCREEN + r""
        r") (?:{ADV})?(?:alongside|opposite|with|together with) "
        r"(?P<agent>{PEOPLE}) " + _IN_FILM,
        CAST,
        needs=(
            "shared",
            "shares",
            "share",
            "sharing",
            "starred",
            "stars",
            "starring",
            "star",
            "acted",
            "acts",
            "act",
            "co-starred",
            "co-stars",
            "co-starring",
            "co-star",
        ),
    ),
    Rule(
        "cast.in_film_replaced_by",
        r"(?:^|, )in {FILM_OF}(?P<film>{TITLE}) , {WHO} (?:{AUX}|{ADV}){0,3}(?:been |being )?"
        r"replaced by (?P<agent>{WHO})",
        CAST,
        needs=("replaced",),
        flags=frozenset({"replacement"}),
    ),
    Rule(
        "cast.landed_role",
        r"(?P<agent>{WHO}){APPOS} (?:, who |who )?(?:{AUX}|{ADV}){0,3}(?:landed|won|got|secured|took on|took|"
        r"scooped|bagged|earned|accepted|reprises|reprise|reprising|reprised|returns to|returned to|"
        r"will reprise) (?:the |a |his |her |their )(?:{ADJ}){0,3}?(?:role|part|lead)(?: (?:of|as) "
        r"(?P<character>" + _CHAR + r"))? (?:in|for) "
        r"{FILM_OF}(?P<film>{TITLES_P})",
        CAST,
        character="character",
        needs=(
            "landed",
            "won",
            "got",
            "secured",
            "took",
            "scooped",
            "bagged",
            "earned",
            "accepted",
            "reprises",
            "reprise",
            "reprising",
            "reprised",
            "returns",
            "returned",
        ),
    ),
    Rule(
        "cast.best_known_for",
        r"(?P<agent>{WHO})(?: , \d{1,3} ,)? (?:, (?:the |an? )?(?:{ADJ}){0,3}?(?P<occupation>actor|"
        r"actress|star|comedian|"
        r"director|film-maker|filmmaker) |, (?:who is |who was )?|(?:is |was ))(?:best |perhaps best |probably best |most |"
        r"widely )?(?:known|remembered|famous) for (?!(?:directing|writing|producing|co-directing|co-writing|co-producing|scoring|editing|helming) )(?:his |her |their )?(?:roles? in |parts? in |"
        r"starring in |appearing in |playing (?P<character>" + _CHAR + r") in )?(?:(?:{ADJ}){0,2}?"
        r"(?:films|movies|dramas|comedies|thrillers|westerns|roles in) (?:such as|like|including) )?"
        r"{FILM_OF}(?P<film>{TITLES_P})",
        CAST,
        character="character",
        needs=("known", "remembered", "famous"),
        flags=frozenset({"cast_unless_director"}),
    ),
    Rule(
        "cast.roles_include",
        r"(?P<agent>{WHOSE}|{WHO} , whose) (?:{ADJ}){0,2}?(?:roles|film roles|screen roles|acting "
        r"credits) (?:{ADV})?(?:include|included|includes|"
        r"have included|range from) (?:(?:the |a )?(?:{ADJ}){0,2}?(?:{FILM_NOUN} )?)?(?P<film>{TITLES})",
        CAST,
        needs=("include", "included", "includes", "range"),
    ),
    Rule(
        "cast.films_include",
        r"(?P<agent>{WHOSE}|{WHO} , whose) (?:{ADJ}){0,2}?(?:films|movies|film credits|screen "
        r"credits|credits) (?:{ADV})?(?:include|included|includes|have included|range from) "
        r"(?:(?:the |a )?(?:{ADJ}){0,2}?(?:{FILM_NOUN} )?)?(?P<film>{TITLES})",
        CAST,
        explicit=False,
        needs=("include", "included", "includes", "range"),
        flags=frozenset({"by_occupation"}),
    ),
    Rule(
        "cast.roles_included_parts_in",
        # "His later roles included a corrupt sheriff in F and a lonely widower in G"
        r"(?P<agent>{WHOSE}) (?:{ADJ}){0,3}?(?:roles|parts) (?:{ADV})?(?:included|include|includes|"
        r"have included|ranged from|range from) (?P<film>(?:(?:, |and |, and )?(?:a |an |the )"
        r"(?:[^«».;, ]+ ){1,4}?in {TITLE} ?)+)",
        CAST,
        needs=("include", "included", "includes", "range", "ranged"),
    ),
    Rule(
        "cast.whose_last_film",
        # "Ines Varga, whose last film Salt Marsh won ...": hers as what the text calls her
        r"(?P<agent>{WHO}) , whose (?:{ADJ}){0,2}?(?:film|movie|feature|picture) (?:, )?"
        r"(?P<film>{TITLE})",
        CAST,
        explicit=False,
        needs=("whose",),
        flags=frozenset({"by_occupation"}),
    ),
    Rule(
        "cast.among_films_are",
        # "Among his films are F and G": his as what the text calls him (director or actor)
        r"^among (?P<agent>{WHOSE}) (?:{ADJ}){0,2}?(?:films|movies|film credits|screen credits|"
        r"credits) (?:are|were|is|was) (?:(?:the |a )?(?:{ADJ}){0,2}?(?:{FILM_NOUN} )?)?"
        r"(?P<film>{TITLES})",
        CAST,
        explicit=False,
        needs=("among",),
        flags=frozenset({"by_occupation"}),
    ),
    Rule(
        "cast.role_was_in",
        # "Lind's first starring role was in F (1955), opposite Q"
        r"(?P<agent>{WHOSE}) (?:{ADJ}|starring |leading ){0,3}?(?:role|part|screen role|film role|lead|"
        r"performance|"
        r"appearance|screen appearance) (?:was|came) in {FILM_OF}(?P<film>{TITLE})",
        CAST,
        needs=("role", "part", "lead", "performance", "appearance"),
    ),
    Rule(
        "cast.made_films_including",
        # "made" is a director's film or an actor's part: the credit follows what the text calls him
        r"(?P<agent>{WHO}){APPOS} (?:, who |who )?(?:{AUX}|{ADV}|since ){0,3}(?:made|makes|making) "
        r"(?:{NUMBER})?"
        r"(?:{ADJ}){0,2}?{FILM_NOUNS}(?: (?:for|with|at|in) «[ONXC]\d+»)?(?: ,)? (?:including|such "
        r"as|among them) (?P<film>{TITLES})",
        CAST,
        explicit=False,
        needs=("including", "such", "among"),
        flags=frozenset({"by_occupation"}),
    ),
    Rule(
        "cast.is_known_for",
        r"(?P<agent>{WHO}){APPOS} (?:is|was|became|remains) (?:{ADV})?(?:best |perhaps best |"
        r"probably best |most |widely |internationally )?(?:known|remembered|famous|celebrated) "
        r"for (?!(?:directing|writing|producing|co-directing|co-writing|co-producing|scoring|editing|helming) )(?:his |her |their )?(?:roles? in |parts? in |starring in |appearing in |playing "
        r"(?P<character>" + _CHAR + r") in )?{FILM_OF}(?P<film>{TITLES_P})",
        CAST,
        character="character",
        needs=("known", "remembered", "famous", "celebrated"),
        flags=frozenset({"cast_unless_director"}),
    ),
    Rule(
        "cast.in_film_plays",
        r"(?:^|, )in {FILM_OF}(?P<film>{TITLE})(?: ,)? (?P<agent>{WHO}) (?:{ADV})?(?:plays|played|"
        r"portrays|portrayed|stars as|starred as|is|was) (?P<character>" + _CHAR + r")",
        CAST,
        character="character",
        needs=("plays", "played", "portrays", "portrayed", "stars", "starred", "is", "was"),
    ),
    Rule(
        "cast.gapped_in_film",
        # "In F he played a priest; in G, a soldier": the second clause keeps the subject and verb
        r"(?P<agent>{WHO}) (?:{ADV})?(?:plays|played|portrays|portrayed) (?:[^«».; ]+ |«[PNXF]\d+» )+; "
        r"(?:and )?in {FILM_OF}(?P<film>{TITLE}) , (?P<character>" + _CHAR + r")(?= \.| ;|$)",
        CAST,
        character="character",
        needs=("plays", "played", "portrays", "portrayed"),
    ),
    Rule(
        "cast.having_starred",
        r"^(?:having (?:{ADV})?(?:starred|appeared|co-starred)|(?:since|after|before|while|when) "
        r"(?:starring|appearing|co-starring)) in {FILM_OF}(?P<film>{TITLES_P})(?: ,)? (?P<agent>{WHO})",
        CAST,
        needs=("having", "starring", "appearing", "co-starring"),
    ),
    Rule(
        "cast.in_film_stars",
        r"(?:^|, )in (?:(?P<film_ana>«A\d+»)|{FILM_OF}(?P<film>{TITLE})) , (?P<agent>{WHOS}) (?:{ADV})?"
        r"(?:stars|starred|co-stars|co-starred|appears|appeared)(?! in\b)",
        CAST,
        needs=("stars", "starred", "co-stars", "co-starred", "appears", "appeared"),
    ),
    Rule(
        "cast.film_sees",
        r"(?P<film>{FILMREF}) (?:{ADV})?(?:sees|saw|see|stars|starred) (?P<agent>{PEOPLE}) (?:play|"
        r"playing|star|starring|take on|taking on|return|returning) (?:as )?",
        CAST,
        needs=("sees", "saw", "see"),
    ),
    Rule(
        "cast.in_the_film_plays",
        r"(?:^|, )in (?P<film>«A\d+») , (?P<agent>{WHO}) (?:{ADV})?(?:plays|played|portrays|"
        r"portrayed|stars as|starred as) (?P<character>" + _CHAR + r")",
        CAST,
        character="character",
        needs=("plays", "played", "portrays", "portrayed", "stars", "starred"),
    ),
    Rule(
        "cast.plays_character_topic",
        r"(?P<agent>{PEOPLE}){APPOS} (?:, who |who )?(?:{AUX}|{ADV}){0,2}(?:(?:signed on|signed|"
        r"set|tapped|hired|chosen|due|expected|agreed|poised|cast|attached|in talks) to )?(?:plays|played|play|"
        r"playing|portrays|portrayed|portray|voices|voiced|voice|stars as|starred as|star as|"
        r"returns as|returned as|return as|co-stars as|co-starred as|co-star as|"
        r"(?:reprises|reprised|reprise|reprising) (?:his|her|their) "
        r"(?:role|part) as|leads the cast as|led the cast as|(?:gives|gave|delivers|delivered|turns "
        r"in|turned in) (?:a|an|the|his|her|their) (?:{ADJ}){0,3}?(?:turn|performance) as) "
        + _TOPIC_CHARACTER,
        CAST,
        character="character",
        film=None,
        needs=(
            "plays",
            "played",
            "play",
            "playing",
            "portrays",
            "portrayed",
            "portray",
            "voices",
            "voiced",
            "voice",
            "stars",
            "starred",
            "star",
            "returns",
            "returned",
            "return",
            "reprises",
            "reprised",
            "reprise",
            "reprising",
            "leads",
            "led",
            "gives",
            "gave",
            "delivers",
            "delivered",
            "turns",
            "turned",
            "co-stars",
            "co-starred",
            "co-star",
        ),
    ),
    Rule(
        "cast.landed_role_topic",
        r"(?P<agent>{PEOPLE}){APPOS} (?:, who |who )?(?:{AUX}|{ADV}){0,2}(?:landed|lands|land|won|wins|win|got|gets|"
        r"secured|secures|bagged|bags|scooped|snapped up|been given|been handed|taken on|takes on|"
        r"took on) the (?:{ADJ}){0,2}?(?:role|part) of (?!(?:a |his |her |their )?(?:lifetime|"
        r"career|life)\b)" + _TOPIC_CHARACTER,
        CAST,
        character="character",
        film=None,
        needs=(
            "landed",
            "lands",
            "land",
            "won",
            "wins",
            "win",
            "got",
            "gets",
            "secured",
            "secures",
            "bagged",
            "bags",
            "scooped",
            "snapped",
            "given",
            "handed",
            "taken",
            "takes",
            "took",
        ),
    ),
    Rule(
        "cast.people_play_plural_topic",
        r"(?P<agent>{PERSON}(?: , {PERSON})*(?: ,)? (?:and|&) {PERSON}) (?:{AUX}|{ADV}){0,2}(?:play|"
        r"played|playing|portray|portrayed|star as|starred as|co-star as|co-starred as) (?!"
        + _NOT_A_CHARACTER
        + r"|tricks|cards|pranks|roles|parts)(?:{ADJ})?[a-z]+s(?= ,| \.| who | and |$)",
        CAST,
        film=None,
        needs=(
            "play",
            "played",
            "playing",
            "portray",
            "portrayed",
            "star",
            "starred",
            "co-star",
            "co-starred",
        ),
    ),
    Rule(
        "cast.bare_star_topic",
        r"(?P<agent>{PEOPLE}) (?:{AUX}|{ADV}){0,2}(?:co-)?(?:stars|starred|star|co-stars|co-starred)"
        r"(?= \.| ,| alongside | opposite | with | together with |$)",
        CAST,
        film=None,
        needs=("stars", "starred", "star", "co-stars", "co-starred", "co-star"),
    ),
    Rule(
        "cast.in_the_cast_topic",
        r"(?P<agent>{PEOPLE}) (?:{AUX}|{ADV}){0,2}(?:(?:is|are|was|were) (?:also )?(?:in|among) the "
        r"cast|heads the cast|head the cast|headed the cast|leads the cast|lead the cast|led the cast|"
        r"completes the cast|complete the cast|completed the cast|completing the cast|rounds out the "
        r"cast|round out the cast|rounded out the cast|rounding out the cast)(?! of\b)",
        CAST,
        film=None,
        needs=("cast",),
    ),
    Rule(
        "cast.marks_first_role_topic",
        r"(?:^|, )(?:it |«A\d+» )(?:{AUX}){0,2}(?:marks|marked|is|was|will be) (?P<agent>{PERSON}) 's "
        r"(?:{ADJ}){0,3}?(?:role|part|film role|screen role|film debut|screen debut|acting debut)\b",
        CAST,
        film=None,
        needs=("role", "part", "debut"),
    ),
    Rule(
        "cast.takes_the_lead_topic",
        r"(?P<agent>{WHO}){APPOS} (?:, who |who )?(?:{AUX}|{ADV}){0,2}(?:takes|took|take|taking|plays|played|play|"
        r"playing) the (?:female |male )?lead(?= \.| ,| as | opposite | alongside |$)",
        CAST,
        film=None,
        needs=("lead",),
    ),
    Rule(
        "cast.cameo_topic",
        r"(?P<agent>{WHO}){APPOS} (?:, who |who )?(?:{AUX}|{ADV}){0,2}(?:has|had|makes|made|make|making) (?:a|an) "
        r"(?:{ADJ})?cameo(?: appearance)?(?: as (?P<character>" + _CHAR + r"))?(?! in )",
        CAST,
        character="character",
        film=None,
        needs=("cameo",),
    ),
    Rule(
        "cast.is_good_as_topic",
        r"(?P<agent>{WHO}) " + _PRAISED_AS + r" " + _TOPIC_CHARACTER,
        CAST,
        character="character",
        film=None,
        needs=(*_PRAISE_WORDS, *_PRAISE_VERBS, "perfectly"),
    ),
    Rule(
        "cast.brings_to_the_role",
        # a review's "P brings menace to the role of her neighbour": of the text's film
        r"(?P<agent>{WHO}) (?:{ADV})?(?:brings|brought|lends|lent) (?:[^«».; ]+ ){1,4}?to the "
        r"(?:{ADJ}){0,2}?(?:role|part)(?: of " + _TOPIC_CHARACTER + r")?(?= [.,;]| and | but |$)",
        CAST,
        character="character",
        film=None,
        needs=("brings", "brought", "lends", "lent"),
    ),
    Rule(
        "cast.performance_as_topic",
        r"(?P<agent>{WHO}){APPOS} (?:[^«».; ]+ ){0,6}?(?:for |of )?(?:his|her|their) (?:{ADJ})?"
        r"(?:performance|turn|portrayal|role) as (?P<character>"
        + _CHAR
        + r")(?! in | at the | for )",
        CAST,
        character="character",
        film=None,
        needs=("performance", "turn", "portrayal", "role"),
    ),
    Rule(
        "cast.for_playing_topic",
        r"(?P<agent>{WHO}){APPOS} (?:[^«».; ]+ ){0,6}?for (?:playing|portraying|voicing) "
        + _TOPIC_CHARACTER,
        CAST,
        character="character",
        film=None,
        needs=("playing", "portraying", "voicing"),
    ),
    Rule(
        "cast.also_starring_are",
        r"(?:^|, )(?:also )?(?:starring|co-starring) (?:are|is|alongside (?:him|her|them) are) "
        r"(?P<agent>{CASTLIST})",
        CAST,
        film=None,
        needs=("starring", "co-starring"),
    ),
    Rule(
        "cast.co_star_said_topic",
        r"^(?:co-star|co-stars|fellow star|fellow stars) (?P<agent>{PEOPLE})",
        CAST,
        explicit=False,
        film=None,
        needs=("co-star", "co-stars", "fellow"),
    ),
    Rule(
        "cast.played_role_topic",
        r"(?P<agent>{WHOS}){APPOS} (?:, who |who )?(?:{AUX}|{ADV}){0,2}(?:played|plays|had|has|have|"
        r"took|takes|landed) "
        r"(?:a |the |one of the )?(?:{ADJ}){0,2}?(?:lead|leading|main|starring|title|supporting|"
        r"key|major|central|pivotal|significant) (?:role|roles|part|parts)(?! (?:in|as|of)\b)",
        CAST,
        film=None,
        needs=("role", "roles", "part", "parts"),
    ),
    Rule(
        "cast.pronoun_role_was_in",
        r"(?:^|, |and |but )(?P<agent>his|her|their) (?:{ADJ}){0,3}?(?:role|roles|part|parts|"
        r"performance|performances) (?:was|were|came) in {FILM_OF}(?P<film>{TITLES_P})",
        CAST,
        needs=("role", "roles", "part", "parts", "performance", "performances"),
    ),
    Rule(
        "cast.of_film_fame",
        r"(?P<agent>{WHO}) , of (?P<film>{TITLE}) fame\b",
        CAST,
        explicit=False,
        needs=("fame",),
        flags=frozenset({"cast_unless_director"}),
    ),
    Rule(
        "cast.film_possessive_person",
        r"(?:^|, |and |with |for |by |to |as )(?P<film>«[FN]\d+») (?:'s|') (?P<agent>«P\d+»)"
        r"(?! 's)",
        CAST,
        explicit=False,
        needs=("'s", "'"),
        flags=frozenset({"cast_unless_director"}),
    ),
    Rule(
        "cast.and_castmates",
        r"(?P<agent>{WHO}) (?:and|with|joined|alongside|joined by) (?:his|her|their) "
        r"(?P<film>{TITLE}) (?:castmates|cast-mates|co-stars|costars|cast members)",
        CAST,
        needs=("castmates", "cast-mates", "co-stars", "costars", "members"),
    ),
    Rule(
        "cast.reunites_with_for",
        # "P is to reunite with her Titanic co-star Q for F", "P teams up with Q again in F": both
        # in F's cast (not "with director Q": crew.film_reunites_with reads what Q is)
        r"(?P<agent>{WHO}{APPOS} (?:, who |who )?(?:{AUX}|{ADV}){0,3}(?:{REUNITE}|join forces|"
        r"joins forces|joined forces) (?:again |once more |on screen )?with "
        r"(?:his |her |their )?(?:(?:«[FN]\d+» |former |old )?(?:co-star|costar|co-stars|costars) )?"
        r"{PEOPLE}) (?:again |once more |on screen )?(?:for|in|on) {FILM_OF}(?P<film>{TITLES_P})",
        CAST,
        needs=(*REUNITE_WORDS, "forces"),
        flags=frozenset({"cast_unless_director"}),
    ),
    Rule(
        "cast.people_reunite_for",
        # "P and Q reunite for F", "P and Q first shared the screen in F", "P and Q reunite for
        # the first time since F", "P and Q worked together on F": each in F's cast, or its
        # director when the text calls them one
        r"(?P<agent>{PERSON}(?: , {PERSON})*(?: ,)? (?:and|&) {PERSON})(?: , who)? (?:{AUX}|{ADV}){0,3}(?:are )?"
        r"(?:(?:reunite|reunited|reuniting|reteam|reteamed|reteaming|re-team|re-teamed|re-teaming|"
        r"team up|teamed up|teaming up|join forces|joined forces|joining forces) "
        r"(?:again )?(?:on screen |on-screen )?(?:for|in|on|(?:for the first time )?since)|"
        r"(?:worked|work|working|starred|appeared) together (?:on|in)|"
        + _SHARED_SCREEN
        + r" in) {FILM_OF}(?P<film>{TITLES_P})",
        CAST,
        needs=(
            "reunite",
            "reunited",
            "reuniting",
            "reteam",
            "reteamed",
            "reteaming",
            "re-team",
            "re-teamed",
            "re-teaming",
            "shared",
            "shares",
            "share",
            "sharing",
            "together",
            "team",
            "teamed",
            "teaming",
            "forces",
        ),
        flags=frozenset({"cast_unless_director"}),
    ),
    Rule(
        "cast.fame_in",
        r"(?P<agent>{WHO}){APPOS} (?:, who |who )?(?:{AUX}|{ADV}){0,2}(?:shot to fame|rose to fame|"
        r"found fame|"
        r"made (?:his|her|their) name|broke through|became famous|became a star|got (?:his|her) "
        r"break|won acclaim|earned acclaim|(?:came|rose) to (?:prominence|attention)) (?:as (?P<character>"
        + _CHAR
        + r") )?"
        r"(?:[^«».; ]+ ){0,3}?(?:in|with) {FILM_OF}(?P<film>{TITLES_P})",
        CAST,
        character="character",
        needs=(
            "fame",
            "name",
            "broke",
            "famous",
            "star",
            "break",
            "acclaim",
            "prominence",
            "attention",
        ),
        flags=frozenset({"cast_unless_director"}),
    ),
    Rule(
        "cast.breakthrough_came_with",
        # "P's breakthrough came in F", "P's breakthrough came as the crooked sheriff C in F"
        r"(?P<agent>{WHOSE}) (?:{ADJ}){0,2}?(?:breakthrough|break) (?:role |part )?came (?:in {YEAR} )?"
        r"(?:as (?:[^«».;, ]+ |«[PN]\d+» ){1,6}?)?(?:with|in) {FILM_OF}(?P<film>{TITLES_P})",
        CAST,
        needs=("came",),
        flags=frozenset({"cast_unless_director"}),
    ),
    Rule(
        "cast.leads_cast",
        r"(?P<agent>{CASTLIST}|he|she|they) (?:{AUX}|{ADV}){0,2}(?:lead|leads|led|head|heads|headed|top|tops|"
        r"topped|front|fronts|fronted) (?:the |an? )?(?:{ADJ}){0,2}?cast (?:of|in) "
        r"(?:(?P<film_ana>«A\d+»)|{FILM_OF}(?P<film>{TITLES_P}))",
        CAST,
        needs=(
            "lead",
            "leads",
            "led",
            "head",
            "heads",
            "headed",
            "top",
            "tops",
            "topped",
            "front",
            "fronts",
            "fronted",
        ),
    ),
    Rule(
        "cast.cast_of_includes",
        r"(?:the )?cast of (?P<film>{FILMREF}) (?:also )?(?:includes|included|include|features|"
        r"featured|comprises|is made up of|boasts) (?P<agent>{CASTLIST})",
        CAST,
        needs=("cast",),
    ),
    Rule(
        "cast.stars_of_including",
        r"\b(?:stars|cast members|cast|actors) of {FILM_OF}(?P<film>{TITLE})(?: ,)? "
        r"(?:including|such as|among them|among whom were) (?P<agent>{CASTLIST})",
        CAST,
        needs=("including", "such", "among"),
    ),
    Rule(
        "cast.film_cast_includes",
        r"(?P<film>{FILMREF}) 's (?:{ADJ})?cast (?:also )?(?:includes|included|include|features|"
        r"featured|boasts) (?P<agent>{CASTLIST})",
        CAST,
        needs=("cast",),
    ),
    Rule(
        "cast.character_then_actor",
        r"(?:^in (?:{FILM_OF})?(?P<film>{TITLE}) , |follows |following |story of |tale of )"
        r"(?P<character>«[NP]\d+») \( (?P<agent>«P\d+») \)",
        CAST,
        character="character",
        needs=("(",),
        flags=frozenset({"film_optional"}),
    ),
    Rule(
        "cast.the_star_is",
        r"(?:^|, |and |; )(?:the|its|the film 's|the movie 's) (?:main |lead |leading |principal |"
        r"biggest )?(?:star|stars|star actor|star actress|lead actor|lead actress|leading man|"
        r"leading lady|lead) (?:is|was|are|were) (?P<agent>{CASTLIST})",
        CAST,
        film=None,
        needs=("star", "stars", "actor", "actress", "man", "lady", "lead"),
    ),
    Rule(
        "cast.title_role",
        r"(?P<agent>{WHO}){APPOS} (?:, who |who )?(?:{AUX}|{ADV}){0,2}(?:plays|played|playing|play|"
        r"takes|took|taking|has|had|landed|won|stars in|starred in|starring in|is cast in|was cast "
        r"in) the (?:title|titular|eponymous|name) (?:role|character|part)",
        CAST,
        film=None,
        needs=("title", "titular", "eponymous"),
    ),
    Rule(
        "cast.people_play_roles",
        r"(?P<agent>{PEOPLE}){APPOS} (?:, who |who )?(?:{AUX}|{ADV}){0,2}(?:play|played|plays|have|had|has|take|took) "
        r"(?:(?:significant|important|key|major|main|lead|leading|supporting|pivotal|small|"
        r"prominent|other|the) ){0,2}(?:roles|role|parts|part) in (?:the )?(?:{FILM_NOUN} )?"
        r"(?P<film>{FILMREFS})",
        CAST,
        needs=("roles", "role", "parts", "part"),
    ),
    Rule(
        "cast.people_star_in",
        r"(?:^|(?<!with )(?<!by )(?<!and ))(?P<agent>{WHO}(?:(?: , {PERSON})*(?: ,)? (?:and|&) {PERSON})?) "
        r"(?:{AUX}|{ADV}){0,2}(?:co-)?(?:star|starred|appear|appeared) "
        # "... is to appear in his first Hollywood film, the action thriller F."
        r"(?:together )?in (?:(?P<film_ana>«A\d+»)|(?:(?:the |a )?(?:{ADJ}){0,2}?(?:{FILM_NOUN} )?|"
        r"(?:his|her|their) (?:{ADJ}){0,3}?(?:film|movie) , (?:(?:the|a|an) (?:{ADJ}){0,2}?"
        r"{FILM_NOUN} )?(?=«[FN]\d+» (?:[,.;]|$)))(?P<film>{TITLES}))",
        CAST,
        needs=(
            "star",
            "starred",
            "appear",
            "appeared",
            "co-star",
            "co-starred",
        ),
    ),
)
