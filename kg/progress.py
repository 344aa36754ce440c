"""Progress bars for long work: tqdm on standard error, shown only on a terminal.

Every long command (load, export, validate, reason, push, network build/stats/centrality/
communities) reports through these helpers, so the rule is the same everywhere: a bar with a count,
a rate and an ETA when the total is known; a ticking timer for a step that cannot report its own
progress (a SHACL run, a community search); nothing at all when standard error is not a terminal
(logs, CI, pipes) or when ``KG_PROGRESS=0``. ``KG_PROGRESS=1`` forces bars (for tests).

>>> with bar(total=3, desc="demo", enabled=False) as b:
...     for _ in range(3):
...         b.update()
>>> with ticking("a long step", enabled=False):
...     pass
"""

from __future__ import annotations

import contextlib
import os
import sys
import threading
from collections.abc import Iterable, Iterator
from typing import Any, TypeVar

from tqdm import tqdm

__all__ = ["bar", "enabled", "iterate", "ticking"]

T = TypeVar("T")


def enabled(wanted: bool = True) -> bool | None:
    """tqdm's ``disable`` value: ``True`` (off) unless wanted; ``None`` (on when standard error is
    a terminal) by default; ``False`` (on) when ``KG_PROGRESS=1``."""
    if not wanted:
        return True
    forced = os.environ.get("KG_PROGRESS")
    if forced == "0":
        return True
    if forced == "1":
        return False
    return None


def bar(
    *,
    total: float | None = None,
    desc: str = "",
    unit: str = " it",
    enabled: bool = True,
    scale: bool = False,
    leave: bool = False,
) -> tqdm[Any]:
    """A progress bar on standard error (see the module docstring); use as a context manager."""
    return tqdm(
        total=total,
        desc=desc,
        unit=unit,
        unit_scale=scale,
        leave=leave,
        file=sys.stderr,
        dynamic_ncols=True,
        mininterval=0.5,
        disable=_disable(enabled),
    )


def _disable(wanted: bool) -> bool | None:
    return enabled(wanted)


def iterate(
    items: Iterable[T],
    *,
    total: float | None = None,
    desc: str = "",
    unit: str = " it",
    enabled: bool = True,
) -> Iterator[T]:
    """``items`` with a bar that ticks once per item."""
    with bar(total=total, desc=desc, unit=unit, enabled=enabled) as b:
        for item in items:
            yield item
            b.update()


@contextlib.contextmanager
def ticking(desc: str, *, enabled: bool = True, every: float = 1.0) -> Iterator[None]:
    """A timer for a step that cannot report progress: ``desc`` and the seconds so far."""
    with tqdm(
        desc=desc,
        bar_format="{desc}: {elapsed}",
        file=sys.stderr,
        leave=False,
        disable=_disable(enabled),
    ) as line:
        stop = threading.Event()

        def refresh() -> None:
            while not stop.wait(every):
                line.refresh()

        thread = threading.Thread(target=refresh, daemon=True)
        if not line.disable:
            thread.start()
        try:
            yield
        finally:
            stop.set()
            if thread.is_alive():
                thread.join(2)
