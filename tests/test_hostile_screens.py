"""Hostile content through every screen: markup stays text, toasts are inert, keys after
quit and one-column terminals crash nothing."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from msgspec.structs import replace
from textual import events
from textual.command import CommandPalette
from textual.widgets import Footer
from textual.widgets._toast import Toast

from fintech_tui.loader import load_pack
from fintech_tui.model import Pack
from fintech_tui.queries.index import Ref
from fintech_tui.tui.app import FintechApp

from .conftest import PackWriter

#: Names that Textual would act on if they were read as markup.
QUIT = "[@click=app.quit]Quit[/]"
BRACKETS = "Ant Group [formerly Ant Financial]"
CLOSE_TAG = "Broken [/] name [/bold]"


def screenshot_name(folder: Path) -> str:
    return f"[@click=app.screenshot('x','{folder}')]Snap[/]"


def hostile_entities(folder: Path) -> str:
    snap = screenshot_name(folder).replace("'", "''")
    return f"""
entities:
  - id: cmb
    kind: bank
    name: {{en: '{snap}', zh: "{QUIT}"}}
    summary: {{en: "{CLOSE_TAG}"}}
    evidence:
      - {{para: p1, quote: 招商银行}}
  - id: pocket
    kind: app
    parent: cmb
    name: {{zh: 掌上生活, en: "{BRACKETS}"}}
    aliases:
      - {{text: 口袋生活, note: "{QUIT}"}}
    summary: {{en: "{CLOSE_TAG}"}}
    evidence:
      - {{para: p1, quote: 口袋生活}}
  - id: other
    kind: app
    name: {{en: "{CLOSE_TAG}"}}
    summary: {{en: "{QUIT}"}}
    evidence:
      - {{para: p2, quote: 支付宝}}
"""


#: Every screen, reached from the explorer: (keys, what to check is on screen).
WALK: list[list[str]] = [
    ["2", "x", "j", "x"],  # mark two: toasts with the hostile names
    ["c"],  # compare them
    ["escape", "m", "l", "enter"],  # matrix, a cell's quotes or a notice
    ["escape", "escape", "f", "enter"],  # figures and a figure's quotes
    ["escape", "escape", "r", "down", "enter"],  # gap report, open a finding
    ["s"],  # source view
    ["escape", "question_mark"],  # help
    ["escape", "slash", "p", "o", "c"],  # search
    ["escape", "ctrl+p", "a"],  # palette
    ["escape", "y"],  # copy link: a toast
]


async def click_every_toast(app: FintechApp, pilot: object) -> None:
    for toast in list(app.query(Toast)):
        if toast.is_mounted and toast.region.area:
            await pilot.click(toast)  # type: ignore[attr-defined]
            await pilot.pause()  # type: ignore[attr-defined]


async def walk_every_screen(app: FintechApp, pilot: object) -> list[str]:
    """Press through every screen, clicking every toast; return the toasts' text."""
    said: list[str] = []
    for keys in WALK:
        await pilot.press(*keys)  # type: ignore[attr-defined]
        await pilot.pause()  # type: ignore[attr-defined]
        said += [str(n.message) for n in app._notifications]
        await click_every_toast(app, pilot)
        assert app.is_running, keys
    return said


async def test_hostile_names_are_shown_as_typed_everywhere(write_pack: PackWriter, tmp_path: Path) -> None:
    target = tmp_path / "overwritten"
    target.mkdir()
    pack = load_pack(write_pack(**{"entities.yaml": hostile_entities(target)}))
    app = FintechApp(pack, goto=Ref("entity", "cmb"), screenshot_dir=tmp_path / "shots")
    async with app.run_test(size=(120, 40)) as pilot:
        said = await walk_every_screen(app, pilot)
        assert app.is_running
    assert not list(target.iterdir()), "a toast or label ran the screenshot action"
    joined = " ".join(said)
    assert BRACKETS in joined or QUIT in joined or screenshot_name(target) in joined


async def test_marking_toast_keeps_brackets_and_survives_a_closing_tag(write_pack: PackWriter, tmp_path: Path) -> None:
    pack = load_pack(write_pack(**{"entities.yaml": hostile_entities(tmp_path)}))
    app = FintechApp(pack, goto=Ref("entity", "pocket"))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("x")
        await pilot.pause()
        app.main_screen.open(Ref("entity", "other"))
        await pilot.press("x")
        await pilot.pause()
        messages = [str(n.message) for n in app._notifications]
        assert any(BRACKETS in m and CLOSE_TAG in m for m in messages), messages
        await click_every_toast(app, pilot)
        assert app.is_running


@pytest.mark.parametrize("key", ["s", "f", "m", "r", "slash", "c", "question_mark", "ctrl+p", "S"])
async def test_keys_after_quit_in_one_burst_crash_nothing(bundled_pack: Pack, key: str, tmp_path: Path) -> None:
    app = FintechApp(bundled_pack, goto=Ref("entity", "alipay"), screenshot_dir=tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        for name in ("q", key, key):
            app.post_message(events.Key(name, None))
        await pilot.pause(0.3)
    assert app.return_code in (0, None)
    assert not list(tmp_path.iterdir())


TINY = [(1, 5), (2, 3), (3, 1), (5, 5), (1, 1)]


async def test_every_view_survives_tiny_terminals_and_resizing_back(bundled_pack: Pack) -> None:
    """Each view is squeezed to every tiny size in turn, moved about there, then given its room
    back: one app for all the sizes, since what is tested is each view's layout, not start-up."""
    app = FintechApp(bundled_pack, goto=Ref("entity", "alipay"))
    async with app.run_test(size=(120, 40)) as pilot:
        for keys in (
            ["slash", "a", "l"],
            ["escape", "s"],
            ["escape", "m"],
            ["escape", "f"],
            ["escape", "c"],
            ["escape", "r"],
            ["escape", "question_mark"],
            ["escape"],
        ):
            await pilot.press(*keys)
            for size in TINY:
                await pilot.resize_terminal(*size)
                await pilot.pause()
                await pilot.press("j", "G", "g")
                assert app.is_running, (keys, size)
            await pilot.resize_terminal(120, 40)
            await pilot.pause()
            assert app.is_running, keys
            assert app.screen.size == (120, 40), keys
        for size in TINY:
            await pilot.resize_terminal(*size)
            await pilot.press("slash", "z", "f", "b")  # search typed in a tiny terminal
            await pilot.pause()
            await pilot.press("escape")
        await pilot.press("slash", "z", "f", "b")  # and left open while the terminal grows
        await pilot.resize_terminal(200, 60)
        await pilot.pause()
        assert app.is_running
        assert app.screen.size == (200, 60)


HOSTILE_PIECES = st.sampled_from(
    [QUIT, BRACKETS, CLOSE_TAG, "[b]", "[/]", "[", "]", "\x1b[2J", "\x07", "\u202e", "，", "。", "⟨", "⟩", "\t", "¶"]
)
HOSTILE_TEXT = st.lists(
    st.one_of(HOSTILE_PIECES, st.text(alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=6)),
    min_size=1,
    max_size=6,
).map("".join)


#: A folder per example: one named after the example's text was written twice, and failed, when
#: Hypothesis drew or replayed the same text again within one test (then it shrank: 15 min).
EXAMPLES = itertools.count()


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(name=HOSTILE_TEXT, summary=HOSTILE_TEXT)
async def test_generated_hostile_text_through_every_screen(write_pack: PackWriter, name: str, summary: str) -> None:
    base = load_pack(write_pack(folder=f"p{next(EXAMPLES)}"))
    entities = tuple(
        replace(e, name=replace(e.name, en=name), summary=replace(e.summary, en=summary)) for e in base.entities
    )
    strategies = tuple(replace(s, name=replace(s.name, en=name)) for s in base.strategies)
    pack = replace(base, entities=entities, strategies=strategies)
    app = FintechApp(pack, goto=Ref("entity", "pocket"))
    async with app.run_test(size=(80, 24)) as pilot:
        await walk_every_screen(app, pilot)
        await pilot.press("escape", "escape", "t", "2")
        await pilot.pause()
        assert app.is_running
        assert not isinstance(app.screen, CommandPalette)
        assert app.screen.query(Footer)
