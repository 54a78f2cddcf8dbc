"""Key tables built from the bindings themselves: the help screen, the README.

Nothing here lists a key by hand, so what `?` shows, what the README says
and what the keys do cannot drift apart. `python -m fintech_tui.tui.keymap`
prints the README's table; a test checks the README holds exactly that.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Sequence

from textual.binding import Binding
from textual.dom import DOMNode

from fintech_tui.i18n import has, say
from fintech_tui.model import Lang

#: Textual's key names as a reader types them.
FRIENDLY = {
    "left_square_bracket": "[",
    "right_square_bracket": "]",
    "question_mark": "?",
    "slash": "/",
    "backspace": "⌫",
    "escape": "esc",
    "down": "↓",
    "up": "↑",
    "left": "←",
    "right": "→",
    "pagedown": "PgDn",
    "pageup": "PgUp",
    "alt+left": "alt+←",
    "alt+right": "alt+→",
}

Rows = list[tuple[str, str]]


def key_name(key: str) -> str:
    return FRIENDLY.get(key, key)


def explain(binding: Binding) -> str:
    """What a binding does, for the help and the README: its footer word and tooltip."""
    if not binding.tooltip:
        return binding.description
    if binding.tooltip.casefold().startswith(binding.description.casefold()):
        return binding.tooltip
    return f"{binding.description} — {binding.tooltip}"


def own_bindings(cls: type[DOMNode]) -> list[Binding]:
    """The bindings `cls` and its fintech-tui bases declare (Textual's own are left out)."""
    found: list[Binding] = []
    for klass in reversed(cls.__mro__):
        if klass.__module__.startswith("fintech_tui") and "BINDINGS" in klass.__dict__:
            found.extend(Binding.make_bindings(klass.__dict__["BINDINGS"]))
    return found


def rows(bindings: Iterable[Binding]) -> Rows:
    """(keys, what they do) per action, alternative keys joined ("5, d"); a later
    binding of a key replaces an earlier one, as in Textual."""
    by_key: dict[str, Binding] = {}
    for binding in bindings:
        if binding.description:
            by_key[binding.key] = binding
    grouped: dict[tuple[str, str], list[str]] = {}
    for key, binding in by_key.items():
        keys = grouped.setdefault((binding.action, explain(binding)), [])
        if key_name(key) not in keys:
            keys.append(key_name(key))
    return [(", ".join(keys), text) for (_, text), keys in grouped.items()]


def _title(node: DOMNode, lang: Lang) -> str:
    """What the help calls the place `node` is: its title (a message key, or words) or its class."""
    title = str(getattr(node, "help_title", "") or getattr(node, "HELP_TITLE", "") or type(node).__name__)
    return say(title, lang) if has(title) else title


def sections_for(screen: DOMNode, lang: Lang = "en") -> list[tuple[str, Rows]]:
    """The keys that work on `screen` right now, grouped by where they come from:
    the view itself first, then the focused widget, then the app's own; in `lang`."""
    from textual.app import App
    from textual.screen import Screen

    from fintech_tui.tui.widgets.keys import localised

    assert isinstance(screen, Screen)
    by_node: dict[DOMNode, list[Binding]] = {}
    for active in localised(screen.active_bindings, lang).values():
        by_node.setdefault(active.node, []).append(active.binding)
    order = sorted(by_node, key=lambda node: (isinstance(node, App), node is not screen))
    sections: list[tuple[str, Rows]] = []
    seen: set[tuple[str, str]] = set()
    for node in order:
        ours = {(b.key, b.action) for b in own_bindings(type(node))}  # keys and actions: words differ by language
        bindings = sorted(by_node[node], key=lambda b: (b.key, b.action) not in ours)  # its own keys first
        fresh = [row for row in rows(bindings) if row not in seen]
        seen.update(fresh)
        if fresh:
            sections.append((say("place.app", lang) if isinstance(node, App) else _title(node, lang), fresh))
    return sections


def places() -> list[tuple[str, type[DOMNode], bool]]:
    """Every place with keys of its own, in the order the README lists them, and
    whether its keys fit on one row (moving around, the same everywhere)."""
    from fintech_tui.tui.app import FintechApp
    from fintech_tui.tui.screens.compare import CompareScreen
    from fintech_tui.tui.screens.evidence import EvidenceScreen
    from fintech_tui.tui.screens.figures import FiguresScreen
    from fintech_tui.tui.screens.gaps import GapsScreen
    from fintech_tui.tui.screens.help import HelpScreen
    from fintech_tui.tui.screens.main import MainScreen
    from fintech_tui.tui.screens.matrix import MatrixScreen
    from fintech_tui.tui.screens.search import SearchScreen
    from fintech_tui.tui.screens.source import SourceScreen
    from fintech_tui.tui.screens.view import View
    from fintech_tui.tui.widgets.detail_view import DetailBody
    from fintech_tui.tui.widgets.item_tree import ItemTree
    from fintech_tui.tui.widgets.link_list import LinkList
    from fintech_tui.tui.widgets.vim import VimList, VimScroll
    from fintech_tui.tui.widgets.vim_table import VimTable

    return [
        ("Anywhere", FintechApp, False),
        ("Explorer", MainScreen, False),
        ("Panes (1–4)", ItemTree, True),
        ("Detail text", DetailBody, True),
        ("Detail links (5)", LinkList, True),
        ("Search (/)", SearchScreen, True),
        ("Every view below", View, False),
        ("Source view (s)", SourceScreen, False),
        ("Matrix (m)", MatrixScreen, False),
        ("Figures (f)", FiguresScreen, False),
        ("Compare (c)", CompareScreen, False),
        ("Gap report (r)", GapsScreen, False),
        ("Evidence", EvidenceScreen, False),
        ("Keys (?)", HelpScreen, False),
        ("Lists in views and links", VimList, True),
        ("Tables in views", VimTable, True),
        ("Scrolling views", VimScroll, True),
    ]


def _own_only(cls: type[DOMNode]) -> list[Binding]:
    """Bindings `cls` adds beyond its fintech-tui base classes."""
    inherited = {(b.key, b.action) for base in cls.__bases__ for b in own_bindings(base)}
    return [b for b in own_bindings(cls) if (b.key, b.action) not in inherited]


def markdown() -> str:
    """The README's key table: one row per action, grouped by place."""
    lines = ["| where | key | does |", "| --- | --- | --- |"]
    for place, cls, compact in places():
        found = [(" ".join(f"`{key}`" for key in keys.split(", ")), text) for keys, text in rows(_own_only(cls))]
        if compact and found:
            found = [(" · ".join(keys for keys, _ in found), " · ".join(text.lower() for _, text in found))]
        for keys, text in found:
            lines.append(f"| {place} | {keys} | {text} |")
            place = ""
    return "\n".join(lines) + "\n"


def main(argv: Sequence[str] | None = None) -> int:
    sys.stdout.write(markdown())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
