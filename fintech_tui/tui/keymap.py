"""Keys as a reader sees them, read from the bindings themselves: names, rows, the help's sections.

Nothing here lists a key by hand, so what `?` shows, what the README says
(`key_table`) and what the keys do cannot drift apart.
"""

from __future__ import annotations

from collections.abc import Iterable

from textual.binding import Binding
from textual.dom import DOMNode

from fintech_tui.i18n import has, phrase
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
    return phrase(title, lang) if has(title) else title


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
            sections.append((phrase("place.app", lang) if isinstance(node, App) else _title(node, lang), fresh))
    return sections
