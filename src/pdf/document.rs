//! Assembling the pages into a PDF file: the font (embedded as a subset), the picture
//! streams prepared by [`super::images`], document metadata, a header version that matches
//! the features used, and byte-for-byte reproducible output.
//!
//! printpdf draws random ids for fonts, images and the trailer `/ID`; here every id is
//! derived from the content and the print date instead, and the creation date comes from
//! the caller (never the wall clock), so the same case on the same date gives the same bytes.

use lopdf_printpdf::{Object, StringFormat};
use printpdf::{
    ImageCompression, ImageOptimizationOptions, Mm, Op, PdfDocument, PdfFont, PdfPage, PdfSaveOptions,
    XObject, XObjectId,
};
use sha2::{Digest, Sha256};

use super::PdfError;
use super::font::FontFace;
use super::page::Canvas;

/// Document-level facts written into the PDF's metadata.
#[derive(Debug, Clone)]
pub struct Meta {
    /// `/Title`.
    pub title: String,
    /// `/Lang` of the catalog, e.g. `zh-CN`.
    pub lang: String,
    /// `/CreationDate` and `/ModDate`, already in PDF form (`D:20250301000000+08'00'`).
    pub pdf_date: String,
    /// `/Subject`.
    pub subject: String,
}

/// Images registered for drawing, with ids fixed by their order.
#[derive(Default)]
pub struct Images {
    list: Vec<(XObjectId, XObject)>,
}

impl Images {
    /// Registers a prepared picture stream and returns its id.
    pub fn add(&mut self, xobject: XObject) -> XObjectId {
        let id = XObjectId(format!("Im{}", self.list.len() + 1));
        self.list.push((id.clone(), xobject));
        id
    }
}

/// Save options: fonts subset, streams compressed, images lossless — Flate, no automatic
/// "optimisation" (which may drop channels or convert to grey), no size cap (which would
/// downscale a screenshot the police need to read).
pub fn save_options() -> PdfSaveOptions {
    PdfSaveOptions {
        optimize: true,
        subset_fonts: true,
        secure: true,
        image_optimization: Some(ImageOptimizationOptions {
            quality: None,
            max_image_size: None,
            dither_greyscale: Some(false),
            convert_to_greyscale: Some(false),
            auto_optimize: Some(false),
            format: Some(ImageCompression::Flate),
        }),
    }
}

/// Build the PDF bytes from finished pages.
pub fn assemble(
    canvas: Canvas,
    footer: impl FnMut(usize, usize, &mut Canvas),
    face: &FontFace,
    images: Images,
    meta: &Meta,
) -> Result<Vec<u8>, PdfError> {
    let geo = canvas.geo;
    let (pages, font_id) = canvas.finish(footer);

    let mut font_warnings = Vec::new();
    let parsed = printpdf::ParsedFont::from_bytes(face.bytes(), face.index() as usize, &mut font_warnings)
        .ok_or_else(|| PdfError::FontParse {
            origin: face.origin().clone(),
            reason: "printpdf cannot read this font".to_string(),
        })?;

    let mut doc = PdfDocument::new(&meta.title);
    doc.resources.fonts.map.insert(font_id, PdfFont::new(parsed));
    for (id, image) in images.list {
        doc.resources.xobjects.map.insert(id, image);
    }
    let width = Mm(geo.width * 25.4 / 72.0);
    let height = Mm(geo.height * 25.4 / 72.0);
    let pdf_pages: Vec<PdfPage> = pages
        .into_iter()
        .map(|ops: Vec<Op>| PdfPage::new(width, height, ops))
        .collect();
    doc.with_pages(pdf_pages);

    let opts = save_options();
    let mut warnings = Vec::new();
    let mut lo = doc.to_lopdf_document(&opts, &mut warnings);
    // The font is embedded (as its subset) and the pages written: the parsed font and the
    // drawing operations go before the file is compressed and serialised.
    drop(doc);
    flatten_fonts(&mut lo);
    finish_metadata(&mut lo, meta);
    // The dictionaries (fonts with their width arrays, pages, metadata) and the
    // cross-reference table go into compressed object streams, which PDF 1.5 introduced.
    lo.version = required_version(&lo).max(OBJECT_STREAMS_VERSION).to_string();
    if opts.optimize {
        lo.compress();
    }
    let mut out = Vec::new();
    let save = lopdf_printpdf::SaveOptions::builder()
        .use_object_streams(true)
        .use_xref_streams(true)
        .compression_level(9)
        .build();
    lo.save_with_options(&mut out, save)
        .map_err(|e| PdfError::Write(e.to_string()))?;
    Ok(out)
}

/// The version that has object and cross-reference streams, which every packet uses.
const OBJECT_STREAMS_VERSION: &str = "1.5";

/// Write the embedded CFF font programs flat ([`super::cff_flat`]): the same outlines in
/// fewer bytes. A font the flattener does not understand stays as printpdf embedded it.
fn flatten_fonts(lo: &mut lopdf_printpdf::Document) {
    for obj in lo.objects.values_mut() {
        let Object::Stream(stream) = obj else { continue };
        let subtype = stream.dict.get(b"Subtype").and_then(Object::as_name).ok();
        if !matches!(subtype, Some(b"CIDFontType0C" | b"Type1C")) {
            continue;
        }
        let Ok(cff) = stream.get_plain_content() else {
            continue;
        };
        if let Ok(flat) = super::cff_flat::flatten(&cff) {
            stream.dict.remove(b"Filter");
            stream.dict.remove(b"DecodeParms");
            stream.set_content(flat);
        }
    }
}

/// The lowest PDF version that has every feature `doc` uses (ISO 32000-1 and the earlier
/// references): `/Lang` and `/DisplayDocTitle` and soft masks 1.4; 16-bit images, JPEG 2000
/// and object or cross-reference streams 1.5; OpenType font programs 1.6.
pub fn required_version(doc: &lopdf_printpdf::Document) -> &'static str {
    let mut v = (1u8, 3u8);
    let mut need = |w: (u8, u8)| v = v.max(w);
    for obj in doc.objects.values() {
        let dict = match obj {
            Object::Dictionary(d) => d,
            Object::Stream(s) => &s.dict,
            _ => continue,
        };
        let name = |k: &[u8]| dict.get(k).and_then(Object::as_name).ok();
        if dict.has(b"Lang") || dict.has(b"SMask") || dict.has(b"CA") || dict.has(b"ca") {
            need((1, 4));
        }
        if let Ok(Object::Dictionary(prefs)) = dict.get(b"ViewerPreferences")
            && prefs.has(b"DisplayDocTitle")
        {
            need((1, 4));
        }
        if dict.get(b"BitsPerComponent").and_then(Object::as_i64).ok() == Some(16)
            || name(b"Filter") == Some(b"JPXDecode")
            || matches!(name(b"Type"), Some(b"ObjStm" | b"XRef"))
        {
            need((1, 5));
        }
        if name(b"Subtype") == Some(b"OpenType") {
            need((1, 6));
        }
    }
    match v {
        (1, 3) => "1.3",
        (1, 4) => "1.4",
        (1, 5) => "1.5",
        _ => "1.6",
    }
}

fn text(s: &str) -> Object {
    // UTF-16BE with BOM: the PDF text-string form that carries Chinese.
    let mut bytes = vec![0xFE, 0xFF];
    for unit in s.encode_utf16() {
        bytes.extend_from_slice(&unit.to_be_bytes());
    }
    Object::String(bytes, StringFormat::Hexadecimal)
}

/// Overwrite what printpdf fills from the clock or a random generator, and add `/Lang`.
fn finish_metadata(lo: &mut lopdf_printpdf::Document, meta: &Meta) {
    let date = Object::String(meta.pdf_date.as_bytes().to_vec(), StringFormat::Literal);
    if let Ok(info_ref) = lo.trailer.get(b"Info").and_then(Object::as_reference)
        && let Ok(info) = lo.get_dictionary_mut(info_ref)
    {
        info.set("CreationDate", date.clone());
        info.set("ModDate", date);
        info.set("Title", text(&meta.title));
        info.set("Subject", text(&meta.subject));
        info.set("Creator", text("leakaid"));
        info.set("Producer", text("leakaid (printpdf)"));
        info.remove(b"GTS_PDFXVersion");
        info.remove(b"Trapped");
    }
    if let Ok(root_ref) = lo.trailer.get(b"Root").and_then(Object::as_reference)
        && let Ok(catalog) = lo.get_dictionary_mut(root_ref)
    {
        catalog.set("Lang", text(&meta.lang));
        catalog.set("ViewerPreferences", {
            let mut d = lopdf_printpdf::Dictionary::new();
            d.set("DisplayDocTitle", Object::Boolean(true));
            d
        });
    }
    // A content-derived file identifier (ISO 32000 14.4 allows any unique bytes).
    let mut h = Sha256::new();
    h.update(meta.title.as_bytes());
    h.update(meta.pdf_date.as_bytes());
    h.update(meta.subject.as_bytes());
    let id = h.finalize()[..16].to_vec();
    lo.trailer.set(
        "ID",
        Object::Array(vec![
            Object::String(id.clone(), StringFormat::Hexadecimal),
            Object::String(id, StringFormat::Hexadecimal),
        ]),
    );
}

/// A finished packet.
#[derive(Debug, Clone)]
pub struct Rendered {
    /// The PDF file.
    pub bytes: Vec<u8>,
    /// Number of pages.
    pub pages: usize,
    /// Characters the font could not draw (they print as empty boxes): warn the user.
    pub missing: Vec<char>,
    /// Attachments that looked like images but could not be decoded (listed, not drawn).
    pub undecodable: Vec<String>,
}
