//! Characters that print as nothing (or as a blank or a box): the Unicode
//! Default_Ignorable_Code_Point set and the format (Cf) characters, plus the blanks that are
//! letters by category but show no mark (the Braille blank U+2800, the Hangul fillers).
//! Hostile text uses them to hide a word from a search or to split one phone number into
//! several: they are dropped from text that comes from outside.
//!
//! Source: Unicode 15.1 DerivedCoreProperties.txt (Default_Ignorable_Code_Point) and
//! DerivedGeneralCategory.txt (Cf); the blanks from the Unicode Standard's notes on U+2800 and
//! U+3164.

/// Whether `c` prints as nothing a reader can see.
pub fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{00AD}'
            | '\u{034F}'
            | '\u{0600}'..='\u{0605}'
            | '\u{061C}'
            | '\u{06DD}'
            | '\u{070F}'
            | '\u{0890}'..='\u{0891}'
            | '\u{08E2}'
            | '\u{115F}'..='\u{1160}'
            | '\u{17B4}'..='\u{17B5}'
            | '\u{180B}'..='\u{180F}'
            | '\u{200B}'..='\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2060}'..='\u{206F}'
            | '\u{2800}'
            | '\u{3164}'
            | '\u{FE00}'..='\u{FE0F}'
            | '\u{FEFF}'
            | '\u{FFA0}'
            | '\u{FFF0}'..='\u{FFFB}'
            | '\u{110BD}'
            | '\u{110CD}'
            | '\u{13430}'..='\u{1343F}'
            | '\u{1BCA0}'..='\u{1BCA3}'
            | '\u{1D173}'..='\u{1D17A}'
            | '\u{E0000}'..='\u{E0FFF}'
    )
}

/// `s` without its invisible characters (borrowed when it has none).
pub fn drop_invisible(s: &str) -> std::borrow::Cow<'_, str> {
    if s.chars().any(is_invisible) {
        std::borrow::Cow::Owned(s.chars().filter(|c| !is_invisible(*c)).collect())
    } else {
        std::borrow::Cow::Borrowed(s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blanks_and_format_characters_go_and_text_stays() {
        assert_eq!(
            drop_invisible("138\u{2800}0013\u{200B}8000\u{FEFF}"),
            "13800138000"
        );
        assert_eq!(drop_invisible("中国\u{2060}银行\u{E0041}"), "中国银行");
        assert_eq!(drop_invisible("普通 text 📞"), "普通 text 📞");
    }
}
