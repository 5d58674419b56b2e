//! The complaint packet (刑事控告书 + 证据清单): a printable A4 PDF for the police station.
//!
//! [`packet::render`] takes a plain [`packet::PacketInput`] (built from the case by
//! [`case_input`]) and returns the PDF bytes plus the characters the font could not draw.
//! The modules below it each do one job: [`complaint`] (the letter), [`annex`] (evidence
//! list, pictures, verification note), [`figures`] (the picture annex and attachment list),
//! [`images`] (pictures as evidence: original JPEG bytes or a 300 ppi rendition), [`chart`]
//! (contacts over time), [`words`] (dates and money written one way), [`writer`] (running
//! text kept together), [`font`] (which face, what it covers), [`layout`] (line breaking with
//! Chinese punctuation rules), [`table`] (tables over pages), [`page`] (A4 canvas), [`compact`]
//! (its operations written compactly), [`document`] (assembly, header version, reproducible
//! bytes), [`totals`] (what is counted over every entry, in one pass, and which entries are
//! printed).

pub mod accounts;
pub mod annex;
pub mod bins;
pub mod case_input;
pub mod cff_flat;
pub mod chart;
pub mod compact;
pub mod complaint;
pub mod document;
pub mod export;
pub mod figures;
pub mod font;
pub mod furniture;
pub mod identity;
pub mod images;
pub mod layout;
pub mod measures;
pub mod model;
pub mod packet;
pub mod page;
#[cfg(any(test, feature = "test-support"))]
pub mod sample;
pub mod style;
pub mod table;
pub mod totals;
pub mod visible;
pub mod words;
pub mod writer;

pub use document::Rendered;
pub use font::{FontFace, FontOrigin};
pub use model::{
    Complainant, Fingerprint, LawRef, PacketAttachment, PacketEntry, PacketInput, PacketLead, PacketOptions,
    SideFile,
};
pub use packet::render;

/// What can go wrong while making the packet. Messages say what to do.
#[derive(Debug, thiserror::Error)]
pub enum PdfError {
    /// The `--font` file could not be read.
    #[error("cannot read the font file: {0}")]
    FontRead(crate::userfile::UserFileError),
    /// The font data is not a usable TrueType/OpenType face.
    #[error(
        "the font {origin:?} cannot be used ({reason}). Give a .ttf, .otf or .ttc file to --font (for a .ttc, PATH#INDEX picks the face)."
    )]
    FontParse {
        /// Which font.
        origin: FontOrigin,
        /// The parser's reason.
        reason: String,
    },
    /// Writing the PDF structure failed.
    #[error("could not write the PDF: {0}")]
    Write(String),
}
