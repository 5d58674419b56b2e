//! Steps 2, 3 and 4: the step's records first (reports with their status and follow-up;
//! the warning message and the people warned; consultations), then the step's checklist
//! items and the guide's text for the step.

use ratatui::Frame;
use ratatui::layout::{Margin, Rect};
use ratatui::text::Line;

use crate::case::CaseState;
use crate::case::signals::{is_done, report_count};
use crate::guide::ChecklistId;
use crate::letters::brief::warning_message;
use crate::localtime::short;
use crate::tui::guide_text::{checklist, checklist_line, guidance};
use crate::tui::model::{App, Pane};
use crate::tui::next_step::is_overdue;
use crate::tui::strings::fill;
use crate::tui::theme::Theme;
use crate::tui::widgets::text_field::put;

/// The report selected on step 2, kept inside the list.
pub fn report_sel(app: &App, state: &CaseState) -> usize {
    app.report_sel.min(state.reports.len().saturating_sub(1))
}

/// Draws step `n`.
pub fn draw(frame: &mut Frame, area: Rect, app: &App, state: &CaseState, n: u8, theme: &Theme) {
    let s = app.s;
    let i = usize::from(n.clamp(1, 4) - 1);
    let inner = area.inner(Margin::new(1, 0));
    let w = usize::from(inner.width);
    let mut lines: Vec<Line> = Vec::new();
    let mut rest = inner;
    let title = format!("{} {}", n, s.steps[i]);
    let tz = app.zone();
    if n == 2 {
        // The reports are drawn row by row (one line each, never wrapped) so the selection
        // stays on its row; the guidance below scrolls on its own.
        let buf = frame.buffer_mut();
        let x = inner.x;
        let mut y = inner.y;
        let end = put(buf, x, y, &title, w, theme.heading);
        let end = put(
            buf,
            end + 2,
            y,
            s.reports_title,
            w.saturating_sub(usize::from(end - x) + 2),
            theme.heading,
        );
        if !state.reports.is_empty() {
            // The same count as the dashboard's: reports and letters apart.
            let count = report_count(state).words(app.lang);
            put(
                buf,
                end + 2,
                y,
                &count,
                w.saturating_sub(usize::from(end - x) + 2),
                theme.dim,
            );
        }
        y += 1;
        let outlook = app.outlook.of(state);
        if outlook.signals.money_lost && !is_done(state, ChecklistId::StopPayment) {
            // The account to name to the police, as on the dashboard.
            let account = (outlook.receiving_account.as_ref())
                .map(|a| fill(s.next_110_account, &[a]))
                .unwrap_or_default();
            put(
                buf,
                x,
                y,
                &format!("{}{account}", s.next_call_110),
                w,
                theme.error,
            );
            y += 1;
        }
        let room = usize::from(inner.height / 2).max(1);
        if state.reports.is_empty() {
            put(buf, x, y, s.reports_empty, w, theme.dim);
            y += 1;
        } else {
            let sel = report_sel(app, state);
            let first = (sel + 1).saturating_sub(room);
            let today = (app.clock)().date();
            let wide = w >= 60;
            for (j, r) in state.reports.iter().enumerate().skip(first).take(room) {
                let c = &r.current;
                let date = short(&c.filed_at, &tz);
                let date = if wide {
                    date
                } else {
                    date.get(5..10).unwrap_or_default().to_string()
                };
                let mut row = format!("{} {} {} {}", r.id, date, c.status_words(app.lang), c.channel);
                if !c.receipt.is_empty() {
                    row.push_str(&format!(" {}:{}", s.r_receipt, c.receipt));
                }
                if !c.notice_date.is_empty() {
                    row.push_str(&format!(" {}:{}", s.f_notice_date, c.notice_date));
                }
                if !c.follow_up.is_empty() {
                    row.push_str(&format!(" {}:{}", s.r_follow, c.follow_up));
                }
                let overdue = is_overdue(r, today);
                if overdue {
                    row = format!("{} {row}", s.overdue_mark);
                }
                let style = if j == sel {
                    theme.selected
                } else if overdue {
                    theme.error
                } else {
                    theme.text
                };
                if j == sel {
                    buf.set_style(Rect::new(area.x, y, area.width, 1), style);
                }
                put(buf, x, y, &row, w, style);
                y += 1;
            }
        }
        let used = y.saturating_sub(inner.y);
        rest = Rect::new(inner.x, y, inner.width, inner.height.saturating_sub(used));
        // Tab moves the arrows between the reports and the text; ">" marks which.
        let text_focus = app.focus == Pane::Text;
        super::focus_mark(frame, Rect::new(area.x, inner.y, 1, 1), !text_focus, theme);
        super::focus_mark(frame, Rect::new(area.x, rest.y, 1, 1), text_focus, theme);
    } else {
        lines.push(Line::styled(title, theme.heading));
    }
    lines.extend(scrolled_lines(app, state, n, theme));
    super::draw_text(frame, rest, app, lines, theme);
}

/// The rows of step `n` above its scrolling text: on step 2 the title, the 110 line when
/// money is lost and the reports shown (at most half the area); none on the other steps,
/// whose title scrolls with the text.
fn header_rows(app: &App, state: &CaseState, n: u8, inner: Rect) -> u16 {
    if n != 2 {
        return 0;
    }
    let outlook = app.outlook.of(state);
    let call = u16::from(outlook.signals.money_lost && !is_done(state, ChecklistId::StopPayment));
    let room = usize::from(inner.height / 2).max(1);
    let reports = state.reports.len().clamp(1, room) as u16;
    1 + call + reports
}

/// The scroll position that shows the last line of step `n`'s text in a terminal of the app's
/// size: where End goes, and as far as PageDown goes.
pub fn text_end(app: &App, state: &CaseState, n: u8) -> u16 {
    let (w, h) = app.size;
    let body = Rect::new(0, 1, w, h.saturating_sub(3));
    let inner = body.inner(Margin::new(1, 0));
    let rest = inner.height.saturating_sub(header_rows(app, state, n, inner));
    let mut lines = Vec::new();
    if n != 2 {
        lines.push(Line::raw(String::new()));
    }
    lines.extend(scrolled_lines(app, state, n, &Theme::new(true)));
    super::last_top(lines, inner.width, rest)
}

/// The scrolling text of step `n`: on step 2 what the chosen report needs next and its
/// history; the warning and the people warned (3); the consultations (4); then the step's
/// checklist items and the guide's text.
fn scrolled_lines(app: &App, state: &CaseState, n: u8, theme: &Theme) -> Vec<Line<'static>> {
    let s = app.s;
    let tz = app.zone();
    let mut lines: Vec<Line<'static>> = Vec::new();
    if n == 2
        && let Some(r) = state.reports.get(report_sel(app, state))
    {
        // Right under the reports: what the chosen one needs next, with its rules.
        let today = (app.clock)().date();
        if let Some(next) = crate::case::standing::next_for(r, state, today) {
            let (todo, basis) = next.todo(&r.id, app.lang);
            lines.push(Line::styled(fill(s.report_next_title, &[&r.id]), theme.heading));
            let bullet = app.lang.pick("・", "- ");
            lines.extend(todo.into_iter().map(|t| Line::raw(format!("{bullet}{t}"))));
            lines.push(Line::styled(fill(s.report_next_basis, &[&basis]), theme.dim));
        }
        if app.report_history {
            lines.push(Line::styled(
                fill(s.report_history_title, &[&r.id]),
                theme.heading,
            ));
            lines.extend(r.history_lines(app.lang).into_iter().map(Line::raw));
        } else if !r.updates.is_empty() {
            lines.push(Line::styled(s.report_history_hint, theme.dim));
        }
    }
    if n == 3 {
        lines.push(Line::styled(s.warning_title, theme.heading));
        for l in warning_message(state, app.lang).lines() {
            lines.push(Line::raw(l.to_string()));
        }
        lines.push(Line::raw(""));
        if state.warnings.is_empty() {
            lines.push(Line::styled(s.warned_empty, theme.dim));
        } else {
            lines.push(Line::styled(
                fill(s.warned_title, &[&state.people_warned()]),
                theme.heading,
            ));
            let sel = app.record_sel.min(state.warnings.len() - 1);
            for (j, (id, wf)) in state.warnings.iter().enumerate() {
                let mark = record_mark(
                    app,
                    state.warning_retracted(id),
                    state.warning_history.contains_key(id),
                );
                let mut row = format!("{id} {} {mark}{}", short(&wf.warned_at, &tz), wf.who);
                if !wf.via.is_empty() {
                    row.push_str(&format!(" ({})", wf.via));
                }
                if !wf.note.is_empty() {
                    row.push_str(&format!(": {}", wf.note.replace('\n', " ")));
                }
                lines.push(record_line(row, j == sel, state.warning_retracted(id), theme));
            }
        }
    }
    if n == 4 {
        if state.consultations.is_empty() {
            lines.push(Line::styled(s.consult_empty, theme.dim));
        } else {
            lines.push(Line::styled(s.consult_title, theme.heading));
            let sel = app.record_sel.min(state.consultations.len() - 1);
            for (j, (id, c)) in state.consultations.iter().enumerate() {
                let retracted = state.consultation_retracted(id);
                let mark = record_mark(app, retracted, state.consultation_history.contains_key(id));
                let mut row = format!("{id} {} {mark}{}", short(&c.consulted_at, &tz), c.lawyer);
                if !c.firm.is_empty() {
                    row.push_str(&format!(" ({})", c.firm));
                }
                if !c.note.is_empty() {
                    row.push_str(&format!(": {}", c.note.replace('\n', " ")));
                }
                lines.push(record_line(row, j == sel, retracted, theme));
            }
        }
        lines.push(Line::styled(s.brief_hint, theme.dim));
    }
    lines.push(Line::raw(""));
    for (id, title, _) in checklist(app.lang).iter().filter(|c| c.2 == n) {
        lines.push(Line::raw(checklist_line(state, *id, title, app.lang)));
    }
    lines.push(Line::raw(""));
    for (heading, text) in guidance(n, app.lang, &(app.clock)(), state) {
        lines.push(if heading {
            Line::styled(text, theme.heading)
        } else {
            Line::raw(text)
        });
    }
    lines
}

/// "[已撤回] " / "[已更正] " before a record of steps 3-4, or nothing.
fn record_mark(app: &App, retracted: bool, changed: bool) -> String {
    match (retracted, changed) {
        (true, _) => format!("{} ", app.s.record_withdrawn),
        (false, true) => format!("{} ", app.s.record_corrected),
        _ => String::new(),
    }
}

/// A record's row: highlighted when chosen (e / d act on it), dim when withdrawn.
fn record_line(row: String, selected: bool, retracted: bool, theme: &Theme) -> Line<'static> {
    let style = if selected {
        theme.selected
    } else if retracted {
        theme.dim
    } else {
        theme.text
    };
    Line::styled(row, style)
}
