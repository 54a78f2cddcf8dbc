"""The explorer: four navigation panes beside a detail view, with history.

Selection is one reactive, `current`; panes and links post messages and this
screen routes them, so widgets never talk to each other directly.
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.events import Resize
from textual.reactive import reactive
from textual.screen import Screen
from textual.timer import Timer
from textual.widget import Widget
from textual.widgets import Footer

from fintech_tui.history import History
from fintech_tui.index import PackIndex, Ref
from fintech_tui.model import Lang
from fintech_tui.render.detail import describe
from fintech_tui.render.labels import kind_title
from fintech_tui.sanitize import neutralise
from fintech_tui.widgets.detail_view import DetailBody, DetailView
from fintech_tui.widgets.item_tree import ItemTree
from fintech_tui.widgets.link_list import LinkList
from fintech_tui.widgets.pane_bar import PaneBar
from fintech_tui.widgets.panes import PANES
from fintech_tui.widgets.title_bar import TitleBar

NARROW_WIDTH = 100  # below this the panes share one column, one at a time
PREVIEW_DELAY = 0.06  # seconds the cursor must rest before the detail view follows it


class MainScreen(Screen[None]):
    """Outline, Companies, Strategies and Arguments, and the item they select."""

    BINDINGS = [
        Binding("1", "focus_pane(0)", "Outline", show=False),
        Binding("2", "focus_pane(1)", "Companies", show=False),
        Binding("3", "focus_pane(2)", "Strategies", show=False),
        Binding("4", "focus_pane(3)", "Arguments", show=False),
        Binding("5,d", "focus_detail", "Detail", show=False),
        Binding("tab", "cycle(1)", "Next pane", show=False, priority=True),
        Binding("shift+tab", "cycle(-1)", "Previous pane", show=False, priority=True),
        Binding("slash", "search", "Search", key_display="/"),
        Binding("s", "source", "Source"),
        Binding("backspace,alt+left,left_square_bracket", "back", "Back", key_display="⌫"),
        Binding("alt+right,right_square_bracket", "forward", "Forward", key_display="]", show=False),
        Binding("t", "toggle_language", "中/EN"),
        Binding(
            "e",
            "toggle_evidence_readings",
            "Readings",
            show=False,
            tooltip="Show or hide the reading of each cited paragraph under its quote",
        ),
        Binding("m", "matrix", "Matrix", show=False),
        Binding("f", "figures", "Figures", show=False),
        Binding("x", "mark", "Mark to compare", show=False),
        Binding("c", "compare", "Compare", show=False),
        Binding("r", "gaps", "Gap report", show=False),
        Binding("S", "screenshot_svg", "Screenshot (SVG)", show=False),
        Binding("escape", "leave_detail", "Panes", show=False),
    ]

    AUTO_FOCUS = ""  # on_mount decides: a pane, or the links of a --goto item

    current: reactive[Ref | None] = reactive(None, init=False)
    lang: reactive[Lang] = reactive("en", init=False)

    def __init__(self, index: PackIndex, lang: Lang = "en", goto: Ref | None = None) -> None:
        super().__init__()
        self.index = index
        self.history: History[Ref] = History()
        self.set_reactive(MainScreen.lang, lang)
        self._goto = goto
        self._active_pane = 0
        self._pending_preview: Ref | None = None
        self.marked: list[str] = []  # entity ids chosen for the compare view
        self._preview_timer: Timer | None = None

    def compose(self) -> ComposeResult:
        self.set_class(self.app.size.width < NARROW_WIDTH, "-narrow")  # before children are styled
        yield TitleBar(self.app.sub_title)
        with Horizontal(id="main"):
            with Vertical(id="panes"):
                yield PaneBar([pane.PANE_TITLE for pane in PANES], id="pane-bar")
                for number, pane in enumerate(PANES):
                    yield pane(self.index, self.lang, id=f"pane-{number}")
            yield DetailView(id="detail")
        yield Footer()

    @property
    def panes(self) -> list[ItemTree]:
        return list(self.query(ItemTree))

    def on_mount(self) -> None:
        self._activate(0)
        if self._goto is not None:
            self.open(self._goto, record=False)
            self.query_one(LinkList).focus()
        else:
            self.panes[0].focus()  # focusing a pane previews its first item

    def warm_up_search(self) -> None:
        """Build the search table (pinyin included) in a thread while the search box
        opens, so the first keystroke rarely waits for it."""
        if "search_entries" not in self.index.__dict__:
            self.run_worker(lambda: self.index.search_entries, thread=True, group="warm-up", exit_on_error=False)

    # -- selection and history --------------------------------------------

    def open(self, ref: Ref, *, record: bool = True) -> None:
        """Show `ref` in the detail view; `record` puts the move in history."""
        if self.index.get(ref) is None:
            self.notify(f"Nothing is called {ref}.", severity="warning")
            return
        if self._preview_timer is not None:  # an explicit open wins over a pending preview
            self._preview_timer.stop()
            self._preview_timer = None
        if record:
            self.history.visit(self.current, ref)
        self.current = ref
        for pane in self.panes:
            if pane.select_ref(ref):
                break

    def watch_current(self, ref: Ref | None) -> None:
        self._render_detail()

    def watch_lang(self, lang: Lang) -> None:
        self.app.sub_title = neutralise(self.index.pack.meta.title.pick(lang))  # the title bars follow it
        for pane in self.panes:
            pane.relabel(lang)
        self._render_detail()

    def _render_detail(self) -> None:
        if self.current is None:
            return
        kind = kind_title(self.current.kind)
        self.query_one(DetailView).show(describe(self.index, self.current, self.lang), kind)

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
            self.current = ref

    @on(ItemTree.Opened)
    def _opened(self, event: ItemTree.Opened) -> None:
        self.open(event.ref)
        self.query_one(LinkList).focus()

    @on(LinkList.Followed)
    def _followed(self, event: LinkList.Followed) -> None:
        link = event.link
        if link.kind == "evidence":
            self.show_source(link.ref, link.quote)
        else:
            self.open(link.ref)

    def action_back(self) -> None:
        if self.current is not None and (ref := self.history.back(self.current)):
            self.open(ref, record=False)
        else:
            self.notify("Nothing further back.", timeout=2)

    def action_forward(self) -> None:
        if self.current is not None and (ref := self.history.forward(self.current)):
            self.open(ref, record=False)
        else:
            self.notify("Nothing further forward.", timeout=2)

    # -- focus, panes and layout --------------------------------------------

    def _focus_order(self) -> list[Widget]:
        return [*self.panes, self.query_one(DetailBody), self.query_one(LinkList)]

    def action_focus_pane(self, number: int) -> None:
        self._activate(number)
        self.panes[number].focus()

    def action_focus_detail(self) -> None:
        self.query_one(LinkList).focus()

    def action_leave_detail(self) -> None:
        self.action_focus_pane(self._active_pane)

    def action_cycle(self, step: int) -> None:
        order = self._focus_order()
        focused = self.focused
        position = order.index(focused) if focused in order else -1
        target = order[(position + step) % len(order)]
        if isinstance(target, ItemTree):
            self._activate(self.panes.index(target))
        target.focus()

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

    def action_toggle_language(self) -> None:
        self.lang = "zh" if self.lang == "en" else "en"
        self.notify("标签：中文" if self.lang == "zh" else "Labels: English", timeout=2)

    def action_toggle_evidence_readings(self) -> None:
        """Under each quote, the English (or, in Chinese, the restored reading) of its paragraph, or not."""
        self.query_one(DetailView).toggle_readings()

    def action_search(self) -> None:
        from fintech_tui.screens.search import SearchScreen  # deferred: not on the first screen

        self.warm_up_search()
        self.app.push_screen(SearchScreen(self.index, self.lang), self._chosen)

    def _chosen(self, ref: Ref | None) -> None:
        if ref is not None:
            self.open(ref)

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
        from fintech_tui.screens.matrix import MatrixScreen  # deferred: not on the first screen

        self.app.push_screen(MatrixScreen(self.index, self.lang))

    def action_figures(self) -> None:
        from fintech_tui.screens.figures import FiguresScreen  # deferred: not on the first screen

        self.app.push_screen(FiguresScreen(self.index, self.lang))

    def action_mark(self) -> None:
        """Mark (or unmark) the current company for the compare view."""
        if self.current is None or self.current.kind != "entity":
            self.notify("Mark companies: select one in the Companies pane, then press x.", timeout=3)
            return
        if self.current.id in self.marked:
            self.marked.remove(self.current.id)
        else:
            self.marked.append(self.current.id)
        names = ", ".join(self.index.entities[e].name.pick(self.lang) for e in self.marked) or "none"
        self.notify(f"Marked to compare: {names}", timeout=3)

    def action_compare(self) -> None:
        """Compare the marked companies, or the current one with others of its kind."""
        from fintech_tui.screens.compare import CompareScreen  # deferred: not on the first screen

        ids = list(self.marked)
        if len(ids) < 2 and self.current is not None and self.current.kind == "entity":
            kind = self.index.entities[self.current.id].kind
            ids = [self.current.id, *(e.id for e in self.index.pack.entities if e.kind == kind)]
        chosen = list(dict.fromkeys(ids))[:5]
        if len(chosen) < 2:
            self.notify("Mark two or more companies with x, then press c.", timeout=3)
            return
        self.app.push_screen(CompareScreen(self.index, [self.index.entities[e] for e in chosen], self.lang))

    def action_gaps(self) -> None:
        from fintech_tui.screens.gaps import GapsScreen  # deferred: not on the first screen

        self.app.push_screen(GapsScreen(self.index), self._chosen)

    def action_screenshot_svg(self) -> None:
        """Save what is on screen as an SVG in the current folder."""
        path = self.app.save_screenshot()
        self.notify(f"Saved {path}", timeout=4)

    def show_source(self, ref: Ref | None, quote: str = "") -> None:
        from fintech_tui.screens.source import SourceScreen  # deferred: not on the first screen

        self.app.push_screen(SourceScreen(self.index, ref, quote, self.lang), self._chosen)
