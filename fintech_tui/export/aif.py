"""The argument tree as xAIF JSON, the Argument Interchange Format of OVA, AIFdb and argument mining.

Each claim is an I-node; a reply is joined to the claim it answers through a scheme node:
RA (inference) for supports, CA (conflict) for opposes, MA (rephrase) for elaborates, with
edges reply → scheme → claim. Each quote is an L-node (the author's locution, verbatim)
that asserts its claim through a YA node, as AIF's dialogical extension anchors
propositions in a text; the L-node also names its paragraph and its offsets in that
paragraph's text (`paragraph`, `start`, `end`: extra keys that AIF readers pass over).

`text` is the article as xAIF tools show it: HTML, one paragraph a line joined with `<br>`,
each paragraph's text HTML-escaped. Node ids are generated, never taken from content; the
JSON encoder escapes quotes and control characters, and characters that could drive a
terminal are written as \\u escapes (`json_safe`).
"""

from __future__ import annotations

import html
import json
from typing import Any

from fintech_tui.export.quotes import placed_quotes
from fintech_tui.model import Pack
from fintech_tui.util.sanitize import json_safe

#: The scheme node for each relation: its AIF type and the text AIFdb gives the default scheme.
SCHEMES = {
    "supports": ("RA", "Default Inference"),
    "opposes": ("CA", "Default Conflict"),
    "elaborates": ("MA", "Default Rephrase"),
}
ASSERTING = "Asserting"


def to_xaif(pack: Pack) -> dict[str, Any]:
    """The xAIF document as data: {"AIF": {nodes, edges, locutions, participants, …}, "text": …}."""
    nodes: list[dict[str, Any]] = []
    edges: list[dict[str, str]] = []

    def node(kind: str, text: str, **extra: Any) -> str:
        node_id = str(len(nodes) + 1)
        nodes.append({"nodeID": node_id, "text": text, "type": kind, **extra})
        return node_id

    def edge(source: str, target: str) -> None:
        edges.append({"edgeID": str(len(edges) + 1), "fromID": source, "toID": target})

    claims = {a.id: node("I", a.claim.pick("en")) for a in pack.arguments}
    for argument in pack.arguments:
        if argument.parent in claims and argument.parent != argument.id:
            scheme_type, scheme_text = SCHEMES[argument.relation or "supports"]
            scheme = node(scheme_type, scheme_text)
            edge(claims[argument.id], scheme)
            edge(scheme, claims[argument.parent])
    locutions = []
    for quote in placed_quotes(pack):
        if quote.kind != "argument":
            continue
        said = node("L", quote.quote, paragraph=quote.para, start=quote.start, end=quote.end)
        asserting = node("YA", ASSERTING)
        edge(said, asserting)
        edge(asserting, claims[quote.item.id])
        locutions.append({"nodeID": said, "personID": "1"})
    author = pack.meta.author
    return {
        "AIF": {
            "nodes": nodes,
            "edges": edges,
            "locutions": locutions,
            "participants": [{"participantID": "1", "firstname": author, "surname": ""}] if locutions else [],
            "schemefulfillments": [],
            "descriptorfulfillments": [],
        },
        "text": "<br>".join(html.escape(p.text, quote=False) for p in pack.paragraphs),
        "dialog": False,
    }


def to_aif(pack: Pack) -> str:
    """The xAIF document as JSON text."""
    return json_safe(json.dumps(to_xaif(pack), ensure_ascii=False, indent=2)) + "\n"
