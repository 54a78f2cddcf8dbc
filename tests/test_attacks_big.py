"""Big valid packs (issue 21, items 11 and 12): a paragraph too long to show is refused where
it stands, and an explorer busy with a big one still ends when told to.

Each case runs the real command line, as a user would; each failed before its fix.
"""

from __future__ import annotations

import contextlib
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from fintech_tui.model.pack import MAX_PARAGRAPH_CHARS

from .big_pack_files import one_file_pack
from .test_attacks_fresh import one_line, run

SENTENCE = "支付宝有数亿用户。"


def _long(chars: int) -> str:
    return (SENTENCE * (chars // len(SENTENCE) + 1))[:chars]


def _pack_with(tmp_path: Path, field: str, chars: int) -> Path:
    """A one-file pack whose second paragraph's `field` holds `chars` characters (on line 7)."""
    readings = {"text": SENTENCE, "restored": "", "en": ""}
    readings[field] = _long(chars)
    lines = ["meta:", "  title: {en: Big}", "paragraphs:", "  - id: p1", "    text: 开头。", "  - id: p2"]
    lines += [f"    {name}: {value}" for name, value in readings.items() if value]
    path = tmp_path / "big.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize("field", ["text", "restored", "en"])
def test_a_paragraph_past_the_cap_is_one_located_problem(tmp_path: Path, field: str) -> None:
    pack = _pack_with(tmp_path, field, MAX_PARAGRAPH_CHARS + 1)
    result = run("check", str(pack), cwd=tmp_path)
    assert result.returncode == 2, result.stderr[:300]
    assert "Traceback" not in result.stderr
    problem, summary = result.stderr.splitlines()
    line = 7 if field == "text" else 8
    assert re.fullmatch(
        rf"{re.escape(str(pack))}:{line}:\d+: paragraphs\[1\]\.{field}: 4,194,305 characters, "
        r"more than the 4,194,304 a paragraph may hold; split it into several paragraphs",
        problem,
    ), problem[:300]
    assert summary == "fintech-tui: 1 problem; pack invalid"


def test_a_paragraph_at_the_cap_checks(tmp_path: Path) -> None:
    result = run("check", str(_pack_with(tmp_path, "text", MAX_PARAGRAPH_CHARS)), cwd=tmp_path)
    assert result.returncode == 0, result.stderr[:300]


def test_the_explorer_refuses_it_too_and_says_where(tmp_path: Path) -> None:
    pack = _pack_with(tmp_path, "text", MAX_PARAGRAPH_CHARS + 1)
    result = run(str(pack), cwd=tmp_path, stdin=subprocess.DEVNULL)
    assert result.returncode == 2
    assert "paragraphs[1].text: 4,194,305 characters" in result.stderr
    assert "Traceback" not in result.stderr


def test_the_schema_tells_an_editor_the_cap(tmp_path: Path) -> None:
    import json

    result = run("schema", cwd=tmp_path)
    paragraph = json.loads(result.stdout)["$defs"]["Paragraph"]["properties"]
    assert [paragraph[field].get("maxLength") for field in ("text", "restored", "en")] == [MAX_PARAGRAPH_CHARS] * 3


def test_draft_refuses_a_paragraph_its_loader_would() -> None:
    from fintech_tui.draft.limits import within_limits
    from fintech_tui.draft.reading import ArticleError

    paragraphs = [{"id": "p1", "text": "开头。"}, {"id": "p2", "text": _long(MAX_PARAGRAPH_CHARS + 1)}]
    with pytest.raises(ArticleError, match=r"paragraph 2 holds 4,194,305 characters, more than the 4,194,304"):
        within_limits({"source.yaml": {"paragraphs": paragraphs}}, "article.txt")


def test_draft_refuses_a_paragraph_long_before_the_loader_would(tmp_path: Path) -> None:
    """`draft` stops at its own, smaller paragraph limit with one line; nothing is written."""
    article = tmp_path / "article.txt"
    article.write_text("a" * (MAX_PARAGRAPH_CHARS // 2), encoding="utf-8")
    drafted = run("draft", str(article), str(tmp_path / "pack"), cwd=tmp_path)
    assert drafted.returncode != 0
    assert "characters in one paragraph (at most 50,000)" in one_line(drafted)
    assert not (tmp_path / "pack").exists()


# -- an explorer busy with a big paragraph still ends when told to, or when its terminal closes ----


def _one_big_paragraph(tmp_path: Path, chars: int) -> Path:
    """A pack whose second paragraph holds `chars` characters, quoted by an entity."""
    return one_file_pack(tmp_path, ["开头。", _long(chars), "结尾。"], name="big.yaml")


def _explorer_on_a_pty(pack: Path, cache: Path) -> tuple[int, int]:
    """(pid, terminal fd) of an explorer opened on `pack`'s entity in a 120 × 40 pseudo-terminal."""
    import fcntl
    import pty
    import struct
    import termios

    pid, fd = pty.fork()
    if pid == 0:  # the child: become the explorer
        os.environ.update(TERM="xterm-256color", FINTECH_TUI_CACHE=str(cache), XDG_CONFIG_HOME=str(cache / "cfg"))
        os.execv(sys.executable, [sys.executable, "-m", "fintech_tui", "--goto", "entity:alipay", str(pack)])
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))
    return pid, fd


def _read_until(fd: int, wanted: bytes, seconds: float) -> bytes:
    import select

    out = b""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline and wanted not in out:
        ready, _, _ = select.select([fd], [], [], 0.1)
        if ready:
            try:
                out += os.read(fd, 65536)
            except OSError:
                break
    return out


def _ended_within(pid: int, seconds: float, fd: int | None) -> int | None:
    """The exit status of `pid` if it ends within `seconds` (reading its terminal meanwhile), else None."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        done, status = os.waitpid(pid, os.WNOHANG)
        if done:
            return status
        if fd is not None:
            _read_until(fd, b"\0", 0.05)  # a full terminal would block its exit
        else:
            time.sleep(0.05)
    return None


@pytest.mark.parametrize("how", ["SIGTERM", "terminal closed"])
def test_an_explorer_rendering_a_big_paragraph_ends_within_3_s(tmp_path: Path, how: str) -> None:
    """Item 12: closing the terminal while a 1 MB paragraph rendered left an unkillable process
    (six of six tries), and SIGTERM took 16 s on a 60 MB one."""
    pack = _one_big_paragraph(tmp_path, 1_000_000)
    assert run("check", str(pack), cwd=tmp_path, env={"FINTECH_TUI_CACHE": str(tmp_path / "cache")}).returncode == 0
    pid, fd = _explorer_on_a_pty(pack, tmp_path / "cache")
    try:
        assert b"Alipay" in _read_until(fd, b"Alipay", 60), "the explorer never drew the entity"
        os.write(fd, b"sG")  # the source view on the big paragraph, then its end
        time.sleep(0.2)
        sent = time.monotonic()
        if how == "SIGTERM":
            os.kill(pid, signal.SIGTERM)
            status = _ended_within(pid, 3.0, fd)
        else:
            os.close(fd)  # the terminal goes: the explorer is sent SIGHUP
            fd = -1
            status = _ended_within(pid, 3.0, None)
        assert status is not None, f"still running {time.monotonic() - sent:.1f} s after {how}"
        signum = signal.SIGTERM if how == "SIGTERM" else signal.SIGHUP
        assert os.WIFEXITED(status) and os.WEXITSTATUS(status) == 128 + signum, status
    finally:
        with contextlib.suppress(ProcessLookupError, ChildProcessError):
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
        if fd != -1:
            os.close(fd)
