"""Entities in the pack format, from the names the Chinese finder hands (names_zh).

A thin layer kept until the drafting reads `Name` records itself: ids, a parent's id,
evidence quotes and the review flag are added here; finding the names is names_zh's job.
"""

from __future__ import annotations

import re
from typing import Any

from fintech_tui.draft.figures import clause_around
from fintech_tui.draft.found import DRAFTED
from fintech_tui.draft.ids import unique_id
from fintech_tui.draft.names_zh import find_names
from fintech_tui.draft.outline import bilingual

# The author named in a byline: 作者：李明
AUTHOR = re.compile(r"作者[:：]\s*([\u3400-\u9fffA-Za-z·]{2,6}?)(?=[\s，,。;；|｜]|时间|日期|来源|$)")


def draft_entities(paragraphs: list[tuple[str, str]], limit: int = 3) -> list[dict[str, Any]]:
    """Entities in the pack format, each with up to `limit` quotes and flagged for review."""
    names = find_names(paragraphs)
    ids: dict[str, str] = {}
    for found in names:
        ids[found.name] = unique_id(found.name, set(ids.values()))
    out: list[dict[str, Any]] = []
    for found in names:
        evidence = []
        for para_id, text in paragraphs:
            at = next((i for i in (text.find(form) for form in (found.name, *found.aliases)) if i >= 0), -1)
            if at >= 0:
                evidence.append({"para": para_id, "quote": clause_around(text, at, at + len(found.name))})
            if len(evidence) == limit:
                break
        entity: dict[str, Any] = {"id": ids[found.name], "kind": found.kind, "name": bilingual(found.name)}
        if found.aliases:
            entity["aliases"] = [{"text": alias, "inference": DRAFTED} for alias in found.aliases]
        if found.parent in ids:
            entity["parent"] = ids[found.parent]
        entity["summary"] = {"en": "A name found in the text: say what it is, or remove it."}
        entity["inference"] = f"{DRAFTED} ({found.reason})"
        entity["evidence"] = evidence
        out.append(entity)
    return out
