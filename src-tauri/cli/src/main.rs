//! `plenary`: the command line over plenary-core. Every command works on the same store as the
//! desktop app, prints for people by default and JSON with `--json`, and reports errors on
//! stderr with a non-zero exit.

mod backup;
mod bench;
mod commands;
mod generate;
mod output;
mod reminders;
mod subscribe;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

/// Plenary: your conference companion, offline. Browse programmes, bookmark sessions and
/// exhibitors, search in Chinese and English, and export your agenda.
#[derive(Debug, Parser)]
#[command(name = "plenary", version, about, long_about = None)]
pub struct Cli {
    /// The store to use. Default: plenary.db in $PLENARY_DATA_DIR, else the per-user data folder.
    #[arg(long, global = true, value_name = "PATH")]
    db: Option<PathBuf>,

    /// Print JSON for scripts instead of text for people.
    #[arg(long, global = true)]
    json: bool,

    /// The conference to work on (see `plenary conferences`). Default: the current one.
    #[arg(long, short = 'c', global = true, value_name = "SLUG")]
    conference: Option<String>,

    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Import a schedule (frab XML/JSON, iCalendar) or an exhibitor list (CSV/JSON).
    Import {
        /// The file to read. Its format is detected from the content.
        file: PathBuf,
        /// Read as this format instead of detecting it.
        #[arg(long, value_name = "FORMAT")]
        format: Option<String>,
        /// Refuse files larger than this many bytes (default 64 MiB). Accepts K, M, G suffixes.
        #[arg(long, value_name = "SIZE")]
        max_size: Option<String>,
        /// Exhibitor lists: explicit columns, e.g. `name=Company,booth=Stand No,hall=Pavilion`.
        #[arg(long, value_name = "FIELD=COLUMN,...")]
        map: Option<String>,
    },
    /// List the conferences in the store.
    Conferences,
    /// Make a conference the default for later commands.
    Use {
        /// The conference slug.
        slug: String,
    },
    /// List sessions.
    Sessions {
        /// Only this day (YYYY-MM-DD).
        #[arg(long)]
        day: Option<chrono::NaiveDate>,
        /// Only this track.
        #[arg(long)]
        track: Option<String>,
        /// Only this kind (keynote, talk, workshop, …).
        #[arg(long)]
        kind: Option<String>,
        /// Only this room.
        #[arg(long)]
        room: Option<String>,
        /// Only this venue or hall.
        #[arg(long)]
        venue: Option<String>,
    },
    /// Show one session in full.
    Session {
        /// The session key (as listed by `sessions`).
        key: String,
    },
    /// List speakers.
    Speakers,
    /// List exhibitors.
    Exhibitors {
        /// Only this hall.
        #[arg(long)]
        hall: Option<String>,
        /// Only this category.
        #[arg(long)]
        category: Option<String>,
        /// Only this country.
        #[arg(long)]
        country: Option<String>,
    },
    /// Search sessions, speakers, exhibitors and products, in Chinese or English.
    Search {
        /// Words to find; the last word of each term matches as a prefix.
        query: String,
        /// Only these kinds of result.
        #[arg(long, value_enum, value_delimiter = ',')]
        kind: Vec<SearchKind>,
        /// Only sessions on this day (YYYY-MM-DD).
        #[arg(long)]
        day: Option<String>,
        /// Only sessions in this track.
        #[arg(long)]
        track: Option<String>,
        /// Only sessions of this kind (keynote, talk, …).
        #[arg(long)]
        session_kind: Option<String>,
        /// Only exhibitors and products in this hall.
        #[arg(long)]
        hall: Option<String>,
        /// Only exhibitors and products in this category.
        #[arg(long)]
        category: Option<String>,
        /// At most this many results.
        #[arg(long, default_value_t = 20)]
        limit: u32,
    },
    /// Add, change, remove or list bookmarks.
    #[command(subcommand)]
    Bookmark(BookmarkCommand),
    /// Your bookmarked sessions by day, with overlaps and free time.
    Agenda,
    /// Export your agenda as iCalendar, or the whole conference as frab XML or JSON.
    Export {
        /// What to write.
        #[arg(value_enum)]
        format: ExportFormat,
        /// Write to this file instead of standard output.
        #[arg(long, short = 'o', value_name = "FILE")]
        output: Option<PathBuf>,
        /// ics: the whole programme, not just your bookmarks.
        #[arg(long)]
        all: bool,
    },
    /// Follow a schedule URL: fetch and import it now, and again with `plenary refresh`.
    /// With --conference, the schedule goes into that existing conference.
    Subscribe {
        /// The schedule's http:// or https:// address.
        url: String,
        /// Read every copy as this format instead of detecting it.
        #[arg(long, value_name = "FORMAT")]
        format: Option<String>,
        /// Give up on a fetch after this many seconds (default 60).
        #[arg(long, value_name = "SECONDS")]
        timeout: Option<u64>,
        /// Refuse copies larger than this many bytes (default 64 MiB). Accepts K, M, G suffixes.
        #[arg(long, value_name = "SIZE")]
        max_size: Option<String>,
    },
    /// Fetch the subscribed schedule again (a conditional GET) and record what changed.
    Refresh {
        /// Every subscription, not just the current conference's.
        #[arg(long)]
        all: bool,
        /// Give up on a fetch after this many seconds (default 60).
        #[arg(long, value_name = "SECONDS")]
        timeout: Option<u64>,
        /// Refuse copies larger than this many bytes (default 64 MiB). Accepts K, M, G suffixes.
        #[arg(long, value_name = "SIZE")]
        max_size: Option<String>,
    },
    /// Stop following the current conference's schedule URL; its programme, bookmarks and
    /// change log stay.
    Unsubscribe,
    /// Reminders still to come before bookmarked sessions, soonest first, and the default for
    /// each priority. The desktop app shows them as notifications.
    Reminders {
        /// As of this time instead of now: RFC 3339 (2025-07-26T08:00:00+08:00) or a date
        /// (from 00:00 UTC).
        #[arg(long, value_name = "TIME")]
        at: Option<String>,
        /// Set the defaults first: `must=15,want=10,maybe=off` (minutes, `1h`, or `off`; any
        /// subset).
        #[arg(long, value_name = "DEFAULTS")]
        set_defaults: Option<String>,
    },
    /// What refreshes changed: session, field, old and new value, and whether you bookmarked it.
    Changes {
        /// Only changes after this time: RFC 3339 (2026-01-31T09:00:00Z) or a date (2026-01-31,
        /// from 00:00 UTC).
        #[arg(long, value_name = "TIME")]
        since: Option<String>,
        /// Only changes since you last marked them seen (--mark-seen).
        #[arg(long, conflicts_with = "since")]
        unseen: bool,
        /// After listing, mark every change as seen.
        #[arg(long)]
        mark_seen: bool,
    },
    /// Save your bookmarks, notes, priorities and visited marks to a JSON file.
    Backup {
        /// The file to write.
        #[arg(long, short = 'o', value_name = "FILE")]
        output: PathBuf,
    },
    /// Merge a backup into the store; bookmarks re-attach to the programme as on re-import.
    Restore {
        /// A file written by `plenary backup`.
        file: PathBuf,
    },
    /// Plan a day: the best set of your bookmarked sessions by priority, walks between rooms
    /// counted, with the reason for each choice, backups, "can't make it" pairs and
    /// suggestions for the free time.
    Plan {
        /// The day to plan (YYYY-MM-DD).
        #[arg(long)]
        day: chrono::NaiveDate,
        /// Accept the plan: its sessions are marked in, so they stay whatever priorities do later.
        #[arg(long)]
        accept: bool,
        /// Put these bookmarked sessions in the plan (repeat the flag).
        #[arg(long, value_name = "SESSION")]
        put_in: Vec<String>,
        /// Take these bookmarked sessions out of the plan (repeat the flag).
        #[arg(long, value_name = "SESSION")]
        take_out: Vec<String>,
        /// Also write the plan as a one-page PDF to this file.
        #[arg(long, value_name = "FILE")]
        pdf: Option<PathBuf>,
        /// Forget the day's decisions and plan by priority again.
        #[arg(long, conflicts_with_all = ["accept", "put_in", "take_out"])]
        reset: bool,
    },
    /// An order to visit your bookmarked exhibitors' booths that keeps walking short, with
    /// the walk to each stop and the time it all takes.
    Route {
        /// Start where this session ends and, with --before, fit the time between the two.
        #[arg(long, value_name = "SESSION")]
        after: Option<String>,
        /// Finish at this session's room; with --after, in time for its start.
        #[arg(long, value_name = "SESSION")]
        before: Option<String>,
        /// Start here: a room or a booth code (default: --after's room, else the entrance of
        /// the venue with the most stops).
        #[arg(long, value_name = "PLACE")]
        from: Option<String>,
        /// The minutes there are; stops are dropped (maybe first) until the route fits.
        #[arg(long)]
        minutes: Option<i64>,
        /// Minutes to spend at each booth.
        #[arg(long, default_value_t = plenary_core::plan::booths::DEFAULT_VISIT_MINUTES)]
        visit_minutes: i64,
        /// Also route to booths already marked visited.
        #[arg(long)]
        include_visited: bool,
    },
    /// Read a venue file (docs/venues.md): floor plans with rooms, halls and booths, and the
    /// walks between venues. Without a file, say how much of the programme the current map
    /// places.
    Venues {
        /// The venue file (JSON).
        file: Option<PathBuf>,
    },
    /// Share your agenda, a day's plan or your booth list: a compact link (printed, or as a QR
    /// code with --qr), a file (-o), or for a day iCalendar (--ics). Notes are never shared.
    Share {
        /// What to share.
        #[arg(value_enum)]
        what: ShareWhat,
        /// The day, for `day`.
        #[arg(long, required_if_eq("what", "day"))]
        day: Option<chrono::NaiveDate>,
        /// Write a share file (JSON) here instead of printing the link.
        #[arg(long, short = 'o', value_name = "FILE")]
        output: Option<PathBuf>,
        /// Print the link as a QR code too.
        #[arg(long)]
        qr: bool,
        /// `day` only: write the plan as iCalendar to this file.
        #[arg(long, value_name = "FILE", conflicts_with = "output")]
        ics: Option<PathBuf>,
    },
    /// Merge a shared agenda or booth list (a file, or a plenary:// link) into your bookmarks:
    /// new ones are added, the ones you have stay exactly as they are.
    Merge {
        /// A share file, or a link as `plenary share` prints it.
        source: String,
    },
    /// Write a synthetic WAIC-like conference to a file, for benchmarks.
    Generate(generate::GenerateArgs),
    /// Time search, agenda and import against the performance targets.
    Bench(bench::BenchArgs),
}

#[derive(Debug, Subcommand)]
pub enum BookmarkCommand {
    /// Bookmark a session, speaker or exhibitor (or change its priority or note).
    Add {
        /// The key of the session, speaker or exhibitor.
        key: String,
        /// What the key names.
        #[arg(long = "type", value_enum, default_value = "session")]
        target: Target,
        /// must, want or maybe.
        #[arg(long, value_enum)]
        priority: Option<PriorityArg>,
        /// A note to keep with it.
        #[arg(long)]
        note: Option<String>,
        /// Exhibitors: mark as visited.
        #[arg(long)]
        visited: bool,
        /// Sessions: remind this long before the start (10, 10m, 1h), `off`, or `default` (the
        /// priority's default; see `plenary reminders`).
        #[arg(long, value_name = "WHEN")]
        remind: Option<String>,
    },
    /// Remove a bookmark.
    Remove {
        key: String,
        #[arg(long = "type", value_enum, default_value = "session")]
        target: Target,
    },
    /// List bookmarks, orphaned ones included.
    List {
        /// Bookmarks of every conference, not just the current one.
        #[arg(long)]
        all: bool,
    },
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum SearchKind {
    Sessions,
    Speakers,
    Exhibitors,
    Products,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum Target {
    Session,
    Speaker,
    Exhibitor,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum PriorityArg {
    Must,
    Want,
    Maybe,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ShareWhat {
    /// Every bookmarked session.
    Agenda,
    /// The sessions a day's plan keeps (--day).
    Day,
    /// Every bookmarked exhibitor.
    Booths,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum ExportFormat {
    Ics,
    FrabXml,
    FrabJson,
    ExhibitorsCsv,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match commands::run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("plenary: error: {err}");
            ExitCode::FAILURE
        }
    }
}
