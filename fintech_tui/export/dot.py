"""The argument map and the entity tree as a Graphviz DOT digraph.

Every id and label is a double-quoted DOT string: backslashes and quotes are escaped,
line breaks become spaces (long labels are wrapped with DOT's own `\\n`) and control
characters visible stand-ins, so content cannot
end a string, add an attribute or a statement.
"""

from __future__ import annotations

from fintech_tui.export.graph import argument_map, entity_tree, wrap
from fintech_tui.model import Pack
from fintech_tui.util.sanitize import neutralise

STYLES = {
    "supports": 'color="#2e7d32"',
    "opposes": 'color="#c62828", style=dashed',
    "elaborates": 'color="#757575", style=dotted',
    "part of": 'color="#1565c0"',
}


def quoted(text: str, *, wrapped: bool = False) -> str:
    """`text` as a DOT double-quoted string that reads back as the same characters.

    With `wrapped`, lines of about 40 cells are joined by DOT's line-break escape `\\n`.
    """
    flat = " ".join(neutralise(text).split())
    lines = wrap(flat) if wrapped else [flat]
    return '"' + "\\n".join(line.replace("\\", "\\\\").replace('"', '\\"') for line in lines) + '"'


def to_dot(pack: Pack) -> str:
    """A `digraph` with one cluster per picture; edges run from child to parent."""
    lines = [f"digraph {quoted(pack.meta.title.pick('en'))} {{", "  rankdir=BT;", "  node [shape=box];"]
    for name, title, (nodes, edges) in (
        ("cluster_arguments", "Argument map", argument_map(pack)),
        ("cluster_entities", "Entities", entity_tree(pack)),
    ):
        lines += [f"  subgraph {name} {{", f"    label={quoted(title)};"]
        for node in nodes:
            lines.append(
                f"    {quoted(node.key)} [label={quoted(node.label, wrapped=True)}, tooltip={quoted(node.kind)}];"
            )
        for edge in edges:
            style = STYLES.get(edge.relation, "")
            lines.append(
                f"    {quoted(edge.source)} -> {quoted(edge.target)} [label={quoted(edge.relation)}, {style}];"
            )
        lines.append("  }")
    lines.append("}")
    return "\n".join(lines) + "\n"
