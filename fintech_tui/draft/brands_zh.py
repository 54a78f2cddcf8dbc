"""A brand written bare (众安) for a firm the text named in full with its trade's word (众安保险).

The bare form is found as a name of its own. When the dictionary knows it, it goes to the firm
holding one of the dictionary row's forms (and to no other); else it is the short form of the firm whose name or
alias is the brand plus an industry word (保险, 银行, 科技 …). When several firms share the brand
(众安保险, 众安银行, 众安科技), it is the one that owns the others, else the one the text names
at least twice as often as any other; otherwise it stays ambiguous and is left alone.
"""

from __future__ import annotations

from collections.abc import Callable

from fintech_tui.draft.dictionary_zh import Entity, dictionary

# Words of a trade a firm's short name adds to its brand.
TRADE_WORDS = ("保险", "银行", "科技", "支付", "金融", "证券", "基金", "信托", "财险", "人寿", "集团", "控股")


def fold_bare_brands(
    entities: dict[str, Entity], texts: list[str], merge: Callable[[dict[str, Entity], str, str], None]
) -> None:
    """Fold each bare-brand entity into the firm it abbreviates (parents must be known)."""
    for bare in [key for key, e in entities.items() if e.kind != "person" and 2 <= len(key) <= 4]:
        if bare not in entities or entities[bare].aliases:
            continue
        entry = dictionary().get(bare)
        if entry is not None:  # 众安 is the dictionary's form of 众安保险: the firm holding one of its forms
            known = [k for k, e in entities.items() if k != bare and set(e.forms()) & set(entry.forms)]
            if len(known) == 1:
                merge(entities, known[0], bare)
            continue  # 平安 is 中国平安's, never 平安银行's
        firms = [
            key
            for key, e in entities.items()
            if key != bare
            and e.kind in ("company", "group", "bank")
            and any(form == bare + word for form in e.forms() for word in TRADE_WORDS)
        ]
        if len(firms) > 1:
            owners = [f for f in firms if all(entities[o].parent in (f, bare) for o in firms if o != f)]
            firms = owners or _named_most(firms, entities, texts)
        if len(firms) == 1:
            merge(entities, firms[0], bare)


def _named_most(firms: list[str], entities: dict[str, Entity], texts: list[str]) -> list[str]:
    """The firm named at least twice as often as each of the others, as a list of one, else []."""
    text = "\n".join(texts)
    counts = sorted(((sum(text.count(f) for f in entities[k].forms()), k) for k in firms), reverse=True)
    return [counts[0][1]] if counts[0][0] >= 2 * counts[1][0] else []
