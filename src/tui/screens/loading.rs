//! The body of the first frame while the case is read: "Reading… 60%" and a bar.

use ratatui::Frame;
use ratatui::layout::Rect;

use crate::tui::model::App;
use crate::tui::strings::fill;
use crate::tui::theme::Theme;
use crate::tui::widgets::text_field::put;

/// Draws the progress of reading the case, `percent` of its journal.
pub fn draw(frame: &mut Frame, area: Rect, app: &App, percent: u8, theme: &Theme) {
    let buf = frame.buffer_mut();
    let w = usize::from(area.width.saturating_sub(2));
    let x = area.x + 1;
    put(
        buf,
        x,
        area.y,
        &fill(app.s.loading, &[&percent]),
        w,
        theme.heading,
    );
    // An ASCII bar: box-drawing and block glyphs are ambiguous-width in CJK terminals.
    let inner = w.saturating_sub(2).min(50);
    let done = inner * usize::from(percent.min(100)) / 100;
    let bar = format!("[{}{}]", "#".repeat(done), "-".repeat(inner - done));
    if area.height > 2 {
        put(buf, x, area.y + 2, &bar, w, theme.dim);
    }
}
