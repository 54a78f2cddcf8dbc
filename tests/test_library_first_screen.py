"""The library's first screen needs only what it shows: the list straight from the index, the packs on
disk compared with it after that first paint, the keys typed during a cold build kept, and `G`
fetching the last page only."""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import pytest
from rich.text import Text
from textual.app import App, ComposeResult

from fintech_tui.library.catalog import Library
from fintech_tui.tui.library_app import LibraryApp
from fintech_tui.tui.screens.library_search import LibrarySearchScreen
from fintech_tui.tui.widgets.paged_table import PAGE, PagedTable
from tests.library_packs import write_library
from tests.test_library_screens import WIDE, listed, table, text_of, wait_until


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    found = write_library(tmp_path / "library")
    Library.open(found).close()  # the index is built: the app's open is warm
    return found


def held(monkeypatch: pytest.MonkeyPatch, name: str) -> threading.Event:
    """Library.`name` waits for the event before it does its work (in the app's worker thread)."""
    release = threading.Event()
    real: Callable[..., Any] = getattr(Library, name)

    def waiting(*args: Any, **kwargs: Any) -> Any:
        assert release.wait(30)
        return real(*args, **kwargs)

    monkeypatch.setattr(
        Library, name, classmethod(lambda cls, *a, **k: waiting(*a, **k)) if name == "open" else waiting
    )
    return release


def backdate(path: Path) -> None:
    """An mtime well in the past: a signature is only trusted for files older than two seconds."""
    os.utime(path, (1_600_000_000, 1_600_000_000))


async def test_a_warm_library_lists_its_articles_before_it_compares_the_packs(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    meta = folder / "cmb-2022" / "meta.yaml"
    meta.write_text(meta.read_text(encoding="utf-8").replace("CMB Life in 2022", "CMB Life, renamed"), "utf-8")
    backdate(meta)
    release = held(monkeypatch, "sync")
    app = LibraryApp(folder)
    async with app.run_test(size=WIDE) as pilot:
        await wait_until(pilot, lambda: table(app).row_count > 0)
        assert "CMB Life in 2022" in text_of(app)  # the index as it was: nothing compared yet
        assert app.library is not None and not app.library.checked
        release.set()
        await wait_until(pilot, lambda: "CMB Life, renamed" in text_of(app))  # re-indexed, and the list shown again
        assert app.library.checked
        assert listed(app) == ["cmb-2023", "cmb-2022", "bundled", "broken"]


async def test_a_pack_gone_and_one_added_show_after_the_check(folder: Path, tmp_path: Path) -> None:
    import shutil

    shutil.move(folder / "cmb-2023", tmp_path / "aside")
    shutil.copytree(tmp_path / "aside", folder / "cmb-2024")
    for file in (folder / "cmb-2024").iterdir():
        backdate(file)
    app = LibraryApp(folder)
    async with app.run_test(size=WIDE) as pilot:
        await wait_until(pilot, lambda: "cmb-2024" in listed(app))
        assert "cmb-2023" not in listed(app)


async def test_keys_typed_while_a_cold_index_is_built_are_not_lost(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = write_library(tmp_path / "cold")
    release = held(monkeypatch, "open")
    app = LibraryApp(folder)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press("o", "r", "r")  # sort by title, reversed and back: before there is a list to sort
        await pilot.press("slash", "c", "m", "b")  # and a search, typed on
        assert app.library is None and table(app).row_count == 0
        assert app.library_screen.typed[:3] == [("o", "o"), ("r", "r"), ("r", "r")]
        release.set()
        await wait_until(pilot, lambda: isinstance(app.screen, LibrarySearchScreen))
        search = app.screen
        assert isinstance(search, LibrarySearchScreen)
        await wait_until(pilot, lambda: search.query_one("#library-search-input").value == "cmb")  # type: ignore[attr-defined]
        screen = app.library_screen
        assert (screen.sort, screen.descending) == ("title", False)
        await pilot.press("escape")
        await pilot.pause()
        assert app.library is not None
        by_title = [a.key for a in app.library.articles(sort="title", descending=False)]
        assert listed(app) == by_title != [a.key for a in app.library.articles()]  # not the first screen's order


class Rows(App[None]):
    """A PagedTable over `total` numbered rows, counting what it fetches."""

    def __init__(self, total: int) -> None:
        super().__init__()
        self.total = total
        self.fetched: list[tuple[int, int]] = []

    def fetch(self, offset: int, limit: int) -> Sequence[int]:
        self.fetched.append((offset, limit))
        return list(range(offset, min(self.total, offset + limit)))

    def compose(self) -> ComposeResult:
        yield PagedTable(self.fetch, lambda n: [Text(f"row {n}")], str, lambda: self.total)

    def on_mount(self) -> None:
        found: PagedTable[int] = self.query_one(PagedTable)
        found.add_column("n", key="n")
        found.reset()
        found.focus()


async def test_g_fetches_the_last_page_only_and_the_window_grows_upwards() -> None:
    app = Rows(10 * PAGE + 7)
    async with app.run_test(size=(40, 20)) as pilot:
        found: PagedTable[int] = app.query_one(PagedTable)
        assert app.fetched == [(0, PAGE)]
        await pilot.press("G")
        assert app.fetched[1:] == [(10 * PAGE + 7 - PAGE, PAGE), (10 * PAGE + 7, PAGE)]  # the last page, and its end
        assert found.current() == 10 * PAGE + 6 and found.row_count == PAGE
        await pilot.press(*["pageup"] * 5)  # towards the window's top: the page before it comes in
        assert found.origin == 10 * PAGE + 7 - 2 * PAGE
        assert found.row_count == 2 * PAGE
        current = found.current()
        assert current is not None and current < 10 * PAGE + 6
        assert [found.get_row_at(row)[0].plain for row in (0, found.row_count - 1)] == [
            f"row {10 * PAGE + 7 - 2 * PAGE}",
            f"row {10 * PAGE + 6}",
        ]
        await pilot.press("g")  # the first page again
        assert found.origin == 0 and found.current() == 0
        assert len(app.fetched) <= 6


def test_telling_a_library_from_a_pack_stops_at_its_first_pack(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from fintech_tui.library import discover
    from fintech_tui.util.synthetic import write_pack

    for number in range(30):
        write_pack(5, tmp_path / "many" / f"pack-{number:02d}")
    scanned: list[str] = []
    real = discover._scan

    def counting(folder: Path | str) -> list[os.DirEntry[str]]:
        scanned.append(str(folder))
        return real(folder)

    monkeypatch.setattr(discover, "_scan", counting)
    assert discover.is_library(tmp_path / "many")
    assert len(scanned) <= 3, scanned  # the folder, its first pack: not thirty packs' listings
    scanned.clear()
    assert len(discover.discover(tmp_path / "many")) == 30 and len(scanned) == 31
    assert not discover.is_library(tmp_path / "many" / "pack-00")


async def test_q_still_quits_while_a_cold_index_is_built(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = write_library(tmp_path / "cold")
    release = held(monkeypatch, "open")
    app = LibraryApp(folder)
    try:
        async with app.run_test(size=WIDE) as pilot:
            screen = app.library_screen
            await pilot.press("o", "q")
            await pilot.pause()
            assert screen.typed == [("o", "o")]  # kept; q is not
            assert app._exit  # quitting
    finally:
        release.set()
