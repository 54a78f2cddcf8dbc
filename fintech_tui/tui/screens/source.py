"""The source view: the article with ¶ numbers and a cited quote highlighted,
in the reading the reader picks with `v`: the text as written (garbled names
marked with their reading), the pack's restored reading, its English
translation, or the text beside the English."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.events import Resize
from textual.widgets import OptionList

from fintech_tui.i18n import phrase
from fintech_tui.model import Lang
from fintech_tui.queries.index import PackIndex, Ref
from fintech_tui.render.readings import Reading, has_readings, next_reading
from fintech_tui.tui.screens.view import View
from fintech_tui.tui.widgets.keys import bind
from fintech_tui.tui.widgets.source_list import SourceList
from fintech_tui.tui.widgets.title_bar import TitleBar

#: Below this width the text and the English stand one above the other.
SIDE_BY_SIDE_WIDTH = 100


class SourceScreen(View[Ref | None]):
    """The whole article, scrolled to one paragraph."""

    WHERE = "view.source"
    BINDINGS = [
        bind("enter", "open_paragraph", "cited_by", priority=True),
        bind("v", "next_reading", "reading"),
        bind("y", "copy_text", "copy_text", show=False),
    ]

    def __init__(self, index: PackIndex, target: Ref | None, quote: str, lang: Lang) -> None:
        super().__init__()
        self.index = index
        self.target = target
        self.quote = quote
        self.lang = lang
        self.reading: Reading = "original"
        self._told_no_readings = False

    def body(self) -> ComposeResult:
        cited = self.index.paragraphs.get(self.target.id) if self.target else None
        source = SourceList(self.index, cited, self.quote, stacked=self._stacked(), lang=self.lang, id="source")
        self._start = cited.number - 1 if cited is not None else 0
        yield source

    def on_mount(self) -> None:
        source = self.query_one(SourceList)
        self._label(source)
        source.highlighted = self._start
        source.focus()
        self.call_after_refresh(source.scroll_to_highlight, top=True)  # once lines are measured

    def _stacked(self) -> bool:
        return self.app.size.width < SIDE_BY_SIDE_WIDTH

    def _label(self, source: SourceList) -> None:
        bar = self.query_one(TitleBar)
        where, reading = self.help_title, phrase(f"reading.{self.reading}", self.lang)
        bar.where = where if self.reading == "original" else f"{where} · {reading}"
        bar.refresh()
        source.border_title = phrase(f"source.title.{self.reading}", self.lang)
        cited = source.cited
        if cited is None:
            source.border_subtitle = phrase("source.hint", self.lang)
            return
        if self.reading == "original" or self.reading == "restored":
            shown = phrase("source.quote_shown", self.lang) if self.quote else ""
        else:
            shown = phrase("source.paragraph_marked", self.lang)
        source.border_subtitle = f"¶{cited.number}{shown} · {phrase('source.hint', self.lang)}"

    def redraw(self) -> None:
        source = self.query_one(SourceList)
        source.relabel(self.lang)
        self._label(source)

    def action_next_reading(self) -> None:
        """The next reading, the same paragraph at the top."""
        if not has_readings(self.index.pack):
            if not self._told_no_readings:
                self._told_no_readings = True
                self.notify(phrase("toast.no_readings", self.lang), markup=False, timeout=4)
            return
        self.reading = next_reading(self.reading)
        source = self.query_one(SourceList)
        source.show(self.reading, stacked=self._stacked())
        self._label(source)

    def on_resize(self, event: Resize) -> None:
        source = self.query_one(SourceList)
        stacked = event.size.width < SIDE_BY_SIDE_WIDTH
        if self.reading == "side" and stacked != source.stacked:
            source.show(self.reading, stacked=stacked)  # the place is kept by the list itself
        source.stacked = stacked

    @on(OptionList.OptionSelected)
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(Ref("paragraph", event.option.id or ""))

    def action_open_paragraph(self) -> None:
        source = self.query_one(SourceList)
        if source.highlighted is not None:
            self.dismiss(Ref("paragraph", self.index.pack.paragraphs[source.highlighted].id))

    def action_copy_text(self) -> None:
        """Copy the quote, when the cursor is on its paragraph, else the paragraph in the reading shown
        (side by side: the text, then the English); the terminal must allow OSC 52."""
        source = self.query_one(SourceList)
        if source.highlighted is None:
            return
        paragraph = self.index.pack.paragraphs[source.highlighted]
        if self.quote and paragraph is source.cited and self.quote in paragraph.text:
            self.app.copy_to_clipboard(self.quote)
            self.notify(phrase("toast.copied_quote", self.lang, number=paragraph.number), timeout=3, markup=False)
            return
        texts = {
            "original": [paragraph.text],
            "restored": [paragraph.restored or paragraph.text],
            "en": [paragraph.en or paragraph.text],
            "side": [paragraph.text, paragraph.en],
        }[self.reading]
        self.app.copy_to_clipboard("\n".join(text for text in texts if text))
        reading = phrase(f"reading.{self.reading}", self.lang)
        self.notify(
            phrase("toast.copied_paragraph", self.lang, number=paragraph.number, reading=reading),
            timeout=3,
            markup=False,
        )
