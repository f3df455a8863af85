//! frab `schedule.json` (v1; c3voc and pretalx flavours).

use crate::error::Result;
use crate::import::Source;
use crate::model::{ConferenceData, Warning};

/// Parses a frab JSON schedule.
pub fn parse(source: &Source<'_>, _warnings: &mut Vec<Warning>) -> Result<ConferenceData> {
    Err(source.syntax(0, "frab JSON import is not built yet"))
}
