//! Phone numbers and other counterparts, normalised for comparison.
//!
//! The text as the user typed it is always what is stored and shown; the normalised key only
//! decides whether two entries came from the same counterpart.

/// The comparison key of a counterpart: for something that looks like a phone number, its
/// digits without separators and without the +86 / 0086 country prefix; otherwise the text
/// in lower case with runs of spaces folded.
pub fn counterpart_key(text: &str) -> String {
    match normalise_phone(text) {
        Some(digits) => digits,
        None => text
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase(),
    }
}

/// The digits of a phone number, or `None` when the text is not a phone number.
///
/// Spaces, dashes, dots and brackets are separators; a leading `+86`, `0086` or `86` before a
/// mobile number is dropped so that `+86 138-0013-8000` and `13800138000` compare equal.
pub fn normalise_phone(text: &str) -> Option<String> {
    let folded = super::halfwidth::to_halfwidth(text);
    let trimmed = folded.trim();
    let mut digits = String::new();
    for (i, c) in trimmed.chars().enumerate() {
        match c {
            '0'..='9' => digits.push(c),
            '+' if i == 0 => {}
            ' ' | '-' | '.' | '(' | ')' | '（' | '）' | '\u{3000}' => {}
            _ => return None,
        }
    }
    if digits.len() < 3 {
        return None;
    }
    let without_country = if let Some(rest) = digits.strip_prefix("0086") {
        rest
    } else if trimmed.starts_with('+') {
        digits.strip_prefix("86").unwrap_or(&digits)
    } else if digits.len() == 13 && digits.starts_with("861") {
        &digits[2..]
    } else {
        &digits
    };
    Some(without_country.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_mobile_written_five_ways() {
        for s in [
            "13800138000",
            "138 0013 8000",
            "138-0013-8000",
            "+86 138 0013 8000",
            "008613800138000",
            "8613800138000",
            "１３８ ００１３ ８０００",
        ] {
            assert_eq!(normalise_phone(s).as_deref(), Some("13800138000"), "{s}");
        }
    }

    #[test]
    fn landlines_and_short_numbers_keep_their_digits() {
        assert_eq!(normalise_phone("(010) 6552-9988").as_deref(), Some("01065529988"));
        assert_eq!(normalise_phone("95588").as_deref(), Some("95588"));
        assert_eq!(normalise_phone("+1 202 555 0100").as_deref(), Some("12025550100"));
    }

    #[test]
    fn addresses_are_not_phones() {
        assert_eq!(normalise_phone("scam@example.com"), None);
        assert_eq!(counterpart_key("  Scam@Example.com "), "scam@example.com");
        assert_eq!(counterpart_key("某某 贷款公司"), "某某 贷款公司");
    }
}
