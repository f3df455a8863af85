//! Importers: bytes in, a [`ConferenceData`] and warnings out. Nothing here touches the store;
//! [`crate::Store::import`] writes the result in one transaction.
//!
//! Every importer follows the same contract:
//! - input arrives already decoded to UTF-8 and under the size cap ([`decode`]);
//! - anything recoverable becomes a [`Warning`] naming the line;
//! - anything else is an [`Error`] naming the file, line, column and problem;
//! - keys, derived rooms and days are filled in afterwards by [`finalize`], so importers only
//!   copy what the file says.

mod bounded;
pub mod duration;
pub mod exhibitors;
mod finalize;
pub mod frab_json;
pub mod frab_xml;
pub mod ical;

use std::borrow::Cow;

use crate::error::{Error, Location, Result};
use crate::model::{ConferenceData, Format, Progress, Warning};
use crate::text::line_col;

pub(crate) use bounded::read_capped;
pub use exhibitors::ColumnMap;
pub(crate) use finalize::finalize;

/// The default cap on an import's size. Real schedules are a few MB; the biggest we know of
/// (FOSDEM) is 4 MB. Raise it with [`ImportOptions::max_bytes`] (`--max-size` on the CLI).
pub const DEFAULT_MAX_BYTES: u64 = 64 * 1024 * 1024;

/// How to read one file.
#[derive(Debug, Clone)]
pub struct ImportOptions {
    /// The name used in messages, usually the path as the user gave it.
    pub file_name: String,
    /// Skip detection and read as this format.
    pub format: Option<Format>,
    /// Refuse input larger than this.
    pub max_bytes: u64,
    /// The conference to import into. Required for exhibitor lists (created if missing); for
    /// programmes it overrides the slug derived from the file.
    pub conference: Option<String>,
    /// Explicit column names for exhibitor lists; unmapped fields fall back to recognised names.
    pub columns: ColumnMap,
}

impl ImportOptions {
    /// Options with defaults for a file called `file_name`.
    pub fn new(file_name: impl Into<String>) -> Self {
        ImportOptions {
            file_name: file_name.into(),
            format: None,
            max_bytes: DEFAULT_MAX_BYTES,
            conference: None,
            columns: ColumnMap::default(),
        }
    }
}

/// The result of parsing a file.
#[derive(Debug, Clone)]
pub struct Parsed {
    pub format: Format,
    pub data: ConferenceData,
    pub warnings: Vec<Warning>,
}

/// Decoded input with what importers need to report positions.
pub struct Source<'a> {
    pub file: &'a str,
    pub text: &'a str,
}

impl Source<'_> {
    /// The location of byte `offset` of the text.
    pub fn at(&self, offset: usize) -> Location {
        let (line, column) = line_col(self.text, offset);
        Location {
            file: self.file.to_string(),
            line,
            column,
        }
    }

    /// The location of the start of 1-based `line`.
    pub fn at_line(&self, line: u32) -> Location {
        Location {
            file: self.file.to_string(),
            line,
            column: 1,
        }
    }

    /// A [`Error::Syntax`] at byte `offset`.
    pub fn syntax(&self, offset: usize, message: impl Into<String>) -> Error {
        Error::Syntax {
            at: self.at(offset),
            message: message.into(),
        }
    }

    /// A [`Error::Invalid`] at byte `offset` for `field`.
    pub fn invalid(&self, offset: usize, field: &str, message: impl Into<String>) -> Error {
        Error::Invalid {
            at: self.at(offset),
            field: field.to_string(),
            message: message.into(),
        }
    }
}

/// Reads and parses the file at `path`, which needs no store: `plenary import` does it while
/// the store opens. The size cap is checked against the file's size before reading (a fast,
/// clear refusal) and again by the read itself, which never reads more than one byte past it;
/// `progress` hears the read and the parse.
pub fn read_file(
    path: &std::path::Path,
    options: &ImportOptions,
    progress: &mut dyn FnMut(Progress),
) -> Result<Parsed> {
    let io = |source| Error::Io {
        path: path.to_path_buf(),
        source,
    };
    let size = std::fs::metadata(path).map_err(io)?.len();
    if size > options.max_bytes {
        return Err(Error::TooLarge {
            file: options.file_name.clone(),
            size,
            limit: options.max_bytes,
        });
    }
    progress(Progress {
        phase: "read",
        done: 0,
        total: size,
    });
    // The size above is only a claim (a FIFO or `/dev/zero` reports 0, a file may grow), so
    // the read enforces the cap itself and stops one byte past it.
    let file = std::fs::File::open(path).map_err(io)?;
    let Some(bytes) = read_capped(file, options.max_bytes, size).map_err(io)? else {
        return Err(Error::TooLarge {
            file: options.file_name.clone(),
            size: options.max_bytes.saturating_add(1),
            limit: options.max_bytes,
        });
    };
    progress(Progress {
        phase: "parse",
        done: 0,
        total: 0,
    });
    // The raw bytes are dropped on return, before the write: a big import's peak memory is
    // lower by the file's size.
    parse(&bytes, options)
}

/// Parses `bytes` as the forced or detected format.
pub fn parse(bytes: &[u8], options: &ImportOptions) -> Result<Parsed> {
    let size = bytes.len() as u64;
    if size > options.max_bytes {
        return Err(Error::TooLarge {
            file: options.file_name.clone(),
            size,
            limit: options.max_bytes,
        });
    }
    // iCalendar folds may cut a UTF-8 character in two; mend that before decoding refuses it.
    let bytes = ical::mend_split_characters(bytes);
    let text = decode(&bytes, &options.file_name)?;
    let source = Source {
        file: &options.file_name,
        text: &text,
    };
    let format = match options.format {
        Some(format) => format,
        None => detect(&text).ok_or_else(|| Error::UnknownFormat {
            file: options.file_name.clone(),
            message: "not a format Plenary reads: expected frab/Pentabarf schedule.xml, \
                      frab schedule.json, iCalendar (.ics), or an exhibitor list (CSV or JSON)"
                .to_string(),
        })?,
    };
    if format.is_exhibitor_list() && options.conference.is_none() {
        return Err(Error::BadRequest(format!(
            "{}: an exhibitor list needs a conference to go into (--conference SLUG)",
            options.file_name
        )));
    }
    let mut warnings = Vec::new();
    let mut data = match format {
        Format::FrabXml => frab_xml::parse(&source, &mut warnings)?,
        Format::FrabJson => frab_json::parse(&source, &mut warnings)?,
        Format::Ical => ical::parse(&source, &mut warnings)?,
        Format::ExhibitorsCsv => exhibitors::parse_csv(&source, &options.columns, &mut warnings)?,
        Format::ExhibitorsJson => exhibitors::parse_json(&source, &options.columns, &mut warnings)?,
        Format::Plenary => serde_json::from_str(&text).map_err(|e| json_error(&source, &e))?,
    };
    if let Some(slug) = &options.conference {
        data.conference.slug = slug.clone();
    }
    finalize(&mut data, &mut warnings);
    Ok(Parsed {
        format,
        data,
        warnings,
    })
}

/// Turns a serde_json error into a located syntax error.
pub(crate) fn json_error(source: &Source<'_>, error: &serde_json::Error) -> Error {
    let line = u32::try_from(error.line()).unwrap_or(u32::MAX).max(1);
    let column = u32::try_from(error.column()).unwrap_or(u32::MAX).max(1);
    let message = error.to_string();
    // serde_json appends " at line L column C"; the location is printed separately.
    let message = message
        .split(" at line ")
        .next()
        .unwrap_or(&message)
        .to_string();
    Error::Syntax {
        at: Location {
            file: source.file.to_string(),
            line,
            column,
        },
        message,
    }
}

/// Guesses the format from the first meaningful bytes.
pub fn detect(text: &str) -> Option<Format> {
    let head = text.trim_start_matches('\u{feff}').trim_start();
    if head.starts_with('<') {
        let window = &head[..head.len().min(4096)];
        return window.contains("<schedule").then_some(Format::FrabXml);
    }
    if head.starts_with("BEGIN:VCALENDAR") {
        return Some(Format::Ical);
    }
    if head.starts_with('{') || head.starts_with('[') {
        let window = &head[..floor_boundary(head, 4096)];
        if window.contains("\"schedule\"") {
            return Some(Format::FrabJson);
        }
        if window.contains("\"conference\"") && window.contains("\"time_zone\"") {
            return Some(Format::Plenary);
        }
        return Some(Format::ExhibitorsJson);
    }
    let first_line = head.lines().next().unwrap_or("").to_ascii_lowercase();
    let looks_like_header =
        first_line.contains(',') || first_line.contains(';') || first_line.contains('\t');
    (looks_like_header && exhibitors::header_has_name(&first_line)).then_some(Format::ExhibitorsCsv)
}

fn floor_boundary(text: &str, mut index: usize) -> usize {
    index = index.min(text.len());
    while !text.is_char_boundary(index) {
        index -= 1;
    }
    index
}

/// Decodes input to UTF-8: a UTF-8 BOM is dropped, UTF-16 with a BOM is converted, and invalid
/// UTF-8 is refused with the line and column of the first bad byte.
pub fn decode<'a>(bytes: &'a [u8], file: &str) -> Result<Cow<'a, str>> {
    if let Some(rest) = bytes.strip_prefix(&[0xef, 0xbb, 0xbf]) {
        return utf8(rest, file).map(Cow::Borrowed);
    }
    let utf16 = match bytes {
        [0xff, 0xfe, rest @ ..] => Some((rest, u16::from_le_bytes as fn([u8; 2]) -> u16)),
        [0xfe, 0xff, rest @ ..] => Some((rest, u16::from_be_bytes as fn([u8; 2]) -> u16)),
        _ => None,
    };
    if let Some((rest, read)) = utf16 {
        let units: Vec<u16> = rest
            .chunks(2)
            .map(|c| read([c[0], *c.get(1).unwrap_or(&0)]))
            .collect();
        return String::from_utf16(&units)
            .map(Cow::Owned)
            .map_err(|_| Error::Encoding {
                at: Location {
                    file: file.to_string(),
                    line: 1,
                    column: 1,
                },
                message: "the file starts with a UTF-16 byte-order mark but is not valid UTF-16"
                    .to_string(),
            });
    }
    utf8(bytes, file).map(Cow::Borrowed)
}

fn utf8<'a>(bytes: &'a [u8], file: &str) -> Result<&'a str> {
    std::str::from_utf8(bytes).map_err(|e| {
        let good = &bytes[..e.valid_up_to()];
        // The prefix is valid UTF-8 by construction.
        let prefix = std::str::from_utf8(good).unwrap_or_default();
        let (line, column) = line_col(prefix, prefix.len());
        Error::Encoding {
            at: Location {
                file: file.to_string(),
                line,
                column,
            },
            message: format!(
                "invalid UTF-8 (byte 0x{:02x}); save the file as UTF-8",
                bytes[e.valid_up_to()]
            ),
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_each_format() {
        assert_eq!(
            detect("<?xml version=\"1.0\"?>\n<schedule>"),
            Some(Format::FrabXml)
        );
        assert_eq!(detect("{\"schedule\": {}}"), Some(Format::FrabJson));
        assert_eq!(detect("BEGIN:VCALENDAR\r\n"), Some(Format::Ical));
        assert_eq!(
            detect("exhibitor_id,name,booths\n1,A,2"),
            Some(Format::ExhibitorsCsv)
        );
        assert_eq!(detect("[{\"name\": \"A\"}]"), Some(Format::ExhibitorsJson));
        assert_eq!(detect("<html><body>"), None);
        assert_eq!(detect("just some words"), None);
    }

    #[test]
    fn invalid_utf8_names_line_and_column() {
        let err = decode(b"line one\nab\xffcd", "f.xml").expect_err("must refuse");
        assert_eq!(
            err.to_string(),
            "f.xml:2:3: invalid UTF-8 (byte 0xff); save the file as UTF-8"
        );
    }

    #[test]
    fn utf16_with_bom_is_decoded() {
        let mut bytes = vec![0xff, 0xfe];
        for unit in "<schedule/>".encode_utf16() {
            bytes.extend_from_slice(&unit.to_le_bytes());
        }
        assert_eq!(decode(&bytes, "f").expect("decodes"), "<schedule/>");
    }

    #[test]
    fn size_cap_is_enforced() {
        let mut options = ImportOptions::new("big.xml");
        options.max_bytes = 4;
        let err = parse(b"<schedule/>", &options).expect_err("over the cap");
        assert!(
            matches!(
                err,
                Error::TooLarge {
                    size: 11,
                    limit: 4,
                    ..
                }
            ),
            "{err}"
        );
    }
}
