//! The fixed wording of the 刑事控告书 (requests, closing, the 刑诉法第一百一十一条 statement,
//! the annex list) in both languages, loaded from `assets/letter/{zh,en}.toml`. The law items
//! it cites are the guide's.
//!
//! Every field is required, so a sentence missing in one language fails to load; the tests
//! load both files, so a built, tested binary always has them (as [`super::Guide::get`]).

use std::sync::OnceLock;

use serde::Deserialize;

use super::charges::{Offence, Request};
use super::law::Law;
use crate::i18n::Lang;

const ZH_TOML: &str = include_str!("../../assets/letter/zh.toml");
const EN_TOML: &str = include_str!("../../assets/letter/en.toml");

/// The letter's fixed text in one language. Placeholders (`{amount}`, `{accounts}`, `{offences}`,
/// `{knew}`, `{fingerprint}`, `{n}`) are filled by [`crate::template::fill`].
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LetterText {
    /// Language of this file.
    pub lang: Lang,
    /// Where the wording comes from.
    pub source: String,
    /// The title, 刑事控告书.
    pub title: String,
    /// Printed on every page of a translation; empty for the Chinese original.
    pub translation_mark: String,
    /// Urgent stop-payment request naming the receiving accounts.
    pub stop_payment: String,
    /// Urgent stop-payment request when no receiving account was recorded.
    pub stop_payment_unknown: String,
    /// Open a case and recover the money.
    pub investigate_recover: String,
    /// Open a case (no money lost).
    pub investigate: String,
    /// Find the source of the leak.
    pub trace_source: String,
    /// Issue the 受案回执.
    pub receipt: String,
    /// 侵犯公民个人信息罪.
    pub offence_personal: String,
    /// 诈骗罪.
    pub offence_fraud: String,
    /// Between two offences.
    pub offence_join: String,
    /// The closing sentence (本人有理由认为…特此控告，请依法审查立案).
    pub closing: String,
    /// The conclusion drawn from what they knew, hedged with 可能.
    pub pattern: String,
    /// The statement under 刑诉法第一百一十一条.
    pub statement: String,
    /// Marks a law text that is a summary, not the statute's words.
    pub summary_mark: String,
    /// Annex: the evidence list.
    pub annex_evidence: String,
    /// Annex: the images.
    pub annex_images: String,
    /// Annex: the electronic data on a stick or disc.
    pub annex_data: String,
    /// Annex: the ID card copy.
    pub annex_id: String,
    /// "{n} 页".
    pub pages: String,
}

impl LetterText {
    /// The letter text in `lang`, parsed on first use.
    pub fn get(lang: Lang) -> &'static LetterText {
        static ZH: OnceLock<LetterText> = OnceLock::new();
        static EN: OnceLock<LetterText> = OnceLock::new();
        let (cell, text) = match lang {
            Lang::Zh => (&ZH, ZH_TOML),
            Lang::En => (&EN, EN_TOML),
        };
        #[allow(clippy::expect_used)] // proven by the test that loads both embedded files
        cell.get_or_init(|| LetterText::parse(text).expect("the letter text built into leakaid is broken"))
    }

    /// Parses a letter file.
    pub fn parse(text: &str) -> Result<LetterText, toml::de::Error> {
        toml::from_str(text)
    }

    /// The sentence of one request.
    pub fn request(&self, r: Request) -> &str {
        match r {
            Request::StopPayment => &self.stop_payment,
            Request::InvestigateAndRecover => &self.investigate_recover,
            Request::Investigate => &self.investigate,
            Request::TraceSource => &self.trace_source,
            Request::Receipt => &self.receipt,
        }
    }

    /// The offences joined, e.g. 诈骗罪、侵犯公民个人信息罪.
    pub fn offences(&self, offences: &[Offence]) -> String {
        offences
            .iter()
            .map(|o| match o {
                Offence::PersonalInformation => self.offence_personal.as_str(),
                Offence::Fraud => self.offence_fraud.as_str(),
            })
            .collect::<Vec<_>>()
            .join(&self.offence_join)
    }

    /// A law item the letter may cite, by id: the guide's, when the guide marks it for a
    /// police letter.
    pub fn law(&self, id: &str) -> Option<&'static Law> {
        super::Guide::get(self.lang)
            .law(id)
            .filter(|l| l.cite_in.fits_police_letter())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_languages_have_the_same_sentences_and_placeholders() -> Result<(), toml::de::Error> {
        let zh: toml::Value = toml::from_str(ZH_TOML)?;
        let en: toml::Value = toml::from_str(EN_TOML)?;
        let m = crate::template::mismatches(&zh, &en);
        assert!(m.is_empty(), "assets/letter zh and en differ: {m:#?}");
        Ok(())
    }

    #[test]
    fn both_languages_load_and_every_cited_law_exists() -> Result<(), String> {
        for (lang, text) in [(Lang::Zh, ZH_TOML), (Lang::En, EN_TOML)] {
            let letter = LetterText::parse(text).map_err(|e| e.to_string())?;
            assert_eq!(letter.lang, lang);
            assert!(!letter.source.trim().is_empty());
            let facts = super::super::charges::ChargeFacts {
                entries: 1,
                lost_fen: 1,
                last_loss: Some(jiff::civil::date(2026, 1, 1)),
                account_in_name: true,
                knew_anything: true,
            };
            let charges =
                super::super::charges::decide(&facts, jiff::civil::date(2026, 1, 2)).ok_or("no charges")?;
            for id in charges.law_ids {
                assert!(
                    LetterText::get(lang).law(id).is_some(),
                    "{lang:?}: no police-letter law item {id}"
                );
            }
        }
        Ok(())
    }
}
