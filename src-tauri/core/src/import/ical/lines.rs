//! Content lines (RFC 5545 §3.1): unfolding, `NAME;PARAM=VALUE:VALUE`, and TEXT escapes.

use std::borrow::Cow;

use crate::error::Result;
use crate::import::Source;

/// One unfolded content line.
#[derive(Debug, Clone)]
pub(super) struct Property {
    /// Upper-case, e.g. `DTSTART`.
    pub name: String,
    /// Parameter names upper-case; values unquoted, several values joined by commas.
    pub params: Vec<(String, String)>,
    /// The raw value, still TEXT-escaped.
    pub value: String,
    /// Byte offset in the source of the line's first physical line.
    pub offset: usize,
}

impl Property {
    /// The value of parameter `name` (upper-case).
    pub fn param(&self, name: &str) -> Option<&str> {
        self.params
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    /// The value with TEXT escapes undone.
    pub fn text(&self) -> String {
        unescape(&self.value)
    }
}

/// Unfolds and parses every content line. Blank lines, which some producers leave between
/// components or at the end, are skipped.
pub(super) fn content_lines(source: &Source<'_>) -> Result<Vec<Property>> {
    let mut out = Vec::new();
    // The logical line being built: its text, the offset it starts at and its first physical
    // line's length (positions past that cannot be mapped back to a column).
    let mut current: Option<(String, usize, usize)> = None;
    let mut offset = 0;
    for raw in source.text.split_inclusive('\n') {
        let start = offset;
        offset += raw.len();
        let line = raw.trim_end_matches('\n').trim_end_matches('\r');
        if let Some(rest) = line.strip_prefix([' ', '\t']) {
            match current.as_mut() {
                Some((text, _, _)) => text.push_str(rest),
                None => {
                    return Err(source.syntax(
                        start,
                        "a continuation line (starting with a space) with no line before it",
                    ))
                }
            }
            continue;
        }
        if let Some((text, at, first)) = current.take() {
            out.push(parse_line(source, &text, at, first)?);
        }
        if !line.trim().is_empty() {
            current = Some((line.to_string(), start, line.len()));
        }
    }
    if let Some((text, at, first)) = current {
        out.push(parse_line(source, &text, at, first)?);
    }
    Ok(out)
}

fn parse_line(source: &Source<'_>, line: &str, offset: usize, first: usize) -> Result<Property> {
    // Where a problem at byte `i` of the logical line is in the file.
    let at = |i: usize| if i <= first { offset + i } else { offset };
    let expected = |i: usize| {
        let shown: String = line.chars().take(40).collect();
        source.syntax(
            at(i),
            format!("expected a content line `NAME[;PARAM=VALUE]:VALUE`, found {shown:?}"),
        )
    };
    let bytes = line.as_bytes();
    let name_end = name_end_at(bytes, 0);
    if name_end == 0 {
        return Err(expected(0));
    }
    let mut property = Property {
        name: line[..name_end].to_ascii_uppercase(),
        params: Vec::new(),
        value: String::new(),
        offset,
    };
    let mut i = name_end;
    loop {
        match bytes.get(i) {
            Some(b':') => break,
            Some(b';') => {
                let param_start = i + 1;
                let param_end = name_end_at(bytes, param_start);
                if param_end == param_start || bytes.get(param_end) != Some(&b'=') {
                    return Err(source.syntax(
                        at(param_start),
                        format!("{}: expected a parameter `NAME=VALUE`", property.name),
                    ));
                }
                let (value, next) = param_values(bytes, param_end + 1).ok_or_else(|| {
                    source.syntax(
                        at(param_end + 1),
                        format!("{}: a quoted parameter value is not closed", property.name),
                    )
                })?;
                property
                    .params
                    .push((line[param_start..param_end].to_ascii_uppercase(), value));
                i = next;
            }
            _ => return Err(expected(i)),
        }
    }
    property.value = line[i + 1..].to_string();
    Ok(property)
}

/// The end of a name (`iana-token` / `x-name`: letters, digits, dashes) starting at `start`.
fn name_end_at(bytes: &[u8], start: usize) -> usize {
    start
        + bytes[start.min(bytes.len())..]
            .iter()
            .take_while(|b| b.is_ascii_alphanumeric() || **b == b'-')
            .count()
}

/// Parameter values from `start`: comma-separated, each quoted or bare. Returns the values joined
/// by commas and the index of the `;` or `:` that follows, or `None` for an unclosed quote.
fn param_values(bytes: &[u8], start: usize) -> Option<(String, usize)> {
    let mut values: Vec<&[u8]> = Vec::new();
    let mut i = start;
    loop {
        if bytes.get(i) == Some(&b'"') {
            let len = bytes[i + 1..].iter().position(|b| *b == b'"')?;
            values.push(&bytes[i + 1..i + 1 + len]);
            i += len + 2;
        } else {
            let len = bytes[i..]
                .iter()
                .position(|b| matches!(b, b',' | b';' | b':'))
                .unwrap_or(bytes.len() - i);
            values.push(&bytes[i..i + len]);
            i += len;
        }
        if bytes.get(i) != Some(&b',') {
            break;
        }
        i += 1;
    }
    let joined = values.join(&b","[..]);
    // Splits happen only at ASCII bytes, so every piece is still UTF-8.
    Some((String::from_utf8_lossy(&joined).into_owned(), i))
}

/// Undoes TEXT escaping: `\\`, `\;`, `\,`, `\n` and `\N`. An unknown escape is kept as written.
pub(super) fn unescape(value: &str) -> String {
    if !value.contains('\\') {
        return value.to_string();
    }
    let mut out = String::with_capacity(value.len());
    let mut chars = value.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n' | 'N') => out.push('\n'),
            Some(escaped @ ('\\' | ';' | ',')) => out.push(escaped),
            Some(other) => {
                out.push('\\');
                out.push(other);
            }
            None => out.push('\\'),
        }
    }
    out
}

/// A TEXT list (`CATEGORIES:A,B\,C`) split at unescaped commas, each item unescaped.
pub(super) fn text_list(value: &str) -> Vec<String> {
    let mut items = Vec::new();
    let mut start = 0;
    let mut escaped = false;
    for (i, c) in value.char_indices() {
        match c {
            _ if escaped => escaped = false,
            '\\' => escaped = true,
            ',' => {
                items.push(unescape(&value[start..i]));
                start = i + 1;
            }
            _ => {}
        }
    }
    items.push(unescape(&value[start..]));
    items
}

/// Repairs folds that cut a UTF-8 character in two, which producers folding at exactly 75
/// bytes do. Decoding would refuse such a file, so the bytes of the cut character that sit before
/// the fold are moved after it: unfolding then gives the same text, and no line moves, so
/// reported line numbers stay right. Anything that is not iCalendar, or is already valid UTF-8,
/// is returned as it is.
pub fn mend_split_characters(bytes: &[u8]) -> Cow<'_, [u8]> {
    let body = bytes.strip_prefix(&[0xef, 0xbb, 0xbf]).unwrap_or(bytes);
    if !body.trim_ascii_start().starts_with(b"BEGIN:VCALENDAR")
        || std::str::from_utf8(bytes).is_ok()
    {
        return Cow::Borrowed(bytes);
    }
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let line_break = match (bytes[i], bytes.get(i + 1)) {
            (b'\r', Some(b'\n')) => 2,
            (b'\n', _) => 1,
            _ => 0,
        };
        if line_break > 0 && matches!(bytes.get(i + line_break), Some(b' ' | b'\t')) {
            let cut = incomplete_tail(&out);
            let carried = out.split_off(out.len() - cut);
            out.extend_from_slice(&bytes[i..=i + line_break]);
            out.extend(carried);
            i += line_break + 1;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    Cow::Owned(out)
}

/// How many bytes at the end of `bytes` start a UTF-8 character that is not finished.
fn incomplete_tail(bytes: &[u8]) -> usize {
    for back in 1..=bytes.len().min(3) {
        let byte = bytes[bytes.len() - back];
        if byte & 0xc0 == 0x80 {
            continue;
        }
        let needed = match byte {
            0xf0.. => 4,
            0xe0.. => 3,
            0xc0.. => 2,
            _ => 1,
        };
        return if needed > back { back } else { 0 };
    }
    0
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(text: &str) -> Vec<Property> {
        let source = Source {
            file: "t.ics",
            text,
        };
        content_lines(&source).expect("parses")
    }

    #[test]
    fn unfolds_crlf_lf_and_tabs() {
        let props = lines("SUMMARY:Hel\r\n lo\r\nDESCRIPTION:a\n\tb\nX-EMPTY:\n");
        assert_eq!(props.len(), 3, "{props:?}");
        assert_eq!(props[0].value, "Hello");
        assert_eq!(props[1].value, "ab", "a tab also continues a line");
        assert_eq!(props[2].value, "", "an empty value is allowed");
        assert_eq!(props[1].offset, 18, "offset of the DESCRIPTION line");
    }

    #[test]
    fn parameters_quoted_and_listed() {
        let props = lines("DTSTART;TZID=\"America/New_York\";VALUE=DATE-TIME:20250317T130000");
        assert_eq!(props[0].param("TZID"), Some("America/New_York"));
        assert_eq!(props[0].param("VALUE"), Some("DATE-TIME"));
        assert_eq!(props[0].value, "20250317T130000");
        let props = lines("ATTENDEE;MEMBER=\"a:b\",\"c;d\";cn=X:mailto:x@y");
        assert_eq!(props[0].param("MEMBER"), Some("a:b,c;d"));
        assert_eq!(
            props[0].param("CN"),
            Some("X"),
            "names are case-insensitive"
        );
        assert_eq!(props[0].value, "mailto:x@y");
    }

    #[test]
    fn bad_lines_are_syntax_errors() {
        for bad in ["no colon here", ":value", "DTSTART;TZID:1", "X;A=\"open:1"] {
            let source = Source {
                file: "t.ics",
                text: bad,
            };
            let err = content_lines(&source).expect_err(bad);
            assert_eq!(err.kind(), "syntax", "{bad}: {err}");
        }
    }

    #[test]
    fn text_escapes() {
        assert_eq!(unescape(r"a\, b\; c\nd\Ne\\f\x"), "a, b; c\nd\ne\\f\\x");
        assert_eq!(text_list(r"Talk,Rust\, Go,"), ["Talk", "Rust, Go", ""]);
    }

    #[test]
    fn mends_a_character_cut_by_a_fold() {
        let cut = b"BEGIN:VCALENDAR\r\nSUMMARY:caf\xc3\r\n \xa9 \xe4\xb8\n\t\xad\r\n";
        let mended = mend_split_characters(cut);
        let text = std::str::from_utf8(&mended).expect("valid after mending");
        assert_eq!(
            text, "BEGIN:VCALENDAR\r\nSUMMARY:caf\r\n é \n\t中\r\n",
            "bytes move past the fold; line count unchanged"
        );
        let fine = b"BEGIN:VCALENDAR\r\n";
        assert!(matches!(mend_split_characters(fine), Cow::Borrowed(_)));
    }
}
