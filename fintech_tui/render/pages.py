"""A long paragraph cut into pages, so a view lays out only the pages on screen.

A paragraph of a few thousand characters is one page, drawn as it always was. A longer one
(a pack may hold up to 4 Mi characters in one) would take seconds to wrap whole and
thousands of lines to hold, so it is cut into PAGE_CHARS pieces: each reading in as many
equal parts, the ¶ number on the first, the notes on the last. A quote is highlighted on
the page where it first occurs (one cut across it leaves it unmarked).
"""

from __future__ import annotations

import msgspec

from fintech_tui.model import Paragraph

#: Longer than any paragraph an analyst writes (the bundled article's longest is under 400).
PAGE_CHARS = 4_000


def page_count(paragraph: Paragraph) -> int:
    """How many pages `paragraph` is shown in."""
    longest = max(len(paragraph.text), len(paragraph.restored), len(paragraph.en))
    return max(1, -(-longest // PAGE_CHARS))


def _part(text: str, page: int, pages: int) -> str:
    return text[len(text) * page // pages : len(text) * (page + 1) // pages]


def page_of(paragraph: Paragraph, page: int, pages: int) -> Paragraph:
    """Page `page` of the `pages` of `paragraph`: each reading's share, the notes on the last page only."""
    if pages == 1:
        return paragraph
    return msgspec.structs.replace(
        paragraph,
        text=_part(paragraph.text, page, pages),
        restored=_part(paragraph.restored, page, pages),
        en=_part(paragraph.en, page, pages),
        restored_notes=paragraph.restored_notes if page == pages - 1 else (),
    )


def quote_page(paragraph: Paragraph, quote: str, pages: int) -> int:
    """The page on which `quote` first occurs in the text (-1 if nowhere)."""
    at = paragraph.text.find(quote) if quote else -1
    if at == -1 or pages == 1:
        return 0 if at != -1 else -1
    length = len(paragraph.text)
    return next(page for page in range(pages) if at < length * (page + 1) // pages)
