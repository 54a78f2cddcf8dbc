"""Citing the article: CSL-JSON for reference managers, and a CSL citation for every quote.

`-f csl` is the CSL-JSON array reference managers and pandoc import: one `article` item with
the title (English first, the other language as `original-title`), the author as a literal
name (a pen name is no family/given pair) and the date when the pack states an ISO one.
`-f citations` is a citation object per quote, as CSL processors take them: the article's id
with `locator` (the ¶ number) and `label: "paragraph"`, and the quote and the item it is
evidence for beside it. Content is data: the JSON encoder escapes it, and characters that
could drive a terminal are `\\u` escapes.
"""

from __future__ import annotations

import json
import re
from typing import Any

from fintech_tui.export.quotes import placed_quotes
from fintech_tui.model import Pack
from fintech_tui.util.sanitize import json_safe

ISO_DATE = re.compile(r"(\d{4})(?:-(\d{1,2}))?(?:-(\d{1,2}))?$")  # 2021-3-22 as packs write it too


def article_id(pack: Pack) -> str:
    """The article's CSL id: a slug of its title, stable across exports."""
    slug = re.sub(r"[^a-z0-9]+", "-", (pack.meta.title.en or "article").lower()).strip("-")[:48]
    return slug or "article"


def article_item(pack: Pack) -> dict[str, Any]:
    """The article as one CSL item."""
    title = pack.meta.title
    item: dict[str, Any] = {"id": article_id(pack), "type": "article", "title": title.pick("en")}
    if title.en and title.zh:
        item["original-title"] = title.zh
    if pack.meta.author:
        item["author"] = [{"literal": pack.meta.author}]
    date = ISO_DATE.match(pack.meta.date.strip())
    if date:
        item["issued"] = {"date-parts": [[int(part) for part in date.groups() if part]]}
    item["language"] = "zh" if title.zh else "en"
    if pack.meta.note:
        item["note"] = pack.meta.note
    return item


def to_csl(pack: Pack) -> str:
    """The CSL-JSON array: the article, to cite it from any reference manager."""
    return json_safe(json.dumps([article_item(pack)], ensure_ascii=False, indent=2)) + "\n"


def to_citations(pack: Pack) -> str:
    """A CSL citation per quote, each with the paragraph it stands in as its locator."""
    item = article_item(pack)
    citations = [
        {
            "citationID": f"{quote.kind}-{quote.item.id}-{n}",
            "citationItems": [{"id": item["id"], "locator": str(quote.number), "label": "paragraph"}],
            "properties": {"noteIndex": 0},
            "quote": quote.quote,
            "evidence-for": f"{quote.kind}:{quote.item.id}",
        }
        for n, quote in enumerate(placed_quotes(pack), 1)
    ]
    document = {"items": [item], "citations": citations}
    return json_safe(json.dumps(document, ensure_ascii=False, indent=2)) + "\n"
