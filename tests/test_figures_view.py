"""Figures worded as the article words them, Period and Source readable, and a figure's whole row
above its quotes (issue 22, item 11)."""

from __future__ import annotations

import io

import pytest
from rich.console import Console, RenderableType
from textual.widgets import DataTable, Static

from fintech_tui.model import Pack
from fintech_tui.queries.index import PackIndex
from fintech_tui.render.detail import figure_facts, format_value
from fintech_tui.tui.app import FintechApp
from fintech_tui.tui.screens.evidence import EvidenceScreen
from fintech_tui.tui.screens.figures import FiguresScreen


def as_text(renderable: RenderableType, width: int = 200) -> str:
    console = Console(width=width, file=io.StringIO(), record=True, color_system=None)
    console.print(renderable)
    return console.export_text()


def figure(pack: Pack, figure_id: str):  # type: ignore[no-untyped-def]
    return next(f for f in pack.figures if f.id == figure_id)


def test_values_are_worded_as_the_article_words_them(bundled_pack: Pack) -> None:
    users = figure(bundled_pack, "alipay-users")
    assert users.value is None
    assert format_value(users, "en").plain == "数亿用户 (estimate)"  # not a dash
    rank = figure(bundled_pack, "alipay-app-rank")
    assert format_value(rank, "en").plain == "2nd (among Alibaba's apps)"  # not "2 rank"
    assert format_value(rank, "zh").plain.startswith("第2")
    assert format_value(figure(bundled_pack, "wallet-volume-rank"), "en").plain.startswith("3rd")
    assert format_value(figure(bundled_pack, "cmb-life-users"), "en").plain == "50,000,000 users (more than)"


def test_the_whole_row_names_every_field(bundled_index: PackIndex, bundled_pack: Pack) -> None:
    devices = figure(bundled_pack, "cmb-life-monthly-devices")
    shown = as_text(figure_facts(devices, bundled_index, "en"))
    for words in (devices.period, devices.source, devices.as_written, devices.unit, "30,280,000", "CMB Life"):
        assert words in shown, (words, shown)
    hedged = as_text(figure_facts(figure(bundled_pack, "alipay-users"), bundled_index, "zh"))
    assert "估计" in hedged and "数亿用户" in hedged


def cell_texts(table: DataTable[object], row: int) -> list[str]:
    return [getattr(cell, "plain", str(cell)) for cell in table.get_row_at(row)]


@pytest.mark.parametrize("size", [(120, 40), (80, 24)])
async def test_period_and_source_read_whole_and_enter_shows_the_row(bundled_pack: Pack, size: tuple[int, int]) -> None:
    app = FintechApp(bundled_pack)
    async with app.run_test(size=size) as pilot:
        await pilot.press("f")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, FiguresScreen)
        table = screen.query_one(DataTable)
        row = [f.id for f in screen.figures].index("cmb-life-monthly-devices")
        cells = cell_texts(table, row)
        if size[0] >= 120:
            assert "今年9月" in cells and "艾瑞咨询" in cells, cells  # not 今年9… and 艾瑞…
        alipay = cell_texts(table, [f.id for f in screen.figures].index("alipay-users"))
        assert any(cell.startswith("数亿用户") for cell in alipay), alipay
        table.move_cursor(row=row, animate=False)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, EvidenceScreen)
        about = app.screen.query_one("#evidence-about", Static)
        shown = "\n".join("".join(s.text for s in about.render_line(y)) for y in range(about.size.height))
        devices = figure(bundled_pack, "cmb-life-monthly-devices")
        assert devices.period in shown and devices.source in shown, shown
