"""Key bindings whose words come from the message table, and their translation.

`bind` declares a binding by meaning: its footer word and tooltip are the
table's English for `key.<meaning>`, and the meaning is its id. `localised`
gives the same bindings in the reader's language; the screens hand that to
Textual's Footer and to the help, so both follow the `t` key. Textual's own
bindings get their words from the table's `textual.<action>`, in both languages.

The vim-style keys are shared by every list, table and tree, so they behave
alike everywhere; each names the arrow key beside its letter, so the help and
the README (both generated from bindings) show the two together.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from rich.cells import cell_len
from textual.binding import ActiveBinding, Binding, BindingType

from fintech_tui.i18n import MESSAGES, phrase
from fintech_tui.model import Lang


def bind(keys: str, action: str, meaning: str, *, group: str = "", **options: Any) -> Binding:
    """A binding described by the table's `key.<meaning>` (and `.tip`), with `meaning` as its id;
    bindings of one `group` share one footer entry, worded by the table's `group.<group>`."""
    tip = f"key.{meaning}.tip"
    tooltip = phrase(tip, "en") if tip in MESSAGES else ""
    if group:
        options["group"] = Binding.Group(phrase(f"group.{group}", "en"), compact=True)
    return Binding(keys, action, phrase(f"key.{meaning}", "en"), tooltip=tooltip, id=meaning, **options)


def _localise_group(group: Binding.Group | None, lang: Lang) -> Binding.Group | None:
    """A footer group's word in `lang` (found by its English: a group has no id)."""
    if group is None:
        return None
    for key, (english, _) in MESSAGES.items():
        if key.startswith("group.") and english == group.description:
            return replace(group, description=phrase(key, lang))
    return group


def localise(binding: Binding, lang: Lang) -> Binding:
    """`binding` with its footer word and tooltip in `lang`; Textual's own
    bindings, which have no meaning of ours, are worded by their action from
    the table's `textual.<action>` in English too, so that they read like ours
    ("Focus next part", not Textual's "Focus Next")."""
    if binding.id is not None and f"key.{binding.id}" in MESSAGES:
        if lang == "en":
            return binding  # `bind` worded it in English already
        tip = f"key.{binding.id}.tip"
        tooltip = phrase(tip, lang) if tip in MESSAGES else binding.tooltip
        words = phrase(f"key.{binding.id}", lang)
        return replace(binding, description=words, tooltip=tooltip, group=_localise_group(binding.group, lang))
    if binding.description and f"textual.{binding.action}" in MESSAGES:
        words = phrase(f"textual.{binding.action}", lang)
        return replace(binding, description=words, tooltip=words if binding.tooltip else "")
    return binding


def localised(active: dict[str, ActiveBinding], lang: Lang) -> dict[str, ActiveBinding]:
    """A screen's active bindings with their words in `lang`, for the footer and the help."""
    found: dict[str, ActiveBinding] = {}
    for key, (node, binding, enabled, _) in active.items():
        shown = localise(binding, lang)
        found[key] = ActiveBinding(node, shown, enabled, shown.tooltip)
    return found


#: Footer entries given up first when the footer is too narrow for all (they stay in ? and ctrl+p).
FOOTER_GIVES_WAY = ("language", "back", "quit", "figures", "matrix", "source")
FOOTER_PALETTE = 14  # cells the footer keeps for "^p Commands" at its right end


def fit_footer(active: dict[str, ActiveBinding], width: int) -> dict[str, ActiveBinding]:
    """`active` with the least needed keys hidden from the footer until the others fit in
    `width` cells, so the footer never cuts a word ("c Com"); every key still works."""

    def cells(binding: Binding) -> int:  # " k Word ": the key, a space, the word, a cell either side
        return cell_len(binding.key_display or binding.key) + cell_len(binding.description) + 3

    entries: dict[str, Binding] = {}  # the footer shows one entry per action
    for item in active.values():
        if item.binding.show:
            entries.setdefault(item.binding.action, item.binding)
    used = sum(cells(binding) for binding in entries.values())
    hidden: set[str] = set()
    for meaning in FOOTER_GIVES_WAY:
        for action, binding in entries.items():
            if used > width - FOOTER_PALETTE and binding.id == meaning:
                hidden.add(action)
                used -= cells(binding)
    if not hidden:
        return active
    return {
        key: item._replace(binding=replace(item.binding, show=False)) if item.binding.action in hidden else item
        for key, item in active.items()
    }


#: The vim keys, declared once: each motion with its keys, the vim letter before the arrow or page key.
VIM_KEYS: dict[str, str] = {
    "down": "j,down",
    "up": "k,up",
    "left": "h,left",
    "right": "l,right",
    "first": "g,home",
    "last": "G,end",
    "page_down": "space,pagedown",
    "page_up": "pageup",
}


def vim_keys(**motions: tuple[str, str]) -> list[BindingType]:
    """Hidden bindings for `motion=(action, words)`, each on its keys in `VIM_KEYS`, in the order given."""
    return [bind(VIM_KEYS[motion], action, words, show=False) for motion, (action, words) in motions.items()]


VIM_LIST_KEYS = vim_keys(
    down=("cursor_down", "down"), up=("cursor_up", "up"), first=("first", "first"), last=("last", "last")
)

VIM_TABLE_KEYS = vim_keys(
    down=("cursor_down", "down"),
    up=("cursor_up", "up"),
    left=("cursor_left", "left"),
    right=("cursor_right", "right"),
    first=("scroll_top", "first_row"),
    last=("scroll_bottom", "last_row"),
)

VIM_SCROLL_KEYS = vim_keys(
    down=("scroll_down", "scroll_down"),
    up=("scroll_up", "scroll_up"),
    left=("scroll_left", "scroll_left"),
    right=("scroll_right", "scroll_right"),
    first=("scroll_home", "top"),
    last=("scroll_end", "bottom"),
    page_down=("page_down", "page_down"),
    page_up=("page_up", "page_up"),
)
