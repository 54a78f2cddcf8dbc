"""`S` screenshots: every text run as wide as the cells it fills (Chinese included), a name
with no spaces, and in a browser a download instead of a file on the server."""

from __future__ import annotations

import html
import re
from pathlib import Path
from typing import Any

import pytest
from rich.cells import cell_len

from fintech_tui.model import Pack
from fintech_tui.tui.app import FintechApp
from fintech_tui.tui.screenshot import full_width

RUN = re.compile(r'<text\b[^>]*?\bx="([0-9.]+)"[^>]*?\btextLength="([0-9.]+)"[^>]*>([^<]*)</text>')


def runs(svg: str) -> list[tuple[float, float, str]]:
    return [(float(x), float(length), html.unescape(text)) for x, length, text in RUN.findall(svg)]


def cell_width(svg: str) -> float:
    """The SVG's width of one cell, from a run of narrow characters."""
    return next(length / len(text) for _, length, text in runs(svg) if text and cell_len(text) == len(text))


def test_a_chinese_run_is_given_its_full_width() -> None:
    svg = '<text class="r1" x="12.2" y="20" textLength="48.8" clip-path="url(#l)">掌上生活</text>'
    svg += '<text class="r1" x="109.8" y="20" textLength="36.6" clip-path="url(#l)">&#160;ab</text>'
    fixed = full_width(svg)
    assert 'textLength="97.6"' in fixed  # 8 cells of 12.2, not 4
    assert 'textLength="36.6"' in fixed  # narrow text as it was


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
async def test_s_saves_a_screenshot_whose_runs_fill_their_cells(
    bundled_pack: Pack, tmp_path: Path, size: tuple[int, int], lang: str
) -> None:
    app = FintechApp(bundled_pack, lang=lang, screenshot_dir=tmp_path, fresh=True)  # type: ignore[arg-type]
    async with app.run_test(size=size) as pilot:
        await pilot.press("2")
        await pilot.pause()
        await pilot.press("S")
        await pilot.pause()
    [saved] = tmp_path.glob("*.svg")
    assert " " not in saved.name
    svg = saved.read_text(encoding="utf-8")
    width = cell_width(svg)
    wide = [(length, text) for _, length, text in runs(svg) if cell_len(text) != len(text)]
    assert wide, "no Chinese on the screen"
    for length, text in wide:
        assert length == pytest.approx(width * cell_len(text), abs=0.05), text


async def test_s_in_a_browser_offers_the_file_as_a_download(
    bundled_pack: Pack, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    delivered: list[dict[str, Any]] = []
    monkeypatch.setattr(FintechApp, "is_web", property(lambda self: True))
    monkeypatch.setattr(
        FintechApp, "deliver_text", lambda self, file, **options: delivered.append({"svg": file.read(), **options})
    )
    app = FintechApp(bundled_pack, lang="zh", screenshot_dir=tmp_path, fresh=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("S")
        await pilot.pause()
    assert list(tmp_path.iterdir()) == []  # nothing left on the server
    [download] = delivered
    assert download["save_filename"].endswith(".svg") and download["mime_type"] == "image/svg+xml"
    assert download["svg"].startswith("<svg")


def test_the_readmes_screenshot_gives_chinese_its_full_width() -> None:
    svg = (Path(__file__).resolve().parents[1] / "docs" / "screenshot.svg").read_text(encoding="utf-8")
    width = cell_width(svg)
    wide = [(length, text) for _, length, text in runs(svg) if cell_len(text) != len(text)]
    assert wide
    assert all(length == pytest.approx(width * cell_len(text), abs=0.05) for length, text in wide)
