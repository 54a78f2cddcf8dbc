"""The Textual application: holds the pack and its index, opens the main screen."""

from __future__ import annotations

import errno
from collections.abc import Iterable
from functools import partial
from pathlib import Path, PurePath
from typing import ClassVar

from textual import events
from textual.app import SystemCommand
from textual.binding import BindingType
from textual.screen import Screen
from textual.timer import Timer

from fintech_tui.i18n import os_error_words, phrase
from fintech_tui.loader.memory import set_aside_for_good
from fintech_tui.model import Lang, Pack
from fintech_tui.queries.goto import goto_link, resolve_goto
from fintech_tui.queries.index import PackIndex, Ref
from fintech_tui.render.labels import pack_title
from fintech_tui.tui.palette import ItemCommands, Palette
from fintech_tui.tui.screens.main import MainScreen
from fintech_tui.tui.settings import Settings, data_folder
from fintech_tui.tui.state import UiApp
from fintech_tui.tui.widgets.keys import bind, localise
from fintech_tui.util.safe_files import UnsafeFile, write_new

#: Seconds the reader rests on an item before it is written as the one to reopen.
ITEM_SAVE_DELAY = 1.0


class FintechApp(UiApp):
    """fintech-tui: one article as a navigable map."""

    CSS_PATH: ClassVar[str | PurePath | list[str | PurePath] | None] = "styles/app.tcss"
    COMMANDS = UiApp.COMMANDS | {ItemCommands}
    HELP_TITLE = "place.app"
    BINDINGS: ClassVar[list[BindingType]] = [
        bind("q", "quit", "quit"),
        bind("question_mark", "help", "help", key_display="?"),
        bind("ctrl+p", "command_palette", "palette", show=False),
        bind("S", "screenshot_svg", "screenshot", show=False),
    ]

    def __init__(
        self,
        pack: Pack,
        *,
        index: PackIndex | None = None,
        lang: Lang | None = None,
        goto: Ref | None = None,
        settings: Settings | None = None,
        screenshot_dir: Path | None = None,
        fresh: bool = False,
        watch: Path | None = None,
        set_aside: bool = False,
    ) -> None:
        super().__init__()
        self._start(lang=lang, settings=settings, screenshot_dir=screenshot_dir, watch=watch, set_aside=set_aside)
        self.pack = pack
        self.index = index or PackIndex(pack)
        self.goto = goto if goto is not None or fresh else self._remembered()
        self.sub_title = self.title_in(self.label_lang)

    def _start(
        self,
        *,
        lang: Lang | None,
        settings: Settings | None,
        screenshot_dir: Path | None,
        watch: Path | None,
        set_aside: bool,
    ) -> None:
        """What the app holds whatever it opens on (one article, or a library of them)."""
        self.set_aside = set_aside  # the process is this explorer's alone: see `on_main_screen_settled`
        self.settings = settings or Settings()  # without a path: never saved (tests, serve)
        self.set_reactive(UiApp.label_lang, lang or self.settings.lang or "en")
        self.set_reactive(UiApp.evidence_readings, self.settings.evidence_readings)
        self.screenshot_dir = screenshot_dir
        self.watched = watch  # the pack's path under --watch
        self.closing = False
        self._held_keys: list[events.Key] | None = None  # a list while --watch rebuilds the explorer
        self._item_timer: Timer | None = None
        self.title = "fintech-tui"
        if self.settings.theme in self.available_themes:
            self.theme = self.settings.theme
        self._theme_shown = self.theme

    def on_main_screen_settled(self) -> None:
        """Start-up's work is done (first screen, search table, pinyin dictionaries).

        What is alive now lives as long as the explorer, so, in a process that is
        the explorer's alone, it is set aside from the cycle collector: otherwise
        the next full collection walks all of it (270k objects, ~70 ms), a pause
        a reader would feel on whatever key set it off."""
        if self.set_aside:
            set_aside_for_good()

    @property
    def pack_key(self) -> str:
        return str(Path(self.pack.origin).resolve())

    def _remembered(self) -> Ref | None:
        link = self.settings.last.get(self.pack_key)
        if not link:
            return None
        try:
            return resolve_goto(link, self.index)
        except ValueError:  # the item has gone from the pack since
            return None

    def get_default_screen(self) -> MainScreen:
        return MainScreen(self.index, self.goto)

    def on_mount(self) -> None:
        main = self.explorer  # its choices are written as they change (see `_choice_changed`)
        if main is not None:  # a library opens on its list; its explorers come and go
            self.watch(self, "label_lang", self._choice_changed, init=False)
            self.watch(main, "current", self._item_changed, init=False)
        if self.watched is not None:
            from fintech_tui.tui.live_reload import LiveReload  # deferred: only --watch needs it

            self.run_worker(LiveReload(self, self.watched).follow(), group="watch", exit_on_error=False)

    async def replace_pack(self, pack: Pack, index: PackIndex) -> None:
        """Show `pack` instead of the current one (`--watch` saw its files change)."""
        self.pack, self.index = pack, index
        self.sub_title = self.title_in(self.label_lang)
        self._held_keys = []  # the explorer is rebuilt: a key now would find half a screen
        try:
            await self.main_screen.reload(index)
        finally:
            held, self._held_keys = self._held_keys, None
            for key in held:
                self.post_message(events.Key(key.key, key.character))

    @property
    def explorer(self) -> MainScreen | None:
        """The explorer on the stack (the topmost, over a library), or None when there is none."""
        return next((screen for screen in reversed(self.screen_stack) if isinstance(screen, MainScreen)), None)

    @property
    def main_screen(self) -> MainScreen:
        explorer = self.explorer
        if explorer is None:
            raise LookupError("no explorer is open")
        return explorer

    def title_in(self, lang: Lang) -> str:
        """The title bars' title in `lang`: the article's."""
        return pack_title(self.pack, lang)

    def watch_label_lang(self, lang: Lang) -> None:
        self.sub_title = self.title_in(lang)  # the title bars follow it; the rest watch `label_lang`

    def action_toggle_language(self) -> None:
        """The other label language for the whole app: every open screen follows `label_lang`
        in place, the explorer and the views over it, and the library beneath them."""
        self.label_lang = "zh" if self.label_lang == "en" else "en"
        self.notify(phrase("toast.labels", self.label_lang), timeout=2, markup=False)

    # -- what is remembered between runs ------------------------------------

    def _capture_settings(self) -> None:
        """Note the theme, the language and the item on show, while the explorer is there."""
        settings = self.settings
        settings.theme = self.theme
        settings.lang = self.label_lang
        settings.evidence_readings = self.evidence_readings
        main = self.explorer
        if main is not None and main.current is not None:
            settings.remember(self.pack_key, goto_link(main.current))

    def watch_theme(self, theme: str) -> None:
        if theme != getattr(self, "_theme_shown", theme):  # a change, not the first screen's own theme
            self._theme_shown = theme
            self._choice_changed()

    def on_main_screen_chose(self) -> None:
        self._choice_changed()

    def _choice_changed(self, *_: object) -> None:
        """A remembered choice (theme, language, readings) changed: write it now, not on `q`,
        so closing the terminal or the browser tab keeps it."""
        if not self.closing:
            self.save_settings()

    def _item_changed(self, *_: object) -> None:
        """The item on show is written once the reader rests on it, not on every `j`."""
        if self._item_timer is not None:
            self._item_timer.stop()
        self._item_timer = self.set_timer(ITEM_SAVE_DELAY, self._choice_changed)

    def save_settings(self) -> bool:
        """Write what `q` noted (or what is on show now) to the settings file."""
        if not self.closing:  # after q the app has already noted them, and has since torn down
            self._capture_settings()
        return self.settings.save()

    # -- keys after quit ------------------------------------------------------

    async def action_quit(self) -> None:
        self.closing = True
        self._capture_settings()
        self.exit()

    async def on_event(self, event: events.Event) -> None:
        if self.closing and isinstance(event, (events.Key, events.MouseEvent)):
            return  # keys typed after q in the same burst must not open anything
        if self._held_keys is not None and isinstance(event, (events.Key, events.MouseEvent)):
            if isinstance(event, events.Key):
                self._held_keys.append(event)  # replayed once the reloaded explorer is up
            return  # a click would land on a layout that is being replaced
        await super().on_event(event)

    # -- help, palette, screenshot --------------------------------------------

    def action_help(self) -> None:
        from fintech_tui.tui.screens.help import HelpScreen  # deferred: rarely opened

        screen = self.screen
        if isinstance(screen, HelpScreen):
            return
        self.push_screen(HelpScreen(screen))

    def action_command_palette(self) -> None:
        """The palette, its prompt in the label language."""
        from textual.command import CommandPalette  # deferred: opened on demand

        if self.use_command_palette and not isinstance(self.screen, CommandPalette):
            lang = self.label_lang
            placeholder = phrase("palette.placeholder", lang)
            nothing = phrase("palette.no_matches", lang)
            self.push_screen(Palette(placeholder=placeholder, no_matches=nothing, id="--command-palette"))

    def search_themes(self) -> None:
        """The theme picker (palette: Theme), its prompt in the label language."""
        from textual.theme import ThemeProvider  # deferred: opened on demand

        lang = self.label_lang
        placeholder, nothing = phrase("palette.themes", lang), phrase("palette.no_matches", lang)
        self.push_screen(Palette(providers=[ThemeProvider], placeholder=placeholder, no_matches=nothing))

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        """Every view and action as a palette command, its key in the help line:
        the current view's own first, then the explorer's, then the app's."""
        from fintech_tui.tui.keymap import key_name, own_bindings

        main = self.explorer
        lang = self.label_lang
        seen: set[str] = set()
        owners: list[Screen[object]] = list(dict.fromkeys([screen, main or screen]))  # type: ignore[list-item]
        for owner in owners:
            for binding in map(partial(localise, lang=lang), own_bindings(type(owner))):
                if not binding.tooltip or binding.action in seen:
                    continue
                seen.add(binding.action)
                keys = binding.key_display or key_name(binding.key)
                help_line = phrase("palette.key", lang, tip=binding.tooltip, keys=keys)
                yield SystemCommand(binding.description, help_line, partial(self._run_on, owner, binding.action))
        for binding in own_bindings(type(self)):
            if binding.action not in ("command_palette",):
                binding = localise(binding, lang)
                keys = binding.key_display or key_name(binding.key)
                help_line = phrase("palette.key", lang, tip=binding.tooltip, keys=keys)
                yield SystemCommand(binding.description, help_line, partial(self.run_action, binding.action))
        yield SystemCommand(phrase("palette.theme", lang), phrase("palette.theme.tip", lang), self.action_change_theme)

    async def _run_on(self, owner: Screen[object], action: str) -> None:
        """Run `action` on `owner`, first closing the views above it."""
        while len(self.screen_stack) > 1 and self.screen is not owner and owner in self.screen_stack:
            await self.pop_screen()
        await self.run_action(action, owner)

    def action_screenshot_svg(self) -> None:
        """Save the screen as an SVG in the data folder (or --screenshot-dir) and say where;
        in a browser (serve), offer it as a download instead."""
        from fintech_tui.tui.screenshot import file_name, full_width  # deferred: S is pressed rarely

        svg, name = full_width(self.export_screenshot()), file_name()
        if self.is_web:
            import io

            self.deliver_text(io.StringIO(svg), save_filename=name, mime_type="image/svg+xml")
            self.notify(phrase("toast.downloading", self.label_lang, name=name), timeout=6, markup=False)
            return
        folder = self.screenshot_dir or data_folder() / "screenshots"
        try:
            folder.mkdir(parents=True, exist_ok=True)
            path = folder / name
            write_new(path, svg.encode("utf-8"))
        except (OSError, UnsafeFile) as error:
            if not isinstance(error, OSError):
                error = NotADirectoryError(errno.ENOTDIR, str(error))
            lang = self.label_lang
            error_text = phrase("toast.not_saved", lang, path=folder, error=os_error_words(error, lang))
            self.notify(error_text, severity="error", markup=False)
            return
        self.notify(phrase("toast.saved", self.label_lang, path=path), timeout=6, markup=False)

    def action_help_quit(self) -> None:
        """ctrl+c: say which key quits, in the label language (Textual's own toast is English)."""
        lang = self.label_lang
        keys = [key for key, active in self.active_bindings.items() if active.binding.action in ("quit", "app.quit")]
        if keys:
            how = phrase("toast.quit_how", lang, key=min(keys, key=len))  # q, the footer's, before ctrl+q
            self.notify(how, title=phrase("toast.quit_how.title", lang), markup=False)
