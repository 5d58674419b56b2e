//! One module per screen, as gitui's components: each holds the screen's own state, its key
//! list (`KEYS`, the same list for dispatch, key bar and help), its key handling and its
//! drawing. A screen's `key` gets the action the key names and a read-only [`Ctx`] and returns
//! [`Cmd`]s: what it asks of the wizard beyond its own state (another screen, a form, a
//! status line, an effect for the runtime). It never sees the update (`tui::app`), which
//! routes the key to the screen in view and carries the commands out, in order.

use jiff::ZonedDateTime;

use crate::case::CaseState;
use crate::i18n::Lang;
use crate::tui::form::Form;
use crate::tui::keys::Action;
use crate::tui::message::Effect;
use crate::tui::model::{Pane, Screen};
use crate::tui::outlook::OutlookCache;
use crate::tui::strings::Strings;

pub mod bill;
pub mod checklist;
pub mod dashboard;
pub mod detail;
pub mod evidence;
pub mod export;
pub mod form;
pub mod letters;
pub mod loading;
pub mod profile;
pub mod steps;
pub mod text;

/// Marks the pane the arrows move with ">" in the margin of its first row.
pub fn focus_mark(
    frame: &mut ratatui::Frame,
    pane: ratatui::layout::Rect,
    focused: bool,
    theme: &crate::tui::theme::Theme,
) {
    if focused && pane.height > 0 {
        crate::tui::widgets::text_field::put(frame.buffer_mut(), pane.x, pane.y, ">", 1, theme.key);
    }
}

/// Draws a screen's text in `area` at the app's scroll, with the "more above / below" marker.
pub fn draw_text(
    frame: &mut ratatui::Frame,
    area: ratatui::layout::Rect,
    app: &crate::tui::model::App,
    lines: Vec<ratatui::text::Line<'_>>,
    theme: &crate::tui::theme::Theme,
) {
    let marks = (app.s.more_above, app.s.more_below);
    crate::tui::widgets::wrap::draw_scrolled(frame, area, lines, app.scroll, marks, theme.dim);
}

/// The scroll position at which [`draw_text`] shows the last of `lines` in an area `width`
/// wide and `height` tall (0 when they all fit): where End goes.
pub fn last_top(lines: Vec<ratatui::text::Line<'_>>, width: u16, height: u16) -> u16 {
    let total = crate::tui::widgets::wrap::wrap_lines(lines, width).len();
    let height = usize::from(height);
    if total <= height {
        return 0;
    }
    // One row is kept for the "more above / below" marker, as when drawn.
    u16::try_from(total - height.saturating_sub(1)).unwrap_or(u16::MAX)
}

/// What a screen reads when it handles a key: the case and the wizard's shared facts.
#[derive(Debug)]
pub struct Ctx<'a> {
    /// The case as folded.
    pub state: &'a CaseState,
    /// The UI language.
    pub lang: Lang,
    /// Its strings.
    pub s: &'static Strings,
    /// The time now, by the wizard's clock.
    pub now: ZonedDateTime,
    /// The terminal's size (columns, rows).
    pub size: (u16, u16),
    /// The scroll of the body's text.
    pub scroll: u16,
    /// The pane the arrows move (step 1 and 2).
    pub focus: Pane,
    /// How far PageUp and PageDown move.
    pub page: usize,
    /// The scroll that shows the end of the text (worked out for PageDown and End only;
    /// else the scroll as it is).
    pub text_end: u16,
    /// The case's signals, the letters that fit it.
    pub outlook: &'a OutlookCache,
}

/// What a screen asks of the wizard, carried out in order after its key.
#[derive(Debug, Clone, PartialEq)]
pub enum Cmd {
    /// Open this screen (the scroll, the focus and the status line start afresh).
    Go(Screen),
    /// Go back to the screen a detail view was opened from.
    Return,
    /// Open this form over the screen.
    Open(Form),
    /// Show this line in the status bar (true: it is an error).
    Say(String, bool),
    /// Clear the status line.
    Hush,
    /// Scroll the body's text to this row.
    Scroll(u16),
    /// Do what the key of this action does anywhere (the dashboard's rows open screens).
    Act(Action),
    /// Ask the runtime to do this with the case.
    Run(Effect),
}
