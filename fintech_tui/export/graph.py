"""The two pictures the diagram exports draw: the argument map and the entity tree, as plain edges.

Shared by the Mermaid and DOT exports so both draw the same graph; labels are raw
content here and each format escapes them its own way.
"""

from __future__ import annotations

import re
import unicodedata

import msgspec

from fintech_tui.model import Pack


class Node(msgspec.Struct, frozen=True):
    """One box: a stable id within its graph, the group it belongs to and its label text."""

    key: str  # "argument:ID" or "entity:ID"
    label: str
    kind: str  # the argument's role or the entity's kind


class Edge(msgspec.Struct, frozen=True):
    """From a child to its parent: a claim to the claim it answers, a part to its whole."""

    source: str
    target: str
    relation: str  # supports, opposes, elaborates, or "part of"


LINE_CELLS = 40  # a box as wide as about 20 Chinese characters or 40 Latin ones


def wrap(text: str, cells: int = LINE_CELLS) -> list[str]:
    """`text` in lines of about `cells` terminal cells; joined with "" they give `text` back.

    Latin words stay whole (a line ends with its space); Chinese breaks between any two
    characters, as it is written without spaces.
    """
    pieces = re.findall(r"[\u3400-\u9fff\uf900-\ufaff]|[^\s\u3400-\u9fff\uf900-\ufaff]+\s*|\s+", text)
    lines, line, width = [], "", 0
    for piece in pieces:
        size = sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in piece.rstrip())
        if line and width + size > cells:
            lines.append(line)
            line, width = "", 0
        line += piece
        width += size + (len(piece) - len(piece.rstrip()))
    return [*lines, line] if line or not lines else lines


def argument_map(pack: Pack) -> tuple[list[Node], list[Edge]]:
    """Each argument (its claim, English first) and an edge to its parent labelled by relation."""
    known = {a.id for a in pack.arguments}
    nodes = [Node(f"argument:{a.id}", a.claim.pick("en"), a.role) for a in pack.arguments]
    edges = [
        Edge(f"argument:{a.id}", f"argument:{a.parent}", a.relation or "supports")
        for a in pack.arguments
        if a.parent in known
    ]
    return nodes, edges


def entity_tree(pack: Pack) -> tuple[list[Node], list[Edge]]:
    """Each entity (both names) and an edge to its parent."""
    known = {e.id for e in pack.entities}
    nodes = [Node(f"entity:{e.id}", " / ".join(n for n in (e.name.en, e.name.zh) if n), e.kind) for e in pack.entities]
    edges = [Edge(f"entity:{e.id}", f"entity:{e.parent}", "part of") for e in pack.entities if e.parent in known]
    return nodes, edges
