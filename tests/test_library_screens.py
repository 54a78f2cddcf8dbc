"""The library's screens driven by real key presses (Pilot): open, sort, an article and back,
a company across the library, its figures over time, claims side by side, one search, --watch.

The library is the bundled article, two short articles written for these tests (tests/library_packs)
and a broken pack, indexed for real by `Library.open` in the test run's private cache.
"""

from __future__ import annotations

import asyncio
import io
from pathlib import Path

import pytest
from rich.console import Console
from textual.pilot import Pilot
from textual.widgets import Input, OptionList, ProgressBar, Static

from fintech_tui.library.catalog import Library
from fintech_tui.queries.index import Ref
from fintech_tui.tui.library_app import LibraryApp
from fintech_tui.tui.screens.library import LibraryScreen
from fintech_tui.tui.screens.library_article import ArticleScreen
from fintech_tui.tui.screens.library_entity import AcrossScreen
from fintech_tui.tui.screens.library_search import LibrarySearchScreen
from fintech_tui.tui.screens.library_series import SeriesScreen
from fintech_tui.tui.screens.library_shared import SharedScreen
from fintech_tui.tui.screens.library_sides import SideBySideScreen
from fintech_tui.tui.screens.source import SourceScreen
from fintech_tui.tui.widgets.paged_table import PagedTable
from tests.library_packs import write_library
from tests.test_languages import footer_text, screen_lines

WIDE = (120, 40)
WAIT = 10.0  # seconds: the index is built in a thread, file events arrive on their own time


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    return write_library(tmp_path / "library")


@pytest.fixture
def library(folder: Path) -> Library:
    opened = Library.open(folder)
    yield opened  # type: ignore[misc]
    opened.close()


async def wait_until(pilot: Pilot[None], condition: object, seconds: float = WAIT) -> None:
    loop = asyncio.get_running_loop()
    deadline = loop.time() + seconds
    while not condition():  # type: ignore[operator]
        assert loop.time() < deadline, "the library did not get there in time"
        await pilot.pause(0.05)


def table(app: LibraryApp) -> PagedTable[object]:
    return app.library_screen.query_one(PagedTable)


def listed(app: LibraryApp) -> list[str]:
    """The article keys as the library's table lists them, top to bottom."""
    found = table(app)
    return [str(found.coordinate_to_cell_key((row, 0))[0].value) for row in range(found.row_count)]


def text_of(app: LibraryApp) -> str:
    return "\n".join(screen_lines(app))


def options_text(options: OptionList) -> str:
    """Every line of a list, scrolled into view or not, as plain text."""
    console = Console(width=200, file=io.StringIO(), record=True)
    for number in range(options.option_count):
        console.print(options.get_option_at_index(number).prompt)
    return console.export_text()


async def test_a_cold_library_shows_its_progress_then_its_articles_newest_first(folder: Path) -> None:
    app = LibraryApp(folder)
    async with app.run_test(size=WIDE) as pilot:
        screen = app.library_screen
        assert screen.query_one("#library-indexing").display  # the index is being built: its progress shows
        await wait_until(pilot, lambda: table(app).row_count > 0)
        assert not screen.query_one("#library-indexing").display
        assert screen.query_one(ProgressBar).total == 4  # it heard the build's progress: four packs
        assert listed(app) == ["cmb-2023", "cmb-2022", "bundled", "broken"]
        assert app.focused is table(app)


async def test_broken_packs_are_listed_with_their_problems(folder: Path, library: Library) -> None:
    app = LibraryApp(folder, library=library)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        problems = str(app.library_screen.query_one("#library-problems", Static).render())
        assert "broken/entities.yaml:2:5: entities[0]: missing required field 'summary'" in problems
        assert str(folder) not in problems  # named from the library folder, as the reader names it
        assert "✗ broken" in text_of(app)
        await pilot.press("G", "enter")  # the broken row: it cannot be opened
        await pilot.pause()
        assert isinstance(app.screen, LibraryScreen)


async def test_o_sorts_by_title_and_r_reverses_keys_in_the_footer_and_help(folder: Path, library: Library) -> None:
    app = LibraryApp(folder, library=library)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        await pilot.pause(0.2)
        footer = footer_text(app)
        assert "o Sort" in footer and "r Reverse" in footer
        await pilot.press("o")
        titles = [library.article(key).title.en for key in listed(app)]
        assert titles == sorted(titles, key=str.casefold)
        assert "sorted by Title ↑" in str(table(app).border_title)
        await pilot.press("r")
        assert [library.article(key).title.en for key in listed(app)] == sorted(titles, key=str.casefold)[::-1]
        await pilot.press("o")  # back to dates, newest first
        assert listed(app)[0] == "cmb-2023"
        await pilot.press("question_mark")
        await pilot.pause()
        help_text = text_of(app)
        assert "By date, then by title" in help_text and "Newest or oldest first" in help_text


async def test_enter_opens_the_explorer_and_back_returns_with_the_cursor_kept(folder: Path, library: Library) -> None:
    app = LibraryApp(folder, library=library)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        await pilot.press("j", "j", "enter")  # the bundled article, third by date
        await pilot.pause()
        explorer = app.screen
        assert isinstance(explorer, ArticleScreen) and explorer.key == "bundled"
        assert explorer.index.pack.meta.title.en.startswith("(restored) From Alipay")
        assert "From Alipay" in app.sub_title
        first = explorer.current
        explorer.open(Ref("entity", "alipay"))  # a step in the article: back retraces it first
        await pilot.press("backspace")
        await pilot.pause()
        assert app.screen is explorer and explorer.current == first
        while isinstance(app.screen, ArticleScreen):
            await pilot.press("backspace")
            await pilot.pause()
        assert isinstance(app.screen, LibraryScreen)
        assert table(app).cursor_row == 2 and app.focused is table(app)
        assert app.sub_title == "library"


async def test_a_company_across_the_library_from_an_article(folder: Path, library: Library) -> None:
    app = LibraryApp(folder, library=library)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        app.open_article("bundled", Ref("entity", "cmb-life"))
        await pilot.pause()
        await pilot.press("a")
        await pilot.pause()
        across = app.screen
        assert isinstance(across, AcrossScreen)
        assert {row.article.key for row in across.rows} == {"bundled", "cmb-2022", "cmb-2023"}
        shown = options_text(across.query_one(OptionList))
        assert "≈ matched by name — inferred" in shown  # the library matched them by their names
        assert "~ prediction" in shown  # a claim's hedge
        assert "8000万用户" in shown and "¶1" in shown  # a figure as written, a quote with its ¶
        # the first quote of the 2022 article: its source view, at that quote
        quote = next(n for n, t in enumerate(across.targets) if t and t.key == "cmb-2022" and t.quote)
        across.query_one(OptionList).highlighted = quote
        await pilot.press("enter")
        await pilot.pause()
        source = app.screen
        assert isinstance(source, SourceScreen)
        assert source.index.pack.meta.title.en == "CMB Life in 2022" and source.quote


async def test_shared_companies_list_opens_one_across_the_library(folder: Path, library: Library) -> None:
    app = LibraryApp(folder, library=library)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, SharedScreen)
        assert "CMB Life" in text_of(app) and "招商银行" in text_of(app)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, AcrossScreen)
        await pilot.press("escape", "escape")
        await pilot.pause()
        assert isinstance(app.screen, LibraryScreen)


async def test_figures_over_time_ordered_by_period_with_the_disagreement_said(folder: Path, library: Library) -> None:
    shared = library.shared_of("cmb-2022", "cmb-life")
    assert shared is not None
    app = LibraryApp(folder, library=library)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        await app.push_screen(AcrossScreen(library, shared))
        await pilot.press("f")
        await pilot.pause()
        series = app.screen
        assert isinstance(series, SeriesScreen)
        periods = [point.period for point in series.points]
        assert periods == ['今年2月 (February of "this year")', "2022年6月", "2022年6月", "2023年6月"]
        assert series.points[0].period_inferred  # dated from the bundled article's own date: said so
        assert "≈ 2021-02-28" in text_of(app)
        notes = str(series.query_one("#series-notes", Static).render())
        assert "disagree" in notes
        assert "≠" in text_of(app)
        assert series.query_one("#series-chart").display  # the periods are dates: the chart is drawn
        await pilot.press("enter")  # the figure's quote in its article's source
        await pilot.pause()
        assert isinstance(app.screen, SourceScreen)


async def test_claims_side_by_side_for_marked_articles(folder: Path, library: Library) -> None:
    app = LibraryApp(folder, library=library)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        await pilot.press("c")  # nothing marked: it says how
        await pilot.pause()
        assert isinstance(app.screen, LibraryScreen)
        await pilot.press("x", "j", "x", "c")  # the two short articles
        await pilot.pause()
        sides = app.screen
        assert isinstance(sides, SideBySideScreen)
        assert sides.articles == ["cmb-2023", "cmb-2022"]
        names = [topic.name.en for topic in sides.topics]
        assert "CMB Life" in names and "Life services" in names
        while sides.topics[sides.topic].name.en != "CMB Life":
            await pilot.press("n")
        assert {claim.id for claim in sides.columns["cmb-2023"]} == {"thesis", "services"}
        assert {claim.id for claim in sides.columns["cmb-2022"]} == {"thesis"}
        shown = text_of(app)
        assert "CMB Life will keep growing." in shown and "CMB Life grows through life services." in shown


async def test_one_search_across_the_library_grouped_by_article(folder: Path, library: Library) -> None:
    app = LibraryApp(folder, library=library)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        await pilot.press("slash")
        await pilot.pause()
        search = app.screen
        assert isinstance(search, LibrarySearchScreen)
        search.query_one(Input).value = "7500万"
        await pilot.pause()
        hits = [hit for hit in search.hits if hit is not None]
        assert hits and {hit.article for hit in hits} == {"cmb-2023"}
        assert search.hits[0] is None  # the article's heading first
        await pilot.press("enter")
        await pilot.pause()
        explorer = app.screen
        assert isinstance(explorer, ArticleScreen) and explorer.key == "cmb-2023"
        assert explorer.current == Ref(hits[0].kind, hits[0].item)


async def test_t_relabels_the_library_and_the_article_opened_from_it(folder: Path, library: Library) -> None:
    app = LibraryApp(folder, library=library)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        await pilot.press("t")
        await pilot.pause()
        assert "标题" in text_of(app) and "篇文章" in str(table(app).border_title)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ArticleScreen) and app.screen.lang == "zh"
        await pilot.press("t")
        await pilot.pause()
        await pilot.press("backspace")
        await pilot.pause()
        assert isinstance(app.screen, LibraryScreen) and app.library_screen.lang == "en"
        assert "Title" in text_of(app)


async def test_watch_reloads_the_changed_packs_row(folder: Path, library: Library) -> None:
    app = LibraryApp(folder, library=library, watch=True)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause(0.5)  # the watcher starts
        meta = folder / "cmb-2022" / "meta.yaml"
        meta.write_text(meta.read_text(encoding="utf-8").replace("CMB Life in 2022", "CMB Life, renamed"), "utf-8")
        await wait_until(pilot, lambda: "CMB Life, renamed" in text_of(app))
        assert listed(app) == ["cmb-2023", "cmb-2022", "bundled", "broken"]


async def test_watch_shows_the_open_article_afresh(folder: Path, library: Library) -> None:
    app = LibraryApp(folder, library=library, watch=True)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause(0.5)  # the watcher starts
        app.open_article("cmb-2022")
        await pilot.pause()
        explorer = app.screen
        assert isinstance(explorer, ArticleScreen)
        meta = folder / "cmb-2022" / "meta.yaml"
        meta.write_text(meta.read_text(encoding="utf-8").replace("CMB Life in 2022", "CMB Life, edited"), "utf-8")
        await wait_until(pilot, lambda: explorer.index.pack.meta.title.en == "CMB Life, edited")
        assert app.screen is explorer and "CMB Life, edited" in app.sub_title
        await pilot.press("backspace")
        await pilot.pause()
        assert "CMB Life, edited" in text_of(app)  # its row in the list too


async def test_a_cold_build_on_worker_processes_opens_inside_the_app(tmp_path: Path) -> None:
    """Enough packs that the index is built by worker processes, started from the app's thread
    (whose standard error Textual has replaced): the list still comes up, every pack in it."""
    from fintech_tui.library.build import PARALLEL_FROM
    from fintech_tui.util.synthetic import write_pack

    folder = tmp_path / "many"
    for number in range(PARALLEL_FROM + 2):
        write_pack(20, folder / f"pack-{number:02d}")
    app = LibraryApp(folder)
    async with app.run_test(size=WIDE) as pilot:
        await wait_until(pilot, lambda: table(app).row_count == PARALLEL_FROM + 2, seconds=60)
        assert not app.library_screen.query_one("#library-broken").display
