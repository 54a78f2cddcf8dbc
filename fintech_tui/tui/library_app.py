"""The app over a library: the Library view first, today's explorer on each article opened from it.

`fintech-tui LIBRARY` (a folder that is not itself a pack) runs this instead of
`FintechApp`'s one-article start. The library's views post `OpenArticle`; the
app loads that pack through `Library.load` and pushes the explorer on it, whose
back key, at the start of its history, returns to the view beneath.
"""

from __future__ import annotations

from pathlib import Path, PurePath
from typing import TYPE_CHECKING, ClassVar

from textual import on
from textual.app import App

from fintech_tui.i18n import phrase
from fintech_tui.model import Lang
from fintech_tui.queries.goto import goto_link
from fintech_tui.queries.index import PackIndex, Ref
from fintech_tui.render.labels import pack_title
from fintech_tui.tui.app import FintechApp
from fintech_tui.tui.screens.library import LibraryScreen
from fintech_tui.tui.screens.library_open import OpenArticle
from fintech_tui.tui.screens.main import MainScreen
from fintech_tui.tui.settings import Settings
from fintech_tui.util.sanitize import neutralise

if TYPE_CHECKING:
    from fintech_tui.library.catalog import Library


class LibraryApp(FintechApp):
    """fintech-tui over a folder of packs: the library, then any article in it."""

    CSS_PATH: ClassVar[str | PurePath | list[str | PurePath] | None] = [
        "styles/app.tcss",
        "styles/library.tcss",
    ]  # the library's own only where a library opens

    def __init__(
        self,
        folder: Path,
        *,
        library: Library | None = None,
        lang: Lang | None = None,
        settings: Settings | None = None,
        screenshot_dir: Path | None = None,
        fresh: bool = False,
        watch: bool = False,
    ) -> None:
        App.__init__(self)  # FintechApp's own start needs an article; this app opens on none
        self._start(
            lang=lang,
            settings=settings,
            screenshot_dir=screenshot_dir,
            watch=folder if watch else None,
            set_aside=False,
        )
        self.folder = folder
        self.library = library  # None: the library screen opens (or builds) the index, with progress
        self.fresh = fresh
        self.sub_title = self.library_title

    @property
    def library_title(self) -> str:
        return neutralise(self.folder.resolve().name or str(self.folder))

    def get_default_screen(self) -> LibraryScreen:  # type: ignore[override]
        return LibraryScreen(self.folder, self.library)

    @property
    def library_screen(self) -> LibraryScreen:
        screen = self.screen_stack[0]
        assert isinstance(screen, LibraryScreen)
        return screen

    def on_mount(self) -> None:
        if self.watched is not None:
            from fintech_tui.tui.library_watch import LibraryWatch  # deferred: only --watch needs it

            self.run_worker(LibraryWatch(self).follow(), group="watch", exit_on_error=False)

    def on_library_screen_opened(self, event: LibraryScreen.Opened) -> None:
        self.library = event.library

    # -- opening an article ----------------------------------------------------------

    @on(OpenArticle)
    def _open_article(self, event: OpenArticle) -> None:
        self.open_article(event.key, event.ref)

    def open_article(self, key: str, ref: Ref | None = None) -> None:
        """Today's explorer on the library's article `key`, at `ref` (or where the reader left it)."""
        from fintech_tui.loader import PackError
        from fintech_tui.tui.screens.library_article import ArticleScreen  # deferred: once an article opens

        library = self.library
        if library is None:
            return
        if library.article(key).problems:
            self.notify(phrase("toast.broken_pack", self.label_lang), severity="warning", timeout=3, markup=False)
            return
        try:
            pack = library.load(key)
        except PackError as error:  # broken since the index saw it
            self.notify(str(error.problems[0]), severity="error", timeout=6, markup=False)
            return
        self.pack, self.index = pack, PackIndex(pack)
        goto = ref if ref is not None and self.index.get(ref) is not None else None
        if goto is None and not self.fresh:
            goto = self._remembered()
        self.sub_title = pack_title(pack, self.label_lang)
        screen = ArticleScreen(self.index, goto, library=library, key=key)

        def returned(_: None) -> None:
            self._left(screen)

        self.push_screen(screen, returned)

    def _left(self, screen: MainScreen) -> None:
        """The reader went back from an article: note where they were in it; show what is beneath."""
        if screen.current is not None:
            self.settings.remember(str(Path(screen.index.pack.origin).resolve()), goto_link(screen.current))
        beneath = self.explorer
        if beneath is not None:
            self.pack, self.index = beneath.index.pack, beneath.index
            self.sub_title = pack_title(beneath.index.pack, self.label_lang)
        else:
            self.sub_title = self.library_title

    def title_in(self, lang: Lang) -> str:
        """The title bars' title in `lang`: the article's on show, else the library's folder."""
        return pack_title(self.pack, lang) if self.explorer is not None else self.library_title

    def _capture_settings(self) -> None:
        self.settings.theme = self.theme
        self.settings.lang = self.label_lang
        self.settings.evidence_readings = self.evidence_readings
        main = self.explorer
        if main is not None and main.current is not None:
            self.settings.remember(str(Path(main.index.pack.origin).resolve()), goto_link(main.current))
