//! Page furniture shared by every printed document: the page number and the case fingerprint
//! at the foot of each page, and a mark at the top (a translation, a redacted copy) — one
//! look for the packet and the letters.

use super::font::Metrics;
use super::page::Canvas;
use crate::guide::letter::FooterText;
use crate::template::fill;

/// Draws the footer (page i of n, the short fingerprint, worded by `text`) and the top mark
/// on a page.
pub fn footer(
    text: &FooterText,
    fingerprint_short: &str,
    mark: String,
    m: &Metrics<'_>,
) -> impl FnMut(usize, usize, &mut Canvas) + use<> {
    let fp_text = fill(&text.fingerprint, &[("fingerprint", &fingerprint_short)]);
    let fp_text_w = m.width(&fp_text, 7.0);
    let mark_w = m.width(&mark, 8.0);
    let page_text = text.page.clone();
    move |i: usize, total: usize, canvas: &mut Canvas| {
        let geo = canvas.geo;
        let y = geo.bottom * 0.5;
        let page = fill(&page_text, &[("page", &(i + 1)), ("total", &total)]);
        canvas.rule((geo.left, y + 11.0), (geo.width - geo.right, y + 11.0), 0.3, 0.6);
        canvas.text_at(geo.left, y, 8.0, &page, 0.0);
        canvas.text_at(geo.width - geo.right - fp_text_w, y, 7.0, &fp_text, 0.35);
        if !mark.is_empty() {
            let x = geo.left + (geo.content_width() - mark_w).max(0.0) / 2.0;
            canvas.text_at(x, geo.height - geo.top * 0.55, 8.0, &mark, 0.0);
        }
    }
}

/// The characters drawn on `canvas` that the font cannot draw (they print as empty boxes):
/// warn the user.
pub fn uncovered(canvas: &Canvas, m: &Metrics<'_>) -> Vec<char> {
    canvas
        .used_chars()
        .iter()
        .copied()
        .filter(|c| !m.covers(*c))
        .collect()
}

/// A date as the PDF's `/CreationDate` writes it (midnight, China time).
pub fn pdf_date(d: jiff::civil::Date) -> String {
    format!("D:{:04}{:02}{:02}000000+08'00'", d.year(), d.month(), d.day())
}
