//! The legal basis, with article numbers that depend on the date.
//!
//! Some provisions were renumbered: the 网络安全法 amendment in force from 2026-01-01 moved old
//! articles 42, 44 and 64 to 44, 46 and (probably) 66; the revised 治安管理处罚法 is in force from
//! the same day. A complaint letter must cite the number valid on the day it is printed, so each
//! provision keeps every numbering with the date it started, and [`Law::article_on`] picks one.

use jiff::civil::Date;
use serde::Deserialize;

use super::model::{Sourced, hedge_suffix};
use crate::i18n::Lang;

/// What area of law a provision belongs to, for grouping on screen.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LawTopic {
    /// Criminal law and its judicial interpretation.
    Criminal,
    /// The Personal Information Protection Law.
    PersonalInformation,
    /// The Civil Code.
    Civil,
    /// Administrative laws: cybersecurity, ID cards, public security, anti-fraud.
    Administrative,
    /// Jurisdiction and procedure.
    Procedure,
    /// Rules on electronic evidence.
    Evidence,
}

/// One numbering of a provision, valid from a date until the next numbering takes over.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Article {
    /// The article as cited, e.g. "第四十四条" / "Article 44".
    pub number: String,
    /// The first day this numbering is in force.
    pub from: Date,
    /// A caveat about this version, if any (e.g. the wording may have changed).
    #[serde(default)]
    pub note: Option<String>,
    /// Where this came from.
    pub source: String,
    /// Whether the number (and any note) is verified.
    pub verified: bool,
}
impl Sourced for Article {
    fn source(&self) -> &str {
        &self.source
    }
    fn verified(&self) -> bool {
        self.verified
    }
    fn headline(&self) -> &str {
        &self.number
    }
}

/// A legal provision: what it says in plain words and which article number to cite when.
#[derive(Debug, Clone, Deserialize)]
#[serde(try_from = "RawLaw")]
pub struct Law {
    /// Stable id, e.g. `cybersecurity_no_leak`.
    pub id: String,
    /// Area of law.
    pub topic: LawTopic,
    /// The law's name without brackets, e.g. "中华人民共和国网络安全法".
    pub law: String,
    /// What the provision says, in plain words.
    pub summary: String,
    /// The day the provision (in its current content) took effect.
    pub in_force: Date,
    /// ★: whether the complaint letter (报案材料) cites it.
    pub in_complaint: bool,
    /// Where this came from.
    pub source: String,
    /// Whether the summary is verified.
    pub verified: bool,
    /// The first numbering (there is always one).
    first: Article,
    /// Later numberings, in increasing date order.
    later: Vec<Article>,
}
impl Sourced for Law {
    fn source(&self) -> &str {
        &self.source
    }
    fn verified(&self) -> bool {
        self.verified
    }
    fn headline(&self) -> &str {
        &self.summary
    }
}

/// The raw form of [`Law`] in the data file; turned into a `Law` only when its article
/// versions are present and in date order.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawLaw {
    id: String,
    topic: LawTopic,
    law: String,
    summary: String,
    in_force: Date,
    in_complaint: bool,
    source: String,
    verified: bool,
    articles: Vec<Article>,
}

impl TryFrom<RawLaw> for Law {
    type Error = String;

    fn try_from(raw: RawLaw) -> Result<Law, String> {
        let mut articles = raw.articles.into_iter();
        let first = articles
            .next()
            .ok_or_else(|| format!("law `{}` has no [[laws.articles]]", raw.id))?;
        let later: Vec<Article> = articles.collect();
        let mut previous = first.from;
        for article in &later {
            if article.from <= previous {
                return Err(format!(
                    "law `{}`: article versions must be in increasing date order",
                    raw.id
                ));
            }
            previous = article.from;
        }
        Ok(Law {
            id: raw.id,
            topic: raw.topic,
            law: raw.law,
            summary: raw.summary,
            in_force: raw.in_force,
            in_complaint: raw.in_complaint,
            source: raw.source,
            verified: raw.verified,
            first,
            later,
        })
    }
}

impl Law {
    /// The numbering to cite on `date`: the latest version that had started by then. Before
    /// the first version started (the provision was not yet in force) this is the first one;
    /// check [`Law::in_force_on`] when that matters.
    pub fn article_on(&self, date: Date) -> &Article {
        self.later
            .iter()
            .rev()
            .find(|article| article.from <= date)
            .unwrap_or(&self.first)
    }

    /// Whether the provision exists on `date` (its first numbering had started).
    pub fn in_force_on(&self, date: Date) -> bool {
        self.first.from <= date
    }

    /// All numberings, oldest first. Never empty.
    pub fn articles(&self) -> impl Iterator<Item = &Article> {
        std::iter::once(&self.first).chain(self.later.iter())
    }

    /// Whether the article number changed over time.
    pub fn renumbered(&self) -> bool {
        !self.later.is_empty()
    }

    /// The provision as cited on `date`, with its law.
    pub fn cited_on(&self, date: Date) -> CitedArticle<'_> {
        CitedArticle {
            law: self,
            article: self.article_on(date),
        }
    }
}

/// A provision together with the article number valid on a given date.
#[derive(Debug, Clone, Copy)]
pub struct CitedArticle<'a> {
    /// The provision.
    pub law: &'a Law,
    /// The numbering valid on the date asked for.
    pub article: &'a Article,
}

impl CitedArticle<'_> {
    /// The citation without hedge: "《中华人民共和国网络安全法》第四十四条" or
    /// "Cybersecurity Law of the PRC, Article 44".
    pub fn citation(&self, lang: Lang) -> String {
        match lang {
            Lang::Zh => format!("《{}》{}", self.law.law, self.article.number),
            Lang::En => format!("{}, {}", self.law.law, self.article.number),
        }
    }

    /// Both the provision and its numbering are verified.
    pub fn verified(&self) -> bool {
        self.law.verified && self.article.verified
    }

    /// The citation as it may be printed: with the hedge unless verified.
    pub fn display(&self, lang: Lang) -> String {
        let citation = self.citation(lang);
        if self.verified() {
            citation
        } else {
            format!("{citation}{}", hedge_suffix(lang))
        }
    }
}
