"""Drive a terminal program in a real pseudo-terminal and time what a user feels.

A program runs on its own pty (so Textual uses its real Linux driver, not a
test harness); keys are written to the terminal as bytes, in one burst, as a
fast typist or a held-down key sends them. The answer is measured from the
outside: the wall time from the first key until the screen *settles* (the
program has written nothing for `QUIET` seconds), and the CPU time the
program used meanwhile, read from /proc for every thread of the process.
"""

from __future__ import annotations

import fcntl
import os
import re
import select
import struct
import subprocess
import termios
import time
from collections.abc import Sequence
from dataclasses import dataclass

QUIET = 0.5  # seconds without output that count as "settled"
BLINK_BYTES = 64  # a write this small only blinks a cursor: it does not count as drawing
_CONTROL = re.compile(
    rb"\x1b\[[0-9;:?<>=]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[()][0-9A-Za-z]|\x1b[=>78]"
)


def visible(output: bytes | bytearray) -> bytes:
    """Terminal output without its control sequences: roughly the text that was drawn."""
    return _CONTROL.sub(b"", bytes(output))


@dataclass(frozen=True)
class Reaction:
    """How a burst of keys was answered."""

    settle_ms: float  # first key written -> last byte drawn
    cpu_ms: float  # CPU the program used over that time
    output_bytes: int


def _cpu_seconds(pid: int) -> float:
    """CPU time of every thread of `pid`, from /proc (nanoseconds where the kernel has them)."""
    total = 0
    try:
        for task in os.listdir(f"/proc/{pid}/task"):
            with open(f"/proc/{pid}/task/{task}/schedstat") as handle:
                total += int(handle.read().split()[0])
        return total / 1e9
    except (OSError, ValueError, IndexError):
        with open(f"/proc/{pid}/stat") as handle:
            fields = handle.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


class PtySession:
    """One program on a pseudo-terminal of a given size."""

    def __init__(self, command: Sequence[str], *, size: tuple[int, int] = (120, 40), env: dict[str, str]) -> None:
        self.master, slave = os.openpty()
        columns, rows = size
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, columns, 0, 0))
        self.process = subprocess.Popen(
            list(command),
            stdin=slave,
            stdout=slave,
            stderr=slave,
            env={**env, "TERM": "xterm-256color", "COLUMNS": str(columns), "LINES": str(rows)},
            start_new_session=True,
        )
        os.close(slave)
        self.output = bytearray()

    def _drain(self, until: float, *, last: float | None = None) -> float | None:
        """Read output until the screen has been quiet for QUIET (or until `until`).

        Returns when the last byte came; with `last` None, waits for a first byte.
        """
        while True:
            now = time.monotonic()
            deadline = until if last is None else min(until, last + QUIET)
            if now >= deadline:
                return last
            ready, _, _ = select.select([self.master], [], [], deadline - now)
            if not ready:
                continue
            try:
                chunk = os.read(self.master, 1 << 16)
            except OSError:
                return last
            if not chunk:
                return last
            self.output += chunk
            if len(chunk) > BLINK_BYTES:
                last = time.monotonic()

    def ready(self, marker: bytes, timeout: float = 180.0) -> float:
        """Wait until `marker` has been drawn and the screen is quiet; seconds from start."""
        start = time.monotonic()
        while marker not in visible(self.output):
            if time.monotonic() - start > timeout or self.process.poll() is not None:
                raise TimeoutError(f"{marker!r} never appeared: {bytes(self.output[-500:])!r}")
            self._drain(start + timeout, last=time.monotonic())
        self._drain(start + timeout, last=time.monotonic())
        return time.monotonic() - start

    def react(self, keys: bytes, *, shows: bytes = b"", timeout: float = 60.0) -> Reaction:
        """Send `keys` in one write and measure until the screen settles (after showing `shows`)."""
        self._drain(time.monotonic() + 10.0, last=time.monotonic())  # nothing left over from before
        size_before = len(self.output)
        cpu_before = _cpu_seconds(self.process.pid)
        start = time.monotonic()
        os.write(self.master, keys)
        last = self._drain(start + timeout)
        while shows and shows not in visible(self.output[size_before:]) and time.monotonic() < start + timeout:
            last = self._drain(start + timeout, last=time.monotonic()) or last
        cpu_after = _cpu_seconds(self.process.pid)
        settle = (last - start) if last is not None else 0.0
        return Reaction(settle * 1000, (cpu_after - cpu_before) * 1000, len(self.output) - size_before)

    def close(self) -> None:
        """Quit the program (ctrl+q, then a signal if it lingers)."""
        try:
            os.write(self.master, b"\x11")
            self.process.wait(timeout=5)
        except (OSError, subprocess.TimeoutExpired):
            self.process.kill()
            self.process.wait()
        finally:
            os.close(self.master)

    def __enter__(self) -> PtySession:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
