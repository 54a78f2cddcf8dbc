"""Command line: parse arguments, dispatch verbs, map failures to exit codes.

Textual is imported only when the explorer actually opens, so `check` stays
quick. The verbs are rows of `verbs.VERBS`; what a verb prints goes through
`output`.
"""

from __future__ import annotations

import io
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from fintech_tui.cli.output import (
    EXIT_FAILURE,
    EXIT_INTERRUPTED,
    EXIT_OK,
    OutputError,
    fail,
    load,
    os_failure,
    say,
    shown,
    write_data,
)
from fintech_tui.cli.verbs import VERBS, ExplorerOptions, resolve
from fintech_tui.i18n import counted

if TYPE_CHECKING:
    import argparse

    from fintech_tui.model import Pack


def run_check(args: argparse.Namespace) -> int:
    """`fintech-tui check`: a one-line summary, or the list of problems; --report adds the gaps."""
    from fintech_tui.library.discover import is_library as library_folder
    from fintech_tui.queries.summary import count_items

    if args.pack is not None and library_folder(args.pack):
        from fintech_tui.cli.library import check_library

        return check_library(args)
    pack = load(args.pack, refused="pack invalid")
    if isinstance(pack, int):
        return pack
    counts = ", ".join(f"{n} {noun}" for noun, n in count_items(pack))
    name = "bundled article" if args.pack is None else pack.origin
    say(f"{name}: valid — {counts}")
    if args.report:
        from fintech_tui.queries.index import PackIndex
        from fintech_tui.render.gaps import gap_report

        say("")
        say("\n".join(gap_report(PackIndex(pack)).lines()))
    return EXIT_OK


def run_export(args: argparse.Namespace) -> int:
    """`fintech-tui export`: the pack as md, json or html, to stdout or a new file."""
    from fintech_tui.export import export_formats, exporter
    from fintech_tui.library.discover import is_library as library_folder

    if args.pack is not None and library_folder(args.pack):
        from fintech_tui.cli.library import export_library

        return export_library(args)
    if getattr(args, "entity", None) is not None:
        return fail("--entity names an entity across a library: give a LIBRARY folder")
    pack = load(args.pack)
    if isinstance(pack, int):
        return pack
    if any(fmt.folder for fmt in export_formats() if fmt.name == args.format):
        return run_folder_export(args, pack)
    text = exporter(args.format)(pack)
    if args.output is None:
        write_data(text)
        return EXIT_OK
    from fintech_tui.util.safe_files import UnsafeFile, write_new

    try:  # a new file is created exclusively; --force writes beside it and renames over it
        write_new(args.output, text.encode("utf-8"), replace=args.force)
    except UnsafeFile as error:
        return fail(str(error))
    say(f"wrote {shown(args.output)}", err=True)
    return EXIT_OK


def run_schema(args: argparse.Namespace) -> int:
    """`fintech-tui schema`: the JSON Schema of a pack file."""
    from fintech_tui.model.schema import schema_json

    write_data(schema_json())
    return EXIT_OK


def run_new(args: argparse.Namespace) -> int:
    """`fintech-tui new NAME`: scaffold a valid pack; never touches an existing path."""
    from fintech_tui.cli.scaffold import scaffold

    try:
        written = scaffold(args.name)
    except OSError as error:  # the folder exists, or the system refused (a dangling link, no permission)
        return os_failure(error)
    for path in written:
        say(f"created {shown(path)}")
    say(f"next: edit the files, then run 'fintech-tui check {args.name}' and 'fintech-tui {args.name}'")
    return EXIT_OK


def run_explorer(args: ExplorerOptions) -> int:
    """Open the explorer on a pack (the bundled article by default), or on a library of packs."""
    if args.pack is not None and is_library(args.pack):
        return run_library(args)
    from fintech_tui.loader.memory import collector_paused, set_aside_for_good
    from fintech_tui.queries.goto import resolve_goto
    from fintech_tui.queries.index import PackIndex
    from fintech_tui.tui.settings import Settings

    pack = load(args.pack)
    if isinstance(pack, int):
        return pack
    with collector_paused():
        index = PackIndex(pack)
    set_aside_for_good()  # the pack and its index live as long as the explorer
    goto = None
    if args.goto:
        try:
            goto = resolve_goto(args.goto, index)
        except ValueError as error:
            return fail(f"--goto {args.goto}: {error}")
    from fintech_tui.cli.shutdown import run_app
    from fintech_tui.tui.app import FintechApp  # deferred: Textual is the slow import

    app = FintechApp(
        pack,
        index=index,
        lang=args.lang,
        goto=goto,
        settings=Settings.load(),
        screenshot_dir=args.screenshot_dir,
        fresh=args.fresh,
        watch=Path(pack.origin) if args.watch else None,
        set_aside=True,  # this process is the explorer's alone
    )
    run_app(app)  # SIGTERM and SIGHUP exit through the app's own shutdown
    app.save_settings()
    return app.return_code or EXIT_OK


def is_library(path: Path) -> bool:
    """Whether `path` is a library: a folder that is not itself a pack (see `library.discover`)."""
    from fintech_tui.library.discover import is_library as holds_packs

    return holds_packs(path)


def run_library(args: ExplorerOptions) -> int:
    """Open the Library view on a folder of packs; each article opens in the explorer from there."""
    if args.goto:
        return fail(f"--goto {args.goto}: a library has many articles; open one from the library, then go to the item")
    assert args.pack is not None
    from fintech_tui.cli.shutdown import run_app
    from fintech_tui.tui.library_app import LibraryApp  # deferred: Textual is the slow import
    from fintech_tui.tui.settings import Settings

    app = LibraryApp(
        args.pack,
        lang=args.lang,
        settings=Settings.load(),
        screenshot_dir=args.screenshot_dir,
        fresh=args.fresh,
        watch=args.watch,
    )
    run_app(app)
    app.save_settings()
    return app.return_code or EXIT_OK


def unknown_verb(argv: list[str], verbs: Sequence[str]) -> str | None:
    """A message when the first word is neither a verb nor an existing pack but looks like a verb."""
    if not argv or argv[0].startswith("-") or os.sep in argv[0] or Path(argv[0]).exists():
        return None
    import difflib

    close = difflib.get_close_matches(argv[0], verbs, n=1)
    return f"unknown verb or pack {argv[0]!r} — did you mean {close[0]}?" if close else None


def tolerant_streams() -> None:
    """Let output that the terminal's encoding cannot show degrade to escapes instead of crashing."""
    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper):
            try:
                stream.reconfigure(errors="backslashreplace")
            except (ValueError, io.UnsupportedOperation):
                continue


def dispatch(argv: list[str]) -> int:
    """Parse `argv` and run the verb (or the explorer) it names."""
    verbs = {verb.name: verb for verb in VERBS}
    if argv and argv[0] in verbs:
        from fintech_tui.cli.arguments import verb_parser

        verb = verbs[argv[0]]
        args = verb_parser(verb).parse_args(argv[1:])
        runner: Callable[[argparse.Namespace], int] = resolve(verb.run)
        return runner(args)
    if (message := unknown_verb(argv, list(verbs))) is not None:
        return fail(message)
    if not argv:
        return run_explorer(ExplorerOptions())  # nothing to parse: argparse stays unloaded
    from fintech_tui.cli.arguments import explorer_options

    return run_explorer(explorer_options(argv))


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point for the `fintech-tui` console script."""
    from fintech_tui.cli.shutdown import exit_on_stop_signals

    argv = list(sys.argv[1:] if argv is None else argv)
    tolerant_streams()
    try:
        with exit_on_stop_signals():  # SIGTERM/SIGHUP unwind, so temporary files are removed
            status = dispatch(argv)
            if sys.stdout is not None:
                sys.stdout.flush()  # a full disk or closed pipe shows up here, not at exit
            return status
    except KeyboardInterrupt:  # Ctrl+C: stop at once, with one line and no traceback
        fail("interrupted")
        return EXIT_INTERRUPTED
    except BrokenPipeError:  # the reader went away (`| head`): stop quietly
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_FAILURE
    except OutputError as error:
        return fail(str(error))
    except OSError as error:  # a path the system refused (too long, not a folder, no permission)
        return os_failure(error)
    except Exception as error:  # one line for the user; the traceback on request
        if os.environ.get("FINTECH_TUI_DEBUG"):
            raise
        return fail(f"{type(error).__name__}: {error} (set FINTECH_TUI_DEBUG=1 for details)")


def run_folder_export(args: argparse.Namespace, pack: Pack) -> int:
    """`export -f vault -o DIR`: the files into a new folder, then where they went."""
    if args.output is None:
        return fail(f"-f {args.format} writes a folder: name a new one with -o DIR")
    from fintech_tui.export.folders import folder_exporter, write_files

    try:
        written = write_files(args.output, folder_exporter(args.format)(pack))
    except OSError as error:
        return os_failure(error)
    say(f"wrote {counted(len(written), 'files')} into {shown(args.output)}", err=True)
    return EXIT_OK
