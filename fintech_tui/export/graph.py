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
HAN = "\u3400-\u9fff\uf900-\ufaff"
#: Han characters that write a unit or a scale after a number: "1美分", "30万元", "3倍" stay whole.
UNIT_HAN = "万亿千百十元角分美港欧英镑倍个点人户家次台笔张份岁年月日天周秒名位条款单项"
#: What Chinese typesetting never starts a line with (closing marks) or ends one with (opening marks).
NO_LINE_START = "，。、；：？！）】」』〉》”’…—,.;:?!)]}%"
NO_LINE_END = "（【「『〈《“‘([{"
_PIECE = re.compile(rf"[{HAN}]|[^\s{HAN}]+\s*|\s+")


def wrap(text: str, cells: int = LINE_CELLS) -> list[str]:
    """`text` in lines of about `cells` terminal cells; joined with "" they give `text` back.

    Latin words stay whole (a line ends with its space); Chinese breaks between two
    characters, as it is written without spaces, but not inside a number and its unit
    (1美分), before a closing mark or after an opening one (the rule of CJK typesetting).
    """
    pieces = _glued(_PIECE.findall(text))
    lines, line, width = [], "", 0
    for piece in pieces:
        size = sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in piece.rstrip())
        if line and width + size > cells:
            lines.append(line)
            line, width = "", 0
        line += piece
        width += size + (len(piece) - len(piece.rstrip()))
    return [*lines, line] if line or not lines else lines


def _glued(pieces: list[str]) -> list[str]:
    """Pieces a line may not break between joined: a closing mark to what precedes it,
    an opening mark to what follows it, the unit characters to the number before them."""
    glued: list[str] = []
    in_unit = False  # the last piece ends a number, or a number's unit so far
    for piece in pieces:
        last = glued[-1][-1:] if glued else ""
        unit = in_unit and piece in UNIT_HAN
        if glued and (unit or piece[0] in NO_LINE_START or last in NO_LINE_END):
            glued[-1] += piece
        else:
            glued.append(piece)
        in_unit = unit or glued[-1][-1:].isdigit()
    return glued


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
