"""Where the bundled article pack lives, installed or in a source checkout."""

from __future__ import annotations

from pathlib import Path


def bundled_pack_path() -> Path:
    """The folder of the bundled pack.

    A wheel carries the top-level `content/` folder as `fintech_tui/content`;
    in a source checkout (or an editable install) it is beside the package.
    """
    package = Path(__file__).resolve().parents[1]
    installed = package / "content"
    return installed if installed.is_dir() else package.parent / "content"
