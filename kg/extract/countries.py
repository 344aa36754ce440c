"""Countries and their demonyms ("a 1974 Belgian film" -> Belgium), one table for extraction and eval.

>>> country_name("Belgian"), country_name("the United States"), country_name("U.S.")
('Belgium', 'United States', 'United States')
>>> country_name("Klingon") is None
True
"""

from __future__ import annotations

__all__ = ["DEMONYMS", "country_name"]

DEMONYMS: dict[str, str] = {
    "american": "United States",
    "british": "United Kingdom",
    "english": "United Kingdom",
    "scottish": "United Kingdom",
    "welsh": "United Kingdom",
    "northern irish": "United Kingdom",
    "french": "France",
    "german": "Germany",
    "west german": "West Germany",
    "east german": "East Germany",
    "italian": "Italy",
    "spanish": "Spain",
    "japanese": "Japan",
    "chinese": "China",
    "indian": "India",
    "belgian": "Belgium",
    "swedish": "Sweden",
    "danish": "Denmark",
    "norwegian": "Norway",
    "finnish": "Finland",
    "dutch": "Netherlands",
    "canadian": "Canada",
    "australian": "Australia",
    "mexican": "Mexico",
    "brazilian": "Brazil",
    "argentine": "Argentina",
    "argentinian": "Argentina",
    "south korean": "South Korea",
    "korean": "South Korea",
    "north korean": "North Korea",
    "hong kong": "Hong Kong",
    "taiwanese": "Taiwan",
    "russian": "Russia",
    "soviet": "Soviet Union",
    "polish": "Poland",
    "czech": "Czech Republic",
    "czechoslovak": "Czechoslovakia",
    "hungarian": "Hungary",
    "greek": "Greece",
    "turkish": "Turkey",
    "iranian": "Iran",
    "israeli": "Israel",
    "egyptian": "Egypt",
    "nigerian": "Nigeria",
    "irish": "Ireland",
    "new zealand": "New Zealand",
    "thai": "Thailand",
    "filipino": "Philippines",
    "philippine": "Philippines",
    "indonesian": "Indonesia",
    "malaysian": "Malaysia",
    "pakistani": "Pakistan",
    "bangladeshi": "Bangladesh",
    "sri lankan": "Sri Lanka",
    "swiss": "Switzerland",
    "austrian": "Austria",
    "portuguese": "Portugal",
    "romanian": "Romania",
    "bulgarian": "Bulgaria",
    "serbian": "Serbia",
    "yugoslav": "Yugoslavia",
    "croatian": "Croatia",
    "ukrainian": "Ukraine",
    "chilean": "Chile",
    "colombian": "Colombia",
    "peruvian": "Peru",
    "cuban": "Cuba",
    "venezuelan": "Venezuela",
    "south african": "South Africa",
    "icelandic": "Iceland",
    "estonian": "Estonia",
    "lithuanian": "Lithuania",
    "latvian": "Latvia",
    "georgian": "Georgia",
    "armenian": "Armenia",
    "lebanese": "Lebanon",
    "moroccan": "Morocco",
    "algerian": "Algeria",
    "tunisian": "Tunisia",
    "senegalese": "Senegal",
    "vietnamese": "Vietnam",
    "singaporean": "Singapore",
    "nepali": "Nepal",
    "nepalese": "Nepal",
    "kazakh": "Kazakhstan",
    "slovak": "Slovakia",
    "slovenian": "Slovenia",
    "bosnian": "Bosnia and Herzegovina",
    "macedonian": "North Macedonia",
    "albanian": "Albania",
    "luxembourgish": "Luxembourg",
    "jamaican": "Jamaica",
    "ghanaian": "Ghana",
    "kenyan": "Kenya",
    "ethiopian": "Ethiopia",
    "saudi": "Saudi Arabia",
    "emirati": "United Arab Emirates",
    "jordanian": "Jordan",
    "syrian": "Syria",
    "iraqi": "Iraq",
    "afghan": "Afghanistan",
    "mongolian": "Mongolia",
    "uruguayan": "Uruguay",
    "bolivian": "Bolivia",
    "ecuadorian": "Ecuador",
    "paraguayan": "Paraguay",
    "puerto rican": "Puerto Rico",
}

COMBINING_FORMS: dict[str, str] = {
    "anglo": "United Kingdom",
    "franco": "France",
    "italo": "Italy",
    "sino": "China",
    "russo": "Russia",
    "indo": "India",
    "austro": "Austria",
    "hispano": "Spain",
    "greco": "Greece",
    "germano": "Germany",
    "luso": "Portugal",
    "dano": "Denmark",
    "nippo": "Japan",
}
"""The first parts of compound nationality adjectives ("Franco-German", "Anglo-Irish"): a country
only inside such a compound ("Franco" alone is a name)."""

_ALIASES: dict[str, str] = {
    "us": "United States",
    "u.s.": "United States",
    "u.s": "United States",
    "usa": "United States",
    "u.s.a.": "United States",
    "united states of america": "United States",
    "america": "United States",
    "uk": "United Kingdom",
    "u.k.": "United Kingdom",
    "great britain": "United Kingdom",
    "britain": "United Kingdom",
    "ussr": "Soviet Union",
    "the netherlands": "Netherlands",
    "holland": "Netherlands",
    "korea": "South Korea",
    "republic of korea": "South Korea",
    "people's republic of china": "China",
    "prc": "China",
    "bollywood": "India",
    "nollywood": "Nigeria",
}

_NAMES: dict[str, str] = {v.lower(): v for v in DEMONYMS.values()}


def country_name(text: str) -> str | None:
    """Canonical country name for a country name, demonym or common abbreviation, else ``None``."""
    key = " ".join(text.strip().lower().split())
    if key.startswith("the "):
        key = key[4:]
    if not key:
        return None
    return DEMONYMS.get(key) or _ALIASES.get(key) or _NAMES.get(key)
