"""Content is data: turn any string from a pack into inert Rich Text.

Rich `Text` never parses markup, so `[bold]` or `[@click=…]` in a pack shows
as typed. Control characters are the other danger: an ESC could drive the
terminal. Each one becomes its visible Unicode "control picture" (␛, ␇ …).
"""

from __future__ import annotations

import re

from rich.style import Style, StyleType
from rich.text import Text

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\x80-\x9f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def _picture(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code < 0x20:
        return chr(0x2400 + code)  # ␀ … ␟
    if code == 0x7F:
        return "\u2421"  # ␡
    return "\ufffd"  # C1 controls and bidi overrides: a replacement mark


def neutralise(value: str) -> str:
    """`value` with every control character replaced by a visible stand-in."""
    return _CONTROL.sub(_picture, value.replace("\t", " "))


def plain(value: str, style: StyleType = "") -> Text:
    """Inert Text for a string that came from content."""
    return Text(neutralise(value), style=style)


def one_line(value: str, style: StyleType = "") -> Text:
    """Inert Text folded onto one line, for labels in lists and trees."""
    return Text(" ".join(neutralise(value).split()), style=style, no_wrap=True, overflow="ellipsis")


DIM = Style(dim=True)
