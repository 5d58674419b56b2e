//! The overview: the four steps with their progress, the checklist status, and the one most
//! useful next action.

use crossterm::event::KeyCode;
use ratatui::Frame;
use ratatui::layout::Rect;

use crate::case::CaseState;
use crate::case::signals::report_count;
use crate::case::standing::needing_action;
use crate::guide::StepId;
use crate::tui::guide_text::{checklist, checklist_done, checklist_line};
use crate::tui::keys::{Action, Binding, DOWN, K, MOVE, b};
use crate::tui::model::{App, Screen};
use crate::tui::next_step::{is_overdue, next_action};
use crate::tui::screens::{Cmd, Ctx};
use crate::tui::strings::fill;
use crate::tui::theme::Theme;
use crate::tui::widgets::text_field::put;

/// The dashboard's own state.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Dashboard {
    /// The selected row (an index into [`ROWS`]).
    pub sel: usize,
}

/// Rows on the dashboard that Enter opens, in order.
pub const ROWS: [Screen; 7] = [
    Screen::Evidence,
    Screen::Step(StepId::Report),
    Screen::Step(StepId::WarnContacts),
    Screen::Step(StepId::ConsultLawyer),
    Screen::Checklist,
    Screen::Profile,
    Screen::Export,
];

/// The dashboard's keys.
pub const KEYS: &[Binding] = &[
    MOVE,
    DOWN,
    b(
        Action::Open,
        &[K::Code(KeyCode::Enter)],
        "Enter",
        |s| s.k_open,
        true,
    ),
];

impl Dashboard {
    /// Up and Down choose a row; Enter opens it (the export row opens the export form).
    pub fn key(&mut self, a: Action, _cx: &Ctx) -> Option<Vec<Cmd>> {
        match a {
            Action::Up => self.sel = self.sel.saturating_sub(1),
            Action::Down => self.sel = (self.sel + 1).min(ROWS.len() - 1),
            Action::Open => {
                return Some(match ROWS.get(self.sel) {
                    Some(Screen::Export) => vec![Cmd::Act(Action::Export)],
                    Some(s) => vec![Cmd::Go(*s)],
                    None => Vec::new(),
                });
            }
            _ => return None,
        }
        Some(Vec::new())
    }
}

/// Step 2-4 progress for the dashboard row of `step`.
fn step_progress(app: &App, state: &CaseState, step: StepId) -> String {
    let s = app.s;
    match step {
        StepId::Report => {
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
        StepId::WarnContacts => match state.people_warned() {
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
        format!("2 {}  {}", s.steps[1], step_progress(app, state, StepId::Report)),
        format!(
            "3 {}  {}",
            s.steps[2],
            step_progress(app, state, StepId::WarnContacts)
        ),
        format!(
            "4 {}  {}",
            s.steps[3],
            step_progress(app, state, StepId::ConsultLawyer)
        ),
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
        format!(
            "x {}  {}{}",
            s.export_title,
            s.export_row_hint,
            backup_words(app, state)
        ),
    ];
    for (i, r) in rows.iter().enumerate() {
        let style = if i == app.dashboard.sel {
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

/// When the case was last backed up and whether it changed since: a date, not a nag (nothing
/// when it never was).
fn backup_words(app: &App, state: &CaseState) -> String {
    let Some(last) = &app.last_backup else {
        return String::new();
    };
    let day = last.at.to_zoned_datetime(app.zone()).date();
    let this_year = (app.clock)().year() == day.year();
    let date = match (app.lang, this_year) {
        (crate::i18n::Lang::Zh, true) => format!("{}月{}日", day.month(), day.day()),
        (crate::i18n::Lang::Zh, false) => format!("{}年{}月{}日", day.year(), day.month(), day.day()),
        (crate::i18n::Lang::En, true) => day.strftime("%-d %b").to_string(),
        (crate::i18n::Lang::En, false) => day.strftime("%-d %b %Y").to_string(),
    };
    let mut out = fill(app.s.last_backup, &[&date]);
    if state.fingerprint.count > last.lines {
        out.push_str(app.s.changed_since_backup);
    }
    out
}

/// The tick box in front of a checklist item (`[ ] `, `[x] `), and the space under it.
const BOX: &str = "[ ] ";
const BOX_SPACE: &str = "    ";
