"""Closed word lists the rule extractor reads: what a capitalised word is, and what it is not.

Everything here is knowledge of the language and of the film trade, not of any article: given
names (shipped, built from the Wikidata films table by ``tools/build_lexicons.py``), the words
that introduce a film ("the comedy X"), a person ("actor X") or something that is never a film
("the X festival", "TV series X"), awards, festivals, places, news outlets, company suffixes.
Role words come from :data:`kg.model.ROLES`, the one definition of a role.

>>> is_given_name("Alfonso"), is_given_name("Festival")
(True, False)
>>> ROLE_OF_NOUN["director"].value, ROLE_OF_NOUN["actress"].value
('director', 'cast_member')
>>> nonfilm_kind("Cannes Film Festival"), nonfilm_kind("Golden Globes"), nonfilm_kind("Ray")
('event', 'award', None)
"""

from __future__ import annotations

from functools import cache, lru_cache
from importlib.resources import files

from ..model import ROLES, Relation
from .countries import COMBINING_FORMS, DEMONYMS

__all__ = [
    "AWARDS",
    "COMMON_WORDS",
    "DAYS",
    "DEMONYM_NOUNS",
    "FILM_NOUNS",
    "FUNCTION_WORDS",
    "HOME_MEDIA",
    "HONORIFICS",
    "MONTHS",
    "NAME_PARTICLES",
    "NONFILM_AFTER",
    "NONFILM_BEFORE",
    "NONFILM_MODIFIERS",
    "NONFILM_WORK_HEADS",
    "ORG_PREFIXES",
    "ORG_SUFFIXES",
    "PERSON_NOUNS",
    "ROLE_OF_NOUN",
    "ROLE_OF_VERB",
    "ROLE_OF_WORK",
    "STREAMING",
    "TV_NETWORKS",
    "TV_WORDS",
    "given_names",
    "is_demonym",
    "is_given_name",
    "is_known_org",
    "is_streaming_service",
    "nonfilm_kind",
]


def _words(text: str) -> frozenset[str]:
    return frozenset(w.strip() for w in text.replace("\n", "|").split("|") if w.strip())


MONTHS = _words(
    "January|February|March|April|May|June|July|August|September|October|November|December|"
    "Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec"
)
DAYS = _words(
    "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Christmas|Easter|Thanksgiving|"
    "Halloween|Valentine|Eve|Day|New Year|Boxing Day|Christmas Day|Christmas Eve|New Year's Day"
)

COMMON_WORDS = _words(
    """a|about|above|according|across|after|afterwards|again|against|ago|ahead|all|almost|alone|
    along|already|also|although|always|among|amid|an|and|another|any|anyone|anything|are|around|
    as|at|back|be|because|been|before|behind|being|below|beneath|beside|besides|best|better|
    between|beyond|both|but|by|can|could|despite|did|do|does|during|each|earlier|early|either|
    else|elsewhere|even|ever|every|everyone|everything|except|far|few|fewer|first|following|for|
    former|from|further|had|has|have|having|he|her|here|hers|herself|him|himself|his|how|however|
    i|if|in|including|inside|instead|into|is|it|its|itself|just|last|later|latest|least|less|
    like|little|many|may|me|meanwhile|might|more|moreover|most|much|must|my|near|neither|never|
    nevertheless|new|next|no|nobody|none|nor|not|nothing|now|of|off|often|old|on|once|one|only|
    onto|or|other|others|our|out|outside|over|own|past|per|perhaps|plus|previously|rather|
    recently|same|second|several|she|should|since|so|some|someone|something|sometimes|soon|still|
    such|than|that|the|their|them|themselves|then|there|therefore|these|they|third|this|those|
    though|through|throughout|thus|to|today|together|tomorrow|too|top|toward|towards|under|
    unless|unlike|until|up|upon|us|very|via|was|we|well|were|what|whatever|when|where|whereas|
    whether|which|while|who|whom|whose|why|will|with|within|without|would|yesterday|yet|you|your|
    yes|oh|mr|mrs|ms|dr|sir|dame|lord|lady|speaking|asked|told|said|says|meet|big|great|good|bad|
    young|veteran|legendary|famous|acclaimed|award|awards|winner|winners|nominee|nominees|
    film|films|movie|movies|cinema|box|office|critics|fans|audiences|viewers|stars|star|actor|
    actress|actors|actresses|director|directors|producer|producers|writer|writers|studio|studios|
    lead|leading|supporting|based|set|made|released|starring|directed|produced|written|despite|
    overall|total|meanwhile|elsewhere|instead|indeed|certainly|clearly|sadly|finally|currently|
    originally|eventually|initially|ultimately|unfortunately|apparently|obviously|interestingly|
    although|though|whilst|amongst|where|here|there|yesterday|tonight|hollywood's|britain's"""
)
"""Lower-cased words that are capitalised only because they start a sentence or a headline."""

FUNCTION_WORDS = _words(
    """a|an|the|about|above|according|across|after|afterwards|again|against|ago|ahead|all|almost|
    along|already|also|although|always|among|amid|and|another|any|anyone|anything|are|around|as|
    at|because|been|before|behind|being|below|beneath|beside|besides|between|beyond|both|but|by|
    can|could|despite|did|do|does|during|each|earlier|either|else|even|ever|every|everyone|
    except|few|following|for|from|had|has|have|having|he|her|here|hers|herself|him|himself|his|
    how|however|i|if|in|including|inside|instead|into|is|it|its|itself|just|later|like|many|may|
    me|meanwhile|might|more|moreover|most|much|must|my|neither|never|nevertheless|no|nobody|none|
    nor|not|nothing|now|of|off|often|on|once|only|onto|or|other|others|our|out|outside|over|own|
    perhaps|rather|recently|several|she|should|since|so|some|someone|something|sometimes|soon|
    still|such|than|that|their|them|themselves|then|there|therefore|these|they|this|those|though|
    through|throughout|thus|to|today|together|too|toward|towards|under|unless|unlike|until|up|
    upon|us|very|via|was|we|well|were|what|whatever|when|where|whereas|whether|which|while|who|
    whom|whose|why|with|within|without|would|yesterday|yet|you|your|yes|oh|asked|told|said|says|
    speaking|overall|indeed|certainly|clearly|sadly|finally|currently|originally|eventually|
    initially|ultimately|unfortunately|apparently|obviously|interestingly|whilst|amongst|tonight|
    last|next|first|second|third|other|both|best|top|new|old|former|fellow|veteran|
    legendary|famous|acclaimed|also|even|already|elsewhere|nonetheless|otherwise|likewise|anyway|
    furthermore|hence|altogether"""
)
"""Lower-cased function words: capitalised at a sentence start, never part of a name there."""

HONORIFICS = _words("Mr|Mrs|Ms|Miss|Sir|Dame|Dr|Lord|Lady|Prof|Professor|Rev|Mr.|Mrs.|Ms.|Dr.")
NAME_PARTICLES = _words(
    "de|da|di|del|della|van|von|der|den|le|la|du|des|dos|das|bin|al|el|ter|ten|y|St|St.|Jr|Jr.|"
    "Jnr|Sr|Sr.|II|III|IV|De|Da|Di|Del|Della|Van|Von|Der|Den|Le|La|Du|Des|Dos|Mac|Mc|O'"
)

FILM_NOUNS = _words(
    """film|films|movie|movies|feature|features|documentary|documentaries|comedy|comedies|drama|
    dramas|thriller|thrillers|epic|epics|biopic|biopics|flick|flicks|adventure|adventures|tale|
    sequel|sequels|prequel|prequels|remake|remakes|re-make|adaptation|hit|hits|debut|blockbuster|
    blockbusters|cartoon|animation|western|westerns|horror|romance|satire|fantasy|picture|
    pictures|chiller|caper|romcom|rom-com|spoof|parody|weepie|melodrama|saga|musical|fable|
    mockumentary|actioner|potboiler|extravaganza|spin-off|spinoff|franchise|version|outing|
    instalment|installment|release|premiere|smash|feature-length|noir|short|shorts|story"""
)
"""Nouns that introduce a film title: "the comedy Sideways", "his debut Garden State"."""

STRONG_FILM_NOUNS = _words(
    """film|films|movie|movies|documentary|comedy|drama|thriller|epic|biopic|flick|blockbuster|
    sequel|prequel|remake|re-make|western|chiller|romcom|rom-com|spoof|weepie|melodrama|
    mockumentary|actioner|animation|cartoon|caper|satire|feature|horror|adventure|fantasy|hit|noir"""
)
"""Film nouns that alone license the capitalised span after them as a film."""

TV_WORDS = _words(
    """tv|television|series|sitcom|soap|show|shows|programme|programmes|program|episode|episodes|
    channel|miniseries|mini-series|broadcast|broadcaster|network|sketch|talk|reality|
    drama series|tv series|tv show|tv drama|cartoon series|serial|serials"""
)

TV_NETWORKS = _words(
    """BBC|BBC1|BBC2|BBC3|BBC4|ITV|ITV1|ITV2|E4|Sky|HBO|ABC|CBS|NBC|FX|AMC|PBS|Showtime|Starz|
    CW|MTV|S4C|RTE|RTÉ|CBC|Nickelodeon|Channel 4|Channel 5|BBC One|BBC Two|BBC Three|BBC Four|
    Sky One|Sky Atlantic|ITV3|ITV4|TV3|TG4|UTV|STV|TNT|TBS|Syfy|Bravo"""
)
"""Broadcasters whose name before a genre noun makes a television programme ("the ITV drama X",
"the Channel 4 drama Y")."""

NONFILM_MODIFIERS = _words(
    """pop|rock|rap|soul|country|jazz|blues|folk|punk|disco|indie|hip-hop|r&b|grime|opera|soap|
    reality|porn|child|teen|youtube|tiktok|instagram|internet|football|tennis|sports|sport|
    boxing|golf|pin-up|hollywood|bollywood|screen|film|movie|tv|television|radio|broadway|
    west end|glamour|fashion|comedy|stage|cult|page 3|page three"""
)
"""Words that make a kind of star, singer or icon, never a title: "Pop star X", "Soap star Y",
"Cult film-maker Z", "Page 3 stunner W"."""

NONFILM_BEFORE = _words(
    """series|show|programme|program|sitcom|soap|tv|channel|miniseries|mini-series|docuseries|
    podcast|opera|play|musical|novel|book|memoir|memoirs|novella|bestseller|
    biography|autobiography|
    books|album|albums|song|songs|single|singles|band|group|newspaper|magazine|tabloid|
    language|award|awards|prize|festival|character|characters|hotel|restaurant|city|town|
    village|county|state|island|club|team|company|firm|studio|label|website|radio|station|
    theatre|theater|venue|ceremony|event|gallery|museum|university|college|school|charity|
    comic|comics|strip|game|video-game|videogame|poem|painting|brand|product|ship|party|
    organisation|organization|agency|council|court|rapper|singer|duo|trio|girlband|boyband|
    author|novelist|playwright"""
)
"""Words before a capitalised span that say it is not a film ("the TV series X", "novel X")."""

NONFILM_WORK_HEADS = _words(
    """show|shows|series|sitcom|soap|programme|program|podcast|album|single|song|record|play|
    musical|opera|novel|book|memoir|biography|tour|game|comic|special"""
)
"""Heads of an apposition that make a name no film ("X (1985), his stand-up show,")."""

NONFILM_AFTER = _words(
    """award|awards|prize|prizes|festival|ceremony|ceremonies|nomination|nominations|winner|
    winners|gala|jury|organisers|organizers|newspaper|magazine|reported|spokesman|spokeswoman|
    court|council|board|committee|show|series|episode|album|single|song|tour|band|concert|
    musical|novel|book|play|opera|channel|network|studio|studios|website|website's"""
)
"""Words after a capitalised span that say it is not a film ("the X awards", "X newspaper")."""

NONFILM_HEADS = _words(
    """Festival|Festivals|Award|Awards|Prize|Prizes|Academy|Association|Institute|Council|Board|
    Forum|Commission|Critics|Times|News|Reporter|Weekly|Daily|Magazine|Herald|Tribune|Journal|
    Gazette|University|College|Foundation|Society|Guild|Federation|Committee|Ministry|Agency|
    Bureau|Corporation|Inc|Ltd|Network|Channel|Television|TV|Radio|Ceremony|Globes|Oscars|
    Baftas|Emmys|Grammys|Tonys|Razzies|Olympics|Championship|Championships|Conference|
    Convention|Awards'|Commissioner|Parliament|Senate|Congress|Police|Army|Navy"""
)
"""Last words of names that are never films ("Cannes Film Festival", "Evening Standard")."""

AWARDS = _words(
    """Oscar|Oscars|Academy Award|Academy Awards|Bafta|Baftas|BAFTA|BAFTAs|Golden Globe|
    Golden Globes|Emmy|Emmys|Grammy|Grammys|Tony|Tonys|Cesar|César|Cesars|Golden Bear|
    Silver Bear|Golden Lion|Silver Lion|Palme d'Or|Palme D'Or|Razzie|Razzies|Golden Raspberry|
    Olivier|Oliviers|Brit|Brits|Saturn|Annie|Independent Spirit|Sag|SAG|Screen Actors Guild|
    Golden Rose|Goya|Goyas|Lola|David di Donatello|Genie|Genies|Filmfare|Nobel|Pulitzer|Booker|
    Mercury|Ivor Novello|MTV|People's Choice|Teen Choice|Kids' Choice|Critics' Choice|
    Golden Horse|Blue Dragon|Hong Kong Film Award|European Film Award|Evening Standard"""
)

FESTIVALS = _words(
    """Cannes|Sundance|Berlin|Berlinale|Venice|Toronto|Tribeca|Edinburgh|Sitges|Karlovy Vary|
    Rotterdam|Telluride|Locarno|San Sebastian|Busan|Pusan|Tokyo|Sydney|Melbourne|Raindance|
    Comic-Con|Comic Con|SXSW|South by Southwest|Mipcom|Cinemacon|ShoWest"""
)

MEDIA = _words(
    """BBC|BBC One|BBC Two|BBC Three|BBC Four|BBC1|BBC2|ITV|Channel 4|Channel 5|Sky|Sky One|
    Sky Movies|CNN|ABC|CBS|NBC|Fox News|HBO|MTV|E!|Variety|Reuters|AP|AFP|Associated Press|
    Press Association|Hollywood Reporter|The Hollywood Reporter|Screen International|
    Screen Daily|Empire|Empire magazine|Total Film|Sight and Sound|Sight & Sound|Time|Newsweek|
    Rolling Stone|People|Us Weekly|Entertainment Weekly|Deadline|Deadline Hollywood|IndieWire|
    TMZ|E! News|Radio Times|The Guardian|Guardian|The Times|The Sunday Times|The Telegraph|
    Daily Telegraph|Daily Mail|Mail on Sunday|The Sun|Sun|The Mirror|Daily Mirror|
    The Independent|Independent|The Observer|Observer|Evening Standard|New York Times|
    The New York Times|Los Angeles Times|LA Times|Washington Post|USA Today|Wall Street Journal|
    Financial Times|Chicago Sun-Times|Box Office Mojo|Nielsen|Exhibitor Relations|
    Rentrak|comScore|Rotten Tomatoes|IMDb|Metacritic|Twitter|Instagram|Facebook|YouTube|
    Radio 1|Radio 2|Radio 4|Radio 5 Live|Today programme|Newsnight|Breakfast"""
)

HOME_MEDIA = _words(
    """DVD|DVDs|Blu-ray|Blu-Ray|Blu-rays|BluRay|VHS|Betamax|LaserDisc|Laserdisc|HD DVD|
    Ultra HD|Ultra HD Blu-ray|4K Ultra HD|UHD|Video CD|VCD|Video on Demand|VOD|CD|CDs|LP|LPs"""
)
"""Home-media formats: what a film (or its soundtrack) comes out on ("released on DVD",
"reissued on CD"), never a title.

>>> nonfilm_kind("DVD"), nonfilm_kind("Blu-ray")
('format', 'format')
"""

PLACES = _words(
    """Hollywood|Bollywood|Nollywood|Broadway|West End|Off-Broadway|London|Paris|New York|
    Los Angeles|LA|L.A.|Beverly Hills|Santa Monica|Malibu|Manhattan|Brooklyn|Chicago|Boston|
    San Francisco|Las Vegas|Miami|Miami Beach|Florida|California|Texas|Georgia|Atlanta|
    New Orleans|Louisiana|Seattle|Washington|Toronto|Vancouver|Montreal|Sydney|Melbourne|
    Auckland|Wellington|Dublin|Belfast|Edinburgh|Glasgow|Cardiff|Manchester|Liverpool|
    Birmingham|Leeds|Bristol|Oxford|Cambridge|Berlin|Munich|Rome|Milan|Venice|Madrid|
    Barcelona|Lisbon|Amsterdam|Brussels|Vienna|Prague|Budapest|Warsaw|Moscow|St Petersburg|
    Stockholm|Oslo|Copenhagen|Helsinki|Athens|Istanbul|Cairo|Tel Aviv|Jerusalem|Dubai|Mumbai|
    Bombay|Delhi|New Delhi|Calcutta|Kolkata|Chennai|Madras|Bangalore|Beijing|Shanghai|
    Hong Kong|Tokyo|Osaka|Seoul|Busan|Taipei|Bangkok|Singapore|Manila|Jakarta|Mexico City|
    Havana|Rio|Rio de Janeiro|Sao Paulo|Buenos Aires|Lima|Bogota|Santiago|Johannesburg|
    Cape Town|Lagos|Nairobi|Cannes|Sundance|Utah|Park City|Toronto|Ontario|Quebec|Alaska|
    Hawaii|Arizona|Nevada|Colorado|Oregon|Ohio|Michigan|Detroit|Pennsylvania|Philadelphia|
    New Jersey|Virginia|Carolina|North Carolina|South Carolina|Tennessee|Nashville|Memphis|
    Kentucky|Alabama|Mississippi|Missouri|Kansas|Iowa|Minnesota|Wisconsin|Illinois|Indiana|
    Massachusetts|Connecticut|Vermont|Maine|Europe|Asia|Africa|America|North America|
    South America|Latin America|Middle East|Far East|Scandinavia|Antarctica|Arctic|
    the Caribbean|Caribbean|Pacific|Atlantic|Mediterranean|Iraq|Afghanistan|Vietnam|Korea|
    England|Scotland|Wales|Northern Ireland|Britain|Great Britain|UK|U.K.|US|U.S.|USA|U.S.A.|
    EU|Soho|Leicester Square|Pinewood|Shepperton|Ealing|Elstree|Cinecitta|Babelsberg|Kolkata|
    Kerala|Tamil Nadu|Punjab|Bengal|Normandy|Provence|Tuscany|Sicily|Bavaria|Siberia|Texas|
    Khayelitsha|Miami|Arkansas|Delaware|Idaho|Maryland|Montana|Nebraska|New Hampshire|New Mexico|
    North Dakota|South Dakota|Oklahoma|Rhode Island|West Virginia|Wyoming|British Columbia|Alberta|
    Manitoba|Saskatchewan|Nova Scotia|New Brunswick|Newfoundland|Queensland|New South Wales|
    Tasmania|Houston|Dallas|San Diego|Denver|Pittsburgh|Baltimore|Cleveland|Minneapolis|
    Albuquerque|Tucson|Amarillo|Santa Fe|Brighton|Newcastle|Sheffield|Nottingham|North American|
    Hull|Salford|Bradford|Coventry|Leicester|Southampton|Portsmouth|Plymouth|Norwich|Aberdeen|
    Dundee|Inverness|Swansea|Derry|Londonderry|Cork|Galway|Limerick|Kilkenny|Lerwick|Margate|
    Marseille|Marseilles|Lyon|Toulouse|Bordeaux|Lille|Strasbourg|Hamburg|Cologne|Frankfurt|
    Stuttgart|Dresden|Leipzig|Zurich|Geneva|Naples|Turin|Bologna|Seville|Bilbao|Porto|Rotterdam|
    Antwerp|Krakow|Bucharest|Belgrade|Zagreb|Reykjavik|Gothenburg|Malmo|Brisbane|Adelaide|
    Canberra|Hobart|Ottawa|Calgary|Edmonton|Winnipeg|Sacramento|Oakland|Honolulu|Anchorage|
    Salt Lake City|Kansas City|St Louis|St. Louis|Cincinnati|Milwaukee|Orlando|Tampa|Queens|
    the Bronx|Harlem|Accra|Karachi|Lahore|Dhaka|Hanoi|Kyoto|Guadalajara|Monterrey|Tijuana"""
)

ORG_SUFFIXES = _words(
    """Pictures|Picture|Films|Film|Studios|Studio|Entertainment|Entertainments|Productions|
    Production|Company|Companies|Animation|Media|Group|Corporation|Corp|Corp.|Inc|Inc.|Ltd|Ltd.|
    LLC|Records|Network|Networks|Television|TV|Releasing|Distribution|Distributors|Features|
    Classics|Brothers|Bros|Bros.|Partners|Ventures|Cinema|Cinemas|Channel|Broadcasting|
    Holdings|Enterprises|International|Industries|Arts|Labs|Comics|Games|Interactive|Digital|
    Works|Workshop|Filmworks|Motion Pictures|Film Corporation|Plc|plc|AG|GmbH|SA|Medien|
    Produktion|Filmproduktion|Producciones|Produzioni"""
)

ORG_PREFIXES = _words("Studio|Studios|Groupe|Gruppo|Grupo")
"""Words that open a company's name in the way other names end with one ("Studio Ghibli",
"Groupe Vauclair")."""

INSTITUTION_HEADS = _words(
    """Foundation|Board|Association|Institute|Council|Society|Trust|Agency|Commission|Fund|
    Academy|Federation|Authority|Ministry|Department|Corporation|Company|Service"""
)
"""Heads of the names of public bodies that make films ("the Children's Film Foundation", "the
National Film Board of Canada"), at the end or before "of"."""

KNOWN_ORGS = _words(
    """Lionsgate|Lions Gate|Netflix|Paramount|Paramount Pictures|Paramount+|Disney|Walt Disney|
    Pixar|DreamWorks|Dreamworks|Miramax|A24|HBO|Amazon|Amazon Studios|Apple|Universal|
    Universal Pictures|Warner Bros|Warner Bros.|Warner Brothers|Warner|Warners|MGM|
    Metro-Goldwyn-Mayer|Columbia|Columbia Pictures|Sony|Sony Pictures|New Line|New Line Cinema|
    Focus Features|Searchlight|Fox|20th Century Fox|Twentieth Century Fox|20th Century Studios|
    Fox Searchlight|Toho|Toei|Shochiku|Nikkatsu|Gaumont|Pathe|Pathé|StudioCanal|Studiocanal|
    Canal+|Legendary|Blumhouse|Annapurna|Skydance|Bad Robot|Lucasfilm|Marvel|Marvel Studios|
    DC|DC Films|Touchstone|Summit|Summit Entertainment|Weinstein Company|The Weinstein Company|
    Orion|RKO|UFA|Cannon|Roadside Attractions|Magnolia|Magnolia Pictures|IFC|IFC Films|
    Sony Pictures Classics|United Artists|Eros|Yash Raj|Yash Raj Films|T-Series|
    Dharma Productions|Golden Harvest|Shaw Brothers|CJ Entertainment|Studio Ghibli|Ghibli|
    Working Title|Film4|Film Four|BBC Films|Pathe Pictures|Icon|Momentum|Entertainment One|
    eOne|Artificial Eye|Optimum|Metrodome|Hulu|Peacock|Mubi|Showtime|Starz|Relativity|
    Relativity Media|Village Roadshow|Spyglass|Imagine|Imagine Entertainment|Amblin|
    Castle Rock|Regency|New Regency|Revolution Studios|Screen Gems|TriStar|Tri-Star|
    Dimension|Dimension Films|Overture|Overture Films|Rogue|Focus|Aardman|Illumination|
    Laika|Blue Sky|Sony Pictures Animation|Heyday|Heyday Films|Eon|Eon Productions|Hammer|
    Ealing Studios|Rank|Rank Organisation|British Lion|Handmade Films|HandMade Films|
    Channel Four Films|UK Film Council|Film Council|British Film Institute|BFI"""
)

STREAMING = _words(
    """Netflix|Paramount+|Disney+|Hulu|Amazon Prime Video|Prime Video|Amazon Prime|HBO Max|Max|
    Apple TV+|Peacock|Mubi|Showtime|Starz|Crunchyroll|Tubi|YouTube Premium|BritBox|Acorn TV|
    Shudder|Now TV|NOW|Zee5|Hotstar|Disney+ Hotstar|JioCinema|Sky Go|BBC iPlayer|iPlayer|
    ITVX|All 4|Lovefilm|LoveFilm|Curzon Home Cinema|BFI Player|Criterion Channel"""
)
"""Streaming services: the platform of a streaming release."""

PERSON_NOUNS = _words(
    """actor|actress|actors|actresses|star|stars|co-star|co-stars|costar|costars|a-lister|director|
    directors|film-maker|filmmaker|film-makers|filmmakers|producer|producers|co-producer|writer|
    writers|screenwriter|screenwriters|scriptwriter|composer|editor|cinematographer|comedian|
    comedienne|comic|comics|singer|rapper|musician|performer|presenter|host|model|author|
    novelist|playwright|dramatist|veteran|legend|newcomer|icon|heart-throb|heartthrob|critic|
    critics|president|chairman|chairwoman|chief|boss|executive|spokesman|spokeswoman|
    spokesperson|founder|head|mogul|tycoon|star's|superstar|starlet|actor's|director's|
    helmer|auteur|animator|dancer|choreographer|designer|photographer|journalist|reporter|
    broadcaster|anchor|newsman|newscaster|star-turned-director|actor-director|
    writer-director|singer-actress|singer-actor|stunner|babe|hunk|funnyman|beauty|bombshell|duo|trio|
    welshman|welshwoman|scotsman|scotswoman|englishman|englishwoman|irishman|irishwoman|
    frenchman|frenchwoman|dutchman|dutchwoman|countryman|countrywoman|compatriot|
    son|daughter|wife|husband|father|mother|brother|sister|partner|girlfriend|boyfriend|
    fiancee|fiancé|fiancée|widow|widower|lawyer|agent|manager|publicist|judge|jury|lord|lady|
    prince|princess|king|queen|pope|senator|governor|mayor|minister|secretary|officer"""
)
"""Nouns that introduce or describe a person ("actor Tom Hanks", "Tom Hanks, the actor")."""


def _role_words() -> tuple[dict[str, Relation], dict[str, Relation], dict[str, Relation]]:
    nouns: dict[str, Relation] = {}
    verbs: dict[str, Relation] = {}
    works: dict[str, Relation] = {}
    for role in ROLES:
        for noun in role.nouns:
            nouns.setdefault(noun, role.relation)
            nouns.setdefault(noun + "s", role.relation)
        for verb in role.verbs:
            verbs.setdefault(verb, role.relation)
        for work in role.works:
            works.setdefault(work, role.relation)
    return nouns, verbs, works


ROLE_OF_NOUN, ROLE_OF_VERB, ROLE_OF_WORK = _role_words()
"""Role nouns ("director", "actress"), verbs ("directed", "starring") and works ("score") ->
their relation, from :data:`kg.model.ROLES`."""


@cache
def given_names() -> frozenset[str]:
    """The shipped given names (``kg/extract/data/given_names.txt``), read once."""
    text = files("kg.extract").joinpath("data", "given_names.txt").read_text(encoding="utf-8")
    return frozenset(line.strip() for line in text.splitlines() if line and line[0] != "#")


def is_given_name(word: str) -> bool:
    """Is ``word`` a given name (as written: "Alfonso", not "alfonso")? A hyphenated one is when
    both its parts are ("Jean-Jacques", "Anne-Marie").

    >>> is_given_name("Alfonso"), is_given_name("Jean-Jacques"), is_given_name("Spider-Man")
    (True, True, False)
    """
    names = given_names()
    if word in names:
        return True
    first, dash, rest = word.partition("-")
    return bool(dash) and first in names and rest in names


DEMONYM_NOUNS = frozenset(
    {"spaniard", "swede", "frenchman", "frenchwoman", "englishman", "englishwoman", "irishman",
     "irishwoman", "welshman", "welshwoman", "dutchman", "dutchwoman", "scotsman", "scotswoman",
     "londoner", "dubliner", "glaswegian", "mancunian", "liverpudlian", "parisian", "berliner",
     "texan", "geordie", "scouser"}
)  # fmt: skip
"""Nouns for a person from a place ("Spaniard", "Londoner"): the name after one is a person's."""

_DEMONYM_WORDS = frozenset(
    {w for d in DEMONYMS for w in [d]}
    | {"us", "uk", "hollywood", "bollywood", "aussie", "briton", "english", "scottish", "welsh"}
    | DEMONYM_NOUNS
)
"""Nationality words, adjectives and the nouns that stand before a name like them ("Spaniard
Nacho Vidal", "Swede Ola Lind", "Londoner Ash Mehta"); not "Dane" or "Finn", which are given
names too."""


@lru_cache(maxsize=1 << 16)  # pure, and asked of the same names over and over
def is_demonym(text: str) -> bool:
    """Is ``text`` a nationality adjective ("French", "South Korean", "US")?

    >>> is_demonym("South Korean"), is_demonym("Korea"), is_demonym("Swedish-Norwegian")
    (True, False, True)
    >>> is_demonym("Franco-German"), is_demonym("Franco")
    (True, False)
    """
    folded = text.casefold()
    if folded in _DEMONYM_WORDS:
        return True
    parts = [p for p in folded.replace("/", "-").split("-") if p]
    return (
        len(parts) > 1
        and all(p in _DEMONYM_WORDS or p in COMBINING_FORMS for p in parts[:-1])
        and parts[-1] in _DEMONYM_WORDS
    )


_KNOWN_ORGS_FOLDED = frozenset(o.casefold() for o in KNOWN_ORGS)


_STREAMING_FOLDED = frozenset(s.casefold() for s in STREAMING)


def is_streaming_service(name: str) -> bool:
    """Is ``name`` a streaming service ("Netflix", "Paramount+")?

    >>> is_streaming_service("Paramount+"), is_streaming_service("Paramount")
    (True, False)
    """
    return name.casefold() in _STREAMING_FOLDED


@lru_cache(maxsize=1 << 16)  # pure, and asked of the same names over and over
def is_known_org(name: str) -> bool:
    """Is ``name`` a company we know by name, or does it end like one ("X Pictures")?

    >>> is_known_org("Warner Bros"), is_known_org("Bluefern Studios"), is_known_org("Ray")
    (True, True, False)
    >>> is_known_org("National Film Board of Canada"), is_known_org("Bank of England")
    (True, False)
    >>> is_known_org("Studio Kazeno"), is_known_org("Studio 54")
    (True, False)
    """
    if name.casefold() in _KNOWN_ORGS_FOLDED or is_streaming_service(name):
        return True
    words = name.split()
    if len(words) < 2:
        return False
    if words[-1] in ORG_SUFFIXES or words[-1] in INSTITUTION_HEADS:
        return True
    if words[0] in ORG_PREFIXES and words[1][:1].isupper() and words[1].isalpha():
        return True  # "Studio Kazeno", "Groupe Vauclair"; not "Studio 54"
    if words[:2] == ["Les", "Films"] and len(words) >= 3:
        return True  # "Les Films du Losange": the French companies' way
    head = words.index("of") - 1 if "of" in words else -1  # "National Film Board of Canada"
    return head >= 1 and words[head] in INSTITUTION_HEADS


_LANGUAGES = frozenset(
    [
        "english",
        "hindi",
        "malayalam",
        "tamil",
        "telugu",
        "kannada",
        "bengali",
        "marathi",
        "punjabi",
        "urdu",
        "mandarin",
        "cantonese",
        "esperanto",
        "latin",
        "yiddish",
        "xhosa",
        "zulu",
        "swahili",
        "gaelic",
        "flemish",
        "catalan",
        "basque",
        "farsi",
        "arabic",
        "gujarati",
        "cornish",
        "sanskrit",
        "creole",
    ]
)
_AWARDS_FOLDED = frozenset(a.casefold() for a in AWARDS)
_FESTIVALS_FOLDED = frozenset(f.casefold() for f in FESTIVALS)
_MEDIA_FOLDED = frozenset(m.casefold() for m in MEDIA | TV_NETWORKS)  # "the ITV1 soap": no film
_PLACES_FOLDED = frozenset(p.casefold() for p in PLACES) | frozenset(
    c.casefold() for c in DEMONYMS.values()
)
_TIME_FOLDED = frozenset(w.casefold() for w in MONTHS | DAYS)
_HOME_MEDIA_FOLDED = frozenset(f.casefold() for f in HOME_MEDIA)


@lru_cache(maxsize=1 << 16)  # pure, and asked of the same names over and over
def nonfilm_kind(name: str, *, heads: bool = True) -> str | None:
    """What a name is when it can never be a film: ``award``, ``event``, ``media``, ``place``,
    ``time``, ``format`` (of home media), ``org``, ``nationality``, ``language``; ``None`` when it may be a film. With
    ``heads=False`` the last word alone ("... Festival", "... Church") does not decide.

    >>> nonfilm_kind("Hollywood"), nonfilm_kind("Variety"), nonfilm_kind("Warner Bros")
    ('place', 'media', 'org')
    """
    folded = name.casefold()
    bare = folded.removeprefix("the ")
    if folded in _LANGUAGES:
        return "language"
    if folded in _AWARDS_FOLDED or bare in _AWARDS_FOLDED:
        return "award"
    if folded in _FESTIVALS_FOLDED:
        return "event"
    if folded in _MEDIA_FOLDED or bare in _MEDIA_FOLDED:
        return "media"
    if folded in _PLACES_FOLDED or bare in _PLACES_FOLDED:
        return "place"
    if folded in _TIME_FOLDED:
        return "time"
    if folded in _HOME_MEDIA_FOLDED or bare in _HOME_MEDIA_FOLDED:
        return "format"
    if is_demonym(name) or (
        folded != bare and bare.endswith(("ish", "ch", "ese", "ss")) and is_demonym(bare)
    ):  # "The British presence includes ...", "the French": a people, not "The American"
        return "nationality"
    words = name.split()
    if "World War" in name or "Cold War" in name or "Vietnam War" in name:
        return "event"
    if len(words) >= 2 and words[-1] in INSTITUTION_HEADS:
        return "org"  # "the Children's Film Foundation", "the British Film Institute"
    if len(words) >= 2 and words[-2].rstrip("'") == "Critics" and words[-1] in ("Circle", "Guild"):
        return "org"  # "the New York Film Critics Circle", "the London Critics' Circle"
    if heads and words and words[-1].rstrip("'") in NONFILM_HEADS:
        return "award" if words[-1].lower().startswith(("award", "prize")) else "event"
    if is_known_org(name) or (bare != folded and is_known_org(name[4:])):
        return "org"  # "The Netflix series X": the article is the series'
    return None
