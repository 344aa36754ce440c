"""Rebuild the extractor's shipped word lists from the Wikidata films table (CC0).

``kg/extract/data/given_names.txt``: given names, the first word of every two- or three-word
person name credited in the table (cast, director, screenwriter), used by at least two people, or
by one person when the word is neither an English word nor in a film title of the table
("Saoirse" stays; "Gull", "Snow" and "Star" do not); capitalised common words (months, days, the
function words of :mod:`kg.extract.lexicon`) are left out. The lists are linguistic knowledge
(which words start people's names), not facts about films.

Usage: python tools/build_lexicons.py ../shared/data/structured/wikidata_films/credits_long.csv
(the films table ``omdb.csv`` is read from the same folder, for its titles; the English words
are the GCIDE list of the ``english-words`` package, MIT: ``pip install english-words``)
"""

from __future__ import annotations

import csv
import sys
from collections import Counter
from pathlib import Path

from kg.extract.lexicon import DAYS, FUNCTION_WORDS, HONORIFICS, MONTHS, NAME_PARTICLES

OUT = Path(__file__).resolve().parent.parent / "kg" / "extract" / "data" / "given_names.txt"
MIN_PEOPLE = 2
TITLE_WORDS = {
    w.casefold()
    for w in [
        "The",
        "Big",
        "Black",
        "Kid",
        "King",
        "Lady",
        "Little",
        "Miss",
        "Prince",
        "Queen",
        "Red",
        "Young",
        "Captain",
        "Doctor",
        "Saint",
        "Lil",
        "Baby",
        "Mister",
        "Master",
        "Mother",
        "Father",
        "Brother",
        "Sister",
        "Uncle",
        "Aunt",
        "Grand",
        "General",
        "Major",
        "Colonel",
        "Count",
        "Baron",
        "Judge",
        "Reverend",
        "Chief",
        "Boss",
        "DJ",
        "MC",
        "Los",
        "Las",
        "Les",
        "Der",
        "Die",
        "Das",
        "Il",
        "Lo",
    ]
}
"""Words that start stage names and titles ("Big Daddy Kane", "The Rock"), not given names."""


def main(credits: str) -> None:
    people: set[str] = set()
    with open(credits, encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            if row["role"] in ("cast_member", "director", "screenwriter"):
                people.add(row["name"].strip())
    from english_words import get_english_words_set  # a maintainer's tool, not a dependency

    english = get_english_words_set(["gcide"], lower=True)
    title_words: set[str] = set()
    with open(Path(credits).with_name("omdb.csv"), encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            title_words.update(w.strip(":,.!?'\"()") for w in row["Title"].split())
    first: Counter[str] = Counter()
    for name in people:
        words = name.split()
        if 2 <= len(words) <= 3 and words[0].isalpha() and words[0][0].isupper():
            first[words[0]] += 1
    banned = {w.casefold() for w in FUNCTION_WORDS | MONTHS | DAYS | HONORIFICS | NAME_PARTICLES}
    banned |= TITLE_WORDS
    names = sorted(
        n
        for n, c in first.items()
        if (c >= MIN_PEOPLE or (n not in title_words and n.lower() not in english))
        and n.casefold() not in banned
        and len(n) > 1
    )
    OUT.write_text(
        "# Given names (first words of person names in the Wikidata films table, CC0), one a line.\n"
        "# Rebuilt by tools/build_lexicons.py; do not edit by hand.\n" + "\n".join(names) + "\n",
        encoding="utf-8",
    )
    print(f"{len(names)} given names -> {OUT}")


if __name__ == "__main__":
    main(sys.argv[1])
