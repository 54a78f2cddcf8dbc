"""The readings as a reader sees them in a real terminal (tmux, through the shared drive tool)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.test_terminal import drive, pytestmark  # noqa: F401  (same skips, same tmux group)


def test_the_restored_reading_resolves_the_garble_and_side_by_side_shows_both_columns(tmp_path: Path) -> None:
    original, restored, side = (
        "\n".join(screen)
        for screen in drive(
            tmp_path,
            "120x40",
            [
                "key:s",
                "expect:口袋生活⟨掌上生活⟩",
                "screen",
                "key:v",
                "expect:从支付宝、掌上生活到凡秘",
                "absent:口袋生活",
                "screen",
                "key:v",
                "key:v",
                "expect:original | English",
                "expect:From Alipay and CMB Life",
                "screen",
            ],
            args="--goto paragraph:p01",
        )
    )
    assert "从支付宝,口袋生活⟨掌上生活⟩到秘密⟨凡秘⟩" in original
    assert "restored reading" in restored and "口袋生活" not in restored
    first = next(line for line in side.splitlines() if "¶1 " in line)
    assert "从支付宝,口袋生活" in first and "From Alipay and CMB Life" in first
    assert first.index("从支付宝") < first.index("From Alipay")  # the text left, the English right


@pytest.mark.parametrize("size", ["80x24"])
def test_side_by_side_stacks_on_a_narrow_terminal(tmp_path: Path, size: str) -> None:
    [side] = drive(
        tmp_path,
        size,
        ["key:s", "key:v", "key:v", "key:v", "expect:original | English", "expect:From Alipay", "screen"],
        args="--goto paragraph:p01",
    )
    body = [line for line in side if line.startswith("│")]  # the title bar holds the title in English too
    chinese = next(i for i, line in enumerate(body) if "从支付宝" in line)
    english = next(i for i, line in enumerate(body) if "From Alipay" in line)
    assert english > chinese and "From Alipay" not in body[chinese]  # one above the other
