"""The rule families of the ``rules.v2`` extractor, one module each, as data (:class:`Rule` records).

Each family lists the wordings of one kind of statement; :mod:`kg.extract.engine` runs them all.
Confidences are not written here: they are calibrated from the development sets
(``kg/extract/data/calibration.json``, rebuilt by ``tools/calibrate.py``).

>>> len(ALL_RULES) > 30 and len({r.name for r in ALL_RULES}) == len(ALL_RULES)
True
"""

from __future__ import annotations

from ..patterns import Rule
from . import awards, cast, companies, country, crew, releases, sources

__all__ = ["ALL_RULES", "FAMILIES"]

FAMILIES: dict[str, tuple[Rule, ...]] = {
    "cast": cast.RULES,
    "crew": crew.RULES,
    "companies": companies.RULES,
    "releases": releases.RULES,
    "sources": sources.RULES,
    "country": country.RULES,
    "awards": awards.RULES,
}
"""Every family by name."""

ALL_RULES: tuple[Rule, ...] = tuple(rule for rules in FAMILIES.values() for rule in rules)
"""Every rule, in the order they are tried."""
