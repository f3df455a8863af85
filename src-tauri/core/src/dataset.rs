//! The built-in default conference: WAIC 2025 (World Artificial Intelligence Conference,
//! Shanghai, 26–28 July 2025), shipped inside the binary so a fresh install has something to
//! show before the user imports anything.
//!
//! The dataset mixes reported facts with illustrative filler. Every entity says which is which
//! through its [`Provenance`](crate::model::Provenance); `assets/waic2025/README.md` explains
//! what was sourced and what was made up, and why.

use crate::error::Result;
use crate::import::{self, ImportOptions};
use crate::model::{ConferenceData, Format};

/// The slug of the built-in conference in the store.
pub const WAIC_2025_SLUG: &str = "waic-2025";

/// The name the dataset is parsed under, so any error points at the file in the repository.
pub const WAIC_2025_FILE: &str = "assets/waic2025/waic2025.json";

/// The dataset as shipped: Plenary's own format, the serialised [`ConferenceData`].
pub const WAIC_2025_JSON: &str = include_str!("../../../assets/waic2025/waic2025.json");

/// The name the venue map is read under.
pub const WAIC_2025_VENUES_FILE: &str = "assets/waic2025/venues.json";

/// WAIC 2025's venue map (`docs/venues.md`): its venues, the four themed halls with booth
/// positions, and the walks between venues. The layout is illustrative throughout.
pub const WAIC_2025_VENUES: &str = include_str!("../../../assets/waic2025/venues.json");

/// Parses the built-in WAIC 2025 dataset.
///
/// It goes through [`import::parse`] like any user file, so keys and derived lists are
/// finalised exactly as for an imported programme and a broken asset fails with a located error
/// instead of a panic.
pub fn waic_2025() -> Result<ConferenceData> {
    let mut options = ImportOptions::new(WAIC_2025_FILE);
    options.format = Some(Format::Plenary);
    Ok(import::parse(WAIC_2025_JSON.as_bytes(), &options)?.data)
}
