"""The source view keeps the reader's place: through readings, resizes, quotes and copies (Pilot)."""

from __future__ import annotations

import re
from typing import Any

import pytest

from fintech_tui.model import Pack
from fintech_tui.queries.index import Ref
from fintech_tui.render.readings import READINGS
from fintech_tui.tui.app import FintechApp
from fintech_tui.tui.screens.source import SourceScreen
from fintech_tui.tui.widgets.source_list import SourceList

SIZES = [(80, 24), (120, 40)]


async def open_source(app: FintechApp, pilot: Any) -> SourceList:
    await pilot.pause(0.1)
    await pilot.press("s")
    await pilot.pause(0.2)
    assert isinstance(app.screen, SourceScreen)
    return app.screen.query_one(SourceList)


@pytest.mark.parametrize("size", SIZES)
async def test_v_keeps_the_cursor_where_the_reader_moved_it(bundled_pack: Pack, size: tuple[int, int]) -> None:
    app = FintechApp(bundled_pack, goto=Ref("paragraph", "p10"))
    async with app.run_test(size=size) as pilot:
        source = await open_source(app, pilot)
        await pilot.press(*"jjjjj")
        await pilot.pause()
        assert source.highlighted == 14  # ¶15
        for _ in READINGS:
            top = source.top_option()
            await pilot.press("v")
            await pilot.pause()
            assert source.highlighted == 14, source.reading
            shown = source.options_in_view()
            assert 14 in shown, source.reading
            if top in shown and shown.index(14) > 0:  # the top paragraph kept whenever the cursor still shows with it
                assert source.top_option() == top, source.reading


@pytest.mark.parametrize("reading", [0, 3])  # the text; side by side, which stacks below 100 columns
@pytest.mark.parametrize(("start", "end"), [((80, 24), (120, 40)), ((120, 40), (80, 24)), ((120, 40), (100, 30))])
async def test_a_resize_keeps_the_top_paragraph(
    bundled_pack: Pack, reading: int, start: tuple[int, int], end: tuple[int, int]
) -> None:
    app = FintechApp(bundled_pack, goto=Ref("paragraph", "p09"))
    async with app.run_test(size=start) as pilot:
        source = await open_source(app, pilot)
        await pilot.press(*"v" * reading)
        await pilot.pause()
        assert source.top_option() == 8  # ¶9 at the top
        await pilot.resize_terminal(*end)
        await pilot.pause(0.3)
        assert source.top_option() == 8
        assert source.highlighted == 8


async def test_y_copies_the_quote_then_the_paragraph_in_the_reading_shown(bundled_pack: Pack) -> None:
    alipay = next(entity for entity in bundled_pack.entities if entity.id == "alipay")
    evidence = alipay.evidence[0]
    app = FintechApp(bundled_pack, goto=Ref("entity", "alipay"))
    async with app.run_test(size=(80, 24)) as pilot:
        source = await open_source(app, pilot)
        await pilot.press("y")
        assert app.clipboard == evidence.quote
        await pilot.press("j")
        await pilot.pause()
        paragraph = bundled_pack.paragraphs[source.highlighted or 0]
        assert paragraph.id != evidence.para
        await pilot.press("y")
        assert app.clipboard == paragraph.text
        await pilot.press("v", "v", "y")  # the English translation
        await pilot.pause()
        assert app.clipboard == paragraph.en


def highlighted_words(source: SourceList, number: int) -> list[str]:
    """The words drawn in the quote style in paragraph `number` (1-based), as the list renders them."""
    from rich.console import Console

    from fintech_tui.render.source import QUOTE_STYLE

    console = Console(width=200, record=True)
    lines = console.render_lines(source._view(source.index.pack.paragraphs[number - 1]), console.options)
    quote = console.get_style(QUOTE_STYLE)
    drawn = ["".join(s.text for s in line if s.style and s.style.bgcolor == quote.bgcolor) for line in lines]
    return [re.sub(r"⟨[^⟩]*⟩", "", line) for line in drawn]  # a name's reading, drawn inside the quote


@pytest.mark.parametrize("size", SIZES)
async def test_every_quote_of_the_item_is_highlighted_and_n_goes_through_them(
    bundled_pack: Pack, size: tuple[int, int]
) -> None:
    alipay = next(entity for entity in bundled_pack.entities if entity.id == "alipay")
    first, second, third = alipay.evidence  # ¶9, ¶9, ¶12
    app = FintechApp(bundled_pack, goto=Ref("entity", "alipay"))
    async with app.run_test(size=size) as pilot:
        source = await open_source(app, pilot)
        assert app.screen.query_one(SourceList) is source
        drawn = {number: "".join(highlighted_words(source, number)) for number in (9, 12)}
        for evidence in alipay.evidence:
            number = bundled_pack.paragraphs.index(next(p for p in bundled_pack.paragraphs if p.id == evidence.para))
            assert evidence.quote.replace(" ", "")[:12] in drawn[number + 1].replace(" ", ""), evidence
        assert source.highlighted == 8
        await pilot.press("n")
        assert source.highlighted == 8 and "2/3" in str(source.border_subtitle)
        await pilot.press("y")
        assert app.clipboard == second.quote  # y copies the quote n went to
        await pilot.press("n")
        await pilot.pause()
        assert source.highlighted == 11 and 11 in source.options_in_view()
        assert "3/3" in str(source.border_subtitle)
        await pilot.press("n")
        assert source.highlighted == 8 and "1/3" in str(source.border_subtitle)
        await pilot.press("N")
        assert source.highlighted == 11
        await pilot.press("y")
        assert app.clipboard == third.quote
        assert first.para == second.para == "p09"


async def test_a_quote_of_another_item_is_shown_alone(bundled_pack: Pack) -> None:
    app = FintechApp(bundled_pack, goto=Ref("entity", "alipay"))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause(0.1)
        app.screen.show_source(Ref("paragraph", "p20"), "据悉")  # type: ignore[attr-defined]
        await pilot.pause(0.2)
        source = app.screen.query_one(SourceList)
        assert not source.quotes and "/" not in str(source.border_subtitle).split("·")[1]
