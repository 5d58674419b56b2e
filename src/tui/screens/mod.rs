//! One module per screen. Each draws into the body area from the app and the case state.

pub mod bill;
pub mod checklist;
pub mod dashboard;
pub mod detail;
pub mod evidence;
pub mod export;
pub mod form;
pub mod letters;
pub mod loading;
pub mod profile;
pub mod steps;
pub mod text;

/// Marks the pane the arrows move with ">" in the margin of its first row.
pub fn focus_mark(
    frame: &mut ratatui::Frame,
    pane: ratatui::layout::Rect,
    focused: bool,
    theme: &crate::tui::theme::Theme,
) {
    if focused && pane.height > 0 {
        crate::tui::widgets::text_field::put(frame.buffer_mut(), pane.x, pane.y, ">", 1, theme.key);
    }
}

/// Draws a screen's text in `area` at the app's scroll, with the "more above / below" marker.
pub fn draw_text(
    frame: &mut ratatui::Frame,
    area: ratatui::layout::Rect,
    app: &crate::tui::model::App,
    lines: Vec<ratatui::text::Line<'_>>,
    theme: &crate::tui::theme::Theme,
) {
    let marks = (app.s.more_above, app.s.more_below);
    crate::tui::widgets::wrap::draw_scrolled(frame, area, lines, app.scroll, marks, theme.dim);
}

/// The scroll position at which [`draw_text`] shows the last of `lines` in an area `width`
/// wide and `height` tall (0 when they all fit): where End goes.
pub fn last_top(lines: Vec<ratatui::text::Line<'_>>, width: u16, height: u16) -> u16 {
    let total = crate::tui::widgets::wrap::wrap_lines(lines, width).len();
    let height = usize::from(height);
    if total <= height {
        return 0;
    }
    // One row is kept for the "more above / below" marker, as when drawn.
    u16::try_from(total - height.saturating_sub(1)).unwrap_or(u16::MAX)
}
