"""Readable ids for drafted items: pinyin for Chinese names, a slug for Latin ones."""

from __future__ import annotations

import re
import unicodedata

from fintech_tui.loader.checks import ID_PATTERN


def slug(name: str) -> str:
    """`name` as an id: 支付宝 → zhifubao, Pocket Life → pocket-life, Banco Atlântico → banco-atlantico
    (a Latin letter's accent dropped, not the letter)."""
    from pypinyin import lazy_pinyin  # deferred: a large table

    words = [_unaccented(word) for word in lazy_pinyin(name)]
    text = "-".join(w for w in ("".join(words) if _all_cjk(name) else " ".join(words)).split())
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:60]


def _unaccented(text: str) -> str:
    """â → a, ç → c, ß stays (it has no decomposition, and the slug drops it)."""
    return "".join(ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch))


def _all_cjk(name: str) -> bool:
    return all("\u3400" <= ch <= "\u9fff" for ch in name)


def unique_id(name: str, taken: set[str], fallback: str = "e") -> str:
    """An id for `name` that is valid and not in `taken`."""
    base = slug(name)
    if not ID_PATTERN.fullmatch(base):
        base = f"{fallback}{len(taken) + 1}"
    candidate, n = base, 2
    while candidate in taken:
        candidate, n = f"{base}-{n}", n + 1
    return candidate
