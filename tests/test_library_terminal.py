"""The library in a real terminal (tmux, through ../shared/tools/drive) at 80×24 and 120×40, in
English and Chinese: the list, an article opened and left, a company across the library, its
figures over time. Pilot cannot see a cut heading or a chart drawn over the table; these can.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from rich.cells import cell_len

from fintech_tui.i18n import phrase
from tests.library_packs import write_library
from tests.test_terminal import drive, pytestmark  # noqa: F401  (same skips, same tmux group and lock)

SIZES = ["80x24", "120x40"]
LANGS = ["en", "zh"]


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    return write_library(tmp_path / "library")


def on_screen(screen: list[str], text: str) -> bool:
    return any(text in line for line in screen)


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("size", SIZES)
def test_the_list_an_article_and_back(tmp_path: Path, folder: Path, size: str, lang: str) -> None:
    width = int(size.split("x")[0])
    companies = phrase("pane.companies", lang)
    listing, article, back = drive(
        tmp_path,
        size,
        ["screen", "key:Enter", f"expect:{companies}", "wait:0.5", "screen", "key:BSpace", "wait:0.8", "screen"],
        args=f"--lang {lang} {folder}",
        ready=phrase("view.library", lang),
    )
    for screen in (listing, back):
        assert on_screen(screen, "掌上生活"), "\n".join(screen)  # the newest article's Chinese title
        assert on_screen(screen, "✗ broken"), "\n".join(screen)  # the broken pack, marked in the list
        assert on_screen(screen, phrase("column.date", lang)), "\n".join(screen)
        assert all(cell_len(line) == width for line in screen)
    if size == "120x40":  # room for the broken pack's problems beneath the list
        assert on_screen(listing, "broken/entities.yaml:2:5"), "\n".join(listing)
    assert on_screen(article, companies) and on_screen(article, "CMB Life"), "\n".join(article)
    assert listing == back  # back at the list: the same screen, cursor where it was


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("size", SIZES)
def test_a_company_across_the_library_and_its_figures_over_time(
    tmp_path: Path, folder: Path, size: str, lang: str
) -> None:
    across, series = drive(
        tmp_path,
        size,
        # e: shared companies; the second is CMB Life (both name three articles; keys break the tie)
        ["key:e", "wait:0.6", "key:j", "key:Enter", "wait:0.8", "screen", "key:f", "wait:1.5", "screen"],
        args=f"--lang {lang} {folder}",
        ready=phrase("view.library", lang),
    )
    assert on_screen(across, phrase("view.across", lang)), "\n".join(across)
    assert on_screen(across, "≈"), "\n".join(across)  # inferred matches are marked
    assert on_screen(series, phrase("view.series", lang)), "\n".join(series)
    assert on_screen(series, "2023年6月") or size == "80x24", "\n".join(series)
    assert on_screen(series, "≠"), "\n".join(series)  # the two articles that disagree for 2022年6月
