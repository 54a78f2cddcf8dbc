"""The palette, the help screen, the footer and the README's key table all follow the bindings."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from textual.command import CommandPalette
from textual.widgets import Footer, OptionList

from fintech_tui.model import Pack
from fintech_tui.queries.index import Ref
from fintech_tui.tui.app import FintechApp
from fintech_tui.tui.key_table import markdown
from fintech_tui.tui.screens.figures import FiguresScreen
from fintech_tui.tui.screens.help import HelpScreen
from fintech_tui.tui.screens.main import MainScreen
from fintech_tui.tui.screens.matrix import MatrixScreen

WIDE = (120, 40)
README = Path(__file__).parent.parent / "README.md"


async def palette_hits(app: FintechApp, pilot: object, query: str) -> list[str]:
    await pilot.press("ctrl+p")  # type: ignore[attr-defined]
    await pilot.press(*query)  # type: ignore[attr-defined]
    await pilot.pause(0.4)  # type: ignore[attr-defined]
    palette = app.screen
    assert isinstance(palette, CommandPalette)
    options = palette.query_one(OptionList)
    return [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]


@pytest.mark.parametrize("query", ["matrix", "figures", "report", "language", "compare", "source"])
async def test_palette_offers_every_view_and_action(bundled_pack: Pack, query: str) -> None:
    app = FintechApp(bundled_pack)
    async with app.run_test(size=WIDE) as pilot:
        hits = await palette_hits(app, pilot, query)
        assert any(query in hit.casefold() for hit in hits), hits


async def test_palette_commands_show_their_key(bundled_pack: Pack) -> None:
    app = FintechApp(bundled_pack)
    async with app.run_test(size=WIDE):
        commands = {c.title: c.help for c in app.get_system_commands(app.screen)}
        assert commands["Matrix"].endswith("key m")
        assert commands["Gap report"].endswith("key r")
        assert "Theme" in commands


async def test_palette_command_from_a_view_runs_over_the_explorer(bundled_pack: Pack) -> None:
    app = FintechApp(bundled_pack)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press("m")
        hits = await palette_hits(app, pilot, "figures")
        assert hits
        await pilot.press("enter")
        await pilot.pause(0.3)
        assert isinstance(app.screen, FiguresScreen)
        assert [type(s).__name__ for s in app.screen_stack] == ["MainScreen", "FiguresScreen"]


async def test_choosing_an_item_in_the_palette_from_a_view_shows_it_in_the_explorer(bundled_pack: Pack) -> None:
    app = FintechApp(bundled_pack)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press("m")
        await pilot.pause()
        assert isinstance(app.screen, MatrixScreen)
        hits = await palette_hits(app, pilot, "口袋生活")
        assert hits
        await pilot.press("enter")
        await pilot.pause(0.3)
        assert isinstance(app.screen, MainScreen)
        assert app.screen.current == Ref("entity", "cmb-life")


@pytest.mark.parametrize(
    ("keys", "where", "expected"),
    [(["m"], "Matrix", {"enter", "x"}), (["f"], "Figures", {"o", "r", "enter"}), ([], "Explorer", {"/", "s", "m"})],
)
async def test_help_lists_the_current_views_keys_first(
    bundled_pack: Pack, keys: list[str], where: str, expected: set[str]
) -> None:
    app = FintechApp(bundled_pack)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press(*keys, "question_mark")
        await pilot.pause()
        help_screen = app.screen
        assert isinstance(help_screen, HelpScreen)
        title, rows = help_screen.sections[0]
        assert title == where
        shown = {key for keys_shown, _ in rows for key in keys_shown.split(", ")}
        assert expected <= shown
        every = [row for _, section_rows in help_screen.sections for row in section_rows]
        assert len(every) == len(set(every)), "a row is listed twice"
        await pilot.press("escape")
        assert not isinstance(app.screen, HelpScreen)


@pytest.mark.parametrize(("keys", "expected"), [(["m"], {"x", "enter", "escape"}), (["f"], {"o", "r", "escape"})])
async def test_footer_shows_the_views_main_keys(bundled_pack: Pack, keys: list[str], expected: set[str]) -> None:
    app = FintechApp(bundled_pack)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press(*keys)
        await pilot.pause()
        footer = app.screen.query_one(Footer)
        await pilot.pause()
        shown = {key.key for key in footer.query("FooterKey")}  # type: ignore[attr-defined]
        assert expected <= shown


def test_readme_key_table_is_the_one_the_bindings_make() -> None:
    text = README.read_text(encoding="utf-8")
    found = re.search(r"<!-- keys:start.*?-->\n(.*?)<!-- keys:end -->", text, re.S)
    assert found, "README lacks the generated key table"
    assert found.group(1) == markdown(), "run: python -m fintech_tui.tui.key_table, and paste into README"


def test_every_binding_with_a_description_is_in_the_key_table() -> None:
    table = markdown()
    from fintech_tui.tui.key_table import places
    from fintech_tui.tui.keymap import key_name, own_bindings

    for _, cls, _ in places():
        for binding in own_bindings(cls):
            if binding.description:
                assert f"`{key_name(binding.key)}`" in table, (cls.__name__, binding.key)


def textual_own_words() -> set[str]:
    """Every description and tooltip Textual's own bindings carry, on the widgets this app uses."""
    from textual.app import App
    from textual.binding import Binding
    from textual.containers import ScrollableContainer
    from textual.screen import Screen
    from textual.widgets import DataTable, Input, Tree

    words: set[str] = set()
    for cls in (App, Screen, ScrollableContainer, DataTable, Tree, OptionList, Input):
        for klass in cls.__mro__:
            for binding in Binding.make_bindings(klass.__dict__.get("BINDINGS", [])):
                words.update(w for w in (binding.description, binding.tooltip) if w)
    return words


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("keys", [["m"], ["c"], []])
async def test_help_words_textuals_own_keys_from_the_message_table(
    bundled_pack: Pack, lang: str, keys: list[str]
) -> None:
    """tab and ctrl+c read like the rest of the help, in both languages: never Textual's "Focus Next"."""
    from fintech_tui.i18n import MESSAGES, phrase

    app = FintechApp(bundled_pack, goto=Ref("entity", "alipay"), lang=lang)  # type: ignore[arg-type]
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press(*keys, "question_mark")
        await pilot.pause()
        help_screen = app.screen
        assert isinstance(help_screen, HelpScreen)
        shown = dict(row for _, rows in help_screen.sections for row in rows)
        assert shown["ctrl+c, super+c"] == phrase("textual.screen.copy_text", lang)  # type: ignore[arg-type]
        if keys:  # in a view, tab moves the focus (in the explorer it is ours: next pane)
            assert shown["tab"] == phrase("textual.app.focus_next", lang)  # type: ignore[arg-type]
        table = {words for pair in MESSAGES.values() for words in pair}
        foreign = textual_own_words() - table
        assert not foreign & set(shown.values()), sorted(foreign & set(shown.values()))
