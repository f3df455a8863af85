#!/usr/bin/env python3
"""A floor for importing a frab/Pentabarf schedule.xml: Python, lxml and SQLite doing the least a
conference store needs, to time `plenary import` against on the same machine (docs/benchmarks.md,
"Import"). Issue 5 gives such a floor as a reference point (about 190 ms on the machine it was
measured on); timing it here, beside Plenary, makes the comparison independent of the machine.

What it does, into a fresh SQLite file: create its tables, then in one transaction parse the whole file with lxml (C);
insert every day, room, track, event (title, subtitle, abstract, times as written), person and
event-person link; and strip the tags from each abstract. That is the floor. With --index it
also indexes every event's title, subtitle, abstract, track, room and speakers' names with FTS5
(unicode61 remove_diacritics 2, as Plenary does); `--index prefix` adds Plenary's prefix
indexes ('3 4 5 6').

What it leaves out, all of which Plenary does: checking anything (entities, control
characters, times, zones, durations), warnings with lines, HTML sanitising, CJK bigrams,
speakers' biographies, links, a label index, bookmarks, and migrations.

Usage: import-floor.py SCHEDULE.XML DB [--index plain|prefix]
"""

import argparse
import re
import sqlite3

from lxml import etree

TAGS = re.compile(r"<[^>]*>")


def main() -> None:
    parser = argparse.ArgumentParser(
        description="Import a frab schedule.xml the least a store needs, to time as a floor."
    )
    parser.add_argument("schedule", help="the frab/Pentabarf schedule.xml to read")
    parser.add_argument("db", help="the SQLite file to write (should not exist yet)")
    parser.add_argument(
        "--index",
        choices=("plain", "prefix"),
        help="also build an FTS5 index: plain, or with Plenary's prefix indexes",
    )
    args = parser.parse_args()
    source, target, index = args.schedule, args.db, args.index
    root = etree.parse(source).getroot()
    db = sqlite3.connect(target, isolation_level=None)
    # SQLite's default rollback journal, named so the floor does not depend on the build's
    # default; Plenary's import into a fresh store writes with a rollback journal too.
    db.execute("PRAGMA journal_mode = DELETE")
    # The schema, then everything else in one transaction (executescript commits first).
    db.executescript(
        """
        CREATE TABLE day (id INTEGER PRIMARY KEY, date TEXT NOT NULL);
        CREATE TABLE room (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE);
        CREATE TABLE track (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE);
        CREATE TABLE session (id INTEGER PRIMARY KEY, key TEXT NOT NULL, day_id INTEGER,
            room_id INTEGER, track_id INTEGER, title TEXT NOT NULL, subtitle TEXT,
            abstract TEXT, date TEXT, start TEXT, duration TEXT);
        CREATE TABLE person (id INTEGER PRIMARY KEY, key TEXT NOT NULL UNIQUE, name TEXT);
        CREATE TABLE session_person (session_id INTEGER, person_id INTEGER);
        """
    )
    db.execute("BEGIN")
    if index:
        options = ", prefix = '3 4 5 6'" if index == "prefix" else ""
        db.execute(
            "CREATE VIRTUAL TABLE search USING fts5 (title, body, content = '',"
            f" tokenize = 'unicode61 remove_diacritics 2'{options})"
        )
    rooms: dict[str, int] = {}
    tracks: dict[str, int] = {}
    persons: dict[str, int] = {}

    def id_of(table: str, ids: dict[str, int], name: str | None) -> int | None:
        if not name:
            return None
        if name not in ids:
            ids[name] = db.execute(f"INSERT INTO {table} (name) VALUES (?)", (name,)).lastrowid
        return ids[name]

    for day in root.iter("day"):
        day_id = db.execute("INSERT INTO day (date) VALUES (?)", (day.get("date"),)).lastrowid
        for event in day.iter("event"):
            text = {child.tag: (child.text or "").strip() for child in event if child.tag != "persons"}
            room = text.get("room")
            track = text.get("track")
            abstract = TAGS.sub(" ", text.get("abstract", ""))
            session_id = db.execute(
                "INSERT INTO session (key, day_id, room_id, track_id, title, subtitle, abstract,"
                " date, start, duration) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    event.get("guid") or event.get("id"),
                    day_id,
                    id_of("room", rooms, room),
                    id_of("track", tracks, track),
                    text.get("title", ""),
                    text.get("subtitle"),
                    abstract,
                    text.get("date"),
                    text.get("start"),
                    text.get("duration"),
                ),
            ).lastrowid
            names = []
            for person in event.iter("person"):
                key = person.get("id") or person.text
                if key not in persons:
                    persons[key] = db.execute(
                        "INSERT INTO person (key, name) VALUES (?, ?)", (key, person.text)
                    ).lastrowid
                db.execute(
                    "INSERT INTO session_person (session_id, person_id) VALUES (?, ?)",
                    (session_id, persons[key]),
                )
                names.append(person.text or "")
            if not index:
                continue
            db.execute(
                "INSERT INTO search (rowid, title, body) VALUES (?, ?, ?)",
                (
                    session_id,
                    text.get("title", ""),
                    " ".join([text.get("subtitle", ""), " ".join(names), track or "", room or "", abstract]),
                ),
            )
    db.execute("COMMIT")
    db.close()


if __name__ == "__main__":
    main()
