"""SVG snapshots of the main screens at a wide and a standard terminal size.

Run `pytest --snapshot-update` after an intended visual change, and look at
the report before committing the new snapshots.
"""

from __future__ import annotations

from typing import Any

import pytest

from fintech_tui.loader import load_pack
from fintech_tui.queries.index import Ref
from fintech_tui.tui.app import FintechApp
from fintech_tui.util.bundled import bundled_pack_path

SIZES = {"120x40": (120, 40), "80x24": (80, 24)}
VIEWS: dict[str, tuple[Ref | None, list[str]]] = {
    "main": (None, []),
    "company": (Ref("entity", "cmb-life"), []),
    "strategy": (Ref("strategy", "two-app"), []),
    "argument": (Ref("argument", "reason-platform"), []),
    "source": (Ref("figure", "cmb-life-monthly-devices"), ["s"]),
    "chinese-labels": (Ref("entity", "fanmi"), ["t"]),
    "matrix": (None, ["m"]),
    "figures": (None, ["f"]),
}


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("view", VIEWS)
def test_screen(snap_compare: Any, view: str, size: str) -> None:
    goto, keys = VIEWS[view]
    app = FintechApp(load_pack(bundled_pack_path()), goto=goto)
    assert snap_compare(app, press=keys, terminal_size=SIZES[size])


@pytest.mark.parametrize("size", SIZES)
def test_light_theme(snap_compare: Any, size: str) -> None:
    """Guide lines, the cursor and the detail stay readable on a light theme."""
    app = FintechApp(load_pack(bundled_pack_path()), goto=Ref("entity", "cmb-life"))

    async def run_before(pilot: Any) -> None:
        app.theme = "catppuccin-latte"
        await pilot.press("2")
        await pilot.pause()

    assert snap_compare(app, run_before=run_before, terminal_size=SIZES[size])


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_main_screen_in_each_language(snap_compare: Any, lang: str) -> None:
    """The explorer as `--lang` starts it: every label in that language."""
    app = FintechApp(load_pack(bundled_pack_path()), lang=lang)  # type: ignore[arg-type]
    assert snap_compare(app, terminal_size=SIZES["120x40"])
