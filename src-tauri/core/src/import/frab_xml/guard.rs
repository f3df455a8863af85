//! What the importer will not do with XML: expand custom entities, fetch external DTDs, or
//! keep characters XML forbids.

/// Checks a DOCTYPE's content (what follows `<!DOCTYPE`). Entity declarations are how
/// "billion laughs" and external-entity (XXE) attacks work, and an external DTD would mean
/// fetching a file: both are refused outright, with the reason. A bare `<!DOCTYPE schedule>`
/// (or an internal subset without entities) is harmless and allowed.
pub(super) fn check_doctype(doctype: &str) -> Result<(), &'static str> {
    let upper = doctype.to_ascii_uppercase();
    if upper.contains("<!ENTITY") {
        return Err(
            "the DOCTYPE declares entities (<!ENTITY>); custom entities are never expanded, \
             since that is how entity-expansion (\"billion laughs\") and XXE attacks work",
        );
    }
    // An external identifier comes before the internal subset, if any.
    let external = upper
        .split('[')
        .next()
        .unwrap_or("")
        .split_whitespace()
        .any(|word| word == "SYSTEM" || word == "PUBLIC");
    if external {
        return Err(
            "the DOCTYPE names an external DTD (SYSTEM or PUBLIC); external files are never \
             fetched",
        );
    }
    Ok(())
}

/// The five entities XML predefines; no others exist here, since declaring any is refused.
pub(super) fn predefined_entity(name: &str) -> Option<char> {
    Some(match name {
        "lt" => '<',
        "gt" => '>',
        "amp" => '&',
        "apos" => '\'',
        "quot" => '"',
        _ => return None,
    })
}

/// C0 controls other than tab, newline and carriage return are not XML 1.0 characters.
pub(super) fn is_forbidden_control(c: char) -> bool {
    c < ' ' && !matches!(c, '\t' | '\n' | '\r')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn doctypes() {
        assert!(check_doctype(" schedule").is_ok(), "bare");
        assert!(
            check_doctype(" schedule [ <!ELEMENT schedule ANY> ]").is_ok(),
            "no entities"
        );
        assert!(
            check_doctype(" s [ <!entity a \"b\"> ]").is_err(),
            "any case"
        );
        assert!(check_doctype(" s SYSTEM \"s.dtd\"").is_err(), "external");
        assert!(
            check_doctype(" s [ <!ATTLIST s note CDATA \"SYSTEM\"> ]").is_ok(),
            "SYSTEM inside the subset is not an external id"
        );
    }

    #[test]
    fn controls() {
        assert!(is_forbidden_control('\u{8}'));
        assert!(!is_forbidden_control('\t') && !is_forbidden_control('\n'));
        assert!(!is_forbidden_control('\r') && !is_forbidden_control('\u{7f}'));
    }
}
