"""`/` in a full-screen view searches the pack, as it does on the explorer.

A reader in the source view or the figures table who wants another company
used to have to close the view first: `/` there did nothing.
"""

from __future__ import annotations

import pytest
from textual.widgets import Input

from fintech_tui.model import Pack
from fintech_tui.queries.index import Ref
from fintech_tui.tui.app import FintechApp
from fintech_tui.tui.screens.figures import FiguresScreen
from fintech_tui.tui.screens.help import HelpScreen
from fintech_tui.tui.screens.main import MainScreen
from fintech_tui.tui.screens.search import SearchScreen
from fintech_tui.tui.screens.source import SourceScreen
from tests.test_app import WIDE, settled


@pytest.mark.parametrize(("key", "view"), [("s", SourceScreen), ("f", FiguresScreen), ("m", None)])
async def test_a_result_found_from_a_view_closes_it_and_opens_in_the_explorer(
    bundled_pack: Pack, key: str, view: type | None
) -> None:
    app = FintechApp(bundled_pack)
    async with app.run_test(size=WIDE) as pilot:
        explorer = app.screen
        assert isinstance(explorer, MainScreen)
        await pilot.press(key)
        await settled(pilot, lambda: app.screen is not explorer)
        if view is not None:
            assert isinstance(app.screen, view)
        await pilot.press("slash")
        await settled(pilot, lambda: isinstance(app.screen, SearchScreen))
        await pilot.press(*"口袋生活")
        await settled(pilot, lambda: app.screen.query_one(Input).value == "口袋生活")
        await pilot.press("enter")
        await settled(pilot, lambda: app.screen is explorer)
        assert explorer.current == Ref("entity", "cmb-life")
        assert app.screen_stack == [explorer], "no view is left under the explorer"


async def test_escape_from_that_search_leaves_the_view_as_it_was(bundled_pack: Pack) -> None:
    app = FintechApp(bundled_pack)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press("s")
        await settled(pilot, lambda: isinstance(app.screen, SourceScreen))
        source = app.screen
        await pilot.press("j", "j")
        highlighted = source.query_one("#source").highlighted
        await pilot.press("slash")
        await settled(pilot, lambda: isinstance(app.screen, SearchScreen))
        await pilot.press("escape")
        await settled(pilot, lambda: app.screen is source)
        assert source.query_one("#source").highlighted == highlighted


async def test_help_over_a_view_lists_slash(bundled_pack: Pack) -> None:
    app = FintechApp(bundled_pack)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press("s")
        await settled(pilot, lambda: isinstance(app.screen, SourceScreen))
        await pilot.press("question_mark")
        await settled(pilot, lambda: isinstance(app.screen, HelpScreen))
        help_screen = app.screen
        assert isinstance(help_screen, HelpScreen)
        rows = [(str(keys), str(words)) for _, section in help_screen.sections for keys, words in section]
        assert any(keys == "/" and "search" in words.lower() for keys, words in rows), rows
