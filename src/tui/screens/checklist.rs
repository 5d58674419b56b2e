//! The immediate-actions checklist; each tick is a journal event.

use ratatui::Frame;
use ratatui::layout::Rect;

use crate::case::CaseState;
use crate::localtime::short;
use crate::tui::guide_text::{checklist, checklist_done, checklist_line};
use crate::tui::model::App;
use crate::tui::strings::fill;
use crate::tui::theme::Theme;
use crate::tui::widgets::text_field::{put, str_width};
use crate::tui::widgets::wrap::scroll_marks;

/// Draws the checklist.
pub fn draw(frame: &mut Frame, area: Rect, app: &App, state: &CaseState, theme: &Theme) {
    let s = app.s;
    let buf = frame.buffer_mut();
    let w = usize::from(area.width.saturating_sub(2));
    let items = checklist(app.lang);
    let done = checklist_done(state);
    let tz = app.zone();
    let head = format!(
        "{}  {}",
        s.checklist,
        fill(s.checklist_progress, &[&done, &items.len()])
    );
    put(buf, area.x + 1, area.y, &head, w, theme.heading);
    let rows = usize::from(area.height.saturating_sub(2));
    let offset = (app.check_sel + 1).saturating_sub(rows);
    let below = items.len().saturating_sub(offset + rows);
    if offset > 0 || below > 0 {
        let marks = scroll_marks((s.list_above, s.list_below), offset, below);
        let mw = str_width(&marks);
        put(
            buf,
            area.right().saturating_sub(mw as u16 + 1),
            area.y + 1,
            &marks,
            mw,
            theme.dim,
        );
    }
    for (r, (i, (id, title, step))) in items.iter().enumerate().skip(offset).take(rows).enumerate() {
        let y = area.y + 2 + r as u16;
        let tick = state.checklist.get(id.as_str()).filter(|t| t.done);
        let when = tick
            .map(|t| format!("  ({})", short(&t.at, &tz)))
            .unwrap_or_default();
        let line = checklist_line(state, *id, &format!("{step} {title}"), app.lang);
        let style = if i == app.check_sel {
            theme.selected
        } else {
            theme.text
        };
        if i == app.check_sel {
            buf.set_style(Rect::new(area.x, y, area.width, 1), style);
        }
        put(buf, area.x + 1, y, &format!("{line}{when}"), w, style);
    }
}
