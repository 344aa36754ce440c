"""News articles of our own making, one per error kind the extraction issue lists, loaded through
``kg load`` and read back by SPARQL: facts on the right film, non-films never typed as films,
name and title boundaries, coordination and "respectively", crew and company wordings, streaming
releases, billing order, anaphora, hedging and TV shows. Plus ``--keep-going`` and headlines."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kg.cli import run
from kg.extract.gazetteer import name_key
from kg.store import Store

CASES_FILE = Path(__file__).parent / "data" / "extract" / "news_cases.jsonl"
CASES = [json.loads(line) for line in CASES_FILE.read_text(encoding="utf-8").splitlines()]

FACTS = """
PREFIX kg: <https://w3id.org/filmkg/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?g ?film ?p ?o WHERE {
  GRAPH ?g {
    ?f ?p ?x . ?f a kg:Film ; kg:title ?film
    OPTIONAL { ?x rdfs:label ?label }
  }
  BIND (COALESCE(?label, STR(?x)) AS ?o)
}
"""


@pytest.fixture(scope="module")
def loaded(tmp_path_factory: pytest.TempPathFactory) -> dict[str, set[tuple[str, str, str]]]:
    """Every case as a .txt article, loaded in one `kg load`; the facts of each article."""
    root = tmp_path_factory.mktemp("news")
    folder = root / "articles"
    folder.mkdir()
    for case in CASES:
        (folder / f"{case['id']}.txt").write_text(
            f"date 2026-01-05 {case['title']}\n\n{case['text']}\n", encoding="utf-8"
        )
    store = root / "store"
    assert run(["--store", str(store), "load", "-q", str(folder)]) == 0
    facts: dict[str, set[tuple[str, str, str]]] = {c["id"]: set() for c in CASES}
    with Store.open(store, read_only=True) as opened:
        rows = opened.query(FACTS, union_default_graph=False).rows()
        paths = {
            str(g): Path(str(p)).stem
            for g, p in opened.query(
                "SELECT ?g ?p WHERE { GRAPH ?g { ?g <https://w3id.org/filmkg/ontology#sourcePath> ?p } }",
                union_default_graph=False,
            ).rows()
        }
    for g, film, p, o in rows:
        relation = str(p).rsplit("#", 1)[-1]
        facts[paths[str(g)]].add((name_key(str(film)), relation, name_key(str(o))))
    return facts


PROPERTY = {
    "cast_member": "castMember",
    "director": "director",
    "producer": "producer",
    "executive_producer": "executiveProducer",
    "screenwriter": "screenwriter",
    "composer": "composer",
    "cinematographer": "cinematographer",
    "editor": "editor",
    "production_company": "productionCompany",
    "distributor": "distributor",
    "release_date": "releaseDate",
    "country": "countryOfOrigin",
    "based_on": "basedOn",
    "follows": "follows",
    "followed_by": "followedBy",
    "streaming_on": "streamingOn",
}


def _key(fact: list[str]) -> tuple[str, str, str]:
    subject, relation, obj = fact
    return name_key(subject), PROPERTY[relation], name_key(obj)


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_case(
    case: dict[str, list[list[str]]], loaded: dict[str, set[tuple[str, str, str]]]
) -> None:
    got = loaded[str(case["id"])]
    missing = [f for f in case.get("facts", []) if _key(f) not in got]
    assert not missing, f"missing {missing}; got {sorted(got)}"
    wrong = [f for f in case.get("must_not", []) if _key(f) in got]
    assert not wrong, f"must not state {wrong}"
    films = {s for s, _, _ in got}
    for subject in case.get("must_not_subjects", []):
        assert name_key(str(subject)) not in films, f"{subject!r} was taken for a film"
    objects = {o for _, _, o in got}
    for obj in case.get("must_not_objects", []):
        assert name_key(str(obj)) not in objects, f"{obj!r} was taken for a name"


def _load_article(tmp_path: Path, text: str) -> Path:
    """``text`` as one .txt article loaded by ``kg load`` into a new store; the store's path."""
    article = tmp_path / "a.txt"
    article.write_text(text, encoding="utf-8")
    store = tmp_path / "store"
    assert run(["--store", str(store), "load", "-q", str(article)]) == 0
    return store


def _cast_credits(store: Path) -> list[tuple[str, str, int | None, str | None]]:
    """The cast credits of a store: (film, person, billing order, character), by billing order."""
    with Store.open(store, read_only=True) as opened:
        rows = opened.query(
            "PREFIX kg: <https://w3id.org/filmkg/ontology#> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> "
            "SELECT ?film ?name ?order ?char WHERE { ?f kg:credit ?c ; rdfs:label ?film . "
            "?c kg:role kg:CastMemberRole ; kg:person ?p . ?p rdfs:label ?name "
            "OPTIONAL { ?c kg:billingOrder ?order } OPTIONAL { ?c kg:characterName ?char } } "
            "ORDER BY ?order ?name"
        ).rows()
    return [
        (str(f), str(n), None if o is None else int(str(o)), None if c is None else str(c))
        for f, n, o, c in rows
    ]


def test_streaming_release_and_billing(tmp_path: Path) -> None:
    """ "the release of F on Paramount+" is a streaming platform (not a distributor, and not the
    studio "Paramount"); "stars A, B and C" keeps the billing order; "X as Y" the character."""
    store = _load_article(
        tmp_path,
        "Harlan Pictures had a good weekend with the release of Sky Patrol: Dawn on Streamline+.\n"
        "Sky Patrol: Dawn, directed by Ada Vance, stars Tomas Ferreira as Elias Varga, "
        "Juno Achterberg and Wendell Ames.\n",
    )
    assert [(name, order, char) for _, name, order, char in _cast_credits(store)] == [
        ("Tomas Ferreira", 1, "Elias Varga"),
        ("Juno Achterberg", 2, None),
        ("Wendell Ames", 3, None),
    ]
    with Store.open(store, read_only=True) as opened:
        platforms = opened.query(
            "PREFIX kg: <https://w3id.org/filmkg/ontology#> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> "
            "SELECT ?name WHERE { ?f kg:streamingOn ?s . ?s a kg:StreamingService ; rdfs:label ?name }"
        ).rows()
        assert [str(n) for (n,) in platforms] == ["Streamline+"]
        assert not opened.query(
            "PREFIX kg: <https://w3id.org/filmkg/ontology#> ASK { ?f kg:distributor ?d }"
        ).boolean()


CHARACTER_CASES = [
    pytest.param(
        "The thriller Copper Tide took $20m at the weekend. Greta Solvang reprises her role as "
        "Wren Hale. Tobias Fenn, who plays a lighthouse keeper, said the shoot was hard. "
        "Pia Lund plays the guitar in the band.\n"
        "Ravi Antonelli plays Joe Hart in the drama Salt Bay.\n",
        [
            ("Copper Tide", "Greta Solvang", "Wren Hale"),
            ("Copper Tide", "Tobias Fenn", "a lighthouse keeper"),
            ("Salt Bay", "Ravi Antonelli", "Joe Hart"),
        ],
        id="plays-reprises-and-the-guitar",
    ),
    pytest.param(
        "Lena Marsh returns as Agent Cole in Grey Signal 2, out next year. Omar Pike provides the "
        "voice of the dragon in the cartoon Ember Hill. Sara Quist plays opposite Dev Rana in "
        "Long Tide.\n",
        [
            ("Ember Hill", "Omar Pike", "the dragon"),
            ("Grey Signal 2", "Lena Marsh", "Agent Cole"),
            ("Long Tide", "Dev Rana", None),
            ("Long Tide", "Sara Quist", None),
        ],
        id="returns-as-voice-of-and-opposite",
    ),
    pytest.param(
        "Ida Brook has signed up to star in Far Orbit. Brook will play an astronaut stranded on "
        "a moon. Sven Tarr will play the male lead in Far Orbit. In the drama Cold Reach, Nils "
        "Ek plays a doctor treating a miner.\n",
        [
            ("Cold Reach", "Nils Ek", "a doctor"),
            ("Far Orbit", "Ida Brook", "an astronaut"),
            ("Far Orbit", "Sven Tarr", None),
        ],
        id="character-named-after-the-credit-and-described-by-a-participle",
    ),
    pytest.param(
        "The thriller Red Bay starts filming in May. The role of the sheriff will be played by "
        "Tom Reyes. The part of Inspector Dahl is played by Mia Holt.\n",
        [("Red Bay", "Mia Holt", "Inspector Dahl"), ("Red Bay", "Tom Reyes", "the sheriff")],
        id="the-role-of-c-is-played-by-p",
    ),
    pytest.param(
        "The epic Satrap opens on Friday. The film stars Colm Farr as the Danish king. Angie "
        "Joll, who plays the king's mother, praised the film.\n",
        [("Satrap", "Angie Joll", "the king's mother"), ("Satrap", "Colm Farr", "the Danish king")],
        id="characters-with-a-nationality-or-a-possessive",
    ),
]
"""Articles and the cast credits they give, with characters: (film, person, character)."""


@pytest.mark.parametrize(("text", "credits"), CHARACTER_CASES)
def test_characters_of_plays_wordings(
    tmp_path: Path, text: str, credits: list[tuple[str, str, str | None]]
) -> None:
    """ "P plays C in F", "P reprises her role as C" (about the article's film), "P returns as C
    in F" and "P provides the voice of C in F": the credit keeps the character; "plays the guitar"
    is no role, and in "P plays opposite Q in F" Q is a co-star, not P's character."""
    store = _load_article(tmp_path, text)
    assert sorted((film, name, char) for film, name, _, char in _cast_credits(store)) == credits


def test_release_regions(tmp_path: Path) -> None:
    """ "released in the UK on D1 and in France on D2": two releases, each with its country, and
    "in May 2027" keeps the month (an xsd:gYearMonth)."""
    store = _load_article(
        tmp_path,
        "Copper Tide, starring Odessa Marrow, was released in the UK on 14 March 2006 and in "
        "France on 2 April 2006. Its sequel, Salt Bay, opens in US cinemas in May 2027.\n",
    )
    with Store.open(store, read_only=True) as opened:
        rows = opened.query(
            "PREFIX kg: <https://w3id.org/filmkg/ontology#> "
            "SELECT ?title ?date (DATATYPE(?date) AS ?type) ?region WHERE { ?f kg:title ?title ; "
            "kg:release ?r . ?r kg:date ?date OPTIONAL { ?r kg:region ?region } } ORDER BY ?date"
        ).rows()
    xsd = "http://www.w3.org/2001/XMLSchema#"
    assert [(str(t), str(d), str(ty).removeprefix(xsd), str(r)) for t, d, ty, r in rows] == [
        ("Copper Tide", "2006-03-14", "date", "United Kingdom"),
        ("Copper Tide", "2006-04-02", "date", "France"),
        ("Salt Bay", "2027-05", "gYearMonth", "United States"),
    ]


@pytest.mark.parametrize(
    ("headline", "text", "not_a_film"),
    [
        (
            "Jude Hale wins top award",
            "Jude Hale has won the lifetime award. Hale starred in Cold Harbour and Dust Road.",
            "Jude Hale",
        ),
        (
            "Night Shift returns for a new season",
            "The TV series Night Shift returns in May. Its star Carla Benn said she was thrilled.",
            "Night Shift",
        ),
        (
            "Blue Mornings tops the singles chart",
            "The song Blue Mornings by the band Harbour Lights topped the chart this week.",
            "Blue Mornings",
        ),
        (
            "Harlan Pictures posts record profits",
            "Harlan Pictures said its films had a strong year. The studio made The Quiet Hour.",
            "Harlan Pictures",
        ),
    ],
)
def test_headline_subject_is_no_film(
    tmp_path: Path, headline: str, text: str, not_a_film: str
) -> None:
    article = tmp_path / "a.txt"
    article.write_text(f"date 2026-01-05 {headline}\n\n{text}\n", encoding="utf-8")
    store = tmp_path / "store"
    assert run(["--store", str(store), "load", "-q", str(article)]) == 0
    with Store.open(store, read_only=True) as opened:
        titles = {
            name_key(str(t))
            for (t,) in opened.query(
                "PREFIX kg: <https://w3id.org/filmkg/ontology#> SELECT ?t WHERE { ?f a kg:Film ; kg:title ?t }"
            ).rows()
        }
    assert name_key(not_a_film) not in titles


def test_keep_going_loads_the_good_articles(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    batch = tmp_path / "batch.jsonl"
    batch.write_text(
        '{"text": "The thriller Cold Fish was directed by Ann Lee."}\n'
        '{"title": "no text here"}\n'
        + "[" * 100_000
        + "]" * 100_000
        + "\n"
        + '{"text": "Salt Road (2003) stars Ilse Marten."}\n',
        encoding="utf-8",
    )
    (tmp_path / "empty-quote.txt").write_text(
        'The director said "" and “,” about the film Tide Line, starring Mikael Berg.\n',
        encoding="utf-8",
    )
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02")
    store = tmp_path / "store"
    # without the flag: the first bad article stops the load, named by file and line
    assert run(["--store", str(store), "load", "-q", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert "batch.jsonl:2" in err or "binary.txt" in err
    assert not store.exists() or run(["--store", str(store), "stats"]) == 0
    capsys.readouterr()
    # with it: the good ones load, each failure is listed, exit 1
    assert run(["--store", str(store), "load", "--keep-going", str(tmp_path)]) == 1
    out, err = capsys.readouterr()
    assert "3 loaded" in out and "3 failed" in out
    assert "batch.jsonl:2" in err and "batch.jsonl:3" in err and "binary.txt" in err
    with Store.open(store, read_only=True) as opened:
        people = {
            str(n)
            for (n,) in opened.query(
                "PREFIX kg: <https://w3id.org/filmkg/ontology#> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> "
                "SELECT ?n WHERE { ?f kg:director|kg:castMember ?p . ?p rdfs:label ?n }"
            ).rows()
        }
    assert {"Ann Lee", "Ilse Marten", "Mikael Berg"} <= people


def test_case_ids_are_unique() -> None:
    """Each case is one article named by its id: a repeated id would hide a case's facts."""
    ids = [str(c["id"]) for c in CASES]
    assert sorted(i for i in set(ids) if ids.count(i) > 1) == []


def test_a_films_source_is_a_work_unless_it_is_a_film(tmp_path: Path) -> None:
    """ "based on the novel X" makes X a kg:Work, not a film; "the film adaptation of X" is a film
    named X based on the work X (two nodes), as is "based on the novel of the same name"; "a remake of the 1960 film Y" points at the film Y."""
    article = tmp_path / "sources.txt"
    article.write_text(
        "date 2026-01-05 Adaptations\n\nThe thriller Cold Orchard is based on the novel The Glass "
        "Tower by Eva Holm. Ana Reyes will star in the film adaptation of The Long Winter. The "
        "drama Night Crossing is a remake of the 1960 film Salt Road.\n\nGrey Hill is a 1994 drama film "
        "directed by Ada Shaw. It is based on the 1988 novel of the same name by Helen Marsh.\n",
        encoding="utf-8",
    )
    store = tmp_path / "store"
    assert run(["--store", str(store), "load", "-q", str(article)]) == 0
    query = (
        "PREFIX kg: <https://w3id.org/filmkg/ontology#> "
        "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> "
        "SELECT ?film ?source ?kind WHERE { ?f kg:basedOn ?s . ?f kg:title ?film . "
        "?s rdfs:label ?source ; a ?kind . FILTER (?kind IN (kg:Film, kg:Work)) }"
    )
    with Store.open(store, read_only=True) as opened:
        rows = {
            (str(a), str(b), str(c).rsplit("#", 1)[-1]) for a, b, c in opened.query(query).rows()
        }
    assert rows == {
        ("Cold Orchard", "The Glass Tower", "Work"),
        ("The Long Winter", "The Long Winter", "Work"),
        ("Night Crossing", "Salt Road", "Film"),
        ("Grey Hill", "Grey Hill", "Work"),
    }
