"""`pip install` gives a working kg: the ontology, named queries and mappings ship in the wheel."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


@pytest.mark.slow
def test_wheel_carries_the_resources(tmp_path: Path) -> None:
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", str(REPO), "--no-deps", "-q", "-w", str(tmp_path)],
        check=True,
    )
    (wheel,) = tmp_path.glob("kg-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    for folder, pattern in (("ontology", "*.ttl"), ("queries", "*.rq"), ("mappings", "*.toml")):
        for file in (REPO / folder).glob(pattern):
            assert f"kg/resources/{folder}/{file.name}" in names, (
                f"{folder}/{file.name} is not in the wheel"
            )
    assert "kg/py.typed" in names


_RUNTIME_IMPORTS = """
import json, sys
from kg.cli import run
code = run(["--store", sys.argv[1], "load", "-q", sys.argv[2]])
print(json.dumps({"code": code, "modules": sorted({m.split(".")[0] for m in sys.modules})}))
"""


#: Modules that libraries import only if present (``try: import ...``): not needed at run time.
_OPTIONAL = {"html5rdf", "socks"}


def _requirement_name(text: str) -> str:
    import re

    return re.split(r"[\s\[<>=!~;(]", text.strip(), maxsplit=1)[0].lower().replace("_", "-")


def test_every_imported_distribution_is_declared(tmp_path: Path) -> None:
    """Loading an HTML article imports only distributions that pyproject.toml brings in without
    relying on another package's optional extra (lxml.html.clean came only through
    ``lxml[html_clean]`` of justext, and a plain ``pip install -e '.[dev]'`` lacked it)."""
    import json
    import tomllib
    from importlib import metadata

    article = REPO / "tests" / "data" / "articles" / "lantern.html"
    done = subprocess.run(
        [sys.executable, "-c", _RUNTIME_IMPORTS, str(tmp_path / "store"), str(article)],
        capture_output=True,
        text=True,
        check=True,
    )
    report = json.loads(done.stdout.splitlines()[-1])
    assert report["code"] == 0
    declared = tomllib.loads((REPO / "pyproject.toml").read_text())["project"]["dependencies"]
    reachable: set[str] = set()
    todo = [_requirement_name(r) for r in declared]
    while todo:
        name = todo.pop()
        if name in reachable:
            continue
        reachable.add(name)
        try:
            requires = metadata.requires(name) or []
        except metadata.PackageNotFoundError:
            continue
        # Only unconditional requirements: an extra of a dependency is not ours to rely on.
        todo += [_requirement_name(r) for r in requires if "extra ==" not in r]
    providers = metadata.packages_distributions()
    missing = {
        f"{module} (from {dist})"
        for module in set(report["modules"]) - _OPTIONAL
        for dist in providers.get(module, [])
        if _requirement_name(dist) not in reachable and _requirement_name(dist) != "kg"
    }
    assert not missing, f"imported but not declared in pyproject.toml: {sorted(missing)}"
