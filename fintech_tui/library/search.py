"""One search across the library: names, aliases, pinyin, claims and paragraph text of every pack.

FTS5's trigram tokenizer finds any substring of three characters or more, Chinese included;
names come first (entities, strategies, glossary terms), ranked, then running text in index
order, so a keystroke never ranks every paragraph of a large library. A query shorter than
three characters cannot use trigrams: it is looked up among the library's distinct names
instead (a few thousand short strings however many packs there are), names only.
"""

from __future__ import annotations

import sqlite3

from fintech_tui.library.extract import fold_search
from fintech_tui.library.rows import SearchHit

SNIPPET_CHARS = 80
TRIGRAM = 3


def _phrase(word: str) -> str:
    return '"' + word.replace('"', '""') + '"'


def search(db: sqlite3.Connection, text: str, *, limit: int = 50) -> dict[str, tuple[SearchHit, ...]]:
    """Hits for every word of `text`, grouped by article key (articles in order of their best hit)."""
    words = fold_search(text).split()
    if not words or limit <= 0:
        return {}
    long = [w for w in words if len(w) >= TRIGRAM]
    short = [w for w in words if len(w) < TRIGRAM]
    hits = _matching(db, long, short, limit) if long else _short(db, short, limit)
    grouped: dict[str, list[SearchHit]] = {}
    for hit in hits:
        grouped.setdefault(hit.article, []).append(hit)
    return {article: tuple(found) for article, found in grouped.items()}


def _hit(row: tuple[object, ...], words: list[str], score: float) -> SearchHit:
    article, kind, item, label, content = (str(v) for v in row[:5])
    return SearchHit(article, kind, item, label, _snippet(content, words), score)


def _matching(db: sqlite3.Connection, long: list[str], short: list[str], limit: int) -> list[SearchHit]:
    query = " AND ".join(_phrase(w) for w in long)
    extra = "".join(" AND instr(d.words, ?) > 0" for _ in short)
    names = db.execute(
        "SELECT d.pack, d.kind, d.item, d.label, d.words, bm25(search) FROM search JOIN docs d ON d.id = search.rowid"
        f" WHERE search MATCH ? AND d.named = 1{extra} ORDER BY bm25(search) LIMIT ?",
        (query, *short, limit),
    ).fetchall()
    hits = [_hit(row, long + short, -float(row[5] or 0)) for row in names]
    if len(hits) < limit:
        rest = db.execute(
            "SELECT d.pack, d.kind, d.item, d.label, d.words FROM search JOIN docs d ON d.id = search.rowid"
            f" WHERE search MATCH ? AND d.named = 0{extra} LIMIT ?",
            (query, *short, limit - len(hits)),
        ).fetchall()
        hits += [_hit(row, long + short, 0.0) for row in rest]
    return hits


def _short(db: sqlite3.Connection, short: list[str], limit: int) -> list[SearchHit]:
    """Names holding every short word: a scan of the distinct names, then their items."""
    conditions = " AND ".join("instr(t.term, ?) > 0" for _ in short)
    rows = db.execute(
        "SELECT d.pack, d.kind, d.item, d.label, d.words, length(t.term) FROM terms t"
        f" JOIN term_docs td ON td.term = t.id JOIN docs d ON d.id = td.doc WHERE {conditions} LIMIT ?",
        (*short, limit * 4),
    ).fetchall()
    rows.sort(key=lambda row: (int(str(row[5])), str(row[0])))  # the closest names (shortest) first
    seen: set[tuple[str, str, str]] = set()
    hits = []
    for row in rows:
        where = (str(row[0]), str(row[1]), str(row[2]))
        if where in seen:
            continue
        seen.add(where)
        hits.append(_hit(row, short, 1.0 / int(str(row[5]) or 1)))
        if len(hits) >= limit:
            break
    return hits


def _snippet(content: str, words: list[str]) -> str:
    """The part of an item's (folded) words around the first match, on one line."""
    at = min((i for i in (content.find(w) for w in words) if i >= 0), default=0)
    start = max(0, at - SNIPPET_CHARS // 3)
    piece = " ".join(content[start : start + SNIPPET_CHARS].split())
    return ("…" if start else "") + piece + ("…" if start + SNIPPET_CHARS < len(content) else "")
