//! iCalendar (RFC 5545).

use crate::error::Result;
use crate::import::Source;
use crate::model::{ConferenceData, Warning};

/// Parses an iCalendar file.
pub fn parse(source: &Source<'_>, _warnings: &mut Vec<Warning>) -> Result<ConferenceData> {
    Err(source.syntax(0, "iCalendar import is not built yet"))
}
