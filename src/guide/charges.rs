//! What a complaint letter asks for and cites, decided from the facts of the case — the one
//! place that does so. The PDF only prints what [`decide`] returns.
//!
//! The rules follow the complaint-letter section of the guide's sources: a letter to the
//! police cites the criminal provisions and the procedure that make it a 刑事控告书, never the
//! civil or administrative ones (those belong in the lawyer's brief); money lost adds 诈骗罪
//! (刑法第二百六十六条) and 追赃挽损 (反电信网络诈骗法第三十四条), and a recent loss the urgent
//! stop-payment request with its basis, 反电信网络诈骗法第二十条 (紧急止付、快速冻结); accounts or
//! cards opened in the victim's name add 反电信网络诈骗法第三十一条 and the offences such an account
//! may involve (刑法第二百八十条之一、第一百七十七条之一、第一百九十六条、第二百八十七条之二); a
//! fraud also cites 反电信网络诈骗法第二十九条 (the police trace where the personal information used
//! came from). Nothing here asserts what the victim cannot
//! know (the offender's record counts, a sale): the letter says 本人有理由认为 and asks the
//! police to examine the case.

use jiff::civil::Date;

/// The facts of a case that decide the charges; built from the live entries.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ChargeFacts {
    /// Live evidence entries.
    pub entries: usize,
    /// Money lost, in fen, over all live entries.
    pub lost_fen: u64,
    /// The day of the latest entry with a loss.
    pub last_loss: Option<Date>,
    /// A live entry records an account or card opened or used in the victim's name.
    pub account_in_name: bool,
    /// Any live entry shows the other side knew something about the victim.
    pub knew_anything: bool,
    /// Live calls.
    pub calls: usize,
    /// Live text messages and emails: the 信息 the 治安 request may say were sent.
    pub messages: usize,
}

/// What the 治安 request says disturbed the victim's life: only what the record shows.
/// "多次" needs two contacts or more; calls are not "发送信息", nor a message a call.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Disturbance {
    /// Fewer than two calls and messages: the request names only the personal information.
    NotRepeated,
    /// Two calls or more, no message: 多次来电.
    Calls,
    /// Two messages or more, no call: 多次发送信息.
    Messages,
    /// Calls and messages, two or more in all: 多次以来电、发送信息的方式.
    CallsAndMessages,
}

impl Disturbance {
    /// What `facts` show.
    pub fn of(facts: &ChargeFacts) -> Disturbance {
        match (facts.calls, facts.messages) {
            (c, m) if c + m < 2 => Disturbance::NotRepeated,
            (_, 0) => Disturbance::Calls,
            (0, _) => Disturbance::Messages,
            _ => Disturbance::CallsAndMessages,
        }
    }
}

/// An offence the letter names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Offence {
    /// 侵犯公民个人信息罪 (刑法第二百五十三条之一).
    PersonalInformation,
    /// 诈骗罪 (刑法第二百六十六条).
    Fraud,
}

/// One request (控告请求) of the letter, in the order printed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Request {
    /// Urgent: stop and freeze the payment to the receiving accounts (紧急止付、冻结).
    StopPayment,
    /// Open a case and recover the money lost (立案侦查，追缴被骗款项).
    InvestigateAndRecover,
    /// Open a case (立案侦查) under 刑法第二百五十三条之一.
    Investigate,
    /// Find where the personal information leaked from (反电信网络诈骗法第二十九条 asks the
    /// police to trace it in fraud cases; in any case it is what the victim needs).
    TraceSource,
    /// Issue the 受案回执.
    Receipt,
    /// An earlier report was not accepted: say so, ask for the 受案回执 and, if no case is
    /// opened, the written 不予立案通知书 (程序规定第一百七十八条). Takes the place of `Receipt`.
    ReceiptAfterRefusal,
    /// No money lost: if it is not a crime, handle it as a 治安 case under the revised
    /// 治安管理处罚法 (in force from 2026-01-01; named without an article number, which is not
    /// verified). It names the disturbance only as the record shows it.
    PublicSecurity(Disturbance),
}

/// What the letter asks for and cites.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Charges {
    /// Offences named in the closing sentence, most fitting first.
    pub offences: Vec<Offence>,
    /// The requests, in order.
    pub requests: Vec<Request>,
    /// Guide law ids to cite, in order.
    pub law_ids: Vec<&'static str>,
}

/// A loss this many days old or newer (counted to the print date) still gets the urgent
/// stop-payment request: banks can only stop or freeze money that has not moved on.
pub const URGENT_LOSS_DAYS: i32 = 30;

/// The offences an account or card opened in the victim's name may involve, cited beside
/// 反电信网络诈骗法第三十一条: using another's identity document (刑法第二百八十条之一), obtaining a
/// credit card with false identity papers (第一百七十七条之一), credit-card fraud (第一百九十六条),
/// and helping crime on information networks with such accounts (第二百八十七条之二). The letter
/// names none of them as the charge: the victim cannot know which one the police will find.
pub const ACCOUNT_OFFENCES: [&str; 4] = [
    "criminal_280_1",
    "criminal_177_1",
    "criminal_196",
    "criminal_287_2",
];

/// The law ids every letter cites: of 法释〔2017〕10号 only the items a single victim can
/// show (第四条, buying the data; 第五条第一款第（一）项、第（二）项, providing it for crime),
/// never the record counts of 第五条, which no victim can know (those are for the lawyer).
const ALWAYS: [&str; 5] = [
    "criminal_253_1",
    "interpretation_2017_art1",
    "interpretation_2017_art4",
    "interpretation_2017_art5_victim",
    "cpl_110",
];

/// How the letter prints a provision: the whole article when the request rests on all of
/// it; only the paragraphs it rests on (the statute's own words, cut at paragraphs only);
/// or the article named with a one-line 要旨 where its whole text adds nothing to the request.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Cite {
    /// The whole text.
    Whole,
    /// These paragraphs (款), counted from 1, in order.
    Paragraphs(&'static [usize]),
    /// The article named, with the letter's one-line 要旨 (`[law_gist]` in
    /// `assets/letter/`), marked as a summary.
    Gist,
}

/// How the police letter cites the provision `id`:
/// - 刑法第二百五十三条之一: 第一款 (selling or providing) and 第三款 (stealing or otherwise
///   obtaining), what the request to investigate rests on; the insider's heavier penalty and
///   the unit offence are left to the police.
/// - 刑事诉讼法第一百一十条: 第二款 (the victim's right to 控告) and 第三款 (every office must
///   accept it), what the receipt request rests on; not the duty of all to report nor 自首.
/// - 法释〔2017〕10号第一条、第四条, 反电信网络诈骗法第二十九条、第三十四条 and the offences an
///   account in the victim's name may involve: named with a one-line 要旨.
/// - The rest (刑法第二百六十六条、第六十四条, 反电信网络诈骗法第二十条、第三十一条第一款, the
///   items of 法释〔2017〕10号第五条 a victim can show): whole.
pub fn cite(id: &str) -> Cite {
    match id {
        "criminal_253_1" => Cite::Paragraphs(&[1, 3]),
        "cpl_110" => Cite::Paragraphs(&[2, 3]),
        "interpretation_2017_art1" | "interpretation_2017_art4" | "anti_fraud_29" | "anti_fraud_34" => {
            Cite::Gist
        }
        id if ACCOUNT_OFFENCES.contains(&id) => Cite::Gist,
        _ => Cite::Whole,
    }
}

/// The day the revised 治安管理处罚法 took effect; before it the 治安 request is not made.
const PUBLIC_SECURITY_LAW_FROM: Date = jiff::civil::date(2026, 1, 1);

/// Decides the charges for a case printed on `print_date`; `None` when there is no evidence
/// yet (no letter can be made from nothing).
pub fn decide(facts: &ChargeFacts, print_date: Date) -> Option<Charges> {
    if facts.entries == 0 {
        return None;
    }
    let lost = facts.lost_fen > 0;
    let mut offences = vec![Offence::PersonalInformation];
    let mut requests = Vec::new();
    let mut law_ids: Vec<&'static str> = Vec::new();
    if lost {
        // The fraud is the offence the money went to; it comes first.
        offences.insert(0, Offence::Fraud);
        let recent = facts.last_loss.is_some_and(|d| {
            print_date
                .since(d)
                .map(|span| span.get_days() <= URGENT_LOSS_DAYS)
                .unwrap_or(false)
        });
        if recent {
            requests.push(Request::StopPayment);
        }
        requests.push(Request::InvestigateAndRecover);
    } else {
        requests.push(Request::Investigate);
    }
    requests.push(Request::TraceSource);
    if !lost && print_date >= PUBLIC_SECURITY_LAW_FROM {
        requests.push(Request::PublicSecurity(Disturbance::of(facts)));
    }
    requests.push(Request::Receipt);
    // The provisions in the order of the requests that rest on them.
    if requests.contains(&Request::StopPayment) {
        // The basis of the urgent request: 紧急止付、快速冻结 (not 追赃挽损, which is 34).
        law_ids.push("anti_fraud_20");
    }
    if lost {
        law_ids.push("criminal_266");
    }
    law_ids.extend(ALWAYS.iter().take(4));
    if lost {
        // Recovering the money, as the request names them.
        law_ids.push("anti_fraud_34");
        law_ids.push("criminal_64");
    }
    if facts.account_in_name {
        law_ids.push("anti_fraud_31");
        law_ids.extend(ACCOUNT_OFFENCES);
    }
    if lost {
        // Tracing the personal information the fraud used (查明来源).
        law_ids.push("anti_fraud_29");
    }
    // Accepting the complaint (受案回执).
    law_ids.push(ALWAYS[4]);
    Some(Charges {
        offences,
        requests,
        law_ids,
    })
}

/// What earlier reports change: when one was not accepted at the desk, the receipt request
/// says so and also asks for the written notice should no case be opened.
pub fn after_earlier_reports(mut charges: Charges, not_accepted_before: bool) -> Charges {
    if not_accepted_before {
        for r in &mut charges.requests {
            if *r == Request::Receipt {
                *r = Request::ReceiptAfterRefusal;
            }
        }
    }
    charges
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    fn facts() -> ChargeFacts {
        ChargeFacts {
            entries: 3,
            knew_anything: true,
            ..Default::default()
        }
    }

    #[test]
    fn nothing_recorded_gives_no_letter() {
        assert_eq!(decide(&ChargeFacts::default(), date(2026, 1, 1)), None);
    }

    #[test]
    fn without_loss_only_the_personal_information_offence() -> Result<(), String> {
        let c = decide(&facts(), date(2026, 1, 1)).ok_or("no charges")?;
        assert_eq!(c.offences, vec![Offence::PersonalInformation]);
        assert_eq!(c.requests[0], Request::Investigate);
        assert!(!c.law_ids.contains(&"criminal_266"));
        assert!(!c.law_ids.contains(&"anti_fraud_34"));
        assert!(c.law_ids.contains(&"criminal_253_1") && c.law_ids.contains(&"cpl_110"));
        Ok(())
    }

    #[test]
    fn a_recent_loss_asks_to_stop_the_payment_first() -> Result<(), String> {
        let f = ChargeFacts {
            lost_fen: 500_000,
            last_loss: Some(date(2026, 10, 24)),
            ..facts()
        };
        let c = decide(&f, date(2026, 10, 30)).ok_or("no charges")?;
        assert_eq!(c.offences, vec![Offence::Fraud, Offence::PersonalInformation]);
        assert_eq!(
            c.requests[..2],
            [Request::StopPayment, Request::InvestigateAndRecover]
        );
        // The provisions follow the requests: the stop-payment basis first, then the offence.
        assert_eq!(c.law_ids[..2], ["anti_fraud_20", "criminal_266"]);
        assert!(c.law_ids.contains(&"anti_fraud_34"));
        // The stop-payment request rests on 反电信网络诈骗法第二十条.
        assert!(c.law_ids.contains(&"anti_fraud_20"));
        // Months later the money has moved on: no stop-payment request, still recovery.
        let c = decide(&f, date(2027, 3, 1)).ok_or("no charges")?;
        assert_eq!(c.requests[0], Request::InvestigateAndRecover);
        assert_eq!(c.law_ids[0], "criminal_266");
        assert!(!c.law_ids.contains(&"anti_fraud_20"));
        assert!(c.law_ids.contains(&"anti_fraud_34"));
        Ok(())
    }

    #[test]
    fn without_loss_the_public_security_route_once_the_revised_law_is_in_force() -> Result<(), String> {
        let c = decide(&facts(), date(2026, 12, 7)).ok_or("no charges")?;
        assert_eq!(
            c.requests,
            [
                Request::Investigate,
                Request::TraceSource,
                Request::PublicSecurity(Disturbance::NotRepeated),
                Request::Receipt
            ]
        );
        let c = decide(&facts(), date(2025, 12, 31)).ok_or("no charges")?;
        assert!(
            !c.requests.iter().any(|r| matches!(r, Request::PublicSecurity(_))),
            "the old law"
        );
        let f = ChargeFacts {
            lost_fen: 300_000,
            last_loss: Some(date(2026, 12, 1)),
            ..facts()
        };
        let c = decide(&f, date(2026, 12, 7)).ok_or("no charges")?;
        assert!(
            !c.requests.iter().any(|r| matches!(r, Request::PublicSecurity(_))),
            "a fraud is a crime"
        );
        Ok(())
    }

    #[test]
    fn the_public_security_request_says_only_what_the_contacts_show() -> Result<(), String> {
        let request = |calls, messages| -> Result<Request, String> {
            let f = ChargeFacts {
                calls,
                messages,
                ..facts()
            };
            let c = decide(&f, date(2026, 12, 7)).ok_or("no charges")?;
            c.requests
                .into_iter()
                .find(|r| matches!(r, Request::PublicSecurity(_)))
                .ok_or_else(|| "no public-security request".to_string())
        };
        use Disturbance::*;
        // One call, one message, nothing: not 多次.
        assert_eq!(request(1, 0)?, Request::PublicSecurity(NotRepeated));
        assert_eq!(request(0, 1)?, Request::PublicSecurity(NotRepeated));
        assert_eq!(request(0, 0)?, Request::PublicSecurity(NotRepeated));
        // Only calls: no 发送信息; only messages: no 来电.
        assert_eq!(request(4, 0)?, Request::PublicSecurity(Calls));
        assert_eq!(request(0, 2)?, Request::PublicSecurity(Messages));
        assert_eq!(request(1, 1)?, Request::PublicSecurity(CallsAndMessages));
        Ok(())
    }

    #[test]
    fn the_provisions_follow_the_order_of_the_requests() -> Result<(), String> {
        let f = ChargeFacts {
            lost_fen: 500_000,
            last_loss: Some(date(2026, 12, 1)),
            account_in_name: true,
            ..facts()
        };
        let c = decide(&f, date(2026, 12, 7)).ok_or("no charges")?;
        let at = |id: &str| c.law_ids.iter().position(|x| *x == id).unwrap_or(usize::MAX);
        // 止付 → 立案、追缴 → 查明来源 → 受案.
        assert!(at("anti_fraud_20") < at("criminal_266"));
        assert!(at("criminal_266") < at("criminal_253_1"));
        assert!(at("criminal_253_1") < at("anti_fraud_34"));
        assert!(at("criminal_64") < at("anti_fraud_29"));
        assert!(at("criminal_287_2") < at("anti_fraud_29"));
        assert_eq!(c.law_ids.last(), Some(&"cpl_110"));
        Ok(())
    }

    #[test]
    fn the_receipt_rests_on_the_victims_right_and_the_duty_to_accept_not_on_surrender() {
        assert_eq!(cite("cpl_110"), Cite::Paragraphs(&[2, 3]));
        assert_eq!(cite("criminal_253_1"), Cite::Paragraphs(&[1, 3]));
        assert_eq!(cite("criminal_266"), Cite::Whole);
        assert_eq!(cite("anti_fraud_20"), Cite::Whole);
        assert_eq!(cite("interpretation_2017_art1"), Cite::Gist);
    }

    #[test]
    fn a_report_not_accepted_before_changes_the_receipt_request() -> Result<(), String> {
        let c = decide(&facts(), date(2026, 12, 7)).ok_or("no charges")?;
        let same = after_earlier_reports(c.clone(), false);
        assert_eq!(same, c);
        let after = after_earlier_reports(c, true);
        assert!(after.requests.contains(&Request::ReceiptAfterRefusal));
        assert!(!after.requests.contains(&Request::Receipt));
        assert_eq!(after.requests.last(), Some(&Request::ReceiptAfterRefusal));
        Ok(())
    }

    #[test]
    fn the_police_letter_cites_the_items_a_victim_can_show_not_the_counts() -> Result<(), String> {
        let c = decide(&facts(), date(2026, 12, 7)).ok_or("no charges")?;
        assert!(c.law_ids.contains(&"interpretation_2017_art4"));
        assert!(c.law_ids.contains(&"interpretation_2017_art5_victim"));
        assert!(!c.law_ids.contains(&"interpretation_2017_art5"));
        Ok(())
    }

    #[test]
    fn accounts_in_my_name_cite_anti_fraud_31() -> Result<(), String> {
        let f = ChargeFacts {
            account_in_name: true,
            ..facts()
        };
        let c = decide(&f, date(2026, 1, 1)).ok_or("no charges")?;
        assert!(c.law_ids.contains(&"anti_fraud_31"));
        for id in ACCOUNT_OFFENCES {
            assert!(c.law_ids.contains(&id), "{id}");
        }
        // The offences are cited, not charged: the closing sentence names only what fits.
        assert_eq!(c.offences, vec![Offence::PersonalInformation]);
        // Without an account entry none of them is cited.
        let c = decide(&facts(), date(2026, 1, 1)).ok_or("no charges")?;
        assert!(ACCOUNT_OFFENCES.iter().all(|id| !c.law_ids.contains(id)));
        Ok(())
    }
}
