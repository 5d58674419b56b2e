//! Letters for every other door: the same facts as the police packet, addressed to the
//! company that leaked, 12321, 12315, the credit reference center, the carrier and the
//! personal-information regulator.
//!
//! # The API
//!
//! ```text
//! LetterKind::{Company, Spam12321, Consumer12315, Credit, Carrier, Regulator}
//!     .code()      "company" | "12321" | "12315" | "credit" | "carrier" | "regulator"
//!     .name(lang)  the letter's name, from the wording file
//!     .channel()   the guide channel it goes to (None for a company)
//!     .next_channel()  where to go when it is not dealt with (12300 after the carrier)
//!     .needs_to()  company and 12315 need --to
//! LetterRequest::new(kind, date, lang) with .to, .with_id, .account
//! make(&CaseState, &Guide, &LetterRequest) -> Result<Letter, LetterError>
//! Letter { kind, lang, date, title, recipient, salutation, sections, how_to_send, signed,
//!          dated, laws, carries, left_out, follow_up, form_limit, channel_id,
//!          attachments, fingerprint, translation_mark }
//!     .privacy_sentence()      what it carries and leaves out: show it before saving
//!     .privacy_sentence_in(lang)   the same in the interface language
//!     .follow_up_date(sent)    the last day of the period a source states, if any
//!                              (working days skip weekends; holidays unknown: "about")
//!     .report_channel()        the guide channel id, or the company's name, for a report
//! LetterError::{MissingTo, NoName, NothingToReport, IdNotAllowed, BeforeTheLaw}.message(lang)
//! to_text(&Letter) -> String   plain text for a web form: one line per paragraph
//! file_stem(case, kind)        the exports file name's stem, shared with the wizard
//! notes(&Letter) -> Vec<String> length limit, follow-up period, how to send (for the victim)
//! pdf::render(&Letter, &FontFace) -> Result<Rendered, PdfError>   the packet's engine
//! ```
//!
//! Follow-up periods: credit 20 days (征信业管理条例第二十五条), 12315 7 working days
//! (消费者权益保护法第四十六条), carrier 15 days then 12300 (电信用户申诉处理办法第十条); the
//! company (个人信息保护法 states none), 12321 and the regulator have none.
//!
//! The wording is data ([`content`], `assets/letter/kinds.{zh,en}.toml`); the provisions are
//! the guide's, cited with the number valid on the letter's date; the leads come from the one
//! grouping; what a letter carries of the victim's details is decided in one place
//! ([`carries`]). Nothing here asserts what the victim cannot know (情节严重, that data was
//! sold): the sentences say what happened and ask.

pub mod brief;
pub mod carries;
pub mod content;
pub mod facts;
pub mod kind;
pub mod pdf;
pub mod template;

use jiff::civil::Date;

pub use crate::case::LetterKind;
pub use carries::WhatItCarries;
pub use content::FormLimit;
pub use kind::{LetterName, sent_letter_name};

use content::{KindText, LIST_PREFIX, LetterContent};
use facts::Facts;
use template::fill;

use crate::case::state::CaseState;
use crate::guide::{ChannelId, Guide, Wording, hedge_suffix};
use crate::i18n::{Lang, tr};

/// What the victim asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LetterRequest {
    /// Which letter.
    pub kind: LetterKind,
    /// Who it goes to: the company or merchant (required for company and 12315), or a
    /// different office than the default for the other kinds.
    pub to: Option<String>,
    /// The date printed on it.
    pub date: Date,
    /// Add the ID number (only the company letter may carry it, and only on request).
    pub with_id: bool,
    /// The letter's language.
    pub lang: Lang,
    /// What identifies the victim's account with the recipient (user name, order number …).
    pub account: Option<String>,
    /// The zone the letter's times are printed in (the system's, as everywhere else).
    pub zone: jiff::tz::TimeZone,
}

impl LetterRequest {
    /// A request with no recipient, no ID number and no account.
    pub fn new(kind: LetterKind, date: Date, lang: Lang) -> LetterRequest {
        LetterRequest {
            kind,
            to: None,
            date,
            with_id: false,
            lang,
            account: None,
            zone: crate::localtime::beijing(),
        }
    }
}

/// What a 12315 complaint must name and the case does not have.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Missing12315 {
    /// The complainant's postal address.
    OwnAddress,
    /// The respondent's address.
    TheirAddress,
}

impl Missing12315 {
    fn words(self, lang: Lang) -> &'static str {
        match self {
            Missing12315::OwnAddress => lang.pick("你的通讯地址", "your postal address"),
            Missing12315::TheirAddress => lang.pick("被投诉单位的地址", "the company's address"),
        }
    }
}

fn missing_list(m: &[Missing12315], lang: Lang) -> String {
    m.iter()
        .map(|x| x.words(lang))
        .collect::<Vec<_>>()
        .join(lang.pick("和", " and "))
}

/// Why no letter could be made. Nothing is written.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LetterError {
    /// The kind goes to a named company or merchant and none was given.
    #[error("the {0} letter needs --to")]
    MissingTo(LetterKind),
    /// The profile has no name: no letter can be signed.
    #[error("no name in the profile")]
    NoName,
    /// The case has nothing this letter reports.
    #[error("nothing for the {0} letter")]
    NothingToReport(LetterKind),
    /// `--with-id` on a letter whose recipient must not get the ID number.
    #[error("the {0} letter never carries the ID number")]
    IdNotAllowed(LetterKind),
    /// A 12315 complaint lacks what the complaint rules require.
    #[error("the 12315 complaint lacks {0:?}")]
    Incomplete12315(Vec<Missing12315>),
    /// The letter's date is before any provision it rests on was in force.
    #[error("the {kind} letter rests on provisions in force from {from}")]
    BeforeTheLaw {
        /// Which letter.
        kind: LetterKind,
        /// The first day one of its provisions is in force.
        from: Date,
    },
}

impl LetterError {
    /// The sentence for the user: what is missing and what to do.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            LetterError::MissingTo(k) => tr(
                lang,
                format!(
                    "{}需要写明寄给谁：请加 --to 写上公司或商家的名称，例如 --to \"某某科技有限公司\"。没有生成任何文件。",
                    k.name(lang)
                ),
                format!(
                    "The {} needs a recipient: add --to with the company's or merchant's name, e.g. --to \"Example Co., Ltd.\". Nothing was written.",
                    k.name(lang)
                ),
            ),
            LetterError::NoName => tr(
                lang,
                "信上要署你的姓名：请先用 leakaid profile set --name 姓名 填写本人信息。没有生成任何文件。",
                "The letter is signed with your name: fill it in first with leakaid profile set --name NAME. Nothing was written.",
            ),
            LetterError::NothingToReport(k) => {
                let (zh, en) = match k {
                    LetterKind::Spam12321 => (
                        "案件里还没有来电、短信或邮件记录，12321举报没有内容：请先用 leakaid log call|sms|email 记下来。",
                        "The case has no call, SMS or email yet, so the 12321 report would be empty: record them first with leakaid log call|sms|email.",
                    ),
                    LetterKind::Credit => (
                        "案件里还没有冒名账户记录，征信异议没有可以提出的条目：请先用 leakaid log account 记下征信报告上不是你办理的账户或贷款。",
                        "The case has no account opened in your name yet, so there is nothing to object to: record each credit-report entry you did not make with leakaid log account.",
                    ),
                    _ => (
                        "案件里还没有这封信需要的记录：请先用 leakaid log 记下来电、短信或冒名办理的卡号。",
                        "The case has nothing this letter needs yet: record the calls, SMS or cards in your name with leakaid log.",
                    ),
                };
                tr(
                    lang,
                    format!("{zh}没有生成任何文件。"),
                    format!("{en} Nothing was written."),
                )
            }
            LetterError::BeforeTheLaw { kind, from } => tr(
                lang,
                format!(
                    "{}依据的法律从{from}起才施行，不能写在这之前的日期：请改用 --date 写一个{from}以后的日期（或不写，用今天）。没有生成任何文件。",
                    kind.name(lang)
                ),
                format!(
                    "The {} rests on law in force only from {from}, so it cannot be dated earlier: give a --date on or after {from} (or none, for today). Nothing was written.",
                    kind.name(lang)
                ),
            ),
            LetterError::Incomplete12315(m) => tr(
                lang,
                format!(
                    "12315投诉要写明{}，市场监管部门才会受理：请用 leakaid profile set --address 住址 --suspect \"单位名称\" --suspect-address \"单位地址\" 补上。没有生成任何文件。",
                    missing_list(m, Lang::Zh)
                ),
                format!(
                    "A 12315 complaint must give {} before the market regulator takes it: add them with leakaid profile set --address ADDRESS --suspect \"NAME\" --suspect-address \"ITS ADDRESS\". Nothing was written.",
                    missing_list(m, Lang::En)
                ),
            ),
            LetterError::IdNotAllowed(k) => tr(
                lang,
                format!(
                    "{}不附身份证号（收信方不需要它）：请去掉 --with-id。没有生成任何文件。",
                    k.name(lang)
                ),
                format!(
                    "The {} never carries your ID number (its recipient does not need it): leave out --with-id. Nothing was written.",
                    k.name(lang)
                ),
            ),
        }
    }

    /// The same sentence for the wizard: it names the keys and fields on screen, never a
    /// command-line option.
    pub fn screen_message(&self, lang: Lang) -> String {
        let (zh, en) = match self {
            LetterError::MissingTo(_) => (
                "请写上寄给哪家公司或商家。".to_string(),
                "Write which company or merchant it goes to.".to_string(),
            ),
            LetterError::NoName => (
                "信上要署你的姓名：请先回首页按 p 填写本人信息。".to_string(),
                "The letter is signed with your name: go back to the start page and press p to fill in your details first.".to_string(),
            ),
            LetterError::NothingToReport(LetterKind::Credit) => (
                "案件里还没有冒名账户记录：请先在第1步按 a，类型选“冒名账户”，记下征信报告上不是你办理的账户或贷款。".to_string(),
                "The case has no account opened in your name yet: on step 1 press a and choose the kind \"account\" for each credit-report entry you did not make.".to_string(),
            ),
            LetterError::NothingToReport(_) => (
                "案件里还没有这封信需要的记录：请先按 n 记下来电，或在第1步按 a 记下短信、邮件。".to_string(),
                "The case has nothing this letter needs yet: press n to record a call, or a on step 1 for an SMS or email.".to_string(),
            ),
            LetterError::BeforeTheLaw { kind, from } => (
                format!("{}依据的法律从{from}起才施行。", kind.name(Lang::Zh)),
                format!("The {} rests on law in force only from {from}.", kind.name(Lang::En)),
            ),
            LetterError::Incomplete12315(m) => (
                format!(
                    "12315投诉要写明{}：请回首页按 p 在本人信息里填上住址、怀疑泄露的单位和该单位地址。",
                    missing_list(m, Lang::Zh)
                ),
                format!(
                    "A 12315 complaint must give {}: go back to the start page, press p and fill in your address, the suspected source and its address.",
                    missing_list(m, Lang::En)
                ),
            ),
            LetterError::IdNotAllowed(k) => (
                format!("{}不附身份证号（收信方不需要它）。", k.name(Lang::Zh)),
                format!("The {} never carries your ID number (its recipient does not need it).", k.name(Lang::En)),
            ),
        };
        tr(
            lang,
            format!("{zh}没有生成任何文件。"),
            format!("{en} Nothing was written."),
        )
    }
}

/// One section of a letter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Section {
    /// The heading, if any.
    pub heading: Option<String>,
    /// Paragraphs, each one line of text (no hard line breaks).
    pub paragraphs: Vec<String>,
}

/// One provision the letter cites.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LawCited {
    /// The guide's id, e.g. `pipl_50`.
    pub id: String,
    /// The citation with the number valid on the letter's date (hedged when not verified).
    pub citation: String,
    /// The statute's words when `exact`, else the summary (printed after its label, 要旨).
    pub text: String,
    /// Whether `text` is the statute's own words.
    pub exact: bool,
    /// Whether the provision and its number are verified.
    pub verified: bool,
}

/// A period a source states, within which the recipient must answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FollowUp {
    /// How many days.
    pub days: u32,
    /// Counted in working days.
    pub working_days: bool,
    /// Who must do what within it.
    pub what: String,
    /// Where the period is stated.
    pub source: String,
    /// Whether the source is strong enough to state it as fact.
    pub verified: bool,
}

/// A finished letter, ready for [`to_text`] or [`pdf::render`].
#[derive(Debug, Clone)]
pub struct Letter {
    /// Which letter.
    pub kind: LetterKind,
    /// Its language.
    pub lang: Lang,
    /// The date printed on it.
    pub date: Date,
    /// The title.
    pub title: String,
    /// Who it goes to.
    pub recipient: String,
    /// The line above the body ("某某公司：").
    pub salutation: String,
    /// The body.
    pub sections: Vec<Section>,
    /// Where and how to send it (for the victim; printed after the signature).
    pub how_to_send: Vec<String>,
    /// The signature line.
    pub signed: String,
    /// The date line.
    pub dated: String,
    /// The provisions cited (also printed in the body).
    pub laws: Vec<LawCited>,
    /// What of the victim's details it carries.
    pub carries: Vec<WhatItCarries>,
    /// What the case holds that it leaves out (the ID number, the address …).
    pub left_out: Vec<WhatItCarries>,
    /// The reply or processing period, where a source states one.
    pub follow_up: Option<FollowUp>,
    /// The form's length limit, where a source states one.
    pub form_limit: Option<FormLimit>,
    /// The guide channel it goes to (`None`: the company itself).
    pub channel_id: Option<ChannelId>,
    /// Files to attach (name, entry id), e.g. the saved emails for 12321.
    pub attachments: Vec<(String, String)>,
    /// The case fingerprint when the letter was made.
    pub fingerprint: crate::pdf::Fingerprint,
    /// Printed on every page of a translation; empty for the Chinese original.
    pub translation_mark: String,
}

impl Letter {
    /// What the letter carries and leaves out, in one or two sentences: show it before saving.
    pub fn privacy_sentence(&self) -> String {
        self.privacy_sentence_in(self.lang)
    }

    /// [`Letter::privacy_sentence`] in another language (the interface's, for a translated
    /// letter).
    pub fn privacy_sentence_in(&self, lang: Lang) -> String {
        let c = LetterContent::get(lang);
        let sep = lang.pick("、", ", ");
        let list =
            |items: &[WhatItCarries]| items.iter().map(|w| w.label(lang)).collect::<Vec<_>>().join(sep);
        let name = self.kind.name(lang);
        let carries = list(&self.carries);
        let mut s = fill(&c.carries_sentence, |k| match k {
            "kind" => Some(name.to_string()),
            "carries" => Some(carries.clone()),
            _ => None,
        })
        .unwrap_or_default();
        if !self.left_out.is_empty() {
            let left = list(&self.left_out);
            if let Some(more) = fill(&c.left_out_sentence, |k| (k == "left_out").then(|| left.clone())) {
                s.push_str(&more);
            }
        }
        let kt = c.kind(self.kind);
        if kt.id_on_request && self.left_out.contains(&WhatItCarries::IdNumber) {
            s.push_str(&c.with_id_hint);
        }
        s.trim_end().to_string()
    }

    /// The last day of the period a source states when the letter is sent on `sent`
    /// (working days skip Saturdays and Sundays; public holidays are not known, so show it
    /// as "about"). `None` when no source states a period.
    pub fn follow_up_date(&self, sent: Date) -> Option<Date> {
        let f = self.follow_up.as_ref()?;
        let days = u16::try_from(f.days).ok()?;
        if f.working_days {
            crate::guide::working_days_after(sent, days)
        } else {
            crate::guide::days_after(sent, days)
        }
    }

    /// The channel as a report records it: the guide channel id, or the company's name.
    pub fn report_channel(&self) -> String {
        match self.channel_id {
            Some(id) => id.as_str().to_string(),
            None => self.recipient.clone(),
        }
    }
}

/// The stem of a letter's file name in the exports folder (`leakaid-STEM-YYYYMMDD-HHMMSS.pdf`):
/// the case and the kind, so the command line and the wizard name letters alike.
pub fn file_stem(case: &str, kind: LetterKind) -> String {
    format!("{}-{}", crate::winname::file_part(case), kind.code())
}

/// Makes the letter `req` asks for from `case`, citing `guide`'s provisions in force on the
/// letter's date.
pub fn make(case: &CaseState, guide: &Guide, req: &LetterRequest) -> Result<Letter, LetterError> {
    let lang = req.lang;
    let content = LetterContent::get(lang);
    let kt = content.kind(req.kind);
    let to = req
        .to
        .as_deref()
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .map(str::to_string);
    // The suspected source is the company a company or 12315 letter goes to, unless --to
    // names another.
    let suspect = crate::text::shown_line(&case.profile.suspect).trim().to_string();
    let to = to.or_else(|| {
        (matches!(req.kind, LetterKind::Company | LetterKind::Consumer12315) && !suspect.is_empty())
            .then(|| suspect.clone())
    });
    if req.kind.needs_to() && to.is_none() {
        return Err(LetterError::MissingTo(req.kind));
    }
    if req.kind == LetterKind::Consumer12315 {
        // A complaint names the complainant's postal address and the respondent's address
        // (《市场监督管理投诉举报处理暂行办法》第九条): one without them is not taken.
        let mut missing = Vec::new();
        if case.profile.address.trim().is_empty() {
            missing.push(Missing12315::OwnAddress);
        }
        if case.profile.suspect_address.trim().is_empty() {
            missing.push(Missing12315::TheirAddress);
        }
        if !missing.is_empty() {
            return Err(LetterError::Incomplete12315(missing));
        }
    }
    let mut carries = kt.carries.clone();
    // `--with-id` adds the ID number where the kind allows it on request; a kind whose
    // recipient needs it (credit, carrier) carries it anyway; the others never.
    if req.with_id && !carries.contains(&WhatItCarries::IdNumber) {
        if !kt.id_on_request {
            return Err(LetterError::IdNotAllowed(req.kind));
        }
        carries.push(WhatItCarries::IdNumber);
    }
    if req.account.as_deref().is_some_and(|a| !a.trim().is_empty())
        && !carries.contains(&WhatItCarries::Account)
    {
        carries.push(WhatItCarries::Account);
    }
    let recipient = to.unwrap_or_else(|| kt.to_default.clone());
    let facts = Facts::new(
        case,
        &carries,
        &recipient,
        req.account.as_deref(),
        (req.date, &req.zone),
        lang,
    );
    if facts.name().is_empty() {
        return Err(LetterError::NoName);
    }
    let nothing = match req.kind {
        LetterKind::Spam12321 => facts.contacts().next().is_none(),
        LetterKind::Credit => facts.accounts().next().is_none(),
        LetterKind::Carrier => facts.accounts().next().is_none() && facts.contacts().next().is_none(),
        _ => false,
    };
    if nothing {
        return Err(LetterError::NothingToReport(req.kind));
    }
    let laws = cite(guide, kt, req.date, lang);
    if laws.is_empty()
        && let Some(from) = kt
            .laws
            .iter()
            .filter_map(|id| guide.law(id))
            .map(|l| l.in_force)
            .min()
    {
        return Err(LetterError::BeforeTheLaw { kind: req.kind, from });
    }
    let mut sections: Vec<Section> = kt
        .sections
        .iter()
        .map(|s| Section {
            heading: fill(&s.heading, |k| facts.value(k)),
            paragraphs: s
                .paragraphs
                .iter()
                .flat_map(|p| paragraphs(p, &facts, &laws, content))
                .collect(),
        })
        .filter(|s| !s.paragraphs.is_empty())
        .collect();
    // Number the sections as printed.
    let mut n = content.numerals.iter();
    for s in &mut sections {
        if let (Some(h), Some(num)) = (s.heading.take(), n.next()) {
            s.heading = fill(&content.heading_format, |k| match k {
                "n" => Some(num.clone()),
                "heading" => Some(h.clone()),
                _ => None,
            });
        }
    }
    let shown: Vec<WhatItCarries> = carries
        .iter()
        .copied()
        .filter(|w| holds(case, &facts, *w))
        .collect();
    let left_out: Vec<WhatItCarries> = [
        WhatItCarries::IdNumber,
        WhatItCarries::Address,
        WhatItCarries::Phones,
        WhatItCarries::Emails,
    ]
    .into_iter()
    .filter(|w| !carries.contains(w) && holds(case, &facts, *w))
    .collect();
    let fingerprint = crate::pdf::Fingerprint {
        count: case.fingerprint.count,
        head: case.fingerprint.head.clone(),
    };
    Ok(Letter {
        kind: req.kind,
        lang,
        date: req.date,
        title: kt.title.clone(),
        salutation: fill(&kt.salutation, |k| facts.value(k)).unwrap_or_default(),
        recipient,
        sections,
        how_to_send: how_to_send(guide, kt, &facts, lang),
        signed: fill(kt.signed.as_deref().unwrap_or(&content.signed), |k| {
            facts.value(k)
        })
        .unwrap_or_default(),
        dated: fill(&content.dated, |k| facts.value(k)).unwrap_or_default(),
        laws,
        carries: shown,
        left_out,
        // The period is the channel's, in the guide (the same one a sent letter's follow-up
        // date is counted from).
        follow_up: req
            .kind
            .channel()
            .and_then(|id| guide.channel(id).reply.as_ref())
            .map(|p| FollowUp {
                days: u32::from(p.days),
                working_days: p.working_days,
                what: p.what.clone(),
                source: p.basis.clone(),
                verified: p.verified,
            }),
        form_limit: kt.form_limit.clone(),
        channel_id: req.kind.channel(),
        attachments: if req.kind == LetterKind::Spam12321 {
            facts.eml_files()
        } else {
            Vec::new()
        },
        fingerprint,
        translation_mark: content.translation_mark.clone(),
    })
}

/// Where and how to send a letter: the kind's own advice (hedged when its source is weak),
/// then the ways to reach its channel, from the guide (so the letter and the guide never
/// disagree on a number or an address; a way the guide does not verify is hedged).
fn how_to_send(guide: &Guide, kt: &KindText, facts: &Facts, lang: Lang) -> Vec<String> {
    let hedge = if kt.verified { "" } else { hedge_suffix(lang) };
    let mut out: Vec<String> = kt
        .how_to_send
        .iter()
        .filter_map(|s| fill(s, |k| facts.value(k)))
        .map(|s| format!("{s}{hedge}"))
        .collect();
    for id in [kt.id.channel(), kt.id.next_channel()].into_iter().flatten() {
        let channel = guide.channel(id);
        let ways = channel.contact_shown(lang).join(lang.pick("；", "; "));
        out.push(format!(
            "{}{}{ways}",
            guide.display(channel),
            lang.pick("：", ": ")
        ));
    }
    out
}

/// Whether the case holds a detail (so a letter that leaves it out can say so).
fn holds(case: &CaseState, facts: &Facts, w: WhatItCarries) -> bool {
    let p = &case.profile;
    match w {
        WhatItCarries::Name => !p.name.trim().is_empty(),
        WhatItCarries::Phones => p.phones.iter().any(|s| !s.trim().is_empty()),
        WhatItCarries::Emails => p.emails.iter().any(|s| !s.trim().is_empty()),
        WhatItCarries::Address => !p.address.trim().is_empty(),
        WhatItCarries::IdNumber => !p.id_number.trim().is_empty(),
        WhatItCarries::Account => facts.value("account").is_some(),
        WhatItCarries::Contacts => facts.contacts().next().is_some(),
        WhatItCarries::AccountsInName => facts.accounts().next().is_some(),
        WhatItCarries::Loss => facts.value("loss").is_some(),
    }
}

/// The kind's provisions in force on `date`, with that day's numbers.
fn cite(guide: &Guide, kt: &KindText, date: Date, lang: Lang) -> Vec<LawCited> {
    kt.laws
        .iter()
        .filter_map(|id| guide.law(id))
        .filter(|law| law.in_force_on(date))
        .map(|law| {
            let cited = law.cited_on(date);
            let (text, exact) = match cited.wording() {
                Wording::Exact(t) => (t, true),
                Wording::Summary(t) => (t, false),
            };
            LawCited {
                id: law.id.clone(),
                citation: cited.display(lang),
                text: text.to_string(),
                exact,
                verified: cited.verified(),
            }
        })
        .collect()
}

/// One paragraph of the wording: a sentence, or a list the case fills in.
fn paragraphs(p: &str, facts: &Facts, laws: &[LawCited], c: &LetterContent) -> Vec<String> {
    let Some(list) = p.strip_prefix(LIST_PREFIX) else {
        return fill(p, |k| facts.value(k)).into_iter().collect();
    };
    match list {
        "laws" => laws
            .iter()
            .filter_map(|l| {
                let line = if l.exact { &c.law_line } else { &c.law_summary_line };
                fill(line, |k| match k {
                    "citation" => Some(l.citation.clone()),
                    "wording" => Some(l.text.clone()),
                    _ => None,
                })
            })
            .collect(),
        "leads" => capped(
            facts
                .leads
                .iter()
                .filter_map(|l| parts(&c.lead_line, |k| facts.lead_value(l, k))),
            &c.more_leads,
        ),
        "entries" => capped(
            facts
                .entries
                .iter()
                .filter_map(|e| parts(&c.entry_line, |k| facts.entry_value(e, k))),
            &c.more_entries,
        ),
        "accounts" => capped(
            facts
                .accounts()
                .filter_map(|e| parts(&c.entry_line, |k| facts.entry_value(e, k))),
            &c.more_entries,
        ),
        // What a carrier can act on: lines and cards in the victim's name, not bank cards or
        // loans; and the numbers that called or texted.
        "disputed" => capped(
            facts
                .accounts()
                .filter_map(|e| parts(&c.disputed_line, |k| facts.entry_value(e, k))),
            &c.more_entries,
        ),
        "lines" => capped(
            facts
                .accounts()
                .filter(|e| facts::is_phone_line(e))
                .filter_map(|e| parts(&c.entry_line, |k| facts.entry_value(e, k))),
            &c.more_entries,
        ),
        "phone_leads" => capped(
            facts
                .leads
                .iter()
                .filter(|l| {
                    l.kinds.iter().any(|k| {
                        matches!(
                            k,
                            crate::case::EvidenceKind::Call | crate::case::EvidenceKind::Sms
                        )
                    })
                })
                .filter_map(|l| parts(&c.lead_line, |k| facts.lead_value(l, k))),
            &c.more_leads,
        ),
        "sites" => capped(
            facts
                .sites()
                .filter_map(|e| parts(&c.entry_line, |k| facts.entry_value(e, k))),
            &c.more_entries,
        ),
        "attachments" => facts
            .eml_files()
            .into_iter()
            .filter_map(|(file, id)| {
                fill(&c.attach_line, |k| match k {
                    "file" => Some(file.clone()),
                    "id" => Some(id.clone()),
                    _ => None,
                })
            })
            .collect(),
        _ => Vec::new(),
    }
}

/// The most items a list in a letter shows; the rest are counted in one sentence that says
/// where the whole list is (a letter to an office is read, not searched).
pub const MAX_LIST: usize = 50;

/// The first [`MAX_LIST`] lines, then the sentence `more` counting the rest.
fn capped(lines: impl Iterator<Item = String>, more: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut rest = 0usize;
    for line in lines {
        if out.len() < MAX_LIST {
            out.push(line);
        } else {
            rest += 1;
        }
    }
    if rest > 0
        && let Some(line) = fill(more, |k| (k == "more").then(|| rest.to_string()))
    {
        out.push(line);
    }
    out
}

/// A line made of parts, each left out when it names a value the item lacks; `None` when
/// nothing is left.
fn parts(parts: &[String], value: impl Fn(&str) -> Option<String>) -> Option<String> {
    let line: String = parts.iter().filter_map(|p| fill(p, &value)).collect();
    (!line.is_empty()).then_some(line)
}

/// The letter as plain text for pasting into a web form or an email: each paragraph on one
/// line (no hard breaks inside it), a blank line between blocks. Notes for the victim (the
/// form's length limit, the follow-up period, how to send) are in [`notes`], not here.
pub fn to_text(letter: &Letter) -> String {
    let mut blocks: Vec<String> = Vec::new();
    blocks.push(letter.title.clone());
    if !letter.salutation.is_empty() {
        blocks.push(letter.salutation.clone());
    }
    for s in &letter.sections {
        let mut b = Vec::new();
        if let Some(h) = &s.heading {
            b.push(h.clone());
        }
        b.extend(s.paragraphs.iter().cloned());
        blocks.push(b.join("\n"));
    }
    blocks.push(format!("{}\n{}", letter.signed, letter.dated));
    format!("{}\n", blocks.join("\n\n"))
}

/// What the victim should know about sending `letter`, one sentence each: the form's length
/// limit with the text's length (only where a source states a limit), the follow-up period
/// (only where a source states one), where and how to send it.
pub fn notes(letter: &Letter) -> Vec<String> {
    let mut notes = Vec::new();
    let c = LetterContent::get(letter.lang);
    if let Some(limit) = &letter.form_limit {
        let length = to_text(letter).trim_end().chars().count();
        let hedge = if limit.verified {
            ""
        } else {
            hedge_suffix(letter.lang)
        };
        if let Some(line) = fill(&c.length_line, |k| match k {
            "limit" => Some(limit.chars.to_string()),
            "length" => Some(length.to_string()),
            "source" => Some(format!("{}{hedge}", limit.source)),
            _ => None,
        }) {
            notes.push(line);
        }
    }
    if let Some(line) = follow_up_line(letter) {
        notes.push(line);
    }
    notes.extend(letter.how_to_send.iter().cloned());
    notes
}

/// The follow-up period in a sentence (with its source; hedged when not verified).
pub fn follow_up_line(letter: &Letter) -> Option<String> {
    let f = letter.follow_up.as_ref()?;
    let c = LetterContent::get(letter.lang);
    let template = if f.working_days {
        &c.follow_up_working_line
    } else {
        &c.follow_up_line
    };
    let hedge = if f.verified { "" } else { hedge_suffix(letter.lang) };
    fill(template, |k| match k {
        "days" => Some(f.days.to_string()),
        "what" => Some(f.what.clone()),
        "source" => Some(format!("{}{hedge}", f.source)),
        _ => None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    fn letter_with(follow_up: Option<FollowUp>) -> Letter {
        Letter {
            kind: LetterKind::Credit,
            lang: Lang::Zh,
            date: date(2026, 12, 4),
            title: String::new(),
            recipient: String::new(),
            salutation: String::new(),
            sections: Vec::new(),
            how_to_send: Vec::new(),
            signed: String::new(),
            dated: String::new(),
            laws: Vec::new(),
            carries: vec![WhatItCarries::Name],
            left_out: vec![WhatItCarries::IdNumber],
            follow_up,
            form_limit: None,
            channel_id: LetterKind::Credit.channel(),
            attachments: Vec::new(),
            fingerprint: crate::pdf::Fingerprint {
                count: 0,
                head: String::new(),
            },
            translation_mark: String::new(),
        }
    }

    fn period(days: u32, working_days: bool) -> Option<FollowUp> {
        Some(FollowUp {
            days,
            working_days,
            what: "20日内核查并答复".into(),
            source: "x".into(),
            verified: true,
        })
    }

    #[test]
    fn follow_up_dates_count_calendar_or_working_days() {
        // Friday 4 December 2026.
        let sent = date(2026, 12, 4);
        assert_eq!(letter_with(None).follow_up_date(sent), None);
        assert_eq!(
            letter_with(period(20, false)).follow_up_date(sent),
            Some(date(2026, 12, 24))
        );
        // Seven working days from a Friday skip two weekends' worth of Saturdays and Sundays.
        assert_eq!(
            letter_with(period(7, true)).follow_up_date(sent),
            Some(date(2026, 12, 15))
        );
    }

    #[test]
    fn the_privacy_sentence_names_what_is_carried_and_left_out() {
        let l = letter_with(None);
        let s = l.privacy_sentence();
        assert!(s.contains("姓名") && s.contains("不包含你的身份证号"), "{s}");
        let en = l.privacy_sentence_in(Lang::En);
        assert!(en.contains("leaves out your ID number"), "{en}");
        assert_eq!(l.report_channel(), "credit_report");
    }

    #[test]
    fn notes_show_a_sourced_length_limit_and_the_period() {
        let mut l = letter_with(period(20, false));
        l.title = "征信异议申请书".into();
        l.sections = vec![Section {
            heading: Some("一、请求".into()),
            paragraphs: vec!["一段很长的文字".into()],
        }];
        assert!(notes(&l).iter().all(|n| !n.contains("最多")));
        l.form_limit = Some(FormLimit {
            chars: 500,
            source: "某表单说明".into(),
            verified: false,
        });
        let n = notes(&l);
        let length = to_text(&l).trim_end().chars().count();
        assert!(
            n[0].contains(&format!("正文 {length} 字"))
                && n[0].contains("最多 500 字")
                && n[0].contains("请以官方渠道为准"),
            "{n:?}"
        );
        assert!(n[1].contains("20日"), "{n:?}");
    }

    #[test]
    fn a_letter_dated_before_its_law_is_refused() {
        let mut case = CaseState::default();
        case.profile.name = "王䶮".into();
        let mut req = LetterRequest::new(LetterKind::Regulator, date(2021, 10, 31), Lang::Zh);
        let err = make(&case, Guide::get(Lang::Zh), &req).err();
        assert_eq!(
            err,
            Some(LetterError::BeforeTheLaw {
                kind: LetterKind::Regulator,
                from: date(2021, 11, 1)
            })
        );
        req.date = date(2021, 11, 1);
        assert!(make(&case, Guide::get(Lang::Zh), &req).is_ok());
    }

    #[test]
    fn no_name_no_letter() {
        let req = LetterRequest::new(LetterKind::Regulator, date(2026, 1, 1), Lang::Zh);
        let err = make(&CaseState::default(), Guide::get(Lang::Zh), &req).err();
        assert_eq!(err, Some(LetterError::NoName));
    }
}
