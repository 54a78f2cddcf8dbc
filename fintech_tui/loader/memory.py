"""Keep Python's cycle collector out of the way while a pack is built.

Building a pack allocates hundreds of thousands of mappings, lists and model
objects, and each batch of allocations sets off a collection that walks all
of them again: with 100k items that was a third of the load. None of what a
load builds is cyclic garbage, so collection waits until the load is done.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collector_paused() -> Iterator[None]:
    """No automatic garbage collection inside the block (unless it was already off)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
