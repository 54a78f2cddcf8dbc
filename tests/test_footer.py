"""The explorer's footer is left alone under a dialog and up to date when it closes."""

from __future__ import annotations

import pytest

from fintech_tui.i18n import phrase
from fintech_tui.model import Lang, Pack
from fintech_tui.queries.index import Ref
from fintech_tui.tui.app import FintechApp
from fintech_tui.tui.screens.main import MainScreen
from fintech_tui.tui.screens.search import SearchScreen
from fintech_tui.tui.widgets.footer import ScreenFooter
from fintech_tui.tui.widgets.key_line import KeyLine


async def test_the_footer_under_search_is_not_rebuilt(bundled_pack: Pack) -> None:
    app = FintechApp(bundled_pack)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("2")
        await pilot.pause()
        footer = app.main_screen.query_one(ScreenFooter)
        for _ in range(100):  # a busy machine composes the footer's keys a few frames late
            if keys_before := list(footer.query("FooterKey")):
                break
            await pilot.pause(0.05)
        assert keys_before
        await pilot.press("slash")
        await pilot.pause(0.2)
        assert not isinstance(app.screen, MainScreen)
        assert list(footer.query("FooterKey")) == keys_before  # the same widgets: no rebuild under the dialog

        await pilot.press("escape")
        await pilot.pause(0.2)
        assert app.screen is app.main_screen
        actions = {key.action for key in footer.query("FooterKey")}
        assert {"search", "source"} <= actions  # the explorer's keys are back


@pytest.mark.parametrize("lang", ["en", "zh"])
async def test_the_search_popup_has_a_footer_of_its_own_keys(bundled_pack: Pack, lang: Lang) -> None:
    """esc, ↑↓ and enter in the label language; none of the explorer's keys, which do not work there."""
    app = FintechApp(bundled_pack, lang=lang, fresh=True)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("slash", *"zhi")
        await pilot.pause(0.2)
        search = app.screen
        assert isinstance(search, SearchScreen)
        line = search.query_one(KeyLine).line().plain
        words = [phrase("key.close_search", lang), phrase("group.results", lang), phrase("key.open_result", lang)]
        assert line.split() == ["esc", words[0], "↑↓", words[1], "⏎", words[2]]
        assert search.query_one(KeyLine).region.y == 39  # where the footer is, over the explorer's
        main_words = {phrase(f"key.{meaning}", lang) for meaning in ("search", "source", "matrix", "quit", "language")}
        assert not [word for word in main_words if word in line]

        second = search.results[1]
        await pilot.press("down", "enter")  # the keys the footer names do what it says
        await pilot.pause(0.2)
        assert app.screen is app.main_screen and app.main_screen.current == second


async def test_a_burst_of_typed_keys_searches_once_for_the_whole_query(bundled_pack: Pack) -> None:
    from textual import events

    from fintech_tui.queries.index import PackIndex
    from fintech_tui.tui.screens.search import SearchScreen

    app = FintechApp(bundled_pack)
    queries: list[str] = []
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("slash")
        await pilot.pause()
        search = app.screen
        assert isinstance(search, SearchScreen)
        real = PackIndex.search

        def counted(index: PackIndex, query: str, limit: int = 50) -> list[Ref]:
            queries.append(query)
            return real(index, query, limit)

        search.index.search = counted.__get__(search.index)  # type: ignore[method-assign]
        for character in "zfb支":  # one burst, as a fast typist or a paste sends it
            app.post_message(events.Key(character, character))
        await pilot.pause(0.3)
        assert queries[-1] == "zfb支" and len(queries) < 4, queries
        await pilot.press("backspace", "enter")  # enter right after typing opens what the last query finds
        await pilot.pause()
        assert app.main_screen.current == Ref("entity", "alipay")


@pytest.mark.parametrize("set_aside", [True, False])
async def test_what_start_up_leaves_alive_is_set_aside_once_it_settles(bundled_pack: Pack, set_aside: bool) -> None:
    """Once the search table is built, the explorer's process freezes what is alive (the next
    full collection would walk it all: a pause on the first `/`); an app in a shared process
    (tests, serve) leaves the collector alone."""
    import gc

    frozen_before = gc.get_freeze_count()
    app = FintechApp(bundled_pack, set_aside=set_aside)
    try:
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.pause(1.0)  # past the warm-up delay and the table's build
            assert "search_entries" in app.main_screen.index.__dict__
            grew = gc.get_freeze_count() > frozen_before
            assert grew is set_aside
    finally:
        gc.unfreeze()
