"""Command line: parse arguments, dispatch verbs, map failures to exit codes.

Exit status: 0 success, 2 invalid content, 1 any other failure. Textual is
imported only when the explorer actually opens, so `check` stays quick.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from fintech_tui import __version__
from fintech_tui.bundled import bundled_pack_path

EXIT_OK, EXIT_FAILURE, EXIT_INVALID = 0, 1, 2
VERBS = ("check",)


def _pack_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "pack",
        nargs="?",
        type=Path,
        help="a pack folder or YAML file (default: the bundled article)",
    )


def build_parsers() -> tuple[argparse.ArgumentParser, dict[str, argparse.ArgumentParser]]:
    """The main parser (open the explorer) and one parser per verb."""
    main = argparse.ArgumentParser(
        prog="fintech-tui",
        description="Explore an analytical article as a map of its outline, companies, "
        "strategies and arguments. Verbs: check (validate a pack).",
        epilog="Run 'fintech-tui check --help' for the validator.",
    )
    main.add_argument("--version", action="version", version=f"fintech-tui {__version__}")
    main.add_argument("--lang", choices=("en", "zh"), default="en", help="label language at start")
    main.add_argument("--goto", metavar="KIND:ID", help="open straight on an item, e.g. entity:alipay")
    _pack_argument(main)

    check = argparse.ArgumentParser(
        prog="fintech-tui check",
        description="Validate a pack and print a summary, or every problem as FILE:LINE:COL: field: message.",
    )
    _pack_argument(check)
    return main, {"check": check}


def _fail(message: str) -> int:
    print(f"fintech-tui: {message}", file=sys.stderr)
    return EXIT_FAILURE


def _load(path: Path | None):  # type: ignore[no-untyped-def]
    """Load a pack or print its problems; returns the Pack or an exit status."""
    from fintech_tui.loader import PackError, load_pack

    try:
        return load_pack(path or bundled_pack_path())
    except PackError as error:
        for problem in error.problems:
            print(problem, file=sys.stderr)
        count = len(error.problems)
        print(f"fintech-tui: {count} problem{'s' * (count != 1)}; pack not opened", file=sys.stderr)
        return EXIT_INVALID


def run_check(args: argparse.Namespace) -> int:
    """`fintech-tui check`: a one-line summary, or the list of problems."""
    from fintech_tui.summary import count_items

    pack = _load(args.pack)
    if isinstance(pack, int):
        return pack
    counts = ", ".join(f"{n} {name}" for name, n in count_items(pack))
    print(f"{pack.origin}: valid — {counts}")
    return EXIT_OK


def run_explorer(args: argparse.Namespace) -> int:
    """Open the explorer on a pack (the bundled article by default)."""
    from fintech_tui.index import Ref

    pack = _load(args.pack)
    if isinstance(pack, int):
        return pack
    goto = None
    if args.goto:
        kind, _, item_id = args.goto.partition(":")
        goto = Ref(kind, item_id)  # an unknown kind simply finds no item
    from fintech_tui.app import FintechApp  # deferred: Textual is the slow import

    app = FintechApp(pack, lang=args.lang, goto=goto)
    if goto is not None and app.index.get(goto) is None:
        return _fail(f"--goto {args.goto}: no such item (use KIND:ID, e.g. entity:alipay)")
    app.run()
    return app.return_code or EXIT_OK


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point for the `fintech-tui` console script."""
    argv = list(sys.argv[1:] if argv is None else argv)
    main_parser, verbs = build_parsers()
    try:
        if argv and argv[0] in VERBS:
            args = verbs[argv[0]].parse_args(argv[1:])
            return {"check": run_check}[argv[0]](args)
        return run_explorer(main_parser.parse_args(argv))
    except KeyboardInterrupt:
        return EXIT_FAILURE
    except Exception as error:  # one line for the user; the traceback on request
        if os.environ.get("FINTECH_TUI_DEBUG"):
            raise
        return _fail(f"{type(error).__name__}: {error} (set FINTECH_TUI_DEBUG=1 for details)")
