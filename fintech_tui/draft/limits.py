"""What a drafted pack may hold, so the pack `draft` writes is one its own loader reads.

The loader refuses a number beyond ±10¹⁸ (and any that is not finite) and a file of
more values than MAX_NODES; a draft's finders know neither. A figure whose value
is out of range keeps its words (`as_written`) and loses only the number, for the
author to fill in; an article whose pack would pass the node limit is refused
before anything is written, with the count, so it can be split.
"""

from __future__ import annotations

import math
from typing import Any

from fintech_tui.draft.reading import ArticleError

MAX_NUMBER = 1e18  # as the loader's converter allows
MAX_NODES = 2_000_000  # as the loader's parser allows in one file, aliases expanded


def within_limits(sections: dict[str, dict[str, Any]], name: str) -> dict[str, dict[str, Any]]:
    """`sections` with out-of-range figure values dropped; ArticleError if a file would be too big to load."""
    for figure in sections.get("figures.yaml", {}).get("figures", []):
        value = figure.get("value")
        if isinstance(value, int | float) and not _in_range(value):
            del figure["value"]  # e.g. a number of 5,000 digits: the words stay, the number is the author's
    for file, data in sections.items():
        if (count := _values(data)) > MAX_NODES:
            raise ArticleError(
                f"{name}: too long to draft: {file} would hold {count:,} values, "
                f"more than the {MAX_NODES:,} a pack file may; split the article"
            )
    return sections


def _in_range(value: float) -> bool:
    if isinstance(value, int):
        return value.bit_length() < 64 and abs(value) <= MAX_NUMBER  # no str() of a huge int
    return math.isfinite(value) and abs(value) <= MAX_NUMBER


def _values(data: Any) -> int:
    """Keys and values in `data`, as the parser counts its nodes (an overestimate), without recursion."""
    count, stack = 0, [data]
    while stack:
        value = stack.pop()
        count += 1
        if isinstance(value, dict):
            count += len(value)
            stack += value.values()
        elif isinstance(value, list):
            stack += value
    return count
