"""`--goto KIND:ID` links: reading them (¶ numbers accepted) and writing them.

No Textual import: the command line resolves a link before the explorer loads.
"""

from __future__ import annotations

import typing

from fintech_tui.index import PackIndex, Ref
from fintech_tui.model import ItemKind

KINDS: tuple[str, ...] = typing.get_args(ItemKind)


def goto_link(ref: Ref) -> str:
    """The `--goto` argument that opens `ref`."""
    return f"{ref.kind}:{ref.id}"


def parse_goto(text: str, index: PackIndex) -> Ref:
    """The item `text` names; a paragraph may be given by its ¶ number
    (`paragraph:5`, `paragraph:¶5`, `¶5`). ValueError says what is wrong."""
    kind, _, item_id = text.partition(":")
    if not item_id and kind.startswith("¶"):
        kind, item_id = "paragraph", kind
    if kind not in KINDS:
        raise ValueError(f"the kind must be one of {', '.join(KINDS)} (e.g. entity:alipay)")
    ref = Ref(kind, item_id)  # type: ignore[arg-type]  # kind checked against the model's kinds above
    if index.get(ref) is not None:
        return ref
    if kind == "paragraph" and (number := item_id.removeprefix("¶")).isdigit():
        paragraphs = index.pack.paragraphs
        if 1 <= int(number) <= len(paragraphs):
            return Ref("paragraph", paragraphs[int(number) - 1].id)
        raise ValueError(f"the article has paragraphs ¶1 to ¶{len(paragraphs)}")
    raise ValueError("no such item (use KIND:ID, e.g. entity:alipay; the detail view shows each item's link)")
