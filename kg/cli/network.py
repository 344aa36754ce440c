"""``kg network``: build projections, write graph files, compute metrics, draw pictures.

Each subcommand builds its projection from the store (``--projection``, ``--roles``, ``--years``,
``--min-weight``) or reads a graph file written by ``kg network build`` (``--input``), then prints
a table, CSV or JSON (``--format``).
"""

from __future__ import annotations

import csv
import functools
import io
import json
import math
import os
from collections.abc import Callable, Sequence
from dataclasses import asdict
from pathlib import Path
from typing import Any, TypeVar, cast

import click

from ..errors import KGInputError
from ..network.communities import community_summary, detect_communities
from ..network.distributed import MEASURES, check_measures, run_distributed
from ..network.ego import ego_graph, ego_summary
from ..network.io import graph_format_for, write_graph
from ..network.metrics import (
    ARRAY_MEASURES,
    EXACT_LIMIT,
    centrality,
    default_backend,
    graph_stats,
    sparse_centrality,
    top_nodes,
)
from ..network.parquet import EDGES_FILE, NODES_FILE, write_parquet
from ..network.paths import collaboration_path, distance_distribution
from ..network.plot import plot_graph
from ..network.report import network_report
from ..network.source import GraphSource
from ..network.timeline import timeline
from ..progress import ticking
from .common import connect, store_path

__all__ = ["network"]

F = TypeVar("F", bound=Callable[..., Any])


def _graph_options(func: F) -> F:
    options = [
        click.option(
            "--projection",
            "-p",
            default="co-star",
            show_default=True,
            help="person-film, co-star, crew, director-actor, person-studio or film-film.",
        ),
        click.option(
            "--roles",
            default=None,
            help="Roles to count, comma-separated (e.g. cast_member,director).",
        ),
        click.option(
            "--years",
            default=None,
            help="Only films released in these years: 1990-2000, 1995, 1990-.",
        ),
        click.option(
            "--min-weight",
            type=int,
            default=1,
            show_default=True,
            help="Drop edges lighter than this.",
        ),
        click.option(
            "--endpoint",
            envvar="KG_ENDPOINT",
            default=None,
            help="Build from a SPARQL server's graphs (pushed with `kg push`) instead of the store; credentials from KG_USER/KG_PASSWORD or KG_TOKEN.",
        ),
        click.option(
            "--input",
            "input_path",
            type=click.Path(path_type=Path, dir_okay=False, exists=True),
            default=None,
            help="Read a graph file (from `kg network build`) instead of the store; the projection options are then ignored.",
        ),
    ]

    @functools.wraps(func)
    def with_source(
        *args: Any,
        projection: str,
        roles: str | None,
        years: str | None,
        min_weight: int,
        input_path: Path | None,
        endpoint: str | None,
        **kwargs: Any,
    ) -> Any:
        server = None
        if endpoint:
            server = connect(
                endpoint,
                user=os.environ.get("KG_USER"),
                password=os.environ.get("KG_PASSWORD"),
                token=os.environ.get("KG_TOKEN"),
            )
        source = GraphSource(
            projection,
            roles,
            years,
            min_weight,
            input_path,
            endpoint=server,
            store_path=store_path(click.get_current_context()),
        )
        return func(*args, graph_source=_Announced(source), **kwargs)

    wrapped: Any = with_source
    for option in reversed(options):
        wrapped = option(wrapped)
    return cast(F, wrapped)


class _Announced:
    """A :class:`GraphSource` whose ``load`` shows a timer on a terminal (building the co-star
    projection of the Wikidata table takes about 15 s)."""

    def __init__(self, source: GraphSource) -> None:
        self.source = source

    def __getattr__(self, name: str) -> Any:
        return getattr(self.source, name)

    def load(self, *, all_years: bool = False, films: bool = True) -> Any:
        what = self.source.input_path or f"the {self.source.projection} projection"
        with ticking(f"network: building {what}"):
            return self.source.load(all_years=all_years, films=films)


def _format_option(func: F) -> F:
    return click.option(
        "--format",
        "fmt",
        type=click.Choice(["table", "csv", "json"]),
        default="table",
        show_default=True,
        help="Output format.",
    )(func)


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        if math.isnan(value):
            return ""
        return f"{value:.6g}"
    if isinstance(value, list | tuple):
        return "; ".join(_cell(v) for v in value)
    return str(value)


def _emit(rows: Sequence[dict[str, Any]], fmt: str, *, data: Any = None) -> None:
    """Print ``rows`` as an aligned table or CSV, or ``data`` (default: the rows) as JSON."""
    if fmt == "json":
        click.echo(
            json.dumps(rows if data is None else data, indent=2, ensure_ascii=False, default=str)
        )
        return
    columns: list[str] = []
    for row in rows:
        for key in row:
            if key not in columns:
                columns.append(key)
    if fmt == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(columns)
        for row in rows:
            writer.writerow([_cell(row.get(c)) for c in columns])
        click.echo(buffer.getvalue(), nl=False)
        return
    cells = [[_cell(row.get(c))[:60] for c in columns] for row in rows]
    widths = [max([len(c)] + [len(r[i]) for r in cells]) for i, c in enumerate(columns)]
    click.echo("  ".join(c.ljust(w) for c, w in zip(columns, widths, strict=True)).rstrip())
    click.echo("  ".join("-" * w for w in widths))
    for r in cells:
        click.echo("  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip())


def _key_values(result: dict[str, Any]) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    for key, value in result.items():
        if isinstance(value, dict):
            rows += [{"metric": f"{key}.{k}", "value": v} for k, v in value.items()]
        else:
            rows.append({"metric": key, "value": value})
    return rows


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
def network() -> None:
    """Analyse the collaboration network: projections, metrics, communities, paths, pictures.

    \b
    Examples:
      kg network build -p co-star --years 1990-1999 -o costar-90s.graphml
      kg network stats -p co-star
      kg network centrality -p co-star --measure pagerank,betweenness --k 500 --top 20
      kg network path "Kevin Bacon" "Tom Cruise"
      kg network plot -p director-actor --min-weight 2 -o network.html
      kg network export-parquet -p co-star out/costar
      kg network distributed out/costar -o out/costar-measures --master spark://head:7077
    """


@network.command("build")
@_graph_options
@click.option(
    "--output",
    "-o",
    type=click.Path(path_type=Path, dir_okay=False),
    required=True,
    help="Graph file: .graphml, .gexf, .gml, .csv (edge list + FILE.nodes.csv) or .json.",
)
@click.pass_context
def build_cmd(
    ctx: click.Context,
    graph_source: GraphSource,
    output: Path,
) -> None:
    """Build a projection from the store and write it as a graph file (format from extension).

    \b
    Examples:
      kg network build -p co-star -o costar.graphml
      kg network build -p crew --roles director,cinematographer --years 1990-2000 -o crew.gexf
      kg network build -p film-film --min-weight 3 -o films.json
      kg network build -p co-star --endpoint http://localhost:8890/sparql -o costar.graphml
    """
    graph_format_for(output)  # fail on a bad extension before the work
    g = graph_source.load()
    write_graph(g, output)
    click.echo(
        f"wrote the {g.graph.get('projection', 'graph')} graph ({g.number_of_nodes():,} nodes, "
        f"{g.number_of_edges():,} edges) to {output}"
    )


@network.command("stats")
@_graph_options
@_format_option
@click.option(
    "--sample", type=int, default=None, help="Sources/nodes sampled on large graphs (default 500)."
)
@click.option("--seed", type=int, default=0, show_default=True, help="Random seed for sampling.")
@click.option(
    "--small-world", is_flag=True, help="Compare with a random graph of the same degrees."
)
@click.pass_context
def stats_cmd(
    ctx: click.Context,
    graph_source: GraphSource,
    fmt: str,
    sample: int | None,
    seed: int,
    small_world: bool,
) -> None:
    """Size, density, components, clustering, assortativity and path length of a projection.

    \b
    Examples:
      kg network stats -p co-star
      kg network stats -p crew --years 2000-2010 --small-world --format json
    """
    g = graph_source.load(films=False)  # metrics only: no film lists
    result = graph_stats(g, sample=sample, seed=seed, small_world_test=small_world, progress=True)
    _emit(_key_values(result), fmt, data=result)


@network.command("centrality")
@_graph_options
@_format_option
@click.option(
    "--measure",
    "-m",
    "measures",
    default="degree,weighted_degree,pagerank",
    show_default=True,
    help="Comma-separated: degree, weighted_degree, betweenness, closeness, eigenvector, pagerank.",
)
@click.option("--top", type=int, default=10, show_default=True, help="How many nodes to list.")
@click.option("--sort-by", default=None, help="Rank by this measure (default: the first).")
@click.option(
    "--k",
    type=int,
    default=None,
    help=f"Sample betweenness from K sources (0: exact; default: exact up to {EXACT_LIMIT:,} "
    "nodes, else 200 sources).",
)
@click.option(
    "--seed", type=int, default=0, show_default=True, help="Seed of the betweenness sample."
)
@click.option(
    "--backend",
    type=click.Choice(["auto", "networkx", "igraph"]),
    default="auto",
    show_default=True,
    help="Who computes pagerank/betweenness/closeness: igraph (same results, 20-40x faster; "
    "auto picks it when installed) or networkx.",
)
@click.pass_context
def centrality_cmd(
    ctx: click.Context,
    graph_source: GraphSource,
    fmt: str,
    measures: str,
    top: int,
    sort_by: str | None,
    k: int | None,
    seed: int,
    backend: str,
) -> None:
    """The most central people (or films) of a projection, with their labels.

    \b
    Examples:
      kg network centrality -p co-star --top 20
      kg network centrality -m betweenness,pagerank --k 500 --seed 1 --backend igraph
    """
    names = [m for m in measures.split(",") if m.strip()]
    chosen = default_backend() if backend == "auto" else backend
    arrays = None
    if chosen == "igraph" and all(m.strip() in ARRAY_MEASURES for m in names):
        arrays = graph_source.load_sparse()  # igraph from the arrays: no networkx graph at all
    g = arrays.node_graph() if arrays is not None else graph_source.load(films=False)
    n, edges = g.number_of_nodes(), (arrays or g).number_of_edges()
    if k == 0:
        k = None
    elif k is None and n > EXACT_LIMIT and "betweenness" in names:
        k = 200
        click.echo(
            f"kg: betweenness sampled from {k} of {n:,} sources (exact would take "
            f"{'about ' + _duration(n * _SECONDS_PER_SOURCE[chosen] * edges / 1e6)}); "
            "--k N for more, --k 0 for exact",
            err=True,
        )
    if k is not None and "betweenness" in names:
        estimate = k * _SECONDS_PER_SOURCE[chosen] * edges / 1e6
        if estimate > 60:
            faster = (
                " (pip install 'kg[igraph]' is about 30x faster)" if chosen == "networkx" else ""
            )
            click.echo(
                f"kg: betweenness from {k:,} sources on {n:,} nodes will take about "
                f"{_duration(estimate)} with {chosen}{faster}; a smaller --k answers sooner. "
                "Going on (Ctrl-C stops).",
                err=True,
            )
    if arrays is not None:
        scores = sparse_centrality(arrays, names, k=k, seed=seed, progress=True)
    else:
        scores = centrality(g, names, k=k, seed=seed, backend=chosen, progress=True)
    _emit(top_nodes(g, scores, n=top, by=sort_by), fmt)


_SECONDS_PER_SOURCE = {"networkx": 0.9, "igraph": 0.025}
"""Seconds one betweenness source takes per million edges (measured on the Wikidata co-star
graph, 1.7 M edges: networkx ~1.5 s, igraph ~0.04 s a source)."""


def _duration(seconds: float) -> str:
    """``"40 s"``, ``"12 min"``, ``"3.5 h"``."""
    if seconds < 90:
        return f"{seconds:.0f} s"
    if seconds < 5400:
        return f"{seconds / 60:.0f} min"
    return f"{seconds / 3600:.1f} h"


@network.command("communities")
@_graph_options
@_format_option
@click.option(
    "--method",
    type=click.Choice(["louvain", "label_propagation"]),
    default="louvain",
    show_default=True,
)
@click.option(
    "--seed", type=int, default=0, show_default=True, help="Random seed (same seed, same result)."
)
@click.option(
    "--resolution", type=float, default=1.0, show_default=True, help="Louvain resolution."
)
@click.option(
    "--top", type=int, default=10, show_default=True, help="How many communities to list."
)
@click.option(
    "--backend", type=click.Choice(["auto", "networkx", "igraph"]), default="auto",
    show_default=True,
    help="igraph's multilevel Louvain: about 9x faster, a different (similar-modularity) "
    "partition; auto picks it for Louvain when igraph is installed, networkx otherwise.",
)  # fmt: skip
@click.option(
    "--output",
    "-o",
    type=click.Path(path_type=Path, dir_okay=False),
    default=None,
    help="Also write the graph with a `community` attribute on each node.",
)
@click.pass_context
def communities_cmd(
    ctx: click.Context,
    graph_source: GraphSource,
    fmt: str,
    method: str,
    seed: int,
    resolution: float,
    top: int,
    backend: str,
    output: Path | None,
) -> None:
    """Find communities (Louvain or label propagation) and report modularity.

    \b
    Examples:
      kg network communities -p co-star --seed 42 --top 5
      kg network communities --method label_propagation --format json
      kg network communities -o costar-communities.gexf
    """
    if output is not None:
        graph_format_for(output)
    g = graph_source.load(films=output is not None)  # -o writes them
    with ticking(f"communities: {method}"):
        result = detect_communities(g, method, seed=seed, resolution=resolution, backend=backend)
    rows = community_summary(g, result, top=top)
    if output is not None:
        for node, index in result["membership"].items():
            g.nodes[node]["community"] = index
        write_graph(g, output)
    if fmt == "json":
        data = {k: v for k, v in result.items() if k not in ("membership", "communities")}
        data["communities"] = [[str(v) for v in c] for c in result["communities"]]
        _emit(rows, fmt, data=data)
        return
    if fmt == "table":
        click.echo(
            f"{result['count']} communities ({result['method']}, seed {seed}), "
            f"modularity {result['modularity']:.4f}"
        )
    _emit(rows, fmt)


@network.command("path")
@click.argument("source")
@click.argument("target", required=False)
@_graph_options
@_format_option
@click.pass_context
def path_cmd(
    ctx: click.Context,
    source: str,
    target: str | None,
    graph_source: GraphSource,
    fmt: str,
) -> None:
    """Shortest collaboration path between two people, with the films on each hop; or, given
    one person, how many people are 1, 2, 3... steps away.

    \b
    Examples:
      kg network path "Kevin Bacon" "Tom Cruise"
      kg network path "Kevin Bacon" --format json
      kg network path "Meryl Streep" "Jack Nicholson" -p crew
    """
    g = graph_source.load()
    if target is None:
        dist = distance_distribution(g, source)
        rows = [{"distance": d, "people": n} for d, n in dist["distribution"].items()]
        if fmt == "table":
            mean = dist["mean_distance"]
            click.echo(
                f"{dist['label']}: {dist['reachable']:,} reachable, {dist['unreachable']:,} not; "
                f"mean distance {mean:.3f}"
                if mean is not None
                else f"{dist['label']}: nobody reachable"
            )
        _emit(rows, fmt, data=dist)
        return
    result = collaboration_path(g, source, target)
    if result["distance"] is None:
        if fmt == "json":
            _emit([], fmt, data=result)
        click.echo(
            f"kg: {result['source_label']} and {result['target_label']} are not connected in the "
            f"{g.graph.get('projection', '')} graph",
            err=True,
        )
        ctx.exit(1)
    rows = [
        {"step": i, "from": h["from_label"], "to": h["to_label"], "films": h["films"]}
        for i, h in enumerate(result["hops"], start=1)
    ]
    if fmt == "table":
        click.echo(
            f"{result['source_label']} -> {result['target_label']}: distance {result['distance']}"
        )
    _emit(rows, fmt, data=result)


@network.command("ego")
@click.argument("person")
@_graph_options
@_format_option
@click.option("--radius", type=int, default=1, show_default=True, help="Hops from the person.")
@click.option("--top", type=int, default=20, show_default=True, help="How many ties to list.")
@click.option(
    "--output", "-o", type=click.Path(path_type=Path, dir_okay=False), default=None,
    help="Also write the ego network: a graph file (.graphml, ...) or a picture (.png, .svg, .html).",
)  # fmt: skip
@click.pass_context
def ego_cmd(
    ctx: click.Context,
    person: str,
    graph_source: GraphSource,
    fmt: str,
    radius: int,
    top: int,
    output: Path | None,
) -> None:
    """A person's ego network: their collaborators, strongest ties first.

    \b
    Examples:
      kg network ego "Kevin Bacon"
      kg network ego "Kevin Bacon" --radius 2 -o bacon.html
    """
    g = graph_source.load()
    summary = ego_summary(g, person, radius=radius, top=top)
    if output is not None:
        h = ego_graph(g, person, radius=radius)
        if output.suffix.lower() in (".png", ".svg", ".pdf", ".html"):
            plot_graph(h, output)
        else:
            write_graph(h, output)
    if fmt == "table":
        click.echo(
            f"{summary['label']}: {summary['nodes']:,} nodes, {summary['edges']:,} edges within "
            f"{radius} hop{'s' if radius != 1 else ''}"
        )
    _emit(summary["neighbours"], fmt, data=summary)


@network.command("timeline")
@_graph_options
@_format_option
@click.option("--step", type=int, default=1, show_default=True, help="Years between snapshots.")
@click.option(
    "--window", type=int, default=None, help="Count only the last N years (default: cumulative)."
)
@click.pass_context
def timeline_cmd(
    ctx: click.Context,
    graph_source: GraphSource,
    fmt: str,
    step: int,
    window: int | None,
) -> None:
    """Per-year snapshots of a projection and how its metrics change. ``--years`` picks the
    snapshot years; cumulative snapshots still count the films before them.

    \b
    Examples:
      kg network timeline -p co-star --years 1990-2000
      kg network timeline --step 5 --window 5 --format csv
    """
    g = graph_source.load(all_years=True)
    _emit(timeline(g, years=graph_source.years, step=step, window=window), fmt)


@network.command("report")
@_graph_options
@click.option(
    "--output", "-o", type=click.Path(path_type=Path, dir_okay=False), required=True,
    help="The report: one self-contained .html page.",
)  # fmt: skip
@click.option(
    "--seed", type=int, default=0, show_default=True, help="Seed of samples and baselines."
)
@click.option(
    "--top", type=int, default=10, show_default=True, help="People and communities listed."
)
@click.pass_context
def report_cmd(
    ctx: click.Context, graph_source: GraphSource, output: Path, seed: int, top: int
) -> None:
    """One page for a researcher: degree distribution (log-log, power law vs lognormal),
    clustering and path length against random and configuration-model baselines, assortativity,
    rich club, largest component, top people by several centralities, communities, growth by decade.

    \b
    Examples:
      kg network report -p co-star -o report.html
      kg network report -p crew --years 1990-1999 -o crew-90s.html
    """
    if output.suffix.lower() not in (".html", ".htm"):
        raise KGInputError("the report is an HTML page: give -o FILE.html", path=str(output))
    g = graph_source.load()
    summary = network_report(g, output, seed=seed, top=top, progress=True)
    fit = summary["degree_fit"]
    click.echo(
        f"wrote {output}: {summary['nodes']:,} nodes, {summary['edges']:,} edges; degree tail "
        f"{fit['preferred']}"
        + (f" (alpha {fit['alpha']:.2f})" if fit.get("alpha") else "")
        + f"; small-world sigma {summary['small_world_sigma'] or 0:.1f}"
    )


@network.command("plot")
@_graph_options
@click.option(
    "--output", "-o", type=click.Path(path_type=Path, dir_okay=False), required=True,
    help="Picture: .png, .svg, .pdf, or .html (interactive, opens without a server).",
)  # fmt: skip
@click.option(
    "--max-nodes", type=int, default=300, show_default=True, help="Draw the N best-connected nodes."
)
@click.option(
    "--labels", type=int, default=20, show_default=True, help="Name the N best-connected nodes."
)
@click.option("--seed", type=int, default=0, show_default=True, help="Layout and community seed.")
@click.pass_context
def plot_cmd(
    ctx: click.Context,
    graph_source: GraphSource,
    output: Path,
    max_nodes: int,
    labels: int,
    seed: int,
) -> None:
    """Draw a projection: layout, communities coloured, top nodes labelled.

    \b
    Examples:
      kg network plot -p co-star --min-weight 3 -o costar.png
      kg network plot -p director-actor --years 1990-1999 -o network.html
    """
    g = graph_source.load(films=False)  # metrics only: no film lists
    info = plot_graph(g, output, max_nodes=max_nodes, labels=labels, seed=seed)
    click.echo(
        f"drew {info['nodes']:,} nodes, {info['edges']:,} edges, {info['communities']} communities "
        f"to {output}"
    )


@network.command("export-parquet")
@_graph_options
@click.argument("directory", type=click.Path(path_type=Path, file_okay=False))
@click.pass_context
def export_parquet_cmd(ctx: click.Context, graph_source: GraphSource, directory: Path) -> None:
    """Write a projection as Parquet node and edge tables for a distributed engine.

    DIRECTORY gets nodes.parquet (id, node, label, ...) and edges.parquet (src, dst, weight,
    films, ...), with integer node ids; `kg network distributed` reads them, and so do Spark,
    DuckDB, Polars and pandas. Needs pyarrow: pip install 'kg[parquet]'.

    \b
    Examples:
      kg network export-parquet -p co-star out/costar
      kg network export-parquet -p crew --years 1990-1999 out/crew-90s
    """
    g = graph_source.load()
    with ticking("network: writing Parquet tables"):
        written = write_parquet(g, directory)
    click.echo(
        f"wrote the {g.graph.get('projection', 'graph')} graph to {directory}/: "
        f"{written.node_count:,} nodes ({NODES_FILE}), {written.edge_count:,} edges ({EDGES_FILE})"
    )


def _conf_pairs(values: Sequence[str]) -> dict[str, str]:
    conf: dict[str, str] = {}
    for item in values:
        key, sep, value = item.partition("=")
        if not sep or not key.strip():
            raise KGInputError(f"--conf {item!r}: write KEY=VALUE, e.g. spark.executor.memory=8g")
        conf[key.strip()] = value.strip()
    return conf


@network.command("distributed")
@click.argument("tables")
@_format_option
@click.option(
    "--output",
    "-o",
    required=True,
    help="Where the engine writes the result table (Parquet: id, node, label, one column per measure).",
)
@click.option(
    "--engine", default="spark", show_default=True,
    help="The distributed engine: spark (Spark GraphX through pyspark), or one a plugin registers.",
)  # fmt: skip
@click.option(
    "--measure", "measures", default=",".join(MEASURES), show_default=True,
    help="Comma-separated: pagerank, components, lpa (label propagation).",
)  # fmt: skip
@click.option(
    "--master", default=None,
    help="Cluster URL: spark://HOST:7077, yarn, k8s://https://HOST:443 (default: local[*], this machine).",
)  # fmt: skip
@click.option(
    "--conf", "conf", multiple=True, metavar="KEY=VALUE",
    help="Engine setting, repeatable (e.g. spark.executor.memory=8g).",
)  # fmt: skip
@click.option("--damping", type=float, default=0.85, show_default=True, help="PageRank damping.")
@click.option(
    "--tol", type=float, default=1e-6, show_default=True,
    help="PageRank stops when no rank (ranks summing to n) moves more than this.",
)  # fmt: skip
@click.option(
    "--lpa-steps", type=int, default=5, show_default=True, help="Label propagation supersteps."
)
@click.pass_context
def distributed_cmd(
    ctx: click.Context,
    tables: str,
    fmt: str,
    output: str,
    engine: str,
    measures: str,
    master: str | None,
    conf: tuple[str, ...],
    damping: float,
    tol: float,
    lpa_steps: int,
) -> None:
    """PageRank, connected components and label propagation on a distributed engine.

    TABLES is a directory written by `kg network export-parquet` (a local path, or a URL the
    cluster reads: hdfs://..., s3a://...). Runs on this machine in Spark local mode unless
    --master names a cluster. Needs pyspark and Java 17: pip install 'kg[spark]'.

    \b
    Examples:
      kg network export-parquet -p co-star out/costar
      kg network distributed out/costar -o out/costar-measures
      kg network distributed hdfs:///kg/costar -o hdfs:///kg/costar-measures \\
          --master yarn --conf spark.executor.memory=8g
    """
    chosen = check_measures(measures)
    with ticking(f"network: {', '.join(chosen)} on {engine}"):
        result = run_distributed(
            tables,
            output,
            engine=engine,
            measures=chosen,
            master=master,
            damping=damping,
            tol=tol,
            lpa_steps=lpa_steps,
            conf=_conf_pairs(conf),
        )
    if fmt == "json":
        _emit([], fmt, data=asdict(result))
        return
    rows = [{"step": step, "seconds": round(s, 2)} for step, s in result.seconds.items()]
    if fmt == "table":
        click.echo(
            f"{result.version} on {result.master}: {result.nodes:,} nodes, {result.edges:,} edges; "
            f"wrote {result.output}"
        )
        for measure in ("components", "lpa"):
            if measure in result.summary:
                found = result.summary[measure]
                name = "components" if measure == "components" else "label propagation communities"
                click.echo(
                    f"{found['count']:,} {name}, the largest with {found['largest']:,} nodes"
                )
        if "pagerank" in result.summary:
            click.echo("top PageRank:")
            _emit(result.summary["pagerank"]["top"], fmt)
    _emit(rows, fmt)
