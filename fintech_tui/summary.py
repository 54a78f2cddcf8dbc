"""Counts of what a pack holds, for `check` and the status line."""

from __future__ import annotations

from fintech_tui.model import Pack, walk_outline


def count_items(pack: Pack) -> list[tuple[str, int]]:
    """(plural noun, count) for each section of the pack."""
    return [
        ("paragraphs", len(pack.paragraphs)),
        ("outline nodes", sum(1 for _ in walk_outline(pack.outline))),
        ("entities", len(pack.entities)),
        ("strategies", len(pack.strategies)),
        ("arguments", len(pack.arguments)),
        ("figures", len(pack.figures)),
        ("glossary terms", len(pack.glossary)),
    ]
