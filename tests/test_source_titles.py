"""What the source view's titles say: only what the pack's text shows, and no word twice."""

from __future__ import annotations

from typing import Any

import pytest
from textual.widgets import OptionList

from fintech_tui.i18n import phrase
from fintech_tui.loader import load_pack
from fintech_tui.model import Lang
from fintech_tui.queries.index import Ref
from fintech_tui.tui.app import FintechApp
from fintech_tui.tui.screens.source import SourceScreen
from fintech_tui.tui.widgets.title_bar import TitleBar
from tests.conftest import TINY_PACK, PackWriter

# the tiny pack's bank alone: its app is the one entity with a garbled alias
NO_ALIASES = TINY_PACK["entities.yaml"].split("          - id: pocket")[0]


async def _source_view(app: FintechApp, pilot: Any) -> SourceScreen:
    await pilot.press("s")
    while not isinstance(app.screen, SourceScreen):
        await pilot.pause()
    await pilot.pause()
    return app.screen


@pytest.mark.parametrize("lang", ["en", "zh"])
async def test_a_pack_without_garbles_is_not_told_of_underlined_names(write_pack: PackWriter, lang: Lang) -> None:
    pack = load_pack(
        write_pack(**{"entities.yaml": NO_ALIASES, "strategies.yaml": None, "arguments.yaml": None}), use_cache=False
    )
    app = FintechApp(pack, goto=Ref("entity", "cmb"), fresh=True, lang=lang)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await _source_view(app, pilot)
        title = str(screen.query_one(OptionList).border_title)
        assert title == phrase("source.title.plain", lang)
        assert "⟨" not in title


@pytest.mark.parametrize("lang", ["en", "zh"])
async def test_a_pack_with_garbles_says_how_they_are_marked(write_pack: PackWriter, lang: Lang) -> None:
    app = FintechApp(load_pack(write_pack(), use_cache=False), goto=Ref("entity", "pocket"), fresh=True, lang=lang)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await _source_view(app, pilot)
        assert str(screen.query_one(OptionList).border_title) == phrase("source.title.original", lang)


async def test_the_chinese_title_bar_names_the_view_and_the_reading_apart(write_pack: PackWriter) -> None:
    """原文 is the original reading; the view is 原文视图, so side by side does not read 原文 · 原文 | …"""
    pack = load_pack(write_pack(), use_cache=False)
    app = FintechApp(pack, goto=Ref("entity", "pocket"), fresh=True, lang="zh")
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await _source_view(app, pilot)
        bar = screen.query_one(TitleBar)
        for _ in range(3):
            await pilot.press("v")
            await pilot.pause()
            where = str(bar.where)
            assert where.startswith(phrase("view.source", "zh")), where
            assert where.count("原文") <= 2 and "原文 · 原文" not in where, where
