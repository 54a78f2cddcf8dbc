"""The article's paragraphs with quotes highlighted and garbled names marked."""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text

from fintech_tui.model import Paragraph
from fintech_tui.queries.index import PackIndex
from fintech_tui.util.sanitize import neutralise

QUOTE_STYLE = "bold black on yellow"
GARBLE_STYLE = "underline"
READING_STYLE = "italic cyan"
MARK_STYLE = "bold magenta"  # a note's †n, as the readings mark it


def marks_garbles(index: PackIndex) -> bool:
    """Whether the original reading marks any name: an alias that is not part of its entity's
    Chinese name (a garble, or a short form like 招行). Without one, the view's title says nothing
    of underlined names."""
    return any(alias.text not in entity.name.pick("zh") for entity in index.pack.entities for alias in entity.aliases)


def marked_paragraph(
    index: PackIndex,
    paragraph: Paragraph,
    *,
    quote: str = "",
    quotes: Sequence[str] = (),
    marks: Sequence[tuple[int, str]] = (),
) -> Text:
    """`paragraph` as Text: each garbled alias underlined with its canonical name
    after it (口袋生活⟨掌上生活⟩), `quote` and every one of `quotes` highlighted where
    it occurs, and each of `marks` (a position in the text, a marker such as †1) inserted.

    The reading is always the canonical Chinese name: it fits a Chinese sentence."""
    raw = neutralise(paragraph.text)  # same length as the text: one character for one
    text = Text()
    position = 0
    for start, end, entity in index.mentions(raw):
        alias = raw[start:end]
        canonical = entity.name.pick("zh")
        if alias in canonical:  # the name itself, or a short form such as 阿里 for 阿里巴巴
            continue
        text.append(raw[position:start])
        text.append(alias, GARBLE_STYLE)
        text.append(f"⟨{neutralise(canonical)}⟩", READING_STYLE)
        position = end
    text.append(raw[position:])
    for each in dict.fromkeys((quote, *quotes)):
        if each:
            _highlight(text, neutralise(each))
    if marks:
        mapping = _text_positions(text)
        text = insert_marks(text, [(mapping[at - 1] + 1 if at else 0, mark) for at, mark in marks], MARK_STYLE)
    return text


def insert_marks(text: Text, marks: Sequence[tuple[int, str]], style: str) -> Text:
    """`text` with each (position, marker) inserted, in `style`; positions are `text`'s own."""
    for position, mark in sorted(marks, reverse=True):  # from the end, so earlier positions hold
        text = Text.assemble(text[:position], (mark, style), text[position:])
    return text


def _text_positions(text: Text) -> list[int]:
    """The plain index of each character of the text as written, skipping the ⟨readings⟩ inserted."""
    mapping: list[int] = []
    inside = False
    for i, char in enumerate(text.plain):
        if char == "⟨":
            inside = True
        if not inside:
            mapping.append(i)
        if char == "⟩":
            inside = False
    return mapping


def _highlight(text: Text, quote: str) -> None:
    """Highlight `quote` in `text`, skipping the ⟨readings⟩ that were inserted."""
    plain = text.plain
    mapping = _text_positions(text)  # plain index of each original character
    original = "".join(plain[i] for i in mapping)
    start = original.find(quote)
    if start == -1 or not quote:
        return
    end = start + len(quote) - 1
    text.stylize(QUOTE_STYLE, mapping[start], mapping[end] + 1)
