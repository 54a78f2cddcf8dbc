"""Links between claims of different articles (an argument's `across`), checked over the whole library.

A pack checks the form of its own links (`loader.checks.PackChecker.check_across`); only the
library knows whether the claim a link names exists. `problems` says, for each link that
names no claim of the library (or a claim of its own article), where it was written:
`FILE:LINE:COL: arguments[3].across[0].claim: …`, as the loader says every other problem.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from fintech_tui.library.catalog import Library


def problems(library: Library) -> Iterator[tuple[str, str]]:
    """(article key, located problem) for each link that names no claim of another article."""
    for article, claim, position, link in library.dangling_links():
        if link.article == article:
            why = f"claim {link.claim!r} is of this same article: a link names another article"
        else:
            try:
                library.article(link.article)
            except KeyError:
                why = f"the library holds no article {link.article!r}"
            else:
                why = f"article {link.article!r} has no claim {link.claim!r}"
        yield article, _located(library, article, claim, position, why)


def _located(library: Library, article: str, claim: str, position: int, why: str) -> str:
    """`why`, placed at the link's `claim` field in the pack's files (the pack itself when not found)."""
    from fintech_tui.library.extract import read_pack_files
    from fintech_tui.loader.parallel import parse_files

    path = Path(library.article(article).path)
    files = read_pack_files(path)
    for doc, _ in parse_files([(str(file), raw) for file, raw in files], sections=["arguments"]):
        if doc is None or not isinstance(doc.data, dict):
            continue
        at = _argument_at(doc.data.get("arguments"), claim)
        if at is not None:
            return str(doc.problem(("arguments", at, "across", position, "claim"), why))
    return f"{path}: arguments (id {claim}).across[{position}].claim: {why}"


def _argument_at(arguments: Any, claim: str) -> int | None:
    if not isinstance(arguments, list):
        return None
    for i, argument in enumerate(arguments):
        if isinstance(argument, dict) and str(argument.get("id", "")) == claim:
            return i
    return None
