//! Line breaking for mixed Chinese/Latin text: where a line may end, measured with the
//! font's real advance widths.
//!
//! Break opportunities come from the Unicode line breaking algorithm (UAX #14, the
//! `unicode-linebreak` crate), tightened by the Chinese punctuation rules (避头尾): no line
//! starts with a closing mark such as ，。、；：？！）》」』 and no line ends with an opening
//! mark such as （《「『. A run with no break opportunity at all (a long URL) is broken
//! between any two characters rather than overflowing the margin. A 64-hex SHA-256 is not
//! wrapped here: the caller sets it on a line of its own with [`fit_size`], so copying it
//! gives the exact string.

use unicode_linebreak::{BreakOpportunity, linebreaks};

use super::font::Metrics;

/// Characters a line must not start with (closing punctuation, full and half width).
const NO_LINE_START: &str = "，。、；：？！）》」』〉】〕〗〙〛’”…‥·・〜～%‰,.;:?!)]}";
/// Characters a line must not end with (opening punctuation).
const NO_LINE_END: &str = "（《「『〈【〔〖〘〚‘“([{";

fn no_start(c: char) -> bool {
    NO_LINE_START.contains(c)
}

fn no_end(c: char) -> bool {
    NO_LINE_END.contains(c)
}

/// Replace what must never reach the page: tabs become spaces, control and bidi-override
/// characters are dropped, line endings become `\n`.
pub fn clean(text: &str) -> String {
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    text.chars()
        .filter_map(|c| match c {
            '\t' => Some(' '),
            '\n' => Some('\n'),
            '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' => None,
            c if c.is_control() => None,
            c => Some(c),
        })
        .collect()
}

/// Break `text` into lines no wider than `width` points at `size` points. `\n` starts a new
/// line; spaces at a line end are dropped. Always returns at least one (maybe empty) line.
pub fn wrap(text: &str, width: f32, size: f32, metrics: &Metrics<'_>) -> Vec<String> {
    let text = clean(text);
    let mut lines = Vec::new();
    for paragraph in text.split('\n') {
        wrap_paragraph(paragraph, width, size, metrics, &mut lines);
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

fn wrap_paragraph(para: &str, width: f32, size: f32, metrics: &Metrics<'_>, out: &mut Vec<String>) {
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
        let seg_w = metrics.width(seg, size);
        let trimmed_w = metrics.width(seg.trim_end(), size);
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
        if metrics.width(seg_body.trim_end(), size) <= width {
            line.push_str(seg_body);
            line_w = metrics.width(seg_body, size);
        } else {
            // No break opportunity inside: break between characters, keeping closing
            // punctuation off the start of a line.
            for c in seg_body.chars() {
                let w = metrics.advance(c, size);
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

/// The largest size not above `max` at which `text` fits on one line of `width` points
/// (never below `min`; at `min` it may still overflow, which the caller then wraps).
pub fn fit_size(text: &str, width: f32, max: f32, min: f32, metrics: &Metrics<'_>) -> f32 {
    let at_one = metrics.width(text, 1.0);
    if at_one <= 0.0 {
        return max;
    }
    // Round down to a tenth of a point so the output does not depend on float noise.
    let size = ((width / at_one) * 10.0).floor() / 10.0;
    size.clamp(min, max)
}

/// Whether `s` is a 64-character lowercase or uppercase hex string (a SHA-256).
pub fn is_sha256(s: &str) -> bool {
    s.len() == 64 && s.bytes().all(|b| b.is_ascii_hexdigit())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pdf::font::FontFace;

    fn lines(text: &str, width: f32) -> Vec<String> {
        let face = FontFace::embedded().ok();
        let Some(face) = face else {
            return Vec::new();
        };
        wrap(text, width, 10.0, &face.metrics())
    }

    #[test]
    fn no_line_starts_with_closing_or_ends_with_opening_punctuation() {
        let text = "他们知道我的姓名，身份证号码。还有住址（北京市朝阳区某某路）、工作单位《某公司》。";
        for width in [30.0, 40.0, 50.0, 60.0, 70.0, 80.0, 95.0, 110.0] {
            let ls = lines(text, width);
            assert_eq!(ls.concat(), text, "no text lost at width {width}");
            for l in &ls {
                let first = l.chars().next();
                let last = l.chars().next_back();
                assert!(!first.is_some_and(no_start), "{l:?} starts with closing mark");
                assert!(!last.is_some_and(no_end), "{l:?} ends with opening mark");
            }
        }
    }

    #[test]
    fn lines_fit_and_long_runs_break_anywhere() {
        let url = "https://example.com/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
        let ls = lines(url, 60.0);
        assert!(ls.len() > 2);
        assert_eq!(ls.concat(), url);
        let face = FontFace::embedded().ok();
        if let Some(face) = face {
            let m = face.metrics();
            for l in &ls {
                assert!(m.width(l, 10.0) <= 60.0 + 0.01);
            }
        }
    }

    #[test]
    fn latin_words_stay_whole_and_newlines_are_kept() {
        let ls = lines("call from Bank Service\n第二行", 60.0);
        assert!(ls.iter().all(|l| !l.starts_with(' ')));
        assert!(ls.contains(&"第二行".to_string()));
        assert!(ls.iter().any(|l| l.contains("Service")));
    }

    #[test]
    fn hash_fits_on_one_line() {
        let face = FontFace::embedded().ok();
        let Some(face) = face else { return };
        let m = face.metrics();
        let h = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
        assert!(is_sha256(h));
        let size = fit_size(h, 300.0, 9.0, 4.0, &m);
        assert!(m.width(h, size) <= 300.0);
        assert!(size > 6.0);
    }

    #[test]
    fn control_and_bidi_characters_are_dropped() {
        assert_eq!(clean("a\u{202E}b\tc\r\nd\u{7}"), "ab c\nd");
    }
}
