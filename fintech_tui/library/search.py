"""One search across the library: names, aliases, pinyin, claims and paragraph text of every pack.

FTS5's trigram tokenizer finds any substring of three characters or more, Chinese included.
Hits come in three tiers, each taken only up to the limit, so a keystroke costs the same
however many packs match: names that are exactly the query (through the library's distinct
names), then names that hold it, then running text (claims, summaries, paragraphs), each in
index order. A query shorter than three characters cannot use trigrams: it is looked up among
the distinct names (a few thousand short strings however many packs there are), names only.
"""

from __future__ import annotations

import sqlite3
from typing import Any

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


_COLUMNS = "d.pack, d.kind, d.item, d.label, d.words"
EXACT, NAME, TEXT = 3.0, 2.0, 1.0  # an exact name, a name that holds the words, running text that does


def _collect(
    hits: list[SearchHit], seen: set[tuple[str, str, str]], rows: list[Any], words: list[str], score: float, limit: int
) -> None:
    for row in rows:
        where = (str(row[0]), str(row[1]), str(row[2]))
        if where not in seen and len(hits) < limit:
            seen.add(where)
            hits.append(_hit(row, words, score))


def _exact(db: sqlite3.Connection, phrase: str, limit: int) -> list[Any]:
    """Items one of whose names is exactly the query: found through the distinct names, however many packs."""
    return db.execute(
        f"SELECT {_COLUMNS} FROM terms t CROSS JOIN term_docs td ON td.term = t.id"
        " CROSS JOIN docs d ON d.id = td.doc WHERE t.term = ? LIMIT ?",
        (phrase, limit),
    ).fetchall()


def _matching(db: sqlite3.Connection, long: list[str], short: list[str], limit: int) -> list[SearchHit]:
    query = " AND ".join(_phrase(w) for w in long)
    extra = "".join(" AND instr(d.words, ?) > 0" for _ in short)
    words = long + short
    hits: list[SearchHit] = []
    seen: set[tuple[str, str, str]] = set()
    _collect(hits, seen, _exact(db, " ".join(words), limit), words, EXACT, limit)
    for table, score in (("name_search", NAME), ("text_search", TEXT)):
        if len(hits) >= limit:
            break
        rows = db.execute(
            f"SELECT {_COLUMNS} FROM {table} CROSS JOIN docs d ON d.id = {table}.rowid"
            f" WHERE {table} MATCH ?{extra} LIMIT ?",
            (query, *short, limit + len(seen)),
        ).fetchall()
        _collect(hits, seen, rows, words, score, limit)
    return hits


def _short(db: sqlite3.Connection, short: list[str], limit: int) -> list[SearchHit]:
    """Names holding every short word: a scan of the distinct names (few, however many packs), then their items."""
    conditions = " AND ".join("instr(term, ?) > 0" for _ in short)
    terms = db.execute(
        f"SELECT id, term FROM terms WHERE {conditions} ORDER BY length(term), term LIMIT ?",
        (*short, limit),
    ).fetchall()
    hits: list[SearchHit] = []
    seen: set[tuple[str, str, str]] = set()
    for term_id, term in terms:
        rows = db.execute(
            f"SELECT {_COLUMNS} FROM term_docs td CROSS JOIN docs d ON d.id = td.doc WHERE td.term = ? LIMIT ?",
            (term_id, limit),
        ).fetchall()
        _collect(hits, seen, rows, short, EXACT if term == " ".join(short) else NAME, limit)
        if len(hits) >= limit:
            break
    return hits


def _snippet(content: str, words: list[str]) -> str:
    """The part of an item's (folded) words around the first match, on one line."""
    at = min((i for i in (content.find(w) for w in words) if i >= 0), default=0)
    start = max(0, at - SNIPPET_CHARS // 3)
    piece = " ".join(content[start : start + SNIPPET_CHARS].split())
    return ("…" if start else "") + piece + ("…" if start + SNIPPET_CHARS < len(content) else "")
