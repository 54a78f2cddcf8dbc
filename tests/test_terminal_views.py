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
