//! Width-aware text for terminals: CJK characters take two columns, so truncation and padding
//! count display columns, not bytes or characters.

use unicode_width::UnicodeWidthChar;

use crate::case::text::shown_line;
use unicode_width::UnicodeWidthStr;

/// Display columns of `s`.
pub fn width(s: &str) -> usize {
    UnicodeWidthStr::width(s)
}

/// `s` on one line, cleaned for showing ([`shown_line`]), cut to at most `cols` columns with
/// `..` when cut.
pub fn fit(s: &str, cols: usize) -> String {
    let one_line = shown_line(s).into_owned();
    if width(&one_line) <= cols {
        return one_line;
    }
    let budget = cols.saturating_sub(2);
    let mut out = String::new();
    let mut used = 0;
    for c in one_line.chars() {
        let w = c.width().unwrap_or(0);
        if used + w > budget {
            break;
        }
        out.push(c);
        used += w;
    }
    out.push_str(&"..".chars().take(cols.min(2)).collect::<String>());
    out
}

/// `s` cut to `cols` columns and padded with spaces to exactly `cols`.
pub fn pad(s: &str, cols: usize) -> String {
    let f = fit(s, cols);
    let w = width(&f);
    format!("{f}{}", " ".repeat(cols.saturating_sub(w)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_columns_not_chars() {
        assert_eq!(width("银行客服ab"), 10);
        assert_eq!(fit("自称银行客服说我的卡被冻结", 10), "自称银行..");
        assert_eq!(pad("电话", 6), "电话  ");
        assert_eq!(width(&pad("自称银行客服说我的卡被冻结", 9)), 9);
    }
}
