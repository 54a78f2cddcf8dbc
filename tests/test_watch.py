"""`--watch`'s core: every change to a pack's files yields the new pack or its problems."""

from __future__ import annotations

import asyncio
import os
from collections.abc import AsyncIterator, Callable
from pathlib import Path

import pytest

from fintech_tui.loader.watch import Invalid, PackChange, Reloaded, watch_pack, watched_folder
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


async def change_until(changes: AsyncIterator[PackChange], write: Callable[[], None], title: str) -> None:
    """Write, then wait for a reload showing `title`, writing again each second (a busy machine may
    start the watcher late); fails after WAIT seconds."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + WAIT
    pending = asyncio.ensure_future(anext(changes))
    while loop.time() < deadline:
        write()
        done, _ = await asyncio.wait({pending}, timeout=1)
        if done:
            change = pending.result()
            if isinstance(change, Reloaded) and change.pack.meta.title.en == title:
                return
            pending = asyncio.ensure_future(anext(changes))
    pending.cancel()
    raise AssertionError(f"no reload showing {title!r}")


@pytest.mark.parametrize("kind", ["folder", "file"])
async def test_a_symlinked_pack_is_followed_after_the_link_moves(tmp_path: Path, kind: str) -> None:
    def pack_in(folder: str, title: str) -> Path:
        (tmp_path / folder).mkdir()
        pack = tmp_path / folder / "pack.yaml"
        pack.write_text(f"meta: {{title: {{en: {title}}}}}\nparagraphs:\n  - {{id: p1, text: t}}\n", encoding="utf-8")
        return pack if kind == "file" else pack.parent

    old, new = pack_in("v1", "One"), pack_in("v2", "Two")
    link = tmp_path / "current"
    link.symlink_to(old)
    stop = asyncio.Event()
    changes = watch_pack(link, stop=stop)

    def point_at_new() -> None:
        (tmp_path / "next").unlink(missing_ok=True)
        (tmp_path / "next").symlink_to(new)
        os.replace(tmp_path / "next", link)  # as `ln -sfn` does: the link is swapped, not edited

    await change_until(changes, point_at_new, "Two")
    edited = new if kind == "file" else new / "pack.yaml"
    rewrite = lambda: edited.write_text(  # noqa: E731
        "meta: {title: {en: Three}}\nparagraphs:\n  - {id: p1, text: t}\n", encoding="utf-8"
    )
    await change_until(changes, rewrite, "Three")  # before: only v1, the first target, was watched
    stop.set()
    await changes.aclose()


# -- the explorer under --watch ------------------------------------------------


def detail_text(app: object) -> str:
    """What the detail view shows now, as plain text ('' while it shows nothing)."""
    from tests.test_app import detail_text as rendered

    try:
        return rendered(app)  # type: ignore[arg-type]
    except AssertionError:
        return ""


async def wait_until(pilot: object, condition: object, seconds: float = WAIT) -> None:
    """Let the app run until `condition()` holds (file events arrive on their own time)."""
    from textual.pilot import Pilot

    assert isinstance(pilot, Pilot)
    loop = asyncio.get_running_loop()
    deadline = loop.time() + seconds
    while not condition():  # type: ignore[operator]
        assert loop.time() < deadline, "the explorer did not follow the change in time"
        await pilot.pause(0.05)


async def write_until(pilot: object, path: Path, text: str, condition: object, seconds: float = 3 * WAIT) -> None:
    """Write `text` to `path` and let the app run until `condition()` holds, writing it again each
    second: a watcher that started late (a busy machine) misses a first write, never all of them."""
    from textual.pilot import Pilot

    assert isinstance(pilot, Pilot)
    loop = asyncio.get_running_loop()
    deadline = loop.time() + seconds
    while True:
        path.write_text(text, encoding="utf-8")
        written = loop.time()
        while loop.time() < written + 1:
            if condition():  # type: ignore[operator]
                return
            await pilot.pause(0.05)
        assert loop.time() < deadline, "the explorer did not follow the change in time"


async def test_the_explorer_follows_edits_keeps_its_item_and_shows_problems_meanwhile(write_pack: PackWriter) -> None:
    from fintech_tui.loader import load_pack
    from fintech_tui.queries.index import Ref
    from fintech_tui.tui.app import FintechApp
    from fintech_tui.tui.screens.main import MainScreen
    from fintech_tui.tui.widgets.problems_panel import ProblemsPanel

    pack_dir = write_pack()
    entities = pack_dir / "entities.yaml"
    app = FintechApp(load_pack(pack_dir, use_cache=False), goto=Ref("entity", "pocket"), watch=pack_dir)
    async with app.run_test(size=(120, 40)) as pilot:
        main = app.screen
        assert isinstance(main, MainScreen)
        assert main.current == Ref("entity", "pocket")

        valid = entities.read_text(encoding="utf-8").replace("An app.", "A renamed app.")
        await write_until(pilot, entities, valid, lambda: "A renamed app." in detail_text(app))
        assert app.screen is main and main.current == Ref("entity", "pocket")

        broken = valid.replace("kind: app", "kind: nonsense")
        await write_until(pilot, entities, broken, lambda: bool(app.screen.query(ProblemsPanel)))
        panel_text = str(app.screen.query_one(ProblemsPanel).render())
        assert "entities.yaml:" in panel_text and "kind" in panel_text and "last valid state" in panel_text
        assert main.current == Ref("entity", "pocket"), "the last valid state stays on show"

        fixed = valid.replace("A renamed app.", "Fixed again.")
        await write_until(pilot, entities, fixed, lambda: not app.screen.query(ProblemsPanel))
        await wait_until(pilot, lambda: "Fixed again." in detail_text(app))
        assert app.screen is main


async def test_an_item_that_disappears_leaves_the_explorer_usable(write_pack: PackWriter) -> None:
    from fintech_tui.loader import load_pack
    from fintech_tui.queries.index import Ref
    from fintech_tui.tui.app import FintechApp

    pack_dir = write_pack()
    app = FintechApp(load_pack(pack_dir, use_cache=False), goto=Ref("term", "app"), watch=pack_dir)
    async with app.run_test(size=(120, 40)) as pilot:
        await write_until(pilot, pack_dir / "glossary.yaml", "glossary: []\n", lambda: not app.index.pack.glossary)
        await pilot.press("2", "j")  # may come while the explorer is still rebuilt: then held, not lost
        await wait_until(pilot, lambda: app.main_screen.current is not None)
        assert app.main_screen.current.kind == "entity"


async def test_keys_typed_while_the_explorer_is_rebuilt_are_held_and_then_obeyed(
    write_pack: PackWriter, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A reload rebuilds the panes; a key arriving meanwhile once found no pane bar and crashed the app."""
    from fintech_tui.loader import load_pack
    from fintech_tui.queries.index import PackIndex, Ref
    from fintech_tui.tui.app import FintechApp
    from fintech_tui.tui.screens.main import MainScreen

    pack_dir = write_pack()
    app = FintechApp(load_pack(pack_dir, use_cache=False), goto=Ref("term", "app"))
    rebuild = asyncio.Event()
    original = MainScreen.reload

    async def slow_reload(self: MainScreen, index: PackIndex) -> None:
        await rebuild.wait()  # the window in which a reader's keys arrive
        await original(self, index)

    monkeypatch.setattr(MainScreen, "reload", slow_reload)
    async with app.run_test(size=(120, 40)) as pilot:
        pack = load_pack(pack_dir, use_cache=False)
        reloading = asyncio.ensure_future(app.replace_pack(pack, PackIndex(pack)))
        await pilot.pause(0.05)
        await pilot.press("2", "j")
        assert app.main_screen.current == Ref("term", "app"), "nothing moves while the explorer is rebuilt"
        rebuild.set()
        await reloading
        await wait_until(
            pilot, lambda: app.main_screen.current is not None and app.main_screen.current.kind == "entity"
        )
        assert app.is_running


async def test_the_problems_panel_is_never_drawn_empty(write_pack: PackWriter) -> None:
    """The panel's text comes from its error on every draw, from before its first mount on."""
    from fintech_tui.loader import PackError, load_pack
    from fintech_tui.tui.app import FintechApp
    from fintech_tui.tui.widgets.problems_panel import ProblemsPanel

    broken = write_pack("broken", **{"entities.yaml": "entities:\n  - {id: x, kind: nonsense}\n"})
    try:
        load_pack(broken, use_cache=False)
    except PackError as caught:
        error = caught
    else:
        raise AssertionError("the broken pack loaded")
    app = FintechApp(load_pack(write_pack(), use_cache=False))
    async with app.run_test(size=(120, 40)) as pilot:
        panel = ProblemsPanel(error)
        assert "entities.yaml:" in str(panel.render()), "drawn before it is mounted"
        await app.screen.mount(panel)
        english = str(panel.render())
        await pilot.press("t")
        await pilot.pause(0.05)
        chinese = str(panel.render())
        assert "entities.yaml:" in chinese and chinese.splitlines()[0] != english.splitlines()[0], "relabelled"
