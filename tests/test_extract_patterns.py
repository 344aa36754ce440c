"""rules.v2 on general patterns of encyclopedia film prose: each pattern class is proven by two
or three sentences of our own (invented names, varied wording), plus guards against the
false positives each class could bring."""

from __future__ import annotations

import pytest

from kg.extract import extract
from kg.model import Document, EntityRef, EntityType, Fact


def triples(text: str, title: str | None) -> set[tuple[str, str, str]]:
    facts: list[Fact] = extract(Document("t", text, title=title))
    return {
        (
            f.subject.name,
            f.relation.value,
            f.object.name if isinstance(f.object, EntityRef) else f.object.text,
        )
        for f in facts
    }


Case = tuple[str, str | None, set[tuple[str, str, str]]]

# "X wrote the screenplay" / "X composed the music" with no title after the cue: the film of the
# sentence (or of the article); a relative clause "X, who also wrote the screenplay".
OBJECT_CUES: list[Case] = [
    (
        "Salt Road is a 2003 drama film. Ilse Marten composed the music.",
        "Salt Road",
        {("Salt Road", "composer", "Ilse Marten")},
    ),
    (
        "Salt Road is a 2003 drama film directed by Tomas Berg, who also wrote the screenplay.",
        "Salt Road",
        {("Salt Road", "screenwriter", "Tomas Berg"), ("Salt Road", "director", "Tomas Berg")},
    ),
    (
        "The Quiet Mill premiered in 1961. Harold Vance wrote the script, and Rosa Lind "
        "composed the original score.",
        "The Quiet Mill",
        {
            ("The Quiet Mill", "screenwriter", "Harold Vance"),
            ("The Quiet Mill", "composer", "Rosa Lind"),
        },
    ),
]

# "X wrote the score": music credits are never screen credits
MUSIC_WRITERS: list[Case] = [
    (
        "Salt Road is a 2003 film. Ilse Marten wrote the score for the film.",
        "Salt Road",
        {("Salt Road", "composer", "Ilse Marten")},
    ),
    (
        "The Quiet Mill is a 1961 film. Its soundtrack was written by Rosa Lind.",
        "The Quiet Mill",
        {("The Quiet Mill", "composer", "Rosa Lind")},
    ),
    (
        "The Quiet Mill is a 1961 film. The music for the film was composed by Rosa Lind, "
        "and the score was provided by Emil Stray.",
        "The Quiet Mill",
        {("The Quiet Mill", "composer", "Rosa Lind"), ("The Quiet Mill", "composer", "Emil Stray")},
    ),
]

# "X served as director of photography", "adapted for the screen by X"
CREDITS: list[Case] = [
    (
        "Salt Road is a 2003 film. Nils Aune served as director of photography.",
        "Salt Road",
        {("Salt Road", "cinematographer", "Nils Aune")},
    ),
    (
        "The Quiet Mill is a 1961 film. Dora Kemp served as executive producer.",
        "The Quiet Mill",
        {("The Quiet Mill", "executive_producer", "Dora Kemp")},
    ),
    (
        "The Quiet Mill is a 1961 film adapted for the screen by Walter Crane from a novel.",
        "The Quiet Mill",
        {("The Quiet Mill", "screenwriter", "Walter Crane")},
    ),
    (
        "Salt Road is a 2003 film. It was adapted by Mona Fisk from her own play.",
        "Salt Road",
        {("Salt Road", "screenwriter", "Mona Fisk")},
    ),
]


@pytest.mark.parametrize(("text", "title", "expected"), OBJECT_CUES + MUSIC_WRITERS + CREDITS)
def test_pattern(text: str, title: str | None, expected: set[tuple[str, str, str]]) -> None:
    got = triples(text, title)
    assert expected <= got, expected - got


@pytest.mark.parametrize(
    ("text", "title", "forbidden"),
    [
        # the writer of the score or of a song is not the screenwriter
        (
            "Salt Road is a 2003 film. Ilse Marten wrote the score for the film.",
            "Salt Road",
            ("Salt Road", "screenwriter", "Ilse Marten"),
        ),
        (
            "The Quiet Mill is a 1961 film. Its soundtrack was written by Rosa Lind.",
            "The Quiet Mill",
            ("The Quiet Mill", "screenwriter", "Rosa Lind"),
        ),
        (
            "Salt Road is a 2003 film. Ilse Marten wrote the title song.",
            "Salt Road",
            ("Salt Road", "screenwriter", "Ilse Marten"),
        ),
        # the screenplay of another work is not this film's
        (
            "Salt Road is a 2003 film. Tomas Berg wrote the screenplay for the stage musical.",
            "Salt Road",
            ("Salt Road", "screenwriter", "Tomas Berg"),
        ),
    ],
)
def test_guard(text: str, title: str | None, forbidden: tuple[str, str, str]) -> None:
    assert forbidden not in triples(text, title)


# production companies and countries of co-productions
PRODUCTION: list[Case] = [
    (
        "Salt Road is a 2003 drama film produced by Dora Kemp and Jan Holt for Fjord Pictures.",
        "Salt Road",
        {
            ("Salt Road", "producer", "Dora Kemp"),
            ("Salt Road", "producer", "Jan Holt"),
            ("Salt Road", "production_company", "Fjord Pictures"),
        },
    ),
    (
        "The Quiet Mill is a 1961 film. It was a Harbour Light Films production.",
        "The Quiet Mill",
        {("The Quiet Mill", "production_company", "Harbour Light Films")},
    ),
    (
        "Salt Road is a 2003 film. The film is a joint production of Nordvik Studios and "
        "Aster Entertainment.",
        "Salt Road",
        {
            ("Salt Road", "production_company", "Nordvik Studios"),
            ("Salt Road", "production_company", "Aster Entertainment"),
        },
    ),
]
COUNTRIES: list[Case] = [
    (
        "The Quiet Mill is a 1961 film. It was a co-production between Spain and Portugal.",
        "The Quiet Mill",
        {("The Quiet Mill", "country", "Spain"), ("The Quiet Mill", "country", "Portugal")},
    ),
    (
        "Salt Road is a 2003 Swedish-Norwegian co-production directed by Tomas Berg.",
        "Salt Road",
        {
            ("Salt Road", "country", "Sweden"),
            ("Salt Road", "country", "Norway"),
            ("Salt Road", "director", "Tomas Berg"),
        },
    ),
    (
        "Salt Road is a 2003 film. The film is an international co-production between Germany, "
        "Austria, and Switzerland.",
        "Salt Road",
        {
            ("Salt Road", "country", "Germany"),
            ("Salt Road", "country", "Austria"),
            ("Salt Road", "country", "Switzerland"),
        },
    ),
]
# composer by possessive; follow-ups; auteur credit "a film by X"; sentence-initial roles
MORE: list[Case] = [
    (
        "Salt Road is a 2003 film. Critics praised Ilse Marten's haunting score.",
        "Salt Road",
        {("Salt Road", "composer", "Ilse Marten")},
    ),
    (
        "The Quiet Mill (1961) features Rosa Lind's original music.",
        "The Quiet Mill",
        {("The Quiet Mill", "composer", "Rosa Lind")},
    ),
    (
        "Salt Road is the first installment of the trilogy and was followed by Salt River (2006).",
        "Salt Road",
        {("Salt Road", "followed_by", "Salt River"), ("Salt River", "follows", "Salt Road")},
    ),
    (
        "Salt Road is a 2003 film. It was later followed by two sequels, Salt River (2006) and "
        "Salt Sea (2009).",
        "Salt Road",
        {("Salt Road", "followed_by", "Salt River"), ("Salt River", "follows", "Salt Road")},
    ),
    (
        "The Quiet Mill (Danish: Den stille mølle) is a 1961 Danish film by Henrik Vold.",
        "The Quiet Mill",
        {("The Quiet Mill", "director", "Henrik Vold"), ("The Quiet Mill", "country", "Denmark")},
    ),
    (
        "Salt Road is a 2003 film. Executive producers included Jan Holt and Dora Kemp.",
        "Salt Road",
        {
            ("Salt Road", "executive_producer", "Jan Holt"),
            ("Salt Road", "executive_producer", "Dora Kemp"),
        },
    ),
]


@pytest.mark.parametrize(("text", "title", "expected"), PRODUCTION + COUNTRIES + MORE)
def test_pattern_more(text: str, title: str | None, expected: set[tuple[str, str, str]]) -> None:
    got = triples(text, title)
    assert expected <= got, expected - got


@pytest.mark.parametrize(
    ("text", "title", "forbidden"),
    [
        # the broadcaster a film was made for is not its production company
        (
            "Salt Road is a 2003 television film produced by Dora Kemp for BBC Two.",
            "Salt Road",
            ("Salt Road", "production_company", "BBC Two"),
        ),
        (
            "The Quiet Mill is a 1961 film produced by Jan Holt for Nordic Television Network.",
            "The Quiet Mill",
            ("The Quiet Mill", "production_company", "Nordic Television Network"),
        ),
        # the director of the film this one is based on or remakes
        (
            "Salt Road is a 2003 remake of a 1950 film by Henrik Vold.",
            "Salt Road",
            ("Salt Road", "director", "Henrik Vold"),
        ),
        (
            "Salt Road is a 2003 film inspired by a documentary by Henrik Vold.",
            "Salt Road",
            ("Salt Road", "director", "Henrik Vold"),
        ),
        # a stage production is not a company
        (
            "Salt Road is a 2003 film. It was based on the Broadway production of the play.",
            "Salt Road",
            ("Salt Road", "production_company", "Broadway"),
        ),
    ],
)
def test_guard_more(text: str, title: str | None, forbidden: tuple[str, str, str]) -> None:
    assert forbidden not in triples(text, title)


# "written/directed by"; appositive roles; the year a film was made as a fallback release year
BATCH3: list[Case] = [
    (
        "Salt Road is a 2003 film written/directed by Tomas Berg.",
        "Salt Road",
        {("Salt Road", "director", "Tomas Berg"), ("Salt Road", "screenwriter", "Tomas Berg")},
    ),
    (
        "The Quiet Mill was produced/directed by Harold Vance.",
        "The Quiet Mill",
        {
            ("The Quiet Mill", "director", "Harold Vance"),
            ("The Quiet Mill", "producer", "Harold Vance"),
        },
    ),
    (
        "Northwind Releasing, the distributor of the film Salt Road, is based in Oslo.",
        "Salt Road",
        {("Salt Road", "distributor", "Northwind Releasing")},
    ),
    (
        "The Quiet Mill is a 1961 film. Rosa Lind, the film's composer, conducted the orchestra.",
        "The Quiet Mill",
        {("The Quiet Mill", "composer", "Rosa Lind")},
    ),
    (
        "Salt Road is a Norwegian film. It was made in 1957 by a small crew.",
        "Salt Road",
        {("Salt Road", "release_date", "1957")},
    ),
    (
        "The Quiet Mill is a Danish film. A sequel, The Loud Mill, was produced in 1964.",
        "The Quiet Mill",
        {("The Loud Mill", "release_date", "1964")},
    ),
]


@pytest.mark.parametrize(("text", "title", "expected"), BATCH3)
def test_pattern_batch3(text: str, title: str | None, expected: set[tuple[str, str, str]]) -> None:
    got = triples(text, title)
    assert expected <= got, expected - got


@pytest.mark.parametrize(
    ("text", "title", "forbidden"),
    [
        # the director of another (unnamed-as-title) work in an appositive
        (
            "Henrik Vold, the director of a famous play, visited the set of Salt Road.",
            "Salt Road",
            ("Salt Road", "director", "Henrik Vold"),
        ),
        # the year it was made gives way to a stated release
        (
            "Salt Road was made in 1956 and released on 3 March 1957.",
            "Salt Road",
            ("Salt Road", "release_date", "1956"),
        ),
    ],
)
def test_guard_batch3(text: str, title: str | None, forbidden: tuple[str, str, str]) -> None:
    assert forbidden not in triples(text, title)


def test_co_production_partners_are_companies() -> None:
    got = triples(
        "Salt Road is a 1962 film. It was a co-production between Fjord Pictures and Titanor.",
        "Salt Road",
    )
    assert {
        ("Salt Road", "production_company", "Fjord Pictures"),
        ("Salt Road", "production_company", "Titanor"),
    } <= got
    # a person named beside a company is not made a company
    got = triples(
        "Salt Road is a 1962 film, a co-production of Fjord Pictures with Tomas Berg.",
        "Salt Road",
    )
    assert ("Salt Road", "production_company", "Tomas Berg") not in got


# A company is no film, and "the film" is the title with its own credits, not the headline's name.
def _films(text: str, title: str | None = None) -> set[str]:
    return {
        f.subject.name
        for f in extract(Document("t", text, title=title))
        if f.subject.type is EntityType.FILM
    }


TIDEWATER = (
    "Tidewater, directed by Anya Pell, stars Rune Dahl and Mira Sol. The film is produced by "
    "Nils Eke. It will be released on May 2, 2027."
)


@pytest.mark.parametrize(
    ("text", "title"),
    [
        # a company named after a headline ending in a film noun ("its next feature")
        (
            f"Bluefern Studios unveils its next feature\n\nBluefern Studios announced that {TIDEWATER}",
            None,
        ),
        # the headline as the document title, repeated in the text
        (f"Bluefern Studios has confirmed a sequel. {TIDEWATER}", "Bluefern Studios"),
        # no company designator: the corporate verb says it
        (f"Kestrel has announced a new drama. {TIDEWATER} Kestrel declined to comment.", "Kestrel"),
        # the one title with credits, over a title mentioned more often ("X (2019)")
        (
            f"{TIDEWATER} Critics compared it to Salt Marsh (2019). Salt Marsh was a hit.",
            None,
        ),
    ],
)
def test_the_film_is_the_credited_title_not_a_company(text: str, title: str | None) -> None:
    got = triples(text, title)
    assert {
        ("Tidewater", "director", "Anya Pell"),
        ("Tidewater", "producer", "Nils Eke"),
        ("Tidewater", "release_date", "2027-05-02"),
    } <= got
    assert not {s for s, r, _ in got if r == "producer"} - {"Tidewater"}
    # "Salt Marsh (2019)": the year in brackets is that film's own release year
    assert {(s, o) for s, r, o in got if r == "release_date"} <= {
        ("Tidewater", "2027-05-02"),
        ("Salt Marsh", "2019"),
    }
    assert _films(text, title) <= {"Tidewater", "Salt Marsh"}


def test_company_words_and_film_nouns_guard() -> None:
    # a title ending in a company word is a film when the text says so
    got = triples("Moth & Company is a 1991 animated film directed by Ada Quill.", None)
    assert ("Moth & Company", "director", "Ada Quill") in got
    # "a film director" / "a film production company" are no films
    text = (
        "Tomas Berg is a Swedish film director. Fjord Pictures is a Norwegian film production "
        "company. Salt Marsh (1962) was directed by Tomas Berg."
    )
    assert _films(text) == {"Salt Marsh"}
