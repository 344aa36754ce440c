"""The rules.v2 engine's shortcuts: a rule skipped for want of the strings it needs never had a
match, and the literal analysis behind it is conservative."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from kg.extract import engine
from kg.extract.families import ALL_RULES
from kg.extract.patterns import expand

DATA = Path(__file__).parent / "data" / "extract"
SHARED = Path(__file__).resolve().parents[2] / "shared" / "data"


def _texts() -> list[str]:
    texts = [
        json.loads(line)["text"]
        for line in (DATA / "news_cases.jsonl").read_text(encoding="utf-8").splitlines()
    ]
    wordings = (DATA / "wordings.txt").read_text(encoding="utf-8").splitlines()
    texts += [line for line in wordings if line[:1] != "#"]
    for name in ("gold/dev.jsonl", "news/dev.jsonl"):
        if (SHARED / name).is_file():
            lines = (SHARED / name).read_text(encoding="utf-8").splitlines()
            texts += [json.loads(line)["text"] for line in lines if line.strip()]
    return texts


def test_literal_tests_never_hide_a_match() -> None:
    """Every skeleton (both passes' forms) of our case articles and the dev sets that a rule
    matches holds one of the strings the engine looks for before running that rule."""
    tests = engine._literal_tests()
    assert len(tests) == len(ALL_RULES)
    assert sum(t is not None for t in tests) > len(ALL_RULES) // 2  # the shortcut is in use
    for text in _texts():
        names = engine._Names(None)
        for sent in engine._parse(text):
            engine._skeleton(sent, names, first_pass=False)
            for rule, test in zip(ALL_RULES, tests, strict=True):
                if rule.regex.search(sent.skeleton):
                    assert test is None or test in sent.skeleton, f"{rule.name}: {sent.skeleton}"


def test_rules_compiled_from_their_parse_are_re_compile_s() -> None:
    """A rule compiled from the parse its literal test read is the pattern ``re.compile`` makes
    (patterns compare equal when their flags, text and compiled code are the same)."""
    for rule in ALL_RULES:
        source = expand(rule.pattern)
        compiled = engine._compile_parsed(source, engine._parse_pattern(source))
        expected = re.compile(source)
        assert compiled == expected, rule.name
        assert compiled.groupindex == expected.groupindex, rule.name
        assert compiled.groups == expected.groups, rule.name


@pytest.mark.parametrize(
    ("pattern", "needed"),
    [
        (r"«F\d+» , directed by «P\d+»", {"» , directed by «P"}),
        (r"(?:a )?(?:film|movie) by", {" by"}),
        (r"(?:stars|features) (?:in|at)", {"stars", "features"}),
        (r"(?:by|«P\d+» (?:and|or))? it", {" it"}),
        (r"(?:the )*(?:[a-z]+ )+xyz", {"xyz"}),
        (r"(?:the |a )+(?:«F\d+»)", {"«F"}),
        (r"[a-z]+", None),
        (r"(?:x|[a-z])y?", None),
        (r"(?i)directed by", None),
        (r"(?i:directed) by", {" by"}),
        (r"(?=directed)\w+", None),
    ],
)
def test_literals_needed(pattern: str, needed: set[str] | None) -> None:
    found = engine._literals_needed(re.compile(pattern))
    assert (set(found) if found is not None else None) == needed
    if found is not None:  # every string a match could hold: one of them is there
        for sample in ("«F1» , directed by «P2»", "a film by", "stars in", "by it", "the a x"):
            if re.compile(pattern).search(sample):
                assert any(s in sample for s in found), (pattern, sample)
