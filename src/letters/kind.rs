//! The letters' names for the kinds the case records. The names themselves are the guide's
//! (`assets/letter/{zh,en}.toml`, `[letter_names]`), so the packet can name a letter already
//! sent without depending on the letters.

use crate::case::LetterKind;
use crate::case::sent::SentLetter;
use crate::guide::letter::LetterText;
use crate::i18n::Lang;

/// A letter kind's name, from the wording file.
pub trait LetterName {
    /// The letter's name in `lang`, e.g. "个人信息权利请求函".
    fn name(self, lang: Lang) -> &'static str;
}

impl LetterName for LetterKind {
    fn name(self, lang: Lang) -> &'static str {
        LetterText::get(lang)
            .letter_name(self.code())
            .unwrap_or(self.code())
    }
}

/// A sent letter's name in `lang` (its code when this build does not know the kind).
pub fn sent_letter_name(letter: &SentLetter, lang: Lang) -> &str {
    LetterText::get(lang)
        .letter_name(&letter.kind)
        .unwrap_or(letter.kind.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_has_a_name_in_both_languages() {
        for lang in [Lang::Zh, Lang::En] {
            for k in LetterKind::ALL {
                let name = LetterText::get(lang).letter_name(k.code());
                assert!(
                    name.is_some_and(|n| !n.is_empty()),
                    "{k:?} has no name in {lang:?}"
                );
            }
        }
        assert_eq!(LetterKind::Spam12321.name(Lang::Zh), "12321举报材料");
        assert_eq!(LetterKind::Credit.name(Lang::En), "credit report objection");
    }
}
