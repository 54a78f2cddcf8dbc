"""Counts of what a pack holds, for `check` and the status line."""

from __future__ import annotations

import dataclasses

from fintech_tui.model import Pack, kinds


def count_items(pack: Pack) -> list[tuple[str, int]]:
    """(noun, count) for each kind of item, in the order of the pack's sections."""
    by_section = {kind.section: kind for kind in kinds()}
    counts = []
    for section in dataclasses.fields(pack):
        kind = by_section.get(section.name)
        if kind is not None:
            count = sum(1 for _ in kind.items(pack))
            counts.append((kind.noun(count), count))
    return counts
