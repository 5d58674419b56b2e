//! Styles. Only bold, reverse and underline plus red and green, which read on light and dark
//! backgrounds alike; with `NO_COLOR` set, no colour at all.

use ratatui::style::{Color, Modifier, Style};

/// The styles the screens use.
#[derive(Debug, Clone, Copy)]
pub struct Theme {
    /// Plain text.
    pub text: Style,
    /// Headings.
    pub heading: Style,
    /// The title bar and the selected row.
    pub bar: Style,
    /// A selected row.
    pub selected: Style,
    /// Quiet text (hints, placeholders, retracted rows).
    pub dim: Style,
    /// Errors.
    pub error: Style,
    /// Done, saved.
    pub ok: Style,
    /// A text field.
    pub field: Style,
    /// The focused field.
    pub field_focus: Style,
    /// Key names in the key bar.
    pub key: Style,
}

impl Theme {
    /// The theme, without colour when `no_color`.
    pub fn new(no_color: bool) -> Theme {
        let colour = |c: Color, fallback: Style| if no_color { fallback } else { Style::new().fg(c) };
        Theme {
            text: Style::new(),
            heading: Style::new().add_modifier(Modifier::BOLD),
            bar: Style::new().add_modifier(Modifier::REVERSED),
            selected: Style::new().add_modifier(Modifier::REVERSED),
            dim: Style::new().add_modifier(Modifier::DIM),
            error: colour(Color::Red, Style::new()).add_modifier(Modifier::BOLD),
            ok: colour(Color::Green, Style::new()),
            field: Style::new().add_modifier(Modifier::UNDERLINED),
            field_focus: Style::new().add_modifier(Modifier::UNDERLINED | Modifier::BOLD),
            key: Style::new().add_modifier(Modifier::BOLD),
        }
    }

    /// The theme the environment asks for (`NO_COLOR` set and not empty: no colour).
    pub fn from_env() -> Theme {
        Theme::new(std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty()))
    }
}
