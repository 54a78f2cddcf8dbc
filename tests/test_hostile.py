"""Content is inert, and every screen survives odd terminal sizes."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from rich.cells import cell_len
from rich.console import Console

from fintech_tui.loader import load_pack
from fintech_tui.model import Pack
from fintech_tui.queries.index import PackIndex, Ref
from fintech_tui.render.detail import describe
from fintech_tui.tui.app import FintechApp
from fintech_tui.tui.screens.main import MainScreen
from fintech_tui.tui.widgets.detail_view import DetailView
from fintech_tui.tui.widgets.item_tree import ItemTree

from .conftest import PackWriter

MARKUP = "[bold]Evil[/bold] [@click=app.quit]Q[/] [link=https://example.invalid]L[/link]"
HOSTILE_ENTITIES = f"""
entities:
  - id: cmb
    kind: bank
    name: {{en: "{MARKUP}", zh: "招商银行\\e[31m红\\e[0m\\a"}}
    summary: {{en: "Clear the screen: \\e[2J\\e[H and ring \\a; a bidi \\u202e override."}}
    evidence:
      - {{para: p1, quote: 招商银行}}
  - id: pocket
    kind: app
    parent: cmb
    name: {{zh: 掌上生活, en: "Pocket [red]Life[/red]"}}
    aliases:
      - {{text: 口袋生活, note: "[b]garbled[/b]"}}
    summary: {{en: An app.}}
    evidence:
      - {{para: p1, quote: 口袋生活}}
"""


@pytest.fixture
def hostile_pack(write_pack: PackWriter) -> Pack:
    return load_pack(write_pack(**{"entities.yaml": HOSTILE_ENTITIES}))


def rendered_text(pack: Pack, ref: Ref, width: int = 100) -> str:
    console = Console(width=width, record=True, file=io.StringIO(), color_system="truecolor")
    console.print(describe(PackIndex(pack), ref, "en").renderable())
    return console.export_text()


def test_markup_in_content_is_shown_literally(hostile_pack: Pack) -> None:
    text = rendered_text(hostile_pack, Ref("entity", "cmb"))
    assert MARKUP in text
    assert "Pocket [red]Life[/red]" in text


def test_control_codes_are_neutralised(hostile_pack: Pack) -> None:
    console = Console(width=100, file=io.StringIO(), color_system="truecolor", force_terminal=True)
    console.print(describe(PackIndex(hostile_pack), Ref("entity", "cmb"), "en").renderable())
    output = console.file.getvalue()  # type: ignore[attr-defined]
    # Rich's own styling emits ESC[…m; the content's ESC[2J / ESC[31m must not survive
    assert "\x1b[2J" not in output and "\x1b[H" not in output and "\x07" not in output
    assert "\u202e" not in output
    plain = rendered_text(hostile_pack, Ref("entity", "cmb"))
    assert "␛[2J␛[H" in plain and "␇" in plain


async def test_hostile_pack_in_the_explorer(hostile_pack: Pack) -> None:
    app = FintechApp(hostile_pack, goto=Ref("entity", "cmb"))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, MainScreen)
        companies = screen.query_one("#pane-1", ItemTree)
        label = str(companies.nodes_by_ref[Ref("entity", "cmb")].label)
        assert label.startswith(MARKUP)
        # clicking the text that looks like an @click link must not quit
        await pilot.click("#detail-body", offset=(22, 1))
        await pilot.click("#pane-1", offset=(24, 1))
        await pilot.pause()
        assert app.is_running
        screen.open(Ref("entity", "cmb"))
        await pilot.pause()
        shown = screen.query_one(DetailView).shown
        assert shown is not None and MARKUP in shown.title.plain
        await pilot.press("s")  # the source view with the hostile aliases
        await pilot.pause()
        assert app.is_running


def test_wide_cjk_never_misaligns_a_table(bundled_pack: Pack) -> None:
    for width in (41, 60, 79):  # odd widths force a wide character against an edge
        console = Console(width=width, record=True, file=io.StringIO())
        console.print(describe(PackIndex(bundled_pack), Ref("entity", "cmb-life"), "en").renderable())
        for line in console.export_text().splitlines():
            assert cell_len(line) <= width, line


SIZES = [(20, 6), (30, 8), (40, 12), (80, 24), (120, 40), (300, 100)]


@pytest.mark.parametrize("size", SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
async def test_every_screen_survives_the_size(bundled_pack: Pack, size: tuple[int, int]) -> None:
    app = FintechApp(bundled_pack, goto=Ref("argument", "reason-platform"))
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        for keys in (
            ["2", "j", "enter"],
            ["slash", "a"],
            ["escape", "s"],
            ["escape", "question_mark"],
            ["escape", "m", "enter"],  # matrix, then a cell's evidence (or a notice)
            ["escape", "escape", "f", "o", "enter"],  # figures, sorted, a figure's evidence
            ["escape", "escape", "c"],  # compare
            ["escape", "r"],  # gap report
            ["escape"],
        ):
            await pilot.press(*keys)
            await pilot.pause()
            assert app.is_running
        assert isinstance(app.screen, MainScreen)


async def test_resizing_while_open(bundled_pack: Pack) -> None:
    app = FintechApp(bundled_pack)
    async with app.run_test(size=(120, 40)) as pilot:
        for size in [(80, 24), (20, 6), (300, 100), (99, 30), (100, 30), (45, 10), (120, 40)]:
            await pilot.resize_terminal(*size)
            await pilot.pause()
            assert app.is_running
            screen = app.screen
            assert isinstance(screen, MainScreen)
            assert screen.has_class("-narrow") == (size[0] < 100)
        await pilot.press("s")
        await pilot.resize_terminal(20, 6)
        await pilot.pause()
        await pilot.resize_terminal(200, 50)
        await pilot.pause()
        assert app.is_running


async def test_the_explorer_never_writes_into_a_pack(write_pack: PackWriter, tmp_path: Path) -> None:
    folder = write_pack()
    before = {p: p.read_bytes() for p in folder.iterdir()}
    app = FintechApp(load_pack(folder))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("2", "enter", "enter", "backspace", "t", "s", "escape", "slash", "x", "escape", "q")
    assert {p: p.read_bytes() for p in folder.iterdir()} == before
