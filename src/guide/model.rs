//! The typed shape of the guide content, as read from `assets/guide/*.toml`.
//!
//! Every item carries `source` (an address — 64365.com/special/23552612 is the legal Q&A page
//! the product grew from — or the name of the legal text; a law item must name its statute, see
//! [`super::law`]) and `verified`. An item that is not verified must never
//! be shown as bare fact: use [`Sourced::display`] or [`Sourced::hedged`], which append the
//! hedge "（请以官方渠道为准）" / " (check with the official channel)".

use std::borrow::Cow;

use serde::Deserialize;

use crate::i18n::Lang;

/// The hedge appended to anything that is not verified, in the given language.
pub fn hedge_suffix(lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => "（请以官方渠道为准）",
        Lang::En => " (check with the official channel)",
    }
}

/// Something from the guide that says where it came from and whether that was checked.
///
/// UIs and the PDF use [`Sourced::display`] (or [`Sourced::hedged`] for other lines of the same
/// item), so an unverified item always carries the hedge.
pub trait Sourced {
    /// Where this came from: an address, or the legal text it quotes.
    fn source(&self) -> &str;
    /// Whether a reasonably strong source supports it. `false` means: show with the hedge.
    fn verified(&self) -> bool;
    /// The item's main line: a title, a name or a citation.
    fn headline(&self) -> &str;

    /// `text` as it may be shown for this item: unchanged when verified, else with the hedge.
    fn hedged<'a>(&self, text: &'a str, lang: Lang) -> Cow<'a, str> {
        if self.verified() {
            Cow::Borrowed(text)
        } else {
            Cow::Owned(format!("{text}{}", hedge_suffix(lang)))
        }
    }

    /// The headline as it may be shown: with the hedge when the item is not verified.
    fn display(&self, lang: Lang) -> Cow<'_, str> {
        self.hedged(self.headline(), lang)
    }
}

macro_rules! sourced {
    ($ty:ty, $headline:ident) => {
        impl Sourced for $ty {
            fn source(&self) -> &str {
                &self.source
            }
            fn verified(&self) -> bool {
                self.verified
            }
            fn headline(&self) -> &str {
                &self.$headline
            }
        }
    };
}

/// Defines a stable, snake_case id enum with `ALL`, `index` and `as_str`.
macro_rules! id_enum {
    (
        $(#[$meta:meta])*
        pub enum $name:ident { $( $(#[$vmeta:meta])* $variant:ident = $text:literal, )+ }
    ) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Deserialize)]
        pub enum $name {
            $( $(#[$vmeta])* #[serde(rename = $text)] $variant, )+
        }

        impl $name {
            /// Every value, in the order the guide presents them.
            pub const ALL: &'static [$name] = &[ $( $name::$variant, )+ ];

            /// The position of this value in [`Self::ALL`].
            pub fn index(self) -> usize {
                self as usize
            }

            /// The stable id used in the data files and in stored case data.
            pub fn as_str(self) -> &'static str {
                match self {
                    $( $name::$variant => $text, )+
                }
            }
        }
    };
}

id_enum! {
    /// One of the four response steps, in order.
    pub enum StepId {
        /// 1 收集证据线索: collect evidence.
        CollectEvidence = "collect_evidence",
        /// 2 向有关部门报案/投诉举报: report to the authorities.
        Report = "report",
        /// 3 提醒亲朋好友: warn family and friends.
        WarnContacts = "warn_contacts",
        /// 4 委托律师维权: consult a lawyer.
        ConsultLawyer = "consult_lawyer",
    }
}

impl StepId {
    /// The step's number as the user sees it (1 to 4).
    pub fn number(self) -> u8 {
        match self {
            StepId::CollectEvidence => 1,
            StepId::Report => 2,
            StepId::WarnContacts => 3,
            StepId::ConsultLawyer => 4,
        }
    }
}

id_enum! {
    /// An immediate action on the checklist. The id is stable: case data stores it.
    pub enum ChecklistId {
        /// Money already transferred to a fraudster: call 110 at once with the receiving
        /// account so the police can stop the payment (紧急止付).
        StopPayment = "stop_payment",
        /// Change important passwords, email and banking first.
        ChangePasswords = "change_passwords",
        /// Replace accounts that were taken over or misused.
        ReplaceAccounts = "replace_accounts",
        /// Call the bank: freeze or report cards, keep the ticket number.
        CallBank = "call_bank",
        /// Check the phone numbers registered to my ID card (一证通查).
        CheckPhoneNumbers = "check_phone_numbers",
        /// Check the internet accounts tied to my numbers (一证通查 2.0).
        CheckInternetAccounts = "check_internet_accounts",
        /// Check bank cards opened in my name (云闪付 一键查卡).
        CheckBankCards = "check_bank_cards",
        /// Get the credit report and object to unknown entries.
        CheckCreditReport = "check_credit_report",
        /// Log every suspicious call, SMS, email and address.
        LogContacts = "log_contacts",
        /// Report to 110 / the police station and keep the receipt.
        ReportToPolice = "report_to_police",
        /// Report spam and fraud to 12321 or the 国家反诈中心 App.
        ReportSpam = "report_spam",
        /// Warn family and friends.
        WarnContacts = "warn_contacts",
        /// Write the purpose on every copy of the ID card handed out.
        AnnotateIdCopies = "annotate_id_copies",
        /// Ask the company that leaked to delete my data.
        AskCompanyToDelete = "ask_company_to_delete",
        /// Consult a lawyer or the 12348 legal hotline.
        ConsultLawyer = "consult_lawyer",
    }
}

id_enum! {
    /// A reporting or help channel.
    pub enum ChannelId {
        /// 110 and the local police station (派出所).
        Police = "police",
        /// 96110, the anti-fraud warning and advice line (not the police line).
        AntiFraud96110 = "anti_fraud_96110",
        /// The 国家反诈中心 App.
        AntiFraudApp = "anti_fraud_app",
        /// 12381: anti-fraud warning SMS (receive only).
        Warning12381 = "warning_12381",
        /// 12321: spam SMS, harassing calls, spam email, personal-information leaks.
        Report12321 = "report_12321",
        /// 12377: illegal and harmful online content; the 网信 authority for personal-information
        /// complaints (个人信息保护法第六十五条).
        Report12377 = "report_12377",
        /// 12309: the procuratorate (supervision of a police refusal, public-interest leads).
        Procuratorate12309 = "procuratorate_12309",
        /// The mobile carriers' customer service.
        Carrier = "carrier",
        /// 12300: telecom complaints, after the carrier.
        Telecom12300 = "telecom_12300",
        /// 12315: market regulation and consumer complaints.
        Market12315 = "market_12315",
        /// The bank that issued my cards.
        Bank = "bank",
        /// 一证通查: phone numbers (and accounts) registered to my ID card.
        OneIdCheck = "one_id_check",
        /// 云闪付 一键查卡: bank cards opened in my name.
        CardCheck = "card_check",
        /// 征信中心: the personal credit report.
        CreditReport = "credit_report",
        /// 12348: public legal services and legal aid.
        Legal12348 = "legal_12348",
    }
}

id_enum! {
    /// A kind of harm or situation. The six harms of the source page come first; the rest
    /// describe situations that decide where to report.
    pub enum HarmTag {
        /// 垃圾短信 spam SMS.
        SpamSms = "spam_sms",
        /// 骚扰电话 harassing calls.
        HarassingCalls = "harassing_calls",
        /// 垃圾邮件 spam email.
        SpamEmail = "spam_email",
        /// 冒名办卡、透支欠款: cards or loans in my name, debts left behind.
        AccountsInMyName = "accounts_in_my_name",
        /// 案件事故: being drawn into cases or incidents under my name.
        CasesInMyName = "cases_in_my_name",
        /// 诈骗 fraud.
        Fraud = "fraud",
        /// Money already lost.
        MoneyLost = "money_lost",
        /// A shop, company or platform is suspected of leaking the data.
        CompanyLeak = "company_leak",
        /// Family or friends are being contacted or harassed.
        FamilyHarassed = "family_harassed",
        /// A problem with a phone line or carrier service.
        Telecom = "telecom",
        /// Personal information or harmful content published online.
        OnlineContent = "online_content",
        /// Need legal advice or legal aid.
        LegalAdvice = "legal_advice",
    }
}

/// One of the four response steps.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Step {
    /// Which step this is.
    pub id: StepId,
    /// The step's title, e.g. "收集证据线索".
    pub title: String,
    /// Why this step matters, in one or two sentences.
    pub purpose: String,
    /// What to do, one action per line.
    pub todo: Vec<String>,
    /// What to have ready.
    pub prepare: Vec<String>,
    /// Common mistakes to avoid.
    pub mistakes: Vec<String>,
    /// Where this came from.
    pub source: String,
    /// Whether the source is strong enough to state it as fact.
    pub verified: bool,
}
sourced!(Step, title);

/// An immediate action on the recovery checklist.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChecklistItem {
    /// Stable id; case data stores it when the user ticks the item.
    pub id: ChecklistId,
    /// The step whose screen shows this item.
    pub step: StepId,
    /// What to do, in a few words.
    pub title: String,
    /// How to do it, in plain words.
    pub how: String,
    /// Channels that help with this action.
    #[serde(default)]
    pub channels: Vec<ChannelId>,
    /// Where this came from.
    pub source: String,
    /// Whether the source is strong enough to state it as fact.
    pub verified: bool,
}
sourced!(ChecklistItem, title);

/// A place to report to or get help from.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Channel {
    /// Which channel this is.
    pub id: ChannelId,
    /// Its name, e.g. "12321 网络不良与垃圾信息举报受理中心".
    pub name: String,
    /// How to reach it: numbers, addresses, apps; one way per line. Never empty. Show the lines
    /// through [`Channel::contact_shown`], which hedges a way that is not verified.
    pub contact: Vec<Contact>,
    /// What it handles.
    pub handles: String,
    /// What to bring or say.
    pub bring: Vec<String>,
    /// An important caveat (e.g. "96110 is not the police line"), if any.
    #[serde(default)]
    pub note: Option<String>,
    /// The harms and situations it fits.
    pub fits: Vec<HarmTag>,
    /// How long it has to answer a letter or complaint, where a source states it.
    #[serde(default)]
    pub reply: Option<ReplyPeriod>,
    /// Where this came from.
    pub source: String,
    /// Whether the source is strong enough to state it as fact.
    pub verified: bool,
}
sourced!(Channel, name);

/// The period within which a channel must answer a letter or complaint, as a rule states it,
/// and what the sender can do when it has passed. Counted from the day the letter was sent
/// (the day itself not counted): the channel's own period runs from receipt, so the date is
/// never later than the real deadline.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReplyPeriod {
    /// How many days.
    pub days: u16,
    /// Working days (Saturdays and Sundays skipped) rather than calendar days.
    #[serde(default)]
    pub working_days: bool,
    /// What must happen within it, e.g. "运营商应在15日内答复投诉".
    pub what: String,
    /// What the sender can do once it has passed, e.g. "没有答复或不满意的，可以向12300申诉".
    pub then: String,
    /// The rule it rests on, e.g. "《电信用户申诉处理办法》第十条".
    pub basis: String,
    /// Where this came from.
    pub source: String,
    /// Whether the source is strong enough to state it as fact.
    pub verified: bool,
}
sourced!(ReplyPeriod, what);

impl ReplyPeriod {
    /// The day to follow up on a letter sent on `sent`: the last day of the period. Working
    /// days skip Saturdays and Sundays but not public holidays, so show the date as "about".
    pub fn last_day(&self, sent: jiff::civil::Date) -> Option<jiff::civil::Date> {
        if self.working_days {
            working_days_after(sent, self.days)
        } else {
            days_after(sent, self.days)
        }
    }
}

/// `start` plus `days` calendar days: the last day of a period whose first day is the day
/// after `start` (the day of the event is not counted, 刑事诉讼法第一百零五条).
pub fn days_after(start: jiff::civil::Date, days: u16) -> Option<jiff::civil::Date> {
    start.checked_add(jiff::Span::new().days(i64::from(days))).ok()
}

/// The `days`-th working day (Monday to Friday) after `start`.
pub fn working_days_after(start: jiff::civil::Date, days: u16) -> Option<jiff::civil::Date> {
    let mut d = start;
    let mut left = days;
    while left > 0 {
        d = d.tomorrow().ok()?;
        if !matches!(
            d.weekday(),
            jiff::civil::Weekday::Saturday | jiff::civil::Weekday::Sunday
        ) {
            left -= 1;
        }
    }
    Some(d)
}

/// One way to reach a channel. In the data a plain string is a way as verified as its channel;
/// a table `{ way = "…", verified = false, source = "…" }` marks one way that a weak source
/// supports (e.g. 12321 by SMS, which the official guide page does not show).
#[derive(Debug, Clone, Deserialize)]
#[serde(from = "RawContact")]
pub struct Contact {
    /// The way, e.g. "电话 12377" or "网站 12377.cn".
    pub way: String,
    /// Whether this way is as well supported as the channel itself.
    pub verified: bool,
    /// Where this way came from, when it differs from the channel's source.
    pub source: Option<String>,
}

#[derive(Deserialize)]
#[serde(untagged)]
enum RawContact {
    Plain(String),
    Detailed {
        way: String,
        verified: bool,
        source: String,
    },
}

impl From<RawContact> for Contact {
    fn from(raw: RawContact) -> Contact {
        match raw {
            RawContact::Plain(way) => Contact {
                way,
                verified: true,
                source: None,
            },
            RawContact::Detailed {
                way,
                verified,
                source,
            } => Contact {
                way,
                verified,
                source: Some(source),
            },
        }
    }
}

impl Channel {
    /// The ways to reach this channel as they may be shown: a way that is not verified carries
    /// the hedge. (A channel that is not verified as a whole shows the hedge on its name.)
    pub fn contact_shown(&self, lang: Lang) -> Vec<Cow<'_, str>> {
        self.contact
            .iter()
            .map(|c| {
                if c.verified {
                    Cow::Borrowed(c.way.as_str())
                } else {
                    Cow::Owned(format!("{}{}", c.way, hedge_suffix(lang)))
                }
            })
            .collect()
    }

    /// Whether this channel fits the given harm or situation.
    pub fn fits(&self, tag: HarmTag) -> bool {
        self.fits.contains(&tag)
    }
}

/// A harm a leak can bring (the source page's list).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Harm {
    /// Which harm this is.
    pub id: HarmTag,
    /// Its name, e.g. "垃圾短信".
    pub title: String,
    /// What it looks like, in plain words.
    pub explanation: String,
    /// Where this came from.
    pub source: String,
    /// Whether the source is strong enough to state it as fact.
    pub verified: bool,
}
sourced!(Harm, title);

/// A prevention tip.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PreventionTip {
    /// Stable id.
    pub id: String,
    /// The tip in a few words.
    pub title: String,
    /// How to follow it.
    pub how: String,
    /// Where this came from.
    pub source: String,
    /// Whether the source is strong enough to state it as fact.
    pub verified: bool,
}
sourced!(PreventionTip, title);

/// What a victim meets when reporting to the police, and what to bring.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PoliceProcedure {
    /// A short introduction.
    pub intro: String,
    /// What to bring to the police station.
    pub bring: Vec<String>,
    /// What the report should cover (practical advice, not an official list).
    pub elements: Vec<String>,
    /// The stages, in order.
    pub steps: Vec<PoliceStep>,
    /// What to do after a report, by where it stands (in the order of
    /// [`super::after::AfterId::ALL`] once loaded).
    #[serde(default)]
    pub after: Vec<super::after::AfterReport>,
    /// Where this came from.
    pub source: String,
    /// Whether the source is strong enough to state it as fact.
    pub verified: bool,
}
sourced!(PoliceProcedure, intro);

/// One stage of the police procedure.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PoliceStep {
    /// Stable id.
    pub id: String,
    /// The stage, e.g. "受案回执".
    pub title: String,
    /// What to expect.
    pub expect: String,
    /// What to ask for.
    pub ask_for: String,
    /// The time limit in words, if one applies; its day counts are in `periods`.
    #[serde(default)]
    pub time_limit: Option<String>,
    /// The time limits as data, so dates can be computed from the day something happened.
    #[serde(default)]
    pub periods: Vec<Period>,
    /// The rule this rests on, e.g. "《公安机关办理刑事案件程序规定》第一百七十一条".
    pub basis: String,
    /// Where this came from.
    pub source: String,
    /// Whether the source is strong enough to state it as fact.
    pub verified: bool,
}
sourced!(PoliceStep, title);

/// The event a police time limit is counted from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PeriodStart {
    /// The police received the report (受案).
    Reported,
    /// The police decided not to open a case.
    RefusalDecided,
    /// The complainant received the 不予立案通知书.
    RefusalNoticeReceived,
    /// The police received the application for reconsideration (复议).
    ReconsiderationApplied,
    /// The complainant received the reconsideration decision.
    ReconsiderationDecisionReceived,
}

/// Who must act within a period.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PeriodActor {
    /// The police must decide or deliver within it.
    Police,
    /// The complainant must apply within it, or loses the step.
    Complainant,
}

/// A time limit of a police stage, in days, counted from an event.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Period {
    /// Stable id within the stage, e.g. `standard`.
    pub id: String,
    /// How many days.
    pub days: u16,
    /// What the days are counted from.
    pub from: PeriodStart,
    /// Who must act within it.
    pub actor: PeriodActor,
    /// What must happen within it, e.g. "原则上作出是否立案的决定".
    pub what: String,
}

impl Period {
    /// The last day of the period when its event happened on `start`. The day of the event is not
    /// counted (刑事诉讼法第一百零五条); a period that ends on a public holiday runs to the next
    /// working day, which this does not know, so show the date as "about".
    pub fn last_day(&self, start: jiff::civil::Date) -> Option<jiff::civil::Date> {
        days_after(start, self.days)
    }
}
