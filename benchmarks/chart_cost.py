"""What the figures-over-time chart costs: importing textual-plotext, and drawing one series.

    python benchmarks/chart_cost.py [RUNS]

Each run is a fresh interpreter that has imported Textual already (as the app has by then),
so the import time is the chart widget's own; the draw is a 4-point dated series rendered
at 116×16 cells, as the view draws it on a 120×40 terminal. Prints the medians in ms.
"""

from __future__ import annotations

import json
import statistics
import subprocess
import sys

PROBE = """
import json, time
import textual.app, textual.widgets
start = time.perf_counter()
import textual_plotext
imported = time.perf_counter()
from textual_plotext.plot import Plot
plot = Plot()
plot.date_form("Y-m-d")
dates = ["2021-02-28", "2022-06-30", "2022-06-30", "2023-06-30"]
values = [50e6, 80e6, 75e6, 100e6]
plot.plot(dates, values, marker="braille")
plot.scatter(dates, values, marker="o")
plot.plotsize(116, 16)
plot.build()
drawn = time.perf_counter()
print(json.dumps({"import_ms": (imported - start) * 1000, "draw_ms": (drawn - imported) * 1000}))
"""


def main(runs: int = 9) -> int:
    found: dict[str, list[float]] = {"import_ms": [], "draw_ms": []}
    for _ in range(runs):
        out = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, check=True).stdout
        for name, value in json.loads(out).items():
            found[name].append(value)
    for name, values in found.items():
        print(
            f"{name}: median {statistics.median(values):.1f} (min {min(values):.1f}, max {max(values):.1f}) over {runs}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main(int(sys.argv[1]) if len(sys.argv) > 1 else 9))
