"""Index packs on every core: worker processes load packs and send back plain rows.

A cold build of a large library is mostly parsing YAML, one pack at a time, so packs are
shared out to worker processes (forked when this process runs one thread, spawned when it
runs more, as the explorer does: forking a threaded process is unsafe). A worker returns its
rows marshalled: plain values only, nothing that can name code. This process writes them.
"""

from __future__ import annotations

import marshal
import os
import threading
from collections.abc import Callable, Generator, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from fintech_tui.library.discover import signature_of
from fintech_tui.loader import pack_files, read_file
from fintech_tui.loader.cache import digest_of

if TYPE_CHECKING:
    from concurrent.futures import Future

PARALLEL_FROM = 8  # fewer packs than this are indexed here: starting workers costs more
CHUNK = 4  # packs a worker indexes at a time
AHEAD = 3  # batches asked of the pool per worker before the first is handed on


def signature(path: Path) -> str:
    """The pack's signature as discovery gives it (see `discover.signature_of`)."""
    try:
        if path.is_dir():
            with os.scandir(path) as found:
                return signature_of(list(found))
        with os.scandir(path.parent) as found:
            entry = next((e for e in found if e.name == path.name), None)
    except OSError:
        return ""
    return signature_of(None, entry) if entry is not None else ""


def digest(path: Path) -> str:
    """The pack cache's digest of the files' names and bytes ("" when a file cannot be read)."""
    try:
        files = pack_files(path)
    except OSError:
        return ""
    contents = []
    for file in files:
        raw, problems = read_file(file, str(file))
        if raw is None or problems:
            return ""
        contents.append((file.name, raw))
    return digest_of(contents) if contents else ""


def index_pack(path: str) -> bytes:
    """A worker's job: the pack's signature, digest and rows (or problems), marshalled."""
    from fintech_tui.library.extract import index_one

    sig = signature(Path(path))  # before reading: a change after this point shows up next time
    return marshal.dumps({"sig": sig, **index_one(path)})


def index_batch(paths: Sequence[str]) -> list[bytes]:
    """A worker's batch: `index_pack` of each path, in order."""
    return [index_pack(path) for path in paths]


def index_packs(
    paths: Sequence[str], *, workers: int | None = None, progress: Callable[[int, int], None] | None = None
) -> Iterator[tuple[int, dict[str, Any]]]:
    """(position, rows) for each pack in `paths`, in order, as they are ready; progress(done, total) after each.

    Batches of CHUNK packs go to the pool, at most AHEAD of them a worker at a time: a batch's rows
    are handed on and dropped before more are asked for, so memory holds a few batches, not the
    rows of every pack (`Executor.map` submits every job at once, and keeps each result until it
    is taken)."""
    total = len(paths)
    count = workers if workers is not None else (os.cpu_count() or 1)
    if count <= 1 or total < PARALLEL_FROM:
        for i, path in enumerate(paths):
            yield i, marshal.loads(index_pack(path))
            if progress is not None:
                progress(i + 1, total)
        return
    import multiprocessing
    from collections import deque
    from concurrent.futures import ProcessPoolExecutor

    method = "fork" if threading.active_count() == 1 and hasattr(os, "fork") else "spawn"
    batches = (paths[start : start + CHUNK] for start in range(0, total, CHUNK))
    pending: deque[Future[list[bytes]]] = deque()
    done = 0
    with ProcessPoolExecutor(max_workers=count, mp_context=multiprocessing.get_context(method)) as pool:
        for batch in batches:
            pending.append(pool.submit(index_batch, batch))
            if len(pending) < count * AHEAD:
                continue
            done = yield from _handed_on(pending.popleft(), done, total, progress)
        while pending:
            done = yield from _handed_on(pending.popleft(), done, total, progress)


def _handed_on(
    future: Future[list[bytes]], done: int, total: int, progress: Callable[[int, int], None] | None
) -> Generator[tuple[int, dict[str, Any]], None, int]:
    for data in future.result():
        yield done, marshal.loads(data)
        done += 1
        if progress is not None:
            progress(done, total)
    return done
