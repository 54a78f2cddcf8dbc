"""The `draft` verb's arguments and runner, named by the CLI's verb table."""

from __future__ import annotations

import argparse
from pathlib import Path

from fintech_tui.cli.output import EXIT_OK, fail, load, say


def draft_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("article", type=Path, help="the article: UTF-8 .txt (a paragraph a line) or .md")
    parser.add_argument("folder", type=Path, help="the pack folder to create (must not exist)")


def run_draft(args: argparse.Namespace) -> int:
    """`fintech-tui draft ARTICLE DIR`: write a first pack, then print its gaps and what to do next."""
    from fintech_tui.draft import MissingExtra, draft_pack
    from fintech_tui.draft.reading import ArticleError

    if not args.article.is_file():
        return fail(f"{args.article}: no such file")
    try:
        drafted = draft_pack(args.article, args.folder)
    except (MissingExtra, ArticleError, FileExistsError) as error:
        return fail(str(error))
    for path in drafted.files:
        say(f"created {path}")
    say(
        f"drafted {drafted.paragraphs} paragraphs, {drafted.sections} outline nodes, "
        f"{drafted.entities} candidate entities, {drafted.figures} figures"
    )
    pack = load(args.folder)  # the draft must pass check; if not, its problems are printed
    if isinstance(pack, int):
        return pack
    from fintech_tui.queries.index import PackIndex
    from fintech_tui.render.gaps import gap_report

    say("")
    say("\n".join(gap_report(PackIndex(pack)).lines()))
    folder = args.folder
    say(
        "\nnext:\n"
        f"  1. review {folder}/entities.yaml and figures.yaml: keep what is right, set kinds, subjects and\n"
        "     metrics, and delete each `inference: drafted automatically — review` once checked\n"
        f"  2. fix the outline in {folder}/outline.yaml, then add strategies and the argument tree\n"
        f"  3. fintech-tui check --report {folder}   after each step\n"
        f"  4. fintech-tui --watch {folder}   to explore it, reloading as you save\n"
        f"  5. fintech-tui export -f md {folder}   to share it (or -f argdown, mermaid, dot, csv)"
    )
    return EXIT_OK
