"""The source view's keys read like a pager: no line is skipped, and a resize keeps the place (Pilot).

Side by side at 60 × 16 the bundled article's paragraphs, with their notes, are taller than
the screen: page keys and `j`/`k` go through them a screen at a time, never past a line the
reader has not been shown, and back. Resizes through stacked and side-by-side widths bring
the paragraph the reader left at the top back to the top.
"""

from __future__ import annotations

from collections.abc import Callable
from itertools import pairwise
from typing import Any

import pytest

from fintech_tui.model import Pack
from fintech_tui.queries.index import Ref
from fintech_tui.tui.app import FintechApp
from fintech_tui.tui.screens.source import SourceScreen
from fintech_tui.tui.widgets.source_list import SourceList


async def until(pilot: Any, condition: Callable[[], bool], frames: int = 100) -> bool:
    """Wait frame by frame until `condition` holds (False if it never does)."""
    for _ in range(frames):
        if condition():
            return True
        await pilot.pause()
    return condition()


async def settled(pilot: Any, source: SourceList) -> None:
    """Wait until the view stops moving (the same place over two frames)."""
    last = None
    for _ in range(50):
        await pilot.pause()
        now = (source.size, source.scroll_y, source.highlighted, source.top_option())
        if now == last:
            return
        last = now


async def side_by_side(app: FintechApp, pilot: Any) -> SourceList:
    await until(pilot, lambda: app.screen.query("Tree"))
    await pilot.press("s")
    assert await until(pilot, lambda: isinstance(app.screen, SourceScreen))
    source = app.screen.query_one(SourceList)
    await pilot.press("v", "v", "v")
    assert await until(pilot, lambda: source.reading == "side" and bool(source.options_in_view()))
    return source


def cursor_shown(source: SourceList) -> bool:
    return source.highlighted in source.options_in_view()


@pytest.mark.parametrize(("down", "up"), [("pagedown", "pageup"), ("j", "k")])
async def test_keys_go_through_paragraphs_taller_than_the_screen_without_skipping(
    bundled_pack: Pack, down: str, up: str
) -> None:
    app = FintechApp(bundled_pack)
    async with app.run_test(size=(60, 16)) as pilot:
        source = await side_by_side(app, pilot)
        await pilot.press("g")
        assert await until(pilot, lambda: source.highlighted == 0 and source.scroll_y == 0)
        height = source.scrollable_content_region.height
        last = source.option_count - 1
        inside = 0  # presses that scrolled within the cursor's paragraph
        for key, end in ((down, last), (up, 0)):
            for _ in range(400):
                if source.highlighted == end and source.scroll_y in (0, source.max_scroll_y):
                    break
                y, cursor = source.scroll_y, source.highlighted
                await pilot.press(key)
                await settled(pilot, source)
                assert abs(source.scroll_y - y) <= height, (key, cursor)  # no line passed unseen
                assert (source.scroll_y, source.highlighted) != (y, cursor), (key, cursor)  # the key did something
                assert cursor_shown(source), (key, source.highlighted)
                inside += source.highlighted == cursor
            assert source.highlighted == end, key
        assert inside > 4  # ¶4 and others were read a screen at a time, both ways


async def test_pagedown_reads_on_in_the_cursors_tall_paragraph_and_then_moves_on(bundled_pack: Pack) -> None:
    """The reader's keys: `g j j j` puts ¶4 (taller than the screen) at the top; page down shows its rest."""
    app = FintechApp(bundled_pack)
    async with app.run_test(size=(60, 16)) as pilot:
        source = await side_by_side(app, pilot)
        await pilot.press("g", "j", "j", "j")
        assert await until(pilot, lambda: source.highlighted == 3)
        lines = source.line_map()
        start, end = lines.option_start(3), lines.option_start(3) + lines.option_height(3)
        height = source.scrollable_content_region.height
        assert end - start > height  # taller than the screen
        seen = [source.scroll_y]
        for _ in range(20):  # ¶4 is a few screens tall
            if source.highlighted != 3:
                break
            await pilot.press("pagedown")
            await settled(pilot, source)
            seen.append(source.scroll_y)
        assert all(b - a == height for a, b in pairwise(seen)), seen  # a screen at a time
        assert seen[-2] + height >= end  # ¶4's end was on screen before the cursor moved on
        assert source.highlighted == 4 and cursor_shown(source)
        await pilot.press("pageup")
        await settled(pilot, source)
        assert source.highlighted == 3 and source.scroll_y == seen[-1] - height  # ¶4 again, from its end


async def test_resizes_through_both_layouts_bring_the_top_paragraph_back(bundled_pack: Pack) -> None:
    """¶20 at the top, the cursor below it: squeezing the view scrolls to the cursor,
    widening it again brings ¶20 back."""
    app = FintechApp(bundled_pack, goto=Ref("paragraph", "p01"))
    async with app.run_test(size=(120, 40)) as pilot:
        source = await side_by_side(app, pilot)
        await pilot.press(*"j" * 22)
        await settled(pilot, source)
        assert (source.top_option(), source.highlighted) == (19, 22)  # ¶20 at the top, the cursor on ¶23
        for size in [(99, 30), (100, 30), (60, 20), (120, 40)]:
            await pilot.resize_terminal(*size)
            assert await until(pilot, lambda size=size: app.size == size)
            await settled(pilot, source)
            assert cursor_shown(source), size
        assert (source.top_option(), source.highlighted) == (19, 22)
