"""The two pictures the diagram exports draw: the argument map and the entity tree, as plain edges.

Shared by the Mermaid and DOT exports so both draw the same graph; labels are raw
content here and each format escapes them its own way.
"""

from __future__ import annotations

from itertools import pairwise

import msgspec

from fintech_tui.model import Pack
from fintech_tui.render.wrap import break_offsets


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
    """`text` in lines of about `cells` terminal cells by the views' line-breaking rule
    (render.wrap: Chinese breaks between characters, never inside 1美分 nor before 。);
    joined with "" they give `text` back."""
    starts = [0, *break_offsets(text, cells, fold=False), len(text)]
    return [text[start:end] for start, end in pairwise(starts)] if text else [""]


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
