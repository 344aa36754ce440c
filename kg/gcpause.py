"""Pausing Python's cyclic garbage collector while millions of small containers are built.

The collector's passes grow with every list and dict allocated: building the 1.7M-edge co-star
graph takes about 4x longer with it running, and reading the known-entities sidecar of the
Wikidata table store 1.1 s instead of 0.4 s. Nothing built under the pause forms cycles.

>>> import gc
>>> with no_gc():
...     gc.isenabled()
False
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

__all__ = ["no_gc"]


@contextmanager
def no_gc(*, freeze: bool = False) -> Iterator[None]:
    """Pause the cyclic garbage collector for the block (it is enabled again after, if it was).

    With ``freeze=True`` the objects alive at the end are moved to the collector's permanent
    generation (:func:`gc.freeze`): millions of acyclic dicts and lists are then never walked
    again (the first collection after a co-star graph's build would otherwise take ~1.5 s).
    They are still freed by reference counting when dropped; only reference cycles among
    objects alive at that moment wait for :func:`gc.unfreeze`.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if freeze:
            gc.freeze()
        if was_enabled:
            gc.enable()
