"""Parse a pack's files on two cores at once, reporting progress as it goes.

Parsing is most of a first open. When the machine has a second core and the
pack is big enough to repay it, a forked child parses about half of the bytes
while this process parses the rest. The child sends back only plain values
(mappings, lists, text, numbers) and problems, through a pipe, with `marshal`:
nothing in that stream can name code to run. If the child fails, this process
parses its files itself; on Ctrl+C the child is stopped with the load.
"""

from __future__ import annotations

import contextlib
import marshal
import os
import signal
import struct
import threading
from collections.abc import Callable, Collection, Sequence
from typing import Any

from fintech_tui.loader.problems import Problem
from fintech_tui.loader.yaml_source import YamlDocument, read_yaml

FORK_FROM_BYTES = 256 * 1024  # below this, starting a process costs more than it saves

Parsed = tuple[YamlDocument | None, list[Problem]]
Progress = Callable[[str, int, int, int], None]  # (file being read, bytes done, bytes in all, items read)
_HEADER = struct.Struct(">I")


def parse_files(
    contents: Sequence[tuple[str, bytes]],
    *,
    sections: Collection[str] | None = None,
    progress: Progress | None = None,
) -> list[Parsed]:
    """Each file's document and problems, in the order given: (display name, bytes) in."""
    tally = _Tally(contents, progress)
    results: list[Parsed | None] = [None] * len(contents)
    theirs = _share_for_a_child(contents)
    child = _Child.start(contents, theirs, sections) if theirs else None
    try:
        for i, (display, raw) in enumerate(contents):
            if i in theirs:
                continue
            results[i] = read_yaml(raw, display, sections=sections, on_progress=tally.reporter(i, child))
            tally.finished(i, results[i])
        if child is not None:
            for i, parsed in child.collect(tally).items():
                results[i] = parsed
    finally:
        if child is not None:
            child.stop()
    for i, (display, raw) in enumerate(contents):  # anything the child did not deliver
        if results[i] is None:
            results[i] = read_yaml(raw, display, sections=sections, on_progress=tally.reporter(i, None))
            tally.finished(i, results[i])
    return [r for r in results if r is not None]


def _share_for_a_child(contents: Sequence[tuple[str, bytes]]) -> set[int]:
    """Indices of the files a child should parse: about half the bytes, or none."""
    total = sum(len(raw) for _, raw in contents)
    if (
        total < FORK_FROM_BYTES
        or len(contents) < 2
        or (os.cpu_count() or 1) < 2
        or not hasattr(os, "fork")
        or threading.active_count() > 1  # forking a threaded process is unsafe
    ):
        return set()
    mine = theirs_size = 0
    theirs: set[int] = set()
    for i in sorted(range(len(contents)), key=lambda i: -len(contents[i][1])):
        if theirs_size < mine:
            theirs.add(i)
            theirs_size += len(contents[i][1])
        else:
            mine += len(contents[i][1])
    return theirs


class _Tally:
    """Bytes and items read so far, over every file, whichever process reads it."""

    def __init__(self, contents: Sequence[tuple[str, bytes]], progress: Progress | None) -> None:
        self.names = [display for display, _ in contents]
        self.sizes = [len(raw) for _, raw in contents]
        self.total = sum(self.sizes)
        self.done = [0] * len(contents)
        self.items = [0] * len(contents)
        self.progress = progress

    def update(self, i: int, fraction: float, items: int) -> None:
        self.done[i] = int(self.sizes[i] * fraction)
        self.items[i] = items
        if self.progress is not None:
            self.progress(self.names[i], sum(self.done), self.total, sum(self.items))

    def finished(self, i: int, parsed: Parsed | None) -> None:
        doc = parsed[0] if parsed is not None else None
        data = doc.data if doc is not None else None
        items = sum(len(v) for v in data.values() if isinstance(v, list)) if isinstance(data, dict) else 0
        self.update(i, 1.0, items)

    def reporter(self, i: int, child: _Child | None) -> Callable[[float, int], None] | None:
        if self.progress is None and child is None:
            return None

        def report(fraction: float, items: int) -> None:
            if child is not None:
                child.poll(self)
            self.update(i, fraction, items)

        return report


def _send(fd: int, payload: Any) -> None:
    data = marshal.dumps(payload)
    view = memoryview(_HEADER.pack(len(data)) + data)
    while view:
        view = view[os.write(fd, view) :]


class _Child:
    """A forked process parsing some of the files; its messages arrive through a pipe."""

    def __init__(self, pid: int, fd: int) -> None:
        self.pid = pid
        self.fd = fd
        self.buffer = bytearray()
        self.results: dict[int, Parsed] = {}
        self.ended = False
        self.contents: Sequence[tuple[str, bytes]] = ()

    @classmethod
    def start(cls, contents: Sequence[tuple[str, bytes]], share: set[int], sections: Collection[str] | None) -> _Child:
        read_end, write_end = os.pipe()
        pid = os.fork()
        if pid == 0:  # the child: parse, send, and leave without running any of the parent's exit code
            status = 1
            try:
                os.close(read_end)
                for i in sorted(share):
                    display, raw = contents[i]

                    def report(fraction: float, items: int, i: int = i) -> None:
                        _send(write_end, ("progress", i, fraction, items))

                    doc, problems = read_yaml(raw, display, sections=sections, on_progress=report)
                    found = doc is not None
                    rows = [(p.file, p.line, p.column, p.field, p.message) for p in problems]
                    _send(write_end, ("parsed", i, found, doc.data if doc is not None else None, rows))
                status = 0
            except BaseException:  # Ctrl+C or anything else: the parent parses what is missing
                pass
            finally:
                os._exit(status)
        os.close(write_end)
        os.set_blocking(read_end, False)
        child = cls(pid, read_end)
        child.contents = contents
        return child

    def poll(self, tally: _Tally) -> None:
        """Take whatever the child has sent so far, without waiting."""
        self._read(tally, block=False)

    def collect(self, tally: _Tally) -> dict[int, Parsed]:
        """Wait for the child to finish; the files it parsed."""
        os.set_blocking(self.fd, True)
        self._read(tally, block=True)
        return self.results

    def _read(self, tally: _Tally, *, block: bool) -> None:
        while not self.ended:
            try:
                chunk = os.read(self.fd, 1 << 20)
            except BlockingIOError:
                return
            if not chunk:
                self.ended = True
                break
            self.buffer += chunk
            self._take_messages(tally)
            if not block:
                return

    def _take_messages(self, tally: _Tally) -> None:
        while len(self.buffer) >= _HEADER.size:
            (size,) = _HEADER.unpack_from(self.buffer)
            if len(self.buffer) < _HEADER.size + size:
                return
            message = marshal.loads(bytes(self.buffer[_HEADER.size : _HEADER.size + size]))
            del self.buffer[: _HEADER.size + size]
            if message[0] == "progress":
                _, i, fraction, items = message
                tally.update(i, fraction, items)
            else:
                _, i, found, data, rows = message
                display, raw = self.contents[i]
                doc = YamlDocument(display, data, raw) if found else None
                self.results[i] = (doc, [Problem(*row) for row in rows])
                tally.finished(i, self.results[i])

    def stop(self) -> None:
        """Make sure the child is gone (it is, unless the load was interrupted)."""
        if not self.ended:
            with contextlib.suppress(ProcessLookupError):
                os.kill(self.pid, signal.SIGKILL)
        with contextlib.suppress(ChildProcessError):
            os.waitpid(self.pid, 0)
        os.close(self.fd)
