"""Command line: parse arguments, dispatch verbs, map failures to exit codes.

Exit status: 0 success, 2 invalid content, 1 any other failure. Textual is
imported only when the explorer actually opens, so `check` stays quick.
"""

from __future__ import annotations

import argparse
import os
import shlex
import sys
from collections.abc import Sequence
from pathlib import Path

from fintech_tui import __version__
from fintech_tui.bundled import bundled_pack_path

EXIT_OK, EXIT_FAILURE, EXIT_INVALID = 0, 1, 2


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
        description="Explore an analytical article as a map of its outline, companies, strategies and arguments.",
        epilog="Verbs: check (validate; --report for gaps), export (md, json, html), schema (JSON Schema "
        "of the pack format), new (scaffold a pack), serve (the explorer in a browser). "
        "Run 'fintech-tui VERB --help' for each.",
    )
    main.add_argument("--version", action="version", version=f"fintech-tui {__version__}")
    main.add_argument("--lang", choices=("en", "zh"), help="label language at start (default: as last time)")
    main.add_argument("--goto", metavar="KIND:ID", help="open straight on an item, e.g. entity:alipay or paragraph:5")
    main.add_argument("--fresh", action="store_true", help="start at the top, not at the item shown last time")
    main.add_argument(
        "--screenshot-dir", type=Path, metavar="DIR", help="where S saves screenshots (default: the data folder)"
    )
    _pack_argument(main)

    check = argparse.ArgumentParser(
        prog="fintech-tui check",
        description="Validate a pack and print a summary, or every problem as FILE:LINE:COL: field: message.",
    )
    check.add_argument("--report", action="store_true", help="also list the gaps: thin or missing evidence")
    _pack_argument(check)

    export = argparse.ArgumentParser(
        prog="fintech-tui export", description="Write the whole pack as Markdown, JSON (the pack format) or HTML."
    )
    export.add_argument("--format", "-f", choices=("md", "json", "html"), default="md")
    export.add_argument("-o", "--output", type=Path, help="file to write (default: standard output)")
    export.add_argument("--force", action="store_true", help="replace the output file if it exists")
    _pack_argument(export)

    schema = argparse.ArgumentParser(
        prog="fintech-tui schema", description="Print a JSON Schema of one pack file, for YAML editors."
    )

    new = argparse.ArgumentParser(prog="fintech-tui new", description="Create a minimal valid pack in a new folder.")
    new.add_argument("name", type=Path, help="the folder to create (must not exist)")

    serve = argparse.ArgumentParser(
        prog="fintech-tui serve", description="Run the explorer in a web browser (via textual-serve)."
    )
    serve.add_argument("--host", default="127.0.0.1", help="address to listen on (default: 127.0.0.1)")
    serve.add_argument("--port", type=int, default=8000, help="port to listen on (default: 8000)")
    _pack_argument(serve)
    return main, {"check": check, "export": export, "schema": schema, "new": new, "serve": serve}


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
    """`fintech-tui check`: a one-line summary, or the list of problems; --report adds the gaps."""
    from fintech_tui.summary import count_items

    pack = _load(args.pack)
    if isinstance(pack, int):
        return pack
    counts = ", ".join(f"{n} {name}" for name, n in count_items(pack))
    print(f"{pack.origin}: valid — {counts}")
    if args.report:
        from fintech_tui.gaps import gap_report
        from fintech_tui.index import PackIndex

        print()
        print("\n".join(gap_report(PackIndex(pack)).lines()))
    return EXIT_OK


def run_export(args: argparse.Namespace) -> int:
    """`fintech-tui export`: the pack as md, json or html, to stdout or a new file."""
    from fintech_tui.export import exporter

    pack = _load(args.pack)
    if isinstance(pack, int):
        return pack
    text = exporter(args.format)(pack)
    if args.output is None:
        sys.stdout.write(text)
        return EXIT_OK
    if args.output.exists() and not args.force:
        return _fail(f"{args.output} exists; pass --force to replace it")
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
        return _fail(str(error))
    for path in written:
        print(f"created {path}")
    print(f"next: edit the files, then run 'fintech-tui check {args.name}' and 'fintech-tui {args.name}'")
    return EXIT_OK


def run_serve(args: argparse.Namespace) -> int:
    """`fintech-tui serve`: the same explorer in a browser, through textual-serve."""
    pack = _load(args.pack)  # fail here, with the loader's errors, rather than in the browser
    if isinstance(pack, int):
        return pack
    try:
        from textual_serve.server import Server
    except ImportError:
        return _fail("serve needs textual-serve: pip install 'fintech-tui[serve]'")
    command = shlex.join([sys.executable, "-m", "fintech_tui", str(Path(pack.origin).resolve())])
    print(f"fintech-tui: serving on http://{args.host}:{args.port} (ctrl+c to stop)", file=sys.stderr)
    Server(command, host=args.host, port=args.port, title="fintech-tui").serve()
    return EXIT_OK


def run_explorer(args: argparse.Namespace) -> int:
    """Open the explorer on a pack (the bundled article by default)."""
    from fintech_tui.goto import parse_goto
    from fintech_tui.index import PackIndex
    from fintech_tui.settings import Settings

    pack = _load(args.pack)
    if isinstance(pack, int):
        return pack
    index = PackIndex(pack)
    goto = None
    if args.goto:
        try:
            goto = parse_goto(args.goto, index)
        except ValueError as error:
            return _fail(f"--goto {args.goto}: {error}")
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
    main_parser, verbs = build_parsers()
    try:
        if argv and argv[0] in verbs:
            args = verbs[argv[0]].parse_args(argv[1:])
            runners = {
                "check": run_check,
                "export": run_export,
                "schema": run_schema,
                "new": run_new,
                "serve": run_serve,
            }
            return runners[argv[0]](args)
        return run_explorer(main_parser.parse_args(argv))
    except KeyboardInterrupt:
        return EXIT_FAILURE
    except Exception as error:  # one line for the user; the traceback on request
        if os.environ.get("FINTECH_TUI_DEBUG"):
            raise
        return _fail(f"{type(error).__name__}: {error} (set FINTECH_TUI_DEBUG=1 for details)")
