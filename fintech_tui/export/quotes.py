"""Every quote of a pack with its place: paragraph, offsets in the paragraph and in the article.

The article text the interchange formats point into is the paragraphs' verbatim text, one
line each, joined by a newline; a quote's place is its first occurrence in its paragraph
(the loader checks that it occurs there). Shared by the AIF, Web Annotation, vault and
CSL-JSON exports, so all of them place a quote the same way.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import msgspec

from fintech_tui.model import Pack, kinds


class PlacedQuote(msgspec.Struct, frozen=True):
    """One quote of one item, where it stands in the article."""

    kind: str  # the item's kind, as --goto spells it: "argument"
    item: Any  # the model item the quote is evidence for
    para: str  # the paragraph id
    number: int  # the paragraph's ¶ number, 1-based
    quote: str
    start: int  # offset of the quote in its paragraph (characters)
    article_start: int  # offset of the quote in `article_text(pack)`

    @property
    def end(self) -> int:
        return self.start + len(self.quote)

    @property
    def article_end(self) -> int:
        return self.article_start + len(self.quote)


def article_text(pack: Pack) -> str:
    """The article as the selectors and offsets see it: each paragraph's text, a line each."""
    return "\n".join(p.text for p in pack.paragraphs)


def paragraph_offsets(pack: Pack) -> dict[str, int]:
    """Where each paragraph starts in `article_text(pack)`."""
    offsets, at = {}, 0
    for paragraph in pack.paragraphs:
        offsets[paragraph.id] = at
        at += len(paragraph.text) + 1
    return offsets


def placed_quotes(pack: Pack) -> Iterator[PlacedQuote]:
    """Every quote of every kind of item that has evidence, in pack order."""
    paragraphs = {p.id: (n, p) for n, p in enumerate(pack.paragraphs, 1)}
    offsets = paragraph_offsets(pack)
    for kind in kinds():
        for item in kind.items(pack):
            for evidence in getattr(item, "evidence", ()):
                if evidence.para not in paragraphs or not evidence.quote:
                    continue
                number, paragraph = paragraphs[evidence.para]
                start = paragraph.text.find(evidence.quote)
                if start >= 0:
                    yield PlacedQuote(
                        kind.name, item, evidence.para, number, evidence.quote, start, offsets[evidence.para] + start
                    )
