//! Steps 2, 3 and 4: the guide's text for the step, the step's checklist items, and an
//! honest place for the step's records, which this version cannot keep yet (they come with
//! the steps 2-4 events).

use ratatui::Frame;
use ratatui::layout::{Margin, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Wrap};

use crate::case::CaseState;
use crate::tui::app::App;
use crate::tui::guide_text::{checklist, guidance};
use crate::tui::theme::Theme;

/// Draws step `n`.
pub fn draw(frame: &mut Frame, area: Rect, app: &App, state: &CaseState, n: u8, theme: &Theme) {
    let s = app.s;
    let i = usize::from(n.clamp(1, 4) - 1);
    let mut lines = vec![Line::styled(format!("{} {}", n, s.steps[i]), theme.heading)];
    lines.push(Line::styled(s.records, theme.heading));
    for (id, title, _) in checklist(app.lang).iter().filter(|c| c.2 == n) {
        let mark = if state.is_ticked(id) { "[x]" } else { "[ ]" };
        lines.push(Line::raw(format!("{mark} {title}")));
    }
    let note = match n {
        2 => s.records_step2,
        3 => s.records_step3,
        _ => s.records_step4,
    };
    lines.push(Line::styled(note, theme.dim));
    lines.push(Line::raw(""));
    for (heading, text) in guidance(n, app.lang, (app.clock)().date()) {
        lines.push(if heading {
            Line::styled(text, theme.heading)
        } else {
            Line::raw(text)
        });
    }
    let p = Paragraph::new(lines)
        .wrap(Wrap { trim: false })
        .scroll((app.scroll, 0));
    frame.render_widget(p, area.inner(Margin::new(1, 0)));
}
