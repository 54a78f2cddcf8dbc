"""`fintech-tui new NAME`: a minimal valid pack to start an article from."""

from __future__ import annotations

from pathlib import Path

from fintech_tui.util.safe_files import write_new_folder

FILES = {
    "meta.yaml": """\
# What the pack is about. Bilingual fields take `en`, `zh` or both.
meta:
  title: {en: "The article's title", zh: 文章标题}
  author: The author
  date: 2024-01-01
""",
    "source.yaml": """\
# The article, one entry per non-empty line, copied verbatim. Ids are yours to choose;
# the paragraph numbers (¶) follow the order here.
paragraphs:
  - id: p01
    text: 文章标题
  - id: p02
    text: 招商银行推出了掌上生活。
""",
    "outline.yaml": """\
# The article's structure. `first`/`last` are paragraph ids; every paragraph should fall in a node.
outline:
  - id: title
    kind: title
    first: p01
    title: {en: Title}
    summary: {en: The title.}
  - id: body
    kind: section
    first: p02
    title: {en: The body}
    summary: {en: One sentence about a bank and its app.}
""",
    "entities.yaml": """\
# Companies, products, apps, organisations, people. Aliases must occur verbatim in the text.
entities:
  - id: cmb
    kind: bank
    name: {zh: 招商银行, en: China Merchants Bank}
    summary: {en: A bank that launched a life-service app.}
    evidence:
      - {para: p02, quote: 招商银行}
  - id: pocket-life
    kind: app
    parent: cmb
    name: {zh: 掌上生活, en: Pocket Life}
    summary: {en: The bank's life-service app.}
    evidence:
      - {para: p02, quote: 掌上生活}
""",
    "strategies.yaml": """\
strategies:
  - id: life-app
    name: {en: A life-service app}
    pursued_by: [cmb]
    summary: {en: Reach users through everyday services.}
    evidence:
      - {para: p02, quote: 推出了掌上生活}
""",
    "arguments.yaml": """\
# A tree: one thesis (no parent), then claims with a parent and a relation
# (supports, opposes or elaborates).
arguments:
  - id: thesis
    role: thesis
    claim: {en: Banks are becoming life-service platforms.}
    concerns: [cmb]
    evidence:
      - {para: p02, quote: 招商银行推出了掌上生活}
  - id: example
    parent: thesis
    relation: supports
    role: point
    claim: {en: CMB launched Pocket Life.}
    concerns: [pocket-life]
    strategies: [life-app]
    evidence:
      - {para: p02, quote: 推出了掌上生活}
""",
}


def scaffold(folder: Path) -> list[Path]:
    """Write a new pack into `folder`, which must not exist yet; return the files written."""
    return write_new_folder(folder, FILES)
