"""The `draft` verb's arguments and runner, named by the CLI's verb table.

One article drafts into the folder given; several articles, or a folder of them, draft one
pack each into a new folder, loading the dictionaries once and saying as it goes which
article it has drafted.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from fintech_tui.cli.output import EXIT_FAILURE, EXIT_OK, fail, load, say

ARTICLE_SUFFIXES = (".txt", ".md", ".markdown")


def draft_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "paths",
        nargs="+",
        type=Path,
        metavar="ARTICLE... DIR",
        help="the article(s): UTF-8 .txt (a paragraph a line, or hard-wrapped with blank lines between) or .md, "
        "or a folder of them; then the folder to create (must not exist): the pack itself for one article, "
        "one pack per article inside it for several; or an existing LIBRARY folder, to add a pack per article to it",
    )


def run_draft(args: argparse.Namespace) -> int:
    """`fintech-tui draft ARTICLE... DIR`: write a first pack per article, then print what to do next."""
    if len(args.paths) < 2:
        return fail("draft needs an article and a folder to create: fintech-tui draft ARTICLE... DIR")
    *sources, folder = args.paths
    articles: list[Path] = []
    for source in sources:
        if source.is_dir():
            articles += sorted(p for p in source.iterdir() if p.is_file() and p.suffix.lower() in ARTICLE_SUFFIXES)
        elif source.is_file():
            articles.append(source)
        else:
            return fail(f"{source}: no such file or folder")
    if not articles:
        return fail(f"{', '.join(map(str, sources))}: no .txt or .md articles to draft")
    if folder.exists():
        from fintech_tui.library.discover import is_pack_folder

        if folder.is_dir() and not is_pack_folder(folder):
            return _draft_many(articles, folder, library=True)
        return fail(f"{folder} already exists; choose a new folder (nothing was written)")
    if len(articles) == 1 and not sources[0].is_dir():
        return _draft_one(articles[0], folder)
    return _draft_many(articles, folder)


def _draft_one(article: Path, folder: Path) -> int:
    from fintech_tui.draft import MissingExtra, draft_pack
    from fintech_tui.draft.reading import ArticleError

    try:
        drafted = draft_pack(article, folder)
    except (MissingExtra, ArticleError, FileExistsError) as error:
        return fail(str(error))
    for path in drafted.files:
        say(f"created {path}")
    say(f"drafted {drafted.describe()}")
    pack = load(folder)  # the draft must pass check; if not, its problems are printed
    if isinstance(pack, int):
        return pack
    from fintech_tui.queries.index import PackIndex
    from fintech_tui.render.gaps import gap_report

    say("")
    say("\n".join(gap_report(PackIndex(pack)).lines()))
    say(
        "\nnext:\n"
        f"  1. review {folder}/entities.yaml and figures.yaml: keep what is right, fix kinds, subjects and\n"
        "     metrics, and delete each `inference: drafted automatically — review` once checked\n"
        f"  2. fix the outline in {folder}/outline.yaml and the argument skeleton in arguments.yaml,\n"
        "     then add strategies\n"
        f"  3. fintech-tui check --report {folder}   after each step\n"
        f"  4. fintech-tui --watch {folder}   to explore it, reloading as you save\n"
        f"  5. fintech-tui export -f md {folder}   to share it (or -f argdown, mermaid, dot, csv)"
    )
    return EXIT_OK


def _draft_many(articles: list[Path], folder: Path, *, library: bool = False) -> int:
    """One pack per article inside `folder`: a new folder, or (`library`) an existing library,
    where a pack never takes the name of anything already there."""
    from fintech_tui.draft import MissingExtra, draft_pack, require_extra
    from fintech_tui.draft.reading import ArticleError

    try:
        require_extra()
    except MissingExtra as error:
        return fail(str(error))
    taken = (
        {Path(p.name).stem.lower() for p in folder.iterdir()} | {p.name.lower() for p in folder.iterdir()}
        if library
        else set()
    )
    targets = _pack_folders(articles, folder, taken)
    failed = 0
    for number, (article, target) in enumerate(targets.items(), start=1):
        try:
            drafted = draft_pack(article, target)
        except (ArticleError, FileExistsError) as error:
            failed += 1
            say(f"fintech-tui: {error}", err=True)
            continue
        say(f"[{number}/{len(targets)}] {article} → {target}: {drafted.describe()}")
    done = len(targets) - failed
    if library:
        say(f"added {done} of {len(targets)} drafted packs to the library {folder}; next: fintech-tui check {folder}")
    else:
        say(f"drafted {done} of {len(targets)} articles into {folder}; next: fintech-tui check --report {folder}/NAME")
    return EXIT_FAILURE if failed else EXIT_OK


def _pack_folders(articles: list[Path], folder: Path, taken: set[str] | None = None) -> dict[Path, Path]:
    """A pack folder inside `folder` for each article, named by its stem (a-2 where two share one,
    or where `taken` already holds the name)."""
    targets: dict[Path, Path] = {}
    taken = set(taken or ())
    for article in articles:
        name, n = article.stem or "article", 2
        while name.lower() in taken:
            name, n = f"{article.stem}-{n}", n + 1
        taken.add(name.lower())
        targets[article] = folder / name
    return targets
