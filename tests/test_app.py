"""The explorer driven by real key presses through Textual's Pilot."""

from __future__ import annotations

import asyncio
import io
from collections.abc import Callable

from rich.console import Console
from textual.pilot import Pilot
from textual.widgets import Input, OptionList

from fintech_tui.model import Pack
from fintech_tui.queries.index import Ref
from fintech_tui.tui.app import FintechApp
from fintech_tui.tui.screens.help import HelpScreen
from fintech_tui.tui.screens.main import MainScreen
from fintech_tui.tui.screens.search import SearchScreen
from fintech_tui.tui.screens.source import SourceList, SourceScreen
from fintech_tui.tui.widgets.detail_view import DetailBody, DetailView
from fintech_tui.tui.widgets.item_tree import ItemTree
from fintech_tui.tui.widgets.link_list import LinkList

WIDE = (120, 40)


def main_screen(app: FintechApp) -> MainScreen:
    screen = app.screen
    assert isinstance(screen, MainScreen), screen
    return screen


def detail_text(app: FintechApp) -> str:
    """The detail view's body as plain text, rendered the way the pane shows it."""
    shown = app.screen.query_one(DetailView).shown
    assert shown is not None
    console = Console(width=100, record=True, file=io.StringIO())
    console.print(shown.renderable())
    return console.export_text()


async def settled(pilot: Pilot[None], condition: Callable[[], bool], seconds: float = 10.0) -> None:
    """Let the app run until `condition()` holds: the first preview waits on a timer, which a busy
    machine can fire after a single pause has returned."""
    deadline = asyncio.get_running_loop().time() + seconds
    while not condition():
        assert asyncio.get_running_loop().time() < deadline, "the explorer did not settle in time"
        await pilot.pause(0.02)


async def test_first_screen_shows_four_titled_panes_and_a_detail(bundled_pack: Pack) -> None:
    app = FintechApp(bundled_pack)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        screen = main_screen(app)
        await settled(pilot, lambda: screen.current is not None)
        titles = [str(p.border_title) for p in screen.panes]
        assert titles == ["1 Outline", "2 Names", "3 Strategies", "4 Arguments"]
        assert all(p.display for p in screen.panes)
        assert screen.current == Ref("section", "title")
        assert isinstance(app.focused, ItemTree) and app.focused.id == "pane-0"


async def test_digits_and_tab_move_between_panes(bundled_pack: Pack) -> None:
    app = FintechApp(bundled_pack)
    async with app.run_test(size=WIDE) as pilot:
        for key, pane_id in (("2", "pane-1"), ("3", "pane-2"), ("4", "pane-3"), ("1", "pane-0")):
            await pilot.press(key)
            assert app.focused is not None and app.focused.id == pane_id
        await pilot.press("tab")
        assert app.focused is not None and app.focused.id == "pane-1"
        await pilot.press("shift+tab", "shift+tab")
        assert isinstance(app.focused, LinkList)
        await pilot.press("shift+tab")
        assert isinstance(app.focused, DetailBody)
        await pilot.press("d")
        assert isinstance(app.focused, LinkList)
        await pilot.press("escape")
        assert app.focused is not None and app.focused.id == "pane-0"


async def test_moving_the_cursor_previews_and_enter_opens(bundled_pack: Pack) -> None:
    app = FintechApp(bundled_pack)
    async with app.run_test(size=WIDE) as pilot:
        screen = main_screen(app)
        await pilot.press("2")
        await pilot.pause()
        assert screen.current == Ref("entity", "alibaba")
        await pilot.press("j", "j")
        await pilot.pause()
        assert screen.current == Ref("entity", "alipay")
        assert screen.history.back_stack == []  # previews are not history
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.focused, LinkList)
        assert "Alipay" in detail_text(app) and "支付宝" in detail_text(app)


async def test_following_links_and_back_forward(bundled_pack: Pack) -> None:
    app = FintechApp(bundled_pack, goto=Ref("entity", "cmb-life"))
    async with app.run_test(size=WIDE) as pilot:
        screen = main_screen(app)
        await pilot.pause()
        links = app.screen.query_one(LinkList)
        assert app.focused is links
        assert links.links[0].group == "Part of" and links.links[0].ref == Ref("entity", "cmb")
        await pilot.press("enter")
        await pilot.pause()
        assert screen.current == Ref("entity", "cmb")
        assert "Products and apps" in detail_text(app)
        await pilot.press("backspace")
        await pilot.pause()
        assert screen.current == Ref("entity", "cmb-life")
        await pilot.press("right_square_bracket")
        await pilot.pause()
        assert screen.current == Ref("entity", "cmb")
        await pilot.press("left_square_bracket")
        await pilot.pause()
        assert screen.current == Ref("entity", "cmb-life")
        # following a link also moves the matching pane's cursor
        companies = screen.query_one("#pane-1", ItemTree)
        assert companies.current_ref == Ref("entity", "cmb-life")


async def test_argument_shows_breadcrumb_and_children(bundled_pack: Pack) -> None:
    app = FintechApp(bundled_pack, goto=Ref("argument", "reason-platform"))
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        text = detail_text(app)
        assert "Breadcrumb" in text and "Children" in text and "key reason" in text
        groups = [link.group for link in app.screen.query_one(LinkList).links]
        assert groups[0] == "Up the tree" and "Children" in groups and "Evidence" in groups


async def test_search_by_garbled_alias_opens_the_real_entity(bundled_pack: Pack) -> None:
    app = FintechApp(bundled_pack)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press("slash")
        assert isinstance(app.screen, SearchScreen)
        await pilot.press(*"口袋生活")
        await pilot.pause()
        assert app.screen.query_one(Input).value == "口袋生活"
        await pilot.press("enter")
        await pilot.pause()
        assert main_screen(app).current == Ref("entity", "cmb-life")


async def test_search_by_claim_words_and_escape(bundled_pack: Pack) -> None:
    app = FintechApp(bundled_pack)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press("slash", *"two-app", "down")
        await pilot.pause()
        results = app.screen.query_one("#search-results", OptionList)
        assert results.option_count >= 2
        await pilot.press("escape")
        assert isinstance(app.screen, MainScreen)


async def test_command_palette_finds_by_alias(bundled_pack: Pack) -> None:
    app = FintechApp(bundled_pack)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"秘密")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await pilot.pause()
        assert main_screen(app).current == Ref("entity", "fanmi")


async def test_source_view_scrolls_to_the_cited_quote(bundled_pack: Pack) -> None:
    app = FintechApp(bundled_pack, goto=Ref("figure", "cmb-life-monthly-devices"))
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press("s")
        await pilot.pause()
        assert isinstance(app.screen, SourceScreen)
        source = app.screen.query_one(SourceList)
        assert source.highlighted == 16  # ¶17
        assert "quote highlighted" in str(source.border_subtitle)
        await pilot.press("enter")  # open the paragraph: what cites it
        await pilot.pause()
        assert main_screen(app).current == Ref("paragraph", "p17")
        assert "Cited by" in detail_text(app)


async def test_evidence_link_opens_the_source(bundled_pack: Pack) -> None:
    app = FintechApp(bundled_pack, goto=Ref("term", "traffic"))
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        links = app.screen.query_one(LinkList)
        assert links.links[0].group == "Evidence"
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, SourceScreen)
        await pilot.press("escape")
        assert isinstance(app.screen, MainScreen)


async def test_help_lists_every_binding(bundled_pack: Pack) -> None:
    app = FintechApp(bundled_pack)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        shown = " ".join(f"{k} {d}" for _, rows in app.screen.sections for k, d in rows)
        for needle in ("Search", "Source", "Back", "Forward", "Language", "Quit", "ctrl+p", "tab"):
            assert needle in shown
        await pilot.press("escape")
        assert isinstance(app.screen, MainScreen)


async def test_language_toggle_relabels_panes_and_detail(bundled_pack: Pack) -> None:
    app = FintechApp(bundled_pack, goto=Ref("entity", "alipay"))
    async with app.run_test(size=WIDE) as pilot:
        screen = main_screen(app)
        companies = screen.query_one("#pane-1", ItemTree)
        node = companies.nodes_by_ref[Ref("entity", "alipay")]
        assert str(node.label).startswith("Alipay")
        await pilot.press("t")
        await pilot.pause()
        assert screen.lang == "zh"
        assert str(node.label).startswith("支付宝")
        assert detail_text(app).lstrip().startswith("支付宝")


async def test_narrow_terminal_turns_panes_into_tabs(bundled_pack: Pack) -> None:
    app = FintechApp(bundled_pack)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = main_screen(app)
        assert screen.has_class("-narrow")
        visible = [p.id for p in screen.panes if p.display]
        assert visible == ["pane-0"]
        await pilot.press("3")
        await pilot.pause()
        assert [p.id for p in screen.panes if p.display] == ["pane-2"]
        await pilot.press("tab")
        await pilot.pause()
        assert [p.id for p in screen.panes if p.display] == ["pane-3"]
        await pilot.click("#pane-bar", offset=(10, 0))  # "Outline " is 8 cells, then "Names"
        await pilot.pause()
        assert app.focused is not None and app.focused.id == "pane-1"


async def test_mouse_click_selects_an_item(bundled_pack: Pack) -> None:
    app = FintechApp(bundled_pack)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        await pilot.click("#pane-2", offset=(4, 2))
        await pilot.pause()
        assert main_screen(app).current is not None
        assert main_screen(app).current.kind == "strategy"  # type: ignore[union-attr]


async def test_q_quits(bundled_pack: Pack) -> None:
    app = FintechApp(bundled_pack)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press("q")
        await pilot.pause()
    assert app.return_code == 0
    assert not app.is_running
