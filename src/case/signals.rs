//! The few facts of a case the guide's advice turns on (`guide::CaseSignals`), read from the
//! case state, and the checklist items a record proves done. One place, so the dashboard, the
//! step screens, the checklist and the command line agree.

use crate::guide::{CaseSignals, ChannelId, ChecklistId};
use crate::i18n::Lang;

use super::event::EvidenceKind;
use super::state::CaseState;
use super::steps::ReportStatus;
use crate::text::halfwidth::to_halfwidth;

/// What the case's records say, for `guide::recommend`.
pub fn case_signals(state: &CaseState) -> CaseSignals {
    let mut s = CaseSignals::default();
    for e in state.live_entries() {
        let f = &e.current;
        match f.kind {
            EvidenceKind::Call => s.calls += 1,
            EvidenceKind::Sms => s.sms += 1,
            EvidenceKind::Email => s.emails += 1,
            EvidenceKind::Letter => s.letters += 1,
            EvidenceKind::Web => s.web += 1,
            EvidenceKind::Account => s.accounts += 1,
            EvidenceKind::Other => s.other += 1,
        }
        if f.lost.is_some_and(|l| l.0 > 0) {
            s.money_lost = true;
            s.fraud_attempted = true;
        }
        // A caller who quotes an order points at the shop or platform that holds it.
        if f.knew.contains(&super::event::Knew::Order) {
            s.company_suspected = true;
        }
    }
    if !state.profile.suspect.trim().is_empty() {
        s.company_suspected = true;
    }
    s.accounts_opened_in_my_name = s.accounts > 0;
    // Not taken at the desk, not opened, or not decided in time: the procuratorate can
    // supervise all three.
    s.police_refused = state.reports.iter().any(|r| {
        !r.current.is_letter()
            && matches!(
                r.current.status,
                ReportStatus::Refused | ReportStatus::NotAccepted | ReportStatus::NoDecision
            )
    });
    s
}

/// The words after which a summary names the account the money went to.
const ACCOUNT_WORDS: [&str; 5] = [
    "收款账户",
    "收款账号",
    "收款卡号",
    "对方账户",
    "receiving account",
];

/// The receiving account to give the police for an emergency stop, from the newest entry with
/// money lost: its recorded transfer, else an account its summary names
/// (`收款账户：6222 0000 1234`).
pub fn receiving_account(state: &CaseState) -> Option<String> {
    state
        .live_entries()
        .filter(|e| e.current.lost.is_some_and(|l| l.0 > 0))
        .max_by_key(|e| e.current.occurred_at.timestamp())
        .and_then(|e| {
            e.current
                .transfer
                .as_ref()
                .map(|t| t.account.trim().to_string())
                .filter(|a| !a.is_empty())
                .or_else(|| account_in(&e.current.summary))
        })
}

/// The account named after one of [`ACCOUNT_WORDS`] in `text`: letters, digits and the spaces
/// or dashes between them.
fn account_in(text: &str) -> Option<String> {
    let folded = to_halfwidth(text);
    let (_, after) = ACCOUNT_WORDS.iter().find_map(|w| folded.split_once(w))?;
    let after = after.trim_start_matches([':', '：', ' ', '是', '为']);
    let account: String = after
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == ' ' || *c == '-')
        .collect();
    let account = account.trim().to_string();
    account.chars().any(|c| c.is_ascii_digit()).then_some(account)
}

/// The record that proves a checklist item done (`R1`, `W1`, `L1`), if there is one: a report
/// filed proves "report to the police" (a letter sent to another office does not, nor a report
/// the desk would not take), "report
/// spam" when it went to 12321, "ask the company to delete" when the company letter was sent;
/// a warned contact proves "warn family and friends", a consultation proves "consult a lawyer".
pub fn done_by_record(state: &CaseState, item: ChecklistId) -> Option<&str> {
    let report = |proves: &dyn Fn(&super::steps::Report) -> bool| {
        state.reports.iter().find(|r| proves(r)).map(|r| r.id.as_str())
    };
    match item {
        // A report the desk would not take is not yet a report made.
        ChecklistId::ReportToPolice => report(&|r| {
            !r.current.is_letter()
                && r.current.channel.may_be_police()
                && r.current.status != ReportStatus::NotAccepted
        }),
        ChecklistId::ReportSpam => {
            report(&|r| r.current.channel.guide() == Some(ChannelId::Report12321) || letter_sent(r, "12321"))
        }
        ChecklistId::AskCompanyToDelete => report(&|r| letter_sent(r, "company")),
        ChecklistId::WarnContacts => state.live_warnings().next().map(|(id, _)| id.as_str()),
        ChecklistId::ConsultLawyer => state.live_consultations().next().map(|(id, _)| id.as_str()),
        _ => None,
    }
}

/// True when `r` records a sent letter of `kind`.
fn letter_sent(r: &super::steps::Report, kind: &str) -> bool {
    r.current.letter.as_ref().is_some_and(|l| l.kind == kind)
}

/// True when the item is done, ticked by hand or proved by a record.
pub fn is_done(state: &CaseState, item: ChecklistId) -> bool {
    state.is_ticked(item.as_str()) || done_by_record(state, item).is_some()
}

/// Step 2 in numbers: the reports made to the police and other authorities (a letter sent is
/// not one), how many of those have a receipt, and the letters sent. Counted here only, so the
/// dashboard, step 2, the lawyer's brief and `leakaid report list` say the same.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ReportCount {
    /// Reports made (every step-2 record that is not a letter sent).
    pub reports: usize,
    /// Of those, the ones with a receipt or case number.
    pub with_receipt: usize,
    /// Letters recorded as sent.
    pub letters: usize,
}

impl ReportCount {
    /// The reports in words: "已报案 2 次，1 次有回执", or "还没有报案".
    pub fn reports_words(&self, lang: Lang) -> String {
        match (self.reports, lang) {
            (0, _) => lang.pick("还没有报案", "nothing reported yet").to_string(),
            (n, Lang::Zh) => format!("已报案 {n} 次，{} 次有回执", self.with_receipt),
            (1, Lang::En) => format!("1 report, {} with a receipt", self.with_receipt),
            (n, Lang::En) => format!("{n} reports, {} with a receipt", self.with_receipt),
        }
    }

    /// The letters in words, to follow [`ReportCount::reports_words`]: "；寄信 1 封", or
    /// nothing when none was sent.
    pub fn letters_words(&self, lang: Lang) -> String {
        match (self.letters, lang) {
            (0, _) => String::new(),
            (n, Lang::Zh) => format!("；寄信 {n} 封"),
            (n, Lang::En) => format!("; letters sent: {n}"),
        }
    }

    /// Both: "已报案 1 次，0 次有回执；寄信 1 封".
    pub fn words(&self, lang: Lang) -> String {
        self.reports_words(lang) + &self.letters_words(lang)
    }
}

/// How many reports were made, with a receipt, and how many letters were sent.
pub fn report_count(state: &CaseState) -> ReportCount {
    let mut n = ReportCount::default();
    for r in &state.reports {
        if r.current.is_letter() {
            n.letters += 1;
        } else {
            n.reports += 1;
            if !r.current.receipt.is_empty() {
                n.with_receipt += 1;
            }
        }
    }
    n
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_suspected_source_or_a_quoted_order_brings_in_12315_and_the_regulator() {
        use crate::guide::recommend;
        let mut state = CaseState::default();
        assert!(!case_signals(&state).company_suspected);
        state.profile.suspect = "某某网购平台".into();
        let signals = case_signals(&state);
        assert!(signals.company_suspected);
        let ids = recommend(&signals);
        for id in [
            crate::guide::ChannelId::Market12315,
            crate::guide::ChannelId::Report12377,
        ] {
            assert!(ids.contains(&id), "{id:?} not in {ids:?}");
        }
    }

    #[test]
    fn a_report_to_12321_proves_the_spam_report_and_not_the_police_report() {
        use super::super::steps::{ReportDraft, ReportStatus};
        let now: jiff::ZonedDateTime = "2026-11-29T15:00:00+08:00[Asia/Shanghai]".parse().expect("valid");
        let report = |id: &str, channel: &str| super::super::steps::Report {
            id: id.into(),
            current: ReportDraft {
                channel: channel.into(),
                status: Some(ReportStatus::Filed),
                ..ReportDraft::default()
            }
            .validate(&now)
            .expect("valid"),
            updates: Vec::new(),
            recorded_at: crate::moment::Moment::from_zoned(&now),
        };
        let mut state = CaseState::default();
        state.reports.push(report("R1", "12321"));
        assert_eq!(done_by_record(&state, ChecklistId::ReportSpam), Some("R1"));
        assert_eq!(done_by_record(&state, ChecklistId::ReportToPolice), None);
        state.reports.push(report("R2", "朝阳分局某某派出所"));
        assert_eq!(done_by_record(&state, ChecklistId::ReportToPolice), Some("R2"));
        // A number that merely holds the digits is not 12321.
        let mut other = CaseState::default();
        other.reports.push(report("R1", "010-12321000"));
        assert_eq!(done_by_record(&other, ChecklistId::ReportSpam), None);
    }

    #[test]
    fn the_receiving_account_is_read_from_the_summary() {
        assert_eq!(
            account_in("对方让我转到安全账户，收款账户：6222 0212 3456 7890，户名李某").as_deref(),
            Some("6222 0212 3456 7890")
        );
        assert_eq!(
            account_in("收款账号６２２２０２１２").as_deref(),
            Some("62220212")
        );
        assert_eq!(account_in("让我转账到收款账户").as_deref(), None);
        assert_eq!(account_in("自称公安局"), None);
    }
}
