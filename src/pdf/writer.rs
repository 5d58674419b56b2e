//! Running text on the page: paragraphs, hanging labels, headings and centred lines, kept
//! together so that no page holds only a line or two of a paragraph (at least
//! [`KEEP_LINES`] lines stay together at a page break) and a heading moves with its first
//! lines.

use super::font::Metrics;
use super::layout::wrap;
use super::page::Canvas;

/// Text sizes and leading, in points.
pub const BODY: f32 = 11.0;
/// Line height as a multiple of the size.
pub const LEAD: f32 = 1.6;
/// Section headings.
pub const HEADING: f32 = 12.5;
/// Notes and hashes.
pub const SMALL: f32 = 8.0;
/// Lines of a paragraph kept together at a page break, at its start and at its end.
pub const KEEP_LINES: usize = 3;

/// A canvas with the font's metrics: what every part of the packet draws with.
pub struct Writer<'a> {
    /// The pages.
    pub canvas: Canvas,
    /// The font's advances.
    pub m: Metrics<'a>,
}

/// One line laid out: its x offset from the left margin, the label drawn before it (if
/// any) and its text.
struct Laid {
    x: f32,
    label: Option<String>,
    text: String,
}

impl<'a> Writer<'a> {
    /// A writer on `canvas`.
    pub fn new(canvas: Canvas, m: Metrics<'a>) -> Writer<'a> {
        Writer { canvas, m }
    }

    /// How many lines of height `lh` fit on the current page.
    fn fit(&self, lh: f32) -> usize {
        ((self.canvas.space_left() + 0.01) / lh).floor().max(0.0) as usize
    }

    /// How many lines of height `lh` fit on an empty page.
    fn fresh_fit(&self, lh: f32) -> usize {
        ((self.canvas.geo.content_height() + 0.01) / lh).floor().max(1.0) as usize
    }

    /// Draws laid-out lines, breaking pages so that at least [`KEEP_LINES`] lines (or the
    /// whole paragraph, when shorter) stay together on each side of a break.
    fn flow(&mut self, lines: Vec<Laid>, size: f32, grey: f32) {
        let lh = size * LEAD;
        let keep = KEEP_LINES;
        let mut i = 0;
        let n = lines.len();
        while i < n {
            let rest = n - i;
            let fit = self.fit(lh);
            let take = if fit >= rest {
                rest
            } else if fit < keep.min(rest) || rest <= keep {
                0
            } else if rest - fit < keep {
                // Leave at least `keep` lines for the next page.
                (rest - keep).min(fit)
            } else {
                fit
            };
            if take == 0 {
                if self.canvas.at_page_top() {
                    // Taller than a page: draw what fits.
                    let take = self.fresh_fit(lh).min(rest);
                    self.draw_lines(&lines[i..i + take], size, grey);
                    i += take;
                } else {
                    self.canvas.new_page();
                }
                continue;
            }
            self.draw_lines(&lines[i..i + take], size, grey);
            i += take;
            if i < n {
                self.canvas.new_page();
            }
        }
    }

    fn draw_lines(&mut self, lines: &[Laid], size: f32, grey: f32) {
        let lh = size * LEAD;
        for l in lines {
            let baseline = self.canvas.y - size;
            let x = self.canvas.geo.left;
            if let Some(label) = &l.label {
                self.canvas.text_at(x, baseline, size, label, grey);
            }
            self.canvas.text_at(x + l.x, baseline, size, &l.text, grey);
            self.canvas.y -= lh;
        }
    }

    /// The lines `text` breaks into, with `indent` em of first-line indent (首行缩进).
    fn para_lines(&self, text: &str, size: f32, indent: usize) -> Vec<Laid> {
        let width = self.canvas.geo.content_width();
        let mut out = Vec::new();
        for raw in text.split('\n') {
            // Indent the first line by prefixing full-width spaces, which the line breaker
            // measures like any character.
            let body = format!("{}{raw}", "\u{3000}".repeat(indent));
            out.extend(wrap(&body, width, size, &self.m).into_iter().map(|text| Laid {
                x: 0.0,
                label: None,
                text,
            }));
        }
        out
    }

    /// Height of `text` set as a paragraph.
    pub fn para_height(&self, text: &str, size: f32, indent: usize) -> f32 {
        self.para_lines(text, size, indent).len() as f32 * size * LEAD
    }

    /// A paragraph, wrapped to the text column; `indent` em of first-line indent.
    pub fn para(&mut self, text: &str, size: f32, indent: usize, grey: f32) {
        let lines = self.para_lines(text, size, indent);
        self.flow(lines, size, grey);
    }

    /// A paragraph with a hanging label: "label" then text aligned after it.
    pub fn labelled(&mut self, label: &str, text: &str) {
        self.labelled_at(label, text, BODY);
    }

    /// [`Writer::labelled`] in type of `size` points.
    pub fn labelled_at(&mut self, label: &str, text: &str, size: f32) {
        let lines = self.labelled_lines(label, text, size);
        self.flow(lines, size, 0.0);
    }

    /// The height [`Writer::labelled_at`] takes.
    pub fn labelled_height(&self, label: &str, text: &str, size: f32) -> f32 {
        self.labelled_lines(label, text, size).len() as f32 * size * LEAD
    }

    fn labelled_lines(&self, label: &str, text: &str, size: f32) -> Vec<Laid> {
        let label_w = self.m.width(label, size);
        let width = self.canvas.geo.content_width() - label_w;
        wrap(text, width.max(size * 4.0), size, &self.m)
            .into_iter()
            .enumerate()
            .map(|(i, text)| Laid {
                x: label_w,
                label: (i == 0).then(|| label.to_string()),
                text,
            })
            .collect()
    }

    /// A section heading, kept with at least [`KEEP_LINES`] body lines after it.
    pub fn heading(&mut self, text: &str) {
        let size = HEADING;
        self.canvas.ensure(size * 2.2 + BODY * LEAD * KEEP_LINES as f32);
        if !self.canvas.at_page_top() {
            self.canvas.y -= size * 0.6;
        }
        let baseline = self.canvas.y - size;
        let x = self.canvas.geo.left;
        self.canvas.text_at(x, baseline, size, text, 0.0);
        self.canvas.y -= size * 1.6;
    }

    /// A centred line (titles).
    pub fn centered(&mut self, text: &str, size: f32) {
        let w = self.m.width(text, size);
        let geo = self.canvas.geo;
        let x = geo.left + (geo.content_width() - w).max(0.0) / 2.0;
        self.canvas.ensure(size * 1.6 + BODY * LEAD * KEEP_LINES as f32);
        let baseline = self.canvas.y - size;
        self.canvas.text_at(x, baseline, size, text, 0.0);
        self.canvas.y -= size * 1.8;
    }

    /// A right-aligned line (the signature block's date).
    pub fn right(&mut self, text: &str, size: f32) {
        let w = self.m.width(text, size);
        let geo = self.canvas.geo;
        let x = geo.width - geo.right - w - size * 2.0;
        self.canvas.ensure(size * LEAD);
        let baseline = self.canvas.y - size;
        self.canvas.text_at(x.max(geo.left), baseline, size, text, 0.0);
        self.canvas.y -= size * LEAD;
    }

    /// Vertical space, unless at the top of a page.
    pub fn gap(&mut self, pt: f32) {
        if !self.canvas.at_page_top() {
            self.canvas.y -= pt;
        }
    }

    /// A full hash (or fingerprint) on one line of its own, at the largest size up to
    /// `SMALL + 1` that fits the text column.
    pub fn hash_line(&mut self, hash: &str) {
        let width = self.canvas.geo.content_width();
        let size = super::layout::fit_size(hash, width, SMALL + 1.0, 5.0, &self.m);
        let lh = size * LEAD;
        self.canvas.ensure(lh);
        let baseline = self.canvas.y - size;
        let x = self.canvas.geo.left;
        self.canvas.text_at(x, baseline, size, hash, 0.0);
        self.canvas.y -= lh;
    }
}
