//! Phone numbers and other counterparts, normalised for comparison.
//!
//! The text as the user typed it is always what is stored and shown; the normalised key only
//! decides whether two entries came from the same counterpart.

use super::halfwidth::fold_char;

/// The comparison key of a counterpart: for something that looks like a phone number, the
/// key of [`normalise_phone`]; otherwise the text folded as [`fold_char`] folds it, in lower
/// case, with runs of spaces folded to one.
pub fn counterpart_key(text: &str) -> String {
    match normalise_phone(text) {
        Some(digits) => digits,
        None => {
            let folded: String = text.chars().filter_map(fold_char).collect();
            folded
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
                .to_lowercase()
        }
    }
}

/// The key of a phone number, or `None` when the text is not a phone number.
///
/// Spaces, dashes, dots and brackets (ASCII or full-width) are separators; full-width digits
/// count as digits; invisible characters are ignored. A mainland number loses its `+86`,
/// `0086` or `86` prefix, and a landline written after `+86` gets its trunk `0` back, so
/// `+86 138-0013-8000` and `１３８００１３８０００` compare equal, as do `+86 755 8888 1234` and
/// `0755-88881234`. A number abroad keeps its country code after a `+` (`+85512345678`),
/// whether it was written `+855` or `00855`.
pub fn normalise_phone(text: &str) -> Option<String> {
    let mut digits = String::new();
    let mut plus = false;
    for c in text.chars().filter_map(fold_char) {
        match c {
            '0'..='9' => digits.push(c),
            '+' if digits.is_empty() && !plus => plus = true,
            ' ' | '-' | '.' | '(' | ')' | '（' | '）' | '－' | '—' => {}
            _ => return None,
        }
    }
    if digits.len() < 3 {
        return None;
    }
    let international = if plus {
        Some(digits.as_str())
    } else {
        digits.strip_prefix("00").filter(|rest| !rest.starts_with('0'))
    };
    let national = match international {
        Some(rest) => match rest.strip_prefix("86") {
            Some(cn) => cn,
            None => return Some(format!("+{rest}")),
        },
        None if digits.len() == 13 && digits.starts_with("861") => &digits[2..],
        None => &digits,
    };
    // After +86 a landline is written without its trunk 0 (+86 10 …, +86 755 …).
    let mobile = national.len() == 11 && national.starts_with('1');
    if international.is_some() && !mobile && national.len() >= 9 && !national.starts_with('0') {
        return Some(format!("0{national}"));
    }
    Some(national.to_string())
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
        assert_eq!(
            normalise_phone("+1 202 555 0100").as_deref(),
            Some("+12025550100")
        );
    }

    #[test]
    fn addresses_are_not_phones() {
        assert_eq!(normalise_phone("scam@example.com"), None);
        assert_eq!(counterpart_key("  Scam@Example.com "), "scam@example.com");
        assert_eq!(counterpart_key("某某 贷款公司"), "某某 贷款公司");
    }
}
