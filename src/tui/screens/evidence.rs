//! Step 1: the evidence list, newest first, with a kind filter, a search box and a filter to
//! one counterpart; each number says what kind it is. Only the rows on screen are built, so
//! a case with 100,000 entries scrolls as fast as one with ten.

use crossterm::event::{KeyCode as C, KeyEvent};
use ratatui::Frame;
use ratatui::layout::{Position, Rect};

use crate::case::counterparts::CounterpartId;
use crate::case::{CaseState, Entry, EntryId, EvidenceKind};
use crate::display::summary_shown;
use crate::evidence::number::classify;
use crate::i18n::Lang;
use crate::localtime::short;
use ratatui::text::Line;

use crate::guide::StepId;
use crate::text::MAX_LINE_CHARS;
use crate::tui::form::Form;
use crate::tui::guide_text::guidance;
use crate::tui::keys::{Action as A, Binding, DOWN, K, MOVE, b};
use crate::tui::model::{App, Pane, Screen};
use crate::tui::screens::{Cmd, Ctx};
use crate::tui::strings::fill;
use crate::tui::theme::Theme;
use crate::tui::widgets::text_field::{Edit, TextField};
use crate::tui::widgets::text_field::{put, str_width};
use crate::tui::widgets::wrap::scroll_marks;

/// The evidence list (step 1).
pub const KEYS: &[Binding] = &[
    MOVE,
    DOWN,
    b(
        A::PageUp,
        &[K::Code(C::PageUp), K::Ctrl('b')],
        "PgUp/PgDn",
        |s| s.k_page,
        false,
    ),
    b(
        A::PageDown,
        &[K::Code(C::PageDown), K::Ctrl('f')],
        "",
        |s| s.k_page,
        false,
    ),
    b(
        A::Top,
        &[K::Code(C::Home), K::Ch('g')],
        "g/G",
        |s| s.k_top_bottom,
        false,
    ),
    b(
        A::Bottom,
        &[K::Code(C::End), K::Ch('G')],
        "",
        |s| s.k_top_bottom,
        false,
    ),
    b(
        A::Open,
        &[K::Code(C::Enter), K::Ch('l')],
        "Enter",
        |s| s.k_open,
        true,
    ),
    b(A::NewEntry, &[K::Ch('a')], "a", |s| s.k_new_entry, true),
    b(A::ImportBill, &[K::Ch('b')], "b", |s| s.k_import_bill, true),
    b(A::Search, &[K::Ch('/')], "/", |s| s.k_search, true),
    b(A::Filter, &[K::Ch('f')], "f", |s| s.k_filter, true),
    b(
        A::OneCounterpart,
        &[K::Ch('o')],
        "o",
        |s| s.k_one_counterpart,
        false,
    ),
    b(
        A::Back,
        &[K::Code(C::Esc), K::Ch('h')],
        "Esc/0",
        |s| s.k_back,
        true,
    ),
];

/// The search box, while it has the focus.
pub const SEARCH_KEYS: &[Binding] = &[
    b(
        A::SearchDone,
        &[K::Code(C::Enter), K::Code(C::Esc)],
        "Enter/Esc",
        |s| s.k_search_done,
        true,
    ),
    b(A::Down, &[K::Code(C::Down)], "Up/Dn", |s| s.k_move, false),
    b(A::Up, &[K::Code(C::Up)], "", |s| s.k_move, false),
    b(
        A::Quit,
        &[K::Ctrl('c'), K::Ctrl('q')],
        "Ctrl-Q",
        |s| s.k_quit,
        false,
    ),
];

/// The evidence list's own state.
#[derive(Debug, Clone)]
pub struct ListView {
    /// Indices into `state.entries` of the rows shown, newest first.
    pub rows: Vec<u32>,
    /// Selected row.
    pub selected: usize,
    /// First row on screen.
    pub offset: usize,
    /// Only this kind, or all.
    pub kind: Option<EvidenceKind>,
    /// The search box.
    pub search: TextField,
    /// The search box has focus.
    pub searching: bool,
    /// Only the entries of this counterpart: its text as shown and the number of its key.
    pub counterpart: Option<(String, CounterpartId)>,
    /// What the rows were last built from: rebuilt when any of it changes.
    pub(crate) built: Option<(u64, Option<EvidenceKind>, String, Option<CounterpartId>)>,
}

impl Default for ListView {
    fn default() -> ListView {
        ListView {
            rows: Vec::new(),
            selected: 0,
            offset: 0,
            kind: None,
            search: TextField::new(false, MAX_LINE_CHARS),
            searching: false,
            counterpart: None,
            built: None,
        }
    }
}

/// How many list rows fit on step 1 in a terminal `height` rows tall: title, filter line,
/// column header, status and key bar take five, and the step's guidance pane its share.
pub fn list_rows(height: u16, focus: Pane) -> usize {
    let body = height.saturating_sub(3);
    usize::from(height.saturating_sub(5).saturating_sub(guide_rows(body, focus)))
}

/// Rows of step 1's guidance pane in a body `body` rows tall: a quarter under the list, two
/// thirds when it has the focus; the list always keeps its header and a row.
pub fn guide_rows(body: u16, focus: Pane) -> u16 {
    let want = match focus {
        Pane::List => (body / 4).max(3),
        Pane::Text => body * 2 / 3,
    };
    want.min(body.saturating_sub(3))
}

impl ListView {
    /// Makes sure the rows match the state, the filter and the search; `shown` list rows fit
    /// on the screen.
    pub fn sync(&mut self, state: &CaseState, shown: usize) {
        let key = (
            state.fingerprint.count,
            self.kind,
            self.search.text().to_lowercase(),
            self.counterpart.as_ref().map(|(_, id)| *id),
        );
        if self.built.as_ref() == Some(&key) {
            return;
        }
        let keep = self.rows.get(self.selected).copied();
        let needle = key.2.trim().to_string();
        let mut rows: Vec<u32> = state
            .entries
            .iter()
            .enumerate()
            .filter(|(_, e)| key.1.is_none_or(|k| e.current.kind == k))
            .filter(|(_, e)| key.3.is_none_or(|id| e.counterpart_id() == id))
            .filter(|(_, e)| {
                needle.is_empty()
                    || e.current.counterpart.to_lowercase().contains(&needle)
                    || e.current.summary.to_lowercase().contains(&needle)
            })
            .map(|(i, _)| i as u32)
            .collect();
        rows.sort_by(|a, b| {
            let ea = &state.entries[*a as usize];
            let eb = &state.entries[*b as usize];
            eb.current
                .occurred_at
                .timestamp()
                .cmp(&ea.current.occurred_at.timestamp())
                .then(b.cmp(a))
        });
        self.rows = rows;
        self.selected = keep
            .and_then(|k| self.rows.iter().position(|r| *r == k))
            .unwrap_or(0);
        self.built = Some(key);
        self.clamp(shown);
    }

    /// Keeps the selection on screen when `shown` rows fit.
    pub fn clamp(&mut self, shown: usize) {
        let n = self.rows.len();
        self.selected = self.selected.min(n.saturating_sub(1));
        let h = shown.max(1);
        if self.selected < self.offset {
            self.offset = self.selected;
        } else if self.selected >= self.offset + h {
            self.offset = self.selected + 1 - h;
        }
        // Never leave rows empty below while rows are hidden above (after a resize or a filter).
        self.offset = self.offset.min(n.saturating_sub(h));
    }

    fn move_by(&mut self, by: isize, shown: usize) {
        let n = self.rows.len();
        if n == 0 {
            return;
        }
        let cur = self.selected as isize;
        self.selected = (cur + by).clamp(0, n as isize - 1) as usize;
        self.clamp(shown);
    }

    /// The entry selected.
    pub fn selected_entry(&self, state: &CaseState) -> Option<EntryId> {
        let i = *self.rows.get(self.selected)? as usize;
        state.entries.get(i).map(|e| e.id)
    }

    /// The list's keys (the search box does not have the focus); `None` for a key it leaves
    /// to the wizard.
    pub fn key(&mut self, a: A, cx: &Ctx) -> Option<Vec<Cmd>> {
        let shown = list_rows(cx.size.1, cx.focus).max(1);
        let page = shown as isize;
        if cx.focus == Pane::Text {
            // The arrows scroll the guidance.
            let scroll = match a {
                A::Up => Some(cx.scroll.saturating_sub(1)),
                A::Down => Some(cx.scroll.saturating_add(1)),
                A::PageUp => Some(cx.scroll.saturating_sub(page as u16)),
                A::PageDown => Some(cx.scroll.saturating_add(page as u16)),
                _ => None,
            };
            if let Some(to) = scroll {
                return Some(vec![Cmd::Scroll(to)]);
            }
        }
        match a {
            A::Up => self.move_by(-1, shown),
            A::Down => self.move_by(1, shown),
            A::PageUp => self.move_by(-page, shown),
            A::PageDown => self.move_by(page, shown),
            A::Top => self.move_by(-(self.rows.len() as isize), shown),
            A::Bottom => self.move_by(self.rows.len() as isize, shown),
            A::Open => {
                if let Some(id) = self.selected_entry(cx.state) {
                    return Some(vec![Cmd::Go(Screen::Detail(id))]);
                }
            }
            A::Search => self.searching = true,
            A::Filter => {
                let all = EvidenceKind::ALL;
                self.kind = match self.kind {
                    None => all.first().copied(),
                    Some(k) => all
                        .iter()
                        .position(|x| *x == k)
                        .and_then(|i| all.get(i + 1))
                        .copied(),
                };
                self.selected = 0;
                self.offset = 0;
            }
            A::OneCounterpart => {
                self.counterpart = match (&self.counterpart, self.selected_entry(cx.state)) {
                    (Some(_), _) | (None, None) => None,
                    (None, Some(id)) => cx
                        .state
                        .entry(id)
                        .filter(|e| !e.current.counterpart.is_empty())
                        .map(|e| (e.current.counterpart.clone(), e.counterpart_id())),
                };
                self.selected = 0;
                self.offset = 0;
            }
            A::ImportBill => return Some(vec![Cmd::Open(Form::import_bill())]),
            _ => return None,
        }
        Some(Vec::new())
    }

    /// A key while the search box has the focus: Enter or Esc leave it, the arrows move the
    /// list, anything else is typed.
    pub fn search_key(&mut self, k: &KeyEvent, a: Option<A>, cx: &Ctx) -> Vec<Cmd> {
        let shown = list_rows(cx.size.1, cx.focus).max(1);
        match a {
            Some(A::SearchDone) => self.searching = false,
            Some(A::Quit) => return vec![Cmd::Act(A::Quit)],
            Some(A::Up) => self.move_by(-1, shown),
            Some(A::Down) => self.move_by(1, shown),
            _ => {
                if self.search.key(k) == Edit::Capped {
                    return vec![Cmd::Say(fill(cx.s.field_capped, &[&MAX_LINE_CHARS]), false)];
                }
            }
        }
        Vec::new()
    }

    /// Text pasted on the list goes into the search box; said when it was cut at the cap.
    pub fn paste(&mut self, text: &str, cx: &Ctx) -> Vec<Cmd> {
        self.searching = true;
        if self.search.insert(text) == Edit::Capped {
            return vec![Cmd::Say(fill(cx.s.field_capped, &[&self.search.cap()]), false)];
        }
        Vec::new()
    }
}

fn kind_label(e: &Entry, lang: Lang) -> &'static str {
    lang.pick(e.current.kind.zh(), e.current.kind.en())
}

/// The columns (start, width; 0 = the rest) of ID, kind, time, counterpart, count and summary
/// for a window `w` columns wide: the counterpart grows with the window so long numbers and
/// addresses show whole.
fn columns(w: usize) -> [(usize, usize); 6] {
    if w < 70 {
        return [(0, 0), (0, 5), (5, 12), (17, 13), (30, 4), (34, 0)];
    }
    let counterpart = (17 + w.saturating_sub(80) / 3).min(40);
    let count = 6 + 9 + 17 + counterpart;
    [
        (0, 6),
        (6, 9),
        (15, 17),
        (32, counterpart),
        (count, 5),
        (count + 5, 0),
    ]
}

/// Draws the list over the step's guidance; returns the cursor position when the search box
/// has focus.
pub fn draw(frame: &mut Frame, area: Rect, app: &App, state: &CaseState, theme: &Theme) -> Option<Position> {
    // The guidance takes the rows a short list leaves empty.
    let list_needs = (app.list.rows.len().max(1) + 2).min(usize::from(u16::MAX)) as u16;
    let guide_h = guide_rows(area.height, app.focus).max(area.height.saturating_sub(list_needs));
    let list_area = Rect::new(area.x, area.y, area.width, area.height.saturating_sub(guide_h));
    let guide_area = Rect::new(area.x, list_area.bottom(), area.width, guide_h);
    draw_guide(frame, guide_area, app, state, theme);
    super::focus_mark(frame, list_area, app.focus == Pane::List, theme);
    draw_list(frame, list_area, app, state, theme)
}

/// The guide's purpose, to-dos, things to prepare and mistakes for step 1, scrolled by the
/// arrows when it has the focus.
fn draw_guide(frame: &mut Frame, area: Rect, app: &App, state: &CaseState, theme: &Theme) {
    if area.height < 2 {
        return;
    }
    let focused = app.focus == Pane::Text;
    let w = usize::from(area.width.saturating_sub(2));
    let style = if focused { theme.heading } else { theme.dim };
    put(frame.buffer_mut(), area.x + 1, area.y, app.s.step_guide, w, style);
    super::focus_mark(frame, area, focused, theme);
    let lines: Vec<Line> = guidance(StepId::CollectEvidence, app.lang, &(app.clock)(), state)
        .into_iter()
        .map(|(heading, text)| {
            if heading {
                Line::styled(text, theme.heading)
            } else {
                Line::raw(text)
            }
        })
        .collect();
    let body = Rect::new(
        area.x + 1,
        area.y + 1,
        area.width.saturating_sub(2),
        area.height - 1,
    );
    let scroll = if focused { app.scroll } else { 0 };
    let marks = (app.s.more_above, app.s.more_below);
    crate::tui::widgets::wrap::draw_scrolled(frame, body, lines, scroll, marks, theme.dim);
}

fn draw_list(frame: &mut Frame, area: Rect, app: &App, state: &CaseState, theme: &Theme) -> Option<Position> {
    let s = app.s;
    let lang = app.lang;
    let buf = frame.buffer_mut();
    let w = usize::from(area.width);
    let x = area.x + 1;
    // Filter and search line.
    let mut kind = match app.list.kind {
        None => s.all_kinds,
        Some(k) => lang.pick(k.zh(), k.en()),
    }
    .to_string();
    if let Some((who, _)) = &app.list.counterpart {
        kind = format!("{kind} · {}", fill(s.only_counterpart, &[who]));
    }
    let head = format!("{} {}: {}  {}: ", s.steps[0], s.filter, kind, s.search);
    let mut cx = put(buf, x, area.y, &head, w.saturating_sub(1), theme.heading);
    let count = format!(" {}/{}", app.list.rows.len(), state.entries.len());
    let search_w = area
        .right()
        .saturating_sub(cx)
        .saturating_sub(str_width(&count) as u16 + 1)
        .max(4);
    let search_area = Rect::new(cx, area.y, search_w.min(area.right().saturating_sub(cx)), 1);
    let style = if app.list.searching {
        theme.field_focus
    } else {
        theme.field
    };
    let cursor = app.list.search.render(search_area, buf, style, None);
    cx = search_area.right();
    put(buf, cx, area.y, &count, w, theme.dim);
    // Column header and rows.
    let wide = area.width >= 70;
    let n_rows = list_rows(app.size.1, app.focus).min(usize::from(area.height.saturating_sub(2)));
    let cols = columns(w);
    let header = [
        "ID",
        s.f_kind,
        s.f_at,
        s.f_counterpart,
        lang.pick("次", "n"),
        s.f_summary,
    ];
    for (i, (cx, cw)) in cols.iter().enumerate() {
        if i == 0 && !wide {
            continue;
        }
        let max = if *cw == 0 {
            w.saturating_sub(*cx + 1)
        } else {
            cw.saturating_sub(1)
        };
        put(buf, x + *cx as u16, area.y + 1, header[i], max, theme.dim);
    }
    if app.list.rows.is_empty() {
        let msg = if state.entries.is_empty() {
            s.evidence_empty
        } else {
            s.evidence_none_match
        };
        put(buf, x, area.y + 2, msg, w.saturating_sub(2), theme.text);
        return if app.list.searching { cursor } else { None };
    }
    let total = app.list.rows.len();
    let tz = app.zone();
    let start = app.list.offset.min(total.saturating_sub(n_rows));
    let end = (start + n_rows).min(total);
    if start > 0 || end < total {
        let marks = scroll_marks((s.list_above, s.list_below), start, total - end);
        let mw = str_width(&marks);
        put(
            buf,
            area.right().saturating_sub(mw as u16 + 1),
            area.y + 1,
            &format!(" {marks}"),
            mw + 1,
            theme.dim,
        );
    }
    for (r, idx) in app.list.rows[start..end].iter().enumerate() {
        let Some(e) = state.entries.get(*idx as usize) else {
            continue;
        };
        let y = area.y + 2 + r as u16;
        let selected = start + r == app.list.selected;
        let base = if selected {
            theme.selected
        } else if e.retracted.is_some() {
            theme.dim
        } else {
            theme.text
        };
        if selected {
            buf.set_style(Rect::new(area.x, y, area.width, 1), base);
        }
        let time = short(&e.current.occurred_at, &tz);
        let time = if wide {
            time
        } else {
            time.get(5..).unwrap_or_default().to_string()
        };
        let n = state.same_counterpart_count(e);
        let count = if e.current.counterpart.is_empty() {
            String::new()
        } else {
            fill(s.times, &[&n])
        };
        let mut summary = String::new();
        if e.retracted.is_some() {
            summary.push_str(s.retracted_mark);
        } else if e.is_corrected() {
            summary.push_str(s.corrected_mark);
        }
        // Only the rows on screen are classified; a number that warrants care is tagged.
        if let Some(label) = classify(&e.current.counterpart).filter(|l| l.caution) {
            summary.push_str(&format!("[{}]", label.tag(lang)));
        }
        summary.push_str(&summary_shown(&e.current, lang).replace('\n', " "));
        let cells = [
            e.id.to_string(),
            kind_label(e, lang).to_string(),
            time,
            e.current.counterpart.clone(),
            count,
            summary,
        ];
        for (i, (cx, cw)) in cols.iter().enumerate() {
            if i == 0 && !wide {
                continue;
            }
            let max = if *cw == 0 {
                w.saturating_sub(*cx + 1)
            } else {
                cw.saturating_sub(1)
            };
            put(buf, x + *cx as u16, y, &cells[i], max, base);
        }
    }
    if app.list.searching { cursor } else { None }
}
