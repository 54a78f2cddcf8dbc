"""Command line: parse arguments, dispatch verbs, map failures to exit codes.

Exit status: 0 success, 2 invalid content, 1 any other failure. Textual is
imported only when the explorer actually opens, so `check` stays quick.

Every verb is one row of `VERBS`; its parser set-up and runner are named by
import path and imported only when that verb runs, so adding a verb (or
moving one into its own module) is one row and costs the other verbs nothing.
"""

from __future__ import annotations

import argparse
import importlib
import os
import shlex
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from fintech_tui import __version__
from fintech_tui.bundled import bundled_pack_path

EXIT_OK, EXIT_FAILURE, EXIT_INVALID = 0, 1, 2


@dataclass(frozen=True, slots=True)
class Verb:
    """One verb: its name, help, and where its parser set-up and runner live."""

    name: str
    summary: str  # a few words for the main --help, after the name
    description: str  # the first line of `fintech-tui VERB --help`
    arguments: str  # "module:function" taking the verb's ArgumentParser
    run: str  # "module:function" taking the parsed arguments, returning an exit status


VERBS: tuple[Verb, ...] = (
    Verb(
        "check",
        "validate; --report for gaps",
        "Validate a pack and print a summary, or every problem as FILE:LINE:COL: field: message.",
        "fintech_tui.cli:check_arguments",
        "fintech_tui.cli:run_check",
    ),
    Verb(
        "export",
        "md, json, html",
        "Write the whole pack as Markdown, JSON (the pack format) or HTML.",
        "fintech_tui.cli:export_arguments",
        "fintech_tui.cli:run_export",
    ),
    Verb(
        "schema",
        "JSON Schema of the pack format",
        "Print a JSON Schema of one pack file, for YAML editors.",
        "fintech_tui.cli:no_arguments",
        "fintech_tui.cli:run_schema",
    ),
    Verb(
        "new",
        "scaffold a pack",
        "Create a minimal valid pack in a new folder.",
        "fintech_tui.cli:new_arguments",
        "fintech_tui.cli:run_new",
    ),
    Verb(
        "serve",
        "the explorer in a browser",
        "Run the explorer in a web browser (via textual-serve).",
        "fintech_tui.cli:serve_arguments",
        "fintech_tui.cli:run_serve",
    ),
)


def resolve(target: str) -> Any:
    """The object a "module:attribute" path names, importing the module now."""
    module, _, attribute = target.partition(":")
    return getattr(importlib.import_module(module), attribute)


def pack_argument(parser: argparse.ArgumentParser) -> None:
    """The optional PACK argument most verbs share."""
    parser.add_argument(
        "pack",
        nargs="?",
        type=Path,
        help="a pack folder or YAML file (default: the bundled article)",
    )


def main_parser() -> argparse.ArgumentParser:
    """The parser for opening the explorer; its help lists the verbs."""
    verbs = ", ".join(f"{verb.name} ({verb.summary})" for verb in VERBS)
    parser = argparse.ArgumentParser(
        prog="fintech-tui",
        description="Explore an analytical article as a map of its outline, companies, strategies and arguments.",
        epilog=f"Verbs: {verbs}. Run 'fintech-tui VERB --help' for each.",
    )
    parser.add_argument("--version", action="version", version=f"fintech-tui {__version__}")
    parser.add_argument("--lang", choices=("en", "zh"), help="label language at start (default: as last time)")
    parser.add_argument("--goto", metavar="KIND:ID", help="open straight on an item, e.g. entity:alipay or paragraph:5")
    parser.add_argument("--fresh", action="store_true", help="start at the top, not at the item shown last time")
    parser.add_argument(
        "--screenshot-dir", type=Path, metavar="DIR", help="where S saves screenshots (default: the data folder)"
    )
    pack_argument(parser)
    return parser


def verb_parser(verb: Verb) -> argparse.ArgumentParser:
    """The parser of one verb, set up by the function its row names."""
    parser = argparse.ArgumentParser(prog=f"fintech-tui {verb.name}", description=verb.description)
    set_up: Callable[[argparse.ArgumentParser], None] = resolve(verb.arguments)
    set_up(parser)
    return parser


def no_arguments(parser: argparse.ArgumentParser) -> None:
    """For verbs that take no arguments."""


def check_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--report", action="store_true", help="also list the gaps: thin or missing evidence")
    pack_argument(parser)


def export_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--format", "-f", choices=("md", "json", "html"), default="md")
    parser.add_argument("-o", "--output", type=Path, help="file to write (default: standard output)")
    parser.add_argument("--force", action="store_true", help="replace the output file if it exists")
    pack_argument(parser)


def new_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("name", type=Path, help="the folder to create (must not exist)")


def serve_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on (default: 127.0.0.1)")
    parser.add_argument("--port", type=int, default=8000, help="port to listen on (default: 8000)")
    pack_argument(parser)


def fail(message: str) -> int:
    """Print `message` as one line on stderr; the exit status for a failure."""
    print(f"fintech-tui: {message}", file=sys.stderr)
    return EXIT_FAILURE


def load(path: Path | None):  # type: ignore[no-untyped-def]
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
    """`fintech-tui check`: a one-line summary, or the list of problems; --report adds the gaps."""
    from fintech_tui.summary import count_items

    pack = load(args.pack)
    if isinstance(pack, int):
        return pack
    counts = ", ".join(f"{n} {noun}" for noun, n in count_items(pack))
    name = "bundled article" if args.pack is None else pack.origin
    print(f"{name}: valid — {counts}")
    if args.report:
        from fintech_tui.gaps import gap_report
        from fintech_tui.index import PackIndex

        print()
        print("\n".join(gap_report(PackIndex(pack)).lines()))
    return EXIT_OK


def run_export(args: argparse.Namespace) -> int:
    """`fintech-tui export`: the pack as md, json or html, to stdout or a new file."""
    from fintech_tui.export import exporter

    pack = load(args.pack)
    if isinstance(pack, int):
        return pack
    text = exporter(args.format)(pack)
    if args.output is None:
        sys.stdout.write(text)
        return EXIT_OK
    if args.output.exists() and not args.force:
        return fail(f"{args.output} exists; pass --force to replace it")
    args.output.write_text(text, encoding="utf-8")
    print(f"wrote {args.output}", file=sys.stderr)
    return EXIT_OK


def run_schema(args: argparse.Namespace) -> int:
    """`fintech-tui schema`: the JSON Schema of a pack file."""
    from fintech_tui.schema import schema_json

    sys.stdout.write(schema_json())
    return EXIT_OK


def run_new(args: argparse.Namespace) -> int:
    """`fintech-tui new NAME`: scaffold a valid pack; never touches an existing path."""
    from fintech_tui.scaffold import scaffold

    try:
        written = scaffold(args.name)
    except FileExistsError as error:
        return fail(str(error))
    for path in written:
        print(f"created {path}")
    print(f"next: edit the files, then run 'fintech-tui check {args.name}' and 'fintech-tui {args.name}'")
    return EXIT_OK


def run_serve(args: argparse.Namespace) -> int:
    """`fintech-tui serve`: the same explorer in a browser, through textual-serve."""
    pack = load(args.pack)  # fail here, with the loader's errors, rather than in the browser
    if isinstance(pack, int):
        return pack
    try:
        from textual_serve.server import Server
    except ImportError:
        return fail("serve needs textual-serve: pip install 'fintech-tui[serve]'")
    command = shlex.join([sys.executable, "-m", "fintech_tui", str(Path(pack.origin).resolve())])
    print(f"fintech-tui: serving on http://{args.host}:{args.port} (ctrl+c to stop)", file=sys.stderr)
    Server(command, host=args.host, port=args.port, title="fintech-tui").serve()
    return EXIT_OK


def run_explorer(args: argparse.Namespace) -> int:
    """Open the explorer on a pack (the bundled article by default)."""
    from fintech_tui.goto import parse_goto
    from fintech_tui.index import PackIndex
    from fintech_tui.settings import Settings

    pack = load(args.pack)
    if isinstance(pack, int):
        return pack
    index = PackIndex(pack)
    goto = None
    if args.goto:
        try:
            goto = parse_goto(args.goto, index)
        except ValueError as error:
            return fail(f"--goto {args.goto}: {error}")
    from fintech_tui.app import FintechApp  # deferred: Textual is the slow import

    app = FintechApp(
        pack,
        index=index,
        lang=args.lang,
        goto=goto,
        settings=Settings.load(),
        screenshot_dir=args.screenshot_dir,
        fresh=args.fresh,
    )
    app.run()
    app.save_settings()
    return app.return_code or EXIT_OK


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point for the `fintech-tui` console script."""
    argv = list(sys.argv[1:] if argv is None else argv)
    verbs = {verb.name: verb for verb in VERBS}
    try:
        if argv and argv[0] in verbs:
            verb = verbs[argv[0]]
            args = verb_parser(verb).parse_args(argv[1:])
            runner: Callable[[argparse.Namespace], int] = resolve(verb.run)
            return runner(args)
        return run_explorer(main_parser().parse_args(argv))
    except KeyboardInterrupt:
        return EXIT_FAILURE
    except Exception as error:  # one line for the user; the traceback on request
        if os.environ.get("FINTECH_TUI_DEBUG"):
            raise
        return fail(f"{type(error).__name__}: {error} (set FINTECH_TUI_DEBUG=1 for details)")
