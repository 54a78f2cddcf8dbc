"""Which entries of a LIBRARY folder are packs: a subfolder of YAML files, or a single pack file.

A library may group its packs in plain folders (`2024/alipay/`), a few levels deep. Hidden
entries (an editor's `.swp`, `.git`) and anything that is neither a regular file nor a folder
are not packs. A folder whose own YAML files make one pack (one of them holds `meta`) is a
pack; one whose files each hold a `meta` of their own is a library of single-file packs.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

PACK_SUFFIXES = (".yaml", ".yml")
FILE_SUFFIXES = (*PACK_SUFFIXES, ".json")  # a single-file pack may be JSON (the export's format)
MAX_DEPTH = 4  # folders of folders of packs: deep enough for year/month groupings
MAX_PACKS = 100_000
PEEK_BYTES = 64 * 1024


def _entries(folder: Path) -> list[os.DirEntry[str]]:
    try:
        with os.scandir(folder) as found:
            return sorted((e for e in found if not e.name.startswith(".")), key=lambda e: e.name)
    except OSError:
        return []


def _kind(entry: os.DirEntry[str]) -> str:
    """'dir', 'file' or '' for an entry (links followed: a linked pack is a pack)."""
    try:
        mode = entry.stat().st_mode
    except OSError:
        return ""
    return "dir" if stat.S_ISDIR(mode) else "file" if stat.S_ISREG(mode) else ""


def _own_files(folder: Path) -> list[Path]:
    return [
        folder / e.name for e in _entries(folder) if _kind(e) == "file" and Path(e.name).suffix.lower() in FILE_SUFFIXES
    ]


def _sections(path: Path) -> tuple[bool, bool]:
    """Whether the file's first bytes declare (meta, paragraphs) at the top level."""
    try:
        with path.open("rb") as handle:
            head = b"\n" + handle.read(PEEK_BYTES)
    except OSError:
        return False, False
    return _declares(head, b"meta"), _declares(head, b"paragraphs")


def _declares(head: bytes, section: bytes) -> bool:
    """A top-level YAML key (`meta:` at a line's start) or a JSON key near the left margin."""
    if b"\n" + section + b":" in head:
        return True
    at = head.find(b'"' + section + b'"')
    return at >= 0 and head.rfind(b"\n", 0, at) >= at - 5


def is_pack_folder(folder: Path) -> bool:
    """Whether `folder` is itself a pack: its own YAML files make one pack.

    They do unless each of them is a whole pack of its own (meta and paragraphs in one
    file) and there are two of them, or packs in subfolders beside them.
    """
    entries = _entries(folder)
    names = {e.name.lower() for e in entries}
    if "meta.yaml" in names or "meta.yml" in names:  # the usual folder pack, told without reading a byte
        return _kind(next(e for e in entries if e.name.lower() in ("meta.yaml", "meta.yml"))) == "file"
    own = [folder / e.name for e in entries if Path(e.name).suffix.lower() in PACK_SUFFIXES and _kind(e) == "file"]
    if not own:
        return False
    whole = 0
    for file in own:
        meta, paragraphs = _sections(file)
        if meta and not paragraphs:
            return True  # the sections are split over files: one pack
        whole += meta and paragraphs
    return whole < 2 and not any(_kind(e) == "dir" and _holds_packs(folder / e.name) for e in _entries(folder))


def _holds_packs(folder: Path) -> bool:
    return is_pack_folder(folder) or bool(discover(folder))


def discover(folder: Path) -> list[str]:
    """The packs inside `folder`, as keys: paths relative to it, with `/`, in a stable order."""
    found: list[str] = []
    _walk(folder, "", 0, found)
    return found


def _walk(folder: Path, prefix: str, depth: int, found: list[str]) -> None:
    for entry in _entries(folder):
        if len(found) >= MAX_PACKS:
            return
        kind = _kind(entry)
        key = f"{prefix}{entry.name}"
        if kind == "file" and Path(entry.name).suffix.lower() in FILE_SUFFIXES:
            found.append(key)
        elif kind == "dir":
            path = folder / entry.name
            if is_pack_folder(path):
                found.append(key)
            elif depth + 1 < MAX_DEPTH:
                _walk(path, f"{key}/", depth + 1, found)


def is_library(path: Path) -> bool:
    """Whether `path` is a folder of packs rather than a pack."""
    return path.is_dir() and not is_pack_folder(path) and bool(discover(path))


def pack_path(folder: Path, key: str) -> Path | None:
    """The pack `key` names inside `folder`, or None when the key would leave the folder."""
    parts = key.split("/")
    if not key or any(part in ("", ".", "..") or part.startswith(".") for part in parts):
        return None
    return folder.joinpath(*parts)
