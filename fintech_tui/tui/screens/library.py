"""The library: every article of a folder of packs, sortable, the broken ones listed with their problems.

The first screen of `fintech-tui LIBRARY`. The index is opened in a thread: an
index already built is shown as it is, and only after that first paint does a
second thread compare each pack's signature and re-index what changed (the list
then refreshes); a cold one is built with its progress on screen, and the keys
typed meanwhile are kept and replayed once the list is there. The list is fed
page by page (`PagedTable`), so a library of 10,000 articles costs what is on
screen. Enter opens today's explorer on an article; back there returns here,
cursor kept.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from rich.cells import cell_len
from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import ActiveBinding, BindingType
from textual.containers import Vertical
from textual.events import Key, Resize
from textual.message import Message
from textual.screen import Screen
from textual.widgets import DataTable, ProgressBar, Static

from fintech_tui.i18n import phrase
from fintech_tui.model import Lang
from fintech_tui.render.library import ARTICLE_COLUMNS, COUNT_COLUMNS, article_cells, broken_lines
from fintech_tui.render.safe import clipped
from fintech_tui.tui.screens.library_open import OpenArticle
from fintech_tui.tui.state import ui
from fintech_tui.tui.widgets.footer import ScreenFooter
from fintech_tui.tui.widgets.keys import bind, fit_footer, localised
from fintech_tui.tui.widgets.paged_table import PagedTable
from fintech_tui.tui.widgets.title_bar import TitleBar
from fintech_tui.tui.widgets.vim import VimScroll

if TYPE_CHECKING:
    from fintech_tui.library.catalog import ArticleRow, Library

#: How each sort starts: newest first, titles A–Z.
SORTS: dict[str, bool] = {"date": True, "title": False}
AUTHOR_MAX = 18  # cells of the author column at most
AUTHOR_LEAST = 8
DATE_WIDTH = 10  # an ISO date
COUNT_WIDTH = 9  # "Companies"; on a narrow screen the headings give way to the numbers' width
TITLE_LEAST = 16
CELL_PADDING = 2  # DataTable pads each cell by one on either side
FRAME = 4  # the table's border and scrollbar


def column_widths(width: int, lang: Lang) -> dict[str, int]:
    """The columns' widths on a screen `width` cells wide: the title takes what the others leave,
    the author at most a quarter of it (on 80 columns a title needs the room more)."""
    widths = {"date": DATE_WIDTH}
    for name in COUNT_COLUMNS:
        widths[name] = max(5, min(COUNT_WIDTH, cell_len(phrase(f"column.{name}", lang))))
    room = width - FRAME - CELL_PADDING * len(ARTICLE_COLUMNS) - sum(widths.values())
    widths["author"] = max(AUTHOR_LEAST, min(AUTHOR_MAX, room // 4))
    widths["title"] = max(TITLE_LEAST, room - widths["author"])
    return widths


@contextmanager
def descriptor_stderr() -> Iterator[None]:
    """The real standard error as `sys.stderr` while the index is built.

    A cold build of many packs starts worker processes, and multiprocessing's resource
    tracker hands its process `sys.stderr.fileno()`: under Textual that is the app's print
    capture, whose descriptor is -1, and the build fails ("bad value(s) in fds_to_keep").
    Nothing of the app writes to standard error meanwhile; the capture comes back after,
    unless the app has put something else there since (it restores the real one on exit)."""
    captured = sys.stderr
    if sys.__stderr__ is None or _has_descriptor(captured):
        yield
        return
    sys.stderr = sys.__stderr__
    try:
        yield
    finally:
        if sys.stderr is sys.__stderr__:
            sys.stderr = captured


def _has_descriptor(stream: object) -> bool:
    try:
        return int(stream.fileno()) >= 0  # type: ignore[attr-defined]
    except (AttributeError, OSError, ValueError):
        return False


class LibraryScreen(Screen[None]):
    """The articles of a library, one row each; the broken packs beneath, with their problems."""

    HELP_TITLE = "view.library"
    BINDINGS: ClassVar[list[BindingType]] = [
        bind("enter", "open_article", "open_article", priority=True, key_display="⏎"),
        bind("o", "sort_next", "sort_articles"),
        bind("r", "reverse", "reverse_articles"),
        # in the list's border and the help; the footer keeps room for the sort keys on 80 columns
        bind("x", "mark", "mark_article", show=False),
        bind("c", "side_by_side", "side_by_side", show=False),
        bind("e", "shared", "shared", show=False),
        bind("slash", "search", "library_search", key_display="/"),
        bind("t", "toggle_language", "language"),
    ]

    class Indexing(Message):
        """How far the index build has got; a burst of these coalesces into the last."""

        def __init__(self, done: int, total: int) -> None:
            super().__init__()
            self.done, self.total = done, total

        def can_replace(self, message: Message) -> bool:
            return isinstance(message, LibraryScreen.Indexing)

    class Opened(Message):
        """The index is ready."""

        def __init__(self, library: Library) -> None:
            super().__init__()
            self.library = library

    class Synced(Message):
        """The packs' signatures were compared with the index after the first paint; `changed` if any differed."""

        def __init__(self, changed: bool) -> None:
            super().__init__()
            self.changed = changed

    def __init__(self, folder: Path, library: Library | None = None) -> None:
        super().__init__()
        self.folder = folder
        self.library = library
        self.sort = "date"
        self.descending = SORTS["date"]
        self.marked: list[str] = []  # article keys chosen for claims side by side
        self._widths = column_widths(120, self.lang)
        self.typed: list[tuple[str, str | None]] = []  # keys pressed while the index was built, to replay
        self.unusable = False  # the index could not be opened: keys act at once (q quits), none is kept

    @property
    def lang(self) -> Lang:
        """The label language (the app's)."""
        return ui(self).label_lang

    @property
    def help_title(self) -> str:
        return phrase(self.HELP_TITLE, self.lang)

    @property
    def active_bindings(self) -> dict[str, ActiveBinding]:
        """The keys, their words in the label language (what the footer and help show)."""
        return fit_footer(localised(super().active_bindings, self.lang), self.app.size.width)

    def compose(self) -> ComposeResult:
        yield TitleBar(self.app.sub_title, self.help_title)
        with Vertical(id="library-indexing"):
            yield Static(id="library-indexing-words")
            yield ProgressBar(id="library-progress", show_eta=False)
        yield PagedTable(self._fetch, self._cells, self._key, self._count, id="library")
        with VimScroll(id="library-broken"):
            yield Static(id="library-problems")
        yield ScreenFooter()

    def on_mount(self) -> None:
        self.watch(self.app, "label_lang", self._relabel, init=False)
        self._widths = column_widths(self.app.size.width, self.lang)
        self.query_one("#library-broken").display = False
        if self.library is None:
            self.query_one("#library-indexing-words", Static).update(
                phrase("library.indexing", self.lang, done=0, total="…")
            )
            self._open()
        else:
            self.query_one("#library-indexing").display = False
            self._show()

    # -- opening the index ------------------------------------------------------

    def _progress(self, done: int, total: int) -> None:
        self.post_message(self.Indexing(done, total))

    @work(thread=True, exclusive=True, group="library-open")
    def _open(self) -> None:
        from fintech_tui.library.catalog import Library  # deferred: SQLite and the index, only here
        from fintech_tui.library.index import IndexUnusable

        try:
            with descriptor_stderr():
                library = Library.open(self.folder, progress=self._progress, sync=False)  # checked after the paint
        except (IndexUnusable, OSError, ValueError, RuntimeError) as error:  # cannot be built: say why, on screen
            self.app.call_from_thread(self._failed, f"{self.folder}: {error}")
            return
        self.post_message(self.Opened(library))

    @work(thread=True, exclusive=True, group="library-sync")
    def _sync(self) -> None:
        """Compare every pack's signature with the index, re-index what changed: off the event loop."""
        from fintech_tui.library.index import IndexUnusable

        library = self.library
        if library is None:
            return
        try:
            with descriptor_stderr():
                changed = library.sync(progress=self._progress)
        except (IndexUnusable, OSError, ValueError, RuntimeError) as error:
            self.app.call_from_thread(self._failed, f"{self.folder}: {error}")
            return
        self.post_message(self.Synced(changed))

    def _failed(self, why: str) -> None:
        self.unusable, self.typed = True, []
        self.query_one("#library-indexing").display = True
        self.query_one("#library-indexing-words", Static).update(Text(why, style="bold red"))
        self.query_one(ProgressBar).display = False

    @on(Indexing)
    def _indexing(self, event: Indexing) -> None:
        if not event.total:  # nothing to index
            return
        self.query_one("#library-indexing").display = True
        words = phrase("library.indexing", self.lang, done=f"{event.done:,}", total=f"{event.total:,}")
        self.query_one("#library-indexing-words", Static).update(words)
        self.query_one(ProgressBar).update(total=event.total, progress=event.done)

    @on(Opened)
    async def _opened(self, event: Opened) -> None:
        self.library = event.library
        self.query_one("#library-indexing").display = False
        self._show()
        if not event.library.checked:
            self.call_after_refresh(self._sync)  # the list first, then the packs on disk compared with it
        if self.typed:
            self._replay()

    @on(Synced)
    def _synced(self, event: Synced) -> None:
        self.query_one("#library-indexing").display = False
        if event.changed:
            self.refreshed(None)

    def on_key(self, event: Key) -> None:
        """While the index is being built, every key is kept (the list cannot act on it yet), but quit."""
        quits = {
            key for key, active in self.app.active_bindings.items() if active.binding.action in ("quit", "app.quit")
        }
        if self.library is None and not self.unusable and event.key not in quits:
            event.stop()
            event.prevent_default()
            self.typed.append((event.key, event.character))

    @work(exclusive=True, group="library-replay")
    async def _replay(self) -> None:
        """The keys typed while the index was built, each as if typed now, once the last is handled."""
        from textual._wait import wait_for_idle  # what Textual's own Pilot waits with between keys

        typed, self.typed = self.typed, []
        for key, character in typed:
            self.app.post_message(Key(key, character))
            await wait_for_idle(0, 0.5)

    def _show(self) -> None:
        table = self.query_one(PagedTable)
        self._columns(table)
        table.reset()
        self._titles()
        self._show_broken()
        table.focus()

    # -- the list ----------------------------------------------------------------

    def _fetch(self, offset: int, limit: int) -> Sequence[ArticleRow]:
        if self.library is None:
            return ()
        return self.library.articles(sort=self.sort, descending=self.descending, offset=offset, limit=limit)

    def _count(self) -> int:
        return self.library.count() if self.library is not None else 0

    def _cells(self, row: ArticleRow) -> list[Text]:
        return article_cells(row, self.lang, self._widths, marked=row.key in self.marked)

    @staticmethod
    def _key(row: ArticleRow) -> str:
        return row.key

    def _columns(self, table: PagedTable[ArticleRow]) -> None:
        table.clear(columns=True)
        table.rows_by_key.clear()
        for name in ARTICLE_COLUMNS:
            heading = clipped(phrase(f"column.{name}", self.lang), self._widths[name])
            if name in COUNT_COLUMNS:
                heading.justify = "right"
            table.add_column(heading, key=name, width=self._widths[name])

    def _titles(self) -> None:
        table = self.query_one(PagedTable)
        count = self.library.count() - len(self.library.broken()) if self.library is not None else 0
        arrow = "↓" if self.descending else "↑"
        column = phrase(f"column.{self.sort}", self.lang)
        table.border_title = phrase("library.title", self.lang, count=f"{count:,}", column=column, arrow=arrow)
        table.border_subtitle = phrase("library.subtitle", self.lang) if count else phrase("library.empty", self.lang)

    def _show_broken(self) -> None:
        broken = self.library.broken() if self.library is not None else ()
        box = self.query_one("#library-broken")
        box.display = bool(broken)
        if broken:
            folder = str(self.library.folder) if self.library is not None else ""
            self.query_one("#library-problems", Static).update(broken_lines(broken, self.lang, folder))

    def current_article(self) -> ArticleRow | None:
        return self.query_one(PagedTable).current()

    def _rebuild(self) -> None:
        """The rows again in the current order and words, the cursor on the same article when loaded."""
        table = self.query_one(PagedTable)
        current = self.current_article()
        self._columns(table)
        table.reset(keep=current.key if current is not None else None)
        self._titles()

    def action_sort_next(self) -> None:
        names = list(SORTS)
        self.sort = names[(names.index(self.sort) + 1) % len(names)]
        self.descending = SORTS[self.sort]
        self._rebuild()

    def action_reverse(self) -> None:
        self.descending = not self.descending
        self._rebuild()

    def on_resize(self, event: Resize) -> None:
        widths = column_widths(event.size.width, self.lang)
        if widths != self._widths and self.library is not None:
            self._widths = widths
            self._rebuild()

    def _relabel(self) -> None:
        """The words in the new label language, the order and the cursor kept."""
        bar = self.query_one(TitleBar)
        bar.where = self.help_title
        bar.refresh()
        self._widths = column_widths(self.app.size.width, self.lang)
        if self.library is not None:
            self._rebuild()
            self._show_broken()
        self.refresh_bindings()

    def refreshed(self, key: str | None) -> None:
        """`--watch` re-indexed the pack `key` (None: packs came or went): its row, the counts and the
        broken list again."""
        if self.library is None:
            return
        table = self.query_one(PagedTable)
        row = self.library.article(key) if key is not None else None
        if row is None or bool(row.problems) != bool(table.rows_by_key.get(row.key, row).problems):
            self._rebuild()  # it broke, or came back, or packs came or went: the order or the length change
        else:
            table.replace_row(row)
        self._titles()
        self._show_broken()

    # -- acting on articles ---------------------------------------------------------

    @on(DataTable.RowSelected)
    def _row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_open_article()

    def action_open_article(self) -> None:
        if self.library is None:  # ⏎ is bound before any key reaches the screen: kept like the others
            if not self.unusable:
                self.typed.append(("enter", "\r"))
            return
        row = self.current_article()
        if row is not None:
            self.post_message(OpenArticle(row.key))

    def action_mark(self) -> None:
        row = self.current_article()
        if row is None:
            return
        if row.key in self.marked:
            self.marked.remove(row.key)
        else:
            self.marked.append(row.key)
        table = self.query_one(PagedTable)
        table.replace_row(row)
        self.notify(phrase("toast.article_marked", self.lang, count=len(self.marked)), timeout=2, markup=False)

    def action_side_by_side(self) -> None:
        from fintech_tui.tui.screens.library_sides import SideBySideScreen  # deferred: opened on demand

        if self.library is None or len(self.marked) < 2:
            self.notify(phrase("toast.mark_two", self.lang), timeout=3, markup=False)
            return
        screen = SideBySideScreen.for_articles(self.library, list(self.marked))
        if screen is None:
            self.notify(phrase("toast.no_shared_topic", self.lang), timeout=3, markup=False)
            return
        self.app.push_screen(screen)

    def action_shared(self) -> None:
        from fintech_tui.tui.screens.library_shared import SharedScreen  # deferred: opened on demand

        if self.library is not None:
            self.app.push_screen(SharedScreen(self.library))

    def action_search(self) -> None:
        from fintech_tui.tui.screens.library_search import LibrarySearchScreen  # deferred: opened on demand

        if self.library is not None:
            self.app.push_screen(LibrarySearchScreen(self.library))

    async def action_toggle_language(self) -> None:
        await self.app.run_action("toggle_language")
