//! Append-only schema migrations, embedded in the binary and tracked with `PRAGMA user_version`.

use rusqlite::Connection;

use crate::error::{Error, Result};

/// Every migration in order. Append only: a released migration is never edited, because stores
/// in the wild have already run it. The test below pins each one's digest to enforce that.
pub const MIGRATIONS: &[(&str, &str)] = &[
    (
        "01-initial",
        include_str!("../../migrations/01-initial/up.sql"),
    ),
    (
        "02-search-contentless",
        include_str!("../../migrations/02-search-contentless/up.sql"),
    ),
    (
        "03-subscriptions",
        include_str!("../../migrations/03-subscriptions/up.sql"),
    ),
    (
        "04-reminders",
        include_str!("../../migrations/04-reminders/up.sql"),
    ),
    (
        "05-session-speakers",
        include_str!("../../migrations/05-session-speakers/up.sql"),
    ),
    (
        "06-short-prefixes",
        include_str!("../../migrations/06-short-prefixes/up.sql"),
    ),
    (
        "07-venue-maps",
        include_str!("../../migrations/07-venue-maps/up.sql"),
    ),
];

/// The schema version a fully migrated store has.
pub const SCHEMA_VERSION: u32 = MIGRATIONS.len() as u32;

/// Refuses a database that some other program made (version 0, and tables in it), before
/// anything is written to it: it may have been picked by mistake, and is left exactly as it
/// was. Without this, the first migration would fail on a clashing table with the whole
/// schema as its message, after the store had already been switched to WAL.
pub(crate) fn refuse_foreign(conn: &Connection) -> Result<()> {
    let version: u32 = conn.pragma_query_value(None, "user_version", |row| row.get(0))?;
    if version != 0 {
        return Ok(());
    }
    let tables: Vec<String> = conn
        .prepare(
            "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite%'
             ORDER BY name",
        )?
        .query_map([], |row| row.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    if tables.is_empty() {
        return Ok(());
    }
    let shown = tables
        .iter()
        .take(5)
        .cloned()
        .collect::<Vec<_>>()
        .join(", ");
    let more = if tables.len() > 5 { ", …" } else { "" };
    Err(Error::BadRequest(format!(
        "not a Plenary store: an SQLite database of another program (tables {shown}{more}); \
         choose a Plenary store or a new file"
    )))
}

/// Brings the database up to [`SCHEMA_VERSION`], each migration in its own transaction. A new
/// store (version 0) takes them all in one: it has nothing to keep if one fails, and in
/// rollback-journal mode (a new store's, see `Store::open`) every commit is a sync to disk.
pub(crate) fn apply(conn: &mut Connection) -> Result<()> {
    let current: u32 = conn.pragma_query_value(None, "user_version", |row| row.get(0))?;
    if current > SCHEMA_VERSION {
        return Err(Error::BadRequest(format!(
            "this store has schema version {current}, newer than this Plenary understands \
             ({SCHEMA_VERSION}); update Plenary"
        )));
    }
    let pending = MIGRATIONS.iter().enumerate().skip(current as usize);
    if current == 0 {
        let tx = conn.transaction()?;
        for (_, (_, sql)) in pending {
            tx.execute_batch(sql)?;
        }
        tx.pragma_update(None, "user_version", SCHEMA_VERSION)?;
        return Ok(tx.commit()?);
    }
    for (index, (_, sql)) in pending {
        let tx = conn.transaction()?;
        tx.execute_batch(sql)?;
        tx.pragma_update(None, "user_version", (index + 1) as i64)?;
        tx.commit()?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::digest;

    fn schema(conn: &Connection) -> Vec<String> {
        let mut stmt = conn
            .prepare("SELECT type || ' ' || name || ': ' || ifnull(sql, '') FROM sqlite_schema ORDER BY type, name")
            .expect("prepare");
        let rows = stmt.query_map([], |row| row.get(0)).expect("query");
        rows.collect::<Result<_, _>>().expect("rows")
    }

    /// A store as an older Plenary left it: the first `version` migrations applied.
    fn store_at(version: usize) -> Connection {
        let conn = Connection::open_in_memory().expect("open");
        for (i, (_, sql)) in MIGRATIONS.iter().take(version).enumerate() {
            conn.execute_batch(sql).expect("old migration");
            conn.pragma_update(None, "user_version", (i + 1) as i64)
                .expect("version");
        }
        conn
    }

    /// One conference, id 1, for rows that need one.
    const CONFERENCE: &str = "INSERT INTO conference (id, slug, title, time_zone, imported_at)
        VALUES (1, 'c', 'C', 'UTC', '2025-01-01T00:00:00Z');";

    #[test]
    fn released_migrations_are_never_edited() {
        // When you add a migration, add its digest here. Never change an existing line.
        let pinned = [
            ("01-initial", "953324bc95fa7dbe"),
            ("02-search-contentless", "36f33bb251938eee"),
            ("03-subscriptions", "dd5adefc99974a49"),
            ("04-reminders", "7d383bd65fd8bf75"),
            ("05-session-speakers", "92e50ac93ec5d918"),
            ("06-short-prefixes", "3248f097caf290a4"),
            ("07-venue-maps", "281a1febfc1a2fb5"),
        ];
        assert_eq!(
            MIGRATIONS.len(),
            pinned.len(),
            "every migration needs a pinned digest"
        );
        for ((name, sql), (pinned_name, pinned_digest)) in MIGRATIONS.iter().zip(pinned) {
            assert_eq!(*name, pinned_name, "migrations are numbered in order");
            assert_eq!(
                digest(&[sql]),
                pinned_digest,
                "migration {name} was edited after release"
            );
        }
    }

    #[test]
    fn migrations_apply_cleanly_and_are_idempotent() {
        let mut conn = Connection::open_in_memory().expect("open");
        conn.pragma_update(None, "foreign_keys", "ON").expect("fk");
        apply(&mut conn).expect("first run");
        let first = schema(&conn);
        apply(&mut conn).expect("second run is a no-op");
        assert_eq!(
            schema(&conn),
            first,
            "re-running migrations changed the schema"
        );
        let version: u32 = conn
            .pragma_query_value(None, "user_version", |r| r.get(0))
            .expect("version");
        assert_eq!(version, SCHEMA_VERSION);
        let check: String = conn
            .pragma_query_value(None, "integrity_check", |r| r.get(0))
            .expect("check");
        assert_eq!(check, "ok");
    }

    #[test]
    fn upgrade_from_each_version_matches_a_fresh_store() {
        let mut fresh = Connection::open_in_memory().expect("open");
        apply(&mut fresh).expect("fresh");
        for start in 1..=MIGRATIONS.len() {
            let mut old = store_at(start);
            apply(&mut old).expect("upgrade");
            assert_eq!(
                schema(&old),
                schema(&fresh),
                "upgrading from version {start} differs"
            );
        }
    }

    #[test]
    fn upgrading_to_05_fills_each_sessions_speaker_names_in_order() {
        let mut conn = store_at(4);
        conn.execute_batch(
            &format!("{CONFERENCE}
             INSERT INTO person (id, conference_id, key, name) VALUES
                 (1, 1, 'ada', 'Ada'), (2, 1, 'grace', 'Grace');
             INSERT INTO session (id, conference_id, key, title, starts_at, ends_at, time_zone, day)
                 VALUES (1, 1, 'two', 'Two speakers', 0, 60, 'UTC', '1970-01-01'),
                        (2, 1, 'none', 'No speakers', 0, 60, 'UTC', '1970-01-01');
             INSERT INTO session_person (session_id, person_id, position) VALUES (1, 1, 1), (1, 2, 0);"
        ))
        .expect("a version-4 store with sessions");
        apply(&mut conn).expect("upgrade");
        let names: Vec<String> = conn
            .prepare("SELECT speaker_names FROM session ORDER BY id")
            .expect("prepare")
            .query_map([], |r| r.get(0))
            .expect("query")
            .collect::<Result<_, _>>()
            .expect("rows");
        assert_eq!(names, ["Grace\u{1f}Ada", ""]);
    }

    #[test]
    fn upgrading_to_06_indexes_every_label_for_short_prefixes() {
        let mut conn = store_at(5);
        conn.execute_batch(&format!(
            "{CONFERENCE}
             INSERT INTO search_doc (id, conference_id, entity, entity_id, key, label, other_label)
                 VALUES (7, 1, 'exhibitor', 1, 'unitree', 'Unitree Robotics', '宇树科技'),
                        (8, 1, 'session', 1, 'talk', 'Opening', NULL);"
        ))
        .expect("a version-5 store with search rows");
        apply(&mut conn).expect("upgrade");
        let rows = |query: &str| -> Vec<i64> {
            conn.prepare(
                "SELECT rowid FROM search_label_fts WHERE search_label_fts MATCH ?1 ORDER BY rowid",
            )
            .expect("prepare")
            .query_map([query], |r| r.get(0))
            .expect("query")
            .collect::<Result<_, _>>()
            .expect("rows")
        };
        assert_eq!(rows("\"r\"*"), [7], "a one-letter prefix of a later word");
        assert_eq!(rows("\"op\"*"), [8], "a two-letter prefix");
        assert_eq!(rows("\"宇树科技\""), [7], "the other label too");
    }

    #[test]
    fn upgrading_to_07_keeps_bookmarks_undecided_and_refuses_unknown_decisions() {
        let mut conn = store_at(6);
        conn.execute_batch(
            "INSERT INTO bookmark (conference_slug, target_kind, target_key, priority, note,
                 snapshot_title, created_at, updated_at)
             VALUES ('c', 'session', 'talk', 'must', 'front row', 'Talk', 't', 't');",
        )
        .expect("a version-6 store with a bookmark");
        apply(&mut conn).expect("upgrade");
        let (note, plan): (String, Option<String>) = conn
            .query_row("SELECT note, plan FROM bookmark", [], |r| {
                Ok((r.get(0)?, r.get(1)?))
            })
            .expect("the bookmark");
        assert_eq!((note.as_str(), plan), ("front row", None));
        assert!(conn
            .execute("UPDATE bookmark SET plan = 'maybe'", [])
            .is_err());
        conn.execute("UPDATE bookmark SET plan = 'in'", [])
            .expect("a decision");
    }

    #[test]
    fn a_newer_store_is_refused() {
        let mut conn = Connection::open_in_memory().expect("open");
        conn.pragma_update(None, "user_version", SCHEMA_VERSION + 1)
            .expect("version");
        let err = apply(&mut conn).expect_err("must refuse");
        assert!(err.to_string().contains("newer than this Plenary"), "{err}");
    }
}
