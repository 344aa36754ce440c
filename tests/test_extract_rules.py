"""The rules.v2 extractor: the Dead Reckoning article, cue-phrase patterns, coref, dates, fixtures."""

from __future__ import annotations

import itertools
import json
import re
from pathlib import Path

import pytest

from kg.errors import UnknownNameError
from kg.extract import available_extractors, extract, get_extractor
from kg.extract.gazetteer import Gazetteer
from kg.loaders.articles import read_articles, read_text
from kg.model import Document, EntityRef, EntityType, Fact, Relation, Value

SHARED = Path(__file__).resolve().parents[2] / "shared" / "data"
DR = SHARED / "articles" / "dead-reckoning-bts-2022-12-28.txt"
DATA = Path(__file__).parent / "data" / "articles"


def _obj(fact: Fact) -> str:
    return fact.object.name if isinstance(fact.object, EntityRef) else fact.object.text


def triples(facts: list[Fact]) -> set[tuple[str, str, str]]:
    """(subject, relation, object) names; a streaming platform also gives 'streaming_on'."""
    out = {(f.subject.name, f.relation.value, _obj(f)) for f in facts}
    for f in facts:
        if f.platform is not None:
            out.add((f.subject.name, "streaming_on", f.platform.name))
        if isinstance(f.object, EntityRef) and f.object.type is EntityType.STREAMING_SERVICE:
            out.add((f.subject.name, "streaming_on", f.object.name))
    return out


def run(text: str, title: str | None = None, published: str | None = None) -> list[Fact]:
    return extract(Document("t", text, title=title, published=published))


# ------------------------------------------------------------------ the real article


@pytest.fixture(scope="module")
def facts() -> list[Fact]:
    return extract(read_text(DR))


@pytest.fixture(scope="module")
def gold() -> dict[str, list[list[str]]]:
    return json.loads(DR.with_suffix(".gold.json").read_text(encoding="utf-8"))  # type: ignore[no-any-return]


@pytest.mark.skipif(not DR.exists(), reason="shared data not available")
class TestDeadReckoning:
    def test_every_stated_triple(self, facts: list[Fact], gold: dict[str, list[list[str]]]) -> None:
        got = triples(facts)
        missing = [t for t in gold["triples"] if tuple(t) not in got]
        assert missing == [], missing
        assert len(gold["triples"]) == 27

    def test_every_stated_triple_with_a_store_that_knows_the_first_film(
        self, gold: dict[str, list[list[str]]]
    ) -> None:
        """After loading a films table that holds "Mission: Impossible" (1996), the subtitled
        title is still one name: a known title before a dash does not cut it."""
        store = Gazetteer.from_refs(
            [EntityRef(EntityType.FILM, "Mission: Impossible", year=1996)]
            + [EntityRef(EntityType.PERSON, n) for n in ("Tom Cruise", "Ving Rhames")]
        )
        got = triples(extract(read_text(DR), store))
        assert [t for t in gold["triples"] if tuple(t) not in got] == []
        assert [t for t in gold["must_not"] if tuple(t) in got] == []

    def test_no_must_not(self, facts: list[Fact], gold: dict[str, list[list[str]]]) -> None:
        got = triples(facts)
        assert [t for t in gold["must_not"] if tuple(t) in got] == []

    def test_release_is_planned_and_not_the_publication_date(self, facts: list[Fact]) -> None:
        releases = [f for f in facts if f.relation is Relation.RELEASE_DATE]
        assert [(_obj(f), f.planned) for f in releases] == [("2023-07-14", True)]

    def test_evidence(self, facts: list[Fact]) -> None:
        text = read_text(DR).text
        for f in facts:
            ev = f.evidence
            assert ev is not None and ev.extractor == "rules.v2"
            assert text[ev.start : ev.end] == ev.sentence
            assert 0.0 <= ev.confidence <= 1.0

    def test_types(self, facts: list[Fact]) -> None:
        by = {(f.relation.value, _obj(f)): f for f in facts}
        assert by[("part_of_series", "Mission: Impossible")].object.type is EntityType.FILM_SERIES  # type: ignore[union-attr]
        assert by[("director", "Christopher McQuarrie")].object.type is EntityType.PERSON  # type: ignore[union-attr]
        # "the release of Top Gun: Maverick on Paramount+": a streaming platform, not a distributor
        assert by[("streaming_on", "Paramount+")].object.type is EntityType.STREAMING_SERVICE  # type: ignore[union-attr]
        assert ("distributor", "Paramount+") not in by


# ------------------------------------------------------------------ patterns of film prose

CASES: list[tuple[str, str | None, set[tuple[str, str, str]]]] = [
    (
        "Night Ferry is a 2018 Danish drama film directed by Karin Holm and starring Jens Lund.",
        "Night Ferry",
        {
            ("Night Ferry", "director", "Karin Holm"),
            ("Night Ferry", "cast_member", "Jens Lund"),
            ("Night Ferry", "release_date", "2018"),
            ("Night Ferry", "country", "Denmark"),
        },
    ),
    (
        "Karin Holm directed Night Ferry. Jens Lund and Maja Berg starred in the film.",
        "Night Ferry",
        {
            ("Night Ferry", "director", "Karin Holm"),
            ("Night Ferry", "cast_member", "Jens Lund"),
            ("Night Ferry", "cast_member", "Maja Berg"),
        },
    ),
    (
        "Night Ferry was written and directed by Karin Holm. It was edited by Ola Dahl, "
        "and the cinematography was by Siri Moe.",
        "Night Ferry",
        {
            ("Night Ferry", "director", "Karin Holm"),
            ("Night Ferry", "screenwriter", "Karin Holm"),
            ("Night Ferry", "editor", "Ola Dahl"),
            ("Night Ferry", "cinematographer", "Siri Moe"),
        },
    ),
    (
        "Karin Holm is the director of Night Ferry. The film's editor was Ola Dahl.",
        "Night Ferry",
        {("Night Ferry", "director", "Karin Holm"), ("Night Ferry", "editor", "Ola Dahl")},
    ),
    (
        "Night Ferry was produced by Nordlys Film and executive produced by Per Sand. "
        "Hans Eide composed the score for the film. It was distributed by Baltic Pictures.",
        "Night Ferry",
        {
            ("Night Ferry", "production_company", "Nordlys Film"),
            ("Night Ferry", "executive_producer", "Per Sand"),
            ("Night Ferry", "composer", "Hans Eide"),
            ("Night Ferry", "distributor", "Baltic Pictures"),
        },
    ),
    (
        "The Long Shore is the sequel to the 2018 film Night Ferry.",
        None,
        {
            ("The Long Shore", "follows", "Night Ferry"),
            ("Night Ferry", "followed_by", "The Long Shore"),
            ("Night Ferry", "release_date", "2018"),
        },
    ),
    (
        "Mara Voss's 2019 film Cold Orchard was shot in Oslo.",
        None,
        {("Cold Orchard", "director", "Mara Voss")},
    ),
    (
        "Cold Orchard, with Leo Park as producer, was released on Netflix on 3 May 2020.",
        "Cold Orchard",
        {
            ("Cold Orchard", "producer", "Leo Park"),
            ("Cold Orchard", "release_date", "2020-05-03"),
            ("Cold Orchard", "streaming_on", "Netflix"),
        },
    ),
    (
        "Sea Glass () is a 2003 Danish drama film. Salt Marsh, also known as, is a Finnish film.",
        None,
        {
            ("Sea Glass", "country", "Denmark"),
            ("Salt Marsh", "country", "Finland"),
        },
    ),
]


@pytest.mark.parametrize(("text", "title", "expected"), CASES)
def test_patterns(text: str, title: str | None, expected: set[tuple[str, str, str]]) -> None:
    got = triples(run(text, title))
    assert expected <= got, expected - got


@pytest.mark.parametrize(
    ("text", "title", "forbidden"),
    [
        # a director mentioned in passing is not the director of another film in the paragraph
        (
            "Fans loved Top Gun: Maverick. There is something funny about director Chris Doe's "
            "face in the new featurette.",
            None,
            ("Top Gun: Maverick", "director", "Chris Doe"),
        ),
        # a spouse named in an appositive is not a cast member
        (
            "Tom Sand, married to Eva Lind, stars in the film Night Ferry.",
            "Night Ferry",
            ("Night Ferry", "cast_member", "Eva Lind"),
        ),
        # a company is never a person's credit
        (
            "Night Ferry was written by Baltic Pictures.",
            "Night Ferry",
            ("Night Ferry", "screenwriter", "Baltic Pictures"),
        ),
        # a song's writer is not the film's screenwriter
        (
            "Night Ferry is a film. The title song was written by Ann Berg.",
            "Night Ferry",
            ("Night Ferry", "screenwriter", "Ann Berg"),
        ),
    ],
)
def test_precision_guards(text: str, title: str | None, forbidden: tuple[str, str, str]) -> None:
    assert forbidden not in triples(run(text, title))


def test_character_and_lists() -> None:
    facts = run(
        "Night Ferry stars Jens Lund as Captain Holt, Maja Berg, and Harry Shum, Jr.", "Night Ferry"
    )
    cast = {(_obj(f), f.character) for f in facts if f.relation is Relation.CAST_MEMBER}
    assert cast == {("Jens Lund", "Captain Holt"), ("Maja Berg", None), ("Harry Shum Jr.", None)}


def test_characters_in_brackets_and_by_kin() -> None:
    """A cast list's "P (Character)" and "P as her son" keep their characters."""
    facts = run(
        "Night Ferry is a thriller. Its cast includes Jens Lund (Holt) and Maja Berg (Ingrid "
        "Holt). The film also stars Nils Aas as her son.",
        "Night Ferry",
    )
    cast = {(_obj(f), f.character) for f in facts if f.relation is Relation.CAST_MEMBER}
    assert cast == {("Jens Lund", "Holt"), ("Maja Berg", "Ingrid Holt"), ("Nils Aas", "her son")}


def test_character_owned_by_another_name() -> None:
    """ "plays P's mother": the character is the mother, spelled as the text spells it."""
    facts = run("Joan Marsh plays Peter Alving's mother in Night Ferry.", None)
    cast = {(_obj(f), f.character) for f in facts if f.relation is Relation.CAST_MEMBER}
    assert cast == {("Joan Marsh", "Peter Alving's mother")}
    facts = run("Joan Marsh is reprising her role as Queen Maud in Snow Dogs 2.", None)
    cast = {(f.subject.name, _obj(f), f.character) for f in facts}
    assert cast == {
        ("Snow Dogs 2", "Joan Marsh", "Queen Maud")
    }  # the text's case, not the skeleton's


def test_planned_release_and_publication_date() -> None:
    text = "date 2022-12-28 News\n\nNight Ferry will be released on July 14, 2023."
    facts = run(text, None, published="2022-12-28")
    releases = [(f.object.text, f.planned) for f in facts if isinstance(f.object, Value)]
    assert releases == [("2023-07-14", True)]
    past = run("Night Ferry was released on March 3, 2017.", "Night Ferry", published="2022-01-01")
    assert [(f.object.text, f.planned) for f in past if isinstance(f.object, Value)] == [
        ("2017-03-03", False)
    ]


def test_short_names_resolve_within_the_article() -> None:
    text = (
        "Night Ferry is a film by Karin Holm and Ole Holm-Berg. It stars Jens Lund. "
        "Lund also produced the film. The screenplay was written by Holm."
    )
    facts = run(text, "Night Ferry")
    got = {(f.relation.value, _obj(f), f.ambiguous) for f in facts}
    assert ("producer", "Jens Lund", False) in got
    assert ("screenwriter", "Karin Holm", False) in got


def test_ambiguous_short_name_is_marked_not_guessed() -> None:
    text = "Night Ferry stars Anna Holm and Erik Holm. The screenplay was written by Holm."
    writers = [f for f in run(text, "Night Ferry") if f.relation is Relation.SCREENWRITER]
    assert [(_obj(f), f.ambiguous) for f in writers] == [("Holm", True)]


def test_film_aliases_and_year() -> None:
    facts = run(
        "Vase Blanc (also known as White Vase) is a 1974 Belgian film directed by Jan Peeters.",
        "Vase Blanc",
    )
    directors = [f for f in facts if f.relation is Relation.DIRECTOR]
    assert directors[0].subject.aliases == ("White Vase",)
    assert directors[0].subject.year == 1974


def test_gazetteer_titles() -> None:
    g = Gazetteer.from_refs([EntityRef(EntityType.FILM, "The Quiet Deep", year=2011)])
    facts = extract(Document("g", "Anna Berg directed The Quiet Deep in Norway."), g)
    assert ("The Quiet Deep", "director", "Anna Berg") in triples(facts)
    assert facts[0].subject.year == 2011


def test_two_known_one_word_films_joined_by_and() -> None:
    """ "starred in Drift and Ember": two films when the store knows both and not the pair; one
    title ("Love and Glory") when it knows neither."""
    g = Gazetteer.from_refs([EntityRef(EntityType.FILM, t) for t in ("Drift", "Ember")])
    text = "Joan Marsh has starred in Drift and Ember."
    films = {f.subject.name for f in extract(Document("g", text), g)}
    assert films == {"Drift", "Ember"}
    alone = {f.subject.name for f in extract(Document("g", text), None)}
    assert alone == {"Drift and Ember"}  # without the store, nothing shows it is two


def test_fixture_articles_golden() -> None:
    docs = {
        Path(d.source_path or "").name + (d.id if d.id in ("a1", "a2") else ""): d
        for d in read_articles(DATA)
    }
    harbor = triples(extract(docs["harbor-review.txt"]))
    assert {
        ("The Glass Harbor", "director", "Mara Lindqvist"),
        ("The Glass Harbor", "cast_member", "Owen Sato"),
        ("The Glass Harbor", "screenwriter", "Mara Lindqvist"),
        ("The Glass Harbor", "composer", "Hanna Ruud"),
        ("The Glass Harbor", "production_company", "Aurora Pictures"),
        ("The Glass Harbor", "distributor", "Northlight Releasing"),
        ("The Glass Harbor", "release_date", "2015-09-04"),
        ("The Glass Storm", "follows", "The Glass Harbor"),
        ("The Glass Storm", "release_date", "2026-06-12"),
    } <= harbor
    # the review's own publication date is never a release date
    assert not any(t[2] == "2024-03-02" for t in harbor)


def test_registry() -> None:
    assert "rules.v2" in available_extractors()
    with pytest.raises(UnknownNameError, match=r"rules\.v2"):
        get_extractor("nope.v9")


def test_empty_and_titleless_text() -> None:
    assert run("") == []
    assert run("   \n ") == []
    assert run("It was a sunny day and nothing happened.") == []


# ------------------------------------------------------------------ the sample articles, loaded

SAMPLE = Path(__file__).resolve().parents[1] / "data" / "sample" / "articles"


def test_sample_articles_credit_the_film_not_the_studio() -> None:
    """harbor-saga-fourth-film.txt: the headline's studio is no film; the credits and the
    planned release belong to the film with its own credits ("The Drowned Lantern, directed by")."""
    import kg

    prefix = (
        "PREFIX kg: <https://w3id.org/filmkg/ontology#> "
        "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> "
    )
    with kg.Store.memory() as store:
        kg.load_paths(store, [SAMPLE], progress=False)
        assert not store.query(
            prefix
            + 'ASK { ?f a kg:Film ; rdfs:label ?t . FILTER (str(?t) = "Northlight Pictures") }'
        ).boolean()
        rows = store.query(
            prefix + "SELECT ?p ?name WHERE { ?f a kg:Film ; rdfs:label ?t . "
            '?f ?p ?o . ?o rdfs:label ?name . FILTER (str(?t) = "The Drowned Lantern") }'
        ).rows()
        credits = {(str(p).rsplit("#", 1)[-1], str(n)) for p, n in rows}
        assert {
            ("producer", "Hollis Granger"),
            ("executiveProducer", "Renata Vos"),
            ("composer", "Ilse Brandvold"),
            ("screenwriter", "Owen Sato"),
        } <= credits
        planned = store.query(
            prefix + "SELECT ?d WHERE { ?f a kg:Film ; rdfs:label ?t ; kg:release ?r . "
            "?r kg:date ?d ; kg:planned true . "
            'FILTER (str(?t) = "The Drowned Lantern") }'
        ).rows()
        assert [str(d) for (d,) in planned] == ["2026-10-09"]


def test_every_rule_names_the_groups_it_reads() -> None:
    """A rule that reads its film, agent, character, value or other film from a group has that
    group in its pattern (a missing one fails only when the rule first matches, mid-article)."""
    from kg.extract.families import ALL_RULES

    for rule in ALL_RULES:
        groups = rule.regex.groupindex
        for what in (rule.film, rule.agent, rule.character, rule.value, rule.other):
            assert what is None or what in groups, f"{rule.name} has no group {what!r}"


def test_no_rule_repeats_a_word_class_that_spans_spaces() -> None:
    """``(?:[^«».;]+ ){0,8}`` lets one repetition eat several words and backtracks exponentially
    on long sentences; a repeated word must exclude the space (``[^«».; ]+ ``)."""
    import re

    from kg.extract.families import ALL_RULES
    from kg.extract.patterns import expand

    repeated = re.compile(r"\(\?:\[\^([^\]]*)\]\+ (?:\|[^)]*)?\)(?:\{|\*|\+)")
    for rule in ALL_RULES:
        for m in repeated.finditer(expand(rule.pattern)):
            assert " " in m.group(1), f"{rule.name}: [^{m.group(1)}]+ repeated spans spaces"


def test_needs_never_hide_a_match() -> None:
    """A rule is tried only on sentences holding one of its ``needs`` words: every sentence of our
    case articles (and of the shared dev sets, when beside the clone) that a rule's pattern
    matches holds one of them, so the shortcut never loses a fact."""
    import json
    from pathlib import Path

    from kg.extract import engine
    from kg.extract.families import ALL_RULES

    texts = [
        json.loads(line)["text"]
        for line in (Path(__file__).parent / "data" / "extract" / "news_cases.jsonl")
        .read_text(encoding="utf-8")
        .splitlines()
    ]
    wordings = Path(__file__).parent / "data" / "extract" / "wordings.txt"
    texts += [line for line in wordings.read_text(encoding="utf-8").splitlines() if line[:1] != "#"]
    shared = Path(__file__).resolve().parents[2] / "shared" / "data"
    for name in ("gold/dev.jsonl", "news/dev.jsonl"):
        if (shared / name).is_file():
            lines = (shared / name).read_text(encoding="utf-8").splitlines()
            texts += [json.loads(line)["text"] for line in lines if line.strip()]
    for text in texts:
        names = engine._Names(None)
        for sent in engine._parse(text):
            engine._skeleton(sent, names, first_pass=False)
            for rule in ALL_RULES:
                if rule.needs and rule.regex.search(sent.skeleton):
                    assert set(rule.needs) & sent.words, f"{rule.name}: {sent.skeleton}"


def test_every_cue_word_names_a_relation() -> None:
    # a rule whose relation comes from its cue words yields nothing for a word the role table
    # does not know ("is set to write F" gave no fact while "write" was missing from it)
    from kg.extract.engine import cue_relations
    from kg.extract.families import ALL_RULES

    missing = []
    for rule in ALL_RULES:
        if rule.relation is not None or "(?P<cue>" not in rule.pattern:
            continue
        body = rule.pattern.split("(?P<cue>", 1)[1]
        depths = itertools.accumulate({"(": 1, ")": -1}.get(ch, 0) for ch in body)
        end = next((i for i, depth in enumerate(depths) if depth == -1), len(body))
        words = re.findall(r"(?<![{\\?<])\b[a-z][a-z -]*[a-z]\b(?![}>])", body[:end])
        for phrase in (w.strip() for w in words):
            if phrase in ("and", "in") or not phrase:
                continue
            if not cue_relations(phrase) and not cue_relations(phrase.split()[-1]):
                missing.append((rule.name, phrase))
    assert not missing, missing


def test_every_group_a_pattern_has_is_read() -> None:
    # a pattern's (?P<character>...) that the rule does not declare is silently dropped (24 cast
    # rules lost their characters that way)
    from kg.extract.families import ALL_RULES

    unread = []
    for rule in ALL_RULES:
        declared = {rule.film, rule.agent, rule.character, rule.value, rule.other, "cue"}
        if "cast_unless_director" in rule.flags:
            declared.add("occupation")  # "X, the director best known for F": read by the engine
        if rule.film is not None:
            declared.add("film_ana")
        for group in re.findall(r"\(\?P<(\w+)>", rule.pattern):
            if group not in declared:
                unread.append((rule.name, group))
    assert not unread, unread


def test_no_negative_lookahead_stops_at_a_word_prefix() -> None:
    # "(?! in)" also refused "starred infamous actor, P": a look-ahead on a word needs a space or a
    # boundary after it
    from kg.extract.families import ALL_RULES

    loose = [
        (rule.name, m.group(0))
        for rule in ALL_RULES
        for m in re.finditer(r"\(\?! ?(?:\(\?:([a-z |]+)\)|([a-z |]+))\)", rule.pattern)
        if re.search(r"[a-z]$", m.group(1) or m.group(2))
    ]
    assert not loose, loose


@pytest.mark.parametrize("macro", ["{WHO}", "{WHOSE}", "{WHOS}"])
def test_pronoun_macros_match_whole_words(macro: str) -> None:
    """ "she" holds "he", "other" holds "her", "this" holds "his": a pronoun of a pattern starts a
    word, else "she has won" reads as "he" and picks a man."""
    from kg.extract.patterns import expand

    pattern = re.compile(expand(macro))
    for text in ("she", "other", "this", "mother", "the"):
        starts = {m.start() for m in pattern.finditer(text)}
        assert starts <= {0}, (macro, text, starts)


def test_no_word_skip_spans_a_space() -> None:
    """A group that skips words one at a time ("(?:[^«».; ]+ ){1,14}?") must not let a word hold a
    space: "(?:[^«».;]+ )" can cut a run of words in exponentially many ways, and a long
    paragraph without the cue then takes minutes (the fuzz tests' 100 kB paragraphs)."""
    from kg.extract.families import ALL_RULES

    loose = [
        (rule.name, m.group(0))
        for rule in ALL_RULES
        for m in re.finditer(r"\(\?:\[\^([^\]]*)\][+*] ", rule.pattern)
        if " " not in m.group(1)
    ]
    assert not loose, loose
