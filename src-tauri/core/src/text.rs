//! Small text helpers shared by importers, exporters and search.

use std::sync::LazyLock;

/// 1-based line and column (in characters) of byte `offset` in `text`.
/// An offset past the end or inside a character is clamped to the nearest boundary before it.
pub fn line_col(text: &str, offset: usize) -> (u32, u32) {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = &text[..offset];
    let line = before.bytes().filter(|b| *b == b'\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = before[line_start..].chars().count() + 1;
    (saturate(line), saturate(column))
}

fn saturate(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// `text` with its first letter in upper case, as a notice's line starts.
pub fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// A URL- and file-safe identifier: lower-case ASCII letters, digits and single dashes.
/// Non-ASCII letters (Chinese names) are kept as they are, since dropping them would leave nothing.
pub fn slugify(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut dash = false;
    for c in text.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
            dash = false;
        } else if c.is_alphanumeric() {
            out.push(c);
            dash = false;
        } else if !dash && !out.is_empty() {
            out.push('-');
            dash = true;
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    out
}

/// Collapses runs of whitespace to one space and trims. Returns `None` for blank text.
///
/// Most text an importer reads is already clean (one space between words, none at the ends)
/// and is copied as it is; only other text is split into words and joined. Collecting the
/// words of every text into a vector first made this about 4 % of a FOSDEM import's
/// instructions (docs/benchmarks.md).
pub fn clean(text: &str) -> Option<String> {
    if is_clean(text) {
        return Some(text.to_string());
    }
    let mut out = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    (!out.is_empty()).then_some(out)
}

/// Whether `text` is what [`clean`] makes of it: not blank, one space between words, none at
/// the ends. It may say no to clean text (then `clean` splits it, with the same result), never
/// yes to other text. Read byte by byte; a character is decoded only where its first byte is
/// one that non-ASCII whitespace starts with, and such a byte always starts a character:
/// - `C2`: U+0085, U+00A0;
/// - `E1`: U+1680;
/// - `E2`: U+2000 to U+200A, U+2028, U+2029, U+202F, U+205F (and every other character from
///   U+2000 to U+2FFF, such as dashes and quotes, is decoded too);
/// - `E3`: U+3000.
fn is_clean(text: &str) -> bool {
    // At the start, as after a space, a space would be one too many; blank text ends here too.
    let mut after_space = true;
    for (i, b) in text.bytes().enumerate() {
        if b == b' ' {
            if after_space {
                return false;
            }
            after_space = true;
            continue;
        }
        after_space = false;
        let blank = match b {
            b'\t'..=b'\r' => true,
            0xC2 | 0xE1 | 0xE2 | 0xE3 => text[i..].chars().next().is_some_and(char::is_whitespace),
            _ => false,
        };
        if blank {
            return false;
        }
    }
    !after_space
}

/// Trims, and maps blank text to `None`, keeping inner line breaks (for descriptions).
pub fn non_blank(text: &str) -> Option<String> {
    let trimmed = text.trim();
    (!trimmed.is_empty()).then(|| trimmed.to_string())
}

static SANITIZER: LazyLock<ammonia::Builder<'static>> = LazyLock::new(|| {
    let mut builder = ammonia::Builder::default();
    builder
        .url_schemes(["http", "https", "mailto"].into_iter().collect())
        .link_rel(Some("noopener noreferrer nofollow"))
        .rm_tags(["img"]);
    builder
});

/// HTML from a source, made safe to render: no scripts, event handlers, styles, images (which
/// would reach the network) or links other than http, https and mailto.
///
/// Most abstracts are plain text. Text with none of the characters an HTML parser treats
/// specially (`<`, `>`, `&`, carriage return, NUL) and none it writes back as an entity
/// (no-break space), nor a byte-order mark (which the parser drops), comes out of ammonia
/// exactly as it went in, so it is returned as it is without parsing; a test checks this
/// against ammonia on generated text.
pub fn sanitize_html(html: &str) -> String {
    if is_inert_text(html) {
        return html.to_string();
    }
    SANITIZER.clean(html).to_string()
}

/// True when `text` parses as a single text node that serialises back to itself.
fn is_inert_text(text: &str) -> bool {
    !text
        .bytes()
        .any(|b| matches!(b, b'<' | b'>' | b'&' | b'\r' | 0))
        && !text.contains(['\u{a0}', '\u{feff}'])
}

/// Plain text from HTML, for search and the terminal: tags dropped, entities decoded, paragraphs
/// and line breaks kept as newlines.
pub fn html_to_text(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(open) = rest.find('<') {
        out.push_str(&decode_entities(&rest[..open]));
        // As in HTML, '<' opens a tag only before a letter, '/', '!' or '?'; "a < b" is text.
        let opens_tag = rest[open + 1..]
            .starts_with(|c: char| c.is_ascii_alphabetic() || matches!(c, '/' | '!' | '?'));
        if !opens_tag {
            out.push('<');
            rest = &rest[open + 1..];
            continue;
        }
        let Some(close) = rest[open..].find('>') else {
            // A stray '<' that opens no tag is text.
            out.push_str(&decode_entities(&rest[open..]));
            rest = "";
            break;
        };
        let tag = rest[open + 1..open + close]
            .trim_start_matches('/')
            .to_ascii_lowercase();
        let name = tag
            .split(|c: char| c.is_whitespace() || c == '/')
            .next()
            .unwrap_or("");
        if matches!(
            name,
            "p" | "br" | "div" | "li" | "ul" | "ol" | "h1" | "h2" | "h3" | "h4" | "tr"
        ) && !out.ends_with('\n')
            && !out.is_empty()
        {
            out.push('\n');
        }
        rest = &rest[open + close + 1..];
    }
    out.push_str(&decode_entities(rest));
    out.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join("\n")
}

/// Decodes the HTML entities that appear in real programme text.
pub fn decode_entities(text: &str) -> String {
    if !text.contains('&') {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        let tail = &rest[amp..];
        let end = tail.find(';').filter(|&i| i <= 10);
        let decoded = end.and_then(|end| decode_entity(&tail[1..end]).map(|c| (c, end)));
        match decoded {
            Some((c, end)) => {
                out.push(c);
                rest = &tail[end + 1..];
            }
            None => {
                out.push('&');
                rest = &tail[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

fn decode_entity(name: &str) -> Option<char> {
    if let Some(num) = name.strip_prefix('#') {
        let code = match num.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => num.parse().ok()?,
        };
        return char::from_u32(code);
    }
    Some(match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" => '\u{a0}',
        "ndash" => '–',
        "mdash" => '—',
        "hellip" => '…',
        "rsquo" => '’',
        "lsquo" => '‘',
        "rdquo" => '”',
        "ldquo" => '“',
        "eacute" => 'é',
        "uuml" => 'ü',
        "ouml" => 'ö',
        "auml" => 'ä',
        "copy" => '©',
        _ => return None,
    })
}

/// pretalx writes speakers as `Name [Organisation]`; the bracket is the affiliation, not part of
/// the name. Every importer splits it the same way, so one person reads alike in XML, JSON and
/// the bookmarks that remember them.
pub fn split_affiliation(full: &str) -> (String, Option<String>) {
    let split = full
        .strip_suffix(']')
        .and_then(|rest| rest.rfind(" [").map(|i| (&rest[..i], &rest[i + 2..])));
    match split {
        Some((name, org)) if !name.trim().is_empty() && !org.trim().is_empty() => {
            (name.trim().to_string(), Some(org.trim().to_string()))
        }
        _ => (full.to_string(), None),
    }
}

/// A short, stable hex digest of `parts` (FNV-1a, 64 bit), for keys derived from content.
pub fn digest(parts: &[&str]) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for part in parts {
        for byte in part.bytes().chain(std::iter::once(0x1f)) {
            hash ^= u64::from(byte);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
    }
    format!("{hash:016x}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_col_counts_characters_not_bytes() {
        let text = "ab\n世界x";
        assert_eq!(line_col(text, 0), (1, 1));
        assert_eq!(line_col(text, 3), (2, 1));
        assert_eq!(line_col(text, 9), (2, 3), "two CJK characters before x");
        assert_eq!(line_col(text, 4), (2, 1), "inside a character clamps back");
    }

    #[test]
    fn slugify_keeps_chinese() {
        assert_eq!(slugify("Unitree Robotics, Inc."), "unitree-robotics-inc");
        assert_eq!(slugify("宇树科技"), "宇树科技");
    }

    #[test]
    fn sanitize_removes_script_and_javascript_links() {
        let html = r#"<p onclick="x()">Hi<script>alert(1)</script><a href="javascript:alert(1)">x</a><a href="https://a.org">y</a></p>"#;
        let clean = sanitize_html(html);
        assert!(!clean.contains("script"), "{clean}");
        assert!(!clean.contains("onclick"), "{clean}");
        assert!(!clean.contains("javascript"), "{clean}");
        assert!(clean.contains("https://a.org"), "{clean}");
    }

    #[test]
    fn html_to_text_keeps_paragraphs() {
        assert_eq!(
            html_to_text("<p>One &amp; two</p><p>Three&nbsp;</p>"),
            "One & two\nThree"
        );
        assert_eq!(html_to_text("a < b"), "a < b");
        assert_eq!(html_to_text("<p>a < b.</p><p>c</p>"), "a < b.\nc");
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2000))]

        /// The fast path returns exactly what ammonia would, for any text it accepts: ASCII
        /// and controls, Chinese, quotes, tabs and newlines, emoji and other planes.
        #[test]
        fn inert_text_is_what_ammonia_returns(
            text in "[ -%'-;=?-~\t\n\u{1}-\u{c}\u{e}-\u{1f}\u{7f}-\u{9f}\u{a1}-\u{ff}\u{3000}-\u{303f}\u{4e00}-\u{4e3f}\u{fffd}\u{1f600}-\u{1f64f}]{0,40}"
        ) {
            proptest::prop_assume!(is_inert_text(&text));
            proptest::prop_assert_eq!(SANITIZER.clean(&text).to_string(), text);
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(3000))]

        /// `clean` gives what joining the words with one space gives, for text with every kind
        /// of whitespace, alone and in runs, at the ends and between words.
        #[test]
        fn clean_joins_the_words_with_one_space(
            // Half of the characters are spaces, so that runs of them and spaces at the ends
            // are common.
            text in "( |[a-c\t\n\r\u{b}\u{c}\u{1c}-\u{1f}\u{85}\u{a0}\u{1680}\u{2000}-\u{200b}\u{2013}\u{2028}\u{2029}\u{202f}\u{205f}\u{3000}\u{3001}©机器]){0,12}"
        ) {
            let words = text.split_whitespace().collect::<Vec<_>>().join(" ");
            proptest::prop_assert_eq!(clean(&text), (!words.is_empty()).then_some(words));
        }
    }

    #[test]
    fn clean_copies_clean_text_and_tidies_the_rest() {
        for text in ["Large models", "机器人 robots", "a – b", "©", "机器、人"] {
            assert!(is_clean(text), "{text:?}");
            assert_eq!(clean(text).as_deref(), Some(text));
        }
        for (text, cleaned) in [
            ("a  b", "a b"),
            (" a", "a"),
            ("a ", "a"),
            ("a\u{a0}b", "a b"),
        ] {
            assert!(!is_clean(text), "{text:?}");
            assert_eq!(clean(text).as_deref(), Some(cleaned));
        }
        assert_eq!(clean(" a  b\n").as_deref(), Some("a b"));
        assert_eq!(clean("a\u{3000}b").as_deref(), Some("a b"));
        assert_eq!(clean(" \t\n"), None);
        assert_eq!(clean(""), None);
    }

    #[test]
    fn text_with_markup_or_entities_still_goes_through_ammonia() {
        for text in [
            "a < b",
            "a & b",
            "x\r\ny",
            "no\u{a0}break",
            "\u{feff}bom",
            "<b>bold</b>",
            "a > b",
        ] {
            assert!(!is_inert_text(text), "{text:?}");
            assert_eq!(sanitize_html(text), SANITIZER.clean(text).to_string());
        }
        assert_eq!(
            sanitize_html("机器人 \"robots\" 'r' \t\n"),
            "机器人 \"robots\" 'r' \t\n"
        );
    }
}
