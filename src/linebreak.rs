//! Line breaking for mixed Chinese and Latin text, shared by the PDF (measured in points with
//! the font's advances) and the terminal (measured in display columns).
//!
//! Break opportunities come from the Unicode line breaking algorithm (UAX #14, the
//! `unicode-linebreak` crate), tightened by the Chinese punctuation rules (避头尾): no line
//! starts with a closing mark such as ，。、；：？！）》」』 and no line ends with an opening
//! mark such as （《「『. Inside a web address or an email address a line breaks only after
//! "/", "?", "&" or "." and never at a "-", so the address reads back whole. A run with no
//! break opportunity at all is broken between any two characters (still not at a "-")
//! rather than overflowing.

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

/// [`wrap`] into at most `rows` lines (at least one): when the text needs more, the last line
/// holds the whole rest of it, wider than `width`, for the caller to cut with "…" — so a
/// cut is always marked, and the words on either side of a dropped break keep their space.
pub fn wrap_at_most(text: &str, width: f32, m: &impl Measure, rows: usize) -> Vec<String> {
    let mut lines = wrap(text, width, m);
    let keep = rows.max(1) - 1;
    if lines.len() <= keep + 1 {
        return lines;
    }
    let mut at = 0;
    for line in &lines[..keep] {
        at = text
            .get(at..)
            .and_then(|t| t.find(line.as_str()))
            .map_or(at, |i| at + i + line.len());
    }
    let rest = text.get(at..).unwrap_or_default().trim_start().replace('\n', " ");
    lines.truncate(keep);
    lines.push(rest);
    lines
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

/// Characters after which an address (URL, email) may break.
const ADDRESS_BREAK_AFTER: &str = "/?&.";

/// Byte ranges of the addresses in `para`: runs without spaces that hold "://", "@" or
/// start with "www.".
fn address_runs(para: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = None;
    let check = |s: usize, e: usize, out: &mut Vec<(usize, usize)>| {
        let run = &para[s..e];
        if run.contains("://") || run.contains('@') || run.starts_with("www.") {
            out.push((s, e));
        }
    };
    for (i, c) in para.char_indices() {
        let blank = c.is_whitespace() || (!c.is_ascii() && !c.is_alphanumeric()) || c > '\u{2E7F}';
        match (blank, start) {
            (true, Some(s)) => {
                check(s, i, &mut out);
                start = None;
            }
            (false, None) => start = Some(i),
            _ => {}
        }
    }
    if let Some(s) = start {
        check(s, para.len(), &mut out);
    }
    out
}

/// Where, inside the address `run`, its domain ends: an email address is all domain (and
/// name); a web address's host runs to the first "/" after "://" (or from the start for
/// "www."). A strict break never falls before this point.
fn domain_end(run: &str) -> usize {
    if !run.contains("://") && run.contains('@') {
        return run.len();
    }
    let host = run.find("://").map_or(0, |i| i + 3);
    run[host..].find('/').map_or(run.len(), |i| host + i)
}

/// How much of an address a line break keeps whole.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Keep {
    /// Email addresses and web domains, which an officer types back.
    Domains,
    /// Web domains, and an email address's domain (it may break after its "@").
    Names,
    /// Nothing: an address breaks after any "/", "?", "&" or ".".
    Nothing,
}

/// Allowed break positions (byte offsets) in `para`, after the punctuation rules and the
/// address rule, keeping what `keep` says whole.
fn break_points(para: &str, keep: Keep) -> Vec<usize> {
    let addresses = address_runs(para);
    let in_address = |i: usize| addresses.iter().any(|&(s, e)| i > s && i < e);
    let mut points: Vec<usize> = addresses
        .iter()
        .flat_map(|&(s, e)| {
            let run = &para[s..e];
            let whole = match keep {
                Keep::Domains | Keep::Names => s + domain_end(run),
                Keep::Nothing => s,
            };
            // An email address too wide for a line breaks after its "@", the domain whole.
            let at = (keep == Keep::Names && !run.contains("://"))
                .then(|| run.find('@').map(|i| s + i + 1))
                .flatten();
            para[s..e]
                .char_indices()
                .filter(|(_, c)| ADDRESS_BREAK_AFTER.contains(*c))
                .map(move |(i, c)| s + i + c.len_utf8())
                .filter(move |&i| i < e && i > whole)
                .chain(at)
        })
        .collect();
    points.extend(
        linebreaks(para)
            .filter(|&(i, op)| {
                if i >= para.len() || in_address(i) {
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
            .map(|(i, _)| i),
    );
    points.sort_unstable();
    points.dedup();
    points
}

fn wrap_paragraph(para: &str, width: f32, m: &impl Measure, out: &mut Vec<String>) {
    if para.is_empty() {
        out.push(String::new());
        return;
    }
    // Segments between break opportunities; each is kept whole when it fits. An email
    // address or a domain is kept whole too, unless it alone is wider than the line.
    let segments_of = |keep: Keep| {
        let mut segments = Vec::new();
        let mut start = 0;
        for b in break_points(para, keep) {
            segments.push(&para[start..b]);
            start = b;
        }
        segments.push(&para[start..]);
        segments
    };
    // The pieces kept whole: an address up to the end of its domain and the "/" after it;
    // else an email address's domain after its "@".
    let runs = address_runs(para);
    let fits = |piece: &str| m.width(piece) <= width;
    let keep = if runs.iter().all(|&(s, e)| {
        let run = &para[s..e];
        fits(&run[..(domain_end(run) + 1).min(run.len())])
    }) {
        Keep::Domains
    } else if runs.iter().all(|&(s, e)| {
        let run = &para[s..e];
        let domain = run.rfind('@').map_or(run, |i| &run[i + 1..]);
        fits(&domain[..(domain_end(domain) + 1).min(domain.len())])
    }) {
        Keep::Names
    } else {
        Keep::Nothing
    };
    let segments = segments_of(keep);

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
                let at_hyphen = c == '-' || line.ends_with('-');
                if line_w + w > width && !line.is_empty() && !no_start(c) && !at_hyphen {
                    out.push(line.trim_end().to_string());
                    line = String::new();
                    line_w = 0.0;
                }
                if c == ' ' && line.is_empty() {
                    // A line never starts with the space a break fell on.
                    continue;
                }
                line.push(c);
                line_w += w;
            }
        }
    }
    out.push(line.trim_end().to_string());
}

#[cfg(test)]
mod at_most_tests {
    use super::*;

    #[test]
    fn the_last_of_at_most_n_rows_holds_the_rest_with_its_spaces() {
        let rows = wrap_at_most("give the police the account 6222 0212", 16.0, &Columns, 2);
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0], "give the police");
        assert_eq!(rows[1], "the account 6222 0212");
        let zh = wrap_at_most("告诉警方对方收款账户 6222 0212 3456 7890", 20.0, &Columns, 2);
        assert_eq!(zh[0], "告诉警方对方收款账户");
        assert_eq!(zh[1], "6222 0212 3456 7890");
        assert_eq!(wrap_at_most("short", 16.0, &Columns, 2), vec!["short"]);
        assert_eq!(wrap_at_most("a b c d e", 1.0, &Columns, 0).len(), 1);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_break_only_after_slash_question_ampersand_or_dot() {
        for text in [
            "https://boc-verify.example-scam.top/login?from=sms&id=7",
            "打开 https://boc-verify.example-scam.top/a-b-c/login 后输入密码",
            "95588-fake@mail-bank.example.com",
        ] {
            for width in 8..40 {
                let lines = wrap(text, width as f32, &Columns);
                assert_eq!(lines.concat().replace(' ', ""), text.replace(' ', ""));
                for pair in lines.windows(2) {
                    let end = pair[0].chars().next_back();
                    let next = pair[1].chars().next();
                    assert!(end != Some('-') && next != Some('-'), "width {width}: {lines:?}");
                }
            }
        }
        // Where every piece fits, each line of an address ends after / ? & or .
        let url = "https://boc-verify.example-scam.top/login?from=sms&id=7";
        let lines = wrap(url, 16.0, &Columns);
        assert!(lines.len() > 2, "{lines:?}");
        for l in &lines[..lines.len() - 1] {
            assert!(l.ends_with(['/', '?', '&', '.']), "{lines:?}");
        }
    }

    #[test]
    fn an_email_address_or_a_domain_is_never_broken_when_it_fits_a_line() {
        let email = "95588-fake@mail-bank.example.com";
        let text = format!("邮件：{email}，冒充银行");
        for width in 33..60 {
            let lines = wrap(&text, width as f32, &Columns);
            assert!(
                lines.iter().any(|l| l.contains(email)),
                "width {width}: {lines:?}"
            );
        }
        // Too wide for a line, an email address breaks after its "@", the domain whole.
        for width in 21..32 {
            let lines = wrap(email, width as f32, &Columns);
            assert_eq!(lines, ["95588-fake@", "mail-bank.example.com"], "width {width}");
        }
        let url = "网页：https://verify-icbc.example.cn/login?from=sms&id=7";
        for width in 32..50 {
            let lines = wrap(url, width as f32, &Columns);
            assert!(
                lines.iter().any(|l| l.contains("verify-icbc.example.cn")),
                "width {width}: {lines:?}"
            );
        }
    }

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

#[cfg(test)]
mod props {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(3000))]
        /// Only spaces at line edges are dropped: the terminal wrapper relies on it.
        #[test]
        fn only_edge_spaces_are_dropped(text in "[a-c@/?&.: \\-一，。（）w]{0,40}", width in 1u16..30) {
            let lines = wrap(&text, f32::from(width), &Columns);
            // Walk the text as the terminal wrapper does: skip spaces before a line, then
            // every character of the line must come next.
            let mut source = text.chars().peekable();
            for line in &lines {
                while source.peek() == Some(&' ') && !line.starts_with(' ') {
                    source.next();
                }
                for want in line.chars() {
                    prop_assert_eq!(source.next(), Some(want), "{:?}", lines);
                }
            }
            prop_assert!(source.all(|c| c == ' '), "{:?}", lines);
        }
    }
}
