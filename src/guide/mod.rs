//! The knowledge content: the four steps, the immediate-actions checklist, the reporting
//! channels, the legal basis, the harms, prevention tips and the police procedure — in
//! Simplified Chinese and English, every item with its `source` and `verified` flag.
//!
//! The content lives in `assets/guide/{zh,en}.toml` and is compiled into the binary with
//! `include_str!`, so leakaid needs no files and no network to show it. The wizard and the PDF
//! packet both read this one copy through [`Guide::get`].
//!
//! # Why loading cannot fail at run time
//!
//! [`Guide::try_load`] parses and checks a language's file and returns an error for a broken
//! one. The files are fixed when the binary is built, and the test suite loads both of them
//! (`cargo test` fails on any parse or consistency error), so a built, tested binary always
//! loads them. [`Guide::get`] relies on that: it caches the parsed guide and, should the
//! impossible happen anyway, stops with a message naming the broken file rather than showing a
//! guide with missing hotlines.
//!
//! # Unverified items
//!
//! Items whose source is weak carry `verified = false`. Show them through
//! [`Sourced::display`] / [`Sourced::hedged`] (or [`CitedArticle::display`] for citations),
//! which append "（请以官方渠道为准）" / " (check with the official channel)".

pub mod after;
pub mod charges;
mod law;
pub mod letter;
mod model;
mod recommend;

use std::collections::HashSet;
use std::sync::OnceLock;

use jiff::civil::Date;
use serde::Deserialize;

pub use law::{Article, CiteIn, CitedArticle, Law, LawTopic, Quote, Wording};
pub use model::{
    Channel, ChannelId, ChecklistId, ChecklistItem, Contact, Harm, HarmTag, Period, PeriodActor, PeriodStart,
    PoliceProcedure, PoliceStep, PreventionTip, ReplyPeriod, Sourced, Step, StepId, days_after, hedge_suffix,
    working_days_after,
};
pub use recommend::{CaseSignals, Why, recommend, recommend_why};

pub use crate::i18n::Lang;

const ZH_TOML: &str = include_str!("../../assets/guide/zh.toml");
const EN_TOML: &str = include_str!("../../assets/guide/en.toml");

/// Why a guide file could not be used. Only a broken build can produce this; tests catch it.
#[derive(Debug, thiserror::Error)]
pub enum GuideError {
    /// The file is not valid TOML or does not match the expected shape.
    #[error("guide content for {lang:?} could not be read: {source}")]
    Parse {
        /// The language whose file is broken.
        lang: Lang,
        /// The parser's explanation, with line and column.
        #[source]
        source: toml::de::Error,
    },
    /// The file parses but breaks a rule (a missing or duplicated id, an empty source, …).
    #[error("guide content for {lang:?} is inconsistent: {what}")]
    Invalid {
        /// The language whose file is broken.
        lang: Lang,
        /// What is wrong.
        what: String,
    },
}

/// The whole guide in one language.
#[derive(Debug, Clone)]
pub struct Guide {
    lang: Lang,
    steps: [Step; 4],
    checklist: Vec<ChecklistItem>,
    channels: Vec<Channel>,
    harms: Vec<Harm>,
    prevention: Vec<PreventionTip>,
    police: PoliceProcedure,
    laws: Vec<Law>,
}

/// The file as written; [`Guide::try_load`] checks it and puts items into id order.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawGuide {
    lang: Lang,
    steps: [Step; 4],
    checklist: Vec<ChecklistItem>,
    channels: Vec<Channel>,
    harms: Vec<Harm>,
    prevention: Vec<PreventionTip>,
    police: PoliceProcedure,
    laws: Vec<Law>,
}

impl Guide {
    /// The guide in `lang`, parsed on first use and kept for the life of the program.
    ///
    /// See the module documentation for why this does not return a `Result`.
    pub fn get(lang: Lang) -> &'static Guide {
        static ZH: OnceLock<Guide> = OnceLock::new();
        static EN: OnceLock<Guide> = OnceLock::new();
        let cell = match lang {
            Lang::Zh => &ZH,
            Lang::En => &EN,
        };
        #[allow(clippy::expect_used)] // proven by the tests that load both embedded files
        cell.get_or_init(|| Guide::try_load(lang).expect("the guide content built into leakaid is broken"))
    }

    /// Parse and check the embedded guide for `lang`.
    pub fn try_load(lang: Lang) -> Result<Guide, GuideError> {
        let text = match lang {
            Lang::Zh => ZH_TOML,
            Lang::En => EN_TOML,
        };
        Guide::from_toml(lang, text)
    }

    /// Parse and check guide content for `lang` from TOML text (used by the tests with
    /// deliberately broken content).
    pub fn from_toml(lang: Lang, text: &str) -> Result<Guide, GuideError> {
        let raw: RawGuide = toml::from_str(text).map_err(|source| GuideError::Parse { lang, source })?;
        let invalid = |what: String| GuideError::Invalid { lang, what };
        if raw.lang != lang {
            return Err(invalid(format!("the file says lang = {:?}", raw.lang)));
        }
        for (step, expected) in raw.steps.iter().zip(StepId::ALL) {
            if step.id != *expected {
                return Err(invalid(format!(
                    "step {} should be `{}`, found `{}`",
                    expected.number(),
                    expected.as_str(),
                    step.id.as_str()
                )));
            }
        }
        let checklist =
            in_id_order(raw.checklist, ChecklistId::ALL, |item| item.id, "checklist").map_err(invalid)?;
        let channels = in_id_order(raw.channels, ChannelId::ALL, |c| c.id, "channels").map_err(invalid)?;
        unique(raw.harms.iter().map(|h| h.id.as_str()), "harms").map_err(invalid)?;
        unique(raw.prevention.iter().map(|t| t.id.as_str()), "prevention").map_err(invalid)?;
        unique(raw.police.steps.iter().map(|s| s.id.as_str()), "police.steps").map_err(invalid)?;
        unique(raw.laws.iter().map(|l| l.id.as_str()), "laws").map_err(invalid)?;
        for channel in &channels {
            if channel.contact.iter().all(|c| c.way.trim().is_empty()) {
                return Err(invalid(format!(
                    "channel `{}` has no way to reach it",
                    channel.id.as_str()
                )));
            }
        }
        let mut police = raw.police;
        police.after = in_id_order(
            std::mem::take(&mut police.after),
            after::AfterId::ALL,
            |a| a.id,
            "police.after",
        )
        .map_err(invalid)?;
        let guide = Guide {
            lang,
            steps: raw.steps,
            checklist,
            channels,
            harms: raw.harms,
            prevention: raw.prevention,
            police,
            laws: raw.laws,
        };
        if let Some(empty) = guide.sources().find(|(_, source)| source.trim().is_empty()) {
            return Err(invalid(format!("`{}` has an empty source", empty.0)));
        }
        Ok(guide)
    }

    /// The language of this guide.
    pub fn lang(&self) -> Lang {
        self.lang
    }

    /// The four steps, in order.
    pub fn steps(&self) -> &[Step; 4] {
        &self.steps
    }

    /// One step.
    pub fn step(&self, id: StepId) -> &Step {
        &self.steps[id.index()]
    }

    /// The immediate-actions checklist, in the order of [`ChecklistId::ALL`].
    pub fn checklist(&self) -> &[ChecklistItem] {
        &self.checklist
    }

    /// The checklist items shown on one step's screen.
    pub fn checklist_for(&self, step: StepId) -> impl Iterator<Item = &ChecklistItem> {
        self.checklist.iter().filter(move |item| item.step == step)
    }

    /// One checklist item.
    pub fn checklist_item(&self, id: ChecklistId) -> &ChecklistItem {
        &self.checklist[id.index()]
    }

    /// All channels, in the order of [`ChannelId::ALL`].
    pub fn channels(&self) -> &[Channel] {
        &self.channels
    }

    /// One channel.
    pub fn channel(&self, id: ChannelId) -> &Channel {
        &self.channels[id.index()]
    }

    /// The channels recommended for a case, most urgent first (see [`recommend`]).
    pub fn recommended(&self, signals: &CaseSignals) -> Vec<&Channel> {
        recommend(signals)
            .into_iter()
            .map(|id| self.channel(id))
            .collect()
    }

    /// The harms a leak can bring (the source page's list).
    pub fn harms(&self) -> &[Harm] {
        &self.harms
    }

    /// Prevention tips.
    pub fn prevention(&self) -> &[PreventionTip] {
        &self.prevention
    }

    /// What happens when reporting to the police, and what to bring.
    pub fn police(&self) -> &PoliceProcedure {
        &self.police
    }

    /// What to do after a report in the standing `id`.
    pub fn after(&self, id: after::AfterId) -> &after::AfterReport {
        &self.police.after[id.index()]
    }

    /// Every legal provision in the guide.
    pub fn laws(&self) -> &[Law] {
        &self.laws
    }

    /// One provision by its id, e.g. `criminal_253_1`.
    pub fn law(&self, id: &str) -> Option<&Law> {
        self.laws.iter().find(|law| law.id == id)
    }

    /// The provisions in force on `date`, each with the article number valid that day.
    pub fn laws_on(&self, date: Date) -> Vec<CitedArticle<'_>> {
        self.laws
            .iter()
            .filter(|law| law.in_force_on(date))
            .map(|law| law.cited_on(date))
            .collect()
    }

    /// The provisions a complaint to the police printed on `date` may cite
    /// (`cite_in = "police_letter"`), with that day's numbers. Which of them fit a case is the
    /// letter's choice.
    pub fn complaint_laws(&self, date: Date) -> Vec<CitedArticle<'_>> {
        self.cited_where(date, CiteIn::fits_police_letter)
    }

    /// The provisions a brief for a lawyer printed on `date` may cite (the police-letter ones
    /// and `cite_in = "lawyer_brief"`), with that day's numbers.
    pub fn brief_laws(&self, date: Date) -> Vec<CitedArticle<'_>> {
        self.cited_where(date, CiteIn::fits_brief)
    }

    fn cited_where(&self, date: Date, fits: impl Fn(CiteIn) -> bool) -> Vec<CitedArticle<'_>> {
        self.laws
            .iter()
            .filter(|law| fits(law.cite_in) && law.in_force_on(date))
            .map(|law| law.cited_on(date))
            .collect()
    }

    /// An item's headline as it may be shown in this guide's language (hedged if unverified).
    pub fn display<'a>(&self, item: &'a impl Sourced) -> std::borrow::Cow<'a, str> {
        item.display(self.lang)
    }

    /// Every item's kind-qualified id and source, for checks.
    fn sources(&self) -> impl Iterator<Item = (String, &str)> {
        let steps = self
            .steps
            .iter()
            .map(|s| (format!("steps.{}", s.id.as_str()), s.source.as_str()));
        let checklist = self
            .checklist
            .iter()
            .map(|c| (format!("checklist.{}", c.id.as_str()), c.source.as_str()));
        let channels = self.channels.iter().flat_map(|c| {
            std::iter::once((format!("channels.{}", c.id.as_str()), c.source.as_str())).chain(
                c.reply
                    .iter()
                    .map(move |r| (format!("channels.{}.reply", c.id.as_str()), r.source.as_str())),
            )
        });
        let harms = self
            .harms
            .iter()
            .map(|h| (format!("harms.{}", h.id.as_str()), h.source.as_str()));
        let prevention = self
            .prevention
            .iter()
            .map(|t| (format!("prevention.{}", t.id), t.source.as_str()));
        let police = std::iter::once(("police".to_string(), self.police.source.as_str())).chain(
            self.police
                .steps
                .iter()
                .map(|s| (format!("police.steps.{}", s.id), s.source.as_str()))
                .chain(
                    self.police
                        .after
                        .iter()
                        .map(|a| (format!("police.after.{:?}", a.id), a.source.as_str())),
                ),
        );
        let laws = self.laws.iter().flat_map(|law| {
            std::iter::once((format!("laws.{}", law.id), law.source.as_str())).chain(
                law.articles()
                    .map(move |a| (format!("laws.{}.{}", law.id, a.number), a.source.as_str())),
            )
        });
        steps
            .chain(checklist)
            .chain(channels)
            .chain(harms)
            .chain(prevention)
            .chain(police)
            .chain(laws)
    }
}

/// Put `items` into the order of `all`, requiring each id exactly once.
fn in_id_order<T, Id>(
    items: Vec<T>,
    all: &[Id],
    id_of: impl Fn(&T) -> Id,
    what: &str,
) -> Result<Vec<T>, String>
where
    Id: Copy + PartialEq + std::fmt::Debug,
{
    let mut slots: Vec<Option<T>> = all.iter().map(|_| None).collect();
    for item in items {
        let id = id_of(&item);
        let pos = all
            .iter()
            .position(|candidate| *candidate == id)
            .ok_or_else(|| format!("{what}: unknown id {id:?}"))?;
        match slots.get_mut(pos) {
            Some(slot @ None) => *slot = Some(item),
            _ => return Err(format!("{what}: id {id:?} appears twice")),
        }
    }
    slots
        .into_iter()
        .zip(all)
        .map(|(slot, id)| slot.ok_or_else(|| format!("{what}: id {id:?} is missing")))
        .collect()
}

/// Require every id in `ids` to be unique and non-empty.
fn unique<'a>(ids: impl Iterator<Item = &'a str>, what: &str) -> Result<(), String> {
    let mut seen = HashSet::new();
    for id in ids {
        if id.trim().is_empty() {
            return Err(format!("{what}: an item has an empty id"));
        }
        if !seen.insert(id) {
            return Err(format!("{what}: id `{id}` appears twice"));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_embedded_guides_load() {
        for lang in [Lang::Zh, Lang::En] {
            let loaded = Guide::try_load(lang);
            assert!(
                loaded.is_ok(),
                "{}",
                loaded.err().map(|e| e.to_string()).unwrap_or_default()
            );
        }
    }

    #[test]
    fn a_broken_file_is_an_error_not_a_panic() {
        let err = Guide::from_toml(Lang::Zh, "lang = \"zh\"\nsteps = 3\n");
        assert!(matches!(err, Err(GuideError::Parse { .. })));
    }

    #[test]
    fn a_duplicated_channel_is_rejected() {
        let text = ZH_TOML.replacen("id = \"market_12315\"", "id = \"report_12321\"", 1);
        let err = Guide::from_toml(Lang::Zh, &text);
        assert!(
            matches!(&err, Err(GuideError::Invalid { what, .. }) if what.contains("twice")),
            "{err:?}"
        );
    }

    fn invalid_what(text: &str) -> String {
        match Guide::from_toml(Lang::Zh, text) {
            Err(GuideError::Invalid { what, .. }) => what,
            Err(GuideError::Parse { source, .. }) => source.to_string(),
            Ok(_) => String::new(),
        }
    }

    #[test]
    fn a_law_citing_only_a_web_page_is_rejected() {
        let start = ZH_TOML.find("id = \"criminal_266\"").unwrap_or_default();
        let (head, tail) = ZH_TOML.split_at(start);
        let tail = tail.replacen(
            "source = \"《中华人民共和国刑法》",
            "source = \"64365.com/special/23552612（法律问答页） 《x",
            1,
        );
        let what = invalid_what(&format!("{head}{tail}"));
        assert!(
            what.contains("criminal_266") && what.contains("must name the statute"),
            "{what}"
        );
    }

    #[test]
    fn an_exact_quote_without_the_words_is_rejected() {
        let start = ZH_TOML.find("id = \"criminal_266\"").unwrap_or_default();
        let (head, tail) = ZH_TOML.split_at(start);
        let tail = tail.replacen("text = ", "# text = ", 1);
        let what = invalid_what(&format!("{head}{tail}"));
        assert!(
            what.contains("criminal_266") && what.contains("needs the statute's words"),
            "{what}"
        );
        let tail = ZH_TOML[start..].replacen("quote = \"exact\"", "quote = \"summary\"", 1);
        let what = invalid_what(&format!("{head}{tail}"));
        assert!(what.contains("only for quote = \"exact\""), "{what}");
    }

    #[test]
    fn a_numbering_summary_is_refused_for_an_exact_quote() {
        // An exact quote prints the same statute words for every numbering; a numbering's own
        // summary would be silently ignored, so the guide refuses it.
        let start = ZH_TOML.find("id = \"criminal_266\"").unwrap_or_default();
        let (head, tail) = ZH_TOML.split_at(start);
        let tail = tail.replacen(
            "number = \"第二百六十六条\"",
            "number = \"第二百六十六条\"\nsummary = \"别的话\"",
            1,
        );
        let what = invalid_what(&format!("{head}{tail}"));
        assert!(
            what.contains("criminal_266") && what.contains("own `summary`"),
            "{what}"
        );
    }

    #[test]
    fn a_numbering_with_its_own_summary_prints_it_on_its_dates_only() {
        let law = Guide::get(Lang::Zh).law("cybersecurity_penalty");
        let old = law.map(|l| l.cited_on(jiff::civil::date(2025, 12, 31)));
        let new = law.map(|l| l.cited_on(jiff::civil::date(2026, 1, 1)));
        assert!(old.is_some_and(|c| c.summary().contains("一百万元") && c.summary() == c.law.summary));
        assert!(new.is_some_and(|c| !c.summary().contains("一百万元")
            && matches!(c.wording(), Wording::Summary(s) if s == c.summary())));
    }

    #[test]
    fn the_wrong_language_file_is_rejected() {
        assert!(Guide::from_toml(Lang::En, ZH_TOML).is_err());
    }

    #[test]
    fn a_judicial_interpretation_is_cited_with_its_document_number() {
        let on = jiff::civil::date(2026, 12, 1);
        let art1 = Guide::get(Lang::Zh)
            .law("interpretation_2017_art1")
            .map(|l| l.cited_on(on).citation(Lang::Zh));
        assert_eq!(
            art1.as_deref(),
            Some(
                "《最高人民法院、最高人民检察院关于办理侵犯公民个人信息刑事案件适用法律若干问题的解释》（法释〔2017〕10号）第一条"
            )
        );
        // A statute has no document number after its name.
        let c = Guide::get(Lang::Zh)
            .law("criminal_266")
            .map(|l| l.cited_on(on).citation(Lang::Zh));
        assert_eq!(c.as_deref(), Some("《中华人民共和国刑法》第二百六十六条"));
        // A number the source does not name is refused when the guide is read.
        let wrong = ZH_TOML.replacen(
            "document = \"法释〔2017〕10号\"",
            "document = \"法释〔2017〕11号\"",
            1,
        );
        let err = Guide::from_toml(Lang::Zh, &wrong).err().map(|e| e.to_string());
        assert!(err.is_some_and(|e| e.contains("法释〔2017〕11号")));
    }

    #[test]
    fn get_returns_the_same_parsed_guide_each_time() {
        let a = Guide::get(Lang::Zh);
        let b = Guide::get(Lang::Zh);
        assert!(std::ptr::eq(a, b));
        assert_eq!(a.lang(), Lang::Zh);
        assert_eq!(Guide::get(Lang::En).lang(), Lang::En);
    }
}
