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

/// Parses a time relative to `now`: RFC 3339 with offset (`2026-11-29T14:05:00+08:00`),
/// a local date and time (`2026-11-29 14:05`, seconds optional, `/` or `-` in the date), the
/// forms people write (`今天 14:05`, `昨天 14:05`, `前天 9:30`, `11月29日 14:05`,
/// `2026年11月29日 14:05`, `14点05分`), a time of today (`14:05`; later than now means
/// yesterday), or a time ago (`-10m`, `-2h`, `-3d`, `-45s`, also `10m` / `10分钟前`).
/// Full-width digits and colons (`１４：０５`) read as their ASCII forms.
pub fn read_when(input: &str, now: &ZonedDateTime) -> Result<ReadTime, WhenError> {
    let folded = to_halfwidth(input);
    let s = folded.trim();
    let unreadable = || WhenError::Unreadable(input.trim().to_string());
    let tz = now.time_zone().clone();
    let zoned = |dt: DateTime| dt.to_zoned_datetime(tz.clone()).map(|z| Moment::from_zoned(&z));
    let later_than_now = |m: &Moment| {
        m.timestamp().as_second() > now.timestamp().as_second() + crate::moment::FUTURE_SLACK_SECONDS
    };
    let mut assumed = None;
    let moment = if let Some(ago) = parse_ago(s) {
        let z = now
            .checked_sub(ago)
            .map_err(|_| WhenError::TooEarly(s.to_string()))?;
        Moment::from_zoned(&z)
    } else if let Some(m) = parse_moment(s)? {
        m
    } else if let Ok(ts) = s.parse::<jiff::Timestamp>() {
        Moment::from_zoned(&ts.to_zoned_datetime(tz.clone()))
    } else if let Some(dt) = parse_local_datetime(s) {
        zoned(dt).map_err(|_| unreadable())?
    } else if let Some((back, rest)) = relative_day(s) {
        let time = if rest.is_empty() {
            Time::midnight()
        } else {
            parse_time(rest).ok_or_else(unreadable)?
        };
        let day = now
            .date()
            .checked_sub(jiff::Span::new().days(back))
            .map_err(|_| unreadable())?;
        zoned(day.to_datetime(time)).map_err(|_| unreadable())?
    } else if let Some((year, month, day, rest)) = chinese_date(s) {
        let time = if rest.is_empty() {
            Time::midnight()
        } else {
            parse_time(rest).ok_or_else(unreadable)?
        };
        let at = |y: i16| {
            Date::new(y, month, day)
                .ok()
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
    } else if let Some(t) = parse_time(s) {
        let today = zoned(now.date().to_datetime(t)).map_err(|_| unreadable())?;
        if later_than_now(&today) {
            assumed = Some(Assumed::Yesterday);
            let yesterday = now.date().yesterday().map_err(|_| unreadable())?;
            zoned(yesterday.to_datetime(t)).map_err(|_| unreadable())?
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

/// `今天` / `昨天` / `前天` at the start: how many days back, and the rest.
fn relative_day(s: &str) -> Option<(i64, &str)> {
    [("今天", 0), ("昨天", 1), ("前天", 2)]
        .iter()
        .find_map(|(word, back)| s.strip_prefix(word).map(|rest| (*back, rest.trim())))
}

/// Reads the leading digits of `s` and the text after them.
fn number(s: &str) -> Option<(i64, &str)> {
    let end = s.find(|c: char| !c.is_ascii_digit()).unwrap_or(s.len());
    if end == 0 || end > 4 {
        return None;
    }
    Some((s[..end].parse().ok()?, &s[end..]))
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

fn parse_ago(s: &str) -> Option<SignedDuration> {
    let body = s.strip_prefix('-').unwrap_or(s);
    let body = body.strip_suffix('前').unwrap_or(body).trim();
    let split = body.find(|c: char| !c.is_ascii_digit())?;
    if split == 0 {
        return None;
    }
    let (num, unit) = body.split_at(split);
    let n: i64 = num.parse().ok()?;
    let secs = match unit.trim() {
        "s" | "sec" | "秒" | "秒钟" => n,
        "m" | "min" | "分" | "分钟" => n.checked_mul(60)?,
        "h" | "hour" | "小时" | "个小时" => n.checked_mul(3600)?,
        "d" | "day" | "天" => n.checked_mul(86_400)?,
        _ => return None,
    };
    Some(SignedDuration::from_secs(secs))
}

/// `14:05`, `14:05:30`, `14点`, `14点05分`, `14点05`.
fn parse_time(s: &str) -> Option<Time> {
    let s = s.replace('：', ":");
    if let Some(t) = ["%H:%M:%S", "%H:%M"]
        .iter()
        .find_map(|f| Time::strptime(f, &s).ok())
    {
        return Some(t);
    }
    let (hour, rest) = number(&s)?;
    let rest = rest.strip_prefix('点')?.trim_start();
    let minute = if rest.is_empty() {
        0
    } else {
        let (m, tail) = number(rest)?;
        if !(tail.is_empty() || tail == "分") {
            return None;
        }
        m
    };
    Time::new(i8::try_from(hour).ok()?, i8::try_from(minute).ok()?, 0, 0).ok()
}

fn parse_local_datetime(s: &str) -> Option<DateTime> {
    let s = s.replace('/', "-").replace('：', ":").replace('T', " ");
    let s = s.split_whitespace().collect::<Vec<_>>().join(" ");
    for f in ["%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M"] {
        if let Ok(dt) = DateTime::strptime(f, &s) {
            return Some(dt);
        }
    }
    Date::strptime("%Y-%m-%d", &s)
        .ok()
        .map(|d| d.to_datetime(Time::midnight()))
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
        assert_eq!(read("昨天"), ("2026-11-28T00:00:00+08:00".into(), None));
        assert_eq!(read("11月29日 14:05"), ("2026-11-29T14:05:00+08:00".into(), None));
        assert_eq!(
            read("11月28号 9点30分"),
            ("2026-11-28T09:30:00+08:00".into(), None)
        );
        assert_eq!(
            read("2026年11月29日 14:05"),
            ("2026-11-29T14:05:00+08:00".into(), None)
        );
        assert_eq!(read("2025年1月2日"), ("2025-01-02T00:00:00+08:00".into(), None));
        assert_eq!(read("１４：０５"), ("2026-11-29T14:05:00+08:00".into(), None));
        assert_eq!(
            read("昨天　１４：０５"),
            ("2026-11-28T14:05:00+08:00".into(), None)
        );
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
