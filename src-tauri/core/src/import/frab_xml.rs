//! frab / Pentabarf `schedule.xml`.

use crate::error::Result;
use crate::import::Source;
use crate::model::{ConferenceData, Warning};

/// Parses a frab/Pentabarf schedule.
pub fn parse(source: &Source<'_>, _warnings: &mut Vec<Warning>) -> Result<ConferenceData> {
    Err(source.syntax(0, "frab XML import is not built yet"))
}
