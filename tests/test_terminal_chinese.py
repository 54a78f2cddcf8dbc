"""Chinese mode as a reader meets it in a real terminal (tmux, through drive): values written
as Chinese readers write them, and no English toast or palette line."""

from __future__ import annotations

from pathlib import Path

import pytest

from fintech_tui.i18n import phrase
from tests.test_terminal import drive, pytestmark  # noqa: F401  (same skips, same tmux group)

SIZES = ["80x24", "120x40"]
LANGS = ["en", "zh"]


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("size", SIZES)
def test_figure_values_are_written_as_the_language_writes_them(tmp_path: Path, size: str, lang: str) -> None:
    opened = phrase("figures.title", lang)[:6]
    [screen] = drive(
        tmp_path,
        size,
        [
            "key:2",
            "wait:0.5",
            "key:f",
            f"expect:{opened}",
            f"expect:{opened}",
            "wait:0.5",
            "screen",
        ],  # two expects: up to ten seconds
        args=f"--lang {lang}",
        ready=phrase("pane.companies", lang),
    )
    text = "\n".join(screen)
    if lang == "zh":
        for value in ("1000万用户", "3028万台", "0.01元", "30万元", "278次浏览"):
            assert value in text, text
        for english in ("users", "yuan", "devices", "views", "10,000,000"):
            assert english not in text, text
    else:
        assert "10,000,000 users" in text and "0.01 yuan" in text, text


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("size", SIZES)
def test_toasts_and_the_palette_speak_the_label_language(tmp_path: Path, size: str, lang: str) -> None:
    in_the_way = tmp_path / "a-file"
    in_the_way.write_text("not a folder", encoding="utf-8")
    title, nothing = phrase("toast.quit_how.title", lang), phrase("palette.no_matches", lang)
    why = phrase("oserror.EEXIST", lang)[:3]
    quit_toast, nothing_found, not_saved = drive(
        tmp_path,
        size,
        [
            *("key:2", "wait:0.5", "key:C-c", f"expect:{title}", "screen", "wait:6"),  # the toast goes
            *("key:C-p", "wait:0.6", "type:zzqqxxjj", f"expect:{nothing}", "screen", "key:Escape", "wait:0.5"),
            *("key:S", f"expect:{why}", "screen"),
        ],
        args=f"--lang {lang} --screenshot-dir {in_the_way}",
        ready=phrase("pane.companies", lang),
    )
    assert phrase("toast.quit_how.title", lang) in "\n".join(quit_toast), "\n".join(quit_toast)
    assert phrase("toast.quit_how", lang, key="q") in "\n".join(quit_toast), "\n".join(quit_toast)
    assert nothing in "\n".join(nothing_found), "\n".join(nothing_found)
    # the toast may wrap beside the panes' borders: read only what stands right of its edge (▌),
    # with every box-drawing and block mark dropped
    frame = {code: None for code in (*range(0x2500, 0x25A0), ord(" "))}
    shown = "".join(line.split("▌", 1)[1].translate(frame) for line in not_saved if "▌" in line)
    assert phrase("oserror.EEXIST", lang).translate(frame) in shown, "\n".join(not_saved)
    if lang == "zh":
        for english in ("Press", "quit", "No matches", "File exists", "Could not"):
            assert english not in "\n".join(quit_toast + nothing_found + not_saved), english
