//! Pre-tokenisation for Chinese (and other CJK) text.
//!
//! SQLite's `unicode61` tokenizer treats a run of Han characters as one "word", so 智能 never
//! matches inside 世界人工智能大会; the `trigram` tokenizer finds substrings but nothing shorter than
//! three characters. We index CJK runs as overlapping bigrams (世界 界人 人工 工智 智能 能大 大会) in the
//! text columns and as single characters in a separate column. A query is then:
//! - one character: that character, in the single-character column;
//! - two characters: that bigram;
//! - longer: the phrase of its consecutive bigrams, which matches exactly the substring.
//!
//! Latin text passes through untouched for `unicode61` (case folding, diacritics) with prefix
//! queries, so "robot" finds "Robotics".

/// Whether `c` is written without spaces between words (Han, kana, Hangul, CJK punctuation aside).
pub fn is_cjk(c: char) -> bool {
    matches!(c,
        '\u{3040}'..='\u{30ff}'   // Hiragana, Katakana
        | '\u{3400}'..='\u{4dbf}' // CJK Extension A
        | '\u{4e00}'..='\u{9fff}' // CJK Unified Ideographs
        | '\u{f900}'..='\u{faff}' // Compatibility Ideographs
        | '\u{ac00}'..='\u{d7af}' // Hangul syllables
        | '\u{20000}'..='\u{2ffff}')
}

/// Whether SQLite's `unicode61` tokenizer keeps `c` in a token whatever its version: kana,
/// Han and Hangul letters assigned by Unicode 3.0 (the katakana length and iteration marks
/// among them). Not the combining marks, punctuation or later additions that [`is_cjk`] also
/// takes, which a tokenizer may split on.
fn kept_in_tokens(c: char) -> bool {
    matches!(c,
        '\u{3041}'..='\u{3094}'   // Hiragana letters
        | '\u{30a1}'..='\u{30fa}' // Katakana letters
        | '\u{30fc}'..='\u{30fe}' // Katakana prolonged sound and iteration marks (Lm)
        | '\u{3400}'..='\u{4db5}' // CJK Extension A
        | '\u{4e00}'..='\u{9fa5}' // CJK Unified Ideographs
        | '\u{ac00}'..='\u{d7a3}') // Hangul syllables
}

/// Every CJK character (see [`is_cjk`]) starts with a UTF-8 lead byte of at least this value
/// (U+3040 is `E3 81 80`), and no other byte of any character has it: text can be skipped up
/// to such a byte without decoding what comes before.
const CJK_LEAD: u8 = 0xE3;

/// Where the next character that may be CJK starts in `text`, from byte `from` on.
fn next_maybe_cjk(text: &str, from: usize) -> Option<usize> {
    text.as_bytes()[from..]
        .iter()
        .position(|&b| b >= CJK_LEAD)
        .map(|n| from + n)
}

/// Indexed text: Latin kept as is, CJK runs as bigrams. Appends to `out`.
///
/// Text between CJK runs is copied as whole slices, and skipped up to the next byte that may
/// start a CJK character without decoding it: indexing is a large part of an import, and most
/// of a European programme is ASCII.
pub fn bigram_text(text: &str, out: &mut String) {
    let mut run: Vec<char> = Vec::new();
    // Start of the text not yet copied to `out`, while outside a CJK run.
    let mut pending = 0;
    let mut i = 0;
    while i < text.len() {
        if run.is_empty() {
            match next_maybe_cjk(text, i) {
                Some(at) => i = at,
                None => break,
            }
        }
        // `i` is at a char start before the end, so this always decodes one.
        let Some(c) = text[i..].chars().next() else {
            break;
        };
        if is_cjk(c) {
            if run.is_empty() {
                out.push_str(&text[pending..i]);
            }
            run.push(c);
        } else if !run.is_empty() {
            flush_bigrams(&mut run, out);
            pending = i;
        }
        i += c.len_utf8();
    }
    if run.is_empty() {
        out.push_str(&text[pending..]);
    } else {
        flush_bigrams(&mut run, out);
    }
    out.push(' ');
}

fn flush_bigrams(run: &mut Vec<char>, out: &mut String) {
    if run.is_empty() {
        return;
    }
    out.push(' ');
    if run.len() == 1 {
        out.push(run[0]);
    } else {
        for pair in run.windows(2) {
            out.push(pair[0]);
            out.push(pair[1]);
            out.push(' ');
        }
    }
    out.push(' ');
    run.clear();
}

/// Every CJK character of `text`, space-separated. Appends to `out`.
pub fn unigram_text(text: &str, out: &mut String) {
    if text.is_ascii() {
        return;
    }
    let mut i = 0;
    while let Some(at) = next_maybe_cjk(text, i) {
        // A lead byte starts a char, so this always decodes one.
        let Some(c) = text[at..].chars().next() else {
            break;
        };
        if is_cjk(c) {
            out.push(c);
            out.push(' ');
        }
        i = at + c.len_utf8();
    }
}

/// One piece of a query.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Term {
    /// A Latin (or other spaced-script) word, matched as a prefix.
    Word(String),
    /// A run of CJK characters, matched as a substring.
    Cjk(String),
}

/// Splits a query into terms. Punctuation separates words and is otherwise ignored, so no
/// user text reaches FTS5's query syntax unquoted.
pub fn terms(query: &str) -> Vec<Term> {
    let mut out = Vec::new();
    let mut word = String::new();
    let mut run = String::new();
    for c in query.chars() {
        if is_cjk(c) {
            if !word.is_empty() {
                out.push(Term::Word(std::mem::take(&mut word)));
            }
            run.push(c);
        } else {
            if !run.is_empty() {
                out.push(Term::Cjk(std::mem::take(&mut run)));
            }
            if c.is_alphanumeric() {
                word.push(c);
            } else if !word.is_empty() {
                out.push(Term::Word(std::mem::take(&mut word)));
            }
        }
    }
    if !word.is_empty() {
        out.push(Term::Word(word));
    }
    if !run.is_empty() {
        out.push(Term::Cjk(run));
    }
    out
}

/// The FTS5 MATCH expression for `terms`: all terms required, each quoted.
pub fn match_expression(terms: &[Term]) -> String {
    let quote = |s: &str| format!("\"{}\"", s.replace('"', "\"\""));
    terms
        .iter()
        .map(|term| match term {
            Term::Word(w) => format!("{}*", quote(w)),
            Term::Cjk(run) => {
                let chars: Vec<char> = run.chars().collect();
                if chars.len() == 1 {
                    format!("grams : {}", quote(run))
                } else {
                    let bigrams: Vec<String> = chars
                        .windows(2)
                        .map(|p| p.iter().collect::<String>())
                        .collect();
                    let phrase = quote(&bigrams.join(" "));
                    // grams holds single characters, so a bigram of two letters the tokenizer
                    // keeps is found in title and body only, and the column filter (for which
                    // FTS5 copies each match's positions) can go. Other characters, such as
                    // the katakana middle dot, split a bigram into one-character tokens, and
                    // those are in grams too.
                    if chars.iter().all(|&c| kept_in_tokens(c)) {
                        phrase
                    } else {
                        format!("{{title body}} : {phrase}")
                    }
                }
            }
        })
        .collect::<Vec<_>>()
        .join(" AND ")
}

/// Character ranges `[start, end)` in `text` where a term matches, for highlighting.
pub fn highlights(text: &str, terms: &[Term]) -> Vec<[usize; 2]> {
    Highlighter::new(terms).ranges(text)
}

/// [`highlights`] for many texts and one query: the terms are lowercased once, and one buffer
/// holds each text's lowercased characters. A search highlights every row it reads.
pub(crate) struct Highlighter {
    /// Each term's characters, and whether it must match at the start of a word.
    needles: Vec<(Vec<char>, bool)>,
    lower: Vec<char>,
}

impl Highlighter {
    pub(crate) fn new(terms: &[Term]) -> Highlighter {
        let needles = terms
            .iter()
            .map(|term| match term {
                Term::Word(w) => (w.chars().flat_map(char::to_lowercase).collect(), true),
                Term::Cjk(run) => (run.chars().collect(), false),
            })
            .filter(|(needle, _): &(Vec<char>, bool)| !needle.is_empty())
            .collect();
        Highlighter {
            needles,
            lower: Vec::new(),
        }
    }

    /// `text` lowercased into `self.lower`, character for character; false if lowercasing
    /// changed its length (a few letters do), and nothing is highlighted in it then.
    fn lowercase(&mut self, text: &str) -> bool {
        let lower = &mut self.lower;
        lower.clear();
        let mut count = 0;
        for c in text.chars() {
            count += 1;
            if c.is_ascii() {
                lower.push(c.to_ascii_lowercase());
            } else if is_cjk(c) {
                // Han, kana and Hangul have no case: no need to look them up.
                lower.push(c);
            } else {
                lower.extend(c.to_lowercase());
            }
        }
        lower.len() == count
    }

    /// Where `needle` is in the lowercased text, a word's start for a word.
    fn matches<'a>(
        lower: &'a [char],
        (needle, word_start): &'a (Vec<char>, bool),
    ) -> impl Iterator<Item = usize> + 'a {
        let last = (lower.len() + 1).saturating_sub(needle.len());
        (0..last).filter(move |&i| {
            lower[i] == needle[0]
                && lower[i..i + needle.len()] == needle[..]
                && (!word_start
                    || i == 0
                    || !lower[i - 1].is_alphanumeric()
                    || is_cjk(lower[i - 1]))
        })
    }

    /// Which of the first 64 terms `text` holds where [`Highlighter::ranges`] would highlight
    /// them: bit `i` for term `i`. A text whose lowercasing changes its length (it has a letter
    /// such as `İ`) gets no highlights, but is searched all the same.
    pub(crate) fn held(&mut self, text: &str) -> u64 {
        // Where a term is does not matter here, so a change of length does not either.
        self.lowercase(text);
        self.needles
            .iter()
            .take(64)
            .enumerate()
            .filter(|(_, n)| Self::matches(&self.lower, n).next().is_some())
            .fold(0, |held, (i, _)| held | 1 << i)
    }

    /// The terms [`Highlighter::held`] looks for: one bit for each of the first 64.
    pub(crate) fn every_term(&self) -> u64 {
        match self.needles.len() {
            n @ 0..64 => (1 << n) - 1,
            _ => u64::MAX,
        }
    }

    /// The merged ranges in `text`, as [`highlights`] returns them.
    pub(crate) fn ranges(&mut self, text: &str) -> Vec<[usize; 2]> {
        if !self.lowercase(text) {
            return Vec::new();
        }
        let mut ranges = Vec::new();
        for needle in &self.needles {
            ranges.extend(Self::matches(&self.lower, needle).map(|i| [i, i + needle.0.len()]));
        }
        ranges.sort_unstable();
        let mut merged: Vec<[usize; 2]> = Vec::with_capacity(ranges.len());
        for r in ranges {
            match merged.last_mut() {
                Some(last) if r[0] <= last[1] => last[1] = last[1].max(r[1]),
                _ => merged.push(r),
            }
        }
        merged
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cjk_runs_become_bigrams() {
        let mut out = String::new();
        bigram_text("WAIC 世界人工智能大会", &mut out);
        let tokens: Vec<&str> = out.split_whitespace().collect();
        assert_eq!(
            tokens,
            ["WAIC", "世界", "界人", "人工", "工智", "智能", "能大", "大会"]
        );
    }

    #[test]
    fn bigram_text_keeps_latin_between_cjk_runs() {
        let mut out = String::new();
        bigram_text("AI世界x人工智能 café", &mut out);
        assert_eq!(out, "AI 世界  x 人工 工智 智能   café ");
        let mut out = String::new();
        bigram_text("智", &mut out);
        assert_eq!(out, " 智  ");
    }

    #[test]
    fn every_cjk_char_starts_with_a_lead_byte_at_or_above_cjk_lead() {
        // If is_cjk ever takes a range below U+3040, CJK_LEAD must come down with it.
        for c in (0..=u32::from(char::MAX))
            .filter_map(char::from_u32)
            .filter(|&c| is_cjk(c))
        {
            assert!(
                c.encode_utf8(&mut [0; 4]).as_bytes()[0] >= CJK_LEAD,
                "{c:?}"
            );
        }
    }

    /// Every pair of characters `kept_in_tokens` takes is one two-character token to the
    /// index's tokenizer, as `match_expression` assumes when it drops the column filter.
    #[test]
    fn kept_characters_make_whole_bigram_tokens() {
        let kept: Vec<char> = (0..=u32::from(char::MAX))
            .filter_map(char::from_u32)
            .filter(|&c| kept_in_tokens(c))
            .collect();
        let text = kept
            .chunks_exact(2)
            .map(|pair| pair.iter().collect::<String>())
            .collect::<Vec<_>>()
            .join(" ");
        let conn = rusqlite::Connection::open_in_memory().expect("open");
        conn.execute_batch(
            "CREATE VIRTUAL TABLE t USING fts5(x, tokenize = 'unicode61 remove_diacritics 2');
             CREATE VIRTUAL TABLE v USING fts5vocab(t, 'row');",
        )
        .expect("tables");
        conn.execute("INSERT INTO t (x) VALUES (?1)", [&text])
            .expect("insert");
        let (bigrams, others): (i64, i64) = conn
            .query_row(
                "SELECT coalesce(sum(cnt) FILTER (WHERE length(term) = 2), 0),
                        coalesce(sum(cnt) FILTER (WHERE length(term) <> 2), 0) FROM v",
                [],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .expect("count");
        assert_eq!(bigrams as usize, kept.len() / 2, "every pair is one token");
        assert_eq!(others, 0, "no pair is split or joined");
    }

    #[test]
    fn cjk_characters_have_no_case() {
        // The highlighter copies CJK characters without lowercasing them.
        for c in (0..=u32::from(char::MAX))
            .filter_map(char::from_u32)
            .filter(|&c| is_cjk(c))
        {
            assert!(c.to_lowercase().eq([c]), "{c:?}");
        }
    }

    #[test]
    fn skipping_to_lead_bytes_gives_what_reading_every_char_gives() {
        // What bigram_text and unigram_text did before they skipped: every char decoded.
        fn by_char(text: &str) -> (String, String) {
            let (mut bigrams, mut unigrams) = (String::new(), String::new());
            let mut run = Vec::new();
            for c in text.chars() {
                if is_cjk(c) {
                    run.push(c);
                    unigrams.push(c);
                    unigrams.push(' ');
                } else {
                    flush_bigrams(&mut run, &mut bigrams);
                    bigrams.push(c);
                }
            }
            flush_bigrams(&mut run, &mut bigrams);
            bigrams.push(' ');
            (bigrams, unigrams)
        }
        // 2-, 3- and 4-byte characters that are not CJK (é, €, —, emoji), Hangul, Kana, CJK
        // Extension B, and runs at either end.
        for text in [
            "",
            "plain ASCII",
            "café € — 🤖 robots",
            "人工智能",
            "AI世界x人工智能 café",
            "한국어 and カタカナ",
            "𠀀𠀁 ext-B",
            "智",
            "x智",
            "智x",
            "🤖智能🤖",
            "é智é能é",
            // CJK punctuation and fullwidth forms: lead bytes E3 and EF, not CJK.
            "人工，智能。",
            "「智」",
            // Each edge of the ranges is_cjk accepts.
            "\u{303F}\u{3040}\u{30FF}\u{3100}",
            "\u{33FF}\u{3400}\u{4DBF}\u{4DC0}\u{4DFF}\u{4E00}\u{9FFF}\u{A000}",
            "\u{ABFF}\u{AC00}\u{D7AF}\u{D7B0}\u{F8FF}\u{F900}\u{FAFF}\u{FB00}",
            "\u{1FFFF}\u{20000}\u{2FFFF}\u{30000}",
        ] {
            let (mut bigrams, mut unigrams) = (String::new(), String::new());
            bigram_text(text, &mut bigrams);
            unigram_text(text, &mut unigrams);
            assert_eq!((bigrams, unigrams), by_char(text), "for {text:?}");
        }
    }

    #[test]
    fn query_terms_split_scripts() {
        assert_eq!(
            terms("AI机器人, robot's"),
            [
                Term::Word("AI".into()),
                Term::Cjk("机器人".into()),
                Term::Word("robot".into()),
                Term::Word("s".into())
            ]
        );
        assert_eq!(terms("\"*:)"), []);
    }

    #[test]
    fn match_expressions_quote_everything() {
        let expr = match_expression(&terms("智 智能 机器人 robo"));
        assert_eq!(
            expr,
            "grams : \"智\" AND \"智能\" AND \"机器 器人\" AND \"robo\"*"
        );
        assert_eq!(
            match_expression(&terms("ト・")),
            "{title body} : \"ト・\"",
            "the middle dot is no letter to the tokenizer: ト alone is in grams too"
        );
    }

    #[test]
    fn highlights_words_at_their_start_and_cjk_anywhere() {
        let t = terms("robot 智能");
        assert_eq!(
            highlights("Unitree Robotics 世界人工智能大会", &t),
            [[8, 13], [21, 23]]
        );
        assert_eq!(
            highlights("carrobot", &terms("robot")),
            Vec::<[usize; 2]>::new()
        );
    }

    /// Bit `i` of `held` is set exactly when term `i` alone would be highlighted; a text with a
    /// letter that lowercases longer is highlighted nowhere but still holds its terms.
    #[test]
    fn held_marks_the_terms_that_would_be_highlighted() {
        let texts = [
            "Unitree Robotics 世界人工智能大会",
            "carrobot",
            "Large language models",
            "Large X",
            "智能手机 robot",
            "",
        ];
        for query in ["robot 智能", "large mod", "智能 机器 robot", "x"] {
            let all = terms(query);
            let mut marker = Highlighter::new(&all);
            assert_eq!(marker.every_term(), (1 << all.len()) - 1, "{query:?}");
            for text in texts {
                let expected = all.iter().enumerate().fold(0, |bits, (i, term)| {
                    let alone = Highlighter::new(std::slice::from_ref(term)).ranges(text);
                    bits | u64::from(!alone.is_empty()) << i
                });
                assert_eq!(marker.held(text), expected, "{text:?} for {query:?}");
            }
        }
        let mut marker = Highlighter::new(&terms("robot istanbul"));
        assert!(
            marker.ranges("İstanbul robots").is_empty(),
            "İ lowercases longer"
        );
        assert_eq!(
            marker.held("İstanbul robots"),
            0b01,
            "robot held, İstanbul is not istanbul"
        );
    }
}
