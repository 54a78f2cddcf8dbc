"""The matrix: a cursor that shows on any cell, a legend, transpose keeping the pair, headers that
use the width, the pair's full names under the table, whole columns after scrolling (Pilot)."""

from __future__ import annotations

from typing import Any

import pytest
from textual.widgets import Static

from fintech_tui.model import Pack
from fintech_tui.tui.app import FintechApp
from fintech_tui.tui.screens.matrix import MatrixScreen, MatrixTable


async def open_matrix(app: FintechApp, pilot: Any) -> tuple[MatrixScreen, MatrixTable]:
    await pilot.pause(0.1)
    await pilot.press("m")
    await pilot.pause(0.2)
    screen = app.screen
    assert isinstance(screen, MatrixScreen)
    return screen, screen.query_one(MatrixTable)


def here(screen: MatrixScreen) -> str:
    widget = screen.query_one("#matrix-here", Static)
    return "\n".join("".join(s.text for s in widget.render_line(y)) for y in range(widget.size.height))


def cell(table: MatrixTable, row: int, column: int) -> str:
    return str(getattr(table.get_cell_at((row, column)), "plain", ""))  # type: ignore[arg-type]


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
async def test_the_cursor_cell_is_bracketed_and_the_pair_named_in_full(
    bundled_pack: Pack, size: tuple[int, int]
) -> None:
    app = FintechApp(bundled_pack)
    async with app.run_test(size=size) as pilot:
        screen, table = await open_matrix(app, pilot)
        alipay = [e.id for e in screen.entities].index("alipay")
        await pilot.press(*"j" * alipay)
        await pilot.pause()
        row, column = table.cursor_coordinate
        assert cell(table, row, column).startswith("▸") and cell(table, row, column).endswith("◂")
        strategy = screen.strategies[column - 1]
        shown = here(screen)
        assert f"Alipay × {strategy.name.en}" in shown, shown  # the full name, whatever the column's width
        assert "Quotes tying the pair:" in shown and "the cursor" in shown, shown  # the legend
        await pilot.press("l")
        await pilot.pause()
        assert not cell(table, row, column).startswith("▸")  # the old cell drawn plain again
        assert cell(table, row, column + 1).startswith("▸")


@pytest.mark.parametrize("start_column", [2, 0])  # a cell; the names
async def test_transpose_keeps_the_pair(bundled_pack: Pack, start_column: int) -> None:
    app = FintechApp(bundled_pack)
    async with app.run_test(size=(120, 40)) as pilot:
        screen, table = await open_matrix(app, pilot)
        await pilot.press("j", "j")
        table.move_cursor(column=start_column, animate=False)
        await pilot.pause()
        row, column = table.cursor_coordinate
        entity = screen.entities[row]
        await pilot.press("x")
        await pilot.pause()
        assert screen.transposed
        new_row, new_column = table.cursor_coordinate
        assert screen.entities[new_column - 1] is entity  # the company, now a column, and on a cell
        if start_column:
            assert screen.strategies[new_row] is screen.strategies[column - 1]
        await pilot.press("x")
        await pilot.pause()
        assert table.cursor_coordinate.row == row


async def test_at_200_columns_the_headers_use_the_width_and_nothing_scrolls(bundled_pack: Pack) -> None:
    app = FintechApp(bundled_pack)
    async with app.run_test(size=(200, 60)) as pilot:
        _, table = await open_matrix(app, pilot)
        widths = [column.get_render_width(table) for column in table.columns.values()]
        assert table.max_scroll_x == 0
        assert sum(widths) >= table.scrollable_content_region.width - len(widths)  # the width used
        header = str(getattr(list(table.columns.values())[1].label, "plain", ""))
        assert "\n" in header or len(header) > 18  # two lines, not cut at 18 cells


async def test_scrolling_right_shows_whole_columns(bundled_pack: Pack) -> None:
    app = FintechApp(bundled_pack)
    async with app.run_test(size=(120, 40)) as pilot:
        _, table = await open_matrix(app, pilot)
        seen = set()
        for _ in range(len(table.columns)):
            await pilot.press("l")
            await pilot.pause()
            seen.add(table.scroll_x)
            assert table.scroll_x in table.column_starts(), (table.scroll_x, table.column_starts())
        assert max(seen) > 0
