"""One registry mechanism for interchangeable parts: loaders, extractors, projections, commands.

A :class:`Registry` maps names to objects of one type. An entry is either the object itself or a
``"module:attribute"`` path imported on first use (so registering spaCy's extractor does not
import spaCy), in the manner of rdflib's plugin registry and spaCy's ``registry``. Built-ins are
registered exactly like add-ons; a plugin package adds entries through a Python entry point in
the registry's group (``kg.loaders``, ``kg.extractors``, ``kg.projections``, ``kg.commands``), read
once, lazily:

.. code-block:: toml

    # a plugin's pyproject.toml
    [project.entry-points."kg.extractors"]
    "mine.v1" = "kg_mine.extract:extract"

Unknown names raise :class:`~kg.errors.UnknownNameError` with close suggestions.

>>> shapes: Registry[int] = Registry("shapes", group=None)
>>> shapes.register("square", 4)
>>> shapes.register("pentagon", "operator:index")  # any importable "module:attribute"
>>> shapes.get("square"), shapes.names()
(4, ['pentagon', 'square'])
>>> shapes.get("sqare")
Traceback (most recent call last):
...
kg.errors.UnknownNameError: unknown shapes 'sqare'; did you mean 'square'? Known: pentagon, square
"""

from __future__ import annotations

import difflib
import importlib
from collections.abc import Callable, Iterator
from importlib.metadata import entry_points
from typing import Generic, TypeVar, cast

from .errors import UnknownNameError

__all__ = ["Registry", "import_target", "suggest"]

T = TypeVar("T")


def import_target(target: str) -> object:
    """The object named by ``"module:attribute"`` (attribute may be dotted).

    >>> import_target("os.path:join").__name__
    'join'
    """
    module, sep, attr = target.partition(":")
    if not sep or not module or not attr:
        raise ValueError(f"expected 'module:attribute', not {target!r}")
    obj: object = importlib.import_module(module)
    for part in attr.split("."):
        obj = getattr(obj, part)
    return obj


def suggest(name: str, known: list[str]) -> str:
    """``"; did you mean 'x'?"`` for the closest of ``known``, or ``""``.

    >>> suggest("cast-of-flm", ["cast-of-film", "filmography"])
    "; did you mean 'cast-of-film'?"
    """
    close = difflib.get_close_matches(name, known, n=3, cutoff=0.6)
    if not close:
        return ""
    return "; did you mean " + " or ".join(repr(c) for c in close) + "?"


class Registry(Generic[T]):
    """Named objects of one kind, registered directly or as lazy ``"module:attribute"`` paths.

    ``kind`` names the registry in messages ("loader", "extractor"); ``group`` is the entry-point
    group plugins use (``None``: no plugins).
    """

    def __init__(self, kind: str, *, group: str | None) -> None:
        self.kind = kind
        self.group = group
        self._lazy: dict[str, str] = {}
        self._loaded: dict[str, T] = {}
        self._plugins_read = group is None

    def register(self, name: str, obj: T | str) -> None:
        """Add (or replace) ``name``: an object, or a ``"module:attribute"`` imported on first use."""
        self._lazy.pop(name, None)
        self._loaded.pop(name, None)
        if isinstance(obj, str):
            self._lazy[name] = obj
        else:
            self._loaded[name] = obj

    def decorator(self, name: str) -> Callable[[T], T]:
        """``@registry.decorator("name")`` registers the decorated object under ``name``."""

        def add(obj: T) -> T:
            self.register(name, obj)
            return obj

        return add

    def _read_plugins(self) -> None:
        if self._plugins_read:
            return
        self._plugins_read = True
        assert self.group is not None
        for ep in entry_points(group=self.group):
            if ep.name not in self._lazy and ep.name not in self._loaded:
                self._lazy[ep.name] = ep.value

    def names(self) -> list[str]:
        """Registered names, sorted."""
        self._read_plugins()
        return sorted(set(self._lazy) | set(self._loaded))

    def __contains__(self, name: object) -> bool:
        return isinstance(name, str) and name in self.names()

    def __iter__(self) -> Iterator[str]:
        """The registered names, sorted (as :meth:`names`)."""
        return iter(self.names())

    def __len__(self) -> int:
        return len(self.names())

    def get(self, name: str) -> T:
        """The object registered as ``name`` (imported now if it was registered by path)."""
        self._read_plugins()
        if name in self._loaded:
            return self._loaded[name]
        target = self._lazy.get(name)
        if target is None:
            known = self.names()
            hint = suggest(name, known)
            raise UnknownNameError(
                f"unknown {self.kind} {name!r}{hint} Known: {', '.join(known)}"
                if hint
                else f"unknown {self.kind} {name!r}; known: {', '.join(known)}"
            )
        obj = cast(T, import_target(target))
        self._loaded[name] = obj
        del self._lazy[name]
        return obj

    def items(self) -> Iterator[tuple[str, T]]:
        """Every ``(name, object)``, importing lazy entries."""
        for name in self.names():
            yield name, self.get(name)
