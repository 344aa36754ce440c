"""Network measures on a distributed engine, read from the Parquet tables of a projection.

The tables come from :func:`~kg.network.parquet.write_parquet` (``kg network export-parquet``);
an engine reads them, computes PageRank, connected components and label propagation, and writes
one Parquet result table (``id``, ``node``, ``label`` and a column per measure). Engines are
existing systems, registered by name and imported only when used:

- ``spark``: Apache Spark GraphX, through pyspark (the ``spark`` extra; Java 17). Local mode by
  default (``master=None`` means ``local[*]``); a cluster with ``master="spark://host:7077"``,
  ``"yarn"`` or ``"k8s://..."``, reading and writing paths the cluster sees (``hdfs://``,
  ``s3a://``...).

>>> ENGINES.names()
['spark']
>>> check_measures("pagerank,lpa")
['pagerank', 'lpa']
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from ..errors import UnknownNameError
from ..registry import Registry

__all__ = [
    "ENGINES",
    "MEASURES",
    "DistributedResult",
    "check_measures",
    "run_distributed",
]

MEASURES = ("pagerank", "components", "lpa")
"""Measures every engine computes: PageRank (unweighted, summing to 1), connected components
(``component``: the smallest node id in it) and label propagation communities (``lpa``: a label
shared by the members)."""

Engine = Callable[..., "DistributedResult"]
"""An engine: ``(tables, output, *, measures, master, damping, tol, lpa_steps, conf)`` ->
:class:`DistributedResult` (see :func:`kg.network.spark.run_spark`)."""

ENGINES: Registry[Engine] = Registry("engine", group="kg.engines")
"""Registered engines by name (a :class:`kg.registry.Registry`, imported on first use; plugin
packages add engines through the entry-point group ``kg.engines``)."""
ENGINES.register("spark", "kg.network.spark:run_spark")


@dataclass
class DistributedResult:
    """What an engine computed: where it wrote, on what, how long each step took, a summary.

    ``seconds`` has one entry per step (``start``, ``load``, each measure, ``write``);
    ``summary`` has per measure the figures printed by ``kg network distributed``.
    """

    engine: str
    master: str
    output: str
    nodes: int
    edges: int
    measures: list[str]
    seconds: dict[str, float] = field(default_factory=dict)
    summary: dict[str, Any] = field(default_factory=dict)
    version: str = ""


def check_measures(measures: str | Iterable[str]) -> list[str]:
    """The measures named (comma-separated text or a list), checked against :data:`MEASURES`.

    >>> check_measures(["components"])
    ['components']
    >>> check_measures("pagerank,closeness")  # doctest: +IGNORE_EXCEPTION_DETAIL
    Traceback (most recent call last):
    kg.errors.UnknownNameError: unknown measure 'closeness'; use pagerank, components or lpa
    """
    names = measures.split(",") if isinstance(measures, str) else list(measures)
    chosen = [m.strip() for m in names if m.strip()]
    for name in chosen:
        if name not in MEASURES:
            raise UnknownNameError(
                f"unknown measure {name!r}; use pagerank, components or lpa (comma-separated)"
            )
    if not chosen:
        raise UnknownNameError("no measure given; use pagerank, components or lpa")
    return list(dict.fromkeys(chosen))


def run_distributed(
    tables: str,
    output: str,
    *,
    engine: str = "spark",
    measures: str | Iterable[str] = MEASURES,
    master: str | None = None,
    damping: float = 0.85,
    tol: float = 1e-6,
    lpa_steps: int = 5,
    conf: Mapping[str, str] | None = None,
) -> DistributedResult:
    """Compute ``measures`` on the Parquet tables in ``tables`` with ``engine``; write ``output``.

    Parameters
    ----------
    tables : the directory (local path or a URL the engine reads: ``hdfs://``, ``s3a://``)
        holding ``nodes.parquet`` and ``edges.parquet`` from ``kg network export-parquet``.
    output : where the engine writes the result table (Parquet; replaced if present).
    engine : a name from :data:`ENGINES`.
    measures : some of :data:`MEASURES`.
    master : the engine's cluster URL; ``None`` runs on this machine (Spark ``local[*]``).
    damping : PageRank's damping factor (the reset probability is ``1 - damping``).
    tol : PageRank stops when no node's rank changes by more than this (ranks summing to n).
    lpa_steps : label propagation supersteps.
    conf : engine settings, e.g. ``{"spark.executor.memory": "8g"}``.

    Returns
    -------
    DistributedResult

    Raises
    ------
    UnknownNameError
        An unknown engine or measure.
    KGError
        The engine is not installed (the message says which extra to install) or cannot start.
    KGInputError
        ``tables`` lacks the node or edge table.

    Examples
    --------
    >>> run_distributed("t", "o", engine="dask")  # doctest: +IGNORE_EXCEPTION_DETAIL
    Traceback (most recent call last):
    kg.errors.UnknownNameError: unknown engine 'dask'; Known: spark
    """
    chosen = check_measures(measures)
    run = ENGINES.get(engine)
    return run(
        tables,
        output,
        measures=chosen,
        master=master,
        damping=damping,
        tol=tol,
        lpa_steps=lpa_steps,
        conf=dict(conf or {}),
    )
