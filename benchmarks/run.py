"""Benchmark fintech-tui: start-up against a bare Textual app, and scale.

    python benchmarks/run.py                 # 1k, 10k and 100k synthetic packs
    python benchmarks/run.py --sizes 1000 --pairs 5

Start-up is timed from outside, as a user sees it: each program runs in a
fresh process with Textual's headless driver and presses ctrl+q as soon as
its first screen is ready; the two programs alternate so both see the same
machine state, and the median of the pairs is compared. Keystroke latency
is measured in-process with Pilot: the CPU work from a key press until the app
is idle again.
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
from pathlib import Path

HERE = Path(__file__).resolve().parent
HEADLESS = {
    **os.environ,
    "TEXTUAL_DRIVER": "textual.drivers.headless_driver:HeadlessDriver",
    "TEXTUAL_PRESS": "ctrl+q",
}


def timed_run(command: list[str]) -> tuple[float, int]:
    """Wall seconds and peak RSS (KiB) of one process."""
    start = time.perf_counter()
    process = subprocess.Popen(command, env=HEADLESS, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        error = process.stderr.read().decode() if process.stderr else ""
        raise SystemExit(f"benchmark: {' '.join(command)} failed: {error}")
    return elapsed, usage.ru_maxrss


def bare() -> list[str]:
    return [sys.executable, str(HERE / "bare_app.py")]


def explorer(pack: Path | None = None) -> list[str]:
    return [sys.executable, "-m", "fintech_tui", *([str(pack)] if pack else [])]


def startup(pairs: int) -> tuple[float, float]:
    """Median wall time of the bare app and of fintech-tui on the bundled pack."""
    timed_run(bare()), timed_run(explorer())  # warm the file cache and any pack cache
    bare_times, our_times = [], []
    for _ in range(pairs):
        bare_times.append(timed_run(bare())[0])
        our_times.append(timed_run(explorer())[0])
    return statistics.median(bare_times), statistics.median(our_times)


def p95(samples: list[float]) -> float:
    return statistics.quantiles(samples, n=20)[-1] if len(samples) >= 2 else samples[0]


async def latencies(pack_path: Path) -> dict[str, float]:
    """p95 milliseconds of work for moving the cursor, opening a detail, and a search keystroke.

    Pilot waits for the app to go idle in sleeps of 20 ms, so wall time would
    measure those sleeps; the process CPU time spent between the key press and
    idle is the work the key caused (parse, handlers, layout and render), which
    on an idle machine is the latency a reader feels.
    """
    from fintech_tui.app import FintechApp
    from fintech_tui.loader import load_pack

    app = FintechApp(load_pack(pack_path))
    results: dict[str, list[float]] = {"move": [], "open": [], "search": []}

    async def measure(name: str, *keys: str) -> None:
        start = time.process_time()
        await pilot.press(*keys)
        await pilot.pause()
        results[name].append(time.process_time() - start)

    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("2")
        await pilot.pause()
        for _ in range(40):
            await measure("move", "j")
        for _ in range(15):
            await measure("open", "enter")
            await pilot.press("2", "j")
            await pilot.pause()
        await pilot.press("slash")
        await pilot.pause()
        for key in "claim number 12 公司":
            await measure("search", "space" if key == " " else key)
    return {name: p95(samples) * 1000 for name, samples in results.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pairs", type=int, default=7, help="start-up pairs (median is reported)")
    parser.add_argument("--sizes", default="1000,10000,100000", help="synthetic pack sizes, comma separated")
    args = parser.parse_args()

    from fintech_tui.synthetic import write_pack

    bare_s, ours_s = startup(args.pairs)
    python = platform.python_version()
    print(f"Machine: {platform.machine()}, {os.cpu_count()} cores, Python {python}, {platform.system()}")
    print()
    print(f"Start-up (median of {args.pairs} alternating pairs, bundled pack):")
    print()
    print("| program | wall time | ratio |")
    print("| --- | ---: | ---: |")
    print(f"| bare Textual app (header, tree, footer) | {bare_s * 1000:.0f} ms | 1.00 |")
    print(f"| fintech-tui | {ours_s * 1000:.0f} ms | {ours_s / bare_s:.2f} |")
    print()
    print("Scale (synthetic packs; ready = process start to first screen and quit, minus the bare app):")
    print()
    columns = ["items", "cold ready", "warm ready", "peak memory", "cursor p95", "open p95", "search key p95"]
    print("| " + " | ".join(columns) + " |")
    print("| ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for size in (int(s) for s in args.sizes.split(",")):
        with tempfile.TemporaryDirectory() as folder, tempfile.TemporaryDirectory() as cache:
            pack = Path(folder) / "pack"
            write_pack(size, pack)
            os.environ["FINTECH_TUI_CACHE"] = cache
            HEADLESS["FINTECH_TUI_CACHE"] = cache
            cold, _ = timed_run(explorer(pack))
            runs = [timed_run(explorer(pack)) for _ in range(3 if size <= 10_000 else 1)]
            warm = statistics.median(r[0] for r in runs)
            memory = max(r[1] for r in runs)
            lat = asyncio.run(latencies(pack))
            cells = [
                f"{size:,}",
                f"+{(cold - bare_s) * 1000:,.0f} ms",
                f"+{(warm - bare_s) * 1000:,.0f} ms",
                f"{memory / 1024:,.0f} MiB",
                *(f"{lat[name]:.1f} ms" for name in ("move", "open", "search")),
            ]
            print("| " + " | ".join(cells) + " |", flush=True)


if __name__ == "__main__":
    main()
