"""The argument map and the entity tree as a Mermaid flowchart.

Node ids are generated (a1, e1 …), never taken from content; every label is a quoted
string in which ASCII punctuation other than , . : ! ? ' ( ) / % is written as a Mermaid
entity code (#34; for a double quote), so no content can close a label, start an edge
or a directive.
"""

from __future__ import annotations

from fintech_tui.export.graph import Edge, Node, argument_map, entity_tree, wrap
from fintech_tui.model import Pack
from fintech_tui.util.sanitize import neutralise

ARROWS = {"supports": "-->", "opposes": "-.->", "elaborates": "-->", "part of": "-->"}


PLAIN = frozenset(" ,.:!?'()/%")  # ASCII punctuation that means nothing inside a quoted label


def label(text: str, *, wrapped: bool = False) -> str:
    """`text` as the inside of a quoted Mermaid label; with `wrapped`, lines of about 40 cells."""
    flat = " ".join(neutralise(text).split())
    lines = wrap(flat) if wrapped else [flat]
    return "<br/>".join(
        "".join(ch if ch.isalnum() or ch in PLAIN or not ch.isascii() else f"#{ord(ch)};" for ch in line)
        for line in lines
    )


def to_mermaid(pack: Pack) -> str:
    """A `flowchart BT` with one subgraph per picture: claims point at the claims they answer."""
    lines = ["flowchart BT"]
    for title, prefix, (nodes, edges) in (
        ("Argument map", "a", argument_map(pack)),
        ("Entities", "e", entity_tree(pack)),
    ):
        ids = {node.key: f"{prefix}{i}" for i, node in enumerate(nodes, 1)}
        lines.append(f'  subgraph {prefix}_graph["{label(title)}"]')
        lines += [f'    {ids[n.key]}["{label(n.label, wrapped=True)}<br/>#40;{label(n.kind)}#41;"]' for n in nodes]
        lines += [_edge(edge, ids) for edge in edges]
        lines.append("  end")
    return "\n".join(lines) + "\n"


def _edge(edge: Edge, ids: dict[str, str]) -> str:
    arrow = ARROWS.get(edge.relation, "-->")
    return f'    {ids[edge.source]} {arrow}|"{label(edge.relation)}"| {ids[edge.target]}'


__all__ = ["Node", "label", "to_mermaid"]
