"""Benchmark a library of synthetic packs: cold index build, warm open, search keystrokes, memory.

    python benchmarks/library.py                  # 100 and 1,000 packs
    python benchmarks/library.py --sizes 100 1000 10000
    python benchmarks/library.py --smoke          # 20 packs: every step once (no timing worth quoting)

Each size gets its own temporary folder of packs of ~100 items (`util.synthetic.write_pack`
with a different seed per pack, so neighbouring packs share some entities), and its own empty
cache folder. Every measurement runs in a fresh process, so no import or page cache of an
earlier step is counted in Python's memory:

- cold: `Library.open` on an empty cache (index built with progress, on every core);
- warm: `Library.open` again, nothing changed (median of 3 processes);
- search: a word typed keystroke by keystroke (each prefix one `search`), Chinese and Latin,
  median and slowest keystroke, after one search has loaded the pinyin and converter tables;
- memory: peak resident memory (VmHWM) of a process that opens the library warm and reads
  the first page of articles (200) and of shared entities (200).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WORDS = ("生活服务", "claim number 17", "jinrong")  # a phrase of every paragraph, a claim's words, pinyin

PROBE = r"""
import json, sys, time
from pathlib import Path
from fintech_tui.library.catalog import Library
step, folder = sys.argv[1], Path(sys.argv[2])
out = {}
started = time.perf_counter()
calls = []
lib = Library.open(folder, progress=lambda done, total: calls.append(done))
out["open_s"] = time.perf_counter() - started
import resource
out["cpu_s"] = sum(getattr(resource.getrusage(who), f) for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)
                   for f in ("ru_utime", "ru_stime"))
out["progress_calls"] = len(calls)
if step == "memory":
    out["articles"] = len(lib.articles(limit=200))
    out["shared"] = len(lib.shared_entities(limit=200))
if step == "search":
    lib.search("warm")  # loads the pinyin and converter tables once, as the first keystroke of a session would
    times = {}
    for word in json.loads(sys.argv[3]):
        per = []
        for end in range(1, len(word) + 1):
            t = time.perf_counter()
            hits = lib.search(word[:end])
            per.append(time.perf_counter() - t)
        times[word] = per
    out["search"] = times
for line in open("/proc/self/status"):
    if line.startswith("VmHWM:"):
        out["peak_mib"] = int(line.split()[1]) / 1024
print(json.dumps(out))
"""


def generate(folder: Path, packs: int) -> None:
    from fintech_tui.util.synthetic import write_pack

    for i in range(packs):
        write_pack(100, folder / f"{i // 100:03d}" / f"pack{i:05d}", seed=i)


def probe(step: str, folder: Path, cache: Path, *extra: str) -> dict[str, object]:
    env = {**os.environ, "FINTECH_TUI_CACHE": str(cache)}
    result = subprocess.run(
        [sys.executable, "-c", PROBE, step, str(folder), *extra],
        env=env,
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    )
    found: dict[str, object] = json.loads(result.stdout.strip().splitlines()[-1])
    return found


def measure(packs: int, *, warm_runs: int = 3) -> dict[str, object]:
    with tempfile.TemporaryDirectory(prefix="fintech-library-") as where:
        folder, cache = Path(where) / "library", Path(where) / "cache"
        started = time.perf_counter()
        generate(folder, packs)
        generated = time.perf_counter() - started
        cold = probe("open", folder, cache)
        warm = [float(probe("open", folder, cache)["open_s"]) for _ in range(warm_runs)]  # type: ignore[arg-type]
        searched = probe("search", folder, cache, json.dumps(WORDS, ensure_ascii=False))
        memory = probe("memory", folder, cache)
        size = sum(f.stat().st_size for f in cache.iterdir() if f.name.startswith("library-"))
    keystrokes = [t for per in searched["search"].values() for t in per]  # type: ignore[attr-defined]
    return {
        "packs": packs,
        "generate_s": generated,
        "cold_s": cold["open_s"],
        "cold_cpu_s": cold["cpu_s"],
        "progress_calls": cold["progress_calls"],
        "warm_s": statistics.median(warm),
        "key_median_ms": statistics.median(keystrokes) * 1000,
        "key_max_ms": max(keystrokes) * 1000,
        "per_word_ms": {w: [round(t * 1000, 1) for t in per] for w, per in searched["search"].items()},  # type: ignore[attr-defined]
        "peak_mib": memory["peak_mib"],
        "index_mib": size / 2**20,
    }


def table(rows: list[dict[str, object]]) -> str:
    lines = [
        "| packs | cold index build (CPU) | warm open | search keystroke (median / slowest)"
        " | peak memory, open + first pages | index file |",
        "| ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for r in rows:
        lines.append(
            f"| {r['packs']:,} | {r['cold_s']:.1f} s ({r['cold_cpu_s']:.1f} s) | {float(r['warm_s']) * 1000:.0f} ms |"  # type: ignore[arg-type]
            f" {r['key_median_ms']:.1f} / {r['key_max_ms']:.1f} ms | {r['peak_mib']:.0f} MiB |"
            f" {r['index_mib']:.0f} MiB |"
        )
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000])
    parser.add_argument("--smoke", action="store_true")
    args = parser.parse_args()
    sizes = [20] if args.smoke else args.sizes
    rows = []
    for packs in sizes:
        row = measure(packs, warm_runs=1 if args.smoke else 3)
        print(json.dumps(row, ensure_ascii=False), file=sys.stderr)
        rows.append(row)
    print(f"{os.cpu_count()} cores, Python {sys.version.split()[0]}\n")
    print(table(rows))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
