//! The letters' names for the kinds the case records.

use crate::case::LetterKind;
use crate::case::sent::SentLetter;
use crate::i18n::Lang;

/// A letter kind's name, from the wording file.
pub trait LetterName {
    /// The letter's name in `lang`, e.g. "个人信息权利请求函".
    fn name(self, lang: Lang) -> &'static str;
}

impl LetterName for LetterKind {
    fn name(self, lang: Lang) -> &'static str {
        &super::content::LetterContent::get(lang).kind(self).name
    }
}

/// A sent letter's name in `lang` (its code when this build does not know the kind).
pub fn sent_letter_name(letter: &SentLetter, lang: Lang) -> &str {
    LetterKind::from_code(&letter.kind).map_or(letter.kind.as_str(), |k| k.name(lang))
}
