"""Terms of art found by their shape rather than by the list: an acronym the text glosses.

An acronym in brackets after the plain words it abbreviates ("revenue less transaction costs
(RLTC)", 贷款市场报价利率（LPR）) is a term the article defines; an acronym after capitalised
words ("Financial Conduct Authority (FCA)") or a name (纽约证券交易所) abbreviates a name, and
names are entities, never glossary terms.
"""

from __future__ import annotations

import re

# The meaning a glossed term gets: the article defines it, so the author reads it there.
GLOSSED = ("defined in the article: the words before the brackets", "文中定义：见括号前的词语")

# Plain English words (lowercase) or Chinese characters, then the acronym in brackets.
_GLOSSED = re.compile(r"(?:\b[a-z][a-z-]+|[\u4e00-\u9fff]{2})\s?[（(]([A-Z][A-Z0-9]{1,5})[）)]")
# Chinese words before the bracket that make it a name's abbreviation, not a term's.
_NAME_ENDINGS = re.compile(r"(?:公司|集团|银行|交易所|委员会|协会|局|会|部|署|所|行|厅|院|中心)$")
# Acronyms that are units, currencies or a company's legal form, never terms.
_NOT_TERMS = frozenset("USD HKD CNY RMB EUR GBP LLC LLP PLC INC LTD CEO CFO COO CTO".split())  # noqa: SIM905


def glossed_acronyms(text: str) -> list[tuple[int, int]]:
    """Where each acronym the text glosses with plain words sits (start, end)."""
    spans = []
    for match in _GLOSSED.finditer(text):
        acronym = match.group(1)
        before = text[: match.start(1) - 1].rstrip()
        if acronym in _NOT_TERMS or _NAME_ENDINGS.search(before):
            continue
        spans.append((match.start(1), match.end(1)))
    return spans
