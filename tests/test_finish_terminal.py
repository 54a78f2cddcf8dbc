"""Finishing touches as a reader sees them in a real terminal (tmux, through the shared drive tool):
the gap report's hanging indent and Chinese commas, the side-by-side gutter, the Names pane."""

from __future__ import annotations

from pathlib import Path

import pytest

from fintech_tui.i18n import phrase
from tests.test_terminal import THUMB, drive, pytestmark  # noqa: F401  (same skips, same tmux group)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_gap_report_wraps_under_each_findings_first_word(tmp_path: Path, lang: str) -> None:
    title = phrase("gaps.title", lang, count=0).split("—")[0].strip()
    steps = ["key:r", f"expect:{title}", "wait:0.5", "screen"]
    [report] = drive(tmp_path, "80x24", steps, args=f"--lang {lang}", ready=phrase("pane.companies", lang))
    inside = [line[1:] for line in report if line.startswith("│")]  # the report's rows, its left border cut
    close = "）" if lang == "zh" else ")"  # a heading ends with its count in the language's brackets
    headings = [
        row for row in inside if row.strip() and row.rstrip(" │" + THUMB).endswith(close)
    ]  # a scroll thumb may sit beside one
    findings = [row for row in inside if row.strip() and row not in headings]
    assert headings and findings, "\n".join(report)
    assert all(row.startswith("  ") for row in findings), "\n".join(report)  # first lines and wrapped lines
    if lang == "zh":
        assert ", ¶" not in "\n".join(report)
        assert not any(row.rstrip(" │" + THUMB).endswith(")") for row in headings), "\n".join(report)


def test_side_by_side_keeps_a_rule_between_the_columns(tmp_path: Path) -> None:
    [side] = drive(
        tmp_path,
        "120x40",
        ["key:s", "expect:口袋生活⟨掌上生活⟩", "key:v", "key:v", "key:v", "expect:original | English", "screen"],
        args="--goto paragraph:p01",
    )
    first = next(line for line in side if "¶1 " in line)
    text, english = first.index("从支付宝"), first.index("From Alipay")
    assert "│" in first[text:english], first  # a gutter, not a single space


def test_the_names_pane_is_named_for_what_it_holds(tmp_path: Path) -> None:
    [names] = drive(tmp_path, "120x40", ["key:2", "key:G", "wait:0.5", "screen"], ready="Names")
    assert any("2 Names" in line for line in names), "\n".join(names)
    assert "Companies" not in "\n".join(names)
