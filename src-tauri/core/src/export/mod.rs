//! Exporters: a [`crate::model::ConferenceData`] (or an agenda) out as iCalendar, frab XML/JSON
//! or an exhibitor CSV.
//!
//! Every exporter is a pure function of the data it is given: every session in it is written,
//! so an agenda export passes a `ConferenceData` that holds only the bookmarked sessions. The
//! output depends on nothing else (no clock, no randomness), so the same data gives the same
//! bytes, which keeps exports diffable and testable.

pub mod csv;
mod frab;
pub mod frab_json;
pub mod frab_xml;
pub mod ical;

/// The generator name written into exports.
const GENERATOR: &str = "plenary";

/// Plenary's version, written into exports as the generator version.
const VERSION: &str = env!("CARGO_PKG_VERSION");

/// True when `text` starts with a URI scheme (`https:`, `mailto:`), i.e. is an absolute URI
/// rather than a path relative to some base.
fn has_scheme(text: &str) -> bool {
    let Some((scheme, _)) = text.split_once(':') else {
        return false;
    };
    let mut chars = scheme.chars();
    chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
}

/// `url` as a valid absolute URI (RFC 3986), or `None` when it is relative or blank.
///
/// Sources hand us IRIs (Chinese paths), spaces and stray `%`; calendar clients and schema
/// validators want URIs, so every byte outside the URI character set is percent-encoded.
fn absolute_uri(url: &str) -> Option<String> {
    let url = url.trim();
    if !has_scheme(url) {
        return None;
    }
    let bytes = url.as_bytes();
    let mut out = String::with_capacity(url.len());
    for (i, &b) in bytes.iter().enumerate() {
        let allowed = b.is_ascii_alphanumeric() || b"-._~:/?#[]@!$&'()*+,;=".contains(&b);
        let escape_start = b == b'%'
            && bytes.get(i + 1).is_some_and(u8::is_ascii_hexdigit)
            && bytes.get(i + 2).is_some_and(u8::is_ascii_hexdigit);
        if allowed || escape_start {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    Some(out)
}

/// `url` as an absolute `http`/`https` URI: all the frab XSD accepts for its URL fields, and
/// all a calendar or schedule app should be handed to open (never `javascript:` or `data:`).
fn http_uri(url: &str) -> Option<String> {
    absolute_uri(url).filter(|u| scheme_is(u, &["http", "https"]))
}

/// A link target fit to pass on: a relative path, or an `http`, `https` or `mailto` URI.
fn safe_link(url: &str) -> bool {
    !has_scheme(url.trim()) || scheme_is(url.trim(), &["http", "https", "mailto"])
}

fn scheme_is(url: &str, schemes: &[&str]) -> bool {
    url.split_once(':')
        .is_some_and(|(scheme, _)| schemes.iter().any(|s| s.eq_ignore_ascii_case(scheme)))
}

/// `#rrggbb`, the colour form both frab schemas expect.
fn is_hex_color(color: &str) -> bool {
    color.len() == 7 && color.starts_with('#') && color[1..].bytes().all(|b| b.is_ascii_hexdigit())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn absolute_uri_encodes_what_uris_cannot_hold() {
        assert_eq!(
            absolute_uri("https://a.org/会议 1?q=%zz&r=%2F").as_deref(),
            Some("https://a.org/%E4%BC%9A%E8%AE%AE%201?q=%25zz&r=%2F")
        );
        assert_eq!(absolute_uri("/system/logo.png"), None, "relative path");
        assert_eq!(absolute_uri("  "), None, "blank");
        assert_eq!(
            absolute_uri("mailto:a@b.org").as_deref(),
            Some("mailto:a@b.org")
        );
        assert_eq!(http_uri("mailto:a@b.org"), None, "not http");
        assert_eq!(http_uri("HTTPS://A.org").as_deref(), Some("HTTPS://A.org"));
        assert_eq!(http_uri("javascript:alert(1)"), None, "not http");
        assert!(safe_link("/slides.pdf") && safe_link("MAILTO:a@b.org"));
        assert!(!safe_link("javascript:alert(1)") && !safe_link(" data:text/html,x"));
    }
}
