"""``ner.v2``: the rule extractor plus a statistical spaCy NER pipeline the user installed (optional).

Used only where installed, never required: ``kg`` downloads nothing.  The pipeline is named by
``$KG_NER_MODEL`` (a package name such as ``en_core_web_sm`` or a path to a pipeline directory;
default ``en_core_web_sm``).  No official English pipeline is on the package index here; install
one from a wheel file or use a local directory::

    pip install ./en_core_web_sm-3.8.0-py3-none-any.whl   # a wheel you downloaded elsewhere
    export KG_NER_MODEL=en_core_web_sm                     # or KG_NER_MODEL=/path/to/pipeline
    kg eval dev.jsonl --extractor ner.v2

What it adds to ``rules.v2``: the model's PERSON and ORG mentions tell the rules what a name is
(they join the gazetteer, beside what the store knows), so "produced by Forward Pass" is a
company when the model says so, and "Mann" is Michael Mann when the model found him.  Film titles
still come from the rules (statistical English NER does not find film titles).

>>> import os
>>> os.environ["KG_NER_MODEL"] = "no_such_pipeline"
>>> from kg.model import Document
>>> extract(Document("d", "Heat was directed by Michael Mann."))
Traceback (most recent call last):
...
kg.errors.KGInputError: the ner.v2 extractor needs a spaCy pipeline with NER, but 'no_such_pipeline' is not installed: install one from a wheel file (pip install ./en_core_web_sm-3.8.0-py3-none-any.whl) or set KG_NER_MODEL to a pipeline directory; the default extractor rules.v2 needs none
>>> del os.environ["KG_NER_MODEL"]
"""

from __future__ import annotations

import os
from dataclasses import replace
from functools import lru_cache
from typing import Any

from ..errors import KGInputError
from ..model import Document, EntityRef, EntityType, Fact
from .engine import extract as rules_extract
from .gazetteer import Gazetteer

__all__ = ["DEFAULT_MODEL", "EXTRACTOR_NAME", "extract", "load_model"]

EXTRACTOR_NAME = "ner.v2"
DEFAULT_MODEL = "en_core_web_sm"


@lru_cache(maxsize=4)
def load_model(name: str) -> Any:
    """The installed spaCy pipeline ``name`` (a package or a directory), with only NER enabled."""
    import spacy

    try:
        nlp = spacy.load(name, exclude=["parser", "lemmatizer", "textcat"])
    except (OSError, ImportError) as err:
        raise KGInputError(
            f"the ner.v2 extractor needs a spaCy pipeline with NER, but {name!r} is not installed: "
            "install one from a wheel file (pip install ./en_core_web_sm-3.8.0-py3-none-any.whl) "
            "or set KG_NER_MODEL to a pipeline directory; the default extractor rules.v2 needs none"
        ) from err
    if "ner" not in nlp.pipe_names:
        raise KGInputError(
            f"the spaCy pipeline {name!r} has no 'ner' component; install one that does"
        )
    return nlp


def extract(document: Document, gazetteer: Gazetteer | None = None) -> list[Fact]:
    """Facts of ``rules.v2`` where the installed NER model also says which names are people and
    which are organisations: its PERSON and ORG mentions join the gazetteer the rules read."""
    nlp = load_model(os.environ.get("KG_NER_MODEL") or DEFAULT_MODEL)
    known = Gazetteer()
    if gazetteer is not None:
        known.entries.update(gazetteer.entries)
        known.kinds.update(gazetteer.kinds)
    for ent in nlp(document.text).ents:
        if ent.label_ == "PERSON" and len(ent.text.split()) >= 2:
            known.add(EntityRef(EntityType.PERSON, ent.text))
        elif ent.label_ == "ORG":
            known.add(EntityRef(EntityType.ORGANIZATION, ent.text))
    facts = rules_extract(document, known)
    return [
        replace(f, evidence=replace(f.evidence, extractor=EXTRACTOR_NAME)) if f.evidence else f
        for f in facts
    ]
