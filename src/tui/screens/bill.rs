//! A bill opened from step 1: the payments that can be losses, each with a box to tick
//! (Space), the selected one highlighted; Enter records the ticked ones.

use std::path::PathBuf;

use crossterm::event::KeyCode as C;
use ratatui::Frame;
use ratatui::layout::Rect;

use crate::evidence::bill::Bill;
use crate::tui::keys::{Action as A, Binding, DOWN, K, MOVE, b};
use crate::tui::message::Effect;
use crate::tui::model::{App, Screen};
use crate::tui::screens::{Cmd, Ctx};
use crate::tui::strings::fill;
use crate::tui::theme::Theme;
use crate::tui::widgets::text_field::put;

/// A bill opened from step 1: Space ticks a row, Enter records the ticked ones.
pub const KEYS: &[Binding] = &[
    MOVE,
    DOWN,
    b(A::Tick, &[K::Ch(' ')], "Space", |s| s.k_tick, true),
    b(
        A::Open,
        &[K::Code(C::Enter)],
        "Enter",
        |s| s.k_record_picked,
        true,
    ),
    b(A::Back, &[K::Code(C::Esc)], "Esc", |s| s.k_back, true),
];

/// A bill opened in the wizard: the rows that can be losses, which are ticked, the selection.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BillView {
    /// The file.
    pub path: PathBuf,
    /// The bill read.
    pub bill: Bill,
    /// The indices (into `bill.rows`) of the rows that can be recorded as losses.
    pub pickable: Vec<usize>,
    /// Ticked, one per pickable row.
    pub ticked: Vec<bool>,
    /// The selected pickable row.
    pub sel: usize,
}

impl BillView {
    /// A bill just read, nothing ticked.
    pub fn new(path: PathBuf, bill: Bill) -> BillView {
        let pickable: Vec<usize> = (0..bill.rows.len())
            .filter(|i| bill.rows[*i].pickable())
            .collect();
        BillView {
            path,
            ticked: vec![false; pickable.len()],
            bill,
            pickable,
            sel: 0,
        }
    }

    /// The bill with only the ticked rows, in the file's order.
    pub fn picked(&self) -> Bill {
        let mut b = self.bill.clone();
        b.rows = self
            .pickable
            .iter()
            .zip(&self.ticked)
            .filter(|(_, t)| **t)
            .filter_map(|(i, _)| self.bill.rows.get(*i).cloned())
            .collect();
        b
    }
}

/// Choose a row, tick it, record the ticked ones, or close the bill (`view` is the bill
/// open, if any); `None` for a key it leaves to the wizard.
pub fn key(view: &mut Option<BillView>, a: A, cx: &Ctx) -> Option<Vec<Cmd>> {
    match a {
        A::Up => {
            if let Some(v) = view.as_mut() {
                v.sel = v.sel.saturating_sub(1);
            }
        }
        A::Down => {
            if let Some(v) = view.as_mut() {
                v.sel = (v.sel + 1).min(v.pickable.len().saturating_sub(1));
            }
        }
        A::Tick => {
            if let Some(t) = view.as_mut().and_then(|v| v.ticked.get_mut(v.sel)) {
                *t = !*t;
            }
        }
        A::Open => {
            let Some(v) = view.as_ref() else {
                return Some(Vec::new());
            };
            let picked = v.picked();
            if picked.rows.is_empty() {
                return Some(vec![Cmd::Say(cx.s.bill_none_ticked.to_string(), true)]);
            }
            return Some(vec![Cmd::Run(Effect::RecordBill(v.path.clone(), picked))]);
        }
        A::Back => {
            *view = None;
            return Some(vec![Cmd::Go(Screen::Evidence)]);
        }
        _ => return None,
    }
    Some(Vec::new())
}

/// Draws the bill screen.
pub fn draw(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let s = app.s;
    let buf = frame.buffer_mut();
    let w = usize::from(area.width.saturating_sub(2));
    let Some(view) = &app.bill else {
        return;
    };
    let title = fill(s.bill_title, &[&view.bill.source.name(app.lang)]);
    put(buf, area.x + 1, area.y, &title, w, theme.heading);
    put(buf, area.x + 1, area.y + 1, s.bill_hint, w, theme.dim);
    if view.pickable.is_empty() {
        put(buf, area.x + 1, area.y + 3, s.bill_empty, w, theme.text);
        return;
    }
    let apart = view.bill.rows.len() - view.pickable.len();
    let footer = if apart > 0 { 1 } else { 0 };
    let rows = usize::from(area.height.saturating_sub(3 + footer)).max(1);
    let offset = (view.sel + 1).saturating_sub(rows);
    for (r, (i, row_index)) in view
        .pickable
        .iter()
        .enumerate()
        .skip(offset)
        .take(rows)
        .enumerate()
    {
        let Some(row) = view.bill.rows.get(*row_index) else {
            continue;
        };
        let y = area.y + 2 + r as u16;
        let mark = if view.ticked.get(i).copied().unwrap_or(false) {
            "[x]"
        } else {
            "[ ]"
        };
        let at = if row.time_known {
            row.at.strftime("%Y-%m-%d %H:%M").to_string()
        } else {
            row.at.strftime("%Y-%m-%d").to_string()
        };
        let to = [row.counterparty.as_str(), row.account.as_str()]
            .into_iter()
            .filter(|t| !t.is_empty())
            .collect::<Vec<_>>()
            .join(" ");
        let line = format!(
            "{mark} {:>3}. {at}  {}  → {to}  {}",
            i + 1,
            crate::pdf::words::money(row.fen, app.lang),
            row.order
        );
        let style = if i == view.sel { theme.selected } else { theme.text };
        if i == view.sel {
            buf.set_style(Rect::new(area.x, y, area.width, 1), style);
        }
        put(buf, area.x + 1, y, &line, w, style);
    }
    if apart > 0 {
        let y = area.y + area.height.saturating_sub(1);
        put(buf, area.x + 1, y, &fill(s.bill_apart, &[&apart]), w, theme.dim);
    }
}
