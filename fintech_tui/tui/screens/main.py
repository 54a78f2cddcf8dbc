"""The explorer: four navigation panes beside a detail view, with history.

Selection is one reactive, `current`; panes and links post messages and this
screen routes them, so widgets never talk to each other directly.
"""

from __future__ import annotations

from collections.abc import Callable

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import ActiveBinding
from textual.containers import Horizontal, Vertical
from textual.events import Resize
from textual.message import Message
from textual.reactive import reactive
from textual.screen import Screen
from textual.timer import Timer
from textual.widget import Widget

from fintech_tui.i18n import phrase
from fintech_tui.model import Lang
from fintech_tui.queries.goto import goto_link
from fintech_tui.queries.index import PackIndex, Ref
from fintech_tui.render.detail import describe
from fintech_tui.render.labels import item_kind
from fintech_tui.render.safe import one_line
from fintech_tui.tui.history import History
from fintech_tui.tui.state import ui
from fintech_tui.tui.widgets.detail_view import DetailBody, DetailView
from fintech_tui.tui.widgets.footer import ScreenFooter
from fintech_tui.tui.widgets.item_tree import ItemTree
from fintech_tui.tui.widgets.keys import bind, fit_footer, localised
from fintech_tui.tui.widgets.link_list import LinkList
from fintech_tui.tui.widgets.pane_bar import PaneBar
from fintech_tui.tui.widgets.panes import PANES, pane_bindings
from fintech_tui.tui.widgets.title_bar import TitleBar

NARROW_WIDTH = 100  # below this the panes share one column, one at a time
PREVIEW_DELAY = 0.025  # seconds the cursor rests before the detail follows it (a burst of keys arrives within it)
COMPARE_PEERS = 4  # others shown beside the current company when none is marked (fewer if they would not fit)
SEARCH_WARM_UP_DELAY = 0.3  # seconds after the first screen before the search table is built


class MainScreen(Screen[None]):
    """Outline, Companies, Strategies and Arguments, and the item they select."""

    HELP_TITLE = "place.explorer"  # what it says comes from the message table (fintech_tui.i18n)

    BINDINGS = [
        *pane_bindings(PANES),
        bind("5,d", "focus_detail", "links", show=False),
        bind("b", "focus_body", "detail_text", show=False),
        bind("tab", "cycle(1)", "next_pane", show=False, priority=True),
        bind("shift+tab", "cycle(-1)", "previous_pane", show=False, priority=True),
        bind("slash", "search", "search", key_display="/"),
        bind("s", "source", "source"),
        bind("backspace,left_square_bracket,alt+left", "back", "back", key_display="⌫"),
        bind("right_square_bracket,alt+right", "forward", "forward", show=False),
        bind("t", "toggle_language", "language"),
        bind("m", "matrix", "matrix"),
        bind("f", "figures", "figures"),
        bind("x", "mark", "mark", show=False),
        bind("X", "clear_marks", "clear_marks", show=False),
        bind("c", "compare", "compare"),
        bind("r", "gaps", "gaps", show=False),
        bind("y", "copy_link", "copy_link", show=False),
        bind("e", "toggle_evidence_readings", "readings", show=False),
        bind("escape", "leave_detail", "leave_detail", show=False),
    ]

    AUTO_FOCUS = ""  # on_mount decides: a pane, or the links of a --goto item

    current: reactive[Ref | None] = reactive(None, init=False)

    def __init__(self, index: PackIndex, goto: Ref | None = None) -> None:
        super().__init__()
        self.index = index
        self.history: History[Ref] = History()
        self._goto = goto
        self._active_pane = 0
        self._pending_preview: Ref | None = None
        self._preview_timer: Timer | None = None
        self._return: tuple[Ref, Callable[[], None]] | None = None  # back from this item reopens a view
        self._landed = False  # `current` was opened (a history step), not merely passed by a cursor

    @property
    def lang(self) -> Lang:
        """The label language (the app's)."""
        return ui(self).label_lang

    @property
    def marked(self) -> list[str]:
        """The companies of this pack marked for the compare view, in the order marked (the app's)."""
        return ui(self).marks_in(self.index.pack.origin)

    @property
    def active_bindings(self) -> dict[str, ActiveBinding]:
        """The keys, their words in the label language (what the footer and help show)."""
        return fit_footer(localised(super().active_bindings, self.lang), self.app.size.width)

    def phrase(self, key: str, **fields: object) -> str:
        """The message `key` in the label language."""
        return phrase(key, self.lang, **fields)

    def compose(self) -> ComposeResult:
        self.set_class(self.app.size.width < NARROW_WIDTH, "-narrow")  # before children are styled
        yield TitleBar(self.app.sub_title)
        with Horizontal(id="main"):
            with Vertical(id="panes"):
                yield PaneBar([pane.PANE_TITLE for pane in PANES], id="pane-bar")
                for number, pane in enumerate(PANES):
                    yield pane(self.index, id=f"pane-{number}")
            yield DetailView(id="detail")
        yield ScreenFooter()

    @property
    def panes(self) -> list[ItemTree]:
        return list(self.query(ItemTree))

    def on_mount(self) -> None:
        self.watch(self.app, "label_lang", self._relabelled, init=False)
        self._activate(0)
        # Build the search table once the first screen is up: importing pinyin
        # tables holds the interpreter for a quarter of a second, which a
        # reader feels when it happens on `/`, not while reading.
        self.set_timer(SEARCH_WARM_UP_DELAY, self.warm_up_search)
        if self._goto is not None:
            self.open(self._goto, record=False)
            self.query_one(LinkList).focus()
        else:
            self.panes[0].focus()  # focusing a pane previews its first item

    async def reload(self, index: PackIndex) -> None:
        """Show a changed pack in place (`--watch`), keeping what still exists.

        The item on show, the active pane, the focus and each pane's scroll
        survive when the item is still in the pack; marks on vanished
        companies are dropped, and history skips what has gone when followed.
        """
        scrolls = [pane.scroll_offset for pane in self.panes]
        focused = self.focused.id if self.focused is not None else None
        current = self.current if self.current is not None and index.get(self.current) is not None else None
        self.index = index
        state = ui(self)
        state.marked = tuple((pack, e) for pack, e in state.marked if pack != index.pack.origin or e in index.entities)
        await self.recompose()
        self._activate(self._active_pane)
        for pane, (x, y) in zip(self.panes, scrolls, strict=False):
            pane.scroll_to(x, y, animate=False, immediate=True)
        if current is not None:
            self.set_reactive(MainScreen.current, current)
            for pane in self.panes:
                if pane.select_ref(current):
                    break
            self._render_detail()
        else:
            self.current = None
        target = self.query_one(f"#{focused}") if focused and self.query(f"#{focused}") else None
        (target or self.panes[self._active_pane]).focus(scroll_visible=False)

    def warm_up_search(self) -> None:
        """Build the search table (pinyin included) in a thread, so that opening
        search and the first keystroke do not wait for it."""
        if "search_entries" not in self.index.__dict__:
            self.run_worker(self._build_search_table, thread=True, group="warm-up", exit_on_error=False)

    def _build_search_table(self) -> None:
        self.index.search_entries  # noqa: B018  (a cached property: building it is the point)
        self.post_message(self.Settled())

    class Chose(Message):
        """The reader changed a choice that is remembered between runs (the readings under quotes)."""

    class Settled(Message):
        """Start-up's work is done: the first screen is up and the search table built."""

    # -- selection and history --------------------------------------------

    def open(self, ref: Ref, *, record: bool = True) -> ItemTree | None:
        """Show `ref` in the detail view; `record` puts the move in history.
        The pane that holds `ref` (its cursor moved there), or None."""
        if self.index.get(ref) is None:
            self.notify(self.phrase("toast.nothing_called", ref=ref), severity="warning", markup=False)
            return None
        if self._preview_timer is not None:  # an explicit open wins over a pending preview
            self._preview_timer.stop()
            self._preview_timer = None
        if record:
            self.history.visit(self.current, ref)
        self.current = ref
        self._landed = True
        return next((pane for pane in self.panes if pane.select_ref(ref)), None)

    def reveal(self, ref: Ref) -> None:
        """Close any views over the explorer and open `ref` (palette, search), focus on it."""
        while self.app.screen is not self and len(self.app.screen_stack) > 1:
            self.app.pop_screen()
        self._open_and_focus(ref)

    def _open_and_focus(self, ref: Ref) -> None:
        """Open `ref` and focus the pane that holds it, so the next j moves on from it rather
        than replacing it; an item no pane lists leaves focus on its links."""
        pane = self.open(ref)
        if pane is None:
            if self.index.get(ref) is not None:
                self.set_focus(self.query_one(LinkList))
            return
        self._activate(self.panes.index(pane))
        # after select_ref's cursor move (queued the same way), so focusing previews `ref` itself
        self.call_after_refresh(self.set_focus, pane)

    def watch_current(self, ref: Ref | None) -> None:
        self._render_detail()

    def _relabelled(self) -> None:
        """The label language changed (the panes and the detail's own words follow it themselves)."""
        self._render_detail()
        self.refresh_bindings()  # the footer reads the bindings' words again

    def _render_detail(self) -> None:
        if self.current is None:
            return
        view = self.query_one(DetailView)
        hint = self.phrase("detail.copy_hint", link=goto_link(self.current))
        view.show(describe(self.index, self.current, self.lang), item_kind(self.index, self.current, self.lang), hint)

    @on(ItemTree.Previewed)
    def _previewed(self, event: ItemTree.Previewed) -> None:
        """Show the item under the cursor once the cursor rests.

        Holding j should move the cursor, not render a detail view for every
        item passed; so previews wait PREVIEW_DELAY and only the last counts.
        """
        self._pending_preview = event.ref
        if self._preview_timer is not None:
            self._preview_timer.stop()
        self._preview_timer = self.set_timer(PREVIEW_DELAY, self._apply_preview)

    def _apply_preview(self) -> None:
        self._preview_timer = None
        ref, self._pending_preview = self._pending_preview, None
        if ref is not None and ref != self.current:
            if self._landed:  # leaving an opened item: it stays a step back (a passed cursor does not)
                self.history.visit(self.current, ref)
            self._landed = False
            self.current = ref

    @on(ItemTree.Opened)
    def _opened(self, event: ItemTree.Opened) -> None:
        self.open(event.ref)
        self.set_focus(self.query_one(LinkList))

    @on(LinkList.Followed)
    def _followed(self, event: LinkList.Followed) -> None:
        link = event.link
        if link.kind == "evidence":
            self.show_source(link.ref, link.quote)
        else:
            self.open(link.ref)

    def can_go_back(self) -> bool:
        """Whether back has somewhere to go in this article: a view to reopen, or an earlier item."""
        returning = self._return is not None and self._return[0] == self.current
        return returning or (self.current is not None and bool(self.history.back_stack))

    def action_back(self) -> None:
        if self._return is not None and self._return[0] == self.current:
            _, reopen = self._return
            self._return = None
            reopen()
        elif self.current is not None and (ref := self.history.back(self.current)):
            self.open(ref, record=False)
        else:
            self.notify(self.phrase("toast.no_back"), timeout=2, markup=False)

    def action_forward(self) -> None:
        if self.current is not None and (ref := self.history.forward(self.current)):
            self.open(ref, record=False)
        else:
            self.notify(self.phrase("toast.no_forward"), timeout=2, markup=False)

    # -- focus, panes and layout --------------------------------------------

    def _focus_order(self) -> list[Widget]:
        return [*self.panes, self.query_one(DetailBody), self.query_one(LinkList)]

    def action_focus_pane(self, number: int) -> None:
        """Focus pane `number` at once, so keys typed right after the digit reach it."""
        self._activate(number)
        self.set_focus(self.panes[number])

    def action_focus_detail(self) -> None:
        self.set_focus(self.query_one(LinkList))

    def action_focus_body(self) -> None:
        """The detail text itself, to scroll it with j/k without leaving the item."""
        self.set_focus(self.query_one(DetailBody))

    def action_leave_detail(self) -> None:
        self.action_focus_pane(self._active_pane)

    def action_cycle(self, step: int) -> None:
        order = self._focus_order()
        focused = self.focused
        position = order.index(focused) if focused in order else -1
        target = order[(position + step) % len(order)]
        if isinstance(target, ItemTree):
            self._activate(self.panes.index(target))
        self.set_focus(target)

    def _activate(self, number: int) -> None:
        """Make pane `number` the visible one in the narrow (tabbed) layout."""
        self._active_pane = number
        for i, pane in enumerate(self.panes):
            pane.set_class(i == number, "-active")
        self.query_one(PaneBar).active = number

    @on(PaneBar.Picked)
    def _pane_picked(self, event: PaneBar.Picked) -> None:
        self.action_focus_pane(event.number)

    def on_descendant_focus(self, event: object) -> None:
        focused = self.focused
        if isinstance(focused, ItemTree) and focused in self.panes:
            self._activate(self.panes.index(focused))

    def on_resize(self, event: Resize) -> None:
        self.set_class(event.size.width < NARROW_WIDTH, "-narrow")

    # -- other screens --------------------------------------------------------

    async def action_toggle_language(self) -> None:
        await self.app.run_action("toggle_language")

    @property
    def evidence_readings(self) -> bool:
        """Whether quotes show the reading of their paragraph (the app's; remembered between runs)."""
        return ui(self).evidence_readings

    def action_toggle_evidence_readings(self) -> None:
        """Under each quote, the English (or, in Chinese, the restored reading) of its paragraph, or not."""
        state = ui(self)
        state.evidence_readings = not state.evidence_readings  # the detail view follows it
        self.post_message(self.Chose())

    def action_search(self) -> None:
        from fintech_tui.tui.screens.search import SearchScreen  # deferred: not on the first screen

        self.warm_up_search()
        self.app.push_screen(SearchScreen(self.index), self._chosen)

    def _chosen(self, ref: Ref | None) -> None:
        if ref is not None:
            self._open_and_focus(ref)

    def search_from_view(self) -> None:
        """`/` in a full-screen view over the explorer: search the pack; a result closes the views
        and opens in the explorer, as from the palette (esc leaves the view as it was)."""
        from fintech_tui.tui.screens.search import SearchScreen  # deferred: not on the first screen

        self.warm_up_search()
        self.app.push_screen(SearchScreen(self.index), self._revealed)

    def _revealed(self, ref: Ref | None) -> None:
        if ref is not None:
            self.reveal(ref)

    def action_source(self) -> None:
        """Open the article at what the current item cites (or covers)."""
        ref, quote = self._source_target()
        self.show_source(ref, quote)

    def _source_target(self) -> tuple[Ref | None, str]:
        item = self.index.get(self.current) if self.current else None
        evidence = getattr(item, "evidence", ())
        if evidence:
            return Ref("paragraph", evidence[0].para), evidence[0].quote
        if self.current is not None and self.current.kind == "paragraph":
            return self.current, ""
        first = getattr(item, "first", "")
        return (Ref("paragraph", first), "") if first else (None, "")

    def action_matrix(self) -> None:
        from fintech_tui.tui.screens.matrix import MatrixScreen  # deferred: not on the first screen

        self.app.push_screen(MatrixScreen(self.index))

    def action_figures(self) -> None:
        from fintech_tui.tui.screens.figures import FiguresScreen  # deferred: not on the first screen

        self.app.push_screen(FiguresScreen(self.index))

    def _entity_name(self, entity_id: str) -> Text:
        return one_line(self.index.entities[entity_id].name.pick(self.lang))

    def action_mark(self) -> None:
        """Mark (or unmark) the current company for the compare view; the pane shows the mark."""
        if self.current is None or self.current.kind != "entity":
            self.notify(self.phrase("toast.mark_how"), timeout=3, markup=False)
            return
        entity_id, state = self.current.id, ui(self)
        mark = (self.index.pack.origin, entity_id)
        if mark in state.marked:
            state.marked = tuple(m for m in state.marked if m != mark)  # the panes follow the marks
            message = self.phrase("toast.unmarked", name=self._entity_name(entity_id).plain)
        else:
            state.marked = (*state.marked, mark)
            message = ""
        names = Text(self.phrase("list.separator")).join(self._entity_name(e) for e in self.marked).plain
        names = names or self.phrase("toast.none_marked")
        message += self.phrase("toast.marked", names=names)
        self.notify(message, timeout=3, markup=False)

    def action_clear_marks(self) -> None:
        """Unmark every company of this pack marked for compare (the panes follow the marks)."""
        state, origin = ui(self), self.index.pack.origin
        count = len(self.marked)
        state.marked = tuple(mark for mark in state.marked if mark[0] != origin)
        said = self.phrase("toast.marks_cleared", count=count) if count else self.phrase("toast.no_marks")
        self.notify(said, timeout=3, markup=False)

    def compare_choice(self) -> tuple[list[str], Callable[[Lang], Text] | None] | None:
        """The entities `c` compares and why (in a given language): the marks if two or more;
        a strategy's companies when a strategy is open and nothing is marked; one mark beside the current company; else
        the current company and its closest peers (the article's own pairings first, see
        `analysis.peers`), with a subtitle saying which rule chose them."""
        from fintech_tui.queries.analysis import peers  # deferred: only compare needs it

        current = self.current.id if self.current is not None and self.current.kind == "entity" else None
        if len(self.marked) >= 2:
            return list(self.marked), None
        if not self.marked and self.current is not None and self.current.kind == "strategy":
            return self._strategy_companies(self.current.id)  # one mark asks for a second company instead
        if len(self.marked) == 1 and current is not None and current not in self.marked:
            return [self.marked[0], current], lambda lang: Text(phrase("compare.marked_with_current", lang))
        if current is None:
            return None
        from fintech_tui.tui.screens.compare import columns_that_fit, table_room  # deferred with the compare view

        fit = columns_that_fit(table_room(self.app.size.width))
        found = peers(self.index, self.index.entities[current], max(1, min(COMPARE_PEERS, fit - 1)))
        if not found:
            self.notify(self.phrase("toast.no_peers", name=self._entity_name(current).plain), timeout=3, markup=False)
            return None
        name = self.index.entities[current].name
        rule = "compare.paired_first" if any(peer.paired for peer in found) else "compare.chosen_by"

        def why(lang: Lang) -> Text:
            return Text(phrase(rule, lang, name=one_line(name.pick(lang)).plain))

        return [current, *(peer.entity.id for peer in found)], why

    def _strategy_companies(self, strategy_id: str) -> tuple[list[str], Callable[[Lang], Text] | None] | None:
        """The companies that pursue a strategy, to compare side by side (two or more)."""
        strategy = self.index.strategies[strategy_id]
        pursued = [e for e in dict.fromkeys(strategy.pursued_by) if e in self.index.entities]
        if len(pursued) < 2:
            names = Text(self.phrase("list.separator")).join(self._entity_name(e) for e in pursued).plain
            self.notify(self.phrase("toast.strategy_alone", names=names or "—"), timeout=3, markup=False)
            return None
        name = strategy.name

        def why(lang: Lang) -> Text:
            return Text(phrase("compare.strategy", lang, name=one_line(name.pick(lang)).plain))

        return pursued, why

    def action_compare(self) -> None:
        """Compare the marked companies, or the current one with the most related others."""
        from fintech_tui.tui.screens.compare import CompareScreen  # deferred: not on the first screen

        choice = self.compare_choice()
        if choice is None:
            if not self.marked and self.current is not None and self.current.kind == "strategy":
                return  # the strategy's one company was named in a toast
            if len(self.marked) == 1 and (self.current is None or self.current.kind != "entity"):
                name = self._entity_name(self.marked[0]).plain  # one is marked already: ask for the second
                self.notify(self.phrase("toast.compare_one_marked", name=name), timeout=3, markup=False)
            elif self.current is None or self.current.kind != "entity":
                self.notify(self.phrase("toast.compare_how"), timeout=3, markup=False)
            return
        ids, why = choice
        entities = [self.index.entities[e] for e in dict.fromkeys(ids)]
        self.app.push_screen(CompareScreen(self.index, entities, why))

    def action_gaps(self, start: int = 0) -> None:
        from fintech_tui.tui.screens.gaps import GapsScreen  # deferred: not on the first screen

        report = GapsScreen(self.index, start)

        def chosen(ref: Ref | None) -> None:
            if ref is not None:
                self.open(ref)
                self._return = (ref, lambda: self.action_gaps(report.chosen))

        self.app.push_screen(report, chosen)

    def action_copy_link(self) -> None:
        """Copy the current item's --goto link (the terminal must allow OSC 52)."""
        if self.current is None:
            return
        link = goto_link(self.current)
        self.app.copy_to_clipboard(f"--goto {link}")
        self.notify(self.phrase("toast.copied", link=link), timeout=3, markup=False)

    def show_source(self, ref: Ref | None, quote: str = "") -> None:
        """The source view at `quote`; when it is one of the current item's quotes, all of them are highlighted."""
        from fintech_tui.tui.screens.source import SourceScreen  # deferred: not on the first screen

        item = self.index.get(self.current) if self.current else None
        evidence = tuple(getattr(item, "evidence", ()))
        if ref is None or not any((ev.para, ev.quote) == (ref.id, quote) for ev in evidence):
            evidence = ()  # a quote of another item: that quote alone
        self.app.push_screen(SourceScreen(self.index, ref, quote, evidence), self._chosen)
