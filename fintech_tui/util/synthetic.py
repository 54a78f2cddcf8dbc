"""Synthetic packs of any size, for benchmarks and scale tests.

`python -m fintech_tui.util.synthetic 10000 OUT_DIR` writes a valid pack of about
10,000 items (paragraphs, entities and arguments) that exercises everything
the bundled one does: aliases found in the text, evidence quotes, parents,
an argument tree, strategies, figures and an outline. YAML is written as
text directly, because dumping 100k items with PyYAML takes longer than
loading them.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

SYLLABLES = "金融科技生活服务支付平台银行保险钱包用户流量场景生态品牌产品市场"


def _name(number: int) -> str:
    """A distinct Chinese-looking name for item `number`."""
    chars = []
    n = number + 1
    while n:
        n, digit = divmod(n, len(SYLLABLES))
        chars.append(SYLLABLES[digit])
    return "".join(chars) + "公司"


def _q(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)  # JSON strings are valid YAML scalars


def write_pack(items: int, folder: Path, *, seed: int = 0) -> dict[str, int]:
    """Write a pack of about `items` items into `folder`; return the counts.

    `seed` shifts the names, so packs of a synthetic library share some entities, not all.
    """
    folder.mkdir(parents=True, exist_ok=True)
    paragraphs = max(2, items * 4 // 10)
    entities = max(1, items * 3 // 10)
    arguments = max(1, items - paragraphs - entities)
    strategies = max(1, entities // 20)
    figures = max(1, entities // 10)

    (folder / "meta.yaml").write_text(
        f"meta:\n  title: {{en: {_q(f'Synthetic pack of {items:,} items')}, zh: 合成内容包{seed or ''}}}\n"
        + (f"  date: {2000 + seed % 25}-{seed % 12 + 1:02d}-01\n" if seed else ""),
        encoding="utf-8",
    )
    lines = ["paragraphs:"]
    for p in range(paragraphs):
        mentioned = _name(p % entities + seed)
        text = f"第{p + 1}段：{mentioned}的别名{mentioned}X在这里出现，讨论金融科技与生活服务的结合。"
        lines.append(f"  - id: p{p}\n    text: {_q(text)}")
    (folder / "source.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")

    lines = ["outline:"]
    for start in range(0, paragraphs, 50):
        last = min(paragraphs, start + 50) - 1
        lines.append(
            f"  - id: s{start}\n    kind: section\n    first: p{start}\n    last: p{last}\n"
            f"    title: {{en: Section {start // 50 + 1}}}\n"
            f"    summary: {{en: Paragraphs {start + 1} to {last + 1}.}}"
        )
    (folder / "outline.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")

    lines = ["entities:"]
    for e in range(entities):
        name = _name(e + seed)
        para = e % paragraphs
        parent = f"\n    parent: e{e // 10}" if e >= 10 and e % 3 else ""
        lines.append(
            f"  - id: e{e}\n    kind: {'company' if e % 3 == 0 else 'app'}{parent}\n"
            f"    name: {{zh: {_q(name)}, en: Company {e + seed}}}\n"
            f"    aliases:\n      - {{text: {_q(name + 'X')}, note: a garbled form}}\n"
            f"    summary: {{en: Synthetic entity number {e}.}}\n"
            f"    evidence:\n      - {{para: p{para}, quote: {_q(name)}}}"
        )
    (folder / "entities.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")

    lines = ["strategies:"]
    for s in range(strategies):
        lines.append(
            f"  - id: st{s}\n    name: {{en: Strategy {s}}}\n    pursued_by: [e{s}, e{(s * 7) % entities}]\n"
            f"    summary: {{en: A synthetic strategy.}}\n"
            f"    evidence:\n      - {{para: p{s % paragraphs}, quote: 金融科技}}"
        )
    (folder / "strategies.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")

    lines = [
        "arguments:",
        "  - id: a0\n    role: thesis\n    claim: {en: The synthetic thesis., zh: 合成论点}",
    ]
    for a in range(1, arguments):
        lines.append(
            f"  - id: a{a}\n    role: {'reason' if a % 2 else 'point'}\n    parent: a{(a - 1) // 5}\n"
            f"    relation: {'supports' if a % 4 else 'opposes'}\n    concerns: [e{a % entities}]\n"
            f"    strategies: [st{a % strategies}]\n"
            f"    claim: {{en: Claim number {a} about fintech and life services.}}\n"
            f"    evidence:\n      - {{para: p{a % paragraphs}, quote: 生活服务}}"
        )
    (folder / "arguments.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")

    lines = ["figures:"]
    for f in range(figures):
        lines.append(
            f"  - id: f{f}\n    subject: e{f}\n    metric: {{en: Users}}\n    as_written: {f}万\n"
            f"    value: {f * 10000}\n    unit: users\n"
            f"    evidence:\n      - {{para: p{f % paragraphs}, quote: 金融科技}}"
        )
    (folder / "figures.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return {"paragraphs": paragraphs, "entities": entities, "arguments": arguments}


#: The quote Alipay's entity cites in a one-file pack: it stands in the second paragraph.
BIG_PACK_QUOTE = "支付宝有数亿用户"


def write_one_file_pack(path: Path, paragraphs: list[str], *, title: str = "Big", en: str = "") -> Path:
    """One file: `paragraphs` (p1, p2 …) in one section and Alipay quoting p2 (which must hold
    BIG_PACK_QUOTE); `en` is p2's translation. Big paragraphs are what it is for (tests, benchmarks)."""
    lines = [
        "meta:",
        f"  title: {{en: {_q(title)}}}",
        "outline:",
        f"  - {{id: body, kind: section, first: p1, last: p{len(paragraphs)},",
        "      title: {en: Body}, summary: {en: The whole article.}}",
        "entities:",
        "  - id: alipay",
        "    kind: company",
        "    name: {zh: 支付宝, en: Alipay}",
        "    summary: {en: A payment app.}",
        "    evidence:",
        f"      - {{para: p2, quote: {_q(BIG_PACK_QUOTE)}}}",
        "paragraphs:",
    ]
    for number, text in enumerate(paragraphs, 1):
        english = f", en: {_q(en)}" if en and number == 2 else ""
        lines.append(f"  - {{id: p{number}, text: {_q(text)}{english}}}")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def main(argv: list[str]) -> int:
    if len(argv) != 2 or not argv[0].isdigit():
        print("usage: python -m fintech_tui.util.synthetic ITEMS OUT_DIR", file=sys.stderr)
        return 1
    counts = write_pack(int(argv[0]), Path(argv[1]))
    print(", ".join(f"{n:,} {k}" for k, n in counts.items()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
