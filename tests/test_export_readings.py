"""The md and html exports carry both readings of every paragraph, labelled, with their notes."""

from __future__ import annotations

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
        block = unescape(page[start : page.index("</div>", start)])
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
