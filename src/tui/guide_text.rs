//! What the wizard shows from the guide content (`leakaid::guide`): the checklist items with
//! their stable ids, and each step's guidance as lines of text.

use jiff::ZonedDateTime;
use jiff::civil::Date;
use jiff::tz::TimeZone;

use crate::case::CaseState;
use crate::case::signals::{case_signals, done_by_record, is_done};
use crate::case::standing::{acceptance_date, month_day, refusal_notice_date};
use crate::case::steps::Report;
use crate::guide::{ChecklistId, Guide, PeriodStart, Sourced, StepId, Why, Wording, recommend_why};
use crate::i18n::Lang;

/// Checklist items suggested first as "next" when not yet done.
const URGENT: [ChecklistId; 4] = [
    ChecklistId::ChangePasswords,
    ChecklistId::CallBank,
    ChecklistId::CheckPhoneNumbers,
    ChecklistId::CheckBankCards,
];

/// All checklist items as (id, title as it may be shown, step).
pub fn checklist(lang: Lang) -> Vec<(ChecklistId, String, StepId)> {
    let g = Guide::get(lang);
    g.checklist()
        .iter()
        .map(|c| (c.id, g.display(c).into_owned(), c.step))
        .collect()
}

/// How many checklist items are done (ticked or proved by a record).
pub fn checklist_done(state: &CaseState) -> usize {
    Guide::get(Lang::Zh)
        .checklist()
        .iter()
        .filter(|c| is_done(state, c.id))
        .count()
}

/// One checklist line: `[x]` when done, with the record that proves it
/// (`[x] 提醒家人和朋友（记录 W1）`).
pub fn checklist_line(state: &CaseState, id: ChecklistId, title: &str, lang: Lang) -> String {
    match done_by_record(state, id) {
        Some(rec) => format!(
            "[x] {title}{}",
            fill_one(lang.pick("（记录 {}）", " (record {})"), rec)
        ),
        None if state.is_ticked(id.as_str()) => format!("[x] {title}"),
        None => format!("[ ] {title}"),
    }
}

fn fill_one(template: &str, value: &str) -> String {
    crate::template::fill_in_order(template, &[&value])
}

/// The `i`-th checklist item's title and how-to, as shown (hedged where not verified).
pub fn checklist_how(lang: Lang, i: usize) -> Option<(String, String)> {
    let g = Guide::get(lang);
    let item = g.checklist().get(i)?;
    Some((
        g.display(item).into_owned(),
        item.hedged(&item.how, lang).into_owned(),
    ))
}

/// How many checklist items there are.
pub fn checklist_len() -> usize {
    Guide::get(Lang::Zh).checklist().len()
}

/// The id of the `i`-th checklist item.
pub fn checklist_id(i: usize) -> Option<ChecklistId> {
    Guide::get(Lang::Zh).checklist().get(i).map(|c| c.id)
}

/// The names of the guide's reporting channels, in the guide's order.
pub fn channel_names(lang: Lang) -> Vec<String> {
    Guide::get(lang)
        .channels()
        .iter()
        .map(|c| c.name.clone())
        .collect()
}

/// The first urgent item not yet done, as shown.
pub fn first_urgent(lang: Lang, state: &CaseState) -> Option<String> {
    let g = Guide::get(lang);
    URGENT
        .iter()
        .find(|id| !is_done(state, **id))
        .map(|id| g.display(g.checklist_item(*id)).into_owned())
}

/// Why a channel is recommended, in a few words.
fn why_text(why: Why, lang: Lang) -> &'static str {
    match why {
        Why::MoneyLost => lang.pick("你已经损失了钱", "you have lost money"),
        Why::AccountsInMyName => lang.pick(
            "有账户或卡以你的名义开立",
            "accounts or cards were opened in your name",
        ),
        Why::CompanySuspected => {
            lang.pick("怀疑某家单位泄露了你的信息", "a company is suspected of the leak")
        }
        Why::PoliceRefused => lang.pick("警方不予立案", "the police refused to open a case"),
        Why::FamilyHarassed => lang.pick("家人朋友受到骚扰", "family or friends are harassed"),
        Why::FraudAttempted => lang.pick("有人想骗你", "someone tried to defraud you"),
        Why::SpamReceived => lang.pick(
            "你记了骚扰电话、短信或邮件",
            "you logged spam calls, SMS or email",
        ),
        Why::CallsOrSms => lang.pick(
            "运营商可以拦截、核查这些号码",
            "the carrier can block and check these numbers",
        ),
        Why::TelecomProblem => lang.pick("你的手机号或运营商有问题", "a problem with your line or carrier"),
        Why::OnlineContent => lang.pick("网上有你的信息", "your information is online"),
        Why::NothingYet => lang.pick("任何信息泄露都可以在这里举报", "any leak can be reported here"),
    }
}

/// The police report a case's stage dates are counted from: one with a recorded 不予立案通知书
/// date, else one with a recorded acceptance day, else none (no date is guessed).
fn dated_police_report<'a>(state: &'a CaseState, tz: &TimeZone) -> Option<&'a Report> {
    let police = || {
        state.reports.iter().filter(|r| {
            !r.current.is_letter() && r.current.channel.guide() == Some(crate::guide::ChannelId::Police)
        })
    };
    police()
        .rev()
        .find(|r| refusal_notice_date(r).is_some())
        .or_else(|| police().rev().find(|r| acceptance_date(r, tz).is_some()))
}

/// The guidance of `step` as paragraphs: what it is for, what to do, what to prepare,
/// mistakes to avoid, and for step 2 the channels, for step 4 the legal basis.
/// Dates are counted in the zone of `now`, the one every time on screen is shown in.
pub fn guidance(id: StepId, lang: Lang, now: &ZonedDateTime, state: &CaseState) -> Vec<(bool, String)> {
    let (today, tz) = (now.date(), now.time_zone());
    let g = Guide::get(lang);
    let step = g.step(id);
    let mut out = vec![(false, step.hedged(&step.purpose, lang).into_owned())];
    // A bullet without a space after it: Chinese text has no spaces, so "- " would let the
    // word wrapper break right after the dash and leave it alone on its line.
    let bullet = lang.pick("・", "- ");
    let channel_line = |c: &crate::guide::Channel| {
        format!("{bullet}{}: {}", g.display(c), c.contact_shown(lang).join(" / "))
    };
    // Step 2: the channels recommended for this case come first, most urgent first, each with
    // the fact of the case that names it.
    let recommended = if id == StepId::Report {
        recommend_why(&case_signals(state))
    } else {
        Vec::new()
    };
    if id == StepId::Report {
        out.push((
            true,
            lang.pick(
                "推荐给你的渠道（最急的在前）",
                "Recommended for you (most urgent first)",
            )
            .to_string(),
        ));
        for (id, why) in &recommended {
            out.push((false, channel_line(g.channel(*id))));
            out.push((
                false,
                format!("  {}{}", lang.pick("因为", "Because "), why_text(*why, lang)),
            ));
        }
    }
    let mut section = |title: &str, items: &[String]| {
        if items.is_empty() {
            return;
        }
        out.push((true, title.to_string()));
        for i in items {
            out.push((false, format!("{bullet}{i}")));
        }
    };
    section(lang.pick("要做的事", "What to do"), &step.todo);
    section(lang.pick("要准备的", "What to prepare"), &step.prepare);
    section(lang.pick("容易犯的错", "Mistakes to avoid"), &step.mistakes);
    if id == StepId::Report {
        out.push((true, lang.pick("其他渠道", "Other channels").to_string()));
        for c in g
            .channels()
            .iter()
            .filter(|c| !recommended.iter().any(|(id, _)| *id == c.id))
        {
            out.push((false, channel_line(c)));
            out.push((false, format!("  {}", c.handles)));
        }
        let p = g.police();
        out.push((
            true,
            lang.pick("去派出所报案", "At the police station").to_string(),
        ));
        out.push((false, p.intro.clone()));
        out.push((true, lang.pick("要带的东西", "What to bring").to_string()));
        for b in &p.bring {
            out.push((false, format!("{bullet}{b}")));
        }
        // Periods are dated only from a recorded acceptance or notice; otherwise the rule is
        // shown in words.
        let report = dated_police_report(state, tz);
        let reported = report.and_then(|r| acceptance_date(r, tz));
        let refused = report.and_then(refusal_notice_date);
        for (k, stage) in p.steps.iter().enumerate() {
            out.push((true, format!("{}. {}", k + 1, g.display(stage))));
            out.push((false, stage.expect.clone()));
            out.push((
                false,
                format!("{}{}", lang.pick("可以要求：", "Ask for: "), stage.ask_for),
            ));
            for period in &stage.periods {
                let start = match period.from {
                    PeriodStart::Reported => reported,
                    PeriodStart::RefusalNoticeReceived => refused,
                    _ => None,
                };
                let Some(last) = start.and_then(|d| period.last_day(d)) else {
                    continue;
                };
                out.push((
                    false,
                    format!(
                        "{}{}{}",
                        lang.pick("期限：", "Deadline: "),
                        period.what,
                        fill_one(lang.pick("，约至 {}", ", by about {}"), &month_day(last, lang))
                    ),
                ));
            }
            if let Some(limit) = &stage.time_limit
                && (stage.periods.is_empty() || start_unknown(stage, reported, refused))
            {
                out.push((false, format!("{}{limit}", lang.pick("期限：", "Time limit: "))));
            }
        }
    }
    if id == StepId::ConsultLawyer {
        out.push((true, lang.pick("法律依据", "Legal basis").to_string()));
        for a in g.laws_on(today) {
            // The wizard shows every provision in plain words, labelled as a summary (要旨): only
            // a checked exact quote may stand as the article itself, and that is for letters.
            let plain = Wording::Summary(a.summary()).printed(lang);
            out.push((false, format!("{bullet}{} {plain}", a.display(lang))));
            if let Some(note) = &a.law.note {
                out.push((false, format!("  {note}")));
            }
        }
    }
    out
}

/// True when none of a stage's periods can be dated from what is recorded (the rule is shown
/// in words instead).
fn start_unknown(stage: &crate::guide::PoliceStep, reported: Option<Date>, refused: Option<Date>) -> bool {
    !stage.periods.iter().any(|p| match p.from {
        PeriodStart::Reported => reported.is_some(),
        PeriodStart::RefusalNoticeReceived => refused.is_some(),
        _ => false,
    })
}
