//! Steps 2, 3 and 4: the guidance, and an honest place for the step's records, which this
//! version cannot keep yet (they come with the steps 2-4 events).

use ratatui::Frame;
use ratatui::layout::{Margin, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Wrap};

use crate::case::CaseState;
use crate::tui::app::App;
use crate::tui::guide_text::{CHECKLIST, guidance};
use crate::tui::theme::Theme;

/// Draws step `n`.
pub fn draw(frame: &mut Frame, area: Rect, app: &App, state: &CaseState, n: u8, theme: &Theme) {
    let s = app.s;
    let i = usize::from(n.clamp(1, 4) - 1);
    let mut lines = vec![
        Line::styled(format!("{} {}", n, s.steps[i]), theme.heading),
        Line::raw(""),
    ];
    for para in guidance(n, app.lang).split('\n') {
        lines.push(Line::raw(para.to_string()));
    }
    lines.push(Line::raw(""));
    lines.push(Line::styled(s.records, theme.heading));
    let ids: &[&str] = match n {
        2 => &["report_police", "report_12321"],
        3 => &["warn_family"],
        _ => &["consult_lawyer"],
    };
    for item in CHECKLIST.iter().filter(|c| ids.contains(&c.id)) {
        let mark = if state.is_ticked(item.id) { "[x]" } else { "[ ]" };
        lines.push(Line::raw(format!("{mark} {}", item.text(app.lang))));
    }
    let note = match n {
        2 => s.records_step2,
        3 => s.records_step3,
        _ => s.records_step4,
    };
    lines.push(Line::raw(note));
    let p = Paragraph::new(lines)
        .wrap(Wrap { trim: false })
        .scroll((app.scroll, 0));
    frame.render_widget(p, area.inner(Margin::new(1, 0)));
}
