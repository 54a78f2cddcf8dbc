"""The Library view's first screen beside a bare Textual app's, on a warm synthetic library.

    python benchmarks/library_screen.py [PACKS] [RUNS]

Builds PACKS synthetic packs of ~100 items (`util.synthetic.write_pack`) in a temporary folder
with its own cache, opens the library once (the cold index), then times, in fresh processes,
from start to the first page of articles on screen (the table's rows in place), headless at
120×40; and the same for `benchmarks/bare_app.py`'s first screen. Prints medians in seconds.
"""

from __future__ import annotations

import os
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

class Timed(LibraryApp):
    def on_mount(self) -> None:
        super().on_mount()
        self.set_interval(0.005, self._shown)

    def _shown(self) -> None:
        if self.screen.query(PagedTable) and self.screen.query_one(PagedTable).row_count:
            self.exit()

Timed(Path(sys.argv[1])).run(headless=True, size=(120, 40))
"""

BARE = r"""
import sys
sys.path.insert(0, sys.argv[1])
from bare_app import BareApp

class Timed(BareApp):
    def on_mount(self) -> None:
        self.call_after_refresh(self.exit)

Timed().run(headless=True, size=(120, 40))
"""


def timed(code: str, argument: str, env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", code, argument], env=env, check=True, capture_output=True, timeout=300)
    return time.perf_counter() - start


def main(packs: int = 1000, runs: int = 5) -> int:
    from fintech_tui.util.synthetic import write_pack

    with tempfile.TemporaryDirectory() as temporary:
        folder, cache = Path(temporary) / "library", Path(temporary) / "cache"
        for number in range(packs):
            write_pack(100, folder / f"pack-{number:05d}")
        env = {**os.environ, "FINTECH_TUI_CACHE": str(cache), "XDG_CONFIG_HOME": str(Path(temporary) / "config")}
        cold = timed(LIBRARY, str(folder), env)
        library = [timed(LIBRARY, str(folder), env) for _ in range(runs)]
        bare = [timed(BARE, str(ROOT / "benchmarks"), env) for _ in range(runs)]
    print(f"{packs:,} packs: cold first screen {cold:.2f} s (index built)")
    print(f"warm first screen: median {statistics.median(library):.2f} s (min {min(library):.2f}) over {runs}")
    print(f"bare Textual app: median {statistics.median(bare):.2f} s (min {min(bare):.2f}) over {runs}")
    print(f"difference: {statistics.median(library) - statistics.median(bare):+.2f} s")
    return 0


if __name__ == "__main__":
    args = [int(arg) for arg in sys.argv[1:]]
    raise SystemExit(main(*args))
