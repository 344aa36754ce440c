"""The rules.v2 engine's shortcuts: a rule skipped for want of the strings it needs never had a
match, and the literal analysis behind it is conservative."""

from __future__ import annotations

import importlib
import json
import re
from pathlib import Path

import pytest

from kg.extract import compiled as kept
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
    matches holds each of the strings the engine looks for before running that rule."""
    tests = engine._literal_tests()
    assert len(tests) == len(ALL_RULES)
    assert sum(bool(t) for t in tests) > len(ALL_RULES) // 2  # the shortcut is in use
    for text in _texts():
        names = engine._Names(None)
        for sent in engine._parse(text):
            engine._skeleton(sent, names, first_pass=False)
            for rule, test in zip(ALL_RULES, tests, strict=True):
                if rule.regex.search(sent.skeleton):
                    assert all(t in sent.skeleton for t in test), f"{rule.name}: {sent.skeleton}"


def test_rules_compiled_from_their_parse_are_re_compile_s() -> None:
    """A rule compiled from the parse its literal test read is the pattern ``re.compile`` makes
    (patterns compare equal when their flags, text and compiled code are the same), but for the
    characters a match starts with, which the engine adds to the code's info block when CPython
    found none (``engine._with_start_chars``): the code after that block is CPython's."""
    compiler = importlib.import_module("re._compiler")
    for rule in ALL_RULES:
        source = expand(rule.pattern)
        parsed = engine._parse_pattern(source)
        compiled, code = engine._compile_parsed(source, parsed)
        assert code is not None, rule.name
        cpython = compiler._code(parsed, 0)
        assert code[code[1] + 1 :] == cpython[cpython[1] + 1 :], rule.name
        assert code == cpython or cpython[2] == 0, rule.name  # CPython's prefix or set is kept
        expected = re.compile(source)
        # and the pattern made again from what the cache of compiled patterns keeps of it
        again = kept.compile_entry(source, kept.entry_of(("x",), parsed, code))
        assert again == compiled, rule.name
        if code == cpython:
            assert compiled == expected, rule.name
        assert (compiled.pattern, compiled.flags) == (expected.pattern, expected.flags), rule.name
        assert compiled.groupindex == expected.groupindex, rule.name
        assert compiled.groups == expected.groups, rule.name


_SKELETONS = (
    "«F0» is a 2015 «C1» thriller film directed by «P2» .",
    "it stars «P0» as «N1» , «P2» and «P3» .",
    "the screenplay was written by «P0» and «P1» , and the music was composed by «P2» .",
    "produced by «O0» , the film was distributed by «O1» .",
    "«F0» , directed by «P1» , stars «P2» and «P3» .",
    "«P0» , who directed «F1» in 2004 , said he had starred in «F2» opposite «P3» .",
    "the 1999 comedy «F0» , a remake of «F1» , was released on «D2» in «X3» .",
    "her husband , «P0» , co-wrote and produced the «P1» thriller «N2» for «O3» .",
    "«A0» won best actor for «P1» at the «X2» , and she plays the king 's mother .",
)
"""Skeletons that many rules match or nearly match."""


def test_rules_with_start_characters_match_as_re_compile_s() -> None:
    """The characters a match starts with, told to the engine's search, change no match: every
    rule finds what ``re.compile`` of its pattern finds (spans and groups), on skeletons and
    on each of their suffixes."""
    for number, rule in enumerate(ALL_RULES):
        compiled = engine._rule_regex(number, rule)
        expected = re.compile(expand(rule.pattern))
        for skeleton in _SKELETONS:
            for start in range(len(skeleton)):
                text = skeleton[start:]
                found = [(m.span(), m.groups()) for m in compiled.finditer(text)]
                assert found == [(m.span(), m.groups()) for m in expected.finditer(text)], rule.name


def test_cache_of_compiled_patterns(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """What a process learns of the rules' patterns is written at its exit and read by the next
    one (keyed by the pattern's text, the same in every process); a foreign file is ignored."""
    monkeypatch.setenv("KG_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(kept, "_entries", None)
    monkeypatch.setattr(kept, "_dirty", False)
    monkeypatch.setattr(kept, "_current", None)
    source = expand(ALL_RULES[0].pattern)
    parsed = engine._parse_pattern(source)
    _, code = engine._compile_parsed(source, parsed)
    kept.remember(source, kept.entry_of(("t",), parsed, code), lambda: [source])
    kept.save()
    monkeypatch.setattr(kept, "_entries", None)
    entry = kept.remembered(source)
    assert entry is not None and entry[0] == ("t",)
    assert kept.compile_entry(source, entry) == engine._compile_parsed(source, parsed)[0]
    path = kept.cache_path()
    assert path is not None
    path.write_bytes(b"not marshal")
    monkeypatch.setattr(kept, "_entries", None)
    assert kept.remembered(source) is None
    monkeypatch.setenv("KG_CACHE_DIR", "off")
    assert kept.cache_path() is None and kept.remembered(source) is None


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
