"""The readings as a reader sees them in a real terminal (tmux, through the shared drive tool)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

DRIVE = Path("/work/shared/tools/drive")
pytestmark = pytest.mark.skipif(
    not DRIVE.exists() or shutil.which("tmux") is None, reason="needs tmux and the drive tool"
)


def drive(*steps: str, size: str = "120x40") -> tuple[int, list[str]]:
    """Run the explorer on ¶1 through `steps`; the exit status and each printed screen."""
    # tmux may give the pane its size a moment after starting it: start once it has
    command = f"sleep 0.5; {sys.executable} -m fintech_tui --goto paragraph:p01"
    result = subprocess.run(
        [str(DRIVE), "-s", size, command, "wait:1", "expect:Companies", *steps, "key:q"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    return result.returncode, [screen for screen in result.stdout.split("----\n") if screen.strip()]


def test_the_restored_reading_resolves_the_garble_and_side_by_side_shows_both_columns() -> None:
    status, screens = drive(
        "key:s",
        "expect:口袋生活⟨掌上生活⟩",
        "screen",
        "key:v",
        "expect:restored reading",
        "expect:从支付宝、掌上生活到凡秘",
        "absent:口袋生活",
        "screen",
        "key:v",
        "key:v",
        "expect:original | English",
        "expect:From Alipay and CMB Life",
        "screen",
    )
    assert status == 0, screens
    original, restored, side = screens
    assert "从支付宝,口袋生活⟨掌上生活⟩到秘密⟨凡秘⟩" in original
    assert "从支付宝、掌上生活到凡秘" in restored and "口袋生活" not in restored
    first = next(line for line in side.splitlines() if "¶1 " in line)
    assert "从支付宝,口袋生活" in first and "From Alipay and CMB Life" in first
    assert first.index("从支付宝") < first.index("From Alipay")  # the text left, the English right
