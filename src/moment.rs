//! A moment in time as the user lived it: an instant plus the UTC offset of the place where
//! it was recorded, written as RFC 3339 (`2026-11-29T14:05:00+08:00`).

use std::fmt;
use std::str::FromStr;

use jiff::tz::{Offset, TimeZone};
use jiff::{Timestamp, ZonedDateTime};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// An instant with the UTC offset it was recorded in; seconds precision.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Moment {
    ts: Timestamp,
    offset: Offset,
}

impl Moment {
    /// Now, in the system's time zone.
    pub fn now() -> Moment {
        Moment::from_zoned(&ZonedDateTime::now())
    }

    /// The moment of a zoned date-time, keeping its offset; sub-seconds are dropped.
    pub fn from_zoned(z: &ZonedDateTime) -> Moment {
        let ts = Timestamp::from_second(z.timestamp().as_second()).unwrap_or(z.timestamp());
        Moment {
            ts,
            offset: z.offset(),
        }
    }

    /// The instant.
    pub fn timestamp(&self) -> Timestamp {
        self.ts
    }

    /// The UTC offset it was recorded in.
    pub fn offset(&self) -> Offset {
        self.offset
    }

    /// The same instant as it reads at another UTC offset.
    pub fn at_offset(&self, offset: Offset) -> Moment {
        Moment { ts: self.ts, offset }
    }

    /// The moment as a zoned date-time in its own offset.
    pub fn zoned(&self) -> ZonedDateTime {
        self.ts.to_zoned_datetime(TimeZone::fixed(self.offset))
    }

    /// `2026-11-29 14:05` in the recorded offset: what lists and the PDF show.
    pub fn short(&self) -> String {
        let mut t = String::with_capacity(Digits::SHORT);
        self.push_short(&mut t);
        t
    }

    /// [`Moment::short`] added to the end of `out` (for a printer that reuses one buffer).
    pub fn push_short(&self, out: &mut String) {
        match self.digits() {
            Some(mut d) => {
                d.0[10] = b' ';
                out.push_str(d.as_str().get(..Digits::SHORT).unwrap_or_default());
            }
            None => {
                use std::fmt::Write as _;
                let _ = write!(out, "{}", self.zoned().strftime("%Y-%m-%d %H:%M"));
            }
        }
    }

    /// `2026-11-29 14:05:09 +08:00`: the full form for detail views.
    pub fn long(&self) -> String {
        match self.digits() {
            Some(d) => {
                let t = d.spaced();
                format!("{} {}", &t[..Digits::SECONDS], &t[Digits::SECONDS..])
            }
            None => self.zoned().strftime("%Y-%m-%d %H:%M:%S %:z").to_string(),
        }
    }

    /// The moment's digits in its own offset, when they fit the fixed-width form (a year of
    /// four digits, an offset of whole minutes): every moment leakaid records. Writing them
    /// by hand instead of through `strftime` matters when a large case is read and printed.
    fn digits(&self) -> Option<Digits> {
        let dt = self.offset.to_datetime(self.ts);
        let off = self.offset.seconds();
        if !(0..=9999).contains(&dt.year()) || off % 60 != 0 {
            return None;
        }
        let mut b = *b"0000-00-00T00:00:00+00:00";
        let mut put = |at: usize, width: usize, mut v: u32| {
            for i in (at..at + width).rev() {
                b[i] = b'0' + (v % 10) as u8;
                v /= 10;
            }
        };
        let n = |v: i8| u32::from(v.unsigned_abs());
        put(0, 4, u32::from(dt.year().unsigned_abs()));
        put(5, 2, n(dt.month()));
        put(8, 2, n(dt.day()));
        put(11, 2, n(dt.hour()));
        put(14, 2, n(dt.minute()));
        put(17, 2, n(dt.second()));
        let mins = off.unsigned_abs() / 60;
        put(20, 2, mins / 60);
        put(23, 2, mins % 60);
        if off < 0 {
            b[19] = b'-';
        }
        Some(Digits(b))
    }

    /// Reads the fixed-width form `YYYY-MM-DDTHH:MM:SS±HH:MM` by hand; `None` for anything
    /// else (which then goes to the general parser). Gives the same moment the general
    /// parser gives for every text it accepts (a test compares the two).
    fn parse_fixed(s: &str) -> Option<Moment> {
        let b: &[u8; 25] = s.as_bytes().try_into().ok()?;
        let num = |at: usize, width: usize| -> Option<i32> {
            b[at..at + width].iter().try_fold(0i32, |v, c| {
                c.is_ascii_digit().then(|| v * 10 + i32::from(c - b'0'))
            })
        };
        let punct = [
            (4, b'-'),
            (7, b'-'),
            (10, b'T'),
            (13, b':'),
            (16, b':'),
            (22, b':'),
        ];
        if punct.iter().any(|&(i, c)| b[i] != c) {
            return None;
        }
        let small = |v: i32| i8::try_from(v).ok();
        let date = jiff::civil::Date::new(
            i16::try_from(num(0, 4)?).ok()?,
            small(num(5, 2)?)?,
            small(num(8, 2)?)?,
        )
        .ok()?;
        let time =
            jiff::civil::Time::new(small(num(11, 2)?)?, small(num(14, 2)?)?, small(num(17, 2)?)?, 0).ok()?;
        let (hh, mm) = (num(20, 2)?, num(23, 2)?);
        if mm >= 60 {
            return None;
        }
        let sign = match b[19] {
            b'+' => 1,
            b'-' => -1,
            _ => return None,
        };
        let offset = Offset::from_seconds(sign * (hh * 3600 + mm * 60)).ok()?;
        let ts = offset.to_timestamp(date.to_datetime(time)).ok()?;
        Some(Moment { ts, offset })
    }
}

/// A moment written out: `2026-11-29T14:05:09+08:00`, always 25 ASCII bytes.
struct Digits([u8; 25]);

impl Digits {
    /// Bytes of `YYYY-MM-DD HH:MM`.
    const SHORT: usize = 16;
    /// Bytes of `YYYY-MM-DDTHH:MM:SS`.
    const SECONDS: usize = 19;

    /// The form with a space between the date and the time.
    fn spaced(mut self) -> String {
        self.0[10] = b' ';
        self.as_str().to_string()
    }

    fn as_str(&self) -> &str {
        std::str::from_utf8(&self.0).unwrap_or_default()
    }
}

impl fmt::Display for Moment {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.digits() {
            Some(d) => f.write_str(d.as_str()),
            None => write!(f, "{}", self.zoned().strftime("%Y-%m-%dT%H:%M:%S%:z")),
        }
    }
}

/// Why a text is not a moment.
#[derive(Debug, thiserror::Error)]
pub enum MomentError {
    /// Not `YYYY-MM-DDTHH:MM:SS±HH:MM`.
    #[error(transparent)]
    Syntax(#[from] jiff::Error),
    /// An offset no place on Earth uses (outside −12:00 … +14:00).
    #[error("the UTC offset {0} does not exist")]
    Offset(Offset),
}

/// The UTC offsets places really use: −12:00 to +14:00.
pub fn is_real_offset(o: Offset) -> bool {
    (-12 * 3600..=14 * 3600).contains(&o.seconds())
}

impl FromStr for Moment {
    type Err = MomentError;

    fn from_str(s: &str) -> Result<Moment, MomentError> {
        if let Some(m) = Moment::parse_fixed(s).filter(|m| is_real_offset(m.offset)) {
            return Ok(m);
        }
        let tm = jiff::fmt::strtime::parse("%Y-%m-%dT%H:%M:%S%:z", s)?;
        let ts = tm.to_timestamp()?;
        let offset = tm.offset().unwrap_or(Offset::UTC);
        if !is_real_offset(offset) {
            return Err(MomentError::Offset(offset));
        }
        Ok(Moment { ts, offset })
    }
}

impl Serialize for Moment {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self.digits() {
            Some(d) => s.serialize_str(d.as_str()),
            None => s.collect_str(self),
        }
    }
}

impl<'de> Deserialize<'de> for Moment {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Moment, D::Error> {
        d.deserialize_str(ParseStr::new("a string"))
    }
}

impl ParseFrom for Moment {
    fn parse_from<E: serde::de::Error>(s: &str) -> Result<Moment, E> {
        s.parse().map_err(E::custom)
    }
}

/// A value read from a string, with the error serde reports when it does not parse.
pub(crate) trait ParseFrom: Sized {
    /// Parses `s`.
    fn parse_from<E: serde::de::Error>(s: &str) -> Result<Self, E>;
}

/// Reads a [`ParseFrom`] value from the string in place (borrowed or in the parser's scratch
/// buffer) instead of first copying it into a `String`; accepts what `String` accepts.
pub(crate) struct ParseStr<T> {
    expecting: &'static str,
    value: std::marker::PhantomData<T>,
}

impl<T> ParseStr<T> {
    /// A visitor that says it expected `expecting` when given something else.
    pub(crate) fn new(expecting: &'static str) -> ParseStr<T> {
        ParseStr {
            expecting,
            value: std::marker::PhantomData,
        }
    }
}

impl<T: ParseFrom> serde::de::Visitor<'_> for ParseStr<T> {
    type Value = T;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.expecting)
    }

    fn visit_str<E: serde::de::Error>(self, s: &str) -> Result<T, E> {
        T::parse_from(s)
    }

    fn visit_bytes<E: serde::de::Error>(self, b: &[u8]) -> Result<T, E> {
        match std::str::from_utf8(b) {
            Ok(s) => T::parse_from(s),
            Err(_) => Err(E::invalid_value(serde::de::Unexpected::Bytes(b), &self)),
        }
    }
}

/// How far ahead of the clock a time may be (clock skew, a call logged the same minute).
pub const FUTURE_SLACK_SECONDS: i64 = 120;

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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_with_its_offset() {
        let m: Moment = "2026-11-29T14:05:09+08:00".parse().expect("parses");
        assert_eq!(m.to_string(), "2026-11-29T14:05:09+08:00");
        assert_eq!(m.short(), "2026-11-29 14:05");
        assert_eq!(m.timestamp().to_string(), "2026-11-29T06:05:09Z");
    }

    /// The general parser and formatter, which the hand-written fixed-width ones stand in for.
    fn by_strtime(s: &str) -> Option<Moment> {
        let tm = jiff::fmt::strtime::parse("%Y-%m-%dT%H:%M:%S%:z", s).ok()?;
        let ts = tm.to_timestamp().ok()?;
        let offset = tm.offset().unwrap_or(Offset::UTC);
        is_real_offset(offset).then_some(Moment { ts, offset })
    }

    proptest::proptest! {
        #[test]
        fn hand_written_forms_match_strftime(
            secs in -62_000_000_000i64..253_000_000_000i64,
            off in -12 * 3600i32..=14 * 3600,
            whole_minutes in proptest::bool::ANY,
        ) {
            let off = if whole_minutes { off - off % 60 } else { off };
            let m = Moment {
                ts: Timestamp::from_second(secs).expect("in range"),
                offset: Offset::from_seconds(off).expect("offset"),
            };
            let z = m.zoned();
            proptest::prop_assert_eq!(m.to_string(), z.strftime("%Y-%m-%dT%H:%M:%S%:z").to_string());
            proptest::prop_assert_eq!(m.short(), z.strftime("%Y-%m-%d %H:%M").to_string());
            proptest::prop_assert_eq!(m.long(), z.strftime("%Y-%m-%d %H:%M:%S %:z").to_string());
            let text = m.to_string();
            proptest::prop_assert_eq!(text.parse::<Moment>().ok(), by_strtime(&text));
            proptest::prop_assert_eq!(
                serde_json::to_string(&m).expect("json"),
                format!("\"{text}\"")
            );
        }

        #[test]
        fn hand_reading_matches_strtime_on_any_fixed_width_text(
            s in "[0-9]{4}-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-6][0-9]:[0-6][0-9][+-][0-2][0-9]:[0-6][0-9]",
        ) {
            proptest::prop_assert_eq!(s.parse::<Moment>().ok(), by_strtime(&s));
        }
    }

    #[test]
    fn fixed_width_edges_read_as_strtime_reads_them() {
        for s in [
            "2026-02-29T10:00:00+08:00",
            "2024-02-29T23:59:59-12:00",
            "2026-12-31T24:00:00+08:00",
            "2026-06-30T23:59:60+00:00",
            "0000-01-01T00:00:00+00:00",
            "2026-01-01T00:00:00-00:00",
            "2026-01-01T00:00:00+14:01",
            "2026-01-01T00:00:00+05:60",
            "2026-01-01 00:00:00+08:00",
            "2026-01-01T00:00:00Z",
            "+2026-01-01T00:00:00+08:00",
        ] {
            assert_eq!(s.parse::<Moment>().ok(), by_strtime(s), "{s}");
        }
    }

    #[test]
    fn offsets_no_place_uses_are_refused() {
        assert!("2026-11-29T14:05:09+14:00".parse::<Moment>().is_ok());
        assert!("2026-11-29T14:05:09-12:00".parse::<Moment>().is_ok());
        assert!(matches!(
            "2026-11-29T14:05:09+25:00".parse::<Moment>(),
            Err(MomentError::Offset(_))
        ));
        assert!("2026-11-29T14:05:09-13:00".parse::<Moment>().is_err());
    }
}
