//! The overview: the four steps with their progress, the checklist status, and the one most
//! useful next action.

use ratatui::Frame;
use ratatui::layout::Rect;

use crate::case::CaseState;
use crate::tui::app::App;
use crate::tui::guide_text::CHECKLIST;
use crate::tui::strings::fill;
use crate::tui::theme::Theme;
use crate::tui::widgets::text_field::put;

/// The sentence naming the next action.
pub fn next_action(app: &App, state: &CaseState) -> String {
    let s = app.s;
    if state.live_entries().next().is_none() {
        return s.next_log_first.to_string();
    }
    if let Some(item) = CHECKLIST.iter().find(|i| i.urgent && !state.is_ticked(i.id)) {
        return fill(s.next_checklist, &[&item.text(app.lang)]);
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
    let done = CHECKLIST.iter().filter(|i| state.is_ticked(i.id)).count();
    let step_status = |ids: &[&str]| {
        let names: Vec<&str> = CHECKLIST
            .iter()
            .filter(|i| ids.contains(&i.id) && state.is_ticked(i.id))
            .map(|i| i.text(app.lang))
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
            fill(s.checklist_progress, &[&done, &CHECKLIST.len()])
        ),
        format!(
            "2 {}  {}",
            s.steps[1],
            step_status(&["report_police", "report_12321"])
        ),
        format!("3 {}  {}", s.steps[2], step_status(&["warn_family"])),
        format!("4 {}  {}", s.steps[3], step_status(&["consult_lawyer"])),
        format!(
            "c {}  {}",
            s.checklist,
            fill(s.checklist_progress, &[&done, &CHECKLIST.len()])
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
    for item in CHECKLIST.iter() {
        let mark = if state.is_ticked(item.id) { "[x]" } else { "[ ]" };
        line(&mut y, &format!("{mark} {}", item.text(app.lang)), theme.text);
    }
}
