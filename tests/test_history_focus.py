"""Every opening is a history step, and focus follows what was opened (Pilot)."""

from __future__ import annotations

import pytest

from fintech_tui.model import Pack
from fintech_tui.queries.index import Ref
from fintech_tui.tui.app import FintechApp
from fintech_tui.tui.screens.main import MainScreen
from fintech_tui.tui.widgets.detail_view import DetailBody
from fintech_tui.tui.widgets.item_tree import ItemTree

WIDE = (120, 40)
FANMI = Ref("entity", "fanmi")


async def search_for(app: FintechApp, pilot: object, text: str) -> None:
    await pilot.press("slash")  # type: ignore[attr-defined]
    await pilot.press(*text)  # type: ignore[attr-defined]
    await pilot.pause(0.3)  # type: ignore[attr-defined]
    await pilot.press("enter")  # type: ignore[attr-defined]
    await pilot.pause(0.2)  # type: ignore[attr-defined]


@pytest.mark.parametrize("size", [(80, 24), WIDE])
async def test_back_returns_to_an_item_opened_from_search_after_the_cursor_moved(
    bundled_pack: Pack, size: tuple[int, int]
) -> None:
    app = FintechApp(bundled_pack)
    async with app.run_test(size=size) as pilot:
        await pilot.press("2")
        await pilot.pause(0.1)
        main = app.main_screen
        first = main.current
        await search_for(app, pilot, "凡秘")
        assert main.current == FANMI
        await pilot.press("j")
        await pilot.pause(0.2)
        moved = main.current
        assert moved not in (FANMI, first)
        await pilot.press("backspace")
        await pilot.pause(0.1)
        assert main.current == FANMI
        await pilot.press("backspace")
        await pilot.pause(0.1)
        assert main.current == first
        await pilot.press("right_square_bracket")
        await pilot.pause(0.1)
        assert main.current == FANMI
        await pilot.press("right_square_bracket")
        await pilot.pause(0.1)
        assert main.current == moved


async def test_back_returns_to_the_goto_item_after_the_cursor_moved(bundled_pack: Pack) -> None:
    app = FintechApp(bundled_pack, goto=FANMI)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause(0.1)
        await pilot.press("2", "j")
        await pilot.pause(0.2)
        main = app.main_screen
        assert main.current != FANMI
        await pilot.press("backspace")
        await pilot.pause(0.1)
        assert main.current == FANMI


async def test_back_returns_to_a_followed_link_after_the_cursor_moved(bundled_pack: Pack) -> None:
    app = FintechApp(bundled_pack, goto=Ref("entity", "alipay"))
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause(0.1)
        main = app.main_screen
        await pilot.press("enter")  # the first link of Alipay
        await pilot.pause(0.1)
        followed = main.current
        assert followed not in (None, Ref("entity", "alipay"))
        await pilot.press("1", "j")
        await pilot.pause(0.2)
        assert main.current != followed
        await pilot.press("backspace")
        await pilot.pause(0.1)
        assert main.current == followed


async def test_cursor_moves_alone_are_not_history_steps(bundled_pack: Pack) -> None:
    app = FintechApp(bundled_pack)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press("2", "j", "j")
        await pilot.pause(0.2)
        main = app.main_screen
        assert main.history.back_stack == []


@pytest.mark.parametrize("how", ["search", "palette"])
async def test_an_opened_result_takes_the_focus_in_its_pane(bundled_pack: Pack, how: str) -> None:
    app = FintechApp(bundled_pack)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press("1")  # the outline has focus; Fanmi is in the Names pane
        await pilot.pause(0.1)
        main = app.main_screen
        if how == "search":
            await search_for(app, pilot, "凡秘")
        else:
            await pilot.press("ctrl+p")
            await pilot.press(*"Fanmi")
            await pilot.pause(0.5)
            await pilot.press("enter")
            await pilot.pause(0.3)
        assert main.current == FANMI
        focused = app.screen.focused
        assert isinstance(focused, ItemTree) and focused is main.panes[1]
        assert focused.current_ref == FANMI
        await pilot.press("j")  # moves on from the result in its own pane
        await pilot.pause(0.2)
        assert main.current != FANMI and main.current is not None and main.current.kind == "entity"


async def test_b_focuses_the_detail_text_and_keeps_the_item(bundled_pack: Pack) -> None:
    app = FintechApp(bundled_pack)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("2", "j")
        await pilot.pause(0.2)
        main: MainScreen = app.main_screen
        shown = main.current
        await pilot.press("b")
        await pilot.pause(0.1)
        body = app.screen.focused
        assert isinstance(body, DetailBody)
        await pilot.press("j", "j")
        await pilot.pause(0.1)
        assert main.current == shown
        assert body.scroll_y == 2


@pytest.mark.parametrize("query", ["17", "¶17", "p17", " P17 "])
def test_a_paragraph_number_finds_that_paragraph_first(bundled_pack: Pack, query: str) -> None:
    from fintech_tui.queries.index import PackIndex

    index = PackIndex(bundled_pack)
    assert index.search(query)[0] == Ref("paragraph", bundled_pack.paragraphs[16].id)
    assert bundled_pack.paragraphs[16].number == 17


def test_a_number_past_the_last_paragraph_finds_no_paragraph(bundled_pack: Pack) -> None:
    from fintech_tui.queries.index import PackIndex

    index = PackIndex(bundled_pack)
    beyond = str(len(bundled_pack.paragraphs) + 1)
    assert all(ref.kind != "paragraph" or ref.id != f"p{beyond}" for ref in index.search(beyond))
    assert index.paragraph_numbered(beyond) is None and index.paragraph_numbered("0") is None


@pytest.mark.parametrize("how", ["search", "palette"])
async def test_typing_a_paragraph_number_opens_it(bundled_pack: Pack, how: str) -> None:
    app = FintechApp(bundled_pack)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause(0.1)
        if how == "search":
            await search_for(app, pilot, "¶17")
        else:
            await pilot.press("ctrl+p", *"p17")
            await pilot.pause(0.5)
            await pilot.press("enter")
            await pilot.pause(0.3)
        assert app.main_screen.current == Ref("paragraph", bundled_pack.paragraphs[16].id)
