"""Extractors by versioned name (``rules.v2``): article text -> :class:`~kg.model.Fact` objects.

Built-in extractors are registered the same way as add-ons and imported lazily on first use.

>>> from kg.model import Document
>>> facts = extract(Document("d", "Heat (1995) was directed by Michael Mann."))
>>> [(f.subject.name, f.relation.value, f.object.name) for f in facts if f.relation.value == "director"]
[('Heat', 'director', 'Michael Mann')]
>>> "rules.v2" in available_extractors()
True
"""

from __future__ import annotations

from collections.abc import Callable

from ..model import Document, Fact
from ..registry import Registry
from .gazetteer import Gazetteer

__all__ = [
    "DEFAULT_EXTRACTOR",
    "EXTRACTORS",
    "Extractor",
    "Gazetteer",
    "available_extractors",
    "extract",
    "get_extractor",
    "register_extractor",
]

Extractor = Callable[[Document, Gazetteer | None], list[Fact]]
"""``extract(document, gazetteer) -> list[Fact]``."""

DEFAULT_EXTRACTOR = "rules.v2"

EXTRACTORS: Registry[Extractor] = Registry("extractor", group="kg.extractors")
"""Extractors by versioned name; plugins add theirs through the ``kg.extractors`` entry points."""
EXTRACTORS.register("rules.v2", "kg.extract.engine:extract")
EXTRACTORS.register("ner.v2", "kg.extract.ner:extract")  # optional: needs a spaCy NER pipeline


def register_extractor(name: str, func: Extractor | str) -> None:
    """Register ``func`` (or a ``"module:function"`` path, imported on first use) as ``name``.

    Names carry a version (``"rules.v2"``) that is recorded in each fact's provenance.
    """
    EXTRACTORS.register(name, func)


def available_extractors() -> list[str]:
    """Names of the registered extractors."""
    return EXTRACTORS.names()


def get_extractor(name: str = DEFAULT_EXTRACTOR) -> Extractor:
    """The extractor registered as ``name``; raises :class:`~kg.errors.UnknownNameError`."""
    return EXTRACTORS.get(name)


def extract(
    document: Document, gazetteer: Gazetteer | None = None, *, extractor: str = DEFAULT_EXTRACTOR
) -> list[Fact]:
    """Facts stated in ``document``, by the extractor named ``extractor``."""
    return get_extractor(extractor)(document, gazetteer)
