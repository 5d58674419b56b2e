//! A generated text alone on the screen — the warning message for family, the brief for a
//! lawyer — with nothing else on its lines, so selecting it with the mouse copies just the
//! text. Neither text carries the victim's ID number or other secrets.

use crossterm::event::KeyCode as C;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;

use crate::case::CaseState;
use crate::guide::StepId;
use crate::letters::brief::{lawyer_brief, warning_message};
use crate::tui::guide_text::checklist_how;
use crate::tui::keys::{
    Action as A, Binding, COPY_WARNING, K, SCROLL_DOWN, SCROLL_ENDS, SCROLL_PAGE, SCROLL_UP, TextView, b,
};
use crate::tui::message::Effect;
use crate::tui::model::{App, Screen};
use crate::tui::screens::{Cmd, Ctx};
use crate::tui::strings::fill;
use crate::tui::theme::Theme;
use crate::tui::widgets::text_field::put;

/// A generated text shown alone (the warning message, the brief).
pub const KEYS: &[Binding] = &[
    COPY_WARNING,
    SCROLL_UP,
    SCROLL_DOWN,
    SCROLL_PAGE[0],
    SCROLL_PAGE[1],
    SCROLL_ENDS[0],
    SCROLL_ENDS[1],
    b(A::Back, &[K::Code(C::Esc), K::Ch('h')], "Esc", |s| s.k_back, true),
];

/// A checklist item's how-to: Esc goes back to the same item.
pub const HOW_KEYS: &[Binding] = &[
    SCROLL_UP,
    SCROLL_DOWN,
    SCROLL_PAGE[0],
    SCROLL_PAGE[1],
    SCROLL_ENDS[0],
    SCROLL_ENDS[1],
    b(A::Back, &[K::Code(C::Esc), K::Ch('h')], "Esc", |s| s.k_back, true),
];

/// The keys of the text screen showing `view`.
pub fn keys(view: TextView) -> &'static [Binding] {
    match view {
        TextView::How(_) => HOW_KEYS,
        _ => KEYS,
    }
}

/// Scroll, copy the warning message, go back where the text was opened from; `None` for a
/// key it leaves to the wizard.
pub fn key(view: TextView, a: A, cx: &Ctx) -> Option<Vec<Cmd>> {
    let scroll = |to: u16| Some(vec![Cmd::Scroll(to)]);
    match (a, view) {
        (A::Back, TextView::Warning) => Some(vec![Cmd::Go(Screen::Step(StepId::WarnContacts))]),
        (A::Back, TextView::Brief) => Some(vec![Cmd::Go(Screen::Step(StepId::ConsultLawyer))]),
        (A::Back, TextView::How(_)) => Some(vec![Cmd::Go(Screen::Checklist)]),
        (A::CopyWarning, TextView::Warning) => Some(vec![
            Cmd::Say(cx.s.copied.to_string(), false),
            Cmd::Run(Effect::Copy(warning_message(cx.state, cx.lang))),
        ]),
        (A::PageUp, _) => scroll(cx.scroll.saturating_sub(cx.page as u16)),
        (A::PageDown, _) => scroll(cx.scroll.saturating_add(cx.page as u16).min(cx.text_end)),
        (A::Top, _) => scroll(0),
        (A::Bottom, _) => scroll(cx.text_end),
        (A::Up, _) => scroll(cx.scroll.saturating_sub(1)),
        (A::Down, _) => scroll(cx.scroll.saturating_add(1)),
        _ => None,
    }
}

/// The screen's title, text and hint.
fn content(app: &App, state: &CaseState, view: TextView) -> (String, String, &'static str) {
    let s = app.s;
    match view {
        TextView::Warning => (
            s.text_warning_title.to_string(),
            warning_message(state, app.lang),
            s.text_copy_hint,
        ),
        TextView::Brief => (
            s.text_brief_title.to_string(),
            lawyer_brief(state, app.lang),
            s.text_copy_hint,
        ),
        // A checklist item's how-to: Esc goes back to the item.
        TextView::How(i) => {
            let (item, how) = checklist_how(app.lang, i).unwrap_or_default();
            (fill(s.how_title, &[&item]), how, "")
        }
    }
}

/// The scroll position that shows the text's last line in a terminal of the app's size.
pub fn text_end(app: &App, state: &CaseState, view: TextView) -> u16 {
    let (w, h) = app.size;
    let (_, text, _) = content(app, state, view);
    let lines: Vec<Line> = text.lines().map(|l| Line::raw(l.to_string())).collect();
    super::last_top(lines, w, h.saturating_sub(4))
}

/// Draws the text screen.
pub fn draw(frame: &mut Frame, area: Rect, app: &App, state: &CaseState, view: TextView, theme: &Theme) {
    let (title, text, hint) = content(app, state, view);
    let w = usize::from(area.width);
    let buf = frame.buffer_mut();
    let end = put(buf, area.x, area.y, &title, w, theme.heading);
    put(
        buf,
        end + 2,
        area.y,
        hint,
        w.saturating_sub(usize::from(end - area.x) + 2),
        theme.dim,
    );
    let lines: Vec<Line> = text.lines().map(|l| Line::raw(l.to_string())).collect();
    let body = Rect::new(area.x, area.y + 1, area.width, area.height.saturating_sub(1));
    super::draw_text(frame, body, app, lines, theme);
}
