//! The one most useful next thing to do, through all four steps: what the dashboard's first
//! line says, and what follows the receipt of a loss just saved.

use crate::case::steps::day_text;
use jiff::civil::Date;

use crate::case::CaseState;
use crate::case::signals::{is_done, report_count};
use crate::case::standing::needing_action;
use crate::case::steps::Report;
use crate::guide::ChecklistId;
use crate::tui::guide_text::first_urgent;
use crate::tui::model::App;
use crate::tui::strings::fill;

/// True when report `r` is still open and its follow-up date is before `today`.
pub fn is_overdue(r: &Report, today: Date) -> bool {
    r.current.status.is_open() && r.current.follow_up.is_some_and(|d| d < today)
}

/// The sentence naming the most useful next action, through all four steps: call 110 when
/// money is lost; a report the police did not take, did not open or did not decide (with the
/// rule, and a 复议 date only from a recorded notice); log something; the urgent checklist items; a follow-up that is due; before the first report the details,
/// the account and the packet; a missing receipt; warn the family; a lawyer; a follow-up
/// date; then keep going.
pub fn next_action(app: &App, state: &CaseState) -> String {
    let s = app.s;
    let today = (app.clock)().date();
    let outlook = app.outlook.of(state);
    if outlook.signals.money_lost && !is_done(state, ChecklistId::StopPayment) {
        let account = (outlook.receiving_account.as_ref())
            .map(|a| fill(s.next_110_account, &[a]))
            .unwrap_or_default();
        return format!("{}{account}", s.next_call_110);
    }
    if let Some((r, next)) = needing_action(state, today).first() {
        return next.now_line(&r.id, app.lang);
    }
    if state.live_entries().next().is_none() {
        return s.next_log_first.to_string();
    }
    if let Some(item) = first_urgent(app.lang, state) {
        return fill(s.next_checklist, &[&item]);
    }
    if let Some(r) = state.reports.iter().find(|r| is_overdue(r, today)) {
        return fill(s.next_follow_up, &[&r.id, &day_text(r.current.follow_up)]);
    }
    if report_count(state).reports == 0 {
        if state.profile.is_empty() {
            return s.next_profile.to_string();
        }
        if state.narrative.as_ref().is_none_or(|(t, _)| t.trim().is_empty()) {
            return s.next_narrative.to_string();
        }
        return s.next_packet.to_string();
    }
    let open = || state.reports.iter().filter(|r| r.current.status.is_open());
    // A letter sent has no receipt to ask for; its follow-up date is what counts.
    if let Some(r) = open().find(|r| r.current.receipt.is_empty() && !r.current.is_letter()) {
        return fill(s.next_receipt, &[&r.id]);
    }
    if state.people_warned() == 0 {
        return s.next_warn.to_string();
    }
    if state.live_consultations().next().is_none() {
        return s.next_lawyer.to_string();
    }
    if let Some(r) = open().find(|r| r.current.follow_up.is_none()) {
        return fill(s.next_follow_date, &[&r.id]);
    }
    s.next_keep.to_string()
}
