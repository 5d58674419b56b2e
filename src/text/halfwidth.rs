//! Full-width characters as typed with a Chinese input method on (`１３９`, `：`, `ｎ`), folded
//! to the ASCII the rest of the program reads. Used for every number, date and command key.

/// The ASCII form of a full-width character (`１` → `1`, `ｎ` → `n`, `：` → `:`, the ideographic
/// space → a space); any other character unchanged.
pub fn halfwidth_char(c: char) -> char {
    match c {
        '\u{3000}' => ' ',
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(u32::from(c) - 0xFEE0).unwrap_or(c),
        _ => c,
    }
}

/// One character as it compares: full-width ASCII forms (`１`, `＋`, `＠`) become their ASCII
/// letters, every kind of space (ideographic, no-break, thin …) becomes a plain space, and
/// characters that show nothing (zero-width spaces and joiners, the byte-order mark, soft
/// hyphens, bidi marks) are dropped.
pub fn fold_char(c: char) -> Option<char> {
    match c {
        '\u{200B}'..='\u{200F}'
        | '\u{202A}'..='\u{202E}'
        | '\u{2060}'..='\u{2064}'
        | '\u{2066}'..='\u{2069}'
        | '\u{FEFF}'
        | '\u{00AD}'
        | '\u{180E}' => None,
        '\u{3000}' | '\u{FF01}'..='\u{FF5E}' => Some(halfwidth_char(c)),
        c if c.is_whitespace() => Some(' '),
        c => Some(c),
    }
}

/// The text as it compares: full-width characters folded to ASCII, other spaces to a space,
/// invisible characters dropped (see [`fold_char`]).
pub fn to_halfwidth(s: &str) -> String {
    s.chars().filter_map(fold_char).collect()
}

/// A number, account, transaction number or address as typed with an input method on
/// (`６２２２ ０２００`, `ｗｗｗ．ｅｘａｍｐｌｅ．ｃｏｍ`, `＋８６`), with its full-width digits, Latin
/// letters and the punctuation of numbers and addresses (`+ - . @ / : _ # * ~ %`, the
/// ideographic space) in their ASCII forms. Chinese punctuation (`（`, `，`) stays as typed, so
/// a note in brackets beside a number keeps its brackets.
pub fn number_forms(s: &str) -> String {
    s.chars()
        .map(|c| match halfwidth_char(c) {
            a if a != c && (a.is_ascii_alphanumeric() || " +-.@/:_#*~%".contains(a)) => a,
            _ => c,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    #[test]
    fn numbers_typed_full_width_read_as_ascii_and_chinese_brackets_stay() {
        assert_eq!(number_forms("６２２２　０２００ １２３４"), "6222 0200 1234");
        assert_eq!(number_forms("＋８６－１３８"), "+86-138");
        assert_eq!(number_forms("ｓｃａｍ＠ｅｖｉｌ．ｔｏｐ"), "scam@evil.top");
        assert_eq!(
            number_forms("１３８００１３８０００（中介）"),
            "13800138000（中介）"
        );
    }

    use super::*;

    #[test]
    fn full_width_digits_letters_and_punctuation_fold() {
        assert_eq!(to_halfwidth("１３９ ００１３：８０００"), "139 0013:8000");
        assert_eq!(to_halfwidth("ｎ？Ｙ"), "n?Y");
        assert_eq!(to_halfwidth("\u{3000}昨天"), " 昨天");
        assert_eq!(halfwidth_char('是'), '是');
    }
}
