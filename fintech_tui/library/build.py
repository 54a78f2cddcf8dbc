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
import time
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

from fintech_tui.loader import SUFFIXES, pack_files, read_file
from fintech_tui.loader.cache import digest_of

PARALLEL_FROM = 8  # fewer packs than this are indexed here: starting workers costs more
RACY_NS = 2_000_000_000  # a file changed this recently may change again within its mtime tick
CHUNK = 4


def signature(path: Path) -> str:
    """The files' names, sizes, mtimes and inodes: equal means unchanged, without reading a byte.

    The same files `loader.pack_files` reads (YAML files of a folder, or the file itself). A
    file modified in the last two seconds gives no signature, so the next open reads and hashes
    it rather than trust a timestamp that may not have ticked yet.
    """
    try:
        if path.is_dir():
            with os.scandir(path) as found:
                entries = [(e.name, e.stat()) for e in found if e.name.lower().endswith(SUFFIXES) and not e.is_dir()]
        else:
            entries = [(path.name, path.stat())]
    except OSError:
        return ""
    now = time.time_ns()
    parts = []
    for name, info in sorted(entries):
        if now - info.st_mtime_ns < RACY_NS:
            return ""
        parts.append(f"{name}:{info.st_size}:{info.st_mtime_ns}:{info.st_ino}")
    return "|".join(parts)


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

    where = Path(path)
    sig = signature(where)  # before reading: a change after this point shows up next time
    found: dict[str, Any] = {"sig": sig, "digest": digest(where)}
    found.update(index_one(path))
    return marshal.dumps(found)


def index_packs(
    paths: Sequence[str], *, workers: int | None = None, progress: Callable[[int, int], None] | None = None
) -> Iterator[tuple[int, dict[str, Any]]]:
    """(position, rows) for each pack in `paths`, as they are ready; progress(done, total) after each."""
    total = len(paths)
    count = workers if workers is not None else (os.cpu_count() or 1)
    if count <= 1 or total < PARALLEL_FROM:
        for i, path in enumerate(paths):
            yield i, marshal.loads(index_pack(path))
            if progress is not None:
                progress(i + 1, total)
        return
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    method = "fork" if threading.active_count() == 1 and hasattr(os, "fork") else "spawn"
    with ProcessPoolExecutor(max_workers=count, mp_context=multiprocessing.get_context(method)) as pool:
        for i, data in enumerate(pool.map(index_pack, paths, chunksize=CHUNK)):
            yield i, marshal.loads(data)
            if progress is not None:
                progress(i + 1, total)
