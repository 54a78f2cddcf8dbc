"""Big valid packs in the explorer (issue 21, item 11): how long until the reader can read.

    python benchmarks/big_packs.py                 # every pack, written under /tmp/ft-big-packs
    python benchmarks/big_packs.py para4mb rows100k

Packs (each one YAML file, generated here; nothing large is committed):
  para4mb    one 4 MB paragraph between two short ones, quoted by an entity
  para60mb   one 60 MB paragraph (the loader refuses it: see docs/design/big-packs.md)
  rows100k   100,000 short paragraphs, the first and the last quoted
  rows390k   390,000 short paragraphs

Each pack is opened once to fill the cache, then measured on a real pseudo-terminal
(120 × 40): the first screen (the detail pane's title drawn, the screen quiet), `s` (the
source view's title drawn), `G` (the last paragraph's number drawn), the process's peak
RSS, and how long SIGTERM takes to end it while `s` and `G` are being rendered. Times are
wall seconds until the screen is quiet, minus the `QUIET` the session waits to call it so.
"""

from __future__ import annotations

import os
import select
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from pty_session import QUIET, PtySession, visible  # noqa: E402  (a sibling script, not a package)

from fintech_tui.util.synthetic import write_one_file_pack  # noqa: E402

OUT = Path("/tmp/ft-big-packs")
SENTENCE = "招商银行推出了掌上生活，支付宝有数亿用户。"  # 21 characters, 63 bytes of UTF-8


def long_paragraph(megabytes: int) -> Callable[[Path], None]:
    """A pack whose second paragraph holds `megabytes` MB of UTF-8 text."""

    def write(path: Path) -> None:
        repeats = megabytes * 1_000_000 // len(SENTENCE.encode())
        write_one_file_pack(path, ["开头。", SENTENCE * repeats, "结尾。"], title=f"{megabytes} MB paragraph")

    return write


def many_paragraphs(count: int) -> Callable[[Path], None]:
    """A pack of `count` short paragraphs."""

    def write(path: Path) -> None:
        paragraphs = [f"第{n}段。{SENTENCE}" for n in range(1, count + 1)]
        write_one_file_pack(path, paragraphs, title=f"{count} paragraphs")

    return write


PACKS: dict[str, tuple[Callable[[Path], None], bytes]] = {  # name → (writer, what `G` shows)
    "para4mb": (long_paragraph(4), "结尾".encode()),
    "para60mb": (long_paragraph(60), "结尾".encode()),
    "rows100k": (many_paragraphs(100_000), "第100000段".encode()),
    "rows390k": (many_paragraphs(390_000), "第390000段".encode()),
}


def pack_file(name: str) -> Path:
    path = OUT / f"{name}.yaml"
    if not path.exists():
        OUT.mkdir(parents=True, exist_ok=True)
        PACKS[name][0](path)
    return path


def _peak_mib(pid: int) -> float:
    with open(f"/proc/{pid}/status") as handle:
        for line in handle:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return 0.0


def _env(home: Path) -> dict[str, str]:
    return {
        **os.environ,
        "XDG_CONFIG_HOME": str(home / "config"),
        "XDG_DATA_HOME": str(home / "data"),
        "FINTECH_TUI_CACHE": str(home / "cache"),
    }


def _command(path: Path | None) -> list[str]:
    return [sys.executable, "-m", "fintech_tui", "--fresh", *([str(path)] if path else [])]


def _sigterm_latency(path: Path, env: dict[str, str], keys: bytes, timeout: float) -> float | None:
    """Seconds from SIGTERM (sent 0.3 s after `keys`) to the process's end; None if it outlived `timeout`."""
    with PtySession(_command(path), env=env) as session:
        session.ready(b"Outline", timeout=timeout)
        os.write(session.master, keys)
        time.sleep(0.3)
        sent = time.monotonic()
        session.process.send_signal(signal.SIGTERM)
        while session.process.poll() is None:  # read what it writes: a full terminal would block its exit
            if time.monotonic() - sent > timeout:
                return None
            _read_some(session)
        return time.monotonic() - sent


def _read_some(session: PtySession) -> None:
    ready, _, _ = select.select([session.master], [], [], 0.05)
    if ready:
        try:
            session.output += os.read(session.master, 1 << 16)
        except OSError:
            time.sleep(0.05)


def measure(name: str, path: Path | None, last: bytes, timeout: float = 180.0) -> dict[str, object]:
    home = Path(tempfile.mkdtemp(prefix="ft-big-"))
    env = _env(home)
    check = [sys.executable, "-m", "fintech_tui", "check", *([str(path)] if path else [])]
    subprocess.run(check, env=env, capture_output=True)  # fill the cache: a big pack's first open is parsing
    row: dict[str, object] = {"pack": name}
    session = PtySession(_command(path), env=env)
    try:
        try:
            row["first screen"] = round(session.ready(b"Outline", timeout=timeout) - QUIET, 2)
            source = session.react(b"s", shows=b"Source", timeout=timeout)
            row["source view"] = round(source.settle_ms / 1000, 2)
            end = session.react(b"G", shows=last, timeout=timeout)
            row["G"] = round(end.settle_ms / 1000, 2)
            row["G shown"] = last in visible(session.output[-200_000:])
        except TimeoutError as error:
            row["timeout"] = str(error)[:80]
        row["peak MiB"] = round(_peak_mib(session.process.pid))
    finally:
        session.process.kill()
        session.process.wait()
        os.close(session.master)
    for keys, label in ((b"", "SIGTERM at first screen"), (b"sG", "SIGTERM while s, G render")):
        try:
            latency = _sigterm_latency(path, env, keys, timeout)
        except TimeoutError:
            latency = None
        row[label] = None if latency is None else round(latency, 2)
    return row


def main() -> None:
    names = sys.argv[1:] or ["bundled", *PACKS]
    for name in names:
        if name == "bundled":
            print(measure(name, None, "¶".encode()), flush=True)
            continue
        started = time.monotonic()
        path = pack_file(name)
        print(f"# {name}: {path.stat().st_size / 1e6:.1f} MB, written in {time.monotonic() - started:.1f} s")
        check = subprocess.run(
            [sys.executable, "-m", "fintech_tui", "check", str(path)], capture_output=True, text=True
        )
        print(f"# check: exit {check.returncode} {check.stderr.strip()[:160]}", flush=True)
        if check.returncode != 0:
            continue
        print(measure(name, path, PACKS[name][1]), flush=True)


if __name__ == "__main__":
    main()
