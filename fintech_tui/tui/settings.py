"""What the explorer remembers between runs: theme, language, the last item per pack.

A small JSON file in the user's config folder (`$XDG_CONFIG_HOME/fintech-tui`,
else `~/.config/fintech-tui`). It is read like a pack file: a regular file
only (a FIFO or /dev/zero is not read), at most 1 MiB, and decoded into
typed fields, so nesting is bounded by the decoder and a value of the
wrong type is a file not understood. What cannot be read gives the
defaults and is never overwritten; keys this version does not know are
written back as they were; a symlinked file (dotfiles) is written to
its target, atomically. No Textual import.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Literal

import msgspec

from fintech_tui.util.safe_files import UnsafeFile, read_capped, write_new

APP_FOLDER = "fintech-tui"
FILE_NAME = "settings.json"
MAX_PACKS = 100  # remembered last items; the oldest are forgotten first
MAX_BYTES = 1 << 20  # a settings file holds a few KB; more is not one we wrote


class _Known(msgspec.Struct):
    """The keys this version reads, with the types they must have (unknown keys are ignored here)."""

    theme: str = ""
    lang: Literal["en", "zh", ""] = ""
    last: dict[str, str] = msgspec.field(default_factory=dict)
    evidence_readings: bool = True


def config_folder() -> Path:
    """The user's config folder for fintech-tui (XDG base directories)."""
    base = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(base) / APP_FOLDER


def data_folder() -> Path:
    """The user's data folder for fintech-tui (screenshots go here)."""
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / APP_FOLDER


class Settings(msgspec.Struct):
    """The remembered choices; `path` is None for settings that are never saved."""

    theme: str = ""
    lang: Literal["en", "zh", ""] = ""
    last: dict[str, str] = msgspec.field(default_factory=dict)  # pack key → "kind:id"
    evidence_readings: bool = True  # quotes show the pack's reading of their paragraph (`e`)
    path: Path | None = None
    writable: bool = True  # False when the file exists but could not be understood
    #: Every key of the file as it was written, so keys this version does not know survive a save.
    written: dict[str, msgspec.Raw] = msgspec.field(default_factory=dict)

    @classmethod
    def load(cls, path: Path | None = None) -> Settings:
        """Read the settings file, or start from the defaults."""
        path = path or config_folder() / FILE_NAME
        if not os.path.exists(path):  # missing, or a link whose target is yet to be written
            return cls(path=path)
        try:
            raw = read_capped(path, MAX_BYTES)
            # msgspec, loaded already: no json module at start-up; it bounds nesting itself
            written = msgspec.json.decode(raw, type=dict[str, msgspec.Raw])
            known = msgspec.json.decode(raw, type=_Known)
        except (UnsafeFile, msgspec.DecodeError, RecursionError, UnicodeDecodeError):
            return cls(path=path, writable=False)
        return cls(
            theme=known.theme,
            lang=known.lang,
            last=_newest(known.last),
            evidence_readings=known.evidence_readings,
            path=path,
            written=written,
        )

    def remember(self, pack_key: str, item: str) -> None:
        """Note `item` ("kind:id") as the last one shown for `pack_key`."""
        self.last.pop(pack_key, None)
        self.last[pack_key] = item  # most recent last
        self.last = _newest(self.last)

    def save(self) -> bool:
        """Write the file atomically; False (and nothing written) if it cannot be."""
        if self.path is None or not self.writable:
            return False
        data: dict[str, object] = dict(self.written)  # the user's keys, in the user's order
        data.update(theme=self.theme, lang=self.lang, evidence_readings=self.evidence_readings, last=self.last)
        body = msgspec.json.format(msgspec.json.encode(data), indent=2) + b"\n"
        target = Path(os.path.realpath(self.path))  # a symlinked file stays a link: its target is replaced
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            write_new(target, body, replace=True)
        except (OSError, UnsafeFile):
            return False
        return True


def _newest(last: dict[str, str]) -> dict[str, str]:
    """The MAX_PACKS most recent entries (the last ones), in one pass however many there are."""
    if len(last) <= MAX_PACKS:
        return last
    return dict(list(last.items())[-MAX_PACKS:])
