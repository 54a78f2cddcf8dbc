"""SVG snapshots of the source view in each reading.

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

#: The view opened on a quote with a garble in it (¶17), then `v` pressed this often.
READINGS = {"original": 0, "restored": 1, "english": 2, "side-by-side": 3}
SIZES = {"120x40": (120, 40), "80x24": (80, 24)}
CASES = [(reading, "120x40") for reading in READINGS] + [("side-by-side", "80x24")]


@pytest.mark.parametrize(("reading", "size"), CASES)
def test_source_reading(snap_compare: Any, reading: str, size: str) -> None:
    app = FintechApp(load_pack(bundled_pack_path()), goto=Ref("figure", "cmb-life-monthly-devices"))
    assert snap_compare(app, press=["s", *["v"] * READINGS[reading]], terminal_size=SIZES[size])
