"""The index's schema: every table STRICT, so a value read back has the type declared here.

`expected_schema` is what `sqlite_master` must say of an index file before it is used: a file
with any other table, index, trigger or view is not this version's, and is rebuilt.
"""

from __future__ import annotations

import sqlite3
from functools import lru_cache

FORMAT = 4  # bump when the schema or a row's meaning changes

SCHEMA = (
    "CREATE TABLE meta (name TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT",
    "CREATE TABLE packs (key TEXT PRIMARY KEY, sig TEXT NOT NULL, digest TEXT NOT NULL, title_en TEXT NOT NULL,"
    " title_zh TEXT NOT NULL, author TEXT NOT NULL, date TEXT NOT NULL, entities INTEGER NOT NULL,"
    " claims INTEGER NOT NULL, figures INTEGER NOT NULL, problems TEXT NOT NULL) STRICT",
    "CREATE TABLE entities (pack TEXT NOT NULL, ord INTEGER NOT NULL, id TEXT NOT NULL, kind TEXT NOT NULL,"
    " name_en TEXT NOT NULL, name_zh TEXT NOT NULL, summary_en TEXT NOT NULL, summary_zh TEXT NOT NULL,"
    " same_as TEXT NOT NULL, not_same_as TEXT NOT NULL, names TEXT NOT NULL, quotes TEXT NOT NULL,"
    " PRIMARY KEY (pack, id)) STRICT",
    "CREATE TABLE claims (pack TEXT NOT NULL, ord INTEGER NOT NULL, id TEXT NOT NULL, role TEXT NOT NULL,"
    " claim_en TEXT NOT NULL, claim_zh TEXT NOT NULL, hedge TEXT NOT NULL, relation TEXT NOT NULL,"
    " parent TEXT NOT NULL, concerns TEXT NOT NULL, strategies TEXT NOT NULL, quotes TEXT NOT NULL,"
    " PRIMARY KEY (pack, id)) STRICT",
    # A claim's `across` entries: claims of other articles it supports, opposes or elaborates;
    # looked up from either end, so the side-by-side view shows a link under both claims.
    "CREATE TABLE claim_links (pack TEXT NOT NULL, claim TEXT NOT NULL, ord INTEGER NOT NULL,"
    " target_pack TEXT NOT NULL, target_claim TEXT NOT NULL, relation TEXT NOT NULL,"
    " PRIMARY KEY (pack, claim, ord)) STRICT",
    "CREATE INDEX claim_links_target ON claim_links (target_pack, target_claim)",
    "CREATE TABLE figures (pack TEXT NOT NULL, ord INTEGER NOT NULL, id TEXT NOT NULL, subject TEXT NOT NULL,"
    " metric_en TEXT NOT NULL, metric_zh TEXT NOT NULL, metric_key_en TEXT NOT NULL, metric_key_zh TEXT NOT NULL,"
    " as_written TEXT NOT NULL, value ANY, unit TEXT NOT NULL, period TEXT NOT NULL, period_date TEXT NOT NULL,"
    " period_inferred INTEGER NOT NULL, hedge TEXT NOT NULL, source TEXT NOT NULL, quotes TEXT NOT NULL,"
    " PRIMARY KEY (pack, id)) STRICT",
    "CREATE INDEX figures_subject ON figures (pack, subject)",
    "CREATE TABLE strategies (pack TEXT NOT NULL, ord INTEGER NOT NULL, id TEXT NOT NULL, name_en TEXT NOT NULL,"
    " name_zh TEXT NOT NULL, name_key TEXT NOT NULL, PRIMARY KEY (pack, id)) STRICT",
    "CREATE INDEX strategies_key ON strategies (name_key)",
    "CREATE TABLE shared (pack TEXT NOT NULL, entity TEXT NOT NULL, key TEXT NOT NULL, inferred INTEGER NOT NULL,"
    " PRIMARY KEY (pack, entity)) STRICT",
    "CREATE INDEX shared_key ON shared (key)",
    "CREATE TABLE groups (key TEXT PRIMARY KEY, name_en TEXT NOT NULL, name_zh TEXT NOT NULL, kind TEXT NOT NULL,"
    " articles INTEGER NOT NULL) STRICT",
    "CREATE INDEX groups_articles ON groups (articles DESC, key)",
    "CREATE TABLE docs (id INTEGER PRIMARY KEY, pack TEXT NOT NULL, kind TEXT NOT NULL, item TEXT NOT NULL,"
    " label TEXT NOT NULL, words TEXT NOT NULL, named INTEGER NOT NULL) STRICT",
    "CREATE INDEX docs_pack ON docs (pack)",
    # Names (entities, strategies, terms) and running text apart: a query ranks the few names it
    # matches, and takes running text in index order, stopping at the limit.
    "CREATE VIRTUAL TABLE name_search USING fts5(words, content='docs', content_rowid='id', tokenize='trigram')",
    "CREATE VIRTUAL TABLE text_search USING fts5(words, content='docs', content_rowid='id', tokenize='trigram')",
    "CREATE TABLE terms (id INTEGER PRIMARY KEY, term TEXT NOT NULL UNIQUE) STRICT",
    # A name's items side by side (clustered by name, with what a hit shows): a short query reads
    # a page or two, not a page per item scattered over the file.
    "CREATE TABLE term_docs (term INTEGER NOT NULL, doc INTEGER NOT NULL, pack TEXT NOT NULL, kind TEXT NOT NULL,"
    " item TEXT NOT NULL, label TEXT NOT NULL, PRIMARY KEY (term, doc)) STRICT, WITHOUT ROWID",
    "CREATE INDEX term_docs_doc ON term_docs (doc)",
)


@lru_cache(maxsize=1)
def expected_schema() -> frozenset[tuple[str, str, str]]:
    connection = sqlite3.connect(":memory:")
    try:
        for statement in SCHEMA:
            connection.execute(statement)
        return frozenset(connection.execute("SELECT type, name, COALESCE(sql, '') FROM sqlite_master"))
    finally:
        connection.close()
