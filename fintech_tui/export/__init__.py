"""Exports of a whole pack: JSON (the pack format), Markdown and standalone HTML."""

from __future__ import annotations

from collections.abc import Callable

from fintech_tui.model import Pack

FORMATS = ("md", "json", "html")


def exporter(name: str) -> Callable[[Pack], str]:
    """The function that renders a pack in format `name` (one of FORMATS)."""
    if name == "json":
        from fintech_tui.export.data import to_json

        return to_json
    if name == "md":
        from fintech_tui.export.markdown import to_markdown

        return to_markdown
    if name == "html":
        from fintech_tui.export.html import to_html

        return to_html
    raise ValueError(f"unknown export format {name!r}")
