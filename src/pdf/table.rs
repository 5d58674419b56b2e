//! Tables that flow over pages: cells wrap inside their column, a row that does not fit
//! moves to the next page (or is split there if it is taller than a page), and the header
//! row is drawn again at the top of every page the table reaches.

use super::font::Metrics;
use super::layout::{fit_size, wrap};
use super::page::Canvas;

/// One column: its heading and width in points.
#[derive(Debug, Clone)]
pub struct Column {
    /// The heading text.
    pub title: String,
    /// Width in points.
    pub width: f32,
}

/// One row of a table.
#[derive(Debug, Clone)]
pub enum Row {
    /// Ordinary cells, one text per column (`\n` for explicit line breaks).
    Cells(Vec<String>),
    /// A line spanning all columns, e.g. an attachment's name and full SHA-256. Each line
    /// is set on one line, shrunk down to `min_size` if needed so it is never broken.
    Span(Vec<String>),
}

/// Table style: sizes in points.
#[derive(Debug, Clone, Copy)]
pub struct Style {
    /// Body text size.
    pub size: f32,
    /// Line height as a multiple of the size.
    pub leading: f32,
    /// Padding inside each cell.
    pub pad: f32,
    /// Smallest size a span line may shrink to.
    pub min_span_size: f32,
    /// Appended to the first cell's first line where a row continues on a new page, e.g.
    /// "（续）" so the page reads "E1（续）".
    pub continued: &'static str,
}

impl Default for Style {
    fn default() -> Self {
        Self {
            size: 9.0,
            leading: 1.35,
            pad: 2.5,
            min_span_size: 5.5,
            continued: "",
        }
    }
}

/// A table ready to draw.
#[derive(Debug, Clone)]
pub struct Table {
    /// The columns, left to right; their widths should add up to the text column width.
    pub columns: Vec<Column>,
    /// The body rows.
    pub rows: Vec<Row>,
    /// Sizes.
    pub style: Style,
}

/// A row broken into lines: per cell for `Cells`, one (text, size) per line for `Span`.
enum Laid {
    Cells(Vec<Vec<String>>),
    Span(Vec<(String, f32)>),
}

impl Laid {
    fn line_count(&self) -> usize {
        match self {
            Laid::Cells(cells) => cells.iter().map(Vec::len).max().unwrap_or(1).max(1),
            Laid::Span(lines) => lines.len().max(1),
        }
    }
}

impl Table {
    fn lay_out(&self, row: &Row, m: &Metrics<'_>) -> Laid {
        let pad = self.style.pad;
        match row {
            Row::Cells(cells) => Laid::Cells(
                self.columns
                    .iter()
                    .enumerate()
                    .map(|(i, col)| {
                        let text = cells.get(i).map(String::as_str).unwrap_or("");
                        wrap(text, col.width - 2.0 * pad, self.style.size, m)
                    })
                    .collect(),
            ),
            Row::Span(lines) => {
                let width: f32 = self.columns.iter().map(|c| c.width).sum::<f32>() - 2.0 * pad;
                let mut out = Vec::new();
                for line in lines {
                    let size = fit_size(line, width, self.style.size, self.style.min_span_size, m);
                    if m.width(line, size) <= width {
                        out.push((line.clone(), size));
                    } else {
                        out.extend(wrap(line, width, size, m).into_iter().map(|l| (l, size)));
                    }
                }
                Laid::Span(out)
            }
        }
    }

    fn line_height(&self) -> f32 {
        self.style.size * self.style.leading
    }

    fn header_height(&self, m: &Metrics<'_>) -> f32 {
        let lines = self.header_lines(m).iter().map(Vec::len).max().unwrap_or(1);
        lines as f32 * self.line_height() + 2.0 * self.style.pad
    }

    fn header_lines(&self, m: &Metrics<'_>) -> Vec<Vec<String>> {
        self.columns
            .iter()
            .map(|c| wrap(&c.title, c.width - 2.0 * self.style.pad, self.style.size, m))
            .collect()
    }

    fn draw_header(&self, canvas: &mut Canvas, m: &Metrics<'_>) {
        let h = self.header_height(m);
        let x0 = canvas.geo.left;
        let total: f32 = self.columns.iter().map(|c| c.width).sum();
        canvas.fill(x0, canvas.y - h, total, h, 0.88);
        let lines = self.header_lines(m);
        self.draw_cells(canvas, &lines, 0, usize::MAX, h, m);
        canvas.y -= h;
    }

    /// Draw lines `from..to` of each cell in a band of height `h` at the cursor, with
    /// column separators and a bottom rule.
    fn draw_cells(
        &self,
        canvas: &mut Canvas,
        cells: &[Vec<String>],
        from: usize,
        to: usize,
        h: f32,
        _m: &Metrics<'_>,
    ) {
        let lh = self.line_height();
        let pad = self.style.pad;
        let top = canvas.y;
        let mut x = canvas.geo.left;
        for (i, col) in self.columns.iter().enumerate() {
            if i == 0 && from > 0 && !self.style.continued.is_empty() {
                // A continued row names what it continues instead of its later lines.
                let first = cells
                    .first()
                    .and_then(|c| c.first())
                    .map(String::as_str)
                    .unwrap_or("");
                let label = format!("{first}{}", self.style.continued);
                let baseline = top - pad - self.style.size;
                canvas.text_at(x + pad, baseline, self.style.size, &label, 0.0);
                x += col.width;
                continue;
            }
            if let Some(lines) = cells.get(i) {
                let end = to.min(lines.len());
                for (k, line) in lines.iter().enumerate().take(end).skip(from) {
                    let baseline = top - pad - (k - from) as f32 * lh - self.style.size;
                    canvas.text_at(x + pad, baseline, self.style.size, line, 0.0);
                }
            }
            x += col.width;
        }
        self.draw_grid(canvas, top, h);
    }

    fn draw_grid(&self, canvas: &mut Canvas, top: f32, h: f32) {
        let left = canvas.geo.left;
        let total: f32 = self.columns.iter().map(|c| c.width).sum();
        let mut x = left;
        canvas.rule((left, top), (left, top - h), 0.4, 0.4);
        for col in &self.columns {
            x += col.width;
            canvas.rule((x, top), (x, top - h), 0.4, 0.4);
        }
        canvas.rule((left, top), (left + total, top), 0.4, 0.4);
        canvas.rule((left, top - h), (left + total, top - h), 0.4, 0.4);
    }

    fn draw_span(&self, canvas: &mut Canvas, lines: &[(String, f32)], from: usize, to: usize, h: f32) {
        let lh = self.line_height();
        let pad = self.style.pad;
        let top = canvas.y;
        let left = canvas.geo.left;
        let total: f32 = self.columns.iter().map(|c| c.width).sum();
        for (k, (line, size)) in lines.iter().enumerate().take(to.min(lines.len())).skip(from) {
            let baseline = top - pad - (k - from) as f32 * lh - self.style.size;
            canvas.text_at(left + pad, baseline, *size, line, 0.0);
        }
        canvas.rule((left, top), (left, top - h), 0.4, 0.4);
        canvas.rule((left + total, top), (left + total, top - h), 0.4, 0.4);
        canvas.rule((left, top - h), (left + total, top - h), 0.4, 0.4);
    }

    /// Draw the table at the cursor, starting new pages as needed; the header row is drawn
    /// at the top of the table and again on every following page. Returns the number of
    /// times the header was drawn.
    pub fn draw(&self, canvas: &mut Canvas, m: &Metrics<'_>) -> usize {
        let lh = self.line_height();
        let pad = self.style.pad;
        let header_h = self.header_height(m);
        let mut headers = 0;
        // The header and at least one body line must fit together.
        canvas.ensure(header_h + lh + 2.0 * pad);
        self.draw_header(canvas, m);
        headers += 1;
        let fresh_lines = ((canvas.geo.content_height() - header_h - 2.0 * pad) / lh)
            .floor()
            .max(1.0) as usize;
        for (r, row) in self.rows.iter().enumerate() {
            let laid = self.lay_out(row, m);
            let n = laid.line_count();
            if matches!(row, Row::Cells(_)) {
                // An entry and the span rows after it (its attachments) stay together when
                // they fit on one page.
                let group: usize = self.rows[r + 1..]
                    .iter()
                    .take_while(|x| matches!(x, Row::Span(_)))
                    .map(|x| self.lay_out(x, m).line_count())
                    .sum::<usize>();
                let spans = self.rows[r + 1..]
                    .iter()
                    .take_while(|x| matches!(x, Row::Span(_)))
                    .count();
                let need = (n + group) as f32 * lh + 2.0 * pad * (1 + spans) as f32;
                if group > 0 && need > canvas.space_left() && n + group <= fresh_lines {
                    canvas.new_page();
                    self.draw_header(canvas, m);
                    headers += 1;
                }
            }
            let mut done = 0;
            while done < n {
                let room = canvas.space_left() - 2.0 * pad;
                let fit = ((room + 0.01) / lh).floor().max(0.0) as usize;
                let rest = n - done;
                // Keep a row whole when it fits on a fresh page; split only rows taller
                // than a page.
                let fresh_fit = ((canvas.geo.content_height() - header_h - 2.0 * pad) / lh)
                    .floor()
                    .max(1.0) as usize;
                let take = if fit >= rest {
                    rest
                } else if rest > fresh_fit && fit >= 1 {
                    fit
                } else {
                    0
                };
                if take == 0 {
                    canvas.new_page();
                    self.draw_header(canvas, m);
                    headers += 1;
                    continue;
                }
                let h = take as f32 * lh + 2.0 * pad;
                match &laid {
                    Laid::Cells(cells) => self.draw_cells(canvas, cells, done, done + take, h, m),
                    Laid::Span(lines) => self.draw_span(canvas, lines, done, done + take, h),
                }
                canvas.y -= h;
                done += take;
            }
        }
        headers
    }
}
