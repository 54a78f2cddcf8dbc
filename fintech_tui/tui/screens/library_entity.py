"""One company across the library: per article, its summary, the claims that concern it
(with their hedges), its figures and the quotes; each opens that article's source at the quote.

A match the library inferred from names (rather than one a pack declared with
`same_as`) says so on its article's heading.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import msgspec
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from fintech_tui.i18n import phrase
from fintech_tui.queries.index import Ref
from fintech_tui.render.library import across_heading, claim_line, figure_line, quote_line
from fintech_tui.render.safe import plain
from fintech_tui.render.wrap import breakable
from fintech_tui.tui.screens.library_open import OpenArticle, QuoteOpener
from fintech_tui.tui.screens.view import View
from fintech_tui.tui.widgets.keys import bind
from fintech_tui.tui.widgets.vim import VimList

if TYPE_CHECKING:
    from fintech_tui.library.catalog import AcrossRow, Library, QuoteRow, SharedEntity


class Target(msgspec.Struct, frozen=True):
    """What one line opens: the article `key` at `ref`, and the quote its source view shows."""

    key: str
    ref: Ref
    quote: QuoteRow | None = None
    metric: str = ""  # a figure's metric (English, else Chinese): `f` follows it over time


class AcrossScreen(View[None]):
    """Article by article, what the library says of one shared company."""

    WHERE = "view.across"
    BINDINGS = [
        bind("enter", "open_quote", "open_quote", priority=True, key_display="⏎"),
        bind("o", "open_article", "open_article"),
        bind("f", "over_time", "over_time"),
    ]

    def __init__(self, library: Library, shared: SharedEntity) -> None:
        super().__init__()
        self.library = library
        self.shared = shared
        self.rows: tuple[AcrossRow, ...] = library.across(shared.key)
        self.targets: list[Target | None] = []
        self.quotes = QuoteOpener(library)

    def body(self) -> ComposeResult:
        yield VimList(id="across")

    def on_mount(self) -> None:
        self._fill()
        lines = self.query_one(VimList)
        lines.focus()
        lines.highlighted = next((n for n, target in enumerate(self.targets) if target is not None), None)

    def _titles(self, lines: VimList) -> None:
        count = len(self.rows)
        lines.border_title = phrase("across.title", self.lang, name=self.shared.name.pick(self.lang), count=count)
        lines.border_subtitle = phrase("across.subtitle", self.lang)

    def _fill(self) -> None:
        lines = self.query_one(VimList)
        self._titles(lines)
        options: list[Option] = []
        self.targets = []

        def add(text: Text, target: Target | None, *, wrap: bool = True) -> None:
            text.no_wrap = not wrap
            self.targets.append(target)
            prompt = breakable(text) if wrap else text
            options.append(Option(prompt, id=str(len(options)), disabled=target is None))

        members = {(member.article, member.entity): member for member in self.shared.members}
        for row in self.rows:
            key = row.article.key
            entity = Ref("entity", row.entity)
            member = members.get((key, row.entity))
            add(across_heading(row, member, self.shared, self.lang), Target(key, entity), wrap=False)
            if summary := row.summary.pick(self.lang):
                add(plain(summary), Target(key, entity))
            for heading, items in (("claims", row.claims), ("figures", row.figures)):
                if not items:
                    continue
                add(Text(phrase(f"across.{heading}", self.lang), style="bold underline"), None)
                for item in items:
                    quote = item.quotes[0] if item.quotes else None
                    if heading == "claims":
                        add(claim_line(item, self.lang), Target(key, Ref("argument", item.id), quote))  # type: ignore[arg-type]
                    else:
                        metric = item.metric.pick("en")  # type: ignore[union-attr]
                        add(figure_line(item, self.lang), Target(key, Ref("figure", item.id), quote, metric))  # type: ignore[arg-type]
            if row.quotes:
                add(Text(phrase("across.quotes", self.lang), style="bold underline"), None)
                for quote in row.quotes:
                    add(quote_line(quote.number, quote.quote), Target(key, entity, quote))
        highlighted = lines.highlighted
        lines.set_options(options)
        lines.highlighted = highlighted

    def redraw(self) -> None:
        self._fill()  # the same lines in the other language: the cursor stays on the same one

    def _target(self) -> Target | None:
        highlighted = self.query_one(VimList).highlighted
        return self.targets[highlighted] if highlighted is not None and highlighted < len(self.targets) else None

    @on(OptionList.OptionSelected)
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.action_open_quote()

    def action_open_quote(self) -> None:
        """The article's source view at the line's quote; a line without one opens the article there."""
        target = self._target()
        if target is not None:
            self.quotes.show(self, target.key, target.ref, target.quote)

    def action_open_article(self) -> None:
        target = self._target()
        if target is not None:
            self.post_message(OpenArticle(target.key, target.ref))

    def action_over_time(self) -> None:
        """The figures over time of the line's metric (or the company's first metric)."""
        from fintech_tui.tui.screens.library_series import SeriesScreen  # deferred: loads the chart widget

        metrics = self.library.metrics(self.shared.key)
        if not metrics:
            self.notify(phrase("toast.no_figures", self.lang), timeout=3, markup=False)
            return
        target = self._target()
        names = [metric.pick("en") for metric in metrics]
        start = names.index(target.metric) if target is not None and target.metric in names else 0
        self.app.push_screen(SeriesScreen(self.library, self.shared, metrics, start))
