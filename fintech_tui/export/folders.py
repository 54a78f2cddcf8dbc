"""Exports that are a folder of files (the Obsidian vault): written into a new folder only.

Like `new` and `draft`, an existing folder is refused whatever `--force` says: a folder may
hold a person's notes, and no export replaces them. Each file is created exclusively.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

from fintech_tui.export import export_formats
from fintech_tui.model import Pack
from fintech_tui.util.targets import resolve


def write_files(folder: Path, files: dict[str, str]) -> list[Path]:
    """Create `folder` and write `files` (relative path → text) into it, sub-folders too.

    FileExistsError when the folder exists; a write that fails removes the folder it made.
    """
    if folder.exists() or folder.is_symlink():
        raise FileExistsError(f"{folder} already exists; choose a new folder (nothing was written)")
    folder.mkdir(parents=True)
    written = []
    try:
        for name, text in files.items():
            path = folder / name
            path.parent.mkdir(parents=True, exist_ok=True)
            with path.open("x", encoding="utf-8", newline="\n") as out:
                out.write(text)
            written.append(path)
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)  # only what this call made: the folder was new
        raise
    return written


def folder_exporter(name: str) -> Callable[[Pack], dict[str, str]]:
    """The function that renders a pack as the files of folder format `name`, imported now."""
    (fmt,) = (fmt for fmt in export_formats() if fmt.name == name and fmt.folder)
    render: Callable[[Pack], dict[str, str]] = resolve(fmt.target)
    return render
