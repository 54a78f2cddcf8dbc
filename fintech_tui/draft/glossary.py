"""Glossary candidates: the terms of art the article uses (IPO, GMV, 不良率), never entities.

The list and the meanings in data/terms.tsv are general usage; each drafted term says so
and is flagged for review, since the article may use a term in a sense of its own.
"""

from __future__ import annotations

import re
from functools import cache
from importlib.resources import files
from typing import Any

from fintech_tui.draft.found import DRAFTED
from fintech_tui.draft.ids import unique_id
from fintech_tui.draft.quotes import clause_around


@cache
def known_terms() -> dict[str, tuple[str, str]]:
    """Each term with its meaning in English and in Chinese."""
    terms: dict[str, tuple[str, str]] = {}
    text = files("fintech_tui.draft").joinpath("data/terms.tsv").read_text(encoding="utf-8")
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            term, en, zh = line.split("\t")
            terms[term] = (en, zh)
    return terms


def _pattern(term: str) -> re.Pattern[str]:
    if term.isascii():
        return re.compile(rf"(?<![A-Za-z0-9]){re.escape(term)}s?(?![A-Za-z0-9])")
    return re.compile(re.escape(term))


def draft_glossary(paragraphs: list[tuple[str, str]], entity_names: set[str]) -> list[dict[str, Any]]:
    """The known terms the text uses, in order of first use, each with its first place as evidence."""
    found: list[tuple[int, int, str, str, int]] = []
    for order, (para_id, text) in enumerate(paragraphs):
        for term in known_terms():
            if term in entity_names:
                continue
            match = _pattern(term).search(text)
            if match:
                found.append((order, match.start(), term, para_id, match.end()))
    seen: set[str] = set()
    taken: set[str] = set()
    out: list[dict[str, Any]] = []
    for _, start, term, para_id, end in sorted(found):
        if term in seen or any(term in other and term != other for other in seen):
            continue  # 不良率 inside 不良贷款率 already drafted
        seen.add(term)
        en, zh = known_terms()[term]
        term_id = unique_id(term, taken, fallback="t")
        taken.add(term_id)
        text = dict(paragraphs)[para_id]
        out.append(
            {
                "id": term_id,
                "term": term,
                "meaning": {"en": en, "zh": zh},
                "inference": f"{DRAFTED} (the meaning is general usage, not the article's own)",
                "evidence": [{"para": para_id, "quote": clause_around(text, start, end)}],
            }
        )
    return out
