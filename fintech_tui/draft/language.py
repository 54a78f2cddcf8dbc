"""Which language an article is written in, so each finder reads the text it was made for."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Literal

Language = Literal["zh", "en"]
CJK_SHARE = 0.2  # Chinese prose quotes Latin names (APP, Stripe); a fifth of its letters Chinese is enough


def is_cjk(ch: str) -> bool:
    return "\u3400" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff"


def language_of(texts: Iterable[str]) -> Language:
    """`zh` when at least a fifth of the letters are Chinese characters, else `en`."""
    cjk = letters = 0
    for text in texts:
        for ch in text:
            if is_cjk(ch):
                cjk += 1
                letters += 1
            elif ch.isalpha():
                letters += 1
    return "zh" if letters and cjk / letters >= CJK_SHARE else "en"
