"""Start-up stays lean: what the first screen does not need is not imported.

The app runs headless in a real subprocess, quits as soon as it is ready, and
reports the modules it had imported by then.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

PROBE = """
import atexit, sys
def report(names):  # the names first, then json to print them: the probe must not import it before
    import json
    print(json.dumps(names))
atexit.register(lambda: report(sorted(sys.modules)))
from fintech_tui.cli.dispatch import main
raise SystemExit(main([]))
"""

NEVER_AT_START = {
    "fintech_tui.tui.screens.search",
    "fintech_tui.tui.screens.help",
    "fintech_tui.tui.screens.source",
    "fintech_tui.util.synthetic",
    "fintech_tui.tui.screens.matrix",
    "fintech_tui.tui.screens.figures",
    "fintech_tui.tui.screens.compare",
    "fintech_tui.tui.screens.gaps",
    "fintech_tui.export",
    "fintech_tui.library",  # the library's index: only `fintech-tui LIBRARY` opens it
    "fintech_tui.tui.library_app",
    "fintech_tui.tui.screens.library",
    "fintech_tui.tui.screens.library_series",
    "textual_plotext",  # the chart widget: only the figures-over-time view draws one
    "plotext",
    "sqlite3",
    "pypinyin",
    "ahocorasick",
    "textual.widgets._data_table",  # only the matrix and figures views are tables
    "argparse",  # no arguments, nothing to parse
    "json",  # settings are read with msgspec, loaded already for the cache
}
#: A hit is an entry sealed after every check (see `loader.cache`): the checker is not run again.
ONLY_ON_A_CACHE_MISS = {
    "yaml",
    "fintech_tui.loader.checks",
    "fintech_tui.loader.build",
    "fintech_tui.loader.yaml_source",
    "fintech_tui.loader.convert",
    "fintech_tui.loader.traceability",
}


def modules_at_start(tmp_path: Path, cache: str) -> set[str]:
    env = {
        **os.environ,
        "TEXTUAL_DRIVER": "textual.drivers.headless_driver:HeadlessDriver",
        "TEXTUAL_PRESS": "ctrl+q",
        "FINTECH_TUI_CACHE": cache,
    }
    result = subprocess.run(
        [sys.executable, "-c", PROBE], cwd=tmp_path, env=env, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    return set(json.loads(result.stdout.strip().splitlines()[-1]))


def test_warm_start_imports_neither_yaml_nor_the_validator(tmp_path: Path) -> None:
    cache = str(tmp_path / "cache")
    modules_at_start(tmp_path, cache)  # fills the cache
    modules = modules_at_start(tmp_path, cache)
    assert "fintech_tui.tui.app" in modules and "textual.app" in modules  # the probe saw a real start
    assert not modules & NEVER_AT_START
    assert not modules & ONLY_ON_A_CACHE_MISS
    assert "_hashlib" not in modules  # OpenSSL: ~4 MiB for a hash CPython has built in


def test_the_explorer_options_default_as_the_parser_does() -> None:
    """`fintech-tui` alone skips argparse: its defaults must be the parser's."""
    from fintech_tui.cli.arguments import explorer_options
    from fintech_tui.cli.verbs import ExplorerOptions

    assert explorer_options([]) == ExplorerOptions()
    assert explorer_options(["--lang", "zh", "--fresh", "pack"]) == ExplorerOptions(
        pack=Path("pack"), lang="zh", fresh=True
    )


def test_cold_start_validates_but_still_defers_screens(tmp_path: Path) -> None:
    modules = modules_at_start(tmp_path, "off")
    assert "fintech_tui.loader.build" in modules
    assert not modules & NEVER_AT_START
