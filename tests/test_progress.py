"""A long load shows its progress on a terminal, and Ctrl+C stops it at once."""

from __future__ import annotations

import os
import pty
import select
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from fintech_tui.util.synthetic import write_pack as write_synthetic_pack

from .conftest import PackWriter

ENV = {**os.environ, "FINTECH_TUI_CACHE": "off", "COLUMNS": "100", "LINES": "20", "TERM": "xterm-256color"}


def start_on_a_terminal(*args: str) -> tuple[subprocess.Popen[bytes], int]:
    """Run fintech-tui with a pseudo-terminal as its standard error; (process, master fd)."""
    master, slave = pty.openpty()
    process = subprocess.Popen(
        [sys.executable, "-m", "fintech_tui", *args],
        stdin=subprocess.DEVNULL,
        stdout=slave,
        stderr=slave,
        env=ENV,
    )
    os.close(slave)
    return process, master


def read_until(master: int, process: subprocess.Popen[bytes], *, text: bytes = b"", timeout: float = 60) -> bytes:
    """What the program wrote to its terminal, until `text` appears or it exits."""
    out = b""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        ready, _, _ = select.select([master], [], [], 0.1)
        if ready:
            try:
                chunk = os.read(master, 65536)
            except OSError:  # the other side closed
                break
            if not chunk:
                break
            out += chunk
            if text and text in out:
                return out
        elif process.poll() is not None and not ready:
            break
    return out


@pytest.fixture(scope="module")
def big_pack(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("big") / "pack"
    write_synthetic_pack(20_000, folder)
    return folder


def test_a_long_check_on_a_terminal_shows_file_items_and_a_bar(big_pack: Path) -> None:
    process, master = start_on_a_terminal("check", str(big_pack))
    try:
        out = read_until(master, process)
        assert process.wait(timeout=60) == 0
    finally:
        os.close(master)
    text = out.decode("utf-8", "replace")
    assert "fintech-tui: reading " in text and ".yaml" in text
    assert " items" in text
    assert "━" in text  # the bar
    assert "valid — 8,000 paragraphs" in text or "valid — 8000 paragraphs" in text


def test_no_progress_when_standard_error_is_not_a_terminal(big_pack: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "fintech_tui", "check", str(big_pack)], capture_output=True, env=ENV, timeout=120
    )
    assert result.returncode == 0
    assert b"reading" not in result.stderr and b"\x1b" not in result.stderr


def test_a_short_load_shows_nothing(write_pack: PackWriter) -> None:
    """A tiny pack loads in milliseconds, well inside the delay even on a loaded machine (the
    bundled pack, a cold load of ~0.2 s, went over the 0.3 s delay under `-n 2` and showed a bar)."""
    process, master = start_on_a_terminal("check", str(write_pack()))
    try:
        out = read_until(master, process)
        assert process.wait(timeout=60) == 0
    finally:
        os.close(master)
    assert b"reading" not in out and b"valid" in out


def test_ctrl_c_during_a_load_stops_at_once_with_one_line(big_pack: Path) -> None:
    process, master = start_on_a_terminal("check", str(big_pack))
    try:
        read_until(master, process, text=b"reading")
        interrupted = time.monotonic()
        process.send_signal(signal.SIGINT)
        code = process.wait(timeout=10)
        took = time.monotonic() - interrupted
        out = read_until(master, process, timeout=2)
    finally:
        os.close(master)
    lines = [line for line in out.decode("utf-8", "replace").splitlines() if line.strip()]
    assert code == 130  # 128 + SIGINT, as shells report it
    assert lines[-1].strip().endswith("fintech-tui: interrupted"), lines
    assert "Traceback" not in out.decode("utf-8", "replace")
    assert took < 3, took  # "at once", with room for a loaded test machine
