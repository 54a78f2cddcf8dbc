"""An OptionList that draws only what is on screen: options wrapped on demand, per width.

Textual's OptionList wraps every option to learn its height before it draws the first
line: 100,000 paragraphs took 28 s, one 4 MB paragraph 29 s and 400 MiB. Here each option
is one or more blocks (a long paragraph's pages, see `render.pages`) whose heights are
guessed (`LineMap`) until drawn; the blocks on screen and a screen either side are drawn
before each frame, and the block at the top keeps its place while guesses above it turn
into heights. Keys, the cursor, its styles, clicks and messages stay OptionList's own.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import accumulate
from typing import Any

from rich.console import RenderableType
from textual.cache import LRUCache
from textual.geometry import Region, Size, Spacing
from textual.strip import Strip
from textual.style import Style
from textual.visual import Padding, visualize
from textual.widgets import OptionList

from fintech_tui.tui.widgets.line_map import LineMap

#: Below this many options (none of them paged) every one is measured at once, as OptionList does (a guess would show).
MEASURE_ALL_BELOW = 500


class _Lines(Sequence[tuple[int, int]]):
    """OptionList's `_lines` (option, line within it) for each line, read from the map."""

    def __init__(self, owner: VirtualOptionList) -> None:
        self.owner = owner

    def __len__(self) -> int:
        return self.owner.line_map().total

    def __getitem__(self, line: Any) -> Any:
        lines = self.owner.line_map()
        if not 0 <= line < lines.total:
            raise IndexError(line)
        option = lines.owners[lines.block_at(line)]
        return option, line - lines.option_start(option)


class _Starts:
    """OptionList's `_index_to_line`: option → its first line."""

    def __init__(self, owner: VirtualOptionList) -> None:
        self.owner = owner

    def __getitem__(self, option: int) -> int:
        return self.owner.line_map().option_start(option)


class _Heights:
    """OptionList's `_heights`: option → its lines."""

    def __init__(self, owner: VirtualOptionList) -> None:
        self.owner = owner

    def __getitem__(self, option: int) -> int:
        return self.owner.line_map().option_height(option)


class VirtualOptionList(OptionList):
    """Subclasses say how many blocks each option has, guess their heights, and render them."""

    def __init__(self, *content: Any, **options: Any) -> None:
        self._maps: dict[int, LineMap] = {}  # width → the blocks' heights at that width
        self._strips: LRUCache[tuple[int, int, Style], list[Strip]] = LRUCache(maxsize=1024)
        super().__init__(*content, **options)

    # -- what a subclass says ----------------------------------------------------------------------
    def block_counts(self) -> list[int]:
        """How many blocks each option is drawn in (asked once per layout)."""
        return [1] * self.option_count

    def guess_heights(self, width: int) -> list[int]:
        """A cheap guess of every block's lines at `width`, in order (one list: 100,000 calls cost a second)."""
        return [1] * sum(self.block_counts())

    def block_renderable(self, option: int, block: int, blocks: int) -> RenderableType:
        """Block `block` of the `blocks` of option `option`."""
        raise NotImplementedError

    # -- the map ---------------------------------------------------------------------------------
    def forget_layout(self) -> None:
        """Every option looks different now (another reading): measure again."""
        self._maps.clear()
        self._strips.clear()
        self.refresh()

    def _draw_width(self) -> int:
        return self.scrollable_content_region.width

    def line_map(self) -> LineMap:
        """The map at the current width, made (from guesses) the first time it is asked for."""
        width = self._draw_width()
        if (found := self._maps.get(width)) is not None:
            return found
        padding = self.get_component_styles("option-list--option").padding
        counts = self.block_counts()
        owners = [option for option, count in enumerate(counts) for _ in range(count)]
        firsts = [0, *accumulate(counts)]
        heights = self.guess_heights(max(1, width - padding.width))
        lines = self._maps[width] = LineMap(heights, owners, firsts)
        if lines.blocks == self.option_count < MEASURE_ALL_BELOW:  # no long paragraph, few short ones
            for block in range(lines.blocks):
                self._measure(lines, block)
        return lines

    def _measure(self, lines: LineMap, block: int) -> None:
        if not lines.measured[block]:
            lines.measure(block, len(self._block_strips(block, self.get_visual_style("option-list--option"))))

    def _block_strips(self, block: int, style: Style) -> list[Strip]:
        lines = self.line_map()
        width = self._draw_width()
        key = (width, block, style)
        if (strips := self._strips.get(key)) is not None:
            return strips
        option = lines.owners[block]
        first = lines.firsts[option]
        padding = self.get_component_styles("option-list--option").padding
        padding = Spacing(0, padding.right, 0, padding.left)  # as OptionList draws: its height leaves them out
        blocks = lines.firsts[option + 1] - first
        visual = visualize(self, self.block_renderable(option, block - first, blocks), markup=False)
        if padding:
            visual = Padding(visual, padding)
        rendered = visual.to_strips(self, visual, width, None, style)
        meta = {"option": option}
        strips = [strip.extend_cell_length(width, style.rich_style).apply_meta(meta) for strip in rendered]
        self._strips[key] = strips
        return strips

    def _sync_size(self) -> None:
        lines = self.line_map()
        virtual = Size(self._draw_width(), lines.total)
        if virtual != self.virtual_size:
            self.virtual_size = virtual
            self._scroll_update(virtual)

    def settle(self, around: int | None = None) -> None:
        """Draw the blocks on screen and a screen either side (or around line `around`),
        keeping the line at the top of the view on the block it is on."""
        if not self.scrollable_content_region:
            return
        lines = self.line_map()
        if not lines.blocks:
            return
        height = max(1, self.scrollable_content_region.height)
        y = int(self.scroll_y)
        top = lines.block_at(y)
        offset = y - lines.starts[top]
        centre = top if around is None else lines.block_at(around)
        for step, reach in ((-1, height), (1, 2 * height + offset)):
            block, covered = centre if step == 1 else centre - 1, 0
            while 0 <= block < lines.blocks and covered < reach:
                self._measure(lines, block)
                covered += lines.heights[block]
                block += step
        self._sync_size()
        kept = lines.starts[top] + offset
        if around is None and kept != y:
            self.set_scroll(None, kept)  # this frame draws from there; no second frame needed
            self.scroll_target_y = kept
            if self.show_vertical_scrollbar:
                self.vertical_scrollbar.position = kept

    # -- OptionList's line cache, answered by the map ----------------------------------------------
    @property
    def _lines(self) -> Sequence[tuple[int, int]]:
        self._update_lines()
        return _Lines(self)

    @property
    def _heights(self) -> dict[int, int]:
        self._update_lines()
        return _Heights(self)  # type: ignore[return-value]

    @property
    def _index_to_line(self) -> dict[int, int]:
        self._update_lines()
        return _Starts(self)  # type: ignore[return-value]

    def _update_lines(self) -> None:
        if self.scrollable_content_region:
            self._sync_size()

    def _clear_caches(self) -> None:
        self._strips.clear()
        self.refresh()

    def add_options(self, new_options: Any) -> Any:
        self._maps.clear()
        return super().add_options(new_options)

    def _replace_option_prompt(self, index: int, prompt: Any) -> None:
        super()._replace_option_prompt(index, prompt)
        self.forget_layout()

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return self.line_map().total

    def get_content_width(self, container: Size, viewport: Size) -> int:
        return container.width

    def render_lines(self, crop: Region) -> list[Strip]:
        self.settle()
        return super().render_lines(crop)

    def scroll_to_highlight(self, top: bool = False) -> None:
        """As OptionList's, with the blocks around the highlighted option drawn first."""
        if self.highlighted is not None and self.is_mounted and self.scrollable_content_region:
            self.settle(around=self.line_map().option_start(self.highlighted))
        super().scroll_to_highlight(top)

    def render_line(self, y: int) -> Strip:
        width = self._draw_width()
        blank = Strip.blank(width, self.get_visual_style("option-list--option").rich_style)
        lines = self.line_map()
        line = self.scroll_offset.y + y
        if not 0 <= line < lines.total:
            return blank
        block = lines.block_at(line)
        while not lines.measured[block]:  # drawn now: its height may move what follows
            self._measure(lines, block)
            block = lines.block_at(line)
        option = lines.owners[block]
        component = ""
        if self.options[option].disabled:
            component = "option-list--option-disabled"
        elif self.highlighted == option:
            component = "option-list--option-highlighted"
        elif self._mouse_hovering_over == option:
            component = "option-list--option-hover"
        style = self.get_visual_style("option-list--option", *([component] if component else []))
        strips = self._block_strips(block, style)
        offset = line - lines.starts[block]
        return strips[offset] if offset < len(strips) else blank
