"""A resize keeps the reader's place in every view that scrolls: the explorer's detail text,
the gap report and the evidence lists, as the source view does (Pilot)."""

from __future__ import annotations

import pytest

from fintech_tui.model import Pack
from fintech_tui.queries.index import Ref
from fintech_tui.tui.app import FintechApp
from fintech_tui.tui.widgets.detail_view import DetailBody


@pytest.mark.parametrize("action", ["scroll_end", "scroll_home", "page_down"])
async def test_jumps_in_the_detail_text_are_not_animated(bundled_pack: Pack, action: str) -> None:
    """End and G took 700-800 ms to settle, animated; a jump lands in the same frame."""
    app = FintechApp(bundled_pack, goto=Ref("entity", "alipay"))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause(0.2)
        await pilot.press("b")
        body = app.screen.query_one(DetailBody)
        if action == "scroll_home":
            body.scroll_to(0, body.max_scroll_y, animate=False, immediate=True)
        await pilot.pause()
        await body.run_action(action)
        assert not app.animator.is_being_animated(body, "scroll_y")
        await pilot.pause()
        expected = {"scroll_end": body.max_scroll_y, "scroll_home": 0, "page_down": body.size.height}[action]
        assert body.scroll_y == expected
