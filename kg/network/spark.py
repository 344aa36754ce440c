"""The ``spark`` engine of :func:`~kg.network.distributed.run_distributed`: Spark GraphX via pyspark.

GraphX's own algorithms do the work (``org.apache.spark.graphx.lib.PageRank``,
``ConnectedComponents``, ``LabelPropagation``), called through pyspark's JVM gateway. Its jar
ships inside the pyspark wheel, so nothing is downloaded at run time; GraphFrames was the other
candidate, but its Python package (``graphframes-py``) ships no jar and Spark would fetch one from
Maven. Edges are read from Parquet as a DataFrame and handed to GraphX as ``(src, dst)`` tuples
in both directions (our projections are undirected); nodes without edges stay in the graph.

- PageRank: ``PageRank.runUntilConvergence`` (unweighted, reset probability ``1 - damping``),
  divided by its sum so that ranks sum to 1 as igraph's and networkx's do.
- Components: the smallest node id of each connected component.
- Label propagation: GraphX's synchronous version (``lpa_steps`` supersteps; ties go to the
  smallest label), so its communities differ from igraph's asynchronous, randomised ones; each
  lies within one component.

>>> local_master(None), local_master("spark://head:7077")
('local[*]', 'spark://head:7077')
"""

from __future__ import annotations

import os
import shutil
import time
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from ..errors import KGError, KGInputError
from .distributed import DistributedResult
from .parquet import EDGES_FILE, NODES_FILE

__all__ = ["DEFAULT_CONF", "LOCAL_CONF", "local_master", "run_spark", "spark_session"]

DEFAULT_CONF: dict[str, str] = {
    "spark.serializer": "org.apache.spark.serializer.KryoSerializer",
    "spark.ui.showConsoleProgress": "false",
}
"""Settings for every master: Kryo, as the GraphX guide advises (label propagation's messages are
maps; with edges stored one way and Kryo it took 227 s instead of 503 s on the Wikidata co-star
graph), and no console progress bars; ``conf`` overrides them."""

LOCAL_CONF: dict[str, str] = {
    "spark.ui.enabled": "false",
    "spark.sql.shuffle.partitions": "8",
    "spark.default.parallelism": "8",
    "spark.driver.memory": "4g",
}
"""Settings for local mode (no web UI, few partitions, a 4 GB driver); ``conf`` overrides them."""


def local_master(master: str | None) -> str:
    """The Spark master URL: ``master``, or ``local[*]`` (all cores of this machine) when unset."""
    return master or "local[*]"


def _check_java() -> None:
    home = os.environ.get("JAVA_HOME")
    if home and (Path(home) / "bin" / "java").exists():
        return
    if shutil.which("java") is None:
        raise KGError(
            "Spark needs Java 17 or later: install it (apt-get install openjdk-17-jre-headless) "
            "or set JAVA_HOME"
        )


@contextmanager
def spark_session(
    master: str | None = None, conf: Mapping[str, str] | None = None
) -> Iterator[Any]:
    """A SparkSession on ``master`` (default ``local[*]``), stopped on exit.

    Raises
    ------
    KGError
        pyspark is not installed (install the ``spark`` extra) or Java is missing.
    """
    try:
        from pyspark.sql import SparkSession
    except ImportError as err:
        raise KGError(
            "the spark engine needs pyspark: pip install 'kg[spark]' (and Java 17)"
        ) from err
    _check_java()
    url = local_master(master)
    settings = dict(DEFAULT_CONF)
    if url.startswith("local"):
        settings.update(LOCAL_CONF)
    settings.update(conf or {})
    builder = SparkSession.builder.master(url).appName("kg network distributed")
    for key, value in settings.items():
        builder = builder.config(key, value)
    try:
        session = builder.getOrCreate()
    except Exception as err:  # the JVM failed to start or to reach the master
        raise KGError(f"Spark did not start on {url}: {err}") from err
    session.sparkContext.setLogLevel("ERROR")
    try:
        yield session
    finally:
        session.stop()


def _location(path: str, *, must_exist: bool) -> str:
    """A URL as given (``hdfs://...``); a local path made absolute and, for input, checked."""
    if "://" in path:
        return path
    local = Path(path).resolve()
    if must_exist:
        for name in (NODES_FILE, EDGES_FILE):
            if not (local / name).exists():
                raise KGInputError(
                    f"no {name} here: write the tables with `kg network export-parquet`",
                    path=str(local),
                )
    return str(local)


class _GraphX:
    """GraphX calls through the JVM gateway of one session."""

    def __init__(self, spark: Any) -> None:
        self.spark = spark
        jvm = spark.sparkContext._jvm
        self.jvm = jvm
        self.lib = jvm.org.apache.spark.graphx.lib
        self.encoders = jvm.org.apache.spark.sql.Encoders
        self.level = jvm.org.apache.spark.storage.StorageLevel.MEMORY_AND_DISK()
        self.int_tag = jvm.scala.reflect.ClassTag.Int()

    def tuples(self, frame: Any, second: Any) -> Any:
        """The JVM ``RDD[(Long, second)]`` of a two-column DataFrame."""
        encoder = self.encoders.tuple(self.encoders.scalaLong(), second)
        return getattr(frame._jdf, "as")(encoder).rdd()

    def graph(self, nodes: Any, edges: Any, *, both_ways: bool) -> Any:
        """``Graph[Int, Int]`` with every node of ``nodes`` and the edges of ``edges``, in both
        directions if ``both_ways`` (PageRank's walk is directed; components and label propagation
        already send along each edge both ways, so one direction gives the same answer faster)."""
        from pyspark.sql import functions as F

        vertices = self.tuples(
            nodes.select(F.col("id").cast("long"), F.lit(1).alias("a")),
            self.encoders.scalaInt(),
        )
        pairs = edges.select(F.col("src").cast("long"), F.col("dst").cast("long"))
        if both_ways:
            pairs = pairs.union(pairs.select(F.col("dst").alias("src"), F.col("src").alias("dst")))
        graphx = self.jvm.org.apache.spark.graphx.Graph
        skeleton = graphx.fromEdgeTuples(
            self.tuples(pairs, self.encoders.scalaLong()),
            1,
            self.jvm.scala.Option.empty(),
            self.level,
            self.level,
            self.int_tag,
        )
        tag = self.int_tag
        return graphx.apply(vertices, skeleton.edges(), 1, self.level, self.level, tag, tag).cache()

    def frame(self, vertices: Any, value: Any, name: str) -> Any:
        """A DataFrame ``(id, name)`` of a JVM ``VertexRDD``."""
        from pyspark.sql import DataFrame

        encoder = self.encoders.tuple(self.encoders.scalaLong(), value)
        dataset = self.spark._jsparkSession.createDataset(vertices, encoder)
        return DataFrame(dataset.toDF(), self.spark).toDF("id", name)

    def pagerank(self, graph: Any, damping: float, tol: float) -> Any:
        from pyspark.sql import functions as F

        ranked = self.lib.PageRank.runUntilConvergence(
            graph, tol, 1.0 - damping, self.int_tag, self.int_tag
        )
        raw = self.frame(ranked.vertices(), self.encoders.scalaDouble(), "pagerank")
        total = raw.agg(F.sum("pagerank")).first()[0]
        return raw.select("id", (F.col("pagerank") / F.lit(total)).alias("pagerank"))

    def components(self, graph: Any) -> Any:
        found = self.lib.ConnectedComponents.run(graph, self.int_tag, self.int_tag)
        return self.frame(found.vertices(), self.encoders.scalaLong(), "component")

    def lpa(self, graph: Any, steps: int) -> Any:
        found = self.lib.LabelPropagation.run(graph, steps, self.int_tag)
        return self.frame(found.vertices(), self.encoders.scalaLong(), "lpa")


def _groups(frame: Any, column: str) -> dict[str, int]:
    from pyspark.sql import functions as F

    sizes = frame.groupBy(column).count()
    row = sizes.agg(F.count("*").alias("n"), F.max("count").alias("largest")).first()
    return {"count": int(row["n"]), "largest": int(row["largest"] or 0)}


def run_spark(
    tables: str,
    output: str,
    *,
    measures: list[str],
    master: str | None,
    damping: float,
    tol: float,
    lpa_steps: int,
    conf: Mapping[str, str],
) -> DistributedResult:
    """Run ``measures`` with Spark GraphX (see :func:`~kg.network.distributed.run_distributed`).

    Examples
    --------
    >>> import networkx as nx, tempfile, pathlib
    >>> from kg.network.parquet import write_parquet
    >>> tmp = pathlib.Path(tempfile.mkdtemp())
    >>> _ = write_parquet(nx.Graph([("a", "b"), ("c", "d")]), tmp / "in")
    >>> result = run_spark(str(tmp / "in"), str(tmp / "out"), measures=["components"],
    ...     master="local[1]", damping=0.85, tol=1e-6, lpa_steps=5, conf={})  # doctest: +SKIP
    >>> result.summary["components"]  # doctest: +SKIP
    {'count': 2, 'largest': 2}
    """
    source = _location(tables, must_exist=True)
    target = _location(output, must_exist=False)
    seconds: dict[str, float] = {}
    clock = time.perf_counter()
    with spark_session(master, conf) as spark:
        seconds["start"] = time.perf_counter() - clock
        clock = time.perf_counter()
        gx = _GraphX(spark)
        nodes = spark.read.parquet(f"{source}/{NODES_FILE}")
        edges = spark.read.parquet(f"{source}/{EDGES_FILE}")
        wanted = {measure == "pagerank" for measure in measures}  # both ways for PageRank
        graphs = {both: gx.graph(nodes, edges, both_ways=both) for both in wanted}
        counts = {both: int(graph.edges().count()) for both, graph in graphs.items()}
        n_edges = counts[False] if False in counts else counts[True] // 2
        n_nodes = int(next(iter(graphs.values())).vertices().count())
        seconds["load"] = time.perf_counter() - clock
        keep = [c for c in ("id", "node", "label") if c in nodes.columns]
        result = nodes.select(*keep)
        summary: dict[str, Any] = {}
        for measure in measures:
            clock = time.perf_counter()
            if measure == "pagerank":
                values = gx.pagerank(graphs[True], damping, tol).cache()
            elif measure == "components":
                values = gx.components(graphs[False]).cache()
            else:
                values = gx.lpa(graphs[False], lpa_steps).cache()
            values.count()
            seconds[measure] = time.perf_counter() - clock
            result = result.join(values, "id", "left")
            if measure == "pagerank":
                top = values.join(nodes.select(*keep), "id").orderBy("pagerank", ascending=False)
                summary[measure] = {
                    "top": [row.asDict() for row in top.drop("id").limit(10).collect()]
                }
            else:
                summary[measure] = _groups(
                    values, "component" if measure == "components" else measure
                )
        clock = time.perf_counter()
        result.orderBy("id").write.mode("overwrite").parquet(target)
        seconds["write"] = time.perf_counter() - clock
        for graph in graphs.values():
            graph.unpersist(False)
        return DistributedResult(
            engine="spark",
            master=local_master(master),
            output=target,
            nodes=n_nodes,
            edges=n_edges,
            measures=list(measures),
            seconds=seconds,
            summary=summary,
            version=f"Spark {spark.version} (GraphX)",
        )
