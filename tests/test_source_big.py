"""The source view of big packs draws only what is on screen, and stays the same view (Pilot).

10,000 paragraphs, or one paragraph of a million characters: the view opens on the quote,
`G` shows the last paragraph, `v` changes the reading, and a long paragraph is drawn a page
at a time with its ¶ number once and its quote highlighted.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from rich.console import Console
from textual import events

from fintech_tui.loader import load_pack
from fintech_tui.model import Pack
from fintech_tui.queries.index import Ref
from fintech_tui.render.detail import describe_item
from fintech_tui.render.pages import PAGE_CHARS, page_count
from fintech_tui.render.source import QUOTE_STYLE
from fintech_tui.tui.app import FintechApp
from fintech_tui.tui.screens.source import SourceScreen
from fintech_tui.tui.widgets.source_list import SourceList
from tests.big_pack_files import QUOTE, one_file_pack

SENTENCE = "招商银行推出了掌上生活，支付宝有数亿用户。"


def _pack(tmp_path: Path, paragraphs: list[str], en: str = "") -> Pack:
    """A one-file pack of `paragraphs` (p1, p2 …); Alipay quotes the second; `en` is its translation."""
    return load_pack(one_file_pack(tmp_path, paragraphs, en=en), use_cache=False)


@pytest.fixture(scope="module")
def many(tmp_path_factory: pytest.TempPathFactory) -> Pack:
    folder = tmp_path_factory.mktemp("many")
    return _pack(folder, [f"第{n}段。{SENTENCE}" for n in range(1, 10_001)])


@pytest.fixture(scope="module")
def long_one(tmp_path_factory: pytest.TempPathFactory) -> Pack:
    folder = tmp_path_factory.mktemp("long")
    body = SENTENCE * (1_000_000 // len(SENTENCE))
    return _pack(folder, ["开头。", body, "结尾。"], en="Alipay has hundreds of millions of users. " * 20_000)


async def _source(app: FintechApp, pilot: Any) -> SourceList:
    await pilot.press("s")
    await app.workers.wait_for_complete()
    await pilot.wait_for_scheduled_animations()
    assert isinstance(app.screen, SourceScreen)
    source = app.screen.query_one(SourceList)
    while not source.options_in_view():
        await pilot.pause()
    return source


def _screen_text(source: SourceList) -> str:
    height = source.scrollable_content_region.height
    return "\n".join(source.render_line(y).text for y in range(height))


async def test_g_in_ten_thousand_paragraphs_shows_the_last(many: Pack) -> None:
    app = FintechApp(many, goto=Ref("entity", "alipay"))
    async with app.run_test(size=(120, 40)) as pilot:
        source = await _source(app, pilot)
        assert source.highlighted == 1 and source.top_option() == 1  # ¶2, the quoted paragraph, at the top
        await pilot.press("G")
        await pilot.pause()
        assert source.highlighted == 9_999
        shown = source.options_in_view(whole=True)
        assert shown[-1] == 9_999  # the last paragraph, whole, at the foot of the view
        assert "第10000段" in _screen_text(source)
        assert "¶10000 " in _screen_text(source)  # the ¶ column is as wide as the pack's last number
        assert source.scroll_y == source.max_scroll_y
        await pilot.press("pageup", "pageup")  # back into paragraphs laid out only from guesses
        await pilot.pause()
        cursor = source.highlighted
        assert cursor is not None and cursor < 9_999 and cursor in source.options_in_view()
        assert f"第{cursor + 1}段" in _screen_text(source)
        await pilot.press("g")
        await pilot.pause()
        assert source.highlighted == 0 and source.top_option() == 0 and "¶1 " in _screen_text(source)


async def test_page_keys_and_the_mouse_wheel_move_through_ten_thousand(many: Pack) -> None:
    app = FintechApp(many, goto=Ref("entity", "alipay"))
    async with app.run_test(size=(120, 40)) as pilot:
        source = await _source(app, pilot)
        await pilot.press("pagedown")
        await pilot.pause()
        assert source.highlighted is not None and source.highlighted > 20
        assert source.highlighted in source.options_in_view()
        top = source.top_option()
        for _ in range(5):  # the wheel, as the terminal reports it over the list
            source.post_message(events.MouseScrollDown(source, 10, 10, 0, 0, 0, False, False, False))
        await pilot.pause()
        assert (source.top_option() or 0) > (top or 0)
        assert any(f"第{number + 1}段" in _screen_text(source) for number in source.options_in_view())


async def test_a_million_character_paragraph_is_drawn_a_page_at_a_time(long_one: Pack) -> None:
    app = FintechApp(long_one, goto=Ref("entity", "alipay"))
    async with app.run_test(size=(120, 40)) as pilot:
        source = await _source(app, pilot)
        assert source.highlighted == 1 and source.top_option() == 1
        text = _screen_text(source)
        assert text.count("¶2") == 1 and SENTENCE[:6] in text
        quote_bg = Console().get_style(QUOTE_STYLE).bgcolor
        lit = "".join(
            segment.text
            for y in range(source.scrollable_content_region.height)
            for segment in source.render_line(y)
            if segment.style and segment.style.bgcolor == quote_bg
        )
        assert QUOTE in lit  # the cited words, on the first page where they stand
        lines = source.line_map()
        assert lines.blocks == 2 + page_count(long_one.paragraphs[1]) > 200  # ¶1, ¶3 and ¶2's pages
        assert sum(lines.measured) < 20  # only what was on screen (and a screen either side) was laid out
        await pilot.press("v", "v")  # the English
        await pilot.pause()
        assert source.top_option() == 1 and "Alipay has hundreds" in _screen_text(source)
        await pilot.press("v")  # the text beside the English, each paged alike
        await pilot.pause()
        assert source.top_option() == 1 and "Alipay has hundreds" in _screen_text(source)
        assert SENTENCE[:6] in _screen_text(source)
        await pilot.press("G")
        await pilot.pause()
        assert source.highlighted == 2 and "结尾" in _screen_text(source)
        await pilot.press("k")  # up onto the long paragraph: its last page, drawn just now
        await pilot.pause()
        assert source.highlighted == 1 and 1 in source.options_in_view()


async def test_page_keys_read_on_inside_a_million_character_paragraph(long_one: Pack) -> None:
    """`g j` puts ¶2 at the top; page down shows the next screen of it (it stayed on ¶2's top)."""
    app = FintechApp(long_one, goto=Ref("entity", "alipay"))
    async with app.run_test(size=(120, 40)) as pilot:
        source = await _source(app, pilot)
        await pilot.press("g", "j")
        await pilot.pause()
        assert source.highlighted == 1 and source.top_option() == 1
        height = source.scrollable_content_region.height
        start = source.line_map().option_start(1)
        screens = [_screen_text(source)]
        for presses in range(1, 4):
            await pilot.press("pagedown")
            await pilot.pause()
            assert (source.highlighted, source.scroll_y) == (1, start + presses * height)
            screens.append(_screen_text(source))
        assert len(set(screens)) == 4 and "¶" not in screens[-1]  # the middle of ¶2, a new screen each time
        await pilot.press("j")  # ¶2 goes on: j reads on too, rather than jump to ¶3
        await pilot.pause()
        assert (source.highlighted, source.scroll_y) == (1, start + 4 * height)
        for _ in range(4):
            await pilot.press("pageup")
            await pilot.pause()
        assert (source.highlighted, source.scroll_y) == (1, start)  # back at ¶2's top, not ¶1
        await pilot.press("pageup")
        await pilot.pause()
        assert source.highlighted == 0 and source.scroll_y == 0


def test_a_sections_text_says_what_is_left_of_a_long_paragraph(long_one: Pack) -> None:
    from fintech_tui.queries.index import PackIndex

    index = PackIndex(long_one)
    item = index.get(Ref("section", "body"))
    assert item is not None
    left = len(long_one.paragraphs[1].text) - 1_200
    hints = {"en": f"… {left:,} more characters (s: source view)", "zh": f"… 另有 {left:,} 字（s：原文视图）"}
    for lang, hint in hints.items():
        console = Console(width=100, record=True, file=open("/dev/null", "w"))  # noqa: SIM115
        console.print(describe_item(item, index, lang).renderable())
        assert hint in console.export_text(), lang  # not a bare "…"


@pytest.mark.parametrize(
    ("ref", "shows"),
    [
        (Ref("entity", "alipay"), "Alipay has hundreds"),  # the English under the quote, around it
        (Ref("section", "body"), "more characters (s: source view)"),  # the section's text, a long one cut
        (Ref("paragraph", "p2"), "more characters (s: source view)"),  # its first page, and what is left
    ],
)
def test_a_detail_pane_shows_a_long_paragraphs_neighbourhood_not_all_of_it(
    long_one: Pack, ref: Ref, shows: str
) -> None:
    from fintech_tui.queries.index import PackIndex

    index = PackIndex(long_one)
    item = index.get(ref)
    assert item is not None
    console = Console(width=100, record=True, file=open("/dev/null", "w"))  # noqa: SIM115
    console.print(describe_item(item, index, "en").renderable())
    drawn = console.export_text()
    assert shows in drawn
    assert len(drawn) < 3 * PAGE_CHARS, len(drawn)  # before: the whole paragraph, 1 M characters and more
