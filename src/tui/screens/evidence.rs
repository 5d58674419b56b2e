//! Step 1: the evidence list, newest first, with a kind filter, a search box and a filter to
//! one counterpart; each number says what kind it is. Only the rows on screen are built, so
//! a case with 100,000 entries scrolls as fast as one with ten.

use ratatui::Frame;
use ratatui::layout::{Position, Rect};

use crate::case::{CaseState, Entry};
use crate::display::summary_shown;
use crate::evidence::number::classify;
use crate::i18n::Lang;
use crate::localtime::short;
use ratatui::text::Line;

use crate::tui::guide_text::guidance;
use crate::tui::model::{App, Pane, guide_rows, list_rows};
use crate::tui::strings::fill;
use crate::tui::theme::Theme;
use crate::tui::widgets::text_field::{put, str_width};
use crate::tui::widgets::wrap::scroll_marks;

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
    let lines: Vec<Line> = guidance(1, app.lang, &(app.clock)(), state)
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
