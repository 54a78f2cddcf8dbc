"""A paragraph in each reading the source view offers: the text as written, the
pack's restored reading, its English translation, and the text beside the English.

The restored reading and the translation are the pack's, not the author's
words, so they are labelled as such and carry the pack's notes on them. A quote
is cited in the words of the text; in the restored reading it is found through
the alignment of the two (口袋生活 in a quote highlights 掌上生活), and in the
English, where no words line up, the cited paragraph is marked instead.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

from rich.box import Box
from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from fintech_tui.i18n import phrase
from fintech_tui.model import Lang, Pack, Paragraph
from fintech_tui.queries.index import PackIndex
from fintech_tui.render.note_places import (
    english_places,
    ordered_notes,
    restored_places,
    restored_span,
    text_places,
)
from fintech_tui.render.source import QUOTE_STYLE, insert_marks, marked_paragraph
from fintech_tui.util.sanitize import neutralise

Reading = Literal["original", "restored", "en", "side"]
#: Side by side, the two columns are kept apart by a thin rule, not a single space.
GUTTER = Box("    \n  │ \n    \n    \n  │ \n    \n    \n    \n")
GUTTER_STYLE = "dim"
#: The order `v` goes through them.
READINGS: tuple[Reading, ...] = ("original", "restored", "en", "side")

NOTE_MARK_STYLE = "bold magenta"
NOTED_STYLE = "underline"
NOTE_STYLE = "dim"
MISSING_STYLE = "dim italic"
NUMBER_STYLE = "bold cyan"
NUMBER_WIDTH = 5  # "¶" and up to four digits; a pack of 10,000 paragraphs or more takes wider


def number_width(pack: Pack) -> int:
    """Cells for the ¶ column: its widest number (paragraphs are numbered 1 to n in order)."""
    return max(NUMBER_WIDTH, 1 + len(str(len(pack.paragraphs))))


def has_readings(pack: Pack) -> bool:
    """Whether any paragraph carries a restored reading or a translation."""
    return any(p.restored or p.en for p in pack.paragraphs)


def next_reading(reading: Reading) -> Reading:
    return READINGS[(READINGS.index(reading) + 1) % len(READINGS)]


def restored_paragraph(paragraph: Paragraph, *, quote: str = "", quotes: Sequence[str] = (), lang: Lang = "en") -> Text:
    """The restored reading with `quote` and each of `quotes` highlighted and each noted change marked †n."""
    if not paragraph.restored:
        return _missing(phrase("reading.missing_restored", lang), Text(neutralise(paragraph.text)))
    reading = neutralise(paragraph.restored)  # one character for one: positions still hold
    text = Text(reading)
    for each in dict.fromkeys((quote, *quotes)):
        span = restored_span(neutralise(paragraph.text), reading, neutralise(each))
        if span is not None:
            text.stylize(QUOTE_STYLE, *span)
    for at, note in ordered_notes(paragraph):
        if at != -1:
            text.stylize(NOTED_STYLE, at, at + len(note.reading))
    return insert_marks(text, restored_places(paragraph), NOTE_MARK_STYLE)


def english_paragraph(paragraph: Paragraph, *, marks: bool = False, lang: Lang = "en") -> Text:
    """The English translation, or the text as written when the pack has none;
    with `marks`, the notes' †n markers after the sentences they concern (when the notes are listed below)."""
    if not paragraph.en:
        return _missing(phrase("reading.missing_en", lang), Text(neutralise(paragraph.text)))
    text = Text(neutralise(paragraph.en))
    return insert_marks(text, english_places(paragraph), NOTE_MARK_STYLE) if marks else text


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
    quotes: Sequence[str] = (),
    cited: bool = False,
    stacked: bool = False,
    lang: Lang = "en",
    numbered: bool = True,
) -> RenderableType:
    """One paragraph of the source view in `reading`: its ¶ number (unless not `numbered`:
    a later page of a long paragraph, see `render.pages`), then the text.

    `quote` and each of `quotes` are highlighted in the text and the restored reading; `cited` marks
    the ¶ number (the English has no words to highlight). Side by side puts
    the text and the English in two columns, or one above the other if `stacked`.
    Wherever the notes are listed, their †n markers stand in the text above them.
    """
    number = Text(f"¶{paragraph.number}" if numbered else "", QUOTE_STYLE if cited else NUMBER_STYLE)
    grid = Table.grid(padding=(0, 1), expand=True)
    grid.add_column(width=number_width(index.pack), no_wrap=True)
    notes = reading_notes(paragraph, lang) if reading != "original" else None
    text = marked_paragraph(index, paragraph, quote=quote, quotes=quotes)
    if reading == "original":
        grid.add_column(ratio=1, overflow="fold")
        grid.add_row(number, text)
        return grid
    english = english_paragraph(paragraph, marks=True, lang=lang)
    if reading == "side":  # the notes' markers in the text too, where the noted words stand
        text = marked_paragraph(index, paragraph, quote=quote, quotes=quotes, marks=text_places(paragraph))
    if reading == "side" and not stacked:
        columns = Table(box=GUTTER, show_header=False, show_edge=False, padding=(0, 1), expand=True)
        columns.border_style = GUTTER_STYLE
        columns.add_column(ratio=1, overflow="fold")
        columns.add_column(ratio=1, overflow="fold")
        columns.add_row(text, _with(english, notes))
        grid.add_column(ratio=1)
        grid.add_row(number, columns)
        return grid
    grid.add_column(ratio=1, overflow="fold")
    if reading == "side":
        body = Group(text, english)
    elif reading == "restored":
        body = Group(restored_paragraph(paragraph, quote=quote, quotes=quotes, lang=lang))
    else:
        body = Group(english)
    grid.add_row(number, _with(body, notes))
    return grid


def _with(body: RenderableType, notes: Text | None) -> RenderableType:
    return Group(body, notes) if notes is not None else body


def _missing(why: str, text: Text) -> Text:
    return Text.assemble((f"({why}) ", MISSING_STYLE), text)
