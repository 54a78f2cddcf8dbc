"""`fintech-tui LIBRARY` (the explorer entry) as a process: it opens the Library view (and not the chart widget, which
only figures over time loads); --goto, which names one pack's item, is refused in one line."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.library_packs import write_library
from tests.test_startup_imports import PROBE

pytestmark = pytest.mark.app  # runs the explorer in another process


def run(args: list[str], cwd: Path, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "fintech_tui", *args],
        cwd=cwd,
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_a_library_opens_on_its_own_view_without_the_chart_widget(tmp_path: Path) -> None:
    folder = write_library(tmp_path / "library")
    env = {
        **os.environ,
        "TEXTUAL_DRIVER": "textual.drivers.headless_driver:HeadlessDriver",
        "TEXTUAL_PRESS": "ctrl+q",
    }
    probe = PROBE.replace("main([])", f"main([{str(folder)!r}])")
    result = subprocess.run(
        [sys.executable, "-c", probe], cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    modules = set(json.loads(result.stdout.strip().splitlines()[-1]))
    assert "fintech_tui.tui.library_app" in modules and "fintech_tui.tui.screens.library" in modules
    assert "fintech_tui.tui.screens.main" in modules  # imported, as the explorer's module, not shown
    assert not {"textual_plotext", "plotext", "fintech_tui.tui.screens.library_series"} & modules


def test_goto_with_a_library_is_refused_in_one_line(tmp_path: Path) -> None:
    folder = write_library(tmp_path / "library", bundled=False)
    result = run(["--goto", "entity:cmb-life", str(folder)], tmp_path)
    assert result.returncode == 1
    assert result.stderr.count("\n") == 1 and result.stderr.startswith("fintech-tui: --goto entity:cmb-life:")
    assert "Traceback" not in result.stderr


def test_a_pack_folder_still_opens_as_one_article(tmp_path: Path) -> None:
    """A pack is never taken for a library: `check` and the explorer treat it as before."""
    from fintech_tui.cli.dispatch import is_library
    from fintech_tui.util.bundled import bundled_pack_path

    folder = write_library(tmp_path / "library", bundled=False)
    assert is_library(folder)
    assert not is_library(folder / "cmb-2022")
    assert not is_library(bundled_pack_path())
