"""The `import` verb: an argument map from another tool (AIF, xAIF) becomes a new pack.

The reading is `export.aif_import`'s; this module is its command line: arguments, refusals,
located problems and what to do next.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from fintech_tui.cli.output import EXIT_FAILURE, EXIT_INVALID, EXIT_OK, fail, say
from fintech_tui.export.aif_import import LIMIT, MapProblems, pack_from_map
from fintech_tui.i18n import counted


def import_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--format", "-f", choices=["aif"], default="aif", help="aif: AIF or xAIF JSON (OVA, AIFdb)")
    parser.add_argument("file", type=Path, help="the map to read")
    parser.add_argument("folder", type=Path, metavar="dir", help="the pack folder to create (must not exist)")


def run_import(args: argparse.Namespace) -> int:
    """Read the map, report its problems or write the pack, then say what to do next."""
    from fintech_tui.util.safe_files import UnsafeFile, read_capped, write_new_folder

    if args.folder.exists():
        return fail(f"{args.folder} already exists; choose a new folder (nothing was written)")
    try:
        raw = read_capped(args.file, LIMIT)
    except UnsafeFile as error:
        return fail(f"{args.file}: {error}")
    try:
        files = pack_from_map(raw, args.file.stem)
    except MapProblems as error:
        for problem in error.problems:
            say(f"{args.file}: {problem}", err=True)
        count = len(error.problems)
        say(f"fintech-tui: {counted(count, 'problems')}; nothing was written", err=True)
        return EXIT_INVALID
    try:
        written = write_new_folder(args.folder, files)
    except OSError as error:
        return fail(f"{args.folder}: {(error.strerror or str(error)).lower()}")
    for path in written:
        say(f"created {path}")
    say(f"next: run 'fintech-tui check --report {args.folder}', then 'fintech-tui {args.folder}'")
    return EXIT_OK if written else EXIT_FAILURE
