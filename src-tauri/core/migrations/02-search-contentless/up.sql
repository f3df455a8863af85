-- The search index, rebuilt for import speed and size (issue 5; figures in docs/benchmarks.md).
-- Append-only like every migration: never edit this file once released.
--
-- - contentless (content = ''): results are read from search_doc, so the index kept a second
--   copy of every pre-tokenised text for nothing. contentless_delete = 1 keeps DELETE working,
--   which re-imports rely on.
-- - prefix = '3 4 5 6' instead of '1 2 3': the CJK tokens are one or two characters, so they
--   paid for one- and two-character prefix indexes that no query uses (CJK terms are never
--   prefix queries), and get none of these. A Latin prefix without an index of its length is
--   expanded by FTS5 into one in-memory doclist of every matching word, which at 100x WAIC
--   took 80 ms for "robo"; three to six letters is what people type before results narrow.
--   One and two letters now expand too.
-- - hashsize 32 MB (default 1 MB): an import is one transaction, and flushing the pending
--   terms every megabyte made FTS5 write and then merge dozens of small segments.
--
-- The old table held its text, so the new one is filled from it here without Rust.

CREATE VIRTUAL TABLE search_fts_next USING fts5 (
    title,
    body,
    grams,
    content = '',
    contentless_delete = 1,
    tokenize = 'unicode61 remove_diacritics 2',
    prefix = '3 4 5 6'
);

INSERT INTO search_fts_next (search_fts_next, rank) VALUES ('hashsize', 33554432);

INSERT INTO search_fts_next (rowid, title, body, grams)
    SELECT rowid, title, body, grams FROM search_fts;

DROP TABLE search_fts;

ALTER TABLE search_fts_next RENAME TO search_fts;
