-- Schedule subscriptions: where a conference's programme is fetched from, what the last fetch
-- returned, and the log of what each refresh changed. Append-only like every migration: never
-- edit this file once released. Only new tables: bookmarks and the programme are not touched.
--
-- Instants here are RFC 3339 text in UTC with microseconds (`2026-12-02T18:45:00.123456Z`),
-- one fixed width, so comparing the text compares the instants.

-- One per subscribed conference.
CREATE TABLE subscription (
    id            INTEGER PRIMARY KEY,
    conference_id INTEGER NOT NULL UNIQUE REFERENCES conference(id) ON DELETE CASCADE,
    url           TEXT NOT NULL,
    -- The format to read the body as; NULL means detect it from each body.
    format        TEXT,
    -- The validators of the last good copy, sent back as If-None-Match / If-Modified-Since.
    etag          TEXT,
    last_modified TEXT,
    -- When the last good copy (the programme in the store) was fetched.
    fetched_at    TEXT NOT NULL,
    -- When a refresh was last attempted, whatever came of it.
    checked_at    TEXT NOT NULL,
    -- Why the last attempt failed; NULL when it succeeded or the server answered 304.
    last_error    TEXT
) STRICT;

-- What each refresh changed, one row per session and field (`subscribe::diff`). All the rows of
-- one refresh share its `refreshed_at`.
CREATE TABLE change (
    id            INTEGER PRIMARY KEY,
    conference_id INTEGER NOT NULL REFERENCES conference(id) ON DELETE CASCADE,
    refreshed_at  TEXT NOT NULL,
    -- The session's key in the new version (the old one for a session that is gone).
    session_key   TEXT NOT NULL,
    -- Its title then, for sessions that are gone by the time the change is read.
    session_title TEXT NOT NULL,
    field         TEXT NOT NULL CHECK (field IN ('new', 'cancelled', 'start', 'duration', 'room',
                      'title', 'speakers', 'track', 'language', 'key')),
    old           TEXT,
    new           TEXT
) STRICT;

CREATE INDEX change_by_refresh ON change (conference_id, refreshed_at);

-- When the user last looked at a conference's changes, so the app can show every change since.
-- Its own table rather than a column of `subscription`: it belongs to the change log, which
-- outlives a subscription that is replaced or dropped.
CREATE TABLE change_seen (
    conference_id   INTEGER PRIMARY KEY REFERENCES conference(id) ON DELETE CASCADE,
    changes_seen_at TEXT NOT NULL
) STRICT;
