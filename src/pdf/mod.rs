//! The complaint packet (报案材料): a printable A4 PDF for the police station.
//!
//! [`packet::render`] takes a plain [`packet::PacketInput`] (built from the case by the
//! `export pdf` command) and returns the PDF bytes plus the characters the font could not
//! draw. The modules below it each do one job: [`font`] (which face, what it covers),
//! [`layout`] (line breaking with Chinese punctuation rules), [`table`] (tables over pages),
//! [`page`] (A4 canvas), [`document`] (assembly, lossless images, reproducible bytes).

pub mod case_input;
pub mod document;
pub mod export;
pub mod font;
pub mod layout;
pub mod packet;
pub mod page;
pub mod sample;
pub mod table;
pub mod visible;

use std::path::PathBuf;

pub use font::{FontFace, FontOrigin};
pub use packet::{
    Complainant, Fingerprint, LawRef, PacketAttachment, PacketEntry, PacketInput, PacketOptions, Rendered,
    render,
};

/// What can go wrong while making the packet. Messages say what to do.
#[derive(Debug, thiserror::Error)]
pub enum PdfError {
    /// The `--font` file could not be read.
    #[error("cannot read the font file {path}: {source}. Check the path given to --font.")]
    FontRead {
        /// The path given.
        path: PathBuf,
        /// Why.
        source: std::io::Error,
    },
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
