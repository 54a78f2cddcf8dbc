"""Command line: parse arguments, dispatch verbs, map failures to exit codes.

Exit status: 0 success, 2 invalid content, 1 any other failure, 130 when
interrupted (128 + the signal for SIGTERM and SIGHUP). Textual is imported
only when the explorer actually opens, so `check` stays quick.

Everything printed for a person goes through `say` (or `fail`), which shows
control characters from paths and content as visible stand-ins; bulk output
(an export, the schema) is exact when piped and neutralised on a terminal.

Every verb is one row of `VERBS`; its parser set-up and runner are named by
import path and imported only when that verb runs, so adding a verb (or
moving one into its own module) is one row and costs the other verbs nothing.
"""

from __future__ import annotations

import importlib
import io
import os
import sys
import typing
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import msgspec

from fintech_tui.bundled import bundled_pack_path
from fintech_tui.sanitize import neutralise

if TYPE_CHECKING:
    import argparse

    from fintech_tui.index import Ref
    from fintech_tui.model import Lang

EXIT_OK, EXIT_FAILURE, EXIT_INVALID, EXIT_INTERRUPTED = 0, 1, 2, 130


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
        "fintech_tui.arguments:check_arguments",
        "fintech_tui.cli:run_check",
    ),
    Verb(
        "export",
        export_names,
        "Write the whole pack as Markdown, JSON (the pack format) or HTML, or one part of it for other tools.",
        "fintech_tui.arguments:export_arguments",
        "fintech_tui.cli:run_export",
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
        "fintech_tui.export.aif_import:import_arguments",
        "fintech_tui.export.aif_import:run_import",
    ),
    Verb(
        "schema",
        "JSON Schema of the pack format",
        "Print a JSON Schema of one pack file, for YAML editors.",
        "fintech_tui.arguments:no_arguments",
        "fintech_tui.cli:run_schema",
    ),
    Verb(
        "new",
        "scaffold a pack",
        "Create a minimal valid pack in a new folder.",
        "fintech_tui.arguments:new_arguments",
        "fintech_tui.cli:run_new",
    ),
    Verb(
        "serve",
        "the explorer in a browser",
        "Run the explorer in a web browser (via textual-serve).",
        "fintech_tui.serve:serve_arguments",
        "fintech_tui.serve:run_serve",
    ),
)


def resolve(target: str) -> Any:
    """The object a "module:attribute" path names, importing the module now."""
    module, _, attribute = target.partition(":")
    return getattr(importlib.import_module(module), attribute)


def verb_summary(verb: Verb) -> str:
    """The few words the main --help gives a verb."""
    return verb.summary if isinstance(verb.summary, str) else verb.summary()


class OutputError(Exception):
    """Standard output is closed, full or otherwise unwritable; the message says which."""


def _stream(err: bool) -> typing.TextIO | None:
    return sys.stderr if err else sys.stdout


def say(text: str, *, err: bool = False) -> None:
    """Print a line for a person, with control characters from paths and content made visible."""
    stream = _stream(err)
    if stream is None:
        if err:
            return  # nowhere to complain to
        raise OutputError("standard output is closed")
    try:
        print(neutralise(text), file=stream)
    except BrokenPipeError:
        raise
    except OSError as error:
        raise OutputError(f"cannot write to standard output: {(error.strerror or str(error)).lower()}") from None


def write_data(text: str) -> None:
    """Write bulk output (an export, the schema): exact when piped, neutralised on a terminal."""
    stream = sys.stdout
    if stream is None:
        raise OutputError("standard output is closed")
    try:
        stream.write(neutralise(text) if stream.isatty() else text)
    except BrokenPipeError:
        raise
    except OSError as error:
        raise OutputError(f"cannot write to standard output: {(error.strerror or str(error)).lower()}") from None


def fail(message: str) -> int:
    """Print `message` as one line on stderr; the exit status for a failure."""
    say(f"fintech-tui: {message}", err=True)
    return EXIT_FAILURE


def load(path: Path | None):  # type: ignore[no-untyped-def]
    """Load a pack or print its problems; returns the Pack or an exit status."""
    from fintech_tui.loader import PackError, load_pack
    from fintech_tui.progress_display import TerminalProgress

    progress = TerminalProgress.for_terminal()  # a bar on a terminal when the load is long
    try:
        return load_pack(path or bundled_pack_path(), progress=progress)
    except PackError as error:
        if progress is not None:
            progress.close()
        for problem in error.problems:
            say(str(problem), err=True)
        count = len(error.problems)
        if error.stopped:
            say(
                f"fintech-tui: stopped after {count:,} problems (fix these, then check again); pack not opened",
                err=True,
            )
        else:
            say(f"fintech-tui: {count} problem{'s' * (count != 1)}; pack not opened", err=True)
        return EXIT_INVALID
    finally:
        if progress is not None:
            progress.close()


def run_check(args: argparse.Namespace) -> int:
    """`fintech-tui check`: a one-line summary, or the list of problems; --report adds the gaps."""
    from fintech_tui.summary import count_items

    pack = load(args.pack)
    if isinstance(pack, int):
        return pack
    counts = ", ".join(f"{n} {noun}" for noun, n in count_items(pack))
    name = "bundled article" if args.pack is None else pack.origin
    say(f"{name}: valid — {counts}")
    if args.report:
        from fintech_tui.gaps import gap_report
        from fintech_tui.index import PackIndex

        say("")
        say("\n".join(gap_report(PackIndex(pack)).lines()))
    return EXIT_OK


def run_export(args: argparse.Namespace) -> int:
    """`fintech-tui export`: the pack as md, json or html, to stdout or a new file."""
    from fintech_tui.export import export_formats, exporter

    pack = load(args.pack)
    if isinstance(pack, int):
        return pack
    if any(fmt.folder for fmt in export_formats() if fmt.name == args.format):
        from fintech_tui.export.folders import run_folder_export

        return run_folder_export(args, pack)
    text = exporter(args.format)(pack)
    if args.output is None:
        write_data(text)
        return EXIT_OK
    from fintech_tui.safe_files import UnsafeFile, write_new

    try:  # a new file is created exclusively; --force writes beside it and renames over it
        write_new(args.output, text.encode("utf-8"), replace=args.force)
    except UnsafeFile as error:
        return fail(str(error))
    say(f"wrote {args.output}", err=True)
    return EXIT_OK


def run_schema(args: argparse.Namespace) -> int:
    """`fintech-tui schema`: the JSON Schema of a pack file."""
    from fintech_tui.schema import schema_json

    write_data(schema_json())
    return EXIT_OK


def run_new(args: argparse.Namespace) -> int:
    """`fintech-tui new NAME`: scaffold a valid pack; never touches an existing path."""
    from fintech_tui.scaffold import scaffold

    try:
        written = scaffold(args.name)
    except FileExistsError as error:
        return fail(str(error))
    for path in written:
        say(f"created {path}")
    say(f"next: edit the files, then run 'fintech-tui check {args.name}' and 'fintech-tui {args.name}'")
    return EXIT_OK


def parse_goto(value: str) -> Ref | str:
    """The Ref a `--goto KIND:ID` names, or the message saying what is wrong with it."""
    from fintech_tui.index import Ref
    from fintech_tui.model import kind_named, kinds

    kind, _, item_id = value.partition(":")
    if kind_named(kind) is None:
        names = ", ".join(k.name for k in kinds())
        return f"--goto {value}: the kind must be one of {names} (e.g. entity:alipay)"
    return Ref(kind, item_id)


class ExplorerOptions(msgspec.Struct, frozen=True):
    """How to open the explorer: its command line (see `arguments.main_parser`), with its defaults."""

    pack: Path | None = None
    lang: Lang | None = None
    goto: str | None = None
    fresh: bool = False
    watch: bool = False
    screenshot_dir: Path | None = None


def run_explorer(args: ExplorerOptions) -> int:
    """Open the explorer on a pack (the bundled article by default)."""
    from fintech_tui.goto import resolve_goto
    from fintech_tui.index import PackIndex
    from fintech_tui.loader.memory import collector_paused, set_aside_for_good
    from fintech_tui.settings import Settings

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
    from fintech_tui.app import FintechApp  # deferred: Textual is the slow import
    from fintech_tui.shutdown import run_app

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
        from fintech_tui.arguments import verb_parser

        verb = verbs[argv[0]]
        args = verb_parser(verb).parse_args(argv[1:])
        runner: Callable[[argparse.Namespace], int] = resolve(verb.run)
        return runner(args)
    if (message := unknown_verb(argv, list(verbs))) is not None:
        return fail(message)
    if not argv:
        return run_explorer(ExplorerOptions())  # nothing to parse: argparse stays unloaded
    from fintech_tui.arguments import explorer_options

    return run_explorer(explorer_options(argv))


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point for the `fintech-tui` console script."""
    from fintech_tui.shutdown import exit_on_stop_signals

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
    except Exception as error:  # one line for the user; the traceback on request
        if os.environ.get("FINTECH_TUI_DEBUG"):
            raise
        return fail(f"{type(error).__name__}: {error} (set FINTECH_TUI_DEBUG=1 for details)")
