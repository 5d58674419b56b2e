//! The victim's own details, as the complaint packet will use them.

use crossterm::event::KeyCode as C;
use ratatui::Frame;
use ratatui::layout::{Margin, Rect};
use ratatui::text::{Line, Span};

use crate::case::CaseState;
use crate::tui::form::Form;
use crate::tui::keys::{Action as A, BACK, Binding, K, b};
use crate::tui::model::App;
use crate::tui::screens::{Cmd, Ctx};
use crate::tui::theme::Theme;

/// The profile.
pub const KEYS: &[Binding] = &[
    b(
        A::EditProfile,
        &[K::Ch('e'), K::Code(C::Enter)],
        "e",
        |s| s.k_edit_profile,
        true,
    ),
    BACK,
];

/// e (or Enter) opens the form with the details; `None` for a key it leaves to the wizard.
pub fn key(a: A, cx: &Ctx) -> Option<Vec<Cmd>> {
    match a {
        A::EditProfile => Some(vec![Cmd::Open(Form::profile(&cx.state.profile))]),
        _ => None,
    }
}

/// Draws the profile.
pub fn draw(frame: &mut Frame, area: Rect, app: &App, state: &CaseState, theme: &Theme) {
    let s = app.s;
    let p = &state.profile;
    let mut lines = vec![Line::styled(s.profile, theme.heading)];
    if p.is_empty() {
        lines.push(Line::raw(s.profile_empty));
    }
    let or_none = |v: String| if v.is_empty() { s.none.to_string() } else { v };
    for (label, value) in [
        (s.p_name, p.name.clone()),
        (s.p_id, p.id_number.clone()),
        (s.p_sex, p.sex.clone()),
        (s.p_birth, p.birth_date.clone()),
        (s.p_phones, p.phones.join(", ")),
        (s.p_emails, p.emails.join(", ")),
        (s.p_address, p.address.clone()),
    ] {
        lines.push(Line::from(vec![
            Span::styled(format!("{label}: "), theme.heading),
            Span::raw(or_none(value)),
        ]));
    }
    lines.push(Line::raw(""));
    lines.push(Line::styled(s.profile_why, theme.dim));
    let inner = area.inner(Margin::new(1, 0));
    super::draw_text(frame, inner, app, lines, theme);
}
