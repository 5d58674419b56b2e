//! Reading the cells of a bill: header names matched loosely (spaces, full-width brackets),
//! amounts as the bills write them, times in their several forms, name and account in one
//! cell.

use jiff::civil::{Date, DateTime, Time};

/// A header row, its names normalised for matching.
pub struct Header {
    names: Vec<String>,
}

/// A header name without spaces, with ASCII brackets.
fn normal(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_whitespace() && *c != '\u{3000}')
        .map(|c| match c {
            '（' => '(',
            '）' => ')',
            c => c,
        })
        .collect()
}

impl Header {
    /// The row's cells as a header.
    pub fn new(cells: &[String]) -> Header {
        Header {
            names: cells.iter().map(|c| normal(c)).collect(),
        }
    }

    /// The column named `name` exactly.
    pub fn at(&self, name: &str) -> Option<usize> {
        let want = normal(name);
        self.names.iter().position(|n| *n == want)
    }

    /// The first of `names` present.
    pub fn any(&self, names: &[&str]) -> Option<usize> {
        names.iter().find_map(|n| self.at(n))
    }

    /// Whether every one of `names` is present.
    pub fn has(&self, names: &[&str]) -> bool {
        names.iter().all(|n| self.at(n).is_some())
    }
}

/// An amount in fen, signed: `¥1,234.56`, `-2,600.00`, `+10000.00`, `１２.５０元`.
pub fn parse_amount(s: &str) -> Option<i64> {
    let t: String = crate::text::halfwidth::to_halfwidth(s)
        .chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, ',' | '¥' | '￥' | '元'))
        .collect();
    let (negative, digits) = match t.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, t.strip_prefix('+').unwrap_or(&t)),
    };
    let digits = digits.trim_start_matches(['¥', '￥']);
    let fen = crate::money::Fen::parse_yuan(digits)?.0;
    let fen = i64::try_from(fen).ok()?;
    Some(if negative { -fen } else { fen })
}

/// A date as the bills write it: `2024-03-05`, `2024/3/5`, `20240305`.
fn date(s: &str) -> Option<Date> {
    let s = s.trim();
    if s.len() == 8 && s.bytes().all(|b| b.is_ascii_digit()) {
        return Date::strptime("%Y%m%d", s).ok();
    }
    let parts: Vec<&str> = s.split(['-', '/', '.']).collect();
    let [y, m, d] = parts.as_slice() else {
        return None;
    };
    Date::new(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?).ok()
}

/// A time of day: `14:05`, `14:05:09`, `140509`.
fn clock(s: &str) -> Option<Time> {
    let s = s.trim();
    if s.len() == 6 && s.bytes().all(|b| b.is_ascii_digit()) {
        return Time::strptime("%H%M%S", s).ok();
    }
    let parts: Vec<&str> = s.split(':').collect();
    match parts.as_slice() {
        [h, m] => Time::new(h.parse().ok()?, m.parse().ok()?, 0, 0).ok(),
        [h, m, sec] => Time::new(h.parse().ok()?, m.parse().ok()?, sec.parse().ok()?, 0).ok(),
        _ => None,
    }
}

/// When a row happened, from its time cell (date, or date and time) and, when the bill
/// keeps it apart, its clock cell; with whether the time of day is known.
pub fn parse_time(cell: &str, clock_cell: &str) -> Option<(DateTime, bool)> {
    let cell = cell.trim();
    let (d, t) = match cell.split_once([' ', 'T']) {
        Some((d, t)) => (d, Some(t.trim())),
        None => (cell, None),
    };
    let d = date(d)?;
    let t = t.and_then(clock).or_else(|| clock(clock_cell));
    Some(match t {
        Some(t) => (d.to_datetime(t), true),
        None => (d.to_datetime(Time::midnight()), false),
    })
}

/// Name and account written in one cell: `张三 6222021234567890`, `6222****1234/张三`,
/// `北京住房公积金管理中心1111111111`. The account is the run of digits (with `*` masks) of
/// at least 8 characters; the rest is the name.
pub fn split_party(s: &str) -> (String, String) {
    let s = s.trim();
    if s.chars().all(|c| matches!(c, '-' | '/')) {
        return (String::new(), String::new());
    }
    let is_acct = |c: char| c.is_ascii_digit() || c == '*';
    let mut best: Option<(usize, usize)> = None;
    let mut start = None;
    for (i, c) in s.char_indices().chain(std::iter::once((s.len(), ' '))) {
        match (is_acct(c), start) {
            (true, None) => start = Some(i),
            (false, Some(b)) => {
                let len = s[b..i].chars().count();
                if len >= 8 && best.is_none_or(|(x, y)| y - x < i - b) {
                    best = Some((b, i));
                }
                start = None;
            }
            _ => {}
        }
    }
    match best {
        Some((b, e)) => {
            let name = format!("{}{}", &s[..b], &s[e..]);
            let name = name.trim_matches(|c: char| c.is_whitespace() || matches!(c, '/' | '-' | '|'));
            (name.to_string(), s[b..e].to_string())
        }
        None => (s.to_string(), String::new()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_as_bills_write_them() {
        assert_eq!(parse_amount("¥1,234.56"), Some(123_456));
        assert_eq!(parse_amount("\"-2,600.00\""), None);
        assert_eq!(parse_amount("-2,600.00"), Some(-260_000));
        assert_eq!(parse_amount("+10000.00"), Some(1_000_000));
        assert_eq!(parse_amount("-¥50"), Some(-5_000));
        assert_eq!(parse_amount("１２.５０元"), Some(1_250));
        assert_eq!(parse_amount("十二元"), None);
    }

    #[test]
    fn times_in_their_forms() {
        let (at, known) = parse_time("2024/3/5 9:07", "").expect("time");
        assert_eq!((at.to_string().as_str(), known), ("2024-03-05T09:07:00", true));
        let (at, known) = parse_time("20240101", "123456").expect("time");
        assert_eq!((at.to_string().as_str(), known), ("2024-01-01T12:34:56", true));
        let (_, known) = parse_time("2023-05-02", "").expect("date");
        assert!(!known);
        assert_eq!(parse_time("人民币合计", ""), None);
    }

    #[test]
    fn name_and_account_in_one_cell() {
        assert_eq!(
            split_party("张三 6222021234567890"),
            ("张三".to_string(), "6222021234567890".to_string())
        );
        assert_eq!(
            split_party("6222********1234/李四"),
            ("李四".to_string(), "6222********1234".to_string())
        );
        assert_eq!(split_party("哈哈"), ("哈哈".to_string(), String::new()));
        assert_eq!(split_party("--"), (String::new(), String::new()));
    }
}
