//! The face the packet is set in: the embedded Noto Sans CJK SC, or a font the user names
//! with `--font PATH` (a `.ttf`/`.otf`, or a face of a `.ttc`/`.otc` collection).
//!
//! Before anything is drawn, every character of the packet is checked against the face, so a
//! character the font lacks is named in a warning instead of printing as an empty box.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::PdfError;

/// Noto Sans CJK SC Regular, subset offline to every character the SC face maps
/// (see `assets/fonts/README.md`). SIL OFL 1.1.
pub static EMBEDDED_FONT: &[u8] = include_bytes!("../../assets/fonts/NotoSansCJKsc-Regular.otf");

/// Where a font came from, for messages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FontOrigin {
    /// The font shipped inside leakaid.
    Embedded,
    /// A file the user chose with `--font`.
    File(PathBuf),
}

/// A font file's bytes: the embedded font borrowed from the program (never copied), or a
/// file read from disk, shared.
#[derive(Debug, Clone)]
enum FontBytes {
    Embedded(&'static [u8]),
    Read(Arc<[u8]>),
}

impl std::ops::Deref for FontBytes {
    type Target = [u8];
    fn deref(&self) -> &[u8] {
        match self {
            FontBytes::Embedded(b) => b,
            FontBytes::Read(b) => b,
        }
    }
}

/// A font face ready for measuring and embedding: its bytes, the face index inside a
/// collection, and its units-per-em. Cheap to clone.
#[derive(Debug, Clone)]
pub struct FontFace {
    bytes: FontBytes,
    index: u32,
    units_per_em: f32,
    origin: FontOrigin,
}

impl FontFace {
    /// The embedded Noto Sans CJK SC face.
    pub fn embedded() -> Result<Self, PdfError> {
        Self::from_bytes(FontBytes::Embedded(EMBEDDED_FONT), 0, FontOrigin::Embedded)
    }

    /// A face from a font file (a regular file of at most 64 MB). `index` picks the face in a `.ttc`/`.otc` collection (0 for
    /// a plain font file).
    pub fn from_file(path: &Path, index: u32) -> Result<Self, PdfError> {
        let bytes =
            crate::userfile::read(path, crate::userfile::Purpose::Font).map_err(PdfError::FontRead)?;
        Self::from_bytes(
            FontBytes::Read(Arc::from(bytes)),
            index,
            FontOrigin::File(path.to_path_buf()),
        )
    }

    /// Parse `--font PATH[#INDEX]`-style input: `PATH` alone, or `PATH#2` for face 2 of a
    /// collection. A path that exists as given is taken as is, even if it contains `#`.
    pub fn from_arg(arg: &Path) -> Result<Self, PdfError> {
        if arg.exists() {
            return Self::from_file(arg, 0);
        }
        let text = arg.to_string_lossy();
        if let Some((path, index)) = text.rsplit_once('#')
            && let Ok(index) = index.parse::<u32>()
        {
            return Self::from_file(Path::new(path), index);
        }
        Self::from_file(arg, 0)
    }

    fn from_bytes(bytes: FontBytes, index: u32, origin: FontOrigin) -> Result<Self, PdfError> {
        let face = ttf_parser::Face::parse(&bytes, index).map_err(|e| PdfError::FontParse {
            origin: origin.clone(),
            reason: e.to_string(),
        })?;
        let units_per_em = f32::from(face.units_per_em());
        Ok(Self {
            bytes,
            index,
            units_per_em,
            origin,
        })
    }

    /// The raw font file (the whole collection for a `.ttc`).
    pub fn bytes(&self) -> &[u8] {
        &self.bytes
    }

    /// The face index inside a collection (0 for a single font).
    pub fn index(&self) -> u32 {
        self.index
    }

    /// Where the font came from.
    pub fn origin(&self) -> &FontOrigin {
        &self.origin
    }

    /// A metrics view for measuring text. Parsing only reads the table directory, so this
    /// is cheap; keep the view for a whole layout pass.
    pub fn metrics(&self) -> Metrics<'_> {
        // The face parsed in `from_bytes`, so it parses again; fall back to an empty view
        // (every character "missing", measured as half an em) if it somehow does not.
        Metrics {
            face: ttf_parser::Face::parse(&self.bytes, self.index).ok(),
            units_per_em: self.units_per_em,
        }
    }
}

/// Glyph lookups and advance widths of one face.
pub struct Metrics<'a> {
    face: Option<ttf_parser::Face<'a>>,
    units_per_em: f32,
}

impl Metrics<'_> {
    /// Whether the face has a glyph for `c`. Whitespace and control characters count as
    /// covered: they are never drawn as glyphs.
    pub fn covers(&self, c: char) -> bool {
        if c.is_whitespace() || c.is_control() {
            return true;
        }
        self.face
            .as_ref()
            .and_then(|f| f.glyph_index(c))
            .is_some_and(|g| g.0 != 0)
    }

    /// The advance width of `c` at `size` points, in points. A character the face lacks is
    /// measured as the `.notdef` glyph (what a viewer draws for it).
    pub fn advance(&self, c: char, size: f32) -> f32 {
        let Some(face) = self.face.as_ref() else {
            return size * 0.5;
        };
        let c = if c == '\t' { ' ' } else { c };
        let gid = face.glyph_index(c).unwrap_or(ttf_parser::GlyphId(0));
        let units = face.glyph_hor_advance(gid).unwrap_or(0);
        f32::from(units) * size / self.units_per_em
    }

    /// The width of `text` at `size` points, in points.
    pub fn width(&self, text: &str, size: f32) -> f32 {
        text.chars().map(|c| self.advance(c, size)).sum()
    }
}

/// The characters of `texts` the face cannot draw, each once, in order of first appearance.
pub fn missing_chars<'t>(face: &FontFace, texts: impl IntoIterator<Item = &'t str>) -> Vec<char> {
    let metrics = face.metrics();
    let mut seen = std::collections::BTreeSet::new();
    let mut missing = Vec::new();
    for text in texts {
        for c in text.chars() {
            if !metrics.covers(c) && seen.insert(c) {
                missing.push(c);
            }
        }
    }
    missing
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_face_covers_rare_name_characters() -> Result<(), PdfError> {
        let face = FontFace::embedded()?;
        let m = face.metrics();
        for c in "䶮𠮷龘堃玥喆昇赟犇报案材料，。（）《》0123456789abcdef".chars() {
            assert!(m.covers(c), "{c} should be covered");
        }
        assert!(missing_chars(&face, ["张三 䶮"]).is_empty());
        // Linear B and an emoji are not in a CJK font.
        assert_eq!(missing_chars(&face, ["a𐀀b😀𐀀"]), vec!['𐀀', '😀']);
        Ok(())
    }

    #[test]
    fn cjk_advance_is_one_em() -> Result<(), PdfError> {
        let face = FontFace::embedded()?;
        let m = face.metrics();
        assert!((m.advance('中', 10.0) - 10.0).abs() < 0.01);
        assert!(m.advance('a', 10.0) < 7.0);
        Ok(())
    }
}
