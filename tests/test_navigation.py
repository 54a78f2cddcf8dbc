"""Keys in the panes and views do what the help says (Pilot; what is drawn is in test_terminal)."""

from __future__ import annotations

import io

import pytest
from rich.cells import cell_len
from rich.console import Console
from textual import events
from textual.pilot import Pilot
from textual.widgets import DataTable, OptionList

from fintech_tui.model import Pack
from fintech_tui.queries.index import PackIndex, Ref
from fintech_tui.render.detail import describe
from fintech_tui.render.labels import item_label
from fintech_tui.tui.app import FintechApp
from fintech_tui.tui.screens.compare import CompareScreen
from fintech_tui.tui.screens.figures import FiguresScreen
from fintech_tui.tui.screens.gaps import GapsScreen
from fintech_tui.tui.screens.help import HelpScreen
from fintech_tui.tui.screens.main import MainScreen
from fintech_tui.tui.screens.matrix import MatrixScreen
from fintech_tui.tui.widgets.item_tree import ItemTree
from fintech_tui.tui.widgets.vim import VimScroll

SMALL = (80, 24)
WIDE = (120, 40)


def main_of(app: FintechApp) -> MainScreen:
    return app.main_screen


def cursor_visible(pane: ItemTree) -> bool:
    top = pane.scroll_offset.y
    return top <= pane.cursor_line < top + pane.scrollable_content_region.height


@pytest.mark.parametrize("size", [SMALL, WIDE])
async def test_first_and_last_keep_the_cursor_in_view(bundled_pack: Pack, size: tuple[int, int]) -> None:
    app = FintechApp(bundled_pack)
    async with app.run_test(size=size) as pilot:
        for keys in (["2", "G"], ["g"], ["end"], ["home"], ["4", "G"], ["1", "end"]):
            await pilot.press(*keys)
            await pilot.pause()
            pane = app.screen.focused
            assert isinstance(pane, ItemTree)
            assert cursor_visible(pane), (keys, pane.cursor_line, pane.scroll_offset.y)
        pane = main_of(app).panes[0]
        assert pane.cursor_line == pane.last_line


async def test_left_and_right_fold_and_unfold(bundled_pack: Pack) -> None:
    app = FintechApp(bundled_pack)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press("2")  # Alibaba, which has products under it
        await pilot.pause()
        pane = main_of(app).panes[1]
        node = pane.cursor_node
        assert node is not None and node.allow_expand and node.is_expanded
        await pilot.press("left")
        assert not node.is_expanded
        await pilot.press("right")
        assert node.is_expanded
        await pilot.press("down", "left")  # on a leaf, ← goes to the parent
        assert pane.cursor_node is node


async def test_keys_typed_in_one_burst_after_a_digit_reach_the_new_pane(bundled_pack: Pack) -> None:
    app = FintechApp(bundled_pack)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        outline, companies = main_of(app).panes[:2]
        for key in "2jjj":  # as if pasted: all queued before any is handled
            app.post_message(events.Key(key, key))
        await pilot.pause(0.3)
        assert app.screen.focused is companies
        assert companies.cursor_line == 3
        assert outline.cursor_line == 0


async def test_vim_keys_move_in_every_view(bundled_pack: Pack) -> None:
    app = FintechApp(bundled_pack, goto=Ref("entity", "alipay"))
    async with app.run_test(size=SMALL) as pilot:
        await pilot.press("f", "j", "j", "k")
        table = app.screen.query_one(DataTable)
        assert isinstance(app.screen, FiguresScreen) and table.cursor_row == 1
        await pilot.press("G")
        assert table.cursor_row == table.row_count - 1
        await pilot.press("g", "escape", "m", "l", "l", "j", "h")
        matrix = app.screen.query_one(DataTable)
        assert isinstance(app.screen, MatrixScreen)
        assert (matrix.cursor_row, matrix.cursor_column) == (1, 2)  # it starts on the first cell
        await pilot.press("escape", "c", "j", "j")
        await pilot.pause()
        assert isinstance(app.screen, CompareScreen)
        scroll = app.screen.query_one(VimScroll)
        assert scroll.scroll_target_y > 0 or scroll.scroll_y > 0
        await pilot.press("G", "k")
        await pilot.pause()
        assert scroll.scroll_target_y < scroll.max_scroll_y
        await pilot.press("escape", "r", "j", "j")
        report = app.screen.query_one(OptionList)
        assert isinstance(app.screen, GapsScreen) and (report.highlighted or 0) >= 2
        await pilot.press("escape", "question_mark", "j")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)


async def test_marked_companies_carry_a_marker_and_x_again_unmarks(bundled_pack: Pack) -> None:
    app = FintechApp(bundled_pack)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press("2", "x")
        await pilot.pause()
        pane = main_of(app).panes[1]
        node = pane.cursor_node
        assert node is not None
        assert str(node.label).startswith(ItemTree.MARK)
        await pilot.press("x")
        await pilot.pause()
        assert not str(node.label).startswith(ItemTree.MARK)
        assert main_of(app).marked == []


async def compared(pilot: Pilot[None], app: FintechApp) -> CompareScreen:
    """Press c on the explorer; the compare view it opens."""
    await pilot.press("c")
    await pilot.pause()
    assert isinstance(app.screen, CompareScreen)
    return app.screen


async def test_one_mark_is_compared_with_the_current_company(bundled_pack: Pack) -> None:
    app = FintechApp(bundled_pack, goto=Ref("entity", "alipay"))
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press("x")
        main_of(app).open(Ref("entity", "cmb-life"))
        screen = await compared(pilot, app)
        assert [e.id for e in screen.entities] == ["alipay", "cmb-life"]
        assert main_of(app).marked == ["alipay"]  # comparing does not drop the mark


@pytest.mark.parametrize("lang", ["en", "zh"])
async def test_one_mark_and_a_strategy_selected_asks_for_a_second_company(bundled_pack: Pack, lang: str) -> None:
    """Not "select a company": one is marked already, so c says which and asks for the second."""
    from fintech_tui.i18n import phrase

    app = FintechApp(bundled_pack, goto=Ref("entity", "alipay"), lang=lang)  # type: ignore[arg-type]
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press("x")
        await pilot.pause()
        app.clear_notifications()
        main_of(app).open(Ref("strategy", "two-app"))
        await pilot.press("c")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        said = [str(n.message) for n in app._notifications]
        name = main_of(app).index.entities["alipay"].name.pick(lang)  # type: ignore[arg-type]
        assert said == [phrase("toast.compare_one_marked", lang, name=name)], said  # type: ignore[arg-type]
        assert name in said[0] and phrase("toast.compare_how", lang) not in said  # type: ignore[arg-type]
        assert main_of(app).marked == ["alipay"]


async def test_no_mark_compares_with_related_peers_and_says_so(bundled_pack: Pack) -> None:
    app = FintechApp(bundled_pack, goto=Ref("entity", "alipay"))
    async with app.run_test(size=WIDE) as pilot:
        screen = await compared(pilot, app)
        ids = [e.id for e in screen.entities]
        assert ids[0] == "alipay" and "cmb-life" in ids  # the article's own pairing
        in_file_order = [e.id for e in bundled_pack.entities if e.kind == "app"][:5]
        assert ids != in_file_order
        assert screen.why is not None and "most tied" in screen.why(screen.lang).plain
        assert screen.query_one(VimScroll).border_subtitle


async def test_no_mark_at_80_columns_still_shows_the_articles_own_pairing(bundled_pack: Pack) -> None:
    """The title pairs Alipay with CMB Life: with room for two peers only, CMB Life is one; the subtitle says why."""
    app = FintechApp(bundled_pack, goto=Ref("entity", "alipay"))
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await compared(pilot, app)
        ids = [e.id for e in screen.entities]
        assert ids[0] == "alipay" and "cmb-life" in ids, ids
        assert screen.why is not None and "title or a quote" in screen.why(screen.lang).plain


async def test_a_subtitle_longer_than_its_border_is_cut_after_a_whole_word(bundled_pack: Pack) -> None:
    """Why Yu'ebao's peers were chosen takes 75 cells; at 80 columns the border has 74."""
    app = FintechApp(bundled_pack, goto=Ref("entity", "yuebao"))
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await compared(pilot, app)
        assert screen.why is not None
        whole = screen.why(screen.lang).plain
        subtitle = str(screen.query_one(VimScroll).border_subtitle)
        assert cell_len(whole) > 74 and subtitle.endswith("…") and cell_len(subtitle) <= 74, subtitle
        assert whole.startswith(subtitle[:-1]) and whole[len(subtitle) - 1] == " "  # after a whole word
        await pilot.resize_terminal(120, 40)
        await pilot.pause()
        assert str(screen.query_one(VimScroll).border_subtitle) == whole  # room again: whole


async def test_back_from_an_item_opened_in_the_gap_report_returns_to_it(bundled_pack: Pack) -> None:
    app = FintechApp(bundled_pack)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press("r", "down", "down", "enter")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        opened = app.screen.current
        await pilot.press("backspace")
        await pilot.pause()
        report = app.screen
        assert isinstance(report, GapsScreen)
        highlighted = report.query_one(OptionList).highlighted
        assert highlighted is not None
        assert report.gaps[int(report.query_one(OptionList).get_option_at_index(highlighted).id or 0)].ref == opened


@pytest.mark.parametrize(
    ("ref", "kind"),
    [
        (Ref("entity", "alipay"), "App"),
        (Ref("entity", "cmb"), "Bank"),
        (Ref("entity", "xianghubao"), "Product"),
        (Ref("entity", "author"), "Person"),
        (Ref("strategy", "two-app"), "Strategy"),
    ],
)
async def test_detail_header_names_the_real_kind(bundled_pack: Pack, ref: Ref, kind: str) -> None:
    app = FintechApp(bundled_pack, goto=ref)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        assert app.screen.query_one("#detail-body").border_title == kind


def test_lists_tag_each_company_by_its_own_kind(bundled_index: PackIndex) -> None:
    """Alipay's "Products and apps" rows, search results and palette hits say Product or App, not Company."""
    console = Console(width=120, record=True, file=io.StringIO(), color_system=None)
    console.print(*describe(bundled_index, Ref("entity", "alipay"), "en").body)
    rows = [line.split() for line in console.export_text().splitlines() if line.endswith(("余额宝", "相互保"))]
    assert rows and all(row[0] == "Product" for row in rows), rows
    assert item_label(bundled_index, Ref("entity", "cmb-life"), "en", with_kind=True).plain.split()[0] == "App"
    assert item_label(bundled_index, Ref("entity", "cmb"), "zh", with_kind=True).plain.split()[0] == "银行"


async def test_y_copies_the_items_goto_link(bundled_pack: Pack) -> None:
    app = FintechApp(bundled_pack, goto=Ref("entity", "cmb-life"))
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press("y")
        assert app.clipboard == "--goto entity:cmb-life"
        assert "entity:cmb-life" in str(app.screen.query_one("#detail-body").border_subtitle)


async def test_one_link_is_counted_in_the_singular(bundled_pack: Pack) -> None:
    app = FintechApp(bundled_pack, goto=Ref("entity", "author"))
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        links = app.screen.query_one("#detail-links")
        assert str(links.border_subtitle) == f"{len(links.links)} link" + ("s" if len(links.links) != 1 else "")  # type: ignore[attr-defined]
        assert len(links.links) == 1  # type: ignore[attr-defined]


def test_a_name_found_in_many_paragraphs_says_how_many_more(bundled_index: PackIndex) -> None:
    """支付宝 is in twelve paragraphs: the first eight are listed, then "…+4", not a silent stop at ¶14."""
    alipay = bundled_index.entities["alipay"]
    numbers = bundled_index.alias_occurrences(alipay)["支付宝"]
    assert len(numbers) > 8
    console = Console(width=120, record=True, file=io.StringIO(), color_system=None)
    console.print(*describe(bundled_index, Ref("entity", "alipay"), "en").body)
    [row] = [line for line in console.export_text().splitlines() if line.startswith("支付宝 ")]
    assert f"{numbers[7]}, …+{len(numbers) - 8}" in row, row


@pytest.mark.parametrize("lang", ["en", "zh"])
async def test_c_on_a_strategy_compares_the_companies_that_pursue_it(bundled_pack: Pack, lang: str) -> None:
    from fintech_tui.i18n import phrase

    app = FintechApp(bundled_pack, goto=Ref("strategy", "fintech-plus-life"), lang=lang)  # type: ignore[arg-type]
    async with app.run_test(size=WIDE) as pilot:
        screen = await compared(pilot, app)
        assert [e.id for e in screen.entities] == ["alipay", "cmb", "fanpu"]
        name = bundled_pack.strategies[-1].name.pick(lang)  # type: ignore[arg-type]
        assert screen.why is not None and screen.why(lang).plain == phrase("compare.strategy", lang, name=name)  # type: ignore[arg-type]


async def test_c_on_a_strategy_of_one_company_says_so_and_stays(bundled_pack: Pack) -> None:
    app = FintechApp(bundled_pack, goto=Ref("strategy", "super-app"))
    async with app.run_test(size=WIDE) as pilot:
        app.clear_notifications()
        await pilot.press("c")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        said = [str(n.message) for n in app._notifications]
        assert len(said) == 1 and "Alipay" in said[0] and "nothing to compare" in said[0], said


async def test_shift_x_clears_every_mark(bundled_pack: Pack) -> None:
    app = FintechApp(bundled_pack, goto=Ref("entity", "alipay"))
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press("x")
        main_of(app).open(Ref("entity", "cmb"))
        await pilot.press("x")
        await pilot.pause()
        assert main_of(app).marked == ["alipay", "cmb"]
        app.clear_notifications()
        await pilot.press("X")
        await pilot.pause()
        assert main_of(app).marked == []
        assert not any(str(node.label).startswith(ItemTree.MARK) for node in main_of(app).panes[1]._tree_nodes.values())
        assert [str(n.message) for n in app._notifications] == ["Compare marks cleared (2)"]


async def test_the_names_pane_lists_companies_first_then_organisations_then_people(bundled_pack: Pack) -> None:
    """The pane holds every name, so it is called Names, and the businesses come first."""
    from fintech_tui.i18n import phrase

    app = FintechApp(bundled_pack)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        pane = main_of(app).panes[1]
        assert phrase("pane.companies", "en") in str(pane.border_title)
        kinds = [main_of(app).index.entities[node.data.id].kind for node in pane.root.children if node.data]
        ranks = [{"organisation": 1, "person": 2}.get(kind, 0) for kind in kinds]
        assert ranks == sorted(ranks) and ranks[-1] == 2 and 1 in ranks, kinds
