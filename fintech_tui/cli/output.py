"""What a command says to a person: `say`, `fail`, bulk output, and loading a pack with its problems shown.

Everything printed for a person goes through `say` (or `fail`), which shows
control characters from paths and content as visible stand-ins; bulk output
(an export, the schema) is exact when piped and neutralised on a terminal.

Exit status: 0 success, 2 invalid content, 1 any other failure, 130 when
interrupted (128 + the signal for SIGTERM and SIGHUP). Every verb's runner
imports these from here, the dispatcher included, so none imports the dispatcher.
"""

from __future__ import annotations

import os
import sys
import typing
from pathlib import Path

from fintech_tui.util.bundled import bundled_pack_path
from fintech_tui.util.sanitize import neutralise

EXIT_OK, EXIT_FAILURE, EXIT_INVALID, EXIT_INTERRUPTED = 0, 1, 2, 130


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
    """Print `message` as one line on stderr (a newline in a name shows as ␊); the exit status for a failure."""
    say(f"fintech-tui: {shown(message)}", err=True)
    return EXIT_FAILURE


def shown(name: object) -> str:
    """`name` (a path, a message naming one) on one line: a newline in it shows as ␊."""
    return str(name).replace("\n", "\u240a")


def os_failure(error: OSError) -> int:
    """One line for what the operating system refused: the path, then the cause in its words."""
    return fail(describe_os_error(error))


def describe_os_error(error: OSError) -> str:
    """`PATH: cause` (a long path shortened in the middle); a dangling symlink says where it points."""
    if error.filename is None:
        return str(error)
    name = os.fsdecode(error.filename)
    cause = (error.strerror or str(error)).lower()
    if isinstance(error, FileExistsError) and os.path.islink(name) and not os.path.exists(name):
        cause = f"a symlink to {os.readlink(name)}, which does not exist; nothing was written"
    if len(name) > MAX_PATH_CHARS:
        keep = MAX_PATH_CHARS // 2
        name = f"{name[:keep]}…({len(name) - 2 * keep:,} more)…{name[-keep:]}"
    return f"{name}: {cause}"


MAX_PATH_CHARS = 120  # of a path in a one-line error; the rest is elided in the middle


def load(path: Path | None, refused: str = "pack not opened"):  # type: ignore[no-untyped-def]
    """Load a pack or print its problems; returns the Pack or an exit status. `refused` ends the
    summary line: what the verb did not do (`check` opens nothing, so it says the pack is invalid)."""
    from fintech_tui.cli.progress import TerminalProgress
    from fintech_tui.loader import PackError, load_pack

    if path is not None and not path.exists() and not path.is_symlink():
        return fail(f"{path}: no such file or folder")  # exit 1: a path that is not there is not invalid content (2)
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
                f"fintech-tui: stopped after {count:,} problems (fix these, then check again); {refused}",
                err=True,
            )
        else:
            from fintech_tui.i18n import counted  # a refused pack only

            say(f"fintech-tui: {counted(count, 'problems')}; {refused}", err=True)
        return EXIT_INVALID
    finally:
        if progress is not None:
            progress.close()
