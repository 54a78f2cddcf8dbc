"""History, focus and the detail text as a reader meets them in a real terminal (tmux, through drive)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from fintech_tui.i18n import phrase as say
from tests.test_terminal import drive, pytestmark  # noqa: F401  (same skips, same tmux group)

SIZES = ["80x24", "120x40"]
TOASTS = ("toast.copied_quote", "toast.copied_paragraph")
LANGS = ["en", "zh"]
OPEN_FANMI = ["wait:0.5", "key:2", "key:/", "wait:1", "type:凡秘", "wait:1", "key:Enter", "wait:0.5"]
SCROLL_BODY = ["wait:0.5", "key:2", "wait:0.6", "screen", "key:b", "key:j", "key:j", "wait:0.6", "screen"]


def ready(lang: str) -> str:
    return say("pane.companies", lang)


def detail_lines(screen: list[str]) -> list[str]:
    """The lines under the detail box's top border, the first holding the item's name."""
    for row, line in enumerate(screen[1:4], 1):
        column = line.rfind("╭─")
        if column > len(line) // 3:
            return [below[column - 1 :].strip("│╮╭─ ▁▂▃▄▅▆▇█▔") for below in screen[row + 1 : row + 6]]
    raise AssertionError("\n".join(screen))


def detail_first_line(screen: list[str]) -> str:
    return detail_lines(screen)[0]


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("size", SIZES)
def test_back_after_a_cursor_move_shows_the_search_result_again(tmp_path: Path, size: str, lang: str) -> None:
    moved, back = drive(
        tmp_path,
        size,
        [*OPEN_FANMI, "key:j", "wait:0.6", "screen", "key:BSpace", "wait:0.6", "screen"],
        args=f"--lang {lang}",
        ready=ready(lang),
    )
    assert "凡秘" not in detail_first_line(moved), "\n".join(moved)  # j moved on from the result in its pane
    assert "凡秘" in detail_first_line(back), "\n".join(back)


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("size", SIZES)
def test_b_scrolls_the_detail_text_and_help_lists_it(tmp_path: Path, size: str, lang: str) -> None:
    before, after, keys = drive(
        tmp_path,
        size,
        [*SCROLL_BODY, "key:?", "wait:0.8", "screen", "key:Escape"],
        args=f"--lang {lang} --goto entity:alipay",
        ready=ready(lang),
    )
    assert detail_lines(after)[0] == detail_lines(before)[2], "\n".join(after)  # two lines down, the same item
    shown = "\n".join(keys)
    assert say("key.detail_text", lang) in shown, shown


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("size", SIZES)
def test_a_paragraph_number_in_search_opens_that_paragraph(tmp_path: Path, size: str, lang: str) -> None:
    [screen] = drive(
        tmp_path,
        size,
        ["wait:0.5", "key:/", "wait:1", "type:17", "wait:1", "key:Enter", "wait:0.6", "screen"],
        args=f"--lang {lang}",
        ready=ready(lang),
    )
    assert detail_first_line(screen).startswith("¶17"), "\n".join(screen)


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("size", SIZES)
def test_y_in_the_source_view_says_what_it_copied(tmp_path: Path, size: str, lang: str) -> None:

    quote, paragraph = drive(
        tmp_path,
        size,
        ["wait:0.5", "key:s", "wait:0.8", "key:y", "wait:0.5", "screen", "key:j", "key:y", "wait:0.5", "screen"],
        args=f"--lang {lang} --goto entity:alipay",
        ready=ready(lang),
    )
    said = [say(key, lang, number="NUMBER", reading=say("reading.original", lang)) for key in TOASTS]
    for screen, toast in zip((quote, paragraph), said, strict=True):
        pattern = re.escape(toast).replace("NUMBER", r"\d+")
        assert re.search(pattern, " ".join(line.strip("│ ") for line in screen)), "\n".join(screen)
