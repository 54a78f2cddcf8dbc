"""Screenshots (`S`) whose Chinese characters take their full two cells.

Rich's SVG export places each run of text at the right cell (`x` counts cells) but
gives it `textLength` = cell width × characters, so a browser squeezes 掌上生活,
which fills 8 cells, into 4. `full_width` sets every run's length from its cells.
No Textual import: a plain function over the SVG text.
"""

from __future__ import annotations

import html
import re
from datetime import datetime

from rich.cells import cell_len

_RUN = re.compile(r'(<text\b[^>]*?\btextLength=")([0-9.]+)("[^>]*>)([^<]*)(</text>)')


def full_width(svg: str) -> str:
    """`svg` with each text run's `textLength` measured in cells, not characters."""

    def measured(run: re.Match[str]) -> str:
        text = html.unescape(run.group(4))
        if not text or cell_len(text) == len(text):
            return run.group(0)
        length = float(run.group(2)) / len(text) * cell_len(text)
        return f"{run.group(1)}{length:g}{run.group(3)}{run.group(4)}{run.group(5)}"

    return _RUN.sub(measured, svg)


def file_name(now: datetime | None = None) -> str:
    """A name with no spaces (a toast breaks a path at a space, not inside a word)."""
    return f"fintech-tui_{(now or datetime.now()).strftime('%Y-%m-%d_%H%M%S_%f')}.svg"
