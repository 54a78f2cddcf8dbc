"""Claims side by side: two or more marked articles, one column each, on one shared company or strategy.

The topics are what the marked articles share: the companies the library matches
across them, then the strategies they name alike; `n` moves to the next.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

import msgspec
from rich.text import Text
from textual.app import ComposeResult
from textual.events import Resize
from textual.widgets import Static

from fintech_tui.i18n import phrase
from fintech_tui.model import Bilingual
from fintech_tui.render.library import sides_table
from fintech_tui.render.wrap import breakable
from fintech_tui.tui.screens.view import View
from fintech_tui.tui.widgets.keys import bind
from fintech_tui.tui.widgets.vim import VimScroll

if TYPE_CHECKING:
    from fintech_tui.library.catalog import ClaimRow, Library

VIEW_FRAME = 5  # the border, padding and scrollbar


class Topic(msgspec.Struct, frozen=True):
    """What the claims are compared on: a shared company (its library key) or a strategy (its name)."""

    name: Bilingual
    shared_key: str = ""
    strategy: str = ""


def fold(text: str) -> str:
    return " ".join(text.casefold().split())


def shared_topics(library: Library, articles: Sequence[str]) -> list[Topic]:
    """The companies and strategies at least two of `articles` share, companies first.
    Loads the marked packs (a handful), never the library."""
    packs = {key: library.load(key) for key in articles}
    topics: list[Topic] = []
    seen: set[str] = set()
    for key, pack in packs.items():
        for entity in pack.entities:
            shared = library.shared_of(key, entity.id)
            if shared is None or shared.key in seen:
                continue
            if len({member.article for member in shared.members} & set(articles)) >= 2:
                seen.add(shared.key)
                topics.append(Topic(shared.name, shared_key=shared.key))
    strategies: dict[str, list[Bilingual]] = {}
    for pack in packs.values():
        for folded, name in {fold(s.name.pick("en")): s.name for s in pack.strategies}.items():
            strategies.setdefault(folded, []).append(name)
    for names in strategies.values():
        if len(names) >= 2:
            topics.append(Topic(names[0], strategy=names[0].pick("en")))
    return topics


class SideBySideScreen(View[None]):
    """One column per marked article: its claims on the topic, with their hedges and relations."""

    WHERE = "view.side_by_side"
    BINDINGS = [bind("n", "next_topic", "next_topic")]

    def __init__(self, library: Library, articles: list[str], topics: list[Topic]) -> None:
        super().__init__()
        self.library = library
        self.articles = articles
        self.topics = topics
        self.topic = 0
        self.columns: dict[str, tuple[ClaimRow, ...]] = {}

    @classmethod
    def for_articles(cls, library: Library, articles: list[str]) -> SideBySideScreen | None:
        """The view on the topics `articles` share, or None when they share none."""
        topics = shared_topics(library, articles)

        def claims(topic: Topic) -> int:
            found = library.side_by_side(articles, shared_key=topic.shared_key, strategy=topic.strategy)
            return sum(map(len, found.values()))

        topics.sort(key=claims, reverse=True)  # the topics the articles argue about most come first
        return cls(library, articles, topics) if topics else None

    def body(self) -> ComposeResult:
        with VimScroll(id="sides"):
            yield Static(id="sides-table")

    def on_mount(self) -> None:
        self._load()
        self.query_one(VimScroll).focus()

    def _load(self) -> None:
        topic = self.topics[self.topic]
        self.columns = self.library.side_by_side(self.articles, shared_key=topic.shared_key, strategy=topic.strategy)
        self._draw()

    def _draw(self) -> None:
        scroll = self.query_one(VimScroll)
        topic = self.topics[self.topic]
        name = topic.name.pick(self.lang)
        if topic.strategy:
            name = f"{name} ({phrase('sides.strategy', self.lang)})"
        scroll.border_title = phrase("sides.title", self.lang, topic=name) + f"  {self.topic + 1}/{len(self.topics)}"
        scroll.border_subtitle = phrase("sides.subtitle", self.lang)
        room = (scroll.content_region.width or self.app.size.width - VIEW_FRAME) - 1
        titles = {key: self.library.article(key).title for key in self.articles}
        table = sides_table(self.columns, titles, self.lang, room)
        shown = breakable(table) if self.columns else Text(phrase("sides.nothing", self.lang))
        self.query_one("#sides-table", Static).update(shown)

    def redraw(self) -> None:
        self._draw()

    def on_resize(self, event: Resize) -> None:
        self._draw()

    def action_next_topic(self) -> None:
        self.topic = (self.topic + 1) % len(self.topics)
        self._load()
