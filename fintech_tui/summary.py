"""Counts of what a pack holds, for `check` and the status line."""

from __future__ import annotations

from fintech_tui.model import Pack, walk_outline


def count_items(pack: Pack) -> list[tuple[str, int]]:
    """(noun, count) for each section of the pack, the noun singular for a count of one."""
    counts = [
        ("paragraph", "paragraphs", len(pack.paragraphs)),
        ("outline node", "outline nodes", sum(1 for _ in walk_outline(pack.outline))),
        ("entity", "entities", len(pack.entities)),
        ("strategy", "strategies", len(pack.strategies)),
        ("argument", "arguments", len(pack.arguments)),
        ("figure", "figures", len(pack.figures)),
        ("glossary term", "glossary terms", len(pack.glossary)),
    ]
    return [(singular if n == 1 else plural, n) for singular, plural, n in counts]
