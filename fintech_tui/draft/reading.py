"""Read a raw article into blocks: the paragraphs, each marked when Markdown made it a heading."""

from __future__ import annotations

from pathlib import Path

import msgspec


class Block(msgspec.Struct, frozen=True):
    """One paragraph of the article as written.

    `level` is its Markdown heading level (0: none); `marked` says the source marks its
    headings (Markdown), so a short line is not taken for one.
    """

    text: str
    level: int = 0
    marked: bool = False


class ArticleError(ValueError):
    """The article cannot be read (not UTF-8, or no text)."""


def read_article(path: Path) -> list[Block]:
    """The blocks of `path`: Markdown for `.md`/`.markdown`, otherwise one paragraph per non-empty line."""
    try:
        raw = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as error:
        raise ArticleError(f"{path}: not UTF-8 text (byte {error.start})") from None
    blocks = markdown_blocks(raw) if path.suffix.lower() in (".md", ".markdown") else text_blocks(raw)
    if not blocks:
        raise ArticleError(f"{path}: no text to draft from")
    return blocks


def text_blocks(raw: str) -> list[Block]:
    """One block per line that holds more than white space, kept verbatim but for the line ending."""
    return [Block(line.rstrip("\r")) for line in raw.split("\n") if line.strip()]


def markdown_blocks(raw: str) -> list[Block]:
    """Headings and paragraphs (list items and quotes included) as Markdown parses them.

    A paragraph wrapped over several lines becomes one block, its lines joined with a
    space only between Latin words, as Chinese text wraps without one. Code is skipped:
    it is not prose an argument map cites.
    """
    from markdown_it import MarkdownIt  # deferred: only Markdown input needs it

    blocks: list[Block] = []
    level = 0
    for token in MarkdownIt("commonmark").parse(raw):
        if token.type == "heading_open":
            level = int(token.tag[1:])
        elif token.type == "heading_close":
            level = 0
        elif token.type == "inline" and token.content.strip():
            blocks.append(Block(_join_lines(token.content), level, marked=True))
    return blocks


def _join_lines(content: str) -> str:
    lines = [line.strip() for line in content.split("\n") if line.strip()]
    joined = lines[0]
    for line in lines[1:]:
        latin = joined[-1].isascii() and joined[-1].isalnum() and line[0].isascii() and line[0].isalnum()
        joined += (" " if latin else "") + line
    return joined
