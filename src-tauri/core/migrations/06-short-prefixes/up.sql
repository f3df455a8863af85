-- An index of labels (a session's title, a person's or exhibitor's name, a product, and each
-- one's other-language label) with one- and two-letter prefix indexes, for what people type
-- first. search_fts has prefix indexes from three letters only (02-search-contentless), so
-- FTS5 answered "r" or "ro" by merging the doclist of every word with that prefix: 70 ms for
-- "r" and 197 ms for "s" at 100x WAIC (medians, docs/benchmarks.md). Here such a prefix is one doclist, read in rowid order
-- and stopped after the first matches of each kind. Queries of one or two letters look at
-- labels only; from three letters on, search_fts finds words in bodies too.
-- Append-only like every migration: never edit this file once released.
CREATE VIRTUAL TABLE search_label_fts USING fts5 (
    label,
    content = '',
    contentless_delete = 1,
    tokenize = 'unicode61 remove_diacritics 2',
    prefix = '1 2'
);

INSERT INTO search_label_fts (rowid, label)
    SELECT id, label || ' ' || ifnull(other_label, '') FROM search_doc;
