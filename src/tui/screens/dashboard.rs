//! The overview: the four steps with their progress, the checklist status, and the one most
//! useful next action.

use ratatui::Frame;
use ratatui::layout::Rect;

use jiff::civil::Date;

use crate::case::CaseState;
use crate::case::signals::{is_done, report_count};
use crate::case::standing::needing_action;
use crate::case::steps::Report;
use crate::guide::ChecklistId;
use crate::tui::guide_text::{checklist, checklist_done, checklist_line, first_urgent};
use crate::tui::model::App;
use crate::tui::strings::fill;
use crate::tui::theme::Theme;
use crate::tui::widgets::text_field::put;

/// True when report `r` is still open and its follow-up date is before `today`.
pub fn is_overdue(r: &Report, today: Date) -> bool {
    r.current.status.is_open() && r.current.follow_up.parse::<Date>().is_ok_and(|d| d < today)
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
        return fill(s.next_follow_up, &[&r.id, &r.current.follow_up]);
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
    if let Some(r) = open().find(|r| r.current.follow_up.is_empty()) {
        return fill(s.next_follow_date, &[&r.id]);
    }
    s.next_keep.to_string()
}

/// Step 2-4 progress for the dashboard row of step `n`.
fn step_progress(app: &App, state: &CaseState, n: u8) -> String {
    let s = app.s;
    match n {
        2 => {
            let count = report_count(state);
            let mut out = count.reports_words(app.lang);
            let today = (app.clock)().date();
            let due: Vec<&str> = state
                .reports
                .iter()
                .filter(|r| is_overdue(r, today))
                .map(|r| r.id.as_str())
                .collect();
            if !due.is_empty() {
                out.push_str(&fill(s.step2_overdue, &[&due.join(",")]));
            }
            // Where the reports that need the victim stand: "；R1 不予受理（没有接受报案）".
            for (r, _) in needing_action(state, today) {
                out.push_str(app.lang.pick("；", "; "));
                out.push_str(&format!("{} {}", r.id, r.current.status_words(app.lang)));
            }
            out.push_str(&count.letters_words(app.lang));
            out.push_str(&crate::tui::screens::letters::sent_progress(app, state));
            out
        }
        3 => match state.people_warned() {
            0 => s.step3_none.to_string(),
            n => fill(s.step3_progress, &[&n]),
        },
        _ => match state.live_consultations().count() {
            0 => s.step4_none.to_string(),
            n => fill(s.step4_progress, &[&n]),
        },
    }
}

/// Draws the dashboard.
pub fn draw(frame: &mut Frame, area: Rect, app: &App, state: &CaseState, theme: &Theme) {
    let s = app.s;
    let buf = frame.buffer_mut();
    let w = usize::from(area.width.saturating_sub(2));
    let x = area.x + 1;
    let mut y = area.y;
    let bottom = area.bottom();
    let overdue = state.reports.iter().any(|r| is_overdue(r, (app.clock)().date()));
    let mut line = |y: &mut u16, text: &str, style| {
        if *y < bottom {
            put(buf, x, *y, text, w, style);
        }
        *y += 1;
    };
    let next = format!("{}: {}", s.next, next_action(app, state));
    // The next action may take two rows on a narrow window; the blank row goes instead.
    // What does not fit goes on the second row, which then ends in "…": a cut account
    // number must never look like the whole of it.
    let next_rows = crate::linebreak::wrap_at_most(&next, w as f32, &crate::linebreak::Columns, 2);
    for r in &next_rows {
        line(&mut y, r, theme.heading);
    }
    if next_rows.len() < 2 {
        line(&mut y, "", theme.text);
    }
    let live = state.live_entries().count();
    let items = checklist(app.lang);
    let total = items.len();
    let done = checklist_done(state);
    let rows = [
        format!(
            "1 {}  {}{}{}",
            s.steps[0],
            fill(s.step1_progress, &[&live]),
            app.lang.pick("；", "; "),
            fill(s.checklist_progress, &[&done, &total])
        ),
        format!("2 {}  {}", s.steps[1], step_progress(app, state, 2)),
        format!("3 {}  {}", s.steps[2], step_progress(app, state, 3)),
        format!("4 {}  {}", s.steps[3], step_progress(app, state, 4)),
        format!(
            "c {}  {}",
            s.checklist,
            fill(s.checklist_progress, &[&done, &total])
        ),
        format!(
            "p {}  {}",
            s.profile,
            if state.profile.is_empty() {
                s.profile_empty_dash
            } else {
                state.profile.name.as_str()
            }
        ),
        format!("x {}  {}", s.export_title, s.export_row_hint),
    ];
    for (i, r) in rows.iter().enumerate() {
        let style = if i == app.dash_sel {
            theme.selected
        } else if i == 1 && overdue {
            theme.error
        } else {
            theme.text
        };
        line(&mut y, r, style);
    }
    line(&mut y, "", theme.text);
    line(&mut y, s.checklist, theme.heading);
    // An item wider than the window goes on two rows, the second under its title: the most
    // urgent items are the longest, and "…for an emergen…" would hide what to do.
    for (id, title, _) in &items {
        let item = checklist_line(state, *id, title, app.lang);
        let (tick, title) = item.split_at_checked(BOX.len()).unwrap_or(("", &item));
        let rows = crate::linebreak::wrap_at_most(
            title,
            w.saturating_sub(BOX.len()) as f32,
            &crate::linebreak::Columns,
            2,
        );
        for (i, row) in rows.iter().enumerate() {
            let lead = if i == 0 { tick } else { BOX_SPACE };
            line(&mut y, &format!("{lead}{row}"), theme.text);
        }
    }
}

/// The tick box in front of a checklist item (`[ ] `, `[x] `), and the space under it.
const BOX: &str = "[ ] ";
const BOX_SPACE: &str = "    ";
