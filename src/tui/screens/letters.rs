//! The letters: what the dashboard says about letters sent, and (from step 2) the screen that
//! lists the letters leakaid can write for this case, recommended ones first; one opened shows
//! whom it goes to, what it carries of the victim's details, and when to follow up.

use crossterm::event::KeyCode as C;
use jiff::civil::Date;
use ratatui::Frame;
use ratatui::layout::{Margin, Rect};
use ratatui::text::Line;

use crate::case::CaseState;
use crate::case::sent::follow_up_rule;
use crate::case::steps::Report;
use crate::guide::StepId;
use crate::i18n::Lang;
use crate::letters::LetterName;
use crate::letters::content::LetterContent;
use crate::letters::{LetterKind, LetterRequest};
use crate::pdf::visible::short_path;
use crate::tui::form::Form;
use crate::tui::keys::{Action as A, Binding, DOWN, K, MOVE, SCROLL_DOWN, SCROLL_UP, b};
use crate::tui::letter_strings::strings;
use crate::tui::letters::{Choice, Fit, LetterOrder, SavedLetter};
use crate::tui::message::Effect;
use crate::tui::model::{App, Screen};
use crate::tui::screens::{Cmd, Ctx};
use crate::tui::strings::fill;
use crate::tui::theme::Theme;
use crate::tui::widgets::text_field::put;

/// The letters screen: the six letters, recommended ones first.
pub const KEYS: &[Binding] = &[
    MOVE,
    DOWN,
    b(
        A::Open,
        &[K::Code(C::Enter), K::Ch('l')],
        "Enter",
        |s| s.k_open,
        true,
    ),
    b(A::Back, &[K::Code(C::Esc), K::Ch('h')], "Esc", |s| s.k_back, true),
];

/// One letter opened: save it, then record it as sent.
pub const LETTER_KEYS: &[Binding] = &[
    b(
        A::SaveLetter,
        &[K::Ch('s'), K::Code(C::Enter)],
        "s",
        |s| s.k_save_letter,
        true,
    ),
    b(A::MarkSent, &[K::Ch('r')], "r", |s| s.k_mark_sent, true),
    SCROLL_UP,
    SCROLL_DOWN,
    b(A::Back, &[K::Code(C::Esc), K::Ch('h')], "Esc", |s| s.k_back, true),
];

/// The letters screen's own state.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LettersView {
    /// The highlighted row.
    pub sel: usize,
    /// The letter opened (its details and what it carries), if any.
    pub open: Option<LetterKind>,
    /// The letter last saved in this session.
    pub saved: Option<SavedLetter>,
}

impl LettersView {
    /// The keys of the list, or of the letter opened.
    pub fn keys(&self) -> &'static [Binding] {
        if self.open.is_some() { LETTER_KEYS } else { KEYS }
    }

    /// Choose, open, save, record as sent, back; `None` for a key it leaves to the wizard.
    pub fn key(&mut self, a: A, cx: &Ctx) -> Option<Vec<Cmd>> {
        if !matches!(
            a,
            A::Up | A::Down | A::Open | A::Back | A::SaveLetter | A::MarkSent | A::PageUp | A::PageDown
        ) {
            return None;
        }
        let outlook = cx.outlook.of(cx.state);
        let rows = outlook.letters(cx.state);
        Some(match (a, self.open) {
            (A::Up, None) => {
                self.sel = self.sel.saturating_sub(1);
                Vec::new()
            }
            (A::Down, None) => {
                self.sel = (self.sel + 1).min(rows.len().saturating_sub(1));
                Vec::new()
            }
            (A::Open, None) => {
                self.open = rows.get(self.sel).map(|c| c.kind);
                vec![Cmd::Scroll(0)]
            }
            (A::Back, None) => vec![Cmd::Go(Screen::Step(StepId::Report))],
            (A::Back, Some(_)) => {
                self.open = None;
                vec![Cmd::Scroll(0), Cmd::Hush]
            }
            (A::SaveLetter, Some(kind)) if kind.needs_to() => vec![Cmd::Open(Form::letter_to(kind))],
            (A::SaveLetter, Some(kind)) => vec![Cmd::Run(Effect::SaveLetter(LetterOrder {
                kind,
                to: None,
                with_id: false,
            }))],
            (A::MarkSent, Some(kind)) => match self.saved.as_ref().filter(|s| s.kind == kind) {
                Some(saved) => vec![Cmd::Open(Form::letter_sent(saved, cx.now.clone()))],
                None => vec![Cmd::Say(strings(cx.lang).save_first.to_string(), true)],
            },
            (A::Up, Some(_)) => vec![Cmd::Scroll(cx.scroll.saturating_sub(1))],
            (A::Down, Some(_)) => vec![Cmd::Scroll(cx.scroll.saturating_add(1))],
            (A::PageUp, Some(_)) => vec![Cmd::Scroll(cx.scroll.saturating_sub(5))],
            (A::PageDown, Some(_)) => vec![Cmd::Scroll(cx.scroll.saturating_add(5))],
            _ => Vec::new(),
        })
    }

    /// Takes a save's outcome; the status line to show.
    pub fn saved(&mut self, result: Result<SavedLetter, String>, lang: Lang) -> (String, bool) {
        let ls = strings(lang);
        match result {
            Ok(saved) => {
                let shown = match &saved.copy {
                    Ok(copy) => short_path(copy),
                    Err(_) => short_path(&saved.pdf),
                };
                self.saved = Some(saved);
                (fill(ls.saved, &[&shown]), false)
            }
            Err(why) => (why, true),
        }
    }
}

/// The letter reports still waiting for an answer whose follow-up day is today or later, the
/// soonest first.
fn upcoming(state: &CaseState, today: Date) -> Vec<(&Report, Date)> {
    let mut v: Vec<(&Report, Date)> = state
        .reports
        .iter()
        .filter(|r| r.current.is_letter() && r.current.status.is_open())
        .filter_map(|r| r.current.follow_up.map(|d| (r, d)))
        .filter(|(_, d)| *d >= today)
        .collect();
    v.sort_by_key(|(_, d)| *d);
    v
}

/// What the dashboard's step-2 row adds after the letters sent (counted by
/// `case::signals::report_count`): the next follow-up (an overdue one is already named as
/// overdue); empty when none is coming.
pub fn sent_progress(app: &App, state: &CaseState) -> String {
    match upcoming(state, (app.clock)().date()).first() {
        Some((r, d)) => fill(strings(app.lang).sent_next, &[&r.id, &d.strftime("%m-%d")]),
        None => String::new(),
    }
}

/// The line that says why a letter fits the case, or what it is for.
pub fn why_line(c: &Choice, lang: Lang) -> String {
    let ls = strings(lang);
    match &c.fit {
        Some(Fit::Harassers(n)) => fill(ls.why_harassers, &[n]),
        Some(Fit::CallsOrSms) => ls.why_calls.to_string(),
        Some(Fit::Impersonated(label)) => fill(ls.why_impersonated, &[&label.head(lang)]),
        Some(Fit::TheyKnew) => ls.why_knew.to_string(),
        Some(Fit::AccountsInMyName) => ls.why_accounts.to_string(),
        Some(Fit::CompanySuspected) => ls.why_company.to_string(),
        None => {
            let i = LetterKind::ALL.iter().position(|k| *k == c.kind).unwrap_or(0);
            ls.purpose.get(i).copied().unwrap_or_default().to_string()
        }
    }
}

/// Draws the letters screen: the list, or the letter opened.
pub fn draw(frame: &mut Frame, area: Rect, app: &App, state: &CaseState, theme: &Theme) {
    let inner = area.inner(Margin::new(1, 0));
    match app.letters.open {
        None => draw_list(frame, inner, app, state, theme),
        Some(kind) => draw_letter(frame, inner, app, state, kind, theme),
    }
}

fn draw_list(frame: &mut Frame, area: Rect, app: &App, state: &CaseState, theme: &Theme) {
    let ls = strings(app.lang);
    let outlook = app.outlook.of(state);
    let rows = outlook.letters(state);
    let sel = app.letters.sel.min(rows.len().saturating_sub(1));
    let w = usize::from(area.width);
    let buf = frame.buffer_mut();
    let mut y = area.y;
    put(buf, area.x, y, ls.title, w, theme.heading);
    y += 1;
    for (i, c) in rows.iter().enumerate() {
        if y >= area.bottom() {
            break;
        }
        let mark = if c.fit.is_some() { ls.mark } else { " " };
        let row = format!("{mark} {}  {}", c.kind.name(app.lang), why_line(c, app.lang));
        let style = if i == sel { theme.selected } else { theme.text };
        if i == sel {
            buf.set_style(Rect::new(area.x, y, area.width, 1), style);
        }
        put(buf, area.x, y, &row, w, style);
        y += 1;
    }
    // The chosen letter's reason in full (a narrow window cuts the rows), then the intro.
    let mut lines = Vec::new();
    if let Some(c) = rows.get(sel) {
        lines.push(Line::raw(""));
        lines.push(Line::styled(
            format!("{}: {}", c.kind.name(app.lang), why_line(c, app.lang)),
            theme.heading,
        ));
    }
    lines.push(Line::styled(ls.intro, theme.dim));
    let rest = Rect::new(area.x, y, area.width, area.bottom().saturating_sub(y));
    super::draw_text(frame, rest, app, lines, theme);
}

fn draw_letter(frame: &mut Frame, area: Rect, app: &App, state: &CaseState, kind: LetterKind, theme: &Theme) {
    let ls = strings(app.lang);
    let lang = app.lang;
    let today = (app.clock)().date();
    let mut lines = vec![Line::styled(kind.name(lang).to_string(), theme.heading)];
    let saved = app.letters.saved.as_ref().filter(|s| s.kind == kind);
    // What the letter would carry: made from the case as it stands (no file is written here).
    // The letter is in Chinese for the office it goes to; what it carries is said in `lang`.
    let mut req = LetterRequest::new(kind, today, Lang::Zh);
    if kind.needs_to() {
        req.to = Some(
            saved
                .map(|s| s.recipient.clone())
                .unwrap_or_else(|| ls.to_asked.to_string()),
        );
    }
    match &*app.outlook.of(state).letter(state, &req) {
        Ok(letter) => {
            let to = match (kind.needs_to(), saved) {
                (true, None) => ls.to_asked.to_string(),
                _ => letter.recipient.clone(),
            };
            lines.push(Line::raw(format!("{}: {to}", ls.to)));
            // The command line's hint names its option; the wizard asks in the save form.
            let said = letter.privacy_sentence_in(lang);
            let hint = &LetterContent::get(lang).with_id_hint;
            lines.push(Line::raw(match said.strip_suffix(hint.as_str()) {
                Some(rest) if !hint.is_empty() => format!("{rest}{}", ls.with_id),
                _ => said,
            }));
        }
        Err(e) => lines.push(Line::styled(e.screen_message(lang), theme.error)),
    }
    lines.push(Line::raw(
        follow_up_rule(kind.code(), lang).unwrap_or_else(|| ls.no_period.to_string()),
    ));
    for r in state
        .reports
        .iter()
        .filter(|r| r.current.letter.as_ref().is_some_and(|l| l.kind == kind.code()))
    {
        lines.push(Line::styled(
            fill(ls.sent_before, &[&r.id, &r.current.filed_at.short()]),
            theme.ok,
        ));
    }
    if let Some(s) = saved {
        lines.push(Line::raw(""));
        lines.push(Line::styled(fill(ls.saved_pdf, &[&short_path(&s.pdf)]), theme.ok));
        lines.push(Line::raw(fill(ls.saved_text, &[&short_path(&s.text)])));
        match &s.copy {
            Ok(copy) => lines.push(Line::styled(
                fill(ls.saved_copy, &[&short_path(copy)]),
                theme.heading,
            )),
            Err(why) => lines.push(Line::raw(fill(ls.not_copied, &[why]))),
        }
        lines.push(Line::raw(fill(ls.sha, &[&s.sha256])));
    }
    lines.push(Line::raw(""));
    lines.push(Line::styled(ls.open_hint, theme.dim));
    super::draw_text(frame, area, app, lines, theme);
}
