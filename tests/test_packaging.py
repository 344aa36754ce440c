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
