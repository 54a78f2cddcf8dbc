"""The outline as OPML 2.0, for outliners: a nested `<outline>` per node of the article's structure.

Each outline element's `text` is the title (English first), with both titles also in
`title_en` and `title_zh`, the paragraphs it covers in `paragraphs` ("¶3–¶5", with the ids
in `first` and `last`) and the summary in `_note`, where outliners keep a node's note.
ElementTree escapes `& < > "` and line breaks in attributes; control codes, which XML 1.0
cannot carry at all, are shown as visible stand-ins first.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from fintech_tui.model import OutlineNode, Pack
from fintech_tui.util.sanitize import neutralise


def clean(value: str) -> str:
    """Text XML can hold: no control codes (newlines and tabs become spaces, as OPML is one line)."""
    return " ".join(neutralise(value).split())


def to_opml(pack: Pack) -> str:
    """The whole outline, nested as in the pack."""
    numbers = {p.id: n for n, p in enumerate(pack.paragraphs, 1)}  # ¶ numbers follow the order
    root = ET.Element("opml", version="2.0")
    head = ET.SubElement(root, "head")
    ET.SubElement(head, "title").text = clean(pack.meta.title.pick("en"))
    if pack.meta.author:
        ET.SubElement(head, "ownerName").text = clean(pack.meta.author)
    body = ET.SubElement(root, "body")

    def add(parent: ET.Element, node: OutlineNode) -> None:
        first, last = numbers.get(node.first, 0), numbers.get(node.last or node.first, 0)
        attributes = {"text": clean(node.title.pick("en")), "title_en": clean(node.title.en)}
        attributes |= {"title_zh": clean(node.title.zh), "id": node.id}
        attributes |= {"paragraphs": f"¶{first}" if first == last else f"¶{first}–¶{last}"}
        attributes |= {"first": node.first, "last": node.last or node.first, "_note": clean(node.summary.pick("en"))}
        element = ET.SubElement(parent, "outline", {k: v for k, v in attributes.items() if v})
        for child in node.children:
            add(element, child)

    for node in pack.outline:
        add(body, node)
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
