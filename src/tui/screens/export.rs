//! The export screen: the packet's options, progress while the worker renders, then where
//! the file is and any warning about characters the font cannot draw.

use ratatui::Frame;
use ratatui::layout::{Margin, Rect};
use ratatui::text::{Line, Span};

use crate::case::CaseState;
use crate::pdf::visible::short_path;
use crate::tui::model::{App, ExportStatus};
use crate::tui::strings::fill;
use crate::tui::theme::Theme;

/// Draws the export screen.
pub fn draw(frame: &mut Frame, area: Rect, app: &App, state: &CaseState, theme: &Theme) {
    let s = app.s;
    let c = &app.export.choice;
    let label = |l: &str| Span::styled(format!("{l}: "), theme.heading);
    let agency = if c.agency.is_empty() {
        s.agency_blank.to_string()
    } else {
        c.agency.clone()
    };
    // Progress and the result first, so they are in view on a small window.
    let mut lines = vec![Line::styled(s.export_title, theme.heading)];
    match &app.export.status {
        ExportStatus::Idle => {}
        ExportStatus::Running => lines.push(Line::styled(s.export_running, theme.heading)),
        ExportStatus::Done(done) => {
            lines.push(Line::styled(
                fill(s.export_done, &[&done.path.display(), &done.pages]),
                theme.ok,
            ));
            match &app.export.copy {
                Some(Ok(copy)) => lines.push(Line::styled(
                    fill(s.export_copied, &[&short_path(copy)]),
                    theme.heading,
                )),
                Some(Err(why)) => lines.push(Line::raw(fill(s.export_not_copied, &[why]))),
                None => {}
            }
            if let Some(w) = &done.warning {
                lines.push(Line::styled(w.clone(), theme.error));
            }
            for n in &done.notes {
                lines.push(Line::raw(n.clone()));
            }
            for p in &done.side_files {
                lines.push(Line::raw(p.display().to_string()));
            }
        }
        ExportStatus::Failed(why) => lines.push(Line::styled(fill(s.export_failed, &[why]), theme.error)),
    }
    lines.extend([
        Line::from(vec![label(s.f_agency), Span::raw(agency)]),
        Line::from(vec![
            label(s.f_redact),
            Span::raw(if c.redact { s.yes } else { s.no }),
        ]),
        Line::from(vec![
            label(s.f_packet_lang),
            Span::raw(c.lang.pick("中文", "English")),
        ]),
    ]);
    lines.push(
        match state.narrative.as_ref().filter(|(t, _)| !t.trim().is_empty()) {
            Some((t, _)) => Line::raw(fill(s.narrative_len, &[&t.chars().count()])),
            None => Line::raw(s.narrative_none),
        },
    );
    lines.push(Line::styled(s.export_hint, theme.dim));
    lines.push(Line::styled(s.export_intro, theme.dim));
    let inner = area.inner(Margin::new(1, 0));
    super::draw_text(frame, inner, app, lines, theme);
}
