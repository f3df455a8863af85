//! Exhibitor lists as CSV (comma, semicolon or tab separated, as spreadsheets export them).

use super::columns::{self, Field};
use super::{apply_text, ColumnMap};
use crate::error::{Error, Result};
use crate::import::Source;
use crate::model::{ConferenceData, Exhibitor, Warning};

/// Parses an exhibitor CSV with a header row.
///
/// Rows with too few or too many fields are read as far as they go, with a warning; rows without
/// a name are skipped with a warning; wholly blank rows are skipped silently. Warnings and errors
/// give the file line a row starts on, which differs from the row number when quoted fields hold
/// line breaks.
pub fn parse_csv(
    source: &Source<'_>,
    map: &ColumnMap,
    warnings: &mut Vec<Warning>,
) -> Result<ConferenceData> {
    // decode() already drops a byte-order mark; this covers callers that build a Source directly.
    let text = source.text.strip_prefix('\u{feff}').unwrap_or(source.text);
    let skipped = source.text.len() - text.len();
    let delimiter = sniff_delimiter(text);
    if let Some(open) = unterminated_quote(text, delimiter) {
        return Err(source.syntax(
            skipped + open,
            "a quoted field starts here and its closing `\"` is missing, so the rest of the \
             file would be read as one cell",
        ));
    }
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .flexible(true)
        .has_headers(true)
        .from_reader(text.as_bytes());
    let header_record = reader
        .headers()
        .map_err(|e| csv_error(source, text, &e))?
        .clone();
    let mut lines = LineCounter::new(text);
    let header_line = lines.line_of(header_record.position());
    let headers: Vec<String> = header_record.iter().map(str::to_string).collect();
    let columns = columns::resolve(source, &headers, map, "column")?;
    if !columns.ignored.is_empty() {
        warnings.push(Warning {
            line: Some(header_line),
            message: format!(
                "columns not read as exhibitor fields: {}",
                columns.ignored.join(", ")
            ),
        });
    }

    let mut data = ConferenceData::default();
    let mut record = csv::StringRecord::new();
    while reader
        .read_record(&mut record)
        .map_err(|e| csv_error(source, text, &e))?
    {
        let line = lines.line_of(record.position());
        if record.iter().all(|cell| cell.trim().is_empty()) {
            continue;
        }
        if record.len() != headers.len() {
            let outcome = if record.len() < headers.len() {
                "the missing ones are left empty"
            } else {
                "the extra ones are ignored"
            };
            warnings.push(Warning {
                line: Some(line),
                message: format!(
                    "row has {} fields but the header has {}; {outcome}",
                    record.len(),
                    headers.len()
                ),
            });
        }
        let mut exhibitor = Exhibitor::default();
        for (cell, field) in record.iter().zip(&columns.fields) {
            if let Some(field) = field {
                apply_text(&mut exhibitor, *field, cell);
            }
        }
        if exhibitor.name.is_empty() {
            warnings.push(Warning {
                line: Some(line),
                message: format!(
                    "row has no exhibitor name (`{}` is empty); skipped",
                    name_header(&headers, &columns.fields)
                ),
            });
            continue;
        }
        data.exhibitors.push(exhibitor);
    }
    Ok(data)
}

/// File lines of record starts, counted from byte offsets.
///
/// csv's own `Position::line` runs one short after a CRLF: the position is taken after the `\r`
/// that ends the previous record and before its `\n`. Byte offsets are exact, so lines are
/// counted from them instead, skipping the line break a position may point into.
struct LineCounter<'t> {
    text: &'t [u8],
    offset: usize,
    line: u32,
}

impl<'t> LineCounter<'t> {
    fn new(text: &'t str) -> Self {
        LineCounter {
            text: text.as_bytes(),
            offset: 0,
            line: 1,
        }
    }

    /// The line a record at `position` starts on. Records come in file order, so counting
    /// resumes where the last call stopped.
    fn line_of(&mut self, position: Option<&csv::Position>) -> u32 {
        let Some(position) = position else {
            return self.line;
        };
        let mut start = usize::try_from(position.byte()).unwrap_or(usize::MAX);
        start = start.min(self.text.len());
        while matches!(self.text.get(start), Some(b'\r' | b'\n')) {
            start += 1;
        }
        if start > self.offset {
            let newlines = self.text[self.offset..start]
                .iter()
                .filter(|b| **b == b'\n')
                .count();
            self.line = self
                .line
                .saturating_add(u32::try_from(newlines).unwrap_or(u32::MAX));
            self.offset = start;
        }
        self.line
    }
}

fn name_header<'h>(headers: &'h [String], fields: &[Option<Field>]) -> &'h str {
    fields
        .iter()
        .position(|f| *f == Some(Field::Name))
        .and_then(|i| headers.get(i))
        .map_or("name", |h| h.as_str())
}

fn csv_error(source: &Source<'_>, text: &str, error: &csv::Error) -> Error {
    let line = LineCounter::new(text).line_of(error.position());
    Error::Syntax {
        at: source.at_line(line),
        message: format!("unreadable CSV: {error}"),
    }
}

/// The separator that occurs most often, outside quotes, in the header line. Spreadsheets in
/// locales with a decimal comma export `;`; tab-separated files come from copy and paste.
fn sniff_delimiter(text: &str) -> u8 {
    let header = text.lines().next().unwrap_or("");
    let mut counts = [(b',', 0usize), (b';', 0), (b'\t', 0)];
    let mut quoted = false;
    for byte in header.bytes() {
        if byte == b'"' {
            quoted = !quoted;
        } else if !quoted {
            if let Some(slot) = counts.iter_mut().find(|(d, _)| *d == byte) {
                slot.1 += 1;
            }
        }
    }
    // On a tie the earlier entry wins, so a header without any separator reads as comma-separated.
    counts
        .iter()
        .fold((b',', 0), |best, &c| if c.1 > best.1 { c } else { best })
        .0
}

/// The byte offset of a quoted field that never closes, if there is one.
///
/// The csv crate reads such a field to the end of the file without complaint, which would turn
/// the rest of a damaged file into one giant cell; this walks the same states it does (a quote
/// opens a field only at its start, `""` inside is a literal quote) to catch it.
fn unterminated_quote(text: &str, delimiter: u8) -> Option<usize> {
    enum State {
        FieldStart,
        Unquoted,
        Quoted,
        QuoteInQuoted,
    }
    let mut state = State::FieldStart;
    let mut opened = 0;
    for (i, byte) in text.bytes().enumerate() {
        let ends_field = byte == delimiter || byte == b'\n' || byte == b'\r';
        state = match state {
            State::FieldStart if byte == b'"' => {
                opened = i;
                State::Quoted
            }
            State::FieldStart | State::Unquoted if ends_field => State::FieldStart,
            State::FieldStart | State::Unquoted => State::Unquoted,
            State::Quoted if byte == b'"' => State::QuoteInQuoted,
            State::Quoted => State::Quoted,
            State::QuoteInQuoted if byte == b'"' => State::Quoted,
            State::QuoteInQuoted if ends_field => State::FieldStart,
            State::QuoteInQuoted => State::Unquoted,
        };
    }
    matches!(state, State::Quoted).then_some(opened)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn delimiter_comes_from_the_header() {
        assert_eq!(sniff_delimiter("name,booths\nA;B,1"), b',');
        assert_eq!(sniff_delimiter("name;booths;hall\nA,B;1;2"), b';');
        assert_eq!(sniff_delimiter("name\tbooths\n"), b'\t');
        assert_eq!(sniff_delimiter("\"a;b\",name\n"), b',');
        assert_eq!(sniff_delimiter("name\n"), b',');
    }

    #[test]
    fn unterminated_quotes_are_found() {
        assert_eq!(unterminated_quote("a,b\n1,\"x\"\"y\"\n", b','), None);
        assert_eq!(unterminated_quote("a,b\n1,\"two\nlines\"\n", b','), None);
        assert_eq!(unterminated_quote("a,b\n1,x\"y\n", b','), None);
        assert_eq!(unterminated_quote("a,b\n1,\"open\n2,3\n", b','), Some(6));
    }
}
