//! The page canvas: A4 geometry with a wider left margin for binding, a cursor that moves
//! down the page, and the drawing primitives the packet needs (text lines, rules, shaded
//! boxes, images). Pages are plain lists of printpdf operations until [`super::document`]
//! assembles them.

use printpdf::{
    Color, CurTransMat, FontId, Greyscale, Line, LinePoint, Op, PaintMode, PdfFontHandle, Point, Pt, Rect,
    TextItem, XObjectId, XObjectTransform,
};
use sha2::{Digest, Sha256};
use std::collections::BTreeSet;

/// Millimetres to points.
pub fn mm(v: f32) -> f32 {
    v * 72.0 / 25.4
}

/// Page size and margins, in points. A4 portrait; 25 mm on the left for binding (装订线),
/// 15 mm on the right, and room at the bottom for the footer.
#[derive(Debug, Clone, Copy)]
pub struct Geometry {
    /// Page width.
    pub width: f32,
    /// Page height.
    pub height: f32,
    /// Left (binding) margin.
    pub left: f32,
    /// Right margin.
    pub right: f32,
    /// Top margin.
    pub top: f32,
    /// Bottom margin; the footer sits inside it.
    pub bottom: f32,
}

impl Default for Geometry {
    fn default() -> Self {
        Self {
            width: mm(210.0),
            height: mm(297.0),
            left: mm(25.0),
            right: mm(15.0),
            top: mm(18.0),
            bottom: mm(20.0),
        }
    }
}

impl Geometry {
    /// Width of the text column.
    pub fn content_width(&self) -> f32 {
        self.width - self.left - self.right
    }
    /// Height of the text column.
    pub fn content_height(&self) -> f32 {
        self.height - self.top - self.bottom
    }
    /// The y coordinate (PDF, from the bottom) of the top of the text column.
    pub fn content_top(&self) -> f32 {
        self.height - self.top
    }
}

/// A rectangle `[x, y, w, h]` (lower-left corner first) filled or used as a clip.
fn rectangle([x, y, w, h]: [f32; 4], mode: PaintMode) -> Op {
    Op::DrawRectangle {
        rectangle: Rect {
            x: Pt(x),
            y: Pt(y),
            width: Pt(w),
            height: Pt(h),
            mode: Some(mode),
            winding_order: None,
        },
    }
}

/// The placeholder font handle used while drawing; [`Canvas::finish`] swaps in the real,
/// content-derived font id (which becomes the subset tag).
const PLACEHOLDER_FONT: &str = "FONTPLACEHOLDER";

/// A grey level, 0 = black, 1 = white.
pub type Grey = f32;

/// Pages being drawn, with a cursor `y` (PDF points from the bottom) on the current page.
pub struct Canvas {
    /// Geometry shared by all pages.
    pub geo: Geometry,
    pages: Vec<Vec<Op>>,
    /// The current vertical position: the top of the next thing to draw.
    pub y: f32,
    text_hash: Sha256,
    used: BTreeSet<char>,
}

impl Canvas {
    /// A canvas with one empty page.
    pub fn new(geo: Geometry) -> Self {
        Self {
            geo,
            pages: vec![Vec::new()],
            y: geo.content_top(),
            text_hash: Sha256::new(),
            used: BTreeSet::new(),
        }
    }

    /// Number of pages so far.
    pub fn page_count(&self) -> usize {
        self.pages.len()
    }

    /// Every character drawn so far (for the font coverage check).
    pub fn used_chars(&self) -> &BTreeSet<char> {
        &self.used
    }

    /// Add the pages of `other` after these; the cursor continues on its last page.
    pub fn append(&mut self, other: Canvas) {
        self.text_hash.update(other.text_hash.finalize());
        self.used.extend(other.used);
        self.pages.extend(other.pages);
        self.y = other.y;
    }

    /// Start a new page and put the cursor at its top.
    pub fn new_page(&mut self) {
        self.pages.push(Vec::new());
        self.y = self.geo.content_top();
    }

    /// Space left on the current page above the bottom margin.
    pub fn space_left(&self) -> f32 {
        self.y - self.geo.bottom
    }

    /// Whether the cursor is at the top of a page (nothing drawn below the top yet).
    pub fn at_page_top(&self) -> bool {
        (self.y - self.geo.content_top()).abs() < 0.01
    }

    /// Start a new page unless `height` points still fit on this one.
    pub fn ensure(&mut self, height: f32) {
        if height > self.space_left() && !self.at_page_top() {
            self.new_page();
        }
    }

    fn ops(&mut self) -> &mut Vec<Op> {
        if self.pages.is_empty() {
            self.pages.push(Vec::new());
        }
        let last = self.pages.len() - 1;
        &mut self.pages[last]
    }

    /// Draw one line of text with its baseline at `baseline`, left edge at `x`.
    pub fn text_at(&mut self, x: f32, baseline: f32, size: f32, text: &str, grey: Grey) {
        if text.is_empty() {
            return;
        }
        self.text_hash.update(text.as_bytes());
        self.used.extend(text.chars());
        let font = PdfFontHandle::External(FontId(PLACEHOLDER_FONT.to_string()));
        let ops = self.ops();
        ops.push(Op::StartTextSection);
        if grey > 0.0 {
            ops.push(Op::SetFillColor {
                col: Color::Greyscale(Greyscale::new(grey, None)),
            });
        }
        ops.push(Op::SetFont { font, size: Pt(size) });
        ops.push(Op::SetTextCursor {
            pos: Point {
                x: Pt(x),
                y: Pt(baseline),
            },
        });
        ops.push(Op::ShowText {
            items: vec![TextItem::Text(text.to_string())],
        });
        ops.push(Op::EndTextSection);
        if grey > 0.0 {
            ops.push(Op::SetFillColor {
                col: Color::Greyscale(Greyscale::new(0.0, None)),
            });
        }
    }

    /// Draw a straight line.
    pub fn rule(&mut self, from: (f32, f32), to: (f32, f32), thickness: f32, grey: Grey) {
        let point = |(x, y): (f32, f32)| LinePoint {
            p: Point { x: Pt(x), y: Pt(y) },
            bezier: false,
        };
        let ops = self.ops();
        ops.push(Op::SetOutlineColor {
            col: Color::Greyscale(Greyscale::new(grey, None)),
        });
        ops.push(Op::SetOutlineThickness { pt: Pt(thickness) });
        ops.push(Op::DrawLine {
            line: Line {
                points: vec![point(from), point(to)],
                is_closed: false,
            },
        });
    }

    /// Fill a rectangle whose lower-left corner is (`x`, `y`).
    pub fn fill(&mut self, x: f32, y: f32, w: f32, h: f32, grey: Grey) {
        let ops = self.ops();
        ops.push(Op::SetFillColor {
            col: Color::Greyscale(Greyscale::new(grey, None)),
        });
        ops.push(rectangle([x, y, w, h], PaintMode::Fill));
        ops.push(Op::SetFillColor {
            col: Color::Greyscale(Greyscale::new(0.0, None)),
        });
    }

    /// Draw image `id` with the matrix `m` (mapping the image's unit square onto the page),
    /// showing only what falls inside `clip` (`[x, y, w, h]`, lower-left corner first), if
    /// given: how a long screenshot is shown part by part.
    pub fn image(&mut self, id: &XObjectId, m: [f32; 6], clip: Option<[f32; 4]>) {
        let ops = self.ops();
        ops.push(Op::SaveGraphicsState);
        if let Some(clip) = clip {
            ops.push(rectangle(clip, PaintMode::Clip));
        }
        ops.push(Op::SetTransformationMatrix {
            matrix: CurTransMat::Raw(m),
        });
        ops.push(Op::UseXobject {
            id: id.clone(),
            transform: XObjectTransform {
                no_auto_scale: true,
                ..Default::default()
            },
        });
        ops.push(Op::RestoreGraphicsState);
    }

    /// Finish: call `footer(page_index, page_count, canvas)` on every page so footers can
    /// say "page N of M", then swap the placeholder font for the final id and write each
    /// page's operations compactly ([`super::compact`]). Returns the
    /// pages and the font id (its first 6 letters are the PDF subset tag, derived from the
    /// text so that the same content gives the same bytes).
    pub fn finish(mut self, mut footer: impl FnMut(usize, usize, &mut Canvas)) -> (Vec<Vec<Op>>, FontId) {
        let total = self.pages.len();
        for i in 0..total {
            // Draw the footer onto page i by temporarily making it the last page.
            let tail = self.pages.split_off(i + 1);
            footer(i, total, &mut self);
            self.pages.extend(tail);
        }
        let digest = self.text_hash.finalize();
        let tag: String = digest.iter().take(6).map(|b| char::from(b'A' + b % 26)).collect();
        let font_id = FontId(tag);
        let pages = self
            .pages
            .into_iter()
            .map(|mut page| {
                for op in page.iter_mut() {
                    if let Op::SetFont { font, .. } = op {
                        *font = PdfFontHandle::External(font_id.clone());
                    }
                }
                super::compact::compact(page)
            })
            .collect();
        (pages, font_id)
    }
}
