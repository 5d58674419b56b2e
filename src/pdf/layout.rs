//! Line breaking on the page: the shared breaker ([`crate::linebreak`], with the Chinese
//! punctuation rules) measured with the font's real advance widths. A 64-hex SHA-256 is not
//! wrapped here: the caller sets it on a line of its own with [`fit_size`], so copying it
//! gives the exact string.

use super::font::Metrics;

use crate::linebreak::Measure;

/// The font's advances at one size, as a [`Measure`] for the shared line breaker.
struct Sized<'a, 'm> {
    metrics: &'a Metrics<'m>,
    size: f32,
}

impl Measure for Sized<'_, '_> {
    fn width(&self, s: &str) -> f32 {
        self.metrics.width(s, self.size)
    }
    fn advance(&self, c: char) -> f32 {
        self.metrics.advance(c, self.size)
    }
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
    crate::linebreak::wrap(&clean(text), width, &Sized { metrics, size })
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
    use crate::linebreak::{no_end, no_start};
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
