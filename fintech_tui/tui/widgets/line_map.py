"""Where each block of a long list starts, with heights guessed until a block is drawn.

A list of 100,000 paragraphs cannot wrap every one to know where the last begins: that
took half a minute. Each block (a paragraph, or one page of a long one) starts with a
guess from its length; once drawn its real height replaces the guess. Starts are summed
again only when a height changed, so finding the block on a line is a bisection.
"""

from __future__ import annotations

from bisect import bisect_right
from itertools import accumulate


class LineMap:
    """The blocks of a list at one width: each one's height (guessed or measured) and owner."""

    def __init__(self, heights: list[int], owners: list[int], firsts: list[int]) -> None:
        """`heights` guessed per block, `owners[block]` its option, `firsts[option]` its first block
        (with one more entry: the number of blocks)."""
        self.heights = heights
        self.owners = owners
        self.firsts = firsts
        self.measured = bytearray(len(heights))
        self._starts: list[int] | None = None

    @property
    def starts(self) -> list[int]:
        """The first line of each block, and the total after the last."""
        if self._starts is None:
            self._starts = [0, *accumulate(self.heights)]
        return self._starts

    @property
    def total(self) -> int:
        return self.starts[-1]

    @property
    def blocks(self) -> int:
        return len(self.heights)

    def measure(self, block: int, height: int) -> None:
        """Block `block` was drawn `height` lines tall."""
        self.measured[block] = 1
        if self.heights[block] != height:
            self.heights[block] = height
            self._starts = None

    def block_at(self, line: int) -> int:
        """The block on line `line` (the first or last block beyond either end)."""
        return min(max(bisect_right(self.starts, line) - 1, 0), self.blocks - 1)

    def option_start(self, option: int) -> int:
        return self.starts[self.firsts[option]]

    def option_height(self, option: int) -> int:
        return self.starts[self.firsts[option + 1]] - self.starts[self.firsts[option]]
