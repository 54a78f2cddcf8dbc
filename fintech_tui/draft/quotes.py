"""Verbatim quotes for drafted items: the clause of a paragraph that holds a span, in either language."""

from __future__ import annotations

import re

# A clause ends at Chinese or Latin punctuation; a full stop only before a space or the end, so
# 8.6 million and U.S. stay whole.
CLAUSE_STOP = re.compile(r"[，,。！？!?；;：:]|\.(?=\s|$)")


def clause_around(text: str, start: int, end: int) -> str:
    """The clause of `text` that holds [start, end), as a verbatim quote."""
    left = max((m.end() for m in CLAUSE_STOP.finditer(text, 0, start)), default=0)
    right_match = CLAUSE_STOP.search(text, end)
    right = right_match.start() if right_match else len(text)
    return text[left:right].strip() or text[start:end]
