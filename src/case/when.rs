//! Reading the time the user gives for when something happened (the wizard's time fields and
//! the command line's `--at` share it).

use jiff::civil::{Date, DateTime, Time};
use jiff::{SignedDuration, ZonedDateTime};

use crate::moment::{Moment, Range, check_range};
use crate::text::halfwidth::to_halfwidth;

/// A time the user typed that could not be understood, or that lies in the future.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum WhenError {
    /// No accepted form matched.
    #[error("cannot read the time {0:?}")]
    Unreadable(String),
    /// The time is later than now.
    #[error("the time {0:?} is in the future")]
    Future(String),
    /// The time is before 1970-01-01.
    #[error("the time {0:?} is before 1970")]
    TooEarly(String),
    /// The time names a UTC offset no place uses (outside −12:00 … +14:00).
    #[error("the time {0:?} has an offset that does not exist")]
    BadOffset(String),
    /// A day without a time of day: the packet would print 00:00 as if it were known, so the
    /// user is asked for the time, roughly.
    #[error("the time {0:?} names a day but no time of day")]
    DateOnly(String),
}

/// Something the reading assumed because the user left it out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Assumed {
    /// A bare time later than now (`14:05` typed at 13:45): it was yesterday.
    Yesterday,
    /// A month and day later than today without a year: it was last year.
    LastYear,
}

/// A time read from what the user typed, with what was assumed about it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ReadTime {
    /// The moment.
    pub moment: Moment,
    /// What the reading had to assume, to say so on screen.
    pub assumed: Option<Assumed>,
}

/// Parses a time relative to `now` (see [`read_when`]); only the moment.
pub fn parse_when(input: &str, now: &ZonedDateTime) -> Result<Moment, WhenError> {
    read_when(input, now).map(|r| r.moment)
}

/// Like [`parse_when`], for the records of steps 2–4 (a letter posted, a call to a lawyer),
/// where the day is what counts: a day without a time is the start of that day.
pub fn parse_day_or_when(input: &str, now: &ZonedDateTime) -> Result<Moment, WhenError> {
    match parse_when(input, now) {
        Err(WhenError::DateOnly(day)) => {
            parse_when(&format!("{day} 00:00"), now).map_err(|_| WhenError::DateOnly(day))
        }
        other => other,
    }
}

/// Parses a time relative to `now`: RFC 3339 with offset (`2026-11-29T14:05:00+08:00`),
/// a local date and time (`2026-11-29 14:05`, seconds optional, `/` or `-` in the date), the
/// forms people write and say (`今天 14:05`, `昨天 14:05`, `前天 9:30`, `11月29日 14:05`,
/// `2026年11月29日 14:05`, `11.29 14:05`, `11/29 14:05`, `14点05分`, `下午2点`, `昨晚8点`,
/// `上午10点半`, `11月29日下午两点`), a time of today (`14:05`, `下午2点`; later than now
/// means yesterday), now (`刚才`, `刚刚`, `现在`), or a time ago (`-10m`, `-2h`, `-3d`,
/// `-45s`, also `10m`, `10分钟前`, `十分钟前`, `两小时前`, `半小时前`, `一个半小时前`).
/// Full-width digits and colons (`１４：０５`) read as their ASCII forms. A day without a
/// time of day (`昨天`, `11月29日`, `2026-11-29`) is refused ([`WhenError::DateOnly`]):
/// the record would otherwise state 00:00 as fact.
pub fn read_when(input: &str, now: &ZonedDateTime) -> Result<ReadTime, WhenError> {
    let folded = to_halfwidth(input);
    let s = folded.trim();
    let unreadable = || WhenError::Unreadable(input.trim().to_string());
    let tz = now.time_zone().clone();
    let zoned = |dt: DateTime| dt.to_zoned_datetime(tz.clone()).map(|z| Moment::from_zoned(&z));
    let later_than_now = |m: &Moment| {
        m.timestamp().as_second() > now.timestamp().as_second() + crate::moment::FUTURE_SLACK_SECONDS
    };
    let date_only = || WhenError::DateOnly(input.trim().to_string());
    let mut assumed = None;
    let moment = if is_now(s) {
        Moment::from_zoned(now)
    } else if let Some(ago) = parse_ago(s) {
        let z = now
            .checked_sub(ago)
            .map_err(|_| WhenError::TooEarly(s.to_string()))?;
        Moment::from_zoned(&z)
    } else if let Some(m) = parse_moment(s)? {
        m
    } else if let Ok(ts) = s.parse::<jiff::Timestamp>() {
        Moment::from_zoned(&ts.to_zoned_datetime(tz.clone()))
    } else if let Some(local) = parse_local_datetime(s) {
        match local {
            Some(dt) => zoned(dt).map_err(|_| unreadable())?,
            None => return Err(date_only()),
        }
    } else if let Some((back, period, rest)) = relative_day(s) {
        let (time, next_day) = match (period, rest.is_empty()) {
            (None, true) => return Err(date_only()),
            (Some(_), true) => return Err(unreadable()),
            (_, false) => time_of_day(period, rest).ok_or_else(unreadable)?,
        };
        let day = now
            .date()
            .checked_sub(jiff::Span::new().days(back - i64::from(next_day)))
            .map_err(|_| unreadable())?;
        zoned(day.to_datetime(time)).map_err(|_| unreadable())?
    } else if let Some((year, month, day, rest)) = chinese_date(s).or_else(|| short_date(s)) {
        if rest.is_empty() {
            let year = year.unwrap_or(now.date().year());
            return Err(match Date::new(year, month, day) {
                Ok(_) => date_only(),
                Err(_) => unreadable(),
            });
        }
        let (time, next_day) = time_of_day(None, rest).ok_or_else(unreadable)?;
        let at = |y: i16| {
            Date::new(y, month, day)
                .ok()
                .and_then(|d| if next_day { d.tomorrow().ok() } else { Some(d) })
                .and_then(|d| zoned(d.to_datetime(time)).ok())
        };
        match year {
            Some(y) => at(y).ok_or_else(unreadable)?,
            None => {
                let this_year = at(now.date().year()).ok_or_else(unreadable)?;
                if later_than_now(&this_year) {
                    assumed = Some(Assumed::LastYear);
                    at(now.date().year() - 1).ok_or_else(unreadable)?
                } else {
                    this_year
                }
            }
        }
    } else if let Some((t, next_day)) = time_of_day(None, s) {
        let on = |back: i64| {
            now.date()
                .checked_sub(jiff::Span::new().days(back - i64::from(next_day)))
                .ok()
                .and_then(|d| zoned(d.to_datetime(t)).ok())
        };
        let today = on(0).ok_or_else(unreadable)?;
        if later_than_now(&today) {
            assumed = Some(Assumed::Yesterday);
            on(1).ok_or_else(unreadable)?
        } else {
            today
        }
    } else {
        return Err(unreadable());
    };
    check_range(&moment, now).map_err(|e| match e {
        Range::Future => WhenError::Future(input.trim().to_string()),
        Range::TooEarly => WhenError::TooEarly(input.trim().to_string()),
    })?;
    Ok(ReadTime { moment, assumed })
}

/// Reads a calendar date as people write it: `2026-11-29`, `2026/11/29`, `2026年11月29日`
/// (also with `号`), full-width digits. `None` when it is not one.
pub fn parse_date(input: &str) -> Option<Date> {
    let folded = to_halfwidth(input);
    let s = folded.trim();
    if let Ok(d) = Date::strptime("%Y-%m-%d", s.replace('/', "-")) {
        return Some(d);
    }
    match chinese_date(s)? {
        (Some(y), m, d, "") => Date::new(y, m, d).ok(),
        _ => None,
    }
}

/// `刚才`, `刚刚`, `现在`: the moment of the key press.
fn is_now(s: &str) -> bool {
    matches!(s, "刚才" | "刚刚" | "现在" | "就在刚才" | "now" | "just now")
}

/// `今天` / `昨天` / `前天` at the start, or a word that also names the part of the day
/// (`昨晚`, `今早`): how many days back, that part of the day, and the rest.
fn relative_day(s: &str) -> Option<(i64, Option<Period>, &str)> {
    const WORDS: [(&str, i64, Option<Period>); 13] = [
        ("今天", 0, None),
        ("今日", 0, None),
        ("昨天", 1, None),
        ("昨日", 1, None),
        ("前天", 2, None),
        ("今早", 0, Some(Period::Morning)),
        ("今晨", 0, Some(Period::Morning)),
        ("今晚", 0, Some(Period::Evening)),
        ("昨早", 1, Some(Period::Morning)),
        ("昨晚", 1, Some(Period::Evening)),
        ("昨夜", 1, Some(Period::Night)),
        ("前晚", 2, Some(Period::Evening)),
        ("前夜", 2, Some(Period::Night)),
    ];
    WORDS
        .iter()
        .find_map(|(word, back, period)| s.strip_prefix(word).map(|rest| (*back, *period, rest.trim())))
}

/// Reads the leading digits of `s` and the text after them.
fn number(s: &str) -> Option<(i64, &str)> {
    let end = s.find(|c: char| !c.is_ascii_digit()).unwrap_or(s.len());
    if end == 0 || end > 4 {
        return None;
    }
    Some((s[..end].parse().ok()?, &s[end..]))
}

/// Reads a number at the start of `s` written in digits or in Chinese numerals up to 99
/// (`两`, `十`, `十五`, `二十三`), and the text after it.
fn spoken_number(s: &str) -> Option<(i64, &str)> {
    if let Some(n) = number(s) {
        return Some(n);
    }
    let digit = |c: char| {
        "零一二三四五六七八九"
            .chars()
            .position(|d| d == c)
            .map(|p| p as i64)
    };
    let mut value = 0i64;
    let mut unit_seen = false;
    let mut pending: Option<i64> = None;
    let mut used = 0;
    for c in s.chars() {
        if let Some(d) = digit(c).or((c == '两' || c == '〇').then_some(if c == '两' { 2 } else { 0 })) {
            if pending.is_some() {
                return None;
            }
            pending = Some(d);
        } else if c == '十' && !unit_seen {
            value = pending.take().unwrap_or(1) * 10;
            unit_seen = true;
        } else {
            break;
        }
        used += c.len_utf8();
    }
    if used == 0 {
        return None;
    }
    Some((value + pending.unwrap_or(0), &s[used..]))
}

/// A part of the day said before a time on a 12-hour clock (`下午2点`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Period {
    /// 凌晨: 0–6.
    Dawn,
    /// 早上, 上午: as written.
    Morning,
    /// 中午: 11–13.
    Noon,
    /// 下午, 傍晚: after noon.
    Afternoon,
    /// 晚上: after noon; 晚上12点 is midnight, the next day.
    Evening,
    /// 夜里, 半夜, 深夜: the small hours, or late evening.
    Night,
}

/// The part of the day at the start of `s`, and the rest.
fn period(s: &str) -> (Option<Period>, &str) {
    const WORDS: [(&str, Period); 13] = [
        ("凌晨", Period::Dawn),
        ("早上", Period::Morning),
        ("早晨", Period::Morning),
        ("清早", Period::Morning),
        ("上午", Period::Morning),
        ("中午", Period::Noon),
        ("下午", Period::Afternoon),
        ("傍晚", Period::Afternoon),
        ("晚上", Period::Evening),
        ("夜里", Period::Night),
        ("夜间", Period::Night),
        ("半夜", Period::Night),
        ("深夜", Period::Night),
    ];
    WORDS
        .iter()
        .find_map(|(w, p)| s.strip_prefix(w).map(|rest| (Some(*p), rest.trim_start())))
        .unwrap_or((None, s))
}

/// The time of day `s` says, with a part of the day already read (`昨晚`) or at its start
/// (`下午2点半`), and whether it falls on the next calendar day (`晚上12点`).
fn time_of_day(known: Option<Period>, s: &str) -> Option<(Time, bool)> {
    let (said, rest) = period(s.trim());
    let part = match (known, said) {
        (Some(_), Some(_)) => return None,
        (k, s) => k.or(s),
    };
    let t = parse_time(rest)?;
    let Some(part) = part else {
        return Some((t, false));
    };
    let (h, m) = (t.hour(), t.minute());
    let hour = match part {
        Period::Dawn => match h {
            12 => 0,
            0..=6 => h,
            _ => return None,
        },
        Period::Morning => match h {
            0..=12 => h,
            _ => return None,
        },
        Period::Noon => match h {
            11 | 12 => h,
            1..=2 => h + 12,
            13..=14 => h,
            _ => return None,
        },
        Period::Afternoon => match h {
            1..=11 => h + 12,
            12..=23 => h,
            _ => return None,
        },
        Period::Evening => match h {
            12 if m == 0 => return Some((Time::midnight(), true)),
            5..=11 => h + 12,
            17..=23 => h,
            _ => return None,
        },
        Period::Night => match h {
            12 => 0,
            0..=5 => h,
            6..=11 => h + 12,
            18..=23 => h,
            _ => return None,
        },
    };
    Some((Time::new(hour, m, 0, 0).ok()?, false))
}

/// `M.D`, `M/D` or `M-D` (no year) at the start, then a space: the month, day and the rest.
fn short_date(s: &str) -> Option<(Option<i16>, i8, i8, &str)> {
    let (month, rest) = number(s)?;
    let rest = rest.strip_prefix(['.', '/', '-'])?;
    let (day, rest) = number(rest)?;
    if !(rest.is_empty() || rest.starts_with(char::is_whitespace)) {
        return None;
    }
    Some((
        None,
        i8::try_from(month).ok()?,
        i8::try_from(day).ok()?,
        rest.trim(),
    ))
}

/// `[YYYY年]M月D日|号` at the start: the year if written, month, day, and the rest.
fn chinese_date(s: &str) -> Option<(Option<i16>, i8, i8, &str)> {
    let (first, rest) = number(s)?;
    let (year, rest) = match rest.strip_prefix('年') {
        Some(after) => (Some(i16::try_from(first).ok()?), after.trim_start()),
        None => (None, s),
    };
    let (month, rest) = number(rest)?;
    let rest = rest.strip_prefix('月')?.trim_start();
    let (day, rest) = number(rest)?;
    let rest = rest.strip_prefix(['日', '号'])?.trim();
    Some((year, i8::try_from(month).ok()?, i8::try_from(day).ok()?, rest))
}

/// An RFC 3339 time with its offset; an offset no place uses is refused, any other text
/// is not this form (`None`).
fn parse_moment(s: &str) -> Result<Option<Moment>, WhenError> {
    match s.parse::<Moment>() {
        Ok(m) => Ok(Some(m)),
        Err(crate::moment::MomentError::Offset(_)) => Err(WhenError::BadOffset(s.to_string())),
        Err(_) => {
            // Other spellings jiff reads (`…T14:05+25:00`, `…Z`): check the offset too.
            match jiff::fmt::temporal::Pieces::parse(s) {
                Ok(p) => match p.offset() {
                    Some(jiff::fmt::temporal::PiecesOffset::Numeric(n))
                        if !crate::moment::is_real_offset(n.offset()) =>
                    {
                        Err(WhenError::BadOffset(s.to_string()))
                    }
                    _ => Ok(None),
                },
                Err(_) => Ok(None),
            }
        }
    }
}

/// A time ago: `-10m`, `10m`, `10分钟前`, `十分钟前`, `两个小时前`, `半小时前`,
/// `一个半小时前`, `3天以前`.
fn parse_ago(s: &str) -> Option<SignedDuration> {
    let signed = s.strip_prefix('-');
    let body = signed.unwrap_or(s);
    let (body, ago) = ["以前", "之前", "前"]
        .iter()
        .find_map(|w| body.strip_suffix(w).map(|b| (b.trim(), true)))
        .unwrap_or((body.trim(), false));
    // Half units count in half-seconds of the unit: 半小时 = 0.5 h, 一个半小时 = 1.5 h.
    let (halves, unit) = if let Some(rest) = body.strip_prefix('半') {
        (1, rest)
    } else {
        let end = body.find(|c: char| !c.is_ascii_digit()).unwrap_or(body.len());
        let (n, rest) = if end > 0 {
            (body[..end].parse().ok()?, &body[end..])
        } else if ago || signed.is_some() {
            spoken_number(body)?
        } else {
            return None;
        };
        let rest = rest.strip_prefix('个').unwrap_or(rest);
        match rest.strip_prefix('半') {
            Some(after) => (n.checked_mul(2)?.checked_add(1)?, after),
            None => (n.checked_mul(2)?, rest),
        }
    };
    let unit = unit.trim();
    let unit = unit.strip_prefix('个').unwrap_or(unit);
    let ascii = matches!(unit, "s" | "sec" | "m" | "min" | "h" | "hour" | "d" | "day");
    // A bare Chinese count with no 前 (`十分钟`) is not a time; ASCII `10m` is.
    if !(ago || signed.is_some() || ascii) {
        return None;
    }
    let unit_secs: i64 = match unit {
        "s" | "sec" | "秒" | "秒钟" => 1,
        "m" | "min" | "分" | "分钟" => 60,
        "h" | "hour" | "小时" | "钟头" => 3600,
        "d" | "day" | "天" | "日" => 86_400,
        _ => return None,
    };
    let secs = halves.checked_mul(unit_secs)? / 2;
    Some(SignedDuration::from_secs(secs))
}

/// `14:05`, `14:05:30`, `14点`, `14点05分`, `14点05`, `两点`, `十点半`, `2点一刻`,
/// `3点钟`.
fn parse_time(s: &str) -> Option<Time> {
    let s = s.trim().replace('：', ":");
    if let Some(t) = ["%H:%M:%S", "%H:%M"]
        .iter()
        .find_map(|f| Time::strptime(f, &s).ok())
    {
        return Some(t);
    }
    let (hour, rest) = spoken_number(&s)?;
    let rest = rest.strip_prefix(['点', '時', '时'])?.trim_start();
    let rest = rest.strip_prefix('钟').unwrap_or(rest).trim_start();
    let minute = match rest {
        "" => 0,
        "半" => 30,
        "一刻" => 15,
        "三刻" => 45,
        _ => {
            let (m, tail) = spoken_number(rest)?;
            if !(tail.is_empty() || tail == "分") {
                return None;
            }
            m
        }
    };
    Time::new(i8::try_from(hour).ok()?, i8::try_from(minute).ok()?, 0, 0).ok()
}

/// A local date with a time (`Some`), or a date alone (`Some(None)`), in the ISO-like
/// spellings; `None` when `s` is neither.
fn parse_local_datetime(s: &str) -> Option<Option<DateTime>> {
    let s = s.replace('/', "-").replace('：', ":").replace('T', " ");
    let s = s.split_whitespace().collect::<Vec<_>>().join(" ");
    for f in ["%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M"] {
        if let Ok(dt) = DateTime::strptime(f, &s) {
            return Some(Some(dt));
        }
    }
    Date::strptime("%Y-%m-%d", &s).ok().map(|_| None)
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::tz::TimeZone;

    fn now() -> ZonedDateTime {
        "2026-11-29T15:00:00+08:00[Asia/Shanghai]"
            .parse::<ZonedDateTime>()
            .expect("valid")
    }

    fn at(s: &str) -> String {
        parse_when(s, &now())
            .map(|m| m.to_string())
            .unwrap_or_else(|e| format!("ERR {e}"))
    }

    #[test]
    fn accepted_forms() {
        assert_eq!(at("2026-11-29T14:05:00+08:00"), "2026-11-29T14:05:00+08:00");
        assert_eq!(at("2026-11-29T06:05:00Z"), "2026-11-29T14:05:00+08:00");
        assert_eq!(at("2026-11-29 14:05"), "2026-11-29T14:05:00+08:00");
        assert_eq!(at("2026/11/28 9:30"), "2026-11-28T09:30:00+08:00");
        assert_eq!(at("14:05"), "2026-11-29T14:05:00+08:00");
        assert_eq!(at("14：05"), "2026-11-29T14:05:00+08:00");
        assert_eq!(at("-10m"), "2026-11-29T14:50:00+08:00");
        assert_eq!(at("-2h"), "2026-11-29T13:00:00+08:00");
        assert_eq!(at("3天前"), "2026-11-26T15:00:00+08:00");
    }

    #[test]
    fn refused_forms() {
        assert!(at("yesterday-ish").starts_with("ERR cannot read"));
        assert!(at("25:99").starts_with("ERR cannot read"));
        assert!(at("2027-01-01 10:00").starts_with("ERR the time"));
    }

    fn read(s: &str) -> (String, Option<Assumed>) {
        let r = read_when(s, &now()).expect(s);
        (r.moment.to_string(), r.assumed)
    }

    #[test]
    fn the_forms_people_write() {
        assert_eq!(read("今天 14:05"), ("2026-11-29T14:05:00+08:00".into(), None));
        assert_eq!(read("昨天 14:05"), ("2026-11-28T14:05:00+08:00".into(), None));
        assert_eq!(read("前天9:30"), ("2026-11-27T09:30:00+08:00".into(), None));
        assert_eq!(read("11月29日 14:05"), ("2026-11-29T14:05:00+08:00".into(), None));
        assert_eq!(
            read("11月28号 9点30分"),
            ("2026-11-28T09:30:00+08:00".into(), None)
        );
        assert_eq!(
            read("2026年11月29日 14:05"),
            ("2026-11-29T14:05:00+08:00".into(), None)
        );
        assert_eq!(read("１４：０５"), ("2026-11-29T14:05:00+08:00".into(), None));
        assert_eq!(
            read("昨天　１４：０５"),
            ("2026-11-28T14:05:00+08:00".into(), None)
        );
    }

    #[test]
    fn a_day_without_a_time_asks_for_the_time() {
        for s in [
            "昨天",
            "前天",
            "2025年1月2日",
            "11月28日",
            "2026-11-28",
            "2026/11/28",
            "11.28",
        ] {
            assert_eq!(parse_when(s, &now()), Err(WhenError::DateOnly(s.into())), "{s}");
        }
    }

    #[test]
    fn a_step_record_may_give_only_the_day() {
        let day = |s: &str| parse_day_or_when(s, &now()).map(|m| m.to_string());
        assert_eq!(day("11月28日").as_deref(), Ok("2026-11-28T00:00:00+08:00"));
        assert_eq!(day("昨天").as_deref(), Ok("2026-11-28T00:00:00+08:00"));
        assert_eq!(day("昨天下午3点").as_deref(), Ok("2026-11-28T15:00:00+08:00"));
        assert!(day("13月1日").is_err());
    }

    #[test]
    fn times_as_people_say_them() {
        let cases = [
            ("刚才", "2026-11-29T15:00:00+08:00"),
            ("刚刚", "2026-11-29T15:00:00+08:00"),
            ("现在", "2026-11-29T15:00:00+08:00"),
            ("下午2点", "2026-11-29T14:00:00+08:00"),
            ("下午 2:30", "2026-11-29T14:30:00+08:00"),
            ("下午两点半", "2026-11-29T14:30:00+08:00"),
            ("上午10点半", "2026-11-29T10:30:00+08:00"),
            ("中午12点", "2026-11-29T12:00:00+08:00"),
            ("中午1点", "2026-11-29T13:00:00+08:00"),
            ("凌晨3点", "2026-11-29T03:00:00+08:00"),
            ("昨晚8点", "2026-11-28T20:00:00+08:00"),
            ("昨天晚上8点", "2026-11-28T20:00:00+08:00"),
            ("昨天晚上12点", "2026-11-29T00:00:00+08:00"),
            ("昨夜2点", "2026-11-28T02:00:00+08:00"),
            ("今早7点一刻", "2026-11-29T07:15:00+08:00"),
            ("前天下午3点", "2026-11-27T15:00:00+08:00"),
            ("11月29日下午2点", "2026-11-29T14:00:00+08:00"),
            ("11月28日 晚上9点", "2026-11-28T21:00:00+08:00"),
            ("2026年11月28日下午3点05分", "2026-11-28T15:05:00+08:00"),
            ("11.28 14:05", "2026-11-28T14:05:00+08:00"),
            ("11/28 14:05", "2026-11-28T14:05:00+08:00"),
            ("十分钟前", "2026-11-29T14:50:00+08:00"),
            ("10分钟前", "2026-11-29T14:50:00+08:00"),
            ("两小时前", "2026-11-29T13:00:00+08:00"),
            ("两个小时前", "2026-11-29T13:00:00+08:00"),
            ("半小时前", "2026-11-29T14:30:00+08:00"),
            ("一个半小时前", "2026-11-29T13:30:00+08:00"),
            ("二十分钟之前", "2026-11-29T14:40:00+08:00"),
            ("三天前", "2026-11-26T15:00:00+08:00"),
            ("１１月２８日下午３点", "2026-11-28T15:00:00+08:00"),
        ];
        for (typed, want) in cases {
            assert_eq!(at(typed), want, "{typed}");
        }
        // A later time of today without a day was yesterday, said or written.
        assert_eq!(
            read("晚上9点"),
            ("2026-11-28T21:00:00+08:00".into(), Some(Assumed::Yesterday))
        );
        for nonsense in [
            "下午25点",
            "上午13点",
            "晚上3点",
            "十分钟",
            "下午",
            "昨晚",
            "11.28 下午",
            "1.2.3 10:00",
        ] {
            assert!(at(nonsense).starts_with("ERR"), "{nonsense}: {}", at(nonsense));
        }
    }

    proptest::proptest! {
        /// Every way of saying an hour of the afternoon or evening, with any day word and any
        /// minute spelling, reads as that hour and minute on that day (a fixed clock).
        #[test]
        fn said_times_read_as_meant(
            day in 0usize..4,
            part in 0usize..3,
            hour in 1i8..=11,
            minute in proptest::sample::select(vec![0i8, 15, 30, 5, 45]),
            chinese in proptest::bool::ANY,
            wide in proptest::bool::ANY,
        ) {
            let (day_word, back) = [("", 0), ("昨天", 1), ("前天", 2), ("11月26日", 3)][day];
            let (part_word, add) = [("下午", 12), ("晚上", 12), ("上午", 0)][part];
            if part_word == "晚上" && hour < 5 {
                return Ok(());
            }
            let cn = ["", "一", "两", "三", "四", "五", "六", "七", "八", "九", "十", "十一"];
            let h = if chinese { cn[hour as usize].to_string() } else { hour.to_string() };
            let m = match (minute, chinese) {
                (0, _) => String::new(),
                (30, true) => "半".into(),
                (15, true) => "一刻".into(),
                (m, _) => format!("{m}分"),
            };
            let mut typed = format!("{day_word}{part_word}{h}点{m}");
            if wide {
                typed = typed.chars().map(|c| match c {
                    '0'..='9' => char::from_u32(c as u32 - '0' as u32 + 0xFF10).unwrap_or(c),
                    c => c,
                }).collect();
            }
            let want_hour = hour + add;
            let r = read_when(&typed, &now());
            let day_of = |back: i64| now().date().checked_sub(jiff::Span::new().days(back)).expect("day");
            match r {
                Ok(r) => {
                    let local = r.moment.zoned().datetime();
                    proptest::prop_assert_eq!((local.hour(), local.minute()), (want_hour, minute), "{}", typed);
                    // Today's later hours were yesterday; a day said is kept.
                    let expect_day = if day == 0 && r.assumed == Some(Assumed::Yesterday) { day_of(1) } else { day_of(back) };
                    proptest::prop_assert_eq!(local.date(), expect_day, "{}", typed);
                }
                Err(WhenError::Future(_)) => proptest::prop_assert!(day == 0 || back == 0, "{}", typed),
                Err(e) => proptest::prop_assert!(false, "{} refused: {}", typed, e),
            }
        }
    }

    #[test]
    fn a_time_later_than_now_was_yesterday_and_a_later_date_last_year() {
        assert_eq!(
            read("16:30"),
            ("2026-11-28T16:30:00+08:00".into(), Some(Assumed::Yesterday))
        );
        assert_eq!(
            read("12月25日 10:00"),
            ("2025-12-25T10:00:00+08:00".into(), Some(Assumed::LastYear))
        );
        // Written out in full, a later day is still refused: nothing is guessed.
        assert!(at("今天 16:30").starts_with("ERR the time"));
        assert!(at("2026年12月25日").starts_with("ERR the time"));
        assert!(at("13月1日").starts_with("ERR cannot read"));
        assert!(at("昨天 25:00").starts_with("ERR cannot read"));
    }

    #[test]
    fn dates_as_people_write_them() {
        let d = |s: &str| parse_date(s).map(|d| d.to_string());
        assert_eq!(d("1949年12月31日").as_deref(), Some("1949-12-31"));
        assert_eq!(d("１９４９－１２－３１").as_deref(), Some("1949-12-31"));
        assert_eq!(d("1988/6/5").as_deref(), Some("1988-06-05"));
        assert_eq!(d("12月31日"), None);
        assert_eq!(d("1949年2月30日"), None);
    }

    #[test]
    fn times_before_1970_and_offsets_no_place_uses_are_refused() {
        assert_eq!(
            parse_when("-99999999h", &now()),
            Err(WhenError::TooEarly("-99999999h".into()))
        );
        assert_eq!(
            parse_when("1969-12-31 23:00", &now()),
            Err(WhenError::TooEarly("1969-12-31 23:00".into()))
        );
        assert_eq!(
            parse_when("2026-11-29T14:05:00+25:00", &now()),
            Err(WhenError::BadOffset("2026-11-29T14:05:00+25:00".into()))
        );
        assert_eq!(
            parse_when("2026-11-29T14:05+25:00", &now()),
            Err(WhenError::BadOffset("2026-11-29T14:05+25:00".into()))
        );
        assert_eq!(at("1970-01-02 08:00"), "1970-01-02T08:00:00+08:00");
    }

    #[test]
    fn keeps_the_local_offset() {
        let utc = "2026-11-29T07:00:00+00:00[UTC]"
            .parse::<ZonedDateTime>()
            .expect("valid");
        let m = parse_when("06:00", &utc).expect("ok");
        assert_eq!(m.to_string(), "2026-11-29T06:00:00+00:00");
        let _ = TimeZone::UTC;
    }
}
