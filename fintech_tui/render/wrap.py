"""One line-breaking rule for every view: Chinese and Latin text mixed.

Rich breaks lines only at spaces, so a Chinese sentence is one long "word":
it is pushed below a short prefix (a lone `¶7` above its quote) and then cut
wherever the width runs out, which puts `，` or `。` at the start of a line and
splits a `⟨reading⟩` marker. Here a line may break between any two Chinese
characters, except before closing punctuation, after opening punctuation,
inside a marker and between a number and its unit (1美分, 30万元); Latin words
still break only at spaces.

`breakable(renderable)` switches every Text inside a Group or Table to these
rules in place, so the renderers that build the views need not know about it.
An underlined run (the views underline names: a garbled alias) stays on one line.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator, Sequence

from rich.cells import cell_len
from rich.console import Console, ConsoleOptions, Group, JustifyMethod, OverflowMethod, RenderableType
from rich.containers import Lines
from rich.measure import Measurement
from rich.table import Table
from rich.text import Text

#: No line may start with these (closing punctuation, Chinese and Latin).
NO_BREAK_BEFORE = frozenset("，。、；：？！）」』】》〉”’…—·‥％%,.;:!?)]}⟩")
#: No line may end with these (opening punctuation).
NO_BREAK_AFTER = frozenset("（「『【《〈“‘([{⟨")
MARKER_OPEN, MARKER_CLOSE = "⟨", "⟩"
#: Chinese characters that write a unit or scale after a number: 1美分, 30万元, 3倍 stay whole.
UNIT_AFTER_NUMBER = frozenset("万亿千百元角分美港欧英镑倍个点人户家次台笔张份岁年月日天周秒名位条款单项")


def _is_wide(char: str) -> bool:
    """A character that stands on its own for line breaking (Chinese, kana, full-width)."""
    return unicodedata.east_asian_width(char) in ("W", "F")


def atoms(text: str) -> list[tuple[int, int]]:
    """Unbreakable runs of `text` as (start, end): a Latin word with the spaces
    after it, one wide character, a whole ⟨marker⟩; punctuation glued to its
    neighbour so that no line starts with a closing or ends with an opening mark."""
    spans: list[list[int]] = []
    glue_next = False  # the previous character was opening punctuation
    i, length = 0, len(text)
    while i < length:
        char = text[i]
        if char == MARKER_OPEN and (close := text.find(MARKER_CLOSE, i)) != -1:
            end = close + 1
        elif char.isspace():
            end = i + 1
            if spans and not glue_next:  # trailing space belongs to the atom before it
                spans[-1][1] = end
                i = end
                continue
        elif _is_wide(char) or char in NO_BREAK_BEFORE or char in NO_BREAK_AFTER:
            end = i + 1
            if char in UNIT_AFTER_NUMBER and i and text[i - 1].isdigit():  # 1美分: the unit after its number
                while end < length and text[end] in UNIT_AFTER_NUMBER:
                    end += 1
                spans[-1][1] = end
                glue_next = False
                i = end
                continue
        else:  # a Latin word, its own punctuation included (JD.com): up to a space or wide character
            end = i + 1
            while end < length and not _ends_word(text[end]):
                end += 1
        if spans and (glue_next or char in NO_BREAK_BEFORE or (char == MARKER_OPEN and _glued_marker(text, i))):
            spans[-1][1] = end
        else:
            spans.append([i, end])
        glue_next = text[end - 1] in NO_BREAK_AFTER
        i = end
    return [(start, end) for start, end in spans]


def _ends_word(char: str) -> bool:
    return char.isspace() or _is_wide(char) or char == MARKER_OPEN or (char in NO_BREAK_AFTER and not char.isascii())


def _glued_marker(text: str, at: int) -> bool:
    """A ⟨reading⟩ stays on the line of the name it follows (no space between them)."""
    return at > 0 and not text[at - 1].isspace()


def _kept_whole(
    text: str, spans: list[tuple[int, int]], keep: Sequence[tuple[int, int]], width: int
) -> list[tuple[int, int]]:
    """`spans` with those that start inside a `keep` range joined to the one before them.
    A joined run wider than a line keeps just the range whole (a ⟨marker⟩ glued after the
    name may then move to the next line); a range wider than a line breaks as before."""
    if not keep:
        return spans
    ranges = sorted(keep)
    groups: list[tuple[list[tuple[int, int]], int]] = []  # joined spans, the end of their range
    at = 0  # the first range that may still hold a span start
    for start, end in spans:
        while at < len(ranges) and ranges[at][1] <= start:
            at += 1
        if groups and at < len(ranges) and ranges[at][0] < start:
            groups[-1][0].append((start, end))
            groups[-1] = (groups[-1][0], ranges[at][1])
        else:
            groups.append(([(start, end)], end))
    joined: list[tuple[int, int]] = []
    for group, range_end in groups:
        first, last = group[0][0], group[-1][1]
        if len(group) == 1 or cell_len(text[first:last].rstrip()) <= width:
            joined.append((first, last))
        elif range_end < last and cell_len(text[first:range_end]) <= width:
            joined += [(first, range_end), (range_end, last)]  # the name whole, what was glued to it apart
        else:
            joined += group
    return joined


def break_offsets(text: str, width: int, *, fold: bool = True, keep: Sequence[tuple[int, int]] = ()) -> list[int]:
    """Where each new line starts, filling lines greedily up to `width` cells.

    No line breaks inside a `keep` range (a name the view underlines). An atom
    wider than a whole line is folded character by character when `fold` is
    set, and otherwise left to overflow its own line.
    """
    offsets: list[int] = []
    used = 0
    for start, end in _kept_whole(text, atoms(text), keep, width):
        word = text[start:end]
        visible = cell_len(word.rstrip())
        if used and used + visible > width:
            offsets.append(start)
            used = 0
        if visible > width and fold:  # longer than a line: fold it where the width runs out
            for at in range(start, end):
                cells = cell_len(text[at])
                if used and used + cells > width and not text[at].isspace():
                    offsets.append(at)
                    used = 0
                used += cells
        else:
            used += cell_len(word)
    return [offset for offset in offsets if 0 < offset < len(text)]


class Breaking(Text):
    """Text that wraps by `break_offsets` instead of at spaces only."""

    __slots__ = ()

    def wrap(
        self,
        console: Console,
        width: int,
        *,
        justify: JustifyMethod | None = None,
        overflow: OverflowMethod | None = None,
        tab_size: int = 8,
        no_wrap: bool | None = None,
    ) -> Lines:
        wrap_overflow: OverflowMethod = overflow or self.overflow or "fold"
        if no_wrap or (no_wrap is None and self.no_wrap) or overflow == "ignore":
            return super().wrap(console, width, justify=justify, overflow=overflow, tab_size=tab_size, no_wrap=no_wrap)
        wrap_justify: JustifyMethod = justify or self.justify or "default"
        lines = Lines()
        for line in self.split(allow_blank=True):
            if "\t" in line:
                line.expand_tabs(tab_size)
            names = [(span.start, span.end) for span in line.spans if "underline" in str(span.style)]
            new_lines = line.divide(break_offsets(line.plain, width, fold=wrap_overflow == "fold", keep=names))
            for part in new_lines:
                part.rstrip_end(width)
            new_lines.justify(console, width, justify=wrap_justify, overflow=wrap_overflow)
            for part in new_lines:
                part.truncate(width, overflow=wrap_overflow)
            lines.extend(new_lines)
        return lines

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        """The narrowest width is the widest atom, not the longest run without spaces."""
        widest = Text.__rich_measure__(self, console, options)
        smallest = max((cell_len(self.plain[s:e].rstrip()) for s, e in atoms(self.plain)), default=0)
        return Measurement(min(smallest, widest.maximum), widest.maximum)


def _texts(renderable: object) -> Iterator[Text]:
    """Every Text inside `renderable`, looking into Groups and Tables."""
    if isinstance(renderable, Text):
        yield renderable
    elif isinstance(renderable, Group):
        for child in renderable.renderables:
            yield from _texts(child)
    elif isinstance(renderable, Table):
        for column in renderable.columns:
            yield from _texts(column.header)
            for cell in column.cells:
                yield from _texts(cell)


def breakable(renderable: RenderableType) -> RenderableType:
    """`renderable` with every Text in it following the line-breaking rules above.

    Texts are switched in place (a subclass with no state of its own), so
    a renderer's tables and groups keep their structure and styles. A bare
    Text comes back inside a Group: Textual turns a Text it is given into its
    own Content, which would wrap by its own rules."""
    for text in _texts(renderable):
        if type(text) is Text:
            text.__class__ = Breaking
    return Group(renderable) if isinstance(renderable, Text) else renderable
