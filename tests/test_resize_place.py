"""A resize keeps the reader's place in every view that scrolls: the explorer's detail text,
the gap report and the evidence lists, as the source view does (Pilot)."""

from __future__ import annotations

import pytest

from fintech_tui.model import Pack
from fintech_tui.queries.index import Ref
from fintech_tui.tui.app import FintechApp
from fintech_tui.tui.screens.gaps import GapsScreen
from fintech_tui.tui.widgets.detail_view import DetailBody
from fintech_tui.tui.widgets.placed_list import PlacedList

RESIZES = [((120, 24), (80, 24)), ((80, 24), (120, 24))]  # a new width wraps anew; still too long to fit


def top_words(body: DetailBody) -> str:
    return "".join(segment.text for segment in body.render_line(0)).strip()


@pytest.mark.parametrize(("start", "end"), RESIZES)
async def test_the_detail_text_keeps_its_top_part(
    bundled_pack: Pack, start: tuple[int, int], end: tuple[int, int]
) -> None:
    app = FintechApp(bundled_pack, goto=Ref("entity", "alipay"))
    async with app.run_test(size=start) as pilot:
        await pilot.pause(0.2)
        body = app.screen.query_one(DetailBody)
        part = next(  # a part well down the body, shown from its first line
            n for n in range(len(body._starts) * 2 // 3, len(body._starts)) if body._lines[body._starts[n]].text.strip()
        )
        body.scroll_to(0, body._starts[part], animate=False, immediate=True)
        await pilot.pause()
        words = top_words(body)
        assert words
        await pilot.resize_terminal(*end)
        await pilot.pause(0.3)
        assert body._place(round(body.scroll_y)) == (part, 0.0)


@pytest.mark.parametrize(("start", "end"), [((110, 16), (80, 16)), ((80, 16), (110, 16))])
async def test_the_gap_report_keeps_its_top_finding(
    bundled_pack: Pack, start: tuple[int, int], end: tuple[int, int]
) -> None:
    app = FintechApp(bundled_pack)
    async with app.run_test(size=start) as pilot:
        await pilot.pause(0.1)
        await pilot.press("r")
        await pilot.pause(0.3)
        assert isinstance(app.screen, GapsScreen)
        report = app.screen.query_one(PlacedList)
        assert report.max_scroll_y > 3
        report.scroll_to(y=3, animate=False, immediate=True)  # a few lines down
        await pilot.pause(0.2)
        top = report.top_option()
        assert top is not None and top > 0
        report.highlighted = target = next(
            n for n in report.options_in_view() if not report.get_option_at_index(n).disabled
        )
        await pilot.pause(0.2)
        top = report.top_option()
        await pilot.resize_terminal(*end)
        await pilot.pause(0.3)
        assert (report.top_option(), report.highlighted) == (top, target)


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
