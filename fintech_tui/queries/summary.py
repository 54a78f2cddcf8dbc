"""Counts of what a pack holds, for `check` and the status line."""

from __future__ import annotations

from fintech_tui.model import Pack, kinds
from fintech_tui.model.plan import yaml_fields


def count_items(pack: Pack) -> list[tuple[str, int]]:
    """(noun, count) for each kind of item, in the order of the pack's sections."""
    by_section = {kind.section: kind for kind in kinds()}
    counts = []
    for section in yaml_fields(type(pack)):  # a pack format with more kinds has more sections
        kind = by_section.get(section.name)
        if kind is not None:
            count = sum(1 for _ in kind.items(pack))
            counts.append((kind.noun(count), count))
    return counts
