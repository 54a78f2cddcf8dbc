"""SVG snapshots of the library's screens: the list (both sizes, both languages) and a company across it.

The library is built from the bundled pack, the two short test articles and a broken pack
(tests/library_packs), in a folder named `library` so the title bar reads the same in every run.
Run `pytest --snapshot-update` after an intended visual change, and look at the report first.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from fintech_tui.library.catalog import Library
from fintech_tui.tui.library_app import LibraryApp
from fintech_tui.tui.screens.library_entity import AcrossScreen
from tests.library_packs import write_library

SIZES = {"120x40": (120, 40), "80x24": (80, 24)}


@pytest.fixture
def library(tmp_path: Path) -> Iterator[Library]:
    opened = Library.open(write_library(tmp_path / "library"))
    yield opened
    opened.close()


@pytest.mark.parametrize("size", SIZES)
def test_library_list(snap_compare: Any, library: Library, size: str) -> None:
    app = LibraryApp(library.folder, library=library, lang="en")
    assert snap_compare(app, terminal_size=SIZES[size])


def test_library_list_in_chinese(snap_compare: Any, library: Library) -> None:
    app = LibraryApp(library.folder, library=library, lang="zh")
    assert snap_compare(app, terminal_size=SIZES["120x40"])


@pytest.mark.parametrize("size", SIZES)
def test_a_company_across_the_library(snap_compare: Any, library: Library, size: str) -> None:
    shared = library.shared_of("cmb-2022", "cmb-life")
    assert shared is not None
    app = LibraryApp(library.folder, library=library, lang="en")

    async def run_before(pilot: Any) -> None:
        await pilot.pause()
        await app.push_screen(AcrossScreen(library, shared))
        await pilot.pause()

    assert snap_compare(app, run_before=run_before, terminal_size=SIZES[size])
