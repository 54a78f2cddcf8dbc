"""The verbs on a LIBRARY folder: `check LIBRARY` and `export LIBRARY` (`draft … LIBRARY` lives with draft).

A library opens through its index, with progress on a terminal while packs are indexed; a
pack that fails is reported with its problems and the others are still checked.
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path
from typing import TYPE_CHECKING

from fintech_tui.cli.output import EXIT_INVALID, EXIT_OK, fail, say, write_data
from fintech_tui.i18n import counted

if TYPE_CHECKING:
    from fintech_tui.library.catalog import Library

PAGE = 500


def open_library(folder: Path) -> Library | int:
    """The library at `folder`, indexed with a progress bar on a terminal; an exit status if it cannot open."""
    from fintech_tui.cli.progress import TerminalProgress
    from fintech_tui.library.catalog import IndexUnusable, Library

    bar = TerminalProgress.for_terminal()

    def progress(done: int, total: int) -> None:
        if bar is not None and total:
            bar.reading(f"indexing pack {done:,} of {total:,}", done, total, done)

    try:
        return Library.open(folder, progress=progress)
    except IndexUnusable as error:
        return fail(str(error))
    finally:
        if bar is not None:
            bar.close()


def check_library(args: argparse.Namespace) -> int:
    """`check LIBRARY`: a line per valid pack, every problem of each broken one; 2 if any is broken."""
    library = open_library(args.pack)
    if isinstance(library, int):
        return library
    broken = total = 0
    with library:
        offset = 0
        while page := library.articles(sort="key", descending=False, offset=offset, limit=PAGE):
            offset += len(page)
            for article in page:
                total += 1
                if article.problems:
                    broken += 1
                    for problem in article.problems:
                        say(_as_given(problem, library.folder, args.pack), err=True)
                    count = len(article.problems)
                    say(f"{article.key}: {counted(count, 'problems')}", err=True)
                else:
                    counts = (
                        counted(n, noun)
                        for n, noun in (
                            (article.entities, "entities"),
                            (article.claims, "claims"),
                            (article.figures, "figures"),
                        )
                    )
                    say(f"{article.key}: valid — {', '.join(counts)}")
    summary = f"library {args.pack}: {total - broken} of {total} packs valid"
    if broken:
        say(f"fintech-tui: {summary}; {broken} broken", err=True)
        return EXIT_INVALID
    say(summary)
    return EXIT_OK


def _as_given(problem: str, folder: Path, given: Path) -> str:
    """A problem's file named as the user named the library (the index keeps the full path)."""
    prefix = f"{folder}{os.sep}"
    return f"{given}{os.sep}{problem[len(prefix) :]}" if problem.startswith(prefix) else problem


def export_library(args: argparse.Namespace) -> int:
    """`export LIBRARY`: -f json for the whole library; --entity NAME with -f md or csv for one entity."""
    from fintech_tui.export.library import UnknownEntity, entity_csv, entity_markdown, library_json

    entity = getattr(args, "entity", None)
    if entity is None and args.format != "json":
        return fail(f"-f {args.format} of a library needs --entity NAME (md or csv); -f json exports the whole library")
    if entity is not None and args.format not in ("md", "csv"):
        return fail(f"--entity exports as -f md or -f csv, not {args.format}")
    library = open_library(args.pack)
    if isinstance(library, int):
        return library
    with library:
        try:
            if entity is None:
                text = library_json(library)
            else:
                text = (entity_markdown if args.format == "md" else entity_csv)(library, entity)
        except UnknownEntity as error:
            return fail(str(error))
    if args.output is None:
        write_data(text)
        return EXIT_OK
    from fintech_tui.util.safe_files import UnsafeFile, write_new

    try:
        write_new(args.output, text.encode("utf-8"), replace=args.force)
    except UnsafeFile as error:
        return fail(str(error))
    say(f"wrote {args.output}", err=True)
    return EXIT_OK
