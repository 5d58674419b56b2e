//! Line breaking for mixed Chinese and Latin text, shared by the PDF (measured in points with
//! the font's advances) and the terminal (measured in display columns).
//!
//! Break opportunities come from the Unicode line breaking algorithm (UAX #14, the
//! `unicode-linebreak` crate), tightened by the Chinese punctuation rules (避头尾): no line
//! starts with a closing mark such as ，。、；：？！）》」』 and no line ends with an opening
//! mark such as （《「『. A run with no break opportunity at all (a long URL) is broken
//! between any two characters rather than overflowing.

use unicode_linebreak::{BreakOpportunity, linebreaks};

/// Characters a line must not start with (closing punctuation, full and half width).
const NO_LINE_START: &str = "，。、；：？！）》」』〉】〕〗〙〛’”…‥·・〜～%‰,.;:?!)]}";
/// Characters a line must not end with (opening punctuation).
const NO_LINE_END: &str = "（《「『〈【〔〖〘〚‘“([{";

/// True for a character no line may start with.
pub fn no_start(c: char) -> bool {
    NO_LINE_START.contains(c)
}

/// True for a character no line may end with.
pub fn no_end(c: char) -> bool {
    NO_LINE_END.contains(c)
}

/// How wide text is, in whatever unit the caller lays out in.
pub trait Measure {
    /// The width of a string.
    fn width(&self, s: &str) -> f32;
    /// The width of one character.
    fn advance(&self, c: char) -> f32;
}

/// Display columns of a terminal: CJK characters take two.
pub struct Columns;

impl Measure for Columns {
    fn width(&self, s: &str) -> f32 {
        unicode_width::UnicodeWidthStr::width(s) as f32
    }
    fn advance(&self, c: char) -> f32 {
        unicode_width::UnicodeWidthChar::width(c).unwrap_or(0) as f32
    }
}

/// Breaks `text` into lines no wider than `width`. `\n` starts a new line; spaces at a line
/// end are dropped. Always returns at least one (maybe empty) line.
pub fn wrap(text: &str, width: f32, m: &impl Measure) -> Vec<String> {
    let mut lines = Vec::new();
    for paragraph in text.split('\n') {
        wrap_paragraph(paragraph, width, m, &mut lines);
    }
    if lines.is_empty() {
        lines.push(String::new());
    }
    lines
}

/// Allowed break positions (byte offsets) in `para`, after the punctuation rules.
fn break_points(para: &str) -> Vec<usize> {
    linebreaks(para)
        .filter(|&(i, op)| {
            if i >= para.len() {
                return false;
            }
            match op {
                BreakOpportunity::Mandatory | BreakOpportunity::Allowed => {
                    let before = para[..i].chars().next_back();
                    let after = para[i..].chars().next();
                    !(after.is_some_and(no_start) || before.is_some_and(no_end))
                }
            }
        })
        .map(|(i, _)| i)
        .collect()
}

fn wrap_paragraph(para: &str, width: f32, m: &impl Measure, out: &mut Vec<String>) {
    if para.is_empty() {
        out.push(String::new());
        return;
    }
    // Segments between break opportunities; each is kept whole when it fits.
    let mut segments = Vec::new();
    let mut start = 0;
    for b in break_points(para) {
        segments.push(&para[start..b]);
        start = b;
    }
    segments.push(&para[start..]);

    let mut line = String::new();
    let mut line_w = 0.0f32;
    for seg in segments {
        let seg_w = m.width(seg);
        let trimmed_w = m.width(seg.trim_end());
        if line_w + trimmed_w <= width {
            line.push_str(seg);
            line_w += seg_w;
            continue;
        }
        if !line.is_empty() {
            out.push(line.trim_end().to_string());
            line = String::new();
            line_w = 0.0;
        }
        let seg_body = seg.trim_start_matches(' ');
        if m.width(seg_body.trim_end()) <= width {
            line.push_str(seg_body);
            line_w = m.width(seg_body);
        } else {
            // No break opportunity inside: break between characters, keeping closing
            // punctuation off the start of a line.
            for c in seg_body.chars() {
                let w = m.advance(c);
                if line_w + w > width && !line.is_empty() && !no_start(c) {
                    out.push(line.trim_end().to_string());
                    line = String::new();
                    line_w = 0.0;
                }
                line.push(c);
                line_w += w;
            }
        }
    }
    out.push(line.trim_end().to_string());
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terminal_lines_keep_punctuation_rules() {
        let text = "报案时带上证据，讲清楚“报案七要素”：时间、地点、受害人、事情性质、起因、后果、联系方式。";
        for width in 6..40 {
            for line in wrap(text, width as f32, &Columns) {
                assert!(
                    Columns.width(&line) <= width as f32 || line.chars().count() == 1,
                    "{line}"
                );
                assert!(!line.starts_with(no_start), "width {width}: {line}");
                assert!(!line.ends_with(no_end), "width {width}: {line}");
            }
        }
    }
}
