"""The shape of the code: no import cycles, imports at the top, each stage importing only earlier ones.

The import graph is read from the source (the AST of each module under ``kg/``), not by importing
it: an edge for every import that runs when the module is imported (``TYPE_CHECKING`` blocks and
function bodies excluded), including ``from . import x`` and the ``__init__`` of every package an
import enters from outside.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import networkx as nx

import kg

ROOT = Path(kg.__file__).resolve().parent


@dataclass(frozen=True)
class Import:
    """One import of a kg module: who imports what, where, and whether it runs at import time."""

    source: str
    target: str
    line: int
    runtime: bool  # False: under `if TYPE_CHECKING:`
    in_function: bool


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _modules() -> dict[str, Path]:
    return {_module_name(p): p for p in sorted(ROOT.rglob("*.py"))}


MODULES = _modules()


def _is_type_checking(test: ast.expr) -> bool:
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _targets(module: str, node: ast.Import | ast.ImportFrom) -> Iterator[str]:
    """The kg modules an import statement loads."""
    if isinstance(node, ast.Import):
        for alias in node.names:
            if alias.name == "kg" or alias.name.startswith("kg."):
                yield alias.name
        return
    if node.level:
        package = module if MODULES[module].name == "__init__.py" else module.rpartition(".")[0]
        for _ in range(node.level - 1):
            package = package.rpartition(".")[0]
        base = f"{package}.{node.module}" if node.module else package
    else:
        base = node.module or ""
    if base != "kg" and not base.startswith("kg."):
        return
    for alias in node.names:
        submodule = f"{base}.{alias.name}"
        yield submodule if submodule in MODULES else base


def _imports(module: str) -> Iterator[Import]:
    tree = ast.parse(MODULES[module].read_text(encoding="utf-8"))

    def walk(body: list[ast.stmt], runtime: bool, in_function: bool) -> Iterator[Import]:
        for node in body:
            if isinstance(node, ast.Import | ast.ImportFrom):
                for target in _targets(module, node):
                    yield Import(module, target, node.lineno, runtime, in_function)
            elif isinstance(node, ast.If):
                checking = _is_type_checking(node.test)
                yield from walk(node.body, runtime and not checking, in_function)
                yield from walk(node.orelse, runtime, in_function)
            elif isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                yield from walk(node.body, runtime, True)
            elif isinstance(node, ast.ClassDef | ast.With | ast.For | ast.While):
                yield from walk(node.body, runtime, in_function)
            elif isinstance(node, ast.Try):
                for block in (node.body, node.orelse, node.finalbody):
                    yield from walk(block, runtime, in_function)
                for handler in node.handlers:
                    yield from walk(handler.body, runtime, in_function)

    yield from walk(tree.body, True, False)


IMPORTS = [imp for module in MODULES for imp in _imports(module)]


def _ancestors(module: str) -> list[str]:
    parts = module.split(".")
    return [".".join(parts[:i]) for i in range(2, len(parts))]  # kg itself does nothing


def import_graph() -> nx.DiGraph:
    """kg modules, with an edge for each import run when a module is imported."""
    graph = nx.DiGraph()
    graph.add_nodes_from(MODULES)
    for imp in IMPORTS:
        if not imp.runtime or imp.in_function:
            continue
        graph.add_edge(imp.source, imp.target, line=imp.line)
        inside = set(_ancestors(imp.source)) | {imp.source}
        for package in _ancestors(imp.target):  # entering a package runs its __init__
            if package not in inside:
                graph.add_edge(imp.source, package, line=imp.line)
    return graph


def test_the_import_graph_sees_relative_and_package_imports() -> None:
    graph = import_graph()
    assert graph.has_edge("kg.validate", "kg.lookup")  # from .lookup import ...
    assert graph.has_edge("kg.network.source", "kg.remote")  # from ..remote import ...
    assert graph.has_edge("kg.cli.network", "kg.network")  # enters the package: its __init__ runs
    assert graph.has_edge("kg.network", "kg.network.build")  # from .build import ...
    assert not graph.has_edge("kg.network.build", "kg.network")  # a sibling, not a re-entry


def cycles(graph: nx.DiGraph) -> list[str]:
    """One cycle (with the line of each import) per strongly connected group of modules."""
    groups = [c for c in nx.strongly_connected_components(graph) if len(c) > 1]
    groups += [{n} for n in graph if graph.has_edge(n, n)]
    described = []
    for group in sorted(groups, key=sorted):
        cycle = nx.find_cycle(graph.subgraph(group))
        described.append(
            " -> ".join(f"{a} (line {graph.edges[a, b]['line']})" for a, b in cycle)
            + f" -> {cycle[0][0]}"
        )
    return described


def test_cycles_are_found() -> None:
    graph = nx.DiGraph()
    graph.add_edge("kg.push", "kg.remote", line=3)
    graph.add_edge("kg.remote", "kg.push", line=9)
    graph.add_edge("kg.remote", "kg.store", line=4)
    assert cycles(graph) == ["kg.push (line 3) -> kg.remote (line 9) -> kg.push"]


def test_no_import_cycles() -> None:
    found = cycles(import_graph())
    assert not found, "import cycles:\n" + "\n".join(found)


def test_kg_imports_are_at_the_top_of_modules() -> None:
    """kg's own imports sit at module level (kg/__init__.py's lazy public API excepted): a
    function-level import hides a dependency, and often a cycle."""
    inside = sorted(
        {
            f"{MODULES[i.source].relative_to(ROOT.parent)}:{i.line} imports {i.target}"
            for i in IMPORTS
            if i.in_function and i.source != "kg"
        }
    )
    assert not inside, "imports of kg modules inside functions:\n" + "\n".join(inside)


def _imports_of(package: str) -> list[Import]:
    return [i for i in IMPORTS if i.source == package or i.source.startswith(package + ".")]


def _outside(imports: list[Import], allowed: set[str], own: str) -> list[str]:
    return sorted(
        {
            f"{MODULES[i.source].relative_to(ROOT.parent)}:{i.line} imports {i.target}"
            for i in imports
            if i.target not in allowed and i.target != own and not i.target.startswith(own + ".")
        }
    )


def test_loaders_import_only_model_errors_and_registry() -> None:
    """Loaders hand over plain records: they import kg.model, kg.errors, kg.registry and each
    other, never a later stage (extract, resolve, triples, store...), not even for types."""
    bad = _outside(
        _imports_of("kg.loaders"), {"kg.model", "kg.errors", "kg.registry"}, "kg.loaders"
    )
    assert not bad, "loaders importing later stages:\n" + "\n".join(bad)


def test_extraction_never_imports_the_store_or_a_later_stage() -> None:
    later = {
        "kg.store",
        "kg.resolve",
        "kg.triples",
        "kg.ingest",
        "kg.loaders",
        "kg.query",
        "kg.remote",
        "kg.push",
        "kg.network",
        "kg.validate",
        "kg.reason",
        "kg.serve",
        "kg.cli",
    }
    bad = [
        f"{MODULES[i.source].relative_to(ROOT.parent)}:{i.line} imports {i.target}"
        for i in _imports_of("kg.extract")
        if any(i.target == m or i.target.startswith(m + ".") for m in later)
    ]
    assert not bad, "extraction importing later stages:\n" + "\n".join(bad)


def test_nothing_below_the_cli_imports_the_cli() -> None:
    bad = [
        f"{MODULES[i.source].relative_to(ROOT.parent)}:{i.line} imports {i.target}"
        for i in IMPORTS
        if (i.target == "kg.cli" or i.target.startswith("kg.cli."))
        and not (i.source == "kg.cli" or i.source.startswith("kg.cli."))
    ]
    assert not bad, "\n".join(bad)


def test_no_backend_is_told_apart_by_isinstance() -> None:
    """Readers take a kg.reader.GraphReader and never branch on the backend: no isinstance on a
    remote type anywhere, nor on Store where a module sees both kinds of reader."""
    remote = {"RemoteEndpoint", "RemoteDataset"}
    sees_both = {i.source for i in IMPORTS if i.target in ("kg.reader", "kg.remote")}
    bad = []
    for module, path in MODULES.items():
        backends = remote | ({"Store"} if module in sees_both else set())
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id == "isinstance"
                and len(node.args) == 2
                and any(
                    isinstance(n, ast.Name) and n.id in backends for n in ast.walk(node.args[1])
                )
            ):
                bad.append(f"{path.relative_to(ROOT.parent)}:{node.lineno}")
    assert not bad, "isinstance on a backend:\n" + "\n".join(bad)


def test_the_public_api_table_and_its_type_checking_mirror_agree() -> None:
    """kg/__init__.py imports lazily from one table (_EXPORTS); the TYPE_CHECKING imports that
    type checkers read must name the same things."""
    tree = ast.parse(MODULES["kg"].read_text(encoding="utf-8"))
    mirrored: dict[str, tuple[str, str]] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and _is_type_checking(node.test):
            for stmt in node.body:
                assert isinstance(stmt, ast.ImportFrom) and stmt.level == 1 and stmt.module
                for alias in stmt.names:
                    mirrored[alias.asname or alias.name] = (stmt.module, alias.name)
    assert mirrored == kg._EXPORTS
