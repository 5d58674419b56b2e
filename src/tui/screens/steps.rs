//! Steps 2, 3 and 4: the step's records first (reports with their status and follow-up;
//! the warning message and the people warned; consultations), then the step's checklist
//! items and the guide's text for the step.

use ratatui::Frame;
use ratatui::layout::{Margin, Rect};
use ratatui::text::Line;

use crossterm::event::KeyCode as C;

use crate::case::signals::{is_done, report_count};
use crate::case::{AmendableId, CaseError, CaseState};
use crate::guide::{ChecklistId, StepId};
use crate::letters::brief::warning_message;
use crate::localtime::short;
use crate::tui::form::Form;
use crate::tui::guide_text::{checklist, checklist_line, guidance};
use crate::tui::keys::{
    Action as A, BACK, Binding, COPY_WARNING, K, NARRATIVE, SCROLL_ENDS, SCROLL_PAGE, TextView, b,
};
use crate::tui::message::Effect;
use crate::tui::model::{App, Pane};
use crate::tui::next_step::is_overdue;
use crate::tui::screens::{Cmd, Ctx};
use crate::tui::strings::fill;
use crate::tui::theme::Theme;
use crate::tui::widgets::text_field::put;

/// Step 2: the reports (Up/Down choose one), the guidance below.
pub const REPORT_KEYS: &[Binding] = &[
    b(A::AddRecord, &[K::Ch('a')], "a", |s| s.k_add_report, true),
    b(A::UpdateReport, &[K::Ch('u')], "u", |s| s.k_update_report, true),
    b(
        A::Open,
        &[K::Code(C::Enter)],
        "Enter",
        |s| s.k_report_history,
        false,
    ),
    NARRATIVE,
    b(A::Letters, &[K::Ch('w')], "w", |s| s.k_letters, true),
    b(
        A::Up,
        &[K::Code(C::Up), K::Ch('k')],
        "Up/Dn",
        |s| s.k_choose_report,
        false,
    ),
    b(
        A::Down,
        &[K::Code(C::Down), K::Ch('j')],
        "",
        |s| s.k_choose_report,
        false,
    ),
    SCROLL_PAGE[0],
    SCROLL_PAGE[1],
    SCROLL_ENDS[0],
    SCROLL_ENDS[1],
    BACK,
];

/// Step 3: the warning message and the people warned.
pub const WARN_KEYS: &[Binding] = &[
    b(A::AddRecord, &[K::Ch('a')], "a", |s| s.k_add_warning, true),
    b(
        A::ShowText(TextView::Warning),
        &[K::Ch('m')],
        "m",
        |s| s.k_show_message,
        true,
    ),
    COPY_WARNING,
    FIX_RECORD[0],
    FIX_RECORD[1],
    CHOOSE_RECORD[0],
    CHOOSE_RECORD[1],
    SCROLL_PAGE[0],
    SCROLL_PAGE[1],
    SCROLL_ENDS[0],
    SCROLL_ENDS[1],
    BACK,
];

/// Steps 3 and 4: correct or withdraw the chosen record.
const FIX_RECORD: [Binding; 2] = [
    b(A::Correct, &[K::Ch('e')], "e", |s| s.k_correct_record, true),
    b(A::Retract, &[K::Ch('d')], "d", |s| s.k_retract_record, true),
];

/// Steps 3 and 4: Up/Down choose a record (and scroll when there is none).
const CHOOSE_RECORD: [Binding; 2] = [
    b(
        A::Up,
        &[K::Code(C::Up), K::Ch('k')],
        "Up/Dn",
        |s| s.k_choose_record,
        false,
    ),
    b(
        A::Down,
        &[K::Code(C::Down), K::Ch('j')],
        "",
        |s| s.k_choose_record,
        false,
    ),
];

/// Step 4: consultations and the brief.
pub const LAWYER_KEYS: &[Binding] = &[
    b(A::AddRecord, &[K::Ch('a')], "a", |s| s.k_add_consultation, true),
    b(
        A::ShowText(TextView::Brief),
        &[K::Ch('b')],
        "b",
        |s| s.k_show_brief,
        true,
    ),
    FIX_RECORD[0],
    FIX_RECORD[1],
    CHOOSE_RECORD[0],
    CHOOSE_RECORD[1],
    SCROLL_PAGE[0],
    SCROLL_PAGE[1],
    SCROLL_ENDS[0],
    SCROLL_ENDS[1],
    BACK,
];

/// The keys of a step screen.
pub fn keys(step: StepId) -> &'static [Binding] {
    match step {
        StepId::Report => REPORT_KEYS,
        StepId::WarnContacts => WARN_KEYS,
        _ => LAWYER_KEYS,
    }
}

/// The step screens' own state.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Steps {
    /// Selected report on step 2.
    pub report_sel: usize,
    /// Step 2 shows the selected report's history (Enter).
    pub report_history: bool,
    /// Selected record on step 3 (warned contacts) or step 4 (consultations).
    pub record_sel: usize,
}

/// The ids of the records of `step` (3: warned contacts, 4: consultations), in order.
pub fn step_records(state: &CaseState, step: StepId) -> Vec<AmendableId> {
    match step {
        StepId::WarnContacts => state
            .warnings
            .iter()
            .map(|(id, _)| AmendableId::Warning(id.clone()))
            .collect(),
        _ => state
            .consultations
            .iter()
            .map(|(id, _)| AmendableId::Consultation(id.clone()))
            .collect(),
    }
}

impl Steps {
    /// The keys of `step`'s screen; `None` for a key it leaves to the wizard.
    pub fn key(&mut self, step: StepId, a: A, cx: &Ctx) -> Option<Vec<Cmd>> {
        let state = cx.state;
        let report = step == StepId::Report;
        let records = !report && step != StepId::CollectEvidence;
        let page = cx.page as u16;
        let scroll = |to: u16| Some(vec![Cmd::Scroll(to)]);
        match a {
            // On step 2 the arrows scroll the text when it has the focus.
            A::Up if report && cx.focus == Pane::Text => scroll(cx.scroll.saturating_sub(1)),
            A::Down if report && cx.focus == Pane::Text => scroll(cx.scroll.saturating_add(1)),
            A::CopyWarning if step == StepId::WarnContacts => Some(vec![
                Cmd::Say(cx.s.copied.to_string(), false),
                Cmd::Run(Effect::Copy(warning_message(state, cx.lang))),
            ]),
            A::AddRecord => Some(vec![Cmd::Open(match step {
                StepId::Report => Form::add_report(cx.now.clone()),
                StepId::WarnContacts => Form::add_warning(cx.now.clone()),
                _ => Form::add_consultation(cx.now.clone()),
            })]),
            A::UpdateReport if report => Some(match state.reports.get(self.report_sel) {
                Some(r) => vec![Cmd::Open(Form::update_report(r, cx.now.clone()))],
                // Pressed before anything was recorded: said, not silently ignored.
                None => vec![Cmd::Say(cx.s.no_report_yet.to_string(), true)],
            }),
            A::Open if report && !state.reports.is_empty() => {
                self.report_history = !self.report_history;
                Some(Vec::new())
            }
            A::Up if records && !step_records(state, step).is_empty() => {
                let last = step_records(state, step).len() - 1;
                self.record_sel = self.record_sel.min(last).saturating_sub(1);
                Some(Vec::new())
            }
            A::Down if records && !step_records(state, step).is_empty() => {
                self.record_sel = (self.record_sel + 1).min(step_records(state, step).len() - 1);
                Some(Vec::new())
            }
            A::Correct | A::Retract if records => Some(self.fix_record(step, a, cx)),
            A::Up if report && !state.reports.is_empty() => {
                self.report_sel = self.report_sel.saturating_sub(1);
                Some(Vec::new())
            }
            A::Down if report && !state.reports.is_empty() => {
                self.report_sel = (self.report_sel + 1).min(state.reports.len() - 1);
                Some(Vec::new())
            }
            A::PageUp => scroll(cx.scroll.saturating_sub(page)),
            A::PageDown => scroll(cx.scroll.saturating_add(page).min(cx.text_end)),
            A::Top => scroll(0),
            A::Bottom => scroll(cx.text_end),
            A::Up => scroll(cx.scroll.saturating_sub(1)),
            A::Down => scroll(cx.scroll.saturating_add(1)),
            _ => None,
        }
    }

    /// e / d on step 3 or 4: the form that corrects or withdraws the chosen record, or why
    /// there is none.
    fn fix_record(&self, step: StepId, a: A, cx: &Ctx) -> Vec<Cmd> {
        let state = cx.state;
        let ids = step_records(state, step);
        let last = ids.len().saturating_sub(1);
        let Some(id) = ids.into_iter().nth(self.record_sel.min(last)) else {
            let why = if step == StepId::WarnContacts {
                cx.s.no_warning_yet
            } else {
                cx.s.no_consultation_yet
            };
            return vec![Cmd::Say(why.to_string(), true)];
        };
        let withdrawn = match &id {
            AmendableId::Warning(w) => state.warning_retracted(w),
            AmendableId::Consultation(c) => state.consultation_retracted(c),
        };
        if withdrawn {
            let why =
                crate::tui::case_errors::case_error(&CaseError::RecordRetracted(id.to_string()), cx.lang);
            return vec![Cmd::Say(why, true)];
        }
        let form = match (a, &id) {
            (A::Retract, _) => Some(Form::retract_record(id.clone())),
            (_, AmendableId::Warning(w)) => state
                .warning(w)
                .map(|(_, f)| Form::correct_warning(w, f, cx.now.clone())),
            (_, AmendableId::Consultation(c)) => state
                .consultation(c)
                .map(|(_, f)| Form::correct_consultation(c, f, cx.now.clone())),
        };
        form.map(Cmd::Open).into_iter().collect()
    }
}

/// The report selected on step 2, kept inside the list.
pub fn report_sel(app: &App, state: &CaseState) -> usize {
    app.steps.report_sel.min(state.reports.len().saturating_sub(1))
}

/// Draws `step` (2, 3 or 4).
pub fn draw(frame: &mut Frame, area: Rect, app: &App, state: &CaseState, step: StepId, theme: &Theme) {
    let s = app.s;
    let n = step.number();
    let i = usize::from(n.clamp(1, 4) - 1);
    let inner = area.inner(Margin::new(1, 0));
    let w = usize::from(inner.width);
    let mut lines: Vec<Line> = Vec::new();
    let mut rest = inner;
    let title = format!("{} {}", n, s.steps[i]);
    let tz = app.zone();
    if step == StepId::Report {
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
                if let Some(d) = c.notice_date {
                    row.push_str(&format!(" {}:{d}", s.f_notice_date));
                }
                if let Some(d) = c.follow_up {
                    row.push_str(&format!(" {}:{d}", s.r_follow));
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
    lines.extend(scrolled_lines(app, state, step, theme));
    super::draw_text(frame, rest, app, lines, theme);
}

/// The rows of step `n` above its scrolling text: on step 2 the title, the 110 line when
/// money is lost and the reports shown (at most half the area); none on the other steps,
/// whose title scrolls with the text.
fn header_rows(app: &App, state: &CaseState, step: StepId, inner: Rect) -> u16 {
    if step != StepId::Report {
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
pub fn text_end(app: &App, state: &CaseState, step: StepId) -> u16 {
    let (w, h) = app.size;
    let body = Rect::new(0, 1, w, h.saturating_sub(3));
    let inner = body.inner(Margin::new(1, 0));
    let rest = inner.height.saturating_sub(header_rows(app, state, step, inner));
    let mut lines = Vec::new();
    if step != StepId::Report {
        lines.push(Line::raw(String::new()));
    }
    lines.extend(scrolled_lines(app, state, step, &Theme::new(true)));
    super::last_top(lines, inner.width, rest)
}

/// The scrolling text of step `n`: on step 2 what the chosen report needs next and its
/// history; the warning and the people warned (3); the consultations (4); then the step's
/// checklist items and the guide's text.
fn scrolled_lines(app: &App, state: &CaseState, step: StepId, theme: &Theme) -> Vec<Line<'static>> {
    let s = app.s;
    let tz = app.zone();
    let mut lines: Vec<Line<'static>> = Vec::new();
    if step == StepId::Report
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
        if app.steps.report_history {
            lines.push(Line::styled(
                fill(s.report_history_title, &[&r.id]),
                theme.heading,
            ));
            lines.extend(r.history_lines(app.lang).into_iter().map(Line::raw));
        } else if !r.updates.is_empty() {
            lines.push(Line::styled(s.report_history_hint, theme.dim));
        }
    }
    if step == StepId::WarnContacts {
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
            let sel = app.steps.record_sel.min(state.warnings.len() - 1);
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
    if step == StepId::ConsultLawyer {
        if state.consultations.is_empty() {
            lines.push(Line::styled(s.consult_empty, theme.dim));
        } else {
            lines.push(Line::styled(s.consult_title, theme.heading));
            let sel = app.steps.record_sel.min(state.consultations.len() - 1);
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
    for (id, title, _) in checklist(app.lang).iter().filter(|c| c.2 == step) {
        lines.push(Line::raw(checklist_line(state, *id, title, app.lang)));
    }
    lines.push(Line::raw(""));
    for (heading, text) in guidance(step, app.lang, &(app.clock)(), state) {
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
