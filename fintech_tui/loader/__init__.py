"""Load a content pack from YAML into the model, reporting every problem found.

A pack is a folder of `.yaml` files (or one file); each file's top level is a
mapping whose keys are sections of the pack (`meta`, `paragraphs`, `outline`,
`entities`, `strategies`, `arguments`, `figures`, `glossary`). A section may
live in any file but only in one.

Each file is read once, as a regular file and with a hard byte cap; those
bytes are both hashed for the cache key and handed to the parser, so an edit
made during a load can never be cached under the wrong content. A pack that
validated once is cached (see `loader.cache`), so opening it again skips YAML
parsing; the parser and validator are imported only on a miss.
"""

from __future__ import annotations

from pathlib import Path

from fintech_tui.loader import cache
from fintech_tui.loader.memory import collector_paused
from fintech_tui.loader.problems import PackError, Problem
from fintech_tui.loader.progress import LoadProgress
from fintech_tui.model import Pack
from fintech_tui.util.safe_files import UnsafeFile, read_capped

__all__ = ["MAX_FILE_BYTES", "PackError", "Problem", "load_pack", "pack_files", "read_file"]

MAX_FILE_BYTES = 64 * 1024 * 1024
SUFFIXES = (".yaml", ".yml")


def pack_files(path: Path) -> list[Path]:
    """The YAML files that make up the pack at `path`, in a stable order.

    Suffixes match in any case (`entities.YAML` counts). Anything but a folder
    is listed, so a FIFO or device named `x.yaml` is reported, not skipped;
    dangling links (an editor's lock files) are left out.
    """
    if path.is_dir():
        return sorted(p for p in path.iterdir() if p.suffix.lower() in SUFFIXES and p.exists() and not p.is_dir())
    return [path]


def read_file(path: Path, display: str) -> tuple[bytes | None, list[Problem]]:
    """The bytes of the regular file at `path` (at most MAX_FILE_BYTES), or why they cannot be read."""
    try:
        return read_capped(path, MAX_FILE_BYTES), []
    except UnsafeFile as error:
        return None, [Problem(display, 0, 0, "", str(error))]


def load_pack(path: Path | str, *, use_cache: bool = True, progress: LoadProgress | None = None) -> Pack:
    """The Pack at `path` (folder or file); raise PackError listing every problem.

    `progress`, if given, hears how parsing and checking go (see `loader.progress`).
    """
    path = Path(path)
    if not path.exists():
        raise PackError([Problem(str(path), 0, 0, "", "no such file or folder")])
    files = pack_files(path)
    if not files:
        raise PackError([Problem(str(path), 0, 0, "", "folder holds no .yaml or .yml files")])
    contents: list[tuple[Path, bytes]] = []
    problems: list[Problem] = []
    for file in files:
        raw, unreadable = read_file(file, str(file))
        problems += unreadable
        if raw is not None:
            contents.append((file, raw))
    if problems:
        raise PackError(problems)
    key = cache.key_for([(file.name, raw) for file, raw in contents]) if use_cache else None
    with collector_paused():
        if key is not None and (cached := cache.read(key, origin=str(path))) is not None:
            return cached  # sealed by this cache's writer after every check (see `loader.cache`)
        from fintech_tui.loader.build import build_pack  # deferred: YAML and validation

        pack = build_pack(path, contents, progress)  # the very bytes that were hashed
        if key is not None:
            cache.write(key, pack, pack_folder=path if path.is_dir() else path.parent)
    return pack
