"""`t` in a full-screen view: the whole app changes language and the view is
redrawn in place, its cursor, scroll position, sort, transposition and reading kept."""

from __future__ import annotations

from typing import Any

import pytest

from fintech_tui.i18n import phrase
from fintech_tui.model import Pack
from fintech_tui.queries.index import Ref
from fintech_tui.tui.app import FintechApp
from fintech_tui.tui.screens.compare import CompareScreen
from fintech_tui.tui.screens.evidence import EvidenceScreen
from fintech_tui.tui.screens.figures import FiguresScreen
from fintech_tui.tui.screens.gaps import GapsScreen
from fintech_tui.tui.screens.help import HelpScreen
from fintech_tui.tui.screens.main import MainScreen
from fintech_tui.tui.screens.matrix import MatrixScreen
from fintech_tui.tui.screens.source import SourceScreen
from fintech_tui.tui.screens.view import View
from fintech_tui.tui.widgets.source_list import SourceList
from fintech_tui.tui.widgets.title_bar import TitleBar
from fintech_tui.tui.widgets.vim import VimList, VimScroll
from fintech_tui.tui.widgets.vim_table import VimTable
from tests.test_languages import (
    CJK,
    SCREENS,
    allowed_words,
    chrome_words,
    english_ui_words,
    footer_text,
    lines_of,
    screen_runs,
    stray_words,
    words,
)

WIDE = (120, 40)

#: The screens of test_languages that are full-screen views: (name, where to start, keys to open it).
VIEWS = [
    (name, start, keys) for name, start, keys in SCREENS if name.startswith(("source", "matrix", "figures", "compare"))
] + [(name, start, keys) for name, start, keys in SCREENS if name in ("gaps", "help")]


async def press(pilot: Any, *keys: str) -> None:
    for key in keys:
        await pilot.press(key)
        await pilot.pause()
    await pilot.pause(0.2)


def main_of(app: FintechApp) -> MainScreen:
    return app.main_screen


def test_every_kind_of_view_is_covered() -> None:
    names = {name.split("-")[0] for name, _, _ in VIEWS}
    assert {"source", "matrix", "figures", "compare", "gaps", "help"} <= names
    assert "matrix-evidence" in {name for name, _, _ in VIEWS}


@pytest.mark.parametrize("name, start, keys", VIEWS, ids=[v[0] for v in VIEWS])
async def test_t_in_a_view_leaves_no_english_label_and_switches_the_explorer_too(
    bundled_pack: Pack, name: str, start: Ref | None, keys: list[str]
) -> None:
    """Opened in English, then t inside the view: the same checks as a view opened in Chinese."""
    app = FintechApp(bundled_pack, lang="en", goto=start, fresh=True)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        await press(pilot, *keys)
        view = app.screen
        assert isinstance(view, View)
        english_footer = footer_text(app)
        assert phrase("key.language", "en") in english_footer
        await press(pilot, "t")
        app.clear_notifications()  # the language toast is checked by its own screen
        await pilot.pause(0.2)
        assert app.screen is view  # redrawn in place, not closed and opened again
        assert main_of(app).lang == "zh" and view.lang == "zh"
        runs = screen_runs(app)
        lines = lines_of(runs)
        assert any(CJK.search(line) for line in lines)
        found = {word for line in lines for word in words(line)} & english_ui_words(bundled_pack)
        assert not found, f"English labels on {name} after t: {sorted(found)}\n" + "\n".join(lines)
        stray = stray_words([text for _, text in runs], allowed_words(bundled_pack))
        assert not stray, f"{name}: {sorted(stray)}\n" + "\n".join(lines)
        bar = view.query_one(TitleBar).render().plain
        assert bundled_pack.meta.title.zh in bar and phrase(view.WHERE, "zh") in bar
        chrome = footer_text(app) + " " + bar
        assert not words(chrome) & chrome_words(), chrome
        await press(pilot, "t")  # and back
        assert main_of(app).lang == "en"
        assert footer_text(app) == english_footer
        assert phrase(view.WHERE, "en") in view.query_one(TitleBar).render().plain


async def test_matrix_keeps_its_cursor_scroll_and_transposition(bundled_pack: Pack) -> None:
    app = FintechApp(bundled_pack, fresh=True)
    async with app.run_test(size=(80, 16)) as pilot:
        await press(pilot, "m", "x", "G", "k", *"llllll")  # twelve strategies down the side, more than fit
        view = app.screen
        assert isinstance(view, MatrixScreen)
        table = view.query_one(VimTable)
        cursor, scroll = table.cursor_coordinate, table.scroll_offset
        assert cursor.row > 0 and cursor.column > 1 and scroll.y > 0 and scroll.x > 0  # somewhere worth keeping
        row_item = view.strategies[cursor.row]  # transposed: strategies down the side
        await press(pilot, "t")
        assert view.transposed
        assert table.cursor_coordinate == cursor
        assert table.scroll_offset.y == scroll.y
        assert table.border_title == phrase("matrix.title_transposed", "zh")
        label = table.get_cell_at((cursor.row, 0))
        assert label.plain.rstrip("…") and row_item.name.zh.startswith(label.plain.rstrip("…"))
        headers = [column.label.plain for column in table.columns.values()]
        assert headers[0].split() == phrase("matrix.corner_transposed", "zh").split()
        assert any(CJK.search(header) for header in headers[1:])


async def test_figures_keep_their_sort_and_the_figure_under_the_cursor(bundled_pack: Pack) -> None:
    app = FintechApp(bundled_pack, fresh=True)
    async with app.run_test(size=WIDE) as pilot:
        await press(pilot, "f", "o", "o", "r", *"jjjjj")
        view = app.screen
        assert isinstance(view, FiguresScreen)
        table = view.query_one(VimTable)
        figure = view._current_figure()
        assert figure is not None and view.sorted and view.descending
        await press(pilot, "t")
        assert (view.sort_column, view.descending, view.sorted) == (2, True, True)
        assert view._current_figure() == figure
        column = phrase("column.value", "zh")
        assert table.border_title == phrase("figures.sorted", "zh", column=column, arrow="↓")
        headers = [column.label.plain for column in table.columns.values()]
        assert phrase("column.subject", "zh") in headers[0] or headers[0].rstrip("…") in phrase("column.subject", "zh")
        metric = table.get_cell_at((table.cursor_row, 1)).plain.rstrip("…")
        assert metric and view.figures[figure].metric.zh.startswith(metric)


async def test_the_source_view_keeps_its_reading_and_the_paragraph_at_the_top(bundled_pack: Pack) -> None:
    app = FintechApp(bundled_pack, goto=Ref("entity", "cmb-life"), fresh=True)
    async with app.run_test(size=WIDE) as pilot:
        await press(pilot, "s", "v", "v", *"jjjjjj")  # English reading, six paragraphs on
        view = app.screen
        assert isinstance(view, SourceScreen)
        source = view.query_one(SourceList)
        top, cursor = source.top_option(), source.highlighted
        assert view.reading == "en" and top is not None and cursor is not None
        await press(pilot, "t")
        assert view.reading == "en" and source.reading == "en"
        assert source.top_option() == top and source.highlighted == cursor
        assert source.border_title == phrase("source.title.en", "zh")
        assert phrase("source.hint", "zh") in str(source.border_subtitle)
        assert phrase("reading.en", "zh") in view.query_one(TitleBar).render().plain


async def test_the_gap_report_keeps_the_finding_under_the_cursor(bundled_pack: Pack) -> None:
    app = FintechApp(bundled_pack, fresh=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await press(pilot, "r", "G", "k", "k")
        view = app.screen
        assert isinstance(view, GapsScreen)
        report = view.query_one(VimList)
        highlighted, scroll_y = report.highlighted, report.scroll_y
        assert highlighted is not None and scroll_y > 0
        ref = view.gaps[int(report.get_option_at_index(highlighted).id or 0)].ref
        await press(pilot, "t")
        assert report.highlighted == highlighted and report.scroll_y == scroll_y
        assert view.gaps[int(report.get_option_at_index(highlighted).id or 0)].ref == ref
        assert report.border_title == phrase("gaps.title", "zh", count=view.report.count)


async def test_compare_keeps_its_scroll_and_says_why_in_the_new_language(bundled_pack: Pack) -> None:
    app = FintechApp(bundled_pack, goto=Ref("entity", "cmb"), fresh=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await press(pilot, "c", *"jjjjjj")
        view = app.screen
        assert isinstance(view, CompareScreen)
        scroll = view.query_one(VimScroll)
        scroll_y = scroll.scroll_y
        assert scroll_y > 0
        await press(pilot, "t")
        assert scroll.scroll_y == scroll_y
        assert scroll.border_title == phrase("compare.title", "zh")
        cmb = bundled_pack.entities[[e.id for e in bundled_pack.entities].index("cmb")]
        # CMB is named in one quote with its own apps: the article's pairing chose them
        assert str(scroll.border_subtitle) == phrase("compare.paired_first", "zh", name=cmb.name.zh)


async def test_evidence_renames_what_its_quotes_are_behind(bundled_pack: Pack) -> None:
    app = FintechApp(bundled_pack, fresh=True)
    async with app.run_test(size=WIDE) as pilot:
        await press(pilot, "m")
        matrix = app.screen
        assert isinstance(matrix, MatrixScreen)
        row, column = next(
            (r, c)
            for r in range(len(matrix.entities))
            for c in range(len(matrix.strategies))
            if (tie := matrix._tie(r, c)) is not None and len(tie.evidence) > 1
        )
        tie = matrix._tie(row, column)
        assert tie is not None
        matrix.query_one(VimTable).move_cursor(row=row, column=column + 1)
        await press(pilot, "enter", "j")
        view = app.screen
        assert isinstance(view, EvidenceScreen)
        quotes = view.query_one(VimList)
        before = [str(quotes.get_option_at_index(i).prompt) for i in range(quotes.option_count)]
        await press(pilot, "t")
        assert str(quotes.border_title) == f"{tie.entity.name.zh} × {tie.strategy.name.zh}"
        assert quotes.border_subtitle == phrase("evidence.subtitle", "zh")
        assert quotes.highlighted == 1
        assert [str(quotes.get_option_at_index(i).prompt) for i in range(quotes.option_count)] == before
        await press(pilot, "escape")  # the matrix beneath switched too
        assert app.screen is matrix
        assert matrix.query_one(VimTable).border_title == phrase("matrix.title", "zh")
        assert phrase("key.transpose", "zh") in footer_text(app)
        assert phrase("key.transpose", "en") not in footer_text(app)


async def test_help_is_rebuilt_for_the_view_it_is_over(bundled_pack: Pack) -> None:
    app = FintechApp(bundled_pack, fresh=True)
    async with app.run_test(size=WIDE) as pilot:
        await press(pilot, "f", "question_mark")
        view = app.screen
        assert isinstance(view, HelpScreen)
        english = view.sections
        assert view.where == phrase("view.figures", "en")
        await press(pilot, "t")
        assert view.where == phrase("view.figures", "zh")
        assert [len(rows) for _, rows in view.sections] == [len(rows) for _, rows in english]
        keys = {k for _, rows in view.sections for k, _ in rows}
        assert keys == {k for _, rows in english for k, _ in rows}  # the same keys: the figures view's
        described = " ".join(d for _, rows in view.sections for _, d in rows)
        for meaning in ("sort", "reverse", "language"):
            assert phrase(f"key.{meaning}", "zh") in described
        assert view.query_one(VimScroll).border_title == phrase("help.title", "zh", where=view.where)


async def test_t_is_in_the_views_help_and_palette(bundled_pack: Pack) -> None:
    app = FintechApp(bundled_pack, fresh=True)
    async with app.run_test(size=WIDE) as pilot:
        await press(pilot, "m")
        matrix = app.screen
        commands = {c.title: c for c in app.get_system_commands(matrix)}
        assert commands[phrase("key.language", "en")].help.endswith("key t")
        await press(pilot, "question_mark")
        help_screen = app.screen
        assert isinstance(help_screen, HelpScreen)
        title, rows = help_screen.sections[0]
        assert title == phrase("view.matrix", "en")
        assert ("t", f"{phrase('key.language', 'en')} — {phrase('key.language.tip', 'en')}") in rows
        await press(pilot, "escape", "ctrl+p", *"language")
        await pilot.pause(0.4)
        await press(pilot, "enter")
        assert app.screen is matrix and main_of(app).lang == "zh"  # run on the view, not over the explorer
        assert matrix.query_one(VimTable).border_title == phrase("matrix.title", "zh")


async def test_the_language_chosen_in_a_view_is_remembered(bundled_pack: Pack, tmp_path: Any) -> None:
    from fintech_tui.tui.settings import Settings

    path = tmp_path / "settings.json"
    app = FintechApp(bundled_pack, settings=Settings(path=path), fresh=True)
    async with app.run_test(size=WIDE) as pilot:
        await press(pilot, "f", "t", "q")
    app.save_settings()
    assert Settings.load(path).lang == "zh"


async def test_the_title_bar_of_the_explorer_follows_a_view_switch(bundled_pack: Pack) -> None:
    app = FintechApp(bundled_pack, fresh=True)
    async with app.run_test(size=WIDE) as pilot:
        await press(pilot, "s", "t", "escape")
        assert isinstance(app.screen, MainScreen)
        assert bundled_pack.meta.title.zh in app.screen.query_one(TitleBar).render().plain
        assert phrase("key.search", "zh") in footer_text(app)
        assert app.screen.query_one("#pane-0").border_title == f"1 {phrase('pane.outline', 'zh')}"
