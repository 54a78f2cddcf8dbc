"""The browser page `serve` hands out fetches nothing from another server (it must work
with no network, and tell no third party who opened it)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import urllib.request
from pathlib import Path

import pytest

from fintech_tui.cli.serve import self_contained

#: Every address the page would load: href=, src=, url(…) and @import (xmlns names a namespace, never fetched).
FETCHED = re.compile(r"""(?:\b(?:href|src)\s*=\s*["']?|url\(\s*["']?|@import\s+["'])([^"')\s>]+)""", re.IGNORECASE)


def outside(page: str, origin: str) -> list[str]:
    """The addresses in `page` on another origin than `origin`."""
    found = [url for url in FETCHED.findall(page) if re.match(r"(?:[a-z][a-z0-9+.-]*:)?//", url, re.IGNORECASE)]
    return [url for url in found if not url.startswith(origin + "/")]


def test_the_web_font_link_becomes_the_font_served_here() -> None:
    page = (
        '<html><head><link rel="stylesheet" href="http://h:1/static/css/xterm.css" />\n'
        '<link rel="stylesheet"\n href="https://fonts.googleapis.com/css?family=Roboto%20Mono" />'
        "<LINK href='//cdn.example/x.css' rel=stylesheet></head><body></body></html>"
    )
    assert outside(page, "http://h:1") == [
        "https://fonts.googleapis.com/css?family=Roboto%20Mono",
        "//cdn.example/x.css",
    ]
    fixed = self_contained(page)
    assert outside(fixed, "http://h:1") == []
    assert 'url("http://h:1/static/fonts/RobotoMono-VariableFont_wght.ttf")' in fixed
    assert "xterm.css" in fixed


def test_the_served_page_has_no_outside_address(write_pack: object, tmp_path: Path) -> None:
    pytest.importorskip("textual_serve")
    server = subprocess.Popen(
        [sys.executable, "-m", "fintech_tui", "serve", "--port", "0", str(write_pack())],  # type: ignore[operator]
        cwd=tmp_path,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "FINTECH_TUI_CACHE": "off"},
    )
    assert server.stderr is not None
    try:
        banner = server.stderr.readline()
        port = int(re.search(r":(\d+) \(ctrl", banner).group(1))  # type: ignore[union-attr]
        origin = f"http://127.0.0.1:{port}"
        with urllib.request.urlopen(origin + "/", timeout=30) as response:
            page = response.read().decode("utf-8")
        assert "<html" in page.lower() and "/static/" in page, page[:500]
        assert outside(page, origin) == [], outside(page, origin)
        font = re.search(r'url\("([^"]+\.ttf)"\)', page)
        assert font is not None, page[:800]
        with urllib.request.urlopen(font.group(1), timeout=30) as response:
            assert response.status == 200 and len(response.read()) > 10_000
    finally:
        server.terminate()
        server.wait(timeout=15)
