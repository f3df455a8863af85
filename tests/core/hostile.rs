//! Hostile input through the whole import path (`Store::import_file`): every case must fail
//! with a clear error of the right kind, naming the file (and line and field where there is
//! one), and leave the store exactly as it was: conferences, sessions, exhibitors, bookmarks.

use std::path::Path;

use plenary_core::import::{ImportOptions, DEFAULT_MAX_BYTES};
use plenary_core::model::Format;
use plenary_core::{Error, Store};

use crate::common::{self, sample_with_bookmarks, store_state};

/// Imports `bytes` saved as `name` into `store` and returns the error, asserting the import
/// failed and changed nothing.
fn refused_with(store: &Store, name: &str, bytes: &[u8], options: ImportOptions) -> Error {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join(name);
    std::fs::write(&path, bytes).expect("write the hostile file");
    refused_at(store, &path, options)
}

fn refused_at(store: &Store, path: &Path, options: ImportOptions) -> Error {
    let name = options.file_name.clone();
    let before = store_state(store);
    let result = store.import_file(path, &options, &mut |_| {});
    let err = match result {
        Ok(report) => panic!(
            "{name}: should be refused, imported {} sessions",
            report.sessions
        ),
        Err(e) => e,
    };
    assert!(
        err.to_string().starts_with(&name),
        "{name}: the message names the file: {err}"
    );
    let after = store_state(store);
    assert!(
        before == after,
        "{name}: the store changed after a failed import ({err})"
    );
    err
}

fn refused(store: &Store, name: &str, bytes: &[u8]) -> Error {
    refused_with(store, name, bytes, ImportOptions::new(name))
}

/// Asserts the message starts with `prefix`, i.e. `file:line:column` or `file:line:`.
fn assert_at(err: &Error, prefix: &str) {
    let text = err.to_string();
    assert!(
        text.starts_with(prefix),
        "expected {prefix:?} at the start of: {text}"
    );
}

#[test]
fn xml_entity_attacks_are_refused_and_change_nothing() {
    let store = sample_with_bookmarks();
    let laughs = "<?xml version=\"1.0\"?>\n<!DOCTYPE schedule [\n <!ENTITY a \"aaaaaaaaaa\">\n \
                  <!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">\n <!ENTITY c \
                  \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">\n]>\n<schedule><conference><title>&c;\
                  </title></conference></schedule>";
    let err = refused(&store, "laughs.xml", laughs.as_bytes());
    assert_eq!(err.kind(), "refused", "{err}");
    assert_at(&err, "laughs.xml:2:1: refused: ");
    assert!(
        err.to_string().contains("billion laughs"),
        "says why: {err}"
    );

    // An XXE aimed at a real local file: refused before anything is read from it.
    let secret = tempfile::NamedTempFile::new().expect("temp file");
    std::fs::write(secret.path(), "SECRET-CONTENT").expect("write secret");
    let xxe = format!(
        "<?xml version=\"1.0\"?>\n<!DOCTYPE schedule [ <!ENTITY xxe SYSTEM \"file://{}\"> ]>\n\
         <schedule><conference><title>&xxe;</title></conference></schedule>",
        secret.path().display()
    );
    let err = refused(&store, "xxe.xml", xxe.as_bytes());
    assert_eq!(err.kind(), "refused", "{err}");
    assert_at(&err, "xxe.xml:2:1: refused: ");
    assert!(
        !err.to_string().contains("SECRET"),
        "nothing of the file leaks: {err}"
    );

    let dtd = "<?xml version=\"1.0\"?>\n<!DOCTYPE schedule SYSTEM \"http://127.0.0.1:9/s.dtd\">\n\
               <schedule/>";
    let err = refused(&store, "dtd.xml", dtd.as_bytes());
    assert_eq!(err.kind(), "refused", "{err}");
    assert_at(&err, "dtd.xml:2:1: refused: ");
    assert!(err.to_string().contains("external DTD"), "{err}");
}

#[test]
fn control_characters_are_refused_where_they_cannot_be_dropped() {
    let store = sample_with_bookmarks();
    // Raw control bytes before anything recognisable: not a format at all.
    let err = refused(&store, "binary.xml", b"\x00\x01\x02\x1b<schedule/>");
    assert_eq!(err.kind(), "unknown-format", "{err}");

    // JSON forbids raw control characters inside strings; the line and column are named.
    let json = "{\"schedule\": {\"conference\": {\n\"title\": \"Bell\u{7}\"}}}";
    let err = refused(&store, "controls.json", json.as_bytes());
    assert_eq!(err.kind(), "syntax", "{err}");
    assert_at(&err, "controls.json:2:");
    assert!(err.to_string().contains("control character"), "{err}");
    // (In XML text they are dropped with a warning naming the line: see bad_input.rs.)
}

#[test]
fn truncation_at_seeded_random_offsets_of_real_files() {
    let store = sample_with_bookmarks();
    let mut rng = common::Rng::new(0x5eed_0004);
    for relative in [
        "schedules/36c3.schedule.xml",
        "schedules/36c3.schedule.json",
        "schedules/good-2025.pretalx.schedule.ics",
    ] {
        let whole = common::read(relative);
        let name = relative.rsplit('/').next().expect("file name");
        for _ in 0..4 {
            // Past the first 64 bytes so that the format is still recognisable.
            let cut = 64 + rng.below(whole.len() as u64 - 65) as usize;
            let err = refused(&store, name, &whole[..cut]);
            assert!(
                matches!(err.kind(), "syntax" | "encoding"),
                "{relative} cut at {cut}: {err}"
            );
            let lines = whole[..cut].iter().filter(|b| **b == b'\n').count() as u32 + 1;
            match &err {
                Error::Syntax { at, .. } | Error::Encoding { at, .. } => assert!(
                    at.line >= 1 && at.line <= lines,
                    "{relative} cut at {cut}: line {} within the {lines} lines left",
                    at.line
                ),
                other => panic!("{relative} cut at {cut}: not located: {other:?}"),
            }
        }
    }
}

#[test]
fn mismatched_tags_are_a_syntax_error_and_change_nothing() {
    let store = sample_with_bookmarks();
    let err = refused(
        &store,
        "mismatch.xml",
        b"<schedule>\n<conference>\n<title>Conf</conference>\n</schedule>",
    );
    assert_eq!(err.kind(), "syntax", "{err}");
    assert_at(&err, "mismatch.xml:3:12: ");
}

#[test]
fn encodings_invalid_utf8_and_utf16() {
    let store = sample_with_bookmarks();
    let err = refused(
        &store,
        "latin1.xml",
        b"<schedule>\n<conference><title>Caf\xe9</title>",
    );
    assert_eq!(err.kind(), "encoding", "{err}");
    assert_at(&err, "latin1.xml:2:23: invalid UTF-8 (byte 0xe9)");

    // UTF-16 with a BOM is read; an unpaired surrogate in it is refused at the start.
    let mut bad = vec![0xff, 0xfe];
    for unit in "<schedule>".encode_utf16().chain([0xd800]) {
        bad.extend_from_slice(&unit.to_le_bytes());
    }
    let err = refused(&store, "utf16.xml", &bad);
    assert_eq!(err.kind(), "encoding", "{err}");
    assert!(err.to_string().contains("UTF-16"), "{err}");

    let text =
        String::from_utf8(common::read("schedules/good-2025.pretalx.schedule.xml")).expect("UTF-8");
    let mut utf16 = vec![0xfe, 0xff];
    for unit in text.encode_utf16() {
        utf16.extend_from_slice(&unit.to_be_bytes());
    }
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("good-utf16.xml");
    std::fs::write(&path, &utf16).expect("write");
    let report = store
        .import_file(&path, &ImportOptions::new("good-utf16.xml"), &mut |_| {})
        .expect("UTF-16 BE with a BOM imports");
    let plain = common::parse("schedules/good-2025.pretalx.schedule.xml");
    assert_eq!(
        report.sessions,
        plain.data.sessions.len(),
        "same sessions as the UTF-8 file"
    );
}

#[test]
fn json_nesting_bomb_is_a_syntax_error() {
    let store = sample_with_bookmarks();
    let bomb = "[".repeat(100_000);
    let mut options = ImportOptions::new("bomb.json");
    options.conference = Some("sample-2025".into());
    let err = refused_with(&store, "bomb.json", bomb.as_bytes(), options);
    assert_eq!(err.kind(), "syntax", "{err}");
    assert_at(&err, "bomb.json:1:");
    assert!(err.to_string().contains("recursion limit"), "{err}");

    let nested = format!("{{\"schedule\": {}", "[".repeat(100_000));
    let err = refused(&store, "schedule-bomb.json", nested.as_bytes());
    assert_eq!(err.kind(), "syntax", "{err}");
    assert_at(&err, "schedule-bomb.json:1:15: invalid type: sequence");
}

#[test]
fn a_file_over_the_cap_is_refused_before_it_is_read() {
    let store = sample_with_bookmarks();
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("huge.xml");
    let file = std::fs::File::create(&path).expect("create");
    // Sparse: 100 MB on paper, nothing on disk, and the cap must stop it before any read.
    file.set_len(100 * 1024 * 1024).expect("set length");
    let err = refused_at(&store, &path, ImportOptions::new("huge.xml"));
    assert_eq!(err.kind(), "too-large", "{err}");
    assert_eq!(
        err.to_string(),
        format!(
            "huge.xml: 104857600 bytes is over the {DEFAULT_MAX_BYTES}-byte import limit \
             (raise it with --max-size)"
        ),
        "names the size, the cap and how to raise it"
    );
}

#[test]
fn dev_zero_is_refused_after_reading_one_byte_past_the_cap() {
    // Reports a length of 0, so only the read itself can stop it; before, it was read forever.
    let store = sample_with_bookmarks();
    let started = std::time::Instant::now();
    let err = refused_at(
        &store,
        Path::new("/dev/zero"),
        ImportOptions::new("/dev/zero"),
    );
    let elapsed = started.elapsed();
    assert_eq!(err.kind(), "too-large", "{err}");
    assert!(
        elapsed < std::time::Duration::from_secs(20),
        "refused promptly, not read forever: took {elapsed:?}"
    );
    assert!(
        err.to_string()
            .contains(&format!("{}-byte import limit", DEFAULT_MAX_BYTES)),
        "names the cap: {err}"
    );
    eprintln!(
        "/dev/zero refused after {} bytes in {elapsed:?}",
        DEFAULT_MAX_BYTES + 1
    );
}

#[test]
fn a_fifo_fed_more_than_the_cap_is_refused() {
    let store = sample_with_bookmarks();
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("feed.xml");
    let made = std::process::Command::new("mkfifo")
        .arg(&path)
        .status()
        .expect("run mkfifo");
    assert!(made.success(), "mkfifo {} failed", path.display());
    let cap: u64 = 64 * 1024;
    let writer_path = path.clone();
    // The writer blocks in open until the import opens the FIFO, then feeds twice the cap; it
    // stops with a broken pipe once the reader has had its cap + 1 bytes and closed its end.
    let writer = std::thread::spawn(move || {
        use std::io::Write;
        let mut fifo = std::fs::OpenOptions::new()
            .write(true)
            .open(&writer_path)
            .expect("open the FIFO for writing");
        let chunk = vec![b'<'; 4096];
        let mut sent = 0u64;
        while sent < 2 * cap {
            if fifo.write_all(&chunk).is_err() {
                break;
            }
            sent += chunk.len() as u64;
        }
    });
    let mut options = ImportOptions::new("feed.xml");
    options.max_bytes = cap;
    let err = refused_at(&store, &path, options);
    assert_eq!(err.kind(), "too-large", "{err}");
    assert_eq!(
        err.to_string(),
        format!(
            "feed.xml: {} bytes is over the {cap}-byte import limit (raise it with --max-size)",
            cap + 1
        ),
        "the size is what was read before stopping: one byte past the cap"
    );
    writer
        .join()
        .expect("the writer thread ends once the reader is gone");
}

#[test]
fn ics_folding_cut_in_the_wrong_place() {
    let store = sample_with_bookmarks();
    let text =
        String::from_utf8(common::read("schedules/good-2025.pretalx.schedule.ics")).expect("UTF-8");
    // A fold whose continuation lost its leading space: the tail becomes a line of its own.
    let broken = text.replacen("LOCATION:Kang", "LOCATION:Ka\r\nng", 1);
    let err = refused(&store, "fold.ics", broken.as_bytes());
    assert_eq!(err.kind(), "syntax", "{err}");
    assert_at(&err, "fold.ics:42:");
    assert!(
        err.to_string().contains("NAME[;PARAM=VALUE]:VALUE"),
        "{err}"
    );

    // A continuation line at the very top has nothing to continue.
    let err = refused(&store, "lead.ics", format!(" X\r\n{text}").as_bytes());
    assert!(matches!(err.kind(), "syntax" | "unknown-format"), "{err}");
}

#[test]
fn ics_unknown_tzid_and_backwards_times() {
    let store = sample_with_bookmarks();
    let text =
        String::from_utf8(common::read("schedules/good-2025.pretalx.schedule.ics")).expect("UTF-8");
    let start = text.find("BEGIN:VTIMEZONE").expect("has a VTIMEZONE");
    let end = text.find("END:VTIMEZONE\r\n").expect("closed") + "END:VTIMEZONE\r\n".len();
    let tz = format!("{}{}", &text[..start], &text[end..]).replacen(
        "TZID=US/Eastern",
        "TZID=Mars/Olympus_Mons",
        1,
    );
    let err = refused(&store, "tz.ics", tz.as_bytes());
    assert_eq!(err.kind(), "invalid", "{err}");
    assert!(
        err.to_string().contains("field `DTSTART`"),
        "names the field: {err}"
    );
    assert!(
        err.to_string().contains("Mars/Olympus_Mons"),
        "names the zone: {err}"
    );

    let backwards = text.replacen(
        "DTEND;TZID=US/Eastern:20250317T170000",
        "DTEND;TZID=US/Eastern:20250317T120000",
        1,
    );
    let err = refused(&store, "ends.ics", backwards.as_bytes());
    assert_eq!(err.kind(), "invalid", "{err}");
    assert_at(&err, "ends.ics:38:");
    assert!(err.to_string().contains("field `DTEND`"), "{err}");
}

#[test]
fn csv_ragged_rows_are_read_with_warnings() {
    let store = sample_with_bookmarks();
    let text = "name,booth,hall\nAcme,A1,H1\nShort\nLong,B2,H2,extra,more\n";
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("ragged.csv");
    std::fs::write(&path, text).expect("write");
    let mut options = ImportOptions::new("ragged.csv");
    options.conference = Some("sample-2025".into());
    let report = store
        .import_file(&path, &options, &mut |_| {})
        .expect("ragged rows are read as far as they go");
    assert_eq!(report.exhibitors, 3, "every row with a name is kept");
    let lines: Vec<Option<u32>> = report.warnings.iter().map(|w| w.line).collect();
    assert_eq!(
        lines,
        [Some(3), Some(4)],
        "one warning per ragged row: {:?}",
        report.warnings
    );

    // An exhibitor list with no conference to go into is refused, and nothing changes.
    let err = refused(&store, "orphan.csv", text.as_bytes());
    assert_eq!(err.kind(), "bad-request", "{err}");
    assert!(
        err.to_string().contains("--conference"),
        "says how to fix it: {err}"
    );
}

#[test]
fn csv_formula_cells_survive_import_and_are_defused_on_export() {
    let store = sample_with_bookmarks();
    let text = "name,booth,hall,description\n\
                \"=cmd|' /C calc'!A0\",A1,H1,x\n\
                +SUM(A1:A9),A2,H1,x\n\
                -2+3,A3,H1,x\n\
                @SUM(1+1),A4,H1,x\n\
                \"\tTabbed\",A5,H1,x\n\
                \"\rReturned\",A6,H1,x\n\
                Plain,A7,=H1,x\n";
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("formulas.csv");
    std::fs::write(&path, text).expect("write");
    let mut options = ImportOptions::new("formulas.csv");
    options.conference = Some("sample-2025".into());
    options.format = Some(Format::ExhibitorsCsv);
    store
        .import_file(&path, &options, &mut |_| {})
        .expect("formula-looking names are just text on the way in");
    let data = store.load_conference(Some("sample-2025")).expect("load");
    let out = plenary_core::export::csv::exhibitors(&data);
    let rows: Vec<Vec<String>> = ::csv::ReaderBuilder::new()
        .has_headers(true)
        .from_reader(out.as_bytes())
        .records()
        .map(|r| r.expect("valid CSV").iter().map(str::to_string).collect())
        .collect();
    for row in &rows {
        for cell in row {
            assert!(
                !cell.starts_with(['=', '+', '-', '@', '\t', '\r']),
                "a cell a spreadsheet would evaluate: {cell:?} in {row:?}"
            );
        }
    }
    let names: Vec<&str> = rows.iter().map(|r| r[0].as_str()).collect();
    for expected in ["'=cmd|' /C calc'!A0", "'+SUM(A1:A9)", "'-2+3", "'@SUM(1+1)"] {
        assert!(
            names.contains(&expected),
            "{expected:?} defused in {names:?}"
        );
    }
    assert!(
        rows.iter().any(|r| r[2] == "'=H1"),
        "the hall cell is defused too: {rows:?}"
    );
}
