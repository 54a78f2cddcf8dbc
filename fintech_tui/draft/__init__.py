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
    arguments: int = 0
    terms: int = 0

    def describe(self) -> str:
        """The counts in one line: "12 paragraphs, 5 outline nodes, …"."""
        from fintech_tui.i18n import counted

        return ", ".join(
            counted(count, noun)
            for count, noun in (
                (self.paragraphs, "paragraphs"),
                (self.sections, "outline nodes"),
                (self.entities, "entities"),
                (self.figures, "figures"),
                (self.arguments, "claims"),
                (self.terms, "glossary terms"),
            )
        )


def draft_pack(article: Path, folder: Path) -> Drafted:
    """Draft a pack for `article` (.txt or .md) into the new `folder`."""
    require_extra()
    if folder.exists():  # before any slow work, and again when writing
        raise FileExistsError(f"{folder} already exists; choose a new folder (nothing was written)")
    from fintech_tui.draft.limits import within_limits
    from fintech_tui.draft.reading import read_article
    from fintech_tui.draft.writing import write_pack

    sections = within_limits(draft_sections(read_article(article), article.name), str(article))
    files = write_pack(folder, sections)
    outline = sections["outline.yaml"]["outline"]
    return Drafted(
        files,
        len(sections["source.yaml"]["paragraphs"]),
        sum(1 for _ in _walk(outline)),
        len(sections["entities.yaml"]["entities"]),
        len(sections["figures.yaml"]["figures"]),
        len(sections["arguments.yaml"]["arguments"]),
        len(sections["glossary.yaml"]["glossary"]),
    )


def draft_sections(blocks: list[Any], name: str) -> dict[str, dict[str, Any]]:
    """The pack's files (file name → its top-level mapping) drafted from an article's blocks."""
    from fintech_tui.draft.arguments import draft_arguments
    from fintech_tui.draft.assemble import draft_entities, draft_figures, entity_ids
    from fintech_tui.draft.finders import finders_for
    from fintech_tui.draft.glossary import draft_glossary, known_terms
    from fintech_tui.draft.language import language_of
    from fintech_tui.draft.mentions import Mentions
    from fintech_tui.draft.meta import draft_meta
    from fintech_tui.draft.outline import draft_outline, frame_of, header_period

    width = max(2, len(str(len(blocks))))
    ids = [f"p{i:0{width}d}" for i in range(1, len(blocks) + 1)]
    paragraphs = [(pid, block.text) for pid, block in zip(ids, blocks, strict=True)]
    language = language_of(text for _, text in paragraphs)
    find = finders_for(language)
    frame = frame_of(blocks)
    names = [n for n in find.names(paragraphs) if n.name not in known_terms()]  # GMV is a term, not a name
    known = entity_ids(names)
    entities = draft_entities(names, paragraphs, known)
    kept = {e["id"] for e in entities}
    names = [n for n in names if known[n.name] in kept]
    known = {name: entity_id for name, entity_id in known.items() if entity_id in kept}
    body = range(frame.start, frame.end + 1)  # the page information's date is no header of a figure
    headers = [header_period(block, find.periods) if i in body else None for i, block in enumerate(blocks)]
    figures = draft_figures(paragraphs, names, known, find.figures, headers, find.reader(Mentions(names)))
    arguments = draft_arguments(blocks, ids, frame, Mentions(names), known)
    glossary = draft_glossary(paragraphs, set(known))
    meta = draft_meta(blocks, frame)
    meta["note"] = f"Drafted by fintech-tui draft from {name}; every drafted item is flagged for review."
    return {
        "meta.yaml": {"meta": meta},
        "source.yaml": {"paragraphs": [{"id": pid, "text": text} for pid, text in paragraphs]},
        "outline.yaml": {"outline": draft_outline(blocks, ids)},
        "entities.yaml": {"entities": entities},
        "figures.yaml": {"figures": figures},
        "arguments.yaml": {"arguments": arguments},
        "glossary.yaml": {"glossary": glossary},
    }


def _walk(nodes: list[dict[str, Any]]) -> Any:
    """Every drafted outline node, nested ones included (as `check` counts them)."""
    for node in nodes:
        yield node
        yield from _walk(node.get("children", []))
