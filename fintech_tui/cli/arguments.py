"""The command line's parsers, built only when there are arguments to parse.

`fintech-tui` with no arguments opens the explorer on its defaults
(`verbs.ExplorerOptions`) without loading argparse (a third of a megabyte and
two milliseconds of start-up); any argument, `--help` included, comes here.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from fintech_tui import __version__
from fintech_tui.cli.output import say
from fintech_tui.cli.verbs import VERBS, ExplorerOptions, Verb, resolve, verb_summary
from fintech_tui.util.sanitize import neutralise


def explorer_options(argv: Sequence[str]) -> ExplorerOptions:
    """The explorer's options from `argv` (argparse exits on --help, --version or a mistake)."""
    return ExplorerOptions(**vars(main_parser().parse_args(argv)))


class ArgumentParser(argparse.ArgumentParser):
    """argparse, with its messages (which quote what the user typed) neutralised, and
    help or version text that cannot be written an error rather than silence."""

    def _print_message(self, message: str, file: Any = None) -> None:
        if not message:
            return
        if file is not sys.stdout:
            super()._print_message(neutralise(message), file)  # errors: stderr, as argparse does
            return
        say(message.removesuffix("\n"))  # a full disk or closed stdout: OutputError, one line, exit 1


def pack_argument(parser: argparse.ArgumentParser, *, library: bool = False) -> None:
    """The optional PACK argument most verbs share (`library`: a LIBRARY folder of packs too)."""
    also = "; or a LIBRARY folder of packs" if library else ""
    parser.add_argument(
        "pack",
        nargs="?",
        type=Path,
        help=f"a pack folder or YAML file (default: the bundled article){also}",
    )


class MainParser(ArgumentParser):
    """The explorer's parser: its help lists the verbs, worked out only when shown
    (the export formats come from their registry, which start-up does not import)."""

    def format_help(self) -> str:
        verbs = ", ".join(f"{verb.name} ({verb_summary(verb)})" for verb in VERBS)
        self.epilog = f"Verbs: {verbs}. Run 'fintech-tui VERB --help' for each."
        return super().format_help()


def main_parser() -> argparse.ArgumentParser:
    """The parser for opening the explorer."""
    parser = MainParser(
        prog="fintech-tui",
        description="Explore an analytical article as a map of its outline, companies, strategies and arguments.",
    )
    parser.add_argument("--version", action="version", version=f"fintech-tui {__version__}")
    parser.add_argument("--lang", choices=("en", "zh"), help="label language at start (default: as last time)")
    parser.add_argument("--goto", metavar="KIND:ID", help="open straight on an item, e.g. entity:alipay or paragraph:5")
    parser.add_argument("--fresh", action="store_true", help="start at the top, not at the item shown last time")
    parser.add_argument(
        "--watch", action="store_true", help="reload when a file of the pack changes (for authors editing a pack)"
    )
    parser.add_argument(
        "--screenshot-dir", type=Path, metavar="DIR", help="where S saves screenshots (default: the data folder)"
    )
    pack_argument(parser)
    return parser


def verb_parser(verb: Verb) -> argparse.ArgumentParser:
    """The parser of one verb, set up by the function its row names."""
    parser = ArgumentParser(prog=f"fintech-tui {verb.name}", description=verb.description)
    set_up: Callable[[argparse.ArgumentParser], None] = resolve(verb.arguments)
    set_up(parser)
    return parser


def no_arguments(parser: argparse.ArgumentParser) -> None:
    """For verbs that take no arguments."""


def check_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--report", action="store_true", help="also list the gaps: thin or missing evidence")
    pack_argument(parser, library=True)


def export_arguments(parser: argparse.ArgumentParser) -> None:
    from fintech_tui.export import export_formats

    formats = export_formats()
    described = "; ".join(f"{fmt.name}: {fmt.description}" for fmt in formats)
    parser.add_argument("--format", "-f", choices=[fmt.name for fmt in formats], default="md", help=described)
    parser.add_argument("-o", "--output", type=Path, help="file to write (default: standard output)")
    parser.add_argument("--force", action="store_true", help="replace the output file if it exists")
    parser.add_argument(
        "--entity",
        metavar="NAME",
        help="with a LIBRARY folder: one entity across its articles (its key, shared id or name), as md or csv",
    )
    pack_argument(parser, library=True)


def new_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("name", type=Path, help="the folder to create (must not exist)")
