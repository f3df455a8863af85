-- Reminders before bookmarked sessions, and which change alerts the user has been shown.
-- Append-only like every migration: never edit this file once released.

-- How long before its session starts a bookmark reminds the user:
--   NULL  follows the default for the bookmark's priority (the `reminder_defaults` setting);
--   -1    no reminder for this bookmark;
--   0..   that many minutes before the start (at most a week).
ALTER TABLE bookmark ADD COLUMN reminder INTEGER
    CHECK (reminder IS NULL OR reminder BETWEEN -1 AND 10080);

-- The start (Unix seconds) the session had when its reminder was shown. A session that moves
-- gets a new start, so its reminder is due again before the new one: reminders follow moves.
ALTER TABLE bookmark ADD COLUMN reminded_start INTEGER;

-- The last refresh whose changes to bookmarked sessions were announced by a notification, per
-- conference. Changes recorded before this migration count as announced: an upgrade must not
-- replay a conference's whole history as notifications.
CREATE TABLE change_alerted (
    conference_id   INTEGER PRIMARY KEY REFERENCES conference(id) ON DELETE CASCADE,
    alerted_through TEXT NOT NULL
) STRICT;

INSERT INTO change_alerted (conference_id, alerted_through)
    SELECT conference_id, max(refreshed_at) FROM change GROUP BY conference_id;
