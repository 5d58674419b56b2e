//! The picture annex (图片证据): each picture at a legible size with a caption naming the
//! original (SHA-256, size, pixel dimensions) and what the print rendition is; a long
//! screenshot continued over pages at the text width, each part captioned "E7 图1（2/3）".
//! Pictures that cannot be drawn — and every picture of a redacted copy — come back as
//! [`Listed`] for the attachment list, each with the sentence why.

use super::document::Images;
use super::images::{self, Picture, Probe, Rendition, Undrawable};
use super::model::{PacketAttachment, PacketEntry};
use super::page::mm;
use super::words::human_size;
use super::writer::{LEAD, SMALL, Writer};
use crate::guide::letter::LetterText;
use crate::i18n::Lang;
use crate::template::fill;

/// "电子文件 E3-1：截图.png（12.0 KB，image/png）": one attachment, in the evidence list and in
/// the list of attachments not drawn.
pub fn attachment_line(e: &PacketEntry, index: usize, a: &PacketAttachment, lang: Lang) -> String {
    fill(
        &LetterText::get(lang).evidence.attachment,
        &[
            ("id", &e.id),
            ("k", &(index + 1)),
            ("name", &a.name),
            ("size", &human_size(a.size)),
            ("media_type", &a.media_type),
        ],
    )
}

/// An attachment listed by name and hash instead of drawn, with the sentence why.
pub struct Listed<'a> {
    /// Its entry.
    pub entry: &'a PacketEntry,
    /// Its index among the entry's attachments.
    pub index: usize,
    /// The attachment.
    pub attachment: &'a PacketAttachment,
    /// Why it is not drawn (a picture), or nothing (any other file).
    pub note: Option<String>,
    /// Whether it is a picture that could not be decoded (the user is told).
    pub failed: bool,
}

impl<'a> Listed<'a> {
    /// A file that is not a picture: listed, no note.
    pub fn plain(entry: &'a PacketEntry, index: usize, attachment: &'a PacketAttachment) -> Self {
        Listed {
            entry,
            index,
            attachment,
            note: None,
            failed: false,
        }
    }
}

/// The attachment list after the pictures: every file that is not drawn — recordings,
/// emails, documents, and pictures left out — with name, media type, size, the full SHA-256
/// on a line of its own, and the sentence why a picture is not shown.
pub(super) fn list_attachments(w: &mut Writer<'_>, lang: Lang, listed: &[Listed<'_>]) {
    if listed.is_empty() {
        return;
    }
    w.heading(&LetterText::get(lang).pictures.others);
    for l in listed {
        let line = attachment_line(l.entry, l.index, l.attachment, lang);
        w.para(&line, caption_size(), 0, 0.0);
        if let Some(note) = &l.note {
            w.para(note, caption_size(), 0, 0.25);
        }
        w.hash_line(&l.attachment.sha256);
    }
}

/// Overlap between the parts of a long screenshot, so a line cut at a page break is whole
/// on one of the two pages.
const OVERLAP_MM: f32 = 6.0;

/// Room kept above a picture of full height for the annex title, so the first picture
/// does not leave the title alone on its page.
const TITLE_ROOM: f32 = 40.0;

/// Small pictures are enlarged at most this much (points per pixel).
const MAX_ENLARGE: f32 = 3.0;

fn caption_size() -> f32 {
    SMALL + 1.0
}

fn line_h() -> f32 {
    caption_size() * LEAD
}

/// The sentence for a picture that is not drawn.
pub fn undrawable_note(lang: Lang, why: &Undrawable) -> String {
    let text = &LetterText::get(lang).pictures;
    match why {
        Undrawable::Unreadable => text.unreadable.clone(),
        Undrawable::Undecodable => text.undecodable.clone(),
        Undrawable::TooLarge { width, height } => {
            let pixels = if *width > 0 {
                fill(&text.pixels, &[("width", width), ("height", height)])
            } else {
                String::new()
            };
            fill(&text.too_large, &[("pixels", &pixels)])
        }
    }
}

/// The note for a picture left out of a redacted copy.
pub fn redacted_note(lang: Lang) -> String {
    LetterText::get(lang).pictures.redacted.clone()
}

fn rendition_text(lang: Lang, r: Rendition) -> String {
    let text = &LetterText::get(lang).pictures;
    let ppi = images::PRINT_PPI;
    match r {
        Rendition::Original => text.as_original.clone(),
        Rendition::Lossless => text.lossless.clone(),
        Rendition::Scaled { jpeg: true } => fill(&text.scaled_jpeg, &[("ppi", &ppi)]),
        Rendition::Scaled { jpeg: false } => fill(&text.scaled_lossless, &[("ppi", &ppi)]),
        Rendition::Converted => text.converted.clone(),
    }
}

/// "E7 图1" / "E7 fig. 1", with "（2/3）" for a part of a long picture.
fn figure_label(lang: Lang, entry: &str, n: usize, part: Option<(usize, usize)>) -> String {
    let text = &LetterText::get(lang).pictures;
    let figure = fill(&text.figure, &[("id", &entry), ("n", &n)]);
    match part {
        Some((k, of)) => fill(&text.part, &[("figure", &figure), ("k", &k), ("of", &of)]),
        None => figure,
    }
}

/// How big a picture of display size `px` prints: (width, height) in points and whether it is
/// a long picture continued over pages at the text width.
pub fn printed_size(px: (u32, u32), content_w: f32, box_h: f32) -> (f32, f32, bool) {
    let (dw, dh) = (px.0.max(1) as f32, px.1.max(1) as f32);
    let fit = (content_w / dw).min(box_h / dh).min(MAX_ENLARGE);
    let long = dw * fit < content_w * 0.5 && dh > dw * 2.0;
    let s = if long {
        (content_w / dw).min(MAX_ENLARGE)
    } else {
        fit
    };
    (dw * s, dh * s, long)
}

/// Draws the pictures of `pics` (each: entry, attachment index, attachment) one after another
/// and returns those listed instead. With `redact`, none is drawn.
pub(super) fn draw_pictures<'a>(
    w: &mut Writer<'_>,
    images: &mut Images,
    pics: &[(&'a PacketEntry, usize, &'a PacketAttachment)],
    lang: Lang,
    redact: bool,
) -> Vec<Listed<'a>> {
    let mut listed = Vec::new();
    let mut numbers: std::collections::BTreeMap<&str, usize> = std::collections::BTreeMap::new();
    for &(entry, index, attachment) in pics {
        let list = |note: String, failed: bool| Listed {
            entry,
            index,
            attachment,
            note: Some(note),
            failed,
        };
        if redact {
            listed.push(list(redacted_note(lang), false));
            continue;
        }
        let Some(path) = attachment.path.as_deref() else {
            listed.push(list(undrawable_note(lang, &Undrawable::Unreadable), true));
            continue;
        };
        let geo = w.canvas.geo;
        let full_caption_h = line_h() * 4.0 + 8.0;
        let probed = images::probe(path);
        let prepared = probed.and_then(|probe| {
            let (pw, ph, long) = printed_size(
                probe.display_size(),
                geo.content_width(),
                geo.content_height() - full_caption_h - TITLE_ROOM,
            );
            images::prepare(path, probe, pw).map(|p| (p, pw, ph, long))
        });
        match prepared {
            Ok((picture, pw, ph, long)) => {
                let n = numbers.entry(entry.id.as_str()).or_default();
                *n += 1;
                let n = *n;
                let Picture {
                    probe,
                    orientation,
                    rendition,
                    xobject,
                    ..
                } = picture;
                let id = images.add(xobject);
                if long {
                    draw_long(
                        w,
                        &id,
                        orientation,
                        (pw, ph),
                        lang,
                        (&entry.id, &attachment.name),
                        n,
                    );
                } else {
                    w.canvas.ensure(ph + full_caption_h);
                    let x = geo.left + (geo.content_width() - pw) / 2.0;
                    let y = w.canvas.y - ph;
                    let m = images::placement(orientation, x, y, pw, ph);
                    w.canvas.image(&id, m, None);
                    w.canvas.y = y - 4.0;
                }
                caption(w, lang, entry, attachment, (&probe, rendition), n);
                w.gap(8.0);
            }
            Err(why) => listed.push(list(undrawable_note(lang, &why), true)),
        }
    }
    listed
}

/// A long picture at the text width over as many pages as it needs, each part with its label.
fn draw_long(
    w: &mut Writer<'_>,
    id: &printpdf::XObjectId,
    orientation: u8,
    (pw, ph): (f32, f32),
    lang: Lang,
    (entry, name): (&str, &str),
    n: usize,
) {
    let geo = w.canvas.geo;
    // A part's label may take two lines (the file's name on every part but the last).
    let label_h = 2.0 * line_h() + 4.0;
    let avail = geo.content_height() - label_h;
    // The first slice starts where the page is when at least half a page is left (below the
    // annex's heading, which then never stands alone), else on a new page.
    if !w.canvas.at_page_top() && w.canvas.space_left() - label_h < avail / 2.0 {
        w.canvas.new_page();
    }
    let first = if w.canvas.at_page_top() {
        avail
    } else {
        w.canvas.space_left() - label_h
    };
    let overlap = mm(OVERLAP_MM);
    let parts = 1 + ((ph - first).max(0.0) / (avail - overlap)).ceil() as usize;
    let x = geo.left + (geo.content_width() - pw) / 2.0;
    let mut offset = 0.0;
    for k in 0..parts {
        let room = if k == 0 {
            first
        } else {
            w.canvas.new_page();
            avail
        };
        let top = w.canvas.y;
        let part_h = room.min(ph - offset);
        let m = images::placement(orientation, x, top + offset - ph, pw, ph);
        w.canvas.image(id, m, Some([x, top - part_h, pw, part_h]));
        w.canvas.y = top - part_h - 4.0;
        let mut label = figure_label(lang, entry, n, Some((k + 1, parts)));
        if k + 1 < parts {
            let text = &LetterText::get(lang).pictures;
            label = fill(
                &text.part_before_last,
                &[("part", &label), ("name", &name), ("of", &parts)],
            );
        }
        w.para(&label, caption_size(), 0, 0.0);
        offset += part_h - overlap;
    }
}

fn caption(
    w: &mut Writer<'_>,
    lang: Lang,
    entry: &PacketEntry,
    a: &PacketAttachment,
    (probe, rendition): (&Probe, Rendition),
    n: usize,
) {
    let text = &LetterText::get(lang).pictures;
    let label = figure_label(lang, &entry.id, n, None);
    let (dw, dh) = probe.display_size();
    let first = fill(
        &text.caption,
        &[
            ("figure", &label),
            ("name", &a.name),
            ("date", &entry.occurred_at.date()),
            ("counterpart", &entry.counterpart),
        ],
    );
    let second = fill(
        &text.rendition,
        &[
            ("width", &dw),
            ("height", &dh),
            ("size", &human_size(a.size)),
            ("rendition", &rendition_text(lang, rendition)),
        ],
    );
    w.para(&first, caption_size(), 0, 0.0);
    w.para(&second, caption_size(), 0, 0.25);
    w.hash_line(&a.sha256);
}
