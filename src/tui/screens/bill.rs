//! A bill opened from step 1: the payments that can be losses, each with a box to tick
//! (Space), the selected one highlighted; Enter records the ticked ones.

use ratatui::Frame;
use ratatui::layout::Rect;

use crate::tui::model::App;
use crate::tui::strings::fill;
use crate::tui::theme::Theme;
use crate::tui::widgets::text_field::put;

/// Draws the bill screen.
pub fn draw(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let s = app.s;
    let buf = frame.buffer_mut();
    let w = usize::from(area.width.saturating_sub(2));
    let Some(view) = &app.bill else {
        return;
    };
    let title = fill(s.bill_title, &[&view.bill.source.name(app.lang)]);
    put(buf, area.x + 1, area.y, &title, w, theme.heading);
    put(buf, area.x + 1, area.y + 1, s.bill_hint, w, theme.dim);
    if view.pickable.is_empty() {
        put(buf, area.x + 1, area.y + 3, s.bill_empty, w, theme.text);
        return;
    }
    let apart = view.bill.rows.len() - view.pickable.len();
    let footer = if apart > 0 { 1 } else { 0 };
    let rows = usize::from(area.height.saturating_sub(3 + footer)).max(1);
    let offset = (view.sel + 1).saturating_sub(rows);
    for (r, (i, row_index)) in view
        .pickable
        .iter()
        .enumerate()
        .skip(offset)
        .take(rows)
        .enumerate()
    {
        let Some(row) = view.bill.rows.get(*row_index) else {
            continue;
        };
        let y = area.y + 2 + r as u16;
        let mark = if view.ticked.get(i).copied().unwrap_or(false) {
            "[x]"
        } else {
            "[ ]"
        };
        let at = if row.time_known {
            row.at.strftime("%Y-%m-%d %H:%M").to_string()
        } else {
            row.at.strftime("%Y-%m-%d").to_string()
        };
        let to = [row.counterparty.as_str(), row.account.as_str()]
            .into_iter()
            .filter(|t| !t.is_empty())
            .collect::<Vec<_>>()
            .join(" ");
        let line = format!(
            "{mark} {:>3}. {at}  {}  → {to}  {}",
            i + 1,
            crate::pdf::words::money(row.fen, app.lang),
            row.order
        );
        let style = if i == view.sel { theme.selected } else { theme.text };
        if i == view.sel {
            buf.set_style(Rect::new(area.x, y, area.width, 1), style);
        }
        put(buf, area.x + 1, y, &line, w, style);
    }
    if apart > 0 {
        let y = area.y + area.height.saturating_sub(1);
        put(buf, area.x + 1, y, &fill(s.bill_apart, &[&apart]), w, theme.dim);
    }
}
