//! The immediate-actions checklist; each tick is a journal event.

use crossterm::event::KeyCode as C;
use ratatui::Frame;
use ratatui::layout::Rect;

use crate::case::CaseState;
use crate::case::signals::done_by_record;
use crate::localtime::short;
use crate::tui::guide_text::{checklist, checklist_done, checklist_id, checklist_len, checklist_line};
use crate::tui::keys::{Action as A, BACK, Binding, DOWN, K, MOVE, TextView, b};
use crate::tui::message::Effect;
use crate::tui::model::{App, Screen};
use crate::tui::screens::{Cmd, Ctx};
use crate::tui::strings::fill;
use crate::tui::theme::Theme;
use crate::tui::widgets::text_field::{put, str_width};
use crate::tui::widgets::wrap::scroll_marks;

/// The checklist.
pub const KEYS: &[Binding] = &[
    MOVE,
    DOWN,
    b(A::Tick, &[K::Ch(' ')], "Space", |s| s.k_tick, true),
    b(
        A::How,
        &[K::Code(C::Enter), K::Ch('l')],
        "Enter",
        |s| s.k_how,
        true,
    ),
    BACK,
];

/// The checklist's own state.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Checklist {
    /// The selected item.
    pub sel: usize,
}

impl Checklist {
    /// Choose an item, tick it (an item a record proves says so instead), open its how-to;
    /// `None` for a key it leaves to the wizard.
    pub fn key(&mut self, a: A, cx: &Ctx) -> Option<Vec<Cmd>> {
        match a {
            A::Up => self.sel = self.sel.saturating_sub(1),
            A::Down => self.sel = (self.sel + 1).min(checklist_len().saturating_sub(1)),
            A::Tick => {
                let Some(id) = checklist_id(self.sel) else {
                    return Some(Vec::new());
                };
                return Some(vec![match done_by_record(cx.state, id) {
                    Some(rec) => Cmd::Say(fill(cx.s.tick_by_record, &[&rec]), false),
                    None => Cmd::Run(Effect::Tick(id, !cx.state.is_ticked(id.as_str()))),
                }]);
            }
            A::How => return Some(vec![Cmd::Go(Screen::Text(TextView::How(self.sel)))]),
            _ => return None,
        }
        Some(Vec::new())
    }
}

/// Draws the checklist.
pub fn draw(frame: &mut Frame, area: Rect, app: &App, state: &CaseState, theme: &Theme) {
    let s = app.s;
    let buf = frame.buffer_mut();
    let w = usize::from(area.width.saturating_sub(2));
    let items = checklist(app.lang);
    let done = checklist_done(state);
    let tz = app.zone();
    let head = format!(
        "{}  {}",
        s.checklist,
        fill(s.checklist_progress, &[&done, &items.len()])
    );
    put(buf, area.x + 1, area.y, &head, w, theme.heading);
    let rows = usize::from(area.height.saturating_sub(2));
    let offset = (app.checklist.sel + 1).saturating_sub(rows);
    let below = items.len().saturating_sub(offset + rows);
    if offset > 0 || below > 0 {
        let marks = scroll_marks((s.list_above, s.list_below), offset, below);
        let mw = str_width(&marks);
        put(
            buf,
            area.right().saturating_sub(mw as u16 + 1),
            area.y + 1,
            &marks,
            mw,
            theme.dim,
        );
    }
    for (r, (i, (id, title, step))) in items.iter().enumerate().skip(offset).take(rows).enumerate() {
        let y = area.y + 2 + r as u16;
        let tick = state.checklist.get(id.as_str()).filter(|t| t.done);
        let when = tick
            .map(|t| format!("  ({})", short(&t.at, &tz)))
            .unwrap_or_default();
        let line = checklist_line(state, *id, &format!("{} {title}", step.number()), app.lang);
        let style = if i == app.checklist.sel {
            theme.selected
        } else {
            theme.text
        };
        if i == app.checklist.sel {
            buf.set_style(Rect::new(area.x, y, area.width, 1), style);
        }
        put(buf, area.x + 1, y, &format!("{line}{when}"), w, style);
    }
}
