"""The pack's readings in the explorer: the source view's `v`, notes, and evidence in detail views."""

from __future__ import annotations

import io
import re
from typing import Any

import pytest
from rich.console import Console, RenderableType

from fintech_tui.i18n import phrase
from fintech_tui.loader import load_pack
from fintech_tui.model import Pack
from fintech_tui.queries.index import PackIndex, Ref
from fintech_tui.render.detail import describe
from fintech_tui.render.readings import (
    READINGS,
    ordered_notes,
    paragraph_view,
    reading_notes,
    restored_paragraph,
    restored_span,
)
from fintech_tui.tui.app import FintechApp
from fintech_tui.tui.screens.source import SourceScreen
from fintech_tui.tui.widgets.detail_view import DetailBody, DetailView
from fintech_tui.tui.widgets.source_list import SourceList

from .conftest import PackWriter


def as_text(renderable: RenderableType, width: int = 116) -> str:
    console = Console(width=width, file=io.StringIO(), record=True, color_system=None)
    console.print(renderable)
    return console.export_text()


# -- the restored reading, a paragraph at a time -------------------------------


def test_a_quoted_garble_is_highlighted_as_its_restored_name() -> None:
    text, restored = "从支付宝,口袋生活到秘密,为什么", "从支付宝、掌上生活到凡秘，为什么"
    start, end = restored_span(text, restored, "口袋生活到秘密") or (0, 0)
    assert restored[start:end] == "掌上生活到凡秘"
    assert restored_span(text, restored, "不在这里") is None


def test_every_quote_of_the_bundled_pack_is_found_in_the_restored_reading(bundled_index: PackIndex) -> None:
    pack = bundled_index.pack
    cited = [
        ev
        for items in (pack.entities, pack.strategies, pack.arguments, pack.figures)
        for i in items
        for ev in i.evidence
    ]
    assert cited
    for ev in cited:
        paragraph = bundled_index.paragraphs[ev.para]
        assert restored_span(paragraph.text, paragraph.restored, ev.quote) is not None, (ev.para, ev.quote)


def test_restored_reading_highlights_the_mapped_quote(bundled_index: PackIndex) -> None:
    paragraph = bundled_index.paragraphs["p01"]
    text = restored_paragraph(paragraph, quote="口袋生活")
    highlighted = [text.plain[span.start : span.end] for span in text.spans if "yellow" in str(span.style)]
    assert highlighted == ["掌上生活"]


def test_notes_are_marked_in_the_reading_and_listed_under_it(bundled_index: PackIndex) -> None:
    paragraph = bundled_index.paragraphs["p08"]
    note = paragraph.restored_notes[0]
    assert f"{note.reading}†1" in restored_paragraph(paragraph).plain
    listed = (reading_notes(paragraph) or "").__str__()
    assert f"†1 {note.text} → {note.reading}" in listed and note.note in listed
    for reading in ("restored", "en", "side"):
        assert note.note[:30] in as_text(paragraph_view(bundled_index, paragraph, reading)).replace("\n", " ")  # type: ignore[arg-type]
    assert note.note[:30] not in as_text(paragraph_view(bundled_index, paragraph, "original"))


def test_side_by_side_puts_the_english_beside_the_text_or_below_it(bundled_index: PackIndex) -> None:
    paragraph = bundled_index.paragraphs["p03"]  # a paragraph without notes: only its two readings
    assert not paragraph.restored_notes
    beside = as_text(paragraph_view(bundled_index, paragraph, "side"), width=116).splitlines()
    assert beside[0].startswith("¶3") and "几年前" in beside[0] and "A few years" in beside[0]
    short = as_text(paragraph_view(bundled_index, bundled_index.paragraphs["p02"], "side"), width=116)
    assert short.index("Views") > 116 // 2 - 5  # the English column starts halfway, however short the text
    stacked = as_text(paragraph_view(bundled_index, paragraph, "side", stacked=True), width=76).splitlines()
    first_english = next(i for i, line in enumerate(stacked) if "A few years" in line)
    assert "几年前" in stacked[0] and "A few years" not in stacked[0]
    assert first_english > 0 and all(
        not any("\u4e00" <= c <= "\u9fff" for c in line) for line in stacked[first_english:]
    )


# -- the source view ------------------------------------------------------------


async def open_source(app: FintechApp, pilot: Any) -> SourceList:
    await pilot.press("s")
    await pilot.pause()
    assert isinstance(app.screen, SourceScreen)
    return app.screen.query_one(SourceList)


async def test_v_cycles_the_readings_and_labels_each(bundled_pack: Pack) -> None:
    app = FintechApp(bundled_pack, goto=Ref("figure", "cmb-life-monthly-devices"))
    async with app.run_test(size=(120, 40)) as pilot:
        source = await open_source(app, pilot)
        seen = []
        for _ in READINGS:
            seen.append((source.reading, str(source.border_title)))
            await pilot.press("v")
            await pilot.pause()
        assert [reading for reading, _ in seen] == list(READINGS)
        assert source.reading == "original"  # and round again
        titles = dict(seen)
        assert "restored reading" in titles["restored"] and "not the author's words" in titles["restored"]
        assert "English translation" in titles["en"] and "not the author's words" in titles["en"]
        assert "original | English translation" in titles["side"]


async def test_changing_the_reading_keeps_the_place(bundled_pack: Pack) -> None:
    app = FintechApp(bundled_pack, goto=Ref("paragraph", "p13"))  # p13 to p15 fit one screen in every reading
    async with app.run_test(size=(120, 40)) as pilot:
        source = await open_source(app, pilot)
        await pilot.press("j", "j")
        await pilot.pause()
        top, cursor = source.top_option(), source.highlighted
        assert (top, cursor) == (12, 14)
        for _ in READINGS:
            await pilot.press("v")
            await pilot.pause()
            assert (source.top_option(), source.highlighted) == (top, cursor), source.reading


async def test_place_kept_from_the_middle_of_a_scroll(bundled_pack: Pack) -> None:
    app = FintechApp(bundled_pack, goto=Ref("paragraph", "p05"))
    async with app.run_test(size=(120, 40)) as pilot:
        source = await open_source(app, pilot)
        source.scroll_to(y=source.scroll_y + 7, animate=False, immediate=True)  # a wheel turn: the cursor stays
        await pilot.pause()
        top = source.top_option()
        await pilot.press("v", "v")  # the English: longer than the text
        await pilot.pause()
        assert source.top_option() == top
        assert source.highlighted in source.options_in_view(whole=True)


async def test_side_by_side_stacks_when_narrow_and_follows_a_resize(bundled_pack: Pack) -> None:
    app = FintechApp(bundled_pack, goto=Ref("paragraph", "p17"))
    async with app.run_test(size=(80, 24)) as pilot:
        source = await open_source(app, pilot)
        await pilot.press("v", "v", "v")
        await pilot.pause()
        assert source.reading == "side" and source.stacked
        await pilot.resize_terminal(120, 40)
        await pilot.pause()
        assert not source.stacked and source.highlighted == 16
        assert 16 in source.options_in_view()


async def test_a_pack_without_readings_says_so_once_and_stays_on_the_text(write_pack: PackWriter) -> None:
    app = FintechApp(load_pack(write_pack()), goto=Ref("entity", "cmb"))
    told: list[tuple[str, dict[str, Any]]] = []
    async with app.run_test(size=(120, 40)) as pilot:
        source = await open_source(app, pilot)
        app.screen.notify = lambda message, **kw: told.append((message, kw))  # type: ignore[method-assign]
        await pilot.press("v", "v", "v")
        await pilot.pause()
        assert source.reading == "original"
        assert told == [(phrase("toast.no_readings", "en"), {"markup": False, "timeout": 4})]


# -- evidence in detail views -----------------------------------------------------


def body_text(app: FintechApp) -> str:
    body = app.screen.query_one(DetailBody)
    assert body.renderable is not None
    return as_text(body.renderable, width=80)


async def test_evidence_shows_the_cited_paragraph_in_the_pack_reading_and_e_toggles_it(bundled_pack: Pack) -> None:
    index = PackIndex(bundled_pack)
    entity = index.entities["cmb-life"]
    cited = index.paragraphs[entity.evidence[0].para]
    app = FintechApp(bundled_pack, goto=Ref("entity", "cmb-life"))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert f"English translation of ¶{cited.number}:" in body_text(app)
        assert cited.en[:20] in body_text(app).replace("\n", " ")
        subtitle = str(app.screen.query_one(DetailBody).border_subtitle)
        assert subtitle.startswith("e: hide readings") and "--goto entity:cmb-life" in subtitle
        await pilot.press("e")
        await pilot.pause()
        assert "English translation of" not in body_text(app)
        assert str(app.screen.query_one(DetailBody).border_subtitle).startswith("e: show readings")
        app.screen.open(Ref("strategy", "two-app"))  # the choice holds for the next item
        await pilot.pause()
        assert "English translation of" not in body_text(app)
        await pilot.press("t", "e")
        await pilot.pause()
        first = index.paragraphs[index.strategies["two-app"].evidence[0].para].number
        label = phrase("detail.reading_of", "zh", reading=phrase("reading.restored", "zh"), number=first)
        squeezed = "".join(body_text(app).split())  # Chinese lines break anywhere
        assert "".join(label.split()) in squeezed  # the label is Chinese too
        assert app.screen.query_one(DetailView).readings


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_detail_readings_follow_the_language(bundled_index: PackIndex, lang: str) -> None:
    detail = describe(bundled_index, Ref("entity", "cmb-life"), lang)  # type: ignore[arg-type]
    paragraph = bundled_index.paragraphs[bundled_index.entities["cmb-life"].evidence[0].para]
    shown = as_text(detail.renderable(readings=True), width=400)
    expected = paragraph.en if lang == "en" else paragraph.restored
    assert expected in shown
    assert expected not in as_text(detail.renderable(readings=False), width=400)


# -- the title bar ---------------------------------------------------------------


async def test_the_title_bar_shows_the_chinese_title_in_chinese(bundled_pack: Pack) -> None:
    from fintech_tui.tui.widgets.title_bar import TitleBar

    app = FintechApp(bundled_pack)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("t")
        await pilot.pause()
        assert bundled_pack.meta.title.zh in app.screen.query_one(TitleBar).render().plain
        await pilot.press("s")  # a view opened in Chinese has it too
        await pilot.pause()
        assert bundled_pack.meta.title.zh in app.screen.query_one(TitleBar).render().plain
        await pilot.press("escape", "t")
        await pilot.pause()
        assert bundled_pack.meta.title.en in app.screen.query_one(TitleBar).render().plain


def test_a_paragraph_detail_shows_both_readings_labelled_with_the_notes(bundled_index: PackIndex) -> None:
    paragraph = bundled_index.paragraphs["p04"]
    shown = as_text(describe(bundled_index, Ref("paragraph", "p04"), "zh").renderable(), width=400)
    restored_at = shown.index(phrase("reading.restored_heading", "zh"))
    english_at = shown.index(phrase("reading.en_heading", "zh"))
    assert restored_at < english_at  # in Chinese, the Chinese reading first
    assert paragraph.en in shown and paragraph.restored_notes[0].note in shown
    assert "它会†2" in shown


async def test_the_evidence_toggle_is_remembered_between_runs(bundled_pack: Pack, tmp_path: Any) -> None:
    import json

    from fintech_tui.tui.settings import Settings

    path = tmp_path / "settings.json"
    app = FintechApp(bundled_pack, settings=Settings.load(path), goto=Ref("entity", "cmb-life"))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("e", "q")
    assert app.save_settings()
    assert json.loads(path.read_text(encoding="utf-8"))["evidence_readings"] is False
    again = FintechApp(bundled_pack, settings=Settings.load(path), goto=Ref("entity", "cmb-life"))
    async with again.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert not again.screen.query_one(DetailView).readings
        assert "English translation of" not in body_text(again)


def test_a_note_marks_the_occurrence_that_replaced_its_words(bundled_index: PackIndex) -> None:
    paragraph = bundled_index.paragraphs["p10"]  # 阿里是 → 支付宝是阿里, where 支付宝 also opens the paragraph
    note = next(n for n in paragraph.restored_notes if n.text == "阿里是")
    number = [n for _, n in ordered_notes(paragraph)].index(note) + 1
    shown = restored_paragraph(paragraph).plain
    assert f"活跃用户的支付宝是阿里†{number}" in shown and shown.startswith("在支付宝APP")


def test_a_note_on_a_word_kept_speaks_the_label_language(bundled_index: PackIndex) -> None:
    paragraph = bundled_index.paragraphs["p10"]
    assert "保留原文：打电话" in str(reading_notes(paragraph, "zh"))
    assert "kept: 打电话" in str(reading_notes(paragraph, "en"))


def test_every_note_that_changes_the_text_is_marked_in_the_restored_reading(bundled_index: PackIndex) -> None:
    """A deletion (mdash; → nothing in p20) is marked where its words stood, in reading order."""
    deletions = 0
    for paragraph in bundled_index.pack.paragraphs:
        shown = restored_paragraph(paragraph).plain
        for number, (at, note) in enumerate(ordered_notes(paragraph), 1):
            assert at >= 0, (paragraph.id, note.text)
            assert f"†{number}" in shown, (paragraph.id, note.text)
            if not note.reading:
                deletions += 1
    assert deletions
    p20 = restored_paragraph(bundled_index.paragraphs["p20"]).plain
    assert re.search(r"生活服务平台[—\s]*†\d[—\s]*据悉", p20), p20


@pytest.mark.parametrize("reading", ["en", "side"])
def test_every_reading_that_lists_notes_marks_them_in_its_text(bundled_index: PackIndex, reading: str) -> None:
    """The English and side by side listed †n notes with no †n in the text above them."""
    for paragraph in bundled_index.pack.paragraphs:
        if not paragraph.restored_notes:
            continue
        shown = as_text(paragraph_view(bundled_index, paragraph, reading), width=200)  # type: ignore[arg-type]
        listed = len(paragraph.restored_notes)
        for number in range(1, listed + 1):  # each marker once in the English, once more in the text beside it
            assert shown.count(f"†{number}") == (3 if reading == "side" else 2), (paragraph.id, number, shown)


def test_the_markers_stand_after_the_noted_words_and_sentences(bundled_index: PackIndex) -> None:
    p19 = bundled_index.paragraphs["p19"]
    side = as_text(paragraph_view(bundled_index, p19, "side", stacked=True), width=400)
    assert "集团的业务基本成功†1" in side  # in the text, after the words the note keeps
    p09 = bundled_index.paragraphs["p09"]  # five sentences in the reading and in the English
    english = as_text(paragraph_view(bundled_index, p09, "en"), width=400).split("\n")[0]
    sentences = re.split(r"(?<=[.!?])\s+", english)
    marked = [i for i, sentence in enumerate(sentences) if "†" in sentence]
    assert marked and marked != [len(sentences) - 1], sentences  # not all heaped after the paragraph


def test_the_chinese_reading_label_does_not_leave_the_paragraph_number_alone_on_its_line(
    bundled_index: PackIndex,
) -> None:
    """Chinese has no spaces to break at: a space after ¶17 left it on a line of its own."""
    figure = bundled_index.pack.figures[0]
    paragraph = bundled_index.paragraphs[figure.evidence[0].para]
    detail = describe(bundled_index, Ref("figure", figure.id), "zh")
    lines = as_text(detail.renderable(readings=True), width=68).splitlines()
    alone = [line for line in lines if line.strip() == f"¶{paragraph.number}"]
    assert not alone, "\n".join(lines)
    assert any(paragraph.restored[:4] in line and f"¶{paragraph.number}" in line for line in lines), "\n".join(lines)
