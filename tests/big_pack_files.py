"""One-file packs of big paragraphs for the big-pack tests: Alipay quotes the second paragraph."""

from __future__ import annotations

import json
from pathlib import Path

QUOTE = "支付宝有数亿用户"


def _q(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)  # a JSON string is a valid YAML scalar


def one_file_pack(folder: Path, paragraphs: list[str], *, en: str = "", name: str = "pack.yaml") -> Path:
    """`paragraphs` (p1, p2 …) in one section, Alipay quoting p2; `en` is p2's translation."""
    lines = [
        "meta:",
        "  title: {en: Big}",
        "outline:",
        f"  - {{id: body, kind: section, first: p1, last: p{len(paragraphs)},",
        "      title: {en: Body}, summary: {en: All.}}",
        "entities:",
        "  - id: alipay",
        "    kind: company",
        "    name: {zh: 支付宝, en: Alipay}",
        "    summary: {en: A payment app.}",
        "    evidence:",
        f"      - {{para: p2, quote: {_q(QUOTE)}}}",
        "paragraphs:",
    ]
    for number, text in enumerate(paragraphs, 1):
        english = f", en: {_q(en)}" if en and number == 2 else ""
        lines.append(f"  - {{id: p{number}, text: {_q(text)}{english}}}")
    path = folder / name
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path
