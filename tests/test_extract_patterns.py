"""rules.v1 on general patterns of encyclopedia film prose: each pattern class is proven by two
or three sentences of our own (invented names, varied wording), plus guards against the
false positives each class could bring."""

from __future__ import annotations

import pytest

from kg.extract import extract
from kg.model import Document, EntityRef, Fact


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
