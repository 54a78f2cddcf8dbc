"""A second attack, none of it repeating test_attacks.py: each case runs the real command line.

Every case here failed before its fix: a symlinked cache folder was written
through, `--force` replaced devices, YAML 1.1 spellings rewrote text, and so on.
"""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

from .conftest import PackWriter


def run(
    *args: str, cwd: Path, env: dict[str, str | None] | None = None, **kwargs: object
) -> subprocess.CompletedProcess[str]:
    """`python -m fintech_tui ARGS`, as a user runs it, with its own cache; None in `env` unsets."""
    merged = {**os.environ, "FINTECH_TUI_CACHE": str(cwd / "own-cache"), **(env or {})}
    return subprocess.run(  # type: ignore[call-overload, no-any-return]
        [sys.executable, "-m", "fintech_tui", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=60,
        env={name: value for name, value in merged.items() if value is not None},
        **kwargs,
    )


def one_line(result: subprocess.CompletedProcess[str]) -> str:
    """The single line a failure prints; fails the test if there is more, or a traceback."""
    assert "Traceback" not in result.stderr, result.stderr
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    return lines[0]


# -- the cache folder is checked itself, never through a link -------------------------------------


def test_a_symlinked_cache_folder_is_never_written_through(write_pack: PackWriter, tmp_path: Path) -> None:
    pack = write_pack()
    shared = tmp_path / "shared"
    victim = tmp_path / "victim"
    shared.mkdir()
    victim.mkdir(mode=0o700)
    (shared / "fintech-tui").symlink_to(victim)
    for _ in range(2):  # the second run would read what the first wrote
        result = run("check", str(pack), cwd=tmp_path, env={"FINTECH_TUI_CACHE": None, "XDG_CACHE_HOME": str(shared)})
        assert result.returncode == 0, result.stderr
    assert list(victim.iterdir()) == []


# -- export --force replaces only regular files and links, and keeps the mode ---------------------


def test_force_never_replaces_a_fifo(write_pack: PackWriter, tmp_path: Path) -> None:
    fifo = tmp_path / "out.md"
    os.mkfifo(fifo)
    result = run("export", "-o", str(fifo), "--force", str(write_pack()), cwd=tmp_path)
    assert result.returncode != 0
    assert "named pipe (FIFO), not a regular file" in one_line(result)
    assert stat.S_ISFIFO(fifo.lstat().st_mode)


def test_force_keeps_a_private_file_private(write_pack: PackWriter, tmp_path: Path) -> None:
    private = tmp_path / "out.md"
    private.write_text("old", encoding="utf-8")
    private.chmod(0o600)
    result = run("export", "-o", str(private), "--force", str(write_pack()), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "A tiny article" in private.read_text(encoding="utf-8")
    assert stat.S_IMODE(private.stat().st_mode) == 0o600
