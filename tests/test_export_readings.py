"""The md and html exports carry both readings of every paragraph, labelled, with their notes."""

from __future__ import annotations

import re
from html import unescape

from fintech_tui.export.html import to_html
from fintech_tui.export.markdown import md, to_markdown
from fintech_tui.export.sections import note_line
from fintech_tui.loader import load_pack
from fintech_tui.model import Pack

from .conftest import PackWriter


def test_markdown_carries_both_readings_of_every_paragraph(bundled_pack: Pack) -> None:
    page = to_markdown(bundled_pack)
    source = page[page.index("\n## Source\n") :]
    for paragraph in bundled_pack.paragraphs:
        assert paragraph.restored and paragraph.en
        assert f"**¶{paragraph.number}** {md(paragraph.text)}" in source
        assert f"- *Restored reading:* {md(paragraph.restored)}" in source
        assert f"- *English translation:* {md(paragraph.en)}" in source
        for note in paragraph.restored_notes:
            assert md(note_line(note)[1]) in source


def test_html_carries_both_readings_of_every_paragraph(bundled_pack: Pack) -> None:
    page = to_html(bundled_pack)
    for paragraph in bundled_pack.paragraphs:
        start = page.index(f'<div class="para" id="{paragraph.id}">')
        block = unescape(re.sub(r'<sup class="mark">†\d+</sup>', "", page[start : page.index("</div>", start)]))
        assert paragraph.text in block
        assert f"Restored reading:</i> {paragraph.restored}" in block
        assert f"English translation:</i> {paragraph.en}" in block
        assert all(note.note in block for note in paragraph.restored_notes)


def test_a_pack_without_readings_exports_only_the_text(write_pack: PackWriter) -> None:
    tiny_pack = load_pack(write_pack())
    page = to_markdown(tiny_pack)
    assert "**¶1** 口袋生活是招商银行的应用。" in page
    assert "Restored reading" not in page and "English translation" not in page
    assert "Restored reading" not in to_html(tiny_pack)


def test_html_marks_the_notes_in_the_readings_and_lists_them_in_text_order(bundled_pack: Pack) -> None:
    page = to_html(bundled_pack)
    start = page.index('<div class="para" id="p04">')
    block = page[start : page.index("</div>", start)]
    readings = re.findall(r'<p class="reading" lang="(\w+)">(.*?)</p>', block)
    for _, text in readings:  # the restored reading after its words, the English after the sentence
        assert re.findall(r'<sup class="mark">(†\d)</sup>', text) == ["†1", "†2"], text
    restored = unescape(dict(readings)["zh"])
    assert restored.index("抛开产品本身的争议不谈<sup") < restored.index("它会<sup")
    listed = re.findall(r"<li><sup class=\"mark\">(†\d)</sup> (.*?):", unescape(block))
    assert listed == [("†1", "我们来谈谈产品本身的争议 → 抛开产品本身的争议不谈"), ("†2", "我们会 → 它会")]
    assert [n.text for n in bundled_pack.paragraphs[3].restored_notes] == ["我们会", "我们来谈谈产品本身的争议"]
