//! Drawing: the frame's chrome (title, status line, key bar), the current screen, the form
//! and the overlays. Reads the app and the case state; never changes them, never does I/O.

use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::widgets::{Clear, Paragraph, Wrap};

use crate::case::CaseState;
use crate::tui::keys;
use crate::tui::model::{App, Ask, Screen};
use crate::tui::screens;
use crate::tui::strings::fill;
use crate::tui::theme::Theme;
use crate::tui::widgets::text_field::{put, str_width};

/// The smallest terminal the layout is drawn for.
pub const MIN_SIZE: (u16, u16) = (40, 12);

/// Draws the whole frame.
pub fn draw(frame: &mut Frame, app: &App, state: &CaseState, theme: &Theme) {
    let area = frame.area();
    if area.width < MIN_SIZE.0 || area.height < MIN_SIZE.1 {
        let p = Paragraph::new(app.s.too_small)
            .wrap(Wrap { trim: true })
            .style(theme.heading);
        frame.render_widget(p, area);
        return;
    }
    let w = usize::from(area.width);
    let buf = frame.buffer_mut();
    // Title bar.
    buf.set_style(Rect::new(area.x, area.y, area.width, 1), theme.bar);
    let mut title = format!(" {}  {}: {}", app.s.app_title, app.s.case_label, app.case_name);
    if app.demo {
        title = format!(" {}  {}", app.s.app_title, app.s.demo_banner);
    }
    put(buf, area.x, area.y, &title, w, theme.bar);
    // The one zone every time on screen is shown in, named once at the right when it fits.
    let now = (app.clock)();
    let legend = crate::localtime::legend(app.lang, now.time_zone(), now.timestamp());
    let legend_w = str_width(&legend);
    if str_width(&title) + 2 + legend_w < w {
        let x = area.right().saturating_sub(legend_w as u16 + 1);
        put(buf, x, area.y, &legend, legend_w, theme.bar);
    }
    let body = Rect::new(area.x, area.y + 1, area.width, area.height.saturating_sub(3));
    let mut cursor: Option<Position> = None;
    match app.screen {
        _ if app.loading.is_some() => {
            screens::loading::draw(frame, body, app, app.loading.unwrap_or(0), theme)
        }
        Screen::Dashboard => screens::dashboard::draw(frame, body, app, state, theme),
        Screen::Evidence => cursor = screens::evidence::draw(frame, body, app, state, theme),
        Screen::Detail(id) => screens::detail::draw(frame, body, app, state, id, theme),
        Screen::Step(step) => screens::steps::draw(frame, body, app, state, step, theme),
        Screen::Checklist => screens::checklist::draw(frame, body, app, state, theme),
        Screen::Profile => screens::profile::draw(frame, body, app, state, theme),
        Screen::Text(v) => screens::text::draw(frame, body, app, state, v, theme),
        Screen::Export => screens::export::draw(frame, body, app, state, theme),
        Screen::Letters => screens::letters::draw(frame, body, app, state, theme),
        Screen::Bill => screens::bill::draw(frame, body, app, theme),
    }
    if let Some(form) = &app.form {
        cursor = screens::form::draw(frame, body, app, form, theme);
    }
    // Status line: a question, the form's error or notice, or the last message.
    let status_y = area.y + area.height.saturating_sub(2);
    let (text, style) = match (app.ask, &app.form, &app.status) {
        (Some(Ask::Quit), _, _) => (app.s.confirm_quit.to_string(), theme.error),
        (Some(Ask::Discard), _, _) => (app.s.confirm_discard.to_string(), theme.error),
        (Some(Ask::Lang), _, _) => (app.s.confirm_lang.to_string(), theme.error),
        (None, Some(f), _) if f.error.is_some() => (f.error.clone().unwrap_or_default(), theme.error),
        (None, Some(f), _) if f.notice.is_some() => (f.notice.clone().unwrap_or_default(), theme.text),
        (None, Some(f), _) if f.pending => (app.s.saving.to_string(), theme.dim),
        (None, None, Some((t, err))) => (t.clone(), if *err { theme.error } else { theme.ok }),
        _ => (String::new(), theme.text),
    };
    // A message wider than its row grows upward over the body (at most a third of the
    // screen), so a narrow window never cuts off what went wrong or what to do next.
    let width = w.saturating_sub(2).max(1);
    // It never covers the field being typed in.
    let below_cursor = cursor.map_or(usize::MAX, |p| usize::from(status_y.saturating_sub(p.y)));
    let most = usize::from(area.height / 3).min(below_cursor).max(1);
    let rows =
        crate::linebreak::wrap_at_most(&first_line(&text), width as f32, &crate::linebreak::Columns, most);
    let top = status_y.saturating_sub(rows.len().saturating_sub(1) as u16);
    let buf = frame.buffer_mut();
    for (i, row) in rows.iter().enumerate() {
        let y = top + i as u16;
        if y < status_y {
            buf.set_string(area.x, y, " ".repeat(w), theme.text);
        }
        put(buf, area.x + 1, y, row, w.saturating_sub(1), style);
    }

    draw_keybar(
        frame,
        Rect::new(area.x, area.y + area.height.saturating_sub(1), area.width, 1),
        app,
        theme,
    );
    if app.help {
        draw_help(frame, body, app, theme);
        cursor = None;
    }
    if let Some(p) = cursor
        && app.ask.is_none()
    {
        frame.set_cursor_position(p);
    }
}

fn first_line(s: &str) -> String {
    s.lines().next().unwrap_or("").to_string()
}

/// The key bar: help, back and quit (and a form's save and cancel) are drawn first from the
/// right and never drop off; the other keys fill the room left, and a "…" says some did not fit.
fn draw_keybar(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let buf = frame.buffer_mut();
    let items: Vec<(&str, &str, bool)> = app
        .bindings()
        .iter()
        .flat_map(|l| l.iter())
        .filter(|b| b.in_bar)
        .map(|b| (b.label, (b.desc)(app.s), keys::is_pinned(b.action)))
        .collect();
    let need = |(label, desc, _): &(&str, &str, bool)| str_width(label) + 1 + str_width(desc) + 2;
    let left = usize::from(area.x) + 1;
    let right = usize::from(area.right());
    let pinned_w: usize = items.iter().filter(|i| i.2).map(need).sum();
    let room_end = right.saturating_sub(pinned_w);
    let mut x = left;
    let mut cut = false;
    for item in items.iter().filter(|i| !i.2) {
        if cut || x + need(item) > room_end {
            cut = true;
            continue;
        }
        x = draw_key(buf, x, area.y, item, theme);
    }
    if cut && x + 2 <= room_end {
        x = usize::from(put(buf, x as u16, area.y, "…", 1, theme.dim)) + 2;
    }
    for item in items.iter().filter(|i| i.2) {
        x = draw_key(buf, x, area.y, item, theme);
    }
}

fn draw_key(
    buf: &mut ratatui::buffer::Buffer,
    x: usize,
    y: u16,
    item: &(&str, &str, bool),
    theme: &Theme,
) -> usize {
    let (label, desc, _) = *item;
    let end = put(buf, x as u16, y, label, str_width(label), theme.key);
    usize::from(put(buf, end + 1, y, desc, str_width(desc), theme.text)) + 2
}

/// The help page: how to use the wizard in a few lines, then every key of this screen, then
/// how typing works. It scrolls as one list down to its last line.
fn draw_help(frame: &mut Frame, body: Rect, app: &App, theme: &Theme) {
    let s = app.s;
    // (key column, text, is a heading)
    let inner_w = body.width.saturating_sub(6).min(60);
    // Sentences wrap to the box (they are never cut); key rows are one line each.
    let wrapped = |text: &str| crate::linebreak::wrap(text, f32::from(inner_w), &crate::linebreak::Columns);
    let mut lines: Vec<(String, String, bool)> = Vec::new();
    for l in s.help_howto {
        lines.extend(wrapped(l).into_iter().map(|r| (String::new(), r, false)));
    }
    lines.push((String::new(), s.help_title.to_string(), true));
    for b in app.bindings().iter().flat_map(|l| l.iter()) {
        if b.label.is_empty() {
            continue;
        }
        lines.push((b.label.to_string(), (b.desc)(s).to_string(), false));
    }
    lines.extend(
        wrapped(s.help_typing)
            .into_iter()
            .map(|r| (String::new(), r, false)),
    );
    let inner_h = (lines.len() as u16 + 2).min(body.height.saturating_sub(2));
    let x = body.x + (body.width.saturating_sub(inner_w + 2)) / 2;
    let y = body.y + (body.height.saturating_sub(inner_h + 2)) / 2;
    // One column of padding each side so no half of a wide glyph is left under the edge.
    let outer = Rect::new(x.saturating_sub(1), y, inner_w + 4, inner_h + 2).intersection(body);
    frame.render_widget(Clear, outer);
    let buf = frame.buffer_mut();
    let boxed = Rect::new(x, y, inner_w + 2, inner_h + 2).intersection(body);
    ascii_box(buf, boxed, theme);
    let w = usize::from(inner_w);
    put(
        buf,
        x + 1,
        y,
        &format!(" {} ", s.help_howto_title),
        w,
        theme.heading,
    );
    let key_w = lines.iter().map(|(k, _, _)| str_width(k)).max().unwrap_or(0) + 2;
    let last = y + inner_h;
    // Rows between the top edge and the closing hint.
    let room = usize::from(last.saturating_sub(y + 1));
    let skip = usize::from(app.help_scroll).min(lines.len().saturating_sub(room));
    for (row, (k, d, heading)) in (y + 1..).zip(lines.iter().skip(skip).take(room)) {
        if k.is_empty() {
            put(
                buf,
                x + 1,
                row,
                d,
                w,
                if *heading { theme.heading } else { theme.text },
            );
        } else {
            put(buf, x + 1, row, k, key_w, theme.key);
            put(
                buf,
                x + 1 + key_w as u16,
                row,
                d,
                w.saturating_sub(key_w),
                theme.text,
            );
        }
    }
    let below = lines.len().saturating_sub(skip + room);
    let close = if below > 0 {
        format!("{}  {}", fill(s.more_below, &[&below]), s.help_close)
    } else {
        s.help_close.to_string()
    };
    put(buf, x + 1, last, &close, w, theme.dim);
}

/// Draws a box of ASCII characters (box-drawing glyphs are ambiguous-width in CJK terminals).
pub fn ascii_box(buf: &mut ratatui::buffer::Buffer, r: Rect, theme: &Theme) {
    if r.width < 2 || r.height < 2 {
        return;
    }
    let w = usize::from(r.width);
    let edge = format!("+{}+", "-".repeat(w.saturating_sub(2)));
    put(buf, r.x, r.y, &edge, w, theme.text);
    put(buf, r.x, r.bottom() - 1, &edge, w, theme.text);
    for y in r.y + 1..r.bottom() - 1 {
        put(buf, r.x, y, "|", 1, theme.text);
        put(buf, r.right() - 1, y, "|", 1, theme.text);
    }
}
