//! Reading the `--at` time the user gives for when something happened.

use jiff::civil::{Date, DateTime, Time};
use jiff::{SignedDuration, ZonedDateTime};

use super::moment::Moment;

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

/// How far ahead of the clock a time may be (clock skew, a call logged the same minute).
const FUTURE_SLACK_SECONDS: i64 = 120;

/// Parses a time relative to `now`: RFC 3339 with offset (`2026-11-29T14:05:00+08:00`),
/// a local date and time (`2026-11-29 14:05`, seconds optional, `/` or `-` in the date), a
/// time of today (`14:05`), or a time ago (`-10m`, `-2h`, `-3d`, `-45s`, also `10m` / `10分钟前`).
pub fn parse_when(input: &str, now: &ZonedDateTime) -> Result<Moment, WhenError> {
    let s = input.trim();
    let unreadable = || WhenError::Unreadable(s.to_string());
    let moment = if let Some(ago) = parse_ago(s) {
        let z = now
            .checked_sub(ago)
            .map_err(|_| WhenError::TooEarly(s.to_string()))?;
        Moment::from_zoned(&z)
    } else if let Some(m) = parse_moment(s)? {
        m
    } else if let Ok(ts) = s.parse::<jiff::Timestamp>() {
        Moment::from_zoned(&ts.to_zoned_datetime(now.time_zone().clone()))
    } else if let Some(dt) = parse_local_datetime(s) {
        let z = dt
            .to_zoned_datetime(now.time_zone().clone())
            .map_err(|_| unreadable())?;
        Moment::from_zoned(&z)
    } else if let Some(t) = parse_time(s) {
        let z = now
            .date()
            .to_datetime(t)
            .to_zoned_datetime(now.time_zone().clone())
            .map_err(|_| unreadable())?;
        Moment::from_zoned(&z)
    } else {
        return Err(unreadable());
    };
    check_range(&moment, now).map_err(|e| match e {
        Range::Future => WhenError::Future(s.to_string()),
        Range::TooEarly => WhenError::TooEarly(s.to_string()),
    })?;
    Ok(moment)
}

/// Where a time lies outside what leakaid records.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Range {
    /// Later than now (beyond a two-minute allowance for clock skew).
    Future,
    /// Before 1970-01-01T00:00:00Z.
    TooEarly,
}

/// The one check of a time against what leakaid records: from 1970-01-01 to now (plus a
/// two-minute allowance for clocks that disagree).
pub fn check_range(m: &Moment, now: &ZonedDateTime) -> Result<(), Range> {
    let secs = m.timestamp().as_second();
    if secs < 0 {
        return Err(Range::TooEarly);
    }
    if secs > now.timestamp().as_second() + FUTURE_SLACK_SECONDS {
        return Err(Range::Future);
    }
    Ok(())
}

/// An RFC 3339 time with its offset; an offset no place uses is refused, any other text
/// is not this form (`None`).
fn parse_moment(s: &str) -> Result<Option<Moment>, WhenError> {
    match s.parse::<Moment>() {
        Ok(m) => Ok(Some(m)),
        Err(super::moment::MomentError::Offset(_)) => Err(WhenError::BadOffset(s.to_string())),
        Err(_) => {
            // Other spellings jiff reads (`…T14:05+25:00`, `…Z`): check the offset too.
            match jiff::fmt::temporal::Pieces::parse(s) {
                Ok(p) => match p.offset() {
                    Some(jiff::fmt::temporal::PiecesOffset::Numeric(n))
                        if !super::moment::is_real_offset(n.offset()) =>
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

fn parse_time(s: &str) -> Option<Time> {
    let s = s.replace('：', ":");
    ["%H:%M:%S", "%H:%M"]
        .iter()
        .find_map(|f| Time::strptime(f, &s).ok())
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
        assert!(at("16:30").starts_with("ERR the time"));
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
