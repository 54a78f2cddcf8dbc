"""The Library view's first screen beside a bare Textual app's, on a warm synthetic library.

    python benchmarks/library_screen.py [PACKS] [RUNS] [KEEP]

Builds PACKS synthetic packs of ~100 items (`util.synthetic.write_pack`) in a temporary folder
(or in KEEP/library-PACKS, generated once and used again) with its own cache (KEEP/cache-PACKS
kept likewise: then "cold" is cold only the first time), opens the library once (the cold
index), then times, in fresh processes, from start to the first page of
articles on screen (the table's rows in place), headless at 120×40; and the same for
`benchmarks/bare_app.py`'s first screen, and the view's first screen when every pack is
compared with the index before it (what the view did until the comparison moved after the
paint). Prints medians of wall and CPU time (the child's user
and system time: on a shared machine the wall time includes waiting for a core) and the
1-minute load average before and after.
"""

from __future__ import annotations

import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

LIBRARY = r"""
import sys
from pathlib import Path
from fintech_tui.tui.library_app import LibraryApp
from fintech_tui.tui.widgets.paged_table import PagedTable

STYLES = Path(LibraryApp.__module__ and __import__("fintech_tui.tui", fromlist=["x"]).__file__).parent / "styles"


class Timed(LibraryApp):
    CSS_PATH = [str(STYLES / "app.tcss"), str(STYLES / "library.tcss")]  # a class made here has no file

    def on_mount(self) -> None:
        super().on_mount()
        self.set_interval(0.005, self._shown)

    def _shown(self) -> None:
        if self.screen.query(PagedTable) and self.screen.query_one(PagedTable).row_count:
            self.exit()

if len(sys.argv) > 2:  # "checked": every pack compared with the index before the app starts, as the view once did
    from fintech_tui.library.catalog import Library

    Timed(Path(sys.argv[1]), library=Library.open(Path(sys.argv[1]))).run(headless=True, size=(120, 40))
else:
    Timed(Path(sys.argv[1])).run(headless=True, size=(120, 40))
"""

BARE = r"""
import sys
sys.path.insert(0, sys.argv[1])
from bare_app import BareApp

class Timed(BareApp):
    CSS_PATH = None

    def on_mount(self) -> None:
        self.call_after_refresh(self.exit)

Timed().run(headless=True, size=(120, 40))
"""


def timed(code: str, argument: str, env: dict[str, str], *more: str) -> tuple[float, float]:
    """(wall, CPU) seconds of one run of `code` in a fresh process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    command = [sys.executable, "-c", code, argument, *more]
    subprocess.run(command, env=env, check=True, capture_output=True, timeout=1800)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def median(runs: list[tuple[float, float]], at: int) -> float:
    return statistics.median(run[at] for run in runs)


def main(packs: int = 1000, runs: int = 5, keep: str = "") -> int:
    from fintech_tui.util.synthetic import write_pack

    with tempfile.TemporaryDirectory() as temporary:
        folder = Path(keep) / f"library-{packs}" if keep else Path(temporary) / "library"
        cache = Path(keep) / f"cache-{packs}" if keep else Path(temporary) / "cache"
        if not folder.exists():
            for number in range(packs):
                write_pack(100, folder / f"pack-{number:05d}")
        env = {**os.environ, "FINTECH_TUI_CACHE": str(cache), "XDG_CONFIG_HOME": str(Path(temporary) / "config")}
        cold = timed(LIBRARY, str(folder), env)
        load = os.getloadavg()[0]
        library, checked, bare = [], [], []
        for _ in range(runs):  # interleaved: a shared machine's load changes from minute to minute
            library.append(timed(LIBRARY, str(folder), env))
            checked.append(timed(LIBRARY, str(folder), env, "checked"))
            bare.append(timed(BARE, str(ROOT / "benchmarks"), env))
        load_after = os.getloadavg()[0]
    print(f"{packs:,} packs: cold first screen {cold[0]:.2f} s, CPU {cold[1]:.2f} s (index built)")
    shown = (("warm first screen", library), ("warm, every pack checked first", checked), ("bare Textual app", bare))
    for name, found in shown:
        print(
            f"{name}: median {median(found, 0):.2f} s (min {min(r[0] for r in found):.2f}),"
            f" CPU {median(found, 1):.2f} s, over {runs}"
        )
    wall, cpu = median(library, 0) - median(bare, 0), median(library, 1) - median(bare, 1)
    print(f"difference: {wall:+.2f} s wall, {cpu:+.2f} s CPU")
    print(f"load average {load:.1f} → {load_after:.1f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(*(int(arg) for arg in sys.argv[1:3]), *sys.argv[3:4]))  # type: ignore[arg-type]
