"""`--goto KIND:ID` links: reading them (¶ numbers accepted) and writing them.

No Textual import: the command line resolves a link before the explorer loads.
"""

from __future__ import annotations

import difflib

from fintech_tui.model import kind_named, kinds
from fintech_tui.queries.index import PackIndex, Ref


def goto_link(ref: Ref) -> str:
    """The `--goto` argument that opens `ref`."""
    return f"{ref.kind}:{ref.id}"


def resolve_goto(text: str, index: PackIndex) -> Ref:
    """The item `text` names; a paragraph may be given by its ¶ number
    (`paragraph:5`, `paragraph:¶5`, `¶5`). ValueError says what is wrong."""
    kind, _, item_id = text.partition(":")
    if not item_id and kind.startswith("¶"):
        kind, item_id = "paragraph", kind
    if kind_named(kind) is None:
        raise ValueError(f"the kind must be one of {', '.join(k.name for k in kinds())} (e.g. entity:alipay)")
    ref = Ref(kind, item_id)
    if index.get(ref) is not None:
        return ref
    if kind == "paragraph" and (number := item_id.removeprefix("¶")).isdigit():
        paragraphs = index.pack.paragraphs
        if 1 <= int(number) <= len(paragraphs):
            return Ref("paragraph", paragraphs[int(number) - 1].id)
        raise ValueError(f"the article has paragraphs ¶1 to ¶{len(paragraphs)}")
    found = kind_named(kind)
    ids = [item.id for item in found.items(index.pack)] if found is not None else []
    close = difflib.get_close_matches(item_id, ids, n=1)
    if close:
        raise ValueError(f"no such item; did you mean {kind}:{close[0]}?")
    raise ValueError("no such item (use KIND:ID, e.g. entity:alipay; the detail view shows each item's link)")
