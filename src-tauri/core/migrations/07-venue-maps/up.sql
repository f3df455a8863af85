-- Venue maps and plan decisions (issue 7). Each conference's venue file, checked and
-- re-serialised as JSON (plan::venues::VenueMap), for walking times and floor plans. Keyed by the conference's slug
-- like bookmarks, so importing or refreshing the programme keeps the map; the map names
-- rooms, halls and booths as the programme does.
-- Append-only like every migration: never edit this file once released.
CREATE TABLE venue_map (
    conference_slug TEXT PRIMARY KEY,
    map             TEXT NOT NULL,
    file            TEXT NOT NULL,
    imported_at     TEXT NOT NULL
) STRICT;

-- What the user decided for a bookmarked session when planning a day: 'in' (keep it in the
-- plan), 'out' (skip it), or NULL (no decision; the planner chooses by priority).
ALTER TABLE bookmark ADD COLUMN plan TEXT CHECK (plan IN ('in', 'out'));
