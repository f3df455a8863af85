//! Calendar files from the store: your agenda, or one session, as iCalendar.

use std::path::Path;

use super::{BookmarkKind, Store};
use crate::error::{Error, Result};
use crate::export;

impl Store {
    /// The bookmarked sessions of `conference` (or the current one) as an iCalendar file.
    /// Orphaned bookmarks are left out: their sessions are no longer in the programme.
    pub fn agenda_ics(&self, conference: Option<&str>) -> Result<String> {
        let mut data = self.load_conference(conference)?;
        let marks = self.bookmarks(Some(&data.conference.slug))?;
        data.sessions.retain(|s| {
            marks
                .iter()
                .any(|b| b.kind == BookmarkKind::Session && !b.orphaned && b.key == s.key)
        });
        Ok(export::ical::write(&data))
    }

    /// One session as an iCalendar file, for "add to calendar".
    pub fn session_ics(&self, conference: Option<&str>, key: &str) -> Result<String> {
        let mut data = self.load_conference(conference)?;
        data.sessions.retain(|s| s.key == key);
        if data.sessions.is_empty() {
            return Err(Error::NotFound {
                what: "session",
                key: key.to_string(),
            });
        }
        Ok(export::ical::write(&data))
    }

    /// Writes [`Store::agenda_ics`] to `path`.
    pub fn write_agenda_ics(&self, conference: Option<&str>, path: &Path) -> Result<()> {
        write(path, &self.agenda_ics(conference)?)
    }

    /// Writes [`Store::session_ics`] to `path`.
    pub fn write_session_ics(
        &self,
        conference: Option<&str>,
        key: &str,
        path: &Path,
    ) -> Result<()> {
        write(path, &self.session_ics(conference, key)?)
    }
}

fn write(path: &Path, text: &str) -> Result<()> {
    std::fs::write(path, text).map_err(|source| Error::Io {
        path: path.to_path_buf(),
        source,
    })
}
