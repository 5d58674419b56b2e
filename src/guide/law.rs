//! The legal basis, with article numbers that depend on the date.
//!
//! Some provisions were renumbered: the 网络安全法 amendment in force from 2026-01-01 moved old
//! articles 42 and 44 to 44 and 46; where the old penalty article went is not known, so no new
//! number is printed for it. The revised 治安管理处罚法 is in force from the same day. A letter
//! must cite the number valid on the day it is printed, so each provision keeps every numbering
//! with the date it started, and [`Law::article_on`] picks one.
//!
//! # What the words of a provision are
//!
//! Every provision has `summary`: what it says in plain words, shown in the wizard. Its `quote`
//! says whether the guide also holds the statute's own words:
//!
//! - [`Quote::Exact`]: `text` holds the words of the article (or of the paragraph its number
//!   names), copied from the statute and checked. Only such a text may be printed as the article
//!   itself. The text is always the Chinese original, in the English guide too: there is no
//!   official English text to quote.
//! - [`Quote::Summary`]: there is no checked text; anything printed for the provision is the
//!   summary, labelled 要旨 / "Summary" ([`Law::wording`]).
//!
//! # Which letter may cite a provision
//!
//! `cite_in` in the data decides, not code ([`CiteIn`]):
//!
//! - `police_letter`: criminal law and its interpretation, the 刑事诉讼法 provisions on reporting,
//!   and the 反电信网络诈骗法 provisions that bind the police in a fraud case. A 刑事控告书 asks the
//!   police to open a criminal case; these are the provisions the police apply. Today:
//!   `criminal_253_1`, `interpretation_2017_art1`, `interpretation_2017_art5`, `criminal_266`
//!   (when money was lost), `cpl_110`, `cpl_111`, `anti_fraud_20` (the basis of 紧急止付、快速冻结),
//!   `anti_fraud_29`, `anti_fraud_31` and the account offences `criminal_280_1`,
//!   `criminal_177_1`, `criminal_196`, `criminal_287_2` (accounts opened in the victim's name),
//!   `anti_fraud_34` and `criminal_64` (recovering the money: 追赃挽损; 追缴、责令退赔、返还). Which of them fit a case is the letter's choice.
//! - `lawyer_brief`: civil, personal-information and administrative provisions (民法典, 个人信息保护法,
//!   网络安全法, 居民身份证法, 治安管理处罚法, civil liability such as `anti_fraud_46`, jurisdiction,
//!   and the 刑事诉讼法 routes after a refusal: 101, 113, 210). They found a lawsuit, a complaint
//!   to a regulator or a talk with a lawyer, not a request to open a criminal case.
//! - `guide_only`: background (definitions of terms, evidence rules) shown in the guide only.
//!
//! The lawyer brief may cite the police-letter provisions too ([`CiteIn::fits_brief`]).
//!
//! # Where a provision comes from
//!
//! Every law item's `source` (and each numbering's) must name the statute or decision — a
//! 《title》 and a date, with the document number where known — not only a Q&A or mirror page;
//! loading the guide fails otherwise.

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

/// Whether the guide holds the statute's own words for a provision.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Quote {
    /// `text` holds the statute's words, checked against the statute.
    Exact,
    /// Only the plain-words summary; printed as 要旨 / "Summary".
    Summary,
}

/// Which letter may cite a provision (see the module documentation).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CiteIn {
    /// The complaint to the police (刑事控告书), and the lawyer brief.
    PoliceLetter,
    /// Only the brief for a lawyer (civil, personal-information, administrative).
    LawyerBrief,
    /// Neither letter: background shown in the guide.
    GuideOnly,
}

impl CiteIn {
    /// Whether the complaint to the police may cite a provision marked this way.
    pub fn fits_police_letter(self) -> bool {
        self == CiteIn::PoliceLetter
    }

    /// Whether the brief for a lawyer may cite a provision marked this way.
    pub fn fits_brief(self) -> bool {
        matches!(self, CiteIn::PoliceLetter | CiteIn::LawyerBrief)
    }
}

/// The words to print for a provision: the statute's own, or the labelled summary.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Wording<'a> {
    /// The statute's words ([`Quote::Exact`]).
    Exact(&'a str),
    /// The plain-words summary ([`Quote::Summary`]); print it with [`Wording::label`].
    Summary(&'a str),
}

impl Wording<'_> {
    /// The label that must precede a summary: "要旨" / "Summary"; `None` for exact words.
    pub fn label(&self, lang: Lang) -> Option<&'static str> {
        match self {
            Wording::Exact(_) => None,
            Wording::Summary(_) => Some(lang.pick("要旨", "Summary")),
        }
    }

    /// The words as they may be printed: exact words as they are, a summary after its label.
    pub fn printed(&self, lang: Lang) -> String {
        match self {
            Wording::Exact(text) => (*text).to_string(),
            Wording::Summary(summary) => match lang {
                Lang::Zh => format!("要旨：{summary}"),
                Lang::En => format!("Summary: {summary}"),
            },
        }
    }
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
    /// What the provision says under this numbering, when it differs from the law's `summary`
    /// (e.g. the fine amounts of an amended penalty article that could not be verified are left
    /// out). [`CitedArticle::wording`] prints it instead of the law's summary.
    #[serde(default)]
    pub summary: Option<String>,
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
    /// The document number cited after the name where practice cites one (a judicial
    /// interpretation's 法释〔2017〕10号); it must appear in `source`.
    pub document: Option<String>,
    /// What the provision says, in plain words.
    pub summary: String,
    /// What it means for the user, in the guide's own voice: shown by the wizard after the
    /// summary, never printed in a letter or the lawyer brief (it is not the statute).
    pub note: Option<String>,
    /// Whether `text` holds the statute's own words.
    pub quote: Quote,
    /// The statute's own words (Chinese in every language); present exactly when `quote` is
    /// [`Quote::Exact`]. Use [`Law::wording`] rather than reading it directly.
    pub text: Option<String>,
    /// The day the provision (in its current content) took effect.
    pub in_force: Date,
    /// Which letter may cite it.
    pub cite_in: CiteIn,
    /// The statute or decision it comes from: title, document number, date.
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
    #[serde(default)]
    document: Option<String>,
    summary: String,
    #[serde(default)]
    note: Option<String>,
    quote: Quote,
    #[serde(default)]
    text: Option<String>,
    in_force: Date,
    cite_in: CiteIn,
    source: String,
    verified: bool,
    articles: Vec<Article>,
}

impl TryFrom<RawLaw> for Law {
    type Error = String;

    fn try_from(raw: RawLaw) -> Result<Law, String> {
        let has_text = raw.text.as_deref().is_some_and(|t| !t.trim().is_empty());
        if raw.quote == Quote::Exact && !has_text {
            return Err(format!(
                "law `{}`: quote = \"exact\" needs the statute's words in `text`",
                raw.id
            ));
        }
        if raw.quote == Quote::Exact && raw.articles.iter().any(|a| a.summary.is_some()) {
            return Err(format!(
                "law `{}`: an exact quote is the same words for every numbering; a numbering's own `summary` is only for quote = \"summary\"",
                raw.id
            ));
        }
        if raw.quote == Quote::Summary && raw.text.is_some() {
            return Err(format!(
                "law `{}`: `text` is only for quote = \"exact\"; a summary goes in `summary`",
                raw.id
            ));
        }
        let mut articles = raw.articles.into_iter();
        let first = articles
            .next()
            .ok_or_else(|| format!("law `{}` has no [[laws.articles]]", raw.id))?;
        let later: Vec<Article> = articles.collect();
        for source in std::iter::once(&raw.source)
            .chain(std::iter::once(&first.source))
            .chain(later.iter().map(|a| &a.source))
        {
            if !names_a_statute(source) {
                return Err(format!(
                    "law `{}`: the source `{source}` must name the statute or decision (《title》, document number, date), not only a web page",
                    raw.id
                ));
            }
        }
        if let Some(doc) = raw.document.as_deref().filter(|d| !raw.source.contains(*d)) {
            return Err(format!(
                "law `{}`: the document number `{doc}` must appear in its source",
                raw.id
            ));
        }
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
            document: raw.document,
            summary: raw.summary,
            note: raw.note,
            quote: raw.quote,
            text: raw.text,
            in_force: raw.in_force,
            cite_in: raw.cite_in,
            source: raw.source,
            verified: raw.verified,
            first,
            later,
        })
    }
}

/// Whether a law item's `source` names a statute or decision: a 《title》 and a year, left
/// after any web addresses are taken out (a Q&A or mirror page alone is not a source for law).
fn names_a_statute(source: &str) -> bool {
    let named: String = source
        .split([' ', ';', '；'])
        .filter(|word| !word.contains('/') && !word.contains(".com") && !word.contains(".cn"))
        .collect();
    let has_title = named.find('《').is_some_and(|open| named[open..].contains('》'));
    let has_year = named
        .split(|c: char| !c.is_ascii_digit())
        .any(|run| run.len() == 4 && (run.starts_with("19") || run.starts_with("20")));
    has_title && has_year
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

    /// The words to print for this provision: the statute's own when checked, else the summary.
    pub fn wording(&self) -> Wording<'_> {
        match (self.quote, self.text.as_deref()) {
            (Quote::Exact, Some(text)) => Wording::Exact(text),
            _ => Wording::Summary(&self.summary),
        }
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

impl<'a> CitedArticle<'a> {
    /// What the provision says on the date it is cited: the statute's words when checked, else
    /// the numbering's own summary if it has one, else the law's summary.
    pub fn wording(&self) -> Wording<'a> {
        match (self.law.wording(), self.article.summary.as_deref()) {
            (Wording::Summary(_), Some(own)) => Wording::Summary(own),
            (wording, _) => wording,
        }
    }

    /// The plain-words summary on the date it is cited (the numbering's own, else the law's).
    pub fn summary(&self) -> &'a str {
        self.article.summary.as_deref().unwrap_or(&self.law.summary)
    }

    /// The citation without hedge: "《中华人民共和国网络安全法》第四十四条" or
    /// "Cybersecurity Law of the PRC, Article 44".
    pub fn citation(&self, lang: Lang) -> String {
        let doc = self.law.document.as_deref();
        match lang {
            Lang::Zh => {
                let doc = doc.map(|d| format!("（{d}）")).unwrap_or_default();
                format!("《{}》{doc}{}", self.law.law, self.article.number)
            }
            Lang::En => {
                let doc = doc.map(|d| format!(" ({d})")).unwrap_or_default();
                format!("{}{doc}, {}", self.law.law, self.article.number)
            }
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
