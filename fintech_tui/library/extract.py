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
from fintech_tui.loader import PackError, cache, pack_files, read_file
from fintech_tui.loader.memory import collector_paused
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
            text = value if isinstance(value, str) else value.pick("zh")
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
    links = [
        (a.id, i, link.article, link.claim, link.relation) for a in pack.arguments for i, link in enumerate(a.across)
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
                normalise(f.metric.pick("en")),
                normalise(f.metric.pick("zh")),
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
    strategies = [(s.id, s.name.en, s.name.zh, normalise(s.name.pick("zh"))) for s in pack.strategies]
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
        "links": links,
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
    """The digest and rows of the pack at `path`, or its problems (FILE:LINE:COL lines) when it is broken.

    Each file is read once, for the digest and the parse alike, as `load_pack` does. A pack the
    cache already holds under that digest is taken from it; a build never adds to the cache
    (a library of thousands of packs would fill it).
    """
    try:
        contents, digest, unreadable = _read(Path(path))
        if unreadable:
            return {"digest": "", "problems": unreadable}
        pack = cache.read(digest, origin=path) if cache.folder() is not None else None
        if pack is None:
            from fintech_tui.loader.build import build_pack  # deferred: YAML and validation

            with collector_paused():
                pack = build_pack(Path(path), contents)
    except PackError as error:
        return {"digest": digest, "problems": [str(p) for p in error.problems]}
    except (OSError, RecursionError, MemoryError, ValueError) as error:  # one pack failing never stops the rest
        return {"digest": "", "problems": [f"{path}: cannot load: {type(error).__name__}: {error}"]}
    return {"digest": digest, **rows_of(pack)}


def _read(path: Path) -> tuple[list[tuple[Path, bytes]], str, list[str]]:
    """(files and their bytes, digest, problems): the problems say why the files cannot be read."""
    if not path.exists():
        return [], "", [f"{path}: no such file or folder"]
    files = pack_files(path)
    if not files:
        return [], "", [f"{path}: folder holds no .yaml or .yml files"]
    contents: list[tuple[Path, bytes]] = []
    problems: list[str] = []
    for file in files:
        raw, unreadable = read_file(file, str(file))
        problems += [str(p) for p in unreadable]
        if raw is not None:
            contents.append((file, raw))
    if problems:
        return [], "", problems
    return contents, cache.digest_of([(file.name, raw) for file, raw in contents]), []


def read_pack_files(path: Path) -> list[tuple[Path, bytes]]:
    """The pack's files and their bytes (none when one cannot be read)."""
    contents, _, _ = _read(path)
    return contents
