"""The command line's verbs, one row each, and the explorer's options.

Every verb is one row of `VERBS`; its parser set-up and runner are named by
import path and imported only when that verb runs, so adding a verb (or
moving one into its own module) is one row and costs the other verbs nothing.
Both the dispatcher and the parsers (`arguments`) read this table.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import msgspec

from fintech_tui.util.targets import resolve

__all__ = ["VERBS", "ExplorerOptions", "Verb", "resolve", "verb_summary"]

if TYPE_CHECKING:
    from fintech_tui.model import Lang


class Verb(msgspec.Struct, frozen=True):
    """One verb: its name, help, and where its parser set-up and runner live."""

    name: str
    summary: str | Callable[[], str]  # a few words for the main --help, after the name (or what makes them)
    description: str  # the first line of `fintech-tui VERB --help`
    arguments: str  # "module:function" taking the verb's ArgumentParser
    run: str  # "module:function" taking the parsed arguments, returning an exit status


def export_names() -> str:
    """The registered export formats, for help texts: "md, json, html"."""
    from fintech_tui.export import export_formats

    return ", ".join(fmt.name for fmt in export_formats())


VERBS: tuple[Verb, ...] = (
    Verb(
        "check",
        "validate; --report for gaps",
        "Validate a pack and print a summary, or every problem as FILE:LINE:COL: field: message.",
        "fintech_tui.cli.arguments:check_arguments",
        "fintech_tui.cli.dispatch:run_check",
    ),
    Verb(
        "export",
        export_names,
        "Write the whole pack as Markdown, JSON (the pack format) or HTML, or one part of it for other tools.",
        "fintech_tui.cli.arguments:export_arguments",
        "fintech_tui.cli.dispatch:run_export",
    ),
    Verb(
        "draft",
        "a first pack from a raw article",
        "Draft a pack from a raw article (.txt or .md): outline, figures and candidate entities to review.",
        "fintech_tui.draft.command:draft_arguments",
        "fintech_tui.draft.command:run_draft",
    ),
    Verb(
        "import",
        "an AIF argument map as a pack",
        "Make a new pack from an AIF or xAIF argument map (OVA, AIFdb): its claims, their relations and text.",
        "fintech_tui.cli.import_map:import_arguments",
        "fintech_tui.cli.import_map:run_import",
    ),
    Verb(
        "schema",
        "JSON Schema of the pack format",
        "Print a JSON Schema of one pack file, for YAML editors.",
        "fintech_tui.cli.arguments:no_arguments",
        "fintech_tui.cli.dispatch:run_schema",
    ),
    Verb(
        "new",
        "scaffold a pack",
        "Create a minimal valid pack in a new folder.",
        "fintech_tui.cli.arguments:new_arguments",
        "fintech_tui.cli.dispatch:run_new",
    ),
    Verb(
        "serve",
        "the explorer in a browser",
        "Run the explorer in a web browser (via textual-serve).",
        "fintech_tui.cli.serve:serve_arguments",
        "fintech_tui.cli.serve:run_serve",
    ),
)


def verb_summary(verb: Verb) -> str:
    """The few words the main --help gives a verb."""
    return verb.summary if isinstance(verb.summary, str) else verb.summary()


class ExplorerOptions(msgspec.Struct, frozen=True):
    """How to open the explorer: its command line (see `arguments.main_parser`), with its defaults."""

    pack: Path | None = None
    lang: Lang | None = None
    goto: str | None = None
    fresh: bool = False
    watch: bool = False
    screenshot_dir: Path | None = None
