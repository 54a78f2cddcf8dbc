"""One pack as the index's rows: plain values only (text, numbers, tuples), never model objects.

A worker process loads a pack and returns these, so what crosses from it is data that can be
marshalled; the index writes them as they are. Search words reuse the explorer's own
(`queries.index.search_words`: names, aliases, pinyin, claims and paragraph text).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from fintech_tui.library.identity import normalise, simplified
from fintech_tui.library.periods import dated, iso_date
from fintech_tui.loader import PackError, load_pack
from fintech_tui.model import Evidence, Pack, kind_of, kinds

#: Kinds whose search rows are names (found by short queries too), the rest are running text.
NAMED_KINDS = ("entity", "strategy", "term")
LABEL_CHARS = 120


def _quotes(pack_numbers: dict[str, int], evidence: tuple[Evidence, ...]) -> str:
    return json.dumps([[ev.para, pack_numbers.get(ev.para, 0), ev.quote] for ev in evidence], ensure_ascii=False)


def label_of(item: Any) -> str:
    """A short plain label for a search hit: a name, a claim's start, a paragraph's start."""
    for field in ("name", "term", "claim", "metric", "title"):
        value = getattr(item, field, None)
        if value is not None:
            text = value if isinstance(value, str) else (value.zh or value.en)
            return " ".join(text.split())[:LABEL_CHARS]
    text = getattr(item, "text", "") or item.id
    return " ".join(str(text).split())[:LABEL_CHARS]


def rows_of(pack: Pack) -> dict[str, Any]:
    """Every row the index keeps of a valid pack."""
    from fintech_tui.queries.index import PackIndex, search_words  # deferred: pinyin tables

    numbers = {p.id: p.number for p in pack.paragraphs}
    meta = pack.meta
    article_date = iso_date(meta.date) or meta.date
    entities = [
        (
            e.id,
            e.kind,
            e.name.en,
            e.name.zh,
            e.summary.en,
            e.summary.zh,
            e.same_as,
            json.dumps(list(e.not_same_as), ensure_ascii=False),
            json.dumps(list(dict.fromkeys(n for n in _names(e) if n)), ensure_ascii=False),
            _quotes(numbers, e.evidence),
        )
        for e in pack.entities
    ]
    claims = [
        (
            a.id,
            a.role,
            a.claim.en,
            a.claim.zh,
            a.hedge or "",
            a.relation or "",
            a.parent,
            json.dumps(list(a.concerns)),
            json.dumps(list(a.strategies)),
            _quotes(numbers, a.evidence),
        )
        for a in pack.arguments
    ]
    figures = []
    for f in pack.figures:
        period_date, inferred = dated(f.period, article_date=meta.date)
        if not period_date and not f.period and f.evidence:  # the quote may date it: "截至2024年末"
            period_date, _ = dated(f.evidence[0].quote, comment=False)
            inferred = bool(period_date)
        figures.append(
            (
                f.id,
                f.subject,
                f.metric.en,
                f.metric.zh,
                normalise(f.metric.en or f.metric.zh),
                normalise(f.metric.zh or f.metric.en),
                f.as_written,
                f.value,
                f.unit,
                f.period,
                period_date,
                int(inferred),
                f.hedge or "",
                f.source,
                _quotes(numbers, f.evidence),
            )
        )
    strategies = [(s.id, s.name.en, s.name.zh, normalise(s.name.zh or s.name.en)) for s in pack.strategies]
    index = PackIndex(pack)
    search = []
    for kind in kinds():
        for item in kind.items(pack):
            words = [w for w in search_words(item, index) if w]
            if words:
                label = label_of(item) if kind.name != "paragraph" else f"¶{item.number} {label_of(item)}"
                named = kind.name in NAMED_KINDS
                folded = fold_search(" | ".join(words))
                terms = sorted({t.strip() for t in folded.split("|")} - {""}) if named else []
                search.append((kind_of(item).name, item.id, label[:LABEL_CHARS], folded, int(named), terms))
    return {
        "meta": (meta.title.en, meta.title.zh, meta.author, article_date),
        "counts": (len(pack.entities), len(pack.arguments), len(pack.figures)),
        "entities": entities,
        "claims": claims,
        "figures": figures,
        "strategies": strategies,
        "search": search,
    }


def fold_search(text: str) -> str:
    """The form search matches in, for indexed words and queries alike (names' normalisation, spaces kept)."""
    from fintech_tui.queries.index import fold

    return simplified(fold(text))


def _names(entity: Any) -> list[str]:
    return [normalise(t) for t in (entity.name.zh, entity.name.en, *(a.text for a in entity.aliases)) if t]


def index_one(path: str) -> dict[str, Any]:
    """The rows of the pack at `path`, or its problems (FILE:LINE:COL lines) when it is broken."""
    try:
        pack = load_pack(Path(path), use_cache=False)  # a library build must not fill the pack cache
    except PackError as error:
        return {"problems": [str(p) for p in error.problems]}
    except (OSError, RecursionError, MemoryError, ValueError) as error:  # one pack failing never stops the rest
        return {"problems": [f"{path}: cannot load: {type(error).__name__}: {error}"]}
    return rows_of(pack)
