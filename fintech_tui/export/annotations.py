"""Every quote as a W3C Web Annotation (JSON-LD), so annotation tools can re-anchor it.

The document is an AnnotationCollection whose one page lists an annotation per quote. Its
target is the article text (`quotes.article_text`: the paragraphs' verbatim text, a line
each), identified by its SHA-256 as a `ni:` URI (RFC 6920) since a pack has no URL, with a
TextQuoteSelector (exact, with up to 32 characters of prefix and suffix) and a
TextPositionSelector (start, end). The bodies are the item the quote is evidence for: its
text (a describing TextualBody) and its `--goto` reference (a tagging one). Ids are UUIDs
derived from the text and the item, so a re-export gives the same ids. Content is data:
the JSON encoder escapes it, and characters that could drive a terminal are `\\u` escapes.
"""

from __future__ import annotations

import base64
import hashlib
import json
import uuid
from typing import Any

from fintech_tui.export.quotes import article_text, placed_quotes
from fintech_tui.model import Pack
from fintech_tui.util.sanitize import json_safe

CONTEXT = "http://www.w3.org/ns/anno.jsonld"
AFFIX = 32  # characters of prefix and suffix: enough to tell repeated quotes apart


def text_iri(text: str) -> str:
    """A name for exactly this text: `ni:///sha-256;…` of its UTF-8 bytes."""
    digest = base64.urlsafe_b64encode(hashlib.sha256(text.encode("utf-8")).digest()).rstrip(b"=").decode()
    return f"ni:///sha-256;{digest}"


def label(item: Any) -> tuple[str, str]:
    """(text, language) that says what the item is: a claim, a name, a metric or a term."""
    for field in ("claim", "name", "metric", "meaning"):
        value = getattr(item, field, None)
        if value is not None:
            return (value.en, "en") if value.en else (value.zh, "zh")
    return (str(getattr(item, "term", item.id)), "zh")


def to_annotations(pack: Pack) -> str:
    """The annotation collection as JSON-LD text."""
    text = article_text(pack)
    source = text_iri(text)
    namespace = uuid.uuid5(uuid.NAMESPACE_URL, source)
    items = []
    for n, quote in enumerate(placed_quotes(pack), 1):
        value, language = label(quote.item)
        start, end = quote.article_start, quote.article_end
        items.append(
            {
                "id": f"urn:uuid:{uuid.uuid5(namespace, f'{quote.kind}:{quote.item.id}:{start}:{n}')}",
                "type": "Annotation",
                "motivation": "linking",
                "body": [
                    {"type": "TextualBody", "purpose": "describing", "value": value, "language": language},
                    {"type": "TextualBody", "purpose": "tagging", "value": f"{quote.kind}:{quote.item.id}"},
                ],
                "target": {
                    "source": source,
                    "selector": [
                        {
                            "type": "TextQuoteSelector",
                            "exact": quote.quote,
                            "prefix": text[max(0, start - AFFIX) : start],
                            "suffix": text[end : end + AFFIX],
                        },
                        {"type": "TextPositionSelector", "start": start, "end": end},
                    ],
                },
            }
        )
    collection = {
        "@context": CONTEXT,
        "id": f"urn:uuid:{namespace}",
        "type": "AnnotationCollection",
        "label": pack.meta.title.pick("en"),
        "total": len(items),
        "first": {"type": "AnnotationPage", "startIndex": 0, "items": items},
    }
    return json_safe(json.dumps(collection, ensure_ascii=False, indent=2)) + "\n"
