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

/// The text with every full-width ASCII character folded (see [`halfwidth_char`]).
pub fn to_halfwidth(s: &str) -> String {
    s.chars().map(halfwidth_char).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn full_width_digits_letters_and_punctuation_fold() {
        assert_eq!(to_halfwidth("１３９ ００１３：８０００"), "139 0013:8000");
        assert_eq!(to_halfwidth("ｎ？Ｙ"), "n?Y");
        assert_eq!(to_halfwidth("\u{3000}昨天"), " 昨天");
        assert_eq!(halfwidth_char('是'), '是');
    }
}
