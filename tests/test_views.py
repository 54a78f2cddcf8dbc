"""The analysis views, driven by keys: matrix, figures, compare, gaps, evidence, screenshot."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import DataTable, OptionList

from fintech_tui.loader import load_pack
from fintech_tui.model import Pack
from fintech_tui.queries.analysis import comparable_groups, ties
from fintech_tui.queries.index import PackIndex, Ref
from fintech_tui.tui.app import FintechApp
from fintech_tui.tui.screens.compare import CompareScreen
from fintech_tui.tui.screens.evidence import EvidenceScreen
from fintech_tui.tui.screens.figures import FiguresScreen
from fintech_tui.tui.screens.gaps import GapsScreen
from fintech_tui.tui.screens.main import MainScreen
from fintech_tui.tui.screens.matrix import MatrixScreen
from fintech_tui.tui.screens.source import SourceScreen
from tests.conftest import PackWriter

WIDE = (120, 40)


def test_ties_count_distinct_quotes(bundled_index: PackIndex) -> None:
    found = ties(bundled_index)
    two_app = found[("cmb", "two-app")]
    assert two_app.strength == len({(e.para, e.quote) for e in two_app.evidence}) >= 2
    assert ("tenpay", "two-app") not in found


def test_bars_only_for_shared_units(bundled_pack: Pack) -> None:
    largest = comparable_groups(list(bundled_pack.figures))
    assert largest["users"] == 50_000_000
    assert "rank" not in largest and "views" not in largest


async def test_matrix_cell_opens_its_evidence_and_transposes(bundled_pack: Pack) -> None:
    app = FintechApp(bundled_pack)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press("m")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, MatrixScreen)
        table = screen.query_one(DataTable)
        rows, columns = screen._axes()
        row = [e.id for e in rows].index("cmb")
        column = [s.id for s in columns].index("two-app") + 1
        table.move_cursor(row=row, column=column)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, EvidenceScreen)
        assert app.screen.query_one(OptionList).option_count == ties(app.index)[("cmb", "two-app")].strength
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, SourceScreen)
        await pilot.press("escape", "escape")
        await pilot.press("x")
        await pilot.pause()
        assert screen.transposed and table.row_count == len(bundled_pack.strategies)
        await pilot.press("escape")
        assert isinstance(app.screen, MainScreen)


async def test_figures_sort_and_open(bundled_pack: Pack) -> None:
    app = FintechApp(bundled_pack)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press("f")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, FiguresScreen)
        table = screen.query_one(DataTable)
        assert table.row_count == len(bundled_pack.figures)
        await pilot.press("o", "o")  # sort by Value
        await pilot.pause()
        assert "Value" in str(table.border_title)
        first = screen.figures[int(table.coordinate_to_cell_key((0, 0)).row_key.value or 0)]
        assert first.value == min(f.value for f in bundled_pack.figures if f.value is not None)
        await pilot.press("r")
        await pilot.pause()
        first = screen.figures[int(table.coordinate_to_cell_key((0, 0)).row_key.value or 0)]
        assert first.value == max(f.value for f in bundled_pack.figures if f.value is not None)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, EvidenceScreen)


async def test_compare_marked_companies(bundled_pack: Pack) -> None:
    app = FintechApp(bundled_pack, goto=Ref("entity", "cmb"))
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        main = app.screen
        assert isinstance(main, MainScreen)
        await pilot.press("x")
        main.open(Ref("entity", "pingan"))
        await pilot.press("x")
        main.open(Ref("entity", "fanpu"))
        await pilot.press("x", "c")
        await pilot.pause()
        assert isinstance(app.screen, CompareScreen)
        assert [e.id for e in app.screen.entities] == ["cmb", "pingan", "fanpu"]


async def test_gap_report_opens_an_item(bundled_pack: Pack) -> None:
    app = FintechApp(bundled_pack)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press("r")
        await pilot.pause()
        assert isinstance(app.screen, GapsScreen)
        await pilot.press("down", "enter")  # the first finding that names an item
        await pilot.pause()
        main = app.screen
        assert isinstance(main, MainScreen)
        assert main.current is not None and main.current.kind == "entity"


UNRESOLVED_SOURCE = """
    paragraphs:
      - id: p1
        text: 口袋生活是招商银行的应用。
      - id: p2
        text: 支付宝有数亿用户，Paytide也是。
    """


async def test_a_name_nothing_resolves_opens_the_source_over_the_report_and_esc_returns(
    write_pack: PackWriter,
) -> None:
    pack = load_pack(write_pack(**{"source.yaml": UNRESOLVED_SOURCE}), use_cache=False)
    app = FintechApp(pack, fresh=True)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press("r")
        await pilot.pause()
        report = app.screen
        assert isinstance(report, GapsScreen)
        [unresolved] = [n for n, gap in enumerate(report.gaps) if gap.ref is None and gap.paragraphs]
        findings = report.query_one(OptionList)
        findings.highlighted = findings.get_option_index(str(unresolved))
        await pilot.press("enter")
        await pilot.pause()
        source = app.screen
        assert isinstance(source, SourceScreen)
        gap = report.gaps[unresolved]
        paragraph = next(p for p in pack.paragraphs if p.number == gap.paragraphs[0])
        assert gap.quote == "Paytide"
        assert source.target == Ref("paragraph", paragraph.id) and source.quote == gap.quote
        assert gap.quote and gap.quote in paragraph.text
        assert source.query_one(OptionList).highlighted == paragraph.number - 1
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is report  # back on the report, not the explorer


async def test_a_long_finding_wraps_under_its_own_first_word(bundled_pack: Pack) -> None:
    """The hanging indent: a finding's second line starts where its first line's words do."""
    from rich.console import Console

    pack_app = FintechApp(bundled_pack)
    async with pack_app.run_test(size=(80, 24)) as pilot:
        await pilot.press("r")
        await pilot.pause()
        report = pack_app.screen
        assert isinstance(report, GapsScreen)
        findings = report.query_one(OptionList)
        width = findings.scrollable_content_region.width
        console = Console(width=width, color_system=None, file=None)
        wrapped = [
            lines
            for index in range(findings.option_count)
            if not findings.get_option_at_index(index).disabled
            and len(lines := console.render_lines(findings.get_option_at_index(index).prompt, pad=False)) > 1
        ]
        assert wrapped, "no finding wraps at 80 columns: the test shows nothing"
        for lines in wrapped:
            text = ["".join(segment.text for segment in line) for line in lines]
            assert all(line.startswith("  ") and not line.startswith("   ") for line in text if line.strip()), text


async def test_screenshot_goes_to_the_data_folder_not_the_current_one(
    bundled_pack: Pack, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    work = tmp_path / "clone"
    work.mkdir()
    monkeypatch.chdir(work)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    app = FintechApp(bundled_pack)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press("m", "S")  # from a view, not only the explorer
        await pilot.pause()
        said = " ".join(str(n.message) for n in app._notifications)
    assert not list(work.iterdir())
    [svg] = list((tmp_path / "data" / "fintech-tui" / "screenshots").glob("*.svg"))
    assert svg.read_text(encoding="utf-8").lstrip().startswith("<svg")
    assert str(svg) in said


async def test_screenshot_dir_is_honoured(bundled_pack: Pack, tmp_path: Path) -> None:
    app = FintechApp(bundled_pack, screenshot_dir=tmp_path / "shots")
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press("S")
        await pilot.pause()
    assert len(list((tmp_path / "shots").glob("*.svg"))) == 1


def test_gap_report_finds_paragraphs_outside_the_outline(write_pack) -> None:  # type: ignore[no-untyped-def]
    from fintech_tui.loader import load_pack
    from fintech_tui.render.gaps import gap_report

    outline = "outline:\n  - {id: o, kind: section, first: p1, title: {en: O}, summary: {en: O.}}\n"
    index = PackIndex(load_pack(write_pack(**{"outline.yaml": outline}), use_cache=False))
    outside = gap_report(index).groups["Paragraphs outside the outline"]
    assert [gap.paragraphs for gap in outside] == [(2,)]


def test_a_one_company_strategy_with_no_peers_is_still_reported(write_pack) -> None:  # type: ignore[no-untyped-def]
    """The tiny pack's two-app strategy is pursued by its only bank: nothing to compare it with, but reported."""
    from fintech_tui.loader import load_pack
    from fintech_tui.render.gaps import Finding, gap_report

    index = PackIndex(load_pack(write_pack(), use_cache=False))
    assert [e.id for e in index.pack.entities if e.kind == "bank"] == ["cmb"]
    found = gap_report(index).groups[Finding.ONE_COMPANY_STRATEGY]
    assert [gap.ref for gap in found] == [Ref("strategy", "two-app")]
    assert "China Merchants Bank" in found[0].message and "compare" not in found[0].message


def test_an_uncited_paragraph_is_quoted_whole_or_with_an_ellipsis(write_pack) -> None:  # type: ignore[no-untyped-def]
    from fintech_tui.loader import load_pack
    from fintech_tui.render.gaps import Finding, gap_report

    long = "招商银行" + "很长的一句话" * 12
    lines = ["paragraphs:", "  - {id: p1, text: 口袋生活是招商银行的应用。}", "  - {id: p2, text: 支付宝有数亿用户。}"]
    source = "\n".join([*lines, f"  - {{id: p3, text: {long}}}", ""])
    index = PackIndex(load_pack(write_pack(**{"source.yaml": source}), use_cache=False))
    [gap] = [g for g in gap_report(index).groups[Finding.UNCITED] if g.ref == Ref("paragraph", "p3")]
    assert gap.message.startswith("¶3: 招商银行很长") and gap.message.endswith("…"), gap.message


PAIRINGS_PACK = {
    "source.yaml": """
        paragraphs:
          - {id: p1, text: 从阿尔法到贝塔。}
          - {id: p2, text: 阿尔法和伽马都有用户。}
          - {id: p3, text: 德尔塔也做支付，阿尔法也做支付。}
        """,
    "outline.yaml": """
        outline:
          - {id: title, kind: title, first: p1, title: {en: Title}, summary: {en: The title.}}
          - {id: body, kind: section, first: p2, last: p3, title: {en: Body}, summary: {en: The body.}}
        """,
    "entities.yaml": """
        entities:
          - {id: alpha, kind: company, name: {zh: 阿尔法, en: Alpha}, summary: {en: A.},
             evidence: [{para: p2, quote: 阿尔法}]}
          - {id: delta, kind: company, name: {zh: 德尔塔, en: Delta}, summary: {en: D.},
             evidence: [{para: p3, quote: 德尔塔也做支付}]}
          - {id: gamma, kind: company, name: {zh: 伽马, en: Gamma}, summary: {en: G.},
             evidence: [{para: p2, quote: 阿尔法和伽马都有用户}]}
          - {id: beta, kind: company, name: {zh: 贝塔, en: Beta}, summary: {en: B.},
             evidence: [{para: p1, quote: 贝塔}]}
        """,
    "strategies.yaml": """
        strategies:
          - {id: pay, name: {en: Payments}, pursued_by: [alpha, delta], summary: {en: Pay.},
             evidence: [{para: p3, quote: 做支付}]}
        """,
    "arguments.yaml": """
        arguments:
          - {id: thesis, role: thesis, claim: {en: Both pay.}, concerns: [alpha, delta], strategies: [pay]}
        """,
    "figures.yaml": "figures: []\n",
    "glossary.yaml": "glossary: []\n",
}


def test_peers_put_the_articles_own_pairings_first(write_pack) -> None:  # type: ignore[no-untyped-def]
    """Named together in the title first, then in one quote, then the most tied: Delta shares a strategy,
    an argument and a paragraph with Alpha, but the article pairs Alpha with Beta (title) and Gamma (quote)."""
    from fintech_tui.loader import load_pack
    from fintech_tui.queries.analysis import peers

    index = PackIndex(load_pack(write_pack(**PAIRINGS_PACK), use_cache=False))
    found = peers(index, index.entities["alpha"], 3)
    assert [p.entity.id for p in found] == ["beta", "gamma", "delta"]
    assert [(p.in_title, p.quoted_together, p.paired) for p in found] == [
        (True, 0, True),
        (False, 1, True),
        (False, 0, False),
    ]
    assert found[2].score > found[0].score  # Delta is the most tied, yet comes after the pairings
    assert [p.entity.id for p in peers(index, index.entities["beta"], 3)] == ["alpha"]  # the title pairs both ways


@pytest.mark.parametrize("width", [40, 60, 200])
async def test_a_narrow_title_bar_cuts_the_title_not_the_view_name(width: int) -> None:
    """The view's name says where the reader is; the article's title is what gives way."""
    from rich.cells import cell_len
    from textual.app import App, ComposeResult

    from fintech_tui.tui.widgets.title_bar import TitleBar

    title = "How China's banks met the platforms: a long title that will not fit a narrow terminal"

    class Bar(App[None]):
        def compose(self) -> ComposeResult:
            yield TitleBar(title, "Source view")

    async with Bar().run_test(size=(width, 3)) as pilot:
        text = pilot.app.query_one(TitleBar).render().plain
    assert text.startswith("fintech-tui — How")
    assert text.endswith("  ·  Source view")
    assert cell_len(text) <= width
    assert (title in text) == (width == 200)
    assert ("…" in text) == (width != 200)


async def test_the_chinese_gap_report_lists_paragraphs_with_the_chinese_comma(bundled_pack: Pack) -> None:
    from fintech_tui.render.gaps import Gap, GapReport

    app = FintechApp(bundled_pack, lang="zh")
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press("r")
        await pilot.pause()
        report = app.screen
        assert isinstance(report, GapsScreen)
        report.report = GapReport(groups={"unresolved_name": [Gap("“PC”", None, (3, 31), "PC")]})
        [_, finding] = report._options()
        shown = str(getattr(finding.prompt, "renderable", finding.prompt))
        assert shown.endswith("¶3、¶31") and ", ¶" not in shown, shown
