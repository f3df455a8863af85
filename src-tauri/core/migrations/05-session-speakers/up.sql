-- Each session keeps its speakers' names, in order, separated by U+001F. Every list of sessions
-- shows them, and gathering them per row from session_person and person was half the agenda's
-- time at 100x scale: one lookup of a large person table per speaker. session_person stays the
-- source of truth for who speaks; this column is written with it on every import and refresh.
-- Append-only like every migration: never edit this file once released.
ALTER TABLE session ADD COLUMN speaker_names TEXT NOT NULL DEFAULT '';

UPDATE session SET speaker_names = coalesce(
    (SELECT group_concat(p.name, char(31) ORDER BY sp.position)
     FROM session_person sp JOIN person p ON p.id = sp.person_id
     WHERE sp.session_id = session.id),
    '');
