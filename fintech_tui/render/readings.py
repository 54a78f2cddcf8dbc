"""A paragraph in each reading the source view offers: the text as written, the
pack's restored reading, its English translation, and the text beside the English.

The restored reading and the translation are the pack's, not the author's
words, so they are labelled as such and carry the pack's notes on them. A quote
is cited in the words of the text; in the restored reading it is found through
the alignment of the two (口袋生活 in a quote highlights 掌上生活), and in the
English, where no words line up, the cited paragraph is marked instead.
"""

from __future__ import annotations

import unicodedata
from difflib import SequenceMatcher
from typing import Literal

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from fintech_tui.i18n import phrase
from fintech_tui.model import Lang, Pack, Paragraph, ReadingNote
from fintech_tui.queries.index import PackIndex
from fintech_tui.render.source import QUOTE_STYLE, marked_paragraph
from fintech_tui.util.sanitize import neutralise

Reading = Literal["original", "restored", "en", "side"]
#: The order `v` goes through them.
READINGS: tuple[Reading, ...] = ("original", "restored", "en", "side")

NOTE_MARK_STYLE = "bold magenta"
NOTED_STYLE = "underline"
NOTE_STYLE = "dim"
MISSING_STYLE = "dim italic"
NUMBER_STYLE = "bold cyan"
NUMBER_WIDTH = 5


def has_readings(pack: Pack) -> bool:
    """Whether any paragraph carries a restored reading or a translation."""
    return any(p.restored or p.en for p in pack.paragraphs)


def next_reading(reading: Reading) -> Reading:
    return READINGS[(READINGS.index(reading) + 1) % len(READINGS)]


def restored_span(text: str, restored: str, quote: str) -> tuple[int, int] | None:
    """Where `quote`, words of `text`, lies in `restored`: (start, end), or None.

    The ends are carried over difflib's alignment of the two; an end inside a
    changed stretch takes the whole of that stretch's replacement.
    """
    start = text.find(quote) if quote else -1
    if start == -1:
        return None
    end = start + len(quote)
    first = last = -1
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, text, restored, autojunk=False).get_opcodes():
        if i1 <= start < i2:
            first = j1 + (start - i1) if tag == "equal" else j1
        if i1 < end <= i2:
            last = j1 + (end - i1) if tag == "equal" else j2
    if first < 0:
        return None
    while first < last and _is_punctuation(restored[first]) and not _is_punctuation(quote[0]):
        first += 1  # a comma before the quote changed with the word after it
    while first < last and _is_punctuation(restored[last - 1]) and not _is_punctuation(quote[-1]):
        last -= 1
    return (first, last) if first < last else None


def _is_punctuation(char: str) -> bool:
    return char.isspace() or unicodedata.category(char).startswith("P")


def ordered_notes(paragraph: Paragraph) -> list[tuple[int, ReadingNote]]:
    """The paragraph's notes in reading order, each with where its reading starts (-1: nowhere)."""
    text, reading = neutralise(paragraph.text), neutralise(paragraph.restored)
    placed = [(_note_position(text, reading, note), note) for note in paragraph.restored_notes]
    return sorted(placed, key=lambda pair: (pair[0] < 0, pair[0]))


def _note_position(text: str, reading: str, note: ReadingNote) -> int:
    """Where the note's reading stands in the restored reading: of its occurrences,
    the one nearest to where the noted words of the text land (阿里 → 支付宝 marks
    the 支付宝 that replaced 阿里, not the paragraph's first 支付宝)."""
    after = neutralise(note.reading)
    if not after:
        return _deletion_position(text, reading, neutralise(note.text))
    found = [i for i in range(len(reading)) if reading.startswith(after, i)]
    if len(found) < 2 or not note.text:
        return found[0] if found else -1
    span = restored_span(text, reading, neutralise(note.text))
    return min(found, key=lambda i: abs(i - span[0])) if span is not None else found[0]


def _deletion_position(text: str, reading: str, deleted: str) -> int:
    """Where words of the text that the reading drops stood: the reading's position
    after what it kept before them (-1 when the words are not in the text)."""
    start = text.find(deleted) if deleted else -1
    if start == -1:
        return -1
    for tag, i1, i2, j1, _ in SequenceMatcher(None, text, reading, autojunk=False).get_opcodes():
        if i1 <= start < i2:
            return j1 + (start - i1) if tag == "equal" else j1
    return len(reading)


def restored_paragraph(paragraph: Paragraph, *, quote: str = "", lang: Lang = "en") -> Text:
    """The restored reading with `quote` highlighted and each noted change marked †n."""
    if not paragraph.restored:
        return _missing(phrase("reading.missing_restored", lang), Text(neutralise(paragraph.text)))
    reading = neutralise(paragraph.restored)  # one character for one: positions still hold
    text = Text(reading)
    span = restored_span(neutralise(paragraph.text), reading, neutralise(quote))
    if span is not None:
        text.stylize(QUOTE_STYLE, *span)
    marks: list[tuple[int, str]] = []
    for number, (at, note) in enumerate(ordered_notes(paragraph), 1):
        if at != -1:
            text.stylize(NOTED_STYLE, at, at + len(note.reading))
            marks.append((at + len(note.reading), f"†{number}"))
    for position, mark in sorted(marks, reverse=True):  # from the end, so earlier positions hold
        text = Text.assemble(text[:position], (mark, NOTE_MARK_STYLE), text[position:])
    return text


def english_paragraph(paragraph: Paragraph, *, lang: Lang = "en") -> Text:
    """The English translation, or the text as written when the pack has none."""
    if not paragraph.en:
        return _missing(phrase("reading.missing_en", lang), Text(neutralise(paragraph.text)))
    return Text(neutralise(paragraph.en))


def reading_notes(paragraph: Paragraph, lang: Lang = "en") -> Text | None:
    """The pack's notes on this paragraph's readings, one a line: †n change: why."""
    if not paragraph.restored_notes:
        return None
    lines = []
    for number, (_, note) in enumerate(ordered_notes(paragraph), 1):
        change = phrase("reading.kept", lang, text=note.text) if note.text == note.reading else note.change
        colon = phrase("list.colon", lang)
        line = Text.assemble((f"†{number} ", NOTE_MARK_STYLE), (neutralise(change), "italic"), colon)
        line.append(neutralise(note.note), NOTE_STYLE)
        if note.inference:
            line.append(" ⚠ ", "yellow")
            line.append(neutralise(note.inference), "dim yellow")
        lines.append(line)
    return Text("\n").join(lines)


def paragraph_view(
    index: PackIndex,
    paragraph: Paragraph,
    reading: Reading,
    *,
    quote: str = "",
    cited: bool = False,
    stacked: bool = False,
    lang: Lang = "en",
) -> RenderableType:
    """One paragraph of the source view in `reading`: its ¶ number, then the text.

    `quote` is highlighted in the text and the restored reading; `cited` marks
    the ¶ number (the English has no words to highlight). Side by side puts
    the text and the English in two columns, or one above the other if `stacked`.
    """
    number = Text(f"¶{paragraph.number}", QUOTE_STYLE if cited else NUMBER_STYLE)
    grid = Table.grid(padding=(0, 1), expand=True)
    grid.add_column(width=NUMBER_WIDTH, no_wrap=True)
    notes = reading_notes(paragraph, lang) if reading != "original" else None
    if reading == "original":
        grid.add_column(ratio=1, overflow="fold")
        grid.add_row(number, marked_paragraph(index, paragraph, quote=quote))
    elif reading == "side" and not stacked:
        grid.add_column(ratio=1, overflow="fold")
        grid.add_column(ratio=1, overflow="fold")
        english: RenderableType = english_paragraph(paragraph, lang=lang)
        grid.add_row(number, marked_paragraph(index, paragraph, quote=quote), _with(english, notes))
    else:
        grid.add_column(ratio=1, overflow="fold")
        if reading == "side":
            body = Group(marked_paragraph(index, paragraph, quote=quote), english_paragraph(paragraph, lang=lang))
        elif reading == "restored":
            body = Group(restored_paragraph(paragraph, quote=quote, lang=lang))
        else:
            body = Group(english_paragraph(paragraph, lang=lang))
        grid.add_row(number, _with(body, notes))
    return grid


def _with(body: RenderableType, notes: Text | None) -> RenderableType:
    return Group(body, notes) if notes is not None else body


def _missing(why: str, text: Text) -> Text:
    return Text.assemble((f"({why}) ", MISSING_STYLE), text)
