"""Traditional to simplified Chinese, through OpenCC: the converter chosen by measuring.

OpenCC's own bindings (a C++ core with its phrase tables) convert by phrase, so 乾坤 stays 乾坤
where a character table makes it 干坤; see docs/design/library.md for the numbers.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any


@lru_cache(maxsize=1)
def _opencc() -> Any:
    import opencc  # deferred: only identity matching and library search need it

    return opencc.OpenCC("t2s")


def to_simplified(text: str) -> str:
    """`text` in simplified characters."""
    return str(_opencc().convert(text))
