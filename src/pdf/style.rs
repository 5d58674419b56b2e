//! What the letter's and the annexes' pages share: the tables' style and columns, and the
//! subheadings kept with the lines after them.

use super::table::{Column, Style};
use super::writer::{BODY, KEEP_LINES, LEAD, Writer};
use crate::i18n::Lang;

/// A subheading of 事实与理由, kept with the lines after it.
pub fn sub(w: &mut Writer<'_>, title: &str) {
    w.canvas.ensure(BODY * LEAD * (KEEP_LINES + 1) as f32 + 6.0);
    w.gap(4.0);
    w.para(title, BODY + 0.5, 0, 0.0);
}

/// The style of the letter's and the annexes' tables.
pub fn table_style(lang: Lang) -> Style {
    Style {
        continued: lang.pick("（续）", " (cont.)"),
        ..Style::default()
    }
}

/// Columns from titles and widths in mm, scaled to the text column.
pub fn columns(w: &Writer<'_>, titles: &[String], widths_mm: &[f32]) -> Vec<Column> {
    let cw = w.canvas.geo.content_width();
    let total: f32 = widths_mm.iter().sum();
    titles
        .iter()
        .zip(widths_mm)
        .map(|(t, wmm)| Column {
            title: t.clone(),
            width: cw * wmm / total,
        })
        .collect()
}

/// Widens the first column (the entry ids) so that the longest id, E100000 in a big case,
/// stands on one line, taking the room from the widest other column.
pub fn fit_ids<'a>(w: &Writer<'_>, cols: &mut [Column], ids: impl Iterator<Item = &'a str>) {
    let style = Style::default();
    let need = ids.map(|id| w.m.width(id, style.size)).fold(0.0, f32::max) + 2.0 * style.pad + 1.0;
    let Some((first, rest)) = cols.split_first_mut() else {
        return;
    };
    if first.width >= need {
        return;
    }
    let extra = need - first.width;
    if let Some(widest) = rest.iter_mut().max_by(|a, b| a.width.total_cmp(&b.width))
        && widest.width - extra > need
    {
        widest.width -= extra;
        first.width = need;
    }
}
