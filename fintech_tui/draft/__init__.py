"""`fintech-tui draft ARTICLE DIR`: a first pack drafted from a raw article, to be reviewed.

Needs the `draft` extra (cn2an reads Chinese numerals, jieba tags names); this package is
imported only by that verb. One module per job: reading the article, the outline, figures,
entities, ids and writing the YAML.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path
from typing import Any

import msgspec

EXTRA = ("cn2an", "jieba")


class MissingExtra(RuntimeError):
    """The draft extra is not installed."""


def require_extra() -> None:
    """Raise MissingExtra naming the extra when its libraries are not installed."""
    missing = [name for name in EXTRA if importlib.util.find_spec(name) is None]
    if missing:
        raise MissingExtra(
            f"draft needs {' and '.join(missing)}: install the draft extra, pip install 'fintech-tui[draft]'"
        )


class Drafted(msgspec.Struct, frozen=True):
    """What `draft` wrote and how much it found."""

    files: list[Path]
    paragraphs: int
    sections: int
    entities: int
    figures: int


def draft_pack(article: Path, folder: Path) -> Drafted:
    """Draft a pack for `article` (.txt or .md) into the new `folder`."""
    require_extra()
    if folder.exists():  # before any slow work, and again when writing
        raise FileExistsError(f"{folder} already exists; choose a new folder (nothing was written)")
    from fintech_tui.draft.entities import AUTHOR, draft_entities
    from fintech_tui.draft.figures import draft_figures
    from fintech_tui.draft.outline import bilingual, draft_outline
    from fintech_tui.draft.reading import read_article
    from fintech_tui.draft.writing import write_pack

    blocks = read_article(article)
    width = max(2, len(str(len(blocks))))
    ids = [f"p{i:0{width}d}" for i in range(1, len(blocks) + 1)]
    paragraphs = [(pid, block.text) for pid, block in zip(ids, blocks, strict=True)]
    outline = draft_outline(blocks, ids)
    entities = draft_entities(paragraphs)
    figures = draft_figures(paragraphs)
    meta: dict[str, Any] = {"title": bilingual(blocks[0].text)}
    byline = AUTHOR.search("\n".join(block.text for block in blocks[:3]))  # 作者：李明 under the title
    if byline:
        meta["author"] = byline.group(1)
    meta["note"] = f"Drafted by fintech-tui draft from {article.name}; every drafted item is flagged for review."
    sections: dict[str, dict[str, Any]] = {
        "meta.yaml": {"meta": meta},
        "source.yaml": {"paragraphs": [{"id": pid, "text": text} for pid, text in paragraphs]},
        "outline.yaml": {"outline": outline},
        "entities.yaml": {"entities": entities},
        "figures.yaml": {"figures": figures},
    }
    files = write_pack(folder, sections)
    nodes = sum(1 for _ in _walk(outline))
    return Drafted(files, len(paragraphs), nodes, len(entities), len(figures))


def _walk(nodes: list[dict[str, Any]]) -> Any:
    """Every drafted outline node, nested ones included (as `check` counts them)."""
    for node in nodes:
        yield node
        yield from _walk(node.get("children", []))
