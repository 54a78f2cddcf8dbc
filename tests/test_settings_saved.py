"""Settings are written when a remembered choice changes, not only on `q`: a terminal
closed (SIGHUP) or a browser tab shut keeps the language, the theme and the readings."""

from __future__ import annotations

import json
import os
import shlex
import subprocess
import sys
import time
from pathlib import Path

import pytest

from fintech_tui.i18n import phrase
from fintech_tui.model import Pack
from fintech_tui.queries.index import Ref
from fintech_tui.tui.app import ITEM_SAVE_DELAY, FintechApp
from fintech_tui.tui.settings import Settings
from tests.test_terminal import DRIVE, own_tmux_server
from tests.test_terminal import pytestmark as terminal_marks


def written(path: Path) -> dict[str, object]:
    return json.loads(path.read_text(encoding="utf-8"))  # type: ignore[no-any-return]


async def test_each_choice_is_written_as_it_changes(bundled_pack: Pack, tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    app = FintechApp(bundled_pack, settings=Settings(path=path), fresh=True)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("t")
        await pilot.pause()
        assert written(path)["lang"] == "zh"
        app.theme = "textual-light"
        await pilot.pause()
        assert written(path)["theme"] == "textual-light"
        await pilot.press("e")
        await pilot.pause()
        assert written(path)["evidence_readings"] is False
        app.main_screen.open(Ref("entity", "fanmi"))
        await pilot.pause()
        assert "entity:fanmi" not in written(path)["last"].values()  # type: ignore[union-attr]  # not on every move
        await pilot.pause(ITEM_SAVE_DELAY + 0.3)
        assert written(path)["last"] == {app.pack_key: "entity:fanmi"}
        before = path.stat().st_mtime_ns
        await pilot.press("t", "t")  # back and forth: written each time, the file whole
        await pilot.pause()
        assert written(path)["lang"] == "zh" and path.stat().st_mtime_ns >= before


async def test_settings_without_a_path_are_never_written(bundled_pack: Pack, tmp_path: Path) -> None:
    os.chdir(tmp_path)
    app = FintechApp(bundled_pack, fresh=True)  # tests and serve: Settings() has no path
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("t")
        await pilot.pause()
    assert list(tmp_path.iterdir()) == []


@pytest.mark.terminal
@pytest.mark.parametrize("size", ["80x24", "120x40"])
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_closed_terminal_keeps_the_language_chosen(tmp_path: Path, size: str, lang: str) -> None:
    """In tmux: `t`, then the terminal is closed under the explorer (SIGHUP), never `q`."""
    for mark in terminal_marks:
        if mark.name == "skipif" and mark.args[0]:
            pytest.skip(mark.kwargs["reason"])
    ready = phrase("pane.companies", lang)
    home = shlex.quote(str(tmp_path))
    command = (
        f"env -u COLUMNS -u LINES XDG_CONFIG_HOME={home} XDG_DATA_HOME={home}"
        f" FINTECH_TUI_CACHE=off {shlex.quote(sys.executable)} -m fintech_tui --fresh --lang {lang}"
    )
    with own_tmux_server() as tmux_env:
        result = subprocess.run(
            [str(DRIVE), "-s", size, command, f"expect:{ready}", "wait:1", "key:2", "wait:0.5", "key:t", "wait:1.5"],
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
            env=tmux_env,
        )  # no q: drive ends by killing the session, which hangs up on the explorer
    assert result.returncode == 0, result.stdout + result.stderr
    path = tmp_path / "fintech-tui" / "settings.json"
    for _ in range(50):  # the explorer may still be shutting down
        if path.exists() and written(path).get("lang"):
            break
        time.sleep(0.1)
    assert written(path)["lang"] == ("zh" if lang == "en" else "en"), path.read_text(encoding="utf-8")
