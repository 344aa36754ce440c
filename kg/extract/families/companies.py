"""Companies: production companies and distributors ("produced by Working Title", "a BBC
co-production", "distributed by Lionsgate", "Pathé will distribute the film")."""

from __future__ import annotations

from ...model import Relation
from ..patterns import Rule
from .releases import DATED_FOR

PRODUCTION = Relation.PRODUCTION_COMPANY
DISTRIBUTOR = Relation.DISTRIBUTOR

_FOR_A_SUM = (
    r"(?:for (?:just |only |about |around |less than |under |a mere |an estimated )?(?:£ |\$ |€ )?"
    r"[\d.,]+(?:m|bn|k)?(?: (?:million|billion|pounds|dollars|euros))? )"
)
"""What a film was made for ("made for just £800,000 by O"), between the verb and "by"."""

_RIGHTS_KIND = (
    r"(?:«[CXN]\d+» |(?:north |latin |south )?american |us |uk |worldwide |world |international |global |"
    r"foreign |overseas |domestic |theatrical |english-language |european |all )"
)
"""Which rights a distributor buys ("US", "North American", "worldwide"). Film, screen and remake
rights to a book or play are the producer's, not a distribution deal, and are not among them."""

RULES: tuple[Rule, ...] = (
    Rule(
        "companies.released_through",
        r"(?P<film>{FILMREF}) (?:{AUX}|{ADV}){0,2}(?:is |was |will be )?(?:released|opens|opened|"
        r"hits|hit|arrives|arrived|is out|comes out|came out|goes on release|went on release) "
        r"(?:[^«».;, ]+ |«[XD]\d+» ){0,7}?(?:through|via) (?P<agent>{ORG})(?! 's)",
        DISTRIBUTOR,
        needs=("through", "via"),
    ),
    Rule(
        "companies.film_made_by",
        r"(?P<film>{FILMREFS}){FILM_APPOS}(?: ,)? (?:which |that )?(?:was |is |will be |has been |is being |was being )?(?:also )?"
        r"(?:made|financed|backed|developed|animated) "
        + _FOR_A_SUM
        + r"?by {BY_WHOM}(?P<agent>{ORGS})",
        PRODUCTION,
        needs=("by",),
    ),
    Rule(
        "companies.topic_distributed_by",
        r"(?:(?:^|, |and |«[FN]\d+» )(?:it |«A\d+» |(?:is|was) an? (?:{ADJ}){0,3}?(?:film|movie) )"
        r"(?:(?:was |is |will be |has been )(?:also )?)?|(?<=» )(?:, )?and (?:(?:was|is|will be) )?)"
        r"distributed (?:in (?:the )?«[XC]\d+» )?by (?:both )?(?:the (?:{ADJ})?company )?"
        r"(?P<agent>{ORGS})",
        DISTRIBUTOR,
        film=None,
        needs=("distributed",),
    ),
    Rule(
        "companies.handled_in_territory_by",
        # "in Britain it will be handled by O": the distributor of a territory ("handled" with
        # the territory only: a sales agent also "handles" a film)
        r"(?:^|; |, |and )in (?:the )?«X\d+» (?:(?P<film_ana>it|«A\d+»)|(?P<film>{FILMREF})) "
        r"(?:will be |is |was |is being |has been )handled by (?P<agent>{ORGS})",
        DISTRIBUTOR,
        needs=("handled",),
        flags=frozenset({"org_only"}),
    ),
    Rule(
        "companies.topic_released_by",
        r"(?:(?:^|, |and )(?:it |«A\d+» |(?:the (?:{ADJ}){0,2}?{FILM_NOUN} )?«F\d+» )(?:{AUX}){0,2}|"
        r"(?:(?<=» )|(?<=» , ))and (?:was |has been |will be )?|"
        r"^(?=released .*, (?:it|«A\d+») ))"  # "Released by O on D, it grossed": a fronted participle
        r"(?:be |been |being )?released (?:in (?:the )?"
        r"(?:«[XC]\d+» )?(?:and (?:the )?«[XC]\d+» )?(?:cinemas |theatres |theaters )?)?"
        r"(?:(?:on|in) «[DX]\d+» (?:, )?)?by (?:the (?:{ADJ})?company )?"
        r"(?P<agent>{ORGS})",
        DISTRIBUTOR,
        film=None,
        needs=("released",),
        flags=frozenset({"org_only"}),
    ),
    Rule(
        "companies.handles_distribution",
        r"(?P<agent>{ORGS}) (?:{AUX}|{ADV}){0,2}(?:is |are |will be )?(?:handling|handles|handle|"
        r"handled|oversees|overseeing) (?:the )?(?:(?:worldwide|international|global|domestic|"
        r"north american|«[XC]\d+») )?(?:distribution|theatrical release)(?: (?:of|for) "
        r"{FILM_OF}(?P<film>{FILMREF}))?(?! (?:in|for) «[XC]\d+» only)",
        DISTRIBUTOR,
        needs=("distribution", "release"),
        flags=frozenset({"film_optional", "org_only"}),
    ),
    Rule(
        "companies.distributor_copula",
        r"(?:(?P<film>{FILMREF}) 's |(?:^|, |and )(?:the film 's |the movie 's |its |«A\d+» 's |the ))"
        r"(?:{ADJ})?(?:distributor|distributors) (?:is|was|are|were) (?P<agent>{ORGS})",
        DISTRIBUTOR,
        needs=("distributor", "distributors"),
        flags=frozenset({"film_optional", "org_only"}),
    ),
    Rule(
        "companies.production_company_copula",
        # "Its production company is O", "F's production company was O"
        r"(?:(?P<film>{FILMREF}) 's |(?:^|, |and )(?:the film 's |the movie 's |its |«A\d+» 's |the ))"
        r"production (?:company|companies) (?:is|was|are|were) (?P<agent>{ORGS})",
        PRODUCTION,
        needs=("production",),
        flags=frozenset({"film_optional", "org_only"}),
    ),
    Rule(
        "companies.production_company_of",
        # "The production company of F is O"
        r"the production (?:company|companies) (?:of|for|behind) (?P<film>{FILMREF}) (?:is|was|are|"
        r"were) (?P<agent>{ORGS})",
        PRODUCTION,
        needs=("production",),
        flags=frozenset({"org_only"}),
    ),
    Rule(
        "companies.topic_made_by",
        r"(?:^|, |and )(?:it |«A\d+» )(?:was |is |will be |has been |is being |was being )(?:also )?"
        r"(?:made|financed|"
        r"animated|co-produced) (?:(?:at|in) (?:the )?«[OXNC]\d+» )?"
        + _FOR_A_SUM
        + r"?by {BY_WHOM}(?P<agent>{ORGS})",
        PRODUCTION,
        film=None,
        needs=("by",),
    ),
    Rule(
        "companies.through_own_company",
        r"(?:produce|produces|produced|producing|make|makes|made|making|develop|develops|developed|"
        r"developing|finance|finances|financed|financing)\b[^;]*? through (?:his |her |their )"
        r"(?:own )?(?:production )?(?:company|companies|banner|outfit|shingle) (?:, )?"
        r"(?P<agent>{ORGS})",
        PRODUCTION,
        film=None,
        needs=("through",),
    ),
    Rule(
        "companies.in_cooperation",
        r"(?:(?P<film>{FILMREF}) (?:[^«».; ]+ ){0,4}?)?(?:made|produced|co-produced|financed) by "
        r"{ORG} (?:[^«».; ]+ ){0,2}?(?:in (?:cooperation|association|partnership|collaboration|"
        r"conjunction) with|together with|and) (?P<agent>{ORGS})",
        PRODUCTION,
        needs=(
            "cooperation",
            "association",
            "partnership",
            "collaboration",
            "conjunction",
            "together",
            "and",
        ),
        flags=frozenset({"film_optional", "org_only"}),
    ),
    Rule(
        "companies.produced_for",
        r"(?:produced|made|financed|directed) by {PEOPLE} (?:for|at|through|under) "
        r"(?:the (?:«[XC]\d+» )?(?:[a-z-]+ )?(?:company |studio |banner |outfit )?)?(?P<agent>{ORGS})",
        PRODUCTION,
        film=None,
        needs=("for", "at", "through", "under"),
        flags=frozenset({"org_only"}),
    ),
    Rule(
        "companies.people_produce_for",
        # "P and Q are producing for Cardiff's O", "R produced for the Wellington company O"
        r"(?:^|; |, )«[PN]\d+»(?: and «[PN]\d+»)? (?:(?:is|are|was|were|will be|have been|has been) )?"
        r"(?:producing|produced|co-producing|co-produced) for (?:the (?:«[XC]\d+» )?(?:[a-z-]+ )?"
        r"(?:company|studio|outfit|banner|shingle) )?(?P<agent>{ORGS})",
        PRODUCTION,
        film=None,
        needs=("producing", "produced", "co-producing", "co-produced"),
        flags=frozenset({"org_only"}),
    ),
    Rule(
        "companies.from_the_studio",
        # "the animated F, from the Dublin studio O, held up well": the studio makes F
        r"(?P<film>{FILMREF}) , from (?:the )?(?:«[XC]\d+» |[a-z]+-based )?(?:[a-z-]+ )?(?:studio|"
        r"company|outfit|production company|animation house) (?P<agent>{ORGS})(?= ,| \.|$)",
        PRODUCTION,
        needs=("from",),
        flags=frozenset({"org_only"}),
    ),
    Rule(
        "companies.it_was_a_production",
        r"(?:^|, )(?:it |«A\d+» )(?:is |was )an? (?P<agent>{ORG}) (?:co-)?(?:production|picture)\b",
        PRODUCTION,
        film=None,
        needs=("production", "co-production", "picture"),
        flags=frozenset({"org_only"}),
    ),
    Rule(
        "companies.production_of",
        # "a co-production of A and B", "a production by A", "a production of Studio A": a
        # name after a bare "production of" may be the work ("a stage production of Othello")
        r"(?:(?:joint |co-)production (?:of|between|by|from) |production (?:between|by|from) |"
        r"production of (?=«O\d+»))(?P<agent>{ORGS})(?! with «[PN])",
        PRODUCTION,
        film=None,
        needs=("production", "co-production"),
        flags=frozenset({"org_only"}),
    ),
    Rule(
        "companies.a_production",
        r"(?:an? |the )?(?P<agent>«[ONX]\d+») (?:co-)?production(?: ,)? (?P<film>{TITLE})",
        PRODUCTION,
        needs=("production", "co-production"),
    ),
    Rule(
        "companies.film_a_production",
        r"(?P<film>{FILMREF}){FILM_APPOS}(?: ,)? (?:is |was )?(?:an? )(?P<agent>{ORG}) (?:co-)?production",
        PRODUCTION,
        needs=("production", "co-production"),
    ),
    Rule(
        "companies.studio_behind",
        # "O, the London studio behind last year's surprise hit F"
        r"(?P<agent>{ORG}) , (?:the|a) (?:«[XC]\d+» |[a-z-]+ ){0,3}?(?:studio|company|production company|"
        r"outfit) (?:behind|that made|which made|producing|that produced|which produced) "
        r"(?:(?:last|this) year 's )?(?:{ADJ}){0,3}?(?:{FILM_NOUN} )?(?P<film>{FILMREF})",
        PRODUCTION,
        needs=("behind", "made", "producing", "produced"),
    ),
    Rule(
        "companies.org_is_behind",
        r"(?P<agent>{ORGS}) (?:{AUX}|{ADV}){0,2}(?:is |are |was |were )(?:also )?(?:the (?:company |"
        r"studio )?)?behind (?:the )?(?:{ADJ}){0,2}?(?:{FILM_NOUN} )?(?P<film>{FILMREFS})",
        PRODUCTION,
        needs=("behind",),
        flags=frozenset({"org_only"}),
    ),
    Rule(
        "companies.sets_release_for",
        r"(?P<agent>{ORG}) (?:{AUX}|{ADV}){0,2}(?:set|sets|setting|scheduled|schedules|slated|"
        r"announced|confirmed|dated) (?:a |an |the )?(?:[^«».; ]+ |«[DXC]\d+» ){0,3}?release(?: date)? "
        r"for (?:the )?(?:{ADJ}){0,2}?(?:{FILM_NOUN} )?(?P<film>{TITLE})",
        DISTRIBUTOR,
        needs=("release",),
        flags=frozenset({"org_only"}),
    ),
    Rule(
        "companies.production_company",
        r"(?:production company|production companies|studio|studios) (?:{ADJ}){0,2}?(?:, )?"
        r"(?P<agent>{ORGS})(?: ,)? (?:[^«» .;]+ ){0,8}?(?:to bring|to make|to produce|produced|made|"
        r"behind) (?:the |a )?(?:{FILM_NOUN} )?(?P<film>{FILMREF})",
        PRODUCTION,
        needs=("company", "companies", "studio", "studios"),
    ),
    Rule(
        "companies.under_banner",
        r"under (?:his |her |their |the |its )?(?:own )?(?:banner|production banner|label|"
        r"production company)(?: ,| of)? (?P<agent>{ORG})",
        PRODUCTION,
        film=None,
        needs=("banner", "label", "company"),
    ),
    Rule(
        "companies.via_banner",
        # "through their O banner", "via her O, which bought the rights"
        r"(?:via|through|under) (?:his |her |their |its )(?:own )?(?:company |production company )?"
        r"(?P<agent>{ORG})(?: (?:production )?(?:banner|label|shingle)|(?= ,| \.| and |$))",
        PRODUCTION,
        film=None,
        needs=("via", "through", "under"),
    ),
    Rule(
        "companies.possessive_studio",
        r"(?P<agent>«[ON]\d+») 's (?:(?:{ADJ}|«[PN]\d+» ){0,3}?{FILM_NOUN} )?(?P<film>{TITLE})",
        PRODUCTION,
        explicit=False,
        flags=frozenset({"org_only"}),
        needs=("'s",),
    ),
    Rule(
        "companies.studio_releases",
        r"(?P<agent>{ORG}) (?:, which )?(?:{AUX}|{ADV}){0,2}(?:release|releases|released|will release|is "
        r"releasing) (?:the )?(?:{ADJ}){0,2}?(?:{FILM_NOUN} )?(?P<film>{TITLE})",
        DISTRIBUTOR,
        needs=("release", "releases", "released", "releasing"),
        flags=frozenset({"org_only"}),
    ),
    Rule(
        "companies.said_it_will_release",
        # "O said Thursday that it will release F on July 13": O is F's distributor
        r"(?P<agent>{ORG}) (?:said|says|announced|confirmed) (?:on )?(?:«X\d+» )?(?:that )?it (?:will|would|"
        r"is to|plans to|is set to) (?:release|distribute) (?:the )?(?:{ADJ}){0,2}?(?:{FILM_NOUN} )?"
        r"(?P<film>{TITLE})",
        DISTRIBUTOR,
        needs=("release", "distribute"),
        flags=frozenset({"org_only"}),
    ),
    Rule(
        "companies.opens_it_in_theaters",
        # "O opens it in 400 theaters Friday", "O will open F in 2,000 cinemas"
        r"(?P<agent>{ORG}) (?:{AUX}|{ADV}){0,2}(?:opens|opened|open|opening) (?:(?P<film_ana>it)|"
        r"(?P<film>{TITLE})) (?:in|on) (?:more than |about |some )?(?:[\d,]+ )?(?:theaters|theatres|"
        r"cinemas|screens)\b",
        DISTRIBUTOR,
        needs=("opens", "opened", "open", "opening"),
        flags=frozenset({"org_only"}),
    ),
    Rule(
        "companies.with_handling_the_release",
        # "O will release F in Canada, with Q handling the U.S. rollout": Q distributes F too
        r", with (?P<agent>{ORG}) handling (?:the )?(?:«[XC]\d+» |[a-z.-]+ )?(?:rollout|release|"
        r"distribution)\b",
        DISTRIBUTOR,
        film=None,
        needs=("handling",),
        flags=frozenset({"org_only"}),
    ),
    Rule(
        "companies.the_company_release",
        # "The Crestline Studios release, directed by P, opened in 3,410 theaters": "the film",
        # written as the release of the company that distributes it
        r"(?P<film>(?P<agent>«A\d+»))",
        DISTRIBUTOR,
        flags=frozenset({"org_only", "company_anaphor"}),
    ),
    Rule(
        "companies.its_distributor_appos",
        # "Its distributor, Halvorsen Studios, said the film had taken a further $45m"
        r"(?:^|, |for )(?:the film 's|the movie 's|its|«A\d+» 's) (?:«[XC]\d+» |[a-z]+ )?distributor"
        r"(?: ,)? (?P<agent>{ORG})(?= ,| \.|$| [a-z])",
        DISTRIBUTOR,
        film=None,
        needs=("distributor",),
        flags=frozenset({"org_only"}),
    ),
    Rule(
        "companies.film_that_p_directs_for",
        # "F, the period thriller that P is directing for O": O makes F
        r"(?P<film>{FILMREF}) , (?:the|a|an) (?:[^«».;, ]+ |«[CX]\d+» ){0,4}?(?:{FILM_NOUN}|project|"
        r"adventure|picture) (?:that|which) «[PN]\d+» (?:is |will |was |has been |had been )?"
        r"(?:directing|direct|directed|making|make|made) for (?P<agent>{ORG})",
        Relation.PRODUCTION_COMPANY,
        needs=("directing", "direct", "directed", "making", "make", "made"),
        flags=frozenset({"org_only"}),
    ),
    Rule(
        "companies.returns_to_direct_for",
        # "P returns to direct for O", "P will direct for O": the film in view is O's
        r"(?:returns to|is to|will|set to|signed to|tapped to|hired to) (?:direct|helm) (?:it |the film )?"
        r"for (?P<agent>{ORG})(?= ,| \.| and |$)",
        Relation.PRODUCTION_COMPANY,
        film=None,
        needs=("direct", "helm"),
        flags=frozenset({"org_only"}),
    ),
    Rule(
        "companies.produce_it_with",
        # "Ridgeline will produce the film with Seoul-based Hanul Pictures": both produce it
        r"(?:produce|produces|produced|producing|co-produce|co-producing) (?:(?P<film_ana>it|«A\d+»)|"
        r"(?P<film>«F\d+»)) with (?:[a-z-]+-based |(?:the )?«[XC]\d+» (?:company |studio )?)?"
        r"(?P<agent>{ORGS})",
        Relation.PRODUCTION_COMPANY,
        needs=("produce", "produces", "produced", "producing", "co-produce", "co-producing"),
        flags=frozenset({"org_only"}),
    ),
    Rule(
        "companies.film_which_org_releases",
        # "F, which Bluebird Films releases nationwide on December 8, has ..."
        r"(?P<film>{FILMREF}) , (?:which|that) (?P<agent>{ORG}) (?:{AUX}|{ADV}){0,2}(?:releases|released|"
        r"release|releasing|distributes|distributed|distribute|distributing)\b",
        DISTRIBUTOR,
        needs=(
            "release",
            "releases",
            "released",
            "releasing",
            "distributes",
            "distributed",
            "distribute",
            "distributing",
        ),
        flags=frozenset({"org_only"}),
    ),
    Rule(
        "companies.with_org_releasing",
        # "It will be produced by O, with Northlight Distribution releasing it in UK cinemas"
        r"(?:^|, )with (?P<agent>{ORGS}) (?:releasing|distributing|handling (?:the |its )?"
        r"(?:«[XC]\d+» |[a-z]+ )?(?:release|distribution)|(?:set|due|expected) to (?:release|"
        r"distribute))\b",
        DISTRIBUTOR,
        film=None,
        needs=("releasing", "distributing", "handling", "release", "distribute"),
        flags=frozenset({"org_only"}),
    ),
    Rule(
        "companies.scheduled_for_release_by",
        # "F is scheduled for release in 2006 by O"
        r"(?P<film>{FILMREF}) (?:is|was|has been) (?:scheduled|set|due|slated|pencilled in|penciled in) "
        r"for (?:a |its )?(?:[a-z]+ )?release (?:[^«».; ]+ |«[XCD]\d+» ){0,4}?by (?P<agent>{ORGS})",
        DISTRIBUTOR,
        flags=frozenset({"org_only"}),
        needs=("release",),
    ),
    Rule(
        "companies.opens_through",
        # "F opens in UK cinemas on 25 March through O", "arrives on 7 October, courtesy of O"
        r"(?:(?P<film>{FILMREF}) (?:, (?:[^,;.«»]|«[PNXCO]\d+»){1,60} , )?(?:{AUX}|{ADV}){0,2})?"
        r"(?:opens|open|opened|"
        r"opening|arrives|arrive|arriving|released|is released|hits|hit) (?:[^«».; ]+ |«[XCD]\d+» )"
        r"{0,6}?(?:through|"
        r"via|courtesy of) (?P<agent>{ORGS})",
        DISTRIBUTOR,
        flags=frozenset({"org_only", "film_optional"}),
        needs=("through", "via", "courtesy"),
    ),
    Rule(
        "companies.acquired_rights",
        r"(?P<agent>{ORG}) (?:, which )?(?:{AUX}|{ADV}){0,2}(?:acquired|acquires|acquire|bought|buys|"
        r"picked up|picks up|snapped up|snaps up|secured|secures|landed|lands|(?:paid|pays|paying) "
        r"[^«».;]{1,40}? for) (?:the )?"  # "O paid close to $12 million for worldwide rights to F"
        + _RIGHTS_KIND
        + r"(?:(?:and|,) "
        + _RIGHTS_KIND
        + r")?(?:distribution )?rights (?:to|for|on) {FILM_OF}(?P<film>{TITLE})",
        DISTRIBUTOR,
        needs=("rights",),
        flags=frozenset({"org_only"}),
    ),
    Rule(
        "companies.picked_up_for_release",
        r"(?P<agent>{ORG}) (?:, which )?(?:{AUX}|{ADV}){0,2}(?:acquired|acquires|bought|buys|picked up|"
        r"picks up|snapped up|snaps up) {FILM_OF}(?P<film>{TITLE}) for (?:«[CX]\d+» |[a-z]+ )?"
        r"(?:distribution|release)",
        DISTRIBUTOR,
        needs=("distribution", "release"),
        flags=frozenset({"org_only"}),
    ),
    Rule(
        "companies.studio_dated",
        r"(?P<agent>{ORG}) (?:{AUX}|{ADV}){0,2}" + DATED_FOR + r"{DATE}",
        DISTRIBUTOR,
        needs=("dated", "slated", "scheduled", "set"),
        flags=frozenset({"org_only"}),
    ),
    Rule(
        "companies.film_distributed_by",
        r"(?P<film>{FILMREFS}){FILM_APPOS}(?: ,)? (?:(?:which|that) (?:[^«» .;,]+ ){1,8}?and |which |that )?"
        # a second predicate of the relative clause: "the film, which cost $4m and was released by O"
        r"(?:was |is |will be |has been |is being |"
        r"was being |will also be )?(?:also )?"
        r"(?:distributed|released)(?: in (?:the )?«[XC]\d+»| on (?:dvd|video|blu-ray|«X\d+»)| in cinemas"
        r"(?: last «X\d+»| in {YEAR})?)? by (?:both )?(?:the (?:{ADJ})?company |"
        r"(?:the )?(?:«C\d+» |[a-z]+ )?(?:distributor|studio|company) )?"
        r"(?P<agent>{ORGS}(?: and in (?:the )?«[XC]\d+» by {ORGS})?)",
        DISTRIBUTOR,
        needs=("distributed", "released"),
    ),
    Rule(
        "companies.distributes",
        r"(?P<agent>{ORGS}){APPOS} (?:, which |which )?(?:{AUX}){0,2}(?:(?:distribute|distributes|"
        r"distributed|will distribute|distributing|is distributing) |(?:acquired|bought|secured|"
        r"picked up) (?:the )?(?:(?:uk|us|north american|international|worldwide|global|«[XC]\d+») )?"
        r"distribution rights (?:to|for) )(?:(?P<film_ana>it(?= \.| ,| in | and |$))|"
        r"(?:the )?(?:{ADJ}){0,3}?(?:{FILM_NOUN} )?(?P<film>{FILMREF}))",
        DISTRIBUTOR,
        needs=("distribute", "distributes", "distributed", "distributing", "distribution"),
    ),
    Rule(
        "companies.will_distribute",
        # "Warner Bros will distribute." / "Lionsgate is distributing in the US": the film of the
        # text, the verb without an object
        r"(?:^|, |and )(?P<agent>{ORGS}) (?:will|is to|is set to|are to|are set to|is|are) "
        r"(?:distribute|distributing)(?= \.| in (?:the )?«[XC]\d+» (?:\.|,|and )| ,| and |$)",
        DISTRIBUTOR,
        film=None,
        needs=("distribute", "distributing"),
        flags=frozenset({"org_only"}),
    ),
    Rule(
        "companies.will_produce",
        # "Newcastle-based O will produce.": the film of the text, the verb without an object
        r"(?:^|, |and )(?P<agent>{ORGS}) (?:will|is to|is set to|are to|are set to|is|are) "
        r"(?:also )?(?:produce|co-produce|producing|co-producing)(?= \.| ,| and | with |$)",
        Relation.PRODUCTION_COMPANY,
        film=None,
        needs=("produce", "co-produce", "producing", "co-producing"),
        flags=frozenset({"org_only"}),
    ),
    Rule(
        "companies.will_produce_for",
        # "Veteran producer P will produce for London-based O": the film of the text
        r"(?:will|is to|is set to|is due to|is expected to) (?:also )?(?:produce|co-produce) "
        r"(?:the film )?for (?P<agent>{ORGS})",
        Relation.PRODUCTION_COMPANY,
        film=None,
        needs=("for",),
        flags=frozenset({"org_only"}),
    ),
    Rule(
        "companies.picked_up_by",
        # "It has also been picked up for North America by O": a distribution deal
        r"(?:^|, |and )(?:it |«A\d+» |«F\d+» )(?:{AUX}){0,3}(?:been )?picked up (?:for (?:the )?"
        r"«[XC]\d+» (?:and (?:the )?«[XC]\d+» )?)?by (?P<agent>{ORGS})",
        DISTRIBUTOR,
        film=None,
        needs=("picked",),
        flags=frozenset({"org_only"}),
    ),
    Rule(
        "companies.grossed_for_distributor",
        # "F grossed £9m in the UK for distributor O": its distributor
        r"(?:grossed|took|earned|made|taken|earning|taking) (?:(?:£ |\$ |€ )?[\d.,]+(?:m|bn|k)?"
        r"(?: million)? |more than |over |nearly |almost |about )+(?:(?:in|at) (?:the )?"
        r"(?:«[XC]\d+» )?(?:box office |cinemas )?)?for (?:its |the )?(?:(?:uk|us|british|american) )?"
        r"distributor (?P<agent>{ORG})",
        DISTRIBUTOR,
        film=None,
        needs=("distributor",),
        flags=frozenset({"org_only"}),
    ),
    Rule(
        "companies.with_distributor_planning",
        # "Filming begins in May, with distributor O planning a November release"
        r"(?:^|, )with (?:the film 's |its )?(?:(?:uk|us|british|american) )?distributor "
        r"(?P<agent>{ORG}) (?:planning|eyeing|setting|targeting|lining up|scheduling|aiming for)\b",
        DISTRIBUTOR,
        film=None,
        needs=("distributor",),
        flags=frozenset({"org_only"}),
    ),
    Rule(
        "companies.distributed_along_with",
        r"(?:distributed|distributes|released|releases) (?:the )?(?:{ADJ}){0,3}?(?:{FILM_NOUN} )?"
        r"(?P<film>{FILMREF}) , (?:along|together) with (?P<agent>{ORGS})",
        DISTRIBUTOR,
        needs=("along", "together"),
    ),
    Rule(
        "companies.distributor_of",
        r"(?P<agent>{ORG}) (?:company )?, (?:the |its |a )?(?:{ADJ})?(?:distributor|distributors) (?:of|for) (?:the )?"
        r"(?:{FILM_NOUN} )?(?P<film>{FILMREF})",
        DISTRIBUTOR,
        needs=("distributor", "distributors"),
    ),
    Rule(
        "companies.title_distributor",
        r"(?P<film>{TITLES}) (?:(?:uk|us|british|american|international) )?(?:distributor|"
        r"distributors) (?P<agent>{ORG})",
        Relation.DISTRIBUTOR,
        needs=("distributor", "distributors"),
    ),
    Rule(
        "companies.distributor_says",
        r"^(?:the |its |«A\d+» 's )?(?:film 's |movie 's )?(?:(?:uk|us|british|american|"
        r"international) )?distributor (?P<agent>{ORG}) (?:has |have )?(?:said|says|announced|"
        r"confirmed|revealed|told)",
        Relation.DISTRIBUTOR,
        film=None,
        needs=("distributor",),
    ),
    Rule(
        "companies.org_produced",
        r"(?P<agent>{ORGS}){APPOS} (?:, who |who )?(?:{AUX}|{ADV}){0,2}(?:produced|co-produced|financed|"
        r"is producing|are producing|will produce) (?:(?P<film_ana>«A\d+»(?! 's)|it(?= \.| ,| in | and |$))|"
        r"(?:the )?(?:{ADJ}){0,2}?(?:{FILM_NOUN} )?(?P<film>{TITLES}))",
        Relation.PRODUCTION_COMPANY,
        needs=("produced", "co-produced", "financed", "producing", "produce"),
    ),
    Rule(
        "companies.org_films_include",
        r"(?P<agent>{ORG}) 's (?:{ADJ}){0,2}?(?:films|movies|productions|feature films|film credits) "
        r"(?:{ADV})?(?:include|included|includes|have included) (?:(?:the |a )?(?:{ADJ}){0,2}?"
        r"(?:{FILM_NOUN} )?)?(?P<film>{TITLES})",
        Relation.PRODUCTION_COMPANY,
        needs=("include", "included", "includes"),
    ),
    Rule(
        "companies.served_as_distributor",
        r"(?P<agent>{ORG}){APPOS} (?:{ADV})?(?:served as|was|is|acted as) (?:the |a |one )?(?:{ADJ})?"
        r"(?:of the )?distributors? "
        r"(?:of|for) (?:the )?(?:{FILM_NOUN} )?(?P<film>{FILMREF})",
        DISTRIBUTOR,
        needs=("distributor",),
    ),
    Rule(
        "companies.distributor_is",
        r"(?:the )?distributor of (?:the )?(?:{FILM_NOUN} )?(?P<film>{FILMREF}) (?:is|was) "
        r"(?P<agent>{ORG})",
        DISTRIBUTOR,
        needs=("distributor",),
    ),
)
