"""What the explorer remembers between runs: theme, language, the last item per pack.

A small JSON file in the user's config folder (`$XDG_CONFIG_HOME/fintech-tui`,
else `~/.config/fintech-tui`). It is read leniently — a missing, unreadable or
malformed file gives the defaults, and a malformed one is never overwritten,
so nothing a user wrote by hand is lost. No Textual import.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Any, Literal

import msgspec

APP_FOLDER = "fintech-tui"
FILE_NAME = "settings.json"
MAX_PACKS = 100  # remembered last items; the oldest are forgotten first


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

    @classmethod
    def load(cls, path: Path | None = None) -> Settings:
        """Read the settings file, or start from the defaults."""
        path = path or config_folder() / FILE_NAME
        try:
            raw = path.read_bytes()
        except FileNotFoundError:
            return cls(path=path)
        except OSError:
            return cls(path=path, writable=False)
        try:
            data: Any = msgspec.json.decode(raw)  # msgspec, loaded already: no json module at start-up
        except (msgspec.DecodeError, UnicodeDecodeError):
            return cls(path=path, writable=False)
        if not isinstance(data, dict):
            return cls(path=path, writable=False)
        last, theme, lang = data.get("last"), data.get("theme"), data.get("lang")
        readings = data.get("evidence_readings", True)
        return cls(
            theme=theme if isinstance(theme, str) else "",
            lang=lang if lang in ("en", "zh") else "",
            last={k: v for k, v in last.items() if isinstance(k, str) and isinstance(v, str)}
            if isinstance(last, dict)
            else {},
            evidence_readings=readings if isinstance(readings, bool) else True,
            path=path,
        )

    def remember(self, pack_key: str, item: str) -> None:
        """Note `item` ("kind:id") as the last one shown for `pack_key`."""
        self.last.pop(pack_key, None)
        self.last[pack_key] = item  # most recent last
        while len(self.last) > MAX_PACKS:
            del self.last[next(iter(self.last))]

    def save(self) -> bool:
        """Write the file atomically; False (and nothing written) if it cannot be."""
        if self.path is None or not self.writable:
            return False
        data = {"theme": self.theme, "lang": self.lang, "evidence_readings": self.evidence_readings, "last": self.last}
        body = msgspec.json.format(msgspec.json.encode(data), indent=2).decode("utf-8")
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            with tempfile.NamedTemporaryFile(
                "w", encoding="utf-8", dir=self.path.parent, prefix=".settings-", suffix=".tmp", delete=False
            ) as handle:
                handle.write(body + "\n")
            os.replace(handle.name, self.path)
        except OSError:
            return False
        return True
