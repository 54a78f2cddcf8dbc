"""Which entries of a LIBRARY folder are packs: a subfolder of YAML files, or a single pack file.

A library may group its packs in plain folders (`2024/alipay/`), a few levels deep. Hidden
entries (an editor's `.swp`, `.git`) and anything that is neither a regular file nor a folder
are not packs. A folder whose own YAML files make one pack (one of them holds `meta`) is a
pack; one whose files each hold a `meta` of their own is a library of single-file packs.
"""

from __future__ import annotations

import os
import stat
import time
from collections.abc import Iterator
from pathlib import Path

from fintech_tui.util.digest import blake2b

PACK_SUFFIXES = (".yaml", ".yml")
FILE_SUFFIXES = (*PACK_SUFFIXES, ".json")  # a single-file pack may be JSON (the export's format)
MAX_DEPTH = 4  # folders of folders of packs: deep enough for year/month groupings
MAX_PACKS = 100_000
PEEK_BYTES = 64 * 1024
RACY_NS = 2_000_000_000  # a file changed this recently may change again within its mtime tick


def _scan(folder: Path | str) -> list[os.DirEntry[str]]:
    """Every entry of `folder`, hidden ones too, by name (empty when it cannot be read)."""
    try:
        with os.scandir(folder) as found:
            return sorted(found, key=lambda e: e.name)
    except OSError:
        return []


def _entries(folder: Path | str) -> list[os.DirEntry[str]]:
    return [e for e in _scan(folder) if not e.name.startswith(".")]


def _kind(entry: os.DirEntry[str]) -> str:
    """'dir', 'file' or '' for an entry (links followed: a linked pack is a pack)."""
    try:
        mode = entry.stat().st_mode
    except OSError:
        return ""
    return "dir" if stat.S_ISDIR(mode) else "file" if stat.S_ISREG(mode) else ""


def _sections(path: str) -> tuple[bool, bool]:
    """Whether the file's first bytes declare (meta, paragraphs) at the top level."""
    try:
        with open(path, "rb") as handle:
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
    return _is_pack(str(folder), _entries(folder))


def _is_pack(folder: str, entries: list[os.DirEntry[str]]) -> bool:
    for e in entries:
        if e.name.lower() in ("meta.yaml", "meta.yml"):  # the usual folder pack, told without reading a byte
            return _kind(e) == "file"
    own = [e.path for e in entries if e.name.lower().endswith(PACK_SUFFIXES) and _kind(e) == "file"]
    if not own:
        return False
    whole = 0
    for file in own:
        meta, paragraphs = _sections(file)
        if meta and not paragraphs:
            return True  # the sections are split over files: one pack
        whole += meta and paragraphs
    return whole < 2 and not any(
        _kind(e) == "dir" and (is_pack_folder(Path(e.path)) or _holds_packs(e.path)) for e in entries
    )


def signature_of(entries: list[os.DirEntry[str]] | None, single: os.DirEntry[str] | None = None) -> str:
    """The pack files' names, sizes, mtimes and inodes (the files `loader.pack_files` reads), or ""
    when one changed in the last two seconds (its timestamp may not have ticked yet) or cannot be read."""
    chosen = [single] if single is not None else [e for e in entries or () if e.name.lower().endswith(PACK_SUFFIXES)]
    now = time.time_ns()
    parts = []
    try:
        for e in chosen:
            info = e.stat()
            if stat.S_ISDIR(info.st_mode):
                continue
            if now - info.st_mtime_ns < RACY_NS:
                return ""
            parts.append(f"{e.name}:{info.st_size}:{info.st_mtime_ns}:{info.st_ino}")
    except OSError:
        return ""
    return blake2b("|".join(parts).encode("utf-8", "surrogateescape"), digest_size=16).hexdigest()


def discover(folder: Path) -> list[str]:
    """The packs inside `folder`, as keys: paths relative to it, with `/`, in a stable order."""
    return [key for key, _ in discover_signed(folder)]


def discover_signed(folder: Path) -> list[tuple[str, str]]:
    """(key, signature) for each pack inside `folder`, one directory listing per pack."""
    found: list[tuple[str, str]] = []
    for key, entry, inside in _walk(str(folder), "", 0):
        if len(found) >= MAX_PACKS:
            break
        found.append((key, signature_of(inside) if entry is None else signature_of(None, entry)))
    return found


def _walk(
    folder: str, prefix: str, depth: int
) -> Iterator[tuple[str, os.DirEntry[str] | None, list[os.DirEntry[str]]]]:
    """(key, the entry of a single-file pack or None, a folder pack's listing) for each pack, in order."""
    for entry in _entries(folder):
        kind = _kind(entry)
        key = f"{prefix}{entry.name}"
        if kind == "file" and entry.name.lower().endswith(FILE_SUFFIXES):
            yield key, entry, []
        elif kind == "dir":
            inside = _scan(entry.path)
            if _is_pack(entry.path, [e for e in inside if not e.name.startswith(".")]):
                yield key, None, inside
            elif depth + 1 < MAX_DEPTH:
                yield from _walk(entry.path, f"{key}/", depth + 1)


def _holds_packs(folder: str) -> bool:
    return next(_walk(folder, "", 0), None) is not None


def is_library(path: Path) -> bool:
    """Whether `path` is a folder of packs rather than a pack (the walk stops at the first pack found:
    the CLI asks this before the first screen of a library of thousands)."""
    return path.is_dir() and not is_pack_folder(path) and _holds_packs(str(path))


def pack_path(folder: Path, key: str) -> Path | None:
    """The pack `key` names inside `folder`, or None when the key would leave the folder."""
    parts = key.split("/")
    if not key or any(part in ("", ".", "..") or part.startswith(".") for part in parts):
        return None
    return folder.joinpath(*parts)
