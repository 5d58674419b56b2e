//! The contacts chart on the facts page: contacts per day (per week or month for long
//! cases), stacked by kind, drawn as vectors, with each bar's total above it when the bars
//! are few enough to label, and a marker at the first contact that showed the victim's ID
//! number.

use jiff::civil::Date;

use super::bins::{Bin, Chart, bin_start};
use super::model::PacketEntry;
use super::words::kind_label;
use super::writer::{BODY, LEAD, Writer};
use crate::case::{EvidenceKind, Knew};
use crate::i18n::Lang;

/// Bars up to which each bar's total is printed above it.
const LABELLED: usize = 40;

fn grey(kind: EvidenceKind) -> f32 {
    match kind {
        EvidenceKind::Call => 0.1,
        EvidenceKind::Sms => 0.55,
        EvidenceKind::Email => 0.78,
        EvidenceKind::Letter => 0.65,
        EvidenceKind::Web => 0.35,
        EvidenceKind::Account => 0.0,
        EvidenceKind::Other => 0.88,
    }
}

fn bin_label(d: Date, bin: Bin, lang: Lang) -> String {
    match (bin, lang) {
        (Bin::Month, Lang::Zh) => format!("{}年{}月", d.year(), d.month()),
        (Bin::Month, Lang::En) => d.strftime("%b %Y").to_string(),
        (_, Lang::Zh) => format!("{}月{}日", d.month(), d.day()),
        (_, Lang::En) => d.strftime("%-d %b").to_string(),
    }
}

/// Type size of the chart's labels, and the height of its plot area.
const SMALL_TYPE: f32 = 7.0;
const PLOT_H: f32 = 110.0;

/// The height the chart takes on the page, labels and legend included.
pub const HEIGHT: f32 = PLOT_H + SMALL_TYPE * LEAD * 5.0 + 8.0;

/// Draws `chart` at the cursor; `by_time` are the printed live entries in time order (the
/// first that showed the ID number among them is marked).
pub fn draw(w: &mut Writer<'_>, chart: &Chart, by_time: &[&PacketEntry], lang: Lang) {
    let (bin, bars) = (chart.0, &chart.1);
    if bars.is_empty() {
        return;
    }
    let zh = lang == Lang::Zh;
    let small = SMALL_TYPE;
    let plot_h = PLOT_H;
    w.canvas.ensure(HEIGHT);
    let geo = w.canvas.geo;
    let left = geo.left + 4.0;
    let width = geo.content_width() - 8.0;
    let top = w.canvas.y - small * LEAD * 1.5;
    let base = top - plot_h;
    let max = bars
        .iter()
        .map(|(_, k)| k.values().sum::<usize>())
        .max()
        .unwrap_or(1)
        .max(1);
    let slot = width / bars.len() as f32;
    let bar_w = (slot * 0.7).max(0.3);

    // Scale note, then the axis.
    let unit = match (bin, zh) {
        (Bin::Day, true) => "每日联系次数",
        (Bin::Week, true) => "每周联系次数",
        (Bin::Month, true) => "每月联系次数",
        (Bin::Day, false) => "contacts per day",
        (Bin::Week, false) => "contacts per week",
        (Bin::Month, false) => "contacts per month",
    };
    let note = if zh {
        format!("{unit}（最多 {max} 次）")
    } else {
        format!("{unit} (at most {max})")
    };
    w.canvas.text_at(left, top + 2.0, small, &note, 0.3);
    w.canvas.rule((left, base), (left + width, base), 0.5, 0.0);

    // Bars, stacked by kind.
    let scale = (plot_h - small * LEAD * 2.5) / max as f32;
    for (i, (_, kinds)) in bars.iter().enumerate() {
        let x = left + i as f32 * slot + (slot - bar_w) / 2.0;
        let mut y = base;
        for (kind, n) in kinds {
            let h = *n as f32 * scale;
            // A hairline of paper between the kinds keeps neighbouring greys apart.
            w.canvas.fill(x, y, bar_w, (h - 0.6).max(0.3), grey(*kind));
            y += h;
        }
    }
    // Totals above the bars, in bar order.
    if bars.len() <= LABELLED {
        for (i, (_, kinds)) in bars.iter().enumerate() {
            let n: usize = kinds.values().sum();
            if n == 0 {
                continue;
            }
            let label = n.to_string();
            let lw = w.m.width(&label, small);
            let x = left + i as f32 * slot + (slot - lw) / 2.0;
            w.canvas
                .text_at(x, base + n as f32 * scale + 1.5, small, &label, 0.0);
        }
    }
    // The first contact that showed the ID number.
    if let Some(e) = by_time.iter().find(|e| e.knew.contains(&Knew::IdNumber)) {
        let start = bin_start(e.occurred_at.date(), bin);
        if let Some(i) = bars.iter().position(|(d, _)| *d == start) {
            let x = left + i as f32 * slot + slot / 2.0;
            let n: usize = bars[i].1.values().sum();
            let above = base + n as f32 * scale + small + 3.0;
            w.canvas.rule((x, above), (x, top - small - 3.0), 0.6, 0.0);
            let label = if zh {
                format!("首次说出身份证号（{}）", e.id)
            } else {
                format!("first named my ID number ({})", e.id)
            };
            let lw = w.m.width(&label, small);
            let lx = (x - lw / 2.0).clamp(left, left + width - lw);
            w.canvas.text_at(lx, top - 2.0 - small, small, &label, 0.0);
        }
    }
    // Dates under the axis: first, last and a few between.
    let step = (bars.len() / 6).max(1);
    let mut last_x = f32::MIN;
    for (i, (d, _)) in bars.iter().enumerate() {
        if i % step != 0 && i + 1 != bars.len() {
            continue;
        }
        let label = bin_label(*d, bin, lang);
        let lw = w.m.width(&label, small);
        let x = (left + i as f32 * slot + slot / 2.0 - lw / 2.0).clamp(left, left + width - lw);
        if x < last_x + 4.0 {
            continue;
        }
        w.canvas.text_at(x, base - small - 3.0, small, &label, 0.3);
        last_x = x + lw;
    }
    // Legend.
    let mut x = left;
    let y = base - small * LEAD * 2.0 - 4.0;
    let mut kinds: Vec<EvidenceKind> = bars.iter().flat_map(|(_, k)| k.keys().copied()).collect();
    kinds.sort();
    kinds.dedup();
    for k in kinds {
        w.canvas.fill(x, y, small, small, grey(k));
        let label = kind_label(k, lang);
        w.canvas.text_at(x + small + 2.0, y, small, label, 0.0);
        x += small + 2.0 + w.m.width(label, small) + 10.0;
    }
    w.canvas.y = y - small * LEAD - BODY * 0.5;
}
