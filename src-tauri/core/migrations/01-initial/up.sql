-- Plenary's first schema. Migrations are append-only: never edit this file once released;
-- add 02-..., 03-... instead. PRAGMAs (WAL, foreign_keys, busy_timeout) are set by the store,
-- not here.

CREATE TABLE conference (
    id               INTEGER PRIMARY KEY,
    slug             TEXT NOT NULL UNIQUE,
    title            TEXT NOT NULL,
    other_title      TEXT,
    subtitle         TEXT,
    acronym          TEXT,
    time_zone        TEXT NOT NULL,
    start_date       TEXT,
    end_date         TEXT,
    day_change       TEXT,
    timeslot_minutes INTEGER,
    venue            TEXT,
    city             TEXT,
    url              TEXT,
    source_format    TEXT,
    sources          TEXT NOT NULL DEFAULT '[]',
    illustrative     TEXT NOT NULL DEFAULT '[]',
    imported_at      TEXT NOT NULL
) STRICT;

CREATE TABLE day (
    id            INTEGER PRIMARY KEY,
    conference_id INTEGER NOT NULL REFERENCES conference(id) ON DELETE CASCADE,
    idx           INTEGER NOT NULL,
    date          TEXT NOT NULL,
    starts_at     INTEGER,
    ends_at       INTEGER,
    UNIQUE (conference_id, date)
) STRICT;

CREATE TABLE venue (
    id            INTEGER PRIMARY KEY,
    conference_id INTEGER NOT NULL REFERENCES conference(id) ON DELETE CASCADE,
    name          TEXT NOT NULL,
    other_name    TEXT,
    address       TEXT,
    sources       TEXT NOT NULL DEFAULT '[]',
    illustrative  TEXT NOT NULL DEFAULT '[]',
    UNIQUE (conference_id, name)
) STRICT;

CREATE TABLE room (
    id            INTEGER PRIMARY KEY,
    conference_id INTEGER NOT NULL REFERENCES conference(id) ON DELETE CASCADE,
    name          TEXT NOT NULL,
    other_name    TEXT,
    venue_id      INTEGER REFERENCES venue(id) ON DELETE SET NULL,
    hall          TEXT,
    position      INTEGER NOT NULL,
    sources       TEXT NOT NULL DEFAULT '[]',
    illustrative  TEXT NOT NULL DEFAULT '[]',
    UNIQUE (conference_id, name)
) STRICT;

CREATE TABLE track (
    id            INTEGER PRIMARY KEY,
    conference_id INTEGER NOT NULL REFERENCES conference(id) ON DELETE CASCADE,
    name          TEXT NOT NULL,
    slug          TEXT,
    color         TEXT,
    UNIQUE (conference_id, name)
) STRICT;

-- Instants are Unix seconds (UTC); `time_zone` is the zone they are shown in.
CREATE TABLE session (
    id            INTEGER PRIMARY KEY,
    conference_id INTEGER NOT NULL REFERENCES conference(id) ON DELETE CASCADE,
    key           TEXT NOT NULL,
    source_id     TEXT,
    guid          TEXT,
    slug          TEXT,
    title         TEXT NOT NULL,
    other_title   TEXT,
    subtitle      TEXT,
    kind          TEXT,
    language      TEXT,
    starts_at     INTEGER NOT NULL,
    ends_at       INTEGER NOT NULL,
    time_zone     TEXT NOT NULL,
    day           TEXT NOT NULL,
    room_id       INTEGER REFERENCES room(id) ON DELETE SET NULL,
    track_id      INTEGER REFERENCES track(id) ON DELETE SET NULL,
    abstract      TEXT,
    description   TEXT,
    url           TEXT,
    links         TEXT NOT NULL DEFAULT '[]',
    attachments   TEXT NOT NULL DEFAULT '[]',
    do_not_record INTEGER NOT NULL DEFAULT 0,
    sources       TEXT NOT NULL DEFAULT '[]',
    illustrative  TEXT NOT NULL DEFAULT '[]',
    UNIQUE (conference_id, key)
) STRICT;

CREATE INDEX session_by_time ON session (conference_id, starts_at);
CREATE INDEX session_by_day ON session (conference_id, day, starts_at);

CREATE TABLE person (
    id            INTEGER PRIMARY KEY,
    conference_id INTEGER NOT NULL REFERENCES conference(id) ON DELETE CASCADE,
    key           TEXT NOT NULL,
    source_id     TEXT,
    guid          TEXT,
    name          TEXT NOT NULL,
    other_name    TEXT,
    bio           TEXT,
    affiliation   TEXT,
    sources       TEXT NOT NULL DEFAULT '[]',
    illustrative  TEXT NOT NULL DEFAULT '[]',
    UNIQUE (conference_id, key)
) STRICT;

CREATE TABLE session_person (
    session_id INTEGER NOT NULL REFERENCES session(id) ON DELETE CASCADE,
    person_id  INTEGER NOT NULL REFERENCES person(id) ON DELETE CASCADE,
    position   INTEGER NOT NULL,
    PRIMARY KEY (session_id, person_id)
) STRICT, WITHOUT ROWID;

CREATE INDEX session_person_by_person ON session_person (person_id);

-- Booths and categories are JSON arrays of strings.
CREATE TABLE exhibitor (
    id            INTEGER PRIMARY KEY,
    conference_id INTEGER NOT NULL REFERENCES conference(id) ON DELETE CASCADE,
    key           TEXT NOT NULL,
    source_id     TEXT,
    name          TEXT NOT NULL,
    other_name    TEXT,
    hall          TEXT,
    booths        TEXT NOT NULL DEFAULT '[]',
    country       TEXT,
    categories    TEXT NOT NULL DEFAULT '[]',
    website       TEXT,
    description   TEXT,
    sources       TEXT NOT NULL DEFAULT '[]',
    illustrative  TEXT NOT NULL DEFAULT '[]',
    UNIQUE (conference_id, key)
) STRICT;

CREATE INDEX exhibitor_by_hall ON exhibitor (conference_id, hall);

CREATE TABLE product (
    id            INTEGER PRIMARY KEY,
    exhibitor_id  INTEGER NOT NULL REFERENCES exhibitor(id) ON DELETE CASCADE,
    position      INTEGER NOT NULL,
    name          TEXT NOT NULL,
    other_name    TEXT,
    category      TEXT,
    description   TEXT,
    sources       TEXT NOT NULL DEFAULT '[]',
    illustrative  TEXT NOT NULL DEFAULT '[]'
) STRICT;

CREATE INDEX product_by_exhibitor ON product (exhibitor_id);

-- What the user made. Deliberately no foreign key to the programme: a bookmark outlives the
-- session it pointed at (re-imports replace sessions wholesale), and is re-attached by key or by
-- its snapshot (title, speakers, start), or kept as an orphan. It is never deleted by an import.
CREATE TABLE bookmark (
    id              INTEGER PRIMARY KEY,
    conference_slug TEXT NOT NULL,
    target_kind     TEXT NOT NULL CHECK (target_kind IN ('session', 'person', 'exhibitor')),
    target_key      TEXT NOT NULL,
    priority        TEXT NOT NULL DEFAULT 'want' CHECK (priority IN ('must', 'want', 'maybe')),
    note            TEXT NOT NULL DEFAULT '',
    visited         INTEGER NOT NULL DEFAULT 0,
    snapshot_title  TEXT NOT NULL,
    snapshot_people TEXT NOT NULL DEFAULT '',
    snapshot_start  INTEGER,
    orphaned_at     TEXT,
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL,
    UNIQUE (conference_slug, target_kind, target_key)
) STRICT;

CREATE TABLE setting (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) STRICT, WITHOUT ROWID;

-- Search: one row per searchable thing, with the fields filters need, and an FTS5 index whose
-- text is pre-tokenised by plenary-core (CJK as overlapping bigrams plus single characters), so
-- one- and two-character Chinese words match inside longer runs.
CREATE TABLE search_doc (
    id            INTEGER PRIMARY KEY,
    conference_id INTEGER NOT NULL REFERENCES conference(id) ON DELETE CASCADE,
    entity        TEXT NOT NULL CHECK (entity IN ('session', 'person', 'exhibitor', 'product')),
    entity_id     INTEGER NOT NULL,
    -- What a result shows, stored here so a search is one query.
    key           TEXT NOT NULL,
    label         TEXT NOT NULL,
    other_label   TEXT,
    detail        TEXT,
    starts_at     INTEGER,
    day           TEXT,
    track         TEXT,
    kind          TEXT,
    hall          TEXT,
    categories    TEXT
) STRICT;

CREATE INDEX search_doc_by_conference ON search_doc (conference_id, entity);

CREATE VIRTUAL TABLE search_fts USING fts5 (
    title,
    body,
    grams,
    tokenize = 'unicode61 remove_diacritics 2',
    prefix = '1 2 3'
);
