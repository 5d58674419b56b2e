//! Where a report stands for what comes next, and the days its deadlines run from. The days
//! come only from what the user recorded: the day a 不予立案通知书 was received, the date of the
//! 受案回执 (or the day of a report that was accepted when it was made). A deadline is never
//! counted from the day something was typed in, so one that has not started is never shown as
//! running, or as missed.

use jiff::civil::Date;
use jiff::tz::TimeZone;

use super::state::CaseState;
use super::steps::{Report, ReportStatus};
use crate::guide::after::AfterId;
use crate::guide::{Guide, PeriodActor, PeriodStart};
use crate::i18n::Lang;
use crate::localtime::in_zone;

/// The day the report was accepted (受案), when it is accepted and that day is recorded: the
/// date given with the status, or the day of the report itself when it was accepted as it was
/// made (no update ever changed its status).
pub fn acceptance_date(r: &Report, tz: &TimeZone) -> Option<Date> {
    if !matches!(
        r.current.status,
        ReportStatus::Accepted | ReportStatus::NoDecision
    ) {
        return None;
    }
    if let Some(d) = r.current.notice_date {
        return Some(d);
    }
    let accepted_when_made =
        r.current.status == ReportStatus::Accepted && r.updates.iter().all(|(_, p)| p.status.is_none());
    accepted_when_made.then(|| in_zone(&r.current.filed_at, tz).date())
}

/// The day the 不予立案通知书 was received, when the report is not opened and the day is recorded.
pub fn refusal_notice_date(r: &Report) -> Option<Date> {
    (r.current.status == ReportStatus::Refused)
        .then_some(r.current.notice_date)
        .flatten()
}

/// The last day to apply for 复议 after a notice received on `notice`: the complainant's
/// period counted from the notice in the guide's police procedure (7 days, 程序规定第一百七十九条).
pub fn reconsideration_last_day(notice: Date) -> Option<Date> {
    Guide::get(Lang::Zh)
        .police()
        .steps
        .iter()
        .flat_map(|s| &s.periods)
        .find(|p| p.from == PeriodStart::RefusalNoticeReceived && p.actor == PeriodActor::Complainant)
        .and_then(|p| p.last_day(notice))
}

/// What a report needs next, when its standing asks the victim to act.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Next {
    /// Not taken at the desk: go again with the written complaint, ask for a receipt.
    NotAccepted,
    /// Not opened, no notice recorded: ask for the written notice; 复议 has not started.
    RefusedNoNotice,
    /// Not opened, the notice received: 复议 by `last_day` (`late` once it has passed).
    Refused {
        /// The last day to apply.
        last_day: Date,
        /// True when `last_day` is before today.
        late: bool,
    },
    /// Accepted, no decision within the period.
    NoDecision,
}

impl Next {
    /// The guide's advice for it.
    pub fn after_id(self) -> AfterId {
        match self {
            Next::NotAccepted => AfterId::NotAccepted,
            Next::RefusedNoNotice => AfterId::RefusedNoNotice,
            Next::Refused { .. } => AfterId::Refused,
            Next::NoDecision => AfterId::NoDecision,
        }
    }

    /// How urgent, lowest first: a 复议 period running, then a report not taken, a notice to
    /// ask for, a decision overdue, and a period already over.
    fn rank(self) -> (u8, Option<Date>) {
        match self {
            Next::Refused {
                last_day,
                late: false,
            } => (0, Some(last_day)),
            Next::NotAccepted => (1, None),
            Next::RefusedNoNotice => (2, None),
            Next::NoDecision => (3, None),
            Next::Refused { last_day, late: true } => (4, Some(last_day)),
        }
    }

    /// The line that says what to do now (`{id}` and `{date}` filled in), with its rule.
    pub fn now_line(self, id: &str, lang: Lang) -> String {
        let advice = Guide::get(lang).after(self.after_id());
        let template = match self {
            Next::Refused { late: true, .. } => advice.late.as_deref().unwrap_or(&advice.now),
            _ => &advice.now,
        };
        self.fill(template, id, lang)
    }

    /// What to do, in order, then the rules it rests on.
    pub fn todo(self, id: &str, lang: Lang) -> (Vec<String>, String) {
        let advice = Guide::get(lang).after(self.after_id());
        let todo = advice.todo.iter().map(|t| self.fill(t, id, lang)).collect();
        (todo, advice.basis.clone())
    }

    fn fill(self, template: &str, id: &str, lang: Lang) -> String {
        let date = match self {
            Next::Refused { last_day, .. } => month_day(last_day, lang),
            _ => String::new(),
        };
        crate::template::fill(template, &[("id", &id), ("date", &date)])
    }
}

/// `12月12日` / `Dec 12`.
pub fn month_day(d: Date, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("{}月{}日", d.month(), d.day()),
        Lang::En => d.strftime("%b %-d").to_string(),
    }
}

/// What report `r` of `state` needs next on `today`, if anything. A report not taken at the
/// desk needs nothing more once a later report was taken.
pub fn next_for(r: &Report, state: &CaseState, today: Date) -> Option<Next> {
    if r.current.is_letter() {
        return None;
    }
    match r.current.status {
        ReportStatus::NotAccepted => {
            let taken_later = state.reports.iter().any(|o| {
                !o.current.is_letter()
                    && o.current.filed_at.timestamp() > r.current.filed_at.timestamp()
                    && !matches!(o.current.status, ReportStatus::Filed | ReportStatus::NotAccepted)
            });
            (!taken_later).then_some(Next::NotAccepted)
        }
        ReportStatus::Refused => Some(match refusal_notice_date(r).and_then(reconsideration_last_day) {
            Some(last_day) => Next::Refused {
                last_day,
                late: last_day < today,
            },
            None => Next::RefusedNoNotice,
        }),
        ReportStatus::NoDecision => Some(Next::NoDecision),
        _ => None,
    }
}

/// Every report that needs the victim to act, most urgent first.
pub fn needing_action(state: &CaseState, today: Date) -> Vec<(&Report, Next)> {
    let mut v: Vec<(&Report, Next)> = state
        .reports
        .iter()
        .filter_map(|r| next_for(r, state, today).map(|n| (r, n)))
        .collect();
    v.sort_by_key(|(_, n)| n.rank());
    v
}

/// True when some report was not taken at the desk (the packet then says so and asks for a
/// receipt).
pub fn any_not_accepted(state: &CaseState) -> bool {
    state
        .reports
        .iter()
        .any(|r| !r.current.is_letter() && r.current.status == ReportStatus::NotAccepted)
}

#[cfg(test)]
mod tests {
    use jiff::civil::date;

    use super::*;
    use crate::case::Record;
    use crate::case::event::EventBody;
    use crate::case::steps::{ReportFields, ReportPatch};
    use crate::moment::Moment;

    fn at(s: &str) -> Moment {
        s.parse().expect("moment")
    }

    fn fields(channel: &str, filed: &str, status: ReportStatus, notice: &str) -> ReportFields {
        ReportFields {
            channel: channel.into(),
            filed_at: at(filed),
            how: String::new(),
            receipt: String::new(),
            officer: String::new(),
            status,
            notice_date: (!notice.is_empty()).then(|| notice.parse().expect("a day")),
            follow_up: None,
            note: String::new(),
            letter: None,
        }
    }

    fn update(id: &str, status: Option<ReportStatus>, notice: Option<&str>) -> EventBody {
        EventBody::ReportUpdated {
            id: id.into(),
            changes: ReportPatch {
                status,
                notice_date: notice.map(|d| crate::case::steps::DayChange::from(d.parse().ok())),
                ..ReportPatch::default()
            },
        }
    }

    fn fold(events: Vec<EventBody>) -> CaseState {
        let records: Vec<Record> = events
            .into_iter()
            .enumerate()
            .map(|(i, event)| Record {
                seq: i as u64,
                ts: at("2026-12-07T20:00:00+08:00"),
                prev: String::new(),
                event,
            })
            .collect();
        CaseState::fold(&records)
    }

    fn added(id: &str, f: ReportFields) -> EventBody {
        EventBody::ReportAdded {
            id: id.into(),
            fields: f,
        }
    }

    const TODAY: Date = date(2026, 12, 7);
    const FILED: &str = "2026-12-01T09:30:00+08:00";
    fn tz() -> TimeZone {
        TimeZone::fixed(jiff::tz::offset(8))
    }

    #[test]
    fn a_refusal_without_a_notice_has_no_deadline_and_one_with_a_notice_runs_seven_days() {
        let st = fold(vec![added(
            "R1",
            fields("派出所", FILED, ReportStatus::Refused, ""),
        )]);
        let r = &st.reports[0];
        assert_eq!(refusal_notice_date(r), None);
        assert_eq!(next_for(r, &st, TODAY), Some(Next::RefusedNoNotice));
        let line = Next::RefusedNoNotice.now_line("R1", Lang::Zh);
        assert!(
            line.contains("没有收到《不予立案通知书》，复议的7日期限尚未开始"),
            "{line}"
        );
        assert!(!line.contains("约至") && !line.contains("12月"), "{line}");

        // The notice received on 5 Dec: 复议 by 12 Dec (the day of receipt is not counted).
        let st = fold(vec![
            added("R1", fields("派出所", FILED, ReportStatus::Refused, "")),
            update("R1", None, Some("2026-12-05")),
        ]);
        let r = &st.reports[0];
        assert_eq!(refusal_notice_date(r), Some(date(2026, 12, 5)));
        let next = next_for(r, &st, TODAY);
        assert_eq!(
            next,
            Some(Next::Refused {
                last_day: date(2026, 12, 12),
                late: false
            })
        );
        let line = next.map(|n| n.now_line("R1", Lang::Zh)).unwrap_or_default();
        assert!(
            line.contains("约在 12月12日 前") && line.contains("第一百七十九条"),
            "{line}"
        );
        // After the last day: the late line, which points to the procuratorate.
        let late = next_for(r, &st, date(2026, 12, 13));
        assert!(matches!(late, Some(Next::Refused { late: true, .. })));
        let line = late.map(|n| n.now_line("R1", Lang::En)).unwrap_or_default();
        assert!(
            line.contains("ended about Dec 12") && line.contains("12309"),
            "{line}"
        );
    }

    #[test]
    fn the_review_period_runs_only_from_a_recorded_acceptance() {
        // Filed, never accepted: nothing to count from.
        let st = fold(vec![added(
            "R1",
            fields("派出所", FILED, ReportStatus::Filed, ""),
        )]);
        assert_eq!(acceptance_date(&st.reports[0], &tz()), None);
        assert_eq!(next_for(&st.reports[0], &st, TODAY), None);
        // Accepted when it was made: that day.
        let st = fold(vec![added(
            "R1",
            fields("派出所", FILED, ReportStatus::Accepted, ""),
        )]);
        assert_eq!(acceptance_date(&st.reports[0], &tz()), Some(date(2026, 12, 1)));
        // Accepted later without a date: the day it was typed in is not the day of 受案.
        let st = fold(vec![
            added("R1", fields("派出所", FILED, ReportStatus::Filed, "")),
            update("R1", Some(ReportStatus::Accepted), None),
        ]);
        assert_eq!(acceptance_date(&st.reports[0], &tz()), None);
        // Accepted later with the receipt's date.
        let st = fold(vec![
            added("R1", fields("派出所", FILED, ReportStatus::Filed, "")),
            update("R1", Some(ReportStatus::Accepted), Some("2026-12-03")),
        ]);
        assert_eq!(acceptance_date(&st.reports[0], &tz()), Some(date(2026, 12, 3)));
        // Then refused without a notice date: the receipt's date is dropped, not reused.
        let st = fold(vec![
            added("R1", fields("派出所", FILED, ReportStatus::Filed, "")),
            update("R1", Some(ReportStatus::Accepted), Some("2026-12-03")),
            update("R1", Some(ReportStatus::Refused), None),
        ]);
        let r = &st.reports[0];
        assert_eq!(r.current.notice_date, None);
        assert_eq!(refusal_notice_date(r), None);
        assert_eq!(acceptance_date(r, &tz()), None);
        assert_eq!(next_for(r, &st, TODAY), Some(Next::RefusedNoNotice));
    }

    #[test]
    fn each_standing_has_its_next_step_and_a_later_report_taken_ends_a_desk_refusal() {
        let st = fold(vec![
            added("R1", fields("派出所", FILED, ReportStatus::NotAccepted, "")),
            added(
                "R2",
                fields(
                    "公安分局",
                    "2026-12-02T09:30:00+08:00",
                    ReportStatus::NoDecision,
                    "",
                ),
            ),
            added("R3", fields("派出所", FILED, ReportStatus::CaseOpened, "")),
            added("R4", fields("派出所", FILED, ReportStatus::Closed, "")),
        ]);
        let next: Vec<Option<Next>> = st.reports.iter().map(|r| next_for(r, &st, TODAY)).collect();
        // R2 was taken after R1 (its status is not filed or not accepted): R1 needs nothing more.
        assert_eq!(next, [None, Some(Next::NoDecision), None, None]);
        let st = fold(vec![
            added("R1", fields("派出所", FILED, ReportStatus::NotAccepted, "")),
            added(
                "R2",
                fields("公安分局", "2026-12-02T09:30:00+08:00", ReportStatus::Filed, ""),
            ),
        ]);
        assert_eq!(next_for(&st.reports[0], &st, TODAY), Some(Next::NotAccepted));
        let (todo, basis) = Next::NotAccepted.todo("R1", Lang::Zh);
        assert!(todo[0].contains("受案回执") && todo.iter().any(|t| t.contains("第十七条")));
        assert!(
            todo.iter().any(|t| t.contains("12389")) && todo.iter().any(|t| t.contains("第一百一十三条"))
        );
        assert!(basis.contains("第一百七十五条"), "{basis}");
        let (todo, basis) = Next::NoDecision.todo("R2", Lang::Zh);
        assert!(todo.iter().any(|t| t.contains("12309")) && basis.contains("第五百六十二条"));
        assert!(any_not_accepted(&st));
    }

    #[test]
    fn the_most_urgent_comes_first() {
        let st = fold(vec![
            added("R1", fields("派出所", FILED, ReportStatus::NoDecision, "")),
            added("R2", fields("派出所", FILED, ReportStatus::Refused, "2026-12-05")),
            added("R3", fields("12321", FILED, ReportStatus::Refused, "")),
        ]);
        let order: Vec<&str> = needing_action(&st, TODAY)
            .iter()
            .map(|(r, _)| r.id.as_str())
            .collect();
        assert_eq!(order, ["R2", "R3", "R1"]);
    }
}
