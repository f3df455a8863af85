//! Crash safety of the real binary: `plenary import` killed with SIGKILL at seeded random
//! moments while it replaces FOSDEM 2026 in a store that has bookmarks. After every kill the
//! database must be sound, every bookmark intact, and the programme wholly old or wholly new.

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use plenary_core::store::{BookmarkChange, Priority, SessionFilter};
use plenary_core::Store;

use crate::data;

/// xorshift64*: the kill moments are the same on every run.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d) % n.max(1)
    }
}

const KILLS: usize = 50;

/// (conference title, session count) as one statement sees it, and the bookmarks as
/// (key, priority, note, orphaned).
type State = ((String, i64), Vec<(String, Priority, String, bool)>);

fn state(db: &Path, what: &str) -> State {
    let store = Store::open(db).unwrap_or_else(|e| panic!("{what}: the store opens: {e}"));
    let check: String = store
        .read(|c| Ok(c.query_row("PRAGMA integrity_check", [], |r| r.get(0))?))
        .unwrap_or_else(|e| panic!("{what}: integrity_check runs: {e}"));
    assert_eq!(check, "ok", "{what}: PRAGMA integrity_check");
    let list = store.conferences().expect("conferences");
    let list: Vec<_> = list
        .into_iter()
        .filter(|c| c.slug == "fosdem-2026")
        .collect();
    assert_eq!(list.len(), 1, "{what}: FOSDEM is there: {list:?}");
    let marks = store
        .bookmarks(None)
        .expect("bookmarks")
        .into_iter()
        .map(|b| (b.key, b.priority, b.note, b.orphaned))
        .collect();
    ((list[0].title.clone(), list[0].sessions), marks)
}

fn import(db: &Path, file: &Path) -> std::process::Child {
    Command::new(env!("CARGO_BIN_EXE_plenary"))
        .arg("--db")
        .arg(db)
        .args(["-c", "fosdem-2026", "import"])
        .arg(file)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("plenary starts")
}

#[test]
fn import_killed_at_random_moments_leaves_old_or_new_and_every_bookmark() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("plenary.db");
    let old = data("schedules/fosdem-2026.schedule.xml");
    let text = std::fs::read_to_string(&old).expect("FOSDEM 2026");
    // The new version: another title, and the first event gone, so a mix of the two shows.
    let first = text.find("<event ").expect("has events");
    let end = first + text[first..].find("</event>").expect("closed") + "</event>".len();
    let edited = format!("{}{}", &text[..first], &text[end..]).replacen(
        "<title>FOSDEM 2026</title>",
        "<title>FOSDEM 2026 (updated)</title>",
        1,
    );
    let new = dir.path().join("fosdem-2026-updated.xml");
    std::fs::write(&new, edited).expect("write the new version");

    let status = import(&db, &old).wait().expect("first import");
    assert!(status.success(), "the first import succeeds");
    {
        let store = Store::open(&db).expect("open");
        let sessions = store.sessions(&SessionFilter::default()).expect("sessions");
        // Bookmarks spread over the programme, each with a note and a priority.
        for (i, s) in sessions.iter().skip(5).step_by(97).enumerate() {
            store
                .set_bookmark(&BookmarkChange {
                    conference: "fosdem-2026".into(),
                    kind: None,
                    key: s.key.clone(),
                    priority: Some([Priority::Must, Priority::Want, Priority::Maybe][i % 3]),
                    note: Some(format!("note {i}: {}", s.title)),
                    visited: None,
                    reminder: None,
                })
                .expect("bookmark");
        }
    }
    let (old_programme, marks) = state(&db, "after the first import");
    assert!(
        marks.len() >= 10,
        "enough bookmarks to matter: {}",
        marks.len()
    );

    // How long one whole import takes here, to spread the kills over it.
    let started = Instant::now();
    assert!(
        import(&db, &new).wait().expect("timed import").success(),
        "timed import"
    );
    let whole = started.elapsed();
    let (new_programme, after) = state(&db, "after the timed import");
    assert_eq!(after, marks, "bookmarks unchanged by a complete re-import");
    assert_eq!(new_programme.0, "FOSDEM 2026 (updated)", "the new title");
    assert_eq!(new_programme.1 + 1, old_programme.1, "one session fewer");

    let mut rng = Rng(0x000c_4a54_0001);
    let (mut before, mut committed, mut finished) = (0, 0, 0);
    let mut current = new_programme.clone();
    let whole_ms = whole.as_millis() as u64;
    let window = whole_ms * 11 / 10;
    for kill in 0..KILLS {
        let (file, next) = if current == old_programme {
            (&new, &new_programme)
        } else {
            (&old, &old_programme)
        };
        let mut child = import(&db, file);
        // Every other kill lands between 80% and 130% of one import's time, around the write,
        // the commit and the exit, so that those moments are hit often and not only by chance.
        let delay = if kill % 2 == 0 {
            rng.below(window)
        } else {
            whole_ms * 8 / 10 + rng.below(whole_ms / 2)
        };
        std::thread::sleep(Duration::from_millis(delay));
        let exited = child.try_wait().expect("try_wait").is_some();
        let _ = child.kill();
        let _ = child.wait();
        let what = format!("kill {kill}");
        let (programme, now) = state(&db, &what);
        assert_eq!(
            now, marks,
            "{what}: every bookmark, note and priority is still there"
        );
        assert!(
            programme == old_programme || programme == new_programme,
            "{what}: wholly old or wholly new, got {programme:?}"
        );
        if exited {
            assert_eq!(
                &programme, next,
                "{what}: an import that finished was committed"
            );
            finished += 1;
        } else if programme == *next {
            committed += 1;
        } else {
            before += 1;
        }
        current = programme;
    }
    eprintln!(
        "kill test: {KILLS} SIGKILLs over a {} ms import: {before} before commit (old kept), \
         {committed} after commit (new kept), {finished} after exit; failures 0",
        whole.as_millis()
    );
    assert_eq!(
        before + committed + finished,
        KILLS,
        "every kill accounted for"
    );
}
