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
from fintech_tui.draft.glossary_shapes import GLOSSED, glossed_acronyms
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


@cache
def _pattern(term: str) -> re.Pattern[str]:
    """`term` as it occurs: an English one as a whole word or phrase, in any case but an acronym's, plural or not."""
    if not term.isascii():
        return re.compile(re.escape(term))
    plural = term.endswith("s") and not term.endswith("ss") and term not in PLURAL_ONLY  # "access" keeps its s
    singular = term[:-1] if plural else term
    words = r"[\s-]+".join(re.escape(word) for word in re.split(r"[\s-]+", singular))
    flags = 0 if term.isupper() else re.IGNORECASE
    adjusted = r"(?:[Aa]djusted\s)?"  # "adjusted operating margin", "Adjusted EBITDA": the term as used
    return re.compile(rf"(?<![A-Za-z0-9]){adjusted}{words}(?:e?s)?(?![A-Za-z0-9])", flags)


# Terms whose singular is another word: "futures" is a term, "the bank's future" is not.
PLURAL_ONLY = frozenset({"futures", "forward-looking statements", "instant payments"})

# A Chinese word before its bracketed acronym: 月活跃用户（MAU）.
BRACKETED = re.compile(r"[\u4e00-\u9fff]{1,6}[（(]([A-Za-z][A-Za-z0-9]{1,9})[）)]")


def _inside_bracketed_word(text: str, end: int) -> bool:
    """Whether a term ends inside a word the text glosses with a known acronym: 月活 in 月活跃用户（MAU）,
    where MAU is the term drafted (市盈率（PE）, a whole word, keeps both)."""
    match = BRACKETED.match(text, end)
    if match is None:
        return False
    return match.group(1) in known_terms() and "\u4e00" <= text[end - 1 : end] <= "\u9fff"


def draft_glossary(paragraphs: list[tuple[str, str]], entity_names: set[str]) -> list[dict[str, Any]]:
    """The known terms the text uses, in order of first use, each with its first place as evidence."""
    found: list[tuple[int, int, str, str, int, str]] = []
    for order, (para_id, text) in enumerate(paragraphs):
        named = [(m.start(), m.end()) for n in entity_names if n in text for m in re.finditer(re.escape(n), text)]
        for term in known_terms():
            if term in entity_names or (not term.isascii() and term not in text):
                continue  # a Chinese term is its own characters: a plain look before the pattern
            for match in _pattern(term).finditer(text):
                inside_name = any(s <= match.start() and match.end() <= e for s, e in named)  # Federal Deposit …
                if not inside_name and not _inside_bracketed_word(text, match.end()):
                    found.append((order, match.start(), term, para_id, match.end(), text))
                    break
        for start, end in glossed_acronyms(text):
            if text[start:end] not in entity_names and not any(s <= start and end <= e for s, e in named):
                found.append((order, start, text[start:end], para_id, end, text))
    seen: set[str] = set()
    taken: set[str] = set()
    out: list[dict[str, Any]] = []
    for _, start, term, para_id, end, text in sorted(found, key=lambda f: (f[0], f[1], -f[4])):  # longest first
        written = text[start:end]
        if term in seen or written in seen or any(written in other for other in seen):
            continue  # 不良率 inside 不良贷款率, or a second spelling, already drafted
        seen.add(written)
        en, zh = known_terms().get(term, GLOSSED)
        term_id = unique_id(term, taken, fallback="t")
        taken.add(term_id)
        out.append(
            {
                "id": term_id,
                "term": written,
                "meaning": {"en": en, "zh": zh},
                "inference": f"{DRAFTED} (the meaning is general usage, not the article's own)",
                "evidence": [{"para": para_id, "quote": clause_around(text, start, end)}],
            }
        )
    return out
