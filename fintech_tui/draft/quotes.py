"""Verbatim quotes for drafted items: the clause of a paragraph that holds a span, in either language."""

from __future__ import annotations

import re

from fintech_tui.draft.limits import span_end, span_start

# A clause ends at Chinese or Latin punctuation; a full stop only before a space or the end, so
# 8.6 million and U.S. stay whole.
CLAUSE_STOP = re.compile(r"[，,。！？!?；;：:]|\.(?=\s|$)")


def clause_around(text: str, start: int, end: int) -> str:
    """The clause of `text` that holds [start, end), as a verbatim quote."""
    left, right = span_start(CLAUSE_STOP, text, start), span_end(CLAUSE_STOP, text, end)
    return text[left:right].strip() or text[start:end]
