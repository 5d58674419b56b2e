//! The one sanitiser for text: what the user types, pastes or imports before it is stored,
//! and everything shown on a terminal or printed.
//!
//! Stored text reaches the PDF and the terminal of the next `leakaid list`, so control codes,
//! terminal escape sequences and bidi controls are removed here, once, for every input path
//! ([`clean_text`], [`clean_line`]). A journal can be edited by hand, so what is read back is
//! cleaned again when it is shown ([`shown_line`], [`shown_text`]).

pub mod capital;
pub mod halfwidth;
pub mod invisible;
pub mod json;
pub mod notepad;

use std::borrow::Cow;

/// Longest free text (a summary, a note, a reason) accepted, in characters.
pub const MAX_TEXT_CHARS: usize = 20_000;
/// Longest one-line value (a counterpart, a name, a number) accepted, in characters.
pub const MAX_LINE_CHARS: usize = 500;

/// Why a text was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TextError {
    /// The text is longer than the field allows.
    #[error("text too long: {chars} characters, at most {max}")]
    TooLong {
        /// Characters after sanitising.
        chars: usize,
        /// The limit for this field.
        max: usize,
    },
}

/// Bidi embeddings, overrides, isolates and marks: they reorder what is shown around them.
fn is_bidi_control(c: char) -> bool {
    matches!(
        c,
        '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' | '\u{061C}'
    )
}

/// True when `c` is never kept as it is: a control code (C0, C1, DEL), a bidi control, or a
/// Unicode line or paragraph separator.
fn needs_cleaning(c: char) -> bool {
    c.is_control() || is_bidi_control(c) || c == '\u{2028}' || c == '\u{2029}'
}

/// Whether any character of `s` (other than `\n` when `newline_kept`) [`needs_cleaning`],
/// read from the UTF-8 bytes: every such character starts with a byte below 0x20, 0x7F, or
/// one of the lead bytes 0xC2 (C1 controls), 0xD8 (U+061C) and 0xE2 (U+200E…U+2069).
/// Eight bytes at a time are tested for those, so most text (Chinese included) is passed
/// over without looking at each byte, and a candidate is judged from its bytes without
/// decoding it. Every line printed goes through this.
fn any_needs_cleaning(s: &str, newline_kept: bool) -> bool {
    use crate::bytescan::{any_byte, has_below, has_byte};
    let b = s.as_bytes();
    any_byte(
        b,
        b' ',
        |w| {
            has_below(w, 0x20)
                || has_byte(w, 0x7f)
                || has_byte(w, 0xc2)
                || has_byte(w, 0xd8)
                || has_byte(w, 0xe2)
        },
        |i| starts_unclean(b, i, newline_kept),
    )
}

/// True when the character starting at byte `i` of `b` (valid UTF-8) [`needs_cleaning`]
/// (`\n` excepted when `newline_kept`); false at a byte inside a character.
fn starts_unclean(b: &[u8], i: usize, newline_kept: bool) -> bool {
    let next = |k: usize| b.get(i + k).copied().unwrap_or(0);
    match next(0) {
        b'\n' => !newline_kept,
        0..0x20 | 0x7f => true,
        // U+0080…U+009F, the C1 controls.
        0xc2 => (0x80..=0x9f).contains(&next(1)),
        // U+061C, the Arabic letter mark.
        0xd8 => next(1) == 0x9c,
        0xe2 => match next(1) {
            // U+200E, U+200F, U+2028…U+202E.
            0x80 => matches!(next(2), 0x8e | 0x8f | 0xa8..=0xae),
            // U+2066…U+2069.
            0x81 => matches!(next(2), 0xa6..=0xa9),
            _ => false,
        },
        _ => false,
    }
}

/// Escape sequences, control codes and bidi controls removed; every line break becomes `\n`,
/// a tab a space. Nothing is trimmed.
fn scrub(input: &str) -> String {
    let unescaped = strip_escapes(input);
    let normalised = unescaped.replace("\r\n", "\n").replace('\r', "\n");
    let mut out = String::with_capacity(normalised.len());
    for c in normalised.chars() {
        match c {
            '\n' | '\u{2028}' | '\u{2029}' => out.push('\n'),
            '\t' => out.push(' '),
            c if needs_cleaning(c) => {}
            c => out.push(c),
        }
    }
    out
}

/// Text read back from a case (or from outside), made safe to show on one line of a terminal
/// or a page: escape sequences, control codes and bidi controls removed, and each line break
/// shown as a space, so a value can never start a line of its own.
pub fn shown_line(s: &str) -> Cow<'_, str> {
    if !any_needs_cleaning(s, false) {
        return Cow::Borrowed(s);
    }
    Cow::Owned(scrub(s).replace('\n', " "))
}

/// A phone number, email address or ID number read back from the victim's profile, as the
/// letters and the packet print it: cleaned like [`shown_line`], full-width forms folded to
/// ASCII (an older version stored "１３９…" as it was typed) and trimmed.
pub fn shown_contact(s: &str) -> String {
    halfwidth::to_halfwidth(&shown_line(s)).trim().to_string()
}

/// A counterpart (number, address, sender) as the packet and the letters print it: cleaned
/// like [`shown_line`], with full-width digits, Latin letters and the signs of numbers and
/// addresses (`＋ － ＠ ． ＿`, the ideographic space) folded to ASCII, so a number typed
/// "１０６９ 0000 1234" with an input method prints 1069 0000 1234. Chinese punctuation in a
/// name (（）：，) stays as written; the record itself is never changed.
pub fn shown_counterpart(s: &str) -> String {
    shown_line(s)
        .chars()
        .map(|c| match c {
            '０'..='９' | 'Ａ'..='Ｚ' | 'ａ'..='ｚ' | '＋' | '－' | '＠' | '．' | '＿' | '\u{3000}' => {
                halfwidth::halfwidth_char(c)
            }
            c => c,
        })
        .collect::<String>()
        .trim()
        .to_string()
}

/// Multi-line text read back from a case (or a whole message) made safe to show: like
/// [`shown_line`], but line breaks stay (as `\n`).
pub fn shown_text(s: &str) -> Cow<'_, str> {
    if !any_needs_cleaning(s, true) {
        return Cow::Borrowed(s);
    }
    Cow::Owned(scrub(s))
}

/// Removes terminal escape sequences (CSI `ESC [ … final`, OSC `ESC ] … BEL/ST`, and
/// two-byte `ESC x`) so that no trace of them (like `[31m`) is left in the text.
fn strip_escapes(input: &str) -> String {
    let mut out = String::with_capacity(input.len());
    let mut chars = input.chars().peekable();
    while let Some(c) = chars.next() {
        if c != '\u{1b}' && c != '\u{9b}' {
            out.push(c);
            continue;
        }
        let kind = if c == '\u{9b}' { Some('[') } else { chars.next() };
        match kind {
            Some('[') => {
                // Parameters and intermediates, then one final byte in 0x40..=0x7E.
                for d in chars.by_ref() {
                    if ('\u{40}'..='\u{7e}').contains(&d) {
                        break;
                    }
                }
            }
            Some(']') | Some('P') | Some('_') | Some('^') | Some('X') => {
                // String sequences end with BEL or ESC \.
                while let Some(d) = chars.next() {
                    if d == '\u{7}' {
                        break;
                    }
                    if d == '\u{1b}' {
                        if chars.peek() == Some(&'\\') {
                            chars.next();
                        }
                        break;
                    }
                }
            }
            _ => {}
        }
    }
    out
}

/// Cleans multi-line free text: escape sequences, C0/C1 control codes and bidi overrides are
/// removed, tabs become spaces, every line ending becomes `\n`, and surrounding blank space
/// is trimmed. Refuses text longer than `max` characters.
pub fn clean_text(input: &str, max: usize) -> Result<String, TextError> {
    let out = scrub(input);
    let trimmed = out.trim();
    let chars = trimmed.chars().count();
    if chars > max {
        return Err(TextError::TooLong { chars, max });
    }
    Ok(trimmed.to_string())
}

/// Cleans a one-line value: like [`clean_text`], and line breaks become single spaces.
pub fn clean_line(input: &str, max: usize) -> Result<String, TextError> {
    let text = clean_text(input, usize::MAX)?;
    let joined = text
        .split('\n')
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    let chars = joined.chars().count();
    if chars > max {
        return Err(TextError::TooLong { chars, max });
    }
    Ok(joined)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_counterpart_typed_full_width_prints_in_ascii_but_chinese_punctuation_stays() {
        assert_eq!(shown_counterpart("１０６９　0000 １２３４"), "1069 0000 1234");
        assert_eq!(
            shown_counterpart("＋８６ １７０－１２３４－５６７８"),
            "+86 170-1234-5678"
        );
        assert_eq!(
            shown_counterpart("ｓｃａｍ＠ｅｘａｍｐｌｅ．ｃｎ"),
            "scam@example.cn"
        );
        assert_eq!(
            shown_counterpart("某某（深圳）公司：客服"),
            "某某（深圳）公司：客服"
        );
        assert_eq!(
            shown_counterpart("\u{202E}evil"),
            shown_line("\u{202E}evil").trim()
        );
    }

    proptest::proptest! {
        #[test]
        fn the_byte_scan_finds_what_the_character_scan_finds(
            s in "(\\PC|[\u{0}-\u{ff}\u{600}-\u{6ff}\u{2000}-\u{207f}\u{3000}-\u{303f}])*",
        ) {
            proptest::prop_assert_eq!(any_needs_cleaning(&s, false), s.chars().any(needs_cleaning));
            proptest::prop_assert_eq!(
                any_needs_cleaning(&s, true),
                s.chars().any(|c| c != '\n' && needs_cleaning(c))
            );
        }
    }

    #[test]
    fn a_contact_saved_full_width_prints_in_ascii() {
        assert_eq!(shown_contact(" １３９１２３４５６７８\u{3000}"), "13912345678");
        assert_eq!(
            shown_contact("ｗａｎｇ＠ｅｘａｍｐｌｅ．ｃｏｍ"),
            "wang@example.com"
        );
        assert_eq!(shown_contact("139\u{1b}[31m1234\u{200B}5678"), "13912345678");
        assert_eq!(shown_contact("王䶮"), "王䶮");
    }

    #[test]
    fn removes_controls_escapes_and_bidi() {
        let dirty = "自称\u{1b}[31m银行\u{1b}[0m客服\u{7}\u{202E}txt.exe\u{0085}";
        assert_eq!(clean_text(dirty, 100).as_deref(), Ok("自称银行客服txt.exe"));
    }

    #[test]
    fn osc_title_sequences_vanish_entirely() {
        assert_eq!(clean_text("a\u{1b}]0;pwned\u{7}b", 10).as_deref(), Ok("ab"));
        assert_eq!(
            clean_text("a\u{1b}]8;;http://x\u{1b}\\b", 10).as_deref(),
            Ok("ab")
        );
    }

    #[test]
    fn tabs_and_line_endings() {
        assert_eq!(clean_text("a\tb\r\nc\rd", 100).as_deref(), Ok("a b\nc\nd"));
        assert_eq!(
            clean_line(" 138 0013\n8000 ", 100).as_deref(),
            Ok("138 0013 8000")
        );
    }

    #[test]
    fn shown_values_carry_no_escape_bidi_or_line_break() {
        let name = "\u{1b}]0;PWNED\u{7}\u{1b}[2Jx\u{202E}gnp.exe\n2026-01-01 forged\u{200F}.png";
        let shown = shown_line(name);
        assert_eq!(shown, "xgnp.exe 2026-01-01 forged.png");
        let multi = shown_text("a\u{1b}[31m\nb\u{9b}2Jc\u{2066}");
        assert_eq!(multi, "a\nbc");
        assert!(matches!(shown_line("银行客服 138"), Cow::Borrowed(_)));
        assert!(matches!(shown_text("两行\n文字"), Cow::Borrowed(_)));
    }

    #[test]
    fn keeps_rare_cjk_and_emoji() {
        let s = "䶮 𠮷 龘 😀 👨‍👩‍👧";
        assert_eq!(clean_text(s, 100).as_deref(), Ok(s));
    }

    #[test]
    fn refuses_a_huge_paste() {
        let big = "字".repeat(1_000_000);
        assert_eq!(
            clean_text(&big, MAX_TEXT_CHARS),
            Err(TextError::TooLong {
                chars: 1_000_000,
                max: MAX_TEXT_CHARS
            })
        );
    }
}
