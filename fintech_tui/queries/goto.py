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
    if kind == "paragraph" and (number := item_id.removeprefix("¶")).isdigit() and number.isascii():
        if len(number.lstrip("0")) > 18:  # int() refuses past 4,300 digits; no article has a quintillion paragraphs
            raise ValueError(f"the article has paragraphs ¶1 to ¶{len(index.pack.paragraphs)}")
        paragraphs = index.pack.paragraphs
        if 1 <= int(number) <= len(paragraphs):
            return Ref("paragraph", paragraphs[int(number) - 1].id)
        raise ValueError(f"the article has paragraphs ¶1 to ¶{len(paragraphs)}")
    # An old link: an id spelled from a name the pack now keeps only as an alias, so links
    # written before an entity got its own id still open it (entity:pocket-life is
    # entity:cmb-life, figure:pocket-life-users is figure:cmb-life-users).
    for entity in index.pack.entities:
        for alias in entity.aliases:
            old = "-".join("".join(c if c.isascii() and c.isalnum() else " " for c in alias.text.casefold()).split())
            if old and old != entity.id and (item_id == old or item_id.startswith(f"{old}-")):
                moved = Ref(kind, entity.id + item_id[len(old) :])
                if index.get(moved) is not None:
                    return moved
    found = kind_named(kind)
    ids = [item.id for item in found.items(index.pack)] if found is not None else []
    close = difflib.get_close_matches(item_id, ids, n=1)
    if close:
        raise ValueError(f"no such item; did you mean {kind}:{close[0]}?")
    raise ValueError("no such item (use KIND:ID, e.g. entity:alipay; the detail view shows each item's link)")
