"""History, focus and the detail text as a reader meets them in a real terminal (tmux, through drive)."""

from __future__ import annotations

import re

import pytest

from fintech_tui.i18n import phrase as say
from tests.test_terminal import Plan, Toured, pytestmark, showing  # noqa: F401  (same skips, same tmux group)

SIZES = ["80x24", "120x40"]
TOASTS = ("toast.copied_quote", "toast.copied_paragraph")
LANGS = ["en", "zh"]
OPEN_FANMI = ["key:2", "key:/", "wait:1", "type:凡秘", "wait:1", "key:Enter", "wait:0.5"]


def navigation_tour(size: str, lang: str) -> Plan:
    """Alipay opened by --goto: its detail text scrolled with b, the help, its source view with y
    twice; then search for a paragraph number, and for 凡秘, then j and back."""
    steps = [showing("alipay", lang), "expect:^p", "key:2", "wait:0.6", "screen:before"]
    steps += ["key:b", "key:j", "key:j", "wait:0.6", "screen:after"]
    steps += ["key:?", "expect:" + say("key.detail_text", lang), "wait:0.3", "screen:keys", "key:Escape"]
    source = say("source.title.original", lang).split(" — ")[0] + " — "
    copied = say("toast.copied_quote", lang, number="").split("¶")[0]
    steps += ["key:s", f"expect:{source}", "key:y", f"expect:{copied}", "wait:0.3", "screen:quote"]
    steps += ["key:j", "key:y", "wait:0.5", "screen:paragraph"]
    steps += ["key:Escape", "key:/", "wait:1", "type:17", "wait:1", "key:Enter", "wait:0.6", "screen:paragraph-17"]
    steps += [*OPEN_FANMI, "key:j", "wait:0.6", "screen:moved", "key:BSpace", "wait:0.6", "screen:back"]
    return steps, f"--lang {lang} --goto entity:alipay", say("pane.companies", lang)


def english_tour(size: str) -> Plan:
    return navigation_tour(size, "en")


def chinese_tour(size: str) -> Plan:
    return navigation_tour(size, "zh")


def visited(toured: Toured, size: str, lang: str) -> dict[str, list[str]]:
    """The screens of the tour in `lang` at `size` (driven once for every test here)."""
    return toured(english_tour if lang == "en" else chinese_tour, size)


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
def test_back_after_a_cursor_move_shows_the_search_result_again(toured: Toured, size: str, lang: str) -> None:
    screens = visited(toured, size, lang)
    moved, back = screens["moved"], screens["back"]
    assert "凡秘" not in detail_first_line(moved), "\n".join(moved)  # j moved on from the result in its pane
    assert "凡秘" in detail_first_line(back), "\n".join(back)


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("size", SIZES)
def test_b_scrolls_the_detail_text_and_help_lists_it(toured: Toured, size: str, lang: str) -> None:
    screens = visited(toured, size, lang)
    before, after, keys = screens["before"], screens["after"], screens["keys"]
    assert detail_lines(after)[0] == detail_lines(before)[2], "\n".join(after)  # two lines down, the same item
    shown = "\n".join(keys)
    assert say("key.detail_text", lang) in shown, shown


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("size", SIZES)
def test_a_paragraph_number_in_search_opens_that_paragraph(toured: Toured, size: str, lang: str) -> None:
    screen = visited(toured, size, lang)["paragraph-17"]
    assert detail_first_line(screen).startswith("¶17"), "\n".join(screen)


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("size", SIZES)
def test_y_in_the_source_view_says_what_it_copied(toured: Toured, size: str, lang: str) -> None:
    screens = visited(toured, size, lang)
    quote, paragraph = screens["quote"], screens["paragraph"]
    said = [say(key, lang, number="NUMBER", reading=say("reading.original", lang)) for key in TOASTS]
    for screen, toast in zip((quote, paragraph), said, strict=True):
        pattern = re.escape(toast).replace("NUMBER", r"\d+")
        assert re.search(pattern, " ".join(line.strip("│ ") for line in screen)), "\n".join(screen)
