//! A pull cursor over quick-xml that enforces what the importer promises about hostile or
//! broken XML: no DTD tricks, no custom entities, located errors that say what was left open,
//! and recovery (with a warning) from the control characters real exports contain.

use std::borrow::Cow;

use quick_xml::errors::{Error as XmlError, IllFormedError};
use quick_xml::events::{BytesStart, Event};
use quick_xml::{Reader, XmlVersion};

use super::guard::{self, is_forbidden_control};
use crate::error::{Error, Result};
use crate::import::Source;
use crate::model::Warning;

/// Deeper than any schedule nests (five levels); a guard against memory blow-up from
/// pathological nesting.
const MAX_DEPTH: usize = 256;

/// A start tag with its attributes already unescaped and cleaned.
#[derive(Debug)]
pub(super) struct Element {
    pub name: String,
    pub attrs: Vec<(String, String)>,
    /// Byte offset of the `<`.
    pub offset: usize,
}

impl Element {
    /// The value of attribute `name`, if present.
    pub fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(key, _)| key == name)
            .map(|(_, value)| value.as_str())
    }
}

enum Token {
    Start(Element),
    End,
    Text(String),
    Eof,
}

/// Reads a document element by element; every error carries the file, line and column.
pub(super) struct Cursor<'a> {
    source: &'a Source<'a>,
    reader: Reader<&'a [u8]>,
    /// Open elements, outermost first: name and offset of the `<`.
    open: Vec<(String, usize)>,
    warnings: &'a mut Vec<Warning>,
    /// A monotonic line counter, so warnings cost nothing like a rescan of the file each.
    line_at: (usize, u32),
    /// Set after an `<empty/>` tag: the next token is its end.
    pending_end: bool,
}

impl<'a> Cursor<'a> {
    pub fn new(source: &'a Source<'a>, warnings: &'a mut Vec<Warning>) -> Self {
        let mut reader = Reader::from_str(source.text);
        let config = reader.config_mut();
        config.expand_empty_elements = true;
        config.check_end_names = true;
        Cursor {
            source,
            reader,
            open: Vec::new(),
            warnings,
            line_at: (0, 1),
            pending_end: false,
        }
    }

    /// The source being read, for located errors.
    pub fn source(&self) -> &Source<'a> {
        self.source
    }

    /// Records a warning for the line holding byte `offset`.
    pub fn warn(&mut self, offset: usize, message: impl Into<String>) {
        let line = self.line_of(offset);
        self.warnings.push(Warning {
            line: Some(line),
            message: message.into(),
        });
    }

    fn line_of(&mut self, offset: usize) -> u32 {
        let offset = offset.min(self.source.text.len());
        let (from, line) = if offset >= self.line_at.0 {
            self.line_at
        } else {
            (0, 1)
        };
        let newlines = self.source.text.as_bytes()[from..offset]
            .iter()
            .filter(|b| **b == b'\n')
            .count();
        let line = line.saturating_add(u32::try_from(newlines).unwrap_or(u32::MAX));
        self.line_at = (offset, line);
        line
    }

    /// The root element. Anything but markup before it means this is not XML at all.
    pub fn root(&mut self) -> Result<Element> {
        loop {
            let offset = self.position();
            match self.next()? {
                Token::Start(element) => return Ok(element),
                Token::Text(text) if text.trim().is_empty() => {}
                Token::Text(_) => {
                    return Err(self.not_a_schedule(offset, "text comes before any XML element"))
                }
                Token::End | Token::Eof => {
                    return Err(self.not_a_schedule(offset, "there is no root element"))
                }
            }
        }
    }

    /// An [`Error::UnknownFormat`] for a file that is not a schedule at all.
    pub fn not_a_schedule(&self, offset: usize, why: &str) -> Error {
        let at = self.source.at(offset);
        Error::UnknownFormat {
            file: self.source.file.to_string(),
            message: format!(
                "line {}, column {}: {why}: not a frab/Pentabarf schedule.xml \
                 (its root element is <schedule>)",
                at.line, at.column
            ),
        }
    }

    /// The next child element of the innermost open element, or `None` once that element
    /// closes. Text between children is ignored.
    pub fn child(&mut self) -> Result<Option<Element>> {
        loop {
            match self.next_token(false)? {
                Token::Start(element) => return Ok(Some(element)),
                Token::End => return Ok(None),
                Token::Text(_) => {}
                Token::Eof => return Err(self.eof_error("")),
            }
        }
    }

    /// The text content of the element just opened, up to and including its end tag. Markup
    /// nested inside is dropped and its text kept, as XPath's `string()` does.
    pub fn text(&mut self) -> Result<String> {
        let mut out = String::new();
        let mut depth = 0usize;
        loop {
            match self.next()? {
                // Most elements hold one text: it is kept, not copied.
                Token::Text(text) if out.is_empty() => out = text,
                Token::Text(text) => out.push_str(&text),
                Token::Start(_) => depth += 1,
                Token::End if depth == 0 => return Ok(out),
                Token::End => depth -= 1,
                Token::Eof => return Err(self.eof_error("")),
            }
        }
    }

    /// Skips the rest of the element just opened, including its end tag.
    pub fn skip(&mut self) -> Result<()> {
        let mut depth = 0usize;
        loop {
            match self.next_token(false)? {
                Token::Text(_) => {}
                Token::Start(_) => depth += 1,
                Token::End if depth == 0 => return Ok(()),
                Token::End => depth -= 1,
                Token::Eof => return Err(self.eof_error("")),
            }
        }
    }

    /// After the root element closed: only whitespace, comments and processing instructions
    /// may follow.
    pub fn finish(&mut self) -> Result<()> {
        loop {
            let offset = self.position();
            match self.next()? {
                Token::Eof => return Ok(()),
                Token::Text(text) if text.trim().is_empty() => {}
                Token::Start(_) | Token::Text(_) | Token::End => {
                    return Err(self
                        .source
                        .syntax(offset, "content after the end of the root element"))
                }
            }
        }
    }

    fn position(&self) -> usize {
        usize::try_from(self.reader.buffer_position()).unwrap_or(usize::MAX)
    }

    fn next(&mut self) -> Result<Token> {
        self.next_token(true)
    }

    /// The next token. Without `want_text` a text token comes back empty, for callers that
    /// ignore text (the whitespace between elements, skipped elements): its control characters
    /// are still reported, but it is not unescaped or copied.
    fn next_token(&mut self, want_text: bool) -> Result<Token> {
        if self.pending_end {
            self.pending_end = false;
            self.open.pop();
            return Ok(Token::End);
        }
        loop {
            let offset = self.position();
            let event = match self.reader.read_event() {
                Ok(event) => event,
                Err(error) => return Err(self.xml_error(&error)),
            };
            let empty = matches!(event, Event::Empty(_));
            match event {
                Event::Start(start) | Event::Empty(start) => {
                    // Empty tags are expanded by the reader's configuration; this keeps the
                    // cursor right even without it.
                    self.pending_end = empty;
                    let element = self.element(&start, offset)?;
                    if self.open.len() >= MAX_DEPTH {
                        return Err(Error::Refused {
                            at: self.source.at(offset),
                            message: format!("elements nested deeper than {MAX_DEPTH} levels"),
                        });
                    }
                    self.open.push((element.name.clone(), offset));
                    return Ok(Token::Start(element));
                }
                Event::End(_) => {
                    self.open.pop();
                    return Ok(Token::End);
                }
                Event::Text(text) => {
                    let raw: &str = &text;
                    if !want_text {
                        if find_control(raw).is_some() {
                            self.drop_controls(raw, offset);
                        }
                        return Ok(Token::Text(String::new()));
                    }
                    let cleaned = self.drop_controls(raw, offset);
                    let normalised = quick_xml::events::BytesText::from_escaped(cleaned);
                    return Ok(Token::Text(normalised.xml10_content().into_owned()));
                }
                Event::CData(data) => {
                    let raw: &str = &data;
                    // The content starts after `<![CDATA[`.
                    let cleaned = self.drop_controls(raw, offset + 9);
                    return Ok(Token::Text(cleaned.into_owned()));
                }
                Event::GeneralRef(reference) => {
                    return self.reference(&reference, offset).map(Token::Text);
                }
                Event::DocType(doctype) => {
                    guard::check_doctype(&doctype).map_err(|message| Error::Refused {
                        at: self.source.at(offset),
                        message: message.to_string(),
                    })?;
                }
                Event::Decl(_) | Event::PI(_) | Event::Comment(_) => {}
                Event::Eof if self.open.is_empty() => return Ok(Token::Eof),
                Event::Eof => return Err(self.eof_error("")),
            }
        }
    }

    fn element(&mut self, start: &BytesStart<'_>, offset: usize) -> Result<Element> {
        let name = start.name().as_ref().to_string();
        let mut attrs = Vec::new();
        for attr in start.attributes() {
            let attr = attr.map_err(|e| {
                self.source
                    .syntax(offset, format!("bad attribute in <{name}>: {e}"))
            })?;
            let key = attr.key.as_ref().to_string();
            let value = attr
                .normalized_value(XmlVersion::Implicit1_0)
                .map_err(|e| self.escape_error(&e, offset, &format!("attribute {key}")))?;
            let value = self.drop_controls(&value, offset).into_owned();
            attrs.push((key, value));
        }
        Ok(Element {
            name,
            attrs,
            offset,
        })
    }

    /// Real exports carry stray C0 control characters (pasted from word processors) that XML
    /// forbids. Refusing the whole file over one would help nobody, so they are dropped and
    /// reported.
    fn drop_controls<'t>(&mut self, text: &'t str, offset: usize) -> Cow<'t, str> {
        let Some(first) = find_control(text) else {
            return Cow::Borrowed(text);
        };
        let dropped: Vec<char> = text.chars().filter(|c| is_forbidden_control(*c)).collect();
        let inside = self
            .open
            .last()
            .map_or(String::new(), |(name, _)| format!(" in <{name}>"));
        let codes: Vec<String> = dropped
            .iter()
            .take(3)
            .map(|c| format!("U+{:04X}", u32::from(*c)))
            .collect();
        self.warn(
            offset + first,
            format!(
                "dropped {} control character{} ({}){inside} that XML does not allow",
                dropped.len(),
                if dropped.len() == 1 { "" } else { "s" },
                codes.join(", "),
            ),
        );
        Cow::Owned(text.chars().filter(|c| !is_forbidden_control(*c)).collect())
    }

    /// Only the five predefined entities and character references exist here: custom
    /// entities are never declared (DOCTYPEs with them are refused), so anything else is an
    /// error rather than something to expand.
    fn reference(&mut self, reference: &str, offset: usize) -> Result<String> {
        if let Some(number) = reference.strip_prefix('#') {
            let code = match number.strip_prefix('x') {
                Some(hex) => u32::from_str_radix(hex, 16).ok(),
                None => number.parse::<u32>().ok(),
            };
            let Some(c) = code.and_then(char::from_u32).filter(|c| *c != '\0') else {
                return Err(self.source.syntax(
                    offset,
                    format!("&{reference}; is not a valid character reference"),
                ));
            };
            let mut text = String::new();
            text.push(c);
            return Ok(self.drop_controls(&text, offset).into_owned());
        }
        let Some(c) = guard::predefined_entity(reference) else {
            return Err(self.source.syntax(
                offset,
                format!(
                    "unknown entity &{reference}; (only &lt; &gt; &amp; &apos; &quot; and \
                     character references are read; custom entities are never expanded)"
                ),
            ));
        };
        Ok(c.to_string())
    }

    fn escape_error(&self, error: &XmlError, offset: usize, context: &str) -> Error {
        let message = match error {
            XmlError::Escape(quick_xml::escape::EscapeError::UnrecognizedEntity(_, name)) => {
                format!("unknown entity &{name}; in {context} (custom entities are never expanded)")
            }
            other => format!("{context}: {other}"),
        };
        self.source.syntax(offset, message)
    }

    fn xml_error(&self, error: &XmlError) -> Error {
        let at = usize::try_from(self.reader.error_position()).unwrap_or(usize::MAX);
        let message = match error {
            XmlError::IllFormed(IllFormedError::MismatchedEndTag { expected, found }) => {
                let opened = self.open.last().map_or(String::new(), |(_, offset)| {
                    format!(" opened at line {}", self.source.at(*offset).line)
                });
                format!("</{found}> found where </{expected}> was expected (<{expected}>{opened} is not closed)")
            }
            XmlError::IllFormed(IllFormedError::UnmatchedEndTag(name)) => {
                format!("</{name}> closes an element that was never opened")
            }
            XmlError::IllFormed(IllFormedError::UnclosedReference) => {
                let message = "an `&` is not followed by a reference ending in `;`";
                let rest = self.source.text.get(at..).unwrap_or("");
                if !rest.contains(['<', ';']) {
                    // Cut off in the middle of `&amp;`: a truncated file.
                    return self.eof_error(&format!("{message}; "));
                }
                format!("{message} (write a literal & as &amp;)")
            }
            XmlError::Syntax(quick_xml::errors::SyntaxError::InvalidBangMarkup) => {
                "`<!` starts neither a comment, a CDATA section nor a DOCTYPE".to_string()
            }
            // Every other syntax error is markup cut off by the end of the input.
            XmlError::Syntax(syntax) => {
                return self.eof_error(&format!("{syntax}; "));
            }
            other => other.to_string(),
        };
        self.source.syntax(at, message)
    }

    /// A truncated file: says where it ends and which elements were left open.
    fn eof_error(&self, detail: &str) -> Error {
        let at = if detail.is_empty() {
            self.source.text.len()
        } else {
            usize::try_from(self.reader.error_position()).unwrap_or(usize::MAX)
        };
        let chain: Vec<String> = self
            .open
            .iter()
            .rev()
            .map(|(name, offset)| format!("<{name}> (line {})", self.source.at(*offset).line))
            .collect();
        let open = if chain.is_empty() {
            String::new()
        } else {
            format!(" with {} still open", chain.join(" in "))
        };
        self.source
            .syntax(at, format!("{detail}the file ends unexpectedly{open}"))
    }
}

/// The byte offset of the first control character XML forbids. They are all ASCII, and no
/// byte of a multi-byte UTF-8 character is, so a byte scan finds the same offset as a scan by
/// character, without decoding.
fn find_control(text: &str) -> Option<usize> {
    // Every text and attribute of a file is scanned, and almost none holds a forbidden
    // control: a block of 32 bytes is tested as a whole, which the compiler does in a few
    // vector instructions, and searched byte by byte only if it holds one. The test is written
    // with `&` on bytes, not `&&` or `matches!`, so that it has no branches to stop that.
    let forbidden = |b: u8| {
        u8::from(b < b' ') & u8::from(b != b'\t') & u8::from(b != b'\n') & u8::from(b != b'\r')
    };
    let (blocks, tail) = text.as_bytes().as_chunks::<32>();
    let found = |bytes: &[u8], from: usize| {
        bytes
            .iter()
            .position(|&b| forbidden(b) != 0)
            .map(|i| from + i)
    };
    for (n, block) in blocks.iter().enumerate() {
        if block.iter().fold(0, |any, &b| any | forbidden(b)) != 0 {
            return found(block, n * 32);
        }
    }
    found(tail, blocks.len() * 32)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn find_control_agrees_with_a_scan_by_character() {
        for text in [
            "",
            "plain",
            "tab\tnew\nline\r",
            "机器人\u{8}x",
            "é\u{1}",
            "\u{1f}",
            "\u{7f}",
            "a long line of text, longer than a block, with a control at its end\u{b}",
            "a long line of text, longer than a block\u{1}, with a control in its middle",
            "thirty-two bytes, then a control\u{2}",
            "thirty-one bytes and a control.\u{2}",
            "a long line of text, longer than a block, with none anywhere in it at all",
            "two in one block\u{1} and\u{2} more",
            "\u{3}one at the start of a text of over sixty-four bytes, and one more later\u{4}",
            "thirty-two bytes before this one\u{5} of a text of over sixty-four bytes in all",
            "tabs\t, line feeds\n and returns\r in full blocks before a control,\n\tthen\u{6} one",
            "a first block without one, then two in the next: here\u{7} and also here\u{8}",
        ] {
            assert_eq!(
                find_control(text),
                text.find(is_forbidden_control),
                "{text:?}"
            );
        }
    }
}
