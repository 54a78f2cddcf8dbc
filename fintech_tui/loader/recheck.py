"""A pack from the cache is checked again before it is served: an entry is data, and may be wrong.

Decoding has checked every field's type and fixed choice; an entry damaged,
written by hand or by another build can still hold a reference to no
paragraph, a parent that is not there, a parent chain that loops or an
outline nested deeper than YAML may nest, and each of those used to crash a
view or an export. So the pack's own cross-item checks run again, together
with the rules the converter applies to single values, and the first
problem makes the entry a miss: the pack is then read afresh from its files.

Not run again: the restored-reading traceability check (difflib over every
paragraph, seconds on a big pack). Its rule never feeds a lookup, so a
breach of it cannot crash anything.
"""

from __future__ import annotations

import math
from typing import NoReturn

from fintech_tui.loader.checks import PackChecker
from fintech_tui.loader.locations import Locations
from fintech_tui.loader.problems import TooManyProblems
from fintech_tui.model import Bilingual, Pack

MAX_NUMBER = 1e18  # as the converter allows
#: YAML nests at most 64 levels and each outline level takes two (a node, its list of children).
MAX_OUTLINE_DEPTH = 32


class Inconsistent(Exception):
    """The entry could not have come from a valid pack."""


class _Unplaced(Locations):
    """Places nothing: the first problem the checker finds ends the check."""

    def where(self, obj: object) -> NoReturn:
        raise Inconsistent


def consistent(pack: Pack) -> bool:
    """Whether `pack` passes every check a pack read from its files passes (bar traceability)."""
    try:
        _check_values(pack)
        PackChecker(pack, _Unplaced(), room=1).run()
    except (Inconsistent, TooManyProblems, RecursionError):
        return False
    return True


def _check_values(pack: Pack) -> None:
    """What the converter refuses in single values, and the numbers the loader derives."""
    for number, paragraph in enumerate(pack.paragraphs, start=1):
        if paragraph.number != number:
            raise Inconsistent
    stack = [(node, 1) for node in pack.outline]  # without recursion: the entry may nest 400 deep
    while stack:
        node, depth = stack.pop()
        if depth > MAX_OUTLINE_DEPTH:
            raise Inconsistent
        stack += [(child, depth + 1) for child in node.children]
        _named(node.title, node.summary)
    for figure in pack.figures:
        value = figure.value
        if value is not None and not (math.isfinite(value) and abs(value) <= MAX_NUMBER):
            raise Inconsistent
    _named(pack.meta.title)
    _named(*(text for item in pack.entities for text in (item.name, item.summary)))
    _named(*(text for item in pack.strategies for text in (item.name, item.summary)))
    _named(*(argument.claim for argument in pack.arguments))
    _named(*(figure.metric for figure in pack.figures))
    _named(*(term.meaning for term in pack.glossary))


def _named(*texts: Bilingual) -> None:
    for text in texts:
        if not (text.en.strip() or text.zh.strip()):
            raise Inconsistent
