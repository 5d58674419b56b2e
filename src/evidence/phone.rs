//! Phone numbers and other counterparts, normalised for comparison.
//!
//! The text as the user typed it is always what is stored and shown; the normalised key only
//! decides whether two entries came from the same counterpart.

use crate::text::halfwidth::fold_char;

/// The comparison key of a counterpart: for something that looks like a phone number, the
/// key of [`normalise_phone`]; otherwise the text folded as [`fold_char`] folds it, in lower
/// case, with runs of spaces folded to one.
pub fn counterpart_key(text: &str) -> String {
    // A `+` or a trunk `0` may be put in front of the digits.
    let mut key = String::with_capacity(text.len() + 1);
    write_counterpart_key(text, &mut key);
    key
}

/// [`counterpart_key`] written into `out` (whatever it held is replaced), for a loop over
/// many entries that reuses one buffer; true when the key is a phone number's.
pub fn write_counterpart_key(text: &str, out: &mut String) -> bool {
    let text = without_tel(text);
    // Text in ASCII (most numbers and addresses) is read a byte at a time: of the characters
    // `fold_char` changes, only its spaces are ASCII.
    if text.is_ascii() {
        let folded = || {
            text.bytes()
                .map(|b| char::from(if is_ascii_space(b) { b' ' } else { b }))
        };
        return write_key_of(folded, out);
    }
    write_key_of(|| text.chars().filter_map(fold_char), out)
}

/// The ASCII characters `char::is_whitespace` takes as space.
fn is_ascii_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | 0x0b | 0x0c | b'\r')
}

/// [`write_counterpart_key`] of the folded characters `folded` gives (each call starts them
/// again).
fn write_key_of<I: Iterator<Item = char>>(folded: impl Fn() -> I, out: &mut String) -> bool {
    if write_phone_digits(folded(), out) {
        return true;
    }
    out.clear();
    let mut space = false;
    for c in folded() {
        if c.is_whitespace() {
            space = !out.is_empty();
        } else {
            if space {
                out.push(' ');
                space = false;
            }
            out.push(c);
        }
    }
    if out.is_ascii() {
        out.make_ascii_lowercase();
    } else {
        *out = out.to_lowercase();
    }
    false
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
    let mut key = String::with_capacity(text.len() + 1);
    write_phone_key(text, &mut key).then_some(key)
}

/// [`normalise_phone`] written into `out` (whatever it held is replaced); false, and `out`
/// left holding nothing of use, when the text is not a phone number.
fn write_phone_key(text: &str, out: &mut String) -> bool {
    write_phone_digits(without_tel(text).chars().filter_map(fold_char), out)
}

/// A number written as a link (`tel:+86-138…`, RFC 3966) without its `tel:`.
fn without_tel(text: &str) -> &str {
    let t = text.trim_start();
    match t.get(..4) {
        Some(p) if p.eq_ignore_ascii_case("tel:") => &t[4..],
        _ => text,
    }
}

/// The ASCII digit a decimal digit of another script stands for: Arabic-Indic, Extended
/// Arabic-Indic, Devanagari, Bengali, Thai, Lao, Myanmar, Khmer, the mathematical digits
/// and the circled ① … ⑨ (Unicode Nd blocks of ten, and the enclosed forms).
fn ascii_digit(c: char) -> Option<char> {
    const ZEROS: [u32; 8] = [0x0660, 0x06F0, 0x0966, 0x09E6, 0x0E50, 0x0ED0, 0x1040, 0x17E0];
    let u = u32::from(c);
    let value = ZEROS
        .iter()
        .find(|z| (**z..*z + 10).contains(&u))
        .map(|z| u - z)
        .or_else(|| (0x1D7CE..=0x1D7FF).contains(&u).then(|| (u - 0x1D7CE) % 10))
        .or_else(|| (0x2460..=0x2468).contains(&u).then(|| u - 0x2460 + 1))?;
    char::from_digit(value, 10)
}

/// A character that may stand around or inside a written number without making it text:
/// an invisible one, or a symbol that is no letter or digit (📞, ☎, ・).
fn ignorable_in_number(c: char) -> bool {
    !c.is_ascii() && (crate::text::invisible::is_invisible(c) || !(c.is_alphanumeric() || c.is_whitespace()))
}

/// [`write_phone_key`] of characters already folded.
fn write_phone_digits(folded: impl Iterator<Item = char>, out: &mut String) -> bool {
    out.clear();
    let mut plus = false;
    for c in folded {
        match ascii_digit(c).unwrap_or(c) {
            d @ '0'..='9' => out.push(d),
            '+' if out.is_empty() && !plus => plus = true,
            ' ' | '-' | '.' | '(' | ')' | '（' | '）' | '－' | '—' => {}
            c if ignorable_in_number(c) => {}
            _ => return false,
        }
    }
    if out.len() < 3 {
        return false;
    }
    // Where the digits after an international prefix (`+` or `00`) start.
    let international = if plus {
        Some(0)
    } else {
        (out.starts_with("00") && !out[2..].starts_with('0')).then_some(2)
    };
    let national = match international {
        Some(at) if out[at..].starts_with("86") => at + 2,
        Some(at) => {
            out.replace_range(..at, "+");
            return true;
        }
        None if out.len() == 13 && out.starts_with("861") => 2,
        None => 0,
    };
    // `+86 (0) 138 …`: the trunk 0 some write in brackets after the country code is not
    // part of a mobile number.
    if international.is_some() && out[national..].len() == 12 && out[national..].starts_with("01") {
        out.remove(national);
    }
    // After +86 a landline is written without its trunk 0 (+86 10 …, +86 755 …); a 400 or
    // 800 number has none.
    let digits = &out[national..];
    let mobile = digits.len() == 11 && digits.starts_with('1');
    let service = digits.len() == 10 && (digits.starts_with("400") || digits.starts_with("800"));
    if international.is_some() && !mobile && !service && digits.len() >= 9 && !digits.starts_with('0') {
        out.replace_range(..national, "0");
    } else {
        out.replace_range(..national, "");
    }
    true
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
    fn one_number_however_a_hostile_text_writes_it() {
        for s in [
            "138\u{2800}0013 8000",
            "📞13800138000",
            "☎ 138-0013-8000",
            "tel:+86-138-0013-8000",
            "TEL:13800138000",
            "+86 (0) 138 0013 8000",
            "\u{0661}\u{0663}\u{0668}\u{0660}\u{0660}\u{0661}\u{0663}\u{0668}\u{0660}\u{0660}\u{0660}",
            "\u{1041}\u{1043}\u{1048}00138000",
        ] {
            assert_eq!(normalise_phone(s).as_deref(), Some("13800138000"), "{s:?}");
            assert_eq!(counterpart_key(s), "13800138000", "{s:?}");
        }
        assert_eq!(normalise_phone("+86 400 800 8888").as_deref(), Some("4008008888"));
        assert_eq!(
            normalise_phone("+86 (0)755 8888 1234").as_deref(),
            Some("075588881234")
        );
        assert_eq!(counterpart_key("客服📞"), "客服📞", "text stays text");
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

    /// The keys as they were first worked out, one new string per step.
    fn key_by_steps(text: &str) -> String {
        let mut digits = String::new();
        let mut plus = false;
        let mut phone = true;
        for c in text.chars().filter_map(fold_char) {
            match c {
                '0'..='9' => digits.push(c),
                '+' if digits.is_empty() && !plus => plus = true,
                ' ' | '-' | '.' | '(' | ')' | '（' | '）' | '－' | '—' => {}
                _ => phone = false,
            }
        }
        if phone && digits.len() >= 3 {
            let international = if plus {
                Some(digits.as_str())
            } else {
                digits.strip_prefix("00").filter(|rest| !rest.starts_with('0'))
            };
            let national = match international {
                Some(rest) => match rest.strip_prefix("86") {
                    Some(cn) => cn,
                    None => return format!("+{rest}"),
                },
                None if digits.len() == 13 && digits.starts_with("861") => &digits[2..],
                None => &digits,
            };
            let national = match national.strip_prefix('0') {
                Some(m) if international.is_some() && m.len() == 11 && m.starts_with('1') => m,
                _ => national,
            };
            let mobile = national.len() == 11 && national.starts_with('1');
            let service =
                national.len() == 10 && (national.starts_with("400") || national.starts_with("800"));
            if international.is_some()
                && !mobile
                && !service
                && national.len() >= 9
                && !national.starts_with('0')
            {
                return format!("0{national}");
            }
            return national.to_string();
        }
        let folded: String = text.chars().filter_map(fold_char).collect();
        folded
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase()
    }

    proptest::proptest! {
        #[test]
        fn one_buffer_gives_the_keys_the_steps_gave(
            text in "[0-9０-９+＋ \u{3000}\u{200b}().（）—-]{0,16}|(00|[+])?86?1?[0-9 -]{0,14}|[ a-zA-ZΣσ@.某\u{3000}]{0,12}",
        ) {
            let mut buf = String::from("left over");
            let phone = write_counterpart_key(&text, &mut buf);
            proptest::prop_assert_eq!(&buf, &key_by_steps(&text));
            proptest::prop_assert_eq!(phone, normalise_phone(&text).is_some());
        }
    }

    #[test]
    fn addresses_are_not_phones() {
        assert_eq!(normalise_phone("scam@example.com"), None);
        assert_eq!(counterpart_key("  Scam@Example.com "), "scam@example.com");
        assert_eq!(counterpart_key("某某 贷款公司"), "某某 贷款公司");
    }
}
