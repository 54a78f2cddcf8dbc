"""The explorer's footer is left alone under a dialog and up to date when it closes."""

from __future__ import annotations

from fintech_tui.app import FintechApp
from fintech_tui.model import Pack
from fintech_tui.screens.main import MainScreen
from fintech_tui.widgets.footer import ScreenFooter


async def test_the_footer_under_search_is_not_rebuilt(bundled_pack: Pack) -> None:
    app = FintechApp(bundled_pack)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("2")
        await pilot.pause()
        footer = app.main_screen.query_one(ScreenFooter)
        keys_before = list(footer.query("FooterKey"))
        await pilot.press("slash")
        await pilot.pause(0.2)
        assert not isinstance(app.screen, MainScreen)
        assert list(footer.query("FooterKey")) == keys_before  # the same widgets: no rebuild under the dialog

        await pilot.press("escape")
        await pilot.pause(0.2)
        assert app.screen is app.main_screen
        actions = {key.action for key in footer.query("FooterKey")}
        assert {"search", "source"} <= actions  # the explorer's keys are back
