"""Docs that cannot go stale: every docstring example runs, every command is in the README."""

from __future__ import annotations

import doctest
import importlib
import pkgutil
from pathlib import Path

import pytest

import kg
from kg.cli import main

README = Path(__file__).resolve().parents[1] / "README.md"


def _modules() -> list[str]:
    return sorted(m.name for m in pkgutil.walk_packages(kg.__path__, prefix="kg."))


@pytest.mark.parametrize("name", _modules())
def test_docstring_examples_run(name: str) -> None:
    module = importlib.import_module(name)
    failures, _ = doctest.testmod(
        module, optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE
    )
    assert failures == 0, f"{failures} docstring example(s) failed in {name}"


def test_public_api_is_documented() -> None:
    assert sorted(kg.__all__) == sorted(kg._EXPORTS)
    for name in kg.__all__:
        obj = getattr(kg, name)
        assert obj.__doc__, f"kg.{name} has no docstring"


def test_readme_mentions_every_command() -> None:
    text = README.read_text(encoding="utf-8")
    for name in main.commands:
        assert f"kg {name}" in text, f"README says nothing about `kg {name}`"


def test_readme_quick_start_is_two_commands() -> None:
    text = README.read_text(encoding="utf-8")
    quick = text.split("## Quick start", 1)[1].split("```", 2)[1]
    assert [line for line in quick.splitlines() if line.strip()] == ["make demo", "make test"]
