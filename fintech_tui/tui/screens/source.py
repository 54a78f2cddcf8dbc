"""The source view: the article with ¶ numbers and a cited quote highlighted,
in the reading the reader picks with `v`: the text as written (garbled names
marked with their reading), the pack's restored reading, its English
translation, or the text beside the English."""

from __future__ import annotations

from collections.abc import Sequence

from textual import on
from textual.app import ComposeResult
from textual.events import Resize
from textual.widgets import OptionList

from fintech_tui.i18n import phrase
from fintech_tui.model import Evidence
from fintech_tui.queries.index import PackIndex, Ref
from fintech_tui.render.readings import Reading, has_readings, next_reading
from fintech_tui.render.source import marks_garbles
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
        bind("n", "next_quote", "next_quote", show=False),
        bind("N", "previous_quote", "previous_quote", show=False),
    ]

    def __init__(self, index: PackIndex, target: Ref | None, quote: str, quotes: Sequence[Evidence] = ()) -> None:
        """`quotes` are all of the item's quotes, highlighted together; `n` and `N` go through them."""
        super().__init__()
        self.index = index
        self.target = target
        self.quote = quote
        self.quotes = self._in_article_order(quotes)
        self.current = next(
            (number for number, ev in enumerate(self.quotes) if target and (ev.para, ev.quote) == (target.id, quote)),
            0,
        )
        self.reading: Reading = "original"
        self._told_no_readings = False
        self._marks_garbles = marks_garbles(index)

    def body(self) -> ComposeResult:
        cited = self.index.paragraphs.get(self.target.id) if self.target else None
        others = [ev for ev in self.quotes if cited is None or (ev.para, ev.quote) != (cited.id, self.quote)]
        source = SourceList(self.index, cited, self.quote, quotes=others, stacked=self._stacked(), id="source")
        self._start = cited.number - 1 if cited is not None else 0
        yield source

    def on_mount(self) -> None:
        source = self.query_one(SourceList)
        self._label(source)
        source.highlighted = self._start
        source.focus()
        self.call_after_refresh(source.scroll_to_highlight, top=True)  # once lines are measured

    def _in_article_order(self, quotes: Sequence[Evidence]) -> list[Evidence]:
        """The quotes that stand in the article, in the order a reader meets them, each once."""
        paragraphs = self.index.paragraphs
        found = {
            (ev.para, ev.quote): ev
            for ev in quotes
            if ev.para in paragraphs and ev.quote and ev.quote in paragraphs[ev.para].text
        }
        if self.target is not None and self.quote and self.target.id in paragraphs:
            found.setdefault((self.target.id, self.quote), Evidence(self.target.id, self.quote))
        return sorted(
            found.values(), key=lambda ev: (paragraphs[ev.para].number, paragraphs[ev.para].text.find(ev.quote))
        )

    def _stacked(self) -> bool:
        return self.app.size.width < SIDE_BY_SIDE_WIDTH

    def _label(self, source: SourceList) -> None:
        bar = self.query_one(TitleBar)
        where, reading = self.help_title, phrase(f"reading.{self.reading}", self.lang)
        bar.where = where if self.reading == "original" else f"{where} · {reading}"
        bar.refresh()
        plain = self.reading == "original" and not self._marks_garbles
        source.border_title = phrase("source.title.plain" if plain else f"source.title.{self.reading}", self.lang)
        cited = source.cited
        if cited is None:
            source.border_subtitle = phrase("source.hint", self.lang)
            return
        hint = phrase("source.hint", self.lang)
        if len(self.quotes) > 1:
            number, count = self.current + 1, len(self.quotes)
            shown = phrase("source.quotes_shown", self.lang, number=number, count=count)
            hint = f"{phrase('source.quotes_hint', self.lang)} · {hint}"
            cited = self.index.paragraphs[self.quotes[self.current].para]
        elif self.reading == "original" or self.reading == "restored":
            shown = phrase("source.quote_shown", self.lang) if self.quote else ""
        else:
            shown = phrase("source.paragraph_marked", self.lang)
        source.border_subtitle = f"¶{cited.number}{shown} · {hint}"

    def redraw(self) -> None:
        self._label(self.query_one(SourceList))  # the paragraphs follow the language themselves

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

    def action_next_quote(self) -> None:
        """The cursor on the paragraph of the item's next quote (after the last, the first)."""
        self._to_quote(+1)

    def action_previous_quote(self) -> None:
        self._to_quote(-1)

    def _to_quote(self, step: int) -> None:
        if not self.quotes:
            return
        self.current = (self.current + step) % len(self.quotes)
        source = self.query_one(SourceList)
        source.highlighted = self.index.paragraphs[self.quotes[self.current].para].number - 1
        source.scroll_to_highlight()
        self._label(source)

    def on_resize(self, event: Resize) -> None:
        source = self.query_one(SourceList)
        stacked = event.size.width < SIDE_BY_SIDE_WIDTH
        if self.reading == "side" and stacked != source.stacked:
            source.show(self.reading, stacked=stacked, resized=True)  # the place is kept by the list itself
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
        """Copy the quote when the cursor is on a quoted paragraph (the one `n` or `N` went to first),
        else the paragraph in the reading shown
        (side by side: the text, then the English); the terminal must allow OSC 52."""
        source = self.query_one(SourceList)
        if source.highlighted is None:
            return
        paragraph = self.index.pack.paragraphs[source.highlighted]
        here = [ev.quote for ev in self.quotes if ev.para == paragraph.id]
        if self.quote and paragraph is source.cited and self.quote in paragraph.text:
            here.insert(0, self.quote)
        if self.quotes and self.quotes[self.current].para == paragraph.id:
            here.insert(0, self.quotes[self.current].quote)  # the quote n or N went to
        if here:
            self.app.copy_to_clipboard(here[0])
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
