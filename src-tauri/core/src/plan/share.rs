//! Sharing an agenda, a day's plan or a booth list: as a file, as a compact link (shown as a
//! QR code) and as iCalendar. Another Plenary imports a share by merging it into its own
//! bookmarks: what it has already is never changed, and only what its programme holds is added.
//!
//! A share carries keys, priorities and titles, never notes: notes stay private.

use std::path::Path;

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine as _;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{Error, Result};
use crate::export;
use crate::store::{
    resolve_conference, BookmarkChange, BookmarkKind, ExhibitorFilter, Priority, SessionFilter,
    Store,
};

/// The `format` of a share file.
pub const SHARE_FORMAT: &str = "plenary-share/1";

/// How share links begin.
pub const LINK_PREFIX: &str = "plenary://share?v=1&";

/// The longest link or file read as a share: far more than any agenda needs.
pub const MAX_SHARE_BYTES: usize = 1024 * 1024;

/// The most bookmarks a share may hold: far more than anyone bookmarks.
pub const MAX_SHARE_ITEMS: usize = 10_000;

/// What to share.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "kind", content = "date", rename_all = "snake_case")]
pub enum ShareScope {
    /// Every bookmarked session.
    Agenda,
    /// The sessions a day's plan keeps.
    Day(NaiveDate),
    /// Every bookmarked exhibitor.
    Booths,
}

/// A bookmark as shared.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct SharedItem {
    pub kind: BookmarkKind,
    pub key: String,
    pub priority: Priority,
    /// For people reading the file; links leave it out and the programme supplies it.
    #[serde(default)]
    pub title: String,
}

/// A share: a file's content, or what a link decodes to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct Share {
    pub format: String,
    pub conference: String,
    pub items: Vec<SharedItem>,
}

/// What importing a share did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ShareReport {
    pub conference: String,
    /// New bookmarks.
    pub added: usize,
    /// Already bookmarked here: left exactly as they were.
    pub kept: usize,
    /// Not in this store's programme (another version of it, say): not added.
    pub unknown: Vec<String>,
}

/// A share with its link and the link's QR code, as the app shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ShareView {
    pub share: Share,
    pub link: String,
    /// `None` when the link is too long for a QR code (share the file instead).
    pub qr: Option<QrCode>,
}

/// A QR code: `width` × `width` modules, row by row, true for dark.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct QrCode {
    pub width: usize,
    pub dark: Vec<bool>,
}

impl Share {
    /// The compact link: the conference and, for each item, its kind, priority and key (keys
    /// lose the conference's slug where they start with it), base64url-encoded.
    pub fn link(&self) -> String {
        let prefix = format!("{}-", self.conference);
        let lines: Vec<String> = self
            .items
            .iter()
            .map(|i| {
                let key = i
                    .key
                    .strip_prefix(&prefix)
                    .map_or_else(|| format!("={}", i.key), |rest| rest.to_string());
                format!("{}{}{key}", kind_char(i.kind), priority_char(i.priority))
            })
            .collect();
        format!(
            "{LINK_PREFIX}c={}&d={}",
            self.conference,
            URL_SAFE_NO_PAD.encode(lines.join("\n"))
        )
    }

    /// Reads a share link; a link that is not one, or is damaged, is refused with what is wrong.
    pub fn from_link(text: &str) -> Result<Share> {
        let text = text.trim();
        let bad = |why: &str| Error::BadRequest(format!("not a Plenary share link: {why}"));
        if text.len() > MAX_SHARE_BYTES {
            return Err(bad("it is far too long"));
        }
        let query = text
            .strip_prefix(LINK_PREFIX)
            .ok_or_else(|| bad(&format!("it should start with {LINK_PREFIX:?}")))?;
        let (mut conference, mut data) = (None, None);
        for pair in query.split('&') {
            match pair.split_once('=') {
                Some(("c", v)) => conference = Some(v),
                Some(("d", v)) => data = Some(v),
                _ => return Err(bad(&format!("unexpected part {pair:?}"))),
            }
        }
        let conference = conference
            .filter(|c| is_slug(c))
            .ok_or_else(|| bad("no conference (c=…)"))?;
        let bytes = URL_SAFE_NO_PAD
            .decode(data.ok_or_else(|| bad("no bookmarks (d=…)"))?)
            .map_err(|e| bad(&format!("the bookmarks are damaged ({e})")))?;
        let lines = String::from_utf8(bytes).map_err(|_| bad("the bookmarks are damaged"))?;
        let mut items = Vec::new();
        for (n, line) in lines.lines().enumerate().filter(|(_, l)| !l.is_empty()) {
            let mut chars = line.chars();
            let (Some(k), Some(p)) = (chars.next(), chars.next()) else {
                return Err(bad(&format!("item {} is cut short", n + 1)));
            };
            let kind = kind_of(k).ok_or_else(|| bad(&format!("item {}: kind {k:?}", n + 1)))?;
            let priority =
                priority_of(p).ok_or_else(|| bad(&format!("item {}: priority {p:?}", n + 1)))?;
            let rest = chars.as_str();
            let key = match rest.strip_prefix('=') {
                Some(whole) => whole.to_string(),
                None => format!("{conference}-{rest}"),
            };
            items.push(SharedItem {
                kind,
                key,
                priority,
                title: String::new(),
            });
        }
        let share = Share {
            format: SHARE_FORMAT.into(),
            conference: conference.to_string(),
            items,
        };
        share.check("the link")?;
        Ok(share)
    }

    /// Reads a share file.
    pub fn from_file(file: &str, text: &str) -> Result<Share> {
        let share: Share = serde_json::from_str(text.trim_start_matches('\u{feff}'))
            .map_err(|e| crate::import::json_error(&crate::import::Source { file, text }, &e))?;
        if share.format != SHARE_FORMAT {
            return Err(Error::BadRequest(format!(
                "{file}: not a Plenary share file (format {:?}, expected {SHARE_FORMAT:?})",
                share.format
            )));
        }
        share.check(file)?;
        Ok(share)
    }

    /// Reads `text` as a link if it looks like one, else as a share file.
    pub fn read(file: &str, text: &str) -> Result<Share> {
        if text.trim_start().starts_with("plenary:") {
            Share::from_link(text)
        } else {
            Share::from_file(file, text)
        }
    }

    fn check(&self, what: &str) -> Result<()> {
        if self.items.len() > MAX_SHARE_ITEMS {
            return Err(Error::BadRequest(format!(
                "{what}: {} bookmarks is more than a share holds ({MAX_SHARE_ITEMS})",
                self.items.len()
            )));
        }
        if !is_slug(&self.conference) {
            return Err(Error::BadRequest(format!(
                "{what}: {:?} is not a conference slug",
                self.conference
            )));
        }
        for (n, item) in self.items.iter().enumerate() {
            let ok = !item.key.is_empty()
                && item.key.len() <= 200
                && !item.key.chars().any(char::is_control);
            if !ok {
                return Err(Error::BadRequest(format!(
                    "{what}: item {} has no usable key",
                    n + 1
                )));
            }
        }
        Ok(())
    }

    /// The link as a QR code (error correction level L, the most data per module).
    pub fn qr(&self) -> Result<QrCode> {
        qr(&self.link())
    }
}

/// Any text as a QR code.
pub fn qr(text: &str) -> Result<QrCode> {
    let code =
        qrcode::QrCode::with_error_correction_level(text, qrcode::EcLevel::L).map_err(|e| {
            Error::BadRequest(format!(
                "too much to fit in a QR code ({e}); share a file instead"
            ))
        })?;
    Ok(QrCode {
        width: code.width(),
        dark: code
            .to_colors()
            .into_iter()
            .map(|c| c == qrcode::Color::Dark)
            .collect(),
    })
}

fn is_slug(text: &str) -> bool {
    !text.is_empty()
        && text.len() <= 100
        && text
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_' || c == '.')
}

fn kind_char(kind: BookmarkKind) -> char {
    match kind {
        BookmarkKind::Session => 's',
        BookmarkKind::Person => 'p',
        BookmarkKind::Exhibitor => 'e',
    }
}

fn kind_of(c: char) -> Option<BookmarkKind> {
    match c {
        's' => Some(BookmarkKind::Session),
        'p' => Some(BookmarkKind::Person),
        'e' => Some(BookmarkKind::Exhibitor),
        _ => None,
    }
}

fn priority_char(p: Priority) -> char {
    match p {
        Priority::Must => '1',
        Priority::Want => '2',
        Priority::Maybe => '3',
    }
}

fn priority_of(c: char) -> Option<Priority> {
    match c {
        '1' => Some(Priority::Must),
        '2' => Some(Priority::Want),
        '3' => Some(Priority::Maybe),
        _ => None,
    }
}

impl Store {
    /// What `scope` of `conference` (or the current one) shares.
    pub fn share(&self, conference: Option<&str>, scope: ShareScope) -> Result<Share> {
        let slug = self.read(|conn| resolve_conference(conn, conference))?.slug;
        let marks = self.bookmarks(Some(&slug))?;
        let items: Vec<SharedItem> = match scope {
            ShareScope::Agenda | ShareScope::Booths => {
                let kind = if scope == ShareScope::Booths {
                    BookmarkKind::Exhibitor
                } else {
                    BookmarkKind::Session
                };
                marks
                    .into_iter()
                    .filter(|b| b.kind == kind && !b.orphaned)
                    .map(|b| SharedItem {
                        kind,
                        key: b.key,
                        priority: b.priority,
                        title: b.title,
                    })
                    .collect()
            }
            ShareScope::Day(date) => self
                .plan_day(Some(&slug), date)?
                .chosen
                .into_iter()
                .map(|i| SharedItem {
                    kind: BookmarkKind::Session,
                    key: i.session.key,
                    priority: i.priority,
                    title: i.session.title,
                })
                .collect(),
        };
        Ok(Share {
            format: SHARE_FORMAT.into(),
            conference: slug,
            items,
        })
    }

    /// [`Store::share`] with its link and QR code.
    pub fn share_view(&self, conference: Option<&str>, scope: ShareScope) -> Result<ShareView> {
        let share = self.share(conference, scope)?;
        Ok(ShareView {
            link: share.link(),
            qr: share.qr().ok(),
            share,
        })
    }

    /// Writes [`Store::share`] to `path` as a share file; returns how many bookmarks it holds.
    pub fn write_share(
        &self,
        conference: Option<&str>,
        scope: ShareScope,
        path: &Path,
    ) -> Result<usize> {
        let share = self.share(conference, scope)?;
        let text = serde_json::to_string_pretty(&share)? + "\n";
        std::fs::write(path, text).map_err(|source| Error::Io {
            path: path.to_path_buf(),
            source,
        })?;
        Ok(share.items.len())
    }

    /// Merges a share link (as [`Share::link`] makes it) into this store's bookmarks.
    pub fn merge_share_link(&self, link: &str) -> Result<ShareReport> {
        self.import_share(&Share::from_link(link)?)
    }

    /// The sessions a day's plan keeps, as a one-page PDF.
    pub fn plan_pdf(&self, conference: Option<&str>, date: NaiveDate) -> Result<Vec<u8>> {
        let plan = self.plan_day(conference, date)?;
        let title: String = self.read(|conn| {
            Ok(conn
                .prepare_cached("SELECT title FROM conference WHERE slug = ?1")?
                .query_row([&plan.conference], |r| r.get(0))?)
        })?;
        let illustrative = self.layout(Some(&plan.conference))?.map.is_some_and(|m| {
            m.walks.iter().any(|w| w.illustrative)
                || m.venues
                    .iter()
                    .any(|v| v.illustrative || v.halls.iter().any(|h| h.illustrative))
        });
        Ok(super::pdf::day_plan(&plan, &title, illustrative))
    }

    /// Writes [`Store::plan_pdf`] to `path`.
    pub fn write_plan_pdf(
        &self,
        conference: Option<&str>,
        date: NaiveDate,
        path: &Path,
    ) -> Result<()> {
        std::fs::write(path, self.plan_pdf(conference, date)?).map_err(|source| Error::Io {
            path: path.to_path_buf(),
            source,
        })
    }

    /// Writes [`Store::plan_ics`] to `path`.
    pub fn write_plan_ics(
        &self,
        conference: Option<&str>,
        date: NaiveDate,
        path: &Path,
    ) -> Result<()> {
        std::fs::write(path, self.plan_ics(conference, date)?).map_err(|source| Error::Io {
            path: path.to_path_buf(),
            source,
        })
    }

    /// Merges a share into this store's bookmarks: new ones are added at the shared priority,
    /// ones already here stay exactly as they are, and keys this programme does not have are
    /// reported and left out. The conference must be in the store.
    pub fn import_share(&self, share: &Share) -> Result<ShareReport> {
        let slug = self
            .read(|conn| resolve_conference(conn, Some(&share.conference)))
            .map_err(|_| {
                Error::BadRequest(format!(
                    "this share is for {}, which is not in this Plenary: import its programme first",
                    share.conference
                ))
            })?
            .slug;
        let here: std::collections::HashSet<(BookmarkKind, String)> = self
            .bookmarks(Some(&slug))?
            .into_iter()
            .map(|b| (b.kind, b.key))
            .collect();
        let sessions: std::collections::HashSet<String> = self
            .sessions(&SessionFilter {
                conference: Some(slug.clone()),
                with_text: Some(false),
                ..SessionFilter::default()
            })?
            .into_iter()
            .map(|s| s.key)
            .collect();
        let exhibitors: std::collections::HashSet<String> = self
            .exhibitors(&ExhibitorFilter {
                conference: Some(slug.clone()),
                with_text: Some(false),
                ..ExhibitorFilter::default()
            })?
            .into_iter()
            .map(|e| e.key)
            .collect();
        let speakers: std::collections::HashSet<String> = self
            .speakers(Some(&slug))?
            .into_iter()
            .map(|p| p.key)
            .collect();
        let mut report = ShareReport {
            conference: slug.clone(),
            added: 0,
            kept: 0,
            unknown: Vec::new(),
        };
        let mut new = Vec::new();
        let mut seen = std::collections::HashSet::new();
        for item in &share.items {
            // A key listed twice counts once, at its first priority.
            if !seen.insert((item.kind, item.key.as_str())) {
                continue;
            }
            let known = match item.kind {
                BookmarkKind::Session => sessions.contains(&item.key),
                BookmarkKind::Exhibitor => exhibitors.contains(&item.key),
                BookmarkKind::Person => speakers.contains(&item.key),
            };
            if here.contains(&(item.kind, item.key.clone())) {
                report.kept += 1;
            } else if known {
                new.push(item);
            } else {
                report.unknown.push(item.key.clone());
            }
        }
        // All or nothing: a merge that fails part-way adds nothing.
        self.write(|tx| {
            for item in &new {
                crate::store::set_bookmark_in(
                    tx,
                    &BookmarkChange {
                        conference: slug.clone(),
                        kind: Some(item.kind),
                        key: item.key.clone(),
                        priority: Some(item.priority),
                        ..BookmarkChange::default()
                    },
                )?;
            }
            Ok(())
        })?;
        report.added = new.len();
        Ok(report)
    }

    /// Reads a share file or a file holding a link, and merges it.
    pub fn import_share_file(&self, path: &Path) -> Result<ShareReport> {
        let io = |source| Error::Io {
            path: path.to_path_buf(),
            source,
        };
        let size = std::fs::metadata(path).map_err(io)?.len();
        let file = path.display().to_string();
        if size > MAX_SHARE_BYTES as u64 {
            return Err(Error::TooLarge {
                file,
                size,
                limit: MAX_SHARE_BYTES as u64,
            });
        }
        let text = std::fs::read_to_string(path).map_err(io)?;
        self.import_share(&Share::read(&file, &text)?)
    }

    /// The sessions a day's plan keeps, as an iCalendar file.
    pub fn plan_ics(&self, conference: Option<&str>, date: NaiveDate) -> Result<String> {
        let plan = self.plan_day(conference, date)?;
        let keys: std::collections::HashSet<&str> =
            plan.chosen.iter().map(|i| i.session.key.as_str()).collect();
        let mut data = self.load_conference(Some(&plan.conference))?;
        data.sessions.retain(|s| keys.contains(s.key.as_str()));
        Ok(export::ical::write(&data))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_qr_code_scans_back_to_the_link() {
        let share = Share {
            format: SHARE_FORMAT.into(),
            conference: "waic-2025".into(),
            items: vec![
                SharedItem {
                    kind: BookmarkKind::Session,
                    key: "waic-2025-hinton-keynote".into(),
                    priority: Priority::Must,
                    title: String::new(),
                },
                SharedItem {
                    kind: BookmarkKind::Exhibitor,
                    key: "huawei".into(),
                    priority: Priority::Maybe,
                    title: String::new(),
                },
            ],
        };
        let link = share.link();
        let code = share.qr().expect("fits");
        // Draw it as a reader sees it: 4 pixels a module, a 4-module quiet zone.
        let (scale, quiet) = (4, 4);
        let size = (code.width + 2 * quiet) * scale;
        let mut image = rqrr::PreparedImage::prepare_from_greyscale(size, size, |x, y| {
            let (mx, my) = (x / scale, y / scale);
            let inside = (quiet..quiet + code.width).contains(&mx)
                && (quiet..quiet + code.width).contains(&my);
            if inside && code.dark[(my - quiet) * code.width + (mx - quiet)] {
                0
            } else {
                255
            }
        });
        let grids = image.detect_grids();
        assert_eq!(grids.len(), 1, "one code found");
        let (_, text) = grids[0].decode().expect("it decodes");
        assert_eq!(text, link);
        assert_eq!(
            Share::from_link(&text).expect("and reads back").items.len(),
            2
        );
    }

    #[test]
    fn keys_outside_the_conference_survive_the_link() {
        let share = Share {
            format: SHARE_FORMAT.into(),
            conference: "fosdem-2026".into(),
            items: vec![SharedItem {
                kind: BookmarkKind::Session,
                key: "SFKNTZ-welcome_to_fosdem_2026".into(),
                priority: Priority::Want,
                title: "Welcome".into(),
            }],
        };
        let back = Share::from_link(&share.link()).expect("reads");
        assert_eq!(back.items[0].key, "SFKNTZ-welcome_to_fosdem_2026");
        assert_eq!(back.items[0].priority, Priority::Want);
    }
}
