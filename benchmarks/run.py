"""Benchmark fintech-tui: start-up against a bare Textual app, and scale.

    python benchmarks/run.py                 # 1k, 10k and 100k synthetic packs
    python benchmarks/run.py --sizes 1000 --pairs 5

Start-up is timed from outside, as a user sees it: each program runs in a
fresh process with Textual's headless driver and presses ctrl+q as soon as
its first screen is ready; the two programs alternate so both see the same
machine state, and the median of the pairs is compared. Reading latency
is measured in-process with Pilot pressing real keys (see `latencies`).
Prints a Markdown table.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
HEADLESS = {
    **os.environ,
    "TEXTUAL_DRIVER": "textual.drivers.headless_driver:HeadlessDriver",
    "TEXTUAL_PRESS": "ctrl+q",
}


def timed_run(command: list[str]) -> tuple[float, int, float]:
    """Wall seconds, peak RSS (KiB) and CPU seconds (user + system) of one process."""
    start = time.perf_counter()
    process = subprocess.Popen(command, env=HEADLESS, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        error = process.stderr.read().decode() if process.stderr else ""
        raise SystemExit(f"benchmark: {' '.join(command)} failed: {error}")
    return elapsed, usage.ru_maxrss, usage.ru_utime + usage.ru_stime


def bare() -> list[str]:
    return [sys.executable, str(HERE / "bare_app.py")]


def explorer(pack: Path | None = None) -> list[str]:
    return [sys.executable, "-m", "fintech_tui", *([str(pack)] if pack else [])]


def startup(pairs: int) -> tuple[tuple[float, float], tuple[float, float]]:
    """Median (wall, CPU) seconds of the bare app and of fintech-tui on the bundled pack."""
    timed_run(bare()), timed_run(explorer())  # warm the file cache and any pack cache
    bare_runs, our_runs = [], []
    for _ in range(pairs):
        bare_runs.append(timed_run(bare()))
        our_runs.append(timed_run(explorer()))

    def medians(runs: list[tuple[float, int, float]]) -> tuple[float, float]:
        return statistics.median(r[0] for r in runs), statistics.median(r[2] for r in runs)

    return medians(bare_runs), medians(our_runs)


def p95(samples: list[float]) -> float:
    return statistics.quantiles(samples, n=20)[-1] if len(samples) >= 2 else samples[0]


def timed(samples: list[float], function: Callable[..., Any]) -> Callable[..., Any]:
    """`function`, recording the wall time of each call into `samples`."""

    def wrapper(*args: Any, **kwargs: Any) -> Any:
        start = time.perf_counter()
        try:
            return function(*args, **kwargs)
        finally:
            samples.append(time.perf_counter() - start)

    return wrapper


async def latencies(pack_path: Path) -> dict[str, float]:
    """p95 milliseconds for three things a reader does, driven by real key presses.

    - key: the CPU work one cursor key causes, from the press until the app is
      idle again: handlers, the detail view that follows, and every frame.
      (Pilot waits for idle in 20 ms sleeps, so wall time would measure those.)
    - open: rendering a detail view (describe + Rich render + links), timed
      around DetailView.show as items are opened with enter.
    - search: one search keystroke's work: the index query and the result
      list, timed around SearchScreen.show_results.
      Typing starts once the search table, which the app builds in a thread
      when search opens, is ready.
    """
    from fintech_tui.app import FintechApp
    from fintech_tui.loader import load_pack
    from fintech_tui.screens.search import SearchScreen
    from fintech_tui.widgets.detail_view import DetailView

    opens: list[float] = []
    searches: list[float] = []
    keys: list[float] = []
    DetailView.show = timed(opens, DetailView.show)  # type: ignore[method-assign]
    SearchScreen.show_results = timed(searches, SearchScreen.show_results)  # type: ignore[method-assign]

    app = FintechApp(load_pack(pack_path))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("2")
        await pilot.pause()
        for _ in range(30):
            start = time.process_time()
            await pilot.press("j")
            await pilot.pause()
            keys.append(time.process_time() - start)
        opens.clear()
        for _ in range(20):
            await pilot.press("enter")
            await pilot.pause()
            await pilot.press("escape", "j")
            await pilot.pause()
        await pilot.press("slash")
        while "search_entries" not in app.index.__dict__:  # built in a thread as search opens
            await pilot.pause(0.1)
        for key in "claim number 12 公司":
            await pilot.press("space" if key == " " else key)
            await pilot.pause()
    return {"key": p95(keys) * 1000, "open": p95(opens) * 1000, "search": p95(searches) * 1000}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pairs", type=int, default=7, help="start-up pairs (median is reported)")
    parser.add_argument("--sizes", default="1000,10000,100000", help="synthetic pack sizes, comma separated")
    args = parser.parse_args()

    from fintech_tui.synthetic import write_pack

    (bare_s, bare_cpu), (ours_s, ours_cpu) = startup(args.pairs)
    python = platform.python_version()
    print(f"Machine: {platform.machine()}, {os.cpu_count()} cores, Python {python}, {platform.system()}")
    print()
    print(f"Start-up (median of {args.pairs} alternating pairs, bundled pack):")
    print()
    print("| program | wall time | ratio | CPU time | ratio |")
    print("| --- | ---: | ---: | ---: | ---: |")
    print(
        f"| bare Textual app (header, tree, footer) | {bare_s * 1000:.0f} ms | 1.00 | {bare_cpu * 1000:.0f} ms | 1.00 |"
    )
    print(
        f"| fintech-tui | {ours_s * 1000:.0f} ms | {ours_s / bare_s:.2f} "
        f"| {ours_cpu * 1000:.0f} ms | {ours_cpu / bare_cpu:.2f} |"
    )
    print()
    print("Scale (synthetic packs; ready = process start to first screen and quit, minus the bare app):")
    print()
    columns = ["items", "cold ready", "warm ready", "peak memory", "key CPU p95", "open p95", "search p95"]
    print("| " + " | ".join(columns) + " |")
    print("| ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for size in (int(s) for s in args.sizes.split(",")):
        with tempfile.TemporaryDirectory() as folder, tempfile.TemporaryDirectory() as cache:
            pack = Path(folder) / "pack"
            write_pack(size, pack)
            os.environ["FINTECH_TUI_CACHE"] = cache
            HEADLESS["FINTECH_TUI_CACHE"] = cache
            cold = timed_run(explorer(pack))[0]
            runs = [timed_run(explorer(pack)) for _ in range(3 if size <= 10_000 else 1)]
            warm = statistics.median(r[0] for r in runs)
            memory = max(r[1] for r in runs)
            lat = asyncio.run(latencies(pack))
            cells = [
                f"{size:,}",
                f"+{(cold - bare_s) * 1000:,.0f} ms",
                f"+{(warm - bare_s) * 1000:,.0f} ms",
                f"{memory / 1024:,.0f} MiB",
                *(f"{lat[name]:.1f} ms" for name in ("key", "open", "search")),
            ]
            print("| " + " | ".join(cells) + " |", flush=True)


if __name__ == "__main__":
    main()
