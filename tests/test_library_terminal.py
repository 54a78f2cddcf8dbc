"""The library in a real terminal (tmux, through ../shared/tools/drive) at 80×24 and 120×40, in
English and Chinese: the list, an article opened and left, a company across the library, its
figures over time. Pilot cannot see a cut heading or a chart drawn over the table; these can.
"""

from __future__ import annotations

from pathlib import Path

import pytest

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
    companies, outline = phrase("pane.companies", lang), phrase("pane.outline", lang)
    sort_key = f"o {phrase('key.sort_articles', lang)}"
    listing, article, back = drive(
        tmp_path,
        size,
        # back: wait for the list's own keys in the footer (a busy machine redraws late), then settle
        [
            "screen",
            "key:Enter",
            f"expect:{outline}",
            "wait:0.5",
            "screen",
            "key:BSpace",
            f"expect:{sort_key}",
            "wait:0.5",
            "screen",
        ],
        args=f"--lang {lang} {folder}",
        ready=phrase("column.date", lang),  # the list is up (the index is built first)
    )
    for screen in (listing, back):
        title = "掌上生活" if size == "120x40" or lang == "zh" else "CMB Life in 2023"
        assert on_screen(screen, title), "\n".join(screen)  # the newest article's title
        assert on_screen(screen, "✗ broken"), "\n".join(screen)  # the broken pack, marked in the list
        assert on_screen(screen, phrase("column.date", lang)), "\n".join(screen)
        footer = screen[-1]
        assert sort_key in footer and f"r {phrase('key.reverse_articles', lang)}" in footer
    if size == "120x40":  # room for the broken pack's problems beneath the list
        assert on_screen(listing, "broken/entities.yaml:2:5"), "\n".join(listing)
    newest = "CMB Life in 2023" if lang == "en" else "二〇二三年的掌上生活"
    assert newest in article[0] and on_screen(article, companies), "\n".join(article)  # the explorer on it
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
        ready=phrase("column.date", lang),
    )
    assert on_screen(across, phrase("view.across", lang)), "\n".join(across)
    assert on_screen(across, "≈"), "\n".join(across)  # inferred matches are marked
    assert on_screen(series, phrase("view.series", lang)), "\n".join(series)
    assert on_screen(series, "2023年6月") or size == "80x24", "\n".join(series)
    assert on_screen(series, "≠"), "\n".join(series)  # the two articles that disagree for 2022年6月
