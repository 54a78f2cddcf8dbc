"""Keep Python's cycle collector out of the way while a pack is built.

Building a pack allocates hundreds of thousands of mappings, lists and model
objects, and each batch of allocations sets off a collection that walks all
of them again: with 100k items that was a third of the load. None of what a
load builds is cyclic garbage, so collection waits until the load is done.
And since the explorer keeps its pack until it quits, it can take the pack
out of the collector's sight for good (`set_aside_for_good`), so the many
collections that building the screen sets off no longer walk it; and once
start-up has settled (`FintechApp.on_main_screen_settled`), the same again for the screen,
Textual and the pinyin tables.
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


def set_aside_for_good() -> None:
    """Exempt every object alive now from cycle collection (for a process that keeps them)."""
    gc.freeze()
