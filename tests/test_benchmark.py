"""The benchmark runs end to end (a quick smoke pass; its timings are not judged here)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="reads CPU time from /proc")
def test_benchmark_smoke_run_prints_every_table() -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "run.py"), "--smoke"],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=ROOT,
        env={**os.environ, "FINTECH_TUI_CACHE": "off"},
    )
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert re.search(r"^Measured \d{4}-\d\d-\d\d on .+cores.+load average", out, re.M)
    assert re.search(
        r"^\| fintech-tui \| \d+ ms \| \d+\.\d\d \| \d+ ms \| \d+\.\d\d \| \d+ MiB \| \d+\.\d\d \|$", out, re.M
    )
    assert re.search(r"^\| 300 \| \+-?[\d,]+ ms \|", out, re.M)
    for action in ("20 keys", "open search", "type 4 chars"):
        assert re.search(rf"^\| 300 \| {action} \| [\d,]+ ms \| [\d,]+ ms \| \d+\.\d\d \|", out, re.M), out
