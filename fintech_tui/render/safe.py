"""Content is data: turn any string from a pack into inert Rich Text.

Rich `Text` never parses markup, so `[bold]` or `[@click=…]` in a pack shows
as typed; control characters are replaced by `sanitize.neutralise`.
"""

from __future__ import annotations

from rich.cells import cell_len
from rich.style import StyleType
from rich.text import Text

from fintech_tui.util.sanitize import neutralise


def plain(value: str, style: StyleType = "") -> Text:
    """Inert Text for a string that came from content."""
    return Text(neutralise(value), style=style)


def one_line(value: str, style: StyleType = "") -> Text:
    """Inert Text folded onto one line, for labels in lists and trees."""
    return Text(" ".join(neutralise(value).split()), style=style, no_wrap=True, overflow="ellipsis")


def clipped(value: str, width: int, style: StyleType = "") -> Text:
    """One line of content cut to `width` cells (at least one) for a table cell: like
    `shortened`, but anywhere, since a column's width is all a cell has."""
    return shortened(value, max(width, 1), style, whole_words=False)


def shortened(value: str, cells: int, style: StyleType = "", *, whole_words: bool = True) -> Text:
    """`value` on one line in at most `cells` cells: whole, or cut after a whole word
    (anywhere in Chinese) and ended with "…", never a bare fragment such as "entered lif"."""
    line = one_line(value, style)
    if cell_len(line.plain) <= cells:
        return line
    whole = line.plain
    line.truncate(cells - 1, overflow="crop")
    text = line.plain
    space = text.rfind(" ")
    inside_a_word = whole[len(text)].isascii() and whole[len(text)].isalnum()
    keep = cell_len(text[:space]) if whole_words and space >= (cells - 1) // 2 and inside_a_word else cells - 1
    return _cut(line, keep)


def ellipsised(line: Text, cells: int) -> Text:
    """`line` (styles kept) in at most `cells` cells, ended with "…" when cut."""
    if line.cell_len <= cells:
        return line
    return _cut(line, max(cells - 1, 0))


def _cut(line: Text, keep: int) -> Text:
    """`line` cut to `keep` cells, then "…" right after the last character kept:
    where a wide (CJK) character does not fit, Rich would leave a space before it."""
    line.truncate(keep, overflow="crop")
    line.rstrip()
    line.append("…")
    return line
