"""OPML export: parsed by the standard library's XML parser, nested as the outline, hostile text kept."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from fintech_tui.export.opml import to_opml
from fintech_tui.model import Pack, walk_outline
from fintech_tui.util.sanitize import neutralise

from .interchange import HOSTILE, hostile_pack

FLAT = " ".join(neutralise(HOSTILE).split())


def test_the_bundled_outline_nests_as_in_the_pack(bundled_pack: Pack) -> None:
    root = ET.fromstring(to_opml(bundled_pack))
    assert root.tag == "opml" and root.get("version") == "2.0"
    ids = [element.get("id") for element in root.find("body").iter("outline")]  # type: ignore[union-attr]
    assert ids == [node.id for node in walk_outline(bundled_pack.outline)]
    for node in walk_outline(bundled_pack.outline):
        element = root.find(f".//outline[@id='{node.id}']")
        assert element is not None
        assert [c.get("id") for c in element.findall("outline")] == [c.id for c in node.children]
        assert element.get("title_zh", "") == node.title.zh and element.get("first") == node.first
        assert element.get("paragraphs", "").startswith("¶")


def test_hostile_titles_come_back_as_text() -> None:
    text = to_opml(hostile_pack())
    assert "\x1b" not in text and "\x07" not in text and "<script>" not in text
    root = ET.fromstring(text)
    first, second = root.find("body").iter("outline")  # type: ignore[union-attr]
    assert first.get("text") == FLAT and first.get("title_zh") == "题" + FLAT
    assert first.get("paragraphs") == "¶1" and second.get("paragraphs") == "¶2"
    assert second.get("_note") == FLAT and root.findtext("head/title") == FLAT
