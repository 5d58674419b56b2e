//! A text field that knows CJK and emoji widths, puts the real terminal cursor where the next
//! character goes (so an IME opens its candidate window there), takes pastes, and caps what it
//! holds so a 1 MB paste cannot freeze the screen.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::style::Style;
use unicode_width::UnicodeWidthChar;

use crate::text::{clean_text, shown_line};

/// What an edit did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Edit {
    /// The key was not for the field.
    Ignored,
    /// The text or cursor changed.
    Changed,
    /// Text was cut off at the field's cap.
    Capped,
}

/// An editable text, one line or several.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TextField {
    text: String,
    /// Cursor as a byte index into `text`, always on a char boundary.
    cursor: usize,
    multiline: bool,
    cap: usize,
}

/// Display width of a char (0 for control and combining marks).
pub fn char_width(c: char) -> usize {
    c.width().unwrap_or(0)
}

/// Display width of a string.
pub fn str_width(s: &str) -> usize {
    s.chars().map(char_width).sum()
}

impl TextField {
    /// An empty field holding at most `cap` characters.
    pub fn new(multiline: bool, cap: usize) -> TextField {
        TextField {
            text: String::new(),
            cursor: 0,
            multiline,
            cap,
        }
    }

    /// A field with a starting value, cursor at the end.
    pub fn with_text(multiline: bool, cap: usize, text: &str) -> TextField {
        let mut f = TextField::new(multiline, cap);
        let _ = f.insert(text);
        f
    }

    /// The text.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The most characters the field holds.
    pub fn cap(&self) -> usize {
        self.cap
    }

    /// Whether Enter makes a new line.
    pub fn is_multiline(&self) -> bool {
        self.multiline
    }

    /// Inserts text at the cursor, cleaned of control codes, escape sequences and bidi
    /// overrides (by the case's own sanitiser), line breaks made spaces in a one-line field,
    /// and cut at the cap.
    pub fn insert(&mut self, raw: &str) -> Edit {
        if raw.is_empty() {
            return Edit::Ignored;
        }
        // The case sanitiser trims; keep the blank space around the text (a typed space,
        // an Enter) ourselves, normalised the same way.
        let blank = |c: char| matches!(c, ' ' | '\t' | '\n' | '\r');
        let core_start = raw.find(|c: char| !blank(c)).unwrap_or(raw.len());
        let core_end = raw.rfind(|c: char| !blank(c)).map_or(core_start, |i| {
            i + raw[i..].chars().next().map_or(0, char::len_utf8)
        });
        let space = |s: &str| {
            let s = s.replace("\r\n", "\n").replace(['\r'], "\n").replace('\t', " ");
            if self.multiline { s } else { s.replace('\n', " ") }
        };
        let core = clean_text(&raw[core_start..core_end.max(core_start)], usize::MAX).unwrap_or_default();
        let core = if self.multiline {
            core
        } else {
            core.replace('\n', " ")
        };
        let cleaned = format!(
            "{}{core}{}",
            space(&raw[..core_start]),
            space(&raw[core_end.max(core_start)..])
        );
        if cleaned.is_empty() {
            return Edit::Ignored;
        }
        let have = self.text.chars().count();
        let room = self.cap.saturating_sub(have);
        let n = cleaned.chars().count();
        let (piece, capped) = if n > room {
            let end = cleaned.char_indices().nth(room).map_or(cleaned.len(), |(i, _)| i);
            (&cleaned[..end], true)
        } else {
            (cleaned.as_str(), false)
        };
        self.text.insert_str(self.cursor, piece);
        self.cursor += piece.len();
        if capped { Edit::Capped } else { Edit::Changed }
    }

    fn prev_boundary(&self) -> Option<usize> {
        self.text[..self.cursor]
            .char_indices()
            .next_back()
            .map(|(i, _)| i)
    }

    fn next_boundary(&self) -> Option<usize> {
        self.text[self.cursor..]
            .chars()
            .next()
            .map(|c| self.cursor + c.len_utf8())
    }

    fn line_start(&self) -> usize {
        self.text[..self.cursor].rfind('\n').map_or(0, |i| i + 1)
    }

    fn line_end(&self) -> usize {
        self.text[self.cursor..]
            .find('\n')
            .map_or(self.text.len(), |i| self.cursor + i)
    }

    /// Moves to the same column on the line above (`up`) or below; false at the edge.
    fn vertical(&mut self, up: bool) -> bool {
        let start = self.line_start();
        let col = str_width(&self.text[start..self.cursor]);
        let target_start = if up {
            if start == 0 {
                return false;
            }
            self.text[..start - 1].rfind('\n').map_or(0, |i| i + 1)
        } else {
            let end = self.line_end();
            if end >= self.text.len() {
                return false;
            }
            end + 1
        };
        let mut pos = target_start;
        let mut w = 0;
        for (i, c) in self.text[target_start..].char_indices() {
            if c == '\n' || w + char_width(c) > col {
                pos = target_start + i;
                break;
            }
            w += char_width(c);
            pos = target_start + i + c.len_utf8();
        }
        self.cursor = pos;
        true
    }

    /// Handles an editing key. Enter adds a line only in a multi-line field.
    pub fn key(&mut self, key: &KeyEvent) -> Edit {
        let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
        match key.code {
            KeyCode::Char(c) if !ctrl && !key.modifiers.contains(KeyModifiers::ALT) => {
                let mut b = [0u8; 4];
                self.insert(c.encode_utf8(&mut b))
            }
            KeyCode::Char('a') if ctrl => {
                self.cursor = self.line_start();
                Edit::Changed
            }
            KeyCode::Char('e') if ctrl => {
                self.cursor = self.line_end();
                Edit::Changed
            }
            KeyCode::Char('u') if ctrl => {
                let start = self.line_start();
                self.text.replace_range(start..self.cursor, "");
                self.cursor = start;
                Edit::Changed
            }
            KeyCode::Enter if self.multiline => self.insert("\n"),
            KeyCode::Backspace => match self.prev_boundary() {
                Some(p) => {
                    self.text.replace_range(p..self.cursor, "");
                    self.cursor = p;
                    Edit::Changed
                }
                None => Edit::Changed,
            },
            KeyCode::Delete => {
                if let Some(n) = self.next_boundary() {
                    self.text.replace_range(self.cursor..n, "");
                }
                Edit::Changed
            }
            KeyCode::Left => {
                if let Some(p) = self.prev_boundary() {
                    self.cursor = p;
                }
                Edit::Changed
            }
            KeyCode::Right => {
                if let Some(n) = self.next_boundary() {
                    self.cursor = n;
                }
                Edit::Changed
            }
            KeyCode::Home => {
                self.cursor = self.line_start();
                Edit::Changed
            }
            KeyCode::End => {
                self.cursor = self.line_end();
                Edit::Changed
            }
            KeyCode::Up if self.multiline => {
                if self.vertical(true) {
                    Edit::Changed
                } else {
                    Edit::Ignored
                }
            }
            KeyCode::Down if self.multiline => {
                if self.vertical(false) {
                    Edit::Changed
                } else {
                    Edit::Ignored
                }
            }
            _ => Edit::Ignored,
        }
    }

    /// Draws the field into `area` (one row for a one-line field) and returns where the
    /// terminal cursor belongs when the field has focus. Long lines scroll sideways to keep
    /// the cursor in view; a multi-line field scrolls down to the cursor's line.
    pub fn render(
        &self,
        area: Rect,
        buf: &mut Buffer,
        style: Style,
        placeholder: Option<(&str, Style)>,
    ) -> Option<Position> {
        let area = area.intersection(*buf.area());
        if area.width == 0 || area.height == 0 {
            return None;
        }
        buf.set_style(area, style);
        if self.multiline {
            return self.render_wrapped(area, buf, style, placeholder);
        }
        let width = usize::from(area.width);
        let before = &self.text[..self.cursor];
        let cur_line = before.matches('\n').count();
        let line_start = self.line_start();
        let cur_col = str_width(&self.text[line_start..self.cursor]);
        let rows = usize::from(area.height);
        let first_line = (cur_line + 1).saturating_sub(rows);
        if self.text.is_empty()
            && let Some((p, pstyle)) = placeholder
        {
            put(buf, area.x, area.y, p, width, pstyle);
        }
        let mut cursor = None;
        for (i, line) in self.text.split('\n').enumerate().skip(first_line).take(rows) {
            let y = area.y + (i - first_line) as u16;
            // Keep one column free after the cursor.
            let skip = if i == cur_line {
                (cur_col + 1).saturating_sub(width)
            } else {
                0
            };
            let mut skipped = 0;
            let mut start = 0;
            if skip > 0 {
                start = line.len();
                for (bi, c) in line.char_indices() {
                    if skipped >= skip {
                        start = bi;
                        break;
                    }
                    skipped += char_width(c);
                }
            }
            put(buf, area.x, y, &line[start..], width, style);
            if i == cur_line {
                let x = cur_col.saturating_sub(skipped).min(width.saturating_sub(1));
                cursor = Some(Position::new(area.x + x as u16, y));
            }
        }
        if self.text.is_empty() {
            cursor = Some(Position::new(area.x, area.y));
        }
        cursor
    }
}

impl TextField {
    /// Visual rows of the text wrapped at `width` columns: byte ranges, and whether the row
    /// ends its line (so a cursor at its end belongs to it).
    fn wrapped_rows(&self, width: usize) -> Vec<(usize, usize, bool)> {
        let mut rows = Vec::new();
        let mut line_start = 0;
        for line in self.text.split('\n') {
            let mut start = line_start;
            let mut w = 0;
            for (bi, c) in line.char_indices() {
                let cw = char_width(c);
                if w + cw > width && w > 0 {
                    rows.push((start, line_start + bi, false));
                    start = line_start + bi;
                    w = 0;
                }
                w += cw;
            }
            rows.push((start, line_start + line.len(), true));
            line_start += line.len() + 1;
        }
        rows
    }

    /// A multi-line field: long lines wrap at the field's width (CJK-aware) instead of
    /// scrolling sideways, and the field scrolls down to the cursor's row.
    fn render_wrapped(
        &self,
        area: Rect,
        buf: &mut Buffer,
        style: Style,
        placeholder: Option<(&str, Style)>,
    ) -> Option<Position> {
        let width = usize::from(area.width);
        let height = usize::from(area.height);
        if self.text.is_empty() {
            if let Some((p, pstyle)) = placeholder {
                put(buf, area.x, area.y, p, width, pstyle);
            }
            return Some(Position::new(area.x, area.y));
        }
        let rows = self.wrapped_rows(width);
        let (mut cur_row, mut cur_col) = (0, 0);
        for (i, (start, end, last)) in rows.iter().enumerate() {
            if (*start <= self.cursor && self.cursor < *end) || (self.cursor == *end && *last) {
                cur_row = i;
                cur_col = str_width(&self.text[*start..self.cursor]);
                break;
            }
        }
        if cur_col >= width {
            // The row is full: the cursor waits at the start of the next one.
            cur_row += 1;
            cur_col = 0;
        }
        let first = (cur_row + 1).saturating_sub(height);
        for (i, (start, end, _)) in rows.iter().enumerate().skip(first).take(height) {
            let y = area.y + (i - first) as u16;
            put(buf, area.x, y, &self.text[*start..*end], width, style);
        }
        let y = cur_row.checked_sub(first).filter(|r| *r < height)?;
        Some(Position::new(area.x + cur_col as u16, area.y + y as u16))
    }
}

/// Writes `s` at (x, y) within at most `max` columns, clipped to the buffer; never panics.
/// What is written is cleaned for showing first ([`shown_line`]).
pub fn put(buf: &mut Buffer, x: u16, y: u16, s: &str, max: usize, style: Style) -> u16 {
    let a = *buf.area();
    if y < a.y || y >= a.bottom() || x < a.x || x >= a.right() {
        return x;
    }
    let shown = shown_line(s);
    let max = max.min(usize::from(a.right() - x));
    if max == 0 {
        return x;
    }
    if str_width(&shown) <= max {
        return buf.set_stringn(x, y, &shown, max, style).0;
    }
    // Cut text ends in "…", so a shortened number or date never looks like the whole of it.
    let end = buf.set_stringn(x, y, &shown, max - 1, style).0;
    buf.set_stringn(end, y, "…", 1, style).0
}

#[cfg(test)]
mod tests {
    use super::*;
    use crossterm::event::KeyEvent;

    fn k(code: KeyCode) -> KeyEvent {
        KeyEvent::new(code, KeyModifiers::NONE)
    }

    #[test]
    fn cursor_counts_wide_characters_as_two_columns() {
        let f = TextField::with_text(false, 100, "自称银行😀a");
        let mut buf = Buffer::empty(Rect::new(0, 0, 20, 1));
        let pos = f.render(Rect::new(2, 0, 18, 1), &mut buf, Style::default(), None);
        assert_eq!(pos, Some(Position::new(2 + 8 + 2 + 1, 0)));
    }

    #[test]
    fn pastes_are_cleaned_and_capped() {
        let mut f = TextField::new(false, 5);
        assert_eq!(f.insert("a\u{1b}[31mb\u{202e}c\nd"), Edit::Changed);
        assert_eq!(f.text(), "abc d");
        assert_eq!(f.insert("xyz"), Edit::Capped);
        assert_eq!(f.text(), "abc d");
    }

    #[test]
    fn editing_moves_by_characters_not_bytes() {
        let mut f = TextField::with_text(true, 100, "䶮𠮷\n龘");
        f.key(&k(KeyCode::Up));
        f.key(&k(KeyCode::Backspace));
        assert_eq!(f.text(), "𠮷\n龘");
        f.key(&k(KeyCode::Enter));
        assert_eq!(f.text(), "\n𠮷\n龘");
        let mut one = TextField::with_text(false, 100, "ab");
        assert_eq!(one.key(&k(KeyCode::Enter)), Edit::Ignored);
        one.key(&k(KeyCode::Char(' ')));
        assert_eq!(one.text(), "ab ");
    }

    #[test]
    fn multi_line_fields_wrap_long_lines_and_follow_the_cursor() {
        let f = TextField::with_text(true, 1000, &"一二三四五".repeat(4));
        let mut buf = Buffer::empty(Rect::new(0, 0, 10, 3));
        let pos = f.render(Rect::new(0, 0, 10, 3), &mut buf, Style::default(), None);
        // 20 wide characters in 10 columns: 4 rows of 5, the last two in view, and the
        // cursor after the last character waits at the start of a fifth row (out of a
        // 3-row field it scrolls: rows 3, 4 and the cursor row).
        assert_eq!(pos, Some(Position::new(0, 2)));
        let row0: String = (0..10).map(|x| buf[(x, 0)].symbol().to_string()).collect();
        assert!(row0.starts_with("一"), "{row0:?}");
        let short = TextField::with_text(true, 1000, "一二\n三");
        let mut buf = Buffer::empty(Rect::new(0, 0, 10, 3));
        let pos = short.render(Rect::new(0, 0, 10, 3), &mut buf, Style::default(), None);
        assert_eq!(pos, Some(Position::new(2, 1)));
    }

    #[test]
    fn long_lines_scroll_to_keep_the_cursor_visible() {
        let f = TextField::with_text(false, 100, "一二三四五六七八九十");
        let mut buf = Buffer::empty(Rect::new(0, 0, 10, 1));
        let pos = f.render(Rect::new(0, 0, 10, 1), &mut buf, Style::default(), None);
        let p = pos.expect("cursor");
        assert!(p.x < 10, "{p:?}");
    }
}
