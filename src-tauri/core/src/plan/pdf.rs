//! A day's plan as a one-page PDF, written by hand: PDF 1.4, A4, two fonts that every PDF
//! reader supplies itself, so nothing is embedded and the file stays a few kilobytes.
//!
//! - Latin text is Helvetica (WinAnsi, one byte a character).
//! - Chinese, Japanese and Korean text is Adobe's `STSong-Light` with the predefined
//!   `UniGB-UCS2-H` encoding (two bytes a character, UCS-2), which the PDF standard lets a file
//!   name without embedding; readers substitute their own CJK font.
//!
//! Anything else (characters outside the Basic Multilingual Plane) is written as "?".

use std::fmt::Write as _;

use super::day::{DayPlan, TooFar};

const WIDTH: f64 = 595.0;
const HEIGHT: f64 = 842.0;
const MARGIN: f64 = 48.0;
/// Rows that fit below the heading, with room for the can't-make-it pairs and the footnote.
const MAX_ROWS: usize = 24;

/// One line of text at a position and size.
struct Line {
    x: f64,
    y: f64,
    size: f64,
    text: String,
}

/// The PDF of `plan`, headed with the conference's title.
pub fn day_plan(plan: &DayPlan, title: &str, illustrative_walks: bool) -> Vec<u8> {
    let mut lines = Vec::new();
    let mut y = HEIGHT - MARGIN;
    let put = |lines: &mut Vec<Line>, x: f64, size: f64, text: String, y: &mut f64| {
        lines.push(Line {
            x,
            y: *y,
            size,
            text,
        });
        *y -= size * 1.45;
    };
    put(
        &mut lines,
        MARGIN,
        14.0,
        fit(title, 14.0, WIDTH - 2.0 * MARGIN),
        &mut y,
    );
    let heading = format!(
        "Day plan for {}: {} must, {} want, {} maybe",
        plan.date.format("%A %-d %B %Y"),
        plan.musts,
        plan.wants,
        plan.maybes
    );
    put(&mut lines, MARGIN, 11.0, heading, &mut y);
    y -= 8.0;
    if plan.chosen.is_empty() {
        put(
            &mut lines,
            MARGIN,
            11.0,
            "Nothing bookmarked on this day.".into(),
            &mut y,
        );
    }
    let shown = plan.chosen.len().min(MAX_ROWS);
    for item in &plan.chosen[..shown] {
        let s = &item.session;
        let walk = match item.walk_minutes {
            Some(m) if m > 0 => format!("  ({m} min walk)"),
            _ => String::new(),
        };
        let time = format!(
            "{}–{}  {}",
            s.start.format("%H:%M"),
            s.end.format("%H:%M"),
            item.priority.as_str()
        );
        lines.push(Line {
            x: MARGIN,
            y,
            size: 10.5,
            text: time,
        });
        let label = match &s.other_title {
            Some(other) => format!("{}  {}", s.title, other),
            None => s.title.clone(),
        };
        let text_x = MARGIN + 110.0;
        put(
            &mut lines,
            text_x,
            10.5,
            fit(&label, 10.5, WIDTH - MARGIN - text_x),
            &mut y,
        );
        let place = format!("{}{walk}", s.room.as_deref().unwrap_or("–"));
        put(
            &mut lines,
            text_x,
            8.5,
            fit(&place, 8.5, WIDTH - MARGIN - text_x),
            &mut y,
        );
        put(
            &mut lines,
            text_x,
            8.5,
            fit(&item.explanation, 8.5, WIDTH - MARGIN - text_x),
            &mut y,
        );
        y -= 4.0;
    }
    if plan.chosen.len() > shown {
        let more = format!(
            "… and {} more: see the app or `plenary plan`.",
            plan.chosen.len() - shown
        );
        put(&mut lines, MARGIN, 9.0, more, &mut y);
    }
    if !plan.too_far.is_empty() {
        y -= 6.0;
        put(&mut lines, MARGIN, 11.0, "Can't make it".into(), &mut y);
        let title_of = |key: &str| {
            plan.chosen
                .iter()
                .chain(&plan.left_out)
                .find(|i| i.session.key == key)
                .map_or(key.to_string(), |i| i.session.title.clone())
        };
        for TooFar {
            from,
            to,
            walk_minutes,
            gap_minutes,
            ..
        } in plan.too_far.iter().take(4)
        {
            let text = format!(
                "From {} to {}: a {walk_minutes} min walk, {gap_minutes} min between",
                title_of(from),
                title_of(to)
            );
            put(
                &mut lines,
                MARGIN,
                8.5,
                fit(&text, 8.5, WIDTH - 2.0 * MARGIN),
                &mut y,
            );
        }
    }
    let footnote = if illustrative_walks {
        "Walking times rest on an illustrative venue layout, not the organisers' plans."
    } else if plan.walks_known {
        "Walking times from the conference's venue map."
    } else {
        "No venue map: walks between rooms are not counted."
    };
    lines.push(Line {
        x: MARGIN,
        y: MARGIN - 12.0,
        size: 8.0,
        text: format!("{footnote}  Made by Plenary."),
    });
    write(&lines)
}

/// Cuts `text` to what fits `width` points at `size`, with an ellipsis.
fn fit(text: &str, size: f64, width: f64) -> String {
    let mut used = 0.0;
    let mut out = String::new();
    for c in text.chars() {
        let w = advance(c) * size;
        if used + w > width - size {
            out.push('…');
            return out;
        }
        used += w;
        out.push(c);
    }
    out
}

/// A character's width in ems, near enough for Helvetica and a CJK font.
fn advance(c: char) -> f64 {
    if is_wide(c) {
        1.0
    } else if c.is_ascii_uppercase() || "mwMW@%".contains(c) {
        0.72
    } else if " .,:;'|!il()[]".contains(c) {
        0.28
    } else {
        0.55
    }
}

fn is_wide(c: char) -> bool {
    !latin(c)
}

/// Whether Helvetica's WinAnsi encoding has `c`.
fn latin(c: char) -> bool {
    matches!(c, ' '..='~' | '\u{a0}'..='\u{ff}') || winansi(c).is_some()
}

/// WinAnsi's bytes for the characters it puts in 0x80–0x9F.
fn winansi(c: char) -> Option<u8> {
    Some(match c {
        '€' => 0x80,
        '‚' => 0x82,
        '„' => 0x84,
        '…' => 0x85,
        '‘' => 0x91,
        '’' => 0x92,
        '“' => 0x93,
        '”' => 0x94,
        '•' => 0x95,
        '–' => 0x96,
        '—' => 0x97,
        _ => return None,
    })
}

/// The text operators for one line: runs of Latin in F1, the rest in F2.
fn show(line: &Line) -> String {
    let mut out = format!("BT {:.1} {:.1} Td ", line.x, line.y);
    let mut run = String::new();
    let mut wide: Option<bool> = None;
    let flush = |out: &mut String, run: &mut String, wide: Option<bool>| {
        if run.is_empty() {
            return;
        }
        let font = if wide == Some(true) { "F2" } else { "F1" };
        let _ = write!(out, "/{font} {:.1} Tf {run} Tj ", line.size);
        run.clear();
    };
    let mut latin_bytes = Vec::new();
    let mut wide_units = String::new();
    for c in line.text.chars() {
        let is_wide = !latin(c);
        if wide != Some(is_wide) {
            finish(&mut run, &mut latin_bytes, &mut wide_units, wide);
            flush(&mut out, &mut run, wide);
            wide = Some(is_wide);
        }
        if is_wide {
            let unit = u16::try_from(u32::from(c)).unwrap_or(u16::from(b'?'));
            let _ = write!(wide_units, "{unit:04X}");
        } else {
            latin_bytes
                .push(winansi(c).unwrap_or_else(|| u8::try_from(u32::from(c)).unwrap_or(b'?')));
        }
    }
    finish(&mut run, &mut latin_bytes, &mut wide_units, wide);
    flush(&mut out, &mut run, wide);
    out.push_str("ET\n");
    out
}

/// Closes the current run into a PDF string: `(…)` with escapes for Latin, `<…>` for wide.
fn finish(run: &mut String, latin: &mut Vec<u8>, wide: &mut String, kind: Option<bool>) {
    match kind {
        Some(true) => {
            *run = format!("<{wide}>");
            wide.clear();
        }
        Some(false) => {
            let mut s = String::from("(");
            for &b in latin.iter() {
                match b {
                    b'(' | b')' | b'\\' => {
                        s.push('\\');
                        s.push(char::from(b));
                    }
                    0x20..=0x7e => s.push(char::from(b)),
                    _ => {
                        let _ = write!(s, "\\{b:03o}");
                    }
                }
            }
            s.push(')');
            *run = s;
            latin.clear();
        }
        None => {}
    }
}

/// The file: catalog, pages, page, two fonts (one a CID font), the content stream, the
/// cross-reference table.
fn write(lines: &[Line]) -> Vec<u8> {
    let content: String = lines.iter().map(show).collect();
    let objects = [
        "<< /Type /Catalog /Pages 2 0 R >>".to_string(),
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_string(),
        format!(
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {WIDTH} {HEIGHT}] \
             /Resources << /Font << /F1 4 0 R /F2 5 0 R >> >> /Contents 7 0 R >>"
        ),
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"
            .to_string(),
        "<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H \
         /DescendantFonts [6 0 R] >>"
            .to_string(),
        "<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light \
         /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 2 >> \
         /FontDescriptor << /Type /FontDescriptor /FontName /STSong-Light /Flags 6 \
         /FontBBox [-25 -254 1000 880] /ItalicAngle 0 /Ascent 880 /Descent -120 \
         /CapHeight 880 /StemV 93 >> /DW 1000 >>"
            .to_string(),
        format!(
            "<< /Length {} >>\nstream\n{content}endstream",
            content.len()
        ),
    ];
    let mut out = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n".to_vec();
    let mut offsets = Vec::new();
    for (n, body) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.extend_from_slice(format!("{} 0 obj\n{body}\nendobj\n", n + 1).as_bytes());
    }
    let xref = out.len();
    let mut table = format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1);
    for o in &offsets {
        let _ = writeln!(table, "{o:010} 00000 n ");
    }
    let _ = write!(
        table,
        "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
        objects.len() + 1
    );
    out.extend_from_slice(table.as_bytes());
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn latin_and_chinese_go_to_their_fonts_with_escapes() {
        let line = Line {
            x: 10.0,
            y: 20.0,
            size: 10.0,
            text: "Robots (live) 机器人 – 2".into(),
        };
        assert_eq!(
            show(&line),
            "BT 10.0 20.0 Td /F1 10.0 Tf (Robots \\(live\\) ) Tj /F2 10.0 Tf <673A56684EBA> Tj \
             /F1 10.0 Tf ( \\226 2) Tj ET\n"
        );
    }

    #[test]
    fn the_cross_reference_table_points_at_every_object() {
        let pdf = write(&[Line {
            x: 0.0,
            y: 0.0,
            size: 1.0,
            text: "x".into(),
        }]);
        // The header's second line is binary, as the standard asks: read the tail as text.
        let tail_from = pdf.len() - 400;
        let tail = std::str::from_utf8(&pdf[tail_from..]).expect("the tail is ASCII");
        let start: usize = tail
            .rsplit("startxref\n")
            .next()
            .and_then(|t| t.lines().next())
            .and_then(|n| n.parse().ok())
            .expect("startxref");
        let table = std::str::from_utf8(&pdf[start..]).expect("ASCII");
        assert!(table.starts_with("xref\n0 8\n"), "{table}");
        for (n, row) in table.lines().skip(3).take(7).enumerate() {
            let offset: usize = row[..10].parse().expect("an offset");
            assert!(
                pdf[offset..].starts_with(format!("{} 0 obj", n + 1).as_bytes()),
                "object {} at {offset}",
                n + 1
            );
        }
    }

    #[test]
    fn long_text_is_cut_to_fit() {
        let cut = fit(&"word ".repeat(100), 10.0, 200.0);
        assert!(cut.ends_with('…'));
        assert!(cut.chars().count() < 60);
        assert_eq!(fit("short", 10.0, 200.0), "short");
    }
}
