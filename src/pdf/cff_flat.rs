//! The embedded font's outlines written flat, before the PDF is saved: each glyph's
//! charstring with its subroutines inlined and its hints left out, and the subroutine
//! indexes emptied.
//!
//! A subset of a CJK font keeps the subroutine indexes of the full font (tens of thousands
//! of entries per font dict, nearly all emptied by the subsetter but still listed), and
//! every glyph carries stem hints that only help a screen align stems at small sizes. For a
//! packet of ~560 characters the flat font is about a fifth smaller once compressed, and
//! every glyph draws the same outline (the tests compare them point by point).
//!
//! Any charstring this walker does not understand leaves the font as it was.

use allsorts::binary::read::ReadScope;
use allsorts::binary::write::{WriteBinary, WriteBuffer};
use allsorts::cff::{CFF, CFFVariant, IndexU16, MaybeOwnedIndex};

/// Why a font was left as it was.
#[derive(Debug, PartialEq, Eq)]
pub struct Unflattened(pub &'static str);

/// Subroutine calls nest at most this deep (Type 2 charstring limit).
const MAX_DEPTH: usize = 10;

/// An empty INDEX: a count of zero.
static EMPTY_INDEX: [u8; 2] = [0, 0];

/// The CFF table `cff` with every charstring flat and no subroutines, or why not.
pub fn flatten(cff: &[u8]) -> Result<Vec<u8>, Unflattened> {
    // The reader trusts INDEX offsets (a damaged one makes it panic): check them first.
    sound::check(cff).ok_or(Unflattened("an INDEX is damaged"))?;
    let mut table = ReadScope::new(cff)
        .read::<CFF<'_>>()
        .map_err(|_| Unflattened("not a CFF table this reader knows"))?;
    let font = match table.fonts.as_slice() {
        [font] => font,
        _ => return Err(Unflattened("not exactly one font")),
    };
    let mut flat = Vec::with_capacity(font.char_strings_index.len());
    for gid in 0..font.char_strings_index.len() {
        let local = match &font.data {
            CFFVariant::CID(cid) => u16::try_from(gid)
                .ok()
                .and_then(|g| cid.fd_select.font_dict_index(g))
                .and_then(|fd| cid.local_subr_indices.get(usize::from(fd)))
                .and_then(Option::as_ref),
            CFFVariant::Type1(t1) => t1.local_subr_index.as_ref(),
        };
        let charstring = font
            .char_strings_index
            .read_object(gid)
            .ok_or(Unflattened("a charstring is missing"))?;
        let mut walk = Walk::new(Some(&table.global_subr_index), local);
        walk.run(charstring, 0)?;
        if !walk.ended {
            return Err(Unflattened("a charstring does not end with endchar"));
        }
        flat.push(walk.out);
    }

    let empty = || {
        ReadScope::new(&EMPTY_INDEX)
            .read::<IndexU16>()
            .map(MaybeOwnedIndex::Borrowed)
            .map_err(|_| Unflattened("empty index"))
    };
    table.global_subr_index = empty()?;
    let font = table
        .fonts
        .first_mut()
        .ok_or(Unflattened("not exactly one font"))?;
    for (gid, charstring) in flat.into_iter().enumerate() {
        font.char_strings_index.replace(gid, charstring);
    }
    match &mut font.data {
        CFFVariant::CID(cid) => {
            for local in cid.local_subr_indices.iter_mut().flatten() {
                *local = empty()?;
            }
        }
        CFFVariant::Type1(t1) => {
            if let Some(local) = t1.local_subr_index.as_mut() {
                *local = empty()?;
            }
        }
    }
    let mut out = WriteBuffer::new();
    CFF::write(&mut out, &table).map_err(|_| Unflattened("the flat font cannot be written"))?;
    Ok(out.into_inner())
}

/// A bounds check of every INDEX the reader will slice: the header's, the Top DICT's
/// (CharStrings, FDArray) and each Private DICT's local subroutines.
mod sound {
    /// An INDEX at `at`: its objects' byte ranges, and where the data after it starts.
    fn index(cff: &[u8], at: usize) -> Option<(Vec<std::ops::Range<usize>>, usize)> {
        let count = usize::from(u16::from_be_bytes([*cff.get(at)?, *cff.get(at + 1)?]));
        if count == 0 {
            return Some((Vec::new(), at + 2));
        }
        let size = usize::from(*cff.get(at + 2)?);
        if !(1..=4).contains(&size) {
            return None;
        }
        let offsets_at = at + 3;
        let data_at = offsets_at + (count + 1) * size;
        let offset = |i: usize| -> Option<usize> {
            let b = cff.get(offsets_at + i * size..offsets_at + (i + 1) * size)?;
            Some(b.iter().fold(0usize, |v, &x| (v << 8) | usize::from(x)))
        };
        let mut ranges = Vec::with_capacity(count);
        let mut start = offset(0)?;
        if start != 1 {
            return None;
        }
        for i in 1..=count {
            let end = offset(i)?;
            if end < start || data_at + end - 1 > cff.len() {
                return None;
            }
            ranges.push(data_at + start - 1..data_at + end - 1);
            start = end;
        }
        Some((ranges, data_at + start - 1))
    }

    /// A DICT's integer operands per operator (`12 x` as `1200 + x`); reals are skipped.
    fn dict(data: &[u8]) -> Option<Vec<(u16, Vec<i64>)>> {
        let mut out = Vec::new();
        let mut args = Vec::new();
        let mut i = 0;
        while i < data.len() {
            let b = data[i];
            let byte = |k: usize| data.get(i + k).copied().map(i64::from);
            match b {
                0..=21 => {
                    let op = if b == 12 {
                        i += 1;
                        1200 + u16::from(*data.get(i)?)
                    } else {
                        u16::from(b)
                    };
                    out.push((op, std::mem::take(&mut args)));
                    i += 1;
                }
                28 => {
                    args.push(i64::from(i16::from_be_bytes([
                        *data.get(i + 1)?,
                        *data.get(i + 2)?,
                    ])));
                    i += 3;
                }
                29 => {
                    let b = data.get(i + 1..i + 5)?;
                    args.push(i64::from(i32::from_be_bytes([b[0], b[1], b[2], b[3]])));
                    i += 5;
                }
                30 => {
                    i += 1;
                    while (data.get(i)? & 0x0f) != 0x0f && (data.get(i)? >> 4) != 0x0f {
                        i += 1;
                    }
                    args.push(0);
                    i += 1;
                }
                32..=246 => {
                    args.push(i64::from(b) - 139);
                    i += 1;
                }
                247..=250 => {
                    args.push((i64::from(b) - 247) * 256 + byte(1)? + 108);
                    i += 2;
                }
                251..=254 => {
                    args.push(-(i64::from(b) - 251) * 256 - byte(1)? - 108);
                    i += 2;
                }
                _ => return None,
            }
        }
        Some(out)
    }

    fn get(d: &[(u16, Vec<i64>)], op: u16) -> Option<&[i64]> {
        d.iter().find(|(o, _)| *o == op).map(|(_, a)| a.as_slice())
    }

    fn at(v: i64) -> Option<usize> {
        usize::try_from(v).ok()
    }

    /// A Private DICT at (`size`, `offset`) and the local subroutine INDEX it points to.
    fn private(cff: &[u8], args: &[i64]) -> Option<()> {
        let [size, offset] = args else { return None };
        let (size, offset) = (at(*size)?, at(*offset)?);
        let p = dict(cff.get(offset..offset.checked_add(size)?)?)?;
        if let Some(&[subrs]) = get(&p, 19) {
            index(cff, offset.checked_add(at(subrs)?)?)?;
        }
        Some(())
    }

    /// `Some` when every INDEX is within the table and its offsets ascend.
    pub fn check(cff: &[u8]) -> Option<()> {
        let header = usize::from(*cff.get(2)?);
        let (_, after_names) = index(cff, header)?;
        let (tops, after_tops) = index(cff, after_names)?;
        let (_, after_strings) = index(cff, after_tops)?;
        index(cff, after_strings)?;
        for top in tops {
            let top = dict(cff.get(top)?)?;
            index(cff, at(*get(&top, 17)?.first()?)?)?;
            if let Some(p) = get(&top, 18) {
                private(cff, p)?;
            }
            if let Some(&[fd_array]) = get(&top, 1236) {
                let (fds, _) = index(cff, at(fd_array)?)?;
                for fd in fds {
                    let fd = dict(cff.get(fd)?)?;
                    private(cff, get(&fd, 18)?)?;
                }
            }
        }
        Some(())
    }
}

/// A subroutine index with its bias (Type 2 charstrings, section 4.7).
struct Subrs<'i, 'd> {
    index: Option<&'i MaybeOwnedIndex<'d>>,
    bias: i32,
}

impl<'i, 'd> Subrs<'i, 'd> {
    fn new(index: Option<&'i MaybeOwnedIndex<'d>>) -> Self {
        let count = index.map_or(0, MaybeOwnedIndex::len);
        let bias = if count < 1240 {
            107
        } else if count < 33900 {
            1131
        } else {
            32768
        };
        Subrs { index, bias }
    }

    fn get(&self, operand: Option<i32>) -> Result<&'i [u8], Unflattened> {
        let n = operand.ok_or(Unflattened("a subroutine number is not an integer"))?;
        usize::try_from(n + self.bias)
            .ok()
            .and_then(|i| self.index.and_then(|index| index.read_object(i)))
            .ok_or(Unflattened("a subroutine is missing"))
    }
}

/// One operand as written (its bytes) and its value when it is an integer.
struct Arg {
    value: Option<i32>,
    bytes: [u8; 5],
    len: usize,
}

/// The walk of one glyph: operands waiting for their operator, the flat charstring so far,
/// the stems declared (they size a hintmask), whether the first stack-clearing operator
/// (which may carry the advance width) has been seen, and whether endchar has been reached.
struct Walk<'i, 'd> {
    global: Subrs<'i, 'd>,
    local: Subrs<'i, 'd>,
    args: Vec<Arg>,
    out: Vec<u8>,
    stems: usize,
    cleared: bool,
    ended: bool,
}

impl<'i, 'd> Walk<'i, 'd> {
    /// A walk with these global and local subroutines.
    fn new(global: Option<&'i MaybeOwnedIndex<'d>>, local: Option<&'i MaybeOwnedIndex<'d>>) -> Self {
        Walk {
            global: Subrs::new(global),
            local: Subrs::new(local),
            args: Vec::new(),
            out: Vec::new(),
            stems: 0,
            cleared: false,
            ended: false,
        }
    }

    /// The waiting operands, then the operator's bytes.
    fn emit(&mut self, op: &[u8]) {
        for a in self.args.drain(..) {
            self.out.extend_from_slice(&a.bytes[..a.len]);
        }
        self.out.extend_from_slice(op);
        self.cleared = true;
    }

    /// Drop a hint operator with its operands; an odd operand first on the first
    /// stack-clearing operator is the advance width and stays for the next operator.
    fn drop_hint(&mut self) {
        let keep_width = !self.cleared && self.args.len() % 2 == 1;
        let pairs = self.args.len() / 2;
        self.stems += pairs;
        self.args.truncate(usize::from(keep_width));
        self.cleared = true;
    }

    fn run(&mut self, cs: &[u8], depth: usize) -> Result<(), Unflattened> {
        if depth > MAX_DEPTH {
            return Err(Unflattened("subroutines nest too deep"));
        }
        let byte = |i: usize| cs.get(i).copied().ok_or(Unflattened("a charstring is cut short"));
        let mut i = 0;
        while i < cs.len() && !self.ended {
            let b = cs[i];
            let number = match b {
                32..=246 => Some((Some(i32::from(b) - 139), 1)),
                247..=250 => Some((
                    Some((i32::from(b) - 247) * 256 + i32::from(byte(i + 1)?) + 108),
                    2,
                )),
                251..=254 => Some((
                    Some(-(i32::from(b) - 251) * 256 - i32::from(byte(i + 1)?) - 108),
                    2,
                )),
                28 => Some((
                    Some(i32::from(i16::from_be_bytes([byte(i + 1)?, byte(i + 2)?]))),
                    3,
                )),
                255 => {
                    byte(i + 4)?;
                    Some((None, 5))
                }
                _ => None,
            };
            if let Some((value, len)) = number {
                let mut bytes = [0u8; 5];
                bytes[..len].copy_from_slice(&cs[i..i + len]);
                if self.args.len() >= 48 {
                    return Err(Unflattened("too many operands"));
                }
                self.args.push(Arg { value, bytes, len });
                i += len;
                continue;
            }
            i += 1;
            match b {
                // hstem, vstem, hstemhm, vstemhm
                1 | 3 | 18 | 23 => self.drop_hint(),
                // hintmask, cntrmask: operands before them are an implied vstem; the mask
                // has a bit per stem.
                19 | 20 => {
                    self.drop_hint();
                    let mask = self.stems.div_ceil(8);
                    if i + mask > cs.len() {
                        return Err(Unflattened("a hint mask is cut short"));
                    }
                    i += mask;
                }
                // callsubr, callgsubr
                10 | 29 => {
                    let value = self.args.pop().and_then(|a| a.value);
                    let subr = if b == 10 {
                        self.local.get(value)?
                    } else {
                        self.global.get(value)?
                    };
                    self.run(subr, depth + 1)?;
                }
                // return
                11 => {
                    return if depth == 0 {
                        Err(Unflattened("return outside a subroutine"))
                    } else {
                        Ok(())
                    };
                }
                // endchar
                14 => {
                    self.emit(&[14]);
                    self.ended = true;
                }
                // rmoveto hmoveto vmoveto rlineto hlineto vlineto rrcurveto hhcurveto
                // hvcurveto rcurveline rlinecurve vhcurveto vvcurveto
                4 | 5 | 6 | 7 | 8 | 21 | 22 | 24 | 25 | 26 | 27 | 30 | 31 => self.emit(&[b]),
                12 => {
                    let op = byte(i)?;
                    i += 1;
                    match op {
                        // hflex flex hflex1 flex1
                        34..=37 => self.emit(&[12, op]),
                        _ => return Err(Unflattened("an arithmetic or unknown operator")),
                    }
                }
                _ => return Err(Unflattened("a reserved operator")),
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use allsorts::binary::read::ReadScope;
    use allsorts::font_data::FontData;
    use allsorts::subset::{CmapTarget, SubsetProfile, subset};
    use allsorts::tables::FontTableProvider;
    use allsorts::tag;
    use proptest::prelude::*;

    /// The CFF table of the embedded font subset to the glyphs of `text`, as the packet
    /// embeds it.
    fn subset_cff(text: &str) -> Vec<u8> {
        let bytes = crate::pdf::font::EMBEDDED_FONT;
        let face = ttf_parser::Face::parse(bytes, 0).expect("the embedded font parses");
        let mut ids: Vec<u16> = text
            .chars()
            .filter_map(|c| face.glyph_index(c))
            .map(|g| g.0)
            .collect();
        ids.push(0);
        ids.sort_unstable();
        ids.dedup();
        let data = ReadScope::new(bytes).read::<FontData<'_>>().expect("font data");
        let provider = data.table_provider(0).expect("table provider");
        let otf = subset(&provider, &ids, &SubsetProfile::Pdf, CmapTarget::Unicode).expect("subset");
        let data = ReadScope::new(&otf).read::<FontData<'_>>().expect("subset data");
        let provider = data.table_provider(0).expect("subset provider");
        provider
            .read_table_data(tag::CFF)
            .expect("CFF table")
            .into_owned()
    }

    /// A small real subset, made once.
    fn small_cff() -> &'static [u8] {
        static CFF: std::sync::OnceLock<Vec<u8>> = std::sync::OnceLock::new();
        CFF.get_or_init(|| subset_cff("中文字"))
    }

    #[derive(Default, PartialEq, Debug)]
    struct Path(Vec<String>);

    impl ttf_parser::OutlineBuilder for Path {
        fn move_to(&mut self, x: f32, y: f32) {
            self.0.push(format!("M{x} {y}"));
        }
        fn line_to(&mut self, x: f32, y: f32) {
            self.0.push(format!("L{x} {y}"));
        }
        fn quad_to(&mut self, x1: f32, y1: f32, x: f32, y: f32) {
            self.0.push(format!("Q{x1} {y1} {x} {y}"));
        }
        fn curve_to(&mut self, x1: f32, y1: f32, x2: f32, y2: f32, x: f32, y: f32) {
            self.0.push(format!("C{x1} {y1} {x2} {y2} {x} {y}"));
        }
        fn close(&mut self) {
            self.0.push("Z".into());
        }
    }

    /// Every glyph's outline, drawn by ttf-parser (an interpreter independent of this one).
    fn outlines(cff: &[u8]) -> Vec<Path> {
        let table = ttf_parser::cff::Table::parse(cff).expect("ttf-parser reads the CFF table");
        (0..table.number_of_glyphs())
            .map(|g| {
                let mut p = Path::default();
                let _ = table.outline(ttf_parser::GlyphId(g), &mut p);
                p
            })
            .collect()
    }

    const TEXT: &str = "刑事控告书证据清单：张三于2025年6月1日收到诈骗电话，骗子冒充“客服”！\
        银行卡号6222…，金额¥1,234.56元。䶮𠮷龘堃玥喆昇赟犇 abcXYZ@example.com (附件) 第1页 共20页";

    #[test]
    fn every_glyph_draws_the_same_outline_and_the_font_is_smaller() {
        let cff = subset_cff(TEXT);
        let flat = flatten(&cff).expect("the embedded font flattens");
        let (before, after) = (outlines(&cff), outlines(&flat));
        assert!(before.len() > 60, "{} glyphs", before.len());
        assert_eq!(before.len(), after.len());
        // Glyphs draw something (all but the space), and the same after as before.
        let drawn = before.iter().filter(|p| !p.0.is_empty()).count();
        assert!(drawn + 2 >= before.len(), "{drawn} of {} draw", before.len());
        for (g, (b, a)) in before.iter().zip(&after).enumerate() {
            assert_eq!(b, a, "glyph {g}");
        }
        // No subroutines left: every charstring stands alone.
        let table = ReadScope::new(&flat)
            .read::<CFF<'_>>()
            .expect("the flat font reads");
        assert_eq!(table.global_subr_index.len(), 0);
        if let CFFVariant::CID(cid) = &table.fonts[0].data {
            assert!(cid.local_subr_indices.iter().flatten().all(|l| l.len() == 0));
        }
        let z = |b: &[u8]| {
            use std::io::Write;
            let mut e = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::best());
            e.write_all(b).expect("compress");
            e.finish().expect("compress").len()
        };
        assert!(z(&flat) < z(&cff) * 9 / 10, "{} → {}", z(&cff), z(&flat));
    }

    #[test]
    fn a_charstring_it_does_not_understand_leaves_the_font_alone() {
        let cff = small_cff();
        // Cut the table short: no longer a CFF table anyone can read.
        assert!(flatten(&cff[..cff.len() / 2]).is_err());
        let mut walk = Walk::new(None, None);
        // callsubr with no local subroutines; an arithmetic operator; a cut-short number.
        assert!(walk.run(&[139, 10, 14], 0).is_err());
        assert!(walk.run(&[139, 139, 12, 10, 14], 0).is_err());
        assert!(walk.run(&[28, 1], 0).is_err());
    }

    proptest! {
        #[test]
        fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
            let _ = flatten(&bytes);
            let mut walk = Walk::new(None, None);
            let _ = walk.run(&bytes, 0);
        }

        #[test]
        fn a_damaged_real_font_never_panics(damage in prop::collection::vec((any::<usize>(), any::<u8>()), 1..8)) {
            let mut cff = small_cff().to_vec();
            let len = cff.len();
            for (at, with) in damage {
                cff[at % len] = with;
            }
            let _ = flatten(&cff);
        }
    }
}
