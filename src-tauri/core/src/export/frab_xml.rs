//! frab / Pentabarf `schedule.xml` out, valid against the strict c3voc XSD
//! (`schedule.xml.xsd`, 2026): only the conference children it allows, `event@id` a positive
//! integer, `event@guid` a UUID, slugs and acronyms in its patterns, URLs only where they are
//! absolute `http(s)`.

use std::borrow::Cow;

use super::frab::{EventPlan, Schedule};
use super::{http_uri, is_hex_color, safe_link, GENERATOR, VERSION};
use crate::import::duration::format_hh_mm;
use crate::model::{ConferenceData, Link};

/// Writes `data` as a schedule.xml document.
pub fn write(data: &ConferenceData) -> String {
    let schedule = Schedule::new(data);
    let mut x = Xml::default();
    x.raw("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
    x.raw("<schedule>");
    x.depth += 1;
    x.raw(&format!(
        "<generator name=\"{GENERATOR}\" version=\"{VERSION}\"/>"
    ));
    x.text("version", &schedule.version);
    conference(&mut x, &schedule);
    for day in &schedule.days {
        x.raw(&format!(
            "<day index=\"{}\" date=\"{}\" start=\"{}\" end=\"{}\">",
            day.index, day.date, day.start, day.end
        ));
        x.depth += 1;
        for room in &day.rooms {
            x.raw(&format!("<room name=\"{}\">", attr(room.name)));
            x.depth += 1;
            for e in &room.events {
                event(&mut x, e);
            }
            x.depth -= 1;
            x.raw("</room>");
        }
        x.depth -= 1;
        x.raw("</day>");
    }
    x.depth -= 1;
    x.raw("</schedule>");
    x.out
}

fn conference(x: &mut Xml, schedule: &Schedule<'_>) {
    let conf = &schedule.data.conference;
    x.raw("<conference>");
    x.depth += 1;
    x.text("acronym", &schedule.acronym);
    x.text("title", &conf.title);
    if let Some(start) = schedule.start {
        x.text("start", &start.to_string());
    }
    if let Some(end) = schedule.end {
        x.text("end", &end.to_string());
    }
    x.text("days", &schedule.days.len().to_string());
    let slot = i64::from(conf.timeslot_minutes.unwrap_or(5));
    x.text("timeslot_duration", &format_hh_mm(slot));
    if let Some(url) = conf.url.as_deref().and_then(http_uri) {
        x.text("base_url", &url);
        x.text("url", &url);
    }
    if let Some(zone) = conf.time_zone.iana_name() {
        x.text("time_zone_name", zone);
    }
    for track in &schedule.data.tracks {
        let mut open = format!("<track name=\"{}\"", attr(&track.name));
        if let Some(color) = track.color.as_deref().filter(|c| is_hex_color(c)) {
            open.push_str(&format!(" color=\"{color}\""));
        }
        if let Some(slug) = track.slug.as_deref().filter(|s| is_track_slug(s)) {
            open.push_str(&format!(" slug=\"{slug}\""));
        }
        x.raw(&format!("{open}>{}</track>", text(&track.name)));
    }
    x.depth -= 1;
    x.raw("</conference>");
}

fn event(x: &mut Xml, e: &EventPlan<'_>) {
    let s = e.session;
    x.raw(&format!("<event guid=\"{}\" id=\"{}\">", e.guid, e.id));
    x.depth += 1;
    x.text("date", &e.date);
    x.text("start", &e.start);
    x.text("duration", &e.duration);
    x.text("room", s.room.as_deref().unwrap_or(""));
    x.text("slug", &e.slug);
    if let Some(url) = s.url.as_deref().and_then(http_uri) {
        x.text("url", &url);
    }
    x.raw("<recording>");
    x.depth += 1;
    x.text("license", "");
    x.text("optout", if s.do_not_record { "true" } else { "false" });
    x.depth -= 1;
    x.raw("</recording>");
    x.text("title", &s.title);
    if let Some(subtitle) = &s.subtitle {
        x.text("subtitle", subtitle);
    }
    x.text("track", s.track.as_deref().unwrap_or(""));
    x.text("type", e.kind);
    if let Some(language) = &s.language {
        x.text("language", language);
    }
    // HTML goes out as escaped text, as frab writes it; readers unescape it back to HTML.
    x.text("abstract", s.abstract_html.as_deref().unwrap_or(""));
    if let Some(description) = &s.description_html {
        x.text("description", description);
    }
    if e.speakers.is_empty() {
        x.raw("<persons/>");
    } else {
        speakers(x, e);
    }
    links(x, "links", "link", &s.links);
    links(x, "attachments", "attachment", &s.attachments);
    x.depth -= 1;
    x.raw("</event>");
}

fn speakers(x: &mut Xml, e: &EventPlan<'_>) {
    x.raw("<persons>");
    x.depth += 1;
    for speaker in &e.speakers {
        let id = speaker
            .id
            .map(|id| format!(" id=\"{id}\""))
            .unwrap_or_default();
        x.raw(&format!(
            "<person{id} guid=\"{}\">{}</person>",
            speaker.guid,
            text(&speaker.person.name)
        ));
    }
    x.depth -= 1;
    x.raw("</persons>");
}

/// `<links>`/`<attachments>`: the XSD types `href` as a plain string, so relative paths stay;
/// schemes other than http, https and mailto are left out.
fn links(x: &mut Xml, outer: &str, inner: &str, links: &[Link]) {
    let links: Vec<&Link> = links.iter().filter(|l| safe_link(&l.url)).collect();
    if links.is_empty() {
        return;
    }
    x.raw(&format!("<{outer}>"));
    x.depth += 1;
    for link in links {
        let title = if link.title.is_empty() {
            &link.url
        } else {
            &link.title
        };
        x.raw(&format!(
            "<{inner} href=\"{}\">{}</{inner}>",
            attr(&link.url),
            text(title)
        ));
    }
    x.depth -= 1;
    x.raw(&format!("</{outer}>"));
}

/// An indenting line writer; indentation keeps the output readable and diffable.
#[derive(Default)]
struct Xml {
    out: String,
    depth: usize,
}

impl Xml {
    fn raw(&mut self, line: &str) {
        for _ in 0..self.depth {
            self.out.push_str("  ");
        }
        self.out.push_str(line);
        self.out.push('\n');
    }

    fn text(&mut self, name: &str, value: &str) {
        self.raw(&format!("<{name}>{}</{name}>", text(value)));
    }
}

/// The XSD's track slug: `[a-z][a-z0-9-]+`.
fn is_track_slug(slug: &str) -> bool {
    slug.len() >= 2
        && slug.starts_with(|c: char| c.is_ascii_lowercase())
        && slug
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// Escapes element content.
fn text(value: &str) -> Cow<'_, str> {
    escape(value, false)
}

/// Escapes an attribute value; whitespace is written as references so parsers keep it.
fn attr(value: &str) -> Cow<'_, str> {
    escape(value, true)
}

/// XML escaping that also drops characters XML 1.0 cannot hold at all (most C0 controls,
/// U+FFFE/U+FFFF), which real abstracts occasionally carry and which would make the whole
/// document ill-formed.
fn escape(value: &str, attribute: bool) -> Cow<'_, str> {
    let needs = |c: char| {
        matches!(c, '&' | '<' | '>' | '"' | '\r')
            || (attribute && matches!(c, '\n' | '\t'))
            || !is_xml_char(c)
    };
    if !value.chars().any(needs) {
        return Cow::Borrowed(value);
    }
    let mut out = String::with_capacity(value.len() + 16);
    for c in value.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\r' => out.push_str("&#13;"),
            '\n' if attribute => out.push_str("&#10;"),
            '\t' if attribute => out.push_str("&#9;"),
            c if is_xml_char(c) => out.push(c),
            _ => {}
        }
    }
    Cow::Owned(out)
}

/// The XML 1.0 `Char` production.
fn is_xml_char(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{d7ff}' | '\u{e000}'..='\u{fffd}')
        || c >= '\u{10000}'
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_drops_what_xml_cannot_hold() {
        assert_eq!(
            text("a < b & \"c\"\u{0b}\r\n"),
            "a &lt; b &amp; &quot;c&quot;&#13;\n"
        );
        assert_eq!(attr("x\ny\tz"), "x&#10;y&#9;z");
        assert!(matches!(text("plain 中文"), Cow::Borrowed(_)));
    }
}
