//! Which channels to turn to first, given what has happened in a case.
//!
//! The order is the advice: what is most urgent comes first. Money lost to fraud goes to the
//! police before anything else (110 or the 派出所), because only a criminal report can start a
//! case and ask for an emergency stop of the payment (紧急止付); spam alone goes to 12321; a
//! company that leaked goes to market regulation, the police, and 12377 (the 网信 authority for
//! personal-information complaints, 个人信息保护法第六十五条); a police refusal to open a case goes
//! to the procuratorate (12309, 刑事诉讼法第一百一十三条); a telecom problem goes to the carrier before 12300, which only takes a complaint the
//! carrier did not resolve.

use super::model::ChannelId;

/// What the case looks like, in the few facts the recommendation needs. The case state is
/// mapped into this plain struct so the guide does not depend on how cases are stored.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CaseSignals {
    /// Suspicious or harassing calls logged.
    pub calls: u32,
    /// Spam or scam SMS logged.
    pub sms: u32,
    /// Spam or phishing emails logged.
    pub emails: u32,
    /// Letters or parcels logged.
    pub letters: u32,
    /// Web pages logged (e.g. my data published, a phishing site).
    pub web: u32,
    /// Accounts found that someone opened or used in my name.
    pub accounts: u32,
    /// Anything else logged.
    pub other: u32,
    /// Someone tried to defraud me (even if no money was lost).
    pub fraud_attempted: bool,
    /// Money has been lost.
    pub money_lost: bool,
    /// A shop, company or platform is suspected of leaking my data.
    pub company_suspected: bool,
    /// Family or friends are being contacted or harassed.
    pub family_harassed: bool,
    /// Cards, loans, phone numbers or accounts were opened in my name.
    pub accounts_opened_in_my_name: bool,
    /// A problem with my own phone line or carrier (e.g. a number I did not open).
    pub telecom_problem: bool,
    /// My personal information or harmful content about me is published online.
    pub online_content: bool,
    /// The police decided not to open a case on my report.
    pub police_refused: bool,
}

impl CaseSignals {
    /// Whether nothing at all has been recorded yet.
    pub fn is_empty(&self) -> bool {
        *self == CaseSignals::default()
    }
}

/// Why a channel is recommended: the fact of the case that brings it in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Why {
    /// Money has been lost.
    MoneyLost,
    /// Accounts or cards were opened in my name.
    AccountsInMyName,
    /// A company is suspected of the leak.
    CompanySuspected,
    /// The police refused to open a case.
    PoliceRefused,
    /// Family or friends are harassed.
    FamilyHarassed,
    /// Someone tried to defraud me.
    FraudAttempted,
    /// Spam calls, SMS or email were logged.
    SpamReceived,
    /// Calls or SMS were logged (the carrier can block and trace them).
    CallsOrSms,
    /// A problem with my own line or carrier.
    TelecomProblem,
    /// My information is published online.
    OnlineContent,
    /// Nothing recorded yet: where any leak can be reported.
    NothingYet,
}

/// The channels to turn to for this case, most urgent first, each once.
///
/// With nothing recorded yet it still names 12321 (which also takes reports of
/// personal-information leaks) and the police, so the screen is never empty.
pub fn recommend(signals: &CaseSignals) -> Vec<ChannelId> {
    recommend_why(signals).into_iter().map(|(id, _)| id).collect()
}

/// [`recommend`] with the reason each channel is on the list (the first fact that named it).
pub fn recommend_why(signals: &CaseSignals) -> Vec<(ChannelId, Why)> {
    use ChannelId::*;

    let mut out: Vec<(ChannelId, Why)> = Vec::new();
    let add = |out: &mut Vec<(ChannelId, Why)>, why: Why, ids: &[ChannelId]| {
        for id in ids {
            if !out.iter().any(|(x, _)| x == id) {
                out.push((*id, why));
            }
        }
    };

    if signals.money_lost {
        add(
            &mut out,
            Why::MoneyLost,
            &[Police, AntiFraud96110, AntiFraudApp, Bank],
        );
    }
    if signals.accounts_opened_in_my_name || signals.accounts > 0 {
        add(
            &mut out,
            Why::AccountsInMyName,
            &[Bank, CardCheck, CreditReport, OneIdCheck, Police],
        );
    }
    if signals.company_suspected {
        add(
            &mut out,
            Why::CompanySuspected,
            &[Market12315, Police, Report12377, Report12321],
        );
    }
    if signals.police_refused {
        add(&mut out, Why::PoliceRefused, &[Procuratorate12309]);
    }
    if signals.family_harassed {
        add(
            &mut out,
            Why::FamilyHarassed,
            &[Police, Report12321, AntiFraudApp],
        );
    }
    if signals.fraud_attempted {
        add(&mut out, Why::FraudAttempted, &[AntiFraudApp, AntiFraud96110]);
    }
    if signals.sms > 0 || signals.calls > 0 || signals.emails > 0 {
        add(&mut out, Why::SpamReceived, &[Report12321]);
    }
    if signals.sms > 0 || signals.calls > 0 {
        add(&mut out, Why::CallsOrSms, &[Carrier]);
    }
    if signals.telecom_problem {
        add(&mut out, Why::TelecomProblem, &[Carrier, Telecom12300]);
    }
    if signals.online_content || signals.web > 0 {
        add(&mut out, Why::OnlineContent, &[Report12377]);
    }
    if out.is_empty() {
        add(&mut out, Why::NothingYet, &[Report12321, Police]);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn money_lost_goes_to_the_police_first() {
        let got = recommend(&CaseSignals {
            calls: 3,
            money_lost: true,
            fraud_attempted: true,
            ..CaseSignals::default()
        });
        assert_eq!(got.first(), Some(&ChannelId::Police));
        assert_eq!(got.get(1), Some(&ChannelId::AntiFraud96110));
        assert!(got.contains(&ChannelId::Report12321));
    }

    #[test]
    fn only_spam_sms_goes_to_12321_first() {
        let got = recommend(&CaseSignals {
            sms: 5,
            ..CaseSignals::default()
        });
        assert_eq!(got, vec![ChannelId::Report12321, ChannelId::Carrier]);
    }

    #[test]
    fn telecom_goes_to_the_carrier_before_12300() {
        let got = recommend(&CaseSignals {
            telecom_problem: true,
            ..CaseSignals::default()
        });
        assert_eq!(got, vec![ChannelId::Carrier, ChannelId::Telecom12300]);
    }

    #[test]
    fn nothing_recorded_still_names_somewhere_to_go() {
        let signals = CaseSignals::default();
        assert!(signals.is_empty());
        assert_eq!(
            recommend(&signals),
            vec![ChannelId::Report12321, ChannelId::Police]
        );
    }

    #[test]
    fn no_channel_is_named_twice() {
        let got = recommend(&CaseSignals {
            calls: 1,
            sms: 1,
            emails: 1,
            web: 1,
            accounts: 1,
            money_lost: true,
            fraud_attempted: true,
            company_suspected: true,
            family_harassed: true,
            accounts_opened_in_my_name: true,
            telecom_problem: true,
            online_content: true,
            police_refused: true,
            ..CaseSignals::default()
        });
        let mut sorted = got.clone();
        sorted.sort();
        sorted.dedup();
        assert_eq!(sorted.len(), got.len());
    }
}
