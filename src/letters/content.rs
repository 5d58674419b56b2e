//! The fixed wording of the six letters, in both languages, loaded from
//! `assets/letter/kinds.{zh,en}.toml`: for each kind its title, recipient, sections of
//! sentences with `{name}` placeholders ([`super::template`]), the guide law ids it cites,
//! what it carries, and the follow-up period and form length where a source states them.
//!
//! Every kind must be present in both files and every placeholder must be one the letter code
//! fills in ([`super::facts::KNOWN`]); the tests load both files, so a built, tested binary
//! always has them (as [`crate::guide::Guide::get`]).

use std::sync::OnceLock;

use serde::Deserialize;

use super::carries::WhatItCarries;
use crate::case::LetterKind;
use crate::i18n::Lang;

const ZH_TOML: &str = include_str!("../../assets/letter/kinds.zh.toml");
const EN_TOML: &str = include_str!("../../assets/letter/kinds.en.toml");

/// A paragraph that stands for a list the case fills in, one paragraph per item.
pub const LIST_PREFIX: char = '@';

/// The wording of every kind in one language.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LetterContent {
    /// The language of this file.
    pub lang: Lang,
    /// Where the common wording comes from.
    pub source: String,
    /// Printed on every page of a translation; empty for the Chinese original.
    pub translation_mark: String,
    /// A section heading with its number: `{n}`, `{heading}`. Sections are numbered as
    /// printed, so a section the case leaves empty leaves no gap.
    pub heading_format: String,
    /// The section numbers, in order.
    pub numerals: Vec<String>,
    /// The heading of the list of provisions.
    pub laws_heading: String,
    /// One provision cited with the statute's words: `{citation}` and `{wording}`.
    pub law_line: String,
    /// One provision cited by its summary, labelled as such (never printed as the statute's
    /// words): `{citation}` and `{wording}`.
    pub law_summary_line: String,
    /// One counterpart, as parts joined (a part naming a value the lead lacks is left out):
    /// `{counterpart}`, `{label}`, `{kinds}`, `{first}`, `{last}`, `{count}`, `{contents}`,
    /// `{knew}`, `{entries}`.
    pub lead_line: Vec<String>,
    /// One entry, as parts joined: `{id}`, `{time}`, `{kind}`, `{counterpart}`, `{summary}`,
    /// `{knew}`.
    pub entry_line: Vec<String>,
    /// One disputed credit-report item, as parts joined: `{counterpart}`, `{summary}`,
    /// `{opened}`, `{id}`.
    pub disputed_line: Vec<String>,
    /// After the longest lists: how many counterparts are not listed, `{more}`.
    pub more_leads: String,
    /// After the longest lists: how many entries are not listed, `{more}`.
    pub more_entries: String,
    /// One file to attach: `{file}`, `{id}`.
    pub attach_line: String,
    /// The signature block: `{name}`.
    pub signed: String,
    /// The date line: `{date}`.
    pub dated: String,
    /// Shown before saving: `{kind}`, `{carries}`.
    pub carries_sentence: String,
    /// Added when something is left out: `{left_out}`.
    pub left_out_sentence: String,
    /// Added for a letter that may carry the ID number with `--with-id`.
    pub with_id_hint: String,
    /// A length limit: `{limit}`, `{length}`, `{source}`.
    pub length_line: String,
    /// The follow-up period: `{what}` (which names the days) and `{source}`.
    pub follow_up_line: String,
    /// The same period counted in working days.
    pub follow_up_working_line: String,
    /// The six kinds.
    pub kinds: Vec<KindText>,
}

/// One kind's wording.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KindText {
    /// Which kind.
    pub id: LetterKind,
    /// The title printed on the letter.
    pub title: String,
    /// Who it goes to when `--to` is not given; empty for a kind that needs `--to`.
    #[serde(default)]
    pub to_default: String,
    /// The line above the body: `{to}`.
    pub salutation: String,
    /// What it carries of the victim's details.
    pub carries: Vec<WhatItCarries>,
    /// Whether `--with-id` may add the ID number.
    #[serde(default)]
    pub id_on_request: bool,
    /// The guide law ids it cites, in order (only those in force on the letter's date).
    pub laws: Vec<String>,
    /// Where to send it and how, printed after the body.
    #[serde(default)]
    pub how_to_send: Vec<String>,
    /// Sections in order.
    pub sections: Vec<SectionText>,
    /// A form's length limit, where a source states one.
    #[serde(default)]
    pub form_limit: Option<FormLimit>,
    /// Where this kind's wording and facts come from.
    pub source: String,
    /// Whether the source is strong enough to state it as fact.
    pub verified: bool,
    /// This kind's signature line (`{name}`), when it is not the common one.
    #[serde(default)]
    pub signed: Option<String>,
}

/// One section's wording.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SectionText {
    /// The heading; empty for none.
    #[serde(default)]
    pub heading: String,
    /// Sentences with placeholders, or `@list` for a list the case fills in.
    pub paragraphs: Vec<String>,
}

/// A form's length limit.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FormLimit {
    /// The most characters the form takes.
    pub chars: usize,
    /// Where the limit is stated.
    pub source: String,
    /// Whether the source is strong enough to state it as fact.
    pub verified: bool,
}

/// Why a letters file could not be used. Only a broken build can produce this; tests catch it.
#[derive(Debug, thiserror::Error)]
pub enum ContentError {
    /// Not valid TOML or not the expected shape.
    #[error("letter wording could not be read: {0}")]
    Parse(#[from] toml::de::Error),
    /// Parses but breaks a rule.
    #[error("letter wording is inconsistent: {0}")]
    Invalid(String),
}

impl LetterContent {
    /// The wording in `lang`, parsed on first use.
    pub fn get(lang: Lang) -> &'static LetterContent {
        static ZH: OnceLock<LetterContent> = OnceLock::new();
        static EN: OnceLock<LetterContent> = OnceLock::new();
        let (cell, text) = match lang {
            Lang::Zh => (&ZH, ZH_TOML),
            Lang::En => (&EN, EN_TOML),
        };
        #[allow(clippy::expect_used)] // proven by the test that loads both embedded files
        cell.get_or_init(|| {
            LetterContent::parse(text).expect("the letter wording built into leakaid is broken")
        })
    }

    /// Parses and checks a letters file.
    pub fn parse(text: &str) -> Result<LetterContent, ContentError> {
        let c: LetterContent = toml::from_str(text)?;
        for kind in LetterKind::ALL {
            let n = c.kinds.iter().filter(|k| k.id == kind).count();
            if n != 1 {
                return Err(ContentError::Invalid(format!(
                    "kind `{}` appears {n} times",
                    kind.code()
                )));
            }
        }
        for (what, template) in c.templates() {
            if let Some(list) = template.strip_prefix(LIST_PREFIX) {
                if !super::facts::LISTS.contains(&list) {
                    return Err(ContentError::Invalid(format!(
                        "{what}: unknown list `{template}`"
                    )));
                }
                continue;
            }
            for name in super::template::names(template) {
                if !super::facts::KNOWN.contains(&name) {
                    return Err(ContentError::Invalid(format!(
                        "{what}: unknown placeholder {{{name}}}"
                    )));
                }
            }
        }
        for k in &c.kinds {
            if k.sections.len() > c.numerals.len() {
                return Err(ContentError::Invalid(format!(
                    "kind `{}` has more sections than numerals",
                    k.id.code()
                )));
            }
            if k.source.trim().is_empty() {
                return Err(ContentError::Invalid(format!(
                    "kind `{}` has no source",
                    k.id.code()
                )));
            }
            let needs_to = k.id.needs_to();
            if needs_to != k.to_default.trim().is_empty() {
                return Err(ContentError::Invalid(format!(
                    "kind `{}`: to_default must be empty exactly when --to is required",
                    k.id.code()
                )));
            }
        }
        Ok(c)
    }

    /// One kind's wording.
    pub fn kind(&self, kind: LetterKind) -> &KindText {
        // `parse` checked that every kind is present exactly once.
        self.kinds.iter().find(|k| k.id == kind).unwrap_or(&self.kinds[0])
    }

    /// Every sentence with placeholders, named for error messages.
    fn templates(&self) -> Vec<(String, &str)> {
        let mut out: Vec<(String, &str)> = [
            ("law_line", &self.law_line),
            ("law_summary_line", &self.law_summary_line),
            ("attach_line", &self.attach_line),
            ("more_leads", &self.more_leads),
            ("more_entries", &self.more_entries),
            ("signed", &self.signed),
            ("dated", &self.dated),
        ]
        .into_iter()
        .map(|(n, t)| (n.to_string(), t.as_str()))
        .collect();
        for part in self.lead_line.iter().chain(&self.entry_line) {
            out.push(("lead_line/entry_line".to_string(), part));
        }
        for k in &self.kinds {
            out.push((format!("{}.salutation", k.id.code()), &k.salutation));
            out.push((format!("{}.to_default", k.id.code()), &k.to_default));
            for s in &k.how_to_send {
                out.push((format!("{}.how_to_send", k.id.code()), s));
            }
            for (i, s) in k.sections.iter().enumerate() {
                out.push((format!("{}.sections[{i}].heading", k.id.code()), &s.heading));
                for p in &s.paragraphs {
                    out.push((format!("{}.sections[{i}]", k.id.code()), p));
                }
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_languages_load_with_every_kind() -> Result<(), String> {
        for (lang, text) in [(Lang::Zh, ZH_TOML), (Lang::En, EN_TOML)] {
            let c = LetterContent::parse(text).map_err(|e| e.to_string())?;
            assert_eq!(c.lang, lang);
            for kind in LetterKind::ALL {
                let k = c.kind(kind);
                for id in &k.laws {
                    assert!(
                        crate::guide::Guide::get(lang).law(id).is_some(),
                        "{lang:?} {}: no guide law {id}",
                        kind.code()
                    );
                }
            }
        }
        Ok(())
    }

    #[test]
    fn both_languages_have_the_same_sentences_and_placeholders() -> Result<(), toml::de::Error> {
        let zh: toml::Value = toml::from_str(ZH_TOML)?;
        let en: toml::Value = toml::from_str(EN_TOML)?;
        let m = crate::template::mismatches(&zh, &en);
        assert!(m.is_empty(), "{m:#?}");
        Ok(())
    }

    #[test]
    fn an_unknown_placeholder_is_rejected() {
        let broken = ZH_TOML.replacen("signed = \"{name}\"", "signed = \"{nmae}\"", 1);
        assert!(matches!(LetterContent::parse(&broken), Err(ContentError::Invalid(w)) if w.contains("nmae")));
    }
}
