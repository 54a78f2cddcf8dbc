"""The palette, the help screen, the footer and the README's key table all follow the bindings."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from textual.command import CommandPalette
from textual.widgets import Footer, OptionList

from fintech_tui.app import FintechApp
from fintech_tui.index import Ref
from fintech_tui.keymap import markdown
from fintech_tui.model import Pack
from fintech_tui.screens.figures import FiguresScreen
from fintech_tui.screens.help import HelpScreen
from fintech_tui.screens.main import MainScreen
from fintech_tui.screens.matrix import MatrixScreen

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
        assert app.screen.current == Ref("entity", "pocket-life")


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
    assert found.group(1) == markdown(), "run: python -m fintech_tui.keymap, and paste into README"


def test_every_binding_with_a_description_is_in_the_key_table() -> None:
    table = markdown()
    from fintech_tui.keymap import key_name, own_bindings, places

    for _, cls, _ in places():
        for binding in own_bindings(cls):
            if binding.description:
                assert f"`{key_name(binding.key)}`" in table, (cls.__name__, binding.key)
