"""One-file packs of big paragraphs for the big-pack tests: Alipay quotes the second paragraph."""

from __future__ import annotations

from pathlib import Path

from fintech_tui.util.synthetic import BIG_PACK_QUOTE, write_one_file_pack

QUOTE = BIG_PACK_QUOTE


def one_file_pack(folder: Path, paragraphs: list[str], *, en: str = "", name: str = "pack.yaml") -> Path:
    """`paragraphs` (p1, p2 …) in `folder/name`, Alipay quoting p2; `en` is p2's translation."""
    return write_one_file_pack(folder / name, paragraphs, en=en)
