"""Read a raw article into blocks: the paragraphs, each marked when Markdown made it a heading or a list item."""

from __future__ import annotations

import itertools
import re
from pathlib import Path

import msgspec

from fintech_tui.util.safe_files import UnsafeFile, read_capped


class Block(msgspec.Struct, frozen=True):
    """One paragraph of the article as written.

    `level` is its Markdown heading level (0: none); `marked` says the source marks its
    headings (Markdown), so a short line is not taken for one; `listed` says it is a
    list item (a bullet), which is never a heading.
    """

    text: str
    level: int = 0
    marked: bool = False
    listed: bool = False


class ArticleError(ValueError):
    """The article cannot be read (not UTF-8, or no text)."""


MAX_ARTICLE_BYTES = 4 * 1024 * 1024  # a long report is 100 KB; four megabytes is a book, not an article
MAX_PARAGRAPH = 50_000  # characters: a longer line is a dump, not a paragraph an analyst wrote
HTML = re.compile(r"^\s*(?:<!doctype\s+html|<html[\s>])", re.IGNORECASE)
TAGS = re.compile(r"</?(?:p|div|span|a|br|img|script|style|head|body|table|tr|td|li|ul|h[1-6])\b[^>]*>", re.IGNORECASE)
HTML_TAGS = 8  # this many tags in the first 20,000 characters: an HTML page
BULLET = re.compile(r"^\s*(?:[-*+•·●▪◆■□○◦]|\u2022)\s+")
WRAP_WIDTH = 100  # a file whose every line fits in this many characters may be hard-wrapped
SENTENCE_ENDS = tuple('。！？；.!?;:：”」"')
WRAPPED_SHARE = 0.6  # a line at least this share of the longest line continues into the next


def read_article(path: Path) -> list[Block]:
    """The blocks of `path`: Markdown for `.md`/`.markdown`, otherwise plain-text paragraphs.

    Refused with one line before any slow work: a file over MAX_ARTICLE_BYTES, one that is
    not UTF-8 or holds NUL bytes, an HTML page, and a paragraph too long to be prose.
    """
    try:
        data = read_capped(path, MAX_ARTICLE_BYTES)
    except UnsafeFile as error:
        raise ArticleError(f"{path}: {error}") from None
    try:
        raw = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ArticleError(f"{path}: not UTF-8 text (byte {error.start})") from None
    raw = _one_line_ending(raw)
    if "\x00" in raw:
        raise ArticleError(f"{path}: line {raw.count(chr(10), 0, raw.index(chr(0))) + 1}: a NUL byte: not a text file")
    if HTML.search(raw[:4096]) or len(TAGS.findall(raw[:20000])) >= HTML_TAGS:
        raise ArticleError(f"{path}: an HTML page, not an article's text: save it as text (.txt) or Markdown (.md)")
    for number, line in enumerate(raw.split("\n"), start=1):
        if len(line) > MAX_PARAGRAPH:
            raise ArticleError(
                f"{path}: line {number}: {len(line):,} characters in one paragraph (at most {MAX_PARAGRAPH:,})"
            )
    blocks = markdown_blocks(raw) if path.suffix.lower() in (".md", ".markdown") else text_blocks(raw)
    if not blocks:
        raise ArticleError(f"{path}: no text to draft from")
    return blocks


LINE_ENDING = re.compile(r"\r\n?")


def _one_line_ending(raw: str) -> str:
    """`raw` with CRLF (Windows) and a lone CR (classic Mac OS) as LF, so a line is a line however the
    file ends them: an article saved with CR alone was read as one paragraph, every line number 1."""
    return LINE_ENDING.sub("\n", raw) if "\r" in raw else raw


def text_blocks(raw: str) -> list[Block]:
    """One block per paragraph, kept verbatim but for line endings.

    A paragraph is a line, as most articles copied from a page come; a file hard-wrapped at
    a fixed width (every line short, paragraphs split by blank lines, some running over
    several lines) has its wrapped lines joined back, so a paragraph is not cut mid-sentence.
    """
    lines = _one_line_ending(raw).split("\n")
    if _hard_wrapped(lines):
        return _wrapped_blocks(lines)
    return [Block(line, listed=bool(BULLET.match(line))) for line in lines if line.strip()]


def _hard_wrapped(lines: list[str]) -> bool:
    """Whether most long lines followed by another run on mid-sentence, as a fixed-width wrap leaves them."""
    widest = max((len(line) for line in lines), default=0)
    filled = [i for i, line in enumerate(lines) if line.strip()]
    if widest > WRAP_WIDTH or not filled or all(lines[i].strip() for i in range(filled[0], filled[-1])):
        return False  # no blank line between paragraphs: a paragraph is a line
    followed = [b for b, a in itertools.pairwise(lines) if b.strip() and a.strip() and len(b) >= WRAPPED_SHARE * widest]
    running_on = [line for line in followed if not line.rstrip().endswith(SENTENCE_ENDS)]
    return len(running_on) >= 2 and len(running_on) * 2 >= len(followed)


def _wrapped_blocks(lines: list[str]) -> list[Block]:
    """Paragraphs of a hard-wrapped file: a line continues into the next unless blank, short or a bullet follows."""
    widest = max(len(line) for line in lines)
    blocks: list[Block] = []
    current, previous = "", ""
    for line in [*lines, ""]:
        continues = bool(current) and bool(line.strip()) and not BULLET.match(line)
        if continues and len(previous) >= WRAPPED_SHARE * widest:
            current = _joined(current, line.strip())
        else:
            if current:
                blocks.append(Block(current, listed=bool(BULLET.match(current))))
            current = line.rstrip() if line.strip() else ""
        previous = line
    return blocks


def _joined(before: str, after: str) -> str:
    """Two lines of one paragraph: a space between Latin words, none inside Chinese text."""
    latin = before[-1].isascii() and after[0].isascii()
    return before + (" " if latin else "") + after


def markdown_blocks(raw: str) -> list[Block]:
    """Headings and paragraphs (list items and quotes included) as Markdown parses them.

    A paragraph wrapped over several lines becomes one block, its lines joined with a
    space only between Latin words, as Chinese text wraps without one. Code is skipped:
    it is not prose an argument map cites.
    """
    from markdown_it import MarkdownIt  # deferred: only Markdown input needs it

    raw = _one_line_ending(raw)

    blocks: list[Block] = []
    level = 0
    listed = 0
    for token in MarkdownIt("commonmark").parse(raw):
        if token.type == "heading_open":
            level = int(token.tag[1:])
        elif token.type == "heading_close":
            level = 0
        elif token.type == "list_item_open":
            listed += 1
        elif token.type == "list_item_close":
            listed -= 1
        elif token.type == "inline" and token.content.strip():
            blocks.append(Block(_join_lines(token.content), level, marked=True, listed=listed > 0))
    return blocks


def _join_lines(content: str) -> str:
    lines = [line.strip() for line in content.split("\n") if line.strip()]
    joined = lines[0]
    for line in lines[1:]:
        latin = joined[-1].isascii() and joined[-1].isalnum() and line[0].isascii() and line[0].isalnum()
        joined += (" " if latin else "") + line
    return joined
