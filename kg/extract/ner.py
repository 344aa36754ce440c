"""``ner.v1``: the rule extractor plus a statistical spaCy NER pipeline the user installed (optional).

Used only where installed, never required: ``kg`` downloads nothing.  The pipeline is named by
``$KG_NER_MODEL`` (a package name such as ``en_core_web_sm`` or a path to a pipeline directory;
default ``en_core_web_sm``).  No official English pipeline is on the package index here; install
one from a wheel file or use a local directory::

    pip install ./en_core_web_sm-3.8.0-py3-none-any.whl   # a wheel you downloaded elsewhere
    export KG_NER_MODEL=en_core_web_sm                     # or KG_NER_MODEL=/path/to/pipeline
    kg eval dev.jsonl --extractor ner.v1

What it adds to ``rules.v1``: PERSON and ORG mentions found by the model are candidates the rules
did not see.  A one-word person name the article did not resolve ("Mann") takes the one PERSON
mention that ends with it ("Michael Mann"); a name the rules read as a person but the model tags
as an organisation ("produced by Forward Pass") becomes a production company.  Film titles still come from the rules
(statistical English NER does not find film titles).

>>> import os
>>> os.environ["KG_NER_MODEL"] = "no_such_pipeline"
>>> from kg.model import Document
>>> extract(Document("d", "Heat was directed by Michael Mann."))
Traceback (most recent call last):
...
kg.errors.KGInputError: the ner.v1 extractor needs a spaCy pipeline with NER, but 'no_such_pipeline' is not installed: install one from a wheel file (pip install ./en_core_web_sm-3.8.0-py3-none-any.whl) or set KG_NER_MODEL to a pipeline directory; the default extractor rules.v1 needs none
>>> del os.environ["KG_NER_MODEL"]
"""

from __future__ import annotations

import os
from dataclasses import replace
from functools import lru_cache
from typing import Any

from ..errors import KGInputError
from ..model import Document, EntityRef, EntityType, Fact, Relation
from .rules import extract as rules_extract
from .titles import Gazetteer

__all__ = ["DEFAULT_MODEL", "EXTRACTOR_NAME", "extract", "load_model"]

EXTRACTOR_NAME = "ner.v1"
DEFAULT_MODEL = "en_core_web_sm"

_ORG_RELATIONS = frozenset({Relation.PRODUCER})
"""Relations whose object the rules may read as a person or an organisation."""


@lru_cache(maxsize=4)
def load_model(name: str) -> Any:
    """The installed spaCy pipeline ``name`` (a package or a directory), with only NER enabled."""
    import spacy

    try:
        nlp = spacy.load(name, exclude=["parser", "lemmatizer", "textcat"])
    except (OSError, ImportError) as err:
        raise KGInputError(
            f"the ner.v1 extractor needs a spaCy pipeline with NER, but {name!r} is not installed: "
            "install one from a wheel file (pip install ./en_core_web_sm-3.8.0-py3-none-any.whl) "
            "or set KG_NER_MODEL to a pipeline directory; the default extractor rules.v1 needs none"
        ) from err
    if "ner" not in nlp.pipe_names:
        raise KGInputError(
            f"the spaCy pipeline {name!r} has no 'ner' component; install one that does"
        )
    return nlp


def extract(document: Document, gazetteer: Gazetteer | None = None) -> list[Fact]:
    """Facts of ``rules.v1`` with person/organisation mentions from the installed NER model."""
    nlp = load_model(os.environ.get("KG_NER_MODEL") or DEFAULT_MODEL)
    facts = rules_extract(document, gazetteer)
    if not facts:
        return facts
    persons: set[str] = set()
    orgs: set[str] = set()
    for ent in nlp(document.text).ents:
        if ent.label_ == "PERSON" and len(ent.text.split()) >= 2:
            persons.add(ent.text)
        elif ent.label_ == "ORG":
            orgs.add(ent.text)
    by_last: dict[str, set[str]] = {}
    for name in persons:
        by_last.setdefault(name.split()[-1], set()).add(name)
    out: list[Fact] = []
    for fact in facts:
        obj = fact.object
        relation = fact.relation
        if isinstance(obj, EntityRef) and obj.type is EntityType.PERSON:
            if obj.name in orgs and relation in _ORG_RELATIONS:
                obj = EntityRef(EntityType.PRODUCTION_COMPANY, obj.name)
                relation = Relation.PRODUCTION_COMPANY
            elif len(obj.name.split()) == 1 and len(by_last.get(obj.name, ())) == 1:
                (full,) = by_last[obj.name]
                obj = replace(obj, name=full, aliases=(obj.name,))
        evidence = replace(fact.evidence, extractor=EXTRACTOR_NAME) if fact.evidence else None
        out.append(replace(fact, relation=relation, object=obj, evidence=evidence))
    return out
