"""`--watch`'s core: every change to a pack's files yields the new pack or its problems."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from pathlib import Path

from fintech_tui.watch import Invalid, PackChange, Reloaded, watch_pack, watched_folder
from tests.conftest import PackWriter

WAIT = 10.0  # seconds: generous, the machine may be busy


async def next_change(changes: AsyncIterator[PackChange]) -> PackChange:
    return await asyncio.wait_for(anext(changes), WAIT)


async def settle() -> None:
    """Give the watcher time to start before the first write."""
    await asyncio.sleep(0.3)


async def test_a_valid_edit_reloads_and_a_broken_one_reports_and_a_fix_recovers(write_pack: PackWriter) -> None:
    pack_dir = write_pack()
    meta = pack_dir / "meta.yaml"
    stop = asyncio.Event()
    changes = watch_pack(pack_dir, stop=stop)
    first = asyncio.ensure_future(next_change(changes))
    await settle()

    meta.write_text(meta.read_text(encoding="utf-8").replace("A tiny article", "A renamed article"), encoding="utf-8")
    change = await first
    assert isinstance(change, Reloaded)
    assert change.pack.meta.title.en == "A renamed article"

    meta.write_text("meta:\n  title: {en: Broken\n", encoding="utf-8")
    change = await next_change(changes)
    assert isinstance(change, Invalid)
    assert any(problem.file.endswith("meta.yaml") and problem.line for problem in change.error.problems)

    meta.write_text("meta:\n  title: {en: Fixed}\n", encoding="utf-8")
    change = await next_change(changes)
    assert isinstance(change, Reloaded)
    assert change.pack.meta.title.en == "Fixed"
    stop.set()
    await changes.aclose()


async def test_files_outside_the_pack_are_ignored(write_pack: PackWriter) -> None:
    pack_dir = write_pack()
    stop = asyncio.Event()
    changes = watch_pack(pack_dir, stop=stop)
    pending = asyncio.ensure_future(next_change(changes))
    await settle()
    (pack_dir / "notes.txt").write_text("not part of the pack", encoding="utf-8")
    await asyncio.sleep(0.6)
    assert not pending.done()
    (pack_dir / "glossary.yaml").write_text("glossary: []\n", encoding="utf-8")
    assert isinstance(await pending, Reloaded)
    stop.set()
    await changes.aclose()


def test_a_single_file_pack_is_watched_through_its_folder(tmp_path: Path) -> None:
    pack_file = tmp_path / "pack.yaml"
    pack_file.write_text("meta: {}\n", encoding="utf-8")
    folder, only_the_file = watched_folder(pack_file)
    assert folder == tmp_path.resolve()
    assert only_the_file(None, str(pack_file.resolve()))
    assert not only_the_file(None, str(tmp_path.resolve() / "other.yaml"))
