"""The optional ``ner.v2`` extractor: a clear error without a pipeline; with one (here a tiny
rule-based pipeline saved to a directory, standing in for a statistical one) its PERSON/ORG
mentions complete the rule extractor's candidates."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.cli import run
from kg.errors import KGInputError
from kg.extract import available_extractors, extract
from kg.extract.ner import load_model
from kg.model import Document, EntityType


def test_registered() -> None:
    assert "ner.v2" in available_extractors()


def test_without_a_pipeline_says_how_to_install(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("KG_NER_MODEL", "kg_no_such_pipeline")
    load_model.cache_clear()
    with pytest.raises(KGInputError, match=r"not installed: install one from a wheel file"):
        extract(Document("d", "Heat was directed by Michael Mann."), extractor="ner.v2")
    gold = tmp_path / "g.jsonl"
    gold.write_text(
        '{"id": "1", "source": "x", "text": "Heat was directed by Michael Mann.", "triples": []}\n'
    )
    assert run(["eval", str(gold), "--extractor", "ner.v2"]) == 2
    assert "KG_NER_MODEL" in capsys.readouterr().err


def test_with_a_pipeline(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    import spacy

    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("entity_ruler", name="ner")
    ruler.add_patterns(  # type: ignore[attr-defined]
        [
            {"label": "PERSON", "pattern": "Michael Mann"},
            {"label": "ORG", "pattern": "Forward Pass"},
        ]
    )
    nlp.to_disk(tmp_path / "pipeline")
    monkeypatch.setenv("KG_NER_MODEL", str(tmp_path / "pipeline"))
    load_model.cache_clear()
    text = (
        "Heat is a 1995 crime film. The producer, Michael Mann, spoke at the premiere. "
        "Heat was directed by Mann and produced by Forward Pass."
    )
    facts = extract(Document("d", text, title="Heat"), extractor="ner.v2")
    got = {
        (f.relation.value, getattr(f.object, "name", ""), getattr(f.object, "type", ""))
        for f in facts
    }
    assert ("director", "Michael Mann", EntityType.PERSON) in got
    # without the model, rules.v2 reads "produced by Forward Pass" as a person; the model says organisation
    assert ("production_company", "Forward Pass", EntityType.PRODUCTION_COMPANY) in got
    assert not any(name == "Forward Pass" and typ is EntityType.PERSON for _, name, typ in got)
    assert all(f.evidence is not None and f.evidence.extractor == "ner.v2" for f in facts)
    load_model.cache_clear()
