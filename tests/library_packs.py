"""Libraries for the tests: the bundled article, two short articles written for them, and a broken pack.

The short articles name CMB Life (掌上生活) and China Merchants Bank as the bundled article does, so
the library matches them by name; they give CMB Life's users for dated periods, and disagree on one.
"""

from __future__ import annotations

import shutil
import textwrap
from pathlib import Path

from fintech_tui.util.bundled import bundled_pack_path


def article(
    title_en: str, title_zh: str, date: str, paragraphs: list[str], figures: str, claims: str
) -> dict[str, str]:
    """A short pack's files: one section over `paragraphs`, CMB and CMB Life, the figures and claims given;
    the strategy (life services, 生活服务) cites the first paragraph that names it."""
    services = next(n for n, text in enumerate(paragraphs, 1) if "生活服务" in text)
    source = "paragraphs:\n" + "".join(f"  - id: p{n}\n    text: {text}\n" for n, text in enumerate(paragraphs, 1))
    return {
        "meta.yaml": f'meta:\n  title: {{en: "{title_en}", zh: {title_zh}}}\n  author: 测试作者\n  date: {date}\n',
        "source.yaml": source,
        "outline.yaml": textwrap.dedent(f"""\
            outline:
              - id: all
                kind: section
                first: p1
                last: p{len(paragraphs)}
                title: {{en: The article, zh: 全文}}
                summary: {{en: All of it., zh: 全文。}}
            """),
        "entities.yaml": textwrap.dedent("""\
            entities:
              - id: cmb
                kind: bank
                name: {zh: 招商银行, en: China Merchants Bank}
                summary: {en: The bank behind CMB Life., zh: 掌上生活背后的银行。}
                evidence:
                  - {para: p1, quote: 招商银行}
              - id: cmb-life
                kind: app
                parent: cmb
                name: {zh: 掌上生活, en: CMB Life}
                summary: {en: "The bank's credit-card app, growing fast.", zh: 招商银行的信用卡应用，增长很快。}
                evidence:
                  - {para: p1, quote: 掌上生活}
            """),
        "strategies.yaml": textwrap.dedent(f"""\
            strategies:
              - id: life-services
                name: {{en: Life services, zh: 生活服务}}
                pursued_by: [cmb-life]
                summary: {{en: Services beyond payment., zh: 支付之外的服务。}}
                evidence:
                  - {{para: p{services}, quote: 生活服务}}
            """),
        "arguments.yaml": "arguments:\n" + textwrap.indent(textwrap.dedent(claims), "  "),
        "figures.yaml": "figures:\n" + textwrap.indent(textwrap.dedent(figures), "  "),
    }


SHORT_2022 = article(
    "CMB Life in 2022",
    "二〇二二年的掌上生活",
    "2022-12-20",
    ["招商银行的掌上生活在2022年6月有8000万用户。", "它把生活服务放在信用卡之前。"],
    """\
    - id: users-2022
      subject: cmb-life
      metric: {en: Users, zh: 用户数}
      as_written: 8000万用户
      value: 80000000
      unit: users
      period: 2022年6月
      evidence:
        - {para: p1, quote: 8000万用户}
    """,
    """\
    - id: thesis
      role: thesis
      claim: {en: CMB Life grows through life services., zh: 掌上生活靠生活服务增长。}
      concerns: [cmb-life]
      strategies: [life-services]
      evidence:
        - {para: p2, quote: 它把生活服务放在信用卡之前}
    """,
)

SHORT_2023 = article(
    "CMB Life in 2023",
    "二〇二三年的掌上生活",
    "2023-11-02",
    [
        "据估计，掌上生活在2023年6月约有1亿用户，招商银行如是说。",
        "另有报道称其2022年6月用户为7500万。",
        "生活服务仍是重点。",
    ],
    """\
    - id: users-2023
      subject: cmb-life
      metric: {en: Users, zh: 用户数}
      as_written: 约1亿用户
      value: 100000000
      unit: users
      period: 2023年6月
      hedge: estimate
      source: 招商银行
      evidence:
        - {para: p1, quote: 约有1亿用户}
    - id: users-2022-other
      subject: cmb-life
      metric: {en: Users, zh: 用户数}
      as_written: 7500万
      value: 75000000
      unit: users
      period: 2022年6月
      source: 报道
      evidence:
        - {para: p2, quote: 用户为7500万}
    """,
    """\
    - id: thesis
      role: thesis
      claim: {en: CMB Life will keep growing., zh: 掌上生活还会增长。}
      hedge: prediction
      concerns: [cmb-life]
      evidence:
        - {para: p1, quote: 约有1亿用户}
    - id: services
      role: reason
      parent: thesis
      relation: supports
      claim: {en: Life services stay its focus., zh: 生活服务仍是重点。}
      concerns: [cmb-life]
      strategies: [life-services]
      evidence:
        - {para: p3, quote: 生活服务仍是重点}
    """,
)

BROKEN = {
    "meta.yaml": "meta:\n  title: {en: A broken pack}\n",
    "entities.yaml": "entities:\n  - id: x\n    kind: bank\n    name: {en: X}\n",
}


def write_files(folder: Path, files: dict[str, str]) -> Path:
    folder.mkdir(parents=True)
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def write_library(root: Path, *, bundled: bool = True, broken: bool = True) -> Path:
    """A library folder: the bundled article (unless not wanted), the two short articles, a broken pack."""
    root.mkdir(parents=True, exist_ok=True)
    if bundled:
        shutil.copytree(bundled_pack_path(), root / "bundled")
    write_files(root / "cmb-2022", SHORT_2022)
    write_files(root / "cmb-2023", SHORT_2023)
    if broken:
        write_files(root / "broken", BROKEN)
    return root
