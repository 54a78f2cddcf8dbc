"""A drafted pack as a reader sees it in a real terminal: the badge on each drafted item and the count in the title."""

from __future__ import annotations

from pathlib import Path

import pytest

from fintech_tui.draft import draft_pack
from fintech_tui.i18n import phrase

from .test_draft_pipeline import ARTICLE
from .test_terminal import drive, pytestmark  # noqa: F401  (tmux and the drive tool, one session at a time)


@pytest.fixture(scope="module")
def drafted(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One drafted pack for every session here (the explorer only reads it)."""
    folder = tmp_path_factory.mktemp("drafted")
    article = folder / "column.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    draft_pack(article, folder / "pack")
    return folder / "pack"


@pytest.mark.parametrize(("size", "lang"), [("80x24", "en"), ("120x40", "en"), ("80x24", "zh"), ("120x40", "zh")])
def test_drafted_items_are_badged_and_counted_in_the_title(tmp_path: Path, drafted: Path, size: str, lang: str) -> None:
    ready = phrase("pane.companies", lang)
    # at 80 columns the panes take turns: wait until Companies' box is the one shown
    steps = ["key:2", f"expect:─ 2 {ready} ", "wait:0.3", "screen"]
    [screen] = drive(tmp_path, size, steps, args=f"--lang {lang} {drafted}", ready=ready)
    text = "\n".join(screen)
    assert "✎" in screen[0], screen[0]  # the title bar: how many await review (cut to fit at 80 columns)
    if size == "120x40":
        assert ("drafted, to review" if lang == "en" else "项自动起草，待审") in screen[0], screen[0]
    assert "✎ 招商银行" in text or "✎ 招行" in text, text  # the Names pane badges its drafted names
