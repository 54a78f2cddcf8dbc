"""Benchmark fintech-tui as a user feels it, each figure beside a bare Textual app.

    python benchmarks/run.py                    # 1k, 10k and 100k synthetic packs
    python benchmarks/run.py --write-readme     # ... and put the tables into README.md
    python benchmarks/run.py --smoke            # a quick run of every step (no timing worth quoting)

Start-up: fintech-tui on the bundled pack and a bare Textual app (header,
tree, footer) run alternately in fresh processes with Textual's headless
driver, quitting as soon as their first screen is ready; medians of the
pairs are compared (wall time, CPU time, peak memory).

Scale: synthetic packs (`python -m fintech_tui.util.synthetic N DIR`) are opened
cold (an empty cache: parse and check) and warm (from the cache); "ready" is
the time to the first screen minus the bare app's. The slope is a
least-squares fit of the cold figure against the number of items.

Reading: each program runs on a real pseudo-terminal (`pty_session`) against
a bare Textual Tree of as many items whose highlight updates a Static: 20
cursor keys in one burst, then opening search, then typing a 4-character
query in one burst; each is timed from the first key until the screen
settles, with the CPU the program used meanwhile.

The machine may be shared: runs alternate between the two programs and the
medians are reported, but expect some spread from run to run.

Both programs run from compiled bytecode, as an installed program does (pip
compiles it): the package is compiled first and PYTHONDONTWRITEBYTECODE is
dropped, since with it set a source checkout would compile fintech-tui's
modules on every start while Textual's come compiled.
"""

from __future__ import annotations

import argparse
import compileall
import datetime
import os
import platform
import re
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from pty_session import PtySession, Reaction  # noqa: E402  (a sibling script, not a package)

README = HERE.parent / "README.md"
BEGIN, END = "<!-- performance:begin -->", "<!-- performance:end -->"
BYTECODE_ENV = {name: value for name, value in os.environ.items() if name != "PYTHONDONTWRITEBYTECODE"}
HEADLESS = {
    **BYTECODE_ENV,
    "TEXTUAL_DRIVER": "textual.drivers.headless_driver:HeadlessDriver",
    "TEXTUAL_PRESS": "ctrl+q",
}
DOWN = b"\x1b[B"


@dataclass(frozen=True)
class Run:
    wall: float  # seconds
    cpu: float  # seconds, user + system
    peak_mib: float


def timed_run(command: list[str], env: dict[str, str]) -> Run:
    """Wall time, CPU time and peak memory of one process that quits by itself."""
    start = time.perf_counter()
    process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        error = process.stderr.read().decode() if process.stderr else ""
        raise SystemExit(f"benchmark: {' '.join(command)} failed: {error}")
    return Run(elapsed, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024)


def bare() -> list[str]:
    return [sys.executable, str(HERE / "bare_app.py")]


def bare_tree(items: int) -> list[str]:
    return [sys.executable, str(HERE / "bare_tree_app.py"), str(items)]


def explorer(pack: Path | None = None) -> list[str]:
    return [sys.executable, "-m", "fintech_tui", *([str(pack)] if pack else [])]


def median_run(runs: list[Run]) -> Run:
    return Run(
        statistics.median(r.wall for r in runs),
        statistics.median(r.cpu for r in runs),
        statistics.median(r.peak_mib for r in runs),
    )


def alternate(first: Callable[[], Run], second: Callable[[], Run], pairs: int) -> tuple[Run, Run]:
    """Medians of `pairs` alternating runs of two programs."""
    a, b = [], []
    for _ in range(pairs):
        a.append(first())
        b.append(second())
    return median_run(a), median_run(b)


@dataclass(frozen=True)
class Feel:
    keys: Reaction
    open_search: Reaction
    typing: Reaction


def feel(command: list[str], ready: bytes, focus: bytes, env: dict[str, str]) -> Feel:
    """The three reactions of one program on a pseudo-terminal."""
    with PtySession(command, env=env) as session:
        session.ready(ready)
        if focus:
            session.react(focus)
        keys = session.react(DOWN * 20)
        open_search = session.react(b"/")
        typing = session.react(b"1234", shows=b"1234")
    return Feel(keys, open_search, typing)


def median_feel(feels: list[Feel]) -> Feel:
    def med(pick: Callable[[Feel], Reaction]) -> Reaction:
        reactions = [pick(f) for f in feels]
        return Reaction(
            statistics.median(r.settle_ms for r in reactions),
            statistics.median(r.cpu_ms for r in reactions),
            int(statistics.median(r.output_bytes for r in reactions)),
        )

    return Feel(med(lambda f: f.keys), med(lambda f: f.open_search), med(lambda f: f.typing))


def slope(points: list[tuple[int, float]]) -> float:
    """Least-squares slope of y against x, per 1,000 of x."""
    if len(points) < 2:
        return float("nan")
    xs = [x / 1000 for x, _ in points]
    ys = [y for _, y in points]
    mean_x, mean_y = statistics.fmean(xs), statistics.fmean(ys)
    spread = sum((x - mean_x) ** 2 for x in xs)
    return sum((x - mean_x) * (y - mean_y) for x, y in zip(xs, ys, strict=True)) / spread if spread else float("nan")


def ratio(ours: float, theirs: float) -> str:
    return f"{ours / theirs:.2f}" if theirs > 0 else "–"


def measure(args: argparse.Namespace) -> list[str]:
    """Every table, as Markdown lines."""
    out: list[str] = []
    say = out.append
    machine = f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, {platform.system()}"
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    say(
        f"Measured {datetime.date.today().isoformat()} on {machine}, load average {load:.1f} at the start "
        "(above the core count, other work shares the machine: wall times stretch, CPU times less); "
        "medians of alternating runs."
    )
    say("")

    with tempfile.TemporaryDirectory(prefix="fintech-tui-bench-") as warm_cache:
        return _measure(args, out, warm_cache)


def _measure(args: argparse.Namespace, out: list[str], warm_cache: str) -> list[str]:
    from fintech_tui.util.synthetic import write_pack

    say = out.append
    env = {**HEADLESS, "FINTECH_TUI_CACHE": warm_cache}
    timed_run(bare(), env), timed_run(explorer(), env)  # warm the file cache and the pack cache
    base, ours = alternate(lambda: timed_run(bare(), env), lambda: timed_run(explorer(), env), args.pairs)
    say(f"Start-up ({args.pairs} alternating pairs, bundled pack, first screen then quit):")
    say("")
    say("| program | wall time | ratio | CPU time | ratio | peak memory | ratio |")
    say("| --- | ---: | ---: | ---: | ---: | ---: | ---: |")
    say(
        f"| bare Textual app (header, tree, footer) | {base.wall * 1000:.0f} ms | 1.00 "
        f"| {base.cpu * 1000:.0f} ms | 1.00 | {base.peak_mib:.0f} MiB | 1.00 |"
    )
    say(
        f"| fintech-tui | {ours.wall * 1000:.0f} ms | {ratio(ours.wall, base.wall)} "
        f"| {ours.cpu * 1000:.0f} ms | {ratio(ours.cpu, base.cpu)} "
        f"| {ours.peak_mib:.0f} MiB | {ratio(ours.peak_mib, base.peak_mib)} |"
    )
    say("")

    scale_rows, feel_rows = [], []
    colds: list[tuple[int, float]] = []
    warms: list[tuple[int, float]] = []
    for size in args.sizes:
        with tempfile.TemporaryDirectory() as folder:
            pack = Path(folder) / "pack"
            write_pack(size, pack)
            repeats = args.repeats if size <= 10_000 else 1

            def cold(pack: Path = pack) -> Run:
                with tempfile.TemporaryDirectory() as empty:
                    return timed_run(explorer(pack), {**HEADLESS, "FINTECH_TUI_CACHE": empty})

            def warm(pack: Path = pack) -> Run:
                return timed_run(explorer(pack), {**HEADLESS, "FINTECH_TUI_CACHE": warm_cache})

            base_run, cold_run = alternate(lambda: timed_run(bare(), env), cold, repeats)
            warm(pack)  # fill the cache
            base_warm, warm_run = alternate(lambda: timed_run(bare(), env), warm, repeats)
            cold_ms = (cold_run.wall - base_run.wall) * 1000
            warm_ms = (warm_run.wall - base_warm.wall) * 1000
            colds.append((size, cold_ms))
            warms.append((size, warm_ms))
            scale_rows.append(
                f"| {size:,} | +{cold_ms:,.0f} ms | +{(cold_run.cpu - base_run.cpu) * 1000:,.0f} ms "
                f"| {cold_run.peak_mib:,.0f} MiB | +{warm_ms:,.0f} ms | {warm_run.peak_mib:,.0f} MiB |"
            )

            from fintech_tui.i18n import phrase  # the pane's name, as the explorer shows it once ready

            ready = phrase("pane.companies", "en").encode()
            pty_env = {**BYTECODE_ENV, "FINTECH_TUI_CACHE": warm_cache}
            theirs_feels, our_feels = [], []
            for _ in range(args.feel_repeats):
                theirs_feels.append(feel(bare_tree(size), b"Item 0", b"", pty_env))
                our_feels.append(feel(explorer(pack), ready, b"2", pty_env))
            theirs_feel, our_feel = median_feel(theirs_feels), median_feel(our_feels)
            for name, pick in (
                ("20 keys", lambda f: f.keys),
                ("open search", lambda f: f.open_search),
                ("type 4 chars", lambda f: f.typing),
            ):
                o, t = pick(our_feel), pick(theirs_feel)
                feel_rows.append(
                    f"| {size:,} | {name} | {o.settle_ms:,.0f} ms | {t.settle_ms:,.0f} ms "
                    f"| {ratio(o.settle_ms, t.settle_ms)} | {o.cpu_ms:,.0f} ms | {t.cpu_ms:,.0f} ms "
                    f"| {ratio(o.cpu_ms, t.cpu_ms)} |"
                )
            print(f"benchmark: {size:,} items done", file=sys.stderr, flush=True)

    say("Opening synthetic packs (ready = to the first screen, minus the bare app's time):")
    say("")
    say("| items | cold ready | cold CPU | cold peak memory | warm ready | warm peak memory |")
    say("| ---: | ---: | ---: | ---: | ---: | ---: |")
    out.extend(scale_rows)
    say("")
    say(
        f"Slope: cold ready {slope(colds):,.0f} ms per 1k items, warm ready {slope(warms):,.0f} ms per 1k items "
        "(least squares over the sizes above)."
    )
    say("")
    say("Reading on a real terminal (until the screen settles; bare = a Textual Tree of as many items):")
    say("")
    say("| items | action | fintech-tui | bare | ratio | fintech-tui CPU | bare CPU | ratio |")
    say("| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: |")
    out.extend(feel_rows)
    return out


def write_readme(lines: list[str]) -> None:
    text = README.read_text(encoding="utf-8")
    block = "\n".join([BEGIN, *lines, END])
    pattern = re.compile(re.escape(BEGIN) + ".*?" + re.escape(END), re.S)
    if not pattern.search(text):
        raise SystemExit(f"benchmark: {README} has no {BEGIN} … {END} block to replace")
    README.write_text(pattern.sub(lambda _: block, text), encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pairs", type=int, default=21, help="start-up pairs (the median is reported)")
    parser.add_argument("--repeats", type=int, default=3, help="cold and warm runs per size up to 10k")
    parser.add_argument("--feel-repeats", type=int, default=3, help="terminal sessions per program and size")
    parser.add_argument("--sizes", default="1000,10000,100000", help="synthetic pack sizes, comma separated")
    parser.add_argument("--smoke", action="store_true", help="one quick pass of every step, tiny pack")
    parser.add_argument("--write-readme", action="store_true", help="replace the tables in README.md")
    args = parser.parse_args()
    args.sizes = [int(s) for s in args.sizes.split(",")]
    if args.smoke:
        args.pairs, args.repeats, args.feel_repeats, args.sizes = 1, 1, 1, [300]
    compileall.compile_dir(HERE.parent / "fintech_tui", quiet=1)  # as pip does on install
    lines = measure(args)
    print("\n".join(lines))
    if args.write_readme:
        write_readme(lines)


if __name__ == "__main__":
    main()
