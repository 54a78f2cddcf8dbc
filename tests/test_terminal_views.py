"""The views as a reader meets them in a real terminal (tmux, through drive): the source view's quotes,
its notes, the figures, the matrix, places kept across resizes."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from fintech_tui.i18n import phrase as say
from tests.test_terminal import drive, pytestmark  # noqa: F401  (same skips, same tmux group)

SIZES = ["80x24", "120x40"]
LANGS = ["en", "zh"]


def ready(lang: str) -> str:
    return say("pane.companies", lang)


def opened(lang: str) -> str:
    """A step that waits for the source view's footer (the view is drawn, its place found, by then)."""
    return f"expect:v {say('key.reading', lang)}"


def flat(screen: list[str]) -> str:
    return "\n".join(screen)


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("size", SIZES)
def test_n_goes_through_all_of_the_items_quotes(tmp_path: Path, size: str, lang: str) -> None:
    first, last, keys = drive(
        tmp_path,
        size,
        [
            "key:s",
            opened(lang),
            "wait:1",
            "screen",
            "key:n",
            "key:n",
            "wait:0.8",
            "screen",
            "key:?",
            "wait:1",
            "screen",
        ],
        args=f"--lang {lang} --goto entity:alipay",
        ready=ready(lang),
    )
    count = re.compile(re.escape(say("source.quotes_shown", lang, number=9, count=3)).replace("9", r"(\d)"))
    assert [m.group(1) for m in count.finditer(flat(first))] == ["1"], flat(first)
    assert [m.group(1) for m in count.finditer(flat(last))] == ["3"], flat(last)
    assert re.search(r"¶12\b", flat(last)), flat(last)  # the third quote's paragraph in view
    assert say("key.next_quote", lang) in flat(keys) and say("key.previous_quote", lang) in flat(keys), flat(keys)


def marker_lines(screen: list[str]) -> tuple[list[str], list[str]]:
    """Lines with a †1 in the text, and lines listing note †1."""
    inside = [line.strip("│ ▁▂▃▄▅▆▇█▔") for line in screen]
    return [line for line in inside if "†1" in line and not line.startswith("†1")], [
        line for line in inside if line.startswith("†1")
    ]


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("size", SIZES)
def test_the_english_and_side_by_side_readings_mark_the_notes_they_list(tmp_path: Path, size: str, lang: str) -> None:
    english, side = drive(
        tmp_path,
        size,
        ["key:s", opened(lang), "wait:1", "key:v", "key:v", "wait:1", "screen", "key:v", "wait:1", "screen"],
        args=f"--lang {lang} --goto paragraph:p19",
        ready=ready(lang),
    )
    marked, listed = marker_lines(english)
    assert listed and any(line.endswith("cooperating.†1") for line in marked), flat(english)
    marked, listed = marker_lines(side)
    assert any("基本成功†1" in line for line in marked), flat(side)  # in the text, after the noted words
    assert any("cooperating.†1" in line for line in marked), flat(side)


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("size", SIZES)
def test_figures_read_as_the_article_words_them_and_enter_shows_the_whole_row(
    tmp_path: Path, size: str, lang: str
) -> None:
    table, row = drive(
        tmp_path,
        size,
        ["key:f", f"expect:{say('column.bar', lang)}", "wait:1", "screen"]
        + ["key:j"] * 10
        + ["wait:0.5", "key:Enter", f"expect:{say('column.hedge', lang)}", "wait:0.8", "screen"],
        args=f"--lang {lang}",
        ready=ready(lang),
    )
    shown = flat(table)
    assert "数亿用户 ~" in shown and "— ~" not in shown, shown
    assert (" 2nd " if lang == "en" else "第2名") in shown and " rank" not in shown, shown
    if size == "120x40":
        assert "今年9月" in shown and "艾瑞咨询" in shown, shown  # Period and Source whole
    whole = flat(row)
    assert '今年9月 (September of "this year")' in whole and "艾瑞咨询 (iResearch monitoring data)" in whole, whole
    assert "与美国和饥饿基本持平" in whole and say("column.unit", lang) in whole, whole


def pair_line(screen: list[str]) -> tuple[str, str]:
    """The names under the matrix: (row, column)."""
    for line in screen:
        found = re.fullmatch(r" (\S.*?) × (.*\S)\s*", line)
        if found and "│" not in line:
            return found.group(1), found.group(2)
    raise AssertionError(flat(screen))


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("size", SIZES)
def test_the_matrix_names_the_cursors_pair_and_transpose_keeps_it(tmp_path: Path, size: str, lang: str) -> None:
    before, after = drive(
        tmp_path,
        size,
        ["key:m", "expect:▸", "wait:1", "key:j", "key:j"]
        + ["key:l"] * 6
        + ["wait:0.8", "screen", "key:x", "wait:1", "screen"],
        args=f"--lang {lang}",
        ready=ready(lang),
    )
    row, column = pair_line(before)
    assert "…" not in row + column, flat(before)  # whole names, however narrow the columns
    assert pair_line(after) == (column, row), flat(after)
    for screen in (before, after):
        assert sum(line.count("▸") for line in screen) == 2, flat(screen)  # the cursor's cell, and the legend
        assert say("matrix.legend", lang) in flat(screen), flat(screen)
