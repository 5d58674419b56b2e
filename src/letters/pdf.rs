//! A letter printed with the packet's engine: the same A4 page, font, running text kept
//! together at page breaks, footer with page numbers and the case fingerprint
//! ([`crate::pdf::furniture`]), reproducible bytes ([`crate::pdf::document`]).

use super::Letter;
use crate::i18n::Lang;
use crate::pdf::document::{Images, Meta, assemble};
use crate::pdf::font::FontFace;
use crate::pdf::page::{Canvas, Geometry};
use crate::pdf::writer::{BODY, HEADING, Writer};
use crate::pdf::{PdfError, Rendered, furniture};

/// Renders `letter` as a PDF.
pub fn render(letter: &Letter, face: &FontFace) -> Result<Rendered, PdfError> {
    let lang = letter.lang;
    let m = face.metrics();
    let mut w = Writer::new(Canvas::new(Geometry::default()), face.metrics());
    w.centered(&letter.title, HEADING + 3.5);
    w.gap(BODY * 0.5);
    if !letter.salutation.is_empty() {
        w.para(&letter.salutation, BODY, 0, 0.0);
    }
    let last = letter.sections.len().saturating_sub(1);
    for (i, s) in letter.sections.iter().enumerate() {
        if let Some(h) = &s.heading {
            w.heading(h);
        }
        for (j, p) in s.paragraphs.iter().enumerate() {
            // The last paragraph goes with the signature: no page holds only a signature.
            if i == last && j + 1 == s.paragraphs.len() {
                let signature = BODY * 1.5 + 2.0 * BODY * crate::pdf::writer::LEAD + 4.0;
                w.canvas.ensure(w.para_height(p, BODY, 2) + signature);
            }
            w.para(p, BODY, 2, 0.0);
        }
    }
    w.gap(BODY * 1.5);
    w.right(&letter.signed, BODY);
    w.right(&letter.dated, BODY);

    let missing = furniture::uncovered(&w.canvas, &m);
    // The case fingerprint means nothing to the recipient: it stays with the packet (and in
    // the file's properties), the footer carries the page numbers only.
    let footer_text = crate::guide::letter::FooterText {
        fingerprint: String::new(),
        ..crate::guide::letter::LetterText::get(lang).footer.clone()
    };
    let footer = furniture::footer(&footer_text, "", letter.translation_mark.clone(), &m);
    let pages = w.canvas.page_count();
    let meta = Meta {
        title: format!("{} — {}", letter.title, letter.recipient),
        lang: if lang == Lang::Zh {
            "zh-CN".into()
        } else {
            "en".into()
        },
        pdf_date: furniture::pdf_date(letter.date),
        subject: format!("leakaid {} {}", letter.kind.code(), letter.fingerprint.full()),
    };
    let bytes = assemble(w.canvas, footer, face, Images::default(), &meta)?;
    Ok(Rendered {
        bytes,
        pages,
        missing,
        undecodable: Vec::new(),
    })
}
