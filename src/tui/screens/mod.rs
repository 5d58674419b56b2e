//! One module per screen. Each draws into the body area from the app and the case state.

pub mod checklist;
pub mod dashboard;
pub mod detail;
pub mod evidence;
pub mod export;
pub mod form;
pub mod loading;
pub mod profile;
pub mod steps;
pub mod text;

/// Draws a screen's text in `area` at the app's scroll, with the "more above / below" marker.
pub fn draw_text(
    frame: &mut ratatui::Frame,
    area: ratatui::layout::Rect,
    app: &crate::tui::app::App,
    lines: Vec<ratatui::text::Line<'_>>,
    theme: &crate::tui::theme::Theme,
) {
    let marks = (app.s.more_above, app.s.more_below);
    crate::tui::widgets::wrap::draw_scrolled(frame, area, lines, app.scroll, marks, theme.dim);
}
