"""Exports of a whole pack, one registry row per format.

A row names the function that renders the pack (imported only when that
format is asked for), the file extension and a description; `export -f`'s
choices, its help and the README's list come from these rows. Adding a
format is one row (or one `register_export` call) and one module.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable

import msgspec

from fintech_tui.model import Pack


class ExportFormat(msgspec.Struct, frozen=True):
    """One export format: `-f NAME`, where its renderer lives, what it writes."""

    name: str
    target: str  # "module:function", the function taking a Pack and returning the text
    extension: str  # for a file of this format: ".md"
    description: str
    whole_pack: bool = True  # False for a view of one part (the argument tree, the figures)
    folder: bool = False  # True: the function returns files (path → text) for a new folder (`-o DIR`)
    pack: bool = False  # True: what it writes is a pack, which `check` reads and exports again unchanged


_FORMATS: dict[str, ExportFormat] = {}


def register_export(fmt: ExportFormat) -> ExportFormat:
    """Add an export format (its name must be new); returns it."""
    if fmt.name in _FORMATS:
        raise ValueError(f"export format {fmt.name!r} is already registered")
    _FORMATS[fmt.name] = fmt
    return fmt


def export_formats() -> tuple[ExportFormat, ...]:
    """Every registered format, in registration order."""
    return tuple(_FORMATS.values())


def exporter(name: str) -> Callable[[Pack], str]:
    """The function that renders a pack in format `name`, imported now."""
    fmt = _FORMATS.get(name)
    if fmt is None:
        raise ValueError(f"unknown export format {name!r}")
    module, _, function = fmt.target.partition(":")
    render: Callable[[Pack], str] = getattr(importlib.import_module(module), function)
    return render


for _format in (
    ExportFormat("md", "fintech_tui.export.markdown:to_markdown", ".md", "Markdown: the outline, then every item"),
    ExportFormat("json", "fintech_tui.export.data:to_json", ".json", "JSON in the pack format (loads back)", pack=True),
    ExportFormat("html", "fintech_tui.export.html:to_html", ".html", "a standalone HTML page"),
    ExportFormat("argdown", "fintech_tui.export.argdown:to_argdown", ".argdown", "the argument tree in Argdown", False),
    ExportFormat(
        "mermaid", "fintech_tui.export.mermaid:to_mermaid", ".mmd", "Mermaid: argument map and entity tree", False
    ),
    ExportFormat("dot", "fintech_tui.export.dot:to_dot", ".dot", "Graphviz DOT: argument map and entity tree", False),
    ExportFormat("csv", "fintech_tui.export.figures_csv:to_csv", ".csv", "the figures, one row each", False),
    ExportFormat("aif", "fintech_tui.export.aif:to_aif", ".json", "xAIF JSON: the argument map for AIF tools", False),
    ExportFormat(
        "annotations",
        "fintech_tui.export.annotations:to_annotations",
        ".jsonld",
        "W3C Web Annotation JSON-LD: every quote, with selectors",
        False,
    ),
    ExportFormat("opml", "fintech_tui.export.opml:to_opml", ".opml", "OPML 2.0: the outline, for outliners", False),
    ExportFormat("csl", "fintech_tui.export.csl:to_csl", ".json", "CSL-JSON: the article, to cite it", False),
    ExportFormat(
        "citations", "fintech_tui.export.csl:to_citations", ".json", "CSL citations: every quote with its ¶", False
    ),
    ExportFormat(
        "vault",
        "fintech_tui.export.vault:to_vault",
        "",
        "an Obsidian vault: a linked note per item (-o DIR)",
        False,
        True,
    ),
):
    register_export(_format)
