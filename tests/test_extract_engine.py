"""The rules.v2 engine's shortcuts: a rule skipped for want of the strings it needs never had a
match, and the literal analysis behind it is conservative."""

from __future__ import annotations

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
    (patterns compare equal when their flags, text and compiled code are the same)."""
    for rule in ALL_RULES:
        source = expand(rule.pattern)
        parsed = engine._parse_pattern(source)
        compiled, code = engine._compile_parsed(source, parsed)
        expected = re.compile(source)
        # and the pattern made again from what the cache of compiled patterns keeps of it
        again = kept.compile_entry(source, kept.entry_of(("x",), parsed, code))
        for made in (compiled, again):
            assert made == expected, rule.name
            assert made.groupindex == expected.groupindex, rule.name
            assert made.groups == expected.groups, rule.name


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
    assert kept.compile_entry(source, entry) == re.compile(source)
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
