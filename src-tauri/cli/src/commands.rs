//! Each subcommand: parse arguments into core requests, call core, print.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::Duration;

use indicatif::{ProgressBar, ProgressStyle};
use plenary_core::export;
use plenary_core::import::{ColumnMap, ImportOptions, DEFAULT_MAX_BYTES};
use plenary_core::model::Format;
use plenary_core::plan::booths::RouteRequest;
use plenary_core::plan::share::ShareScope;
use plenary_core::search::{Entity, SearchQuery};
use plenary_core::store::{
    default_data_dir, BookmarkChange, BookmarkKind, ExhibitorFilter, PlanMark, Priority,
    SessionFilter, DB_FILE,
};
use plenary_core::{Error, Result, Store};
use serde::Serialize;

use crate::output;
use crate::{
    BookmarkCommand, Cli, Command, ExportFormat, PriorityArg, SearchKind, ShareWhat, Target,
};

/// Files at least this big get a progress bar.
const PROGRESS_THRESHOLD: u64 = 1024 * 1024;

pub fn run(cli: Cli) -> Result<()> {
    let conference = cli.conference.as_deref();
    let json = cli.json;
    match &cli.command {
        // These two make their own stores (or none) and must not touch the user's.
        Command::Generate(args) => return crate::generate::run(args, json),
        Command::Bench(args) => return crate::bench::run(args, json),
        // Opens the store itself, while it reads the file.
        Command::Import {
            file,
            format,
            max_size,
            map,
        } => {
            let options = import_options(
                file,
                format.as_deref(),
                max_size.as_deref(),
                map.as_deref(),
                conference,
            )?;
            return import_file(cli.db.as_deref(), file, &options, json);
        }
        _ => {}
    }
    // An import (above) or a subscription into an empty store brings the user's own
    // conference, so it skips loading the built-in WAIC 2025 first (a third of a small
    // import's time). Every other command, and the app's first start, still finds WAIC in an
    // empty store.
    let seed = !matches!(cli.command, Command::Subscribe { .. });
    let store = open_store(cli.db.as_deref(), seed)?;
    match cli.command {
        Command::Conferences => print(json, &store.conferences()?, output::conferences),
        Command::Use { slug } => {
            store.set_current_conference(&slug)?;
            print(json, &slug, |s| println!("Now using {s}."))
        }
        Command::Sessions {
            day,
            track,
            kind,
            room,
            venue,
        } => {
            let filter = SessionFilter {
                conference: conference.map(String::from),
                day,
                track,
                kind,
                room,
                venue,
                ..SessionFilter::default()
            };
            print(json, &store.sessions(&filter)?, output::sessions)
        }
        Command::Session { key } => print(json, &store.session(conference, &key)?, output::session),
        Command::Speakers => print(json, &store.speakers(conference)?, output::speakers),
        Command::Exhibitors {
            hall,
            category,
            country,
        } => {
            let filter = ExhibitorFilter {
                conference: conference.map(String::from),
                hall,
                category,
                country,
                ..ExhibitorFilter::default()
            };
            print(json, &store.exhibitors(&filter)?, output::exhibitors)
        }
        Command::Search {
            query,
            kind,
            day,
            track,
            session_kind,
            hall,
            category,
            limit,
        } => {
            let request = SearchQuery {
                text: query,
                conference: conference.map(String::from),
                entities: kind.into_iter().map(entity).collect(),
                day,
                track,
                kind: session_kind,
                hall,
                category,
                limit: Some(limit),
            };
            print(json, &store.search(&request)?, output::hits)
        }
        Command::Bookmark(command) => bookmark(&store, conference, command, json),
        Command::Agenda => print(json, &store.agenda(conference)?, output::agenda),
        Command::Plan {
            day,
            accept,
            put_in,
            take_out,
            pdf,
            reset,
        } => {
            let changes: Vec<(String, Option<PlanMark>)> = put_in
                .into_iter()
                .map(|k| (k, Some(PlanMark::In)))
                .chain(take_out.into_iter().map(|k| (k, Some(PlanMark::Out))))
                .collect();
            let plan = if reset {
                store.reset_plan(conference, day)?
            } else {
                if !changes.is_empty() {
                    store.change_plan(conference, day, &changes)?;
                }
                if accept {
                    store.accept_plan(conference, day)?
                } else {
                    store.plan_day(conference, day)?
                }
            };
            if let Some(path) = &pdf {
                store.write_plan_pdf(conference, day, path)?;
                if !json {
                    println!("Wrote {}.", path.display());
                }
            }
            print(json, &plan, output::plan)
        }
        Command::Route {
            after,
            before,
            from,
            minutes,
            visit_minutes,
            include_visited,
        } => {
            let request = RouteRequest {
                conference: conference.map(String::from),
                after,
                before,
                from,
                minutes,
                visit_minutes: Some(visit_minutes),
                include_visited,
            };
            print(json, &store.booth_route(&request)?, output::route)
        }
        Command::Share {
            what,
            day,
            output,
            qr,
            ics,
        } => share(&store, conference, what, day, output, qr, ics, json),
        Command::Merge { source } => {
            let report = if source.trim_start().starts_with("plenary:") {
                store.merge_share_link(&source)?
            } else {
                store.import_share_file(Path::new(&source))?
            };
            print(json, &report, output::share_report)
        }
        Command::Venues { file } => {
            let report = match file {
                Some(file) => store.import_venue_file(conference, &file)?,
                None => store.venue_map_report(conference)?,
            };
            print(json, &report, output::venue_map)
        }
        Command::Export {
            format,
            output,
            all,
        } => export_to(&store, conference, format, output, all),
        Command::Subscribe {
            url,
            format,
            timeout,
            max_size,
        } => {
            let limits = limits(format, timeout, max_size)?;
            crate::subscribe::subscribe(&store, conference, &url, &limits, json)
        }
        Command::Refresh {
            all,
            timeout,
            max_size,
        } => {
            let limits = limits(None, timeout, max_size)?;
            crate::subscribe::refresh(&store, conference, all, &limits, json)
        }
        Command::Unsubscribe => crate::subscribe::unsubscribe(&store, conference, json),
        Command::Reminders { at, set_defaults } => {
            crate::reminders::run(&store, at.as_deref(), set_defaults.as_deref(), json)
        }
        Command::Changes {
            since,
            unseen,
            mark_seen,
        } => crate::subscribe::changes(
            &store,
            conference,
            since.as_deref(),
            unseen,
            mark_seen,
            json,
        ),
        Command::Backup { output } => crate::backup::backup(&store, &output, json),
        Command::Restore { file } => crate::backup::restore(&store, &file, json),
        // Run above, before the store was opened here.
        Command::Generate(_) | Command::Bench(_) | Command::Import { .. } => Ok(()),
    }
}

/// Opens the store named by `--db`, else the one in the data directory, loading WAIC 2025
/// into it when it is empty and `seed` is set.
fn open_store(db: Option<&Path>, seed: bool) -> Result<Store> {
    let path = match db {
        Some(path) => path.to_path_buf(),
        None => default_data_dir()
            .ok_or_else(|| {
                Error::BadRequest("no home folder to keep data in; pass --db PATH".into())
            })?
            .join(DB_FILE),
    };
    let (store, recovery) = Store::open_or_recover(path)?;
    if let Some(recovery) = recovery {
        eprintln!("plenary: warning: {}", recovery.message);
    }
    if seed {
        store.load_default_if_empty()?;
    }
    Ok(store)
}

pub(crate) fn print<T: Serialize + ?Sized>(
    json: bool,
    value: &T,
    human: impl FnOnce(&T),
) -> Result<()> {
    if json {
        let mut out = std::io::stdout().lock();
        serde_json::to_writer_pretty(&mut out, value)?;
        let _ = writeln!(out);
    } else {
        human(value);
    }
    Ok(())
}

fn limits(
    format: Option<String>,
    timeout: Option<u64>,
    max_size: Option<String>,
) -> Result<crate::subscribe::Limits> {
    Ok(crate::subscribe::Limits {
        format,
        timeout,
        max_bytes: max_size.as_deref().map(parse_size).transpose()?,
    })
}

fn entity(kind: SearchKind) -> Entity {
    match kind {
        SearchKind::Sessions => Entity::Session,
        SearchKind::Speakers => Entity::Person,
        SearchKind::Exhibitors => Entity::Exhibitor,
        SearchKind::Products => Entity::Product,
    }
}

/// Parses `64M`, `512K`, `2G` or plain bytes.
fn parse_size(text: &str) -> Result<u64> {
    let text = text.trim();
    let (digits, unit) = match text.char_indices().find(|(_, c)| !c.is_ascii_digit()) {
        Some((i, _)) => text.split_at(i),
        None => (text, ""),
    };
    let multiplier = match unit.to_ascii_uppercase().trim_end_matches(['B', 'I']) {
        "" => 1,
        "K" => 1024,
        "M" => 1024 * 1024,
        "G" => 1024 * 1024 * 1024,
        _ => {
            return Err(Error::BadRequest(format!(
                "--max-size {text:?}: use bytes or a K, M or G suffix"
            )))
        }
    };
    digits
        .parse::<u64>()
        .ok()
        .and_then(|n| n.checked_mul(multiplier))
        .ok_or_else(|| Error::BadRequest(format!("--max-size {text:?}: not a size")))
}

#[allow(clippy::too_many_arguments)]
fn share(
    store: &Store,
    conference: Option<&str>,
    what: ShareWhat,
    day: Option<chrono::NaiveDate>,
    output: Option<PathBuf>,
    qr: bool,
    ics: Option<PathBuf>,
    json: bool,
) -> Result<()> {
    let scope = match (what, day) {
        (ShareWhat::Agenda, _) => ShareScope::Agenda,
        (ShareWhat::Booths, _) => ShareScope::Booths,
        (ShareWhat::Day, Some(day)) => ShareScope::Day(day),
        (ShareWhat::Day, None) => return Err(Error::BadRequest("`share day` needs --day".into())),
    };
    if let Some(path) = ics {
        let ShareScope::Day(day) = scope else {
            return Err(Error::BadRequest(
                "--ics is for `share day`; `plenary export ics` writes the whole agenda".into(),
            ));
        };
        let text = store.plan_ics(conference, day)?;
        std::fs::write(&path, text).map_err(|source| Error::Io {
            path: path.clone(),
            source,
        })?;
        return print(json, &path.display().to_string(), |p| {
            println!("Wrote {p}.")
        });
    }
    let share = store.share(conference, scope)?;
    if let Some(path) = output {
        let text = serde_json::to_string_pretty(&share)?;
        std::fs::write(&path, text + "\n").map_err(|source| Error::Io {
            path: path.clone(),
            source,
        })?;
        return print(json, &share, |s| {
            println!(
                "Wrote {} bookmarks of {} to {}.",
                s.items.len(),
                s.conference,
                path.display()
            )
        });
    }
    let link = share.link();
    let code = match qr {
        // The link is printed even when it is too long for a QR code.
        true => match share.qr() {
            Ok(code) => Some(code),
            Err(error) => {
                println!("{link}");
                return Err(error);
            }
        },
        false => None,
    };
    if json {
        let out = serde_json::json!({ "share": share, "link": link, "qr": code });
        println!("{}", serde_json::to_string_pretty(&out)?);
        return Ok(());
    }
    println!("{link}");
    if let Some(code) = code {
        output::qr(&code);
    }
    Ok(())
}

/// How to read the file `plenary import` was given.
fn import_options(
    file: &Path,
    format: Option<&str>,
    max_size: Option<&str>,
    map: Option<&str>,
    conference: Option<&str>,
) -> Result<ImportOptions> {
    let mut options = ImportOptions::new(file.display().to_string());
    options.max_bytes = max_size
        .map(parse_size)
        .transpose()?
        .unwrap_or(DEFAULT_MAX_BYTES);
    options.conference = conference.map(String::from);
    options.format = format
        .map(|f| {
            Format::from_name(f).ok_or_else(|| {
                Error::BadRequest(format!(
                    "--format {f:?}: expected frab-xml, frab-json, ics, exhibitors-csv or exhibitors-json"
                ))
            })
        })
        .transpose()?;
    if let Some(map) = map {
        options.columns = ColumnMap::parse(map)?;
    }
    Ok(options)
}

/// `plenary import`: the file is read and parsed on a second thread while the store opens, as
/// neither needs the other. Its options were checked before (a mistake there touches no
/// store); a store that cannot open is reported before a file that cannot be read, as when
/// the store was opened first. The store is not seeded with WAIC 2025. The progress bar shows
/// once the store is open, so that a warning from opening it is not drawn over.
fn import_file(db: Option<&Path>, file: &Path, options: &ImportOptions, json: bool) -> Result<()> {
    let size = std::fs::metadata(file).map(|m| m.len()).unwrap_or(0);
    let (store, bar, parsed) = std::thread::scope(|scope| {
        let parsing = scope.spawn(|| plenary_core::import::read_file(file, options, &mut |_| {}));
        let store = open_store(db, false);
        let bar = progress_bar(size);
        if !parsing.is_finished() {
            bar.set_message("parse");
        }
        let parsed = parsing
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
        (store, bar, parsed)
    });
    let report = store.and_then(|store| {
        store.import(parsed?, &mut |p| {
            bar.set_message(p.phase);
            if p.phase == "write" && p.total > 0 {
                bar.set_length(p.total);
                bar.set_position(p.done);
            }
        })
    });
    bar.finish_and_clear();
    print(json, &report?, output::import_report)
}

fn progress_bar(size: u64) -> ProgressBar {
    if size < PROGRESS_THRESHOLD {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::new(0);
    bar.set_style(
        ProgressStyle::with_template("{spinner} {msg:10} [{bar:30}] {pos}/{len}")
            .unwrap_or_else(|_| ProgressStyle::default_bar())
            .progress_chars("=> "),
    );
    bar.enable_steady_tick(Duration::from_millis(100));
    bar
}

fn bookmark(
    store: &Store,
    conference: Option<&str>,
    command: BookmarkCommand,
    json: bool,
) -> Result<()> {
    let slug = || -> Result<String> {
        match conference {
            Some(c) => Ok(c.to_string()),
            None => store
                .conferences()?
                .into_iter()
                .find(|c| c.current)
                .map(|c| c.slug)
                .ok_or_else(|| Error::NotFound {
                    what: "conference",
                    key: "(none imported yet)".into(),
                }),
        }
    };
    match command {
        BookmarkCommand::Add {
            key,
            target,
            priority,
            note,
            visited,
            remind,
        } => {
            let change = BookmarkChange {
                conference: slug()?,
                kind: Some(kind(target)),
                key,
                priority: priority.map(|p| match p {
                    PriorityArg::Must => Priority::Must,
                    PriorityArg::Want => Priority::Want,
                    PriorityArg::Maybe => Priority::Maybe,
                }),
                note,
                visited: visited.then_some(true),
                reminder: remind
                    .as_deref()
                    .map(plenary_core::reminders::Reminder::parse)
                    .transpose()?,
            };
            let mark = store.set_bookmark(&change)?;
            print(json, &mark, |m| {
                println!(
                    "Bookmarked {} ({}): {}",
                    m.key,
                    m.priority.as_str(),
                    m.title
                )
            })
        }
        BookmarkCommand::Remove { key, target } => {
            if !store.remove_bookmark(&slug()?, kind(target), &key)? {
                return Err(Error::NotFound {
                    what: "bookmark",
                    key,
                });
            }
            print(json, &key, |k| println!("Removed bookmark {k}."))
        }
        BookmarkCommand::List { all } => {
            let marks = if all {
                store.bookmarks(None)?
            } else {
                store.bookmarks(Some(&slug()?))?
            };
            print(json, &marks, output::bookmarks)
        }
    }
}

fn kind(target: Target) -> BookmarkKind {
    match target {
        Target::Session => BookmarkKind::Session,
        Target::Speaker => BookmarkKind::Person,
        Target::Exhibitor => BookmarkKind::Exhibitor,
    }
}

fn export_to(
    store: &Store,
    conference: Option<&str>,
    format: ExportFormat,
    output: Option<PathBuf>,
    all: bool,
) -> Result<()> {
    let text = match format {
        ExportFormat::Ics if !all => store.agenda_ics(conference)?,
        ExportFormat::Ics => export::ical::write(&store.load_conference(conference)?),
        ExportFormat::FrabXml => export::frab_xml::write(&store.load_conference(conference)?),
        ExportFormat::FrabJson => serde_json::to_string_pretty(&export::frab_json::write(
            &store.load_conference(conference)?,
        ))?,
        ExportFormat::ExhibitorsCsv => export::csv::exhibitors(&store.load_conference(conference)?),
    };
    match output {
        Some(path) => std::fs::write(&path, text).map_err(|source| Error::Io { path, source }),
        None => {
            let _ = std::io::stdout().lock().write_all(text.as_bytes());
            Ok(())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::parse_size;

    #[test]
    fn sizes_parse_with_suffixes() {
        assert_eq!(parse_size("100").ok(), Some(100));
        assert_eq!(parse_size("64M").ok(), Some(64 * 1024 * 1024));
        assert_eq!(parse_size("2GiB").ok(), Some(2 * 1024 * 1024 * 1024));
        assert!(parse_size("12Q").is_err());
        assert!(parse_size("M").is_err());
    }
}
