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

    /// The moment as a zoned date-time in its own offset.
    pub fn zoned(&self) -> ZonedDateTime {
        self.ts.to_zoned_datetime(TimeZone::fixed(self.offset))
    }

    /// `2026-11-29 14:05` in the recorded offset: what lists and the PDF show.
    pub fn short(&self) -> String {
        self.zoned().strftime("%Y-%m-%d %H:%M").to_string()
    }

    /// `2026-11-29 14:05:09 +08:00`: the full form for detail views.
    pub fn long(&self) -> String {
        self.zoned().strftime("%Y-%m-%d %H:%M:%S %:z").to_string()
    }
}

impl fmt::Display for Moment {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.zoned().strftime("%Y-%m-%dT%H:%M:%S%:z"))
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
        s.collect_str(self)
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
