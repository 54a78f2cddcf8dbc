"""Walk parent–child trees (arguments, companies, the outline) without recursion.

A pack may chain thousands of arguments or entities; a recursive walk would
hit Python's recursion limit, and a tree drawn thousands of levels deep is
unreadable anyway. So the walk keeps its own stack, visits each item once
(so even a cycle that slipped past the checks cannot loop), and reports
depths capped at `MAX_NESTING`: deeper items follow in order at that depth.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import TypeVar

MAX_NESTING = 24

T = TypeVar("T")


def preorder(
    roots: Iterable[T], children: Callable[[T], Sequence[T]], *, max_depth: int = MAX_NESTING
) -> Iterator[tuple[T, int]]:
    """Each item with its (capped) depth, parents before children, in the order given."""
    stack = [(item, 0) for item in reversed(list(roots))]
    seen: set[int] = set()
    while stack:
        item, depth = stack.pop()
        if id(item) in seen:
            continue
        seen.add(id(item))
        yield item, depth
        below = min(depth + 1, max_depth)
        stack.extend((child, below) for child in reversed(children(item)))


def nested_list(items: Iterable[tuple[str, int]]) -> str:
    """HTML `<ul>` markup for (item markup, depth) pairs in preorder, as `preorder` gives them."""
    out: list[str] = []
    level = -1
    for body, depth in items:
        if depth > level:
            out.append("<ul>" * (depth - level))
        else:
            out.append("</li>" + "</ul></li>" * (level - depth))
        out.append(f"<li>{body}")
        level = depth
    if level >= 0:
        out.append("</li>" + "</ul></li>" * level + "</ul>")
    return "".join(out)
