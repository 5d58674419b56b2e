//! The overview: the four steps with their progress, the checklist status, and the one most
//! useful next action.

use ratatui::Frame;
use ratatui::layout::Rect;

use crate::case::CaseState;
use crate::tui::app::App;
use crate::tui::guide_text::{checklist, first_urgent};
use crate::tui::strings::fill;
use crate::tui::theme::Theme;
use crate::tui::widgets::text_field::put;

/// The sentence naming the next action.
pub fn next_action(app: &App, state: &CaseState) -> String {
    let s = app.s;
    if state.live_entries().next().is_none() {
        return s.next_log_first.to_string();
    }
    if let Some(item) = first_urgent(app.lang, |id| state.is_ticked(id)) {
        return fill(s.next_checklist, &[&item]);
    }
    if state.profile.is_empty() {
        return s.next_profile.to_string();
    }
    s.next_report.to_string()
}

/// Draws the dashboard.
pub fn draw(frame: &mut Frame, area: Rect, app: &App, state: &CaseState, theme: &Theme) {
    let s = app.s;
    let buf = frame.buffer_mut();
    let w = usize::from(area.width.saturating_sub(2));
    let x = area.x + 1;
    let mut y = area.y;
    let bottom = area.bottom();
    let mut line = |y: &mut u16, text: &str, style| {
        if *y < bottom {
            put(buf, x, *y, text, w, style);
        }
        *y += 1;
    };
    let next = format!("{}: {}", s.next, next_action(app, state));
    line(&mut y, &next, theme.heading);
    line(&mut y, "", theme.text);
    let live = state.live_entries().count();
    let items = checklist(app.lang);
    let total = items.len();
    let done = items.iter().filter(|i| state.is_ticked(i.0)).count();
    let step_status = |step: u8| {
        let names: Vec<&str> = items
            .iter()
            .filter(|i| i.2 == step && state.is_ticked(i.0))
            .map(|i| i.1.as_str())
            .collect();
        if names.is_empty() {
            s.steps_not_recorded.to_string()
        } else {
            format!("[x] {}", names.join(" / "))
        }
    };
    let rows = [
        format!(
            "1 {}  {}; {}",
            s.steps[0],
            fill(s.step1_progress, &[&live]),
            fill(s.checklist_progress, &[&done, &total])
        ),
        format!("2 {}  {}", s.steps[1], step_status(2)),
        format!("3 {}  {}", s.steps[2], step_status(3)),
        format!("4 {}  {}", s.steps[3], step_status(4)),
        format!(
            "c {}  {}",
            s.checklist,
            fill(s.checklist_progress, &[&done, &total])
        ),
        format!(
            "p {}  {}",
            s.profile,
            if state.profile.is_empty() {
                s.profile_empty
            } else {
                state.profile.name.as_str()
            }
        ),
    ];
    for (i, r) in rows.iter().enumerate() {
        let style = if i == app.dash_sel {
            theme.selected
        } else {
            theme.text
        };
        line(&mut y, r, style);
    }
    line(&mut y, "", theme.text);
    line(&mut y, s.checklist, theme.heading);
    for (id, title, _) in &items {
        let mark = if state.is_ticked(id) { "[x]" } else { "[ ]" };
        line(&mut y, &format!("{mark} {title}"), theme.text);
    }
}
