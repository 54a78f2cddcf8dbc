"""A real terminal changes size under a scrolling view: the reader's place stays on screen.

The drive tool has no resize step, so these tests run tmux themselves (one session at a
time, behind the same lock as the other terminal tests) and resize its window, as a reader
dragging the terminal's corner does.
"""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from fintech_tui.i18n import phrase
from tests.test_terminal import own_tmux_server

pytestmark = [
    pytest.mark.skipif(shutil.which("tmux") is None, reason="needs tmux"),
    pytest.mark.terminal,
    pytest.mark.flaky(reruns=2, reruns_delay=1),  # a busy machine can miss a redraw; a real failure fails thrice
]

LANGS = ["en", "zh"]


class Terminal:
    """One tmux session running the explorer."""

    def __init__(self, name: str, env: dict[str, str]) -> None:
        self.name = name
        self.env = env  # its own tmux server (tests/test_terminal.py's own_tmux_server)

    def tmux(self, *args: str) -> str:
        return subprocess.run(
            ["tmux", *args], capture_output=True, text=True, check=False, timeout=30, env=self.env
        ).stdout

    def screen(self) -> str:
        return self.tmux("capture-pane", "-p", "-t", self.name)

    def wait_for(self, found: Callable[[str], bool], seconds: float = 20) -> str:
        """The screen once `found` holds of it (AssertionError with the last screen otherwise)."""
        deadline = time.monotonic() + seconds
        while True:
            text = self.screen()
            if found(text):
                return text
            if time.monotonic() > deadline:
                raise AssertionError(text)
            time.sleep(0.2)

    def keys(self, *names: str) -> None:
        for name in names:
            self.tmux("send-keys", "-t", self.name, name)
            time.sleep(0.3)

    def resize(self, columns: int, rows: int) -> None:
        self.tmux("resize-window", "-t", self.name, "-x", str(columns), "-y", str(rows))

    def size(self) -> tuple[int, int]:
        shown = self.tmux("display-message", "-p", "-t", self.name, "#{window_width}x#{window_height}").strip()
        columns, rows = shown.split("x")
        return int(columns), int(rows)


@contextmanager
def explorer(tmp_path: Path, args: str, size: tuple[int, int] = (120, 40)) -> Iterator[Terminal]:
    env = {
        "XDG_CONFIG_HOME": tmp_path / "config",
        "XDG_DATA_HOME": tmp_path / "data",
        "FINTECH_TUI_CACHE": os.environ.get("FINTECH_TUI_CACHE", tmp_path / "cache"),
    }
    assignments = " ".join(f"{key}={shlex.quote(str(value))}" for key, value in env.items())
    command = (
        f"env -u COLUMNS -u LINES TERM=xterm-256color LANG=C.UTF-8 {assignments} "
        f"{shlex.quote(sys.executable)} -m fintech_tui --fresh {args}; sleep 600"
    )
    with own_tmux_server() as tmux_env:
        terminal = Terminal(f"fintech-tui-resize-{os.getpid()}", tmux_env)
        terminal.tmux("new-session", "-d", "-s", terminal.name, "-x", str(size[0]), "-y", str(size[1]), command)
        terminal.tmux("set-option", "-t", terminal.name, "window-size", "manual")  # resize-window sets it
        try:
            yield terminal
        finally:
            terminal.keys("q")
            terminal.tmux("kill-session", "-t", terminal.name)


@pytest.mark.parametrize("lang", LANGS)
def test_the_source_view_keeps_the_readers_paragraph_through_resizes(tmp_path: Path, lang: str) -> None:
    with explorer(tmp_path, f"--lang {lang} --goto paragraph:20") as terminal:
        terminal.wait_for(lambda text: phrase("pane.companies", lang) in text)
        terminal.keys("s")
        terminal.wait_for(lambda text: "¶20" in text and "¶19" not in text.split("¶20")[0][-200:])
        for columns, rows in [(80, 24), (120, 40), (80, 24)]:
            terminal.resize(columns, rows)
            assert terminal.size() == (columns, rows)
            shown = terminal.wait_for(lambda text, c=columns: max(map(len, text.splitlines())) <= c and "¶20" in text)
            lines = shown.splitlines()
            assert len(lines) <= rows
            assert any("¶20" in line for line in lines[: rows - 2]), shown  # on screen, not under the footer
