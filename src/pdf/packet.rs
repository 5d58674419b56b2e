//! [`render`]: lays out the 刑事控告书 ([`super::complaint`]) and its annexes
//! ([`super::annex`]) from the packet model ([`super::model`]) and assembles the file.
//!
//! The model is plain data ([`PacketInput`]) so the packet does not depend on how the case is
//! stored; [`super::case_input`] builds it from the case, deciding the charges through
//! [`crate::guide::charges`] and the leads through [`crate::case::leads`].

use super::PdfError;
use super::annex::{self, AnnexPages};
use super::complaint;
use super::document::{Images, Meta, Rendered, assemble};
use super::font::FontFace;
use super::model::{PacketInput, PacketOptions};
use super::page::{Canvas, Geometry};
use super::writer::Writer;
use crate::guide::letter::LetterText;
use crate::i18n::Lang;

/// Render the packet: the letter, then the annexes (whose page counts the letter's 附 list
/// names), then the footer on every page.
pub fn render(input: &PacketInput, opts: &PacketOptions, face: &FontFace) -> Result<Rendered, PdfError> {
    let redacted;
    let input = if opts.redact {
        redacted = crate::redact::redact_input(input, opts.lang, opts.mask_name);
        &redacted
    } else {
        input
    };
    let lang = opts.lang;
    let zh = lang == Lang::Zh;
    let text = LetterText::get(lang);

    // The annexes first, on their own canvas, so the letter can name their page counts.
    let mut annex_w = Writer::new(Canvas::new(Geometry::default()), face.metrics());
    let mut images = Images::default();
    let AnnexPages {
        evidence: evidence_pages,
        images: image_pages,
        undecodable,
    } = annex::draw(&mut annex_w, input, lang, &mut images, opts.redact);

    let mut w = Writer::new(Canvas::new(Geometry::default()), face.metrics());
    complaint::draw(&mut w, input, opts, evidence_pages, image_pages);
    w.canvas.append(annex_w.canvas);

    // Coverage check on exactly what was drawn.
    let m = face.metrics();
    let missing = super::furniture::uncovered(&w.canvas, &m);

    // A translation and a redacted copy say so at the top of every page.
    let mark = [
        text.translation_mark.clone(),
        if opts.redact {
            crate::redact::copy_mark(lang)
        } else {
            String::new()
        },
    ]
    .iter()
    .filter(|m| !m.is_empty())
    .cloned()
    .collect::<Vec<_>>()
    .join("　");
    let footer = super::furniture::footer(&text.footer, &input.fingerprint.short(), mark, &m);

    let pages = w.canvas.page_count();
    // A copy for others carries no name in its file properties either.
    let title = match (zh, opts.redact) {
        (true, false) => format!("{} — {}", text.title, input.complainant.name),
        (true, true) => format!("{} — {}", text.title, crate::redact::copy_mark(lang)),
        (false, false) => format!("{} (translation) — {}", text.title, input.complainant.name),
        (false, true) => format!(
            "{} (translation) — {}",
            text.title,
            crate::redact::copy_mark(lang)
        ),
    };
    let meta = Meta {
        title,
        lang: if zh { "zh-CN".into() } else { "en".into() },
        pdf_date: super::furniture::pdf_date(input.print_date),
        subject: format!("leakaid {}", input.fingerprint.full()),
    };
    let bytes = assemble(w.canvas, footer, face, images, &meta)?;
    Ok(Rendered {
        bytes,
        pages,
        missing,
        undecodable,
    })
}
