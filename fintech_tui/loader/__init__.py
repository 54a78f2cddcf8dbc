"""Load a content pack from YAML into the model, reporting every problem found.

A pack is a folder of `.yaml` files (or one file); each file's top level is a
mapping whose keys are sections of the pack (`meta`, `paragraphs`, `outline`,
`entities`, `strategies`, `arguments`, `figures`, `glossary`). A section may
live in any file but only in one.

A pack that validated once is cached (see `loader.cache`), so opening it again
skips YAML parsing; the parser and validator are imported only on a miss.
"""

from __future__ import annotations

from pathlib import Path

from fintech_tui.loader import cache
from fintech_tui.loader.memory import collector_paused
from fintech_tui.loader.problems import PackError, Problem
from fintech_tui.loader.progress import LoadProgress
from fintech_tui.model import Pack

__all__ = ["PackError", "Problem", "load_pack", "pack_files"]


def pack_files(path: Path) -> list[Path]:
    """The YAML files that make up the pack at `path`, in a stable order."""
    if path.is_dir():
        return sorted(p for p in path.iterdir() if p.suffix in (".yaml", ".yml") and p.is_file())
    return [path]


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
    key = cache.key_for(files) if use_cache else None
    with collector_paused():
        if key is not None and (cached := cache.read(key, origin=str(path))) is not None:
            return cached
        from fintech_tui.loader.build import build_pack  # deferred: YAML and validation

        pack = build_pack(path, files, progress)
        if key is not None:
            cache.write(key, pack)
    return pack
