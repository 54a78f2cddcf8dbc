"""What a drafted pack may hold, so the pack `draft` writes is one its own loader reads.

The loader refuses a number beyond ±10¹⁸ (and any that is not finite) and a file of
more values than MAX_NODES; a draft's finders know neither. A figure whose value
is out of range keeps its words (`as_written`) and loses only the number, for the
author to fill in; an article whose pack would pass the node limit, or hold a
paragraph longer than the pack format's MAX_PARAGRAPH_CHARS, is refused before anything
is written, with the count, so it can be split. (`read_article` already refuses a paragraph
of more than 50,000 characters; the check keeps the two limits from drifting apart.)

And what reading a figure may cost: its sentence, clause, subject and source are
sought at most NEAR characters either side of it (`span_start`, `span_end`,
`starting_in`), and spans already read are asked by bisection (`Taken`), so
drafting takes time in proportion to the article however long its paragraphs.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left, insort
from collections.abc import Iterable
from typing import Any, Protocol, TypeVar

from fintech_tui.draft.reading import ArticleError
from fintech_tui.model.pack import MAX_PARAGRAPH_CHARS, PARAGRAPH_READINGS

MAX_NUMBER = 1e18  # as the loader's converter allows
MAX_NODES = 2_000_000  # as the loader's parser allows in one file, aliases expanded


def within_limits(sections: dict[str, dict[str, Any]], name: str) -> dict[str, dict[str, Any]]:
    """`sections` with out-of-range figure values dropped; ArticleError if a file would be too big to load."""
    for figure in sections.get("figures.yaml", {}).get("figures", []):
        value = figure.get("value")
        if isinstance(value, int | float) and not _in_range(value):
            del figure["value"]  # e.g. a number of 5,000 digits: the words stay, the number is the author's
    for number, paragraph in enumerate(sections.get("source.yaml", {}).get("paragraphs", []), 1):
        for field in PARAGRAPH_READINGS:
            if (size := len(paragraph.get(field, ""))) > MAX_PARAGRAPH_CHARS:
                raise ArticleError(
                    f"{name}: too long to draft: paragraph {number} holds {size:,} characters, "
                    f"more than the {MAX_PARAGRAPH_CHARS:,} a paragraph may; split it"
                )
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


# -- how far from a figure its reading looks ------------------------------------------------------
# Each figure's subject, source, period, metric and quote are sought in the text around it. A
# search from the paragraph's start (or to its end) per figure made one long line quadratic: a
# 62 KB paragraph took 25 s. Bounded to NEAR characters either side, each figure costs the same
# however long its paragraph. The evaluation articles' longest sentence is 337 characters and
# their longest paragraph 600, so for them nothing changes.
NEAR = 1_000
_FIRST_REACH = 64


class Spanned(Protocol):
    """A mention or any other span of a paragraph, kept in order of `start`."""

    @property
    def start(self) -> int: ...


Span = TypeVar("Span", bound=Spanned)


def span_start(pattern: re.Pattern[str], text: str, at: int) -> int:
    """Where the sentence or clause holding `at` begins: the end of `pattern`'s last match before `at`,
    sought at most NEAR characters back (where the search starts if there is none).

    The last few dozen characters are tried first: clauses are short, and walking every
    comma of a thousand characters per figure was most of a long paragraph's time."""
    for reach in (_FIRST_REACH, NEAR):
        start = found = max(0, at - reach)
        for match in pattern.finditer(text, start, at):
            found = match.end()
        if found > start or reach == NEAR or start == 0:
            return found
    raise AssertionError("unreachable: the last reach returns")


def span_end(pattern: re.Pattern[str], text: str, at: int, end: int | None = None) -> int:
    """Where the span holding `at` ends: the start of `pattern`'s next match, sought at most NEAR on."""
    limit = min(len(text) if end is None else end, at + NEAR)
    match = pattern.search(text, at, limit)
    return match.start() if match else limit


def starting_in(spans: list[Span], low: int, high: int) -> list[Span]:
    """The spans of `spans` (ordered by start) that start in [low, high), found by bisection."""
    return spans[bisect_left(spans, low, key=_start) : bisect_left(spans, high, key=_start)]


def _start(span: Spanned) -> int:
    return span.start


class Taken:
    """Spans of a paragraph already read, asked whether a new span overlaps one of them.

    Kept sorted, so a question looks only at the spans that start within the longest span's
    length before it: a scan of every span per figure made a long paragraph quadratic.
    """

    def __init__(self, spans: Iterable[tuple[int, int]] = ()) -> None:
        self._spans: list[tuple[int, int]] = []
        self._longest = 0
        for start, end in spans:
            self.add(start, end)

    def add(self, start: int, end: int) -> None:
        insort(self._spans, (start, end))
        self._longest = max(self._longest, end - start)

    def overlaps(self, start: int, end: int) -> bool:
        """Whether some span s, e has s < end and start < e."""
        low = bisect_left(self._spans, (start - self._longest,))
        high = bisect_left(self._spans, (end,))
        return any(start < e for _, e in self._spans[low:high])

    def holds(self, point: int) -> bool:
        """Whether some span s, e has s <= point < e."""
        return self.overlaps(point, point + 1)
