"""Tables and layout: widths follow the terminal, cut text ends with "…", lines break well."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rich.cells import cell_len
from rich.console import Console
from rich.text import Text
from textual.color import Color
from textual.widgets import DataTable, OptionList

from fintech_tui.model import Pack
from fintech_tui.queries.goto import resolve_goto
from fintech_tui.queries.index import PackIndex, Ref
from fintech_tui.render.detail import describe
from fintech_tui.render.safe import shortened
from fintech_tui.render.wrap import (
    NO_BREAK_AFTER,
    NO_BREAK_BEFORE,
    UNIT_AFTER_NUMBER,
    Breaking,
    break_offsets,
    breakable,
)
from fintech_tui.tui.app import FintechApp
from fintech_tui.tui.screens.compare import columns_that_fit, compare_table
from fintech_tui.tui.screens.evidence import EvidenceScreen
from fintech_tui.tui.screens.figures import FiguresScreen
from fintech_tui.tui.settings import Settings
from fintech_tui.tui.widgets.detail_view import DetailBody
from fintech_tui.tui.widgets.item_tree import ItemTree

WIDE = (120, 40)
CLOSING = "，。、；：？！）」》”"
GUIDE_CONTRAST = 1.6  # faint on purpose, but there: Textual's own guides fall near 1.1 on light themes


def lines_of(renderable: object, width: int) -> list[str]:
    console = Console(width=width, record=True, file=io.StringIO(), color_system=None)
    console.print(renderable)
    return [line.rstrip() for line in console.export_text().splitlines()]


# -- line breaking ----------------------------------------------------------------------


def shown_lines(app: FintechApp) -> list[str]:
    """The detail body's lines as the explorer drew them."""
    body = app.screen.query_one(DetailBody)
    return [strip.text.rstrip() for strip in body._lines]


@pytest.mark.parametrize("width", [80, 97, 120, 160])
async def test_detail_lines_never_start_with_closing_punctuation(bundled_pack: Pack, width: int) -> None:
    refs = [Ref("entity", "alibaba"), Ref("entity", "cmb-life"), Ref("section", "s1"), Ref("argument", "thesis")]
    app = FintechApp(bundled_pack)
    async with app.run_test(size=(width, 40)) as pilot:
        for ref in refs:
            if app.index.get(ref) is None:
                continue
            app.main_screen.open(ref)
            await pilot.pause()
            for line in shown_lines(app):
                assert not line.strip() or line.lstrip()[0] not in CLOSING, (ref, line)


async def test_evidence_number_stays_on_the_line_of_its_quote(bundled_pack: Pack) -> None:
    app = FintechApp(bundled_pack, goto=Ref("entity", "alibaba"))
    async with app.run_test(size=(80, 30)) as pilot:
        await pilot.pause()
        lone = [line for line in shown_lines(app) if re.fullmatch(r"¶\d+", line.strip())]
        assert not lone, lone


def test_quote_number_and_quote_share_a_line() -> None:
    quote = Text.assemble(("¶7  ", "bold"), "“" + "严重疾病保护几乎是每个人的需要" * 3 + "”")
    lines = lines_of(breakable(quote), 30)
    assert lines[0].startswith("¶7") and len(lines[0]) > 4


def test_markers_are_never_split() -> None:
    text = "从支付宝,口袋生活⟨掌上生活⟩到秘密⟨凡普金科⟩,为什么金融科技公司开始提供生活服务?" * 2
    for width in range(12, 40):
        for line in lines_of(breakable(Text(text)), width):
            assert line.count("⟨") == line.count("⟩"), (width, line)


@settings(max_examples=200, deadline=None)
@given(
    st.text(alphabet=st.sampled_from(list("支付宝生活服务，。、“”（）⟨⟩ abcXYZ.,!?13万元美分")), max_size=80),
    st.integers(min_value=4, max_value=40),
)
def test_break_offsets_keep_the_rules(text: str, width: int) -> None:
    offsets = break_offsets(text, width)
    assert offsets == sorted(set(offsets))
    for start, end in zip([0, *offsets], offsets, strict=False):
        unit_cut = text[end - 1].isdigit() and text[end] in UNIT_AFTER_NUMBER  # 1|美分
        if text[end] in NO_BREAK_BEFORE or text[end - 1] in NO_BREAK_AFTER or unit_cut:  # only when a run is folded
            assert cell_len(text[start:end]) + cell_len(text[end]) > width, (text[start:end], text[end])
    lines = [line.plain for line in Breaking(text).wrap(Console(width=width), width)]
    assert all(cell_len(line) <= width for line in lines)
    assert "".join(lines).replace(" ", "") == text.replace(" ", "").replace("\n", "")


# -- tables ---------------------------------------------------------------------------


async def test_matrix_keeps_the_company_column_and_ends_cut_headings_with_an_ellipsis(bundled_pack: Pack) -> None:
    app = FintechApp(bundled_pack)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("m")
        await pilot.pause()
        table = app.screen.query_one(DataTable)
        assert table.fixed_columns == 1
        labels = [" ".join(str(column.label).split()) for column in table.columns.values()][1:]
        names = [s.name.pick("en") for s in bundled_pack.strategies]
        assert len(labels) >= len(names)
        cut = 0
        for label, name in zip(labels, names, strict=False):  # whole, or cut with an ellipsis
            if label != name:
                assert label.endswith("…") and name.startswith(label[:-1].rstrip()), (label, name)
                cut += 1
        assert cut, labels  # at 80 columns the long names are cut


async def test_quotes_are_listed_in_paragraph_order(bundled_pack: Pack) -> None:
    index = PackIndex(bundled_pack)
    evidence = {index.paragraphs[ev.para].number: ev for e in bundled_pack.entities for ev in e.evidence}
    shuffled = tuple(evidence[n] for n in sorted(evidence, reverse=True)[:5])
    app = FintechApp(bundled_pack)
    async with app.run_test(size=WIDE) as pilot:
        app.push_screen(EvidenceScreen(index, Text("t"), shuffled))
        await pilot.pause()
        numbers = [index.paragraphs[ev.para].number for ev in app.screen.evidence]  # type: ignore[attr-defined]
        assert numbers == sorted(numbers)
        options = app.screen.query_one(OptionList)
        assert options.option_count == len(shuffled)


@pytest.mark.parametrize("size", [(80, 24), (120, 40), (200, 60)])
async def test_figures_table_follows_the_terminal_width(bundled_pack: Pack, size: tuple[int, int]) -> None:
    app = FintechApp(bundled_pack)
    async with app.run_test(size=size) as pilot:
        await pilot.press("f")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, FiguresScreen)
        table = screen.query_one(DataTable)
        used = sum(column.get_render_width(table) for column in table.columns.values())
        room = table.scrollable_content_region.width
        assert used <= room + 1
        natural = sum(screen._natural.values())
        assert used >= min(room, natural) - 4  # no wide empty margin when the text is cut or long
        for key, column in table.columns.items():  # a heading is whole, or cut with "…" (not "As writ")
            heading = screen._heading(str(key.value))
            assert str(column.label) == heading or (str(column.label).endswith("…") and size[0] < 200), column.label
            assert cell_len(str(column.label)) <= column.width
        if size[0] >= 200:
            for field in (2, 3):  # value and as written
                cells = [str(table.get_row_at(i)[field]) for i in range(table.row_count)]
                assert not any(cell.endswith("…") for cell in cells), cells


@pytest.mark.parametrize("room", [75, 115])
def test_compare_keeps_words_and_chinese_names_whole(bundled_index: PackIndex, room: int) -> None:
    ids = ["alipay", "xianghubao", "cmb", "fanmi", "cmb-life"]
    entities = [bundled_index.entities[e] for e in ids]
    output = "\n".join(lines_of(breakable(compare_table(bundled_index, entities, "en", room)), 400))
    words = {word for e in entities for word in e.name.en.split()} | {"life-service", "(serious-illness"}
    for word in words:
        assert word in output, word
    for entity in entities:  # a Chinese name is never broken across lines ("支" / "付宝")
        assert entity.name.zh in output, entity.name.zh


@pytest.mark.parametrize(("room", "fit"), [(75, 3), (115, 5), (195, 5)])
def test_compare_columns_fit_the_room_they_are_given(bundled_index: PackIndex, room: int, fit: int) -> None:
    """As many companies as fit side by side at the narrowest readable width; more scroll sideways."""
    entities = list(bundled_index.pack.entities)[:fit]
    assert columns_that_fit(room) >= fit
    widest = max(map(cell_len, lines_of(compare_table(bundled_index, entities, "en", room), 400)))
    assert room - 4 <= widest <= room  # the table uses the room, and no more


# -- the main layout ----------------------------------------------------------------------


async def test_wide_terminals_give_the_panes_their_share(bundled_pack: Pack) -> None:
    app = FintechApp(bundled_pack)
    async with app.run_test(size=(200, 60)) as pilot:
        await pilot.pause()
        pane = app.screen.query_one("#panes")
        detail = app.screen.query_one("#detail")
        assert pane.size.width >= 70
        assert detail.size.width <= 130


async def test_cut_pane_labels_end_with_an_ellipsis(bundled_pack: Pack) -> None:
    app = FintechApp(bundled_pack)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        for pane in app.screen.query(ItemTree):
            room = pane.scrollable_content_region.width
            for y in range(pane.scrollable_content_region.height):
                text = pane.render_line(y).text.rstrip()
                if cell_len(text) >= room - 1 and text:
                    assert text.endswith("…"), text


async def test_short_detail_content_shows_no_scrollbar_thumb(bundled_pack: Pack) -> None:
    app = FintechApp(bundled_pack, goto=Ref("entity", "alipay"))  # long, then a short one
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press("e")  # hide the readings under the quotes: they lengthen every view
        await pilot.pause()
        app.main_screen.open(Ref("entity", "author"))
        await pilot.pause()
        body = app.screen.query_one(DetailBody)
        assert len(body._lines) < body.scrollable_content_region.height  # the text fits
        # a scrollbar draws a thumb whenever its virtual size differs from the window
        assert body.virtual_size.height == body.scrollable_content_region.height
        assert body.max_scroll_y == 0


async def test_pane_guides_stay_visible_in_every_theme(bundled_pack: Pack) -> None:
    app = FintechApp(bundled_pack)
    async with app.run_test(size=WIDE) as pilot:
        faint = {}
        for theme in app.available_themes:
            if theme.startswith("ansi-"):
                continue  # the terminal's own palette decides; there is no colour to measure
            app.theme = theme
            await pilot.pause()
            pane = app.screen.query_one("#pane-1", ItemTree)
            background = pane.background_colors[1]
            guides = background + pane.get_component_styles("tree--guides").color
            faint[theme] = round(_contrast(guides, background), 2)
        assert min(faint.values()) >= GUIDE_CONTRAST, sorted(faint.items(), key=lambda item: item[1])[:3]


def _contrast(a: Color, b: Color) -> float:
    """WCAG contrast ratio of two colours."""
    la, lb = sorted((_luminance(a) + 0.05, _luminance(b) + 0.05), reverse=True)
    return la / lb


def _luminance(color: Color) -> float:
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = color.rgb
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


# -- --goto and what is remembered -------------------------------------------------------------


def test_goto_accepts_paragraph_numbers(bundled_index: PackIndex) -> None:
    fifth = bundled_index.pack.paragraphs[4]
    for text in ("paragraph:5", "paragraph:¶5", "¶5", f"paragraph:{fifth.id}"):
        assert resolve_goto(text, bundled_index) == Ref("paragraph", fifth.id)
    with pytest.raises(ValueError, match="¶1 to"):
        resolve_goto("paragraph:999", bundled_index)
    with pytest.raises(ValueError, match="kind must be"):
        resolve_goto("company:alipay", bundled_index)


async def test_theme_language_and_last_item_are_remembered(bundled_pack: Pack, tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    app = FintechApp(bundled_pack, settings=Settings.load(path))
    async with app.run_test(size=WIDE) as pilot:
        app.theme = "catppuccin-latte"
        app.main_screen.open(Ref("entity", "fanmi"))
        await pilot.press("t", "q")
    assert app.save_settings()
    saved = json.loads(path.read_text(encoding="utf-8"))
    assert saved["theme"] == "catppuccin-latte" and saved["lang"] == "zh"
    again = FintechApp(bundled_pack, settings=Settings.load(path))
    async with again.run_test(size=WIDE) as pilot:
        await pilot.pause()
        assert again.theme == "catppuccin-latte"
        assert again.main_screen.lang == "zh"
        assert again.main_screen.current == Ref("entity", "fanmi")
    fresh = FintechApp(bundled_pack, settings=Settings.load(path), fresh=True)
    assert fresh.goto is None
    chosen = FintechApp(bundled_pack, settings=Settings.load(path), goto=Ref("entity", "alipay"), lang="en")
    assert chosen.goto == Ref("entity", "alipay") and chosen.label_lang == "en"


@pytest.mark.parametrize("body", [b"{not json", b'{"theme": "\xff\xfe"}', b"[1, 2]"])
def test_a_settings_file_it_cannot_read_is_never_overwritten(tmp_path: Path, body: bytes) -> None:
    path = tmp_path / "settings.json"
    path.write_bytes(body)  # not JSON, not UTF-8, not a mapping
    settings_ = Settings.load(path)
    assert settings_.theme == "" and not settings_.writable and not settings_.save()
    assert path.read_bytes() == body


def test_the_default_settings_file_lives_in_the_xdg_config_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))
    settings_ = Settings.load()
    settings_.theme = "nord"
    assert settings_.save()
    assert json.loads((tmp_path / "fintech-tui" / "settings.json").read_text(encoding="utf-8"))["theme"] == "nord"


def test_tests_never_touch_the_users_settings() -> None:
    assert re.search(r"xdg", str(Settings.load().path))


def test_cli_opens_a_paragraph_by_its_number(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from fintech_tui import cli
    from fintech_tui.tui.app import FintechApp

    opened: list[Ref | None] = []
    monkeypatch.setattr(FintechApp, "run", lambda self, *a, **k: opened.append(self.goto))
    assert cli.main(["--goto", "paragraph:5"]) == 0
    assert opened and opened[0] is not None and opened[0].kind == "paragraph"
    assert cli.main(["--goto", "paragraph:999"]) == 1
    assert "¶1 to" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Since Alipay entered life services", "Since Alipay entered…"),
        ("Fintech companies offer, and more", "Fintech companies offer…"),
        ("从支付宝、掌上生活到凡秘，金融科技公司开始提供生活服务", "从支付宝、掌上生活到凡…"),
        ("short enough", "short enough"),
    ],
)
def test_a_shortened_label_ends_after_a_whole_word_with_an_ellipsis(text: str, expected: str) -> None:
    assert shortened(text, 24).plain == expected


def test_an_arguments_breadcrumb_cuts_no_claim_without_an_ellipsis(bundled_index: PackIndex) -> None:
    """The claims up the tree: each whole, or cut after a word and ended with "…" (not "entered lif")."""
    deep = max(bundled_index.pack.arguments, key=lambda a: len(bundled_index.breadcrumb(a)))
    crumbs = describe(bundled_index, Ref("argument", deep.id), "en").title.plain.split("\n")[0]
    steps = [step.strip() for step in crumbs.split("›") if step.strip()]
    claims = [step.claim.en for step in bundled_index.breadcrumb(deep)[:-1]]
    assert len(steps) == len(claims) >= 2
    for step, claim in zip(steps, claims, strict=True):
        kept = step.removesuffix("…")
        assert step == claim or (step.endswith("…") and claim.startswith(kept)), step
        assert step == claim or not claim[len(kept)].isalnum(), f"{step!r} cuts a word of {claim!r}"


def test_compare_says_how_many_more_arguments_there_are(bundled_index: PackIndex) -> None:
    alipay = bundled_index.entities["alipay"]
    more = len(bundled_index.arguments_about["alipay"]) - 6
    assert more > 0
    output = "\n".join(lines_of(breakable(compare_table(bundled_index, [alipay], "en", 120)), 120))
    assert f"…+{more}" in output


async def test_links_are_cut_to_their_pane_and_recut_when_it_resizes(bundled_pack: Pack) -> None:
    """Each link's label fits its pane and ends "…" right after the last character kept; a new
    width cuts them again, keeping the highlighted link."""
    from fintech_tui.tui.widgets.link_list import LinkList

    app = FintechApp(bundled_pack, fresh=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause(0.3)
        links = app.main_screen.query_one(LinkList)
        links.highlighted = 3

        def labels() -> list[str]:
            return [str(option.prompt) for option in links.options if not option.disabled]

        narrow = labels()
        cut = [label for label in narrow if label.endswith("…")]
        assert cut, narrow  # the first item's source paragraph does not fit at 80 columns
        assert all(cell_len(label) <= links._room() and not label[:-1].endswith(" ") for label in cut)
        await pilot.resize_terminal(200, 60)
        await pilot.pause(0.3)
        assert labels() != narrow and links.highlighted == 3
        assert all(cell_len(label) <= links._room() for label in labels())


@pytest.mark.parametrize("width", range(6, 30))
def test_an_underlined_name_stays_on_one_line_when_it_fits(width: int) -> None:
    """A garbled alias (underlined, 共同生活) is one name: no line breaks inside it."""
    text = Text("阿里巴巴的支付宝和")
    text.append("共同生活", "underline")
    text.append("⟨掌上生活⟩", "italic")
    text.append("都是应用，用户超过一千万。")
    start = len("阿里巴巴的支付宝和")
    lines = [line.plain for line in Breaking(text.plain, spans=text.spans).wrap(Console(width=width), width)]
    assert "".join(lines) == text.plain
    if width >= cell_len("共同生活"):
        assert any("共同生活" in line for line in lines), lines
    ends = [sum(len(line) for line in lines[: n + 1]) for n in range(len(lines) - 1)]
    assert not any(start < end < start + 4 for end in ends) or width < 8, lines
